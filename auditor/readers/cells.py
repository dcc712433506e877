"""A table's cells as claims: one claim per stated cell, located by (row, column).

`raw` is the cell's text exactly; the value is parsed by the parser of the attribute's kind
(or the column's `kind` hint), the ones a page's text goes through. Kinds whose parsers are
polars expressions (times, codes, numbers, text) parse whole columns at once; the others run
once per distinct cell text, which tables repeat a lot. A cell whose text states no value of
its kind ("Not Available" in a time column) makes no claim, as on pages.

`context` is the row around the cell ("flight: AA-1007-TPA-MIA; sched_dep: 1:55 PM; ..."),
built column-wise, with `context_start` where the cell's text starts inside it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import polars as pl

from auditor.attributes import AttributeSpec, spec_for
from auditor.claims import conform, dump_value, with_ids
from auditor.errors import DocumentError
from auditor.normalize.codes import code_expr
from auditor.normalize.counts import parse_count
from auditor.normalize.dates import parse_date
from auditor.normalize.durations import parse_duration
from auditor.normalize.money import parse_money
from auditor.normalize.namesets import parse_names
from auditor.normalize.numbers import number_expr, parse_number
from auditor.normalize.scores import parse_score
from auditor.normalize.times import time_expr
from auditor.tablespec import PART, ColumnSpec, TableSpec

_SEP = "; "  # between a row's cells in its context


def file_parts(path: Path, spec: TableSpec, document: str) -> dict[str, str]:
    """{stem}, {name}, {parent} and the named groups of the spec's `pattern`."""
    name = path.name
    bare = name[: -len(".gz")] if name.lower().endswith(".gz") else name
    parts = {"stem": Path(bare).stem, "name": name, "parent": path.parent.name}
    if spec.pattern:
        m = re.search(spec.pattern, name)
        if m is None:
            raise DocumentError(
                document,
                f"its name does not match the pattern {spec.pattern!r}",
                f"rename it or fix pattern in {spec.where}",
            )
        parts |= {k: v for k, v in m.groupdict().items() if v is not None}
    return parts


def fill(template: str, parts: dict[str, str]) -> str:
    return PART.sub(lambda m: parts[m[1]], template)


def claims_of(
    frame: pl.DataFrame,
    spec: TableSpec,
    document: str,
    parts: dict[str, str],
    specs: dict[str, AttributeSpec],
) -> pl.DataFrame:
    """The claims of one table file's frame of text cells."""
    mapped = [c.column for c in spec.columns]
    for column in (*spec.needed, *mapped):
        if column not in frame.columns:
            raise DocumentError(
                document,
                f"has no column {column!r} (its columns: {', '.join(frame.columns[:20])})",
                f"fix the column names in {spec.where}",
            )
    shown = [c for c in frame.columns if c in set(spec.needed) | set(mapped)]
    entity = pl.concat_str(
        [
            pl.lit(fill(e, parts)) if PART.search(e) else pl.col(e).str.strip_chars()
            for e in spec.entity
        ],
        separator=spec.entity_separator,
    )
    source = pl.col(spec.source_column) if spec.source_column else pl.lit(spec.source_name)
    # Each shown cell's piece of the context is "name: text"; a cell's text starts after the
    # pieces before it and its own name.
    lengths = [pl.col(c).str.len_chars().fill_null(0) + len(c) + 2 for c in shown]
    starts = {
        c: pl.sum_horizontal(pl.lit(0), *(n + len(_SEP) for n in lengths[:i])) + len(c) + 2
        for i, c in enumerate(shown)
    }
    wide = frame.select(
        pl.int_range(pl.len(), dtype=pl.Int64).alias("__row"),
        entity.alias("__entity"),
        source.alias("__source"),
        pl.concat_str(
            [pl.format(f"{c}: {{}}", pl.col(c).fill_null("")) for c in shown], separator=_SEP
        ).alias("__context"),
        *(pl.col(c) for c in dict.fromkeys(mapped)),
        *(starts[c].alias(f"__at:{c}") for c in dict.fromkeys(mapped)),
    ).filter(pl.col("__entity").is_not_null() & pl.col("__source").is_not_null())
    index = ["__row", "__entity", "__source", "__context"]
    cells = wide.unpivot(
        on=list(dict.fromkeys(mapped)), index=index, variable_name="column", value_name="raw"
    ).with_columns(
        wide.unpivot(on=[f"__at:{c}" for c in dict.fromkeys(mapped)], index=[])
        .get_column("value")
        .cast(pl.Int64)
        .alias("context_start")
    )
    cells = cells.filter(pl.col("raw").str.strip_chars() != "")
    parsed = [
        _parse(cells.filter(pl.col("column") == c.column), c, spec_for(specs, c.attribute))
        for c in spec.columns
    ]
    claims = pl.concat(parsed, how="vertical_relaxed").filter(pl.col("value").is_not_null())
    claims = claims.select(
        entity="__entity",
        source="__source",
        document=pl.lit(document),
        attribute="attribute",
        raw="raw",
        value="value",
        qualifier="qualifier",
        origin=pl.lit(spec.origin),
        row="__row",
        column="column",
        context="__context",
        context_start="context_start",
    )
    return with_ids(conform(claims))


