"""Speaker mentions: finding the noun phrase that says something, and resolving it.

A mention is read off a sentence's tokens in one of two directions: leftwards from the
cue for a subject ("South Korea's spy chief Cho said", "Cho, the spy chief, said") and
rightwards for an inverted or prepositional source ("said Cho", "according to Cho").
The span follows news annotation practice: the whole noun phrase, with its titles, its
appositive and its relative clause, so that the mention can be shown as written, while
``Resolver`` reduces it to a name and remembers who was named, so that later pronouns,
bare surnames and role descriptions ("he", "Cho", "the spy chief") resolve to the
nearest earlier speaker who fits.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import NamedTuple

from claimtrack.extract.lexicon.speakers import (
    CLAUSE_OPENERS,
    DETERMINERS,
    GROUP_PRONOUNS,
    INTRO_OPENERS,
    MONTH_NAMES,
    NAME_JOINERS,
    NOT_IN_SUBJECT,
    ORG_HEADS,
    PERSON_PRONOUNS,
    PRONOUNS,
    ROLE_NOUNS,
    SKIPPABLE,
    TITLES,
    WEEKDAYS,
)
from claimtrack.extract.lexicon.verbs import NOUN_LIKE, verb_forms

_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}"  # U.S., D.C.
    r"|[A-Z][a-z]{0,4}\.(?=\s+[A-Z(])"  # Mr. Sen. Gov. before a name
    r"|[A-Z]\.(?=\s+[A-Z])"  # an initial
    r"|\w+(?:[-’'.&]\w+)*(?:(?<=s)[’'](?![\w’']))?"  # Sanders’ campaign
    r"|''|``|[^\w\s]"
)
# Finite reporting verbs end a subject; base forms do not ("a news report said").
VERB_FORMS = (
    frozenset(f for f, (lemma, _, _) in verb_forms().items() if " " not in f and f != lemma) - NOUN_LIKE
)
BOUNDARY_PUNCT = frozenset(",;:—–()[]\"“”‘’'`") | {"''", "``"}
# After an opening phrase's first noun, not a verb: "Hours after the vote, ...".
OPENING_ENDS = frozenset(("after", "before", "since", "into", "later", "ago", "earlier"))
QUOTE_CHARS = frozenset("\"“”‘’'`") | {"''", "``"}


class Token(NamedTuple):
    start: int
    end: int
    text: str
    low: str

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper() or self.text[:1].isdigit()


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``.

    >>> [t.text for t in tokenize("Sen. Lee's aide said: “No.”", 0, 27)]
    ['Sen.', "Lee's", 'aide', 'said', ':', '“', 'No', '.', '”']
    """
    # Tokens are built for every sentence with a cue, and each match of ``_TOKEN`` costs
    # more than the token it gives. No token holds or skips white space, so a word between
    # spaces made of letters and digits alone is one token, and one with a mark before or
    # after it ("said,", "“We") is two; only other words need the regex. Offsets follow
    # from lengths where single spaces are the only white space (``isprintable``).
    seg = text[start:end]
    if not seg.isprintable():
        return _tokenize_matches(text, start, end)
    out: list[Token] = []
    new, token = tuple.__new__, Token
    s = start
    for word in seg.split(" "):
        e = s + len(word)
        if word.isalnum():
            out.append(new(token, (s, e, word, word.lower())))
        elif not word:
            pass
        elif (
            word[-1] in _CLOSE_MARKS
            and word[:-1].isalnum()
            and not (word[-1] == "." and "A" <= word[0] <= "Z")
        ):
            head = word[:-1]
            out.append(new(token, (s, e - 1, head, head.lower())))
            out.append(new(token, (e - 1, e, word[-1], word[-1])))
        elif word[0] in _OPEN_MARKS and word[1:].isalnum():
            tail = word[1:]
            out.append(new(token, (s, s + 1, word[0], word[0])))
            out.append(new(token, (s + 1, e, tail, tail.lower())))
        else:
            _match_word(text, s, e, end, out)
        s = e + 1
    return out


# Marks that stay a token of their own next to a word, whatever stands around them; a
# full stop too, unless after a capital ("Mr." before a name is one token).
_CLOSE_MARKS = frozenset(',;:?!)”".')
_OPEN_MARKS = frozenset('(“"')


