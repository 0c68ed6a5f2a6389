"""Numerals and quantities of Chinese work reports: the grammar under the fact extractor.

Three layers, each usable alone:

* :func:`parse_number` turns one numeral into a float: Arabic (``1,314.5``,
  full-width ``１２３``), Chinese (``四千零四万``, ``两百``, ``二〇二二``),
  mixed (``3.5万``, ``13万2``, ``5亿1万4千6百``), traditional (``萬 億 負``),
  financial capitals (``壹拾贰``), fractions (``三分之一``) and ``百分之二十``.
  Pure Chinese numerals go through cn2an; what cn2an refuses (mixed forms,
  financial capitals, ranges) is evaluated here.
* :func:`scan_candidates` walks the text once and yields, in text order, every
  quantity (:class:`QuantityMatch`: ``1000多人``, ``近4.5万元``, ``6.5%-7%``)
  and every number-looking expression that is not one (:class:`Rejected`:
  dates, ordinals, list markers, document numbers, names and slogans such as
  十九大 or “三八”红旗手, figurative 一批, redacted XX万元) with the reason.
* :func:`scan_quantities` keeps the quantities; :func:`parse_quantity` reads
  the first quantity of a short expression.

The vocabulary is data in ``models/``: ``units.tsv`` (units, kinds, base units,
scales), ``approx.tsv`` (approximation and bound words), ``not_facts.tsv``
(names, slogans, places and figures of speech), ``change_verbs.tsv`` (the words
that make a figure a change), ``year_cues.tsv`` (period_*: spans of time looked back on)
and ``code_cues.tsv`` (words that make a bare number a code). Dates, ordinals,
list markers and document numbers are general shapes and are compiled here.

Everything is compiled regular expressions and one pass over the text: no
segmentation, so the scanner costs little next to jieba.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import Enum
from fractions import Fraction

from typing import Iterator, Optional, Union


from .lexicon import read_tsv, top_alternatives, word_alternation
from .lexicon import words as lexicon_words

# ---------------------------------------------------------------------------
# Records


@dataclass(frozen=True)
class Quantity:
    """What one quantity expression determines: the Fact fields of DESIGN.md.

    ``value`` is the number as written next to ``unit`` (4.5 for 近4.5万元);
    ``base_value`` is the same amount in ``base_unit`` (45000 元).
    """

    value: float
    unit: str
    value_max: Optional[float]
    base_value: float
    base_unit: str
    kind: str
    aspect: str
    approx: str


@dataclass(frozen=True)
class QuantityMatch:
    """A quantity found in a text; ``text[start:end] == surface``."""

    start: int
    end: int
    surface: str
    quantity: Quantity


# 四万万 (old style): ten thousand ten-thousands is one 亿, after a numeral only (亿万, 千万万 are idioms).
_WANWAN = re.compile(r"(?<=[\d零一二两三四五六七八九十])万万")


class Reason(str, Enum):
    """Why a number-looking expression is no fact: the closed set of codes ``--explain`` prints.

    The scanner, the lexicon ``models/not_facts.tsv`` (its ``reason`` column must hold one of
    these values; an unknown one stops the load) and the fact extractor's own filters all use
    these codes, and the extractor tests membership (``reason in NAME_REASONS``), never a prefix.
    A member is a ``str``: it compares, prints and serialises as its text (``"date"``).

    Example:
        >>> Reason("ordinal") is Reason.ORDINAL, Reason.DATE == "date"
        (True, True)
    """

    # shapes the scanner knows
    DATE = "date"
    TIME = "time"
    ORDINAL = "ordinal"
    LIST_MARKER = "list marker"
    DOC_NUMBER = "document number"
    RATE = "rate denominator (每)"
    CODE = "code or model name"
    URL = "web address"
    REDACTED = "redacted"
    PHONE = "phone number or id"
    NO_UNIT = "no unit"
    UNPARSABLE = "unparsable number"
    UNKNOWN_UNIT = "unknown unit"
    PERIOD = "period"
    # vocabulary of models/not_facts.tsv
    NAME = "name or slogan"
    PLACE = "place or organisation name"
    FIGURATIVE = "figurative"
    AGE_GROUP = "named age group"
    PAGE = "page navigation"
    DURATION = "duration or record"
    NORM = "per-unit norm"
    PROGRAMME = "programme name"
    # decided by summarylab.extract, which sees the words around a quantity
    CLASS = "class descriptor"
    NAMED_CLASS = "named class"
    REQUIREMENT = "name of a requirement"
    RHETORICAL = "rhetorical count"
    AGE_BRACKET = "age bracket"
    PART_OF_WORD = "part of a word"
    NO_VALUE = "no value"
    SPAN_MISMATCH = "span does not match surface"
    OUTSIDE = "outside a sentence"
    UNPARSED = "unparsed sentence"
    UNANALYSED = "unanalysed sentence"
    REPEATED = "repeated copy of the report"

    def __str__(self) -> str:
        return self.value

    def __repr__(self) -> str:
        return repr(self.value)


#: Reasons whose span reads as a word inside an indicator label (“三八”红旗手, 90后, 两癌, 亿元以上项目).
NAME_REASONS = frozenset({Reason.NAME, Reason.PLACE, Reason.AGE_GROUP, Reason.CODE, Reason.PROGRAMME,
                          Reason.REQUIREMENT, Reason.NAMED_CLASS})
#: Reasons of spans that say when, not what: skipped between an indicator and its number.
TIME_REASONS = frozenset({Reason.DATE, Reason.TIME, Reason.PERIOD, Reason.DURATION})


@dataclass(frozen=True)
class Rejected:
    """A number-looking expression that is not a quantity, with the reason (a :class:`Reason`)."""

    start: int
    end: int
    surface: str
    reason: Reason


# ---------------------------------------------------------------------------
# Characters

_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF10, 0xFF1A)}  # ０-９
_FULLWIDTH.update({ord("．"): ".", ord("，"): ",", ord("％"): "%", ord("－"): "-"})

# Traditional and financial numerals mapped to the plain forms cn2an knows.
_CN_VARIANTS = str.maketrans({
    "萬": "万", "億": "亿", "負": "负", "個": "个", "兩": "两", "點": "点",
    "壹": "一", "贰": "二", "貳": "二", "叁": "三", "參": "三", "叄": "三",
    "肆": "四", "伍": "五", "陆": "六", "陸": "六", "柒": "七", "捌": "八",
    "玖": "九", "拾": "十", "佰": "百", "仟": "千", "幺": "一", "〇": "零",
})

_CN_DIGITS = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
    "六": 6, "七": 7, "八": 8, "九": 9,
}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_BIG_UNITS = {"万": 10**4, "亿": 10**8}

# Every character that may be part of a Chinese numeral as written in a report.
_CN_CHARS = "零〇一二两三四五六七八九十百千万亿壹贰貳叁參肆伍陆陸柒捌玖拾佰仟萬億兩"
_CN_DIGIT_CHARS = "零〇一二两三四五六七八九壹贰貳叁參肆伍陆陸柒捌玖兩"

# ---------------------------------------------------------------------------
# parse_number

_ARABIC_PLAIN = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+")
_FRACTION = re.compile(r"(.+?)分之(.+)")
_SLASH_FRACTION = re.compile(r"(\d+(?:\.\d+)?)/(\d+(?:\.\d+)?)")
_RANGE_CN = re.compile(r"([一二两三四五六七八九])([二两三四五六七八九])([十百千万亿]*)")
_MIXED_TOKEN = re.compile(r"\d+(?:\.\d+)?|点[零一二两三四五六七八九]+|[零一二两三四五六七八九十百千万亿]")


def _to_float(d: Decimal) -> float:
    return float(d)


#: 两个亿, 三个多亿: 个 between a numeral and its scale word.
_FILLER_GE = re.compile(r"(?<=[\d零一二两三四五六七八九十百千])个(?=[多余几]?[万亿])")
#: 十多万, 500余万: the approximation word before a final scale.
_APPROX_BASE = re.compile(r"(?<=[\d零一二两三四五六七八九十百千])[多余几](?=[万亿]$)")
_YEAR_DIGITS = re.compile(r"(?:19|20)\d{2}")
_LATIN = re.compile(r"[A-Za-z]")
_PHONE_TAIL = re.compile(r"[-—]\d{7,8}")


def parse_number(text: str) -> Optional[float]:
    """Parse one numeral, in any of the forms reports use, into a float.

    The whole of ``text`` (surrounding spaces aside) must be the numeral; a
    trailing 个 (traditional 個) is allowed.  A colloquial range such as 五六百
    or 两三 gives its lower bound (``parse_quantity`` gives both bounds), and so
    does an approximate base: 十多万, 500余万 and 二十几万 give 100000, 5000000 and
    200000 (``parse_quantity`` adds approx ``more_than``).  Also read: a sign
    (-22.2, 负0.2), a fraction written 3/5, 四万万 (old style for 亿) and 两个亿.

    Args:
        text: the numeral, e.g. ``四千零四万``, ``1,314``, ``３．５万``,
            ``5亿1万4千6百``, ``壹拾贰``, ``負三``, ``三分之一``, ``百分之二十``.

    Returns:
        The number, or None when ``text`` is not a numeral.  Never raises.

    Example:
        >>> parse_number("四千零四万")
        40040000.0
        >>> parse_number("百分之二十")
        20.0
        >>> parse_number("3万4000")
        34000.0
        >>> parse_number("一些") is None
        True
        >>> parse_number("十多万"), parse_number("四万万"), parse_number("3/5")
        (100000.0, 400000000.0, 0.6)
    """
    if not isinstance(text, str):
        return None
    s = text.strip().translate(_FULLWIDTH).translate(_CN_VARIANTS).replace("，", ",")
    s = s.replace(" ", "").replace("−", "-")
    if s.endswith("个") and len(s) > 1:
        s = s[:-1]
    # 两个亿, 三个多亿: 个 between a numeral and its scale word is only spoken filler
    s = _FILLER_GE.sub("", s)
    # 四万万 (old style): ten thousand ten-thousands is one 亿; 亿万 and 千万万 are idioms
    s = _WANWAN.sub("亿", s)
    # 十多万, 500余万, 二十几万: the lower bound of an approximate base
    s = _APPROX_BASE.sub("", s)
    if not s or len(s) > 60:
        return None
    sign = 1.0
    if s[0] in "负-+":
        sign = -1.0 if s[0] in "负-" else 1.0
        s = s[1:]
        if not s or s[0] in "负-+":
            return None
    value = _parse_unsigned(s)
    return None if value is None else sign * value


# Remembered: a pure function of the normalised numeral, and reports repeat their numerals
# (百分之十, 一千万) across sentences and documents; the recursive calls (百分之 + 十, the two
# parts of a fraction) go through the cache too.
#: The words of a share in words, with the sign it is written as and its size in per cent
#: (千分之五 is 0.5%; 万分之2.4, a rate of failures or losses, 0.024%).
_PER_SCALE = {"百分之": ("%", Decimal(1)), "千分之": ("‰", Decimal("0.1")), "万分之": ("‱", Decimal("0.01"))}


@functools.lru_cache(maxsize=4096)
def _parse_unsigned(s: str) -> Optional[float]:
    if _ARABIC_PLAIN.fullmatch(s):
        try:
            return _to_float(Decimal(s.replace(",", "")))
        except InvalidOperation:  # pragma: no cover - the pattern admits only decimals
            return None
    if s[:3] in _PER_SCALE:
        rest = _parse_unsigned(s[3:])
        if rest is None:
            return None
        return float(_decimal(rest) * _PER_SCALE[s[:3]][1])  # per mille, per ten thousand read as per cent
    slash = _SLASH_FRACTION.fullmatch(s)
    if slash:  # 3/5
        den = Decimal(slash.group(2))
        return None if den == 0 else _to_float(Decimal(slash.group(1)) / den)
    frac = _FRACTION.fullmatch(s)
    if frac:
        den, num = _parse_unsigned(frac.group(1)), _parse_unsigned(frac.group(2))
        if den is None or num is None or den == 0:
            return None
        return num / den
    if not all(c.isdigit() or c in ".点" or c in "零一二两三四五六七八九十百千万亿" for c in s):
        return None
    rng = _cn_range(s)
    if rng is not None:
        return rng[0]
    if not any(c.isdigit() for c in s):
        # Imported on the first pure Chinese numeral, not with the module: its import
        # compiles about twenty large patterns (0.1-0.15 s), which a program that reads
        # only Arabic numbers never needs.  A batch ingest's fork server loads it once in its
        # warm-up (batch.warm_up), so that no worker pays it again.
        import cn2an

        try:
            # cn2an's "normal" mode reads 两百, 二〇二二, 十三万二 and 一万零五.
            return float(cn2an.cn2an(s, "normal"))
        except Exception:  # cn2an signals any form it does not know by raising
            pass
    return _evaluate(s)


def _cn_range(s: str) -> Optional[tuple[float, float]]:
    """两三 -> (2, 3); 五六百 -> (500, 600); 三四十 -> (30, 40); 十五六 -> (15, 16)."""
    head = ""
    body = s
    if len(s) >= 3 and s[0] == "十":  # 十五六 = 15 or 16
        head, body = "十", s[1:]
    m = _RANGE_CN.fullmatch(body)
    if not m:
        return None
    a, b = _CN_DIGITS[m.group(1)], _CN_DIGITS[m.group(2)]
    if b != a + 1:
        return None
    scale = 1
    for ch in m.group(3):
        scale *= _SMALL_UNITS.get(ch, 0) or _BIG_UNITS.get(ch, 0)
    if head:
        if m.group(3):
            return None
        return 10.0 + a, 10.0 + b
    return float(a * scale), float(b * scale)


@dataclass
class _Registers:
    """The registers of :func:`_evaluate`: ``total`` (everything scaled by 万 or 亿 so far),
    ``section`` (the part below 万), ``num`` (the digit waiting for its unit)."""

    total: Decimal = Decimal(0)
    section: Decimal = Decimal(0)
    num: Optional[Decimal] = None
    digits: str = ""  # consecutive Chinese digits without units: 二〇二二
    last_unit: int = 0
    zero_seen: bool = False
    prev_kind: str = ""

    def arabic(self, tok: str) -> bool:
        if self.num is not None or self.digits:
            return False
        self.num, self.prev_kind = Decimal(tok), "num"
        return True

    def point(self, tok: str) -> bool:
        base = self.num if self.num is not None else (Decimal(self.digits) if self.digits else None)
        if base is None or self.prev_kind not in ("num", "digit") or base != int(base):
            return False
        frac = "".join(str(_CN_DIGITS[c]) for c in tok[1:])
        self.num, self.digits, self.prev_kind = Decimal(f"{int(base)}.{frac}"), "", "num"
        return True

    def digit(self, tok: str) -> bool:
        if tok == "零" and self.prev_kind == "unit":
            self.zero_seen, self.prev_kind = True, "zero"
            return True
        if self.prev_kind == "digit" or (self.prev_kind == "num" and self.digits):
            self.digits += str(_CN_DIGITS[tok])
        elif self.num is not None:
            return False
        else:
            self.digits = str(_CN_DIGITS[tok])
        self.num, self.prev_kind = Decimal(self.digits), "digit"
        return True

    def small_unit(self, tok: str) -> bool:
        if len(self.digits) > 1:
            return False
        unit = _SMALL_UNITS[tok]
        self.section += (self.num if self.num is not None else Decimal(1)) * unit
        self.num, self.digits, self.zero_seen = None, "", False
        self.last_unit, self.prev_kind = unit, "unit"
        return True

    def big_unit(self, tok: str) -> bool:
        if len(self.digits) > 1 or self.prev_kind == "":
            return False  # a numeral cannot start with 万 or 亿
        unit = _BIG_UNITS[tok]
        part = self.section + (self.num if self.num is not None else Decimal(0))
        self.total = (self.total + part) * unit if tok == "亿" else self.total + part * unit
        self.section, self.num, self.digits, self.zero_seen = Decimal(0), None, "", False
        self.last_unit, self.prev_kind = unit, "unit"
        return True

    def step(self, tok: str) -> bool:
        if tok[0].isdigit():
            return self.arabic(tok)
        if tok.startswith("点"):
            return self.point(tok)
        if tok in _CN_DIGITS:
            return self.digit(tok)
        return self.small_unit(tok) if tok in _SMALL_UNITS else self.big_unit(tok)

    def value(self) -> float:
        num = self.num
        if num is not None:
            lone = len(self.digits) == 1 or (self.digits == "" and self.prev_kind == "num"
                                             and len(str(num)) == 1)
            if lone and self.last_unit >= 10 and not self.zero_seen and self.section + self.total > 0:
                num = num * self.last_unit / 10  # 13万2, 一百五: the digit of the next unit down
            return _to_float(self.total + (self.section + num))
        return _to_float(self.total + self.section)


def _evaluate(s: str) -> Optional[float]:
    """Evaluate a numeral cn2an refuses: mixed Arabic and Chinese, or 5亿1万4千6百.

    Reads left to right keeping three registers (see :class:`_Registers`).  A lone
    digit after a unit is the colloquial abbreviation (13万2 is 132000, 一百五 is
    150), unless 零 came between.
    """
    tokens = _MIXED_TOKEN.findall(s)
    if "".join(tokens) != s or not tokens:
        return None
    reg = _Registers()
    for tok in tokens:
        if not reg.step(tok):
            return None
    return reg.value()


# ---------------------------------------------------------------------------
# Lexicons


@dataclass(frozen=True)
class _Unit:
    unit: str
    kind: str
    base_unit: str
    scale: Decimal
    scalable: bool
    family: str = ""
    family_scale: float = 1.0


@functools.cache
def _units() -> dict[str, _Unit]:
    """The unit lexicon of ``models/units.tsv``, by unit as written."""
    units = {}
    for row in read_tsv("units.tsv", header=True):
        unit, kind, base, scale, scalable, family, family_scale = (row + [""] * 7)[:7]
        units[unit] = _Unit(unit, kind, base, Decimal(scale or "1"), scalable == "yes",
                            family, float(Fraction(family_scale or "1")))
    return units


def in_family(value: float, base_unit: str, other_unit: str) -> Optional[float]:
    """``value`` (in ``base_unit``) expressed in ``other_unit`` when both measure one quantity
    (mass, area, length, power: units.tsv ``family``), else None.

    Example:
        >>> in_family(4620, "公斤", "吨"), in_family(66.7, "公顷", "亩"), in_family(3, "吨", "亩")
        (4.62, 1000.5, None)
    """
    units = _units()
    a, b = units.get(base_unit), units.get(other_unit)
    if a is None or b is None or not a.family or a.family != b.family:
        return None
    return round(value * a.family_scale / b.family_scale, 4)


# Scale prefixes a scalable unit may carry (万元, 亿美元, 千万元, 万亿斤).
_SCALES = {
    "万亿": Decimal(10) ** 12, "千亿": Decimal(10) ** 11, "百亿": Decimal(10) ** 10,
    "十亿": Decimal(10) ** 9, "亿": Decimal(10) ** 8, "千万": Decimal(10) ** 7,
    "百万": Decimal(10) ** 6, "十万": Decimal(10) ** 5, "万": Decimal(10) ** 4,
    "千": Decimal(10) ** 3, "百": Decimal(10) ** 2,
}


@functools.cache
def change_words(direction: str, form: str, use: str = "aspect") -> tuple[str, ...]:
    """The change verbs of ``models/change_verbs.tsv`` of one direction and form, in file order.

    ``use`` picks the column: ``aspect`` (what numbers reads before a figure) or ``label``
    (what extract keeps at the end of a label).

    Example:
        >>> change_words("increase", "noun")[:3]
        ('增速', '增幅', '涨幅')
    """
    return tuple(word for d, f, word, aspect, label in read_tsv("change_verbs.tsv", header=True)
                 if d == direction and f == form and (aspect if use == "aspect" else label) == "yes")


@dataclass(frozen=True)
class _Approx:
    prefix: dict[str, tuple[str, str]]   # word -> (approx, not_after)
    mid: dict[str, str]
    suffix: dict[str, str]
    context: dict[str, str]


@functools.cache
def _approx() -> _Approx:
    """The approximation words of ``models/approx.tsv``, by position."""
    prefix, mid, suffix, context = {}, {}, {}, {}
    for row in read_tsv("approx.tsv", header=True):
        word, position, approx, not_after = (row + [""] * 4)[:4]
        if position == "prefix":
            prefix[word] = (approx, not_after)
        elif position == "mid":
            mid[word] = approx
        elif position == "suffix":
            suffix[word] = approx
        elif position == "context":
            context[word] = approx
    return _Approx(prefix, mid, suffix, context)


@functools.cache
def _not_facts() -> list[tuple[str, str]]:
    """(pattern, reason) pairs of ``models/not_facts.tsv``."""
    # Reason(...) raises on a code outside the closed set: a typo in the lexicon fails at once.
    return [(row[0], Reason(row[1])) for row in read_tsv("not_facts.tsv", header=True) if len(row) >= 2]


def _alternation(words) -> str:
    # Longest first: a unit or scale wins over its own prefix (万元 before 元).
    return word_alternation(words, longest_first=True)


# ---------------------------------------------------------------------------
# The scanner's patterns

# Scrapers of the national reports left digits spaced out ("3 2 5 1 亿美元", 1998): a
# run of single digits separated by single spaces is one number.
#: A number written in thousands groups (34，250; 1,484): one number, its commas no punctuation.
GROUPED_DIGITS = r"\d{1,3}(?:[,，]\d{3})+(?!\d)"
_ARABIC = rf"(?:{GROUPED_DIGITS}|\d(?: \d)+(?![\d.])|\d+)(?:\.\d+)?"
# What _ARABIC reads after its first digit, alternative by alternative (\d{1,3} → \d{0,2},
# \d(?: \d)+ → (?: \d)+, \d+ → \d*): the same numbers, tried in the same order, for a
# scan that opens with that digit (see ``bare`` in :func:`_grammar`).
_ARABIC_AFTER_FIRST = r"(?:\d{0,2}(?:[,，]\d{3})+(?!\d)|(?: \d)+(?![\d.])|\d*)(?:\.\d+)?"
_MIXED = rf"{_ARABIC}(?:[十百千万亿萬億]+\d+(?:\.\d+)?)+"
_CN_NUM = rf"[{_CN_CHARS}]+(?:[点點][{_CN_DIGIT_CHARS}]+)?"
_NUM = rf"(?:(?<![\d.]){_MIXED}|(?<![\d.]){_ARABIC}|(?<![{_CN_CHARS}]){_CN_NUM})"
_SEP = r"[ ]?(?:至|到|~|～|-|－|—{1,2}|–|─)[ ]?"


@dataclass(frozen=True)
class _Grammar:
    quantity: re.Pattern
    no_range: re.Pattern
    blocker: re.Pattern
    blocker_reasons: dict[str, str]
    bare: re.Pattern
    change: re.Pattern
    context_approx: Optional[re.Pattern]


# Characters other than digits and Chinese numerals that a rejected expression may
# begin with: brackets of document numbers and list markers, quotes, 第, 每, 前 (前三季度),
# 进 (进一步), Latin letters (5G, PM2.5), redaction marks, and indentation before a marker.
_BLOCKER_FIRSTS = r"〔\[［【(（“第每前进A-Za-zXxＸ×*＊?&？ \t"


def _unit_pattern(units: dict[str, _Unit], tag: str) -> str:
    all_units = _alternation(units)
    scalable = _alternation(u for u, info in units.items() if info.scalable)
    scales = _alternation(_SCALES)
    mids = _alternation(_approx().mid)
    # Units that begin with a scale character (千瓦, 千米, 百分点) are tried first,
    # so that 4千瓦时 reads as 4 千瓦时 rather than 4千 瓦.
    leading = _alternation(u for u in units if u[0] in "万亿千百十")
    # 提高2个多百分点: the approximation word sits inside the unit.
    inner = rf"个(?:{mids})百分点"
    return (rf"(?P<{tag}>{inner}|(?:{leading})|(?:{scales})(?:{mids})?(?:{scalable})|(?:{all_units}))")


@functools.cache
def _grammar() -> _Grammar:
    units = _units()
    ap = _approx()
    prefix_alts = []
    for word, (_, not_after) in sorted(ap.prefix.items(), key=lambda kv: -len(kv[0])):
        guard = f"(?<![{re.escape(not_after)}])" if not_after else ""
        prefix_alts.append(guard + re.escape(word))
    prefix = "|".join(prefix_alts)
    mids = _alternation(ap.mid)
    suffix = _alternation(ap.suffix)
    scales = _alternation(_SCALES)
    pct_num = rf"(?:{_ARABIC}|[{_CN_CHARS}]+(?:[点點][{_CN_DIGIT_CHARS}]+)?)"
    shares = "|".join(_PER_SCALE)  # 百分之, 千分之, 万分之: the words _PER_SCALE reads
    # A sign belongs to the number when nothing numeric stands right before it (增长-3.5%,
    # 负0.2千米); after a digit the dash joins a range (3-5人).
    sign = r"(?P<sign>(?<![\d.A-Za-z%％)）\-－−])[-－−](?=\d)|负(?=[\d零〇一二两三四五六七八九十]))"
    head = rf"(?P<pre>{prefix})?{sign}?(?:"
    percent = (
        # 百分之二十, 百分之五至百分之八
        rf"(?P<pct>{shares})(?P<pn1>{pct_num})"
        rf"(?:(?:至|到|-|—|～)(?:{shares})?(?P<pn2>{pct_num}))?"
        # 三分之一
        rf"|(?P<fden>[{_CN_CHARS}]+)分之(?P<fnum>[{_CN_CHARS}]+(?:[点點][{_CN_DIGIT_CHARS}]+)?)"
    )
    # 3至5人, 6.5%-7%, 3万-5万元
    span = (rf"|(?P<n1>{_NUM})(?P<s1>{scales})?(?P<m1>{mids})?{_unit_pattern(units, 'u1')}?"
            rf"{_SEP}(?P<pre2>{prefix})?(?P<n2>{_NUM})(?P<m2>{mids})?{_unit_pattern(units, 'u2')}")
    # 1000多人, 近4.5万元, 24.3%
    # 两个亿, 三个多亿: spoken 亿 with 个 between the numeral and the scale
    spoken = r"|(?P<nk>(?<![\d.])\d+(?:\.\d+)?|(?<![零〇一二两三四五六七八九十百千])[一二两三四五六七八九十百千]+)个(?P<mk>多|余)?亿"
    single = rf"{spoken}|(?P<n>{_NUM})(?P<m>{mids})?[ ]?{_unit_pattern(units, 'u')}"
    # 惠及1.6亿学生, 3亿多农村人口: a scale word and then the noun, no measure word.
    # 8500到3万, 八百到九百亿: a range that ends in a scale word and no measure word; the
    # scale applies to both ends when that keeps them in order.
    scale_range = (rf"|(?P<r1>{_NUM})(?P<rs1>万亿|亿|万)?{_SEP}(?P<r2>(?<![\d.]){_ARABIC}"
                   rf"|[一二两三四五六七八九十][零〇一二两三四五六七八九十百千]*)(?P<rs2>万亿|亿|万)(?![\d.%])")
    # 惠及1.6亿学生, 3亿多农村人口, 500余万, 三百万农民: a scale word and then the noun, no
    # measure word.  A Chinese numeral needs two characters before the scale (十万火急 is an idiom).
    scale_only = (rf"|(?P<ns>(?<![\d.]){_MIXED}|(?<![\d.]){_ARABIC}"
                  rf"|(?<![{_CN_CHARS}])[一二两三四五六七八九十](?:[零〇一二两三四五六七八九十百千]+|(?=[多余几亿])))"
                  rf"(?P<ms0>{mids})?(?P<ss>万亿|亿|万)(?P<ms>{mids})?(?![\d.%])")
    single += scale_only
    tail = rf")(?P<post>{suffix})?"
    # Python's re tries every alternative at every offset; a leading lookahead on the
    # characters a quantity can begin with lets it skip the rest of the text at C speed
    # (about ten times faster on a national report).
    firsts = "".join(sorted({w[0] for w in ap.prefix})) + "-－−负"
    lead = rf"(?=[\d{_CN_CHARS}{re.escape(firsts)}])"
    quantity = re.compile(lead + head + percent + span + scale_range + single + tail)
    # Used when a "range" turns out to join two different quantities (3场至5人).
    no_range = re.compile(head + percent + single + tail)

    cn = "一二两三四五六七八九十"
    unit_any = _alternation(units)
    code_patterns = [
        ("doc", Reason.DOC_NUMBER,
         r"[〔\[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]\s*(?:第\s*)?\d*\s*号?"
         rf"|\d+号文件?|[{cn}]+号文件"),
        ("date", Reason.DATE,
         r"(?:19|20)\d{2}\s*[—\-～~至到]\s*(?:19|20)?\d{2}\s*年(?:度)?"
         r"|(?:1 ?9|2 ?0) ?\d ?\d\s*年(?:度)?(?:\s*\d{1,2}\s*月(?:份)?(?:\s*\d{1,2}\s*[日号])?)?"
         r"|(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}(?!\d)"
         r"|(?<![\d.])\d{1,2}\s*[—\-～~至到]\s*\d{1,2}\s*月(?:份)?"
         r"|(?<![\d.])\d{1,2}\s*月(?:份)?(?:\s*\d{1,2}\s*[日号])?"
         r"|(?<![\d.])\d{1,2}\s*[日号](?![\d])"
         r"|(?:一九|二[〇零○Ｏ])[〇零○Ｏ一二三四五六七八九]{2}年?(?:度|底|末|初)?"
         # a year of the 2010s or 2020s whose 〇 a converter lost: 二一三年工作回顾 (2013)
         rf"|(?<![{_CN_CHARS}个第])二[一二][〇零○一二三四五六七八九]年(?:度|底|末|初)?"
         rf"|(?<![{_CN_CHARS}个])(?:十[一二]|[一二三四五六七八九十])月(?:份)?(?:[一二三]?十?[一二三四五六七八九十]?[日号])?"
         r"|前?[一二三四1-4]季度"),
        ("time", Reason.TIME,
         r"(?<![\d.])\d{1,2}\s*时(?:\s*\d{1,2}\s*分)?|(?<![\d.])\d{1,2}:\d{2}(?!\d)"
         r"|(?<![\d.])\d{1,2}\s*点(?:\s*\d{1,2}\s*分|半)?(?![\d百])"),
        ("ordinal", Reason.ORDINAL,
         rf"第\s*(?:{_ARABIC}|[{_CN_CHARS}]+)(?:\s*(?:{unit_any}|[章条款节届季度批名位]))?"
         rf"|(?:{_ARABIC}|[{_CN_CHARS}]+)周年"
         # 排名前10名, 前三位: a rank, not a count
         rf"|前\s*(?:{_ARABIC}|[{_CN_CHARS}]+)\s*(?:名|位)"),
        ("marker", Reason.LIST_MARKER,
         r"(?m:^[ \t]*(?:\d{1,2}\s*[.．、](?!\d)|[（(]\d{1,2}[）)]|[（(][一二三四五六七八九十]{1,3}[）)]"
         r"|[一二三四五六七八九十]{1,3}[、.．]))"
         r"|[（(]\d{1,2}[）)]|[（(][一二三四五六七八九十]{1,3}[）)]"
         r"|(?<=[：:。；;，,\s])\d{1,2}、(?=\D)"
         r"|(?:(?<=[：:。；;，,！\s“])|(?m:^))[一二三四五六七八九十]{1,2}是"),
        ("per", Reason.RATE,
         rf"每\s*(?:{_ARABIC}|[{_CN_CHARS}]+)(?:\s*(?:{unit_any}))?"),
        ("event", Reason.NAME, r"(?<![\d.])\d{1,2}·\d{1,2}(?![\d])"),
        ("generation", Reason.NAME, r"(?<![\d.])\d0后"),
        ("quote", Reason.NAME,
         rf"“(?=[^”“\n\d%％]{{0,10}}”)(?=[^”]*[{_CN_CHARS}])[^”“\n\d%％]{{1,10}}”"),
        ("url", Reason.URL,
         # a web address or its query string (…?q=30%25%2020%): its digits are no amounts
         r"(?:https?://|www\.)[\x21-\x7e]+|[?&][A-Za-z_][\w.]*=[\x21-\x7e]*"
         r"|\d+(?:\.\d+)?(?:%[0-9A-Fa-f]{2}){2,}[\x21-\x7e]*"),
        ("code", Reason.CODE,
         r"[A-Za-z]+\d+(?:\.\d+)?[A-Za-z\d]*|\d+(?:\.\d+)?[A-Za-z]+(?![A-Za-z]*[\u4e00-\u9fff]{0,0}元)"),
        ("redacted", Reason.REDACTED,
         rf"(?<![A-Za-z])[XxＸ×*＊]{{1,4}}(?:{scales})?(?:{unit_any})"),
    ]
    reasons: dict[str, str] = {}
    alts: list[str] = []
    tagged = [(tag, reason, pat) for tag, reason, pat in code_patterns]
    tagged += [(f"nf{i}", reason, pattern) for i, (pattern, reason) in enumerate(_not_facts())]
    for tag, reason, pat in tagged:
        # Each top-level alternative on its own, its name in an empty group after it: the
        # alternatives are tried in the same order and the one that matched still names the
        # reason (the last group closed), but one that opens with a character or a class is
        # skipped by the regex engine at a glance where a group around it had to be entered
        # (half the time of the blocker scan on the national reports).
        for k, part in enumerate(top_alternatives(pat)):
            reasons[f"{tag}__{k}"] = reason
            alts.append(f"(?:{part})(?P<{tag}__{k}>)")
    # Same speed-up as for quantities.  Every pattern above, and every pattern of
    # not_facts.tsv, begins with one of these characters (tests/test_numbers.py checks
    # the examples of not_facts.tsv, so a new pattern that breaks this is caught).
    blocker = re.compile(rf"(?=[\d{_CN_CHARS}{_BLOCKER_FIRSTS}])(?:" + "|".join(alts) + ")")

    # (?<![\d.]){_ARABIC}, written to open with the first digit (checked to stand after no
    # digit nor point): a pattern opening with a class skips the text between digits at C
    # speed, one opening with a lookbehind is tried at every position.
    bare = re.compile(rf"\d(?<![\d.]\d){_ARABIC_AFTER_FIRST}")

    # A change verb right before the figure makes it a change (同比增长8%); a verb
    # followed by 到/至/为 gives the new level (提高到30%, 降为5%), so those are no fillers
    # after verbs.  After a noun that names a rate of change (涨幅, 增速) 为/控制在 are
    # fine: 涨幅控制在3.5% is still an increase.  The words: models/change_verbs.tsv.
    inc_verb, inc_noun = change_words("increase", "verb"), change_words("increase", "noun")
    dec_verb, dec_noun = change_words("decrease", "verb"), change_words("decrease", "noun")
    inc_verb, inc_noun, dec_verb, dec_noun = map(word_alternation, (inc_verb, inc_noun, dec_verb, dec_noun))
    verb_fill = "(?:" + word_alternation(change_words("filler", "verb")) + ")*"
    noun_fill = "(?:" + word_alternation(change_words("filler", "noun")) + ")*"
    change = re.compile(
        rf"(?:(?P<inc>(?:{inc_noun}){noun_fill}|(?<!新)(?:{inc_verb}){verb_fill})"
        rf"|(?P<dec>(?:{dec_noun}){noun_fill}|(?:{dec_verb}){verb_fill}))$")
    ctx = _alternation(ap.context)
    context_approx = re.compile(rf"({ctx})(?:在|为)?$") if ctx else None
    return _Grammar(quantity, no_range, blocker, reasons, bare, change, context_approx)


# ---------------------------------------------------------------------------
# Building a Quantity from a match

_BOUND_RANK = {"exact": 0, "about": 1, "near": 1, "more_than": 2, "at_least": 2, "at_most": 2}


def _split_cn_scale(numeral: str) -> tuple[str, str]:
    """一千三百万 -> (一千三百, 万): a trailing 万/亿 of a Chinese numeral belongs to the unit."""
    if numeral and not numeral[0].isdigit():
        for scale in ("万亿", "亿", "万"):
            if numeral.endswith(scale) and len(numeral) > len(scale):
                head = numeral[: -len(scale)]
                # 一百零三亿七千万 is one numeral: 万 closes 七千 under 亿, it is no prefix.
                if not any(c in head for c in "万亿萬億"):
                    return head, scale
    return numeral, ""


def _read_unit(unit_text: str) -> tuple[Optional[_Unit], Decimal, str, str]:
    """Split a unit as written into (lexicon entry, scale, mid approx word, unit without it)."""
    units = _units()
    if unit_text in units:
        return units[unit_text], Decimal(1), "", unit_text
    if unit_text.startswith("个") and unit_text.endswith("百分点") and len(unit_text) == 5:
        return units["个百分点"], Decimal(1), unit_text[1], "个百分点"
    for scale in sorted(_SCALES, key=len, reverse=True):
        if unit_text.startswith(scale):
            rest = unit_text[len(scale):]
            mid = ""
            for word in _approx().mid:
                if rest.startswith(word) and rest[len(word):] in units:
                    mid, rest = word, rest[len(word):]
                    break
            if rest in units:
                return units[rest], _SCALES[scale], mid, scale + rest
    return None, Decimal(1), "", unit_text


def _number_and_range(numeral: str) -> tuple[Optional[float], Optional[float]]:
    s = numeral.translate(_CN_VARIANTS)
    rng = _cn_range(s) if s and not s[0].isdigit() else None
    if rng is not None:
        return rng
    return parse_number(numeral), None


def _decimal(x: float) -> Decimal:
    return Decimal(repr(x))


def _base(value: float, scale: Decimal, unit: _Unit) -> float:
    return float(_decimal(value) * scale * unit.scale)


class _Fail(Exception):
    """Raised inside the builder when a candidate cannot be read; never escapes."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _build(m: re.Match, text: str) -> tuple[int, int, Quantity]:
    """Turn one match of the quantity pattern into (start, end, Quantity): the sign, 成半, the rest."""
    start, end, q = _build_unsigned(m, text)
    if q.unit == "成" and text[end:end + 1] == "半":
        # 三成半: half a tenth more (35%)
        end += 1
        q = Quantity(q.value + 0.5, q.unit, q.value_max, q.base_value + 5.0, q.base_unit, q.kind,
                     q.aspect, q.approx)
    if m.groupdict().get("sign"):
        # -22.2%, 增长-3.5%, 负0.2千米: the sign turns the value (the lower end of a range)
        q = Quantity(-q.value, q.unit, q.value_max, -q.base_value, q.base_unit, q.kind, q.aspect,
                     q.approx)
    return start, end, q


