"""Ingest: every kind of input, publication dates, bad inputs, re-ingest, stored text and offsets."""

from __future__ import annotations

import codecs
import json
import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from conftest import FACTORY, FLOODS, MINISTRY, REBELS, TALKS, invoke, rows, run_main, write

import claimtrack.ingest as ingest_module
from claimtrack.ingest import Overrides, Task, ingest_paths, prepare, store_batches
from claimtrack.store import Store

BODY = "Port officials said 1,200 containers were stranded at the harbour.\r\nCafé owners shrugged.\r\n"

ENCODED = [
    # (id, bytes of the file, text as stored, encoding recorded)
    ("utf-8", BODY.encode("utf-8"), BODY, "utf-8"),
    ("utf-8 with bom", codecs.BOM_UTF8 + BODY.encode("utf-8"), BODY, "utf-8-sig"),
    ("utf-16 le with bom", codecs.BOM_UTF16_LE + BODY.encode("utf-16-le"), BODY, "utf-16"),
    ("utf-16 be with bom", codecs.BOM_UTF16_BE + BODY.encode("utf-16-be"), BODY, "utf-16"),
    ("windows-1252", BODY.encode("cp1252"), BODY, "cp1252"),
    (
        "windows-1252 curly quotes",
        b"\x93We will rebuild,\x94 the mayor said.\n",
        "“We will rebuild,” the mayor said.\n",
        "cp1252",
    ),
]


def stored_text(source: str) -> str:
    return rows("show", source)["source"]["text"]


@pytest.mark.parametrize(
    ("data", "text", "encoding"), [row[1:] for row in ENCODED], ids=[row[0] for row in ENCODED]
)
def test_encodings(db: Path, tmp_path: Path, data: bytes, text: str, encoding: str) -> None:
    path = write(tmp_path / "article.txt", data)
    summary = ingest(path, "--date", "2024-11-12")
    assert summary["added"] == 1
    # Stored exactly as decoded: the BOM gone, CRLF and every character kept.
    assert stored_text("1") == text
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT encoding FROM sources").fetchone()[0] == encoding
    conn.close()


def ingest(*args: str | Path) -> dict[str, Any]:
    result = invoke("ingest", *map(str, args), "--json")
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    return json.loads(result.stdout)


# --- metadata and the publication date ------------------------------------------------------

FRONT_MATTER = "---\r\ntitle: 'Harbour reopens'\r\noutlet: Coastal Courier\r\ndate: 2024-11-12\r\n"
FRONT_MATTER += "url: https://example.org/harbour\r\n---\r\n"

METADATA = [
    # (id, file content, options, expected source fields)
    (
        "front matter",
        FRONT_MATTER + BODY,
        [],
        {
            "title": "Harbour reopens",
            "outlet": "Coastal Courier",
            "published": "2024-11-12",
            "published_from": "front matter",
            "url": "https://example.org/harbour",
        },
    ),
    (
        "options override front matter",
        FRONT_MATTER + BODY,
        ["--date", "2024-12-01", "--title", "Port chaos", "--outlet", "Wire", "--url", "https://w.example/1"],
        {
            "title": "Port chaos",
            "outlet": "Wire",
            "published": "2024-12-01",
            "published_from": "option",
            "url": "https://w.example/1",
        },
    ),
    (
        "date option without front matter",
        BODY,
        ["--date", "2024-02-29"],
        {"published": "2024-02-29", "published_from": "option", "outlet": None, "url": None},
    ),
    (
        "dateline",
        "Troops reach the border\n\nWASHINGTON, March 3, 2025 (Wire) - The defence ministry said "
        "3,000 soldiers were deployed.\n",
        [],
        {"title": "Troops reach the border", "published": "2025-03-03", "published_from": "text"},
    ),
    (
        "weekday with numeric date",
        "The relief agency said on Friday (10/25/2024) that 40 trucks had crossed the river.\n",
        [],
        {"published": "2024-10-25", "published_from": "text"},
    ),
    (
        "no date",
        "The council said 12 bridges were closed.\n",
        [],
        {"published": None, "published_from": None},
    ),
]


