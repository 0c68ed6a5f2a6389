"""The plan check scored against verdicts annotated by reading the reports.

Two pairs: the 上林县妇联 2022 plan (in the real 2021 report) against the
synthetic 2022 report, and the 2013 政府工作报告's targets and 民生 tasks
against the review of 2013 in the 2014 report.  An annotation is matched to
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
from summarylab.check import check, match_annotation

CORPORA = Path(__file__).resolve().parent.parent / "corpora"
VERDICTS = ["delivered", "partial", "not_found", "not_due"]
PAIRS = {
    "synthetic_2022": ("000_85a1b6df8f5117e0.txt", "synthetic_上林县妇联2022年工作总结.txt",
                       "annotations/check_synthetic_2022.jsonl"),
    "gov_2013_2014": ("gov_work_report_2013.txt", "gov_work_report_2014.txt",
                      "annotations/check_gov_2013_2014.jsonl"),
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
