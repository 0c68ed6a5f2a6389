"""Batch ingest: many files analysed in parallel, stored by one writer.

The per-document work (read, structure, facts, plan items) runs in worker
processes, local (:class:`GuardedWorker`: one file at a time, killed past the
time limit of :class:`~summarylab.readers.Limits`) or on a Dask distributed
cluster; only the driver writes, so the store never sees two writers.  It
stores finished documents in batches, one transaction each (a document is
whole or absent either way).  Workers load the language resources (the jieba
dictionary, the lexicons) once per process, not once per document, and
compute the doc_id before the heavy analysis so that an unchanged document
costs a read, not an analysis.

Workers hand back the document's rows as plain column lists
(:func:`summarylab.store.analysis_columns`), read off the analysis without a
DataFrame, so a worker never imports pandas or pyarrow; the driver makes them
pyarrow tables typed like the store and inserts them.  With ``parquet_dir`` the driver writes one
Parquet file per document and table instead of the store::

    DIR/documents/<doc_id>.parquet   DIR/sections/<doc_id>.parquet
    DIR/facts/<doc_id>.parquet       DIR/plan_items/<doc_id>.parquet

which ``pandas.read_parquet("DIR/facts")`` and DuckDB's
``read_parquet('DIR/facts/*.parquet')`` read directly.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Optional, Union

from .readers import DEFAULT_LIMITS, SUPPORTED_SUFFIXES, Limits, ReadError

if TYPE_CHECKING:
    from .store import Store

#: Tables of a Parquet export, one folder each; documents is written last.
PARQUET_TABLES = ("sections", "facts", "plan_items", "documents")

#: ``progress(done, total, path, outcome)``: called once with done=0, path "" and
#: outcome "start", then after every document with outcome new, unchanged or failed.
ProgressCallback = Callable[[int, int, str, str], None]

PathLike = Union[str, os.PathLike]


@dataclass
class IngestResult:
    """What one ingest did.

    Attributes:
        new: Documents added.
        unchanged: Documents skipped because their doc_id was already stored.
        failed: ``(path, reason)`` for every file that could not be analysed.
        doc_ids: The doc_id of every new or unchanged document, in input order.
    """

    new: int = 0
    unchanged: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    doc_ids: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One line for people, e.g. ``3 new, 1 unchanged, 1 failed``.

        Example:
            >>> IngestResult(new=3, unchanged=1, failed=[("a.doc", "unsupported")]).summary()
            '3 new, 1 unchanged, 1 failed'
        """
        return f"{self.new} new, {self.unchanged} unchanged, {len(self.failed)} failed"


def _is_documentation(name: str) -> bool:
    # A folder of reports often carries a README about them; it is not a report.
    return Path(name).stem.upper() in ("README", "CHANGELOG", "LICENSE")


def expand_paths(paths: Iterable[PathLike]) -> list[Path]:
    """The files an ingest of ``paths`` reads.

    Folders are searched recursively for .txt, .md, .docx and .pdf files,
    skipping hidden files and folders (names starting with a dot) and README
    files, which describe a corpus rather than belong to it.  Files named
    explicitly are kept whatever their type, so that a wrong one is reported
    as failed instead of silently ignored.  Paths are made absolute (workers may
    run elsewhere), and each file is listed once.

    Example:
        >>> [p.name for p in expand_paths(["corpora"])][:1]  # doctest: +SKIP
        ['000_85a1b6df8f5117e0.txt']
    """
    out: list[Path] = []
    seen: set[Path] = set()

    def keep(p: Path) -> None:
        p = p.absolute()
        if p not in seen:
            seen.add(p)
            out.append(p)

    for raw in paths:
        p = Path(raw)
        if not p.is_dir():
            keep(p)
            continue
        found = []
        for root, dirs, files in os.walk(p):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in files:
                if (not name.startswith(".") and Path(name).suffix.lower() in SUPPORTED_SUFFIXES
                        and not _is_documentation(name)):
                    found.append(Path(root) / name)
        for f in sorted(found):
            keep(f)
    return out


