"""The pipeline: one file in, one analysed document out.

``read`` stops after the structure (text, metadata, heading tree); ``analyse``
goes on to the numeric facts and plan items.  ``sl.read``, ``ingest`` and the
batch workers all go through here, so every entry point sees the same document.

``analyse_guarded`` is ``analyse`` for files nobody vetted (a shared drive, a
web upload): the work runs in a worker process under :class:`Limits`, so a
file that makes a parser loop forever or swell is refused with one line, and
the caller's process stays untouched.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional, Union

from .model import Document, DocumentMeta
from .normalize import doc_id_of, normalize
from .readers import DEFAULT_LIMITS, Limits, ReadError, read_file
from .structure import build_sections, detect_metadata, find_title, refine_metadata

if TYPE_CHECKING:
    import pandas as pd


def read(path: Union[str, os.PathLike], limits: Optional[Limits] = None) -> Document:
    """Read a report file into a structured :class:`Document`.

    Args:
        path: a .txt/.md (UTF-8, UTF-16 with BOM, GB18030/GBK), .docx or .pdf file.
        limits: the size limits of :class:`~summarylab.readers.Limits` (the
            time limit needs :func:`analyse_guarded`).

    Returns:
        The document: normalised ``.text``, ``.meta`` and ``.sections``.

    Raises:
        summarylab.readers.ReadError: the file cannot be read as a report.

    Example:
        >>> doc = read("corpora/000_85a1b6df8f5117e0.txt")
        >>> doc.meta.org, doc.meta.year, doc.meta.plan_year, doc.meta.kind
        ('上林县妇联', 2021, 2022, 'summary+plan')
    """
    raw = read_file(path, limits)
    return read_text(raw.text, path=str(path), encoding=raw.encoding,
                     source_format=raw.source_format)


def read_text(text: str, *, path: str = "<text>", encoding: str = "utf-8",
              source_format: str = "txt") -> Document:
    """Structure a report given as a string (normalised first).

    Example:
        >>> doc = read_text("某县民政局2023年工作总结\\n一、主要工作\\n发放救助金120万元。")
        >>> doc.meta.org, doc.meta.year, list(doc.sections["kind"])
        ('某县民政局', 2023, ['achievements'])
    """
    text = normalize(text)
    doc_id = doc_id_of(text)
    title, body_start = find_title(text)
    meta = detect_metadata(text, title)
    title_year = meta["year"]
    gov = meta["kind"] == "gov_work_report"
    sections = build_sections(text, doc_id, body_start=body_start, year=title_year,
                              tasks_after_review=gov, doc_kind=meta["kind"])
    meta = refine_metadata(meta, sections, text)
    if title_year is None and meta["year"] is not None:
        # Year-based plan cues need the year; redo the kinds once it is known.
        sections = build_sections(text, doc_id, body_start=body_start, year=meta["year"],
                                  tasks_after_review=gov, doc_kind=meta["kind"])
    document_meta = DocumentMeta(
        doc_id=doc_id, path=path, title=title, org=meta["org"], year=meta["year"],
        plan_year=meta["plan_year"], kind=meta["kind"], chars=len(text),
        encoding=encoding, source_format=source_format,
    )
    return Document(text=text, meta=document_meta, section_list=sections)


@dataclass
class Analysis:
    """Everything summarylab derives from one document (what ingest stores)."""

    document: Document
    facts: "pd.DataFrame"
    plan_items: "pd.DataFrame"


def analyse(source: Union[str, os.PathLike, Document], limits: Optional[Limits] = None) -> Analysis:
    """Read (if given a path) and analyse one document: facts and plan items.

    This runs in the calling process: for untrusted files use
    :func:`analyse_guarded`, which also enforces the time limit.

    Example:
        >>> a = analyse("corpora/000_85a1b6df8f5117e0.txt")
        >>> a.document.meta.org, len(a.facts) > 0
        ('上林县妇联', True)
    """
    doc = source if isinstance(source, Document) else read(source, limits)
    return Analysis(document=doc, facts=doc.facts, plan_items=doc.plan_items)


def analyse_guarded(path: Union[str, os.PathLike], limits: Optional[Limits] = None) -> Analysis:
    """Analyse an untrusted file in a worker process, under per-file limits.

    The file is read and analysed in a separate process (started for this
    call) that is killed when it runs past ``limits.timeout`` or dies; the size
    limits (file bytes, decompressed bytes, PDF pages, characters) are checked
    while reading.  Whatever the file holds, the caller gets an
    :class:`Analysis` or a :class:`~summarylab.readers.ReadError` whose
    message is one line, within about ``limits.timeout`` seconds.  ``ingest``
    protects every file the same way, with long-lived workers.

    Args:
        path: the file (.txt, .md, .docx, .pdf).
        limits: the limits (default :data:`summarylab.readers.DEFAULT_LIMITS`:
            300 s, 100 MB on disk, 256 MB decompressed, 2,000 pages,
            1,000,000 characters).

    Raises:
        summarylab.readers.ReadError: the file is refused or unreadable; its
            ``reason`` says why (``took longer than 30 s (the time limit)``).

    Example:
        >>> a = analyse_guarded("corpora/000_85a1b6df8f5117e0.txt", Limits(timeout=120))  # doctest: +SKIP
        >>> a.document.meta.org  # doctest: +SKIP
        '上林县妇联'
    """
    from .batch import GuardedWorker

    worker = GuardedWorker(limits or DEFAULT_LIMITS, payload="analysis")
    try:
        outcome, _, _, payload = worker.run(str(path))
    finally:
        worker.stop()
    if outcome == "failed":
        raise ReadError(path, payload)
    return payload
