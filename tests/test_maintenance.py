"""verify, remove and reextract: a store that can be checked and repaired."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from conftest import FACTORY, FLOODS, MINISTRY, REBELS, TALKS, invoke, rows, run_main, write
from test_crash import dump

from claimtrack.extract import extract
from claimtrack.maintenance import reextract, verify
from claimtrack.models import Extraction
from claimtrack.store import Store

ARTICLES = {"ministry.txt": MINISTRY, "rebels.md": REBELS, "floods.txt": FLOODS, "factory.md": FACTORY}
ARTICLES["talks.txt"] = TALKS


@pytest.fixture(scope="module")
def news(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The articles, and a store of them next to them (news/../store.db) to copy."""
    root = tmp_path_factory.mktemp("maintenance")
    paths = [write(root / "news" / name, text) for name, text in ARTICLES.items()]
    result = invoke("ingest", *map(str, paths), "--date", "2025-04-14", "--db", str(root / "store.db"))
    assert result.exit_code == 0, result.output
    return root / "news"


@pytest.fixture
def store(db: Path, news: Path) -> Path:
    """A fresh copy of the store of five articles, used through CLAIMTRACK_DB."""
    shutil.copyfile(news.parent / "store.db", db)
    return db


def source_id(part: str) -> int:
    [found] = [s["id"] for s in rows("sources") if part in s["path"]]
    return found


def execute(db: Path, *statements: str) -> None:
    """Change the store behind claimtrack's back, as a damaged file or a hand edit would."""
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = OFF")
    for sql in statements:
        conn.execute(sql)
    conn.close()


# --- verify ------------------------------------------------------------------------------


def test_verify_a_sound_store(store: Path) -> None:
    before = dump(store)
    result = run_main("verify")
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    counts = {t: len(rows(t)) for t in ("statements", "figures", "dates")}
    assert re.fullmatch(
        rf"OK: 5 sources, \d+ sentences, {counts['statements']} statements, {counts['figures']} figures, "
        rf"{counts['dates']} dates: texts match their hashes, offsets slice back, references hold\n",
        result.stderr,
    ), result.stderr
    report = json.loads(run_main("verify", "--json").stdout)
    assert report["ok"] is True and report["problems"] == [] and report["sources"] == 5
    assert dump(store) == before  # checking changes nothing