def _parse(cells: pl.DataFrame, column: ColumnSpec, attr: AttributeSpec) -> pl.DataFrame:
    """The cells of one column with attribute, value (JSON text) and qualifier."""
    kind = column.kind or attr.kind
    member = pl.col("raw")
    if column.split and kind != "nameset":
        cells = cells.with_columns(member=pl.col("raw").str.split(column.split)).explode("member")
        member = pl.col("member").str.strip_chars()
        cells = cells.filter(member != "")
    cells = cells.with_columns(member.alias("member"), attribute=pl.lit(column.attribute))
    m = pl.col("member")
    qualifier = pl.lit(column.qualifier or column.scope, pl.String)
    if kind == "time":
        value = time_expr(m).cast(pl.String)
    elif kind == "code":
        value = _json_text(code_expr(m, column.drop))
    elif kind == "number":
        n = number_expr(m)
        integral = n.is_finite() & (n == n.floor()) & (n.abs() < 1e15)
        value = (
            pl.when(integral).then(n.cast(pl.Int64).cast(pl.String)).otherwise(n.cast(pl.String))
        )
    elif kind in ("text", "character", "cast", "names"):
        # normalize.names.clean, column-wise: white space collapsed, stray punctuation trimmed
        text = m.str.replace_all(r"\s+", " ").str.strip_chars(" ,;:|")
        value = _json_text(pl.when(text != "").then(text))
    elif kind == "money":
        return _money(cells, column, attr, qualifier)
    else:
        parse = _PARSERS.get(kind)
        if parse is None:
            value = _json_text(m.str.strip_chars())
        else:
            return cells.with_columns(
                value=_per_value(cells.get_column("member"), lambda t: parse(t, column)),
                qualifier=qualifier,
            )
    return cells.with_columns(value=value, qualifier=qualifier)


def _json_text(text: pl.Expr) -> pl.Expr:
    """Strings as JSON text (quoted, escaped), column-wise: '{"v":"..."}' without its frame."""
    return (
        pl.struct(text.alias("v"))
        .struct.json_encode()
        .str.slice(5)
        .str.head(-1)
        .replace("null", None)
    )


def _per_value(members: pl.Series, parse: Callable[[str], Any]) -> pl.Series:
    """`parse` once per distinct text, as canonical JSON (None: no value)."""
    values = {}
    for text in members.unique().drop_nulls().to_list():
        v = parse(text)
        values[text] = None if v is None else dump_value(v)
    return members.replace_strict(values, default=None, return_dtype=pl.String)


def _with_unit(parse: Callable[[str], Any]) -> Callable[[str, ColumnSpec], Any]:
    def run(text: str, column: ColumnSpec) -> Any:
        v = parse(text)
        if v is None and column.unit:
            v = parse(f"{text.strip()} {column.unit}")
        return v

    return run


def _score(text: str, column: ColumnSpec) -> Any:
    v = parse_score(text)
    if v is None and column.unit:
        v = parse_score(f"{text.strip()}/{column.unit.lstrip('/ ')}")
    return v


def _exact(text: str, column: ColumnSpec) -> Any:
    s = text.strip()
    return int(s) if re.fullmatch(r"-?\d{1,18}", s) else (s or None)


_PARSERS: dict[str, Callable[[str, ColumnSpec], Any]] = {
    "date": lambda t, c: parse_date(t),
    "duration": _with_unit(parse_duration),
    "count": _with_unit(parse_count),
    "score": _score,
    "exact": _exact,
    "nameset": lambda t, c: parse_names(t),
}


def _money(
    cells: pl.DataFrame, column: ColumnSpec, attr: AttributeSpec, qualifier: pl.Expr
) -> pl.DataFrame:
    """Money as pages state it: a range (low, high) where the qualifier only flags an
    estimate, else an amount whose qualifier is its scope."""
    ranged = attr.qualifier == "flag"
    values: dict[str, str | None] = {}
    notes: dict[str, str | None] = {}
    for text in cells.get_column("member").unique().drop_nulls().to_list():
        m = parse_money(text)
        amount = parse_number(text) if m is None and column.currency else None
        if m is not None:
            low, high, currency, estimated, scope = m.low, m.high, m.currency, m.estimated, m.scope
        elif amount is not None:  # a bare amount in a column of one currency
            low = high = round(amount)
            currency, estimated, scope = column.currency, False, None
        else:
            values[text] = notes[text] = None
            continue
        if ranged:
            values[text] = dump_value({"low": low, "high": high, "currency": currency})
            notes[text] = "estimated" if estimated else None
        else:
            values[text] = dump_value({"amount": low, "currency": currency})
            notes[text] = scope
    members = cells.get_column("member")
    return cells.with_columns(
        value=members.replace_strict(values, default=None, return_dtype=pl.String),
        qualifier=pl.coalesce(
            qualifier, members.replace_strict(notes, default=None, return_dtype=pl.String)
        ),
    )