def ingest(
    paths: Iterable[PathLike],
    store: Union["Store", PathLike, None] = None,
    *,
    workers: int = 1,
    engine: str = "local",
    scheduler: Optional[str] = None,
    parquet_dir: Optional[PathLike] = None,
    progress: Optional[ProgressCallback] = None,
    limits: Optional[Limits] = None,
) -> IngestResult:
    """Analyse files and folders and add each document to the store atomically.

    Args:
        paths: Files and folders (searched recursively, see :func:`expand_paths`).
        store: A :class:`~summarylab.store.Store` or the path of one (opened
            and closed here).  Not used when ``parquet_dir`` is given.
        workers: Worker processes (local engine) or workers of the local Dask
            cluster.  ``workers=1`` with the local engine works in this process.
        engine: ``local`` (process pool) or ``dask`` (distributed).
        scheduler: Address of a running Dask scheduler (``tcp://host:8786``);
            without it the dask engine starts a LocalCluster of ``workers``
            single-threaded processes.  Workers must see the same files.
        parquet_dir: Write partitioned Parquet here instead of the store.
        progress: Called as ``progress(done, total, path, outcome)``.
        limits: Per-file limits (:class:`~summarylab.readers.Limits`; default
            300 s, 100 MB, 256 MB decompressed, 2,000 pages, 1,000,000
            characters).  With the local engine every file is read and
            analysed in a worker process that is killed past the time limit,
            so no file can hold the batch; the dask engine checks the size
            limits only.

    Returns:
        The counts of new and unchanged documents and the failed files with
        their reasons.  A bad file never stops the batch.

    Raises:
        ValueError: Unknown engine, fewer than one worker, or neither a store
            nor a parquet_dir.

    Example:
        >>> import summarylab as sl
        >>> result = sl.ingest(["corpora"], "summarylab.duckdb", workers=2)  # doctest: +SKIP
        >>> result.summary()  # doctest: +SKIP
        '4 new, 0 unchanged, 0 failed'
    """
    if engine not in ("local", "dask"):
        raise ValueError(f"unknown engine {engine!r}: use local or dask")
    if workers < 1:
        raise ValueError("workers must be at least 1")
    if store is None and parquet_dir is None:
        raise ValueError("ingest needs a store or a parquet_dir")
    limits = limits or DEFAULT_LIMITS
    files = [str(p) for p in expand_paths(paths)]
    total = len(files)
    result = IngestResult()
    ids: dict[str, str] = {}
    done = 0

    def report(path: str, status: str, doc_id: Optional[str], reason: Optional[str] = None) -> None:
        nonlocal done
        if status == "failed":
            result.failed.append((path, reason))
        else:
            ids[path] = doc_id
            if status == "new":
                result.new += 1
            else:
                result.unchanged += 1
        done += 1
        if progress:
            progress(done, total, path, status)

    if progress:
        progress(0, total, "", "start")
    # Local workers start now: they import and load the language resources
    # while this process opens the store.
    pool = _start_pool(workers, limits, len(files)) if engine == "local" else []
    outcomes = sink = None
    try:
        sink = _ParquetSink(Path(parquet_dir)) if parquet_dir is not None else _StoreSink(store)
        known = frozenset(sink.known())
        # Largest files first: the long analyses start at once and the short ones
        # fill the gaps at the end, so several workers finish together.
        order = sorted(files, key=_size, reverse=True)
        if engine == "dask":
            outcomes = _run_dask(order, known, workers, scheduler, limits)
        else:
            outcomes = _run_guarded(order, known, pool)
        batch = _Batch()
        for status, path, doc_id, payload in outcomes:
            if status == "new":
                batch.add(path, doc_id, payload)
                if batch.full():
                    for outcome in sink.add_many(batch.take()):
                        report(*outcome)
            else:
                report(path, status, doc_id, payload)
        for outcome in sink.add_many(batch.take()):
            report(*outcome)
    finally:
        if outcomes is not None:
            outcomes.close()  # stops the workers now, also when the driver fails
        for worker in pool:
            worker.stop()
        if sink is not None:
            sink.close()
    result.doc_ids = [ids[p] for p in files if p in ids]
    order = {p: i for i, p in enumerate(files)}
    result.failed.sort(key=lambda f: order.get(f[0], 0))
    return result


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:  # a missing file fails in its worker, with its reason
        return 0


