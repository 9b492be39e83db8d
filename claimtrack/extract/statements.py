"""Reported speech: who said, estimated, confirmed or denied what.

Rule-based and deterministic. Every reporting cue in the lexicon is found with one
compiled pattern; each cue is then read in the syntactic shape around it:

- subject first: "X said (that) ...", "X told reporters ...", "X, who ..., said ...";
- parenthetical: "..., X said." and "“...,” X said.";
- inverted: "..., said X, a spokesman.";
- participle: "X denied it, saying ..." (the speaker is the main clause's subject);
- prepositional: "according to X, ...";
- passive with an agent: "... was confirmed by X";
- hearsay without a speaker: "reportedly", "is believed to".

The stance comes from the verb's lexicon row; a negated denial or confirmation ("did
not deny", "neither confirmed nor denied") is no claim and is dropped, while a negated
belief ("does not think") stays an estimate. A statement whose content gives a figure is
an estimate. Quotes are matched over the whole text first, so a statement's content can
run across sentences and paragraphs.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from functools import cache, partial
from operator import attrgetter
from typing import NamedTuple

from claimtrack.extract.lexicon.speakers import (
    COLON_LABELS,
    INTRO_OPENERS,
    MONTH_NAMES,
    PRONOUNS,
    ROLE_NOUNS,
    WEEKDAYS,
)
from claimtrack.extract.lexicon.verbs import (
    BELIEF_EMBEDDERS,
    BELIEF_HEDGE_SUBJECTS,
    BELIEF_NO_CLAUSE,
    BELIEF_VERBS,
    CITING,
    HEARSAY,
    NAME_LIKE,
    NEGATIONS,
    NOUN_LIKE,
    NOUN_MARKERS,
    PREPOSITIONAL_CUES,
    verb_forms,
)
from claimtrack.extract.patterns import ORDINAL_SUFFIX, trie
from claimtrack.extract.quotes import Quotes
from claimtrack.extract.speakers import (
    QUOTE_CHARS,
    Mention,
    Resolver,
    Token,
    phrase_right,
    skip_left,
    subject_left,
    subject_right,
    tokenize,
)
from claimtrack.extract.speakers import (
    main_subject as main_subject_of,
)
from claimtrack.models import Sentence, Statement

_FORMS = verb_forms()
_PREPS = dict(PREPOSITIONAL_CUES)
_HEARSAY = {phrase: (lemma, stance) for phrase, lemma, stance in HEARSAY}


_CUE_WORDS = trie([*_FORMS, *_PREPS, *_HEARSAY])
# A cue with the mark before it, which is no letter, digit, apostrophe or hyphen: a pattern
# opening with a character class is scanned for that class alone, faster than one tried at
# every position of the text (ASCII letters and digits, listed first, are ruled out fastest).
_CUE = re.compile(r"[^0-9A-Za-z\w’'-](" + _CUE_WORDS + r")(?![\w’'-])")
# The word right before a cue and the spaces or tabs after it (perhaps then a line break),
# matched at the start of the reversed text before the cue: a search for them at the end
# of that text would try every position of it.
_WORD_BEFORE = re.compile(r"\n?[ \t]+(\w+)")


@cache
def _cue_any_case() -> re.Pattern[str]:
    """The cue pattern for the rare text a lower-case copy cannot stand for, compiled when
    first needed: it takes milliseconds of every start-up."""
    return re.compile(_CUE.pattern, re.IGNORECASE)


class Cue(NamedTuple):
    start: int
    end: int
    text: str  # as written
    phrase: str  # lower case, single spaces: the lexicon's key


def _find_cues(text: str, quotes: Quotes) -> list[Cue]:
    """The reporting cues of the text outside quotes, found in its lower-cased copy.

    Cheap checks on the characters around each cue drop those that can never make a
    statement (a noun after a determiner, part of a name), so that most sentences are
    never tokenized.
    """
    low = text.lower()
    cue = _CUE
    if len(low) != len(text):  # a character whose lower case is longer ("İ")
        low, cue = text, _cue_any_case()
    # A space before the text gives a cue at its start a mark too: offsets are one less.
    spaced = " " + low
    # A cue inside a quote is the quoted speaker's own words ("“I think it will pass,” she
    # said"): only the text between quotes is scanned. Each stretch keeps the marks around
    # it, which the pattern reads as the characters around a cue (in ``spaced``, a quote's
    # first character is at ``q_start + 1`` and its last at ``q_end``).
    matches = []
    lo = 0
    for q_start, q_end in quotes.spans:
        matches += cue.finditer(spaced, lo, q_start + 2)
        lo = q_end
    matches += cue.finditer(spaced, lo)
    out = []
    for m in matches:
        s, e = m.start(1) - 1, m.end(1) - 1
        phrase = " ".join(low[s:e].split())
        before = _WORD_BEFORE.match(low[max(0, s - 16) : s][::-1])
        if before is not None and phrase in _FORMS:
            word = before.group(1)[::-1]
            if word in NOUN_MARKERS:
                continue
            if phrase in NAME_LIKE and text[s].isupper() and word[0].isalpha():
                continue
        out.append(Cue(s, e, text[s:e], phrase))
    return out


# Figures are found by their first character: a pattern opening with a character class is
# scanned for that class alone, several times faster than one tried at every position. A
# number starts with a digit after no letter, digit or slash...
_NUMBER = re.compile(
    r"\d(?<![\w/]\d)(?:\d{0,2}(?:,\d{3})+|\d*(?:\.\d+)?)(?!\d)(?!\s*(?:a\.m|p\.m|GMT|am\b|pm\b))",
    re.IGNORECASE,
)
# ... and a number word with its first letter at the start of a word, the rest of the word
# chosen by that letter (none of these letters has a case other than its capital).
_NUMBER_WORDS = ("hundreds?", "thousands?", "millions?", "billions?", "dozens?")
_NUMBER_WORDS += ("twelve", "twenty", "thirty", "forty", "fifty")
_NUMBER_WORD = re.compile(
    "(?-i:[" + "".join(sorted({w[0] + w[0].upper() for w in _NUMBER_WORDS})) + r"])(?<!\w.)"
    "(?:" + "|".join(f"(?<={w[0]}){w[1:]}" for w in _NUMBER_WORDS) + r")\b",
    re.IGNORECASE,
)


# The words without their plural: a content holding none of them, lower-cased, holds no
# number word (on ASCII text, lower case is the case the scan ignores).
_NUMBER_STEMS = tuple(w.removesuffix("s?") for w in _NUMBER_WORDS)


_MONTH_BEFORE = re.compile(r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\.?\s*$")
_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
_PUT_AT = re.compile(r"\bat\s+(?:about\s+|around\s+|least\s+|more than\s+|nearly\s+)?[$€£]?\d")
_QUOTE_OPEN = "“"
_QUOTE_CLOSE = "”"
_PARTICIPLE_LEADS = frozenset(("by", "after", "before", "while", "when", "in", "without"))
_HEADLINE_JOINERS = frozenset(("of", "at", "on", "to", "in", "for", "'s", "’s", "-", "the"))
_PASSIVE_AUX = frozenset(("was", "were", "been", "is", "are", "be", "being"))
_CLOSERS = frozenset(("”", '"', "''", "’"))
_TRIMMINGS = frozenset(
    [
        "in",
        "on",
        "at",
        "during",
        "after",
        "before",
        "through",
        "via",
        "while",
        "when",
        "to",
        "of",
        "last",
        "this",
        "earlier",
        "later",
        "told",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "yesterday",
        "today",
    ]
)
_TELL_OBJECT_END = frozenset(("that", ":", ",", "“", '"', "''"))


# ---------------------------------------------------------------------------------------
# Figures in the content: a claim that gives a number is an estimate.


# A content that only supposes ("would be … if it happened") confirms or denies nothing.
_HYPOTHETICAL = re.compile(r"\bwould\b[^.;]*\bif\b|\bif\b[^.;]*\bwould\b", re.IGNORECASE)


def gives_figure(content: str) -> bool:
    found = _NUMBER.finditer(content)
    low = content.lower()
    if not content.isascii() or any(stem in low for stem in _NUMBER_STEMS):
        found = itertools.chain(found, _NUMBER_WORD.finditer(content))
    for m in found:
        word = m.group()
        if _YEAR.match(word):
            continue
        before = content[max(0, m.start() - 12) : m.start()].lower()
        if _MONTH_BEFORE.search(before):
            continue  # a date
        after = content[m.end() : m.end() + 3]
        if word.isdigit() and ORDINAL_SUFFIX.match(after):
            continue
        return True
    return False


# ---------------------------------------------------------------------------------------
# Statements


_START = attrgetter("start")


class _Sentence:
    """A sentence's tokens and the cue positions in it."""

    def __init__(self, text: str, sent: Sentence) -> None:
        self.text = text
        self.sent = sent
        self.toks = tokenize(text, sent.start, sent.end)

    def index(self, offset: int) -> int:
        return bisect_right(self.toks, offset, key=_START) - 1

    def span(self, s: int, e: int) -> tuple[int, int]:
        return self.toks[s].start, self.toks[e - 1].end


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in ",;:—–-"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:—–-."):
        e -= 1
    return s, e


