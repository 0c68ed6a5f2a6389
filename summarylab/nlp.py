"""Segmentation: sentence splitting, jieba word segmentation and the spaCy pipeline.

The sentence splitter is pure regular expressions so that every module can
use it without loading jieba or spaCy.
"""

from __future__ import annotations

import re

_OPEN = "“‘「『《（([〔【"
_CLOSE = "”’」』》）)]〕】"
_PAIRS = dict(zip(_OPEN, _CLOSE))
_ENDERS = set("。！？；!?;")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` into sentences, as (start, end) offsets.

    A sentence ends after 。！？； (and their ASCII forms) or at a line end, but
    never inside quotation marks or brackets, so a quoted slogan or a bracketed
    note stays whole.  A closing quote right after the ender stays with its
    sentence.  Leading and trailing whitespace is left out of each span.

    Example:
        >>> t = "举办培训班9期。他说：“好！很好。”然后离开；\\n下一句"
        >>> [t[a:b] for a, b in split_sentences(t)]
        ['举办培训班9期。', '他说：“好！很好。”', '然后离开；', '下一句']
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    stack: list[str] = []
    begin = start
    i = start
    while i < end:
        ch = text[i]
        if ch == "\n":
            stack.clear()
            _emit(text, begin, i, spans)
            begin = i + 1
        elif ch in _PAIRS and not (ch in "“‘" and stack and stack[-1] == _PAIRS[ch]):
            stack.append(_PAIRS[ch])
        elif stack and ch == stack[-1]:
            stack.pop()
            if not stack and i > begin and text[i - 1] in _ENDERS and ch in "”’」』":
                _emit(text, begin, i + 1, spans)
                begin = i + 1
        elif ch in _CLOSE and ch in stack:
            while stack and stack.pop() != ch:
                pass
        elif ch in _ENDERS and not stack:
            j = i + 1
            while j < end and text[j] in _ENDERS:
                j += 1
            _emit(text, begin, j, spans)
            begin = j
            i = j
            continue
        i += 1
    _emit(text, begin, end, spans)
    return spans


def _emit(text: str, a: int, b: int, spans: list[tuple[int, int]]) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a:
        spans.append((a, b))
