"""Dates, aware of precision (2004 agrees with 2004-10-15) and of release qualifiers.

A limited and a wide release are both true: when the dates that differ are each the consensus
date of a release kind, the difference is a qualifier split. A claim that gives a kind the
others date differently ("Oct 15, 2004 Wide" where two sources date the wide release
5 Nov 2004 and call 15 Oct 2004 limited) is a conflict, named as such.
"""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from auditor.catalog import QualifierSplit, ValueConflict, release_name
from auditor.reconcile.comparators.base import editorial, groups, pick, rows, sources, values
from auditor.reconcile.model import Context, Finding

_COLUMNS = ("key", "slot", "weight", "source", "country", "value")
WEIGHS = True  # the claims' learned vote weights are among its columns (comparators.Comparator)


def plan(ctx: Context, mine: tuple[str, ...]) -> tuple[pl.LazyFrame, ...]:
    """(entity, attribute) groups of editorial dates holding more than one date."""
    frame = editorial(ctx.frame.lazy(), mine)
    return (groups(frame, ("entity", "attribute"), _COLUMNS, pl.col("key").n_unique()),)


def build(ctx: Context, disagree: pl.DataFrame) -> list[Finding]:
    findings: list[Finding] = []
    for entity, attribute, ids, *lists in rows(disagree):
        cols = dict(zip(_COLUMNS, lists, strict=True))
        if ctx.spec(attribute).qualifier == "release":
            findings += _release(ctx, entity, attribute, ids, **cols)
        else:
            findings += _plain(
                ctx, entity, attribute, ids, cols["key"], cols["source"], cols["value"]
            )
    return findings


def _clusters(key: Sequence[str]) -> dict[str, list[int]]:
    """Claim positions grouped by date, coarser dates folded into the finer date they agree
    with."""
    finest = sorted(set(key), key=len, reverse=True)
    # The dates each date agrees with, finest first, itself among them: '2004' and
    # '2004-10-15' agree, the coarser being a prefix of the finer.
    agree = {k: [f for f in finest if f.startswith(k) or k.startswith(f)] for k in finest}
    clusters: dict[str, list[int]] = {}
    for p, k in enumerate(key):
        homes = agree[k]
        home = homes[0] if len(homes) == 1 else next((f for f in homes if f in clusters), homes[0])
        clusters.setdefault(home, []).append(p)
    return clusters


def _plain(
    ctx: Context,
    entity: str,
    attribute: str,
    ids: list[str],
    key: list[str],
    src: list[str],
    value: list[str],
) -> list[Finding]:
    clusters = _clusters(key)
    if len(clusters) < 2:
        return []
    placeholders = [d for d in clusters if d.endswith("-01-01")]
    if not any(d[:4] == p[:4] for d in clusters for p in placeholders if d != p):
        placeholders = []  # 1 January stands for the year only beside a date of that year
    why = ValueConflict.different_dates(
        values=values(ctx, src, value, clusters, ctx.spec(attribute).kind),
        placeholders=[ctx.date(p) for p in placeholders],
        years=[p[:4] for p in placeholders],
    )
    return [Finding(entity, attribute, "", tuple(ids), why)]


_EVERY_DATE = ("premiere", "re-release")  # release kinds whose every date stands


