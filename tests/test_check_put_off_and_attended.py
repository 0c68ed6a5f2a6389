"""Rule classes of the ninth round's dev pairs (synthetic 县供销合作社联合会, 县机关事务管理局,
县消防救援大队, 县妇幼保健院, 县乡村振兴局 and a grain-producing county's 政府工作报告), written here
with made-up sentences of the same shape: an event another body held that the office only attended,
a promise the review says was put off, a plan the review recalls next to what was done, and counts
that answer a rate (growth from two years' counts, the days of the year, a stock against new things)."""

import pytest

import summarylab as sl
from summarylab.plancheck import attended_body
from .test_check import office_pair, verdict_of


def pair(plan_lines: str, review: str):
    return office_pair("消防救援大队", 2025, "（一）重点工作\n" + plan_lines, "（一）业务工作\n" + review,
                       plan_part="工作计划", done="完成全年任务。")


def row_of(promise: str, review: str):
    """The check's row for ``promise``, the one line of a 县消防救援大队 plan, against ``review``."""
    return verdict_of(pair(f"{promise}。\n", review), promise)


@pytest.mark.parametrize("review", [
    "选派业务骨干15人参加市消防救援支队举办的全市防火监督员培训班，考核全部合格。",
    "组织乡镇专职队员参加市应急管理局、市消防救援支队联合举办的防火监督员培训班。",
])
def test_attending_another_bodys_course_does_not_hold_the_promised_one(review):
    promise = "举办全县防火监督员培训班2期"
    row = row_of(promise, review)
    assert row.verdict == "not_found"
    assert "举办的活动" in row.reason


def test_a_promise_to_take_part_is_delivered_by_taking_part():
    assert attended_body("组织队员参加全市消防技能比武", "组队参加市消防救援支队举办的全市消防技能比武",
                         "某某县消防救援大队") is None
    assert attended_body("举办全县消防技能比武", "组队参加市消防救援支队举办的全市消防技能比武",
                         "某某县消防救援大队") == "市消防救援支队"
    # the office's own event at its own level is its own
    assert attended_body("举办全县消防技能比武", "参加县消防救援大队举办的全县消防技能比武",
                         "某某县消防救援大队") is None


def test_a_promise_put_off_with_some_work_done_is_partial():
    promise = "建成县消防指挥信息平台"
    row = row_of(promise, "县消防指挥信息平台已完成设备采购和机房改造，因省级接口标准调整，"
                          "上线推迟至2026年。")
    assert row.verdict == "partial"
    assert "推迟" in row.reason


def test_a_promise_put_off_with_what_was_done_told_next_is_partial():
    promise = "完成县消防协会换届"
    row = row_of(promise, "按照市消防协会的统一安排，县消防协会换届推迟至2026年进行。"
                          "目前，已完成会员代表推选和章程修改草案起草。")
    assert row.verdict == "partial"


@pytest.mark.parametrize("review", [
    "原定年内召开的全县消防工作现场推进会，因防汛任务繁重，推迟至2026年上半年。",
    "县消防站营房改造项目因用地手续未办结，推迟实施，年内未能开工。",
])
def test_a_promise_put_off_with_nothing_done_is_not_found(review):
    promise = "召开全县消防工作现场推进会" if "推进会" in review else "完成县消防站营房改造"
    row = row_of(promise, review)
    assert row.verdict == "not_found"


def test_the_plan_a_review_recalls_is_no_result():
    promise = "组织消防应急演练4次"
    row = row_of(promise, "原计划组织消防应急演练4次，受营区施工影响仅组织3次。")
    assert row.verdict == "partial"
    assert row.actual == 3


def test_a_review_value_told_after_a_plan_is_actual():
    later = sl.read_text("【样例】某某县消防救援大队2025年工作总结\n一、2025年主要工作\n"
                         "原计划组织应急演练4次，受施工影响仅组织3次。\n")
    roles = dict(zip(later.facts.surface, later.facts.role))
    assert roles["3次"] == "actual" and roles["4次"] == "expected"


@pytest.mark.parametrize("promise, review, verdict", [
    # this year's count, then last year's: a fall of 9.2%
    ("全年火灾起数同比下降5%以上", "全年全县接报火灾178起，比上年的196起减少18起。", "delivered"),
    # this year's value, then its rise: 0.54 / 11.32 = 4.8%
    ("全年业务收入增长6%以上", "全年业务收入11.86亿元，比上年增加0.54亿元。", "partial"),
    # a share of the year's days: 301 / 365 = 82.5%
    ("辖区空气质量优良天数比例达到80%以上", "全年辖区空气质量优良天数301天。", "delivered"),
    # the whole, then a comma before its part: 78 / 86 = 90.7%
    ("重点单位标准化管理达标率提升到95%以上", "全县消防安全重点单位共86家，截至年底已有78家通过标准化管理达标验收。",
     "partial"),
])
def test_a_rate_given_only_as_counts_is_computed(promise, review, verdict):
    row = row_of(promise, review)
    assert row.verdict == verdict


def test_a_stock_does_not_answer_a_count_of_new_things():
    promise = "新增市政消火栓50个"
    row = row_of(promise, "对全县412个市政消火栓逐一摸排、登记建档，年内新建市政消火栓38个。")
    assert row.verdict == "partial"
    assert row.actual == 38


def test_a_count_met_at_a_lower_level_is_partial():
    promise = "争创省级消防安全示范社区3个"
    row = row_of(promise, "城关镇3个社区被命名为市级消防安全示范社区，示范社区总数达到5个。")
    assert row.verdict == "partial"
    assert "市级" in row.reason


def test_none_of_a_thing_meets_a_ceiling_on_its_rate():
    promise = "火灾亡人率控制在0.5/10万以内"
    row = row_of(promise, "全年辖区未发生火灾亡人事故，接警出动1260起。")
    assert row.verdict == "delivered"
    assert row.actual == 0


def test_a_clause_of_the_opening_overview_cut_off_by_a_semicolon_reports_the_year():
    promise = "确保不发生较大以上亡人火灾"
    result = office_pair("消防救援大队", 2025, "（一）重点工作\n" + promise + "。\n", "（一）业务工作\n举办培训班3期。",
                         overview="全年主要指标：接报火灾178起，直接财产损失下降12%；全年未发生较大以上亡人火灾；"
                                  "消防监督检查单位1860家。\n")
    assert verdict_of(result, promise).verdict == "delivered"


def test_a_target_over_several_things_is_met_by_the_sum_of_their_counts():
    promise = "新建消防宣传栏、微型消防站15个"
    row = row_of(promise, "新建消防宣传栏9个、微型消防站3个。")
    assert (row.verdict, row.actual) == ("partial", 12)


def test_a_put_off_part_of_a_promise_of_several_things_is_partial():
    promise = "完成理事会、监事会换届"
    row = row_of(promise, "9月召开会员代表大会，选举产生新一届理事会；监事会换届因人选尚在酝酿，"
                          "延至2026年进行。")
    assert row.verdict == "partial"
