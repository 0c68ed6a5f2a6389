"""Specifications of the numeric-fact extractor: given these sentences, these facts.

Sentences are real: from the 上林县妇联 2021 report (corpora/000_85a1b6df8f5117e0.txt) and the
2013/2014 政府工作报告, wrapped in a minimal report (a title and a heading) so that the document
has a year, a plan year and section kinds.
"""

from __future__ import annotations

from pathlib import Path

import cn2an
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import summarylab as sl
from summarylab.extract import Fact, explain, facts, iter_facts
from summarylab.model import FACT_COLUMNS

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "corpora" / "000_85a1b6df8f5117e0.txt"


def report(body: str, *, plan: str = "") -> "sl.Document":
    """A minimal county report holding ``body`` in its achievements part (and ``plan`` in its plan)."""
    text = f"某县妇联2021年工作总结和2022年工作计划\n一、2021年主要工作\n{body}\n"
    if plan:
        text += f"二、2022年工作计划\n{plan}\n"
    return sl.read_text(text)


def rows(doc) -> list[dict]:
    return facts(doc).to_dict("records")


def by_surface(doc) -> dict[str, dict]:
    return {r["surface"]: r for r in rows(doc)}


@pytest.fixture(scope="module")
def sample():
    return sl.read(SAMPLE)


@pytest.fixture(scope="module")
def sample_facts(sample):
    return facts(sample)


# ----------------------------------------------------------------------------- the table

def test_table_has_exactly_the_fact_columns_in_text_order(sample_facts):
    assert list(sample_facts.columns) == FACT_COLUMNS
    assert list(sample_facts["fact_id"]) == list(range(1, len(sample_facts) + 1))
    assert list(sample_facts["start"]) == sorted(sample_facts["start"])


def test_every_span_is_its_surface(sample, sample_facts):
    for r in sample_facts.itertuples():
        assert sample.text[r.start:r.end] == r.surface
        assert r.surface in r.sentence


def test_indicator_is_short_and_never_empty(sample_facts):
    for r in sample_facts.itertuples():
        assert r.indicator and len(r.indicator) <= 20 and r.indicator != r.sentence


def test_plan_section_facts_are_expected_for_the_plan_year():
    doc = report("举办培训班9期。", plan="举办基层女干部培训班3期，培训妇女300人以上。")
    got = by_surface(doc)
    assert got["9期"]["role"] == "actual" and got["9期"]["year"] == 2021
    assert got["3期"]["role"] == "expected" and got["3期"]["year"] == 2022
    assert got["300人以上"]["section_kind"] == "plan"


# ----------------------------------------------------------------------------- values and labels

def test_two_counts_in_one_clause_get_two_labels():
    doc = report("“三八”节期间举办了妇女运动会，来自全县共115支参赛队1000多人参加了拔河、跳绳项目。")
    got = by_surface(doc)
    # the activity the sentence names stays in the label: the teams of this 运动会, not of another
    assert got["115支"]["indicator"] == "妇女运动会参赛队数"
    assert got["1000多人"]["approx"] == "more_than"
    assert "参加" in got["1000多人"]["indicator"] and got["1000多人"]["indicator"].endswith("人数")


def test_ratio_with_its_target_in_brackets():
    doc = report("村委会主任中女性比例达到24.3%（目标10%）；社区居委会主任中女性比例达到在47.4%（目标45%）。")
    r = rows(doc)
    assert [(x["surface"], x["role"], x["target_of"]) for x in r] == [
        ("24.3%", "actual", None), ("10%", "target", 1), ("47.4%", "actual", None), ("45%", "target", 3)]
    assert r[0]["indicator"] == r[1]["indicator"] == "村委会主任女性比例"
    assert r[2]["indicator"] == "社区居委会主任女性比例"


def test_values_inside_a_named_requirement_are_targets_and_its_name_is_no_fact():
    doc = report("全县134个村（社区）全面实现了两个100%（村、居委行政班子100%有女性，妇联主席100%进“两委”班子）。")
    r = rows(doc)
    assert [x["surface"] for x in r] == ["134个", "100%", "100%"]
    assert [x["role"] for x in r] == ["actual", "target", "target"]
    assert r[0]["indicator"] == "村社区数"
    assert "妇联主席" in r[2]["indicator"]


