"""Split a text into paragraphs and sentences, keeping exact offsets.

Rule-based and fast: paragraphs are separated by blank lines (or a line break followed by
indentation-free text when the text has no blank lines at all), sentences end at ``.``,
``!`` or ``?`` (with any closing quotes or brackets) before white space and a word that
can start a sentence — unless the full stop belongs to a title ("Rep."), an initial
("J."), or an abbreviation such as "Oct." followed by a number. A bullet line ("- The
toll rose") inside a paragraph starts a new sentence but not a new paragraph, so that
``paragraphs(text)[sentence.paragraph]`` always holds the sentence.
"""

from __future__ import annotations

import re
import string
from itertools import pairwise

from claimtrack.extract.lexicon.abbreviations import (
    DOTTED,
    JOINERS,
    MONTHS,
    OTHERS,
    SENTENCE_STARTERS,
    TITLES,
)
from claimtrack.models import Sentence

# A blank line may hold spaces or the "\r" of a Windows line ending.
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")
_LINE_BREAK = re.compile(r"\n\s*")
_BULLET = re.compile(r"\n[^\S\n]*[-*•▪–—](?=[ \t])")
# A candidate sentence end: terminal punctuation, closing quotes/brackets, then space.
# Written "[.!?…][.!?…]*", not "[.!?…]+": a pattern that opens with a character class
# lets the regex engine skip to the next stop instead of trying a match at every letter.
_END = re.compile(r"[.!?…][.!?…]*[\"'”’»)\]]*(?=\s+(\S))")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
_WORD = re.compile(r"[^\W\d_]+")
_LONGEST_WORD = 64
# What a sentence can open with: a quote, a bracket, a dash, a capital or a digit.
_OPENERS = frozenset("\"'“‘«„([—–-" + string.ascii_uppercase + string.digits)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph with its surrounding white space trimmed.

    >>> paragraphs("One.\\r\\n\\r\\nTwo.\\r\\n")
    [(0, 4), (8, 12)]
    """
    breaker = _PARAGRAPH_BREAK if _BLANK_LINE.search(text) else _LINE_BREAK
    spans, pos = [], 0
    for m in breaker.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return [span for s, e in spans if (span := _trim(text, s, e))]


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _blocks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The paragraph cut before each bullet line; usually the paragraph itself."""
    if text.find("\n", start, end) == -1:
        return [(start, end)]
    cuts = [start, *(m.start() for m in _BULLET.finditer(text, start, end)), end]
    return [span for s, e in pairwise(cuts) if (span := _trim(text, s, e))]


def _is_boundary(text: str, start: int, m: re.Match[str]) -> bool:
    punct, nxt = m.group(0, 1)
    if not (nxt in _OPENERS or nxt.isupper()):  # one character
        return False
    if not punct.startswith("."):
        return True
    if "..." in punct or "…" in punct:
        return nxt[0].isupper() or nxt[0] in '"“'
    # The word before the stop, looked for in the few characters before it: a search from
    # the sentence's start tried every letter of a long sentence at every stop. A word
    # holds no space, so the search begins after the last one.
    stop = m.start()
    window = max(start, stop - _LONGEST_WORD)
    word = _WORD_BEFORE.search(text, max(window, text.rfind(" ", window, stop) + 1), stop + 1)
    if word is None:
        return True
    token = word.group(1)
    low = token.lower().rstrip(".")
    if len(punct.rstrip("\"'”’»)]")) > 1:
        return True
    if low in JOINERS:
        return False
    if low in TITLES:  # "Sen. Ross" goes on; "on Main St. He" and "King Jr. The" end
        return _opens_sentence(text, m)
    if len(token) == 1 and token.isupper():  # an initial: "George W. Bush"
        return False
    if low in MONTHS and nxt[0].isdigit():
        return False
    if low in OTHERS and (nxt[0].isdigit() or nxt[0].islower()):
        return False
    if "." in token and nxt[0].isdigit():  # "U.S. 12,000 troops" is rare; "a.m. 5" rarer
        return False
    if low in DOTTED and nxt[0].isupper():  # a line break ends it: "in the U.S.\nChris ..."
        return _opens_sentence(text, m) or text.find("\n", m.end(), m.start(1)) != -1
    return True


def _opens_sentence(text: str, m: re.Match[str]) -> bool:
    following = _WORD.match(text, m.start(1))
    return following is not None and following.group(0).lower() in SENTENCE_STARTERS


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of ``text``, in order, each with its paragraph number.

    >>> [s.text for s in split_sentences("Rep. Lee said so. He left.\\n\\nNew day.")]
    ['Rep. Lee said so.', 'He left.', 'New day.']
    >>> split_sentences("Rep. Lee said so. He left.\\n\\nNew day.")[2].paragraph
    1
    """
    return sentences_in(text, paragraphs(text))


def sentences_in(text: str, spans: list[tuple[int, int]]) -> list[Sentence]:
    """``split_sentences(text)`` for a caller that has ``spans = paragraphs(text)`` already."""
    out: list[Sentence] = []
    for number, (pstart, pend) in enumerate(spans):
        for bstart, bend in _blocks(text, pstart, pend):
            start = bstart
            for m in _END.finditer(text, bstart, bend):
                end = m.end()
                if end >= bend:
                    break
                if _is_boundary(text, start, m):
                    out.append(Sentence(start, end, text[start:end], number))
                    start = m.start(1)  # past the white space
            if start < bend:
                out.append(Sentence(start, bend, text[start:bend], number))
    return out