def _release(
    ctx: Context,
    entity: str,
    attribute: str,
    ids: list[str],
    key: list[str],
    slot: list[str],
    weight: list[float],
    source: list[str],
    country: list[str | None],
    value: list[str],
) -> list[Finding]:
    """Findings of a release date's claims; `i` below is a claim's position in the group.

    A release is a country and a kind (limited, wide, premiere), each optional. Dates that
    differ are a qualifier split when each is the consensus date of some release: of a kind,
    or of a country (a film opens in the UK months before the USA; festivals premiere it).
    A claim giving a limited or wide release a date that the other sources give to another
    release of the same country (or of no country) is a conflict."""
    src = source
    clusters = _clusters(key)
    if len(clusters) < 2:
        return []
    every = range(len(ids))
    date_of = [""] * len(ids)  # each claim's cluster
    for d, members in clusters.items():
        for i in members:
            date_of[i] = d

    def consensus(members: list[int], backers: list[int] = ()) -> str:
        """The members' best supported date; `backers` (claims of a country's release on a
        date some member gives that country) support it too."""
        by_date: dict[str, dict[str, float]] = {}
        for i in members:
            by_date.setdefault(date_of[i], {})[src[i]] = weight[i]
        for i in backers:
            if date_of[i] in by_date:
                by_date[date_of[i]].setdefault(src[i], weight[i])
        return max(by_date, key=lambda d: (sum(by_date[d].values()), d))

    def backing(members: list[int]) -> list[int]:
        """Claims of no kind dating a country's release as some member dates it: "released
        in the US on 2 March" backs "a limited US release on 2 March"."""
        stated = {(date_of[i], country[i]) for i in members if country[i]}
        return [i for i in every if not slot[i] and (date_of[i], country[i]) in stated]

    by_kind: dict[str, list[int]] = {}  # claims naming a release kind, per kind
    for i, kind in enumerate(slot):
        if kind:
            by_kind.setdefault(kind, []).append(i)
    by_country: dict[str, list[int]] = {}  # claims naming a country and no kind
    for i in every:
        if country[i] and not slot[i]:
            by_country.setdefault(country[i], []).append(i)
    # Festivals premiere a film more than once, and an old film is re-released more than once
    # (a restoration at a festival, then in cinemas): every such date stands.
    kind_dates = {k: consensus(m, backing(m)) for k, m in by_kind.items() if k not in _EVERY_DATE}
    premieres = {date_of[i] for k in _EVERY_DATE for i in by_kind.get(k, [])}
    country_dates = {c: consensus(m) for c, m in by_country.items()}
    explained = set(kind_dates.values()) | premieres | set(country_dates.values())
    findings = []
    wrong: dict[str, list[int]] = {}
    for kind, members in by_kind.items():
        if kind in _EVERY_DATE:
            continue
        # a claim of another country is another release, unless the agreed date names none
        # (a limited release of no stated country may be that country's)
        agreed = {country[i] for i in members if date_of[i] == kind_dates[kind]} - {None}
        wrong[kind] = [
            i
            for i in members
            if date_of[i] != kind_dates[kind] and (not agreed or country[i] in agreed | {None})
        ]
    for kind in sorted(k for k, bad in wrong.items() if bad):
        bad = wrong[kind]
        good = [i for i in by_kind[kind] if date_of[i] == kind_dates[kind]]
        bad_date = date_of[bad[0]]
        other_kinds = sorted({slot[i] for i in clusters[bad_date] if slot[i] and slot[i] != kind})
        why = ValueConflict.release_misdated(
            sources=sources(src, bad),
            date=ctx.date(bad_date),
            release=kind,
            agreeing=sources(src, good),
            agreed_date=ctx.date(kind_dates[kind]),
            other_releases=other_kinds,
        )
        findings.append(Finding(entity, attribute, kind, pick(ids, bad + good), why))
    conflicting = {i for bad in wrong.values() for i in bad}
    # What each explained date is: the releases whose consensus it is, as (kind, countries).
    named: dict[str, list[tuple[str, list[str]]]] = {}
    for kind, d in kind_dates.items():
        places = sorted({country[i] for i in by_kind[kind] if date_of[i] == d and country[i]})
        named.setdefault(d, []).append((kind, places))
    for d, kind in sorted({(date_of[i], k) for k in _EVERY_DATE for i in by_kind.get(k, [])}):
        places = sorted({country[i] for i in by_kind[kind] if date_of[i] == d and country[i]})
        named.setdefault(d, []).append((kind, places if kind != "premiere" else []))
    for c, d in sorted(country_dates.items()):
        if d not in named or c in {country[i] for i in every if date_of[i] == d and slot[i]}:
            named.setdefault(d, [])
            if not any(c in release_name(*n) for n in named[d]):
                named[d].append(("", [c]))
    # a claim already reported as misdating its release is not reported again as unexplained
    stray = [i for i in every if date_of[i] not in explained and i not in conflicting]
    if len(explained) >= 2:
        parts = []
        for d in sorted(named):
            members = [i for i in every if date_of[i] == d and i not in conflicting]
            parts.append([ctx.date(d), named[d], sources(src, members)])
        unqualified = [
            i for i in every if not slot[i] and not country[i] and date_of[i] in explained
        ]
        gave = [[s, ctx.date(date_of[i])] for s, i in {src[i]: i for i in unqualified}.items()]
        members = [i for i in every if date_of[i] in explained and i not in conflicting]
        why = QualifierSplit.own_release(releases=parts, unqualified=gave)
        findings.append(Finding(entity, attribute, "*", pick(ids, members), why))
    if stray and (explained or len({date_of[i] for i in stray}) > 1):
        shown = values(ctx, src, value, clusters, ctx.spec(attribute).kind)
        why = ValueConflict.unexplained_dates(values=shown)
        findings.append(Finding(entity, attribute, "", tuple(ids), why))
    return findings
