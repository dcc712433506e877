"""Dates, aware of precision (2004 agrees with 2004-10-15) and of release qualifiers.

A limited and a wide release are both true: when the dates that differ are each the consensus
date of a release kind, the difference is a qualifier split. A claim that gives a kind the
others date differently ("Oct 15, 2004 Wide" where two sources date the wide release
5 Nov 2004 and call 15 Oct 2004 limited) is a conflict, named as such.
"""

from __future__ import annotations

from collections import defaultdict

import polars as pl

from auditor.reconcile.comparators.base import editorial, sources, values_sentence
from auditor.reconcile.display import date as show_date
from auditor.reconcile.display import listing
from auditor.reconcile.model import Context, Finding


def _compatible(a: str, b: str) -> bool:
    """'2004' and '2004-10-15' agree: the coarser one is a prefix of the finer."""
    return a.startswith(b) or b.startswith(a)


def compare(ctx: Context) -> list[Finding]:
    frame = editorial(ctx.frame, ("date",))
    findings: list[Finding] = []
    groups = (
        frame.group_by("entity", "attribute", maintain_order=True)
        .agg(pl.col("key").n_unique().alias("n"), "idx")
        .filter(pl.col("n") > 1)
    )
    for g in groups.iter_rows(named=True):
        idx = g["idx"]
        if ctx.spec(g["attribute"]).qualifier == "release":
            findings += _release(ctx, g["entity"], g["attribute"], idx)
        else:
            findings += _plain(ctx, g["entity"], g["attribute"], idx)
    return findings


def _clusters(ctx: Context, idx: list[int]) -> dict[str, list[int]]:
    """Claims grouped by date, coarser dates folded into the finer date they agree with."""
    keys = ctx.col("key")
    finest = sorted({keys[i] for i in idx}, key=len, reverse=True)
    clusters: dict[str, list[int]] = {}
    for i in idx:
        home = next((f for f in finest if _compatible(keys[i], f) and f in clusters), None)
        if home is None:
            home = next(f for f in finest if _compatible(keys[i], f))
        clusters.setdefault(home, []).append(i)
    return clusters


def _plain(ctx: Context, entity: str, attribute: str, idx: list[int]) -> list[Finding]:
    clusters = _clusters(ctx, idx)
    if len(clusters) < 2:
        return []
    detail = "different dates, and no qualifier explains them"
    placeholders = [d for d in clusters if d.endswith("-01-01")]
    if placeholders and any(d[:4] == p[:4] for d in clusters for p in placeholders if d != p):
        detail += (
            "; 1 January is often a placeholder for a date known only to the year, so "
            f"{listing([show_date(p) for p in placeholders])} may just mean "
            f"{listing([p[:4] for p in placeholders])}"
        )
    sentence = values_sentence(ctx, clusters, "date")
    return [Finding("AU001", entity, attribute, "", tuple(idx), f"{sentence} — {detail}")]


def _release(ctx: Context, entity: str, attribute: str, idx: list[int]) -> list[Finding]:
    clusters = _clusters(ctx, idx)
    if len(clusters) < 2:
        return []
    slot, weight, src = ctx.col("slot"), ctx.col("weight"), ctx.col("source")
    date_of = {i: d for d, members in clusters.items() for i in members}
    # Consensus date per release kind, one vote per source.
    votes: dict[str, dict[str, dict[str, float]]] = defaultdict(lambda: defaultdict(dict))
    for i in idx:
        if slot[i]:
            votes[slot[i]][date_of[i]][src[i]] = weight[i]
    consensus = {
        kind: max(by_date, key=lambda d: (sum(by_date[d].values()), d))
        for kind, by_date in votes.items()
    }
    explained = set(consensus.values())
    findings = []
    wrong = [i for i in idx if slot[i] and date_of[i] != consensus[slot[i]]]
    if wrong:
        for kind in sorted({slot[i] for i in wrong}):
            bad = [i for i in wrong if slot[i] == kind]
            good = [i for i in idx if slot[i] == kind and i not in bad]
            bad_date = date_of[bad[0]]
            other_kinds = sorted(
                {slot[i] for i in idx if date_of[i] == bad_date and slot[i] and slot[i] != kind}
            )
            who = sources(ctx, bad)
            verb = "calls" if len(who) == 1 else "call"
            detail = (
                f"{listing(who)} {verb} {show_date(bad_date)} the {kind} "
                f"release; {listing(sources(ctx, good))} date the {kind} release "
                f"{show_date(consensus[kind])}"
            )
            if other_kinds:
                detail += f" and call {show_date(bad_date)} the {listing(other_kinds)} release"
            findings.append(Finding("AU001", entity, attribute, kind, tuple(bad + good), detail))
    parts = []
    for kind in sorted(consensus, key=lambda k: consensus[k]):
        members = [i for i in idx if date_of[i] == consensus[kind] and slot[i] == kind]
        parts.append(
            f"{show_date(consensus[kind])} is the {kind} release ({listing(sources(ctx, members))})"
        )
    unqualified = [i for i in idx if not slot[i] and date_of[i] in explained]
    if len(explained) >= 2:
        detail = "; ".join(parts)
        if unqualified:
            bits = [
                f"{s} gives {show_date(date_of[i])}"
                + (f" ({ctx.col('country')[i]})" if ctx.col("country")[i] else "")
                for s, i in {src[i]: i for i in unqualified}.items()
            ]
            detail += f"; {listing(bits)} without saying which release"
        members = [i for i in idx if date_of[i] in explained and i not in wrong]
        findings.append(
            Finding(
                "AU002", entity, attribute, "*", tuple(members), "both dates are true: " + detail
            )
        )
    stray = [i for i in idx if date_of[i] not in explained]
    if stray and (explained or len({date_of[i] for i in stray}) > 1):
        sentence = values_sentence(ctx, clusters, "date")
        findings.append(
            Finding(
                "AU001",
                entity,
                attribute,
                "",
                tuple(idx),
                f"{sentence} — dates no release kind explains",
            )
        )
    return findings
