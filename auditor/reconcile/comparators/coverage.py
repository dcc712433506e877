"""Coverage gaps: an attribute that most sources state and some do not (info).

Which sources state an attribute and which of the entity's documents do not are computed in
one lazy polars query, and the findings are a frame made from it: the catalog words them as a
polars expression.
"""

from __future__ import annotations

import polars as pl

from auditor.catalog import CoverageGap
from auditor.claims import EDITORIAL
from auditor.reconcile.comparators import words
from auditor.reconcile.findings import SCHEMA
from auditor.reconcile.model import Context


def plan(ctx: Context, mine: tuple[str, ...]) -> tuple[pl.LazyFrame, ...]:
    """Per (entity, attribute) that most but not all of the entity's sources state: its
    editorial claims' ids, the sources that state it and those that do not. No kind names
    this comparator (`mine` is empty): every attribute is looked at."""
    frame = (
        ctx.frame.lazy()
        .filter(pl.col("origin") == EDITORIAL)
        .select("entity", "attribute", "source", "claim_id")
    )
    docs = (
        pl.DataFrame(
            [(e, s) for e, pairs in ctx.documents.items() for s, _ in pairs],
            schema={"entity": pl.String, "source": pl.String},
            orient="row",
        )
        .lazy()
        .unique()
    )
    n_docs = docs.group_by("entity").agg(pl.len().alias("n_sources"))
    stated = (
        frame.group_by("entity", "attribute")
        .agg(pl.col("source").alias("present"), "claim_id")
        # distinct and sorted per list after grouping: cheaper than within the aggregation
        .with_columns(pl.col("present").list.unique().list.sort())
        .join(n_docs, on="entity")
        .with_columns(pl.col("present").list.len().alias("n"))
        .filter(
            (pl.col("n") >= 2)
            & (pl.col("n") * 2 >= pl.col("n_sources"))
            & (pl.col("n") < pl.col("n_sources"))
        )
    )
    # The entity's sources that state nothing for the attribute (never empty: n < n_sources).
    missing = (
        stated.select("entity", "attribute")
        .join(docs, on="entity")
        .join(
            frame.select("entity", "attribute", "source"),
            on=["entity", "attribute", "source"],
            how="anti",
        )
        .group_by("entity", "attribute")
        .agg(pl.col("source").alias("missing"))
        .with_columns(pl.col("missing").list.unique().list.sort())
    )
    gaps = (
        stated.join(missing, on=["entity", "attribute"])
        .sort("entity", "attribute")
        .select("entity", "attribute", "claim_id", "present", "missing")
    )
    return (gaps,)


def build(ctx: Context, gaps: pl.DataFrame) -> pl.DataFrame:
    """The gaps as findings (`findings.SCHEMA`), worded by the catalog in one expression."""
    gap = CoverageGap.not_stated
    return gaps.select(
        "entity",
        "attribute",
        slot=pl.lit(""),
        **words.finding(
            gap,
            pl.struct("present", "missing").struct.json_encode(),
            gap.expr(present=pl.col("present"), missing=pl.col("missing")),
            claim_ids="claim_id",
        ),
    ).cast(SCHEMA)
