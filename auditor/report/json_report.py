"""The machine-readable report, version 1: the stable contract of DESIGN.md.

ASCII-only JSON: every character beyond ASCII is a `\\u` escape, so no line or paragraph
separator (U+2028, U+2029, U+0085) reaches a consumer that splits lines or embeds the text.
"""

from __future__ import annotations

import json

from auditor.report.model import AuditReport


def render(report: AuditReport) -> str:
    return json.dumps(report.to_dict(), indent=2, ensure_ascii=True) + "\n"
