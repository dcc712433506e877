"""`discrepancies.jsonl`: the JSON report's discrepancy objects, one a line, for streaming
consumers that should not have to parse a catalog's whole report.json to read its findings.
Each line states the run id, as every file of a report set does."""

from __future__ import annotations

import json
from collections.abc import Iterator

from auditor.report.model import AuditReport


def lines(report: AuditReport) -> Iterator[str]:
    for d in report.discrepancies:
        # ASCII-only, as claims.jsonl: no raw line separator (U+2028...) splits a line.
        yield json.dumps({"run": report.run, **d.to_dict()}) + "\n"


def render(report: AuditReport) -> str:
    return "".join(lines(report))
