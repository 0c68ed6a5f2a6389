"""Commitment recall of the plan reader over annotated pairs (the reference scorer's matching).

usage: python scripts/commitment_recall.py [PAIR_ID ...] [--split dev|test|all] [-v] [--json FILE]

Reads only each pair's plan document (recall needs no check): for each pair, how many
gold commitments a produced commitment answers (check_pairs.best_match: char-bigram
Dice ≥ 0.35, or containment at most 3× as long) and how many commitments are produced.
``-v`` prints the unmatched gold commitments.  Dev pairs only by default: never tune on test.
"""
import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import summarylab as sl  # noqa: E402
from summarylab.check_pairs import best_match, load_gold, load_pairs  # noqa: E402
from summarylab.plans import plan_commitments  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pairs", nargs="*")
    ap.add_argument("--split", default="dev")
    ap.add_argument("-v", action="store_true")
    ap.add_argument("--json", default=None, help="write the per-pair figures to this file")
    a = ap.parse_args()
    pairs = load_pairs(None if a.split == "all" else a.split)
    if a.pairs:
        pairs = [p for p in load_pairs("dev") if p.pair_id in a.pairs]
    out, tot_gold, tot_matched, tot_produced = [], 0, 0, 0
    for p in pairs:
        texts = [c.text for _, cs in plan_commitments(sl.read(p.plan_file)) for c in cs]
        gold = load_gold(p)
        unmatched = [g["commitment"] for g in gold if best_match(g["commitment"], texts) is None]
        matched = len(gold) - len(unmatched)
        tot_gold, tot_matched, tot_produced = tot_gold + len(gold), tot_matched + matched, tot_produced + len(texts)
        row = {"pair": p.pair_id, "gold": len(gold), "matched": matched,
               "recall": round(matched / len(gold), 4) if gold else None, "produced": len(texts)}
        out.append(row)
        print(json.dumps(row, ensure_ascii=False))
        if a.v:
            for u in unmatched:
                print(f"  unmatched {u}")
    total = {"pair": "ALL", "gold": tot_gold, "matched": tot_matched,
             "recall": round(tot_matched / tot_gold, 4) if tot_gold else None, "produced": tot_produced}
    print(json.dumps(total, ensure_ascii=False))
    if a.json:
        Path(a.json).write_text(json.dumps(out + [total], ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
