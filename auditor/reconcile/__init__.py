"""Reconciliation: where the sources disagree, how, how much it matters, and what is likely true.

`reconcile(claims, settings)` prepares typed columns once, runs the comparator chain over the
whole claims frame, and turns findings into discrepancies with severities, stable ids, evidence
and a resolved value.

The polars work (each comparator's groups, each batch of findings' resolution and evidence,
the table of resolved values) runs in the background on polars' own threads, started as soon
as its inputs exist; the main thread meanwhile words findings in Python. On two cores that
hides most of the frame work behind the per-group Python.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import chain

import polars as pl

from auditor.catalog import SEVERITIES, Kind, kind
from auditor.reconcile import evidence, resolve
from auditor.reconcile.comparators import CHAIN
from auditor.reconcile.model import ENGINE, ClaimStore, Context, Discrepancy, Finding
from auditor.reconcile.prepare import Settings, prepare

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
    with _without_cycle_collection():
        return _reconcile(claims, settings, documents or {})


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """Reconciling many entities makes hundreds of thousands of small objects (findings, their
    claim tuples and sentences, discrepancies) and no reference cycles; the cyclic garbage
    collector would scan that growing heap over and over, a quarter of the run time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _reconcile(
    claims: pl.DataFrame, settings: Settings, documents: dict[str, list[tuple[str, str]]]
) -> Reconciliation:
    frame = prepare(claims, settings)
    ctx = Context(frame, settings, documents)
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="reconcile") as pool:

        def later(*queries: pl.LazyFrame) -> Future[list[pl.DataFrame]]:
            return pool.submit(pl.collect_all, queries, engine=ENGINE)

        plans = [(c, later(*c.plan(ctx))) for c in CHAIN]
        cited = later(evidence.claims(frame))
        table = later(resolve.table(frame))
        batches = []
        for comparator, planned in plans:
            found = comparator.build(ctx, *planned.result())
            batches.append((found, later(*_settle(ctx, cited.result()[0], found))))
        store = ClaimStore(frame)
        discrepancies = [
            d
            for found, settled in batches
            for d in _discrepancies(ctx, store, found, *settled.result())
        ]
        resolved = table.result()[0]
    discrepancies.sort(key=lambda d: (d.entity, _RANK[d.severity], d.attribute, d.code, d.id))
    return Reconciliation(tuple(_unique(discrepancies)), resolved)


def _discrepancies(
    ctx: Context,
    store: ClaimStore,
    findings: list[Finding],
    won: pl.DataFrame,
    roles: pl.DataFrame,
    held: pl.DataFrame,
    cited: pl.DataFrame,
) -> list[Discrepancy]:
    """A batch of findings as discrepancies, from its collected `_settle` queries."""
    resolved = resolve.values(won, roles, held)
    # Kind, severity and title depend on (code, attribute, comparator's severity) only.
    wording: dict[tuple[str, str, str | None], tuple[type[Kind], str, str]] = {}
    out = []
    # `cited` has a row per finding, in fid order.
    for fid, (f, idx, payload) in enumerate(
        zip(findings, *(cited.get_column(c).to_list() for c in ("idx", "payload")), strict=True)
    ):
        how = (f.code, f.attribute, f.severity)
        if how not in wording:
            wording[how] = (
                kind(f.code),
                severity_of(ctx.settings, f),
                ctx.spec(f.attribute).title,
            )
        k, severity, title = wording[how]
        out.append(
            Discrepancy(
                id=evidence.digest(payload),
                code=k.code,
                kind=k.name,
                severity=severity,
                entity=f.entity,
                attribute=f.attribute,
                explanation=k.message(attribute=title, detail=f.detail),
                claim_idx=tuple(idx) if idx else (),
                resolved=resolved.get(fid),
                store=store,
            )
        )
    return out


def _settle(ctx: Context, cited: pl.DataFrame, findings: list[Finding]) -> list[pl.LazyFrame]:
    """The queries that resolve a batch of findings and put their evidence in order; a
    finding's fid is its position in the batch."""
    heads = pl.DataFrame(
        {
            "code": [f.code for f in findings],
            "entity": [f.entity for f in findings],
            "attribute": [f.attribute for f in findings],
            "slot": [f.slot for f in findings],
        },
        schema={"code": pl.String, "entity": pl.String, "attribute": pl.String, "slot": pl.String},
    ).with_row_index("fid")
    sizes = pl.Series([len(f.idx) for f in findings], dtype=pl.UInt32)
    pairs = pl.DataFrame(
        {
            "fid": heads.get_column("fid").repeat_by(sizes).list.explode(empty_as_null=False),
            "idx": pl.Series(list(chain.from_iterable(f.idx for f in findings)), dtype=pl.UInt32),
        }
    )
    multi = [name for name, spec in ctx.settings.specs.items() if spec.multi]
    flags = heads.select(
        "fid",
        cross_slot=pl.col("slot") == "*",
        # A list attribute resolves to its members, unless the finding is about one name.
        whole_set=pl.col("attribute").is_in(multi) & ~pl.col("code").is_in(["AU003", "AU006"]),
        by_role=pl.col("attribute") == "character",
    )
    return [*resolve.plan(ctx.frame, pairs, flags), evidence.cited(cited, pairs, heads)]


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
