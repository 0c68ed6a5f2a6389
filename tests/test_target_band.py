"""Specifications of the one 左右 rule (summarylab.cues.meets_target), read by the plan check and the panel.

corpora/annotations/GUIDELINES_check.md: "a 左右 band tolerates 0.1 of the unit, e.g. 4.1% for 4%左右",
and "5.9% meets a floor of 6%左右 as 4.1% meets a ceiling of 4%左右; 5.6% misses 6%左右".  The figures
below are read by the number parser from the sentences, as the check and the panel read them.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import summarylab as sl
from summarylab.cues import meets_target
from summarylab.numbers import parse_quantity, scan_quantities
from summarylab.series import met_verdict, panel

ROOT = Path(__file__).resolve().parent.parent


def met(target_text: str, actual_text: str, *, ceiling: bool = False) -> bool:
    """The rule on a target and an outcome as a report writes them (in the base unit, with the
    unit as written); the outcome is the figure of the sentence in the target's base unit."""
    t = parse_quantity(target_text)
    a = next(m.quantity for m in scan_quantities(actual_text) if m.quantity.base_unit == t.base_unit)
    return meets_target(a.base_value, t.base_value, t.base_value, t.approx, ceiling=ceiling,
                        unit=t.base_value / t.value)


@pytest.mark.parametrize("target, actual, ceiling, expected", [
    ("地区生产总值增长6%左右", "地区生产总值增长5.9%", False, True),
    ("地区生产总值增长6%左右", "地区生产总值完成136.9亿元，增长5.6%", False, False),
    ("居民消费价格涨幅4%左右", "居民消费价格上涨4.1%", True, True),
    ("居民消费价格涨幅3%左右", "居民消费价格涨幅控制在3.3%", True, False),
    ("农村居民人均可支配收入增长7%左右", "农村居民人均可支配收入达到19075元，增长6.8%", False, False),
    # the unit as written, whatever the size of the number: 0.1万人 for 900万人左右
    ("城镇新增就业900万人左右", "城镇新增就业899.9万人", False, True),
    ("城镇新增就业900万人左右", "城镇新增就业899万人", False, False),
    # a bound without 左右 has no band
    ("规模以上工业增加值增长8%以上", "规模以上工业增加值增长7.9%", False, False),
])
def test_the_guidelines_band_of_0_1_of_the_unit(target, actual, ceiling, expected):
    assert met(target, actual, ceiling=ceiling) is expected


def _written(tenths: int) -> str:
    return str(tenths // 10) if tenths % 10 == 0 else f"{tenths // 10}.{tenths % 10}"


@given(target=st.integers(10, 200), actual=st.integers(0, 260))
def test_a_growth_target_with_zuoyou_is_met_from_one_tenth_below(target, actual):
    assert met(f"全县地区生产总值增长{_written(target)}%左右", f"全县地区生产总值增长{_written(actual)}%") \
        is (actual >= target - 1)


@given(target=st.integers(10, 100), actual=st.integers(0, 150))
def test_a_price_target_with_zuoyou_is_met_up_to_one_tenth_above(target, actual):
    assert met(f"居民消费价格涨幅{_written(target)}%左右", f"居民消费价格上涨{_written(actual)}%", ceiling=True) \
        is (actual <= target + 1)


@given(target=st.integers(100, 1500), actual=st.integers(900, 16000))
def test_a_count_in_wan_with_zuoyou_tolerates_a_tenth_of_a_wan(target, actual):
    # target 万人 written whole, outcome in tenths of 万人
    assert met(f"城镇新增就业{target}万人左右", f"城镇新增就业{_written(actual)}万人") is (actual >= 10 * target - 1)


@given(target=st.integers(10, 200), actual=st.integers(0, 260), lower=st.booleans())
def test_the_panel_reads_the_same_rule(target, actual, lower):
    t, a = target / 10, actual / 10
    expected = meets_target(a, t, t, "about", ceiling=lower)
    assert met_verdict(t, None, "about", a, "lower" if lower else "higher") == ("yes" if expected else "no")


def test_the_panel_agrees_with_the_annotated_verdicts_of_the_county_report():
    """The annotator of county_zizhixian_2024 judged 地区生产总值增长6%左右 partial (5.6%: "band 5.9%,
    missed") and 城镇常住居民人均可支配收入增长5.5%左右 partial (5.2%); the panel's met says no to both."""
    gold = {row["commitment"]: row["verdict"] for row in
            csv.DictReader(open(ROOT / "corpora/annotations/check/county_zizhixian_2024.csv", encoding="utf-8-sig"))}
    assert gold["地区生产总值增长6%左右"] == gold["城镇常住居民人均可支配收入增长5.5%左右"] == "partial"
    table = panel([sl.read(ROOT / "corpora" / f"synthetic_某某自治县{y}年政府工作报告.txt") for y in (2024, 2025)])
    rows = table[table.year == 2024].set_index("indicator")
    assert (rows.loc["国内生产总值增长", "actual_value"], rows.loc["国内生产总值增长", "met"]) == (5.6, "no")
    income = rows.loc["城镇常住居民人均可支配收入增长"]
    assert (income["target_approx"], income["actual_value"], income["met"]) == ("about", 5.2, "no")
