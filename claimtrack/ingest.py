"""Ingest: files → documents → extraction → store, one transaction per source.

A bad file never stops the run: it becomes a failed ``Outcome`` naming the file and the
reason, and the next file is read. Extraction happens before the write transaction, so
the database is locked only for the short time it takes to insert one source's records.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from claimtrack.errors import ClaimtrackError, ReadError
from claimtrack.reader import Document, expand_paths, read_document
from claimtrack.store import SourceInfo, Store, sha256


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
        warnings.append(
            f"{document.path}: no publication date found; relative dates stay unresolved (give --date)"
        )
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


def ingest_document(store: Store, document: Document, overrides: Overrides, force: bool = False) -> Outcome:
    """Extract and store one document (or find it already stored)."""
    from claimtrack.extract import extract

    info, published, warnings = describe(document, overrides)
    words = len(document.text.split())
    existing = store.find_by_hash(sha256(document.text))
    if existing is not None and not force:
        return Outcome(document.path, "unchanged", existing, words=0, warnings=tuple(warnings))
    records = extract(document.text, published)
    source_id, written = store.add_source(info, document.text, records, force=force)
    if not written:  # another process stored the same text in the meantime
        return Outcome(document.path, "unchanged", source_id, warnings=tuple(warnings))
    return Outcome(
        document.path,
        "replaced" if existing is not None else "added",
        source_id,
        statements=len(records.statements),
        figures=len(records.figures),
        words=words,
        warnings=tuple(warnings),
    )


def ingest_paths(
    store: Store,
    paths: Iterable[str],
    overrides: Overrides = Overrides(),
    force: bool = False,
    read_stdin: Callable[[], bytes] | None = None,
) -> Iterator[Outcome]:
    """Ingest every file the paths name, yielding one outcome per input."""
    for path, error in expand_paths(paths):
        if error is not None:
            yield Outcome(path, "failed", error=str(error))
            continue
        try:
            data = read_stdin() if path == "-" and read_stdin else None
            document = read_document(path, data)
            yield ingest_document(store, document, overrides, force)
        except ReadError as exc:
            yield Outcome(path, "failed", error=str(exc))
        except ClaimtrackError as exc:
            yield Outcome(path, "failed", error=f"{path}: {exc}")
