"""Looking after a store kept for years: verify it, remove sources, re-extract in place.

The one design decision: **verify trusts nothing it checks**. Every stored text is hashed
again and every record's offsets are sliced out of its text and compared with what the
record says, so a row written by an older claimtrack, a half-finished hand edit or a
damaged file shows up as one line naming the source and the record. Columns are read as
SQLite hands them back, whatever their type: a broken row is a problem to report, never
an exception.

``remove`` and ``reextract`` change one source per transaction, so an interruption
leaves every source either as it was or as it should be.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from claimtrack.errors import UsageError
from claimtrack.store import Store, sha256

# (table, singular for messages, [(start column, end column, column holding the text, name)])
# A text column of None means the span is checked only for lying inside its sentence:
# a statement stores its resolved speaker ("Kim Jong-gyu"), not the mention ("he").
SPANS: list[tuple[str, str, list[tuple[str, str, str | None, str]]]] = [
    ("sentences", "sentence", [("start", "end", "text", "text")]),
    (
        "statements",
        "statement",
        [
            ("start", "end", "sentence", "sentence"),
            ("cue_start", "cue_end", "cue", "cue"),
            ("content_start", "content_end", "content", "content"),
            ("speaker_start", "speaker_end", None, "speaker mention"),
        ],
    ),
    (
        "figures",
        "figure",
        [("start", "end", "text", "text"), ("sentence_start", "sentence_end", "sentence", "sentence")],
    ),
    ("dates", "date", [("start", "end", "text", "text")]),
]
SINGULAR = {table: name for table, name, _ in SPANS}


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with the store, shown as one line."""

    message: str
    source_id: int | None = None
    path: str | None = None
    table: str | None = None
    record_id: int | None = None

    def __str__(self) -> str:
        if self.source_id is None:
            where = "database"
        else:
            where = f"source {self.source_id}" + (f" ({_oneline(self.path)})" if self.path else "")
        record = f"{SINGULAR.get(self.table or '', self.table)} {self.record_id}: " if self.table else ""
        return f"{where}: {record}{self.message}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "source_id": self.source_id,
            "path": self.path,
            "table": self.table,
            "record_id": self.record_id,
            "message": self.message,
            "line": str(self),
        }


@dataclass
class Report:
    """What ``verify`` checked and found."""

    sources: int = 0
    records: dict[str, int] = field(default_factory=lambda: dict.fromkeys(Store.RECORD_TABLES, 0))
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        counts = ", ".join(f"{n} {table}" for table, n in self.records.items())
        checked = f"{self.sources} sources, {counts}"
        if self.ok:
            return f"OK: {checked}: texts match their hashes, offsets slice back, references hold"
        return f"{len(self.problems)} problem{'s' if len(self.problems) != 1 else ''} in {checked}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "sources": self.sources,
            "records": self.records,
            "problems": [p.as_dict() for p in self.problems],
        }


def verify(store: Store) -> Report:
    """Check the file, the references, the full-text index, every text and every offset."""
    report = Report()
    with store.snapshot():
        report.problems += [Problem(f"integrity check: {line}") for line in store.integrity_check()]
        for table, rowid, parent, parent_id in store.foreign_key_check():
            message = f"refers to {parent} row {parent_id}, which does not exist"
            report.problems.append(Problem(message, table=table, record_id=rowid))
        for source_id in store.source_ids():
            report.sources += 1
            report.problems += _check_source(store, source_id, report.records)
    fts = store.fts_check()  # a write statement: outside the read snapshot
    if fts:
        report.problems.append(
            Problem(f"the full-text index does not match the sentences ({fts}); search may miss or mislead")
        )
    return report


def _check_source(store: Store, source_id: int, counts: dict[str, int]) -> list[Problem]:
    source = store.source(source_id)
    path, text = source["path"], source["text"]

    def problem(message: str, table: str | None = None, record_id: int | None = None) -> Problem:
        return Problem(message, source_id, path, table, record_id)

    if not isinstance(text, str):
        return [problem(f"its text is {type(text).__name__}, not text")]
    problems = []
    digest = sha256(text)
    if digest != source["sha256"]:
        stored = str(source["sha256"])[:12]
        problems.append(
            problem(f"text does not match its hash (stored {stored}…, text gives {digest[:12]}…)")
        )
    for table, _, spans in SPANS:
        rows = store.record_rows(source_id, table)
        counts[table] += len(rows)
        for row in rows:
            for start_col, end_col, text_col, name in spans:
                if text_col is None:  # a speaker mention: a part of the statement's sentence
                    within = (row["start"], row["end"])
                    found = check_span(text, row[start_col], row[end_col], None, name, within)
                else:
                    found = check_span(text, row[start_col], row[end_col], row[text_col], name)
                if found:
                    problems.append(problem(found, table, row["id"]))
    return problems


