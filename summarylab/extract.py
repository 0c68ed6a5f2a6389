"""Numeric facts: every quantity of a report with its role, its target and its indicator label.

The grammar of numbers and quantities lives in :mod:`summarylab.numbers`; this
module scans a :class:`~summarylab.model.Document` once with it, groups the
candidates by sentence, and adds what needs the sentence and the document
around a number:

* ``role``: target (目标10%, 确保, 力争, 要求, the values inside a named
  requirement such as 两个100%（…100%…）), expected (预计, 将, 计划, and
  everything in a plan section) or actual;
* ``target_of``: the actual value a target qualifies (达到24.3%（目标10%）);
* ``indicator``: a short Chinese label of what is measured, built from the
  jieba words around the number (the noun after the measure word, the subject
  before the verb, the verb phrase after a bare person noun, the quoted
  programme name when the head word alone is too vague; 分别 and parallel
  values get one label each; an indicator table written as text,
  城乡低保对象：3200人／3286人／102.7% under （指标名称：年度目标／完成数／完成率）,
  is read by its columns).

Only sentences that hold a quantity are read, through the document's one
tagging (``Document.tokens``), so the extractor costs little more than the
regular expressions of ``numbers``.

The decisions are ordered tables of small named rules, each with a docstring
naming its class and a test with a report sentence (tests/test_facts_rules.py):
``GAP_RULES`` and ``PHRASE_RULES`` walk left from a number to its indicator
phrase; ``LABEL_RULES`` (with ``COUNTED_RULES``, ``PHRASE_LABEL_RULES``,
``PHRASE_ADJUST_STAGES`` and ``ELLIPTIC_RULES``) build the label's stem;
``ROLE_RULES`` give the role; ``ACTIVITY_RULES`` add the programme a count
belongs to.  Each fact row names the rules that decided it (``_rules``).

The words are data: ``models/indicator_cues.tsv`` (label word classes),
``models/role_cues.tsv``, ``models/unit_labels.tsv``, ``models/change_verbs.tsv``
(shared with ``numbers``), ``models/year_cues.tsv`` (period_*) and ``models/heading_topic.tsv``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Optional

from .model import FACT_COLUMNS, REPEATED_COPY_TITLE, Document

if TYPE_CHECKING:  # pandas is imported lazily: the CLI imports this module at start-up
    import pandas as pd

from .cues import age_groups
from .lexicon import read_tsv, word_alternation, words
from .numbers import NAME_REASONS, TIME_REASONS, Reason, change_words

_LABEL_CUES = "indicator_cues.tsv"


def _role_words(role: str, scope: str) -> tuple[str, ...]:
    """The words of models/role_cues.tsv for one role and scope."""
    return words("role_cues.tsv", role, scope)

#: Clause boundaries: a role cue or an indicator never reaches across them.
_CLAUSE_MARKS = set("，,；;：:。！？!?")
_OPEN_BRACKETS = "（("
_CLOSE_BRACKETS = "）)"
_QUOTES = set("“”‘’「」『』《》\"")
#: Units of a period (五年累计, 两年新增): skipped between an indicator and its number.
_PERIOD_UNITS = words("year_cues.tsv", "period_gapunit")
#: jieba POS flags of words that can be part of a noun phrase naming an indicator.
_NOUNISH = words(_LABEL_CUES, "nountag")
#: A named requirement: 两个100%, 1个10%, 三个100% — the values in its bracket are targets.
_NAMED_REQUIREMENT = re.compile(r"[一二两三四五六七八九十\d]+个\d+(?:\.\d+)?[%％]$")
#: Longest phrase taken from the text for a label; a label composed of two such parts
#: (国家财政性教育经费支出 + 占国内生产总值比例) may reach _MAX_LABEL + 4 characters.
_MAX_LABEL = 16


@dataclass(frozen=True)
class Fact:
    """One numeric fact, with exactly the Fact columns of DESIGN.md."""

    doc_id: str
    fact_id: int
    section_id: str
    section_kind: str
    start: int
    end: int
    surface: str
    value: Optional[float]
    unit: Optional[str]
    value_max: Optional[float]
    base_value: Optional[float]
    base_unit: Optional[str]
    kind: str
    aspect: str
    approx: str
    role: str
    target_of: Optional[int]
    indicator: str
    sentence: str
    year: Optional[int]

    def to_dict(self) -> dict:
        """The fact as a plain dict in contract column order."""
        return {c: getattr(self, c) for c in FACT_COLUMNS}


# ---------------------------------------------------------------------------- lexicons

@dataclass(frozen=True)
class _Cues:
    link: frozenset
    change: frozenset
    verb: frozenset
    generic: frozenset
    generic_heads: tuple  # the generic words of two characters or more, as label endings
    person: frozenset
    stop: frozenset
    predicate: frozenset
    moneyhead: tuple
    ratehead: tuple
    unit_suffix: dict
    target_clause: tuple
    target_sentence: tuple
    expected_sentence: tuple


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    def cat(category: str) -> tuple[str, ...]:
        return words("indicator_cues.tsv", category)

    return _Cues(
        link=frozenset(cat("link")),
        change=frozenset(w for d in ("increase", "decrease") for f in ("verb", "noun")
                         for w in change_words(d, f, "label")),
        verb=frozenset(cat("verb")),
        generic=frozenset(cat("generic")),
        generic_heads=tuple(g for g in cat("generic") if len(g) >= 2),
        person=frozenset(cat("person")),
        stop=frozenset(cat("stop")),
        predicate=frozenset(cat("predicate")),
        moneyhead=cat("moneyhead"),
        ratehead=cat("ratehead"),
        unit_suffix={u: s for u, s in read_tsv("unit_labels.tsv")},
        target_clause=_role_words("target", "clause") + _role_words("target", "sentence"),
        target_sentence=_role_words("target", "sentence"),
        expected_sentence=_role_words("expected", "sentence"),
    )


# ---------------------------------------------------------------------------- tokens

@dataclass(slots=True)
class _Tok:
    word: str
    flag: str
    start: int  # absolute offsets into doc.text
    end: int
    fact: Optional[int] = None  # index into the sentence's quantity list
    rejected: Optional[str] = None  # a Reason, for a candidate ``numbers`` rejected; "quoted name"


#: A short quoted name (“儿童之家”, “乡村振兴巾帼示范基地”): one proper noun inside a label,
#: whatever the segmenter makes of it.
_QUOTED_NAME = re.compile(r"“[^“”，,。；;：:！？\n]{1,14}”")


def _tagged(doc: Document, start: int, end: int) -> list[_Tok]:
    """The document's one tagging of ``text[start:end]`` as tokens with offsets."""
    text = doc.text
    toks: list[_Tok] = []
    pos = start
    for word, flag, _, _ in doc.tokens(start, end):
        if not word:
            continue
        if not text.startswith(word, pos):
            # a segmenter that drops or changes characters: fall back to characters
            return [_Tok(c, "x", i, i + 1) for i, c in enumerate(text[start:end], start)]
        if len(word) == 2 and word[0] == "率" and word[1] in "达为":
            # 化解率达96.8%: the segmenter glues the head of the indicator to its verb
            toks.append(_Tok("率", "n", pos, pos + 1))
            toks.append(_Tok(word[1], "v", pos + 1, pos + 2))
        else:
            toks.append(_Tok(word, flag, pos, pos + len(word)))
        pos += len(word)
    return toks


def _spans(text: str, start: int, end: int, quantities: list, rejected: list) -> list[tuple]:
    """(start, end, quantity index, reason) of every candidate and quoted name of a sentence, sorted."""
    spans = [(q.start, q.end, i, None) for i, q in enumerate(quantities)]
    spans += [(r.start, r.end, None, r.reason) for r in rejected]
    if "“" in text[start:end]:
        taken = sorted((s, e) for s, e, _, _ in spans)
        for m in _QUOTED_NAME.finditer(text, start, end):
            if not any(s < m.end() and m.start() < e for s, e in taken):
                spans.append((m.start(), m.end(), None, "quoted name"))
    spans.sort()
    return spans


def _span_tok(text: str, span: tuple) -> _Tok:
    s, e, fi, why = span
    flag = "QTY" if fi is not None else ("nz" if why == "quoted name" else "REJ")
    return _Tok(text[s:e], flag, s, e, fi, why)


def _tokens(doc: Document, start: int, end: int, quantities: list, rejected: list) -> list[_Tok]:
    """The document's one tagging of ``text[start:end]``, with every candidate span and
    quoted name folded into one token."""
    text = doc.text
    toks = _tagged(doc, start, end)
    spans = _spans(text, start, end, quantities, rejected)
    if not spans:
        return toks
    out: list[_Tok] = []
    k = 0
    for tok in toks:
        # emit the candidate spans that begin before this token ends
        while k < len(spans) and spans[k][0] < tok.end:
            s = spans[k][0]
            if tok.start < s and (not out or out[-1].end <= tok.start):
                out.append(_Tok(text[tok.start:s], tok.flag, tok.start, s))
            if not out or out[-1].end <= s:
                out.append(_span_tok(text, spans[k]))
            k += 1
        last = out[-1].end if out else start
        if tok.end <= last:
            continue
        if tok.start < last:  # the tail of a word a candidate cut into
            out.append(_Tok(text[last:tok.end], tok.flag, last, tok.end))
        else:
            out.append(tok)
    for span in spans[k:]:
        if not out or out[-1].end <= span[0]:
            out.append(_span_tok(text, span))
    return out


#: People words that jieba tags as time words (t) because they end in 年 (cues.age_groups).
_AGE_GROUPS = age_groups()
#: Nouns that jieba tags as pronouns (之家 r) or time words (日间 t) inside a programme name:
#: 青年之家, 职工之家, 城市社区日间照料中心.
#: Measure words that end a noun (脱贫户, 农户): 建档立卡脱贫户3865户 counts 脱贫户.
#: 点 and 站 likewise, which jieba tags as numerals (村级互助养老服务点15个, 非机动车停放点46处).
_HEAD_MEASURES = frozenset(("户", "点", "站"))
#: Verbs whose object is a head too short to name the indicator alone: the subject before
#: the verb names it (家庭医生签约服务 覆盖 人口28.6万人).
_REACH_VERBS = frozenset(words(_LABEL_CUES, "reachverb"))
_NOUN_PARTS = frozenset(words(_LABEL_CUES, "nounpart"))


def _is_nounish(tok: _Tok) -> bool:
    if tok.word in _AGE_GROUPS or tok.word in _NOUN_PARTS:
        return True
    if tok.flag == "REJ":
        return tok.rejected in NAME_REASONS
    return tok.flag.startswith(_NOUNISH) and tok.word not in _cues().link


def _is_date(tok: _Tok) -> bool:
    return tok.flag == "REJ" and tok.rejected in TIME_REASONS


_CLEAN_DROP = str.maketrans("", "", "".join(_QUOTES) + "（）()")


def _clean(label: str) -> str:
    """Drop quotes, brackets, spaces and a 中 that only marks a subset (主任中女性比例)."""
    label = "".join(label.translate(_CLEAN_DROP).split())  # split(): every Unicode space
    return label.strip("、，,和及与")


# ---------------------------------------------------------------------------- phrases

#: Adverbs that end the noun after a measure word: 12家养老机构 全部 达到….
_AFTER_ENDS = frozenset(words(_LABEL_CUES, "afterend"))


def _bracket_end(toks: list[_Tok], j: int, stop: int) -> Optional[int]:
    """The index of the bracket closing a short noun alternative opened at ``j`` (村（社区）), or None."""
    k = j + 1
    while k < stop and k - j <= 4 and toks[k].word not in "）)":
        k += 1
    if k < stop and toks[k].word in "）)" and all(_is_nounish(x) for x in toks[j + 1:k]):
        return k
    return None


def _after_takes(t: _Tok, nxt: Optional[_Tok], out: list) -> bool:
    """Whether the noun phrase after a measure word goes on with ``t`` (``nxt`` follows it)."""
    if _is_nounish(t):
        # 妇女 自动 购买: a vn before a verb works as an adverb
        return not (t.flag == "vn" and nxt is not None and nxt.flag.startswith("v") and out)
    nxt_noun = nxt is not None and _is_nounish(nxt)
    if t.flag == "a" and nxt_noun:
        return True
    if (t.flag == "c" or t.word == "、") and out and nxt_noun:
        return True
    return t.word in ("点", "站") and bool(out)  # “儿童之家”项目点, 服务站


