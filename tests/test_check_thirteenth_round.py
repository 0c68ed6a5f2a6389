"""Rule classes read from the twelfth round's spent test pairs (县公安局, 县委统战部, 县职业中等专业学校 and an
island county's 政府工作报告), with made-up sentences of the same shape: 创成 reaches a level, 发案 only says
that cases occurred, and a first phase does not finish the whole."""

import pytest

import summarylab as sl
from summarylab.plancheck import unfinished_said

from .test_check import office_pair, verdict_of

from .test_check_measures_and_coverage import row_of


def test_a_title_promised_with_chuangcheng_reached_a_level_lower_is_partial():
    row = row_of("力争1个派出所创成全国“枫桥式公安派出所”", "城关派出所被评为全省“枫桥式公安派出所”。", office="县公安局")
    assert row.verdict == "partial"


def test_no_case_at_all_meets_a_ceiling_on_the_rate_cases_occur_at():
    row = row_of("确保涉枪涉爆案件发案率控制在万分之0.1以内", "全年未发生涉枪涉爆案件。", office="县公安局")
    assert row.verdict == "delivered" and row.actual == 0


@pytest.mark.parametrize("promise, review", [
    ("建成县城区智能交通信号控制系统", "县城区智能交通信号控制系统一期建成，覆盖城区12个路口。"),
    ("建成投用国家远洋渔业基地冷链物流中心", "国家远洋渔业基地冷链物流中心一期建成投用。"),
])
def test_the_first_phase_of_a_thing_promised_whole_is_partial(promise, review):
    assert row_of(promise, review, office="县人民政府").verdict == "partial"


def test_a_promise_of_the_first_phase_is_met_by_it():
    row = row_of("建成县城区智能交通信号控制系统一期工程", "县城区智能交通信号控制系统一期建成，覆盖城区12个路口。", office="县公安局")
    assert row.verdict == "delivered"


# -- classes read from the thirteenth round's three new dev pairs (关工委, 编办, a tea county), made-up
#    sentences of the same shapes --------------------------------------------------------------------

@pytest.mark.parametrize("review", [
    "城关镇团委自行组织开展青年创业故事分享会，参加青年80余人。",
    "部分乡镇结合实际自行组织开展了青年创业故事分享会。",
    "河口镇、东岭乡自行组织举办青年创业故事分享会2场。",
])
def test_an_event_a_township_held_on_its_own_is_not_the_offices(review):
    row = row_of("举办全县青年创业故事分享会", review, office="团委")
    assert row.verdict == "not_found"


def test_an_event_another_body_held_while_the_office_only_helped_is_not_the_offices():
    review = "县文明办组织开展“最美家庭”评选活动，县妇联配合做好宣传发动，评出最美家庭20户。"
    assert row_of("组织开展“最美家庭”评选活动", review, office="妇联").verdict == "not_found"


def test_an_event_the_office_held_with_another_bodys_help_is_delivered():
    review = "县妇联组织开展“最美家庭”评选活动，县文明办配合做好宣传发动，评出最美家庭20户。"
    assert row_of("组织开展“最美家庭”评选活动", review, office="妇联").verdict == "delivered"


@pytest.mark.parametrize("review", [
    "全县残疾人信息库建设方案已起草完成，因数据对接问题，信息库上线推迟至2026年。",
])
def test_a_promise_put_off_with_its_preparatory_work_done_is_partial(review):
    assert row_of("建立全县残疾人信息库", review, office="残联").verdict == "partial"


def test_a_plan_put_off_with_its_research_and_draft_done_is_partial():
    review = "县残疾人托养服务配套方案因上级部署调整推迟至2026年出台，目前已完成前期调研和方案初稿起草。"
    assert row_of("完成县残疾人托养服务配套方案制定", review, office="残联").verdict == "partial"


@pytest.mark.parametrize("promise, review", [
    ("全县中小学心理辅导室建成率达到95%以上", "全县84所中小学中已有81所建成心理辅导室。"),
    ("村级综合服务站覆盖率达到98%以上", "全县412个行政村中已有405个建成村级综合服务站。"),
])
def test_a_rate_met_from_the_counts_of_a_whole_and_its_part_is_delivered(promise, review):
    row = row_of(promise, review, office="教育局")
    assert row.verdict == "delivered"


