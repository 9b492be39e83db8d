"""The store: schema and migrations, pragmas, unusable files, one transaction per source."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from conftest import DATA, FLOODS, REBELS

from claimtrack.errors import StoreError, UsageError
from claimtrack.extract import extract
from claimtrack.migrations import SCHEMA_VERSION
from claimtrack.store import BUSY_TIMEOUT_MS, Filters, SourceInfo, Store, sha256

# The schema as the JSON contract and the queries need it, pinned column by column.
EXPECTED_COLUMNS = {
    "sources": {
        "id", "path", "title", "outlet", "published", "published_from", "url", "sha256",
        "words", "encoding", "ingested_at", "text",
    },
    "sentences": {"id", "source_id", "start", "end", "paragraph", "text"},
    "statements": {
        "id", "source_id", "speaker", "speaker_start", "speaker_end", "cue", "cue_start",
        "cue_end", "verb", "stance", "content", "content_start", "content_end", "sentence",
        "start", "end", "cited", "date", "date_key", "topics",
    },
    "figures": {
        "id", "source_id", "text", "start", "end", "value", "low", "high", "qualifier",
        "change", "unit", "subject", "claimant", "modality", "date", "date_key", "date_text",
        "sentence", "sentence_start", "sentence_end", "topics",
    },
    "dates": {"id", "source_id", "text", "start", "end", "value", "date_key", "precision", "relation"},
    "sentences_fts": {"text"},
}  # fmt: skip

RECORD_TABLES = ("sources", "sentences", "statements", "figures", "dates", "sentences_fts")

ARTICLE = "The port authority said 1,200 containers were stranded at the harbour on Monday.\n"


def columns(conn: sqlite3.Connection) -> dict[str, set[str]]:
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return {t: {r[1] for r in conn.execute(f'PRAGMA table_info("{t}")')} for t in tables}


def counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in RECORD_TABLES}
    finally:
        conn.close()


def add(store: Store, text: str = ARTICLE, path: str = "port.txt", force: bool = False) -> tuple[int, bool]:
    published = dt.date(2024, 11, 12)
    info = SourceInfo(path=path, published=published.isoformat(), published_from="option")
    return store.add_source(info, text, extract(text, published), force=force)


# --- schema -----------------------------------------------------------------------------


def test_blank_database_migrates_to_the_expected_schema(tmp_path: Path) -> None:
    with Store(tmp_path / "new.db") as store:
        found = columns(store.conn)
        version = store.conn.execute("PRAGMA user_version").fetchone()[0]
    assert {t: found[t] for t in EXPECTED_COLUMNS} == EXPECTED_COLUMNS
    assert "_sqlite_migrations" in found
    assert version == SCHEMA_VERSION


def test_pragmas(tmp_path: Path) -> None:
    with Store(tmp_path / "new.db") as store:
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.conn.execute("PRAGMA busy_timeout").fetchone()[0] == BUSY_TIMEOUT_MS
        assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert BUSY_TIMEOUT_MS >= 1000
    # WAL is a property of the file: a plain connection sees it too.
    other = sqlite3.connect(tmp_path / "new.db")
    assert other.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    other.close()


def test_reopening_keeps_schema_and_data(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    with Store(path) as store:
        add(store)
        before = columns(store.conn)
    with Store(path, create=False) as store:
        assert columns(store.conn) == before
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert store.counts()["sources"] == 1


def load_m001(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.executescript((DATA / "schema_m001.sql").read_text(encoding="utf-8"))
    conn.close()


def test_upgrade_from_the_first_schema(tmp_path: Path) -> None:
    old = tmp_path / "m001.db"
    load_m001(old)
    conn = sqlite3.connect(old)
    conn.row_factory = sqlite3.Row
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    source_before = dict(conn.execute("SELECT * FROM sources").fetchone())
    records_before = {
        t: [tuple(r) for r in conn.execute(f"SELECT * FROM {t} ORDER BY id")]
        for t in ("statements", "figures", "dates", "sentences")
    }
    conn.close()
    counts_before = counts(old)
    assert counts_before["sources"] == 1 and counts_before["statements"] >= 1

    with Store(tmp_path / "blank.db") as blank:
        current = columns(blank.conn)
    with Store(old, create=False) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert columns(store.conn) == current
        source = store.source(source_before["id"])
        hits = store.search("containers")
        statements = store.statements()
    for key in ("path", "title", "outlet", "published", "published_from", "url", "sha256", "text"):
        assert source[key] == source_before[key], key
    assert source["sha256"] == sha256(source["text"])
    assert counts(old) == counts_before
    # Columns a later migration adds come last, so the old columns' values are unchanged.
    conn = sqlite3.connect(old)
    for table, before in records_before.items():
        after = [tuple(r)[: len(before[0])] for r in conn.execute(f"SELECT * FROM {table} ORDER BY id")]
        assert after == before, table
    conn.close()
    assert [h["source_id"] for h in hits] == [source_before["id"]]
    for s in statements:
        assert source["text"][s["start"] : s["end"]] == s["sentence"]


def test_database_from_a_newer_claimtrack_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    with Store(path):
        pass
    newer = SCHEMA_VERSION + 100
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {newer}")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError) as caught:
        Store(path)
    assert str(caught.value) == (
        f"{path}: written by a newer claimtrack (schema {newer}, this one knows {SCHEMA_VERSION}); "
        "upgrade claimtrack to use it"
    )
    assert path.read_bytes() == before


def make_unusable(tmp_path: Path, kind: str) -> Path:
    if kind == "directory":
        path = tmp_path / "adir.db"
        path.mkdir()
    elif kind == "text file":
        path = tmp_path / "notes.db"
        path.write_text("Shopping list: bread, milk, eggs, coffee and a newspaper.\n" * 5)
    else:
        path = tmp_path / "other.db"
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE recipes (name TEXT)")
        conn.commit()
        conn.close()
    return path


UNUSABLE = [
    # (kind, reason after "<path>: ")
    ("directory", "is a directory, not a database file"),
    ("text file", "not a claimtrack database (file is not a database)"),
    ("another application's database", "a SQLite database, but not a claimtrack one"),
]


@pytest.mark.parametrize(("kind", "reason"), UNUSABLE, ids=[row[0] for row in UNUSABLE])
def test_unusable_database_files(tmp_path: Path, kind: str, reason: str) -> None:
    path = make_unusable(tmp_path, kind)
    before = path.read_bytes() if path.is_file() else None
    for create in (True, False):
        with pytest.raises(StoreError) as caught:
            Store(path, create=create)
        assert str(caught.value) == f"{path}: {reason}"
    if before is not None:
        assert path.read_bytes() == before


def test_query_on_a_missing_database_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "missing.db"
    with pytest.raises(StoreError) as caught:
        Store(path, create=False)
    assert str(caught.value) == (
        f"{path}: no such database; add articles first with: claimtrack ingest FILE..."
    )
    assert list(tmp_path.iterdir()) == []


def test_database_in_a_missing_directory(tmp_path: Path) -> None:
    path = tmp_path / "no" / "such" / "dir" / "claimtrack.db"
    with pytest.raises(StoreError) as caught:
        Store(path, create=True)
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    assert "not a claimtrack database" not in message


# --- writing: one transaction per source ---------------------------------------------------


def fail_inserts(path: Path, table: str, when: str = "1") -> None:
    """Make SQLite refuse rows of ``table`` (where ``when`` holds), as a full disk would."""
    conn = sqlite3.connect(path)
    conn.execute(
        f"CREATE TRIGGER fail_{table} BEFORE INSERT ON {table} WHEN {when} "
        "BEGIN SELECT RAISE(ABORT, 'disk on fire'); END"
    )
    conn.close()


@pytest.mark.parametrize("failing_table", ["sentences", "statements", "figures", "dates", "record_topics"])
def test_failure_mid_source_leaves_nothing(tmp_path: Path, failing_table: str) -> None:
    path = tmp_path / "t.db"
    Store(path).close()
    fail_inserts(path, failing_table)
    with Store(path) as store, pytest.raises(sqlite3.DatabaseError, match="disk on fire"):
        add(store, ARTICLE + "Officials said the deployment of 300 troops went on.\n")
    assert counts(path) == dict.fromkeys(RECORD_TABLES, 0)


def test_failed_replacement_keeps_the_previous_version(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    with Store(path) as store:
        source_id, _ = add(store)
    before = counts(path)
    fail_inserts(path, "figures")
    with Store(path) as store:
        with pytest.raises(sqlite3.DatabaseError):
            add(store, path="elsewhere.txt", force=True)
        assert store.source(source_id)["path"] == "port.txt"
    assert counts(path) == before


def test_a_batch_is_committed_together_or_not_at_all(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    second = ARTICLE.replace("1,200", "1,300")
    with Store(path) as store:
        with store.batch():
            add(store, path="first.txt")
            other = sqlite3.connect(path)
            assert other.execute("SELECT count(*) FROM sources").fetchone()[0] == 0  # not yet committed
            add(store, second, path="second.txt")
        assert other.execute("SELECT count(*) FROM sources").fetchone()[0] == 2
        other.close()
    before = counts(path)
    fail_inserts(path, "figures", "NEW.source_id = 4")
    with Store(path) as store:
        with pytest.raises(sqlite3.DatabaseError), store.batch():
            add(store, ARTICLE.replace("1,200", "1,400"), path="third.txt")
            add(store, ARTICLE.replace("1,200", "1,500"), path="fourth.txt")
        assert not store.conn.in_transaction
        add(store, ARTICLE.replace("1,200", "1,600"), path="after.txt")  # the store goes on
    assert counts(path)["sources"] == before["sources"] + 1
    assert [r["path"] for r in Store(path).sources()] == ["first.txt", "second.txt", "after.txt"]


def test_same_text_again_is_unchanged_and_force_replaces(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    with Store(path) as store:
        first = add(store)
        after_first = counts(path)
        assert after_first["sources"] == 1 and after_first["figures"] >= 1
        assert add(store) == (first[0], False)
        assert add(store, path="copy.txt") == (first[0], False)
        assert counts(path) == after_first
        assert add(store, force=True) == (first[0], True)
        assert counts(path) == after_first
        # The full-text index follows the replaced sentences: no stale duplicates.
        assert len(store.search("containers")) == 1


def test_remove_source_removes_its_records(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    with Store(path) as store:
        kept, _ = add(store, REBELS, "rebels.md")
        gone, _ = add(store, FLOODS, "floods.txt")
        store.remove_source(gone)
        assert [s["id"] for s in store.sources()] == [kept]
        assert {r["source_id"] for r in store.statements() + store.figures() + store.dates()} <= {kept}
        assert {h["source_id"] for h in store.search("floods OR rebel")} == {kept}


# --- resolving a source -------------------------------------------------------------------

RESOLVE = [
    # (reference, expected id, or the UsageError message)
    ("1", 1),
    ("world/floods.txt", 2),
    ("floods", 2),
    ("Border", 1),  # part of a title, any case
    ("world", "2 sources match 'world'; give its id (claimtrack sources)"),
    ("999", "no source with id 999; list them with: claimtrack sources"),
    ("%", "no source matches '%'; list them with: claimtrack sources"),
    ("_", "no source matches '_'; list them with: claimtrack sources"),
    ("²", "no source matches '²'; list them with: claimtrack sources"),  # a digit, but no number
]


@pytest.mark.parametrize(("ref", "expected"), RESOLVE, ids=[row[0] for row in RESOLVE])
def test_resolve_source(tmp_path: Path, ref: str, expected: int | str) -> None:
    with Store(tmp_path / "t.db") as store:
        published = dt.date(2025, 3, 5)
        for path, title, text in [
            ("world/border.txt", "Tension at the border", REBELS),
            ("world/floods.txt", "Delta floods", FLOODS),
        ]:
            store.add_source(SourceInfo(path=path, title=title), text, extract(text, published))
        if isinstance(expected, int):
            assert store.resolve_source(ref) == expected
        else:
            with pytest.raises(UsageError) as caught:
                store.resolve_source(ref)
            assert str(caught.value) == expected


SPEAKERS = (
    "Joe Biden said the talks would resume. Biden said the deal was close. Ana Ruiz said the "
    "port would reopen. Ana Ruiz said the ships were waiting. Zed Olm said nothing had changed. "
    "A Biden aide said the text was ready.\n"
)


@pytest.mark.parametrize("who", ["biden", "Ana", "z", "RUIZ", "%", "nobody"])
def test_speaker_filter_finds_every_record_of_every_matching_name(tmp_path: Path, who: str) -> None:
    with Store(tmp_path / "s.db", create=True) as store:
        add(store, SPEAKERS)
        every = store.statements()
        assert len({s["speaker"] for s in every}) >= 4  # the names are read one distinct name at a time
        expected = [s for s in every if who.lower() in (s["speaker"] or "").lower()]
        assert store.statements(Filters(speaker=who)) == expected


def test_records_of_the_same_topics_get_lists_of_their_own(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db", create=True) as store:
        add(store, SPEAKERS)
        first, second, *_ = store.statements()
        assert first["topics"] == second["topics"]
        first["topics"].append("mine")
        assert "mine" not in second["topics"]
