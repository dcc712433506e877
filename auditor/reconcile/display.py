"""Values as a reviewer reads them: "15 Oct 2004", "$21,350,112", "$12M–$16M", "7.1/10"."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import polars as pl

from auditor.normalize.times import show_time

_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def money(amount: float, currency: str = "USD") -> str:
    sign = {"USD": "$", "GBP": "£", "EUR": "€", "JPY": "¥"}.get(currency, currency + " ")
    if amount >= 1_000_000 and amount % 100_000 == 0:
        return f"{sign}{amount / 1_000_000:g}M"
    return f"{sign}{amount:,.0f}"


def date(iso: str) -> str:
    parts = iso.split("-")
    if len(parts) == 3:
        d = dt.date.fromisoformat(iso)
        return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"
    if len(parts) == 2:
        return f"{_MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return iso


def show(kind: str, value: Any) -> str:
    """One value of an attribute of `kind`, for explanations and the report matrix."""
    try:
        if kind == "date":
            return date(value)
        if kind == "duration":
            return f"{value} min"
        if kind == "count":
            return f"{value:,}"
        if kind == "score":
            return f"{value['value']:g}/{value['scale']:g}"
        if kind == "money":
            cur = value.get("currency", "USD")
            if "amount" in value:
                return money(value["amount"], cur)
            if value["low"] == value["high"]:
                return money(value["low"], cur)
            return f"{money(value['low'], cur)}–{money(value['high'], cur)}"
        if kind == "cast":
            return f"{value['actor']} as {value['character']}"
        if kind == "time":
            return show_time(value)
        if kind == "number":
            return f"{value:,}"
        if kind == "nameset" and isinstance(value, list):
            return ", ".join(value)
    except (KeyError, TypeError, ValueError):
        pass
    return str(value)


def listing(items: Sequence[str]) -> str:
    """'imdb', 'imdb and wikipedia', 'imdb, movieblog and wikipedia': repeats dropped."""
    if len(items) == 1:
        return items[0]
    return _listing(tuple(items))


@lru_cache(maxsize=4096)
def _listing(items: tuple[str, ...]) -> str:
    # Explanations list the same few sources over and over: each listing is joined once.
    distinct = list(dict.fromkeys(items))
    if len(distinct) <= 2:
        return " and ".join(distinct)
    return ", ".join(distinct[:-1]) + " and " + distinct[-1]


def listing_expr(items: pl.Expr) -> pl.Expr:
    """`listing` of a list column whose items are already distinct: "a, b and c"."""
    n = items.list.len()
    return (
        pl.when(n <= 2)
        .then(items.list.join(" and "))
        .otherwise(
            pl.concat_str(
                items.list.head(n - 1).list.join(", "), pl.lit(" and "), items.list.last()
            )
        )
    )
