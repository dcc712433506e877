"""Country names in qualifiers: "USA", "US", "the United States" are one country."""

from __future__ import annotations

_ALIASES = {
    "usa": "usa",
    "us": "usa",
    "u.s.": "usa",
    "u.s.a.": "usa",
    "united states": "usa",
    "the united states": "usa",
    "united states of america": "usa",
    "america": "usa",
    "uk": "uk",
    "u.k.": "uk",
    "united kingdom": "uk",
    "the united kingdom": "uk",
    "great britain": "uk",
    "britain": "uk",
    "england": "uk",
    "scotland": "uk",
    "west germany": "germany",
    "soviet union": "russia",
}


# Nationality adjectives, as lead sentences use them ("a 2004 American thriller film").
_DEMONYMS = {
    "american": "usa",
    "british": "uk",
    "english": "uk",
    "french": "france",
    "german": "germany",
    "italian": "italy",
    "spanish": "spain",
    "canadian": "canada",
    "australian": "australia",
    "irish": "ireland",
    "japanese": "japan",
    "chinese": "china",
    "indian": "india",
    "mexican": "mexico",
    "russian": "russia",
    "swedish": "sweden",
    "danish": "denmark",
    "dutch": "netherlands",
    "belgian": "belgium",
    "korean": "south korea",
    "south korean": "south korea",
    "brazilian": "brazil",
    "new zealand": "new zealand",
    "polish": "poland",
    "norwegian": "norway",
    "finnish": "finland",
    "austrian": "austria",
    "swiss": "switzerland",
    "argentine": "argentina",
    "argentinian": "argentina",
}
COUNTRY_KEYS = {**_ALIASES, **_DEMONYMS}


def canonical_country(name: str) -> str:
    key = " ".join(name.strip().lower().replace("-", " ").split())
    return COUNTRY_KEYS.get(key, key)


# Country names prose writes after "in" ("released in France on ..."), canonical as above.
COUNTRY_NAMES = sorted(
    {
        *_ALIASES,
        *(v for v in _DEMONYMS.values()),
        "hong kong",
        "taiwan",
        "greece",
        "portugal",
        "turkey",
        "israel",
        "egypt",
        "iran",
        "south africa",
        "czech republic",
        "czechoslovakia",
        "hungary",
        "romania",
        "yugoslavia",
        "iceland",
        "luxembourg",
        "singapore",
        "thailand",
        "philippines",
        "chile",
        "colombia",
        "peru",
        "cuba",
        "north america",
        "europe",
        "latin america",
        "scandinavia",
    },
    key=len,
    reverse=True,
)
# Festivals whose screening is a premiere; the name alone says so ("(Cannes)").
FESTIVALS = (
    "cannes",
    "venice",
    "berlin",
    "berlinale",
    "sundance",
    "toronto",
    "telluride",
    "locarno",
    "edinburgh",
    "san sebastián",
    "san sebastian",
    "karlovy vary",
    "tribeca",
    "new york film",
    "london film",
    "rotterdam",
    "tokyo",
    "busan",
    "moscow",
)


def is_festival(text: str) -> bool:
    """'Cannes', 'the 1996 Cannes Film Festival', 'Sundance': a festival screening."""
    t = text.lower()
    return "festival" in t or any(f in t for f in FESTIVALS)