def test_money_scales_to_yuan_and_keeps_its_programme():
    doc = report("一是实施“春蕾计划”行动，资助金额共3.98万元。县妇联牵线得到爱心企业资助3.5万元，资助15名困难女童。")
    got = by_surface(doc)
    assert got["3.98万元"]["base_value"] == pytest.approx(39800)
    assert got["3.98万元"]["indicator"] == "春蕾计划资助金额"
    assert got["3.5万元"]["indicator"] == "爱心企业资助金额"
    # the act before the count stays: 资助15名困难女童 and 捐助3名困难女童 are two rows
    assert got["15名"]["indicator"] == "资助困难女童人数"


def test_near_amount_with_the_goods_it_values():
    doc = report("为118名困难学生送上文具、体育用品等总价值近4.5万元的慰问品。")
    got = by_surface(doc)
    assert got["近4.5万元"]["approx"] == "near"
    # the goods were for the 118 students counted before them: the row says whose they were
    assert got["近4.5万元"]["indicator"] == "困难学生慰问品总价值"


def test_national_indicators_and_changes():
    doc = sl.read_text("国内生产总值达到56.9万亿元，比上年增长7.7%。城镇新增就业1310万人，创历史新高。")
    r = rows(doc)
    assert [x["indicator"] for x in r] == ["国内生产总值", "国内生产总值增长", "城镇新增就业人数"]
    assert [x["aspect"] for x in r] == ["level", "increase", "level"]
    assert r[2]["base_value"] == pytest.approx(13_100_000)


def test_distributive_values_get_their_own_indicators():
    doc = sl.read_text("推进节能减排，能源消耗强度下降3.7%，二氧化硫、化学需氧量排放量分别下降3.5%、2.9%。")
    assert [x["indicator"] for x in rows(doc)] == [
        "能源消耗强度下降", "二氧化硫排放量下降", "化学需氧量排放量下降"]


def test_from_to_values_share_their_indicator():
    doc = report("将县级执委从原来的19名扩大到33名。")
    r = rows(doc)
    assert [(x["surface"], x["role"], x["indicator"]) for x in r] == [
        ("19名", "actual", "县级执委人数"), ("33名", "actual", "县级执委人数")]


# ----------------------------------------------------------------------------- roles

@pytest.mark.parametrize("sentence, surface, role", [
    ("共为30名患“两癌”妇女申报救助金，预计将获得27万元救助。", "27万元", "expected"),
    ("第二期培训于11月22日全面开课，将有200余名妇女儿童参加培训。", "200余名", "expected"),
    ("今年要再取消和下放行政审批事项200项以上。", "200项以上", "target"),
    ("全年争取上级资金2.35亿元，确保完成年度招商引资任务15亿元。", "15亿元", "target"),
    ("全年完成地区生产总值128.6亿元，同比增长7.2%，为年度计划的101.5%。", "101.5%", "actual"),
    ("县妇联共接到11宗信访案件。", "11宗", "actual"),
    ("全年完成地区生产总值128.6亿元，完成年度目标任务的105%。", "105%", "actual"),
    ("按照要求完成技能培训500人。", "500人", "actual"),
    ("要求各乡镇完成培训任务100人以上。", "100人以上", "target"),
    ("将县级执委从原来的19名扩大到33名。", "33名", "actual"),
])
def test_roles_from_the_words_of_the_sentence(sentence, surface, role):
    assert by_surface(sl.read_text(sentence))[surface]["role"] == role


def test_a_share_of_the_plan_is_a_completion_rate():
    doc = sl.read_text("全年完成地区生产总值128.6亿元，同比增长7.2%，为年度计划的101.5%。")
    assert by_surface(doc)["101.5%"]["indicator"] == "年度计划完成率"


def test_a_semicolon_list_inherits_its_lead_in():
    doc = sl.read_text("今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人左右；城镇调查失业率5.5%左右。")
    assert {x["role"] for x in rows(doc)} == {"expected"}


