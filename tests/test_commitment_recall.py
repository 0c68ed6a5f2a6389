"""Commitments found by structure: the classes of promises a plan reader used to miss.

Each test holds real sentences of a national 政府工作报告 (corpora/national/) or of a
county report, and names the class of clause it specifies, not the sentence.
"""

import summarylab as sl
from hypothesis import given
from hypothesis import strategies as st
from summarylab.plans import commitment_clauses, explain_plan, plan_commitments


def commitments(doc):
    return [c.text for _, cs in plan_commitments(doc) for c in cs]


def plan_doc(body: str, year: int = 2002):
    """A 政府工作报告 of ``year`` whose plan part is ``body`` (the report's own sentences)."""
    return sl.read_text(f"{year}年政府工作报告\n——在第九届全国人民代表大会上\n国务院总理\n"
                        f"一、{year - 1}年工作回顾\n{year - 1}年国内生产总值增长7.3%。\n"
                        f"二、{year}年的主要任务\n{body}\n")


def test_an_enumerated_point_running_on_in_its_paragraph_is_a_promise():
    # 2002: 一是…二是… inside a paragraph; the point's first sentence is the promise,
    # not a heading naming it (（一）继续加强农业 on a line of its own is one).
    doc = plan_doc("扩大国内需求，首先必须增加城乡居民特别是低收入群体的收入。"
                   "一是采取更有力的措施，千方百计增加农民收入。二是进一步完善城镇社会保障体系。"
                   "完善失业保险制度。三是继续适当提高机关事业单位职工基本工资，"
                   "并相应增加机关事业单位离退休人员离退休金。四是积极扩大就业和再就业。"
                   "这是增加居民收入的重要途径。五是拓宽消费领域，改善消费环境。"
                   "鼓励居民扩大住房、旅游、汽车、电信、文化、体育和其他服务性消费。")
    found = commitments(doc)
    for promise in ("进一步完善城镇社会保障体系", "继续适当提高机关事业单位职工基本工资",
                    "相应增加机关事业单位离退休人员离退休金", "积极扩大就业和再就业",
                    "拓宽消费领域", "改善消费环境", "完善失业保险制度"):
        assert any(promise in c for c in found), promise


def test_a_heading_on_its_own_line_names_its_part_and_promises_nothing():
    doc = plan_doc("（一）继续加强农业，保持农业生产稳步发展\n"
                   "今年要继续增加对农业的投入。\n（二）保持工业生产和交通运输适度增长\n"
                   "要大力抓好全面降低能源消耗的工作。", year=1991)
    found = commitments(doc)
    assert "继续增加对农业的投入" in found
    assert not any("保持农业生产稳步发展" in c for c in found)


def test_the_bullets_a_targets_paragraph_announces_are_targets():
    # 1991: 主要目标是： then a list of —— paragraphs, qualitative targets among the numeric ones.
    doc = plan_doc("一九九一年计划安排总的指导思想是：继续推进治理整顿和深化改革。\n"
                   "基于上述指导思想，一九九一年国民经济和社会发展的主要目标是：\n"
                   "——农业总产值比上年增长3.5%，工业总产值增长6%。\n"
                   "——发展经济，广辟财源，改善财政困难状况，控制货币发行和物价总水平。\n"
                   "——按照国力的可能，保持投资规模和消费需求适度增长。城乡居民消费水平继续有所提高。\n"
                   "——努力推进以增强企业活力为中心的各项改革，进一步扩展对外经济技术交流与合作。\n"
                   "一九九一年计划的任务，主要有以下几个方面：\n"
                   "（一）继续加强农业\n要继续增加对农业的投入。", year=1991)
    found = commitments(doc)
    for target in ("广辟财源", "改善财政困难状况", "控制货币发行和物价总水平",
                   "保持投资规模和消费需求适度增长", "城乡居民消费水平继续有所提高",
                   "进一步扩展对外经济技术交流与合作"):
        assert any(target in c for c in found), target
    # the guiding idea before the targets is no target
    assert not any("治理整顿" in c for c in found)


def test_the_base_of_a_comparison_is_not_the_past():
    # 1991: a target measured against last year promises this year's change.
    text = "第四，要继续增加对农业的投入。中央的农业投资比去年增加十亿元，各地方也要拿出一定的财力。"
    found = [c.text for c in commitment_clauses(text, numbers=[(text.index("十亿元"), text.index("十亿元") + 3)])]
    assert "中央的农业投资比去年增加十亿元" in found
    # …while a clause about last year itself still reports the past
    assert commitment_clauses("在去年农业全面丰收的基础上，任务是相当艰巨的。") == []


