"""Scores with their scale: {"value": 7.1, "scale": 10} (normalize.scores)."""

from __future__ import annotations

from typing import Any

import polars as pl

from auditor.kinds.base import KEY, VALUE, Learned, ValueKind, first, text_cells
from auditor.normalize.scores import parse_score

_STRUCT = pl.Struct({"value": pl.Float64, "scale": pl.Float64})


def _cell(text: str, column) -> Any:
    """A score, or a bare number in a column whose unit is the scale ("7.1" in "/10")."""
    v = parse_score(text)
    if v is None and column.unit:
        v = parse_score(f"{text.strip()}/{column.unit.lstrip('/ ')}")
    return v


def _typed(frame: pl.LazyFrame, v: pl.Expr) -> pl.LazyFrame:
    """`num` the share of the scale, so 7.1/10 meets 71/100; `low` the value, `high` the scale."""
    s = v.str.json_decode(_STRUCT)
    return frame.with_columns(
        num=s.struct.field("value") / s.struct.field("scale"),
        low=s.struct.field("value"),
        high=s.struct.field("scale"),
    ).with_columns(key=pl.col("num").round(4).cast(pl.String))


def _column(claims: pl.DataFrame, spec) -> pl.DataFrame:
    """The value, and its scale beside it (`<name>_scale`)."""
    s = VALUE.str.json_decode(_STRUCT)
    return first(claims).select(
        *KEY,
        s.struct.field("value").alias(spec.name),
        s.struct.field("scale").alias(f"{spec.name}_scale"),
    )


KIND = ValueKind(
    name="score",
    parse=parse_score,
    cells=text_cells(_cell),
    typed=_typed,
    column=_column,
    composite=True,
    comparator="scalar",
    truth=Learned("number", relative=True),
    show=lambda v: f"{v['value']:g}/{v['scale']:g}",
    bare='unit = "10"',
)
