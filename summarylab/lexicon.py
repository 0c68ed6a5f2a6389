"""The language resources in models/: where they live and how a lexicon file is read.

Every lexicon is a UTF-8 TSV file in models/ that opens with one header format,
a block of ``#`` lines before any data::

    # units.tsv - measure words and units that may follow a number in Chinese work reports.
    # Used by summarylab/numbers.py ...
    # Source: written by hand for summarylab from ...

The first line names the file and, after `` - ``, what it holds; a line of the
block says, after ``Source:``, where the words came from.  A lexicon without
that header fails to load (:class:`LexiconError`), so that no word list enters
summarylab without saying what it is and where it came from.

:func:`read_tsv` is the one reader; :func:`words` and :func:`alternatives` read
one category of a (category, entry) lexicon (or of a (category, scope, entry) one),
:func:`categories` lists a lexicon's categories, and :func:`word_alternation` makes
plain words one regex alternation.  Modules load their lexicons once
(``functools.lru_cache``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Iterable

MODELS = Path(__file__).resolve().parent.parent / "models"


class LexiconError(ValueError):
    """A lexicon in models/ without the header every lexicon carries."""


def check_header(name: str, lines: list[str]) -> None:
    """Raise :class:`LexiconError` unless ``lines`` (a file's leading ``#`` lines) are a lexicon header.

    Example:
        >>> check_header("units.tsv", ["# units.tsv - units after a number.", "# Source: by hand."])
        >>> check_header("units.tsv", ["# units after a number"])
        Traceback (most recent call last):
        ...
        summarylab.lexicon.LexiconError: models/units.tsv: the header must open with '# units.tsv - what it holds'
    """
    if not lines or not re.match(rf"#\s*{re.escape(name)} - \S", lines[0]):
        raise LexiconError(f"models/{name}: the header must open with '# {name} - what it holds'")
    if not any("Source:" in line for line in lines):
        raise LexiconError(f"models/{name}: the header must say where the entries came from ('# Source: ...')")


def read_tsv(name: str, *, header: bool = False, maxsplit: int = -1) -> list[list[str]]:
    """The rows of a lexicon in models/, without comments and blank lines.

    Args:
        name: the file name inside models/ (``units.tsv``).
        header: the first non-comment line names the columns; leave it out.
        maxsplit: split each line at most this many times on tabs (-1: all).

    Raises:
        LexiconError: the file does not open with the lexicon header (see the module).

    Example:
        >>> read_tsv("section_kinds.tsv", maxsplit=1)[0][0]
        'problems'
    """
    rows = []
    head: list[str] = []  # the comment lines before the first entry: the header
    checked = False
    with open(MODELS / name, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.startswith("#"):
                if not checked:
                    head.append(line)
                continue  # a comment among the entries is a note
            if not line.strip():
                continue
            if not checked:
                check_header(name, head)
                checked = True
            if header:
                header = False
                continue
            rows.append(line.split("\t", maxsplit))
    if not checked:
        check_header(name, head)
    return rows


@lru_cache(maxsize=None)
def words(name: str, category: str, *scope: str) -> tuple[str, ...]:
    """The entries of one category of a lexicon, in file order, read once.

    A two-column lexicon holds (category, entry) rows; a lexicon whose rows name a
    scope too (role_cues.tsv: role, scope, word) is read with the scope after the
    category.

    Example:
        >>> "失业率" in words("lower_better.tsv", "lower_better")
        True
        >>> words("role_cues.tsv", "target", "clause")[0]
        '目标'
    """
    return _by_category(name, len(scope)).get((category, *scope), ())


def categories(name: str) -> tuple[str, ...]:
    """The categories of a (category, entry) lexicon, in the order they first appear.

    Example:
        >>> categories("review_cues.tsv")
        ('result', 'heading', 'gov_heading')
    """
    return tuple(key for key, in _by_category(name, 0))


@lru_cache(maxsize=None)
def _by_category(name: str, scopes: int) -> dict[tuple[str, ...], tuple[str, ...]]:
    # A lexicon read once, whatever number of its categories are asked for (read once per
    # category, they cost a tenth of a worker's loading); keyed by (category, *scope).
    out: dict[tuple[str, ...], list[str]] = {}
    for row in read_tsv(name, maxsplit=1 + scopes):
        if len(row) != 2 + scopes:
            raise LexiconError(f"models/{name}: a row without its {2 + scopes} tab-separated fields: {row}")
        out.setdefault(tuple(row[:-1]), []).append(row[-1])
    return {key: tuple(ws) for key, ws in out.items()}


def word_alternation(entries: Iterable[str], *, longest_first: bool = False) -> str:
    r"""Plain words (no regex syntax) as one regex alternation ``a|b|…``, each escaped.

    The words keep their given order, which is the order the regex tries them; with
    ``longest_first`` repeats are dropped and the longest are tried first (ties in
    code point order), so that a word wins over its own prefix.  No group is put
    around the alternation (the caller knows what it is part of); no words give "".

    Example:
        >>> print(word_alternation(["万元", "元", "C++"]))
        万元|元|C\+\+
        >>> word_alternation(["元", "万元", "元"], longest_first=True)
        '万元|元'
    """
    if longest_first:
        entries = sorted(set(entries), key=lambda w: (-len(w), w))
    return "|".join(map(re.escape, entries))


def top_alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regular expression (split at the ``|`` outside
    groups and character classes).  Joined by ``|`` they are the same regular expression;
    a caller that puts something after each (a name, a group) keeps their order.

    Example:
        >>> top_alternatives("第[一二](?:章|节)|[|]号|(?m:^a|b)")
        ['第[一二](?:章|节)', '[|]号', '(?m:^a|b)']
    """
    out, depth, begin, i = [], 0, 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 1
        elif ch == "[":
            i = _class_end(pattern, i)
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(pattern[begin:i])
            begin = i + 1
        i += 1
    out.append(pattern[begin:])
    return out


def _class_end(pattern: str, i: int) -> int:
    """The index of the ``]`` closing the character class opened at ``pattern[i]``."""
    j = i + 1
    if pattern.startswith("^", j):
        j += 1
    if pattern.startswith("]", j):  # a ] first in a class is a member
        j += 1
    while pattern[j] != "]":
        j += 2 if pattern[j] == "\\" else 1
    return j


@lru_cache(maxsize=None)
def alternatives(name: str, category: str) -> str:
    """One category of a (category, regular expression) lexicon as one group ``(?:a|b|…)``.

    The entries keep their file order, which is the order the regex tries them.

    Raises:
        LexiconError: the category has no entry (a typo in the code or in the file).

    Example:
        >>> alternatives("audit_cues.tsv", "subset")
        '(?:其中)'
    """
    entries = words(name, category)
    if not entries:
        raise LexiconError(f"models/{name}: no entry of category {category!r}")
    return "(?:" + "|".join(entries) + ")"