class _Batch:
    """Finished documents waiting to be stored together.

    One transaction per document costs the driver more than the inserts
    themselves (about 18 ms a document on the national reports, against 5 ms
    in batches of 16), so finished documents wait here until there are
    :data:`BATCH_DOCUMENTS` of them, :data:`BATCH_ROWS` rows, or the oldest has
    waited :data:`BATCH_SECONDS`, then go in one transaction.
    """

    def __init__(self) -> None:
        self.items: list[tuple[str, str, dict]] = []
        self.rows = 0
        self.since = 0.0

    def add(self, path: str, doc_id: str, columns: dict) -> None:
        import time

        if not self.items:
            self.since = time.monotonic()
        self.items.append((path, doc_id, columns))
        self.rows += sum(len(cols["doc_id"]) for cols in columns.values())

    def full(self) -> bool:
        import time

        return (len(self.items) >= BATCH_DOCUMENTS or self.rows >= BATCH_ROWS
                or time.monotonic() - self.since >= BATCH_SECONDS)

    def take(self) -> list[tuple[str, str, dict]]:
        """The waiting documents with their rows as store tables; the batch is empty again."""
        from .store import column_tables

        items, self.items, self.rows = self.items, [], 0
        return [(path, doc_id, column_tables(columns)) for path, doc_id, columns in items]


#: When finished documents go to the store (see :class:`_Batch`): the progress
#: callback hears of a stored document at most this late.
BATCH_DOCUMENTS = 32
BATCH_ROWS = 200_000
BATCH_SECONDS = 2.0


# --- the per-document work (runs in workers) ----------------------------------

def warm_up() -> None:
    """Load the language resources once in this process (Dask worker set-up).

    Calls :func:`summarylab.nlp.warm_up` (the segmentation engine and the
    user dictionary), then analyses a two-line report as a worker does
    (:func:`summarylab.store.analysis_columns`), so that every lexicon and
    pattern the facts and plans modules load lazily is loaded too; afterwards
    no document pays for loading.

    Example:
        >>> warm_up()
    """
    from . import nlp
    from .pipeline import read_text
    from .store import analysis_columns

    nlp.warm_up()
    analysis_columns(read_text(_WARM_UP_TEXT, path="<warm-up>"))


#: A tiny report that goes through every stage of the pipeline.
_WARM_UP_TEXT = (
    "某县妇联2021年工作总结和2022年工作计划\n一、主要工作\n举办培训班3期，培训妇女400多人。\n"
    "二、2022年工作计划\n（一）继续实施“春蕾计划”，资助女童10名。\n"
)


def analyse_path(path: str, known: frozenset = frozenset(), limits: Optional[Limits] = None,
                 payload: str = "columns") -> tuple[str, str, Optional[str], Any]:
    """Analyse one file as a batch worker does: never raises.

    Args:
        path: The file.
        known: doc_ids already stored: such a document is not analysed.
        limits: The size limits (default :data:`~summarylab.readers.DEFAULT_LIMITS`).
        payload: ``columns`` (the store's rows as column lists) or ``analysis``
            (an :class:`~summarylab.pipeline.Analysis`).

    Returns:
        ``(outcome, path, doc_id, payload)`` where outcome is ``new`` (payload:
        the column lists of :func:`summarylab.store.analysis_columns`),
        ``unchanged`` (payload None) or ``failed`` (payload: a one-line reason).

    Example:
        >>> analyse_path("missing.txt")[::3]
        ('failed', 'no such file')
    """
    from .model import Document
    from .pipeline import Analysis, analyse, read
    from .store import analysis_columns

    try:
        doc = read(path, limits)
        # The doc_id comes from the text alone: skip before the costly analysis.
        if doc.doc_id in known:
            return ("unchanged", path, doc.doc_id, None)
        if payload == "analysis":
            analysis = analyse(doc)
            # A fresh Document: what the analysis cached on it stays in the worker.
            fresh = Document(doc.text, doc.meta, doc.section_list)
            return ("new", path, doc.doc_id, Analysis(fresh, analysis.facts, analysis.plan_items))
        return ("new", path, doc.doc_id, analysis_columns(doc))
    except ReadError as err:
        return ("failed", path, None, err.reason)
    except MemoryError:
        return ("failed", path, None, "out of memory analysing this file")
    except RecursionError:
        return ("failed", path, None, "structure nested too deep to analyse")
    except Exception as err:  # one bad file must not stop the batch
        return ("failed", path, None, _one_line(err))


