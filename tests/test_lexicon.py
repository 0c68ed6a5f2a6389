"""Specifications of the lexicons in models/: one header format, one reader, one lexicon per concept."""

from __future__ import annotations

import doctest
import re

import pytest

import summarylab.lexicon as lexicon
from summarylab.lexicon import MODELS, LexiconError, alternatives, read_tsv, words

LEXICONS = sorted(p.name for p in MODELS.glob("*.tsv"))


@pytest.mark.parametrize("name", LEXICONS)
def test_every_lexicon_says_what_it_holds_and_where_it_came_from_and_loads(name):
    lines = (MODELS / name).read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith(f"# {name} - ")
    head = [line for line in lines[:next(i for i, x in enumerate(lines) if x and not x.startswith("#"))]]
    assert any("Source:" in line for line in head)
    assert read_tsv(name)  # the reader accepts it and finds entries


def test_a_lexicon_without_the_header_fails_to_load(tmp_path, monkeypatch):
    monkeypatch.setattr(lexicon, "MODELS", tmp_path)
    (tmp_path / "bare.tsv").write_text("lower_better\t失业率\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="must open with '# bare.tsv - what it holds'"):
        read_tsv("bare.tsv")
    (tmp_path / "nosource.tsv").write_text("# nosource.tsv - words.\nlower_better\t失业率\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="where the entries came from"):
        read_tsv("nosource.tsv")
    (tmp_path / "good.tsv").write_text("# good.tsv - words.\n# Source: a test.\nlower_better\t失业率\n"
                                       "# a note among the entries\nlower_better\t赤字\n", encoding="utf-8")
    assert read_tsv("good.tsv") == [["lower_better", "失业率"], ["lower_better", "赤字"]]


def test_a_category_of_patterns_is_one_group_in_file_order():
    group = alternatives("year_cues.tsv", "several_years")
    assert group.startswith("(?:(?<!全年)(?<!年内)(?<!当年)(?<!本年)累计|") and re.search(group, "五年来粮食累计增产")
    with pytest.raises(LexiconError):
        alternatives("year_cues.tsv", "no such category")


def test_lower_is_better_is_one_lexicon():
    from summarylab.auditing import lower_is_better

    assert lower_is_better("城镇登记失业率") and lower_is_better("单位国内生产总值能源消耗强度")
    assert not lower_is_better("城镇新增就业人数")
    # the audit's old list lived in indicator_cues.tsv: it is gone from there
    assert not [w for cat, w in read_tsv("indicator_cues.tsv") if "lower" in cat]


def test_no_other_lexicon_holds_lower_is_better_words():
    # lexicon_overlaps.tsv names concepts (lower_better.tsv's among them), it holds no words
    others = [(name, row[0]) for name in LEXICONS if name not in ("lower_better.tsv", "lexicon_overlaps.tsv")
              for row in read_tsv(name) if row and "lower" in row[0] and "better" in row[0]]
    assert others == []


def test_the_canonical_indicators_agree_with_the_lower_is_better_words():
    from summarylab.auditing import lower_is_better

    for key, name, _pattern, _kind, better, _rise in read_tsv("indicators_canonical.tsv", header=True):
        if better != "decrease":  # a cut whose size must reach the target: its own rule
            assert (better == "lower") == lower_is_better(name), key


def test_words_keep_file_order():
    assert words("audit_cues.tsv", "total")[:2] == ("共计", "合计")


def test_the_examples_in_the_docstrings_hold():
    result = doctest.testmod(lexicon)
    assert result.attempted > 0 and result.failed == 0


def test_the_categories_of_a_two_column_lexicon_keep_their_entries_in_file_order(tmp_path, monkeypatch):
    # words() reads a file once for all its categories (the loading of every worker reads
    # dozens of them): each category still gets exactly its own entries, in file order.
    monkeypatch.setattr(lexicon, "MODELS", tmp_path)
    (tmp_path / "two_categories_once.tsv").write_text(
        "# two_categories_once.tsv - words.\n# Source: a test.\nincrease\t增长\ndecrease\t下降\n"
        "increase\t提高\n", encoding="utf-8")
    assert words("two_categories_once.tsv", "increase") == ("增长", "提高")
    assert words("two_categories_once.tsv", "decrease") == ("下降",)
    assert words("two_categories_once.tsv", "filler") == ()


def test_a_lexicon_with_a_scope_column_is_read_by_category_and_scope(tmp_path, monkeypatch):
    # role_cues.tsv holds role, scope, word: extract reads it through words() like any lexicon.
    monkeypatch.setattr(lexicon, "MODELS", tmp_path)
    (tmp_path / "scoped_once.tsv").write_text(
        "# scoped_once.tsv - words.\n# Source: a test.\ntarget\tclause\t目标\ntarget\tsentence\t力争\n"
        "expected\tsentence\t预计\ntarget\tclause\t要求\n", encoding="utf-8")
    assert words("scoped_once.tsv", "target", "clause") == ("目标", "要求")
    assert words("scoped_once.tsv", "expected", "sentence") == ("预计",)
    assert lexicon.categories("scoped_once.tsv") == ("target", "expected")
    assert words("role_cues.tsv", "target", "sentence")[:2] == ("确保", "力争")
    (tmp_path / "short_row.tsv").write_text("# short_row.tsv - words.\n# Source: a test.\ntarget\t目标\n",
                                            encoding="utf-8")
    with pytest.raises(LexiconError, match="3 tab-separated fields"):
        words("short_row.tsv", "target", "clause")


def test_plain_words_become_one_escaped_alternation():
    assert re.fullmatch(lexicon.word_alternation(["1+1", "万元"]), "1+1")
    assert lexicon.word_alternation(["元", "万元", "元"], longest_first=True) == "万元|元"
    assert lexicon.word_alternation([]) == ""


def test_top_alternatives_split_a_pattern_only_at_its_own_bars():
    # A bar inside a group, a class or after a backslash belongs to them, not to the pattern.
    assert lexicon.top_alternatives(r"(?:去年|上年)|已经(?![^，；的]{0,6}的)|过去") == [
        "(?:去年|上年)", "已经(?![^，；的]{0,6}的)", "过去"]
    assert lexicon.top_alternatives(r"[|]号|\|号|第[一二]批") == ["[|]号", r"\|号", "第[一二]批"]
    assert lexicon.top_alternatives(r"[]|]x|(?m:^a|b)") == ["[]|]x", "(?m:^a|b)"]
    assert lexicon.top_alternatives("近年来") == ["近年来"]


def test_every_cue_category_joined_flat_finds_what_its_cues_in_groups_find():
    # plans._any_cue joins the cues' alternatives flat (a speed-up): the same matches, at the
    # same places, as the cues each in a group, on clauses of real reports.
    from summarylab.plans import _any_cue, cues

    clauses = ["去年举办培训班5期", "比去年增长5%", "我们已经完成的任务", "这是一项长期任务", "坚持以人民为中心",
               "以乡村振兴为重点", "切实保障妇女儿童合法权益", "但是困难仍然很多", "力争在年底前完成", "围绕中心工作",
               "主要预期目标是：", "继续实施“春蕾计划”", "经济增长处于合理水平", "做好后续工作以后", ""]
    for category, patterns in cues().items():
        grouped = re.compile("|".join(f"(?:{p.pattern})" for p in patterns) or "(?!)")
        flat = _any_cue(category)
        for clause in clauses:
            for at in range(len(clause) + 1):
                assert _span(grouped.search(clause, at)) == _span(flat.search(clause, at)), (category, clause)
            assert _span(grouped.match(clause)) == _span(flat.match(clause)), (category, clause)


def _span(m):
    return None if m is None else m.span()
