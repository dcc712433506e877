"""The audit report: documents, expectation results, discrepancies and resolved values.

Every output format renders this one object; counts are derived from it, never stored.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import polars as pl

from auditor.catalog import SEVERITIES
from auditor.reconcile.model import Discrepancy

VERSION = 1


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    """A document read (or not): a page of one entity and source, or a table file, whose
    `entity` is None (its rows state `entities` entities) and whose `source` is None unless
    all its claims are one source's (`sources` lists them)."""

    entity: str | None
    source: str | None
    document: str
    adapter: str | None
    claims: int
    error: str | None
    captured: str | None = None
    note: str | None = None  # how it was decoded, when not plain UTF-8
    path: Path | None = field(default=None, compare=False, repr=False)  # where to read evidence
    # where each line of the decoded text starts (see extract.registry.line_starts), so that
    # outputs give line and column of a span without reading the document again
    line_starts: Sequence[int] = field(default=(), compare=False, repr=False)
    entities: int | None = None  # a table file's: how many entities its claims are of
    sources: tuple[str, ...] = ()  # a table file's: the sources its claims are of

    def to_dict(self) -> dict[str, Any]:
        d = {
            "entity": self.entity,
            "source": self.source,
            "document": self.document,
            "adapter": self.adapter,
            "claims": self.claims,
            "error": self.error,
        }
        if self.captured:
            d["captured"] = self.captured
        if self.note:
            d["note"] = self.note
        if self.entities is not None:
            d["entities"] = self.entities
            d["sources"] = list(self.sources)
        return d


def unexpected_value(value: Any) -> str:
    """An expectation's unexpected value as a reader reads it: a missing one says so, where
    Python would write None."""
    return "(no value)" if value is None else str(value)


@dataclass(frozen=True)
class ExpectationOutcome:
    expectation: str
    column: str | None
    success: bool
    details: str
    severity: str = "error"
    observed: Any = None
    unexpected: tuple[dict[str, Any], ...] = ()  # {"value": ..., "documents": [...]}

    def to_dict(self) -> dict[str, Any]:
        return {
            "expectation": self.expectation,
            "column": self.column,
            "success": self.success,
            "details": self.details,
            "severity": self.severity,
            "observed": self.observed,
            "unexpected": list(self.unexpected),
        }


@dataclass(frozen=True)
class SuiteOutcome:
    source: str
    suite: str
    results: tuple[ExpectationOutcome, ...]
    error: str | None = None

    @property
    def success(self) -> bool:
        return self.error is None and all(r.success for r in self.results)

    def to_dict(self) -> dict[str, Any]:
        d = {
            "source": self.source,
            "suite": self.suite,
            "success": self.success,
            "results": [r.to_dict() for r in self.results],
        }
        if self.error:
            d["error"] = self.error
        return d


@dataclass(frozen=True)
class AuditReport:
    documents: tuple[DocumentRecord, ...]
    discrepancies: tuple[Discrepancy, ...]
    expectations: tuple[SuiteOutcome, ...] = ()
    resolved: tuple[dict[str, Any], ...] = ()
    sources: tuple[dict[str, Any], ...] = ()  # each source's learned reliability and counts
    claims: pl.DataFrame = field(default_factory=pl.DataFrame, compare=False, repr=False)
    errors: tuple[str, ...] = ()  # configuration or suite errors that are not about a document
    fail_on: str = "error"
    baseline: str | None = None  # the baseline file discrepancies were marked against
    run: str = ""  # digest of the content (auditor.check.run_id), stated in every output file
    # The attribute catalog the audit ran with (the configuration's attributes included).
    attributes: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @cached_property
    def entities(self) -> list[str]:
        """Every page's entity, and every entity a table file's claims are of."""
        names = {d.entity for d in self.documents if d.entity is not None}
        if any(d.entity is None for d in self.documents) and "entity" in self.claims.columns:
            names.update(self.claims.get_column("entity").unique().to_list())
        return sorted(names)

    @property
    def document_errors(self) -> list[DocumentRecord]:
        return [d for d in self.documents if d.error]

    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(SEVERITIES, 0)
        for d in self.discrepancies:
            counts[d.severity] += 1
        return counts

    def failed_expectations(self) -> list[tuple[SuiteOutcome, ExpectationOutcome]]:
        return [(s, r) for s in self.expectations for r in s.results if not r.success]

    def at_or_above(self, severity: str) -> bool:
        if severity == "never":
            return False
        rank = SEVERITIES.index(severity)
        hits = [
            d
            for d in self.discrepancies
            if SEVERITIES.index(d.severity) <= rank and d.status != "known"
        ]
        hits += [r for _, r in self.failed_expectations() if SEVERITIES.index(r.severity) <= rank]
        return bool(hits)

    @property
    def exit_code(self) -> int:
        if self.document_errors or self.errors:
            return 2
        return 1 if self.at_or_above(self.fail_on) else 0

    def summary(self) -> dict[str, Any]:
        return {
            "documents": len(self.documents),
            "claims": sum(d.claims for d in self.documents),
            "discrepancies": self.counts(),
            "expectations": {
                "evaluated": sum(len(s.results) for s in self.expectations),
                "failed": len(self.failed_expectations()),
            },
            "document_errors": len(self.document_errors),
        }

    def to_dict(self, *, discrepancies: bool = True) -> dict[str, Any]:
        """`discrepancies=False`: their place is kept (None) for a writer that renders them
        itself (auditor.report.json_report)."""
        d: dict[str, Any] = {
            "version": VERSION,
            "run": self.run,
            "entities": self.entities,
            "documents": [doc.to_dict() for doc in self.documents],
            "expectations": [s.to_dict() for s in self.expectations],
            "discrepancies": (
                [x.to_dict() for x in self.discrepancies] if discrepancies else None
            ),
            "resolved": list(self.resolved),
            "sources": list(self.sources),
            "summary": self.summary(),
        }
        if self.errors:
            d["errors"] = list(self.errors)
        return d
