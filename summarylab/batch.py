"""Batch ingest: many files analysed in parallel, stored by one writer.

The per-document work (read, structure, facts, plan items) runs in worker
processes, local (:class:`concurrent.futures.ProcessPoolExecutor`) or on a
Dask distributed cluster; only the driver writes, one transaction per
document, so the store never sees two writers.  Workers load the language
resources (jieba dictionary, spaCy pipeline) once when they start, not once
per document, and compute the doc_id before the heavy analysis so that an
unchanged document costs a read, not an analysis.

Workers hand back the document's rows as pyarrow tables typed like the store
(:func:`summarylab.store.analysis_tables`): the conversion runs in parallel
and the driver only inserts.  With ``parquet_dir`` the driver writes one
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

from .readers import SUPPORTED_SUFFIXES

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
    files = [str(p) for p in expand_paths(paths)]
    total = len(files)
    result = IngestResult()
    ids: dict[str, str] = {}
    if progress:
        progress(0, total, "", "start")

    own_store = None
    if parquet_dir is not None:
        sink = _ParquetSink(Path(parquet_dir))
    else:
        from .store import Store

        if not isinstance(store, Store):
            store = own_store = Store(store)
        sink = _StoreSink(store)
    outcomes = None
    try:
        known = frozenset(sink.known())
        if engine == "dask":
            outcomes = _run_dask(files, known, workers, scheduler)
        elif workers == 1:
            outcomes = _run_here(files, known)
        else:
            outcomes = _run_pool(files, known, workers)
        done = 0
        for outcome in outcomes:
            status, path, doc_id, payload = outcome
            if status == "new":
                try:
                    if not sink.add(payload):
                        status = "unchanged"  # the same text twice in one batch
                except Exception as err:  # its transaction rolled back; go on with the rest
                    status, payload = "failed", f"not stored: {_one_line(err)}"
            if status == "failed":
                result.failed.append((path, payload))
            else:
                ids[path] = doc_id
                if status == "new":
                    result.new += 1
                else:
                    result.unchanged += 1
            done += 1
            if progress:
                progress(done, total, path, status)
    finally:
        if outcomes is not None:
            outcomes.close()  # stops the workers now, also when the driver fails
        if own_store is not None:
            own_store.close()
    result.doc_ids = [ids[p] for p in files if p in ids]
    order = {p: i for i, p in enumerate(files)}
    result.failed.sort(key=lambda f: order.get(f[0], 0))
    return result


# --- the per-document work (runs in workers) ----------------------------------

_KNOWN: frozenset = frozenset()


def warm_up() -> None:
    """Load the language resources once in this process (worker initialiser).

    Calls :func:`summarylab.nlp.warm_up` (jieba dictionary, spaCy pipeline)
    when the nlp module provides it, then analyses a two-line report so that
    every lexicon the facts and plans modules load lazily is loaded too;
    afterwards no document pays for loading.

    Example:
        >>> warm_up()
    """
    from . import nlp
    from .pipeline import analyse, read_text

    loader = getattr(nlp, "warm_up", None)
    if loader is not None:
        loader()
    analyse(read_text(_WARM_UP_TEXT, path="<warm-up>"))


#: A tiny report that goes through every stage of the pipeline.
_WARM_UP_TEXT = (
    "某县妇联2021年工作总结和2022年工作计划\n一、主要工作\n举办培训班3期，培训妇女400多人。\n"
    "二、2022年工作计划\n（一）继续实施“春蕾计划”，资助女童10名。\n"
)


def _init_worker(known: frozenset) -> None:
    global _KNOWN
    _KNOWN = known
    warm_up()


def analyse_path(path: str, known: Optional[frozenset] = None) -> tuple[str, str, Optional[str], Any]:
    """Analyse one file as a batch worker does: never raises.

    Args:
        path: The file.
        known: doc_ids already stored: such a document is not analysed.

    Returns:
        ``(outcome, path, doc_id, payload)`` where outcome is ``new`` (payload:
        the store tables of :func:`summarylab.store.analysis_tables`),
        ``unchanged`` (payload None) or ``failed`` (payload: a one-line reason).

    Example:
        >>> analyse_path("missing.txt")[::3]
        ('failed', 'no such file')
    """
    from .pipeline import analyse, read
    from .readers import ReadError
    from .store import analysis_tables

    known = _KNOWN if known is None else known
    try:
        doc = read(path)
        # The doc_id comes from the text alone: skip before the costly analysis.
        if doc.doc_id in known:
            return ("unchanged", path, doc.doc_id, None)
        return ("new", path, doc.doc_id, analysis_tables(analyse(doc)))
    except ReadError as err:
        return ("failed", path, None, err.reason)
    except Exception as err:  # one bad file must not stop the batch
        return ("failed", path, None, _one_line(err))


def _one_line(err: BaseException) -> str:
    text = str(err).strip().splitlines()
    return f"{type(err).__name__}: {text[0]}" if text else type(err).__name__


# --- engines -------------------------------------------------------------------

def _run_here(files: list[str], known: frozenset):
    # No warm-up here: resources load on the first document that needs them,
    # so re-ingesting an unchanged corpus costs only the reading.
    for path in files:
        yield analyse_path(path, known)


def _run_pool(files: list[str], known: frozenset, workers: int):
    import multiprocessing
    from collections import deque
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    # spawn, not fork: the driver holds an open DuckDB connection and threads.
    context = multiprocessing.get_context("spawn")
    pending = deque(files)
    # When a worker dies, every file in flight is a suspect: each is then run
    # alone, so the one that kills a worker by itself is failed and the
    # innocent ones are analysed normally.
    suspects: deque = deque()
    alone: Optional[str] = None
    # A few documents in flight per worker keeps them busy without holding
    # the results of a whole corpus in memory.
    limit = workers * 2

    def new_pool():
        return ProcessPoolExecutor(max_workers=workers, mp_context=context,
                                   initializer=_init_worker, initargs=(known,))

    pool = new_pool()
    running: dict[Any, str] = {}
    try:
        while pending or suspects or running:
            if alone is None and suspects and not running:
                alone = suspects.popleft()
                running[pool.submit(analyse_path, alone)] = alone
            elif alone is None and not suspects:
                while pending and len(running) < limit:
                    path = pending.popleft()
                    running[pool.submit(analyse_path, path)] = path
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            broken, culprit = [], None
            for fut in finished:
                path = running.pop(fut)
                was_alone, alone = path == alone, (None if path == alone else alone)
                try:
                    yield fut.result()
                except BrokenProcessPool:
                    if was_alone:
                        culprit = path
                    else:
                        broken.append(path)
            if culprit is None and not broken:
                continue
            # A pool whose worker died takes no more work: fail or requeue what it held.
            broken += running.values()
            running.clear()
            pool.shutdown(wait=True, cancel_futures=True)
            pool = new_pool()
            if culprit is not None:
                yield ("failed", culprit, None,
                       "the worker process died analysing this file (crash or out of memory)")
            suspects.extend(broken)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _run_dask(files: list[str], known: frozenset, workers: int, scheduler: Optional[str]):
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
        futures = client.map(analyse_path, files, known=known_future, pure=False)
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
    def __init__(self, store: "Store"):
        self.store = store

    def known(self) -> set[str]:
        return self.store.doc_ids()

    def add(self, tables: dict) -> bool:
        return self.store.add_tables(tables)


class _ParquetSink:
    def __init__(self, root: Path):
        self.root = root
        for name in PARQUET_TABLES:
            (root / name).mkdir(parents=True, exist_ok=True)

    def known(self) -> set[str]:
        return {p.stem for p in (self.root / "documents").glob("*.parquet")}

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
