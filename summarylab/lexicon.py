"""The language resources in models/: where they live and how a lexicon file is read.

Every lexicon is a UTF-8 TSV file with a comment header (lines starting with
``#``) saying what it holds and where it came from; modules load their lexicons
once (``functools.cache``) through :func:`read_tsv`.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

MODELS = Path(__file__).resolve().parent.parent / "models"


def read_tsv(name: str, *, header: bool = False, maxsplit: int = -1) -> list[list[str]]:
    """The rows of a lexicon in models/, without comments and blank lines.

    Args:
        name: the file name inside models/ (``units.tsv``).
        header: the first non-comment line names the columns; leave it out.
        maxsplit: split each line at most this many times on tabs (-1: all).

    Example:
        >>> read_tsv("section_kinds.tsv", maxsplit=1)[0][0]
        'problems'
    """
    rows = []
    with open(MODELS / name, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            if header:
                header = False
                continue
            rows.append(line.split("\t", maxsplit))
    return rows


@lru_cache(maxsize=None)
def words(name: str, category: str) -> tuple[str, ...]:
    """The words of one category of a two-column lexicon (category, word), read once.

    Example:
        >>> "失业率" in words("indicator_cues.tsv", "lowerbetter")
        True
    """
    return tuple(w for cat, w in read_tsv(name) if cat == category)
