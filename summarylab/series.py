"""Targets against outcomes across years: one row per office, year and indicator.

A report of year N (a 政府工作报告 written in N+1, a 工作总结和计划) reviews year N and sets the
targets of the next year in its plan part.  :func:`panel` lines up, for each office and indicator,
the target that year N's plan set (role target or expected, plan part) with the outcome that the
next report's review states (role actual, review sections, as :func:`summarylab.comparison.review_facts`
keeps them), says whether the target was met by its approximation (a floor, a ceiling, 左右), and
gives the change of the outcome against the year before.  A target that a review states next to its
outcome (村委会主任中女性比例达到24.3%（目标10%）) makes a row of that review's own year.

Indicators are matched across years by the canonical names of ``models/indicators_canonical.tsv``
(国内生产总值增长 = 经济增长 = GDP增长; 居民消费价格涨幅 = 物价涨幅 = CPI …) and, for any other
label, by character n-gram similarity of the labels (the measure :func:`summarylab.comparison.compare`
uses), with the same base unit and kind.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable, Optional

from .comparison import review_facts
from .plans import cues as commitment_cues
from .cues import (canonical_indicator, canonical_rows, lower_is_better, meets_target, names_reviewed_year,
                   rise_keys, year_cue, years_spoken_of)
from .lexicon import alternatives, words
from .structure import delivered_late

if TYPE_CHECKING:
    import pandas as pd

    from .model import Document

#: The Panel columns of DESIGN.md, in order.
PANEL_COLUMNS = [
    "org", "year", "indicator", "target_value", "target_max", "target_unit", "target_approx",
    "target_base_value", "target_text", "target_doc", "actual_value", "actual_unit", "actual_base_value",
    "actual_text", "actual_doc", "base_unit", "met", "change",
]

#: Words of a target's label that say it is a target, not what is measured (经济增长预期目标定为).
_TARGET_WORDS = re.compile(rf"(?:的)?{alternatives('panel_cues.tsv', 'target_word')}+")
#: Words of a plan sentence that make its figures the year's targets.
_TARGET_CUE = re.compile(alternatives("panel_cues.tsv", "target_cue"))
#: This year's target named in a sentence, wherever it stands (今年…预期目标, 今年…计划增长).
_THIS_YEARS_TARGET = re.compile(rf"今年[^。；]{{0,30}}?{alternatives('panel_cues.tsv', 'this_years_target')}")
#: A sentence that names its figures as the year's targets (主要预期目标是：…).
_OWN_TARGET = re.compile(alternatives("panel_cues.tsv", "own_target"))


#: Labels that are a bare rate with no subject (the subject is in the sentence before).
_BARE_RATES = frozenset(words("panel_cues.tsv", "bare_rate"))
_RATE_NAMED = re.compile(rf"([\u4e00-\u9fffA-Za-z0-9]{{2,12}}?)({'|'.join(words('panel_cues.tsv', 'rate_word'))})")
_VERB_LEAD = re.compile(r"^.*?(?:要把|把|将|使)")
#: The words of the year itself (今年, 明年, 全年): models/year_cues.tsv year_ahead and reviewed_year.
_THE_YEAR = re.compile(f'{year_cue("year_ahead").pattern}|{year_cue("reviewed_year").pattern}')
#: What a bare target word is the target of: 经济增长速度的(宏观)调控目标.
_TARGET_OF = re.compile(rf"(?:{_THE_YEAR.pattern})?([\u4e00-\u9fffA-Za-z0-9]{{2,14}}?)的(?:宏观)?(?:调控|预期|增长|主要)?目标")
#: A review sentence that restates a target (报告提出…要…) states no outcome.
_RESTATED = re.compile(r"提出|(?<![主重需只必])要(?![求点素])")
#: A growth measured against a year long past (比2002年增长65.5%).
_EARLIER_BASE = re.compile(r"比(?:19|20)\d\d年")


_CN_DIGIT = dict(zip("0123456789", "〇一二三四五六七八九"))


def _names_year(text: str, year: int) -> bool:
    """Whether a text names ``year`` (2011年, 一九九一年) or 今年: a plan part of several years."""
    cn = "".join(_CN_DIGIT[c] for c in str(year))
    return bool(re.search(rf"{year}年|{cn}年|{cn.replace('〇', '○')}年|今年", text))


def _clause_only(before: str) -> str:
    """The clause of ``before`` that holds the number (after its last ，；：)."""
    return before[max(before.rfind(p) for p in "，,；;：:") + 1:]


def _clause_text(text: str, pos: int) -> str:
    """The sentence's text before ``pos`` (back to 。；！？ or the line start)."""
    start = max(text.rfind(p, 0, pos) for p in "。；！？\n") + 1
    return text[start:pos]


