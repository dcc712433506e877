"""`auditor check`: write the report in every format asked for, atomically, into one folder."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from auditor.claims import COLUMNS, jsonl
from auditor.errors import AuditorError
from auditor.formats import FILES
from auditor.report import html, json_report, junit, markdown
from auditor.report.model import AuditReport
from auditor.writing import write_atomic


def _claims_jsonl(report: AuditReport) -> str:
    return jsonl(report.claims.select(COLUMNS)) if report.claims.width else ""


_RENDER: dict[str, Callable[[AuditReport], str]] = {
    "html": html.render,
    "json": json_report.render,
    "md": markdown.render,
    "junit": junit.render,
    "claims": _claims_jsonl,
}
RENDERERS: dict[str, tuple[str, Callable[[AuditReport], str]]] = {
    fmt: (FILES[fmt], _RENDER[fmt]) for fmt in FILES
}


def write_reports(report: AuditReport, out_dir: Path, formats: Sequence[str]) -> list[Path]:
    written = []
    for fmt in formats:
        name, render = RENDERERS[fmt]
        path = out_dir / name
        try:
            write_atomic(path, render(report))
        except OSError as exc:
            raise AuditorError(
                f"{out_dir}: the reports cannot be written there ({exc.strerror}); "
                "choose another --out or fix the folder's permissions"
            ) from None
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
