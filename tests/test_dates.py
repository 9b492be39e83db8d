"""Date mentions: finding them, resolving them against the publication date, and the
publication date and reference date helpers. Rows are (text, published, expected), with
expected a list of (text, value, precision, relation)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.extract.dates import find_dates, publication_date_from_text, reference_date

FRI = dt.date(2024, 10, 25)  # a Friday
MON = dt.date(2024, 10, 21)


def mentions(text: str, published: dt.date | None) -> list[tuple]:
    return [(d.text, d.value, d.precision, d.relation) for d in find_dates(text, published)]


ABSOLUTE = [
    ("The vote is on October 23, 2024.", FRI, [("October 23, 2024", "2024-10-23", "day", None)]),
    ("It happened Oct. 23 in the capital.", FRI, [("Oct. 23", "2024-10-23", "day", None)]),
    (
        "It opened on Friday, Oct. 18, 2024, downtown.",
        FRI,
        [("Friday, Oct. 18, 2024", "2024-10-18", "day", None)],
    ),
    ("Talks resume 3 November 2024.", FRI, [("3 November 2024", "2024-11-03", "day", None)]),
    ("Sales fell in December 2023.", FRI, [("December 2023", "2023-12", "month", None)]),
    ("The law passed in 2019.", FRI, [("2019", "2019", "year", None)]),
    ("He was born on Christmas Day 1950.", FRI, [("Christmas Day 1950", "1950-12-25", "day", None)]),
    # a month and day far from publication: the last one in a past-tense clause
    ("The plant was shut on Nov. 30.", dt.date(2025, 5, 6), [("Nov. 30", "2024-11-30", "day", None)]),
    ("The plant will reopen on Feb. 3.", dt.date(2024, 11, 20), [("Feb. 3", "2025-02-03", "day", None)]),
]

NUMERIC = [
    ("It said on Friday (10/25/2024) that", FRI, [("Friday", "2024-10-25", "day", None),
                                                 ("10/25/2024", "2024-10-25", "day", None)]),
    ("Filed 2024-03-05 by the clerk.", FRI, [("2024-03-05", "2024-03-05", "day", None)]),
    ("Dated 25/10/2024.", FRI, [("25/10/2024", "2024-10-25", "day", None)]),  # day first: 25 is no month
    ("Signed 25.10.2024 in Berlin.", FRI, [("25.10.2024", "2024-10-25", "day", None)]),
]  # fmt: skip

YEARS_AND_DECADES = [
    ("Output peaked in the 1990s.", FRI, [("the 1990s", None, None, None)]),
    ("Prices rose in the mid-1980s.", FRI, [("the mid-1980s", None, None, None)]),
    ("Profits rose in fiscal 2023.", FRI, [("fiscal 2023", "2023", "year", None)]),
    ("Results for the third quarter came in.", FRI, [("the third quarter", None, None, None)]),
]

RELATIVE = [
    ("He left yesterday.", FRI, [("yesterday", "2024-10-24", "day", None)]),
    ("She arrives tomorrow.", FRI, [("tomorrow", "2024-10-26", "day", None)]),
    ("Markets fell today.", FRI, [("today", "2024-10-25", "day", None)]),
    ("It rained two days ago.", FRI, [("two days ago", "2024-10-23", "day", None)]),
    # A compound number word is read whole, not as its last word ("five days ago").
    ("It rained twenty-five days ago.", FRI, [("twenty-five days ago", "2024-09-30", "day", None)]),
    ("The agency said this week that", FRI, [("this week", "2024-W43", "week", None)]),
    ("He resigned last week.", FRI, [("last week", "2024-W42", "week", None)]),
    ("It opens next month.", FRI, [("next month", "2024-11", "month", None)]),
    ("Inflation eased last month.", dt.date(2024, 1, 10), [("last month", "2023-12", "month", None)]),
    ("It grew earlier this year.", FRI, [("earlier this year", "2024", "year", None)]),
    ("Ten years ago it was a village.", FRI, [("Ten years ago", "2014", "year", None)]),
    ("Exports fell last year.", FRI, [("last year", "2023", "year", None)]),
    ("A deal could come next year.", FRI, [("next year", "2025", "year", None)]),
    ("Shops were busy last summer.", FRI, [("last summer", "2024", "year", None)]),
]

WEEKDAYS = [
    # past tense: the weekday on or before publication; future tense: on or after it
    ("The minister said on Tuesday that", FRI, [("Tuesday", "2024-10-22", "day", None)]),
    ("The minister will speak on Tuesday.", FRI, [("Tuesday", "2024-10-29", "day", None)]),
    ("Protesters gathered Friday.", FRI, [("Friday", "2024-10-25", "day", None)]),
    ("They met last Monday.", FRI, [("last Monday", "2024-10-21", "day", None)]),
    ("They meet next Monday.", FRI, [("next Monday", "2024-10-28", "day", None)]),
    ("Wednesday's vote was close.", MON, [("Wednesday", "2024-10-16", "day", None)]),
    ("Clashes broke out Saturday night.", MON, [("Saturday night", "2024-10-19", "day", None)]),
]

MONTHS = [
    ("They signed the pact last June.", FRI, [("last June", "2024-06", "month", None)]),
    ("They signed the pact last June.", dt.date(2024, 5, 2), [("last June", "2023-06", "month", None)]),
    ("It was built in March.", FRI, [("March", "2024-03", "month", None)]),
    ("The summit will be held in April.", FRI, [("April", "2025-04", "month", None)]),
    ("Prices were high in December.", dt.date(2024, 2, 1), [("December", "2023-12", "month", None)]),
    ("Work starts in early March.", dt.date(2024, 2, 1), [("early March", "2024-03", "month", None)]),
    ("It closed in July last year.", FRI, [("July last year", "2023-07", "month", None)]),
]

ANCHORED = [
    ("Troops could be deployed by December.", FRI, [("December", "2024-12", "month", "by")]),
    ("It has supplied weapons since last year.", FRI, [("last year", "2023", "year", "since")]),
    ("The ban lasts until March 2025.", FRI, [("March 2025", "2025-03", "month", "until")]),
    ("Shops close before Christmas.", FRI, [("Christmas", "2024-12-25", "day", "before")]),
    ("Talks resume after Oct. 30.", FRI, [("Oct. 30", "2024-10-30", "day", "after")]),
    ("As of June 30, 2024, debt stood at", FRI, [("June 30, 2024", "2024-06-30", "day", "by")]),
    ("It must finish before the end of 2025.", FRI, [("the end of 2025", "2025", "year", "before")]),
]

VAGUE = [
    ("Troops are currently at the border.", FRI, [("currently", None, None, None)]),
    ("Prices are high now.", FRI, [("now", None, None, None)]),
]

NO_PUBLICATION_DATE = [
    ("He left yesterday.", None, [("yesterday", None, "day", None)]),
    ("It opened on Friday.", None, [("Friday", None, "day", None)]),
    ("The law passed in 2019.", None, [("2019", "2019", "year", None)]),
    ("It happened on October 23, 2024.", None, [("October 23, 2024", "2024-10-23", "day", None)]),
]

NOT_DATES = [
    ("It may happen, officials said.", FRI, []),
    ("One of the two countries is attacked.", FRI, []),
    ("Thousands march in the capital.", FRI, []),
    ("March on, they said.", FRI, []),
    ("About 2,000 troops and 10,000 more.", FRI, []),
    ("The army sent 2000 soldiers.", FRI, []),
    ("Fighting lasted three years.", FRI, []),  # a duration, not a date
    ("Jan Kowalski spoke.", FRI, []),
    ("The score rose 15 percent.", FRI, []),
    ("Flight 1549 landed.", FRI, []),
]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    ABSOLUTE
    + NUMERIC
    + YEARS_AND_DECADES
    + RELATIVE
    + WEEKDAYS
    + MONTHS
    + ANCHORED
    + VAGUE
    + NO_PUBLICATION_DATE
    + NOT_DATES,
)
def test_find_dates(text, published, expected):
    assert mentions(text, published) == expected


def test_seed_like_article():
    text = (
        "The ministry confirmed on Friday (10/25/2024) that it would act. The agency estimated "
        "this week that 10,000 troops could go by December. It has shipped arms since last year, "
        "under a pact signed last June."
    )
    published = publication_date_from_text(text)
    assert published is not None
    assert published[0] == FRI
    got = {d.text: (d.value, d.precision, d.relation) for d in find_dates(text, published[0])}
    assert got["this week"] == ("2024-W43", "week", None)
    assert got["December"] == ("2024-12", "month", "by")
    assert got["last year"] == ("2023", "year", "since")
    assert got["last June"] == ("2024-06", "month", None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("North Korea confirmed on Friday (10/25/2024) that", (FRI, "10/25/2024")),
        ("By Jane Doe\nOctober 25, 2024\n\nThe ministry said", (FRI, "October 25, 2024")),
        ("SEOUL, Oct. 25, 2024 (Reuters) - The ministry", (FRI, "Oct. 25, 2024")),
        ("Published 2024-10-25. The ministry", (FRI, "2024-10-25")),
        # a dateline without a year dates nothing
        ("SEOUL, Oct 25 (Reuters) - The ministry said on Friday that", None),
        ("No date here at all.", None),
    ],
)
def test_publication_date_from_text(text, expected):
    found = publication_date_from_text(text)
    if expected is None:
        assert found is None
    else:
        date, start, end = found
        assert (date, text[start:end]) == expected


def test_publication_date_only_early_in_text():
    text = "First paragraph.\n\nSecond paragraph.\n\nLater, on October 25, 2024, it closed."
    assert publication_date_from_text(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a deadline wins over another date in the sentence
        ("The agency said on Tuesday that 10,000 could go by December.", ("2024-12", "by December")),
        # years and anchors say when something began, not when a figure holds
        ("The toll, the worst since 1999, reached 7,000 on Tuesday.", ("2024-10-22", "Tuesday")),
        ("The group has had 3,000 fighters since 2018.", ("2024-10-25", None)),
        ("The agency said on Tuesday that 10,000 had gone.", ("2024-10-22", "Tuesday")),
        ("The agency says 10,000 have gone.", ("2024-10-25", None)),
        # a mention without a value is no reference date
        ("There are currently 3,000 there.", ("2024-10-25", None)),
    ],
)
def test_reference_date(text, expected):
    dates = find_dates(text, FRI)
    assert reference_date(0, len(text), dates, FRI) == expected


def test_reference_date_only_looks_inside_the_sentence():
    text = "It grew by December. Then 3,000 more came."
    dates = find_dates(text, FRI)
    second = text.index("Then")
    assert reference_date(second, len(text), dates, FRI) == ("2024-10-25", None)
    assert reference_date(second, len(text), dates, None) == (None, None)


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("0123456789/.,-' \nabcdeyMayOctFriJunlastnext")) | st.characters(),
        max_size=200,
    ),
    st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))),
)
def test_never_raises_and_offsets_slice_back(text, published):
    found = find_dates(text, published)
    assert [d.start for d in found] == sorted(d.start for d in found)
    for d in found:
        assert text[d.start : d.end] == d.text
        assert d.precision in (None, "day", "week", "month", "year")
        assert d.relation in (None, "by", "since", "until", "before", "after")
    publication_date_from_text(text)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["on", "Friday", "Oct.", "25", ",", "2024", "last", "June", "by", "December", "since", "year",
             "ago", "two", "days", "this", "week", "the", "1990s", "said", "will", "10/25/2024", "May"]
        ),
        max_size=30,
    ),
    st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(2100, 10, 31)),
)  # fmt: skip
def test_date_words_in_any_order(words, published):
    text = " ".join(words)
    for d in find_dates(text, published):
        assert text[d.start : d.end] == d.text


def test_a_day_in_the_possessive_names_an_event_not_when_a_figure_holds() -> None:
    # regression: "died in Monday's earthquake" dated the toll to Monday, not the report
    from claimtrack.extract import extract

    records = extract("Officials said on Wednesday that 900 people died in Monday's earthquake.", FRI)
    (figure,) = records.figures
    assert figure.date == "2024-10-23"


ALL_CASES = (
    ABSOLUTE + NUMERIC + YEARS_AND_DECADES + RELATIVE + WEEKDAYS + MONTHS + ANCHORED + VAGUE
    + NO_PUBLICATION_DATE + NOT_DATES
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(
        st.sampled_from(
            ["on", "Friday", "Oct. 25", ",", "2024", "last", "June", "by", "December", "since", "year",
             "two days ago", "a year earlier", "three weeks later", "two months from now", "a decade hence",
             "the end of the month", "the rest of the year", "Q3", "the first half of", "fiscal", "1990s",
             "nineteen eighties", "Christmas Eve", "the weekend", "recently", "next", "this", "past",
             "10/25/2024", "2024-10-25", "25.10.2024", "May", "spring", "year-end", "the beginning of",
             "the middle of the week", "the coming months", "the", "said", "will", "about", "or so"]
        ),
        max_size=20,
    ),
    case=st.sampled_from(ALL_CASES),
)  # fmt: skip
def test_a_rules_needs_only_skip_stretches_it_cannot_match(words, case):
    # each rule is run only on stretches holding one of its needs ("ago" for "two years
    # ago"): with every need dropped, the same dates must be found
    import claimtrack.extract.dates as dates

    published = case[1] or FRI
    for text in (" ".join(words), case[0]):
        with_needs = find_dates(text, published)
        with pytest.MonkeyPatch.context() as patched:
            patched.setattr(dates, "_NEEDS_RX", [None] * len(dates._NEEDS_RX))
            assert find_dates(text, published) == with_needs
