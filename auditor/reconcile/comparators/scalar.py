"""One value per source: exact values, text, durations, counts, scores and money.

Durations compare within a tolerance in minutes; scores on their scales; money as ranges with a
relative tolerance (a point estimate inside another source's range is compatible); counts of
time-varying figures drift rather than conflict; different scopes of money (USA vs worldwide
vs unstated) are a qualifier split, explained, unless the part exceeds the whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import ClassVar

import polars as pl

from auditor import kinds
from auditor.catalog import (
    QualifierSplit,
    Reason,
    SpellingVariant,
    TemporalDrift,
    ValueConflict,
    WithinTolerance,
)
from auditor.claims import EDITORIAL
from auditor.reconcile.comparators.base import (
    by_value,
    disagreeing,
    editorial,
    groups,
    rows,
    said,
    sources,
    values,
)
from auditor.reconcile.display import money
from auditor.reconcile.model import Context, Finding


@dataclass(frozen=True, slots=True)
class _Group:
    """One disagreeing (entity, attribute, slot): its claims' columns, by position."""

    entity: str
    attribute: str
    slot: str
    ids: list[str]  # claim_id
    key: list[str]
    src: list[str]
    value: list[str]
    num: list[float | None]
    low: list[float | None]
    high: list[float | None]
    doc: list[str]

    COLUMNS: ClassVar[tuple[str, ...]] = (
        "key",
        "source",
        "value",
        "num",
        "low",
        "high",
        "document",
    )


def plan(ctx: Context, mine: tuple[str, ...]) -> tuple[pl.LazyFrame, ...]:
    """Disagreeing (entity, attribute, slot) groups; money stated for several scopes; and the
    companion attributes of counts that drift, per entity."""
    frame = editorial(ctx.frame.lazy(), mine)
    money = frame.filter(pl.col("compares") == "money")
    companions = sorted(
        {s.companion for s in ctx.settings.specs.values() if s.time_varying and s.companion}
    )
    counted = {
        s.companion: s.name for s in ctx.settings.specs.values() if s.time_varying and s.companion
    }
    return (
        disagreeing(frame, _Group.COLUMNS),
        groups(
            money,
            ("entity", "attribute"),
            ("slot", "num", "source", "value", "low", "high"),
            pl.col("slot").n_unique(),
        ),
        ctx.frame.lazy()
        .filter(pl.col("attribute").is_in(companions) & (pl.col("origin") == EDITORIAL))
        .group_by("entity", "attribute")
        .agg("source", "key", "value"),
        # The counts beside each companion (the votes beside a rating), per entity.
        ctx.frame.lazy()
        .filter(pl.col("attribute").is_in(list(counted.values())) & (pl.col("origin") == EDITORIAL))
        .with_columns(pl.col("attribute").replace({v: k for k, v in counted.items()}).alias("of"))
        .group_by("entity", "of")
        .agg("source", "key"),
    )


def build(
    ctx: Context,
    disagree: pl.DataFrame,
    scopes: pl.DataFrame,
    companions: pl.DataFrame,
    counts: pl.DataFrame,
) -> list[Finding]:
    findings: list[Finding] = []
    # Each entity's editorial claims (source, key, value lists) of a companion attribute.
    by_entity: Companions = {(e, a): tuple(cols) for e, a, *cols in rows(companions)}
    counted = {(e, a): dict(zip(src, key, strict=True)) for e, a, src, key in rows(counts)}
    scoped: dict[tuple[str, str], list[tuple[str, str, float, float]]] = {}
    for entity, attribute, _, slot, _, _, value, low, high in rows(scopes):
        scoped[(entity, attribute)] = [
            (sl, _currency(v), lo, hi)
            for sl, v, lo, hi in zip(slot, value, low, high, strict=True)
            if sl
        ]
    for row in rows(disagree):
        g = _Group(*row)
        findings += _group(ctx, by_entity, g, counted, scoped.get((g.entity, g.attribute), []))
    findings += _scopes(ctx, scopes)
    return findings