def _lead(text: str, pos: int) -> str:
    """The paragraph's text before ``pos``, back to the start of the sentence before."""
    para = text.rfind("\n", 0, pos) + 1
    cut = [text.rfind(p, para, pos) for p in "。；！？"]
    end_prev = max(cut)
    if end_prev < para:
        return text[para:pos]
    start_prev = max(text.rfind(p, para, end_prev) for p in "。；！？")
    return text[max(para, start_prev + 1):pos]


#: The plan part looking back at the year before (去年国内生产总值增长10.3%).
_LOOKING_BACK = re.compile(rf"(?:^|[，。；：、\s]){year_cue('last_year').pattern}|已经")
#: A plan-part sentence that tells what was done (实现了…, 回落到…, 战胜了…) with no word
#: of the future states the reviewed year's outcomes: the 1996 report's plan opens with 1995's.
_PAST_TELLING = re.compile(r"(?<![为除])[\u4e00-\u9fff]了|回落到|超额完成")


@lru_cache(maxsize=2)
def _future(late: bool) -> "re.Pattern":
    """A word of the future: a review sentence's (commitment_cues.tsv future), any word of a
    promise (future_any) or of the year ahead (year_cues.tsv year_ahead).  In a report delivered
    late in its year (``late``, structure.delivered_late) 今年 is the year reviewed: only the
    next_year words (明年) look ahead, as structure.sentence_time reads them."""
    ahead = year_cue("next_year" if late else "year_ahead").pattern
    return re.compile("|".join([ahead] + [p.pattern for c in ("future", "future_any")
                                          for p in commitment_cues()[c]]))
#: A multi-year figure is no target of one year (年均增长7%, 五年累计): compare's rule, for plans too.
_MULTI_YEAR = year_cue("plan_years")


def met_verdict(target: float, target_max: Optional[float], approx: str, actual: Optional[float],
                better: str, unit: float = 1.0) -> str:
    """yes | no | unclear: does the outcome meet the target, read by the target's approximation.

    A ceiling (控制在, 以内, 低于; any target of a lower-is-better indicator) is met at or below it,
    a floor (以上, 不低于; a growth target) at or above it; a range (8%至9%) is met inside it or on
    its better side.  左右 and 近 are the plan check's rule (:func:`summarylab.cues.meets_target`:
    左右 allows 0.1 of the unit as written on the wrong side, GUIDELINES_check.md), ``unit`` being
    the size of the unit as written in the unit compared (10000 for 900万人 compared in 人).

    Example:
        >>> met_verdict(7.5, None, "about", 7.4, "higher"), met_verdict(7.5, None, "about", 7.2, "higher")
        ('yes', 'no')
        >>> met_verdict(3.5, None, "at_most", 2.6, "lower"), met_verdict(4.6, None, "at_most", 4.9, "lower")
        ('yes', 'no')
        >>> met_verdict(8, None, "exact", None, "higher")
        'unclear'
    """
    if actual is None or target is None:
        return "unclear"
    if approx == "at_most":
        better = "lower"
    elif approx in ("at_least", "more_than") and better != "lower":
        better = "higher"
    high = target_max if target_max is not None else target
    return "yes" if meets_target(actual, target, high, approx, ceiling=better == "lower", unit=unit) else "no"


