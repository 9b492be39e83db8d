"""The timeline: statements and figures in the order of the dates they refer to.

A record's date is the date it refers to ("by December" → 2024-12), else its source's
publication date. Records are ordered by the first day of that date's period, so a
month-precise date sorts before the days inside it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from claimtrack.models import period


def timeline(statements: Iterable[dict[str, Any]], figures: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Timeline rows, ordered by date, then publication date, then position in the text."""
    rows = [_row("statement", s) for s in statements] + [_row("figure", f) for f in figures]
    rows.sort(
        key=lambda r: (r["_key"] is None, r["_key"] or "", r["published"] or "", r["path"], r["_start"])
    )
    for r in rows:
        del r["_key"], r["_start"]
    return rows


def precision_of(value: str | None) -> str | None:
    """The precision of an ISO date value.

    >>> [precision_of(v) for v in ("2024", "2024-12", "2024-W43", "2024-12-25", None)]
    ['year', 'month', 'week', 'day', None]
    """
    if not value:
        return None
    if "W" in value:
        return "week"
    return {4: "year", 7: "month", 10: "day"}.get(len(value))


def _row(kind: str, r: dict[str, Any]) -> dict[str, Any]:
    date = r.get("date") or r.get("published")
    bounds = period(date)
    relation = "by" if kind == "figure" and (r.get("date_text") or "").lower().startswith("by ") else None
    return {
        "date": date,
        "precision": precision_of(date),
        "relation": relation,
        "kind": kind,
        "source_id": r.get("source_id"),
        "path": r.get("path"),
        "outlet": r.get("outlet"),
        "published": r.get("published"),
        "speaker": r.get("speaker") if kind == "statement" else r.get("claimant"),
        "text": r.get("content") if kind == "statement" else r.get("text"),
        "value": r.get("value") if kind == "figure" else None,
        "low": r.get("low") if kind == "figure" else None,
        "high": r.get("high") if kind == "figure" else None,
        "unit": r.get("unit") if kind == "figure" else None,
        "quantity": r.get("quantity") if kind == "figure" else None,
        "_key": bounds[0] if bounds else None,
        "_start": r.get("start") or 0,
    }
