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
from auditor.reconcile.model import ENGINE, Context
from auditor.reconcile.prepare import named


def plan(ctx: Context, mine: tuple[str, ...]) -> tuple[pl.LazyFrame, ...]:
    """Per (entity, attribute) that most but not all of the entity's sources state: its
    editorial claims' ids, the sources that state it and those that do not. No kind names
    this comparator (`mine` is empty): every attribute is looked at.

    Counted on codes (prepare: ec, ac, src), one numbering of the sources for the claims' and
    the documents' (a document may state nothing); names are put back for the gaps only."""
    frame = ctx.frame.lazy().filter(pl.col("origin") == EDITORIAL)
    listed = [(e, s) for e, pairs in ctx.documents.items() for s, _ in pairs]
    stating = named(ctx.frame, "source")
    names = pl.Series(sorted(set(stating.to_list()) | {s for _, s in listed}), dtype=pl.String)
    number = {s: n for n, s in enumerate(names.to_list())}
    entity = {e: n for n, e in enumerate(named(ctx.frame, "entity").to_list())}
    docs = pl.DataFrame(
        [(entity[e], number[s]) for e, s in listed if e in entity],
        schema={"ec": pl.UInt32, "src": pl.UInt32},
        orient="row",
    ).unique()
    n_docs = docs.group_by("ec").agg(pl.len().alias("n_sources"))
    renumbered = pl.Series([number[s] for s in stating.to_list()], dtype=pl.UInt32)
    present = (
        frame.select("ec", "ac", src=pl.lit(renumbered).gather(pl.col("src")))
        .unique()
        .collect(engine=ENGINE)
    )
    stated = (
        present.group_by("ec", "ac")
        .agg(pl.len().alias("n"))
        .join(n_docs, on="ec")
        .filter(
            (pl.col("n") >= 2)
            & (pl.col("n") * 2 >= pl.col("n_sources"))
            & (pl.col("n") < pl.col("n_sources"))
        )
        .select("ec", "ac")
    )
    source = pl.lit(names).gather(pl.col("src"))
    said = present.join(stated, on=["ec", "ac"], how="semi").with_columns(source=source)
    # The entity's sources that state nothing for the attribute (never empty: n < n_sources).
    missing = (
        stated.join(docs, on="ec")
        .join(said, on=["ec", "ac", "src"], how="anti")
        .with_columns(source=source)
        .sort("ec", "ac", "src")  # as the names sort
        .group_by("ec", "ac", maintain_order=True)
        .agg(missing="source")
    )
    ids = (
        frame.select("ec", "ac", "claim_id")
        .join(stated.lazy(), on=["ec", "ac"], how="semi", maintain_order="left")
        .group_by("ec", "ac")
        .agg("claim_id")
    )
    gaps = (
        said.sort("ec", "ac", "src")
        .group_by("ec", "ac", maintain_order=True)
        .agg(present="source")
        .join(missing, on=["ec", "ac"])
        .lazy()
        .join(ids, on=["ec", "ac"])
        .sort("ec", "ac")  # as entity and attribute sort: codes sort as their names
        .select(
            entity=pl.lit(named(ctx.frame, "entity")).gather(pl.col("ec")),
            attribute=pl.lit(named(ctx.frame, "attribute")).gather(pl.col("ac")),
            claim_id="claim_id",
            present="present",
            missing="missing",
        )
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