@pytest.mark.parametrize(
    ("content", "options", "expected"), [row[1:] for row in METADATA], ids=[row[0] for row in METADATA]
)
def test_source_metadata(
    db: Path, tmp_path: Path, content: str, options: list[str], expected: dict[str, Any]
) -> None:
    path = write(tmp_path / "article.txt", content)
    result = invoke("ingest", str(path), *options)
    assert result.exit_code == 0, result.output
    (source,) = rows("sources")
    assert {k: source[k] for k in expected} == expected
    assert source["path"] == str(path)
    warning = f"Warning: {path}: no publication date found; relative dates stay unresolved (give --date)"
    assert (warning in result.stderr.splitlines()) == (expected.get("published", "") is None)


def test_front_matter_is_removed_and_nothing_else(db: Path, tmp_path: Path) -> None:
    ingest(write(tmp_path / "harbour.md", FRONT_MATTER + "\r\n" + BODY))
    assert stored_text("harbour") == "\r\n" + BODY


def test_bad_front_matter_date_is_a_warning(db: Path, tmp_path: Path) -> None:
    path = write(
        tmp_path / "a.txt", "---\ndate: sometime soon\n---\nThe council said 12 bridges were closed.\n"
    )
    result = invoke("ingest", str(path), "--date", "2024-05-01")
    assert result.exit_code == 0, result.output
    assert rows("sources")[0]["published_from"] == "option"
    result = invoke("ingest", str(path), "--force")
    assert result.exit_code == 0, result.output
    assert f"Warning: {path}: front matter date 'sometime soon' is not a date; ignored" in result.stderr
    assert rows("sources")[0]["published"] is None


# --- where the text comes from -------------------------------------------------------------


def test_directories_are_walked_for_text_files(db: Path, tmp_path: Path) -> None:
    root = tmp_path / "news"
    wanted = [
        write(root / "a.txt", "The council said 12 bridges were closed.\n"),
        write(root / "world" / "b.md", "The ministry said 40 schools were shut.\n"),
        write(root / "world" / "asia" / "c.TEXT", "The agency said 7 ferries were cancelled.\n"),
    ]
    write(root / "notes.csv", "value,unit\n3,ships\n")
    write(root / "photo.png", b"\x89PNG\r\n\x1a\n\x00\x00")
    write(root / ".draft.txt", "The mayor said 9 roads were flooded.\n")
    write(root / ".git" / "HEAD.txt", "The port said 5 cranes were idle.\n")
    summary = ingest(root, "--date", "2024-05-01")
    assert summary["added"] == 3
    assert sorted(s["path"] for s in rows("sources")) == sorted(map(str, wanted))


def test_standard_input(db: Path) -> None:
    text = "Stranded ferry towed to port\n\nThe coast guard said 85 passengers were rescued.\n"
    result = invoke("ingest", "-", "--date", "2024-07-04", "--json", input=text.encode("utf-8"))
    assert result.exit_code == 0, result.output
    (source,) = rows("sources")
    assert source["path"] == "-"
    assert source["title"] == "Stranded ferry towed to port"
    assert stored_text("1") == text


def make_bad(tmp_path: Path, kind: str) -> Path:
    if kind == "binary file":
        return write(tmp_path / "scan.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10")
    if kind == "missing path":
        return tmp_path / "nowhere.txt"
    if kind == "empty file":
        return write(tmp_path / "blank.txt", b"")
    directory = tmp_path / "images"
    write(directory / "map.png", b"\x89PNG\r\n\x1a\n")
    return directory


BAD = [
    # (kind, reason after "Error: <path>: ")
    ("binary file", "binary file, not text"),
    ("missing path", "no such file or directory"),
    ("empty file", "empty file"),
    ("directory without text files", "no text files (.txt, .md, .text) in directory"),
]


@pytest.mark.parametrize(("kind", "reason"), BAD, ids=[row[0] for row in BAD])
def test_bad_input_is_one_error_line_and_good_files_still_go_in(
    db: Path, tmp_path: Path, kind: str, reason: str
) -> None:
    good = write(tmp_path / "good.txt", "The council said 12 bridges were closed.\n")
    later = write(tmp_path / "later.txt", "The ministry said 40 schools were shut.\n")
    bad = make_bad(tmp_path, kind)
    result = invoke("ingest", str(good), str(bad), str(later), "--date", "2024-05-01")
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error")]
    assert errors == [f"Error: {bad}: {reason}"]
    assert re.search(r"^2 added, 0 replaced, 0 unchanged, 1 failed: ", result.stderr, re.MULTILINE)
    assert sorted(s["path"] for s in rows("sources")) == sorted([str(good), str(later)])


