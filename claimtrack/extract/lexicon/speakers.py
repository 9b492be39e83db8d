"""Words that make up, bound or refer back to a speaker mention.

All lower case. The speaker finder reads these tables; nothing about speakers is
written into its regular expressions.
"""

from __future__ import annotations

_words = str.split

# Pronouns a speaker mention may be, and which antecedents they can take.
PERSON_PRONOUNS = frozenset(_words("he she i who whom"))
GROUP_PRONOUNS = frozenset(_words("they it we which"))
PRONOUNS = PERSON_PRONOUNS | GROUP_PRONOUNS | frozenset(_words("you one that"))

# Titles written before a name ("Sen. Lee", "President Lee", "Deputy Minister Lee").
TITLES = frozenset(
    _words(
        """mr mr. mrs mrs. ms ms. dr dr. prof prof. sen sen. rep rep. gov gov. gen gen. lt lt.
        col col. maj maj. capt capt. adm adm. sgt sgt. rev rev. amb amb. president
        vice prime minister deputy secretary senator representative congressman
        congresswoman governor mayor chairman chairwoman chair speaker leader general
        admiral ambassador judge justice chancellor king queen prince pope lord sir dame
        commissioner chief director spokesman spokeswoman spokesperson officer sheriff
        detective inspector professor analyst economist lawmaker"""
    )
)

# Heads of a role noun phrase ("the deputy minister", "a White House spokesman"); a
# definite description with one of these refers back to a named speaker with that role.
ROLE_NOUNS = frozenset(
    _words(
        """spokesman spokeswoman spokesperson spokespeople official officials aide aides
        adviser advisers advisor advisors minister ministers director secretary
        senator congressman congresswoman lawmaker lawmakers legislator president
        governor mayor chairman chairwoman chair leader leaders chief head executive
        analyst analysts expert experts economist economists source sources diplomat
        diplomats officer officers commander general admiral ambassador envoy
        representative candidate nominee strategist pollster researcher researchers
        scientist scientists professor lawyer attorney prosecutor judge witness
        witnesses resident residents activist activists organiser organisers organizer
        organizers convenor member members manager founder owner editor reporter
        correspondent columnist historian doctor doctors rescuer rescuers worker workers
        critic critics supporter supporters opponent opponents voter voters observer
        observers person people meteorologist coordinator investigator investigators
        authority authorities agency ministry department campaign committee company
        government police military army report document statement study survey
        assessment analysis poll agency's group organization organisation office
        administration council commission party service firm team"""
    )
)

# Heads that make a name an organisation rather than a person ("the Foreign Ministry").
ORG_HEADS = frozenset(
    _words(
        """ministry agency service department committee campaign office party council
        commission administration government police army military forces force
        association union institute center centre foundation company corporation corp inc
        group organization organisation bureau authority authorities court house senate
        congress parliament assembly times post journal news press network channel radio
        tv television media newspaper reuters ap afp bloomberg cnn bbc nbc cbs abc fox
        msnbc politico yonhap kcna efe board bank fund university college school
        watch front helmets nations un nato who cia fbi nis pentagon kremlin"""
    )
)

# Words that open a noun phrase.
DETERMINERS = frozenset(
    _words(
        """the a an his her their its our my your this that these those several some many
        most other others another both two three four five six seven eight nine ten
        few top senior all each every any no one"""
    )
)

# Small words that may sit inside a name or a role phrase ("Secretary of State",
# "director of intelligence", "the Department of Homeland Security").
NAME_JOINERS = frozenset(
    _words("of for and the de la le van von der al bin da di du y 's ’s & at on in to from")
)

# Words between a subject and its cue that belong to neither ("X also said", "X has
# repeatedly denied", "X on Tuesday said").
SKIPPABLE = frozenset(
    _words(
        """also has have had later previously repeatedly recently then again further
        would will did does do is was are were has been being once first last earlier
        initially publicly privately already subsequently separately still now often
        long later quickly flatly strongly firmly openly separately yesterday today
        tonight however too himself herself themselves itself alone only even
        consistently reportedly apparently neither either"""
    )
)

WEEKDAYS = frozenset(
    _words("monday tuesday wednesday thursday friday saturday sunday weekend week month year night morning")
)
MONTH_NAMES = frozenset(
    _words(
        """january february march april may june july august september october november
        december jan jan. feb feb. mar mar. apr apr. jun jun. jul jul. aug aug. sep sep.
        sept sept. oct oct. nov nov. dec dec."""
    )
)

# Words after which a new clause (and so a new subject) begins.
CLAUSE_OPENERS = frozenset(
    _words(
        """that and but or while whereas because although though when as if after before
        since where so yet unless until whether than once nor"""
    )
)

# Words that cannot be inside a subject noun phrase: finite verbs and other clause
# material. A candidate subject holding one of these (outside a relative clause or an
# appositive) is cut after it.
NOT_IN_SUBJECT = frozenset(
    _words(
        """is was are were be been being has have had do does did will would can could
        should shall may might must not n't never to that which what because if when
        while where how why whether said says told added there here it"""
    )
)

# Openers of an introductory phrase before the subject ("In a statement, X said").
INTRO_OPENERS = frozenset(
    _words(
        """in on at after before during when while asked speaking writing meanwhile
        however but and still yet also earlier later separately instead indeed overall
        elsewhere for by with without since as under following despite"""
    )
)

# Labels before a colon that are not speakers ("Update: ...", "Photo: ...").
COLON_LABELS = frozenset(
    _words(
        """update updated note related photo photos video watch read source sources breaking
        exclusive analysis opinion editor's editor’s correction clarification warning
        background context timeline q a question answer full text transcript sign subscribe
        listen see also more why how what when where who here there live latest recommended
        suggested advertisement getty image caption credit"""
    )
)
