"""Words for numbers and for how sure a number is: the figure extractor's vocabulary.

Every table is keyed by lower-case text as it is written in news copy. The extractor
builds its regular expressions from these keys, so adding a row here is all it takes to
teach it a new word.
"""

from __future__ import annotations

# Cardinal number words. "one" is here for "one million" and "twenty-one"; a bare "one"
# is a determiner far more often than a figure, so the extractor drops it on its own.
UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip

# Words that multiply what comes before them ("three thousand", "1.2 million", "a dozen").
SCALES = {
    "dozen": 12,
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}

# Abbreviated scales glued to digits or written after them: "$3.5bn", "250 mln", "$20m".
# The ambiguous ones (m: metre or million, k: kilo or thousand) only count after a currency.
SCALE_ABBREVIATIONS = {
    "bn": 1_000_000_000, "bln": 1_000_000_000, "b": 1_000_000_000,
    "tn": 1_000_000_000_000, "trn": 1_000_000_000_000, "tr": 1_000_000_000_000,
    "mn": 1_000_000, "mln": 1_000_000, "mil": 1_000_000,
}  # fmt: skip
CURRENCY_SCALE_ABBREVIATIONS = {"m": 1_000_000, "k": 1_000}

# Qualifiers written before a number, with what they mean for the number's bound.
# Longer phrases are tried first, so "more than" wins over "more".
QUALIFIERS_BEFORE = {
    # about
    "about": "about", "around": "about", "approximately": "about", "approx.": "about",
    "some": "about", "roughly": "about", "an estimated": "about", "estimated": "about",
    "circa": "about", "~": "about", "ca.": "about", "nearly about": "about", "in the region of": "about",
    "an approximate": "about", "upward of": "over", "upwards of": "over",
    # nearly
    "nearly": "nearly", "almost": "nearly", "close to": "nearly", "just under": "nearly",
    "just shy of": "nearly", "approaching": "nearly", "nearing": "nearly", "near": "nearly",
    "approached": "nearly", "neared": "nearly", "just short of": "nearly",
    # over
    "over": "over", "more than": "over", "above": "over", "exceeding": "over",
    "exceeded": "over", "exceeds": "over", "exceed": "over", "past": "over",
    "surpassed": "over", "surpassing": "over", "surpasses": "over", "topped": "over",
    "tops": "over", "topping": "over", "passed": "over", "passes": "over", "passing": "over",
    "in excess of": "over", "north of": "over", "just over": "over", "well over": "over",
    "just above": "over", "well above": "over", "greater than": "over", "higher than": "over",
    # at least
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least",
    "not less than": "at_least", "a minimum of": "at_least", "at a minimum": "at_least",
    # under
    "under": "under", "less than": "under", "fewer than": "under", "below": "under",
    "lower than": "under", "just below": "under", "well below": "under", "well under": "under",
    # up to
    "up to": "up_to", "as many as": "up_to", "as much as": "up_to", "as high as": "up_to",
    "at most": "up_to", "no more than": "up_to", "not more than": "up_to", "a maximum of": "up_to",
    "as few as": "at_least", "as little as": "at_least",
    # signs and prefixes, written with or without a space: "~45g", "<5%", "sub-7 nm"
    "≈": "about", "<": "under", "≤": "up_to", ">": "over", "≥": "at_least", "sub-": "under",
}  # fmt: skip

# Qualifiers written after a number: "500 or more", "50 or less", "300-plus".
QUALIFIERS_AFTER = {
    "or more": "at_least",
    "or higher": "at_least",
    "or above": "at_least",
    "or so": "about",
    "or less": "up_to",
    "or fewer": "up_to",
    "or lower": "up_to",
    "plus": "at_least",
    "+": "at_least",
}

# Fractions written as words, by denominator: "two-thirds of", "a quarter of". A bare "half"
# is left out: as often a time ("the first half", "half an hour") or a rough share as a figure.
FRACTIONS = {
    "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8,
    "tenth": 10, "tenths": 10,
}  # fmt: skip

