"""Running times in whole minutes (normalize.durations)."""

from __future__ import annotations

import polars as pl

from auditor.kinds.base import VALUE, Learned, ValueKind, first_as, measured, text_cells, with_unit
from auditor.normalize.durations import parse_duration

KIND = ValueKind(
    name="duration",
    parse=parse_duration,
    cells=text_cells(with_unit(parse_duration)),
    typed=measured,
    column=first_as(VALUE.str.json_decode(pl.Float64).cast(pl.Int64)),
    comparator="scalar",
    truth=Learned("number", relative=False),
    show=lambda minutes: f"{minutes} min",
)
