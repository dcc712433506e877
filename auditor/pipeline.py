"""The stages wired together: the library API the CLI (and anyone else) calls."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import polars as pl

from auditor import cache
from auditor.attributes import catalog
from auditor.config import Config
from auditor.documents import DocumentRef, discover
from auditor.extract.registry import DocumentResult
from auditor.reconcile import Settings, reconcile
from auditor.reconcile.resolve import decoded
from auditor.report.model import AuditReport, DocumentRecord
from auditor.tables import build as build_tables
from auditor.validate.suites import load_suites

# Below this many documents, starting worker processes costs more than it saves.
PARALLEL_FROM = 16


@dataclass(frozen=True)
class Extraction:
    """Every document's outcome, and the claims of those that could be read, as one frame."""

    documents: tuple[DocumentResult, ...]
    claims: pl.DataFrame

    @property
    def errors(self) -> list[DocumentResult]:
        return [d for d in self.documents if d.error]


def extract_paths(paths: Sequence[Path], *, workers: int | None = None) -> Extraction:
    return extract_refs(discover(paths), workers=workers)


def extract_refs(refs: Sequence[DocumentRef], *, workers: int | None = None) -> Extraction:
    """Unchanged documents' claims come from the cache (auditor.cache), the rest are extracted
    in worker processes, a chunk of documents at a time."""
    workers = workers or os.cpu_count() or 1
    results, claims = cache.extract(refs, workers=workers, parallel_from=PARALLEL_FROM)
    return Extraction(results, claims)


def settings_for(config: Config, extraction: Extraction) -> Settings:
    """Reconciliation settings from `[tool.auditor]`, plus what the manifests say."""
    specs = catalog(config.settings.get("attributes"))
    base = Settings.from_config(specs, config.settings)
    captured = {d.ref.relpath: d.ref.captured for d in extraction.documents if d.ref.captured}
    return replace(base, captured=captured)


def audit(paths: Sequence[Path], config: Config) -> AuditReport:
    """Extract, reconcile (and validate, where suites exist) into one report."""
    extraction = extract_paths(paths)
    documents: dict[str, list[tuple[str, str]]] = {}
    for d in extraction.documents:
        if d.error is None:
            documents.setdefault(d.ref.entity, []).append((d.ref.source, d.ref.relpath))
    settings = settings_for(config, extraction)
    reconciliation = reconcile(extraction.claims, settings, documents)
    records = tuple(
        DocumentRecord(
            entity=d.ref.entity,
            source=d.ref.source,
            document=d.ref.relpath,
            adapter=d.adapter,
            claims=len(d.claims),
            error=d.error,
            captured=d.ref.captured,
            path=d.ref.path,
        )
        for d in extraction.documents
    )
    expectations, errors = check_expectations(extraction, config)
    return AuditReport(
        documents=records,
        discrepancies=reconciliation.discrepancies,
        expectations=tuple(expectations),
        resolved=tuple(decoded(reconciliation.resolved)),
        claims=extraction.claims,
        errors=tuple(errors),
        fail_on=config.fail_on,
    )


def check_expectations(extraction: Extraction, config: Config):
    """Per-source tables validated against the suites in the expectations folder."""
    suites, errors = load_suites(config.expectations)
    if not suites:
        return [], errors
    captured = {d.ref.relpath: d.ref.captured for d in extraction.documents if d.ref.captured}
    from auditor.validate import validate  # Great Expectations loads only when there is work

    outcomes, problems = validate(build_tables(extraction.claims, captured), suites)
    return outcomes, errors + problems
