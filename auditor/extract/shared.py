"""Names a lower-cased page writes that only the same film's cased pages can tell are names.

A flattened, lower-cased page (IMDb) cannot see capitals, so it recognises a character in its
storyline only when its own cast list gives the name. The film's other documents keep capitals
and name more characters; once every document is read, each lower-cased page reads its plot
texts again with those names. A one-word name is trusted only when the cased pages never write
it in lower case (so "Rose" the character, not "rose" the verb).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from auditor.claims import EDITORIAL, Claim
from auditor.documents import read
from auditor.extract.base import Collector
from auditor.extract.mentions import character_mentions
from auditor.extract.registry import ADAPTERS, DocumentResult, with_context
from auditor.normalize.names import clean, fold
from auditor.textview import TextView

_CASED = {a.name for a in ADAPTERS if a.cased}


def share_names(results: Sequence[DocumentResult]) -> tuple[DocumentResult, ...]:
    """The results, each lower-cased page's with the characters its film's cased pages name."""
    by_entity: dict[str, list[DocumentResult]] = {}
    for r in results:
        if r.error is None:
            by_entity.setdefault(r.ref.entity, []).append(r)
    better = {}
    for docs in by_entity.values():
        cased = [r for r in docs if r.adapter in _CASED]
        lower = [r for r in docs if r.adapter not in _CASED and r.name_texts]
        if not cased or not lower:
            continue
        names = _names(cased)
        if not names:
            continue
        for r in lower:
            better[id(r)] = _read_again(r, names)
    return tuple(better.get(id(r), r) for r in results)


def _names(cased: list[DocumentResult]) -> list[str]:
    """Character names the cased pages give, one-word names only when never written lower-case."""
    names = set()
    for r in cased:
        for c in r.claims:
            if c.origin != EDITORIAL:
                continue
            if c.attribute == "character":
                names.add(c.value)
            elif c.attribute == "cast":
                names.add(c.value["character"])
    single = {n for n in names if " " not in n.strip()}
    if single:
        texts = [_text(r) for r in cased]
        lowered = {
            n
            for n in single
            if any(re.search(rf"(?<!\w){re.escape(n.lower())}(?!\w)", t) for t in texts)
        }
        names -= lowered
    return sorted(n for n in names if n.strip() and n[:1].isupper())


def _text(r: DocumentResult) -> str:
    try:
        return read(r.ref).text
    except Exception:  # noqa: BLE001 - it was read once; if it cannot be again, it adds nothing
        return ""


def _read_again(r: DocumentResult, names: list[str]) -> DocumentResult:
    try:
        view = TextView.of(read(r.ref).text)
    except Exception:  # noqa: BLE001 - keep what the first reading found
        return r
    have = {fold(c.value) for c in r.claims if c.attribute == "character" and c.origin == EDITORIAL}
    out = Collector(r.ref, view)
    for start, end in r.name_texts:
        for s, e in character_mentions(view.text, start, end, names, cased=False):
            key = fold(view.text[s:e])
            if key not in have:
                have.add(key)
                out.add("character", s, e, clean(view.text[s:e]))
    if not out.claims:
        return r
    shared = tuple(with_context(c, view.original) for c in out.claims)
    claims: tuple[Claim, ...] = tuple(r.claims) + shared
    return replace(r, claims=claims)
