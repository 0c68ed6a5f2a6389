"""The corpus store: analysed documents in one embedded DuckDB file.

Tables (columns exactly as DESIGN.md; lists are DuckDB lists):

* ``documents``: the Document columns plus ``text``, the normalised text that
  every ``start``/``end`` offset indexes;
* ``sections``, ``facts``, ``plan_items``: the Section, Fact and PlanItem columns;
* ``reviews``: the Review columns, a person's verdict on one row of a plan check
  (the latest review of a plan, summary, item and commitment wins);
* ``schema_version``: one row, the version of this layout.

Each document is added in one transaction: all of its rows or none, so a
crash or ``kill -9`` mid-ingest leaves every document whole or absent (DuckDB's
write-ahead log drops uncommitted work on the next open).  DuckDB lets one
process write a file at a time; a second one gets :class:`StoreLockedError`
with a readable message (or waits, with ``timeout``), never a corrupt file.

The store is plain DuckDB, so SQL works too::

    import duckdb
    con = duckdb.connect("summarylab.duckdb", read_only=True)
    con.sql("SELECT d.org, f.indicator, f.base_value FROM facts f "
            "JOIN documents d USING (doc_id) WHERE f.kind = 'money'").df()
"""

from __future__ import annotations

import array
import math
import os
import re
import sys
import time
from itertools import accumulate
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Optional, Union

from .model import (
    DOCUMENT_COLUMNS, FACT_COLUMNS, PLAN_ITEM_COLUMNS, SECTION_COLUMNS,
    Document, DocumentMeta, Section,
)

if TYPE_CHECKING:  # imported lazily: the CLI imports this module at start-up
    from datetime import datetime

    import pandas as pd
    import pyarrow as pa

#: Version of the table layout below; bump it and add a step to _MIGRATIONS on change.
SCHEMA_VERSION = 2

#: Default store file (the CLI's ``--store`` and ``$SUMMARYLAB_STORE`` override it).
DEFAULT_STORE = "summarylab.duckdb"

#: Column types of every table, in contract order.
TABLE_TYPES: dict[str, list[tuple[str, str]]] = {
    "documents": [
        ("doc_id", "VARCHAR"), ("path", "VARCHAR"), ("title", "VARCHAR"),
        ("org", "VARCHAR"), ("year", "INTEGER"), ("plan_year", "INTEGER"),
        ("kind", "VARCHAR"), ("chars", "INTEGER"), ("encoding", "VARCHAR"),
        ("source_format", "VARCHAR"), ("text", "VARCHAR"),
    ],
    "sections": [
        ("doc_id", "VARCHAR"), ("section_id", "VARCHAR"), ("parent_id", "VARCHAR"),
        ("level", "INTEGER"), ("marker", "VARCHAR"), ("title", "VARCHAR"),
        ("kind", "VARCHAR"), ("start", "INTEGER"), ("end", "INTEGER"),
    ],
    "facts": [
        ("doc_id", "VARCHAR"), ("fact_id", "INTEGER"), ("section_id", "VARCHAR"),
        ("section_kind", "VARCHAR"), ("start", "INTEGER"), ("end", "INTEGER"),
        ("surface", "VARCHAR"), ("value", "DOUBLE"), ("unit", "VARCHAR"),
        ("value_max", "DOUBLE"), ("base_value", "DOUBLE"), ("base_unit", "VARCHAR"),
        ("kind", "VARCHAR"), ("aspect", "VARCHAR"), ("approx", "VARCHAR"),
        ("role", "VARCHAR"), ("target_of", "INTEGER"), ("indicator", "VARCHAR"),
        ("sentence", "VARCHAR"), ("year", "INTEGER"),
    ],
    "plan_items": [
        ("doc_id", "VARCHAR"), ("item_id", "VARCHAR"), ("plan_year", "INTEGER"),
        ("title", "VARCHAR"), ("text", "VARCHAR"), ("commitments", "VARCHAR[]"),
        ("keywords", "VARCHAR[]"), ("targets", "INTEGER[]"), ("due_year", "INTEGER"),
    ],
    # Added in schema 2.  Not per document: a review names two documents and
    # stays when either is removed (a re-ingested text gets the same doc_id back).
    "reviews": [
        ("plan_doc_id", "VARCHAR"), ("summary_doc_id", "VARCHAR"), ("item_id", "VARCHAR"),
        ("commitment", "VARCHAR"), ("machine_verdict", "VARCHAR"), ("verdict", "VARCHAR"),
        ("remark", "VARCHAR"), ("reviewer", "VARCHAR"), ("reviewed_at", "TIMESTAMP"),
    ],
}
#: The Review columns of DESIGN.md (a person's verdict on one Check row).
REVIEW_COLUMNS = [c for c, _ in TABLE_TYPES["reviews"]]
#: The verdicts a review may give (the Check verdicts).
REVIEW_VERDICTS = ("delivered", "partial", "not_found", "not_due")
#: The contract columns each table returns (documents without its text).
TABLE_COLUMNS = {
    "documents": DOCUMENT_COLUMNS, "sections": SECTION_COLUMNS,
    "facts": FACT_COLUMNS, "plan_items": PLAN_ITEM_COLUMNS,
    "reviews": REVIEW_COLUMNS,
}
_KEYS = {
    "documents": ("doc_id",), "sections": ("doc_id", "section_id"),
    "facts": ("doc_id", "fact_id"), "plan_items": ("doc_id", "item_id"),
    "reviews": ("plan_doc_id", "summary_doc_id", "item_id", "commitment"),
}
_ORDER = {
    "documents": "year, org, path", "sections": "doc_id, start, level",
    "facts": "doc_id, fact_id",
    # item_ids are dotted ordinals ("4.10" after "4.9"): order them as numbers.
    "plan_items": "doc_id, TRY_CAST(string_split(item_id, '.') AS INTEGER[]), item_id",
    "reviews": ("plan_doc_id, summary_doc_id, "
                "TRY_CAST(string_split(item_id, '.') AS INTEGER[]), item_id, commitment"),
}