def _num(x) -> Optional[float]:
    try:
        v = float(x)
    except (TypeError, ValueError):
        return None
    return None if v != v else v


def _name_of(label: str) -> str:
    out = _TARGET_WORDS.sub("", str(label or ""))
    return out or str(label or "")


@dataclass
class _Item:
    org: str
    year: int
    key: str  # canonical key, or "label:" + name
    name: str
    better: str
    row: dict
    doc_id: str


def _doc_items(doc: "Document", table: "pd.DataFrame") -> tuple[list[_Item], list[_Item], list[tuple[_Item, _Item]]]:
    """(targets, outcomes, in-report pairs) of one document.

    Targets come from the plan part, ranked: those a target word names (预期目标) first, then
    those a cue marks (左右, 控制在, 力争), then bare figures; outcomes from the review, then the
    figures of the plan part that look back at the reviewed year.
    """
    targets: list[_Item] = []
    outcomes: list[_Item] = []
    pairs: list[tuple[_Item, _Item]] = []
    if table is None or len(table) == 0:
        return targets, outcomes, pairs
    m = doc.meta
    rows = table.to_dict("records")
    by_id = {int(r["fact_id"]): r for r in rows}
    plan_year = m.plan_year or (m.year + 1 if m.year else None)
    future = _future(m.kind == "gov_work_report" and delivered_late(doc.text))
    ranked: list[list[_Item]] = [[], [], []]
    looked_back: list[_Item] = []
    for r in rows:
        if r["role"] in ("target", "expected") and plan_year and (
                r["section_kind"] == "plan" or _THIS_YEARS_TARGET.search(str(r["sentence"]))):
            # the plan part, or a sentence that names this year's target wherever the outline put
            # it (今年国民生产总值计划增长百分之八: a report whose parts were not recognised)
            found = _plan_figure(doc, r, plan_year, future)
            if found is not None:
                (looked_back if found[0] == "back" else ranked[found[0]]).append(found[1])
        elif r["role"] == "target" and _num(r.get("target_of")) is not None and m.year:
            actual = by_id.get(int(_num(r["target_of"])))
            if actual is not None:
                # 达到24.3%（目标10%）: the review states the year's target next to its outcome
                a = _item(doc, actual, m.year)
                pairs.append((_Item(a.org, m.year, a.key, a.name, a.better, r, doc.doc_id), a))
    targets = ranked[0] + ranked[1] + ranked[2]
    if m.year:
        outcomes = [_item(doc, r, m.year) for r in review_facts(doc).to_dict("records")
                    if _the_years_outcome(doc, r, m.year)]
    outcomes.extend(looked_back)  # after the review's own statements
    return targets, outcomes, pairs


def _item(doc: "Document", r: dict, year: int) -> _Item:
    """A fact as a panel item of ``year``: its canonical indicator, else its own label."""
    c = _canonical_of(doc, r)
    if c is not None:
        key, name, better = c
    else:
        name = _name_of(r["indicator"])
        key, better = "label:" + name, "lower" if lower_is_better(name) else "higher"
    if better == "decrease" and r.get("aspect") != "decrease":
        better = "higher"
    return _Item(doc.meta.org or "", year, key, name, better, r, doc.doc_id)


def _canonical_of(doc: "Document", r: dict) -> Optional[tuple[str, str, str]]:
    """The canonical row of a fact's label, or of the label its sentence names for a bare one."""
    c = canonical_indicator(r["indicator"], r["kind"])
    if c is None and len(_TARGET_WORDS.sub("", str(r["indicator"] or ""))) <= 1:
        # 经济增长速度的调控目标定为8%: the label says only "target"; what it is for stands before 的
        named = _TARGET_OF.search(_clause_text(doc.text, int(r["start"])))
        if named:
            c = canonical_indicator(named.group(1), r["kind"])
    if c is None and str(r["indicator"] or "") in _BARE_RATES:
        # 虽然…，涨幅仍然高达百分之二十一点七: the rate the sentence before names (its last)
        named = None
        for named in _RATE_NAMED.finditer(_lead(doc.text, int(r["start"]))):
            pass
        if named:
            c = canonical_indicator(_VERB_LEAD.sub("", named.group(1)) + named.group(2), r["kind"])
    return c


