"""Dump every fact row, skipped candidate, plan item, commitment and rejected clause of corpora/.

A regression fixture for speed work: run it before and after a change and diff the two files;
byte-identical output means the change moved no result.  Every .txt under corpora/ (recursively),
in sorted path order, read with summarylab.read; one JSON line per record.

Usage::

    .venv/bin/python benchmarks/dump_analysis.py OUT.jsonl [--dir corpora]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _plain(v):
    if hasattr(v, "item") and not isinstance(v, (list, tuple, dict)):
        try:
            return v.item()
        except (ValueError, AttributeError):
            pass
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    if v != v:  # NaN
        return None
    return v


def records(path: Path):
    """(kind, record) of one document's analysis, in a fixed order."""
    import summarylab as sl
    from summarylab.plans import explain_plan

    doc = sl.read(path)
    name = str(path.relative_to(ROOT))
    for r in doc.fact_analysis.rows:
        yield "fact_row", {k: _plain(v) for k, v in r.items()}
    for r in doc.fact_analysis.skipped:
        yield "skipped", {k: _plain(v) for k, v in r.items()}
    for r in doc.facts.to_dict("records"):
        yield "fact", {k: _plain(v) for k, v in r.items()}
    for r in doc.plan_items.to_dict("records"):
        yield "plan_item", {k: _plain(v) for k, v in r.items()}
    for row, cs in doc.plan_analysis.items:
        for c in cs:
            yield "commitment", dict(item=row["item_id"], text=c.text, start=c.start, end=c.end,
                                     due_year=c.due_year, targets=list(c.targets))
    for r in explain_plan(doc).to_dict("records"):
        yield "rejected", {k: _plain(v) for k, v in r.items()}
    yield "doc", dict(path=name)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--dir", type=Path, default=ROOT / "corpora")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))  # this checkout's package, not an installed one
    import summarylab

    files = sorted(p for p in args.dir.rglob("*.txt"))
    with args.out.open("w", encoding="utf-8") as fh:
        for f in files:
            for kind, rec in records(f.resolve()):
                fh.write(json.dumps([kind, rec], ensure_ascii=False, sort_keys=True, default=str) + "\n")
    print(f"{len(files)} documents -> {args.out} ({Path(summarylab.__file__).parent})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
