"""Segmentation: sentence splitting and jieba word segmentation.

Two layers, each usable without the next:

* :func:`split_sentences` is pure regular expressions, so every module can use
  it without loading jieba.
* :func:`tokenize`, :func:`lcut` and :func:`pos_tag` cut words with jieba's
  dictionary plus the domain user dictionary ``models/userdict.txt``.  The
  engine is rjieba (the jieba-rs binding: same dictionary, same DAG and HMM,
  about 30 times faster); jieba itself stays as the reference engine.  On the
  sample and the 46 national reports the two give the identical token sequence
  (``benchmarks/bench_segment.py --agreement`` measures it), once ASCII runs
  joined by ``-`` or ``.`` (``2006-2020``, ``www.gov.cn``), which jieba-rs
  keeps whole, are recut into their parts as jieba's HMM cuts them.

There is no spaCy pipeline: spaCy's import and its ``Doc`` over the national
reports cost three quarters of what the whole ingest may spend (docs/DESIGN.md,
"spaCy: measured, then removed"), so the analysis works on plain token lists
(``Document.tokens``).

jieba and rjieba are imported inside functions: ``import summarylab.nlp``
must stay cheap because the CLI imports it at start-up.  Loaded resources are
cached read-only per process; :func:`warm_up` loads them at once.
"""

from __future__ import annotations

import bisect
import io
import itertools
import re
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple, Optional

from .lexicon import MODELS
USERDICT = MODELS / "userdict.txt"

#: jieba's HMM finds words missing from the dictionary (names such as 覃小慧) and
#: keeps decimals and percentages whole (4.5, 24.3%); with it off, 4.5 becomes
#: 4 / . / 5.  Both engines agree on Chinese text either way (see module doc).
HMM = True

ENGINES = ("rjieba", "jieba")

_OPEN = "“‘「『《（([〔【"
_CLOSE = "”’」』》）)]〕】"
_PAIRS = dict(zip(_OPEN, _CLOSE))
_ENDERS = set("。！？；!?;")
_SPECIAL = re.compile("[\n" + re.escape(_OPEN + _CLOSE) + "。！？；!?;]")


