"""Reconciliation: where the sources disagree, how, how much it matters, and what is likely true.

`reconcile(claims, settings)` prepares typed columns once, runs the comparator chain over the
whole claims frame, and turns findings into discrepancies with severities, stable ids, evidence
and a resolved value.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from auditor.catalog import SEVERITIES, kind
from auditor.reconcile.comparators import CHAIN
from auditor.reconcile.model import ClaimStore, Context, Discrepancy, Finding, fingerprint
from auditor.reconcile.prepare import Settings, prepare
from auditor.reconcile.resolve import for_findings, table

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
    resolved = _resolve(ctx, findings)
    store = ClaimStore(frame)
    order = _evidence_order(frame)
    fkeys = _fingerprint_keys(frame)
    discrepancies = []
    for fid, f in enumerate(findings):
        k = kind(f.code)
        idx = tuple(sorted(set(f.idx), key=order.__getitem__))
        discrepancies.append(
            Discrepancy(
                id=fingerprint(f.code, f.entity, f.attribute, f.slot, [fkeys[i] for i in idx]),
                code=k.code,
                kind=k.name,
                severity=severity_of(settings, f),
                entity=f.entity,
                attribute=f.attribute,
                explanation=k.message(attribute=ctx.spec(f.attribute).title, detail=f.detail),
                claim_idx=idx,
                resolved=resolved.get(fid),
                store=store,
            )
        )
    discrepancies.sort(key=lambda d: (d.entity, _RANK[d.severity], d.attribute, d.code, d.id))
    return Reconciliation(tuple(_unique(discrepancies)), table(frame))


def _resolve(ctx: Context, findings: list[Finding]):
    if not findings:
        return {}
    specs = ctx.settings.specs
    ff = pl.DataFrame(
        {
            "fid": list(range(len(findings))),
            "idx": [list(f.idx) for f in findings],
            "cross_slot": [f.slot == "*" for f in findings],
            "whole_set": [
                bool(specs.get(f.attribute) and specs[f.attribute].multi)
                and f.code not in ("AU003", "AU006")
                for f in findings
            ],
            "by_role": [f.attribute == "character" for f in findings],
        },
        schema={
            "fid": pl.Int64,
            "idx": pl.List(pl.UInt32),
            "cross_slot": pl.Boolean,
            "whole_set": pl.Boolean,
            "by_role": pl.Boolean,
        },
    )
    return for_findings(ctx.frame, ff)


def _evidence_order(frame: pl.DataFrame) -> list[int]:
    """Each claim's rank by (source, document, position): evidence reads in page order."""
    ranked = frame.select(
        pl.struct("source", "document", "span_start").rank("dense").cast(pl.Int64)
    ).to_series()
    return ranked.to_list()


def _fingerprint_keys(frame: pl.DataFrame) -> list[str]:
    """What a claim says, without where: survives re-ordering and edits around the value."""
    return (
        frame.select(
            pl.concat_str(
                [
                    pl.col("source"),
                    pl.col("key").fill_null(""),
                    pl.col("key2").fill_null(""),
                    pl.col("qualifier").fill_null(""),
                ],
                separator="\t",
            )
        )
        .to_series()
        .to_list()
    )


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