@pytest.mark.parametrize("sentence, surface, role", [
    ("下一步，计划新建青年之家10个，新增注册志愿者3000名以上。", "3000名以上", "expected"),
    ("2023年计划新建高标准农田2万亩，粮食播种面积稳定在32万亩以上。", "32万亩以上", "expected"),
    ("目标是全年新增城镇就业2800人，农村劳动力转移就业1万人。", "1万人", "target"),
    ("主要预期目标是：地区生产总值增长6%左右。", "6%左右", "expected"),
    ("全年规范发展团员，团员发展计划执行率100%。", "100%", "actual"),
    ("完成年度计划的102%，计划新建的校舍已全部投用，建成校舍4.2万平方米。", "4.2万平方米", "actual"),
])
def test_county_role_cues(sentence, surface, role):
    # 计划 opening its clause (jieba tags 新建 as a place name) and a 目标是 lead-in reach the
    # whole sentence; 计划 inside a noun phrase (年度计划, 计划新建的) sets no role
    assert by_surface(sl.read_text(sentence))[surface]["role"] == role


@pytest.mark.parametrize("sentence, surface, keys", [
    ("全镇共有村（社区）十二个，配备专职社工二十三名。", "十二个", ["村"]),
    ("全县建档立卡脱贫户3865户1.42万人。", "3865户", ["脱贫户"]),
    ("排查各类矛盾纠纷328起，调解成功率达98.5%。", "98.5%", ["调解成功率"]),
    ("将城乡低保标准分别提高到每人每月680元和每人每年5400元。", "5400元", ["低保标准"]),
    ("一般公共预算收入完成8.62亿元，完成年度预算的102.3%，同比增长6.8%。", "6.8%", ["一般公共预算收入"]),
    ("2023年一般公共预算收入预期增长6%，力争达到9亿元。", "9亿元", ["一般公共预算收入"]),
    ("特困供养人员1203人，其中集中供养286人。", "286人", ["集中供养"]),
    ("全县家庭医生签约服务覆盖人口28.6万人。", "28.6万人", ["家庭医生签约服务", "人口"]),
    ("全县共有卫生技术人员2150人。", "2150人", ["卫生技术人员"]),
    ("全县共建成青年之家32个。", "32个", ["青年之家"]),
    ("农村居民人均可支配收入同比增长7.8%，增速高于城镇居民1.6个百分点。", "1.6个百分点", ["增速高于城镇居民"]),
    ("城镇登记失业率低于全省平均水平0.5个百分点。", "0.5个百分点", ["失业率低于全省平均水平"]),
    ("为全镇1860名80周岁以上老人发放高龄津贴186万元。", "1860名", ["80周岁以上老人"]),
    ("开展低保专项治理，清退不符合条件对象126户。", "126户", ["不符合条件"]),
    ("新建乡镇敬老院2所、村级互助养老服务点15个。", "15个", ["养老服务点"]),
])
def test_county_indicator_labels(sentence, surface, keys):
    label = by_surface(sl.read_text(sentence))[surface]["indicator"]
    assert all(k in label for k in keys), label


def test_without_a_heading_the_nearest_noun_names_the_value():
    assert by_surface(sl.read_text("积累率由1978年的36.5%，降为33.6%。"))["33.6%"]["indicator"].startswith("积累率")


def test_untitled_part_gives_no_label():
    # a text without headings has no topic: its untitled part (前言) must not become a label
    assert "前言" not in by_surface(sl.read_text("参会80余人。"))["80余人"]["indicator"]


# ----------------------------------------------------------------------------- non-facts

def test_names_of_county_programmes_are_not_facts():
    doc = sl.read_text("初中三年巩固率达到98.6%，辖区建成“15分钟便民生活圈”，孕产妇死亡率为12.5/10万。")
    assert [x["surface"] for x in rows(doc)] == ["98.6%", "12.5/10万"]

def test_dates_names_document_numbers_and_generations_are_not_facts():
    doc = report("严格落实县禁毒办(上禁毒办发〔2021〕28号)文件要求，于3月5日举行报告会，"
                 "贯彻党的十九大精神，11个乡镇妇联主席中90后6名，是一股年轻的力量。")
    assert [x["surface"] for x in rows(doc)] == ["11个", "6名"]
    skipped = explain(doc)
    assert {"〔2021〕28号", "3月5日", "十九大", "90后", "一股"} <= set(skipped["surface"])
    assert list(skipped.columns) == ["start", "end", "surface", "reason"]


def test_ordinals_are_not_facts():
    doc = sl.read_text("2014年3月5日在第十二届全国人民代表大会第二次会议上。截至目前，已完成第一期培训。")
    assert rows(doc) == []


# ----------------------------------------------------------------------------- filters

