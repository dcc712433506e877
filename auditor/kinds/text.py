"""Free text (a title, a place): compared folded (case, accents, white space)."""

from __future__ import annotations

import polars as pl

from auditor.kinds.base import VALUE, ValueKind, clean_expr, clean_text, expr_cells, first_as
from auditor.kinds.base import folded_names as _typed

KIND = ValueKind(
    name="text",
    parse=clean_text,
    cells=expr_cells(lambda member, column: clean_expr(member)),
    typed=_typed,
    column=first_as(VALUE.str.json_decode(pl.String)),
    comparator="scalar",
    cased=True,
)
