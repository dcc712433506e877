"""Counts of something that grows (votes, reviews): integers (normalize.counts)."""

from __future__ import annotations

from auditor.kinds.base import WHOLE, Learned, ValueKind, measured, text_cells, with_unit
from auditor.normalize.counts import parse_count

KIND = ValueKind(
    name="count",
    parse=parse_count,
    cells=text_cells(with_unit(parse_count)),
    typed=measured,
    column=WHOLE,
    comparator="scalar",
    truth=Learned("number", relative=True),
    show=lambda n: f"{n:,}",
)