# What ends a clause, for ``_clause_start``: always, around an aside, if weak breaks count.
_HARD_BREAKS = (";", ":")
_DASHES = ("—", "–")
_WEAK_BREAKS = ("that", "but", "while", "because")
# The tokens at which it stops to look (a quote mark is its own lower case).
_CLAUSE_MARKS = frozenset((*_HARD_BREAKS, *_DASHES, *_WEAK_BREAKS, "and", ",")) | QUOTE_CHARS


def _clause_start(toks: list[Token], k: int, weak: bool = True) -> int:
    """Token index where the clause holding token ``k`` begins, for an intro-free subject.

    With ``weak`` false, only punctuation ends a clause, not "that", "and", "while"...
    """
    j = k
    while j > 0:
        # Most words end no clause and need no closer look.
        while j > 0 and toks[j - 1].low not in _CLAUSE_MARKS:
            j -= 1
        if j == 0:
            break
        t = toks[j - 1]
        if t.low in _HARD_BREAKS or t.text in QUOTE_CHARS:
            break
        if t.low in _DASHES and j - 1 > 0:
            d = next((x for x in range(j - 2, 0, -1) if toks[x].low in _DASHES), None)
            if d is not None and toks[d - 1].cap:  # "X – who ... – and Y said"
                j = d
                continue
        if weak and (t.low in _WEAK_BREAKS or (t.low == "and" and j > 1 and toks[j - 2].low == ",")):
            break
        if t.low == "," and j - 2 >= 0 and toks[j - 2].text in QUOTE_CHARS:
            break
        j -= 1
    # Drop an introductory phrase: "In a statement, X said" -> "X said".
    if j < k and toks[j].low in INTRO_OPENERS:
        comma = next((x for x in range(j, k) if toks[x].low == ","), None)
        if comma is not None and comma + 1 < k:
            j = comma + 1
    return j