def check_span(
    text: str,
    start: Any,
    end: Any,
    expected: Any,
    name: str,
    within: tuple[Any, Any] | None = None,
) -> str | None:
    """What is wrong with ``text[start:end]`` as the record's ``name``, or None.

    With ``expected`` None the span must only be a non-blank part of the text (and of
    ``within``, when given); both offsets None means the record has no such span.

    >>> check_span("The mayor said", 10, 14, "said", "cue") is None
    True
    >>> check_span("The mayor said", 4, 9, "said", "cue")
    "cue at 4..9 reads 'mayor', stored 'said'"
    >>> check_span("The mayor said", 10, 40, "said", "cue")
    'cue at 10..40 lies outside the text (14 characters)'
    >>> check_span("The mayor said", None, None, None, "speaker mention") is None
    True
    """
    if expected is None and start is None and end is None:
        return None
    if not (_is_int(start) and _is_int(end)):
        return f"{name} has offsets {start!r}..{end!r}, not two numbers"
    if not 0 <= start <= end <= len(text):
        return f"{name} at {start}..{end} lies outside the text ({len(text)} characters)"
    actual = text[start:end]
    if expected is not None:
        if actual != expected:
            return f"{name} at {start}..{end} reads {_short(actual)}, stored {_short(expected)}"
        return None
    if not actual.strip():
        return f"{name} at {start}..{end} is blank"
    if within and _is_int(within[0]) and _is_int(within[1]) and not within[0] <= start <= end <= within[1]:
        return f"{name} at {start}..{end} lies outside its sentence at {within[0]}..{within[1]}"
    return None


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _short(value: Any, width: int = 40) -> str:
    text = value if isinstance(value, str) else str(value)
    return repr(text if len(text) <= width else text[: width - 1] + "…")


def _oneline(value: str) -> str:
    return value if value.isprintable() else repr(value)


# -- remove ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Removed:
    """A source removed, with how many records went with it."""

    source_id: int
    path: str
    records: dict[str, int]


def remove(store: Store, refs: Sequence[str]) -> list[Removed]:
    """Remove sources (ids, paths, or unique parts of a path or title) with all their records.

    Every reference is resolved first, so one that matches nothing (a UsageError)
    removes nothing; then each source goes in its own transaction.
    """
    ids = list(dict.fromkeys(store.resolve_source(ref) for ref in refs))
    removed = []
    for source_id in ids:
        path = store.source(source_id, with_text=False)["path"]
        records = store.record_counts(source_id)
        store.remove_source(source_id)
        removed.append(Removed(source_id, path, records))
    return removed


# -- reextract --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Reextracted:
    """A source whose records were extracted again from its stored text."""

    source_id: int
    path: str
    before: dict[str, int]
    after: dict[str, int]


def reextract(store: Store, source: str | None = None) -> Iterator[Reextracted]:
    """Run the current extraction over stored texts, one transaction per source.

    The source row stays as it is: its id, its metadata, and the publication date as
    stored, against which relative dates are resolved again. A source removed while
    this runs is skipped.
    """
    from claimtrack.extract import extract

    ids = [store.resolve_source(source)] if source else store.source_ids()
    for source_id in ids:
        try:
            row = store.source(source_id)
        except UsageError:  # removed by another process since the list was made
            continue
        extraction = extract(row["text"], _date(row["published"]))
        before = store.replace_records(source_id, extraction)
        if before is None:
            continue
        after = {
            "sentences": len(extraction.sentences),
            "statements": len(extraction.statements),
            "figures": len(extraction.figures),
            "dates": len(extraction.dates),
        }
        yield Reextracted(source_id, row["path"], before, after)


def _date(value: Any) -> dt.date | None:
    """The stored publication date, or None if it is missing or not a date.

    >>> _date("2024-10-25"), _date(None), _date("soon")
    (datetime.date(2024, 10, 25), None, None)
    """
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None
