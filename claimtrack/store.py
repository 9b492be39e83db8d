"""The SQLite store: sources with their statements, figures, dates and sentences.

One ``Store`` opens a database file, migrates it to the current schema and answers
queries. Writes go through ``add_source``, which lands a source and all its records in
one transaction, or nothing. Queries are SQL over indexed columns and return plain dicts
shaped as the JSON contract; nothing loads the whole store into Python.

The store runs in WAL mode with a busy timeout, so queries work while another process
ingests, and two ingests wait for each other instead of failing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, fields
from functools import lru_cache
from operator import attrgetter
from pathlib import Path
from typing import Any, NamedTuple

from claimtrack.errors import ClaimtrackError, StoreError, UsageError
from claimtrack.models import DateMention, Extraction, Figure, Statement, period

BUSY_TIMEOUT_MS = 60_000

SOURCE_FIELDS = ["id", "path", "title", "outlet", "published", "published_from", "url", "sha256", "words"]
SOURCE_FIELDS += ["ingested_at"]
# Stored columns follow the records' own fields, so the two cannot drift apart.
STATEMENT_FIELDS = [f.name for f in fields(Statement)]
FIGURE_FIELDS = [f.name for f in fields(Figure)]
DATE_FIELDS = [f.name for f in fields(DateMention)]


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def word_count(text: str, chunk: int = 1 << 20) -> int:
    """``len(text.split())`` without a list of every word (a 50 MB text has millions).

    >>> word_count("one two  three\\n four"), word_count("x" * 5 + " y", chunk=2)
    (4, 2)
    """
    count, start, n = 0, 0, len(text)
    while start < n:
        end = min(start + chunk, n)
        while end < n and not text[end].isspace():  # never cut a word in two
            end += 1
        count += len(text[start:end].split())
        start = end
    return count


class Rows(NamedTuple):
    """An extraction as the rows the store writes, without the source id.

    Ingest workers build these and send them to the writer: tuples of plain values cost
    far less to pass between processes than record objects, and the writer has nothing
    left to do but insert them.
    """

    sentences: list[tuple[Any, ...]]
    statements: list[tuple[Any, ...]]
    figures: list[tuple[Any, ...]]
    dates: list[tuple[Any, ...]]


def rows_of(extraction: Extraction | Rows) -> Rows:
    if isinstance(extraction, Rows):
        return extraction
    return Rows(
        [(s.start, s.end, s.paragraph, s.text) for s in extraction.sentences],
        _rows(extraction.statements, STATEMENT_FIELDS, "date"),
        _rows(extraction.figures, FIGURE_FIELDS, "date"),
        _rows(extraction.dates, DATE_FIELDS, "value"),
    )


def _rows(records: Sequence[Any], names: Sequence[str], date_field: str) -> list[tuple[Any, ...]]:
    """Each record's fields in order (tuples as JSON lists), then its date key."""
    values = attrgetter(*names)
    listed = [i for i, name in enumerate(names) if name == "topics"]
    dated = names.index(date_field)
    out = []
    for record in records:
        row = list(values(record))
        for i in listed:
            row[i] = _json_list(row[i])
        row.append(date_key(row[dated]))
        out.append(tuple(row))
    return out


@lru_cache(maxsize=1024)  # records share a few topic lists
def _json_list(values: tuple[str, ...]) -> str:
    return json.dumps(list(values))


@lru_cache(maxsize=4096)  # an article's records share a few dates
def date_key(value: str | None) -> str | None:
    """The first day of a date value, for ordering and --since/--until."""
    bounds = period(value)
    return bounds[0] if bounds else None


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """What is known of an article besides its text."""

    path: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None  # YYYY-MM-DD
    published_from: str | None = None  # front matter | option | text
    url: str | None = None
    encoding: str | None = None


@dataclass(frozen=True, slots=True)
class Filters:
    """Filters shared by the query commands; each is ignored when None."""

    source: str | None = None
    speaker: str | None = None
    claimant: str | None = None
    stance: str | None = None
    unit: str | None = None
    topic: str | None = None
    since: str | None = None
    until: str | None = None
    limit: int | None = None


