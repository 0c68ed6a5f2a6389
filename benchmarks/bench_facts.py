"""Benchmark: the whole facts pipeline against plain jieba.lcut on the national reports.

The facts pipeline is what ``summarylab facts FILE`` does: read the file (decode, normalise),
build the heading tree and sentences, and extract the numeric facts (the quantity grammar of
summarylab.numbers over every sentence, jieba POS tags of the sentences that hold a number, roles
and labels).  The reference is ``jieba.lcut`` of the same normalised texts, in the same run and
process, after the same warm-up (dictionaries loaded before timing).  Issue 3's bar: the facts
pipeline reaches at least 0.5x the speed of jieba.lcut alone; the aim is 1x or more.

Run:  .venv/bin/python benchmarks/bench_facts.py [--repeat 3] [--dir corpora/national]
It is a benchmark, not a test: it prints figures and never fails on timing.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIR = ROOT / "corpora" / "national"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    files = sorted(args.dir.glob("*.txt")) if args.dir.is_dir() else []
    if not files:
        print(f"skipped: no reports in {args.dir}")
        return 0

    import jieba

    import summarylab as sl
    from summarylab.extract import facts

    jieba.setLogLevel(60)
    # warm-up: load both dictionaries and every lazy module outside the timings
    warm = sl.read(files[0])
    facts(warm)
    jieba.lcut(warm.text[:1000])
    texts = [sl.read(f).text for f in files]
    chars = sum(len(t) for t in texts)

    lcut_times, facts_times, read_times, n_facts = [], [], [], 0
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        for f in files:
            sl.read(f).sentences  # the share of reading, structure and sentence splitting
        read_times.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        for t in texts:
            jieba.lcut(t)
        lcut_times.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        n_facts = 0
        for f in files:
            n_facts += len(facts(sl.read(f)))
        facts_times.append(time.perf_counter() - t0)

    lc, fc = statistics.median(lcut_times), statistics.median(facts_times)
    rd = statistics.median(read_times)
    print(f"reports: {len(files)} files, {chars:,} characters, {n_facts:,} facts; median of {args.repeat} runs")
    print(f"jieba.lcut            {lc:7.2f} s   {chars / lc / 1e6:6.3f} M chars/s")
    print(f"read + facts pipeline {fc:7.2f} s   {chars / fc / 1e6:6.3f} M chars/s")
    print(f"  of which read + structure + sentences {rd:7.2f} s, facts extraction {fc - rd:7.2f} s")
    print(f"speed ratio (pipeline / lcut): {lc / fc:.2f}x   (bar 0.5x, aim 1x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
