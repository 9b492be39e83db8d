"""Quantities: which figures count the same thing, and who gave them.

Figures from different articles are about the same quantity when they belong to the
same story, count the same class of thing ("troop" ≈ "soldier"; a count of "people" who
"were killed" is a death count) and, where the text says so, the same place. Every step
is a rule a reader can check, and ``explain`` says which rules put a figure where it is.

Stories are found from the articles themselves: two articles belong to one story when
the names they mention most overlap (North Korea, Kursk, Zelensky…), so a death toll in
one story is never set against a death toll in another.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from claimtrack.extract.lexicon.quantities import (
    ALIASES,
    CIVILIAN_WORDS,
    COMBINED_PLACES,
    CONTEXT_CLASSES,
    MONEY_CONTEXT,
    PARTY_STOPWORDS,
    PEOPLE_UNITS,
    PLACE_ALIASES,
    POPULATION_WORDS,
    SELF_EXPLAINING,
    UNIT_CLASSES,
)
from claimtrack.extract.lexicon.units import CURRENCY_SIGNS, CURRENCY_WORDS

_UNIT_CLASS = {unit: name for name, units in UNIT_CLASSES.items() for unit in units}
# A capital not preceded by a word character ("\b[A-Z]"), written so that the pattern opens
# with a character class, which the regex engine skips to, rather than tries everywhere.
_NAME = re.compile(r"[A-Z](?<!\w[A-Z])[a-zA-Z’'-]{2,}(?:\s+[A-Z][a-zA-Z’'-]{2,})*")
# Capitalised words that name no one: sentence openers, months, days, titles.
_NOT_NAMES = frozenset(
    """The This That These Those There They Their Then When While After Before Since But And
    For With From Into About Over Under More Most Some Many Several Other Others Officials Official
    However Meanwhile Also According Earlier Later Last Next Its His Her Our Your Monday Tuesday
    Wednesday Thursday Friday Saturday Sunday January February March April May June July August
    September October November December President Minister Ministry Government Rep Sen Mr Mrs Ms Dr
    Reuters Associated Press AFP News Agency Times Post""".split()
)
_OPENING = re.compile(r"[.!?][\"”’']?\s+$")
_WORD = re.compile(r"[a-z0-9][a-z0-9'’-]*")
_INCREMENT = re.compile(r"(?:more|additional|extra|further|fresh)\b")
# "another 2,000 troops", "a further 1,500 soldiers": the words just before the number.
_INCREMENT_BEFORE = re.compile(r"\b(?:another|further|additional|extra|more)\s+\S*$")
_RATE = re.compile(
    r"\b(?:a|per|each|every) (?:day|week|month)\b|\b(?:daily|weekly|monthly)\b"
    r"|\b(?:in|over|during) the (?:past|last) (?:day|week|24 hours|month)\b"
)
_TROOP_NOUNS = "|".join(sorted({u.split()[-1] for u in UNIT_CLASSES["troops"]}, key=len, reverse=True))
_TROOP_WORD = re.compile(rf"\b(?:{_TROOP_NOUNS})s?\b")
_TROOPS_AFTER = re.compile(rf"\s*of (?:its|their|the|our)?\s*(?:\w+ )?(?:{_TROOP_NOUNS})s?\b")
# Words of a subject that do not say what is counted ("the", "likely", "all").
_SUBJECT_STOP = frozenset(
    "the a an of to in on for and or its their his her our this that these those all some most many "
    "more less likely about other others such each every any".split()
)
_CURRENCIES = frozenset(CURRENCY_SIGNS.values()) | frozenset(CURRENCY_WORDS.values())
_PLACE = re.compile(
    r"\b(?:in|across|inside)\s+(?:the\s+)?(?:(?:north|south|east|west)(?:ern|east|west)?(?:ern)?\s+)?"
    r"([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*(?:(?:\s*,\s*|\s+(?:and|or)\s+)[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*)?)"
)


def _cues(table: tuple[tuple[str, tuple[str, ...]], ...]) -> list[tuple[str, re.Pattern[str]]]:
    """(class, pattern of its cue words, each matched at a word start), in table order."""
    return [(name, re.compile("|".join(r"\b" + re.escape(c) for c in cues))) for name, cues in table]


_MONEY = _cues(MONEY_CONTEXT)
_CONTEXT = _cues(CONTEXT_CLASSES)


def counts_troops(figure: Mapping[str, Any]) -> bool | None:
    """True when a figure counts troops, False when civilians or people, None when unsaid.

    >>> counts_troops({"unit": "soldier"}), counts_troops({"unit": "person", "subject": "people"})
    (True, False)
    >>> counts_troops({"unit": "person", "subject": None}) is None
    True
    """
    words = set(_WORD.findall(f"{figure.get('unit') or ''} {figure.get('subject') or ''}".lower()))
    if any(unit_class(w.rstrip("s")) == "troops" or unit_class(w) == "troops" for w in words):
        return True
    if not figure.get("unit") and _TROOPS_AFTER.match(_window_of(figure)[0]):
        return True  # "64 of its soldiers"
    # Only a subject the text writes out says civilians: a unit may be inferred ("person").
    if set(_WORD.findall((figure.get("subject") or "").lower())) & CIVILIAN_WORDS:
        return False
    return None


def unit_class(unit: str | None) -> str | None:
    """The class of a unit lemma: soldiers and troops are both "troops".

    >>> unit_class("soldier"), unit_class("casualty"), unit_class("acre")
    ('troops', 'casualties', 'acre')
    """
    if not unit:
        return None
    u = unit.lower().strip()
    return _UNIT_CLASS.get(u, u)


def quantity_class(figure: Mapping[str, Any]) -> str | None:
    """What a figure counts, as a class that figures are compared in, or None.

    Counts of people take their class from the words around them, sums of money say what
    the money is ("insured losses (dollar)"), and any other unit is compared only with
    figures of the same subject ("percent: unemployment rate").

    >>> quantity_class({"unit": "dollar", "text": "$5bn", "sentence": "insured losses of $5bn", "start": 18,
    ...                 "sentence_start": 0})
    'insured losses (dollar)'
    """
    subject = " ".join(_WORD.findall((figure.get("subject") or "").lower()))
    after, before = _window_of(figure)
    own = (figure.get("text") or "").lower()
    if (
        _INCREMENT.match(subject)
        or _INCREMENT_BEFORE.search(before + " " + own.split(" ")[0])
        or _RATE.search(after + " " + before)
    ):
        return None  # "40,000 more troops", "1,000 a week": not a level to compare
    if set(subject.split()) & POPULATION_WORDS:
        return "population"
    cls = _base_class(figure)
    if cls is None or cls in SELF_EXPLAINING:
        return cls
    unit = (figure.get("unit") or "").lower()
    if unit in _CURRENCIES:
        # A sum of money says nothing about what it is without words around it: a fine, a
        # donation and a budget are not one quantity.
        found = _nearest(figure, _MONEY, by_order=True)
        return f"{found} ({unit})" if found else None
    words = [w for w in subject.split() if w not in _SUBJECT_STOP and _singular(w) != unit]
    if cls == "people" or not words:
        return None
    return f"{cls}: {' '.join(words)}"


def place(figure: Mapping[str, Any]) -> str | None:
    """The place a figure is given for: the nearest "in <Place>" after it in its clause,
    else before it; "combined" for a figure that adds up several places.

    >>> s = "Officials said 12,391 people died in Turkey and 2,992 in Syria, bringing the toll to 15,383."
    >>> [place({"sentence": s, "text": t, "start": s.index(t), "sentence_start": 0})
    ...  for t in ("12,391 people", "2,992", "15,383")]
    ['Turkey', 'Syria', None]
    >>> s = "The death toll in Turkey and Syria rose past 7,200."
    >>> place({"sentence": s, "text": "past 7,200", "start": s.index("past"), "sentence_start": 0})
    'combined'
    """
    sentence = figure.get("sentence") or ""
    offset = (figure.get("start") or 0) - (figure.get("sentence_start") or 0)
    end = offset + len(figure.get("text") or "")
    if not 0 <= offset <= end <= len(sentence):
        return None
    after, before = _window(sentence, offset, end, lower=False)
    follows_number = bool(re.search(r"\d", sentence[max(0, offset - 80) : offset]))
    if follows_number and (first := _PLACE.search(before)) and first.start() < 12:
        before = before[first.end() :]  # "… 2,992 in Syria, bringing …": that place is the other number's
    if any(w in (after + " " + before).lower() for w in COMBINED_PLACES):
        return "combined"
    matches = list(_PLACE.finditer(after))[:1] or list(_PLACE.finditer(before))[-1:]
    if not matches:
        return None
    named = [p.split()[0].removesuffix("’s").removesuffix("'s") for p in re.split(r"\s+(?:and|or)\s+|,\s*",
             matches[0].group(1).strip())]  # fmt: skip
    named = [PLACE_ALIASES.get(n.lower(), n) for n in named if n and n not in _NOT_NAMES]
    if len(set(named)) > 1:
        return "combined"
    return named[0] if named else None


def _singular(word: str) -> str:
    """A plural's singular, for telling a subject from its unit.

    >>> _singular("countries"), _singular("men"), _singular("voters"), _singular("glass")
    ('country', 'man', 'voter', 'glass')
    """
    if word.endswith("men"):
        return word[:-3] + "man"
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def locate(figure: Mapping[str, Any], known: set[str]) -> str | None:
    """The place, among places the story sets apart, that a figure is given for.

    Once a story has set places apart ("12,391 in Turkey and 2,992 in Syria"), any mention
    of one of them near a figure places it, demonyms included ("Turkish authorities say
    35,418 …"): the nearest mention after the figure in its clause, else before it, else
    the only one its sentence names.

    >>> s = "Turkish authorities say 35,418 people have been killed in the country."
    >>> locate({"sentence": s, "text": "35,418 people", "start": s.index("35"), "sentence_start": 0},
    ...        {"Turkey", "Syria"})
    'Turkey'
    """
    first = place(figure)
    if first in known or first == "combined":
        return first
    sentence = figure.get("sentence") or ""
    offset = (figure.get("start") or 0) - (figure.get("sentence_start") or 0)
    end = offset + len(figure.get("text") or "")
    if not known or not 0 <= offset <= end <= len(sentence):
        return None
    after, before = _window(sentence, offset, end, lower=False)
    spellings = {name: [name] + [a for a, n in PLACE_ALIASES.items() if n == name] for name in sorted(known)}
    stems = {
        name: re.compile("|".join(r"\b" + re.escape(w[: max(4, len(w) - 2)]) for w in words), re.IGNORECASE)
        for name, words in spellings.items()
    }
    for window in (after, before):
        found = sorted((m.start(), name) for name, rx in stems.items() for m in rx.finditer(window))
        for (a, x), (b, y) in itertools.pairwise(found):
            if x != y and re.fullmatch(r"\W*\w*\W*(?:and|,|-|–)\W*(?:\w+\s+)?", window[a + 4 : b]):
                return "combined"  # "in Turkey and neighbouring Syria"
    hits = [(m.start(), name) for name, rx in stems.items() for m in [rx.search(after)] if m]
    if hits:
        return min(hits)[1]
    hits = [(m.end(), name) for name, rx in stems.items() for m in rx.finditer(before)]
    if hits:
        return max(hits)[1]
    named = {name for name, rx in stems.items() if rx.search(sentence)}
    return named.pop() if len(named) == 1 else None


def _base_class(figure: Mapping[str, Any]) -> str | None:
    """What a figure counts, from its unit and, for counts of people, the words around it.

    >>> def fig(sentence, text):
    ...     return {"unit": None, "text": text, "sentence": sentence, "start": sentence.index(text),
    ...             "sentence_start": 0}
    >>> _base_class({**fig("500 people were killed.", "500 people"), "unit": "person"})
    'deaths'
    >>> _base_class({**fig("300 soldiers killed and 2,700 wounded", "2,700"), "unit": "soldier"})
    'wounded'
    >>> _base_class({**fig("about 3,000 soldiers are at bases", "about 3,000 soldiers"), "unit": "soldier"})
    'troops'
    """
    if figure.get("change"):
        return None  # an amount of change is not a level to compare
    unit = (figure.get("unit") or "").lower()
    cls = unit_class(unit)
    if unit and unit not in PEOPLE_UNITS and cls != "troops":
        return cls
    found = _nearest(figure, _CONTEXT)
    if found in ("casualties", "deaths", "wounded", "captured") or (found and cls != "troops"):
        return found
    if cls == "troops":
        return cls
    if not unit and _TROOP_WORD.search(" ".join(_window_of(figure))):
        return "troops"  # "the number of soldiers in Hallen at nearly 6,000"
    return "people" if unit else None


def _nearest(
    figure: Mapping[str, Any], classes: list[tuple[str, re.Pattern[str]]], by_order: bool = False
) -> str | None:
    """The class named by the nearest context word after (preferred) or before the figure."""
    sentence = figure.get("sentence") or ""
    offset = (figure.get("start") or 0) - (figure.get("sentence_start") or 0)
    end = offset + len(figure.get("text") or "")
    if not 0 <= offset <= end <= len(sentence):
        return None
    after, before = _window(sentence, offset, end)
    own = (figure.get("text") or "").lower()  # "4,100 wounded soldiers" says it itself
    best: tuple[int, int, str] | None = None
    for order, (name, rx) in enumerate(classes):
        candidates = [0] if rx.search(own) else []
        m = rx.search(after)
        candidates += [m.start() + 1] if m else []
        for m in rx.finditer(before):
            candidates.append(len(before) - m.end() + 8)  # words before count a little further off
        for distance in candidates:
            key = (order, distance) if by_order else (distance, order)
            if best is None or key < best[:2]:
                best = (*key, name)
    return best[2] if best else None


def _window_of(figure: Mapping[str, Any]) -> tuple[str, str]:
    sentence = figure.get("sentence") or ""
    offset = (figure.get("start") or 0) - (figure.get("sentence_start") or 0)
    end = offset + len(figure.get("text") or "")
    if not 0 <= offset <= end <= len(sentence):
        return ("", "")
    return _window(sentence, offset, end)


_AFTER_ENDS = re.compile(r"\d|[;:—–(]|, (?:and|but|while)\b")
_BEFORE_ENDS = re.compile(r"\d[\d,.]*\d\d(?![\d-])")


def _window(sentence: str, offset: int, end: int, lower: bool = True) -> tuple[str, str]:
    """The words after and before a figure that can speak of it: up to the next or the
    previous number, within a few words, and not past a clause break after it."""
    after = _AFTER_ENDS.split(sentence[end : end + 60], maxsplit=1)[0]
    before = _BEFORE_ENDS.split(sentence[max(0, offset - 80) : offset])[-1]
    return (after.lower(), before.lower()) if lower else (after, before)


def names(text: str) -> Counter[str]:
    """Names in a text: runs of capitalised words that are not sentence furniture.

    A lone capitalised word opening a sentence is left out: it may be any word.

    >>> sorted(names("Rebel commanders met Kim Jong-un. North Korea said no.").items())
    [('Kim Jong-un', 1), ('North Korea', 1)]
    """
    found: Counter[str] = Counter()
    for m in _NAME.finditer(text):
        words = [w for w in m.group(0).split() if w not in _NOT_NAMES]
        opening = m.start() == 0 or bool(_OPENING.search(text, max(0, m.start() - 4), m.start()))
        if words and not (opening and len(m.group(0).split()) == 1):
            found[" ".join(words)] += 1
    return found


# How many earlier sources sharing a name each source is compared with.
STORY_PEERS = 25
# Articles published further apart than this are not linked into one story: a story
# is a run of coverage, and a long one still forms through the articles between.
STORY_GAP_DAYS = 365


def sentence_names(records: Iterable[Mapping[str, Any]]) -> dict[tuple[Any, str], Counter[str]]:
    """The names in each distinct sentence of the records, by (source id, sentence)."""
    out: dict[tuple[Any, str], Counter[str]] = {}
    of_text: dict[str, Counter[str]] = {}  # wire copies repeat sentences word for word
    for r in records:
        key = (r.get("source_id"), r.get("sentence") or "")
        if key not in out:
            found = of_text.get(key[1])
            if found is None:
                found = of_text[key[1]] = names(key[1])
            out[key] = found
    return out


def stories(
    records: Iterable[Mapping[str, Any]],
    threshold: float = 0.25,
    found_names: Mapping[tuple[Any, str], Counter[str]] | None = None,
    published: Mapping[Any, str | None] | None = None,
) -> dict[Any, int]:
    """Group sources into stories by the names their records' sentences mention.

    Two sources are in one story when their most frequent names overlap by at least
    ``threshold`` of the smaller set and, when ``published`` gives the sources' dates,
    they appeared within ``STORY_GAP_DAYS`` of each other (an article of unknown date is
    linked only to others of unknown date); stories are the connected groups.
    ``found_names`` are the records' ``sentence_names``, when the caller has them.

    >>> stories([{"source_id": 1, "sentence": "Officials in Velm met Ana Ruiz."},
    ...          {"source_id": 2, "sentence": "Ana Ruiz left Velm."},
    ...          {"source_id": 3, "sentence": "Doctors in Tarn said so."}])
    {1: 0, 2: 0, 3: 1}
    """
    in_source: dict[Any, Counter[str]] = defaultdict(Counter)
    for (sid, _), found in (found_names or sentence_names(records)).items():
        in_source[sid].update(found)
    signature = {sid: {n for n, _ in found.most_common(12)} for sid, found in in_source.items()}
    parent = {sid: sid for sid in signature}

    def find(x: Any) -> Any:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    ids = sorted(signature, key=str)
    # Compare each source with the first sources that share one of its names, counting the
    # names shared through the postings rather than intersecting every pair: a store of
    # thousands of articles stays linear. Links are transitive, so a story still forms
    # when each article meets only the first few others that name the same people.
    postings: dict[str, list[Any]] = defaultdict(list)
    for sid in ids:
        for name in signature[sid]:
            postings[name].append(sid)
    unnamed = [sid for sid in ids if not signature[sid]]
    day = {sid: _first_day((published or {}).get(sid)) for sid in ids}
    size = {sid: len(names) for sid, names in signature.items()}
    for a in ids:
        sa = signature[a]
        shared = Counter(itertools.chain.from_iterable(postings[name][:STORY_PEERS] for name in sa))
        shared.pop(a, None)
        root, day_a = find(a), day.get(a)
        for b, count in shared.items():
            if count / min(size[a], size[b]) >= threshold and _near(day_a, day.get(b)):
                other = find(b)
                if other != root:
                    parent[root] = other
                    root = other
    # Articles that name no one give no reason to set them apart: they form one story, and
    # join the other one when there is only one.
    named_roots = {find(sid) for sid in ids if signature[sid]}
    for sid in unnamed:
        parent[find(sid)] = find(unnamed[0])
        if len(named_roots) == 1:
            parent[find(sid)] = next(iter(named_roots))
    roots: dict[Any, int] = {}
    return {sid: roots.setdefault(find(sid), len(roots)) for sid in ids}


def _first_day(published: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(published) if published else None
    except ValueError:  # not a date: as good as unknown
        return None


def _near(a: dt.date | None, b: dt.date | None) -> bool:
    """Whether two publication dates may be of one story (both unknown, or close)."""
    if a is None or b is None:
        return a is b
    return abs((a - b).days) <= STORY_GAP_DAYS


def story_names(
    records: Iterable[Mapping[str, Any]],
    story: Mapping[Any, int],
    found_names: Mapping[tuple[Any, str], Counter[str]] | None = None,
) -> dict[int, str]:
    """A name for each story: the name its sentences mention most ("Gaza", "Syria").

    Only names of one or two words count, so a story is called by its place or main
    party rather than by a long title.
    """
    counts: dict[int, Counter[str]] = defaultdict(Counter)
    for (sid, _), found in (found_names or sentence_names(records)).items():
        if sid not in story:
            continue
        for name, n in found.items():
            if len(name.split()) <= 2:
                counts[story[sid]][name.removesuffix("’s").removesuffix("'s")] += n
    return {number: c.most_common(1)[0][0] for number, c in counts.items() if c}


def canonical_party(name: str | None, aliases: Mapping[str, str] | None = None) -> str | None:
    """A claimant's canonical name through the aliases (built-in, then the user's).

    >>> canonical_party("Seoul"), canonical_party("the Kremlin"), canonical_party("NIS")
    ('South Korea', 'Russia', 'National Intelligence Service')
    """
    if not name:
        return None
    clean = re.sub(r"\s+", " ", name.strip(" -–—,.;:\"'“”‘’")).strip()
    key = clean.lower()
    # The user's aliases first, then the built-in ones; neither is copied: this runs for
    # every pair of figures compared.
    own = {k.lower(): v for k, v in aliases.items()} if aliases else {}
    for candidate in (key, key[4:] if key.startswith("the ") else None):
        if candidate is not None:
            found = own.get(candidate) or ALIASES.get(candidate)
            if found:
                return found
    return clean


def _party_words(name: str) -> set[str]:
    return {w.replace("’", "'").removesuffix("'s") for w in _WORD.findall(name.lower())} - PARTY_STOPWORDS


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Z][a-z]+", name))


def same_party(a: str | None, b: str | None, aliases: Mapping[str, str] | None = None) -> bool:
    """Whether two claimant names stand for the same party.

    >>> same_party("NIS", "South Korea's National Intelligence Service")
    True
    >>> same_party("Volodymyr Zelensky", "Zelensky"), same_party("police", "organisers")
    (True, False)
    >>> same_party("South Korea and the United States", "South Korea's National Intelligence Service")
    False
    """
    ca, cb = canonical_party(a, aliases), canonical_party(b, aliases)
    if not ca or not cb:
        return ca == cb
    if ca.lower() == cb.lower():
        return True
    wa, wb = _party_words(ca), _party_words(cb)
    for short, long_name in ((ca, cb), (cb, ca)):
        if short.isupper() and 2 <= len(short) <= 6 and short in _initials(long_name):
            return True
        if short.isupper() and short.lower() in _party_words(long_name):
            return True
    if not wa or not wb:
        return False
    # One name inside the other ("Zelensky" in "Volodymyr Zelensky"), or nearly so: sharing
    # "South Korea" does not make the NIS one party with "South Korea and the United States".
    small, large = sorted((wa, wb), key=len)
    return len(small & large) / len(small) >= 0.75
