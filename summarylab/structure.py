"""Structure: the heading tree of a report, each section's kind, and the report's metadata.

Chinese official reports number their parts in a fixed hierarchy::

    一、        level 1      （一） (一)   level 2
    1. 1、 1．  level 3      （1） (1) ①  level 4, and the inline 一是…二是…三是…

Headings usually start a line, but scraped reports may hold a whole part on one
line (``…请予审议。一、2013年工作回顾过去一年…``), so a marker is also accepted
after a sentence end.  What keeps false headings out is the numbering itself:
a marker is a heading only if it is the next ordinal of its kind under its
parent (一、 then 二、; 一是 then 二是), it is not inside quotation marks, and
it stands at a line start or a sentence boundary.  A ``1.`` inside a sentence,
a date, ``十九大`` or ``“一是”`` fail one of these tests.

Decisions for the rest of the genre:

* ``第一部分`` parts sit above 一、: a nested heading takes at least its
  parent's level + 1 (第一部分 1 › 一、 2 › （一） 3), capped at 4.
* ``一要…二要…`` and ``第一，…第二，…`` (also ``第一、``) are level-4 items like
  一是: at a line start or after a sentence or clause end, and a first item
  inside a paragraph needs its second item (a lone 一要, 第一 is a word).
  Lists belong to their paragraph: a 一是 in a later paragraph starts anew.
* A numeral alone on its line (1960: ``一``) numbers a part, titled by the
  first sentence after it; ``一.`` and ``1）`` count at a line start only.
* A contents list before the body, a list of the body that continues the
  outline's numbering (一、二、三、四、 inside part 三), and a part heading in
  mid-line that is a long clause are not headings.
* In a 政府工作报告, a part after the preamble whose heading names no kind is
  plan, unless its body mostly reports the reviewed year (:func:`looks_back`):
  older reports keep their review in parts titled by topic (1985 （一）关于经济形势,
  1987 一、当前国内形势和基本任务).  Word lists live in models/ (heading_words.tsv,
  title_words.tsv, page_chrome.tsv, review_cues.tsv, section_kinds.tsv).
* Metadata: a title set on two lines (office above the report's name) is
  joined; remarks in brackets (（合成样例）) do not name the office; a report
  of 上半年 with a 下半年 plan has plan_year = year (the rest of that year).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from typing import Optional

from .model import REPEATED_COPY_TITLE, Section

from .cues import YEAR_NAMED, YEAR_NUMBER, year_cue, year_value, years_named
from .lexicon import alternatives, categories, read_tsv

_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_CN = "一二三四五六七八九十"

# One alternation, so a single left-to-right pass finds every candidate marker.
# Styles: l0 第一部分 (parts above 一、), l1 一、 (and 一. at a line start), lb a
# numeral alone on its line (the 1960 national report numbers its parts so), l2 （一）,
# l3 1. 1、, l4p （1） ①, l4r 1） at a line start, l4s 一是/一要 and l4f 第一，/第一、
# enumerations.
# The leading lookahead names every character a marker can start with: the
# regex engine then skips other positions at C speed instead of trying each
# branch there (ten times faster on the national reports).
_MARKER = re.compile(
    rf"(?=[第{_CN}（(0-9{_CIRCLED}])(?:"
    rf"(?P<l0>第[{_CN}]{{1,3}}部分)"
    rf"|(?P<l1>[{_CN}]{{1,3}}(?:、|\.(?!\d)))"
    rf"|(?P<lb>[{_CN}]{{1,3}}(?=[ \t]*(?:\n|$)))"
    rf"|(?P<l2>[（(][{_CN}]{{1,3}}[）)])"
    rf"|(?P<l3>(?<![\d.])\d{{1,2}}(?:[.．](?![\d%])|、))"
    rf"|(?P<l4p>[（(]\d{{1,2}}[）)]|[{_CIRCLED}])"
    rf"|(?P<l4r>(?<![（(\d])\d{{1,2}}[）)])"
    rf"|(?P<l4s>[{_CN}]{{1,2}}[是要](?!否))"
    rf"|(?P<l4f>第[{_CN}]{{1,2}}[，,、](?!\d))"
    r")"
)
# Each style's level as DESIGN.md fixes it, and its rank: a heading closes the
# open sections of equal or lower rank (higher number).  第一部分 ranks above 一、
# so a part can hold 一、 headings; a nested heading then takes at least its
# parent's level + 1 (第一部分 1 › 一、 2 › （一） 3), capped at 4.
_STYLE_LEVEL = {"l0": 1, "l1": 1, "lb": 1, "l2": 2, "l3": 3, "l4p": 4, "l4r": 4, "l4s": 4, "l4f": 4}
_STYLE_RANK = {"l0": 0, "l1": 1, "lb": 1, "l2": 2, "l3": 3, "l4f": 3.5, "l4p": 4, "l4r": 4, "l4s": 4}
# 第一，/第一、 rank between 1. and （1）: old reports list （1）（2） inside a 第五、
# (1958) and 一是/二是 run inside a 第一， point.
#: The marker styles that enumerate inside a sentence (一是, 二要, 第三，) rather than head a
#: line of their own.
ENUMERATION_STYLES = ("l4s", "l4f")


def is_enumeration_marker(marker: str) -> bool:
    """Whether a section's marker is a word of a sentence that enumerates (一是, 二要, 第三，),
    not a heading marker of its own (一、, （一）, 1.): the l4s and l4f styles of the marker
    grammar.

    Example:
        >>> is_enumeration_marker("二是"), is_enumeration_marker("第三，"), is_enumeration_marker("（二）")
        (True, True, False)
    """
    m = _MARKER.fullmatch(marker.strip())
    return m is not None and m.lastgroup in ENUMERATION_STYLES


_SENTENCE_END = "。！？；!?;"
# After these a 一是-style item may start (它们 often follow a comma: ……，二是……).
_ENUM_BOUNDARY = "。！？；：，,:;!?"
_OPEN_QUOTES = "“‘「『《"
_CLOSE_QUOTES = "”’」』》"


def _any_of(lexicon: str, category: str) -> str:
    """The entries of a lexicon category as one regex alternation, in the lexicon's order
    (:func:`summarylab.lexicon.alternatives`; the word lists hold no regex syntax)."""
    return alternatives(lexicon, category)


@cache
def _pattern(name: str) -> re.Pattern:
    """A pattern structure builds from its lexicons (models/heading_words.tsv,
    title_words.tsv, page_chrome.tsv, review_cues.tsv), compiled once, by name."""
    return re.compile(_PATTERNS[name]())


_PATTERNS = {
    # Heading words that end a heading which runs on into its body text on one line.
    "heading_tail": lambda: "(" + _any_of("heading_words.tsv", "tail") + ")",
    "problem": lambda: _any_of("heading_words.tsv", "problem"),
    # A heading names problems (存在的问题, 问题和不足, 工作中的短板) rather than a
    # task about them (着力解决群众急难愁盼问题, 补齐民生短板).
    "names_problems": lambda: "{v}|^(?:主要|突出)?{p}|{p}(?:和|与|及|、)|{p}$".format(
        v=_any_of("heading_words.tsv", "names_problems"), p=_any_of("heading_words.tsv", "problem")),
    "tackles_problems": lambda: _any_of("heading_words.tsv", "tackles"),
    "review_heading": lambda: review_cues()["heading"].pattern,
    "gov_review_heading": lambda: review_cues()["gov_heading"].pattern,
    # The year's time words are the ones the comparison and the panel read (models/year_cues.tsv).
    "last_year": lambda: year_cue("last_year").pattern,
    "year_ahead": lambda: year_cue("year_ahead").pattern,
    "next_year": lambda: year_cue("next_year").pattern,
    "genre": lambda: _any_of("title_words.tsv", "genre"),
    "summary_word": lambda: _any_of("title_words.tsv", "summary"),
    "plan_word": lambda: _any_of("title_words.tsv", "plan"),
    "rest_of_year": lambda: _any_of("title_words.tsv", "rest_of_year"),
    "rest_of_year_or_next_stage": lambda: "{}|{}".format(_any_of("title_words.tsv", "rest_of_year"),
                                                         _any_of("title_words.tsv", "next_stage")),
    # 共青团某县委员会 ends in 委员会 too; the pattern keeps the name whole.
    "org_tail": lambda: r"(共青团[\u4e00-\u9fff]{0,6}委员会|" + _any_of("title_words.tsv", "org_tail") + ")$",
    # Where the name of the office ends in a title: at 关于, at a year, at the genre words.
    # (not inside a name that goes on past the word: 县关心下一代工作委员会, 县委巡察工作领导小组办公室)
    "org_stop": lambda: (rf"关于|{_YEAR_WORD}|(?:" + _any_of("title_words.tsv", "org_stop")
                         + ")(?!" + _any_of("title_words.tsv", "org_inner") + ")"),
    # After a body named in a report's opening, the words that make it a body leading the office (…的正确领导下),
    # and before it, those that make it a body the office joins or helps (参加县教育局…).
    "org_led_by": lambda: ("的?(?:" + _any_of("title_words.tsv", "org_led_how") + ")?(?:"
                           + _any_of("title_words.tsv", "org_led_by") + ")"),
    "org_joined": lambda: _any_of("title_words.tsv", "org_joined"),
    "org_noise": lambda: (rf"关于|{_YEAR_WORD}|" + _any_of("title_words.tsv", "org_noise")
                          + r"|[和及暨与、，,：:（）()“”\s]"),
    # Lines a web page puts around a report: breadcrumbs, dates of posting, sources.
    "page_chrome": lambda: "|".join(f"(?:{row[0]})" for row in read_tsv("page_chrome.tsv")),
}


_QUOTED = re.compile(r"“[^”]*”|《[^》]*》|‘[^’]*’|「[^」]*」")


@dataclass
class _Open:
    section_index: int
    rank: int
    inline: bool


_MARKER_DECOR = re.compile(r"^第|部分$|[（）()、.．，,是要\s]")


def cn_ordinal(marker: str) -> Optional[int]:
    """The ordinal a heading marker stands for, or None.

    Example:
        >>> cn_ordinal("（十二）"), cn_ordinal("3."), cn_ordinal("②"), cn_ordinal("四是")
        (12, 3, 2, 4)
        >>> cn_ordinal("第三部分"), cn_ordinal("第二，"), cn_ordinal("二要")
        (3, 2, 2)
    """
    core = _MARKER_DECOR.sub("", marker)
    if not core:
        return None
    if core in _CIRCLED:
        return _CIRCLED.index(core) + 1
    if core.isdigit():
        return int(core)
    if all(c in _CN_DIGITS for c in core):
        if core == "十":
            return 10
        if core.startswith("十"):
            return 10 + _CN_DIGITS[core[1]]
        if len(core) == 1:
            return _CN_DIGITS[core]
        if core[1] == "十":
            return _CN_DIGITS[core[0]] * 10 + (_CN_DIGITS[core[2]] if len(core) == 3 else 0)
    return None


@cache
def section_kind_cues() -> tuple[tuple[str, re.Pattern], ...]:
    """The (kind, cue) pairs of models/section_kinds.tsv, in priority order.

    Example:
        >>> next(kind for kind, cue in section_kind_cues() if cue.search("存在的问题"))
        'problems'
    """
    cues = []
    for kind, pattern in read_tsv("section_kinds.tsv", maxsplit=1):
        cues.append((kind.strip(), re.compile(pattern.strip())))
    return tuple(cues)


def kind_of_heading(title: str, *, year: Optional[int] = None,
                    gov: bool = False) -> Optional[str]:
    """The section kind a heading's wording announces, or None if it says none.

    A heading naming a year after the report's year announces a plan, whatever
    its other words (``2022年重点工作``, ``2022年主要工作``).

    Example:
        >>> kind_of_heading("2021年主要工作指标完成情况")
        'indicators'
        >>> kind_of_heading("当前存在的主要困难和问题")
        'problems'
        >>> kind_of_heading("2022年主要工作", year=2021)
        'plan'
        >>> kind_of_heading("第一个五年计划的第一年——一九五八年的伟大成就", year=1958, gov=True)
        'achievements'
        >>> kind_of_heading("实施“春蕾计划”，资助女童")
    """
    # Quoted names (实施“春蕾计划”, 《规划》) and 计划生育 say nothing of the kind.
    title = _QUOTED.sub("", title).replace("计划生育", "")
    review = _pattern("review_heading").search(title)
    if review:
        # 回顾 / 执行情况 name the year under review, whatever else the heading adds
        # (1993年国内工作的回顾和1994年的任务; “六五”计划执行情况的回顾).
        return "indicators" if re.search(r"指标", title) else "achievements"
    named = years_named(title)
    if year is not None:
        if any(y > year for y in named) and not _pattern("problem").search(title):
            return "plan"
        if gov and year in named and not _pattern("problem").search(title):
            # A part of a 政府工作报告 about the reviewed year reviews it
            # (1955年国家决算; ……第一年——一九五八年的伟大成就).
            return "achievements"
    if gov and _pattern("gov_review_heading").search(title):
        return "achievements"
    for kind, cue in section_kind_cues():
        if cue.search(title):
            return kind
    return None


class _Quotes:
    """How many quotation marks are open at a position (line-local), asked in
    increasing positions: one forward walk over the quote characters, so the
    whole scan stays linear however many candidate markers a text holds."""

    _CHARS = re.compile("[\n" + _OPEN_QUOTES + _CLOSE_QUOTES + '"]')

    def __init__(self, text: str):
        self._matches = self._CHARS.finditer(text)
        self._next = next(self._matches, None)
        self.depth = 0

    def at(self, pos: int) -> int:
        while self._next is not None and self._next.start() < pos:
            ch = self._next.group()
            if ch == "\n":
                self.depth = 0
            elif ch in _OPEN_QUOTES:
                self.depth += 1
            elif ch in _CLOSE_QUOTES:
                self.depth = max(self.depth - 1, 0)
            else:  # straight quotes alternate
                self.depth = self.depth - 1 if self.depth else 1
            self._next = next(self._matches, None)
        return self.depth


def _names_problems(title: str) -> bool:
    """Whether a heading is about the office's own problems.

    Example:
        >>> _names_problems("存在的不足"), _names_problems("着力解决群众急难愁盼问题")
        (True, False)
    """
    return bool(_pattern("names_problems").search(title)) and not _pattern("tackles_problems").search(title)


def _before(text: str, pos: int) -> str:
    """The last non-blank character before ``pos`` on its line, or "\n" at a line start."""
    j = pos - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    return text[j] if j >= 0 else "\n"


def _title_of(text: str, body_start: int, line_end: int, *, run_on: bool) -> str:
    """A heading's title: its text up to the first sentence end or the line end.

    A heading that runs on into its body on the same line (``run_on``) also
    ends at a space, which scraped reports leave between heading and body.
    """
    depth = 0
    j = body_start
    while j < line_end:
        ch = text[j]
        if ch in _OPEN_QUOTES or ch in "（(":
            depth += 1
        elif (ch in _CLOSE_QUOTES or ch in "）)") and depth:
            depth -= 1
        elif depth == 0 and (ch in _SENTENCE_END or (run_on and ch == " " and j > body_start)):
            break
        elif depth == 0 and ch in "：:" and j > body_start:
            # （四）平安建设扎实有效：上半年共排查…… — the heading ends at its colon.
            break
        j += 1
    title = text[body_start:j].strip().lstrip("：:")
    if run_on and len(title) > 24:
        # The heading runs on into its body: cut after the last heading word near its start.
        cut = None
        for m in _pattern("heading_tail").finditer(title[:24]):
            cut = m.end()
        if cut:
            title = title[:cut]
    return title.rstrip("：:，,")


class _LineEnds:
    """Where the line holding a position ends, remembered for the next lookup
    on the same line, so that a report held on one long line is not searched
    to its end once per heading (the scan stays linear)."""

    def __init__(self, text: str):
        self.text = text
        self.start = self.end = -1

    def __call__(self, pos: int) -> int:
        if not (self.start <= pos < self.end):
            end = self.text.find("\n", pos)
            self.start, self.end = pos, len(self.text) if end < 0 else end
        return self.end


def _heading_title(text: str, m: re.Match, line_start: bool, style: str,
                   line_ends: _LineEnds) -> tuple[int, str]:
    """(end of the heading's line, its title) for a marker match."""
    pos = m.start()
    end_of_text = len(text)
    line_end = line_ends(pos)
    if style == "lb":
        # A numeral alone on its line: the part is titled by its first sentence.
        body = line_end
        while body < end_of_text and text[body].isspace():
            body += 1
        next_end = text.find("\n", body)
        next_end = end_of_text if next_end < 0 else next_end
        title = _title_of(text, body, next_end, run_on=False)
        return line_end, title[:40]
    body = m.end()
    while body < line_end and text[body] in " \t":
        body += 1
    title = _title_of(text, body, line_end, run_on=not line_start)
    if _STYLE_RANK[style] <= 1 and ("，" in title or len(title) > 30):
        # A top-level heading that runs on into its first sentence.
        title = _title_of(text, body, line_end, run_on=True)
    if style in ENUMERATION_STYLES:
        # 一是学理论，二是学业务: an item's title stops where the next item starts.
        ordinal = cn_ordinal(m.group())
        if ordinal is not None and ordinal < 99:
            following = (f"第{_cn_number(ordinal + 1)}" if style == "l4f"
                         else _cn_number(ordinal + 1) + m.group()[-1])
            cut = re.search(rf"[，,、：:]\s*{following}", title)
            if cut:
                title = title[:cut.start()]
    return line_end, title


def _cn_number(n: int) -> str:
    """一 … 九十九 for an ordinal (二 for 2, 十一 for 11, 二十 for 20)."""
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _CN[tens - 1] + "十")
    return head + (_CN[ones - 1] if ones else "")


