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
