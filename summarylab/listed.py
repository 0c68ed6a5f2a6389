"""A promise that lists several things (A、B和C): which of them a review passage names.

A plan promises 保持棉花、油料、糖料、肉类和水产品稳定增长; the review answers 肉、禽、蛋、奶、水产品…
都有大幅度增加: some listed things shown, others not, which GUIDELINES_check.md calls partial.
:func:`list_shown` reads it for the learned verdict (summarylab.verdict.FEATURES ``list_shown``,
``list_part_missing``); the two-part coordination A和B is plancheck's ``missing_part``.
"""

from __future__ import annotations

import re
from typing import Optional

from .numbers import parse_number
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


# A count of things in a promise or a review (“四送”, “五进”, 四项业务, 3门校本课程, 三大特色品牌): the
# numeral and the word that counts (项, 门, 大) or names the things (送, 进), the fifteenth round's class.
_NUMERAL = "[一二两三四五六七八九十\\d]"
_COUNTED = re.compile(rf"({_NUMERAL}{{1,2}})(项|门|大|类|种|个|进|送|化|免|提升|到位|全覆盖)")
# The things listed: quoted names one after another (“书法”“剪纸”“科创”), or names joined by 、 inside
# brackets, after 即 or before the count (（进社区、进学校…）, 即送政策、送技术…, 水、电、气、网络四项).
_QUOTED_RUN = re.compile(r"(?:[“\"《][^”\"》、，。]{1,12}[”\"》]、?){2,}")
_BRACKETED = re.compile(r"[（(]([^（）()]{2,60})[)）]|即([^，。；]{2,60})|((?:[\u4e00-\u9fff]{1,6}、)+[\u4e00-\u9fff]{1,6}?)"
                        rf"(?=[“\"]?{_NUMERAL}{{1,2}}(?:项|门|大|类|种|个|进|送))")


def _count_value(numeral: str) -> int:
    value = parse_number(numeral)
    return int(value) if value is not None else 0


def counted_items(commitment: str) -> list[str]:
    """The things a promise lists when it also says how many it lists (开发“书法”“剪纸”“科创”3门校本
    课程; 开展“四送”服务，即送政策、送技术、送信贷、送市场), else []: a count that matches the list says the
    promise is for every one of them.

    Example:
        >>> counted_items("开发“书法”“剪纸”“科创”3门校本课程")
        ['书法', '剪纸', '科创']
        >>> counted_items("实现水、电、气、网络四项业务与不动产转移登记联动过户")
        ['水', '电', '气', '网络']
        >>> counted_items("推进普法宣传“五进”（进社区、进学校、进商户、进乡村、进企业）活动")
        ['进社区', '进学校', '进商户', '进乡村', '进企业']
        >>> counted_items("开展网络安全知识进机关、进校园、进社区、进企业、进农村“五进”活动")
        ['进机关', '进校园', '进社区', '进企业', '进农村']
        >>> counted_items("开发书法、剪纸等校本课程")
        []
    """
    counts = {_count_value(m.group(1)) for m in _COUNTED.finditer(commitment)}
    lists = [re.findall(r"[“\"《]([^”\"》]+)[”\"》]", m.group()) for m in _QUOTED_RUN.finditer(commitment)]
    for m in _BRACKETED.finditer(commitment):
        items = [x.strip() for x in re.split(r"、|和|及", next(g for g in m.groups() if g)) if x.strip()]
        if m.group(3) and len(items) >= 2:
            # the verb before a list that runs into the count (实现水、电、气…): the first thing is as long as the second
            items[0] = items[0][-len(items[1]):]
        lists.append(items)
    return next((items for items in lists if len(items) >= 2 and len(items) in counts), [])


def counted_in_part(commitment: str, text: str) -> Optional[tuple[int, int]]:
    """(how many, of how many) when a review text answers a promise of a counted list (:func:`counted_items`)
    with fewer of the things: it names some and not the others, or gives a smaller count of them with
    the same counting word (水、电、气三项 for 水、电、气、网络四项); else None.  GUIDELINES_check.md: some of
    several listed things is partial.

    Example:
        >>> counted_in_part("开发“书法”“剪纸”“科创”3门校本课程", "开发《书法》《剪纸》2门校本课程并编印教材")
        (2, 3)
        >>> counted_in_part("开展“四送”服务活动，即送政策、送技术、送信贷、送市场", "开展送政策、送技术下乡活动")
        (2, 4)
        >>> counted_in_part("实现水、电、气、网络四项业务联动过户", "已实现水、电、气三项业务与不动产转移登记联动过户")
        (3, 4)
        >>> counted_in_part("开发“书法”“剪纸”“科创”3门校本课程", "开发书法、剪纸、科创等3门校本课程") is None
        True
        >>> counted_in_part("开发“书法”“剪纸”“科创”3门校本课程", "全年举办家长开放日2次") is None
        True
    """
    items = counted_items(commitment)
    if not items:
        return None
    plain = re.sub(r"[“”\"《》]", "", text)
    # a one-character thing (水、电、气) is named only inside a list of its kind
    named = sum((f"{x}、" in plain or f"、{x}" in plain) if len(x) == 1 else x in plain for x in items)
    n = len(items)
    counting = {m.group(2) for m in _COUNTED.finditer(commitment)}  # (项, 门: the promise's counting words)
    stated = [_count_value(m.group(1)) for m in _COUNTED.finditer(plain) if m.group(2) in counting]
    if named and stated and max(stated) < n:
        return max(stated), n
    if 0 < named < n and not any(s >= n for s in stated):
        return named, n
    return None
