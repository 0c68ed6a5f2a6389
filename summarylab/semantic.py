"""Semantic similarity learned from the shipped reports: a promise said in other words.

A review often reports a promise in other words (粮食增产 answered by 粮食获得丰收;
困境妇女儿童关爱帮扶 by 走访慰问困难妇女、留守儿童), so the plan check's word overlap
misses it.  This module gives the plan check a similarity that counts related
words too.  Its word vectors (``models/semantic_vectors.tsv``) are learned without
labels by ``scripts/train_semantic.py`` from the reports shipped in corpora/:
words that stand in the same sentences as the same other words end near each
other (PPMI of sentence co-occurrence reduced by a truncated SVD).  No model is
downloaded and nothing is pickled; the file is text and the script reproduces it.

- :func:`embed`: a text's vector, the idf-weighted sum of its topic words' vectors;
- :func:`similarity`: cosine of two texts' vectors (0 when either has no known word);
- :func:`extra_candidates`: the review sentences nearest in meaning that the plan
  check's word-overlap retrieval did not rank among a promise's candidates;
- :func:`semantic_lift`: the verdict model's feature, how far the candidate nearest in
  meaning stands out above the review's background where the words do not show the promise.

The vectors relate words by topic, not only by meaning (粮食 is near 棉花 as well as
丰收), and a 政府工作报告's review is near every promise in topic: raw cosines, a soft
word coverage and the head's nearest word were measured as features and lowered the
leave-one-pair-out agreement (models/check_cv.json, kept: false); the standing-out
measure raised it a little (80.01% → 80.22%, 4 of 1,926 commitments: within noise, and
not seen with vectors learned only from reports no annotated pair uses).  The verdict
model learns how far to trust it, and the evidence rules (the promise's head, its
qualifiers) still judge the clause.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Sequence

import numpy as np

from .lexicon import MODELS, check_header
from .plans import content_words

VECTORS = "semantic_vectors.tsv"


@lru_cache(maxsize=1)
def vectors() -> tuple[dict, np.ndarray, np.ndarray]:
    """(word → row, idf of each row, unit vectors) of ``models/semantic_vectors.tsv``, read once.

    Example:
        >>> index, idf, W = vectors()
        >>> W.shape[0] == len(index) == len(idf), round(float(np.linalg.norm(W[index["粮食"]])), 3)
        (True, 1.0)
    """
    path = MODELS / VECTORS
    if not path.exists():
        return {}, np.zeros(0), np.zeros((0, 1), dtype=np.float32)
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    lines = text.split("\n")
    head = [x for x in lines[:20] if x.startswith("#")]
    check_header(VECTORS, head)
    body = [x.split("\t") for x in lines[len(head):] if x.strip()]
    index = {r[0]: k for k, r in enumerate(body)}
    idf = np.array([float(r[1]) for r in body])
    W = np.fromstring(" ".join(r[2] for r in body), dtype=np.int32, sep=" ").reshape(len(body), -1).astype(np.float32)
    W /= np.maximum(np.linalg.norm(W, axis=1, keepdims=True), 1e-9)
    return index, idf, W


def _rows(words: Sequence[str]) -> list[int]:
    index = vectors()[0]
    return [index[w] for w in dict.fromkeys(words) if w in index]


def embed(texts: Sequence[str]) -> np.ndarray:
    """(len(texts), dims) unit vectors: the idf-weighted sum of each text's known topic words
    (a zero row when it has none).

    Example:
        >>> embed(["粮食获得丰收", "和"]).round(2).any(axis=1).tolist()
        [True, False]
    """
    _, idf, W = vectors()
    out = np.zeros((len(texts), W.shape[1]), dtype=np.float32)
    for i, t in enumerate(texts):
        rows = _rows(content_words(t))
        if rows:
            v = idf[rows] @ W[rows]
            out[i] = v / max(float(np.linalg.norm(v)), 1e-9)
    return out


def similarity(a: str, b: str) -> float:
    """Cosine of the two texts' vectors: how near in meaning, word overlap or not.

    Example:
        >>> round(similarity("粮食增产", "粮食获得丰收"), 1) > round(similarity("粮食增产", "召开人民代表大会"), 1)
        True
    """
    e = embed([a, b])
    return float(e[0] @ e[1])


#: How many review sentences the semantic similarity adds to a commitment's lexical candidates
#: (the nearest in meaning that word overlap did not rank among its top ones).
EXTRA_CANDIDATES = 2


def sentence_matrix(sentences: Sequence[str]) -> np.ndarray:
    """The vectors of a review's evidence sentences (computed once per pair by the plan check).

    Example:
        >>> sentence_matrix(["粮食获得丰收。", "召开人民代表大会。"]).shape[0]
        2
    """
    return embed(list(sentences))


def extra_candidates(similarities: np.ndarray, top: Sequence[int], n: int = EXTRA_CANDIDATES) -> list[int]:
    """The ``n`` sentences nearest in meaning (``similarities``: one commitment against every
    sentence) that are not among the lexical ``top`` ones and are related at all (cosine > 0).

    Example:
        >>> extra_candidates(np.array([0.9, 0.1, 0.8, 0.0]), [0])
        [2, 1]
    """
    taken = set(int(k) for k in top)
    out = []
    for k in np.argsort(-similarities, kind="stable"):
        if len(out) >= n or similarities[k] <= 0:
            break
        if int(k) not in taken:
            out.append(int(k))
    return out


def semantic_lift(sims: Sequence[float], mean: float, std: float, coverage: float) -> float:
    """How far the candidate nearest in meaning stands out, where the words do not show the promise.

    The best cosine of the promise among its candidates (``sims``), in standard deviations
    above its cosines over the whole review (``mean``, ``std``: a 政府工作报告's review is near
    every promise in topic, so only standing out counts), times the share of the promise's
    topic words that no candidate holds as written (``1 - coverage``).

    Example:
        >>> round(semantic_lift([0.9, 0.5], 0.4, 0.2, 0.25), 3)
        1.875
        >>> semantic_lift([0.9, 0.5], 0.4, 0.2, 1.0), semantic_lift([0.3], 0.4, 0.2, 0.0)
        (0.0, 0.0)
    """
    best = max(sims, default=0.0)
    return max(0.0, (best - mean) / max(std, 1e-6)) * (1 - coverage)
