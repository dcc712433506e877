"""Names a lower-cased page writes that only the same film's cased pages can tell are names.

A flattened, lower-cased page (IMDb) cannot see capitals, so it recognises a character in its
storyline only when its own cast list gives the name. The film's other documents keep capitals
and name more characters; once every document is read, each lower-cased page reads its plot
texts again with those names. A one-word name is trusted only when the cased pages never write
it in lower case (so "Rose" the character, not "rose" the verb).

The names come from the claims, and the lower-cased page's plot texts from its result
(extract.plots): that page is not read again. A cased page is, only when a one-word name the
plot texts use must be checked against it (a one-word name the plot texts never write changes
nothing they yield). A vocabulary of each cased page's words, kept for that check, would cost
more to build at extraction (a millisecond a page) than reading the page again.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from auditor.claims import EDITORIAL, Claim
from auditor.documents import read
from auditor.extract.base import Collector
from auditor.extract.common import DESCRIBED_ROLE
from auditor.extract.mentions import character_mentions
from auditor.extract.plots import vocabulary
from auditor.extract.registry import ADAPTERS, DocumentResult
from auditor.extract.scan import has_word
from auditor.normalize.names import clean, fold
from auditor.textview import TextView

_CASED = {a.name for a in ADAPTERS if a.cased}
_SPECIAL = re.compile(r"[\"“”.]")  # a one-word name mentions.long_mentions looks for itself


def share_names(
    results: Sequence[DocumentResult], texts: Mapping[str, str] | None = None
) -> tuple[DocumentResult, ...]:
    """The results, each lower-cased page's with the characters its film's cased pages name;
    `texts` (relpath -> decoded text) spares reading a cased page again. A result that has
    its names shared already (`shared`) is left as it is."""
    by_entity: dict[str, list[DocumentResult]] = {}
    for r in results:
        if r.error is None:
            by_entity.setdefault(r.ref.entity, []).append(r)
    better = {}
    for docs in by_entity.values():
        cased = [r for r in docs if r.adapter in _CASED]
        lower = [r for r in docs if r.adapter not in _CASED and r.name_texts and not r.shared]
        if not cased or not lower:
            continue
        names = _names(cased)
        if not names:
            continue
        pages = _Texts(cased, texts or {})
        for r in lower:
            better[id(r)] = _read_again(r, names, pages)
    return tuple(better.get(id(r), r) for r in results)


def _names(cased: list[DocumentResult]) -> set[str]:
    """Character names the cased pages give (capitalised), before the lower-case check."""
    names = set()
    for r in cased:
        characters, cast = _characters(r)
        names.update(characters, cast)
    # a described role ("The Doorkeeper") names no one
    return {n for n in names if n.strip() and n[:1].isupper() and not DESCRIBED_ROLE.match(n)}


def _characters(r: DocumentResult) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The characters a page's character claims and its cast claims name editorially."""
    if r.characters is not None and r.cast_characters is not None:
        return r.characters, r.cast_characters
    editorial = [c for c in r.claims if c.origin == EDITORIAL]
    return (
        tuple(c.value for c in editorial if c.attribute == "character"),
        tuple(c.value["character"] for c in editorial if c.attribute == "cast"),
    )


class _Texts:
    """The cased pages' texts, read when first needed, at most once a film."""

    def __init__(self, cased: list[DocumentResult], known: Mapping[str, str]) -> None:
        self._cased = cased
        self._known = known
        self._texts: list[str] | None = None

    def __call__(self) -> list[str]:
        if self._texts is None:
            known = self._known
            self._texts = [
                known[r.ref.relpath] if r.ref.relpath in known else _text(r) for r in self._cased
            ]
        return self._texts


def _lowered(single: list[str], texts: Callable[[], list[str]]) -> set[str]:
    """The one-word names some cased page also writes in lower case, as a word."""
    if not single:
        return set()
    pages = texts()
    return {
        n
        for n in single
        if any(has_word(t, n.lower()) for t in pages)
    }


def _text(r: DocumentResult) -> str:
    try:
        return read(r.ref).text
    except Exception:  # noqa: BLE001 - it was read once; if it cannot be again, it adds nothing
        return ""


def _read_again(
    r: DocumentResult, candidates: set[str], texts: Callable[[], list[str]]
) -> DocumentResult:
    if r.plots is not None:
        view, words = r.plots.text_view(), r.plots.words
    else:  # a result made without them
        try:
            view = TextView.of(read(r.ref).text)
        except Exception:  # noqa: BLE001 - keep what the first reading found
            return r
        words = vocabulary(view.text, r.name_texts)
    names = {n for n in candidates if " " in n.strip()}
    single = sorted(n for n in candidates - names if fold(n) in words or _SPECIAL.search(n))
    names.update(set(single) - _lowered(single, texts))
    if not names:
        return r
    known = sorted(names)
    have = {fold(name) for name in _characters(r)[0]}
    # the spans of the names the first reading found: a shorter name read inside one of them
    # ("jo vance" in "capt. jo vance") is that mention again, no name of its own
    found = [
        (c.span_start, c.span_end)
        for c in r.claims
        if c.attribute == "character" and c.origin == EDITORIAL
    ]
    out = Collector(r.ref, view)
    for start, end in r.name_texts:
        for s, e in character_mentions(view.text, start, end, known, cased=False):
            key = fold(view.text[s:e])
            at, to = view.span(s, e) if view.mapped else (s, e)
            if key not in have and not any(a <= at and to <= b for a, b in found):
                have.add(key)
                out.add("character", s, e, clean(view.text[s:e]))
    if not out.claims:
        return r
    claims: tuple[Claim, ...] = tuple(r.claims) + tuple(out.claims)
    characters = _characters(r)[0] + tuple(c.value for c in out.claims)
    return replace(r, claims=claims, characters=characters)
