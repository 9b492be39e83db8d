"""The cost of each extraction stage on a folder of articles, in CPU seconds or instructions.

    python benchmarks/stages.py path/to/articles [--every 7] [--instructions]

CPU seconds on a shared machine drift by a tenth or more from one minute to the next;
``--instructions`` counts the instructions each stage runs instead, under valgrind's
cachegrind (``apt-get install valgrind``): the same count, to a few parts in a million,
whatever else the machine does, which makes a change of one per cent visible. It is
about fifty times slower: ``--every 7`` takes every seventh article.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

from common import compile_claimtrack

PUBLISHED = dt.date(2024, 1, 1)
STAGES = ("sentences", "dates", "statements", "figures", "topics", "all")


def run(stage: str, texts: list[str], sentences: list) -> None:
    """Run one stage over the texts, whose sentences are given (``none``: nothing)."""
    from claimtrack.extract import extract
    from claimtrack.extract.dates import find_dates
    from claimtrack.extract.figures import find_figures
    from claimtrack.extract.sentences import split_sentences
    from claimtrack.extract.statements import find_statements
    from claimtrack.extract.topics import DEFAULT_MATCHER

    if stage == "sentences":
        for text in texts:
            split_sentences(text)
    elif stage == "dates":
        for text in texts:
            find_dates(text, PUBLISHED)
    elif stage == "statements":
        for text, found in zip(texts, sentences, strict=True):
            find_statements(text, found)
    elif stage == "figures":
        for text, found in zip(texts, sentences, strict=True):
            find_figures(text, found)
    elif stage == "topics":
        for text in texts:
            DEFAULT_MATCHER.scan(text)
    elif stage == "all":
        for text in texts:
            extract(text, PUBLISHED)


def instructions(args: argparse.Namespace, stage: str) -> int:
    command = [
        "valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
        sys.executable, __file__, args.folder, "--every", str(args.every), "--run", stage,
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    found = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    if found is None:
        sys.exit(f"no instruction count in valgrind's output:\n{done.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main() -> None:
    raw = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=raw)
    parser.add_argument("folder", help="a folder of .txt articles")
    parser.add_argument("--every", type=int, default=1, help="take every Nth article (default: all)")
    parser.add_argument("--instructions", action="store_true", help="count instructions under valgrind")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each stage for CPU seconds (median)")
    parser.add_argument("--run", choices=("none", *STAGES), help=argparse.SUPPRESS)  # one stage, for valgrind
    args = parser.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted(Path(args.folder).glob("*.txt"))[:: args.every]]
    from claimtrack.extract.sentences import split_sentences

    sentences = [split_sentences(t) for t in texts]  # what statements and figures start from
    if args.run:
        run(args.run, texts, sentences)
        return
    compile_claimtrack()
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} articles, {words:,} words")
    if args.instructions:
        base = instructions(args, "none")  # start-up, reading, and splitting the sentences
        print(f"{'stage':12s} {'M instructions':>15s}")
        for stage in STAGES:
            print(f"{stage:12s} {(instructions(args, stage) - base) / 1e6:15,.0f}")
        return
    run("all", texts[:20], sentences[:20])  # warm up
    print(f"{'stage':12s} {'cpu s':>8s} {'words/s':>12s}")
    for stage in STAGES:
        times = []
        for _ in range(args.repeat):
            start = time.process_time()
            run(stage, texts, sentences)
            times.append(time.process_time() - start)
        seconds = statistics.median(times)
        print(f"{stage:12s} {seconds:8.2f} {words / seconds:12,.0f}")


if __name__ == "__main__":
    main()
