"""Reconciliation's records: findings from comparators, discrepancies and resolved values."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

import polars as pl

from auditor.reconcile.prepare import Settings


@dataclass(frozen=True)
class Finding:
    """What a comparator saw: a kind, the claims involved (by idx) and a sentence why."""

    code: str
    entity: str
    attribute: str
    slot: str
    idx: tuple[int, ...]
    detail: str
    severity: str | None = None  # a comparator may lower the kind's default, never raise it


@dataclass(frozen=True)
class Resolved:
    value: Any
    confidence: float
    sources: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "confidence": self.confidence, "sources": list(self.sources)}


@dataclass(frozen=True)
class ClaimRef:
    source: str
    document: str
    raw: str
    value: Any
    qualifier: str | None
    span: tuple[int, int]
    origin: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "document": self.document,
            "raw": self.raw,
            "value": self.value,
            "qualifier": self.qualifier,
            "span": list(self.span),
            "origin": self.origin,
        }


class ClaimStore:
    """The claims' columns as lists, so that evidence is built only when a report asks for it."""

    def __init__(self, frame: pl.DataFrame) -> None:
        cols = (
            "source",
            "document",
            "raw",
            "value",
            "qualifier",
            "span_start",
            "span_end",
            "origin",
        )
        self._cols = {c: frame.get_column(c).to_list() for c in cols}

    def ref(self, i: int) -> ClaimRef:
        c = self._cols
        return ClaimRef(
            source=c["source"][i],
            document=c["document"][i],
            raw=c["raw"][i],
            value=json.loads(c["value"][i]),
            qualifier=c["qualifier"][i],
            span=(c["span_start"][i], c["span_end"][i]),
            origin=c["origin"][i],
        )


@dataclass(frozen=True)
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
            "claims": [c.to_dict() for c in self.claims],
            "resolved": self.resolved.to_dict() if self.resolved else None,
        }
        if self.status is not None:
            d["status"] = self.status
        return d


@dataclass
class Context:
    """Column lists of the prepared frame, so that building a finding is a few list lookups."""

    frame: pl.DataFrame
    settings: Settings
    documents: dict[str, list[tuple[str, str]]] = field(
        default_factory=dict
    )  # entity -> (source, doc)
    _cols: dict[str, list[Any]] = field(default_factory=dict)
    _values: dict[int, Any] = field(default_factory=dict)
    _index: dict[str, dict[tuple[str, str], list[int]]] = field(default_factory=dict)

    def col(self, name: str) -> list[Any]:
        if name not in self._cols:
            self._cols[name] = self.frame.get_column(name).to_list()
        return self._cols[name]

    def value(self, i: int) -> Any:
        """The decoded value of claim i (decoded once, however often it is shown)."""
        if i not in self._values:
            self._values[i] = json.loads(self.col("value")[i])
        return self._values[i]

    def claims_of(self, entity: str, attribute: str) -> list[int]:
        """Editorial claim idx of one entity's attribute, from an index built on first use."""
        if attribute not in self._index:
            rows = (
                self.frame.filter(
                    (pl.col("attribute") == attribute) & (pl.col("origin") == "editorial")
                )
                .group_by("entity")
                .agg("idx")
            )
            self._index[attribute] = {
                (r["entity"], attribute): r["idx"] for r in rows.iter_rows(named=True)
            }
        return self._index[attribute].get((entity, attribute), [])

    def spec(self, attribute: str):
        from auditor.attributes import spec_for

        return spec_for(self.settings.specs, attribute)


def fingerprint(
    code: str, entity: str, attribute: str, slot: str, keys: list[tuple[str, str]]
) -> str:
    """Stable across runs, document order and cosmetic edits: what disagrees, not where."""
    payload = json.dumps([code, entity, attribute, slot, sorted(set(keys))], ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()[:16]
