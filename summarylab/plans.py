"""Plan items: the promises of a report's plan part, one row per item.

An item is a child of a plan section (``四、2022年工作计划`` → ``（一）…（五）``;
in a 政府工作报告 the parts of 主要预期目标 and 重点工作).  A plan section's
own lead text becomes an item too when it states numeric targets, because
that is where a national report puts its 主要预期目标.

Each item is cut into ``commitments``: short clauses that promise something
concrete (``继续实施“春蕾计划”``, ``城镇新增就业900万人以上``).  Purpose,
principle and result clauses (``切实保障妇女儿童合法权益``, ``坚持党建带妇建``)
are left out: nothing in a later report can prove or disprove them.  The cue
words live in ``models/commitment_cues.tsv``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter, itemgetter

from typing import TYPE_CHECKING, Optional

from .model import PLAN_ITEM_COLUMNS, Document, Section

if TYPE_CHECKING:
    import pandas as pd

from .cues import (YEAR_NUMBER, age_groups, expand, five_year_plans, targets_head, year_cue, year_value,
                   years_spoken_of)
from .lexicon import read_tsv, top_alternatives, word_alternation
from .nlp import word_tags
from .numbers import GROUPED_DIGITS
from .structure import is_enumeration_marker

# Clause boundaries inside a sentence: a commitment is at most one clause.
_CLAUSE_END = set("，；：。！？,;:!?")
_OPEN = "“‘《（(〔【"
_CLOSE = "”’》）)〕】"
_HAN = re.compile(r"[\u4e00-\u9fff]")
_ALL_HAN = re.compile(r"[\u4e00-\u9fff]+")
# Four Han characters, whatever stands between them: a shorter clause promises nothing (found
# without listing every Han character of the clause).
_FOUR_HAN = re.compile(r"[\u4e00-\u9fff](?:[^\u4e00-\u9fff]*[\u4e00-\u9fff]){3}")
# The characters split_clauses acts on: the scan skips the others at C speed.
_CLAUSE_CHARS = re.compile("[" + re.escape("".join(sorted(_CLAUSE_END)) + _OPEN + _CLOSE) + "\n]")
# Deadlines that move an item past its plan year.  “十四五”规划 alone is a
# reference, not a deadline, hence the required 时期/期间/末.
# 到1985年 / 到一九八五年 / 2025年底前: the years of the older reports are written in Chinese numerals.
_DUE_YEAR = re.compile(rf"(?:到|至|在)({YEAR_NUMBER})年(?:底|末)?|(?<![\d〇○零一二三四五六七八九十])({YEAR_NUMBER})年(?:底|末)?(?:以)?前")
# A clause that opens with a later year than the plan's sets that year as the deadline.
_LEAD_YEAR = re.compile(rf"^\s*({YEAR_NUMBER})年(?:底|末)?")


@lru_cache(maxsize=1)
def _five_year_period() -> re.Pattern:
    # “十四五”规划 alone is a reference, not a deadline, hence the required 时期/期间/末.
    return re.compile(expand(r"“?({five_year_plan})”?(?:时期|期间|末)"))
# Two quoted programmes joined by 和/及 after one verb are two promises.
_TWO_PROGRAMMES = re.compile(r"^(?P<verb>[^“”]*?)(?P<a>“[^”]+”)(?:和|及|、|以及)(?P<b>“[^”]+”.*)$")
_QUOTED = re.compile(r"“([^”]{2,20})”")


@lru_cache(maxsize=1)
def cues() -> dict[str, list[re.Pattern]]:
    """The cue patterns of ``models/commitment_cues.tsv``, by category.

    Example:
        >>> bool(cues()["purpose"][0].match("切实保障妇女儿童合法权益"))
        True
    """
    rows = read_tsv("commitment_cues.tsv", maxsplit=1)
    # {focus_noun} stands for the nouns of one focus list, read by the lead and the focus patterns
    nouns = word_alternation(w for category, words in rows if category == "focus_noun" for w in words.split())
    out: dict[str, list[re.Pattern]] = {}
    for category, pattern in rows:
        pattern = expand(pattern.strip()).replace("{focus_noun}", nouns)
        out.setdefault(category.strip(), []).append(re.compile(pattern))
    return out


@lru_cache(maxsize=None)
def _any_cue(category: str) -> re.Pattern:
    """One pattern matching where any cue of a category matches (for yes/no questions).

    The cues' top-level alternatives are joined flat, in file order: the same matches as
    ``(?:cue1)|(?:cue2)|…``, but an alternative that opens with a character is skipped by
    the regex engine at a glance where a group around its cue had to be entered first.
    """
    flat = [alt for p in cues().get(category, []) for alt in top_alternatives(p.pattern)]
    return re.compile("|".join(flat) or "(?!)")


def has_cue(category: str, text: str) -> bool:
    """Whether any cue of a category matches in ``text`` (``search`` semantics).

    Example:
        >>> has_cue("background", "去年举办培训班5期"), has_cue("background", "举办培训班5期")
        (True, False)
    """
    return _any_cue(category).search(text) is not None


def cue(category: str, text: str) -> Optional[re.Match]:
    """The first match of a cue category in ``text`` (``search`` semantics), else None.

    Example:
        >>> cue("future", "计划明年春季重新开课") is not None
        True
    """
    for pattern in cues().get(category, []):
        m = pattern.search(text)
        if m:
            return m
    return None


@lru_cache(maxsize=1)
def synonyms() -> tuple[re.Pattern, dict[str, str]]:
    """The variant → canonical map of ``models/synonyms.tsv`` and one regex
    that finds any variant (longest first).

    Example:
        >>> pattern, canon = synonyms()
        >>> canon["宫颈癌和乳腺癌"], canon["营改增"]
        ('两癌', '营业税改征增值税')
    """
    canon: dict[str, str] = {}
    for head, variants in read_tsv("synonyms.tsv", maxsplit=1):
        head = head.strip()
        canon[head] = head
        for v in variants.strip().split("|"):
            if v:
                canon[v] = head
    alternatives = sorted(canon, key=len, reverse=True)
    return re.compile(word_alternation(alternatives)), canon


def canonical(text: str) -> str:
    """Rewrite every synonym and abbreviation to its canonical form.

    Example:
        >>> canonical("为26名患宫颈癌、乳腺癌的妇女申报救助金，春蕾助学行动资助女童")
        '为26名患两癌的妇女申报救助金，春蕾计划资助女童'
    """
    pattern, canon = synonyms()
    return pattern.sub(lambda m: canon[m.group(0)], text)


def spelled_out_spans(word: str, text: str):
    """(start, end) of each place ``text`` spells out the abbreviation ``word`` (see :func:`spells_out`)."""
    n = len(word)
    if n < 2 or not _ALL_HAN.fullmatch(word):
        return
    i = text.find(word[0])
    while i >= 0:
        # the word's characters in order, the whole span at most twice the word (a longer span
        # is two words that happen to share characters), Chinese characters only
        j = i
        for ch in word[1:]:
            j = text.find(ch, j + 1, i + 2 * n)
            if j < 0:
                break
        if j >= 0 and j + 1 - i > n and _ALL_HAN.fullmatch(text, i, j + 1):
            yield i, j + 1
        i = text.find(word[0], i + 1)


def spells_out(word: str, text: str) -> bool:
    """Whether ``text`` holds the long form of the abbreviation ``word``: its characters in
    order with other characters between them, within one run of Chinese characters at most
    twice the word's length (Chinese abbreviations keep a character of each part: 能耗 for
    能源消耗, 专报 for 专题报告, 医保 for 医疗保障).  A word held as written is not spelled out.

    Example:
        >>> spells_out("能耗", "单位工业增加值能源消耗量较上年降低3.6%"), spells_out("专报", "报送审计要情和专题报告14篇")
        (True, True)
        >>> spells_out("能耗", "能耗下降"), spells_out("医保", "医院保洁")  # a weak sign: 医院保洁 too
        (False, True)

    Two words sharing their last character are contracted the same way (大中修 for 大修、中修,
    中小学 for 中学和小学):

        >>> spells_out("大中修", "国省干线路面大修、中修合计四十八公里")
        True
    """
    if word in text:
        return False
    if len(word) == 3 and _ALL_HAN.fullmatch(word) and \
            re.search(f"{word[0]}{word[2]}[、和及与]{word[1]}{word[2]}", text):
        return True
    return next(spelled_out_spans(word, text), None) is not None


@lru_cache(maxsize=4096)
def abbreviations(word: str) -> tuple[str, ...]:
    """The short forms a long word is commonly cut to: the first character of its first and
    last parts, and of every part when it has three or four (高新技术企业 → 高企, 固定资产投资 →
    固投, 固资投).  A part is a jieba word, a four-character word read as two pairs and a
    six-character one as three; a short form that stands in the word as written is no
    abbreviation (社会保障 → 社保, not 社会).

    Example:
        >>> abbreviations("高新技术企业"), abbreviations("社会保障"), abbreviations("培训")
        (('高企', '高技企'), ('社保',), ())
    """
    if len(word) < 4 or not _ALL_HAN.fullmatch(word):
        return ()
    from .nlp import lcut

    parts: list[str] = []
    for w in lcut(word):
        parts += [w[i:i + 2] for i in range(0, len(w), 2)] if len(w) in (4, 6) else [w]
    if len(parts) < 2:
        return ()
    found = [parts[0][0] + parts[-1][0]]
    if 3 <= len(parts) <= 4:
        found.append("".join(p[0] for p in parts))
    return tuple(a for a in dict.fromkeys(found) if a not in word)


def as_written(words_: "list[str] | tuple[str, ...]", text: str) -> str:
    """``text`` with each word's other form rewritten to the word: an abbreviation of it
    (:func:`abbreviations`: 固投 for 固定资产投资) or its spelled-out long form
    (:func:`spells_out`: 能源消耗 for 能耗), so that the two sides of a comparison meet.

    Example:
        >>> as_written(["固定资产投资", "能耗"], "全县固投同比增长5.2%，能源消耗量下降3.6%")
        '全县固定资产投资同比增长5.2%，能耗量下降3.6%'
        >>> as_written(["安全事故", "死亡"], "全年未发生生产安全死亡事故")
        '全年未发生生产安全死亡事故'
    """
    for w in words_:
        for a in abbreviations(w):
            text = text.replace(a, w)
        if w not in text:
            spans = list(spelled_out_spans(w, text))
            for a, b in reversed(spans):
                if any(o not in w and o in text[a:b] for o in words_):
                    continue  # 生产安全死亡事故 is no 安全事故 spelled out: 死亡, another word, stands between
                text = text[:a] + w + text[b:]
    return text


def words(text: str) -> list[str]:
    """The words of a text after :func:`canonical`, canonical terms kept whole.

    Uses ``summarylab.nlp.lcut`` (jieba with the domain dictionary).

    Example:
        >>> words("继续实施春蕾助学行动")
        ['继续', '实施', '春蕾计划']
    """
    pattern, _ = synonyms()
    terms = _canonical_terms()  # the set once, not rebuilt for every text
    text = canonical(text)
    from .nlp import lcut as cut
    out: list[str] = []
    pos = 0
    for m in pattern.finditer(text):
        if m.group(0) not in terms:
            continue
        out.extend(cut(text[pos:m.start()]))
        out.append(m.group(0))
        pos = m.end()
    out.extend(cut(text[pos:]))
    return [w for w in out if w.strip()]


def _generic_words() -> frozenset:
    """Words that carry no topic (``generic`` lines of models/commitment_cues.tsv)."""
    return frozenset(w for p in cues().get("generic", []) for w in p.pattern.split())


_ENUM = re.compile(r"^[一二三四五六七八九十]+是$")


# jieba's part-of-speech tags of words that name no topic: adverbs, numerals, measure
# words, pronouns, prepositions, conjunctions, particles, time and place words.
_NON_TOPIC_TAGS = frozenset("d ad m q r p c u uj ul uz ug uv ud t f z y e o k x".split())
# Adverbs jieba glues to a verb (不断扩大, 严格控制): cut off before tagging.
@lru_cache(maxsize=1)
def _adverb_prefix() -> re.Pattern:
    """Adverbs jieba glues to a verb (不断扩大, 严格控制): cut off before tagging."""
    longest_first = sorted(_cue_words("glued_adverb"), key=lambda w: (-len(w), w))
    return re.compile("^(?:" + word_alternation(longest_first) + ")")


@lru_cache(maxsize=None)
def _cue_words(category: str) -> frozenset:
    """The space-separated words of a word category of models/commitment_cues.tsv."""
    return frozenset(w for p in cues().get(category, []) for w in p.pattern.split())


@lru_cache(maxsize=200_000)
def is_topic_word(word: str) -> bool:
    """Whether a word says what a text is about (a noun, a verbal noun, a name).

    Example:
        >>> is_topic_word("残疾人"), is_topic_word("不断扩大"), is_topic_word("排查")
        (True, False, True)
    """
    if word in generic_words() or not _HAN.search(word) or _ENUM.match(word):
        return False
    if word in _canonical_terms() or word in _forced_topic_words():
        return True
    stripped = _adverb_prefix().sub("", word)
    if stripped != word:
        return len(stripped) >= 2 and is_topic_word(stripped)
    if len(word) == 1:
        return False
    return word_tags().get(word) not in _NON_TOPIC_TAGS


@lru_cache(maxsize=1)
def generic_words() -> frozenset:
    """Words that carry no topic (``generic`` lines of models/commitment_cues.tsv).

    Example:
        >>> "加强" in generic_words()
        True
    """
    return _generic_words()


def _forced_topic_words() -> frozenset:
    """Topic words whatever jieba's tag: the people words it tags as time words (青年, 老年人;
    summarylab/cues.py age_groups)."""
    return age_groups()


@lru_cache(maxsize=1)
def _canonical_terms() -> frozenset:
    return frozenset(synonyms()[1].values())


@lru_cache(maxsize=200_000)
def _content_words(text: str) -> tuple[str, ...]:
    # filter calls the cached is_topic_word from C: no Python frame per word (an item's
    # keywords read thousands of words)
    return tuple(filter(is_topic_word, words(text)))


def content_words(text: str) -> list[str]:
    """The topic words of a text (canonical; verbs, adverbs and numbers left out).

    Example:
        >>> content_words("继续实施春蕾助学行动")
        ['春蕾计划']
    """
    return list(_content_words(text))


@dataclass
class Commitment:
    """One promise of a plan item with its span in the plan document."""

    text: str
    start: int
    end: int
    due_year: Optional[int] = None
    targets: list[int] = field(default_factory=list)


def due_year_of(text: str) -> Optional[int]:
    """The deadline year a text sets (到2025年, 十四五期间), or None.

    Example:
        >>> due_year_of("到2025年基本实现全覆盖"), due_year_of("十三五时期完成改造")
        (2025, 2020)
    """
    # The text is normalised (normalize() already made full-width digits half-width).
    years = [year_value(a or b) for a, b in _DUE_YEAR.findall(text)]
    years += [five_year_plans()[m] for m in _five_year_period().findall(text)]
    return max(years) if years else None


_CN_SMALL = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
# A span of years from the plan year (用三年时间, 三年左右的时间, 五年内), the end of the
# century (本世纪末) or a decade (在九十年代): deadlines without a year number.
_SPAN = re.compile(r"(?:用|在|经过|花)?([两二三四五六七八九十])年(?:左右)?(?:的)?时间|([两二三四五六七八九十])年(?:之)?内")
_CENTURY_END = re.compile(r"本世纪末|到本世纪|二十世纪末")
_DECADE = re.compile(r"(?:在|到)?([八九])十年代")


def due_year_in_words(text: str, plan_year: Optional[int]) -> Optional[int]:
    """The deadline a text sets without a year number, counted from the plan year.

    Example:
        >>> due_year_in_words("用三年时间基本完成各级政府机构改革的任务", 1998)
        2000
        >>> due_year_in_words("力争到本世纪末使大多数国有大中型骨干企业初步建立起现代企业制度", 1998)
        2000
    """
    if not plan_year:
        return None
    years = []
    for a, b in _SPAN.findall(text):
        n = _CN_SMALL.get(a or b, 1)
        if n > 1:
            years.append(plan_year + n - 1)
    if _CENTURY_END.search(text) and plan_year < 2000:
        years.append(2000)
    for d in _DECADE.findall(text):
        end = 1900 + 10 * "零一二三四五六七八九".index(d) + 9
        if end > plan_year:
            years.append(end)
    return max(years) if years else None


# A comma inside a number written in thousands groups (34，250万吨, 1,484万辆 — the older
# national reports group full-width digits with the full-width comma): numbers.py reads it as one
# number (its GROUPED_DIGITS), so the clause goes on.
_GROUPED = re.compile(rf"(?<![\d.]){GROUPED_DIGITS}")


def thousands_comma(text: str, i: int) -> bool:
    """Whether the comma at ``text[i]`` separates thousands groups of one number (the window
    ends one character past the group after the comma, so that its lookahead sees what follows).

    Example:
        >>> thousands_comma("闲置土地1,620亩", 5), thousands_comma("完成5个，另有3个", 4)
        (True, False)
    """
    # A digit group holds a comma only between two digits (\d is str.isdecimal): any other
    # comma is a clause break without a regex scan (a plan part has thousands of commas).
    if i == 0 or i + 1 >= len(text) or not (text[i - 1].isdecimal() and text[i + 1].isdecimal()):
        return False
    return any(m.start() < i < m.end() for m in _GROUPED.finditer(text, max(0, i - 16), i + 5))


def split_clauses(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Split ``text`` into clauses at ，；：。 outside quotes and brackets.

    Returns (start, end) offsets (shifted by ``start``), punctuation left out.

    Example:
        >>> t = "加强“不让毒品进我家”“平安建设”工作，切实保障妇女儿童合法权益。"
        >>> [t[a:b] for a, b in split_clauses(t)]
        ['加强“不让毒品进我家”“平安建设”工作', '切实保障妇女儿童合法权益']
        >>> t = "粮食产量34，250万吨，比1980年预计增加1，000万吨"
        >>> [t[a:b] for a, b in split_clauses(t)]
        ['粮食产量34，250万吨', '比1980年预计增加1，000万吨']
    """
    spans = []
    depth = 0
    begin = 0
    for m in _CLAUSE_CHARS.finditer(text):
        i, ch = m.start(), m.group()
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif ch in _CLAUSE_END and depth == 0:
            if ch in "，," and thousands_comma(text, i):
                continue  # 粮食产量３４，２５０万吨: a digit group, not a clause break
            if i > begin:
                spans.append((begin, i))
            begin = i + 1
        elif ch == "\n":
            depth = 0
            if i > begin:
                spans.append((begin, i))
            begin = i + 1
    if len(text) > begin:
        spans.append((begin, len(text)))
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a + start, b + start))
    return out


