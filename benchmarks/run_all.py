"""Run every benchmark in this folder, one after the other (what `make bench` does).

Each benchmark prints its own figures; they read the 46 national reports in corpora/national
and fall back to the bundled corpora/ otherwise. Pass --quick to ask the ones that
support it for a short run. bench_issue12.py prints the one table of issue 12's bars and
rewrites docs/benchmarks.md with it.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
QUICK_AWARE = {"bench_segment.py"}
#: Extra arguments of a benchmark.
ARGS = {"bench_issue12.py": ["--markdown", "docs/benchmarks.md"]}


def main() -> int:
    quick = "--quick" in sys.argv[1:]
    failed = []
    for script in sorted(HERE.glob("bench_*.py")):
        print(f"\n=== {script.name} ===", flush=True)
        args = [sys.executable, str(script), *ARGS.get(script.name, [])]
        if quick and script.name in QUICK_AWARE:
            args.append("--quick")
        t = time.perf_counter()
        code = subprocess.call(args, cwd=HERE.parent)
        print(f"--- {script.name}: exit {code}, {time.perf_counter() - t:.1f} s wall", flush=True)
        if code:
            failed.append(script.name)
    if failed:
        print("failed: " + ", ".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
