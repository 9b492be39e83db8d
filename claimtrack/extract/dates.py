"""Find date mentions in a text and resolve them against its publication date.

Rule-based: compiled patterns built from the date lexicon find the phrases ("Oct. 23",
"last June", "two days ago", "by December"), and each pattern's resolver turns its phrase
into an ISO value at the phrase's own precision. The design decision to know: "now" is
always injected — the publication date is the anchor of every relative phrase, and a bare
weekday or month name is placed before or after it by the tense of its clause, the way
TimeML annotators read news ("said on Friday" is the Friday before publication, "will
meet on Friday" the one after). Only phrases no pattern can resolve go to dateparser,
imported lazily and cached.

Mentions without a concrete date of one of the precisions day | week | month | year —
"now", "recently", "the third quarter", "the 1990s" — are kept with value None, so that
readers see them and nothing is placed on a timeline at the wrong precision.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable
from itertools import chain, islice

from claimtrack.extract.lexicon.dates import (
    AMBIGUOUS_MONTHS,
    DAY_PARTS,
    DEICTIC,
    FUTURE_CUES,
    HOLIDAYS,
    MONTHS,
    NOT_PAST_ED,
    NUMBERS,
    ORDINALS,
    PAST_CUES,
    RELATIONS,
    SEASONS,
    UNITS,
    VAGUE,
    WEEKDAYS,
)
from claimtrack.extract.patterns import ODD_CASE_LETTERS, trie
from claimtrack.models import DateMention

__all__ = ["find_dates", "publication_date_from_text", "reference_date"]

Resolved = tuple[str | None, str | None]  # (value, precision)


def _initials(words: Iterable[str]) -> str:
    """The first characters of ``words``, for a character class."""
    return "".join(sorted({re.escape(w[0]) for w in words}))


def _opening(*phrases: Iterable[str]) -> str:
    """A look-ahead for the first characters of ``phrases``, the words a pattern can open
    with: the search passes over the other positions with one check."""
    return f"(?=[{_initials(chain(*phrases))}])"


def _month_alt() -> str:
    full = [m for m in MONTHS if len(m) > 4 or m in ("may", "june", "july")]
    abbrev = [m for m in MONTHS if m not in full]
    return "|".join([*sorted(full, key=len, reverse=True), *(rf"{a}\." for a in abbrev), *abbrev])


# --- building blocks ----------------------------------------------------------------------
_MON = rf"(?P<mon>{_month_alt()})(?![a-z])"
_WDAY = rf"(?P<wd>{trie(WEEKDAYS)})(?![a-z])"
_DAY = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:.]\d|[\d%]|\s*(?:percent|per\s+cent)\b)"
_YEAR = r"(?<![\d,.$£€])(?P<year>1[5-9]\d\d|20\d\d)(?![\d%]|,\d|\.\d)"
_PART = rf"(?:\s+(?P<part>{trie(DAY_PARTS)}))?"
_THE_DEICTIC = ["the " + w for w in ("past", "previous", "following", "coming", "current")]
_DEICTIC = rf"(?P<deic>{trie([*_THE_DEICTIC, *DEICTIC])})"
_MOD_WORDS = ("early", "late", "mid")
_UNIT_PARTS = ("end", "beginning", "start", "middle", "rest")  # "the end of the year"
_MOD_PARTS = (*_UNIT_PARTS, "first half", "second half")
_MOD = rf"(?:(?P<mod>{trie(_MOD_WORDS)}|(?:the\s+)?(?:{trie(_MOD_PARTS)})\s+of)(?:\s+|-))?"
_MOD_OPENERS = (*_MOD_WORDS, "the", *_MOD_PARTS)
_NUMWORDS = [k for k, v in NUMBERS.items() if v is not None and " " not in k]
_FEW = ("a couple of", "a few", "several", "some")
_NUMWORD = trie(_NUMWORDS)
_NUM = rf"(?P<num>\d{{1,3}}|(?:{_NUMWORD})(?:[\s-](?:{_NUMWORD}))?|{trie(_FEW)})"
_NUM_OPENERS = (*"0123456789", *_NUMWORDS, *_FEW)
_ORD = trie(ORDINALS)
_QORD = r"first|second|third|fourth|final|1st|2nd|3rd|4th"
_QADJ = (
    r"fiscal|latest|current|year-ago|year-earlier|comparable|same|recent|previous|past|last|next|coming|flat"
)
_TENS = r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS1 = r"one|two|three|four|five|six|seven|eight|nine"
_TEENS = r"ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"

_RELATION_BEFORE = re.compile(rf"(?i)\b({trie(RELATIONS)})\s+$")
_TIME_INTRO = re.compile(
    r"(?i)\b(?:in|since|until|till|by|through|from|to|of|during|before|after|early|late|mid|and|or|"
    r"between|last|this|next|past|on|until|as\s+of|that|each|every)[\s-]+$"
)
# A look-ahead of the first letters lets the search pass over most words cheaply.
_FUTURE_RX = re.compile(rf"(?i)\b{_opening(FUTURE_CUES)}(?:{trie(FUTURE_CUES)})\b")
_PAST_RX = re.compile(
    rf"\b(?=[a-z]|(?i:[{_initials(PAST_CUES)}]))"
    rf"(?:(?i:{trie(PAST_CUES)})|(?!(?:{'|'.join(NOT_PAST_ED)})\b)[a-z]{{3,}}ed)\b"
)
_CLAUSE_END = re.compile(r"[.!?;\n]\s|\n")


# A month or day this close to the publication date is taken in its year whatever the tense:
# reported speech ("said it would close on Nov. 16") often blurs the tense of a clause.
_NEAR_DAYS = 62
# A cue this close before a mention is its verb ("announced Friday", "said on Friday").
_ADJACENT = 5


# --- calendar helpers ---------------------------------------------------------------------
def _iso_day(d: dt.date) -> str:
    return d.isoformat()


def _iso_week(d: dt.date) -> str:
    iso = d.isocalendar()
    return f"{iso.year:04d}-W{iso.week:02d}"


def _iso_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _add_months(year: int, month: int, n: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + n
    return index // 12, index % 12 + 1


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _nearest_year(pub: dt.date, month: int, day: int) -> dt.date | None:
    """The date with this month and day closest to ``pub`` (a year either side)."""
    options = [d for y in (pub.year - 1, pub.year, pub.year + 1) if (d := _safe_date(y, month, day))]
    return min(options, key=lambda d: abs((d - pub).days)) if options else None


def _month_by_tense(pub: dt.date, month: int, tense: str | None) -> int:
    """The year of a bare month name: this year's within two months of ``pub``; else the
    last one in a past clause, the next in a future one, or the nearest."""
    if abs(month - pub.month) <= _NEAR_DAYS // 30:
        return pub.year
    if tense == "past":
        return pub.year - 1 if month > pub.month else pub.year
    if tense == "future":
        return pub.year + 1 if month < pub.month else pub.year
    if month - pub.month > 6:
        return pub.year - 1
    if pub.month - month > 6:
        return pub.year + 1
    return pub.year


def _weekday(pub: dt.date, weekday: int, step: int) -> dt.date:
    """step -1: before pub; 0: on or before; 1: on or after; 2: after."""
    back = (pub.weekday() - weekday) % 7
    ahead = (weekday - pub.weekday()) % 7
    if step == -1:
        return pub - dt.timedelta(days=back or 7)
    if step == 0:
        return pub - dt.timedelta(days=back)
    if step == 1:
        return pub + dt.timedelta(days=ahead)
    return pub + dt.timedelta(days=ahead or 7)


def _thanksgiving(year: int) -> dt.date:
    first = dt.date(year, 11, 1)
    return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)


def _number(word: str) -> int | None:
    """ "two" → 2, "twenty-one" → 21, "12" → 12, "a few" → None.

    >>> _number("twenty-one"), _number("a"), _number("12"), _number("several")
    (21, 1, 12, None)
    """
    word = re.sub(r"\s+", " ", word.lower())
    if word.isdigit():
        return int(word)
    if word in NUMBERS:
        return NUMBERS[word]
    parts = re.split(r"[\s-]", word)
    values = [NUMBERS.get(p) for p in parts]
    if (
        len(values) == 2
        and all(isinstance(v, int) for v in values)
        and values[0] % 10 == 0
        and values[0] >= 20
    ):
        return values[0] + values[1]  # type: ignore[operator]
    return None


def _month_of(token: str) -> int:
    return MONTHS[token.lower().rstrip(".")]


def _spelled_year(phrase: str) -> int | None:
    """ "nineteen ninety-six" → 1996, "two thousand and one" → 2001.

    >>> _spelled_year("nineteen ninety-six"), _spelled_year("two thousand")
    (1996, 2000)
    """
    words = [w for w in re.split(r"[\s-]+", phrase.lower()) if w and w != "and"]
    if words[:2] == ["two", "thousand"]:
        rest = _number("-".join(words[2:])) if words[2:] else 0
        return 2000 + rest if rest is not None else None
    if words[0] == "nineteen" and len(words) > 1:
        rest = _number("-".join(words[1:]))
        return 1900 + rest if rest is not None and rest < 100 else None
    return None


# --- context --------------------------------------------------------------------------------
def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around a mention, within ``_CLAUSE_REACH`` characters of it: a search
    for a mark the text lacks would otherwise run to its start or end, for every date."""
    lo, hi = max(0, start - _CLAUSE_REACH), min(len(text), end + _CLAUSE_REACH)
    left = max(text.rfind(". ", lo, start), text.rfind("\n", lo, start), text.rfind("; ", lo, start))
    m = _CLAUSE_END.search(text, end, hi)
    return (left + 1 if left >= 0 else lo), (m.start() if m else hi)


