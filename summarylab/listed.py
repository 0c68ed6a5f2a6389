"""A promise that lists several things (A、B和C): which of them a review passage names.

A plan promises 保持棉花、油料、糖料、肉类和水产品稳定增长; the review answers 肉、禽、蛋、奶、水产品…
都有大幅度增加: some listed things shown, others not, which GUIDELINES_check.md calls partial.
:func:`list_shown` reads it for the learned verdict (summarylab.verdict.FEATURES ``list_shown``,
``list_part_missing``); the two-part coordination A和B is plancheck's ``missing_part``.
"""

from __future__ import annotations

import re

from .plans import canonical, content_words

# An enumeration inside a promise: items joined by 、 (and the last by 和, 及, 以及).
_ITEM_SPLIT = re.compile(r"、|以及|和|及")


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
