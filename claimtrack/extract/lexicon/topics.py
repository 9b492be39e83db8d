"""Built-in topics: what contested stories are about.

Each topic is a set of terms. A term matches a word that starts with it, so "deploy"
matches "deploys", "deployed" and "deployment"; a term with a space matches the phrase.
Users add their own topics with ``claimtrack topic add``.
"""

TOPICS: dict[str, tuple[str, ...]] = {
    "deployment": (
        "deploy", "troop", "soldier", "forces", "dispatch", "sent to", "sending", "send ",
        "stationed", "contingent", "brigade", "battalion", "regiment", "personnel", "mobiliz",
        "mobilis", "reinforcement", "servicem", "units", "combat", "front line", "frontline",
    ),
    "casualties": (
        "casualt", "killed", "dead", "death", "died", "fatalit", "wounded", "injur", "toll",
        "bodies", "missing", "victim", "lost their lives", "perished",
    ),
    "weapons": (
        "weapon", "missile", "ammunition", "shell", "artillery", "drone", "rocket", "arms ",
        "munition", "tank", "warhead", "supplies", "supplied", "military aid",
    ),
    "sanctions": ("sanction", "embargo", "export control", "blacklist", "asset freeze", "frozen assets"),
    "talks": (
        "talks", "negotiat", "agreement", "treaty", "ceasefire", "cease-fire", "truce", "summit",
        "accord", "deal ", "peace", "partnership", "diplomat",
    ),
    "displacement": (
        "displac", "refugee", "evacuat", "fled", "flee", "homeless", "shelter", "asylum", "camp",
        "protest", "crowd", "march", "demonstrat", "rally",
    ),
    "economy": (
        "econom", "loss", "cost", "damage", "insur", "billion", "gdp", "inflation", "market",
        "price", "budget", "dollar", "invest", "trade", "tariff",
    ),
}
