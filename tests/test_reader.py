"""The file reader: bytes to text, front matter, and the paths a user names."""

from __future__ import annotations

import codecs
import doctest
import os
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from claimtrack import reader
from claimtrack.errors import ClaimtrackError, ReadError
from claimtrack.reader import Document, decode, expand_paths, read_document, split_front_matter

ARTICLE = "Seoul said on Monday that “about 10,000” troops had moved.\r\nCafé owners shrugged.\n"

# --- decode ---------------------------------------------------------------------------

DECODED = [
    # (id, bytes, text, encoding)
    ("utf-8", ARTICLE.encode("utf-8"), ARTICLE, "utf-8"),
    ("ascii", b"Plain text.\n", "Plain text.\n", "utf-8"),
    ("utf-8 bom dropped", codecs.BOM_UTF8 + ARTICLE.encode("utf-8"), ARTICLE, "utf-8-sig"),
    ("utf-16 le bom", codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"), ARTICLE, "utf-16"),
    ("utf-16 be bom", codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"), ARTICLE, "utf-16"),
    ("utf-16 astral", codecs.BOM_UTF16_LE + "Flag 🇰🇷.".encode("utf-16-le"), "Flag 🇰🇷.", "utf-16"),
    ("cp1252 curly quotes", b"He said \x93no\x94.", "He said “no”.", "cp1252"),
    ("cp1252 e acute", b"Caf\xe9 \x96 na\xefve\r\n", "Café – naïve\r\n", "cp1252"),
    ("cp1252 euro", b"\x80 5 million", "€ 5 million", "cp1252"),
    # A known limit: legacy text free of cp1252's undefined bytes decodes, as mojibake.
    ("shift-jis without undefined bytes", "東京で会談".encode("shift-jis"), "“Œ‹ž‚Å‰ï’k", "cp1252"),
    # Newlines and surrounding white space are kept: offsets index this text.
    ("crlf and blanks kept", b"\n\n  Body\r\n\r\n", "\n\n  Body\r\n\r\n", "utf-8"),
    ("lone cr kept", b"a\rb", "a\rb", "utf-8"),
    ("form feed and tab are text", b"Page 1\x0c\tPage 2", "Page 1\x0c\tPage 2", "utf-8"),
    ("few controls are text", b"x" * 95 + b"\x1b" * 5, "x" * 95 + "\x1b" * 5, "utf-8"),
]


@pytest.mark.parametrize(
    ("data", "text", "encoding"), [row[1:] for row in DECODED], ids=[row[0] for row in DECODED]
)
def test_decode(data: bytes, text: str, encoding: str) -> None:
    assert decode(data, "a.txt") == (text, encoding)


PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10"

REFUSED = [
    # (id, bytes, message)
    ("empty", b"", "a.txt: empty file"),
    ("white space only", b" \r\n\t\n", "a.txt: empty file"),
    ("bom only", codecs.BOM_UTF8, "a.txt: empty file"),
    ("utf-16 white space only", codecs.BOM_UTF16_LE + " \n".encode("utf-16-le"), "a.txt: empty file"),
    ("png", PNG_HEADER, "a.txt: binary file, not text"),
    ("nul in utf-8", b"Some text\x00more text", "a.txt: binary file, not text"),
    ("nul in utf-16", codecs.BOM_UTF16_LE + "a\x00b".encode("utf-16-le"), "a.txt: binary file, not text"),
    ("mostly controls", b"ab\x01\x02\x03\x04\x05\x06", "a.txt: binary file, not text"),
    (
        "controls in utf-16",
        codecs.BOM_UTF16_BE + "\x01\x02\x03a".encode("utf-16-be"),
        "a.txt: binary file, not text",
    ),
    ("utf-16 odd length", codecs.BOM_UTF16_LE + b"a\x00b", "a.txt: invalid UTF-16 at byte 4"),
    ("utf-16 lone surrogate", codecs.BOM_UTF16_LE + b"a\x00\x00\xd8", "a.txt: invalid UTF-16 at byte 4"),
    ("utf-8 bom then invalid", codecs.BOM_UTF8 + b"ab\xff", "a.txt: invalid UTF-8 at byte 5"),
    (
        "utf-32 le",
        codecs.BOM_UTF32_LE + "hi".encode("utf-32-le"),
        "a.txt: UTF-32 text is not supported, convert it to UTF-8",
    ),
    (
        "utf-32 be",
        codecs.BOM_UTF32_BE + "hi".encode("utf-32-be"),
        "a.txt: UTF-32 text is not supported, convert it to UTF-8",
    ),
    # Invalid UTF-8 holding a byte Windows-1252 leaves undefined: likely another encoding.
    (
        "cp1252 undefined 0x81",
        b"Caf\xe9 \x81",
        "a.txt: not UTF-8, UTF-16 or Windows-1252 text (byte 0x81 at offset 5)",
    ),
    (
        "shift-jis",
        "会談が終わった。".encode("shift-jis"),
        "a.txt: not UTF-8, UTF-16 or Windows-1252 text (byte 0x8F at offset 6)",
    ),
]


@pytest.mark.parametrize(("data", "message"), [row[1:] for row in REFUSED], ids=[row[0] for row in REFUSED])
def test_decode_refuses(data: bytes, message: str) -> None:
    with pytest.raises(ReadError) as caught:
        decode(data, "a.txt")
    assert str(caught.value) == message


def test_read_error_is_shown_as_is() -> None:
    assert issubclass(ReadError, ClaimtrackError)


def test_a_name_with_a_newline_is_quoted_to_keep_one_line() -> None:
    with pytest.raises(ReadError) as caught:
        decode(b"", "bad\nname.txt")
    assert str(caught.value) == "'bad\\nname.txt': empty file"


@given(st.binary(max_size=300))
def test_decode_returns_text_or_raises_read_error(data: bytes) -> None:
    try:
        text, encoding = decode(data, "x")
    except ReadError as exc:
        assert str(exc).startswith("x: ") and "\n" not in str(exc)
        return
    assert text and not text.isspace()
    assert encoding in reader.ENCODINGS
    if encoding == "utf-16":
        assert text == data.decode("utf-16")
    else:  # nothing changed but the byte-order mark
        assert text.encode(encoding) == data


@given(st.text(min_size=1))
def test_decode_gives_back_utf8_text(text: str) -> None:
    assume("\x00" not in text and not text.isspace())
    assume(not reader._mostly_control(text[: reader._SAMPLE]))
    assert decode(text.encode("utf-8"), "x") == (text, "utf-8")
    assert decode(codecs.BOM_UTF16_BE + text.encode("utf-16-be"), "x") == (text, "utf-16")


# --- split_front_matter ---------------------------------------------------------------

FRONT_MATTER = [
    # (id, text, meta, body)
    ("none", "Body text.\n", {}, "Body text.\n"),
    (
        "plain",
        "---\ntitle: Talks stall\noutlet: Yonhap\ndate: 2024-10-21\nurl: https://example.com/a?b=1\n---\nBody",
        {
            "title": "Talks stall",
            "outlet": "Yonhap",
            "date": "2024-10-21",
            "url": "https://example.com/a?b=1",
        },
        "Body",
    ),
    (
        "keys lower-cased, others kept",
        "---\nTitle: T\nAuthor: Kim\n---\n",
        {"title": "T", "author": "Kim"},
        "",
    ),
    ("double quoted", '---\ntitle: "Talks: day 2"\n---\nB', {"title": "Talks: day 2"}, "B"),
    ("single quoted", "---\ntitle: 'It''s over'\n---\nB", {"title": "It's over"}, "B"),
    ("escaped quote", '---\ntitle: "He said \\"no\\""\n---\nB', {"title": 'He said "no"'}, "B"),
    ("unmatched quote kept", '---\ntitle: "half\n---\nB', {"title": '"half'}, "B"),
    ("colon in value", "---\ntitle: 12:30 talks\n---\nB", {"title": "12:30 talks"}, "B"),
    ("no space after colon", "---\nurl:https://example.com\n---\nB", {"url": "https://example.com"}, "B"),
    ("empty value", "---\noutlet:\n---\nB", {"outlet": ""}, "B"),
    ("blank lines and comments", "---\n\n# note\ntitle: T\n\n---\nB", {"title": "T"}, "B"),
    ("empty block", "---\n---\nB", {}, "B"),
    ("crlf", "---\r\ntitle: T\r\ndate: 2024\r\n---\r\nB\r\n", {"title": "T", "date": "2024"}, "B\r\n"),
    ("trailing spaces on rules", "---  \ntitle: T \n--- \nB", {"title": "T"}, "B"),
    ("closing at end of text", "---\ntitle: T\n---", {"title": "T"}, ""),
    # The body starts right after the closing line: blank lines are kept.
    ("leading blank lines kept", "---\ntitle: T\n---\n\n\nB", {"title": "T"}, "\n\nB"),
    (
        "later rule in body",
        "---\ntitle: T\n---\nB\n---\nkey: v\n---\n",
        {"title": "T"},
        "B\n---\nkey: v\n---\n",
    ),
    ("last duplicate wins", "---\ntitle: A\ntitle: B\n---\n", {"title": "B"}, ""),
]

NOT_FRONT_MATTER = [
    ("no closing line", "---\ntitle: T\nBody"),
    ("no closing line, only fields", "---\ntitle: T\n"),
    ("prose between rules", "---\nA rule, then prose.\n---\nMore"),
    ("rule later in text", "Intro\n---\ntitle: T\n---\n"),
    ("leading blank line", "\n---\ntitle: T\n---\n"),
    ("four dashes", "----\ntitle: T\n----\n"),
    ("rule without newline", "---"),
    ("dashes then text on the line", "--- title: T\n---\n"),
]


@pytest.mark.parametrize(
    ("text", "meta", "body"), [row[1:] for row in FRONT_MATTER], ids=[row[0] for row in FRONT_MATTER]
)
def test_split_front_matter(text: str, meta: dict[str, str], body: str) -> None:
    assert split_front_matter(text) == (meta, body)


@pytest.mark.parametrize(
    "text", [row[1] for row in NOT_FRONT_MATTER], ids=[row[0] for row in NOT_FRONT_MATTER]
)
def test_not_front_matter(text: str) -> None:
    assert split_front_matter(text) == ({}, text)


@given(st.text(alphabet=st.sampled_from("-\r\n :'\"#abT"), max_size=60) | st.text(max_size=60))
def test_split_front_matter_never_loses_text(text: str) -> None:
    meta, body = split_front_matter(text)
    assert text.endswith(body)
    if meta or body != text:
        assert text.startswith("---")


KEYS = st.from_regex(r"[a-z][a-z_]{0,8}", fullmatch=True)
VALUES = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9 ,.:/-]{0,20}[A-Za-z0-9]", fullmatch=True)


@given(st.dictionaries(KEYS, VALUES, max_size=5), st.text(max_size=40), st.sampled_from(["\n", "\r\n"]))
def test_split_front_matter_round_trips(meta: dict[str, str], body: str, newline: str) -> None:
    lines = ["---", *(f"{k}: {v}" for k, v in meta.items()), "---"]
    assert split_front_matter(newline.join(lines) + newline + body) == (meta, body)


def test_doctests() -> None:
    failures, tried = doctest.testmod(reader)
    assert tried and not failures


# --- read_document --------------------------------------------------------------------


def test_read_document(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_bytes(b"---\r\ntitle: \x93Talks\x94\r\n---\r\nCaf\xe9 talks.\r\n")
    doc = read_document(path)
    assert doc == Document(
        path=str(path), text="Café talks.\r\n", meta={"title": "“Talks”"}, encoding="cp1252"
    )


def test_read_document_keeps_the_path_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("notes").mkdir()
    Path("notes/a.txt").write_text("Body")
    assert read_document("notes/a.txt").path == "notes/a.txt"


def test_read_document_from_standard_input_bytes() -> None:
    doc = read_document("-", codecs.BOM_UTF8 + b"---\nurl: u\n---\nBody")
    assert doc == Document(path="-", text="Body", meta={"url": "u"}, encoding="utf-8-sig")


def test_document_is_frozen() -> None:
    doc = read_document("-", b"Body")
    with pytest.raises(AttributeError):
        doc.text = "other"  # type: ignore[misc]


def test_read_document_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.bin").write_bytes(PNG_HEADER)
    for name, message in [
        ("missing.txt", "missing.txt: no such file"),
        ("a.bin", "a.bin: binary file, not text"),
        (".", ".: is a directory"),
        ("a.bin/x.txt", "a.bin/x.txt: not a directory"),
    ]:
        with pytest.raises(ReadError) as caught:
            read_document(name)
        assert str(caught.value) == message


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_read_document_permission_denied(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Body")
    path.chmod(0)
    with pytest.raises(ReadError, match=r": permission denied$"):
        read_document(path)


def test_read_document_permission_denied_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Body")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(ReadError) as caught:
        read_document(path)
    assert str(caught.value) == f"{path}: permission denied"


def test_read_document_other_os_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(self: Path) -> bytes:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(Path, "read_bytes", fail)
    with pytest.raises(ReadError) as caught:
        read_document("disk.txt")
    assert str(caught.value) == "disk.txt: input/output error"


# --- expand_paths ---------------------------------------------------------------------


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for name in [
        "news/b.txt",
        "news/a.md",
        "news/C.TXT",
        "news/image.png",
        "news/notes.text",
        "news/2024/oct/z.txt",
        "news/2024/a.txt",
        "news/.hidden.txt",
        "news/.git/HEAD.txt",
        "news/zz/readme",
        "loose.bin",
    ]:
        Path(name).parent.mkdir(parents=True, exist_ok=True)
        Path(name).write_text("x")
    Path("empty").mkdir()
    Path("no_text/sub").mkdir(parents=True)
    Path("no_text/sub/data.csv").write_text("x")
    return tmp_path


def _expanded(paths: list[str]) -> list[tuple[str, str | None]]:
    return [(path, None if error is None else str(error)) for path, error in expand_paths(paths)]


def test_expand_paths_walks_directories_in_sorted_order(tree: Path) -> None:
    assert _expanded(["news"]) == [
        ("news/2024/a.txt", None),
        ("news/2024/oct/z.txt", None),
        ("news/C.TXT", None),
        ("news/a.md", None),
        ("news/b.txt", None),
        ("news/notes.text", None),
    ]


def test_expand_paths_keeps_the_arguments_spelling(tree: Path) -> None:
    assert _expanded(["news/2024/"]) == [("news/2024/a.txt", None), ("news/2024/oct/z.txt", None)]
    assert _expanded([str(tree / "news" / "2024" / "oct")]) == [(str(tree / "news/2024/oct/z.txt"), None)]


def test_expand_paths_passes_named_files_and_stdin_through(tree: Path) -> None:
    # A file the user named is read whatever its suffix, even hidden; order is the arguments'.
    assert _expanded(["loose.bin", "-", "news/.hidden.txt", "news/b.txt"]) == [
        ("loose.bin", None),
        ("-", None),
        ("news/.hidden.txt", None),
        ("news/b.txt", None),
    ]


def test_expand_paths_reports_bad_paths_and_goes_on(tree: Path) -> None:
    assert _expanded(["missing.txt", "empty", "no_text", "news/2024/oct", "loose.bin/x"]) == [
        ("missing.txt", "missing.txt: no such file or directory"),
        ("empty", "empty: no text files (.txt, .md, .text) in directory"),
        ("no_text", "no_text: no text files (.txt, .md, .text) in directory"),
        ("news/2024/oct/z.txt", None),
        ("loose.bin/x", "loose.bin/x: not a directory"),
    ]


def test_expand_paths_errors_are_read_errors(tree: Path) -> None:
    [(_, error)] = list(expand_paths(["missing.txt"]))
    assert isinstance(error, ReadError)


def test_expand_paths_is_lazy() -> None:
    # Nothing is looked at before the first item is asked for.
    expand_paths(["missing"])


def test_expand_paths_does_not_follow_directory_links(tree: Path) -> None:
    os.symlink(tree / "news", tree / "news/2024/loop")
    os.symlink(tree / "news/b.txt", tree / "news/2024/linked.txt")
    assert _expanded(["news/2024"]) == [
        ("news/2024/a.txt", None),
        ("news/2024/linked.txt", None),
        ("news/2024/oct/z.txt", None),
    ]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads directories whatever their mode")
def test_expand_paths_unreadable_directory(tree: Path) -> None:
    Path("news/2024/oct").chmod(0)
    try:
        assert _expanded(["news/2024"]) == [
            ("news/2024/a.txt", None),
            ("news/2024/oct", "news/2024/oct: permission denied"),
        ]
    finally:
        Path("news/2024/oct").chmod(0o755)


def test_expand_paths_unreadable_directory_simulated(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    scandir = os.scandir

    def refuse(path: str) -> object:
        if path.endswith("oct"):
            raise PermissionError(13, "Permission denied", path)
        return scandir(path)

    monkeypatch.setattr(reader.os, "scandir", refuse)
    assert _expanded(["news/2024", "news/2024/oct"]) == [
        ("news/2024/a.txt", None),
        ("news/2024/oct", "news/2024/oct: permission denied"),
        ("news/2024/oct", "news/2024/oct: permission denied"),
    ]


def test_expand_paths_unreadable_file_is_reported_when_read(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Listing needs only the directory; the file's own error comes from read_document.
    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    [(path, error)] = list(expand_paths(["news/2024/oct"]))
    assert error is None
    with pytest.raises(ReadError, match=r"^news/2024/oct/z.txt: permission denied$"):
        read_document(path)


def test_expand_paths_nul_in_path_does_not_raise() -> None:
    assert _expanded(["a\x00b"]) == [("a\x00b", "'a\\x00b': embedded null byte")]
