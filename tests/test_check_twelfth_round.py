"""Rule classes of the twelfth round's dev pairs (the eleventh round's spent frozen split — 县人民检察院,
县国有资产监督管理局, 县地震局 and an industrial county's 政府工作报告 —, the four pairs written after its
final code, and the dev offices written this round), with made-up sentences of the same shape: counts
given per period on either side, ..."""

import pytest

from summarylab.plancheck import label_similarity, lower_level, missing_head, stated_for_another_year

from .test_check_measures_and_coverage import row_of


# -- a count per period, promised or reviewed, is a yearly count ---------------------------------------

@pytest.mark.parametrize("promise", ["每季度编发《防震减灾简报》1期", "每季度召开1次政企座谈会"])
def test_a_count_per_quarter_the_extractor_keeps_as_a_fact_is_still_four_a_year(promise):
    row = row_of(promise, "全年编发《防震减灾简报》3期，召开政企座谈会3次。", office="地震局")
    assert row.verdict == "partial"


@pytest.mark.parametrize("promise, review", [
    ("每半年组织1次应急疏散演练", "上、下半年各组织1次应急疏散演练。"),
    ("每季度召开1次政企座谈会", "坚持每季度召开1次政企座谈会，共收集意见28条。"),
    ("每半年向县委常委会专题报告1次政法工作", "上、下半年各向县委常委会专题汇报政法工作1次。"),
])
def test_a_count_the_review_gives_per_period_is_the_years_count_too(promise, review):
    row = row_of(promise, review, office="应急管理局")
    assert row.verdict == "delivered"


# -- the year of a starting value is the starting value's, not the reported one's ----------------------

def test_a_starting_value_naming_its_year_still_leads_to_the_reviewed_years_value():
    row = row_of("行政诉讼案件数量下降20%以上", "行政诉讼案件由2024年的126件减至88件。", office="人民检察院")
    assert row.verdict == "delivered" and round(row.actual, 1) == 30.2


def test_a_value_reached_from_last_years_end_is_this_years():
    row = row_of("市场主体数量达到25个以上", "市场主体由2024年底的18个增至24个。", office="市场监督管理局")
    assert row.verdict == "partial" and row.actual == 24


def test_a_sentence_naming_only_an_earlier_year_still_reports_that_year():
    assert stated_for_another_year("据统计，2024年全县新增市场主体", year=2025)
    assert not stated_for_another_year("行政诉讼案件由2024年的126件减至", year=2025)


# -- a label's 数量 or 总数 only says that things are counted ---------------------------------------------

@pytest.mark.parametrize("label", ["市场主体数量达到", "行政诉讼案件数量达到"])
def test_a_count_names_the_number_of_things_a_label_asks_for(label):
    thing = label.replace("数量达到", "")
    assert label_similarity(label, f"全县{thing}由上年末的18个增至") == 1.0
    assert missing_head(label + "25个以上", f"全县{thing}由上年末的18个增至26个。") == ""


# -- a rate said to be zero meets its ceiling ----------------------------------------------------------

@pytest.mark.parametrize("review", ["全年馆藏文物损坏率为零。", "全年馆藏文物损坏率为零，观众满意率96%。"])
def test_a_rate_said_to_be_zero_meets_a_ceiling_in_any_unit(review):
    row = row_of("将馆藏文物损坏率控制在万分之五以内", review, office="博物馆")
    assert row.verdict == "delivered" and row.actual == 0


def test_breaking_a_thing_into_parts_is_no_zero():
    row = row_of("将馆藏文物损坏率控制在万分之五以内", "馆藏文物损坏率化整为零地分解到各保管部门。", office="博物馆")
    assert row.actual != 0


# -- one part of a whole is not another ----------------------------------------------------------------

INCOMES = "全体居民人均可支配收入38,600元，增长6.2%；农村居民人均可支配收入18,200元，增长6.1%。"


def test_the_income_of_all_residents_does_not_answer_a_promise_for_urban_residents():
    row = row_of("城镇居民人均可支配收入增长5.5%左右", INCOMES, office="县人民政府")
    assert row.verdict != "delivered" and row.actual != 6.2


