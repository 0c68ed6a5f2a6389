"""A county-level 政府工作报告 checked against the next one: the rule classes its genre needs.

Each test is a rule class read from the county and district reports of the sixth round
(corpora/annotations/check/county_*.csv), written here with made-up sentences of the same shape.
"""

import summarylab as sl
from summarylab.plancheck import check
from .test_check import verdict_of


PLAN = ("【样例】某某县2024年政府工作报告\n一、2023年工作回顾\n全县地区生产总值增长5.1%。\n二、2024年工作安排\n"
        "做好今年工作，要着重把握好三点：一是坚持发展第一要务，二是坚持民生优先，三是坚持改革创新。\n"
        "全县经济社会发展主要预期目标是：地区生产总值增长6%左右，固定资产投资增长7%左右，"
        "城镇常住居民人均可支配收入增长5.5%左右，农村常住居民人均可支配收入增长7.5%左右，"
        "居民消费价格涨幅3%左右，粮食产量稳定在10.5万吨以上。\n"
        "围绕上述目标，重点抓好以下工作。\n（一）扩大有效投资\n全年安排县级重点项目120个。\n")
LATER = ("【样例】某某县2025年政府工作报告\n一、2024年工作回顾\n"
         "初步核算，全县地区生产总值增长5.9%；固定资产投资增长6.6%；城镇、农村常住居民人均可支配收入"
         "分别达到40197元和17797元，分别增长5.2%和7.6%；居民消费价格上涨0.4%；粮食总产量达到10.62万吨。"
         "全年实施县级重点项目126个。\n二、2025年工作安排\n全县地区生产总值增长5.5%左右。\n")


def result():
    return check(sl.read_text(PLAN), sl.read_text(LATER))


def test_the_targets_paragraph_between_in_paragraph_items_and_the_task_sections_is_checked():
    # 一是…三是 in one paragraph become items of the plan part; the 主要预期目标 paragraph after
    # them is the part's own text, not lost between its children.
    r = result()
    assert verdict_of(r, "地区生产总值增长6%左右").verdict in ("delivered", "partial")
    assert verdict_of(r, "全年安排县级重点项目120个").verdict == "delivered"


def test_about_tolerates_a_tenth_of_the_unit_on_either_side():
    # GUIDELINES_check.md: a 左右 band tolerates 0.1 of the unit: 5.9% meets 6%左右, 6.6% misses 7%左右.
    r = result()
    assert verdict_of(r, "地区生产总值增长6%左右").verdict == "delivered"
    assert verdict_of(r, "固定资产投资增长7%左右").verdict == "partial"


def test_a_second_distributive_clause_keeps_the_names_the_first_gave():
    # 城镇、农村…分别达到A和B，分别增长5.2%和7.6%: 5.2% is the towns', 7.6% the villages'.
    r = result()
    urban = verdict_of(r, "城镇常住居民人均可支配收入增长5.5%左右")
    rural = verdict_of(r, "农村常住居民人均可支配收入增长7.5%左右")
    assert (urban.verdict, urban.actual) == ("partial", 5.2)
    assert (rural.verdict, rural.actual) == ("delivered", 7.6)


def test_one_indicator_in_other_words_is_still_the_same_indicator():
    # indicators_canonical.tsv: 居民消费价格涨幅 / 居民消费价格上涨, 粮食产量 / 粮食总产量.
    r = result()
    price = verdict_of(r, "居民消费价格涨幅3%左右")
    grain = verdict_of(r, "粮食产量稳定在10.5万吨以上")
    assert (price.verdict, price.actual) == ("delivered", 0.4)
    assert grain.verdict == "delivered" and round(grain.actual) == 106200


def test_distributed_names_share_the_head_of_the_last_item():
    facts = sl.read_text(LATER).facts
    by_value = {f.surface: f.indicator for f in facts.itertuples()}
    assert by_value["5.2%"].startswith("城镇常住居民人均可支配收入")
    assert by_value["7.6%"].startswith("农村常住居民人均可支配收入")