def _strip_lead(clause: str) -> int:
    """How many leading characters are connectives or frames, not the promise."""
    cut = 0
    changed = True
    while changed:
        changed = False
        for category in ("lead", "frame"):
            m = cue(category, clause[cut:])
            if m and m.start() == 0 and m.end() > 0 and m.end() < len(clause) - cut:
                cut += m.end()
                changed = True
    return cut


#: Why a clause of a plan part is not a commitment (``plans --explain``): a closed set.
REASONS = {
    "short": "太短，不成一句承诺",
    "background": "讲过去或现状，不是承诺",
    "past": "只讲计划年以前的年份",
    "vague": "笼统的套话或引出下文的话",
    "principle": "指导思想、原则或口号",
    "purpose": "目的或结果，不是要做的事",
    "no_predicate": "没有动作或状态（只是名词短语）",
    "generic": "只有一般性的词，说不出做什么",
    "preamble": "计划部分的总体要求，不在主要预期目标段",
    "repeated": "重复前面已定的数量目标",
}




def _opens_sentence(text: str, a: int) -> bool:
    """Whether the clause at text[a:] is the first of its sentence."""
    # Step back over the spaces before the clause (no copy of the text before it: an item
    # has hundreds of clauses).
    while a > 0 and text[a - 1] in " \t\u3000":
        a -= 1
    return a == 0 or text[a - 1] in "。！？\n"


