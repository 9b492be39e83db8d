"""Ingest: files → documents → extraction → store, sources in batches of one transaction.

A bad file never stops the run: it becomes a failed ``Outcome`` naming the file and the
reason, and the next file is read. Extraction happens before the write transaction, so
the database is locked only for the short time it takes to insert a batch's records,
and a crash loses at most that batch, never part of a source.

Reading, decoding and extraction (``prepare``) may run in worker processes; storing
(``store_prepared``) happens in this one, the only writer, in input order — so a run
stores the same records with the same ids whatever the number of workers.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING

from claimtrack.errors import ClaimtrackError, ReadError
from claimtrack.models import Extraction
from claimtrack.reader import Document, expand_paths, file_size, read_document
from claimtrack.store import Rows, SourceInfo, Store, rows_of, sha256, word_count

if TYPE_CHECKING:
    from claimtrack.parallel import Workers

Progress = Callable[[float], None]  # the fraction of one text's extraction done


@dataclass(frozen=True, slots=True)
class Overrides:
    """Command-line values that take precedence over front matter."""

    title: str | None = None
    outlet: str | None = None
    date: dt.date | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one input."""

    path: str
    status: str  # added | replaced | unchanged | failed
    source_id: int | None = None
    statements: int = 0
    figures: int = 0
    words: int = 0
    error: str | None = None
    warnings: tuple[str, ...] = ()


@dataclass
class Summary:
    """Totals over a run of ingest, as printed at the end."""

    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    failed: int = 0
    statements: int = 0
    figures: int = 0
    words: int = 0
    errors: list[str] = field(default_factory=list)
    files: list[dict[str, object]] = field(default_factory=list)

    def count(self, outcome: Outcome) -> None:
        setattr(self, outcome.status, getattr(self, outcome.status) + 1)
        self.statements += outcome.statements
        self.figures += outcome.figures
        self.words += outcome.words
        if outcome.error:
            self.errors.append(outcome.error)
        self.files.append(
            {
                "path": outcome.path,
                "status": outcome.status,
                "source_id": outcome.source_id,
                "statements": outcome.statements,
                "figures": outcome.figures,
                "error": outcome.error,
            }
        )

    def as_dict(self) -> dict[str, object]:
        return {
            "added": self.added,
            "replaced": self.replaced,
            "unchanged": self.unchanged,
            "failed": self.failed,
            "statements": self.statements,
            "figures": self.figures,
            "words": self.words,
            "errors": self.errors,
            "files": self.files,
        }


def parse_date(value: str) -> dt.date | None:
    """A publication date as written in front matter: ISO first, then common forms.

    >>> parse_date("2024-10-25"), parse_date("2024-10-25T08:00:00Z"), parse_date("soon")
    (datetime.date(2024, 10, 25), datetime.date(2024, 10, 25), None)
    """
    value = value.strip()
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        pass
    for fmt in ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%m/%d/%Y", "%b. %d, %Y"):
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return None


def describe(document: Document, overrides: Overrides) -> tuple[SourceInfo, dt.date | None, list[str]]:
    """The source's metadata and publication date, with where the date came from."""
    from claimtrack.extract.dates import publication_date_from_text

    meta = document.meta
    warnings: list[str] = []
    published: dt.date | None = None
    origin: str | None = None
    if overrides.date:
        published, origin = overrides.date, "option"
    elif meta.get("date"):
        published = parse_date(meta["date"])
        if published:
            origin = "front matter"
        else:
            warnings.append(f"{document.path}: front matter date {meta['date']!r} is not a date; ignored")
    if published is None:
        found = publication_date_from_text(document.text)
        if found:
            published, origin = found[0], "text"
    if published is None:
        from claimtrack.extract.dates import dateline_without_year

        dateline = dateline_without_year(document.text)
        reason = f"its dateline {dateline!r} gives no year" if dateline else "no publication date found"
        warnings.append(f"{document.path}: {reason}; relative dates stay unresolved (give --date)")
    title = overrides.title or meta.get("title") or _first_line_title(document.text)
    info = SourceInfo(
        path=document.path,
        title=title,
        outlet=overrides.outlet or meta.get("outlet") or meta.get("source"),
        published=published.isoformat() if published else None,
        published_from=origin,
        url=overrides.url or meta.get("url"),
        encoding=document.encoding,
    )
    return info, published, warnings


def _first_line_title(text: str) -> str | None:
    line = text.lstrip().split("\n", 1)[0].strip()
    return line if 0 < len(line) <= 150 and not line.endswith((".", ",", ";", ":")) else None


