"""The timeline: every statement and figure in the order of the dates they refer to.

The ordering is tested as a pure function over record dicts; the command (filters,
JSON rows, the chart of one quantity) over short articles in a temporary database.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import QUAKE, ingested_once, invoke, rows, run_main

from claimtrack.analysis.timeline import precision_of, timeline

TIMELINE_KEYS = {
    "date", "precision", "relation", "kind", "source_id", "path", "outlet", "published",
    "speaker", "text", "value", "low", "high", "unit", "quantity",
}  # fmt: skip


PRECISIONS = [
    ("2024", "year"),
    ("2024-12", "month"),
    ("2024-W43", "week"),
    ("2024-12-25", "day"),
    (None, None),
    ("", None),
]


@pytest.mark.parametrize(("value", "expected"), PRECISIONS)
def test_precision_of(value: str | None, expected: str | None) -> None:
    assert precision_of(value) == expected


def _statement(
    content: str, date: str | None, published: str, start: int = 0, path: str = "a.md"
) -> dict[str, Any]:
    return {"content": content, "speaker": "Velm officials", "date": date, "published": published,
            "path": path, "source_id": 1, "outlet": "Capital Times", "start": start}  # fmt: skip


def _figure(
    text: str, date: str | None, published: str, start: int = 0, path: str = "a.md"
) -> dict[str, Any]:
    return {"text": text, "value": 1.0, "low": None, "high": None, "unit": "troop", "claimant": "Brava",
            "date": date, "published": published, "path": path, "source_id": 1, "outlet": "Capital Times",
            "start": start, "quantity": "troops"}  # fmt: skip


ORDERINGS = [
    pytest.param(
        [_statement("later", None, "2025-03-09"), _statement("earlier", None, "2025-03-02")],
        [],
        ["earlier", "later"],
        id="by-publication-date-when-undated",
    ),
    pytest.param(
        [_statement("published first, refers later", "2025-03-20", "2025-03-01"),
         _statement("published later, refers earlier", "2025-02-10", "2025-03-05")],
        [],
        ["published later, refers earlier", "published first, refers later"],
        id="the-date-referred-to-comes-first",
    ),
    pytest.param(
        [_statement("on the 3rd", "2025-03-03", "2025-03-03"),
         _statement("in March", "2025-03", "2025-03-09")],
        [],
        ["in March", "on the 3rd"],
        id="a-month-sorts-before-its-days",
    ),
    pytest.param(
        [_statement("Monday", "2024-10-21", "2024-10-25")],
        [_figure("week 43", "2024-W43", "2024-10-30"), _figure("22nd", "2024-10-22", "2024-10-22")],
        ["Monday", "week 43", "22nd"],
        id="a-week-sorts-from-its-monday-then-by-publication",
    ),
    pytest.param(
        [_statement("second", "2025-03-03", "2025-03-03", start=50)],
        [_figure("first", "2025-03-03", "2025-03-03", start=10)],
        ["first", "second"],
        id="same-day-by-position-in-the-text",
    ),
    pytest.param(
        [_statement("undated", None, None), _statement("dated", "2025-01", "2025-03-03")],  # type: ignore[arg-type]
        [],
        ["dated", "undated"],
        id="undated-last",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("statements", "figures", "expected"), ORDERINGS)
def test_timeline_order(statements: list[dict], figures: list[dict], expected: list[str]) -> None:
    assert [r["text"] for r in timeline(statements, figures)] == expected


def test_timeline_rows() -> None:
    (s, f) = timeline(
        [_statement("troops left", "2025-03", "2025-03-09")], [_figure("3,000 troops", None, "2025-03-09")]
    )
    assert set(s) == set(f) == TIMELINE_KEYS
    assert (s["kind"], s["date"], s["precision"], s["speaker"], s["value"], s["quantity"]) == (
        "statement", "2025-03", "month", "Velm officials", None, None,
    )  # fmt: skip
    # an undated figure takes its publication date
    assert (f["kind"], f["date"], f["precision"], f["speaker"], f["value"], f["quantity"]) == (
        "figure", "2025-03-09", "day", "Brava", 1.0, "troops",
    )  # fmt: skip


# -- the command ------------------------------------------------------------------------

OFFICIALS = """---
title: Norvania expands Ostra mission
outlet: Capital Times
date: 2025-03-03
---
Norvanian officials said last week that 3,000 soldiers were in Ostra.

The Norvanian defence ministry said 12,000 troops would be deployed to Ostra by December.
"""

REBELS = """---
title: Rebels count Norvanian troops
outlet: Valley Herald
date: 2025-03-05
---
Ostra rebel commanders said between 8,000 and 10,000 troops were in Ostra in February.

Velm officials denied that Norvanian troops were in Ostra.
"""


@pytest.fixture(scope="module")
def news_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The articles ingested once, for the tests that only read them."""
    return ingested_once(
        tmp_path_factory, {"officials.md": OFFICIALS, "rebels.md": REBELS, "quake.md": QUAKE}
    )


