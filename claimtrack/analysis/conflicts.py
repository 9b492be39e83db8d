"""Conflicts: where sources disagree.

Figures are first sorted into quantities (``quantities``: the same story, the same
class of thing counted). Within a quantity two figures **disagree** when different
claimants give them, their intervals do not overlap, and they speak of about the same
time; a figure a claimant gives and later changes is a **revision**. Each qualifier gives
an interval: "about x" is x ± 10 %, "nearly x" [0.9x, x], "over x" (x, ∞), "up to x"
[0, x], a range its ends. A figure the article states itself is the outlet's own claim.

A conflict is a connected group of disagreeing (and revised) figures; a group held
together by revisions alone is reported as a revision. Figures of an article with no
date (neither a publication date nor one of their own) are compared only with the other
figures of that article: nothing says whether another article speaks of the same time.
Stance conflicts set denials against the claims they deny on the same topic.

These are pure functions over records as the store returns them (dicts).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from claimtrack.analysis.quantities import (
    canonical_party,
    counts_troops,
    locate,
    place,
    quantity_class,
    same_party,
    sentence_names,
    stories,
    story_names,
)
from claimtrack.extract.lexicon.quantities import EVENT_CLASSES
from claimtrack.extract.patterns import trie
from claimtrack.models import period

# Figures further apart than this speak of different moments: not a disagreement.
SAME_TIME_DAYS = 10
# Figures of one quantity further apart than this factor count different things.
MAX_RATIO = 30
# Different parties' figures further apart than this many days are not one series.
SERIES_DAYS = 60
# A stance conflict lists at most this many claims, those closest to the denials first.
MAX_CLAIMS = 12
# Counts at an event (a march) further apart than this are of different events.
EVENT_DAYS = 2


def interval(f: Mapping[str, Any]) -> tuple[float, float]:
    """The values a figure admits, from its qualifier.

    "Over x" and "under x" leave x itself out: over 100 and exactly 100 disagree.

    >>> interval({"value": 100, "qualifier": "about"}), interval({"value": 100, "qualifier": "at_least"})
    ((90.0, 110.0), (100.0, inf))
    >>> interval({"value": 100, "qualifier": "over"})[0] > 100
    True
    >>> interval({"value": None, "low": 5, "high": 10, "qualifier": "range"})
    (5.0, 10.0)
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
        "over": (math.nextafter(x, math.inf), math.inf),
        "at_least": (x, math.inf),
        "under": (0.0, math.nextafter(x, -math.inf)),
        "up_to": (0.0, x),
    }.get(q, (x, x))


