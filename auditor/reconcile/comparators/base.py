"""Helpers the comparators share: disagreeing groups, the values each source states, display
names and near spellings per group.

A comparator's plan asks polars for the groups that disagree. Most judge them as frames (a row
per claim of those groups); Python that still judges a group one at a time (measures, a cast
entry's roles) gets one list per column and group and reads claims by their position in it
(`src[p]`). A finding names its claims by their `claim_id`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

import numpy as np
import polars as pl
from rapidfuzz import fuzz
from rapidfuzz.process import cpdist

from auditor.claims import EDITORIAL
from auditor.reconcile.model import Context


def editorial(frame: pl.LazyFrame, kinds: tuple[str, ...]) -> pl.LazyFrame:
    return frame.filter(pl.col("kind").is_in(kinds) & (pl.col("origin") == EDITORIAL))


def rows(frame: pl.DataFrame) -> Iterator[tuple]:
    """A frame's rows as tuples, from whole-column lists (cheaper than converting row by row)."""
    return zip(*(frame.get_column(c).to_list() for c in frame.columns), strict=True)


def groups(
    frame: pl.LazyFrame, by: tuple[str, ...], columns: tuple[str, ...], n: pl.Expr
) -> pl.LazyFrame:
    """(*by, claim_id, *columns) per group where `n` (an aggregate) exceeds 1, each a list."""
    return (
        frame.group_by(*by, maintain_order=True)
        .agg(n.alias("n"), "claim_id", *columns)
        .filter(pl.col("n") > 1)
        .drop("n")
    )


def disagreeing(
    frame: pl.LazyFrame,
    columns: tuple[str, ...],
    by: tuple[str, ...] = ("entity", "attribute", "slot"),
) -> pl.LazyFrame:
    """Groups whose claims hold more than one key, with their claim ids and the columns asked
    for."""
    return groups(frame, by, columns, pl.col("key").n_unique())


def by_value(key: Sequence[str]) -> dict[str, list[int]]:
    """Claim positions grouped by key, in first-seen order."""
    out: dict[str, list[int]] = {}
    for p, k in enumerate(key):
        out.setdefault(k, []).append(p)
    return out


def sources(src: Sequence[str], positions: Iterable[int]) -> list[str]:
    return list(dict.fromkeys(map(src.__getitem__, positions)))


def said(
    ctx: Context, src: Sequence[str], value: Sequence[str], positions: list[int], kind: str
) -> list:
    """[sources, value shown] for the claims of one value: catalog.said words it."""
    return [sources(src, positions), ctx.shown(kind, value[positions[0]])]


def values(
    ctx: Context,
    src: Sequence[str],
    value: Sequence[str],
    groups: dict[str, list[int]],
    kind: str,
) -> list[list]:
    """[sources, value shown] per group of claims stating one value (a `values` field)."""
    return [said(ctx, src, value, ps, kind) for ps in groups.values()]


def display_names(frame: pl.DataFrame, by: tuple[str, ...], column: str) -> pl.DataFrame:
    """normalize.names.best_cased of `column` per group (`by`), as `shown`, in one query: a
    form with capitals before an all-lower-case one, then one with accents before one folded
    to ASCII, then the form written most often, then one not all in capitals, then the least."""
    name = pl.col(column)
    return (
        frame.group_by(*by, column)
        .agg(count=pl.len())
        .group_by(*by)
        .agg(
            shown=name.sort_by(
                name == name.str.to_lowercase(),
                ~name.str.contains(r"[^\x00-\x7F]"),
                -pl.col("count").cast(pl.Int64),
                name == name.str.to_uppercase(),
                name,
            ).first()
        )
    )


def near_pairs(pairs: pl.DataFrame, threshold: pl.Expr | float, a: str, b: str) -> pl.DataFrame:
    """The pairs whose strings `a` and `b` rapidfuzz's ratio puts at `threshold` or above,
    scored in one call (cpdist). A ratio is at most 200·min(length)/(sum of lengths), so pairs
    farther apart in length are dropped unscored."""
    short = pl.min_horizontal(pl.col(a).str.len_chars(), pl.col(b).str.len_chars())
    total = pl.col(a).str.len_chars() + pl.col(b).str.len_chars()
    pairs = pairs.filter(200 * short >= (threshold - 1) * total)
    ratio = cpdist(
        pairs.get_column(a).to_list(),
        pairs.get_column(b).to_list(),
        scorer=fuzz.ratio,
        dtype=np.float64,
    )
    scored = pairs.with_columns(_ratio=pl.Series(ratio, dtype=pl.Float64))
    return scored.filter(pl.col("_ratio") >= threshold).drop("_ratio")
