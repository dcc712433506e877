"""Library code must work for any film: it may not name a fixture film or its figures."""

from __future__ import annotations

import re

import pytest

from auditor.normalize.names import HONORIFICS
from tests.conftest import BUNDLED, FIXTURES, ROOT, load_expected

# Words of fixture films' titles and names that are ordinary English (or a title such as
# "Major" that a name reader must know for any film), so library code may use them.
COMMON = {
    "leaving", "third", "mark", "river", "four", "midnight", "lane", "root", "daughter", "small",
    "june", "seven", "master", "bullet", "street", "hill", "ferry", "park", "iron", "gate", "lake",
    "night", "dutch", "rent", "stranger", "sheriff", "house", "jesus", "last", "lock", "tails",
    "rides", "nights", "wade",  # "Wade-Giles", the romanisation the library names
    "singing",  # a "(singing voice)" note the library reads
    "over",  # "grossed over $1 billion", a bound the library reads
    "under",  # "a budget of under $2 million", a bound the library reads
    "ninth",  # an ordinal, as "third" is (a weekend named by its ordinal alone)
    "flats",  # a landform word ("Salt Flats") that ends a place's name, as "lake" does
    "bridge",  # a place word a surname may be ("Lane", "Hill", "Park"), which the library reads
}  # fmt: skip
COMMON |= set(HONORIFICS)
# The catalog's docstrings quote a fixture document as each kind's example, by design.
DOCUMENTED = {"catalog.py"}


def _film_words(entity: str) -> set[str]:
    words = set()
    for path in (FIXTURES / "expected" / entity).glob("*.json"):
        if path.name == "discrepancies.json":
            continue
        for claim in load_expected(path)["claims"]:
            value = claim["value"]
            if claim["attribute"] in {"title", "director", "stars", "character", "writers"}:
                words.update(w.lower() for w in re.findall(r"[^\W\d_][\w']{3,}", value))
            if claim["attribute"] in {"rating_votes", "gross", "budget"}:
                numbers = value.values() if isinstance(value, dict) else [value]
                words.update(str(n) for n in numbers if isinstance(n, int) and n > 1000)
    return words - COMMON


def _library() -> list[tuple[str, str]]:
    paths = [
        p for p in (ROOT / "auditor").rglob("*") if p.suffix in {".py", ".j2", ".toml", ".html"}
    ]
    return [
        (p.name, p.read_text(encoding="utf-8").lower().replace(",", ""))
        for p in paths
        if p.name not in DOCUMENTED
    ]


FILMS = sorted(p.name for p in (FIXTURES / "expected").iterdir() if p.is_dir())


def test_every_fixture_film_is_checked():
    assert BUNDLED in FILMS and len(FILMS) >= 2
    words = _film_words(BUNDLED)
    assert {"sanderson", "figgis", "97495"} <= words


@pytest.mark.parametrize("entity", FILMS)
def test_library_does_not_know_the_film(entity):
    words = _film_words(entity)
    offenders = [
        f"{name}: {w}"
        for name, text in _library()
        for w in words
        if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text)
    ]
    assert not offenders
