"""Quantities and claimants: which figures count the same thing, and who stands behind them.

Pure-function tests pass record dicts shaped like ``Store.figures()`` rows; the alias
commands run through the command line against a temporary database.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from conftest import figure_record, ingest, invoke, rows, run_main, write
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.analysis.conflicts import quantities
from claimtrack.analysis.quantities import (
    _NAME,
    canonical_party,
    quantity_class,
    same_party,
    stories,
    unit_class,
)

# One process: a pool costs more than it saves on a few short articles.
ONE_JOB = ("--jobs", "1")


def figure(
    sentence: str,
    text: str,
    value: float | None,
    unit: str | None,
    *,
    claimant: str | None = None,
    date: str = "2025-03-03",
    **fields: Any,
) -> dict[str, Any]:
    """A figure record stated on ``date``."""
    return figure_record(sentence, text, value, unit, claimant, published=date, **fields)


# -- unit classes -----------------------------------------------------------------------

UNIT_CLASSES = [
    # troops: every word for people under arms is one class
    ("troop", "troops"),
    ("soldier", "troops"),
    ("force", "troops"),
    ("serviceman", "troops"),
    ("personnel", "troops"),
    ("Soldier", "troops"),
    # deaths
    ("dead", "deaths"),
    ("killed", "deaths"),
    ("death", "deaths"),
    ("fatality", "deaths"),
    # casualties (killed or wounded) are their own quantity, never deaths
    ("casualty", "casualties"),
    ("wounded", "wounded"),
    ("injured", "wounded"),
    # units with no class stand for themselves
    ("acre", "acre"),
    (None, None),
    ("", None),
]


@pytest.mark.parametrize(("unit", "expected"), UNIT_CLASSES)
def test_unit_class(unit: str | None, expected: str | None) -> None:
    assert unit_class(unit) == expected


# -- what a figure counts ---------------------------------------------------------------

QUANTITY_CLASSES = [
    # unit synonyms
    ("There are 10,000 servicemen in Ostra.", "10,000 servicemen", "serviceman", "troops"),
    ("Some 10,000 military personnel are in Ostra.", "10,000 military personnel", "personnel", "troops"),
    ("The toll reached 3,400 fatalities.", "3,400 fatalities", "fatality", "deaths"),
    ("At least 3,400 dead were counted in Brava.", "At least 3,400 dead", "dead", "deaths"),
    # counts of people take their class from the words around them
    ("About 500 people were killed in Brava.", "About 500 people", "person", "deaths"),
    ("Some 900 people were injured in Brava.", "900 people", "person", "wounded"),
    ("The floods displaced 20,000 people in Brava.", "20,000 people", "person", "displaced"),
    ("Police said 4,000 people took to the streets.", "4,000 people", "person", "crowd"),
    # a count of soldiers says what happened to them: killed, wounded
    ("The army said 300 soldiers were killed and 2,700 wounded.", "300 soldiers", "soldier", "deaths"),
    ("The army said 300 soldiers were killed and 2,700 wounded.", "2,700", "soldier", "wounded"),
    ("About 3,000 soldiers are at bases in Ostra.", "About 3,000 soldiers", "soldier", "troops"),
    # casualties: killed or wounded is a different quantity from killed
    ("Ostra suffered 1,200 casualties, the army said.", "1,200 casualties", "casualty", "casualties"),
    ("Some 1,200 soldiers were killed or wounded.", "1,200 soldiers", "soldier", "casualties"),
    # a count of people with nothing said about them is no quantity to compare
    ("The hall holds 800 people.", "800 people", "person", None),
]


@pytest.mark.parametrize(("sentence", "text", "unit", "expected"), QUANTITY_CLASSES)
def test_quantity_class(sentence: str, text: str, unit: str, expected: str | None) -> None:
    assert quantity_class(figure(sentence, text, 1, unit, subject=text.split()[-1])) == expected


NOT_LEVELS = [
    # increments: what was added, not how many there are
    pytest.param("Norvania has sent 40,000 more troops.", "40,000 more troops", "more troops", id="more"),
    pytest.param("Brava flew in 200 additional troops.", "200 additional troops", "additional troops",
                 id="additional"),
    pytest.param(
        "Brava sent another 2,000 troops to Ostra.",
        "2,000 troops",
        "troops",
        id="another",
    ),
    # rates: a count per period, not a level
    pytest.param("Norvania is losing 1,000 soldiers a week.", "1,000 soldiers", "soldiers", id="a-week"),
    pytest.param("About 300 soldiers are killed every day.", "About 300 soldiers", "soldiers",
                 id="every-day"),
    pytest.param("Some 50 refugees arrive daily in Brava.", "50 refugees", "refugees", id="daily"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "text", "subject"), NOT_LEVELS)
def test_increments_and_rates_are_not_levels(sentence: str, text: str, subject: str) -> None:
    unit = subject.split()[-1].rstrip("s")
    assert quantity_class(figure(sentence, text, 1, unit, subject=subject)) is None


def test_a_change_is_not_a_level() -> None:
    record = figure("The toll rose by 200 to 1,400.", "200", 200, "person", change="up")
    assert quantity_class(record) is None


# -- grouping into quantities -----------------------------------------------------------

SOLDIERS = "Ostra rebels said 9,000 soldiers from Norvania were in Ostra."
TROOPS = "The Norvanian defence ministry said about 3,000 troops from Norvania were in Ostra."
FLOODS = "Officials in Brava said 120 people were killed in the Ostra floods."
QUAKE = "Doctors in Lenmark said 900 people were killed in the Tarn quake."
PERSONNEL = "Velm observers counted 5,000 personnel from Norvania in Ostra."


def _groups(records: list[dict[str, Any]]) -> list[tuple[str, list[float | None]]]:
    return sorted((q["quantity"], sorted(f["value"] for f in q["figures"])) for q in quantities(records))


GROUPINGS = [
    pytest.param(
        [
            figure(SOLDIERS, "9,000 soldiers", 9000, "soldier", source_id=1),
            figure(TROOPS, "about 3,000 troops", 3000, "troop", source_id=2),
            figure(PERSONNEL, "5,000 personnel", 5000, "personnel", source_id=3),
        ],
        [("troops", [3000, 5000, 9000])],
        id="unit-synonyms-across-articles",
    ),
    pytest.param(
        [
            figure("Medics in Brava said 120 people were killed in Brava.", "120 people", 120, "person"),
            figure("Medics in Brava said 1,200 people had casualties.", "1,200 people", 1200, "person"),
            figure(
                "Brava hospitals reported 340 casualties in Brava.",
                "340 casualties",
                340,
                "casualty",
                source_id=2,
            ),
        ],
        [("casualties", [340, 1200]), ("deaths", [120])],
        id="casualties-apart-from-deaths",
    ),
    pytest.param(
        [
            figure(FLOODS, "120 people", 120, "person"),
            figure(QUAKE, "900 people", 900, "person", source_id=2),
        ],
        [("deaths — Brava", [120]), ("deaths — Lenmark", [900])],
        id="articles-sharing-no-names-never-mix",
    ),
    pytest.param(
        [
            figure("Officials said 12,391 people died in Karsia and 2,992 in Delmar.", "12,391 people", 12391,
                   "person"),
            figure("Officials said 12,391 people died in Karsia and 2,992 in Delmar.", "2,992", 2992,
                   "person"),
            figure("Karsian authorities say 14,000 people have been killed in the country.", "14,000 people",
                   14000, "person", source_id=2),
        ],
        [("deaths in Delmar", [2992]), ("deaths in Karsia", [12391, 14000])],
        id="places-the-text-sets-apart",
    ),
    pytest.param(
        [
            figure(TROOPS, "about 3,000 troops", 3000, "troop", source_id=1),
            figure("Norvania has sent 40,000 more troops to Ostra.", "40,000 more troops", 40000, "troop",
                   subject="more troops", source_id=2),
        ],
        [("troops", [3000])],
        id="increments-left-out",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("records", "expected"), GROUPINGS)
def test_quantities(records: list[dict[str, Any]], expected: list[tuple[str, list[float]]]) -> None:
    assert _groups(records) == expected


def test_every_figure_gets_its_quantity_label() -> None:
    records = [
        figure(SOLDIERS, "9,000 soldiers", 9000, "soldier", source_id=1),
        figure(TROOPS, "about 3,000 troops", 3000, "troop", source_id=2),
    ]
    (quantity,) = quantities(records)
    assert quantity["unit"] == "troops"
    assert [f["quantity"] for f in records] == ["troops", "troops"]
    # in date order
    assert [f["value"] for f in quantity["figures"]] == [9000, 3000]


def test_quantities_of_different_stories_have_different_labels() -> None:
    records = [
        figure(FLOODS, "120 people", 120, "person"),
        figure(QUAKE, "900 people", 900, "person", source_id=2),
    ]
    labels = [q["quantity"] for q in quantities(records)]
    assert len(set(labels)) == 2, labels


# Two articles naming the same people, published on these days: one story or two.
STORY_DATES = [
    pytest.param("2025-03-03", "2025-11-20", True, id="months-apart-one-story"),
    pytest.param("2019-06-09", "2023-10-19", False, id="years-apart-two-stories"),
    pytest.param(None, None, True, id="both-of-unknown-date-one-story"),
    pytest.param("2025-03-03", None, False, id="unknown-date-apart-from-a-dated-one"),
]


@pytest.mark.parametrize(("first", "second", "together"), STORY_DATES)
def test_stories_are_runs_of_coverage(first: str | None, second: str | None, together: bool) -> None:
    records = [
        {"source_id": 1, "sentence": "Officials in Velm met Ana Ruiz and Tomas Berg."},
        {"source_id": 2, "sentence": "Ana Ruiz and Tomas Berg left Velm."},
    ]
    story = stories(records, published={1: first, 2: second})
    assert (story[1] == story[2]) is together


def test_a_long_story_forms_through_the_articles_between() -> None:
    sentence = "Officials in Velm met Ana Ruiz and Tomas Berg."
    published = {1: "2023-01-10", 2: "2023-10-01", 3: "2024-06-01"}
    story = stories([{"source_id": sid, "sentence": sentence} for sid in published], published=published)
    assert story[1] == story[2] == story[3]


# -- claimants --------------------------------------------------------------------------

CANONICAL = [
    # built-in aliases: capitals and institutions stand for their party
    ("Seoul", "South Korea"),
    ("Moscow", "Russia"),
    ("the Kremlin", "Russia"),
    ("Kremlin", "Russia"),
    ("Pyongyang", "North Korea"),
    ("Kyiv", "Ukraine"),
    ("Kiev", "Ukraine"),
    ("Washington", "United States"),
    ("NIS", "National Intelligence Service"),
    # case and stray punctuation do not matter
    ("MOSCOW", "Russia"),
    ("  the Kremlin, ", "Russia"),
    # anyone else is themselves, cleaned up
    ("Ostra  rebel commanders", "Ostra rebel commanders"),
    ("Brava", "Brava"),
    (None, None),
    ("", None),
]


@pytest.mark.parametrize(("name", "expected"), CANONICAL)
def test_canonical_party(name: str | None, expected: str | None) -> None:
    assert canonical_party(name) == expected


USER_ALIASES = {"blue house": "South Korea", "Amber Palace": "Brava"}

CANONICAL_WITH_USER_ALIASES = [
    ("Blue House", "South Korea"),
    ("the Blue House", "South Korea"),
    ("amber palace", "Brava"),
    ("Seoul", "South Korea"),  # built-ins still apply
]


@pytest.mark.parametrize(("name", "expected"), CANONICAL_WITH_USER_ALIASES)
def test_canonical_party_with_user_aliases(name: str, expected: str) -> None:
    assert canonical_party(name, USER_ALIASES) == expected


SAME_PARTY = [
    # aliases
    ("Moscow", "Russia", True),
    ("the Kremlin", "Moscow", True),
    ("Kiev", "Kyiv", True),
    ("Washington", "United States", True),
    ("NIS", "National Intelligence Service", True),
    ("NIS", "South Korea's National Intelligence Service", True),
    # a short form of one name
    ("Volodymyr Zelensky", "Zelensky", True),
    ("UN", "United Nations", True),
    # different parties
    ("police", "organisers", False),
    ("Moscow", "Kyiv", False),
    ("Brava", "Velm", False),
    ("Russia", None, False),
    # regressions: names that share words are not one party
    ("Pyongyang", "Seoul", False),
    ("North Korea", "South Korea", False),
    ("Russian defence ministry", "Ukrainian defence ministry", False),
    ("South Korea and the United States", "South Korea's National Intelligence Service", False),
]  # fmt: skip


@pytest.mark.parametrize(("a", "b", "expected"), SAME_PARTY)
def test_same_party(a: str | None, b: str | None, expected: bool) -> None:
    assert same_party(a, b) is expected
    assert same_party(b, a) is expected


SAME_PARTY_WITH_USER_ALIASES = [
    ("Blue House", "South Korea", True),
    ("Blue House", "Seoul", True),
    ("Amber Palace", "Brava", True),
    ("Blue House", "Brava", False),
]


@pytest.mark.parametrize(("a", "b", "expected"), SAME_PARTY_WITH_USER_ALIASES)
def test_same_party_with_user_aliases(a: str, b: str, expected: bool) -> None:
    assert same_party(a, b, USER_ALIASES) is expected
    assert same_party(a, b) is False  # without them, no relation


# -- the alias commands -----------------------------------------------------------------

PALACE = """---
title: Palace gives its count
outlet: Brava Daily
date: 2025-04-02
---
The Blue Palace said 2,000 soldiers from Norvania were stationed in Ostra.
"""

GOVERNMENT = """---
title: Government updates its count
outlet: Velm Courier
date: 2025-04-04
---
The Brava government said 6,000 soldiers from Norvania were stationed in Ostra.
"""


def test_alias_add_list_remove(db: Path) -> None:
    result = invoke("alias", "add", "Blue Palace", "Brava government")
    assert result.exit_code == 0, result.output
    assert result.stderr == "Blue Palace → Brava government\n"
    listed = rows("alias", "list")
    assert {"name": "blue palace", "canonical": "Brava government", "origin": "user"} in listed
    assert {"name": "moscow", "canonical": "Russia", "origin": "built-in"} in listed
    assert {"name": "seoul", "canonical": "South Korea", "origin": "built-in"} in listed

    # a user alias overrides a built-in one of the same name
    assert invoke("alias", "add", "Moscow", "Muscovy").exit_code == 0
    moscow = [r for r in rows("alias", "list") if r["name"] == "moscow"]
    assert moscow == [{"name": "moscow", "canonical": "Muscovy", "origin": "user"}]

    result = invoke("alias", "remove", "BLUE PALACE")
    assert result.exit_code == 0, result.output
    assert all(r["name"] != "blue palace" for r in rows("alias", "list"))


def test_removing_an_unknown_alias_is_a_usage_error(db: Path) -> None:
    assert invoke("alias", "add", "Blue Palace", "Brava").exit_code == 0
    result = run_main("alias", "remove", "Velm Palace")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == "Error: no alias 'Velm Palace' of yours; list them with: claimtrack alias list\n"


def test_a_users_alias_turns_a_conflict_into_a_revision(db: Path, tmp_path: Path) -> None:
    ingest(
        write(tmp_path / "palace.md", PALACE), write(tmp_path / "government.md", GOVERNMENT), options=ONE_JOB
    )
    (before,) = [c for c in rows("conflicts") if c["unit"] == "troops"]
    assert before["kind"] == "figures"
    assert before["claimants"] == ["Blue Palace", "Brava government"]

    assert invoke("alias", "add", "Blue Palace", "Brava government").exit_code == 0
    (after,) = [c for c in rows("conflicts") if c["unit"] == "troops"]
    assert after["kind"] == "revision"
    assert after["claimants"] == ["Brava government"]
    # the figures keep the claimant as the article wrote it
    assert [f["claimant"] for f in after["figures"]] == ["Blue Palace", "Brava government"]


# The name pattern as first written: a capital at a word boundary. The one in use opens
# with the capital instead, so that the regex engine can skip to it; it must find the same.
_NAME_AT_BOUNDARY = re.compile(r"\b[A-Z][a-zA-Z’'-]{2,}(?:\s+[A-Z][a-zA-Z’'-]{2,})*")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="AbKéÉ1_ '’-.\n", max_size=60))
def test_names_are_found_where_a_capital_starts_a_word(text: str) -> None:
    found = [(m.start(), m.group(0)) for m in _NAME.finditer(text)]
    assert found == [(m.start(), m.group(0)) for m in _NAME_AT_BOUNDARY.finditer(text)]


PEOPLE = ["Ana Ruiz", "Velm", "Ostra", "Tarsk", "Kim Sol", "Brava", "Lund", "Oskar Pell", "Mira", "Tov"]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.lists(st.sampled_from(PEOPLE), max_size=8), st.sampled_from([None, "2024-01-05", "2025-09-01"])
        ),
        min_size=1,
        max_size=10,
    )
)
def test_stories_are_the_groups_of_sources_linked_by_shared_names(
    sources: list[tuple[list[str], str | None]],
) -> None:
    records = [
        {"source_id": sid, "sentence": "Officials met " + " and ".join(names) + "." if names else "Nothing."}
        for sid, (names, _) in enumerate(sources)
    ]
    published = {sid: day for sid, (_, day) in enumerate(sources)}
    found = stories(records, published=published)
    # The same by brute force: two sources are linked when a quarter of the smaller one's
    # names are shared and they are within a year (or both undated); stories are the
    # connected groups; sources naming no one form one more, or join the only one.
    named = {sid: set(names) for sid, (names, _) in enumerate(sources)}
    group = {sid: {sid} for sid in named}
    for a in named:
        for b in named:
            near = published[a] == published[b] or (
                None not in (published[a], published[b])
                and {published[a], published[b]} != {"2024-01-05", "2025-09-01"}
            )
            shared = len(named[a] & named[b]) / max(1, min(len(named[a]), len(named[b])))
            if a != b and named[a] and named[b] and near and shared >= 0.25:
                merged = group[a] | group[b]
                for sid in merged:
                    group[sid] = merged
    unnamed = {sid for sid in named if not named[sid]}
    roots = {frozenset(g) for sid, g in group.items() if named[sid]}
    expected = set(roots)
    if unnamed:
        expected = {g for g in roots if len(roots) != 1} | (
            {frozenset(unnamed | next(iter(roots)))} if len(roots) == 1 else {frozenset(unnamed)}
        )
    story_of: dict[int, set[int]] = {}
    for sid, number in found.items():
        story_of.setdefault(number, set()).add(sid)
    assert {frozenset(s) for s in story_of.values()} == expected
