"""The lexicons the fact extractor reads (extract.py, numbers.py) are data with a header:
what they hold, who reads them, where the words came from; one concept per lexicon."""

from pathlib import Path

import pytest

from summarylab.lexicon import read_tsv

MODELS = Path(__file__).resolve().parent.parent / "models"
FACT_LEXICONS = ["units.tsv", "unit_labels.tsv", "approx.tsv", "not_facts.tsv", "role_cues.tsv",
                 "indicator_cues.tsv", "change_verbs.tsv", "year_cues.tsv", "heading_topic.tsv", "code_cues.tsv"]


@pytest.mark.parametrize("name", FACT_LEXICONS)
def test_each_lexicon_says_what_it_holds_who_reads_it_and_where_it_came_from(name):
    text = (MODELS / name).read_text(encoding="utf-8")
    lines = text.splitlines()
    header = "\n".join(lines[:next((k for k, line in enumerate(lines) if not line.startswith("#")), len(lines))])
    assert text.startswith("#")
    assert "summarylab/" in header  # the module that reads it
    assert "source" in header.lower() or "written by hand" in header.lower()


@pytest.mark.parametrize("name", ["change_verbs.tsv", "heading_topic.tsv", "code_cues.tsv"])
def test_new_lexicons_have_named_columns_and_no_duplicate_rows(name):
    rows = read_tsv(name)
    columns, body = rows[0], rows[1:]
    assert all(len(r) == len(columns) for r in body)
    assert len(set(map(tuple, body))) == len(body)


def test_change_verbs_are_read_by_numbers_and_by_the_labels():
    from summarylab import extract, numbers

    assert "增长" in numbers.change_words("increase", "verb")
    assert "降幅" in numbers.change_words("decrease", "noun")
    # 递增 makes a figure a change, but a label keeps only the common verbs
    assert "递增" not in extract._cues().change and "增长" in extract._cues().change
    assert "涨" in extract._cues().change and "涨" not in numbers.change_words("increase", "verb")


def test_a_change_verb_sets_the_aspect_it_names():
    from summarylab.numbers import scan_quantities

    (up,) = scan_quantities("粮食产量比上年增长3.5%")
    (down,) = scan_quantities("单位国内生产总值能耗降幅为4.2%")
    assert (up.quantity.aspect, down.quantity.aspect) == ("increase", "decrease")


def test_the_spans_of_time_looked_back_on_are_year_cues_read_as_plain_words():
    """One concept, one lexicon: the spans numbers and extract read (过去五年, 五年累计) are the
    period_* categories of year_cues.tsv, beside the several-years patterns, no lexicon of their own."""
    import re

    from summarylab.lexicon import words
    from summarylab.numbers import scan_candidates

    assert not (MODELS / "periods.tsv").exists()
    periods = {c: words("year_cues.tsv", f"period_{c}") for c in ("duration", "before", "after", "gapunit")}
    assert all(periods.values())
    # year_cues.tsv is a lexicon of regular expressions: these are read as words, so no metacharacter
    assert all(re.escape(w) == w for ws in periods.values() for w in ws)
    found = {c.surface: getattr(c, "reason", None) for c in scan_candidates("过去五年，五年累计完成投资3万亿元")}
    assert found == {"五年": "period", "3万亿元": None}
    # a number of years beside no period word is a measure (5年制), not a span looked back on
    assert [getattr(c, "reason", None) for c in scan_candidates("培训5年制学员")] == [None]
