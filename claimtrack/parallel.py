"""Run a function over items in worker processes, yielding results in input order.

The design decision: a *bounded window* of items is in flight at once (a few per
worker), so memory stays flat however many files a run names, and results come back in
the order the items went in, so whatever consumes them (the one process that writes the
store) sees the same sequence for any number of workers. With one job nothing is
forked: the function runs in this process.

Workers are *spawned* (fresh interpreters, each importing the modules named in
``preload`` as it starts) unless the caller says it may fork: a fork of a process that
holds a SQLite connection or runs a progress bar's thread is not safe. ``ingest`` starts
its workers first thing, before it opens the store, so on Linux it forks them (when no
other thread runs): they inherit the extractors already imported, which saves each a
fifth of a second of start-up.
"""

from __future__ import annotations

import importlib
import itertools
import os
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:  # imported where workers start: one job, or a query, needs neither
    from concurrent.futures import Future

T = TypeVar("T")
R = TypeVar("R")

PER_WORKER = 4  # chunks in flight per worker: enough to keep it busy, few enough to stay small
MAX_CHUNK = 64


def default_jobs() -> int:
    """The CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class Workers:
    """``jobs`` worker processes, started at once so that they import ``preload`` while
    the caller gets ready (opens its store, lists its files); used by ``ordered_map``."""

    def __init__(self, jobs: int, preload: tuple[str, ...] = (), fork: bool = False):
        """``fork``: the caller holds no database connection (nor anything else a child
        must not share); workers are then forked where that is safe and possible."""
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self.jobs = jobs
        method = "spawn"
        if fork and sys.platform.startswith("linux") and threading.active_count() == 1:
            _import(preload)  # once, here: the forked workers have it
            method = "fork"
        context = multiprocessing.get_context(method)
        self.pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=_import, initargs=(preload,))
        for _ in range(jobs):  # a process is spawned for each task while none is idle
            self.pool.submit(_ready)

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)

    def map(
        self,
        func: Callable[[T], R],
        items: Iterable[T],
        weigh: Callable[[T], int] | None = None,
        chunk: int = 1,
    ) -> Iterator[R]:
        """``map(func, items)`` in order, with a bounded window (see ``ordered_map``).

        The first window of chunks is handed over at once, before the results are asked
        for: the workers start on them while the caller gets ready to take the results.
        """
        parts = _chunks(items, weigh or (lambda item: 1), chunk)
        first = itertools.islice(parts, self.jobs * PER_WORKER)
        pending: deque[Future[list[R]]] = deque(self.pool.submit(_map_list, func, part) for part in first)
        return self._results(func, parts, pending)

    def _results(
        self, func: Callable[[T], R], parts: Iterator[list[T]], pending: deque[Future[list[R]]]
    ) -> Iterator[R]:
        try:
            for part in parts:
                pending.append(self.pool.submit(_map_list, func, part))
                yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        finally:
            for future in pending:  # stopped early: what is still queued is not wanted
                future.cancel()


def ordered_map(
    func: Callable[[T], R],
    items: Iterable[T],
    jobs: int = 1,
    preload: tuple[str, ...] = (),
    weigh: Callable[[T], int] | None = None,
    chunk: int = 1,
) -> Iterator[R]:
    """``map(func, items)`` over ``jobs`` processes, in order, with a bounded window.

    ``func`` must be a module-level function (workers import it); ``preload`` names
    modules the workers should import before the first item. Items go to a worker in
    chunks of ``chunk`` in weight (by ``weigh``, each item 1 without it; at most
    ``MAX_CHUNK`` items): every hand-over wakes the parent's pool thread, which then waits
    for the interpreter lock while the parent is busy, so many small items one by one
    leave the workers idle.

    >>> list(ordered_map(abs, [-3, 1, -2]))
    [3, 1, 2]
    """
    if jobs <= 1:
        yield from map(func, items)
        return
    with Workers(jobs, preload) as workers:
        yield from workers.map(func, items, weigh, chunk)


def _ready() -> None:
    """Nothing: a first task, so that a worker is spawned before there is work."""


def _chunks(items: Iterable[T], weigh: Callable[[T], int], limit: int) -> Iterator[list[T]]:
    """Consecutive items in lists of ``limit`` in weight (one heavy item alone)."""
    part: list[T] = []
    weight = 0
    for item in items:
        part.append(item)
        weight += weigh(item)
        if weight >= limit or len(part) >= MAX_CHUNK:
            yield part
            part, weight = [], 0
    if part:
        yield part


def _map_list(func: Callable[[T], R], items: list[T]) -> list[R]:
    return [func(item) for item in items]


def _import(modules: tuple[str, ...]) -> None:
    for name in modules:
        importlib.import_module(name)