_CLAUSE_REACH = 400


def _tense(text: str, start: int, end: int) -> str | None:
    """ "past" or "future" by the cues around the mention in its clause, else None.

    A verb right before the mention decides ("announced Friday", "will meet on Friday");
    otherwise auxiliaries and common past forms ("will", "was", "said") outrank a bare
    "-ed" word, which may be a participle ("will be named in December"). Cues after the
    mention count at double their distance.
    """
    if text.startswith(("'s", "’s"), end):
        return "past"  # "Tuesday's vote": news reports what happened
    left, right = _clause(text, start, end)
    best: dict[bool, tuple[int, str]] = {}
    for rx, tense in ((_FUTURE_RX, "future"), (_PAST_RX, "past")):
        for m in rx.finditer(text, left, right):
            if start <= m.start() < end:
                continue
            if m.end() <= start:
                distance = start - m.end()
            else:
                distance = (m.start() - end) * 2 + 1
                if True in best and distance >= best[True][0]:
                    break  # the cues further right are further away
            strong = tense == "future" or m.group(0).lower() in PAST_CUES or distance <= _ADJACENT
            if strong not in best or distance < best[strong][0]:
                best[strong] = (distance, tense)
    chosen = best.get(True) or best.get(False)
    return chosen[1] if chosen else None


def _introduced(text: str, start: int) -> bool:
    """Whether the word before ``start`` introduces a time ("in May", not "may")."""
    return bool(_TIME_INTRO.search(text, max(0, start - 16), start))


def _capitalised(token: str) -> bool:
    return token[:1].isupper()


# --- resolvers: (match, text, published) -> (value, precision) or None to reject -----------
Resolver = Callable[[re.Match[str], str, dt.date | None], Resolved | None]


def _numeric(m: re.Match[str], text: str, pub: dt.date | None) -> Resolved | None:
    a, b, year = int(m["a"]), int(m["b"]), int(m["y"])
    if year < 100:
        year += 2000 if year < 50 else 1900
    month, day = (a, b) if a <= 12 else (b, a)  # US order unless the first cannot be a month
    d = _safe_date(year, month, day)
    return (_iso_day(d), "day") if d else None


