"""Crashes and concurrency: kill -9 at any moment, two ingests at once, queries meanwhile.

Each test compares a canonical dump of the store — every source and record without ids
or ingest times — with the dump of one clean, uninterrupted run over the same files.
"""

from __future__ import annotations

import contextlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from conftest import run_main, write

RECORD_TABLES = ("sentences", "statements", "figures", "dates")
SPEAKERS = [
    "The defence ministry",
    "Governor Ana Lopes",
    "Rebel commanders",
    "A UN spokesman",
    "Chief Tom Berg",
]
CUES = ["said", "estimated", "denied", "confirmed", "told reporters"]
UNITS = ["soldiers", "people", "homes", "containers", "schools"]
ARTICLES = 60  # enough for an ingest to take a while, few enough to keep each test quick
WHEN = ["by March", "next week", "in 2026", "on Friday", "since January"]


def article(i: int) -> str:
    """A short wire report, different for every ``i``, with statements, figures and dates."""
    rng = random.Random(i)
    paragraphs = []
    for j in range(rng.randint(3, 6)):
        who, cue, unit = rng.choice(SPEAKERS), rng.choice(CUES), rng.choice(UNITS)
        paragraphs.append(
            f"{who} {cue} on Monday that {rng.randint(2, 90) * 100:,} {unit} were affected in "
            f'district {i}-{j}. "We expect about {rng.randint(1, 50)}% more {rng.choice(WHEN)}," '
            f"{rng.choice(['she', 'he'])} said."
        )
    front = f"---\ntitle: Report {i}\noutlet: Wire {i % 3}\ndate: 2025-0{1 + i % 9}-1{i % 10}\n---\n"
    return front + "\n\n".join(paragraphs) + "\n"


def make_articles(root: Path, count: int) -> list[Path]:
    return [write(root / f"a{i:03d}.txt", article(i)) for i in range(count)]


def dump(db: Path) -> dict[str, Any]:
    """Everything stored, keyed by text hash, without ids and ingest times: equal for equal runs."""
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        sources = {}
        for source in conn.execute("SELECT * FROM sources"):
            row = {k: v for k, v in dict(source).items() if k not in ("id", "ingested_at")}
            for table in RECORD_TABLES:
                records = conn.execute(f"SELECT * FROM {table} WHERE source_id = ?", [source["id"]])
                row[table] = sorted(
                    tuple((k, v) for k, v in dict(r).items() if k not in ("id", "source_id")) for r in records
                )
            sources[source["sha256"]] = row
        orphans = {
            t: conn.execute(
                f"SELECT count(*) FROM {t} WHERE source_id NOT IN (SELECT id FROM sources)"
            ).fetchone()[0]
            for t in RECORD_TABLES
        }
    finally:
        conn.close()
    return {"sources": sources, "orphans": orphans}


def claimtrack(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "claimtrack", *map(str, args)]


def assert_sound(db: Path) -> None:
    result = run_main("verify", "--db", str(db))
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith("OK: "), result.stderr


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any], float]:
    """Generated articles, the dump of one clean run over them, and how long that run took."""
    root = tmp_path_factory.mktemp("crash")
    make_articles(root / "articles", ARTICLES)
    db = root / "clean.db"
    started = time.monotonic()
    done = subprocess.run(
        claimtrack("ingest", root / "articles", "--db", db), capture_output=True, timeout=120
    )
    took = time.monotonic() - started
    assert done.returncode == 0, done.stderr
    expected = dump(db)
    assert len(expected["sources"]) == ARTICLES
    return root / "articles", expected, took


