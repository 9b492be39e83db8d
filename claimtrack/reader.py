"""Turn the paths a user names into decoded article text and its front matter.

The one decision a reader needs: **nothing in the text is changed** beyond removing a
byte-order mark and the front matter block. Newlines are not translated and nothing is
stripped, because every record stores ``str`` offsets into the text this module returns.

Decoding, in order:

- a UTF-32 byte-order mark is refused (not supported: convert to UTF-8);
- a UTF-16 byte-order mark (LE or BE) → ``"utf-16"``;
- a NUL byte anywhere else → binary, not text;
- a UTF-8 BOM → ``"utf-8-sig"`` (BOM dropped; invalid UTF-8 after it is an error);
- valid UTF-8 → ``"utf-8"``;
- otherwise Windows-1252 → ``"cp1252"``. Its five undefined bytes (0x81 0x8D 0x8F 0x90
  0x9D) are *refused*, not mapped: a file holding them is far more likely another legacy
  encoding (Shift-JIS and GBK use them constantly) than Windows-1252, and refusing with
  the byte and its offset beats storing mojibake whose offsets a user would later trust.
  Legacy text that happens to avoid those five bytes still decodes, as mojibake: a
  known limit of guessing, which only a declared encoding would remove.

Binary detection: a NUL (byte, or character in UTF-16), or more than one character in
ten of the first 8,192 being a C0 control other than tab, newline, vertical tab, form
feed and carriage return (or DEL). Text that is empty or only white space is refused.

Size: a file over ``MAX_BYTES`` (64 MB) is refused before it is read. Extraction reads a
long text in pieces, but its records are stored together: a 50 MB file (a year of a
wire's copy in one file) takes under 1 GB, and far larger files are better split.

Every error is a :class:`ReadError` whose one-line message starts with the path.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from claimtrack.errors import ReadError

TEXT_SUFFIXES = (".txt", ".md", ".text")
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "cp1252")

MAX_BYTES = 64_000_000
_SAMPLE = 8192  # characters inspected for control characters
_MAX_CONTROL_SHARE = 0.1
# C0 controls and DEL, less the white space that text files legitimately hold.
_CONTROL = re.compile(r"[\x01-\x08\x0e-\x1f\x7f]")
_CP1252_UNDEFINED = re.compile(rb"[\x81\x8d\x8f\x90\x9d]")

_OPENING = re.compile(r"---[ \t]*\r?\n")
# key: value — keys are words (spaces, dots and dashes inside); no space needed after ":".
_FIELD = re.compile(r"[ \t]*(\w[\w .-]*?)[ \t]*:[ \t]*(.*?)[ \t]*")
_DOUBLE_QUOTED_ESCAPE = re.compile(r"\\([\"\\])")


@dataclass(frozen=True, slots=True)
class Document:
    """One article as read: its text without front matter, and the front matter."""

    path: str  # as given by the user ("-" for standard input)
    text: str  # decoded text with the front matter removed, nothing else changed
    meta: dict[str, str]  # lower-cased keys: title, outlet, date, url, and any others
    encoding: str  # one of ENCODINGS


def decode(data: bytes, name: str) -> tuple[str, str]:
    """``(text, encoding)`` for the bytes of a text file; ReadError naming ``name`` if not text."""
    if not data:
        raise _error(name, "empty file")
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raise _error(name, "UTF-32 text is not supported, convert it to UTF-8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text, encoding = data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise _error(name, f"invalid UTF-16 at byte {exc.start}") from None
        if "\x00" in text or _mostly_control(text[:_SAMPLE]):
            raise _error(name, "binary file, not text")
    else:
        # Checked on the bytes before decoding: in UTF-8 and cp1252 alike, bytes below
        # 0x80 are the ASCII characters, so the share of controls is the same either way.
        if b"\x00" in data or _mostly_control(data[:_SAMPLE].decode("latin-1")):
            raise _error(name, "binary file, not text")
        text, encoding = _decode_8bit(data, name)
    if text.isspace() or not text:
        raise _error(name, "empty file")
    return text, encoding


def _decode_8bit(data: bytes, name: str) -> tuple[str, str]:
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data.decode("utf-8-sig"), "utf-8-sig"
        except UnicodeDecodeError as exc:  # the mark says UTF-8: no guessing
            raise _error(name, f"invalid UTF-8 at byte {exc.start + len(codecs.BOM_UTF8)}") from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    undefined = _CP1252_UNDEFINED.search(data)
    if undefined:
        raise _error(
            name,
            "not UTF-8, UTF-16 or Windows-1252 text "
            f"(byte 0x{undefined.group()[0]:02X} at offset {undefined.start()})",
        )
    return data.decode("cp1252"), "cp1252"


def _mostly_control(sample: str) -> bool:
    if not sample:
        return False
    return len(_CONTROL.findall(sample)) > len(sample) * _MAX_CONTROL_SHARE


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split an optional ``---`` block of ``key: value`` lines off the start of ``text``.

    Keys are lower-cased; quoted values are unquoted. The body starts at the first
    character after the closing ``---`` line's newline, exactly: leading blank lines stay,
    so the body is always a suffix of ``text``.

    >>> split_front_matter('---\\nTitle: "Talks stall"\\noutlet: Yonhap\\n---\\nSeoul said...')
    ({'title': 'Talks stall', 'outlet': 'Yonhap'}, 'Seoul said...')
    >>> split_front_matter("---\\r\\nurl: https://example.com/a\\r\\n---\\r\\n\\r\\nBody")
    ({'url': 'https://example.com/a'}, '\\r\\nBody')

    Without a closing line, or with a line that is not ``key: value`` (blank lines and
    ``#`` comments aside), there is no front matter and the text comes back unchanged:

    >>> split_front_matter("---\\ntitle: x\\nno closing line")
    ({}, '---\\ntitle: x\\nno closing line')
    >>> split_front_matter("---\\nJust a rule, then prose.\\n---\\n")
    ({}, '---\\nJust a rule, then prose.\\n---\\n')
    >>> split_front_matter("Intro\\n---\\ntitle: later\\n---\\n")
    ({}, 'Intro\\n---\\ntitle: later\\n---\\n')
    """
    opening = _OPENING.match(text)
    if opening is None:
        return {}, text
    meta: dict[str, str] = {}
    pos = opening.end()
    while pos < len(text):
        newline = text.find("\n", pos)
        end = len(text) if newline == -1 else newline + 1
        line = text[pos:end].removesuffix("\n").removesuffix("\r")
        pos = end
        if line.rstrip(" \t") == "---":
            return meta, text[end:]
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = _FIELD.fullmatch(line)
        if match is None:
            return {}, text
        meta[match.group(1).lower()] = _unquote(match.group(2))
    return {}, text


