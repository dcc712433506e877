"""A cast entry: {"actor": ..., "character": ...}; the actor is the set's member (`name`,
`key`), the role rides beside it (`name2`, `key2`)."""

from __future__ import annotations

import polars as pl

from auditor.kinds.base import (
    Learned,
    ValueKind,
    clean_expr,
    clean_text,
    expr_cells,
    fold_expr,
    person_key,
)


def _typed(frame: pl.LazyFrame, v: pl.Expr) -> pl.LazyFrame:
    s = v.str.json_decode(pl.Struct({"actor": pl.String, "character": pl.String}))
    return frame.with_columns(
        name=s.struct.field("actor"), name2=s.struct.field("character")
    ).with_columns(
        key=person_key(fold_expr(pl.col("name"))), key2=fold_expr(pl.col("name2"))
    )


KIND = ValueKind(
    name="cast",
    parse=clean_text,  # a table's cell names the actor alone
    cells=expr_cells(lambda member, column: clean_expr(member)),
    typed=_typed,
    column=lambda claims, spec: None,  # pairs of names: no column the suites check
    composite=True,
    member=True,
    comparator="sets",
    truth=Learned("names"),
    show=lambda v: f"{v['actor']} as {v['character']}",
)
