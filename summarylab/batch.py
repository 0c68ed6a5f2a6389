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
        workers: Worker processes (local engine: forks of one
            :class:`ForkServer`, also for ``workers=1``) or workers of the local
            Dask cluster.
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
    # The fork server starts now: it imports and loads the language resources
    # while this process opens the store, then forks the workers.
    server, pool = _start_pool(workers, limits, len(files)) if engine == "local" else (None, [])
    outcomes = sink = None
    try:
        sink = _ParquetSink(Path(parquet_dir)) if parquet_dir is not None else _StoreSink(store)
        known = frozenset(sink.known())
        _load_writer()
        # Largest files first: the long analyses start at once and the short ones
        # fill the gaps at the end, so several workers finish together.
        order = sorted(files, key=_size, reverse=True)
        if engine == "dask":
            outcomes = _run_dask(order, known, workers, scheduler, limits)
        else:
            outcomes = _run_guarded(order, known, pool)
        batch = _Batch()
        # Once every file is in a worker's hands, each finished document is stored at once: the
        # last inserts overlap the last analyses instead of following them.
        last_round, received = total - (len(pool) or workers), 0
        for status, path, doc_id, payload in outcomes:
            received += 1
            if status == "new":
                batch.add(path, doc_id, payload)
                if batch.full() or received >= last_round:
                    for outcome in sink.add_many(batch.take()):
                        report(*outcome)
            else:
                report(path, status, doc_id, payload)
        for outcome in sink.add_many(batch.take()):
            report(*outcome)
    finally:
        _shut_down(outcomes, server, pool, sink)
    result.doc_ids = [ids[p] for p in files if p in ids]
    order = {p: i for i, p in enumerate(files)}
    result.failed.sort(key=lambda f: order.get(f[0], 0))
    return result


def _shut_down(outcomes, server: Optional["ForkServer"], pool: list["GuardedWorker"], sink) -> None:
    """End an ingest's work, also when the driver fails: outcomes, workers, server, store."""
    if outcomes is not None:
        outcomes.close()  # the Dask cluster ends now
    try:
        for worker in pool:
            worker.stop()
        if server is not None:
            server.close()  # it exits while the store closes
        if sink is not None:
            sink.close()
    finally:
        if server is not None:
            server.stop()


def _load_writer() -> None:
    """Load what turning the workers' columns into tables needs, now.

    pyarrow, and pandas, which pyarrow imports on its first array, cost the
    driver about half a second of CPU: spent while the fork server loads the
    analysis (the driver has nothing else to do then), not later, when the
    workers need the cores.  Inserting the column lists as DuckDB list
    parameters instead, with neither import, was measured (callgrind, one
    worker, the national reports): 4% fewer driver instructions in all, but
    DuckDB's conversion of the Python values cost about a billion instructions
    (0.3 s) more than the Arrow inserts, in the phase where the driver competes
    with the workers for the cores; so the imports stay, early.
    """
    from .store import TABLE_TYPES, column_tables

    column_tables({"sections": {column: [] for column, _ in TABLE_TYPES["sections"]}})


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


#: A tiny report that goes through every stage of the pipeline: an Arabic and a Chinese
#: numeral (四百: cn2an, imported on the first, is loaded once in the fork server instead of
#: in every worker), a plan part (jieba's dictionary tags, which the plan reader asks).
_WARM_UP_TEXT = (
    "某县妇联2021年工作总结和2022年工作计划\n一、主要工作\n举办培训班3期，培训妇女四百多人。\n"
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

def _serve(conn: Any) -> None:
    """The loop of a worker process: a path in, an outcome out, until told to stop.

    Runs in a fork of the warmed :class:`ForkServer` (everything the analysis
    needs is loaded already) and talks to the driver over ``conn``, a
    :class:`~multiprocessing.connection.Connection` on its own socket (pickled
    messages).  It first says it is ready, then reads its configuration,
    ``(known, limits, payload)``, then one path at a time.
    """
    import threading
    import time

    from .model import collector_paused

    # A driver killed with -9 cannot kill its workers; the fork server kills them when the
    # driver's end of its socket closes, and if the server is gone too, this watchdog ends a
    # worker stuck in a parser loop instead of letting it spin on as an orphan.
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="summarylab-watchdog").start()
    try:
        conn.send(_READY)
        first = conn.recv()
        if first is None:  # stopped before any work
            return
        known, limits, payload = first
        while True:
            path = conn.recv()
            if path is None:
                return
            # No collection while a document is read, analysed and sent: its objects (the
            # tagging, the sentences, the rows) are all alive until then, so a collection
            # would walk them for nothing (the one at the end of the plan reading cost 3% of
            # a worker); once sent, reference counting frees them all, and the collector
            # resumes with nothing of the document left to walk.
            with collector_paused():
                _answer(conn, path, known, limits, payload)
    except (EOFError, OSError, KeyboardInterrupt):
        return


