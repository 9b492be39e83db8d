"""Records as JSON lines: ``extract --format jsonl`` anywhere, ``ingest --records`` in one place."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from conftest import FACTORY, FLOODS, MINISTRY, REBELS, TALKS, invoke, run_main, write
from test_parallel import dump

from claimtrack.records import RecordError, from_line
from claimtrack.store import Filters, Store


def corpus(root: Path) -> Path:
    for name, text in {"ministry.txt": MINISTRY, "rebels.md": REBELS, "floods.txt": FLOODS,
                       "factory.md": FACTORY, "talks.txt": TALKS}.items():  # fmt: skip
        write(root / name, text)
    return root


def extract_lines(*paths: Path) -> list[str]:
    result = invoke("extract", *map(str, paths), "--format", "jsonl", "--jobs", "1")
    assert result.exit_code == 0, result.output
    return result.stdout.splitlines()


def test_loading_records_stores_what_a_plain_ingest_stores(tmp_path: Path) -> None:
    root = corpus(tmp_path / "in")
    plain = invoke("ingest", str(root), "--db", str(tmp_path / "plain.db"), "--jobs", "1")
    assert plain.exit_code == 0, plain.output
    records = write(tmp_path / "records.jsonl", "\n".join(extract_lines(root)) + "\n")
    loaded = invoke("ingest", "--records", str(records), "--db", str(tmp_path / "loaded.db"), "--json")
    assert loaded.exit_code == 0, loaded.output
    assert json.loads(loaded.stdout)["added"] == 5
    assert dump(tmp_path / "plain.db") == dump(tmp_path / "loaded.db")


def test_records_from_standard_input(tmp_path: Path) -> None:
    lines = extract_lines(write(tmp_path / "m.txt", MINISTRY))
    result = invoke("ingest", "--records", "-", "--db", str(tmp_path / "s.db"), input="\n".join(lines))
    assert result.exit_code == 0, result.output
    with Store(tmp_path / "s.db") as store:
        assert [f["value"] for f in store.figures()] == [3000]


def test_a_line_carries_text_sentences_and_what_extract_json_prints(tmp_path: Path) -> None:
    path = write(tmp_path / "m.txt", MINISTRY)
    (line,) = extract_lines(path)
    obj = json.loads(line)
    single = json.loads(invoke("extract", str(path), "--json").stdout)
    assert set(obj) == {*single, "sentences"}
    assert {k: v for k, v in obj["source"].items() if k not in ("text", "encoding")} == single["source"]
    for kind in ("statements", "figures", "dates"):
        assert obj[kind] == single[kind]
    assert obj["source"]["text"].startswith("The defence ministry said")
    assert obj["sentences"][0]["text"] == obj["source"]["text"][: obj["sentences"][0]["end"]]


def test_bad_lines_are_reported_skipped_and_fail_the_run(tmp_path: Path) -> None:
    good = extract_lines(write(tmp_path / "m.txt", MINISTRY), write(tmp_path / "f.txt", FLOODS))
    broken = json.loads(good[1])
    broken["figures"][0]["start"] = 10**9
    records = write(tmp_path / "r.jsonl", "\n".join([good[0], "{not json", "", json.dumps(broken)]) + "\n")
    result = run_main("ingest", "--records", str(records), "--db", str(tmp_path / "s.db"))
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert errors[0].startswith(f"Error: {records}:2: not JSON")
    length = len(broken["source"]["text"])
    assert (
        errors[1]
        == f"Error: {records}:4: figures[0]: 'start' 1000000000 is outside the text (length {length})"
    )
    with Store(tmp_path / "s.db") as store:
        assert store.counts()["sources"] == 1


def test_a_missing_records_file(tmp_path: Path) -> None:
    result = run_main("ingest", "--records", str(tmp_path / "nope.jsonl"), "--db", str(tmp_path / "s.db"))
    assert (result.exit_code, result.stderr) == (
        1,
        f"Error: {tmp_path / 'nope.jsonl'}: no such file or directory\n",
    )


def test_records_refuse_paths_and_overrides(tmp_path: Path) -> None:
    result = run_main("ingest", "x.txt", "--records", "r.jsonl", "--db", str(tmp_path / "s.db"))
    assert result.exit_code == 2
    assert "--records loads sources as extracted" in result.stderr


def test_several_articles_need_jsonl(tmp_path: Path) -> None:
    root = corpus(tmp_path / "in")
    result = run_main("extract", str(root), "--json")
    assert (result.exit_code, result.stderr) == (
        2,
        "Error: extract prints one article as a table or JSON; use --format jsonl for several\n",
    )


def test_extract_jsonl_reports_a_bad_file_and_goes_on(tmp_path: Path) -> None:
    root = corpus(tmp_path / "in")
    write(root / "zz-empty.txt", "")
    result = run_main("extract", str(root), "--format", "jsonl", "--jobs", "1")
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 5
    assert f"Error: {root / 'zz-empty.txt'}: empty file" in result.stderr


TEXT = "The army said 300 troops left."
SENTENCE = {"start": 0, "end": len(TEXT), "text": TEXT, "paragraph": 0}
LINE = {"source": {"path": "a.txt", "text": TEXT}, "statements": [], "figures": [], "dates": [],
        "sentences": [SENTENCE]}  # fmt: skip

BAD = [
    # (change to the line, reason)
    ({"source": {"text": TEXT}}, "source: 'path' is missing"),
    ({"source": {"path": "a", "text": TEXT, "sha256": "0" * 64}}, "source: sha256 does not match the text"),
    ({"source": {"path": "a.txt", "text": TEXT, "title": 3}}, "source: 'title' must be a string or null"),
    ({"dates": None}, "'dates' must be a list"),
    ({"extra": []}, "unknown key 'extra'"),
    ({"sentences": [{**SENTENCE, "end": 99}]}, "sentences[0]: 'end' 99 is outside the text (length 30)"),
    ({"sentences": [{**SENTENCE, "start": "0"}]}, "sentences[0]: 'start' has the wrong type (str)"),
    ({"sentences": [{**SENTENCE, "start": 20, "end": 10}]}, "sentences[0]: 'start' is after 'end'"),
    ({"sentences": [{"start": 0, "end": 3}]}, "sentences[0]: 'text' is missing"),
    ({"sentences": [{**SENTENCE, "colour": 1}]}, "sentences[0]: unknown field 'colour'"),
    ({"sentences": [{**SENTENCE, "paragraph": None}]}, "sentences[0]: 'paragraph' must not be null"),
]  # fmt: skip


@pytest.mark.parametrize(("change", "reason"), BAD, ids=[r for _, r in BAD])
def test_validation(change: dict, reason: str) -> None:
    with pytest.raises(RecordError) as raised:
        from_line(json.dumps({**LINE, **change}))
    assert str(raised.value) == reason


def test_a_valid_line_round_trips() -> None:
    found = from_line(json.dumps(LINE))
    assert (found.info.path, found.text, found.extraction.sentences[0].end) == ("a.txt", TEXT, 30)


# --- the topic index (m003) --------------------------------------------------------------


def test_topic_filter_uses_the_index_and_matches_the_topics(tmp_path: Path) -> None:
    root = corpus(tmp_path / "in")
    assert invoke("ingest", str(root), "--db", str(tmp_path / "s.db"), "--jobs", "1").exit_code == 0
    with Store(tmp_path / "s.db") as store:
        for table in ("statements", "figures"):
            every = getattr(store, table)()
            topics = {t for r in every for t in r["topics"]}
            assert topics
            for topic in topics:
                expected = [r["id"] for r in every if topic in r["topics"]]
                assert [r["id"] for r in getattr(store, table)(Filters(topic=topic))] == expected
        plan = " ".join(
            r[3] for r in store.conn.execute(
                "EXPLAIN QUERY PLAN SELECT id FROM figures r WHERE " + "r.id IN (SELECT record_id FROM "
                "record_topics WHERE topic = 'deployment' AND kind = 'figures')"
            )
        )  # fmt: skip
        assert "idx_record_topics_topic" in plan


def test_upgrading_fills_the_topic_index(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    assert invoke("ingest", str(corpus(tmp_path / "in")), "--db", str(db), "--jobs", "1").exit_code == 0
    before = dump(db)["record_topics"]
    conn = sqlite3.connect(db)  # back to the schema before m003
    conn.executescript(
        "DROP TABLE record_topics; DELETE FROM _sqlite_migrations WHERE name = 'm003_record_topics';"
        "PRAGMA user_version = 2;"
    )
    conn.close()
    with Store(db):
        pass
    assert before and dump(db)["record_topics"] == before
