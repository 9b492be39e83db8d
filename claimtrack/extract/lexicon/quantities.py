"""What figures count: unit classes, the context words that say what a count of people
is a count of, and claimant aliases.

A unit class gathers the lemmas that count the same thing in news reports ("troop",
"soldier", "serviceman"). "casualty" (killed or wounded) is deliberately its own class:
it is a different quantity from "killed". Counts of people ("500 people", "4,100") take
their class from the words around them: "were killed", "injured", "took to the streets".
"""

UNIT_CLASSES: dict[str, tuple[str, ...]] = {
    "troops": ("troop", "soldier", "force", "serviceman", "servicemen", "personnel", "fighter", "combatant",
               "military personnel", "service member", "mercenary", "conscript", "recruit"),
    "deaths": ("dead", "death", "killed", "fatality", "body", "life", "toll", "death toll"),
    "wounded": ("wounded", "injured", "injury"),
    "casualties": ("casualty", "casualties"),
    "crowd": ("protester", "demonstrator", "marcher", "participant", "rally-goer"),
    "displaced": ("refugee", "evacuee", "displaced"),
    "dollars": ("dollar", "usd", "us dollar"),
    "euros": ("euro",),
    "buildings": ("building", "structure", "home", "house"),
}  # fmt: skip

# Words near a count of people (or a count with no unit) that say what is counted, checked
# in this order: "killed or wounded" is a casualty count before it is a death count.
CONTEXT_CLASSES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("captured", ("captured", "taken prisoner", "prisoners of war", "surrendered")),
    ("casualties", ("casualt", "killed or wounded", "killed and wounded", "killed or injured",
                    "killed and injured", "dead or wounded", "dead and wounded", "dead or injured")),
    ("deaths", ("killed", "dead", "died", "death", "deaths", "death toll", "lost their lives", "perished",
                "bodies", "fatalit", "toll")),
    ("wounded", ("injured", "wounded", "hurt", "injuries")),
    ("displaced", ("displaced", "evacuated", "homeless", "fled", "refugees", "evacuees", "shelters",
                   "camps", "driven from")),
    # Not "march": the month is far more common in news than the walk.
    ("crowd", ("protest", "marched", "marcher", "a march", "the march", "rally", "turnout",
               "took to the streets", "turned out", "attended",
               "demonstrat", "crowd", "joined", "gathered")),
)  # fmt: skip

# Words near a sum of money that say what the money is, for currency units.
MONEY_CONTEXT: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("insured losses", ("insured", "insurance", "insurers", "insurable")),
    ("aid", ("aid", "pledge", "donat", "grant", "funding", "relief", "assistance")),
    ("losses", ("loss", "damage", "cost", "economic")),
)

# Classes a figure may be compared in without a subject: what is counted is clear from
# the class alone. Any other unit (percent, acre, magnitude) compares only figures with
# the same subject.
SELF_EXPLAINING = frozenset(
    ("troops", "deaths", "wounded", "casualties", "crowd", "displaced", "captured", "buildings", "population")
)

# Units that count people without saying what about them.
PEOPLE_UNITS = frozenset("person people other civilian resident victim child adult".split()) | {""}

# Words in a figure's subject that say it counts civilians rather than troops. A story
# that counts both keeps soldiers killed apart from its overall death toll.
CIVILIAN_WORDS = frozenset("people person civilian civilians residents villagers children women men".split())

# A subject with one of these counts everyone who lives somewhere: not a crowd, not a toll.
POPULATION_WORDS = frozenset("population inhabitants residents citizens".split())

# Counts of people at one event (a march, a rally) measure that event; they are never
# revisions of one another, unlike running tolls.
EVENT_CLASSES = frozenset(("crowd",))

# Stand-ins for the parties that issue figures: capitals for governments and so on.
ALIASES: dict[str, str] = {
    "seoul": "South Korea",
    "moscow": "Russia",
    "the kremlin": "Russia",
    "kremlin": "Russia",
    "pyongyang": "North Korea",
    "kyiv": "Ukraine",
    "kiev": "Ukraine",
    "washington": "United States",
    "the united states": "United States",
    "the us": "United States",
    "the u.s.": "United States",
    "u.s.": "United States",
    "us": "United States",
    "nis": "National Intelligence Service",
    "the nis": "National Intelligence Service",
    "beijing": "China",
    "london": "United Kingdom",
    "tokyo": "Japan",
    "tehran": "Iran",
    "ankara": "Turkey",
    "damascus": "Syria",
    "jerusalem": "Israel",
}

# Words that say nothing about who a party is: left out when comparing claimants.
PARTY_STOPWORDS = frozenset(
    "the a an of and in on for by from with to its their his her 's latest update new data figures report "
    "officials official spokesman spokeswoman spokesperson said according".split()
)

# Other spellings of places, so that "in Türkiye" and "in Turkey" are one place.
PLACE_ALIASES: dict[str, str] = {
    "türkiye": "Turkey",
    "turkiye": "Turkey",
    "kiev": "Kyiv",
    "burma": "Myanmar",
    "the us": "United States",
    "the united states": "United States",
    "the uk": "United Kingdom",
    "britain": "United Kingdom",
}

# Words that say a figure adds up several places.
COMBINED_PLACES = ("both countries", "combined", "in total", "altogether", "overall")