def _auxiliary(word: str) -> str:
    """ "wasn’t" -> "was"."""
    word = word.replace("’", "'")
    return word[:-3] if word.endswith("n't") else word


def _negated(toks: list[Token], ci: int) -> bool:
    """Is the cue negated by one of the few words right before it, in its own clause?"""
    for t in toks[max(0, ci - 4) : ci][::-1]:
        if t.low in NEGATIONS or t.low.replace("’", "'") in NEGATIONS:
            return True
        if not t.text[0].isalnum():
            return False  # "“... is just not,” she said" is not negated
    return False


def _content_after(st: _Sentence, i: int, quotes: Quotes, frame: str) -> tuple[int, int] | None:
    toks, n = st.toks, len(st.toks)
    if frame == "tell":  # the hearer: "told reporters", "told the AP on Tuesday"
        j = i
        while j < n and toks[j].low not in _TELL_OBJECT_END and j - i < 6 and toks[j].low not in (".",):
            if (
                j > i
                and toks[j].low in ("the", "a")
                and toks[j - 1].low not in ("told", "tell", "tells", "telling")
            ):
                break
            j += 1
        if j < n and (toks[j].low in _TELL_OBJECT_END or j - i <= 3):
            i = j
    while i < n and (
        toks[i].low in ("in", "a", "an", "statement", "interview", "that", ":", ",", "on", "of")
        or toks[i].text == "("
    ):
        if toks[i].text == "(":  # "confirmed on Friday (10/25) that"
            close = next((x for x in range(i, min(n, i + 12)) if toks[x].text == ")"), None)
            if close is None:
                break
            i = close + 1
            continue
        if toks[i].low in ("in",) and not (i + 2 < n and toks[i + 2].low in ("statement", "interview")):
            break
        if toks[i].low == "on" and not (i + 1 < n and toks[i + 1].cap):
            break
        i += 1
        if toks[i - 1].low == "on":
            i += 1
    if i >= n:
        return None
    start = toks[i].start
    end = st.sent.end
    # Stop before a following participle cue: "..., adding that ...".
    for j in range(i + 1, n - 1):
        if toks[j].low == "," and (
            (toks[j + 1].low in _FORMS and toks[j + 1].low.endswith("ing")) or toks[j + 1].low == "according"
        ):
            end = toks[j].start
            break
    q = quotes.at(start)
    if q is not None and q[1] > end:
        end = q[1]
    s, e = _trim(st.text, start, end)
    return (s, e) if s < e else None


