"""Names: folded for comparison (case, accents, punctuation), best-cased for display."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz import fuzz

_PUNCT = str.maketrans({"’": "'", "‘": "'", "`": "'", "‐": "-", "–": "-", "—": "-"})
# Letters no decomposition strips, folded as pages written in ASCII fold them ("Jørn Dæhlie"
# is "Jorn Daehlie"); lower-case, as they are read after casefolding.
LETTERS = {"ø": "o", "æ": "ae", "œ": "oe", "ð": "d", "þ": "th", "đ": "d", "ł": "l", "ı": "i"}
_LETTERS = str.maketrans(LETTERS)
# Letters a page in ASCII may also spell out as two ("Østby" is "Oestby", "Håland"
# "Haaland", "Müller" "Mueller", "Strauß" "Strauss"): a name so spelt is the same name
# (reconcile.prepare._spelt_out), though its fold differs.
SPELT_OUT = {
    **{c: d for c, d in zip("øåäöüß", ("oe", "aa", "ae", "oe", "ue", "ss"), strict=True)},
    **{c: d for c, d in zip("ØÅÄÖÜ", ("Oe", "Aa", "Ae", "Oe", "Ue"), strict=True)},
}


@lru_cache(maxsize=1 << 16)
def fold(name: str) -> str:
    """The comparison key: 'Adiós  Muchachos' -> 'adios muchachos'. Remembered: extraction
    folds the same few words (a page's names, its review's words) again and again."""
    s = name.translate(_PUNCT)
    if s.isascii():  # nothing to decompose or strip, and casefold is lower: the common case
        return " ".join(s.lower().split())
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(s.casefold().translate(_LETTERS).split())


def clean(text: str) -> str:
    """White space collapsed and stray punctuation trimmed; case kept."""
    return " ".join(text.split()).strip(" ,;:|")


def best_cased(names: Iterable[str]) -> str:
    """The display form: a page that keeps capitals beats one that lower-cases everything,
    among those one with its letters' accents (a page folded to ASCII lost them: "Jørn" beats
    "Jorn", however often it is written), then the form written most often."""
    names = list(names)
    if len(set(names)) == 1:  # one way of writing it: nothing to rank
        return names[0]
    counts = Counter(names)
    rank = lambda n: (n == n.lower(), n.isascii(), -counts[n], n == n.upper(), n)  # noqa: E731
    return min(counts, key=rank, default="")


def similarity(a: str, b: str) -> float:
    """0..100 similarity of two folded names."""
    return fuzz.ratio(fold(a), fold(b))


# How alike (rapidfuzz's ratio, 0-100) two folded names must be to be spellings of one.
NEAR = 85.0


# The numbers a name holds: a model number, a sequel's or a year's digits are no spelling
_DIGITS = re.compile(r"\d+")
DIGITS = _DIGITS.pattern
# A folded name's generational suffix: the same name with another one ("Jr." and "III", a father
# and a son) is another person, as another number is another thing.
GENERATION = r"\b(?:jr|sr|ii|iii|iv)\b"
_GENERATION = re.compile(GENERATION)


def near_variant(a: str, b: str, *, threshold: float = NEAR) -> bool:
    """Different spellings of one name: not equal once folded, but a letter or two apart, with
    the same numbers ("BF-2690" and "BF-1690" name two things, however close)."""
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return False
    if len(fa.split()) != len(fb.split()):
        return False
    if _DIGITS.findall(fa) != _DIGITS.findall(fb):
        return False
    if _GENERATION.findall(fa) != _GENERATION.findall(fb):  # "Jr." and "III": father and son
        return False
    return fuzz.ratio(fa, fb) >= threshold


def abbreviates(a: str, b: str) -> bool:
    """One name written with initials or without a middle name and in full ("a rivers",
    "m k rivers", "ada rivers" against "ada rivers", "marek kell rivers", "ada lin rivers"),
    as folded keys: the same surname, the same first name or its initial, and every other
    given name of the shorter one standing, in order, for one of the longer's."""
    wa, wb = a.split(), b.split()
    if a == b or len(wa) < 2 or len(wb) < 2 or wa[-1] != wb[-1] or len(wa[-1]) < 2:
        return False
    short, long = (wa[:-1], wb[:-1]) if len(wa) <= len(wb) else (wb[:-1], wa[:-1])
    if not _stands_for(short[0], long[0]):
        return False
    at = 1
    for word in short[1:]:
        while at < len(long) and not _stands_for(word, long[at]):
            at += 1
        if at == len(long):
            return False
        at += 1
    return True


def _stands_for(x: str, y: str) -> bool:
    """The same given name, or an initial of it."""
    return x == y or (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y))


# Titles that open a name ("Major Vance", "Dr. Holm", "Sister Ada"); with their short forms.
HONORIFICS = {
    "mr": "mister",
    "mrs": "mrs",
    "ms": "ms",
    "miss": "miss",
    "dr": "doctor",
    "doctor": "doctor",
    "sister": "sister",
    "brother": "brother",
    "father": "father",
    "mother": "mother",
    "capt": "captain",
    "captain": "captain",
    "maj": "major",
    "major": "major",
    "sgt": "sergeant",
    "sergeant": "sergeant",
    "col": "colonel",
    "colonel": "colonel",
    "gen": "general",
    "general": "general",
    "lt": "lieutenant",
    "lieutenant": "lieutenant",
    "prof": "professor",
    "professor": "professor",
    "insp": "inspector",
    "inspector": "inspector",
    "det": "detective",
    "detective": "detective",
    "rev": "reverend",
    "reverend": "reverend",
    "lord": "lord",
    "lady": "lady",
    "sir": "sir",
    "dame": "dame",
    "baron": "baron",
    "count": "count",
    "countess": "countess",
    "madame": "madame",
    "monsieur": "monsieur",
    "mademoiselle": "mademoiselle",
    "uncle": "uncle",
    "aunt": "aunt",
    "grandpa": "grandpa",
    "grandma": "grandma",
    "granny": "granny",
    "grandfather": "grandfather",
    "grandmother": "grandmother",
    # the same kin titles in Italian and Spanish ("Nonno Beppe", "Abuela Rosa")
    "nonno": "grandpa",
    "nonna": "grandma",
    "abuelo": "grandpa",
    "abuela": "grandma",
    # Afrikaans and isiXhosa ones ("Oom Piet", "Tannie Ria", "Makhulu Thandi"), and the
    # Afrikaans churches' minister ("Dominee Botha")
    "oom": "uncle",
    "tannie": "aunt",
    "ouma": "grandma",
    "oupa": "grandpa",
    "makhulu": "grandma",
    "tatomkhulu": "grandpa",
    "dominee": "reverend",
    "judge": "judge",
    # offices a crime film's people are addressed by, before their names
    "chairman": "chairman",
    "prosecutor": "prosecutor",
    "officer": "officer",
    "corporal": "corporal",
    "cpl": "corporal",
    "private": "private",
    "cmdr": "commander",
    "cdr": "commander",
    "commander": "commander",
    "adm": "admiral",
    "admiral": "admiral",
    # a lawman's office, as a western's plot writes it before a name ("Sheriff Hale")
    "sheriff": "sheriff",
    "deputy": "deputy",
    "marshal": "marshal",
    # a fire or police chief's office, and a legislator's ("Fire Chief Ada Brook", "Deputy
    # Chief Brook", "Senator Brook")
    "fire": "fire",
    "chief": "chief",
    "senator": "senator",
}
