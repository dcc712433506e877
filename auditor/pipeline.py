"""The stages wired together: the library API the CLI (and anyone else) calls."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol

import polars as pl

from auditor import cache, gcpause
from auditor.attributes import DEFAULTS, catalog
from auditor.claims import to_frame
from auditor.config import Config
from auditor.documents import DEFAULT_MAX_BYTES, DocumentRef, discover
from auditor.errors import AuditorError
from auditor.extract.copies import without_copies
from auditor.extract.identity import without_other_films
from auditor.extract.registry import DocumentResult
from auditor.extract.shared import share_names
from auditor.readers.declared import Tables, config_file, read_declared
from auditor.reconcile import Settings, reconcile
from auditor.reconcile.model import Discrepancy
from auditor.reconcile.reliability import source_rows
from auditor.reconcile.resolve import decoded
from auditor.report.model import AuditReport, DocumentRecord, SuiteOutcome
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


class Progress(Protocol):
    """Told how far a stage has come, e.g. to draw a progress bar."""

    def __call__(self, stage: str, done: int, total: int) -> None: ...


def _silent(stage: str, done: int, total: int) -> None:
    pass


@contextlib.contextmanager
def stage(progress: Progress, name: str) -> Iterator[None]:
    """A stage with no count of its own: told as 0 of 1 when it starts, 1 of 1 when done."""
    progress(name, 0, 1)
    yield
    progress(name, 1, 1)


def extract_paths(
    paths: Sequence[Path],
    *,
    workers: int | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Progress = _silent,
    allow_empty: bool = False,
) -> Extraction:
    """`allow_empty`: no documents is no error (the configuration declares tables)."""
    refs = discover(paths, max_bytes=max_bytes, allow_empty=allow_empty)
    return extract_refs(refs, workers=workers, progress=progress)


def extract_refs(
    refs: Sequence[DocumentRef], *, workers: int | None = None, progress: Progress = _silent
) -> Extraction:
    """Unchanged documents' claims come from the cache (auditor.cache), the rest are extracted
    in worker processes, a chunk of films at a time; then copies are refused, and pages whose
    title is not their film's (auditor.extract.identity), and a film's cased pages lend their
    names to its lower-cased ones (auditor.extract.shared), where the worker or the cache has
    not done so already."""
    workers = workers or os.cpu_count() or 1
    # A record per document and no cycles: the collector's scans of a large catalog's heap
    # (a run's earlier report, in a long-lived process) would cost more than the making.
    with gcpause.paused():
        results, claims = cache.extract(
            refs, workers=workers, parallel_from=PARALLEL_FROM, progress=progress
        )
        final = share_names(without_other_films(without_copies(results), claims))
        return Extraction(final, _claims_of(results, final, claims))


def _claims_of(
    before: Sequence[DocumentResult], after: Sequence[DocumentResult], frame: pl.DataFrame
) -> pl.DataFrame:
    """The claims frame of `after`, from `frame` (the claims of `before`, in document order):
    a refused copy's stretch is dropped, and claims a document gained from shared names (only
    ever appended) follow its own. Unchanged documents cost nothing."""
    parts = []
    start = offset = 0
    for old, new in zip(before, after, strict=True):
        n = len(old.claims)
        if new.claims is not old.claims:
            keep = n if new.claims else 0
            parts.append(frame.slice(start, offset + keep - start))
            if len(new.claims) > n:
                parts.append(to_frame(tuple(new.claims)[n:]))
            start = offset + n
        offset += n
    if not parts:
        return frame
    parts.append(frame.slice(start, offset - start))
    return pl.concat(parts)


def settings_for(config: Config, extraction: Extraction, tables: Tables | None = None) -> Settings:
    """Reconciliation settings from `[tool.auditor]`, plus what the manifests (and the
    declared tables) say of capture dates."""
    specs = catalog(config.settings.get("attributes"))
    base = Settings.from_config(specs, config.settings)
    captured = {d.ref.relpath: d.ref.captured for d in extraction.documents if d.ref.captured}
    return replace(base, captured=captured | (tables.captured if tables else {}))


def declared(paths: Sequence[Path], config: Config) -> Tables:
    """The configuration's tables, read beside the pages; nothing at all to audit is an error."""
    tables = read_declared(config)
    if not paths and not has_tables(tables):
        raise AuditorError("nothing to audit: give a sources folder or declare [[tables]]")
    return tables


