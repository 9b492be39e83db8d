"""A long text is read in pieces: the records are those of its parts, at their offsets."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools

import pytest
from conftest import FLOODS

from claimtrack.extract import pipeline
from claimtrack.extract.pipeline import _pieces, extract

PUBLISHED = dt.date(2025, 4, 14)

ARTICLES = [
    "The health ministry said 120 people were killed in the floods on Monday.",
    FLOODS.replace("\r\n", "\n"),
    "Officials estimated that about 3,000 soldiers had crossed the border.\n\n"
    "The governor denied that any villages were evacuated. She said 40 shelters were open.",
]


def shifted(record, by: int, paragraphs: int = 0):
    changes = {
        f.name: getattr(record, f.name) + by
        for f in dataclasses.fields(record)
        if f.name.endswith(("start", "end")) and getattr(record, f.name) is not None
    }
    if hasattr(record, "paragraph"):
        changes["paragraph"] = record.paragraph + paragraphs
    return dataclasses.replace(record, **changes)


def test_pieces_cover_the_text_and_cut_at_paragraph_breaks() -> None:
    text = "\n\n".join(ARTICLES * 4)
    pieces = _pieces(text, 600)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(pieces))
    assert all(end - start <= 600 for start, end in pieces[:-1])
    assert all(text[end - 2 : end] == "\n\n" for _, end in pieces[:-1])
    one_line = "Officials said 40 shelters were open. " * 40
    assert all(one_line[end - 2 : end] == ". " for _, end in _pieces(one_line, 300)[:-1])


def test_a_long_text_gives_the_records_of_its_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "\n\n".join(ARTICLES)
    whole = extract(text, PUBLISHED)
    monkeypatch.setattr(pipeline, "PIECE_CHARS", 250)
    pieces = _pieces(text, 250)
    assert len(pieces) > 2
    long = extract(text, PUBLISHED)
    expected = {"statements": [], "figures": [], "dates": [], "sentences": []}
    paragraphs = 0
    for start, end in pieces:
        part = extract(text[start:end], PUBLISHED)
        for kind in expected:
            expected[kind] += [shifted(r, start, paragraphs) for r in getattr(part, kind)]
        paragraphs += max((s.paragraph for s in part.sentences), default=-1) + 1
    for kind, records in expected.items():
        assert getattr(long, kind) == records
    # Every offset still slices the whole text, and the pieces lose nothing against one pass.
    assert all(text[s.start : s.end] == s.text for s in long.sentences)
    assert all(text[f.start : f.end] == f.text for f in long.figures)
    assert [(f.text, f.value) for f in long.figures] == [(f.text, f.value) for f in whole.figures]
    assert [s.paragraph for s in long.sentences] == [s.paragraph for s in whole.sentences]


def test_progress_moves_with_each_piece(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "PIECE_CHARS", 300)
    heard: list[float] = []
    extract("\n\n".join(ARTICLES * 3), PUBLISHED, progress=heard.append)
    assert len(heard) >= 5 and heard == sorted(heard) and heard[-1] == 1.0