def _content_before(st: _Sentence, quotes: Quotes, upto: int) -> tuple[int, int] | None:
    """Content ending before the speaker: the quote closing there, else the sentence so far."""
    q = quotes.ending(st.toks[upto].start)
    if q is not None:
        return q
    s, e = _trim(st.text, st.sent.start, st.toks[upto].start)
    if s < e and st.text[s] in QUOTE_CHARS and st.text[e - 1] not in QUOTE_CHARS:
        s += 1
    return (s, e) if s < e else None


def find_statements(text: str, sentences: list[Sentence]) -> list[Statement]:
    """Every attributed statement in ``text``, sorted by the start of its cue.

    >>> [(s.speaker, s.verb, s.stance) for s in find_statements(
    ...     "Jo Roe said the toll was wrong. She denied it.",
    ...     [Sentence(0, 31, "Jo Roe said the toll was wrong."), Sentence(32, 46, "She denied it.")])]
    [('Jo Roe', 'say', 'assert'), ('Jo Roe', 'deny', 'deny')]
    """
    quotes = Quotes(text)
    cues = _find_cues(text, quotes)
    starts = [c.start for c in cues]
    resolver = Resolver()
    out: list[Statement] = []
    for sent in sentences:
        lo, hi = bisect_left(starts, sent.start), bisect_left(starts, sent.end)
        if lo == hi and ":" not in text[sent.start : min(sent.end, sent.start + 120)]:
            continue
        out.extend(_sentence_statements(text, sent, cues[lo:hi], quotes, resolver))
    out.sort(key=lambda s: s.cue_start)
    return out


