"""The extraction pipeline: text and publication date in, records out.

``extract`` is the one entry point, used by ``ingest`` and ``extract`` alike. It is
pure — no clock, no I/O — so the same text and date always give the same records. The
pieces run in order: sentences, dates, statements, figures; then each figure gets its
claimant from the statement it sits in, and every statement and figure gets the date it
refers to and its topics.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence

from claimtrack.extract.dates import find_dates, reference_date
from claimtrack.extract.figures import find_figures
from claimtrack.extract.sentences import paragraphs, sentences_in
from claimtrack.extract.statements import find_statements
from claimtrack.extract.topics import DEFAULT_MATCHER, TopicMatcher
from claimtrack.models import DateMention, Extraction, Figure, Sentence, Statement, evolve

__all__ = ["extract"]


def extract(
    text: str,
    published: dt.date | None = None,
    topics: TopicMatcher | None = None,
    progress: Callable[[float], None] | None = None,
) -> Extraction:
    """Extract statements, figures and dates from ``text``, published on ``published``.

    ``progress`` hears the fraction done as it goes. A text longer than ``PIECE_CHARS``
    (a collection of articles in one file, a transcript) is read in pieces cut at
    paragraph breaks, so that the work on each stays small and the progress moves;
    pronouns and bare surnames are resolved within a piece.
    """
    matcher = topics or DEFAULT_MATCHER
    done = progress or (lambda fraction: None)
    if len(text) <= PIECE_CHARS:
        return _extract(text, published, matcher, done)
    statements: list[Statement] = []
    figures: list[Figure] = []
    dates: list[DateMention] = []
    sentences: list[Sentence] = []
    before = 0  # paragraphs in the pieces before
    for start, end in _pieces(text, PIECE_CHARS):
        piece = text[start:end]
        part = _extract(piece, published, matcher, lambda fraction: None)
        statements += [_shift(s, start, before) for s in part.statements]
        figures += [_shift(f, start, before) for f in part.figures]
        dates += [_shift(d, start, before) for d in part.dates]
        sentences += [_shift(s, start, before) for s in part.sentences]
        before += len(paragraphs(piece))
        done(end / len(text))
    return Extraction(statements=statements, figures=figures, dates=dates, sentences=sentences)


PIECE_CHARS = 1_000_000
_OFFSETS = (
    "start", "end", "speaker_start", "speaker_end", "cue_start", "cue_end", "content_start", "content_end",
    "sentence_start", "sentence_end",
)  # fmt: skip


def _pieces(text: str, size: int) -> list[tuple[int, int]]:
    """Spans of ``text`` of at most about ``size`` characters, cut after a blank line
    where there is one, else after a line break, else after a sentence's full stop."""
    out, start = [], 0
    while len(text) - start > size:
        limit = start + size
        cut = -1
        for mark in ("\n\n", "\n", ". "):
            cut = text.rfind(mark, start + size // 2, limit)
            if cut >= 0:
                cut += len(mark)
                break
        if cut < 0:
            cut = limit
        out.append((start, cut))
        start = cut
    out.append((start, len(text)))
    return out


def _shift(record, by: int, paragraphs_before: int):  # type: ignore[no-untyped-def]
    """A record of a piece with its offsets (and paragraph number) moved into the whole text."""
    changes = {name: value + by for name in _OFFSETS if (value := getattr(record, name, None)) is not None}
    if isinstance(record, Sentence):
        changes["paragraph"] = record.paragraph + paragraphs_before
    return evolve(record, **changes)


def _extract(
    text: str, published: dt.date | None, matcher: TopicMatcher, done: Callable[[float], None]
) -> Extraction:
    spans = paragraphs(text)
    sentences = sentences_in(text, spans)
    done(0.05)
    dates = find_dates(text, published)
    done(0.2)
    statements = find_statements(text, sentences)
    done(0.6)
    found = find_figures(text, sentences)
    done(0.85)

    context = _Context(text, sentences, spans, matcher)
    # "Monday's earthquakes" names an event by its day; it is not when a figure holds.
    when = [d for d in dates if not text.startswith(("'s", "’s"), d.end)]
    said: dict[tuple[int, int], str | None] = {}  # statements of a sentence share its date
    for s in statements:
        if (s.start, s.end) not in said:
            said[s.start, s.end] = reference_date(s.start, s.end, when, published, deadline_first=False)[0]
    statements = [evolve(s, date=said[s.start, s.end], topics=context.topics(s.start)) for s in statements]
    contents = _Spans([(s.content_start, s.content_end) for s in statements])
    spans_of = _Spans([(s.start, s.end) for s in statements])
    held: dict[tuple[int, int], tuple[str | None, str | None]] = {}  # and so do figures
    figures = []
    for f in found:
        sentence = f.sentence_start, f.sentence_end
        if sentence not in held:
            held[sentence] = reference_date(*sentence, when, published)
        value, date_text = held[sentence]
        figures.append(
            evolve(
                f,
                claimant=_claimant(text, f, statements, contents, spans_of),
                date=value,
                date_text=date_text,
                topics=context.topics(f.start),
            )
        )
    return Extraction(statements=statements, figures=figures, dates=dates, sentences=sentences)


def _claimant(
    text: str, figure: Figure, statements: Sequence[Statement], contents: _Spans, sentences: _Spans
) -> str | None:
    """Whoever the figure's statement cites, else its speaker.

    A figure inside a statement's content belongs to that statement; failing that, to a
    statement in the same sentence. A figure the article states itself has none.
    """
    agent = _AGENT.match(text, figure.end)
    if agent:  # "the 500 deaths reported by health officials": the agent gave the figure
        return agent.group(1) or agent.group(2)
    inside = contents.containing(figure.start, figure.end)
    same = [statements[i] for i in inside or sentences.containing(figure.start, figure.start + 1)]
    for statement in sorted(same, key=lambda s: s.content_end - s.content_start):
        who = statement.cited or statement.speaker
        if who and _names_someone(who):
            return who
    return figure.claimant


# A figure followed by who gave it: "500 deaths reported by X", "500 deaths that X described".
_GAVE = r"(?:reported|cited|given|provided|released|announced|confirmed|compiled|issued|published|recorded"
_GAVE += r"|tallied|counted|estimated|claimed|described|gave|put)"
_NP = r"([A-Z][\w’'.-]*(?:[ \t]+(?!and\b|but\b|on\b|which\b|who\b|as\b|had\b|have\b|has\b)[\w’'.-]+){0,7}?)"
_AGENT = re.compile(
    rf"[ \t]*(?:[a-z]+[ \t]+){{0,2}}?{_GAVE}[ \t]+by[ \t]+(?:the[ \t]+)?{_NP}"
    r"(?=\s*[,.;:)]|\s+(?:and|but|on|which|who|as)\b)"
    rf"|[ \t]+(?:that|which)[ \t]+(?:the[ \t]+)?{_NP.replace('[A-Z]', '[A-Za-z]')}"
    rf"[ \t]+(?:[a-z]+ly[ \t]+)?{_GAVE}\b"
)
_PREPOSITIONS = frozenset("with in on at by for from of to into over under after before".split())


def _names_someone(who: str) -> bool:
    """Whether a speaker can stand as a claimant: words, not "5.7" or "with strong winds".

    >>> _names_someone("the health ministry"), _names_someone("5.7"), _names_someone("with winds")
    (True, False, False)
    """
    words = who.split()
    return _LETTER.search(who) is not None and (words[0] if words else "") not in _PREPOSITIONS


_LETTER = re.compile(r"[A-Za-z]")


class _Spans:
    """Which of some spans contain a range, found by bisection rather than a scan.

    Scanning every statement for every figure made a long text quadratic (a 1 MB file
    took minutes). A span holding ``[start, end)`` begins no earlier than ``end`` minus
    the longest span, so only that window of starts is looked at.
    """

    def __init__(self, spans: list[tuple[int, int]]):
        self._spans = spans
        self._order = sorted(range(len(spans)), key=lambda i: spans[i][0])
        self._starts = [spans[i][0] for i in self._order]
        self._longest = max((end - start for start, end in spans), default=0)

    def containing(self, start: int, end: int) -> list[int]:
        """Indices, in order, of the spans with ``span_start <= start`` and ``end <= span_end``."""
        lo = bisect_left(self._starts, end - self._longest)
        hi = bisect_right(self._starts, start)
        return sorted([i for i in self._order[lo:hi] if self._spans[i][1] >= end])


class _Context:
    """Topics of each sentence, its paragraph's included.

    The text is scanned for topic terms once. A sentence lies inside its paragraph, so
    its topics are the terms found in the paragraph, looked up by bisection.
    """

    def __init__(
        self, text: str, sentences: list[Sentence], spans: list[tuple[int, int]], matcher: TopicMatcher
    ):
        self._sentences = sentences
        self._starts = [s.start for s in sentences]
        self._paragraphs = spans
        hits = matcher.scan(text)
        self._hit_starts = [start for start, _ in hits]
        self._hit_topics = [name for _, name in hits]
        self._cache: dict[int, tuple[str, ...]] = {}

    def _paragraph(self, offset: int) -> int | None:
        """The paragraph of the sentence at ``offset``, or None before the first sentence."""
        i = bisect_right(self._starts, offset) - 1
        return self._sentences[i].paragraph if i >= 0 else None

    def topics(self, offset: int) -> tuple[str, ...]:
        paragraph = self._paragraph(offset)
        if paragraph is None:
            return ()
        if paragraph not in self._cache:
            start, end = self._paragraphs[paragraph]
            lo = bisect_left(self._hit_starts, start)
            hi = bisect_left(self._hit_starts, end)
            self._cache[paragraph] = tuple(sorted(set(self._hit_topics[lo:hi])))
        return self._cache[paragraph]