# --- sentences -----------------------------------------------------------------


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` into sentences, as (start, end) offsets.

    A sentence ends after 。！？； (and their ASCII forms) or at a line end, but
    never inside quotation marks or brackets, so a quoted slogan or a bracketed
    note stays whole.  A closing quote right after the ender stays with its
    sentence.  Leading and trailing whitespace is left out of each span.  A
    sentence longer than :data:`MAX_SENTENCE` characters is cut into windows at
    its last comma (，、：) before the limit, so an endless line costs linear time.

    Example:
        >>> t = "举办培训班9期。他说：“好！很好。”然后离开；\\n下一句"
        >>> [t[a:b] for a, b in split_sentences(t)]
        ['举办培训班9期。', '他说：“好！很好。”', '然后离开；', '下一句']
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    stack: list[str] = []
    begin = start
    resume = start
    # only line ends, quotes, brackets and enders change anything: jump between them
    for m in _SPECIAL.finditer(text, start, end):
        i = m.start()
        if i < resume:  # inside a run of enders already taken
            continue
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
            begin = resume = j
    _emit(text, begin, end, spans)
    return spans


#: Longest sentence, in characters.  The longest in 47 national reports and the
#: bundled corpus is 310; a longer "sentence" is a line without punctuation (a
#: scraped table, an unclosed quote, a hostile file), cut into windows so that
#: the work on it, and the ``sentence`` each fact carries, stay bounded.
MAX_SENTENCE = 500
# Where a window may end: after a comma, enumeration comma, colon or space,
# the weak boundaries inside a Chinese sentence.
_WEAK = re.compile(r"[，、：,: \t]")


def _emit(text: str, a: int, b: int, spans: list[tuple[int, int]]) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    while b - a > MAX_SENTENCE:
        # Cut at the last weak boundary of the window's second half, else hard.
        cut = a + MAX_SENTENCE
        for m in _WEAK.finditer(text, a + MAX_SENTENCE // 2, a + MAX_SENTENCE):
            cut = m.end()
        spans.append((a, cut))
        a = cut
        while a < b and text[a].isspace():
            a += 1
    if b > a:
        spans.append((a, b))


# --- the user dictionary -------------------------------------------------------


class UserWord(NamedTuple):
    """One entry of the jieba user dictionary."""

    word: str
    freq: int
    tag: str


def parse_userdict(text: str) -> tuple[UserWord, ...]:
    """Parse a user dictionary in jieba's format, skipping comments and blank lines.

    jieba's own ``load_userdict`` would read a ``# comment`` line as a word, so
    summarylab parses the file itself and adds each entry with ``add_word``.
    Every entry needs its frequency: jieba and rjieba guess a missing one in
    slightly different ways, and the two engines must see the same numbers.

    Args:
        text: the dictionary, one ``word freq tag`` entry a line.

    Returns:
        The entries in file order.

    Raises:
        ValueError: for an entry without a frequency, or a word given twice.

    Example:
        >>> parse_userdict("# 妇联词汇\\n儿童之家 2000 n\\n两癌 2000 j\\n")
        (UserWord(word='儿童之家', freq=2000, tag='n'), UserWord(word='两癌', freq=2000, tag='j'))
    """
    entries: list[UserWord] = []
    seen: set[str] = set()
    for lineno, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split()
        if len(parts) not in (2, 3) or not parts[1].isdigit():
            raise ValueError(f"user dictionary line {lineno}: expected 'word freq [tag]': {line!r}")
        if parts[0] in seen:
            raise ValueError(f"user dictionary line {lineno}: {parts[0]} given twice")
        seen.add(parts[0])
        entries.append(UserWord(parts[0], int(parts[1]), parts[2] if len(parts) == 3 else "x"))
    return tuple(entries)


@lru_cache(maxsize=1)
def user_words() -> tuple[UserWord, ...]:
    """The entries of ``models/userdict.txt`` (read once per process).

    Example:
        >>> any(w.word == "儿童之家" for w in user_words())
        True
    """
    return parse_userdict(USERDICT.read_text(encoding="utf-8"))


# --- segmentation engines ------------------------------------------------------


# jieba's HMM cuts a run of ASCII letters and digits joined by - . + # & _ into
# its parts with finalseg's pattern (2006-2020 -> 2006 / - / 2020, E-mail -> E /
# - / mail) while jieba-rs keeps the run whole.  jieba is the reference, so the
# fast engine recuts such runs the same way; decimals and percentages (4.5,
# 24.3%) are one part in both.
_ASCII_PART = re.compile(r"[a-zA-Z0-9]+(?:\.\d+)?%?")
_ASCII_PARTS = re.compile(r"([a-zA-Z0-9]+(?:\.\d+)?%?)")
# A quick test that a text may hold such a run: a joiner inside a run, a dot not
# followed by a digit or opening a run, a decimal followed by a dot or a letter
# (0.0Z is 0.0 / Z), a % inside a run.
# It may fire on a run that needs no recut (the slow path then changes nothing)
# but never misses one; decimals and percentages alone (4.5, 24.3%) pass it.
_RUN = r"[A-Za-z0-9+#&._%\-]"
_JOINED_ASCII = re.compile(
    rf"{_RUN}[+#&_\-]|[+#&_\-]{_RUN}|{_RUN}\.(?!\d)|(?<!{_RUN})\.{_RUN}|\.\d+[.A-Za-z]|%{_RUN}"
)


_RUN_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+#&._%-")


def _has_joined_ascii(text: str) -> bool:
    return _JOINERS.search(text) is not None and _JOINED_ASCII.search(text) is not None


# Every branch of _JOINED_ASCII holds one of these: a text without any has no run to recut,
# which this character class tells at C speed (about one sentence in twenty has one).
_JOINERS = re.compile(r"[+#&_.%\-]")


def _joined_runs(text: str) -> list[tuple[int, int]]:
    """(start, end) of the whole ASCII runs that hold a prefilter hit, in text order."""
    runs: list[tuple[int, int]] = []
    if _JOINERS.search(text) is None:
        return runs
    for m in _JOINED_ASCII.finditer(text):
        if runs and m.start() < runs[-1][1]:
            continue
        a, b = m.start(), m.end()
        while a > 0 and text[a - 1] in _RUN_CHARS:
            a -= 1
        while b < len(text) and text[b] in _RUN_CHARS:
            b += 1
        runs.append((a, b))
    return runs


def _suspects(starts: list[int], runs: list[tuple[int, int]]) -> list[int]:
    """Indices of the tokens (by start offset) that overlap one of the runs."""
    found: set[int] = set()
    for a, b in runs:
        i = max(bisect.bisect_right(starts, a) - 1, 0)
        while i < len(starts) and starts[i] < b:
            found.add(i)
            i += 1
    return sorted(found)


def _ascii_parts(word: str) -> Optional[list[str]]:
    """jieba's HMM parts of an ASCII run, or None when the word is not one to recut."""
    if len(word) < 2 or not word.isascii() or word.isalnum() or _ASCII_PART.fullmatch(word):
        return None
    parts = [p for p in _ASCII_PARTS.split(word) if p]
    return parts if len(parts) > 1 else None


_rjieba_default_taken = False


def _fresh_rjieba():
    """An rjieba ``Jieba`` holding jieba's dictionary alone, for one engine to add its words to.

    Importing rjieba already builds one (``rjieba._DEFAULT_JIEBA``, what ``rjieba.cut``
    uses): building a second costs as much again (0.12 s of the fork server's loading).
    The first engine of the process takes that one over (summarylab never calls rjieba's
    module functions, which then see the user dictionary too); any further engine, with
    other words, builds its own.
    """
    global _rjieba_default_taken
    import rjieba

    default = getattr(rjieba, "_DEFAULT_JIEBA", None)
    if default is None or _rjieba_default_taken:
        return rjieba.Jieba()
    _rjieba_default_taken = True
    return default


class _RJieba:
    """rjieba with the user dictionary: the fast engine."""

    name = "rjieba"

    def __init__(self, words: tuple[UserWord, ...]):
        self._jieba = _fresh_rjieba()
        for w in words:
            self._jieba.add_word(w.word, w.freq, w.tag)

    def tokenize(self, text: str) -> list[tuple[str, int, int]]:
        tokens = self._jieba.tokenize(text, "default", HMM)
        runs = _joined_runs(text)
        if not runs:
            return tokens
        # splice the recut tokens in from the back, so earlier indices stay valid
        for i in reversed(_suspects([t[1] for t in tokens], runs)):
            word, start, _ = tokens[i]
            parts = self._recut(word)
            if parts is not None:
                offsets = itertools.accumulate((len(p) for p in parts), initial=start)
                tokens[i:i + 1] = [(p, a, a + len(p)) for p, a in zip(parts, offsets)]
        return tokens

    def cut(self, text: str) -> list[str]:
        # The words alone, without offsets, are made twice as fast; a text with an ASCII run to
        # recut goes through tokenize, which places the parts.
        if not _has_joined_ascii(text):
            return self._jieba.cut(text, HMM)
        return [w for w, _, _ in self.tokenize(text)]

    def pos_tag(self, text: str) -> list[tuple[str, str]]:
        tagged = self._jieba.tag(text, HMM)
        runs = _joined_runs(text)
        if not runs:
            return tagged
        starts = list(itertools.accumulate((len(w) for w, _ in tagged), initial=0))[:-1]
        for i in reversed(_suspects(starts, runs)):
            parts = self._recut(tagged[i][0])
            if parts is not None:  # a part may be a dictionary word with a tag of its own
                tagged[i:i + 1] = [(p, self._tag_of(p)) for p in parts]
        return tagged

    def _recut(self, word: str) -> Optional[list[str]]:
        parts = _ascii_parts(word)
        # a dictionary word (C++, C#) comes whole out of jieba's DAG, not its HMM
        return None if parts is None or self._jieba.has_word(word) else parts

    def _tag_of(self, part: str) -> str:
        tagged = self._jieba.tag(part, HMM)
        return tagged[0][1] if len(tagged) == 1 else _shape_tag(part)


class _Jieba:
    """jieba with the user dictionary: the reference engine.

    The prefix dictionary is built straight from jieba's dict.txt rather than
    through ``initialize``, which would read and write a marshal cache in the
    shared temporary directory.
    """

    name = "jieba"

    def __init__(self, words: tuple[UserWord, ...]):
        import jieba

        self._dict_bytes = Path(jieba.__file__).with_name("dict.txt").read_bytes()
        tk = jieba.Tokenizer()
        tk.FREQ, tk.total = tk.gen_pfdict(io.BytesIO(self._dict_bytes))
        tk.initialized = True
        self._user_tags: dict[str, str] = {}
        for w in words:
            old = tk.FREQ.get(w.word, 0)
            tk.add_word(w.word, w.freq, w.tag)
            # jieba adds the new frequency to the total without taking the old
            # one off; jieba-rs replaces it.  Take it off so both see one total.
            tk.total -= old
            self._user_tags[w.word] = w.tag
        self._tk = tk
        self._tag_table: Optional[dict[str, str]] = None

    def tokenize(self, text: str) -> list[tuple[str, int, int]]:
        return list(self._tk.tokenize(text, mode="default", HMM=HMM))

    def cut(self, text: str) -> list[str]:
        return self._tk.lcut(text, HMM=HMM)

    def pos_tag(self, text: str) -> list[tuple[str, str]]:
        tags = self._tags()
        return [(w, tags.get(w) or _shape_tag(w)) for w in self._tk.lcut(text, HMM=HMM)]

    def _tags(self) -> dict[str, str]:
        # built on first use: only pos_tag needs it, and engines live as long as the process
        if self._tag_table is not None:
            return self._tag_table
        tags = dict(word_tags())  # a copy: the user dictionary's tags go on top of it
        tags.update(self._user_tags)
        self._tag_table = tags
        return tags


#: How much of jieba's dictionary :func:`word_tags` cuts at a time, in bytes.
_TAG_CHUNK = 1 << 18


@lru_cache(maxsize=1)
def word_tags() -> dict[str, str]:
    """Every word of jieba's dictionary with its POS tag (the last line of a word wins).

    The one copy of jieba's dictionary tags in a process (what ``jieba.posseg``'s
    ``word_tag_tab`` holds), shared by plans (topic words), the plan check and
    the reference engine.  The file is read directly, which skips building
    jieba's prefix dictionary (seconds, and a log line on stderr), and found
    without importing jieba.  The user dictionary's tags are not in it.

    Example:
        >>> word_tags()["残疾人"], word_tags()["不断"]
        ('n', 'd')
    """
    from importlib.util import find_spec

    raw = (Path(find_spec("jieba").origin).parent / "dict.txt").read_bytes()
    # Every line is "word freq tag": cut in one split, three times faster than line by line,
    # a quarter of a megabyte at a time, so that the words are still in the processor's cache
    # when the dictionary hashes them (0.12 s instead of 0.2 for the whole file at once; this
    # is the largest part of a worker's loading).  Chunks end at line ends and are added in
    # file order, so the last line of a word still wins.
    tags: dict[str, str] = {}
    start = 0
    while start < len(raw):
        end = raw.find(b"\n", start + _TAG_CHUNK)
        end = len(raw) if end < 0 else end + 1
        chunk = raw[start:end].decode("utf-8")
        fields = chunk.split()
        if len(fields) != 3 * chunk.count("\n") or not chunk.endswith("\n"):
            break
        tags.update(zip(fields[0::3], fields[2::3]))
        start = end
    else:
        return tags
    data = raw.decode("utf-8")
    tags = {}  # an odd line somewhere: line by line, as jieba reads it
    for line in data.splitlines():
        parts = line.split()
        if len(parts) >= 3:
            tags[parts[0]] = parts[2]
    return tags


def _shape_tag(word: str) -> str:
    # jieba-rs's rule for a word outside the dictionary: digits m, letters eng, else x
    alnum = [c for c in word if c.isascii() and c.isalnum()]
    if not alnum:
        return "x"
    return "m" if all(c.isdigit() for c in alnum) else "eng"


@lru_cache(maxsize=4)
def _engine(name: str, words: tuple[UserWord, ...]):
    if name == "rjieba":
        return _RJieba(words)
    if name == "jieba":
        return _Jieba(words)
    raise ValueError(f"unknown segmentation engine {name!r}; expected one of {ENGINES}")


@lru_cache(maxsize=1)
def engine_name() -> str:
    """The name of the segmentation engine in use: "rjieba", or "jieba" without it.

    Example:
        >>> engine_name()
        'rjieba'
    """
    try:
        import rjieba  # noqa: F401
    except ImportError:
        return "jieba"
    return "rjieba"


@lru_cache(maxsize=2)
def _shipped_engine(name: str):
    # keyed by name only: hashing the dictionary on every call would cost more than a short cut
    return _engine(name, user_words())


def _default(engine: Optional[str]):
    return _shipped_engine(engine or engine_name())


def tokenize(text: str, *, engine: Optional[str] = None) -> list[tuple[str, int, int]]:
    """Cut ``text`` into words with their offsets; whitespace and punctuation are words too.

    Args:
        text: any text (normally a document's normalised text).
        engine: "rjieba" or "jieba"; the default is :func:`engine_name`.

    Returns:
        ``(word, start, end)`` triples in text order with ``text[start:end] == word``,
        covering the whole text.

    Example:
        >>> tokenize("建设儿童之家15所")
        [('建设', 0, 2), ('儿童之家', 2, 6), ('15', 6, 8), ('所', 8, 9)]
    """
    return _default(engine).tokenize(text)


def lcut(text: str, *, engine: Optional[str] = None) -> list[str]:
    """Cut ``text`` into a list of words (jieba's ``lcut`` with the domain dictionary).

    Example:
        >>> lcut("继续实施“春蕾计划”和“两癌”救助项目")
        ['继续', '实施', '“', '春蕾计划', '”', '和', '“', '两癌', '”', '救助', '项目']
    """
    return _default(engine).cut(text)


def pos_tag(text: str, *, engine: Optional[str] = None) -> list[tuple[str, str]]:
    """Cut ``text`` into words with jieba POS flags (the same words as :func:`lcut`).

    Flags come from jieba's dictionary and the user dictionary (n, v, nz, j ...);
    a word found by the HMM is tagged by its shape, as jieba-rs does: m for
    digits, eng for Latin letters, x otherwise.

    Example:
        >>> pos_tag("组建环保妈妈志愿队伍1支")
        [('组建', 'v'), ('环保妈妈', 'nz'), ('志愿', 'n'), ('队伍', 'n'), ('1', 'm'), ('支', 'n')]
    """
    return list(_default(engine).pos_tag(text))


def warm_up() -> None:
    """Load the segmentation engine and the user dictionary now (batch workers call it at start).

    Example:
        >>> warm_up()
    """
    tokenize("上林县妇联2021年工作总结")