def _sentence_statements(
    text: str, sent: Sentence, cues: list[Cue], quotes: Quotes, resolver: Resolver
) -> list[Statement]:
    st = _Sentence(text, sent)
    toks = st.toks
    n = len(toks)
    found: list[Statement] = []
    main_subject: Mention | None = None
    main_speaker: str | None = None
    colon = _colon_statement(st, quotes, resolver)
    if colon is not None:
        found.append(colon)
    for m in cues:
        if m.end > sent.end:
            continue
        phrase = m.phrase
        ci = st.index(m.start)
        cj = st.index(m.end - 1) + 1
        if ci < 0 or toks[ci].start != m.start:
            continue
        speaker_m: Mention | None = None
        content: tuple[int, int] | None = None
        cited: str | None = None
        if phrase in _HEARSAY:
            lemma, stance = _HEARSAY[phrase]
            content = _trim(text, sent.start, sent.end)
            found.append(
                _make(text, sent, st, m, None, content, lemma=lemma, stance=stance, resolver=resolver)
            )
            continue
        if phrase in _PREPS:
            speaker_m = phrase_right(toks, cj, n, appositive=False)
            if speaker_m is None:
                continue
            lemma, stance = _PREPS[phrase], "assert"
            lead = _clause_start(toks, ci)
            if ci > lead and toks[ci - 1].low == ",":
                content = _content_before(st, quotes, ci - 1) if ci - 1 > 0 else None
                if content and content[0] < toks[lead].start and quotes.ending(toks[ci - 1].start) is None:
                    content = (toks[lead].start, content[1])
            elif speaker_m.end < n and toks[speaker_m.end].low in (",", ":"):
                content = _content_after(st, speaker_m.end + 1, quotes, "say")
            if content is None:
                continue
            found.append(
                _make(text, sent, st, m, speaker_m, content, lemma=lemma, stance=stance, resolver=resolver)
            )
            continue
        lemma, stance, frame = _FORMS[phrase]
        low = toks[ci].low
        if low in CITING:
            continue
        prev = toks[ci - 1] if ci > 0 else None
        nxt = toks[cj] if cj < n else None
        if low in NOUN_LIKE and (
            prev is None
            or prev.low
            in (
                "the",
                "a",
                "an",
                "his",
                "her",
                "their",
                "its",
                "these",
                "those",
                "of",
                "such",
                "new",
                "false",
            )
        ):
            continue
        negated = _negated(toks, ci)
        # This cue's statement, from a speaker mention and a content span.
        made = partial(
            _make, text, sent, st, m, lemma=lemma, stance=stance, resolver=resolver, negated=negated
        )
        k = skip_left(toks, ci, 0)
        passive = any(_auxiliary(toks[x].low) in _PASSIVE_AUX for x in range(k, ci)) and low not in (
            "saying",
            "telling",
        )
        if low.endswith("ing") and not (
            prev is not None and prev.low in ("is", "are", "was", "were", "been", "be")
        ):
            # A participle: ", saying ..." takes the main clause's subject.
            if prev is None or (prev.low not in (",", "—", "–", "-") and prev.low not in _PARTICIPLE_LEADS):
                continue
            if main_subject is None:
                main_subject = main_subject_of(toks, _clause_start(toks, ci, weak=False), ci)
                if main_subject is not None:
                    main_speaker = resolver.resolve(toks, main_subject, text)
            if main_subject is None:
                continue
            content = _content_after(st, cj, quotes, frame)
            if content is None:
                continue
            found.append(made(main_subject, content, main_speaker))
            continue
        if passive:
            if nxt is None or nxt.low != "by":
                continue
            speaker_m = phrase_right(toks, cj + 1, n)
            if speaker_m is None:
                continue
            lead = _clause_start(toks, ci)
            s, e = _trim(text, toks[lead].start, toks[k - 1].start)
            if s >= e:
                continue
            found.append(made(speaker_m, (s, e)))
            continue
        apposed = (
            prev is not None
            and prev.low == ","
            and subject_left(toks, ci, _clause_start(toks, ci)) is not None
        )
        inverted = (
            not apposed
            and prev is not None
            and (prev.low == "," or prev.text in ("”", '"', "''"))
            and nxt is not None
            and nxt.low not in ("that", "he", "she", "they", "it", "i", "we")
            and (nxt.cap or nxt.low in ("the", "a", "an") or nxt.low in ROLE_NOUNS)
            and frame != "object"
        )
        if inverted:
            speaker_m = phrase_right(toks, cj, n)
            if speaker_m is not None:
                content = _content_before(st, quotes, ci - 1 if prev and prev.low == "," else ci)
                if content is None:
                    continue
                found.append(made(speaker_m, content))
                if main_subject is None:
                    main_subject, main_speaker = speaker_m, found[-1].speaker if found[-1] else None
                continue
        lead = _clause_start(toks, k)
        if k > 1 and toks[k - 1].low == "and" and toks[k - 2].low != ",":
            # "X won the vote and said ...": the subject of the first verb
            if main_subject is None:
                lead = _clause_start(toks, k - 1)
                main_subject = subject_right(toks, lead, k - 1)
                main_speaker = resolver.resolve(toks, main_subject, text) if main_subject else None
            if main_subject is None:
                continue
            content = _content_after(st, cj, quotes, frame)
            if content is not None:
                found.append(made(main_subject, content, main_speaker))
            continue
        speaker_m = subject_left(toks, k, lead)
        if speaker_m is None:
            continue
        # Citing inside the subject: "Lee, citing the agency, said".
        for x in range(speaker_m.start, speaker_m.end):
            if toks[x].low in CITING:
                c = phrase_right(toks, x + 1, speaker_m.end)
                if c is not None:
                    cited = text[toks[c.start].start : toks[c.end - 1].end]
                speaker_m = Mention(
                    speaker_m.start, max(speaker_m.start + 1, x - 1), min(speaker_m.head_end, x - 1)
                )
                break
        before = speaker_m.start - 1
        parenthetical = (
            before > 0
            and (toks[before].low == "," or toks[before].text in _CLOSERS)
            and _tail_only(toks, cj, frame)
        )
        if parenthetical:
            content = _content_before(st, quotes, before if toks[before].low == "," else speaker_m.start)
        else:
            colon_quote = None
            if frame == "clause":  # "X said: “...”"
                colon_quote = next(
                    (x for x in range(cj, n - 1) if toks[x].low == ":" and toks[x + 1].text in QUOTE_CHARS),
                    None,
                )
            if colon_quote is not None:
                q = quotes.at(toks[colon_quote + 1].start)
                if q is not None:
                    found.append(made(speaker_m, q))
                    continue
            if (
                frame == "clause"
                and not (
                    nxt is not None
                    and (
                        nxt.low in ("that", ":", "“", '"', "''")
                        or (nxt.low == "," and cj + 1 < n and toks[cj + 1].text in QUOTE_CHARS)
                    )
                )
                and not (
                    nxt is not None
                    and low in ("asked", "ask", "asks")
                    and nxt.low in ("whether", "if", "about", "why", "how", "what")
                )
            ):
                continue
            content = _content_after(st, cj, quotes, frame)
            if content is None and nxt is not None and nxt.low in (".",):
                # "“...,” he said." split from its quote by the sentence splitter
                content = quotes.ending(sent.start)
        if content is None and nxt is not None and nxt.low == ":" and cj + 2 >= n:
            # "Jo Roe said:" with the quote in the next paragraph
            nxt_quote = quotes.at(_next_char(text, sent.end))
            content = (nxt_quote[0], nxt_quote[1]) if nxt_quote else None
        if content is None:
            continue
        if frame == "put" and not _PUT_AT.search(text, content[0], content[1]):
            continue  # "put the toll at 500", not "put his hand to his face"
        # Citing after the content: "X reported ..., citing Y" (looked for only in sentences
        # holding a citing word).
        after = text[toks[cj].start : sent.end].lower() if cj < n else ""
        cites = range(cj, n - 1) if any(word in after for word in CITING) else ()
        for x in cites:
            if toks[x].low in CITING and toks[x - 1].low == ",":
                c = phrase_right(toks, x + 1, n)
                if c is not None:
                    cited = text[toks[c.start].start : toks[c.end - 1].end]
                    if content[1] > toks[x - 1].start and content[0] < toks[x - 1].start:
                        content = _trim(text, content[0], toks[x - 1].start)
                break
        found.append(made(speaker_m, content, cited=cited))
        if main_subject is None:
            main_subject, main_speaker = speaker_m, found[-1].speaker if found[-1] else None
    return _without_hedges([s for s in found if s is not None], text)


