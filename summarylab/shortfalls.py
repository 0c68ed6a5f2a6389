"""Partial delivery read from a report's structure: admitted problems and lists half shown.

Two rule classes of the plan check's partial verdicts (GUIDELINES_check.md), as features of the
learned verdict (summarylab.verdict.FEATURES ``problem_admitted``, ``list_shown``,
``list_part_missing``):

- **A problem admitted about the promised thing.** A review that says 固定资产投资规模过大 or
  结构调整进展缓慢 (in its problems part, or in a review sentence) admits that a promise to keep
  investment moderate or to restructure was at most partly kept.  The admission words are the
  ``admission`` category of ``models/check_cues.tsv``; :func:`admitted_share` says how much of a
  promise a clause admitting a problem names.
- **A list of promised things, some shown, some not.** 保持棉花、油料、糖料、肉类和水产品稳定增长
  answered by 肉、禽、蛋、奶、水产品…都有大幅度增加: :func:`list_shown` says which share of the
  listed things a review passage names.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from .lexicon import alternatives
from .plans import canonical, content_words

# An enumeration inside a promise: items joined by 、 (and the last by 和, 及, 以及).
_ITEM_SPLIT = re.compile(r"、|以及|和|及")
_CLAUSE_SPLIT = re.compile(r"[，；。,;：:！？]")


@lru_cache(maxsize=1)
def _admission() -> re.Pattern:
    return re.compile(alternatives("check_cues.tsv", "admission"))


def admission_clauses(sentences: Iterable[str]) -> list[str]:
    """The clauses (canonical) of the sentences that admit a problem or shortfall.

    Example:
        >>> admission_clauses(["主要是固定资产投资规模过大，物价上涨幅度比较高。", "粮食增产。"])
        ['主要是固定资产投资规模过大']
    """
    out = []
    for s in sentences:
        for clause in _CLAUSE_SPLIT.split(s):
            if clause.strip() and _admission().search(clause):
                out.append(canonical(clause.strip()))
    return out


def admitted_share(commitment: str, clauses: Iterable[str]) -> float:
    """The largest share of a promise's topic words (those of two characters or more) that one
    clause admitting a problem holds: how far the report admits the promise fell short.

    Example:
        >>> round(admitted_share("保持固定资产投资适度增长", ["主要是固定资产投资规模过大"]), 2)
        0.33
        >>> admitted_share("发展职业教育", ["主要是固定资产投资规模过大"])
        0.0
    """
    topics = [w for w in dict.fromkeys(content_words(commitment)) if len(w) >= 2]
    if not topics:
        return 0.0
    return max((sum(w in c for w in topics) / len(topics) for c in clauses), default=0.0)


def list_items(commitment: str) -> list[frozenset]:
    """The topic words proper to each thing of a promise that lists three or more (V A、B和C P):
    each item's words that no other item shares, the last item's first word only (its predicate,
    稳定增长, is the list's); [] when the promise lists fewer.

    Example:
        >>> [sorted(x) for x in list_items("保持棉花、油料、糖料、肉类和水产品稳定增长")]
        [['棉花'], ['油料'], ['糖料'], ['肉类'], ['水产品']]
        >>> list_items("开展心理关爱服务和困难帮扶服务")
        []
    """
    canon = canonical(commitment)
    if "、" not in canon:
        return []
    parts = [content_words(p) for p in _ITEM_SPLIT.split(canon) if p.strip()]
    if len(parts) < 3 or not all(parts):
        return []
    parts[-1] = parts[-1][:1]
    sets = [set(ws) for ws in parts]
    own = [frozenset(ws - set().union(*(o for m, o in enumerate(sets) if m != k))) for k, ws in enumerate(sets)]
    return [x for x in own if x]


def list_shown(commitment: str, text: str) -> tuple[float, bool]:
    """(share of the listed things a passage names, whether it names some and not others)
    for a promise listing three or more things; (0.0, False) for any other promise.

    Example:
        >>> list_shown("保持棉花、油料、糖料、肉类和水产品稳定增长", "肉、禽、蛋、奶、水产品、水果和蔬菜等农产品产量都有大幅度增加")
        (0.2, True)
    """
    items = list_items(commitment)
    if not items:
        return 0.0, False
    canon = canonical(text)
    # An item is named when the passage holds half its own words or more (高端装备制造: 装备制造).
    held = [2 * sum(w in canon for w in ws) >= len(ws) for ws in items]
    share = sum(held) / len(held)
    return round(share, 4), 0 < share < 1
