"""Plain quantities (a population, a weight): an integer when whole (normalize.numbers);
compared within an absolute or relative tolerance."""

from __future__ import annotations

import math
import re

import polars as pl

from auditor.kinds.base import Learned, ValueKind, as_json_reads
from auditor.kinds.values import dump
from auditor.normalize.numbers import (
    decimal_mark,
    number_expr,
    parse_number,
    point_decimal,
    point_decimal_text,
    scale_of,
)
from auditor.normalize.units import quantity


def parse(text: str) -> int | float | None:
    """parse_number, integral values as integers: one JSON form for 82 and 82.0."""
    n = parse_number(text)
    if n is None or not math.isfinite(n):
        return None
    return int(n) if n.is_integer() and abs(n) < 1e15 else n


def _cells(cells: pl.DataFrame, column, attr) -> pl.DataFrame:
    """A column's unit is read past where a cell writes it ("72°F", "72 °F" in a "°F" column);
    a column that writes decimal commas is read so ("1.234,5"). An attribute that declares
    its unit takes every cell in it, converted from the unit the cell (or else the column)
    states (normalize.units)."""
    member = pl.col("member")
    comma = decimal_mark(cells.get_column("member").drop_nulls().to_list()) == ","
    if attr.unit:
        members = cells.get_column("member")
        return cells.with_columns(value=_quantities(members, column, attr, comma))
    if comma:
        member = point_decimal(member)
    return cells.with_columns(value=_number(member, column))


def _quantities(members: pl.Series, column, attr, comma: bool) -> pl.Series:
    """Each distinct cell's quantity in the attribute's unit, as the JSON text of a number."""
    values: dict[str, str] = {}
    for text in members.unique().drop_nulls().to_list():
        n = quantity(point_decimal_text(text) if comma else text, attr.unit, column.unit)
        if n is not None and math.isfinite(n):
            values[text] = dump(int(n) if n.is_integer() and abs(n) < 1e15 else n)
    return members.replace_strict(values, default=None, return_dtype=pl.String)


def _number(member: pl.Expr, column) -> pl.Expr:
    """A column whose unit is a scale ("thousands", "000s", "M") multiplies the figures that
    write none of their own ("12,346" is 12,346,000; "12.3M" stays); another unit is read past
    where a cell writes it."""
    exponent = scale_of(column.unit) if column.unit else None
    if exponent:
        bare = ~member.str.contains(r"[^\W\d_]")
        member = pl.when(bare).then(
            member.str.replace(r"^(.*?\d)(\)?)\s*$", "${1}e" + str(exponent) + "${2}")
        ).otherwise(member)
    elif column.unit:
        member = member.str.replace(r"(?i)\s*" + re.escape(column.unit.strip()) + r"\s*$", "")
    n = number_expr(member)
    integral = n.is_finite() & (n == n.floor()) & (n.abs() < 1e15)
    return (
        pl.when(integral)
        .then(n.cast(pl.Int64).cast(pl.String))
        .when(n.is_finite())  # "1e400" overflows: no value
        .then(n.cast(pl.String))
    )


def _typed(frame: pl.LazyFrame, v: pl.Expr) -> pl.LazyFrame:
    return frame.with_columns(num=v.cast(pl.Float64, strict=False)).with_columns(
        key=pl.col("num").cast(pl.String)
    )


KIND = ValueKind(
    name="number",
    parse=parse,
    cells=_cells,
    typed=_typed,
    column=as_json_reads,  # integers if every value is whole, else floats
    comparator="measures",
    truth=Learned("number"),
    show=lambda n: f"{n:,}",
)
