"""The command line: JSON contracts, formats, filters, search, show, errors and exit codes."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from conftest import FLOODS, MINISTRY, REBELS, figure_record, invoke, rows, run_main, write

from claimtrack import __version__
from claimtrack.cli import app
from claimtrack.models import period
from claimtrack.store import Store

# The JSON contract of each command: exactly these keys in every row.
SOURCE_KEYS = {
    "id", "path", "title", "outlet", "published", "published_from", "url", "sha256", "words",
    "ingested_at",
}  # fmt: skip
STATEMENT_KEYS = {
    "id", "source_id", "path", "speaker", "speaker_start", "speaker_end", "cue", "cue_start",
    "cue_end", "verb", "stance", "content", "content_start", "content_end", "sentence", "start",
    "end", "cited", "date", "topics", "outlet", "published",
}  # fmt: skip
FIGURE_KEYS = {
    "id", "source_id", "path", "text", "start", "end", "value", "low", "high", "qualifier",
    "change", "unit", "subject", "claimant", "modality", "date", "date_text", "sentence",
    "sentence_start", "sentence_end", "topics", "outlet", "published",
}  # fmt: skip
DATE_KEYS = {
    "id",
    "source_id",
    "path",
    "text",
    "start",
    "end",
    "value",
    "precision",
    "relation",
    "outlet",
    "published",
}
CONFLICT_KEYS = {"id", "kind", "topic", "quantity", "unit", "spread", "claimants", "figures", "statements"}
TIMELINE_KEYS = {
    "date", "precision", "relation", "kind", "source_id", "path", "outlet", "published",
    "speaker", "text", "value", "low", "high", "unit", "quantity",
}  # fmt: skip

COMMANDS = ["ingest", "extract", "sources", "statements", "figures", "dates", "search", "show"]
COMMANDS += ["conflicts", "timeline", "report"]
COMMANDS += ["verify", "remove", "reextract"]


@pytest.fixture(scope="module")
def store_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three articles, two of which disagree; read-only for the tests that use it."""
    root = tmp_path_factory.mktemp("news")
    paths = [
        write(root / "ministry.txt", MINISTRY),
        write(root / "rebels.md", REBELS),
        write(root / "floods.txt", FLOODS),
    ]
    db = root / "store.db"
    result = invoke("ingest", *map(str, paths), "--db", str(db))
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture
def populated(store_db: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CLAIMTRACK_DB", str(store_db))
    return store_db


def figure_of(value: float) -> dict[str, Any]:
    (found,) = [f for f in rows("figures") if f["value"] == value]
    return found


# --- JSON contracts --------------------------------------------------------------------------

CONTRACTS = [
    # (command, keys of every row)
    ("sources", SOURCE_KEYS),
    ("statements", STATEMENT_KEYS),
    ("figures", FIGURE_KEYS),
    ("dates", DATE_KEYS),
    ("conflicts", CONFLICT_KEYS),
    ("timeline", TIMELINE_KEYS),
]


@pytest.mark.parametrize(("command", "keys"), CONTRACTS, ids=[row[0] for row in CONTRACTS])
def test_json_fields(populated: Path, command: str, keys: set[str]) -> None:
    found = rows(command)
    assert isinstance(found, list) and found
    for row in found:
        assert set(row) == keys


def test_conflict_between_two_named_claimants(populated: Path) -> None:
    low, high = figure_of(3000), figure_of(9000)
    assert low["unit"] and low["unit"] == high["unit"]
    assert low["claimant"] and high["claimant"] and low["claimant"] != high["claimant"]
    figure_conflicts = [c for c in rows("conflicts") if c["kind"] == "figures"]
    (conflict,) = [c for c in figure_conflicts if {f["id"] for f in c["figures"]} >= {low["id"], high["id"]}]
    assert conflict["spread"] == pytest.approx(3.0)
    assert len(conflict["claimants"]) >= 2
    for f in conflict["figures"]:
        assert set(f) >= FIGURE_KEYS


def test_extract_json(tmp_path: Path) -> None:
    path = write(tmp_path / "ministry.txt", MINISTRY)
    result = invoke("extract", str(path), "--json")
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    assert set(found) == {"source", "statements", "figures", "dates"}
    assert set(found["source"]) == SOURCE_KEYS - {"id", "ingested_at"}
    assert found["source"]["published_from"] == "front matter"
    assert all(set(r) == STATEMENT_KEYS - {"id", "source_id"} for r in found["statements"])
    assert all(set(r) == FIGURE_KEYS - {"id", "source_id"} for r in found["figures"])
    assert all(set(r) == DATE_KEYS - {"id", "source_id"} for r in found["dates"])
    assert [f["value"] for f in found["figures"]] == [3000]
    assert not (tmp_path / "claimtrack.db").exists()


def test_extract_standard_input() -> None:
    text = "The coast guard said 85 passengers were rescued on Sunday.\n"
    result = invoke("extract", "-", "--date", "2024-07-08", "--json", input=text)
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    assert found["source"]["path"] == "-"
    assert found["source"]["published_from"] == "option"
    assert [f["value"] for f in found["figures"]] == [85]


@pytest.mark.parametrize("command", ["sources", "statements", "figures", "dates", "conflicts", "timeline"])
def test_jsonl_and_csv_carry_the_json_rows(populated: Path, command: str) -> None:
    expected = rows(command)
    result = invoke(command, "--format", "jsonl")
    assert result.exit_code == 0, result.output
    assert [json.loads(line) for line in result.stdout.splitlines()] == expected
    result = invoke(command, "-f", "csv")
    assert result.exit_code == 0, result.output
    reader = csv.DictReader(io.StringIO(result.stdout))
    parsed = list(reader)
    assert reader.fieldnames == list(expected[0])
    assert len(parsed) == len(expected)
    assert [r.get("id") or r.get("date") for r in parsed] == [
        str(e.get("id") or e.get("date") or "") for e in expected
    ]


def test_csv_numbers_parse(populated: Path) -> None:
    result = invoke("figures", "--format", "csv")
    assert result.exit_code == 0, result.output
    values = {float(r["value"]) for r in csv.DictReader(io.StringIO(result.stdout)) if r["value"]}
    assert {3000, 9000} <= values


def test_empty_results(db: Path) -> None:
    with Store(db):
        pass
    for command in ("sources", "statements", "figures", "dates", "conflicts", "timeline"):
        assert rows(command) == []
        result = invoke(command, "--format", "csv")
        assert result.exit_code == 0, result.output
        result = invoke(command)
        assert result.exit_code == 0, result.output
        assert result.stdout == ""


def test_timeline_rows_carry_their_source(populated: Path) -> None:
    high = figure_of(9000)
    (row,) = [r for r in rows("timeline") if r["kind"] == "figure" and r["value"] == 9000]
    assert (row["source_id"], row["outlet"], row["published"]) == (
        high["source_id"],
        "Valley Herald",
        "2025-03-05",
    )


# --- filters ----------------------------------------------------------------------------------


def source_id(part: str) -> int:
    (found,) = [s["id"] for s in rows("sources") if part in s["path"]]
    return found


def test_source_filter(populated: Path) -> None:
    rebels = source_id("rebels")
    path = next(s["path"] for s in rows("sources") if s["id"] == rebels)
    for ref in (str(rebels), path, "rebels.md", "dispute troop"):  # id, path, part of path, of title
        for command in ("statements", "figures", "dates"):
            found = rows(command, "--source", ref)
            assert {r["source_id"] for r in found} <= {rebels}, (ref, command)
        assert [f["value"] for f in rows("figures", "--source", ref)] == [9000]


def test_sources_source_filter(populated: Path) -> None:
    assert [s["id"] for s in rows("sources", "--source", "rebels")] == [source_id("rebels")]


def test_speaker_claimant_stance_unit_topic_filters(populated: Path) -> None:
    high = figure_of(9000)
    claimant = high["claimant"].split()[-1]
    found = rows("figures", "--claimant", claimant.upper())
    assert high["id"] in [f["id"] for f in found]
    assert all(claimant.lower() in f["claimant"].lower() for f in found)

    by_speaker = rows("statements", "--speaker", claimant)
    assert by_speaker and all(claimant.lower() in s["speaker"].lower() for s in by_speaker)

    denials = rows("statements", "--stance", "deny")
    assert denials and {s["stance"] for s in denials} == {"deny"}
    assert any("villages" in s["content"] for s in denials)

    by_unit = rows("figures", "--unit", high["unit"])
    assert {f["unit"] for f in by_unit} == {high["unit"]}
    assert {3000, 9000} <= {f["value"] for f in by_unit}

    if high["topics"]:
        topic = high["topics"][0]
        for command in ("statements", "figures"):
            assert all(topic in r["topics"] for r in rows(command, "--topic", topic))
        assert high["id"] in [f["id"] for f in rows("figures", "--topic", topic)]
    # Any other word matches the sentence by its stem.
    for s in rows("statements", "--topic", "village"):
        assert "village" in s["sentence"].lower()


def test_date_filters_and_limit(populated: Path) -> None:
    published = {s["path"].rsplit("/", 1)[-1]: s["published"] for s in rows("sources")}
    assert published["ministry.txt"] == "2025-03-03" and published["rebels.md"] == "2025-03-05"
    since = rows("sources", "--since", "2025-03-04")
    assert since and all(s["published"] >= "2025-03-04" for s in since)
    until = rows("sources", "--until", "2025-03-04")
    assert until and all(s["published"] <= "2025-03-04" for s in until)
    assert {s["id"] for s in since} | {s["id"] for s in until} == {s["id"] for s in rows("sources")}
    for command in ("statements", "figures"):
        for r in rows(command, "--since", "2025-03-04", "--until", "2025-03-31"):
            first_day = (period(r["date"]) or ("",))[0]  # a record's date may be a week or month
            assert "2025-03-04" <= first_day <= "2025-03-31", r
    assert rows("figures", "--until", "2025-03-04", "--since", "2025-03-01")[0]["value"] == 3000
    for command in ("sources", "statements", "figures", "dates", "timeline"):
        assert len(rows(command, "--limit", "1")) == 1


HOSTILE = ["'; DROP TABLE sources; --", "%", "_", '"', "\\"]

FILTERS = [
    # (command, option, which unfiltered rows the value must select)
    ("statements", "--speaker", lambda r, v: v.lower() in (r["speaker"] or "").lower()),
    ("figures", "--claimant", lambda r, v: v.lower() in (r["claimant"] or "").lower()),
    ("figures", "--unit", lambda r, v: r["unit"] == v),
    ("statements", "--topic", lambda r, v: v in r["sentence"]),  # not a topic: a word to find
    ("timeline", "--speaker", lambda r, v: r["kind"] == "statement" and v in (r["speaker"] or "")),
]


@pytest.mark.parametrize("value", HOSTILE)
def test_filter_values_are_data_not_sql(populated: Path, value: str) -> None:
    before = {kind: rows(kind) for kind in ("sources", "statements", "figures")}
    for command, option, selects in FILTERS:
        expected = [r for r in rows(command) if selects(r, value)]
        assert rows(command, option, value) == expected, (command, option)
        if value in ("%", "_", "'; DROP TABLE sources; --"):
            assert expected == []
    result = run_main("statements", "--source", value)
    assert result.exit_code == 2, result.output
    assert result.stderr == f"Error: no source matches {value!r}; list them with: claimtrack sources\n"
    assert {kind: rows(kind) for kind in before} == before


# --- search and show -----------------------------------------------------------------------


def test_search(populated: Path) -> None:
    found = rows("search", "villages")
    assert [h["sentence"] for h in found] == ["The governor denied that any villages had been evacuated."]
    assert found[0]["source_id"] == source_id("rebels")
    # Stems: "deploy" finds "deployed" in both reports.
    assert {h["source_id"] for h in rows("search", "deploy")} == {source_id("rebels"), source_id("ministry")}
    assert rows("search", '"northern border" NOT rebel')[0]["source_id"] == source_id("ministry")
    assert rows("search", "zeppelin") == []


def test_search_syntax_error_searches_the_words(populated: Path) -> None:
    # an unclosed quote is not refused: the words are searched as written
    result = run_main("search", '"northern border', "--json")
    assert result.exit_code == 0, result.output
    assert all("northern border" in r["sentence"] for r in json.loads(result.stdout))


def test_show(populated: Path) -> None:
    rebels = source_id("rebels")
    result = invoke("show", str(rebels))
    assert result.exit_code == 0, result.output
    assert "Rebels dispute troop numbers" in result.stdout
    # off a terminal the marks are brackets: [speaker] <cue> {figure}
    assert "[The governor] <denied> that any villages had been evacuated." in result.stdout
    assert "{9,000 soldiers}" in result.stdout
    shown = rows("show", "rebels")
    assert set(shown) == {"source", "statements", "figures"}
    assert set(shown["source"]) == SOURCE_KEYS | {"text"}
    assert shown["source"]["text"] == REBELS.split("---\n", 2)[2]


# Brackets and colons that Rich would read as markup or as an emoji code.
AS_WRITTEN = "[sic]", "[/]", ":fire:"


@pytest.mark.parametrize("command", [["statements"], ["timeline"], ["search", "border"], ["sources"]])
def test_tables_show_text_as_written(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    article = write(
        tmp_path / "marks.md",
        "---\ntitle: Border [sic] :fire: [/] report\ndate: 2025-03-03\n---\n"
        "The ministry said 3,000 troops [sic] were at the border :fire: [/] on Monday.\n",
    )
    invoke("ingest", str(article))
    result = run_main(*command)
    assert result.exit_code == 0, result.output
    assert all(mark in result.stdout for mark in AS_WRITTEN), result.stdout


def test_conflict_tables_show_text_as_written(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from claimtrack.analysis.conflicts import conflicts
    from claimtrack.render import render_conflicts

    monkeypatch.setenv("COLUMNS", "200")
    said = "The ministry [sic] said 3,000 troops :fire: [/] were there."
    rebels = "Rebels said 9,000 soldiers were there."
    records = [
        figure_record(said, "3,000 troops", 3000, "troop", "ministry [/]", subject="troops"),
        figure_record(rebels, "9,000 soldiers", 9000, "soldier", "rebels", source_id=2, subject="soldiers"),
    ]
    render_conflicts(conflicts(records, []))
    shown = capsys.readouterr().out
    assert "ministry [/]" in shown and all(mark in shown for mark in AS_WRITTEN), shown


def test_the_progress_bar_shows_file_names_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rich.console import Console

    from claimtrack.cli import _progress

    name = "a[b]:fire:.txt"
    path = write(tmp_path / name, "Some words.")
    shown = io.StringIO()
    monkeypatch.setattr(_progress, "MIN_FILES", 1)
    with _progress(Console(file=shown, force_terminal=True, width=100), [str(path)]) as bar:
        bar.advance(str(path))
        bar.bar.refresh()
    assert name in shown.getvalue()


ERRORS = [
    # (arguments, exit status, the one line on stderr)
    (["show", "999"], 2, "Error: no source with id 999; list them with: claimtrack sources"),
    (["show", "rebels", "--format", "csv"], 2, "Error: show prints one article; use --format json"),
    (
        ["statements", "--stance", "bogus"],
        2,
        "Error: unknown stance 'bogus'; choose one of assert, estimate, deny, confirm",
    ),
]


@pytest.mark.parametrize(("args", "code", "line"), ERRORS, ids=[" ".join(row[0]) for row in ERRORS])
def test_errors(populated: Path, args: list[str], code: int, line: str) -> None:
    result = run_main(*args)
    assert result.exit_code == code, result.output
    assert result.stderr == line + "\n"
    assert result.stdout == ""


def test_extract_refuses_csv(tmp_path: Path) -> None:
    result = run_main("extract", str(write(tmp_path / "m.txt", MINISTRY)), "--format", "csv")
    assert result.exit_code == 2, result.output
    assert result.stderr == "Error: extract prints several kinds of record; use --format json or jsonl\n"


@pytest.mark.parametrize("command", ["sources", "statements", "figures", "dates", "search", "conflicts"])
def test_query_on_a_missing_database_creates_nothing(db: Path, command: str) -> None:
    args = [command, "word"] if command == "search" else [command]
    result = run_main(*args)
    assert result.exit_code == 2, result.output
    assert result.stderr == (
        f"Error: {db}: no such database; add articles first with: claimtrack ingest FILE...\n"
    )
    assert list(db.parent.iterdir()) == []


def test_unexpected_errors_are_one_line(populated: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(Store, "sources", broken)
    result = run_main("sources")
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: internal error (RuntimeError: disk on fire); rerun with CLAIMTRACK_DEBUG=1 for details\n"
    )


BAD_DATE = "Error: Invalid value for '--date':"
USAGE = [
    # (arguments, text of the error)
    (["ingest", "--bogus", "a.txt"], "No such option: --bogus"),
    (["ingest", "a.txt", "--date", "2024-13-45"], f"{BAD_DATE} '2024-13-45' is not a date; use YYYY-MM-DD"),
    (["sources", "--format", "xml"], "Invalid value for '--format'"),
    (["figures", "--limit", "0"], "Invalid value for '--limit'"),
    (["statements", "--since", "yesterday"], "Invalid value for '--since': 'yesterday' is not a date"),
    (["ingest"], "Missing argument"),
]  # fmt: skip


@pytest.mark.parametrize(("args", "message"), USAGE, ids=[" ".join(row[0]) for row in USAGE])
def test_usage_errors(db: Path, args: list[str], message: str) -> None:
    result = run_main(*args)
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert not db.exists()


# --- exit codes, version, help ----------------------------------------------------------------


def test_conflicts_exit_code(populated: Path) -> None:
    result = invoke("conflicts", "--exit-code", "--json")
    assert result.exit_code == 1, result.output
    assert json.loads(result.stdout)
    assert invoke("conflicts", "--json").exit_code == 0


def test_no_conflicts_exit_code(db: Path, tmp_path: Path) -> None:
    with Store(db):
        pass
    result = invoke("conflicts", "--exit-code", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == []
    # One claimant alone cannot disagree with anyone.
    result = invoke("ingest", str(write(tmp_path / "ministry.txt", MINISTRY)))
    assert result.exit_code == 0, result.output
    result = invoke("conflicts", "--exit-code")
    assert result.exit_code == 0, result.output


def test_version() -> None:
    result = invoke("--version")
    assert result.exit_code == 0, result.output
    assert result.stdout == f"claimtrack {__version__}\n"


def test_python_dash_m() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "claimtrack", "--version"], capture_output=True, text=True, timeout=60
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, f"claimtrack {__version__}\n", "")


def test_an_ingest_into_a_pipe_loads_no_rich(tmp_path: Path) -> None:
    article = write(tmp_path / "a.md", MINISTRY)
    code = (
        "import atexit, sys; from claimtrack.cli import main; sys.argv = sys.argv[1:]\n"
        "atexit.register(lambda: print('rich' in sys.modules))\nmain()"
    )
    args = ["claimtrack", "ingest", str(article), "--db", str(tmp_path / "s.db"), "--jobs", "1"]
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=60)
    assert "1 added" in done.stderr
    assert done.stdout.strip() == "False"


def test_command_annotations_are_objects_not_strings() -> None:
    """Typer reads every command's annotations at each start; strings (as written under
    ``from __future__ import annotations``) it compiles and evaluates every time."""
    callbacks = [c.callback for c in app.registered_commands]
    callbacks += [c.callback for g in app.registered_groups for c in g.typer_instance.registered_commands]
    assert len(callbacks) > len(COMMANDS)
    for callback in callbacks:
        for name, annotation in callback.__annotations__.items():
            assert not isinstance(annotation, str), (callback.__name__, name)


def test_main_flushes_runs_atexit_and_skips_the_teardown(tmp_path: Path) -> None:
    code = (
        "import atexit, sys\n"
        "from claimtrack.cli import main\n"
        "class Torn:\n"
        "    def __del__(self): print('torn down', file=sys.stderr)\n"
        "kept = Torn()\n"
        "atexit.register(print, 'atexit ran', file=sys.stderr)\n"
        "sys.argv = sys.argv[1:]\n"
        "main()\n"
    )
    run = partial(subprocess.run, capture_output=True, text=True, timeout=60)
    done = run([sys.executable, "-c", code, "claimtrack", "--version"])
    assert (done.returncode, done.stdout, done.stderr) == (0, f"claimtrack {__version__}\n", "atexit ran\n")
    done = run([sys.executable, "-c", code, "claimtrack", "sources", "--db", str(tmp_path / "none.db")])
    assert done.returncode == 2
    assert done.stderr.startswith("Error: ") and done.stderr.endswith("atexit ran\n")


def test_main_waits_for_a_running_thread_as_python_does() -> None:
    code = (
        "import sys, threading, time\n"
        "from claimtrack.cli import main\n"
        "threading.Thread(target=lambda: (time.sleep(0.2), print('thread done'))).start()\n"
        "sys.argv = ['claimtrack', '--version']\n"
        "main()\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stdout) == (0, f"claimtrack {__version__}\nthread done\n")


def test_python_dash_m_error_has_no_traceback(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "claimtrack", "sources", "--db", str(tmp_path / "none.db")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stdout + done.stderr
    assert done.stderr.startswith("Error: ")


def test_every_command_is_listed() -> None:
    assert sorted(c.name or c.callback.__name__ for c in app.registered_commands) == sorted(COMMANDS)
    result = invoke("--help")
    assert result.exit_code == 0, result.output
    for command in COMMANDS:
        assert command in result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_help_gives_an_example(command: str) -> None:
    result = invoke(command, "--help")
    assert result.exit_code == 0, result.output
    assert f"Example: claimtrack {command}" in result.stdout
