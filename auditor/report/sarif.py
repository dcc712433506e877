"""SARIF 2.1.0, so that code scanning shows each discrepancy on the lines that state its values.

One result per discrepancy; its rule is the catalog kind (code, name, docs, default level); each
claim is a location whose region is the claim's span, in lines and columns computed from the
line starts that extraction kept (the documents are not read again). Columns count Unicode
code points (`columnKind`), as the spans do. A discrepancy the baseline knows is reported as
unchanged and suppressed, so that it does not annotate a pull request again.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from auditor import __version__
from auditor.catalog import KINDS
from auditor.reconcile.model import ClaimRef, Discrepancy
from auditor.report.model import AuditReport, DocumentRecord

SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SOURCES_BASE = "SOURCES"  # where document paths are relative to when no repository holds them


def render(report: AuditReport) -> str:
    rules = sorted(KINDS.values(), key=lambda k: k.code)
    index = {k.code: i for i, k in enumerate(rules)}
    docs = {d.document: d for d in report.documents}
    uris = _artifacts(report.documents)
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "auditor",
                "version": __version__,
                "rules": [
                    {
                        "id": k.code,
                        "name": k.name,
                        "shortDescription": {"text": k.summary()},
                        "fullDescription": {"text": k.doc()},
                        "help": {"text": k.doc()},
                        "defaultConfiguration": {"level": LEVEL[k.severity]},
                    }
                    for k in rules
                ],
            }
        },
        "automationDetails": {"id": f"auditor/{report.run}"},
        "columnKind": "unicodeCodePoints",
        "originalUriBaseIds": {
            SOURCES_BASE: {"description": {"text": "the sources folder that was audited"}}
        },
        "invocations": [_invocation(report, uris)],
        "results": [_result(d, index[d.code], docs, uris) for d in report.discrepancies],
    }
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, separators=(",", ":")) + "\n"  # ASCII-only, compact: it can be large


def _result(
    d: Discrepancy, rule_index: int, docs: dict[str, DocumentRecord], uris: dict[str, dict]
) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": d.code,
        "ruleIndex": rule_index,
        "level": LEVEL[d.severity],
        "message": {"text": d.explanation},
        "locations": [_location(c, docs.get(c.document), uris) for c in d.claims],
        "partialFingerprints": {"auditorDiscrepancy/v1": d.id},
        "properties": {"entity": d.entity, "attribute": d.attribute, "kind": d.kind},
    }
    if d.status is not None:
        result["baselineState"] = "unchanged" if d.status == "known" else "new"
    if d.status == "known":
        result["suppressions"] = [{"kind": "external", "justification": "accepted in the baseline"}]
    return result


def _location(c: ClaimRef, doc: DocumentRecord | None, uris: dict[str, dict]) -> dict[str, Any]:
    """A page's claim: its span's region. A table's cell: the file, and the row and column."""
    artifact = uris.get(c.document) or {"uri": c.document, "uriBaseId": SOURCES_BASE}
    physical: dict[str, Any] = {"artifactLocation": artifact}
    if c.span is not None and doc is not None and doc.line_starts:
        physical["region"] = {**region(doc.line_starts, *c.span), "snippet": {"text": c.raw}}
    location: dict[str, Any] = {
        "physicalLocation": physical,
        "message": {"text": f"{c.source}: {c.raw}"},
    }
    if c.row is not None:
        location["message"]["text"] += f" (row {c.row}, column {c.column})"
        location["properties"] = {"row": c.row, "column": c.column}
    return location


def region(line_starts: Sequence[int], start: int, end: int) -> dict[str, int]:
    """1-based lines and columns of the span [start, end); endColumn is the one after it."""
    first = bisect.bisect_right(line_starts, start) - 1
    last = bisect.bisect_right(line_starts, max(start, end - 1)) - 1
    return {
        "startLine": first + 1,
        "startColumn": start - line_starts[first] + 1,
        "endLine": last + 1,
        "endColumn": end - line_starts[last] + 1,
    }


def _artifacts(documents: Sequence[DocumentRecord]) -> dict[str, dict[str, str]]:
    """Each document's path from the root of the repository that holds it, so that GitHub
    finds the file; from the sources folder when no repository holds it."""
    roots: dict[Path, Path | None] = {}
    uris = {}
    for d in documents:
        uris[d.document] = {"uri": d.document, "uriBaseId": SOURCES_BASE}
        if d.path is None:
            continue
        folder = d.path.parent
        if folder not in roots:
            holders = (p for p in (folder, *folder.parents) if (p / ".git").exists())
            roots[folder] = next(holders, None)
        if roots[folder] is not None:
            uris[d.document] = {"uri": d.path.relative_to(roots[folder]).as_posix()}
    return uris


def _invocation(report: AuditReport, uris: dict[str, dict]) -> dict[str, Any]:
    """Documents and settings that could not be used, as the tool's notifications."""
    notes = [
        {
            "level": "error",
            "message": {"text": d.error},
            "locations": [{"physicalLocation": {"artifactLocation": uris[d.document]}}],
        }
        for d in report.document_errors
    ]
    notes += [{"level": "error", "message": {"text": e}} for e in report.errors]
    invocation: dict[str, Any] = {"executionSuccessful": not notes}
    if notes:
        invocation["toolExecutionNotifications"] = notes
    return invocation
