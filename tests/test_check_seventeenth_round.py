"""Rule classes read from the sixteenth round's spent test pairs (县社会保险事业管理中心, 县第一中学, 县农业综合行政执法大队
and a new-energy county's 政府工作报告), written here with made-up sentences of the same shapes."""

import pytest

import summarylab as sl
from summarylab.plancheck import _another_part, _another_qualifier, _names_its_head, _without_measure
from .test_check_measures_and_coverage import row_of


# -- a running total opening a paragraph is its sentence's --------------------------------------------------

def test_the_sentences_after_a_running_total_that_opens_a_paragraph_report_the_year():
    row = row_of("完成荒山造林3万亩",
                 "近三年累计完成营造林18万亩。完成荒山造林3.4万亩，退化林修复累计达到5.1万亩。", office="林业局")
    assert row.verdict == "delivered" and row.actual == 34000


def test_a_paragraph_the_period_frames_still_reviews_several_years():
    row = row_of("完成荒山造林3万亩", "五年来，全县完成荒山造林12.6万亩，森林覆盖率持续提高。", office="林业局")
    assert row.verdict != "delivered"


# -- a programme named in quotes is its label's head -----------------------------------------------------------

def test_a_quoted_works_name_stands_for_the_works_word_after_it():
    assert _names_its_head("完成县城背街小巷“白改黑”改造", "改造")
    assert not _names_its_head("“白改黑”道路改造", "改造")
    row = row_of("完成县城背街小巷“白改黑”改造3.5公里", "完成县城背街小巷沥青罩面3600米。", office="住房和城乡建设局")
    assert row.verdict == "delivered"


# -- a share of a counted whole needs no share word --------------------------------------------------------

def test_a_share_of_a_counted_whole_is_answered_by_the_counts_of_the_part():
    row = row_of("全县48个村卫生室中70%以上实现医保结算直通", "全县48个村卫生室中已有37个实现医保结算直通。",
                 office="医疗保障局")
    assert row.verdict == "delivered" and round(row.actual, 1) == 77.1
    short = row_of("全县48个村卫生室中70%以上实现医保结算直通", "全县48个村卫生室中已有30个实现医保结算直通。",
                   office="医疗保障局")
    assert short.verdict == "partial"


# -- the value a change starts from, whatever its verb ------------------------------------------------------

@pytest.mark.parametrize("promise, review, verdict", [
    ("将乡镇文化站由26个整合优化为15个", "将现有26个乡镇文化站整合重组为15个综合文化服务中心。", "delivered"),
    ("由现有31支整合为18支以内", "全县31支乡镇护林队伍整合为17支，实行统一管理。", "delivered"),
    ("将乡镇文化站由26个整合优化为15个", "将现有26个乡镇文化站整合重组为19个综合文化服务中心。", "partial"),
])
def test_the_starting_value_of_a_consolidation_is_no_target(promise, review, verdict):
    assert row_of(promise, review, office="文化广电和旅游局").verdict == verdict


def test_what_both_values_are_of_stays_in_the_new_values_label():
    row = row_of("城乡居民医保财政补助标准由每人每年640元提高到670元",
                 "城乡居民医保财政补助标准提高到每人每年670元。", office="医疗保障局")
    assert row.verdict == "delivered"


# -- files are counted in 卷 ----------------------------------------------------------------------------------

def test_a_rate_of_files_is_answered_by_their_counts():
    row = row_of("行政执法案卷评查优秀率达到85%以上", "开展案卷评查，评查行政执法案卷60卷，其中优秀52卷。",
                 office="市场监督管理局")
    assert row.verdict == "delivered" and round(row.actual, 1) == 86.7


def test_a_volume_named_by_its_year_is_no_count():
    doc = sl.read_text("某县文联2025年工作总结\n一、工作成效\n编辑出版《某县文学作品选（2024卷）》，收录作品86篇。\n")
    assert sorted(doc.facts.surface) == ["86篇"]


# -- none of a thing meets a ceiling on its amount or its frequency ------------------------------------------

def test_none_of_the_thing_meets_a_ceiling_on_its_amount():
    assert _without_measure("医保基金违规使用金额控制在") == "医保基金违规使用控制在"
    row = row_of("医保基金违规使用金额控制在万分之三以内", "全年未发生违规使用医保基金问题。", office="医疗保障局")
    assert row.verdict == "delivered"


def test_a_frequency_cut_by_half_is_answered_by_its_counts():
    row = row_of("把涉企检查频次缩减一半", "推行“综合查一次”，涉企检查由上年的88次减至52次。", office="市场监督管理局")
    assert row.verdict == "partial"  # 40.9% fewer, short of half


# -- another part or group of the same measure -----------------------------------------------------------------

def test_a_scope_word_right_before_another_part_is_not_the_promised_part():
    assert _another_part("全县工业总产值突破", "全县规模以上工业总产值达到")
    assert not _another_part("全县规上工业总产值突破", "全县规模以上工业总产值达到")
    row = row_of("全县工业总产值突破80亿元", "全县规模以上工业总产值达到86亿元，新增规上工业企业5家。",
                 office="工业和信息化局")
    assert row.verdict == "not_found"


def test_the_same_measure_of_another_group_after_a_longer_shared_run():
    assert _another_qualifier("学生营养餐膳食满意度达到", "学生营养餐家长满意度达到")
    row = row_of("学生营养餐膳食满意度达到90%以上", "学生营养餐家长满意度达到95%。", office="教育局")
    assert row.verdict == "not_found"


# -- another body's act upon the office --------------------------------------------------------------------

def test_an_inspection_by_a_working_group_with_a_long_name_is_not_the_offices_own_review():
    row = row_of("开展“清廉医院”建设自查评估",
                 "县纪委监委派驻县卫生健康局纪检监察组对我院开展了“清廉医院”建设专项检查，反馈问题全部整改。",
                 office="人民医院")
    assert row.verdict == "not_found"


def test_supplying_material_to_another_bodys_evaluation_is_only_helping():
    row = row_of("组织开展乡村医生能力提升培训",
                 "县卫生健康局组织开展乡村医生能力提升培训考核验收，我院提供了相关资料。", office="人民医院")
    assert row.verdict == "not_found"


# -- a school names itself --------------------------------------------------------------------------------

def test_a_schools_report_names_the_school_not_the_bodies_that_lead_it():
    doc = sl.read_text("县实验中学2025年工作总结\n2025年，县实验中学在县委、县政府和县教育局的正确领导下，坚持立德树人。\n"
                       "一、工作成效\n开展教研活动36次。\n")
    assert doc.meta.org == "县实验中学"


# -- 党建带团建 is read by its parts ------------------------------------------------------------------------

def test_the_party_leading_the_league_is_answered_by_league_work_in_the_party_plan():
    row = row_of("坚持党建带团建", "中心党支部把团建工作纳入党建工作总体布局，同部署、同考核。", office="青少年活动中心")
    assert row.verdict == "delivered"