DAMAGE = [
    # (kind, table of the damaged record, which record, the damage, the one line verify prints)
    (
        "text edited", "sources", "1",
        "UPDATE sources SET text = text || ' ' WHERE id = {record}",
        r"source {source} \(.*\): text does not match its hash \(stored \w{{12}}…, text gives \w{{12}}…\)",
    ),
    (
        "cue offsets", "statements", "1",
        "UPDATE statements SET cue_start = cue_start + 1 WHERE id = {record}",
        r"source {source} \(.*\): statement {record}: cue at \d+\.\.\d+ reads '.*', stored '.*'",
    ),
    (
        "content", "statements", "1",
        "UPDATE statements SET content = 'nothing of the kind' WHERE id = {record}",
        r"source {source} \(.*\): statement {record}: content at \d+\.\.\d+ reads '.*', "
        r"stored 'nothing of the kind'",
    ),
    (
        "speaker mention outside its sentence", "statements", "start > 5",
        "UPDATE statements SET speaker_start = 0, speaker_end = 1 WHERE id = {record}",
        r"source {source} \(.*\): statement {record}: speaker mention at 0\.\.1 lies outside its "
        r"sentence at \d+\.\.\d+",
    ),
    (
        "speaker mention half missing", "statements", "speaker_start IS NOT NULL",
        "UPDATE statements SET speaker_end = NULL WHERE id = {record}",
        r"source {source} \(.*\): statement {record}: speaker mention has offsets \d+\.\.None, "
        r"not two numbers",
    ),
    (
        "figure text", "figures", "1",
        "UPDATE figures SET text = upper(text) || '!' WHERE id = {record}",
        r"source {source} \(.*\): figure {record}: text at \d+\.\.\d+ reads '.*', stored '.*!'",
    ),
    (
        "figure sentence", "figures", "1",
        "UPDATE figures SET sentence_end = sentence_end - 1 WHERE id = {record}",
        r"source {source} \(.*\): figure {record}: sentence at \d+\.\.\d+ reads '.*', stored '.*'",
    ),
    (
        "date past the end of the text", "dates", "1",
        'UPDATE dates SET "end" = 99999 WHERE id = {record}',
        r"source {source} \(.*\): date {record}: text at \d+\.\.99999 lies outside the text "
        r"\(\d+ characters\)",
    ),
    (
        "offset that is not a number", "dates", "1",
        "UPDATE dates SET start = 'soon' WHERE id = {record}",
        r"source {source} \(.*\): date {record}: text has offsets 'soon'\.\.\d+, not two numbers",
    ),
    (
        "sentence text", "sentences", "1",
        "UPDATE sentences SET text = 'x' WHERE id = {record}",
        r"source {source} \(.*\): sentence {record}: text at \d+\.\.\d+ reads '.*', stored 'x'",
    ),
    (
        "record without its source", "dates", "0",
        "INSERT INTO dates (id, source_id, text, start, \"end\") VALUES (9999, 999, 'May', 0, 3)",
        r"database: date 9999: refers to sources row 999, which does not exist",
    ),
    (
        "full-text index out of step", "sentences", "1",
        "INSERT INTO sentences_fts (sentences_fts, rowid, text) "
        "SELECT 'delete', id, text FROM sentences WHERE id = {record}",
        r"database: the full-text index does not match the sentences \(.*\); search may miss or mislead",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("kind", "table", "where", "sql", "line"), DAMAGE, ids=[row[0] for row in DAMAGE])
def test_verify_names_each_problem(
    store: Path, kind: str, table: str, where: str, sql: str, line: str
) -> None:
    conn = sqlite3.connect(store)
    record = conn.execute(f"SELECT min(id) FROM {table} WHERE {where}").fetchone()[0]
    source = record if table == "sources" else None
    if record is not None and table != "sources":
        source = conn.execute(f"SELECT source_id FROM {table} WHERE id = ?", [record]).fetchone()[0]
    conn.close()
    path = rows("show", str(source))["source"]["path"] if source else None
    execute(store, sql.format(record=record))
    result = run_main("verify")
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    [shown] = result.stdout.splitlines()
    assert re.fullmatch(line.format(source=source, record=record), shown), shown
    if shown.startswith("source"):
        assert f"({path})" in shown
    assert re.fullmatch(r"1 problem in 5 sources, .*\n", result.stderr), result.stderr
    report = json.loads(run_main("verify", "--json").stdout)
    assert report["ok"] is False
    assert [p["line"] for p in report["problems"]] == [shown]


def test_verify_reports_what_sqlite_finds(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A damaged page cannot be made to order; SQLite's own words are passed on as they are.
    monkeypatch.setattr(
        Store, "integrity_check", lambda self: ["Page 7: btreeInitPage() returns error code 11"]
    )
    result = run_main("verify")
    assert result.exit_code == 1
    assert result.stdout == "database: integrity check: Page 7: btreeInitPage() returns error code 11\n"


def test_verify_a_damaged_file_is_one_error_line(store: Path) -> None:
    data = bytearray(store.read_bytes())
    data[:16] = b"not a database!!"
    store.write_bytes(bytes(data))
    result = run_main("verify")
    assert result.exit_code == 2, result.output  # not a store: the user named the wrong file
    assert "Traceback" not in result.output
    assert result.stderr.startswith(f"Error: {store}: ") and result.stderr.count("\n") == 1


def test_verify_without_a_store(db: Path) -> None:
    result = run_main("verify")
    assert result.exit_code == 2
    assert (
        result.stderr
        == f"Error: {db}: no such database; add articles first with: claimtrack ingest FILE...\n"
    )
    assert not db.exists()


# --- remove ------------------------------------------------------------------------------


def test_remove_a_source_and_all_its_records(store: Path, news: Path) -> None:
    rebels = source_id("rebels")
    others = {t: [r for r in rows(t) if r["source_id"] != rebels] for t in ("statements", "figures", "dates")}
    gone = {t: len(rows(t, "--source", str(rebels))) for t in ("statements", "figures", "dates")}
    assert gone["statements"] and gone["figures"]
    result = run_main("remove", str(rebels))
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        f"Removed source {rebels} ({news / 'rebels.md'}): "
        f"{gone['statements']} statements, {gone['figures']} figures, {gone['dates']} dates\n"
    )
    assert rebels not in [s["id"] for s in rows("sources")]
    assert {t: rows(t) for t in others} == others
    assert rows("search", "villages") == []  # its sentences left the full-text index too
    conn = sqlite3.connect(store)
    assert conn.execute("SELECT count(*) FROM sentences WHERE source_id = ?", [rebels]).fetchone()[0] == 0
    conn.close()
    assert run_main("verify").exit_code == 0


def test_remove_by_path_and_several(store: Path, news: Path) -> None:
    removed = json.loads(invoke("remove", str(news / "floods.txt"), "factory", "--json").stdout)
    assert [Path(r["path"]).name for r in removed] == ["floods.txt", "factory.md"]
    assert set(removed[0]["records"]) == {"sentences", "statements", "figures", "dates"}
    assert sorted(Path(s["path"]).name for s in rows("sources")) == ["ministry.txt", "rebels.md", "talks.txt"]


@pytest.mark.parametrize(
    ("refs", "message"),
    [
        (["1", "999"], "no source with id 999; list them with: claimtrack sources"),
        (["1", "nowhere"], "no source matches 'nowhere'; list them with: claimtrack sources"),
        (["1", ".txt"], "3 sources match '.txt'; give its id (claimtrack sources)"),
    ],
)
def test_remove_with_a_bad_reference_removes_nothing(store: Path, refs: list[str], message: str) -> None:
    before = dump(store)
    result = run_main("remove", *refs)
    assert result.exit_code == 2, result.output
    assert result.stderr == f"Error: {message}\n"
    assert dump(store) == before


# --- reextract ---------------------------------------------------------------------------


def records_of(sid: int) -> dict[str, list[dict]]:
    return {t: rows(t, "--source", str(sid)) for t in ("statements", "figures", "dates")}


def without_ids(found: dict[str, list[dict]]) -> dict[str, list[dict]]:
    return {t: [{k: v for k, v in r.items() if k != "id"} for r in rs] for t, rs in found.items()}


def test_reextract_restores_what_the_current_extraction_finds(store: Path) -> None:
    sources = rows("sources")
    expected = {s["id"]: without_ids(records_of(s["id"])) for s in sources}
    # As an older claimtrack might have left it: records missing, others wrong.
    execute(
        store,
        "DELETE FROM statements WHERE id % 2 = 0",
        "UPDATE figures SET value = value * 10, unit = 'widget'",
        "DELETE FROM dates",
    )
    assert {s["id"]: without_ids(records_of(s["id"])) for s in sources} != expected
    result = run_main("reextract")
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith("Re-extracted 5 sources: statements ")
    assert rows("sources") == sources  # ids, metadata and ingest times as they were
    assert {s["id"]: without_ids(records_of(s["id"])) for s in sources} == expected
    assert run_main("verify").exit_code == 0


def test_reextract_uses_the_publication_date_as_stored(store: Path) -> None:
    floods = source_id("floods")
    text = rows("show", str(floods))["source"]["text"]
    execute(store, f"UPDATE sources SET published = '2025-06-02' WHERE id = {floods}")
    result = invoke("reextract", "--source", "floods", "--json")
    assert result.exit_code == 0, result.output
    [done] = json.loads(result.stdout)
    assert done["source_id"] == floods and set(done["before"]) == {
        "sentences",
        "statements",
        "figures",
        "dates",
    }
    stored = sorted((d["start"], d["text"], d["value"]) for d in rows("dates", "--source", str(floods)))
    wanted = sorted((d.start, d.text, d.value) for d in extract(text, dt.date(2025, 6, 2)).dates)
    earlier = sorted((d.start, d.text, d.value) for d in extract(text, dt.date(2025, 4, 14)).dates)
    assert stored == wanted != earlier  # "on Monday" now resolves against 2 June
    assert done["after"]["dates"] == len(wanted)


def test_reextract_one_source_leaves_the_others(store: Path) -> None:
    rebels, ministry = source_id("rebels"), source_id("ministry")
    execute(store, "DELETE FROM statements")
    assert run_main("reextract", "--source", str(rebels)).exit_code == 0
    assert {s["source_id"] for s in rows("statements")} == {rebels}
    assert records_of(ministry)["statements"] == []


def test_reextract_unknown_source(store: Path) -> None:
    before = dump(store)
    result = run_main("reextract", "--source", "999")
    assert result.exit_code == 2
    assert result.stderr == "Error: no source with id 999; list them with: claimtrack sources\n"
    assert dump(store) == before


def figure_counts(db: Path) -> dict[int, int]:
    conn = sqlite3.connect(db)
    found = dict(
        conn.execute(
            "SELECT s.id, count(f.id) FROM sources s LEFT JOIN figures f ON f.source_id = s.id GROUP BY s.id"
        )
    )
    conn.close()
    return found


def test_reextract_is_one_transaction_per_source(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # It fails while writing the third source: two are done, the third is as it was.
    counts = figure_counts(store)
    execute(store, "DELETE FROM figures")
    insert, calls = Store._insert_records, []

    def failing(self: Store, source_id: int, extraction: Extraction) -> None:
        calls.append(source_id)
        insert(self, source_id, extraction)
        if len(calls) == 3:
            raise OSError("disk full")

    monkeypatch.setattr(Store, "_insert_records", failing)
    with Store(store) as opened, pytest.raises(OSError):
        for _ in reextract(opened):
            pass
    assert figure_counts(store) == {sid: counts[sid] if sid in calls[:2] else 0 for sid in counts}
    with Store(store) as opened:
        assert verify(opened).ok
