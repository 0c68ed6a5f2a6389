"""Shared text cues: one helper per concept that several modules read.

A concept that plans, plancheck, comparison, series and extract all need (which
year a sentence speaks of, a figure of several years, a change verb leading to
a new value, an indicator whose target is a ceiling) is written once, in one
lexicon of models/, and read here.  This module imports only
:mod:`summarylab.lexicon`, so that any module may import it.

Example:
    >>> YEAR_MENTION.findall("2013年比2012年增长7.7%，八十年代")
    ['2013', '2012']
    >>> lower_is_better("城镇登记失业率")
    True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from .lexicon import alternatives, read_tsv, word_alternation, words

# The two scripts of a year's digits (1985; 一九八五, 二〇二五).
_ARABIC_YEAR = r"(?:19|20)\d\d"
_CN_YEAR = r"[一二][〇○零一二三四五六七八九]{3}"
#: The digits of a year, Arabic or Chinese (1985, 一九八五, 二〇二五): the older national reports
#: write their years in Chinese numerals.  year_value() reads either.
YEAR_NUMBER = rf"{_ARABIC_YEAR}|{_CN_YEAR}"
_CN_YEAR_DIGITS = str.maketrans("〇○零一二三四五六七八九", "000123456789")


def year_value(digits: str) -> int:
    """The year that YEAR_NUMBER digits write.

    Example:
        >>> year_value("一九八五"), year_value("二〇二五"), year_value("1985")
        (1985, 2025, 1985)
    """
    return int(digits.translate(_CN_YEAR_DIGITS))


#: A year written out in either script (2021年, 二〇二一年), in a heading, a title or a sentence:
#: what structure (headings, sentence_time, metadata) and plancheck (a value's year) read.
YEAR_NAMED = re.compile(rf"(?<![\d〇○零一二三四五六七八九])({YEAR_NUMBER})\s*年")


def years_named(text: str) -> list[int]:
    """The years a text writes out, in either script, in order.

    Example:
        >>> years_named("一九五八年工业总产值比1957年增长")
        [1958, 1957]
    """
    return [year_value(y) for y in YEAR_NAMED.findall(text)]


#: A year a sentence names (2013年), not a decade (八十年代 / 1980年代): YEAR_NUMBER's Arabic years.
#: Reading its Chinese-numeral years too (一九五四年) was measured and not kept: dev check figures
#: held (LOPO 76.36% -> 76.43%), but the guarded frozen split slid below its first score (66.8%,
#: commitment recall 94.6%, against 67.1% and 95.2%).
YEAR_MENTION = re.compile(rf"(?<!\d)({_ARABIC_YEAR})年(?!代)")
_YEAR = rf"(?:{_ARABIC_YEAR})年"
_year_words = lambda category: alternatives("year_cues.tsv", category)  # noqa: E731
#: A comparison with a year (比2021年增加) does not speak about that year; nor does a price base
#: (2300元（2010年不变价）), nor the year of a starting value (由2024年的126件减至88件: 88件 is the
#: reviewed year's).  Words: models/year_cues.tsv compared_with, compared_tail, price_base, from_word.
COMPARED_WITH = re.compile(rf"{_year_words('compared_with')}{_YEAR}(?:度|底|末)?{_year_words('compared_tail')}?"
                           rf"|[（(]?(?:按)?{_YEAR}{_year_words('price_base')}(?:计算)?[）)]?"
                           rf"|{_year_words('from_word')}{_YEAR}(?:度|底|末)?的")


def years_spoken_of(text: str) -> set[int]:
    """The years a text speaks about: the years it names, less those it only compares with.

    Example:
        >>> sorted(years_spoken_of("2013年粮食产量比2012年增加"))
        [2013]
    """
    if "年" not in text:  # every year named holds 年: a sentence without one is read at C speed
        return set()
    return {int(y) for y in YEAR_MENTION.findall(COMPARED_WITH.sub("", text))}


def earlier_year(text: str, year: int | None) -> int | None:
    """The latest year a text speaks about when all are before ``year`` (a sentence about another
    year is no report of this one), else None.

    Example:
        >>> earlier_year("据统计，2021年度全县新增就业300人", 2022), earlier_year("2022年比2021年增加", 2022)
        (2021, None)
    """
    years = years_spoken_of(text)
    if year and years and max(years) < year:
        return max(years)
    return None


def lower_is_better(label: str) -> bool:
    """Whether an indicator's target is a ceiling (models/lower_better.tsv).

    Example:
        >>> lower_is_better("居民消费价格涨幅"), lower_is_better("城镇新增就业"), lower_is_better("养殖尾水达标排放率")
        (True, False, False)
    """
    return any(w in label for w in words("lower_better.tsv", "lower_better")) and not any(
        w in label for w in words("lower_better.tsv", "still_floor"))  # 达标排放率: the share kept within standard


#: How far an outcome may fall on the wrong side of a target written with 左右, 约 or 上下
#: (numbers.py approx ``about``): 0.1 of the unit as written, whatever the size of the number
#: (corpora/annotations/GUIDELINES_check.md: "a 左右 band tolerates 0.1 of the unit", and "5.9% meets
#: a floor of 6%左右 as 4.1% meets a ceiling of 4%左右; 5.6% misses 6%左右").
ABOUT_UNITS = 0.1
#: ... and with 近, 将近 or 接近 (``near``): a share of the target (the guidelines name no band).
NEAR_SHARE = 0.05


def meets_target(actual: float, low: float, high: float, approx: str, *, ceiling: bool,
                 unit: float = 1.0) -> bool:
    """Whether an outcome meets a numeric target, read by the target's approximation word: the one
    rule of the plan check (a numeric promise delivered) and the panel (its ``met`` column).

    A floor is met at or above ``low``, a ceiling at or below ``high``; 左右 (``about``) lets the
    outcome fall :data:`ABOUT_UNITS` of the unit as written on the wrong side, 近 (``near``)
    :data:`NEAR_SHARE` of the target; any other approximation (以上, 以内, exact) none.

    Args:
        actual: the outcome, in the unit the target is compared in.
        low, high: the target (a range 8%至9%: its two ends; one figure: the same twice).
        approx: the target's approximation (about, near, at_least, at_most, more_than, exact).
        ceiling: the target is a ceiling (控制在, 以内; a price rise, an unemployment rate).
        unit: the size of the unit as written in the unit compared (1 for 6%; 10000 for
            900万人 compared in 人), so that 900万人左右 tolerates 0.1万人.

    Example:
        >>> meets_target(5.9, 6, 6, "about", ceiling=False)   # 增长6%左右，实际增长5.9%
        True
        >>> meets_target(5.6, 6, 6, "about", ceiling=False)   # 增长6%左右，实际增长5.6%
        False
        >>> meets_target(4.1, 4, 4, "about", ceiling=True)    # 居民消费价格涨幅4%左右，实际上涨4.1%
        True
        >>> [meets_target(v, 9e6, 9e6, "about", ceiling=False, unit=10000)   # 城镇新增就业900万人左右
        ...  for v in (8_999_000, 8_990_000)]                                  # 899.9万人, 899万人
        [True, False]
    """
    if ceiling:
        return actual <= high + _slack(approx, high, unit) + 1e-9
    return actual >= low - _slack(approx, low, unit) - 1e-9


def _slack(approx: str, bound: float, unit: float) -> float:
    if approx == "about":
        return ABOUT_UNITS * abs(unit)
    if approx == "near":
        return NEAR_SHARE * abs(bound)
    return 0.0


@lru_cache(maxsize=1)
def five_year_plans() -> dict[str, int]:
    """The five-year plans of ``models/five_year_plans.tsv``: short name → last year.

    Example:
        >>> five_year_plans()["十三五"]
        2020
    """
    return {name: int(end) for name, end in read_tsv("five_year_plans.tsv")}


def expand(pattern: str) -> str:
    """A cue pattern of a lexicon with ``{five_year_plan}`` replaced by the names of five_year_plans.tsv.

    The regex lexicons name the five-year plans by this placeholder, so that the plans
    are listed once.

    Example:
        >>> bool(re.fullmatch(expand("{five_year_plan}时期"), "十二五时期"))
        True
    """
    names = word_alternation(five_year_plans())
    return pattern.replace("{five_year_plan}", f"(?:{names})")


@lru_cache(maxsize=None)
def year_cue(category: str) -> re.Pattern:
    """One category of models/year_cues.tsv (several years, another year, the year itself) as a pattern.

    Example:
        >>> bool(year_cue("several_years").search("五年来粮食累计增产"))
        True
    """
    return re.compile(expand(alternatives("year_cues.tsv", category)))


@lru_cache(maxsize=None)
def change_verbs() -> tuple[str, ...]:
    """The change verbs of models/change_verbs.tsv (增长, 提高, 降低 …), longest first.

    Example:
        >>> {"提高", "降低", "增加", "减少"} <= set(change_verbs())
        True
    """
    return change_verbs_of("increase", "decrease")


def change_verbs_of(*directions: str) -> tuple[str, ...]:
    """The change verbs of the given directions (increase, decrease), longest first.

    Example:
        >>> {"降低", "压缩", "缩减"} <= set(change_verbs_of("decrease"))
        True
    """
    rows = read_tsv("change_verbs.tsv", header=True)
    found = [w for d, form, w, *_ in rows if d in directions and form == "verb"]
    return tuple(sorted(dict.fromkeys(found), key=len, reverse=True))


@lru_cache(maxsize=None)
def lowered_to() -> re.Pattern:
    """A decrease verb leading to a new value at the end of a label (缩减为, 降低到): the value
    is a ceiling — the target is reached by coming down to it.

    Example:
        >>> bool(lowered_to().search("基本建设投资缩减为")), bool(lowered_to().search("农民收入提高到"))
        (True, False)
    """
    return re.compile(rf"(?:{'|'.join(change_verbs_of('decrease'))})(?:到|至|为)(?:了)?$")


def to_new_value() -> str:
    """A change verb with 到/至/为 after it, as a regex string: the words that lead to a new value (降低到, 缩减为).

    Example:
        >>> re.sub(to_new_value(), "", "城镇登记失业率下降到")
        '城镇登记失业率'
    """
    return rf"(?:{'|'.join(change_verbs())})(?:到|至|为)"


@lru_cache(maxsize=None)
def change_to() -> re.Pattern:
    """A change verb leading to a new value near the start of a text (提高到, 增长至, 回升到).

    Example:
        >>> bool(change_to().match("元提高到200元")), bool(change_to().match("元，增长"))
        (True, False)
    """
    return re.compile(rf"^[^，。；]{{0,4}}{to_new_value()}")


@lru_cache(maxsize=1)
def targets_head() -> re.Pattern:
    """The words by which a plan paragraph announces the year's targets (models/commitment_cues.tsv
    ``targets_head``): plans takes the targets of a plan part's preamble from the first paragraph holding
    one, and the plan check answers a review's blanket claim (全面实现年初确定的主要目标) with the promises
    of the paragraph holding one.

    Example:
        >>> bool(targets_head().search("今年经济社会发展的主要预期目标是：国内生产总值增长7.5%左右"))
        True
        >>> bool(targets_head().search("全年力争实现：社区不发生重大刑事案件"))
        True
    """
    return re.compile(expand(alternatives("commitment_cues.tsv", "targets_head")))


@lru_cache(maxsize=1)
def age_groups() -> frozenset[str]:
    """People words that end in 年 (青年, 老年人), which jieba tags as time words (t): nouns, that
    name a topic of a promise (plans) and sit inside an indicator's label (extract).  Words:
    models/indicator_cues.tsv ``agegroup``.

    Example:
        >>> {"青年", "老年人"} <= age_groups(), "今年" in age_groups()
        (True, False)
    """
    return frozenset(words("indicator_cues.tsv", "agegroup"))


def names_reviewed_year(text: str, year: int) -> bool:
    """Whether a review sentence names its year: 2012年, 全年 (models/year_cues.tsv ``reviewed_year``), or
    the year before (去年, 过去一年: ``last_year``; a 政府工作报告 reviews it the year after), so that a part reviewing several years still reports that year.

    Example:
        >>> names_reviewed_year("2012年，国内生产总值增长7.8%", 2012), names_reviewed_year("五年累计增长", 2012)
        (True, False)
    """
    return (f"{year}年" in text or bool(year_cue("reviewed_year").search(text))
            or bool(year_cue("last_year").search(text)))


# ---- canonical indicators (models/indicators_canonical.tsv: the panel's rows, the check's numbers) ----

@dataclass(frozen=True)
class _Canon:
    key: str
    name: str
    pattern: "re.Pattern"
    kinds: frozenset
    better: str
    rise: bool  # a rate of rise: stated as a fall (商品零售价格下降2.6%) it is negative


@lru_cache(maxsize=1)
def canonical_rows() -> tuple:
    """The rows of models/indicators_canonical.tsv, in file order (the first that fits wins).

    Example:
        >>> canonical_rows()[0].key
        'energy_intensity'
    """
    return tuple(_Canon(k, name, re.compile(pat), frozenset(kind.split("|")), better, rise == "yes")
                 for k, name, pat, kind, better, rise in read_tsv("indicators_canonical.tsv", header=True))


@lru_cache(maxsize=1)
def rise_keys() -> frozenset:
    """The keys of the canonical rows that are rates of rise (the ``rise`` column).

    Example:
        >>> "cpi" in rise_keys(), "unemployment" in rise_keys()
        (True, False)
    """
    return frozenset(c.key for c in canonical_rows() if c.rise)


def canonical_indicator(label: str, kind: str) -> Optional[tuple[str, str, str]]:
    """(key, canonical name, better) of an indicator label, or None when no lexicon row fits.

    Example:
        >>> canonical_indicator("经济增长预期目标定为", "percent")[:2]
        ('gdp_growth', '国内生产总值增长')
        >>> canonical_indicator("城镇新增就业人数", "count")[1]
        '城镇新增就业'
    """
    label = str(label or "")
    for c in canonical_rows():
        if kind in c.kinds and c.pattern.search(label):
            return c.key, c.name, c.better
    return None
