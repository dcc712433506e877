"""A table's cells as claims: one claim per stated cell, located by (row, column).

`raw` is the cell's text exactly; the value is parsed by the cell parser of the attribute's
kind (or the column's `kind` hint: auditor.kinds), which parses as a page's text is parsed.
Kinds whose parsers are polars expressions (times, codes, numbers, text) parse whole columns
at once; the others run once per distinct cell text, which tables repeat a lot. A cell whose
text states no value of its kind ("Not Available" in a time column) makes no claim, as on
pages.

`context` is the row around the cell ("flight: AA-1007-TPA-MIA; sched_dep: 1:55 PM; ..."),
built column-wise, with `context_start` where the cell's text starts inside it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import polars as pl

from auditor import kinds
from auditor.attributes import AttributeSpec, spec_for
from auditor.claims import conform, with_ids
from auditor.errors import DocumentError
from auditor.kinds.base import json_text
from auditor.normalize.numbers import number_expr
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


def _column_advice(columns: list[str], wanted: str, where: str) -> str:
    """What to fix: a header read as one column that holds the wanted name beside another
    delimiter is a delimiter the configuration does not name."""
    if len(columns) == 1:
        for delimiter in (";", "\t", "|", ","):
            if wanted in columns[0].split(delimiter):
                shown = "\\t" if delimiter == "\t" else delimiter
                return (
                    f"its header is delimited by '{shown}': set delimiter = \"{shown}\" in {where}"
                )
    return f"fix the column names in {where}"


def claims_of(
    frame: pl.DataFrame,
    spec: TableSpec,
    document: str,
    parts: dict[str, str],
    specs: dict[str, AttributeSpec],
) -> tuple[pl.DataFrame, str | None]:
    """The claims of one table file's frame of text cells, and a note of the cells that state
    no value of their kind (None when every one does)."""
    long = spec.attribute_column is not None
    mapped = [] if long else [c.column for c in spec.columns]
    for column in (*spec.needed, *mapped):
        if f"{column}_duplicated_0" in frame.columns:  # how polars names a repeated header
            raise DocumentError(
                document,
                f"has more than one column named {column!r}, so which one is meant is unclear",
                f"rename all but one in the file, or give the columns names in {spec.where}",
            )
        if column not in frame.columns:
            raise DocumentError(
                document,
                f"has no column {column!r} (its columns: {', '.join(frame.columns[:20])})",
                _column_advice(frame.columns, column, spec.where),
            )
    shown = [c for c in frame.columns if c in set(spec.needed) | set(mapped)]
    entity = pl.concat_str(
        [
            pl.lit(fill(e, parts)) if PART.search(e) else pl.col(e).str.strip_chars()
            for e in spec.entity
        ],
        separator=spec.entity_separator,
    )
    source = (
        pl.col(spec.source_column)
        if spec.source_column
        else pl.lit(fill(spec.source_name or "", parts))
    )
    # Each shown cell's piece of the context is "name: text"; a cell's text starts after the
    # pieces before it and its own name.
    lengths = [pl.col(c).str.len_chars().fill_null(0) + len(c) + 2 for c in shown]
    starts = {
        c: pl.sum_horizontal(pl.lit(0), *(n + len(_SEP) for n in lengths[:i])) + len(c) + 2
        for i, c in enumerate(shown)
    }
    row = (
        pl.int_range(pl.len(), dtype=pl.Int64).alias("__row"),
        entity.alias("__entity"),
        source.alias("__source"),
        pl.concat_str(
            [pl.format(f"{c}: {{}}", pl.col(c).fill_null("")) for c in shown], separator=_SEP
        ).alias("__context"),
    )
    named = (pl.col("__entity").str.strip_chars() != "") & (
        pl.col("__source").str.strip_chars() != ""
    )
    if long:
        # `__key` says which column spec reads a cell: a long table's row names its attribute
        cells = frame.select(
            *row,
            pl.col(spec.attribute_column).str.strip_chars().alias("__key"),
            pl.lit(spec.value_column).alias("column"),
            pl.col(spec.value_column).alias("raw"),
            starts[spec.value_column].cast(pl.Int64).alias("context_start"),
        )
        unnamed = cells.filter(~named.fill_null(False)).get_column("__row")
        cells = cells.filter(named & (pl.col("__key").fill_null("") != ""))
    else:
        wide = frame.select(
            *row,
            # under names of their own: a table's column may be called "value" or "raw"
            *(pl.col(c).alias(f"__cell:{c}") for c in dict.fromkeys(mapped)),
            *(starts[c].alias(f"__at:{c}") for c in dict.fromkeys(mapped)),
        )
        unnamed = wide.filter(~named.fill_null(False)).get_column("__row")
        wide = wide.filter(named)
        cells = wide.unpivot(
            on=[f"__cell:{c}" for c in dict.fromkeys(mapped)],
            index=["__row", "__entity", "__source", "__context"],
            variable_name="column",
            value_name="raw",
        ).with_columns(
            pl.col("column").str.strip_prefix("__cell:"),
            wide.unpivot(
                on=[f"__at:{c}" for c in dict.fromkeys(mapped)], index=[], value_name="at"
            )
            .get_column("at")
            .cast(pl.Int64)
            .alias("context_start"),
        )
        cells = cells.with_columns(__key=pl.col("column"))
    cells = cells.filter(~_missing(pl.col("raw"), spec.missing))
    columns = _column_specs(spec, cells)
    parsed = [
        _parse(cells.filter(pl.col("__key") == c.column), c, spec_for(specs, c.attribute))
        for c in columns
    ]
    cells = pl.concat(parsed, how="vertical_relaxed")
    claims = cells.filter(pl.col("value").is_not_null()).select(
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
    bare = {
        c.column: kinds.get(c.kind or spec_for(specs, c.attribute).kind).bare
        for c in columns
        if not (c.unit or c.currency)
    }
    notes = [
        n
        for n in (
            _unnamed(unnamed),
            _undeclared(columns, specs, long),
            _unread(cells, bare, spec.where),
        )
        if n
    ]
    return with_ids(conform(claims)), "; ".join(notes) or None


# What tables write in a cell that has no value, as spreadsheets and CSV readers (pandas'
# na_values) take it: never a value of any kind, so neither a claim nor a note.
_MISSING = r"(?i)^(?:|n/?a|#n/a|n\.a\.|<na>|null|nil|none|nan|-+|[?–—])$"


def _missing(raw: pl.Expr, declared: tuple[str, ...] = ()) -> pl.Expr:
    """Whether a cell states nothing: blank, a marker of a missing value ("N/A", "-"), or one
    of the table's own (`missing`: "can't tell", as a crowd's answers say it)."""
    text = raw.str.strip_chars()
    blank = text.str.contains(_MISSING)
    if declared:
        blank = blank | text.str.to_lowercase().is_in([m.strip().lower() for m in declared])
    return blank.fill_null(True)


