"""Segmentation speed: plain jieba.lcut against summarylab's tokenize().

Over the sample report and the 46 national 政府工作报告 in
corpora/national (skipped with a message when absent), all in
one run so the figures are comparable:

* ``jieba.lcut``            jieba's default dictionary, pure Python, HMM on;
* ``nlp.tokenize``          the summarylab engine (rjieba + models/userdict.txt);
* ``nlp.pos_tag``           the same words with their POS flags (what the analysis reads);

then the wall time of ``summarylab --help`` (a fresh process) when the CLI is
installed.  ``--agreement`` also compares the two engines, both with the user
dictionary, line by line over the same texts.

Usage::

    .venv/bin/python benchmarks/bench_segment.py            # all reports
    .venv/bin/python benchmarks/bench_segment.py --quick    # sample + 2013/2014 only
    .venv/bin/python benchmarks/bench_segment.py --agreement
"""

from __future__ import annotations

import argparse
import logging
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summarylab import nlp  # noqa: E402
from summarylab.normalize import normalize  # noqa: E402

NATIONAL = ROOT / "corpora" / "national"
SAMPLE = ROOT / "corpora" / "000_85a1b6df8f5117e0.txt"
SHIPPED = [ROOT / "corpora" / "national/2013.txt", ROOT / "corpora" / "national/2014.txt"]


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:  # the national reports are GBK as published
        return data.decode("gb18030", errors="replace")


def load_texts(quick: bool) -> dict[str, str]:
    """Normalised texts by file name: the sample, then the national reports."""
    paths = [SAMPLE]
    if quick:
        paths += SHIPPED
    elif NATIONAL.is_dir():
        paths += sorted(NATIONAL.glob("*.txt"))
    else:
        print(f"note: {NATIONAL} is absent; national reports skipped, using the shipped 2013/2014")
        paths += SHIPPED
    return {p.name: normalize(_decode(p.read_bytes())) for p in paths}


def _timed(label: str, func, texts: list[str], chars: int) -> float:
    """Run ``func`` over the texts; print wall and CPU seconds; return CPU seconds.

    chars/s are given per CPU second: on a shared machine the wall clock also
    counts time spent waiting for a core, the CPU clock only this process.
    """
    w0, c0 = time.perf_counter(), time.process_time()
    for text in texts:
        func(text)
    wall, cpu = time.perf_counter() - w0, time.process_time() - c0
    print(f"{label:<28} {wall:8.2f} s wall {cpu:8.2f} s CPU  {chars / cpu / 1e6:7.2f} M chars/CPU-s")
    return cpu


def speed(texts: dict[str, str]) -> None:
    """Print chars/s of jieba and summarylab's engine and their ratios."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    chars = sum(map(len, texts.values()))
    print(f"{len(texts)} documents, {chars:,} characters; engine {nlp.engine_name()}, HMM {nlp.HMM}")

    t0 = time.perf_counter()
    jieba.initialize()
    print(f"{'load jieba':<28} {time.perf_counter() - t0:8.2f} s")
    t0 = time.perf_counter()
    nlp.tokenize("预热")
    print(f"{'load nlp.tokenize engine':<28} {time.perf_counter() - t0:8.2f} s")

    docs = list(texts.values())
    base = _timed("jieba.lcut (default dict)", jieba.lcut, docs, chars)
    ours = _timed("nlp.tokenize", nlp.tokenize, docs, chars)
    tagged = _timed("nlp.pos_tag", nlp.pos_tag, docs, chars)
    print(f"CPU time: nlp.tokenize is {base / ours:.1f}x faster than jieba.lcut, "
          f"nlp.pos_tag {base / tagged:.1f}x")


def agreement(texts: dict[str, str]) -> None:
    """Compare rjieba and jieba (both with the user dictionary), line by line."""
    lines = same = docs_same = 0
    examples: list[str] = []
    for name, text in texts.items():
        doc_same = True
        for line in text.split("\n"):
            a = nlp.lcut(line, engine="rjieba")
            b = nlp.lcut(line, engine="jieba")
            lines += 1
            if a == b:
                same += 1
                continue
            doc_same = False
            i = next(i for i, (x, y) in enumerate(zip(a + [""], b + [""])) if x != y)
            if len(examples) < 8:
                examples.append(f"  {name}: rjieba {a[max(0, i - 1):i + 3]} jieba {b[max(0, i - 1):i + 3]}")
        docs_same += doc_same
    print(f"rjieba == jieba (HMM {nlp.HMM}, user dictionary): {same}/{lines} lines "
          f"({100 * same / lines:.2f}%), {docs_same}/{len(texts)} documents identical")
    print("\n".join(examples))


def cli_help() -> None:
    """Wall time of `summarylab --help` in a fresh process (best of 3)."""
    exe = shutil.which("summarylab", path=str(ROOT / ".venv" / "bin")) or shutil.which("summarylab")
    if exe is None:
        print("summarylab --help: the console script is not installed; skipped")
        return
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        subprocess.run([exe, "--help"], check=True, capture_output=True)
        best = min(best, time.perf_counter() - t0)
    print(f"summarylab --help wall time: {best:.2f} s (best of 3)")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; see the module docstring for the options."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="sample and the shipped 2013/2014 reports only")
    parser.add_argument("--agreement", action="store_true", help="also compare rjieba with jieba line by line")
    args = parser.parse_args(argv)
    texts = load_texts(args.quick)
    speed(texts)
    if args.agreement:
        agreement(texts)
    cli_help()
    return 0


if __name__ == "__main__":
    sys.exit(main())