def _phrase_after(toks: list[_Tok], i: int, stop: int) -> list[_Tok]:
    """The noun phrase right after a measure word: 115支 参赛队; 15名 “三八”红旗手; 134个 村（社区）."""
    out: list[_Tok] = []
    j = i + 1
    while j < stop:
        t = toks[j]
        if t.word in _AFTER_ENDS:
            break  # 12家养老机构 全部 达到…: an adverb ends the noun
        if t.word in "（(" and out:
            # a bracketed alternative inside the noun: 村（社区）; the bracket closes the noun
            k = _bracket_end(toks, j, stop)
            if k is not None:
                out.extend(toks[j:k + 1])
                j = k + 1
            break
        if not _after_takes(t, toks[j + 1] if j + 1 < stop else None, out):
            break
        out.append(t)
        j += 1
    if j < stop and toks[j].flag.startswith("v") and any(t.flag == "c" for t in out) \
            and any(t.flag == "QTY" and t.word[-1:] == toks[i].word[-1:] for t in toks[j:stop]):
        # 15个“儿童之家”和政府购买…16个: what follows 和 is the subject of a parallel clause
        out = out[:max(k for k, t in enumerate(out) if t.flag == "c")]
    while out and out[-1].flag == "c":
        out.pop()
    return out if any(_is_nounish(t) for t in out) else []


@dataclass
class _Before:
    phrase: list  # tokens of the indicator phrase, in text order
    changes: list  # change verbs between the phrase and the number (增长)
    owner: Optional[int]  # a quantity the phrase belongs to (从19名扩大到33名)
    verb: Optional[_Tok]  # the verb that ended the walk
    listed: bool  # the number closes an enumeration (慰问红旗手、困难妇女等共68人)
    after_qty: bool  # the phrase directly follows another quantity (115支参赛队1000多人)
    parallel: bool = False  # 38215元和19860元: the owner is a parallel value of the same indicator
    rules: tuple = ()  # the walk rules that answered, in order (table:name)


#: A phrase that says on which basis a figure is counted (按可比价格计算, 扣除物价因素): its last
#: word, and the words that open it.
_BASIS_ENDS = words(_LABEL_CUES, "basisend")
_BASIS_OPENS = words(_LABEL_CUES, "basisopen")


def _basis_start(toks: list, j: int, stop: int) -> Optional[int]:
    """The index of the 按/扣除 that opens a basis phrase ending at token ``j``, or None."""
    for k in range(j - 1, max(stop, j - 6) - 1, -1):
        if toks[k].word in _BASIS_OPENS:
            return k
        if toks[k].word in _CLAUSE_MARKS or toks[k].flag == "QTY":
            return None
    return None



@dataclass(frozen=True)
class Rule:
    """One named rule of an ordered rule table: the first rule whose ``apply`` answers decides.

    ``apply`` returns None when the rule does not apply; what else it returns depends on
    the table (a verdict for the walks, a stem for the labels).
    """

    name: str
    apply: Callable


#: Verdicts of a walk rule: take the token into the phrase, step over it, stop before it,
#: or (the rule moved the walk itself) go on from where it left the walk.
_TAKE, _SKIP, _STOP, _MOVED = "take", "skip", "stop", "moved"


@dataclass
class _Walk:
    """The state of a walk leftwards from the number at ``i`` to the clause start ``stop``."""

    toks: list
    i: int
    stop: int
    j: int
    changes: list
    phrase: list
    result: Optional[_Before] = None  # a gap rule that settles the whole walk
    listed: bool = False
    fired: list = field(default_factory=list)  # table:name of each rule that answered

    def left(self, k: Optional[int] = None) -> Optional[_Tok]:
        k = self.j if k is None else k
        return self.toks[k - 1] if k - 1 >= self.stop else None


def _steps(table: str, rules: tuple) -> tuple:
    """(apply, "table:name") of each rule of a walk table, built once."""
    return tuple((r.apply, f"{table}:{r.name}") for r in rules)


def _run(steps: tuple, w: _Walk) -> bool:
    """Walk left with an ordered rule table until a rule stops (True when a rule settled the walk)."""
    toks, fired = w.toks, w.fired
    while w.j >= w.stop:
        t = toks[w.j]
        for apply, name in steps:
            verdict = apply(w, t)
            if verdict is not None:
                break
        else:
            break  # no rule takes the token: the walk ends before it
        if name not in fired:
            fired.append(name)
        if verdict == _STOP:
            break
        if verdict == _TAKE:
            w.phrase.insert(0, t)
        if verdict != _MOVED:
            w.j -= 1
        if w.result is not None:
            return True
    return False


# -- the gap between the phrase and its number (村委会主任中女性比例 达到 24.3%)

def _gap_share_head(w: _Walk, t: _Tok):
    """share head: 支出占比超过74% — 占比 is the head of the indicator, the gap ends."""
    if t.word == "比" and w.left() is not None and w.left().word == "占":
        return _STOP
    return None


def _gap_change_verb(w: _Walk, t: _Tok):
    """change verb: 增长, 下降 before the number join the label; 扩大到33名 is a level."""
    if t.word not in _cues().change:
        return None
    if not (w.j + 1 < w.i and w.toks[w.j + 1].word in ("到", "至", "为")):
        w.changes.insert(0, t.word)
    return _SKIP


def _gap_link(w: _Walk, t: _Tok):
    """link, date or rate: 从2007年底的 8.4%; 由每人每年 120元 — not the indicator."""
    if t.word in _cues().link or t.word in _GAP_LINKS or _is_date(t) or t.flag == "t" \
            or t.word.startswith("每") or t.flag == "REJ" and t.rejected is Reason.RATE:
        return _SKIP
    return None


def _gap_period(w: _Walk, t: _Tok):
    """period: 国家财政性教育经费支出 五年 累计7.79万亿元 — a period is not the owner."""
    if t.flag == "QTY" and t.word.rstrip("多余来以上").endswith(_PERIOD_UNITS) and t.word != w.toks[w.i].word:
        return _SKIP
    return None


def _gap_share_verb(w: _Walk, t: _Tok):
    """share verb: 社会事业投资占44% — the share of the subject (占比)."""
    if t.word == "占" and w.j == w.i - 1 and w.toks[w.i].word.endswith(("%", "％")):
        w.changes.insert(0, "占比")
        return _SKIP
    return None


def _gap_new(w: _Walk, t: _Tok):
    """new: 养老金人均每月新增110元 — 新增 right before the number is a change."""
    if t.word == "新增" and w.j == w.i - 1:
        w.changes.insert(0, t.word)
        return _SKIP
    return None


def _gap_parallel_rate(w: _Walk, t: _Tok):
    """parallel value: 每人每月680元和每人每年5400元 — the value before 和 owns the indicator."""
    toks = w.toks
    if t.word in "和、及与" and w.j - 1 >= w.stop and toks[w.j - 1].flag == "QTY" and all(
            x.word.startswith("每") or x.flag == "REJ" and x.rejected is Reason.RATE
            for x in toks[w.j + 1:w.i]):
        w.result = _Before([], w.changes, toks[w.j - 1].fact, None, False, False, True)
        return _SKIP
    return None


def _gap_particle(w: _Walk, t: _Tok):
    """adverb or particle: 共, 的 between the phrase and its number."""
    if t.flag in ("d", "uj", "ul") and t.word not in _cues().verb:
        return _SKIP
    return None


def _gap_basis(w: _Walk, t: _Tok):
    """counting basis: 按可比价格计算, 扣除物价因素 — how it is counted, not what."""
    if t.word in _BASIS_ENDS:
        k = _basis_start(w.toks, w.j, w.stop)
        if k is not None:
            w.j = k
            return _SKIP
    return None


def _gap_listed(w: _Walk, t: _Tok):
    """enumeration: 慰问“三八”红旗手、困难妇女等共68人 — the number closes a list."""
    if t.word == "等":
        w.listed = True
        return _STOP
    return None


#: Words between a phrase and its number besides the link words of the lexicon (由…到…).
_GAP_LINKS = ("由", "从", "在", "到")

#: What may stand between an indicator phrase and its number, in the order it is tried.
GAP_RULES = (
    Rule("share_head", _gap_share_head),
    Rule("change_verb", _gap_change_verb),
    Rule("link", _gap_link),
    Rule("period", _gap_period),
    Rule("share_verb", _gap_share_verb),
    Rule("new", _gap_new),
    Rule("parallel_rate", _gap_parallel_rate),
    Rule("particle", _gap_particle),
    Rule("basis", _gap_basis),
    Rule("listed", _gap_listed),
)
_GAP_STEPS = _steps("gap", GAP_RULES)


# -- the indicator phrase itself, walked leftwards

def _ph_quantity(w: _Walk, t: _Tok):
    """another quantity: 115支参赛队1000多人 — a number ends the phrase."""
    return _STOP if t.flag == "QTY" else None


def _ph_head_measure(w: _Walk, t: _Tok):
    """measure word as head: 建档立卡脱贫户3865户; 服务点 — 户/点/站 end a noun."""
    left = w.left()
    if not w.phrase and t.flag in ("q", "m") and t.word in _HEAD_MEASURES and left is not None \
            and (left.flag.startswith("v") or _is_nounish(left)):
        w.phrase.insert(0, _Tok(t.word, "n", t.start, t.end))
        return _SKIP
    return None


def _ph_bracket(w: _Walk, t: _Tok):
    """bracketed alternative: 全镇共有村（社区）十二个; 执业（助理）医师 — else the bracket ends it."""
    if t.word not in _CLOSE_BRACKETS:
        return None
    toks, j, stop = w.toks, w.j, w.stop
    k = j - 1
    while k > stop and j - k <= 4 and toks[k].word not in _OPEN_BRACKETS:
        k -= 1
    if k > stop and toks[k].word in _OPEN_BRACKETS and j - k > 1 \
            and all(_is_nounish(x) for x in toks[k + 1:j]) and _is_nounish(toks[k - 1]):
        w.phrase[0:0] = toks[k:j + 1]
        w.j = k - 1
        return _MOVED
    return _STOP


def _ph_comparative(w: _Walk, t: _Tok):
    """comparison: 失业率 低于 全省平均水平0.5个百分点 — the comparison ends the phrase."""
    return _STOP if t.word in _COMPARATIVES and w.phrase else None


def _ph_manner(w: _Walk, t: _Tok):
    """manner noun: 通过政府购买服务方式 服务“儿童之家” — a stop word of the lexicon ends the name."""
    return _STOP if t.word in _cues().stop and w.phrase else None


def _ph_noun(w: _Walk, t: _Tok):
    """noun: 村委会主任 女性 比例; lexicon verbs (新增, 参赛) and rate heads belong to the name."""
    cues = _cues()
    if _is_nounish(t) or t.word in cues.verb or t.word in cues.ratehead \
            or w.phrase and t.flag.startswith(_NOUNISH) and t.word not in cues.change \
            and t.word not in cues.link:
        return _TAKE
    return None


def _ph_share(w: _Walk, t: _Tok):
    """share: 支出 占 比 -> 支出占比."""
    left = w.left()
    if t.word == "比" and left is not None and left.word == "占":
        w.phrase.insert(0, _Tok("占比", "n", left.start, t.end))
        w.j -= 1
        return _SKIP
    return None


def _ph_above_scale(w: _Walk, t: _Tok):
    """above scale: 规模以上工业增加值."""
    left = w.left()
    return _TAKE if t.word == "以上" and left is not None and left.word == "规模" else None


def _ph_verb_between_nouns(w: _Walk, t: _Tok):
    """verb inside a name: 城镇登记失业率, 人均可支配收入, 企业负担 — a verb between nouns."""
    cues = _cues()
    left = w.left()
    if t.flag.startswith("v") and t.word not in cues.predicate and t.word not in cues.link \
            and left is not None \
            and left.flag.startswith(_NOUNISH + ("a",)) and left.word not in cues.predicate \
            and (w.phrase or len(t.word) <= 2):
        return _TAKE
    return None


