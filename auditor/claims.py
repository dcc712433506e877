"""The claim: one fact as one source states it, with a locator of its evidence.

A page claim's locator is a character span (`text[span_start:span_end] == raw`); a table
claim's is a cell (`row`, `column`, with `raw` the cell's text). `claim_id` is derived from the
claim's content and locator, so the same claim has the same id in every run. `context` is what
a reviewer reads around the evidence (the sentence around a span, the row around a cell),
captured at extraction; `context_start` is where `raw` starts inside it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from hashlib import blake2b
from json.encoder import encode_basestring  # type: ignore[attr-defined]
from operator import attrgetter
from typing import Any

import polars as pl

from auditor.kinds.values import decode, dump

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
    "span_start": pl.Int64(),  # null for a table claim
    "span_end": pl.Int64(),
    "origin": pl.String(),
    # version 2
    "claim_id": pl.String(),
    "row": pl.Int64(),  # a table claim's data row, 0-based, header excluded; null for pages
    "column": pl.String(),  # a table claim's column name; null for pages
    "context": pl.String(),
    "context_start": pl.Int64(),
}
# The columns every output of claims carries (extract, claims.jsonl).
COLUMNS = (*tuple(CLAIM_SCHEMA)[:10], "claim_id", "row", "column")
ID_LENGTH = 16  # hex digits of claim_id


@dataclass(frozen=True, init=False)
class Claim:
    entity: str
    source: str
    document: str
    attribute: str
    raw: str
    value: Any
    qualifier: str | None
    span_start: int | None
    span_end: int | None
    origin: str = EDITORIAL
    row: int | None = None
    column: str | None = None
    context: str | None = None
    context_start: int | None = None

    def __init__(
        self,
        entity: str,
        source: str,
        document: str,
        attribute: str,
        raw: str,
        value: Any,
        qualifier: str | None,
        span_start: int | None,
        span_end: int | None,
        origin: str = EDITORIAL,
        row: int | None = None,
        column: str | None = None,
        context: str | None = None,
        context_start: int | None = None,
    ) -> None:
        # The fields in one update of the instance's dict: a frozen dataclass's own __init__
        # sets each through object.__setattr__, twice the cost (extraction makes ~30 a page).
        # Its parameters are the fields, in order, with their defaults (tests/test_claims.py).
        self.__dict__.update(
            entity=entity, source=source, document=document, attribute=attribute, raw=raw,
            value=value, qualifier=qualifier, span_start=span_start, span_end=span_end,
            origin=origin, row=row, column=column, context=context, context_start=context_start,
        )

    @property
    def claim_id(self) -> str:
        return claim_id(
            self.entity,
            self.source,
            self.document,
            self.attribute,
            locator(self.span_start, self.span_end, self.row, self.column),
            dump_value(self.value),
        )

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def dump_value(value: Any) -> str:
    """Canonical JSON: the same value always has the same text, so frames can group on it.
    A string or an integer (most values) is written as json.dumps writes it, without its
    encoder's set-up (a third of a claim's cost in a frame)."""
    kind = type(value)
    if kind is str:
        return encode_basestring(value)
    if kind is int:
        return int.__repr__(value)
    return dump(value)


def locator(start: int | None, end: int | None, row: int | None, column: str | None) -> str:
    """'span:12-40' for a page, 'cell:3:act_dep' for a table: the evidence's address."""
    if row is not None:
        return f"cell:{row}:{column}"
    return f"span:{start}-{end}"


def claim_id(*parts: str) -> str:
    return _digest("\x1f".join(parts))


def _digest(text: str) -> str:
    return blake2b(text.encode("utf-8"), digest_size=ID_LENGTH // 2).hexdigest()


def _locator_expr() -> pl.Expr:
    """`locator` over a claims frame."""
    return (
        pl.when(pl.col("row").is_not_null())
        .then(pl.format("cell:{}:{}", pl.col("row"), pl.col("column").fill_null("null")))
        .otherwise(
            pl.format(
                "span:{}-{}",
                pl.col("span_start").cast(pl.String).fill_null("None"),
                pl.col("span_end").cast(pl.String).fill_null("None"),
            )
        )
    )


def with_ids(frame: pl.DataFrame) -> pl.DataFrame:
    """The frame with `claim_id` computed from its content columns and locator."""
    if frame.height == 0:
        return frame.with_columns(claim_id=pl.lit(None, pl.String))
    # A table's claims are all cells: their locator needs no branch (a third of the key's cost).
    cells = frame.get_column("row").null_count() == 0
    where = pl.format("cell:{}:{}", "row", pl.col("column").fill_null("null"))
    keys = frame.select(
        pl.concat_str(
            "entity",
            "source",
            "document",
            "attribute",
            where if cells else _locator_expr(),
            "value",
            separator="\x1f",
        )
    ).to_series()
    # hashlib per claim (inline: a call per claim costs a third more): polars' own hash is not
    # stable across versions, and ids must be.
    size = ID_LENGTH // 2
    digests = [blake2b(k, digest_size=size).hexdigest() for k in keys.cast(pl.Binary).to_list()]
    ids = pl.Series("claim_id", digests, dtype=pl.String)
    return frame.with_columns(ids)


def to_frame(claims: Iterable[Claim]) -> pl.DataFrame:
    # Column by column from the attributes (no dataclasses.asdict: it deep-copies every claim,
    # a third of a catalog's extraction time), the rows turned into columns by zip, in C.
    claims = list(claims)
    if not claims:
        return empty_frame()
    columns: dict[str, Any] = dict(
        zip(_PLAIN, zip(*map(_plain, claims), strict=True), strict=True)
    )
    columns["value"] = [dump_value(c.value) for c in claims]
    columns["claim_id"] = [None] * len(claims)
    return with_ids(pl.DataFrame(columns, schema=CLAIM_SCHEMA))


_PLAIN = tuple(name for name in CLAIM_SCHEMA if name not in ("value", "claim_id"))
_plain = attrgetter(*_PLAIN)


def conform(frame: pl.DataFrame) -> pl.DataFrame:
    """A claims frame with every claim column, in order, of its schema type (missing ones
    null): how readers that build claims as frames hand them over."""
    return frame.select(
        pl.col(c).cast(t) if c in frame.columns else pl.lit(None, t).alias(c)
        for c, t in CLAIM_SCHEMA.items()
    )


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
    return [{**row, "value": decode(row["value"])} for row in frame.iter_rows(named=True)]
