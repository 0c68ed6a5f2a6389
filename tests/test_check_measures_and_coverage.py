"""Rule classes of the tenth round's dev pairs (the six written after the ninth round's final code:
县委党校, 县委老干部局, 县住房公积金管理中心, 县粮食和物资储备局, 县公路事业发展中心 and a town's
政府工作报告, with 县畜牧兽医服务中心 and 县地方志编纂中心), written here with made-up sentences of the
same shape: a measure named by its thing rather than by what is measured, a rate whose part is a verb
phrase after its whole, a full coverage promised in words, a missed figure admitted outside the
review, another body's event or inspection, a delay's cause, a share of the work done, figures of
several years, and a count whose members are named before it."""

import pytest

import summarylab as sl
from summarylab.plancheck import _head_of, counted_thing, lower_level
from .test_check import office_pair, verdict_of


def row_of(promise: str, review: str, office: str = "交通运输局"):
    """The check's row for ``promise``, the one line of a 县{office} 2025 plan, against ``review``."""
    result = office_pair(office, 2025, f"（一）重点工作\n{promise}。\n", "（一）业务工作\n" + review)
    return verdict_of(result, promise)


# -- a measure is named by its thing, not by what is measured --------------------------------------

def test_a_length_promised_as_a_mileage_is_answered_by_the_thing_measured():
    row = row_of("新增农村公路绿化里程20公里", "完成农村公路沿线绿化二十五公里，补植行道树8000株。")
    assert row.verdict == "delivered"
    assert row.actual == 25


def test_works_named_in_short_are_answered_when_written_out():
    # 大中修 is 大修、中修; 工程 says only that it is works
    assert _head_of("完成县乡道路大中修工程") == "中修"
    row = row_of("完成县乡道路大中修工程30公里", "县乡道路路面大修、中修合计二十六公里。")
    assert row.verdict == "partial" and row.actual == 26


# -- a rate given as a whole and the part a verb phrase picks out -----------------------------------

def test_a_rate_is_computed_from_a_whole_and_the_part_done():
    row = row_of("信访事项按期办结率达到95%以上", "全年受理信访事项240件，按期办结232件，群众满意度明显提升。",
                 office="信访局")
    assert row.verdict == "delivered"
    assert round(row.actual, 1) == 96.7


def test_a_whole_and_a_longer_clause_choosing_its_part():
    row = row_of("国省干线公路优良路率达到85%以上",
                 "经年度检测，全县300公里国省干线中，评定为优等路、良等路的共240公里。")
    assert row.verdict == "partial" and row.actual == 80.0  # 240 of 300 misses 85%


def test_a_change_from_last_year_is_no_part_of_a_whole():
    row = row_of("信访事项按期办结率达到95%以上", "全年受理信访事项240件，比上年减少12件。", office="信访局")
    assert row.verdict != "delivered"


# -- full coverage promised in words -----------------------------------------------------------------

def test_full_coverage_promised_in_words_is_a_share_to_meet():
    promise = "实现乡镇粮食应急供应网点全覆盖"
    part = row_of(promise, "新增应急供应网点5个，全县14个乡镇中已有12个设立粮食应急供应网点。", office="粮食和物资储备局")
    assert part.verdict == "partial"
    assert (part.target, round(part.actual, 1)) == (100.0, 85.7)  # 12 of 14
    every = row_of(promise, "14个乡镇全部设立粮食应急供应网点，实现应急供应不断档。", office="粮食和物资储备局")
    assert every.verdict == "delivered" and every.actual == 100.0


def test_a_coverage_named_in_quotes_is_no_coverage_promised():
    row = row_of("巩固离退休干部党组织“两个全覆盖”成果",
                 "离退休干部党组织覆盖和党的工作覆盖继续保持100%。", office="委老干部局")
    assert row.verdict == "delivered"


# -- a missed figure admitted outside the review -----------------------------------------------------

def test_a_missed_figure_admitted_in_the_problems_part_is_partial():
    plan = sl.read_text("【样例】某某镇2024年工作总结和2025年工作计划\n一、2024年工作回顾\n完成年度任务。\n"
                        "二、2025年工作计划\n（一）主要目标\n一般公共预算收入增长5%。\n")
    later = sl.read_text("【样例】某某镇2025年工作总结\n一、2025年主要工作\n（一）经济运行\n全镇经济运行总体平稳。\n"
                         "二、存在的问题\n财政增收乏力，一般公共预算收入1.46亿元，仅增长2.8%，未完成年初预期目标。\n")
    row = verdict_of(sl.check(plan, later), "一般公共预算收入增长5%")
    assert row.verdict == "partial"
    assert "回顾以外" in row.reason