def _ph_adverb(w: _Walk, t: _Tok):
    """adverb inside a name: 外商 直接 投资."""
    left = w.left()
    if t.flag in ("d", "ad") and w.phrase and left is not None and left.flag.startswith(_NOUNISH) \
            and left.word not in _cues().link:
        return _TAKE
    return None


def _ph_modifier_de(w: _Walk, t: _Tok):
    """modifier with 的: 参加新型农村合作医疗 的 人口 — a bare head takes the modifier before 的."""
    left = w.left()
    if t.word == "的" and w.phrase and len(_text_of(w.phrase)) <= 2 and left is not None \
            and _is_nounish(left):
        return _SKIP
    return None


def _ph_short_rate_verb(w: _Walk, t: _Tok):
    """short rate head: 参合 率; 调解 成功率 — a one-character or short rate head takes its verb."""
    cues = _cues()
    ph = w.phrase
    if (len(_text_of(ph)) == 1 or len(ph) == 1 and ph[0].word.endswith("率") and len(ph[0].word) <= 3) \
            and t.flag.startswith("v") and t.word not in cues.predicate and t.word not in cues.link:
        return _TAKE
    return None


def _ph_negation(w: _Walk, t: _Tok):
    """negation: 清退不符合条件对象126户 — the negation belongs to the name."""
    return _TAKE if t.word in _NEGATIONS and w.phrase else None


def _ph_subset(w: _Walk, t: _Tok):
    """subset: 村委会主任中女性比例 — 中 marks a subset and is dropped."""
    return _SKIP if t.word == "中" and w.phrase else None


def _ph_inner_adverb(w: _Walk, t: _Tok):
    """adverb inside the name: 中央财政“三农” 累计 支出 — dropped."""
    return _SKIP if t.word in _INNER_ADVERBS and w.phrase else None


def _ph_conjunction(w: _Walk, t: _Tok):
    """conjunction of nouns: 二氧化硫、化学需氧量排放量."""
    if t.word in "、和及与" and w.phrase and w.j - 1 >= w.stop and _is_nounish(w.toks[w.j - 1]):
        return _TAKE
    return None


def _ph_adjective(w: _Walk, t: _Tok):
    """adjective: 困难妇女; 县级 配套 1500万元."""
    left = w.left()
    if t.flag in ("a", "an") and (w.phrase or left is not None and left.flag.startswith(_NOUNISH)
                                  and left.word not in _cues().link):
        return _TAKE
    return None


_NEGATIONS = ("不", "未", "非")
#: Adverbs written inside an indicator name, dropped from the label.
_INNER_ADVERBS = words(_LABEL_CUES, "inneradverb")

#: What belongs to an indicator phrase read leftwards from its number, in the order it is tried;
#: a token no rule takes ends the phrase.
PHRASE_RULES = (
    Rule("quantity", _ph_quantity),
    Rule("head_measure", _ph_head_measure),
    Rule("bracket", _ph_bracket),
    Rule("comparative", _ph_comparative),
    Rule("manner", _ph_manner),
    Rule("noun", _ph_noun),
    Rule("share", _ph_share),
    Rule("above_scale", _ph_above_scale),
    Rule("verb_between_nouns", _ph_verb_between_nouns),
    Rule("adverb", _ph_adverb),
    Rule("modifier_de", _ph_modifier_de),
    Rule("short_rate_verb", _ph_short_rate_verb),
    Rule("negation", _ph_negation),
    Rule("subset", _ph_subset),
    Rule("inner_adverb", _ph_inner_adverb),
    Rule("conjunction", _ph_conjunction),
    Rule("adjective", _ph_adjective),
)
_PHRASE_STEPS = _steps("phrase", PHRASE_RULES)


def _walk_before(toks: list[_Tok], i: int, stop: int) -> _Before:
    """The indicator phrase before a number (村委会主任中女性比例 达到 24.3%).

    Two ordered rule tables: GAP_RULES step over what stands between the phrase and the
    number (达到, 比上年, 按可比价格计算), PHRASE_RULES collect the phrase itself.
    """
    w = _Walk(toks, i, stop, i - 1, [], [])
    if _run(_GAP_STEPS, w):
        w.result.rules = tuple(w.fired)
        return w.result
    if w.listed:
        # skip the enumeration back to its verb: 慰问 “三八”红旗手、困难妇女、困境儿童 等
        j = w.j - 1
        while j >= stop and (_is_nounish(toks[j]) or toks[j].word in "、和及与" or toks[j].flag in ("a", "an")):
            j -= 1
        verb = toks[j] if j >= stop and toks[j].flag.startswith("v") else None
        return _Before([], w.changes, None, verb, True, False, rules=tuple(w.fired))
    if w.j >= stop and toks[w.j].flag == "QTY":
        return _Before([], w.changes, toks[w.j].fact, None, False, False, rules=tuple(w.fired))
    _run(_PHRASE_STEPS, w)
    phrase, j = w.phrase, w.j
    while phrase and phrase[0].word in "、和及与":
        phrase.pop(0)
    verb = toks[j] if j >= stop and toks[j].flag.startswith("v") else None
    after_qty = bool(phrase) and j >= stop and toks[j].flag == "QTY"
    return _Before(phrase, w.changes, None, verb, False, after_qty, rules=tuple(w.fired))


def _text_of(toks: Iterable[_Tok]) -> str:
    return _clean("".join(t.word for t in toks if t.word != "中" or t.flag != "f"))


def _trim(toks: list[_Tok]) -> str:
    """The phrase as a label, keeping its last words when it is too long for a table row."""
    label = _text_of(toks)
    while len(label) > _MAX_LABEL - 2 and len(toks) > 1 and len(_text_of(toks[1:])) >= 4:
        toks = toks[1:]
        label = _text_of(toks)
    return label


# ---------------------------------------------------------------------------- labels

#: Staff categories whose 人员 belongs to the term (卫生技术人员, 专业技术人员).
_STAFF_TERMS = words(_LABEL_CUES, "staffterm")


def _suffix(stem: str, quantity) -> str:
    """stem + what the unit counts: 三八红旗手 + 人数; 培训班 + 期数; 慰问金及慰问品 + 金额."""
    cues = _cues()
    unit = (quantity.unit or "").strip()
    kind = quantity.kind
    if kind == "money":
        return stem if stem.endswith(cues.moneyhead) else stem + "金额"
    if kind == "measure":
        suf = cues.unit_suffix.get(unit)
        return stem + suf if suf and not stem.endswith(suf) else stem
    if kind != "count":
        return stem
    suf = cues.unit_suffix.get(unit, "数")
    if stem.endswith(suf) or stem.endswith("数") and suf.endswith("数") or stem.endswith(("人次", "场次")):
        return stem
    if suf == "人数" and stem.endswith(("人口", "人数")):
        return stem  # 覆盖人口28.6万人
    if suf == "人数" and stem.endswith(_STAFF_TERMS):
        return stem + "数"  # 卫生技术人员 is a term: 卫生技术人员数, not 卫生技术人数
    if suf == "人数" and stem.endswith("人员"):
        return stem[:-2] + "人数"
    return stem + suf


def _topic(toks: list[_Tok], i: int) -> str:
    """The programme a sentence is about: the nearest quoted name (“儿童之家”), before the number first."""
    best, dist = "", None
    for j, t in enumerate(toks):
        if t.flag == "nz" and t.rejected == "quoted name":
            name = _clean(t.word)
            if 2 <= len(name) <= 12:
                d = (i - j) if j < i else (j - i) * 3
                if dist is None or d < dist:
                    best, dist = name, d
    return best


def _is_generic(stem: str) -> bool:
    cues = _cues()
    return len(stem) <= 1 or stem in cues.generic or (
        len(stem) <= 4 and stem.endswith(cues.generic_heads))


@dataclass
class _LabelCtx:
    """What the label rules read about one quantity: its tokens, its clause, the walk before it."""

    toks: list
    i: int
    lo: int
    hi: int
    q: object  # the Quantity
    countish: bool
    after: list  # the noun phrase after its measure word
    bf: _Before
    change: str
    prev: list  # stems of the earlier quantities of the sentence
    heading: str
    fired: list  # names of the rules that decided, in order

    @property
    def verb(self) -> str:
        """The verb that ended the walk before the number, unless it is a link word."""
        v = self.bf.verb
        return v.word if v is not None and v.word not in _cues().link else ""


def _first(rules: tuple, ctx: _LabelCtx, *args):
    """The answer of the first rule of ``rules`` that applies (its name goes to ``ctx.fired``)."""
    for rule in rules:
        out = rule.apply(ctx, *args)
        if out is not None:
            ctx.fired.append(rule.name)
            return out
    return None


# -- a count with its noun after the measure word (15名“三八”红旗手)

def _cn_person(c: _LabelCtx, stem: str):
    """bare person noun: 200余名妇女儿童参加培训 -> 参加培训妇女儿童; else the phrase or verb before."""
    if not (stem in _cues().person or _is_generic(stem)):
        return None
    rest = _verb_phrase(c.toks, _index(c.toks, c.after[-1]) + 1, c.hi)
    if rest:
        return rest + stem
    if c.bf.phrase:
        return _text_of(c.bf.phrase) + stem
    return c.verb + stem  # 活动覆盖10个乡镇 -> 覆盖乡镇


def _cn_relative_verb(c: _LabelCtx, stem: str):
    """relative clause: 今年新建的为民办实事项目15个“儿童之家” — the verb of the 的-phrase says which."""
    rv = _relative_verb(c.toks, c.i, c.lo)
    return rv + stem if rv and rv not in stem else None


def _cn_giving_verb(c: _LabelCtx, stem: str):
    """verb of giving: 捐助3名困难女童, 资助15名困难女童 — the act tells the rows apart."""
    prev = c.toks[c.i - 1]
    if c.i > c.lo and prev.word in _GIVING_VERBS and prev.word not in stem:
        return prev.word + stem
    return None


COUNTED_RULES = (
    Rule("person_noun", _cn_person),
    Rule("relative_verb", _cn_relative_verb),
    Rule("giving_verb", _cn_giving_verb),
)


# -- a phrase before the number (国内生产总值 达到 56.9万亿元): how a short or vague one is completed

def _pb_comparative(c: _LabelCtx, stem: str):
    """comparison gap: 增速高于城镇居民1.6个百分点 — subject + comparison + stem."""
    k0 = _index(c.toks, c.bf.phrase[0])
    comp = _comparative(c.toks, k0 - 1, c.lo)
    if comp is None:
        return None
    sub = _walk_before(c.toks, comp, c.lo)
    subject = _trim(sub.phrase) if sub.phrase else (_subject_stem(c.prev) if c.prev else "")
    return subject + _text_of(c.toks[comp:k0]) + stem if subject else stem


def _pb_count_after_count(c: _LabelCtx, stem: str):
    """noun of the count before: 共115支参赛队1000多人参加 -> 参加人数."""
    if c.bf.after_qty and c.countish:
        return _verb_phrase(c.toks, c.i + 1, c.hi) or stem
    return None


def _pb_verb_object(c: _LabelCtx, stem: str):
    """short object of a verb: 发布信息1260条 -> 发布信息条数."""
    v = c.bf.verb
    if len(stem) <= 2 and v is not None and v.word not in _cues().link and v.word not in _cues().predicate:
        return _verb_compound(c.toks, v, c.lo) + stem
    return None


def _pb_reach_verb(c: _LabelCtx, stem: str):
    """reach verb: 家庭医生签约服务覆盖人口28.6万人 — the subject of 覆盖 names the indicator."""
    v = c.bf.verb
    if len(stem) <= 2 and v is not None and v.word in _REACH_VERBS:
        sub = _walk_before(c.toks, _index(c.toks, v), c.lo)
        if sub.phrase and not sub.changes:
            return _trim(sub.phrase) + v.word + stem
        return stem
    return None


def _pb_predicate_object(c: _LabelCtx, stem: str):
    """verbal object: 带动就业560余人 — the object takes its verb."""
    v = c.bf.verb
    if len(stem) <= 2 and v is not None and v.word in _cues().predicate \
            and len(c.bf.phrase) == 1 and c.bf.phrase[0].flag == "v":
        return v.word + stem
    return None


def _pb_money_after_count(c: _LabelCtx, stem: str):
    """amount after a count: 捐助3名困难女童4800元 — the verb of the clause names the money."""
    if not c.bf.after_qty:
        return None
    k = _index(c.toks, c.bf.phrase[0]) - 2
    return c.toks[k].word + stem if k >= c.lo and c.toks[k].flag.startswith("v") else stem


