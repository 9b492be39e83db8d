"""Run a function over items in worker processes, yielding results in input order.

The design decision: a *bounded window* of items is in flight at once (a few per
worker), so memory stays flat however many files a run names, and results come back in
the order the items went in, so whatever consumes them (the one process that writes the
store) sees the same sequence for any number of workers. With one job nothing is
forked: the function runs in this process. With N jobs, N - 1 worker processes are
started, and this process does chunks too while it waits for theirs: N busy processes
for N CPUs, not N workers and a mostly idle consumer switching in and out between them.

Workers are *spawned* (fresh interpreters, each importing the modules named in
``preload`` as it starts) unless the caller says it may fork: a fork of a process that
holds a SQLite connection or runs a progress bar's thread is not safe. ``ingest`` starts
its workers first thing, before it opens the store, so on Linux it forks them (when no
other thread runs): they inherit the extractors already imported, which saves each a
fifth of a second of start-up.
"""

from __future__ import annotations

import contextlib
import importlib
import itertools
import os
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:  # imported where workers start: one job, or a query, needs neither
    from concurrent.futures import Executor, Future

T = TypeVar("T")
R = TypeVar("R")

PER_WORKER = 4  # chunks in flight per worker: enough to keep it busy, few enough to stay small
MAX_CHUNK = 64
PIPE_BYTES = 1 << 20  # a chunk's results, pickled, fit (Linux's default ceiling for a pipe)


