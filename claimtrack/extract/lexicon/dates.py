"""Words that make up date phrases: months, weekdays, numbers, relations, seasons, holidays.

Keys are lower-case; the patterns in ``claimtrack.extract.dates`` are built from them.
"""

MONTHS = {
    "january": 1, "jan": 1,
    "february": 2, "feb": 2,
    "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "may": 5,
    "june": 6, "jun": 6,
    "july": 7, "jul": 7,
    "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip

# Month names that are also common words: alone ("in May") they count only after a word
# that introduces a time, never as "may" the verb or "March" the verb or noun.
AMBIGUOUS_MONTHS = frozenset({"may", "march", "mar", "jan", "jun", "jul", "aug", "sep", "dec"})

WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip

# Parts of a day that may follow a weekday or "yesterday": "Friday night" is still Friday.
DAY_PARTS = ("morning", "afternoon", "evening", "night")

NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "a couple of": 2, "a few": None, "several": None, "some": None, "many": None,
}  # fmt: skip

ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}  # fmt: skip

# Units of "two days ago", "next month": the precision each gives.
UNITS = {"day": "day", "week": "week", "month": "month", "year": "year", "decade": None}

# Words before a date that say how a statement relates to it. The relation word stays out
# of the mention's span ("by December": the mention is "December", relation "by").
RELATIONS = {
    "by": "by",
    "as of": "by",
    "no later than": "by",
    "since": "since",
    "until": "until",
    "till": "until",
    "through": "until",
    "before": "before",
    "prior to": "before",
    "ahead of": "before",
    "after": "after",
}

# "this", "last", "next" and their longer forms: the step they take from the present.
DEICTIC = {
    "this": 0,
    "this past": -1,
    "this coming": 1,
    "last": -1,
    "past": -1,
    "previous": -1,
    "next": 1,
    "coming": 1,
    "following": 1,
}

# Modifiers inside a mention's span that narrow it without changing its value.
MODIFIERS = ("early", "late", "mid", "earlier", "later")
SPAN_OF = ("end", "beginning", "start", "middle", "first half", "second half", "rest")

SEASONS = frozenset({"spring", "summer", "fall", "autumn", "winter"})

# Fixed-date holidays (month, day). Moveable ones are computed in the extractor.
HOLIDAYS = {
    "new year's day": (1, 1),
    "new year's eve": (12, 31),
    "valentine's day": (2, 14),
    "independence day": (7, 4),
    "halloween": (10, 31),
    "christmas eve": (12, 24),
    "christmas day": (12, 25),
    "christmas": (12, 25),
    "thanksgiving day": None,
    "thanksgiving": None,
}

# Phrases that refer to the present, past or future without a concrete date. They are
# kept as mentions (value None) so readers see them, but never resolved.
VAGUE = (
    "now",
    "right now",
    "currently",
    "at present",
    "nowadays",
    "these days",
    "recently",
    "more recently",
    "the future",
    "the near future",
    "the distant future",
    "recent years",
    "recent months",
    "recent weeks",
    "recent days",
    "the coming days",
    "the coming weeks",
    "the coming months",
    "the coming years",
    "coming days",
    "coming weeks",
    "coming months",
    "coming years",
    "the near term",
    "the short term",
)

# Clues to the tense around a bare weekday or month name: "on Friday" is the Friday
# before publication in a past-tense clause and the Friday after it in a future one.
FUTURE_CUES = (
    "will", "won't", "'ll", "shall", "going to", "plans to", "plan to", "planned", "scheduled",
    "expected", "expects", "is to", "are to", "due to", "upcoming", "intends", "would",
    "next", "set to", "to be held", "is due", "are due", "as soon as", "as early as", "as late as",
)  # fmt: skip
PAST_CUES = (
    "was", "were", "had", "did", "said", "told", "ago", "last", "earlier", "began", "took",
    "made", "came", "went", "left", "met", "won", "lost", "fell", "rose", "since",
)  # fmt: skip
# Words ending in "-ed" that are not past-tense verbs.
NOT_PAST_ED = frozenset(
    {"hundred", "indeed", "need", "speed", "proceed", "exceed", "succeed", "breed", "embed"}
)
