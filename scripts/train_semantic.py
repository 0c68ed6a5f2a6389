"""Learn the word vectors of summarylab.semantic from the reports shipped in corpora/.

usage: python scripts/train_semantic.py [--out PATH] [--dims N] [--min-count N]

Unsupervised, from text only (no label, no download, no pretrained model):

1. Every report of corpora/national/ (the 46 政府工作报告) and corpora/*.txt (the
   county reports) is read with summarylab and cut into sentences, each distinct
   sentence once (a scraped page repeats its report).  Reports that only a
   split=test pair of corpora/annotations/check/pairs.csv names are left out: the
   frozen test pairs stay unseen, text included.
2. A sentence is its topic words (:func:`summarylab.plans.content_words`: the
   words the plan check compares, canonical, verbs kept, adverbs and numbers out).
3. Two words are related when they stand in the same sentence more often than
   chance: positive pointwise mutual information (PPMI, context counts smoothed
   by the power 0.75) over the words seen in at least ``--min-count`` sentences,
   reduced by a truncated SVD to ``--dims`` dimensions (vectors U·√S, unit length).
   Words that co-occur with the same words end near each other: 增产 near 丰收,
   困难妇女 near 走访慰问.
4. Written to models/semantic_vectors.tsv: word, its idf over the sentences, and
   its vector quantised to integers -127…127 (cosines change by < 0.01).

The SVD is scipy's ARPACK with a fixed start vector and the signs fixed (the
largest component of each dimension positive), so the file is reproduced
exactly (tests/test_semantic.py runs this script and compares).
"""
import argparse
import math
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

import summarylab as sl  # noqa: E402
from summarylab.check_pairs import load_pairs  # noqa: E402
from summarylab.plans import content_words  # noqa: E402

OUT = ROOT / "models" / "semantic_vectors.tsv"
DIMS = 64
MIN_COUNT = 4
#: Context distribution smoothing of PPMI (Levy, Goldberg & Dagan 2015).
ALPHA = 0.75
#: Context of a word: 0 = its sentence (topical relatedness), n = the n topic words either side.
WINDOW = 0


def corpus_files(root: Path = ROOT) -> list[Path]:
    """The shipped reports the vectors are learned from (test-only reports left out)."""
    pairs = load_pairs(split=None, root=root)
    dev = {p.plan_file.resolve() for p in pairs if p.split != "test"} | {
        p.summary_file.resolve() for p in pairs if p.split != "test"}
    test_only = {f.resolve() for p in pairs if p.split == "test" for f in (p.plan_file, p.summary_file)} - dev
    files = sorted((root / "corpora" / "national").glob("*.txt")) + sorted((root / "corpora").glob("*.txt"))
    return [f for f in files if f.resolve() not in test_only]


def sentences(files: list[Path]) -> list[list[str]]:
    """The topic words of every distinct sentence of the files (sentences with two or more)."""
    seen, out = set(), []
    for f in files:
        for s in sl.read(f).sentences:
            key = "".join(s.text.split())
            if key in seen:
                continue
            seen.add(key)
            ws = content_words(s.text)
            if len(set(ws)) >= 2:
                out.append(ws)
    return out


def cooccurrence(sents: list[list[str]], index: dict, window: int):
    """Word × word counts: two words in one sentence (``window`` 0) or at most ``window`` topic
    words apart."""
    from scipy.sparse import csr_matrix

    n = len(index)
    if not window:
        rows, cols = [], []
        for r, ws in enumerate(sents):
            for w in set(ws):
                if w in index:
                    rows.append(r)
                    cols.append(index[w])
        X = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(sents), n))
        return (X.T @ X).tocoo()
    rows, cols = [], []
    for ws in sents:
        ids = [index.get(w, -1) for w in ws]
        for a, x in enumerate(ids):
            for y in ids[a + 1:a + 1 + window]:
                if x >= 0 and y >= 0:
                    rows += [x, y]
                    cols += [y, x]
    return csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, n)).tocoo()


def learn(sents: list[list[str]], dims: int = DIMS, min_count: int = MIN_COUNT, window: int = 0):
    """(vocabulary, idf, unit vectors) from sentences of topic words."""
    from scipy.sparse import csr_matrix
    from scipy.sparse.linalg import svds

    df = Counter(w for ws in sents for w in set(ws))
    vocab = sorted(w for w, n in df.items() if n >= min_count)
    index = {w: k for k, w in enumerate(vocab)}
    C = cooccurrence(sents, index, window)
    keep = C.row != C.col
    r, c, v = C.row[keep], C.col[keep], C.data[keep]
    total = v.sum()
    row_sum = np.bincount(r, weights=v, minlength=len(vocab))
    ctx = np.bincount(c, weights=v, minlength=len(vocab)) ** ALPHA
    pmi = np.log(v * ctx.sum() / (row_sum[r] * ctx[c]))
    pos = pmi > 0
    P = csr_matrix((pmi[pos], (r[pos], c[pos])), shape=(len(vocab), len(vocab)))
    v0 = np.ones(len(vocab)) / math.sqrt(len(vocab))  # a fixed start: the same vectors every run
    U, S, _ = svds(P, k=dims, v0=v0)
    order = np.argsort(-S)
    U, S = U[:, order], S[order]
    signs = np.sign(U[np.abs(U).argmax(axis=0), range(U.shape[1])])
    W = U * signs * np.sqrt(S)
    norms = np.linalg.norm(W, axis=1, keepdims=True)
    W = np.divide(W, norms, out=np.zeros_like(W), where=norms > 0)
    n = len(sents)
    idf = [math.log((1 + n) / (1 + df[w])) + 1 for w in vocab]
    return vocab, idf, W


def write(path: Path, vocab, idf, W, n_sents: int, n_files: int, dims: int, min_count: int) -> None:
    """The lexicon file: header, then word<TAB>idf<TAB>space-separated integer vector."""
    scale = 127 / max(float(np.abs(W).max()), 1e-9)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("# semantic_vectors.tsv - learned word vectors of the plan check's semantic similarity: a topic\n"
                 "# word<TAB>its idf over the sentences<TAB>its unit vector times 127/max, rounded to integers\n"
                 f"# ({dims} dimensions). Read by summarylab.semantic (paraphrase: 增产 near 丰收).\n"
                 f"# Source: written by scripts/train_semantic.py (PPMI of sentence co-occurrence, smoothed {ALPHA},\n"
                 f"# truncated SVD) from {n_files} reports shipped in corpora/ (national/ and the county reports;\n"
                 f"# reports named only by split=test pairs left out), {n_sents} distinct sentences, words seen in\n"
                 f"# at least {min_count} sentences; unsupervised, no label read; do not edit by hand.\n")
        for w, f, vec in zip(vocab, idf, np.rint(W * scale).astype(int)):
            fh.write(f"{w}\t{f:.3f}\t{' '.join(map(str, vec))}\n")


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=str(OUT))
    ap.add_argument("--dims", type=int, default=DIMS)
    ap.add_argument("--min-count", type=int, default=MIN_COUNT)
    ap.add_argument("--window", type=int, default=WINDOW, help="0: the whole sentence is the context")
    a = ap.parse_args(argv)
    t = time.time()
    files = corpus_files()
    sents = sentences(files)
    vocab, idf, W = learn(sents, a.dims, a.min_count, a.window)
    write(Path(a.out), vocab, idf, W, len(sents), len(files), a.dims, a.min_count)
    print(f"{len(files)} reports, {len(sents)} sentences, {len(vocab)} words, {time.time() - t:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