def disjoint(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[1] < b[0] or b[1] < a[0]


def _day(f: Mapping[str, Any]) -> dt.date | None:
    bounds = period(f.get("date") or f.get("published"))
    return dt.date.fromisoformat(bounds[0]) if bounds else None


def _number(f: Mapping[str, Any]) -> tuple[Any, Any, Any]:
    return (f.get("value"), f.get("low"), f.get("high"))


def _party(f: Mapping[str, Any]) -> str | None:
    """Who stands behind a figure: its claimant, else the outlet that printed it."""
    return f.get("claimant") or f.get("outlet") or f.get("path")


def quantity_groups(
    figures: Iterable[dict[str, Any]], statements: Sequence[dict[str, Any]] = ()
) -> dict[tuple[int, str, str, str], list[dict[str, Any]]]:
    """Figures by quantity: (story number, class of thing counted, place, story name).

    Places split a quantity only where the text itself sets them apart: when one sentence
    gives figures of one class for different places ("12,391 in Turkey and 2,992 in
    Syria"). Elsewhere "in Kursk" and "in Russia" describe one deployment.
    """
    figures = [f for f in figures if f.get("value") is not None or f.get("high") is not None]
    # The names of the sentences of articles with figures, read once for both: other
    # articles' statements have no figure to group.
    with_figures = {f.get("source_id") for f in figures}
    named_records = [*figures, *(s for s in statements if s.get("source_id") in with_figures)]
    found = sentence_names(named_records)
    published = {r.get("source_id"): r.get("published") for r in named_records}
    story = stories([], found_names=found, published=published)
    named = story_names([], story, found_names=found)
    by_class: dict[tuple[int, str], list[dict[str, Any]]] = defaultdict(list)
    for f in figures:
        cls = quantity_class(f)
        if cls:
            by_class[(story.get(f.get("source_id"), -1), cls)].append(f)
    groups: dict[tuple[int, str, str], list[dict[str, Any]]] = defaultdict(list)
    for (number, cls), members in list(by_class.items()):
        if cls in ("deaths", "wounded", "casualties"):
            kinds = [counts_troops(f) for f in members]
            if True in kinds and False in kinds:  # the story counts soldiers and civilians apart
                by_class[(number, cls)] = [f for f, k in zip(members, kinds, strict=True) if not k]
                by_class[(number, f"troops {cls}")] = [f for f, k in zip(members, kinds, strict=True) if k]
    for (number, cls), members in by_class.items():
        where = [place(f) for f in members]
        per_sentence: dict[Any, set[str]] = defaultdict(set)
        for f, p in zip(members, where, strict=True):
            if p and p != "combined":
                per_sentence[(f.get("source_id"), f.get("sentence_start"))].add(p)
        # Places one sentence sets apart stay apart in every article of the story.
        contrasted = set().union(*(ps for ps in per_sentence.values() if len(ps) > 1))
        located = [locate(f, contrasted) if contrasted else None for f in members]
        in_source: dict[Any, Counter[str]] = defaultdict(Counter)
        for f, p in zip(members, located, strict=True):
            if p in contrasted:
                in_source[f.get("source_id")][p] += 1
        overall = sum(in_source.values(), Counter())
        dominant = [p for p, n in overall.items() if n >= 0.75 * sum(overall.values())]
        for f, p in zip(members, located, strict=True):
            if p is None:  # unplaced: the article's one place, else the story's dominant one
                here = in_source.get(f.get("source_id"))
                if here:
                    p = next(iter(here)) if len(here) == 1 else None
                else:
                    p = next(iter(dominant), None)
            groups[(number, cls, p if p in contrasted else "")].append(f)
    return {
        (number, cls, where, named.get(number, "")): members
        for (number, cls, where), members in groups.items()
    }


def quantities(
    figures: Iterable[dict[str, Any]], statements: Sequence[dict[str, Any]] = ()
) -> list[dict[str, Any]]:
    """Every quantity with its figures in date order: {quantity, unit, place, figures}.

    Each figure gains a "quantity" field with its quantity's label, and a "why" field
    saying which rules put it there: what it counts, its story and its place.
    """
    groups = quantity_groups(figures, statements)
    base = {key: quantity_label(key[1], members) for key, members in groups.items()}
    shared = Counter(label for (_, _, where, _), label in base.items() if not where)
    out = []
    for key, members in groups.items():
        _, cls, where, story = key
        members.sort(key=lambda f: (_day(f) or dt.date.min, f.get("source_id") or 0, f.get("start") or 0))
        label = base[key]
        if where:
            label += f" in {where}"
        elif shared[label] > 1 and story:  # two stories count the same thing: say which
            label += f" — {story}"
        for f in members:
            f["quantity"] = label
            f["why"] = _why(f, cls, where, story)
        out.append({"quantity": label, "unit": cls, "place": where or None, "figures": members})
    out.sort(key=lambda q: (-len(q["figures"]), q["quantity"]))
    return out


def _why(f: Mapping[str, Any], cls: str, where: str, story: str) -> str:
    """The rules that put a figure in its quantity, in words."""
    unit = f.get("unit")
    how = f" (unit {unit!r})" if unit and unit != cls else " (from the words around it)"
    counted = f"counts {cls}{how}"
    parts = [counted, f"story of {story}" if story else "its own story"]
    parts.append(f"place {where}" if where else "no place set apart")
    return "; ".join(parts)


def figure_conflicts(
    figures: Iterable[dict[str, Any]],
    statements: Sequence[dict[str, Any]] = (),
    aliases: Mapping[str, str] | None = None,
) -> list[dict[str, Any]]:
    out = []
    for quantity in quantities(figures, statements):
        out.extend(_conflicts_in(quantity["unit"], quantity["quantity"], quantity["figures"], aliases))
    return out


def _conflicts_in(
    cls: str, label: str, members: list[dict[str, Any]], aliases: Mapping[str, str] | None
) -> list[dict[str, Any]]:
    """The figures of one quantity that differ, as conflicts or revisions.

    A running count (a toll, a deployment) is one series over time; a count at an event
    (a march) is compared only with counts of the same days.
    """
    n = len(members)
    days = [_day(f) for f in members]
    # When a figure was given, for "at the same time": a projection made on the same day as
    # a count disagrees with it, whatever date it projects to.
    said = [_day({"date": f.get("published")}) or days[k] for k, f in enumerate(members)]
    spans = [interval(f) for f in members]
    parties = [_party(f) for f in members]
    sources = [f.get("source_id") for f in members]
    edges: dict[int, set[int]] = defaultdict(set)
    disagree: set[tuple[int, int]] = set()
    for i in range(n):
        for j in range(i + 1, n):
            if _number(members[i]) == _number(members[j]):
                continue
            if (said[i] is None or said[j] is None) and sources[i] != sources[j]:
                continue  # an article of unknown date cannot be set beside another in time
            apart = abs((said[i] - said[j]).days) if said[i] and said[j] else 0
            if cls in EVENT_CLASSES and apart > EVENT_DAYS:
                continue
            if not _comparable(members[i], members[j]):
                continue  # $800,000 and $2.9 trillion are not one quantity
            if not one_party_series_window(apart, parties[i], parties[j], aliases):
                continue
            one_party = same_party(parties[i], parties[j], aliases)
            if not one_party and apart == 0 and not disjoint(spans[i], spans[j]):
                continue  # two parties whose figures agree on the day ("about 3,000" and 3,200)
            edges[i].add(j)
            edges[j].add(i)
            if not one_party and apart <= SAME_TIME_DAYS and disjoint(spans[i], spans[j]):
                disagree.add((i, j))  # two parties, the same days, figures that cannot both hold
    out, seen = [], set()
    for start in range(n):
        if start in seen or not edges[start]:
            continue
        component, stack = [], [start]
        seen.add(start)
        while stack:
            i = stack.pop()
            component.append(i)
            for j in edges[i] - seen:
                seen.add(j)
                stack.append(j)
        component.sort(
            key=lambda i: (days[i] or dt.date.min, members[i].get("source_id") or 0, members[i]["start"])
        )
        chosen = [members[i] for i in component]
        named = f"{label}, {days[component[0]]}" if cls in EVENT_CLASSES and days[component[0]] else label
        inside = set(component)
        conflict = any(i in inside and j in inside for i, j in disagree)
        values = [abs(v) for f in chosen for v in _number(f) if v is not None]
        out.append({
            "kind": "figures" if conflict else "revision",
            "topic": _common_topic(chosen),
            "quantity": named,
            "unit": cls,
            "spread": round(max(values) / min(values), 3) if values and min(values) > 0 else None,
            "claimants": sorted({canonical_party(_party(f), aliases) or "" for f in chosen}),
            "figures": chosen,
            "statements": [],
        })  # fmt: skip
    return out


def _comparable(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Whether two figures are within ``MAX_RATIO`` of each other: further apart, they count
    different things however alike their words."""
    x, y = _level(a), _level(b)
    if not x or not y:
        return True
    return max(x, y) / min(x, y) <= MAX_RATIO


def one_party_series_window(
    apart: int, a: str | None, b: str | None, aliases: Mapping[str, str] | None
) -> bool:
    """Different parties' figures further apart than ``SERIES_DAYS`` are not one series:
    they speak of different moments of a story, or of different stories."""
    return apart <= SERIES_DAYS or same_party(a, b, aliases)


def _level(f: Mapping[str, Any]) -> float | None:
    value = f.get("value")
    if value is None and f.get("low") is not None and f.get("high") is not None:
        value = (f["low"] + f["high"]) / 2
    return abs(float(value)) if value is not None else None


def quantity_label(cls: str, figures: Sequence[Mapping[str, Any]]) -> str:
    """A readable name for a quantity: its class, led by the names its subjects share.

    >>> quantity_label("troops", [{"subject": "North Korean soldiers"}, {"subject": "troops"}])
    'North Korean troops'
    >>> quantity_label("deaths", [{"subject": "people"}])
    'deaths'
    """
    leads: Counter[str] = Counter()
    for f in figures:
        words = (f.get("subject") or "").split()
        lead = []
        for word in words[:-1]:  # the capitalised words before the head noun: "North Korean"
            if not word[:1].isupper():
                break
            lead.append(word)
        if lead:
            leads[" ".join(lead)] += 1
    if leads:
        lead = max(leads, key=lambda k: (leads[k], len(k)))
        if lead.lower() not in cls.lower():
            return f"{lead} {cls}"
    return cls


_STOP = frozenset(
    "that this with from have been were they their there which about would could will said says also than "
    "into over after before when what some more most other such only very just them these those being".split()
)


def _content_words(statement: Mapping[str, Any]) -> dict[str, int]:
    """The words of a statement's content with a weight: names count double."""
    words: dict[str, int] = {}
    for word in _CONTENT_WORD.findall(statement.get("content") or ""):
        key = word.lower().removesuffix("'s").rstrip("s")
        if key not in _STOP and words.get(key) != 2:
            words[key] = 2 if word[0].isupper() else 1
    return words


_CONTENT_WORD = re.compile(r"[A-Za-z][A-Za-z'-]{3,}")


def stance_conflicts(
    statements: Sequence[dict[str, Any]], topic: str | None = None, aliases: Mapping[str, str] | None = None
) -> list[dict[str, Any]]:
    """Denials against the claims they deny: on the same topic, by other parties, and
    speaking of the same things (their contents share names or words)."""
    by_topic: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for s in statements:
        for t in [topic] if topic else s.get("topics") or []:
            by_topic[t].append(s)
    out = []
    # A content's words, worked out once: wire copies print the same statements many times.
    words_of: dict[str, dict[str, int]] = {}
    for name, members in sorted(by_topic.items()):
        denials = [s for s in members if s.get("stance") == "deny" and s.get("speaker")]
        if not denials:
            continue
        # Which denials use each word, so a claim is scored only against denials it shares
        # a word with, not against all of them; denials with the same words (copies of one)
        # count once, as the best score is the same.
        denied: dict[str, list[tuple[int, int]]] = defaultdict(list)
        distinct: dict[frozenset[tuple[str, int]], int] = {}
        for d in denials:
            weighted = _content_words(d)
            key = frozenset(weighted.items())
            if key not in distinct:
                k = distinct[key] = len(distinct)
                for word, weight in weighted.items():
                    denied[word].append((k, weight))
        deniers = {d["speaker"] for d in denials}
        among_deniers: dict[str, bool] = {}  # by speaker: whether one of the deniers is their party
        # Each word's key begins the word: a claim none of whose words begins with a key
        # shares nothing with the denials, and is passed over without reading its words.
        shares = re.compile(r"\b(?:" + trie(sorted(denied)) + ")") if denied else None
        claims = []
        for s in members:
            if s.get("stance") not in ("assert", "confirm", "estimate") or not s.get("speaker"):
                continue
            content = s.get("content") or ""
            if shares is None or not shares.search(content.lower()):
                continue
            words = words_of.get(content)
            if words is None:
                words = words_of[content] = _content_words(s)
            scores = [0] * len(distinct)  # by distinct denial: a list, for the inner loop's sake
            for word, weight in words.items():
                for k, other in denied.get(word, ()):
                    scores[k] += weight if weight < other else other
            score = max(scores)
            if score < 2:
                continue
            speaker = s["speaker"]
            denies_too = among_deniers.get(speaker)
            if denies_too is None:
                denies_too = among_deniers[speaker] = any(same_party(speaker, d, aliases) for d in deniers)
            if not denies_too:
                claims.append((score, s))
        claims.sort(key=lambda pair: -pair[0])
        chosen = [s for _, s in claims[:MAX_CLAIMS]]
        if chosen:
            out.append({
                "kind": "stance",
                "topic": name,
                "quantity": None,
                "unit": None,
                "spread": None,
                "claimants": sorted({canonical_party(s["speaker"], aliases) or "" for s in denials + chosen}),
                "figures": [],
                "statements": denials + chosen,
            })  # fmt: skip
    return out


def conflicts(
    figures: Iterable[dict[str, Any]],
    statements: Sequence[dict[str, Any]],
    topic: str | None = None,
    aliases: Mapping[str, str] | None = None,
) -> list[dict[str, Any]]:
    """All conflicts, most important first: figure conflicts by spread and number of
    independent claimants, then revisions, then denials against claims."""
    found = figure_conflicts(figures, statements, aliases)
    found.sort(key=lambda c: (c["kind"] != "figures", -(c["spread"] or 0), -len(c["claimants"])))
    found += stance_conflicts(statements, topic, aliases)
    return [{"id": number, **c} for number, c in enumerate(found, 1)]


def _common_topic(records: Sequence[Mapping[str, Any]]) -> str | None:
    counts: Counter[str] = Counter(t for r in records for t in r.get("topics") or [])
    return counts.most_common(1)[0][0] if counts else None
