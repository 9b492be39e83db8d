"""Find figures — numbers that count or measure something — in news text.

The text is scanned once for triggers (a digit, a number word); at each, one compiled
pattern reads the amount (digits, number words, a currency sign, a scale word, a range),
and small anchored patterns read its context: the qualifier before it, the unit or noun
phrase after it, whether it is a change ("rose by 5%") or a level, and whether its clause
is a projection. The design decision a reader needs: **precision first**. A figure that is
not one (a year, a date, an age, a bill number, "one of the") would set off a false
conflict between sources, so every doubtful reading is dropped rather than guessed:

- dates, years, decades, times, ordinals, phone numbers, identifiers ("Resolution 2231",
  "F-16", "the S&P 500"), multipliers ("10 times"), people's ages ("a 45-year-old") and a
  bare "one" ("one soldier", "one of the") are not figures;
- durations are figures ("jailed for three years": 3 "year") unless they place an event in
  time ("two weeks after", "the past three years") or name a kind of thing ("a three-month
  state of emergency"); the age of a thing older than anyone is one ("a 2,900-year-old wall");
- "from $75 to $45" is one range, not two levels of one quantity; "5 to 4" with the larger
  number first is a tally or a ratio, not a range;
- a conversion in brackets ("more than 7.5 million crowns ($1.1 million)") keeps the bound and
  change of the figure it restates;
- fractions written out ("two-thirds of", "1/16 of") have unit "fraction"; a bare "half" is
  left out, being as often a time ("the first half") as a share;
- indefinite amounts ("thousands of") are only reported with ``vague=True``, as a range with
  the bounds given in ``VAGUE_AMOUNTS``: they are counts, but hand-labelled news leaves them
  out, and a range as wide as "thousands" overlaps, and so disputes, every exact figure.

All words live in the lexicon modules; the patterns here are built from them.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace

from claimtrack.extract.lexicon.numbers import (
    CHANGE_NOUNS,
    CHANGE_VERBS,
    CURRENCY_SCALE_ABBREVIATIONS,
    FRACTIONS,
    PROJECTION_CUES,
    QUALIFIERS_AFTER,
    QUALIFIERS_BEFORE,
    SCALE_ABBREVIATIONS,
    SCALES,
    TENS,
    TRANSITIVE_CHANGE_VERBS,
    UNITS,
    VAGUE_AMOUNTS,
)
from claimtrack.extract.lexicon.units import (
    COLLECTIVE_NOUNS,
    COMPOUND_ADJECTIVES,
    CONTAINER_NOUNS,
    COUNT_NOUNS,
    CURRENCY_SIGNS,
    CURRENCY_WORDS,
    DURATIONS,
    GLUED_ONLY_UNITS,
    GLUED_UNITS,
    IDENTIFIER_NOUNS,
    IDENTIFIER_NOUNS_AFTER,
    IRREGULAR_PLURALS,
    NOUN_PHRASE_STOPS,
    PERCENT,
    PERSON_PARTICIPLES,
    STREET_WORDS,
    TIME_ANCHORS,
    TIME_WINDOWS,
    UNITS_BEFORE,
)
from claimtrack.extract.lexicon.units import UNITS as MEASURES
from claimtrack.extract.patterns import ODD_CASE_LETTERS, ORDINAL_SUFFIX, trie
from claimtrack.models import Figure, Sentence

__all__ = ["find_figures", "lemma", "parse_number"]


_ATOM = trie([*UNITS, *TENS])
_ATOM_FULL = rf"(?:{trie(TENS)})(?:-(?:{trie(UNITS)}))?|{_ATOM}"
_SCALE_WORD = trie(SCALES)
# "three thousand", "twenty-five", "a dozen", "one hundred and twenty", "two million"
_NUMBER_WORDS = (
    rf"(?:(?:{_ATOM_FULL})|(?:an?)(?=[\s-]+(?:{_SCALE_WORD})\b))"
    rf"(?:(?:[\s-]+(?:{_SCALE_WORD})s?)|(?:(?:(?<=hundred)|(?<=thousand))\s+and)?[\s-]+(?:{_ATOM_FULL}))*"
    r"(?:\s+and\s+a\s+half)?"
)
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d,]\d)|\.\d+"
_CURRENCY = trie(CURRENCY_SIGNS)
_SCALE_AFTER = (
    rf"(?:(?:[\s-]+(?:{_SCALE_WORD})\b)+|\s?(?:{trie(SCALE_ABBREVIATIONS)})\b"
    rf"|(?P<{{p}}cabbr>(?<=\d)(?:{trie(CURRENCY_SCALE_ABBREVIATIONS)})\b))"
)
# Scientific notation: "6.02 x 10^23", "3×10⁸", "1.99×10−30" (a superscript minus lost in copy).
_EXPONENT = r"(?<=\d)\s?[×xX]\s?10(?:\^\s?|(?=[−⁻⁰¹²³⁴⁵⁶⁷⁸⁹]))(?P<{p}expn>[-−⁻]?(?:\d+|[⁰¹²³⁴⁵⁶⁷⁸⁹]+))"
_SUPERSCRIPTS = str.maketrans("⁻⁰¹²³⁴⁵⁶⁷⁸⁹−", "-0123456789-")
_PERCENT_AFTER = rf"(?:\s?%|\s?(?:{trie(k for k in PERCENT if k != '%')})\b)"


def _amount(p: str) -> str:
    return (
        rf"(?:(?P<{p}minus>\bminus[\s-]|−)?(?P<{p}cur>(?<![\w$])(?:{_CURRENCY})\s?)(?P<{p}minus3>[-−](?=\d))?|(?P<{p}minus2>\bminus[\s-]|−)?(?<![\w.,]))"
        rf"(?P<{p}num>{_DIGITS}|\b(?:{_NUMBER_WORDS})\b)"
        rf"(?P<{p}exp>{_EXPONENT.format(p=p)})?"
        rf"(?P<{p}scale>{_SCALE_AFTER.format(p=p)})?"
        rf"(?P<{p}pct>{_PERCENT_AFTER})?"
    )


# Every figure starts after a non-word character or at a minus sign "−": saying so first lets
# the search skip the inside of words at once instead of trying every alternative there.
_FIGURE = re.compile(
    rf"(?:(?<!\w)|(?=−))(?P<between>\b(?:between|from)\s+)?{_amount('a')}"
    rf"(?:(?P<sep>\s*[-–—]\s*|-to-|\s+to\s+|\s+and\s+|\s+or\s+){_amount('b')})?",
    re.IGNORECASE,
)
# The scan: a digit or a number word starts every figure's number, and nothing in a figure
# comes more than _LEAD characters before it ("between US$ 5").
_DIGIT = re.compile(r"\d\d*")  # as \d+, but the scan skips ahead on the first digit: faster
# A number word after a non-letter: matching that character, not looking behind for it, lets
# the scan skip ahead on the first character: twice as fast.
_NUMBER_WORD = re.compile(rf"[^a-z]({trie([*UNITS, *TENS, *SCALES, *FRACTIONS])})(?![a-z])")
_FIRST_NUMBER_WORD = re.compile(rf"({trie([*UNITS, *TENS, *SCALES, *FRACTIONS])})(?![a-z])")
# A year with nothing after it that could make it an amount ("in 2000 km", "2008 to 2010", "1999-00")
# is dropped before the full reading, which would drop it too: a third of all digits are years.
_BARE_YEAR = re.compile(
    r"(?:1\d|2[01])\d\d(?:'?s\b|(?=[\s.,;:!?)\]\"'”’]|$)(?![.,]\d|\s*[-–—/%])"
    rf"(?!\s+(?:to|and|or)\s+(?:[\d$€£¥₹]|(?:{_ATOM_FULL})\b))(?:\s+(?P<w>[A-Za-z]+))?)",
    re.IGNORECASE,
)
# A bare "one" ("one of the", "one soldier"), which the full reading drops as a determiner: not
# "one million", "one-third" or the end of a range ("one to three").
_BARE_ONE = re.compile(
    rf"one(?![\s-]*(?:{_SCALE_WORD}|{trie(SCALE_ABBREVIATIONS)})\b|\s*[-–—]|\s+(?:to|and|or)\b)",
    re.IGNORECASE,
)
_AMOUNT_WORDS = frozenset(
    w.split()[0].lower() for w in (*MEASURES, *PERCENT, *SCALES, *SCALE_ABBREVIATIONS, *CURRENCY_WORDS)
)
_LEAD = 24
# Words take a space before the number ("about 45"); signs and prefixes may not ("~45", "sub-7").
_SIGNS_BEFORE = [k for k in QUALIFIERS_BEFORE if not (k[-1].isalnum() or k[-1] == ".")]
_QUALIFIER_BEFORE = re.compile(
    rf"(?<![\w])(?:(?P<q>{trie(k for k in QUALIFIERS_BEFORE if k not in _SIGNS_BEFORE)})\s+"
    rf"|(?P<sign>{trie(_SIGNS_BEFORE)})\s*)$",
    re.IGNORECASE,
)
_QUALIFIER_AFTER = re.compile(
    rf"(?:\s+(?P<w>{trie(k for k in QUALIFIERS_AFTER if k != '+')})\b|[-\s]?(?P<plus>plus\b|\+))",
    re.IGNORECASE,
)
_VAGUE = re.compile(rf"\b(?:{trie(VAGUE_AMOUNTS)})(?=\s)", re.IGNORECASE)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_MONTH_BEFORE = re.compile(rf"\b{_MONTH}\.?\s+$", re.IGNORECASE)
_MONTH_AFTER = re.compile(rf"(?:st|nd|rd|th)?(?:\s+of)?\s+{_MONTH}\b", re.IGNORECASE)
_NOT_AFTER = re.compile(  # ordinals, decades, times, dates, ratios, multipliers, ages
    r"(?:st|nd|rd|th)\b|'?s\b|’s\b|\s*(?:a\.m\.|p\.m\.|am\b|pm\b|gmt\b|utc\b|[ecmp][sd]t\b|bst\b|cet\b|hrs\b|h\b)"
    r"|[:/⁄]\d|\.\d|-\d{2}-\d{2}|\s+times\b|-fold\b|x\b"
    rf"|[\s-](?:{trie(FRACTIONS)})\b",
    re.IGNORECASE,
)
# An age: "a 45-year-old", "18 months old". A person's age is not a figure; the age of a
# thing older than anyone ("a 2,900-year-old site") is one, in years.
_AGE_AFTER = re.compile(r"\s*-?\s*(?P<u>year|month|week|day)s?[-\s]old\b", re.IGNORECASE)
_OLDEST_PERSON = 130
_NOT_BEFORE = re.compile(  # identifiers, ages, dates, ratios
    r"(?:[A-Za-z]-|[/:#№⁄]|\bout\s+of\s+|\bno\.\s*|\b(?:aged?|ages|top|bottom)\s+|\bone\s+of\s+(?:the|its|their)\s+)$",
    re.IGNORECASE,
)
_TIME_WINDOW_BEFORE = re.compile(rf"\b(?:{trie(TIME_WINDOWS)})\s+$", re.IGNORECASE)
_TIME_ANCHOR_AFTER = re.compile(rf"(?:\s+[a-z]+)?\s+(?:{trie(TIME_ANCHORS)})\b", re.IGNORECASE)
_CONVERSION_GAP = re.compile(r"\s*\(\s*|\s*/\s*")
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_TO_BETWEEN = re.compile(r"[^,;:()]{0,30}?\s+to\s+", re.IGNORECASE)
_PEOPLE_AFTER = re.compile(
    rf"\s+(?:were|are|was|is|have\s+been|has\s+been|had\s+been)\s+(?:{trie(PERSON_PARTICIPLES)}|present)\b",
    re.IGNORECASE,
)
_COUNT_BEFORE = re.compile(
    rf"\b(?:(?P<toll>toll)|the\s+(?P<people>{trie(PERSON_PARTICIPLES)})"
    # "the number of Varnian soldiers": capitalised modifiers before the counted noun
    rf"|(?:{trie(COUNT_NOUNS)})\s+of\s+(?:the\s+)?(?-i:(?:[A-Z][\w’'-]*\s+){{0,3}})(?P<noun>[a-z]+))\b",
    re.IGNORECASE,
)
# "two-thirds of", "a quarter of", "half of", "1/16 of", "one out of three": a share of a whole.
_FRACTION = re.compile(
    rf"(?<![\w/⁄.,-])(?:(?P<num>{_ATOM}|an?)[\s-]+(?P<den>{trie(FRACTIONS)})"
    rf"|(?P<dnum>\d+)\s?[/⁄]\s?(?P<dden>\d+)|(?P<onum>{_ATOM}|\d+)\s+out\s+of\s+(?P<oden>{_ATOM}|\d+))"
    rf"(?=\s+(?:of|the|a|an|[a-z]+s)\b)",
    re.IGNORECASE,
)
_WORD_BEFORE = re.compile(r"\b([A-Za-z][\w.'’&]*)\s+$")
_IDENTIFIER_AFTER = re.compile(rf"\s+(?:{trie(IDENTIFIER_NOUNS_AFTER)})\b", re.IGNORECASE)
_STREET_AFTER = re.compile(
    rf"(?:\s+[A-Z][\w.'’]*){{1,3}}\s+(?:{trie(STREET_WORDS)})\b\.?|\s+[NSEW]\.?\s+\d", re.IGNORECASE
)
_PHONE = re.compile(r"(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)\s?|\d{3}[.-])\d{3}[.-]\d{4}\b")
_YEAR_CONTEXT = re.compile(
    r"\b(?:in|since|by|of|from|until|till|to|and|between|the|early|late|mid|fiscal|year|before|after"
    r"|during|through|for|circa|summer|winter|spring|autumn|fall|season|\w+est)\s+(?:the\s+)?$|[-–]$|'$",
    re.IGNORECASE,
)
_WORD = re.compile(r"[ \t]*(?:\n(?!\s*\n)[ \t]*)?([A-Za-z][\w'’&]*(?:-[A-Za-z][\w'’&]*)*)")
_COMPOUND = re.compile(r"-([A-Za-z]+)")
_SUSPENDED = re.compile(
    rf"-,?\s+(?:(?:\d[\d,.]*|{_ATOM_FULL})-,?\s+)*(?:(?:and|or|to)\s+)?(?:\d[\d,.]*|{_ATOM_FULL})-(?P<w>[A-Za-z]+)",
    re.IGNORECASE,
)
_GLUED = re.compile(rf"(?:{trie(GLUED_UNITS)})(?![\w])", re.IGNORECASE)
_GLUED_ONLY = re.compile(rf"(?:{trie(GLUED_ONLY_UNITS)})(?![\w])")  # case matters: "5G", "5g"
_CURRENCY_WORD = re.compile(
    rf"\s+(?:(?:us|u\.s\.|hong\s+kong|canadian|australian|new\s+zealand|singapore)\s+)?"
    rf"(?P<w>{trie(CURRENCY_WORDS)})\b",
    re.IGNORECASE,
)
_UNIT_BEFORE = re.compile(rf"\b({trie(UNITS_BEFORE)})[\s-]+(?:of\s+)?[^\s]+$", re.IGNORECASE)
_CURRENCY_SIGN_AFTER = re.compile(r"\s?([$€£¥₹₩₽₪])")
_MEASURE = re.compile(rf"[ \t]?(?P<w>{trie(MEASURES)})(?![\w/²])", re.IGNORECASE)
_OF_PHRASE = re.compile(
    r"\s+(?:of|in)\s+((?:(?:the|its|their|his|her|a|an)\s+)?[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*)?)"
)
_CLAUSE_BREAK = re.compile(r"[;:—–]|,\s+(?:but|while|whereas|although|though|as|after|when)\b|\bbut\b")
_PROJECTION = re.compile(rf"(?<![\w'’])(?:{trie(PROJECTION_CUES)})(?![\w'’])", re.IGNORECASE)
# The cues in lower-cased text after anything but a letter: found wherever _PROJECTION matches
# (and in a few more places), several times faster, as the scan skips every letter at once.
_CUE_LETTERS = re.compile(rf"[^a-z](?:{trie(PROJECTION_CUES)})")
_CHANGE_BEFORE = re.compile(
    rf"\b(?P<v>{trie(CHANGE_VERBS)})(?:\s+(?:by|a\s+further|another|an\s+additional))?\s+$",
    re.IGNORECASE,
)
# "grew sales by 35 per cent", "cut its forecast by 10%": a verb, its object, then "by".
_CHANGE_OBJECT_BEFORE = re.compile(
    rf"\b(?P<v>{trie(TRANSITIVE_CHANGE_VERBS)})(?:\s+[a-z][\w'’-]*){{1,3}}\s+by\s+$",
    re.IGNORECASE,
)
_CHANGE_NOUN_BEFORE = re.compile(rf"\b(?P<n>{trie(CHANGE_NOUNS)})s?\s+of\s+$", re.IGNORECASE)
_CHANGE_NOUN_AFTER = re.compile(rf"[\s-]+(?P<n>{trie(CHANGE_NOUNS)})\b", re.IGNORECASE)

# Units whose amounts rise and fall ("rose 5%", "fell $3"), unlike counts of things.
_CHANGEABLE_UNITS = frozenset(
    [*PERCENT.values(), *CURRENCY_WORDS.values(), "point", *(v[0] for v in MEASURES.values())]
)
# What kind of quantity a unit measures, for telling a conversion ("5 miles (8 km)") from a
# breakdown ("32 points (50 percent to 18 percent)").
_UNIT_KINDS = {
    **{unit: "currency" for unit in (*CURRENCY_WORDS.values(), *CURRENCY_SIGNS.values())},
    **{lemma_: kind for lemma_, kind in MEASURES.values()},
    "degree": "temperature",
}
_MODIFIERS_OK = frozenset(("more", "additional", "new", "other", "extra", "further"))


_SPACES = re.compile(r"\s+")
_COMMA_BEFORE = re.compile(r"[A-Za-z],\s*$")
_COMMA_AFTER = re.compile(r"\s*,")
_ARTICLE_BEFORE = re.compile(r"\ban?\s+$")
_PLAIN_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?|\.\d+")
_NUMBER_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?|\.\d+|[a-z]+")


@dataclass(frozen=True, slots=True)
class _Amount:
    value: float
    currency: str | None
    percent: str | None
    scaled: bool


def parse_number(text: str) -> float | None:
    """The value of a written number, or None when it is not one.

    >>> parse_number("1.2 million")
    1200000.0
    >>> parse_number("twenty-five")
    25.0
    >>> parse_number("three thousand")
    3000.0
    >>> parse_number("a dozen")
    12.0
    >>> parse_number("one hundred and twenty")
    120.0
    >>> parse_number("3.5bn")
    3500000000.0
    >>> parse_number("11,000")
    11000.0
    >>> parse_number("troops") is None
    True
    """
    if _PLAIN_NUMBER.fullmatch(text):  # the common case, fast
        return float(text.replace(",", ""))
    words = _NUMBER_TOKEN.findall(text.lower())
    if not words:
        return None
    total, current, seen = 0.0, 0.0, False
    for word in words:
        if word[0].isdigit() or word[0] == ".":
            current += float(word.replace(",", ""))
        elif word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word.rstrip("s") in SCALES or word in SCALES:
            scale = SCALES.get(word, SCALES.get(word.rstrip("s"), 1))
            if scale == 100 or scale == 12:
                current = (current or 1) * scale
            else:
                total += (current or 1) * scale
                current = 0.0
        elif word in SCALE_ABBREVIATIONS:
            total += (current or 1) * SCALE_ABBREVIATIONS[word]
            current = 0.0
        elif word == "half":
            current += 0.5
        elif word in ("a", "an", "and"):
            continue
        else:
            return None
        seen = True
    return float(total + current) if seen else None


def lemma(word: str) -> str:
    """The lower-case singular of a noun, or the lemma a unit word is reported as.

    >>> [lemma(w) for w in ("troops", "people", "casualties", "km", "dollars", "Koreans")]
    ['troop', 'person', 'casualty', 'kilometre', 'dollar', 'korean']
    """
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if w in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[w]
    if w in CURRENCY_WORDS:
        return CURRENCY_WORDS[w]
    if w in MEASURES:
        return MEASURES[w][0]
    if w in PERCENT:
        return PERCENT[w]
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "sses", "xes", "zes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3:
        return w[:-1]
    return w


def _looks_plural(word: str) -> bool:
    w = word.lower()
    if "'" in w or "’" in w:
        return False
    if w in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[w] != w or w in ("police", "personnel", "staff", "aircraft")
    return len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is"))


def _looks_noun(word: str) -> bool:
    w = word.lower()
    return not w.endswith(("ed", "ly")) and not (w.endswith("ing") and len(w) > 5) and word[0].islower()


def find_figures(text: str, sentences: list[Sentence], *, vague: bool = False) -> list[Figure]:
    """The figures in ``text``, sorted by start, each within one of ``sentences``.

    ``vague=True`` adds indefinite amounts ("thousands of") as ranges.
    """
    hits = _triggers(text)
    # A phone number ends in four digits after a dot or dash: mask them only where they may be.
    phone = any(text[h - 1 : h] in (".", "-") and text[h + 3 : h + 4].isdigit() for h in hits)
    masked = _PHONE.sub(lambda m: "#" * len(m.group(0)), text) if phone else text
    figures: list[Figure] = []
    starts = [s.start for s in sentences]
    pos, current = 0, -1
    found: list[Figure] = []  # the figures of the current sentence, read for context
    for hit in hits:
        if hit < pos:
            continue
        i = bisect_right(starts, hit) - 1
        if i < 0 or hit >= sentences[i].end:
            continue
        sentence = sentences[i]
        if i != current:
            current, found = i, []
        if _is_dated_year(text, hit, sentence.start):
            pos = hit + 4
            continue
        if text[hit] in "oO" and _BARE_ONE.match(text, hit):
            pos = hit + 3
            continue
        # Every figure holds a trigger and starts at most _LEAD characters before it.
        m = _FIGURE.search(masked, max(pos, sentence.start, hit - _LEAD), sentence.end)
        if m is None:
            pos = sentence.end
            continue
        figure, pos = _read(text, m, sentence, found)
        if figure is None:
            continue
        if found:
            figure = _conversion(text, found[-1], figure)
        merged = _from_to(text, sentence, found[-1], figure) if found else None
        if merged is not None:
            found[-1] = figures[-1] = merged
        else:
            found.append(figure)
            figures.append(figure)
    if vague:
        for sentence in sentences:
            figures.extend(_vague_in_sentence(text, sentence))
    figures.extend(_fractions(text, sentences, starts, hits, figures))
    figures.sort(key=lambda f: (f.start, f.end))
    return figures


def _from_to(text: str, sentence: Sentence, first: Figure, second: Figure) -> Figure | None:
    """ "from $75 a barrel to $45.88" as one range, or None when the two are not such a pair.

    Written apart, the two ends of a movement would read as two levels of one quantity, a
    conflict within a single sentence; the change, if a verb gives one, is kept.
    """
    if first.value is None or second.value is None or second.unit not in (None, first.unit):
        return None
    from_ = _FROM_BEFORE.search(text, max(sentence.start, first.start - 6), first.start)
    if from_ is None or not _TO_BETWEEN.fullmatch(text, first.end, second.start):
        return None
    low, high = sorted((first.value, second.value))
    return replace(
        first,
        text=text[first.start : second.end],
        end=second.end,
        value=None,
        low=low,
        high=high,
        qualifier="range",
        change=first.change or _change(text, sentence, from_.start(), first.end, first.unit),
        modality=first.modality or second.modality,
    )


def _conversion(text: str, first: Figure, second: Figure) -> Figure:
    """The figure ``second``, taking the bound and change of ``first`` when it converts it.

    "more than 7.5 million crowns ($1.1 million)", "fell 1.5 degrees Celsius (2.7 Fahrenheit)":
    a conversion in brackets restates the figure before it in another unit, qualifier and all.
    """
    kind = _UNIT_KINDS.get(second.unit or "")
    if (
        kind is None
        or second.unit == first.unit
        or _UNIT_KINDS.get(first.unit or "") != kind
        or not _CONVERSION_GAP.fullmatch(text, first.end, second.start)
    ):
        return second
    change = second.change or first.change
    if second.qualifier != "exact" or first.qualifier in ("exact", "range") or second.value is None:
        return replace(second, change=change) if change != second.change else second
    q, x = first.qualifier, second.value
    return replace(
        second,
        qualifier=q,
        low=x if q in ("over", "at_least") else None,
        high=x if q in ("under", "up_to") else None,
        change=change,
    )


def _fractions(
    text: str, sentences: list[Sentence], starts: list[int], hits: list[int], figures: list[Figure]
) -> list[Figure]:
    """Shares of a whole: "two-thirds of the vote" is 0.667 of "vote"."""
    # A span [a, b) overlaps a figure if the furthest end among figures starting before b
    # passes a: one binary search, where a scan of every figure made long texts quadratic.
    taken = sorted((f.start, f.end) for f in figures)
    taken_starts = [start for start, _ in taken]
    reach = list(itertools.accumulate((end for _, end in taken), max))

    def overlaps(a: int, b: int) -> bool:
        i = bisect_left(taken_starts, b)
        return i > 0 and reach[i - 1] > a

    out: list[Figure] = []
    last_end = -1
    for hit in hits:
        i = bisect_right(starts, hit) - 1
        # A fraction read at a hit inside a figure would overlap that figure: skip it unread.
        if i < 0 or hit >= sentences[i].end or hit < last_end or overlaps(hit, hit + 1):
            continue
        sentence = sentences[i]
        # The numerator starts at the hit, or is the "a" of "a quarter" just before it.
        m = _FRACTION.match(text, hit, sentence.end) or (
            _FRACTION.match(text, max(sentence.start, hit - 2), sentence.end)
            or _FRACTION.match(text, max(sentence.start, hit - 3), sentence.end)
            if text[hit : hit + 1].isalpha()
            else None
        )
        if m is None or overlaps(m.start(), m.end()):
            continue
        last_end = m.end()
        if m.group("den"):
            numerator = parse_number(m.group("num")) or 1.0
            denominator = float(FRACTIONS[m.group("den").lower()])
        elif m.group("dden"):
            numerator, denominator = float(m.group("dnum")), float(m.group("dden"))
        else:
            numerator = parse_number(m.group("onum")) or 0.0
            denominator = parse_number(m.group("oden")) or 0.0
        if not 0 < numerator < denominator:
            continue
        value = numerator / denominator
        start = m.start()
        qualifier, start = _qualifier_before(text, sentence, start) or ("exact", start)
        subject = _of_phrase(text, m.end(), sentence)
        out.append(
            Figure(
                text=text[start : m.end()],
                start=start,
                end=m.end(),
                value=value,
                low=value if qualifier in ("over", "at_least") else None,
                high=value if qualifier in ("under", "up_to") else None,
                qualifier=qualifier,
                unit="fraction",
                subject=subject,
                sentence=sentence.text,
                sentence_start=sentence.start,
                sentence_end=sentence.end,
                modality="projection" if _is_projection(text, sentence, start, m.end()) else None,
            )
        )
    return out


def _triggers(text: str) -> list[int]:
    """Where a figure may be: every digit and number word, in order."""
    hits = [m.start() for m in _DIGIT.finditer(text)]
    lower = text.lower()
    if len(lower) != len(text):  # a few letters lower-case to two characters: keep offsets
        lower = re.sub(r"[^\x00-\x7f]", " ", text).lower()
    first = _FIRST_NUMBER_WORD.match(lower)
    if first:
        hits.append(0)
    hits.extend(m.start(1) for m in _NUMBER_WORD.finditer(lower))
    hits.sort()
    return hits


# The groups _amount_of reads, for each end of a range ("a" and "b").
_AMOUNT_GROUPS = {
    p: tuple(p + g for g in ("num", "cur", "exp", "scale", "pct", "minus", "minus2", "minus3")) for p in "ab"
}


def _amount_of(m: re.Match[str], p: str, money: bool = False) -> _Amount | None:
    """The amount in group ``p`` of ``m``; ``money`` when the other end of a range has a currency."""
    number, currency, exp, scale_text, pct, *minus = m.group(*_AMOUNT_GROUPS[p])
    value = parse_number(number)
    if value is None:
        return None
    if (
        currency
        and currency.strip().upper() == "PS"
        and (currency != "PS" or (number.isdigit() and len(number) < 2))
    ):
        return None  # "PS2.7m" is £2.7m as an ASCII transliterator writes it; "PS5", "PS 118" are names
    scaled = False
    if exp:
        value = float(f"{value!r}e{int(m.group(p + 'expn').translate(_SUPERSCRIPTS))}")
        scaled = True
    if scale_text:
        if _unscaled(m, p, money):  # "100m" is a length
            return _Amount(value, None, None, scaled)
        abbreviation = m.group(p + "cabbr")
        scale = parse_number("1 " + scale_text.strip(" -")) if not abbreviation else None
        if scale is None:
            scale = CURRENCY_SCALE_ABBREVIATIONS.get(scale_text.strip().lower(), 1)
        value *= scale
        scaled = True
    if any(minus):
        value = -value
    unit = CURRENCY_SIGNS.get(_SPACES.sub(" ", currency.strip())) if currency else None
    if currency and unit is None:
        unit = CURRENCY_SIGNS.get(currency.strip().upper(), "dollar")
    return _Amount(value, unit, PERCENT.get(_SPACES.sub(" ", pct.strip().lower())) if pct else None, scaled)


def _unscaled(m: re.Match[str], p: str, money: bool = False) -> bool:
    """True when the "m" or "k" after the number in group ``p`` is not million or thousand."""
    abbreviation = m.group(p + "cabbr")
    return bool(abbreviation) and not (m.group(p + "cur") or money) and abbreviation != "M"


def _end_of(m: re.Match[str], p: str, money: bool = False) -> int:
    """Where the amount in group ``p`` ends: "$20m" takes its "m", a length "37m" leaves it."""
    end = max(m.end(p + "num"), m.end(p + "exp"), m.end(p + "pct"))  # a group not matched ends at -1
    return end if _unscaled(m, p, money) else max(end, m.end(p + "scale"))


def _a_end(m: re.Match[str]) -> int:
    return _end_of(m, "a")


def _read(text: str, m: re.Match[str], sentence: Sentence, found: list[Figure]) -> tuple[Figure | None, int]:
    """Read one pattern hit as a figure; return it (or None) and where to search next."""
    a = _amount_of(m, "a")
    if a is None:
        return None, m.end("anum")
    a_end = _a_end(m)
    start = max(m.start(), m.end("between"))  # the amount starts the match or follows "between"
    b = _amount_of(m, "b", money=bool(m.group("acur"))) if m.group("sep") else None
    sep = (m.group("sep") or "").strip().lower().replace("-to-", "to")
    between = (m.group("between") or "").strip().lower()
    is_range = b is not None and (
        (sep in ("-", "–", "—") and b.value > a.value)
        or (
            sep == "to"
            and not (
                _CHANGE_BEFORE.search(text, max(sentence.start, start - 40), start)
                and (a.percent or a.currency)
            )
        )
        or (sep == "and" and between == "between")
        or (sep == "or" and not m.group("anum")[0].isdigit() and b.value > a.value)
    )
    if not is_range:
        if b is not None and sep in ("-", "–", "—") and b.value <= a.value and not (a.currency or a.percent):
            return None, m.end()  # a score or a reversed pair ("won 3-1"), not a range
        end = a_end
        next_pos = a_end if m.group("sep") else m.end("aexp") if m.group("aexp") else m.end("anum")
        if _excluded(text, m.start("anum"), m.end("anum"), a, m.group("anum"), sentence):
            return None, next_pos
        low = high = value = a.value
    else:
        assert b is not None
        low_value = a.value
        b_written = parse_number(m.group("bnum")) or 1
        if not a.scaled and b.scaled and not a.percent and a.value < b_written:
            low_value = a.value * (b.value / b_written)  # "$250-275 billion", "between 5 and 10 million"
        if (
            m.group("anum").isdigit()
            and m.group("bnum").isdigit()
            and _is_year(m.group("anum"))
            and not a.scaled
        ):
            if _is_year(m.group("bnum")) or (len(m.group("bnum")) == 2 and sep != "to"):
                return None, m.end()  # "2019-2020", "1999-00"
            return None, m.end("sep")  # "in 2008 to 29 mpg": a year, then a figure
        if _NOT_BEFORE.search(text, max(sentence.start, start - 12), start):
            return None, m.end()  # "No. 14-915", "aged 18-25"
        if sep == "to" and not between and b.value < a.value and not (a.currency or a.percent or b.percent):
            return None, m.end()  # a ratio or a tally: "by four to one", "voted 7 to 2"
        if _MONTH_AFTER.match(text, m.end()) or _MONTH_BEFORE.search(
            text, max(sentence.start, m.start() - 16), m.start()
        ):
            return None, m.end()  # "10-12 March"
        a = _Amount(low_value, a.currency or b.currency, a.percent or b.percent, a.scaled)
        b = _Amount(b.value, b.currency or a.currency, b.percent or a.percent, b.scaled)
        low, high, value = a.value, b.value, None
        if low > high:
            low, high = high, low
        end = _end_of(m, "b", money=bool(m.group("acur")))
        next_pos = m.end()
        if between:
            start = m.start("between")
        if _excluded(text, m.start("bnum"), m.end("bnum"), b, m.group("bnum"), sentence, in_range=True):
            return None, next_pos
    number_text = m.group("bnum") if is_range else m.group("anum")
    if value is not None and number_text.lower() in ("one", "a", "an") and not a.scaled:
        return None, next_pos  # a bare "one" is a determiner: "one of the", "one soldier"

    number_start = start
    qualifier = "range" if value is None else "exact"
    q = _qualifier_before(text, sentence, start)
    # A range keeps only an approximation ("about 14-18 mpg"): "over 5-10" says nothing clear,
    # and "estimated" before a range is as often the verb ("analysts estimated $35-45bn").
    if q and (
        value is not None
        or (q[0] == "about" and not between and "estimated" not in text[q[1] : start].lower())
    ):
        qualifier, start = q

    digits = number_text[0].isdigit()
    after = _QUALIFIER_AFTER.match(text, end) if value is not None and qualifier == "exact" else None
    if after:  # "500 or more buildings", "300-plus"
        qualifier = QUALIFIERS_AFTER[_SPACES.sub(" ", (after.group("w") or after.group("plus")).lower())]
        end = after.end()
    unit, subject, end, head_end = _unit_and_subject(text, end, sentence, a, found, value, digits)
    if unit == "":
        return None, next_pos
    after = _QUALIFIER_AFTER.match(text, end) if value is not None and qualifier == "exact" else None
    if after:  # "500 buildings or more"
        qualifier = QUALIFIERS_AFTER[_SPACES.sub(" ", (after.group("w") or after.group("plus")).lower())]
        end = after.end()
    if value is not None:  # the bounds the text states: "over 500" is 500 and up
        low = value if qualifier in ("over", "at_least") else None
        high = value if qualifier in ("under", "up_to") else None

    if unit in DURATIONS and (
        _TIME_WINDOW_BEFORE.search(text, max(sentence.start, number_start - 12), number_start)
        or _TIME_ANCHOR_AFTER.match(text, end, sentence.end)
    ):
        return None, next_pos  # a time reference: "the past two years", "two weeks after"
    change = _change(text, sentence, start, head_end, unit)
    modality = "projection" if _is_projection(text, sentence, start, end) else None
    figure = Figure(
        text=text[start:end],
        start=start,
        end=end,
        value=value,
        low=low,
        high=high,
        qualifier=qualifier,
        unit=unit,
        subject=subject,
        sentence=sentence.text,
        sentence_start=sentence.start,
        sentence_end=sentence.end,
        change=change,
        modality=modality,
    )
    return figure, max(next_pos, m.start("anum") + 1)


def _qualifier_before(text: str, sentence: Sentence, start: int) -> tuple[str, int] | None:
    """(qualifier, where it starts) for the qualifier just before ``start``, if any."""
    q = _QUALIFIER_BEFORE.search(text, max(sentence.start, start - 40), start)
    if q is None:
        return None
    group = "q" if q.group("q") else "sign"
    return QUALIFIERS_BEFORE[_SPACES.sub(" ", q.group(group).lower())], q.start(group)


def _is_dated_year(text: str, hit: int, sentence_start: int) -> bool:
    """True for a year the full reading would drop: "in 2019", "his 2016 campaign", "the 1960s".

    It mirrors the year test in ``_excluded``: a year is dropped after a word that dates it, or
    when no plural noun follows to say it counts something ("2,000 troops").
    """
    if text[hit - 1 : hit] != " " or not text[hit + 3 : hit + 4].isdigit():
        return False
    year = _BARE_YEAR.match(text, hit)
    if year is None or (year.group("w") or "").lower() in _AMOUNT_WORDS:
        return False
    if _YEAR_CONTEXT.search(text, max(sentence_start, hit - 20), hit) or year.group("w") is None:
        return True
    head = _WORD.match(text, hit + 4)
    word = head.group(1) if head else ""
    return not (word and word[0].islower() and _looks_plural(word))


def _is_year(digits: str) -> bool:
    return len(digits) == 4 and 1000 <= int(digits) <= 2199


def _excluded(
    text: str, start: int, end: int, amount: _Amount, number: str, sentence: Sentence, in_range: bool = False
) -> bool:
    """True when the number at text[start:end] is a date, time, identifier, age or the like."""
    if amount.currency or amount.percent:
        return bool(ORDINAL_SUFFIX.match(text, end, end + 3))
    after = _NOT_AFTER.match(text, end)
    if after and not amount.scaled:
        return True
    age = _AGE_AFTER.match(text, end)
    if age and not (age.group("u").lower() == "year" and amount.value > _OLDEST_PERSON):
        return True
    before = text[max(sentence.start, start - 12) : start]
    if not in_range and _NOT_BEFORE.search(before) and not before.lower().endswith(("minus-", "sub-")):
        return True
    if amount.scaled:
        return False
    glued = _GLUED.match(text, end) or _GLUED_ONLY.match(text, end)
    if text[end : end + 1].isalpha() and not glued:
        return True  # "5G", "3D", "4x4"
    if _IDENTIFIER_AFTER.match(text, end):
        return True  # "the 90210 ZIP code"
    if glued or _MEASURE.match(text, end):
        return False  # a unit of measure says it is an amount: "the 1520 sq m", "Tylenol 500mg"
    if number.isdigit():
        if _MONTH_BEFORE.search(text, max(sentence.start, start - 12), start) and int(number) <= 31:
            return True
        if _MONTH_AFTER.match(text, end) and int(number) <= 31:
            return True
        if _is_year(number):
            head = _WORD.match(text, end)
            word = head.group(1) if head else ""
            plural = bool(word) and word[0].islower() and _looks_plural(word)
            counted = plural or bool(_MEASURE.match(text, end))
            if not counted or _YEAR_CONTEXT.search(text, max(sentence.start, start - 20), start):
                return True
    if _STREET_AFTER.match(text, end):
        return True  # "49 Elm Road", "9 E 71st St"
    previous = _WORD_BEFORE.search(text, max(sentence.start, start - 30), start)
    if previous and "," not in number and not in_range:
        word = previous.group(1)
        low = word.lower().rstrip(".")
        if low in IDENTIFIER_NOUNS and not word.endswith(("'s", "’s")):
            return True  # "Article 5", "category 4", "page 12"
        if (
            word != low
            and not word.endswith(("'s", "’s"))
            and low not in NOUN_PHRASE_STOPS
            and low not in QUALIFIERS_BEFORE
            and low not in CHANGE_VERBS
            and previous.start(1) != sentence.start
            and not _MONTH_BEFORE.search(word + " ")
        ):
            return True  # "Resolution 2231", "Boeing 737", "iPhone 11"
    # An appositive age: "Kim Min-jun, 45, said"
    if _COMMA_BEFORE.search(text, max(sentence.start, start - 3), start) and _COMMA_AFTER.match(text, end):
        return number.isdigit() and int(number) < 120
    return False


def _unit_and_subject(
    text: str,
    end: int,
    sentence: Sentence,
    amount: _Amount,
    found: list[Figure],
    value: float | None,
    digits: bool = False,
) -> tuple[str | None, str | None, int, int]:
    """(unit, subject, end of the figure's text, end of the head) for the amount ending at ``end``.

    The unit is "" when the word after the number shows it is not a figure.
    """
    if amount.percent:
        subject = _of_phrase(text, end, sentence)
        return amount.percent, subject, end, end
    if amount.currency:
        word = _CURRENCY_WORD.match(text, end)
        if word and word.group("w").lower() in ("cent", "cents"):
            return "cent", None, word.end(), word.end()
        return amount.currency, _of_phrase(text, end, sentence), end, end
    sign = _CURRENCY_SIGN_AFTER.match(text, end)
    if sign:  # "1,200€"
        return CURRENCY_SIGNS[sign.group(1)], None, sign.end(), sign.end()
    word = _CURRENCY_WORD.match(text, end)
    if word and word.end() <= sentence.end:
        unit = CURRENCY_WORDS[word.group("w").lower()]
        return unit, _of_phrase(text, word.end(), sentence), word.end(), word.end()
    for pattern, table in ((_GLUED, MEASURES), (_GLUED_ONLY, GLUED_ONLY_UNITS)):
        glued = pattern.match(text, end)
        if glued:
            key = glued.group(0)
            return table.get(key, table.get(key.lower(), ("",)))[0], None, glued.end(), glued.end()
    measure = _MEASURE.match(text, end)
    if (
        measure
        and measure.end() <= sentence.end
        and (
            measure.group("w")[0].islower()
            or len(measure.group("w")) <= 3
            or measure.group("w").lower() in MEASURES
        )
    ):
        unit = MEASURES[measure.group("w").lower()][0]
        return unit, None, measure.end(), measure.end()
    age = _AGE_AFTER.match(text, end)
    if age:  # "a 2,900-year-old site": the age of a thing, in years
        return age.group("u").lower(), None, age.end(), age.end()
    compound = _COMPOUND.match(text, end)
    if compound and compound.group(1).lower() not in COMPOUND_ADJECTIVES:  # "a 5.2-magnitude quake"
        word = compound.group(1)
        if lemma(word) in DURATIONS:
            return "", None, end, end  # "a three-month state of emergency" names a kind of thing
        return lemma(word), word, compound.end(), compound.end()
    if compound:  # "a seven million-strong population": count the noun after the adjective
        end = compound.end()
    elif text[end : end + 1] == "-":
        suspended = _SUSPENDED.match(text, end, sentence.end)
        if suspended:  # "four-, five- and six-cylinder engines": the noun is the last one's
            word = suspended.group("w")
            return ("", None, end, end) if lemma(word) in DURATIONS else (lemma(word), word, end, end)

    prefix = _UNIT_BEFORE.search(text, max(sentence.start, end - 40), end)
    if prefix:  # "a magnitude 7.8 quake"
        return UNITS_BEFORE[prefix.group(1).lower()], None, end, end
    words: list[re.Match[str]] = []
    head = None  # the plural that ends the words, if one does
    pos = end
    while len(words) < 5:
        w = _WORD.match(text, pos, sentence.end)
        if w is None:
            break
        token = w.group(1)
        low = token.lower()
        if (low in NOUN_PHRASE_STOPS and low not in _MODIFIERS_OK) or parse_number(low) is not None:
            break
        words.append(w)
        pos = w.end()
        if _looks_plural(token):
            head = w
            break
        if low in PERSON_PARTICIPLES:  # "300 wounded", but "4,100 wounded soldiers"
            following = _WORD.match(text, pos, sentence.end)
            if following is None or not _looks_plural(following.group(1)):
                break
    if (
        head is None
        and words
        and words[0].group(1)[0].isupper()
        and digits
        and value is not None
        and value < 1000
        and value == int(value)
    ):
        return "", None, end, end  # a model or a name: "a 787 Dreamliner", "the 11 Pro"
    if head is None and words:
        first = words[0].group(1)
        if first.lower() in PERSON_PARTICIPLES:
            previous = [f.unit for f in found if f.unit and f.unit not in PERCENT.values()]
            unit = previous[-1] if previous else "person"
            return unit, None, end, end
        head = next((w for w in words if w.group(1).lower() not in _MODIFIERS_OK), None)
        if head is not None and not _looks_noun(head.group(1)):
            head = None
    unit = lemma(head.group(1)) if head is not None else None
    if unit in CONTAINER_NOUNS:
        head, words = None, []  # "the 100-to-300 spectrum" holds a figure; the context says of what
    if head is None:
        unit = _unit_from_context(text, sentence, end)
        if unit is not None:
            return unit, None, end, end
        counted = [f.unit for f in found if f.unit and f.subject and f.unit not in PERCENT.values()]
        if counted and not words:  # "12,391 people died in Turkey and 2,992 in Syria"
            return counted[-1], None, end, end
        if _PEOPLE_AFTER.match(text, end, sentence.end):  # "128,000 were present"
            return "person", None, end, end
        return None, None, end, end
    subject_start = words[0].start(1)
    subject = text[subject_start : head.end(1)]
    return COLLECTIVE_NOUNS.get(unit, unit), subject, head.end(1), head.end(1)


def _unit_from_context(text: str, sentence: Sentence, end: int) -> str | None:
    """What a figure without a noun counts, read from its sentence: "the death toll rose to 90",
    "the number of dead exceeded 790", "the injured are approaching 1,000", "128,000 were present"."""
    window = max(sentence.start, end - 120)
    unit = None
    for m in _COUNT_BEFORE.finditer(text, window, end):
        if m.group("toll"):
            unit = "death"
        elif m.group("people"):
            unit = "person"
        else:
            unit = COLLECTIVE_NOUNS.get(lemma(m.group("noun")), lemma(m.group("noun")))
    return unit


def _of_phrase(text: str, end: int, sentence: Sentence) -> str | None:
    m = _OF_PHRASE.match(text, end, sentence.end)
    return m.group(1) if m else None


def _change(text: str, sentence: Sentence, start: int, end: int, unit: str | None) -> str | None:
    """Return "up" or "down" when the figure is an amount of change ("rose by 5%"), else None."""
    countable = unit is None or unit in _CHANGEABLE_UNITS
    verb = _CHANGE_BEFORE.search(text, max(sentence.start, start - 40), start) or (
        _CHANGE_OBJECT_BEFORE.search(text, max(sentence.start, start - 50), start) if countable else None
    )
    if verb and countable:
        return CHANGE_VERBS[verb.group("v").lower()]
    if text[start - 1 : start] == "+" and start > sentence.start:  # "Dow +0.2%"
        return "up"
    noun = _CHANGE_NOUN_BEFORE.search(text, max(sentence.start, start - 40), start)
    if noun:
        return CHANGE_NOUNS[noun.group("n").lower()]
    after = _CHANGE_NOUN_AFTER.match(text, end, sentence.end)
    if after and _ARTICLE_BEFORE.search(text[max(sentence.start, start - 5) : start]):
        return CHANGE_NOUNS[after.group("n").lower()]
    return None


def _is_projection(text: str, sentence: Sentence, start: int, end: int) -> bool:
    """True when a projection cue sits in the clause around text[start:end]."""
    # Most sentences hold no cue at all: one fast search settles them without finding the clause.
    words = text[sentence.start : sentence.end]
    if _CUE_LETTERS.search(f" {words}".lower()) is None and not any(c in words for c in ODD_CASE_LETTERS):
        return False
    clause_start = sentence.start
    for brk in _CLAUSE_BREAK.finditer(text, sentence.start, start):
        clause_start = brk.end()
    clause_end = sentence.end
    brk = _CLAUSE_BREAK.search(text, end, sentence.end)
    if brk:
        clause_end = brk.start()
    return _PROJECTION.search(text, clause_start, clause_end) is not None


def _vague_in_sentence(text: str, sentence: Sentence) -> list[Figure]:
    out = []
    for m in _VAGUE.finditer(text, sentence.start, sentence.end):
        low, high = VAGUE_AMOUNTS[_SPACES.sub(" ", m.group(0).lower())]
        amount = _Amount(float(low), None, None, True)
        unit, subject, end, _ = _unit_and_subject(text, m.end(), sentence, amount, [], None)
        out.append(
            Figure(
                text=text[m.start() : end],
                start=m.start(),
                end=end,
                value=None,
                low=float(low),
                high=float(high),
                qualifier="range",
                unit=unit or None,
                subject=subject,
                sentence=sentence.text,
                sentence_start=sentence.start,
                sentence_end=sentence.end,
                modality="projection" if _is_projection(text, sentence, m.start(), end) else None,
            )
        )
    return out