def _brief(found: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return [
        (r["date"], r["precision"], r["kind"], r["speaker"], r["value"] or (r["low"], r["high"]))
        for r in found
    ]


def test_timeline_json(news: Path) -> None:
    found = rows("timeline")
    assert all(set(r) == TIMELINE_KEYS for r in found)
    assert _brief(found) == [
        ("2025-02", "month", "statement", "Ostra rebel commanders", (None, None)),
        ("2025-02", "month", "figure", "Ostra rebel commanders", (8000, 10000)),
        ("2025-02-10", "day", "statement", "Karsian officials", (None, None)),
        ("2025-02-10", "day", "figure", "Karsian officials", 120),
        ("2025-W09", "week", "statement", "Norvanian officials", (None, None)),
        ("2025-W09", "week", "figure", "Norvanian officials", 3000),
        # a statement is dated when it was made; its figure by the deadline it names
        ("2025-03-03", "day", "statement", "Norvanian defence ministry", (None, None)),
        ("2025-03-05", "day", "statement", "Velm officials", (None, None)),
        ("2025-12", "month", "figure", "Norvanian defence ministry", 12000),
    ]
    figure = found[5]
    assert (figure["outlet"], figure["published"], figure["path"].endswith("officials.md")) == (
        "Capital Times", "2025-03-03", True,
    )  # fmt: skip
    assert (figure["text"], figure["unit"], figure["quantity"]) == ("3,000 soldiers", "soldier", "troops")
    assert found[2]["text"] == "120 people were killed in the Tarn earthquake"


def test_a_deadline_is_marked_by(news: Path) -> None:
    (projection,) = [r for r in rows("timeline") if r["value"] == 12000]
    assert (projection["date"], projection["precision"], projection["relation"]) == ("2025-12", "month", "by")
    assert all(r["relation"] is None for r in rows("timeline") if r["value"] != 12000)


FILTERS = [
    (("--topic", "casualties"), lambda r: r["speaker"] == "Karsian officials"),
    (("--speaker", "Velm"), lambda r: r["kind"] == "statement" and r["speaker"] == "Velm officials"),
    (("--claimant", "rebel"), lambda r: r["kind"] == "figure" and r["speaker"] == "Ostra rebel commanders"),
    (("--quantity", "TROOPS"), lambda r: r["kind"] == "figure" and r["quantity"] == "troops"),
    (("--quantity", "deaths"), lambda r: r["kind"] == "figure" and r["quantity"] == "deaths"),
    (("--since", "2025-03-01"), lambda r: r["date"] in ("2025-03-03", "2025-03-05", "2025-12")),
    (("--until", "2025-02-28"), lambda r: r["date"] in ("2025-02", "2025-02-10", "2025-W09")),
    (("--since", "2025-02-05", "--until", "2025-02-20"), lambda r: r["date"] == "2025-02-10"),
]


@pytest.mark.parametrize(("options", "keeps"), FILTERS)
def test_timeline_filters(news: Path, options: tuple[str, ...], keeps: Any) -> None:
    everything = rows("timeline")
    found = rows("timeline", *options)
    assert found, "a filter that keeps nothing tests nothing"
    assert found == [r for r in everything if keeps(r)]


def test_timeline_limit(news: Path) -> None:
    assert rows("timeline", "--limit", "2") == rows("timeline")[:2]


def test_timeline_table_groups_rows_by_date(news: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "160")
    result = invoke("timeline", "--topic", "deployment")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert sum("February 2025 " in line for line in lines) == 1  # the month once, for both rows
    assert any(line.startswith(" week of 2025-02-24 ") for line in lines)
    assert any(line.startswith(" by December 2025 ") and "figure" in line for line in lines)


def test_empty_timeline(news: Path) -> None:
    result = invoke("timeline", "--topic", "sanctions")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "No records match.\n")
    assert rows("timeline", "--topic", "sanctions") == []


# -- the chart --------------------------------------------------------------------------


def test_chart_of_one_quantity(news: Path) -> None:
    result = invoke("timeline", "--quantity", "troops", "--chart")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "troops"
    legend = [line.strip() for line in lines if line.startswith("  ") and line.strip()[:1].isalpha()]
    assert legend[:3] == [
        "A  Ostra rebel commanders",
        "B  Norvanian officials",
        "C  Norvanian defence ministry",
    ]
    assert lines[-1] == "  (lower-case: projection; │ range; ↑ lower bound)"
    plot = "\n".join(line.split("┤", 1)[1] for line in lines if "┤" in line)
    assert plot.count("A") == 2  # a range: its two ends…
    assert "│" in plot  # …joined by a span
    assert plot.count("B") == 1
    assert "c" in plot and "C" not in plot  # the projection, lower-case
    assert lines[1].startswith("12,000 ┤")  # the top of the scale
    assert any(line.startswith(" 3,000 ┤") for line in lines)
    assert " 2025-02-01" in result.stdout and "2025-12-01" in result.stdout  # time runs left to right


CHART_ERRORS = [
    (("--quantity", "s"), "Error: --chart draws one quantity; --quantity matches 2: deaths; troops\n"),
    ((), "Error: --chart draws one quantity; --quantity matches 2: deaths; troops\n"),
    (("--quantity", "wounded"), "Error: no quantity to chart; list them with: claimtrack conflicts\n"),
]


@pytest.mark.parametrize(("options", "message"), CHART_ERRORS)
def test_chart_errors(news: Path, options: tuple[str, ...], message: str) -> None:
    result = run_main("timeline", *options, "--chart")
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message)
