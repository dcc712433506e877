"""Values compared exactly once folded (a year, a certificate): an integer when the text is
one, else the text."""

from __future__ import annotations

import re
from typing import Any

from auditor.kinds.base import ValueKind, as_json_reads, fold_expr, text_cells


def parse(text: str) -> Any:
    s = text.strip()
    return int(s) if re.fullmatch(r"-?\d{1,18}", s) else (s or None)


KIND = ValueKind(
    name="exact",
    parse=parse,
    cells=text_cells(lambda text, column: parse(text)),
    typed=lambda frame, v: frame.with_columns(key=fold_expr(v.str.strip_chars('"'))),
    column=as_json_reads,
    comparator="scalar",
    cased=True,
)