def _iso(m: re.Match[str], text: str, pub: dt.date | None) -> Resolved | None:
    d = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return (_iso_day(d), "day") if d else None


def _month_day(m: re.Match[str], text: str, pub: dt.date | None) -> Resolved | None:
    if not _capitalised(m["mon"]):
        return None
    month, day = _month_of(m["mon"]), int(m["day"])
    precision = "week" if m["weekof"] else "day"
    if m["year"]:
        d = _safe_date(int(m["year"]), month, day)
    elif _safe_date(2000, month, day) is None:
        return None
    elif pub is None:
        return None, precision
    else:
        d = _day_in_context(m, text, pub, month, day)
    if d is None:
        return None
    return (_iso_week(d), "week") if m["weekof"] else (_iso_day(d), "day")


def _day_in_context(m: re.Match[str], text: str, pub: dt.date, month: int, day: int) -> dt.date | None:
    deic = re.sub(r"\s+", " ", (m["deic"] or "").lower())
    step = DEICTIC.get(deic) if deic else None
    if step is None:
        tense = _tense(text, m.start(), m.end())
        step = -1 if tense == "past" else 1 if tense == "future" else None
    return _year_for_day(pub, month, day, step)


def _year_for_day(pub: dt.date, month: int, day: int, step: int | None) -> dt.date | None:
    """A month and day placed in a year: this year's when it lies within two months of
    ``pub``; else the last one before ``pub`` (step < 0), the next one after it
    (step > 0), this year's (step 0), or the nearest (no clue).

    >>> _year_for_day(dt.date(1999, 5, 6), 10, 23, -1), _year_for_day(dt.date(1999, 5, 6), 5, 20, -1)
    (datetime.date(1998, 10, 23), datetime.date(1999, 5, 20))
    """
    this_year = _safe_date(pub.year, month, day)
    if this_year and (step == 0 or abs((this_year - pub).days) <= _NEAR_DAYS):
        return this_year
    options = [d for y in (pub.year - 1, pub.year, pub.year + 1) if (d := _safe_date(y, month, day))]
    if step is not None and step < 0:
        options = [d for d in options if d <= pub] or options
        return options[-1] if options else None
    if step is not None and step > 0:
        options = [d for d in options if d >= pub] or options
        return options[0] if options else None
    return min(options, key=lambda d: abs((d - pub).days)) if options else None


def _month_year(m: re.Match[str], text: str, pub: dt.date | None) -> Resolved | None:
    if not _capitalised(m["mon"]):
        return None
    return _iso_month(int(m["year"]), _month_of(m["mon"])), "month"


def _month_rel_year(m: re.Match[str], text: str, pub: dt.date | None) -> Resolved | None:
    if not _capitalised(m["mon"]):
        return None
    if pub is None:
        return None, "month"
    step = {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]
    return _iso_month(pub.year + step, _month_of(m["mon"])), "month"


def _bare_month(m: re.Match[str], text: str, pub: dt.date | None) -> Resolved | None:
    token = m["mon"]
    if not _capitalised(token):
        return None
    key = token.lower().rstrip(".")
    if key == token.lower() and len(key) <= 4 and key not in ("may", "june", "july"):
        return None  # "Jan" alone is a name; "Jan." alone still needs "in" or the like
    if (key in AMBIGUOUS_MONTHS or token.endswith(".")) and not (
        m["deic"] or m["mod"] or _introduced(text, m.start())
    ):
        return None
    if key == "may" and re.match(r"\s+(?:be|have|not|also|well|never|still)\b", text[m.end() :]):
        return None
    if pub is None:
        return None, "month"
    month = _month_of(token)
    deic = re.sub(r"\s+", " ", (m["deic"] or "").lower())
    if deic:
        step = DEICTIC.get(deic.removeprefix("the "), 0)
        if step < 0:
            year = pub.year - 1 if month >= pub.month else pub.year
        elif step > 0:
            year = pub.year + 1 if month <= pub.month else pub.year
        else:
            year = pub.year
    else:
        year = _month_by_tense(pub, month, _tense(text, m.start(), m.end()))
    return _iso_month(year, month), "month"


def _year(m: re.Match[str], text: str, pub: dt.date | None) -> Resolved | None:
    year = int(m["year"])
    if year < 1800 and not _introduced(text, m.start()):
        return None
    after = text[m.end() : m.end() + 30]
    # "2000 troops", "1500 people": a count, not a year (an adjective like "2024 budget" is fine)
    if re.match(r"\s+(?!years?\b|seasons?\b|levels?\b|figures?\b|results?\b)[a-z]+(?<!ss)s\b", after):
        return None
    if re.match(r"\s*(?:-|to|and)\s*\d{4}\s+[a-z]+s\b", after):
        return None
    before = text[max(0, m.start() - 12) : m.start()]
    if re.search(r"(?i)(?:no\.|number|#|page|pp?\.|route|flight|rooms?|model|\d[\s-])\s*$", before):
        return None
    return f"{year:04d}", "year"


def _spelled(m: re.Match[str], text: str, pub: dt.date | None) -> Resolved | None:
    year = _spelled_year(m["sy"])
    return (f"{year:04d}", "year") if year else None


def _vague(m: re.Match[str], text: str, pub: dt.date | None) -> Resolved | None:
    return None, None


def _relative_day(m: re.Match[str], text: str, pub: dt.date | None) -> Resolved | None:
    if pub is None:
        return None, "day"
    word = re.sub(r"\s+", " ", m["rd"].lower())
    shift = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}.get(word)
    if shift is None:
        shift = -2 if "yesterday" in word else 2
    return _iso_day(pub + dt.timedelta(days=shift)), "day"