def test_each_part_of_a_whole_answers_its_own_promise():
    row = row_of("农村居民人均可支配收入增长7%", INCOMES, office="县人民政府")
    assert row.verdict == "partial" and row.actual == 6.1


# -- a title awarded by its scope: 全市 for 全省 ----------------------------------------------------------

@pytest.mark.parametrize("promise, review, office", [
    ("六是争创全省平安建设先进县", "我县被评为全市平安建设先进县。", "县委政法委"),
    ("争创全省文博系统先进集体", "县博物馆被评为全市文博系统先进集体。", "县博物馆"),
])
def test_a_title_awarded_in_the_city_for_one_promised_in_the_province_is_partial(promise, review, office):
    assert row_of(promise, review, office=office).verdict == "partial"


def test_a_scope_word_outside_an_award_is_no_level():
    assert lower_level("争创全省平安建设先进县", "平安建设工作在全市率先完成") is None


# -- in use on trial only, tried instead of rolled out --------------------------------------------------

@pytest.mark.parametrize("promise, review", [
    ("建成港航综合服务中心并投入使用", "港航综合服务中心于11月投入试运行。"),
    ("建成“云上博物馆”数字展厅并投入使用", "“云上博物馆”数字展厅建成并于12月进入试运行，上线三维文物120件。"),
])
def test_a_thing_running_on_trial_is_not_in_use(promise, review):
    assert row_of(promise, review, office="港航管理中心").verdict == "partial"


def test_a_thing_built_and_in_use_is_delivered_even_after_a_trial():
    row = row_of("建成港航综合服务中心并投入使用", "港航综合服务中心经3个月试运行后于9月正式投入使用。", office="港航管理中心")
    assert row.verdict == "delivered"


def test_a_service_tried_on_one_holiday_is_not_rolled_out():
    row = row_of("推行节假日延时开放", "国庆假期试行夜间延时开放，接待夜场观众3200人次。", office="博物馆")
    assert row.verdict == "partial"


# -- another body's event or inspection, even with a figure ---------------------------------------------

def test_classes_the_office_only_sent_people_to_are_not_its_classes():
    row = row_of("一是举办全县政法干警业务能力培训班2期",
                 "选派政法干警46人次参加市委政法委举办的业务能力培训班2期。", office="县委政法委")
    assert row.verdict == "not_found"


def test_an_inspection_of_the_county_by_a_city_committee_is_not_the_countys_work():
    row = row_of("一是严格落实《中国共产党政法工作条例》",
                 "市委政法委对我县落实《中国共产党政法工作条例》情况开展专项督查，我县被评为“好”等次。", office="县委政法委")
    assert row.verdict == "not_found"


# -- a satisfaction level is a share of those asked -----------------------------------------------------

def test_a_satisfaction_level_answered_by_counts_of_a_survey():
    row = row_of("观众满意度不低于95%", "发放观众满意度问卷1200份，其中“满意”和“基本满意”1152份。", office="博物馆")
    assert row.verdict == "delivered" and row.actual == 96


def test_the_offices_own_classes_count_though_the_sentence_also_reports_attending_anothers():
    row = row_of("每季度至少举办1期“检察官讲堂”",
                 "全年举办“检察官讲堂”4期，组织业务培训16期，选派3名干警参加市人民检察院举办的涉法涉诉信访业务培训班。",
                 office="县人民检察院")
    assert row.verdict == "delivered"


@pytest.mark.parametrize("promise, review, actual", [
    ("每季度至少开展1次全县不可移动文物安全巡查", "全年开展全县不可移动文物安全巡查3次，发现并督促整改隐患7处。", 3),
    # the times an event is held, 次 or 场, are one count
    ("每月至少开展1次“博物馆进校园”活动", "全年开展“博物馆进校园”活动10场，覆盖师生5000余人。", 10),
])
def test_a_yearly_count_short_of_a_count_per_period_is_partial(promise, review, actual):
    row = row_of(promise, review, office="博物馆")
    assert row.verdict == "partial" and row.actual == actual