def _build_yi(g: dict, m: re.Match, ap, approx: str) -> tuple[int, int, Quantity]:
    """个亿 forms (两个亿, 三个多亿): an amount of 亿 without a measure word."""
    start, end = m.start(), m.end()
    v = parse_number(g["nk"])
    if v is None:
        raise _Fail(Reason.UNPARSABLE)
    if g.get("mk"):
        approx = _stronger(approx, "more_than")
    if g["post"] and g["post"] not in _BOUND_SUFFIXES:
        end = m.start("post")
    elif g["post"]:
        approx = _stronger(approx, ap.suffix[g["post"]])
    return start, end, Quantity(v, "亿", None, float(_decimal(v) * _SCALES["亿"]), "",
                                "other", "level", approx)


def _build_scale_range(g: dict, m: re.Match, ap, approx: str) -> tuple[int, int, Quantity]:
    """A range of bare scales: 8500到3万, 七十亿到一百亿."""
    hi = parse_number(g["r2"].replace("，", ","))
    lo = parse_number(g["r1"].replace("，", ","))
    if hi is None or lo is None:
        raise _Fail(Reason.UNPARSABLE)
    scale = _SCALES[g["rs2"]]
    if g.get("rs1"):
        lo = float(_decimal(lo) * _SCALES[g["rs1"]] / scale)
    elif lo > hi:
        lo = float(_decimal(lo) / scale)  # 8500到3万: the first end is written in full
    if lo > hi:
        raise _Fail("split range")
    approx, end = _after_number(g, m, ap, approx, m.end())
    return m.start(), end, Quantity(lo, g["rs2"], hi, float(_decimal(lo) * scale), "",
                                    "other", "level", approx)


