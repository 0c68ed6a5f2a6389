"""Benchmark of the reading half of the pipeline (issue 2), run on demand.

Measures, in one run on the same texts:
  * plain ``jieba.lcut`` of each national report's normalised text (the reference);
  * summarylab's read + normalise + outline + sentence split + segmentation;
  * wall time of ``summarylab --help`` and ``summarylab outline`` on the sample.

Usage:
    .venv/bin/python benchmarks/bench_read.py [--corpus DIR] [--repeat N]

The 46 national reports live in corpora/national (shipped with the
repository); without them the bundled corpora/ is used.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NATIONAL = ROOT / "corpora" / "national"


def corpus_files(corpus: Path | None) -> list[Path]:
    if corpus:
        return sorted(corpus.glob("*.txt"))
    if NATIONAL.is_dir():
        return sorted(NATIONAL.glob("*.txt"))
    return sorted((ROOT / "corpora").glob("*.txt"))


def wall(cmd: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=None)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    import jieba

    import summarylab as sl
    from summarylab import nlp

    files = corpus_files(args.corpus)
    texts = [sl.read(f).text for f in files]  # also warms every cache
    chars = sum(len(t) for t in texts)
    jieba.initialize()
    nlp.tokenize("预热")

    t = time.perf_counter()
    for text in texts:
        jieba.lcut(text)
    t_jieba = time.perf_counter() - t

    t = time.perf_counter()
    n_sections = n_sentences = n_tokens = 0
    for f in files:
        doc = sl.read(f)
        n_sections += len(doc.section_list)
        n_sentences += len(doc.sentences)
        n_tokens += len(nlp.tokenize(doc.text))
    t_ours = time.perf_counter() - t

    print(f"corpus: {len(files)} files, {chars:,} characters ({files[0].parent})")
    print(f"segmentation engine: {nlp.engine_name()}")
    print(f"jieba.lcut alone:                       {t_jieba:7.2f} s  {chars / t_jieba / 1e6:6.2f} M chars/s")
    print(f"read+normalise+outline+sentences+segment {t_ours:6.2f} s  {chars / t_ours / 1e6:6.2f} M chars/s"
          f"  ({n_sections} sections, {n_sentences} sentences, {n_tokens:,} tokens)")
    print(f"ratio (ours / jieba.lcut time):          {t_ours / t_jieba:6.2f}")

    exe = str(Path(sys.executable).parent / "summarylab")
    print(f"summarylab --help wall time (median of {args.repeat}):   "
          f"{wall([exe, '--help'], args.repeat):.3f} s")
    print(f"summarylab outline SAMPLE wall time (median of {args.repeat}): "
          f"{wall([exe, 'outline', 'corpora/000_85a1b6df8f5117e0.txt', '-f', 'jsonl'], args.repeat):.3f} s")


if __name__ == "__main__":
    main()
