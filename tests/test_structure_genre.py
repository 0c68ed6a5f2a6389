"""Structure across the genre: offices, styles and decades the sample does not show.

Two kinds of specification:
* every report annotated in corpora/annotations/outline_*.json reads to exactly the
  annotated outline (ids, levels, markers, kinds, key titles) and metadata; the
  annotations were written by reading the reports, not by running the code;
* the 46 national 政府工作报告 (1954–2014, shipped in corpora/national/) all read without
  error into well-formed trees, with the year they review and the year they plan
  taken from their dateline, and with the review part as achievements and the parts
  after it as plan.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import summarylab as sl
from summarylab.structure import detect_metadata, find_title

from .conftest import CORPORA

ANNOTATIONS = sorted((CORPORA / "annotations").glob("outline_*.json"))
NATIONAL = CORPORA / "national"
NATIONAL_FILES = sorted(NATIONAL.glob("*.txt"))


def annotation(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_there_are_annotated_outlines_of_other_offices():
    files = [annotation(p)["file"] for p in ANNOTATIONS]
    assert len(files) >= 5
    assert all((CORPORA / f).is_file() for f in files)


# --- annotated reports ---------------------------------------------------------

@pytest.mark.parametrize("path", ANNOTATIONS, ids=lambda p: p.stem.removeprefix("outline_"))
def test_annotated_outline_is_read_exactly(path):
    want = annotation(path)
    doc = sl.read(CORPORA / want["file"])
    got = [[s.section_id, s.level, s.marker, s.kind] for s in doc.section_list]
    assert got == want["sections"]
    titles = {s.section_id: s.title for s in doc.section_list}
    for section_id, title in want["titles"].items():
        assert titles[section_id] == title, section_id


@pytest.mark.parametrize("path", ANNOTATIONS, ids=lambda p: p.stem.removeprefix("outline_"))
def test_annotated_metadata_is_read_exactly(path):
    want = annotation(path)
    m = sl.read(CORPORA / want["file"]).meta
    assert {"title": m.title, "org": m.org, "year": m.year, "plan_year": m.plan_year,
            "kind": m.kind} == want["metadata"]


@pytest.mark.parametrize("path", ANNOTATIONS, ids=lambda p: p.stem.removeprefix("outline_"))
def test_annotated_spans_start_with_their_marker_and_nest(path):
    doc = sl.read(CORPORA / annotation(path)["file"])
    assert_well_formed(doc)


def assert_well_formed(doc):
    by_id = {s.section_id: s for s in doc.section_list}
    assert len(by_id) == len(doc.section_list), "section ids are unique"
    for s in doc.section_list:
        assert doc.text[s.start:s.end].startswith(s.marker), s.section_id
        assert 0 <= s.start < s.end <= len(doc.text), s.section_id
        assert 1 <= s.level <= 4
        if s.parent_id:
            parent = by_id[s.parent_id]
            assert parent.start < s.start and s.end <= parent.end, s.section_id
            assert s.level >= parent.level


# --- the rules the annotations rely on, one at a time ---------------------------

def outline(text: str):
    doc = sl.read_text(text)
    return [(s.section_id, s.level, s.marker, s.kind) for s in doc.section_list if s.marker]


def test_yi_yao_lists_are_level_four_items_and_a_lone_yi_yao_is_a_word():
    items = outline("某县团委2023年工作计划\n一、重点工作\n全年工作，一要抓学习，二要抓落实。\n"
                    "青年工作，一要靠自身努力。")
    assert items == [("1", 1, "一、", "plan"), ("1.1", 4, "一要", "plan"), ("1.2", 4, "二要", "plan")]


def test_di_yi_enumerations_are_level_four_items_after_a_sentence_end_only():
    items = outline("某县2022年工作总结\n一、主要工作\n抓了三件事。第一，抓学习；第二，抓队伍。\n"
                    "这是全县第一，也是第二次获奖。")
    assert [m for _, _, m, _ in items] == ["一、", "第一，", "第二，"]
    assert all(level == 4 for _, level, m, _ in items if m.startswith("第"))


def test_numbered_parts_hold_the_usual_headings_one_level_down():
    items = outline("某镇2022年工作总结及2023年工作打算\n第一部分 2022年工作总结\n一、抓经济\n（一）抓项目\n"
                    "第二部分 2023年工作打算\n一、抓产业")
    assert items == [("1", 1, "第一部分", "achievements"), ("1.1", 2, "一、", "achievements"),
                     ("1.1.1", 3, "（一）", "achievements"), ("2", 1, "第二部分", "plan"),
                     ("2.1", 2, "一、", "plan")]


def test_a_heading_with_its_body_after_a_colon_is_titled_by_the_heading():
    doc = sl.read_text("某街道2023年上半年工作总结\n一、主要工作\n（一）平安建设扎实有效：排查纠纷312件。")
    assert doc.section_list[-1].title == "平安建设扎实有效"


def test_a_contents_page_before_the_body_is_not_the_outline():
    doc = sl.read_text("某县2022年工作总结\n目录\n一、主要工作\n二、存在问题\n"
                       "一、主要工作\n全年培训妇女400人。\n二、存在问题\n经费不足。")
    tops = [s for s in doc.section_list if s.marker]
    assert [(s.marker, s.kind) for s in tops] == [("一、", "achievements"), ("二、", "problems")]
    assert doc.text[tops[0].start:tops[0].end].endswith("400人。")


def test_a_list_inside_a_part_does_not_continue_the_parts():
    doc = sl.read_text("某县2022年工作总结\n一、主要工作\n二、工作成效\n成效有三：\n一、宣传到位。\n"
                       "二、培训到位。\n三、保障到位。\n三、存在问题\n经费不足。")
    assert [(s.marker, s.title) for s in doc.section_list if s.marker] == [
        ("一、", "主要工作"), ("二、", "工作成效"), ("三、", "存在问题")]


def test_a_numeral_alone_on_its_line_numbers_a_part():
    # 1960 sets its part numbers apart with blank lines.
    doc = sl.read_text("政府工作报告\n——1960年4月6日在第二届全国人民代表大会第二次会议上\n各位代表：\n"
                       "  一\n\n  农业发展纲要是根本。\n\n  二\n\n  下面说一下纲要执行的情况。")
    assert [(s.marker, s.kind) for s in doc.section_list if s.marker] == [("一", "other"),
                                                                         ("二", "achievements")]


def test_a_numeral_in_a_table_cell_is_no_part():
    # A .docx table reads one cell per line: 一 / 低保户 / 3286户 is a row, not a part.
    doc = sl.read_text("某县民政局2022年工作总结\n一、主要指标\n序号\n指标\n完成\n一\n低保户\n3286户\n"
                       "二\n特困人员\n862人\n二、存在问题\n力量薄弱。")
    assert [s.marker for s in doc.section_list if s.marker] == ["一、", "二、"]


def test_children_keep_their_parts_kind_when_a_cue_word_is_only_a_name_or_an_object():
    # 解决…问题 is a task, “春蕾计划” a programme's name, 困难群众 the people helped.
    doc = sl.read_text("某县妇联2022年工作总结和2023年工作计划\n一、2022年主要工作\n（一）实施“春蕾计划”，资助女童\n"
                       "（二）关爱困难群众\n（三）存在的不足\n二、2023年工作计划\n（一）着力解决群众急难愁盼问题\n"
                       "（二）补齐基层组织短板")
    assert [s.kind for s in doc.section_list] == [
        "achievements", "achievements", "achievements", "problems", "plan", "plan", "plan"]


@pytest.mark.parametrize("title, want", [
    ("某某县民政局关于2022年工作总结的报告", ("某某县民政局", 2022, None, "summary")),
    ("共青团某某区委2022年工作总结", ("共青团某某区委", 2022, None, "summary")),
    ("某某县妇联2022年工作总结（合成样例）", ("某某县妇联", 2022, None, "summary")),
    ("某街道办事处2023年上半年工作总结和下半年工作计划", ("某街道办事处", 2023, 2023, "summary+plan")),
    ("某某镇二〇二二年工作总结", ("某某镇", 2022, None, "summary")),
    ("某县人力资源和社会保障局2022年工作总结", ("某县人力资源和社会保障局", 2022, None, "summary")),
    ("某县妇联关于2021年工作情况的汇报", ("某县妇联", 2021, None, "summary")),
    ("中共某某县委组织部2022年工作总结", ("中共某某县委组织部", 2022, None, "summary")),
    ("2023年某某县人民政府工作报告（合成样例）", ("某某县人民政府", 2022, 2023, "gov_work_report")),
])
def test_metadata_of_titles_across_the_genre(title, want):
    m = detect_metadata("", title)
    assert (m["org"], m["year"], m["plan_year"], m["kind"]) == want


def test_a_title_on_two_lines_joins_the_office_and_the_report():
    title, body = find_title("共青团某某县委员会\n2022年工作总结\n一年来……")
    assert title == "共青团某某县委员会2022年工作总结"
    assert detect_metadata("", title)["org"] == "共青团某某县委员会"


def test_a_title_after_a_sentence_is_not_joined():
    title, _ = find_title("请县委审阅。\n2022年工作总结\n一年来……")
    assert title == "2022年工作总结"


# --- the 46 national reports ----------------------------------------------------

# 1954年5月23日在…, and 1964年12月21日和22日在第三届全国人民代表大会…
DATELINE = re.compile(r"((?:19|20)\d\d)年(\d{1,2})月\d{1,2}日(?:和(?:\d{1,2}月)?\d{1,2}日)?在[^\n]{0,20}人民代表大会")
# How a review part names itself: 工作回顾, 计划的执行情况, 伟大成就, 胜利, 决算, 过去五年.
REVIEW_WORDS = re.compile(r"回顾|执行的?情况|成就|胜利|决算|过去[一五几]年")


@pytest.fixture(scope="module")
def national():
    return {p.stem: sl.read(p) for p in NATIONAL_FILES}


def test_all_national_reports_read_into_well_formed_trees(national):
    assert len(national) == 46
    for year, doc in national.items():
        assert doc.meta.kind == "gov_work_report", year
        assert_well_formed(doc)


def test_national_years_come_from_the_dateline(national):
    """A report delivered in the first half of its year reviews the year before and plans its
    own; one delivered from August on (1964 in December, 1980 in August, 1981 and 1982 in
    November) reviews its own year and plans the next."""
    checked = late = 0
    for name, doc in national.items():
        m = DATELINE.search(doc.text[:3000])
        delivered = int(m.group(1)) if m else int(name)
        month = int(m.group(2)) if m else 3
        reviewed = delivered if month >= 8 else delivered - 1
        assert (doc.meta.year, doc.meta.plan_year) == (reviewed, reviewed + 1), name
        checked += bool(m)
        late += month >= 8
    assert checked >= 40 and late == 4


def test_a_report_delivered_late_in_its_year_reviews_that_year_in_its_today(national):
    """1981 (delivered on 30 November): （一）当前的经济形势 reports the year in sentences that say
    今年 (今年农业…, 今年1至9月安排了…就业); it is the review, and the parts after it plan 1982."""
    doc = national["1981"]
    tops = [s for s in doc.section_list if s.parent_id is None and s.marker]
    assert (tops[0].title, tops[0].kind) == ("当前的经济形势", "achievements")
    assert all(s.kind == "plan" for s in tops[1:] if s.kind != "other")
    # in an early-year report the same words look ahead
    from summarylab.structure import sentence_time
    assert sentence_time("今年农业又获得了较好的收成。", 1981, late=True) == "review"
    assert sentence_time("今年要继续控制固定资产投资规模。", 1984) == "plan"


def test_national_review_part_is_achievements_and_the_parts_after_it_plan(national):
    with_review = 0
    for name, doc in national.items():
        tops = [s for s in doc.section_list if s.parent_id is None and s.marker]
        reviews = [i for i, s in enumerate(tops) if REVIEW_WORDS.search(s.title)]
        if not reviews:
            continue
        with_review += 1
        first = reviews[0]
        assert tops[first].kind == "achievements", (name, tops[first].title)
        for s in tops[first + 1:]:
            if not REVIEW_WORDS.search(s.title):
                assert s.kind == "plan", (name, s.title)
    assert with_review >= 25


def test_national_reports_from_the_1950s_to_the_1980s_have_their_parts(national):
    def markers(name, level=None):
        return [s.marker for s in national[name].section_list
                if s.marker and s.parent_id is None and (level is None or s.level == level)]
    # 1955 lists its parts in a table of contents first; the outline is the body's.
    assert markers("1955") == ["一、", "二、", "三、", "四、"]
    # 1958 and 1983 number their parts （一）（二） with 第一、 points inside.
    assert markers("1958") == ["（一）", "（二）", "（三）", "（四）", "（五）"]
    assert markers("1983")[:5] == ["（一）", "（二）", "（三）", "（四）", "（五）"]
    inner = [s.marker for s in national["1958"].section_list if s.parent_id == "3"]
    assert inner[:5] == ["第一、", "第二、", "第三、", "第四、", "第五、"]
    # 1960 numbers its parts with a numeral alone on a line.
    assert markers("1960") == ["一", "二", "三", "四"]
    # 1986 numbers paragraphs 一、…五、 inside its parts 二、 and 三、 too; the parts
    # are the headings that stand alone on their lines.
    assert [s.title for s in national["1986"].section_list if s.parent_id is None and s.marker] == [
        "“六五”计划执行情况的回顾", "“七五”时期的基本任务和主要建设方针", "“七五”时期的经济体制改革",
        "坚持独立自主的和平外交政策"]
    # 1988 has no part headings: five numbered lessons, then ten numbered tasks.
    assert markers("1988") == [f"{c}、" for c in "一二三四五"] + [f"{c}、" for c in "一二三四五六七八九十"]


def test_less_common_marker_styles_at_a_line_start():
    # 一. for 一、 and 1） for （1） are written at a line start; inside a sentence
    # they are not headings.
    items = outline("某县2022年工作总结\n一.主要工作\n1.抓学习\n1）办班。见第1）项。\n2）宣讲。\n二.存在问题")
    assert items == [("1", 1, "一.", "achievements"), ("1.1", 3, "1.", "achievements"),
                     ("1.1.1", 4, "1）", "achievements"), ("1.1.2", 4, "2）", "achievements"),
                     ("2", 1, "二.", "problems")]


def test_an_enumeration_item_with_a_colon_after_its_marker():
    doc = sl.read_text("某县2022年工作总结\n一、主要工作\n一是：抓学习。二是：抓落实。")
    assert [s.title for s in doc.section_list if s.level == 4] == ["抓学习", "抓落实"]


def test_a_scraped_page_gives_the_title_after_its_breadcrumbs_and_the_signing_office():
    text = ("您当前的位置：首页 > 信息公开 > 工作总结\n发布时间：2022-01-05 来源：县妇联\n2021年工作总结\n"
            "一、主要工作\n全年培训妇女400人。\n某某县妇女联合会\n2022年1月5日")
    doc = sl.read_text(text)
    assert (doc.meta.title, doc.meta.org, doc.meta.year) == ("2021年工作总结", "某某县妇女联合会", 2021)
    assert [s.marker for s in doc.section_list if s.marker] == ["一、"]


def test_a_new_paragraph_under_the_same_heading_starts_a_new_enumeration():
    doc = sl.read_text("某县2022年工作总结\n一、主要工作\n抓学习：一是办班；二是宣讲。\n"
                       "抓队伍：一是培训；二是考核；三是激励。\n工作有要求，一要实，二要细；一是要快。")
    items = [(s.section_id, s.marker) for s in doc.section_list if s.level == 4]
    assert items == [("1.1", "一是"), ("1.2", "二是"), ("1.3", "一是"), ("1.4", "二是"), ("1.5", "三是"),
                     ("1.6", "一要"), ("1.7", "二要")]


def test_a_contents_list_in_other_markers_belongs_to_the_preamble():
    doc = sl.read_text("某县2022年工作总结\n目录\n（1）主要工作\n（2）存在问题\n（3）工作计划\n"
                       "一、主要工作\n全年培训妇女400人。\n二、存在问题\n经费不足。\n三、工作计划\n继续培训。")
    assert [(s.section_id, s.marker) for s in doc.section_list] == [
        ("0", ""), ("1", "一、"), ("2", "二、"), ("3", "三、")]
    assert doc.text[doc.section_list[0].start:doc.section_list[0].end].endswith("（3）工作计划")


def test_a_local_government_report_titled_only_by_its_genre_names_its_government_in_the_dateline():
    doc = sl.read_text("政府工作报告\n——2023年1月12日在某某县第十八届人民代表大会第二次会议上\n各位代表：\n"
                       "一、过去一年工作回顾\n全县生产总值增长5.2%。\n二、2023年重点工作\n抓产业。")
    m = doc.meta
    assert (m.org, m.year, m.plan_year, m.kind) == ("某某县人民政府", 2022, 2023, "gov_work_report")


def test_a_half_year_summary_plans_the_rest_of_its_year():
    doc = sl.read_text("某某街道2023年上半年工作总结\n一、上半年主要工作\n签约项目9个。\n二、下半年工作打算\n再签约8个。")
    assert (doc.meta.year, doc.meta.plan_year, doc.meta.kind) == (2023, 2023, "summary+plan")


def test_an_inline_item_is_titled_up_to_the_next_item():
    doc = sl.read_text("某县2021年工作总结\n一、主要工作\n1.抓学习。一是学理论，二是学业务，三是学技能。")
    assert [s.title for s in doc.section_list if s.level == 4] == ["学理论", "学业务", "学技能"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="一二三十第部分是要、，。；：（）()12.）①②\n “”总结计划问题年 ", max_size=300))
def test_any_text_with_the_genre_markers_gives_a_well_formed_tree(text):
    assert_well_formed(sl.read_text(text))


def test_items_listed_in_the_preamble_are_part_of_the_intro():
    doc = sl.read_text("政府工作报告\n——1957年6月26日在第一届全国人民代表大会第四次会议上\n各位代表：\n"
                       "我讲两个问题：（1）关于革命；（2）关于建设。\n一、关于革命\n1956年基本完成了改造。\n"
                       "二、关于建设\n今年要建设好。")
    assert [(s.marker, s.kind) for s in doc.section_list] == [
        ("", "intro"), ("（1）", "intro"), ("（2）", "intro"), ("一、", "plan"), ("二、", "plan")]


def test_the_parts_of_a_work_plan_are_plan():
    doc = sl.read_text("某县妇联2023年工作要点\n一、指导思想\n以党的二十大精神为指引。\n二、主要目标\n培训妇女500人。\n"
                       "三、重点工作\n（一）抓引领\n四、保障措施\n加强组织领导。")
    assert (doc.meta.kind, doc.meta.year, doc.meta.plan_year) == ("plan", 2023, 2023)
    assert {s.kind for s in doc.section_list} == {"plan"}


@pytest.mark.parametrize("module", ["summarylab.structure", "summarylab.readers"])
def test_the_examples_in_the_docstrings_hold(module, monkeypatch):
    import doctest
    import importlib

    # The examples name files relative to the project root.
    monkeypatch.chdir(CORPORA.parent)
    result = doctest.testmod(importlib.import_module(module))
    assert result.attempted > 0 and result.failed == 0


def test_numbered_paragraphs_inside_a_part_do_not_continue_the_parts():
    doc = sl.read_text("某县2022年工作总结\n一、主要工作\n全年培训400人。\n二、主要做法\n"
                       "一、抓学习，全年办班12期。\n二、抓宣传，宣讲26场。\n三、抓队伍，培训干部80人。\n"
                       "三、存在问题\n经费不足。")
    assert [(s.marker, s.title, s.kind) for s in doc.section_list if s.parent_id is None and s.marker] == [
        ("一、", "主要工作", "achievements"), ("二、", "主要做法", "achievements"),
        ("三、", "存在问题", "problems")]


def test_numbering_may_run_on_across_numbered_parts():
    items = outline("某镇2022年工作总结及2023年工作打算\n第一部分 2022年工作总结\n一、抓经济\n二、抓民生\n"
                    "第二部分 2023年工作打算\n三、抓产业\n四、抓乡村")
    assert [(i, m) for i, _, m, _ in items] == [("1", "第一部分"), ("1.1", "一、"), ("1.2", "二、"),
                                               ("2", "第二部分"), ("2.1", "三、"), ("2.2", "四、")]


def test_a_heading_naming_questions_as_topics_is_no_problems_part():
    # 1955: 三、第一个五年计划的若干问题 and its parts 关于工业的生产问题 set the plan's tasks;
    # 问题 there means a question to settle, not a shortcoming of the office.
    from summarylab.structure import kind_of_heading

    assert kind_of_heading("第一个五年计划的若干问题") == "plan"
    assert kind_of_heading("关于工业和运输业的基本建设问题") is None
    assert kind_of_heading("当前需要注意的几个问题") is None
    assert kind_of_heading("存在的几个问题") == "problems"
    assert kind_of_heading("工作中存在的主要问题") == "problems"
    assert kind_of_heading("问题和不足") == "problems"