def _build_scale(g: dict, m: re.Match, ap, approx: str) -> tuple[int, int, Quantity]:
    """A bare scale without a measure word: 500余万, 3亿多."""
    v = parse_number(g["ns"].replace("，", ","))
    if v is None:
        raise _Fail(Reason.UNPARSABLE)
    scale = _SCALES[g["ss"]]
    for mid_word in (g.get("ms0"), g.get("ms")):
        if mid_word:  # 500余万, 3亿多
            approx = _stronger(approx, ap.mid.get(mid_word, "more_than"))
    approx, end = _after_number(g, m, ap, approx, m.end())
    # No measure word is written, so there is no base unit and the kind is open.
    return m.start(), end, Quantity(v, g["ss"], None, float(_decimal(v) * scale), "",
                                    "other", "level", approx)


def _build_fraction(g: dict, m: re.Match, ap, approx: str) -> tuple[int, int, Quantity]:
    """A fraction: 三分之一, 五分之二以上."""
    den, num = parse_number(g["fden"]), parse_number(g["fnum"])
    if not den or num is None:
        raise _Fail(Reason.UNPARSABLE)
    v = num / den
    if g["post"]:
        approx = _stronger(approx, ap.suffix.get(g["post"], "more_than"))
    return m.start(), m.end(), Quantity(v, "", None, v, "", "ratio", "level", approx)


