"""Genres: a small vocabulary with its compound and adjectival forms, and how genres relate.

Sites name genres differently: a lead sentence says "black comedy crime film", IMDb "comedy,
crime", Rotten Tomatoes "Mystery & Suspense" or a shelf such as "Art House & International".
`genre_terms` finds the vocabulary's terms in a noun phrase (longest first, as written);
`facets` maps a genre to the broad genres it belongs to, so that two lists can be seen to
describe the same film (black comedy is a comedy; "Mystery & Suspense" covers thriller).
"""

from __future__ import annotations

import re

from auditor.normalize.names import fold

# term (folded) -> the broad genres it belongs to. A broad genre maps to itself.
_BROAD = (
    "action",
    "adventure",
    "animation",
    "biography",
    "comedy",
    "crime",
    "documentary",
    "drama",
    "family",
    "fantasy",
    "history",
    "horror",
    "music",
    "musical",
    "mystery",
    "romance",
    "science fiction",
    "sport",
    "thriller",
    "war",
    "western",
    "erotic",
)
_FACETS: dict[str, tuple[str, ...]] = {g: (g,) for g in _BROAD}
_FACETS.update(
    {
        "black comedy": ("comedy",),
        "dark comedy": ("comedy",),
        "comedy-drama": ("comedy", "drama"),
        "comedy drama": ("comedy", "drama"),
        "dramedy": ("comedy", "drama"),
        "tragicomedy": ("comedy", "drama"),
        "satire": ("comedy",),
        "satirical": ("comedy",),
        "parody": ("comedy",),
        "slapstick": ("comedy",),
        "romantic comedy": ("romance", "comedy"),
        "romantic drama": ("romance", "drama"),
        "romantic": ("romance",),
        "crime thriller": ("crime", "thriller"),
        "crime drama": ("crime", "drama"),
        "crime comedy": ("crime", "comedy"),
        "heist": ("crime", "thriller"),
        "gangster": ("crime",),
        "film noir": ("crime", "thriller", "mystery"),
        "noir": ("crime", "thriller", "mystery"),
        "neo-noir": ("crime", "thriller", "mystery"),
        "psychological thriller": ("thriller",),
        "political thriller": ("thriller",),
        "erotic thriller": ("erotic", "thriller"),
        "spy": ("thriller",),
        "suspense": ("thriller", "mystery"),
        "mystery & suspense": ("mystery", "thriller"),
        "mystery and suspense": ("mystery", "thriller"),
        "detective": ("mystery", "crime"),
        "legal drama": ("drama", "crime"),
        "psychological drama": ("drama",),
        "historical drama": ("drama", "history"),
        "period drama": ("drama", "history"),
        "historical": ("history",),
        "period": ("history",),
        "biographical": ("biography", "drama"),
        "biopic": ("biography", "drama"),
        "coming-of-age": ("drama",),
        "teen": ("drama",),
        "melodrama": ("drama",),
        "war drama": ("war", "drama"),
        "sci-fi": ("science fiction",),
        "science-fiction": ("science fiction",),
        "science fiction & fantasy": ("science fiction", "fantasy"),
        "action & adventure": ("action", "adventure"),
        "action thriller": ("action", "thriller"),
        "kids & family": ("family",),
        "musical & performing arts": ("musical", "music"),
        "animated": ("animation",),
        "computer-animated": ("animation",),  # one hyphenated word: "animated" alone misses it
        "sports": ("sport",),
        "sports & fitness": ("sport",),
        "supernatural": ("horror", "fantasy"),
        "slasher": ("horror",),
        "disaster": ("action",),
        "superhero": ("action",),
        "buddy cop": ("action", "crime"),
        "buddy comedy": ("comedy",),
        "fantasy comedy": ("fantasy", "comedy"),
        "anime & manga": ("animation",),
        "anime": ("animation",),
        "war film": ("war",),
        "coming of age": ("drama",),
        # Indian popular cinema's mix of action, comedy, romance and drama, with songs
        "masala": ("action", "comedy", "romance", "drama", "musical"),
        # Chinese martial-arts chivalry fiction, and martial-arts films at large
        "wuxia": ("action", "adventure"),
        "martial arts": ("action",),
        "kung fu": ("action",),
        # Italian (and Spanish) westerns of the 1960s and 1970s
        "spaghetti western": ("western",),
        "euro-western": ("western",),
    }
)
# Shelves a site files films on that say nothing against any genre.
NEUTRAL = frozenset(
    {
        "art house & international",
        "art house",
        "international",
        "classics",
        "cult movies",
        "special interest",
        "independent",
        "foreign",
        "television",
        "faith & spirituality",
        "gay & lesbian",
        "lgbtq+",
        "silent",
        # a form, not a genre: an anthology of horror stories is a horror film, a short
        # drama a drama
        "anthology",
        "portmanteau",
        "short",
    }
)
_TERMS = sorted(set(_FACETS) | NEUTRAL, key=len, reverse=True)
_TERM = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(t) for t in _TERMS) + r")(?![\w-])", re.I)


def genre_terms(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of the vocabulary's genres in text[start:end], longest term first."""
    stop = len(text) if end is None else end
    return [(m.start(), m.end()) for m in _TERM.finditer(text, start, stop)]


def _known(genre: str) -> tuple[str, frozenset[str] | None]:
    """`genre`'s key, and its broad genres when it is a known genre or shelf, else None."""
    key = re.sub(r" (?:film|movie)s?$", "", fold(genre))  # Wikidata's "crime film"
    for k in (key, key.replace("-", " "), key.replace(" ", "-"), key.replace(" and ", " & ")):
        if k in NEUTRAL:
            return key, frozenset()
        if k in _FACETS:
            return key, frozenset(_FACETS[k])
    # a shelf that joins genres of the vocabulary ("Horror & Thriller", "Comedy and Romance")
    # is each of them
    parts = re.split(r" (?:&|and) ", key)
    known = [_known(p)[1] for p in parts] if len(parts) > 1 else [None]
    if all(k is not None for k in known):
        return key, frozenset().union(*known)
    return key, None


def facets(genre: str) -> frozenset[str]:
    """The broad genres `genre` belongs to; empty for a neutral shelf; itself when unknown."""
    key, known = _known(genre)
    return frozenset((key,)) if known is None else known


def is_genre(text: str) -> bool:
    """Whether `text` is a genre or a shelf of the vocabulary ("Drama", "Art House &
    International"), as against, say, a studio's name."""
    return _known(text)[1] is not None