class Store:
    """A claimtrack database, migrated to the current schema on open."""

    def __init__(self, path: str | Path, create: bool = True):
        self.path = Path(path)
        self._batching = False
        if self.path.is_dir():
            raise StoreError(f"{self.path}: is a directory, not a database file")
        if not create and not self.path.exists():
            raise StoreError(
                f"{self.path}: no such database; add articles first with: claimtrack ingest FILE..."
            )
        if not self.path.parent.is_dir():
            raise StoreError(f"{self.path}: the directory {self.path.parent} does not exist")
        try:
            self.conn = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a claimtrack database ({exc})") from None
        try:
            self._check_and_migrate(version, create)
        except BaseException:
            self.conn.close()
            raise

    def _check_and_migrate(self, version: int, create: bool) -> None:
        from claimtrack.migrations import SCHEMA_VERSION

        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: written by a newer claimtrack (schema {version}, this one knows "
                f"{SCHEMA_VERSION}); upgrade claimtrack to use it"
            )
        tables = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if version == 0 and tables and not {"sources", "_sqlite_migrations"} & tables:
            raise StoreError(f"{self.path}: a SQLite database, but not a claimtrack one")
        if not tables and not create:  # an empty file: queries must not turn it into a store
            raise StoreError(
                f"{self.path}: an empty database; add articles first with: claimtrack ingest FILE..."
            )
        try:
            self._use_wal()
            if version < SCHEMA_VERSION:
                from sqlite_utils import Database

                from claimtrack.migrations import migrate

                # One transaction, the version read again inside it: of two processes
                # opening a new store at once, one migrates and the other waits, then
                # finds nothing to do (they used to race: "database is locked").
                with self.transaction():
                    if self.conn.execute("PRAGMA user_version").fetchone()[0] < SCHEMA_VERSION:
                        migrate(Database(self.conn))
        except sqlite3.DatabaseError as exc:
            raise ClaimtrackError(f"{self.path}: cannot prepare the database ({exc})") from None
        self.conn.execute("PRAGMA foreign_keys = ON")
        # In WAL mode NORMAL never corrupts the store; it syncs at checkpoints rather than
        # at every commit, which made an ingest of many small articles wait on the disk.
        self.conn.execute("PRAGMA synchronous = NORMAL")

    def _use_wal(self) -> None:
        """Switch to WAL mode. The switch takes no notice of the busy timeout (SQLite
        answers "locked" at once while another process holds the new file), so it waits
        here, as a busy timeout would."""
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        while True:
            try:
                if self.conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                    self.conn.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.02)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE … COMMIT, rolled back on any error (or interruption).

        Inside ``batch()`` it is part of the batch's transaction, which an error rolls back
        whole (a savepoint per source would make the full-text index write a segment each).
        """
        if self._batching:
            yield self.conn
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    @contextmanager
    def batch(self) -> Iterator[None]:
        """One transaction for all the transactions made inside: committed together, or
        on an error or interruption rolled back together.

        Committing costs more than storing a short article, so ingest stores sources in
        batches. A crash loses the batch and never leaves part of a source.
        """
        self.conn.execute("BEGIN IMMEDIATE")
        self._batching = True
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")
        finally:
            self._batching = False

    # -- writing -----------------------------------------------------------------

    def find_by_hash(self, digest: str) -> int | None:
        row = self.conn.execute("SELECT id FROM sources WHERE sha256 = ?", [digest]).fetchone()
        return row[0] if row else None

    def add_source(
        self,
        info: SourceInfo,
        text: str,
        extraction: Extraction | Rows,
        force: bool = False,
        digest: str | None = None,
        words: int | None = None,
    ) -> tuple[int, bool]:
        """Store a source with all its records in one transaction.

        Returns (source id, whether anything was written). The same text already stored
        is left alone unless ``force``, which replaces its records. ``digest`` and
        ``words`` are the text's, when the caller has them already.
        """
        digest = digest or sha256(text)
        row = {
            "path": _storable(info.path),
            "title": _storable(info.title),
            "outlet": _storable(info.outlet),
            "published": info.published,
            "published_from": info.published_from,
            "url": _storable(info.url),
            "sha256": digest,
            "words": word_count(text) if words is None else words,
            "encoding": info.encoding,
            "ingested_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "text": text,
        }
        with self.transaction() as conn:
            existing = self.find_by_hash(digest)
            if existing is not None and not force:
                return existing, False
            if existing is not None:
                self._delete_records(existing)
                sets = ", ".join(f"{k} = :{k}" for k in row)
                conn.execute(f"UPDATE sources SET {sets} WHERE id = :id", {**row, "id": existing})
                source_id = existing
            else:
                columns = ", ".join(row)
                cur = conn.execute(
                    f"INSERT INTO sources ({columns}) VALUES ({', '.join(':' + k for k in row)})", row
                )
                source_id = int(cur.lastrowid or 0)
            self._insert_records(source_id, extraction)
        return source_id, True

    def _insert_records(self, source_id: int, extraction: Extraction | Rows) -> None:
        conn, rows = self.conn, rows_of(extraction)
        # The sentences get their ids here, so that the full-text index (m005) is written
        # from the same values in the same transaction, without reading them back.
        first = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM sentences").fetchone()[0]
        ids = range(first, first + len(rows.sentences))
        conn.executemany(
            "INSERT INTO sentences (id, source_id, start, end, paragraph, text) VALUES (?, ?, ?, ?, ?, ?)",
            [(i, source_id, *row) for i, row in zip(ids, rows.sentences, strict=True)],
        )
        conn.executemany(
            "INSERT INTO sentences_fts (rowid, text) VALUES (?, ?)",
            [(i, row[3]) for i, row in zip(ids, rows.sentences, strict=True)],
        )
        for table, names, table_rows in (
            ("statements", STATEMENT_FIELDS, rows.statements),
            ("figures", FIGURE_FIELDS, rows.figures),
            ("dates", DATE_FIELDS, rows.dates),
        ):
            columns = ", ".join(f'"{c}"' for c in ("source_id", *names, "date_key"))
            marks = ", ".join("?" * (len(names) + 2))
            conn.executemany(
                f"INSERT INTO {table} ({columns}) VALUES ({marks})", [(source_id, *row) for row in table_rows]
            )
        for table in ("statements", "figures"):  # the index behind --topic (m003)
            conn.execute(
                "INSERT OR IGNORE INTO record_topics (kind, record_id, topic) "
                f"SELECT '{table}', r.id, t.value FROM {table} r, json_each(r.topics) t "
                "WHERE r.source_id = ? AND r.topics != '[]'",
                [source_id],
            )

    def _delete_records(self, source_id: int) -> None:
        for table in ("statements", "figures"):
            self.conn.execute(
                f"DELETE FROM record_topics WHERE kind = '{table}' AND record_id IN "
                f"(SELECT id FROM {table} WHERE source_id = ?)",
                [source_id],
            )
        for table in ("statements", "figures", "dates", "sentences"):
            self.conn.execute(f"DELETE FROM {table} WHERE source_id = ?", [source_id])

    def remove_source(self, source_id: int) -> None:
        with self.transaction():
            self._delete_records(source_id)
            self.conn.execute("DELETE FROM sources WHERE id = ?", [source_id])

    # -- reading -----------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        return {
            t: self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("sources", "statements", "figures", "dates")
        }

    def resolve_source(self, ref: str) -> int:
        """A source id from an id, a path as ingested, or a unique part of a path or title."""
        if ref.isascii() and ref.isdigit():  # "²" is a digit to isdigit, not to int
            row = self.conn.execute("SELECT id FROM sources WHERE id = ?", [int(ref)]).fetchone()
            if row:
                return int(row[0])
            if not self.conn.execute("SELECT 1 FROM sources WHERE path = ?", [ref]).fetchone():
                raise UsageError(f"no source with id {ref}; list them with: claimtrack sources")
        rows = self.conn.execute("SELECT id FROM sources WHERE path = ?", [ref]).fetchall()
        if not rows:
            like = "%" + _escape_like(ref) + "%"
            rows = self.conn.execute(
                "SELECT id FROM sources WHERE path LIKE ? ESCAPE '\\' OR title LIKE ? ESCAPE '\\'",
                [like, like],
            ).fetchall()
        if len(rows) == 1:
            return int(rows[0][0])
        if not rows:
            raise UsageError(f"no source matches {ref!r}; list them with: claimtrack sources")
        raise UsageError(f"{len(rows)} sources match {ref!r}; give its id (claimtrack sources)")

    def source(self, source_id: int, with_text: bool = True) -> dict[str, Any]:
        fields = ", ".join(SOURCE_FIELDS + (["text"] if with_text else []))
        row = self.conn.execute(f"SELECT {fields} FROM sources WHERE id = ?", [source_id]).fetchone()
        if row is None:
            raise UsageError(f"no source with id {source_id}")
        return dict(row)

    def sources(self, filters: Filters = Filters()) -> list[dict[str, Any]]:
        where, params = [], []
        if filters.source:
            where.append("id = ?")
            params.append(self.resolve_source(filters.source))
        if filters.since:
            where.append("published >= ?")
            params.append(filters.since)
        if filters.until:
            where.append("published <= ?")
            params.append(filters.until)
        sql = f"SELECT {', '.join(SOURCE_FIELDS)} FROM sources"
        sql += _where(where) + " ORDER BY published IS NULL, published, id" + _limit(filters.limit)
        return [dict(r) for r in self.conn.execute(sql, params)]

    def statements(self, filters: Filters = Filters()) -> list[dict[str, Any]]:
        return self._records("statements", STATEMENT_FIELDS, filters, speaker_column="speaker")

    def figures(self, filters: Filters = Filters()) -> list[dict[str, Any]]:
        return self._records("figures", FIGURE_FIELDS, filters, speaker_column="claimant")

    def dates(self, filters: Filters = Filters()) -> list[dict[str, Any]]:
        return self._records("dates", DATE_FIELDS, filters)

    def _records(
        self, table: str, fields: Sequence[str], filters: Filters, speaker_column: str | None = None
    ) -> list[dict[str, Any]]:
        columns = ", ".join(f"r.{f}" if f != "end" else 'r."end"' for f in fields)
        where, params = self._filter_sql(table, filters, speaker_column)
        order = "r.date_key IS NULL, r.date_key, s.published, r.source_id, r.start"
        sql = (
            f"SELECT r.id, r.source_id, s.path, s.outlet, s.published, {columns} "
            f"FROM {table} r JOIN sources s ON s.id = r.source_id"
            + _where(where)
            + f" ORDER BY {order}"
            + _limit(filters.limit)
        )
        cursor = self.conn.execute(sql, params)
        cursor.row_factory = None  # plain tuples, zipped with the names: a third faster than Row
        names = [column[0] for column in cursor.description]
        decode = _TopicLists()
        return [decode(dict(zip(names, row, strict=True))) for row in cursor]

    def _filter_sql(
        self, table: str, filters: Filters, speaker_column: str | None
    ) -> tuple[list[str], list[Any]]:
        where: list[str] = []
        params: list[Any] = []
        if filters.source:
            where.append("r.source_id = ?")
            params.append(self.resolve_source(filters.source))
        who = filters.speaker if table == "statements" else filters.claimant
        if who and speaker_column:
            # The names matching, then their records through the index of names: a LIKE on
            # the table itself reads every record. The names are read off the index one
            # distinct name at a time, each the least one above the last (a loose index
            # scan): SELECT DISTINCT would read an index entry per record.
            c = speaker_column
            where.append(
                f"r.{c} IN (WITH RECURSIVE names(n) AS (SELECT min({c}) FROM {table} UNION ALL "
                f"SELECT (SELECT min({c}) FROM {table} WHERE {c} > n) FROM names WHERE n IS NOT NULL) "
                "SELECT n FROM names WHERE n LIKE ? ESCAPE '\\')"
            )
            params.append("%" + _escape_like(who) + "%")
        if filters.stance and table == "statements":
            where.append("r.stance = ?")
            params.append(filters.stance)
        if filters.unit and table == "figures":
            where.append("r.unit = ?")
            params.append(filters.unit)
        if filters.topic and table != "dates":
            clause, values = topic_clause(filters.topic, table, self.topics())
            where.append(clause)
            params.extend(values)
        if filters.since:
            where.append("r.date_key >= ?")
            params.append(filters.since)
        if filters.until:
            where.append("r.date_key <= ?")
            params.append(filters.until)
        return where, params

    def search(self, query: str, limit: int | None = None) -> list[dict[str, Any]]:
        """Sentences matching a full-text query (SQLite FTS5 syntax), best first."""
        sql = (
            'SELECT t.id AS sentence_id, t.source_id, s.path, s.outlet, s.published, t.start, t."end", '
            "t.text AS sentence FROM sentences_fts f JOIN sentences t ON t.id = f.rowid "
            "JOIN sources s ON s.id = t.source_id WHERE sentences_fts MATCH ? ORDER BY f.rank" + _limit(limit)
        )
        try:
            return [dict(r) for r in self.conn.execute(sql, [query])]
        except sqlite3.OperationalError as exc:
            # Not valid query syntax ("O'Brien", an unclosed quote): search for the words as
            # written instead, each as a phrase, before giving up.
            words = [w.replace('"', "") for w in query.split()]
            plain = " ".join(f'"{w}"' for w in words if w)
            try:
                if plain and plain != query:
                    return [dict(r) for r in self.conn.execute(sql, [plain])]
            except sqlite3.OperationalError:
                pass
            raise UsageError(f"cannot search for {query!r}: {exc}") from None

    # -- aliases and topics ----------------------------------------------------------

    def aliases(self) -> dict[str, str]:
        """The user's claimant aliases: name (lower-case) → canonical name."""
        return {r[0]: r[1] for r in self.conn.execute("SELECT name, canonical FROM aliases ORDER BY name")}

    def add_alias(self, name: str, canonical: str) -> None:
        with self.transaction():
            self.conn.execute(
                "INSERT INTO aliases (name, canonical) VALUES (?, ?) "
                "ON CONFLICT(name) DO UPDATE SET canonical = excluded.canonical",
                [name.strip().lower(), canonical.strip()],
            )

    def remove_alias(self, name: str) -> bool:
        with self.transaction():
            cur = self.conn.execute("DELETE FROM aliases WHERE name = ?", [name.strip().lower()])
        return cur.rowcount > 0

    def topics(self) -> dict[str, list[str]]:
        """The user's own topics: name → terms."""
        out: dict[str, list[str]] = {}
        for name, term in self.conn.execute("SELECT name, term FROM topics ORDER BY name, term"):
            out.setdefault(name, []).append(term)
        return out

    def add_topic(self, name: str, terms: Sequence[str]) -> None:
        with self.transaction():
            self.conn.executemany(
                "INSERT OR IGNORE INTO topics (name, term) VALUES (?, ?)",
                [(name.strip().lower(), t.strip().lower()) for t in terms if t.strip()],
            )

    def remove_topic(self, name: str) -> bool:
        with self.transaction():
            cur = self.conn.execute("DELETE FROM topics WHERE name = ?", [name.strip().lower()])
        return cur.rowcount > 0

    # -- checking ----------------------------------------------------------------
    # What `claimtrack verify` and `reextract` need (see claimtrack.maintenance).

    RECORD_TABLES = ("sentences", "statements", "figures", "dates")

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """A read transaction: the queries inside see one moment, whatever others write."""
        self.conn.execute("BEGIN")
        try:
            yield
        finally:
            self.conn.execute("COMMIT")

    def integrity_check(self) -> list[str]:
        """SQLite's own findings on the file (``PRAGMA integrity_check``), none when sound."""
        return [row[0] for row in self.conn.execute("PRAGMA integrity_check") if row[0] != "ok"]

    def foreign_key_check(self) -> list[tuple[str, int, str, Any]]:
        """``(table, rowid, parent table, the missing parent's id)`` for each broken reference."""
        broken = []
        for table, rowid, parent, _ in self.conn.execute("PRAGMA foreign_key_check").fetchall():
            row = self.conn.execute(f'SELECT source_id FROM "{table}" WHERE rowid = ?', [rowid]).fetchone()
            broken.append((table, rowid, parent, row[0] if row else None))
        return broken

    def fts_check(self) -> str | None:
        """Why the full-text index disagrees with the sentences, or None when it agrees."""
        try:
            # rank 1: compare with the content table too, not only the index with itself
            self.conn.execute("INSERT INTO sentences_fts (sentences_fts, rank) VALUES ('integrity-check', 1)")
        except sqlite3.DatabaseError as exc:
            if "readonly" in str(exc):  # the check is a write statement; nothing to say
                return None
            return str(exc)
        return None

    def source_ids(self) -> list[int]:
        return [row[0] for row in self.conn.execute("SELECT id FROM sources ORDER BY id")]

    def record_rows(self, source_id: int, table: str) -> list[dict[str, Any]]:
        """A source's rows of one record table as stored, every column."""
        if table not in self.RECORD_TABLES:
            raise ValueError(table)
        sql = f"SELECT * FROM {table} WHERE source_id = ? ORDER BY id"
        return [dict(row) for row in self.conn.execute(sql, [source_id])]

    def record_counts(self, source_id: int | None = None) -> dict[str, int]:
        """Rows in each record table, for one source or all."""
        where, params = ("WHERE source_id = ?", [source_id]) if source_id is not None else ("", [])
        return {
            t: self.conn.execute(f"SELECT count(*) FROM {t} {where}", params).fetchone()[0]
            for t in self.RECORD_TABLES
        }

    def replace_records(self, source_id: int, extraction: Extraction) -> dict[str, int] | None:
        """Replace a source's records in one transaction, keeping the source row as it is.

        Returns the counts the source had before, or None if it no longer exists.
        """
        with self.transaction() as conn:
            if conn.execute("SELECT 1 FROM sources WHERE id = ?", [source_id]).fetchone() is None:
                return None
            before = self.record_counts(source_id)
            self._delete_records(source_id)
            self._insert_records(source_id, extraction)
        return before


