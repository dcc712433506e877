"""Character names: plot and storyline texts checked against cast lists, across and within sources.

Every character name a source writes (cast lists and plot texts alike) is grouped by first name;
surnames a letter or two apart are one character spelt two ways. The spelling most sources use
is taken as right; a page that writes both spellings contradicts itself.
"""

from __future__ import annotations

from collections import defaultdict

import polars as pl
from rapidfuzz import fuzz

from auditor.catalog import InternalInconsistency, SpellingVariant
from auditor.claims import EDITORIAL
from auditor.normalize.names import HONORIFICS, best_cased
from auditor.reconcile.comparators.base import by_value, groups, pick, rows, sources
from auditor.reconcile.model import Context, Finding

SURNAME_NEAR = 75.0
SINGLE_NEAR = 80.0  # a name standing alone shares no first name to vouch for it: be stricter
_COLUMNS = ("last", "source", "weight", "document", "origin", "cast", "shown", "attribute", "cell")
_TITLES = r"^(?:(?:" + "|".join(sorted(HONORIFICS, key=len, reverse=True)) + r")\.? )+"
WEIGHS = True  # the claims' learned vote weights are among its columns (comparators.Comparator)


def plan(ctx: Context, mine: tuple[str, ...]) -> tuple[pl.LazyFrame, ...]:
    """Character names of two words or more grouped by (entity, first name), where more than
    one surname is written: claims of its kinds, and the characters of cast entries."""
    frame = ctx.frame.lazy()
    common = ("entity", "claim_id", "source", "weight", "document", "origin", "attribute")
    cast = pl.col("compares") == "cast"
    cell = pl.col("row").is_not_null()  # a table's cell, not a page's text
    # `name` folded for grouping, `shown` as the page writes it (a cast entry's character).
    names = pl.concat(
        [
            frame.filter(pl.col("kind").is_in(mine)).select(
                *common, name="key", shown="name", cast=cast, cell=cell
            ),
            frame.filter(pl.col("compares") == "cast").select(
                *common, name="key2", shown="name2", cast=cast, cell=cell
            ),
        ]
    )
    # Names of one word ("Vance"), per entity, where several are written: a misspelt one is a
    # variant of another, not a character of its own.
    singles = groups(
        names.filter(~pl.col("name").str.contains(" ")).with_columns(last=pl.col("name")),
        ("entity",),
        _COLUMNS,
        pl.col("last").n_unique(),
    )
    names = names.filter(pl.col("name").str.contains(" "))
    # "Det. Insp. Jo Brook", "Detective Inspector Jo Brook" and "Jo Brook": one
    # first name once the titles before a name of two words or more are set aside.
    bare = pl.col("name").str.replace(_TITLES, "")
    stem = pl.when(bare.str.contains(" ")).then(bare).otherwise(pl.col("name"))
    names = names.with_columns(
        first=stem.str.split(" ").list.first(),
        last=stem.str.split(" ").list.last(),
    )
    # Only first names under which more than one surname is written need a closer look.
    return (groups(names, ("entity", "first"), _COLUMNS, pl.col("last").n_unique()), singles)


def build(ctx: Context, suspects: pl.DataFrame, singles: pl.DataFrame) -> list[Finding]:
    attribute = _filed_under(ctx)
    findings = []
    for entity, _, ids, *lists in rows(suspects):
        findings += _first_name(attribute, entity, ids, dict(zip(_COLUMNS, lists, strict=True)))
    for entity, ids, *lists in rows(singles):
        cols = dict(zip(_COLUMNS, lists, strict=True))
        findings += _first_name(attribute, entity, ids, cols, near=SINGLE_NEAR)
    return findings


def _filed_under(ctx: Context) -> str:
    """The attribute a character's findings belong to when only cast entries name it: the
    catalog's first attribute compared as characters are (else the cast's)."""
    specs = ctx.settings.specs
    for comparison in ("character", "cast"):
        named = [n for n in specs if ctx.compares(n) == comparison]
        if named:
            return named[0]
    return "character"


def _first_name(
    attribute: str,
    entity: str,
    ids: list[str],
    cols: dict[str, list],
    near: float = SURNAME_NEAR,
) -> list[Finding]:
    """Findings of one first name's claims; `i` below is a claim's position in the group."""
    src, weight = cols["source"], cols["weight"]
    by_last = by_value(cols["last"])

    support: dict[str, float] = {}  # one vote per source
    for last, members in by_last.items():
        per_source: dict[str, float] = {}
        for i in members:
            per_source[src[i]] = max(per_source.get(src[i], 0.0), weight[i])
        support[last] = sum(per_source.values())

    ranked = sorted(by_last, key=lambda k: (-support[k], k))
    findings = []
    used: set[str] = set()
    for main in ranked:
        if main in used:
            continue
        variants = [
            o
            for o in ranked
            if o != main
            and o not in used
            and fuzz.ratio(main, o) >= near
            and (near == SURNAME_NEAR or o[:1] == main[:1])
        ]
        for other in variants:
            used.add(other)
            findings.append(
                _finding(
                    cols,
                    attribute,
                    entity,
                    ids,
                    (by_last[main], by_last[other]),
                    (support[main], support[other]),
                )
            )
        used.add(main)
    return findings


def _where(cols: dict[str, list], positions: list[int]) -> list:
    """[[source, ['cast', 'plot']], ...]: where each spelling stands (catalog.where)."""
    cast, src = cols["cast"], cols["source"]
    parts = defaultdict(set)
    for i in positions:
        parts[src[i]].add("cast" if cast[i] else "table" if cols["cell"][i] else "plot")
    return [[s, sorted(p)] for s, p in parts.items()]


def _finding(
    cols: dict[str, list],
    attribute: str,
    entity: str,
    ids: list[str],
    spellings_at: tuple[list[int], list[int]],
    weights: tuple[float, float],
) -> Finding:
    (main, other), (w_main, w_other) = spellings_at, weights
    named = sorted({cols["attribute"][i] for i in main + other if not cols["cast"][i]})
    attribute = named[0] if named else attribute
    doc, origin, src, shown = cols["document"], cols["origin"], cols["source"], cols["shown"]
    # a source that writes both in one document (a table file holds every source's rows)
    both = {(src[i], doc[i]) for i in main} & {(src[i], doc[i]) for i in other}
    user_only = EDITORIAL not in map(origin.__getitem__, other)
    n_main, n_other = len(set(map(src.__getitem__, main))), len(set(map(src.__getitem__, other)))
    if n_main > n_other:
        basis = "most-sources"
    elif w_main > w_other:
        basis = "more-trusted"
    else:
        basis = "undecided"
    spellings = {
        "variant": best_cased(shown[i] for i in other),
        "variant_where": _where(cols, other),
        "spelling": best_cased(shown[i] for i in main),
        "spelling_where": _where(cols, main),
        "basis": basis,
    }
    claims = pick(ids, main + other)
    if both:
        writers = sources(src, [i for i in main + other if (src[i], doc[i]) in both])
        why = InternalInconsistency.character_written_both_ways(
            **spellings, writers=writers, documents=sorted({d for _, d in both})
        )
        return Finding(entity, attribute, "", claims, why)
    why = SpellingVariant.character_spelt_two_ways(**spellings)
    return Finding(entity, attribute, "", claims, why, "info" if user_only else None)