def test_a_target_in_chinese_numerals_ending_in_hours_is_no_when_clause():
    # 1991: 发电量六千四百五十亿千瓦小时 — 时 at the end is the unit, not "when".
    doc = plan_doc("（二）保持工业生产和交通运输适度增长\n"
                   "计划安排，原煤产量十一亿一千万吨，增加一千万吨；"
                   "发电量六千四百五十亿千瓦小时，增加二百七十亿千瓦小时。", year=1991)
    assert "发电量六千四百五十亿千瓦小时" in commitments(doc)
    rejected = explain_plan(doc)
    assert "vague" not in set(rejected.reason)


def test_short_verb_phrases_in_a_coordination_of_promises_are_promises():
    # 1991: jieba's dictionary tags 增收节支 and 合理安排 as nouns; between two promises
    # of the same sentence they are verb phrases like their neighbours.
    found = [c.text for c in commitment_clauses(
        "发展经济，广辟财源，增收节支，改善财政困难状况，合理安排信贷规模，控制货币发行和物价总水平。")]
    assert "增收节支" in found and "合理安排信贷规模" in found
    # 2012: a verb with a generic object takes its topic from the sentence.
    found = [c.text for c in commitment_clauses(
        "农业补贴要继续增加总量，提高标准，扩大范围，完善机制，新增补贴重点向种养大户倾斜。")]
    assert "提高标准" in found and "完善机制" in found


def test_a_subject_with_its_state_between_promises_is_no_promise():
    # a clause naming a state of a subject (…很多, …已经解决) is an assessment, whatever its neighbours
    found = [c.text for c in commitment_clauses(
        "要扩大社区服务就业门路，就业人数很多，实行弹性大的就业形式，有的已经解决，发展劳动力市场。")]
    assert "扩大社区服务就业门路" in found and "发展劳动力市场" in found
    assert not any("很多" in c or "已经解决" in c for c in found)
    # and a phrase opening with a preposition is a frame, not a promise
    found = [c.text for c in commitment_clauses("加快结构调整，在今后五年内，提高经济增长质量和效益。")]
    assert not any("今后五年" in c for c in found)


def test_a_focus_frame_names_the_promise_after_it():
    # 2002: 当务之急仍然是落实“两个确保” — the promise is what the frame points at, and a
    # quoted programme is its topic; 1984: 关键是要推行投资包干制和招标承包制.
    found = [c.text for c in commitment_clauses(
        "二是进一步完善城镇社会保障体系。当务之急仍然是落实“两个确保”，"
        "确保国有企业下岗职工基本生活费按时足额发放。关键是要推行投资包干制和招标承包制。")]
    assert "落实“两个确保”" in found
    assert "推行投资包干制和招标承包制" in found
    # 1990: the focus named in the clause before — 农村科技工作的重点，是引进…
    found = [c.text for c in commitment_clauses(
        "农村科技工作的重点，是引进、示范和推广先进适用的科技成果，继续抓紧抓好“星火”计划的组织实施。")]
    assert "引进、示范和推广先进适用的科技成果" in found
    # a plain assessment with 是 is still no promise
    assert commitment_clauses("粮食购销体制改革是今年的一件大事。") == []


def test_a_plan_part_without_a_top_level_heading_is_found():
    # 1985: the report's parts are （一）关于经济形势, （二）关于经济体制改革 with 第一、… under
    # them and no 一、 above: the plan part is the part of the highest level there is.
    doc = sl.read_text("1985年政府工作报告\n——在第六届全国人民代表大会上\n国务院总理\n"
                       "（一）关于经济形势\n1984年工农业总产值比上年增长14.2%。\n"
                       "（二）关于经济体制改革\n今年要做好以下几件事：\n"
                       "第一、严格控制消费基金的盲目增长，严禁任何单位和个人乱发奖金。\n"
                       "第二、从严控制固定资产投资特别是预算外投资的规模。\n")
    found = commitments(doc)
    assert "严格控制消费基金的盲目增长" in found
    assert "从严控制固定资产投资特别是预算外投资的规模" in found


def test_a_state_already_reached_is_no_promise():
    # 1991: 农业特别是粮食生产已经连续两年丰收 reports; an act 已经 qualifies is still promised.
    found = [c.text for c in commitment_clauses(
        "农业特别是粮食生产已经连续两年丰收，认真贯彻落实《企业法》和其他已经颁布的法律、法规和政策。")]
    assert found == ["认真贯彻落实《企业法》和其他已经颁布的法律、法规和政策"]


