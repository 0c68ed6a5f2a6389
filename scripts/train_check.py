"""Write the plan check's training table and measure the learned verdict leave one pair out.

usage: python scripts/train_check.py [--no-write] [-v] [--alternatives] [--out DIR] [--note TEXT] [--drop F,…]

1. For every dev pair of corpora/annotations/check/pairs.csv: prepare the pair
   (commitments, evidence candidates, numbers), compute the features of every
   produced commitment and label the ones a gold commitment answers (the
   reference scorer's matching).  Written to models/check_training.csv, which
   the library fits its model from at first use.
   Paraphrases are learned from the gold evidence (a promise's word → the word the
   review reported it by, seen in at least MIN_SUPPORT pairs, one today) and written to
   models/paraphrases.tsv; the paraphrase_gain feature of a pair's rows is
   computed from the other pairs' paraphrases only.
2. Leave one pair out: for each pair, fit on the other pairs' rows (their
   paraphrase_gain recomputed without the held-out pair's paraphrases), check the
   pair with that model and score it against its gold file (agreement, kappa,
   commitment recall, evidence check); pooled over all pairs too, with the
   AUROC of the confidence column over right and wrong verdicts.  Printed and
   written to models/check_cv.json.

``--no-write --note "REJECTED …"`` appends a measured variant to check_cv.json's history only
(``kept: false``), and ``--drop F,…`` measures the model without some features.
"""
import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pandas as pd  # noqa: E402

import summarylab as sl  # noqa: E402
from summarylab.plancheck import (  # noqa: E402
    _features, candidate_features, candidate_texts, decide, judge_rows, judge_summary, paraphrase_gain, prepare,
    training_rows)
from summarylab.lexicon import MODELS  # noqa: E402
from summarylab.plans import canonical, content_words  # noqa: E402
from summarylab.check_pairs import auroc, best_match, load_gold, load_pairs, pooled, score  # noqa: E402
from summarylab.verdict import (  # noqa: E402
    CLASSES, CV_PATH, FEATURES, JUDGE_FEATURES, JUDGE_PATH, TRAINING_PATH, EvidenceJudge, VerdictModel)


#: Other verdict models measured leave one pair out with --alternatives (models/check_cv.json).
ALTERNATIVES = {
    "logistic C=0.1 (the shipped model until the sixteenth round)": lambda _: VerdictModel(kind="logistic"),
}


#: A learned paraphrase (a promise's word → a word the review reported it by) is kept when
#: the gold evidence of at least this many different pairs shows it.
MIN_SUPPORT = 1
PARAPHRASES_PATH = MODELS / "paraphrases.tsv"


def paraphrase_support(golds: dict, exclude=()) -> dict:
    """(promise word, review word) → the pairs whose gold evidence shows the promise's
    word said by the review's word (the first absent from the evidence, the second
    from the promise)."""
    out: dict = {}
    for pid, gold in golds.items():
        if pid in exclude:
            continue
        for g in gold:
            evidence = str(g.get("evidence_text") or "")
            if g["verdict"] not in ("delivered", "partial") or not evidence.strip():
                continue
            promise, said = canonical(g["commitment"]), canonical(evidence)
            for a in set(content_words(g["commitment"])):
                if a in said:
                    continue  # held as written: nothing to learn
                for b in set(content_words(evidence)):
                    if b not in promise and len(b) >= 2:
                        out.setdefault((a, b), set()).add(pid)
    return out


def learn_paraphrases(golds: dict, exclude=()) -> dict:
    """Promise word → the review words seen for it in at least MIN_SUPPORT pairs
    (the pairs of ``exclude`` left out: a held-out pair teaches nothing)."""
    table: dict = {}
    for (a, b), pids in paraphrase_support(golds, exclude).items():
        if len(pids) >= MIN_SUPPORT:
            table.setdefault(a, set()).add(b)
    return {a: frozenset(b) for a, b in table.items()}


def set_paraphrase_gain(prep, table) -> None:
    """Recompute every commitment's paraphrase_gain of a prepared pair from ``table``."""
    for i, (f, _) in enumerate(_features(prep)):
        cand = prep.candidates[i]
        f["paraphrase_gain"] = 0.0 if cand is None else paraphrase_gain(
            prep.every[i][1].text, candidate_texts(prep, cand), table)


