"""Memory benchmark of the plan check on a very long pair (run on demand, not a test).

    .venv/bin/python benchmarks/bench_check_memory.py [--times 16]

The 2013 政府工作报告 (the plan) and the 2014 report (the review) are each
concatenated 16 times and read with ``sl.read_text``: a pair 16 times the length
of a national report.  The pair is checked once and the process's peak resident
set size is printed (``resource.getrusage``: everything the process held at its
highest, the loaded libraries and both analysed documents included).  The bar
(issue 12) is 1 GB: the retrieval keeps only the top candidates of each
commitment and scores commitments in chunks of 64, so no commitments × sentences
array is ever made.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

# The checkout's package, not an installed copy.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import summarylab as sl  # noqa: E402
from summarylab.plancheck import decide, prepare  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
BAR_MB = 1024


def peak_mb() -> float:
    """The process's peak resident set size in MB (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--times", type=int, default=16)
    a = ap.parse_args()
    plan_text = sl.read(ROOT / "corpora/gov_work_report_2013.txt").text
    review_text = sl.read(ROOT / "corpora/gov_work_report_2014.txt").text
    loaded = peak_mb()
    plan = sl.read_text("\n".join([plan_text] * a.times))
    review = sl.read_text("\n".join([review_text] * a.times))
    t = time.process_time()
    prep = prepare(plan, review)
    after_prepare = peak_mb()
    rows = decide(prep)
    seconds = time.process_time() - t
    peak = peak_mb()
    print(f"pair: plan {len(plan.text):,} chars x{a.times}, review {len(review.text):,} chars; "
          f"{len(prep.every)} commitments, {len(prep.eligible)} evidence sentences, {len(rows)} rows")
    print(f"peak RSS: after loading {loaded:.0f} MB, after prepare {after_prepare:.0f} MB, "
          f"after decide {peak:.0f} MB (bar {BAR_MB} MB); CPU {seconds:.1f} s")
    return 0 if peak < BAR_MB else 1


if __name__ == "__main__":
    sys.exit(main())
