"""Find figures — numbers that count or measure something — in news text.

One compiled pattern finds every amount (digits, number words, a currency sign, a scale
word, a range); each hit is then read in its context with small anchored patterns: the
qualifier written before it, the unit or noun phrase after it, whether it is a change
("rose by 5%") or a level, and whether its clause is a projection. The design decision a
reader needs: **precision first**. A figure that is not one (a year, a date, an age, a
bill number, "one of the") would set off a false conflict between sources, so every
doubtful reading is dropped rather than guessed:

- dates, years, decades, times, ordinals, phone numbers, identifiers ("Resolution 2231",
  "F-16", "Article 5"), multipliers ("10 times"), ages ("a 45-year-old", "aged 45") and a
  bare "one" are not figures;
- durations ("three weeks", "248 hours") are not figures unless qualified or a change;
- indefinite amounts ("thousands of") are only reported with ``vague=True``, as a range
  with qualifier "range" and the bounds given in ``VAGUE_AMOUNTS``.

All words live in the lexicon modules; the patterns here are built from them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from claimtrack.extract.lexicon.numbers import (
    CHANGE_NOUNS,
    CHANGE_VERBS,
    CURRENCY_SCALE_ABBREVIATIONS,
    PROJECTION_CUES,
    QUALIFIERS_AFTER,
    QUALIFIERS_BEFORE,
    SCALE_ABBREVIATIONS,
    SCALES,
    TENS,
    UNITS,
    VAGUE_AMOUNTS,
)
from claimtrack.extract.lexicon.units import (
    COMPOUND_ADJECTIVES,
    CURRENCY_SIGNS,
    CURRENCY_WORDS,
    DURATIONS,
    GLUED_ONLY_UNITS,
    GLUED_UNITS,
    IDENTIFIER_NOUNS,
    IRREGULAR_PLURALS,
    NOUN_PHRASE_STOPS,
    PERCENT,
    PERSON_PARTICIPLES,
    STREET_WORDS,
    UNITS_BEFORE,
)
from claimtrack.extract.lexicon.units import UNITS as MEASURES
from claimtrack.models import Figure, Sentence

__all__ = ["find_figures", "lemma", "parse_number"]


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first, white space matching any run of it."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


_ATOM = _alternation([*UNITS, *TENS])
_ATOM_FULL = rf"(?:{_alternation(TENS)})(?:-(?:{_alternation(UNITS)}))?|{_ATOM}"
_SCALE_WORD = _alternation(SCALES)
# "three thousand", "twenty-five", "a dozen", "one hundred and twenty", "two million"
_NUMBER_WORDS = (
    rf"(?:(?:{_ATOM_FULL})|(?:an?)(?=[\s-]+(?:{_SCALE_WORD})\b))"
    rf"(?:(?:[\s-]+(?:{_SCALE_WORD})s?)|(?:(?:(?<=hundred)|(?<=thousand))\s+and)?[\s-]+(?:{_ATOM_FULL}))*"
    r"(?:\s+and\s+a\s+half)?"
)
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d,]\d)|\.\d+"
_CURRENCY = _alternation(CURRENCY_SIGNS)
_SCALE_AFTER = (
    rf"(?:(?:[\s-]+(?:{_SCALE_WORD})\b)+|\s?(?:{_alternation(SCALE_ABBREVIATIONS)})\b"
    rf"|(?P<{{p}}cabbr>(?<=\d)(?:{_alternation(CURRENCY_SCALE_ABBREVIATIONS)})\b))"
)
_PERCENT_AFTER = rf"(?:\s?%|\s?(?:{_alternation(k for k in PERCENT if k != '%')})\b)"


def _amount(p: str) -> str:
    return (
        rf"(?:(?P<{p}minus>\bminus[\s-]|−)?(?P<{p}cur>(?<![\w$])(?:{_CURRENCY})\s?)|(?P<{p}minus2>\bminus[\s-]|−)?(?<![\w.,]))"
        rf"(?P<{p}num>{_DIGITS}|\b(?:{_NUMBER_WORDS})\b)"
        rf"(?P<{p}scale>{_SCALE_AFTER.format(p=p)})?"
        rf"(?P<{p}pct>{_PERCENT_AFTER})?"
    )


_FIGURE = re.compile(
    rf"(?P<between>\b(?:between|from)\s+)?{_amount('a')}"
    rf"(?:(?P<sep>\s*[-–—]\s*|-to-|\s+to\s+|\s+and\s+|\s+or\s+){_amount('b')})?",
    re.IGNORECASE,
)
_QUALIFIER_BEFORE = re.compile(rf"(?<![\w])(?P<q>{_alternation(QUALIFIERS_BEFORE)})\s+$", re.IGNORECASE)
_QUALIFIER_AFTER = re.compile(
    rf"(?:\s+(?P<w>{_alternation(k for k in QUALIFIERS_AFTER if k != '+')})\b|[-\s]?(?P<plus>plus\b|\+))",
    re.IGNORECASE,
)
_VAGUE = re.compile(rf"\b(?:{_alternation(VAGUE_AMOUNTS)})(?=\s)", re.IGNORECASE)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_MONTH_BEFORE = re.compile(rf"\b{_MONTH}\.?\s+$", re.IGNORECASE)
_MONTH_AFTER = re.compile(rf"(?:st|nd|rd|th)?(?:\s+of)?\s+{_MONTH}\b", re.IGNORECASE)
_NOT_AFTER = re.compile(  # ordinals, decades, times, dates, ratios, multipliers, ages
    r"(?:st|nd|rd|th)\b|'?s\b|’s\b|\s*(?:a\.m\.|p\.m\.|am\b|pm\b|gmt\b|utc\b|[ecmp][sd]t\b|bst\b|cet\b|hrs\b|h\b)"
    r"|[:/]\d|\.\d|-\d{2}-\d{2}|\s+times\b|-fold\b|x\b|\s*-?\s*(?:years?|months?)[-\s]old\b|-year-old"
    r"|-(?:year|month|week|day|hour|minute|second|night|decade)s?\b",
    re.IGNORECASE,
)
_NOT_BEFORE = re.compile(  # identifiers, ages, dates, ratios
    r"(?:[A-Za-z]-|[/:#№]|\bno\.\s*|\b(?:aged?|ages|top|bottom)\s+|\bone\s+of\s+(?:the|its|their)\s+)$",
    re.IGNORECASE,
)
_WORD_BEFORE = re.compile(r"\b([A-Za-z][\w.'’]*)\s+$")
_STREET_AFTER = re.compile(
    rf"(?:\s+[A-Z][\w.'’]*){{1,3}}\s+(?:{_alternation(STREET_WORDS)})\b\.?|\s+[NSEW]\.?\s+\d", re.IGNORECASE
)
_PHONE = re.compile(r"(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)\s?|\d{3}[.-])\d{3}[.-]\d{4}\b")
_YEAR_CONTEXT = re.compile(
    r"\b(?:in|since|by|of|from|until|till|to|and|between|the|early|late|mid|fiscal|year|before|after"
    r"|during|through|for|circa|summer|winter|spring|autumn|fall|season|\w+est)\s+(?:the\s+)?$|[-–]$|'$",
    re.IGNORECASE,
)
_WORD = re.compile(r"[ \t]*(?:\n(?!\s*\n)[ \t]*)?([A-Za-z][\w'’&]*(?:-[A-Za-z][\w'’&]*)*)")
_COMPOUND = re.compile(r"-([A-Za-z]+)")
_GLUED = re.compile(rf"(?:{_alternation(GLUED_UNITS)})(?![\w])", re.IGNORECASE)
_GLUED_ONLY = re.compile(rf"(?:{_alternation(GLUED_ONLY_UNITS)})(?![\w])")  # case matters: "5G", "5g"
_CURRENCY_WORD = re.compile(
    rf"\s+(?:(?:us|u\.s\.|hong\s+kong|canadian|australian|new\s+zealand|singapore)\s+)?"
    rf"(?P<w>{_alternation(CURRENCY_WORDS)})\b",
    re.IGNORECASE,
)
_UNIT_BEFORE = re.compile(rf"\b({_alternation(UNITS_BEFORE)})[\s-]+(?:of\s+)?[^\s]+$", re.IGNORECASE)
_CURRENCY_SIGN_AFTER = re.compile(r"\s?([$€£¥₹₩₽₪])")
_MEASURE = re.compile(rf"[ \t]?(?P<w>{_alternation(MEASURES)})(?![\w/²])", re.IGNORECASE)
_OF_PHRASE = re.compile(
    r"\s+(?:of|in)\s+((?:(?:the|its|their|his|her|a|an)\s+)?[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*)?)"
)
_CLAUSE_BREAK = re.compile(r"[;:—–]|,\s+(?:but|while|whereas|although|though|as|after|when)\b|\bbut\b")
_PROJECTION = re.compile(rf"(?<![\w'’])(?:{_alternation(PROJECTION_CUES)})(?![\w'’])", re.IGNORECASE)
_CHANGE_BEFORE = re.compile(
    rf"\b(?P<v>{_alternation(CHANGE_VERBS)})(?:\s+(?:by|a\s+further|another|an\s+additional))?\s+$",
    re.IGNORECASE,
)
_CHANGE_NOUN_BEFORE = re.compile(rf"\b(?P<n>{_alternation(CHANGE_NOUNS)})s?\s+of\s+$", re.IGNORECASE)
_CHANGE_NOUN_AFTER = re.compile(rf"[\s-]+(?P<n>{_alternation(CHANGE_NOUNS)})\b", re.IGNORECASE)

_MODIFIERS_OK = frozenset(("more", "additional", "new", "other", "extra", "further"))


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
    words = re.findall(r"\d[\d,]*(?:\.\d+)?|\.\d+|[a-z]+", text.lower())
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
    masked = _PHONE.sub(lambda m: "#" * len(m.group(0)), text) if "-" in text or "." in text else text
    figures: list[Figure] = []
    for sentence in sentences:
        figures.extend(_in_sentence(text, masked, sentence))
        if vague:
            figures.extend(_vague_in_sentence(text, sentence))
    figures.sort(key=lambda f: (f.start, f.end))
    return figures


def _in_sentence(text: str, masked: str, sentence: Sentence) -> list[Figure]:
    out: list[Figure] = []
    pos = sentence.start
    while True:
        m = _FIGURE.search(masked, pos, sentence.end)
        if m is None:
            break
        figure, pos = _read(text, m, sentence, out)
        if figure is not None:
            out.append(figure)
    return out


def _amount_of(m: re.Match[str], p: str) -> _Amount | None:
    number = m.group(p + "num")
    value = parse_number(number)
    if value is None:
        return None
    currency = m.group(p + "cur")
    scale_text = m.group(p + "scale")
    scaled = False
    if scale_text:
        abbreviation = m.group(p + "cabbr")
        if abbreviation and not currency and abbreviation != "M":  # "100m" is a length
            return _Amount(value, None, None, False)
        scale = parse_number("1 " + scale_text.strip(" -")) if not abbreviation else None
        if scale is None:
            scale = CURRENCY_SCALE_ABBREVIATIONS.get(scale_text.strip().lower(), 1)
        value *= scale
        scaled = True
    if m.group(p + "minus") or m.group(p + "minus2"):
        value = -value
    unit = CURRENCY_SIGNS.get(re.sub(r"\s+", " ", currency.strip())) if currency else None
    if currency and unit is None:
        unit = CURRENCY_SIGNS.get(currency.strip().upper(), "dollar")
    pct = m.group(p + "pct")
    return _Amount(
        value, unit, PERCENT.get(re.sub(r"\s+", " ", pct.strip().lower())) if pct else None, scaled
    )


def _a_end(m: re.Match[str]) -> int:
    return max(m.end(g) for g in ("anum", "ascale", "apct") if m.group(g))


def _read(text: str, m: re.Match[str], sentence: Sentence, found: list[Figure]) -> tuple[Figure | None, int]:
    """Read one pattern hit as a figure; return it (or None) and where to search next."""
    a = _amount_of(m, "a")
    a_end = _a_end(m)
    start = min(m.start(g) for g in ("aminus", "acur", "aminus2", "anum") if m.group(g))
    b = _amount_of(m, "b") if m.group("sep") else None
    sep = (m.group("sep") or "").strip().lower().replace("-to-", "to")
    between = (m.group("between") or "").strip().lower()
    is_range = b is not None and (
        (sep in ("-", "–", "—") and b.value > (a.value if a else 0))
        or (
            sep == "to"
            and not (_CHANGE_BEFORE.search(text, sentence.start, start) and (a and (a.percent or a.currency)))
        )
        or (sep == "and" and between == "between")
        or (sep == "or" and not m.group("anum")[0].isdigit() and b.value > (a.value if a else 0))
    )
    if a is None:
        return None, m.end("anum")
    if not is_range:
        if b is not None and sep in ("-", "–", "—") and b.value <= a.value and not (a.currency or a.percent):
            return None, m.end()  # a score or a reversed pair ("won 3-1"), not a range
        end = a_end
        next_pos = m.end("anum") if not m.group("sep") else a_end
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
            and (_is_year(m.group("bnum")) or len(m.group("bnum")) == 2)
        ):
            return None, m.end()  # "2019-2020", "1999-00"
        if _MONTH_AFTER.match(text, m.end()) or _MONTH_BEFORE.search(text, sentence.start, m.start()):
            return None, m.end()  # "10-12 March"
        a = _Amount(low_value, a.currency or b.currency, a.percent or b.percent, a.scaled)
        b = _Amount(b.value, b.currency or a.currency, b.percent or a.percent, b.scaled)
        low, high, value = a.value, b.value, None
        if low > high:
            low, high = high, low
        end = max(m.end(g) for g in ("bnum", "bscale", "bpct") if m.group(g))
        next_pos = m.end()
        if between:
            start = m.start("between")
        if _excluded(text, m.start("bnum"), m.end("bnum"), b, m.group("bnum"), sentence, in_range=True):
            return None, next_pos
    number_text = m.group("bnum") if is_range else m.group("anum")
    if value is not None and number_text.lower() in ("one", "a", "an") and not a.scaled:
        return None, next_pos  # a bare "one" is a determiner: "one of the", "one soldier"

    qualifier = "range" if value is None else "exact"
    q = _QUALIFIER_BEFORE.search(text, sentence.start, start)
    if q and value is not None:
        qualifier = QUALIFIERS_BEFORE[re.sub(r"\s+", " ", q.group("q").lower())]
        start = q.start("q")

    digits = number_text[0].isdigit()
    after = _QUALIFIER_AFTER.match(text, end) if value is not None and qualifier == "exact" else None
    if after:  # "500 or more buildings", "300-plus"
        qualifier = QUALIFIERS_AFTER[re.sub(r"\s+", " ", (after.group("w") or after.group("plus")).lower())]
        end = after.end()
    unit, subject, end, head_end = _unit_and_subject(text, end, sentence, a, found, value, digits)
    if unit == "":
        return None, next_pos
    after = _QUALIFIER_AFTER.match(text, end) if value is not None and qualifier == "exact" else None
    if after:  # "500 buildings or more"
        qualifier = QUALIFIERS_AFTER[re.sub(r"\s+", " ", (after.group("w") or after.group("plus")).lower())]
        end = after.end()
    if value is not None:  # the bounds the text states: "over 500" is 500 and up
        low = value if qualifier in ("over", "at_least") else None
        high = value if qualifier in ("under", "up_to") else None

    change = _change(text, sentence, start, head_end, unit)
    if unit in DURATIONS:
        return None, next_pos
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


def _is_year(digits: str) -> bool:
    return len(digits) == 4 and 1000 <= int(digits) <= 2199


def _excluded(
    text: str, start: int, end: int, amount: _Amount, number: str, sentence: Sentence, in_range: bool = False
) -> bool:
    """True when the number at text[start:end] is a date, time, identifier, age or the like."""
    if amount.currency or amount.percent:
        return bool(re.match(r"(?:st|nd|rd|th)\b", text[end : end + 3]))
    after = _NOT_AFTER.match(text, end)
    if after and not amount.scaled:
        return True
    before = text[max(sentence.start, start - 12) : start]
    if not in_range and _NOT_BEFORE.search(before) and not before.lower().endswith("minus-"):
        return True
    if amount.scaled:
        return False
    if text[end : end + 1].isalpha() and not (_GLUED.match(text, end) or _GLUED_ONLY.match(text, end)):
        return True  # "5G", "3D", "4x4"
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
        if low in IDENTIFIER_NOUNS and not re.search(r"['’]s$", word):
            return True  # "Article 5", "category 4", "page 12"
        if (
            word != low
            and not re.search(r"['’]s$", word)
            and low not in NOUN_PHRASE_STOPS
            and low not in QUALIFIERS_BEFORE
            and low not in CHANGE_VERBS
            and previous.start(1) != sentence.start
            and not _MONTH_BEFORE.search(word + " ")
        ):
            return True  # "Resolution 2231", "Boeing 737", "iPhone 11"
    # An appositive age: "Kim Min-jun, 45, said"
    before_comma = re.search(r"[A-Za-z],\s*$", text[max(sentence.start, start - 3) : start])
    if before_comma and re.match(r"\s*,", text[end:]):
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
    compound = _COMPOUND.match(text, end)
    if compound and compound.group(1).lower() not in COMPOUND_ADJECTIVES:  # "a 5.2-magnitude quake"
        word = compound.group(1)
        return lemma(word), word, compound.end(), compound.end()
    if compound:  # "a seven million-strong population": count the noun after the adjective
        end = compound.end()

    prefix = _UNIT_BEFORE.search(text, max(sentence.start, end - 40), end)
    if prefix:  # "a magnitude 7.8 quake"
        return UNITS_BEFORE[prefix.group(1).lower()], None, end, end
    words: list[re.Match[str]] = []
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
        if _looks_plural(token) or low in PERSON_PARTICIPLES:
            break
    head = next((w for w in words if _looks_plural(w.group(1))), None)
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
    if head is None:
        if re.search(r"\btoll\b", text[sentence.start : end], re.IGNORECASE):
            return "death", None, end, end
        counted = [f.unit for f in found if f.unit and f.subject and f.unit not in PERCENT.values()]
        if counted and not words:  # "12,391 people died in Turkey and 2,992 in Syria"
            return counted[-1], None, end, end
        return None, None, end, end
    subject_start = words[0].start(1)
    subject = text[subject_start : head.end(1)]
    unit = lemma(head.group(1))
    return unit, subject, head.end(1), head.end(1)


def _of_phrase(text: str, end: int, sentence: Sentence) -> str | None:
    m = _OF_PHRASE.match(text, end, sentence.end)
    return m.group(1) if m else None


def _change(text: str, sentence: Sentence, start: int, end: int, unit: str | None) -> str | None:
    """Return "up" or "down" when the figure is an amount of change ("rose by 5%"), else None."""
    countable = (
        unit is None
        or unit in PERCENT.values()
        or unit in CURRENCY_WORDS.values()
        or unit in ("point", "percentage point", "basis point")
        or any(unit == v[0] for v in MEASURES.values())
    )
    verb = _CHANGE_BEFORE.search(text, max(sentence.start, start - 40), start)
    if verb and countable:
        return CHANGE_VERBS[verb.group("v").lower()]
    if text[start - 1 : start] == "+" and start > sentence.start:  # "Dow +0.2%"
        return "up"
    noun = _CHANGE_NOUN_BEFORE.search(text, max(sentence.start, start - 40), start)
    if noun:
        return CHANGE_NOUNS[noun.group("n").lower()]
    after = _CHANGE_NOUN_AFTER.match(text, end, sentence.end)
    if after and re.search(r"\ban?\s+$", text[max(sentence.start, start - 5) : start]):
        return CHANGE_NOUNS[after.group("n").lower()]
    return None


def _is_projection(text: str, sentence: Sentence, start: int, end: int) -> bool:
    """True when a projection cue sits in the clause around text[start:end]."""
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
        low, high = VAGUE_AMOUNTS[re.sub(r"\s+", " ", m.group(0).lower())]
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
