"""Split a text into paragraphs and sentences, keeping exact offsets.

Rule-based and fast: paragraphs are separated by blank lines (or a line break followed by
indentation-free text when the text has no blank lines at all), sentences end at ``.``,
``!`` or ``?`` (with any closing quotes or brackets) before white space and a word that
can start a sentence — unless the full stop belongs to a title ("Rep."), an initial
("J."), or an abbreviation such as "Oct." followed by a number.
"""

from __future__ import annotations

import re

from claimtrack.extract.lexicon.abbreviations import MONTHS, OTHERS, TITLES
from claimtrack.models import Sentence

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_LINE_BREAK = re.compile(r"\n\s*")
# A candidate sentence end: terminal punctuation, closing quotes/brackets, then space.
_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+(\S))")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
_OPENERS = re.compile(r"[\"'“‘(\[A-Z0-9—–-]")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph with its surrounding white space trimmed."""
    breaker = _PARAGRAPH_BREAK if "\n\n" in text or re.search(r"\n[ \t]+\n", text) else _LINE_BREAK
    spans, pos = [], 0
    for m in breaker.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out


def _is_boundary(text: str, start: int, m: re.Match[str]) -> bool:
    punct = m.group(0)
    nxt = m.group(1)
    if not _OPENERS.match(nxt):
        return False
    if not punct.startswith("."):
        return True
    if "..." in punct or "…" in punct:
        return nxt[0].isupper() or nxt[0] in '"“'
    word = _WORD_BEFORE.search(text, start, m.start() + 1)
    if word is None:
        return True
    token = word.group(1)
    low = token.lower().rstrip(".")
    if len(punct.rstrip("\"'”’)]")) > 1:
        return True
    if low in TITLES:
        return False
    if len(token) == 1 and token.isupper():  # an initial: "George W. Bush"
        return False
    if low in MONTHS and nxt[0].isdigit():
        return False
    if low in OTHERS and (nxt[0].isdigit() or nxt[0].islower()):
        return False
    if "." in token and nxt[0].isdigit():  # "U.S. 12,000 troops" is rare; "a.m. 5" rarer
        return False
    return True


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of ``text``, in order, each with its paragraph number.

    >>> [s.text for s in split_sentences("Rep. Lee said so. He left.\\n\\nNew day.")]
    ['Rep. Lee said so.', 'He left.', 'New day.']
    >>> split_sentences("Rep. Lee said so. He left.\\n\\nNew day.")[2].paragraph
    1
    """
    out: list[Sentence] = []
    for number, (pstart, pend) in enumerate(paragraphs(text)):
        start = pstart
        for m in _END.finditer(text, pstart, pend):
            if m.end() >= pend:
                break
            if _is_boundary(text, start, m):
                out.append(Sentence(start, m.end(), text[start : m.end()], number))
                start = m.end()
                while start < pend and text[start].isspace():
                    start += 1
        if start < pend:
            out.append(Sentence(start, pend, text[start:pend], number))
    return out
