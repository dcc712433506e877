"""Multi-valued attributes (genres, people, countries, cast) compared as sets per source.

Near-identical members are spelling variants; a source listing fewer members than another is
compatible (info); sources whose lists share nothing conflict. A user review's misspelling of an
editorial name is reported, at info, as what it is.
"""

from __future__ import annotations

from collections import defaultdict

import polars as pl

from auditor.claims import EDITORIAL, USER
from auditor.normalize.names import best_cased, near_variant
from auditor.reconcile.comparators.base import sources
from auditor.reconcile.display import listing, show
from auditor.reconcile.model import Context, Finding

KINDS = ("names", "cast")


def compare(ctx: Context) -> list[Finding]:
    frame = ctx.frame.filter(pl.col("kind").is_in(KINDS))
    if frame.is_empty():
        return []
    per_source = (
        frame.filter(pl.col("origin") == EDITORIAL)
        .group_by("entity", "attribute", "source", maintain_order=True)
        .agg(pl.col("key").unique().sort().str.join("|").alias("set"))
    )
    differ = (
        per_source.group_by("entity", "attribute")
        .agg(pl.col("set").n_unique().alias("n"))
        .filter(pl.col("n") > 1)
        .select("entity", "attribute")
    )
    users = frame.filter(pl.col("origin") == USER).select("entity", "attribute").unique()
    cast_roles = (
        frame.filter((pl.col("kind") == "cast") & (pl.col("origin") == EDITORIAL))
        .group_by("entity", "key")
        .agg(pl.col("key2").n_unique().alias("n"), "idx")
        .filter(pl.col("n") > 1)
    )
    todo = pl.concat([differ, users]).unique()
    findings: list[Finding] = []
    if not todo.is_empty():
        groups = (
            frame.join(todo, on=["entity", "attribute"], how="semi")
            .group_by("entity", "attribute", maintain_order=True)
            .agg("idx")
        )
        for g in groups.iter_rows(named=True):
            findings += _sets(ctx, g["entity"], g["attribute"], g["idx"])
    for g in cast_roles.iter_rows(named=True):
        findings += _roles(ctx, g["entity"], g["idx"])
    return findings


def _display(ctx: Context, idx: list[int]) -> str:
    kind = ctx.spec(ctx.col("attribute")[idx[0]]).kind
    if kind == "cast":
        return best_cased([ctx.value(i)["actor"] for i in idx])
    return best_cased([show(kind, ctx.value(i)) for i in idx])


def _sets(ctx: Context, entity: str, attribute: str, idx: list[int]) -> list[Finding]:
    key, src, origin = ctx.col("key"), ctx.col("source"), ctx.col("origin")
    members: dict[str, list[int]] = defaultdict(list)
    for i in idx:
        members[key[i]].append(i)
    editorial_keys = {k for k, m in members.items() if any(origin[i] == EDITORIAL for i in m)}
    findings: list[Finding] = []
    merged: dict[str, str] = {}
    # Spelling variants: among editorial members, and user members against editorial ones.
    ranked = sorted(editorial_keys, key=lambda k: (-len({src[i] for i in members[k]}), k))
    for a_pos, a in enumerate(ranked):
        for b in ranked[a_pos + 1 :]:
            if b not in merged and a not in merged and near_variant(a, b):
                merged[b] = a
                findings.append(_variant(ctx, entity, attribute, members[a], members[b]))
    for k, m in members.items():
        if k in editorial_keys:
            continue
        target = next((e for e in ranked if near_variant(k, e)), None)
        if target is not None:
            findings.append(_variant(ctx, entity, attribute, members[target], m, user=True))
    # The editorial sets, variants merged.
    sets: dict[str, set[str]] = defaultdict(set)
    for k in editorial_keys:
        for i in members[k]:
            if origin[i] == EDITORIAL:
                sets[src[i]].add(merged.get(k, k))
    distinct = {frozenset(s) for s in sets.values()}
    if len(distinct) < 2:
        return findings
    all_idx = tuple(i for k in editorial_keys for i in members[k] if origin[i] == EDITORIAL)
    names = {k: _display(ctx, members[k]) for k in editorial_keys}
    union = set().union(*sets.values())
    disjoint = [(a, b) for a in sets for b in sets if a < b and not sets[a] & sets[b]]
    spec = ctx.spec(attribute)
    own: dict[str, list[int]] = defaultdict(list)  # each source's claims, shown as it writes them
    for i in all_idx:
        own[src[i]].append(i)
    listed = "; ".join(
        f"{s}: {listing(sorted({_display(ctx, [i]) for i in own[s]}))}" for s in sorted(sets)
    )
    if disjoint:
        detail = f"{listed} — {listing([f'{a} and {b}' for a, b in disjoint])} share nothing"
        findings.append(Finding("AU001", entity, attribute, "", all_idx, detail))
        return findings
    largest = max(sets.values(), key=len)
    if all(s <= largest for s in sets.values()):
        partial = sorted(s for s in sets if sets[s] != largest)
        detail = (
            f"{listed} — {listing(partial)} list{'s' if len(partial) == 1 else ''} only "
            f"some of the {spec.title}, nothing that contradicts the others"
        )
    else:
        rare = sorted(k for k in union if sum(k in s for s in sets.values()) < len(sets))
        detail = (
            f"{listed} — the lists overlap; "
            f"{listing([names[k] for k in rare])} "
            f"{'is' if len(rare) == 1 else 'are'} not on every list"
        )
    findings.append(Finding("AU005", entity, attribute, "", all_idx, detail))
    return findings


def _variant(
    ctx: Context,
    entity: str,
    attribute: str,
    main: list[int],
    other: list[int],
    *,
    user: bool = False,
) -> Finding:
    a, b = _display(ctx, main), _display(ctx, other)
    who = listing(sources(ctx, other))
    if user:
        detail = (
            f'a user review on {who} writes "{b}"; the editorial data '
            f'({listing(sources(ctx, main))}) write "{a}" — a reviewer\'s misspelling, '
            "not a disagreement between sources"
        )
        return Finding("AU003", entity, attribute, "", tuple(main + other), detail, "info")
    detail = f'{listing(sources(ctx, main))} write "{a}", {who} "{b}": one name spelt two ways'
    return Finding("AU003", entity, attribute, "", tuple(main + other), detail)


def _roles(ctx: Context, entity: str, idx: list[int]) -> list[Finding]:
    """One actor, different characters: a variant spelling of the role, or a real conflict."""
    key2 = ctx.col("key2")
    roles: dict[str, list[int]] = defaultdict(list)
    for i in idx:
        roles[key2[i]].append(i)
    actor = _display(ctx, idx)
    parts = "; ".join(
        f"{listing(sources(ctx, m))}: {best_cased([ctx.value(i)['character'] for i in m])}"
        for m in roles.values()
    )
    keys = list(roles)
    if len(keys) == 2 and near_variant(keys[0], keys[1]):
        return [
            Finding(
                "AU003",
                entity,
                "cast",
                "",
                tuple(idx),
                f"{actor}'s character — {parts}: one name spelt two ways",
            )
        ]
    return [
        Finding(
            "AU001", entity, "cast", "", tuple(idx), f"{actor} plays different characters — {parts}"
        )
    ]
