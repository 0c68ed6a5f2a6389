"""Annotated plan-check pairs and the scoring convention they are judged by.

The pairs live in ``corpora/annotations/check/``: ``pairs.csv`` lists them
(pair_id, plan_file, summary_file, split, origin, annotator, blind_first_run)
and ``<pair_id>.csv`` holds one row per gold commitment (item, commitment,
verdict, evidence_text, note), written by reading the two reports
(``GUIDELINES_check.md``).

The matching here is that of the project's reference scorer (score_check.py,
kept outside the repository): a gold commitment is answered by the produced
commitment with the highest character-bigram Dice coefficient, at least 0.35,
where one text holding the other (at most three times as long) counts 0.5; a
gold commitment nothing answers is a disagreement.  Agreement and Cohen's
kappa (``unmatched`` as a label of its own) are computed the same way, so a
figure printed by summarylab means what the reference scorer means.
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional, Sequence

from .lexicon import MODELS

ROOT = MODELS.parent
CHECK_DIR = ROOT / "corpora" / "annotations" / "check"
VERDICTS = ("delivered", "partial", "not_found", "not_due")

_PUNCT = set("，。；、：“”\"'（）()《》 \n\t")


@dataclass(frozen=True)
class Pair:
    """One annotated pair: the plan report, the later report and the gold file."""

    pair_id: str
    plan_file: Path
    summary_file: Path
    split: str
    origin: str
    annotator: str
    blind_first_run: str

    @property
    def gold_file(self) -> Path:
        return CHECK_DIR / f"{self.pair_id}.csv"


def _resolve(path: str, root: Path) -> Path:
    p = Path(path)
    if p.is_absolute():
        return p
    for candidate in (root / p, root / "corpora" / p):
        if candidate.exists():
            return candidate
    return root / p


def load_pairs(split: Optional[str] = "dev", root: Optional[Path] = None) -> list[Pair]:
    """The annotated pairs of ``pairs.csv`` (of one split, or all with ``split=None``).

    Example:
        >>> [p.pair_id for p in load_pairs()][:2]
        ['synthetic_2022', 'gov_2013_2014']
    """
    root = root or ROOT
    folder = root / "corpora" / "annotations" / "check"
    # pairs.csv first (it records the blind first runs), then the manifests
    # annotators add (pairs_<annotator>.csv) for pairs not listed yet.
    manifests = [folder / "pairs.csv"] + sorted(folder.glob("pairs_*.csv"))
    out, seen = [], set()
    for manifest in manifests:
        if not manifest.exists():
            continue
        with open(manifest, encoding="utf-8-sig", newline="") as fh:
            for r in csv.DictReader(fh):
                pid = r["pair_id"].strip()
                if pid in seen:
                    continue
                seen.add(pid)
                if split is not None and (r.get("split") or "").strip() != split:
                    continue
                out.append(Pair(pid, _resolve(r["plan_file"].strip(), root),
                                _resolve(r["summary_file"].strip(), root), (r.get("split") or "").strip(),
                                r.get("origin") or "", r.get("annotator") or "", r.get("blind_first_run") or ""))
    return out


def load_gold(pair: Pair | str) -> list[dict]:
    """The gold rows of a pair (item, commitment, verdict, evidence_text, note).

    Example:
        >>> load_gold("synthetic_2022")[0]["verdict"]
        'delivered'
    """
    path = pair.gold_file if isinstance(pair, Pair) else CHECK_DIR / f"{pair}.csv"
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = [dict(r) for r in csv.DictReader(fh)]
    for r in rows:
        r["commitment"] = (r.get("commitment") or "").strip()
        r["verdict"] = (r.get("verdict") or "").strip()
        r["evidence_text"] = (r.get("evidence_text") or "").strip()
    return [r for r in rows if r["commitment"]]


def _bigrams(s: str) -> Counter:
    s = "".join(ch for ch in s if ch not in _PUNCT)
    return Counter(s[i:i + 2] for i in range(len(s) - 1))


def dice(a: str, b: str) -> float:
    """Character-bigram Dice coefficient (punctuation left out), as the reference scorer.

    Example:
        >>> round(dice("举办基层女干部培训班", "举办基层妇女干部培训班"), 2)
        0.84
    """
    A, B = _bigrams(a), _bigrams(b)
    if not A or not B:
        return 0.0
    return 2 * sum((A & B).values()) / (sum(A.values()) + sum(B.values()))


def match_score(gold_text: str, produced: str) -> float:
    """How well a produced commitment answers a gold one (≥ 0.35 answers it).

    Example:
        >>> round(match_score("实施“春蕾计划”", "继续实施“春蕾计划”"), 2)
        0.83
    """
    s = dice(gold_text, produced)
    if produced and (gold_text in produced or produced in gold_text) and \
            max(len(gold_text), len(produced)) <= 3 * min(len(gold_text), len(produced)):
        s = max(s, 0.5)
    return s


def best_match(gold_text: str, produced: Sequence[str]) -> Optional[int]:
    """Index of the produced commitment that answers ``gold_text``, or None.

    Ties go to the first, as in the reference scorer.

    Example:
        >>> best_match("城镇新增就业900万人以上", ["国内生产总值增长7.5%左右", "城镇新增就业900万人以上"])
        1
    """
    best, score = None, 0.0
    for k, p in enumerate(produced):
        s = match_score(gold_text, p or "")
        if s > score:
            best, score = k, s
    return best if score >= 0.35 else None


def score(gold: Sequence[dict], produced: Sequence[dict]) -> dict:
    """Agreement, kappa, recall and confusion of produced rows against gold rows.

    ``produced`` rows need ``commitment`` and ``verdict`` (and ``evidence`` for
    the evidence check).  Figures are those of the reference scorer.

    Example:
        >>> g = [{"commitment": "举办培训班5期", "verdict": "delivered", "evidence_text": ""}]
        >>> score(g, [{"commitment": "举办培训班5期", "verdict": "delivered"}])["agreement"]
        1.0
    """
    texts = [p.get("commitment") or "" for p in produced]
    confusion: Counter = Counter()
    agree = matched = ev_ok = ev_n = 0
    for g in gold:
        k = best_match(g["commitment"], texts)
        gv = g["verdict"]
        if k is None:
            confusion[(gv, "unmatched")] += 1
            continue
        matched += 1
        p = produced[k]
        pv = (p.get("verdict") or "").strip()
        confusion[(gv, pv)] += 1
        agree += pv == gv
        et = g.get("evidence_text") or ""
        if gv == "delivered" and pv == "delivered" and et:
            ev_n += 1
            ev = p.get("evidence") or ""
            ev_ok += dice(et, ev) >= 0.3 or et in ev or ev in et
    return _summary(confusion, agree, matched, len(gold), ev_ok, ev_n)


def _summary(confusion: Counter, agree: int, matched: int, n: int, ev_ok: int = 0, ev_n: int = 0) -> dict:
    gl = Counter(g for (g, p), c in confusion.items() for _ in range(c))
    pl = Counter(p for (g, p), c in confusion.items() for _ in range(c))
    pe = sum(gl[k] * pl.get(k, 0) for k in gl) / (n * n) if n else 0.0
    po = agree / n if n else 0.0
    return {"gold": n, "agree": agree, "agreement": round(po, 4),
            "kappa": round((po - pe) / (1 - pe), 4) if pe < 1 else 0.0,
            "majority_baseline": round(max(gl.values()) / n, 4) if n else 0.0,
            "matched": matched, "recall": round(matched / n, 4) if n else 0.0,
            "evidence_ok": f"{ev_ok}/{ev_n}", "confusion": dict(confusion)}


def pooled(results: Iterable[dict]) -> dict:
    """One summary over several pairs' :func:`score` results (kappa over all rows).

    Example:
        >>> a = {"gold": 1, "agree": 1, "matched": 1, "evidence_ok": "0/0", "confusion": {("delivered", "delivered"): 1}}
        >>> pooled([a])["agreement"]
        1.0
    """
    confusion: Counter = Counter()
    agree = matched = n = ev_ok = ev_n = 0
    for r in results:
        confusion.update(r["confusion"])
        agree += r["agree"]
        matched += r["matched"]
        n += r["gold"]
        a, b = r["evidence_ok"].split("/")
        ev_ok += int(a)
        ev_n += int(b)
    return _summary(confusion, agree, matched, n, ev_ok, ev_n)


def auroc(right: Sequence[float], wrong: Sequence[float]) -> Optional[float]:
    """Chance that a right verdict has a higher confidence than a wrong one.

    Example:
        >>> auroc([0.9, 0.8], [0.3])
        1.0
    """
    if not right or not wrong:
        return None
    wins = sum((p > q) + 0.5 * (p == q) for p in right for q in wrong)
    return wins / (len(right) * len(wrong))