def _pb_level_qualifier(c: _LabelCtx, stem: str):
    """level qualifier: 组建…巾帼志愿队伍1支，市级3支 — 市级 qualifies the indicator before it."""
    ph = c.bf.phrase
    if len(ph) == 1 and c.prev and c.bf.verb is None and _index(c.toks, ph[0]) == c.lo \
            and (ph[0].flag == "b" or stem.endswith("级")) and not _is_generic(stem):
        return stem + c.prev[-1]
    return None


PHRASE_LABEL_RULES = (
    Rule("comparative_gap", _pb_comparative),
    Rule("count_after_count", _pb_count_after_count),
    Rule("verb_object", _pb_verb_object),
    Rule("reach_verb", _pb_reach_verb),
    Rule("predicate_object", _pb_predicate_object),
    Rule("money_after_count", _pb_money_after_count),
    Rule("level_qualifier", _pb_level_qualifier),
)


def _adj_generic_money(c: _LabelCtx, stem: str):
    """vague money head: 总价值近4.5万元的慰问品; the quoted programme or the verb names it."""
    if c.q.kind == "money" and _is_generic(stem):
        return (_noun_after_de(c.toks, c.i, c.hi) or _topic(c.toks, c.i) or c.verb) + stem
    return None


def _adj_generic_topic(c: _LabelCtx, stem: str):
    """vague head: 累计投入资金1.2亿元 -> 投入资金; the quoted programme first."""
    if not _is_generic(stem):
        return None
    topic = _topic(c.toks, c.i) or c.verb
    return stem if stem.startswith(topic) else topic + stem  # 参会人员80余人: verb already in


def _adj_target_completion(c: _LabelCtx, stem: str):
    """share of a target: 为年度计划的111% -> 年度计划完成率; 筛查率达到计划任务的103.5% -> 筛查率."""
    if not (c.q.kind == "percent" and c.toks[c.i - 1].word == "的" and stem.endswith(_TARGET_NOUNS)):
        return None
    v = c.bf.verb
    subject = _subject_before(c.toks, v, c.lo) if v is not None else ""
    if v is not None and v.word in _cues().link and not subject:
        subject = _text_of(_walk_before(c.toks, _index(c.toks, v), c.lo).phrase)
    return subject if subject.endswith("率") else stem + "完成率"


def _adj_share_prefix(c: _LabelCtx, stem: str):
    """share: 占…的比例 — a percent in a clause with 占 is a share (占国内生产总值比例)."""
    if c.q.kind == "percent" and c.change != "占比" and any(t.word == "占" for t in c.toks[c.lo:c.i]) \
            and "占" not in stem:
        return "占" + stem + ("" if stem.endswith(_cues().ratehead) else "比例")
    return None


def _adj_share_owner(c: _LabelCtx, stem: str):
    """share owner: …经费支出7.79万亿元，…占国内生产总值比例达到4% — the earlier subject."""
    if stem.startswith("占") and c.prev and len(c.prev[-1] + stem) <= _MAX_LABEL + 4:
        return c.prev[-1] + stem
    return None


def _adj_percent_verb_phrase(c: _LabelCtx, stem: str):
    """percent of a group: 妇联主席100%进“两委”班子 -> 妇联主席进两委班子比例."""
    if c.q.kind == "percent" and not stem.endswith(_cues().ratehead) and not c.change:
        rest = _verb_phrase(c.toks, c.i + 1, c.hi)
        return stem + rest + "比例" if rest else stem
    return None


#: Adjustments of a label read before the number, stage by stage (the first rule of a stage
#: that applies changes the stem).
PHRASE_ADJUST_STAGES = (
    (Rule("generic_money", _adj_generic_money), Rule("generic_topic", _adj_generic_topic)),
    (Rule("target_completion", _adj_target_completion),),
    (Rule("share_prefix", _adj_share_prefix),),
    (Rule("share_owner", _adj_share_owner), Rule("percent_verb_phrase", _adj_percent_verb_phrase)),
)


# -- no phrase next to the number: the clause is elliptic

def _el_share_clause(c: _LabelCtx):
    """share of a clause: 灾后恢复重建占14% — the whole clause before 占 is the subject."""
    return _trim(c.toks[c.lo:c.i - 1]) if c.change == "占比" and c.lo < c.i - 1 else None


def _el_change_continues(c: _LabelCtx):
    """change of the subject before: 国内生产总值达到56.9万亿元，比上年增长7.7%."""
    return _subject_stem(c.prev) if c.change and c.prev else None


def _el_count_verb_phrase(c: _LabelCtx):
    """count then verb: 1000多人参加了… -> 参加人数."""
    return (_verb_phrase(c.toks, c.i + 1, c.hi) or None) if c.countish else None


def _el_money_subject(c: _LabelCtx):
    """money subject: 整合…三级资金共投入30万元完成“儿童之家”建设 -> 儿童之家三级资金."""
    if c.q.kind != "money" or c.bf.verb is None:
        return None
    subject = _subject_before(c.toks, c.bf.verb, c.lo)
    if not subject.endswith(_cues().moneyhead):
        return None
    topic = _topic(c.toks, c.i)
    return subject if topic in subject else topic + subject


def _el_subject_continues(c: _LabelCtx):
    """elliptic clause: 一般公共预算收入…，力争达到9亿元; 电商交易额达到12.6亿元，是2020年的2.1倍."""
    v = c.verb
    if c.prev and c.q.kind != "percent" and (not v or v in _cues().target_clause
                                             or _verb_compound(c.toks, c.bf.verb, c.lo) in c.prev[-1]):
        return _subject_stem(c.prev)
    return None


def _el_verb(c: _LabelCtx):
    """verb of the clause: 新建“儿童之家”…建成12所 -> the programme and its verb."""
    return _topic(c.toks, c.i) + _verb_compound(c.toks, c.bf.verb, c.lo) if c.verb else None


ELLIPTIC_RULES = (
    Rule("share_clause", _el_share_clause),
    Rule("change_continues", _el_change_continues),
    Rule("count_verb_phrase", _el_count_verb_phrase),
    Rule("money_subject", _el_money_subject),
    Rule("subject_continues", _el_subject_continues),
    Rule("clause_verb", _el_verb),
)


# -- the label table

def _lb_counted_noun(c: _LabelCtx):
    """counted noun: 15名“三八”红旗手; 106名城镇和农村困难妇女 — the noun names the indicator."""
    if not (c.after and c.countish):
        return None
    stem = _trim(c.after)
    out = _first(COUNTED_RULES, c, stem)
    return stem if out is None else out


def _lb_listed(c: _LabelCtx):
    """enumeration: 慰问“三八”红旗手、困难妇女、困境儿童等共68人 -> 慰问人数."""
    if not c.bf.listed:
        return None
    return c.bf.verb.word if c.bf.verb is not None else ""


def _lb_phrase_before(c: _LabelCtx):
    """phrase before: 村委会主任中女性比例达到24.3% — completed by the phrase rules and stages."""
    if not c.bf.phrase:
        return None
    stem = _trim(c.bf.phrase)
    stem = _first(PHRASE_LABEL_RULES, c, stem) or stem
    for stage in PHRASE_ADJUST_STAGES:
        out = _first(stage, c, stem)
        stem = stem if out is None else out
    return stem


def _lb_purpose(c: _LabelCtx):
    """purpose of money: 安排32.5亿元帮助解决北方农村中小学取暖问题 -> 北方农村中小学取暖资金."""
    return (_purpose(c.toks, c.i, c.hi) or None) if c.q.kind == "money" else None


def _lb_noun_after(c: _LabelCtx):
    """noun after an amount: 安排2.5万元经费; 预计将获得27万元救助."""
    if not c.after:
        return None
    stem = _trim(c.after)
    return _topic(c.toks, c.i) + stem if _is_generic(stem) else stem


def _lb_elliptic(c: _LabelCtx):
    """elliptic clause: nothing names the number next to it (see ELLIPTIC_RULES)."""
    out = _first(ELLIPTIC_RULES, c)
    return "" if out is None else out


#: How the stem of an indicator label is found, in the order the rules are tried.
LABEL_RULES = (
    Rule("counted_noun", _lb_counted_noun),
    Rule("listed", _lb_listed),
    Rule("phrase_before", _lb_phrase_before),
    Rule("purpose", _lb_purpose),
    Rule("noun_after", _lb_noun_after),
    Rule("elliptic", _lb_elliptic),
)

#: Heads that name a plan figure: 完成年度计划的111% is a share of it.
_TARGET_NOUNS = words(_LABEL_CUES, "plannoun")


def _index(toks: list, tok: _Tok) -> int:
    """The position of ``tok`` in ``toks`` (tokens are ordered by their unique offsets)."""
    k = bisect_left(toks, tok.start, key=lambda t: t.start)
    return k if k < len(toks) and toks[k] is tok else toks.index(tok)


def _last_resort(c: _LabelCtx, stem: str) -> str:
    """No stem, or too long a stem: the nearest noun before the number, else the heading."""
    if not stem:
        near = _nearest_noun(c.toks, c.i)
        if not _heading_label(c.heading) or c.q.kind == "percent" and near.endswith(_cues().ratehead):
            # no heading to fall back on, or a rate the sentence names in an earlier clause
            # (确保物价上涨幅度比去年有明显回落，力争控制在百分之十五左右): the nearest noun before it
            c.fired.append("nearest_noun")
            stem = near
    if not stem or len(stem) > _MAX_LABEL + 4:
        c.fired.append("heading")
        stem = _fallback(stem, c.heading)
    return stem


def _label(toks: list[_Tok], i: int, lo: int, hi: int, quantities: list, stems: dict,
           heading: str, labels: Optional[dict] = None, fired: Optional[list] = None) -> tuple[str, str]:
    """(indicator, stem) of the quantity at token ``i``; ``lo``/``hi`` bound its clause.

    The stem is the label without the unit suffix and the change verb; a later
    number of the same sentence that omits its subject reuses it (比上年增长7.7%).
    The rules that decide are LABEL_RULES, in order; their names go to ``fired``.
    """
    fired = [] if fired is None else fired
    q = quantities[toks[i].fact].quantity
    # a bare scale (1260万农村户籍孩子, 3亿多农村人口) counts the noun after it, like a measure word
    countish = q.kind == "count" or q.kind == "other" and (q.unit or "") in ("", "万", "亿", "万亿")
    ext = i + 1  # brackets do not end the noun after a measure word: 134个村（社区）
    while ext < len(toks) and toks[ext].word not in _CLAUSE_MARKS:
        ext += 1
    after = _phrase_after(toks, i, ext) if countish or q.kind in ("money", "measure") else []
    bf = _walk_before(toks, i, lo)
    fired.extend(bf.rules)
    change = bf.changes[-1] if bf.changes else ""
    if bf.parallel and labels and bf.owner in labels:
        fired.append("parallel_value")
        return labels[bf.owner], stems[bf.owner]  # 分别达到38215元和19860元
    if bf.owner is not None and bf.owner in stems:
        # 从原来的19名扩大到33名: the second number has the first one's indicator
        fired.append("owner_value")
        return _suffix(stems[bf.owner], q) + change, stems[bf.owner]
    prev = [stems[k] for k in sorted(stems) if k < toks[i].fact]
    ctx = _LabelCtx(toks, i, lo, hi, q, countish, after, bf, change, prev, heading, fired)
    stem = _last_resort(ctx, _first(LABEL_RULES, ctx))
    return _suffix(stem, q) + change, stem


#: Nouns too vague to name a row (在一般情况下, 历史罕见, 从国内国际的形势看).
_VAGUE_NOUNS = frozenset(words(_LABEL_CUES, "vaguenoun"))


def _nearest_noun(toks: list[_Tok], i: int) -> str:
    """The nearest noun phrase before token ``i`` in its sentence (积累率由…的36.5%，降为33.6%)."""
    j = i - 1
    while j >= 0:
        if _is_nounish(toks[j]) and toks[j].flag != "REJ" and toks[j].word not in _cues().generic \
                and toks[j].word not in _VAGUE_NOUNS:
            run = [toks[j]]
            k = j - 1
            while k >= 0 and _is_nounish(toks[k]) and toks[k].flag != "REJ":
                run.insert(0, toks[k])
                k -= 1
            label = _trim(run)
            if len(label) >= 2:
                return label
            j = k
            continue
        j -= 1
    return ""


