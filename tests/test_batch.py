"""Batch ingest: folders in, one transaction per document, skips, failures, local pool, Dask, Parquet."""

import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from summarylab.batch import IngestResult, analyse_path, expand_paths, ingest
from summarylab.model import DOCUMENT_COLUMNS, FACT_COLUMNS, PLAN_ITEM_COLUMNS, SECTION_COLUMNS
from summarylab.store import Store

CORPORA = Path(__file__).resolve().parents[1] / "corpora"
SAMPLE = CORPORA / "000_85a1b6df8f5117e0.txt"
SYNTHETIC = CORPORA / "synthetic_上林县妇联2022年工作总结.txt"
# the documents table also keeps the normalised text (the offsets' reference)
TABLES = {"documents": DOCUMENT_COLUMNS + ["text"], "sections": SECTION_COLUMNS,
          "facts": FACT_COLUMNS, "plan_items": PLAN_ITEM_COLUMNS}


@pytest.fixture
def corpus(tmp_path):
    """Two good reports in nested folders, a hidden copy, and three bad files."""
    root = tmp_path / "corpus"
    (root / "2021").mkdir(parents=True)
    (root / "2022" / ".cache").mkdir(parents=True)
    shutil.copy(SAMPLE, root / "2021" / "report.txt")
    shutil.copy(SYNTHETIC, root / "2022" / "report.txt")
    shutil.copy(SAMPLE, root / "2022" / ".cache" / "copy.txt")   # hidden folder: skipped
    shutil.copy(SAMPLE, root / "2022" / ".hidden.txt")            # hidden file: skipped
    (root / "2022" / "notes.json").write_text("{}", encoding="utf-8")  # not a report type
    (root / "empty.txt").write_bytes(b"")
    (root / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (root / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0 legacy word")
    return root


def rows(store: Store, table: str) -> pd.DataFrame:
    """A table's rows in a canonical order, for comparing two stores."""
    df = store.connection.execute(f"SELECT * FROM {table}").df()
    key = [c for c in ("doc_id", "section_id", "fact_id", "item_id") if c in df.columns][:2]
    df = df.sort_values(key).reset_index(drop=True)
    for c in df.columns:  # lists come back as numpy arrays; compare them as lists
        if df[c].dtype == object:
            df[c] = [v.tolist() if hasattr(v, "tolist") else v for v in df[c]]
    return df


def test_folders_expand_recursively_to_report_files_without_hidden_ones(corpus):
    files = [p.relative_to(corpus).as_posix() for p in expand_paths([corpus])]
    assert files == ["2021/report.txt", "2022/report.txt", "binary.txt", "empty.txt"]
    assert all(p.is_absolute() for p in expand_paths([corpus]))


def test_files_named_explicitly_are_kept_whatever_their_type(corpus):
    files = expand_paths([corpus / "old.doc", corpus / "2021", corpus / "2021" / "report.txt"])
    assert [p.name for p in files] == ["old.doc", "report.txt"]


def test_a_worker_never_raises_and_gives_a_one_line_reason(corpus):
    outcome, path, doc_id, reason = analyse_path(str(corpus / "old.doc"), frozenset())
    assert (outcome, doc_id) == ("failed", None)
    assert reason == ".doc files are not supported: save it as .docx and try again"


def test_ingest_adds_the_good_files_and_reports_the_bad_ones(corpus, tmp_path):
    seen = []
    with Store(tmp_path / "s.duckdb") as store:
        result = ingest([corpus, corpus / "old.doc", tmp_path / "missing.txt"], store,
                        progress=lambda *a: seen.append(a))
        assert (result.new, result.unchanged) == (2, 0)
        assert [(Path(p).name, reason) for p, reason in result.failed] == [
            ("binary.txt", result.failed[0][1]), ("empty.txt", "file is empty"),
            ("old.doc", ".doc files are not supported: save it as .docx and try again"),
            ("missing.txt", "no such file"),
        ]
        assert "\n" not in result.failed[0][1]
        assert result.summary() == "2 new, 0 unchanged, 4 failed"
        assert len(store) == 2 and set(result.doc_ids) == store.doc_ids()
        assert len(store.facts()) > 0 and len(store.plan_items()) > 0
        paths = set(store.documents()["path"])
        assert paths == {str(corpus / "2021" / "report.txt"), str(corpus / "2022" / "report.txt")}
    assert seen[0] == (0, 6, "", "start")
    assert [s[0] for s in seen[1:]] == [1, 2, 3, 4, 5, 6]
    assert sorted(s[3] for s in seen[1:]) == ["failed"] * 4 + ["new"] * 2


def test_ingesting_twice_adds_nothing_the_second_time(corpus, tmp_path):
    path = tmp_path / "s.duckdb"
    first = ingest([corpus], path)
    with Store(path) as store:
        before = {t: rows(store, t) for t in TABLES}
    second = ingest([corpus], path)
    assert (first.new, first.unchanged) == (2, 0)
    assert (second.new, second.unchanged, len(second.failed)) == (0, 2, 2)
    assert second.doc_ids == first.doc_ids
    with Store(path) as store:
        for t in TABLES:
            pd.testing.assert_frame_equal(rows(store, t), before[t])


def test_the_same_text_under_two_names_is_stored_once(tmp_path):
    (tmp_path / "a").mkdir()
    shutil.copy(SAMPLE, tmp_path / "a" / "one.txt")
    shutil.copy(SAMPLE, tmp_path / "a" / "two.txt")
    result = ingest([tmp_path / "a"], tmp_path / "s.duckdb")
    assert (result.new, result.unchanged) == (1, 1)
    assert result.doc_ids[0] == result.doc_ids[1]


def test_the_stored_rows_equal_the_analysis_of_each_file(corpus, tmp_path):
    from summarylab.pipeline import analyse

    with Store(tmp_path / "s.duckdb") as store:
        ingest([corpus / "2021"], store)
        a = analyse(corpus / "2021" / "report.txt")
        back = store.facts(doc_id=a.document.doc_id)
        assert back["surface"].tolist() == a.facts["surface"].tolist()
        assert back["indicator"].tolist() == a.facts["indicator"].tolist()
        assert back["base_value"].tolist() == pytest.approx(a.facts["base_value"].tolist())
        items = store.plan_items(doc_id=a.document.doc_id)
        assert items["commitments"].tolist() == [list(c) for c in a.plan_items["commitments"]]


@pytest.mark.slow
def test_two_local_workers_give_the_same_rows_as_one(corpus, tmp_path):
    ingest([corpus], tmp_path / "one.duckdb", workers=1)
    result = ingest([corpus], tmp_path / "two.duckdb", workers=2)
    assert (result.new, len(result.failed)) == (2, 2)
    with Store(tmp_path / "one.duckdb") as one, Store(tmp_path / "two.duckdb") as two:
        for t in TABLES:
            pd.testing.assert_frame_equal(rows(two, t), rows(one, t), obj=t)


@pytest.mark.slow
def test_a_file_that_kills_its_worker_fails_alone_and_the_others_are_stored(
        corpus, tmp_path, monkeypatch):
    # The spawned workers start with this sitecustomize: analysing crash.txt kills the process.
    shim = tmp_path / "shim"
    shim.mkdir()
    (shim / "sitecustomize.py").write_text(
        "import os\n"
        "import summarylab.store as s\n"
        "real = s.analysis_columns\n"
        "def analysis_columns(doc):\n"
        "    if str(doc.meta.path).endswith('crash.txt'):\n"
        "        os._exit(9)\n"
        "    return real(doc)\n"
        "s.analysis_columns = analysis_columns\n", encoding="utf-8")
    monkeypatch.setenv("PYTHONPATH", str(shim))
    crash = corpus / "2021" / "crash.txt"
    crash.write_text(SYNTHETIC.read_text(encoding="utf-8") + "\n（另一份）\n", encoding="utf-8")
    result = ingest([corpus], tmp_path / "s.duckdb", workers=2)
    assert result.new == 2
    assert sorted((Path(p).name, m) for p, m in result.failed if "worker" in m) == [
        ("crash.txt", "the worker process died analysing this file (crash or out of memory)")]
    assert len(result.failed) == 3  # and binary.txt, empty.txt as before
    with Store(tmp_path / "s.duckdb") as store:
        assert sorted(Path(p).name for p in store.documents()["path"]) == ["report.txt"] * 2


@pytest.mark.slow
def test_the_dask_path_gives_the_same_rows_as_the_local_one(corpus, tmp_path):
    ingest([corpus], tmp_path / "local.duckdb")
    result = ingest([corpus], tmp_path / "dask.duckdb", engine="dask", workers=2)
    assert (result.new, result.unchanged) == (2, 0)
    assert sorted(Path(p).name for p, _ in result.failed) == ["binary.txt", "empty.txt"]
    with Store(tmp_path / "local.duckdb") as local, Store(tmp_path / "dask.duckdb") as dask:
        for t in TABLES:
            pd.testing.assert_frame_equal(rows(dask, t), rows(local, t), obj=t)


@pytest.mark.slow
def test_dask_ingest_uses_a_running_scheduler_when_given_one(corpus, tmp_path):
    from distributed import LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster:
        result = ingest([corpus / "2021"], tmp_path / "s.duckdb", engine="dask",
                        scheduler=cluster.scheduler_address)
        assert (result.new, result.failed) == (1, [])
        assert len(cluster.workers) == 1  # ran on that cluster, which is still up
    with Store(tmp_path / "s.duckdb") as store:
        assert len(store) == 1 and len(store.facts()) > 0


def test_parquet_export_is_read_by_duckdb_and_pandas_with_the_store_rows(corpus, tmp_path):
    out = tmp_path / "parquet"
    result = ingest([corpus], parquet_dir=out)
    assert (result.new, len(result.failed)) == (2, 2)
    assert sorted(p.name for p in (out / "facts").iterdir()) == sorted(
        f"{d}.parquet" for d in result.doc_ids)
    ingest([corpus], tmp_path / "s.duckdb")
    with Store(tmp_path / "s.duckdb") as store:
        for table, columns in TABLES.items():
            from_pandas = pd.read_parquet(out / table)
            assert list(from_pandas.columns) == columns
            from_duckdb = duckdb.sql(
                f"SELECT count(*) FROM read_parquet('{out / table}/*.parquet')").fetchall()[0][0]
            assert from_duckdb == len(from_pandas) == len(store.connection.sql(
                f"SELECT * FROM {table}").fetchall())
        joined = duckdb.sql(
            f"SELECT d.org, count(*) AS n FROM read_parquet('{out}/facts/*.parquet') f "
            f"JOIN read_parquet('{out}/documents/*.parquet') d USING (doc_id) GROUP BY d.org"
        ).fetchall()
        assert joined == [("上林县妇联", len(store.facts()))]
        items = pd.read_parquet(out / "plan_items")
        assert all(isinstance(c, str) for cs in items["commitments"] for c in cs)
    again = ingest([corpus], parquet_dir=out)
    assert (again.new, again.unchanged) == (0, 2)


def test_a_document_the_store_rejects_is_failed_and_the_batch_goes_on(corpus, tmp_path, monkeypatch):
    original = Store.add_many

    def picky(self, documents):
        # the store refuses any transaction that holds the 2022 report
        if any("2022" in t["documents"].column("path")[0].as_py() for t in documents):
            raise duckdb.ConstraintException("Constraint Error: duplicate key")
        return original(self, documents)

    monkeypatch.setattr(Store, "add_many", picky)
    with Store(tmp_path / "s.duckdb") as store:
        result = ingest([corpus / "2021", corpus / "2022"], store)
        assert (result.new, result.failed) == (1, [
            (str(corpus / "2022" / "report.txt"),
             "not stored: ConstraintException: Constraint Error: duplicate key")])
        assert len(store) == 1 and store.facts()["doc_id"].nunique() == 1


def test_finished_documents_are_stored_together_in_one_transaction(corpus, tmp_path, monkeypatch):
    calls = []
    original = Store.add_many
    monkeypatch.setattr(Store, "add_many", lambda self, docs: calls.append(len(docs)) or original(self, docs))
    result = ingest([corpus], tmp_path / "s.duckdb")
    assert result.new == 2 and calls == [2]


def test_the_largest_files_are_analysed_first(tmp_path):
    # failures are reported as soon as the worker hands them back, so their order is the work order
    for name, size in [("a_small.txt", 10), ("b_large.txt", 3000), ("c_middle.txt", 300)]:
        (tmp_path / name).write_bytes(bytes(range(1, 9)) * size)
    seen = []
    ingest([tmp_path], tmp_path / "s.duckdb", progress=lambda *a: seen.append(Path(a[2]).name))
    assert seen[1:] == ["b_large.txt", "c_middle.txt", "a_small.txt"]


def test_a_worker_loads_only_what_the_analysis_needs():
    # spaCy is gone, the verdict model (scikit-learn), the store (DuckDB), Dask and the tables
    # (pandas, pyarrow: a worker hands back plain column lists) are not the worker's business:
    # each costs start-up time in every worker process
    import subprocess
    import sys

    code = ("import sys\n"
            "from summarylab.batch import analyse_path, warm_up\n"
            "warm_up()\n"
            f"assert analyse_path({str(SAMPLE)!r})[0] == 'new'\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & "
            "{'spacy', 'thinc', 'sklearn', 'scipy', 'duckdb', 'dask', 'distributed', 'pandas', "
            "'pyarrow', 'numpy'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[1])
    assert out.stdout.strip() == "[]"


def test_bad_arguments_are_refused():
    with pytest.raises(ValueError, match="unknown engine"):
        ingest([SAMPLE], "x.duckdb", engine="spark")
    with pytest.raises(ValueError, match="at least 1"):
        ingest([SAMPLE], "x.duckdb", workers=0)
    with pytest.raises(ValueError, match="store or a parquet_dir"):
        ingest([SAMPLE])


def test_ingest_result_summary_counts():
    assert IngestResult().summary() == "0 new, 0 unchanged, 0 failed"


# --- per-file limits and guarded workers ---------------------------------------------

def test_an_ingest_of_nothing_but_bad_files_leaves_no_store(corpus, tmp_path):
    path = tmp_path / "s.duckdb"
    result = ingest([corpus / "empty.txt", corpus / "old.doc", tmp_path / "missing.txt"], path)
    assert (result.new, len(result.failed)) == (0, 3)
    assert not path.exists()


def test_a_file_past_the_time_limit_is_failed_and_the_batch_goes_on(corpus, tmp_path):
    from summarylab.readers import Limits

    # A PDF whose page tree loops forever under a 2 s limit: the worker is killed, the
    # file failed with one line, and the next file still gets its own worker, whose
    # start-up does not count against its file.
    from .test_hostile import cyclic_pdf

    pdf = cyclic_pdf(tmp_path / "cyclic.pdf")
    result = ingest([pdf, corpus / "empty.txt"], tmp_path / "s.duckdb", limits=Limits(timeout=2.0))
    assert [(Path(p).name, r) for p, r in result.failed] == [
        ("cyclic.pdf", "took longer than 2 s (the time limit per file); skipped"),
        ("empty.txt", "file is empty")]


def test_a_workers_start_up_does_not_count_against_its_first_file(corpus):
    from summarylab.batch import GuardedWorker
    from summarylab.readers import Limits

    # starting the fork server and loading the analysis (the dictionaries, the lexicons, the
    # patterns) alone takes longer than 0.3 s
    worker = GuardedWorker(Limits(timeout=0.3))
    try:
        assert worker.run(str(corpus / "empty.txt"))[::3] == ("failed", "file is empty")
        assert worker.ready
    finally:
        worker.stop()


def test_size_limits_reach_the_workers(corpus, tmp_path):
    from summarylab.readers import Limits

    result = ingest([corpus / "2021" / "report.txt"], tmp_path / "s.duckdb", workers=2,
                    limits=Limits(max_chars=1000))
    [(path, reason)] = result.failed
    assert reason.startswith("text too long (") and "the limit is 1,000" in reason


def test_a_worker_killed_from_outside_fails_only_its_file(corpus, tmp_path):
    from summarylab.batch import GuardedWorker

    worker = GuardedWorker()
    try:
        worker.submit(str(corpus / "2021" / "report.txt"))
        worker.process.kill()          # the out-of-memory killer, say
        outcome = worker.collect()
        if outcome is None:            # its word that it was ready came first, as the driver allows
            outcome = worker.collect()
        assert outcome[::3] == ("failed", "the worker process died analysing this "
                                          "file (crash or out of memory)")
        assert worker.run(str(corpus / "2022" / "report.txt"))[0] == "new"
    finally:
        worker.stop()


def test_analyse_guarded_returns_the_analysis_of_a_good_file():
    from summarylab.pipeline import analyse, analyse_guarded

    guarded, here = analyse_guarded(SAMPLE), analyse(SAMPLE)
    assert guarded.document.text == here.document.text
    assert guarded.facts["surface"].tolist() == here.facts["surface"].tolist()
    assert guarded.plan_items["item_id"].tolist() == here.plan_items["item_id"].tolist()


def test_a_worker_stuck_in_a_loop_dies_with_its_driver(tmp_path):
    """kill -9 of the driver must not leave a worker spinning on a cyclic PDF."""
    import os
    import signal
    import subprocess
    import sys
    import time

    from .test_hostile import cyclic_pdf

    pdf = cyclic_pdf(tmp_path / "cyclic.pdf")
    pids = tmp_path / "worker.pid"
    driver = subprocess.Popen([sys.executable, "-c", f"""
import sys, time
sys.path.insert(0, {str(Path(__file__).resolve().parents[1])!r})
from summarylab.batch import GuardedWorker
w = GuardedWorker()
w.submit({str(pdf)!r})
open({str(pids)!r}, "w").write(str(w.process.pid))
time.sleep(60)
"""])
    try:
        deadline = time.monotonic() + 30
        while not (pids.exists() and pids.read_text()) and time.monotonic() < deadline:
            time.sleep(0.1)
        worker = int(pids.read_text())
        time.sleep(1)
        os.kill(driver.pid, signal.SIGKILL)
        driver.wait()
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            try:
                os.kill(worker, 0)
            except ProcessLookupError:
                break
            # a zombie (not yet reaped by init) is dead too
            with open(f"/proc/{worker}/stat") as fh:
                if fh.read().split(")")[-1].split()[0] == "Z":
                    break
            time.sleep(0.2)
        else:
            os.kill(worker, signal.SIGKILL)
            raise AssertionError("the worker outlived its driver")
    finally:
        if driver.poll() is None:
            driver.kill()


def test_workers_are_forks_of_one_loaded_server_and_end_with_it(corpus):
    import os

    from summarylab.batch import ForkServer, GuardedWorker

    # the analysis is loaded once, in the server; each worker is a fork of it, ready at once
    server = ForkServer()
    workers = [GuardedWorker(server=server) for _ in range(2)]
    try:
        outcomes = [w.run(str(corpus / f"{year}" / "report.txt"))[0]
                    for w, year in zip(workers, (2021, 2022))]
        assert outcomes == ["new", "new"]
        pids = [w.process.pid for w in workers]
        assert len(set(pids)) == 2
        for pid in pids:
            with open(f"/proc/{pid}/stat") as fh:
                assert int(fh.read().split(")")[-1].split()[1]) == server.process.pid
    finally:
        for w in workers:
            w.stop()
        server.stop()
    assert server.process is None
    for pid in pids:
        assert not os.path.exists(f"/proc/{pid}")  # reaped, not left as zombies


def test_the_workers_run_the_drivers_package_whatever_the_current_folder(corpus, tmp_path, monkeypatch):
    from summarylab.batch import GuardedWorker

    # another copy of the package in the current folder (a second checkout, say) must not be
    # the one the fork server imports
    (tmp_path / "summarylab").mkdir()
    (tmp_path / "summarylab" / "__init__.py").write_text("raise ImportError('the wrong copy')\n")
    monkeypatch.chdir(tmp_path)
    worker = GuardedWorker()
    try:
        assert worker.run(str(corpus / "2021" / "report.txt"))[0] == "new"
    finally:
        worker.stop()
