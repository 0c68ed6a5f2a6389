"""The corpus store: exact columns, one transaction per document, locks, schema versions, kill -9."""

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from summarylab.model import (
    DOCUMENT_COLUMNS, FACT_COLUMNS, PLAN_ITEM_COLUMNS, SECTION_COLUMNS,
)
from summarylab.pipeline import Analysis, read_text
from summarylab.store import (
    SCHEMA_VERSION, TABLE_TYPES, Store, StoreError, StoreLockedError, StoreSchemaError,
)

SAMPLE = Path(__file__).resolve().parents[1] / "corpora" / "000_85a1b6df8f5117e0.txt"


def make_analysis(n: int, org: str = "上林县妇联", year: int = 2021) -> Analysis:
    """A small real document (structure by the pipeline) with two facts and one plan item.

    The facts and the plan item are written out here, not extracted, so that the
    store is tested on rows whose every value is known.
    """
    text = (f"{org}{year}年工作总结和{year + 1}年工作计划\n"
            f"一、主要工作\n举办培训班{n + 3}期，培训妇女{400 + n}多人。\n"
            f"二、{year + 1}年工作计划\n（一）继续实施“春蕾计划”，资助女童{n + 10}名。\n")
    doc = read_text(text, path=f"mem/{n}.txt")
    sentence = f"举办培训班{n + 3}期，培训妇女{400 + n}多人。"
    i, j = text.index(f"{n + 3}期"), text.index(f"{400 + n}多人")
    facts = pd.DataFrame([
        dict(doc_id=doc.doc_id, fact_id=1, section_id="1", section_kind="achievements",
             start=i, end=i + len(f"{n + 3}期"), surface=f"{n + 3}期", value=float(n + 3),
             unit="期", value_max=None, base_value=float(n + 3), base_unit="期", kind="count",
             aspect="level", approx="exact", role="actual", target_of=None,
             indicator="培训班期数", sentence=sentence, year=year),
        dict(doc_id=doc.doc_id, fact_id=2, section_id="1", section_kind="achievements",
             start=j, end=j + len(f"{400 + n}多人"), surface=f"{400 + n}多人",
             value=float(400 + n), unit="人", value_max=float("nan"),
             base_value=float(400 + n), base_unit="人", kind="count", aspect="level",
             approx="more_than", role="actual", target_of=float("nan"),
             indicator="培训妇女人数", sentence=sentence, year=year),
    ], columns=FACT_COLUMNS)
    plans = pd.DataFrame([
        dict(doc_id=doc.doc_id, item_id="2.1", plan_year=year + 1, title="继续实施“春蕾计划”",
             text=f"继续实施“春蕾计划”，资助女童{n + 10}名。",
             commitments=["继续实施“春蕾计划”", f"资助女童{n + 10}名"],
             keywords=["春蕾计划", "女童"], targets=[3], due_year=year + 1),
    ], columns=PLAN_ITEM_COLUMNS)
    return Analysis(document=doc, facts=facts, plan_items=plans)


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "corpus.duckdb") as s:
        yield s


def test_a_new_store_has_the_contract_tables_and_columns(store):
    con = store.connection
    def columns(table):
        return [r[0] for r in con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
            "ORDER BY ordinal_position", [table]).fetchall()]
    assert columns("documents") == DOCUMENT_COLUMNS + ["text"]
    assert columns("sections") == SECTION_COLUMNS
    assert columns("facts") == FACT_COLUMNS
    assert columns("plan_items") == PLAN_ITEM_COLUMNS
    assert con.execute("SELECT version FROM schema_version").fetchall() == [(SCHEMA_VERSION,)]
    types = dict(con.execute("SELECT column_name, data_type FROM information_schema.columns "
                             "WHERE table_name = 'plan_items'").fetchall())
    assert types["commitments"] == "VARCHAR[]" and types["targets"] == "INTEGER[]"


def test_add_stores_every_row_and_a_second_add_is_a_no_op(store):
    a = make_analysis(1)
    assert store.add(a) is True
    assert store.add(a) is False
    assert a.document.doc_id in store and "0000000000000000" not in store
    assert len(store) == 1
    docs = store.documents()
    assert list(docs.columns) == DOCUMENT_COLUMNS
    assert docs.iloc[0].to_dict() == a.document.meta.to_dict()
    assert store.sections().shape == (len(a.document.section_list), len(SECTION_COLUMNS))
    assert len(store.facts()) == 2 and len(store.plan_items()) == 1
    # plain SQL on the same connection works after every method (no half-read results left)
    assert store.connection.sql("SELECT count(*) FROM facts").fetchall() == [(2,)]


