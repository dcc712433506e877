"""Baselines: discrepancies a reviewer accepted, so that CI fails only on new ones.

The file is reviewed and committed; each entry keeps the stable fingerprint and, for the
reviewer, what it was about. Fingerprints depend on what disagrees (normalized values and
their sources), not on where the text sits, so they survive re-ordering and cosmetic edits.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from auditor.errors import AuditorError
from auditor.report.model import AuditReport
from auditor.writing import write_atomic

VERSION = 1


def render(report: AuditReport) -> str:
    entries = sorted(
        (
            {
                "id": d.id,
                "code": d.code,
                "entity": d.entity,
                "attribute": d.attribute,
                "severity": d.severity,
                "explanation": d.explanation,
            }
            for d in report.discrepancies
        ),
        key=lambda e: (e["entity"], e["attribute"], e["code"], e["id"]),
    )
    return (
        json.dumps({"version": VERSION, "discrepancies": entries}, indent=2, ensure_ascii=False)
        + "\n"
    )


def write(report: AuditReport, path: Path) -> None:
    if path.is_dir():
        raise AuditorError(f"{path}: is a folder; pass --out the baseline file to write")
    try:
        write_atomic(path, render(report))
    except OSError as exc:
        raise AuditorError(
            f"{path}: the baseline cannot be written there ({exc.strerror}); choose another --out"
        ) from None


def load(path: Path) -> set[str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise AuditorError(
            f"{path}: no such baseline; create it with `auditor baseline --out {path}`"
        ) from None
    except OSError as exc:
        raise AuditorError(
            f"{path}: cannot be read as a baseline ({exc.strerror}); give the baseline file"
        ) from None
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError) as exc:  # too deep
        raise AuditorError(
            f"{path}: not a baseline file ({type(exc).__name__}: {exc}); recreate it with "
            "`auditor baseline`"
        ) from None
    problem = _shape(data)
    if problem:
        raise AuditorError(f"{path}: {problem}; recreate it with `auditor baseline`")
    return {e["id"] for e in data["discrepancies"]}


def _shape(data: object) -> str | None:
    """What keeps `data` from being a baseline this auditor wrote: another version's ids
    would match nothing, and every accepted discrepancy would fail CI as new."""
    if not isinstance(data, dict) or not isinstance(data.get("discrepancies"), list):
        return 'not a baseline file (expected {"version": 1, "discrepancies": [...]})'
    if "version" not in data:
        return f"states no version (this auditor reads version {VERSION})"
    if data["version"] != VERSION:
        return f"is a baseline of version {data['version']!r}; this auditor reads version {VERSION}"
    for n, e in enumerate(data["discrepancies"]):
        if not isinstance(e, dict) or not isinstance(e.get("id"), str):
            return f"not a baseline file (discrepancy {n} has no id)"
    return None


def mark(report: AuditReport, known: set[str], name: str) -> AuditReport:
    """Every discrepancy marked new or known."""
    marked = tuple(
        dataclasses.replace(d, status="known" if d.id in known else "new")
        for d in report.discrepancies
    )
    return dataclasses.replace(report, discrepancies=marked, baseline=name)
