"""Which cue words of models/ stand in more than one concept (issue 12: one concept, one lexicon).

Every lexicon of models/ is read through summarylab/lexicon.py; here each row becomes
(concept, word): the concept is the file and its category (``check_cues.tsv:blanket``), the
words are the literal strings a row's entry can match (a regex is expanded into its literal
alternatives: ``(?:主要|各项)目标`` gives 主要目标 and 各项目标; what a character class or an
open repeat leaves undetermined splits the entry into pieces).  Two concepts overlap where one
holds a word that the other holds too, or holds inside a longer word of its own (a text matching
主要预期目标 matches 预期目标 as well, with ``search`` semantics).

An overlap is either one concept held twice (merge the two) or two concepts that happen to
share a word (fine); models/lexicon_overlaps.tsv lists the second kind, by pairs of concept
patterns, with the reason; tests/test_lexicon_overlaps.py fails on a whole word of two or more
characters shared by two concepts that no row allows (the ``x⊂y`` overlaps are printed for the
audit, not tested: a cue phrase holds the verbs of other cues by nature).

Usage (from the worktree root):
    python scripts/lexicon_overlaps.py            # every overlapping pair of concepts, with its words
    python scripts/lexicon_overlaps.py --unlisted # only the pairs models/lexicon_overlaps.tsv allows no row for
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from fnmatch import fnmatchcase
from itertools import combinations
from pathlib import Path

try:  # Python 3.11 renamed the regex parser
    from re import _constants as _c, _parser as _sre
except ImportError:  # pragma: no cover
    import sre_constants as _c  # type: ignore
    import sre_parse as _sre  # type: ignore

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from summarylab.cues import expand  # noqa: E402
from summarylab.lexicon import MODELS, read_tsv  # noqa: E402

#: How each lexicon's rows are read: (header row to skip, the columns naming the concept, the
#: column of the entry, how the entry is written: "word", "words" (space separated) or "regex").
#: A lexicon not named here fails the audit, so that a new one is audited too.
LAYOUTS: dict[str, tuple[bool, tuple[int, ...], int, str]] = {
    "approx.tsv": (True, (2,), 0, "word"),
    "audit_cues.tsv": (False, (0,), 1, "regex"),
    "change_verbs.tsv": (True, (0,), 2, "word"),
    "check_cues.tsv": (False, (0,), 1, "regex"),
    "code_cues.tsv": (True, (0,), 1, "word"),
    "commitment_cues.tsv": (False, (0,), 1, "regex"),
    "five_year_plans.tsv": (False, (), 0, "word"),
    "heading_topic.tsv": (True, (0,), 1, "word"),
    "heading_words.tsv": (False, (0,), 1, "word"),
    "indicator_cues.tsv": (False, (0,), 1, "word"),
    "indicators_canonical.tsv": (True, (0,), 2, "regex"),
    "lower_better.tsv": (False, (0,), 1, "word"),
    "not_facts.tsv": (True, (1,), 0, "regex"),
    "page_chrome.tsv": (False, (), 0, "regex"),
    "panel_cues.tsv": (False, (0,), 1, "regex"),
    "review_cues.tsv": (False, (0,), 1, "regex"),
    "role_cues.tsv": (False, (0, 1), 2, "word"),
    "section_kinds.tsv": (False, (0,), 1, "regex"),
    "synonyms.tsv": (False, (0,), 1, "regex"),
    "title_words.tsv": (False, (0,), 1, "word"),
    "unit_labels.tsv": (False, (), 1, "word"),
    "units.tsv": (True, (1,), 0, "word"),
    "year_cues.tsv": (False, (0,), 1, "regex"),
}
#: Lexicons that hold no cue words: learned pairs (rewritten by scripts/train_check.py), the
#: allow-list of this audit itself.
NOT_CUES = {"paraphrases.tsv": "learned from the gold pairs, not written cues",
            "lexicon_overlaps.tsv": "this audit's allow-list"}
#: Categories that hold no words: POS tags of jieba.
NOT_WORDS = {("indicator_cues.tsv", "nountag")}
#: Space-separated word lists inside a regex lexicon (read with str.split by their readers).
_SPACED = re.compile(r"^[^|()\[\]\\^$?*+{}]+ [^|()\[\]\\^$?*+{}]+$")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_LIMIT = 20000  # expansions of one piece beyond this are cut into its literal runs instead


def _expand(items) -> list[set[str]]:
    """The literal pieces of a parsed regex sequence: a list of sets of alternatives, a new
    piece wherever an undetermined part (a class, an open repeat, a lookaround) stands."""
    pieces: list[set[str]] = [{""}]

    def cut():
        if pieces[-1] != {""}:
            pieces.append({""})

    def join(options: set[str]):
        product = {a + b for a in pieces[-1] for b in options}
        if len(product) > _LIMIT:
            cut()
            product = set(options)
        pieces[-1] = product

    for op, av in items:
        if op is _c.LITERAL:
            join({chr(av)})
        elif op is _c.SUBPATTERN:
            inner = _expand(av[-1])
            _splice(inner, join, cut, pieces)
        elif op is _c.BRANCH:
            branches = [_expand(b) for b in av[1]]
            if all(len(b) == 1 for b in branches) and sum(len(b[0]) for b in branches) <= _LIMIT:
                join(set().union(*(b[0] for b in branches)))
            else:  # a branch with undetermined parts: each branch's pieces stand alone
                cut()
                for b in branches:
                    pieces.extend(b)
                pieces.append({""})
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[1] == 1:
            inner = _expand(av[2])
            if av[0] == 0 and len(inner) == 1:
                join(inner[0] | {""})
            else:
                _splice(inner, join, cut, pieces)
        elif op is _c.AT:
            continue
        else:  # a class, an open repeat, a lookaround, a group reference: undetermined
            cut()
    return [p for p in pieces if p != {""}]


def _splice(inner: list[set[str]], join, cut, pieces: list[set[str]]) -> None:
    """Join a group's pieces into the sequence around it (its first piece to what stands
    before, its last to what follows)."""
    if not inner:
        return
    join(inner[0])
    for piece in inner[1:]:
        cut()
        pieces[-1] = set(piece)


def regex_words(pattern: str) -> set[str]:
    """The literal words a cue pattern can match: its alternatives expanded, of two characters
    or more where the pattern has undetermined parts around them.

    Example:
        >>> sorted(regex_words("(?:主要|各项)(?:预期)?目标"))
        ['主要目标', '主要预期目标', '各项目标', '各项预期目标']
        >>> sorted(regex_words("^[^，；]{2,16}?(?:是|在于)"))
        ['在于', '是']
    """
    try:
        parsed = _sre.parse(expand(pattern))
    except re.error:
        return set(_HAN.findall(pattern))
    return {w.strip() for piece in _expand(list(parsed)) for w in piece if _HAN.search(w)}


def lexicon_words(name: str) -> dict[str, set[str]]:
    """Concept (``file:category``) → the cue words of one lexicon of models/."""
    header, keys, entry, kind = LAYOUTS[name]
    out: dict[str, set[str]] = defaultdict(set)
    stem = name.removesuffix(".tsv")
    for row in read_tsv(name, header=header):
        if len(row) <= entry or (name, row[0]) in NOT_WORDS:
            continue
        concept = ":".join([stem, *(row[k] for k in keys)])
        text = row[entry].strip()
        if kind == "word" or (kind == "regex" and _SPACED.match(text)):
            found = set(text.split())
        else:
            found = regex_words(text)
        out[concept] |= found
    return out


def all_words() -> dict[str, set[str]]:
    """Concept → words, over every lexicon of models/ (each must have a layout or a reason)."""
    names = sorted(p.name for p in MODELS.glob("*.tsv"))
    unknown = [n for n in names if n not in LAYOUTS and n not in NOT_CUES]
    if unknown:
        raise SystemExit(f"lexicon_overlaps: no layout for {', '.join(unknown)} (add it to LAYOUTS)")
    out: dict[str, set[str]] = {}
    for name in names:
        if name in LAYOUTS:
            out.update(lexicon_words(name))
    return out


def overlaps(concepts: dict[str, set[str]] | None = None, *, inside: bool = True,
             shortest: int = 1) -> dict[tuple[str, str], list[str]]:
    """(concept a, concept b) → the words they share, ``x`` for a word of both and (with ``inside``)
    ``x⊂y`` for a word x of one inside a word y of the other; words of fewer than ``shortest`` Han
    characters are left out (one-character words, 是 or 要, are grammar).

    Example:
        >>> overlaps({"a:x": {"预期目标", "要"}, "b:y": {"主要预期目标", "要"}}, shortest=2)
        {('a:x', 'b:y'): ['预期目标⊂主要预期目标']}
    """
    concepts = all_words() if concepts is None else concepts
    concepts = {c: {w for w in ws if len(_HAN.findall(w)) >= shortest} for c, ws in concepts.items()}
    out: dict[tuple[str, str], list[str]] = {}
    for a, b in combinations(sorted(concepts), 2):
        both = concepts[a] & concepts[b]
        shared = sorted(both)
        # x inside y, whichever concept holds which (a word both hold is listed as shared already)
        within = sorted(f"{x}⊂{y}" for x, y in _inside(concepts[a], concepts[b])
                        if x not in both and y not in both) if inside else []
        if shared or within:
            out[(a, b)] = shared + within
    return out


def _inside(xs: set[str], ys: set[str]):
    """(inner, outer): a word of two or more Han characters of one set inside a longer word of the
    other, whichever set holds which."""
    for x in xs:
        for y in ys:
            if x != y and (x in y or y in x):
                inner, outer = (x, y) if x in y else (y, x)
                if len(_HAN.findall(inner)) >= 2:
                    yield inner, outer


def allowed() -> list[tuple[str, str, str]]:
    """The rows of models/lexicon_overlaps.tsv: (pattern a, pattern b, reason), the pairs of concepts
    that share words and are still two concepts."""
    return [(a, b, reason) for a, b, reason in read_tsv("lexicon_overlaps.tsv", header=True, maxsplit=2)]


def allowed_by(pair: tuple[str, str], rows: list[tuple[str, str, str]]) -> list[int]:
    """The indexes of the allow-list rows whose two patterns match a pair of concepts, in either order.

    Example:
        >>> allowed_by(("a:x", "b:y"), [("b:*", "a:x", "why"), ("c:*", "*", "why"), ("c:z|a:x", "b:y", "why")])
        [0, 2]
    """
    a, b = pair

    def fits(concept: str, patterns: str) -> bool:
        return any(fnmatchcase(concept, p) for p in patterns.split("|"))

    return [i for i, (pa, pb, _) in enumerate(rows) if fits(a, pa) and fits(b, pb) or fits(b, pa) and fits(a, pb)]


def unlisted(rows: list[tuple[str, str, str]] | None = None) -> dict[tuple[str, str], list[str]]:
    """The pairs of concepts sharing a whole word of two or more characters that no row allows."""
    rows = allowed() if rows is None else rows
    return {pair: ws for pair, ws in overlaps(inside=False, shortest=2).items() if not allowed_by(pair, rows)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--unlisted", action="store_true", help="only the pairs the allow-list does not name")
    args = ap.parse_args(argv)
    rows = allowed()
    for (a, b), shared in sorted(overlaps().items()):
        if args.unlisted and allowed_by((a, b), rows):
            continue
        print(f"{a}\t{b}\t{len(shared)}\t{' '.join(shared[:12])}{' …' if len(shared) > 12 else ''}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