def _answer(conn: Any, path: str, known: frozenset, limits: Limits, payload: str) -> None:
    """Send the outcome of ``path``; the document is freed when this returns."""
    conn.send(analyse_path(path, known, limits, payload))


#: What a worker sends once it is ready for work.
_READY = "ready"
#: Seconds a worker may take to start and load its resources, on top of the
#: first file's time limit (a few seconds on a busy machine).
STARTUP_SECONDS = 60.0

# The fork server's requests and replies: an operation (fork, kill) and a worker number,
# then in a reply the worker's process id; fixed size, so a reply is read whole.
_MESSAGE = "!cIi"
_MESSAGE_BYTES = 9


def _fork_server(fd: int) -> None:
    """The fork server's loop (see :class:`ForkServer`); ``fd`` is its end of the driver's socket."""
    import gc
    import socket
    import struct
    from multiprocessing.connection import Connection

    # A library printing must not reach the driver's stdout (the CLI's output).
    os.dup2(2, 1)
    control = socket.socket(fileno=fd)
    children: dict[int, int] = {}  # worker number -> process id
    try:
        try:
            warm_up()
        except Exception:  # the first document's analysis meets it again and says why
            pass
        # The loaded resources live as long as the workers: frozen, no collection in a worker
        # walks them (nor writes to their pages, which the forks share with this process).
        gc.freeze()
        while True:
            data, fds, _, _ = socket.recv_fds(control, _MESSAGE_BYTES, 1)
            if len(data) < _MESSAGE_BYTES:  # the driver closed its end (done, or gone)
                for extra in fds:
                    os.close(extra)
                return
            op, number, _ = struct.unpack(_MESSAGE, data)
            if op == b"F" and fds:
                try:
                    pid = os.fork()
                except OSError:  # no process to be had: the driver sees EOF, the file fails
                    os.close(fds[0])
                    control.sendall(struct.pack(_MESSAGE, b"F", number, 0))
                    continue
                if pid == 0:  # the worker
                    status = 0
                    try:
                        control.close()
                        _serve(Connection(fds[0]))
                    except BaseException:
                        status = 1
                    finally:
                        os._exit(status)
                os.close(fds[0])  # only the worker holds it: the driver sees EOF when it dies
                children[number] = pid
                control.sendall(struct.pack(_MESSAGE, b"F", number, pid))
            elif op == b"K":
                pid = children.pop(number, None)
                if pid is not None:
                    _kill_and_reap(pid)
                control.sendall(struct.pack(_MESSAGE, b"K", number, pid or 0))
    except (OSError, KeyboardInterrupt):
        pass
    for pid in children.values():
        _kill_and_reap(pid)
    # Nothing to tidy: skip the interpreter's teardown of everything loaded (a tenth of a
    # second the driver would wait for).
    os._exit(0)


def _kill_and_reap(pid: int) -> None:
    import signal

    try:
        os.kill(pid, signal.SIGKILL)  # our own child, not yet reaped: never another process
    except ProcessLookupError:
        pass
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass


class ForkServer:
    """A process that has loaded the analysis once and forks guarded workers from it.

    It is a fresh interpreter (``python -c``), not a multiprocessing child: it
    never re-imports the caller's ``__main__`` (a script without an
    ``if __name__ == "__main__":`` guard works) and inherits no DuckDB
    connection or thread of the driver.  It imports the analysis and loads its
    resources (:func:`warm_up`) as soon as it starts, while the driver opens
    the store; every worker is then a fork of it, ready within milliseconds,
    whereas a fresh interpreter paid about a second for the same loading (the
    regular expressions, cn2an, the dictionaries) in every worker, and again
    after each worker killed past its time limit.

    The driver asks over a socket (file descriptors passed along): ``fork``
    hands the server one end of a new socket pair, which becomes the worker's
    line to the driver; ``kill`` kills and reaps a worker (the server is its
    parent, so the process id cannot have been reused).  When the driver's end
    closes (the ingest is over, or the driver died) the server kills its
    workers and exits.
    """

    def __init__(self) -> None:
        self.process = None
        self._control = None
        self._replies: dict[tuple[bytes, int], int] = {}
        self._numbers = 0

    def start(self) -> None:
        """Start the server process now, unless it is running; idempotent."""
        import socket
        import subprocess
        import sys

        if self.process is not None and self.process.poll() is None:
            return
        self.stop()
        ours, theirs = socket.socketpair()
        # The server imports the very package the driver runs (a checkout, not
        # whatever copy is installed), whatever the current folder: first on its
        # path, before the current folder (which may hold another checkout).
        package_root = str(Path(__file__).resolve().parent.parent)
        code = (f"import sys; sys.path.insert(0, {package_root!r}); "
                f"from summarylab.batch import _fork_server; _fork_server({theirs.fileno()})")
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-c", code],
                stdin=subprocess.DEVNULL, pass_fds=(theirs.fileno(),))
        finally:
            theirs.close()
        ours.settimeout(STARTUP_SECONDS)  # a reply waits at most for the loading
        self._control = ours
        self._replies.clear()

    def fork(self) -> tuple["_Forked", Any]:
        """A new worker: its process handle and the driver's :class:`Connection` to it.

        Returns at once; the worker sends :data:`_READY` over the connection
        once it runs (as soon as the server has loaded the analysis).
        """
        import socket
        import struct
        from multiprocessing.connection import Connection

        self.start()
        ours, theirs = socket.socketpair()
        self._numbers += 1
        try:
            socket.send_fds(self._control, [struct.pack(_MESSAGE, b"F", self._numbers, 0)],
                            [theirs.fileno()])
        except OSError:  # the server died: the connection sees EOF, the file fails with a reason
            pass
        finally:
            theirs.close()
        return _Forked(self, self._numbers), Connection(ours.detach())

    def pid(self, number: int) -> Optional[int]:
        """The process id of worker ``number`` (waits for the server to fork it)."""
        return self._reply(b"F", number)

    def kill(self, number: int) -> None:
        """Kill worker ``number`` (if still running) and reap it; returns once it is gone."""
        import struct

        try:
            self._control.sendall(struct.pack(_MESSAGE, b"K", number, 0))
        except (OSError, AttributeError):  # no server: its workers ended with it
            return
        self._reply(b"K", number)

    def _reply(self, op: bytes, number: int) -> Optional[int]:
        import socket
        import struct

        while (op, number) not in self._replies:
            try:
                data = self._control.recv(_MESSAGE_BYTES, socket.MSG_WAITALL)
            except (OSError, AttributeError):
                data = b""
            if len(data) < _MESSAGE_BYTES:  # the server is gone (or stuck): end it
                self._end_server()
                return None
            got, n, pid = struct.unpack(_MESSAGE, data)
            self._replies[(got, n)] = pid
        return self._replies.pop((op, number))

    def close(self) -> None:
        """Close the server's socket: it kills its workers and exits (:meth:`stop` waits for it)."""
        if self._control is not None:
            self._control.close()
            self._control = None

    def stop(self) -> None:
        """Close the server's socket and wait for it to exit (killed if it does not); idempotent."""
        import subprocess

        self.close()
        if self.process is not None:
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self._end_server()
            self.process = None

    def _end_server(self) -> None:
        # Its workers' watchdogs see their parent gone and end them.
        if self._control is not None:
            self._control.close()
            self._control = None
        if self.process is not None:
            if self.process.poll() is None:
                self.process.kill()
            self.process.wait()


class _Forked:
    """The handle of one forked worker process (what ``GuardedWorker.process`` holds)."""

    def __init__(self, server: ForkServer, number: int):
        self.server, self.number = server, number
        self._pid: Optional[int] = None
        self.killed = False

    @property
    def pid(self) -> Optional[int]:
        """The worker's process id (None if the server died before forking it)."""
        if self._pid is None and not self.killed:
            self._pid = self.server.pid(self.number) or None  # 0: the fork failed
        return self._pid

    def kill(self) -> None:
        """Kill the worker and wait until it is reaped (idempotent)."""
        if not self.killed:
            self.killed = True
            self.server.kill(self.number)