@dataclass(frozen=True, slots=True)
class Task:
    """One input for ``prepare``: a path, its bytes when read already (standard input)."""

    path: str
    data: bytes | None = None
    overrides: Overrides = Overrides()
    force: bool = False
    db: str | None = None  # the store, consulted to skip extracting texts it holds
    error: str | None = None  # the path could not even be listed
    rows: bool = False  # give the records as the store's rows (cheaper to send back)


@dataclass(frozen=True, slots=True)
class Prepared:
    """One input read and extracted, ready to store: what a worker sends back."""

    path: str
    info: SourceInfo | None = None
    text: str = ""
    digest: str = ""
    words: int = 0
    published: dt.date | None = None
    extraction: Extraction | Rows | None = None  # None when the store already held the text
    warnings: tuple[str, ...] = ()
    error: str | None = None


def prepare(
    task: Task, stored: Callable[[str], int | None] | None = None, progress: Progress | None = None
) -> Prepared:
    """Read, decode and extract one input (in a worker process, or in this one)."""
    from claimtrack.extract import extract

    if task.error:
        return Prepared(task.path, error=task.error)
    try:
        document = read_document(task.path, task.data)
        info, published, warnings = describe(document, task.overrides)
        digest = sha256(document.text)
        prepared = Prepared(
            document.path, info, document.text, digest, word_count(document.text), published,
            warnings=tuple(warnings),
        )  # fmt: skip
        if stored is None and task.db:
            stored = partial(_stored_in, task.db)
        if stored is not None and not task.force and stored(digest) is not None:
            return prepared
        records = extract(document.text, published, **({"progress": progress} if progress else {}))
        return _replace(prepared, extraction=rows_of(records) if task.rows else records)
    except ReadError as exc:
        return Prepared(task.path, error=str(exc))
    except ClaimtrackError as exc:
        return Prepared(task.path, error=f"{task.path}: {exc}")


def _replace(prepared: Prepared, **changes: object) -> Prepared:
    import dataclasses

    return dataclasses.replace(prepared, **changes)  # type: ignore[arg-type]


_readers: dict[str, sqlite3.Connection] = {}


def _stored_in(db: str, digest: str) -> int | None:
    """The id of a stored text, looked up by a worker on its own read-only connection."""
    conn = _readers.get(db)
    if conn is None:
        try:
            conn = _readers[db] = sqlite3.connect(
                f"{Path(db).resolve().as_uri()}?mode=ro", uri=True, timeout=60
            )
        except sqlite3.Error:
            return None
    try:
        row = conn.execute("SELECT id FROM sources WHERE sha256 = ?", [digest]).fetchone()
    except sqlite3.Error:
        return None  # a store still being created: extract, and let the writer decide
    return row[0] if row else None


def store_prepared(store: Store, prepared: Prepared, force: bool = False) -> Outcome:
    """Store one prepared input (or find it stored already): the writer's side."""
    p = prepared
    if p.error is not None or p.info is None:
        return Outcome(p.path, "failed", error=p.error)
    # ``add_source`` looks the text up itself; here only to tell "replaced" from "added",
    # or when the worker skipped a text it found stored.
    existing = store.find_by_hash(p.digest) if force or p.extraction is None else None
    if existing is not None and not force:
        return Outcome(p.path, "unchanged", existing, warnings=p.warnings)
    records = p.extraction
    if records is None:  # the worker found it stored; it has been removed since
        from claimtrack.extract import extract

        records = extract(p.text, p.published)
    source_id, written = store.add_source(
        p.info, p.text, records, force=force, digest=p.digest, words=p.words
    )
    if not written:  # another process stored the same text in the meantime
        return Outcome(p.path, "unchanged", source_id, warnings=p.warnings)
    return Outcome(
        p.path,
        "replaced" if existing is not None else "added",
        source_id,
        statements=len(records.statements),
        figures=len(records.figures),
        words=p.words,
        warnings=p.warnings,
    )


# A batch is stored in one transaction when it holds this many sources, this much text,
# or has waited this long for more: one commit per short article would cost more than
# storing it, and the store's lock is held only while a batch is written.
BATCH_SOURCES, BATCH_CHARS, BATCH_SECONDS = 64, 8_000_000, 0.5


