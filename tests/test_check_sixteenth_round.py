"""Rule classes read from the fifteenth round's spent test pairs (某镇中心卫生院, 县文明办, 县机关幼儿园 and a
desert-oasis county's 政府工作报告) and the sixteenth round's dev pairs (县救助管理站, 县体育事业发展中心 and a
ceramics-industry county's 政府工作报告), written here with made-up sentences of the same shapes."""

import pytest

import summarylab as sl
from summarylab.plancheck import _another_qualifier, begun_only, check, lower_level, unfinished_said
from .test_check import verdict_of
from .test_check_measures_and_coverage import row_of


# -- neighbouring indicators: the same measure of another group or kind ----------------------------------

@pytest.mark.parametrize("promise, review", [
    ("重点人群家庭医生签约率达到75%以上", "常住人口家庭医生签约率达到78.3%，组建家庭医生团队12个。"),
    ("老年人健康管理率达到70%以上", "0—6岁儿童健康管理率达到93.6%。"),
    ("孕产妇系统管理率达到90%以上", "0—6岁儿童系统管理率达到93.6%。"),
])
def test_the_same_measure_of_another_group_does_not_answer_the_promise(promise, review):
    assert row_of(promise, review, office="卫生健康局").verdict == "not_found"


@pytest.mark.parametrize("promise, review, verdict", [
    ("农村居民人均可支配收入增长7%", "农村常住居民人均可支配收入增长7.4%。", "delivered"),
    ("开展旅游服务技能培训1000人次以上", "开展导游、民宿管家等技能培训一千二百余人次。", "delivered"),
    ("全年举办业务培训6期以上", "全年组织馆内业务培训7期。", "delivered"),
    ("初次信访事项一次性化解率达到90%以上", "初信初访一次性化解率达到92.6%。", "delivered"),
    ("年内新建村（社区）红十字服务站15个", "新建基层红十字服务站16个。", "delivered"),
])
def test_a_qualifier_on_one_side_or_shared_or_given_as_examples_is_the_same_measure(promise, review, verdict):
    assert row_of(promise, review, office="文化广电和旅游局").verdict == verdict


def test_the_qualifier_is_read_from_nouns_not_from_the_verbs_before_the_measure():
    assert _another_qualifier("老年人中医药健康管理率达到", "0—36个月儿童中医药健康管理率达到")
    assert not _another_qualifier("新创建县级民族团结进步示范单位", "新命名县级民族团结进步示范单位")


# -- an outbreak of a thing is not its rate ----------------------------------------------------------------

@pytest.mark.parametrize("review", [
    "全年未发生院内感染暴发事件。",
    "全年未发生传染病聚集性疫情，晨午检制度落实到位。",
])
def test_no_outbreak_does_not_meet_a_ceiling_on_the_rate(review):
    assert row_of("院内感染发生率控制在1%以内", review, office="卫生院").verdict == "not_found"


def test_none_of_the_thing_itself_still_meets_a_ceiling_on_it():
    row = row_of("孕产妇死亡率控制在10/10万以内", "全年未发生孕产妇死亡。", office="卫生院")
    assert row.verdict == "delivered"


# -- put off with nothing done ---------------------------------------------------------------------------------

def test_the_stage_a_put_off_clause_names_is_not_reached():
    assert begun_only("建成发热门诊", "发热门诊建设项目因资金未落实推迟至2026年开工。") is None
    row = row_of("建成发热门诊", "发热门诊建设项目因资金未落实推迟至2026年开工。", office="卫生院")
    assert row.verdict == "not_found"


def test_a_figure_naming_the_thing_put_off_is_no_result():
    row = row_of("开工建设30万千瓦储能电站", "30万千瓦储能电站因电网接入方案调整，推迟至2027年开工。",
                 office="发展和改革局")
    assert row.verdict == "not_found"


def test_a_figure_of_the_work_done_before_the_put_off_is_partial():
    row = row_of("创建“平安农机”示范乡镇3个", "“平安农机”示范乡镇创建工作推迟至2026年，已完成3个乡镇申报材料的初审。",
                 office="农业机械化服务中心")
    assert row.verdict == "partial"


# -- a power plant's end, its first phase --------------------------------------------------------------------

