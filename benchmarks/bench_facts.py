"""Benchmark: facts plus plan items against plain jieba.lcut on the national reports (CPU seconds).

Issue 12's bar: ``doc.facts`` and ``doc.plan_items`` of the 46 national reports (corpora/national)
together run at least 4x as fast as ``jieba.lcut`` of the same texts.  The pattern is that of
``benchmarks/bench_issue12.py``: the texts are read with ``summarylab.readers.read_file``;
``jieba.lcut`` runs over them with its dictionary loaded before; then each report is read into a
Document (not timed) and its facts, then its plan items, are asked for (timed, CPU seconds of this
process).  Every analysis module is warmed on a small text first.  Ratios come from one run; with
``--repeat N`` the two timings alternate N times and the medians are compared.  ``--profile PATH``
writes cProfile statistics of one facts + plan items pass instead.

Run:  .venv/bin/python benchmarks/bench_facts.py [--repeat 1] [--dir corpora/national] [--profile out.prof]
It is a benchmark, not a test: it prints figures and never fails on timing.
"""

from __future__ import annotations

import argparse
import logging
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIR = ROOT / "corpora" / "national"


def lcut_seconds(texts: list[str]) -> float:
    """CPU seconds of jieba.lcut over the texts."""
    import jieba

    c = time.process_time()
    for text in texts:
        jieba.lcut(text)
    return time.process_time() - c


def analysis_seconds(files: list[Path]) -> tuple[float, float, int, int]:
    """CPU seconds of doc.facts and of doc.plan_items over freshly read documents."""
    from summarylab import pipeline

    docs = [pipeline.read(f) for f in files]
    c = time.process_time()
    n_facts = sum(len(d.facts) for d in docs)
    facts_s = time.process_time() - c
    c = time.process_time()
    n_items = sum(len(d.plan_items) for d in docs)
    return facts_s, time.process_time() - c, n_facts, n_items


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--profile", type=Path, help="write cProfile statistics of one pass here")
    args = ap.parse_args(argv)
    files = sorted(args.dir.glob("*.txt")) if args.dir.is_dir() else []
    if not files:
        print(f"skipped: no reports in {args.dir}")
        return 0
    sys.path.insert(0, str(ROOT))
    import jieba

    from summarylab import nlp, pipeline
    from summarylab.readers import read_file

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    nlp.warm_up()
    pipeline.analyse(pipeline.read_text("某县妇联2021年工作总结\n一、主要工作\n培训妇女400多人。\n"
                                        "二、2022年工作计划\n举办妇女技能培训班5期。"))
    texts = [read_file(f).text for f in files]
    chars = sum(len(t) for t in texts)
    if args.profile:
        import cProfile

        docs = [pipeline.read(f) for f in files]
        prof = cProfile.Profile()
        prof.enable()
        for d in docs:
            d.facts, d.plan_items
        prof.disable()
        prof.dump_stats(str(args.profile))
        print(f"wrote {args.profile}")
        return 0

    lcuts, facts, plans = [], [], []
    n_facts = n_items = 0
    for _ in range(args.repeat):
        lcuts.append(lcut_seconds(texts))
        f, p, n_facts, n_items = analysis_seconds(files)
        facts.append(f)
        plans.append(p)
    lc, fc, pc = (statistics.median(x) for x in (lcuts, facts, plans))
    print(f"reports: {len(files)} files, {chars:,} characters, {n_facts:,} facts, {n_items:,} plan items; "
          f"median of {args.repeat} run(s), CPU seconds")
    print(f"jieba.lcut          {lc:7.2f} s")
    print(f"doc.facts           {fc:7.2f} s")
    print(f"doc.plan_items      {pc:7.2f} s")
    print(f"facts + plan items / jieba.lcut: {lc / (fc + pc):.2f}x   (bar 4x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