def test_facts_come_back_with_the_values_they_went_in_with(store):
    a = make_analysis(1)
    store.add(a)
    back = store.facts()
    assert list(back.columns) == FACT_COLUMNS
    assert back["surface"].tolist() == ["4期", "401多人"]
    assert back["base_value"].tolist() == [4.0, 401.0]
    assert back["approx"].tolist() == ["exact", "more_than"]
    assert back["value_max"].isna().all() and back["target_of"].isna().all()
    text = store.text(a.document.doc_id)
    assert [text[s:e] for s, e in zip(back["start"], back["end"])] == back["surface"].tolist()


def test_plan_item_lists_come_back_as_lists(store):
    store.add(make_analysis(1))
    row = store.plan_items().iloc[0]
    assert row["commitments"] == ["继续实施“春蕾计划”", "资助女童11名"]
    assert row["keywords"] == ["春蕾计划", "女童"] and row["targets"] == [3]


def test_filters_select_by_org_year_document_and_indicator(store):
    a, b, c = make_analysis(1), make_analysis(2, year=2022), make_analysis(3, org="马山县妇联")
    for x in (a, b, c):
        store.add(x)
    assert set(store.facts(org="上林县妇联")["doc_id"]) == {a.document.doc_id, b.document.doc_id}
    assert set(store.facts(year=2022)["doc_id"]) == {b.document.doc_id}
    assert store.facts(doc_id=c.document.doc_id)["surface"].tolist() == ["6期", "403多人"]
    assert store.facts(indicator="妇女", org="马山县妇联")["surface"].tolist() == ["403多人"]
    assert store.plan_items(plan_year=2023)["doc_id"].tolist() == [b.document.doc_id]
    assert store.documents(org="马山县妇联")["doc_id"].tolist() == [c.document.doc_id]
    assert store.facts(org="nobody").empty


def test_get_rebuilds_the_document_from_the_store(store):
    a = make_analysis(1)
    store.add(a)
    doc = store.get(a.document.doc_id)
    assert doc.text == a.document.text and doc.meta == a.document.meta
    assert doc.section_list == a.document.section_list
    pd.testing.assert_frame_equal(doc.sections, a.document.sections, check_dtype=False)
    with pytest.raises(KeyError):
        store.get("ffffffffffffffff")


def test_resolve_accepts_a_unique_doc_id_prefix(store):
    a = make_analysis(1)
    store.add(a)
    assert store.resolve(a.document.doc_id[:6]) == a.document.doc_id
    assert store.resolve("zz") is None and store.resolve("corpora/x.txt") is None


def test_a_failing_document_leaves_no_rows(store):
    bad = make_analysis(1)
    bad.facts.loc[1, "fact_id"] = 1  # duplicate key: the insert fails mid-transaction
    with pytest.raises(duckdb.Error):
        store.add(bad)
    con = store.connection
    for table in ("documents", "sections", "facts", "plan_items"):
        assert con.execute(f"SELECT count(*) FROM {table}").fetchall() == [(0,)], table
    assert store.add(make_analysis(1)) is True  # and the store still works


def test_add_many_stores_several_documents_in_one_transaction_and_skips_known_ones(store):
    from summarylab.store import analysis_tables

    first, second, third = (analysis_tables(make_analysis(n)) for n in (1, 2, 3))
    assert store.add_many([first]) == [True]
    # first is stored already; second comes twice in the batch: only its first copy goes in
    assert store.add_many([first, second, third, second]) == [False, True, True, False]
    assert len(store) == 3 and len(store.facts()) == 6 and len(store.plan_items()) == 3
    assert store.add_many([]) == []


def test_a_failing_batch_leaves_none_of_its_documents(store):
    from summarylab.store import analysis_tables

    bad = make_analysis(2)
    bad.facts.loc[1, "fact_id"] = 1  # duplicate key: the insert fails mid-transaction
    with pytest.raises(duckdb.Error):
        store.add_many([analysis_tables(make_analysis(1)), analysis_tables(bad)])
    assert len(store) == 0
    assert store.connection.execute("SELECT count(*) FROM facts").fetchall() == [(0,)]


def test_analysis_tables_keep_missing_values_null_and_refuse_a_fractional_count():
    from summarylab.store import analysis_tables

    tables = analysis_tables(make_analysis(1))
    assert tables["facts"].column("value_max").to_pylist() == [None, None]
    assert tables["facts"].column("target_of").null_count == 2
    assert tables["plan_items"].column("commitments").to_pylist()[0][1] == "资助女童11名"
    odd = make_analysis(1)
    odd.facts["year"] = [2021.5, 2021.0]
    with pytest.raises(StoreError, match="expected a whole number, got 2021.5"):
        analysis_tables(odd)


