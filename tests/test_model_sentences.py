"""A scraped page that repeats its report: the document splits the report's sentences without its copy,
and the whole text's sentences are those of the report and of the copy, cut at the copy's line."""

from pathlib import Path

import summarylab as sl
from summarylab.model import REPEATED_COPY_TITLE
from summarylab.nlp import split_sentences

NATIONAL = Path(__file__).resolve().parent.parent / "corpora" / "national"


def _scraped():
    return sl.read(sorted(NATIONAL.glob("*.txt"))[0])


def test_the_report_sentences_stop_where_the_repeated_copy_starts():
    doc = _scraped()
    copy = doc.repeated_copy_start
    assert copy is not None
    assert [s.title for s in doc.section_list if s.start == copy and s.level == 1] == [REPEATED_COPY_TITLE]
    report = doc.report_sentences
    assert "sentences" not in vars(doc)  # the copy was not split for it
    assert report and report[-1].end < copy
    assert [(s.start, s.end) for s in report] == split_sentences(doc.text, 0, copy)


def test_the_sentences_of_the_whole_text_are_the_same_whichever_is_asked_first():
    first_report, first_all = _scraped(), _scraped()
    first_report.report_sentences
    assert first_report.sentences == first_all.sentences
    assert first_all.report_sentences == [s for s in first_all.sentences if s.start < first_all.repeated_copy_start]


def test_a_report_without_a_copy_has_one_list_of_sentences():
    doc = sl.read_text("某县妇联2021年工作总结\n一、主要工作\n培训妇女400多人。举办讲座3场。")
    assert doc.repeated_copy_start is None
    assert doc.report_sentences is doc.sentences
    assert [s.text for s in doc.sentences][-2:] == ["培训妇女400多人。", "举办讲座3场。"]


def test_tokens_of_the_report_match_whichever_list_they_bisect():
    a, b = _scraped(), _scraped()
    b.sentences  # b bisects the whole list, a the report's
    end = a.repeated_copy_start
    assert a.tokens(0, end) == b.tokens(0, end)
