"""The review mirrors the plan: align a plan's paragraphs to the later review's paragraphs.

A review reports last year's tasks under the topics of last year's plan, most
often in the same order (a county office's 一、…六、 of its plan come back as
（一）…（六） of its summary; a 政府工作报告 reviews agriculture where its plan
spoke of agriculture).  :func:`align` pairs every plan paragraph with the review
paragraph that speaks of the same things, by the topic words of whole
paragraphs and by their order (a monotone alignment by dynamic programming over
the paragraphs' similarities); :func:`aligned_window` is the stretch of review
paragraphs where the evidence of one plan paragraph's commitments should stand.

The plan check reads it as features (summarylab.verdict.FEATURES ``in_aligned``,
``aligned_coverage``, ``aligned_missing``): evidence found outside the aligned
stretch on word overlap alone is suspect, a promise whose words the aligned
stretch holds was likely reported there in looser words.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Optional, Sequence

from .plans import canonical, content_words

#: A paragraph pair is aligned only when its similarity beats this (a cosine of topic words):
#: below it, the plan paragraph has no counterpart in the review (a task not reported at all).
MIN_SIMILARITY = 0.08
#: A line this short (in characters) is a heading; it is read with the paragraph under it.
_HEADING_CHARS = 40


@dataclass
class Unit:
    """A paragraph of a report: its span and the text it is aligned by."""

    start: int
    end: int
    text: str


def paragraph_units(text: str, spans: Sequence[tuple[int, int]], cuts: Sequence[int] = ()) -> list[Unit]:
    r"""The paragraphs of ``text`` that hold the spans: its lines, cut also at ``cuts`` (the
    starts of its sections: a 政府工作报告 may run a whole review in one line, 一是…二是…),
    a short heading line read with the line after it.  ``spans`` are (start, end) of the
    sentences that count (a plan part's sentences, a review's evidence sentences), in order.

    Example:
        >>> t = "一、主要工作\n举办培训班3期。开展宣讲20场。\n二、明年计划\n举办培训班5期。"
        >>> [u.text for u in paragraph_units(t, [(7, 15), (15, 22)])]
        ['一、主要工作\n举办培训班3期。开展宣讲20场。']
        >>> [u.text for u in paragraph_units("一是修路。二是建桥。", [(0, 5), (5, 10)], [5])]
        ['一是修路。', '二是建桥。']
    """
    cuts = sorted(set(cuts))
    units: list[Unit] = []
    for a, _ in spans:
        lo = text.rfind("\n", 0, a) + 1
        hi = text.find("\n", a)
        hi = len(text) if hi < 0 else hi
        k = bisect_right(cuts, a)
        lo = max(lo, cuts[k - 1]) if k else lo
        hi = min(hi, cuts[k]) if k < len(cuts) else hi
        if units and units[-1].start <= lo < units[-1].end:
            continue  # a sentence of the paragraph already taken
        start = lo
        # The heading line just before the paragraph (（一）思想政治引领持续加强) names its topic.
        prev_lo = text.rfind("\n", 0, max(lo - 1, 0)) + 1
        if text[lo - 1:lo] == "\n" and 0 < lo - 1 - prev_lo <= _HEADING_CHARS and (
                not units or units[-1].end <= prev_lo):
            start = prev_lo
        units.append(Unit(start, hi, text[start:hi]))
    return units


def similarities(plan_units: Sequence[Unit], review_units: Sequence[Unit]):
    """(P, R) array: cosine of the idf-weighted topic words of each plan and review paragraph.

    Example:
        >>> s = similarities([Unit(0, 9, "加强农业基础设施建设"), Unit(9, 20, "发展职业教育")],
        ...                  [Unit(0, 9, "职业教育加快发展"), Unit(9, 30, "农业基础设施建设加强")])
        >>> s.argmax(axis=1).tolist()
        [1, 0]
    """
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    if not plan_units or not review_units:
        return np.zeros((len(plan_units), len(review_units)))
    vec = TfidfVectorizer(analyzer=content_words, sublinear_tf=True)
    try:
        m = vec.fit_transform([u.text for u in plan_units] + [u.text for u in review_units])
    except ValueError:  # no topic word at all
        return np.zeros((len(plan_units), len(review_units)))
    return (m[:len(plan_units)] @ m[len(plan_units):].T).toarray()


def align(sim, min_similarity: float = MIN_SIMILARITY) -> list[Optional[int]]:
    """The review paragraph aligned with each plan paragraph (None: no counterpart).

    A monotone alignment: aligned review paragraphs never go back as the plan goes on
    (two plan paragraphs may share one), chosen to maximise the summed similarity above
    ``min_similarity`` (dynamic programming, P × R steps).

    Example:
        >>> import numpy as np
        >>> align(np.array([[0.9, 0.1, 0.0], [0.0, 0.05, 0.7], [0.0, 0.3, 0.05]]))
        [0, 2, None]
    """
    n_plan, n_review = sim.shape
    if not n_plan or not n_review:
        return [None] * n_plan
    gain = (sim - min_similarity).tolist()
    # best[i][j]: the best total of plan paragraphs < i whose last aligned one is at ≤ j - 1;
    # took[i][j]: 1 when plan paragraph i - 1 is aligned to j - 1, 2 when the best is best[i][j - 1].
    best = [[0.0] * (n_review + 1) for _ in range(n_plan + 1)]
    took = [[0] * (n_review + 1) for _ in range(n_plan + 1)]
    for i in range(1, n_plan + 1):
        above, row, here, g = best[i - 1], best[i], took[i], gain[i - 1]
        for j in range(1, n_review + 1):
            value, k = above[j], 0
            if g[j - 1] > 0 and above[j] + g[j - 1] > value:
                value, k = above[j] + g[j - 1], 1
            if row[j - 1] > value:
                value, k = row[j - 1], 2
            row[j], here[j] = value, k
    out: list[Optional[int]] = [None] * n_plan
    i, j = n_plan, n_review
    while i > 0 and j > 0:
        if took[i][j] == 2:
            j -= 1
        else:
            if took[i][j] == 1:
                out[i - 1] = j - 1
            i -= 1
    return out


def aligned_window(alignment: Sequence[Optional[int]], i: int, n_review: int, reach: int = 1) -> range:
    """The review paragraphs where plan paragraph ``i``'s evidence should stand: its aligned
    paragraph and ``reach`` on either side, else the stretch between the aligned neighbours
    before and after it (empty when the plan paragraph and both neighbours have no counterpart).

    Example:
        >>> list(aligned_window([0, None, 4], 1, 6)), list(aligned_window([0, 2, 4], 1, 6))
        ([0, 1, 2, 3, 4], [1, 2, 3])
    """
    a = alignment[i]
    if a is not None:
        return range(max(0, a - reach), min(n_review, a + reach + 1))
    before = next((alignment[k] for k in range(i - 1, -1, -1) if alignment[k] is not None), None)
    after = next((alignment[k] for k in range(i + 1, len(alignment)) if alignment[k] is not None), None)
    if before is None and after is None:
        return range(0)
    lo = 0 if before is None else before
    hi = n_review - 1 if after is None else after
    return range(lo, hi + 1)


def unit_at(units: Sequence[Unit], offset: int) -> Optional[int]:
    """The index of the unit holding ``offset``, or None.

    Example:
        >>> unit_at([Unit(0, 5, "a"), Unit(8, 12, "b")], 9), unit_at([Unit(0, 5, "a")], 6)
        (1, None)
    """
    k = bisect_right([u.start for u in units], offset) - 1
    return k if k >= 0 and offset < units[k].end else None


def topic_share(commitment: str, text: str) -> float:
    """The share of a promise's topic words a text holds.

    Example:
        >>> topic_share("举办基层女干部培训班", "全年举办培训班3期，培训基层女干部200人次")
        1.0
    """
    topics = list(dict.fromkeys(content_words(commitment)))
    text = canonical(text)  # 女干部 is held as 妇女干部, as the promise's words are
    return sum(w in text for w in topics) / len(topics) if topics else 0.0


#: How many review paragraphs most like a plan paragraph count as its topic's place, whatever
#: their order (a 政府工作报告 reviews its plan's topics in another order more often than not).
TOPIC_REACH = 2


class PairAlignment:
    r"""A plan's paragraphs aligned with its review's, read once per checked pair.

    Args:
        plan_text: the plan document's text.
        plan_spans: (start, end) of its plan sentences, in order.
        plan_cuts: its section starts.
        review_text, review_spans, review_cuts: the same of the review (its evidence sentences).

    Example:
        >>> plan = "一、加强农业\n修建农田水利工程。\n二、发展教育\n办好职业学校。"
        >>> review = "一、农业\n农田水利工程建成120处。\n二、教育\n新建职业学校3所。"
        >>> pa = PairAlignment(plan, [(7, 16), (24, 31)], [0, 17], review, [(5, 19), (25, 34)], [0, 20])
        >>> pa.alignment, pa.place(plan.index("办好"), review.index("新建")), pa.place(plan.index("办好"), 6)
        ([0, 1], (True, True), (True, False))
    """

    def __init__(self, plan_text, plan_spans, plan_cuts, review_text, review_spans, review_cuts):
        import numpy as np

        self.plan_units = paragraph_units(plan_text, plan_spans, plan_cuts)
        self.review_units = paragraph_units(review_text, review_spans, review_cuts)
        self.sim = similarities(self.plan_units, self.review_units)
        self.alignment = align(self.sim)
        self.order = [[int(k) for k in np.argsort(-row, kind="stable")[:TOPIC_REACH] if row[k] > 0]
                      for row in self.sim]

    def _window(self, i: int) -> set:
        return set(aligned_window(self.alignment, i, len(self.review_units)))

    def place(self, plan_offset: int, review_offset: int) -> tuple[bool, bool]:
        """(whether the review offset lies in the stretch aligned in order with the plan
        offset's paragraph, whether it lies in one of the review paragraphs most like it)."""
        i, j = unit_at(self.plan_units, plan_offset), unit_at(self.review_units, review_offset)
        if i is None or j is None:
            return False, False
        return j in self._window(i), j in self.order[i]

    def similarity(self, plan_offset: int, review_offset: int) -> tuple[float, float]:
        """(similarity of the plan offset's paragraph with the review offset's paragraph, that
        similarity over the best one of the plan paragraph): how far the review paragraph speaks
        of the same things as the plan paragraph, whatever their order."""
        i, j = unit_at(self.plan_units, plan_offset), unit_at(self.review_units, review_offset)
        if i is None or j is None:
            return 0.0, 0.0
        top = float(self.sim[i].max())
        here = float(self.sim[i, j])
        return here, here / top if top > 0 else 0.0

    def aligned_text(self, plan_offset: int) -> str:
        """The text of the review paragraphs aligned with the plan offset's paragraph (in order
        or by topic); '' when it has none."""
        i = unit_at(self.plan_units, plan_offset)
        if i is None:
            return ""
        return "".join(self.review_units[j].text for j in sorted(self._window(i) | set(self.order[i])))

    def counterpart(self, plan_offset: int) -> bool:
        """Whether the plan offset's paragraph has a review paragraph aligned with it in order."""
        i = unit_at(self.plan_units, plan_offset)
        return i is not None and self.alignment[i] is not None
