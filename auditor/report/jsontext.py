"""JSON text as `json.dumps` writes it (ASCII-only), made faster: column-wise for frames, and a
plain recursive encoder for the indented report.

`json.dumps(..., indent=2)` runs the standard library's pure-Python encoder (its C encoder does
no indentation), a generator step per value: a catalog's report.json took a minute. These
functions give the same bytes: strings of printable ASCII are escaped by polars in one pass
(only `"` and `\\` need it), any other string by the standard library's C escaper, and claim
values (stored as canonical JSON text) are re-encoded once per distinct value.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from json.encoder import encode_basestring_ascii as _string
from typing import Any

try:  # the standard library's C encoder, which json.dumps uses when it does not indent
    from json.encoder import c_make_encoder
except ImportError:  # pragma: no cover - a Python built without _json
    c_make_encoder = None

import polars as pl

_PRINTABLE = r"^[ -~]*$"  # nothing json.dumps would write as \uXXXX or a short escape
_FEW_FROM = 64  # rows from which a column is checked for few distinct values


def join(chunks: Iterable[str | pl.Series]) -> str:
    """A file's whole text from its pieces (texts, or columns of texts written one after
    the other): for small reports and tests; writers stream the pieces instead."""
    return "".join(c if isinstance(c, str) else "".join(c.to_list()) for c in chunks)


def strings(column: pl.Series) -> pl.Series:
    """json.dumps of each string (null: `null`). A column of few distinct values (a source,
    a document, a stated form: most of them) has each encoded once and looked up; any other
    is escaped by polars, row by row."""
    column = column.cast(pl.String)
    if column.len() >= _FEW_FROM and column.approx_n_unique() * 3 <= column.len():
        distinct = column.unique()
        texts = [_string(v) if v is not None else "null" for v in distinct.to_list()]
        return column.replace_strict(
            distinct, pl.Series(texts, dtype=pl.String), return_dtype=pl.String
        ).alias(column.name)
    quoted = '"' + column.str.replace_many(["\\", '"'], ["\\\\", '\\"']) + '"'
    plain = column.str.contains(_PRINTABLE)
    odd = column.filter(plain.not_()).unique()
    if odd.len():
        escaped = odd.map_elements(_string, return_dtype=pl.String, skip_nulls=True)
        quoted = pl.select(
            pl.when(plain)
            .then(quoted)
            .otherwise(column.replace_strict(odd, escaped, default=None, return_dtype=pl.String))
        ).to_series()
    return quoted.fill_null("null").alias(column.name)


def ints(column: pl.Series) -> pl.Series:
    """json.dumps of each integer (null: `null`)."""
    return column.cast(pl.String).fill_null("null")


def values(column: pl.Series, pad: str | None) -> pl.Series:
    """Canonical JSON texts (auditor.claims.dump_value) as json.dumps writes the decoded value:
    compact with `pad` None, else indented as nested on a line indented by `pad`. Each
    distinct value is decoded once."""
    distinct = column.unique()
    texts = [
        "null" if v is None else _reencode(json.loads(v), pad) for v in distinct.to_list()
    ]
    encoded = pl.Series(texts, dtype=pl.String)
    return column.replace_strict(distinct, encoded, return_dtype=pl.String).alias(column.name)


def _reencode(value: Any, pad: str | None) -> str:
    return json.dumps(value) if pad is None else indented(value, pad)


def _default(obj: Any) -> Any:
    raise TypeError(f"Object of type {obj.__class__.__name__} is not JSON serializable")


_COMPACT = (
    c_make_encoder(None, _default, _string, None, ": ", ", ", False, False, True)
    if c_make_encoder is not None
    else None
)


def compact(obj: Any) -> str:
    """json.dumps(obj), without the encoder json.dumps builds on every call."""
    if _COMPACT is None:  # pragma: no cover
        return json.dumps(obj)
    return "".join(_COMPACT(obj, 0))


def _float(value: float) -> str:
    return float.__repr__(value) if math.isfinite(value) else json.dumps(value)


# A scalar's text by its exact type (str is handled first; subclasses take the long way).
_SCALAR = {
    type(None): lambda _: "null",
    bool: lambda v: "true" if v else "false",
    int: int.__repr__,
    float: _float,
}


def indented(obj: Any, pad: str = "") -> str:
    """json.dumps(obj, indent=2) as it appears nested on a line indented by `pad`.

    Plain dicts and lists are walked with one type lookup per member (the report's hundred
    thousand small objects); anything else takes `_any`."""
    kind = type(obj)
    if kind is str:
        return _string(obj)
    if kind is dict and obj:
        inner = pad + "  "
        parts = []
        for k, v in obj.items():
            if type(k) is not str:
                return _nested(obj, pad)  # keys json.dumps converts: let it
            t = type(v)
            if t is str:
                parts.append(inner + _string(k) + ": " + _string(v))
            else:
                scalar = _SCALAR.get(t)
                parts.append(
                    inner + _string(k) + ": " + (scalar(v) if scalar else indented(v, inner))
                )
        return "{\n" + ",\n".join(parts) + "\n" + pad + "}"
    if (kind is list or kind is tuple) and obj:
        inner = pad + "  "
        parts = []
        for v in obj:
            t = type(v)
            if t is str:
                parts.append(_string(v))
            else:
                scalar = _SCALAR.get(t)
                parts.append(scalar(v) if scalar else indented(v, inner))
        return "[\n" + inner + (",\n" + inner).join(parts) + "\n" + pad + "]"
    return _any(obj, pad)


def leads(n: int, first: str, rest: str) -> pl.Series:
    """What goes before each of `n` items of a list: `first`, then `rest` (the separator),
    made part of the items' one concatenation rather than a second copy of them."""
    return pl.Series([first] + [rest] * (n - 1), dtype=pl.String) if n else pl.Series(
        [], dtype=pl.String
    )


