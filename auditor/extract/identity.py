"""A page whose title is not its folder's: another film filed there by mistake, or the same
film under its other title (a Rotten Tomatoes page of the US release, filed with the pages of
the film under its British title). One page alone cannot tell; its film's other pages
can: a title some page of the folder names as the film's also-known-as title is the film's,
and so is the title of a page whose also-known-as title is its folder's. Every other such page
is refused, as a page of another year is at extraction."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import polars as pl

from auditor.claims import EDITORIAL
from auditor.extract.registry import (
    DocumentResult,
    _squeezed,
    foreign_titles,
    identity_error,
)

_TITLES = ("title", "also_known_as")


def without_other_films(
    results: Sequence[DocumentResult], claims: pl.DataFrame
) -> tuple[DocumentResult, ...]:
    """The results, a page refused whose title is neither its folder's nor one its folder's
    pages give the film as another title. `claims` holds (at least) the results' title and
    also-known-as claims; entities whose titles all match their folder cost one frame pass."""
    said = (
        claims.lazy()
        .filter(pl.col("attribute").is_in(_TITLES) & (pl.col("origin") == EDITORIAL))
        .select("entity", "document", "attribute", text=pl.col("value").str.json_decode(pl.String))
        .with_columns(
            squeezed=pl.col("text").str.to_lowercase().str.replace_all(r"[^a-z0-9]+", ""),
            folder=pl.col("entity").str.to_lowercase().str.replace(r"-\d{4}$", "")
            .str.replace_all(r"[^a-z0-9]+", ""),
        )
        .collect()
    )
    # a title spelt as its folder is (most pages) needs no more look
    odd = said.filter((pl.col("attribute") == "title") & (pl.col("squeezed") != pl.col("folder")))
    if odd.is_empty():
        return tuple(results)
    wrong: dict[str, list[str]] = {}
    for entity, document, text in odd.select("entity", "document", "text").iter_rows():
        if foreign_titles(entity, [text]):
            wrong.setdefault(document, []).append(text)
    if not wrong:
        return tuple(results)
    akas = said.filter(pl.col("attribute") == "also_known_as")
    known = {(e, _squeezed(t)) for e, t in akas.select("entity", "text").iter_rows()}
    # a page whose also-known-as title is its folder's (an English capture titling the film
    # in English, its original title as the aka) gives its own title as the film's other one
    own = {d for e, d, t in akas.select("entity", "document", "text").iter_rows()
           if not foreign_titles(e, [t])}
    known |= {(e, _squeezed(t)) for e, d, t in odd.select("entity", "document", "text")
              .iter_rows() if d in own}
    out = []
    for r in results:
        titles = wrong.get(r.ref.relpath)
        if r.error is None and titles:
            unknown = sorted(t for t in titles if (r.ref.entity, _squeezed(t)) not in known)
            if unknown:
                r = replace(r, claims=(), error=str(identity_error(r.ref, unknown, [])))
        out.append(r)
    return tuple(out)