class Paraphrases:
    """Paraphrases learned from the gold evidence of annotated pairs, and the
    ``paraphrase_gain`` feature recomputed so that no pair's feature uses a word
    pair learned from that pair itself (nor from the pair a fold holds out)."""

    def __init__(self, pairs, preps, golds, table):
        self.golds = golds
        self._tables = {}   # excluded pair set → its table: the folds share them (learned once each)
        self.texts = {}     # pair → the top candidate texts of each produced commitment
        self.every = {}     # pair → the produced commitments' texts
        for p in pairs:
            prep = preps[p.pair_id]
            self.every[p.pair_id] = [c.text for _, c in prep.every]
            self.texts[p.pair_id] = [None if cand is None else candidate_texts(prep, cand)
                                     for cand in prep.candidates]
        self.row_index = [self.every[pid].index(c) for pid, c in zip(table.pair_id, table.commitment)]

    def support(self, exclude=()) -> dict:
        return paraphrase_support(self.golds, exclude)

    def forget(self):
        """Drop the word-pair tables learned so far (a new fold needs its own)."""
        self._tables.clear()

    def table(self, exclude=()) -> dict:
        key = frozenset(x for x in exclude if x is not None)
        if key not in self._tables:
            self._tables[key] = learn_paraphrases(self.golds, key)
        return self._tables[key]

    def gain(self, pid, i, table) -> float:
        texts = self.texts[pid][i]
        return 0.0 if texts is None else paraphrase_gain(self.every[pid][i], texts, table)

    def refit_rows(self, table_rows, held_out=None):
        """The rows with paraphrase_gain from word pairs of neither the row's pair nor ``held_out``."""
        rows = table_rows.copy()
        tables = {pid: self.table({pid, held_out}) for pid in rows.pair_id.unique()}
        idx = [self.row_index[k] for k in rows.index]
        rows["paraphrase_gain"] = [self.gain(pid, i, tables[pid]) for pid, i in zip(rows.pair_id, idx)]
        return rows

    def refit_pair(self, prep, pid):
        """Set the held-out pair's paraphrase_gain from the other pairs' word pairs."""
        set_paraphrase_gain(prep, self.table({pid}))

    def write(self, path=PARAPHRASES_PATH):
        support = self.support()
        lines = sorted((a, b, len(p)) for (a, b), p in support.items() if len(p) >= MIN_SUPPORT)
        with open(path, "w", encoding="utf-8") as fh:
            fh.write("# paraphrases.tsv - paraphrases learned from annotated plan-check pairs: a topic word\n"
                     "# of a promise<TAB>a topic word the later review reported it by<TAB>how many pairs' gold\n"
                     "# evidence (corpora/annotations/check/, dev pairs) show the two together, the promise's word\n"
                     f"# absent from the evidence and the review's word absent from the promise (kept at >= {MIN_SUPPORT}).\n"
                     "# Read by summarylab.plancheck.learned_paraphrases for the paraphrase_gain feature.\n"
                     "# Source: written by scripts/train_check.py from the dev pairs' gold; do not edit by hand.\n")
            for a, b, n in lines:
                fh.write(f"{a}\t{b}\t{n}\n")


#: The commitment-level features of the judge (plancheck.judge_summary).
JUDGE_OUT = ("judge_best",)
#: How many groups the dev pairs are dealt into for the judge_best of the verdict's training rows.
JUDGE_GROUPS = 5


class NoJudge:
    """The run without the evidence judge (--no-judge): every candidate's probability is 0."""

    def probability(self, X):
        import numpy as np

        return np.zeros(len(X))