def _tokenize_matches(text: str, start: int, end: int) -> list[Token]:
    """``tokenize`` by the regex alone."""
    new, token = tuple.__new__, Token
    return [new(token, (*m.span(), m.group(), m.group().lower())) for m in _TOKEN.finditer(text, start, end)]


def _match_word(text: str, s: int, e: int, end: int, out: list[Token]) -> None:
    """Append the tokens of the word ``text[s:e]`` to ``out``, matched in a sentence ending at ``end``."""
    new, token, match = tuple.__new__, Token, _TOKEN.match
    while s < e:
        m = match(text, s, end)  # a word is all tokens: one starts where the last ended
        word = m.group()
        out.append(new(token, (s, m.end(), word, word.lower())))
        s = m.end()


def is_time_word(tok: Token) -> bool:
    return tok.low in WEEKDAYS or tok.low in MONTH_NAMES or tok.low.isdigit() or tok.low in ("on", "this")


def skip_left(toks: list[Token], k: int, lo: int) -> int:
    """Move ``k`` left over adverbs, auxiliaries and dates between a subject and its cue."""
    while k > lo:
        t = toks[k - 1]
        if (
            t.low in SKIPPABLE
            or t.low in ("not", "n't", "never")
            or is_time_word(t)
            or _adverb(toks, k - 1, lo)
            or _negative_auxiliary(t)
        ):
            k -= 1
        elif t.low == "," and k - 2 >= lo and (toks[k - 2].low in WEEKDAYS or toks[k - 2].low in MONTH_NAMES):
            k -= 1  # "X, on Tuesday, said": the comma of a date aside
        else:
            break
    return k


def _adverb(toks: list[Token], i: int, lo: int) -> bool:
    """An -ly adverb after a name or pronoun: "Gorka similarly said"."""
    t = toks[i]
    return (
        len(t.low) > 4
        and t.low.endswith("ly")
        and t.text.isalpha()
        and not t.cap
        and i > lo
        and (toks[i - 1].cap or toks[i - 1].low in PRONOUNS)
    )


def _negative_auxiliary(t: Token) -> bool:
    """ "didn’t", "hasn't": skipped like the auxiliary; the caller judges the negation."""
    word = t.low.replace("’", "'")
    return word.endswith("n't") and word[:-3] in SKIPPABLE | {"ca", "wo", "could", "should"}


@dataclass(frozen=True, slots=True)
class Mention:
    start: int  # token indices, end exclusive
    end: int
    head_end: int  # end of the head noun phrase, before any appositive or relative clause


def _word_ok(toks: list[Token], i: int, lo: int) -> bool:
    """Can token ``i`` be inside a subject noun phrase that ends after it?"""
    t = toks[i]
    if t.low == "and" and i - 1 >= lo and i + 1 < len(toks):
        before, after = toks[i - 1], toks[i + 1]
        # "South Korea and the United States", "officials and medics"; not ", and"
        return (before.cap or before.low in ROLE_NOUNS) and after.text.isalpha()
    if t.low in NOT_IN_SUBJECT or t.low in CLAUSE_OPENERS or t.low in VERB_FORMS:
        return False
    if t.low in BOUNDARY_PUNCT or t.text in QUOTE_CHARS:
        return False
    if not any(c.isalnum() for c in t.text):
        return t.low == "&"  # a bare dash or mark is no word: "WASHINGTON - The ministry said"
    return True


def _plausible(toks: list[Token], s: int, e: int) -> bool:
    """Does toks[s:e] look like a noun phrase that can speak?"""
    if s >= e:
        return False
    words = toks[s:e]
    last = words[-1]
    if last.low in NAME_JOINERS or (
        last.low in DETERMINERS and last.low not in ("others", "all", "both", "many")
    ):
        return False
    if len(words) == 1 and (last.low in PRONOUNS):
        return True
    if any(w.low in ROLE_NOUNS or w.low in DETERMINERS for w in words):
        return True
    return any(w.cap and w.low not in WEEKDAYS and w.low not in MONTH_NAMES for w in words)


