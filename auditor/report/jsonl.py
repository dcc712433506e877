"""`discrepancies.jsonl`: the JSON report's discrepancy objects, one a line, for streaming
consumers that should not have to parse a catalog's whole report.json to read its findings.
Each line states the run id, as every file of a report set does."""

from __future__ import annotations

from collections.abc import Iterator

import polars as pl

from auditor.report import discrepancy_json, jsontext
from auditor.report.model import AuditReport


def chunks(report: AuditReport) -> Iterator[pl.Series]:
    """Lines, a batch at a time. ASCII-only, as claims.jsonl: no raw line separator (U+2028...)
    splits a line."""
    return discrepancy_json.lines(report.discrepancies, report.run)


def render(report: AuditReport) -> str:
    return jsontext.join(chunks(report))