def _weekday_mention(m: re.Match[str], text: str, pub: dt.date | None) -> Resolved | None:
    if not _capitalised(m["wd"]):
        return None
    if pub is None:
        return None, "day"
    weekday = WEEKDAYS[m["wd"].lower()]
    deic = re.sub(r"\s+", " ", (m["deic"] or "").lower())
    if deic in ("last", "this past", "the previous", "past"):
        d = _weekday(pub, weekday, -1)
    elif deic in ("next", "this coming", "the following", "coming"):
        d = _weekday(pub, weekday, 2)
    elif deic == "this":
        d = pub + dt.timedelta(days=weekday - pub.weekday())
    else:
        tense = _tense(text, m.start(), m.end())
        d = _weekday(pub, weekday, 1 if tense == "future" else 0)
    return _iso_day(d), "day"


def _unit_deictic(m: re.Match[str], text: str, pub: dt.date | None) -> Resolved | None:
    unit = m["unit"].lower()
    deic = re.sub(r"\s+", " ", m["deic"].lower())
    if unit in ("quarter", "decade", "century"):
        return None, None
    if deic in ("the previous", "the following"):  # anaphoric: relative to another date
        return None, None
    if deic in ("the past", "the last") and unit != "year":
        return None  # "the past week" is a duration
    step = DEICTIC.get(deic.removeprefix("the "), 0)
    precision = "week" if unit == "weekend" else unit
    if pub is None:
        return None, precision
    if unit in ("week", "weekend"):
        return _iso_week(pub + dt.timedelta(weeks=step)), "week"
    if unit == "month":
        return _iso_month(*_add_months(pub.year, pub.month, step)), "month"
    return f"{pub.year + step:04d}", "year"


def _end_of_unit(m: re.Match[str], text: str, pub: dt.date | None) -> Resolved | None:
    unit = (m["unit"] or "year").lower()  # "year-end", "the year's end"
    if pub is None:
        return None, unit
    if unit == "week":
        return _iso_week(pub), "week"
    if unit == "month":
        return _iso_month(pub.year, pub.month), "month"
    return f"{pub.year:04d}", "year"


def _ago(m: re.Match[str], text: str, pub: dt.date | None) -> Resolved | None:
    unit = m["unit"].lower()
    precision = UNITS[unit]
    direction = re.sub(r"\s+", " ", m["dir"].lower())
    if direction in ("earlier", "later") or precision is None:
        return None, None  # anaphoric ("a year earlier") or vaguer than a year
    n = _number(m["num"])
    if pub is None or n is None:
        return None, precision
    sign = -1 if direction == "ago" else 1
    if unit == "day":
        return _iso_day(pub + dt.timedelta(days=sign * n)), "day"
    if unit == "week":
        return _iso_week(pub + dt.timedelta(weeks=sign * n)), "week"
    if unit == "month":
        return _iso_month(*_add_months(pub.year, pub.month, sign * n)), "month"
    return f"{pub.year + sign * n:04d}", "year"


def _season(m: re.Match[str], text: str, pub: dt.date | None) -> Resolved | None:
    """A season resolves to its year ("last summer" → the year of that summer)."""
    if m["year"]:
        return m["year"], "year"
    if pub is None:
        return None, "year"
    season = m["season"].lower()
    start_month = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}[season]
    deic = re.sub(r"\s+", " ", (m["deic"] or "").lower())
    step = DEICTIC.get(deic, 0)
    if deic in ("the", "early", "late", "mid"):
        tense = _tense(text, m.start(), m.end())
        step = -1 if tense == "past" else 1 if tense == "future" else 0
    if step < 0:
        year = pub.year if start_month + 2 < pub.month else pub.year - 1
    elif step > 0:
        year = pub.year if start_month > pub.month else pub.year + 1
    else:
        year = pub.year
    return f"{year:04d}", "year"


def _quarter(m: re.Match[str], text: str, pub: dt.date | None) -> Resolved | None:
    return None, None  # a quarter or half is not one of the precisions a mention carries


def _decade(m: re.Match[str], text: str, pub: dt.date | None) -> Resolved | None:
    if m["decw"] and re.search(
        r"(?i)\b(?:his|her|their|its|my|your|our)\s+(?:early\s+|late\s+|mid-?)?$",
        text[max(0, m.start() - 20) : m.start()],
    ):
        return None
    return None, None


def _holiday(m: re.Match[str], text: str, pub: dt.date | None) -> Resolved | None:
    if not _capitalised(m["hol"]):
        return None
    name = re.sub(r"\s+", " ", m["hol"].lower()).replace("’", "'")
    year = int(m["year"]) if m["year"] else None
    if year is None and pub is None:
        return None, "day"
    fixed = HOLIDAYS.get(name)
    if year is not None:
        d = _safe_date(year, *fixed) if fixed else _thanksgiving(year)
    elif fixed:
        d = _nearest_year(pub, *fixed)  # type: ignore[arg-type]
    else:
        assert pub is not None
        d = min(
            (_thanksgiving(y) for y in (pub.year - 1, pub.year, pub.year + 1)),
            key=lambda x: abs((x - pub).days),
        )
    return (_iso_day(d), "day") if d else None


def _fallback(m: re.Match[str], text: str, pub: dt.date | None) -> Resolved | None:
    """A numeric date in another order ("25.10.2024"): dateparser decides."""
    parsed = _dateparse(m.group(0), pub)
    return (_iso_day(parsed), "day") if parsed else None


@functools.lru_cache(maxsize=4096)
def _dateparse(phrase: str, base: dt.date | None) -> dt.date | None:
    import dateparser  # slow to import: only when a phrase needs it

    settings = {"PREFER_DATES_FROM": "past", "DATE_ORDER": "DMY", "STRICT_PARSING": True}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day)  # type: ignore[assignment]
    try:
        parsed = dateparser.parse(phrase, languages=["en"], settings=settings)
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    return parsed.date() if parsed else None


