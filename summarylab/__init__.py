"""summarylab: Chinese work reports (工作总结, 工作计划, 政府工作报告) turned into data.

The public API (each name is imported on first use, so ``import summarylab``
and ``summarylab --help`` stay fast)::

    import summarylab as sl
    doc = sl.read("corpora/000_85a1b6df8f5117e0.txt")   # Document: .text, .meta, .sections
    sl.facts(doc)                 # numeric facts (DataFrame)
    sl.plan_items(doc)            # plan items and their commitments
    sl.check(plan_doc, summary_doc)
    sl.compare(doc_a, doc_b)
    sl.panel(docs)                # targets against outcomes across years
    sl.Store("summarylab.duckdb")
    sl.parse_number("四千零四万")  # 40040000.0
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

_EXPORTS = {
    "read": "pipeline", "read_text": "pipeline", "analyse": "pipeline", "Analysis": "pipeline",
    "Document": "model", "DocumentMeta": "model", "Section": "model", "Sentence": "model",
    "ReadError": "readers", "normalize": "normalize",
    "facts": "extract", "explain": "extract", "iter_facts": "extract", "Fact": "extract",
    "audit": "auditing",
    "parse_number": "numbers", "parse_quantity": "numbers",
    "plan_items": "plans", "check": "plancheck", "compare": "comparison", "panel": "series",
    "Store": "store", "ingest": "batch", "write_report": "report",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'summarylab' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(list(globals()) + __all__)