@lru_cache(maxsize=4096)
def _currency(value: str) -> str:
    """An amount's currency (its stored JSON text read once: amounts repeat across claims)."""
    return kinds.decode(value).get("currency", "USD")


# Certificates that are no rating (of an attribute whose relation is "certificate"): a work
# released before the ratings existed, or never rated.
NOT_RATED = frozenset({"nr", "not rated", "unrated", "approved", "passed", "g (approved)"})


Companions = dict[tuple[str, str], tuple[list[str], list[str], list[str]]]


def _group(
    ctx: Context,
    companions: Companions,
    g: _Group,
    counted: dict[tuple[str, str], dict[str, str]],
    scoped: list[tuple[str, str, float, float]],
) -> list[Finding]:
    spec = ctx.spec(g.attribute)
    kind = ctx.compares(g.attribute)  # the comparison it shares; spec.kind shows its values
    groups = by_value(g.key)
    said = values(ctx, g.src, g.value, groups, spec.kind)

    def finding(reason: Reason, **fields) -> list[Finding]:
        why = reason(values=said, **fields)
        return [Finding(g.entity, g.attribute, g.slot, tuple(g.ids), why)]

    if spec.relation == "certificate" and sum(k in NOT_RATED for k in groups) >= len(groups) - 1:
        return finding(WithinTolerance.no_rating)
    if kind == "score" and _rating_drift(g, counted.get((g.entity, g.attribute))):
        return finding(TemporalDrift.rating_moved)
    if kind == "money":
        currencies = {_currency(v) for v in g.value}
        if len(currencies) > 1:
            return finding(WithinTolerance.other_currency, currencies=sorted(currencies))
        if not g.slot and scoped and (slots := _scoped_match(g, scoped, spec.tolerance)):
            return finding(QualifierSplit.unscoped_match, scopes=slots)
        if not g.slot and scoped and _mistyped_scoped(g, scoped, spec.tolerance):
            return []  # the scopes' transposed-digits finding reports it, with these claims
    if kind == "count" and spec.time_varying:
        return finding(TemporalDrift.count_grows, **_drift(ctx, companions, spec, g, groups))
    if kind in ("duration", "count", "score"):
        spread = max(g.num) - min(g.num)
        unit = ("minute" if spread == 1 else "minutes") if kind == "duration" else ""
        if kind == "score":
            spread_scaled = spread  # already a fraction of the scale
            if spread_scaled <= spec.tolerance + 1e-9:
                return finding(WithinTolerance.scales_equal, tolerance=spec.tolerance)
            return finding(ValueConflict.different_scores)
        reason = (
            WithinTolerance.within_tolerance
            if spread <= spec.tolerance
            else ValueConflict.beyond_tolerance
        )
        return finding(reason, spread=spread, unit=unit, tolerance=spec.tolerance)
    if kind == "money":
        lows, highs = g.low, g.high
        points = zip(lows, highs, g.value, strict=True)
        swapped = _transposed(
            [(lo, _currency(v), str(p)) for p, (lo, hi, v) in enumerate(points) if lo == hi]
        )
        if swapped:
            return finding(ValueConflict.transposed_digits, amounts=swapped)
        if max(lows) <= min(highs):
            return _inside(ctx, g, groups, spec.kind, finding)
        gap = (max(lows) - min(highs)) / max(highs)
        reason = (
            WithinTolerance.amounts_within_tolerance
            if gap <= spec.tolerance
            else ValueConflict.amounts_beyond_tolerance
        )
        return finding(reason, gap=gap, tolerance=spec.tolerance)
    if kind == "text":
        texts = [kinds.decode(g.value[ps[0]]) for ps in groups.values()]
        if len(texts) == 2 and ctx.near(str(texts[0]), str(texts[1])):
            return finding(SpellingVariant.spelt_two_ways)
    return finding(ValueConflict.unexplained)