class Judges:
    """The evidence judge fitted without the pairs it judges (nested in the folds).

    A verdict training row of pair Q, in the fold that holds out P, gets its
    ``judge_best`` from a judge fitted on neither P nor Q's group (the dev pairs dealt
    into JUDGE_GROUPS groups in pairs.csv order: five fits a fold instead of forty); the
    held-out pair P is checked with a judge fitted on every pair but P.
    """

    def __init__(self, pairs, preps, golds, make=EvidenceJudge, negatives=False):
        self.preps, self.make = preps, make
        parts = []
        for p in pairs:
            rows = judge_rows(preps[p.pair_id], pd.DataFrame(golds[p.pair_id]), negatives=negatives)
            rows.insert(0, "pair_id", p.pair_id)
            parts.append(rows)
        self.rows = pd.concat(parts, ignore_index=True)
        self._fits = {}
        self.group = {p.pair_id: k % JUDGE_GROUPS for k, p in enumerate(pairs)}
        # Every produced commitment's candidate rows, flat, and where each commitment's rows start.
        self.flat, self.bounds = {}, {}
        for p in pairs:
            prep = preps[p.pair_id]
            rs = [candidate_features(prep, i) for i in range(len(prep.every))]
            self.flat[p.pair_id] = pd.DataFrame([f for r in rs for _, f in r], columns=list(JUDGE_FEATURES))
            ends = [0]
            for r in rs:
                ends.append(ends[-1] + len(r))
            self.bounds[p.pair_id] = ends

    def forget(self):
        """Drop the judges fitted so far (a new fold needs its own)."""
        self._fits.clear()

    def judge(self, exclude=()) -> EvidenceJudge:
        key = frozenset(x for x in exclude if x is not None)
        if key not in self._fits:
            train = self.rows[~self.rows.pair_id.isin(key)]
            self._fits[key] = self.make().fit(train, train.label)
        return self._fits[key]

    def mates(self, pid) -> list:
        """The pairs of ``pid``'s group (itself included)."""
        return [q for q, g in self.group.items() if g == self.group[pid]]

    def best(self, pid, judge) -> list:
        """The judge features (judge_best, …) of every produced commitment of pair ``pid``."""
        flat, ends, prep = self.flat[pid], self.bounds[pid], self.preps[pid]
        proba = judge.probability(flat) if len(flat) else []
        return [judge_summary(proba[a:b], candidate_features(prep, i))
                for i, (a, b) in enumerate(zip(ends, ends[1:]))]

    def refit_rows(self, table_rows, held_out=None, row_index=None):
        """The rows with judge_best from a judge fitted on neither the row's pair nor ``held_out``."""
        rows = table_rows.copy()
        values = {pid: self.best(pid, self.judge({held_out, *self.mates(pid)})) for pid in rows.pair_id.unique()}
        where = [(pid, row_index[k]) for pid, k in zip(rows.pair_id, rows.index)]
        for name in JUDGE_OUT:
            rows[name] = [values[pid][i][name] for pid, i in where]
        return rows

    def write(self, path=JUDGE_PATH):
        header = ("# check_judge.csv - the evidence judge's training rows (summarylab/verdict.py EvidenceJudge),\n"
                  "# written by scripts/train_check.py: the retrieved candidate sentences of every produced commitment\n"
                  "# that a gold commitment delivered or partial with an evidence passage answers (dev pairs of\n"
                  "# corpora/annotations/check/), label 1 for the candidate holding that passage, else 0.\n"
                  f"# rows: {len(self.rows)}; positives: {int(self.rows.label.sum())}; written {time.strftime('%Y-%m-%d')}\n")
        with open(path, "w", encoding="utf-8", newline="") as fh:
            fh.write(header)
            rows = self.rows.drop(columns=["commitment"])
            # a pair without rows makes the concatenated columns objects: round them as numbers
            rows[list(JUDGE_FEATURES)] = rows[list(JUDGE_FEATURES)].astype(float).round(4)
            rows.to_csv(fh, index=False)


def lopo(pairs, table, preps, golds, makes, verbose=False, out_dir=None, quiet=False, para=None, judges=None,
         row_index=None):
    """Leave one pair out: fit each model of ``makes`` (name → ``make(train)``) on the other pairs' rows,
    check the pair with it, score it.  The models share each fold's judge and paraphrases (learned once a
    fold); the first is the shipped one (printed; its outputs in ``out_dir``, the others' in
    ``out_dir/alternative<k>``).  Returns name → (summary, per_pair)."""
    names = list(makes)
    found = {name: ([], [], [], {}) for name in names}  # results, right, wrong, per_pair
    for p in pairs:
        # every fold's judges and word-pair tables leave its own pair out: none serves another fold, and
        # keeping them all held 24 GB by the 172nd of 177 folds (the sixteenth round's run was killed)
        for learned in (para, judges):
            if learned is not None:
                learned.forget()
        train = table[(table.pair_id != p.pair_id) & table.verdict.isin(CLASSES)]
        if para is not None:
            train = para.refit_rows(train, p.pair_id)
            para.refit_pair(preps[p.pair_id], p.pair_id)
        judge = NoJudge() if judges is None else None
        if judges is not None:  # nested: neither the held-out pair nor the row's own pair taught the judge
            train = judges.refit_rows(train, p.pair_id, row_index)
            judge = judges.judge({p.pair_id})
        for k, name in enumerate(names):
            results, right, wrong, per_pair = found[name]
            model = makes[name](train).fit(train, train.verdict)
            out = decide(preps[p.pair_id], model, judge)
            produced = out.to_dict("records")
            if out_dir:
                where = Path(out_dir) if k == 0 else Path(out_dir) / f"alternative{k}"
                where.mkdir(parents=True, exist_ok=True)
                out.to_json(where / f"{p.pair_id}.jsonl", orient="records", lines=True, force_ascii=False)
            r = score(golds[p.pair_id], produced)
            results.append(r)
            texts = [x["commitment"] for x in produced]
            for g in golds[p.pair_id]:
                m = best_match(g["commitment"], texts)
                if m is None:
                    continue
                (right if produced[m]["verdict"] == g["verdict"] else wrong).append(produced[m]["confidence"])
                if verbose and k == 0 and produced[m]["verdict"] != g["verdict"]:
                    print(f"  {p.pair_id} gold={g['verdict']} pred={produced[m]['verdict']} "
                          f"{g['commitment'][:30]} | {str(produced[m]['evidence'])[:40]}")
            per_pair[p.pair_id] = {key: r[key] for key in ("gold", "agreement", "kappa", "recall", "evidence_ok")}
            if not quiet and k == 0:
                print(json.dumps({"pair": p.pair_id, **per_pair[p.pair_id]}, ensure_ascii=False), flush=True)
    return {name: (_summary(pairs, preps, *found[name]), found[name][3]) for name in names}


