"""The store's schema, as migrations applied in order when a store is opened.

Migrations are named ``m001_…`` and never edited once shipped: a change to the schema
is a new migration. After applying them the store records their count in
``PRAGMA user_version``, so opening an up-to-date store needs no migration bookkeeping
(and no import of sqlite-utils) at all.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("claimtrack")


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


SCHEMA_VERSION = len(migrations._migrations)


def migrate(db: Database) -> None:
    """Apply pending migrations and record the schema version."""
    migrations.apply(db)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