# Indefinite amounts, only reported when asked for (they set off false conflicts with any
# exact figure inside their span): the phrase, then the bounds it is read as. The bounds are
# one order of magnitude: "hundreds of" is 100-1,000, "dozens of" 12-120.
VAGUE_AMOUNTS = {
    "dozens of": (12, 120),
    "scores of": (20, 200),
    "hundreds of": (100, 1_000),
    "several hundred": (100, 1_000),
    "a few hundred": (100, 1_000),
    "thousands of": (1_000, 10_000),
    "several thousand": (1_000, 10_000),
    "a few thousand": (1_000, 10_000),
    "tens of thousands of": (10_000, 100_000),
    "hundreds of thousands of": (100_000, 1_000_000),
    "millions of": (1_000_000, 10_000_000),
    "tens of millions of": (10_000_000, 100_000_000),
    "hundreds of millions of": (100_000_000, 1_000_000_000),
    "billions of": (1_000_000_000, 10_000_000_000),
}

# Verbs and nouns that make a figure an amount of change rather than a level:
# "rose 5%", "fell by 3 points", "was up 19 cents", "a 20% increase".
CHANGE_VERBS = {
    "rose": "up", "rise": "up", "rises": "up", "risen": "up", "rising": "up",
    "increased": "up", "increase": "up", "increases": "up", "increasing": "up",
    "grew": "up", "grow": "up", "grows": "up", "grown": "up", "growing": "up",
    "gained": "up", "gain": "up", "gains": "up", "gaining": "up",
    "jumped": "up", "jumps": "up", "jump": "up", "climbed": "up", "climbs": "up", "climb": "up",
    "surged": "up", "surges": "up", "soared": "up", "soars": "up", "spiked": "up",
    "advanced": "up", "advances": "up", "added": "up", "adds": "up", "boosted": "up",
    "raised": "up", "raises": "up", "up": "up", "higher": "up", "rallied": "up",
    "fell": "down", "fall": "down", "falls": "down", "fallen": "down", "falling": "down",
    "dropped": "down", "drop": "down", "drops": "down", "dropping": "down",
    "declined": "down", "decline": "down", "declines": "down", "declining": "down",
    "decreased": "down", "decrease": "down", "decreases": "down",
    "lost": "down", "loses": "down", "lose": "down", "losing": "down",
    "slipped": "down", "slips": "down", "slid": "down", "slides": "down", "sank": "down",
    "plunged": "down", "plunges": "down", "tumbled": "down", "tumbles": "down",
    "shed": "down", "sheds": "down", "dipped": "down", "dips": "down", "eased": "down",
    "slumped": "down", "cut": "down", "cuts": "down", "reduced": "down", "shrank": "down",
    "shrunk": "down", "down": "down", "lower": "down", "retreated": "down", "plummeted": "down",
    "plummeting": "down", "plunging": "down", "tumbling": "down", "sliding": "down", "slipping": "down",
    "jumping": "up", "climbing": "up", "surging": "up", "soaring": "up", "adding": "up",
    # "revised upward by 40 billion"
    "upward": "up", "upwards": "up", "downward": "down", "downwards": "down",
}  # fmt: skip
# Change verbs that take an object before "by": "grew sales by 35 per cent". Verbs of winning
# and losing are left out: "lost the race by ten points" gives a margin, not a change.
TRANSITIVE_CHANGE_VERBS = {
    verb: CHANGE_VERBS[verb]
    for verb in """increased increase increases increasing grew grow grows growing boosted raised raises
    cut cuts reduced decreased decrease decreases shrank dropped""".split()
}
CHANGE_NOUNS = {
    "increase": "up", "rise": "up", "gain": "up", "jump": "up", "growth": "up", "hike": "up",
    "surge": "up", "boost": "up", "raise": "up",
    "decrease": "down", "decline": "down", "drop": "down", "fall": "down", "cut": "down",
    "loss": "down", "reduction": "down", "slump": "down", "dip": "down", "plunge": "down",
}  # fmt: skip

# Cues that make a figure's clause a projection rather than a report of fact.
PROJECTION_CUES = (
    "will", "won't", "'ll", "would", "could", "may", "might", "shall",
    "expected to", "expects to", "expect to", "is expected", "are expected", "projected",
    "projects", "projection", "forecast", "forecasts", "forecasting", "predicted", "predicts",
    "plans to", "plan to", "planned", "planning to", "intends to", "intend to",
    "aims to", "aim to", "set to", "likely to", "going to", "is to", "are to",
    "on track to", "poised to", "scheduled to", "due to be", "to be sent", "to send",
    "to deploy", "to reach", "to rise to", "to hit",
)  # fmt: skip