def _weekend(m: re.Match[str], text: str, pub: dt.date | None) -> Resolved | None:
    """ "the weekend": the one before publication in a past clause, else the next one."""
    if pub is None:
        return None, "week"
    step = 0 if _tense(text, m.start(), m.end()) == "past" else 1
    return _iso_week(_weekday(pub, WEEKDAYS["saturday"], step)), "week"


# --- cues: every match of a rule holds one of the rule's cues ---------------------------------
# A cue that starts with a letter is the beginning of a word in any case, but a capitalised
# cue is a name: a whole word with a capital in the text. In other cues "#" is a digit; a
# cue that starts with a digit starts a number, and one that ends with a digit ends one.
# Rules only run in stretches of text around their cues, which makes a pass over a long
# text many times faster than running every pattern over all of it. A rule's needs (see
# below) then skip the stretches where it cannot match.
_CUE_STOPWORDS = frozenset(
    {"the", "new", "day", "s", "at", "more", "right", "these", "near", "short", "distant"}
)


def _cue_words(phrases: Iterable[str]) -> tuple[str, ...]:
    """The most telling word of each phrase.

    >>> _cue_words(["new year's day", "right now"])
    ('year', 'now')
    """
    words = (max((w for w in re.findall(r"[a-z]+", p) if w not in _CUE_STOPWORDS), key=len) for p in phrases)
    return tuple(dict.fromkeys(words))


_MONTH_CUES = tuple(m.title() for m in MONTHS)
_YEAR_CUES = ("15##", "16##", "17##", "18##", "19##", "20##")
_NUMERIC_CUES = ("/",)
_DECADE_CUES = ("#0s", "#0's")
_DECADE_WORDS = ("twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties")
_UNIT_CUES = ("week", "month", "year", "quarter", "decade", "century")
_QUARTER_CUES = ("quarter", "half", "period", "ago", "earlier", "q1", "q2", "q3", "q4")

# What else a rule's matches hold, lower-case: one of these words or digits. A stretch of
# text without any of them is not searched ("two years ago" needs "ago", "last year" no).
_DAY_NEEDS = tuple("123456789")  # every day of _DAY has one
_YEAR_NEEDS = ("15", "16", "17", "18", "19", "20")  # the century of _YEAR
_DEICTIC_WORDS = tuple(sorted({w for p in [*_THE_DEICTIC, *DEICTIC] for w in p.split() if w != "the"}))
_HOLIDAY_NEEDS = tuple(sorted({re.findall(r"[a-z]+", h)[0] for h in HOLIDAYS}))