@dataclass
class Rejected:
    """A clause of a plan part judged not a commitment, and why (a key of :data:`REASONS`)."""

    text: str
    start: int
    end: int
    reason: str


# jieba tags of a predicate: verbs, verbal nouns and adjectives of a target state
# (国际收支基本平衡: 平衡/a), idioms and fixed phrases that hold one (党建带妇建/l).
_PREDICATE_TAGS = ("v", "a", "i", "l")


def has_predicate(text: str) -> bool:
    """Whether a clause says something is done or becomes so (a verb or a state).

    Uses the POS tags of :func:`summarylab.nlp.pos_tag`, not a list of verbs:
    whatever the verb (简并, 划转, 签署), a clause with one promises an action.

    Example:
        >>> has_predicate("简并增值税税率"), has_predicate("国际收支基本平衡"), has_predicate("新领域、新业态")
        (True, True, False)
    """
    from .nlp import pos_tag

    return predicate_in(pos_tag(text))


def predicate_in(tagged) -> bool:
    """Whether POS-tagged words ((word, tag) pairs, or ``Document.tokens``) hold a predicate.

    Example:
        >>> predicate_in([("简并", "v"), ("增值税", "n")]), predicate_in([("新领域", "n")])
        (True, False)
    """
    for k, (w, tag, *_) in enumerate(tagged):
        if not _HAN.search(w):
            continue
        if k == 0 and tag in ("nr", "nrt", "x", "nz") and len(w) >= 2:
            # A word outside jieba's dictionary opening a plan clause (拓宽, 严格执法)
            # is tagged by the HMM as a name; in a plan it is the verb.
            return True
        if tag.startswith(_PREDICATE_TAGS) and tag not in ("ad", "vg") and len(w) >= 2:
            return True
        if tag in ("v", "vn") and len(w) == 1 and w not in _cue_words("not_predicate"):
            return True
    return False


class _Spans:
    """The numeric facts of a document or an item as (start, end, ...) tuples
    ((start, end, fact_id) for a document), found inside a stretch of text by
    bisection (a plan part holds hundreds of facts and of clauses) and returned
    in their given order (the fact table's)."""

    def __init__(self, spans):
        self.spans = list(spans or [])
        self.order = sorted(range(len(self.spans)), key=lambda k: self.spans[k][0])
        self.starts = [self.spans[k][0] for k in self.order]

    def _inside(self, a: int, b: int) -> list[int]:
        """Indices of the spans wholly inside [a, b), by start."""
        spans, order = self.spans, self.order
        out = []
        for j in range(bisect_left(self.starts, a), len(order)):
            span = spans[order[j]]
            if span[0] >= b:
                break
            if span[1] <= b:
                out.append(order[j])
        return out

    def any_within(self, a: int, b: int) -> bool:
        """Whether a span lies wholly inside [a, b)."""
        spans, order = self.spans, self.order
        for j in range(bisect_left(self.starts, a), len(order)):
            span = spans[order[j]]
            if span[0] >= b:
                return False
            if span[1] <= b:
                return True
        return False

    def within(self, segments: list[tuple[int, int]]) -> list:
        """The spans lying wholly inside one of the segments, in their given order."""
        if len(segments) == 1:
            return [self.spans[k] for k in sorted(self._inside(*segments[0]))]
        found: set[int] = set()
        for a, b in segments:
            found.update(self._inside(a, b))
        return [self.spans[k] for k in sorted(found)]