@dataclass
class _Read:
    """A value read with its unit, before the approximation words around it are applied."""

    value: float
    value_max: Optional[float]
    unit: _Unit
    q_unit: str
    base_value: float
    mid: str


def _read_percent(g: dict) -> _Read:
    """百分之二十, 千分之五 and 万分之二点四 (read as per cent), 百分之十至十五."""
    v = parse_number(g["pn1"])
    if v is None:
        raise _Fail(Reason.UNPARSABLE)
    written, scale = _PER_SCALE[g["pct"]]
    value_max = parse_number(g["pn2"]) if g["pn2"] else None
    return _Read(v, value_max, _units()["%"], written, float(_decimal(v) * scale), "")


def _range_low(g: dict, unit_info: _Unit, scale: Decimal, v: float) -> float:
    """The first end of a range that shares the unit of the second (3至5人, 3-5万元, 七十亿到一百亿元)."""
    head1, scale1 = _split_cn_scale(g["n1"].replace("，", ","))
    lo, _ = _number_and_range(head1)
    if lo is None:
        raise _Fail(Reason.UNPARSABLE)
    u1 = g["u1"]
    if scale1 and not u1:
        lo = float(_decimal(lo) * _SCALES[scale1] / scale)  # 七十亿到一百亿元
    elif u1:
        u1_info, u1_scale, _, _ = _read_unit(u1)
        if u1_info is None or u1_info.base_unit != unit_info.base_unit:
            raise _Fail("split range")
        lo = float(_decimal(lo) * u1_scale / scale)
    elif g["s1"]:
        lo = float(_decimal(lo) * _SCALES[g["s1"]] / scale)
    elif lo > v and scale != 1:
        lo = float(_decimal(lo) / scale)  # 从8500到3万港元: the first end is written in full
    if lo > v:
        raise _Fail("split range")
    return lo


