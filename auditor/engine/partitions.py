"""What the Spark engine runs inside each partition: Arrow batches in, Arrow batches out.

These functions import neither pyspark nor anything that needs a cluster: each receives a
partition's record batches and calls the polars engine's own code (extract_document,
reconcile, tables.build) on them, so both engines compute every claim, discrepancy and table
row with the same functions. Rows leave as Arrow batches cast to the schema Spark declared.

Extraction and reconciliation give two kinds of rows each, in one flat schema (Spark's
mapInArrow has one output schema): `seq` is null on a document's outcome row and the claim's
position in its document otherwise; `part` is "d" for a discrepancy and "r" for a resolved
value. Comparisons never cross entities, so a partition holding whole entities reconciles
exactly as the whole catalog does.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import polars as pl
import pyarrow as pa

from auditor.attributes import DEFAULTS, AttributeSpec
from auditor.claims import CLAIM_SCHEMA, to_frame
from auditor.documents import DocumentRef
from auditor.extract.identity import without_other_films
from auditor.extract.registry import extract_document
from auditor.extract.shared import share_names
from auditor.pipeline import without_copies
from auditor.reconcile import Settings, reconcile
from auditor.tables import build as build_tables
from auditor.truth import Truth

# A document to extract: its place in discovery order and its DocumentRef's fields.
REF_SCHEMA: dict[str, pl.DataType] = {
    "ordinal": pl.Int64(),
    "path": pl.String(),
    "relpath": pl.String(),
    "entity": pl.String(),
    "source": pl.String(),
    "captured": pl.String(),
    "problem": pl.String(),
}

# A document's outcome (claim columns null but entity, source, document) or one of its claims.
EXTRACTED_SCHEMA: dict[str, pl.DataType] = {
    "ordinal": pl.Int64(),
    "seq": pl.Int64(),
    "adapter": pl.String(),
    "error": pl.String(),
    "note": pl.String(),
    "digest": pl.String(),
    "count": pl.Int64(),
    "line_starts": pl.List(pl.Int64()),
    **CLAIM_SCHEMA,
}

_OUTCOME = (
    "ordinal",
    "adapter",
    "error",
    "note",
    "digest",
    "count",
    "line_starts",
    "entity",
    "source",
    "document",
)

# A discrepancy ("d": claims are positions among its entity's claims, resolved its Resolved
# as JSON text plus confidence and sources) or a resolved value ("r": value, slot, ...).
RECONCILED_SCHEMA: dict[str, pl.DataType] = {
    "part": pl.String(),
    "entity": pl.String(),
    "attribute": pl.String(),
    "id": pl.String(),
    "code": pl.String(),
    "kind": pl.String(),
    "severity": pl.String(),
    "explanation": pl.String(),
    "reason": pl.String(),
    "fields": pl.String(),
    "claims": pl.List(pl.Int64()),
    "slot": pl.String(),
    "value": pl.String(),
    "confidence": pl.Float64(),
    "sources": pl.List(pl.String()),
}

# Claims in the order the polars engine holds them: discovery order, then page order.
ORDER = ("ordinal", "seq")
KEY_STEP = 1 << 32  # above any claim's seq


def _frame(batches: Iterable[pa.RecordBatch]) -> pl.DataFrame | None:
    batches = list(batches)
    if not batches:
        return None
    return pl.from_arrow(pa.Table.from_batches(batches))


def _out(frame: pl.DataFrame, schema: pa.Schema) -> Iterator[pa.RecordBatch]:
    yield from frame.select(schema.names).to_arrow().cast(schema).to_batches()


def extract(batches: Iterable[pa.RecordBatch], schema: pa.Schema) -> Iterator[pa.RecordBatch]:
    """The partition's document refs (whole entities), extracted one entity at a time as the
    polars engine does: extract_document on each, then copies refused and names shared
    across the entity's pages. Outcome rows and claim rows, every claim column."""
    frame = _frame(batches)
    if frame is None:
        return
    for (_,), refs in frame.sort("ordinal").group_by("entity", maintain_order=True):
        ordinals = refs.get_column("ordinal").to_list()
        kept = without_copies(
            tuple(extract_document(_ref(row)) for row in refs.iter_rows(named=True))
        )
        titled = [c for r in kept for c in r.claims if c.attribute in ("title", "also_known_as")]
        results = share_names(without_other_films(kept, to_frame(titled)))
        outcomes = pl.DataFrame(
            [
                (n, r.adapter, r.error, r.note, r.digest, len(r.claims), r.line_starts.tolist())
                + (r.ref.entity, r.ref.source, r.ref.relpath)
                for n, r in zip(ordinals, results, strict=True)
            ],
            schema={k: EXTRACTED_SCHEMA[k] for k in _OUTCOME},
            orient="row",
        )
        claims = to_frame([c for r in results for c in r.claims]).with_columns(
            ordinal=pl.Series(
                [n for n, r in zip(ordinals, results, strict=True) for _ in r.claims],
                dtype=pl.Int64,
            ),
            seq=pl.Series([k for r in results for k in range(len(r.claims))], dtype=pl.Int64),
        )
        yield from _out(pl.concat([outcomes, claims], how="diagonal_relaxed"), schema)


