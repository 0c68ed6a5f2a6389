"""A 政府工作报告 part whose heading names no kind is a review when its body reports the reviewed year.

Older national reports keep the review of the previous year in parts titled by topic
(1985: （一）关于经济形势; 1987: 一、当前国内形势和基本任务; 1957: 一、关于社会主义革命); their
place after the preamble used to make them plan, so their results were read as promises
and their review was missing from the plan check.  The rule class: such a part is review
when the characters of its sentences that report the reviewed year (the year or earlier,
去年 / 过去一年, results reached: 取得了, 比上年增长) outweigh those that look ahead
(要, 将, 今年) two to one.  Its closing paragraphs that turn to the year ahead stay a
plan item.
"""

from __future__ import annotations

import pytest

import summarylab as sl
from summarylab.plans import plan_commitments
from summarylab.structure import build_sections, looks_back, sentence_time

from .conftest import CORPORA

NATIONAL = CORPORA / "national"


def top_kinds(path) -> dict[str, str]:
    doc = sl.read(path)
    return {s.title: s.kind for s in doc.section_list if s.parent_id is None}


def test_a_sentence_reporting_the_reviewed_year_looks_back():
    assert sentence_time("1984年，我国农业又获得了大丰收，粮食产量比上年增长5.1%。", 1984) == "review"
    assert sentence_time("在经济领域，过去一年里取得的最重要的成绩，就是把经济过热现象初步调整过来。", 1986) == "review"


def test_a_sentence_that_says_what_is_to_be_done_looks_ahead_whatever_it_recalls():
    assert sentence_time("今年的价格改革，是在去年货币发行偏多的情况下进行的，我们既要迈出重要的一步。", 1984) == "plan"
    assert sentence_time("1986年要继续加强和改善宏观控制。", 1985) == "plan"
    assert sentence_time("我们的国家生机勃勃，社会主义事业繁荣兴旺。", 1986) is None


def test_1985_the_economic_situation_is_the_review_and_the_reform_part_stays_plan():
    kinds = top_kinds(NATIONAL / "1985.txt")
    assert kinds["关于经济形势"] == "achievements"
    # The reform part sets 1985's reform tasks (今年的改革一定要继续把经济搞活…): plan.
    assert kinds["关于经济体制改革"] == "plan"


def test_other_decades_reports_of_the_class_are_read_the_same_way():
    assert top_kinds(NATIONAL / "1987.txt")["当前国内形势和基本任务"] == "achievements"
    assert top_kinds(NATIONAL / "1957.txt")["关于社会主义革命"] == "achievements"
    # Parts of the 1980s–1990s that set tasks keep their kind, and so do those whose
    # heading already names the review.
    assert top_kinds(NATIONAL / "1990.txt")["一九九○年的国内工作"] == "plan"
    assert top_kinds(NATIONAL / "1990.txt")["一九八九年的回顾"] == "achievements"
    assert top_kinds(NATIONAL / "1992.txt")["关于国际形势和外交工作"] == "plan"
    assert top_kinds(NATIONAL / "1988.txt")["大力进行社会主义精神文明建设，促进改革开放和现代化事业的顺利发展"] == "plan"


def test_the_closing_paragraph_of_such_a_review_that_sets_the_years_tasks_is_a_plan_item():
    doc = sl.read(NATIONAL / "1987.txt")
    texts = [c.text for row, cs in plan_commitments(doc) if row["item_id"] == "1" for c in cs]
    assert "坚持正确的建设方针" in texts and "坚决反对资产阶级自由化" in texts
    # The results of 1986 are no promises of 1987.
    assert not any("18774亿元" in t or "比上年" in t for t in texts)


def test_the_rule_reads_the_body_not_the_heading():
    review = "1984年，全国工农业总产值比上年增长14.2%，国家财政状况继续好转。" * 20
    tasks = "今年要继续控制固定资产投资规模，坚决压缩行政费开支。" * 20
    text = ("1985年政府工作报告\n各位代表：\n现在我向大会作报告。\n"
            f"一、关于经济形势\n{review}\n二、关于经济工作\n{tasks}\n")
    sections = build_sections(text, "x", body_start=text.index("各位代表"), year=1984,
                              tasks_after_review=True, doc_kind="gov_work_report")
    assert [(s.title, s.kind) for s in sections if s.parent_id is None and s.marker] == [
        ("关于经济形势", "achievements"), ("关于经济工作", "plan")]
    assert looks_back(text, 0, len(text) // 2, 1984) and not looks_back(text, text.index("二、"), len(text), 1984)


@pytest.mark.parametrize("ratio_case", [("1984年粮食增产。" * 10 + "今年要增产粮食。" * 6, False),
                                        ("1984年粮食增产。" * 60 + "今年要增产粮食。" * 6, True)])
def test_a_part_that_looks_back_as_much_as_ahead_stays_plan(ratio_case):
    text, expected = ratio_case
    assert looks_back(text, 0, len(text), 1984) is expected
