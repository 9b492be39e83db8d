"""Match text against topics: named sets of terms.

A record belongs to a topic when its sentence or its paragraph speaks of it, so a
figure in "about 3,000 soldiers are at bases" is in *deployment* even when the sentence
alone would not say so. Matching is one compiled regular expression per topic set,
run once per sentence and once per paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache

from claimtrack.extract.lexicon.topics import TOPICS
from claimtrack.extract.patterns import trie


def stem(word: str) -> str:
    """A crude stem for matching an unknown topic word against sentences.

    >>> stem("deployments"), stem("casualties"), stem("killed"), stem("talks")
    ('deployment', 'casualt', 'kill', 'talk')
    """
    w = word.lower().strip()
    for suffix in ("ies", "ing", "ed", "es", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            return w[: -len(suffix)]
    return w


def _term_pattern(term: str) -> str:
    # Terms are word beginnings: "deploy" matches "redeploy"? No: only at a word start.
    body = re.escape(term.strip().lower())
    end = r"\b" if term.endswith(" ") else ""
    return r"\b" + body + end


@lru_cache(maxsize=32)
def _compile(items: tuple[tuple[str, tuple[str, ...]], ...]) -> list[tuple[str, re.Pattern[str]]]:
    return [(name, re.compile("|".join(_term_pattern(t) for t in terms))) for name, terms in items if terms]


class TopicMatcher:
    """Finds the topics a piece of text speaks of."""

    def __init__(self, topics: Mapping[str, Sequence[str]] | None = None):
        merged = dict(TOPICS if topics is None else topics)
        self._patterns = _compile(tuple(sorted((k, tuple(v)) for k, v in merged.items())))
        # Every term of every topic in one pattern (a trie), longest first, checked once
        # per word start; each term found says which topics it belongs to.
        self._topics_of: dict[str, set[str]] = {}
        for name, terms in merged.items():
            for term in terms:
                self._topics_of.setdefault(term.strip().lower(), set()).add(name)
        whole = {t.strip().lower() for ts in merged.values() for t in ts if t.endswith(" ")}
        terms = sorted(self._topics_of)
        pattern = trie(terms, ends=dict.fromkeys(whole, r"\b"))
        # A term that begins and ends with a word character is found as the character
        # before it, one the regex engine skips to, rather than as "\b", tried at every
        # position: less than half the work. The class is ASCII (a bitmap, cheaper than
        # the Unicode "\W"): a letter outside ASCII passes it and is weeded out after.
        # The text gets a space put before it.
        wordy = all(map(_WORDY.fullmatch, terms))
        self._after = re.compile(rf"[^a-z0-9_]({pattern})") if terms and wordy else None
        self._all = re.compile(rf"\b({pattern})") if terms and not wordy else None

    def match(self, text: str) -> set[str]:
        low = text.lower()
        return {name for name, rx in self._patterns if rx.search(low)}

    def scan(self, text: str) -> list[tuple[int, str]]:
        """Where each topic's terms occur in a whole text, as sorted (offset, topic) pairs:
        one pass for all the terms, then any stretch of the text asks by bisection."""
        if not self._topics_of:
            return []
        low = text.lower()
        if self._after is None:
            found = [(m.start(1), m.group(1)) for m in self._all.finditer(low)]  # type: ignore[union-attr]
        else:
            found = []
            spaced, pos = " " + low, 0
            while m := self._after.search(spaced, pos):
                before = spaced[m.start()]
                if before.isalnum() or before == "_":  # a letter outside ASCII: no term starts after it
                    pos = m.start() + 1
                else:
                    found.append((m.start(1) - 1, m.group(1)))
                    pos = m.end()
        topics_of = self._topics_of
        return [
            (start, name)
            for start, term in found
            for name in topics_of[" ".join(term.split())]  # "peace\ntalks" is "peace talks"
        ]


_WORDY = re.compile(r"\w(?:.*\w)?", re.DOTALL)  # begins and ends with a word character

DEFAULT_MATCHER = TopicMatcher()
