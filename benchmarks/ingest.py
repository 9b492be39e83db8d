"""End-to-end ingest speed: reading, extraction and storing, in words per second.

Runs the real command line (``claimtrack ingest DIR --jobs N``) into a fresh store in a
temporary directory, once per number of jobs, and reports wall time, words per second
and the peak memory of the run (the largest process: the writer or a worker).

    python benchmarks/ingest.py path/to/articles              # --jobs 1 and one per CPU
    python benchmarks/ingest.py path/to/articles --jobs 1 2 4
    python benchmarks/ingest.py big.txt --jobs 1               # one long article
    python benchmarks/ingest.py path/to/articles --repeat 5    # the median of 5 runs

A shared machine's speed drifts by a tenth from minute to minute: with ``--repeat`` the
runs of each number of jobs alternate, and the median run of each is reported. The
speed-up over one job is taken within each round, between runs a few seconds apart, so
that drift between rounds does not enter it: the column gives the median of the rounds'
speed-ups and, with ``--repeat``, their range.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import compile_claimtrack


def run(paths: list[str], jobs: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        command = [sys.executable, "-m", "claimtrack", "ingest", *paths, "--db", str(db), "--json"]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run([*command, "--jobs", str(jobs)], capture_output=True, text=True)
        seconds = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if not done.stdout:
            sys.exit(f"ingest failed:\n{done.stderr}")
        summary = json.loads(done.stdout)
        size = db.stat().st_size + sum(p.stat().st_size for p in Path(tmp).glob("bench.db-*"))
    return {
        "jobs": jobs,
        "files": len(summary["files"]),
        "failed": summary["failed"],
        "words": summary["words"],
        "seconds": seconds,
        "words_per_s": summary["words"] / seconds,
        "cpu_s": (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime),
        "peak_rss_mb": after.ru_maxrss / 1024,  # the largest child so far, in KiB on Linux
        "store_mb": size / 1e6,
    }


def main() -> None:
    compile_claimtrack()
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("paths", nargs="+", help="Article files or directories.")
    parser.add_argument(
        "--jobs", type=int, nargs="+", help="Numbers of jobs to try (default: 1 and all CPUs)."
    )
    parser.add_argument("--repeat", type=int, default=1, help="Runs of each (the median is shown).")
    parser.add_argument("--json", action="store_true", help="Print the results as JSON.")
    args = parser.parse_args()
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    counts = args.jobs or sorted({1, cpus})
    runs: dict[int, list[dict[str, float]]] = {jobs: [] for jobs in counts}
    for _ in range(args.repeat):
        for jobs in counts:
            runs[jobs].append(run(args.paths, jobs))
    results = [sorted(r, key=lambda x: x["seconds"])[len(r) // 2] for r in runs.values()]
    for r in results:
        if 1 in runs:  # each round's one-job time over its N-job time
            ratios = [one["seconds"] / n["seconds"] for one, n in zip(runs[1], runs[r["jobs"]], strict=True)]
            r["speedup"] = statistics.median(ratios)
            r["speedup_range"] = [min(ratios), max(ratios)]
    if args.json:
        print(json.dumps(results, indent=2))
        return
    print(
        f"{'jobs':>4} {'files':>6} {'words':>9} {'seconds':>8} {'words/s':>9} {'cpu s':>7} {'peak MB':>8}"
        f" {'× 1 job':>8}"
    )
    for r in results:
        speedup = f"{r['speedup']:>8.2f}" if "speedup" in r else f"{'–':>8}"
        if "speedup" in r and args.repeat > 1:
            speedup += "  ({:.2f}–{:.2f})".format(*r["speedup_range"])
        print(
            f"{r['jobs']:>4} {r['files']:>6} {r['words']:>9} {r['seconds']:>8.1f} {r['words_per_s']:>9,.0f} "
            f"{r['cpu_s']:>7.1f} {r['peak_rss_mb']:>8.0f} {speedup}"
        )


if __name__ == "__main__":
    main()