# --- the patterns, most specific first (longer matches win regardless) ----------------------
# Each pattern that opens with a word opens with a look-ahead of the first letters it can
# open with, built from the same words (see ``_opening``).
_WD_PREFIX = rf"(?:{_WDAY.replace('?P<wd>', '?P<wd0>')},?\s+)?"
_MONTH_DEIC = ("this past", "this coming", "last", "this", "next")
_DEICTIC_PHRASES = (*_THE_DEICTIC, *DEICTIC)
_YEAR_KINDS = ("fiscal", "calendar")
_WEEKDAY_DEIC = (*_MONTH_DEIC, "the previous", "the following", "early", "late")
_UNIT_MODS = ("early", "late", "earlier", "later")
_ABOUT = ("about", "nearly", "almost", "some", "roughly", "more than", "less than", "over", "just", "only")
_RULES: list[tuple[re.Pattern[str], Resolver, tuple[str, ...], tuple[str, ...]]] = [
    (
        re.compile(r"(?<![\d/.])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/])"),
        _numeric,
        _NUMERIC_CUES,
        (),
    ),
    (re.compile(r"(?<![\d-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\d-])"), _iso, _YEAR_CUES, ("-",)),
    (re.compile(r"(?<![\d.])\d{1,2}\.\d{1,2}\.\d{4}(?![\d.])"), _fallback, _YEAR_CUES, (".",)),
    (
        re.compile(
            rf"(?i)\b{_opening(['the'], WEEKDAYS, _MOD_OPENERS, _MONTH_DEIC, MONTHS)}"
            rf"(?P<weekof>the\s+week\s+of\s+)?{_WD_PREFIX}{_MOD}"
            rf"(?:(?P<deic>{trie(_MONTH_DEIC)})\s+)?{_MON}\s+{_DAY}(?:,?\s+{_YEAR})?"
        ),
        _month_day,
        _MONTH_CUES,
        _DAY_NEEDS,
    ),
    (
        re.compile(
            rf"(?i)\b{_opening(WEEKDAYS, ['the'], '0123456789')}"
            rf"(?P<weekof>)(?P<deic>){_WD_PREFIX}(?:the\s+)?{_DAY}(?:\s+of)?\s+{_MON}(?:,?\s+{_YEAR})?"
        ),
        _month_day,
        _MONTH_CUES,
        _DAY_NEEDS,
    ),
    (
        re.compile(rf"(?i)\b{_opening(_MOD_OPENERS, MONTHS)}{_MOD}{_MON}(?:,?\s+|\s+of\s+){_YEAR}"),
        _month_year,
        _MONTH_CUES,
        _YEAR_NEEDS,
    ),
    (
        re.compile(rf"(?i)\b{_opening(_MOD_OPENERS, MONTHS)}{_MOD}{_MON}\s+(?P<rel>this|last|next)\s+year\b"),
        _month_rel_year,
        _MONTH_CUES,
        ("year",),
    ),
    (
        re.compile(
            rf"(?i)\b{_opening(_MOD_OPENERS, _DEICTIC_PHRASES, MONTHS)}{_MOD}(?:{_DEICTIC}\s+)?{_MON}"
        ),
        _bare_month,
        _MONTH_CUES,
        (),
    ),
    (
        re.compile(
            rf"(?i)\b{_opening(_MOD_OPENERS, _YEAR_KINDS, _YEAR_CUES)}"
            rf"{_MOD}(?:(?:{trie(_YEAR_KINDS)})\s+)?{_YEAR}"
        ),
        _year,
        _YEAR_CUES,
        (),
    ),
    (
        re.compile(
            rf"(?i)\b(?:the\s+year\s+)?(?P<sy>nineteen[\s-]+(?:(?:{_TENS})(?:[\s-]+(?:{_UNITS1}))?|{_TEENS})"
            rf"|(?<=year\s)two[\s-]+thousand(?:[\s-]+(?:and[\s-]+)?(?:{_UNITS1}|{_TEENS}))?)\b"
        ),
        _spelled,
        ("nineteen", "thousand"),
        (),
    ),
    (
        re.compile(
            rf"(?i)\b(?:the\s+)?{_MOD}(?:(?P<dec>(?:1[5-9]|20)\d0)'?s|'(?P<dec2>\d0)s"
            r"|(?P<decw>(?:nineteen[\s-])?(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)))\b"
        ),
        _decade,
        (*_DECADE_WORDS, *_DECADE_CUES),
        (),
    ),
    (
        re.compile(
            r"(?i)\b(?:(?P<mod>early|late|earlier|later)\s+)?"
            r"(?P<rd>today|yesterday|tomorrow|tonight|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)\b"
            + _PART
        ),
        _relative_day,
        ("today", "yesterday", "tomorrow", "tonight"),
        (),
    ),
    (
        re.compile(
            rf"(?i)\b{_opening(_WEEKDAY_DEIC, WEEKDAYS)}(?:(?P<deic>{trie(_WEEKDAY_DEIC)})\s+)?{_WDAY}{_PART}"
        ),
        _weekday_mention,
        tuple(WEEKDAYS),
        (),
    ),
    (
        re.compile(
            rf"(?i)\b{_opening(_UNIT_MODS, ['the'], _UNIT_PARTS, _DEICTIC_PHRASES)}"
            rf"(?:(?P<mod>{trie(_UNIT_MODS)}|(?:the\s+)?(?:{trie(_UNIT_PARTS)})\s+of)\s+)?"
            rf"{_DEICTIC}\s+(?:fiscal\s+)?(?P<unit>week|month|year|weekend|quarter|decade|century)\b(?!-)"
        ),
        _unit_deictic,
        _UNIT_CUES,
        _DEICTIC_WORDS,
    ),
    (
        re.compile(
            rf"(?i)\b(?:the\s+)?(?:{trie(_UNIT_PARTS)})\s+of\s+the\s+(?P<unit>week|month|year)\b"
            r"|\b(?P<unit2>year)[-\s]end\b|\bthe\s+year's\s+end\b"
        ),
        _end_of_unit,
        ("week", "month", "year"),
        _UNIT_PARTS,
    ),
    (
        re.compile(
            rf"(?i)\b{_opening(_ABOUT, _NUM_OPENERS)}(?:(?:{trie(_ABOUT)})\s+)?"
            rf"{_NUM}\s+(?P<unit>day|week|month|year|decade)s?(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|later|from\s+now|hence)\b"
        ),
        _ago,
        ("ago", "now", "hence", "week", "month", "year", "decade"),
        ("ago", "earlier", "later", "from", "hence"),
    ),
    (
        re.compile(
            r"(?i)\b(?P<deic>this\s+past|this\s+coming|this|last|next|the|early|late|mid)[\s-]+"
            r"(?:(?:early|late)\s+)?"
            rf"(?P<season>{trie(SEASONS)})\b(?:\s+(?:of\s+)?{_YEAR})?"
        ),
        _season,
        tuple(SEASONS),
        (),
    ),
    (
        re.compile(
            rf"(?i)\b(?:(?:the|this|that|last|next|(?:this|last|next)\s+year's)\s+)?(?:(?:\d{{4}}|{_QADJ})[\s-]+)*"
            rf"(?:{_QORD})[\s-]+(?:fiscal[\s-]+)?(?:quarter|half)\b(?:\s+of\s+(?:fiscal\s+)?{_YEAR})?"
            rf"|\b(?:the|this|that|last|next)\s+(?:(?:\d{{4}}|{_QADJ})[\s-]+)*quarter\b"
            r"|\b(?:the\s+)?year-(?:ago|earlier)(?:\s+(?:quarter|period))?\b"
            r"|\bthe\s+(?:latest|year-ago|same|comparable|year-earlier|\d{4})\s+period\b"
            r"|\bQ[1-4](?:\s+\d{4})?\b"
        ),
        _quarter,
        _QUARTER_CUES,
        ("quarter", "half", "year-", "period", "q1", "q2", "q3", "q4"),
    ),
    (re.compile(r"(?i)\bthe\s+weekend\b"), _weekend, ("weekend",), ()),
    (
        re.compile(rf"(?i)\b{_opening(HOLIDAYS)}(?P<hol>{trie(HOLIDAYS)})(?![a-z])(?:,?\s+{_YEAR})?"),
        _holiday,
        _cue_words(HOLIDAYS),
        _HOLIDAY_NEEDS,
    ),
    (re.compile(rf"(?i)\b{_opening(VAGUE)}(?:{trie(VAGUE)})\b"), _vague, _cue_words(VAGUE), ()),
]


# How far around a cue a phrase can reach; the window is widened to the next white space.
_MARGIN = 28
_DIGITS = frozenset("0123456789")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _cue_regex(cue: str) -> str:
    """What ``cue`` means at a position of the text (see the cues above), as a regex.

    >>> [bool(re.match(_cue_regex("Oct"), t)) for t in ("Oct. 5", "October", "oct")]
    [True, False, False]
    """
    letter = r"[^\W\d_]"
    if cue[0].isupper():
        return rf"(?<!{letter}){re.escape(cue[0])}(?i:{re.escape(cue[1:])})(?!{letter})"
    if cue[0].isalpha():
        return rf"(?<!{letter})(?i:{re.escape(cue)})"
    body = "".join(r"\d" if c == "#" else re.escape(c) for c in cue)
    starts, ends = cue[0].isdigit(), cue[-1].isdigit() or cue[-1] == "#"
    return ("(?<!\\d)" if starts else "") + body + ("(?!\\d)" if ends else "")