def test_a_workers_column_lists_make_the_same_tables_as_the_analysis_dataframes():
    # what a batch worker hands back (no pandas) must store exactly what sl.analyse gives
    from summarylab.pipeline import analyse, read
    from summarylab.store import analysis_columns, analysis_tables, column_tables

    national = SAMPLE.parent / "national" / "2014.txt"
    for path in (SAMPLE, national):
        expected = analysis_tables(analyse(path))
        got = column_tables(analysis_columns(read(path)))
        assert list(got) == list(expected)
        for name, table in expected.items():
            assert got[name].equals(table), (path.name, name)
        assert got["facts"].num_rows > 0 and got["plan_items"].num_rows > 0


def test_column_lists_keep_missing_values_null_and_refuse_a_fractional_count():
    from summarylab.store import column_tables

    facts = {c: [None, None] for c, _ in TABLE_TYPES["facts"]}
    facts.update(doc_id=["a", "a"], fact_id=[1, 2], value_max=[float("nan"), None], year=[2021, None])
    tables = column_tables({"facts": facts})
    assert tables["facts"].column("value_max").null_count == 2
    assert tables["facts"].column("year").to_pylist() == [2021, None]
    facts["year"] = [2021.5, 2021.0]
    with pytest.raises(StoreError, match="expected a whole number, got 2021.5"):
        column_tables({"facts": facts})


def test_the_store_survives_reopening(tmp_path):
    path = tmp_path / "corpus.duckdb"
    with Store(path) as s:
        s.add(make_analysis(1))
    with Store(path, read_only=True) as s:
        assert len(s) == 1 and len(s.facts()) == 2
        with pytest.raises(StoreError, match="read-only"):
            s.add(make_analysis(2))


def test_a_second_writer_gets_a_clear_one_line_error(tmp_path):
    path = tmp_path / "corpus.duckdb"
    with Store(path):
        code = ("import sys\nfrom summarylab.store import Store, StoreLockedError\n"
                "try:\n    Store(sys.argv[1])\n"
                "except StoreLockedError as e:\n    print(e)\n    sys.exit(3)\n")
        done = subprocess.run([sys.executable, "-c", code, str(path)],
                              capture_output=True, text=True)
    assert done.returncode == 3, done.stderr
    message = done.stdout.strip()
    assert "\n" not in message
    assert message == (f"{path}: the store is in use by process {os.getpid()}; "
                       "wait for it to finish or use another --store")
    assert issubclass(StoreLockedError, ValueError)


def test_a_newer_schema_is_refused(tmp_path):
    path = tmp_path / "corpus.duckdb"
    Store(path).close()
    with duckdb.connect(str(path)) as con:
        con.execute("UPDATE schema_version SET version = ?", [SCHEMA_VERSION + 1])
    with pytest.raises(StoreSchemaError, match="newer summarylab .*upgrade summarylab"):
        Store(path)


def test_an_older_schema_without_migration_is_refused(tmp_path):
    path = tmp_path / "corpus.duckdb"
    Store(path).close()
    with duckdb.connect(str(path)) as con:
        con.execute("UPDATE schema_version SET version = 0")
    with pytest.raises(StoreSchemaError, match="older than .* cannot be migrated"):
        Store(path)


def test_an_older_schema_with_a_migration_step_is_upgraded(tmp_path, monkeypatch):
    import summarylab.store as store_module

    path = tmp_path / "corpus.duckdb"
    Store(path).close()
    with duckdb.connect(str(path)) as con:
        con.execute("UPDATE schema_version SET version = ?", [SCHEMA_VERSION - 1])
    ran = []
    monkeypatch.setitem(store_module._MIGRATIONS, SCHEMA_VERSION - 1,
                        lambda con: ran.append(con.execute("SELECT 1").fetchall()))
    with Store(path) as s:
        assert ran == [[(1,)]]
        assert s.connection.sql("SELECT version FROM schema_version").fetchall() == [
            (SCHEMA_VERSION,)]


def test_other_files_are_refused_not_clobbered(tmp_path):
    foreign = tmp_path / "other.duckdb"
    with duckdb.connect(str(foreign)) as con:
        con.execute("CREATE TABLE budget (x INTEGER)")
    with pytest.raises(StoreSchemaError, match="not a summarylab store"):
        Store(foreign)
    text = tmp_path / "notes.duckdb"
    text.write_text("这不是数据库" * 1000, encoding="utf-8")
    with pytest.raises(StoreError):
        Store(text)
    assert text.read_text(encoding="utf-8") == "这不是数据库" * 1000


