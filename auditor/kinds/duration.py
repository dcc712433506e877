"""Running times in whole minutes (normalize.durations)."""

from __future__ import annotations

from auditor.kinds.base import WHOLE, Learned, ValueKind, measured, text_cells, with_unit
from auditor.normalize.durations import parse_duration

KIND = ValueKind(
    name="duration",
    parse=parse_duration,
    cells=text_cells(with_unit(parse_duration)),
    typed=measured,
    column=WHOLE,
    comparator="scalar",
    truth=Learned("number", relative=False),
    show=lambda minutes: f"{minutes} min",
    bare='unit = "min"',
)
