"""Rule classes read from the seventeenth round's spent test pairs (县急救指挥中心, 县水产技术推广站, 县人才服务中心 and a
coal-mining county's 政府工作报告), written here with made-up sentences of the same shapes."""

import summarylab as sl
from summarylab.plancheck import _another_qualifier
from .test_check_measures_and_coverage import row_of


# -- one of two listed things still to be bought ------------------------------------------------------------

def test_one_of_two_promised_devices_still_to_be_bought_is_partial():
    row = row_of("购置便携式超声仪和移动DR设备各1台", "便携式超声仪已投入使用，移动DR设备尚待采购。", office="人民医院")
    assert row.verdict == "partial"


def test_both_devices_bought_is_delivered():
    row = row_of("购置便携式超声仪和移动DR设备各1台", "购置便携式超声仪和移动DR设备各1台，均已投入使用。", office="人民医院")
    assert row.verdict == "delivered"


# -- a change promised in percentage points, answered by two shares ------------------------------------------

def test_a_fall_in_points_is_answered_by_the_shares_it_went_between():
    row = row_of("农村学生营养不良率下降2个百分点", "农村学生营养不良率由上年的9.6%降至7.1%。", office="教育局")
    assert row.verdict == "delivered" and round(row.actual, 1) == 2.5


def test_a_fall_in_points_short_of_the_promise_is_partial():
    row = row_of("农村学生营养不良率下降2个百分点", "农村学生营养不良率由上年的9.6%降至8.8%。", office="教育局")
    assert row.verdict == "partial" and round(row.actual, 1) == 0.8


# -- energy and water used per 10,000 yuan are units ----------------------------------------------------------

def test_energy_per_output_is_one_unit_and_its_fall_is_computed():
    facts = sl.facts(sl.read_text("2025年工作总结。全县单位工业增加值能耗由0.82吨标准煤/万元降至0.78吨标准煤/万元。"))
    assert list(facts.unit) == ["吨标准煤/万元", "吨标准煤/万元"]
    row = row_of("单位工业增加值能耗下降4%", "全县单位工业增加值能耗由0.82吨标准煤/万元降至0.78吨标准煤/万元。",
                 office="工业和信息化局")
    assert row.verdict == "delivered" and round(row.actual, 1) == 4.9


# -- what a rate is per is no quantity ----------------------------------------------------------------------

def test_the_whole_a_rate_is_per_is_not_a_fact():
    facts = sl.facts(sl.read_text("2025年工作计划。道路交通万车死亡率控制在1.5以内，十万人口火灾死亡率下降。"))
    assert not len(facts) or not facts.surface.str.contains("万").any()


# -- works all begun, some finished -------------------------------------------------------------------------

def test_works_all_begun_and_some_finished_count_the_finished():
    row = row_of("改造农村危房120户", "120户农村危房改造全部开工，已竣工96户。", office="住房和城乡建设局")
    assert row.verdict == "partial" and row.actual == 96


def test_a_promise_to_begin_works_is_met_by_the_begun():
    row = row_of("新开工保障性住房120套", "120套保障性住房全部开工。", office="住房和城乡建设局")
    assert row.verdict == "delivered"


# -- none at all, in other words ----------------------------------------------------------------------------

def test_not_one_dispute_meets_a_ceiling_on_the_dispute_rate():
    row = row_of("医疗纠纷发生率控制在万分之二以内", "全年无一起医疗纠纷，群众满意度明显提升。", office="卫生院")
    assert row.verdict == "delivered"


# -- a target over two things is answered by their sum ------------------------------------------------------

def test_two_counts_of_the_listed_things_answer_one_target_together():
    row = row_of("申报省级和市级非遗代表性项目10个以上", "申报省级非遗代表性项目4个、市级非遗代表性项目7个。", office="文化馆")
    assert row.verdict == "delivered" and row.actual == 11


# -- a count per period, in words and by named months ---------------------------------------------------------

def test_once_a_quarter_is_four_a_year_and_two_rounds_fall_short():
    row = row_of("每季度开展一次校园食品安全检查", "上、下半年各开展1轮校园食品安全检查。", office="市场监督管理局")
    assert row.verdict == "partial" and row.target == 4 and row.actual == 2


def test_named_months_each_are_that_many_times():
    row = row_of("上、下半年各举办一次法治宣传活动", "4月、10月各举办1次法治宣传活动。", office="司法局")
    assert row.verdict == "delivered" and row.actual == 2


# -- a share kept within standard is still a floor -----------------------------------------------------------

def test_a_discharge_share_within_standard_is_a_floor():
    row = row_of("规模养殖场粪污达标排放率达到90%以上", "全县规模养殖场粪污达标排放率达到93.5%。", office="农业农村局")
    assert row.verdict == "delivered"


# -- another group's measure -------------------------------------------------------------------------------

def test_the_satisfaction_of_the_patients_families_is_not_the_patients():
    assert _another_qualifier("患者满意度达到", "住院患者家属满意度为")
    assert not _another_qualifier("法定传染病报告及时率保持在", "网络直报及时率")
    row = row_of("门诊患者满意度达到92%以上", "门诊患者家属满意度为95.3%。", office="人民医院")
    assert row.verdict != "delivered"
