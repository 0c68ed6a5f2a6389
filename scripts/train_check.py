"""Write the plan check's training table and measure the learned verdict leave one pair out.

usage: python scripts/train_check.py [--no-write] [-v] [--alternatives] [--out DIR] [--note TEXT]

1. For every dev pair of corpora/annotations/check/pairs.csv: prepare the pair
   (commitments, evidence candidates, numbers), compute the features of every
   produced commitment and label the ones a gold commitment answers (the
   reference scorer's matching).  Written to models/check_training.csv, which
   the library fits its model from at first use.
2. Leave one pair out: for each pair, fit on the other pairs' rows, check the
   pair with that model and score it against its gold file (agreement, kappa,
   commitment recall, evidence check); pooled over all pairs too, with the
   AUROC of the confidence column over right and wrong verdicts.  Printed and
   written to models/check_cv.json.
"""
import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pandas as pd  # noqa: E402

import summarylab as sl  # noqa: E402
from summarylab.plancheck import decide, prepare, training_rows  # noqa: E402
from summarylab.check_pairs import auroc, best_match, load_gold, load_pairs, pooled, score  # noqa: E402
from summarylab.verdict import CLASSES, CV_PATH, FEATURES, TRAINING_PATH, VerdictModel  # noqa: E402


#: Other verdict models measured leave one pair out with --alternatives (models/check_cv.json).
ALTERNATIVES = {
    "logistic C=0.3 (the first engineer's)": lambda: VerdictModel(C=0.3),
    "logistic C=0.1, class_weight=balanced": lambda: VerdictModel(class_weight="balanced"),
    "gradient boosting (HistGradientBoosting, depth 3)": lambda: VerdictModel(kind="boosting"),
    "logistic C=0.1, confidence from CalibratedClassifierCV(sigmoid)": lambda: VerdictModel(confidence_calibration="sigmoid"),
}


def lopo(pairs, table, preps, golds, make, verbose=False, out_dir=None, quiet=False):
    """Leave one pair out: fit ``make()`` on the other pairs' rows, check the pair, score it."""
    results, right, wrong, per_pair = [], [], [], {}
    for p in pairs:
        train = table[(table.pair_id != p.pair_id) & table.verdict.isin(CLASSES)]
        model = make().fit(train, train.verdict)
        out = decide(preps[p.pair_id], model)
        produced = out.to_dict("records")
        if out_dir:
            Path(out_dir).mkdir(parents=True, exist_ok=True)
            out.to_json(Path(out_dir) / f"{p.pair_id}.jsonl", orient="records", lines=True, force_ascii=False)
        r = score(golds[p.pair_id], produced)
        results.append(r)
        texts = [x["commitment"] for x in produced]
        for g in golds[p.pair_id]:
            k = best_match(g["commitment"], texts)
            if k is None:
                continue
            (right if produced[k]["verdict"] == g["verdict"] else wrong).append(produced[k]["confidence"])
            if verbose and produced[k]["verdict"] != g["verdict"]:
                print(f"  {p.pair_id} gold={g['verdict']} pred={produced[k]['verdict']} "
                      f"{g['commitment'][:30]} | {str(produced[k]['evidence'])[:40]}")
        per_pair[p.pair_id] = {k: r[k] for k in ("gold", "agreement", "kappa", "recall", "evidence_ok")}
        if not quiet:
            print(json.dumps({"pair": p.pair_id, **per_pair[p.pair_id]}, ensure_ascii=False))
    tot = pooled(results)
    summary = {k: tot[k] for k in ("gold", "agreement", "kappa", "recall", "evidence_ok")}
    summary["confidence_auroc"] = None if auroc(right, wrong) is None else round(auroc(right, wrong), 4)
    # National (政府工作报告) and local pairs pooled apart: they differ in style and in ceiling.
    for part, wanted in (("national", True), ("local", False)):
        sub = pooled([r for p, r in zip(pairs, results)
                      if (preps[p.pair_id].summary_doc.meta.kind == "gov_work_report") == wanted])
        summary[part] = {k: sub[k] for k in ("gold", "agreement", "kappa", "recall")}
    if not quiet:
        print(json.dumps({"pair": "ALL (leave one pair out)", **summary}, ensure_ascii=False))
    return summary, per_pair


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("-v", action="store_true")
    ap.add_argument("--alternatives", action="store_true",
                    help="also measure the other verdict models of ALTERNATIVES in the same folds")
    ap.add_argument("--note", default=None,
                    help="record this run's figures in check_cv.json's history under this description")
    ap.add_argument("--out", default=None, help="write each pair's leave-one-pair-out output as DIR/<pair_id>.jsonl")
    a = ap.parse_args()
    pairs = load_pairs("dev")
    preps, golds, tables = {}, {}, []
    for p in pairs:
        prep = prepare(sl.read(p.plan_file), sl.read(p.summary_file))
        gold = load_gold(p)
        rows = training_rows(prep.plan_doc, prep.summary_doc, pd.DataFrame(gold), prep=prep)
        rows.insert(0, "pair_id", p.pair_id)
        preps[p.pair_id], golds[p.pair_id] = prep, gold
        tables.append(rows)
    table = pd.concat(tables, ignore_index=True)
    summary, per_pair = lopo(pairs, table, preps, golds, VerdictModel, a.v, a.out)
    if a.alternatives:
        # The models measured against the shipped one, each in the same folds.
        summary["alternatives"] = {}
        for name, make in ALTERNATIVES.items():
            alt, _ = lopo(pairs, table, preps, golds, make, False, None, quiet=True)
            summary["alternatives"][name] = {k: alt[k] for k in ("agreement", "kappa", "confidence_auroc")}
            print(json.dumps({"alternative": name, **summary["alternatives"][name]}, ensure_ascii=False))
    if a.no_write:
        return
    header = ("# Training rows of the plan check's verdict model (summarylab/verdict.py), written by\n"
              "# scripts/train_check.py: the features of every produced commitment that a gold commitment of\n"
              "# the dev pairs in corpora/annotations/check/ answers, labelled with the gold verdict.\n"
              f"# pairs: {', '.join(p.pair_id for p in pairs)}; rows: {len(table)}; written {time.strftime('%Y-%m-%d')}\n"
              f"# leave-one-pair-out: agreement {summary['agreement']}, kappa {summary['kappa']}, "
              f"recall {summary['recall']}, confidence AUROC {summary['confidence_auroc']} (models/check_cv.json)\n")
    with open(TRAINING_PATH, "w", encoding="utf-8", newline="") as fh:
        fh.write(header)
        table.round(4).to_csv(fh, index=False)
    # Earlier figures (what each change moved) are kept from the file being replaced.
    history = json.loads(CV_PATH.read_text(encoding="utf-8")).get("history", []) if CV_PATH.exists() else []
    if a.note:
        history.append({"change": a.note, "pairs": len(pairs),
                        **{k: summary[k] for k in ("agreement", "kappa", "recall", "confidence_auroc",
                                                   "national", "local")}})
    CV_PATH.write_text(json.dumps({
        "comment": "Leave-one-pair-out figures of the plan check (scripts/train_check.py): for each dev pair, "
                   "the verdict model is fitted on the other pairs' rows and the pair is scored with the "
                   "reference scorer's matching (unmatched gold = disagreement).",
        "features": list(FEATURES), "per_pair": per_pair, "overall": summary,
        "history": history}, ensure_ascii=False, indent=1) + "\n",
        encoding="utf-8")


if __name__ == "__main__":
    main()