def _stem_positions(low: str) -> dict[str, list[int]]:
    """Where each stem may occur: where the part of it searched for occurs in ``low``.

    The stems that begin with a letter are found in one pass, and only where no letter
    comes before them (see ``_WORD_STEMS_RX``); the others, one search each.
    """
    positions: dict[str, list[int]] = {}
    for m in _WORD_STEMS_RX.finditer(" " + low):  # the space stands before the first word
        positions.setdefault(_WORD_STEMS[m.group(1)], []).append(m.start())
    for stem in _OTHER_STEMS:
        offset, part = _LITERALS[stem]
        found = positions[stem] = []
        i = low.find(part)
        while i >= 0:
            if i >= offset:
                found.append(i - offset)
            i = low.find(part, i + 1)
    return positions


def _windows(text: str, cues: tuple[str, ...], stem_hits: dict[str, list[int]]) -> list[tuple[int, int]]:
    """The merged stretches of ``text`` around the occurrences of ``cues``, cut at white space.

    A cue is looked for only where its stem occurs, as ``stem_hits`` (from
    ``_stem_positions``) gives.
    """
    hits: list[int] = []
    for stem, match in _CUES_BY_STEM[cues]:
        for i in stem_hits.get(stem, ()):
            if match(text, i):
                hits.append(i)
    hits.sort()
    spans: list[tuple[int, int]] = []
    for hit in hits:
        if spans and hit < spans[-1][1] - _MARGIN - 12:
            continue  # already well inside the last window
        start = text.rfind(" ", 0, max(0, hit - _MARGIN)) + 1
        end = text.find(" ", hit + 12 + _MARGIN)
        end = len(text) if end < 0 else end
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], end))
        else:
            spans.append((start, end))
    return spans


# Each cue is found among the occurrences of the shortest cue that begins it ("Sep" for
# "Sept" and "September"), so that a text is searched once for both.
_ALL_CUES = sorted({cue for _, _, cues, _ in _RULES for cue in cues}, key=len)
_STEMS = {
    cue: next(c for c in _ALL_CUES if "#" not in c and cue.lower().startswith(c.lower()))
    if "#" not in cue
    else cue
    for cue in _ALL_CUES
}
# The cues of each rule by stem, each stem with one check for all its cues.
_CUES_BY_STEM = {
    cues: tuple(
        (stem, re.compile("|".join(_cue_regex(cue) for cue in cues if _STEMS[cue] == stem)).match)
        for stem in dict.fromkeys(_STEMS[cue] for cue in cues)
    )
    for _, _, cues, _ in _RULES
}
# The part of a stem searched for: its first stretch without "#", and where that starts.
_LITERALS = {
    stem: (run.start(), run.group())
    for stem in set(_STEMS.values())
    if (run := re.search(r"[^#]+", stem.lower()))
}
# The stems that begin with a letter are found in one pass, as the character before them,
# one the regex engine skips to: their cues begin a word, so a stem after a letter is of
# no use, and a search of its own for each stem costs more. No stem begins another (a
# cue's stem is the shortest cue that begins it), so the trie names each occurrence's own
# stem. The class is ASCII: a letter outside it passes and is weeded out by the cue's check.
_WORD_STEMS = {part: stem for stem, (_, part) in _LITERALS.items() if part[0].isalpha()}
_WORD_STEMS_RX = re.compile(rf"[^a-z](?=({trie(_WORD_STEMS)}))")
_OTHER_STEMS = tuple(stem for stem, (_, part) in _LITERALS.items() if part not in _WORD_STEMS)


# Each rule's needs as one pattern, for ``low``.
_NEEDS_RX = [re.compile("|".join(map(re.escape, needs))) if needs else None for *_, needs in _RULES]


# --- the API ---------------------------------------------------------------------------------
def find_dates(text: str, published: dt.date | None) -> list[DateMention]:
    """Every date mention in ``text``, resolved against ``published``, sorted by start.

    >>> found = find_dates("Troops may go by December.", dt.date(2024, 10, 25))
    >>> [(d.text, d.value, d.precision, d.relation) for d in found]
    [('December', '2024-12', 'month', 'by')]
    """
    low = text.lower()
    if len(low) != len(text):  # a few letters lower-case to two characters ("İ")
        low = text.translate(_ASCII_LOWER)
    # A rule's needs are looked for in ``low``, which only an odd letter makes inexact.
    plain = not any(letter in text for letter in ODD_CASE_LETTERS)
    stem_hits = _stem_positions(low)
    windows: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    found: dict[tuple[int, int, int], Resolved] = {}  # windows of two cues may overlap
    for rank, (rx, resolve, cues, _) in enumerate(_RULES):
        if cues not in windows:
            windows[cues] = _windows(text, cues, stem_hits)
        needs = _NEEDS_RX[rank] if plain else None
        for pos, endpos in windows[cues]:
            if needs and not needs.search(low, pos, endpos):
                continue
            for m in rx.finditer(text, pos, endpos):
                start, end = m.span()
                while end > start and text[end - 1] in " \t\n,":
                    end -= 1
                if end > start and (start, end, rank) not in found:
                    resolved = resolve(m, text, published)
                    if resolved is not None:
                        found[(start, end, rank)] = resolved
    # Longest first, then earliest, then the more specific rule; a phrase inside a longer one
    # ("Oct. 23" in "Friday, Oct. 23") is dropped.
    starts: list[int] = []  # of the spans taken so far, kept sorted; they never overlap
    taken: list[tuple[int, int, Resolved]] = []
    for start, end, rank in sorted(found, key=lambda k: (k[0] - k[1], k[0], k[2])):
        i = bisect.bisect_left(starts, start)
        if (i < len(taken) and taken[i][0] < end) or (i > 0 and taken[i - 1][1] > start):
            continue
        starts.insert(i, start)
        taken.insert(i, (start, end, found[(start, end, rank)]))
    out = []
    for start, end, (value, precision) in taken:
        rel = _RELATION_BEFORE.search(text, max(0, start - 16), start)
        relation = RELATIONS[re.sub(r"\s+", " ", rel.group(1).lower())] if rel else None
        out.append(DateMention(text[start:end], start, end, value, precision, relation))
    return out


