"""The machine-readable report, version 1: the stable contract of DESIGN.md."""

from __future__ import annotations

import json

from auditor.report.model import AuditReport


def render(report: AuditReport) -> str:
    return json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n"
