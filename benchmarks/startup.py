"""Start-up latency of the command line, and the heavy modules each command imports.

Builds a small store from ARTICLES (default: the repository's ``examples/``), then times
``claimtrack --version`` and a few queries — with hyperfine when it is installed, else
with a loop of runs — and lists which heavy modules (sqlite-utils, dateparser, Rich's
tables, the extractors, pydantic) ``python -X importtime`` shows each command loading.

    python benchmarks/startup.py
    python benchmarks/startup.py path/to/articles --runs 30
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import compile_claimtrack

ROOT = Path(__file__).resolve().parent.parent
HEAVY = (
    "sqlite_utils",
    "dateparser",
    "rich.table",
    "rich.progress",
    "claimtrack.extract.pipeline",
    "claimtrack.extract.statements",
    "pydantic",
)


def commands(db: Path) -> list[list[str]]:
    store = ["--db", str(db)]
    return [
        ["--version"],
        ["sources", *store, "--json"],
        ["figures", *store, "--json"],
        ["figures", *store, "--topic", "deployment"],
        ["statements", *store],
        ["search", "soldiers", *store],
    ]


def measure(args: list[str], runs: int) -> tuple[float, float]:
    """Mean and standard deviation of wall seconds."""
    exe = [sys.executable, "-m", "claimtrack", *args]
    if shutil.which("hyperfine"):
        with tempfile.NamedTemporaryFile(suffix=".json") as out:
            subprocess.run(
                ["hyperfine", "-N", "--warmup", "3", "--runs", str(runs), "--export-json", out.name,
                 subprocess.list2cmdline(exe)],
                check=True, capture_output=True,
            )  # fmt: skip
            result = json.loads(Path(out.name).read_text())["results"][0]
            return result["mean"], result["stddev"]
    times = []
    for _ in range(runs + 3):
        start = time.perf_counter()
        subprocess.run(exe, capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return statistics.mean(times[3:]), statistics.stdev(times[3:])


def heavy_imports(args: list[str]) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "claimtrack", *args], capture_output=True, text=True
    )
    found = set()
    for line in done.stderr.splitlines():
        name = line.rsplit("|", 1)[-1].strip()
        for heavy in HEAVY:
            if name == heavy or name.startswith(heavy + "."):
                found.add(heavy)
    return sorted(found)


def main() -> None:
    compile_claimtrack()
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("articles", nargs="?", default=str(ROOT / "examples"), help="Articles for the store.")
    parser.add_argument("--runs", type=int, default=20, help="Runs per command (default 20).")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "small.db"
        subprocess.run(
            [sys.executable, "-m", "claimtrack", "ingest", args.articles, "--db", str(db)],
            check=True, capture_output=True,
        )  # fmt: skip
        print(f"{'mean ms':>8} {'± ms':>6}  command   [heavy modules imported]")
        for command in commands(db):
            mean, spread = measure(command, args.runs)
            shown = " ".join(c if c != str(db) else "small.db" for c in command)
            heavy = heavy_imports(command)
            print(f"{mean * 1000:>8.0f} {spread * 1000:>6.0f}  claimtrack {shown}   [{', '.join(heavy)}]")


if __name__ == "__main__":
    main()
