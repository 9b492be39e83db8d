"""Extracted records as JSON lines: extract anywhere, load in one place.

One line per source: ``{"source": {...}, "statements": [...], "figures": [...],
"dates": [...], "sentences": [...]}``. The source carries its text and metadata, and
the records carry every field of their dataclass, so ``ingest --records`` stores a line
exactly as a plain ``ingest`` of the same file would, without extracting again.

The one design decision: a line is *validated* before it is stored — every record's
fields, their types, and its offsets inside the text — because a line may come from
another machine, another version, or a hand edit, and the store trusts its offsets.
Record rows also carry the source's ``path``, ``outlet`` and ``published`` (as
``extract --json`` prints them); those are read back from the source, not the row.
"""

from __future__ import annotations

import json
from dataclasses import MISSING, dataclass, fields
from typing import Any

from claimtrack.errors import ClaimtrackError
from claimtrack.models import DateMention, Extraction, Figure, Sentence, Statement, to_dict
from claimtrack.store import SourceInfo, sha256, word_count

KINDS: dict[str, type] = {
    "statements": Statement,
    "figures": Figure,
    "dates": DateMention,
    "sentences": Sentence,
}
# Repeated on each record row for readers of `extract --json`; the source's own are used.
CONTEXT = ("path", "outlet", "published")


class RecordError(ClaimtrackError):
    """A line of records that cannot be loaded; the message says why."""


@dataclass(frozen=True, slots=True)
class SourceRecords:
    """One source as extracted: what ``Store.add_source`` needs."""

    info: SourceInfo
    text: str
    extraction: Extraction


def to_line(info: SourceInfo, text: str, extraction: Extraction, words: int | None = None) -> dict[str, Any]:
    """The JSON object for one source; ``json.dumps`` it onto one line."""
    source = {
        "path": info.path,
        "title": info.title,
        "outlet": info.outlet,
        "published": info.published,
        "published_from": info.published_from,
        "url": info.url,
        "sha256": sha256(text),
        "words": word_count(text) if words is None else words,
        "encoding": info.encoding,
        "text": text,
    }
    context = {"path": info.path, "outlet": info.outlet, "published": info.published}
    return {
        "source": source,
        "statements": [{**context, **to_dict(r)} for r in extraction.statements],
        "figures": [{**context, **to_dict(r)} for r in extraction.figures],
        "dates": [{**context, **to_dict(r)} for r in extraction.dates],
        "sentences": [to_dict(r) for r in extraction.sentences],
    }


def from_line(line: str) -> SourceRecords:
    """Parse and validate one line; ``RecordError`` says what is wrong with it.

    >>> from_line('{"source": {}}')
    Traceback (most recent call last):
    ...
    claimtrack.records.RecordError: source: 'path' is missing
    """
    try:
        obj = json.loads(line)
    except ValueError as exc:
        raise RecordError(f"not JSON ({exc})") from None
    if not isinstance(obj, dict) or not isinstance(obj.get("source"), dict):
        raise RecordError('not a line of records: expected {"source": {...}, "statements": [...], ...}')
    unknown = set(obj) - {"source", *KINDS}
    if unknown:
        raise RecordError(f"unknown key {sorted(unknown)[0]!r}")
    source = obj["source"]
    for key in ("path", "text"):
        if not isinstance(source.get(key), str) or not source[key]:
            raise RecordError(f"source: {key!r} is missing" if key not in source else f"source: bad {key!r}")
    text: str = source["text"]
    for key in ("title", "outlet", "published", "published_from", "url", "encoding"):
        if source.get(key) is not None and not isinstance(source[key], str):
            raise RecordError(f"source: {key!r} must be a string or null")
    if "sha256" in source and source["sha256"] != sha256(text):
        raise RecordError("source: sha256 does not match the text")
    info = SourceInfo(
        path=source["path"],
        title=source.get("title"),
        outlet=source.get("outlet"),
        published=source.get("published"),
        published_from=source.get("published_from"),
        url=source.get("url"),
        encoding=source.get("encoding"),
    )
    parts: dict[str, list[Any]] = {}
    for kind, cls in KINDS.items():
        rows = obj.get(kind)
        if not isinstance(rows, list):
            raise RecordError(f"{kind!r} is missing" if kind not in obj else f"{kind!r} must be a list")
        parts[kind] = [_record(cls, row, len(text), f"{kind}[{i}]") for i, row in enumerate(rows)]
    return SourceRecords(info, text, Extraction(**parts))


def _record(cls: type, row: Any, length: int, where: str) -> Any:
    if not isinstance(row, dict):
        raise RecordError(f"{where}: not an object")
    spec = _SPECS[cls]
    unknown = set(row) - set(spec) - set(CONTEXT)
    if unknown:
        raise RecordError(f"{where}: unknown field {sorted(unknown)[0]!r}")
    values: dict[str, Any] = {}
    for name, (kinds, nullable, required) in spec.items():
        if name not in row:
            if required:
                raise RecordError(f"{where}: {name!r} is missing")
            continue
        value = row[name]
        if value is None:
            if not nullable:
                raise RecordError(f"{where}: {name!r} must not be null")
        elif kinds == "tuple":
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise RecordError(f"{where}: {name!r} must be a list of strings")
            value = tuple(value)
        elif isinstance(value, bool) or not isinstance(value, kinds):
            raise RecordError(f"{where}: {name!r} has the wrong type ({type(value).__name__})")
        elif _is_offset(name, kinds) and not 0 <= value <= length:
            raise RecordError(f"{where}: {name!r} {value} is outside the text (length {length})")
        values[name] = value
    if values.get("start", 0) > values.get("end", length):
        raise RecordError(f"{where}: 'start' is after 'end'")
    return cls(**values)


def _is_offset(name: str, kinds: Any) -> bool:
    return kinds == (int,) and (name in ("start", "end") or name.endswith(("_start", "_end")))


def _spec(cls: type) -> dict[str, tuple[Any, bool, bool]]:
    """Field name → (accepted types, nullable, required), from the string annotations."""
    out = {}
    for f in fields(cls):
        hint = str(f.type).replace(" ", "")
        nullable = hint.endswith("|None")
        base = hint.removesuffix("|None")
        kinds: Any = {"int": (int,), "str": (str,), "float": (int, float)}.get(base, "tuple")
        required = f.default is MISSING and f.default_factory is MISSING
        out[f.name] = (kinds, nullable, required)
    return out


_SPECS = {cls: _spec(cls) for cls in KINDS.values()}


def extract_line(task: Any) -> tuple[str, str | None, str | None, tuple[str, ...]]:
    """Read and extract one input into its line: ``(path, line, error, warnings)``.

    Run in worker processes by ``extract --format jsonl``: the line is serialised there
    too, so the parent only writes.
    """
    from claimtrack.ingest import prepare

    p = prepare(task)
    if p.error is not None or p.info is None or p.extraction is None:
        return p.path, None, p.error, p.warnings
    line = json.dumps(to_line(p.info, p.text, p.extraction, p.words), ensure_ascii=False)
    return p.path, line, None, p.warnings
