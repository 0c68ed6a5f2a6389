"""A review often gives a promised rate or share only as counts: the rule classes that compute it.

Found on the eighth round's dev pairs (synthetic 县档案馆, 县融媒体中心, 县文化广电体育局, 县行政审批服务局,
县民族宗教事务局 and 县疾病预防控制中心 pairs, whose authors were asked to answer some promised rates
with counts only), written here with made-up sentences of the same shape.  The annotators compute the
rate (GUIDELINES_check.md); so does the check (plancheck.derived_rates), and a share computed from
counts answers only a target whose label ends in a share word (达标率, 比例, 占比).
"""

import pytest

from summarylab.plancheck import share_similarity, share_stem
from .test_check import office_pair, verdict_of


def pair(plan_lines: str, review: str):
    return office_pair("档案馆", 2024, "（一）重点工作\n" + plan_lines, "（一）业务工作\n" + review, done="接收档案26卷。")


@pytest.mark.parametrize("target, review, verdict, actual", [
    # a whole, then the part of it (…中已有…)
    ("馆藏档案数字化率达到70%", "馆藏8.9万卷档案中已有6.1万卷完成数字化。", "partial", 68.5),
    ("全县机关档案室规范化管理达标率达到80%以上", "全县62个机关单位已有52个档案室通过规范化验收。", "delivered", 83.9),
    # a whole, then 其中 its part
    ("原创稿件占比达到60%以上", "全年各平台发稿2.46万条，其中自采原创稿件1.58万条。", "delivered", 64.2),
    # a whole, then the part doing it (正在…的)
    ("抗病毒治疗覆盖率达到95%以上", "现存活感染者438例，正在接受抗病毒治疗的411例。", "partial", 93.8),
    # the part, then its whole in brackets
    ("经常参加体育锻炼人数比例达到42%", "经常参加体育锻炼人数22.5万人（全县常住人口52.3万人）。", "delivered", 43.0),
    # a ceiling answered by counts
    ("娱乐场所违规经营率控制在3%以内", "全县138家娱乐场所中，查实违规经营的5家。", "partial", 3.6),
])
def test_a_promised_share_is_computed_from_the_counts_the_review_gives(target, review, verdict, actual):
    row = verdict_of(pair(f"{target}。\n", review), target)
    assert row.verdict == verdict
    assert round(row.actual, 1) == actual


@pytest.mark.parametrize("review", ["全年收到政务服务差评17件，均在规定时限内整改到位。",
                                    "对86处宗教活动场所逐一开展消防安全检查并整改到位。"])
def test_every_one_of_them_is_a_share_of_one_hundred_per_cent(review):
    target = "差评整改率保持100%" if "差评" in review else "宗教活动场所消防安全检查覆盖率达到100%"
    row = verdict_of(pair(f"{target}。\n", review), target)
    assert row.verdict == "delivered" and row.actual == 100


def test_an_average_is_not_every_one_of_them():
    # 平均 holds 均 and says nothing about every case
    row = verdict_of(pair("即办件占比提高到40%。\n", "全年办件1.12万件，平均减少材料近一半。"), "即办件占比提高到40%")
    assert row.actual != 100


def test_a_count_answers_no_share_nor_a_share_a_count():
    # a part of a whole is a share only for a target that names a share: 新建示范点5个 is a count
    result = pair("新建规范化档案室5个。\n", "全县62个机关单位中已有52个档案室通过规范化验收。")
    assert verdict_of(result, "新建规范化档案室5个").actual != 100 * 52 / 62


def test_a_value_per_head_is_not_a_total():
    # 人均体育场地面积 2.8平方米 is not met by the county's 141.6万平方米 of sports grounds
    target = "人均体育场地面积达到2.8平方米"
    row = verdict_of(pair(f"{target}。\n", "全县体育场地总面积141.6万平方米。"), target)
    assert row.verdict != "delivered"


def test_the_share_stem_drops_the_framing_and_the_share_word():
    assert share_stem("行政村综合性文化服务中心达标率达到") == "行政村综合性文化服务中心达标"
    assert share_stem("原创稿件占比") == "原创稿件"
    assert share_stem("全年接待查档利用") is None
    # the counts name the whole and what its part did, not the share word
    assert share_similarity("机关档案室规范化管理", "全县62个机关单位已有52个档案室通过规范化管理验收") >= 0.6
