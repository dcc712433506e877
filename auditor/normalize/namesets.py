"""Sets of people's names in one field (a book's authors): "Knuth, Donald E.",
"Haag, Stephen; Perry, James T", "Donald E. Knuth and Andrew Binstock", "Zo&eacute; Lacroix".

Names are split on ; & / | and " and " (and "by"); a chunk with commas is either a list
of "First Last" names (every piece two words or more) or "Last, First" pairs. Each name is
kept as written (entities decoded, parentheses and role words such as "by" or "editor"
dropped, "Last, First" turned round). The comparison key is the sorted multiset of surnames,
folded to letters: sources that list the same people in other orders or spellings of first
names agree.
"""

from __future__ import annotations

import html
import re
import unicodedata

# "by" separates as well as "and" does: "By (author) Halpin, Terry By (author) Morgan, Tony".
_SPLIT = re.compile(r"\s*(?:[;&/|]|\band\b|\bby\b)\s*", re.I)
# What a field says when it names nobody.
NOBODY = frozenset({"not available", "not provided", "unknown", "n/a", "na", "none", "-"})
_PARENS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
# Words about a person's role, not their name; "by" opens many listings ("By (author) ...").
ROLE_WORDS = frozenset(
    "by editor editors ed eds edited author authors translator translated illustrator "
    "foreword introduction jr sr ii iii phd dr prof et al".split()
)


def _words(text: str) -> list[str]:
    return [w for w in text.split() if w.strip(".,").lower() not in ROLE_WORDS]


def parse_names(text: str) -> list[str] | None:
    """The names in `text`, in order, or None when it names nobody."""
    s = _PARENS.sub(" ", html.unescape(text))
    names: list[str] = []
    for chunk in _SPLIT.split(s):
        if " ".join(chunk.lower().split()) in NOBODY:
            continue
        pieces = [" ".join(_words(p)) for p in chunk.split(",")]
        pieces = [p for p in pieces if p]
        if not pieces:
            continue
        if len(pieces) == 1 or all(len(p.split()) >= 2 for p in pieces):
            names += pieces
        else:  # Last, First[, Last, First ...]
            for i in range(0, len(pieces), 2):
                pair = pieces[i : i + 2]
                names.append(" ".join(reversed(pair)))
    names = [n for n in names if surname(n)]
    return names or None


def surname(name: str) -> str:
    """The last word of a name folded to lower-case letters: 'Zoé Lacroix' -> 'lacroix'."""
    words = name.split()
    if not words:
        return ""
    s = unicodedata.normalize("NFKD", words[-1])
    return "".join(c for c in s if c.isalpha() and c.isascii()).lower()


def names_key(names: list[str]) -> str:
    """The comparison key of a set of names: their surnames, sorted, joined with '|'."""
    return "|".join(sorted(surname(n) for n in names))