#: A year with 年度 after a verb or a noun in its clause: the period of what the clause names.
_OBJECT_YEAR = re.compile(r"(?<=[\u4e00-\u9fff])(?:19|20)\d\d年度")


class _SentenceYears:
    """Whether the sentence around a clause names only years before the plan year,
    computed once per sentence (a sentence has several clauses)."""

    def __init__(self, text: str, plan_year: Optional[int]):
        self.text = text
        self.plan_year = plan_year
        self.ends = [m.start() for m in _SENTENCE_BREAK.finditer(text)] if plan_year else []
        self.known: dict[tuple[int, int], bool] = {}

    def earlier(self, a: int, b: int) -> bool:
        """Whether the sentence around text[a:b] names years, all before the plan year."""
        if not self.plan_year:
            return False
        k = bisect_left(self.ends, a)
        left = self.ends[k - 1] + 1 if k else 0
        j = bisect_left(self.ends, b)
        right = self.ends[j] if j < len(self.ends) else len(self.text)
        if (left, right) not in self.known:
            # a comparison base (比1980年预计增长5.5%) is not a year the sentence speaks of, nor
            # the year an object covers (组织开展2024年度县本级预算执行审计: the audit is the plan
            # year's work; a year opening its clause, 2024年度全县…, dates the clause)
            years = years_spoken_of(_OBJECT_YEAR.sub("", self.text[left:right]))
            self.known[left, right] = bool(years) and max(years) < self.plan_year
        return self.known[left, right]


_SENTENCE_BREAK = re.compile("[。；！？\n]")


def _reject_reason(a: int, b: int, body: str, opens: bool, has_number: bool,
                   years: _SentenceYears, tagged) -> Optional[str]:
    """Why the clause text[a:b] (``body`` after its lead; ``opens``: the first of its
    sentence) is no commitment, or None.

    ``tagged`` gives the clause body's POS-tagged words when asked (a callable), or
    is None when the body is to be tagged alone.
    """
    if _FOUR_HAN.search(body) is None:
        return "short"
    cue_of = _any_cue
    # 要/力争/必须 inside a clause mark it as a promise, whatever its opening.
    if cue_of("background").search(body) and not cue_of("promise_mark").search(body):
        return "background"
    if years.earlier(a, b):
        return "past"
    if cue_of("vague").search(body):
        return "vague"
    if cue_of("principle").search(body):
        return "principle"
    if (cue_of("purpose").search(body) and not has_number
            and not (opens and not cue("purpose_always", body))):
        return "purpose"
    if has_number:
        return None
    if not cue_of("action").match(body) and not (
            predicate_in(tagged()) if tagged else has_predicate(body)) and not _verb_opening(body, tagged):
        return "no_predicate"
    if not _has_topic(body, tagged):
        # Every word generic (着力加强社会建设): nothing a report could show.
        return "generic"
    return None


# Tags jieba's dictionary gives the first half of a verb-object or adverb-verb word it
# lists whole (开拓|市场 v, 合理|布局 vn, 全面|规划 ad), and proper-noun tags no such word has.
_VERB_HALF_TAGS = frozenset(("v", "vd", "vn", "a", "ad", "d"))
_PROPER_TAGS = ("nr", "ns", "nt", "nz", "x")


def _verb_opening(body: str, tagged) -> bool:
    """Whether a clause opens with a predicate jieba's dictionary tags as something else:
    a plan clause is a verb phrase, its subject left out, so its first word is the verb.

    A verb of the ``verb`` words of models/commitment_cues.tsv (总结, 整顿, 依法: the
    dictionary tags them n or m); and three shapes of the dictionary's mis-tags: an adverb
    opening the clause before a content word (严格|财经纪律, 大力|节约用电 — an adverb
    modifies a predicate); a numeral
    tag on a word with no numeral (整顿|建筑市场); a four-character word made of a verb,
    adjective or adverb and another word (开拓市场, 合理布局, 妥善安置, 体察民情, 增收节支).
    A noun phrase stays one (已经查清的大案要案, 消费结构的这种趋向: 的 after the opening).

    Example:
        >>> _verb_opening("整顿建筑市场", None), _verb_opening("合理布局", None), _verb_opening("省级政府机构改革方案", None)
        (True, True, False)
    """
    from .nlp import pos_tag

    raw = [(t[0], t[1]) for t in (tagged() if tagged else pos_tag(body)) if t[0].strip()]
    if len(raw) < 2 and not (raw and len(raw[0][0]) == 4):
        return False
    (w, tag), nxt = raw[0], raw[1] if len(raw) > 1 else ("", "x")
    if not _HAN.fullmatch(w[0]) or nxt[0] == "的" or (nxt[0] and not _HAN.match(nxt[0])):
        return False
    verbs = _cue_words("verb")
    if w in verbs:
        return True
    if tag in ("d", "ad") or w in _cue_words("glued_adverb"):
        after = raw[2][0] if len(raw) > 2 else ""
        content = nxt[0] in verbs or not nxt[1].startswith(_NOT_VERB_OPENING) or _numeral_free_m(nxt)
        return len(w) >= 2 and len(nxt[0]) >= 2 and content and after != "的"
    if tag == "m":
        return _numeral_free_m((w, tag))
    return _verb_compound(w, tag) and not _subject_stated(raw)


def _verb_compound(word: str, tag: str) -> bool:
    """A four-character word jieba's dictionary lists whole as a noun, made of a verb,
    adjective or adverb and another dictionary word (开拓|市场, 合理|布局, 增收|节支)."""
    if len(word) != 4 or tag.startswith(_PROPER_TAGS):
        return False
    dictionary = word_tags()
    return dictionary.get(word[:2], "") in _VERB_HALF_TAGS and word[2:] in dictionary


def _has_topic(body: str, tagged) -> bool:
    """Whether a clause names a topic: a quoted name (落实“两个确保”: a programme is named
    in quotes whatever its words), a canonical term, or a topic word of its tagging."""
    if _QUOTED.search(body):
        return True
    if not tagged:
        return bool(content_words(body))
    # The clause's own words first: they answer for most clauses without the synonym scan.
    if any(map(is_topic_word, map(itemgetter(0), tagged()))):
        return True
    pattern, canon = synonyms()
    return any(is_topic_word(canon[m.group(0)]) for m in pattern.finditer(body))


# Every deadline pattern above holds one of these characters (年 of a year, a span or a decade,
# 期 of 时期/期间, 末, 纪 of 世纪): a clause without any sets no deadline.
_DEADLINE_CHARS = re.compile("[年期末纪]")


def _clause_due(clause: str, plan_year: Optional[int]) -> Optional[int]:
    """The deadline a clause sets.  A year before the plan year is no deadline of a plan
    (基本完成2000年底前建成的城镇老旧小区改造任务: the year says which estates)."""
    if _DEADLINE_CHARS.search(clause) is None:
        return None
    due = due_year_of(clause) or due_year_in_words(clause, plan_year)
    return None if due and plan_year and due < plan_year else due


def _lead_year_due(clause: str, plan_year: Optional[int]) -> Optional[int]:
    """2012年财政性教育经费…达到4%, in the 2011 plan: a clause opening with a later year."""
    lead_year = _LEAD_YEAR.match(clause.lstrip("争取力争到在"))
    if lead_year and plan_year and year_value(lead_year.group(1)) > plan_year:
        return year_value(lead_year.group(1))
    return None


