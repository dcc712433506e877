"""One value per source: exact values, text, durations, counts, scores and money.

Durations compare within a tolerance in minutes; scores on their scales; money as ranges with a
relative tolerance (a point estimate inside another source's range is compatible); counts of
time-varying figures drift rather than conflict; different scopes of money (USA vs worldwide
vs unstated) are a qualifier split, explained, unless the part exceeds the whole.

Judged as whole frames: a row per claim of the groups that disagree, a row per (group, value)
and per group, each reason a condition on them (`_reasons`, in the order they are tried), and
polars words the findings (`words`). Python formats numbers as the catalog's templates do (each
distinct number once), shows each distinct value once, and judges the few groups of two texts.
"""

from __future__ import annotations

from functools import lru_cache

import polars as pl

from auditor import kinds
from auditor.catalog import (
    FIGURE,
    QualifierSplit,
    Reason,
    SpellingVariant,
    TemporalDrift,
    ValueConflict,
    WithinTolerance,
)
from auditor.claims import EDITORIAL
from auditor.normalize.money import LOWER_BOUND
from auditor.normalize.names import fold
from auditor.normalize.places import is_country
from auditor.normalize.titles import same_sequel
from auditor.reconcile.comparators import words
from auditor.reconcile.comparators.base import editorial, rows
from auditor.reconcile.display import money
from auditor.reconcile.findings import SCHEMA
from auditor.reconcile.model import Context

_CLAIM = ("claim_id", "key", "source", "value", "num", "low", "high", "document")


def plan(ctx: Context, mine: tuple[str, ...]) -> tuple[pl.LazyFrame, ...]:
    """A row per claim of the disagreeing (entity, attribute, slot) groups (numbered `g`, `pos`
    its place in the group); of money stated for several scopes (numbered `s`); and the
    editorial claims of companions and of the counts beside them."""
    frame = _without_met_bounds(editorial(ctx.frame.lazy(), mine))
    counted = {
        s.companion: s.name for s in ctx.settings.specs.values() if s.time_varying and s.companion
    }
    return (
        _numbered(frame, ("entity", "attribute", "slot"), pl.col("key").n_unique(), "g"),
        _numbered(
            frame.filter(pl.col("compares") == "money"),
            ("entity", "attribute"),
            pl.col("slot").n_unique(),
            "s",
        ),
        ctx.frame.lazy()
        .filter(pl.col("attribute").is_in(list(counted)) & (pl.col("origin") == EDITORIAL))
        .select("entity", "attribute", "source", "key", "value", "slot"),
        # The counts beside each companion (the votes beside a rating), per entity and site.
        ctx.frame.lazy()
        .filter(pl.col("attribute").is_in(list(counted.values())) & (pl.col("origin") == EDITORIAL))
        .select(
            "entity",
            "source",
            "key",
            "num",
            of=pl.col("attribute").replace(_inverse(counted)),
            site=_site(pl.col("slot")),
        ),
    )


# A figure stated as a lower bound ("grossed over $1 billion": its raw opens on the bound word)
_LOWER_BOUND = rf"(?i)^(?:{LOWER_BOUND})\b"


def _without_met_bounds(frame: pl.LazyFrame) -> pl.LazyFrame:
    """The claims less each amount stated as a lower bound that another figure of its group
    meets: "over $2 billion" beside $2,318,402,771 says the same, however far apart the two."""
    bound = (pl.col("compares") == "money") & pl.col("raw").str.contains(_LOWER_BOUND)
    figures = pl.col("num").filter(~bound).max().over("entity", "attribute", "slot")
    return frame.filter(~(bound & (pl.col("num") <= figures)).fill_null(False))


def _site(slot: pl.Expr) -> pl.Expr:
    """The site a slot names: its first word ("rottentomatoes average" is a Rotten Tomatoes
    score, counted by that site's reviews); "" for an unqualified one."""
    return slot.fill_null("").str.split(" ").list.first()


def _inverse(mapping: dict[str, str]) -> dict[str, str]:
    return {v: k for k, v in mapping.items()}


def _numbered(frame: pl.LazyFrame, by: tuple[str, ...], n: pl.Expr, name: str) -> pl.LazyFrame:
    """The claims of the groups where `n` exceeds 1, a row each, with their group's number
    (`name`, in the order groups are first seen) and their place in it (`pos`)."""
    columns = [c for c in (*_CLAIM, "slot") if c not in by]
    return (
        frame.group_by(*by, maintain_order=True)
        .agg(n.alias("n"), *columns)
        .filter(pl.col("n") > 1)
        .drop("n")
        .with_row_index(name)
        .with_columns(pos=pl.int_ranges(pl.col("key").list.len()))
        .explode(*columns, "pos")
    )


def build(
    ctx: Context,
    claims: pl.DataFrame,
    scopes: pl.DataFrame,
    companions: pl.DataFrame,
    counts: pl.DataFrame,
) -> pl.DataFrame:
    claims, parts = _by_currency(_with_currency(_without_versions(ctx, claims)))
    scopes = _with_currency(scopes)
    found = _judged(ctx, claims, scopes, companions, counts, parts)
    return pl.concat([found.cast(SCHEMA), _scopes(ctx, scopes)]).select(*SCHEMA)


def _without_versions(ctx: Context, claims: pl.DataFrame) -> pl.DataFrame:
    """The claims less the duration groups whose every value is a version's: a time that two
    pages each state beside another of their own ("118 min | 131 min (director's cut)" on two
    sites, 118 alone on a third) is one cut's, and contradicts no other cut's time; and the
    groups that agree but for a named cut's time stated bare (`_named_cut_times`)."""
    durations = [n for n in ctx.settings.specs if ctx.compares(n) == "duration"]
    timed = claims.filter(pl.col("attribute").is_in(durations))
    if timed.is_empty():
        return claims
    versions = (
        timed.group_by("g", "source")
        .agg(pl.col("key").unique())
        .filter(pl.col("key").list.len() > 1)
        .explode("key")
        .group_by("g", "key")
        .agg(pages=pl.len())
        .filter(pl.col("pages") > 1)
    )
    explained = (
        timed.join(versions, on=["g", "key"], how="left")
        .group_by("g")
        .agg(pl.col("pages").is_not_null().all().alias("all"))
        .filter("all")
    )
    return claims.join(
        pl.concat([explained.select("g"), _named_cut_times(ctx, timed, durations)]),
        on="g",
        how="anti",
    )


