"""Plan items: what a report promises for its plan year, one short clause per promise."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import summarylab as sl
from summarylab.model import PLAN_ITEM_COLUMNS
from summarylab.normalize import normalize
from summarylab.plans import REASONS, canonical, commitment_clauses, due_year_of, explain_plan, plan_items, words

CORPORA = Path(__file__).resolve().parent.parent / "corpora"


@pytest.fixture(scope="module")
def sample_items():
    return plan_items(sl.read(CORPORA / "000_85a1b6df8f5117e0.txt"))


@pytest.fixture(scope="module")
def gov_items():
    return plan_items(sl.read(CORPORA / "national/2013.txt"))


def commitments_of(items, item_id):
    return items.loc[items.item_id == item_id, "commitments"].iloc[0]


def test_the_items_are_the_children_of_the_2022_plan(sample_items):
    assert list(sample_items.columns) == PLAN_ITEM_COLUMNS
    assert list(sample_items.item_id) == ["4.1", "4.2", "4.3", "4.4", "4.5"]
    assert set(sample_items.plan_year) == {2022}
    assert set(sample_items.due_year) == {2022}
    assert sample_items.title.iloc[2] == "不断强化妇女儿童权益维护和关爱工程"


def test_two_quoted_programmes_after_one_verb_are_two_promises(sample_items):
    promises = commitments_of(sample_items, "4.3")
    assert "继续实施“春蕾计划”" in promises
    assert "继续实施“两癌”救助项目" in promises
    assert "继续做好女性“两癌”保险项目" in promises


def test_purpose_clauses_after_the_promise_are_not_promises(sample_items):
    every = [c for cs in sample_items.commitments for c in cs]
    # …加强“不让毒品进我家”“平安建设”工作，切实保障妇女儿童合法权益。
    assert "切实保障妇女儿童合法权益" not in every
    assert not any(c.startswith(("让妇联", "引领广大妇女")) for c in every)


def test_a_stance_with_a_concrete_object_is_a_promise_a_guiding_idea_is_not(sample_items):
    every = [c for cs in sample_items.commitments for c in cs]
    assert "坚持党建带妇建" in every
    found = [c.text for c in commitment_clauses(
        "以习近平新时代中国特色社会主义思想为指导，坚持稳中求进工作总基调，举办基层女干部培训班。")]
    assert found == ["举办基层女干部培训班"]


def test_any_verb_makes_a_promise_not_a_closed_list():
    text = ("简并增值税税率。再下放一批审批事项。把行政审批事项条目缩减一半。"
            "力争完成中韩自贸区谈判。全部取消非行政许可审批。拓宽流通渠道。")
    found = [c.text for c in commitment_clauses(text)]
    assert found == ["简并增值税税率", "再下放一批审批事项", "把行政审批事项条目缩减一半",
                     "力争完成中韩自贸区谈判", "全部取消非行政许可审批", "拓宽流通渠道"]


def test_qualitative_targets_are_promises_background_is_not():
    text = "国际收支基本平衡，主要污染物排放继续下降。当前形势依然严峻。新领域、新业态、新群体。"
    rejected = []
    found = [c.text for c in commitment_clauses(text, rejected=rejected)]
    assert found == ["国际收支基本平衡", "主要污染物排放继续下降"]
    assert [(r.text, r.reason) for r in rejected] == [("当前形势依然严峻", "background"),
                                                      ("新领域、新业态、新群体", "no_predicate")]


def test_explain_names_a_reason_for_every_clause_left_out():
    doc = sl.read(CORPORA / "000_85a1b6df8f5117e0.txt")
    explained = explain_plan(doc)
    assert set(explained.reason) <= set(REASONS)
    row = explained[explained.clause == "切实保障妇女儿童合法权益"].iloc[0]
    assert (row.item_id, row.reason) == ("4.3", "purpose")


def test_a_leading_frame_is_cut_off_the_promise(sample_items):
    promises = commitments_of(sample_items, "4.2")
    # 围绕妇联改革、组织覆盖、执委作用发挥和作风建设继续深入实施“破难行动”
    assert "继续深入实施“破难行动”" in promises
    assert "举办基层女干部培训班" in promises


def test_keywords_name_the_programmes_first(sample_items):
    keywords = sample_items.loc[sample_items.item_id == "4.3", "keywords"].iloc[0]
    assert keywords[:2] == ["不让毒品进我家", "平安建设"]
    assert "春蕾计划" in keywords


def test_a_clause_with_a_number_is_a_promise_even_without_a_verb():
    text = "国内生产总值增长7.5%左右，发展的协调性进一步增强；城镇新增就业900万人以上。"
    spans = [(text.index("7.5%左右"), text.index("7.5%左右") + 6),
             (text.index("900万人以上"), text.index("900万人以上") + 7)]
    found = [c.text for c in commitment_clauses(text, numbers=spans)]
    # 发展的协调性进一步增强 is a target state: a promise too (GUIDELINES_check.md).
    assert found == ["国内生产总值增长7.5%左右", "发展的协调性进一步增强", "城镇新增就业900万人以上"]


def test_deadlines_beyond_the_plan_year():
    assert due_year_of("到2025年，儿童之家实现全覆盖") == 2025
    assert due_year_of("十三五时期完成农村危房改造") == 2020
    assert due_year_of("“十四五”期间建成一批示范基地") == 2025
    assert due_year_of("对标“十四五”规划，深化巾帼系列活动") is None


def test_an_item_due_later_carries_its_year():
    doc = sl.read_text(
        "某县妇联2022年工作总结和2023年工作计划\n一、主要工作\n举办培训班3期。\n"
        "二、2023年工作计划\n（一）到2025年实现村级“儿童之家”全覆盖。新建“儿童之家”10所。\n"
        "（二）举办妇女技能培训班5期。\n")
    items = plan_items(doc)
    assert list(items.due_year) == [2025, 2023]


def test_a_report_without_a_plan_has_no_items():
    doc = sl.read_text("某县妇联2022年工作总结\n一、主要工作\n举办培训班3期，培训妇女120人。\n")
    items = plan_items(doc)
    assert items.empty and list(items.columns) == PLAN_ITEM_COLUMNS


def test_abbreviations_become_one_word():
    assert canonical("为26名患宫颈癌、乳腺癌的妇女申报救助金") == "为26名患两癌的妇女申报救助金"
    assert "营业税改征增值税" in words("扩大营改增试点")


def test_the_national_targets_are_promises(gov_items):
    every = [c for cs in gov_items.commitments for c in cs]
    assert "国内生产总值增长7.5%左右" in every
    assert "城镇新增就业900万人以上" in every
    assert any(c.startswith("城镇登记失业率低于4.6%") for c in every)
    # A report restates its targets when it explains them; one promise each.
    assert sum("7.5%左右" in c for c in every) == 1
    targets = gov_items.loc[gov_items.item_id == "2", "targets"].iloc[0]
    assert len(targets) >= 4


def test_the_repeated_copy_of_a_scraped_report_adds_no_items(gov_items):
    assert gov_items.text.is_unique
    assert set(gov_items.due_year) == {2013}


def test_a_plan_without_numbered_items_is_one_item_with_every_promise():
    doc = sl.read_text("某县妇联2022年工作总结和2023年工作计划\n一、2022年主要工作\n举办培训班3期。\n"
                       "二、2023年工作计划\n继续实施“春蕾计划”，举办基层女干部培训班。切实保障妇女儿童合法权益。\n")
    items = plan_items(doc)
    assert list(items.item_id) == ["2"]
    # 切实保障…权益 stands as a sentence of its own here: a promise, not a trailing purpose.
    assert items.commitments.iloc[0] == ["继续实施“春蕾计划”", "举办基层女干部培训班", "切实保障妇女儿童合法权益"]


def test_deadlines_in_words_and_for_the_whole_sentence():
    # A plan reads a document's text, which normalize() has made half-width (１９９７ -> 1997).
    text = normalize("用三年时间基本完成各级政府机构改革的任务。"
                     "争取１９９７年粮食产量达到４．７５亿吨，棉花、油料等作物有较大发展。"
                     "加强农田水利建设。")
    dues = [(c.text, c.due_year) for c in commitment_clauses(text, plan_year=1996)]
    assert dues == [("用三年时间基本完成各级政府机构改革的任务", 1998),
                    ("争取1997年粮食产量达到4.75亿吨", 1997),
                    ("棉花、油料等作物有较大发展", 1997),
                    ("加强农田水利建设", None)]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("培训妇女班期a1 ，“”\n")), max_size=12))
def test_a_clause_is_short_when_it_has_fewer_than_four_han_characters(text):
    import re

    from summarylab.plans import _FOUR_HAN

    assert (_FOUR_HAN.search(text) is None) == (len(re.findall(r"[\u4e00-\u9fff]", text)) < 4)


def test_a_clause_of_two_han_characters_is_rejected_as_short():
    rejected = []
    assert [c.text for c in commitment_clauses("办3期，举办妇女技能培训班5期", rejected=rejected)] == ["举办妇女技能培训班5期"]
    assert [(r.text, r.reason) for r in rejected] == [("办3期", "short")]


def test_a_report_without_any_headed_part_promises_in_the_sentences_that_look_ahead():
    # The 1954年政府工作报告 as scraped has no heading at all: each topic's review runs
    # into its tasks.  The sentences with a word of the future or of a promise are read
    # as the plan, the ones reporting the past are not.
    doc = sl.read_text("1954年国务院政府工作报告\n各位代表：\n"
                       "一九五三年，我国工业总产值比上年增长百分之三十三，农业获得了较好的收成。\n"
                       "在今后的几年中，我们必须集中主要力量发展重工业，逐步实现国家的社会主义工业化。"
                       "同时要相应地发展农业和轻工业。\n去年的国家预算收入完成了计划。\n")
    promised = [c.text for _, cs in doc.plan_analysis.items for c in cs]
    assert promised == ["我们必须集中主要力量发展重工业", "逐步实现国家的社会主义工业化", "相应地发展农业和轻工业"]


def test_a_year_already_past_is_no_deadline_and_the_sentences_deadline_holds():
    text = normalize("到2027年，基本完成2000年底前建成的城镇老旧小区改造任务。")
    dues = [(c.text, c.due_year) for c in commitment_clauses(text, plan_year=2025)]
    assert dues == [("基本完成2000年底前建成的城镇老旧小区改造任务", 2027)]


def test_a_preamble_announcing_the_years_targets_with_a_colon_promises_them():
    doc = sl.read_text("某社区居民委员会2024年工作总结和2025年工作计划\n一、2025年工作计划\n"
                       "2025年，社区居委会将重点做好以下几个方面的工作。全年力争实现：社区不发生重大安全事故和群体性事件，"
                       "居民满意度保持在90%以上。\n（一）党建引领方面。一是开展“党员亮身份”活动；二是推动“三方联动”。\n")
    promised = [c.text for _, cs in doc.plan_analysis.items for c in cs]
    assert "社区不发生重大安全事故和群体性事件" in promised
    assert "全年力争实现" not in promised


# A 政府工作报告 delivered late in its year (1981's, on 30 November) reviews that year: its 今年 is
# the year reviewed.  Real sentences of the 1981 report under a topic heading of its own.
_LATE_REPORT = (
    "【合成】1981年政府工作报告\n——1981年11月30日在第五届全国人民代表大会第四次会议上\n"
    "各位代表：\n现在，我代表国务院，就当前的经济形势，向大会作报告，请予审议。\n"
    "一、关于经济的稳定\n"
    "今年以来，各级政府坚决执行进一步调整国民经济的一系列紧急措施，取得了显著的成效。"
    "今年进行这么大幅度的调整，又遇上了严重的自然灾害，工农业生产总值不仅没有下降，而且将比上年增长3%以上，"
    "整个经济形势比预想的好。\n"
    "在取得财政收支基本平衡的同时，市场物价基本稳定。物价总指数的上涨幅度今年比去年低，基本生活必需品的价格是稳定的。\n"
    "农业的全面增产，是我国经济稳步发展的基础。尽管今年不少地区遭受到严重水旱灾害，全国农业形势依然很好。"
    "油料在连续三年大增产的基础上，又增长17%左右。糖料产量将比去年增长10%以上。\n"
    "轻工业生产，由于采取了着重发展日用消费品生产的方针和一系列具体措施，有了大幅度增长。"
    "今年轻纺工业的总产值预计比去年增长12%。\n"
    "基本建设要退够，是今年调整工作的一个重要内容。基本建设投资总额，今年2月修订计划时减少为三百亿元，"
    "后来又追加了八十亿元。已经施工多年的葛洲坝水利枢纽第一期工程，加快了建设步伐，今年6月已经通航，"
    "第一台十七万千瓦机组已经试运转，并开始发电。原定今年全部投产的项目，90%以上可以按计划实现。\n"
    "重工业生产，由于正在调整中，今年的产值预计比去年下降5%左右。今年下半年以来，重工业在改变服务方向、"
    "压缩长线产品、增加人民生活急需的产品和出口产品方面，已经做了大量工作，并已初步见效，"
    "重工业生产从第四季度起已经开始回升。此外，地质勘探工作取得了近年来较好的成果。"
    "铁路、水运、公路、民航和邮电部门完成计划的情况是好的，各项重要物资和旅客的运输基本上得到了保证。\n"
    "{closing}\n"
    "二、关于1982年的国民经济计划\n"
    "1982年的计划，要求工农业总产值的增长速度由今年预计的3%提高到4%，并在执行中力争超过。\n")


def test_a_late_reports_review_closing_on_this_year_sets_no_tasks():
    # 今年的经济情况是一个季度比一个季度好: in a report of November, 今年 is the year reviewed
    closing = "今年的经济情况是一个季度比一个季度好。今年财政收支基本平衡主要是在紧缩支出的条件下实现的，是不巩固的。"
    items = plan_items(sl.read_text(_LATE_REPORT.format(closing=closing), path="mem/late.txt"))
    assert list(items.item_id) == ["2"]


def test_a_late_reports_review_closing_on_next_year_sets_its_tasks():
    # only 明年 looks ahead in a late report: that closing paragraph is the year's basic tasks
    closing = "明年要用很大的力量进行企业的全面整顿。"
    items = plan_items(sl.read_text(_LATE_REPORT.format(closing=closing), path="mem/late.txt"))
    assert list(items.item_id) == ["1", "2"]
    assert commitments_of(items, "1") == ["用很大的力量进行企业的全面整顿"]

