"""The panel against the hand-checked national series (corpora/annotations/panel_national.csv).

61 rows for 1990-2014 (GDP growth, prices, new urban jobs, unemployment, deficit, M2, grain, trade,
energy intensity), written by an annotator reading the reports, before anyone here read the panel's
output. Cells are judged the way the project's reviewers judge them: a gold (year, indicator key) is
answered by a panel row of that year whose label holds the key's words; a target, target_max or
outcome cell is right when a value of the row (as written or in base units, converted through the unit
families below) equals the gold value. First (blind) score 83.3% of 96 cells; 96.9% after the rule
fixes it prompted (a development figure). Bar of issue 9: 95%.
"""

from __future__ import annotations

import csv
import json
import math
import re
from collections import defaultdict

import pytest

import summarylab as sl

from .conftest import ROOT

GOLD = ROOT / "corpora" / "annotations" / "panel_national.csv"
NATIONAL = ROOT / "corpora" / "national"

# what a label must hold to answer an indicator key (words, then a second word when given)
KEYS = {
    "gdp_growth": (r"国内生产总值|国民生产总值|经济增长|GDP|经济增速", r"增|速"),
    "cpi": (r"价格|物价|CPI", ""),
    "urban_jobs": (r"新增就业|城镇就业|就业人", ""),
    "unemployment": (r"失业率", ""),
    "deficit": (r"赤字", ""),
    "m2": (r"M2|广义货币|货币供应", ""),
    "grain": (r"粮食", ""),
    "trade": (r"进出口|外贸|对外贸易", ""),
    "energy_intensity": (r"能耗|能源消耗|能源强度", ""),
}
# a unit's family and its factor to the family's base
UNITS = {"%": ("%", 1), "万人": ("人", 1e4), "人": ("人", 1), "亿元": ("元", 1e8), "万亿元": ("元", 1e12),
         "元": ("元", 1), "万吨": ("吨", 1e4), "亿吨": ("吨", 1e8), "吨": ("吨", 1),
         "亿公斤": ("吨", 1e5), "万公斤": ("吨", 10), "公斤": ("吨", 1e-3), "亿斤": ("吨", 5e4),
         "万斤": ("吨", 5), "斤": ("吨", 5e-4)}


def _num(x):
    try:
        v = float(str(x).replace(",", ""))
    except (TypeError, ValueError):
        return None
    return None if math.isnan(v) else v


def _readings(value, unit) -> list[tuple[str, float]]:
    """A value as written ("raw") and, when its unit is known, in its family's base."""
    v = _num(value)
    if v is None:
        return []
    out = [("raw", v)]
    if unit in UNITS:
        family, factor = UNITS[unit]
        out.append((family, v * factor))
    return out


def _answers(gold: list[tuple[str, float]], row: list[tuple[str, float]]) -> bool:
    return any((gf == rf or "raw" in (gf, rf)) and math.isclose(gv, rv, rel_tol=1e-6)
               for gf, gv in gold for rf, rv in row)


def _cells(panel_rows: list[dict], gold_rows: list[dict]) -> tuple[int, int, list[str]]:
    by_year = defaultdict(list)
    for r in panel_rows:
        by_year[int(r["year"])].append(r)
    total = right = 0
    misses = []
    for g in gold_rows:
        word, extra = KEYS[g["indicator"]]
        rows = [r for r in by_year[int(g["year"])]
                if re.search(word, str(r["indicator"] or "")) and re.search(extra, str(r["indicator"] or ""))]
        cells = [("target", g["target_value"], g["target_unit"])]
        if g["target_max"]:
            cells.append(("target_max", g["target_max"], g["target_unit"]))
        if g["actual_value"]:
            cells.append(("actual", g["actual_value"], g["actual_unit"]))
        for side, value, unit in cells:
            want = _readings(value, unit)
            total += 1
            hit = False
            for r in rows:
                if side == "target_max":
                    have = _readings(r["target_max"], unit)
                else:
                    have = (_readings(r[f"{side}_value"], r[f"{side}_unit"])
                            + _readings(r[f"{side}_base_value"], r["base_unit"]))
                hit = hit or _answers(want, have)
            right += hit
            if not hit:
                misses.append(f"{g['year']} {g['indicator']} {side} {value}{unit}")
    return right, total, misses


def test_the_cell_rule_reads_values_as_written_or_in_base_units():
    gold = [{"year": "1991", "indicator": "grain", "target_value": "4250", "target_max": "",
             "target_unit": "亿公斤", "actual_value": "43524", "actual_unit": "万吨"}]
    row = {"year": 1991, "indicator": "粮食产量", "target_value": 4250.0, "target_unit": "亿公斤",
           "target_base_value": None, "target_max": None, "actual_value": None, "actual_unit": None,
           "actual_base_value": 4.3524e8, "base_unit": "吨"}
    assert _cells([row], gold) == (2, 2, [])
    assert _cells([dict(row, indicator="棉花产量")], gold)[0] == 0


@pytest.fixture(scope="module")
def national_panel():
    years = sorted({int(r["year"]) for r in csv.DictReader(open(GOLD, encoding="utf-8-sig"))})
    docs = [sl.read(NATIONAL / f"{y}.txt") for y in range(years[0], years[-1] + 2)
            if (NATIONAL / f"{y}.txt").exists()]
    return json.loads(sl.panel(docs).to_json(orient="records", force_ascii=False))


def test_the_national_series_is_right_for_95_percent_of_its_cells(national_panel):
    gold = list(csv.DictReader(open(GOLD, encoding="utf-8-sig")))
    right, total, misses = _cells(national_panel, gold)
    print(f"\npanel against the hand-checked national series: {right}/{total} = {right / total:.1%}")
    print("\n".join("  miss " + m for m in misses))
    assert total >= 90
    assert right / total >= 0.95, misses