def default_jobs() -> int:
    """The CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class Workers:
    """Work for ``jobs`` processes: ``jobs - 1`` worker processes, started at once so that
    they import ``preload`` while the caller gets ready (opens its store, lists its files),
    and the caller's own, which does a chunk itself whenever the result it waits for is
    not in (see ``Results``): ``jobs`` processes in all, one for each CPU, and no third
    process on two CPUs switching with the other two. Used by ``ordered_map``."""

    def __init__(self, jobs: int, preload: tuple[str, ...] = (), fork: bool = False):
        """``fork``: the caller holds no database connection (nor anything else a child
        must not share); workers are then forked where that is safe and possible."""
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self.jobs = max(jobs, 2)
        method = "spawn"
        if fork and sys.platform.startswith("linux") and threading.active_count() == 1:
            _import(preload)  # once, here: the forked workers have it
            method = "fork"
        context = multiprocessing.get_context(method)
        self.pool = ProcessPoolExecutor(
            self.jobs - 1, mp_context=context, initializer=_start_worker, initargs=(preload,)
        )
        for _ in range(self.jobs - 1):  # a process is spawned for each task while none is idle
            self.pool.submit(_ready)
        _widen(self.pool)

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
    ) -> Results[R]:
        """``map(func, items)`` in order, with a bounded window (see ``ordered_map``).

        The first window of chunks is handed over at once, before the results are asked
        for: the workers start on them while the caller gets ready to take the results.
        """
        parts = _chunks(items, weigh or (lambda item: 1), chunk, self.jobs)
        return Results(self.pool, func, parts, self.jobs * PER_WORKER)


class Results(Iterator[R]):
    """The results of ``Workers.map``, in input order.

    Chunks are handed to the workers a window ahead. Asked for a result that is not in,
    this process does the first chunk of the window that no worker has started, rather
    than wait; ``ready`` tells a caller with work of its own (the writer, with sources
    to store) whether the next result is in, so that it can do that work first.
    """

    def __init__(self, pool: Executor, func: Callable[[T], R], parts: Iterator[list[T]], window: int):
        self._pool = pool
        self._func = func
        self._parts = parts
        self._pending: deque[tuple[Future[list[R]], list[T]]] = deque()
        self._held: deque[R] = deque()  # the rest of a finished chunk
        # Chunks done here wait in the window for those before them; the workers get one
        # more for each, up to twice the window, so that they do not run out meanwhile.
        self._most = 2 * window
        for part in itertools.islice(parts, window):
            self._hand_over(part)

    def _hand_over(self, part: list[T]) -> None:
        self._pending.append((self._pool.submit(_map_list, self._func, part), part))

    def __next__(self) -> R:
        while not self._held:
            if not self._pending:
                raise StopIteration
            if not self._pending[0][0].done() and self._do_one():
                continue
            future, _ = self._pending.popleft()
            part = next(self._parts, None)  # one chunk in for each one out
            if part is not None:
                self._hand_over(part)
            self._held.extend(future.result())
        return self._held.popleft()

    def _do_one(self) -> bool:
        """Do here the first chunk of the window no worker has started; False if none."""
        from concurrent.futures import Future

        # ``cancel`` only succeeds before a worker has taken the chunk.
        index = next((i for i, (future, _) in enumerate(self._pending) if future.cancel()), None)
        if index is None:
            return False
        part = self._pending[index][1]
        done: Future[list[R]] = Future()
        done.set_result(_map_list(self._func, part))
        self._pending[index] = (done, part)
        if len(self._pending) < self._most and (more := next(self._parts, None)) is not None:
            self._hand_over(more)
        return True

    def ready(self) -> bool:
        """Whether ``next`` would return at once (or end the results) without work or waiting."""
        return bool(self._held) or not self._pending or self._pending[0][0].done()


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


def _chunks(items: Iterable[T], weigh: Callable[[T], int], limit: int, workers: int = 1) -> Iterator[list[T]]:
    """Consecutive items in lists of ``limit`` in weight (one heavy item alone), and of at
    most ``MAX_CHUNK`` items.

    For several ``workers`` the items are read a window ahead (``PER_WORKER`` chunks a
    worker), and what is left when they end goes out in ever smaller chunks: each a
    ``2 × workers``-th of what is left, down to an eighth of ``limit``. The workers then
    finish together, not one of them idle while another works through a last full chunk.
    """
    ahead, most = (
        (workers * PER_WORKER, MAX_CHUNK * (workers * PER_WORKER + 1)) if workers > 1 else (0, MAX_CHUNK)
    )
    source = iter(items)
    held: deque[tuple[T, int]] = deque()
    weight = 0  # of what is held
    ended = False
    while True:
        while not ended and weight < (ahead + 1) * limit and len(held) < most:
            item = next(source, _END)
            if item is _END:
                ended = True
            else:
                held.append((item, weigh(item)))
                weight += held[-1][1]
        if not held:
            return
        target = limit if not ended or workers == 1 else max(limit // 8, min(limit, weight // (2 * workers)))
        part: list[T] = []
        taken = 0
        while held and (taken < target or not part) and len(part) < MAX_CHUNK:
            item, size = held.popleft()
            part.append(item)
            taken += size
        weight -= taken
        yield part


_END = object()


def _widen(pool: object) -> None:
    """Let a worker write a chunk's results (a few hundred kB) into the pipe at once.

    A pipe holds 64 kB by default. The pool's thread in this process reads the rest as
    it comes, but it needs the interpreter lock for every piece, and while this process
    extracts a chunk of its own it waits up to 5 ms for the lock each time: the worker,
    blocked writing, lost a fifth of a second over a run of 840 files. Linux only; where
    the pool's pipe is not there to widen, nothing changes but the speed.
    """
    queue = getattr(pool, "_result_queue", None)
    writer = getattr(queue, "_writer", None)
    if writer is None or not sys.platform.startswith("linux"):
        return
    import fcntl

    with contextlib.suppress(OSError):  # a system that caps pipes lower: as before
        fcntl.fcntl(writer.fileno(), getattr(fcntl, "F_SETPIPE_SZ", 1031), PIPE_BYTES)


def _map_list(func: Callable[[T], R], items: list[T]) -> list[R]:
    return [func(item) for item in items]


def _start_worker(modules: tuple[str, ...]) -> None:
    """A worker leaves Ctrl-C to the process that started it, which stops the pool: the
    terminal sends it to every process of the group, and a worker it interrupted would
    print a traceback."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _import(modules)


def _import(modules: tuple[str, ...]) -> None:
    for name in modules:
        importlib.import_module(name)
