"""What the human-readable reports show, computed once from the report model.

The HTML page and the Markdown summary both read this view; neither computes anything itself.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from auditor.attributes import catalog as attribute_catalog
from auditor.attributes import spec_for
from auditor.catalog import SEVERITIES
from auditor.documents import decode
from auditor.normalize.names import best_cased, fold
from auditor.normalize.places import canonical_country
from auditor.reconcile.display import show
from auditor.report.evidence import Snippet, snippet
from auditor.report.model import AuditReport

_RANK = {s: n for n, s in enumerate(SEVERITIES)}


@dataclass
class Cell:
    values: list[str] = field(default_factory=list)
    mark: str = ""  # "error", "warning", "info" or ""


@dataclass
class Row:
    attribute: str
    label: str
    cells: dict[str, Cell]
    resolved: str
    confidence: float | None


@dataclass
class EvidenceView:
    source: str
    document: str
    qualifier: str | None
    origin: str
    value: str
    span: tuple[int, int] | None
    snippet: Snippet | None
    cell: tuple[int, str] | None = None  # a table's evidence: (row, column)


@dataclass
class DiscrepancyView:
    id: str
    code: str
    kind: str
    severity: str
    status: str | None
    attribute: str
    explanation: str
    resolved: str
    confidence: float | None
    evidence: list[EvidenceView]


@dataclass
class EntityView:
    entity: str
    sources: list[str]
    rows: list[Row]
    discrepancies: dict[str, list[DiscrepancyView]]


def _texts(report: AuditReport) -> dict[str, str]:
    """The documents that evidence is quoted from (read ones only: they decoded before)."""
    cited = {c.document for d in report.discrepancies for c in d.claims if c.row is None}
    return {
        doc.document: decode(doc.document, doc.path.read_bytes())[0]
        for doc in report.documents
        if doc.error is None and doc.path is not None and doc.document in cited
    }


def shown(kind: str, value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(show(kind, v) for v in value)
    if isinstance(value, dict) and kind != "money" and kind != "score" and kind != "cast":
        return "; ".join(f"{k}: {show(kind, v)}" for k, v in value.items())
    return show(kind, value)


def build(report: AuditReport) -> list[EntityView]:
    specs = report.attributes or attribute_catalog()
    texts = _texts(report)
    marks: dict[tuple[str, str, str], str] = {}
    for d in report.discrepancies:
        if d.code == "AU007":
            continue
        for c in d.claims:
            key = (d.entity, d.attribute, c.source)
            if c.origin == "editorial" and (
                key not in marks or _RANK[d.severity] < _RANK[marks[key]]
            ):
                marks[key] = d.severity
    cells: dict[str, dict[str, dict[str, Cell]]] = defaultdict(lambda: defaultdict(dict))
    claims = report.claims
    if claims.height:
        for row in claims.filter(claims["origin"] == "editorial").iter_rows(named=True):
            spec = spec_for(specs, row["attribute"])
            value = json.loads(row["value"])
            text = shown(spec.kind, value)
            if (
                row["qualifier"]
                and spec.qualifier != "flag"
                or row["attribute"] == "budget"
                and row["qualifier"]
            ):
                text = f"{text} ({row['qualifier']})"
            cell = cells[row["entity"]][row["attribute"]].setdefault(row["source"], Cell())
            if text not in cell.values:
                cell.values.append(text)
    resolved: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for r in report.resolved:
        resolved[(r["entity"], r["attribute"])].append(r)
    views = []
    for entity in report.entities:
        sources = sorted(
            {d.source for d in report.documents if d.entity == entity and d.error is None}
        )
        rows = []
        for attribute in _attribute_order(specs, cells[entity]):
            spec = spec_for(specs, attribute)
            row_cells = cells[entity][attribute]
            for source, cell in row_cells.items():
                cell.mark = marks.get((entity, attribute, source), "")
                if spec.kind in ("text", "names", "character", "exact"):
                    cell.values = _dedupe_case(cell.values)
            value, confidence = _resolved(
                spec, resolved.get((entity, attribute), []), row_cells, len(sources)
            )
            rows.append(Row(attribute, spec.title, row_cells, value, confidence))
        by_severity: dict[str, list[DiscrepancyView]] = {s: [] for s in SEVERITIES}
        for d in report.discrepancies:
            if d.entity != entity:
                continue
            spec = spec_for(specs, d.attribute)
            evidence = [
                EvidenceView(
                    c.source,
                    c.document,
                    c.qualifier,
                    c.origin,
                    shown(
                        "cast" if isinstance(c.value, dict) and "actor" in c.value else spec.kind,
                        c.value,
                    ),
                    c.span,
                    _snippet(c, texts),
                    (c.row, c.column) if c.row is not None else None,
                )
                for c in d.claims
            ]
            r = d.resolved
            by_severity[d.severity].append(
                DiscrepancyView(
                    d.id,
                    d.code,
                    d.kind,
                    d.severity,
                    d.status,
                    d.attribute,
                    d.explanation,
                    shown(spec.kind, r.value) if r else "",
                    r.confidence if r else None,
                    evidence,
                )
            )
        views.append(EntityView(entity, sources, rows, by_severity))
    return views


def _snippet(c, texts: dict[str, str]) -> Snippet | None:
    """A table cell's row as captured at extraction; a page's sentence from its text."""
    if c.row is not None:
        if c.context is None or c.context_start is None:
            return None
        at, end = c.context_start, c.context_start + len(c.raw)
        return Snippet(c.context[:at], c.context[at:end], c.context[end:])
    return snippet(texts[c.document], *c.span) if c.document in texts and c.span else None


def _attribute_order(specs, present: dict) -> list[str]:
    known = [a for a in specs if a in present]
    return known + sorted(a for a in present if a not in specs)


def _dedupe_case(values: list[str]) -> list[str]:
    groups: dict[str, list[str]] = defaultdict(list)
    for v in values:
        groups[fold(v)].append(v)
    return [best_cased(g) for g in groups.values()]


def _resolved(spec, rows: list[dict], cells: dict[str, Cell], n_sources: int):
    if rows:
        if len(rows) == 1 and not rows[0]["slot"]:
            return shown(spec.kind, rows[0]["value"]), rows[0]["confidence"]
        parts = [f"{r['slot'] or 'unqualified'}: {shown(spec.kind, r['value'])}" for r in rows]
        return "; ".join(parts), min(r["confidence"] for r in rows)
    if spec.multi:
        # Members that at least half of the stating sources list, one vote per source.
        forms: dict[str, list[str]] = defaultdict(list)
        holders: dict[str, set[str]] = defaultdict(set)
        for source, cell in cells.items():
            for v in cell.values:
                key = canonical_country(fold(v)) if spec.name == "country" else fold(v)
                forms[key].append(v)
                holders[key].add(source)
        kept = [best_cased(forms[k]) for k in forms if len(holders[k]) * 2 >= len(cells)]
        return ", ".join(kept), None
    return "", None