def kill_group(process: subprocess.Popen[bytes]) -> None:
    """SIGKILL the ingest (and any workers it started), then reap it."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=30)


# --- kill -9 after varying delays -------------------------------------------------------


@pytest.mark.parametrize("fraction", [0.2, 0.45, 0.7, 0.95])
def test_kill_at_any_moment_then_ingest_again(
    corpus: tuple[Path, dict[str, Any], float], tmp_path: Path, fraction: float
) -> None:
    articles, expected, took = corpus
    db = tmp_path / "store.db"
    process = subprocess.Popen(
        claimtrack("ingest", articles, "--db", db),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    time.sleep(took * fraction)
    kill_group(process)
    again = subprocess.run(claimtrack("ingest", articles, "--db", db), capture_output=True, timeout=120)
    assert again.returncode == 0, again.stderr
    assert b"Traceback" not in again.stderr
    assert dump(db) == expected
    assert_sound(db)


# The worst moments, hit for certain: a process that kills itself with SIGKILL while a
# source's records are written but not committed, or while a new store is being created.
DIE_WHILE_WRITING = textwrap.dedent(
    """
    import os, signal, sys
    from claimtrack import cli, migrations, store

    moment, when = sys.argv[1], int(sys.argv[2])
    calls = 0

    def die_after(original):
        def wrapper(*args, **kwargs):
            global calls
            result = original(*args, **kwargs)
            calls += 1
            if calls == when:
                os.kill(os.getpid(), signal.SIGKILL)
            return result
        return wrapper

    if moment == "records":
        store.Store._insert_records = die_after(store.Store._insert_records)
    else:
        migrations.migrate = die_after(migrations.migrate)
    sys.argv = ["claimtrack", *sys.argv[3:]]
    cli.main()
    """
)


@pytest.mark.parametrize(
    ("moment", "when"),
    [("migration", 1), ("records", 1), ("records", 40)],
    ids=["creating the store", "first source", "fortieth source"],
)
def test_killed_inside_a_transaction(
    corpus: tuple[Path, dict[str, Any], float], tmp_path: Path, moment: str, when: int
) -> None:
    articles, expected, _ = corpus
    db = tmp_path / "store.db"
    script = write(tmp_path / "die.py", DIE_WHILE_WRITING)
    died = subprocess.run(
        [
            sys.executable,
            str(script),
            moment,
            str(when),
            "ingest",
            str(articles),
            "--db",
            str(db),
            "--jobs",
            "1",
        ],
        capture_output=True,
        timeout=120,
    )
    assert died.returncode == -signal.SIGKILL, died.stderr
    if moment == "records":
        # Whole sources from before the one being written (those of the batch it was
        # in are lost with it), and nothing of that one.
        partial = dump(db)
        assert len(partial["sources"]) <= when - 1
        assert partial["orphans"] == dict.fromkeys(RECORD_TABLES, 0)
        assert all(expected["sources"][digest] == row for digest, row in partial["sources"].items())
    again = subprocess.run(claimtrack("ingest", articles, "--db", db), capture_output=True, timeout=120)
    assert again.returncode == 0, again.stderr
    assert dump(db) == expected
    assert_sound(db)


# --- two ingests at once, queries meanwhile -------------------------------------------------


def test_two_ingests_at_once_into_a_new_store(
    corpus: tuple[Path, dict[str, Any], float], tmp_path: Path
) -> None:
    articles, expected, _ = corpus
    files = sorted(articles.iterdir())
    first, second = files[:40], files[20:]  # a third of the files in both
    for attempt in range(2):
        db = tmp_path / f"store{attempt}.db"
        runs = [
            subprocess.Popen(
                claimtrack("ingest", *part, "--db", db), stdout=subprocess.PIPE, stderr=subprocess.PIPE
            )
            for part in (first, second)
        ]
        for process in runs:
            _, err = process.communicate(timeout=120)
            assert process.returncode == 0, err.decode()
            assert b"locked" not in err and b"Traceback" not in err
        assert dump(db) == expected
        assert_sound(db)


def test_queries_while_two_ingests_run(corpus: tuple[Path, dict[str, Any], float], tmp_path: Path) -> None:
    articles, expected, _ = corpus
    files = sorted(articles.iterdir())
    db = tmp_path / "store.db"
    assert run_main("ingest", str(files[0]), "--db", str(db)).exit_code == 0  # queries need a store
    runs = [
        subprocess.Popen(
            claimtrack("ingest", *part, "--db", db), stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        for part in (files[:45], files[15:])
    ]
    stop = threading.Event()
    threading.Thread(target=lambda: (runs[0].wait(), runs[1].wait(), stop.set()), daemon=True).start()
    queries = [
        ["sources", "--json"],
        ["statements", "--speaker", "Lopes", "--json"],
        ["figures", "--unit", "soldier", "--json"],
        ["search", "district", "--limit", "5"],
        ["timeline", "--json"],
    ]
    asked = 0
    while not stop.is_set() or asked < len(queries):
        result = run_main(*queries[asked % len(queries)], "--db", str(db))
        assert result.exit_code == 0, result.output
        asked += 1
    for process in runs:
        _, err = process.communicate(timeout=120)
        assert process.returncode == 0, err.decode()
    assert dump(db) == expected
    assert_sound(db)