#: Comparisons whose number is a gap: 高于城镇居民1.6个百分点, 低于全省平均水平2个百分点.
_COMPARATIVES = frozenset(words(_LABEL_CUES, "comparative"))


def _comparative(toks: list[_Tok], k: int, lo: int) -> Optional[int]:
    """The index where a comparison (高于, 快 于) ending at token ``k`` begins, or None."""
    if k < lo:
        return None
    if toks[k].word in _COMPARATIVES:
        return k
    if toks[k].word == "于" and k - 1 >= lo and toks[k - 1].word in ("高", "低", "快", "慢"):
        return k - 1
    return None


def _subject_stem(prev: list[str]) -> str:
    """The stem an elliptic clause continues: the last one that is not a share of a target."""
    for stem in reversed(prev):
        if not stem.endswith(("完成率", "完成比例")):
            return stem
    return prev[-1]


def _verb_compound(toks: list[_Tok], verb: _Tok, lo: int) -> str:
    """A verb with the verb right before it when the two make one term: 集中 供养, 带动 就业."""
    cues = _cues()
    k = toks.index(verb)
    left = toks[k - 1] if k - 1 >= lo else None
    if left is not None and left.word in ("不", "未", "非"):
        return left.word + verb.word  # 未参保人员: the negation must not be lost
    if left is not None and left.flag.startswith("v") and len(left.word) == 2 and len(verb.word) == 2 \
            and left.word not in cues.link and left.word not in cues.change \
            and left.word not in cues.target_clause and left.word not in cues.expected_sentence:
        return left.word + verb.word
    return verb.word


_PURPOSE_LEAD = words(_LABEL_CUES, "purposelead")
_PURPOSE_TAIL = words(_LABEL_CUES, "purposetail")


def _purpose(toks: list[_Tok], i: int, hi: int) -> str:
    """What an amount pays for: 32.5亿元 帮助解决北方农村中小学取暖问题 -> 北方农村中小学取暖资金."""
    if i + 1 >= hi or toks[i + 1].word not in _PURPOSE_LEAD:
        return ""
    k = i + 2
    if k < hi and toks[k].flag.startswith("v") and not _is_nounish(toks[k]):
        k += 1  # 帮助 解决 …
    run = [t for t in toks[k:hi] if t.word not in _QUOTES]
    words = []
    for t in run:
        if _is_nounish(t) or t.flag in ("f", "s") or t.flag.startswith("v") and words:
            words.append(t)
        else:
            break
    while words and words[-1].word in _PURPOSE_TAIL:
        words.pop()  # 取暖问题 -> 取暖
    return _trim(words) + "资金" if words else ""


def _subject_before(toks: list[_Tok], verb: _Tok, lo: int) -> str:
    """The noun phrase right before a verb (its subject): 三级资金 共 投入."""
    j = toks.index(verb) - 1
    while j >= lo and toks[j].flag == "d":
        j -= 1
    words: list[_Tok] = []
    while j >= lo and (_is_nounish(toks[j]) or toks[j].flag == "b") and len(words) < 3:
        words.insert(0, toks[j])
        j -= 1
    return _text_of(words)


def _noun_after_de(toks: list[_Tok], i: int, hi: int) -> str:
    """总价值近4.5万元的慰问品 -> 慰问品."""
    if i + 1 < hi and toks[i + 1].word == "的":
        return _text_of(_phrase_after(toks, i + 1, hi))
    return ""


def _verb_phrase(toks: list[_Tok], j: int, hi: int) -> str:
    """A short verb phrase after a number: 参加培训, 有女性, 进两委班子, 购买两癌保险."""
    k = j
    while k < hi and (toks[k].flag == "d" or toks[k].word == "自动") and toks[k].word != "将":
        k += 1  # adverbs such as 自动, 全面
    if k >= hi or not toks[k].flag.startswith("v"):
        return ""
    verb = toks[k].word
    k += 1
    obj: list[_Tok] = []
    while k < hi and len(obj) < 8:
        t = toks[k]
        if t.word in ("了", "着", "过"):
            k += 1
            continue
        if _is_nounish(t) or t.flag == "a" or (t.flag == "v" and not obj):
            obj.append(t)
        else:
            break
        k += 1
    # keep the last noun run of the object: 购买 关爱女性健康“两癌”保险 -> 两癌保险
    run: list[_Tok] = []
    for t in reversed(obj):
        if _is_nounish(t):
            run.insert(0, t)
        else:
            break
    return _clean(verb + _text_of(run[-3:] if run else obj[:2]))


def _fallback(stem: str, heading: str) -> str:
    """An elliptic sentence: the section heading names what is counted."""
    head = _heading_label(heading)
    if stem and head and not stem.startswith(head):
        out = head + stem
    else:
        out = stem or head or "数值"
    return out if len(out) <= _MAX_LABEL + 4 else (head or out[-_MAX_LABEL:])


#: Titles that structure gives to a part without a heading of its own: they name no topic.
#: 重复转载的内容 is the part structure sets aside when a scraped report repeats itself.
_BLANK_HEADINGS = frozenset(words("heading_topic.tsv", "blank"))

_HEADING_NOISE = re.compile("^(?:" + word_alternation(words("heading_topic.tsv", "adverb")) + ")+")
_HEADING_VERB = re.compile("^(?:" + word_alternation(words("heading_topic.tsv", "verb")) + ")")


#: The first clause of a heading ends at its first mark; years inside it name no topic.
_FIRST_CLAUSE = re.compile(r"[，,。；;：:！!？?]")
_YEAR_WORD = re.compile(r"[\d一二三四五六七八九十]+年")
#: The column of an indicator table that holds the targets (年度目标, 计划数, 任务数).
_TARGET_COLUMNS = ("目标", "计划", "任务")
_DIGIT = re.compile(r"\d")
#: 两个 of 两个100%: the count of a named requirement.
_COUNT_OF_NAMES = re.compile(r"[一二两三四五六七八九十\d]+个")


def _heading_label(heading: str) -> str:
    """A short topic from a section title: 抓日常信访接待 -> 日常信访接待."""
    if not heading or heading.strip().strip("（）()") in _BLANK_HEADINGS:
        return ""
    first = _FIRST_CLAUSE.split(heading, maxsplit=1)[0]
    first = _HEADING_NOISE.sub("", first)
    first = _HEADING_VERB.sub("", first)
    first = _YEAR_WORD.sub("", first)
    return _clean(first)[:10]


# ---------------------------------------------------------------------------- roles

def _bracket_span(text: str, lo: int, pos: int) -> Optional[tuple[int, int]]:
    """The innermost bracket (start, end) of ``text[lo:]`` that holds ``pos``."""
    depth = 0
    j = pos - 1
    while j >= lo:
        c = text[j]
        if c in _CLOSE_BRACKETS:
            depth += 1
        elif c in _OPEN_BRACKETS:
            if depth == 0:
                k = pos
                d = 0
                while k < len(text) and text[k] not in "\n":
                    if text[k] in _OPEN_BRACKETS:
                        d += 1
                    elif text[k] in _CLOSE_BRACKETS:
                        if d == 0:
                            return j, k + 1
                        d -= 1
                    k += 1
                return None
            depth -= 1
        j -= 1
    return None


def _clause_bounds(toks: list[_Tok], i: int) -> tuple[int, int]:
    lo = i
    depth = 0  # a bracket closed before the number stays in its clause: 村（社区）十二个
    while lo > 0 and toks[lo - 1].word not in _CLAUSE_MARKS:
        w = toks[lo - 1].word
        if w in _CLOSE_BRACKETS:
            depth += 1
        elif w in _OPEN_BRACKETS:
            if depth == 0:
                break
            depth -= 1
        lo -= 1
    hi = i + 1
    while hi < len(toks) and toks[hi].word not in _CLAUSE_MARKS and toks[hi].word not in _CLOSE_BRACKETS \
            and toks[hi].word not in _OPEN_BRACKETS:
        hi += 1
    return lo, hi


def _future_cue(toks: list[_Tok], j: int) -> bool:
    """将/计划/要 are cues only when a verb or a number follows (将有200余名; not 将县级执委)."""
    word = toks[j].word
    if word not in ("将", "计划", "要"):
        return True
    k = j + 1
    while k < len(toks) and toks[k].flag == "d" and k - j <= 2:
        k += 1  # 要再取消, 都要减少
    if k >= len(toks):
        return False
    nxt = toks[k]
    if nxt.flag == "QTY":
        return word == "计划"
    if nxt.word.endswith("率") or k + 1 < len(toks) and toks[k + 1].word == "率":
        return False  # 团员发展计划执行率100%: 计划 inside the name of a rate
    if word == "计划" and nxt.flag != "REJ" and nxt.word not in _role_words("expected", "nonfollower") \
            and not (k + 1 < len(toks) and toks[k + 1].word == "的") \
            and (j == 0 or toks[j - 1].word in _CLAUSE_MARKS or _is_date(toks[j - 1])
                 or toks[j - 1].word in _role_words("expected", "opener")):
        return True  # 下一步，计划新建…; 2023年计划新建…: 计划 opening its clause (jieba tags 新建 ns)
    return nxt.flag.startswith("v") and nxt.flag != "vn" or nxt.word in _role_words("expected", "follower")


@dataclass
class _RoleCtx:
    """What the role rules read about the quantity at token ``i`` of clause ``lo:hi``."""

    text: str
    toks: list
    i: int
    lo: int
    hi: int
    sent_start: int
    section_kind: str
    cues: "_SentenceCues"


@dataclass
class _SentenceCues:
    """Where the role cues of one sentence stand, found in one pass over its tokens; each
    quantity then asks by position (bisect) instead of scanning the sentence again."""

    clause: list  # indices of target cues that count anywhere in a clause (确保, 力争, 要 + verb)
    clause_opening: set  # 要求 after a noun or 按照: a cue only when it opens the clause
    target: Optional[int]  # the first sentence-wide target cue (确保, 力争)
    lead_in: Optional[int]  # the first lead-in of targets (主要目标是：)
    expected: Optional[int]  # the first expected cue (预计, 将 + verb)


def _sentence_cues(toks: list[_Tok]) -> _SentenceCues:
    cues = _cues()
    nounmark, leadin = _role_words("target", "nounmark"), _role_words("target", "leadin")
    exp = cues.expected_sentence
    long_exp = [e for e in exp if len(e) >= 2 and e not in ("计划", "将要")]
    out = _SentenceCues([], set(), None, None, None)
    for j, t in enumerate(toks):
        w = t.word
        if w in cues.target_clause or w == "要" and _future_cue(toks, j):
            if w == "要求" and j > 0 and (toks[j - 1].word in nounmark or toks[j - 1].flag.startswith("n")):
                out.clause_opening.add(j)  # 按照要求完成…; 换届工作要求: 要求 as a noun
            else:
                out.clause.append(j)
        if out.target is None and w in cues.target_sentence:
            out.target = j
        if out.lead_in is None and _is_target_lead_in(toks, j, leadin):
            out.lead_in = j
        if out.expected is None and (w in exp and _future_cue(toks, j) or len(w) > 2
                                     and not w.startswith(_NOT_EXPECTED) and any(e in w for e in long_exp)):
            out.expected = j
    return out


def _is_target_lead_in(toks: list[_Tok], j: int, leadin: tuple) -> bool:
    """主要目标是：, 总体目标为: a 目标 opening its clause and announcing the targets after it."""
    w = toks[j].word
    return w.endswith("目标") and "预期" not in w and j + 1 < len(toks) \
        and toks[j + 1].word in ("是", "为", "：", ":") \
        and (j == 0 or toks[j - 1].word in _CLAUSE_MARKS or toks[j - 1].word in leadin)


