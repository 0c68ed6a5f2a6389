"""The report checked against itself: do stated totals add up, were stated targets met.

Two checks, each made only where the text itself supplies both sides:

``parts_sum``
    A total stated with 共/合计/累计/总计/共计 (资助金额共3.98万元), or followed by 其中 in
    its sentence (财政赤字13500亿元，…其中中央财政赤字9500亿元，…4000亿元), followed, in the same
    enumerated item, by at least two parts with the same base unit, each smaller
    than the total (捐助…4800元; 资助3.5万元).  The parts must add up to the total
    (exactly, or within 10% when a part or the total is approximate: 300余人).
    When the parts follow 其中 they may be a subset: the check is made only when they add up
    to the total (ok) or exceed it (not ok).
``rate_matches``
    A completion rate written after an actual and its target (a table row such as
    城乡低保对象：3200人／3286人／102.7%): the actual divided by the target, rounded as the
    rate is written, must give the rate.
``target_met``
    An actual value with the target that qualifies it (达到24.3%（目标10%）; see
    ``target_of`` in :mod:`summarylab.extract`).  A floor is met when the actual
    is at least the target; a ceiling (以内, 不超过, 控制在, or an indicator that
    is better lower, such as 价格涨幅 or 失业率) when it is at most the target; a
    range (6.5%-7%) when the actual is at least its lower bound.

Columns of :func:`audit`: ``check`` (parts_sum | target_met | rate_matches), ``claim`` (what the
report says, in its own words), ``computed`` (what the numbers give), ``ok``
(bool), ``start``/``end``/``surface`` (the span of the total or the actual value),
``section_id``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Optional

from .cues import lower_is_better  # noqa: F401  (the audit's rule; series and tests import it here)
from .lexicon import alternatives, read_tsv
from .model import Document

if TYPE_CHECKING:
    import pandas as pd

AUDIT_COLUMNS = ["check", "claim", "computed", "ok", "start", "end", "surface", "section_id"]

#: How far apart an approximate total and the sum of its parts may be and still agree.
_APPROX_TOLERANCE = 0.10


@lru_cache(maxsize=1)
def _total_cue() -> "re.Pattern":
    """A total: the cue word right before the number, with only a verb and approximation words between
    (models/audit_cues.tsv; the approximation words are the prefix words of models/approx.tsv)."""
    approx = "|".join(sorted((r[0] for r in read_tsv("approx.tsv", header=True) if r[1] == "prefix"),
                             key=len, reverse=True))
    return re.compile(rf"{alternatives('audit_cues.tsv', 'total')}{alternatives('audit_cues.tsv', 'total_verb')}?"
                      rf"(?:{approx})?$")


@lru_cache(maxsize=1)
def _subset_cue() -> "re.Pattern":
    return re.compile(alternatives("audit_cues.tsv", "subset"))


def _row(check: str, claim: str, computed: str, ok, fact) -> dict:
    """One audit row, placed on the span of the fact it is about."""
    return {"check": check, "claim": claim, "computed": computed, "ok": bool(ok),
            "start": fact["start"], "end": fact["end"], "surface": fact["surface"],
            "section_id": fact["section_id"]}


def _fmt(value: float, unit: str) -> str:
    """A base value as a person writes it: 39800元, 1.35万亿元 (not 1350000000000元)."""
    if value is None:
        return ""
    v = float(value)
    for scale, word in ((1e12, "万亿"), (1e8, "亿"), (1e4, "万")):
        if abs(v) >= scale and unit not in ("%", "个百分点"):
            return f"{round(v / scale, 6):g}{word}{unit or ''}"
    v = round(v, 6)
    text = f"{int(v)}" if v == int(v) else f"{v:g}"
    return f"{text}{unit or ''}"


def _item_bounds(doc: Document, offset: int) -> tuple[int, int]:
    sec = doc.section_at(offset)
    if sec is None:
        return 0, len(doc.text)
    return sec.start, sec.end


def _parts_checks(doc: Document, rows: list[dict]) -> list[dict]:
    """parts_sum rows: each stated total whose parts follow it in its item (or after 其中 in its sentence)."""
    out = []
    for k, total in enumerate(rows):
        if total["kind"] not in ("money", "count", "measure") or total["aspect"] != "level":
            continue
        hi = _parts_end(doc, rows, total)
        if hi is None:
            continue
        parts = _parts(doc.text, rows[k + 1:], total, hi)
        if len(parts) < 2 or any(p["base_value"] >= total["base_value"] for p in parts):
            continue  # one part, or a "part" as big as the total, is no breakdown: no check
        subset = bool(_subset_cue().search(doc.text[total["end"]:parts[0]["start"]]))
        judged = _sum_verdict(total, parts, subset)
        if judged is not None:
            out.append(_row("parts_sum", f"{total['indicator']} {total['surface']}",
                            _sum_text(total, parts, *judged), judged[0], total))
    return out


def _parts_end(doc: Document, rows: list[dict], total: dict) -> Optional[int]:
    """Where the parts of a total may stand until, or None when the fact is no stated total.

    A total word (共, 合计) makes its item's parts the breakdown; 其中 after the value, with no
    other value of its unit between, makes the rest of its sentence the breakdown.
    """
    text = doc.text
    lead = text[max(0, total["start"] - 6):total["start"]]
    if _total_cue().search(lead):
        return _item_bounds(doc, total["start"])[1]
    sentence_end = text.find(total["sentence"], max(0, total["start"] - len(total["sentence"])))
    sentence_end = sentence_end + len(total["sentence"]) if sentence_end >= 0 else total["end"]
    sub = _subset_cue().search(text, total["end"], sentence_end)
    if sub and any(r["base_unit"] == total["base_unit"] and r["aspect"] == "level"
                   and total["end"] <= r["start"] < sub.start() for r in rows):
        sub = None  # another value of the same unit stands between the total and 其中
    return sentence_end if sub else None  # 财政赤字13500亿元…，其中…: the parts are in its sentence


def _parts(text: str, following: list[dict], total: dict, hi: int) -> list[dict]:
    """The values after a total, before ``hi``, of its unit and kind, up to the next total."""
    parts = []
    for p in following:
        if p["start"] >= hi:
            break
        if p["base_unit"] != total["base_unit"] or p["kind"] != total["kind"] or p["aspect"] != "level":
            continue
        if _total_cue().search(text[max(0, p["start"] - 6):p["start"]]):
            break  # the next total opens a new group
        parts.append(p)
    return parts


def _sum_verdict(total: dict, parts: list[dict], subset: bool) -> Optional[tuple[bool, str]]:
    """(ok, relation =, ≈ or >) of the parts against the total, or None when nothing can be said."""
    s = sum(p["base_value"] for p in parts)
    t = total["base_value"]
    approx = total["approx"] != "exact" or any(p["approx"] != "exact" for p in parts)
    if subset:
        # parts after 其中 need not be exhaustive: they must add up to the total, or at least not
        # exceed it; a smaller sum proves nothing either way, so no check is made
        tol = _APPROX_TOLERANCE if approx else 1e-9
        if s < t * (1 - tol):
            return None
        ok = s <= t * (1 + tol)
        return ok, "=" if ok else ">"
    if approx:
        return abs(s - t) <= _APPROX_TOLERANCE * t, "≈"
    return abs(s - t) <= 1e-6 * max(1.0, t), "="


def _sum_text(total: dict, parts: list[dict], ok: bool, rel: str) -> str:
    """The sum as the audit shows it: 4800元 + 3.5万元 = 3.98万元 (≠ / > / ≈ the total)."""
    unit = total["base_unit"] or ""
    text = " + ".join(p["surface"] for p in parts) + f" = {_fmt(sum(p['base_value'] for p in parts), unit)}"
    if not ok:
        text += f" {'>' if rel == '>' else '≠'} {_fmt(total['base_value'], unit)}"
    elif rel == "≈":
        text += f" ≈ {_fmt(total['base_value'], unit)}"
    return text


def _is_ceiling(actual: dict, target: dict) -> bool:
    if target["approx"] == "at_most":
        return True
    if target["aspect"] == "decrease" or actual["aspect"] == "decrease":
        return False  # a decrease target (能耗下降3.7%) is met by a larger decrease
    return lower_is_better((target["indicator"] or "") + (actual["indicator"] or ""))


def _rate_check(rows: list[dict], t: dict, a: dict) -> list[dict]:
    """A completion rate stated after an actual and its target (3200人／3286人／102.7%)."""
    k = next((n for n, r in enumerate(rows) if r["fact_id"] == a["fact_id"]), None)
    if k is None or k + 1 >= len(rows) or not t["base_value"]:
        return []
    r = rows[k + 1]
    if r["sentence"] != a["sentence"] or r["kind"] != "percent" or not r["indicator"].endswith("完成率"):
        return []
    rate = a["base_value"] / t["base_value"] * 100
    decimals = len(r["surface"].split(".")[1].rstrip("%")) if "." in r["surface"] else 0
    ok = abs(rate - r["value"]) <= 0.5 * 10 ** -decimals + 1e-9  # the rate is rounded as written
    return [_row("rate_matches", f"{r['indicator']} {r['surface']}",
                 f"{a['surface']} ÷ {t['surface']} = {rate:.{decimals + 1}f}%", ok, r)]


def _target_checks(rows: list[dict]) -> list[dict]:
    by_id = {r["fact_id"]: r for r in rows}
    out = []
    for t in rows:
        a = by_id.get(t["target_of"]) if t["target_of"] is not None else None
        if a is None or a["base_value"] is None or t["base_value"] is None:
            continue
        if a["base_unit"] != t["base_unit"]:
            continue
        av, tv = a["base_value"], t["base_value"]
        unit = a["base_unit"] or ""
        if _is_ceiling(a, t):
            bound = t["value_max"] * (tv / t["value"]) if t["value_max"] is not None and t["value"] else tv
            ok = av <= bound
            computed = f"{_fmt(av, unit)} {'≤' if ok else '>'} {_fmt(bound, unit)}（上限）"
        else:
            ok = av >= tv
            computed = f"{_fmt(av, unit)} {'≥' if ok else '<'} {_fmt(tv, unit)}"
        out.append(_row("target_met", f"{a['indicator']} {a['surface']}（目标{t['surface']}）",
                        computed, ok, a))
        out.extend(_rate_check(rows, t, a))
    return out


def audit(doc: Document) -> "pd.DataFrame":
    """Check a report against itself: stated totals against their parts, actuals against targets.

    Only checks the text supports are made: a total needs at least two parts of
    the same unit in the same item; a target needs the actual value it qualifies.

    Args:
        doc: a document from :func:`summarylab.read` or :func:`summarylab.read_text`.

    Returns:
        A DataFrame with columns check, claim, computed, ok, start, end, surface,
        section_id; one row per check, in text order.

    Example:
        >>> import summarylab as sl
        >>> doc = sl.read_text("某县妇联2021年工作总结\\n一、主要工作\\n"
        ...     "资助金额共3.98万元。捐助3名困难女童4800元；企业资助3.5万元。")
        >>> audit(doc)[["check", "ok"]].values.tolist()
        [['parts_sum', True]]
    """
    import pandas as pd

    # the document's own facts, extracted once and shared (a stored document carries its stored table)
    rows = [{k: (None if v is None or v != v else v) for k, v in r.items()}  # NaN -> None
            for r in doc.facts.to_dict("records")]
    checks = _parts_checks(doc, rows) + _target_checks(rows)
    checks.sort(key=lambda r: (r["start"], r["check"]))
    return pd.DataFrame(checks, columns=AUDIT_COLUMNS)
