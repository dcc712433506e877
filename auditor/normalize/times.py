"""Times of day as minutes after midnight: "7:10 a.m.", "2:07pDec 1", "12/1/11 2:06 PM (-05:00)",
"2011-12-01 06:56PM CST", "06:55 PM  Thu 01-Dec-2011 (Runway)", "Thu  20:00".

The first h:mm of the text is the time (seconds after it are read past: "2:05:30 p.m."); an
a/p marker right after it (a, p, am, pm, a.m., p.m., any case) makes it a 12-hour time, none a
24-hour one. Dates and time zones around it are
ignored: sources of one table state local times. Text without an h:mm ("Not Available",
"Contact Airline", "Cancelled") is no value. One pattern serves Python and polars, so a page's
text and a table's column parse alike.
"""

from __future__ import annotations

import re

import polars as pl

# The marker must not run on into a lower-case word ("7:10 apr" is not a.m.); a capital may
# follow it directly, as in "2:07pDec 1".
PATTERN = (
    r"(?P<h>\d{1,2}):(?P<m>\d{2})(?::\d{2}(?:\.\d+)?)?"
    r"\s*(?:(?P<ap>[AaPp])\.?(?:[Mm]\.?)?(?:[^a-z]|$))?"
)
_TIME = re.compile(PATTERN)
# Other ways of writing a time, rewritten as h:mm first (in Python and polars alike): an hour
# with its a.m./p.m. alone ("7 pm"), a dot before the minutes with a marker ("7.10pm"), the
# French "19h10", noon and midnight. Replacements are polars' (${n}), converted for Python.
_REWRITES = (
    (r"(^|[^:\d.])(\d{1,2})\s*([AaPp]\.?[Mm]\.?)([^a-z]|$)", "${1}${2}:00 ${3}${4}"),
    (r"(^|[^\d.])(\d{1,2})\.(\d{2})\s*([AaPp]\.?[Mm]\.?)([^a-z]|$)", "${1}${2}:${3} ${4}${5}"),
    (r"(^|\D)(\d{1,2}) ?[hH] ?(\d{2})([^\da-zA-Z]|$)", "${1}${2}:${3}${4}"),
    (r"(?i)(^|[^a-z])noon([^a-z]|$)", "${1}12:00 pm${2}"),
    (r"(?i)(^|[^a-z])midnight([^a-z]|$)", "${1}0:00${2}"),
)
_PY_REWRITES = tuple(
    (re.compile(p), re.sub(r"\$\{(\d+)\}", r"\\g<\1>", r)) for p, r in _REWRITES
)


def _rewritten(text: str) -> str:
    for pattern, replacement in _PY_REWRITES:
        text = pattern.sub(replacement, text, count=1)
    return text


def parse_time(text: str) -> int | None:
    """Minutes after midnight, or None when `text` states no time of day."""
    m = _TIME.search(text) or _TIME.search(_rewritten(text))
    if not m:
        return None
    return _minutes(int(m["h"]), int(m["m"]), (m["ap"] or "").lower())


def _minutes(h: int, m: int, ap: str) -> int | None:
    if m > 59:
        return None
    if not ap:
        return h * 60 + m if h <= 23 else None
    if not 1 <= h <= 12:
        return None
    return ((h % 12) + (12 if ap == "p" else 0)) * 60 + m


def time_expr(text: pl.Expr) -> pl.Expr:
    """`parse_time` over a column of text: Int64 minutes, null where there is no time."""
    other = text
    for pattern, replacement in _REWRITES:
        other = other.str.replace(pattern, replacement)
    text = pl.when(text.str.contains(PATTERN)).then(text).otherwise(other)
    g = text.str.extract_groups(PATTERN)
    h = g.struct.field("h").cast(pl.Int64)
    m = g.struct.field("m").cast(pl.Int64)
    ap = g.struct.field("ap").str.to_lowercase()
    twelve = ((h % 12) + pl.when(ap == "p").then(12).otherwise(0)) * 60 + m
    return (
        pl.when(m > 59)
        .then(None)
        .when(ap.is_null())
        .then(pl.when(h <= 23).then(h * 60 + m))
        .when(h.is_between(1, 12))
        .then(twelve)
        .cast(pl.Int64)
    )


def show_time(minutes: int) -> str:
    """'14:06' for 846."""
    return f"{minutes // 60:02d}:{minutes % 60:02d}"
