"""Reporting verbs and cue phrases: what each form is a lemma of, and the stance it takes.

Each row of ``REPORTING_VERBS`` is ``(lemma, stance, frame, forms)``:

- ``stance``: assert | estimate | deny | confirm, before negation is applied.
- ``frame``: how the verb takes its content.
    - ``say``: a bare clause is enough ("X said the plan failed").
    - ``tell``: an object comes first ("X told reporters (that) ...").
    - ``clause``: the verb has other senses ("added three jobs", "noted author"), so it
      reports speech only with ``that``, a quote or colon, a clause after a comma, or in the
      parenthetical position (", X added.").
    - ``object``: the content is a noun phrase ("X denied the claims", "X estimated losses
      at $5bn"); the verb is reporting wherever it has a subject.
- ``forms``: every written form, base first; the past participle comes last when it
  differs from the past tense.
"""

from __future__ import annotations

REPORTING_VERBS: tuple[tuple[str, str, str, str], ...] = (
    # lemma        stance      frame     forms
    ("say", "assert", "say", "say says said saying"),
    ("tell", "assert", "tell", "tell tells told telling"),
    ("add", "assert", "clause", "add adds added adding"),
    ("state", "assert", "clause", "state states stated stating"),
    ("claim", "assert", "say", "claim claims claimed claiming"),
    ("announce", "assert", "object", "announce announces announced announcing"),
    ("declare", "assert", "clause", "declare declares declared declaring"),
    ("report", "assert", "clause", "report reports reported reporting"),
    ("write", "assert", "say", "write writes wrote writing written"),
    ("tweet", "assert", "say", "tweet tweets tweeted tweeting"),
    ("note", "assert", "say", "note notes noted noting"),
    ("explain", "assert", "say", "explain explains explained explaining"),
    ("argue", "assert", "say", "argue argues argued arguing"),
    ("insist", "assert", "say", "insist insists insisted insisting"),
    ("maintain", "assert", "clause", "maintain maintains maintained maintaining"),
    ("contend", "assert", "say", "contend contends contended contending"),
    ("assert", "assert", "say", "assert asserts asserted asserting"),
    ("allege", "assert", "say", "allege alleges alleged alleging"),
    ("warn", "assert", "say", "warn warns warned warning"),
    ("stress", "assert", "say", "stress stresses stressed stressing"),
    ("reiterate", "assert", "say", "reiterate reiterates reiterated reiterating"),
    ("emphasize", "assert", "say", "emphasize emphasizes emphasized emphasizing"),
    ("emphasise", "assert", "say", "emphasise emphasises emphasised emphasising"),
    ("point out", "assert", "say", "point out|points out|pointed out|pointing out"),
    ("suggest", "assert", "say", "suggest suggests suggested suggesting"),
    ("reveal", "assert", "say", "reveal reveals revealed revealing"),
    ("disclose", "assert", "clause", "disclose discloses disclosed disclosing"),
    ("recall", "assert", "clause", "recall recalls recalled recalling"),
    ("reply", "assert", "clause", "reply replies replied replying"),
    ("respond", "assert", "clause", "respond responds responded responding"),
    ("comment", "assert", "clause", "comment comments commented commenting"),
    ("testify", "assert", "clause", "testify testifies testified testifying"),
    ("vow", "assert", "say", "vow vows vowed vowing"),
    ("promise", "assert", "clause", "promise promises promised promising"),
    ("pledge", "assert", "clause", "pledge pledges pledged pledging"),
    ("urge", "assert", "object", "urge urges urged urging"),
    ("accuse", "assert", "object", "accuse accuses accused accusing"),
    ("blame", "assert", "object", "blame blames blamed blaming"),
    ("describe", "assert", "object", "describe describes described describing"),
    ("ask", "assert", "object", "ask asks asked asking"),
    ("express", "assert", "object", "express expresses expressed expressing"),
    ("boast", "assert", "say", "boast boasts boasted boasting"),
    ("complain", "assert", "say", "complain complains complained complaining"),
    ("concede", "confirm", "say", "concede concedes conceded conceding"),
    ("admit", "confirm", "say", "admit admits admitted admitting"),
    ("acknowledge", "confirm", "say", "acknowledge acknowledges acknowledged acknowledging"),
    ("confirm", "confirm", "object", "confirm confirms confirmed confirming"),
    ("verify", "confirm", "object", "verify verifies verified verifying"),
    ("deny", "deny", "object", "deny denies denied denying"),
    ("reject", "deny", "object", "reject rejects rejected rejecting"),
    ("dismiss", "deny", "object", "dismiss dismisses dismissed dismissing"),
    ("dispute", "deny", "object", "dispute disputes disputed disputing"),
    ("refute", "deny", "object", "refute refutes refuted refuting"),
    ("rebut", "deny", "object", "rebut rebuts rebutted rebutting"),
    ("estimate", "estimate", "object", "estimate estimates estimated estimating"),
    ("believe", "estimate", "say", "believe believes believed believing"),
    ("think", "estimate", "say", "think thinks thought thinking"),
    ("expect", "estimate", "clause", "expect expects expected expecting"),
    ("predict", "estimate", "say", "predict predicts predicted predicting"),
    ("forecast", "estimate", "object", "forecast forecasts forecasted forecasting"),
    ("project", "estimate", "clause", "project projects projected projecting"),
    ("assess", "estimate", "clause", "assess assesses assessed assessing"),
    ("suspect", "estimate", "say", "suspect suspects suspected suspecting"),
    ("fear", "estimate", "clause", "fear fears feared fearing"),
    ("calculate", "estimate", "clause", "calculate calculates calculated calculating"),
    ("put", "estimate", "put", "put puts put putting"),
    ("peg", "estimate", "put", "peg pegs pegged pegging"),
    ("tally", "estimate", "object", "tally tallies tallied tallying"),
    ("revise", "estimate", "object", "revise revises revised revising"),
)

