"""Counts of something that grows (votes, reviews): integers (normalize.counts)."""

from __future__ import annotations

import re

import polars as pl

from auditor.kinds.base import WHOLE, Learned, ValueKind, measured, per_value, with_unit
from auditor.normalize.counts import parse_count
from auditor.normalize.numbers import decimal_mark, point_decimal_text

_DOT_GROUP = re.compile(r"\d\.\d{3}(?!\d)")


def _cells(cells: pl.DataFrame, column, attr) -> pl.DataFrame:
    """Counts as pages write them; a column that groups thousands with dots ("97.495", no
    count having decimals) or writes decimal commas is read so."""
    members = cells.get_column("member")
    parse = with_unit(parse_count)
    texts = members.drop_nulls().to_list()
    mark = decimal_mark(texts)
    if mark == "," or (mark is None and any(_DOT_GROUP.search(t) for t in texts)):
        return cells.with_columns(
            value=per_value(members, lambda t: parse(point_decimal_text(t), column))
        )
    return cells.with_columns(value=per_value(members, lambda t: parse(t, column)))


KIND = ValueKind(
    name="count",
    parse=parse_count,
    cells=_cells,
    typed=measured,
    column=WHOLE,
    comparator="scalar",
    truth=Learned("number", relative=True),
    show=lambda n: f"{n:,}",
)
