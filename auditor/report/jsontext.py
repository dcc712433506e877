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
from json.encoder import encode_basestring_ascii as _string
from typing import Any

import polars as pl

_PRINTABLE = r"^[ -~]*$"  # nothing json.dumps would write as \uXXXX or a short escape


def strings(column: pl.Series) -> pl.Series:
    """json.dumps of each string (null: `null`)."""
    column = column.cast(pl.String)
    escaped = column.str.replace_all("\\", "\\\\", literal=True)
    quoted = '"' + escaped.str.replace_all('"', '\\"', literal=True) + '"'
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


def indented(obj: Any, pad: str = "") -> str:
    """json.dumps(obj, indent=2) as it appears nested on a line indented by `pad`."""
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
