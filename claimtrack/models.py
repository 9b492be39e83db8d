"""The records claimtrack extracts and stores.

Every record is a frozen dataclass that carries its own character offsets into the
source text it came from, so ``text[record.start:record.end]`` always gives back what
the record says. Offsets are Python ``str`` indices into the text as stored (the file's
decoded text with any front matter removed).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from functools import lru_cache
from operator import attrgetter
from typing import Any, TypeVar

R = TypeVar("R")

STANCES = ("assert", "estimate", "deny", "confirm")
QUALIFIERS = ("exact", "about", "nearly", "over", "at_least", "under", "up_to", "range")
PRECISIONS = ("day", "week", "month", "year")
RELATIONS = ("by", "since", "until", "before", "after")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the text: ``text[start:end]``; ``paragraph`` counts from 0."""

    start: int
    end: int
    text: str
    paragraph: int = 0


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date phrase resolved against the publication date.

    ``value`` is ISO at its precision: "2024", "2024-12", "2024-12-25", "2024-W43";
    None when the phrase could not be resolved (no publication date, say).
    """

    text: str
    start: int
    end: int
    value: str | None
    precision: str | None  # day | week | month | year
    relation: str | None = None  # by | since | until | before | after


@dataclass(frozen=True, slots=True)
class Statement:
    """Reported speech: who said, estimated, claimed, confirmed or denied what."""

    speaker: str | None  # the resolved name ("Kim Jong-gyu", not "he"); None for hearsay
    speaker_start: int | None  # the mention in the text, which may be a pronoun
    speaker_end: int | None
    cue: str  # as written: "said", "according to", "denied"
    cue_start: int
    cue_end: int
    verb: str  # lemma of the cue: "say", "according to", "deny"
    stance: str  # assert | estimate | deny | confirm
    content: str
    content_start: int
    content_end: int
    sentence: str
    start: int  # the sentence
    end: int
    cited: str | None = None  # whom the speaker cites ("Yonhap reported, citing the NIS")
    date: str | None = None
    topics: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Figure:
    """A number with what it counts, its qualifier and who gave it."""

    text: str  # as written: "about 10,000 troops"
    start: int
    end: int
    value: float | None  # None for a range
    low: float | None
    high: float | None
    qualifier: str  # exact | about | nearly | over | at_least | under | up_to | range
    unit: str | None  # lemma of what is counted or measured: "troop", "dollar", "percent"
    subject: str | None  # "North Korean troops"
    sentence: str
    sentence_start: int
    sentence_end: int
    change: str | None = None  # up | down: an amount of change, as in "rose by 5%"
    claimant: str | None = None  # who gave the figure; None when the article states it
    modality: str | None = None  # None, or "projection"
    date: str | None = None
    date_text: str | None = None
    topics: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one text."""

    statements: list[Statement] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)


def evolve(record: R, **changes: Any) -> R:
    """``dataclasses.replace`` at a third of the cost: records are copied with a new date
    or topics by the ten thousand, and ``replace`` looks the fields up every time.

    >>> evolve(Sentence(0, 3, "Hi."), paragraph=2)
    Sentence(start=0, end=3, text='Hi.', paragraph=2)
    """
    cls = type(record)
    layout = _LAYOUTS.get(cls)
    if layout is None:
        names = tuple(f.name for f in fields(cls))
        layout = _LAYOUTS[cls] = (attrgetter(*names), {name: i for i, name in enumerate(names)})
    values = list(layout[0](record))
    for name, value in changes.items():
        values[layout[1][name]] = value
    return cls(*values)


_LAYOUTS: dict[type, tuple[attrgetter[Any], dict[str, int]]] = {}


def to_dict(record: Any) -> dict[str, Any]:
    """A record as a plain dict (tuples become lists, for JSON)."""
    return {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(record).items()}


@lru_cache(maxsize=4096)  # a store's records share few dates, and queries ask for them often
def period(value: str | None) -> tuple[str, str] | None:
    """First and last day of an ISO date value at any precision, or None.

    >>> period("2024-12"), period("2024-W43")
    (('2024-12-01', '2024-12-31'), ('2024-10-21', '2024-10-27'))
    >>> period("2024"), period("2024-02-29")
    (('2024-01-01', '2024-12-31'), ('2024-02-29', '2024-02-29'))
    >>> period("soon") is None
    True
    """
    import calendar
    import datetime as dt
    import re

    if not value:
        return None
    try:
        if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat()
        if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
            last = calendar.monthrange(int(m[1]), int(m[2]))[1]
            return f"{value}-01", f"{value}-{last:02d}"
        if re.fullmatch(r"\d{4}", value):
            return f"{value}-01-01", f"{value}-12-31"
        dt.date.fromisoformat(value)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return value, value
    except ValueError:
        return None
    return None
