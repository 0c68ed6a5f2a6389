"""The evidence judge: which retrieved review sentence shows a promise done.

Each (commitment, candidate sentence) pair is described by readable features
(summarylab.verdict.JUDGE_FEATURES); a logistic regression learned from the
annotated pairs' gold evidence passages gives the probability that the
candidate is the evidence, and its best probability feeds the verdict model.
"""

import pandas as pd
import pytest

import summarylab as sl
from summarylab.plancheck import candidate_features, check, judge_features, judge_rows, judge_summary, prepare
from summarylab.verdict import JUDGE_FEATURES, EvidenceJudge, default_judge, read_judge_training

PLAN = (
    "某县妇联2021年工作总结和2022年工作计划\n"
    "一、2021年主要工作\n举办培训班9期，培训妇女400多人。\n"
    "二、2022年工作计划\n"
    "（一）加强基层妇女干部培训。举办基层女干部培训班。\n"
    "（二）关爱困境儿童。继续实施“春蕾计划”。\n"
)

REVIEW = (
    "某县妇联2022年工作总结和2023年工作计划\n"
    "一、2022年主要工作\n"
    "召开表彰大会，表彰优秀基层女干部10名。\n"
    "全年举办基层女干部培训班2期，培训村（社区）妇联主席120人。\n"
    "春蕾助学行动资助困难女童22名。\n"
    "二、存在的问题\n部分村妇联工作力量薄弱。\n"
)


@pytest.fixture(scope="module")
def prep():
    return prepare(sl.read_text(PLAN), sl.read_text(REVIEW))


def rows_of(prep, commitment):
    i = next(i for i, (_, c) in enumerate(prep.every) if c.text == commitment)
    return {prep.eligible[k].text: f for k, f in candidate_features(prep, i)}


def test_every_candidate_is_described_by_every_judge_feature(prep):
    rows = rows_of(prep, "举办基层女干部培训班")
    assert rows and all(set(f) == set(JUDGE_FEATURES) for f in rows.values())
    assert sum(f["top"] for f in rows.values()) == 1


def test_the_clause_reporting_the_course_holds_the_head_and_a_result(prep):
    rows = rows_of(prep, "举办基层女干部培训班")
    course = rows["全年举办基层女干部培训班2期，培训村（社区）妇联主席120人。"]
    assert course["head_held"] == 1.0 and course["verb_held"] == 1.0 and course["clause_coverage"] == 1.0
    assert course["number"] == 1.0 and course["names_year"] == 1.0  # 全年, 2期


def test_an_award_list_naming_the_same_cadres_is_marked_award(prep):
    rows = rows_of(prep, "举办基层女干部培训班")
    awards = rows["召开表彰大会，表彰优秀基层女干部10名。"]
    assert awards["award"] == 1.0 and awards["head_held"] == 0.0
    # the rare words the award shares weigh less than the course's
    assert awards["idf_mass"] < rows["全年举办基层女干部培训班2期，培训村（社区）妇联主席120人。"]["idf_mass"]
    assert awards["idf_missing"] > 0


def test_a_result_clause_is_read_from_the_review_cues():
    prep = prepare(sl.read_text(PLAN), sl.read_text(
        "某县妇联2022年工作总结\n一、2022年主要工作\n基层女干部培训班已经举办完成了3期。\n"))
    rows = rows_of(prep, "举办基层女干部培训班")
    assert next(iter(rows.values()))["result_clause"] == 1.0


def test_the_gold_evidence_candidate_is_the_positive_row(prep):
    gold = pd.DataFrame([{"commitment": "举办基层女干部培训班", "verdict": "delivered",
                          "evidence_text": "全年举办基层女干部培训班2期"}])
    rows = judge_rows(prep, gold)
    assert rows.label.sum() == 1 and len(rows) >= 2
    positive = rows[rows.label == 1].iloc[0]
    assert positive.head_held == 1.0
    # a not_found gold commitment gives rows only when asked for its negatives
    nf = pd.DataFrame([{"commitment": "举办基层女干部培训班", "verdict": "not_found", "evidence_text": ""}])
    assert judge_rows(prep, nf).empty
    assert judge_rows(prep, nf, negatives=True).label.sum() == 0


def test_the_judge_follows_estimator_conventions():
    table = read_judge_training()
    judge = EvidenceJudge(C=0.3)
    assert judge.fit(table, table.label) is judge
    assert {"scaler_", "clf_", "n_rows_"} <= set(vars(judge))
    p = judge.probability(table.head(50))
    assert ((p >= 0) & (p <= 1)).all()
    # learned from data, not set: the passages annotators cited come out more probable than the
    # other retrieved sentences (single weights of correlated coverage features may take either sign)
    every = judge.probability(table)
    assert every[table.label == 1].mean() > every[table.label == 0].mean() + 0.2


def test_the_shipped_judge_prefers_the_course_to_the_award_ceremony(prep):
    judge_features(prep, default_judge())
    i = next(i for i, (_, c) in enumerate(prep.every) if c.text == "举办基层女干部培训班")
    pick = prep.features[i][1]["judge_pick"]
    assert prep.eligible[pick].text.startswith("全年举办基层女干部培训班")
    assert 0.5 < prep.features[i][0]["judge_best"] <= 1


def test_judge_summary_reads_the_best_probability():
    rows = [(9, {"clause_coverage": 0.5}), (4, {"clause_coverage": 1.0})]
    assert judge_summary([0.25, 0.5], rows) == {"judge_best": 0.5}
    assert judge_summary([], []) == {"judge_best": 0.0}


def test_check_still_gives_a_verdict_and_evidence_with_the_judge():
    result = check(sl.read_text(PLAN), sl.read_text(REVIEW))
    row = result[result.commitment == "举办基层女干部培训班"].iloc[0]
    assert row.verdict == "delivered" and "培训班2期" in row.evidence
