"""Free text (a title, a place): compared folded (case, accents, white space, punctuation:
"The Godfather." and "the godfather" are one text, "Mr. Smith" and "Mr Smith" too)."""

from __future__ import annotations

import polars as pl

from auditor.kinds.base import (
    VALUE,
    ValueKind,
    clean_expr,
    clean_text,
    expr_cells,
    first_as,
    folded_names,
)


def _typed(frame: pl.LazyFrame, v: pl.Expr) -> pl.LazyFrame:
    unpunctuated = pl.col("key").str.replace_all(r"[\p{P}\p{S}]+", " ").str.replace_all(" +", " ")
    return folded_names(frame, v).with_columns(
        # a text of punctuation alone keeps its folded form
        key=pl.when(unpunctuated.str.strip_chars() != "")
        .then(unpunctuated.str.strip_chars())
        .otherwise(pl.col("key"))
    )


KIND = ValueKind(
    name="text",
    parse=clean_text,
    cells=expr_cells(lambda member, column: clean_expr(member)),
    typed=_typed,
    column=first_as(VALUE.str.json_decode(pl.String)),
    comparator="scalar",
    cased=True,
)
