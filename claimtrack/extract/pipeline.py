"""The extraction pipeline: text and publication date in, records out.

``extract`` is the one entry point, used by ``ingest`` and ``extract`` alike. It is
pure — no clock, no I/O — so the same text and date always give the same records. The
pieces run in order: sentences, dates, statements, figures; then each figure gets its
claimant from the statement it sits in, and every statement and figure gets the date it
refers to and its topics.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from bisect import bisect_right
from collections.abc import Sequence

from claimtrack.extract.dates import find_dates, reference_date
from claimtrack.extract.figures import find_figures
from claimtrack.extract.sentences import paragraphs, split_sentences
from claimtrack.extract.statements import find_statements
from claimtrack.extract.topics import DEFAULT_MATCHER, TopicMatcher
from claimtrack.models import Extraction, Figure, Sentence, Statement

__all__ = ["extract"]


def extract(text: str, published: dt.date | None = None, topics: TopicMatcher | None = None) -> Extraction:
    """Extract statements, figures and dates from ``text``, published on ``published``."""
    matcher = topics or DEFAULT_MATCHER
    sentences = split_sentences(text)
    dates = find_dates(text, published)
    statements = find_statements(text, sentences)
    figures = [_with_claimant(f, statements) for f in find_figures(text, sentences)]

    context = _Context(text, sentences, matcher)
    statements = [
        dataclasses.replace(
            s, date=reference_date(s.start, s.end, dates, published)[0], topics=context.topics(s.start)
        )
        for s in statements
    ]
    figures = [_dated(f, dates, published, context) for f in figures]
    return Extraction(statements=statements, figures=figures, dates=dates, sentences=sentences)


def _with_claimant(figure: Figure, statements: Sequence[Statement]) -> Figure:
    """The claimant is whoever the figure's statement cites, else its speaker.

    A figure inside a statement's content belongs to that statement; failing that, to a
    statement in the same sentence. A figure the article states itself has none.
    """
    inside = [s for s in statements if s.content_start <= figure.start and figure.end <= s.content_end]
    same = inside or [s for s in statements if s.start <= figure.start < s.end]
    for statement in sorted(same, key=lambda s: s.content_end - s.content_start):
        who = statement.cited or statement.speaker
        if who:
            return dataclasses.replace(figure, claimant=who)
    return figure


def _dated(figure: Figure, dates, published, context: _Context) -> Figure:
    value, date_text = reference_date(figure.sentence_start, figure.sentence_end, dates, published)
    return dataclasses.replace(figure, date=value, date_text=date_text, topics=context.topics(figure.start))


class _Context:
    """Topics of each sentence, its paragraph's included, computed once per sentence."""

    def __init__(self, text: str, sentences: list[Sentence], matcher: TopicMatcher):
        self._text = text
        self._sentences = sentences
        self._starts = [s.start for s in sentences]
        self._paragraphs = paragraphs(text)
        self._matcher = matcher
        self._cache: dict[int, tuple[str, ...]] = {}
        self._para_cache: dict[int, set[str]] = {}

    def topics(self, offset: int) -> tuple[str, ...]:
        i = bisect_right(self._starts, offset) - 1
        if i < 0:
            return ()
        if i not in self._cache:
            sentence = self._sentences[i]
            found = self._matcher.match(sentence.text)
            p = sentence.paragraph
            if p not in self._para_cache and p < len(self._paragraphs):
                start, end = self._paragraphs[p]
                self._para_cache[p] = self._matcher.match(self._text[start:end])
            found |= self._para_cache.get(p, set())
            self._cache[i] = tuple(sorted(found))
        return self._cache[i]
