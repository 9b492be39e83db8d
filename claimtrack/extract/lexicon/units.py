"""Currencies, units of measure and plural forms: what a figure counts or measures.

A figure's ``unit`` is a lower-case singular lemma ("troop", "dollar", "percent").
Currency signs and unit abbreviations map to that lemma here; ordinary nouns are
singularised with ``IRREGULAR_PLURALS`` and a few suffix rules in the extractor.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    """The white-space separated words of ``text``: word lists read better as prose."""
    return frozenset(text.split())


# Currency signs written before the number, longest first when matched.
CURRENCY_SIGNS = {
    "US$": "dollar", "U.S.$": "dollar", "$US": "dollar", "US $": "dollar", "USD": "dollar", "$": "dollar",
    "$A": "australian dollar",
    "C$": "canadian dollar", "CA$": "canadian dollar", "CAD": "canadian dollar",
    "A$": "australian dollar", "AU$": "australian dollar", "AUD": "australian dollar",
    "NZ$": "new zealand dollar", "HK$": "hong kong dollar", "HK $": "hong kong dollar",
    "S$": "singapore dollar",
    "€": "euro", "EUR": "euro", "£": "pound", "GBP": "pound", "¥": "yen", "JPY": "yen",
    "CNY": "yuan", "RMB": "yuan", "₹": "rupee", "Rs": "rupee", "Rs.": "rupee", "INR": "rupee",
    "₩": "won", "₽": "rouble", "₪": "shekel", "NIS": "shekel", "CHF": "franc", "RM": "ringgit",
    "R$": "real", "₺": "lira", "TL": "lira",
    # as an ASCII transliterator (unidecode) writes £ and ¥: "PS2.7m", "Y=590 billion"
    "PS": "pound", "Y=": "yen",
}  # fmt: skip

# Currency words written after the number ("250 yuan", "3 million euros"), by lemma.
CURRENCY_WORDS = {
    "dollar": "dollar", "dollars": "dollar", "euro": "euro", "euros": "euro",
    "pound": "pound", "pounds": "pound", "sterling": "pound", "yuan": "yuan",
    "renminbi": "yuan", "yen": "yen", "rupee": "rupee", "rupees": "rupee", "won": "won",
    "rouble": "rouble", "roubles": "rouble", "ruble": "rouble", "rubles": "rouble",
    "franc": "franc", "francs": "franc", "peso": "peso", "pesos": "peso", "real": "real",
    "reais": "real", "lira": "lira", "liras": "lira", "shekel": "shekel", "shekels": "shekel",
    "ringgit": "ringgit", "rand": "rand", "krone": "krone", "kroner": "krone", "krona": "krona",
    "kronor": "krona", "crown": "crown", "crowns": "crown", "hryvnia": "hryvnia",
    "hryvnias": "hryvnia", "dinar": "dinar",
    "dinars": "dinar", "riyal": "riyal", "riyals": "riyal", "dirham": "dirham",
    "dirhams": "dirham", "baht": "baht", "rupiah": "rupiah", "naira": "naira", "kuna": "kuna",
    "usd": "dollar", "eur": "euro", "gbp": "pound", "jpy": "yen", "cny": "yuan", "chf": "franc",
    "cent": "cent", "cents": "cent", "pence": "penny", "penny": "penny", "p": "penny", "sen": "sen",
}  # fmt: skip

# Percent signs and words, written after the number.
PERCENT = {
    "%": "percent", "percent": "percent", "per cent": "percent", "pct": "percent",
    "percentage point": "percentage point", "percentage points": "percentage point",
    "basis point": "basis point", "basis points": "basis point", "bps": "basis point",
    "bp": "basis point",
}  # fmt: skip

# Units of measure, abbreviations included, with the lemma each is reported as, and its class.
UNITS = {
    # length
    "km": ("kilometre", "length"), "kilometre": ("kilometre", "length"),
    "kilometres": ("kilometre", "length"), "kilometer": ("kilometre", "length"),
    "kilometers": ("kilometre", "length"), "mile": ("mile", "length"),
    "miles": ("mile", "length"), "metre": ("metre", "length"),
    "metres": ("metre", "length"), "meter": ("metre", "length"), "meters": ("metre", "length"),
    "cm": ("centimetre", "length"),
    "μm": ("micrometre", "length"), "µm": ("micrometre", "length"), "mm": ("millimetre", "length"),
    "nm": ("nanometre", "length"),
    "ft": ("foot", "length"), "foot": ("foot", "length"), "feet": ("foot", "length"),
    "inch": ("inch", "length"), "inches": ("inch", "length"),
    "yard": ("yard", "length"), "yards": ("yard", "length"), "yd": ("yard", "length"),
    # area
    "acre": ("acre", "area"), "acres": ("acre", "area"), "hectare": ("hectare", "area"),
    "hectares": ("hectare", "area"), "ha": ("hectare", "area"),
    "sq km": ("square kilometre", "area"),
    "km2": ("square kilometre", "area"),
    "km²": ("square kilometre", "area"), "sq mi": ("square mile", "area"),
    "sq ft": ("square foot", "area"), "sq m": ("square metre", "area"),
    "square miles": ("square mile", "area"), "square kilometres": ("square kilometre", "area"),
    "square kilometers": ("square kilometre", "area"), "square feet": ("square foot", "area"),
    "square metres": ("square metre", "area"), "square meters": ("square metre", "area"),
    "m2": ("square metre", "area"),
    "m²": ("square metre", "area"),
    # mass
    "kg": ("kilogram", "mass"), "kilogram": ("kilogram", "mass"), "kilograms": ("kilogram", "mass"),
    "gram": ("gram", "mass"), "grams": ("gram", "mass"),
    "mg": ("milligram", "mass"), "lb": ("pound", "mass"), "lbs": ("pound", "mass"),
    "oz": ("ounce", "mass"), "ounce": ("ounce", "mass"), "ounces": ("ounce", "mass"),
    "tonne": ("tonne", "mass"), "tonnes": ("tonne", "mass"),
    "ton": ("ton", "mass"), "tons": ("ton", "mass"),
    # volume
    "litre": ("litre", "volume"), "litres": ("litre", "volume"),
    "liter": ("litre", "volume"), "liters": ("litre", "volume"), "ml": ("millilitre", "volume"),
    "gallon": ("gallon", "volume"), "gallons": ("gallon", "volume"), "bbl": ("barrel", "volume"),
    "barrel": ("barrel", "volume"), "barrels": ("barrel", "volume"),
    # speed, power, energy, data
    "mph": ("mile per hour", "speed"), "km/h": ("kilometre per hour", "speed"),
    "kph": ("kilometre per hour", "speed"), "kmh": ("kilometre per hour", "speed"),
    "mpg": ("mile per gallon", "efficiency"), "rpm": ("revolutions per minute", "frequency"),
    "hp": ("horsepower", "power"), "bhp": ("brake horsepower", "power"), "kw": ("kilowatt", "power"),
    "mw": ("megawatt", "power"), "gw": ("gigawatt", "power"), "kwh": ("kilowatt hour", "energy"),
    "mwh": ("megawatt hour", "energy"), "gwh": ("gigawatt hour", "energy"),
    "mah": ("milliampere-hour", "charge"), "ghz": ("gigahertz", "frequency"),
    "mhz": ("megahertz", "frequency"), "khz": ("kilohertz", "frequency"), "hz": ("hertz", "frequency"),
    "gb": ("gigabyte", "data"), "mb": ("megabyte", "data"), "tb": ("terabyte", "data"),
    "db": ("decibel", "sound"), "ppm": ("parts per million", "ratio"), "ppb": ("parts per billion", "ratio"),
    # temperature
    "celsius": ("celsius", "temperature"), "fahrenheit": ("fahrenheit", "temperature"),
    "°c": ("celsius", "temperature"), "°f": ("fahrenheit", "temperature"), "°": ("degree", "angle"),
    "degrees": ("degree", "temperature"), "degree": ("degree", "temperature"),
    "degrees celsius": ("celsius", "temperature"), "degree celsius": ("celsius", "temperature"),
    "degrees fahrenheit": ("fahrenheit", "temperature"), "degree fahrenheit": ("fahrenheit", "temperature"),
    "watt": ("watt", "power"), "watts": ("watt", "power"),
    # rates written out
    "miles per hour": ("mile per hour", "speed"), "kilometres per hour": ("kilometre per hour", "speed"),
    "kilometers per hour": ("kilometre per hour", "speed"), "km/hr": ("kilometre per hour", "speed"),
    "miles per gallon": ("mile per gallon", "efficiency"),
    # time, abbreviated (spelt-out durations are ordinary plurals: "three weeks" counts weeks)
    "min": ("minute", "time"), "mins": ("minute", "time"), "sec": ("second", "time"),
    "secs": ("second", "time"),
}  # fmt: skip

# Units read only when glued to the number ("100m", "5t", "118.5p"): spaced, they are ordinary
# words. Case matters: "5G" is a network, "5g" five grams.
GLUED_ONLY_UNITS = {
    "m": ("metre", "length"), "t": ("tonne", "mass"), "W": ("watt", "power"), "g": ("gram", "mass"),
    "p": ("penny", "currency"), "pc": ("percent", "ratio"), "mi": ("mile", "length"),
    "in": ("inch", "length"),
}  # fmt: skip

# Words before a number that make it a name or a number in a list, not a figure:
# "Category 4", "Article 5", "page 12", "Route 66". Lower case.
IDENTIFIER_NOUNS = _words(
    """category article section chapter clause paragraph resolution amendment page pages
    route highway interstate flight room gate terminal platform channel row seat level phase
    stage grade division district ward precinct lot unit apartment apt suite building block
    zip code number no nos version model episode season round game week act part item
    schedule table figure fig exhibit bill motion rule law protocol slide track volume vol
    issue psalm verse line bus tram exit pier hall wing pavilion sector zone region camp
    s&p sp ftse nikkei russell stoxx dax cac asx nasdaq"""
)
# Words after a number that make it a name: "the 90210 ZIP code". Lower case.
IDENTIFIER_NOUNS_AFTER = ("zip code", "zip", "postcode", "post code", "area code", "postal code")

# Street words that make the number before a capitalised name an address: "49 Elm Road".
STREET_WORDS = _words(
    """street st avenue ave road rd boulevard blvd lane ln drive dr way place pl court ct
    square sq terrace highway hwy parkway pkwy alley close crescent"""
)

# Units that may be glued to the number ("5km", "30kg", "87mph").
GLUED_UNITS = ("km/h", "km²", "km2", "m²", "m2", "°c", "°f", "°", "kwh", "mwh", "gwh", "mah", "ghz", "mhz",
               "khz", "hz", "kph", "mph", "mpg", "rpm", "bhp", "km", "kg", "mg", "mm", "cm", "nm", "ml", "gb",
               "mb", "tb",
               "kw", "mw", "gw", "hp", "ft", "lbs", "lb", "oz", "ppm", "ppb", "db",
               "min", "mins")  # fmt: skip

# Units written before the number: "a magnitude 7.8 earthquake".
UNITS_BEFORE = {"magnitude": "magnitude", "richter": "magnitude"}

# Adjectives joined to a number that describe the noun after them: "a 7,000-strong force".
COMPOUND_ADJECTIVES = _words("strong long high wide deep tall old large big member seat")


# Nouns that measure time: "three weeks", "248 hours". A duration is a figure ("jailed for
# three years"), except where it places an event in time rather than measuring it: after a
# window word ("the past two years"), before an anchor word ("two weeks after"), or as a
# compound adjective that names a kind of thing ("a three-month state of emergency").
DURATIONS = _words("second minute hour day night week weekend month year decade century")
TIME_WINDOWS = _words("past last next previous coming recent first final")
TIME_ANCHORS = _words("after before later earlier ago since into hence")

# Nouns after a number that hold the figure rather than name what it counts ("the 100-to-300
# spectrum"), and nouns before "of" that introduce what a bare figure counts ("the number of
# dead exceeded 790"). Lemmas.
CONTAINER_NOUNS = _words("spectrum range scale bracket band figure estimate mark level region")
COUNT_NOUNS = _words("number numbers total count tally")

# Nouns for a group, with what one member of it is: "a seven million-strong population".
COLLECTIVE_NOUNS = {
    "population": "person", "crowd": "person", "workforce": "person", "electorate": "person",
    "army": "soldier", "staff": "staff",
}  # fmt: skip

# Plurals that do not follow the -s, -es, -ies rules, and words that look plural but are not.
IRREGULAR_PLURALS = {
    "people": "person", "persons": "person", "men": "man", "women": "woman",
    "children": "child", "feet": "foot", "teeth": "tooth", "mice": "mouse", "geese": "goose",
    "lives": "life", "wives": "wife", "knives": "knife", "halves": "half", "leaves": "leaf",
    "thieves": "thief", "wolves": "wolf", "shelves": "shelf", "police": "police",
    "aircraft": "aircraft", "personnel": "personnel", "staff": "staff", "cattle": "cattle",
    "sheep": "sheep", "deer": "deer", "fish": "fish", "series": "series", "species": "species",
    "news": "news", "headquarters": "headquarters", "crises": "crisis", "analyses": "analysis",
    "theses": "thesis", "criteria": "criterion", "phenomena": "phenomenon", "data": "data",
    "media": "media", "casualties": "casualty", "refugees": "refugee", "employees": "employee",
    "trainees": "trainee", "detainees": "detainee", "evacuees": "evacuee", "retirees": "retiree",
    "houses": "house", "cases": "case", "vehicles": "vehicle", "games": "game",
    "bases": "base", "buses": "bus", "gases": "gas", "lenses": "lens", "horses": "horse",
    "pieces": "piece", "sources": "source", "forces": "force", "services": "service",
    "prices": "price", "places": "place", "offices": "office", "cities": "city",
    "ones": "one", "others": "person", "dead": "person", "lbs": "pound", "us": "us", "pus": "pus",
}  # fmt: skip

# Words that end the noun phrase after a number: function words, auxiliaries, speech verbs.
NOUN_PHRASE_STOPS = _words(
    """a an the of in on at to from for by with and or but nor than as that which who whom whose
    were was is are be been being have has had will would could should may might can must do
    does did said says say told tells according this these those it its their his her our
    they he she we you i per into onto over under about after before since during while
    across including each more less also not so such if when where there here then
    between among against through toward towards until up down out off just only even
    still already yet now again last next ago earlier later total overall combined alone
    respectively apiece each every both all some any no other same own very too"""
)

# Adjectives and words after a number that name who was affected, with the noun they stand for
# ("300 killed and 2,700 wounded"): the figure counts people.
PERSON_PARTICIPLES = _words(
    """killed injured wounded dead missing displaced evacuated arrested detained hurt
    hospitalized hospitalised infected rescued died survived trapped"""
)
