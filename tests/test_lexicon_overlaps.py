"""Specifications of "each concept's words in exactly one lexicon" (issue 12).

A whole word that two concepts of models/ (file:category) both hold is either one concept held
twice, which is merged, or two concepts sharing a word, which models/lexicon_overlaps.tsv allows
with its reason.  The audit itself is scripts/lexicon_overlaps.py.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from summarylab.cues import age_groups, targets_head
from summarylab.lexicon import MODELS, categories

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("lexicon_overlaps", ROOT / "scripts" / "lexicon_overlaps.py")
audit = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(audit)


def test_every_pair_of_concepts_sharing_a_word_is_allowed_with_a_reason():
    assert audit.unlisted() == {}


def test_every_row_of_the_allow_list_still_allows_a_pair():
    rows = audit.allowed()
    pairs = audit.overlaps(inside=False, shortest=2)
    used = {i for pair in pairs for i in audit.allowed_by(pair, rows)}
    assert [rows[i][:2] for i in range(len(rows)) if i not in used] == []
    assert all(reason.strip() for _, _, reason in rows)


def test_every_lexicon_is_audited():
    names = {p.name for p in MODELS.glob("*.tsv")}
    assert names <= set(audit.LAYOUTS) | set(audit.NOT_CUES)


@pytest.mark.parametrize("copy, words", [
    # the check's own list of the targets paragraph, as it stood before the merge
    ("check_cues:target_passage", {"主要预期目标", "主要目标是", "预期目标是", "主要指标是"}),
    # the plan side's own list of the people words jieba tags as time words
    ("commitment_cues:topic", {"青年", "少年", "老年", "中年", "青少年", "老年人"}),
    # the plan side's own line of another body's act, as it stood before the merge
    ("commitment_cues:other_body", {"局印发", "政府牵头制定", "办联合印发"}),
])
def test_a_concept_written_again_in_another_lexicon_fails(copy, words):
    concepts = audit.all_words()
    concepts[copy] = set(words)
    pairs = audit.overlaps(concepts, inside=False, shortest=2)
    found = [pair for pair in pairs if copy in pair and not audit.allowed_by(pair, audit.allowed())]
    assert found


def test_a_regex_cue_is_read_as_its_literal_alternatives():
    assert audit.regex_words("(?:主要|各项)(?:预期)?目标") == {"主要目标", "主要预期目标", "各项目标", "各项预期目标"}
    assert audit.regex_words("(?:力争|确保)实现[：:]") == {"力争实现", "确保实现"}


def test_the_targets_paragraph_is_one_concept_read_by_plans_and_the_check():
    assert "target_passage" not in categories("check_cues.tsv")
    head = targets_head()
    # the year's targets announced with a copula or a colon
    assert head.search("今年经济社会发展的主要预期目标是：国内生产总值增长7.5%左右")
    assert head.search("主要目标：全年完成植树造林1.2万亩，森林覆盖率由68.5%提高到68.8%")
    assert head.search("全年力争实现：社区不发生重大刑事案件")
    # a goal of another kind, not the year's targets
    assert not head.search("维护世界和平是我国对外政策的主要目标")
    assert not head.search("推动实现联合国千年发展目标")
    assert not head.search("今年经济增长预期目标定为7.5%左右，主要基于两方面考虑")


def test_a_blanket_claim_answers_the_promises_of_a_targets_paragraph_that_ends_in_a_colon():
    from summarylab.plancheck import in_target_passage

    plan = "2025年，县林业局将推动林业高质量发展。主要目标：全年完成植树造林1.2万亩，森林覆盖率由68.5%提高到68.8%。\n加强森林防火。"
    assert in_target_passage(plan, plan.index("森林覆盖率"))
    assert not in_target_passage(plan, plan.index("加强森林防火"))


def test_the_targets_of_a_plan_part_follow_its_colon():
    """The annotator of local_linye_2025 took the commitments of 主要目标：… to start after the colon,
    not at the office's stance before it (县林业局将全面贯彻…)."""
    import summarylab as sl

    doc = sl.read(ROOT / "corpora" / "synthetic_某某县林业局2024年工作总结及2025年工作思路.txt")
    lead = next(cs for row, cs in doc.plan_analysis.items if row["title"].endswith("（主要预期目标）"))
    assert lead[0].text == "全年完成植树造林1.2万亩"


def test_the_people_words_jieba_tags_as_time_words_are_one_list():
    from summarylab.plans import is_topic_word

    assert {"青年", "成年", "老年人"} <= age_groups()
    assert "topic" not in categories("commitment_cues.tsv")
    assert is_topic_word("青年") and is_topic_word("成年")


def test_another_bodys_act_is_one_category_read_by_the_check():
    """县文明办印发《…》 (an act opening the clause) and 严格执行市人社局《…》 (an act the office only
    carries out) are one concept, check_cues.tsv other_act, no longer also commitment_cues.tsv other_body."""
    from summarylab.plancheck import _other_body, check_cue

    assert "other_body" not in categories("commitment_cues.tsv")
    act = check_cue("other_act")
    assert act.search("县发展改革局牵头制定《某某县优化营商环境实施方案》").group(1) == "县发展改革局"
    assert act.search("由县人社局联合县财政局出台《就业补助资金管理办法》").group(1) == "县人社局"
    assert act.search("严格执行市人力资源和社会保障局《事业单位工作人员考核实施细则》").group(2) == "市人力资源和社会保障局"
    # the office's own act opens with no body
    assert not act.search("制定《某某县妇联巾帼志愿服务管理办法》")
    assert _other_body("县发展改革局牵头制定《某某县优化营商环境实施方案》", "某某县妇联") == "县发展改革局"
    assert _other_body("县发展改革局牵头制定《某某县优化营商环境实施方案》", "某某县发展改革局") is None
