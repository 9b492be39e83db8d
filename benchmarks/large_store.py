"""Query latency on a large store: 100,000 sources, about a million statements and figures.

The store is built quickly by recombining real records: the articles in DIR are
ingested once (with every CPU), then their rows are copied with ``INSERT … SELECT`` under
new source ids, paths, hashes and dates shifted by a few days per copy, until there are
``--sources`` sources. Each query then runs through the real command line, several
times, and the median wall time is reported with the number of rows it printed.

    python benchmarks/large_store.py path/to/articles                 # build, then time
    python benchmarks/large_store.py path/to/articles --db big.db     # keep the store
    python benchmarks/large_store.py --db big.db                      # time an existing one
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import compile_claimtrack

RUNS = 5


def build(articles: list[str], db: Path, sources: int) -> None:
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "claimtrack", "ingest", *articles, "--db", str(db), "--json"],
        capture_output=True,
        text=True,
    )
    if not done.stdout:
        sys.exit(f"ingest failed:\n{done.stderr}")
    print(f"seed: {json.loads(done.stdout)['added']} articles in {time.perf_counter() - start:.1f} s")
    start = time.perf_counter()
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA synchronous = OFF")
    seed = conn.execute("SELECT count(*), max(id) FROM sources").fetchone()
    count, step = seed[0], seed[1] + 1
    copies = -(-sources // count) - 1
    columns = {t: _columns(conn, t) for t in ("sources", "statements", "figures", "dates", "sentences")}
    for copy in range(1, copies + 1):
        limit = min(count, sources - count * copy)
        days = f"'+{copy % 3650} days'"
        shifted = {
            "id": f"id + {copy * step}",
            "path": f"path || '#{copy}'",
            "sha256": f"substr(sha256, 1, 56) || printf('%08d', {copy})",
            "published": f"date(published, {days})",
        }
        conn.execute("BEGIN")
        _copy(conn, "sources", columns["sources"], shifted, f"id < {step} ORDER BY id LIMIT {limit}")
        record = {"source_id": f"source_id + {copy * step}", "date_key": f"date(date_key, {days})"}
        where = f"source_id IN (SELECT id FROM sources WHERE id < {step} ORDER BY id LIMIT {limit})"
        for table in ("statements", "figures", "dates", "sentences"):
            _copy(conn, table, [c for c in columns[table] if c != "id"], record, where)
        conn.execute("COMMIT")
        print(f"\rcopies: {copy}/{copies}", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    conn.execute("INSERT INTO sentences_fts (sentences_fts) VALUES ('rebuild')")  # ingest indexes per source
    conn.execute("DELETE FROM record_topics")
    for table in ("statements", "figures"):
        conn.execute(
            f"INSERT INTO record_topics (kind, record_id, topic) SELECT '{table}', r.id, t.value "
            f"FROM {table} r, json_each(r.topics) t WHERE r.topics != '[]'"
        )
    conn.execute("ANALYZE")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    print(f"copied in {time.perf_counter() - start:.0f} s")


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]


def _copy(
    conn: sqlite3.Connection, table: str, columns: list[str], changes: dict[str, str], where: str
) -> None:
    quoted = ", ".join(f'"{c}"' for c in columns)
    values = ", ".join(changes.get(c, f'"{c}"') for c in columns)
    conn.execute(f"INSERT INTO {table} ({quoted}) SELECT {values} FROM {table} WHERE {where}")


def choose(db: Path) -> dict[str, str]:
    """Query values typical of the store: its rarest and commonest topic, a speaker, a phrase."""
    conn = sqlite3.connect(db)
    topics = [
        r[0]
        for r in conn.execute(
            "SELECT topic FROM record_topics WHERE kind = 'figures' GROUP BY topic ORDER BY count(*)"
        )
    ]
    speaker = conn.execute(
        "SELECT speaker FROM statements WHERE speaker IS NOT NULL GROUP BY speaker "
        "ORDER BY count(*) DESC LIMIT 1 OFFSET 20"
    ).fetchone()[0]
    conn.close()
    return {"rare": topics[0], "common": topics[-1], "speaker": speaker.split()[-1], "search": '"death toll"'}


def queries(values: dict[str, str]) -> list[list[str]]:
    rare, common, speaker, phrase = values["rare"], values["common"], values["speaker"], values["search"]
    return [
        ["--version"],
        ["sources", "--limit", "20"],
        ["figures", "--topic", rare, "--json"],
        ["figures", "--topic", common, "--limit", "100", "--json"],
        ["figures", "--topic", common],
        ["figures", "--topic", common, "--json"],
        ["statements", "--speaker", speaker],
        ["statements", "--speaker", speaker, "--json"],
        ["search", phrase],
        ["search", phrase, "--json"],
        ["conflicts", "--topic", rare, "--json"],
        ["timeline", "--topic", rare, "--json"],
        ["timeline", "--topic", rare, "--since", "2016-01-01", "--until", "2016-01-31", "--json"],
    ]


def time_query(db: Path, args: list[str]) -> tuple[float, float, int, str]:
    """Median wall and CPU seconds of the real command line, rows printed, last message.

    CPU time (user + system) is reported beside wall time because it does not grow when
    other programs share the machine.
    """
    command = [sys.executable, "-m", "claimtrack", *args]
    if args != ["--version"]:
        command += ["--db", str(db)]
    walls, cpus, out, err = [], [], "", ""
    env = {**os.environ, "COLUMNS": "160"}
    for _ in range(RUNS):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, env=env)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
        out, err = done.stdout, done.stderr
    try:
        parsed = json.loads(out)
        rows = len(parsed) if isinstance(parsed, list) else 1
    except ValueError:
        rows = out.count("\n")
    note = err.strip().splitlines()[-1] if err.strip() else ""
    return statistics.median(walls), statistics.median(cpus), rows, note


def main() -> None:
    compile_claimtrack()
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "articles", nargs="*", help="Articles to build the store from (files or directories)."
    )
    parser.add_argument("--db", type=Path, help="Where to build the store, or an existing one to time.")
    parser.add_argument(
        "--sources", type=int, default=100_000, help="Sources in the store (default 100,000)."
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "large.db"
        if args.articles:
            if db.exists():
                sys.exit(f"{db} exists; give a new --db to build, or no articles to time it")
            build(args.articles, db, args.sources)
        elif not db.exists():
            sys.exit("give a directory of articles to build a store, or --db of one built before")
        conn = sqlite3.connect(db)
        counts = {
            t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("sources", "statements")
        }
        counts["figures"] = conn.execute("SELECT count(*) FROM figures").fetchone()[0]
        conn.close()
        print(", ".join(f"{n:,} {t}" for t, n in counts.items()), f"({db.stat().st_size / 1e9:.1f} GB)")
        values = choose(db)
        print(f"{'wall s':>7} {'cpu s':>6} {'rows':>7}  query (medians of {RUNS} runs)")
        for q in queries(values):
            wall, cpu, rows, note = time_query(db, q)
            line = f"{wall:>7.3f} {cpu:>6.3f} {rows:>7}  claimtrack {' '.join(q)}"
            print(line + (f"   [{note}]" if note else ""))


if __name__ == "__main__":
    main()
