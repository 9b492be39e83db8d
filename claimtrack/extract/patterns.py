"""Regular expressions for word lists.

A flat alternation of many words (``say|said|says|…``) is tried word by word at every
position of a text; the same words factored by prefix (``sa(?:id|ys?)``) are tried
against one branch per letter. On whole texts the difference is several times the
speed, so every long word list becomes a pattern here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

_END = ""  # the key marking the end of a word in the tree

# The letters a case-blind pattern takes for an ASCII letter ("i", "s") that lower() does
# not turn into it: "ı" and "ſ" stay as they are, "İ" becomes two characters. A search of
# a lower-cased copy stands for a case-blind search only in a text without them.
ODD_CASE_LETTERS = ("ı", "ſ", "İ")

# The suffix of an ordinal written in digits: "21st", "3rd". Matched right after the number.
ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th)\b")


def trie(words: Iterable[str], ends: Mapping[str, str] | None = None) -> str:
    """A regex matching any of ``words``, longest first; a space matches any white space.

    ``ends`` gives a word a pattern that must follow it (``r"\\b"`` for a whole word);
    where one word ends and a longer one goes on, the longer is tried first.

    >>> trie(["say", "said", "says"])
    'sa(?:id|ys?)'
    >>> [re.match(trie(["war", "warfare"], {"war": r"\\b"}), t) is not None for t in ("wars", "warfare")]
    [False, True]
    """
    ends = ends or {}
    tree: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        # A word that must end at a boundary and the same word as a bare prefix: the prefix wins.
        node[_END] = "" if node.get(_END) == "" else ends.get(word, "")

    def emit(node: dict) -> str:  # type: ignore[type-arg]
        branches = [(r"\s+" if k == " " else re.escape(k)) + emit(v) for k, v in sorted(node.items()) if k]
        end = node.get(_END)
        if end:  # the word ends here only if what must follow does
            branches.append(end)
        if not branches:
            return ""
        if len(branches) == 1:
            group = branches[0]
            atomic = len(group) == 1 or (len(group) == 2 and group[0] == "\\")
            group = group if atomic or end != "" else f"(?:{group})"
        else:
            group = "(?:" + "|".join(branches) + ")"
        return group + "?" if end == "" else group

    return emit(tree)
