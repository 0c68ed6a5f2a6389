"""The plan check scored against verdicts annotated by reading the reports.

Every pair of summarylab.check.CALIBRATION_PAIRS is scored: the 上林县妇联
2022 plan (in the real 2021 report) against the synthetic 2022 report; the
2013 政府工作报告's targets and 民生 tasks against the review of 2013 in the
2014 report; a synthetic 县团委 2023 plan against its 2023 summary; and the
2011 政府工作报告's targets and tasks against the review of 2011 in the 2012
report (the last two were annotated before the checker ever ran on them).
An annotation is matched to
a checked commitment by item_id and fuzzy commitment text; an annotation with
no match counts as a disagreement.  Bar: verdict agreement ≥ 90% on each
pair, and every delivered verdict's evidence holds the annotated snippet (or
one of the listed alternatives).
"""

import json
from collections import Counter
from pathlib import Path

import pytest

import summarylab as sl
from summarylab.check import CALIBRATION_PAIRS, check, match_annotation

CORPORA = Path(__file__).resolve().parent.parent / "corpora"
VERDICTS = ["delivered", "partial", "not_found", "not_due"]
# Every annotated pair the thresholds are calibrated on is scored here too:
# name (the annotation file's stem without check_) -> plan, later report, annotations.
PAIRS = {
    Path(gold).stem.removeprefix("check_"): tuple(str(Path(x).relative_to("corpora")) for x in (plan, later, gold))
    for plan, later, gold in CALIBRATION_PAIRS
}


def load_gold(name):
    path = CORPORA / PAIRS[name][2]
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def score_pair(name):
    plan_file, summary_file, _ = PAIRS[name]
    result = check(sl.read(CORPORA / plan_file), sl.read(CORPORA / summary_file))
    gold = load_gold(name)
    confusion = Counter()
    unmatched, wrong_evidence, disagreements = [], [], []
    for g in gold:
        row = match_annotation(result, g)
        if row is None:
            unmatched.append(g["commitment"])
            confusion[(g["verdict"], "unmatched")] += 1
            continue
        confusion[(g["verdict"], row["verdict"])] += 1
        if row["verdict"] != g["verdict"]:
            disagreements.append((g["commitment"], g["verdict"], row["verdict"], row["evidence"]))
        elif row["verdict"] == "delivered":
            wanted = g["evidence_contains"]
            wanted = [wanted] if isinstance(wanted, str) else wanted
            if not any(w in (row["evidence"] or "") for w in wanted):
                wrong_evidence.append((g["commitment"], wanted, row["evidence"]))
    agree = sum(n for (a, b), n in confusion.items() if a == b)
    return agree / len(gold), confusion, unmatched, wrong_evidence, disagreements


def render(name, agreement, confusion):
    cols = VERDICTS + ["unmatched"]
    lines = [f"{name}: verdict agreement {agreement:.1%}", "gold \\ checker " + " ".join(f"{c:>10}" for c in cols)]
    for g in VERDICTS:
        lines.append(f"{g:>15} " + " ".join(f"{confusion.get((g, c), 0):>10}" for c in cols))
    return "\n".join(lines)


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_the_checker_agrees_with_the_annotated_verdicts(name):
    agreement, confusion, unmatched, wrong_evidence, disagreements = score_pair(name)
    print()
    print(render(name, agreement, confusion))
    for d in disagreements:
        print("  disagree:", d)
    assert not unmatched, f"annotated commitments plan_items no longer produces: {unmatched}"
    assert agreement >= 0.90
    assert not wrong_evidence, f"delivered with evidence that does not show the commitment: {wrong_evidence}"


def test_every_gold_verdict_is_a_verdict_and_every_pair_covers_the_cases():
    synthetic = Counter(g["verdict"] for g in load_gold("synthetic_2022"))
    national = Counter(g["verdict"] for g in load_gold("gov_2013_2014"))
    assert set(synthetic) <= set(VERDICTS) and set(national) <= set(VERDICTS)
    assert synthetic["delivered"] and synthetic["partial"] and synthetic["not_found"]
    assert national["delivered"] and national["not_found"]
