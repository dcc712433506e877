"""Helpers the comparators share: disagreeing groups, and sentences about claims."""

from __future__ import annotations

import polars as pl

from auditor.claims import EDITORIAL
from auditor.reconcile.display import listing, show
from auditor.reconcile.model import Context


def editorial(frame: pl.DataFrame, kinds: tuple[str, ...]) -> pl.DataFrame:
    return frame.filter(pl.col("kind").is_in(kinds) & (pl.col("origin") == EDITORIAL))


def disagreeing(frame: pl.DataFrame, by: tuple[str, ...] = ("entity", "attribute", "slot")):
    """Groups whose claims hold more than one key, with their claim idx lists."""
    return (
        frame.group_by(*by, maintain_order=True)
        .agg(pl.col("key").n_unique().alias("n"), pl.col("idx"))
        .filter(pl.col("n") > 1)
        .iter_rows(named=True)
    )


def by_value(ctx: Context, idx: list[int]) -> dict[str, list[int]]:
    """Claim idx grouped by key, in first-seen order."""
    groups: dict[str, list[int]] = {}
    keys = ctx.col("key")
    for i in idx:
        groups.setdefault(keys[i], []).append(i)
    return groups


def sources(ctx: Context, idx: list[int]) -> list[str]:
    src = ctx.col("source")
    return list(dict.fromkeys(src[i] for i in idx))


def said(ctx: Context, idx: list[int], kind: str) -> str:
    """'imdb and movieblog: $23,416,882' for the claims of one value."""
    return f"{listing(sources(ctx, idx))}: {show(kind, ctx.value(idx[0]))}"


def values_sentence(ctx: Context, groups: dict[str, list[int]], kind: str) -> str:
    return "; ".join(said(ctx, idx, kind) for idx in groups.values())
