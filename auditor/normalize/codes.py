"""Identifiers and codes (gates, stands, platforms): "Terminal 2 - 2B" -> "2B", " c24" -> "C24".

The code is the text after the last " - " (a label before it names where, not what), with
the words a column says to drop removed (e.g. "gate"), spaces removed, upper-cased. A code
holds a digit; text without one ("Not provided by airline", "Terminal B") is no value.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import polars as pl


def _drop_pattern(drop: Sequence[str]) -> str | None:
    words = "|".join(re.escape(w) for w in drop if w)
    return rf"(?i)\b(?:{words})\b" if words else None


def parse_code(text: str, drop: Sequence[str] = ()) -> str | None:
    """The normalized code, or None when `text` holds none."""
    s = text.rsplit(" - ", 1)[-1]
    pattern = _drop_pattern(drop)
    if pattern:
        s = re.sub(pattern, "", s)
    s = re.sub(r"\s+", "", s).upper()
    return s if re.search(r"\d", s) else None


def code_expr(text: pl.Expr, drop: Sequence[str] = ()) -> pl.Expr:
    """`parse_code` over a column of text."""
    s = text.str.split(" - ").list.last()
    pattern = _drop_pattern(drop)
    if pattern:
        s = s.str.replace_all(pattern, "")
    s = s.str.replace_all(r"\s+", "").str.to_uppercase()
    return pl.when(s.str.contains(r"\d")).then(s)