def _ro_bracket(c: _RoleCtx):
    """bracketed target: 达到24.3%（目标10%）; the values inside a named requirement 两个100%（…）."""
    tok = c.toks[c.i]
    br = _bracket_span(c.text, c.sent_start, tok.start)
    if br is None:
        return None
    inside = c.text[br[0] + 1:tok.start]
    if inside.lstrip().startswith("目标") or "目标" in inside[-4:]:
        return "target", "bracket_target"
    k = bisect_right([t.end for t in c.toks], br[0]) - 1  # the token that ends right before it
    if k >= 0 and c.toks[k].end == br[0] and _NAMED_REQUIREMENT.search(c.toks[k].word):
        return "target", "named_requirement"
    return None


def _ro_share_of_target(c: _RoleCtx):
    """share of a target: 完成年度目标任务的105%, 为年度计划的111% — an actual value."""
    if c.i >= 2 and c.toks[c.i - 1].word == "的" and c.toks[c.i - 2].word.endswith(_TARGET_NOUNS):
        return "actual", "share_of_target"
    return None


def _ro_clause_cue(c: _RoleCtx):
    """target cue in the clause: 确保, 力争, 要求, 要 + verb (not 按照要求, 换届工作要求)."""
    sc = c.cues
    k = bisect_left(sc.clause, c.lo)
    if k < len(sc.clause) and sc.clause[k] < c.i or c.lo in sc.clause_opening and c.lo < c.i:
        return "target", "target_cue"
    return None


def _ro_sentence_cue(c: _RoleCtx):
    """target cue earlier in the sentence; a lead-in 目标是：全年新增城镇就业2800人，…."""
    sc = c.cues
    cue = sc.target if sc.target is not None and sc.target < c.lo else None
    lead = sc.lead_in if sc.lead_in is not None and sc.lead_in + 1 < c.lo else None
    if cue is not None and (lead is None or cue <= lead):
        return "target", "target_cue"
    if lead is not None:
        return "target", "target_lead_in"  # 目标是全年新增城镇就业2800人，农村劳动力转移就业1万人
    return None


def _ro_outcome_clause(c: _RoleCtx):
    """outcome told after a plan: 原计划4期，仅举办2期; 计划举办4期，实际举办3期 — a plan or target cue
    of an earlier clause does not reach a clause that tells the outcome (role_cues.tsv actual outcome)."""
    sc = c.cues
    if c.section_kind == "plan" or not any(k is not None and k < c.lo for k in (sc.expected, sc.target)):
        return None
    outcome, nonfollower = _role_words("actual", "outcome"), _role_words("actual", "nonfollower")
    for k in range(c.lo, c.i):
        if c.toks[k].word in outcome and not (k + 1 < c.i and c.toks[k + 1].word.startswith(nonfollower)):
            return "actual", "outcome_clause"
    return None


def _ro_target_after(c: _RoleCtx):
    """target named after: 低于3%左右的调控目标 — the number qualifies a 目标 right after it."""
    k = c.i + 1
    if k < c.hi and c.toks[k].word == "的" and any(t.word.endswith("目标") for t in c.toks[k + 1:min(c.hi, k + 5)]):
        return "target", "target_after"
    return None


def _ro_plan_section(c: _RoleCtx):
    """plan section: everything in a plan part is expected."""
    return ("expected", "plan_section") if c.section_kind == "plan" else None


def _ro_expected_cue(c: _RoleCtx):
    """expected cue before the number: 预计, 将 + verb; 主要预期目标 as one dictionary word."""
    if c.cues.expected is not None and c.cues.expected < c.i:
        return "expected", "expected_cue"
    return None


#: Comparisons that hold an expected cue inside a longer word (超预期, 好于预期).
_NOT_EXPECTED = _role_words("expected", "notprefix")

#: How the role of a quantity is decided, in order; no rule answering means actual.
ROLE_RULES = (
    Rule("bracket", _ro_bracket),
    Rule("share_of_target", _ro_share_of_target),
    Rule("clause_cue", _ro_clause_cue),
    Rule("outcome_clause", _ro_outcome_clause),
    Rule("sentence_cue", _ro_sentence_cue),
    Rule("target_after", _ro_target_after),
    Rule("plan_section", _ro_plan_section),
    Rule("expected_cue", _ro_expected_cue),
)


def _role(doc_text: str, toks: list[_Tok], i: int, lo: int, hi: int, sent_start: int,
          section_kind: str, fired: Optional[list] = None,
          cues: Optional[_SentenceCues] = None) -> tuple[str, str]:
    """(role, why) of the quantity at token ``i`` whose clause is tokens ``lo:hi`` (ROLE_RULES);
    ``cues``: the sentence's cue positions, when the caller has them already."""
    cues = _sentence_cues(toks) if cues is None else cues
    ctx = _RoleCtx(doc_text, toks, i, lo, hi, sent_start, section_kind, cues)
    for rule in ROLE_RULES:
        out = rule.apply(ctx)
        if out is not None:
            if fired is not None:
                fired.append("role:" + rule.name)
            return out
    return "actual", ""


# ---------------------------------------------------------------------------- extraction

#: One row of an indicator table written as text: 城乡低保对象：3200人／3286人／102.7%
_TABLE_ROW = re.compile(r"^\s*(?:\d+[.、．]\s*)?([^：:，,。；;/]{2,24})[：:]\s*(.+?)\s*[。；;]?$")
_TABLE_SEP = re.compile(r"^[\s/|｜、]*$")
#: The column names of such a table, given before its rows: （指标名称：年度目标／完成数／完成率）
_TABLE_HEAD = re.compile(r"[：:]\s*([^：:\n（）()]+?(?:/[^：:\n（）()]+?)+)\s*[)）]?[：:]?\s*$")


def _table_row(doc: Document, sent, quantities: list) -> Optional[list[tuple[str, str, str]]]:
    """(label, role, why) for each value of a table row, or None when the sentence is no such row."""
    m = _TABLE_ROW.match(sent.text)
    if m is None or len(quantities) < 2:
        return None
    body_start = sent.start + m.start(2)
    pos = body_start
    for q in quantities:  # the body holds nothing but the values and separators
        if q.start < body_start or not _TABLE_SEP.match(doc.text[pos:q.start]):
            return None
        pos = q.end
    if not _TABLE_SEP.match(doc.text[pos:sent.start + m.end(2)]):
        return None
    name = _clean(m.group(1))
    columns: list[str] = []
    before = doc.text[max(0, sent.start - 600):sent.start].rstrip("\n").split("\n")
    for line in reversed(before[-12:]):
        head = _TABLE_HEAD.search(line.rstrip("：: "))
        if head and not _DIGIT.search(head.group(1)):
            columns = [c.strip() for c in head.group(1).split("/")]
            break
        if not _TABLE_ROW.match(line):
            break  # the rows of a table follow its head without other lines in between
    out = []
    for k, q in enumerate(quantities):
        col = columns[k] if len(columns) == len(quantities) else ""
        if any(w in col for w in _TARGET_COLUMNS):
            out.append((_suffix(name, q.quantity), "target", "table_target"))
        elif col.endswith(("率", "比例")) and q.quantity.kind == "percent":
            out.append((name + (col if col.endswith("完成率") else "完成率"), "actual", "table_rate"))
        else:
            out.append((_suffix(name, q.quantity), "actual", "table_actual"))
    return out


def _table_facts(doc: Document, sent, quantities: list, table: list) -> list[dict]:
    rows = []
    for m, (label, role, why) in zip(quantities, table):
        if sent.section_kind == "plan" and role == "actual":
            role = "expected"
        rows.append(_row(doc, sent, m, role, label, why))
        rows[-1]["_rules"].append("table:" + why)
    return rows


def _own_label(toks: list[_Tok], i: int, lo: int, hi: int, quantities: list, stems: dict,
               heading: str, labels: dict, fired: list) -> tuple[str, str]:
    """_label, which must never cost a fact: on an error the heading names it."""
    try:
        return _label(toks, i, lo, hi, quantities, stems, heading, labels, fired)
    except Exception:  # a label must never cost a fact: fall back to the heading
        stem = _fallback("", heading)
        fired.append("error_heading")
        return _suffix(stem, quantities[toks[i].fact].quantity), stem


def _recipient(text: str, sent, rows: list[dict], where: list, toks: list[_Tok], stems: dict) -> None:
    """为20名贫困母亲送上慰问金…0.63万元: the money is the recipients' (贫困母亲慰问金)."""
    for k, r in enumerate(rows):
        if r["kind"] != "money" or k == 0 or not _RECIPIENT.search(text, sent.start, r["start"]):
            continue
        who = stems.get(toks[where[k - 1][0]].fact, "")
        if rows[k - 1]["kind"] == "count" and 2 <= len(who) <= 6 and who not in r["indicator"] \
                and where[k - 1][1] == where[k][1]:
            r["indicator"] = who + r["indicator"]
            r["_rules"].append("recipient")


def _sentence_facts(doc: Document, sent, quantities: list, rejected: list) -> list[dict]:
    """The fact rows of one sentence: role and label of each quantity, then 分别, activities
    and recipients, which read the sentence's other values."""
    text = doc.text
    table = _table_row(doc, sent, quantities)
    if table is not None:
        return _table_facts(doc, sent, quantities, table)
    toks = _tokens(doc, sent.start, sent.end, quantities, rejected)
    sec = doc.section_at(sent.start) if doc.section_list else None
    heading = sec.title if sec is not None else ""
    stems: dict[int, str] = {}
    labels: dict[int, str] = {}
    rows: list[dict] = []
    where: list[tuple[int, int, int]] = []  # (token index, clause lo, clause hi) of each row
    lead = _lead_in_expected(text, sent.start)
    cues = _sentence_cues(toks)  # once per sentence: every quantity asks it by position
    for i, tok in enumerate(toks):
        if tok.flag != "QTY" or tok.fact is None:
            continue
        m = quantities[tok.fact]
        lo, hi = _clause_bounds(toks, i)
        fired: list[str] = []
        role, _why = _role(text, toks, i, lo, hi, sent.start, sent.section_kind, fired, cues)
        if role == "actual" and lead:
            role, _why = "expected", "expected_lead_in"
            fired.append("role:expected_lead_in")
        label, stem = _own_label(toks, i, lo, hi, quantities, stems, heading, labels, fired)
        if role == "target" and _why in ("bracket_target", "target_after") and rows:
            # （目标10%） names no indicator: it is the target of the actual value before it
            prev = [r for r in rows if r["role"] == "actual" and r["base_unit"] == m.quantity.base_unit]
            if prev and (_why == "bracket_target" or len(label) <= 4 or "目标" in label):
                label = prev[-1]["indicator"]
                fired.append("target_of_actual")
        stems[tok.fact] = stem
        labels[tok.fact] = label
        rows.append(_row(doc, sent, m, role, label, _why))
        rows[-1]["_rules"] = fired
        where.append((i, lo, hi))
    if len(rows) > 1:
        _distribute(toks, rows, where, quantities, stems)
    for r in rows:
        r["indicator"] = _with_activity(r["indicator"], text[sent.start:r["start"]], heading, r["kind"],
                                        r["_rules"])
    _recipient(text, sent, rows, where, toks, stems)
    return rows


#: 为/给/向 + a count of people + a verb of giving: the amount after it is theirs.
_RECIPIENT = re.compile(r"(?:为|给|向)\d+(?:\.\d+)?(?:多|余)?[名位人户][^，。；]{1,10}?(?:"
                        + word_alternation(words(_LABEL_CUES, "handout")) + ")")


#: 通过…方式: the way a count was reached, a programme (政府购买服务).
_MANNER = re.compile(r"通过([\u4e00-\u9fff]{2,10}?)的?(?:" + word_alternation(words(_LABEL_CUES, "manner")) + ")")
#: The session of a programme a sentence names (第一期培训, 第二届运动会).
_SESSION = re.compile(r"(第[一二三四五六七八九十\d]{1,3}(?:" + word_alternation(words(_LABEL_CUES, "sessionunit"))
                      + r"))(?=[\u4e00-\u9fff]{0,6}?(?:" + word_alternation(words(_LABEL_CUES, "sessionevent")) + "))")
