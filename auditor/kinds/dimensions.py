"""Dimensions: lengths measured together, as catalogs give a product's or a parcel's size
("30 x 20 x 10 cm", '11.8" x 7.9" x 3.9"', "300×200×100 mm", "63,7 × 60,5 cm"): a list of
lengths in the attribute's unit of measure (`unit = "cm"`; normalize.units converts each
length, a figure without a unit taking the last one's, else the column's or the attribute's).

Two statements of one size agree when their products (a box's volume, a sheet's area) are
within the attribute's tolerance, as numbers are compared: a wrong side changes the product as
much as it is wrong, and the rounding of a conversion (11.8 in is 29.97 cm) stays within it.
"""

from __future__ import annotations

import math
import re

import polars as pl

from auditor.kinds.base import VALUE, Learned, ValueKind, first_as
from auditor.kinds.values import dump
from auditor.normalize.numbers import decimal_mark, point_decimal_text
from auditor.normalize.units import quantity

_BY = re.compile(r"\s*[x×X*]\s*")
_UNIT_AFTER = re.compile(r"^[+\-]?[\d.,]+\s*(?P<unit>\D.*?)\s*$")


def parse(text: str, unit: str, bare: str | None = None) -> list[float] | None:
    """The lengths of "A x B x C unit" in `unit` (two to four of them); None otherwise."""
    parts = _BY.split(text.strip())
    if not 2 <= len(parts) <= 4 or not all(parts):
        return None
    after = _UNIT_AFTER.match(parts[-1])
    shared = after["unit"] if after else bare
    sides = [quantity(p, unit, shared) for p in parts]
    if any(s is None or not math.isfinite(s) or s <= 0 for s in sides):
        return None
    return [int(s) if float(s).is_integer() else s for s in sides]


def _cells(cells: pl.DataFrame, column, attr) -> pl.DataFrame:
    """Each distinct cell's lengths (a column of decimal commas read so); without a declared
    unit of measure no cell is read."""
    members = cells.get_column("member")
    texts = members.unique().drop_nulls().to_list()
    comma = decimal_mark(texts) == ","
    values: dict[str, str] = {}
    for text in texts if attr.unit else ():
        sides = parse(point_decimal_text(text) if comma else text, attr.unit, column.unit)
        if sides is not None:
            values[text] = dump(sides)
    return cells.with_columns(
        value=members.replace_strict(values, default=None, return_dtype=pl.String)
    )


def _typed(frame: pl.LazyFrame, v: pl.Expr) -> pl.LazyFrame:
    """`num` the product of the lengths; the key the lengths themselves."""
    sides = v.str.json_decode(pl.List(pl.Float64))
    return frame.with_columns(
        num=sides.list.eval(pl.element().log()).list.sum().exp(),
        key=sides.list.eval(pl.element().cast(pl.String)).list.join(" x "),
    )


def show(sides: list) -> str:
    return " × ".join(f"{s:,}" for s in sides)


KIND = ValueKind(
    name="dimensions",
    parse=lambda text: parse(text, "m"),
    cells=_cells,
    typed=_typed,
    column=first_as(VALUE),
    comparator="measures",
    compares_as="number",
    truth=Learned("measure"),  # (a product's digits are no precision: no rounding rule)
    show=show,
)
