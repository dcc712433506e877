"""Resolution: the most likely true value, by a weighted vote of the sources.

One vote per source (its trust prior; user reviews weigh a fraction of editorial data); the
value with most weight wins; confidence is its share of the weight. Qualifier slots vote apart,
so a limited and a wide release date both resolve.
"""

from __future__ import annotations

import json
from collections import defaultdict

import polars as pl

from auditor.normalize.names import best_cased
from auditor.reconcile.model import Context, Resolved

_SCALAR = ("exact", "text", "date", "duration", "count", "score", "money")


def table(frame: pl.DataFrame) -> pl.DataFrame:
    """Every (entity, attribute, slot)'s winning value, vectorized over all claims."""
    scalar = frame.filter(pl.col("kind").is_in(_SCALAR))
    # Values sort capitals first, so the display form prefers a page that keeps them.
    per_source = scalar.group_by("entity", "attribute", "slot", "key", "source").agg(
        pl.col("weight").max(), pl.col("value").sort().first()
    )
    per_key = per_source.group_by("entity", "attribute", "slot", "key").agg(
        pl.col("weight").sum(), pl.col("source").sort(), pl.col("value").sort().first()
    )
    totals = per_key.group_by("entity", "attribute", "slot").agg(
        pl.col("weight").sum().alias("total")
    )
    return (
        per_key.join(totals, on=["entity", "attribute", "slot"])
        .sort(
            ["entity", "attribute", "slot", "weight", "key"],
            descending=[False, False, False, True, False],
        )
        .group_by("entity", "attribute", "slot", maintain_order=True)
        .first()
        .with_columns((pl.col("weight") / pl.col("total")).round(3).alias("confidence"))
        .select("entity", "attribute", "slot", "value", "confidence", "source")
        .rename({"source": "sources"})
    )


def vote(
    ctx: Context, idx: tuple[int, ...], attribute: str, slot: str, *, whole_set: bool = True
) -> Resolved | None:
    """The resolution of one discrepancy, from its own claims."""
    if not idx:
        return None
    if whole_set and ctx.spec(attribute).multi:
        return _set_vote(ctx, idx)
    slots = ctx.col("slot")
    if slot == "*":
        per_slot = defaultdict(list)
        for i in idx:
            per_slot[slots[i]].append(i)
        parts = {s: _vote(ctx, tuple(m), attribute) for s, m in sorted(per_slot.items())}
        value = {s or "unqualified": r.value for s, r in parts.items()}
        confidence = round(min(r.confidence for r in parts.values()), 3)
        srcs = tuple(sorted({s for r in parts.values() for s in r.sources}))
        return Resolved(value, confidence, srcs)
    return _vote(ctx, idx, attribute)


def _vote(ctx: Context, idx: tuple[int, ...], attribute: str) -> Resolved:
    src, weight = ctx.col("source"), ctx.col("weight")
    kind = ctx.spec(attribute).kind
    keys = ctx.col("key2") if kind == "cast" and attribute == "character" else ctx.col("key")
    is_cast = [ctx.col("kind")[i] == "cast" for i in idx]
    weights: dict[str, dict[str, float]] = defaultdict(dict)
    members: dict[str, list[int]] = defaultdict(list)
    for i, cast in zip(idx, is_cast, strict=True):
        k = ctx.col("key2")[i] if cast and attribute == "character" else keys[i]
        weights[k][src[i]] = max(weights[k].get(src[i], 0.0), weight[i])
        members[k].append(i)
    totals = {k: sum(w.values()) for k, w in weights.items()}
    best = max(totals, key=lambda k: (totals[k], -len(k), k))
    values = []
    for i in members[best]:
        v = ctx.value(i)
        values.append(v["character"] if isinstance(v, dict) and attribute == "character" else v)
    value = best_cased(values) if all(isinstance(v, str) for v in values) else values[0]
    confidence = round(totals[best] / sum(totals.values()), 3)
    return Resolved(value, confidence, tuple(sorted(weights[best])))


def _set_vote(ctx: Context, idx: tuple[int, ...]) -> Resolved:
    """A list attribute resolves to the members that sources holding most weight state."""
    src, weight, key = ctx.col("source"), ctx.col("weight"), ctx.col("key")
    source_weight: dict[str, float] = {}
    holders: dict[str, dict[str, float]] = defaultdict(dict)
    shown: dict[str, list] = defaultdict(list)
    for i in idx:
        source_weight[src[i]] = max(source_weight.get(src[i], 0.0), weight[i])
        holders[key[i]][src[i]] = max(holders[key[i]].get(src[i], 0.0), weight[i])
        v = ctx.value(i)
        shown[key[i]].append(v["actor"] if isinstance(v, dict) and "actor" in v else v)
    total = sum(source_weight.values())
    support = {k: sum(h.values()) / total for k, h in holders.items()}
    kept = sorted((k for k, s in support.items() if s >= 0.5), key=lambda k: (-support[k], k))
    kept = kept or [max(support, key=lambda k: (support[k], k))]
    value = [
        best_cased(shown[k]) if all(isinstance(v, str) for v in shown[k]) else shown[k][0]
        for k in kept
    ]
    confidence = round(sum(support[k] for k in kept) / len(kept), 3)
    srcs = tuple(sorted({s for k in kept for s in holders[k]}))
    return Resolved(value, confidence, srcs)


def decoded(frame: pl.DataFrame) -> list[dict]:
    return [{**r, "value": json.loads(r["value"])} for r in frame.iter_rows(named=True)]
