"""Reported speech: table-driven cases grouped by phenomenon, and offset properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.extract.sentences import split_sentences
from claimtrack.extract.statements import find_statements
from claimtrack.models import Statement


def extract(text: str) -> list[Statement]:
    return find_statements(text, split_sentences(text))


def rows(text: str) -> list[tuple[str | None, str, str]]:
    """(speaker, verb, stance) of each statement."""
    return [(s.speaker, s.verb, s.stance) for s in extract(text)]


def mention(text: str, s: Statement) -> str | None:
    return None if s.speaker_start is None else text[s.speaker_start : s.speaker_end]


SHAPES = [
    # subject first
    ("Mara Quill said the bridge would reopen in spring.", [("Mara Quill", "say", "assert")]),
    ("Mara Quill said that the bridge would reopen.", [("Mara Quill", "say", "assert")]),
    ("The mayor told reporters the bridge would reopen.", [("mayor", "tell", "assert")]),
    # parenthetical after the content
    ("The bridge will reopen in spring, Mara Quill said.", [("Mara Quill", "say", "assert")]),
    (
        "“We will reopen the bridge,” Mara Quill told the council on Monday.",
        [("Mara Quill", "tell", "assert")],
    ),
    # inverted
    ("“We will reopen the bridge,” said Mara Quill, the city engineer.", [("Mara Quill", "say", "assert")]),
    # prepositional
    (
        "According to the transport agency, the bridge will reopen.",
        [("transport agency", "according to", "assert")],
    ),
    (
        "The bridge will reopen, according to the transport agency.",
        [("transport agency", "according to", "assert")],
    ),
    # participle takes the main clause's subject
    (
        "The agency denied the report, saying the bridge was safe.",
        [("agency", "deny", "deny"), ("agency", "say", "assert")],
    ),
    # coordinated verbs
    ("Mara Quill visited the site and said the work was on time.", [("Mara Quill", "say", "assert")]),
    # headline colon
    ("Quill: Bridge will reopen by spring.", [("Quill", "say", "assert")]),
    # passive with an agent
    ("The closure was confirmed by the transport agency.", [("transport agency", "confirm", "confirm")]),
    # regression: a dateline's dash was read as part of the subject ("- The defence ministry")
    (
        "WASHINGTON, March 3, 2025 (Wire) - The defence ministry said the base was closed.",
        [("defence ministry", "say", "assert")],
    ),
    # regression: NYT-style '' quotes were not read as quotes, so the inverted cue was lost
    ("''The ferries will run,'' said Oskar Lind.", [("Oskar Lind", "say", "assert")]),
    # regression: the negation window reached into the quote before the cue
    ("“The ships are just not ready,” Oskar Lind said.", [("Oskar Lind", "say", "assert")]),
    # regression: a participle after an opening phrase took the phrase as its subject
    (
        "Hours after the vote, the ministry hit back, saying the count was flawed.",
        [("ministry", "say", "assert")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SHAPES)
def test_attribution_shapes(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert rows(text) == expected


APPOSITIVES = [
    # (text, speaker, mention as written)
    (
        "Oskar Lind, a spokesman for the port authority, said the ferries would run.",
        "Oskar Lind",
        "Oskar Lind, a spokesman for the port authority",
    ),
    (
        "Norland's deputy trade minister Oskar Lind told lawmakers the tariffs would stay.",
        "Oskar Lind",
        "Norland's deputy trade minister Oskar Lind",
    ),
    ("Sen. Ada Brook (D-Ore.) said the bill was dead.", "Ada Brook", "Sen. Ada Brook (D-Ore.)"),
    (
        "Oskar Lind, who has run the port since 2019, said the ferries would run.",
        "Oskar Lind",
        "Oskar Lind, who has run the port since 2019",
    ),
    ("Fishermen and port workers said the ferries were late.", "Fishermen and port workers", None),
    # an inverted source's appositive runs to the end of the sentence, relative clause and all
    (
        "“We will reopen,” said Oskar Lind, a port engineer who has worked there since 2019.",
        "Oskar Lind",
        "Oskar Lind, a port engineer who has worked there since 2019",
    ),
    # regression: an age between commas was taken for the name ("58, a port engineer")
    (
        "Oskar Lind, 58, a port engineer, said the ferries would run.",
        "Oskar Lind",
        "Oskar Lind, 58, a port engineer",
    ),
    # regression: an -ly adverb between subject and cue was kept in the subject
    ("Oskar Lind similarly said the ferries would run.", "Oskar Lind", "Oskar Lind"),
]


@pytest.mark.parametrize(("text", "speaker", "as_written"), APPOSITIVES)
def test_titles_and_appositives(text: str, speaker: str, as_written: str | None) -> None:
    (s,) = extract(text)
    assert s.speaker == speaker
    if as_written is not None:
        assert mention(text, s) == as_written


REFERENCES = [
    # pronouns resolve to the nearest earlier named person
    ("Oskar Lind said the ferries would run. He added that fares would rise.", "He", "Oskar Lind"),
    # bare surnames
    ("Kim Dae-ho said the talks had stalled. Kim added that no date was set.", "Kim", "Kim Dae-ho"),
    # a role description refers back to the named speaker with that role
    (
        "Oskar Lind, the deputy minister, said fares would rise. "
        "“We have no choice,” the deputy minister said.",
        "the deputy minister",
        "Oskar Lind",
    ),
    # a group pronoun takes the nearest organisation
    (
        "The Port Authority said the ferries would run. It added that fares would rise.",
        "It",
        "Port Authority",
    ),
]


@pytest.mark.parametrize(("text", "as_written", "speaker"), REFERENCES)
def test_pronouns_and_surnames(text: str, as_written: str, speaker: str) -> None:
    last = extract(text)[-1]
    assert mention(text, last) == as_written
    assert last.speaker == speaker


def test_citing_keeps_the_reporter_as_speaker() -> None:
    text = "The Daily Courier reported that 40 ships were stranded, citing the coast guard."
    (s,) = extract(text)
    assert (s.speaker, s.cited, s.verb) == ("Daily Courier", "the coast guard", "report")
    assert "citing" not in s.content


def test_citing_inside_the_subject() -> None:
    text = "Lind, citing the coast guard, said 40 ships were stranded."
    (s,) = extract(text)
    assert (s.speaker, s.cited) == ("Lind", "the coast guard")


def test_multi_paragraph_quote_is_one_content() -> None:
    text = (
        "Oskar Lind said:\n\n“The ferries will run on time.\n\n“Fares will rise next year, and we regret it.”"
        "\n\nThe council met later."
    )
    (s,) = extract(text)
    assert s.content.startswith("“The ferries") and s.content.endswith("we regret it.”")


def test_quote_before_speaker_across_sentences() -> None:
    text = "“The ferries will run. Fares will rise,” Oskar Lind said."
    (s,) = extract(text)
    assert s.content == "“The ferries will run. Fares will rise,”"


def test_cues_inside_a_quote_belong_to_the_quoted_speaker() -> None:
    # "I think" inside the quote is the quoted speaker's hedge, not a second statement.
    text = "“I think the ferries will run,” Oskar Lind said."
    assert rows(text) == [("Oskar Lind", "say", "assert")]


NEGATION = [
    ("The ministry neither confirmed nor denied the report.", []),
    ("The ministry did not deny the report.", []),
    ("The ministry declined to confirm the figure.", []),
    # a negated belief is still a belief
    ("The agency does not think the ships were damaged.", [("agency", "think", "estimate")]),
    # regression: a curly apostrophe hid the negation
    ("The ministry didn’t deny the report.", []),
]


BELIEFS = [
    # a belief of a named source is an estimate, also inside another statement
    ("The agency believes 40 ships were stranded.", [("agency", "believe", "estimate")]),
    (
        "Oskar Lind said the agency thinks 40 ships were stranded.",
        [("Oskar Lind", "say", "estimate"), ("agency", "think", "estimate")],
    ),
    # hedges and questions are not claims
    ("I think the ferries will run.", []),
    ("Do you think the ferries will run?", []),
    ("Oskar Lind said they believe the ferries will run.", [("Oskar Lind", "say", "assert")]),
    ("The bill that he thought would pass failed.", []),
    ("Oskar Lind thinks about the ferries every day.", []),
    ("The think tank said the ferries would run.", [("think tank", "say", "assert")]),
]


@pytest.mark.parametrize(("text", "expected"), BELIEFS)
def test_beliefs(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize(("text", "expected"), NEGATION)
def test_negation(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert rows(text) == expected


STANCE = [
    ("The ministry denied claims by the opposition.", "deny"),
    ("The ministry rejected the findings.", "deny"),
    ("The ministry confirmed the closure.", "confirm"),
    ("The ministry acknowledged that the ships were late.", "confirm"),
    ("The coast guard estimated that 40 ships were stranded.", "estimate"),
    ("The coast guard believes the storm will pass.", "estimate"),
    ("Analysts expect that fares will rise.", "estimate"),
    # a claim that gives a figure is an estimate
    ("The coast guard said 40 ships were stranded.", "estimate"),
    ("The coast guard said the storm had passed.", "assert"),
    ("The coast guard put the number of stranded ships at 40.", "estimate"),
]


@pytest.mark.parametrize(("text", "stance"), STANCE)
def test_stance(text: str, stance: str) -> None:
    (s,) = extract(text)
    assert s.stance == stance


HEARSAY = [
    ("The ships were reportedly stranded near the harbour.", "report"),
    ("About 40 ships are believed to be stranded.", "believe"),
    ("It is estimated that 40 ships were stranded.", "estimate"),
]


@pytest.mark.parametrize(("text", "verb"), HEARSAY)
def test_hearsay_has_no_speaker(text: str, verb: str) -> None:
    (s,) = extract(text)
    assert (s.speaker, s.speaker_start, s.verb) == (None, None, verb)


NON_STATEMENTS = [
    "The claims were filed in March.",
    "His reports arrived late.",
    "The company added 300 jobs last year.",
    "Lind put his hand on the rail.",
    "The ferry is expected to arrive at noon.",
    "Update: the ferry has arrived.",
    "There was nothing else to say.",
    # regression: capitalised name parts and noun uses were read as cues
    "The United States imposed new tariffs on steel.",
    "His tweet drew criticism from the port workers.",
    "The leader wasn’t thought to attend the parade.",
]


@pytest.mark.parametrize("text", NON_STATEMENTS)
def test_non_statements(text: str) -> None:
    assert extract(text) == []


def test_sorted_by_cue_and_sentence_fields() -> None:
    text = "Lind said fares would rise. The agency denied it.\n\nQuill said so too."
    found = extract(text)
    assert [s.cue_start for s in found] == sorted(s.cue_start for s in found)
    for s in found:
        assert text[s.start : s.end] == s.sentence
        assert s.date is None and s.topics == ()


def check_offsets(text: str) -> None:
    for s in extract(text):
        assert text[s.cue_start : s.cue_end] == s.cue
        assert text[s.content_start : s.content_end] == s.content
        assert text[s.start : s.end] == s.sentence
        if s.speaker_start is not None:
            assert s.speaker_end is not None and s.speaker_start < s.speaker_end
            assert s.speaker is not None
        assert s.stance in ("assert", "estimate", "deny", "confirm")


@given(st.text(max_size=400))
@settings(max_examples=300, deadline=None)
def test_never_raises_and_offsets_slice_back(text: str) -> None:
    check_offsets(text)


WORDS = [
    "said",
    "says",
    "told",
    "he",
    "she",
    "Lind",
    "Quill",
    "the",
    "ministry",
    ",",
    ".",
    ":",
    "“",
    "”",
    '"',
    "'",
    "according",
    "to",
    "denied",
    "estimated",
    "reportedly",
    "and",
    "who,",
    "citing",
    "—",
    "(",
    ")",
    "40",
    "is",
    "believed",
    "to",
    "\n\n",
    "Mr.",
    "Sen.",
    "added",
    "that",
    "saying",
]


@given(st.lists(st.sampled_from(WORDS), max_size=60))
@settings(max_examples=300, deadline=None)
def test_news_like_noise_keeps_offsets(words: list[str]) -> None:
    check_offsets(" ".join(words))


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        # a hypothetical cannot be confirmed: "confirmed that it would be lawful if it happened"
        ("The ministry confirmed that such a move would be lawful if it happened.", "assert"),
        ("The ministry denied that troops would cross if talks failed.", "assert"),
        # a plain confirmation stays one
        ("The ministry confirmed that troops had crossed the river.", "confirm"),
    ],
)
def test_hypothetical_content_is_not_confirmed_or_denied(text: str, stance: str) -> None:
    (found,) = find_statements(text, split_sentences(text))
    assert found.stance == stance


def test_neither_is_not_part_of_the_speaker() -> None:
    # "X neither confirmed nor denied …, saying …": the participle's speaker is X alone
    text = "The ministry neither confirmed nor denied the report, saying it stood by its own count."
    (found,) = find_statements(text, split_sentences(text))
    assert (found.speaker, found.cue) == ("ministry", "saying")


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["said", "Mr.", "U.S.", "J.", "Lee", "“We", "go.”", "(AP)", "said,", "Sanders’", "it's", "''",
             "``", "e.", "A.", "5.", "3,000", "$5m", "—", "well-known", "x_y", "Café", "é", "n̈", "!", "?",
             ":", ";",
             '"', "“", "”", "'", "(", ")", "A&P", "St.", "3.5", "…", "\u00a0", "\t", "\n", " ", "  "]
        )
        | st.text(max_size=4),
        max_size=30,
    ),
    st.integers(0, 3),
)  # fmt: skip
def test_tokens_are_the_token_patterns_matches(pieces, trim):
    # words between single spaces are split without the regex: the tokens must be the same
    from claimtrack.extract.speakers import _tokenize_matches, tokenize

    text = " ".join(pieces)
    start, end = min(trim, len(text)), max(min(trim, len(text)), len(text) - trim)
    assert tokenize(text, start, end) == _tokenize_matches(text, start, end)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["said", "says", "told", "according to", "claims", "the", "Officials", "Lee", "“We", "go.”", "“",
             "”", '"', "''", "``", "'", "’", ",", ".", "\n\n", "\n", " ", "—", "-", "(", ")", "İ", "x"]
        )
        | st.text(max_size=3),
        max_size=40,
    )
)  # fmt: skip
def test_the_cue_scan_between_quotes_finds_what_a_whole_scan_finds_outside_them(pieces):
    # only the text between quotes is scanned: the cues must be those of a scan of the whole
    # text that no quote holds
    from claimtrack.extract.quotes import Quotes
    from claimtrack.extract.statements import _find_cues

    text = "".join(pieces)
    quotes = Quotes(text)
    whole = _find_cues(text, Quotes(""))  # no quotes: every cue of the text
    outside = [c for c in whole if not any(a < c.start < b for a, b in quotes.spans)]
    assert _find_cues(text, quotes) == outside
