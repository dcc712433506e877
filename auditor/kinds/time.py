"""Times of day in minutes after midnight (normalize.times); compared on a clock."""

from __future__ import annotations

import polars as pl

from auditor.kinds.base import VALUE, Learned, ValueKind, expr_cells, first_as
from auditor.normalize.times import parse_time, show_time, time_expr


def _typed(frame: pl.LazyFrame, v: pl.Expr) -> pl.LazyFrame:
    """Minutes after midnight; keys zero-padded so that they sort as the times do."""
    return frame.with_columns(num=v.cast(pl.Float64, strict=False)).with_columns(
        key=pl.col("num").cast(pl.Int64).cast(pl.String).str.zfill(4)
    )


KIND = ValueKind(
    name="time",
    parse=parse_time,
    cells=expr_cells(lambda member, column: time_expr(member).cast(pl.String)),
    typed=_typed,
    column=first_as(VALUE.cast(pl.Int64)),
    comparator="measures",
    truth=Learned("time", relative=False),
    show=show_time,
)
