"""The numeric-fact extractor scored against hand annotations (corpora/annotations/README.md).

Given the annotated sample report and the held-out sentences, the extractor must reach the bar of
issue 3: precision and recall >= 97% on (span, base_value), role and approx >= 95% correct on the
matched facts, a usable indicator label for >= 90%, and no annotated non-fact reported.
Run with ``pytest -s`` to see the figures.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import summarylab as sl
from summarylab.extract import facts

ROOT = Path(__file__).resolve().parent.parent
ANN = ROOT / "corpora" / "annotations"
SAMPLE = ROOT / "corpora" / "000_85a1b6df8f5117e0.txt"

BAR_PR = 0.97
BAR_FIELD = 0.95
BAR_INDICATOR = 0.90


def usable(label: str, gold: dict) -> bool:
    """A label is usable when it is the gold label, an accepted alternative, or holds every key noun."""
    if not isinstance(label, str) or not label:
        return False
    if label == gold["indicator"] or label in gold.get("indicator_ok", []):
        return True
    keys = gold.get("indicator_keys") or []
    return bool(keys) and all(k in label for k in keys)


@dataclass
class Score:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    role_ok: int = 0
    approx_ok: int = 0
    indicator_ok: int = 0
    nonfact_hits: list = field(default_factory=list)
    misses: list = field(default_factory=list)
    spurious: list = field(default_factory=list)
    wrong: list = field(default_factory=list)

    def add(self, text: str, pred_rows: list[dict], gold_facts: list[dict], non_facts: list[dict],
            unscored: list[dict] = ()) -> None:
        ignore = [(u["start"], u["end"]) for u in unscored]
        preds = [p for p in pred_rows
                 if not any(p["start"] < e and s < p["end"] for s, e in ignore)]
        self.gold += len(gold_facts)
        self.predicted += len(preds)
        by_span = {(p["start"], p["end"]): p for p in preds}
        used = set()
        for g in gold_facts:
            p = by_span.get((g["start"], g["end"]))
            if p is None or not math.isclose(p["base_value"], g["base_value"], rel_tol=1e-9):
                self.misses.append((g["surface"], text[max(0, g["start"] - 12):g["end"] + 4],
                                    None if p is None else p["base_value"]))
                continue
            used.add((p["start"], p["end"]))
            self.matched += 1
            self.role_ok += p["role"] == g["role"]
            self.approx_ok += p["approx"] == g["approx"]
            self.indicator_ok += usable(p["indicator"], g)
            if p["role"] != g["role"] or p["approx"] != g["approx"] or not usable(p["indicator"], g):
                self.wrong.append((g["surface"], (p["role"], g["role"]), (p["approx"], g["approx"]),
                                   (p["indicator"], g["indicator"])))
        for p in preds:
            if (p["start"], p["end"]) not in used:
                self.spurious.append((p["surface"], text[max(0, p["start"] - 12):p["end"] + 4]))
            for n in non_facts:
                if p["start"] < n["end"] and n["start"] < p["end"]:
                    self.nonfact_hits.append((p["surface"], n["surface"], n["reason"]))

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    def ratio(self, n: int) -> float:
        return n / self.matched if self.matched else 1.0

    def report(self, name: str) -> str:
        lines = [
            f"[{name}] gold {self.gold}, predicted {self.predicted}, matched {self.matched}",
            f"  precision {self.precision:.1%}  recall {self.recall:.1%}  "
            f"role {self.ratio(self.role_ok):.1%}  approx {self.ratio(self.approx_ok):.1%}  "
            f"indicator usable {self.ratio(self.indicator_ok):.1%}  non-facts reported {len(self.nonfact_hits)}",
        ]
        lines += [f"  miss {m}" for m in self.misses]
        lines += [f"  spurious {s}" for s in self.spurious]
        lines += [f"  wrong {w}" for w in self.wrong]
        lines += [f"  NON-FACT {n}" for n in self.nonfact_hits]
        return "\n".join(lines)

    def assert_bar(self) -> None:
        assert self.precision >= BAR_PR, self.report("precision")
        assert self.recall >= BAR_PR, self.report("recall")
        assert self.ratio(self.role_ok) >= BAR_FIELD, self.report("role")
        assert self.ratio(self.approx_ok) >= BAR_FIELD, self.report("approx")
        assert self.ratio(self.indicator_ok) >= BAR_INDICATOR, self.report("indicator")
        assert not self.nonfact_hits, self.report("non-facts")


def _rows(doc) -> list[dict]:
    return facts(doc).to_dict("records")


@pytest.fixture(scope="module")
def sample_score() -> Score:
    doc = sl.read(SAMPLE)
    lines = [json.loads(x) for x in (ANN / "facts_000_85a1b6df8f5117e0.jsonl").read_text("utf-8").splitlines() if x.strip()]
    for g in lines:
        assert doc.text[g["start"]:g["end"]] == g["surface"], g
    gold = [g for g in lines if g.get("fact", True)]
    non = [g for g in lines if not g.get("fact", True)]
    score = Score()
    score.add(doc.text, _rows(doc), gold, non)
    print("\n" + score.report("sample 000_85a1b6df8f5117e0"))
    return score


def _heldout(split: str | None) -> Score:
    score = Score()
    for line in (ANN / "facts_heldout.jsonl").read_text("utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        if split is not None and item["split"] != split:
            continue
        doc = sl.read_text(item["sentence"])
        assert doc.text == item["sentence"]
        for g in item["facts"] + item["non_facts"]:
            assert doc.text[g["start"]:g["end"]] == g["surface"], g
        score.add(doc.text, _rows(doc), item["facts"], item["non_facts"], item.get("unscored", []))
    print("\n" + score.report(f"held-out sentences, split {split or 'all'}"))
    return score


@pytest.fixture(scope="module")
def heldout_score() -> Score:
    return _heldout(None)


def test_blind_split_figures():
    # the blind split was annotated after the rules were written and is not used to tune them;
    # its figures are printed on their own (the bar applies to the whole held-out file)
    score = _heldout("blind")
    assert score.gold >= 30


@pytest.mark.parametrize("split", ["county", "county_blind"])
def test_county_splits_meet_the_bar(split):
    # county/district/township reports of many offices (团委, 民政, 教育, 卫健, 人社, 农业农村,
    # 街道, 财政 …): the genre the sample stands for, held to the bar on their own
    score = _heldout(split)
    assert score.gold >= 70
    score.assert_bar()


def test_sample_gold_covers_every_fact_of_the_report(sample_score):
    # the annotation is complete: 66 facts, none of them skipped by the scorer
    assert sample_score.gold == 66


def test_sample_meets_the_bar(sample_score):
    sample_score.assert_bar()


def test_heldout_meets_the_bar(heldout_score):
    heldout_score.assert_bar()


def test_usable_label_rule():
    gold = {"indicator": "村委会主任女性比例", "indicator_ok": ["村委会主任中女性比例"],
            "indicator_keys": ["村委会主任", "女性比例"]}
    assert usable("村委会主任女性比例", gold)
    assert usable("村委会主任中女性比例", gold)
    assert usable("全县村委会主任女性比例", gold)
    assert not usable("女性比例", gold)
    assert not usable("", gold)


def _activity(gold: dict) -> str:
    """What the gold's main label adds in front of an accepted shorter label it ends with."""
    main = gold["indicator"]
    cut = [ok for ok in gold.get("indicator_ok", []) if main.endswith(ok) and len(ok) < len(main)]
    return main[: len(main) - max(map(len, cut))] if cut else ""


def _within(part: str, label: str) -> bool:
    rest = iter(label)
    return all(c in rest for c in part)


def test_sample_labels_keep_their_activity(sample_score):
    # issue 9: 春节慰问人数 and 慰问贫困母亲人数, 妇女运动会参赛队数, 资助/捐助困难女童人数 are rows a person
    # tells apart; a label keeps its activity when it is usable and holds the activity's characters
    # in order (benchmarks/activity_labels.py prints the misses). Bar: 90%.
    doc = sl.read(SAMPLE)
    lines = [json.loads(x) for x in (ANN / "facts_000_85a1b6df8f5117e0.jsonl").read_text("utf-8").splitlines() if x.strip()]
    gold = [g for g in lines if g.get("fact", True)]
    pred = {(r["start"], r["end"]): r["indicator"] for r in _rows(doc)}
    kept = 0
    for g in gold:
        label = pred.get((g["start"], g["end"]), "")
        act = _activity(g)
        kept += usable(label, g) and (not act or label == g["indicator"] or _within(act, label))
    print(f"\nlabels keeping their activity: {kept}/{len(gold)}")
    assert kept / len(gold) >= 0.90
