"""A set of people's names in one value (a book's authors), keyed by its sorted surnames
(normalize.namesets)."""

from __future__ import annotations

from typing import Any

import polars as pl

from auditor.kinds.base import VALUE, Learned, ValueKind, first_as, text_cells
from auditor.normalize.namesets import parse_names

SEP = "|"  # between the surnames of a key


def _typed(frame: pl.LazyFrame, v: pl.Expr) -> pl.LazyFrame:
    """`name` the names joined, `key` their surnames sorted (normalize.namesets.names_key)."""
    names = v.str.json_decode(pl.List(pl.String))
    surnames = names.list.eval(
        pl.element()
        .str.strip_chars()
        .str.split(" ")
        .list.last()
        .str.normalize("NFKD")
        .str.replace_all("[^A-Za-z]", "")
        .str.to_lowercase()
    )
    return frame.with_columns(name=names.list.join(", "), key=surnames.list.sort().list.join(SEP))


def show(value: Any) -> str:
    return ", ".join(value) if isinstance(value, list) else str(value)


KIND = ValueKind(
    name="nameset",
    parse=parse_names,
    cells=text_cells(lambda text, column: parse_names(text)),
    typed=_typed,
    column=first_as(VALUE.str.json_decode(pl.List(pl.String))),
    comparator="measures",
    truth=Learned("names", members=SEP),  # by surnames: a partial list supports the whole
    show=show,
    split=False,  # its parser splits the names itself
)