#: 在“儿童之家”开展…: the quoted place a clause's events were held in.
_PLACE_QUOTED = re.compile("在“([^“”，。；]{2,8})”(?:" + word_alternation(words(_LABEL_CUES, "heldverb")) + ")")
#: Words before an activity word that are not its modifier (开展 妇女运动会).
_ACTIVITY_LEAD = re.compile("^(?:" + word_alternation(words(_LABEL_CUES, "activitylead")) + ")+")
#: A short quoted name in a sentence (“两癌”, “春蕾计划”): the programme an amount belongs to.
_QUOTED_BEFORE = re.compile(r"“([^“”，。；]{2,8})”")
def _relative_verb(toks: list, i: int, lo: int) -> str:
    """The verb of a 的-phrase before a count in its clause (新建 of 今年新建的…15个), or ""."""
    for k in range(i - 1, lo, -1):
        if toks[k].word == "的" and toks[k - 1].word in _cues().verb:  # jieba tags 新建 ns: the lexicon decides
            return toks[k - 1].word
        if toks[k].flag == "QTY":
            return ""
    return ""


#: Verbs of giving whose object is a group of people: the verb stays in the label.
_GIVING_VERBS = frozenset(words(_LABEL_CUES, "givingverb"))
#: Characters that end the words before an activity noun (its modifier is what follows them).
_ACTIVITY_STOP = set("，,。；;：:、“”‘’（）()《》的了和及与为在是对向给把")


@lru_cache(maxsize=1)
def _activity_words() -> tuple:
    return tuple(sorted(words("indicator_cues.tsv", "activity"), key=len, reverse=True))


@lru_cache(maxsize=1)
def _activity_heads() -> tuple:
    return words("indicator_cues.tsv", "activityhead")


@lru_cache(maxsize=1)
def _org_heads() -> tuple:
    return words("indicator_cues.tsv", "orghead")


def _activity(text: str, words: Optional[tuple] = None) -> tuple[str, str]:
    """(activity word, its modifier) of the last activity a text names: 妇女运动会 -> (运动会, 妇女).

    The modifier is the run of characters right before the word back to a stop mark, at most
    five; a heading that lists several occasions (母亲节、“六一”儿童节慰问) gives none.
    """
    best = (-1, "", "")
    for w in (words if words is not None else _activity_words()):
        k = text.rfind(w)
        if k > best[0] and text[k + len(w):k + len(w) + 1] in ("、", "等") \
                or k > 0 and text[k - 1] == "、":
            continue  # 垃圾分类、禁毒宣传、关爱留守儿童等: one item of a list names no activity
        if k > best[0]:
            j = k
            while j > 0 and k - j < 4 and text[j - 1] not in _ACTIVITY_STOP and not text[j - 1].isdigit():
                j -= 1
            mod = text[j:k]
            if "、" in text[max(0, j - 12):k]:
                mod = ""
            mod = _ACTIVITY_LEAD.sub("", mod)
            best = (k, w, mod if len(mod) >= 2 else "")
    return best[1], best[2]


def _last_clause(before: str) -> str:
    return before[max(before.rfind(p) for p in "，；。") + 1:]


def _wa_org(label: str, before: str, heading: str, kind: str):
    """organisation: 协会会员人数 after 加入女企业家协会 — the body a short name stands for."""
    head = next((h for h in _org_heads() if label.startswith(h)), "")
    k = len(before) if head else 0
    while k > 0:
        h_word, h_mod = _activity(before[:k], (head,))
        if not h_word:
            break
        if h_mod:
            return label if h_mod in label else h_mod + label
        k = before.rfind(head, 0, k)  # the label's own 协会: look further back
    return None


def _wa_manner(label: str, before: str, heading: str, kind: str):
    """manner: 通过政府购买服务方式服务“儿童之家”16所 -> 政府购买服务儿童之家数."""
    manner = _MANNER.search(_last_clause(before))
    if not manner or manner.group(1) in label:
        return None
    way = manner.group(1)
    tail = next((k for k in range(min(len(way), len(label)), 0, -1) if label.startswith(way[-k:])), 0)
    out = way + label[tail:]
    return out if len(out) <= _MAX_LABEL + 4 else None


def _wa_session(label: str, before: str, heading: str, kind: str):
    """session: 已完成第一期培训，200余名妇女儿童参加培训 — which session the count is of."""
    session = _SESSION.findall(before)
    if session and session[-1] not in label and len(session[-1] + label) <= _MAX_LABEL + 4:
        return session[-1] + label
    return None


def _wa_quoted_money(label: str, before: str, heading: str, kind: str):
    """quoted programme of money: 为30名患“两癌”妇女申报救助金，…27万元救助 -> 两癌救助金额."""
    quoted = _QUOTED_BEFORE.findall(before)
    if quoted and len(label) <= 4 and kind == "money" and quoted[-1] not in label:
        return quoted[-1] + label
    return None


def _wa_place(label: str, before: str, heading: str, kind: str):
    """quoted place: 共在“儿童之家”开展禁毒宣传活动30多场次 — where the events were held."""
    place = _PLACE_QUOTED.search(_last_clause(before))
    if place and label.endswith(("场次", "场数", "次数", "期数")) and place.group(1) not in label:
        return place.group(1) + label
    return None


def _wa_activity(label: str, before: str, heading: str, kind: str):
    """activity: 妇女运动会…115支参赛队 -> 妇女运动会参赛队数; else the heading's activity."""
    word, mod = _activity(before)
    if not word or not mod:
        # the heading names the activity of its paragraph; it counts for participants, teams,
        # sessions and money (人数, 场次, 金额), not for facilities counted under it (儿童之家数)
        h_word, h_mod = _activity(_heading_label_full(heading))
        if h_word and (not word or h_word == word) and label.endswith(_activity_heads()):
            word, mod = h_word, h_mod
    if not word:
        return label
    act = mod + word
    if act in label or (mod and mod in label):
        return label
    if word in label:
        return label.replace(word, act, 1) if mod else label
    out = act + label
    return out if len(out) <= _MAX_LABEL + 4 else label


#: What a count or an amount belongs to, in order: the first rule that answers decides.
ACTIVITY_RULES = (
    Rule("organisation", _wa_org),
    Rule("manner", _wa_manner),
    Rule("session", _wa_session),
    Rule("quoted_money", _wa_quoted_money),
    Rule("quoted_place", _wa_place),
    Rule("activity", _wa_activity),
)


def _with_activity(label: str, before: str, heading: str, kind: str, fired: Optional[list] = None) -> str:
    """Keep the activity or programme a count or an amount belongs to (春节慰问人数, 妇女运动会参赛队数).

    The sentence before the number names it first (…为主题的妇女运动会，…115支参赛队), else the
    heading (开展“把爱带回家”春节慰问服务活动 over …共68人).  A label that already holds the
    activity word gets its modifier (慰问人数 -> 春节慰问人数); one without it gets both.
    """
    if kind not in ("count", "money") or not label:
        return label
    for rule in ACTIVITY_RULES:
        out = rule.apply(label, before, heading, kind)
        if out is not None:
            if fired is not None and out != label:
                fired.append("activity:" + rule.name)
            return out
    return label


def _heading_label_full(heading: str) -> str:
    """The first clause of a heading, as written (its activity words are wanted, not a short topic)."""
    if not heading or heading.strip().strip("（）()") in _BLANK_HEADINGS:
        return ""
    return _FIRST_CLAUSE.split(heading, maxsplit=1)[0]


#: The lead-in of a list of targets joined by semicolons (主要预期目标是：…；…；…).
_LEAD_IN = re.compile(word_alternation(_role_words("expected", "leadin")))


def _lead_in_expected(text: str, start: int) -> bool:
    """Whether a sentence continues a ；-list whose lead-in announces expected values."""
    j = start - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    if j < 0 or text[j] not in "；;":
        return False
    k = max(text.rfind("\n", 0, j), text.rfind("。", 0, j))
    return bool(_LEAD_IN.search(text, k + 1, j))


def _distributive_start(toks: list[_Tok], where: list, n: int) -> Optional[int]:
    """The token where a distributive clause opens before value ``n`` (分别, or the change verb
    of 实际增长8.4%和8% in a clause without a subject), or None."""
    i, lo, _ = where[n]
    f = next((j for j in range(lo, i) if toks[j].word == "分别"), None)
    if f is not None:
        return f
    nxt = [g for g, (gi, glo, _) in enumerate(where) if glo == lo and gi > i]
    if not nxt or where[nxt[0]][0] != i + 2 or toks[i + 1].word not in "和、及与":
        return None
    if _walk_before(toks, i, lo).phrase:
        return None
    f = i - 1
    skip = _cues().change | _cues().link
    while f > lo and toks[f].word in skip:
        f -= 1
    return f


def _distributed_names(toks: list[_Tok], where: list, group: list, f: int, lo: int,
                       stems: dict, named: dict) -> Optional[list[str]]:
    """One name per value of a distributive group: the listed subjects (二氧化硫、化学需氧量
    排放量), or the names of as many values before the clause — the names an earlier 分别
    gave them (``named``: 城镇、农村居民收入分别达到40197元和17797元，分别增长5.2%和7.6%), else
    their stems."""
    bf = _walk_before(toks, f, lo)
    if not bf.phrase:
        before = [g for g in range(len(where)) if where[g][0] < lo]
        if len(before) < len(group):
            return None
        return [named.get(g) or stems[toks[where[g][0]].fact] for g in before[-len(group):]]
    items: list[list[_Tok]] = [[]]
    for t in bf.phrase:
        if t.word in "、和及与":
            items.append([])
        else:
            items[-1].append(t)
    items = [x for x in items if x]
    if len(items) != len(group):
        return None
    # The shared head: the last word (二氧化硫、化学需氧量排放量: 排放量), or for a one-word item
    # all that follows the last item's first word (城镇、农村常住居民人均可支配收入: 城镇 takes
    # 常住居民人均可支配收入, as 农村 does).
    last = items[-1]
    heads = [(last[1:] if len(x) == 1 else last[-1:]) if len(last) > 1 and k < len(items) - 1 else []
             for k, x in enumerate(items)]
    return [_text_of(x + head) for x, head in zip(items, heads)]


def _distribute(toks: list[_Tok], rows: list[dict], where: list, quantities: list, stems: dict) -> None:
    """分别: give each value of a distributive clause its own indicator.

    二氧化硫、化学需氧量排放量分别下降3.5%、2.9% -> 二氧化硫排放量下降, 化学需氧量排放量下降;
    接待游客320万人次，实现旅游总收入28.5亿元，分别增长15.3%和18.6% -> the values before, in order.
    """
    change_words = _cues().change
    done: set[int] = set()
    named: dict[int, str] = {}  # value -> the name a distributive clause gave it
    for n, (i, lo, hi) in enumerate(where):
        if n in done:
            continue
        f = _distributive_start(toks, where, n)
        if f is None:
            continue
        group = [g for g, (gi, glo, _) in enumerate(where) if glo == lo and gi > f]
        done.update(group)
        if len(group) < 2:
            continue
        change = next((t.word for t in toks[f + 1:where[group[0]][0]] if t.word in change_words), "")
        names = _distributed_names(toks, where, group, f, lo, stems, named)
        for g, name in zip(group, names or ()):
            q = quantities[toks[where[g][0]].fact].quantity
            named[g] = name
            rows[g]["indicator"] = _suffix(name, q) + change
            rows[g]["_rules"].append("distribute")


def _row(doc: Document, sent, m, role: str, label: str, why: str) -> dict:
    q = m.quantity
    meta = doc.meta
    # a plan's figures are for the plan year, targets as well as expected values (目标 in a review
    # section, 达到24.3%（目标10%）, is the reviewed year's)
    planned = role == "expected" or role == "target" and sent.section_kind == "plan"
    year = meta.plan_year if planned and meta.plan_year else meta.year
    return {
        "doc_id": doc.doc_id, "fact_id": 0, "section_id": sent.section_id,
        "section_kind": sent.section_kind, "start": m.start, "end": m.end, "surface": m.surface,
        "value": q.value, "unit": q.unit, "value_max": q.value_max, "base_value": q.base_value,
        "base_unit": q.base_unit, "kind": q.kind, "aspect": q.aspect, "approx": q.approx,
        "role": role, "target_of": None, "indicator": label, "sentence": sent.text,
        "year": year, "_why": why, "_rules": [],  # the named rules that decided (table:name)
    }


