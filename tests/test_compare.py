"""Year over year: the same indicator in two reports, with its change."""

from pathlib import Path

import pytest

import summarylab as sl
from summarylab.comparison import compare
from summarylab.model import COMPARISON_COLUMNS

CORPORA = Path(__file__).resolve().parent.parent / "corpora"


@pytest.fixture(scope="module")
def sample_pair():
    return compare(sl.read(CORPORA / "000_85a1b6df8f5117e0.txt"),
                   sl.read(CORPORA / "synthetic_上林县妇联2022年工作总结.txt"))


def row_with(table, evidence_a, evidence_b, unit):
    rows = table[table.evidence_a.fillna("").str.contains(evidence_a, regex=False)
                 & table.evidence_b.fillna("").str.contains(evidence_b, regex=False)
                 & (table.unit == unit)]
    assert len(rows) >= 1, f"no row pairing {evidence_a!r} with {evidence_b!r}"
    return rows.iloc[0]


def test_the_same_indicator_is_paired_across_years(sample_pair):
    assert list(sample_pair.columns) == COMPARISON_COLUMNS
    money = row_with(sample_pair, "共投入30万元", "共投入24万元", "元")
    assert (money.unit, money.value_a, money.value_b, money.change) == ("元", 300000.0, 240000.0, -60000.0)
    assert money.change_pct == pytest.approx(-20.0)
    trained = row_with(sample_pair, "培训妇女400多人", "培训妇女520多人", "人")
    assert (trained.value_a, trained.value_b, trained.change) == (400.0, 520.0, 120.0)


def test_units_must_agree(sample_pair):
    both = sample_pair.dropna(subset=["value_a", "value_b"])
    assert len(both) >= 5
    # 115支参赛队 pairs with 98支, never with 900多人.
    teams = row_with(sample_pair, "115支参赛队", "98支参赛队", "支")
    assert (teams.value_a, teams.value_b) == (115.0, 98.0)


def test_indicators_in_only_one_report_are_listed_too(sample_pair):
    only_a = sample_pair[sample_pair.value_b.isna()]
    only_b = sample_pair[sample_pair.value_a.isna()]
    assert only_a.evidence_a.str.contains("村委会主任中女性比例达到24.3%").any()
    assert only_b.evidence_b.str.contains("志愿服务活动86场次").any()
    assert only_a.change.isna().all() and only_b.change.isna().all()


def test_a_review_sentence_about_an_earlier_year_is_left_out(sample_pair):
    assert not sample_pair.evidence_b.fillna("").str.contains("2021年度全县共有19900多名妇女").any()


def test_a_plan_is_not_a_result():
    a = sl.read_text("某县妇联2021年工作总结和2022年工作计划\n一、主要工作\n举办培训班9期。\n"
                     "二、2022年工作计划\n举办培训班20期。\n")
    b = sl.read_text("某县妇联2022年工作总结\n一、主要工作\n举办培训班12期。\n")
    table = compare(a, b)
    assert table[["value_a", "value_b", "change"]].values.tolist() == [[9.0, 12.0, 3.0]]


def test_a_starting_value_and_a_multi_year_total_are_not_the_years_value():
    a = sl.read_text("某县人社局2021年工作总结\n一、2021年主要工作\n全县生产总值从80亿元增加到95亿元。"
                     "五年来累计新增就业5200人。全年新增就业1100人。\n")
    b = sl.read_text("某县人社局2022年工作总结\n一、2022年主要工作\n全县生产总值达到101亿元。全年新增就业1200人。\n")
    table = compare(a, b)
    both = table.dropna(subset=["value_a", "value_b"])
    pairs = sorted(zip(both.value_a, both.value_b))
    assert (1100.0, 1200.0) in pairs and (9.5e9, 1.01e10) in pairs
    assert not table.value_a.isin([8e9, 5200.0]).any()


def test_two_activities_are_two_events_not_one_change(sample_pair):
    # 2021: 捐助3名困难女童 (a one-off donation) and 资助15名困难女童; 2022: 春蕾助学行动共资助困难女童22名.
    # The 22 girls are the 资助 programme's: 15 -> 22, never 3 -> 22.
    both = sample_pair.dropna(subset=["value_a", "value_b"])
    girls = both[both.value_b == 22.0]
    assert girls.value_a.tolist() == [15.0]
    assert not ((both.value_a == 3.0) & (both.value_b == 22.0)).any()


def test_a_repeated_sentence_gives_one_row():
    a = sl.read_text("某县妇联2021年工作总结\n一、主要工作\n举办培训班9期。\n二、工作成效\n举办培训班9期。\n")
    b = sl.read_text("某县妇联2022年工作总结\n一、主要工作\n举办培训班12期。\n")
    table = compare(a, b)
    keys = list(zip(table.indicator, table.value_a.fillna(-1), table.value_b.fillna(-1)))
    assert len(keys) == len(set(keys))


def test_rows_found_in_one_year_only_come_after_the_pairs(sample_pair):
    both = sample_pair.value_a.notna() & sample_pair.value_b.notna()
    first_single = int((~both).values.argmax())
    assert both.iloc[:first_single].all() and not both.iloc[first_single:].any()


def test_a_part_that_reviews_five_years_gives_no_years_values():
    # the 2013 report reviews 2008-2012 (过去五年工作回顾): its 新增城镇就业5870万人 is five years', and
    # only sentences that name 2012 give 2012's values
    table = compare(sl.read(CORPORA / "national/2013.txt"), sl.read(CORPORA / "national/2014.txt"))
    both = table.dropna(subset=["value_a", "value_b"])
    assert (7.8, 7.7) in list(zip(both.value_a, both.value_b))          # 2012年，…国内生产总值增长7.8%
    assert not (table.value_a == 58700000.0).any()                    # 累计新增城镇就业5870万人
    assert not both.indicator.str.startswith("占").any()              # a share with no subject pairs with nothing


def test_a_years_total_written_with_leiji_is_still_the_years(sample_pair):
    # 累计发放慰问金和慰问品共3万元 (2021) against 发放慰问金和慰问品共4.2万元 (2022)
    both = sample_pair.dropna(subset=["value_a", "value_b"])
    assert (30000.0, 42000.0) in list(zip(both.value_a, both.value_b))