def _duplicate_start(text: str) -> Optional[int]:
    """Where a scraped file starts repeating the report (the 2013 national report
    holds six copies of itself), or None.

    The first substantial line that occurs twice marks the repetition; the copy
    is walked back line by line to where it starts to agree with the original.
    """
    seen: dict[str, int] = {}
    lines = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    for idx, (start, line) in enumerate(lines):
        key = line.strip()
        if len(key) < 40:
            continue
        if key in seen:
            first = seen[key]
            k = 1
            while (idx - k > first and first - k >= 0
                   and lines[idx - k][1].strip() == lines[first - k][1].strip()):
                k += 1
            return lines[idx - k + 1][0]
        seen[key] = idx
    return None


def build_sections(text: str, doc_id: str, *, body_start: int = 0,
                   year: Optional[int] = None, tasks_after_review: bool = False,
                   doc_kind: Optional[str] = None) -> list[Section]:
    """The heading tree of a normalised report text.

    Args:
        text: the normalised text.
        doc_id: the document id written into each section.
        body_start: where the body starts (after the title line); the text
            before the first heading, from here on, becomes the intro section "0".
        year: the year the report reviews; headings naming a later year are plan.
        doc_kind: the document's kind from its title.  In a work summary the
            parts before its problems and plan that name no kind are what was
            done (一、实施“思想政治引领巾帼行动”…) and count as achievements;
            in a plan document every such part is plan.
        tasks_after_review: a 政府工作报告 reviews the year first (in a part
            of its own or in the preamble) and then sets the year's tasks, each
            part titled by its task alone (三、大力推进国有企业改革); parts after
            the review that name no kind are then plan.

    Returns:
        Sections in text order; ``text[s.start:s.end]`` starts with ``s.marker``.

    Example:
        >>> t = "总结\\n一、主要工作\\n（一）抓宣传。一是办班；二是宣讲。\\n二、2022年工作计划"
        >>> [(s.section_id, s.marker, s.kind) for s in build_sections(t, "x", body_start=3)]
        [('1', '一、', 'achievements'), ('1.1', '（一）', 'achievements'), ('1.1.1', '一是', 'achievements'), ('1.1.2', '二是', 'achievements'), ('2', '二、', 'plan')]
    """
    scan = _HeadingScan(text, body_start)
    raw = _drop_contents(text, scan.run())
    return _assemble(text, doc_id, raw, body_start, scan.scan_end, scan.limit, year, tasks_after_review,
                     doc_kind)


