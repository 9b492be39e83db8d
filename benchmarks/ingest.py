"""End-to-end ingest speed: reading, extraction and storing, in words per second.

Runs the real command line (``claimtrack ingest DIR --jobs N``) into a fresh store in a
temporary directory, once per number of jobs, and reports wall time, words per second
and the peak memory of the run (the largest process: the writer or a worker).

    python benchmarks/ingest.py path/to/articles              # --jobs 1 and one per CPU
    python benchmarks/ingest.py path/to/articles --jobs 1 2 4
    python benchmarks/ingest.py big.txt --jobs 1               # one long article
    python benchmarks/ingest.py path/to/articles --repeat 5    # the median of 5 runs
    python benchmarks/ingest.py path/to/articles --apart       # and N separate processes
    python benchmarks/ingest.py path/to/articles --loops       # and N pure-Python loops

A shared machine's speed drifts by a tenth or more from minute to minute: with
``--repeat`` the runs of each number of jobs alternate, and the median run of each is
reported. The speed-up over one job is taken within each round, between runs a few
seconds apart, so that drift between rounds does not enter it: the column gives the
median of the rounds' speed-ups and, with ``--repeat``, their range.

How much faster N processes can be depends on the machine as much as on claimtrack:
``--apart`` adds, for each N > 1, N separate one-job ingests run at once, each of every
N-th file into a store of its own. They share nothing, so what they reach is what the
machine gives N processes: the yardstick for ``--jobs N``. ``--loops`` adds a plainer one
that runs none of claimtrack's code: a pure-Python loop alone, then N copies at once, in
the same rounds; their speed-up (N times the one loop's time over the N loops' time) is what
the machine gives N busy processes that share nothing but the machine.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import compile_claimtrack


def run(paths: list[str], jobs: int, apart: bool = False) -> dict[str, float]:
    """One ingest with ``--jobs jobs``; with ``apart``, ``jobs`` separate one-job ingests
    at once instead, each of every ``jobs``-th file into its own store: what the machine
    gives processes that share nothing, the yardstick for ``--jobs``."""
    if apart:
        files = _files(paths)
        shares = [files[k::jobs] for k in range(jobs)]
    else:
        shares = [paths]
    each = 1 if apart else jobs
    command = [sys.executable, "-m", "claimtrack", "ingest", "--json", "--jobs", str(each)]
    with tempfile.TemporaryDirectory() as tmp:
        # Output goes to files: a full pipe would stop a process until it was read.
        out = [(Path(tmp) / f"{k}.json", Path(tmp) / f"{k}.err") for k in range(len(shares))]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        running = []
        for share, (summary, errors) in zip(shares, out, strict=True):
            with summary.open("w") as stdout, errors.open("w") as stderr:
                argv = [*command, *share, "--db", str(summary.with_suffix(".db"))]
                running.append(subprocess.Popen(argv, stdout=stdout, stderr=stderr))
        for process in running:
            process.wait()
        seconds = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if not all(summary.stat().st_size for summary, _ in out):
            sys.exit("ingest failed:\n" + "".join(errors.read_text() for _, errors in out))
        summaries = [json.loads(summary.read_text()) for summary, _ in out]
        size = sum(f.stat().st_size for f in Path(tmp).glob("*.db*"))
    words = sum(summary["words"] for summary in summaries)
    return {
        "jobs": jobs,
        "kind": "apart" if apart else "ingest",
        "files": sum(len(summary["files"]) for summary in summaries),
        "failed": sum(summary["failed"] for summary in summaries),
        "words": words,
        "seconds": seconds,
        "words_per_s": words / seconds,
        "cpu_s": (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime),
        "peak_rss_mb": after.ru_maxrss / 1024,  # the largest child so far, in KiB on Linux
        "store_mb": size / 1e6,
    }


LOOP = "total = 0\nfor i in range(10_000_000):\n    total += i"  # about a second of one core


def loops(jobs: int) -> dict[str, float]:
    """``jobs`` copies of a pure-Python loop run at once: the machine's own yardstick."""
    start = time.perf_counter()
    running = [subprocess.Popen([sys.executable, "-c", LOOP]) for _ in range(jobs)]
    for process in running:
        process.wait()
    return {"jobs": jobs, "kind": "loops", "seconds": time.perf_counter() - start}


def _files(paths: list[str]) -> list[str]:
    from claimtrack.reader import expand_paths

    return [path for path, error in expand_paths(paths) if error is None]


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
    parser.add_argument(
        "--apart",
        action="store_true",
        help="Also run N separate one-job ingests at once, each of 1/N of the files (a yardstick).",
    )
    parser.add_argument(
        "--loops",
        action="store_true",
        help="Also time a pure-Python loop alone and N copies at once (the machine's yardstick).",
    )
    parser.add_argument("--json", action="store_true", help="Print the results as JSON.")
    args = parser.parse_args()
    from claimtrack.parallel import default_jobs  # what ingest's --jobs defaults to

    counts = args.jobs or sorted({1, default_jobs()})
    kinds = [(jobs, "ingest") for jobs in counts]
    kinds += [(jobs, "apart") for jobs in counts if args.apart and jobs > 1]
    kinds += [(jobs, "loops") for jobs in sorted({1, *counts}) if args.loops]
    runs: dict[tuple[int, str], list[dict[str, float]]] = {kind: [] for kind in kinds}
    for _ in range(args.repeat):
        for jobs, kind in kinds:
            runs[jobs, kind].append(
                loops(jobs) if kind == "loops" else run(args.paths, jobs, kind == "apart")
            )
    results = [sorted(r, key=lambda x: x["seconds"])[len(r) // 2] for r in runs.values()]
    for r in results:
        # Each round's one-job time over its N-job time (N loops do N times the work).
        one = runs.get((1, "loops" if r["kind"] == "loops" else "ingest"))
        if one:
            work = r["jobs"] if r["kind"] == "loops" else 1
            pairs = zip(one, runs[r["jobs"], r["kind"]], strict=True)
            ratios = [work * a["seconds"] / b["seconds"] for a, b in pairs]
            r["speedup"] = statistics.median(ratios)
            r["speedup_range"] = [min(ratios), max(ratios)]
    if args.json:
        print(json.dumps(results, indent=2))
        return
    print(
        f"{'jobs':>8} {'files':>6} {'words':>9} {'seconds':>8} {'words/s':>9} {'cpu s':>7} {'peak MB':>8}"
        f" {'× 1 job':>8}"
    )
    for r in results:
        speedup = f"{r['speedup']:>8.2f}" if "speedup" in r else f"{'–':>8}"
        if "speedup" in r and args.repeat > 1:
            speedup += "  ({:.2f}–{:.2f})".format(*r["speedup_range"])
        kind = "loop" if r["kind"] == "loops" and r["jobs"] == 1 else r["kind"]
        jobs = str(r["jobs"]) if kind == "ingest" else f"{r['jobs']} {kind}"
        if r["kind"] == "loops":
            print(f"{jobs:>8} {'–':>6} {'–':>9} {r['seconds']:>8.1f} {'–':>9} {'–':>7} {'–':>8} {speedup}")
            continue
        print(
            f"{jobs:>8} {r['files']:>6} {r['words']:>9} {r['seconds']:>8.1f} {r['words_per_s']:>9,.0f} "
            f"{r['cpu_s']:>7.1f} {r['peak_rss_mb']:>8.0f} {speedup}"
        )


if __name__ == "__main__":
    main()