def commitment_clauses(text: str, start: int = 0, *, numbers: Optional[list[tuple[int, int]]] = None,
                       plan_year: Optional[int] = None,
                       rejected: Optional[list] = None, tokens=None) -> list[Commitment]:
    """Cut a plan item's text into its commitments.

    Every clause (between ，；：。) that promises an action or a target state is
    a commitment, whatever its verb: after connectives (今年, 要, 同时) and a
    leading frame (围绕…, 结合…) are cut off, it needs a predicate (a verb or an
    adjective of state, by POS tag, or a number) and must not be a purpose,
    a principle, background or a vague phrase.  A paragraph's opening theme
    sentence (完善社会保障制度。…) is a promise too: annotators of every pair
    count it as one.

    Args:
        text: the item text (without its heading).
        start: offset of ``text`` in the document.
        numbers: (start, end) spans of the numeric facts inside the item (longer tuples,
            such as (start, end, fact_id), are read by their first two fields).
        plan_year: the year planned; a sentence that names only earlier years
            (2010年国内生产总值增长10.3%) reports the past and promises nothing.
        rejected: a list that receives a :class:`Rejected` for every clause
            judged not a commitment (for ``plans --explain``).
        tokens: ``Document.tokens`` of the document holding ``text``: the POS
            tags are then read from the document's one tagging instead of
            tagging each clause again.

    Returns:
        Commitments in text order, with spans in document offsets.

    Example:
        >>> t = "加强基层妇女干部培训，举办基层女干部培训班，切实保障妇女儿童合法权益。"
        >>> [c.text for c in commitment_clauses(t)]
        ['加强基层妇女干部培训', '举办基层女干部培训班']
    """
    spans = _Spans(numbers)
    years = _SentenceYears(text, plan_year)
    out: list[Commitment] = []
    # The deadline of the sentence's first clause, which later clauses without one of their own
    # inherit: read only when one is kept (most opening clauses are rejected and most sentences
    # keep none), from the clause itself while it is still unread.
    sentence_due: Optional[int] = None
    sentence_opening: Optional[str] = None
    judged = []
    for a, b in split_clauses(text, start):
        clause = text[a - start:b - start]
        opens = _opens_sentence(text, a - start)
        cut = _strip_lead(clause)
        if judged and clause.startswith("是") and has_cue("focus", judged[-1][2]):
            # 农村科技工作的重点，是引进、示范和推广先进适用的科技成果: the promise follows 是.
            cut = 1 + clause.startswith("是要") + _strip_lead(clause[1 + clause.startswith("是要"):])
        body = clause[cut:]
        tagged = _tagging(body, a + cut, b, tokens)
        judged.append([a, b, clause, cut, _reject_reason(a - start, b - start, body, opens, spans.any_within(a, b),
                                                         years, tagged), tagged, opens])
    _coordinated(text, start, judged)
    for a, b, clause, cut, reason, _, opens in judged:
        if opens:
            sentence_opening = clause
        if reason:
            if rejected is not None:
                rejected.append(Rejected(clause, a, b, reason))
            continue
        body = clause[cut:]
        due = _clause_due(clause, plan_year)
        if due is None:
            due = _lead_year_due(clause, plan_year)
        if opens:
            sentence_due, sentence_opening = due, None
        elif due is None:
            # 争取1997年粮食产量达到4.75亿吨，棉花、油料…有较大发展: the sentence's deadline holds on.
            if sentence_opening is not None:
                sentence_due, sentence_opening = _clause_due(sentence_opening, plan_year), None
            due = sentence_due
        for piece, pa, pb in _split_programmes(body, a + cut):
            out.append(Commitment(piece, pa, pb, due_year=due))
    return out


# Han characters up to which a clause inside a coordination of promises is one of them.
_COORDINATED_MAX = 12


def _coordinated(text: str, start: int, judged: list) -> None:
    """Accept the short clauses of a coordination of promises that the tagger or the
    generic test missed: a clause between two promises of the same sentence, joined by
    commas, is a verb phrase like them (发展经济，广辟财源，增收节支，改善财政困难状况 —
    jieba's dictionary tags 增收节支 and 合理安排 nouns, 整顿 a numeral; 农业补贴要继续增加
    总量，提高标准，扩大范围 — 提高标准 takes its topic from the sentence).
    ``judged`` holds [start, end, clause, lead cut, reason, tagging, opens] per clause and is
    changed in place."""
    def joined(k: int) -> bool:  # clause k and k + 1 are parts of one sentence
        return judged[k][1] - start < len(text) and text[judged[k][1] - start] in "，,"

    for k in range(1, len(judged) - 1):
        clause, cut, reason, tagged = judged[k][2:6]
        body = clause[cut:]
        if (reason in ("no_predicate", "generic") and not judged[k - 1][4] and not judged[k + 1][4]
                and joined(k - 1) and joined(k) and len(_HAN.findall(body)) <= _COORDINATED_MAX
                and _verb_phrase_shape(body, reason, tagged() if tagged else None)):
            judged[k][4] = None


# Tags of a first word that opens no verb phrase: prepositions (在, 按照, 通过, 由), time and
# place words, pronouns, conjunctions, particles.
_NOT_VERB_OPENING = ("p", "t", "f", "r", "c", "u", "m", "q", "x")


def _verb_phrase_shape(body: str, reason: str, tagged) -> bool:
    """Whether a clause left out as no_predicate or generic reads as a verb phrase with
    its object: a generic one opens with a verb (提高标准, 加强服务); a tagless one (增收节支,
    合理安排信贷规模) opens with no preposition, time word or pronoun and is no subject with
    its state (利率水平较低, 任务比较明确: an adverb or adjective after the first word), no
    noun phrase (…的…, a list with 、) and no 是-clause (特别是…); neither is a subject with
    a quantity or a state of its own (就业人数很多, 有的已经解决)."""
    from .nlp import pos_tag

    words = [(t[0], t[1]) for t in (tagged if tagged is not None else pos_tag(body)) if _HAN.search(t[0])]
    if not words or "、" in body or "是" in body:
        return False
    tags = [tag for _, tag in words]
    stated = _subject_stated(words)
    if reason == "generic":
        return tags[0].startswith(("v", "d", "ad")) and not stated
    first_tag = words[0][1]
    if first_tag.startswith(_NOT_VERB_OPENING) and not (first_tag == "m" and not _NUMERAL.search(words[0][0])):
        return False
    return "的" not in body and not stated and not any(t.startswith(("d", "a")) for t in tags[1:])


def _numeral_free_m(word: tuple) -> bool:
    """A word jieba's dictionary tags a numeral though it holds none (整顿): a mis-tag."""
    return word[1] == "m" and len(word[0]) >= 2 and not _NUMERAL.search(word[0])


def _subject_stated(words: list) -> bool:
    """Whether (word, tag) pairs read as a subject with a quantity or a state of its own
    (就业人数很多, 有的已经解决): an assessment, not a verb phrase."""
    tags = [t for _, t in words]
    return any(t.startswith("m") and _NUMERAL.search(w) for w, t in words[1:]) or any(
        t.startswith("d") and nxt.startswith(("v", "a")) for t, nxt in zip(tags[1:], tags[2:]))


# A numeral character: a word jieba's dictionary tags m without one (整顿) is no number.
_NUMERAL = re.compile("[0-9０-９零〇一二三四五六七八九十百千万亿两几数半多余第]")


def _tagging(body: str, a: int, b: int, tokens):
    """A callable giving the POS-tagged words of a clause body from the document's
    one tagging (a word straddling the body's start included), read when first
    needed; None without a document (the body is then tagged alone)."""
    if tokens is None:
        return None
    got: list = []
    # an item segment's words find a clause's run by bisection; any other ``tokens``
    # (Document.tokens) is filtered word by word
    covering = getattr(tokens, "covering", None)

    def tagged():
        if not got:
            got.append(covering(a, b) if covering is not None
                       else [t for t in tokens(max(a - 8, 0), b) if t.end > a])
        return got[0]
    return tagged


def _split_programmes(body: str, offset: int) -> list[tuple[str, int, int]]:
    """继续实施“春蕾计划”和“两癌”救助项目 → two promises, one per programme.

    The second piece keeps the shared verb, so it is not a substring of the
    document; its span is that of its own words.
    """
    m = _TWO_PROGRAMMES.match(body)
    if not m or not m.group("verb"):
        return [(body, offset, offset + len(body))]
    first = m.group("verb") + m.group("a")
    second_at = offset + m.start("b")
    return [(first, offset, offset + len(first)),
            (m.group("verb") + m.group("b"), second_at, second_at + len(m.group("b")))]