def subject_left(toks: list[Token], k: int, lo: int, sentence_lo: int = 0) -> Mention | None:
    """The subject noun phrase ending at token ``k`` (exclusive), not reaching before ``lo``."""
    if k <= lo:
        return None
    last = toks[k - 1]
    if last.low in PRONOUNS and last.low != "that":
        return Mention(k - 1, k, k)
    if last.low == ",":
        return _appositive_subject(toks, k, sentence_lo)
    s, skipped = k, 0
    while s > lo:
        if _word_ok(toks, s - 1, lo):
            s -= 1
            continue
        if toks[s - 1].low == "and" and s - 2 > lo and toks[s - 2].low in ("—", "–"):
            d = next((x for x in range(s - 3, lo, -1) if toks[x].low in ("—", "–")), None)
            if d is not None and toks[d - 1].cap:  # "X – which ... – and Y"
                skipped += s - 1 - d
                s = d
                continue
        break
    # "Sen. Jane Roe (D-Ore.)": a parenthesis right after a name belongs to it.
    if s == k and last.text == ")":
        depth, j = 0, k - 1
        while j > lo:
            if toks[j].text == ")":
                depth += 1
            elif toks[j].text == "(":
                depth -= 1
                if depth == 0:
                    break
            j -= 1
        if j > lo and toks[j].text == "(":
            inner = subject_left(toks, j, lo)
            if inner is not None:
                return Mention(inner.start, k, k)
        return None
    while s < k and ((toks[s].low in NAME_JOINERS and toks[s].low != "the") or toks[s].low in ("'s", "’s")):
        s += 1
    if k - s - skipped > 12:
        s = _name_tail(toks, k, lo)
    if not _plausible(toks, s, k):
        return None
    return Mention(s, k, k)


def subject_right(toks: list[Token], lo: int, hi: int) -> Mention | None:
    """The noun phrase that opens a clause: "The senator, a Democrat, voted ..." -> "The senator"."""
    e = lo
    while e < hi:
        t = toks[e]
        if (
            t.cap
            or t.low in DETERMINERS
            or t.low in ROLE_NOUNS
            or t.low in ("'s", "’s", "of", "&")
            or (t.low == "and" and e + 1 < hi and (toks[e + 1].cap or toks[e + 1].low in DETERMINERS))
        ):
            e += 1
        else:
            break
    while e > lo and (toks[e - 1].low in NAME_JOINERS or toks[e - 1].low in DETERMINERS):
        e -= 1
    if e == lo or not _plausible(toks, lo, e):
        return None
    return Mention(lo, e, e)


def main_subject(toks: list[Token], lo: int, hi: int) -> Mention | None:
    """The subject of the main clause in toks[lo:hi], past a dateline and an opening phrase.

    "WASHINGTON (Reuters) - The ministry denied it, saying ..." -> "The ministry";
    "Hours after the vote, Lee hit back, saying ..." -> "Lee".
    """
    first = subject_right(toks, lo, hi)  # failing better, the clause's first noun phrase
    lo = after_dateline(toks, lo, hi)
    for _ in range(3):
        m = subject_right(toks, lo, hi)
        after = toks[m.end] if m is not None and m.end < hi else None
        opening = toks[lo].low in INTRO_OPENERS or (toks[lo].low.endswith("ing") and not toks[lo].cap)
        if m is not None and not opening and (after is None or after.low not in OPENING_ENDS):
            return m
        comma = next((x for x in range(lo, hi) if toks[x].low == ","), None)
        if comma is None:
            return first if opening else m
        lo = comma + 1
    return first


def after_dateline(toks: list[Token], lo: int, hi: int) -> int:
    """Index after a dateline ("WASHINGTON, March 3 (Wire) -"), else ``lo``."""
    if lo >= hi or not (toks[lo].text.isupper() and len(toks[lo].text) > 1):
        return lo
    for x in range(lo + 1, min(hi, lo + 14)):
        if toks[x].low in ("-", "—", "–"):
            return x + 1
        if not (toks[x].cap or toks[x].low in (",", "(", ")", ".") or toks[x].low in MONTH_NAMES):
            return lo
    return lo


def _name_tail(toks: list[Token], k: int, lo: int) -> int:
    s = k
    while s > lo and (toks[s - 1].cap or toks[s - 1].low in TITLES) and toks[s - 1].text.isalnum():
        s -= 1
    return s