class _HeadingScan:
    """One left-to-right pass over the candidate markers of a text, accepting a
    marker as a heading when it is the next ordinal of its kind under its parent.

    State, all of it about the headings accepted so far:
    ``raw`` the accepted headings in order (dicts: start, marker, level, parent,
    style, title, line_end, inline); ``stack`` the open sections, outermost
    first; ``last_child`` (parent, series) → last ordinal; ``last_end`` (parent,
    series) → line end of the last item; ``across_parts`` series → last ordinal
    under a 第X部分; ``first_top`` style → first top-level heading;
    ``all_para_top`` style → whether its top-level headings are all paragraphs;
    ``stray`` series → (ordinal, start) of the last out-of-sequence marker.
    """

    def __init__(self, text: str, body_start: int):
        self.text = text
        self.body_start = body_start
        self.quotes = _Quotes(text)
        self.line_ends = _LineEnds(text)
        self.limit = _duplicate_start(text)
        self.end_of_text = len(text)
        self.scan_end = self.limit if self.limit is not None else self.end_of_text
        self.raw: list[dict] = []
        self.stack: list[_Open] = []
        self.last_child: dict[tuple[int, str], int] = {}
        self.last_end: dict[tuple[int, str], int] = {}
        self.across_parts: dict[str, int] = {}
        self.first_top: dict[str, dict] = {}
        self.all_para_top: dict[str, bool] = {}
        self.stray: dict[str, tuple[int, int]] = {}
        # A scraped report held on a few long lines (…汇报如下：一、主要做法…) puts
        # its part headings after a colon too; in ordinary text such an 一、 is an
        # inline list, so only documents with very long lines get this reading.
        run_on = text.count("\n", body_start, self.scan_end) * 400 < self.scan_end - body_start
        self.ends = "。！？!?：:" if run_on else "。！？!?"

    def run(self) -> list[dict]:
        """The accepted headings, in text order."""
        for m in _MARKER.finditer(self.text, self.body_start, self.scan_end):
            if not self.quotes.at(m.start()):
                self._consider(m)
        return self.raw

    def _consider(self, m: re.Match) -> None:
        style, marker, pos = m.lastgroup, m.group(), m.start()
        prev = _before(self.text, pos)
        line_start = prev == "\n"
        rank = _STYLE_RANK[style]
        if not self._may_start_here(m, style, prev, line_start, rank):
            return
        ordinal = cn_ordinal(marker)
        if ordinal is None:
            return
        # Which open sections cannot contain this one (closed only if it is accepted).
        depth = self._depth(rank, pos)
        parent = self.stack[depth - 1].section_index if depth else -1
        # 一是 and 一要 lists are numbered apart (a part may hold one of each).
        seq = style + marker[-1] if style == "l4s" else style
        expected = self.last_child.get((parent, seq), 0) + 1
        title = line_end = None
        if ordinal == 1 and expected > 1 and parent < 0 and rank <= 2:
            line_end, title = _heading_title(self.text, m, line_start, style, self.line_ends)
            if self._restarts(style, pos, line_start, line_end, marker, title):
                depth, parent, expected = 0, -1, 1
        expected = self._renumbered(expected, ordinal, style, seq, parent, pos)
        if ordinal != expected:
            if line_start:   # lists inside a paragraph are their own series
                self.stray[seq] = (ordinal, pos)
            return
        if title is None:
            line_end, title = _heading_title(self.text, m, line_start, style, self.line_ends)
        if self._continues_body_list(seq, ordinal, rank, pos, line_end, marker, title):
            if line_start:
                self.stray[seq] = (ordinal, pos)
            return
        if ordinal == 1 and not line_start and style in ENUMERATION_STYLES and not self._has_second(m, style, line_end):
            return
        if not title:
            return
        if rank <= 1 and not line_start and ("，" in title or len(title) > 30):
            # A part heading in the middle of a line is a short name (……请予审议。
            # 一、2013年工作回顾); a long clause there is an inline list item
            # (……。四、在私营工厂做工的工人，现在虽然……).
            return
        self._accept(m, style, seq, ordinal, depth, parent, rank, line_start, line_end, title)

    def _may_start_here(self, m: re.Match, style: str, prev: str, line_start: bool, rank: float) -> bool:
        """Whether a marker of this style may open a heading after ``prev``."""
        if style in ENUMERATION_STYLES:
            # Enumerations run inside paragraphs: ……；二是…… and ……，二要……;
            # 第一，/第一、 only after a sentence or clause end (第一，第二， in
            # the middle of a sentence usually rank things, not items).
            boundary = _ENUM_BOUNDARY if style == "l4s" else "。！？；：!?;:"
            return line_start or prev in boundary
        if style in ("lb", "l0", "l4r") or m.group().endswith("."):
            # A numeral alone on its line, 第一部分, 1） and 一. : headings only at a line start.
            # A numeral part stands apart, with a blank line around it (1960);
            # a lone 一 among other short lines is a table cell.
            return line_start and (style != "lb" or _set_apart(self.text, m.start(), m.end()))
        if line_start:
            return True
        # Mid-line headings only after a sentence end, and never the small
        # 1. / (1) kinds, which inside a paragraph are usually not headings.
        # Circled and bracketed Arabic numbers (① （1）) are unambiguous enough
        # after any sentence or clause end.
        return prev in self.ends and rank <= 2 or style == "l4p" and prev in "。！？!?；;：:"

    def _depth(self, rank: float, pos: int) -> int:
        """How many open sections can contain a heading of ``rank`` at ``pos``."""
        depth = len(self.stack)
        while depth and (self.stack[depth - 1].rank >= rank or
                         (self.stack[depth - 1].inline
                          and self.raw[self.stack[depth - 1].section_index]["line_end"] <= pos)):
            depth -= 1
        return depth

    def _restarts(self, style: str, pos: int, line_start: bool, line_end: int, marker: str,
                  title: str) -> bool:
        """Whether a top-level 一、 after others starts the tree or a run anew."""
        first = self.first_top.get(style)
        if first is not None and title and title == first["title"]:
            # A table of contents lists the parts before the body repeats them
            # (1955: 一、… 二、… 三、… then 一、国家在过渡时期的总任务 again): a
            # first part whose title repeats the first heading restarts the tree,
            # and the contents become part of the preamble.
            for state in (self.raw, self.first_top, self.all_para_top, self.stack,
                          self.last_child, self.last_end):
                state.clear()
            return True
        if (line_start and first is not None and self.all_para_top.get(style)
                and _is_paragraph(self.text, pos, line_end, marker, title)):
            # A report without part headings numbers its paragraphs in runs
            # (1988: five lessons 一、…五、, then ten tasks 一、…十、): a new
            # run starts at its 一、.
            self.stack.clear()
            return True
        return False

    def _renumbered(self, expected: int, ordinal: int, style: str, seq: str, parent: int, pos: int) -> int:
        """The ordinal expected once lists that start anew or number on are allowed for."""
        if (ordinal == 1 and expected > 1 and style in ENUMERATION_STYLES
                and self.last_end.get((parent, seq), self.end_of_text) < pos):
            # An enumeration belongs to its paragraph: a 一是 in a later paragraph
            # under the same heading starts a new list (2000: 一是…四是 on
            # industry, then 一是…五是 on the western regions).
            return 1
        if (expected == 1 and parent >= 0 and self.raw[parent]["style"] == "l0"
                and ordinal == self.across_parts.get(seq, 0) + 1):
            # Some reports number on across their parts (第一部分 一、二、,
            # 第二部分 三、四、).
            return ordinal
        return expected

    def _continues_body_list(self, seq: str, ordinal: int, rank: float, pos: int, line_end: int,
                             marker: str, title: str) -> bool:
        """Whether an in-sequence part marker rather continues a list of the body:
        1955 and 1986 number paragraphs 一、二、三、四、 inside a part while the parts
        are at 三、; that inner 四、, a paragraph, is no part 四 (a part's heading
        stands alone on its line: 三、“七五”时期的经济体制改革)."""
        seen = self.stray.get(seq) if rank <= 2 else None
        return bool(seen and seen[0] == ordinal - 1 and not _heading_since(self.raw, seen[1], rank)
                    and _is_paragraph(self.text, pos, line_end, marker, title))

    def _has_second(self, m: re.Match, style: str, line_end: int) -> bool:
        """A lone 一要 or 第一， inside a sentence is a word, not a list: the list
        needs its second item in the same paragraph; a 一是 list may go on in the
        next paragraph (……：一是……。\\n二是……)."""
        marker = m.group()
        second = "第二" if style == "l4f" else "二" + marker[-1]
        until = line_end if style == "l4f" or marker.endswith("要") else m.end() + 3000
        until = min(until, m.end() + 3000)
        return self.text.find(second, m.end(), until) >= 0

    def _accept(self, m: re.Match, style: str, seq: str, ordinal: int, depth: int, parent: int,
                rank: float, line_start: bool, line_end: int, title: str) -> None:
        key = (parent, seq)
        self.last_child[key] = ordinal
        self.last_end[key] = line_end
        if parent >= 0 and self.raw[parent]["style"] == "l0":
            self.across_parts[seq] = ordinal
        del self.stack[depth:]
        inline = style in ENUMERATION_STYLES and not line_start
        parent_level = self.raw[parent]["level"] if parent >= 0 else 0
        level = min(4, max(_STYLE_LEVEL[style], parent_level + 1))
        pos = m.start()
        self.raw.append(dict(start=pos, marker=m.group(), level=level, parent=parent, style=style,
                             title=title, line_end=line_end, inline=inline))
        if parent < 0:
            self.first_top.setdefault(style, self.raw[-1])
            para = _is_paragraph(self.text, pos, line_end, m.group(), title)
            self.all_para_top[style] = self.all_para_top.get(style, True) and para
        self.stack.append(_Open(len(self.raw) - 1, rank, inline))