def _plan_figure(doc: "Document", r: dict, plan_year: int, future: "re.Pattern"):
    """A target of the plan part as (rank, item), a look back at the reviewed year as ("back", item),
    or None for a figure of another year or of several years (``future``: the words of the
    future, :func:`_future`)."""
    start = int(r["start"])
    sentence = str(r["sentence"])
    before = sentence[:max(0, sentence.find(r["surface"]))]
    if _another_years_figure(doc, r, before, plan_year):
        return None
    own_target = _OWN_TARGET.search(before)
    lead = _lead(doc.text, start)
    if not own_target and (_LOOKING_BACK.search(lead) or _PAST_TELLING.search(sentence)
                           and not future.search(sentence)):
        # 过去一年…。国内生产总值增长10.3%: the plan part looking back states the reviewed
        # year's outcome, no target
        if doc.meta.year and not _RESTATED.search(_clause_only(before)):
            return "back", _item(doc, r, doc.meta.year)
        return None
    # a target cue (预期目标, 左右, 控制在, 力争) makes the figure the year's target; a bare
    # figure of the plan part is taken only when no cued one names the indicator, and only
    # when the text just before speaks of the plan's year (全年, 今年, 2022年, 一九九一年…的主要目标是：)
    rank = 0 if own_target else 1 if r["approx"] != "exact" or _TARGET_CUE.search(sentence) else 2
    if rank == 2 and not _THE_YEAR.search(lead) and not _names_year(
            doc.text[max(0, start - 300):start], plan_year):
        return None  # 进出口总额达到2800多亿美元，增长18.6%: a past figure left in the plan part
    return rank, _item(doc, r, plan_year)


def _another_years_figure(doc: "Document", r: dict, before: str, plan_year: int) -> bool:
    """A plan figure of several years (年均, 十二五), of another year, or of the five-year-plan part."""
    from .comparison import _not_this_years_value

    if _MULTI_YEAR.search(before) or _not_this_years_value(doc.text, _Row(r)):
        return True  # 年均增长7%, 十二五: a five-year figure, not this year's target
    years = years_spoken_of(before)
    if years and plan_year not in years:
        return True  # 2015年国内生产总值将超过55万亿元: another year's target
    start = int(r["start"])
    sec = doc.section_at(start) if doc.section_list else None
    # the part on the five-year plan (“十二五”时期的主要目标和任务), unless the text names the year
    return sec is not None and bool(_MULTI_YEAR.search(sec.title or "")) and not _names_year(
        doc.text[max(0, start - 400):start], plan_year)


def _the_years_outcome(doc: "Document", r: dict, year: int) -> bool:
    """Whether a review fact states the reviewed year's outcome (not several years', not a target restated)."""
    before = _clause_text(doc.text, int(r["start"]))
    if _MULTI_YEAR.search(before) or _EARLIER_BASE.search(before) and not re.search(rf"比{year - 1}年", before):
        return False  # 五年平均每年增长7.9%, 比2002年增长65.5%: not the year's outcome
    if _RESTATED.search(_clause_only(before)):
        return False  # 去年政府工作报告提出，物价涨幅要从14.8%降到10%左右: a target restated
    sec = doc.section_at(int(r["start"])) if doc.section_list else None
    # 城镇新增就业5771万人 under “十一五”时期…的回顾: a five-year total
    return not (sec is not None and _MULTI_YEAR.search(sec.title or "")
                and not names_reviewed_year(before, year))