def _appositive_subject(toks: list[Token], k: int, lo: int) -> Mention | None:
    """ "Jo Roe, a senior aide to the governor, said": the name, its appositive and commas."""
    comma = k - 1
    j = comma - 1
    while j > lo and toks[j].low != "," and toks[j].text not in QUOTE_CHARS and toks[j].low not in (";", ":"):
        j -= 1
    if j <= lo or toks[j].low != "," or comma - j < 2 or comma - j > 25:
        return None
    inner = toks[j + 1]
    if not (
        inner.low in DETERMINERS
        or inner.low in ("who", "which")
        or inner.low in TITLES
        or inner.low in ROLE_NOUNS
        or inner.cap
        or inner.low.isdigit()
        or inner.low.endswith("ing")  # "Jo Roe, speaking to reporters, said"
        or inner.low in ("like", "as", "along", "together", "including", "unlike")
    ):
        return None
    head = subject_left(toks, j, lo, lo)
    if (
        head is not None
        and head.end - head.start == 1
        and toks[head.start].low.isdigit()
        and head.start - 1 > lo
        and toks[head.start - 1].low == ","
    ):
        head = subject_left(toks, head.start - 1, lo, lo)  # an age: "Jo Roe, 58, a nurse, said"
    if head is None or toks[head.start].low in PRONOUNS:
        return None
    return Mention(head.start, comma, head.end)


def phrase_right(toks: list[Token], i: int, hi: int, appositive: bool = True) -> Mention | None:
    """A source noun phrase starting at token ``i``: after an inverted cue or a preposition."""
    e = i
    while e < hi:
        t = toks[e]
        if t.low in BOUNDARY_PUNCT or t.text in QUOTE_CHARS or t.low in (".", "!", "?"):
            if t.text == "(" and e > i:  # "(R-Texas)"
                close = next((x for x in range(e, min(hi, e + 8)) if toks[x].text == ")"), None)
                if close is not None:
                    e = close + 1
                    continue
            break
        if e > i and (t.low in CLAUSE_OPENERS or t.low in NOT_IN_SUBJECT or t.low in ("who", "whose")):
            break
        if e > i and (t.low in ("in", "on", "at", "during", "after", "before", "last", "this", "earlier")):
            # "said X in a statement", "said X on Tuesday": where and when, not who
            nxt = toks[e + 1] if e + 1 < hi else None
            if nxt is None or not (nxt.cap and t.low in ("in", "at") and not is_time_word(nxt)):
                break
        if e > i and t.low.endswith("ing") and not t.cap and t.low not in ROLE_NOUNS:
            break
        e += 1
    if e == i or not _plausible(toks, i, e):
        return None
    head_end = e
    if appositive and e + 1 < hi and toks[e].low == ",":
        tail_end = _appositive_to_end(toks, e + 1, hi)
        if tail_end is not None:
            return Mention(i, tail_end, head_end)
        nxt = toks[e + 1]
        if (
            nxt.low in DETERMINERS and nxt.low not in ("that", "this", "these", "those", "no", "one")
        ) or nxt.low in TITLES:
            tail = phrase_right(toks, e + 1, hi, appositive=False)
            if tail is not None and tail.end < hi and toks[tail.end].low in (".", "!", "?", ",", ";"):
                return Mention(i, tail.end, head_end)
            if tail is not None and tail.end >= hi:
                return Mention(i, tail.end, head_end)
    return Mention(i, e, head_end)


def _appositive_to_end(toks: list[Token], i: int, hi: int) -> int | None:
    """End of an appositive that runs to the end of the sentence, as after an inverted cue:
    "..., said Jo Roe, a nurse who has worked there since 2019." News annotation counts it,
    relative clause and all, as part of the source.
    """
    first = toks[i]
    if not (
        (first.low in DETERMINERS and first.low not in ("that", "this", "these", "those", "no"))
        or first.low in TITLES
        or first.low in ROLE_NOUNS
        or first.low in ("who", "whose")
        or first.low.isdigit()
    ):
        return None
    e = i
    while e < hi and e - i <= 30:
        t = toks[e]
        if t.text in QUOTE_CHARS or t.low in (";", "—", "–", ":") or t.low in VERB_FORMS:
            return None
        if t.low in (".", "!", "?"):
            break
        e += 1
    if e - i > 30 or e == i:
        return None
    return e if e == hi or toks[e].low in (".", "!", "?") else None


# ---------------------------------------------------------------------------------------
# Resolution


_NAME_WORD = re.compile(r"[\w’'-]+")


@dataclass
class Entity:
    name: str
    person: bool
    roles: set[str] = field(default_factory=set)
    words: set[str] = field(default_factory=set)