def _read_with_unit(g: dict, m: re.Match, text: str) -> _Read:
    """A numeral with its measure word: 1300万人, 5亿1万4千6百元, 3至5人."""
    if g["n2"] is not None:
        numeral, unit_text, mid = g["n2"], g["u2"], g["m2"] or ""
    else:
        numeral, unit_text, mid = g["n"], g["u"], g["m"] or ""
    numeral_clean = numeral.replace("，", ",")
    if numeral_clean[0] in _BARE_SCALE:
        if not _bare_scale_is_a_number(m, text):
            # 万吨级, 亿万人民, 千家万户, 百年大计: idioms, not amounts.
            raise _Fail(Reason.FIGURATIVE)
        numeral_clean = "一" + numeral_clean  # 近百个, 百万人, 万亿斤: one hundred, ...
    head, cn_scale = _split_cn_scale(numeral_clean)
    unit_info, scale, unit_mid, unit_core = _read_unit(unit_text)
    if unit_info is None:
        raise _Fail(Reason.UNKNOWN_UNIT)
    mid = mid or unit_mid
    if cn_scale and unit_info.scalable and unit_core in _units():
        # 一千三百万人: value 1300, unit 万人, as a person reads it.
        numeral_clean, unit_core, scale = head, cn_scale + unit_core, _SCALES[cn_scale]
    elif scale != 1 and (_SCALED_INSIDE.search(numeral_clean) or any(c in numeral_clean for c in "万亿萬億")):
        # 5亿1万4千6百元, 六亿三千多万平方米: the scale word closes a numeral that
        # already has a larger unit inside, it is no unit prefix.
        numeral_clean = numeral_clean + unit_core[: len(unit_core) - len(unit_info.unit)]
        unit_core, scale = unit_info.unit, Decimal(1)
    v, v_max = _number_and_range(numeral_clean)
    if v is None:
        raise _Fail(Reason.UNPARSABLE)
    if g["n2"] is not None:
        v, v_max = _range_low(g, unit_info, scale, v), v
    return _Read(v, v_max, unit_info, unit_core, _base(v, scale, unit_info), mid)