def _column_specs(spec: TableSpec, cells: pl.DataFrame) -> list[ColumnSpec]:
    """How each column's cells are read; a long table's by the attribute names its rows give
    (`columns` keyed by them, a name it does not list read as the attribute it names)."""
    if spec.attribute_column is None:
        return list(spec.columns)
    declared: dict[str, list[ColumnSpec]] = {}
    for c in spec.columns:
        declared.setdefault(c.column, []).append(c)
    names = cells.get_column("__key").unique(maintain_order=True).to_list()
    return [c for n in names for c in declared.get(n) or [ColumnSpec(column=n, attribute=n)]]


_SHOWN = 3  # texts quoted per column in a note
_LONGEST = 24  # characters of each


def _unread(cells: pl.DataFrame, bare: dict[str, str], where: str) -> str | None:
    """What the table states that its columns' kinds cannot read, per column, with a few of
    the texts: a unit or form the kind does not know shows here rather than vanishing. Where
    they are mostly bare numbers of a kind that needs a unit (`bare`: an amount's currency, a
    duration's unit), the note says which option of the column in `where` reads them."""
    missing = cells.filter(pl.col("value").is_null()).unique(
        ["__row", "__key"], maintain_order=True
    )
    if missing.is_empty():
        return None
    per_column = missing.group_by("__key", maintain_order=True).agg(
        pl.len(),
        pl.col("raw").str.strip_chars().unique(maintain_order=True).head(_SHOWN + 1),
        numbers=number_expr(pl.col("raw")).is_not_null().sum(),
    )
    parts = []
    for column, n, texts, numbers in per_column.iter_rows():
        shown = ", ".join(repr(_short(t)) for t in texts[:_SHOWN])
        hint = ""
        if bare.get(column) and 2 * numbers > n:
            hint = f"; bare numbers: declare {bare[column]} on the column in {where}"
        parts.append(f"{column} {n:,} ({shown}{', ...' if len(texts) > _SHOWN else ''}{hint})")
    many = "cell states no value of its" if missing.height == 1 else "cells state no value of their"
    return f"{missing.height:,} {many} column's kind: " + "; ".join(parts)


def _undeclared(
    columns: list[ColumnSpec], specs: dict[str, AttributeSpec], long: bool
) -> str | None:
    """The attributes a long table's rows name, or a wide table's columns are mapped to, that
    nothing declares (read as text): a typo or another spelling of a declared name ("colour",
    "Weight", "runtme") shows here instead of becoming an attribute of its own unnoticed."""
    names = sorted({c.attribute for c in columns if c.attribute not in specs and not c.kind})
    if not names:
        return None
    shown = ", ".join(repr(_short(n)) for n in names[:_SHOWN])
    shown += ", ..." if len(names) > _SHOWN else ""
    whose, fix = ("its rows name", "map") if long else ("its columns are mapped to", "fix")
    many = f"attribute {whose} is" if len(names) == 1 else f"attributes {whose} are"
    return (
        f"{len(names):,} {many} declared nowhere, so read as text ({shown}); declare "
        f"[attributes.<name>] with its kind, or {fix} the name in columns"
    )