def pages_keep_their_kinds(refs: Sequence[DocumentRef], config: Config) -> None:
    """The page adapters state the built-in attributes in the built-in kinds: a configuration
    that gives one another kind (`[attributes.runtime] kind = "money"`) can audit tables, but
    its pages' values would not read as that kind."""
    if all(r.problem for r in refs):
        return
    path, key = config_file(config)
    for name, spec in (config.settings.get("attributes") or {}).items():
        builtin = DEFAULTS.get(name)
        if builtin and spec.get("kind", builtin.kind) != builtin.kind:
            section = key.replace("tables", "attributes")
            raise AuditorError(
                f'{path}: [{section}.{name}] kind = "{spec["kind"]}": the pages state {name} '
                f'as {builtin.kind}; keep that kind, or map the table\'s column to an attribute '
                "of another name"
            )


def has_tables(tables: Tables) -> bool:
    return bool(tables.records or tables.errors)


def entity_documents(
    results: Sequence[DocumentResult], tables: Tables
) -> dict[str, list[tuple[str, str]]]:
    """entity -> [(source, document)] of every document read and every table's, as
    reconciliation counts who states what."""
    documents = tables.documents()
    for d in results:
        if d.error is None:
            documents.setdefault(d.ref.entity, []).append((d.ref.source, d.ref.relpath))
    return documents


def audit(paths: Sequence[Path], config: Config, progress: Progress = _silent) -> AuditReport:
    """Extract, reconcile (and validate, where suites exist) into one report."""
    tables = declared(paths, config)
    refs = discover(paths, max_bytes=config.max_document_bytes, allow_empty=has_tables(tables))
    pages_keep_their_kinds(refs, config)
    extraction = extract_refs(refs, progress=progress)
    extraction = replace(extraction, claims=pl.concat([extraction.claims, tables.claims]))
    settings = settings_for(config, extraction, tables)
    with stage(progress, "reconcile"):
        reconciliation = reconcile(
            extraction.claims, settings, entity_documents(extraction.documents, tables)
        )
    with stage(progress, "validate"):
        expectations, errors = check_expectations(extraction, config)
    return report_of(
        extraction.documents,
        [len(d.claims) for d in extraction.documents],
        tables,
        config=config,
        settings=settings,
        claims=extraction.claims,
        discrepancies=reconciliation.discrepancies,
        resolved=reconciliation.resolved,
        sources=reconciliation.sources,
        expectations=expectations,
        errors=errors,
    )


def report_of(
    results: Sequence[DocumentResult],
    counts: Sequence[int],
    tables: Tables,
    *,
    config: Config,
    settings: Settings,
    claims: pl.DataFrame,
    discrepancies: Sequence[Discrepancy],
    resolved: pl.DataFrame,
    sources: pl.DataFrame,
    expectations: Sequence[SuiteOutcome],
    errors: Sequence[str],
) -> AuditReport:
    """The report of what either engine computed: `counts` are the documents' claims. Its
    many small records (a dict per resolved value) are made with the collector paused: with a
    large catalog's discrepancies alive, its scans cost four times the making."""
    with gcpause.paused():
        records = (
            tuple(
                DocumentRecord(
                    entity=d.ref.entity,
                    source=d.ref.source,
                    document=d.ref.relpath,
                    adapter=d.adapter,
                    claims=count,
                    error=d.error,
                    captured=d.ref.captured,
                    note=d.note,
                    path=d.ref.path,
                    line_starts=d.line_starts,
                )
                for d, count in zip(results, counts, strict=True)
            )
            + tables.records
        )
        return AuditReport(
            documents=records,
            discrepancies=tuple(discrepancies),
            expectations=tuple(expectations),
            resolved=tuple(decoded(resolved)),
            sources=tuple(source_rows(sources)),
            claims=claims,
            errors=(*tables.errors, *errors),
            fail_on=config.fail_on,
            attributes=settings.specs,
        )


def check_expectations(extraction: Extraction, config: Config):
    """Per-source tables validated against the suites in the expectations folder."""
    suites, errors = load_suites(config.expectations) if config.expectations else ([], [])
    if not suites:
        return [], errors
    captured = {d.ref.relpath: d.ref.captured for d in extraction.documents if d.ref.captured}
    from auditor.validate import validate  # Great Expectations loads only when there is work

    # A source may have lost its documents to errors already reported (an entity refused as a
    # whole names none): the suites need not say it again.
    lost = {d.ref.source for d in extraction.errors}
    # The built-in suites name the film sites; a run on some of them is not told of the rest.
    quiet = bool(extraction.errors) or config.expectations_builtin
    specs = catalog(config.settings.get("attributes"))
    tables = build_tables(extraction.claims, captured, specs)
    outcomes, problems = validate(tables, suites, lost, quiet)
    return outcomes, errors + problems
