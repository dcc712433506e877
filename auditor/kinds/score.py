"""Scores with their scale: {"value": 7.1, "scale": 10} (normalize.scores)."""

from __future__ import annotations

import re
from typing import Any

import polars as pl

from auditor.kinds.base import KEY, VALUE, Learned, ValueKind, first, text_cells
from auditor.normalize.scores import parse_score

_STRUCT = pl.Struct({"value": pl.Float64, "scale": pl.Float64})


_STARS = re.compile(r"(?i)\s*(?P<v>\d+(?:[.,]\d+)?)\s*(?P<stars>stars?)?\s*")


def _cell(text: str, column) -> Any:
    """A score, or a bare number in a column whose unit is the scale ("7.1" in "/10"); a
    count of stars without its scale ("4.5 stars", as shops and review sites write a rating)
    is out of the column's unit, else out of five."""
    v = parse_score(text)
    if v is not None:
        return v
    m = _STARS.fullmatch(text)
    if m and (column.unit or m["stars"]):
        scale = column.unit.lstrip("/ ") if column.unit else "5"
        return parse_score(f"{m['v']}/{scale}")
    return None


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
    # a share of the scale, as the comparator reads the tolerance: 0.01 is 0.05 of 5 stars
    truth=Learned("number", relative=False),
    show=lambda v: f"{v['value']:g}/{v['scale']:g}",
    bare='unit = "10"',
)