def _without_hedges(found: list[Statement], text: str) -> list[Statement]:
    """Drop beliefs that are hedges or nested in another statement, not claims."""
    keep = []
    question = found and found[0].sentence.rstrip("”\"' ").endswith("?")
    for s in found:
        if s.verb in BELIEF_VERBS:
            who = text[s.speaker_start : s.speaker_end].lower() if s.speaker_start is not None else ""
            after = text[s.cue_end : s.cue_end + 12].split()
            # Another statement in the sentence already carries the claim, as in "she said
            # they think", "told reporters he thought" or "Lee said, she believed".
            nested = who in PRONOUNS and any(o.verb not in BELIEF_VERBS for o in found)
            lead = text[max(s.start, (s.speaker_start or s.cue_start) - 12) : s.speaker_start or s.cue_start]
            words = lead.lower().split()
            embedded = who in BELIEF_EMBEDDERS or bool(words and words[-1] in BELIEF_EMBEDDERS)
            bare = not after or after[0].strip('”"') in BELIEF_NO_CLAUSE or after[0][-1] in ",.?"
            if question or nested or bare or embedded or who in BELIEF_HEDGE_SUBJECTS:
                continue
        keep.append(s)
    return keep


def _next_char(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _colon_statement(st: _Sentence, quotes: Quotes, resolver: Resolver) -> Statement | None:
    """ "Jo Roe: “We will win.”" -- a headline or transcript line."""
    toks = st.toks
    # A colon is always a token of its own: none in the first eight tokens' text, none among them.
    if not toks or ":" not in st.text[toks[0].start : toks[min(8, len(toks)) - 1].end]:
        return None
    c = next((i for i, t in enumerate(toks[:8]) if t.low == ":"), None)
    if c is None or c == 0 or c + 1 >= len(toks) or toks[c + 1].low.isdigit():
        return None
    words = toks[:c]
    if words[0].low in COLON_LABELS or " ".join(w.low for w in words) in COLON_LABELS:
        return None
    if not all(w.cap or w.low in _HEADLINE_JOINERS for w in words) or not words[-1].cap:
        return None
    if any(w.low in WEEKDAYS or w.low in MONTH_NAMES for w in words):
        return None
    colon_tok = toks[c]
    content = _content_after(st, c + 1, quotes, "say")
    if content is None:
        return None
    mention = Mention(0, c, c)
    m = Cue(colon_tok.start, colon_tok.end, ":", ":")
    return _make(st.text, st.sent, st, m, mention, content, lemma="say", stance="assert", resolver=resolver)


def _tail_only(toks: list[Token], cj: int, frame: str) -> bool:
    """Is what follows the cue only its trimmings ("in a statement", "told CNN on Monday")?"""
    rest = [t for t in toks[cj:] if t.low not in (".", "!", "?") and t.text not in _CLOSERS]
    if not rest or rest[0].low == ",":
        return True
    if any(t.low in ("that", ":") or t.text in QUOTE_CHARS for t in rest):
        return False
    if frame == "tell" and len(rest) <= 9:
        return True
    return len(rest) <= 10 and rest[0].low in _TRIMMINGS


def _make(
    text: str,
    sent: Sentence,
    st: _Sentence,
    m: Cue,
    mention: Mention | None,
    content: tuple[int, int],
    speaker: str | None = None,
    cited: str | None = None,
    *,
    lemma: str,
    stance: str,
    resolver: Resolver,
    negated: bool = False,
) -> Statement | None:
    if negated and stance != "estimate":
        return None
    s_start = s_end = None
    if mention is not None:
        s_start, s_end = st.span(mention.start, mention.end)
        s_start, s_end = _trim(text, s_start, s_end)
        if speaker is None:
            speaker = resolver.resolve(st.toks, mention, text)
    c_start, c_end = content
    if stance == "assert" and gives_figure(text[c_start:c_end]):
        stance = "estimate"
    elif stance in ("confirm", "deny") and _HYPOTHETICAL.search(text, c_start, c_end):
        stance = "assert"  # "confirmed that it would be lawful if it happened": nothing to confirm
    return Statement(
        speaker=speaker,
        speaker_start=s_start,
        speaker_end=s_end,
        cue=m.text,
        cue_start=m.start,
        cue_end=m.end,
        verb=lemma,
        stance=stance,
        content=text[c_start:c_end],
        content_start=c_start,
        content_end=c_end,
        sentence=sent.text,
        start=sent.start,
        end=sent.end,
        cited=cited,
    )