def _transposed(amounts: list[tuple[float, str, str]]) -> list[str] | None:
    """Two amounts in one currency written with the same digits in another order
    ($12,345,678 and $21,345,678): a typing slip, whatever scope each names. Amounts are
    (amount, currency, scope); two of one scope are left to their own group."""
    seen = sorted({(int(a), c, sc) for a, c, sc in amounts if a})
    for i, (a, ca, sa) in enumerate(seen):
        for b, cb, sb in seen[i + 1 :]:
            da, db = str(a), str(b)
            if (
                a != b
                and ca == cb
                and sa != sb
                and len(da) == len(db) >= 4
                and sorted(da) == sorted(db)
            ):
                return [money(a, ca), money(b, cb)]
    return None


def _rating_drift(g: _Group, counts: dict[str, str] | None) -> bool:
    """A rating 0.1 apart on a 10-point scale, from sources whose vote counts differ: the same
    rating read at different times."""
    if not counts or max(g.num) - min(g.num) > 0.01 + 1e-9:
        return False
    return len({counts[s] for s in set(g.src) if s in counts}) >= 2


def _scoped_match(g: _Group, scoped: list[tuple[str, str, float, float]], tolerance: float):
    """Figures that state no scope, each equal to a figure another claim gives a scope: the
    scopes they match."""
    slots = []
    for p in range(len(g.ids)):
        cur = _currency(g.value[p])
        hit = [sl for sl, c, lo, hi in scoped if c == cur and _meets(g, p, lo, hi, tolerance)]
        if not hit:
            return None
        slots.append(hit[0])
    return sorted(set(slots))


def _meets(g: _Group, p: int, lo: float, hi: float, tolerance: float) -> bool:
    """Claim p's amount (a point or a range) meets lo..hi within the relative tolerance."""
    return g.low[p] <= hi * (1 + tolerance) and g.high[p] >= lo * (1 - tolerance)


def _mistyped_scoped(g: _Group, scoped: list[tuple[str, str, float, float]], tolerance: float):
    """Figures that state no scope, each equal to a scoped figure or a digit transposition of
    one, at least one of them transposed: one mistyped figure, reported once by `_scopes`."""
    transposed = False
    for p in range(len(g.ids)):
        cur = _currency(g.value[p])
        mine = [(lo, hi, sl) for sl, c, lo, hi in scoped if c == cur]
        if any(_meets(g, p, lo, hi, tolerance) for lo, hi, _ in mine):
            continue
        swapped = g.low[p] == g.high[p] and any(
            lo == hi and _transposed([(g.low[p], cur, ""), (lo, cur, sl)]) for lo, hi, sl in mine
        )
        if not swapped:
            return False
        transposed = True
    return transposed


def _inside(ctx: Context, g: _Group, groups: dict[str, list[int]], kind: str, finding):
    """Amounts that overlap: points inside ranges, or ranges that overlap."""
    ranges = [ps for ps in groups.values() if g.low[ps[0]] != g.high[ps[0]]]
    points = [ps for ps in groups.values() if g.low[ps[0]] == g.high[ps[0]]]
    if ranges and points:
        return finding(
            WithinTolerance.point_in_range,
            points=[ctx.shown(kind, g.value[ps[0]]) for ps in points],
            ranges=[ctx.shown(kind, g.value[ps[0]]) for ps in ranges],
        )
    return finding(WithinTolerance.ranges_overlap)