_DATELINE = re.compile(
    rf"^\s*[A-Z][A-Za-z .'’-]{{1,40}}(?:,\s*[A-Z][A-Za-z .]{{1,30}})?,?\s+{_MON}\s+{_DAY},?\s+{_YEAR}"
)


_DATELINE_NO_YEAR = re.compile(
    rf"^\s*[A-Z][A-Za-z .'’-]{{1,40}}(?:,\s*[A-Z][A-Za-z .]{{1,30}})?,?\s+(?i:{_MON})\s+{_DAY}\b(?!,?\s+\d)"
)


def dateline_without_year(text: str) -> str | None:
    """A dateline that names a day but no year ("SEOUL, Oct 25 (Reuters) -"), as written.

    >>> dateline_without_year("SEOUL, Oct 25 (Reuters) - The ministry said ...")
    'SEOUL, Oct 25'
    >>> dateline_without_year("SEOUL, Oct. 25, 2024 (Reuters) - ...") is None
    True
    """
    m = _DATELINE_NO_YEAR.match(text)
    return m.group(0).strip() if m else None


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_HAS_YEAR = re.compile(r"\d{4}|\d/\d{1,2}/\d\d")


def publication_date_from_text(text: str) -> tuple[dt.date, int, int] | None:
    """The publication date the text states about itself, with its span, or None.

    Looks in the first two paragraphs for a full date with a year ("on Friday (10/25/2024)",
    "October 25, 2024", "2024-10-25"; numbers in US order). A dateline without a year
    ("SEOUL, Oct 25 (Reuters) -") is not enough: guessing its year would date the whole
    article, so it is left to the caller's --date.

    >>> publication_date_from_text("SEOUL, Oct. 25, 2024 (Reuters) - ...")
    (datetime.date(2024, 10, 25), 7, 20)
    """
    breaks = [m.start() for m in islice(_PARAGRAPH_BREAK.finditer(text), 2)]
    head_end = min(breaks[1] if len(breaks) == 2 else len(text), 1500)
    head = text[:head_end]
    m = _DATELINE.match(head)
    if m:
        d = _safe_date(int(m["year"]), _month_of(m["mon"]), int(m["day"]))
        if d:
            return d, m.start("mon"), m.end("year")
    if not _HAS_YEAR.search(head):
        return None  # no four-digit year and no 10/25/24: no full date to find
    for mention in find_dates(head, None):
        if mention.precision == "day" and mention.value:
            return dt.date.fromisoformat(mention.value), mention.start, mention.end
    return None


def reference_date(
    sentence_start: int,
    sentence_end: int,
    dates: list[DateMention],
    published: dt.date | None,
    deadline_first: bool = True,
) -> tuple[str | None, str | None]:
    """The date a statement or figure in the sentence refers to, as (value, date text).

    ``dates`` are sorted by start, as ``find_dates`` returns them: finding the sentence's
    takes a binary search, not a pass over the article.

    A deadline ("by December") first, else the first day, week or month the sentence
    states that lies within a year of publication, else the publication date with no date
    text. A statement is dated by when it was made (``deadline_first=False``): "estimated
    this week that 10,000 could go by December" was said this week. Years and anchors
    ("since 2018", "after the war") say when something began or compare with the past;
    they are not when a figure holds. The date text carries the relation word: "by
    December".

    >>> ds = find_dates("It said 10,000 would go by December.", dt.date(2024, 10, 25))
    >>> reference_date(0, 36, ds, dt.date(2024, 10, 25))
    ('2024-12', 'by December')
    >>> ds = find_dates("It estimated this week that 10,000 would go by December.", dt.date(2024, 10, 25))
    >>> reference_date(0, 56, ds, dt.date(2024, 10, 25), deadline_first=False)
    ('2024-W43', 'this week')
    >>> ds = find_dates("The worst quake since 1939 killed 7,000 on Monday.", dt.date(2023, 2, 7))
    >>> reference_date(0, 50, ds, dt.date(2023, 2, 7))
    ('2023-02-06', 'Monday')
    """
    first = bisect.bisect_left(dates, sentence_start, key=lambda d: d.start)  # dates are sorted
    inside = []
    for i in range(first, len(dates)):  # not islice(dates, first): it steps over the first ones
        d = dates[i]
        if d.start >= sentence_end:
            break
        if d.end <= sentence_end and d.value:
            inside.append(d)
    deadline = next((d for d in inside if d.relation == "by"), None)
    stated = next((d for d in inside if _states_when(d, published)), None)
    chosen = (deadline or stated) if deadline_first else stated
    if chosen is not None:
        return chosen.value, (f"{chosen.relation} {chosen.text}" if chosen.relation else chosen.text)
    return (published.isoformat() if published else None), None


def _states_when(mention: DateMention, published: dt.date | None) -> bool:
    """Whether a date in a sentence says when what the sentence reports holds."""
    if mention.relation or mention.precision not in ("day", "week", "month") or not mention.value:
        return False
    if published is None:
        return True
    start = _period_start(mention.value)
    return start is not None and abs((start - published).days) <= 366


def _period_start(value: str) -> dt.date | None:
    try:
        if "W" in value:
            year, week = value.split("-W")
            return dt.date.fromisocalendar(int(year), int(week), 1)
        return dt.date.fromisoformat(value if len(value) == 10 else value + "-01")
    except ValueError:
        return None