def _set_apart(text: str, start: int, end: int) -> bool:
    """Whether the line from ``start`` to ``end`` has a blank line before or after it."""
    prev_end = text.rfind("\n", 0, start)
    previous_line = text[text.rfind("\n", 0, prev_end) + 1:prev_end] if prev_end >= 0 else ""
    after = text.find("\n", end)
    if after < 0:
        return True
    following = text.find("\n", after + 1)
    next_line = text[after + 1:following if following >= 0 else len(text)]
    return not previous_line.strip() or not next_line.strip()


def _heading_since(raw: list[dict], pos: int, rank: float) -> bool:
    """Whether a heading of this rank or above was accepted after ``pos``."""
    for h in reversed(raw):
        if h["start"] < pos:
            return False
        if _STYLE_RANK[h["style"]] <= rank:
            return True
    return False


def _is_paragraph(text: str, pos: int, line_end: int, marker: str, title: str) -> bool:
    """Whether a numbered line is a paragraph (a sentence, or a title with its
    body on the same line) rather than a heading standing alone."""
    line = text[pos:line_end].rstrip()
    return line.endswith(("。", "；", "！", ";")) or len(line) > len(marker) + len(title) + 2


def _drop_contents(text: str, raw: list[dict]) -> list[dict]:
    """The headings without a leading table of contents.

    A contents list is a run of three or more headings at the start, one per
    line with no text between them, whose first entry comes back later in the
    text (1957 lists its parts as （1）…（5） before the body's 一、…五、).  The
    run then belongs to the preamble.  (A contents list in the body's own
    numbering restarts the tree while scanning; see build_sections.)
    """
    def bare(h: dict) -> bool:   # the line holds the heading and nothing else
        return len(text[h["start"]:h["line_end"]].strip()) <= len(h["marker"]) + len(h["title"]) + 2

    run = 0
    while (run + 1 < len(raw) and bare(raw[run])
           and text[raw[run]["line_end"]:raw[run + 1]["start"]].strip() == ""):
        run += 1
    if run < 3 or text.find(raw[0]["title"], raw[run - 1]["line_end"]) < 0:
        return raw
    if any(0 <= h["parent"] < run for h in raw[run:]):
        return raw
    kept = raw[run:]
    for h in kept:
        if h["parent"] >= 0:
            h["parent"] -= run
    return kept