def test_a_number_repeated_within_one_sentence_is_a_parallel_target_not_a_restatement():
    # 2010: 小麦每50公斤提高3元 repeats the 3元 of 早籼稻 in the same sentence: its own target.
    doc = plan_doc("（三）加大统筹城乡发展力度\n进一步提高粮食最低收购价，早籼稻、中晚籼稻、粳稻每50公斤分别"
                   "提高3元、5元和10元，小麦每50公斤提高3元，继续实施重要农产品临时收储政策。", year=2010)
    assert "小麦每50公斤提高3元" in commitments(doc)
    # a later sentence restating a target is still one target
    doc = plan_doc("今年经济社会发展的主要预期目标是：国内生产总值增长8%左右。"
                   "提出国内生产总值增长8%左右，主要是强调好字当头。", year=2010)
    assert sum("8%左右" in c for c in commitments(doc)) == 1


def test_a_verb_the_dictionary_tags_as_something_else_still_makes_a_promise():
    # jieba's dictionary tags 整顿 a numeral, 开拓市场 and 合理布局 nouns, 反对 an adverb;
    # a plan clause opens with its verb, its subject left out (1997, 1999, 2003 reports).
    for clause in ("整顿建筑市场", "严格财经纪律", "反对奢侈浪费", "积极开拓市场特别是农村市场",
                   "合理布局", "体察民情", "整顿和规范文化市场", "总结实践经验", "大力节约用电",
                   "依法收贷收息", "进一步整顿市场秩序", "严格整顿财经纪律"):
        assert [c.text for c in commitment_clauses(clause + "。")] == [clause], clause
    # …while a noun phrase, a page's chrome, an argument's opening and a slogan promise nothing
    for clause in ("已经查清的大案要案", "省级政府机构改革方案", "首页>> 中国概况",
                   "实践证明", "高举邓小平理论伟大旗帜"):
        assert commitment_clauses(clause + "。") == [], clause


def test_a_short_preamble_of_a_plan_part_is_explained_not_dropped_silently():
    # 2014: 三、2014年重点工作 opens with a sentence of principles before its （一）…
    doc = plan_doc("做好今年政府工作，要以深化改革为强大动力，以调整结构为主攻方向，统筹兼顾，突出重点。\n"
                   "（一）推动重要领域改革取得新突破\n简并增值税税率。", year=2014)
    assert commitments(doc) == ["简并增值税税率"]
    explained = explain_plan(doc)
    assert "以深化改革为强大动力" in set(explained.clause)


def test_a_comma_grouping_the_thousands_of_a_number_does_not_end_the_clause():
    # 1980: the plan's indicator lines group full-width digits with the full-width comma
    # (粮食产量３４，２５０万吨); cut there, the target lost its number and was never a commitment.
    doc = plan_doc("二、1981年国民经济计划的任务和主要指标\n"
                   "农业，粮食产量３４，２５０万吨，比１９８０年预计增加１，０００万吨；"
                   "棉花产量２５５万吨，比１９８０年预计增加２５万吨。", year=1980)
    found = commitments(doc)
    assert any("粮食产量34，250万吨" in c for c in found)
    # a comma between two years or two small numbers still separates them
    from summarylab.plans import split_clauses
    text = "2000，2001年连续增长，分别为1，2"
    assert [text[a:b] for a, b in split_clauses(text)] == ["2000", "2001年连续增长", "分别为1", "2"]


@given(st.integers(min_value=1000, max_value=99_999_999), st.sampled_from(["，", ","]))
def test_any_number_written_with_thousands_groups_stays_in_one_clause(n, comma):
    from summarylab.plans import split_clauses
    text = f"投入资金{n:,}万元，完成".replace(",", comma)
    assert [text[a:b] for a, b in split_clauses(text)] == [f"投入资金{n:,}万元".replace(",", comma), "完成"]


def test_a_deadline_year_written_in_chinese_numerals_makes_the_promise_not_due():
    # 1982 (the sixth five-year plan): 到一九八五年 is a deadline like 到1985年, three years after
    # the plan year, so the promise is not due in the year the next report reviews.
    doc = plan_doc("（一）农业\n到一九八五年，全国粮食产量计划达到三亿六千万吨，比一九八○年增长百分之十二点三。"
                   "今年要加强农田水利建设。", year=1982)
    due = {c.text: c.due_year for _, cs in plan_commitments(doc) for c in cs}
    target = next(t for t in due if "三亿六千万吨" in t)
    assert due[target] == 1985
    assert due[next(t for t in due if "农田水利" in t)] in (None, 1982)