def _one_line(err: BaseException) -> str:
    from .readers import printable

    text = str(err).strip().splitlines()
    return printable(f"{type(err).__name__}: {text[0]}" if text else type(err).__name__)


# --- guarded workers -------------------------------------------------------------

def _serve() -> None:
    """The loop of a worker process: a path in, an outcome out, until told to stop.

    The driver talks to it over the process's stdin and stdout (pickled
    messages); stdout is then pointed at stderr, so that a library printing
    cannot corrupt the messages.  The worker loads its resources
    (:func:`warm_up`) before it reads the first message, ``(known, limits, payload)``.
    """
    import threading
    import time
    from multiprocessing.connection import Connection

    inbox = Connection(os.dup(0), writable=False)
    outbox = Connection(os.dup(1), readable=False)
    os.dup2(2, 1)

    # A driver killed with -9 cannot kill its workers; one stuck in a parser
    # loop would spin on as an orphan.  A watchdog thread ends the worker as
    # soon as its parent is gone.
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="summarylab-watchdog").start()
    try:
        # Load everything the analysis needs before the driver has sent anything:
        # the driver opens its store meanwhile.
        try:
            warm_up()
        except Exception:  # the first document's analysis meets it again and says why
            pass
        outbox.send(_READY)
        first = inbox.recv()
        if first is None:  # stopped before any work
            return
        known, limits, payload = first
        while True:
            path = inbox.recv()
            if path is None:
                return
            outbox.send(analyse_path(path, known, limits, payload))
    except (EOFError, OSError, KeyboardInterrupt):
        return


#: What a worker sends once it has loaded its resources.
_READY = "ready"
#: Seconds a worker may take to start and load its resources, on top of the
#: first file's time limit (a few seconds on a busy machine).
STARTUP_SECONDS = 60.0


