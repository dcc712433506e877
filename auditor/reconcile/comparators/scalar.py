"""One value per source: exact values, text, durations, counts, scores and money.

Durations compare within a tolerance in minutes; scores on their scales; money as ranges with a
relative tolerance (a point estimate inside another source's range is compatible); counts of
time-varying figures drift rather than conflict; different scopes of money (USA vs worldwide
vs unstated) are a qualifier split, explained, unless the part exceeds the whole.
"""

from __future__ import annotations

import polars as pl

from auditor.normalize.names import near_variant
from auditor.reconcile.comparators.base import (
    by_value,
    disagreeing,
    editorial,
    said,
    sources,
    values_sentence,
)
from auditor.reconcile.display import listing, show
from auditor.reconcile.model import Context, Finding

KINDS = ("exact", "text", "duration", "count", "score", "money")


def compare(ctx: Context) -> list[Finding]:
    frame = editorial(ctx.frame, KINDS)
    findings: list[Finding] = []
    for group in disagreeing(frame):
        findings += _group(ctx, group["entity"], group["attribute"], group["slot"], group["idx"])
    findings += _scopes(ctx, frame)
    return findings


def _group(ctx: Context, entity: str, attribute: str, slot: str, idx: list[int]) -> list[Finding]:
    spec = ctx.spec(attribute)
    groups = by_value(ctx, idx)
    values = values_sentence(ctx, groups, spec.kind)
    num, low, high = ctx.col("num"), ctx.col("low"), ctx.col("high")

    def finding(code: str, detail: str) -> list[Finding]:
        return [Finding(code, entity, attribute, slot, tuple(idx), f"{values} — {detail}")]

    if spec.kind == "count" and spec.time_varying:
        return finding("AU004", _drift(ctx, entity, spec, groups))
    if spec.kind in ("duration", "count", "score"):
        nums = [num[i] for i in idx]
        spread = max(nums) - min(nums)
        unit = ("minute" if spread == 1 else "minutes") if spec.kind == "duration" else ""
        if spec.kind == "score":
            spread_scaled = spread  # already a fraction of the scale
            if spread_scaled <= spec.tolerance + 1e-9:
                return finding("AU005", f"equal once put on one scale (within {spec.tolerance:g})")
            return finding("AU001", "different scores on the same scale")
        if spread <= spec.tolerance:
            return finding(
                "AU005",
                f"{spread:g} {unit} apart, within the tolerance of {spec.tolerance:g}".replace(
                    "  ", " "
                ),
            )
        return finding(
            "AU001",
            f"{spread:g} {unit} apart; the tolerance is {spec.tolerance:g}".replace("  ", " "),
        )
    if spec.kind == "money":
        lows, highs = [low[i] for i in idx], [high[i] for i in idx]
        if max(lows) <= min(highs):
            return finding("AU005", _inside(ctx, groups, spec.kind))
        gap = (max(lows) - min(highs)) / max(highs)
        if gap <= spec.tolerance:
            return finding(
                "AU005", f"{gap:.1%} apart, within the tolerance of {spec.tolerance:.0%}"
            )
        return finding("AU001", f"{gap:.0%} apart, beyond the tolerance of {spec.tolerance:.0%}")
    if spec.kind == "text":
        texts = [ctx.value(g[0]) for g in groups.values()]
        if len(texts) == 2 and near_variant(str(texts[0]), str(texts[1])):
            return finding("AU003", "the same name spelt two ways")
    return finding("AU001", "the sources disagree and nothing they say explains it")


def _inside(ctx: Context, groups: dict[str, list[int]], kind: str) -> str:
    low, high = ctx.col("low"), ctx.col("high")
    ranges = [g for g in groups.values() if low[g[0]] != high[g[0]]]
    points = [g for g in groups.values() if low[g[0]] == high[g[0]]]
    if ranges and points:
        return (
            f"{listing([show(kind, ctx.value(g[0])) for g in points])} lies inside "
            f"{listing([show(kind, ctx.value(g[0])) for g in ranges])}"
        )
    return "the ranges overlap"


def _drift(ctx: Context, entity: str, spec, groups: dict[str, list[int]]) -> str:
    captured = ctx.settings.captured
    doc = ctx.col("document")
    nums = [ctx.col("num")[g[0]] for g in groups.values()]
    detail = (
        f"a count that grows over time, read at different times "
        f"(the largest is {max(nums) / max(min(nums), 1):.1f}× the smallest)"
    )
    when = []
    for idx in sorted(groups.values(), key=lambda g: -ctx.col("num")[g[0]]):
        dates = sorted({captured.get(doc[i], "") for i in idx} - {""})
        if dates:
            when.append(f"{listing(sources(ctx, idx))} captured {listing(dates)}")
    if when:
        detail += f"; {'; '.join(when)}"
    if spec.companion:
        detail += _companion(ctx, entity, spec.companion, groups)
    return detail


def _companion(ctx: Context, entity: str, attribute: str, groups: dict[str, list[int]]) -> str:
    """'the rating 7.1/10 is the same on both pages' — context that shows this is drift."""
    wanted = {s for g in groups.values() for s in sources(ctx, g)}
    rows = [i for i in ctx.claims_of(entity, attribute) if ctx.col("source")[i] in wanted]
    if not rows:
        return ""
    spec = ctx.spec(attribute)
    keys = {ctx.col("key")[i] for i in rows}
    if len(keys) == 1:
        value = show(spec.kind, ctx.value(rows[0]))
        return f"; the {spec.title} is the same, {value}, on {listing(sorted(sources(ctx, rows)))}"
    return f"; the {spec.title} differs too"


def _scopes(ctx: Context, frame) -> list[Finding]:
    """Money stated for different scopes: a USA figure below an unstated or worldwide one."""
    findings = []
    money = frame.filter(frame["kind"] == "money")
    for group in (
        money.group_by("entity", "attribute", maintain_order=True)
        .agg(pl.col("slot").n_unique().alias("n"), "idx")
        .filter(pl.col("n") > 1)
        .iter_rows(named=True)
    ):
        idx = group["idx"]
        slots: dict[str, list[int]] = {}
        for i in idx:
            slots.setdefault(ctx.col("slot")[i], []).append(i)
        if len(slots) < 2:
            continue
        spec = ctx.spec(group["attribute"])
        mid = {s: sum(ctx.col("num")[i] for i in g) / len(g) for s, g in slots.items()}
        parts = [f"{said(ctx, g, spec.kind)} ({s or 'scope not stated'})" for s, g in slots.items()]
        domestic = [s for s in slots if s not in ("", "worldwide")]
        total = [s for s in slots if s in ("", "worldwide")]
        bad = [(d, t) for d in domestic for t in total if mid[d] > mid[t] * (1 + spec.tolerance)]
        if bad:
            code = "AU001"
            detail = "a territory's figure exceeds the total it should be part of"
        else:
            code = "AU002"
            share = [
                f"{mid[d] / mid[t]:.0%} of the {t or 'unscoped'} figure"
                for d in domestic
                for t in total
                if mid[t]
            ]
            detail = "different scopes: " + (
                f"the {listing(domestic)} figure is {listing(share)}, consistent with the larger "
                "figure covering more territories"
                if share
                else "not comparable"
            )
        findings.append(
            Finding(
                code,
                group["entity"],
                group["attribute"],
                "*",
                tuple(idx),
                f"{'; '.join(parts)} — {detail}",
            )
        )
    return findings