def test_filters_keep_the_document_fact_ids(sample, sample_facts):
    money = facts(sample, kinds=["money"])
    assert set(money["kind"]) == {"money"}
    assert set(money["fact_id"]) <= set(sample_facts["fact_id"])
    targets = facts(sample, roles=["target"])
    linked = targets.dropna(subset=["target_of"])
    actual_ids = set(sample_facts.loc[sample_facts["role"] == "actual", "fact_id"])
    assert len(linked) == 2 and set(linked["target_of"]) <= actual_ids
    big = facts(sample, min_value=10_000)
    assert (big["base_value"] >= 10_000).all() and len(big) >= 8


def test_iter_facts_yields_typed_records(sample):
    first = next(iter_facts(sample))
    assert isinstance(first, Fact)
    assert list(first.to_dict()) == FACT_COLUMNS


# ----------------------------------------------------------------------------- properties

FRAGMENTS = [
    "县妇联", "共", "投入", "培训妇女", "400多人", "近4.5万元", "24.3%", "（目标10%）", "3月5日",
    "十九大", "两个100%", "，", "。", "；", "“儿童之家”", "16所", "同比增长8%", "1,314人", "三分之一",
    "6.5%-7%", "预计", "将", "确保", "第一期", "〔2021〕28号", "两三个", "五六百人", "\n", "（", "）",
    "一是", "二、", "2022年工作计划", "XX万元", "控制在3%左右", "下降2个百分点", "的", "和", "分别",
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=30))
def test_spans_always_match_their_surface(parts):
    doc = sl.read_text("".join(parts))
    for r in rows(doc):
        assert doc.text[r["start"]:r["end"]] == r["surface"]
        assert r["indicator"]
        assert r["role"] in ("actual", "target", "expected")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=0, max_size=200))
def test_random_text_never_raises(text):
    try:
        doc = sl.read_text(text)
    except Exception:  # reading (not this module) may refuse text; facts must not raise on a document
        return
    facts(doc)
    explain(doc)


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=2, max_value=99_999_999))  # 一人 alone reads as figurative
def test_numbers_written_by_an2cn_come_back_as_facts(n):
    numeral = cn2an.an2cn(n)
    doc = report(f"培训妇女{numeral}人。")
    got = rows(doc)
    assert len(got) == 1
    assert got[0]["base_value"] == n and got[0]["surface"] == f"{numeral}人"


# ----------------------------------------------------------------------------- other offices

@pytest.mark.parametrize("sentence, surface, indicator", [
    ("全年发放城乡低保金2356.8万元，惠及困难群众1.2万人次。", "2356.8万元", "城乡低保金"),
    ("全县共有养老机构12家，床位1560张。", "1560张", "床位数"),
    ("完成粮食播种面积35.6万亩，总产量13.2万吨，同比增长2.3%。", "35.6万亩", "粮食播种面积"),
    ("共举办各类培训班26期，培训农民工3200余人次，其中女性1350人次。", "3200余人次", "培训农民工人次"),
    ("累计投入资金1.2亿元，其中中央资金8000万元、省级资金2500万元、县级配套1500万元。", "1.2亿元", "投入资金"),
    ("新建农村公路45公里，改造危旧桥梁8座，完成投资1.35亿元。", "8座", "改造危旧桥梁数"),
    ("全县规模以上工业企业达到86家，实现产值120.5亿元，同比增长9.6%，增速比上年提高1.2个百分点。",
     "1.2个百分点", "增速提高"),
])
def test_reports_of_other_offices(sentence, surface, indicator):
    assert by_surface(sl.read_text(sentence))[surface]["indicator"] == indicator


def test_an_age_bracket_is_no_fact():
    doc = sl.read_text("为全县65岁以上老年人免费体检2.3万人，体检率达到72%。")
    assert [x["surface"] for x in rows(doc)] == ["2.3万人", "72%"]


