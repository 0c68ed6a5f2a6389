"""Rule classes read from the fourteenth round's spent test pairs (县委网信办, 县人民医院, a village committee and a
reservoir-area county's 政府工作报告), with made-up sentences of the same shapes (the next round's branch)."""

from .test_check_measures_and_coverage import row_of


def test_a_share_whose_label_holds_a_count_is_met_from_counts_with_the_part_undone():
    # (全县48个行政村生活污水治理覆盖率达到80%以上 still reads 48个 as the target: a count in a share's label
    # taken for its figure, another class)
    row = row_of("全县36个社区垃圾分类覆盖率达到80%以上", "全县36个社区中已有31个实行垃圾分类。", office="城市管理局")
    assert row.verdict == "delivered" and round(row.actual, 1) == 86.1


def test_a_share_whose_label_opens_with_a_figure_is_met_from_counts():
    row = row_of("行政村5G网络覆盖率达到90%以上", "全县132个行政村中已有124个实现5G网络覆盖。", office="工信局")
    assert row.verdict == "delivered"


# -- the year's own figure after a total of several years ---------------------------------------------

import pytest  # noqa: E402


@pytest.mark.parametrize("review, verdict, actual", [
    ("全县累计建成充电桩860个，其中2025年新建215个。", "delivered", 215),
    ("“十四五”以来累计建成充电桩860个，其中2025年新建215个。", "delivered", 215),
    ("近三年累计建成充电桩860个，其中2025年新建180个。", "partial", 180),
])
def test_the_years_own_figure_after_a_running_total_decides(review, verdict, actual):
    row = row_of("新建充电桩200个", review, office="发展和改革局")
    assert row.verdict == verdict and row.actual == actual


# -- a township's bodies, in a village's report -----------------------------------------------------------

def test_a_villages_members_at_the_townships_class_do_not_hold_the_villages_own():
    row = row_of("举办党员冬训班1期", "冬春季节，组织全村86名党员参加镇党委举办的党员冬训班，集中学习党的创新理论。",
                 office="村民委员会")
    assert row.verdict == "not_found"


def test_a_township_school_acting_in_the_village_is_another_body():
    row = row_of("组织开展防溺水安全教育", "镇中心学校在本村开展防溺水安全教育2场，全年未发生溺水事故。", office="村民委员会")
    assert row.verdict == "not_found"


def test_the_villages_own_committee_acting_in_the_village_delivers():
    row = row_of("组织开展防溺水安全教育", "村两委在本村开展防溺水安全教育2场，全年未发生溺水事故。", office="村民委员会")
    assert row.verdict == "delivered"


# -- the fifteenth round's dev pairs and the fourteenth round's after-round pairs -------------------------
# Made-up sentences of the shapes the round's authors planted apart (县农村经营管理站, 县烟草专卖局, a
# logistics-hub county; 县委政策研究室, 县实验小学, 县不动产登记中心, a karst county).

from summarylab.listed import counted_in_part  # noqa: E402
from summarylab.plancheck import _another_part, _put_off_names_promise, every_one_done  # noqa: E402


@pytest.mark.parametrize("review", [
    "选派2名干部参加市委党史研究室举办的全市党史业务培训班。",      # a body named …室
    "组织12家合作社参加市农民合作社发展论坛。",                    # another level's event, its body unnamed
])
def test_the_offices_people_at_another_bodys_event_do_not_hold_its_own(review):
    promise = "举办全县党史业务培训班1期" if "党史" in review else "举办首届全县农民合作社发展论坛"
    assert row_of(promise, review, office="党史研究室" if "党史" in review else "农村经营管理站").verdict == "not_found"


@pytest.mark.parametrize("promise, review", [
    ("承办全县初中英语教学研讨会", "配合县教研室做好全县初中英语教学研讨会会务保障工作。"),
    ("力争查处制售假烟案件3起", "协助市局稽查支队查处制售假烟案件1起。"),
    ("全面开展内部控制风险排查", "县纪委监委派驻纪检监察组对我局开展内部控制风险专项检查，我局对照反馈意见逐项整改。"),
    ("开展全县农村房屋使用情况摸底调查", "县住建局对全县农村房屋开展了安全隐患排查，我站提供了相关资料。"),
    ("举办全县农产品展销会", "部分乡镇结合中国农民丰收节自行组织农产品展销活动。"),
])
def test_another_bodys_act_is_no_part_of_the_offices_promise(promise, review):
    assert row_of(promise, review, office="农村经营管理站").verdict == "not_found"


@pytest.mark.parametrize("promise, review", [
    ("全县村级财务公开覆盖率达到100%", "全县212个村均实行村级财务公开。"),
    ("对全县940户个体工商户消防检查覆盖率达到100%", "全年对940户个体工商户均开展消防检查。"),
])
def test_a_share_of_every_one_is_met_by_every_one_counted(promise, review):
    assert every_one_done(promise, review)


def test_an_average_per_household_is_not_every_one():
    assert not every_one_done("农户参保率达到100%", "全县农户户均增收1500元")


def test_no_spending_at_all_meets_a_ceiling_on_it():
    row = row_of("会议费支出控制在2万元以内", "全年无会议费支出。", office="档案馆")
    assert row.verdict == "delivered"


@pytest.mark.parametrize("promise, before", [
    ("开工建设城南污水处理厂", "城南污水处理厂因土地征收未完成，"),
    ("做好第五届会员代表大会换届工作", "第五届会员代表大会换届已完成会员代表推选，因主要负责同志调整，大会"),
])
def test_a_put_off_clause_names_the_promise_by_its_subject(promise, before):
    assert _put_off_names_promise(promise, before)