class GuardedWorker:
    """A worker process that analyses one file at a time under a time limit.

    The driver sends a path and waits at most ``limits.timeout`` seconds; a
    worker still busy then is killed (a parser in an endless loop cannot be
    stopped any other way) and the file is failed with one line.  A worker
    that dies (a crash, the kernel's out-of-memory killer) fails only the file
    it held.  A new process starts on the next file.  Workers are forks of a
    :class:`ForkServer` that loads the language resources once; a worker says
    when it is ready, and a file's time limit runs from then (start-up gets
    :data:`STARTUP_SECONDS` more), so that loading never counts against a file.

    Args:
        limits: The per-file limits.
        known: doc_ids already stored (such a document is not analysed).
        payload: What a new document's outcome carries (see :func:`analyse_path`).
        server: The fork server to fork from (a pool shares one); without it
            the worker starts its own and stops it with itself.

    Example:
        >>> w = GuardedWorker(Limits(timeout=60))          # doctest: +SKIP
        >>> w.run("corpora/000_85a1b6df8f5117e0.txt")[0]   # doctest: +SKIP
        'new'
        >>> w.stop()                                        # doctest: +SKIP
    """

    def __init__(self, limits: Limits = DEFAULT_LIMITS, known: frozenset = frozenset(),
                 payload: str = "columns", server: Optional[ForkServer] = None):
        self.limits, self.known, self.payload = limits, known, payload
        self.server = server or ForkServer()
        self._own_server = server is None
        self.process: Optional[_Forked] = None
        self.conn = None        # the line to the worker, both ways (what the driver waits on)
        self.path: Optional[str] = None
        self.deadline = 0.0
        self._configured = False
        self._retired = False   # told to exit
        self.ready = False      # the worker is running and loaded

    def start(self) -> None:
        """Start the worker process now (forked once the server has loaded); idempotent."""
        if self.process is not None and (self._retired or (self.ready and self.path is None
                                                           and self.conn.poll(0))):
            self._kill()  # told to exit, or died while idle (its line is at EOF): a new one
        if self.process is None:
            self.process, self.conn = self.server.fork()
            self._configured = self.ready = self._retired = False

    def submit(self, path: str) -> None:
        """Hand ``path`` to the worker (starting it if needed); the clock starts now.

        The worker's first path goes with its configuration (known doc_ids,
        limits, payload), as they stand at this call.
        """
        import time

        self.start()
        try:
            if not self._configured:
                self._configured = True
                self.conn.send((self.known, self.limits, self.payload))
            self.conn.send(path)
        except OSError:  # the worker died on start: collect() reports it
            pass
        self.path = path
        self.deadline = time.monotonic() + self.limits.timeout + (0 if self.ready else STARTUP_SECONDS)

    def collect(self) -> Optional[tuple[str, str, Optional[str], Any]]:
        """The outcome of the submitted file, once :attr:`conn` is ready (or dead).

        None when the message was the worker's word that it is ready: the
        file's time limit starts again from now.
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

    def retire(self) -> None:
        """Tell an idle worker to exit, without waiting for it (:meth:`stop` then reaps it)."""
        if self.process is not None and self.path is None and self._configured and not self._retired:
            self._retired = True
            try:
                self.conn.send(None)
            except OSError:
                pass

    def stop(self) -> None:
        """Let the worker exit (killed if it does not within a few seconds); idempotent."""
        self.retire()
        if self._retired:
            try:
                if self.conn.poll(5):  # its line closes when it exits
                    self.conn.recv()
            except (EOFError, OSError):
                pass
        self._kill()
        if self._own_server:
            self.server.stop()

    def _kill(self) -> None:
        if self.process is not None:
            self.process.kill()
        if self.conn is not None:
            self.conn.close()
        self.process = self.conn = None
        self._configured = self.ready = self._retired = False


# --- engines -------------------------------------------------------------------

def _start_pool(workers: int, limits: Limits, files: int) -> tuple[Optional[ForkServer], list[GuardedWorker]]:
    """A fork server and ``workers`` guarded workers forked from it (no more than there are files)."""
    if not files:
        return None, []
    server = ForkServer()
    server.start()
    pool = [GuardedWorker(limits, server=server) for _ in range(min(workers, files))]
    for worker in pool:
        worker.start()
    return server, pool


def _run_guarded(files: list[str], known: frozenset, pool: list[GuardedWorker]):
    """Outcomes of ``files`` analysed by the guarded workers of ``pool`` (the caller stops them)."""
    import time
    from collections import deque
    from multiprocessing.connection import wait

    pending = deque(files)
    for worker in pool:
        worker.known = known
    while pending or any(w.path is not None for w in pool):
        for worker in pool:
            if worker.path is None and pending:
                worker.submit(pending.popleft())
        busy = {w.conn: w for w in pool if w.path is not None}
        soonest = min(w.deadline for w in busy.values())
        for conn in wait(list(busy), timeout=max(soonest - time.monotonic(), 0)):
            worker = busy[conn]
            outcome = worker.collect()
            if outcome is not None:
                if pending:  # its next file first: the worker works while the driver stores
                    worker.submit(pending.popleft())
                else:  # nothing left for it: it exits while the others finish
                    worker.retire()
                yield outcome
        now = time.monotonic()
        for worker in busy.values():
            if worker.path is not None and worker.deadline <= now:
                yield worker.expire()


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
