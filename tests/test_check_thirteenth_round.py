"""Rule classes read from the twelfth round's spent test pairs (县公安局, 县委统战部, 县职业中等专业学校 and an
island county's 政府工作报告), with made-up sentences of the same shape: 创成 reaches a level, 发案 only says
that cases occurred, and a first phase does not finish the whole."""

import pytest

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
