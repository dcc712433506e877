"""Reconciliation: where the sources disagree, how, how much it matters, and what is likely true.

`reconcile(claims, settings)` prepares typed columns once, runs the comparator chain over the
whole claims frame, and turns findings into discrepancies with severities, stable ids, evidence
and a resolved value.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import polars as pl

from auditor.catalog import SEVERITIES, kind
from auditor.reconcile.comparators import CHAIN
from auditor.reconcile.model import ClaimRef, Context, Discrepancy, Finding, fingerprint
from auditor.reconcile.prepare import Settings, prepare
from auditor.reconcile.resolve import table, vote

__all__ = ["Reconciliation", "Settings", "reconcile"]

_RANK = {s: n for n, s in enumerate(SEVERITIES)}


@dataclass(frozen=True)
class Reconciliation:
    discrepancies: tuple[Discrepancy, ...]
    resolved: pl.DataFrame  # entity, attribute, slot, value, confidence, sources


def reconcile(
    claims: pl.DataFrame,
    settings: Settings,
    documents: dict[str, list[tuple[str, str]]] | None = None,
) -> Reconciliation:
    frame = prepare(claims, settings)
    ctx = Context(frame, settings, documents or {})
    findings = [f for compare in CHAIN for f in compare(ctx)]
    discrepancies = sorted(
        (_discrepancy(ctx, f) for f in findings),
        key=lambda d: (d.entity, _RANK[d.severity], d.attribute, d.code, d.id),
    )
    return Reconciliation(tuple(_unique(discrepancies)), table(frame))


def _unique(items: list[Discrepancy]) -> list[Discrepancy]:
    seen: set[str] = set()
    out = []
    for d in items:
        if d.id not in seen:
            seen.add(d.id)
            out.append(d)
    return out


def severity_of(settings: Settings, f: Finding) -> str:
    k = kind(f.code)
    overrides = settings.severity
    for name in (f"{k.code}:{f.attribute}", f"{k.name}:{f.attribute}", k.code, k.name):
        if name in overrides:
            return overrides[name]
    if f.severity:
        return f.severity
    if k.code == "AU001":
        return settings.specs[f.attribute].severity if f.attribute in settings.specs else k.severity
    return k.severity


def _discrepancy(ctx: Context, f: Finding) -> Discrepancy:
    k = kind(f.code)
    cols = {
        c: ctx.col(c)
        for c in (
            "source",
            "document",
            "raw",
            "value",
            "qualifier",
            "span_start",
            "span_end",
            "origin",
            "key",
            "key2",
        )
    }
    idx = sorted(
        set(f.idx), key=lambda i: (cols["source"][i], cols["document"][i], cols["span_start"][i])
    )
    claims = tuple(
        ClaimRef(
            source=cols["source"][i],
            document=cols["document"][i],
            raw=cols["raw"][i],
            value=json.loads(cols["value"][i]),
            qualifier=cols["qualifier"][i],
            span=(cols["span_start"][i], cols["span_end"][i]),
            origin=cols["origin"][i],
        )
        for i in idx
    )
    keys = [
        (
            cols["source"][i],
            f"{cols['key'][i]}|{cols['key2'][i] or ''}|{cols['qualifier'][i] or ''}",
        )
        for i in idx
    ]
    return Discrepancy(
        id=fingerprint(f.code, f.entity, f.attribute, f.slot, keys),
        code=k.code,
        kind=k.name,
        severity=severity_of(ctx.settings, f),
        entity=f.entity,
        attribute=f.attribute,
        explanation=k.message(attribute=ctx.spec(f.attribute).title, detail=f.detail),
        claims=claims,
        resolved=vote(
            ctx, tuple(idx), f.attribute, f.slot, whole_set=f.code not in ("AU003", "AU006")
        ),
    )
