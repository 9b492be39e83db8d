"""Quotations: where each quote opens and closes, found once over the whole text.

Statements look quotes up by position many times per sentence, so the spans are
computed in one pass over the quote marks only (not every character) and indexed both
by where they open and by where they close.
"""

from __future__ import annotations

from bisect import bisect_right

OPEN = "“"
CLOSE = "”"
# The marks: quote marks and pairs of apostrophes or backticks (a lone apostrophe is none).
# ``str.find`` skips to each several times faster than a regex opening with a class of
# them, which tests the class at every character; line breaks are looked at only where a
# quote is open (``_new_paragraph``), not at every paragraph.
_MARKS = (OPEN, CLOSE, '"', "''", "``")
_STRAIGHT = frozenset(('"', "''", "``"))


def _marks(text: str) -> list[int]:
    """Where each mark in the text starts, in order."""
    found = []
    for mark in _MARKS:
        i = text.find(mark)
        while i >= 0:
            found.append(i)
            i = text.find(mark, i + len(mark))
    found.sort()
    return found


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
    after = 0  # the end of the last mark
    for i in _marks(text):
        mark = text[i : i + 2] if text[i] in "'`" else text[i]
        if open_at is not None and _new_paragraph(text, after, i):
            open_at = None
        after = i + len(mark)
        if open_at is None:
            if mark == OPEN or mark == "``" or mark == '"' or (mark == "''" and _opens(text, i)):
                open_at = i
            continue
        if mark == OPEN or mark == "``":
            continue
        if mark == '"' and (i == 0 or text[i - 1] == "\n"):
            continue  # a continuing paragraph's opening mark
        if mark in _STRAIGHT or mark == CLOSE:
            spans.append((open_at, i + len(mark)))
            open_at = None
    return spans


def _new_paragraph(text: str, lo: int, hi: int) -> bool:
    """Does a paragraph that opens with no quote mark start between ``lo`` and ``hi``?"""
    n = len(text)
    i = text.find("\n\n", lo, hi)
    while i >= 0:
        j = i + 2
        while j < n and text[j].isspace():
            j += 1
        if j < n and text[j] not in "“\"'`":
            return True
        i = text.find("\n\n", j, hi)
    return False


def _opens(text: str, i: int) -> bool:
    """Does the mark at ``i`` open a quote by where it stands (NYT style opens with '')?"""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 2 : i + 3]
    return (before.isspace() or before in "([—–-") and after != "" and not after.isspace()


class Quotes:
    """The quotations of a text, looked up by where they open or close."""

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

    def ending(self, pos: int) -> tuple[int, int] | None:
        """The quote that closes at or just before ``pos`` (skipping a comma and spaces)."""
        e = pos
        while e > 0 and self.text[e - 1] in " ,\n\t":
            e -= 1
        return self._by_end.get(e)
