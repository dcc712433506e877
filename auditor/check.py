"""`auditor check`: write the report in every format asked for, atomically, into one folder."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path

from auditor.claims import COLUMNS, frame_rows
from auditor.report import html, json_report, jsonl, junit, markdown
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
    "jsonl": ("discrepancies.jsonl", jsonl.render),
}


def write_reports(report: AuditReport, out_dir: Path, formats: Sequence[str]) -> list[Path]:
    written = []
    for fmt in formats:
        if fmt == "html":
            written += _write_html(report, out_dir)
            continue
        name, render = RENDERERS[fmt]
        path = out_dir / name
        write_atomic(path, render(report))
        written.append(path)
    return written


def _write_html(report: AuditReport, out_dir: Path) -> list[Path]:
    """The one page, or the index and a page per entity (written as each is made); entity
    pages of an earlier run that this one did not write are removed."""
    pages = out_dir / html.ENTITY_DIR
    made: set[Path] = set()
    for rel, text in html.files(report):
        path = out_dir / rel
        write_atomic(path, text)
        made.add(path)
    if pages.is_dir():
        for old in pages.glob("*.html"):
            if old not in made:
                old.unlink()
        if not any(pages.iterdir()):
            pages.rmdir()
    return [out_dir / html.INDEX] + ([pages] if pages.is_dir() else [])


def summary_lines(report: AuditReport) -> list[str]:
    s = report.summary()
    counts = s["discrepancies"]
    return [
        f"{s['documents']} documents ({s['document_errors']} unreadable), {s['claims']} claims, "
        f"{len(report.entities)} entities",
        f"discrepancies: {counts['error']} error, {counts['warning']} warning, "
        f"{counts['info']} info; expectations failed: {s['expectations']['failed']}",
    ]
