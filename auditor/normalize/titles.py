"""Titles: a sequel's title as sites shorten it.

A sequel is titled "Harbor Patrol II: Night Shift" on one site and "Harbor Patrol 2" on another:
its numeral written in digits or in Roman numerals, its subtitle dropped after the numeral. Both
name one film, so the identity check files the page under the film and the comparison reads the
two titles as one, not as a conflict.
"""

from __future__ import annotations

import re

from auditor.normalize.names import fold

_ROMAN = dict(zip("ii iii iv v vi vii viii ix x".split(), map(str, range(2, 11)), strict=True))


def _numbered(title: str) -> list[str]:
    """A title's words, a Roman numeral written in digits ("ii" -> "2")."""
    return [_ROMAN.get(w, w) for w in re.split(r"[^a-z0-9]+", fold(title)) if w]


def same_sequel(a: str, b: str) -> bool:
    """Whether two titles name one sequel: equal once numerals are digits, or one the other
    cut after its numeral ("Harbor Patrol 2" of "Harbor Patrol II: Night Shift")."""
    short, long = sorted((_numbered(a), _numbered(b)), key=len)
    if short == long:
        return any(w.isdigit() for w in short)
    return len(short) >= 2 and short[-1].isdigit() and long[: len(short)] == short