_SCALED_INSIDE = re.compile(r"\d[十百千万亿]")
#: Forms that make a Quantity without a measure word, by the pattern group that marks them.
_DIRECT_BUILDERS = (("nk", _build_yi), ("r2", _build_scale_range), ("ns", _build_scale),
                    ("fden", _build_fraction))


def _build_unsigned(m: re.Match, text: str) -> tuple[int, int, Quantity]:
    """Turn one match of the quantity pattern into (start, end, Quantity), sign aside."""
    g = m.groupdict()
    for name in ("n1", "n2", "s1", "m1", "u1", "m2", "u2", "pre2"):
        g.setdefault(name, None)
    ap = _approx()
    approx = ap.prefix[g["pre"]][0] if g["pre"] else "exact"
    start, end = m.start(), m.end()
    if g["pct"]:
        r = _read_percent(g)
    else:
        direct = next((build for name, build in _DIRECT_BUILDERS if g.get(name)), None)
        if direct is not None:
            return direct(g, m, ap, approx)
        r = _read_with_unit(g, m, text)
    if r.mid:
        approx = _stronger(approx, ap.mid.get(r.mid, "more_than"))
    post = g["post"]
    if post and post in ("多", "余") and r.unit.kind != "other" and r.unit.unit not in ("倍", "番"):
        # 3年多 is a duration; 15个多元化 is not 15个 + 多.
        end = m.start("post")
    elif post:
        approx = _stronger(approx, ap.suffix[post])
    q = Quantity(float(r.value), r.q_unit, None if r.value_max is None else float(r.value_max),
                 r.base_value, r.unit.base_unit, r.unit.kind, "level", approx)
    return start, end, q