def _assemble(text, doc_id, raw, body_start, scan_end, limit, year,
              tasks_after_review, doc_kind=None) -> list[Section]:
    """The sections of the accepted headings: their ends, ids and kinds, the
    preamble before them and the repeated copy after them."""
    _set_ends(text, raw, scan_end)
    ids = _section_ids(raw)
    kinds = _section_kinds(text, raw, year, tasks_after_review, doc_kind)
    sections: list[Section] = []
    first = raw[0]["start"] if raw else scan_end
    intro_start = body_start
    while intro_start < first and text[intro_start].isspace():
        intro_start += 1
    intro_end = _rstrip(text, intro_start, first)
    if intro_end > intro_start:
        # The preamble has no heading of its own; 前言 is what a reader calls it.
        sections.append(Section(doc_id, "0", None, 1, "", "前言", "intro", intro_start, intro_end))
    for i, h in enumerate(raw):
        sections.append(Section(
            doc_id, ids[i], ids[h["parent"]] if h["parent"] >= 0 else None, h["level"],
            h["marker"], h["title"], kinds[i], h["start"], h["end"],
        ))
    if limit is not None:
        top = sum(1 for h in raw if h["parent"] < 0) + 1
        sections.append(Section(doc_id, str(top), None, 1, "", REPEATED_COPY_TITLE, "other",
                                limit, _rstrip(text, limit, len(text))))
    return sections