def _named_cut_times(ctx: Context, timed: pl.DataFrame, durations: list[str]) -> pl.DataFrame:
    """The unnamed duration groups that agree but for times a named cut has elsewhere: a page
    giving the roadshow's "2h 48min" with no version named, beside 141 minutes and "168 min
    (roadshow) | 141 min" on other pages, states that cut's time (so do sites giving one cut
    of a film released in two, "101 min" beside another's "101 min (unrated) | 94 min"). A cut
    counts where a page naming it gives the film another time beside it (a "3-D version" as
    long as the film proves nothing), and a country's version ("84 minutes (Sweden)") is no
    other cut."""
    stated = ctx.frame.lazy().filter(
        pl.col("attribute").is_in(durations) & (pl.col("origin") == EDITORIAL)
    )
    slots = stated.select("slot").unique().collect().get_column("slot").to_list()
    cuts = [c for c in slots if c and not is_country(c)]
    by = ["entity", "attribute", "source"]
    plain = stated.filter(pl.col("slot") == "").select(*by, plain="key")
    times = (
        stated.filter(pl.col("slot").is_in(cuts))
        .select(*by, "key")
        .join(plain, on=by)
        .filter(pl.col("plain") != pl.col("key"))
        .select("entity", "attribute", "key", cut=pl.lit(True))
        .unique()
        .collect()
    )
    return (
        timed.filter(pl.col("slot") == "")
        .join(times, on=["entity", "attribute", "key"], how="left")
        .group_by("g")
        .agg(
            cut=pl.col("cut").any(),
            others=pl.col("key").filter(pl.col("cut").is_null()).n_unique(),
        )
        .filter(pl.col("cut") & (pl.col("others") <= 1))
        .select("g")
    )


@lru_cache(maxsize=4096)
def _currency(value: str) -> str:
    """An amount's currency (its stored JSON text read once: amounts repeat across claims)."""
    return kinds.decode(value).get("currency", "USD")


def _with_currency(claims: pl.DataFrame) -> pl.DataFrame:
    """Each money claim's currency, read once per distinct value."""
    money_values = claims.filter(pl.col("low").is_not_null()).get_column("value").unique()
    mapping = {v: _currency(v) for v in money_values.to_list()}
    return claims.with_columns(
        currency=pl.col("value").replace_strict(mapping, default=None, return_dtype=pl.String)
    )