def _item_sections(doc: Document) -> list[tuple[Section, list[tuple[int, int]]]]:
    """(section, text segments) of every plan item, in text order.

    Items are the direct children of each top-level plan section; a plan
    section's own text (before, between and after its children) is an
    item of its own, with the section's id, when it holds numeric targets:
    that is where a 政府工作报告 states its 主要预期目标.
    """
    out = []
    tops = [s for s in doc.section_list if s.level == 1 and s.kind == "plan"]
    if not tops:
        # A report whose plan parts sit at a lower level with nothing above them
        # (1985: （二）关于经济体制改革 › 第一、…; 1978: 第一，全国动员，大办农业): those are its parts.
        tops = [s for s in doc.section_list if s.parent_id is None and s.kind == "plan"]
    intro = _plan_in_intro(doc, tops) or _unheaded_body(doc, tops)
    if intro is not None:
        out.append(intro)
    out += _plan_after_review(doc)
    for top in tops:
        children = [s for s in doc.section_list if s.parent_id == top.section_id]
        out.append((top, _own_text(_body_start(doc, top), top.end, children)))
        for child in children:
            out.append((child, [(_item_start(doc, child), child.end)]))
    return out


def _own_text(start: int, end: int, children: list) -> list[tuple[int, int]]:
    """The (start, end) segments of text[start:end] that no child section holds: a
    part's own text before, between and after its children.  A paragraph between
    children belongs to the part (做好今年工作，要把握好三点：一是…三是…。 heads three
    in-paragraph items, and the 主要预期目标 paragraph after them is the part's own).

    Example:
        >>> from types import SimpleNamespace as S
        >>> _own_text(0, 100, [S(start=10, end=40), S(start=60, end=90)])
        [(0, 10), (40, 60), (90, 100)]
    """
    segments, pos = [], start
    for child in children:
        if child.start > pos:
            segments.append((pos, child.start))
        pos = max(pos, child.end)
    if pos < end:
        segments.append((pos, end))
    return segments


def _item_start(doc: Document, sec: Section) -> int:
    """Where an item's promises start: after its heading, but at its title when the
    title is the first clause of an enumeration running on in its paragraph
    (……。二是进一步完善城镇社会保障体系。当务之急……): that title is a promise of the
    paragraph, not a heading naming it (annotators count it, GUIDELINES_check.md)."""
    body = _body_start(doc, sec)
    title_at = sec.start + len(sec.marker)
    if not is_enumeration_marker(sec.marker) or not doc.text.startswith(sec.title, title_at):
        return body
    line_end = doc.text.find("\n", title_at)
    runs_on = body < sec.end and (line_end < 0 or body < line_end)
    return title_at if runs_on else body




def _plan_in_intro(doc: Document, tops: list) -> Optional[tuple[Section, list[tuple[int, int]]]]:
    """A report whose plan parts have headings but whose review has none
    (1984年政府工作报告: 关于国内建设 … 在新的一年里，我们要…, then 一、…): the
    un-headed opening part holds the year's general tasks from the paragraph
    that turns to the year ahead on.  None when the report has a review part
    of its own or no such paragraph."""
    from .comparison import REVIEW_KINDS
    turns_ahead = re.compile(f'{year_cue("year_ahead").pattern}|{year_cue("turn_ahead").pattern}').search
    if not tops or any(s.kind in REVIEW_KINDS for s in doc.section_list):
        return None
    intro = next((s for s in doc.section_list if s.level == 1 and s.kind == "intro"
                  and s.end <= tops[0].start), None)
    if intro is None:
        return None
    pos = intro.start
    for para in doc.text[intro.start:intro.end].split("\n"):
        # A paragraph that turns to the year ahead (在新的一年里, 今年, 今后).
        if turns_ahead(para.strip()[:40]) and len(_HAN.findall(para)) > 60:
            return intro, [(pos, intro.end)]
        pos += len(para) + 1
    return None


def _unheaded_body(doc: Document, tops: list) -> Optional[tuple[Section, list[tuple[int, int]]]]:
    """A report whose body has no headed part at all (the 1954年政府工作报告 as
    scraped: one run of paragraphs, each topic's review followed by its tasks):
    its whole opening part is read as the plan, clause by clause, and the
    clauses that report the past are left out as everywhere else.  None when
    the report has a plan or review part of its own."""
    from .comparison import REVIEW_KINDS
    if tops or any(s.kind == "plan" or s.kind in REVIEW_KINDS for s in doc.section_list):
        return None
    intro = next((s for s in doc.section_list if s.level == 1 and s.kind == "intro"), None)
    if intro is None:
        return None
    segments = _sentences_ahead(doc, intro.start, intro.end)
    return (intro, segments) if segments else None


