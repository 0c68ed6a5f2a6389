"""Text normalisation: the one reference text every offset points into.

DESIGN.md fixes what normalisation does, and it does nothing else:

* full-width ASCII (``１２３％ＡＢＣ``) and the ideographic space become half-width;
* NBSP and literal ``<U+00A0>``-style escapes left by scrapers become plain spaces;
* CRLF and lone CR become LF, and trailing spaces of each line are stripped;
* invisible format characters that carry no text are removed wherever they
  stand: U+FEFF (a byte-order mark, also one pasted mid-text), U+200B/U+200C/
  U+200D (zero-width space and joiners) and U+2060 (word joiner).  Left in,
  one before ``二、`` hides the marker from the line-start rule and folds a
  whole part into the one before it.  This changes offsets only of texts that
  hold such characters (a contract change, see docs/DESIGN.md).

Chinese punctuation (，。；：！？（）“”、《》〔〕) stays as written even though
，；：！？（） live in the full-width block: reports use them as punctuation, not
as stand-ins for ASCII, and rewriting them would change what a reader quotes.
"""

from __future__ import annotations

import hashlib
import re

# Full-width punctuation that is Chinese punctuation proper and must survive.
_KEEP_FULLWIDTH = set("，；：！？（）")

_FULLWIDTH_TABLE = {
    cp: cp - 0xFEE0
    for cp in range(0xFF01, 0xFF5F)
    if chr(cp) not in _KEEP_FULLWIDTH
}
_FULLWIDTH_TABLE[0x3000] = 0x20  # ideographic space
_FULLWIDTH_TABLE[0x00A0] = 0x20  # NBSP
_FULLWIDTH_TABLE[0x202F] = 0x20  # narrow NBSP

# Scrapers write invisible characters as literal escapes: <U+00A0>, <U+3000>.
_ESCAPE = re.compile(r"<U\+([0-9A-Fa-f]{4,6})>")
# Zero-width characters: no glyph, no meaning in a report, and they break every
# rule that reads a line's first character (二、 after a stray U+FEFF).
_INVISIBLE_CHARS = "\ufeff\u200b\u200c\u200d\u2060"
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]+")


# str.translate walks every character in Python-level lookups; the characters
# to change are rare, so a regex that finds only them is several times faster.  It finds
# runs of them (the digits of １９８５ together), each translated at once: one call a
# run instead of one a character.  Written [c][c]*, not [c]+: a pattern that opens with a
# class lets the regex engine skip to the next such character at C speed; one that opens
# with a repeat is tried at every position (slower than one call a character).
_FULL_WIDTH_CLASS = "[" + "".join(re.escape(chr(cp)) for cp in _FULLWIDTH_TABLE) + "]"
_TO_HALF_WIDTH = re.compile(f"{_FULL_WIDTH_CLASS}{_FULL_WIDTH_CLASS}*")


def _half_width(match: re.Match) -> str:
    return match.group().translate(_FULLWIDTH_TABLE)


def _unescape(match: re.Match) -> str:
    # Only escapes of spaces are the scraper's; anything else stays as written.
    char = chr(int(match.group(1), 16))
    if char.isspace() or char in "\u00a0\u3000\u202f\ufeff\u200b":
        return " "
    return match.group()


def normalize(text: str) -> str:
    """Normalise raw report text as DESIGN.md defines it.

    Args:
        text: decoded text as read from a file.

    Returns:
        The normalised text; all summarylab offsets index this string.

    Example:
        >>> normalize("投入３０万元，<U+00A0>占１２％\\r\\n")
        '投入30万元， 占12%\\n'
        >>> normalize("一、工作\\n\\ufeff二、计划")
        '一、工作\\n二、计划'
    """
    if any(ch in text for ch in _INVISIBLE_CHARS):  # rare: a substring test is a fast scan
        text = _INVISIBLE.sub("", text)
    text = _ESCAPE.sub(_unescape, text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _TO_HALF_WIDTH.sub(_half_width, text)
    # Line by line: a regex anchored at each line end tries every run of spaces.
    return "\n".join(line.rstrip(" \t") for line in text.split("\n"))


def doc_id_of(text: str) -> str:
    """The document id: first 16 hex digits of the SHA-256 of the normalised text.

    Example:
        >>> len(doc_id_of("上林县妇联2021年工作总结"))
        16
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