def _set_ends(text: str, raw: list[dict], scan_end: int) -> None:
    """Each heading's ``end``: a section runs to the next heading that is not its
    descendant; an inline 一是 item stops at its paragraph's end at the latest.
    Walking back from the end, each heading's end is where the next heading
    outside its subtree starts: the next sibling's start, or its parent's end."""
    n = len(raw)
    next_out: list[int] = [scan_end] * n
    last_seen: dict[int, int] = {}   # parent index -> start of the child seen last (walking back)
    for i in range(n - 1, -1, -1):
        h = raw[i]
        p = h["parent"]
        sibling = last_seen.get(p)
        if sibling is not None:
            next_out[i] = sibling
        elif p >= 0:
            next_out[i] = -1   # resolved from the parent below
        last_seen[p] = h["start"]
    for i, h in enumerate(raw):
        end = next_out[i] if next_out[i] >= 0 else raw[h["parent"]]["end"]
        if h["inline"]:
            end = min(end, h["line_end"])
        h["end"] = _rstrip(text, h["start"], end)


def _section_ids(raw: list[dict]) -> list[str]:
    """Dotted ids by position under the parent (1, 1.2, 1.2.3)."""
    ids: list[str] = []
    counters: dict[int, int] = {}
    for h in raw:
        counters[h["parent"]] = counters.get(h["parent"], 0) + 1
        own = str(counters[h["parent"]])
        ids.append(own if h["parent"] < 0 else f"{ids[h['parent']]}.{own}")
    return ids


def _section_kinds(text: str, raw: list[dict], year, tasks_after_review: bool, doc_kind) -> list[str]:
    """Each heading's section kind: a part's from its wording and its place, a child's
    its part's unless its own heading clearly says otherwise."""
    cues = [kind_of_heading(h["title"], year=year, gov=tasks_after_review and h["parent"] < 0)
            for h in raw]
    late = tasks_after_review and delivered_late(text)
    # Where the review ends in a 政府工作报告 (some keep their review in the preamble).
    reviews = [i for i, h in enumerate(raw)
               if h["parent"] < 0 and cues[i] in ("achievements", "indicators")]
    review_end = reviews[0] if reviews else -1
    # Items (1. （1） 一是 第一，) standing before the first part heading are the
    # preamble's own lists (1957 names its five topics （1）…（5） there).
    first_part = next((i for i, h in enumerate(raw)
                       if h["parent"] < 0 and _STYLE_RANK[h["style"]] <= 2), -1)
    kinds: list[str] = []
    for i, h in enumerate(raw):
        if h["parent"] >= 0:
            kinds.append(_child_kind(h, cues[i], kinds[h["parent"]]))
        elif i < first_part and _STYLE_RANK[h["style"]] > 2:
            kinds.append("intro")
        else:
            after_review = tasks_after_review and i > review_end
            kinds.append(_part_kind(cues[i], after_review, doc_kind, kinds,
                                    lambda: looks_back(text, h["start"], h["end"], year, late)))
    return kinds


@cache
def review_cues() -> dict[str, re.Pattern]:
    """The cues of models/review_cues.tsv, one pattern per category.

    Example:
        >>> bool(review_cues()["result"].search("过去一年，我们取得了显著成就"))
        True
    """
    return {category: re.compile(alternatives("review_cues.tsv", category))
            for category in categories("review_cues.tsv")}


def sentence_time(sentence: str, year: Optional[int], late: bool = False) -> Optional[str]:
    """Whether a sentence of a 政府工作报告 looks back at the reviewed year ("review"),
    ahead to the planned one ("plan"), or neither (None).  Looking ahead wins: a
    sentence that says what is to be done is no report of what was done.

    Example:
        >>> sentence_time("1984年，我国农业又获得了大丰收，粮食产量比上年增长5.1%。", 1984)
        'review'
        >>> sentence_time("今年要继续控制固定资产投资规模。", 1984)
        'plan'

    In a report delivered late in its year (``late``, :func:`delivered_late`) 今年 is the
    year reviewed and only 明年 looks ahead:

        >>> sentence_time("今年农业又获得了较好的收成。", 1981, late=True)
        'review'
    """
    from .plans import has_cue

    years = years_named(sentence) if year else []
    ahead = _pattern("next_year" if late else "year_ahead")
    if has_cue("future", sentence) or ahead.search(sentence) or any(y > year for y in years):
        return "plan"
    if (_pattern("last_year").search(sentence) or review_cues()["result"].search(sentence)
            or (late and _pattern("year_ahead").search(sentence)) or (years and max(years) <= year)):
        return "review"
    return None


# A part is a review when the characters of its review sentences are at least this many
# times those of its plan sentences, and at least _REVIEW_MIN_CHARS.
_REVIEW_RATIO = 2
_REVIEW_MIN_CHARS = 500


def looks_back(text: str, start: int, end: int, year: Optional[int], late: bool = False) -> bool:
    """Whether text[start:end] mostly reports the reviewed year (counted in characters
    of review sentences against plan sentences).

    Example:
        >>> t = "1984年，工农业总产值比上年增长14.2%。" * 30 + "今年要控制投资规模。"
        >>> looks_back(t, 0, len(t), 1984)
        True
    """
    from .nlp import split_sentences

    counts = {"review": 0, "plan": 0, None: 0}
    for a, b in split_sentences(text, start, end):
        counts[sentence_time(text[a:b], year, late)] += b - a
    return counts["review"] >= max(_REVIEW_RATIO * counts["plan"], _REVIEW_MIN_CHARS)


def _part_kind(cue: Optional[str], after_review: bool, doc_kind: Optional[str], kinds: list[str],
               looks_back) -> str:
    """A top-level part's kind: its heading's cue, else what its place in the report says.

    ``looks_back`` tells (when called) whether the part's body mostly reports the
    reviewed year: older 政府工作报告 keep their review in parts titled by topic
    (1985: （一）关于经济形势; 1987: 一、当前国内形势和基本任务; 1957, 1960), which
    their place after the preamble would make plan."""
    if cue is None and after_review:
        cue = "achievements" if looks_back() else "plan"
    if cue is None and doc_kind == "plan":
        cue = "plan"
    elif cue is None and doc_kind in ("summary", "summary+plan"):
        later = {"problems", "plan"} & set(kinds)
        cue = "plan" if "plan" in later else None if later else "achievements"
    return cue or "other"


