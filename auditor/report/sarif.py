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
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import polars as pl

from auditor import __version__
from auditor.catalog import KINDS
from auditor.reconcile.model import Discrepancy
from auditor.report.model import AuditReport, DocumentRecord

SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SOURCES_BASE = "SOURCES"  # where document paths are relative to when no repository holds them


_RESULTS = "\x00results\x00"  # where the results go in the log's text
_COLUMNS = ("source", "document", "raw", "span_start", "span_end", "row", "column")
_BATCH = 20_000


def render(report: AuditReport) -> str:
    return "".join(chunks(report))


def chunks(report: AuditReport) -> Iterator[str]:
    """The log in pieces: compact JSON (ASCII-only: it can be large), its results a batch at
    a time, each claim's location from the claim store's columns (no claim objects)."""
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
        "results": _RESULTS,
    }
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    head, tail = json.dumps(log, separators=(",", ":")).split(json.dumps(_RESULTS), 1)
    yield head + "["
    found = report.discrepancies
    for lo in range(0, len(found), _BATCH):
        batch = found[lo : lo + _BATCH]
        cited = _cited(batch)
        results = [
            _result(d, index[d.code], [_location(c, docs.get(c[1]), uris) for c in claims])
            for d, claims in zip(batch, cited, strict=True)
        ]
        text = json.dumps(results, separators=(",", ":"))[1:-1]
        yield ("," if lo and text else "") + text
    yield "]" + tail + "\n"


def _cited(batch: Sequence[Discrepancy]) -> list[list[tuple]]:
    """Each discrepancy's claims as (source, document, raw, span_start, span_end, row,
    column): only the batch's cited rows of each store are read out of its frame."""
    wanted: dict[int, tuple[object, list[int]]] = {}
    for d in batch:
        if d.store is not None:
            wanted.setdefault(id(d.store), (d.store, []))[1].extend(d.claim_idx)
    rows: dict[int, Iterator[tuple]] = {}
    for key, (store, idx) in wanted.items():
        part = store.frame.select(_COLUMNS)[pl.Series(idx, dtype=pl.Int64)]
        rows[key] = zip(*(part.get_column(c).to_list() for c in _COLUMNS), strict=True)
    out = []
    for d in batch:
        if d.store is None:
            out.append([])
            continue
        taken = rows[id(d.store)]
        out.append([next(taken) for _ in d.claim_idx])
    return out


def _result(
    d: Discrepancy, rule_index: int, locations: list[dict[str, Any]]
) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": d.code,
        "ruleIndex": rule_index,
        "level": LEVEL[d.severity],
        "message": {"text": d.explanation},
        "locations": locations,
        "partialFingerprints": {"auditorDiscrepancy/v1": d.id},
        "properties": {"entity": d.entity, "attribute": d.attribute, "kind": d.kind},
    }
    if d.status is not None:
        result["baselineState"] = "unchanged" if d.status == "known" else "new"
    if d.status == "known":
        result["suppressions"] = [{"kind": "external", "justification": "accepted in the baseline"}]
    return result


def _location(c: tuple, doc: DocumentRecord | None, uris: dict[str, dict]) -> dict[str, Any]:
    """A page's claim: its span's region. A table's cell: the file, and the row and column."""
    source, document, raw, start, end, row, column = c
    artifact = uris.get(document) or {"uri": document, "uriBaseId": SOURCES_BASE}
    physical: dict[str, Any] = {"artifactLocation": artifact}
    if start is not None and doc is not None and doc.line_starts:
        physical["region"] = {**region(doc.line_starts, start, end), "snippet": {"text": raw}}
    location: dict[str, Any] = {
        "physicalLocation": physical,
        "message": {"text": f"{source}: {raw}"},
    }
    if row is not None:
        location["message"]["text"] += f" (row {row}, column {column})"
        location["properties"] = {"row": row, "column": column}
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