def _create_table(con: Any, name: str) -> None:
    body = ", ".join(f'"{c}" {t}' for c, t in TABLE_TYPES[name])
    key = ", ".join(f'"{c}"' for c in _KEYS[name])
    con.execute(f"CREATE TABLE {name} ({body}, PRIMARY KEY ({key}))")


def _migrate_1_to_2(con: Any) -> None:
    # Schema 2 adds the reviews table; the documents and their rows stay as they are.
    _create_table(con, "reviews")


# Steps that bring an older store up to date: version -> function(con) that
# upgrades it to version + 1 inside the open transaction.
_MIGRATIONS: dict[int, Callable[[Any], None]] = {1: _migrate_1_to_2}

_LOCK_PID = re.compile(r"\(PID (\d+)\)")
# A DuckDB file starts with three 4 KiB headers, then its blocks.
_HEADER_BYTES = 3 * 4096


class StoreError(ValueError):
    """The store cannot be used as asked; ``str(err)`` is one line a user can act on."""


class StoreLockedError(StoreError):
    """Another process holds the store open for writing."""


class StoreSchemaError(StoreError):
    """The file is not a summarylab store, or one of a version this code cannot use."""


class StoreDamagedError(StoreError):
    """The store file is damaged (truncated, overwritten); it cannot be trusted."""


def arrow_schema(table: str) -> "pa.Schema":
    """The pyarrow schema of a store table (also the schema of the Parquet export).

    Args:
        table: ``documents``, ``sections``, ``facts`` or ``plan_items``.

    Example:
        >>> arrow_schema("plan_items").field("targets").type
        ListType(list<item: int32>)
    """
    import pyarrow as pa

    types = {
        "VARCHAR": pa.string(), "INTEGER": pa.int32(), "DOUBLE": pa.float64(),
        "VARCHAR[]": pa.list_(pa.string()), "INTEGER[]": pa.list_(pa.int32()),
        "TIMESTAMP": pa.timestamp("us"),
    }
    return pa.schema([(name, types[t]) for name, t in TABLE_TYPES[table]])


def analysis_tables(analysis: Any) -> dict[str, "pa.Table"]:
    """The rows one analysed document adds, as pyarrow tables typed like the store.

    Args:
        analysis: A :class:`summarylab.pipeline.Analysis` (anything with
            ``document``, ``facts`` and ``plan_items``).

    Returns:
        ``{"documents": ..., "sections": ..., "facts": ..., "plan_items": ...}``.

    Example:
        >>> tables = analysis_tables(sl.analyse("corpora/000_85a1b6df8f5117e0.txt"))  # doctest: +SKIP
        >>> tables["documents"].num_rows  # doctest: +SKIP
        1
    """
    doc = analysis.document
    meta = doc.meta.to_dict()
    meta["text"] = doc.text
    return {
        "documents": _arrow_rows("documents", [meta]),
        "sections": _arrow_rows("sections", [s.to_dict() for s in doc.section_list]),
        "facts": _arrow_frame("facts", analysis.facts),
        "plan_items": _arrow_frame("plan_items", analysis.plan_items),
    }


def analysis_columns(doc: Document) -> dict[str, dict[str, list]]:
    """The rows a document's analysis adds to the store, as plain column lists.

    What a batch worker hands back: the columns are read straight off the
    document's one fact analysis and plan analysis, so the worker builds no
    DataFrame and needs neither pandas nor pyarrow (importing the two was half
    a worker's start-up); :func:`column_tables` makes them the tables of
    :func:`analysis_tables` in the process that stores them.  ``doc`` must have
    been analysed in this process (not one loaded from the store).

    Returns:
        ``{"documents": {"doc_id": [...], ...}, "sections": ..., "facts": ...,
        "plan_items": ...}``: the store's columns, one list each, every list as
        long as the table has rows.

    Example:
        >>> import summarylab as sl
        >>> cols = analysis_columns(sl.read_text("某县妇联2021年工作总结\\n一、主要工作\\n培训妇女400多人。"))
        >>> cols["facts"]["surface"], cols["documents"]["org"]
        (['400多人'], ['某县妇联'])
    """
    meta = doc.meta.to_dict()
    meta["text"] = doc.text
    items = [dict(row, commitments=[c.text for c in cs]) for row, cs in doc.plan_analysis.items]
    return {
        "documents": _columns("documents", [meta]),
        "sections": _columns("sections", [s.to_dict() for s in doc.section_list]),
        "facts": _columns("facts", doc.fact_analysis.rows),
        "plan_items": _columns("plan_items", items),
    }


