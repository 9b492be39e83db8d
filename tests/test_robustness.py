"""Messy input and bad arguments: one clear line each, every good file in, nothing changed.

A folder mixes good articles with every kind of file a real one holds by accident; each
problem is one ``Error: PATH: reason`` line, the good files all go in, and the exit
status says something failed. Bad arguments are refused before the store is touched.
"""

from __future__ import annotations

import codecs
import json
import re
import sqlite3
from pathlib import Path

import pytest
from conftest import MINISTRY, REBELS, invoke, rows, run_main, write
from test_crash import dump

from claimtrack import reader
from claimtrack.migrations import SCHEMA_VERSION
from claimtrack.store import Store

CLAIM = "The ministry said 3,000 soldiers were deployed on Monday."
FILLER = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor. "

GOOD = {
    "good.txt": CLAIM.encode() + b"\n",
    "windows-1252.txt": "“We will rebuild,” the mayor said. Café owners said 12 shops had closed.\n".encode(
        "cp1252"
    ),
    "utf-16.txt": codecs.BOM_UTF16_LE
    + "Officials said 300 homes were lost near Zürich.\r\n".encode("utf-16-le"),
    # One line of a megabyte: no newline anywhere, claims buried in filler.
    "one-line.txt": ((FILLER * 40 + CLAIM + " ") * 300)[:1_000_000].encode(),
    "quotes.txt": (
        "He said \"she said 'they said “it was ‘about 40’ people”'\" on Friday. "
        + '"' * 500
        + "Unclosed: “the governor said 20 schools shut. ‘And then. »Rien« « non ».\n"
        + '„Gegen“ 5 ‚Leute‘ said the police. """ \'\' ”backwards“ the mayor said 7 times.\n'
    ).encode(),
    "rtl-and-emoji.md": (
        "الوزير قال إن 500 جندي انتشروا. ‏The mayor said 😀 12 👨‍👩‍👧 families fled 🏳️‍🌈.\n"
        "שלום \u202ereversed\u202c text; e\u0301 combining; the chief said 9 roads closed.\n"
    ).encode(),
}
BAD = {
    # name: (bytes, reason after "Error: <path>: ")
    "binary.txt": (bytes(range(256)) * 8, "binary file, not text"),
    "nul-bytes.txt": (b"The mayor said\x00 5 roads were closed.\n", "binary file, not text"),
    "invalid-utf-8.txt": (
        b"The mayor said \xc3\x28 and \x81 5 roads.\n",
        "not UTF-8, UTF-16 or Windows-1252 text (byte 0x81 at offset 22)",
    ),
    "empty.txt": (b"", "empty file"),
    "blank.txt": (b" \n\t\r\n", "empty file"),
}


def make_mess(root: Path) -> tuple[list[str], list[str]]:
    """A messy folder; the arguments to ingest it, and the Error lines expected."""
    folder = root / "mess"
    for name, data in GOOD.items():
        write(folder / name, data)
    for name, (data, _) in BAD.items():
        write(folder / name, data)
    with open(folder / "huge.txt", "wb") as big:  # over the limit (lowered by the test), refused unread
        chunk = (FILLER * 1000).encode()
        for _ in range(3_000_000 // len(chunk) + 1):
            big.write(chunk)
    write(folder / "locked.txt", CLAIM.encode())  # unreadable: see the test
    (root / "images").mkdir()
    write(root / "images" / "map.png", b"\x89PNG\r\n\x1a\n")
    size = (folder / "huge.txt").stat().st_size
    expected = {
        **{str(folder / name): reason for name, (_, reason) in BAD.items()},
        str(folder / "huge.txt"): f"too large ({size / 1e6:.1f} MB; an article may be at most "
        f"{reader.MAX_BYTES // 1_000_000} MB)",
        str(folder / "locked.txt"): "permission denied",
    }
    errors = [f"Error: {path}: {expected[path]}" for path in sorted(expected)]
    errors += [
        f"Error: {root / 'nowhere'}: no such file or directory",
        f"Error: {root / 'images'}: no text files (.txt, .md, .text) in directory",
    ]
    return [str(folder), str(root / "nowhere"), str(root / "images")], errors


def test_a_messy_folder(db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader, "MAX_BYTES", 2_000_000)
    args, errors = make_mess(tmp_path)
    # Tests run as root, who reads any file: refuse this one as the system would.
    read_bytes = Path.read_bytes

    def refuse(self: Path) -> bytes:
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    result = invoke("ingest", *args, "--jobs", "1", "--date", "2025-01-06", "--json")
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert sorted(line for line in result.stderr.splitlines() if line.startswith("Error")) == sorted(errors)
    summary = json.loads(result.stdout)
    assert (summary["added"], summary["failed"]) == (len(GOOD), len(errors))
    stored = {Path(s["path"]).name for s in rows("sources")}
    assert stored == set(GOOD)
    for name in ("windows-1252.txt", "utf-16.txt", "one-line.txt", "quotes.txt", "rtl-and-emoji.md"):
        assert rows("statements", "--source", name), name  # each good file's claims are found
    verified = run_main("verify")
    assert verified.exit_code == 0, verified.output


def test_a_file_that_grows_past_the_limit_while_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader, "MAX_BYTES", 10)
    result = run_main("extract", "-", "--json", input=b"The mayor said 5 roads were closed.\n")
    assert result.exit_code == 1
    assert result.stderr == "Error: -: too large (0.0 MB; an article may be at most 0 MB)\n"


