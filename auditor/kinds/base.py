"""What a value kind is, and the building blocks its modules share.

A kind says everything the pipeline does with values of one form, so that a new form is one
module: how text is parsed (a page's fact), how a table's column of cells is parsed, which
typed columns reconciliation compares (`key`: equal keys are the same value; `num`, `low`,
`high` for measures; `name`, `key2`, `name2` for names), how a value reads in a report, what
column the validation tables give it, which comparator compares it (and with which of its
comparisons: `compares`), and how truth discovery compares it (`truth`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import polars as pl

from auditor.kinds.values import dump
from auditor.normalize.names import LETTERS

if TYPE_CHECKING:
    from auditor.attributes import AttributeSpec
    from auditor.tablespec import ColumnSpec

# (cells with their text in `member` and `qualifier`, the column's hints, the attribute) ->
# the cells with `value` (canonical JSON text, null: no value) and, if the kind says, `qualifier`.
CellParser = Callable[[pl.DataFrame, "ColumnSpec", "AttributeSpec"], pl.DataFrame]
# (distinct values of the kind's attributes, the `value` column) -> with the typed columns.
Typed = Callable[[pl.LazyFrame, pl.Expr], pl.LazyFrame]
# (the editorial claims of one attribute, its spec) -> its validation columns keyed by
# source and entity, or None when the tables leave the attribute out.
Column = Callable[[pl.DataFrame, "AttributeSpec"], "pl.DataFrame | None"]

KEY = ["source", "entity"]
VALUE = pl.col("value")
# The claim columns a `Column` reads (the validation tables hand it no others: the rest, a
# page's context sentences above all, would be copied for nothing).
COLUMN_READS = (*KEY, "value", "qualifier", "row", "span_start")


@dataclass(frozen=True)
class Learned:
    """How truth discovery (auditor.truth) compares a kind's values: `kind` is one of
    truth.KINDS; an attribute's tolerance is relative to the value when `relative` says so,
    or as the attribute says when it is None; a value whose key joins members (a name set's
    surnames) is compared by them, so that a partial list supports the whole."""

    kind: str = "exact"
    relative: bool | None = None
    members: str = ""  # a single value's key lists its members, joined by this (for `names`)
    # a value's field naming its unit ("currency"): figures in different units are different
    # quantities, so an item's figures are compared in the unit most of its sources state
    unit: str = ""


@dataclass(frozen=True)
class ValueKind:
    name: str
    parse: Callable[[str], Any]  # a fact's text -> its value, None when not of this kind
    cells: CellParser  # a table's column of cells at once (or once per distinct text)
    typed: Typed  # reconciliation's comparison columns
    column: Column  # the validation tables' column(s)
    comparator: str  # the module of auditor.reconcile.comparators that takes its claims
    show: Callable[[Any], str] = str  # a value as a reviewer reads it
    compares_as: str = ""  # a kind whose comparison it shares (tolerances, wording); "": its own
    # how learned resolution compares it; None: as the kind it `compares_as` is, else exactly
    truth: Learned | None = None
    split: bool = True  # a column's `split` separates values (a set of names splits itself)
    cased: bool = False  # a report shows one form of values that differ only in case
    composite: bool = False  # a value is a JSON object (a score), not a value per slot
    member: bool = False  # a claim states one member of a set (a genre): resolved as a set
    # the column option that makes a table's bare number one of its values, as an example
    # ('currency = "USD"'): a note on a column of bare numbers left unread says to declare it
    bare: str = ""

    @property
    def compares(self) -> str:
        """The comparison its comparator judges this kind's claims by: a comparator that
        compares several kinds branches on this name, never on the kind's own."""
        return self.compares_as or self.name


# Cells -----------------------------------------------------------------------------------


def json_text(text: pl.Expr) -> pl.Expr:
    """Strings as JSON text (quoted, escaped), column-wise: '{"v":"..."}' without its frame."""
    return (
        pl.struct(text.alias("v"))
        .struct.json_encode()
        .str.slice(5)
        .str.head(-1)
        .replace("null", None)
    )


def per_value(members: pl.Series, parse: Callable[[str], Any]) -> pl.Series:
    """`parse` once per distinct text, as canonical JSON (None: no value)."""
    values = {}
    for text in members.unique().drop_nulls().to_list():
        v = parse(text)
        values[text] = None if v is None else dump(v)
    return members.replace_strict(values, default=None, return_dtype=pl.String)


def expr_cells(parse: Callable[[pl.Expr, ColumnSpec], pl.Expr]) -> CellParser:
    """Cells parsed column-wise by `parse` (an expression giving JSON text)."""

    def run(cells: pl.DataFrame, column: ColumnSpec, attr: AttributeSpec) -> pl.DataFrame:
        return cells.with_columns(value=parse(pl.col("member"), column))

    return run


def text_cells(parse: Callable[[str, ColumnSpec], Any]) -> CellParser:
    """Cells parsed by a text parser, once per distinct text: tables repeat their cells."""

    def run(cells: pl.DataFrame, column: ColumnSpec, attr: AttributeSpec) -> pl.DataFrame:
        members = cells.get_column("member")
        return cells.with_columns(value=per_value(members, lambda t: parse(t, column)))

    return run


