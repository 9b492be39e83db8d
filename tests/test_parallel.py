"""Ingest in worker processes: the same store whatever the number of jobs, in bounded memory.

Speed is measured in ``benchmarks/``; these tests only pin down what must not change
with the number of workers: the records, their ids, the order, the summary.
"""

from __future__ import annotations

import itertools
import json
import os
import shutil
import signal
import sqlite3
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from conftest import FACTORY, FLOODS, MINISTRY, REBELS, TALKS, invoke, write

from claimtrack.parallel import MAX_CHUNK, PIPE_BYTES, Workers, _chunks, ordered_map

ARTICLES = {"a/ministry.txt": MINISTRY, "a/rebels.md": REBELS, "b/floods.txt": FLOODS,
            "b/factory.md": FACTORY, "c/talks.txt": TALKS, "c/copy-of-ministry.txt": MINISTRY}  # fmt: skip


def articles(root: Path) -> Path:
    for name, text in ARTICLES.items():
        write(root / name, text)
    write(root / "c/empty.txt", "")  # fails, in its place in the order
    return root


def dump(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every stored row but the ingest time, in id order: equal dumps, equal stores."""
    conn = sqlite3.connect(db)
    tables = ["sources", "statements", "figures", "dates", "sentences", "record_topics"]
    out = {}
    for table in tables:
        names = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] != "ingested_at"]
        order = "kind, record_id, topic" if table == "record_topics" else "id"
        quoted = ", ".join(f'"{n}"' for n in names)
        out[table] = conn.execute(f"SELECT {quoted} FROM {table} ORDER BY {order}").fetchall()
    conn.close()
    return out


def run_ingest(db: Path, *args: str) -> tuple[int, dict[str, Any], str]:
    result = invoke("ingest", *args, "--db", str(db), "--json")
    return result.exit_code, json.loads(result.stdout), result.stderr


def test_one_job_and_two_store_the_same(tmp_path: Path) -> None:
    root = articles(tmp_path / "in")
    one = run_ingest(tmp_path / "one.db", str(root), "--jobs", "1")
    two = run_ingest(tmp_path / "two.db", str(root), "--jobs", "2")
    assert one == two
    code, summary, _ = one
    assert code == 1  # the empty file
    assert (summary["added"], summary["unchanged"], summary["failed"]) == (5, 1, 1)
    assert [f["path"] for f in summary["files"]] == sorted(str(root / n) for n in [*ARTICLES, "c/empty.txt"])
    stored = dump(tmp_path / "one.db")
    assert stored == dump(tmp_path / "two.db")
    assert len(stored["sources"]) == 5 and stored["statements"] and stored["record_topics"]


def test_after_an_ingest_with_jobs_the_database_file_holds_everything(tmp_path: Path) -> None:
    # The workers stop before the store closes, so its connection is the last and folds
    # the write-ahead log into the file: a copy of the file alone is the whole store.
    root = articles(tmp_path / "in")
    run_ingest(tmp_path / "s.db", str(root), "--jobs", "2")
    assert not (tmp_path / "s.db-wal").exists() or (tmp_path / "s.db-wal").stat().st_size == 0
    shutil.copyfile(tmp_path / "s.db", tmp_path / "copy.db")
    assert len(dump(tmp_path / "copy.db")["sources"]) == 5


def test_a_second_run_with_jobs_extracts_nothing_new(tmp_path: Path) -> None:
    root = articles(tmp_path / "in")
    run_ingest(tmp_path / "s.db", str(root), "--jobs", "2")
    before = dump(tmp_path / "s.db")
    code, summary, _ = run_ingest(tmp_path / "s.db", str(root), "--jobs", "2")
    assert (code, summary["added"], summary["unchanged"]) == (1, 0, 6)
    assert dump(tmp_path / "s.db") == before


def test_force_with_jobs_replaces_in_place(tmp_path: Path) -> None:
    root = articles(tmp_path / "in")
    run_ingest(tmp_path / "one.db", str(root), "--jobs", "1")
    run_ingest(tmp_path / "two.db", str(root), "--jobs", "1")
    run_ingest(tmp_path / "one.db", str(root), "--jobs", "1", "--force")
    run_ingest(tmp_path / "two.db", str(root), "--jobs", "2", "--force")
    assert dump(tmp_path / "one.db") == dump(tmp_path / "two.db")


def test_results_come_back_in_input_order() -> None:
    assert list(ordered_map(abs, range(0, -50, -1), jobs=2)) == list(range(50))


def test_the_input_is_not_read_ahead_of_the_window() -> None:
    # An endless input: a pool that queued it all would never return.
    first = list(itertools.islice(ordered_map(abs, itertools.count(), jobs=2), 5))
    assert first == [0, 1, 2, 3, 4]


def test_items_go_in_chunks_by_weight_and_come_back_in_order() -> None:
    weights = [5, 1, 1, 1, 9, 1, 1]
    assert list(_chunks(weights, abs, 3)) == [[5], [1, 1, 1], [9], [1, 1]]
    assert [len(part) for part in _chunks([0] * 150, abs, 1)] == [MAX_CHUNK, MAX_CHUNK, 150 - 2 * MAX_CHUNK]
    numbers = list(range(0, -200, -1))
    assert list(ordered_map(abs, numbers, jobs=2, weigh=lambda n: 1, chunk=7)) == list(range(200))
    endless = ordered_map(abs, itertools.count(), jobs=2, weigh=lambda n: 1, chunk=3)
    assert list(itertools.islice(endless, 5)) == [0, 1, 2, 3, 4]


def test_the_last_chunks_shrink_so_that_the_workers_finish_together() -> None:
    weights = [10] * 100
    parts = list(_chunks(weights, abs, 100, workers=2))
    assert [w for part in parts for w in part] == weights
    sizes = [sum(part) for part in parts]
    assert sizes[0] == 100 and sizes[-1] < 100
    assert all(a >= b for a, b in itertools.pairwise(sizes))
    assert min(sizes) >= 100 // 8
    assert [sum(part) for part in _chunks(weights, abs, 100)] == [100] * 10  # one worker: no need


def _slow_with_pid(n: int) -> tuple[int, int]:
    time.sleep(0.005)
    return n, os.getpid()


def test_the_caller_does_chunks_itself_instead_of_waiting() -> None:
    # Two jobs: one worker process, and this one, which takes the chunks no worker has
    # started whenever the result it needs is not in (the worker is still starting).
    got = list(ordered_map(_slow_with_pid, range(40), jobs=2, weigh=lambda n: 1, chunk=2))
    assert [n for n, _ in got] == list(range(40))
    pids = {pid for _, pid in got}
    assert os.getpid() in pids and len(pids) == 2


def _slow_with_ctrl_c(n: int) -> tuple[int, bool]:
    time.sleep(0.005)
    return os.getpid(), signal.getsignal(signal.SIGINT) == signal.SIG_IGN


def test_workers_leave_ctrl_c_to_the_process_that_started_them() -> None:
    # The terminal sends Ctrl-C to every process of the group: a worker it interrupted
    # would print a traceback. This process stops the pool instead.
    got = set(ordered_map(_slow_with_ctrl_c, range(40), jobs=2, weigh=lambda n: 1, chunk=2))
    assert got == {(os.getpid(), False), *((pid, True) for pid, _ in got if pid != os.getpid())}
    assert len(got) == 2


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="pipe sizes are set on Linux only")
def test_a_worker_can_send_a_chunks_results_without_waiting_for_them_to_be_read() -> None:
    if int(Path("/proc/sys/fs/pipe-max-size").read_text()) < PIPE_BYTES:
        pytest.skip("this system caps pipes below what a chunk's results need")
    import fcntl

    with Workers(2) as workers:
        pipe = workers.pool._result_queue._writer.fileno()  # type: ignore[attr-defined]
        assert fcntl.fcntl(pipe, getattr(fcntl, "F_GETPIPE_SZ", 1032)) >= PIPE_BYTES


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_extract_jsonl_is_the_same_for_any_jobs(tmp_path: Path, jobs: str) -> None:
    root = articles(tmp_path / "in")
    one = invoke("extract", str(root), "--format", "jsonl", "--jobs", "1")
    other = invoke("extract", str(root), "--format", "jsonl", "--jobs", jobs)
    assert (one.exit_code, one.stdout) == (other.exit_code, other.stdout)
    assert len(one.stdout.splitlines()) == len(ARTICLES)
