"""Findings worded by polars: a reason's fields as JSON text and its message, per row.

A comparator that judges whole frames would lose its speed if every finding then went back to
Python to be worded (`Why.render`, json.dumps). These expressions write the same bytes: JSON as
`findings` writes it (compact, non-ASCII as it is), and the message as the catalog's template
renders it (`catalog.Reason.render`). Polars writes and formats floats its own way, so numbers
are written by Python, once per distinct number (`json_numbers`, `formatted`).
"""

from __future__ import annotations

import json
import re
import string

import polars as pl

from auditor.catalog import NAMES, NUMBER, Choice, Reason
from auditor.reconcile.display import listing_expr
from auditor.reconcile.evidence import json_string


def text(value: pl.Expr) -> pl.Expr:
    """A string column as JSON strings."""
    return json_string(value)


def names(items: pl.Expr) -> pl.Expr:
    """A list-of-strings column as JSON arrays."""
    return pl.concat_str(
        pl.lit("["), items.list.eval(json_string(pl.element())).list.join(","), pl.lit("]")
    )


def listing(items: pl.Expr) -> pl.Expr:
    """catalog.listing of a list column: "a, b and c", repeats dropped."""
    return listing_expr(items.list.unique(maintain_order=True))


def array(*items: pl.Expr) -> pl.Expr:
    """A JSON array of items already written as JSON."""
    return pl.concat_str(pl.lit("["), pl.concat_str(items, separator=","), pl.lit("]"))


def obj(**fields: pl.Expr) -> pl.Expr:
    """A JSON object of fields already written as JSON, in the order given (the order a
    comparator states a reason's fields in, which json.dumps keeps)."""
    parts: list[pl.Expr] = []
    for n, (name, value) in enumerate(fields.items()):
        parts += [pl.lit(("{" if n == 0 else ",") + json.dumps(name) + ":"), value]
    return pl.concat_str(*parts, pl.lit("}"))


def finding(
    reason: Reason, fields: pl.Expr, message: pl.Expr, claim_ids: str = "claim_ids"
) -> dict[str, pl.Expr]:
    """A finding's columns after its key (`findings.SCHEMA`'s order): one reason's code and
    name, the claims it cites, its fields as JSON and its message; the severity is the
    configuration's, set later."""
    return {
        "code": pl.lit(reason.code),
        "reason": pl.lit(reason.name),
        "claim_ids": pl.col(claim_ids),
        "fields": fields,
        "severity": pl.lit(None, pl.String),
        "message": message,
    }


def message(reason: Reason, **fields: pl.Expr) -> pl.Expr:
    """The reason's message over columns, one per field: a names field is a list column
    (worded as `catalog.listing` words it); a text field a string column; a number a string
    column the caller formatted with the template's spec (`formatted`); a field the catalog
    words with a renderer (said, pairs, ...) a string column the caller worded; a choice of
    phrasings a column naming the phrasing. An optional part `[...]` is written where each of
    its fields is non-empty, as `Reason.render` decides."""
    if fields.keys() != reason.fields.keys():
        raise TypeError(f"{reason.name}: fields {sorted(fields)}, expected {sorted(reason.fields)}")
    pieces: list[pl.Expr] = []
    for part, optional in _parts(reason.template):
        worded, used = _worded(reason, part, fields)
        if not optional:
            pieces.append(worded)
            continue
        present = [_non_empty(reason, n, fields[n]) for n in used]
        pieces.append(pl.when(pl.all_horizontal(present)).then(worded).otherwise(pl.lit("")))
    return pl.concat_str(pieces)


def _parts(template: str) -> list[tuple[str, bool]]:
    """The template split into its plain parts and its optional `[...]` parts."""
    out, at = [], 0
    for m in _OPTIONAL.finditer(template):
        out += [(template[at : m.start()], False), (m.group(1), True)]
        at = m.end()
    out.append((template[at:], False))
    return [(text, optional) for text, optional in out if text]


_OPTIONAL = re.compile(r"\[([^\[\]]*)\]")  # as the catalog reads templates


def _worded(reason: Reason, part: str, fields: dict[str, pl.Expr]) -> tuple[pl.Expr, list[str]]:
    """One part of a template as an expression, and the fields it reads."""
    pieces, used = [], []
    for literal, name, spec, _ in string.Formatter().parse(part):
        if literal:
            pieces.append(pl.lit(literal))
        if name is None:
            continue
        used.append(name)
        col, kind = fields[name], reason.fields[name]
        if spec and "|" in spec:
            one, many = spec.split("|")
            pieces.append(pl.when(col.list.len() == 1).then(pl.lit(one)).otherwise(pl.lit(many)))
        elif kind == NUMBER:  # formatted by the caller with this spec (`formatted`)
            pieces.append(col)
        elif spec:
            raise TypeError(f"{reason.name}: field {name} has a format spec; word it first")
        elif kind == NAMES:
            pieces.append(listing(col))
        elif isinstance(kind, Choice):  # the phrasing the column names, worded in turn
            phrasing = pl.when(pl.lit(False)).then(pl.lit(None, pl.String))
            for key, template in kind.items():
                phrasing = phrasing.when(col == key).then(_worded(reason, template, fields)[0])
            pieces.append(phrasing)
        else:  # text, or a nested field the caller worded
            pieces.append(col)
    return pl.concat_str(pieces), used


def _non_empty(reason: Reason, name: str, col: pl.Expr) -> pl.Expr:
    """Whether a field counts as given for an optional part (Python truthiness)."""
    if reason.fields[name] == NAMES:
        return col.list.len() > 0
    return col != ""  # text, or a worded nested list (empty exactly when the list is)


def values_field(values: pl.DataFrame) -> pl.DataFrame:
    """Per group `g`, the `values` field most reasons share ([[sources, value shown], ...]) as
    JSON (`values_json`) and worded (`said`, as catalog.said words it), from a row per value
    in the group's order with its `sources` and `shown`."""
    return (
        values.group_by("g", maintain_order=True)
        .agg(
            values_json=array(names(pl.col("sources")), text(pl.col("shown"))).str.join(","),
            said=pl.concat_str(listing(pl.col("sources")), pl.lit(": "), "shown").str.join("; "),
        )
        .with_columns(values_json=pl.concat_str(pl.lit("["), "values_json", pl.lit("]")))
    )


def json_number(value: float) -> str:
    """A number as JSON text, as json.dumps writes it (Python's repr of a float)."""
    return json.dumps(value)


def json_numbers(values: pl.Series) -> pl.Series:
    """A float column as JSON text, each distinct number written once by json.dumps: polars
    writes floats its own way (1e-05 as 0.00001)."""
    return _each_distinct(values, json_number)


def formatted(values: pl.Series, spec: str) -> pl.Series:
    """A float column formatted with a template's spec ("g", ".0%"), each distinct number
    once, as str.format does."""
    return _each_distinct(values, lambda v: format(v, spec))


def _each_distinct(values: pl.Series, word) -> pl.Series:
    distinct = values.unique().drop_nulls().to_list()
    mapping = {v: word(v) for v in distinct}
    return values.replace_strict(mapping, default=None, return_dtype=pl.String)
