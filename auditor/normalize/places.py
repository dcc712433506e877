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
    key = " ".join(name.strip().lower().split())
    return COUNTRY_KEYS.get(key, key)
