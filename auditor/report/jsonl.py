"""`discrepancies.jsonl`: the JSON report's discrepancy objects, one a line, for streaming
consumers that should not have to parse a catalog's whole report.json to read its findings."""

from __future__ import annotations

import json
from collections.abc import Iterator

from auditor.report.model import AuditReport


def lines(report: AuditReport) -> Iterator[str]:
    for d in report.discrepancies:
        yield json.dumps(d.to_dict(), ensure_ascii=False) + "\n"


def render(report: AuditReport) -> str:
    return "".join(lines(report))