def _drift(
    ctx: Context, companions: Companions, spec, g: _Group, groups: dict[str, list[int]]
) -> dict:
    """A count read at different times: how far apart, when each source was captured, and
    whether its companion (the rating beside the votes) is the same."""
    captured = ctx.settings.captured
    nums = [g.num[ps[0]] for ps in groups.values()]
    when = []
    for ps in sorted(groups.values(), key=lambda ps: -g.num[ps[0]]):
        dates = sorted({captured.get(g.doc[p], "") for p in ps} - {""})
        if dates:
            when.append([sources(g.src, ps), dates])
    same = {"same_companion": "", "companion_value": "", "companion_sources": []}
    differing = ""
    if spec.companion:
        found = _companion(ctx, companions, g.entity, spec.companion, g.src)
        if found and found[1] is None:
            differing = found[0]
        elif found:
            same = dict(zip(same, found, strict=True))
    return {
        "ratio": max(nums) / max(min(nums), 1),
        "captured": when,
        **same,
        "differing_companion": differing,
    }


def _companion(
    ctx: Context, companions: Companions, entity: str, attribute: str, src: Sequence[str]
) -> tuple[str, str | None, list[str]] | None:
    """The companion's title, its value if the same on every source here (else None), and
    those sources: context that shows this is drift ("the rating 7.1/10 is the same")."""
    wanted = set(src)
    their_src, key, value = companions.get((entity, attribute), ([], [], []))
    mine = [p for p, s in enumerate(their_src) if s in wanted]
    if not mine:
        return None
    spec = ctx.spec(attribute)
    if len({key[p] for p in mine}) == 1:
        same = ctx.shown(spec.kind, value[mine[0]])
        return spec.title, same, sorted(sources(their_src, mine))
    return spec.title, None, []


def _by_shown(shown: list[str], positions: list[int]) -> list[list[int]]:
    """The positions grouped by the figure as shown, in order of first statement: each
    source is quoted with its own figure."""
    groups: dict[str, list[int]] = {}
    for p in positions:
        groups.setdefault(shown[p], []).append(p)
    return list(groups.values())


def _scopes(ctx: Context, scopes: pl.DataFrame) -> list[Finding]:
    """Money stated for different scopes: a USA figure below an unstated or worldwide one."""
    findings = []
    for entity, attribute, ids, slot, num, src, value, _, _ in rows(scopes):
        slots: dict[str, list[int]] = {}
        for p, s in enumerate(slot):
            slots.setdefault(s, []).append(p)
        if len(slots) < 2:
            continue
        spec = ctx.spec(attribute)
        mid = {s: sum(num[p] for p in ps) / len(ps) for s, ps in slots.items()}
        cur = {s: {_currency(value[p]) for p in ps} for s, ps in slots.items()}
        # one part per figure of a scope: two sources that state no scope may differ
        shown = [ctx.shown(spec.kind, v) for v in value]
        parts = [
            [*said(ctx, src, value, same, spec.kind), s]
            for s, ps in slots.items()
            for same in _by_shown(shown, ps)
        ]
        domestic = [s for s in slots if s not in ("", "worldwide")]
        total = [s for s in slots if s in ("", "worldwide")]
        bad = [
            (d, t)
            for d in domestic
            for t in total
            if cur[d] == cur[t] and len(cur[d]) == 1 and mid[d] > mid[t] * (1 + spec.tolerance)
        ]
        swapped = _transposed([(num[p], _currency(value[p]), slot[p]) for p in range(len(num))])
        if swapped:
            why = ValueConflict.transposed_scopes(scoped=parts, amounts=swapped)
        elif bad:
            why = ValueConflict.part_exceeds_total(scoped=parts)
        else:
            share = [
                [mid[d] / mid[t], t]
                for d in domestic
                for t in total
                if mid[t] and cur[d] == cur[t] and len(cur[d]) == 1
            ]
            shared = [
                d
                for d in domestic
                if any(mid[t] and cur[d] == cur[t] and len(cur[d]) == 1 for t in total)
            ]
            why = (
                QualifierSplit.part_of_total(scoped=parts, parts=shared, shares=share)
                if share
                else QualifierSplit.scopes_not_comparable(scoped=parts)
            )
        findings.append(Finding(entity, attribute, "*", tuple(ids), why))
    return findings
