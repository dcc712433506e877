"""Character names: plot and storyline texts checked against cast lists, across and within sources.

Every character name a source writes (cast lists and plot texts alike) is grouped by first name;
surnames a letter or two apart are one character spelt two ways. The spelling most sources use
is taken as right; a page that writes both spellings contradicts itself.
"""

from __future__ import annotations

from collections import defaultdict

import polars as pl
from rapidfuzz import fuzz

from auditor.claims import EDITORIAL
from auditor.normalize.names import best_cased
from auditor.reconcile.comparators.base import sources
from auditor.reconcile.display import listing
from auditor.reconcile.model import Context, Finding

SURNAME_NEAR = 75.0


def compare(ctx: Context) -> list[Finding]:
    frame = ctx.frame
    names = pl.concat(
        [
            frame.filter(pl.col("kind") == "character").select("entity", "idx", name="key"),
            frame.filter(pl.col("kind") == "cast").select("entity", "idx", name="key2"),
        ]
    ).filter(pl.col("name").str.contains(" "))
    names = names.with_columns(
        first=pl.col("name").str.split(" ").list.first(),
        last=pl.col("name").str.split(" ").list.last(),
    )
    # Only first names under which more than one surname is written need a closer look.
    suspects = (
        names.group_by("entity", "first")
        .agg(pl.col("last").n_unique().alias("n"), "idx", "last")
        .filter(pl.col("n") > 1)
    )
    findings = []
    for g in suspects.iter_rows(named=True):
        findings += _first_name(ctx, g["entity"], g["idx"], g["last"])
    return findings


def _first_name(ctx: Context, entity: str, idx: list[int], lasts: list[str]) -> list[Finding]:
    src, doc, origin, weight = (ctx.col(c) for c in ("source", "document", "origin", "weight"))
    by_last: dict[str, list[int]] = defaultdict(list)
    for i, last in zip(idx, lasts, strict=True):
        by_last[last].append(i)

    def support(last: str) -> float:
        per_source: dict[str, float] = {}
        for i in by_last[last]:
            per_source[src[i]] = max(per_source.get(src[i], 0.0), weight[i])
        return sum(per_source.values())

    ranked = sorted(by_last, key=lambda k: (-support(k), k))
    findings = []
    used: set[str] = set()
    for main in ranked:
        if main in used:
            continue
        variants = [
            o for o in ranked if o != main and o not in used and fuzz.ratio(main, o) >= SURNAME_NEAR
        ]
        for other in variants:
            used.add(other)
            findings.append(
                _finding(ctx, entity, by_last[main], by_last[other], support(main), support(other))
            )
        used.add(main)
    return findings


def _name(ctx: Context, idx: list[int]) -> str:
    values = []
    for i in idx:
        v = ctx.value(i)
        values.append(v["character"] if isinstance(v, dict) else v)
    return best_cased(values)


def _where(ctx: Context, idx: list[int]) -> str:
    """'movieblog (storyline/plot text)' or 'imdb (cast list)': where each spelling stands."""
    attribute = ctx.col("attribute")
    parts = defaultdict(set)
    for i in idx:
        parts[ctx.col("source")[i]].add("cast list" if attribute[i] == "cast" else "plot text")
    return listing([f"{s} ({listing(sorted(p))})" for s, p in parts.items()])


def _finding(
    ctx: Context, entity: str, main: list[int], other: list[int], w_main: float, w_other: float
) -> Finding:
    doc, origin = ctx.col("document"), ctx.col("origin")
    a, b = _name(ctx, main), _name(ctx, other)
    both = sorted({doc[i] for i in main} & {doc[i] for i in other})
    user_only = all(origin[i] != EDITORIAL for i in other)
    n_main, n_other = len(set(sources(ctx, main))), len(set(sources(ctx, other)))
    detail = f'"{b}" in {_where(ctx, other)}; "{a}" in {_where(ctx, main)}'
    if n_main > n_other:
        detail += f' — one character; "{a}" is the spelling most sources use'
    elif w_main > w_other:
        detail += (
            f' — one character, two spellings, as many sources for each; "{a}" comes '
            "from the more trusted source"
        )
    else:
        detail += " — one character, two spellings, and nothing says which is right"
    if both:
        srcs = listing(sources(ctx, [i for i in main + other if doc[i] in both]))
        detail += f"; {srcs} write{'s' if len(both) == 1 else ''} both, contradicting itself"
        return Finding("AU006", entity, "character", "", tuple(main + other), detail)
    return Finding(
        "AU003", entity, "character", "", tuple(main + other), detail, "info" if user_only else None
    )
