"""Plain numbers (a city's population, a weight): "1,234,567", "1 234 567", "8.4", "-3".

Thousands separators (commas, spaces, thin and no-break spaces) are dropped; text that is not
one number is no value. Used where a column holds a quantity that is neither money nor a count
of something that grows (those have their own kinds).
"""

from __future__ import annotations

import re

import polars as pl

_SEPARATORS = r"[,\u00a0\u202f\u2009 ]"
PATTERN = r"^[+-]?(?:\d{1,3}(?:" + _SEPARATORS + r"\d{3})+|\d+)(?:\.\d+)?$"
_NUMBER = re.compile(PATTERN)


def parse_number(text: str) -> float | None:
    s = text.strip()
    if not _NUMBER.match(s):
        return None
    return float(re.sub(_SEPARATORS, "", s))


def number_expr(text: pl.Expr) -> pl.Expr:
    """`parse_number` over a column of text: Float64, null where it is not a number."""
    s = text.str.strip_chars()
    return pl.when(s.str.contains(PATTERN)).then(
        s.str.replace_all(_SEPARATORS, "").cast(pl.Float64, strict=False)
    )