# -- another body's act, a delay's cause, a share of the work ----------------------------------------

@pytest.mark.parametrize("review", [
    "选派20名村党组织书记参加市委党校举办的村党组织书记示范培训班。",
    "5月，选派8名支部书记参加市委组织部在市委党校举办的支部书记示范培训班。",
])
def test_a_course_attended_at_another_bodys_school_is_no_part_of_the_promised_one(review):
    row = row_of("举办全县村党组织书记轮训班", review, office="委党校")
    assert row.verdict == "not_found"


def test_another_bodys_inspection_does_not_deliver_the_offices_own():
    row = row_of("开展畜产品质量安全专项检查2次",
                 "元旦、春节期间，县市场监管局对全县农贸市场、商超开展了畜产品质量安全专项检查。",
                 office="畜牧兽医服务中心")
    assert row.verdict == "not_found"


def test_the_cause_of_a_delay_is_not_the_thing_put_off():
    row = row_of("建成县级应急物资储备库", "县级应急物资储备库项目因用地规划调整推迟至2026年实施，"
                                      "年内已完成项目选址和初步设计。", office="粮食和物资储备局")
    assert row.verdict == "partial"
    assert "推迟" in row.reason


@pytest.mark.parametrize("promise, review", [
    ("完成城关粮库维修改造", "城关粮库维修改造工程于9月开工，目前完成工程量约六成。"),
    ("建成县方志馆数字展厅", "县方志馆数字展厅于10月开工建设，目前已完成主体装修工程量的60%。"),
])
def test_a_share_of_the_work_done_is_partial(promise, review):
    assert row_of(promise, review, office="粮食和物资储备局").verdict == "partial"


# -- figures of several years, the year's running total ----------------------------------------------

@pytest.mark.parametrize("review", [
    "近三年全县共编纂出版村志11部。",
    "“十四五”以来累计编纂出版村志11部。",
])
def test_a_figure_of_several_years_does_not_meet_the_years_target(review):
    assert row_of("编纂出版村志5部", review, office="地方志编纂中心").verdict != "delivered"


def test_the_years_running_total_is_the_years_figure():
    row = row_of("全年培训各类学员1500人次以上", "全年共举办各类培训班16期，累计培训各类学员1,462人次。",
                 office="委党校")
    assert row.verdict == "partial" and row.actual == 1462


# -- levels, time limits and counted things -----------------------------------------------------------

def test_a_title_cultivated_at_a_lower_level_is_partial():
    assert lower_level("培育省级畜禽标准化示范场2个", "全县新增市级畜禽标准化示范场2个") == ("省级", "市级")
    row = row_of("培育省级畜禽标准化示范场2个", "全县新增市级畜禽标准化示范场2个。", office="畜牧兽医服务中心")
    assert row.verdict == "partial"


def test_a_time_limit_cut_to_a_new_value_is_that_value():
    row = row_of("贷款审批时限压缩至5个工作日", "将贷款审批时限由7个工作日缩短为5个工作日。", office="住房公积金管理中心")
    assert row.verdict == "delivered" and row.actual == 5


def test_what_a_count_counts_keeps_its_place_word():
    assert counted_thing("乡镇养护站完成标准化改造") == "乡镇养护站"
    row = row_of("完成8个乡镇养护站标准化建设", "全县18个乡镇全部设立路长。河口、青山等5个乡镇养护站完成标准化改造。")
    assert row.verdict != "delivered"


def test_the_names_before_a_count_are_its_members():
    row = row_of("改造老旧小区3个", "完成幸福里、粮站两个老旧小区改造，惠及居民312户。", office="住房和城乡建设局")
    assert row.verdict == "partial" and row.actual == 2


# -- a thing promised halved in words ------------------------------------------------------------------

@pytest.mark.parametrize("review, verdict", [
    ("行政审批平均办理时限由42个工作日缩短至25个工作日。", "partial"),  # 40.5% down: short of half
    ("行政审批平均办理时限由40个工作日压缩至18个工作日。", "delivered"),  # 55% down
])
def test_a_promise_to_halve_is_a_fall_of_half_read_from_the_reviews_from_to_values(review, verdict):
    row = row_of("把行政审批平均办理时限缩减一半", review, office="行政审批服务局")
    assert row.verdict == verdict