def _strip_titles(words: list[Token]) -> list[Token]:
    last_title = -1
    for n, w in enumerate(words[:-1]):
        if w.low in TITLES or w.low.rstrip(".") in TITLES:
            last_title = n
    return words[last_title + 1 :]


def describe(toks: list[Token], m: Mention, text: str) -> tuple[str, bool, set[str], bool]:
    """(name, is_person, role words, is_named) of a mention."""
    head = toks[m.start : m.head_end]
    while head and head[0].low in DETERMINERS and head[0].low not in ("one",) and len(head) > 1:
        head = head[1:]
    if head and head[-1].text == ")" and any(t.text == "(" for t in head):  # "Sen. Roe (D-Ore.)"
        head = head[: max(n for n, t in enumerate(head) if t.text == "(")]
    roles = {t.low for t in toks[m.start : m.end] if t.low in ROLE_NOUNS or t.low in TITLES}
    if not head:
        return text[toks[m.start].start : toks[m.end - 1].end], False, roles, False
    named = head[-1].cap and not (len(head) == 1 and head[-1].low in ROLE_NOUNS)
    if not named:
        return text[head[0].start : head[-1].end], False, roles, False
    dashes = [n for n, t in enumerate(head) if t.low in ("—", "–")]
    if len(dashes) >= 2:  # drop a parenthesis between dashes
        head = head[: dashes[0]] + head[dashes[-1] + 1 :]
    if any(t.low == "and" for t in head):  # "South Korea and the United States"
        return " ".join(t.text for t in head), False, roles, True
    if any(t.low in ORG_HEADS or t.low.rstrip("'s’") in ORG_HEADS for t in head) or head[-1].text.isupper():
        return text[head[0].start : head[-1].end], False, roles, True
    # A person: the trailing run of capitalised words, without the titles before it.
    s = len(head)
    while s > 0 and (head[s - 1].cap or head[s - 1].low in ("de", "van", "von", "bin", "al", "la", "le")):
        s -= 1
    name = _strip_titles(head[s:]) or head[s:]
    titled = any(t.low in TITLES for t in head)
    person = titled or len(name) >= 2 or len(head) == 1
    return text[name[0].start : name[-1].end], person, roles, True


class Resolver:
    """Named speakers seen so far, most recent last, for pronouns and short references.

    Only the ``RECENT`` most recent are looked through: a pronoun or a bare surname
    refers to someone named not long before, and a text of a thousand articles would
    otherwise make every lookup a pass over all its names.
    """

    RECENT = 100

    def __init__(self) -> None:
        self.entities: dict[str, Entity] = {}  # by name, in order of last mention

    def add(self, name: str, person: bool, roles: set[str]) -> None:
        ent = self.entities.pop(name, None)
        if ent is None:
            ent = Entity(name, person, set(roles), {w.lower() for w in _NAME_WORD.findall(name)})
        else:
            ent.roles |= roles
        self.entities[name] = ent

    def _latest(self, ok) -> Entity | None:  # type: ignore[no-untyped-def]
        recent = itertools.islice(reversed(self.entities.values()), self.RECENT)
        return next((e for e in recent if ok(e)), None)

    def resolve(self, toks: list[Token], m: Mention, text: str) -> str:
        """The name a mention refers to, registering named mentions as it goes."""
        word = toks[m.start].low if m.end - m.start == 1 else ""
        mention = text[toks[m.start].start : toks[m.end - 1].end]
        if word in PERSON_PRONOUNS:
            ent = self._latest(lambda e: e.person)
            return ent.name if ent else mention
        if word in GROUP_PRONOUNS:
            ent = self._latest(lambda e: not e.person) or (
                next(reversed(self.entities.values())) if word == "it" and self.entities else None
            )
            return ent.name if ent else mention
        name, person, roles, named = describe(toks, m, text)
        if named:
            if " " not in name:  # a bare surname: "Kim added"
                ent = self._latest(lambda e: name.lower() in e.words and e.name != name)
                if ent is not None:
                    ent.roles |= roles
                    return ent.name
            self.add(name, person, roles)
            return name
        heads = {t.low for t in toks[m.start : m.head_end] if t.low in ROLE_NOUNS}
        if toks[m.start].low in ("the", "this") and heads:  # "the deputy minister"
            ent = self._latest(lambda e: bool(e.roles & heads))
            if ent is not None:
                return ent.name
        return name
