"""Structure: heading tree, section kinds and metadata, as a reader of the report sees them."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import summarylab as sl
from summarylab.structure import cn_ordinal, detect_metadata, find_title, kind_of_heading


def by_level(doc, level):
    return [s for s in doc.section_list if s.level == level and s.marker]


# --- the sample: 上林县妇联 2021 summary with the 2022 plan ----------------------

def test_sample_metadata(sample_doc):
    m = sample_doc.meta
    assert (m.title, m.org, m.year, m.plan_year, m.kind) == (
        "上林县妇联2021年工作总结和2022年工作计划", "上林县妇联", 2021, 2022, "summary+plan")
    assert m.chars == len(sample_doc.text) and len(m.doc_id) == 16


def test_sample_has_four_parts_of_the_right_kinds(sample_doc):
    tops = [(s.marker, s.kind) for s in by_level(sample_doc, 1)]
    assert tops == [("一、", "indicators"), ("二、", "achievements"), ("三、", "problems"), ("四、", "plan")]


def test_sample_preamble_is_the_intro(sample_doc):
    intro = sample_doc.section_list[0]
    assert (intro.section_id, intro.kind) == ("0", "intro")
    assert sample_doc.text[intro.start:intro.end].startswith("今年以来，上林县妇联围绕")


def test_sample_counts_of_every_level(sample_doc):
    assert len(by_level(sample_doc, 2)) == 14
    assert len(by_level(sample_doc, 3)) == 18
    items = by_level(sample_doc, 4)
    assert len(items) == 28 and all(s.marker.endswith("是") for s in items)


def test_sample_ids_titles_and_parents(sample_doc):
    s = {x.section_id: x for x in sample_doc.section_list}
    assert s["2.1"].title == "守正创新，强化思想政治引领，广泛凝聚巾帼力量"
    assert s["2.1.1"].title == "积极推进理论学习与党史学习常态化制度化"
    assert s["2.5.2.1"].title == "实施“春蕾计划”行动，资助金额共3.98万元"
    assert s["2.5.2.1"].parent_id == "2.5.2" and s["2.5.2"].parent_id == "2.5"
    assert s["4.3"].title == "不断强化妇女儿童权益维护和关爱工程" and s["4.3"].kind == "plan"
    assert s["3.1"].kind == "problems"


def test_every_span_starts_with_its_marker_and_nests(sample_doc, gov2013, gov2014):
    for doc in (sample_doc, gov2013, gov2014):
        by_id = {s.section_id: s for s in doc.section_list}
        for s in doc.section_list:
            assert doc.text[s.start:s.end].startswith(s.marker)
            assert s.start < s.end
            if s.parent_id:
                parent = by_id[s.parent_id]
                assert parent.start <= s.start and s.end <= parent.end


def test_inline_items_end_with_their_paragraph(sample_doc):
    last = {s.section_id: s for s in sample_doc.section_list}["2.1.2.4"]
    assert sample_doc.text[last.start:last.end].endswith("筑牢民族命运共同体。")


# --- national reports -----------------------------------------------------------

def test_2014_report_parts_found_mid_line(gov2014):
    m = gov2014.meta
    assert (m.org, m.year, m.plan_year, m.kind) == ("国务院", 2013, 2014, "gov_work_report")
    tops = [(s.marker, s.title, s.kind) for s in by_level(gov2014, 1)]
    assert tops == [("一、", "2013年工作回顾", "achievements"),
                    ("二、", "2014年工作总体部署", "plan"),
                    ("三、", "2014年重点工作", "plan")]
    assert [s.marker for s in by_level(gov2014, 2)] == [f"（{c}）" for c in "一二三四五六七八九"]


def test_2013_report_and_its_scraped_copies(gov2013):
    m = gov2013.meta
    assert (m.year, m.plan_year, m.kind) == (2012, 2013, "gov_work_report")
    tops = [(s.marker, s.kind) for s in by_level(gov2013, 1)]
    assert tops == [("一、", "achievements"), ("二、", "plan"), ("三、", "plan")]
    # The scraped page repeats the report; the copies are kept but set apart.
    assert gov2013.section_list[-1].kind == "other"


# --- false headings -------------------------------------------------------------

def read(body: str, title="某县团委2022年工作总结"):
    return sl.read_text(f"{title}\n{body}")


def test_numbers_dates_and_names_inside_sentences_are_not_headings():
    doc = read("一、主要工作\n全年投入1.5万元，于2022年3月5日召开大会。学习十九大精神，开展“三八”活动。"
               "完成率达到1.2倍。")
    assert [s.marker for s in doc.section_list] == ["一、"]


def test_quoted_enumeration_is_not_an_item():
    doc = read("一、主要工作\n开展“一是学理论、二是强本领”主题活动。")
    assert [s.marker for s in doc.section_list] == ["一、"]


def test_out_of_order_markers_are_not_headings():
    doc = read("一、主要工作\n三、这句不是标题\n二、存在问题")
    assert [(s.marker, s.kind) for s in doc.section_list] == [("一、", "achievements"), ("二、", "problems")]


def test_a_word_ending_in_shi_is_not_an_item():
    doc = read("一、主要工作\n统一是前提，唯一是目标。一是抓学习；二是抓落实。")
    assert [s.marker for s in doc.section_list] == ["一、", "一是", "二是"]


def test_all_marker_styles():
    body = ("一、工作回顾\n(一)抓组织建设\n1、建强队伍\n（1）换届选举。\n(2)培训干部。\n"
            "2．抓阵地\n①建设阵地。②用好阵地。\n二、下一步工作打算")
    doc = read(body)
    got = [(s.section_id, s.level, s.marker) for s in doc.section_list]
    assert got == [("1", 1, "一、"), ("1.1", 2, "(一)"), ("1.1.1", 3, "1、"), ("1.1.1.1", 4, "（1）"),
                   ("1.1.1.2", 4, "(2)"), ("1.1.2", 3, "2."), ("1.1.2.1", 4, "①"),
                   ("1.1.2.2", 4, "②"), ("2", 1, "二、")]
    assert doc.section_list[-1].kind == "plan"


def test_child_with_a_clear_problems_heading_differs_from_its_part():
    doc = read("一、2022年工作开展情况\n（一）主要成效\n（二）存在的不足\n二、2023年工作思路")
    assert [s.kind for s in doc.section_list] == ["achievements", "achievements", "problems", "plan"]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="一二三四五是、（）()1234.。；，\n“”总结计划问题年", max_size=300))
def test_any_text_gives_a_well_formed_tree(text):
    doc = sl.read_text(text)
    for s in doc.section_list:
        assert doc.text[s.start:s.end].startswith(s.marker)
        assert 0 <= s.start < s.end <= len(doc.text)


# --- helpers ---------------------------------------------------------------------

def test_ordinals_of_markers():
    assert [cn_ordinal(m) for m in ("一、", "（十）", "(十二)", "二十一、", "7.", "12、", "③", "五是")] == [
        1, 10, 12, 21, 7, 12, 3, 5]


def test_heading_kinds_from_wording():
    assert kind_of_heading("2021年主要工作指标完成情况") == "indicators"
    assert kind_of_heading("2021年主要工作措施和成效") == "achievements"
    assert kind_of_heading("当前存在的主要困难和问题") == "problems"
    assert kind_of_heading("2022年工作计划") == "plan"
    assert kind_of_heading("下一步工作打算") == "plan"
    assert kind_of_heading("今年经济社会发展的总体要求、主要预期目标和宏观经济政策") == "plan"
    assert kind_of_heading("2023年重点工作", year=2022) == "plan"
    assert kind_of_heading("守正创新，强化思想政治引领") is None


def test_metadata_from_titles_of_the_genre():
    cases = {
        "某县民政局2022年工作总结": ("某县民政局", 2022, None, "summary"),
        "共青团某某县委员会2023年工作计划": ("共青团某某县委员会", 2023, 2023, "plan"),
        "关于2021年度某区妇联工作总结及2022年工作打算": ("某区妇联", 2021, 2022, "summary+plan"),
        "2019年某镇人民政府工作报告": ("某镇人民政府", 2018, 2019, "gov_work_report"),
        "2020年上林县政府工作报告": ("上林县人民政府", 2019, 2020, "gov_work_report"),
    }
    for title, want in cases.items():
        m = detect_metadata("", title)
        assert (m["org"], m["year"], m["plan_year"], m["kind"]) == want, title


def test_title_found_after_scraped_navigation_lines():
    text = "当前位置： 首页>> 中国概况\n【字体：大 中 小】\n某县妇联2020年工作总结\n一、主要工作"
    title, body_start = find_title(text)
    assert title == "某县妇联2020年工作总结" and text[body_start:].startswith("一、")


def test_year_from_headings_when_the_title_has_none():
    doc = sl.read_text("妇联工作总结\n一、2020年主要工作\n培训妇女400人。\n二、2021年工作计划\n继续培训。")
    assert (doc.meta.year, doc.meta.plan_year, doc.meta.kind) == (2020, 2021, "summary+plan")


def test_untitled_parts_of_a_summary_are_what_was_done():
    doc = read("一、实施“巾帼建功”行动，推进妇女创业就业\n一是办班；二是宣讲。\n"
               "二、存在的不足\n三、下半年工作计划\n四、强化组织保障", title="某县妇联2023年上半年工作总结和下半年工作计划")
    assert [s.kind for s in doc.section_list if s.level == 1] == [
        "achievements", "problems", "plan", "plan"]


def test_untitled_parts_of_a_plan_are_plan():
    doc = read("一、强化思想引领\n二、深化改革攻坚", title="某区团委2024年工作计划")
    assert [s.kind for s in doc.section_list] == ["plan", "plan"]


def test_a_report_held_on_one_line_has_its_parts_after_a_colon():
    body = ("2021年，某乡妇联紧紧围绕乡党委、政府的工作中心开展工作。" * 12
            + "现将一年来的工作情况汇报如下：一、主要做法。我乡共培训妇女120名。"
            + "二、存在问题。经费不足。三、2022年工作计划。继续培训。")
    doc = read(body, title="某乡妇联2021年工作总结及2022年工作计划")
    assert [(s.marker, s.kind) for s in doc.section_list if s.marker] == [
        ("一、", "achievements"), ("二、", "problems"), ("三、", "plan")]


def test_an_inline_list_after_a_colon_in_ordinary_text_is_not_a_part():
    doc = read("一、主要工作\n主要有：一、抓学习；二、抓培训。\n二、存在问题")
    assert [s.marker for s in doc.section_list if s.level == 1] == ["一、", "二、"]
    assert doc.section_list[-1].title == "存在问题"
