"""Abbreviations that end in a full stop without ending the sentence."""

# Lower-cased, without the final full stop. A sentence never ends after one of these.
TITLES = frozenset(
    """mr mrs ms dr prof rep reps sen sens gov gen lt col maj capt cmdr adm sgt cpl pvt
    rev fr st sr jr hon pres amb supt insp det atty messrs mme mlle""".split()
)

# These end a sentence only when the next word could not continue it (a capital after
# "U.S." usually starts a new sentence: "... in the U.S. The ..."), so they are checked
# against the next word rather than never splitting.
OTHERS = frozenset(
    """jan feb mar apr jun jul aug sep sept oct nov dec no nos vs etc inc corp co ltd
    dept est approx fig figs vol p pp ft mt mtn ave blvd rd univ assn bros""".split()
)

MONTHS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