def _unquote(value: str) -> str:
    """Drop matching quotes, undoing YAML's ``''`` and ``\\"`` escapes.

    >>> _unquote("'It''s over'"), _unquote('"a \\\\"b\\\\""'), _unquote('"half')
    ("It's over", 'a "b"', '"half')
    """
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        inner = value[1:-1]
        if value[0] == "'":
            return inner.replace("''", "'")
        return _DOUBLE_QUOTED_ESCAPE.sub(r"\1", inner)
    return value


def read_document(path: str | Path, data: bytes | None = None) -> Document:
    """Read, decode and split one file; ``data`` holds the bytes when ``path`` is ``"-"``.

    With ``path == "-"`` and no ``data``, standard input is read.
    """
    name = str(path)
    if data is None:
        if name == "-":
            data = sys.stdin.buffer.read()
        else:
            _check_size(name, file_size(name))
            try:
                data = Path(path).read_bytes()
            except (OSError, ValueError) as exc:  # ValueError: a NUL in the path
                raise _os_error(name, exc, missing="no such file") from None
    _check_size(name, len(data))  # standard input, or a file that grew
    text, encoding = decode(data, name)
    del data  # the bytes are not needed while the body is copied out: keeps the peak lower
    meta, body = split_front_matter(text)
    return Document(path=name, text=body, meta=meta, encoding=encoding)


def file_size(name: str) -> int:
    """The size of a file in bytes; 0 for standard input ("-") or a file that cannot be
    looked at (reading it reports the problem)."""
    if name == "-":
        return 0
    try:
        return os.stat(name).st_size
    except (OSError, ValueError):  # ValueError: a NUL in the path
        return 0


def _check_size(name: str, size: int) -> None:
    if size > MAX_BYTES:
        limit = MAX_BYTES // 1_000_000
        raise _error(name, f"too large ({size / 1e6:.1f} MB; an article may be at most {limit} MB)")


def expand_paths(paths: Iterable[str]) -> Iterator[tuple[str, ReadError | None]]:
    """``(path, None)`` for each file to read, ``(path, error)`` for each that cannot be.

    ``"-"`` and files pass through whatever their suffix (the user named them);
    directories are walked recursively in sorted order for files ending in
    TEXT_SUFFIXES (any case), skipping hidden files and directories and not following
    symbolic links to directories. Never raises for a bad path.
    """
    for arg in paths:
        if arg == "-":
            yield arg, None
            continue
        try:
            is_dir = stat.S_ISDIR(os.stat(arg).st_mode)
        except (OSError, ValueError) as exc:  # ValueError: a NUL in the path
            yield arg, _os_error(arg, exc, missing="no such file or directory")
            continue
        if not is_dir:
            yield arg, None
            continue
        found = False
        for item in _walk(arg):
            found = True
            yield item
        if not found:
            suffixes = ", ".join(TEXT_SUFFIXES)
            yield arg, _error(arg, f"no text files ({suffixes}) in directory")


def _walk(directory: str) -> Iterator[tuple[str, ReadError | None]]:
    try:
        with os.scandir(directory) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as exc:
        yield directory, _os_error(directory, exc, missing="no such file or directory")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            if entry.is_dir():
                if not entry.is_symlink():
                    yield from _walk(entry.path)
            elif entry.name.lower().endswith(TEXT_SUFFIXES):
                yield entry.path, None
        except OSError as exc:
            yield entry.path, _os_error(entry.path, exc, missing="no such file or directory")


def _os_error(name: str, exc: OSError | ValueError, missing: str) -> ReadError:
    if isinstance(exc, ValueError):
        reason = str(exc)
    elif isinstance(exc, FileNotFoundError):
        reason = missing
    elif isinstance(exc, PermissionError):
        reason = "permission denied"
    elif isinstance(exc, IsADirectoryError):
        reason = "is a directory"
    else:
        reason = exc.strerror or str(exc) or type(exc).__name__
    reason = reason[:1].lower() + reason[1:]
    return _error(name, reason)


def _error(name: str, reason: str) -> ReadError:
    # One line, starting with the path: a name holding a newline or other control is quoted.
    shown = name if name.isprintable() else repr(name)
    return ReadError(f"{shown}: {reason}")