def _summary(pairs, preps, results, right, wrong, per_pair) -> dict:
    """The pooled figures of one model's folds."""
    tot = pooled(results)
    summary = {k: tot[k] for k in ("gold", "agreement", "kappa", "recall", "evidence_ok")}
    # gold>produced counts: which verdicts are mistaken for which (the error classes of the report)
    summary["confusion"] = {f"{g}>{p}": n for (g, p), n in sorted(tot["confusion"].items())}
    area = auroc(right, wrong)
    summary["confidence_auroc"] = None if area is None else round(area, 4)
    # National (政府工作报告) and local pairs pooled apart: they differ in style and in ceiling.
    for part, wanted in (("national", True), ("local", False)):
        sub = pooled([r for p, r in zip(pairs, results)
                      if (preps[p.pair_id].summary_doc.meta.kind == "gov_work_report") == wanted])
        summary[part] = {k: sub[k] for k in ("gold", "agreement", "kappa", "recall")}
    return summary


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("-v", action="store_true")
    ap.add_argument("--alternatives", action="store_true",
                    help="also measure the other verdict models of ALTERNATIVES in the same folds")
    ap.add_argument("--no-paraphrases", dest="paraphrases", action="store_false",
                    help="leave the learned paraphrases out (paraphrase_gain 0 everywhere)")
    ap.add_argument("--no-judge", dest="judge", action="store_false",
                    help="leave the evidence judge out (judge_best 0 everywhere)")
    ap.add_argument("--judge-negatives", action="store_true",
                    help="the judge also learns from the candidates of gold not_found commitments (all 0)")
    ap.add_argument("--note", default=None,
                    help="record this run's figures in check_cv.json's history under this description")
    ap.add_argument("--out", default=None, help="write each pair's leave-one-pair-out output as DIR/<pair_id>.jsonl")
    ap.add_argument("--drop", default="",
                    help="comma-separated FEATURES left out of the model in this run (a variant measured "
                         "without editing the code)")
    a = ap.parse_args()
    if a.drop and not a.no_write:
        ap.error("--drop measures a variant: use it with --no-write (the shipped model keeps every feature)")
    if a.drop:
        import summarylab.verdict as verdict_module

        unknown = set(a.drop.split(",")) - set(FEATURES)
        if unknown:
            ap.error(f"--drop: no such feature: {', '.join(sorted(unknown))}")
        verdict_module.FEATURES = tuple(f for f in FEATURES if f not in a.drop.split(","))
    pairs = load_pairs("dev")
    preps, golds, tables = {}, {}, []
    for p in pairs:
        preps[p.pair_id] = prepare(sl.read(p.plan_file), sl.read(p.summary_file))
        golds[p.pair_id] = load_gold(p)
    judges = Judges(pairs, preps, golds, negatives=a.judge_negatives) if a.judge else None
    for p in pairs:
        prep = preps[p.pair_id]
        # judge_best is set below from judges that never saw the row's pair (the all-pairs judge here
        # only fills the column)
        rows = training_rows(prep.plan_doc, prep.summary_doc, pd.DataFrame(golds[p.pair_id]), prep=prep,
                             judge=judges.judge() if judges is not None else NoJudge())
        rows.insert(0, "pair_id", p.pair_id)
        tables.append(rows)
    table = pd.concat(tables, ignore_index=True)
    para = Paraphrases(pairs, preps, golds, table) if a.paraphrases else None
    if para is not None:
        table = para.refit_rows(table)  # each pair's rows from the other pairs' word pairs
    else:
        table["paraphrase_gain"] = 0.0
    row_index = [[c.text for _, c in preps[pid].every].index(c) for pid, c in zip(table.pair_id, table.commitment)]
    if judges is not None:
        table = judges.refit_rows(table, None, row_index)  # each pair's judge_best from the other pairs' judge
    else:
        for name in JUDGE_OUT:
            table[name] = 0.0
    makes = {"shipped": lambda _: VerdictModel()}  # (every fold fits the shipped model's settings)
    if a.alternatives:  # the models measured against the shipped one, in the same folds (judges shared)
        makes.update(ALTERNATIVES)
    measured = lopo(pairs, table, preps, golds, makes, a.v, a.out, para=para, judges=judges, row_index=row_index)
    summary, per_pair = measured.pop("shipped")
    print(json.dumps({"pair": "ALL (leave one pair out)", **summary}, ensure_ascii=False))
    if a.alternatives:
        summary["alternatives"] = {}
        for k, (name, (alt, _)) in enumerate(measured.items(), start=1):
            summary["alternatives"][name] = {key: alt[key] for key in (
                "agreement", "kappa", "recall", "confidence_auroc", "national", "local")}
            summary["alternatives"][name]["outputs"] = f"alternative{k}"
            print(json.dumps({"alternative": name, **summary["alternatives"][name]}, ensure_ascii=False))
    if a.no_write:
        if a.note:  # a measured variant recorded in the history only (the shipped files stay)
            record(a.note, pairs, summary, a.drop)
        return
    header = ("# Training rows of the plan check's verdict model (summarylab/verdict.py), written by\n"
              "# scripts/train_check.py: the features of every produced commitment that a gold commitment of\n"
              "# the dev pairs in corpora/annotations/check/ answers, labelled with the gold verdict.\n"
              "# paraphrase_gain of a pair's rows uses the paraphrases learned from the other pairs only.\n"
              f"# pairs: {', '.join(p.pair_id for p in pairs)}; rows: {len(table)}; written {time.strftime('%Y-%m-%d')}\n"
              f"# leave-one-pair-out: agreement {summary['agreement']}, kappa {summary['kappa']}, "
              f"recall {summary['recall']}, confidence AUROC {summary['confidence_auroc']} (models/check_cv.json)\n")
    if judges is not None:
        judges.write()
    if para is not None:
        para.write()
    elif PARAPHRASES_PATH.exists():
        PARAPHRASES_PATH.unlink()
    with open(TRAINING_PATH, "w", encoding="utf-8", newline="") as fh:
        fh.write(header)
        table.round(4).to_csv(fh, index=False)
    # Earlier figures (what each change moved) are kept from the file being replaced.
    history = json.loads(CV_PATH.read_text(encoding="utf-8")).get("history", []) if CV_PATH.exists() else []
    if a.note:
        history.append(history_entry(a.note, pairs, summary, a.drop))
    CV_PATH.write_text(json.dumps({
        "comment": "Leave-one-pair-out figures of the plan check (scripts/train_check.py): for each dev pair, "
                   "the verdict model is fitted on the other pairs' rows and the pair is scored with the "
                   "reference scorer's matching (unmatched gold = disagreement).",
        "features": list(FEATURES),
        "per_pair": per_pair, "overall": summary,
        "history": history}, ensure_ascii=False, indent=1) + "\n",
        encoding="utf-8")


def history_entry(note: str, pairs, summary: dict, drop: str = "") -> dict:
    """One line of check_cv.json's history: a change and its figures (kept: false for a variant
    measured and not kept, its note starting REJECTED)."""
    entry = {"change": note, "pairs": len(pairs), "kept": not note.upper().startswith("REJECTED"),
             **{k: summary[k] for k in ("agreement", "kappa", "recall", "evidence_ok", "confidence_auroc",
                                        "national", "local")}}
    if drop:
        entry["dropped_features"] = drop.split(",")
    return entry


def record(note: str, pairs, summary: dict, drop: str = "") -> None:
    """Append a measured variant to check_cv.json's history, the rest of the file unchanged."""
    data = json.loads(CV_PATH.read_text(encoding="utf-8"))
    data.setdefault("history", []).append(history_entry(note, pairs, summary, drop))
    CV_PATH.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