# Words after a unitless number that bound it (500余万以上); any other word the
# pattern took after it is not part of the quantity.
_BOUND_SUFFIXES = tuple(w for w in _approx().suffix if w not in _approx().mid)  # approx.tsv


def _after_number(g: dict, m: "re.Match", ap, approx: str, end: int) -> tuple[str, int]:
    """The approximation a bounding suffix adds, or the end moved back before a word that is no suffix."""
    if g["post"] in _BOUND_SUFFIXES:
        return _stronger(approx, ap.suffix[g["post"]]), end
    if g["post"]:
        return approx, m.start("post")
    return approx, end


def _stronger(current: str, new: str) -> str:
    return new if _BOUND_RANK[new] > _BOUND_RANK[current] else current


def _aspect_and_context(text: str, start: int, q: Quantity, grammar: _Grammar) -> Quantity:
    """Apply the words before the quantity: change verbs (aspect) and 控制在 (a bound)."""
    window = text[max(0, start - 12):start]
    aspect = q.aspect
    cm = grammar.change.search(window)
    if cm:
        aspect = "increase" if cm.group("inc") else "decrease"
    approx = q.approx
    if grammar.context_approx is not None:
        cm = grammar.context_approx.search(window)
        if cm:
            approx = _stronger(approx, _approx().context[cm.group(1)])
    if aspect == q.aspect and approx == q.approx:
        return q
    return Quantity(q.value, q.unit, q.value_max, q.base_value, q.base_unit, q.kind,
                    aspect, approx)


# ---------------------------------------------------------------------------
# Scanning

_FIGURATIVE_ONE = {"一", "壹"}
_BARE_SCALE = set("百千万亿佰仟萬億")


def scan_candidates(text: str, start: int = 0,
                    end: Optional[int] = None) -> Iterator[Union[QuantityMatch, Rejected]]:
    """Yield every quantity and every rejected number-looking expression, in text order.

    Only ``text[start:end]`` is scanned, but the words before ``start`` are
    read for change verbs (同比增长 before a sentence boundary) and lookbehinds.
    Offsets are absolute offsets into ``text``.

    Args:
        text: normalised report text.
        start: first offset to scan.
        end: offset to stop at (default: the end of ``text``).

    Yields:
        :class:`QuantityMatch` for each quantity, :class:`Rejected` for each
        date, ordinal, list marker, document number, name, slogan, figure of
        speech, redacted or unit-less number, with its reason.  Never raises.

    Example:
        >>> t = "于3月5日举行报告会，组织妇女代表300余人观看"
        >>> [(c.surface, getattr(c, "reason", "quantity")) for c in scan_candidates(t)]
        [('3月5日', 'date'), ('300余人', 'quantity')]
    """
    if not isinstance(text, str):
        return
    n = len(text)
    end = n if end is None else max(0, min(end, n))
    start = max(0, min(start, end))
    if start >= end:
        return
    grammar = _grammar()
    blocks = _blocks(text, start, end, grammar)
    items: list[Union[QuantityMatch, Rejected]] = [Rejected(bs, be, text[bs:be], reason)
                                                   for bs, be, reason in blocks]
    covered: list[tuple[int, int]] = [(bs, be) for bs, be, _ in blocks]
    _scan_quantities(text, start, end, grammar, blocks, items, covered)
    items.extend(_bare_numbers(text, start, end, grammar, covered))
    items.sort(key=lambda c: (c.start, c.end))
    yield from items


def _blocks(text: str, start: int, end: int, grammar: _Grammar) -> list[tuple[int, int, Reason]]:
    """The spans the blocker vocabulary rejects (dates, document numbers, names), sorted."""
    # Vocabulary hits without a numeral (none should exist) are not candidates; a
    # redacted amount (XX万元) has no numeral by definition.
    out = []
    for b in grammar.blocker.finditer(text, start, end):
        bs, be = b.start(), b.end()
        if be > bs:
            reason = grammar.blocker_reasons[b.lastgroup]
            if reason is Reason.REDACTED or _has_numeral(text[bs:be]):
                out.append((bs, be, reason))
    return out


def _read_match(m: re.Match, text: str, end: int, grammar: _Grammar):
    """(match, (start, end, Quantity)) of a match, a Rejected, or None (scan on from the match
    start + 1).  The match returned is the one read: the first quantity alone of a split range."""
    qs, qe = m.start(), m.end()
    try:
        return m, _build(m, text)
    except _Fail as fail:
        if fail.reason != "split range":
            return Rejected(qs, qe, text[qs:qe], fail.reason)
    # Two quantities joined by 至/到/- with different units (15所-30人): read
    # the first alone and scan on after it.
    m = grammar.no_range.match(text, qs, end)
    if m is None:
        return None
    try:
        return m, _build(m, text)
    except _Fail:
        return None


def _scan_quantities(text: str, start: int, end: int, grammar: _Grammar, blocks: list,
                     items: list, covered: list) -> None:
    """Every quantity (or candidate rejected while reading it) outside the blocked spans."""
    bi = 0  # blocks are sorted and disjoint: walk them alongside the quantities
    pos = start
    last: Optional[QuantityMatch] = None
    while pos < end:
        m = grammar.quantity.search(text, pos, end)
        if m is None:
            break
        qs, qe = m.start(), m.end()
        while bi < len(blocks) and blocks[bi][1] <= qs:
            bi += 1
        # The number itself (not a prefix word such as 近) must not sit in a blocked span;
        # if it does, look again right after the blocked span (or the match start).
        num_start = _number_start(m)
        clash = next((b for b in blocks[bi:bi + 4] if b[0] < qe and b[1] > num_start), None)
        if clash is not None:
            pos = clash[1] if clash[0] <= num_start else qs + 1
            continue
        read = _read_match(m, text, end, grammar)
        if read is None:
            pos = qs + 1
            continue
        if isinstance(read, Rejected):
            items.append(read)
            covered.append((qs, qe))
            pos = qe
            continue
        m, (s, e, q) = read
        reason = _figurative(m, q) or (Reason.PERIOD if _period(text, s, e, q, m.group("pre")) else None)
        if reason:
            items.append(Rejected(s, e, text[s:e], reason))
            covered.append((s, e))
            pos = e
            continue
        q = _aspect_and_context(text, s, q, grammar)
        if (q.aspect == "level" and last is not None and last.quantity.aspect != "level"
                and _JOINED.fullmatch(text, last.end, s)):
            # 分别增长8.8%和9.9%: the second figure shares the verb of the first.
            q = Quantity(q.value, q.unit, q.value_max, q.base_value, q.base_unit, q.kind,
                         last.quantity.aspect, q.approx)
        last = QuantityMatch(s, e, text[s:e], q)
        items.append(last)
        covered.append((s, e))
        pos = max(e, qs + 1)


