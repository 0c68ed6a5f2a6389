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
import sys
import types

__version__ = "0.1.0"

_EXPORTS = {
    "read": "pipeline", "read_text": "pipeline", "analyse": "pipeline", "Analysis": "pipeline",
    "Document": "model", "DocumentMeta": "model", "Section": "model", "Sentence": "model",
    "ReadError": "readers", "normalize": "normalize",
    "facts": "facts", "explain": "facts", "iter_facts": "facts", "Fact": "facts",
    "audit": "audit",
    "parse_number": "numbers", "parse_quantity": "numbers",
    "plan_items": "plans", "check": "check", "compare": "compare", "panel": "panel",
    "Store": "store", "ingest": "batch", "write_report": "report",
}

__all__ = sorted(_EXPORTS)


# facts, check, compare and audit are both modules and the functions the API
# promises as sl.facts(doc) and friends.  Importing a submodule makes Python set
# it as an attribute of the package, which would shadow the function; the
# package keeps the function instead (`from summarylab.facts import ...` still
# reaches the module through sys.modules).
_SHADOWED = frozenset(name for name, module in _EXPORTS.items() if name == module)


class _Package(types.ModuleType):
    def __setattr__(self, name, value):
        if name in _SHADOWED and isinstance(value, types.ModuleType):
            value = getattr(value, name)
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'summarylab' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(list(globals()) + __all__)