@pytest.mark.parametrize("review", [
    "在县融媒体中心和“县团委”微信公众号刊发工作稿件45篇。",
    "县融媒体中心刊发团建工作稿件45篇。",
])
def test_pieces_in_county_media_do_not_meet_a_promise_of_city_level_media(review):
    row = row_of("在市级以上媒体刊发工作稿件30篇以上", review, office="团委")
    assert row.verdict != "delivered"


def test_pieces_in_the_promised_level_of_media_are_counted():
    row = row_of("在市级以上媒体刊发工作稿件30篇以上", "在省、市级媒体刊发工作稿件36篇。", office="团委")
    assert row.verdict == "delivered"


def test_a_monthly_floor_is_a_yearly_count_the_review_falls_short_of():
    # (the years' total before it is no answer: 累计 since the five-year plan began)
    review = "“十四五”以来累计开展集中学习60余次，2025年开展理论学习中心组集中学习10次。"
    row = row_of("每月至少开展1次理论学习中心组集中学习", review, office="编办")
    assert row.verdict == "partial"


def test_a_sentence_of_the_plan_part_after_a_recalled_figure_is_no_evidence():
    # 去年全县茶园面积已达32.6万亩 recalls a figure; the plan's own sentences follow it, not a review
    plan = sl.read_text("【样例】云岭县2025年政府工作报告\n一、2024年工作回顾\n完成年度任务。\n二、2025年工作安排\n"
                        "（一）做强茶产业。举办第三届云岭茶文化旅游节。\n")
    later = sl.read_text("【样例】云岭县2026年政府工作报告\n一、2025年工作回顾\n（一）文旅融合。第三届云岭茶文化旅游节推迟"
                         "至2026年举办。\n二、存在的问题\n人员不足。\n三、2026年工作安排\n（一）做强茶产业。去年全县茶园"
                         "面积已达32.6万亩。举办第三届云岭茶文化旅游节，举办春茶开采节。\n")
    row = verdict_of(sl.check(plan, later), "举办第三届云岭茶文化旅游节")
    assert row.verdict == "not_found" and row.evidence_section != "3.1"


def test_no_fatal_accident_meets_a_ceiling_on_the_death_rate_whatever_the_word_order():
    # 生产安全死亡事故 holds the promise's words 安全事故 and 死亡 in another order
    row = row_of("亿元地区生产总值生产安全事故死亡率控制在万分之0.5以内",
                 "全县实现地区生产总值198.6亿元。全年未发生生产安全死亡事故。", office="应急管理局")
    assert row.verdict == "delivered" and row.actual == 0


def test_the_registered_unemployment_rate_does_not_answer_the_surveyed_one():
    plan = sl.read_text("【样例】云岭县2025年政府工作报告\n一、2024年工作回顾\n完成年度任务。\n二、2025年工作安排\n"
                        "主要预期目标是：地区生产总值增长6%左右；城镇调查失业率控制在5.5%以内。\n")
    later = sl.read_text("【样例】云岭县2026年政府工作报告\n一、2025年工作回顾\n（一）民生保障。城镇新增就业2916人，"
                         "城镇登记失业率3.2%。\n二、存在的问题\n人员不足。\n三、2026年工作安排\n继续稳就业。\n")
    row = verdict_of(sl.check(plan, later), "城镇调查失业率")
    assert row.verdict == "not_found"


@pytest.mark.parametrize("review", [
    "县科协全年组织开展“送科技下乡”活动12场，部分党外知识分子参与其中。",
    "县政协全年召开专题协商会、对口协商会9次，各民主党派成员积极建言献策。",
])
def test_in_an_offices_review_another_body_holding_the_event_is_not_the_office(review):
    row = row_of("组织党外知识分子开展“送科技下乡”活动10场以上" if "科协" in review else "召开民主协商会不少于6次",
                 review, office="委统战部")
    assert row.verdict == "not_found"


