"""Multi-valued attributes (genres, people, countries, cast) compared as sets per source.

Near-identical members are spelling variants; a source listing fewer members than another is
compatible (info); sources whose lists share nothing conflict. A user review's misspelling of an
editorial name is reported, at info, as what it is.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable

import polars as pl

from auditor.attributes import AttributeSpec
from auditor.catalog import (
    InternalInconsistency,
    SpellingVariant,
    ValueConflict,
    Why,
    WithinTolerance,
)
from auditor.claims import EDITORIAL, USER
from auditor.normalize.genres import facets
from auditor.normalize.names import HONORIFICS, best_cased
from auditor.reconcile.comparators.base import by_value, groups, pick, rows, sources
from auditor.reconcile.model import Context, Finding


def _related(ctx: Context, relation: str) -> list[str]:
    """The attributes whose catalog `relation` is `relation` (attributes.RELATIONS)."""
    return [n for n, s in ctx.settings.specs.items() if s.relation == relation]


def plan(ctx: Context, mine: tuple[str, ...]) -> tuple[pl.LazyFrame, ...]:
    """The (entity, attribute) groups whose sources list different sets, or that a user review
    names members of; and the cast entries whose sources give one actor different roles."""
    frame = (
        ctx.frame.lazy()
        .filter(pl.col("kind").is_in(mine))
        .select(
            *("claim_id", "entity", "attribute", "source", "origin", "compares"),
            *("key", "key2", "name", "name2"),
        )
    )
    # The sources' editorial sets differ unless every source lists every key: fewer distinct
    # (source, key) pairs than sources × keys.
    ed = pl.col("origin") == EDITORIAL
    lists = (
        frame.group_by("entity", "attribute", maintain_order=True)
        .agg(
            "claim_id",
            "key",
            "source",
            ed.alias("editorial"),
            "name",  # how each claim reads: the member's name, or a cast entry's actor
            "key2",  # a cast entry's character (null for other members)
            "name2",
            pairs=pl.struct("source", "key").filter(ed).n_unique(),
            sources=pl.col("source").filter(ed).n_unique(),
            keys=pl.col("key").filter(ed).n_unique(),
            users=(pl.col("origin") == USER).any(),
        )
        .filter((pl.col("pairs") < pl.col("sources") * pl.col("keys")) | pl.col("users"))
        .drop("pairs", "sources", "keys", "users")
    )
    cast = frame.filter((pl.col("compares") == "cast") & (pl.col("origin") == EDITORIAL))
    roles = groups(
        cast,
        ("entity", "attribute", "key"),
        ("source", "key2", "name", "name2"),
        pl.col("key2").n_unique(),
    )
    # The film's players: cast entries' actors and the billed stars, per entity.
    actors = (
        frame.filter(
            ((pl.col("compares") == "cast") | pl.col("attribute").is_in(_related(ctx, "billing")))
            & (pl.col("origin") == EDITORIAL)
        )
        .group_by("entity")
        .agg(pl.col("key").unique().alias("actors"))
    )
    return lists, roles, actors


def build(
    ctx: Context, lists: pl.DataFrame, roles: pl.DataFrame, actors: pl.DataFrame
) -> list[Finding]:
    findings: list[Finding] = []
    cast_of = {e: set(a) for e, a in rows(actors)}
    for row in rows(lists):
        findings += _sets(ctx, *row, cast=cast_of.get(row[0], set()))
    for entity, attribute, _, *columns in rows(roles):
        findings += _roles(ctx, entity, attribute, *columns)
    return findings


def _sets(
    ctx: Context,
    entity: str,
    attribute: str,
    ids: list[str],
    key: list[str],
    src: list[str],
    edit: list[bool],
    name: list[str],
    role: list[str | None],
    role_name: list[str | None],
    *,
    cast: set[str] = frozenset(),
) -> list[Finding]:
    """Findings of one list attribute's claims; `i` below is a claim's position in the group."""
    members = by_value(key)
    mine = [i for i, e in enumerate(edit) if e]  # the editorial claims
    editorial_keys = {key[i] for i in mine}
    findings: list[Finding] = []
    merged: dict[str, str] = {}

    def variant(main: list[int], other: list[int], *, user: bool = False) -> Finding:
        return _variant(entity, attribute, ids, src, name, main, other, user=user)

    # Spelling variants: among editorial members, and user members against editorial ones.
    ranked = sorted(editorial_keys, key=lambda k: (-len({src[i] for i in members[k]}), k))
    for a_pos, a in enumerate(ranked):
        for b in ranked[a_pos + 1 :]:
            if b not in merged and a not in merged and ctx.near(a, b):
                merged[b] = a
                # "Sport" and "sports": one genre in two sites' words, not a misspelling
                if not (attribute == "genres" and facets(a) and facets(a) == facets(b)):
                    findings.append(variant(members[a], members[b]))
    for k, m in members.items():
        if k in editorial_keys:
            continue
        target = next((e for e in ranked if ctx.near(k, e)), None)
        if target is not None:
            findings.append(variant(members[target], m, user=True))
    # The editorial sets, variants merged; and each source's claims as it writes them.
    sets: dict[str, set[str]] = defaultdict(set)
    own: dict[str, set[str]] = defaultdict(set)
    for i in mine:
        k = key[i]
        sets[src[i]].add(merged.get(k, k))
        own[src[i]].add(name[i])
    distinct = {frozenset(s) for s in sets.values()}
    if len(distinct) < 2:
        return findings
    all_ids = pick(ids, mine)
    spec = ctx.spec(attribute)
    if spec.qualifier == "flag" and spec.relation != "billing":
        inner = _self_contradiction(
            sets, cast, lambda source, odd: _apart(ctx, ids, key, src, mine, source, odd)
        )
        if inner:
            source, odd = inner
            own_ids = pick(ids, [i for i in mine if src[i] == source])
            reason = (
                InternalInconsistency.extra_credit
                if odd <= cast
                else InternalInconsistency.credited_apart
            )
            why = reason(
                source=source,
                named=[best_cased(name[i] for i in members[k]) for k in sorted(odd)],
                agreed=sorted({name[i] for i in mine if src[i] != source}),
            )
            findings.append(Finding(entity, attribute, "", own_ids, why))
            return findings
    union = set().union(*sets.values())
    disjoint = [(a, b) for a in sets for b in sets if a < b and not sets[a] & sets[b]]
    listed = [[s, sorted(own[s])] for s in sorted(sets)]
    if disjoint and (why := _compatible(spec, sets, own, cast, listed)):
        findings.append(Finding(entity, attribute, "", all_ids, why))
        return findings
    if disjoint and (why := _dubbed(disjoint, src, mine, role, role_name, listed)):
        findings.append(Finding(entity, attribute, "", all_ids, why))
        return findings
    if disjoint:
        why = ValueConflict.share_nothing(lists=listed, disjoint=[list(p) for p in disjoint])
        findings.append(Finding(entity, attribute, "", all_ids, why))
        return findings
    largest = max(sets.values(), key=len)
    if all(s <= largest for s in sets.values()):
        partial = sorted(s for s in sets if sets[s] != largest)
        why = WithinTolerance.partial_lists(lists=listed, partial=partial, title=spec.title)
    else:
        rare = sorted(k for k in union if sum(k in s for s in sets.values()) < len(sets))
        why = WithinTolerance.lists_overlap(
            lists=listed, rare=[best_cased(name[i] for i in members[k]) for k in rare]
        )
    findings.append(Finding(entity, attribute, "", all_ids, why))
    return findings


def _self_contradiction(
    sets: dict[str, set[str]], cast: set[str], apart: Callable[[str, set[str]], bool]
) -> tuple[str, set[str]] | None:
    """A source that credits the name every other source agrees on and, beside it, a player
    of the film's cast whom no other source gives this role, or someone its page credits in
    another sentence than the agreed name (a structured line and its prose): its page
    contradicts itself."""
    for source, members in sets.items():
        others = [m for s, m in sets.items() if s != source]
        if len(others) < 2 or any(m != others[0] for m in others):
            continue
        odd = members - others[0]
        if others[0] and others[0] < members and (odd <= cast or apart(source, odd)):
            return source, odd
    return None


def _apart(
    ctx: Context,
    ids: list[str],
    key: list[str],
    src: list[str],
    mine: list[int],
    source: str,
    odd: set[str],
) -> bool:
    """Whether `source` credits each name in a sentence of its own, never an `odd` name in the
    sentence of an agreed one: "directed by A" in its summary line and "directed by B" in its
    abstract, not "directed by A and B", nor the items of one bulleted list, nor credits of
    different regions."""
    at = [i for i in mine if src[i] == source]
    rows = ctx.frame.filter(pl.col("claim_id").is_in(pick(ids, at))).select(
        "claim_id", "raw", "context", "qualifier"
    )
    said = {c: (r, x or "", q) for c, r, x, q in rows.iter_rows()}
    claims = [(key[i] in odd, *said.get(ids[i], ("", "•", None))) for i in at]
    if any(x.lstrip().startswith("•") for _, _, x, _ in claims) or len({q for *_, q in claims}) > 1:
        return False
    return not any(
        _together(ra, rb, xa) or _together(ra, rb, xb)
        for is_odd, ra, xa, _ in claims
        if is_odd
        for other, rb, xb, _ in claims
        if not other
    )


_LINK_WORDS = frozenset({"by", "is", "was", "were", "from", "with", "the", "a", "an", "of", "in"})
_LIST_WORD = re.compile(r"[^\W\d_][\w.'’-]*")


def _together(a: str, b: str, context: str) -> bool:
    """Whether `context` names `a` and `b` in one list of names ("A, B and C", "a, b"), not
    in two credits ("written by B and directed by A")."""
    at, bt = context.find(a), context.find(b)
    if at < 0 or bt < 0:
        return False
    between = context[min(at + len(a), bt + len(b)) : max(at, bt)]
    if not re.fullmatch(r"[\s,&/]*(?:(?:and|[^\W\d_][\w.'’-]*)[\s,&/]*)*", between):
        return False
    return not _LINK_WORDS.intersection(_LIST_WORD.findall(between))


def _compatible(
    spec: AttributeSpec,
    sets: dict[str, set[str]],
    own: dict[str, set[str]],
    cast: set[str],
    listed: list,
) -> Why | None:
    """Why lists that share no member still describe the same film, or None."""
    if spec.relation == "genre":
        bridged = _genres_bridged({s: own[s] for s in sets})
        if bridged is None:
            return None
        return WithinTolerance.same_broad_genres(lists=listed, **bridged)
    union = set().union(*sets.values())
    if spec.relation == "billing" and cast and union <= cast:
        return WithinTolerance.billing_cuts(lists=listed)
    return None


def _dubbed(
    disjoint: list[tuple[str, str]],
    src: list[str],
    mine: list[int],
    role: list[str | None],
    role_name: list[str | None],
    listed: list,
) -> Why | None:
    """Cast lists that share no player but give the same characters: one lists the original
    voices or players, the other a dub's (or another version's); no list contradicts another."""
    roles: dict[str, set[str]] = defaultdict(set)
    for i in mine:
        if role[i]:
            roles[src[i]].add(role[i])
    if not all(roles[a] & roles[b] for a, b in disjoint):
        return None
    shared = set().union(*(roles[a] & roles[b] for a, b in disjoint))
    named = sorted(
        {best_cased(n for i in mine if role[i] == k for n in [role_name[i]] if n) for k in shared}
    )
    return WithinTolerance.same_roles_other_players(lists=listed, roles=named)


def _genres_bridged(own: dict[str, set[str]]) -> dict | None:
    """Genre lists are compatible when their broad genres link every source, directly or
    through a third (black comedy is a comedy; "Mystery & Suspense" covers thriller)."""
    broad = {s: set().union(*(facets(g) for g in names)) for s, names in own.items()}
    shelves = sorted(s for s, b in broad.items() if not b)
    linked = [s for s in broad if broad[s]]
    if not linked:
        return None
    reached, todo = {linked[0]}, [linked[0]]
    while todo:
        here = todo.pop()
        for other in linked:
            if other not in reached and broad[here] & broad[other]:
                reached.add(other)
                todo.append(other)
    if len(reached) < len(linked):
        return None
    names = sorted({g for ns in own.values() for g in ns}, key=str.lower)
    # Sorted as their wording sorts ("black comedy ⊂ comedy"), repeats dropped.
    related = {
        f"{g} ⊂ {', '.join(sorted(facets(g)))}": [g, sorted(facets(g))]
        for g in names
        if facets(g) and {g.lower()} != facets(g)
    }
    return {"broader": [related[k] for k in sorted(related)], "shelves": shelves}


def _variant(
    entity: str,
    attribute: str,
    ids: list[str],
    src: list[str],
    name: list[str],
    main: list[int],
    other: list[int],
    *,
    user: bool = False,
) -> Finding:
    reason = SpellingVariant.reviewer_misspelling if user else SpellingVariant.member_spelt_two_ways
    why = reason(
        sources=sources(src, main),
        spelling=best_cased(name[i] for i in main),
        variant_sources=sources(src, other),
        variant=best_cased(name[i] for i in other),
    )
    return Finding(entity, attribute, "", pick(ids, main + other), why, "info" if user else None)


def _roles(
    ctx: Context,
    entity: str,
    attribute: str,
    ids: list[str],
    src: list[str],
    key2: list[str],
    actor: list[str],
    character: list[str],
) -> list[Finding]:
    """One actor, different characters: a variant spelling of the role, or a real conflict."""
    # 'single' or "double" quotes around a nickname: one way of writing the role
    roles = by_value([k.translate(_QUOTES) if k else k for k in key2])
    if len(roles) < 2:
        return []
    parts = [[sources(src, m), best_cased(character[i] for i in m)] for m in roles.values()]
    keys = list(roles)
    if _same_role(keys):
        reason = WithinTolerance.role_named_fully
    elif len(keys) == 2 and ctx.near(keys[0], keys[1]):
        reason = SpellingVariant.role_spelt_two_ways
    else:
        reason = ValueConflict.different_roles
    why = reason(actor=best_cased(actor), roles=parts)
    return [Finding(entity, attribute, "", tuple(ids), why)]


_QUOTES = str.maketrans({'"': "'", "“": "'", "”": "'"})
# A word of a role; a nickname's closing quote is no part of it.
_ROLE_WORD = re.compile(r"[^\W_](?:[\w'’-]*[^\W_])?")


def _same_role(keys: list[str]) -> bool:
    """'Sgt. Vance' and 'Sergeant Vance'; 'Jo' and 'Jo Vance': every way of writing
    the role is, word for word and titles spelt out, part of the fullest one."""
    words = [tuple(HONORIFICS.get(w, w) for w in _ROLE_WORD.findall(k)) for k in keys]
    fullest = set(max(words, key=len))
    return all(set(w) <= fullest for w in words)
