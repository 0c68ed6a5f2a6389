"""The pipeline: one file in, one analysed document out.

``read`` stops after the structure (text, metadata, heading tree); ``analyse``
goes on to the numeric facts and plan items.  ``sl.read``, ``ingest`` and the
batch workers all go through here, so every entry point sees the same document.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Union

from .model import Document, DocumentMeta
from .normalize import doc_id_of, normalize
from .readers import read_file
from .structure import build_sections, detect_metadata, find_title, refine_metadata

if TYPE_CHECKING:
    import pandas as pd


def read(path: Union[str, os.PathLike]) -> Document:
    """Read a report file into a structured :class:`Document`.

    Args:
        path: a .txt/.md (UTF-8, UTF-16 with BOM, GB18030/GBK), .docx or .pdf file.

    Returns:
        The document: normalised ``.text``, ``.meta`` and ``.sections``.

    Raises:
        summarylab.readers.ReadError: the file cannot be read as a report.

    Example:
        >>> doc = read("corpora/000_85a1b6df8f5117e0.txt")
        >>> doc.meta.org, doc.meta.year, doc.meta.plan_year, doc.meta.kind
        ('上林县妇联', 2021, 2022, 'summary+plan')
    """
    raw = read_file(path)
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


def analyse(source: Union[str, os.PathLike, Document]) -> Analysis:
    """Read (if given a path) and analyse one document: facts and plan items.

    Example:
        >>> a = analyse("corpora/000_85a1b6df8f5117e0.txt")
        >>> a.document.meta.org, len(a.facts) > 0
        ('上林县妇联', True)
    """
    from .facts import facts
    from .plans import plan_items

    doc = source if isinstance(source, Document) else read(source)
    return Analysis(document=doc, facts=facts(doc), plan_items=plan_items(doc))
