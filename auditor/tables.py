"""Per-source tables: one row per entity, one typed column per attribute, pivoted from claims.

Dates are dates, money is numbers beside a scope column, runtimes are minutes, ratings keep
their scale, counts are integers; list attributes (genres, people) are list columns. Each row
keeps the document it came from and, when known, when that document was captured, so that an
expectation's unexpected values can name their documents.
"""

from __future__ import annotations

import polars as pl

from auditor.claims import EDITORIAL

SCALARS = {
    "title": "text",
    "year": "int",
    "runtime": "int",
    "mpaa_rating": "text",
    "rating_votes": "int",
    "filming_location": "text",
    "user_review_count": "int",
    "critic_review_count": "int",
}
DATES = ("release_date", "dvd_release", "vhs_release")
LISTS = (
    "genres",
    "director",
    "writers",
    "stars",
    "producers",
    "cinematographer",
    "editor",
    "distributor",
    "country",
    "language",
    "character",
    "also_known_as",
)
SCORES = ("user_rating", "critic_score")

_KEY = ["source", "entity"]
_FILM = {*SCALARS, *DATES, *LISTS, *SCORES, "budget", "gross", "cast"}
_SCORE = pl.Struct({"value": pl.Float64, "scale": pl.Float64})
_BUDGET = pl.Struct({"low": pl.Float64, "high": pl.Float64, "currency": pl.String})
_GROSS = pl.Struct({"amount": pl.Float64, "currency": pl.String})


def _date(text: pl.Expr) -> pl.Expr:
    """ISO at any precision to a date: a year or month stands for its last day, so that
    'not after the capture date' never fails on precision alone."""
    n = text.str.len_chars()
    full = pl.when(n == 10).then(text).when(n == 7).then(text + "-01").otherwise(text + "-12-31")
    d = full.str.to_date("%Y-%m-%d", strict=False)
    return pl.when(n == 7).then(d.dt.month_end()).otherwise(d)


class _Claims:
    """Editorial claims split by attribute once, so each column costs one small frame."""

    def __init__(self, claims: pl.DataFrame) -> None:
        ed = claims.filter(pl.col("origin") == EDITORIAL)
        self.all = ed
        self._empty = ed.clear()
        self._parts = {k[0]: v for k, v in ed.partition_by("attribute", as_dict=True).items()}

    def of(self, attribute: str) -> pl.DataFrame:
        return self._parts.get(attribute, self._empty)

    def first(self, attribute: str, where: pl.Expr | None = None) -> pl.DataFrame:
        """The first claim per (source, entity), in page order."""
        frame = self.of(attribute)
        if where is not None:
            frame = frame.filter(where)
        return frame.sort(*_KEY, "span_start").unique(_KEY, keep="first", maintain_order=True)


def build(claims: pl.DataFrame, captured: dict[str, str] | None = None) -> dict[str, pl.DataFrame]:
    """source -> its table. Only editorial claims: user reviews are not the site's data."""
    c = _Claims(claims)
    cap = pl.DataFrame(
        {"document": list((captured or {}).keys()), "captured": list((captured or {}).values())},
        schema={"document": pl.String, "captured": pl.String},
    )
    base = (
        c.all.unique(_KEY, keep="first")
        .select(*_KEY, "document")
        .join(cap, on="document", how="left")
        .with_columns(
            capture_year=pl.col("captured").str.slice(0, 4).cast(pl.Int64, strict=False),
            capture_date=_date(pl.col("captured")),
        )
        .drop("captured")
    )
    value = pl.col("value")
    parts = []
    for attribute, kind in SCALARS.items():
        decoded = (
            value.str.json_decode(pl.Float64).cast(pl.Int64)
            if kind == "int"
            else value.str.json_decode(pl.String)
        )
        parts.append(c.first(attribute).select(*_KEY, decoded.alias(attribute)))
    for attribute in DATES:
        parts.append(
            c.of(attribute)
            .group_by(_KEY)
            .agg(_date(value.str.json_decode(pl.String)).min().alias(attribute))
        )
    # The critic score column is the Metascore, or a score that names no site.
    metascore = pl.col("qualifier").is_null() | (pl.col("qualifier") == "metacritic")
    for attribute in SCORES:
        score = value.str.json_decode(_SCORE)
        first = c.first(attribute, metascore if attribute == "critic_score" else None)
        parts.append(
            first.select(
                *_KEY,
                score.struct.field("value").alias(attribute),
                score.struct.field("scale").alias(f"{attribute}_scale"),
            )
        )
    budget = value.str.json_decode(_BUDGET)
    parts.append(
        c.first("budget").select(
            *_KEY,
            budget.struct.field("low").cast(pl.Int64).alias("budget_low"),
            budget.struct.field("high").cast(pl.Int64).alias("budget_high"),
            (pl.col("qualifier") == "estimated").fill_null(False).alias("budget_estimated"),
        )
    )
    gross = value.str.json_decode(_GROSS)
    parts.append(
        c.first("gross").select(
            *_KEY,
            gross.struct.field("amount").cast(pl.Int64).alias("gross"),
            pl.col("qualifier").alias("gross_scope"),
        )
    )
    for attribute in LISTS:
        parts.append(
            c.of(attribute)
            .group_by(_KEY, maintain_order=True)
            .agg(value.str.json_decode(pl.String).unique(maintain_order=True).alias(attribute))
        )
    parts += _declared(c)
    table = base
    for part in parts:
        table = table.join(part, on=_KEY, how="left")
    return {
        source: frame.drop("source").sort("entity")
        for (source,), frame in table.partition_by("source", as_dict=True).items()
    }


def _declared(c: _Claims) -> list[pl.DataFrame]:
    """Columns for the attributes a configuration declares (flight times, gates, a city's
    population): the first value per (source, entity), typed as its JSON reads (integers,
    numbers, text, lists of names)."""
    parts = []
    for attribute in sorted(set(c.all.get_column("attribute").unique().to_list()) - _FILM):
        first = c.of(attribute).sort(*_KEY, "row", "span_start").unique(_KEY, keep="first")
        parts.append(first.select(*_KEY, _decoded(first.get_column("value")).alias(attribute)))
    return parts


def _decoded(values: pl.Series) -> pl.Expr:
    """JSON values of one attribute, typed by what they all are."""
    value = pl.col("value")
    if values.str.contains(r"^-?\d+$").all():
        return value.cast(pl.Int64)
    if values.str.contains(r"^-?[\d.eE+-]+$").all():
        return value.cast(pl.Float64)
    if values.str.starts_with("[").all():
        return value.str.json_decode(pl.List(pl.String))
    return pl.when(value.str.starts_with('"')).then(value.str.json_decode(pl.String))
