"""Dates at the precision stated: "2004", "2004-11", "2004-11-05" (normalize.dates)."""

from __future__ import annotations

import datetime as dt

import polars as pl

from auditor.kinds.base import KEY, VALUE, ValueKind, per_value
from auditor.normalize.dates import numeric_order, parse_date

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


def _cells(cells: pl.DataFrame, column, attr) -> pl.DataFrame:
    """A column's dates, those of numbers alone read in the order the column's own
    unambiguous dates show (normalize.dates.numeric_order)."""
    members = cells.get_column("member")
    order = numeric_order(members.unique().drop_nulls().to_list())
    return cells.with_columns(value=per_value(members, lambda t: parse_date(t, order)))


KIND = ValueKind(
    name="date",
    parse=parse_date,
    cells=_cells,
    typed=lambda frame, v: frame.with_columns(key=v.str.json_decode(pl.String)),
    column=_column,
    comparator="dates",
    show=show,
)