# Verbs whose base or -s form is more often a noun ("the claims", "his reports"): those
# forms count as cues only with a subject right before them and no determiner.
NOUN_LIKE = frozenset(
    [
        "claims",
        "reports",
        "states",
        "notes",
        "comments",
        "estimates",
        "forecasts",
        "fears",
        "tweets",
        "promises",
        "pledges",
        "disputes",
        "projects",
        "tallies",
    ]
)

# Words before a verb form that make it a noun or an adjective ("the claims", "his
# tweet", "an estimated 300", "the reported deaths"): no cue follows these.
NOUN_MARKERS = frozenset(
    """the a an his her their its our my your these those such whose every each any no
    this of new false latest recent""".split()
)

# Forms that, capitalised inside a sentence, are part of a name ("the United States",
# "Secretary of State", "an Ohio State study") rather than a cue.
NAME_LIKE = frozenset("state states report reports".split())

# Verbs of belief. As cues they report a source's view ("the agency believes 300 died"),
# but with a first or second person subject ("I think", "do you believe"), inside another
# statement's content ("she said they think"), in a question, or without a clause after
# them ("thinks about", "believe so") they are a hedge, not a claim.
BELIEF_VERBS = frozenset("think believe suspect feel".split())
BELIEF_HEDGE_SUBJECTS = frozenset("i we you".split())
BELIEF_NO_CLAUSE = frozenset("about of so and or tank tanks , . ? ! ; :".split())
# Words before a belief's subject that make it a relative or embedded question clause
# ("the bill that he thought would fail", "asked if she believed").
BELIEF_EMBEDDERS = frozenset("who whom that which what if whether asked".split())

# Prepositional cues: the source follows them ("according to the ministry, ...").
PREPOSITIONAL_CUES: tuple[tuple[str, str], ...] = (
    ("according to", "according to"),
    ("as reported by", "report"),
    ("in the words of", "say"),
)

# Hearsay: a claim passed on with nobody named. Kept with speaker None.
#   (phrase, lemma, stance)
HEARSAY: tuple[tuple[str, str, str], ...] = (
    ("reportedly", "report", "assert"),
    ("allegedly", "allege", "assert"),
    ("is believed to", "believe", "estimate"),
    ("are believed to", "believe", "estimate"),
    ("was believed to", "believe", "estimate"),
    ("were believed to", "believe", "estimate"),
    ("is thought to", "think", "estimate"),
    ("are thought to", "think", "estimate"),
    ("is said to", "say", "assert"),
    ("are said to", "say", "assert"),
    ("is estimated to", "estimate", "estimate"),
    ("are estimated to", "estimate", "estimate"),
    ("it is estimated that", "estimate", "estimate"),
    ("it is believed that", "believe", "estimate"),
    ("it is thought that", "think", "estimate"),
    ("it is alleged that", "allege", "assert"),
)

# Who is cited in a chain: "Yonhap reported, citing the spy agency".
CITING = ("citing", "quoting")

# Negations that sit between the subject and the cue ("did not deny", "declined to
# confirm", "neither confirmed nor denied"). A negated deny, confirm or assert is not a
# claim by the speaker, so it is dropped; a negated belief ("does not think X") is still
# an estimate: the speaker believes the opposite.
NEGATIONS = frozenset(
    [
        "not",
        "n't",
        "never",
        "neither",
        "nor",
        "declined",
        "refused",
        "refuses",
        "declines",
        "declining",
        "refusing",
        "cannot",
        "can't",
        "won't",
        "didn't",
        "doesn't",
        "don't",
        "wouldn't",
        "couldn't",
        "hasn't",
        "haven't",
        "hadn't",
        "isn't",
        "wasn't",
        "aren't",
        "weren't",
        "shouldn't",
    ]
)


def verb_forms() -> dict[str, tuple[str, str, str]]:
    """Map each written form (lower case) to ``(lemma, stance, frame)``.

    >>> verb_forms()["denied"]
    ('deny', 'deny', 'object')
    >>> verb_forms()["pointed out"][0]
    'point out'
    """
    out: dict[str, tuple[str, str, str]] = {}
    for lemma, stance, frame, forms in REPORTING_VERBS:
        for form in forms.split("|") if "|" in forms else forms.split():
            out.setdefault(form, (lemma, stance, frame))
    return out
