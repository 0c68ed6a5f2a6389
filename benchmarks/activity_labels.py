"""How many of the sample's fact labels keep the activity or programme they belong to (issue 9).

The measure, from the annotations alone (corpora/annotations/facts_000_85a1b6df8f5117e0.jsonl):
a gold fact's *activity* is what its main label (``indicator``) adds in front of an accepted
shorter label that it ends with (妇女运动会参赛队数 over 参赛队数 -> 妇女运动会; 春节慰问人数 over
慰问人数 -> 春节; 慰问贫困母亲人数 over 贫困母亲人数 -> 慰问).  A fact whose main label ends with no
accepted alternative has no separate activity: its label only has to be usable (test_facts_gold).
A predicted label keeps the activity when it is usable and holds the activity's characters in
order (村居委 in 村、居委行政班子…; 成立环保妈妈志愿服务队 in 成立环保妈妈巾帼志愿服务队…); a predicted
label equal to the main label keeps it by definition.

usage: python benchmarks/activity_labels.py [-v]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import summarylab as sl  # noqa: E402
from tests.test_facts_gold import _activity as activity, _within, usable  # noqa: E402


def measure(verbose: bool = False) -> tuple[int, int, int, int]:
    doc = sl.read(ROOT / "corpora" / "000_85a1b6df8f5117e0.txt")
    lines = [json.loads(x) for x in (ROOT / "corpora/annotations/facts_000_85a1b6df8f5117e0.jsonl")
             .read_text("utf-8").splitlines() if x.strip()]
    gold = [g for g in lines if g.get("fact", True)]
    pred = {(r["start"], r["end"]): r["indicator"] for r in sl.facts(doc).to_dict("records")}
    kept = with_act = kept_act = 0
    for g in gold:
        label = pred.get((g["start"], g["end"]), "")
        act = activity(g)
        ok = usable(label, g) and (not act or label == g["indicator"] or _within(act, label))
        kept += ok
        if act:
            with_act += 1
            kept_act += ok
        if verbose and not ok:
            print(f"  {g['surface']:>8}  gold {g['indicator']:<20} activity {act or '-':<8} got {label}")
    return kept, len(gold), kept_act, with_act


if __name__ == "__main__":
    kept, n, kept_act, with_act = measure("-v" in sys.argv)
    print(f"labels keeping their activity: {kept}/{n} = {kept / n:.1%} "
          f"(of the {with_act} facts whose gold names an activity: {kept_act}/{with_act} = {kept_act / with_act:.1%})")
