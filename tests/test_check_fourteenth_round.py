"""Rule classes read from the thirteenth round's spent test pairs (县市场监督管理局, 县纪委监委, 县慈善总会 and a
pastoral county's 政府工作报告), with made-up sentences of the same shapes: a running total does not answer
the things a year added, every one promised is not met while some are kept, an event of another level's
body of the same kind is not the office's, the office's own people are the office, an autonomous region's
level is a province's, a township list acting on its own, and a put-off clause naming the promised event."""

import pytest

from summarylab.plancheck import _acting_body, _put_off_names_promise, lower_level, stock_only, unfinished_said

from .test_check_measures_and_coverage import row_of


# -- the things a year added are not their running total ---------------------------------------------

def test_a_running_total_does_not_answer_a_count_of_new_things():
    row = row_of("新增注册巾帼志愿者800名", "全县累计注册巾帼志愿者达4100余名，志愿服务活动常态开展。", office="妇联")
    assert row.verdict == "not_found"


@pytest.mark.parametrize("clause", [
    "全年累计新增注册巾帼志愿者860名",   # a total of new ones is the year's
    "全年累计注册巾帼志愿者860名",       # the year's running total
])
def test_the_years_own_running_total_still_answers(clause):
    assert not stock_only("新增注册巾帼志愿者800名", clause)


def test_a_running_total_answers_a_promise_of_no_new_things():
    assert not stock_only("培训农村实用人才3000人次", "全县累计培训农村实用人才3200人次")


# -- every one promised, some kept --------------------------------------------------------------------

@pytest.mark.parametrize("review", [
    "取消企业开办需提供的各类证明材料7项，另有3项因涉及上级审批要求暂予保留。",
    "清理取消县级自行设定的收费项目11项，仍有2项因法规依据尚在修订暂予保留。",
])
def test_every_one_promised_is_partial_when_the_review_keeps_some(review):
    promise = "全部取消企业开办需提供的各类证明材料" if "企业" in review else "全部取消县级自行设定的收费项目"
    assert unfinished_said(promise, review)
    assert row_of(promise, review, office="行政审批局").verdict == "partial"


def test_every_one_cancelled_is_delivered():
    row = row_of("全部取消企业开办需提供的各类证明材料", "企业开办需提供的各类证明材料已全部取消，办理时间压缩至半天。",
                 office="行政审批局")
    assert row.verdict == "delivered"


# -- whose event, whose people --------------------------------------------------------------------------

def test_staff_sent_to_a_higher_associations_class_do_not_hold_the_offices_own():
    row = row_of("举办全县红十字救护员培训班3期",
                 "选派8名工作人员参加市红十字总会举办的救护师资培训班，救护培训能力进一步提升。", office="红十字会")
    assert row.verdict == "not_found"


def test_two_townships_acting_on_their_own_do_not_hold_the_offices_event():
    assert _acting_body(None, None) is None
    row = row_of("举办全县“安全生产月”宣传咨询活动",
                 "城南镇、花溪乡结合实际自行组织开展“安全生产月”宣传咨询活动。", office="应急管理局")
    assert row.verdict == "not_found"


def test_the_offices_own_leaders_are_the_office():
    # (the body a sentence opens with is read up to a body's ending: 县应急管理局党员干部 ends like 县委组织部)
    row = row_of("局党员干部每季度至少开展1次基层调研",
                 "县应急管理局党员干部全年开展基层调研5次，解决实际问题14个。", office="应急管理局")
    assert row.verdict == "delivered"


# -- levels and put off -----------------------------------------------------------------------------------

def test_an_autonomous_regions_level_is_a_provinces():
    assert lower_level("争创自治区级民族团结进步示范单位", "我局被命名为市级民族团结进步示范单位") == ("自治区级", "市级")
    assert lower_level("争创自治区级民族团结进步示范单位", "我局被命名为自治区级民族团结进步示范单位") is None


def test_a_put_off_event_named_by_its_words_is_the_promised_work():
    assert _put_off_names_promise("做好县红十字会第四届会员代表大会换届工作",
                                  "因上级政策调整，第四届会员代表大会")
    assert not _put_off_names_promise("做好县红十字会第四届会员代表大会换届工作", "红十字博爱家园项目")


