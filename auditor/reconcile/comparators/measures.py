"""Kinds that tables bring: times of day, plain numbers, codes, sets of names.

Times compare within a tolerance in minutes, on a clock (23:58 and 00:02 are 4 minutes
apart); numbers within an absolute tolerance, or a relative one ("1%" of the value); codes
exactly (their parser normalized them); sets of names by surnames, where one list naming
only some of another's people is compatible (sources often list the first author alone).
"""

from __future__ import annotations

import polars as pl

from auditor.catalog import Reason, ValueConflict, WithinTolerance
from auditor.kinds.nameset import SEP
from auditor.reconcile.comparators.base import by_value, disagreeing, editorial, rows, values
from auditor.reconcile.model import Context, Finding

_DAY = 24 * 60
_COLUMNS = ("key", "source", "value", "num")


def plan(ctx: Context, mine: tuple[str, ...]) -> tuple[pl.LazyFrame, ...]:
    # One value per source: a list attribute's members (multi) are not compared here; lists
    # of members are kind "names".
    multi = [name for name, spec in ctx.settings.specs.items() if spec.multi]
    frame = editorial(ctx.frame.lazy(), mine).filter(~pl.col("attribute").is_in(multi))
    return (disagreeing(frame, _COLUMNS),)


def build(ctx: Context, disagree: pl.DataFrame) -> list[Finding]:
    findings = []
    for entity, attribute, slot, ids, key, src, value, num in rows(disagree):
        spec = ctx.spec(attribute)
        groups = by_value(key)
        reason, fields = _judge(spec, ctx.compares(attribute), num, groups)
        why = reason(values=values(ctx, src, value, groups, spec.shows), **fields)
        findings.append(Finding(entity, attribute, slot, tuple(ids), why))
    return findings


def _judge(spec, kind: str, num: list, groups: dict[str, list[int]]) -> tuple[Reason, dict]:
    """The reason the values differ, and its fields other than the values; `kind` is the
    comparison the attribute's kind shares."""
    if kind == "time":
        spread = clock_spread([num[ps[0]] for ps in groups.values()])
        return _within(spread, spec.tolerance, unit="minutes")
    if kind == "number":
        numbers = [num[ps[0]] for ps in groups.values()]
        spread = max(numbers) - min(numbers)
        if spec.relative:
            share = spread / max(abs(v) for v in numbers)
            reason = (
                WithinTolerance.within_share
                if share <= spec.tolerance + 1e-9
                else ValueConflict.beyond_share
            )
            return reason, {"share": share, "tolerance": spec.tolerance}
        return _within(spread, spec.tolerance, unit=spec.unit)
    if kind == "nameset":
        sets = [set(k.split(SEP)) for k in groups]
        if all(a <= b or b <= a for a in sets for b in sets):
            return WithinTolerance.fewer_people, {}
        return ValueConflict.different_people, {}
    return ValueConflict.different_codes, {}


def _within(spread: float, tolerance: float, unit: str) -> tuple[Reason, dict]:
    within = spread <= tolerance + 1e-9
    reason = WithinTolerance.within_tolerance if within else ValueConflict.beyond_tolerance
    return reason, {"spread": spread, "unit": unit, "tolerance": tolerance}


def clock_spread(minutes: list[float]) -> float:
    """The shortest stretch of the 24-hour clock that holds every time."""
    ts = sorted(m % _DAY for m in minutes)
    gaps = [b - a for a, b in zip(ts, ts[1:], strict=False)] + [ts[0] + _DAY - ts[-1]]
    return _DAY - max(gaps)
