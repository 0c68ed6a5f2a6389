"""The learned semantic similarity: a promise said in other words is near its report.

The word vectors (models/semantic_vectors.tsv) are learned by scripts/train_semantic.py
from the shipped reports, without labels; the sentences below are real sentences of
those reports (the national 政府工作报告 and the county pairs), each a promise and
the later review's report of it in other words, as the annotators paired them.
"""
import subprocess
import sys
from pathlib import Path

import pytest

from summarylab import semantic
from summarylab.lexicon import MODELS
from summarylab.plancheck import commitment_features, prepare

ROOT = Path(__file__).resolve().parent.parent

# (promise of the plan, its report in other words in the next review, an unrelated sentence of that review)
PARAPHRASES = [
    ("继续抓好基础教育", "中等职业技术教育有了新的发展，九年制义务教育和扫盲工作进一步推进。",
     "国家安全和社会稳定得到了保障。"),
    ("不断扩大社会保障覆盖面", "基本医保总体实现全覆盖，城乡居民基本医保财政补助标准增加到人均280元。",
     "启动教育扶贫工程，实施农村义务教育薄弱学校改造计划，学生营养改善计划惠及3200万孩子。"),
    ("坚决抑制价格上涨势头", "扭转了一度过快上涨势头", "积极推进了高技术研究及其产业化"),
]


@pytest.mark.parametrize("promise,report,unrelated", PARAPHRASES)
def test_a_promise_is_nearer_its_report_in_other_words_than_an_unrelated_sentence(promise, report, unrelated):
    assert semantic.similarity(promise, report) > semantic.similarity(promise, unrelated) + 0.2


def test_a_text_without_a_known_word_has_no_similarity():
    assert semantic.similarity("继续抓好基础教育", "和、的、了") == 0.0
    assert not semantic.embed(["。"]).any()


@pytest.fixture(scope="module")
def prep2013(gov2013, gov2014):
    return prepare(gov2013, gov2014)


def _commitment(prep, words):
    return next(i for i, (_, c) in enumerate(prep.every) if words in c.text)


def test_retrieval_reaches_the_review_sentence_that_says_the_promise_in_other_words(prep2013):
    cand = prep2013.candidates[_commitment(prep2013, "不断扩大社会保障覆盖面")]
    texts = lambda ks: [prep2013.eligible[j].text for j in ks]  # noqa: E731
    # Word overlap does not rank the report among its candidates; its meaning does.
    assert not any("基本医保总体实现全覆盖" in t for t in texts(cand.index))
    assert any("基本医保总体实现全覆盖" in t for t in texts(j for j, _ in cand.extra))


def test_the_lift_feature_is_raised_by_a_report_in_other_words_and_nil_when_the_words_show_it(prep2013):
    said_otherwise, _ = commitment_features(prep2013, _commitment(prep2013, "不断扩大社会保障覆盖面"))
    assert said_otherwise["semantic_lift"] > 1.0
    # A promise whose every topic word a candidate holds as written: nothing to lift.
    k = next(i for i, cand in enumerate(prep2013.candidates) if cand is not None and max(cand.coverage) == 1.0)
    as_written, _ = commitment_features(prep2013, k)
    assert as_written["semantic_lift"] == 0.0


def test_the_vectors_file_is_a_lexicon_with_the_standard_header():
    head = [line for line in (MODELS / "semantic_vectors.tsv").read_text(encoding="utf-8").split("\n")[:12]
            if line.startswith("#")]
    assert head[0].startswith("# semantic_vectors.tsv - ") and any("Source:" in x for x in head)
    index, idf, W = semantic.vectors()
    assert len(index) > 3000 and W.shape == (len(index), 64) and (idf > 0).all()


def test_the_training_script_reproduces_the_shipped_vectors(tmp_path):
    out = tmp_path / "semantic_vectors.tsv"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "train_semantic.py"), "--out", str(out)],
                   check=True, cwd=ROOT, capture_output=True)
    assert out.read_text(encoding="utf-8") == (MODELS / "semantic_vectors.tsv").read_text(encoding="utf-8")