def test_kill_9_mid_transaction_leaves_every_document_whole_or_absent(tmp_path):
    """A writer killed inside a document's transaction: the store opens, that document is absent."""
    path = tmp_path / "corpus.duckdb"
    script = textwrap.dedent(f"""
        import sys, time
        sys.path.insert(0, {str(Path(__file__).parent)!r})
        from test_store import make_analysis
        from summarylab.store import Store
        store = Store({str(path)!r})
        for n in range(3):
            store.add(make_analysis(n))
            print("committed", n, flush=True)
        original = Store._insert
        def slow_insert(self, name, table):
            original(self, name, table)
            if name == "facts":  # sections and facts written, plan_items and documents not
                print("inside", flush=True)
                time.sleep(60)
        Store._insert = slow_insert
        store.add(make_analysis(3))
    """)
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        lines = []
        for line in proc.stdout:
            lines.append(line.strip())
            if line.strip() == "inside":
                break
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait()
    assert lines == ["committed 0", "committed 1", "committed 2", "inside"]
    assert proc.returncode == -signal.SIGKILL
    with Store(path) as s:
        stored = s.doc_ids()
        assert stored == {make_analysis(n).document.doc_id for n in range(3)}
        con = s.connection
        for table in ("sections", "facts", "plan_items"):
            orphans = con.execute(
                f"SELECT count(*) FROM {table} WHERE doc_id NOT IN (SELECT doc_id FROM documents)"
            ).fetchall()[0][0]
            assert orphans == 0, table
        for n in range(3):
            a = make_analysis(n)
            assert len(s.sections(a.document.doc_id)) == len(a.document.section_list)
            assert len(s.facts(doc_id=a.document.doc_id)) == 2
            assert len(s.plan_items(doc_id=a.document.doc_id)) == 1
        assert s.add(make_analysis(3)) is True  # the killed document can be added afterwards


def test_the_real_sample_round_trips_through_the_store(store):
    """A bare Document is analysed on the way in; every row comes back as analysed."""
    from summarylab.pipeline import analyse, read

    doc = read(SAMPLE)
    assert store.add(doc) is True and store.add(read(SAMPLE)) is False
    expected = analyse(doc)
    back = store.get(doc.doc_id)
    assert back.text == doc.text and back.section_list == doc.section_list
    assert store.documents().iloc[0]["org"] == "上林县妇联"
    facts = store.facts(doc_id=doc.doc_id)
    assert facts["surface"].tolist() == expected.facts["surface"].tolist()
    assert facts["indicator"].tolist() == expected.facts["indicator"].tolist()
    assert all(back.text[s:e] == f for s, e, f in zip(facts["start"], facts["end"], facts["surface"]))
    items = store.plan_items(doc_id=doc.doc_id)
    assert items["item_id"].tolist() == expected.plan_items["item_id"].tolist()
    assert items["commitments"].tolist() == [list(c) for c in expected.plan_items["commitments"]]


# --- a damaged file ---------------------------------------------------------------

@pytest.mark.parametrize("keep", [0.9, 0.5, 0.1])
def test_a_truncated_store_is_refused_on_open_not_listed_half(tmp_path, keep):
    from summarylab.store import StoreDamagedError

    path = tmp_path / "corpus.duckdb"
    with Store(path) as s:
        for n in range(20):
            s.add(make_analysis(n))
    size = path.stat().st_size
    with open(path, "r+b") as fh:
        fh.truncate(int(size * keep))
    for read_only in (True, False):
        try:
            with Store(path, read_only=read_only) as s:
                # Only a cut that spared every block in use may open: then all reads whole.
                assert keep > 0.5
                assert [len(s.connection.execute(f"SELECT * FROM {t}").fetchall())
                        for t in ("documents", "sections", "facts", "plan_items")] == [20, 60, 40, 20]
        except StoreDamagedError as err:
            assert "the store is damaged" in str(err)
            assert "\n" not in str(err) and str(path) in str(err)


def test_an_intact_store_reopens_after_many_writes(tmp_path):
    path = tmp_path / "corpus.duckdb"
    for n in range(3):
        with Store(path) as s:
            s.add(make_analysis(n))
    with Store(path, read_only=True) as s:
        assert len(s) == 3


def test_a_damage_message_comes_from_duckdb_errors_that_mean_damage():
    from summarylab.store import damaged_store_message

    assert damaged_store_message("s.duckdb", duckdb.IOException(
        'Could not read enough bytes from file "s.duckdb": attempted to read 262144 bytes'))
    assert damaged_store_message("s.duckdb", duckdb.IOException("Could not set lock on file")) is None


def test_all_documents_come_back_with_their_stored_facts_and_plan_items(store):
    store.add(make_analysis(1))
    store.add(make_analysis(2, org="宾阳县妇联", year=2022))
    docs = store.all_documents()
    assert [d.meta.org for d in docs] == ["上林县妇联", "宾阳县妇联"]  # the order of documents()
    for doc in docs:
        assert doc.facts["surface"].tolist() == store.facts(doc_id=doc.doc_id)["surface"].tolist()
        assert doc.plan_items["item_id"].tolist() == ["2.1"]
        assert "fact_analysis" not in vars(doc)  # the stored table, not a new analysis
