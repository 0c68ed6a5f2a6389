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


class BoostedVerdict(VerdictModel):
    """The gradient-boosted alternative (HistGradientBoostingClassifier, depth 3)."""

    def _estimator(self):
        from sklearn.ensemble import HistGradientBoostingClassifier

        return HistGradientBoostingClassifier(max_iter=150, learning_rate=0.05, max_depth=3,
                                              class_weight=self.class_weight, random_state=0)


class CalibratedVerdict(VerdictModel):
    """The shipped model whose probabilities (verdict and confidence) come from a
    CalibratedClassifierCV copy fitted in 5 folds of the training rows."""

    def _estimator(self):
        from sklearn.calibration import CalibratedClassifierCV

        return CalibratedClassifierCV(super()._estimator(), method="sigmoid", cv=5)


#: Other verdict models measured leave one pair out with --alternatives (models/check_cv.json).
ALTERNATIVES = {
    "logistic C=0.1, no delivered weight": lambda _: VerdictModel(),
    "logistic C=0.3 (the first engineer's)": lambda _: VerdictModel(C=0.3),
    "logistic C=0.1, class_weight=balanced": lambda _: VerdictModel(class_weight="balanced"),
    "gradient boosting (HistGradientBoosting, depth 3)": lambda _: BoostedVerdict(),
    "logistic C=0.1 calibrated by CalibratedClassifierCV(sigmoid)": lambda _: CalibratedVerdict(),
}


#: Weights of delivered rows tried inside the training pairs (leave one pair out among them).
WEIGHT_GRID = (1.0, 1.25, 1.5, 2.0)


def choose_delivered_weight(train) -> float:
    """The weight of delivered rows that agrees best with the gold verdicts when each
    training pair is predicted by a model fitted on the other training pairs (rows the
    numbers decide are left out of the count: the model does not decide them)."""
    judged = train[train.num_matched == 0]
    best = None
    for w in WEIGHT_GRID:
        right = 0
        for pid in judged.pair_id.unique():
            rest, held = train[train.pair_id != pid], judged[judged.pair_id == pid]
            model = VerdictModel(delivered_weight=w).fit(rest, rest.verdict)
            right += int((model.predict(held) == held.verdict.to_numpy()).sum())
        if best is None or right > best[0]:
            best = (right, w)
    return best[1]


def tuned(train) -> VerdictModel:
    """The shipped model with its delivered weight chosen inside ``train`` (nested: the
    held-out pair plays no part in the choice)."""
    return VerdictModel(delivered_weight=choose_delivered_weight(train))


def lopo(pairs, table, preps, golds, make, verbose=False, out_dir=None, quiet=False):
    """Leave one pair out: fit ``make(train)`` on the other pairs' rows, check the pair, score it."""
    results, right, wrong, per_pair = [], [], [], {}
    for p in pairs:
        train = table[(table.pair_id != p.pair_id) & table.verdict.isin(CLASSES)]
        model = make(train).fit(train, train.verdict)
        if not quiet:
            print(f"  [{p.pair_id}] delivered weight {getattr(model, 'delivered_weight', 1.0)}")
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
    ap.add_argument("--no-tune", dest="tune", action="store_false",
                    help="fit every fold without choosing the delivered weight inside it")
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
    make = tuned if a.tune else (lambda _: VerdictModel())
    summary, per_pair = lopo(pairs, table, preps, golds, make, a.v, a.out)
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
        "features": list(FEATURES),
        # The settings the library fits its model with (the delivered weight chosen over all dev
        # pairs the way each fold chose its own).
        "params": {"delivered_weight": choose_delivered_weight(table[table.verdict.isin(CLASSES)])
                   if a.tune else 1.0},
        "per_pair": per_pair, "overall": summary,
        "history": history}, ensure_ascii=False, indent=1) + "\n",
        encoding="utf-8")


if __name__ == "__main__":
    main()
