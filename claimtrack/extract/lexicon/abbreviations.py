"""Abbreviations that end in a full stop without ending the sentence."""

# Lower-cased, without the final full stop. A sentence never ends after one of these.
TITLES = frozenset(
    """mr mrs ms dr prof rep reps sen sens gov gen lt col maj capt cmdr adm sgt cpl pvt
    rev fr st sr jr hon pres amb supt insp det atty messrs mme mlle""".split()
)

# Stands between two names ("Smith vs. Jones"), so never ends a sentence.
JOINERS = frozenset(["vs"])

# These end a sentence only when the next word could not continue it (a capital after
# "Inc." usually starts a new sentence: "... of Acme Inc. The ..."), so they are checked
# against the next word rather than never splitting.
OTHERS = frozenset(
    """jan feb mar apr jun jul aug sep sept oct nov dec no nos etc inc corp co ltd
    dept est approx fig figs vol p pp ft mt mtn ave blvd rd univ assn bros""".split()
)

MONTHS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())

# Lower-cased, without the final full stop. After one of these a capitalised word usually
# continues the sentence ("the U.S. Senate", "9 p.m. Eastern"), so they end it only before
# a word from SENTENCE_STARTERS or a line break. Other dotted tokens, initials such as
# "H.W." among them, still end a sentence before any capital.
DOTTED = frozenset("u.s u.s.a u.n u.k e.u d.c a.m p.m".split())

# Lower-cased. After a title or one of DOTTED, only one of these words, which open
# sentences far more often than they begin names, shows that the abbreviation ended the
# sentence ("... in the U.S. The next ...", "He lives on Main St. He ...").
SENTENCE_STARTERS = frozenset(
    """the a an this that these those there here it its he she they we i you his her
    their our my your some many most all both each every no none not one two three
    several few such another other any much more but and or so yet also still then now
    today yesterday tonight earlier later last next meanwhile however instead indeed
    although though while when where if as after before since until unless because
    despite during in on at by for from with without under over into about according
    among between against to of what who whom whose why how which""".split()
)