def _unnamed(rows: pl.Series) -> str | None:
    """The rows that name no entity or no source: they state nothing, and the note says so."""
    if rows.is_empty():
        return None
    shown = ", ".join(str(r) for r in rows.head(_SHOWN).to_list())
    more = ", ..." if rows.len() > _SHOWN else ""
    many = "row gives" if rows.len() == 1 else "rows give"
    return f"{rows.len():,} {many} no entity or no source, so state nothing (row {shown}{more})"


def _short(text: str) -> str:
    return text if len(text) <= _LONGEST else text[: _LONGEST - 1] + "…"


def _arrays(raw: pl.Series) -> pl.DataFrame | None:
    """The cells that hold a JSON list of strings or numbers (JSON Lines and Parquet lists are
    read as such text), with their items; None when no cell does."""
    texts = raw.filter(raw.str.starts_with("[") & raw.str.ends_with("]")).unique()
    found = {}
    for text in texts.to_list():
        try:
            items = json.loads(text)
        except (ValueError, RecursionError):  # not JSON, or nested past the parser's stack
            continue
        if isinstance(items, list) and all(
            isinstance(i, str | int | float) and not isinstance(i, bool) for i in items
        ):
            found[text] = [str(i).strip() for i in items if str(i).strip()]
    if not found:
        return None
    return pl.DataFrame(
        {"raw": list(found), "items": list(found.values())},
        schema={"raw": pl.String, "items": pl.List(pl.String)},
    )


def _parse(cells: pl.DataFrame, column: ColumnSpec, attr: AttributeSpec) -> pl.DataFrame:
    """The cells of one column with attribute, value (JSON text) and qualifier, parsed by the
    value kind's cell parser (auditor.kinds); a kind no one defines keeps the text."""
    kind = kinds.REGISTRY.get(column.kind or attr.kind)
    if column.extract:
        # the part of each cell this reading takes ("0.52 (1.25%)": the figure in brackets)
        group = 1 if re.compile(column.extract).groups else 0
        cells = cells.with_columns(raw_part=pl.col("raw").str.extract(column.extract, group))
        # a cell without the part states nothing of this attribute ("0.52": no yield)
        cells = cells.filter(~_missing(pl.col("raw_part")))
    text = pl.col("raw_part").str.strip_chars() if column.extract else pl.col("raw")
    member = text
    splits = kind is None or kind.split
    pieces = None
    if column.split:
        pieces = text.str.split(column.split)
    elif attr.multi:
        # A list attribute's cell lists its members apart by semicolons or bars, which no
        # member holds; commas may be inside one ("Okonkwo, Chidinma"): `split` declares them.
        pieces = text.str.replace_all("|", ";", literal=True).str.split(";")
    arrays = None if column.extract else _arrays(cells.get_column("raw"))
    if arrays is not None:
        # a JSON list's items: the members, or (a kind that splits its own text) one list
        cells = cells.join(arrays, on="raw", how="left", maintain_order="left")
        if splits:
            whole = pl.concat_list("raw") if pieces is None else pieces
            cells = cells.with_columns(member=pl.coalesce("items", whole)).explode("member")
            member = pl.col("member").str.strip_chars()
            cells = cells.filter(member != "")
        else:
            cells = cells.with_columns(member=pl.coalesce(pl.col("items").list.join("; "), "raw"))
            member = pl.col("member")
        cells = cells.drop("items")
    elif pieces is not None and splits:
        cells = cells.with_columns(member=pieces).explode("member")
        member = pl.col("member").str.strip_chars()
        cells = cells.filter(member != "")
    cells = cells.with_columns(
        member.alias("member"),
        attribute=pl.lit(column.attribute),
        qualifier=pl.lit(column.qualifier or column.scope, pl.String),
    )
    # A cell's value and qualifier depend on its text alone, and tables repeat their texts:
    # each distinct text is parsed once and joined back.
    distinct = cells.select("member", "attribute", "qualifier").unique("member")
    if kind is None:
        parsed = distinct.with_columns(value=json_text(pl.col("member").str.strip_chars()))
    else:
        parsed = kind.cells(distinct, column, attr)
    return cells.drop("qualifier", "raw_part", strict=False).join(
        parsed.select("member", "value", "qualifier"),
        on="member",
        how="left",
        maintain_order="left",
    )