def _child_kind(h: dict, cue: Optional[str], inherited: str) -> str:
    """A child keeps its part's kind unless its heading clearly says otherwise."""
    if h["level"] > 3:
        return inherited
    # A plan's own item about problems (着力解决…问题) is still plan.
    if cue == "plan" or (cue == "problems" and inherited != "plan" and _names_problems(h["title"])):
        return cue
    if cue == "indicators" and inherited == "achievements" and "指标" in h["title"]:
        # 主要指标完成情况 under 2022年工作开展情况: the figures, not the work.
        return "indicators"
    return inherited


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


# --- metadata -------------------------------------------------------------

_YEAR_WORD = rf"(?:{YEAR_NUMBER})\s*年度?"
_LOCAL_CONGRESS = re.compile(r"在([\u4e00-\u9fff]{2,12}?(?:省|自治区|市|州|盟|县|旗|区|镇|乡))第[一二三四五六七八九十]{1,4}届人民代表大会")
_GOV_DELIVERED = re.compile(r"(?<!\d)((?:19|20)\d\d)年(\d{1,2})月\d{1,2}日(?:[和、至](?:\d{1,2}月)?\d{1,2}日)?在.{0,20}人民代表大会")
# A 政府工作报告 delivered from this month on reviews its own year and plans the next (1964 in
# December, 1980 in August, 1981 and 1982 in November); one delivered earlier (every other year of
# the national corpus: January to July) reviews the year before and plans its own.
_LATE_MONTH = 8
# Remarks a title carries after its name: （合成样例）, （摘要）, （草案）, （十一届人大三次会议）.
_TITLE_REMARK = re.compile(r"\s*[（(][^（）()]{1,24}[）)]\s*$")
_TITLE_LABEL = re.compile(r"^\s*【[^【】]{1,8}】\s*")
_ORG_IN_TEXT = re.compile(
    r"([\u4e00-\u9fff]{2,8}?(?:县|区|市|镇|乡|街道))(妇联|团委|民政局|[\u4e00-\u9fff]{1,6}?(?:局|委员会|办公室))"
)


def _bare_title(title: str) -> str:
    """The title without trailing remarks in brackets, nor a label in 【】 before it (【合成】, 【转载】:
    a label, not the office's name).

    Example:
        >>> _bare_title("某县民政局2022年工作总结（合成样例）")
        '某县民政局2022年工作总结'
        >>> _bare_title("【合成】县委统战部2025年工作总结和2026年工作计划")
        '县委统战部2025年工作总结和2026年工作计划'
    """
    title = _TITLE_LABEL.sub("", title)
    while True:
        bare = _TITLE_REMARK.sub("", title)
        if bare == title or not bare:
            return title
        title = bare


def find_title(text: str) -> tuple[str, int]:
    """The report's title and the offset where its body starts.

    The title is the first short line that names the genre (总结, 计划, 报告 …);
    scraped pages put navigation lines before it, so a few lines are searched.
    When no line qualifies (a whole report on one line), the title is the
    genre phrase found near the start and the body starts at the text.

    Example:
        >>> find_title("上林县妇联2021年工作总结和2022年工作计划\\n今年以来……")
        ('上林县妇联2021年工作总结和2022年工作计划', 25)
        >>> find_title("共青团某县委员会\\n2022年工作总结\\n今年以来……")[0]
        '共青团某县委员会2022年工作总结'
    """
    pos = 0
    checked = 0
    previous = ""
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            checked += 1
            if (len(stripped) <= 60 and _pattern("genre").search(stripped)
                    and not _pattern("page_chrome").search(stripped)
                    and not stripped.startswith(("——", "—")) and not _MARKER.match(stripped)):
                if (previous and len(previous) <= 24 and not re.search(r"[。，：:！？]", previous)
                        and _pattern("org_tail").search(previous) and not _org_from_title(stripped)):
                    # A title set on two lines, the office above the report's name:
                    # 共青团某某县委员会 / 2022年工作总结和2023年工作计划.
                    stripped = previous + stripped
                return stripped, pos + len(line) + 1
            previous = stripped
            if checked >= 15:
                break
        pos += len(line) + 1
    m = re.search(r"政府工作报告|工作总结|工作报告", text[:2000])
    start = len(text) - len(text.lstrip())
    return (m.group() if m else text[start:start + 30].split("\n")[0]), start


def detect_metadata(text: str, title: str) -> dict:
    """Organisation, years and document kind from the title and the text.

    Returns:
        A dict with org, year (the year reviewed), plan_year and kind.

    Example:
        >>> detect_metadata("……", "上林县妇联2021年工作总结和2022年工作计划")
        {'org': '上林县妇联', 'year': 2021, 'plan_year': 2022, 'kind': 'summary+plan'}
    """
    head = text[:3000]
    delivered = _GOV_DELIVERED.search(head)
    if ("政府工作报告" in title or delivered
            or ("政府工作报告" in head and "各位代表" in text[:20000])):
        return _gov_metadata(title, head, delivered)
    summary_word = _pattern("summary_word").search(title)
    plan_word = _pattern("plan_word").search(title)
    year, plan_year = _title_years(title, bool(summary_word), bool(plan_word))
    if summary_word and plan_word:
        kind = "summary+plan"
    elif summary_word:
        kind = "summary"
    elif plan_word:
        kind = "plan"
    else:
        kind = "other"
    org = _org_from_title(title) or _org_from_signature(text)
    if not org:
        # (the bodies that lead the office, 在县委、县政府和县教育局的正确领导下, and those it joins, 参加县教育局…, are
        # not the office)
        m = next((m for m in _ORG_IN_TEXT.finditer(head) if not _pattern("org_led_by").match(head, m.end())
                  and not _pattern("org_joined").search(head, max(0, m.start() - 2), m.start())), None)
        org = m.group() if m else None
    return {"org": org, "year": year, "plan_year": plan_year, "kind": kind}


def delivered_late(text: str) -> bool:
    """Whether a 政府工作报告 was delivered late in its year (from August on): it then reviews
    that year, so its 今年 is the year reviewed and only 明年 looks ahead.

    Example:
        >>> delivered_late("1981年政府工作报告\\n——1981年11月30日在第五届全国人民代表大会第四次会议上")
        True
        >>> delivered_late("2013年政府工作报告\\n——2013年3月5日在第十二届全国人民代表大会第一次会议上")
        False
    """
    delivered = _GOV_DELIVERED.search(text[:3000])
    return bool(delivered) and int(delivered.group(2)) >= _LATE_MONTH


