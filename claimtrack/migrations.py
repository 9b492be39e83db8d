"""The store's schema, as migrations applied in order when a store is opened.

Migrations are named ``m001_…`` and never edited once shipped: a change to the schema
is a new migration. After applying them the store records their count in
``PRAGMA user_version``, so opening an up-to-date store needs no migration bookkeeping
(and no import of sqlite-utils) at all.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database


class _Migrations:
    """Collects the migrations in order; sqlite-utils' ``Migrations`` is built only to apply them.

    Importing sqlite-utils costs more than a whole query on a small store, and opening a
    store needs ``SCHEMA_VERSION`` from this module every time.
    """

    def __init__(self, name: str):
        self.name = name
        self._migrations: list[Callable[[Database], None]] = []

    def __call__(self) -> Callable[[Callable[[Database], None]], Callable[[Database], None]]:
        def register(fn: Callable[[Database], None]) -> Callable[[Database], None]:
            self._migrations.append(fn)
            return fn

        return register


migrations = _Migrations("claimtrack")


@migrations()
def m001_initial(db: Database) -> None:
    db["sources"].create(
        {
            "id": int,
            "path": str,
            "title": str,
            "outlet": str,
            "published": str,
            "published_from": str,
            "url": str,
            "sha256": str,
            "words": int,
            "encoding": str,
            "ingested_at": str,
            "text": str,
        },
        pk="id",
        not_null={"path", "sha256", "text"},
    )
    db["sources"].create_index(["sha256"], unique=True)
    db["sources"].create_index(["path"])
    db["sources"].create_index(["published"])

    db["sentences"].create(
        {"id": int, "source_id": int, "start": int, "end": int, "paragraph": int, "text": str},
        pk="id",
        foreign_keys=[("source_id", "sources", "id")],
    )
    db["sentences"].create_index(["source_id", "start"])
    db["sentences"].enable_fts(["text"], fts_version="FTS5", create_triggers=True, tokenize="porter")

    db["statements"].create(
        {
            "id": int,
            "source_id": int,
            "speaker": str,
            "speaker_start": int,
            "speaker_end": int,
            "cue": str,
            "cue_start": int,
            "cue_end": int,
            "verb": str,
            "stance": str,
            "content": str,
            "content_start": int,
            "content_end": int,
            "sentence": str,
            "start": int,
            "end": int,
            "cited": str,
            "date": str,
            "date_key": str,
            "topics": str,
        },
        pk="id",
        foreign_keys=[("source_id", "sources", "id")],
    )
    for columns in (["source_id"], ["speaker"], ["stance"], ["date_key"]):
        db["statements"].create_index(columns)

    db["figures"].create(
        {
            "id": int,
            "source_id": int,
            "text": str,
            "start": int,
            "end": int,
            "value": float,
            "low": float,
            "high": float,
            "qualifier": str,
            "change": str,
            "unit": str,
            "subject": str,
            "claimant": str,
            "modality": str,
            "date": str,
            "date_key": str,
            "date_text": str,
            "sentence": str,
            "sentence_start": int,
            "sentence_end": int,
            "topics": str,
        },
        pk="id",
        foreign_keys=[("source_id", "sources", "id")],
    )
    for columns in (["source_id"], ["claimant"], ["unit"], ["date_key"]):
        db["figures"].create_index(columns)

    db["dates"].create(
        {
            "id": int,
            "source_id": int,
            "text": str,
            "start": int,
            "end": int,
            "value": str,
            "date_key": str,
            "precision": str,
            "relation": str,
        },
        pk="id",
        foreign_keys=[("source_id", "sources", "id")],
    )
    for columns in (["source_id"], ["date_key"]):
        db["dates"].create_index(columns)


@migrations()
def m002_aliases_and_topics(db: Database) -> None:
    # The user's own claimant aliases and topics, added with `claimtrack alias/topic add`.
    db["aliases"].create({"name": str, "canonical": str}, pk="name")
    db["topics"].create({"name": str, "term": str}, pk=("name", "term"))


@migrations()
def m003_record_topics(db: Database) -> None:
    # --topic was `topics LIKE '%"name"%'`, a scan of every record. This link table,
    # written at ingest from each record's topics, answers it through an index. Its key
    # serves deleting a source's records; the second index serves the topic filter.
    db.execute(
        "CREATE TABLE record_topics (kind TEXT NOT NULL, record_id INTEGER NOT NULL, "
        "topic TEXT NOT NULL, PRIMARY KEY (kind, record_id, topic)) WITHOUT ROWID"
    )
    db.execute("CREATE INDEX idx_record_topics_topic ON record_topics (topic, kind, record_id)")
    for table in ("statements", "figures"):
        db.execute(
            f"INSERT OR IGNORE INTO record_topics (kind, record_id, topic) SELECT '{table}', r.id, t.value "
            f"FROM {table} r, json_each(r.topics) t WHERE r.topics IS NOT NULL AND json_valid(r.topics)"
        )


@migrations()
def m004_sources_in_date_order(db: Database) -> None:
    # `sources` lists undated articles last: an index on that very order lets a store of
    # 100,000 sources answer `--limit 20` without sorting them all.
    db.execute("CREATE INDEX idx_sources_dated ON sources (published IS NULL, published, id)")


@migrations()
def m005_index_sentences_per_source(db: Database) -> None:
    # The full-text index was written by a trigger, row by row; ``Store._insert_records``
    # now writes it from the same values, in the same transaction, at a third of the
    # cost. The delete and update triggers stay.
    db.execute('DROP TRIGGER IF EXISTS "sentences_ai"')


SCHEMA_VERSION = len(migrations._migrations)


def migrate(db: Database) -> None:
    """Apply pending migrations and record the schema version."""
    from sqlite_utils.migrations import Migrations

    applied = Migrations(migrations.name)
    for fn in migrations._migrations:
        applied()(fn)
    applied.apply(db)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