# --- bad arguments: usage errors, the store as it was ------------------------------------------


@pytest.fixture(scope="module")
def store_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("args")
    db = root / "store.db"
    articles = [str(write(root / "m.txt", MINISTRY)), str(write(root / "r.md", REBELS))]
    result = invoke("ingest", *articles, "--db", str(db))
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture
def populated(store_db: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A store the tests must leave as it is (each checks that it does)."""
    monkeypatch.setenv("CLAIMTRACK_DB", str(store_db))
    return store_db


BAD_ARGUMENTS = [
    # (arguments, the line on stderr, or a part of it)
    (["statements", "--since", "2024-02-30"], "Invalid value for '--since': '2024-02-30' is not a date"),
    (["figures", "--until", "24-1-5"], "Invalid value for '--until': '24-1-5' is not a date"),
    (["sources", "--since", ""], "Invalid value for '--since': '' is not a date"),
    (["dates", "--since", "2024-01-01T00:00:00+99:00"], "Invalid value for '--since'"),
    (["ingest", "x.txt", "--date", "next Tuesday"], "Invalid value for '--date': 'next Tuesday' is not a"),
    (["timeline", "--since", "2024-13-01"], "Invalid value for '--since': '2024-13-01' is not a date"),
    (["search", "x", "--limit", "-1"], "Invalid value for '--limit'"),
    (["remove"], "Missing argument 'SOURCE...'"),
    (["remove", "'; DROP TABLE sources; --"], "Error: no source matches"),
    (["reextract", "--source", "%"], "Error: no source matches '%'"),
]  # fmt: skip


@pytest.mark.parametrize(("args", "message"), BAD_ARGUMENTS, ids=[" ".join(row[0]) for row in BAD_ARGUMENTS])
def test_bad_arguments(populated: Path, args: list[str], message: str) -> None:
    before = dump(populated)
    result = run_main(*args)
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.output
    assert dump(populated) == before


METACHARACTERS = ["' OR 1=1 --", "%_%", "\\%", '"; DELETE FROM statements; --', "[a-z]*", "NULL", "ministry'"]


@pytest.mark.parametrize("value", METACHARACTERS)
@pytest.mark.parametrize("option", ["--speaker", "--topic", "--source"])
def test_sql_metacharacters_are_plain_text(populated: Path, option: str, value: str) -> None:
    before = dump(populated)
    result = run_main("statements", option, value, "--json")
    if option == "--source":
        assert result.exit_code == 2, result.output
        assert result.stderr == f"Error: no source matches {value!r}; list them with: claimtrack sources\n"
    else:
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout) == []
    assert dump(populated) == before


@pytest.mark.parametrize("args", [["statements", "--speaker"], ["search"], ["sources", "--source"]])
def test_an_argument_that_is_not_utf8(populated: Path, args: list[str]) -> None:
    # $'\\xff' in a shell: Python hands it over as the lone surrogate U+DCFF, which SQLite
    # cannot bind ("surrogates not allowed"). Wanted: a usage error, or no match.
    result = run_main(*args, "\udcff")
    assert result.exit_code in (0, 2), result.output


# Queries that are not valid full-text syntax: searched as the words written, not refused.
UNPARSED_QUERIES = [
    '"death toll',
    "AND",
    "troops AND",
    "NOT",
    "(soldiers OR",
    "soldiers)",
    "NEAR(a b",
    "*",
    "a:b",
    "O'Brien",
]


@pytest.mark.parametrize("query", UNPARSED_QUERIES)
def test_search_takes_invalid_syntax_as_words(populated: Path, query: str) -> None:
    before = dump(populated)
    result = run_main("search", query, "--json")
    assert result.exit_code == 0, result.output
    assert isinstance(json.loads(result.stdout), list)
    assert dump(populated) == before


def test_search_finds_a_name_with_an_apostrophe(db: Path, tmp_path: Path) -> None:
    ingest_text = write(tmp_path / "a.txt", b"Officials said O'Brien left on Monday.\n")
    assert run_main("ingest", str(ingest_text), "--jobs", "1").exit_code == 0
    result = run_main("search", "O'Brien", "--json")
    assert result.exit_code == 0, result.output
    assert [r["sentence"] for r in json.loads(result.stdout)] == ["Officials said O'Brien left on Monday."]


def test_a_file_name_that_is_not_utf8(db: Path, tmp_path: Path) -> None:
    # A Latin-1 name in an old folder used to stop the whole run with an internal error.
    folder = tmp_path / "old"
    write(folder / "caf\udce9.txt", CLAIM.encode())
    write(folder / "later.txt", b"The council said 12 bridges were closed.\n")
    result = run_main("ingest", str(folder), "--jobs", "1")
    assert result.exit_code == 0, result.output
    assert sorted(Path(s["path"]).name for s in rows("sources")) == ["caf\\xe9.txt", "later.txt"]


def unusable(tmp_path: Path, kind: str) -> Path:
    path = tmp_path / f"{kind}.db"
    if kind == "directory":
        path.mkdir()
    elif kind == "text":
        path.write_text("Shopping list: bread, milk, eggs, coffee and a newspaper.\n" * 20)
    elif kind == "other-app":
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE recipes (name TEXT)")
        conn.commit()
        conn.close()
    else:  # written by a newer claimtrack
        with Store(path):
            pass
        conn = sqlite3.connect(path)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        conn.close()
    return path


UNUSABLE = [
    ("directory", "is a directory, not a database file"),
    ("text", "not a claimtrack database (file is not a database)"),
    ("other-app", "a SQLite database, but not a claimtrack one"),
    (
        "newer",
        f"written by a newer claimtrack (schema {SCHEMA_VERSION + 1}, this one knows {SCHEMA_VERSION}); ",
    ),
]


@pytest.mark.parametrize(("kind", "reason"), UNUSABLE, ids=[row[0] for row in UNUSABLE])
@pytest.mark.parametrize(
    "command",
    [["ingest", "{article}"], ["sources"], ["search", "x"], ["verify"], ["remove", "1"], ["reextract"]],
)
def test_unusable_database(tmp_path: Path, kind: str, reason: str, command: list[str]) -> None:
    # Exit 2: the user named a file that is not a claimtrack store, a usage error.
    path = unusable(tmp_path, kind)
    article = write(tmp_path / "a.txt", MINISTRY)
    files = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    args = [arg.format(article=article) for arg in command]
    result = run_main(*args, "--db", str(path))
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"Error: {path}: {reason}"), result.stderr
    assert result.stderr.count("\n") == 1 and result.stdout == ""
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()} == files


def test_errors_name_the_file_on_one_line(db: Path, tmp_path: Path) -> None:
    # A file name holding a newline cannot break the one-line rule.
    odd = write(tmp_path / "two\nlines.txt", b"")
    result = run_main("ingest", str(odd))
    assert result.exit_code == 1
    [line] = [line for line in result.stderr.splitlines() if line.startswith("Error")]
    assert re.fullmatch(r"Error: '.*two\\nlines\.txt': empty file", line), line
