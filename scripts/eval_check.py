"""Run the plan check on annotated pairs and score it (the reference scorer's convention).

usage: python scripts/eval_check.py [PAIR_ID ...] [--split dev|test|all] [--out DIR] [-v]

Writes each pair's output as DIR/<pair_id>.jsonl (what ``summarylab check --format
jsonl`` prints) so that it can be scored by the shared score_check.py too.  This
scores the shipped model, which has seen every dev pair: for honest figures use
scripts/train_check.py (leave one pair out).
"""
import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import summarylab as sl  # noqa: E402
from summarylab.plancheck import check  # noqa: E402
from summarylab.check_pairs import load_gold, load_pairs, pooled, score  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pairs", nargs="*")
    ap.add_argument("--split", default="dev")
    ap.add_argument("--out", default=None)
    ap.add_argument("-v", action="store_true")
    a = ap.parse_args()
    pairs = load_pairs(None if a.split == "all" else a.split)
    if a.pairs:
        pairs = [p for p in load_pairs(None) if p.pair_id in a.pairs]
    results = []
    for p in pairs:
        t = time.time()
        df = check(sl.read(p.plan_file), sl.read(p.summary_file))
        rows = json.loads(df.to_json(orient="records", force_ascii=False))
        if a.out:
            Path(a.out).mkdir(parents=True, exist_ok=True)
            with open(Path(a.out) / f"{p.pair_id}.jsonl", "w", encoding="utf-8") as fh:
                for r in rows:
                    fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        gold = load_gold(p)
        r = score(gold, rows)
        results.append(r)
        print(json.dumps({"pair": p.pair_id, **{k: r[k] for k in ("gold", "agreement", "kappa", "recall", "evidence_ok")},
                          "rows": len(rows), "seconds": round(time.time() - t, 2)}, ensure_ascii=False))
        if a.v:
            from summarylab.check_pairs import best_match
            texts = [x["commitment"] for x in rows]
            for g in gold:
                k = best_match(g["commitment"], texts)
                if k is None:
                    print(f"  unmatched [{g['verdict']}] {g['commitment']}")
                elif rows[k]["verdict"] != g["verdict"]:
                    print(f"  disagree gold={g['verdict']} pred={rows[k]['verdict']} {g['commitment']} | {rows[k]['commitment']} | {str(rows[k]['evidence'])[:50]}")
    tot = pooled(results)
    print(json.dumps({"pair": "ALL", **{k: tot[k] for k in ("gold", "agreement", "kappa", "recall", "evidence_ok")}},
                     ensure_ascii=False))


if __name__ == "__main__":
    main()
