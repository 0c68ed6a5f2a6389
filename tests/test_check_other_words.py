"""An office's review reports its figures in other words: the rule classes that read them.

Each test is a rule class found on the seventh round's dev pairs (synthetic 县审计局, 县红十字会,
县发展和改革局, 县信访局, 县工业和信息化局 and 县文联 pairs, written so that the review names the
promised things as another person would), written here with made-up sentences of the same shape.
"""

import pytest

import summarylab as sl
from summarylab.numbers import in_family
from summarylab.plancheck import label_similarity
from summarylab.plans import abbreviations, as_written, explain_plan, spells_out
from .test_check import office_pair, verdict_of


def pair(plan_lines: str, review: str, overview: str = ""):
    return office_pair("审计局", 2025, plan_lines, review, done="审计项目26个。", overview=overview)


def test_the_opening_overview_of_a_summary_reports_the_years_figures():
    # 全年共接收…213万元 stands before the first heading; it is the only place the figure is given
    result = pair("（一）募集工作\n力争全年募集社会捐赠款物200万元。\n",
                  "（一）人道救助\n走访慰问困难家庭760户。",
                  overview="2025年，县红十字会忠实履行职责。全年共接收社会捐赠款物折合213万元，"
                           "全县无偿献血量达4620千克。现将全年工作总结如下。\n")
    row = verdict_of(result, "力争全年募集社会捐赠款物200万元")
    assert row.verdict == "delivered" and row.actual == 2130000
    assert "213万元" in row.evidence


def test_an_overview_sentence_with_a_target_in_it_is_no_report():
    # the opening that states next year's aim reports nothing: only figures the extractor reads as
    # outcomes make an overview sentence evidence
    result = pair("（一）募集工作\n力争全年募集社会捐赠款物200万元。\n",
                  "（一）人道救助\n走访慰问困难家庭760户。",
                  overview="明年力争募集社会捐赠款物300万元。现将全年工作总结如下。\n")
    assert verdict_of(result, "力争全年募集社会捐赠款物200万元").verdict != "delivered"


@pytest.mark.parametrize("target, actual, verdict", [
    ("全年献血量力争达到4.5吨", "全县无偿献血量达4620千克。", "delivered"),
    ("新增工业用地供应1000亩", "全年供应工业用地66.7公顷。", "delivered"),
    ("年内建成标准化厂房10万平方米", "已建成标准化厂房6.2万平方米。", "partial"),
])
def test_a_figure_in_another_unit_of_the_same_quantity_is_the_same_figure(target, actual, verdict):
    result = pair(f"（一）重点工作\n{target}。\n", actual)
    assert verdict_of(result, target).verdict == verdict


def test_units_of_one_quantity_convert_and_others_do_not():
    assert in_family(4620, "公斤", "吨") == 4.62
    assert in_family(66.7, "公顷", "亩") == 1000.5
    assert in_family(126, "兆瓦", "千瓦") == 126000
    assert in_family(3, "吨", "亩") is None and in_family(5, "个", "家") is None


@pytest.mark.parametrize("fall, verdict", [("3.6%", "delivered"), ("2.1%", "partial")])
def test_the_size_of_a_promised_fall_is_a_floor(fall, verdict):
    # 能耗下降3%以上: a fall of 3.6% meets it, though 能耗 is an indicator where lower is better
    result = pair("（一）节能降耗\n单位工业增加值能耗下降3%以上。\n",
                  f"单位工业增加值能源消耗量较上年降低{fall}。")
    assert verdict_of(result, "单位工业增加值能耗下降3%以上").verdict == verdict


def test_a_term_cut_short_or_spelled_out_names_the_same_indicator():
    # 高企 is 高新技术企业: the count of 高企, not the count next to it, answers the target
    result = pair("（一）创新\n新增高新技术企业10家。\n",
                  "新认定高企12家，新增省级专精特新中小企业3家。")
    row = verdict_of(result, "新增高新技术企业10家")
    assert row.verdict == "delivered" and row.actual == 12
    # 专报 is 专题报告; 力争, 全年 and 不少于 frame the figure and name no indicator
    result = pair("（一）信息工作\n年内报送审计信息和专报不少于10篇。\n", "报送审计要情和专题报告14篇。")
    assert verdict_of(result, "年内报送审计信息和专报不少于10篇").verdict == "delivered"


def test_abbreviations_keep_the_first_character_of_each_part():
    assert "高企" in abbreviations("高新技术企业") and "固投" in abbreviations("固定资产投资")
    assert abbreviations("社会保障") == ("社保",) and abbreviations("培训") == ()
    assert spells_out("能耗", "能源消耗量较上年降低") and not spells_out("能耗", "能耗下降")
    assert not spells_out("能耗", "能源，消耗")  # not across a comma
    assert as_written(["固定资产投资"], "全县固投同比增长5.2%") == "全县固定资产投资同比增长5.2%"


def test_the_change_verb_ending_a_label_names_no_indicator():
    # 工业用电量增长8% is not answered by 规上工业增加值同比增长6.4%: they share only 工业 and 增长
    assert label_similarity("工业用电量增长", "规上工业增加值同比增长") == 0.0
    assert label_similarity("力争全年募集社会捐赠款物", "全年共接收社会捐赠款物折合") >= 0.6


def plan_doc(lines: str):
    return sl.read_text("【样例】某某县审计局2024年工作总结和2025年工作计划\n一、2024年工作回顾\n审计项目26个。\n"
                        "二、2025年工作计划\n" + lines)


def test_the_year_an_object_covers_is_not_the_time_of_the_promise():
    doc = plan_doc("（一）财政审计\n组织开展2024年度县本级预算执行和其他财政收支情况审计。\n"
                   "年内全部完成上年度结转的5个审计项目。\n")
    reasons = dict(zip(explain_plan(doc).clause, explain_plan(doc).reason))
    assert "组织开展2024年度县本级预算执行和其他财政收支情况审计" not in reasons
    assert "年内全部完成上年度结转的5个审计项目" not in reasons
    # a year opening its clause still dates it: 2024年度全县… is about 2024
    doc = plan_doc("（一）财政审计\n2024年度全县审计项目均已完成。\n")
    assert dict(zip(explain_plan(doc).clause, explain_plan(doc).reason)).get("2024年度全县审计项目均已完成") == "past"


def test_an_office_plans_unheaded_targets_after_its_guiding_sentence_are_promises():
    # no 主要目标 head: the lead's guiding sentence is intent, the sentences from its first figure on
    # are the year's targets and deadlines
    doc = plan_doc("2025年，我局将坚持以习近平新时代中国特色社会主义思想为指导，坚持依法审计、客观求实。"
                   "全年计划实施审计项目28个。年初公布年度审计项目计划。\n（一）财政审计\n开展预算执行审计。\n")
    reasons = dict(zip(explain_plan(doc).clause, explain_plan(doc).reason))
    assert "年初公布年度审计项目计划" not in reasons
    assert reasons.get("坚持依法审计、客观求实") == "preamble"