def test_a_whole_work_put_off_with_its_preparation_done_is_partial():
    row = row_of("做好县红十字会第四届会员代表大会换届工作",
                 "因上级关于群团组织换届工作的政策调整，第四届会员代表大会推迟至2026年召开，目前已完成换届工作方案"
                 "起草和理事候选人初步推荐。", office="红十字会")
    assert row.verdict == "partial"


# -- classes read from the fourteenth round's three new dev pairs (政协办公室, 巡察办, a suburban county),
#    made-up sentences of the same shapes ---------------------------------------------------------------

def test_some_kept_by_count_where_all_were_to_go_is_partial():
    assert unfinished_said("全部取消科室自行设置的各类统计台账", "清理科室自行设置的统计台账，取消9项、保留3项。")


def test_members_sent_to_a_higher_cppccs_class_do_not_hold_the_offices_own():
    row = row_of("举办全县政协委员学习培训班1期", "选派15名委员参加市政协举办的委员学习培训班。", office="政协办公室")
    assert row.verdict == "not_found"


def test_a_put_off_by_an_authoritys_arrangement_after_its_preparation_is_partial():
    row = row_of("开展县人大代表补选工作",
                 "县人大代表补选工作已完成选区划分和候选人摸底，根据上级统一安排推迟至2026年进行。", office="人大办")
    assert row.verdict == "partial"


def test_a_put_off_sentence_opening_with_the_steps_done_is_partial():
    row = row_of("编纂出版《城关文史资料》第十二辑", "完成《城关文史资料》第十二辑征稿和初审工作，出版推迟至2026年。",
                 office="政协办公室")
    assert row.verdict == "partial"


def test_every_one_of_the_things_answers_a_share_of_one_hundred_per_cent():
    row = row_of("新建住宅小区充电设施配建比例达到100%", "新建住宅小区均按标准同步配建充电设施。", office="住房和城乡建设局")
    assert row.verdict == "delivered"


def test_a_delegation_to_a_named_citys_games_does_not_hold_the_countys_own():
    row = row_of("举办全县第二届职工运动会", "组团参加临江市第六届职工运动会，获团体总分第二名。", office="总工会")
    assert row.verdict == "not_found"


def test_in_a_countys_report_quanqu_is_the_autonomous_region():
    assert lower_level("争创全区民族团结进步示范县", "我县被评为全市民族团结进步示范县", "某某县人民政府") == ("全区", "全市")
    # in a district's report 全区 is the district, below 全市
    assert lower_level("争创全区民族团结进步示范社区", "城东社区被评为全市民族团结进步示范社区", "某某区民政局") is None


@pytest.mark.parametrize("review", [
    "城西大道路基工程全部完成，路面工程完成六成。",
    "城西大道主线贯通，累计完成总工程量的80%。",
])
def test_a_road_promised_open_is_partial_at_a_stage_of_its_building(review):
    assert row_of("城西大道年内建成通车", review, office="交通运输局").verdict == "partial"


# -- a rate from a whole and its part, the part said after a time or inside its own clause ---------------

def test_a_whole_then_its_part_done_by_the_years_end_gives_the_rate():
    row = row_of("巡察反馈问题整改完成率不低于95%", "前三轮巡察共反馈问题825个，截至年底已整改到位791个。", office="巡察办")
    assert row.verdict == "delivered" and round(row.actual, 1) == 95.9


def test_a_whole_then_its_part_picked_out_by_qizhong_inside_a_clause_gives_the_rate():
    row = row_of("提案办理满意率达到95%以上", "全年共立案提案186件，委员对其中178件的办理结果表示满意或基本满意。",
                 office="政协办公室")
    assert row.verdict == "delivered" and round(row.actual, 1) == 95.7


# -- an office named with 工作 in it, and a promise to help ------------------------------------------------

def test_an_office_named_with_gongzuo_keeps_its_whole_name():
    from summarylab.structure import _org_from_title
    assert _org_from_title("县委巡察工作领导小组办公室2026年工作总结和2027年工作计划") == "县委巡察工作领导小组办公室"
    assert _org_from_title("县关心下一代工作委员会2025年工作总结和2026年工作计划") == "县关心下一代工作委员会"


def test_a_promise_to_help_another_body_is_delivered_by_the_help():
    row = row_of("配合县教育局开展校园周边环境专项整治", "配合县教育局开展校园周边环境专项整治，排查整改隐患23处。",
                 office="关心下一代工作委员会")
    assert row.verdict == "delivered"
