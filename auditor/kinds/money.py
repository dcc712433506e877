"""Money in the currency the page states: a range {"low", "high", "currency"} where the
qualifier only flags an estimate (a budget), else an amount {"amount", "currency"} whose
qualifier is its scope (a gross) (normalize.money)."""

from __future__ import annotations

import polars as pl

from auditor.kinds.base import KEY, VALUE, Learned, ValueKind, first
from auditor.kinds.values import dump
from auditor.normalize.money import parse_cell_money, parse_money, whole_or_cents
from auditor.normalize.numbers import decimal_mark, parse_number, point_decimal_text

_STRUCT = pl.Struct(
    {"low": pl.Float64, "high": pl.Float64, "amount": pl.Float64, "currency": pl.String}
)
_SIGNS = {"USD": "$", "GBP": "£", "EUR": "€", "JPY": "¥"}
_RUN = r",?(?:original run|re-release)$"  # the release a gross was taken in, after its scope


def amount(value: float, currency: str = "USD") -> str:
    """'$21,350,112', '$12M', 'FRF 40M', '$1.02B', 'KRW 8.6B', '$12.34'."""
    sign = _SIGNS.get(currency, currency + " ")
    if 1_000_000_000 <= value < 1_000_000_000_000 and value % 1_000_000 == 0:
        return f"{sign}{value / 1_000_000_000:g}B"
    if value >= 1_000_000 and value % 100_000 == 0:
        return f"{sign}{value / 1_000_000:g}M"
    return f"{sign}{value:,.0f}" if value == round(value) else f"{sign}{value:,.2f}"


def show(value: dict) -> str:
    cur = value.get("currency", "USD")
    if "amount" in value:
        return amount(value["amount"], cur)
    if value["low"] == value["high"]:
        return amount(value["low"], cur)
    return f"{amount(value['low'], cur)}–{amount(value['high'], cur)}"


def _cells(cells: pl.DataFrame, column, attr) -> pl.DataFrame:
    """As pages state it; a bare amount or range in a column of one currency is in that
    currency. The qualifier is the scope the text names, unless the column gives one. A range
    ("$41.02 - $42.10") is one claim's value only where the attribute keeps ranges
    (`qualifier = "flag"`)."""
    ranged = attr.qualifier == "flag"
    values: dict[str, str | None] = {}
    notes: dict[str, str | None] = {}
    texts = cells.get_column("member").unique().drop_nulls().to_list()
    comma = decimal_mark(texts) == ","
    for text in texts:
        m = parse_cell_money(text, comma)
        number = (
            parse_number(point_decimal_text(text) if comma else text)
            if m is None and column.currency
            else None
        )
        bare = None if number is None else whole_or_cents(number)
        if m is None and bare is None and column.currency:
            # a bare range or scaled amount ("41.02 - 42.10", "1.2 billion") in the column's
            # currency, read as if the currency stood before it
            m = parse_cell_money(f"{column.currency} {text}", comma)
        if m is not None and not ranged and m.high != m.low:
            # a range where each claim is one amount: no value (the table's note shows it)
            # rather than its low end; `qualifier = "flag"` keeps an attribute's ranges
            values[text] = notes[text] = None
            continue
        if m is not None:
            low, high, currency, estimated, scope = m.low, m.high, m.currency, m.estimated, m.scope
        elif bare is not None:
            low = high = bare
            currency, estimated, scope = column.currency, False, None
        else:
            values[text] = notes[text] = None
            continue
        if ranged:
            values[text] = dump({"low": low, "high": high, "currency": currency})
            notes[text] = "estimated" if estimated else None
        else:
            values[text] = dump({"amount": low, "currency": currency})
            notes[text] = scope
    members = cells.get_column("member")
    return cells.with_columns(
        value=members.replace_strict(values, default=None, return_dtype=pl.String),
        qualifier=pl.coalesce(
            "qualifier", members.replace_strict(notes, default=None, return_dtype=pl.String)
        ),
    )


def _typed(frame: pl.LazyFrame, v: pl.Expr) -> pl.LazyFrame:
    """`low`..`high` (an amount is both), `num` their middle; equal keys: same currency and
    range."""
    s = v.str.json_decode(_STRUCT)
    low = pl.coalesce(s.struct.field("low"), s.struct.field("amount"))
    high = pl.coalesce(s.struct.field("high"), s.struct.field("amount"))
    return frame.with_columns(low=low, high=high).with_columns(
        num=(pl.col("low") + pl.col("high")) / 2,
        key=pl.format("{}:{}-{}", s.struct.field("currency"), _exact("low"), _exact("high")),
    )


def _exact(column: str) -> pl.Expr:
    """An amount as text that tells cents apart: '12', '12.34'."""
    x = pl.col(column)
    return pl.when(x == x.round(0)).then(x.cast(pl.Int64).cast(pl.String)).otherwise(
        x.round(2).cast(pl.String)
    )


def _whole(frame: pl.DataFrame, *columns: str) -> pl.DataFrame:
    """Amount columns as integers, unless one holds cents (then every one stays a float)."""
    if all((frame.get_column(c).drop_nulls() % 1 == 0).all() for c in columns):
        return frame.with_columns(pl.col(*columns).cast(pl.Int64))
    return frame


def _column(claims: pl.DataFrame, spec) -> pl.DataFrame:
    """A range: `<name>_low`, `<name>_high`, `<name>_estimated`; an amount: `<name>` and the
    scope it is for, `<name>_scope`."""
    name = spec.name
    if spec.qualifier == "flag":
        s = VALUE.str.json_decode(
            pl.Struct({"low": pl.Float64, "high": pl.Float64, "currency": pl.String})
        )
        ranges = first(claims).select(
            *KEY,
            s.struct.field("low").alias(f"{name}_low"),
            s.struct.field("high").alias(f"{name}_high"),
            (pl.col("qualifier") == "estimated").fill_null(False).alias(f"{name}_estimated"),
        )
        return _whole(ranges, f"{name}_low", f"{name}_high")
    s = VALUE.str.json_decode(pl.Struct({"amount": pl.Float64, "currency": pl.String}))
    amounts = first(claims).select(
        *KEY,
        s.struct.field("amount").alias(name),
        # the scope alone: "usa,re-release" (one run's gross) is a gross in the USA
        pl.col("qualifier").str.replace(_RUN, "").replace("", None).alias(f"{name}_scope"),
    )
    return _whole(amounts, name)


KIND = ValueKind(
    name="money",
    parse=parse_money,
    cells=_cells,
    typed=_typed,
    column=_column,
    composite=True,
    comparator="scalar",
    truth=Learned("number", relative=True, unit="currency"),
    show=show,
    bare='currency = "USD"',
)
