"""A comparator's findings as one frame: what disagrees, by which reason, about which claims.

A row per finding: entity, attribute, slot; the kind's `code` and the `reason`'s name; the
`claim_ids` involved (claims are named by their content-derived id, never by position); the
reason's structured `fields` as JSON; an optional `severity` override; and the `message` the
catalog words from the reason's template and fields.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from json.encoder import JSONEncoder, c_make_encoder, encode_basestring

import polars as pl

from auditor.reconcile.model import Finding

SCHEMA: dict[str, pl.DataType] = {
    "entity": pl.String(),
    "attribute": pl.String(),
    "slot": pl.String(),
    "code": pl.String(),
    "reason": pl.String(),
    "claim_ids": pl.List(pl.String()),
    "fields": pl.String(),
    "severity": pl.String(),
    "message": pl.String(),
}


def _refuse(value: object) -> None:
    raise TypeError(f"a finding's field must be JSON data, not {type(value).__name__}")


def _encoder():
    """Compact JSON text of a finding's fields. CPython's C encoder, made once and reused:
    json.dumps builds one per call, which costs more than encoding a finding's few fields."""
    if c_make_encoder is None:
        return JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=_refuse).encode
    encode = c_make_encoder(None, _refuse, encode_basestring, None, ":", ",", False, False, True)
    return lambda fields: "".join(encode(fields, 0))


_dumps = _encoder()


def table(findings: Sequence[Finding]) -> pl.DataFrame:
    """The findings as a frame, built column by column once."""
    whys = [f.why for f in findings]
    reasons = [w.reason for w in whys]
    claims = [f.claims for f in findings]
    columns = {
        "entity": [f.entity for f in findings],
        "attribute": [f.attribute for f in findings],
        "slot": [f.slot for f in findings],
        "code": [r.kind.code for r in reasons],
        "reason": [r.name for r in reasons],
        "claim_ids": _lists(claims),
        "fields": [_dumps(w.fields) for w in whys],
        "severity": [f.severity for f in findings],
        "message": [w.render() for w in whys],
    }
    return pl.DataFrame(columns, schema=SCHEMA)


_SEP = "\x1f"


def _lists(items: Sequence[Sequence[str]]) -> pl.Series:
    """The claim-id lists as a list column (polars alone: pyarrow is only the Spark extra's).

    Each list goes in as one joined string that polars splits: building a list column from
    Python lists costs a conversion per element, ten times more. An id holding the separator
    would split apart, which the lengths catch; those lists are then built element-wise."""
    size = pl.Series([len(x) for x in items], dtype=pl.UInt32)
    joined = pl.Series([_SEP.join(x) for x in items], dtype=pl.String)
    split = pl.select(
        pl.when(size == 0)
        .then(pl.lit([], SCHEMA["claim_ids"]))
        .otherwise(joined.str.split(_SEP))
        .alias("claim_ids")
    ).to_series()
    if (split.list.len() != size).any():
        return pl.Series("claim_ids", [list(x) for x in items], dtype=SCHEMA["claim_ids"])
    return split


def fields(text: str) -> dict:
    """A finding's fields back from the frame's JSON."""
    return json.loads(text)
