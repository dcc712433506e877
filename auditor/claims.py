"""The claim: one fact as one source states it, with the exact span of its evidence."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

import polars as pl

EDITORIAL = "editorial"
USER = "user"

CLAIM_SCHEMA: dict[str, pl.DataType] = {
    "entity": pl.String(),
    "source": pl.String(),
    "document": pl.String(),
    "attribute": pl.String(),
    "raw": pl.String(),
    "value": pl.String(),  # the normalized value as canonical JSON text
    "qualifier": pl.String(),
    "span_start": pl.Int64(),
    "span_end": pl.Int64(),
    "origin": pl.String(),
}
COLUMNS = tuple(CLAIM_SCHEMA)


@dataclass(frozen=True)
class Claim:
    entity: str
    source: str
    document: str
    attribute: str
    raw: str
    value: Any
    qualifier: str | None
    span_start: int
    span_end: int
    origin: str = EDITORIAL

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def dump_value(value: Any) -> str:
    """Canonical JSON: the same value always has the same text, so frames can group on it."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def to_frame(claims: Iterable[Claim]) -> pl.DataFrame:
    rows = [{**c.to_dict(), "value": dump_value(c.value)} for c in claims]
    return pl.DataFrame(rows, schema=CLAIM_SCHEMA, orient="row") if rows else empty_frame()


def empty_frame() -> pl.DataFrame:
    return pl.DataFrame(schema=CLAIM_SCHEMA)


def jsonl(frame: pl.DataFrame, **extra: Any) -> str:
    """Claims as JSON Lines, one claim a line, `value` as its JSON value, `extra` fields last.

    ASCII-only JSON: no line separator (U+2028, U+2029, U+0085) is ever raw in a line, so every
    reader that splits lines sees one claim a line.
    """
    return "".join(json.dumps({**r, **extra}) + "\n" for r in frame_rows(frame))


def frame_rows(frame: pl.DataFrame) -> list[dict[str, Any]]:
    """Rows with `value` decoded back from JSON, for output formats."""
    return [{**row, "value": json.loads(row["value"])} for row in frame.iter_rows(named=True)]