class _Row:
    """A dict seen as the attribute record compare's helpers read (row.start, row.end)."""

    def __init__(self, d: dict):
        self.__dict__.update(d)


def panel(docs: Iterable["Document"], *, facts: Optional[dict] = None, org: Optional[str] = None,
          indicator: Optional[str] = None) -> "pd.DataFrame":
    """Targets against outcomes: one row per (org, year, indicator), year being the year the target is for.

    Args:
        docs: the reports (Documents or paths) of one or more offices, any years, any order
            (each analysed once).
        facts: doc_id -> the document's facts table, when already computed (the store keeps them).
        org: keep the offices whose name contains this.
        indicator: keep the indicators whose name contains this word, or whose canonical row's
            pattern it fits (GDP, CPI, 物价 find 国内生产总值增长 and 居民消费价格涨幅).

    Returns:
        A DataFrame with the Panel columns of DESIGN.md (``PANEL_COLUMNS``), sorted by org,
        indicator and year.  ``met`` is yes | no | unclear; ``change`` is the outcome minus the
        year before's outcome, in base units.

    Example:
        >>> import summarylab as sl
        >>> a = sl.read_text("某县人民政府2021年工作报告\\n一、2021年工作回顾\\n全县生产总值增长6.1%。\\n"
        ...                  "二、2022年工作安排\\n全县生产总值增长7%左右。")
        >>> b = sl.read_text("某县人民政府2022年工作报告\\n一、2022年工作回顾\\n全县生产总值增长7.2%。")
        >>> panel([a, b])[["year", "indicator", "target_value", "actual_value", "met"]].values.tolist()
        [[2021, '国内生产总值增长', nan, 6.1, 'unclear'], [2022, '国内生产总值增长', 7.0, 7.2, 'yes']]
    """
    import pandas as pd


    seen: set[str] = set()
    targets: list[_Item] = []
    outcomes: list[_Item] = []
    pairs: list[tuple[_Item, _Item]] = []
    from .pipeline import read

    for doc in docs:
        if isinstance(doc, (str, os.PathLike)):
            doc = read(doc)  # a path is read here, once
        if doc.doc_id in seen:
            continue
        seen.add(doc.doc_id)
        if org and org not in (doc.meta.org or ""):
            continue
        if facts and doc.doc_id in facts:
            doc.with_analysis(facts=facts[doc.doc_id])  # computed before (the store's)
        t, o, p = _doc_items(doc, doc.facts)
        targets += t
        outcomes += o
        pairs += p

    cells: dict[tuple, dict] = {}

    def cell(it: _Item) -> dict:
        k = (it.org, it.year, it.key)
        if k not in cells:
            cells[k] = {"org": it.org, "year": it.year, "indicator": it.name, "_better": it.better,
                        "_target": None, "_actual": None}
        return cells[k]

    # Canonical indicators: the first target of the plan part and the first outcome of the review.
    for it in targets:
        if not it.key.startswith("label:"):
            c = cell(it)
            if c["_target"] is None:
                c["_target"] = it
    for it in outcomes:
        if not it.key.startswith("label:"):
            c = cell(it)
            if c["_actual"] is None:
                c["_actual"] = it
    for t, a in pairs:
        c = cell(a)
        if c["_target"] is None:
            c["_target"] = t
        if c["_actual"] is None:
            c["_actual"] = a
    # Other labels: a target finds the outcome of the same office and year with the most similar
    # label, the same base unit and kind.
    _match_by_label([t for t in targets if t.key.startswith("label:")],
                    [o for o in outcomes if o.key.startswith("label:")], cell)

    out = [_finish(c) for c in cells.values() if c["_target"] is not None or c["_actual"] is not None]
    df = pd.DataFrame(out, columns=PANEL_COLUMNS)
    if indicator:
        df = df[df["indicator"].map(lambda name: _indicator_fits(name, indicator))]
    df = df.sort_values(["org", "indicator", "year"], kind="stable").reset_index(drop=True)
    df["change"] = _changes(df)
    df["year"] = df["year"].astype("Int64")
    return df


