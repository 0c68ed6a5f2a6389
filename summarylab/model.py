"""Shared records of summarylab: the typed values that cross module boundaries.

The column lists below are the contract of ``docs/DESIGN.md``: every table
summarylab produces (DataFrame, jsonl, csv, store table) has exactly these
columns in this order.  Chinese headers for human-facing files live here too,
so that the xlsx, html and rich views agree.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from functools import cached_property
from bisect import bisect_left, bisect_right
from itertools import accumulate, repeat
from typing import TYPE_CHECKING, Any, NamedTuple, Optional

if TYPE_CHECKING:  # pandas is imported lazily to keep `summarylab --help` fast
    import pandas as pd

DOCUMENT_COLUMNS = [
    "doc_id", "path", "title", "org", "year", "plan_year", "kind", "chars",
    "encoding", "source_format",
]
SECTION_COLUMNS = [
    "doc_id", "section_id", "parent_id", "level", "marker", "title", "kind",
    "start", "end",
]
FACT_COLUMNS = [
    "doc_id", "fact_id", "section_id", "section_kind", "start", "end", "surface",
    "value", "unit", "value_max", "base_value", "base_unit", "kind", "aspect",
    "approx", "role", "target_of", "indicator", "sentence", "year",
]
PLAN_ITEM_COLUMNS = [
    "doc_id", "item_id", "plan_year", "title", "text", "commitments", "keywords",
    "targets", "due_year",
]
CHECK_COLUMNS = [
    "item_id", "item_title", "commitment", "verdict", "score", "evidence",
    "evidence_section", "evidence_start", "evidence_end", "target", "actual",
    "reason", "confidence",
]
COMPARISON_COLUMNS = [
    "indicator", "unit", "value_a", "value_b", "change", "change_pct",
    "evidence_a", "evidence_b",
]

DOCUMENT_KINDS = ("summary", "plan", "summary+plan", "gov_work_report", "other")
SECTION_KINDS = ("intro", "indicators", "achievements", "problems", "plan", "other")

#: Chinese column headers for files a person opens (xlsx, html).
CHINESE_HEADERS: dict[str, str] = {
    "doc_id": "文档编号", "path": "文件路径", "title": "标题", "org": "单位",
    "year": "年度", "plan_year": "计划年度", "kind": "类型", "chars": "字数",
    "encoding": "编码", "source_format": "文件格式",
    "section_id": "章节编号", "parent_id": "上级章节", "level": "层级",
    "marker": "序号", "start": "起始位置", "end": "结束位置",
    "fact_id": "事实编号", "section_kind": "章节类型", "surface": "原文",
    "value": "数值", "unit": "单位", "value_max": "上限值", "base_value": "基本单位数值",
    "base_unit": "基本单位", "aspect": "水平/变化", "approx": "约数",
    "role": "性质", "target_of": "对应实际值", "indicator": "指标",
    "sentence": "所在句子",
    "item_id": "计划条目", "text": "正文", "commitments": "承诺事项",
    "keywords": "关键词", "targets": "数值目标", "due_year": "完成年度",
    "item_title": "计划条目标题", "commitment": "承诺事项", "verdict": "结论",
    "score": "证据强度", "evidence": "证据句", "evidence_section": "证据章节",
    "evidence_start": "证据起始", "evidence_end": "证据结束",
    "target": "目标值", "actual": "实际值", "reason": "理由",
    "value_a": "前一年数值", "value_b": "后一年数值", "change": "变化量",
    "change_pct": "变化率(%)", "evidence_a": "前一年原文", "evidence_b": "后一年原文",
    # audit rows
    "check": "核对项", "claim": "报告所述", "computed": "核算结果", "ok": "是否一致",
}

#: Chinese names of verdicts, kinds and roles for human-facing views.
CHINESE_LABELS: dict[str, str] = {
    "delivered": "已完成", "partial": "部分完成", "not_found": "未见成效",
    "not_due": "未到期", "actual": "实际", "target": "目标", "expected": "预期",
    "intro": "引言", "indicators": "指标完成情况", "achievements": "主要工作",
    "problems": "问题与不足", "plan": "工作计划", "other": "其他",
}

_SECTION_KINDS = {k: CHINESE_LABELS[k] for k in
                  ("intro", "indicators", "achievements", "problems", "plan", "other")}

#: The one rule for coded values: exports with Chinese headers (xlsx, the HTML
#: report) show them in Chinese, column by column; data formats (jsonl, csv,
#: parquet, the store) keep the codes, which programs read back.
VALUE_LABELS: dict[str, dict[str, str]] = {
    "verdict": {k: CHINESE_LABELS[k] for k in ("delivered", "partial", "not_found", "not_due")},
    "role": {"actual": "实际", "target": "目标", "expected": "预期"},
    "approx": {"exact": "精确", "more_than": "多于", "near": "接近", "about": "约",
               "at_least": "不少于", "at_most": "不多于"},
    "aspect": {"level": "水平", "increase": "增加", "decrease": "减少"},
    # kind is a fact's kind, a section's kind or a document's kind, by table;
    # the codes do not collide, so one map serves all three.
    "kind": {"count": "数量", "money": "金额", "percent": "百分比", "percent_point": "百分点",
             "ratio": "比率", "measure": "计量", "other": "其他",
             "summary": "工作总结", "summary+plan": "工作总结和计划",
             "gov_work_report": "政府工作报告", **_SECTION_KINDS},
    "section_kind": _SECTION_KINDS,
    "check": {"target_met": "目标完成", "parts_sum": "分项合计"},
    "ok": {True: "是", False: "否", "yes": "是", "no": "否"},
    # the panel's verdict on a target (summarylab.series)
    "met": {"yes": "达标", "no": "未达标", "unclear": "不明"},
}


def chinese_value(column: str, value: Any) -> Any:
    """The Chinese label of a coded value in a Chinese-headed export (else the value).

    Example:
        >>> chinese_value("approx", "more_than"), chinese_value("role", "target")
        ('多于', '目标')
        >>> chinese_value("indicator", "培训人数")
        '培训人数'
    """
    labels = VALUE_LABELS.get(column)
    if labels is None:
        return value
    try:
        return labels.get(value, value)
    except TypeError:  # an unhashable cell (a list)
        return value


#: The title structure gives the part of a scraped page that repeats its report: the copy is kept
#: (offsets stay those of the file) but set apart, so that its numbers are not counted twice.
REPEATED_COPY_TITLE = "（重复转载的内容）"


@dataclass(frozen=True)
class DocumentMeta:
    """Metadata of one document (the Document columns of DESIGN.md)."""

    doc_id: str
    path: str
    title: str
    org: Optional[str]
    year: Optional[int]
    plan_year: Optional[int]
    kind: str
    chars: int
    encoding: str
    source_format: str

    def to_dict(self) -> dict[str, Any]:
        """The metadata as a plain dict in contract column order."""
        return {k: getattr(self, k) for k in DOCUMENT_COLUMNS}


@dataclass(frozen=True)
class Section:
    """One node of the heading tree (see DESIGN.md, Section)."""

    doc_id: str
    section_id: str
    parent_id: Optional[str]
    level: int
    marker: str
    title: str
    kind: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        """The section as a plain dict in contract column order."""
        return asdict(self)


class Sentence(NamedTuple):
    """A sentence of the normalised text with the deepest section holding it.

    A named tuple rather than a dataclass: a national report has thousands of
    sentences, and a tuple is made six times faster.
    """

    start: int
    end: int
    text: str
    section_id: str
    section_kind: str


class Token(NamedTuple):
    """One segmented word with its POS tag and its offsets in the document text."""

    word: str
    tag: str
    start: int
    end: int


@dataclass
class Document:
    """One analysed report: normalised text, metadata and heading tree.

    Build it with :func:`summarylab.read` (from a file) or
    :func:`summarylab.read_text` (from a string); do not fill it by hand.

    Everything derived from the text is computed once, when first asked for, and
    kept on the document, so that check, compare, audit, panel, report and the
    store share one analysis instead of redoing it: ``sentences``, the POS-tagged
    words of each sentence (:meth:`tokens`), ``facts`` and ``plan_items``.  A
    document loaded from the store carries the stored tables
    (:meth:`with_analysis`).  These are the only memories summarylab keeps of a
    document; nothing is cached elsewhere.

    Example:
        >>> import summarylab as sl
        >>> doc = sl.read_text("上林县妇联2021年工作总结\\n一、主要工作\\n培训妇女400多人。")
        >>> doc.meta.org, doc.meta.year
        ('上林县妇联', 2021)
    """

    text: str
    meta: DocumentMeta
    section_list: list[Section] = field(default_factory=list)
    # sentence start -> (its (word, tag, start, end) rows, their starts, their ends); filled by
    # tokens(), one tagging per sentence; the offsets let a request bisect instead of scanning
    _tagged: dict[int, tuple[tuple[tuple[str, str, int, int], ...], tuple[int, ...], tuple[int, ...]]] = field(
        default_factory=dict, init=False, repr=False, compare=False)

    @property
    def doc_id(self) -> str:
        """The document's id (first 16 hex digits of SHA-256 of the text)."""
        return self.meta.doc_id

    @cached_property
    def sections(self) -> "pd.DataFrame":
        """The heading tree as a DataFrame with the Section columns."""
        import pandas as pd

        return pd.DataFrame(
            [s.to_dict() for s in self.section_list], columns=SECTION_COLUMNS
        )

    @cached_property
    def repeated_copy_start(self) -> Optional[int]:
        """Where the repeated copy of the report on a scraped page starts (None: no copy).

        Structure sets such a copy apart as one level-1 section titled
        :data:`REPEATED_COPY_TITLE`; its numbers and promises are the report's
        again, so facts and plans leave it out.
        """
        for sec in self.section_list:
            if sec.level == 1 and sec.kind == "other" and sec.title == REPEATED_COPY_TITLE:
                return sec.start
        return None

    @cached_property
    def report_sentences(self) -> list[Sentence]:
        """The sentences before the repeated copy (:attr:`repeated_copy_start`): all without one.

        The copy is split only when :attr:`sentences` is asked for: on the national
        reports it is four fifths of the text, and facts and plans never read it.
        """
        copy = self.repeated_copy_start
        if copy is None:
            return self.sentences
        if "sentences" in self.__dict__ or not self._splits_at(copy):
            return [s for s in self.sentences if s.start < copy]
        return self._sentences_of(0, copy)

    @cached_property
    def sentences(self) -> list[Sentence]:
        """Sentences of the text in order, each tagged with its section."""
        copy = self.repeated_copy_start
        if copy is not None and "report_sentences" in self.__dict__ and self._splits_at(copy):
            return self.report_sentences + self._sentences_of(copy, len(self.text))
        return self._sentences_of(0, len(self.text))

    def _splits_at(self, offset: int) -> bool:
        # A sentence never runs over a line end (split_sentences), so the sentences of the text
        # before and after a line start are the sentences of the whole text, cut in two.
        return offset == 0 or self.text[offset - 1] == "\n"

    def _sentences_of(self, begin: int, finish: int) -> list[Sentence]:
        """The sentences of text[begin:finish], each with the deepest section holding it."""
        from .nlp import split_sentences

        # One walk over sentences and sections together (both in text order):
        # the open sections form a stack whose top is the deepest one holding
        # the sentence, so a report with thousands of sections stays linear.
        # The top changes only where a section starts or the top one ends (the
        # horizon); the many sentences before it keep the current section.
        text = self.text
        sections = sorted(self.section_list, key=lambda sec: (sec.start, sec.level))
        out = []
        stack: list[Section] = []
        i = 0
        section_id, kind, horizon = "0", "intro", -1
        for start, end in split_sentences(text, begin, finish):
            if start >= horizon:
                while i < len(sections) and sections[i].start <= start:
                    while stack and stack[-1].end <= sections[i].start:
                        stack.pop()
                    stack.append(sections[i])
                    i += 1
                while stack and stack[-1].end <= start:
                    stack.pop()
                section_id, kind = (stack[-1].section_id, stack[-1].kind) if stack else ("0", "intro")
                horizon = min(sections[i].start if i < len(sections) else len(text) + 1,
                              stack[-1].end if stack else len(text) + 1)
            out.append(Sentence(start, end, text[start:end], section_id, kind))
        return out

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    @cached_property
    def _report_starts(self) -> list[int]:
        return [s.start for s in self.report_sentences]

    def tokens(self, start: int, end: int) -> list[Token]:
        """The words of ``text[start:end]`` with their POS tags (jieba, domain dictionary).

        Each sentence is segmented and tagged once, the first time any part of
        it is asked for, and every later request (facts, commitments, the check)
        reads that one tagging.  Words cut by ``start`` or ``end`` are left out.

        Example:
            >>> import summarylab as sl
            >>> doc = sl.read_text("某县妇联2021年工作总结\\n一、主要工作\\n培训妇女400多人。")
            >>> [t.word for t in doc.tokens(doc.text.index("培训"), doc.text.index("400"))]
            ['培训', '妇女']
        """
        from .nlp import pos_tag

        out: list[Token] = []
        copy = self.repeated_copy_start
        if copy is not None and end <= copy:  # the report alone: its copy need not be split
            sentences, starts_of = self.report_sentences, self._report_starts
        else:
            sentences, starts_of = self.sentences, self._sentence_starts
        cache = self._tagged
        k = max(bisect_right(starts_of, start) - 1, 0)
        while k < len(sentences) and sentences[k].start < end:
            sent = sentences[k]
            k += 1
            if sent.end <= start:
                continue
            entry = cache.get(sent.start)
            if entry is None:
                tagged = pos_tag(sent.text)
                words, tags = zip(*tagged) if tagged else ((), ())
                # the segmenter keeps every character, so offsets are a running sum
                bounds = tuple(accumulate(map(len, words), initial=sent.start))
                starts, ends = bounds[:-1], bounds[1:]
                # Plain tuples are kept, Tokens made per request: the collector never untracks a
                # named tuple, and a national report's ten thousands of kept Tokens made every full
                # collection walk them (a third of the analysis time).  tuple.__new__ makes a
                # Token from a row without a Python call per word.
                # Tuples all through, so that the collector untracks the whole entry.
                entry = (tuple(zip(words, tags, starts, ends)), starts, ends)
                cache[sent.start] = entry
            rows, starts, ends = entry
            # the words wholly inside [start, end) are one run: bisect its two ends
            i = bisect_left(starts, start) if start > sent.start else 0
            j = bisect_right(ends, end) if end < sent.end else len(ends)
            if i < j:
                out.extend(map(tuple.__new__, repeat(Token), rows[i:j]))
        return out

    @cached_property
    def fact_analysis(self):
        """The numeric facts and the skipped candidates, found in one scan of the text."""
        from .extract import analyse_facts

        with collector_paused():
            return analyse_facts(self)

    @cached_property
    def facts(self) -> "pd.DataFrame":
        """The numeric facts (Fact columns), extracted once and shared; do not modify it."""
        from .extract import extract_facts

        return extract_facts(self)

    @cached_property
    def plan_analysis(self):
        """The plan part read once: items, commitments with spans, clauses left out."""
        from .plans import analyse_plan

        with collector_paused():
            return analyse_plan(self)

    @cached_property
    def plan_items(self) -> "pd.DataFrame":
        """The plan items and their commitments (PlanItem columns), computed once and shared."""
        from .plans import extract_plan_items

        return extract_plan_items(self)

    def with_analysis(self, *, facts: "Optional[pd.DataFrame]" = None,
                      plan_items: "Optional[pd.DataFrame]" = None) -> "Document":
        """Attach tables computed before (the store's), so they are not computed again."""
        if facts is not None:
            self.__dict__["facts"] = facts
        if plan_items is not None:
            self.__dict__["plan_items"] = plan_items
        return self

    def section_at(self, offset: int) -> Optional[Section]:
        """The deepest section whose span holds ``offset`` (None before the first)."""
        best = None
        for sec in self.section_list:
            if sec.start <= offset < sec.end and (best is None or sec.level >= best.level):
                best = sec
        return best

    def top_section(self, section_id: str) -> Optional[Section]:
        """The level-1 ancestor of a section (the section itself at level 1)."""
        top = section_id.split(".")[0]
        for sec in self.section_list:
            if sec.section_id == top:
                return sec
        return None

    def sections_of_kind(self, kind: str, *, level: Optional[int] = None) -> list[Section]:
        """Sections of one kind, optionally only at one level, in text order."""
        return [
            s for s in self.section_list
            if s.kind == kind and (level is None or s.level == level)
        ]


@contextmanager
def collector_paused():
    """Pause Python's cyclic garbage collector while a document's facts or plan are found.

    The analysis allocates hundreds of thousands of small tuples that live as
    long as the document (its tagging, sentences, fact rows) and makes no
    reference cycles worth reclaiming early, so each full collection during it
    walks them all again for nothing (8–12% of facts and plans on the national
    reports, benchmarks/bench_issue12.py).  Reference counting still frees
    everything as usual; the collector resumes when the document is done.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
