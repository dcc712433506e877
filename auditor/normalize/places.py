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


def canonical_country(name: str) -> str:
    key = " ".join(name.strip().lower().split())
    return _ALIASES.get(key, key)
