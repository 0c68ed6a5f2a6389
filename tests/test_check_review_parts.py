"""Where a later report reviews the plan year: the rule classes of GUIDELINES_check.md that
decide which of its sentences may stand as evidence (issue 8, third round).

- a 政府工作报告's plan part that opens with the last year's results (过去一年，… / 2010年，…);
- a clause naming 今年 in a 政府工作报告 speaks of the year ahead, the clauses before it do not;
- a blanket claim (全面实现年初确定的主要目标) answers the targets of the 主要预期目标 passage
  that no number of the review answers;
- a numbered paragraph title is read with the first sentence under it.
"""

import summarylab as sl
from summarylab.plancheck import (
    _reported_head,
    check,
    evidence_sentences,
    in_target_passage,
)

from .test_check import verdict_of

GOV_PLAN = (
    "2012年政府工作报告\n"
    "一、2011年工作回顾\n过去一年，经济平稳较快发展。\n"
    "二、2012年工作总体部署\n"
    "今年经济社会发展的主要预期目标是：国内生产总值增长7.5%；进出口总额增长10%左右，国际收支状况继续改善；"
    "城乡居民收入实际增长和经济增长保持同步。\n"
    "三、2012年主要任务\n要搞好价格调控，防止物价反弹。\n"
)


def gov_review(body: str) -> "sl.Document":
    return sl.read_text("2013年政府工作报告\n一、过去五年工作回顾\n" + body)


def test_a_plan_part_that_opens_with_last_years_results_is_evidence_of_that_year():
    doc = sl.read_text("2010年政府工作报告\n一、“十一五”时期回顾\n五年来粮食连年增产。\n"
                       "二、2011年的工作\n"
                       "2011年，是开局之年。过去一年，我们的各项工作取得了很大成绩。国内生产总值增长10.3%，"
                       "国际收支状况有所改善。这为做好今年的工作打下了良好基础。\n"
                       "今年要继续实施积极的财政政策。\n")
    reasons = {e.text: e.excluded for e in evidence_sentences(doc)}
    assert reasons["国内生产总值增长10.3%，国际收支状况有所改善。"] is None
    assert reasons["过去一年，我们的各项工作取得了很大成绩。"] is None
    # the year ahead and the sentence that only names the new year stay out
    assert reasons["今年要继续实施积极的财政政策。"] is not None
    assert reasons["2011年，是开局之年。"] is not None


def test_a_plan_part_of_a_local_summary_is_not_read_as_a_review():
    doc = sl.read_text("某县妇联2022年工作总结和2023年工作计划\n一、主要工作\n举办培训班3期。\n"
                       "二、2023年工作计划\n过去一年，举办培训班3期。明年举办5期。\n")
    plan_sentences = [e for e in evidence_sentences(doc) if e.text == "过去一年，举办培训班3期。"]
    assert plan_sentences and plan_sentences[0].excluded == "只出现在下一年的工作计划中"


def test_the_clauses_before_one_about_this_year_still_report_the_reviewed_year():
    text = "全面实现年初确定的主要目标，国内生产总值增长7.8%，为今年经济发展打下好的基础。"
    assert _reported_head(text, 2012, after_year=True) == "全面实现年初确定的主要目标，国内生产总值增长7.8%，"
    # in a local summary 今年 is the year reviewed: nothing is cut
    assert _reported_head(text, 2012, after_year=False) == ""


def test_the_target_passage_is_the_paragraph_that_states_the_main_targets():
    assert in_target_passage(GOV_PLAN, GOV_PLAN.index("国际收支"))
    assert not in_target_passage(GOV_PLAN, GOV_PLAN.index("搞好价格调控"))


def test_a_blanket_claim_delivers_the_targets_no_number_answers():
    result = check(sl.read_text(GOV_PLAN), gov_review(
        "2012年，我们扭转经济下滑趋势，全面实现年初确定的主要目标，国内生产总值增长7.8%，为今年经济发展打下好的基础。\n"
        "加强农田水利建设。\n"))
    row = verdict_of(result, "国际收支状况继续改善")
    assert row.verdict == "delivered"
    assert "全面实现年初确定的主要目标" in row.evidence and "主要目标" in row.reason
    # a target the review reports by itself is answered by its own clause, not by the claim
    gdp = verdict_of(result, "国内生产总值增长7.5%")
    assert gdp.verdict == "delivered" and "主要目标" not in gdp.reason
    # a task of the plan outside the target passage is not answered by the claim
    assert verdict_of(result, "搞好价格调控").verdict == "not_found"


def test_without_a_blanket_claim_the_targets_stay_unanswered():
    result = check(sl.read_text(GOV_PLAN), gov_review("2012年，我们扭转经济下滑趋势，加强农田水利建设。\n"))
    assert verdict_of(result, "国际收支状况继续改善").verdict == "not_found"


def test_a_numbered_paragraph_title_is_read_with_the_first_sentence_under_it():
    plan = sl.read_text("某县残联2022年工作总结和2023年工作计划\n一、主要工作\n走访残疾人300户。\n"
                        "二、2023年工作计划\n（一）深入学习宣传贯彻党的二十大精神。\n（二）开展困难残疾人走访慰问。\n")
    review = sl.read_text("某县残联2023年工作总结\n一、主要工作\n"
                          "1.深入学习宣传贯彻党的二十大精神。县残联党组全年开展理论中心组学习12次，举办专题读书班2期。\n"
                          "2.开展走访慰问。看望困难残疾人家庭386户。\n")
    headed = [e for e in evidence_sentences(review) if e.headed]
    assert headed[0].text.startswith("1.深入学习宣传贯彻党的二十大精神。县残联党组")
    row = verdict_of(check(plan, review), "深入学习宣传贯彻党的二十大精神")
    assert row.verdict == "delivered"
    assert "理论中心组学习" in row.evidence


def test_a_paragraph_announcing_next_years_work_is_the_plan_part_though_no_heading_says_so():
    # A county summary that ends its review with its plan in one paragraph (县文旅局 2024): the
    # 2025 items repeat the 2024 promises word for word and must not deliver them.
    plan = sl.read_text("【合成】某县文化广电和旅游局2023年工作总结及2024年工作要点\n一、2023年工作回顾\n"
                        "举办文化活动300场。\n二、2024年工作要点\n举办“书香某某”读书节。建立文旅市场信用监管机制。\n")
    later = sl.read_text("【合成】某县文化广电和旅游局2024年工作总结\n1.文化惠民活动丰富多彩。全年组织群众文化活动310余场次。\n"
                         "2025年，我局将重点做好以下工作：一是举办首届“书香某某”读书节；二是建立文旅市场信用监管机制。\n")
    kinds = {e.text[:5]: e.section_kind for e in evidence_sentences(later)}
    assert kinds["2025年"] == "plan" and kinds["二是建立文"] == "plan"
    rows = check(plan, later)
    assert verdict_of(rows, "举办“书香某某”读书节").verdict == "not_found"
    assert verdict_of(rows, "建立文旅市场信用监管机制").verdict == "not_found"
    # a paragraph that opens by reporting the year stays the review
    later = sl.read_text("【合成】某县文化广电和旅游局2024年工作总结\n1.文化惠民。"
                         "今年重点做好以下工作：举办首届“书香某某”读书节，参与群众2万人次。\n")
    assert all(e.section_kind != "plan" for e in evidence_sentences(later))