def records(items: Sequence[Any], pad: str, lead: pl.Series | None = None) -> pl.Series | None:
    """indented(item, pad) of each item, column-wise, when the items are dicts with the same
    string keys in the same order (a report section's entries: resolved values, documents);
    None otherwise. Strings are escaped by polars; any other member is written once per
    distinct value (its compact text the key), not once per entry. `lead`: a text put
    before each (jsontext.leads)."""
    if not items or type(items[0]) is not dict or not items[0]:
        return None
    keys = tuple(items[0])
    if any(type(k) is not str for k in keys):
        return None
    if any(type(d) is not dict or tuple(d) != keys for d in items):
        return None
    inner = pad + "  "
    pieces: list[pl.Series | pl.Expr] = [] if lead is None else [pl.lit(lead)]
    for n, key in enumerate(keys):
        values = [d[key] for d in items]
        if all(type(v) is str or v is None for v in values):
            text = strings(pl.Series(values, dtype=pl.String))
        else:
            text = pl.Series(members(values, inner), dtype=pl.String)
        lead = "{\n" if n == 0 else ",\n"
        pieces += [pl.lit(lead + inner + _string(key) + ": "), text]
    pieces.append(pl.lit("\n" + pad + "}"))
    return pl.select(pl.concat_str(pieces)).to_series()


def members(values: Sequence[Any], pad: str | None, seen: dict | None = None) -> list[str]:
    """indented(v, pad) of each value (`pad` None: json.dumps(v)); lists and dicts once per
    distinct compact text (`seen` keeps them across calls)."""
    seen = {} if seen is None else seen
    out = []
    for v in values:
        t = type(v)
        if t is str:
            out.append(_string(v))
            continue
        scalar = _SCALAR.get(t)
        if scalar is not None:
            out.append(scalar(v))
            continue
        key = compact(v)
        if pad is None:
            out.append(key)
            continue
        text = seen.get(key)
        if text is None:
            text = seen[key] = indented(v, pad)
        out.append(text)
    return out


def _any(obj: Any, pad: str) -> str:
    if isinstance(obj, str):
        return _string(obj)
    if obj is None:
        return "null"
    if obj is True:
        return "true"
    if obj is False:
        return "false"
    if isinstance(obj, int):
        return int.__repr__(obj)
    if isinstance(obj, float):
        return float.__repr__(obj) if math.isfinite(obj) else json.dumps(obj)
    inner = pad + "  "
    if isinstance(obj, dict):
        if not obj:
            return "{}"
        if not all(isinstance(k, str) for k in obj):
            return _nested(obj, pad)  # keys json.dumps converts: let it
        items = [
            f"{inner}{_string(k)}: {_string(v) if type(v) is str else indented(v, inner)}"
            for k, v in obj.items()
        ]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(obj, (list, tuple)):
        if not obj:
            return "[]"
        items = [inner + (_string(v) if type(v) is str else indented(v, inner)) for v in obj]
        return "[\n" + ",\n".join(items) + "\n" + pad + "]"
    return _nested(obj, pad)


def _nested(obj: Any, pad: str) -> str:
    return json.dumps(obj, indent=2).replace("\n", "\n" + pad)
