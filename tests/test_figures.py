"""Table-driven tests for the figures extractor, grouped by phenomenon.

Each row is (text, expected) where expected lists (value or (low, high), qualifier, unit)
for every figure found, in order. The sentences are made up, about a fictional country.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.extract.figures import find_figures, parse_number
from claimtrack.extract.sentences import split_sentences


def figures(text: str, **kwargs):
    return find_figures(text, split_sentences(text), **kwargs)


def summary(text: str, **kwargs):
    out = []
    for f in figures(text, **kwargs):
        number = f.value if f.value is not None else (f.low, f.high)
        out.append((number, f.qualifier, f.unit))
    return out


QUALIFIERS = [
    ("Officials said about 10,000 troops were sent.", [(10000, "about", "troop")]),
    ("Around 300 people marched on Friday.", [(300, "about", "person")]),
    ("The ministry counted some 4,500 refugees.", [(4500, "about", "refugee")]),
    ("Roughly 70 villages were flooded.", [(70, "about", "village")]),
    ("An estimated 2,000 homes lost power.", [(2000, "about", "home")]),
    ("Nearly 900 soldiers were wounded.", [(900, "nearly", "soldier")]),
    ("Almost 40 schools closed.", [(40, "nearly", "school")]),
    ("Close to 1,200 workers walked out.", [(1200, "nearly", "worker")]),
    ("More than 5,000 protesters gathered.", [(5000, "over", "protester")]),
    ("Over 60 ships were stranded.", [(60, "over", "ship")]),
    ("The toll rose past 7,000 on Monday.", [(7000, "over", "death")]),
    ("At least 12 people were hurt.", [(12, "at_least", "person")]),
    ("No fewer than 30 envoys signed.", [(30, "at_least", "envoy")]),
    ("Fewer than 200 voters turned out.", [(200, "under", "voter")]),
    ("Less than 5% of the budget was spent.", [(5, "under", "percent")]),
    ("Up to 3,000 troops could be deployed.", [(3000, "up_to", "troop")]),
    ("As many as 80 miners were trapped.", [(80, "up_to", "miner")]),
    ("The agency said 500 or more buildings collapsed.", [(500, "at_least", "building")]),
    # signs and prefixes need no space
    ("The parcel weighs ~45g.", [(45, "about", "gram")]),
    ("Turnout was <5% in the north.", [(5, "under", "percent")]),
    ("The plant makes sub-7 nm chips.", [(7, "under", "nanometre")]),
    # a range keeps an approximation, not a verb of estimating
    ("Each fill costs about 14-18 mpg.", [((14, 18), "about", "mile per gallon")]),
    ("Analysts estimated $35bn-45bn of losses.", [((35e9, 45e9), "range", "dollar")]),
    # regression: a qualifier covers only the first number of a pair
    ("Some 300 were killed and 2,700 wounded.", [(300, "about", "person"), (2700, "exact", "person")]),
]

RANGES = [
    ("Between 11,000 and 12,000 soldiers were deployed.", [((11000, 12000), "range", "soldier")]),
    ("The army sent 11,000 to 12,000 soldiers.", [((11000, 12000), "range", "soldier")]),
    ("The army sent 11,000-12,000 soldiers.", [((11000, 12000), "range", "soldier")]),
    ("Analysts put losses at $250 billion to $275 billion.", [((250e9, 275e9), "range", "dollar")]),
    ("Analysts put losses at $250-275 billion.", [((250e9, 275e9), "range", "dollar")]),
    ("Insurers expect $35bn-45bn of claims.", [((35e9, 45e9), "range", "dollar")]),
    ("Between 5 and 10 million people were affected.", [((5e6, 10e6), "range", "person")]),
    ("The strike killed 100-300 people.", [((100, 300), "range", "person")]),
    ("Prices ranged from $300 to $4 million.", [((300, 4e6), "range", "dollar")]),
    # regression: a score is not a range
    ("The home side won 3-1 on Sunday.", []),
    # regression: a tally or a ratio written with "to" read as a range
    ("The court ruled 5 to 4 on Monday.", []),
    ("Volunteers outnumber guards by four to one.", []),
    ("The case, No. 14-915, was argued.", []),
]

SCALES = [
    ("The fund holds 1.2 million dollars.", [(1.2e6, "exact", "dollar")]),
    ("The deal is worth $3.5bn.", [(3.5e9, "exact", "dollar")]),
    ("The plan costs 250 billion yuan.", [(250e9, "exact", "yuan")]),
    ("A £20m grant was approved.", [(20e6, "exact", "pound")]),
    ("Losses were $20m-30m.", [((20e6, 30e6), "range", "dollar")]),
    # scientific notation, the superscript minus lost or kept
    ("The dust weighs about 1.99×10−30 kilograms.", [(1.99e-30, "about", "kilogram")]),
    ("A mole holds 6.02 x 10^23 atoms.", [(6.02e23, "exact", "atom")]),
    ("Turnout reached 4.3M voters.", [(4.3e6, "exact", "voter")]),
]

WORD_NUMBERS = [
    ("Three thousand volunteers arrived.", [(3000, "exact", "volunteer")]),
    ("A dozen envoys met in the capital.", [(12, "exact", "envoy")]),
    ("Twenty-five ministers resigned.", [(25, "exact", "minister")]),
    ("Two dozen trucks crossed the border.", [(24, "exact", "truck")]),
    ("The region has seven million residents.", [(7e6, "exact", "resident")]),
    ("Four brigades were formed.", [(4, "exact", "brigade")]),
]

CURRENCY_AND_PERCENT = [
    ("The grant was $800 million.", [(800e6, "exact", "dollar")]),
    ("It cost €45 million.", [(45e6, "exact", "euro")]),
    ("It was priced at US$58.24.", [(58.24, "exact", "dollar")]),
    ("Exports were 12 percent of output.", [(12, "exact", "percent")]),
    ("Exports were 12 per cent of output.", [(12, "exact", "percent")]),
    ("Exports were 12% of output.", [(12, "exact", "percent")]),
    ("The ticket cost 300 rupees.", [(300, "exact", "rupee")]),
    ("Shares closed at 118.5 p.", [(118.5, "exact", "penny")]),
    # £ and ¥ as an ASCII transliterator writes them
    ("The package was worth PS2.7m.", [(2.7e6, "exact", "pound")]),
    ("Profit reached Y=590 billion.", [(590e9, "exact", "yen")]),
]

CHANGES = [
    ("Sales rose by 5% last year.", "up"),
    ("Support fell 3 points in a month.", "down"),
    ("Exports increased 20 percent.", "up"),
    ("The index was up 19 cents.", "up"),
    ("Profit dropped 2.5% in the quarter.", "down"),
    ("The company reported a 7% increase in orders.", "up"),
    ("The brand hopes to grow sales by 35 per cent.", "up"),
    ("The forecast was revised upward by $40 billion.", "up"),
    ("The miner was down 68 p at noon.", "down"),
    # levels, not changes
    ("Inflation rose to 5% in March.", None),
    ("Unemployment stood at 4.1% in May.", None),
    # a margin of victory is not a change
    ("She lost the race by ten points.", None),
]

SUBJECTS = [
    ("Officials said about 3,000 North Korean soldiers arrived.", "North Korean soldiers", "soldier"),
    ("The convoy carried 40 aid trucks.", "aid trucks", "truck"),
    ("Some 900 people were evacuated.", "people", "person"),
    ("A magnitude 6.1 earthquake struck at dawn.", None, "magnitude"),
    ("The storm destroyed 1,500 acres of forest.", None, "acre"),
    ("The race covers 26 miles.", None, "mile"),
]

PROJECTIONS = [
    ("About 10,000 troops could be deployed by December.", "projection"),
    ("The army plans to send 5,000 more soldiers.", "projection"),
    ("Losses are expected to reach $40 billion.", "projection"),
    ("The country will send 2,000 engineers.", "projection"),
    ("The army sent 5,000 soldiers last week.", None),
]

NON_FIGURES = [
    "The summit took place in 2024.",
    "The talks began on Oct. 23 in the capital.",
    "The letter was dated 10/25/2024.",
    "Reforms date back to the 1990s.",
    "The vote is at 5 p.m. on Tuesday.",
    "The meeting ended at 4:15 in the afternoon.",
    "A 45-year-old man was arrested.",
    "The suspect, aged 45, was released.",
    "Lee Min-ho, 52, chairs the committee.",
    "She finished first, and he came 3rd.",
    "Call the hotline at 555-123-4567 for details.",
    "The council adopted Resolution 2231 without a vote.",
    "Doctors treated more COVID-19 patients.",
    "The air force flies F-16 jets.",
    "Allies invoked Article 5 of the treaty.",
    "It was one of the worst floods on record.",
    # regression: the set in "one of the two ..." is a reference, not a claim
    "Officials in one of the two capitals declined to comment.",
    "One soldier was questioned.",
    "The costs rose to 10 times that number.",
    # durations that place an event in time rather than measure it
    "Talks resumed two weeks after the ceasefire.",
    "Trade has grown over the past three years.",
    "Parliament declared a three-month state of emergency.",
    "A 45-year-old man and an 18-month-old girl were rescued.",
    # regression: index names are not amounts
    "The S&P 500 closed higher.",
    "Homes in the 90210 ZIP code sold fast.",
    # regression: a bare "half" is as often a time as a share
    "The envoy will visit in the first half of the year.",
    "The city is among the top three destinations.",
    "Thousands of people fled the fighting.",
    "The airline ordered a 787 Dreamliner last year.",
    "The office is at 49 Elm Road in the old town.",
    # regression: "PS" reads as a transliterated £ only glued to an amount
    "The PS5 sold out and PS 118 reopened.",
]


DURATIONS_AND_AGES = [
    ("The talks lasted three weeks.", [(3, "exact", "week")]),
    ("Rescue teams worked for 48 hours.", [(48, "exact", "hour")]),
    ("The former minister was jailed for five years.", [(5, "exact", "year")]),
    ("The sprinter ran the distance in about 9.8 seconds.", [(9.8, "about", "second")]),
    ("Bake for 25 min at most.", [(25, "exact", "minute")]),
    # suspended hyphens: the noun is the last number's, for each of them
    (
        "Buyers choose four-, five- and six-cylinder engines.",
        [(4, "exact", "cylinder"), (5, "exact", "cylinder"), (6, "exact", "cylinder")],
    ),
    ("The board sat two- or three-day sessions.", []),
    # the age of a thing older than anyone is a figure
    ("Diggers found a 2,900-year-old wall.", [(2900, "exact", "year")]),
]

FROM_TO = [
    # regression: the two ends of a movement were read as two levels of one quantity
    ("The price fell from $75 a barrel to $45 in a year.", [((45, 75), "range", "dollar")]),
    ("He slimmed from 208 pounds to 193 in a year.", [((193, 208), "range", "pound")]),
    ("Mileage rose from 20 mpg in 2008 to 29 mpg in 2020.", [((20, 29), "range", "mile per gallon")]),
    ("Horsepower jumped from 240 to 273.", [((240, 273), "range", None)]),
    # a change and the level it reached stay apart
    ("Sales rose 5% to 7% of output.", [(5, "exact", "percent"), (7, "exact", "percent")]),
]

FRACTIONS = [
    ("Nearly two-thirds of the voters stayed home.", [(2 / 3, "nearly", "fraction")]),
    ("A quarter of the budget went to defence.", [(0.25, "exact", "fraction")]),
    ("One out of three households lacks heating.", [(1 / 3, "exact", "fraction")]),
    ("A cup is 1/16 of a gallon.", [(1 / 16, "exact", "fraction")]),
]

CONVERSIONS = [
    # a conversion in brackets says what the figure before it says
    (
        "Deposits of more than 7.5 million crowns (US $1.1 million) are charged.",
        [(7.5e6, "over", "crown", None), (1.1e6, "over", "dollar", None)],
    ),
    (
        "Temperatures fell by 1 to 1.5 degrees Celsius (1.8 to 2.7 Fahrenheit).",
        [((1, 1.5), "range", "celsius", "down"), ((1.8, 2.7), "range", "fahrenheit", "down")],
    ),
    # a breakdown in brackets is not a conversion
    (
        "Nearly 300 people (200 soldiers) were evacuated.",
        [(300, "nearly", "person", None), (200, "exact", "soldier", None)],
    ),
]

UNITS_FROM_CONTEXT = [
    # regression: a participle before a plural noun hid the noun
    ("About 4,100 wounded soldiers were sent home.", "soldier"),
    # regression: the unit came from an earlier figure of another kind
    ("At least 100 died and the injured are approaching 1,000.", "person"),
    ("Police said 128,000 were present.", "person"),
    ("The number of dead exceeded 790.", "person"),
    # regression: a nationality before the counted noun was taken for the unit
    ("The ministry put the number of Varnian soldiers at nearly 6,000.", "soldier"),
    ("The estimate is at the low end of the 100 to 300 range of deaths.", None),
    ("The city's seven million-strong population voted.", "person"),
    # regression: a unit of measure after the number beat the name or year reading
    ("The 1520 sq m clinic opened.", "square metre"),
    ("Pharmacies stock Paracetol 500mg tablets.", "milligram"),
    ("The trade balance fell to $-50.8bn.", "dollar"),
    # regression: a length in metres read as millions without a currency
    ("The 37m skeleton is on show.", "metre"),
    ("The screen refreshes at 120Hz.", "hertz"),
]


@pytest.mark.parametrize(("text", "expected"), CONVERSIONS)
def test_conversions(text, expected):
    found = [
        (f.value if f.value is not None else (f.low, f.high), f.qualifier, f.unit, f.change)
        for f in figures(text)
    ]
    assert found == expected


@pytest.mark.parametrize(("text", "expected"), DURATIONS_AND_AGES)
def test_durations_and_ages(text, expected):
    assert summary(text) == expected


@pytest.mark.parametrize(("text", "expected"), FROM_TO)
def test_from_to(text, expected):
    assert summary(text) == expected


@pytest.mark.parametrize(("text", "expected"), FRACTIONS)
def test_fractions(text, expected):
    assert [(pytest.approx(v), q, u) for v, q, u in summary(text)] == expected


@pytest.mark.parametrize(("text", "unit"), UNITS_FROM_CONTEXT)
def test_units_from_context(text, unit):
    assert figures(text)[-1].unit == unit


@pytest.mark.parametrize(("text", "expected"), QUALIFIERS)
def test_qualifiers(text, expected):
    assert summary(text) == expected


@pytest.mark.parametrize(("text", "expected"), RANGES)
def test_ranges(text, expected):
    assert summary(text) == expected


@pytest.mark.parametrize(("text", "expected"), SCALES)
def test_scale_words(text, expected):
    assert summary(text) == expected


@pytest.mark.parametrize(("text", "expected"), WORD_NUMBERS)
def test_word_numbers(text, expected):
    assert summary(text) == expected


@pytest.mark.parametrize(("text", "expected"), CURRENCY_AND_PERCENT)
def test_currency_and_percent(text, expected):
    assert summary(text) == expected


@pytest.mark.parametrize(("text", "change"), CHANGES)
def test_changes(text, change):
    (figure,) = figures(text)
    assert figure.change == change


@pytest.mark.parametrize(("text", "subject", "unit"), SUBJECTS)
def test_subjects_and_units(text, subject, unit):
    (figure,) = figures(text)
    assert (figure.subject, figure.unit) == (subject, unit)


@pytest.mark.parametrize(("text", "modality"), PROJECTIONS)
def test_projections(text, modality):
    (figure,) = figures(text)
    assert figure.modality == modality


@pytest.mark.parametrize("text", NON_FIGURES)
def test_non_figures(text):
    assert figures(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thousands of people fled the fighting.", [((1000, 10000), "range", "person")]),
        ("Dozens of homes burned.", [((12, 120), "range", "home")]),
        ("Hundreds of thousands of voters stayed home.", [((100000, 1000000), "range", "voter")]),
    ],
)
def test_vague_amounts_on_request(text, expected):
    assert summary(text, vague=True) == expected


def test_figure_record():
    text = "The agency said. About 3,000 North Korean soldiers are at bases in the east."
    (figure,) = figures(text)
    assert figure.text == "About 3,000 North Korean soldiers"
    assert text[figure.start : figure.end] == figure.text
    assert text[figure.sentence_start : figure.sentence_end] == figure.sentence
    assert figure.sentence.startswith("About 3,000")
    assert (figure.claimant, figure.date, figure.date_text, figure.topics) == (None, None, None, ())
    assert (figure.low, figure.high) == (None, None)


def test_bounds_of_open_qualifiers():
    over, up_to = figures("More than 500 people came. Up to 900 people could come.")
    assert (over.low, over.high) == (500, None)
    assert (up_to.low, up_to.high) == (None, 900)


def test_sorted_by_start():
    found = figures("Police said 128,000 people marched; organisers said 1.7 million people did.")
    assert [f.value for f in found] == [128000, 1.7e6]
    assert [f.start for f in found] == sorted(f.start for f in found)


@pytest.mark.parametrize(
    ("text", "value"),
    [("1.2 million", 1.2e6), ("three thousand", 3000), ("a dozen", 12), ("4 hundred million", 4e8)],
)
def test_parse_number(text, value):
    assert parse_number(text) == value


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_never_raises_and_offsets_slice_back(text):
    for figure in figures(text):
        assert text[figure.start : figure.end] == figure.text
        assert figure.sentence_start <= figure.start <= figure.end <= figure.sentence_end


NEWS_TOKENS = (
    "about", "nearly", "over", "3,000", "1.2", "million", "$", "€", "%", "-", "to", "between", "and",
    "troops", "people", "rose", "by", "fell", "2024", "Oct.", "5", "p.m.", "one", "of", "the",
    "twenty-five", "a", "dozen", "bn", ".", ",", "(", ")", "minus",
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(NEWS_TOKENS), max_size=30))
def test_news_like_tokens_never_raise(words):
    text = " ".join(words)
    for figure in figures(text):
        assert text[figure.start : figure.end] == figure.text
