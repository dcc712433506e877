"""Names, one per claim (a genre, a director): a list attribute's members, compared folded,
as sets."""

from __future__ import annotations

from auditor.kinds.base import (
    Learned,
    ValueKind,
    clean_expr,
    clean_text,
    expr_cells,
    folded_names,
    listed,
)

KIND = ValueKind(
    name="names",
    parse=clean_text,
    cells=expr_cells(lambda member, column: clean_expr(member)),
    typed=folded_names,
    column=listed,
    member=True,
    comparator="sets",
    truth=Learned("names"),
    cased=True,
)
