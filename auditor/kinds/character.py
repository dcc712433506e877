"""Characters' names, one per claim: matched against the cast's roles (comparators.characters)."""

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
    name="character",
    parse=clean_text,
    cells=expr_cells(lambda member, column: clean_expr(member)),
    typed=folded_names,
    column=listed,
    member=True,
    comparator="characters",
    truth=Learned("names"),
    cased=True,
)
