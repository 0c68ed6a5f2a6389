"""The learned verdict of the plan check: gradient-boosted trees over readable features.

Each checked commitment is described by the features of its best evidence
candidates (:data:`FEATURES`: how much of the promised object and its
qualifiers the best review sentence and its best clause hold, whether a
programme named in quotes is there, whether the sentence admits the work is
unfinished or only piloted, whether a problems part admits a shortfall,
whether the numbers were met, …).  The model that turns them into
delivered / partial / not_found is fitted from ``models/check_training.csv``
(written by ``scripts/train_check.py`` from the annotated pairs in
corpora/annotations/check/) the first time it is needed: no pickle ships,
fitting takes a few milliseconds.

An :class:`EvidenceJudge` (fitted from ``models/check_judge.csv``, also written by
``scripts/train_check.py``) gives each retrieved candidate sentence the probability
that it is the passage an annotator would cite; its best is the ``judge_best`` feature.

The verdict's ``confidence`` is the model's probability of the verdict it
gives (its worth is measured leave one pair out by the AUROC of right against
wrong verdicts, see models/check_cv.json).  The model is gradient-boosted trees
(scikit-learn's HistGradientBoostingClassifier) since the seventeenth round: with
191 annotated pairs the trees won against the logistic regression shipped before
(leave one pair out, in the same folds: models/check_cv.json), which stays one
setting away (``VerdictModel(kind="logistic")``, whose weights can be read one per
feature) and is measured beside it by ``scripts/train_check.py --alternatives``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Optional

import numpy as np

from .lexicon import MODELS

TRAINING_PATH = MODELS / "check_training.csv"
CV_PATH = MODELS / "check_cv.json"
#: Verdicts the model chooses between (not_due is decided by the due year).
CLASSES = ("delivered", "partial", "not_found")

#: The features of one commitment and its best evidence, in the order the model reads them.
FEATURES = (
    "score",            # combined evidence strength of the best review sentence (0-1)
    "coverage",         # idf-weighted share of the commitment's topic words the sentence holds
    "clause_coverage",  # the same share in the sentence's best clause (the evidence clause)
    "head_held",        # the last topic word of the promise (its head: 培训班, 制度) is in the clause
    "object_held",      # the words after the verb, as written, are in the sentence
    "char",             # character n-gram TF-IDF cosine
    "word",             # word TF-IDF cosine
    "anchor_found",     # a programme named in quotes is named by the sentence
    "anchor_missing",   # a programme named in quotes is not named by the sentence
    "narrow",           # the promise has one short topic word only (提高教育质量)
    "n_topics",         # how many topic words the promise has (log1p)
    "margin",           # best score minus the second best (a unique answer or one of many)
    "unfinished",       # the best sentence says the work is begun, not finished (尚未, 正在)
    "pilot_only",       # the clause naming the thing says it is only piloted
    "missing_part",     # one part of a promise A和B is absent from the sentence
    "partial_near",     # coverage of the best near sentence that admits the work unfinished
    "half_shown",       # a near sentence shows one part of A和B and not the other
    "shortfall_admitted",  # coverage of the best problems-part sentence admitting a shortfall
    "award_context",    # the words stand in an award list, honour title or name (表彰, 荣获)
    "heading",          # the best sentence is a heading
    "has_target",       # the commitment holds a number
    "rate_target",      # that number is a rate or an amount (not a count)
    "num_matched",      # the review reports the same indicator
    "num_met",          # and the number meets the target
    "num_missed",       # or falls short of it
    "target_kept",      # the sentence says the target was kept (控制在预算范围内)
    "several_years",    # the sentence reviews several years (这五年)
    "verb_held",        # the promise's own verb (举办, 建立, 简并) is in the evidence clause
    "best_topk_coverage",  # the best coverage among the top candidates (another sentence may show it)
    "n_strong",         # how many candidates score 0.4 or more (log1p): a theme spoken of everywhere
    "ongoing",          # the promise continues a stance (坚持, 继续, 保持, 加强): hard to show done
    "relative_score",   # score minus the median best score of the pair's commitments (how far above
                        # the report's usual overlap: a terse review and a wordy one differ)
    "qualifier_held",   # share of the head's modifiers (农业 of 农业基础设施) the evidence clause holds
    "qualifier_contradicted",  # the clause has the head with another modifier (城市基础设施)
    "head_chars",       # share of the head word's characters in the clause (好收成 / 丰收: a paraphrase)
    "paragraph_coverage",  # share of the promise's topic words in the best sentence's paragraph
                           # (it and its neighbours of the same section: a review in paragraphs)
    "best_paragraph_coverage",  # the same, best over the top candidates' paragraphs
    "national",         # the later report is a 政府工作报告 (a national review paraphrases more)
    "several_years_unnamed",  # the sentence stands in a part reviewing several years (这五年) and
                              # names neither the plan year nor 去年/全年 (GUIDELINES_check.md: a five-year
                              # review is evidence only where it speaks of the plan year)
    "paragraph_bigram",  # share of the character bigrams of the promise's topic words held by the best
                         # candidates' paragraphs (改造升级 / 转型升级: a paraphrase that keeps a half)
    "paraphrase_gain",  # how much more of the promise's topic words a top candidate holds when the
                        # paraphrases learned from annotated pairs count (物价 / 居民消费价格;
                        # models/paraphrases.tsv, written by scripts/train_check.py)
    "narrow_coverage",  # narrow times clause_coverage: the share held by the evidence clause of a promise
                        # with one short topic word (稳定价格) — a false friend more often than a long one's
    "list_shown",       # share of the things a promise lists (棉花、油料、糖料…) the best near paragraph names
                        # (summarylab/listed.py)
    "list_part_missing",  # that paragraph names some of the listed things and not others (肉、禽、蛋、奶、
                          # 水产品 for 棉花、油料、糖料、肉类和水产品: GUIDELINES_check.md, partial)
    "judge_best",       # the evidence judge's best probability over the candidates (EvidenceJudge below:
                        # how likely one retrieved sentence is the passage an annotator would cite)
    "one_thing",        # every number of the promise counts one thing (建成人才驿站1个): a review reports it
                        # done without the count (人才驿站建成投用), so a number unmatched says less
)


#: The settings of the boosted verdict model: 60 shallow trees a verdict (15 leaves, 40 rows a leaf at least)
#: and an L2 penalty, measured against the logistic regression and five other tree settings by ten folds of
#: whole pairs over models/check_training.csv (77.9% against 75.7% of the 9,476 rows; the others 77.3-78.0%,
#: 300 trees at a slower rate the best by 0.1 point at five times the fitting time, which every ``summarylab
#: check`` pays once), then leave one pair out end to end (models/check_cv.json).  Early stopping is off by
#: name: scikit-learn's default ("auto") turns it on past 10,000 rows, holding a tenth of them out and
#: stopping early, so the model changed with the size of the table (the seventeenth round's folds had fewer
#: rows, its shipped table more); forced on, ten folds of whole pairs lose 0.3 points on that table.
BOOSTED = {"max_iter": 60, "learning_rate": 0.15, "max_leaf_nodes": 15, "min_samples_leaf": 40,
           "l2_regularization": 1.0, "early_stopping": False}


class VerdictModel:
    """delivered / partial / not_found from :data:`FEATURES`, with probabilities.

    Gradient-boosted trees (:data:`BOOSTED`), or a multinomial logistic regression on
    standardised features (``kind="logistic"``, the model shipped until the sixteenth
    round: one readable weight per feature, :meth:`weights`).

    Args:
        kind: "boosted" or "logistic".
        C: inverse regularisation strength of the logistic regression.
        class_weight: None or "balanced" (balanced was measured and lost with the
            logistic regression: it trades many right not_found verdicts for a few
            partial ones).
        random_state: the seed of the boosted trees (fixed: the same rows give the same model).

    Example:
        >>> import pandas as pd
        >>> X = pd.DataFrame([dict.fromkeys(FEATURES, 0.0), dict.fromkeys(FEATURES, 1.0)] * 50)
        >>> m = VerdictModel().fit(X, ["not_found", "delivered"] * 50)
        >>> m.predict(X.iloc[:2]).tolist()
        ['not_found', 'delivered']
    """

    def __init__(self, *, kind: str = "boosted", C: float = 0.1, class_weight: Optional[str] = None,
                 random_state: int = 0):
        if kind not in ("boosted", "logistic"):
            raise ValueError(f"kind must be 'boosted' or 'logistic', not {kind!r}")
        self.kind = kind
        self.C = C
        self.class_weight = class_weight
        self.random_state = random_state

    def _estimator(self):
        """The unfitted classifier (scripts/train_check.py measures others through this)."""
        if self.kind == "logistic":
            from sklearn.linear_model import LogisticRegression

            return LogisticRegression(C=self.C, class_weight=self.class_weight, max_iter=2000)
        from sklearn.ensemble import HistGradientBoostingClassifier

        return HistGradientBoostingClassifier(**BOOSTED, class_weight=self.class_weight,
                                              random_state=self.random_state)

    def fit(self, X, y, n_extra: int = 0) -> "VerdictModel":
        """Fit on a feature table (columns :data:`FEATURES`) and verdicts."""
        from sklearn.preprocessing import StandardScaler

        A = self._matrix(X)
        self.scaler_ = StandardScaler().fit(A)
        self.clf_ = self._estimator()
        self.clf_.fit(self.scaler_.transform(A), list(y))
        self.classes_ = np.array(self.clf_.classes_)
        self.n_rows_ = len(A)
        self.n_extra_ = int(n_extra)
        return self

    @staticmethod
    def _matrix(X) -> np.ndarray:
        import pandas as pd

        if isinstance(X, pd.DataFrame):
            X = X.reindex(columns=list(FEATURES)).fillna(0.0).to_numpy(dtype=float)
        return np.asarray(X, dtype=float).reshape(-1, len(FEATURES))

    def predict_proba(self, X) -> np.ndarray:
        """Probabilities of :attr:`classes_` for each row."""
        A = self._matrix(X)
        if not len(A):
            return np.zeros((0, len(self.classes_)))
        return self.clf_.predict_proba(self.scaler_.transform(A))

    def predict(self, X) -> np.ndarray:
        """The most probable verdict of each row."""
        return self.classes_[self.predict_proba(X).argmax(axis=1)] if len(self._matrix(X)) else np.array([])

    def weights(self) -> "dict[str, dict[str, float]]":
        """The coefficient of each feature for each verdict (standardised units) of a logistic model: what
        it learned (a boosted model has no one weight per feature: {}).

        Example:
            >>> w = fit_verdict_model(kind="logistic").weights()
            >>> w["delivered"]["coverage"] > 0
            True
        """
        if not hasattr(self.clf_, "coef_"):
            return {}  # a boosted model has no one weight per feature
        return {c: dict(zip(FEATURES, map(float, row))) for c, row in zip(self.classes_, self.clf_.coef_)}


def read_training(path=None):
    """The shipped feature table (``models/check_training.csv``, ``#`` lines are comments).

    Example:
        >>> set(read_training().verdict) <= set(CLASSES)
        True
    """
    import pandas as pd

    return pd.read_csv(path or TRAINING_PATH, comment="#", encoding="utf-8")


def fit_verdict_model(extra_rows=None, **params) -> VerdictModel:
    """A verdict model fitted on the shipped rows plus ``extra_rows``.

    Args:
        extra_rows: more feature rows (e.g. from :func:`summarylab.plancheck.training_rows`
            on pairs a person reviewed), with a ``verdict`` column.
        params: settings of :class:`VerdictModel` (default: the ones measured best
            leave one pair out, models/check_cv.json).

    Example:
        >>> fit_verdict_model().n_extra_
        0
    """
    import pandas as pd

    rows = read_training()
    n_extra = 0
    if extra_rows is not None and len(extra_rows):
        n_extra = len(extra_rows)
        rows = pd.concat([rows, extra_rows], ignore_index=True)
    rows = rows[rows["verdict"].isin(CLASSES)]
    return VerdictModel(**params).fit(rows, rows["verdict"], n_extra=n_extra)


@lru_cache(maxsize=1)
def default_model() -> VerdictModel:
    """The model fitted on the shipped rows, fitted once per process."""
    return fit_verdict_model()


# --- The evidence judge: which candidate review sentence shows the promise done ---------------

JUDGE_PATH = MODELS / "check_judge.csv"

#: The features of one (commitment, candidate review sentence) pair, in the order the judge reads them.
JUDGE_FEATURES = (
    "rank",             # the candidate's place in retrieval (0 = best score), divided by TOP_K
    "top",              # it is retrieval's best candidate
    "chosen",           # it is the sentence the verdict's features were read from
    "score",            # its retrieval score (0-1)
    "score_ratio",      # its score over the best candidate's score
    "coverage",         # idf-weighted share of the promise's topic words the sentence holds
    "char",             # character n-gram TF-IDF cosine
    "word",             # word TF-IDF cosine
    "clause_coverage",  # share of the promise's topic words its best clause holds
    "head_held",        # that clause holds the promise's head (培训班, 制度)
    "head_chars",       # share of the head's characters the clause holds (好收成 / 丰收)
    "qualifier_held",   # share of the head's modifiers the clause holds
    "qualifier_contradicted",  # the clause names the head with another modifier (城市基础设施)
    "verb_held",        # the promise's verb (举办, 建立) is in the clause
    "idf_mass",         # idf mass of the promise's topic words the sentence holds (log1p of the sum):
                        # rare words shared weigh more than common ones, however many the promise has
    "idf_missing",      # idf mass of the topic words it does not hold (log1p)
    "result_clause",    # the clause reports a result reached (取得了, 比上年, 完成了: review_cues.tsv result)
    "number",           # the sentence gives a figure (增长7.7%, 1310万人)
    "unfinished",       # the sentence says the work is begun, not finished (尚未, 正在)
    "award",            # the clause stands in an award list or honour title (表彰, 荣获)
    "indicators",       # the sentence stands in an indicators part (主要指标完成情况)
    "heading",          # the sentence is a heading
    "position",         # where it stands in the report (0 = start, 1 = end)
    "names_year",       # it names the reviewed year (2013年, 去年, 全年)
    "several_years",    # it stands in a part reviewing several years (这五年)
    "length",           # log1p of its length in characters
    "paragraph_coverage",  # share of the promise's topic words its paragraph holds
)


class EvidenceJudge:
    """Probability that a candidate review sentence is the evidence of a promise, from
    :data:`JUDGE_FEATURES` (a logistic regression on standardised features).

    Fitted on the candidates retrieved for the annotated commitments whose gold
    verdict is delivered or partial: the candidate holding the gold evidence
    passage is a positive, the other retrieved candidates are negatives.  Its best
    probability over a commitment's candidates is the verdict model's
    ``judge_best`` feature.

    Args:
        C: inverse regularisation strength.
        class_weight: None or "balanced".

    Example:
        >>> import pandas as pd
        >>> X = pd.DataFrame([dict.fromkeys(JUDGE_FEATURES, 0.0), dict.fromkeys(JUDGE_FEATURES, 1.0)] * 5)
        >>> j = EvidenceJudge().fit(X, [0, 1] * 5)
        >>> (j.probability(X.iloc[:2]) > 0.5).tolist()
        [False, True]
    """

    def __init__(self, *, C: float = 0.3, class_weight: Optional[str] = None):
        self.C = C
        self.class_weight = class_weight

    @staticmethod
    def _matrix(X) -> np.ndarray:
        import pandas as pd

        if isinstance(X, pd.DataFrame):
            X = X.reindex(columns=list(JUDGE_FEATURES)).fillna(0.0).to_numpy(dtype=float)
        return np.asarray(X, dtype=float).reshape(-1, len(JUDGE_FEATURES))

    def fit(self, X, y) -> "EvidenceJudge":
        """Fit on candidate rows (columns :data:`JUDGE_FEATURES`) and 0/1 labels (1: the gold evidence)."""
        from sklearn.linear_model import LogisticRegression
        from sklearn.preprocessing import StandardScaler

        A = self._matrix(X)
        self.scaler_ = StandardScaler().fit(A)
        self.clf_ = LogisticRegression(C=self.C, class_weight=self.class_weight, max_iter=2000)
        self.clf_.fit(self.scaler_.transform(A), np.asarray(y, dtype=int))
        self.n_rows_ = len(A)
        return self

    def probability(self, X) -> np.ndarray:
        """The probability that each candidate row is the evidence."""
        A = self._matrix(X)
        if not len(A):
            return np.zeros(0)
        return self.clf_.predict_proba(self.scaler_.transform(A))[:, 1]

    def weights(self) -> "dict[str, float]":
        """The coefficient of each feature (standardised units): what the judge learned."""
        return dict(zip(JUDGE_FEATURES, map(float, self.clf_.coef_[0])))


def read_judge_training(path=None):
    """The shipped candidate table (``models/check_judge.csv``, ``#`` lines are comments).

    Example:
        >>> set(read_judge_training().label) <= {0, 1}
        True
    """
    import pandas as pd

    return pd.read_csv(path or JUDGE_PATH, comment="#", encoding="utf-8")


def fit_judge(rows=None, **params) -> EvidenceJudge:
    """An evidence judge fitted on ``rows`` (default: the shipped candidate table).

    Example:
        >>> fit_judge().n_rows_ > 1000
        True
    """
    rows = read_judge_training() if rows is None else rows
    return EvidenceJudge(**params).fit(rows, rows["label"])


@lru_cache(maxsize=1)
def default_judge() -> EvidenceJudge:
    """The judge fitted on the shipped candidate rows, fitted once per process."""
    return fit_judge()