def _link_targets(rows: list[dict]) -> None:
    """Point each bracketed or same-clause target at the actual value it qualifies."""
    for k, r in enumerate(rows):
        if r["role"] == "target" and r["_why"] == "table_target":
            # a table row: the target column qualifies the actual column after it
            for c in rows[k + 1:]:
                if c["sentence"] != r["sentence"]:
                    break
                if c["role"] in ("actual", "expected") and c["base_unit"] == r["base_unit"]:
                    r["target_of"] = c["fact_id"]
                    break
            continue
        if r["role"] != "target" or r["_why"] not in ("bracket_target", "target_after"):
            continue
        for p in range(k - 1, -1, -1):
            c = rows[p]
            if c["sentence"] is not r["sentence"] and c["sentence"] != r["sentence"]:
                break
            if c["role"] == "actual" and c["base_unit"] == r["base_unit"]:
                r["target_of"] = c["fact_id"]
                break


def _all_rows(doc: Document) -> tuple[list[dict], list[dict]]:
    """Every fact row (with fact_id) and every skipped candidate of ``doc``."""
    from .numbers import QuantityMatch, Rejected, scan_candidates

    rows: list[dict] = []
    skipped: list[dict] = []
    text = doc.text
    # A scraped page that repeats its report: structure sets the copy apart as one section
    # (REPEATED_COPY_TITLE); its numbers are the report's again, so they are neither scanned nor
    # counted twice, and --explain names the copy once.
    sentences = doc.report_sentences
    copy_start = doc.repeated_copy_start
    if copy_start is not None:
        skipped.append({"start": copy_start, "end": len(text.rstrip()),
                        "surface": REPEATED_COPY_TITLE, "reason": Reason.REPEATED})
    # One scan of the whole text (cheaper than one call per sentence), then bucketed by sentence.
    try:
        candidates = list(scan_candidates(text, 0, copy_start))
    except Exception:  # never raise on odd text: fall back to sentence by sentence
        candidates = None
    starts = [s.start for s in sentences]
    buckets: list[list] = [[] for _ in sentences]
    if candidates is not None:
        for c in candidates:
            k = bisect_right(starts, c.start) - 1
            if k >= 0 and c.end <= sentences[k].end:
                buckets[k].append(c)
            elif isinstance(c, QuantityMatch):
                skipped.append({"start": c.start, "end": c.end, "surface": c.surface,
                                "reason": Reason.OUTSIDE})
            else:  # a web address runs over the sentence splitter's ? and . and is still named
                skipped.append({"start": c.start, "end": c.end, "surface": c.surface, "reason": c.reason})
    for k, sent in enumerate(sentences):
        quantities, rejected = [], []
        try:
            found = buckets[k] if candidates is not None else scan_candidates(text, sent.start, sent.end)
            for c in found:
                (quantities if isinstance(c, QuantityMatch) else rejected).append(c)
        except Exception as e:  # never raise on odd text: the sentence is reported as skipped
            skipped.append({"start": sent.start, "end": sent.end, "surface": sent.text[:40],
                            "reason": Reason.UNPARSED})
            continue
        for r in rejected:
            skipped.append({"start": r.start, "end": r.end, "surface": r.surface, "reason": r.reason})
        kept = []
        for q in quantities:
            why = _post_filter(text, q, rejected)
            if why:
                skipped.append({"start": q.start, "end": q.end, "surface": q.surface, "reason": why})
                if why == _CLASS:
                    # 亿元以上项目: kept as a name token, so that it stays inside the label (亿元以上项目数)
                    rejected.append(Rejected(q.start, q.end, q.surface, Reason.NAMED_CLASS))
                if why == _REQUIREMENT_NAME:
                    # 两个100%: one name token, so that the values in its bracket read as targets
                    r0 = next(r for r in rejected if r.end == q.start)
                    rejected[rejected.index(r0)] = Rejected(r0.start, q.end, text[r0.start:q.end], why)
            else:
                kept.append(q)
        if kept:
            try:
                rows.extend(_sentence_facts(doc, sent, kept, rejected))
            except Exception as e:  # never raise on odd text: the sentence's values are listed as skipped
                for q in kept:
                    skipped.append({"start": q.start, "end": q.end, "surface": q.surface,
                                    "reason": Reason.UNANALYSED})
    for n, r in enumerate(rows, 1):
        r["fact_id"] = n
    _link_targets(rows)
    return rows, skipped


@lru_cache(maxsize=1)
def _abstract() -> "re.Pattern":
    longest_first = sorted(words("indicator_cues.tsv", "abstract"), key=len, reverse=True)
    return re.compile("[“\"]?(?:" + word_alternation(longest_first) + ")")


_REQUIREMENT_NAME = Reason.REQUIREMENT
_CLASS = Reason.CLASS
_CAPITAL_NUMERALS = set("壹贰貳叁參肆伍陆陸柒捌玖拾佰仟")
_CLASS_PREFIXES = ("超", "超过", "过", "逾")


@lru_cache(maxsize=1)
def _class_noun() -> "re.Pattern":
    """The class nouns of indicator_cues.tsv (亿元以上 项目, 超亿元 企业)."""
    longest_first = sorted(words("indicator_cues.tsv", "classnoun"), key=len, reverse=True)
    return re.compile("(?:的)?(?:" + word_alternation(longest_first) + ")")


def _post_filter(text: str, q, rejected: list) -> str:
    """Reasons to drop a quantity ``numbers`` accepted (kept minimal; see the comments)."""
    if q.quantity is None or q.quantity.value is None:
        return Reason.NO_VALUE
    if text[q.start:q.end] != q.surface:
        return Reason.SPAN_MISMATCH
    # 队伍年龄: numbers reads the 伍 of 队伍 as a financial numeral; a capital numeral glued to the
    # word before it is part of that word
    if q.surface[:1] in _CAPITAL_NUMERALS and q.start > 0 and "\u4e00" <= text[q.start - 1] <= "\u9fff":
        return Reason.PART_OF_WORD
    # 新引进亿元以上项目32个, 超亿元项目3个: a class of projects (亿元以上, 超亿元, 过千万元), not an
    # amount: a bound word and a class noun (项目, 企业) right after
    if (q.surface.endswith(("以上", "以下")) or q.surface.startswith(_CLASS_PREFIXES)) \
            and _class_noun().match(text, q.end):
        return _CLASS
    # 着重抓好五个方面, 统筹两个大局, 两种手段: a count of abstractions announces a list or a slogan
    if q.quantity.kind == "count" and (q.quantity.unit or "") in ("个", "种", "大", "项", "条", "点") \
            and _abstract().match(text, q.end):
        return Reason.RHETORICAL
    # 65岁以上老年人: an age bracket describes a group of people; it measures nothing
    if q.quantity.unit == "岁" and q.quantity.approx != "exact" and q.end < len(text) \
            and "\u4e00" <= text[q.end] <= "\u9fff":
        return Reason.AGE_BRACKET
    # 第十二届…第二次会议: numbers misses a 第 that a name before it hides; an ordinal is no fact
    if q.start > 0 and text[q.start - 1] == "第":
        return Reason.ORDINAL
    # numbers rejects the 两个 of 两个100% as a name but keeps the 100%; the whole is the name of a
    # requirement (DESIGN.md: "两个100% as a name"), and the values in its bracket are the facts.
    if q.quantity.kind == "percent" and any(
            r.end == q.start and _COUNT_OF_NAMES.fullmatch(r.surface) for r in rejected):
        return _REQUIREMENT_NAME
    return ""


def iter_facts(doc: Document, *, kinds: Optional[Iterable[str]] = None,
               roles: Optional[Iterable[str]] = None,
               min_value: Optional[float] = None) -> Iterator[Fact]:
    """Yield the numeric facts of a document in text order.

    ``fact_id`` numbers all facts of the document 1..n before filtering, so a
    filtered view keeps the ids (and the ``target_of`` links) of the full table.

    Args:
        doc: a document from :func:`summarylab.read` or :func:`summarylab.read_text`.
        kinds: keep only these kinds (count, money, percent, percent_point, ratio, measure, other).
        roles: keep only these roles (actual, target, expected).
        min_value: keep only facts whose ``base_value`` is at least this.

    Yields:
        :class:`Fact` records.

    Example:
        >>> import summarylab as sl
        >>> doc = sl.read_text("某县妇联2021年工作总结\\n一、主要工作\\n举办培训班9期，培训妇女400多人。")
        >>> [(f.surface, f.indicator) for f in iter_facts(doc)]
        [('9期', '培训班期数'), ('400多人', '培训妇女人数')]
    """
    table = facts(doc, kinds=kinds, roles=roles, min_value=min_value)
    for rec in table.astype(object).where(table.notna(), None).to_dict("records"):
        yield Fact(**rec)


@dataclass
class FactAnalysis:
    """What the extractor finds in a document, once (kept as ``Document.fact_analysis``):
    every fact row (with fact_id) and every candidate it skipped, with its reason."""

    rows: list[dict]
    skipped: list[dict]


def analyse_facts(doc: Document) -> FactAnalysis:
    """Scan ``doc`` once for numeric facts; use ``doc.facts`` or :func:`facts`, which share it.

    Example:
        >>> import summarylab as sl
        >>> found = analyse_facts(sl.read_text("某县妇联2021年工作总结\\n一、主要工作\\n培训妇女400多人。"))
        >>> [r["surface"] for r in found.rows]
        ['400多人']
    """
    rows, skipped = _all_rows(doc)
    return FactAnalysis(rows, skipped)


def extract_facts(doc: Document) -> "pd.DataFrame":
    """The Fact table of ``doc`` built from its one analysis (what ``Document.facts`` holds)."""
    import pandas as pd

    records = [{c: r[c] for c in FACT_COLUMNS} for r in doc.fact_analysis.rows]
    df = pd.DataFrame(records, columns=FACT_COLUMNS)
    df["target_of"] = df["target_of"].astype("Int64")
    return df


def facts(doc: Document, *, kinds: Optional[Iterable[str]] = None,
          roles: Optional[Iterable[str]] = None, min_value: Optional[float] = None) -> "pd.DataFrame":
    """The numeric facts of a document as a table with exactly the Fact columns.

    Args:
        doc: a document from :func:`summarylab.read` or :func:`summarylab.read_text`.
        kinds: keep only these kinds (count, money, percent, percent_point, ratio, measure, other).
        roles: keep only these roles (actual, target, expected).
        min_value: keep only facts whose ``base_value`` is at least this.

    Returns:
        A DataFrame with the columns of ``model.FACT_COLUMNS``, one row per fact, in text order.
        Without filters it is the document's one table (``doc.facts``), shared: copy it
        before changing it.

    Example:
        >>> import summarylab as sl
        >>> doc = sl.read_text("某县妇联2021年工作总结\\n一、主要工作\\n村委会主任中女性比例达到24.3%（目标10%）。")
        >>> facts(doc)[["surface", "role", "target_of", "indicator"]].values.tolist()
        [['24.3%', 'actual', <NA>, '村委会主任女性比例'], ['10%', 'target', 1, '村委会主任女性比例']]
    """
    table = doc.facts
    if kinds is None and roles is None and min_value is None:
        return table
    import pandas as pd

    keep = pd.Series(True, index=table.index)  # every row, until a filter says otherwise
    if kinds is not None:
        keep &= table["kind"].isin(set(kinds))
    if roles is not None:
        keep &= table["role"].isin(set(roles))
    if min_value is not None:
        keep &= table["base_value"].notna() & (table["base_value"] >= min_value)
    return table[keep].reset_index(drop=True)


def explain(doc: Document) -> "pd.DataFrame":
    """The number-like candidates the extractor skipped, with the reason, in text order.

    This is what ``summarylab facts FILE --explain`` prints: dates, ordinals,
    document numbers, names and slogans, figurative quantifiers and anything
    the grammar could not read.

    Args:
        doc: a document from :func:`summarylab.read` or :func:`summarylab.read_text`.

    Returns:
        A DataFrame with columns start, end, surface, reason.

    Example:
        >>> import summarylab as sl
        >>> doc = sl.read_text("某县妇联2021年工作总结\\n一、主要工作\\n3月5日举行报告会，300余人参加。")
        >>> "3月5日" in set(explain(doc)["surface"])
        True
    """
    import pandas as pd

    df = pd.DataFrame(doc.fact_analysis.skipped, columns=["start", "end", "surface", "reason"])
    df["reason"] = df["reason"].map(str)  # the code's text (Reason is a closed set of them)
    return df.sort_values(["start", "end"], kind="stable").reset_index(drop=True)