class GuardedWorker:
    """A worker process that analyses one file at a time under a time limit.

    The driver sends a path and waits at most ``limits.timeout`` seconds; a
    worker still busy then is killed (a parser in an endless loop cannot be
    stopped any other way) and the file is failed with one line.  A worker
    that dies (a crash, the kernel's out-of-memory killer) fails only the file
    it held.  A new process starts on the next file.  A process loads the
    language resources once, as soon as it starts, and says when it is ready;
    a file's time limit runs from then (start-up gets :data:`STARTUP_SECONDS`
    more), so that loading never counts against a file.

    The worker is a fresh interpreter (``python -c``), not a multiprocessing
    child: it never re-imports the caller's ``__main__``, so a script without
    an ``if __name__ == "__main__":`` guard works, and nothing of the driver
    (an open DuckDB connection, threads) is inherited.

    Example:
        >>> w = GuardedWorker(Limits(timeout=60))          # doctest: +SKIP
        >>> w.run("corpora/000_85a1b6df8f5117e0.txt")[0]   # doctest: +SKIP
        'new'
        >>> w.stop()                                        # doctest: +SKIP
    """

    def __init__(self, limits: Limits = DEFAULT_LIMITS, known: frozenset = frozenset(),
                 payload: str = "columns"):
        self.limits, self.known, self.payload = limits, known, payload
        self.process = None
        self.conn = None        # messages from the worker (what the driver waits on)
        self._inbox = None      # messages to the worker
        self.path: Optional[str] = None
        self.deadline = 0.0
        self._configured = False
        self.ready = False      # the worker has loaded its resources

    def start(self) -> None:
        """Start the worker process now (it loads its resources at once); idempotent."""
        if self.process is None or self.process.poll() is not None:
            self._kill()
            self._start()

    def submit(self, path: str) -> None:
        """Hand ``path`` to the worker (starting it if needed); the clock starts now.

        The worker's first path goes with its configuration (known doc_ids,
        limits, payload), as they stand at this call.
        """
        import time

        self.start()
        if not self._configured:
            self._configured = True
            try:
                self._inbox.send((self.known, self.limits, self.payload))
            except OSError:  # the worker died on start: collect() reports it
                pass
        self.path = path
        self.deadline = time.monotonic() + self.limits.timeout + (0 if self.ready else STARTUP_SECONDS)
        try:
            self._inbox.send(path)
        except OSError:  # the worker died on start: collect() reports it
            pass

    def collect(self) -> Optional[tuple[str, str, Optional[str], Any]]:
        """The outcome of the submitted file, once :attr:`conn` is ready (or dead).

        None when the message was the worker's word that it has loaded its
        resources: the file's time limit starts again from now.
        """
        import time

        try:
            message = self.conn.recv()
        except (EOFError, OSError):
            path, self.path = self.path, None
            self._kill()
            return ("failed", path, None,
                    "the worker process died analysing this file (crash or out of memory)")
        if message == _READY:
            self.ready = True
            self.deadline = time.monotonic() + self.limits.timeout
            return None
        self.path = None
        return message

    def expire(self) -> tuple[str, str, Optional[str], Any]:
        """Kill the worker holding a file past its deadline; the file's outcome."""
        path, self.path = self.path, None
        self._kill()
        return ("failed", path, None,
                f"took longer than {self.limits.timeout:g} s (the time limit per file); skipped")

    def run(self, path: str) -> tuple[str, str, Optional[str], Any]:
        """Analyse one file and wait for it (at most the time limit)."""
        import time

        self.submit(path)
        while self.conn.poll(max(self.deadline - time.monotonic(), 0)):
            outcome = self.collect()
            if outcome is not None:
                return outcome
        return self.expire()

    def stop(self) -> None:
        """Let the worker exit (killed if it does not within a few seconds)."""
        import subprocess

        if self.process is None:
            return
        if self.path is None and self._configured:
            try:
                self._inbox.send(None)
                self.process.wait(5)
            except (OSError, ValueError, subprocess.TimeoutExpired):
                pass
        self._kill()

    def _start(self) -> None:
        import subprocess
        import sys
        from multiprocessing.connection import Connection

        # The worker imports the very package the driver runs (a checkout, not
        # whatever copy is installed), whatever the current folder.
        package_root = str(Path(__file__).resolve().parent.parent)
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH")) if p)
        self.process = subprocess.Popen(
            [sys.executable, "-c", "from summarylab.batch import _serve; _serve()"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
        self._inbox = Connection(os.dup(self.process.stdin.fileno()), readable=False)
        self.conn = Connection(os.dup(self.process.stdout.fileno()), writable=False)
        self.process.stdin.close()
        self.process.stdout.close()
        self._configured = self.ready = False

    def _kill(self) -> None:
        if self.process is not None:
            if self.process.poll() is None:
                self.process.kill()
            self.process.wait()
        for conn in (self.conn, self._inbox):
            if conn is not None:
                conn.close()
        self.process = self.conn = self._inbox = None


# --- engines -------------------------------------------------------------------

def _start_pool(workers: int, limits: Limits, files: int) -> list[GuardedWorker]:
    """``workers`` guarded workers (no more than there are files), started."""
    pool = [GuardedWorker(limits) for _ in range(min(workers, files))]
    for worker in pool:
        worker.start()
    return pool


def _run_guarded(files: list[str], known: frozenset, pool: list[GuardedWorker]):
    """Outcomes of ``files`` analysed by the guarded workers of ``pool`` (stopped at the end)."""
    import time
    from collections import deque
    from multiprocessing.connection import wait

    pending = deque(files)
    for worker in pool:
        worker.known = known
    try:
        while pending or any(w.path is not None for w in pool):
            for worker in pool:
                if worker.path is None and pending:
                    worker.submit(pending.popleft())
            busy = {w.conn: w for w in pool if w.path is not None}
            soonest = min(w.deadline for w in busy.values())
            for conn in wait(list(busy), timeout=max(soonest - time.monotonic(), 0)):
                outcome = busy[conn].collect()
                if outcome is not None:
                    yield outcome
            now = time.monotonic()
            for worker in busy.values():
                if worker.path is not None and worker.deadline <= now:
                    yield worker.expire()
    finally:
        for worker in pool:
            worker.stop()


def _run_dask(files: list[str], known: frozenset, workers: int, scheduler: Optional[str],
              limits: Limits = DEFAULT_LIMITS):
    import logging

    from distributed import Client, LocalCluster, as_completed

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=logging.ERROR)
        client = Client(cluster)
    try:
        client.run(warm_up)  # once per worker, before any document
        # Wrapped in a list: scatter would otherwise send each doc_id on its own.
        [known_future] = client.scatter([known], broadcast=True)
        futures = client.map(analyse_path, files, known=known_future, limits=limits,
                             payload="columns", pure=False)
        paths = {f.key: p for f, p in zip(futures, files)}
        for fut in as_completed(futures):
            try:
                outcome = fut.result()
            except Exception as err:  # a worker killed repeatedly (KilledWorker) and the like
                outcome = ("failed", paths[fut.key], None, _one_line(err))
            fut.release()
            yield outcome
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


# --- sinks (driver side) ------------------------------------------------------

class _StoreSink:
    """The store as ingest writes it.  A store path that does not exist yet is
    created only when the first document arrives: an ingest of nothing but
    bad or missing files leaves no empty store behind."""

    def __init__(self, store: Union["Store", PathLike]):
        from .store import Store

        self.store = self.own = None
        if isinstance(store, Store):
            self.store = store
        elif Path(store).exists():
            self.store = self.own = _writer(Store(store))  # taken now: a locked store fails first
        else:
            self.path = Path(store)

    def known(self) -> set[str]:
        return self.store.doc_ids() if self.store is not None else set()

    def add_many(self, items: list[tuple[str, str, dict]]) -> list[tuple[str, str, str, Optional[str]]]:
        """Store finished documents; ``(path, outcome, doc_id, reason)`` for each.

        One transaction for all of them; if it fails, each document is tried in
        a transaction of its own, so a document the store rejects fails alone
        (with its reason) and the others are kept.
        """
        if not items:
            return []
        if self.store is None:
            # Created with the first document; a store that cannot be created
            # stops the batch, with its reason.
            from .store import Store

            self.store = self.own = _writer(Store(self.path))
        try:
            added = self.store.add_many([tables for _, _, tables in items])
        except Exception as err:  # the transaction rolled back
            if len(items) == 1:
                path, _, _ = items[0]
                return [(path, "failed", None, f"not stored: {_one_line(err)}")]
            return [outcome for item in items for outcome in self.add_many([item])]
        # False: the same text twice in one batch, or stored meanwhile
        return [(path, "new" if new else "unchanged", doc_id, None)
                for (path, doc_id, _), new in zip(items, added)]

    def close(self) -> None:
        if self.own is not None:
            self.own.close()


def _writer(store: "Store") -> "Store":
    # The store ingest opens only inserts: one DuckDB thread leaves the cores
    # to the workers (and spends less CPU than several on these inserts).
    store.connection.execute("SET threads TO 1")
    return store


class _ParquetSink:
    def __init__(self, root: Path):
        self.root = root
        for name in PARQUET_TABLES:
            (root / name).mkdir(parents=True, exist_ok=True)

    def known(self) -> set[str]:
        return {p.stem for p in (self.root / "documents").glob("*.parquet")}

    def close(self) -> None:
        pass

    def add_many(self, items: list[tuple[str, str, dict]]) -> list[tuple[str, str, str, Optional[str]]]:
        out = []
        for path, doc_id, tables in items:
            try:
                new = self.add(tables)
            except Exception as err:
                out.append((path, "failed", None, f"not stored: {_one_line(err)}"))
            else:
                out.append((path, "new" if new else "unchanged", doc_id, None))
        return out

    def add(self, tables: dict) -> bool:
        import pyarrow.parquet as pq

        doc_id = tables["documents"].column("doc_id")[0].as_py()
        if (self.root / "documents" / f"{doc_id}.parquet").exists():
            return False
        # Each file appears whole (write then rename) and documents/ comes last,
        # so a document listed in documents/ has all its rows.
        for name in PARQUET_TABLES:
            final = self.root / name / f"{doc_id}.parquet"
            tmp = final.with_name(f".{doc_id}.parquet.tmp")
            pq.write_table(tables[name], tmp)
            os.replace(tmp, final)
        return True
