"""Quotations: where each quote opens and closes, found once over the whole text.

Statements look quotes up by position many times per sentence, so the spans are
computed in one pass over the quote marks only (not every character) and indexed both
by where they open and by where they close.
"""

from __future__ import annotations

import re
from bisect import bisect_right

OPEN = "“"
CLOSE = "”"
# Candidate marks: quote marks, pairs of apostrophes or backticks, and line breaks (where a
# paragraph may end an open quote). Each pattern opens with a character class, which is
# scanned for fastest, and leaves a lone apostrophe unmatched; while no quote is open, only
# the marks that can open one are looked for.
_MARK = re.compile(r"[“”\"\n'`](?:(?<=')'|(?<=`)`|(?<=[“”\"\n]))")
_OPENING_MARK = re.compile(r"[“\"'`](?:(?<=')'|(?<=`)`|(?<=[“\"]))")
_STRAIGHT = frozenset(('"', "''", "``"))


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quotation, end after the closing mark.

    A paragraph that opens with a quote mark while a quote is open continues it, as in
    news style, so a quote can run over paragraphs; a paragraph that does not ends it.

    >>> quote_spans('He said “one.” Then "two".')
    [(8, 14), (20, 25)]
    >>> quote_spans('“One.\\n\\n“Two.”\\n\\n“Three.\\n\\nFour.')
    [(0, 13)]
    >>> quote_spans("''One,'' he said.")
    [(0, 8)]
    """
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    n = len(text)
    pos = 0
    while m := (_OPENING_MARK if open_at is None else _MARK).search(text, pos):
        i, mark = m.start(), m.group()
        pos = m.end()
        if mark == "\n":
            if i > 0 and text[i - 1] == "\n":
                continue
            j = i
            while j < n and text[j].isspace():
                j += 1
            if j < n and text[j] not in "“\"'`" and "\n\n" in text[i : j + 1]:
                open_at = None  # a paragraph that continues no quote ends the open one
            continue
        straight = mark in _STRAIGHT
        if open_at is None:
            if mark == OPEN or mark == "``" or mark == '"' or (mark == "''" and _opens(text, i)):
                open_at = i
            continue
        if mark == OPEN or mark == "``":
            continue
        if mark == '"' and (i == 0 or text[i - 1] == "\n"):
            continue  # a continuing paragraph's opening mark
        if straight or mark == CLOSE:
            spans.append((open_at, i + len(mark)))
            open_at = None
    return spans


def _opens(text: str, i: int) -> bool:
    """Does the mark at ``i`` open a quote by where it stands (NYT style opens with '')?"""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 2 : i + 3]
    return (before.isspace() or before in "([—–-") and after != "" and not after.isspace()


class Quotes:
    """The quotations of a text, looked up by where they open, close or contain."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans = quote_spans(text)
        self._starts = [s for s, _ in self.spans]
        self._by_end = {e: (s, e) for s, e in self.spans}

    def at(self, pos: int) -> tuple[int, int] | None:
        """The quote that opens at ``pos``."""
        k = bisect_right(self._starts, pos) - 1
        if k >= 0 and self._starts[k] == pos:
            return self.spans[k]
        return None

    def inside(self, pos: int) -> bool:
        """Is ``pos`` strictly inside a quote?"""
        k = bisect_right(self._starts, pos) - 1
        return k >= 0 and self.spans[k][0] < pos < self.spans[k][1]

    def ending(self, pos: int) -> tuple[int, int] | None:
        """The quote that closes at or just before ``pos`` (skipping a comma and spaces)."""
        e = pos
        while e > 0 and self.text[e - 1] in " ,\n\t":
            e -= 1
        return self._by_end.get(e)
