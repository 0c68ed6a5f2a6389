"""What the web pages compute from tables: review merging, doubtful-first order, pairs, uploads."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, strategies as st

from summarylab.readers import SUPPORTED_SUFFIXES
from summarylab.web.tables import (
    ALLOWED_SUFFIXES, doubtful_first, for_export, safe_name, screen_upload, suggested_pairs,
    with_reviews,
)

CHECK = pd.DataFrame({
    "item_id": ["4.1", "4.2", "4.3", "4.4"],
    "commitment": ["继续实施“春蕾计划”", "资助女童30名", "举办家庭教育讲座", "到2025年建成儿童之家"],
    "verdict": ["delivered", "partial", "not_found", "not_due"],
    "score": [0.95, 0.18, 0.05, 0.40],
})


def test_the_least_confident_verdicts_come_first_when_the_checker_gives_confidence():
    check = CHECK.assign(confidence=[0.55, 0.9, 0.6, 0.2])
    assert doubtful_first(check)["item_id"].tolist() == ["4.1", "4.3", "4.2", "4.4"]


def test_rows_not_yet_due_come_last_however_doubtful_and_ties_keep_the_plans_order():
    check = CHECK.assign(confidence=[0.5, 0.5, 0.9, 0.1])
    assert doubtful_first(check)["item_id"].tolist() == ["4.1", "4.2", "4.3", "4.4"]


def test_a_review_sits_beside_the_machines_verdict_of_its_row_only():
    reviews = pd.DataFrame([dict(item_id="4.2", commitment="资助女童30名", verdict="delivered",
                                 remark="总结写明资助女童32名", reviewer="李干事",
                                 reviewed_at=pd.Timestamp("2026-03-01 09:30"))])
    merged = with_reviews(CHECK, reviews)
    assert merged["verdict"].tolist() == CHECK["verdict"].tolist()
    assert merged["reviewed_verdict"].tolist() == [None, "delivered", None, None]
    assert merged.loc[1, "reviewer"] == "李干事"
    exported = for_export(merged)
    assert "人工复核结论" in exported.columns and "verdict" in exported.columns
    assert exported["人工复核结论"].tolist()[1] == "已完成"


def test_the_pair_suggested_is_the_same_org_in_the_plans_year():
    docs = pd.DataFrame({
        "doc_id": ["a21", "a22", "b22", "a23"],
        "org": ["上林县妇联", "上林县妇联", "某某县团委", "上林县妇联"],
        "year": [2021, 2022, 2022, 2023],
        "plan_year": [2022, 2023, 2023, None],
    })
    assert suggested_pairs(docs) == [("a21", "a22"), ("a22", "a23")]


@given(st.text(max_size=120))
def test_an_uploaded_name_becomes_one_safe_file_name(name):
    safe = safe_name(name, 7)
    assert "/" not in safe and "\\" not in safe and ".." not in safe
    assert safe.startswith("07_") and Path(safe).suffix in ALLOWED_SUFFIXES + (".bin",)
    assert len(safe) <= 3 + 60 + 5


def test_an_upload_is_screened_by_its_type_and_its_content_is_left_to_the_readers():
    # by the name alone, before anything is copied
    assert screen_upload("报告.txt") is None
    assert screen_upload("报告.pdf") is None
    assert "另存为 .docx" in screen_upload("报告.doc")
    assert "另存为 .docx" in screen_upload("报告.WPS")
    assert "不支持" in screen_upload("报告.exe")
    assert "无后缀" in screen_upload("报告")
    # what the content must be (a real PDF, not <html>) is the readers' check, made when the
    # upload is ingested
    assert set(ALLOWED_SUFFIXES) == SUPPORTED_SUFFIXES
