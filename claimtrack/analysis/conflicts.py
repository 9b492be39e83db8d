"""Conflicts: where sources disagree.

Figure conflicts are figures for the same quantity — the same class of unit ("troop" ≈
"soldier") and the same subject qualifiers ("North Korean") — from different claimants
whose intervals do not overlap. Each qualifier gives an interval: "about x" is x ± 10 %,
"nearly x" [0.9x, x], "over x" (x, ∞), "up to x" [0, x], a range its ends. A claimant
changing its own figure is a revision, not a conflict. Stance conflicts set denials
against the assertions they deny on the same topic.

These are pure functions over records as the store returns them (dicts).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from claimtrack.extract.lexicon.quantities import ALIASES, UNIT_CLASSES

_UNIT_CLASS = {unit: name for name, units in UNIT_CLASSES.items() for unit in units}
_STOP = {
    "the",
    "a",
    "an",
    "of",
    "in",
    "to",
    "and",
    "its",
    "their",
    "some",
    "about",
    "more",
    "than",
    "over",
    "at",
    "least",
    "up",
    "nearly",
    "almost",
    "around",
    "estimated",
    "total",
    "additional",
    "other",
    "those",
}


def unit_class(unit: str | None) -> str | None:
    if not unit:
        return None
    u = unit.lower().strip()
    return _UNIT_CLASS.get(u, u)


def canonical_party(name: str | None, aliases: dict[str, str] | None = None) -> str | None:
    """A claimant's canonical name through the aliases.

    >>> canonical_party("Seoul"), canonical_party("the Kremlin"), canonical_party("NIS")
    ('South Korea', 'Russia', 'National Intelligence Service')
    """
    if not name:
        return None
    table = {**ALIASES, **{k.lower(): v for k, v in (aliases or {}).items()}}
    key = re.sub(r"\s+", " ", name.strip()).lower()
    return table.get(key, name.strip())


def interval(f: dict[str, Any]) -> tuple[float, float]:
    """The values a figure admits, from its qualifier.

    >>> interval({"value": 100, "qualifier": "about"}), interval({"value": 100, "qualifier": "over"})
    ((90.0, 110.0), (100.0, inf))
    """
    q = f.get("qualifier") or "exact"
    low, high, value = f.get("low"), f.get("high"), f.get("value")
    if value is None:
        if low is None or high is None:
            return (-math.inf, math.inf)
        return (float(low), float(high))
    x = float(value)
    return {
        "about": (x - x / 10, x + x / 10),
        "nearly": (x - x / 10, x),
        "over": (x, math.inf),
        "at_least": (x, math.inf),
        "under": (0.0, x),
        "up_to": (0.0, x),
    }.get(q, (x, x))


def disjoint(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[1] < b[0] or b[1] < a[0]


def quantity_key(f: dict[str, Any]) -> tuple[str, str] | None:
    """(unit class, subject qualifiers) for a figure, or None when it counts nothing."""
    cls = unit_class(f.get("unit"))
    if not cls:
        return None
    words = re.findall(r"[a-z][a-z'-]*", (f.get("subject") or "").lower())
    unit_words = set((f.get("unit") or "").lower().split())
    qualifiers = [
        w for w in words if w not in _STOP and w.rstrip("s") not in unit_words and w not in unit_words
    ]
    return cls, " ".join(qualifiers[:3])


def quantity_label(key: tuple[str, str]) -> str:
    cls, qual = key
    return f"{qual} {cls}".strip()


def figure_conflicts(
    figures: Iterable[dict[str, Any]], aliases: dict[str, str] | None = None
) -> list[dict[str, Any]]:
    groups: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for f in figures:
        key = quantity_key(f)
        if key and f.get("claimant") and f.get("change") is None:
            groups[key].append(f)
    out = []
    for key, members in groups.items():
        parties = [canonical_party(f["claimant"], aliases) for f in members]
        involved: set[int] = set()
        for i in range(len(members)):
            for j in range(i + 1, len(members)):
                if parties[i] != parties[j] and disjoint(interval(members[i]), interval(members[j])):
                    involved.update((i, j))
        if not involved:
            continue
        chosen = [members[i] for i in sorted(involved)]
        values = [v for f in chosen for v in (f.get("value"), f.get("low"), f.get("high")) if v is not None]
        claimants = sorted({canonical_party(f["claimant"], aliases) or "" for f in chosen})
        out.append(
            {
                "kind": "figures",
                "topic": _common_topic(chosen),
                "quantity": quantity_label(key),
                "unit": key[0],
                "spread": (max(values) / min(values)) if values and min(values) > 0 else None,
                "claimants": claimants,
                "figures": chosen,
                "statements": [],
            }
        )
    return out


def stance_conflicts(statements: Sequence[dict[str, Any]], topic: str | None = None) -> list[dict[str, Any]]:
    """Denials against the claims on the same topic by other speakers."""
    by_topic: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for s in statements:
        for t in [topic] if topic else s.get("topics") or []:
            by_topic[t].append(s)
    out = []
    for name, members in by_topic.items():
        denials = [s for s in members if s.get("stance") == "deny" and s.get("speaker")]
        deniers = {canonical_party(s["speaker"]) for s in denials}
        claims = [
            s
            for s in members
            if s.get("stance") in ("assert", "confirm", "estimate")
            and s.get("speaker")
            and canonical_party(s["speaker"]) not in deniers
            and any(s.get("source_id") == d.get("source_id") for d in denials)
        ]
        if denials and claims:
            out.append(
                {
                    "kind": "stance",
                    "topic": name,
                    "quantity": None,
                    "unit": None,
                    "spread": None,
                    "claimants": sorted({canonical_party(s["speaker"]) or "" for s in denials + claims}),
                    "figures": [],
                    "statements": denials + claims,
                }
            )
    return out


def conflicts(
    figures: Iterable[dict[str, Any]],
    statements: Sequence[dict[str, Any]],
    topic: str | None = None,
    aliases: dict[str, str] | None = None,
) -> list[dict[str, Any]]:
    """All conflicts, most important first: widest spread, then most claimants."""
    found = figure_conflicts(figures, aliases)
    found.sort(key=lambda c: (-(c["spread"] or 0), -len(c["claimants"])))
    found += stance_conflicts(statements, topic)
    for number, c in enumerate(found, 1):
        c["id"] = number
    return [{"id": c.pop("id"), **c} for c in found]


def _common_topic(records: list[dict[str, Any]]) -> str | None:
    counts: dict[str, int] = defaultdict(int)
    for r in records:
        for t in r.get("topics") or []:
            counts[t] += 1
    return max(counts, key=lambda t: counts[t]) if counts else None
