"""The reviews table: a person's verdicts kept in the store, and the migration that added it."""

from __future__ import annotations

from datetime import datetime

import duckdb
import pytest

from summarylab.pipeline import analyse, read_text
from summarylab.store import REVIEW_COLUMNS, SCHEMA_VERSION, Store, StoreError

REPORT = ("上林县妇联2021年工作总结和2022年工作计划\n一、主要工作\n举办培训班3期，培训妇女400多人。\n"
          "二、2022年工作计划\n（一）继续实施“春蕾计划”，资助女童30名。\n")


def test_reviews_have_the_review_columns_and_the_latest_review_of_a_row_wins(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        assert list(store.reviews().columns) == REVIEW_COLUMNS
        store.add_review("plan1", "later1", "4.2", "资助女童30名", "partial", "delivered",
                         remark="总结写明资助女童32名", reviewer="李干事",
                         reviewed_at=datetime(2026, 3, 1, 9, 30))
        store.add_review("plan1", "later1", "4.10", "继续实施“春蕾计划”", "delivered", "delivered")
        store.add_review("plan1", "later1", "4.2", "资助女童30名", "partial", "not_found",
                         remark="32名是去年的数", reviewer="王科长")
        store.add_review("plan2", "later2", "1.1", "资助女童30名", "partial", "partial")
        reviews = store.reviews("plan1", "later1")
        assert reviews["item_id"].tolist() == ["4.2", "4.10"]  # item order, not text order
        first = reviews.iloc[0]
        assert (first.verdict, first.remark, first.reviewer) == ("not_found", "32名是去年的数", "王科长")
        assert first.machine_verdict == "partial" and first.reviewed_at.year >= 2026
        assert reviews.iloc[1].remark == "" and reviews.iloc[1].reviewer == ""
        assert len(store.reviews()) == 3 and len(store.reviews(summary_doc_id="later2")) == 1
        assert store.review_count() == 3


def test_a_review_with_an_unknown_verdict_is_refused(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        with pytest.raises(StoreError, match="unknown verdict 'done'"):
            store.add_review("p", "s", "1", "资助女童30名", "partial", "done")
        assert store.review_count() == 0


def test_a_read_only_store_cannot_take_a_review(tmp_path):
    Store(tmp_path / "s.duckdb").close()
    with Store(tmp_path / "s.duckdb", read_only=True) as store:
        with pytest.raises(StoreError, match="read-only"):
            store.add_review("p", "s", "1", "资助女童30名", "partial", "delivered")


def test_reviews_survive_reopening_and_removing_a_document(tmp_path):
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        store.add(analyse(read_text(REPORT)))
        [doc_id] = store.doc_ids()
        store.add_review(doc_id, "later", "2.1", "资助女童30名", "partial", "delivered")
        store.remove(doc_id)
    with Store(path, read_only=True) as store:
        assert store.reviews(doc_id)["verdict"].tolist() == ["delivered"]


def test_a_schema_1_store_is_migrated_and_keeps_its_documents(tmp_path):
    path = tmp_path / "old.duckdb"
    with Store(path) as store:
        store.add(analyse(read_text(REPORT)))
        [doc_id] = store.doc_ids()
        facts_before = store.facts(doc_id=doc_id)
    # Schema 1 is this layout without the reviews table.
    with duckdb.connect(str(path)) as con:
        con.execute("DROP TABLE reviews")
        con.execute("UPDATE schema_version SET version = 1")
    with pytest.raises(StoreError, match="needs migrating"):
        Store(path, read_only=True)
    with Store(path) as store:
        assert store.connection.execute("SELECT version FROM schema_version").fetchall() == [
            (SCHEMA_VERSION,)]
        assert store.doc_ids() == {doc_id}
        assert store.facts(doc_id=doc_id).equals(facts_before)
        assert store.get(doc_id).meta.org == "上林县妇联"
        assert store.reviews().empty
        store.add_review(doc_id, "later", "2.1", "资助女童30名", "partial", "delivered")
    with Store(path, read_only=True) as store:
        assert store.review_count() == 1


def test_reviews_come_back_as_annotated_pairs_for_retraining(tmp_path):
    from summarylab.plancheck import learn_from_reviews

    later = ("上林县妇联2022年工作总结\n一、主要工作\n继续实施“春蕾计划”，资助女童32名。\n")
    with Store(tmp_path / "s.duckdb") as store:
        store.add(analyse(read_text(REPORT)))
        store.add(analyse(read_text(later)))
        plan_id = store.documents(year=2021)["doc_id"].iloc[0]
        later_id = store.documents(year=2022)["doc_id"].iloc[0]
        store.add_review(plan_id, later_id, "2.1", "继续实施“春蕾计划”", "partial", "delivered",
                         remark="资助女童32名", reviewer="李干事")
        store.add_review(plan_id, "gone", "2.1", "资助女童30名", "partial", "delivered")
        [(plan, summary, notes)] = store.reviewed_pairs()
    assert (plan.doc_id, summary.doc_id) == (plan_id, later_id)
    assert notes[0]["verdict"] == "delivered" and notes[0]["note"] == "资助女童32名"
    assert notes[0]["machine_verdict"] == "partial" and notes[0]["reviewed_at"].startswith("20")
    # the shape the checker's retraining takes
    assert learn_from_reviews([(plan, summary, notes)]).n_extra_ == 1
