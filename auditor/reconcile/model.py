"""Reconciliation's records: findings from comparators, discrepancies and resolved values."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import polars as pl

from auditor import kinds
from auditor.attributes import AttributeSpec, spec_for
from auditor.catalog import Why
from auditor.normalize.names import near_variant
from auditor.reconcile.display import date as show_date
from auditor.reconcile.display import show
from auditor.reconcile.prepare import ENGINE, Settings

__all__ = ["ENGINE", "ClaimRef", "ClaimStore", "Context", "Discrepancy", "Finding", "Resolved"]


@dataclass(frozen=True, slots=True)
class Finding:
    """What a comparator saw: where, why (a catalog reason with its fields), and the claims
    involved, by claim_id. `findings.table` turns a comparator's findings into one frame."""

    entity: str
    attribute: str
    slot: str
    claims: tuple[str, ...]  # claim_id of each claim involved
    why: Why
    severity: str | None = None  # a comparator may lower the kind's default, never raise it


@dataclass(frozen=True, slots=True)  # one per finding: a catalog has hundreds of thousands
class Resolved:
    value: Any
    confidence: float
    sources: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "confidence": self.confidence, "sources": list(self.sources)}


@dataclass(frozen=True, slots=True)
class ClaimRef:
    source: str
    document: str
    raw: str
    value: Any
    qualifier: str | None
    span: tuple[int, int] | None  # a page's evidence; None for a table's cell
    origin: str
    row: int | None = None  # a table's cell: its data row and column
    column: str | None = None
    context: str | None = None  # the sentence or row around the evidence, from extraction
    context_start: int | None = None
    attribute: str = ""  # what it states: a finding may cite claims of another attribute

    @property
    def locator(self) -> str:
        """'film/imdb.txt[120:131]' or 'flights.csv row 12, column act_dep'."""
        if self.row is not None:
            return f"{self.document} row {self.row}, column {self.column}"
        return f"{self.document}[{self.span[0]}:{self.span[1]}]" if self.span else self.document

    def to_dict(self) -> dict[str, Any]:
        d = {
            "source": self.source,
            "document": self.document,
            "raw": self.raw,
            "value": self.value,
            "qualifier": self.qualifier,
            "span": list(self.span) if self.span else None,
            "origin": self.origin,
        }
        if self.row is not None:
            d["row"], d["column"] = self.row, self.column
        return d


class ClaimStore:
    """The claims' columns, turned into lists only when a report first asks for evidence.

    Reconciling many entities makes tens of thousands of discrepancies that a benchmark or a
    summary never opens; converting eight columns of every claim up front would cost more than
    the comparison itself.
    """

    _COLS = (
        *("source", "document", "raw", "value", "qualifier", "span_start", "span_end", "origin"),
        *("row", "column", "context", "context_start", "attribute"),
    )

    def __init__(self, frame: pl.DataFrame) -> None:
        self._frame = frame.select(self._COLS)
        self._cols: dict[str, list[Any]] | None = None

    @property
    def frame(self) -> pl.DataFrame:
        """The claims' columns, for outputs that render them column-wise."""
        return self._frame

    def ref(self, i: int) -> ClaimRef:
        if self._cols is None:
            self._cols = {c: self._frame.get_column(c).to_list() for c in self._COLS}
        c = self._cols
        return ClaimRef(
            source=c["source"][i],
            document=c["document"][i],
            raw=c["raw"][i],
            value=kinds.decode(c["value"][i]),
            qualifier=c["qualifier"][i],
            span=None if c["span_start"][i] is None else (c["span_start"][i], c["span_end"][i]),
            origin=c["origin"][i],
            row=c["row"][i],
            column=c["column"][i],
            context=c["context"][i],
            context_start=c["context_start"][i],
            attribute=c["attribute"][i],
        )


@dataclass(frozen=True, slots=True)  # a catalog has hundreds of thousands: no dict each
class Discrepancy:
    id: str
    code: str
    kind: str
    severity: str
    entity: str
    attribute: str
    explanation: str
    claim_idx: tuple[int, ...]
    resolved: Resolved | None = None
    status: str | None = None  # "new" / "known" against a baseline
    store: ClaimStore | None = field(default=None, compare=False, repr=False)
    reason: str = ""  # the catalog reason's name ("beyond-tolerance")
    fields: str = "{}"  # the reason's structured fields, as JSON

    @property
    def claims(self) -> tuple[ClaimRef, ...]:
        if self.store is None:
            return ()
        return tuple(self.store.ref(i) for i in self.claim_idx)

    def to_dict(self) -> dict[str, Any]:
        d = {
            "id": self.id,
            "code": self.code,
            "kind": self.kind,
            "severity": self.severity,
            "entity": self.entity,
            "attribute": self.attribute,
            "explanation": self.explanation,
            "reason": self.reason,
            "fields": json.loads(self.fields),
            "claims": [c.to_dict() for c in self.claims],
            "resolved": self.resolved.to_dict() if self.resolved else None,
        }
        if self.status is not None:
            d["status"] = self.status
        return d


@dataclass
class Context:
    """The prepared frame and the settings, and a memo of what comparators compute again and
    again for one run: sources repeat each other's values and names, and entities share them,
    so each distinct value is shown, each date written out and each pair of names compared
    once per run however many groups quote them."""

    frame: pl.DataFrame
    settings: Settings
    documents: dict[str, list[tuple[str, str]]] = field(
        default_factory=dict
    )  # entity -> (source, doc)
    _specs: dict[str, AttributeSpec] = field(default_factory=dict)
    _shown: dict[tuple[str, str], str] = field(default_factory=dict)
    _dates: dict[str, str] = field(default_factory=dict)
    _near: dict[tuple[str, str], bool] = field(default_factory=dict)

    def spec(self, attribute: str) -> AttributeSpec:
        """The attribute's spec (attributes.spec_for)."""
        if attribute not in self._specs:
            self._specs[attribute] = spec_for(self.settings.specs, attribute)
        return self._specs[attribute]

    def compares(self, attribute: str) -> str:
        """The comparison the attribute's claims are judged by: the kind whose comparison its
        kind shares (`ValueKind.compares`); a comparator branches on this, never on the kind."""
        return kinds.get(self.spec(attribute).kind).compares

    def shown(self, kind: str, raw: str) -> str:
        """A claim's value as stored (JSON text), as a reviewer reads it: display.show."""
        key = (kind, raw)
        if key not in self._shown:
            self._shown[key] = show(kind, kinds.decode(raw))
        return self._shown[key]

    def date(self, iso: str) -> str:
        """'15 Oct 2004' for '2004-10-15': display.date."""
        if iso not in self._dates:
            self._dates[iso] = show_date(iso)
        return self._dates[iso]

    def near(self, a: str, b: str) -> bool:
        """normalize.names.near_variant."""
        key = (a, b)
        if key not in self._near:
            self._near[key] = near_variant(a, b)
        return self._near[key]