def column_tables(columns: dict[str, dict[str, list]]) -> dict[str, "pa.Table"]:
    """The pyarrow tables (typed like the store) of :func:`analysis_columns`' lists.

    The same tables :func:`analysis_tables` gives for the same document: missing
    values (None, NaN) become nulls, and a column Arrow refuses goes value by
    value, which says what is wrong (a fractional count).

    Example:
        >>> import summarylab as sl
        >>> doc = sl.read_text("某县妇联2021年工作总结\\n一、主要工作\\n培训妇女400多人。")
        >>> column_tables(analysis_columns(doc))["facts"].column("base_value").to_pylist()
        [400.0]
    """
    import pyarrow as pa

    out = {}
    for name, cols in columns.items():
        schema = arrow_schema(name)
        out[name] = pa.Table.from_arrays([_arrow_values(cols[f.name], f.type) for f in schema],
                                         schema=schema)
    return out


class Store:
    """A corpus of analysed documents in an embedded DuckDB file.

    Args:
        path: The DuckDB file; created (with its tables) when missing.
        read_only: Open without the write lock, so that several readers can
            share the file while nobody writes.
        timeout: Seconds to wait for another process's write lock before
            giving up with :class:`StoreLockedError` (0: do not wait).

    Raises:
        StoreLockedError: Another process has the file open for writing.
        StoreSchemaError: The file is not a summarylab store, or its schema
            version is newer than this code, or too old to migrate.

    Example:
        >>> import summarylab as sl
        >>> with sl.Store("/tmp/corpus.duckdb") as store:   # doctest: +SKIP
        ...     store.add(sl.analyse("corpora/000_85a1b6df8f5117e0.txt"))
        ...     store.facts(org="上林县妇联", year=2021)
    """

    def __init__(self, path: Union[str, os.PathLike] = DEFAULT_STORE, *,
                 read_only: bool = False, timeout: float = 0.0):
        self.path = Path(path)
        self.read_only = read_only
        if read_only and not self.path.exists():
            raise StoreError(f"{self.path}: no store here yet (ingest documents first)")
        self._con = _connect(self.path, read_only=read_only, timeout=timeout)
        try:
            self._check_intact()
            self._prepare()
        except BaseException:
            self._con.close()
            raise

    # --- life cycle -------------------------------------------------------

    def close(self) -> None:
        """Close the file and release its lock (safe to call twice)."""
        if self._con is not None:
            self._con.close()
            self._con = None

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({str(self.path)!r})"

    @property
    def connection(self):
        """The open DuckDB connection, for SQL beyond the methods below.

        Example:
            >>> store.connection.sql("SELECT count(*) FROM facts").fetchall()  # doctest: +SKIP
            [(121,)]
        """
        if self._con is None:
            raise StoreError(f"{self.path}: the store is closed")
        return self._con

    # --- writing ----------------------------------------------------------

    def add(self, doc_or_analysis: Any) -> bool:
        """Add one document with all its rows, in one transaction.

        Args:
            doc_or_analysis: An :class:`~summarylab.pipeline.Analysis` (what
                ``sl.analyse`` and the batch workers return), or a bare
                :class:`~summarylab.model.Document`, which is analysed first.

        Returns:
            True when the document was added, False when its doc_id is
            already stored (nothing is written then).

        Raises:
            StoreError: The store is read-only or closed.

        Example:
            >>> store.add(sl.analyse("corpora/000_85a1b6df8f5117e0.txt"))  # doctest: +SKIP
            True
        """
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only, cannot add documents")
        analysis = doc_or_analysis
        if isinstance(doc_or_analysis, Document):
            # Convenience for the API (store.add(doc)): the one place the store
            # calls up into the pipeline; batch workers hand in Analyses.
            from .pipeline import analyse

            analysis = analyse(doc_or_analysis)
        if analysis.document.doc_id in self:
            return False
        return self.add_tables(analysis_tables(analysis))

    def add_tables(self, tables: dict[str, "pa.Table"]) -> bool:
        """Add one document given as the tables of :func:`analysis_tables`.

        All rows go in one transaction; if anything fails nothing is kept.

        Returns:
            True when added, False when the doc_id is already stored.

        Example:
            >>> store.add_tables(analysis_tables(analysis))  # doctest: +SKIP
            True
        """
        doc_ids = tables["documents"].column("doc_id").to_pylist()
        if len(doc_ids) != 1:
            raise StoreError(f"add_tables takes one document, got {len(doc_ids)}; use add_many")
        return self.add_many([tables])[0]

    def add_many(self, documents: list[dict[str, "pa.Table"]]) -> list[bool]:
        """Add several documents (each the tables of :func:`analysis_tables`) in one transaction.

        Each table is inserted once for all the documents (one Arrow table,
        one INSERT), which costs a fraction of one transaction per document;
        ingest uses it for the documents its workers have finished.  All rows
        of all the documents go in, or, if anything fails, none: each document
        stays whole or absent.

        Returns:
            For each document, True when added, False when its doc_id was
            already stored or came earlier in ``documents`` (nothing of it is written).

        Example:
            >>> store.add_many([analysis_tables(a), analysis_tables(b)])  # doctest: +SKIP
            [True, True]
        """
        import pyarrow as pa

        con = self.connection
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only, cannot add documents")
        doc_ids = []
        for tables in documents:
            ids = tables["documents"].column("doc_id").to_pylist()
            if len(ids) != 1:
                raise StoreError(f"each entry holds one document, got {len(ids)}")
            doc_ids.append(ids[0])
        if not documents:
            return []
        con.execute("BEGIN TRANSACTION")
        try:
            # Checked inside the transaction: a concurrent duplicate cannot slip in.
            stored = {r[0] for r in con.execute(
                "SELECT doc_id FROM documents WHERE doc_id IN (SELECT unnest(?))", [doc_ids]).fetchall()}
            added: list[bool] = []
            for doc_id in doc_ids:
                added.append(doc_id not in stored)
                stored.add(doc_id)
            fresh = [t for t, new in zip(documents, added) if new]
            # Children first, the documents rows last: any reader of documents
            # sees a document only together with all its rows.
            for name in ("sections", "facts", "plan_items", "documents"):
                parts = [t[name] for t in fresh if t[name].num_rows]
                if parts:
                    self._insert(name, parts[0] if len(parts) == 1 else pa.concat_tables(parts))
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        return added

    def _insert(self, name: str, table: "pa.Table") -> None:
        if table.num_rows == 0:
            return
        con = self.connection
        view = f"_incoming_{name}"
        con.register(view, table)
        try:
            cols = ", ".join(f'"{c}"' for c, _ in TABLE_TYPES[name])
            con.execute(f"INSERT INTO {name} ({cols}) SELECT {cols} FROM {view}")
        finally:
            con.unregister(view)

    def remove(self, doc_id: str) -> bool:
        """Delete a document and all its rows, in one transaction.

        Returns:
            True when it was stored, False otherwise.

        Example:
            >>> store.remove("85a1b6df8f5117e0")  # doctest: +SKIP
            True
        """
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only, cannot remove documents")
        con = self.connection
        con.execute("BEGIN TRANSACTION")
        try:
            found = _one(con, "SELECT 1 FROM documents WHERE doc_id = ?", [doc_id])
            for name in ("documents", "sections", "facts", "plan_items"):
                con.execute(f"DELETE FROM {name} WHERE doc_id = ?", [doc_id])
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        return found is not None

    # --- reviews ----------------------------------------------------------

    def add_review(self, plan_doc_id: str, summary_doc_id: str, item_id: str,
                   commitment: str, machine_verdict: Optional[str], verdict: str, *,
                   remark: str = "", reviewer: str = "",
                   reviewed_at: Optional["datetime"] = None) -> None:
        """Keep a person's verdict on one row of a plan check (the latest one wins).

        A review is keyed by the plan, the later summary, the plan item and the
        commitment: reviewing the same row again replaces the earlier review.

        Args:
            plan_doc_id: The document holding the plan.
            summary_doc_id: The later report the plan was checked against.
            item_id: The plan item (``4.2``).
            commitment: The commitment as the check shows it.
            machine_verdict: The verdict the checker gave (kept beside the person's).
            verdict: The person's verdict: delivered, partial, not_found or not_due.
            remark: A free remark (why the verdict was changed).
            reviewer: Who reviewed, as the page knows it (a name typed once).
            reviewed_at: When (UTC); now when not given.

        Raises:
            StoreError: Read-only or closed store, or an unknown verdict.

        Example:
            >>> store.add_review("85a1b6df8f5117e0", "3c2f…", "4.2", "继续实施“春蕾计划”",
            ...                  "partial", "delivered", remark="资助女童32名，已完成",
            ...                  reviewer="李干事")  # doctest: +SKIP
        """
        from datetime import datetime, timezone

        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only, cannot save a review")
        if verdict not in REVIEW_VERDICTS:
            raise StoreError(f"unknown verdict {verdict!r}: use one of {', '.join(REVIEW_VERDICTS)}")
        if reviewed_at is None:
            reviewed_at = datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)
        cols = ", ".join(f'"{c}"' for c in REVIEW_COLUMNS)
        marks = ", ".join("?" for _ in REVIEW_COLUMNS)
        # INSERT OR REPLACE on the primary key: one review per row, the latest.
        self.connection.execute(
            f"INSERT OR REPLACE INTO reviews ({cols}) VALUES ({marks})",
            [plan_doc_id, summary_doc_id, str(item_id), commitment, machine_verdict,
             verdict, remark or "", reviewer or "", reviewed_at])

    def reviews(self, plan_doc_id: Optional[str] = None,
                summary_doc_id: Optional[str] = None) -> "pd.DataFrame":
        """Stored reviews, with the Review columns (all pairs, or one plan and/or summary).

        This is what retraining the checker on people's corrections reads.

        Example:
            >>> store.reviews("85a1b6df8f5117e0")[["item_id", "machine_verdict", "verdict"]]  # doctest: +SKIP
        """
        return self._select("reviews", {"plan_doc_id": plan_doc_id,
                                        "summary_doc_id": summary_doc_id})

    def reviewed_pairs(self) -> list[tuple[Document, Document, list[dict]]]:
        """The reviews as annotated pairs: what retraining the checker adds to the shipped ones.

        Returns:
            ``(plan document, later report, annotations)`` triples, the shape
            :func:`summarylab.plancheck.learn_from_reviews` takes; each annotation has
            ``item_id``, ``commitment``, ``verdict`` (the person's), ``note``
            (the remark), ``machine_verdict``, ``reviewer`` and ``reviewed_at``
            (ISO text).  Pairs whose documents are no longer stored are left out.

        Example:
            >>> [(p.meta.year, s.meta.year, len(a)) for p, s, a in store.reviewed_pairs()]  # doctest: +SKIP
            [(2021, 2022, 3)]
        """
        import pandas as pd

        reviews = self.reviews()
        pairs = []
        for (plan_id, summary_id), group in reviews.groupby(
                ["plan_doc_id", "summary_doc_id"], sort=False):
            if plan_id not in self or summary_id not in self:
                continue
            notes = [dict(item_id=r["item_id"], commitment=r["commitment"], verdict=r["verdict"],
                          note=r["remark"] or "", machine_verdict=r["machine_verdict"],
                          reviewer=r["reviewer"] or "",
                          reviewed_at=None if pd.isna(r["reviewed_at"])
                          else r["reviewed_at"].isoformat())
                     for r in group.to_dict("records")]
            pairs.append((self.get(plan_id), self.get(summary_id), notes))
        return pairs

    def review_count(self) -> int:
        """How many reviews the store holds (what the check page reports).

        Example:
            >>> store.review_count()  # doctest: +SKIP
            3
        """
        return _one(self.connection, "SELECT count(*) FROM reviews")[0]

    # --- reading ----------------------------------------------------------

    def __contains__(self, doc_id: object) -> bool:
        return _one(self.connection, "SELECT 1 FROM documents WHERE doc_id = ?",
                    [str(doc_id)]) is not None

    def __len__(self) -> int:
        return _one(self.connection, "SELECT count(*) FROM documents")[0]

    def doc_ids(self) -> set[str]:
        """The ids of every stored document (what batch ingest skips).

        Example:
            >>> "85a1b6df8f5117e0" in store.doc_ids()  # doctest: +SKIP
            True
        """
        return {r[0] for r in self.connection.execute("SELECT doc_id FROM documents").fetchall()}

    def documents(self, *, org: Optional[str] = None, year: Optional[int] = None,
                  kind: Optional[str] = None) -> "pd.DataFrame":
        """Stored documents, with the Document columns (not the text).

        Args:
            org: Only this organisation (exact, e.g. ``上林县妇联``).
            year: Only reports covering this year.
            kind: Only this document kind (``summary+plan``, ``gov_work_report`` …).

        Example:
            >>> store.documents(org="上林县妇联")[["doc_id", "year"]]  # doctest: +SKIP
        """
        return self._select("documents", {"org": org, "year": year, "kind": kind})

    def sections(self, doc_id: Optional[str] = None, *,
                 kind: Optional[str] = None) -> "pd.DataFrame":
        """Sections of one stored document (or of all), with the Section columns.

        Example:
            >>> store.sections("85a1b6df8f5117e0", kind="plan")  # doctest: +SKIP
        """
        return self._select("sections", {"doc_id": doc_id, "kind": kind})

    def facts(self, *, org: Optional[str] = None, year: Optional[int] = None,
              doc_id: Optional[str] = None, indicator: Optional[str] = None,
              role: Optional[str] = None, kind: Optional[str] = None) -> "pd.DataFrame":
        """Stored numeric facts, with the Fact columns.

        Args:
            org: Only facts of documents of this organisation.
            year: Only facts about this year (the Fact ``year``: the report's
                year for actual values, the plan year for expected ones).
            doc_id: Only facts of this document.
            indicator: Only facts whose indicator label contains this text.
            role: ``actual``, ``target`` or ``expected``.
            kind: ``count``, ``money``, ``percent`` …

        Example:
            >>> store.facts(org="上林县妇联", year=2021, indicator="儿童之家")  # doctest: +SKIP
        """
        return self._select(
            "facts", {"doc_id": doc_id, "year": year, "role": role, "kind": kind},
            org=org, contains=("indicator", indicator))

    def plan_items(self, *, org: Optional[str] = None, plan_year: Optional[int] = None,
                   doc_id: Optional[str] = None) -> "pd.DataFrame":
        """Stored plan items, with the PlanItem columns (lists as Python lists).

        Example:
            >>> store.plan_items(org="上林县妇联", plan_year=2022)  # doctest: +SKIP
        """
        return self._select("plan_items", {"doc_id": doc_id, "plan_year": plan_year}, org=org)

    def text(self, doc_id: str) -> str:
        """The normalised text of a stored document.

        Raises:
            KeyError: No document with this id is stored.

        Example:
            >>> store.text("85a1b6df8f5117e0")[:9]  # doctest: +SKIP
            '上林县妇联2021年'
        """
        row = _one(self.connection, "SELECT text FROM documents WHERE doc_id = ?", [doc_id])
        if row is None:
            raise KeyError(doc_id)
        return row[0]

    def all_documents(self) -> list[Document]:
        """Every stored document (in the order of :meth:`documents`), each with its stored analysis.

        What a view over the whole store (the panel) needs: as with :meth:`get`,
        each document carries its stored facts and plan items, so nothing is
        analysed again.

        Example:
            >>> [d.meta.org for d in store.all_documents()][:1]  # doctest: +SKIP
            ['上林县妇联']
        """
        return [self.get(doc_id) for doc_id in self.documents()["doc_id"]]

    def get(self, doc_id: str) -> Document:
        """Rebuild a stored document (text, metadata, heading tree) without re-reading its file.

        Raises:
            KeyError: No document with this id is stored.

        Example:
            >>> doc = store.get("85a1b6df8f5117e0")  # doctest: +SKIP
            >>> doc.meta.org  # doctest: +SKIP
            '上林县妇联'
        """
        con = self.connection
        cols = ", ".join(f'"{c}"' for c in DOCUMENT_COLUMNS)
        row = _one(con, f"SELECT {cols}, text FROM documents WHERE doc_id = ?", [doc_id])
        if row is None:
            raise KeyError(doc_id)
        meta = DocumentMeta(**dict(zip(DOCUMENT_COLUMNS, row[:-1])))
        scols = ", ".join(f'"{c}"' for c in SECTION_COLUMNS)
        sections = [
            Section(**dict(zip(SECTION_COLUMNS, r)))
            for r in con.execute(
                f"SELECT {scols} FROM sections WHERE doc_id = ? ORDER BY start, level",
                [doc_id]).fetchall()
        ]
        # The stored tables are the document's analysis: nothing is extracted again.
        return Document(row[-1], meta, sections).with_analysis(
            facts=self.facts(doc_id=doc_id), plan_items=self.plan_items(doc_id=doc_id))

    def resolve(self, ref: str) -> Optional[str]:
        """The doc_id a user means by ``ref``: a full doc_id or a unique prefix of one.

        Returns:
            The doc_id, or None when nothing (or more than one document) matches.

        Example:
            >>> store.resolve("85a1b6")  # doctest: +SKIP
            '85a1b6df8f5117e0'
        """
        if not re.fullmatch(r"[0-9a-f]{4,16}", ref):
            return None
        rows = self.connection.execute(
            "SELECT doc_id FROM documents WHERE starts_with(doc_id, ?) LIMIT 2", [ref]).fetchall()
        return rows[0][0] if len(rows) == 1 else None

    def _select(self, name: str, equal: dict[str, Any], *, org: Optional[str] = None,
                contains: Optional[tuple[str, Optional[str]]] = None) -> "pd.DataFrame":
        where, params = [], []
        for col, value in equal.items():
            if value is not None:
                where.append(f't."{col}" = ?')
                params.append(value)
        if org is not None:
            where.append("t.doc_id IN (SELECT doc_id FROM documents WHERE org = ?)")
            params.append(org)
        if contains is not None and contains[1] is not None:
            where.append(f'contains(t."{contains[0]}", ?)')
            params.append(contains[1])
        cols = ", ".join(f't."{c}"' for c in TABLE_COLUMNS[name])
        order = _ORDER[name]
        sql = (f"SELECT {cols} FROM {name} t"
               + (" WHERE " + " AND ".join(where) if where else "")
               + f" ORDER BY {order}")
        df = self.connection.execute(sql, params).df()
        return _lists_to_python(df, name)

    # --- schema -----------------------------------------------------------

    def _check_intact(self) -> None:
        """Refuse a store whose file is shorter than its own catalogue says.

        A file cut short (a copy that stopped, a full disk, a truncation)
        lists every document yet fails on the first block that is gone.
        DuckDB's catalogue says which blocks each table's data lives in; a
        file shorter than the last of them is refused on open, before anything
        is shown or written.  A store with a write-ahead log is left to
        DuckDB, which replays the log first.
        """
        if not self.path.exists() or Path(f"{self.path}.wal").exists():
            return
        con = self._con
        try:
            rows = con.execute("SELECT block_size FROM pragma_database_size() "
                               "WHERE database_name = current_database()").fetchall()
            tables = [r[0] for r in con.execute(
                "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() "
                "AND schema_name = 'main'").fetchall()]
            # The last block any table's data lives in (free blocks at the end of
            # the file may be trimmed away; the blocks in use never are).
            last = None
            if tables:
                union = " UNION ALL ".join(
                    f"SELECT max(block_id) AS b FROM pragma_storage_info('{t}')"
                    for t in tables if re.fullmatch(r"\w+", t))
                last = con.execute(f"SELECT max(b) FROM ({union})").fetchall()[0][0]
        except Exception:  # an older DuckDB without these pragmas: nothing to compare
            return
        if not rows or rows[0][0] is None or last is None or last < 0:
            return
        expected = _HEADER_BYTES + (int(last) + 1) * int(rows[0][0])
        actual = self.path.stat().st_size
        if actual < expected:
            raise StoreDamagedError(
                f"{self.path}: the store is damaged (the file has {actual:,} of its {expected:,} "
                "bytes; truncated?): restore a copy or ingest the documents into a new store")

    def _prepare(self) -> None:
        con = self._con
        tables = {r[0] for r in con.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = 'main'").fetchall()}
        if not tables:
            if self.read_only:
                raise StoreSchemaError(f"{self.path}: empty database, not a summarylab store")
            self._create()
            return
        if "schema_version" not in tables:
            raise StoreSchemaError(
                f"{self.path}: not a summarylab store (a DuckDB file without schema_version); "
                "use another --store path")
        row = _one(con, "SELECT max(version) FROM schema_version")
        version = row[0] if row else None
        if version == SCHEMA_VERSION:
            return
        if version is None:
            raise StoreSchemaError(f"{self.path}: schema_version is empty; not a usable store")
        if version > SCHEMA_VERSION:
            raise StoreSchemaError(
                f"{self.path}: written by a newer summarylab (store schema {version}, this "
                f"version reads schema {SCHEMA_VERSION}); upgrade summarylab")
        steps = range(version, SCHEMA_VERSION)
        if any(v not in _MIGRATIONS for v in steps):
            raise StoreSchemaError(
                f"{self.path}: store schema {version} is older than {SCHEMA_VERSION} and "
                "cannot be migrated; ingest the documents into a new store")
        if self.read_only:
            raise StoreSchemaError(
                f"{self.path}: store schema {version} needs migrating to {SCHEMA_VERSION}; "
                "open it once for writing")
        con.execute("BEGIN TRANSACTION")
        try:
            for v in steps:
                _MIGRATIONS[v](con)
            con.execute("UPDATE schema_version SET version = ?", [SCHEMA_VERSION])
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise

    def _create(self) -> None:
        con = self._con
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
            con.execute("INSERT INTO schema_version VALUES (?)", [SCHEMA_VERSION])
            for name in TABLE_TYPES:
                _create_table(con, name)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise


# --- helpers -----------------------------------------------------------------

def _connect(path: Path, *, read_only: bool, timeout: float):
    import duckdb

    deadline = time.monotonic() + max(timeout, 0.0)
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.IOException as err:
            message = str(err)
            if "lock" not in message.lower():
                if _looks_damaged(message):
                    raise StoreDamagedError(
                        f"{path}: the store is damaged ({_first_line(message)[:120]}): restore a "
                        "copy or ingest the documents into a new store") from None
                if "not a valid duckdb" in message.lower() or "database file" in message.lower():
                    raise StoreSchemaError(f"{path}: not a DuckDB database file") from None
                raise StoreError(f"{path}: cannot open the store ({_first_line(message)})") from None
            if time.monotonic() >= deadline:
                pid = _LOCK_PID.search(message)
                holder = f"process {pid.group(1)}" if pid else "another process"
                raise StoreLockedError(
                    f"{path}: the store is in use by {holder}; wait for it to finish "
                    "or use another --store") from None
            # Another writer holds the file: poll until it lets go or time is up.
            time.sleep(min(0.2, max(deadline - time.monotonic(), 0.01)))
        except duckdb.Error as err:
            raise StoreError(f"{path}: cannot open the store ({_first_line(str(err))})") from None


def _looks_damaged(message: str) -> bool:
    """Whether a DuckDB error says the file itself is broken (not locked, not missing)."""
    lower = message.lower()
    return any(cue in lower for cue in ("read enough bytes", "checksum", "corrupt",
                                        "failed to read", "invalid block"))


def damaged_store_message(path: Union[str, os.PathLike], err: BaseException) -> Optional[str]:
    """The one-line message for a DuckDB error that means the store is damaged, else None.

    Example:
        >>> damaged_store_message("s.duckdb", OSError("Corrupt database file: computed checksum 1"))
        's.duckdb: the store is damaged (Corrupt database file: computed checksum 1): restore a copy or ingest the documents into a new store'
    """
    message = str(err)
    if not _looks_damaged(message):
        return None
    return (f"{path}: the store is damaged ({_first_line(message)[:120]}): restore a copy "
            "or ingest the documents into a new store")


def _one(con, sql: str, params: Optional[list] = None) -> Optional[tuple]:
    """The first row of a query, or None.

    fetchall, not fetchone: DuckDB 2 keeps a half-read result open on the
    connection and refuses the next ``con.sql()`` until it is finished.
    """
    rows = con.execute(sql, params or []).fetchall()
    return rows[0] if rows else None


def _first_line(message: str) -> str:
    return message.strip().splitlines()[0] if message.strip() else "unknown error"


def _arrow_rows(name: str, rows: list[dict[str, Any]]) -> "pa.Table":
    import pyarrow as pa

    schema = arrow_schema(name)
    columns = {f.name: [_cell(r.get(f.name), f.type) for r in rows] for f in schema}
    return pa.table(columns, schema=schema)


def _columns(name: str, rows: list[dict[str, Any]]) -> dict[str, list]:
    """The store columns of ``rows`` (dicts), one list per column (a missing key is None)."""
    return {col: [r.get(col) for r in rows] for col, _ in TABLE_TYPES[name]}


def _arrow_values(values: list, typ: "pa.DataType") -> "pa.Array":
    """A list of Python values as an Arrow array of the store type (NaN and None are null).

    Arrow converts the whole list at once; a list it refuses goes value by value
    through :func:`_cell`, which says what is wrong.  So do floats in an integer
    column, which Arrow would truncate (2021.5 to 2021) where the DataFrame path
    of :func:`_arrow_column` refuses them.
    """
    import pyarrow as pa

    plain = _plain_array(values, typ)
    if plain is not None:
        return plain
    try:
        if pa.types.is_list(typ):
            return pa.array([None if v is None else list(v) for v in values], type=typ)
        if pa.types.is_integer(typ) and any(isinstance(v, float) for v in values):
            raise TypeError("floats in an integer column")
        return pa.array(values, type=typ, from_pandas=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError):
        return pa.array([_cell(v, typ) for v in values], type=typ)


def _plain_array(values: list, typ: "pa.DataType") -> Optional["pa.Array"]:
    """The array ``pa.array`` makes of plain values, built from its buffers; else None.

    Plain: str in a string column, int in an integer column, float in a float column (NaN
    is null, as ``from_pandas`` has it), None anywhere, lists of those in a list column: what
    :func:`analysis_columns` gives.  ``pa.array`` first asks pandas whether the list is one of
    its arrays, which imports pandas: 0.3 s of an ingest driver's CPU, which never makes a
    DataFrame.  Any other value (an int in a float column, a numpy scalar, an int beyond 32
    bits, a None inside a list) gives None, and :func:`_arrow_values` converts as before.
    """
    import pyarrow as pa

    kinds = set(map(type, values))
    kinds.discard(type(None))
    try:
        if pa.types.is_list(typ):
            if not kinds <= {list, tuple}:
                return None
            child = _plain_array([x for v in values if v is not None for x in v], typ.value_type)
            if child is None or child.null_count:
                return None
            ends = array.array("i", accumulate([0 if v is None else len(v) for v in values], initial=0))
            return pa.Array.from_buffers(typ, len(values), [_validity(values), pa.py_buffer(ends)],
                                         children=[child])
        if pa.types.is_string(typ):
            if not kinds <= {str}:
                return None
            builder = pa.lib.StringBuilder()
            builder.append_values(values)
            return builder.finish()
        code = "i" if pa.types.is_int32(typ) else "d" if pa.types.is_float64(typ) else ""
        if not code or not kinds <= ({int} if code == "i" else {float}):
            return None
        missing = None in values or (code == "d" and any(map(math.isnan, values)))
        data = array.array(code, [0 if v is None or v != v else v for v in values] if missing else values)
        if data.itemsize != typ.bit_width // 8:
            return None
        return pa.Array.from_buffers(typ, len(values), [_validity(values) if missing else None,
                                                        pa.py_buffer(data)])
    except (OverflowError, ValueError, TypeError, pa.ArrowException):  # an int beyond 32 bits
        return None


def _validity(values: list) -> Optional["pa.Buffer"]:
    """Arrow's validity bitmap of ``values`` (None and NaN are null; bit i of the little-endian
    number is value i), or None when nothing is null."""
    import pyarrow as pa

    valid = [v is not None and v == v for v in values]
    if all(valid):
        return None
    bits = int("".join("1" if ok else "0" for ok in reversed(valid)), 2)
    return pa.py_buffer(bits.to_bytes((len(valid) + 7) // 8, "little"))


def _arrow_frame(name: str, df: "pd.DataFrame") -> "pa.Table":
    import pyarrow as pa

    schema = arrow_schema(name)
    missing = [f.name for f in schema if f.name not in df.columns]
    if missing:
        raise StoreError(f"{name} table lacks the columns {', '.join(missing)}")
    return pa.Table.from_arrays([_arrow_column(df[f.name], f.type) for f in schema], schema=schema)


def _arrow_column(series: "pd.Series", typ: "pa.DataType") -> "pa.Array":
    """One DataFrame column as an Arrow array of the store type (NaN and None are null).

    Arrow converts a whole column at once (four times faster than value by value
    on the national reports); a column it refuses (a fractional value in an
    integer column, an odd object) goes value by value through :func:`_cell`,
    which says what is wrong.
    """
    import pyarrow as pa

    try:
        if pa.types.is_list(typ):
            return pa.array([None if v is None else list(v) for v in series.tolist()], type=typ)
        return pa.array(series, type=typ, from_pandas=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError):
        return pa.array([_cell(v, typ) for v in series.tolist()], type=typ)


def _cell(value: Any, typ: "pa.DataType") -> Any:
    """A Python value arrow accepts for a column of type ``typ`` (None for missing)."""
    import pyarrow as pa

    if pa.types.is_list(typ):
        if value is None or (isinstance(value, float) and value != value):
            return None
        return [_cell(v, typ.value_type) for v in list(value)]
    if value is None:
        return None
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()  # numpy scalar
    if isinstance(value, float) and value != value:  # NaN
        return None
    pd = sys.modules.get("pandas")  # pandas' own missing values exist only once it is loaded
    if pd is not None:
        try:
            if pd.isna(value):
                return None
        except (TypeError, ValueError):
            pass
    if pa.types.is_integer(typ):
        # Nullable integer columns arrive as floats from pandas (3.0 for 3).
        if isinstance(value, float) and not value.is_integer():
            raise StoreError(f"expected a whole number, got {value}")
        return int(value)
    if pa.types.is_floating(typ):
        return float(value)
    return str(value)


def _lists_to_python(df: "pd.DataFrame", name: str) -> "pd.DataFrame":
    # DuckDB hands lists back as numpy arrays; the analysis DataFrames hold lists.
    for col, typ in TABLE_TYPES[name]:
        if typ.endswith("[]"):
            df[col] = [None if v is None else list(v.tolist() if hasattr(v, "tolist") else v)
                       for v in df[col]]
    return df