def test_a_plant_promised_connected_whole_and_reported_by_its_first_phase_is_partial():
    row = row_of("确保200万千瓦光伏项目年内全容量并网", "200万千瓦光伏项目一期100万千瓦实现并网发电，二期完成桩基施工。",
                 office="发展和改革局")
    assert row.verdict == "partial"


# -- the unfinished thing is the subject's head ------------------------------------------------------------

@pytest.mark.parametrize("review", [
    "全年新建、更新全民健身路径23条，城南社区健身广场因征地问题尚未完工。",
    "全年新建、更新全民健身路径23条，另有3处健身广场改造尚在施工。",
])
def test_another_thing_left_unfinished_does_not_make_the_promise_partial(review):
    assert not unfinished_said("新建、更新全民健身路径20条以上", review)
    assert row_of("新建、更新全民健身路径20条以上", review, office="体育事业发展中心").verdict == "delivered"


def test_a_subject_headed_by_works_is_read_by_all_its_words():
    assert unfinished_said("整治黑臭水体2处", "完成某某沟黑臭水体整治，某某塘整治工程尚未完工。")


def test_some_of_the_promised_things_kept_for_a_cause_is_still_partial():
    assert unfinished_said("全部取消困难群众申请救助需提供的村级证明材料",
                           "取消困难群众申请救助需提供的村级证明材料6项，另有2项因涉及民政部门认定程序暂予保留。")


def test_the_promised_things_left_unfinished_still_make_it_partial():
    assert unfinished_said("新建青年之家3个", "新建青年之家3个，其中1个已建成投用，其余2个正在进行内部装修。")


def test_things_kept_named_before_their_count_make_every_one_promised_partial():
    row = row_of("全部取消赛事活动审批中的证明材料", "取消赛事活动审批证明材料5项，保留安全评估报告、场地使用协议2项。",
                 office="体育事业发展中心")
    assert row.verdict == "partial"


def test_things_kept_answer_only_a_promise_of_every_one():
    assert not unfinished_said("开展县级重大决策事项后评估2项", "对县级部门自行设立的8项考核评比事项进行清理，取消6项、保留2项。")


# -- the genre's paraphrases of works and austerity ---------------------------------------------------------

@pytest.mark.parametrize("promise, review", [
    ("完成县城主干道“白改黑”18公里", "完成县城主干道沥青罩面18.6公里，新建口袋公园5个。"),
    ("推动老街区提质改造", "老街区完成升级改造，新开街区业态43家。"),
    ("坚持过紧日子", "压减非刚性支出0.8亿元，“三公”经费同比下降6.3%。"),
])
def test_works_and_austerity_reported_in_the_genres_other_words_are_delivered(promise, review):
    assert row_of(promise, review, office="住房和城乡建设局").verdict == "delivered"


# -- honours of a prefecture named 地区 ---------------------------------------------------------------------

def test_a_prefectures_title_is_lower_than_the_regions():
    assert lower_level("争创自治区级平安县", "我县被评为全地区平安县", "红柳泉县人民政府") == ("自治区级", "全地区")
    assert lower_level("争创省级文明单位", "被评为地区级文明单位") == ("省级", "地区级")


# -- the year and the five-year period reviewed together ----------------------------------------------------

PLAN = ("【样例】某某县2025年政府工作报告\n一、2024年工作回顾\n全县地区生产总值增长5.1%。\n二、2025年工作安排\n"
        "全县经济社会发展主要预期目标是：地区生产总值增长6%左右，城镇登记失业率控制在3.5%以内。\n"
        "（一）推进乡村振兴\n完成农村公路提质改造120公里。\n")
LATER = ("【样例】某某县2026年政府工作报告\n一、2025年和“十四五”时期工作回顾\n"
         "全年实现地区生产总值333.8亿元，增长6.4%；城镇登记失业率为2.9%。完成农村公路升级改造128公里。\n"
         "“十四五”时期，全县地区生产总值年均增长6.8%。\n二、2026年工作安排\n地区生产总值增长6%左右。\n")


def test_a_review_of_the_year_and_the_five_year_period_gives_the_years_figures():
    r = check(sl.read_text(PLAN), sl.read_text(LATER))
    assert verdict_of(r, "地区生产总值增长6%左右").actual == 6.4
    assert verdict_of(r, "城镇登记失业率控制在3.5%以内").verdict == "delivered"
    assert verdict_of(r, "完成农村公路提质改造120公里").verdict == "delivered"