def store_batches(store: Store, prepared: Iterable[Prepared], force: bool = False) -> Iterator[Outcome]:
    """Store prepared inputs in batches, yielding their outcomes in order.

    When the inputs come from workers (``Results``), a batch is also stored as soon as
    the next input is not in yet: the writer stores while it would otherwise wait, and
    does not have a full batch left to store after the workers' last file.
    """
    ready = getattr(prepared, "ready", None)  # whether the next input is in
    batch: list[Prepared] = []
    chars, began = 0, 0.0
    for p in prepared:
        if not batch:
            began = time.monotonic()
        batch.append(p)
        chars += len(p.text)
        if (
            len(batch) >= BATCH_SOURCES
            or chars >= BATCH_CHARS
            or time.monotonic() - began >= BATCH_SECONDS
            or (ready is not None and not ready())
        ):
            yield from _store_batch(store, batch, force)
            batch, chars = [], 0
    yield from _store_batch(store, batch, force)


def _store_batch(store: Store, batch: list[Prepared], force: bool) -> list[Outcome]:
    if not batch:
        return []
    with store.batch():
        return [store_prepared(store, p, force) for p in batch]


def ingest_paths(
    store: Store,
    paths: Iterable[str],
    overrides: Overrides = Overrides(),
    force: bool = False,
    read_stdin: Callable[[], bytes] | None = None,
    jobs: int = 1,
    progress: Progress | None = None,
    prepared: Iterator[Prepared] | None = None,
) -> Iterator[Outcome]:
    """Ingest every file the paths name, yielding one outcome per input, in order.

    ``jobs`` > 1 reads and extracts in that many worker processes (when there are at
    least two files); ``progress`` hears how far the extraction of each text has got,
    when it runs in this process. ``prepared``: the inputs already handed to workers by
    ``prepare_inputs``, so that they could start before the store was opened.
    """
    if prepared is None:
        prepared = prepare_inputs(
            paths, str(store.path), overrides, force, read_stdin, jobs, progress, stored=store.find_by_hash
        )
    yield from store_batches(store, prepared, force)


def prepare_inputs(
    paths: Iterable[str],
    db: str | None,
    overrides: Overrides = Overrides(),
    force: bool = False,
    read_stdin: Callable[[], bytes] | None = None,
    jobs: int = 1,
    progress: Progress | None = None,
    workers: Workers | None = None,
    stored: Callable[[str], int | None] | None = None,
) -> Iterator[Prepared]:
    """Every input the paths name, read and extracted, in order: by ``workers`` (handed
    their first files now), by ``jobs`` new worker processes, or in this process (looking
    texts up in the store with ``stored``). Workers look texts up in the store ``db``,
    to skip extracting what it holds; None, a store created by this run, has none."""
    from claimtrack.parallel import ordered_map

    def tasks(listed: Iterable[tuple[str, ReadError | None]]) -> Iterator[Task]:
        for path, error in listed:
            if error is not None:
                yield Task(path, error=str(error))
            else:
                data = read_stdin() if path == "-" and read_stdin else None
                yield Task(path, data, overrides, force, db, rows=True)

    listed = expand_paths(paths)
    head = list(islice(listed, 2))
    items = tasks(chain(head, listed))
    if workers is not None and len(head) > 1:
        return workers.map(prepare, items, weigh=_size, chunk=CHUNK_BYTES)
    if jobs > 1 and len(head) > 1:
        return ordered_map(prepare, items, jobs, preload=PRELOAD, weigh=_size, chunk=CHUNK_BYTES)
    return map(partial(prepare, stored=stored, progress=progress), items)


PRELOAD = ("claimtrack.extract.pipeline",)  # what an ingest worker imports as it starts


def several_files(paths: Iterable[str]) -> bool:
    """Whether the paths name at least two inputs (worth starting workers for)."""
    return len(list(islice(expand_paths(paths), 2))) > 1


# Workers take files in chunks of about this many bytes: a tenth of a second of work.
CHUNK_BYTES = 100_000


def _size(task: Task) -> int:
    return len(task.data) if task.data is not None else file_size(task.path)


def ingest_records(store: Store, lines: Iterable[str], name: str, force: bool = False) -> Iterator[Outcome]:
    """Store lines written by ``extract --format jsonl``; a bad line fails as ``NAME:LINE``."""
    yield from store_batches(store, _read_records(lines, name), force)


def _read_records(lines: Iterable[str], name: str) -> Iterator[Prepared | Outcome]:
    from claimtrack.records import RecordError, from_line

    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            found = from_line(line)
        except RecordError as exc:
            where = f"{name}:{number}"
            yield Prepared(where, error=f"{where}: {exc}")
            continue
        yield Prepared(
            found.info.path, found.info, found.text, sha256(found.text), word_count(found.text),
            extraction=found.extraction,
        )  # fmt: skip
