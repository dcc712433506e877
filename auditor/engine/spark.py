"""`auditor check --engine spark`: the same stages on Apache Spark, the same report.

    documents found, declared tables read (driver) -> a DataFrame of document refs
      --repartition by entity--mapInArrow: extract_document, copies refused, names shared
        per entity-->  outcome rows + claim rows                              (executors)
    claims (+ the tables') --repartition by entity--mapInArrow: reconcile (polars)-->
                                                     discrepancy and resolved rows
           --mapInArrow: tables.build-->  per-source tables --GX Spark data source--> outcomes
    collected and put in the polars engine's order (driver) --> AuditReport --> renderers

Every stage calls the polars engine's own functions on whole entities, so the report is
byte-identical to `auditor check`'s: rows come back in any order and are sorted on keys that
do not depend on partitioning (discovery order and page order for documents and claims;
entity, severity, attribute, code and id for discrepancies; entity, attribute and slot for
resolved values). Discrepancies cross as rows naming their claims by key (discovery ordinal
and page position) and are rebuilt on the driver around the catalog's claims (see
partitions.reconciled); the report is built by pipeline.report_of, as the polars engine's.
The documents must be readable at the same path on every executor (a shared or mounted file
system).

pyspark is imported here only (auditor.engine checks first that it is installed:
`pip install 'auditor[spark]'`).
"""

from __future__ import annotations

import os
import sys
from array import array
from collections.abc import Sequence
from functools import partial
from pathlib import Path

import polars as pl
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql.pandas.types import from_arrow_schema, to_arrow_schema

from auditor import kinds
from auditor.attributes import catalog
from auditor.catalog import SEVERITIES
from auditor.claims import CLAIM_SCHEMA
from auditor.config import Config
from auditor.documents import discover
from auditor.engine import partitions as executors
from auditor.engine.partitions import EXTRACTED_SCHEMA, RECONCILED_SCHEMA, REF_SCHEMA
from auditor.extract.registry import DocumentResult
from auditor.pipeline import (
    Extraction,
    Progress,
    _silent,
    declared,
    entity_documents,
    has_tables,
    pages_keep_their_kinds,
    report_of,
    settings_for,
)
from auditor.readers.declared import Tables
from auditor.reconcile import learn
from auditor.reconcile.model import ClaimStore, Discrepancy, Resolved
from auditor.reconcile.reliability import empty_sources
from auditor.report.model import AuditReport
from auditor.validate.suites import load_suites