def _indicator_fits(name: str, word: str) -> bool:
    if word in name:
        return True
    row = next((c for c in canonical_rows() if c.name == name), None)
    return row is not None and bool(row.pattern.search(word))


def _match_by_label(targets: list[_Item], outcomes: list[_Item], cell) -> None:
    if not targets or not outcomes:
        return
    from sklearn.feature_extraction.text import TfidfVectorizer

    from .comparison import _compare_threshold
    from .plans import canonical

    names_t = [canonical(t.name) for t in targets]
    names_o = [canonical(o.name) for o in outcomes]
    vec = TfidfVectorizer(analyzer="char", ngram_range=(1, 2)).fit(names_t + names_o)
    sim = (vec.transform(names_t) @ vec.transform(names_o).T).toarray()
    threshold = _compare_threshold()
    pairs = []
    for i, t in enumerate(targets):
        for j, o in enumerate(outcomes):
            if (t.org, t.year) != (o.org, o.year) or t.doc_id == o.doc_id:
                continue
            if (t.row["base_unit"], t.row["kind"]) != (o.row["base_unit"], o.row["kind"]) \
                    or t.row["kind"] == "other":
                continue  # durations and bare scales (10年, 3亿) name nothing to follow
            if sim[i, j] >= threshold:
                pairs.append((float(sim[i, j]), i, j))
    used_t: set[int] = set()
    used_o: set[int] = set()
    for _, i, j in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        if i in used_t or j in used_o:
            continue
        used_t.add(i)
        used_o.add(j)
        t = targets[i]
        c = cell(t)
        if c["_target"] is None and c["_actual"] is None:
            c["_target"], c["_actual"] = t, outcomes[j]


def _finish(c: dict) -> dict:
    t: Optional[_Item] = c["_target"]
    a: Optional[_Item] = c["_actual"]
    tr = t.row if t else {}
    ar = dict(a.row) if a else {}
    if a and a.key in rise_keys() and ar.get("aspect") == "decrease" and (_num(ar.get("value")) or 0) > 0:
        ar["value"], ar["base_value"] = -_num(ar["value"]), -_num(ar["base_value"])
    t_base, a_base = _num(tr.get("base_value")), _num(ar.get("base_value"))
    same_unit = not t or not a or tr.get("base_unit") == ar.get("base_unit")
    if t and a and same_unit:
        scale = (t_base / _num(tr.get("value"))) if _num(tr.get("value")) else 1.0
        t_max = _num(tr.get("value_max"))
        met = met_verdict(t_base, t_max * scale if t_max is not None else None, tr.get("approx", "exact"),
                          a_base, c["_better"], unit=scale)
    else:
        met = "unclear"
    return {
        "org": c["org"], "year": c["year"], "indicator": c["indicator"],
        "target_value": _num(tr.get("value")), "target_max": _num(tr.get("value_max")),
        "target_unit": tr.get("unit"), "target_approx": tr.get("approx"),
        "target_base_value": t_base, "target_text": tr.get("sentence"), "target_doc": t.doc_id if t else None,
        "actual_value": _num(ar.get("value")), "actual_unit": ar.get("unit"), "actual_base_value": a_base,
        "actual_text": ar.get("sentence"), "actual_doc": a.doc_id if a else None,
        "base_unit": (ar.get("base_unit") if a else tr.get("base_unit")) or "",
        "met": met, "change": None,
    }


def _changes(df: "pd.DataFrame") -> list:
    """The outcome against the year before, per office and indicator (base units)."""
    out = []
    prev: dict[tuple, tuple] = {}
    for r in df.itertuples():
        k = (r.org, r.indicator, r.base_unit)
        v = _num(r.actual_base_value)
        p = prev.get(k)
        out.append(round(v - p[1], 6) if v is not None and p is not None and p[0] == r.year - 1 else None)
        if v is not None:
            prev[k] = (r.year, v)
    return out
