"""Agreement between two annotators of one plan-check pair (the ceiling a checker can aim at).

usage: python scripts/agreement.py FIRST.csv SECOND.csv

Both files are gold CSVs (item, commitment, verdict, evidence_text, note) written alone from the
texts by two readers.  Each set is scored against the other with the reference scorer's matching
(summarylab.check_pairs.score: character-bigram Dice >= 0.35 or containment; an unmatched commitment
is a disagreement), in both directions, and the agreement on the commitments both sampled is printed
too, since two readers of a long national report may sample different paragraphs.
"""
import csv
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from summarylab.check_pairs import score  # noqa: E402


def read(path: str) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = [dict(r) for r in csv.DictReader(fh)]
    return [{"commitment": (r.get("commitment") or "").strip(), "verdict": (r.get("verdict") or "").strip(),
             "evidence_text": (r.get("evidence_text") or "").strip(),
             "evidence": (r.get("evidence_text") or "").strip()} for r in rows if (r.get("commitment") or "").strip()]


def both_ways(first: list[dict], second: list[dict]) -> dict:
    """Score each reader's labels with the other's as gold, and agreement where both sampled."""
    a, b = score(first, second), score(second, first)
    matched = a["matched"]
    on_both = a["agree"] / matched if matched else None
    return {"first_as_gold": {k: a[k] for k in ("gold", "agreement", "kappa", "matched")},
            "second_as_gold": {k: b[k] for k in ("gold", "agreement", "kappa", "matched")},
            "agreement_on_both_sampled": [a["agree"], matched, round(on_both, 4) if on_both is not None else None]}


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip().splitlines()[2])
    print(json.dumps(both_ways(read(sys.argv[1]), read(sys.argv[2])), ensure_ascii=False))
