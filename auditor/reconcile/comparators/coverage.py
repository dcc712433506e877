"""Coverage gaps: an attribute that most sources state and some do not (info)."""

from __future__ import annotations

import polars as pl

from auditor.claims import EDITORIAL
from auditor.reconcile.display import listing
from auditor.reconcile.model import Context, Finding


def compare(ctx: Context) -> list[Finding]:
    frame = ctx.frame.filter(pl.col("origin") == EDITORIAL)
    if frame.is_empty() or not ctx.documents:
        return []
    docs = pl.DataFrame(
        [(e, s) for e, pairs in ctx.documents.items() for s, _ in pairs],
        schema={"entity": pl.String, "source": pl.String},
        orient="row",
    ).unique()
    n_docs = docs.group_by("entity").agg(pl.len().alias("n_sources"))
    stated = (
        frame.group_by("entity", "attribute")
        .agg(pl.col("source").unique().sort().alias("present"), pl.col("idx").first())
        .join(n_docs, on="entity")
        .with_columns(pl.col("present").list.len().alias("n"))
        .filter(
            (pl.col("n") >= 2)
            & (pl.col("n") * 2 >= pl.col("n_sources"))
            & (pl.col("n") < pl.col("n_sources"))
        )
    )
    everyone = docs.group_by("entity").agg(pl.col("source").sort().alias("all"))
    stated = stated.join(everyone, on="entity").with_columns(
        pl.col("all").list.set_difference("present").list.sort().alias("missing")
    )
    findings = []
    idx_of = frame.group_by("entity", "attribute").agg("idx")
    lists = {(r["entity"], r["attribute"]): r["idx"] for r in idx_of.iter_rows(named=True)}
    for r in stated.sort("entity", "attribute").iter_rows(named=True):
        detail = f"stated by {listing(r['present'])}, not by {listing(r['missing'])}"
        findings.append(
            Finding(
                "AU007",
                r["entity"],
                r["attribute"],
                "",
                tuple(lists[(r["entity"], r["attribute"])]),
                detail,
            )
        )
    return findings