def _sentences_ahead(doc: Document, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of the sentences of text[start:end] that say what is to be done:
    a word of the future or of a promise (要, 将, 必须, 力争: commitment_cues.tsv
    future_any) or a later year.  Without a plan part to say so, a clause is a
    promise only by its own words."""
    from .nlp import split_sentences
    from .structure import sentence_time

    return [(a, b) for a, b in split_sentences(doc.text, start, end)
            if has_cue("future_any", doc.text[a:b]) or sentence_time(doc.text[a:b], doc.meta.year) == "plan"]


def _plan_after_review(doc: Document) -> list[tuple[Section, list[tuple[int, int]]]]:
    """The closing paragraphs of a 政府工作报告's review part that turn to the year
    ahead, when the part is a review by its body, not by its heading (1987:
    一、当前国内形势和基本任务 reviews 1986, then ……我们要集中力量办两件大事：…):
    they set the year's basic tasks.  Paragraphs are taken from the end back
    while they look ahead and report nothing of the reviewed year."""
    from .comparison import REVIEW_KINDS
    from .structure import delivered_late, kind_of_heading

    if doc.meta.kind != "gov_work_report" or not doc.meta.year:
        return []
    # Delivered late in its year (1981: in November), a report's 今年 is the year it reviews.
    late = delivered_late(doc.text)
    out = []
    for sec in doc.section_list:
        if (sec.level != 1 or sec.parent_id is not None or sec.kind not in REVIEW_KINDS
                or kind_of_heading(sec.title, year=doc.meta.year, gov=True) is not None):
            continue
        start = _looking_ahead_from(doc, sec, late)
        if start is not None:
            out.append((sec, [(start, sec.end)]))
    return out


def _looking_ahead_from(doc: Document, sec: Section, late: bool = False) -> Optional[int]:
    """Where the closing paragraphs of a section that look ahead start (None: none do).

    ``late``: the report was delivered late in its year (structure.delivered_late), so its
    今年 is the year reviewed and only 明年 looks ahead (structure.sentence_time)."""
    from .nlp import split_sentences
    from .structure import sentence_time

    start = None
    end = sec.end
    while end > sec.start:
        para_start = doc.text.rfind("\n", sec.start, end) + 1 or sec.start
        times = {sentence_time(doc.text[a:b], doc.meta.year, late)
                 for a, b in split_sentences(doc.text, para_start, end)}
        if "review" in times or "plan" not in times:
            break
        start = para_start
        end = para_start - 1
    return start


def _body_start(doc: Document, sec: Section) -> int:
    """Where a section's text starts after its marker and heading."""
    pos = sec.start + len(sec.marker)
    if sec.title and doc.text.startswith(sec.title, pos):
        pos += len(sec.title)
    while pos < sec.end and doc.text[pos] in "。：:，； \n":
        pos += 1
    return pos


@dataclass
class PlanAnalysis:
    """What the plan reader finds in a document, once (kept as ``Document.plan_analysis``).

    ``items`` holds each plan item as (PlanItem row, its commitments with spans
    and targets); ``rejected`` every clause judged not a commitment, as
    (item_id, clause), for ``explain_plan``.
    """

    items: list[tuple[dict, list[Commitment]]]
    rejected: list[tuple[str, Rejected]]


def analyse_plan(doc: Document) -> PlanAnalysis:
    """Read the plan part of ``doc`` once: its items, their commitments and the clauses left out.

    Use ``doc.plan_analysis`` (or :func:`plan_items`, :func:`plan_commitments`,
    :func:`explain_plan`), which call this once per document and share the result.

    Example:
        >>> import summarylab as sl
        >>> plan = analyse_plan(sl.read_text("某县妇联2022年工作计划\\n一、2022年工作计划\\n举办妇女技能培训班5期。"))
        >>> [c.text for _, cs in plan.items for c in cs]
        ['举办妇女技能培训班5期']
    """
    rejected: list = []
    items = _items(doc, _fact_spans(doc), rejected)
    return PlanAnalysis(items, rejected)


def _fact_spans(doc: Document) -> list[tuple[int, int, int]]:
    """(start, end, fact_id) of the document's facts, in the fact table's order.

    Read from the fact analysis's rows, so that no DataFrame is built for three columns;
    a document loaded from the store carries its stored table and no analysis: that table.
    """
    attached = vars(doc)
    if "facts" in attached and "fact_analysis" not in attached:
        return [(int(r.start), int(r.end), int(r.fact_id)) for r in doc.facts.itertuples()]
    return [(int(r["start"]), int(r["end"]), int(r["fact_id"])) for r in doc.fact_analysis.rows]


def extract_plan_items(doc: Document) -> "pd.DataFrame":
    """The PlanItem table of ``doc`` built from its one plan analysis (``Document.plan_items``)."""
    import pandas as pd

    rows = [dict(row, commitments=[c.text for c in cs]) for row, cs in doc.plan_analysis.items]
    return pd.DataFrame(rows, columns=PLAN_ITEM_COLUMNS)


def plan_items(doc: Document) -> "pd.DataFrame":
    """The plan items of a report with their commitments, keywords and targets.

    Args:
        doc: a document from :func:`summarylab.read` with a plan part.

    Returns:
        A DataFrame with the PlanItem columns of DESIGN.md, one row per item;
        empty (with the columns) when the report has no plan part.  It is the
        document's one table (``doc.plan_items``), shared: copy before changing it.

    Example:
        >>> import summarylab as sl
        >>> items = plan_items(sl.read("corpora/000_85a1b6df8f5117e0.txt"))
        >>> items.loc[items.item_id == "4.3", "commitments"].iloc[0][3]
        '继续实施“春蕾计划”'
    """
    return doc.plan_items


def plan_commitments(doc: Document) -> list[tuple[dict, list[Commitment]]]:
    """The plan items as (PlanItem row, commitments with spans and targets).

    What :func:`summarylab.plancheck.check` needs: the commitments' spans and the
    fact_ids of the numeric targets inside each.

    Example:
        >>> import summarylab as sl
        >>> row, cs = plan_commitments(sl.read("corpora/000_85a1b6df8f5117e0.txt"))[1]
        >>> row["item_id"], cs[1].text
        ('4.2', '继续深入实施“破难行动”')
    """
    return doc.plan_analysis.items


class _SegmentTokens:
    """``Document.tokens`` over one item segment, asked once (when a clause first
    needs its tags) and then sliced by bisection for each clause: a clause's words
    without a scan of its whole sentence each time."""

    def __init__(self, doc: Document, start: int, end: int):
        self.doc, self.start, self.end = doc, start, end
        self.tokens: Optional[list] = None
        self.starts: list[int] = []
        self.ends: list[int] = []

    def _load(self) -> None:
        self.tokens = self.doc.tokens(self.start, self.end)
        self.starts = list(map(_START, self.tokens))
        self.ends = list(map(_END, self.tokens))

    def __call__(self, a: int, b: int) -> list:
        """The words starting at or after ``a`` and ending by ``b``."""
        if self.tokens is None:
            self._load()
        # Words do not overlap, so their ends rise with their starts: the words of [a, b) are
        # one run, from the first starting at a to the last ending by b.
        j = min(bisect_left(self.starts, b), bisect_right(self.ends, b))
        return self.tokens[bisect_left(self.starts, a):j]

    def covering(self, a: int, b: int) -> list:
        """The words of a clause body at ``a``: ``self(a - 8, b)`` without those ending
        by ``a`` (a word straddling ``a`` is kept), found by bisection: the ends rise, so
        the words ending after ``a`` are a tail of the run."""
        if self.tokens is None:
            self._load()
        j = min(bisect_left(self.starts, b), bisect_right(self.ends, b))
        i = max(bisect_left(self.starts, max(a - 8, 0)), bisect_right(self.ends, a))
        return self.tokens[i:j]


_START, _END = attrgetter("start"), attrgetter("end")


@dataclass
class _Item:
    """What one plan item yields while it is read."""

    text: str
    inside: list[tuple[int, int, int]]
    is_lead: bool
    commitments: list[Commitment]
    dropped: list[Rejected]


def _items(doc: Document, fact_spans: list[tuple[int, int, int]],
           rejected: Optional[list] = None) -> list[tuple[dict, list[Commitment]]]:
    facts = _Spans(fact_spans)
    parents = {s.parent_id for s in doc.section_list}
    seen_texts: set[str] = set()
    out = []
    for sec, segments in _item_sections(doc):
        text = "\n".join(doc.text[a:b].strip() for a, b in segments).strip()
        if text and text in seen_texts:
            continue
        # A plan part with numbered items: its own text is a preamble, an item
        # only for its targets.  Without items, its text is the item.
        item = _read_item(doc, sec, segments, text, facts,
                          sec.parent_id is None and sec.section_id in parents)
        if item is None:
            continue
        if rejected is not None:
            rejected += [(sec.section_id, r) for r in sorted(item.dropped, key=lambda r: r.start)]
        if not item.commitments:
            continue
        seen_texts.add(item.text)
        out.append((_item_row(doc, sec, item), item.commitments))
    return out


def _read_item(doc: Document, sec: Section, segments: list[tuple[int, int]], text: str,
               facts: _Spans, is_lead: bool) -> Optional[_Item]:
    """The commitments of one plan item and the clauses left out (None: no item)."""
    inside = facts.within(segments)
    targets_at, targets_end = _targets_paragraph(doc.text, segments) if is_lead else (0, 0)
    if is_lead and targets_end <= targets_at and inside and doc.meta.kind != "gov_work_report":
        targets_at, targets_end = _unheaded_targets(doc.text, segments, inside)
    if is_lead and targets_end <= targets_at:
        if len(_HAN.findall(text)) >= _LEAD_PARAGRAPH:
            # A plan part whose own text is a paragraph of tasks before an
            # enumeration (1984: 一、… 利改税的第二步… 第一，… 第二，…) is an item.
            is_lead = False
        # Else a plan part's short preamble is a statement of intent: its clauses are
        # read and listed as preamble (``plans --explain``), none silently dropped.
    commitments: list[Commitment] = []
    dropped: list[Rejected] = []
    for a, b in segments:
        commitments += commitment_clauses(doc.text[a:b], a, numbers=inside, plan_year=doc.meta.plan_year,
                                          rejected=dropped, tokens=_SegmentTokens(doc, a, b))
    if is_lead:
        commitments = _announced_targets(commitments, targets_at, targets_end, inside, dropped)
    if not commitments and not is_lead:
        # An item that is only a heading (（二）举办妇女技能培训班5期。) promises its heading.
        head_start = sec.start + len(sec.marker)
        heading = facts.within([(head_start, head_start + len(sec.title))])
        commitments = commitment_clauses(sec.title, head_start, numbers=heading)
        inside = facts.within([(sec.start, sec.end)])
        text = text or sec.title
    kept = _drop_repeated_targets(doc.text, commitments, inside)
    dropped += _left_out(commitments, kept, "repeated")
    return _Item(text, inside, is_lead, kept, dropped)


def _announced_targets(commitments: list[Commitment], targets_at: int, targets_end: int,
                       inside, dropped: list[Rejected]) -> list[Commitment]:
    """A plan part's own text promises its targets (主要预期目标): every clause of
    the paragraph that announces them (国际收支基本平衡 as much as 城镇新增就业900万人以上)
    and the numeric targets after it; the rest (总体要求, 宏观政策) states
    intentions, and what stands before the targets' paragraph looks back
    (过去一年…增长10.3%).  The others go to ``dropped`` as preamble."""
    kept = [c for c in commitments
            if targets_at <= c.start < targets_end
            or c.start >= targets_at and any(c.start <= s and e <= c.end for s, e, _ in inside)]
    dropped += _left_out(commitments, kept, "preamble")
    return kept


def _left_out(commitments: list[Commitment], kept: list[Commitment], reason: str) -> list[Rejected]:
    """The commitments not kept, as clauses rejected for ``reason``."""
    ids = {id(c) for c in kept}
    return [Rejected(c.text, c.start, c.end, reason) for c in commitments if id(c) not in ids]


def _item_row(doc: Document, sec: Section, item: _Item) -> dict:
    """The PlanItem row of an item; fills its commitments' targets and due years."""
    plan_year = doc.meta.plan_year
    heading_due = due_year_of(sec.title)
    item_due = max(plan_year or 0, heading_due or 0) or plan_year
    inside = _Spans(item.inside)
    for c in item.commitments:
        c.targets = [fid for _, _, fid in inside.within([(c.start, c.end)])]
        if c.due_year is None or (plan_year and c.due_year < plan_year):
            c.due_year = item_due
    return {
        "doc_id": doc.doc_id, "item_id": sec.section_id, "plan_year": plan_year,
        "title": sec.title if not item.is_lead else f"{sec.title}（主要预期目标）",
        "text": item.text, "commitments": None, "keywords": keywords_of(item.text),
        "targets": [fid for _, _, fid in item.inside], "due_year": item_due,
    }


def explain_plan(doc: Document) -> "pd.DataFrame":
    """Every clause of the plan items judged not a commitment, and why.

    Columns: item_id, clause, start, end, reason (a key of :data:`REASONS`)
    and reason_text (its Chinese explanation).  What ``summarylab plans
    --explain`` prints, so that no clause is dropped silently.

    Example:
        >>> import summarylab as sl
        >>> x = explain_plan(sl.read("corpora/000_85a1b6df8f5117e0.txt"))
        >>> x.loc[x.clause == "切实保障妇女儿童合法权益", "reason"].iloc[0]
        'purpose'
    """
    import pandas as pd

    rows = [{"item_id": sid, "clause": r.text, "start": r.start, "end": r.end, "reason": r.reason,
             "reason_text": REASONS[r.reason]} for sid, r in doc.plan_analysis.rejected]
    return pd.DataFrame(rows, columns=["item_id", "clause", "start", "end", "reason", "reason_text"])


# Han characters from which a plan part's own text is a paragraph of tasks, not a preamble.
_LEAD_PARAGRAPH = 150


def _unheaded_targets(text: str, segments: list[tuple[int, int]],
                      inside: list[tuple[int, int, int]]) -> tuple[int, int]:
    """(start, end) of an office plan's unheaded targets: from the sentence of the lead's first
    figure to the end of its paragraph.  A 工作计划 often opens with its guiding sentence and
    then, with no 主要目标 head, the year's targets and deadlines (2025年，我局将坚持…。全年计划
    实施审计项目28个，…。年初公布年度审计项目计划，…): those sentences promise as much as the
    items below.

    Example:
        >>> t = "2025年，我局将坚持依法审计。全年实施审计项目28个。年初公布审计项目计划。\\n"
        >>> a, b = _unheaded_targets(t, [(0, len(t))], [(t.index("28"), t.index("28") + 3, 0)])
        >>> t[a:b]
        '全年实施审计项目28个。年初公布审计项目计划。'
    """
    first = min(s for s, _, _ in inside)
    seg = next(((a, b) for a, b in segments if a <= first < b), None)
    if seg is None:
        return 0, 0
    a, b = seg
    start = max(text.rfind(mark, a, first) for mark in "。；\n") + 1
    end = text.find("\n", first, b)
    return max(start, a), (b if end < 0 else end)


def _targets_paragraph(text: str, segments: list[tuple[int, int]]) -> tuple[int, int]:
    """(start, end) of the paragraph that announces the year's targets
    ((0, 0) if none does)."""
    for a, b in segments:
        m = targets_head().search(text, a, b)
        if m:
            end = text.find("\n", m.end(), b)
            end = b if end < 0 else end
            if text[m.end():end].rstrip().endswith(("：", ":")):
                end = _bullets_after(text, end, b)
            if m.group().endswith(("：", ":")):
                return m.end(), end  # 全年力争实现：社区不发生…: the targets follow the lead
            return text.rfind("\n", 0, m.start()) + 1, end
    return 0, 0


# A paragraph that is an item of a list announced by the paragraph before (——农业总产值…).
_BULLET = re.compile(r"——|—|●|·|•|■|◆")


def _bullets_after(text: str, end: int, limit: int) -> int:
    """Where the list of bullet paragraphs after ``end`` stops: a targets paragraph
    that ends with a colon (……主要目标是：) announces the paragraphs that follow
    (1991: ——发展经济，广辟财源，增收节支……), and every clause of them is a target."""
    pos = end
    while pos < limit:
        nxt = pos + 1
        while nxt < limit and text[nxt].isspace():
            nxt += 1
        if nxt >= limit or not _BULLET.match(text, nxt):
            break
        line_end = text.find("\n", nxt, limit)
        pos = limit if line_end < 0 else line_end
    return pos


def _drop_repeated_targets(text: str, commitments: list[Commitment], inside) -> list[Commitment]:
    """Keep one commitment per numeric target: a report restates its targets
    (今年经济增长预期目标定为7.5%左右) when it explains them, in a later sentence.
    A number repeated within one sentence is a parallel target, not a restatement
    (粳稻每50公斤分别提高3元、5元和10元，小麦每50公斤提高3元)."""
    seen: dict[str, int] = {}  # surface → start of the sentence that first set it
    out = []
    spans = _Spans(inside)
    sentence_of = _sentence_breaks(text, [c.start for c in commitments])
    for c in commitments:
        sentence = sentence_of[c.start]
        surfaces = {text[s:e] for s, e, _ in spans.within([(c.start, c.end)])}
        if surfaces and all(seen.get(x, sentence) != sentence for x in surfaces):
            continue
        for x in surfaces:
            seen.setdefault(x, sentence)
        out.append(c)
    return out


_SENTENCE_END = re.compile("[。！？\n]")


def _sentence_breaks(text: str, offsets: list[int]) -> dict[int, int]:
    """The last 。！？ or line end before each offset (-1: none), found in one scan of the
    stretch the offsets span (an item has hundreds of commitments; looking back from each
    over the whole document cost 6–9% of the plan reading)."""
    if not offsets:
        return {}
    lo, hi = min(offsets), max(offsets)
    breaks = [max(text.rfind(ch, 0, lo) for ch in "。！？\n")]
    breaks += [m.start() for m in _SENTENCE_END.finditer(text, lo, hi)]
    return {at: breaks[bisect_left(breaks, at) - 1] for at in offsets}


def keywords_of(text: str, k: int = 8) -> list[str]:
    """The words that say what a text is about: quoted names first, then the
    most frequent topic words (see :func:`is_topic_word`).

    Example:
        >>> keywords_of("继续实施“春蕾计划”和“两癌”救助项目，做好“两癌”保险项目。")[:3]
        ['春蕾计划', '两癌', '救助']
    """
    out: list[str] = []
    for name in _QUOTED.findall(text):
        if name not in out:
            out.append(name)
    counts: dict[str, int] = {}
    for w in _content_words(text):  # the cached tuple itself: no list copy
        if w not in out:
            counts[w] = counts.get(w, 0) + 1
    ranked = sorted(counts, key=lambda w: (-counts[w], -len(w)))
    return (out + ranked)[:k]