def test_all_bad_inputs_at_once(db: Path, tmp_path: Path) -> None:
    bad = [make_bad(tmp_path, kind) for kind, _ in BAD]
    result = invoke("ingest", *map(str, bad), "--json")
    assert result.exit_code == 1, result.output
    summary = json.loads(result.stdout)
    assert summary["failed"] == 4
    assert summary["errors"] == [f"{path}: {reason}" for path, (_, reason) in zip(bad, BAD, strict=True)]
    assert [line for line in result.stderr.splitlines() if line.startswith("Error")] == [
        f"Error: {error}" for error in summary["errors"]
    ]


def test_ingest_into_an_unusable_database(tmp_path: Path) -> None:
    article = write(tmp_path / "a.txt", "The council said 12 bridges were closed.\n")
    result = run_main("ingest", str(article), "--db", str(tmp_path))
    assert result.exit_code == 2, result.output
    assert result.stderr == f"Error: {tmp_path}: is a directory, not a database file\n"


# --- again, and by force --------------------------------------------------------------------


def snapshot() -> dict[str, Any]:
    return {kind: rows(kind) for kind in ("sources", "statements", "figures", "dates")}


def test_reingest_is_unchanged_and_force_replaces(db: Path, tmp_path: Path) -> None:
    path = write(tmp_path / "rebels.md", REBELS)
    assert ingest(path)["added"] == 1
    before = snapshot()
    assert before["figures"], "the article has a figure to count"

    again = ingest(path)
    assert (again["added"], again["unchanged"], again["replaced"]) == (0, 1, 0)
    assert snapshot() == before

    copy = write(tmp_path / "elsewhere" / "copy.md", REBELS)
    assert ingest(copy)["unchanged"] == 1
    assert snapshot() == before

    forced = ingest(path, "--force")
    assert (forced["added"], forced["replaced"], forced["unchanged"]) == (0, 1, 0)
    after = snapshot()
    assert [s["id"] for s in after["sources"]] == [s["id"] for s in before["sources"]]
    for kind in ("statements", "figures", "dates"):
        strip = [{k: v for k, v in r.items() if k != "id"} for r in after[kind]]
        assert strip == [{k: v for k, v in r.items() if k != "id"} for r in before[kind]], kind
    hits = rows("search", "villages")
    assert len(hits) == 1


def test_ingest_paths_yields_one_outcome_per_input(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", "The council said 12 bridges were closed.\n")
    with Store(tmp_path / "t.db") as store:
        outcomes = list(ingest_paths(store, [str(good), str(tmp_path / "gone.txt"), str(good)], Overrides()))
    assert [(o.status, o.error) for o in outcomes] == [
        ("added", None),
        ("failed", f"{tmp_path / 'gone.txt'}: no such file or directory"),
        ("unchanged", None),
    ]
    assert outcomes[0].source_id == outcomes[2].source_id == 1


# --- offsets: every record slices the stored text back -------------------------------------

ARTICLES = [
    ("floods.txt", FLOODS),
    ("factory.md", FACTORY),
    ("talks.txt", TALKS),
    ("ministry.txt", MINISTRY),
]


def check_offsets(text: str, statements: list[dict], figures: list[dict], dates: list[dict]) -> None:
    for s in statements:
        assert text[s["start"] : s["end"]] == s["sentence"], s
        assert text[s["cue_start"] : s["cue_end"]] == s["cue"], s
        assert text[s["content_start"] : s["content_end"]] == s["content"], s
        if s["speaker_start"] is not None:
            mention = text[s["speaker_start"] : s["speaker_end"]]
            assert mention and mention == mention.strip(), s
            assert s["start"] <= s["speaker_start"] < s["speaker_end"] <= s["end"], s
    for f in figures:
        assert text[f["start"] : f["end"]] == f["text"], f
        assert text[f["sentence_start"] : f["sentence_end"]] == f["sentence"], f
    for d in dates:
        assert text[d["start"] : d["end"]] == d["text"], d


def test_offsets_slice_the_stored_text(db: Path, tmp_path: Path) -> None:
    paths = [write(tmp_path / name, text) for name, text in ARTICLES]
    ingest(*paths, "--date", "2025-04-14")
    counted = 0
    for source in rows("sources"):
        sid = str(source["id"])
        text = stored_text(sid)
        records = [rows(kind, "--source", sid) for kind in ("statements", "figures", "dates")]
        check_offsets(text, *records)
        counted += sum(map(len, records))
    assert counted >= len(ARTICLES)  # each article has at least one plain claim


@pytest.mark.parametrize("name", [name for name, _ in ARTICLES])
def test_extract_offsets_slice_the_text(tmp_path: Path, name: str) -> None:
    content = dict(ARTICLES)[name]
    result = invoke("extract", str(write(tmp_path / name, content)), "--date", "2025-04-14", "--json")
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    text = content.split("---\n", 2)[2] if content.startswith("---\n") else content
    check_offsets(text, found["statements"], found["figures"], found["dates"])
    assert found["source"]["words"] == len(text.split())


def test_warnings_name_the_file_as_written(tmp_path: Path) -> None:
    # a name with what Rich would read as markup or an emoji code comes out unchanged
    article = write(tmp_path / "a:thumbs_up:[b].txt", "The ministry said 3,000 soldiers left.\n")
    result = run_main("ingest", str(article), "--db", str(tmp_path / "s.db"), "--jobs", "1")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        f"Warning: {article}: no publication date found; relative dates stay unresolved (give --date)",
        "1 added, 0 replaced, 0 unchanged, 0 failed: 1 statements, 1 figures",
    ]