def test_rows_of_an_indicator_table_written_as_text():
    doc = sl.read_text(
        "某某县民政局2022年工作总结\n一、主要指标完成情况\n"
        "全年主要民生指标完成情况如下（指标名称：年度目标／完成数／完成率）：\n"
        "城乡低保对象：3200人／3286人／102.7%\n"
        "社区养老服务设施覆盖率：90%／93.5%／103.9%\n")
    assert [(x["surface"], x["role"], x["target_of"], x["indicator"]) for x in rows(doc)] == [
        ("3200人", "target", 2, "城乡低保对象人数"),
        ("3286人", "actual", None, "城乡低保对象人数"),
        ("102.7%", "actual", None, "城乡低保对象完成率"),
        ("90%", "target", 5, "社区养老服务设施覆盖率"),
        ("93.5%", "actual", None, "社区养老服务设施覆盖率"),
        ("103.9%", "actual", None, "社区养老服务设施覆盖率完成率"),
    ]


def test_a_capital_numeral_inside_a_word_and_a_class_of_projects_are_no_facts():
    doc = sl.read_text("一是重大项目储备不足，新签约项目中亿元以上项目仅有3个；三是社区工作者队伍年龄结构偏大。")
    got = rows(doc)
    assert [x["surface"] for x in got] == ["3个"]
    assert "亿元以上项目" in got[0]["indicator"]


def test_shares_written_with_zhan():
    doc = sl.read_text("其中，社会事业投资占44%，重大基础设施建设占23%，灾后恢复重建占14%。")
    assert [x["indicator"] for x in rows(doc)] == ["社会事业投资占比", "重大基础设施建设占比", "灾后恢复重建占比"]


def test_counts_of_abstractions_announce_lists_and_are_no_facts():
    doc = sl.read_text("必须坚持统筹国内国际两个大局，着重抓好五个方面：一是推进教育改革。解决群众反映问题43个。")
    assert [x["surface"] for x in rows(doc)] == ["43个"]
    assert set(explain(doc)["reason"]) >= {"rhetorical count"}


def test_more_than_before_a_noun_is_still_a_fact():
    doc = sl.read_text("对小微企业实行税收优惠，600多万户企业受益。新引进亿元以上项目32个。")
    assert [x["surface"] for x in rows(doc)] == ["600多万户", "32个"]


def test_explain_names_the_reason_of_each_non_fact_class():
    doc = sl.read_text("某某县妇联2022年工作总结\n一、主要工作\n县妇联十三届四次执委会议审议通过二一三年工作回顾。"
                       "县妇联连续5年获评先进，增速创十年最高。每名领导联系1-2所学校。全镇新引进超亿元项目3个。"
                       "扎实推进十件民生实事。详见https://x.gov.cn/a?q=30%25%2020%。-10篇(第20/30页)\n")
    reasons = dict(zip(explain(doc)["surface"], explain(doc)["reason"]))
    assert reasons["十三届四次"] == "ordinal" and reasons["二一三年"] == "date"
    assert reasons["5年"] == reasons["十年"] == "duration or record"
    assert reasons["每名领导联系1-2所"] == "per-unit norm" and reasons["超亿元"] == "class descriptor"
    assert reasons["十件"] == "programme name" and reasons["10篇(第20/30页)"] == "page navigation"
    assert reasons["https://x.gov.cn/a?q=30%25%2020%"] == "web address"
    assert [f.surface for f in iter_facts(doc)] == ["3个"]  # 新引进超亿元项目3个: the count stays


def test_a_repeated_copy_of_a_scraped_report_is_not_counted_twice():
    """A scraped page that holds its report twice: structure sets the copy apart (a line of 40
    characters or more seen again), and its numbers are neither facts again nor listed one by one
    in --explain (the copy is named once)."""
    from summarylab.extract import explain
    from summarylab.model import REPEATED_COPY_TITLE

    body = ("某某县妇联2022年工作总结\n一、主要工作\n"
            "（一）全年围绕妇女就业创业和家庭建设，举办各类技能培训班9期，培训妇女400多人。\n"
            "（二）春节期间组织机关干部深入各乡镇走访慰问困难妇女120户，发放慰问金3.6万元。\n"
            "二、存在的问题\n（一）培训覆盖面不够广，部分偏远村屯的妇女群众参与培训的机会仍然较少。\n")
    doc = sl.read_text(body + "相关阅读\n" + body)
    assert [s.title for s in doc.section_list if s.kind == "other"] == [REPEATED_COPY_TITLE]
    table = sl.facts(doc)
    assert list(table.surface) == ["9期", "400多人", "120户", "3.6万元"]
    skipped = explain(doc)
    assert list(skipped[skipped.reason == "repeated copy of the report"].surface) == [REPEATED_COPY_TITLE]