def _gov_metadata(title: str, head: str, delivered: Optional[re.Match]) -> dict:
    """The metadata of a 政府工作报告: it plans the year it is delivered in and reviews the one
    before, unless it was delivered late in its year (then it reviews that year and plans the next)."""
    year_in_title = YEAR_NAMED.search(title)
    plan_year = int(delivered.group(1)) if delivered else (
        year_value(year_in_title.group(1)) if year_in_title else None)
    if delivered and int(delivered.group(2)) >= _LATE_MONTH:
        plan_year += 1  # ——1981年11月30日在…: the report reviews 1981 and plans 1982
    # A local 政府工作报告 is the report of that place's 人民政府.
    place = _pattern("org_noise").sub("", _bare_title(title))
    if re.fullmatch(r"[\u4e00-\u9fff]{1,12}(省|市|县|区|镇|乡)(人民)?", place):
        org = place.removesuffix("人民") + "人民政府"
    else:
        org = _org_from_title(title)
    if not org:
        # ——2023年1月12日在某某县第十八届人民代表大会第二次会议上
        m = _LOCAL_CONGRESS.search(head)
        org = m.group(1) + "人民政府" if m else None
    if not org and ("代表国务院" in head or "国务院总理" in head):
        org = "国务院"
    return {"org": org, "year": plan_year - 1 if plan_year else None,
            "plan_year": plan_year, "kind": "gov_work_report"}


def _title_years(title: str, summary_word: bool, plan_word: bool) -> tuple[Optional[int], Optional[int]]:
    """(year reviewed, year planned) that the title of a work summary or plan names."""
    years = years_named(title)
    if not years:
        return None, None
    if summary_word and plan_word and len(years) >= 2:
        return years[0], years[1]
    if plan_word and _pattern("rest_of_year_or_next_stage").search(title):
        # 2023年上半年工作总结和下半年工作计划: the plan is for the rest of the same year.
        return years[0], years[0]
    if plan_word and not summary_word:
        return years[0], years[0]
    return years[0], years[0] + 1 if plan_word else None


_DATE_LINE = re.compile(
    rf"^{_YEAR_WORD}\s*[\d〇○零一二三四五六七八九十]{{1,2}}\s*月(?:\s*[\d〇○零一二三四五六七八九十]{{1,3}}\s*日)?$")


def _org_from_signature(text: str) -> Optional[str]:
    """The office that signs the report: a short name above the closing date.

    Example:
        >>> _org_from_signature("……特此报告。\\n某某县妇女联合会\\n2022年12月20日\\n")
        '某某县妇女联合会'
    """
    lines = [line.strip() for line in text[-400:].split("\n") if line.strip()]
    for i in range(len(lines) - 1, 0, -1):
        if _DATE_LINE.match(lines[i]):
            name = lines[i - 1]
            if 2 <= len(name) <= 24 and _pattern("org_tail").search(name) and not re.search(r"[。，；：]", name):
                return name
            return None
        if len(lines) - i > 3:
            break
    return None


def _org_from_title(title: str) -> Optional[str]:
    """The office a title names: the words before 关于, the year or the genre word.

    Only the head of the title is cut, so names with 和 keep it
    (某县人力资源和社会保障局); a title that starts with its year or with 关于
    names the office after them.

    Example:
        >>> _org_from_title("关于2021年度某区妇联工作总结及2022年工作打算")
        '某区妇联'
        >>> _org_from_title("某县人力资源和社会保障局2022年工作总结")
        '某县人力资源和社会保障局'
        >>> _org_from_title("县委巡察工作领导小组办公室2026年工作总结和2027年工作计划")
        '县委巡察工作领导小组办公室'
    """
    title = _bare_title(title).strip()
    title = re.sub(rf"^(?:关于)?(?:{_YEAR_WORD})?(?:上半年|下半年|全年)?", "", title)
    m = _pattern("org_stop").search(title)
    rest = (title[:m.start()] if m else title).strip(" ：:，,、")
    if 2 <= len(rest) <= 24 and _pattern("org_tail").search(rest):
        return rest
    return None


def refine_metadata(meta: dict, sections: list[Section], text: str) -> dict:
    """Fill what the title did not say from the heading tree.

    A summary without a year in its title takes it from its review headings
    (``一、2021年主要工作``) or else from the years its review part mentions
    most; its plan year from the plan headings; its kind from which kinds of
    section it has.

    Example:
        >>> text = "妇联工作总结\\n一、2020年主要工作\\n培训400人。\\n二、下一步打算\\n继续培训。"
        >>> meta = {"org": "妇联", "year": None, "plan_year": None, "kind": "summary"}
        >>> refine_metadata(meta, build_sections(text, "x", body_start=7), text)
        {'org': '妇联', 'year': 2020, 'plan_year': 2021, 'kind': 'summary+plan'}
    """
    meta = dict(meta)
    tops = [s for s in sections if s.level == 1 and s.parent_id is None]
    kinds = {s.kind for s in tops}
    if meta["year"] is None:
        meta["year"] = _year_of_review(sections, tops, text)
    if meta["plan_year"] is None and "plan" in kinds:
        meta["plan_year"] = _plan_year_of(tops, meta["year"])
    meta["kind"] = _kind_from_sections(meta["kind"], kinds)
    return meta


def _first_year_in_titles(tops: list[Section], kinds: tuple[str, ...]) -> Optional[int]:
    """The first year named in the title of a top-level part of one of ``kinds``."""
    for s in tops:
        if s.kind in kinds:
            m = YEAR_NAMED.search(s.title)
            if m:
                return year_value(m.group(1))
    return None


def _year_of_review(sections: list[Section], tops: list[Section], text: str) -> Optional[int]:
    """The year a summary reviews: named by a review heading, else the year its review mentions most."""
    year = _first_year_in_titles(tops, ("indicators", "achievements"))
    if year is not None:
        return year
    review = " ".join(text[s.start:s.end] for s in sections
                      if s.level == 1 and s.kind in ("intro", "indicators", "achievements"))
    counts: dict[int, int] = {}
    for m in YEAR_NAMED.finditer(review or text):
        y = year_value(m.group(1))
        counts[y] = counts.get(y, 0) + 1
    return max(counts, key=lambda y: (counts[y], y)) if counts else None


def _plan_year_of(tops: list[Section], year: Optional[int]) -> Optional[int]:
    """The year planned: named by a plan heading, else the year after the review
    (the same year for 下半年工作打算, which plans the rest of the year under review)."""
    plan_year = _first_year_in_titles(tops, ("plan",))
    if plan_year is None and year is not None:
        half = any(s.kind == "plan" and _pattern("rest_of_year").search(s.title) for s in tops)
        plan_year = year + (0 if half else 1)
    return plan_year


def _kind_from_sections(kind: str, kinds: set[str]) -> str:
    """A document's kind once its parts are known (a 总结 with a plan part is summary+plan)."""
    if kind not in ("other", "summary"):
        return kind
    has_review = bool(kinds & {"indicators", "achievements"})
    if has_review and "plan" in kinds:
        return "summary+plan"
    if has_review:
        return "summary"
    if "plan" in kinds and kind == "other":
        return "plan"
    return kind
