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
from json.encoder import encode_basestring_ascii as _s
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
_SUPPRESSED = ',"suppressions":' + json.dumps(
    [{"kind": "external", "justification": "accepted in the baseline"}], separators=(",", ":")
)


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
    text = _Text(docs, uris)
    for lo in range(0, len(found), _BATCH):
        batch = found[lo : lo + _BATCH]
        cited = _cited(batch)
        results = [
            text.result(d, index[d.code], claims) for d, claims in zip(batch, cited, strict=True)
        ]
        yield ("," if lo else "") + ",".join(results)
    yield "]" + tail + "\n"


class _Text:
    """A result's compact JSON written directly: the bytes json.dumps gives for the result
    as a dict (tests/test_stream_json.py builds those and compares): a catalog has millions
    of locations, and a dict per location cost more than the rest of the log."""

    def __init__(self, docs: dict[str, DocumentRecord], uris: dict[str, dict]) -> None:
        self.docs, self.uris = docs, uris
        self.artifacts: dict[str, str] = {}

    def artifact(self, document: str) -> str:
        if document not in self.artifacts:
            artifact = self.uris.get(document) or {"uri": document, "uriBaseId": SOURCES_BASE}
            self.artifacts[document] = json.dumps(artifact, separators=(",", ":"))
        return self.artifacts[document]

    def result(self, d: Discrepancy, rule_index: int, claims: list[tuple]) -> str:
        locations = ",".join(self.location(c) for c in claims)
        tail = ""
        if d.status is not None:
            state = "unchanged" if d.status == "known" else "new"
            tail = f',"baselineState":"{state}"'
        if d.status == "known":
            tail += _SUPPRESSED
        return (
            f'{{"ruleId":{_s(d.code)},"ruleIndex":{rule_index},"level":{_s(LEVEL[d.severity])},'
            f'"message":{{"text":{_s(d.explanation)}}},"locations":[{locations}],'
            f'"partialFingerprints":{{"auditorDiscrepancy/v1":{_s(d.id)}}},'
            f'"properties":{{"entity":{_s(d.entity)},"attribute":{_s(d.attribute)},'
            f'"kind":{_s(d.kind)}}}{tail}}}'
        )

    def location(self, c: tuple) -> str:
        source, document, raw, start, end, row, column = c
        doc = self.docs.get(document)
        region = ""
        if start is not None and doc is not None and doc.line_starts:
            r = region_of(doc.line_starts, start, end)
            region = (
                f',"region":{{"startLine":{r[0]},"startColumn":{r[1]},"endLine":{r[2]},'
                f'"endColumn":{r[3]},"snippet":{{"text":{_s(raw)}}}}}'
            )
        if row is None:
            message, properties = _s(f"{source}: {raw}"), ""
        else:
            message = _s(f"{source}: {raw} (row {row}, column {column})")
            properties = f',"properties":{{"row":{_n(row)},"column":{_n(column)}}}'
        return (
            f'{{"physicalLocation":{{"artifactLocation":{self.artifact(document)}{region}}},'
            f'"message":{{"text":{message}}}{properties}}}'
        )


def _n(value: Any) -> str:
    return json.dumps(value)


def region_of(line_starts: Sequence[int], start: int, end: int) -> tuple[int, int, int, int]:
    """`region`'s four numbers."""
    first = bisect.bisect_right(line_starts, start) - 1
    last = bisect.bisect_right(line_starts, max(start, end - 1)) - 1
    return first + 1, start - line_starts[first] + 1, last + 1, end - line_starts[last] + 1


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


def region(line_starts: Sequence[int], start: int, end: int) -> dict[str, int]:
    """1-based lines and columns of the span [start, end); endColumn is the one after it."""
    first_line, first_column, last_line, end_column = region_of(line_starts, start, end)
    return {
        "startLine": first_line,
        "startColumn": first_column,
        "endLine": last_line,
        "endColumn": end_column,
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