def with_unit(parse: Callable[[str], Any]) -> Callable[[str, ColumnSpec], Any]:
    """`parse`, and again with the column's unit after the text ("111" in a minutes column)."""

    def run(text: str, column: ColumnSpec) -> Any:
        v = parse(text)
        if v is None and column.unit:
            v = parse(f"{text.strip()} {column.unit}")
        return v

    return run


def clean_expr(text: pl.Expr) -> pl.Expr:
    """normalize.names.clean, column-wise: white space collapsed, stray punctuation trimmed;
    as JSON text, null when nothing is left."""
    s = text.str.replace_all(r"\s+", " ").str.strip_chars(" ,;:|")
    return json_text(pl.when(s != "").then(s))


def clean_text(text: str) -> str | None:
    """normalize.names.clean of a fact's text; None when nothing is left."""
    s = " ".join(text.split()).strip(" ,;:|")
    return s or None


# Reconciliation ----------------------------------------------------------------------------


def fold_expr(col: pl.Expr) -> pl.Expr:
    """The vectorized twin of normalize.names.fold."""
    return (
        col.str.replace_all("[’‘`]", "'")
        .str.normalize("NFKD")
        .str.replace_all(r"\p{M}", "")
        .str.to_lowercase()
        .str.replace_many(list(LETTERS), list(LETTERS.values()))
        .str.replace_all(r"\s+", " ")
        .str.strip_chars()
    )


def person_key(key: pl.Expr) -> pl.Expr:
    """A folded name without the initials between its first name and the rest ("ada k.
    brook" and "ada brook" are one person, as credits write them with or without; a name
    that opens on an initial, "j. j. abrams", keeps them), and without a nickname in quotes
    inside it ('ada "dee" brook', as Thai pages add a person's nickname); a suffix written
    with or without its comma and period ("ada brook, jr." is "ada brook jr")."""
    key = key.str.replace_all(r' ["“”][^"“”]{1,30}["“”] ', " ")
    key = key.str.replace(r",? ([js]r)\.?$", " ${1}")
    return key.str.replace(r"^([^\W\d_][\w'-]+) (?:[^\W\d_]\.? )+", "${1} ")


def folded_names(frame: pl.LazyFrame, v: pl.Expr) -> pl.LazyFrame:
    """Strings compared folded: the decoded `name`, its folded `key`."""
    return frame.with_columns(name=v.str.json_decode(pl.String)).with_columns(
        key=fold_expr(pl.col("name"))
    )


def measured(frame: pl.LazyFrame, v: pl.Expr) -> pl.LazyFrame:
    """A whole number (minutes, a count): `num`, and its integer text as `key`."""
    return frame.with_columns(num=v.str.json_decode(pl.Float64)).with_columns(
        key=pl.col("num").cast(pl.Int64).cast(pl.String)
    )


# Validation tables -------------------------------------------------------------------------


def first(claims: pl.DataFrame) -> pl.DataFrame:
    """The first claim per (source, entity): in page order, or row order for a table; sorted
    by (source, entity). Sorted by the numbers first (stable, so ties keep claim order), only
    the firsts by the names: sorting every claim by its names costs three times as much."""
    return (
        claims.sort("row", "span_start", maintain_order=True)
        .unique(KEY, keep="first", maintain_order=True)
        .sort(KEY)
    )


def first_as(typed: pl.Expr) -> Column:
    """The column of the first claim's value per (source, entity), typed by `typed`."""

    def run(claims: pl.DataFrame, spec: AttributeSpec) -> pl.DataFrame:
        return first(claims).select(*KEY, typed.alias(spec.name))

    return run


# a whole number's column (minutes, counts): the stored JSON number as an integer
WHOLE = first_as(VALUE.str.json_decode(pl.Float64).cast(pl.Int64))


def as_json_reads(claims: pl.DataFrame, spec: AttributeSpec) -> pl.DataFrame:
    """The first value per (source, entity), typed by what all the attribute's values are
    (integers, numbers, lists of strings, else strings)."""
    values = claims.get_column("value")
    if values.str.contains(r"^-?\d+$").all():
        typed = VALUE.cast(pl.Int64)
    elif values.str.contains(r"^-?[\d.eE+-]+$").all():
        typed = VALUE.cast(pl.Float64)
    elif values.str.starts_with("[").all():
        typed = VALUE.str.json_decode(pl.List(pl.String))
    else:
        typed = pl.when(VALUE.str.starts_with('"')).then(VALUE.str.json_decode(pl.String))
    return first_as(typed)(claims, spec)


def listed(claims: pl.DataFrame, spec: AttributeSpec) -> pl.DataFrame:
    """A list attribute's distinct strings per (source, entity), in page order; a single one's
    first string."""
    if not spec.multi:
        return first_as(VALUE.str.json_decode(pl.String))(claims, spec)
    return claims.group_by(KEY, maintain_order=True).agg(
        VALUE.str.json_decode(pl.String).unique(maintain_order=True).alias(spec.name)
    )
