"""Plan items: what a report promises for its plan year, one short clause per promise."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import summarylab as sl
from summarylab.model import PLAN_ITEM_COLUMNS
from summarylab.normalize import normalize
from summarylab.plans import REASONS, canonical, commitment_clauses, due_year_of, explain_plan, plan_items, words

CORPORA = Path(__file__).resolve().parent.parent / "corpora"


@pytest.fixture(scope="module")
def sample_items():
    return plan_items(sl.read(CORPORA / "000_85a1b6df8f5117e0.txt"))


@pytest.fixture(scope="module")
def gov_items():
    return plan_items(sl.read(CORPORA / "national/2013.txt"))


def commitments_of(items, item_id):
    return items.loc[items.item_id == item_id, "commitments"].iloc[0]


def test_the_items_are_the_children_of_the_2022_plan(sample_items):
    assert list(sample_items.columns) == PLAN_ITEM_COLUMNS
    assert list(sample_items.item_id) == ["4.1", "4.2", "4.3", "4.4", "4.5"]
    assert set(sample_items.plan_year) == {2022}
    assert set(sample_items.due_year) == {2022}
    assert sample_items.title.iloc[2] == "不断强化妇女儿童权益维护和关爱工程"


def test_two_quoted_programmes_after_one_verb_are_two_promises(sample_items):
    promises = commitments_of(sample_items, "4.3")
    assert "继续实施“春蕾计划”" in promises
    assert "继续实施“两癌”救助项目" in promises
    assert "继续做好女性“两癌”保险项目" in promises


def test_purpose_clauses_after_the_promise_are_not_promises(sample_items):
    every = [c for cs in sample_items.commitments for c in cs]
    # …加强“不让毒品进我家”“平安建设”工作，切实保障妇女儿童合法权益。
    assert "切实保障妇女儿童合法权益" not in every
    assert not any(c.startswith(("让妇联", "引领广大妇女")) for c in every)


def test_a_stance_with_a_concrete_object_is_a_promise_a_guiding_idea_is_not(sample_items):
    every = [c for cs in sample_items.commitments for c in cs]
    assert "坚持党建带妇建" in every
    found = [c.text for c in commitment_clauses(
        "以习近平新时代中国特色社会主义思想为指导，坚持稳中求进工作总基调，举办基层女干部培训班。")]
    assert found == ["举办基层女干部培训班"]


def test_any_verb_makes_a_promise_not_a_closed_list():
    text = ("简并增值税税率。再下放一批审批事项。把行政审批事项条目缩减一半。"
            "力争完成中韩自贸区谈判。全部取消非行政许可审批。拓宽流通渠道。")
    found = [c.text for c in commitment_clauses(text)]
    assert found == ["简并增值税税率", "再下放一批审批事项", "把行政审批事项条目缩减一半",
                     "力争完成中韩自贸区谈判", "全部取消非行政许可审批", "拓宽流通渠道"]


def test_qualitative_targets_are_promises_background_is_not():
    text = "国际收支基本平衡，主要污染物排放继续下降。当前形势依然严峻。新领域、新业态、新群体。"
    rejected = []
    found = [c.text for c in commitment_clauses(text, rejected=rejected)]
    assert found == ["国际收支基本平衡", "主要污染物排放继续下降"]
    assert [(r.text, r.reason) for r in rejected] == [("当前形势依然严峻", "background"),
                                                      ("新领域、新业态、新群体", "no_predicate")]


def test_explain_names_a_reason_for_every_clause_left_out():
    doc = sl.read(CORPORA / "000_85a1b6df8f5117e0.txt")
    explained = explain_plan(doc)
    assert set(explained.reason) <= set(REASONS)
    row = explained[explained.clause == "切实保障妇女儿童合法权益"].iloc[0]
    assert (row.item_id, row.reason) == ("4.3", "purpose")


def test_a_leading_frame_is_cut_off_the_promise(sample_items):
    promises = commitments_of(sample_items, "4.2")
    # 围绕妇联改革、组织覆盖、执委作用发挥和作风建设继续深入实施“破难行动”
    assert "继续深入实施“破难行动”" in promises
    assert "举办基层女干部培训班" in promises


def test_keywords_name_the_programmes_first(sample_items):
    keywords = sample_items.loc[sample_items.item_id == "4.3", "keywords"].iloc[0]
    assert keywords[:2] == ["不让毒品进我家", "平安建设"]
    assert "春蕾计划" in keywords


def test_a_clause_with_a_number_is_a_promise_even_without_a_verb():
    text = "国内生产总值增长7.5%左右，发展的协调性进一步增强；城镇新增就业900万人以上。"
    spans = [(text.index("7.5%左右"), text.index("7.5%左右") + 6),
             (text.index("900万人以上"), text.index("900万人以上") + 7)]
    found = [c.text for c in commitment_clauses(text, numbers=spans)]
    # 发展的协调性进一步增强 is a target state: a promise too (GUIDELINES_check.md).
    assert found == ["国内生产总值增长7.5%左右", "发展的协调性进一步增强", "城镇新增就业900万人以上"]


def test_deadlines_beyond_the_plan_year():
    assert due_year_of("到2025年，儿童之家实现全覆盖") == 2025
    assert due_year_of("十三五时期完成农村危房改造") == 2020
    assert due_year_of("“十四五”期间建成一批示范基地") == 2025
    assert due_year_of("对标“十四五”规划，深化巾帼系列活动") is None


def test_an_item_due_later_carries_its_year():
    doc = sl.read_text(
        "某县妇联2022年工作总结和2023年工作计划\n一、主要工作\n举办培训班3期。\n"
        "二、2023年工作计划\n（一）到2025年实现村级“儿童之家”全覆盖。新建“儿童之家”10所。\n"
        "（二）举办妇女技能培训班5期。\n")
    items = plan_items(doc)
    assert list(items.due_year) == [2025, 2023]


def test_a_report_without_a_plan_has_no_items():
    doc = sl.read_text("某县妇联2022年工作总结\n一、主要工作\n举办培训班3期，培训妇女120人。\n")
    items = plan_items(doc)
    assert items.empty and list(items.columns) == PLAN_ITEM_COLUMNS


def test_abbreviations_become_one_word():
    assert canonical("为26名患宫颈癌、乳腺癌的妇女申报救助金") == "为26名患两癌的妇女申报救助金"
    assert "营业税改征增值税" in words("扩大营改增试点")


def test_the_national_targets_are_promises(gov_items):
    every = [c for cs in gov_items.commitments for c in cs]
    assert "国内生产总值增长7.5%左右" in every
    assert "城镇新增就业900万人以上" in every
    assert any(c.startswith("城镇登记失业率低于4.6%") for c in every)
    # A report restates its targets when it explains them; one promise each.
    assert sum("7.5%左右" in c for c in every) == 1
    targets = gov_items.loc[gov_items.item_id == "2", "targets"].iloc[0]
    assert len(targets) >= 4


def test_the_repeated_copy_of_a_scraped_report_adds_no_items(gov_items):
    assert gov_items.text.is_unique
    assert set(gov_items.due_year) == {2013}


def test_a_plan_without_numbered_items_is_one_item_with_every_promise():
    doc = sl.read_text("某县妇联2022年工作总结和2023年工作计划\n一、2022年主要工作\n举办培训班3期。\n"
                       "二、2023年工作计划\n继续实施“春蕾计划”，举办基层女干部培训班。切实保障妇女儿童合法权益。\n")
    items = plan_items(doc)
    assert list(items.item_id) == ["2"]
    # 切实保障…权益 stands as a sentence of its own here: a promise, not a trailing purpose.
    assert items.commitments.iloc[0] == ["继续实施“春蕾计划”", "举办基层女干部培训班", "切实保障妇女儿童合法权益"]


def test_deadlines_in_words_and_for_the_whole_sentence():
    # A plan reads a document's text, which normalize() has made half-width (１９９７ -> 1997).
    text = normalize("用三年时间基本完成各级政府机构改革的任务。"
                     "争取１９９７年粮食产量达到４．７５亿吨，棉花、油料等作物有较大发展。"
                     "加强农田水利建设。")
    dues = [(c.text, c.due_year) for c in commitment_clauses(text, plan_year=1996)]
    assert dues == [("用三年时间基本完成各级政府机构改革的任务", 1998),
                    ("争取1997年粮食产量达到4.75亿吨", 1997),
                    ("棉花、油料等作物有较大发展", 1997),
                    ("加强农田水利建设", None)]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("培训妇女班期a1 ，“”\n")), max_size=12))
def test_a_clause_is_short_when_it_has_fewer_than_four_han_characters(text):
    import re

    from summarylab.plans import _FOUR_HAN

    assert (_FOUR_HAN.search(text) is None) == (len(re.findall(r"[\u4e00-\u9fff]", text)) < 4)


def test_a_clause_of_two_han_characters_is_rejected_as_short():
    rejected = []
    assert [c.text for c in commitment_clauses("办3期，举办妇女技能培训班5期", rejected=rejected)] == ["举办妇女技能培训班5期"]
    assert [(r.text, r.reason) for r in rejected] == [("办3期", "short")]


def test_a_report_without_any_headed_part_promises_in_the_sentences_that_look_ahead():
    # The 1954年政府工作报告 as scraped has no heading at all: each topic's review runs
    # into its tasks.  The sentences with a word of the future or of a promise are read
    # as the plan, the ones reporting the past are not.
    doc = sl.read_text("1954年国务院政府工作报告\n各位代表：\n"
                       "一九五三年，我国工业总产值比上年增长百分之三十三，农业获得了较好的收成。\n"
                       "在今后的几年中，我们必须集中主要力量发展重工业，逐步实现国家的社会主义工业化。"
                       "同时要相应地发展农业和轻工业。\n去年的国家预算收入完成了计划。\n")
    promised = [c.text for _, cs in doc.plan_analysis.items for c in cs]
    assert promised == ["我们必须集中主要力量发展重工业", "逐步实现国家的社会主义工业化", "相应地发展农业和轻工业"]


def test_a_year_already_past_is_no_deadline_and_the_sentences_deadline_holds():
    text = normalize("到2027年，基本完成2000年底前建成的城镇老旧小区改造任务。")
    dues = [(c.text, c.due_year) for c in commitment_clauses(text, plan_year=2025)]
    assert dues == [("基本完成2000年底前建成的城镇老旧小区改造任务", 2027)]