def _ref(row: dict) -> DocumentRef:
    return DocumentRef(
        path=Path(row["path"]),
        relpath=row["relpath"],
        entity=row["entity"],
        source=row["source"],
        captured=row["captured"],
        problem=row["problem"],
    )


def claims_in_order(frame: pl.DataFrame) -> pl.DataFrame:
    """A partition's claims (whole entities) in the polars engine's order, claim columns only."""
    return frame.sort(*ORDER).select(*CLAIM_SCHEMA).cast(CLAIM_SCHEMA)


def keys(frame: pl.DataFrame) -> pl.Series:
    """Each claim's place in the polars engine's order as one number (ordinal, then seq):
    how a discrepancy names its claims whatever partition reconciled it."""
    return frame.select(pl.col("ordinal") * KEY_STEP + pl.col("seq")).to_series()


def reconciled(
    batches: Iterable[pa.RecordBatch],
    schema: pa.Schema,
    settings: Settings,
    documents: dict[str, list[tuple[str, str]]],
    truth: Truth | None = None,
) -> Iterator[pa.RecordBatch]:
    """The partition's entities reconciled with auditor.reconcile (with what was learned of the
    sources over the whole catalog, `truth`): discrepancy and resolved
    rows. A discrepancy's claims are given as keys (see `keys`), which the driver turns into
    positions in the whole catalog's claims."""
    frame = _frame(batches)
    if frame is None:
        return
    frame = frame.sort(*ORDER)
    at = keys(frame).to_list()
    claims = claims_in_order(frame)
    entities = claims.get_column("entity").unique().to_list()
    result = reconcile(
        claims, settings, {e: documents[e] for e in entities if e in documents}, truth
    )
    found = result.discrepancies
    discrepancies = pl.DataFrame(
        {
            "part": ["d"] * len(found),
            "entity": [d.entity for d in found],
            "attribute": [d.attribute for d in found],
            "id": [d.id for d in found],
            "code": [d.code for d in found],
            "kind": [d.kind for d in found],
            "severity": [d.severity for d in found],
            "explanation": [d.explanation for d in found],
            "reason": [d.reason for d in found],
            "fields": [d.fields for d in found],
            "claims": [[at[i] for i in d.claim_idx] for d in found],
            "value": [json.dumps(d.resolved.value) if d.resolved else None for d in found],
            "confidence": [d.resolved.confidence if d.resolved else None for d in found],
            "sources": [list(d.resolved.sources) if d.resolved else None for d in found],
        },
        schema={k: t for k, t in RECONCILED_SCHEMA.items() if k != "slot"},
    )
    resolved = result.resolved.with_columns(part=pl.lit("r"))
    yield from _out(pl.concat([discrepancies, resolved], how="diagonal_relaxed"), schema)


def tables(
    batches: Iterable[pa.RecordBatch],
    schema: pa.Schema,
    captured: dict[str, str],
    specs: dict[str, AttributeSpec],
) -> Iterator[pa.RecordBatch]:
    """The partition's rows of every per-source table (auditor.tables.build), with a source
    column; list columns stay behind (validation reads scalar columns only)."""
    frame = _frame(batches)
    if frame is None:
        return
    built = build_tables(claims_in_order(frame), captured, specs)
    parts = [t.with_columns(source=pl.lit(s)) for s, t in sorted(built.items())]
    if parts:
        frame = pl.concat(parts, how="diagonal_relaxed")
        # A declared attribute no claim of these entities states is a column of nulls here.
        missing = [pl.lit(None).alias(c) for c in schema.names if c not in frame.columns]
        yield from _out(frame.with_columns(missing), schema)


def table_schema(claims: pl.DataFrame, specs: dict[str, AttributeSpec]) -> dict[str, pl.DataType]:
    """The scalar columns of a per-source table, with their types, whatever partition the
    rows come from: as auditor.tables.build makes them of the whole catalog's claims (a kind
    that types its column by what its values are, such as `exact`, sees them all), with a
    probe claim of its own source so that the catalog's columns come out even when empty."""
    probe = pl.DataFrame(
        [
            {c: None for c in CLAIM_SCHEMA}
            | {
                "entity": "-",
                "source": "-",
                "document": "-",
                "attribute": next(iter(DEFAULTS)),
                "value": "null",
                "origin": "editorial",
            }
        ],
        schema=CLAIM_SCHEMA,
    )
    table = build_tables(pl.concat([probe, claims.select(*CLAIM_SCHEMA)]), None, specs)["-"]
    return {
        "source": pl.String(),
        **{c: t for c, t in table.schema.items() if not isinstance(t, pl.List)},
    }