def test_a_dateline_without_a_year_is_named_in_the_warning(tmp_path: Path) -> None:
    # the day alone would date the whole article in a guessed year: say why, ask for --date
    article = write(tmp_path / "wire.txt", "SEOUL, Oct 25 (Wire) - The ministry said 3,000 soldiers left.\n")
    result = run_main("ingest", str(article), "--db", str(tmp_path / "s.db"), "--jobs", "1")
    assert result.exit_code == 0, result.output
    assert (
        f"Warning: {article}: its dateline 'SEOUL, Oct 25' gives no year; relative dates stay unresolved "
        "(give --date)\n"
    ) in result.stderr


class Arriving:
    """Prepared inputs that say whether the next one is in, as workers' results do."""

    def __init__(self, prepared: list[Any], ready: bool):
        self.items = iter(prepared)
        self.is_ready = ready
        self.taken = 0

    def __iter__(self) -> Arriving:
        return self

    def __next__(self) -> Any:
        item = next(self.items)
        self.taken += 1
        return item

    def ready(self) -> bool:
        return self.is_ready


@pytest.mark.parametrize("ready", [True, False])
def test_the_writer_stores_what_it_has_when_the_next_input_is_not_in(tmp_path: Path, ready: bool) -> None:
    paths = [
        write(tmp_path / f"{name}.txt", text)
        for name, text in [("m", MINISTRY), ("r", REBELS), ("f", FLOODS)]
    ]
    arriving = Arriving([prepare(Task(str(path))) for path in paths], ready)
    with Store(tmp_path / "s.db") as store:
        outcomes = store_batches(store, arriving)
        first = next(outcomes)
        stored = sqlite3.connect(tmp_path / "s.db").execute("SELECT count(*) FROM sources").fetchone()[0]
        # Inputs in: a batch is gathered. None in: what there is is stored (committed) at once.
        assert (arriving.taken, stored) == ((3, 3) if ready else (1, 1))
        assert [first.status, *(o.status for o in outcomes)] == ["added"] * 3


def test_an_interrupted_ingest_says_what_it_stored_and_exits_130(tmp_path: Path, monkeypatch) -> None:
    for number, text in enumerate([MINISTRY, REBELS, FLOODS, FACTORY]):
        write(tmp_path / "in" / f"{number}.txt", text)
    real = ingest_module.prepare

    def prepare_until_ctrl_c(task: Task, *args: Any, **kwargs: Any) -> Any:
        if task.path.endswith("2.txt"):
            raise KeyboardInterrupt
        return real(task, *args, **kwargs)

    monkeypatch.setattr(ingest_module, "prepare", prepare_until_ctrl_c)
    monkeypatch.setattr(ingest_module, "BATCH_SOURCES", 1)  # each source committed as it comes
    db = tmp_path / "s.db"
    run = run_main("ingest", str(tmp_path / "in"), "--db", str(db), "--jobs", "1")
    assert run.exit_code == 130
    assert "2 added" in run.stderr and "Interrupted" in run.stderr and "Traceback" not in run.stderr
    stored = sqlite3.connect(db).execute("SELECT path FROM sources ORDER BY id").fetchall()
    assert [Path(path).name for (path,) in stored] == ["0.txt", "1.txt"]