def session() -> SparkSession:
    """The running session (spark-submit, a notebook, a managed service), or a new one: on
    the master that spark-submit or SPARK_* settings name, else local[*], its Python workers
    running this interpreter unless PYSPARK_PYTHON says otherwise."""
    active = SparkSession.getActiveSession()
    if active is not None:
        return active
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = (
        SparkSession.builder.appName("auditor")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def audit(
    paths: Sequence[Path],
    config: Config,
    progress: Progress = _silent,
    *,
    spark: SparkSession | None = None,
    partitions: int | None = None,
) -> AuditReport:
    """As auditor.pipeline.audit, on Spark; `partitions` (default: the session's
    parallelism) is how many partitions documents and entities are spread over."""
    spark = spark or session()
    n = partitions or spark.sparkContext.defaultParallelism
    tables = declared(paths, config)  # read on the driver, as the polars engine reads them
    refs = discover(paths, max_bytes=config.max_document_bytes, allow_empty=has_tables(tables))
    pages_keep_their_kinds(refs, config)
    progress("extract", 0, len(refs))
    rows = _frame(
        spark,
        pl.DataFrame(
            {
                "ordinal": range(len(refs)),
                "path": [str(r.path) for r in refs],
                "relpath": [r.relpath for r in refs],
                "entity": [r.entity for r in refs],
                "source": [r.source for r in refs],
                "captured": [r.captured for r in refs],
                "problem": [r.problem for r in refs],
            },
            schema=REF_SCHEMA,
        ),
    ).repartition(n, "entity")
    extracted = _map(rows, executors.extract, EXTRACTED_SCHEMA).cache()
    try:
        outcomes = _collect(
            extracted.where(extracted["seq"].isNull()).drop("seq"), EXTRACTED_SCHEMA
        ).sort("ordinal")
        progress("extract", len(refs), len(refs))
        results = tuple(
            DocumentResult(
                refs[o], adapter, (), error, note, digest or "", array("I", starts or ())
            )
            for o, adapter, error, note, digest, starts in outcomes.select(
                "ordinal", "adapter", "error", "note", "digest", "line_starts"
            ).iter_rows()
        )
        counts = outcomes.get_column("count").to_list()
        # The declared tables' claims come after every page's, as in the polars engine.
        table_claims = _frame(
            spark,
            tables.claims.with_columns(
                ordinal=pl.lit(len(refs), pl.Int64),
                seq=pl.int_range(tables.claims.height, dtype=pl.Int64),
            ).select(*executors.ORDER, *CLAIM_SCHEMA),
        )
        claim_rows = extracted.where(extracted["seq"].isNotNull()).select(
            *executors.ORDER, *CLAIM_SCHEMA
        )
        report = _reconcile_and_validate(
            claim_rows.unionByName(table_claims), results, counts, tables, config, n, progress
        )
    finally:
        extracted.unpersist()
    return report


def _reconcile_and_validate(
    claim_rows: DataFrame,
    results: tuple[DocumentResult, ...],
    counts: list[int],
    tables: Tables,
    config: Config,
    n: int,
    progress: Progress,
) -> AuditReport:
    by_entity = claim_rows.repartition(n, "entity").cache()
    try:
        ordered = _collect(by_entity, EXTRACTED_SCHEMA).sort(*executors.ORDER)
        claims = executors.claims_in_order(ordered)
        extraction = Extraction(results, claims)
        settings = settings_for(config, extraction, tables)
        progress("reconcile", 0, 1)
        truth = learn(claims, settings)  # sources are judged over the whole catalog
        reconciled = _collect(
            _map(
                by_entity,
                partial(
                    executors.reconciled,
                    settings=settings,
                    documents=entity_documents(results, tables),
                    truth=truth,
                ),
                RECONCILED_SCHEMA,
            ),
            RECONCILED_SCHEMA,
        )
        progress("reconcile", 1, 1)
        discrepancies = _discrepancies(
            reconciled.filter(pl.col("part") == "d"), claims, executors.keys(ordered)
        )
        resolved = (
            reconciled.filter(pl.col("part") == "r")
            .select("entity", "attribute", "slot", "value", "confidence", "sources")
            .sort("entity", "attribute", "slot")
        )
        progress("validate", 0, 1)
        expectations, errors = _expectations(by_entity, extraction, config)
        progress("validate", 1, 1)
    finally:
        by_entity.unpersist()
    return report_of(
        results,
        counts,
        tables,
        config=config,
        settings=settings,
        claims=claims,
        discrepancies=discrepancies,
        resolved=resolved,
        sources=truth.sources if truth is not None else empty_sources(),
        expectations=expectations,
        errors=errors,
    )


def _discrepancies(
    rows: pl.DataFrame, claims: pl.DataFrame, keys: pl.Series
) -> tuple[Discrepancy, ...]:
    """Discrepancy rows rebuilt as reconcile made them, citing the catalog's claims (`keys`:
    each claim's key, in the catalog's order), in reconcile's order (entity, severity,
    attribute, code, id)."""
    if rows.is_empty():
        return ()
    at = {k: i for i, k in enumerate(keys.to_list())}
    rank = {s: k for k, s in enumerate(SEVERITIES)}
    rows = rows.with_columns(
        rank=pl.col("severity").replace_strict(rank, return_dtype=pl.UInt8)
    ).sort("entity", "rank", "attribute", "code", "id")
    store = ClaimStore(claims)
    made = []
    for d in rows.iter_rows(named=True):
        resolved = (
            Resolved(kinds.decode(d["value"]), d["confidence"], tuple(d["sources"]))
            if d["value"] is not None
            else None
        )
        made.append(
            Discrepancy(
                d["id"],
                d["code"],
                d["kind"],
                d["severity"],
                d["entity"],
                d["attribute"],
                d["explanation"],
                tuple(at[k] for k in d["claims"]),
                resolved,
                None,
                store,
                d["reason"],
                d["fields"],
            )
        )
    return tuple(made)


def _expectations(by_entity: DataFrame, extraction: Extraction, config: Config):
    """The per-source tables built per partition of entities, validated by GX on Spark."""
    suites, errors = load_suites(config.expectations) if config.expectations else ([], [])
    if not suites:
        return [], errors
    from auditor.engine.spark_validate import validate

    captured = {d.ref.relpath: d.ref.captured for d in extraction.documents if d.ref.captured}
    specs = catalog(config.settings.get("attributes"))
    schema = executors.table_schema(extraction.claims, specs)
    tables = _map(
        by_entity, partial(executors.tables, captured=captured, specs=specs), schema
    ).cache()
    try:
        sources = sorted(r[0] for r in tables.select("source").distinct().collect())
        lost = {d.ref.source for d in extraction.errors}
        quiet = bool(extraction.errors)
        outcomes, problems = validate(tables, sources, suites, lost, quiet)
    finally:
        tables.unpersist()
    return outcomes, errors + problems


def _schemas(schema: dict[str, pl.DataType]):
    """A polars schema as Spark's, and the Arrow schema Spark expects batches in."""
    spark_schema = from_arrow_schema(pl.DataFrame(schema=schema).to_arrow().schema)
    return spark_schema, to_arrow_schema(spark_schema)


def _frame(spark: SparkSession, frame: pl.DataFrame) -> DataFrame:
    spark_schema, arrow_schema = _schemas(frame.schema)
    return spark.createDataFrame(frame.to_arrow().cast(arrow_schema), schema=spark_schema)


def _map(frame: DataFrame, function, schema: dict[str, pl.DataType]) -> DataFrame:
    spark_schema, arrow_schema = _schemas(schema)
    return frame.mapInArrow(partial(function, schema=arrow_schema), spark_schema)


def _collect(frame: DataFrame, schema: dict[str, pl.DataType]) -> pl.DataFrame:
    """A DataFrame on the driver as polars, with the polars engine's column types."""
    table = frame.toArrow()
    out = (
        pl.from_arrow(table)
        if table.num_rows
        else pl.DataFrame(schema={c: schema[c] for c in table.column_names})
    )
    return out.cast({c: schema[c] for c in out.columns if c in schema})