_JOINED = re.compile(r"\s*[和、及与]\s*")


def _bare_numbers(text: str, start: int, end: int, grammar: _Grammar, covered: list) -> Iterator[Rejected]:
    """Arabic numbers left over had no unit: say why they are not quantities."""
    covered.sort()
    ci = 0
    for b in grammar.bare.finditer(text, start, end):
        bs, be = b.start(), b.end()
        while ci < len(covered) and covered[ci][1] <= bs:
            ci += 1
        if any(cs < be and ce > bs for cs, ce in covered[ci:ci + 3]):
            continue
        yield Rejected(bs, be, b.group(), _bare_reason(text, bs, be))


def _has_numeral(s: str) -> bool:
    return any(c.isdigit() or c in _CN_CHARS for c in s)


def _number_start(m: re.Match) -> int:
    index = m.re.groupindex
    for name in _NUMBER_GROUPS:
        if name in index and m.start(name) >= 0:
            return m.start(name)
    return m.start()


#: The groups of the quantity pattern where the number itself begins, in order of preference.
_NUMBER_GROUPS = ("sign", "pct", "fden", "n1", "r1", "nk", "n", "ns")


def _figurative(m: re.Match, q: Quantity) -> str:
    """Reject 一项工作, 一批, 万家: Chinese 一 before a counting word, or a bare 万/千/百."""
    numeral = m.group("n")
    if numeral is None:
        return ""
    if numeral in _FIGURATIVE_ONE and q.kind in ("count", "other") and not m.group("pre") \
            and not m.group("m") and not m.group("post"):
        # In this genre a count of one is written 1 (组建队伍1支); Chinese 一 before a
        # measure word is an article: 一项重要工作, 一颗种子, 每一次.
        return Reason.FIGURATIVE
    return ""


_ASCENDING_SCALES = re.compile(r"(?:百万|千万|百亿|千亿|万亿)")
_VAGUE_BEFORE = set("上数几成好千万亿")


def _bare_scale_is_a_number(m: re.Match, text: str) -> bool:
    """Whether a numeral that starts with 百, 千, 万 or 亿 means one hundred, thousand, ...

    Alone before a measure word it is an idiom (万家, 千家万户, 百年大计, 万吨级,
    信心百倍).  It is an amount with an approximation word (近百个, 逾千人, 百余年) or
    as an ascending pair of scales (百万人, 千万吨, 万亿斤) - unless 上, 数 or 几
    come first (上万人, 数百人: "tens of thousands", "hundreds").
    """
    start = _number_start(m)
    if start > 0 and text[start - 1] in _VAGUE_BEFORE:
        return False
    numeral = m.group("n") or m.group("n2") or ""
    if numeral.startswith(("亿万", "万万")):
        return False
    approx = bool(m.group("pre") or m.group("m") or m.group("post"))
    return approx or bool(_ASCENDING_SCALES.match(numeral + (m.group("u") or "")))


def _words_pattern(name: str, category: str) -> str:
    return "(?:" + word_alternation(lexicon_words(name, category)) + ")"


# A span of time a report looks back on: models/year_cues.tsv, the period_* categories.
_DURATIONS = frozenset(lexicon_words("year_cues.tsv", "period_duration"))
_PERIOD_BEFORE = re.compile(_words_pattern("year_cues.tsv", "period_before") + "$")
_PERIOD_AFTER = re.compile(_words_pattern("year_cues.tsv", "period_after"))


def _period(text: str, s: int, e: int, q: Quantity, pre: Optional[str]) -> bool:
    """过去五年, 五年累计, 近五年, 3年来: a span of time the report looks back on, not a measure."""
    if q.kind != "other" or q.unit not in _DURATIONS:
        return False
    if pre == "近" and q.unit == "年":
        return True
    return bool(_PERIOD_BEFORE.search(text, max(0, s - 2), s)
                or _PERIOD_AFTER.match(text, e))


# A word that makes a bare number a code (热线电话12338): models/code_cues.tsv.
_PHONE_CUE = re.compile(_words_pattern("code_cues.tsv", "before") + r"[^，。；\n]{0,4}$"
                        r"|[^，。；\n\d]{0,6}?" + _words_pattern("code_cues.tsv", "near"))


def _bare_reason(text: str, s: int, e: int) -> Reason:
    digits = text[s:e]
    plain = digits.replace(",", "").replace("，", "").replace(" ", "")
    if _YEAR_DIGITS.fullmatch(plain):
        return Reason.DATE
    if "." not in plain and len(plain) >= 7:
        return Reason.PHONE
    if _PHONE_CUE.search(text, max(0, s - 8), s) or _PHONE_CUE.match(text, e):
        return Reason.PHONE  # 妇女维权公益服务热线12338
    before = text[s - 1] if s > 0 else ""
    after = text[e] if e < len(text) else ""
    if _LATIN.match(before) or _LATIN.match(after):
        return Reason.CODE
    if after in "-—" and _PHONE_TAIL.match(text, e, e + 9):
        return Reason.PHONE
    return Reason.NO_UNIT


def scan_quantities(text: str, start: int = 0, end: Optional[int] = None) -> Iterator[QuantityMatch]:
    """Yield the quantities of ``text[start:end]`` in text order.

    Args:
        text: normalised report text.
        start: first offset to scan.
        end: offset to stop at (default: the end of ``text``).

    Yields:
        :class:`QuantityMatch` records with absolute offsets.  Never raises.

    Example:
        >>> t = "全年开展农村妇女“领头雁”专题培训4期，培训人数450人"
        >>> [m.surface for m in scan_quantities(t)]
        ['4期', '450人']
    """
    for c in scan_candidates(text, start, end):
        if isinstance(c, QuantityMatch):
            yield c


def parse_quantity(text: str) -> Optional[Quantity]:
    """Read the first quantity of a short expression.

    Change verbs in ``text`` count: ``同比增长8%`` gives aspect increase.

    Args:
        text: an expression such as ``近4.5万元``, ``1000多人``, ``3至5人``.

    Returns:
        The :class:`Quantity`, or None when ``text`` holds no quantity (a date,
        an ordinal, a name).  Never raises.

    Example:
        >>> q = parse_quantity("近4.5万元")
        >>> q.value, q.unit, q.base_value, q.base_unit, q.kind, q.approx
        (4.5, '万元', 45000.0, '元', 'money', 'near')
    """
    if not isinstance(text, str):
        return None
    # 四万万 (old style) is 四亿; read here, not by the scanner, which keeps offsets into the report
    # (and there 四万万 is mostly 四万万同胞, a figure of speech).
    text = text.translate(_FULLWIDTH)  # ２．４个百分点: full-width digits and marks, as normalize() reads them
    text = _WANWAN.sub("亿", text)
    for m in scan_quantities(text):
        return m.quantity
    return None