def _by_currency(claims: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The claims, and again those of each currency of a money group holding several, as a
    group of their own where they differ: amounts in two currencies are not comparable, but two
    dollar figures beside a rupee one still are. With them, each such part's group (`g`) and
    the group it is part of (`whole`)."""
    none = pl.DataFrame(schema={"g": claims.schema["g"], "whole": claims.schema["g"]})
    money = claims.filter(pl.col("currency").is_not_null())
    mixed = money.group_by("g").agg(n=pl.col("currency").n_unique()).filter(pl.col("n") > 1)
    if mixed.is_empty():
        return claims, none
    parts = (
        money.join(mixed.select("g"), on="g", how="semi")
        .group_by("g", "currency", maintain_order=True)
        .agg(n=pl.col("key").n_unique())
        .filter(pl.col("n") > 1)
        .drop("n")
    )
    if parts.is_empty():
        return claims, none
    numbered = parts.with_row_index("part").with_columns(
        part=(pl.col("part") + claims.get_column("g").max() + 1).cast(claims.schema["g"])
    )
    again = (
        money.join(numbered, on=["g", "currency"])
        .with_columns(g=pl.col("part"))
        .with_columns(pos=pl.int_range(pl.len()).over("g").cast(claims.schema["pos"]))
        .select(claims.columns)
    )
    return pl.concat([claims, again]), numbered.select(g="part", whole="g")


# Certificates that are no rating (of an attribute whose relation is "certificate"): a work
# released before the ratings existed, or never rated.
NOT_RATED = frozenset({"nr", "not rated", "unrated", "approved", "passed", "g (approved)"})


def _attributes(ctx: Context, names: list[str]) -> pl.DataFrame:
    """What each attribute's judgement reads from its spec: its comparison, the kind its
    values are shown as, relation, tolerance (as the template formats it and as JSON),
    whether it drifts, and its companion's title and kind."""
    out = []
    for name in names:
        spec = ctx.spec(name)
        companion = ctx.spec(spec.companion) if spec.companion else None
        out.append(
            {
                "attribute": name,
                "compares": ctx.compares(name),
                "shows": spec.shows,
                "certificate": spec.relation == "certificate",
                "tolerance": float(spec.tolerance),
                "tolerance_g": format(spec.tolerance, FIGURE),
                "tolerance_pct": format(spec.tolerance, ".0%"),
                "tolerance_json": words.json_number(spec.tolerance),
                "drifts": bool(spec.time_varying),
                "companion": spec.companion or None,
                "companion_title": companion.title if companion else None,
                "companion_shows": companion.shows if companion else None,
            }
        )
    return pl.DataFrame(out, schema=_ATTRIBUTE_SCHEMA)


_ATTRIBUTE_SCHEMA = {
    "attribute": pl.String,
    "compares": pl.String,
    "shows": pl.String,
    "certificate": pl.Boolean,
    "tolerance": pl.Float64,
    "tolerance_g": pl.String,
    "tolerance_pct": pl.String,
    "tolerance_json": pl.String,
    "drifts": pl.Boolean,
    "companion": pl.String,
    "companion_title": pl.String,
    "companion_shows": pl.String,
}


def _shown(ctx: Context, frame: pl.DataFrame, kind: str, value: str, out: str) -> pl.DataFrame:
    """`frame` with the column `out`: each (kind, value) shown as a reviewer reads it
    (Context.shown), once per distinct pair."""
    pairs = frame.select(kind, value).unique().drop_nulls()
    shown = pl.Series(out, [ctx.shown(k, v) for k, v in rows(pairs)], dtype=pl.String)
    return frame.join(
        pairs.with_columns(shown), on=[kind, value], how="left", maintain_order="left"
    )


def _values(ctx: Context, claims: pl.DataFrame) -> pl.DataFrame:
    """Per (group, key): the group's claims stating one value, in the order first seen; its
    sources in order, the value shown, its number and range, and capture dates."""
    captured = pl.DataFrame(
        list(ctx.settings.captured.items()),
        schema={"document": pl.String, "date": pl.String},
        orient="row",
    )
    dated = claims.join(captured, on="document", how="left", maintain_order="left")
    per_value = dated.group_by("g", "key", maintain_order=True).agg(
        first=pl.col("pos").min(),
        sources=pl.col("source").unique(maintain_order=True),
        value=pl.col("value").first(),
        num=pl.col("num").first(),
        low=pl.col("low").first(),
        high=pl.col("high").first(),
        shows=pl.col("shows").first(),
        dates=pl.col("date")
        .filter(pl.col("date").is_not_null() & (pl.col("date") != ""))
        .unique()
        .sort(),
    )
    return _shown(ctx, per_value.sort("g", "first"), "shows", "value", "shown")


def _judged(
    ctx: Context,
    claims: pl.DataFrame,
    scopes: pl.DataFrame,
    companions: pl.DataFrame,
    counts: pl.DataFrame,
    parts: pl.DataFrame,
) -> pl.DataFrame:
    """A finding per disagreeing group (but the unscoped figures that one mistyped scoped
    figure explains, which `_scopes` reports, and a currency's part of a group whose figures
    each repeat a scoped one, which the whole group's finding says)."""
    specs = _attributes(ctx, claims.get_column("attribute").unique().sort().to_list())
    claims = claims.join(
        specs.select("attribute", "shows", "compares", "tolerance"), on="attribute", how="left"
    )
    values = _values(ctx, claims)
    per_group = (
        claims.group_by("g", "entity", "attribute", "slot", maintain_order=True)
        .agg(
            claim_ids="claim_id",
            spread=pl.col("num").max() - pl.col("num").min(),
            low=pl.col("low").max(),
            high=pl.col("high").min(),
            top=pl.col("high").max(),
            currencies=pl.col("currency").drop_nulls().unique().sort(),
        )
        .join(specs.drop("compares", "shows", "tolerance"), on="attribute", how="left")
        .join(claims.group_by("g").agg(pl.col("compares", "tolerance").first()), on="g")
        .join(words.values_field(_as_written(ctx, claims, values)), on="g")
        .join(_value_facts(values), on="g")
        .join(_rating_counts(claims, counts), on="g", how="left")
        .join(_scoped(claims, scopes), on="g", how="left")
        .join(
            pl.concat([_transposed_points(claims), _transposed_counts(claims)]),
            on="g",
            how="left",
        )
        .join(_texts_near(ctx, values, claims), on="g", how="left")
    )
    # a companion that differs beside two swapped counts (the rating beside the votes) says the
    # sources were read at different times: the counts drift, whatever their digits
    swapped = per_group.filter(pl.col("swapped").is_not_null() & pl.col("companion").is_not_null())
    moved = _beside(ctx, swapped, claims, companions).select("g", moved="differs")
    per_group = per_group.join(moved, on="g", how="left")
    judged = per_group.with_columns(reason=_reasons()).filter(pl.col("reason").is_not_null())
    match = QualifierSplit.unscoped_match
    placed = judged.filter(pl.col("reason") == f"{match.code}/{match.name}").select(whole="g")
    judged = judged.join(parts.join(placed, on="whole").select("g"), on="g", how="anti")
    return (
        pl.concat(
            [
                _plain(judged),
                _drifts(ctx, judged, values, claims, companions),
                _numeric(judged),
            ],
            how="vertical",
        )
        .sort("g")
        .drop("g")
    )


def _as_written(ctx: Context, claims: pl.DataFrame, values: pl.DataFrame) -> pl.DataFrame:
    """`values` as a finding quotes them: a text's sources parted by how each writes it (IMDb's
    lower-cased "harbor patrol ii: night shift" is the key of "Harbor Patrol II: Night Shift",
    but is quoted as IMDb writes it)."""
    columns = ["g", "first", "sources", "shown"]
    texts = claims.filter(pl.col("compares") == "text")
    if texts.is_empty():
        return values
    written = texts.group_by("g", "key", "value", maintain_order=True).agg(
        first=pl.col("pos").min(),
        sources=pl.col("source").unique(maintain_order=True),
        shows=pl.col("shows").first(),
    )
    written = _shown(ctx, written, "shows", "value", "shown").select(columns)
    others = values.filter(~pl.col("g").is_in(texts.get_column("g").unique().implode()))
    return pl.concat([others.select(columns), written]).sort("g", "first", maintain_order=True)


def _value_facts(values: pl.DataFrame) -> pl.DataFrame:
    """Per group, of its values: how many, how many are no rating, the largest and smallest
    count (as first stated), and which are points and which ranges, shown."""
    point = pl.col("low") == pl.col("high")
    return values.group_by("g").agg(
        n_values=pl.len(),
        not_rated=pl.col("key").is_in(list(NOT_RATED)).sum(),
        most=pl.col("num").max(),
        least=pl.col("num").min(),
        points=pl.col("shown").filter(point),
        ranges=pl.col("shown").filter(~point),
    )


def _rating_counts(claims: pl.DataFrame, counts: pl.DataFrame) -> pl.DataFrame:
    """Per group, how many different counts its sources state beside it (a source's last, of
    the group's site), and how far apart they are: the largest share of the largest count the
    others lack (a score of n reviews moves by at most that share as reviews are added)."""
    last = (
        counts.with_row_index("at")
        .group_by("entity", "of", "site", "source")
        .agg(count=pl.col("key").sort_by("at").last(), num=pl.col("num").sort_by("at").last())
    )
    return (
        claims.select("g", "entity", "attribute", "source", site=_site(pl.col("slot")))
        .unique()
        .join(
            last,
            left_on=["entity", "attribute", "site", "source"],
            right_on=["entity", "of", "site", "source"],
        )
        .group_by("g")
        .agg(
            counts=pl.col("count").n_unique(),
            added=(pl.col("num").max() - pl.col("num").min()) / pl.col("num").max(),
        )
    )


def _digits(amount: pl.Expr) -> pl.Expr:
    """An amount's whole part as text, and its digits sorted: equal for transposed digits."""
    return amount.cast(pl.Int64, strict=False).cast(pl.String)


def _transposed_pairs(entries: pl.DataFrame, by: str) -> pl.DataFrame:
    """`_transposed` over the entries (by, amount, currency, scope) of each group: the first
    pair, in the order of the sorted distinct entries, of two amounts in one currency and two
    scopes written with the same digits in another order, as [money, money]."""
    seen = (
        entries.filter(pl.col("amount") != 0)
        .with_columns(whole=pl.col("amount").cast(pl.Int64, strict=False))
        .with_columns(sorted_digits=sorted_digits(pl.col("whole")))
        .select(by, "whole", "currency", "scope", "sorted_digits")
        .unique()
    )
    other = seen.select(by, *(pl.col(c).alias(c + "_b") for c in seen.columns if c != by))
    have = seen.select(by, "whole", "currency", "scope").unique()
    pairs = (
        seen.join(other, on=by)
        .filter(
            (pl.col("whole") < pl.col("whole_b"))
            & (pl.col("currency") == pl.col("currency_b"))
            & (pl.col("scope") != pl.col("scope_b"))
            & (pl.col("sorted_digits") == pl.col("sorted_digits_b"))
        )
        # a pair whose amounts are also both stated in one scope is mistyped within that scope,
        # which that scope's own comparison reports: not one figure standing for another scope
        .join(
            have.rename({"whole": "whole_b"}), on=[by, "whole_b", "currency", "scope"], how="anti"
        )
        .join(
            have.rename({"scope": "scope_b"}), on=[by, "whole", "currency", "scope_b"], how="anti"
        )
        .sort(by, "whole", "currency", "scope", "whole_b", "currency_b", "scope_b")
        .group_by(by, maintain_order=True)
        .first()
    )
    shown = [
        [money(a, c), money(b, cb)]
        for a, c, b, cb in rows(pairs.select("whole", "currency", "whole_b", "currency_b"))
    ]
    return pairs.select(by).with_columns(amounts=pl.Series(shown, dtype=pl.List(pl.String)))


def sorted_digits(whole: pl.Expr) -> pl.Expr:
    """A whole amount's digits in sorted order, the same for two amounts written with the same
    digits in another order (one mistyped); null for fewer than four digits ("$120" and
    "$210" are no mistyping of each other worth reading so)."""
    text = whole.cast(pl.String)
    return pl.when(text.str.len_chars() >= 4).then(
        text.str.extract_all(".").list.sort().list.join("")
    )


def _transposed_points(claims: pl.DataFrame) -> pl.DataFrame:
    """Per money group, two point amounts with the same digits in another order."""
    points = claims.filter(pl.col("low") == pl.col("high")).select(
        "g", amount="low", currency="currency", scope=pl.col("pos").cast(pl.String)
    )
    return _transposed_pairs(points, "g").rename({"amounts": "swapped"})


def _transposed_counts(claims: pl.DataFrame) -> pl.DataFrame:
    """Per count group, two counts of three digits or more that differ by two digits swapped
    ("164" and "146"): one mistyped, unless a companion that moved says the sources were read
    at different times (`_judged`). A growing count seldom lands on its own digits swapped."""
    counts = (
        claims.filter((pl.col("compares") == "count") & pl.col("num").is_not_null())
        .select("g", n=pl.col("num").cast(pl.Int64, strict=False))
        .unique()
        .with_columns(text=pl.col("n").cast(pl.String))
        .filter(pl.col("text").str.len_chars() >= 3)
        .with_columns(digits=pl.col("text").str.extract_all(".").list.sort().list.join(""))
    )
    pairs = (
        counts.join(counts, on=["g", "digits"], suffix="_b")
        .filter(pl.col("n") < pl.col("n_b"))
        .sort("g", "n", "n_b")
        .select("g", "n", "n_b", "text", "text_b")
    )
    # of the few pairs with the same digits, those whose digits differ at two places only
    texts = rows(pairs.select("text", "text_b"))
    swaps = [sum(x != y for x, y in zip(a, b, strict=True)) == 2 for a, b in texts]
    pairs = pairs.filter(pl.Series(swaps, dtype=pl.Boolean))
    pairs = pairs.group_by("g", maintain_order=True).first()
    shown = [[f"{a:,}", f"{b:,}"] for a, b in rows(pairs.select("n", "n_b"))]
    return pairs.select("g").with_columns(swapped=pl.Series(shown, dtype=pl.List(pl.String)))


def _scoped(claims: pl.DataFrame, scopes: pl.DataFrame) -> pl.DataFrame:
    """Per unscoped money group beside scoped figures of its attribute: whether each figure
    equals a scoped one (`matched`, with the scopes it matches), or whether each does or is a
    digit transposition of one, at least one transposed (`mistyped`)."""
    scoped = scopes.filter(pl.col("slot") != "").select(
        "entity",
        "attribute",
        "currency",
        at=pl.col("pos"),
        scope="slot",
        lo="low",
        hi="high",
    )
    unscoped = claims.filter((pl.col("slot") == "") & pl.col("currency").is_not_null())
    tolerance = pl.col("tolerance")
    against = (
        unscoped.select("g", "pos", "entity", "attribute", "currency", "low", "high", "tolerance")
        .join(scoped, on=["entity", "attribute", "currency"], how="left")
        .with_columns(
            meets=(pl.col("low") <= pl.col("hi") * (1 + tolerance))
            & (pl.col("high") >= pl.col("lo") * (1 - tolerance)),
            swapped=(pl.col("low") == pl.col("high"))
            & (pl.col("lo") == pl.col("hi"))
            & _swapped(pl.col("low"), pl.col("lo")),
        )
    )
    # each figure's first scope that it meets, in the order the scoped figures come; a figure
    # with the digits of a scoped one in another order meets none ($7,461,250 is no
    # $7.6 million stated without a scope, though within the tolerance of it: it is mistyped)
    transposed = pl.col("swapped").fill_null(False).any()
    per_claim = (
        against.sort("g", "pos", "at")
        .group_by("g", "pos", maintain_order=True)
        .agg(
            hit=pl.col("scope").filter(pl.col("meets") & ~transposed).first(),
            swapped=pl.col("swapped").fill_null(False).any(),
        )
    )
    any_scoped = scoped.select("entity", "attribute").unique()
    groups = (
        unscoped.select("g", "entity", "attribute")
        .unique()
        .join(any_scoped, on=["entity", "attribute"], how="semi")
    )
    return (
        per_claim.join(groups.select("g"), on="g", how="semi")
        .group_by("g")
        .agg(
            matched=pl.col("hit").is_not_null().all(),
            scopes=pl.col("hit").drop_nulls().unique().sort(),
            mistyped=(pl.col("hit").is_not_null() | pl.col("swapped")).all()
            & (pl.col("hit").is_null() & pl.col("swapped")).any(),
        )
    )


def _swapped(a: pl.Expr, b: pl.Expr) -> pl.Expr:
    """Two nonzero amounts (of one currency, scoped apart) whose whole parts differ and have
    the same digits, four or more, in another order."""
    ta, tb = _digits(a), _digits(b)

    def sort(t: pl.Expr) -> pl.Expr:
        return t.str.extract_all(".").list.sort().list.join("")

    return (
        (a != 0)
        & (b != 0)
        & (ta != tb)
        & (ta.str.len_chars() == tb.str.len_chars())
        & (ta.str.len_chars() >= 4)
        & (sort(ta) == sort(tb))
    )


def _texts_near(ctx: Context, values: pl.DataFrame, claims: pl.DataFrame) -> pl.DataFrame:
    """Per group of two texts, whether they are one name spelt two ways (Context.near), and
    whether they are one place named more or less fully (`_fewer_parts`; such groups are few)
    or one sequel's title written two ways (normalize.titles.same_sequel)."""
    texts = claims.filter(pl.col("compares") == "text").get_column("g").unique()
    two = (
        values.filter(pl.col("g").is_in(texts.implode()))
        .group_by("g", maintain_order=True)
        .agg("value")
        .filter(pl.col("value").list.len() == 2)
    )
    pairs = [(str(kinds.decode(a)), str(kinds.decode(b))) for a, b in two.get_column("value")]
    return two.select("g").with_columns(
        spelt=pl.Series([ctx.near(a, b) for a, b in pairs], dtype=pl.Boolean),
        fewer=pl.Series([_fewer_parts(a, b) for a, b in pairs], dtype=pl.Boolean),
        # "Harbor Patrol 2", "Harbor Patrol II: Night Shift"
        sequel=pl.Series([same_sequel(a, b) for a, b in pairs], dtype=pl.Boolean),
    )


def _fewer_parts(a: str, b: str) -> bool:
    """Whether one text's comma-separated parts are the other's with some left out, the last
    kept ("Studio X, Potsdam, Germany" in "studio x, potsdam, brandenburg, germany"): one
    place named more or less fully, as sites write filming locations."""
    pa, pb = ([fold(p).strip() for p in t.split(",")] for t in (a, b))
    short, long = sorted((pa, pb), key=len)
    if len(short) == len(long) or short[-1] != long[-1] or not all(short):
        return False
    rest = iter(long)
    return all(p in rest for p in short)  # an ordered subsequence


def _reasons() -> pl.Expr:
    """Each group's reason, tried in order (null: no finding of its own)."""
    c, kind = pl.col, pl.col("compares")
    spread = c("spread")
    measured = kind.is_in(["duration", "count", "score"])
    unscoped = (c("slot") == "") & c("matched").is_not_null()
    overlap = c("low") <= c("high")
    gap = (c("low") - c("high")) / c("top")
    tried = [
        (c("certificate") & (c("not_rated") >= c("n_values") - 1), WithinTolerance.no_rating),
        (
            (kind == "score") & (spread <= 0.01 + 1e-9) & (c("counts").fill_null(0) >= 2),
            TemporalDrift.rating_moved,
        ),
        (
            (kind == "score") & (c("counts").fill_null(0) >= 2) & (spread <= c("added")),
            TemporalDrift.score_moved,
        ),
        # figures stating no scope, each one a scoped figure of its own currency repeats
        ((kind == "money") & unscoped & c("matched"), QualifierSplit.unscoped_match),
        ((kind == "money") & (c("currencies").list.len() > 1), WithinTolerance.other_currency),
        # left to the scopes' comparison, unless two of the unscoped figures are themselves
        # one mistyped: that scope's own transposition, which the scopes leave to it
        ((kind == "money") & unscoped & c("mistyped") & c("swapped").is_null(), None),
        (
            (kind == "count") & c("swapped").is_not_null() & ~c("moved").fill_null(False),
            ValueConflict.transposed_digits,
        ),
        ((kind == "count") & c("drifts"), TemporalDrift.count_grows),
        (
            (kind == "score") & (spread <= c("tolerance") + 1e-9),
            WithinTolerance.scales_equal,
        ),
        ((kind == "score") & (c("high") != c("top")), ValueConflict.different_on_one_scale),
        (kind == "score", ValueConflict.different_scores),
        (measured & (spread <= c("tolerance")), WithinTolerance.within_tolerance),
        (measured, ValueConflict.beyond_tolerance),
        ((kind == "money") & c("swapped").is_not_null(), ValueConflict.transposed_digits),
        (
            (kind == "money")
            & overlap
            & (c("points").list.len() > 0)
            & (c("ranges").list.len() > 0),
            WithinTolerance.point_in_range,
        ),
        ((kind == "money") & overlap, WithinTolerance.ranges_overlap),
        ((kind == "money") & (gap <= c("tolerance")), WithinTolerance.amounts_within_tolerance),
        (kind == "money", ValueConflict.amounts_beyond_tolerance),
        ((kind == "text") & c("sequel").fill_null(False), WithinTolerance.sequel_title),
        ((kind == "text") & c("spelt").fill_null(False), SpellingVariant.spelt_two_ways),
        ((kind == "text") & c("fewer").fill_null(False), WithinTolerance.place_named_less_fully),
    ]
    chosen = pl.when(pl.lit(False)).then(pl.lit(None, pl.String))
    for condition, reason in tried:
        name = "" if reason is None else f"{reason.code}/{reason.name}"
        chosen = chosen.when(condition.fill_null(False)).then(pl.lit(name))
    unexplained = ValueConflict.unexplained
    return chosen.otherwise(pl.lit(f"{unexplained.code}/{unexplained.name}")).replace("", None)


# Reasons whose only field is `values`, and those that add lists of names.
_PLAIN = (
    WithinTolerance.no_rating,
    TemporalDrift.rating_moved,
    TemporalDrift.score_moved,
    ValueConflict.different_scores,
    ValueConflict.different_on_one_scale,
    WithinTolerance.ranges_overlap,
    WithinTolerance.place_named_less_fully,
    WithinTolerance.sequel_title,
    SpellingVariant.spelt_two_ways,
    ValueConflict.unexplained,
)
_NAMED = {
    WithinTolerance.other_currency: ("currencies",),
    QualifierSplit.unscoped_match: ("scopes",),
    ValueConflict.transposed_digits: ("swapped",),
    WithinTolerance.point_in_range: ("points", "ranges"),
}
_FIELD = {"swapped": "amounts"}


def _finding(frame: pl.DataFrame, reason: Reason, fields: dict, worded: dict) -> pl.DataFrame:
    """The findings of one reason: `fields` as JSON and `worded` for its message, each after
    `values`."""
    return frame.filter(pl.col("reason") == f"{reason.code}/{reason.name}").select(
        "g",
        "entity",
        "attribute",
        "slot",
        code=pl.lit(reason.code),
        reason=pl.lit(reason.name),
        claim_ids="claim_ids",
        fields=words.obj(values=pl.col("values_json"), **fields),
        severity=pl.lit(None, pl.String),
        message=words.message(reason, values=pl.col("said"), **worded),
    )


def _plain(judged: pl.DataFrame) -> pl.DataFrame:
    """Findings whose fields are the values and lists of names."""
    found = [_finding(judged, r, {}, {}) for r in _PLAIN]
    for reason, columns in _NAMED.items():
        fields = {_FIELD.get(c, c): words.names(pl.col(c)) for c in columns}
        worded = {_FIELD.get(c, c): pl.col(c) for c in columns}
        found.append(_finding(judged, reason, fields, worded))
    return pl.concat(found)


def _numeric(judged: pl.DataFrame) -> pl.DataFrame:
    """Findings whose fields hold numbers: spreads and gaps against the tolerance."""
    judged = judged.with_columns(
        gap=(pl.col("low") - pl.col("high")) / pl.col("top"),
        unit=pl.when(pl.col("compares") != "duration")
        .then(pl.lit(""))
        .when(pl.col("spread") == 1)
        .then(pl.lit("minute"))
        .otherwise(pl.lit("minutes")),
    )
    tolerance = {"tolerance": pl.col("tolerance_json")}
    found = [
        _finding(
            judged, WithinTolerance.scales_equal, tolerance, {"tolerance": pl.col("tolerance_g")}
        )
    ]
    for reason in (WithinTolerance.within_tolerance, ValueConflict.beyond_tolerance):
        mine = judged.filter(pl.col("reason") == f"{reason.code}/{reason.name}")
        mine = mine.with_columns(
            spread_json=words.json_numbers(mine.get_column("spread")),
            spread_g=words.formatted(mine.get_column("spread"), FIGURE),
        )
        found.append(
            _finding(
                mine,
                reason,
                {
                    "spread": pl.col("spread_json"),
                    "unit": words.text(pl.col("unit")),
                    **tolerance,
                },
                {
                    "spread": pl.col("spread_g"),
                    "unit": pl.col("unit"),
                    "tolerance": pl.col("tolerance_g"),
                },
            )
        )
    for reason, spec in (
        (WithinTolerance.amounts_within_tolerance, ".1%"),
        (ValueConflict.amounts_beyond_tolerance, ".0%"),
    ):
        mine = judged.filter(pl.col("reason") == f"{reason.code}/{reason.name}")
        mine = mine.with_columns(
            gap_json=words.json_numbers(mine.get_column("gap")),
            gap_pct=words.formatted(mine.get_column("gap"), spec),
        )
        found.append(
            _finding(
                mine,
                reason,
                {"gap": pl.col("gap_json"), **tolerance},
                {"gap": pl.col("gap_pct"), "tolerance": pl.col("tolerance_pct")},
            )
        )
    return pl.concat(found)


def _drifts(
    ctx: Context,
    judged: pl.DataFrame,
    values: pl.DataFrame,
    claims: pl.DataFrame,
    companions: pl.DataFrame,
) -> pl.DataFrame:
    """Counts read at different times: how far apart, when each source was captured (largest
    count first), and whether the companion beside them (the rating beside the votes) is the
    same on these sources."""
    reason = TemporalDrift.count_grows
    mine = judged.filter(pl.col("reason") == f"{reason.code}/{reason.name}")
    ratio = mine.select(pl.col("most") / pl.max_horizontal("least", 1.0)).to_series()
    mine = mine.with_columns(
        ratio_json=words.json_numbers(ratio), ratio_f=words.formatted(ratio, ".1f")
    )
    captured = (
        values.join(mine.select("g"), on="g", how="semi")
        .filter(pl.col("dates").list.len() > 0)
        .sort("g", "num", "first", descending=[False, True, False])
        .group_by("g", maintain_order=True)
        .agg(
            captured_json=words.array(
                words.names(pl.col("sources")), words.names(pl.col("dates"))
            ).str.join(","),
            captured=pl.concat_str(
                words.listing(pl.col("sources")),
                pl.lit(" captured "),
                words.listing(pl.col("dates")),
            ).str.join("; "),
        )
        .with_columns(captured_json=pl.concat_str(pl.lit("["), "captured_json", pl.lit("]")))
    )
    beside = _beside(ctx, mine, claims, companions)
    text = pl.col
    found = (
        mine.join(captured, on="g", how="left")
        .join(beside, on="g", how="left")
        .with_columns(
            captured_json=text("captured_json").fill_null("[]"),
            captured=text("captured").fill_null(""),
            same=text("same").fill_null(False),
            differs=text("differs").fill_null(False),
        )
        .with_columns(
            same_companion=pl.when("same").then("companion_title").otherwise(pl.lit("")),
            companion_value=pl.when("same").then("companion_value").otherwise(pl.lit("")),
            companion_sources=pl.when("same")
            .then("companion_sources")
            .otherwise(pl.lit([], pl.List(pl.String))),
            differing_companion=pl.when("differs").then("companion_title").otherwise(pl.lit("")),
        )
    )
    fields = ("same_companion", "companion_value", "companion_sources", "differing_companion")
    return _finding(
        found,
        reason,
        {
            "ratio": text("ratio_json"),
            "captured": text("captured_json"),
            "same_companion": words.text(text("same_companion")),
            "companion_value": words.text(text("companion_value")),
            "companion_sources": words.names(text("companion_sources")),
            "differing_companion": words.text(text("differing_companion")),
        },
        {"ratio": text("ratio_f"), "captured": text("captured"), **{f: text(f) for f in fields}},
    )


def _beside(
    ctx: Context, mine: pl.DataFrame, claims: pl.DataFrame, companions: pl.DataFrame
) -> pl.DataFrame:
    """Per drifting count's group, its companion's claims by the group's sources, in the
    count's slot (a site's Tomatometer beside its review count): the same value on all
    (`same`, that value shown and their sources sorted) or not (`differs`)."""
    stated = companions.with_row_index("at")
    sources = (
        claims.join(mine.select("g", "companion", "companion_shows"), on="g")
        .select("g", "entity", "companion", "companion_shows", "source", "slot")
        .unique()
    )
    theirs = (
        sources.join(
            stated,
            left_on=["entity", "companion", "source", "slot"],
            right_on=["entity", "attribute", "source", "slot"],
        )
        .sort("g", "at")
        .group_by("g", maintain_order=True)
        .agg(
            keys=pl.col("key").n_unique(),
            value=pl.col("value").first(),
            companion_shows=pl.col("companion_shows").first(),
            companion_sources=pl.col("source").unique().sort(),
        )
    )
    shown = _shown(ctx, theirs, "companion_shows", "value", "companion_value")
    return shown.select(
        "g",
        "companion_value",
        "companion_sources",
        same=pl.col("keys") == 1,
        differs=pl.col("keys") > 1,
    )


def _scopes(ctx: Context, scopes: pl.DataFrame) -> pl.DataFrame:
    """Money stated for different scopes: a USA figure below an unstated or worldwide one, a
    part of the total, two scopes not comparable, or one figure mistyped (the same digits in
    another order)."""
    specs = _attributes(ctx, scopes.get_column("attribute").unique().sort().to_list())
    scopes = scopes.join(specs.select("attribute", "shows", "tolerance"), on="attribute")
    slots = _slots(ctx, scopes)
    swapped = _transposed_pairs(
        scopes.select("s", amount="num", currency="currency", scope="slot"), "s"
    )
    pairs = _domestic_and_total(slots)
    shares = (
        pairs.filter(pl.col("comparable") & (pl.col("mid_t") != 0))
        .sort("s", "first", "first_t")
        .with_columns(share=pl.col("mid") / pl.col("mid_t"))
    )
    shares = shares.with_columns(
        share_json=words.json_numbers(shares.get_column("share")),
        share_pct=words.formatted(shares.get_column("share"), ".0%"),
    )
    share_of = pl.concat_str(
        "share_pct",
        pl.lit(" of the "),
        pl.when(pl.col("slot_t") == "").then(pl.lit("unscoped")).otherwise("slot_t"),
        pl.lit(" figure"),
    )
    by_group = (
        shares.group_by("s", maintain_order=True)
        .agg(
            parts=pl.col("slot").unique(maintain_order=True),
            shares_json=words.array(pl.col("share_json"), words.text(pl.col("slot_t"))).str.join(
                ","
            ),
            shares=share_of,
        )
        .with_columns(
            shares_json=pl.concat_str(pl.lit("["), "shares_json", pl.lit("]")),
            shares=words.listing(pl.col("shares")),
        )
    )
    exceeds = (
        pairs.filter(
            pl.col("comparable") & (pl.col("mid") > pl.col("mid_t") * (1 + pl.col("tolerance")))
        )
        .select("s")
        .unique()
    )
    scoped = _scoped_field(ctx, scopes, slots)
    judged = (
        scopes.group_by("s", "entity", "attribute", maintain_order=True)
        .agg(claim_ids="claim_id")
        .join(scoped, on="s")
        .join(swapped, on="s", how="left")
        .join(exceeds.with_columns(bad=pl.lit(True)), on="s", how="left")
        .join(by_group, on="s", how="left")
    )
    found = [
        _scoped_finding(
            judged.filter(pl.col("amounts").is_not_null()),
            ValueConflict.transposed_scopes,
            amounts=pl.col("amounts"),
        ),
        _scoped_finding(
            judged.filter(pl.col("amounts").is_null() & pl.col("bad").is_not_null()),
            ValueConflict.part_exceeds_total,
        ),
    ]
    rest = judged.filter(pl.col("amounts").is_null() & pl.col("bad").is_null())
    found.append(
        _scoped_finding(
            rest.filter(pl.col("parts").is_not_null()),
            QualifierSplit.part_of_total,
            parts=pl.col("parts"),
            shares=(pl.col("shares_json"), pl.col("shares")),
        )
    )
    found.append(
        _scoped_finding(
            rest.filter(pl.col("parts").is_null()), QualifierSplit.scopes_not_comparable
        )
    )
    return pl.concat(found).sort("s").drop("s").cast(SCHEMA)


_RUN = r",?(original run|re-release)$"  # the release a gross was taken in, after its scope


def _slots(ctx: Context, scopes: pl.DataFrame) -> pl.DataFrame:
    """Per (group, scope), in the order scopes are first seen: the mean figure (summed in
    order, as Python sums), its currency where it has one, and whether it is a part
    (domestic) or a total (unstated or worldwide). An unscoped figure that repeats a part's
    ("$52,310" beside "$52,310 (usa)") is that part's, no total: the total's mean is of the
    other unscoped figures, where there are any."""
    parts = scopes.filter(~pl.col("slot").is_in(["", "worldwide"])).select("s", "num").unique()
    repeats = (pl.col("slot") == "") & pl.col("_part").fill_null(False)
    kept = pl.col("_kept")
    per_slot = (
        scopes.join(
            parts.with_columns(_part=pl.lit(True)), on=["s", "num"], how="left",
            maintain_order="left",
        )
        .with_columns(_kept=~repeats | repeats.all().over("s", "slot"))
        .group_by("s", "slot", maintain_order=True)
    ).agg(
        first=pl.col("pos").min(),
        mid=pl.col("num").filter(kept).cum_sum().last() / kept.sum(),
        currencies=pl.col("currency").n_unique(),
        currency=pl.col("currency").first(),
        tolerance=pl.col("tolerance").first(),
    )
    # A gross of one run ("usa,original run") is a part or a total of that run alone; an
    # unscoped figure that one run's figure repeats is that figure (`aside`), no total of all.
    run = pl.col("slot").str.extract(_RUN, 1).fill_null("")
    of_runs = scopes.filter(pl.col("slot").str.contains(_RUN)).select("s", "num").unique()
    aside = (
        scopes.filter(pl.col("slot") == "")
        .join(of_runs.with_columns(hit=pl.lit(True)), on=["s", "num"], how="left")
        .group_by("s")
        .agg(aside=pl.col("hit").is_not_null().all())
        .with_columns(slot=pl.lit(""))
    )
    per_slot = per_slot.join(aside, on=["s", "slot"], how="left", maintain_order="left")
    return per_slot.with_columns(
        run=run,
        aside=pl.col("aside").fill_null(False),
        total=pl.col("slot").str.replace(_RUN, "").is_in(["", "worldwide"])
        & ~pl.col("aside").fill_null(False),
    )


def _domestic_and_total(slots: pl.DataFrame) -> pl.DataFrame:
    """Each (part, total) pair of scopes of a group; comparable when both are in one
    currency, the same."""
    part = slots.filter(~pl.col("total") & ~pl.col("aside")).select(
        "s", "run", "slot", "first", "mid", "currencies", "currency", "tolerance"
    )
    total = slots.filter("total").select(
        "s",
        "run",
        *(pl.col(c).alias(c + "_t") for c in ("slot", "first", "mid", "currencies", "currency")),
    )
    return part.join(total, on=["s", "run"]).drop("run").with_columns(
        comparable=(pl.col("currencies") == 1)
        & (pl.col("currencies_t") == 1)
        & (pl.col("currency") == pl.col("currency_t"))
    )


def _scoped_field(ctx: Context, scopes: pl.DataFrame, slots: pl.DataFrame) -> pl.DataFrame:
    """Per group, the `scoped` field ([[sources, value shown, scope], ...]) as JSON and
    worded: a part per figure of a scope as shown, quoting the sources that state it (two
    sources that state no scope may differ), scopes in the order first seen, then figures."""
    scope = pl.when(pl.col("slot") == "").then(pl.lit("scope not stated")).otherwise("slot")
    figures = (
        _shown(ctx, scopes.sort("s", "pos"), "shows", "value", "shown")
        .group_by("s", "slot", "shown", maintain_order=True)
        .agg(at=pl.col("pos").min(), sources=pl.col("source").unique(maintain_order=True))
        .join(slots.select("s", "slot", "first"), on=["s", "slot"])
    )
    return (
        figures.sort("s", "first", "at")
        .group_by("s", maintain_order=True)
        .agg(
            scoped_json=words.array(
                words.names(pl.col("sources")),
                words.text(pl.col("shown")),
                words.text(pl.col("slot")),
            ).str.join(","),
            scoped=pl.concat_str(
                words.listing(pl.col("sources")),
                pl.lit(": "),
                "shown",
                pl.lit(" ("),
                scope,
                pl.lit(")"),
            ).str.join("; "),
        )
        .with_columns(scoped_json=pl.concat_str(pl.lit("["), "scoped_json", pl.lit("]")))
    )


def _scoped_finding(frame: pl.DataFrame, reason: Reason, **names) -> pl.DataFrame:
    """Findings of one reason about scopes: `names` are lists of names, or (JSON, worded)
    pairs of a nested field."""
    fields = {"scoped": pl.col("scoped_json")}
    worded = {"scoped": pl.col("scoped")}
    for name, column in names.items():
        if isinstance(column, tuple):
            fields[name], worded[name] = column
        else:
            fields[name], worded[name] = words.names(column), column
    return frame.select(
        "s",
        "entity",
        "attribute",
        slot=pl.lit("*"),
        **words.finding(reason, words.obj(**fields), words.message(reason, **worded)),
    )
