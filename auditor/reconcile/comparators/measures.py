"""Kinds that tables bring: times of day, plain numbers, codes, sets of names.

Times compare within a tolerance in minutes, on a clock (23:58 and 00:02 are 4 minutes
apart); numbers within an absolute tolerance, or a relative one ("1%" of the value); codes
exactly (their parser normalized them); sets of names by surnames, where one list naming
only some of another's people is compatible (sources often list the first author alone).
"""

from __future__ import annotations

import polars as pl

from auditor.reconcile.comparators.base import by_value, disagreeing, editorial, rows
from auditor.reconcile.comparators.base import values_sentence as sentence
from auditor.reconcile.model import Context, Finding

KINDS = ("time", "number", "code", "nameset")
_DAY = 24 * 60
_COLUMNS = ("key", "source", "value", "num")


def plan(ctx: Context) -> tuple[pl.LazyFrame, ...]:
    # One value per source: a list attribute's members (multi) are not compared here; lists
    # of members are kind "names".
    multi = [name for name, spec in ctx.settings.specs.items() if spec.multi]
    frame = editorial(ctx.frame.lazy(), KINDS).filter(~pl.col("attribute").is_in(multi))
    return (disagreeing(frame, _COLUMNS),)


def build(ctx: Context, disagree: pl.DataFrame) -> list[Finding]:
    findings = []
    for entity, attribute, slot, idx, key, src, value, num in rows(disagree):
        spec = ctx.spec(attribute)
        groups = by_value(key)
        code, detail = _judge(spec, key, num, groups)
        said = sentence(ctx, src, value, groups, spec.kind)
        findings.append(Finding(code, entity, attribute, slot, tuple(idx), f"{said} — {detail}"))
    return findings


def _judge(spec, key: list[str], num: list, groups: dict[str, list[int]]) -> tuple[str, str]:
    if spec.kind == "time":
        spread = clock_spread([num[ps[0]] for ps in groups.values()])
        return _within(spread, spec.tolerance, f"{spread:g} minutes apart", f"{spec.tolerance:g}")
    if spec.kind == "number":
        values = [num[ps[0]] for ps in groups.values()]
        spread = max(values) - min(values)
        if spec.relative:
            share = spread / max(abs(v) for v in values)
            return _within(share, spec.tolerance, f"{share:.2%} apart", f"{spec.tolerance:.2%}")
        return _within(spread, spec.tolerance, f"{spread:g} apart", f"{spec.tolerance:g}")
    if spec.kind == "nameset":
        sets = [set(k.split("|")) for k in groups]
        if all(a <= b or b <= a for a in sets for b in sets):
            return "AU005", "the shorter lists name only some of the people of the longer ones"
        return "AU001", "the lists name different people"
    return "AU001", "different codes"


def _within(spread: float, tolerance: float, apart: str, limit: str) -> tuple[str, str]:
    if spread <= tolerance + 1e-9:
        return "AU005", f"{apart}, within the tolerance of {limit}"
    return "AU001", f"{apart}; the tolerance is {limit}"


def clock_spread(minutes: list[float]) -> float:
    """The shortest stretch of the 24-hour clock that holds every time."""
    ts = sorted(m % _DAY for m in minutes)
    gaps = [b - a for a, b in zip(ts, ts[1:], strict=False)] + [ts[0] + _DAY - ts[-1]]
    return _DAY - max(gaps)
