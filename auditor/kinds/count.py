"""Counts of something that grows (votes, reviews): integers (normalize.counts)."""

from __future__ import annotations

import polars as pl

from auditor.kinds.base import VALUE, Learned, ValueKind, first_as, measured, text_cells, with_unit
from auditor.normalize.counts import parse_count

KIND = ValueKind(
    name="count",
    parse=parse_count,
    cells=text_cells(with_unit(parse_count)),
    typed=measured,
    column=first_as(VALUE.str.json_decode(pl.Float64).cast(pl.Int64)),
    comparator="scalar",
    truth=Learned("number", relative=True),
    show=lambda n: f"{n:,}",
)
