"""What a discrepancy cites, and the id it goes by, for many findings in one polars query.

A discrepancy lists its claims in page order (source, document, position in the document).
Its id is stable across runs, document order and cosmetic edits: it hashes what disagrees, not
where, as `fingerprint` below spells out. Tens of thousands of findings would spend more time
in json.dumps than in the hash, so the JSON text is assembled in polars, escaping strings as
json.dumps(ensure_ascii=False) does, and only sha256 runs per finding in Python.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from json.encoder import encode_basestring

import polars as pl

# How json.dumps(ensure_ascii=False) writes characters inside a string: control characters,
# quote and backslash escaped, everything else as it is.
_ESCAPES = {chr(c): encode_basestring(chr(c))[1:-1] for c in range(0x20)}
_ESCAPES |= {'"': '\\"', "\\": "\\\\"}


def fingerprint(code: str, entity: str, attribute: str, slot: str, keys: Iterable[str]) -> str:
    """The id: what disagrees (kind, entity, attribute, slot) and what each claim says (its
    fingerprint key: source, key, key2 and qualifier, tab-joined), without where it says it.

    The reference for one finding; `cited` builds the same payload for many at once."""
    payload = json.dumps([code, entity, attribute, slot, sorted(set(keys))], ensure_ascii=False)
    return digest(payload)


def digest(payload: str) -> str:
    return hashlib.sha256(payload.encode()).hexdigest()[:16]


def json_string(text: pl.Expr) -> pl.Expr:
    """A string column as JSON string literals, as json.dumps(ensure_ascii=False) writes them."""
    escaped = text.str.replace_many(list(_ESCAPES), list(_ESCAPES.values()))
    return pl.concat_str(pl.lit('"'), escaped, pl.lit('"'))


def claims(frame: pl.DataFrame) -> pl.LazyFrame:
    """Per claim, in idx order: its place in page order (`order`, a number that sorts as
    (source, document, position) do), and its fingerprint key ranked and as JSON.

    Documents and fingerprint keys repeat across claims: each distinct one is ranked (and
    escaped) once."""
    key = pl.concat_str(
        [
            pl.col("source"),
            pl.col("key").fill_null(""),
            pl.col("key2").fill_null(""),
            pl.col("qualifier").fill_null(""),
        ],
        separator="\t",
    )
    rows = frame.lazy().select("idx", "source", "document", "span_start", fkey=key)
    documents = (
        rows.select("source", "document")
        .unique()
        .with_columns(page=pl.struct("source", "document").rank("dense").cast(pl.Int64))
    )
    keys = (
        rows.select("fkey")
        .unique()
        .with_columns(
            pl.col("fkey").rank("dense").alias("fkey_rank"),  # sorts as the keys do
            fkey_json=json_string(pl.col("fkey")),
        )
    )
    return (
        rows.join(documents, on=["source", "document"], how="left", maintain_order="left")
        .join(keys, on="fkey", how="left", maintain_order="left")
        .select(
            "idx",
            order=pl.col("page") * (1 << 32) + pl.col("span_start"),
            fkey_rank="fkey_rank",
            fkey_json="fkey_json",
        )
    )


def cited(evidence: pl.DataFrame, pairs: pl.DataFrame, heads: pl.DataFrame) -> pl.LazyFrame:
    """Per finding (fid): its distinct claim idx in page order, and its fingerprint payload.

    `evidence` is `claims(frame)` collected (a row per claim, in idx order); `pairs` has fid
    and idx, a row per claim of a finding; `heads` has fid, code, entity, attribute and slot,
    a row per finding.
    """
    rows = (
        pairs.lazy()
        .unique()
        .with_columns(
            pl.lit(evidence.get_column(c)).gather(pl.col("idx"))
            for c in ("order", "fkey_rank", "fkey_json")
        )
    )
    in_order = rows.sort("fid", "order", "idx").group_by("fid", maintain_order=True).agg("idx")
    # each finding's distinct keys in order: sorted, then each run of one key kept once
    # (cheaper than hashing the pairs to drop repeats)
    fid, rank = pl.col("fid"), pl.col("fkey_rank")
    keys = (
        rows.select("fid", "fkey_rank", "fkey_json")
        .sort("fid", "fkey_rank")
        .filter(((fid != fid.shift()) | (rank != rank.shift())).fill_null(True))
        .group_by("fid", maintain_order=True)
        .agg(pl.col("fkey_json").str.join(", ").alias("keys"))
    )
    head = pl.concat_str(
        [json_string(pl.col(c)) for c in ("code", "entity", "attribute", "slot")],
        separator=", ",
    )
    return (
        heads.lazy()
        .join(in_order, on="fid", how="left", maintain_order="left")
        .join(keys, on="fid", how="left", maintain_order="left")
        .select(
            "fid",
            pl.col("idx").fill_null(pl.lit([], dtype=pl.List(pl.UInt32))),
            pl.concat_str(
                pl.lit("["), head, pl.lit(", ["), pl.col("keys").fill_null(""), pl.lit("]]")
            ).alias("payload"),
        )
    )
