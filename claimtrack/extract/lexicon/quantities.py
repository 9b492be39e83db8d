"""Unit classes and claimant aliases: when two figures count the same kind of thing.

A unit class gathers the lemmas that count the same thing in news reports ("troop",
"soldier", "serviceman"). "casualty" (killed or wounded) is deliberately its own class:
it is a different quantity from "killed".
"""

UNIT_CLASSES: dict[str, tuple[str, ...]] = {
    "troops": (
        "troop",
        "soldier",
        "force",
        "serviceman",
        "servicemen",
        "personnel",
        "fighter",
        "combatant",
        "military personnel",
        "service member",
    ),
    "deaths": ("dead", "death", "killed", "fatality", "body", "life", "people killed", "person killed"),
    "wounded": ("wounded", "injured", "injury", "people injured", "person injured"),
    "casualties": ("casualty",),
    "people": (
        "person",
        "people",
        "protester",
        "demonstrator",
        "resident",
        "civilian",
        "marcher",
        "participant",
    ),
    "displaced": ("refugee", "evacuee", "displaced"),
    "dollars": ("dollar", "usd", "us dollar"),
}

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
    "south korea's national intelligence service": "National Intelligence Service",
    "south korea's spy agency": "National Intelligence Service",
    "beijing": "China",
    "london": "United Kingdom",
}