def test_another_body_clearing_up_with_the_offices_help_is_not_the_offices_cut():
    review = "县委督查检查考核办公室对全县各部门督查检查考核事项进行集中清理，部机关配合做好自查工作。"
    assert row_of("全部取消部机关对乡镇的非必要督查检查考核事项", review, office="委统战部").verdict == "not_found"


def test_a_count_for_each_half_year_reaches_over_a_long_phrase():
    review = "上、下半年各组织民主党派围绕乡村振兴、营商环境开展专题调研1次，形成调研报告2篇。"
    assert row_of("每半年组织民主党派开展1次专题调研", review, office="委统战部").verdict == "delivered"


def test_a_delegation_to_the_citys_festival_does_not_hold_the_countys_own():
    row = row_of("举办第十届云岭海洋文化节", "组团参加市海洋文化节，渔民画、渔歌号子等展演项目广受好评。", office="文旅局")
    assert row.verdict == "not_found"


def test_training_an_office_of_another_system_gave_on_its_own_is_not_the_countys():
    row = row_of("开展渔民安全生产培训5000人次", "云岭海事处在辖区自行组织渔民安全培训5200人次。", office="农业农村局")
    assert row.verdict == "not_found"


def test_the_problems_a_lead_lists_after_its_colon_are_no_evidence():
    plan = sl.read_text("【样例】云岭县2025年政府工作报告\n一、2024年工作回顾\n完成年度任务。\n二、2025年工作安排\n"
                        "（一）民生。解决远洋船员“招工难”问题。\n")
    later = sl.read_text("【样例】云岭县2026年政府工作报告\n一、2025年工作回顾\n（一）民生保障。新增就业2916人。\n"
                         "我们也清醒看到，发展中还存在一些困难和问题：一是经济增长动能不足；二是远洋船员“招工难”问题仍较突出；"
                         "三是公共服务短板依然明显。\n二、2026年工作安排\n继续稳就业。\n")
    row = verdict_of(sl.check(plan, later), "解决远洋船员")
    assert row.verdict == "not_found"


def test_a_part_left_undone_of_another_thing_in_the_sentence_does_not_make_the_promise_partial():
    row = row_of("每季度举办1期“青年讲堂”", "全年举办“青年讲堂”4期，全县9个乡镇中7个建成青年之家。", office="团委")
    assert row.verdict == "delivered"


def test_a_part_left_undone_of_the_promised_thing_still_makes_it_partial():
    row = row_of("新建青年之家3个", "新建青年之家3个，其中1个已建成投用，其余2个正在进行内部装修。", office="团委")
    assert row.verdict == "partial"


def test_a_model_school_created_at_the_city_level_for_a_provincial_one_is_partial():
    row = row_of("力争创建全省中职学校党建工作示范校", "学校党委成功创建全市中职学校党建工作示范校。", office="职业中专")
    assert row.verdict == "partial"


def test_joining_an_alliance_another_body_leads_is_not_leading_one():
    review = "学校作为成员单位，加入由市职业技术学院牵头组建的市域智能制造产教联合体。"
    assert row_of("牵头组建县域智能制造产教联合体", review, office="职业中专").verdict == "not_found"


def test_a_rate_is_computed_from_graduates_and_those_who_obtained_the_certificate():
    row = row_of("学生职业技能等级证书获取率达到85%以上", "2025届毕业生612人中有538人取得职业技能等级证书。", office="职业中专")
    assert row.verdict == "delivered" and round(row.actual, 1) == 87.9


def test_a_project_put_off_for_a_cause_after_its_preparatory_work_is_partial():
    # (the thirteenth round's spent pastoral county: the clause before 推迟 is only the cause)
    review = "县城第二水厂已完成选址和可行性研究报告批复，因资金未落实推迟至2026年开工。"
    assert row_of("开工建设县城第二水厂", review, office="住建局").verdict == "partial"


def test_a_partial_cue_in_the_next_sentence_of_the_evidence_is_about_its_own_thing():
    # (evidence of two sentences: 主体结构封顶 is the hospital's, not the water plant's)
    review = "县城第二水厂开工建设。县人民医院新院区主体结构封顶。"
    assert not unfinished_said("开工建设县城第二水厂", review)
