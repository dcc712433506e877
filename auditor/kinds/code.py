"""Identifiers (gates, stands): compared exactly, as normalize.codes normalized them."""

from __future__ import annotations

import polars as pl

from auditor.kinds.base import VALUE, Learned, ValueKind, expr_cells, first_as, json_text
from auditor.normalize.codes import code_expr, parse_code

KIND = ValueKind(
    name="code",
    parse=parse_code,
    cells=expr_cells(lambda member, column: json_text(code_expr(member, column.drop))),
    typed=lambda frame, v: frame.with_columns(name=v.str.json_decode(pl.String)).with_columns(
        key=pl.col("name")
    ),
    column=first_as(VALUE.str.json_decode(pl.String)),
    comparator="measures",
    truth=Learned("code"),
)
