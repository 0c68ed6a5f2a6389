"""Rule classes of the eleventh round's dev pairs (the tenth round's spent frozen split — 县农业机械化
服务中心, 县人民防空办公室, 县人民医院 and a resource-based county's 政府工作报告 — and 县投资促进局,
县文化馆 and 县委组织部 written this round), with made-up sentences of the same shape: figures whose
digits are grouped by commas, a sentence whose last clause sums several years, ..."""

import pytest

from summarylab.plancheck import _reported_head, label_similarity
from .test_check_measures_and_coverage import row_of


# -- a comma grouping a figure's digits ends no clause -------------------------------------------------

def test_a_growth_after_a_level_written_with_grouped_digits_is_the_levels_growth():
    # 42,360元，增长4.6%: the clause before 增长 is the whole 城镇居民人均可支配收入42,360元
    assert label_similarity("城镇居民人均可支配收入增长", "城镇居民人均可支配收入42,360元，增长") >= 0.9
    row = row_of("城镇居民人均可支配收入增长5.5%左右", "城镇居民人均可支配收入42,360元，增长4.6%。")
    assert row.verdict == "partial" and row.actual == 4.6


# -- several years summed in a sentence's last clause ---------------------------------------------------

def test_the_clauses_before_a_several_years_total_still_report_the_year():
    assert _reported_head("粮食总产量123,600吨，近三年累计建成高标准农田5.6万亩。", 2024) == "粮食总产量123,600吨，"
    row = row_of("粮食总产量稳定在12万吨以上", "粮食总产量123,600吨，近三年累计建成高标准农田5.6万亩。",
                 office="农业农村局")
    assert row.verdict == "delivered" and row.actual == 123600


def test_a_several_years_total_alone_answers_no_promise_for_the_year():
    row = row_of("新建高标准农田2万亩", "粮食总产量123,600吨，近三年累计建成高标准农田5.6万亩。", office="农业农村局")
    assert row.verdict == "not_found"


# -- begun where the promise asked for the end ---------------------------------------------------------

@pytest.mark.parametrize("promise, review", [
    ("确保住院综合楼建成并投入使用", "住院综合楼主体结构全面封顶，进入内部装修阶段。"),
    ("建成煤层气综合利用示范项目", "煤层气综合利用示范项目于5月开工建设，完成投资1.8亿元。"),
])
def test_a_thing_promised_finished_and_reported_begun_is_partial(promise, review):
    row = row_of(promise, review, office="发展和改革局")
    assert row.verdict == "partial"


def test_a_count_of_things_begun_does_not_meet_a_count_to_finish():
    # (since the eighteenth round the count of things only begun is no actual value of a count to make or
    # finish at all: the reason names the stage reached instead)
    row = row_of("建成乡镇应急避难场所3处", "全县3处乡镇应急避难场所已全部开工建设。", office="应急管理局")
    assert row.verdict == "partial" and "开工" in row.reason


def test_things_begun_and_finished_in_one_sentence_are_finished():
    row = row_of("建成乡镇应急避难场所3处", "3处乡镇应急避难场所于3月开工，10月全部建成投用。", office="应急管理局")
    assert row.verdict == "delivered"


# -- a ceiling with the 左右 band ----------------------------------------------------------------------

@pytest.mark.parametrize("review, verdict", [
    ("平均住院日7.1天，药占比27.4%。", "delivered"),   # within 0.1 of the unit
    ("平均住院日7.3天，药占比27.4%。", "partial"),
])
def test_a_ceiling_held_about_a_figure_tolerates_the_band(review, verdict):
    row = row_of("平均住院日控制在7天左右", review, office="卫生健康局")
    assert row.verdict == verdict


# -- another body on its own -----------------------------------------------------------------------------

@pytest.mark.parametrize("promise, review", [
    ("开展农村妇女“两癌”免费筛查1.2万人", "县妇幼保健院独立组织实施农村妇女“两癌”免费筛查，全年完成12000人。"),
    ("治理采煤沉陷区土地1.5万亩", "辖区各煤炭企业自行投资治理沉陷区土地1.8万亩。"),
])
def test_a_figure_of_another_body_acting_on_its_own_is_not_the_offices(promise, review):
    row = row_of(promise, review, office="卫生健康局")
    assert row.verdict == "not_found"
    assert "自己做的" in row.reason


@pytest.mark.parametrize("promise, review", [
    ("开展农村妇女“两癌”免费筛查1.2万人", "县卫生健康局组织实施农村妇女“两癌”免费筛查，全年完成12500人。"),
    # another body's document first, then the office's own work
    ("推广玉米大豆带状复合种植2万亩", "省农业农村厅印发了技术指导意见，我县组织技术骨干逐村指导，完成玉米大豆带状复合种植2.1万亩。"),
    ("建设数字乡村示范村10个", "按照我局制定的建设指引，指导各乡镇建成数字乡村示范村11个。"),  # 我局 is the office
])
def test_the_offices_own_figure_is_its_own(promise, review):
    row = row_of(promise, review, office="卫生健康局")
    assert row.verdict == "delivered"


# -- a count per period is a count a year --------------------------------------------------------------

@pytest.mark.parametrize("promise, review, verdict", [
    ("每月至少开展1次“企业家座谈日”活动", "全年开展“企业家座谈日”活动9次，收集解决企业诉求63件。", "partial"),
    ("每季度编印1期《投资动态》", "全年编印《投资动态》4期，发送至各乡镇和县直部门。", "delivered"),
    ("每月至少举办1次“组工讲堂”", "全年举办“组工讲堂”12期，编印《组工信息》4期。", "delivered"),
])
def test_a_count_promised_per_month_or_quarter_is_read_against_the_years_count(promise, review, verdict):
    row = row_of(promise, review, office="投资促进局")
    assert row.verdict == verdict


# -- a cut by a share, and figures summed since a span opened --------------------------------------------

@pytest.mark.parametrize("review, verdict", [
    ("一般性支出由45万元压减至32万元。", "partial"),   # 28.9%: short of a third
    ("一般性支出由45万元压减至28万元。", "delivered"),
])
def test_a_cut_by_a_third_is_a_fall_of_a_third(review, verdict):
    row = row_of("一般性支出压减三分之一", review, office="文化馆")
    assert row.verdict == verdict


def test_a_total_summed_since_a_five_year_plan_began_answers_no_promise_for_the_year():
    row = row_of("全年新引进省级以上专精特新企业5家",
                 "“十四五”以来，累计引进省级以上专精特新企业17家，外向型经济不断壮大。", office="投资促进局")
    assert row.verdict == "not_found"


# -- a share per ten thousand, said as 占…的 -------------------------------------------------------------

def test_a_share_per_ten_thousand_of_a_whole_meets_a_ceiling_per_mille():
    row = row_of("全县失联党员比例控制在0.5‰以内",
                 "开展失联党员集中排查，全县失联党员12名，占全县党员总数的万分之2.4。", office="组织部")
    assert row.verdict == "delivered" and row.actual == pytest.approx(0.024)


def test_a_figure_in_a_sentence_saying_the_work_was_put_off_is_no_delivery():
    row = row_of("创建“平安农机”示范乡镇3个",
                 "“平安农机”示范乡镇创建工作推迟至2026年，已完成3个乡镇申报材料的初审。", office="农业机械化服务中心")
    assert row.verdict == "partial"