def test_a_project_put_off_with_only_its_cause_is_not_found():
    row = row_of("开工建设城南污水处理厂", "城南污水处理厂因土地征收未完成，推迟至2026年开工。", office="住房和城乡建设局")
    assert row.verdict == "not_found"


def test_a_founding_event_put_off_with_its_steps_done_is_partial():
    row = row_of("成立县电子商务协会", "县电子商务协会章程草案和筹建方案已起草完成，因会员单位数量不足，成立大会推迟至2026年召开。",
                 office="商务局")
    assert row.verdict == "partial"


@pytest.mark.parametrize("promise, review, shown", [
    ("开发“围棋”“陶艺”“航模”3门校本课程", "开发《围棋》《陶艺》2门校本课程并编印教材。", (2, 3)),
    ("实现水、电、气、网络四项业务联动过户", "已实现水、电、气三项业务与不动产转移登记联动过户。", (3, 4)),
    ("推进法治宣传“五进”（进社区、进学校、进商户、进乡村、进企业）活动", "开展法治宣传进社区、进学校活动。", (2, 5)),
])
def test_a_counted_list_answered_with_fewer_of_its_things(promise, review, shown):
    assert counted_in_part(promise, review) == shown


def test_a_counted_list_answered_with_all_of_its_things_is_no_part():
    assert counted_in_part("开发“围棋”“陶艺”“航模”3门校本课程", "开发围棋、陶艺、航模3门校本课程。") is None


def test_a_counted_list_reported_in_part_is_partial():
    row = row_of("开发“围棋”“陶艺”“航模”3门校本课程", "开发《围棋》《陶艺》2门校本课程并编印教材。", office="实验小学")
    assert row.verdict == "partial"


@pytest.mark.parametrize("label, context", [
    ("村集体经济总收入达到", "全年村集体经济经营性收入达到"),
    ("力争规上工业总产值突破", "全县工业总产值达到"),
    ("社会消费品零售总额增长", "限额以上消费品零售额增长"),
])
def test_a_neighbouring_indicator_does_not_answer(label, context):
    assert _another_part(label, context)


def test_a_share_whose_label_opens_with_a_qualifier_is_met_from_counts():
    row = row_of("全县150个行政村中集体经营性收入10万元以上的村占比达到80%以上",
                 "全县150个行政村中已有126个村集体经营性收入超过10万元。", office="农村经营管理站")
    assert row.verdict == "delivered" and round(row.actual, 1) == 84.0


@pytest.mark.parametrize("promise, review", [
    ("建成政务服务自助服务区", "政务服务自助服务区于10月上线试运行。"),
    ("建成县档案馆新馆并投入使用", "县档案馆新馆完成主体装修，计划2026年5月投入使用。"),
])
def test_a_thing_on_trial_or_with_its_use_only_planned_is_partial(promise, review):
    assert row_of(promise, review, office="档案馆").verdict == "partial"


def test_a_list_of_documents_cut_to_its_new_count_is_a_cut_by_a_share():
    row = row_of("把企业开办申请材料缩减一半", "企业开办申请材料由10项精简至6项。", office="行政审批服务局")
    assert row.verdict == "partial" and row.actual == 40.0


@pytest.mark.parametrize("promise, review, share", [
    ("年经营性收入10万元以上的村占比达到60%", "全县126个行政村中，年经营性收入10万元以上的达到91个。", 72.2),
    ("年经营性收入30万元以上的村占比达到60%", "全县186个行政村中，年经营性收入30万元以上的村达到118个。", 63.4),
])
def test_a_share_over_a_bar_is_met_from_the_counts_around_the_bar(promise, review, share):
    row = row_of(promise, review, office="乡村振兴局")
    assert row.verdict == "delivered" and round(row.actual, 1) == share


def test_a_count_of_honours_is_not_answered_by_a_count_of_articles():
    row = row_of("力争2篇以上调研成果获评全市优秀调研成果", "全年在县融媒体中心刊发调研成果和理论文章38篇。", office="政策研究室")
    assert row.verdict == "not_found"


def test_a_count_of_honours_is_answered_by_a_count_of_honours():
    row = row_of("力争2篇以上调研成果获评全市优秀调研成果", "全年有3篇调研成果获评全市优秀调研成果。", office="政策研究室")
    assert row.verdict == "delivered" and row.actual == 3


def test_a_completion_rate_of_generic_words_is_met_from_its_counts():
    # (the next round's branch: a share's stem of the genre's generic words, 重点改革任务完成, read by its characters)
    row = row_of("年度重点改革任务完成率达到90%以上", "确定的40项重点改革任务中已完成37项，其余3项取得阶段性进展。",
                 office="政策研究室")
    assert row.verdict == "delivered" and row.actual == 92.5


def test_an_unfinished_cue_of_another_object_leaves_the_promise_done():
    # (the next round's branch: 部分合作社尚未完成年报公示 is about the 年报公示, not the clearing promised)
    from summarylab.plancheck import unfinished_said
    assert not unfinished_said("开展家庭农场名录清理，清理注销不少于50家",
                               "全年清理注销名录外家庭农场63家，部分家庭农场尚未完成信息填报。")
    assert unfinished_said("完成全县村级组织换届", "全县村级组织换届完成85%，部分村级组织尚未完成换届。")


def test_the_whole_countys_output_is_not_answered_by_the_big_firms_written_in_full():
    # (the next round's branch: 规模以上 is 规上 in synonyms.tsv, so the sibling line reads it; the fifteenth round's
    # test county)
    assert _another_part("全县工业总产值增长", "规模以上工业总产值增长")
    assert not _another_part("规上工业总产值增长8%", "规模以上工业总产值增长")
