"""Multi-valued attributes (genres, people, countries, cast) compared as sets per source.

Near-identical members are spelling variants; a source listing fewer members than another is
compatible (info); sources whose lists share nothing conflict. A user review's misspelling of an
editorial name is reported, at info, as what it is.

The lists are judged as whole frames: a row per claim of the groups that may disagree, a row per
(group, member) and per (group, source), and polars words the findings (`words`). Python runs
only where it must decide one step after another (which near spellings merge) and for lists
that share nothing (rare), which it judges as before.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

import polars as pl

from auditor.attributes import AttributeSpec
from auditor.catalog import (
    InternalInconsistency,
    QualifierSplit,
    SpellingVariant,
    ValueConflict,
    Why,
    WithinTolerance,
)
from auditor.claims import EDITORIAL, USER
from auditor.normalize.genres import facets
from auditor.normalize.names import (
    DIGITS,
    GENERATION,
    HONORIFICS,
    NEAR,
    abbreviates,
    best_cased,
    fold,
)
from auditor.normalize.places import is_country
from auditor.reconcile.comparators import words
from auditor.reconcile.comparators.base import (
    by_value,
    display_names,
    groups,
    near_pairs,
    rows,
    sources,
)
from auditor.reconcile.findings import SCHEMA, table
from auditor.reconcile.model import Context, Finding
from auditor.reconcile.prepare import turned


def _related(ctx: Context, relation: str) -> list[str]:
    """The attributes whose catalog `relation` is `relation` (attributes.RELATIONS)."""
    return [n for n, s in ctx.settings.specs.items() if s.relation == relation]


def plan(ctx: Context, mine: tuple[str, ...]) -> tuple[pl.LazyFrame, ...]:
    """The claims, a row each, of the (entity, attribute) groups whose sources list different
    sets or that a user review names members of (`g` numbers the groups, `pos` a claim's place
    in its group); the cast entries whose sources give one actor different roles; and each
    entity's players."""
    frame = (
        ctx.frame.lazy()
        .filter(pl.col("kind").is_in(mine))
        .select(
            *("claim_id", "entity", "attribute", "source", "origin", "compares"),
            *("key", "key2", "name", "name2", "aliased"),
        )
    )
    # The sources' editorial sets differ unless every source lists every key: fewer distinct
    # (source, key) pairs than sources × keys.
    ed = pl.col("origin") == EDITORIAL
    claims = (
        frame.group_by("entity", "attribute", maintain_order=True)
        .agg(
            "claim_id",
            "key",
            "source",
            ed.alias("editorial"),
            "name",  # how each claim reads: the member's name, or a cast entry's actor
            "key2",  # a cast entry's character (null for other members)
            "name2",
            "aliased",
            pairs=pl.struct("source", "key").filter(ed).n_unique(),
            sources=pl.col("source").filter(ed).n_unique(),
            keys=pl.col("key").filter(ed).n_unique(),
            users=(pl.col("origin") == USER).any(),
        )
        .filter((pl.col("pairs") < pl.col("sources") * pl.col("keys")) | pl.col("users"))
        .drop("pairs", "sources", "keys", "users")
        .with_row_index("g")
        .with_columns(pos=pl.int_ranges(pl.col("key").list.len()))
        .explode(
            "claim_id", "key", "source", "editorial", "name", "key2", "name2", "aliased", "pos"
        )
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
    return claims, roles, actors


# Where a finding goes among its group's: spelling variants (editorial, then a user review's),
# then the verdict on the lists; the order the findings were made in one group after another.
_EDITORIAL_VARIANT, _USER_VARIANT, _VERDICT = 0, 1, 2
_ORDER = ("g", "phase", "o1", "o2")


def build(
    ctx: Context, claims: pl.DataFrame, roles: pl.DataFrame, actors: pl.DataFrame
) -> pl.DataFrame:
    members = _members(claims)
    people = [n for n, s in ctx.settings.specs.items() if s.kind in ("people", "cast")]
    merged, variants = _variants(members, people)
    lists = pl.concat(
        [_worded_variants(variants, members), *_verdicts(ctx, claims, members, merged, actors)]
    )
    found: list[Finding] = []
    for entity, attribute, _, *columns in rows(roles):
        found += _roles(ctx, entity, attribute, *columns)
    return pl.concat([lists.sort(_ORDER).select(*SCHEMA), table(found)])


def _members(claims: pl.DataFrame) -> pl.DataFrame:
    """Per (group, key), over every claim of the key (a user review's too): where it is first
    seen, its claim ids and its sources in group order, how many sources, whether an editorial
    claim states it, and its display name (`base.display_names`). Members are ranked as spelling
    variants are looked for: editorial ones by how many sources state them, then by key."""
    per_key = claims.group_by("g", "entity", "attribute", "key").agg(
        first=pl.col("pos").min(),
        ids="claim_id",
        sources=pl.col("source").unique(maintain_order=True),
        # the sources whose own data write the key's name (not a name it is credited as)
        said_by=pl.col("source")
        .filter(pl.col("editorial") & ~pl.col("aliased"))
        .unique(maintain_order=True),
        spelt_ids=pl.col("claim_id").filter(~pl.col("aliased")),
        n_sources=pl.col("source").n_unique(),
        editorial=pl.col("editorial").any(),
        roles=pl.col("key2").filter("editorial").drop_nulls().unique(),
    )
    ranked = (
        per_key.filter("editorial")
        .sort("g", -pl.col("n_sources").cast(pl.Int64), "key")
        .select("g", "key", rank=pl.int_range(pl.len()).over("g"))
    )
    return (
        per_key.join(display_names(claims, ("g", "key"), "name"), on=["g", "key"])
        .join(ranked, on=["g", "key"], how="left")
        .join(_folded(per_key.get_column("key").unique()), on="key")
    )


# A key that folds to itself (normalize.names.fold): printable ASCII but capitals and the
# backtick, in words one space apart. Others are folded by `fold` itself.
_FOLDED = r"^[!-@\[-_a-~]+( [!-@\[-_a-~]+)*$"


def _folded(keys: pl.Series) -> pl.DataFrame:
    """Each distinct key folded as names.near_variant folds it, with its word count: near
    spellings have as many words."""
    plain = keys.str.contains(_FOLDED)
    other = keys.filter(~plain)
    folded = pl.concat(
        [
            pl.DataFrame({"key": keys.filter(plain), "folded": keys.filter(plain)}),
            pl.DataFrame(
                {"key": other, "folded": [fold(k) for k in other.to_list()]},
                schema={"key": pl.String, "folded": pl.String},
            ),
        ]
    )
    f = pl.col("folded")
    return folded.with_columns(
        words=pl.when(f == "").then(0).otherwise(f.str.count_matches(" ") + 1)
    )


def _near(pairs: pl.DataFrame, people: list[str] | None = None) -> pl.DataFrame:
    """The pairs (folded, folded_b) that names.near_variant calls near: not equal, as many
    words (the join's), the same numbers, and rapidfuzz's ratio at least NEAR; of the `people`
    attributes, a name of two words also read the other way round ("mori kenji" is near "kenji
    moori": a family name first on one site, the surname spelt otherwise on another)."""
    numbers = [  # and the same generational suffixes
        pl.col(c).str.extract_all(DIGITS).list.join(" ")
        + pl.col(c).str.extract_all(GENERATION).list.join(" ")
        for c in ("folded", "folded_b")
    ]
    unequal = pairs.filter((pl.col("folded") != pl.col("folded_b")) & (numbers[0] == numbers[1]))
    near = near_pairs(unequal, NEAR, "folded", "folded_b")
    if not people:
        return near
    swapped = unequal.filter(pl.col("attribute").is_in(people)).with_columns(
        _swapped=turned(pl.col("folded"))
    )
    swapped = swapped.filter(pl.col("_swapped").is_not_null())
    if swapped.is_empty():
        return near
    far = near_pairs(swapped, NEAR, "_swapped", "folded_b").drop("_swapped")
    return pl.concat([near, far]).unique(maintain_order=True)


def _variants(
    members: pl.DataFrame, people: list[str] | None = None
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Which members merge into which (g, key, into), and the variants to report (g, key of
    the spelling, key_b of the variant, user, phase, o1, o2).

    Editorial members merge greedily in rank order: the first of a near pair that neither side
    has merged yet takes the second. A member only user reviews name is a misspelling of the
    first editorial member near it."""
    ranked = members.filter(pl.col("rank").is_not_null()).select(
        "g", "attribute", "key", "rank", "folded", "words", "roles"
    )
    columns = ("g", "attribute", "key", "key_b", "rank", "rank_b")
    candidates = ranked.join(_as_b(ranked), on=["g", "words"]).filter(
        pl.col("rank") < pl.col("rank_b")
    )
    near = pl.concat(
        [_near(candidates, people).select(columns), _one_role(candidates).select(columns)]
    ).with_columns(initials=pl.lit(False))
    # a pair both near and abbreviated ("mary j watson", "mary jane watson") is the latter
    pairs = pl.concat([near, _abbreviated(ranked)]).sort(
        "g", "rank", "rank_b", "initials", descending=[False, False, False, True]
    )
    merged: dict[tuple[int, str], str] = {}
    reported = []
    for g, attribute, a, b, rank_a, rank_b, initials in rows(pairs):
        if (g, a) in merged or (g, b) in merged:
            continue
        merged[(g, b)] = a
        # "Sport" and "sports": one genre in two sites' words, not a misspelling
        if not (attribute == "genres" and facets(a) and facets(a) == facets(b)):
            reported.append((g, a, b, False, initials, _EDITORIAL_VARIANT, rank_a, rank_b))
    user = members.filter(pl.col("rank").is_null()).select("g", "key", "first", "folded", "words")
    misspelt = (
        _near(user.join(_as_b(ranked), on=["g", "words"]))
        .group_by("g", "key", "first")
        .agg(key_b=pl.col("key_b").sort_by("rank_b").first())
        .select(
            "g",
            key=pl.col("key_b"),
            key_b=pl.col("key"),
            user=pl.lit(True),
            initials=pl.lit(False),
            phase=pl.lit(_USER_VARIANT),
            o1=pl.col("first").cast(pl.Int64),
            o2=pl.lit(0, pl.Int64),
        )
    )
    variant_schema = {
        "g": pl.UInt32,
        "key": pl.String,
        "key_b": pl.String,
        "user": pl.Boolean,
        "initials": pl.Boolean,
        "phase": pl.Int32,
        "o1": pl.Int64,
        "o2": pl.Int64,
    }
    reported_frame = pl.DataFrame(reported, schema=variant_schema, orient="row")
    merges = pl.DataFrame(
        [(g, b, a) for (g, b), a in merged.items()],
        schema={"g": pl.UInt32, "key": pl.String, "into": pl.String},
        orient="row",
    )
    return merges, pl.concat([reported_frame, misspelt.cast(variant_schema)])


def _abbreviated(ranked: pl.DataFrame) -> pl.DataFrame:
    """The pairs of a group's editorial members that are one name written in full and with
    initials or without a middle name (normalize.names.abbreviates): same surname first."""
    last = pl.col("folded").str.split(" ").list.last()
    named = ranked.filter(pl.col("words") >= 2).with_columns(last=last)
    pairs = named.join(
        named.select("g", "last", *(pl.col(c).alias(c + "_b") for c in ("key", "rank", "folded"))),
        on=["g", "last"],
    ).filter(pl.col("rank") < pl.col("rank_b"))
    keep = [abbreviates(a, b) for a, b in rows(pairs.select("folded", "folded_b"))]
    return pairs.filter(pl.Series(keep, dtype=pl.Boolean)).select(
        "g", "attribute", "key", "key_b", "rank", "rank_b", initials=pl.lit(True)
    )


def _as_b(members: pl.DataFrame) -> pl.DataFrame:
    """Members as the second of a pair, joined on (g, words): the other columns end in _b."""
    return members.select(
        "g", "words", *(pl.col(c).alias(c + "_b") for c in ("key", "rank", "folded", "roles"))
    )


def _one_role(candidates: pl.DataFrame) -> pl.DataFrame:
    """Pairs of actors the sources give one role, whose names are the same words but one, that
    word opening on the same letter ("min-su seo" and "min-su suh", in either order): one
    actor whose surname is romanised two ways, however far apart the short word's letters."""
    shared = candidates.filter(
        (pl.col("words") >= 2) & (pl.col("roles").list.set_intersection("roles_b").list.len() > 0)
    )
    keep = [_one_word_apart(a, b) for a, b in rows(shared.select("folded", "folded_b"))]
    return shared.filter(pl.Series(keep, dtype=pl.Boolean))


def _one_word_apart(a: str, b: str) -> bool:
    only_a = list((Counter(a.split()) - Counter(b.split())).elements())
    only_b = list((Counter(b.split()) - Counter(a.split())).elements())
    return len(only_a) == len(only_b) == 1 and only_a[0][0] == only_b[0][0]


def _worded_variants(variants: pl.DataFrame, members: pl.DataFrame) -> pl.DataFrame:
    """Spelling variants as findings: a name spelt two ways by editorial sources, or a
    reviewer's misspelling of an editorial name (at info)."""
    # the sources quoted for a spelling: those whose own data write it (a reviewer's on the
    # same site does not make the site write it), else its reviewers'
    sources = pl.when(pl.col("said_by").list.len() > 0).then("said_by").otherwise("sources")
    of = members.select(
        "g", "entity", "attribute", "key", "shown", ids="spelt_ids", sources=sources
    )
    pairs = variants.join(of, on=["g", "key"]).join(
        of.drop("entity", "attribute"), left_on=["g", "key_b"], right_on=["g", "key"], suffix="_b"
    )
    fields = {
        "sources": pl.col("sources"),
        "spelling": pl.col("shown"),
        "variant_sources": pl.col("sources_b"),
        "variant": pl.col("shown_b"),
    }
    user, member = SpellingVariant.reviewer_misspelling, SpellingVariant.member_spelt_two_ways
    short = SpellingVariant.member_with_initials
    by_user, initials = pl.col("user"), pl.col("initials")
    found = pairs.select(
        *_ORDER,
        "entity",
        "attribute",
        slot=pl.lit(""),
        code=pl.lit(member.code),
        reason=pl.when(by_user)
        .then(pl.lit(user.name))
        .when(initials)
        .then(pl.lit(short.name))
        .otherwise(pl.lit(member.name)),
        claim_ids=pl.concat_list("ids", "ids_b"),
        fields=words.obj(
            sources=words.names(pl.col("sources")),
            spelling=words.text(pl.col("shown")),
            variant_sources=words.names(pl.col("sources_b")),
            variant=words.text(pl.col("shown_b")),
        ),
        severity=pl.when(by_user | initials).then(pl.lit("info")),
        message=pl.when(by_user)
        .then(words.message(user, **fields))
        .when(initials)
        .then(words.message(short, **fields))
        .otherwise(words.message(member, **fields)),
    )
    return _framed(found)


def _verdicts(
    ctx: Context,
    claims: pl.DataFrame,
    members: pl.DataFrame,
    merged: pl.DataFrame,
    actors: pl.DataFrame,
) -> list[pl.DataFrame]:
    """Per group whose sources' editorial sets (variants merged) differ, one finding: a source
    that contradicts itself, lists that share nothing, some lists that are part of the
    longest, or lists that overlap."""
    editorial = (
        claims.filter("editorial")
        .join(merged, on=["g", "key"], how="left", maintain_order="left")
        .with_columns(member=pl.coalesce("into", "key"))
    )
    lower = pl.col("name") == pl.col("name").str.to_lowercase()
    per_source = (
        editorial.group_by("g", "entity", "attribute", "source")
        .agg(
            first=pl.col("pos").min(),
            set=pl.col("member").unique().sort(),
            # each name once, whatever its case ("Egyptian", not "egyptian" too): cased first
            own=pl.col("name")
            .sort_by(lower, "pos")
            .filter(pl.col("name").str.to_lowercase().sort_by(lower, "pos").is_first_distinct())
            .sort(),
            ids="claim_id",
        )
        .with_columns(
            n_sources=pl.len().over("g"),
            distinct=pl.col("set").n_unique().over("g"),
            same=pl.len().over("g", "set"),
        )
        .filter(pl.col("distinct") >= 2)
    )
    lists = _lists(per_source, editorial)
    inner = _self_contradictions(ctx, per_source, members, editorial, actors)
    rest = lists.join(inner.select("g"), on="g", how="anti")
    disjoint = _disjoint(per_source).join(inner.select("g"), on="g", how="anti")
    common = rest.join(disjoint, on="g", how="anti")
    apart = rest.join(disjoint, on="g", how="semi")
    replaced = _replaced(ctx, common, per_source, members)
    common = common.join(replaced.select("g"), on="g", how="anti")
    return [
        inner,
        replaced,
        _partial_or_overlapping(ctx, common, per_source, members),
        _sharing_nothing(ctx, apart, per_source, editorial, actors),
    ]


def _lists(per_source: pl.DataFrame, editorial: pl.DataFrame) -> pl.DataFrame:
    """Per group: each source's list as it writes it, worded (`said`) and as JSON (the
    `lists` field), sources in order; and the ids of its editorial claims in group order."""
    source, own = pl.col("source"), pl.col("own")
    listed = (
        per_source.sort("g", "source")
        .group_by("g", "entity", "attribute", maintain_order=True)
        .agg(
            said=pl.concat_str(source, pl.lit(": "), words.listing(own)).str.join("; "),
            listed=words.array(words.text(source), words.names(own)).str.join(","),
        )
        .with_columns(listed=pl.concat_str(pl.lit("["), "listed", pl.lit("]")))
    )
    ids = editorial.group_by("g").agg(claim_ids="claim_id")
    return listed.join(ids, on="g")


def _self_contradictions(
    ctx: Context,
    per_source: pl.DataFrame,
    members: pl.DataFrame,
    editorial: pl.DataFrame,
    actors: pl.DataFrame,
) -> pl.DataFrame:
    """A source that credits the names every other source (two or more) agrees on and,
    beside them, players of the film's cast whom no other source credits, or names its page
    credits each in a sentence of its own (`_credited_apart`): its page contradicts itself.
    A page that credits apart contradicts its own structured line whatever the number of
    sources, so one other source suffices to say which credit it shares (a crew credit that
    two sites alone give). Only for attributes that take a flag, not a billing."""
    specs = ctx.settings.specs.items()
    flagged = [n for n, s in specs if s.qualifier == "flag" and s.relation != "billing"]
    lone = per_source.filter(
        pl.col("attribute").is_in(flagged)
        & (pl.col("distinct") == 2)
        & (pl.col("same") == 1)
        & (pl.col("n_sources") >= 2)
    )
    pair = pl.col("n_sources") == 2
    agreed = per_source.filter((pl.col("same") >= 2) | pair).select("g", others="set").unique()
    odd = pl.col("set").list.set_difference("others")
    found = (
        lone.join(agreed, on="g")
        .join(actors, on="entity", how="left")
        .filter(
            (pl.col("others").list.set_difference("set").list.len() == 0)
            & (pl.col("others").list.len() < pl.col("set").list.len())
        )
        .with_columns(
            odd=odd.list.sort(),
            in_cast=odd.list.set_difference(pl.col("actors").fill_null(_NONE)).list.len() == 0,
        )
    )
    found = found.filter(
        (pl.col("in_cast") & ~pair) | _credited_apart(ctx, found, editorial)
    )
    # the odd members' display names, in key order
    named = (
        found.select("g", key="odd")
        .explode("key")
        .join(members.select("g", "key", "shown"), on=["g", "key"], maintain_order="left")
        .group_by("g", maintain_order=True)
        .agg(named="shown")
    )
    # the agreed names as the others write them, each once in its display form (not one
    # per case a page writes it in)
    others = (
        editorial.join(found.select("g", "source"), on="g")
        .filter(pl.col("source") != pl.col("source_right"))
        .select("g", "key")
        .unique()
        .join(members.select("g", "key", "shown"), on=["g", "key"])
        .group_by("g")
        .agg(agreed=pl.col("shown").unique().sort())
    )
    cast, apart = InternalInconsistency.extra_credit, InternalInconsistency.credited_apart
    in_cast = pl.col("in_cast")
    fields = {"source": pl.col("source"), "named": pl.col("named"), "agreed": pl.col("agreed")}
    return _framed(
        found.join(named, on="g")
        .join(others, on="g")
        .select(
            *_verdict_order(),
            "entity",
            "attribute",
            slot=pl.lit(""),
            code=pl.lit(cast.code),
            reason=pl.when(in_cast).then(pl.lit(cast.name)).otherwise(pl.lit(apart.name)),
            claim_ids="ids",
            fields=words.obj(
                source=words.text(pl.col("source")),
                named=words.names(pl.col("named")),
                agreed=words.names(pl.col("agreed")),
            ),
            severity=pl.lit(None, pl.String),
            message=pl.when(in_cast)
            .then(words.message(cast, **fields))
            .otherwise(words.message(apart, **fields)),
        )
    )


def _credited_apart(ctx: Context, found: pl.DataFrame, editorial: pl.DataFrame) -> pl.Series:
    """Per candidate of `found` (a source whose list is the agreed one and more), whether its
    page credits each name in a sentence of its own, never an odd name in the sentence of an
    agreed one: "directed by A" in its summary line and "directed by B" in its abstract, not
    "directed by A and B", nor the items of one bulleted list, nor credits of different
    regions. Looked at only where the odd names are not all players (few), one by one."""
    looked = found.filter(~pl.col("in_cast")).select("g", "source", "odd")
    if looked.is_empty():
        return pl.Series([False] * found.height, dtype=pl.Boolean)
    claims = editorial.join(looked, on=["g", "source"]).select(
        "g", "claim_id", odd=pl.col("key").is_in(pl.col("odd"))
    )
    texts = (
        ctx.frame.filter(pl.col("claim_id").is_in(claims.get_column("claim_id").implode()))
        .select("claim_id", "raw", "context", "qualifier")
        .unique("claim_id", keep="last", maintain_order=True)
    )
    said = claims.join(texts, on="claim_id", how="left", maintain_order="left")
    apart = {
        g: _apart(list(zip(odd, raw, context, qualifier, strict=True)))
        for g, odd, raw, context, qualifier in rows(
            said.group_by("g", maintain_order=True).agg("odd", "raw", "context", "qualifier")
        )
    }
    return pl.Series(
        [apart.get(g, False) for g in found.get_column("g").to_list()], dtype=pl.Boolean
    )


def _apart(claims: list[tuple[bool, str | None, str | None, str | None]]) -> bool:
    """Whether no odd claim (odd, raw, context, qualifier) names itself in one list with an
    agreed one, no claim is a bulleted list's item and all are of one region."""
    claims = [(odd, r or "", x or "", q) for odd, r, x, q in claims]
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


def _framed(found: pl.DataFrame) -> pl.DataFrame:
    """Findings (`findings.SCHEMA`) with their place among the comparator's (`_ORDER`)."""
    return found.select(*_ORDER, *SCHEMA).cast(_FRAMED)


_FRAMED = {"g": pl.UInt32, "phase": pl.Int32, "o1": pl.Int64, "o2": pl.Int64, **SCHEMA}


_NONE = pl.lit([], pl.List(pl.String))


def _verdict_order() -> list[pl.Expr]:
    return [
        pl.col("g"),
        pl.lit(_VERDICT, pl.Int32).alias("phase"),
        pl.lit(0, pl.Int64).alias("o1"),
        pl.lit(0, pl.Int64).alias("o2"),
    ]


def _disjoint(per_source: pl.DataFrame) -> pl.DataFrame:
    """The groups where two sources' lists share no member."""
    sets = per_source.select("g", "source", "set")
    return (
        sets.join(sets, on="g", suffix="_b")
        .filter(
            (pl.col("source") < pl.col("source_b"))
            & (pl.col("set").list.set_intersection("set_b").list.len() == 0)
        )
        .select("g")
        .unique()
    )


def _partial_or_overlapping(
    ctx: Context, lists: pl.DataFrame, per_source: pl.DataFrame, members: pl.DataFrame
) -> pl.DataFrame:
    """Lists that share members: where the longest holds every other, the shorter ones list
    only some of the members; else they overlap, and the members not on every list are named."""
    held = (
        per_source.select("g", "n_sources", member="set")
        .explode("member")
        .group_by("g", "member")
        .agg(lists=pl.len(), n_sources=pl.col("n_sources").first())
    )
    union = held.group_by("g").agg(union=pl.len())
    longest = per_source.group_by("g").agg(longest=pl.col("set").list.len().max())
    partial = (
        per_source.join(union, on="g")
        .filter(pl.col("set").list.len() < pl.col("union"))
        .sort("g", "source")
        .group_by("g")
        .agg(partial="source")
    )
    rare = (
        held.filter(pl.col("lists") < pl.col("n_sources"))
        .join(members.select("g", member="key", rare="shown"), on=["g", "member"])
        .sort("g", "member")
        .group_by("g")
        .agg("rare")
    )
    judged = (
        lists.join(union, on="g")
        .join(longest, on="g")
        .join(partial, on="g", how="left")
        .join(rare, on="g", how="left")
        .with_columns(
            is_partial=pl.col("longest") == pl.col("union"),
            partial=pl.col("partial").fill_null(_NONE),
            rare=pl.col("rare").fill_null(_NONE),
            title=pl.col("attribute").replace_strict(_titles(ctx, lists), return_dtype=pl.String),
        )
    )
    some, overlap = WithinTolerance.partial_lists, WithinTolerance.lists_overlap
    is_partial = pl.col("is_partial")
    found = judged.select(
        *_verdict_order(),
        "entity",
        "attribute",
        slot=pl.lit(""),
        code=pl.lit(some.code),
        reason=pl.when(is_partial).then(pl.lit(some.name)).otherwise(pl.lit(overlap.name)),
        claim_ids="claim_ids",
        fields=pl.when(is_partial)
        .then(
            words.obj(
                lists=pl.col("listed"),
                partial=words.names(pl.col("partial")),
                title=words.text(pl.col("title")),
            )
        )
        .otherwise(words.obj(lists=pl.col("listed"), rare=words.names(pl.col("rare")))),
        severity=pl.lit(None, pl.String),
        message=pl.when(is_partial)
        .then(
            words.message(
                some, lists=pl.col("said"), partial=pl.col("partial"), title=pl.col("title")
            )
        )
        .otherwise(words.message(overlap, lists=pl.col("said"), rare=pl.col("rare"))),
    )
    return _framed(found)


def _replaced(
    ctx: Context, lists: pl.DataFrame, per_source: pl.DataFrame, members: pl.DataFrame
) -> pl.DataFrame:
    """Credit lists (people, no billing) where a source leaves out a name every other list
    gives (two lists at least, all alike) and names instead one no other list gives: the
    credit is given to another person, a conflict; a list that only leaves names out, a
    billing that cuts the cast elsewhere, or lists that differ among the others as well (sites
    that credit writers or producers more or less fully) is none."""
    credits = [
        a
        for a in lists.get_column("attribute").unique().to_list()
        if ctx.spec(a).kind == "people" and ctx.spec(a).relation != "billing"
    ]
    held = (
        per_source.filter(
            pl.col("attribute").is_in(credits)
            & (pl.col("n_sources") >= 3)
            & (pl.col("distinct") == 2)  # one list apart, the others one list
        )
        .join(lists.select("g"), on="g", how="semi")
        .select("g", "source", "n_sources", member="set")
        .explode("member")
    )
    counts = held.group_by("g", "member").agg(
        lists=pl.len(), by=pl.col("source").first(), n_sources=pl.col("n_sources").first()
    )
    listed = per_source.select("g", "source", "set")
    # a name on every list but one, and the one list that leaves it out
    missing = (
        counts.filter(pl.col("lists") == pl.col("n_sources") - 1)
        .join(listed, on="g")
        .filter(~pl.col("set").list.contains(pl.col("member")))
        .select("g", "source", "member")
    )
    extra = counts.filter(pl.col("lists") == 1).select("g", source="by", member="member")
    shown = members.select("g", member="key", shown="shown")
    both = (
        missing.join(extra.select("g", "source").unique(), on=["g", "source"], how="semi")
        .join(shown, on=["g", "member"])
        .sort("g", "member")
        .group_by("g")
        .agg(sources=pl.col("source").unique().sort(), missing=pl.col("shown").unique().sort())
    )
    added = (
        extra.join(
            both.select("g", "sources").explode("sources"),
            left_on=["g", "source"],
            right_on=["g", "sources"],
            how="semi",
        )
        .join(shown, on=["g", "member"])
        .group_by("g")
        .agg(extra=pl.col("shown").unique().sort())
    )
    judged = lists.join(both, on="g").join(added, on="g")
    why = ValueConflict.name_replaced
    found = judged.select(
        *_verdict_order(),
        "entity",
        "attribute",
        slot=pl.lit(""),
        code=pl.lit(why.code),
        reason=pl.lit(why.name),
        claim_ids="claim_ids",
        fields=words.obj(
            lists=pl.col("listed"),
            sources=words.names(pl.col("sources")),
            extra=words.names(pl.col("extra")),
            missing=words.names(pl.col("missing")),
        ),
        severity=pl.lit(None, pl.String),
        message=words.message(
            why,
            lists=pl.col("said"),
            sources=pl.col("sources"),
            extra=pl.col("extra"),
            missing=pl.col("missing"),
        ),
    )
    return _framed(found)


def _titles(ctx: Context, frame: pl.DataFrame) -> dict[str, str]:
    """Each attribute's title, for the attributes of `frame`."""
    return {a: ctx.spec(a).title for a in frame.get_column("attribute").unique().to_list()}


def _sharing_nothing(
    ctx: Context,
    lists: pl.DataFrame,
    per_source: pl.DataFrame,
    editorial: pl.DataFrame,
    actors: pl.DataFrame,
) -> pl.DataFrame:
    """Groups where two lists share no member (few): judged one by one, as lists that still
    describe the same film (`_compatible`, `_dubbed`) or that conflict."""
    if lists.is_empty():
        return _framed(table([]).with_columns(*_verdict_order()[1:], g=pl.lit(0, pl.UInt32)))
    cast_of = {e: set(a) for e, a in rows(actors)}
    lists = lists.sort("g")
    sets_of = (
        per_source.join(lists.select("g"), on="g", how="semi")
        .sort("g", "first")
        .group_by("g", maintain_order=True)
        .agg("source", "set", "own")
    )
    # each group's cast entries' characters, per source
    characters = (
        editorial.join(lists.select("g"), on="g", how="semi")
        .filter(pl.col("key2").is_not_null() & (pl.col("key2") != ""))
        .group_by("g", "source")
        .agg("key2", "name2")
    )
    roles_of: dict[int, _Roles] = {}
    for g, source, keys, names in rows(characters):
        roles = roles_of.setdefault(g, _Roles({}, {}))
        roles.of[source] = set(keys)
        for k, n in zip(keys, names, strict=True):
            if n:
                roles.names.setdefault(k, []).append(n)
    regions = _regions(ctx, editorial.join(lists.select("g"), on="g", how="semi"))
    found = []
    for (g, entity, attribute, ids), (_, src, members, own) in zip(
        rows(lists.select("g", "entity", "attribute", "claim_ids")), rows(sets_of), strict=True
    ):
        sets = {s: set(m) for s, m in zip(src, members, strict=True)}
        names = {s: set(o) for s, o in zip(src, own, strict=True)}
        dub = roles_of.get(g, _Roles({}, {}))
        why = _disjoint_why(ctx.spec(attribute), sets, names, cast_of.get(entity, set()), dub)
        if why.reason is ValueConflict.share_nothing:
            why = _other_regions(ctx.spec(attribute), why, regions.get(g, {})) or why
        found.append(Finding(entity, attribute, "", tuple(ids), why))
    return _framed(table(found).with_columns(*_verdict_order()[1:], g=lists.get_column("g")))


def _regions(ctx: Context, claims: pl.DataFrame) -> dict[int, dict[str, set[str | None]]]:
    """Per group and source, the qualifiers its claims give (None for a claim with none)."""
    qualifiers = (
        ctx.frame.filter(pl.col("claim_id").is_in(claims.get_column("claim_id").implode()))
        .select("claim_id", "qualifier")
        .unique("claim_id", keep="last")
    )
    given = (
        claims.join(qualifiers, on="claim_id")
        .group_by("g", "source")
        .agg(pl.col("qualifier").unique())
    )
    out: dict[int, dict[str, set[str | None]]] = {}
    for g, source, qs in rows(given):
        out.setdefault(g, {})[source] = set(qs)
    return out


def _other_regions(
    spec: AttributeSpec, why: Why, regions: dict[str, set[str | None]]
) -> Why | None:
    """Lists that share nothing where, of each two, one gives every name its region ("X
    (Turkey)", "Y (Germany)") and the other none of those regions (no region, or others): each
    names other markets' distributors, no contradiction."""
    regional = set()
    for a, b in why.fields["disjoint"]:
        ra, rb = regions.get(a, {None}), regions.get(b, {None})
        side = [
            s
            for s, mine, theirs in ((a, ra, rb), (b, rb, ra))
            if None not in mine and all(map(is_country, mine)) and not mine & theirs
        ]
        if not side:
            return None
        regional.update(side)
    named = sorted({q for s in regional for q in regions[s] if q})
    return QualifierSplit.other_regions(
        lists=why.fields["lists"], regional=sorted(regional), title=spec.title, regions=named
    )


class _Roles(NamedTuple):
    """A group's cast entries' characters: per source, their keys; per key, its names."""

    of: dict[str, set[str]]
    names: dict[str, list[str]]


def _disjoint_why(spec: AttributeSpec, sets: dict, own: dict, cast: set[str], roles: _Roles) -> Why:
    """Why lists, some two of which share nothing, differ."""
    listed = [[s, sorted(own[s])] for s in sorted(sets)]
    if why := _compatible(spec, sets, own, cast, listed):
        return why
    disjoint = [[a, b] for a in sets for b in sets if a < b and not sets[a] & sets[b]]
    if why := _dubbed(disjoint, roles, listed):
        return why
    return ValueConflict.share_nothing(lists=listed, disjoint=disjoint)


def _dubbed(disjoint: list[list[str]], roles: _Roles, listed: list) -> Why | None:
    """Cast lists that share no player but give the same characters: one lists the original
    voices or players, the other a dub's (or another version's); no list contradicts another."""
    if not all(roles.of.get(a, set()) & roles.of.get(b, set()) for a, b in disjoint):
        return None
    shared = set().union(*(roles.of[a] & roles.of[b] for a, b in disjoint))
    named = sorted({best_cased(roles.names.get(k, [])) for k in shared})
    return WithinTolerance.same_roles_other_players(lists=listed, roles=named)


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
    # a list of the novelist alone and one of the screenwriters alone, where a third names
    # them all: each names only some of the credits, neither contradicts the other
    disjoint = [(a, b) for a in sets for b in sets if a < b and not sets[a] & sets[b]]
    if all(
        any(sets[c] & sets[a] and sets[c] & sets[b] for c in sets if c not in (a, b))
        for a, b in disjoint
    ):
        partial = sorted({s for pair in disjoint for s in pair})
        return WithinTolerance.partial_lists(lists=listed, partial=partial, title=spec.title)
    return None


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
    roles = by_value([_self_role(k.translate(_QUOTES)) if k else k for k in key2])
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
# A documentary's subject plays no character: "Self", "Himself" and "Herself" are one role.
_SELF_ROLES = frozenset({"self", "himself", "herself", "themself", "themselves"})


def _self_role(key: str) -> str:
    return "self" if key.lower() in _SELF_ROLES else key


# A word of a role; a nickname's closing quote is no part of it.
_ROLE_WORD = re.compile(r"[^\W_](?:[\w'’-]*[^\W_])?")


# A role's description in apposition: ", the cook", ", his daughter", ", a nurse".
_DESCRIBED = re.compile(r",\s*(?:the|a|an|his|her|their)\s.*$", re.IGNORECASE)


def _same_role(keys: list[str]) -> bool:
    """'Sgt. Vance' and 'Sergeant Vance'; 'Jo' and 'Jo Vance': every way of writing
    the role is, word for word and titles spelt out, part of the fullest one. A description
    after a comma ("X, the cook", "Y, her brother") is no part of the name:
    a role so described is compared by its name alone."""
    words = [
        tuple(HONORIFICS.get(w, w) for w in _ROLE_WORD.findall(_DESCRIBED.sub("", k)))
        for k in keys
    ]
    fullest = set(max(words, key=len))
    return all(set(w) <= fullest for w in words)
