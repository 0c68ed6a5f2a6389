"""Year over year: the same indicators in two reports, side by side.

:func:`compare` takes the actual values each report gives for the year it
reviews (its indicator and achievement parts), pairs the facts that measure
the same thing (indicator labels similar by character n-gram TF-IDF after
synonyms are made canonical, same base unit, kind and aspect), and gives the
change.  Indicators found in only one report get a row too, with the other
side empty.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Optional

from .cues import YEAR_MENTION, change_to, earlier_year, names_reviewed_year, year_cue
from .lexicon import alternatives
from .model import COMPARISON_COLUMNS, Document
from .plans import canonical

if TYPE_CHECKING:
    import pandas as pd

#: The section kinds that report what was done (evidence and comparable values).
REVIEW_KINDS = ("indicators", "achievements")


def _cues(category: str) -> str:
    return alternatives("year_cues.tsv", category)


#: Before a starting value: 从120元提高到200元 reports 200元, not 120元; the starting value may
#: name its year (由2024年的126件减至88件).
FROM_VALUE = re.compile(rf"{_cues('from_word')}(?:{YEAR_MENTION.pattern}(?:度|底|末)?)?[^，。；0-9]{{0,8}}$")
#: After it, the change verb leading to the new value (提高到): models/change_verbs.tsv, through cues.py.
TO_VALUE = change_to()
#: A total over several years (累计, 五年来, 年均) is not one year's value (plancheck.py reads this too).
MULTI_YEAR = year_cue("several_years")
#: What review_facts leaves out: as MULTI_YEAR, but 累计 alone is the year's total (累计发放慰问金和
#: 慰问品共3万元) and 平均每年 is an average over years.
YEARS_TOTAL = year_cue("years_total")
#: The title of a part that reviews several years (过去五年工作回顾, “十一五”时期…的回顾).
YEARS_PART = year_cue("years_part")


def review_facts(doc: Document) -> "pd.DataFrame":
    """The actual values a report gives in its review parts.

    Example:
        >>> import summarylab as sl
        >>> f = review_facts(sl.read("corpora/000_85a1b6df8f5117e0.txt"))
        >>> set(f["role"]) == {"actual"}
        True
    """
    facts_table = doc.facts
    if len(facts_table) == 0:
        return facts_table.reset_index(drop=True)  # pandas' apply would call the filter on a blank row
    keep = facts_table["section_kind"].isin(REVIEW_KINDS) & (facts_table["role"] == "actual")
    year = doc.meta.year
    if year:
        # A review sentence about another year (据统计，2021年度…) is not this year's value.
        keep &= ~facts_table["sentence"].map(lambda s: _about_other_year(str(s), year))
    keep &= ~facts_table.apply(lambda r: _not_this_years_value(doc.text, r), axis=1).astype(bool)
    if year and doc.section_list:
        # a part that reviews five years (过去五年工作回顾) states five-year figures, unless the
        # sentence names the year (2012年，…国内生产总值增长7.8%)
        titles = {s.section_id: s.title or "" for s in doc.section_list}

        def in_years_part(r) -> bool:
            sid = doc.section_at(int(r.start)).section_id
            parts = sid.split(".")
            path = [titles.get(".".join(parts[:k]), "") for k in range(1, len(parts) + 1)]
            return any(YEARS_PART.search(x) for x in path)

        keep &= ~facts_table.apply(
            lambda r: in_years_part(r) and not names_reviewed_year(str(r.sentence), year), axis=1).astype(bool)
    return facts_table[keep].reset_index(drop=True)


def _not_this_years_value(text: str, row) -> bool:
    """A starting value (从26.6万亿元增加到…) or a multi-year total (累计5870万人)."""
    start, end = int(row.start), int(row.end)
    left = max(text.rfind(p, 0, start) for p in "，。；\n") + 1
    before, after = text[left:start], text[end:end + 12]
    sentence_start = text[max(text.rfind(p, 0, start) for p in "。；\n") + 1:start]
    return bool((FROM_VALUE.search(before) and TO_VALUE.match(after))
                or YEARS_TOTAL.search(before) or YEARS_TOTAL.search(sentence_start[:8]))


def _about_other_year(sentence: str, year: int) -> bool:
    return earlier_year(sentence, year) is not None


def _compare_threshold() -> float:
    """``compare_label`` of models/check_thresholds.json (0.5 when absent)."""
    import json

    from .lexicon import MODELS

    path = MODELS / "check_thresholds.json"
    if path.exists():
        return float(json.loads(path.read_text(encoding="utf-8"))["thresholds"].get("compare_label", 0.5))
    return 0.5


def compare(doc_a: Document, doc_b: Document, *, min_similarity: Optional[float] = None
            ) -> "pd.DataFrame":
    """Indicators of two reports year over year.

    Args:
        doc_a: the earlier report.
        doc_b: the later report.
        min_similarity: the least label similarity for two facts to be the
            same indicator (default: ``compare_label`` of
            models/check_thresholds.json).

    Returns:
        A DataFrame with the Comparison columns of DESIGN.md: first the
        indicators found in both (change = value_b - value_a, change_pct in
        percent of value_a), then those found only in A, then only in B.
        Values are in base units (元, 人, %).

    Example:
        >>> import summarylab as sl
        >>> a = sl.read_text("某县妇联2021年工作总结\\n一、主要工作\\n举办培训班9期，培训妇女400人。")
        >>> b = sl.read_text("某县妇联2022年工作总结\\n一、主要工作\\n举办培训班12期，培训妇女520人。")
        >>> compare(a, b)[["unit", "value_a", "value_b", "change"]].values.tolist()[0]
        ['期', 9.0, 12.0, 3.0]
    """
    import numpy as np
    import pandas as pd
    from sklearn.feature_extraction.text import TfidfVectorizer

    if min_similarity is None:
        min_similarity = _compare_threshold()
    fa = review_facts(doc_a)
    fb = review_facts(doc_b)
    labels_a = [canonical(_label(r)) for r in fa.itertuples()]
    labels_b = [canonical(_label(r)) for r in fb.itertuples()]
    pairs: list[tuple[float, int, int]] = []
    if labels_a and labels_b:
        vec = TfidfVectorizer(analyzer="char", ngram_range=(1, 2)).fit(labels_a + labels_b)
        sim = (vec.transform(labels_a) @ vec.transform(labels_b).T).toarray()
        for i, ra in enumerate(fa.itertuples()):
            for j, rb in enumerate(fb.itertuples()):
                if (ra.base_unit, ra.kind, ra.aspect) != (rb.base_unit, rb.kind, rb.aspect):
                    continue
                if labels_a[i].startswith("占") or labels_b[j].startswith("占"):
                    continue  # 占国内生产总值比重 with no subject: a share of what is not said
                if sim[i, j] >= min_similarity and not _other_event(labels_a[i], labels_b[j]):
                    pairs.append((float(sim[i, j]), i, j))
    # Greedy one-to-one: the most similar labels pair first.
    used_a: set[int] = set()
    used_b: set[int] = set()
    rows = []
    for s, i, j in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        ra, rb = fa.iloc[i], fb.iloc[j]
        va, vb = float(ra.base_value), float(rb.base_value)
        # Rounded so that 9.3 - 9.9 reads -0.6, not -0.6000000000000005.
        change = round(vb - va, 6)
        rows.append({
            "indicator": rb.indicator or ra.indicator, "unit": rb.base_unit,
            "value_a": va, "value_b": vb, "change": change,
            "change_pct": round(change / va * 100, 2) if va else np.nan,
            "evidence_a": ra.sentence, "evidence_b": rb.sentence, "_order": (0, i),
        })
    for i, ra in fa.iterrows():
        if i not in used_a:
            rows.append({"indicator": ra.indicator, "unit": ra.base_unit, "value_a": float(ra.base_value),
                         "value_b": np.nan, "change": np.nan, "change_pct": np.nan,
                         "evidence_a": ra.sentence, "evidence_b": None, "_order": (1, i)})
    for j, rb in fb.iterrows():
        if j not in used_b:
            rows.append({"indicator": rb.indicator, "unit": rb.base_unit, "value_a": np.nan,
                         "value_b": float(rb.base_value), "change": np.nan, "change_pct": np.nan,
                         "evidence_a": None, "evidence_b": rb.sentence, "_order": (2, j)})
    rows.sort(key=lambda r: r["_order"])
    # A report that repeats a sentence (a scraped page, a summary restated) gives the same row
    # twice: one row per indicator and values.
    seen: set = set()
    unique = []
    for r in rows:
        key = (r["indicator"], r["unit"], _key(r["value_a"]), _key(r["value_b"]))
        if key in seen:
            continue
        seen.add(key)
        del r["_order"]
        unique.append(r)
    return pd.DataFrame(unique, columns=COMPARISON_COLUMNS)


def _key(x) -> Optional[float]:
    return None if x is None or x != x else round(float(x), 9)


def _activities(label: str) -> set:
    from .extract import _activity_words

    found = set()
    for w in _activity_words():
        if w in label and not any(w in f for f in found):
            found.add(w)
    return found


def _other_event(label_a: str, label_b: str) -> bool:
    """Two labels that name different activities (慰问 vs 运动会, 捐助 vs 资助) are two events.

    Example:
        >>> _other_event("捐助困难女童人数", "春蕾计划资助困难女童人数"), _other_event("参赛队数", "妇女运动会参赛队数")
        (True, False)
    """
    a, b = _activities(label_a) | _acts(label_a), _activities(label_b) | _acts(label_b)
    return bool(a) and bool(b) and not (a & b)


def _acts(label: str) -> set:
    """The verbs of giving a label starts with (捐助困难女童人数): who gave, to whom, is the event."""
    from .extract import _GIVING_VERBS

    return {v for v in _GIVING_VERBS if v in label}


def _label(row) -> str:
    """What a fact measures: its indicator label, else the words before it."""
    label = row.indicator if isinstance(row.indicator, str) and row.indicator else ""
    return label or str(row.sentence)[:20]
