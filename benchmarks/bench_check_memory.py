"""Memory benchmark of the plan check on a very long pair (run on demand, not a test).

    .venv/bin/python benchmarks/bench_check_memory.py [--times 16] [--distinct]

The 2013 政府工作报告 (the plan) and the 2014 report (the review) are each
concatenated 16 times and read with ``sl.read_text``: a pair 16 times the length
of a national report.  The pair is checked once and the process's peak resident
set size is printed (``resource.getrusage``: everything the process held at its
highest, the loaded libraries and both analysed documents included).  The bar
(issue 12) is 1 GB: the retrieval keeps only the top candidates of each
commitment and scores commitments in chunks of 64, so no commitments × sentences
array is ever made.

A report repeated 16 times is mostly read as repeated copy (its review is
scored once), so ``--distinct`` builds the review from 16 different national
reports (corpora/national/, the 16 latest): every sentence is new, and the
retrieval meets thousands of them (the plan stays the 2013 report repeated).
As the later report's structure still limits the evidence to its review parts,
the retrieval is also run by itself against every sentence of the long review
(the matcher fitted on all of them, the top candidates of every commitment):
that is where a commitments × sentences array would show.
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
from summarylab.plancheck import CommitmentMatcher, _top_candidates, decide, prepare  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
BAR_MB = 1024


def peak_mb() -> float:
    """The process's peak resident set size in MB (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--times", type=int, default=16)
    ap.add_argument("--distinct", action="store_true", help="16 different reports, not one repeated")
    a = ap.parse_args()
    plan_texts = [sl.read(ROOT / "corpora/national/2013.txt").text] * a.times
    if a.distinct:
        files = sorted((ROOT / "corpora/national").glob("*.txt"))[-a.times:]
        review_texts = [sl.read(f).text for f in files]
    else:
        review_texts = [sl.read(ROOT / "corpora/national/2014.txt").text] * a.times
    loaded = peak_mb()
    plan = sl.read_text("\n".join(plan_texts))
    review = sl.read_text("\n".join(review_texts))
    t = time.process_time()
    prep = prepare(plan, review)
    after_prepare = peak_mb()
    rows = decide(prep)
    seconds = time.process_time() - t
    peak = peak_mb()
    print(f"pair ({'distinct reports' if a.distinct else 'one report repeated'}): plan {len(plan.text):,} chars, "
          f"review {len(review.text):,} chars; "
          f"{len(prep.every)} commitments, {len(prep.eligible)} evidence sentences, {len(rows)} rows")
    print(f"peak RSS: after loading {loaded:.0f} MB, after prepare {after_prepare:.0f} MB, "
          f"after decide {peak:.0f} MB (bar {BAR_MB} MB); CPU {seconds:.1f} s")
    t = time.process_time()
    sentences = [s.text for s in review.sentences]
    matcher = CommitmentMatcher().fit(sentences)
    top = _top_candidates(matcher, [c.text for _, c in prep.every], [])
    peak = peak_mb()
    print(f"retrieval alone: {len(prep.every)} commitments x {len(sentences):,} sentences "
          f"(dense would be {len(prep.every) * len(sentences) * 8 / 2**20:.0f} MB per score array), "
          f"top {len(top[0].index) if top else 0} kept each; peak RSS {peak:.0f} MB; "
          f"CPU {time.process_time() - t:.1f} s")
    return 0 if peak < BAR_MB else 1


if __name__ == "__main__":
    sys.exit(main())
