"""Values as a reviewer reads them: "15 Oct 2004", "$21,350,112", "$12M–$16M", "7.1/10"."""

from __future__ import annotations

from typing import Any

import polars as pl

from auditor import kinds
from auditor.kinds.date import show as date
from auditor.kinds.money import amount as money

__all__ = ["date", "form_expr", "listing_expr", "money", "show"]


def show(kind: str, value: Any) -> str:
    """One value of an attribute of `kind`, for explanations and the report matrix: the kind's
    own `show` (auditor.kinds), followed by the unit of measure a kind written "number:g"
    (AttributeSpec.shows) names; a value that is not of its kind's form reads as its text."""
    kind, _, unit = kind.partition(":")
    try:
        text = kinds.get(kind).show(value)
    except (KeyError, TypeError, ValueError):
        return str(value)
    return f"{text} {unit}" if unit else text


def listing_expr(items: pl.Expr) -> pl.Expr:
    """`catalog.listing` of a list column whose items are already distinct: "a, b and c"."""
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


def form_expr(value: pl.Expr) -> pl.Expr:
    """In an aggregation over one key's claims, one per source: the form most sources write
    it in (accented, over the one site that drops accents), ties to the smallest, which sorts
    capitals first (a page that keeps them over one that lower-cases everything)."""
    return value.mode().min()
