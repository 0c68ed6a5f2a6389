"""Benchmark of batch ingest (issue 5), run on demand: local workers and Dask.

Ingests the 46 national government work reports into a fresh store with
  * 1 local worker (in process), * 2 local worker processes, * Dask, 2 workers
(a LocalCluster of single-threaded processes), and reports for each the wall
time (worker start-up and resource loading included), documents per second,
the speedup over one worker, and the peak resident memory of each worker
process and of the driver.  Memory is sampled with psutil every 50 ms over the
driver and all its descendant processes; each configuration runs in its own
fresh interpreter so that no run inherits another's memory.

Usage:
    .venv/bin/python benchmarks/bench_ingest.py [--corpus DIR] [--only NAME]

Without corpora/national it says so and exits 0.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NATIONAL = ROOT / "corpora" / "national"
CONFIGS = {
    "local-1": dict(engine="local", workers=1),
    "local-2": dict(engine="local", workers=2),
    "dask-2": dict(engine="dask", workers=2),
}


class PeakMemory:
    """Samples the resident memory of this process and its descendants."""

    def __init__(self, interval: float = 0.05):
        import psutil

        self.me = psutil.Process()
        self.interval = interval
        self.peak: dict[int, tuple[str, int]] = {}
        self.cpu: dict[int, float] = {}  # last seen user+system seconds per process
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> "PeakMemory":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        import psutil

        while not self._stop.is_set():
            procs = [self.me]
            try:
                procs += self.me.children(recursive=True)
            except psutil.Error:
                pass
            for p in procs:
                try:
                    rss = p.memory_info().rss
                    role = "driver" if p.pid == self.me.pid else _role(p)
                    times = p.cpu_times()
                    self.cpu[p.pid] = times.user + times.system
                except psutil.Error:
                    continue
                if rss > self.peak.get(p.pid, ("", 0))[1]:
                    self.peak[p.pid] = (role, rss)
            self._stop.wait(self.interval)


def _role(proc) -> str:
    cmd = " ".join(proc.cmdline())
    # multiprocessing's resource tracker and dask's nanny helpers do no analysis
    if "resource_tracker" in cmd:
        return "helper"
    return "worker"


def run_one(name: str, corpus: Path) -> dict:
    """Ingest the corpus once with one configuration; returns the measurements."""
    from summarylab.batch import ingest

    files = sorted(corpus.glob("*.txt"))
    chars = sum(len(p.read_bytes()) for p in files)
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp, PeakMemory() as mem:
        t0 = time.perf_counter()
        result = ingest(files, Path(tmp) / "bench.duckdb", **CONFIGS[name])
        seconds = time.perf_counter() - t0
    load_after = os.getloadavg()[0]
    # (peak MB, CPU s) of each worker process; a process that did no analysis
    # (under 1 CPU second: a helper that dask or multiprocessing started) is left out
    workers = sorted(((rss / 2**20, mem.cpu.get(pid, 0.0)) for pid, (role, rss) in mem.peak.items()
                      if role == "worker" and mem.cpu.get(pid, 0.0) >= 1.0), reverse=True)
    driver = max(rss for role, rss in mem.peak.values() if role == "driver")
    return dict(name=name, seconds=seconds, docs=len(files), bytes=chars, new=result.new,
                failed=len(result.failed), workers=workers,
                driver_peak_mb=driver / 2**20, cpu_seconds=sum(mem.cpu.values()),
                load=(load_before, load_after))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=NATIONAL)
    parser.add_argument("--only", choices=sorted(CONFIGS), help="run one configuration, print JSON")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"skipped: {args.corpus} is absent (the 46 national reports)")
        return 0
    if args.only:
        print(json.dumps(run_one(args.only, args.corpus)))
        return 0
    rows = []
    for name in CONFIGS:
        done = subprocess.run([sys.executable, __file__, "--corpus", str(args.corpus),
                               "--only", name], capture_output=True, text=True, cwd=ROOT)
        if done.returncode != 0:
            print(done.stderr, file=sys.stderr)
            return 1
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
    base = rows[0]["seconds"]
    print(f"batch ingest of {rows[0]['docs']} national reports "
          f"({rows[0]['bytes'] / 2**20:.1f} MB GBK) on {os.cpu_count()} CPUs")
    # Wall time is what a user waits; CPU seconds (driver + workers) show the
    # overhead of parallelism even when other programs share the machine,
    # which the load average (1 min, before/after) makes visible.
    print(f"{'config':<9} {'wall s':>7} {'docs/s':>7} {'speedup':>8} {'CPU s':>7} "
          f"{'workers: peak MB/CPU s':>22} {'driver MB':>10} {'load':>10}  new/failed")
    for r in rows:
        workers = ", ".join(f"{mb:.0f}/{cpu:.0f}" for mb, cpu in r["workers"]) or "(in driver)"
        load = "{:.1f}/{:.1f}".format(*r["load"])
        print(f"{r['name']:<9} {r['seconds']:>7.1f} {r['docs'] / r['seconds']:>7.2f} "
              f"{base / r['seconds']:>7.2f}x {r['cpu_seconds']:>7.1f} {workers:>22} "
              f"{r['driver_peak_mb']:>10.0f} {load:>10}  {r['new']}/{r['failed']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
