"""`auditor check`: write the report in every format asked for, atomically, into one folder."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path

from auditor.claims import COLUMNS, frame_rows
from auditor.report import html, json_report, junit, markdown
from auditor.report.model import AuditReport
from auditor.writing import write_atomic


def _claims_jsonl(report: AuditReport) -> str:
    rows = frame_rows(report.claims.select(COLUMNS)) if report.claims.width else []
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


RENDERERS: dict[str, tuple[str, Callable[[AuditReport], str]]] = {
    "html": ("report.html", html.render),
    "json": ("report.json", json_report.render),
    "md": ("summary.md", markdown.render),
    "junit": ("junit.xml", junit.render),
    "claims": ("claims.jsonl", _claims_jsonl),
}


def write_reports(report: AuditReport, out_dir: Path, formats: Sequence[str]) -> list[Path]:
    written = []
    for fmt in formats:
        name, render = RENDERERS[fmt]
        path = out_dir / name
        write_atomic(path, render(report))
        written.append(path)
    return written


def summary_lines(report: AuditReport) -> list[str]:
    s = report.summary()
    counts = s["discrepancies"]
    return [
        f"{s['documents']} documents ({s['document_errors']} unreadable), {s['claims']} claims, "
        f"{len(report.entities)} entities",
        f"discrepancies: {counts['error']} error, {counts['warning']} warning, "
        f"{counts['info']} info; expectations failed: {s['expectations']['failed']}",
    ]
