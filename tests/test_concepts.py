"""Specifications of the shared concepts: each is written once, in a lexicon of models/, and read through
summarylab/cues.py; no module writes its words again as a regex literal (issue 12: one concept, one lexicon)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from summarylab import cues
from summarylab.lexicon import read_tsv, words

SOURCES = sorted((Path(cues.__file__).parent).glob("*.py"))


def _concepts() -> dict[str, tuple[set, int]]:
    """Concept → (its words, how many of them in one string literal make a copy)."""
    year_words = {w for c in ("last_year", "year_ahead", "turn_ahead", "reviewed_year")
                  for w in words("year_cues.tsv", c)}
    return {
        # one word of these is enough: they name nothing else
        "lower is better (lower_better.tsv)": (set(words("lower_better.tsv", "lower_better")) - {"价格"}, 1),
        "five-year plans (five_year_plans.tsv)": (set(cues.five_year_plans()) | {"十[一二三四五]五"}, 1),
        "several years (year_cues.tsv several_years*)": (
            {w for w in words("year_cues.tsv", "several_years_named") if w.isalnum()} | {"年均"}, 1),
        "a year named (cues.YEAR_MENTION)": ({"年(?!代)"}, 1),
        # two words of these in one literal are a list of them written again
        "the year itself, last year, the year ahead (year_cues.tsv)": (year_words, 2),
        "change verbs (change_verbs.tsv)": ({w for w in cues.change_verbs() if len(w) > 1}, 2),
    }


def _literals(path: Path):
    """The string literals of a module that are no docstring, with their line numbers."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = {id(n.body[0].value) for n in ast.walk(tree)
            if isinstance(n, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
            and n.body and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs:
            yield node.lineno, node.value


@pytest.mark.parametrize("concept", sorted(_concepts()))
def test_no_module_writes_a_shared_concepts_words_again(concept):
    vocabulary, enough = _concepts()[concept]
    assert vocabulary
    copies = [f"{path.name}:{line}: {text[:60]}" for path in SOURCES if path.name != "cues.py"
              for line, text in _literals(path)
              if len({w for w in vocabulary if w in text}) >= enough]
    assert copies == []


def test_the_guard_finds_a_copy():
    """The check above would catch the copies this issue removed (comparison's {year}年|去年|全年)."""
    year_words, enough = _concepts()["the year itself, last year, the year ahead (year_cues.tsv)"]
    assert len({w for w in year_words if w in r"{year}年|去年|全年"}) >= enough
    verbs, enough = _concepts()["change verbs (change_verbs.tsv)"]
    assert len({w for w in verbs if w in "提高|增加|上升|下降|降低|增长"}) >= enough


def test_no_lexicon_but_lower_better_holds_ceiling_indicators():
    assert not [row for name in ("commitment_cues.tsv", "indicator_cues.tsv", "check_cues.tsv")
                for row in read_tsv(name) if "lower" in row[0]]


def test_the_five_year_plans_fill_the_placeholder_of_the_regex_lexicons():
    assert cues.year_cue("plan_years").search("“十二五”时期年均增长7%")
    assert cues.year_cue("several_years").search("“十四五”期间累计")
    assert "{five_year_plan}" not in cues.year_cue("years_part").pattern
    from summarylab.plans import cues as commitment_cues

    lead = commitment_cues()["lead"][0]
    assert lead.match("“十三五”时期完成农村危房改造") and "{five_year_plan}" not in lead.pattern


def test_a_year_is_named_by_its_digits_not_a_decade():
    assert cues.YEAR_MENTION.findall("2013年比2012年增长7.7%") == ["2013", "2012"]
    assert cues.YEAR_MENTION.findall("1980年代以来") == []


def test_a_review_sentence_names_its_year_by_number_or_by_word():
    assert cues.names_reviewed_year("去年国内生产总值增长7.7%", 2013)
    assert cues.names_reviewed_year("全年新增城镇就业1310万人", 2013)
    assert cues.names_reviewed_year("2013年粮食产量创历史新高", 2013)
    assert not cues.names_reviewed_year("五年来累计新增城镇就业5870万人", 2013)


def test_a_change_verb_before_to_leads_to_the_new_value():
    assert cues.change_to().match("元提高到200元")
    assert cues.change_to().match("个工作日压缩到12个工作日")  # 压缩 is a change verb of change_verbs.tsv
    assert not cues.change_to().match("，增长8%")
    assert re.sub(cues.to_new_value(), "", "失业率下降到") == "失业率"


def test_lower_is_better_reads_the_one_lexicon():
    assert cues.lower_is_better("城镇登记失业率") and cues.lower_is_better("单位国内生产总值能源消耗强度")
    assert not cues.lower_is_better("粮食产量")



def test_the_years_named_are_read_by_the_one_year_grammar():
    # YEAR_MENTION is YEAR_NUMBER's Arabic years; structure and plans read Chinese-numeral ones by YEAR_NUMBER
    assert all(re.fullmatch(cues.YEAR_NUMBER, y) for y in cues.YEAR_MENTION.findall("2013年比2012年增长"))
    assert re.fullmatch(cues.YEAR_NUMBER, "一九五四") and cues.year_value("一九五四") == 1954
    assert cues.years_spoken_of("粮食产量比上年增加") == set()
