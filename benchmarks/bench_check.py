"""Benchmark of the plan check (run on demand, not a test).

    .venv/bin/python benchmarks/bench_check.py

1. 200 commitments against a 50,000-character report: a plan of 200 promises
   built from the sample's and the 2013 report's plan sentences, checked
   against a review made of the synthetic 2022 report's and the 2014 report's
   review paragraphs, repeated to 50,000 characters.
2. The whole national pair: the 2013 政府工作报告's plan against the 2014
   report's review.
Times are after loading (jieba's dictionary, scikit-learn, the lexicons and
the documents are warmed up first); each figure is the best of three runs,
and the split prepare (facts, commitments, matcher fit, top-k candidates) /
decide (features and the learned verdict) is shown.  Memory stays linear:
commitments are scored against the review in chunks of 64 and only the top
candidates of each are kept (no commitments × sentences array).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

# The checkout's package, not an installed copy.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import summarylab as sl  # noqa: E402
from summarylab.plancheck import check, decide, prepare  # noqa: E402
from summarylab.extract import facts  # noqa: E402
from summarylab.plans import plan_items  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def forget_facts(*docs) -> None:
    """Drop the facts check keeps on each document, so the next check computes them."""
    for doc in docs:
        for name in ("fact_analysis", "facts", "plan_analysis", "plan_items"):
            doc.__dict__.pop(name, None)
        doc._tagged.clear()
CORPORA = ROOT / "corpora"


def best_of(fn, runs: int = 3) -> tuple[float, object]:
    best, out = float("inf"), None
    for _ in range(runs):
        t = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t)
    return best, out


def synthetic_pair() -> tuple[sl.Document, sl.Document, int]:
    sample = sl.read(CORPORA / "000_85a1b6df8f5117e0.txt")
    gov = sl.read(CORPORA / "national/2013.txt")
    promises = [c for cs in plan_items(sample).commitments for c in cs]
    promises += [c for cs in plan_items(gov).commitments for c in cs]
    promises = (promises * 10)[:200]
    # 20 plan items of 10 promises each, in the genre: （一）… then the promises.
    items = [f"（{_cn(k // 10 + 1)}）第{k // 10 + 1}项重点工作。" + "；".join(promises[k:k + 10]) + "。"
             for k in range(0, 200, 10)]
    plan_text = "\n".join(["某县妇联2021年工作总结和2022年工作计划", "一、2021年主要工作", "举办培训班3期。",
                           "二、2022年工作计划"] + items)
    review_parts = []
    for name in ("synthetic_上林县妇联2022年工作总结.txt", "national/2014.txt"):
        doc = sl.read(CORPORA / name)
        for sec in doc.section_list:
            if sec.level == 1 and sec.kind in ("indicators", "achievements"):
                review_parts.append(doc.text[sec.start + len(sec.marker) + len(sec.title):sec.end].strip())
    body = "\n".join(review_parts)
    review = "某县妇联2022年工作总结\n一、2022年主要工作措施和成效\n"
    while len(review) < 50_000:
        review += body + "\n"
    review = review[:50_000]
    return sl.read_text(plan_text), sl.read_text(review), len(promises)


def _cn(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n % 10] if n % 10 else "")
    return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")  # up to 99


def main() -> None:
    t = time.perf_counter()
    warm_plan = sl.read(CORPORA / "000_85a1b6df8f5117e0.txt")
    warm_later = sl.read(CORPORA / "synthetic_上林县妇联2022年工作总结.txt")
    check(warm_plan, warm_later)
    print(f"loading and a first check (jieba, scikit-learn, lexicons): {time.perf_counter() - t:.2f} s")

    plan, review, n = synthetic_pair()
    result = check(plan, review)
    print(f"\n{len(result)} commitments ({n} written) against a {review.meta.chars:,}-character review")
    seconds, prep = best_of(lambda: prepare(plan, review))
    print(f"  prepare (facts, commitments, matcher fit, score parts): {seconds:.3f} s")
    # decide keeps the features on the Prepared (a pair decided by several models
    # computes them once): forget them so each run computes them.
    seconds, _ = best_of(lambda: (setattr(prep, "features", None), setattr(prep, "paragraphs", None), decide(prep)))
    print(f"  decide (features and verdicts): {seconds:.3f} s")
    seconds, _ = best_of(lambda: check(plan, review))
    print(f"  check, end to end (facts of both documents memoised): {seconds:.3f} s")
    seconds, _ = best_of(lambda: (forget_facts(plan, review), check(plan, review)))
    print(f"  check, end to end (facts computed): {seconds:.3f} s")
    print("  verdicts:", result.verdict.value_counts().to_dict())

    p2013 = sl.read(CORPORA / "national/2013.txt")
    p2014 = sl.read(CORPORA / "national/2014.txt")
    seconds, result = best_of(lambda: check(p2013, p2014))
    print(f"\nnational pair 2013 → 2014 ({p2013.meta.chars:,} and {p2014.meta.chars:,} characters, "
          f"{len(result)} commitments): check {seconds:.3f} s (facts memoised)")
    seconds, _ = best_of(lambda: (forget_facts(p2013, p2014), check(p2013, p2014)))
    print(f"  check with the facts of both reports computed: {seconds:.3f} s")
    seconds, _ = best_of(lambda: (forget_facts(p2013, p2014), facts(p2013), facts(p2014)))
    print(f"  of which facts (summarylab.extract) of the two reports: {seconds:.3f} s")
    seconds, result = best_of(lambda: (forget_facts(warm_plan, warm_later), check(warm_plan, warm_later))[1])
    print(f"\nsample pair 2021 plan → synthetic 2022 ({len(result)} commitments): check {seconds:.3f} s")
    seconds, _ = best_of(lambda: sl.compare(warm_plan, warm_later))  # facts computed inside
    print(f"sample pair compare: {seconds:.3f} s")


if __name__ == "__main__":
    main()
