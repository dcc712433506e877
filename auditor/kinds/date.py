"""Dates at the precision stated: "2004", "2004-11", "2004-11-05" (normalize.dates)."""

from __future__ import annotations

import datetime as dt
import re

import polars as pl

from auditor.kinds.base import KEY, VALUE, ValueKind, per_value
from auditor.normalize.dates import MONTHS, numeric_order, parse_date

_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))

_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def show(iso: str) -> str:
    """'15 Oct 2004', 'Oct 2004', '2004'."""
    parts = iso.split("-")
    if len(parts) == 3:
        d = dt.date.fromisoformat(iso)
        return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"
    if len(parts) == 2:
        return f"{_MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return iso


def as_date(text: pl.Expr) -> pl.Expr:
    """ISO at any precision to a date: a year or month stands for its last day, so that
    'not after the capture date' never fails on precision alone."""
    n = text.str.len_chars()
    full = pl.when(n == 10).then(text).when(n == 7).then(text + "-01").otherwise(text + "-12-31")
    d = full.str.to_date("%Y-%m-%d", strict=False)
    return pl.when(n == 7).then(d.dt.month_end()).otherwise(d)


def _column(claims: pl.DataFrame, spec) -> pl.DataFrame:
    """The earliest date any claim gives (a film's first release, whatever its country)."""
    earliest = as_date(VALUE.str.json_decode(pl.String)).min()
    return claims.group_by(KEY).agg(earliest.alias(spec.name))


# A month's name between a day and a year joined by hyphens, slashes or dots, or after "of",
# as exports and registers write it ("03-Apr-1985", "3rd of April 1985", "Apr-03-1985")
_JOINED = re.compile(
    rf"(?i)^(\d{{1,2}}(?:st|nd|rd|th)?)(?:[-/.]| of )({_NAMES})\.?[-/.]((?:1[89]|2[01])\d\d)$"
    rf"|^(\d{{1,2}}(?:st|nd|rd|th)?) of ({_NAMES})\.?,? ((?:1[89]|2[01])\d\d)$"
    rf"|^({_NAMES})\.?[-/.](\d{{1,2}})[-/.]((?:1[89]|2[01])\d\d)$"
)


def _cell_date(text: str, order: str | None) -> str | None:
    """A cell's date as pages write it, else in the joined forms tables write (`_JOINED`)."""
    found = parse_date(text, order)
    if found is not None and len(found) == 10:
        return found
    m = _JOINED.match(text.strip())
    if m is None:
        return found
    day, month, year = (
        (m[1], m[2], m[3]) if m[1] else (m[4], m[5], m[6]) if m[4] else (m[8], m[7], m[9])
    )
    return parse_date(f"{day} {month} {year}", order)


def _cells(cells: pl.DataFrame, column, attr) -> pl.DataFrame:
    """A column's dates, those of numbers alone read in the order the column's own
    unambiguous dates show (normalize.dates.numeric_order)."""
    members = cells.get_column("member")
    order = numeric_order(members.unique().drop_nulls().to_list())
    return cells.with_columns(value=per_value(members, lambda t: _cell_date(t, order)))


KIND = ValueKind(
    name="date",
    parse=parse_date,
    cells=_cells,
    typed=lambda frame, v: frame.with_columns(key=v.str.json_decode(pl.String)),
    column=_column,
    comparator="dates",
    show=show,
)