def topic_clause(
    topic: str, table: str = "statements", own: dict[str, list[str]] | None = None
) -> tuple[str, list[Any]]:
    """SQL matching records in a topic: a built-in topic by name, one of the user's own by
    its terms, else the word's stem.

    A built-in topic goes through the ``record_topics`` index, not a scan of every record.
    The user's topics also match sentences that contain a term, so records stored before
    the topic was added are found too.
    """
    from claimtrack.extract.lexicon.topics import TOPICS
    from claimtrack.extract.topics import stem

    name = topic.strip().lower()
    indexed = "r.id IN (SELECT record_id FROM record_topics WHERE topic = ? AND kind = ?)"
    if name in (own or {}):
        terms = (own or {})[name]
        likes = " OR ".join("r.sentence LIKE ? ESCAPE '\\'" for _ in terms)
        return f"({indexed} OR {likes})", [name, table, *("%" + _escape_like(t) + "%" for t in terms)]
    if name in TOPICS:
        return indexed, [name, table]
    return "r.sentence LIKE ? ESCAPE '\\'", ["%" + _escape_like(stem(name)) + "%"]


class _TopicLists:
    """Decodes a record's ``topics`` (a JSON list), each distinct list once: a store's
    records share few of them. Each record gets a list of its own."""

    def __init__(self) -> None:
        self.seen: dict[str, list[str]] = {}

    def __call__(self, row: dict[str, Any]) -> dict[str, Any]:
        value = row.get("topics")
        if isinstance(value, str):
            found = self.seen.get(value)
            if found is None:
                found = self.seen[value] = json.loads(value)
            row["topics"] = found.copy()
        return row


def _storable(value: str | None) -> str | None:
    """Text SQLite can hold: a file name's bytes that are not UTF-8 (which Python keeps as
    lone surrogates) become ``\\xe9`` escapes instead of failing the whole run.

    >>> _storable("caf\\udce9.txt"), _storable("café.txt"), _storable(None)
    ('caf\\\\xe9.txt', 'café.txt', None)
    """
    if value is None:
        return None
    try:
        return value.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate no file name's byte gives
        return value.encode("utf-8", "backslashreplace").decode("utf-8")


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _where(clauses: list[str]) -> str:
    return (" WHERE " + " AND ".join(clauses)) if clauses else ""


def _limit(limit: int | None) -> str:
    return f" LIMIT {int(limit)}" if limit else ""
