"""Dates, aware of precision (2004 agrees with 2004-10-15) and of release qualifiers.

A limited and a wide release are both true: when the dates that differ are each the consensus
date of a release kind, the difference is a qualifier split. A claim that gives a kind the
others date differently ("Oct 15, 2004 Wide" where two sources date the wide release
5 Nov 2004 and call 15 Oct 2004 limited), or a country ("14 Nov 2003 (south korea)" against
the 7 Nov the country's other claims give), is a conflict, named as such.

Judged as whole frames: a row per claim of the groups holding more than one date, each with
the date it agrees with (`_homes`), then per (group, date), per release kind and country, and
per group; polars words the findings (`words`). Python folds the few coarse dates that agree
with several finer ones, and names the releases by country (a short loop per group, as the
names read one another).
"""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from auditor.catalog import InternalInconsistency, QualifierSplit, ValueConflict, release_name
from auditor.reconcile.comparators import words
from auditor.reconcile.comparators.base import editorial, rows
from auditor.reconcile.findings import SCHEMA
from auditor.reconcile.model import Context

_COLUMNS = ("claim_id", "key", "slot", "weight", "source", "country", "value")
WEIGHS = True  # the claims' learned vote weights are among its columns (comparators.Comparator)
_EVERY_DATE = ("premiere", "re-release")  # release kinds whose every date stands
_NONE = "\x00none"  # a claim that names no country, as the country sets hold it
_SPLIT = 1 << 20  # the own-release finding's place in its group, after every misdated kind
_BACKED = 1 << 40  # a backing claim's place among a release's sources, after every member's


def plan(ctx: Context, mine: tuple[str, ...]) -> tuple[pl.LazyFrame, ...]:
    """A row per editorial date claim of the (entity, attribute) groups holding more than one
    date: its group `g` and place `pos` in it."""
    # a date of no release kind is compared within its slot only (a cut's disc with that cut's)
    cut = pl.when(pl.col("qrole") == "release").then(pl.lit("")).otherwise(pl.col("slot"))
    frame = editorial(ctx.frame.lazy(), mine).with_columns(cut.alias("cut"))
    return (
        frame.group_by("entity", "attribute", "cut", maintain_order=True)
        .agg(pl.col("key").n_unique().alias("n"), *_COLUMNS)
        .filter(pl.col("n") > 1)
        .drop("n", "cut")
        .with_row_index("g")
        .with_columns(pos=pl.int_ranges(pl.col("key").list.len()))
        .explode(*_COLUMNS, "pos"),
    )


def build(ctx: Context, claims: pl.DataFrame) -> pl.DataFrame:
    attributes = claims.get_column("attribute").unique().to_list()
    release = [a for a in attributes if ctx.spec(a).qualifier == "release"]
    shows = {a: ctx.spec(a).kind for a in attributes}
    claims = claims.with_columns(
        home=_homes(claims),
        release=pl.col("attribute").is_in(release),
        shows=pl.col("attribute").replace_strict(shows, return_dtype=pl.String),
    )
    clusters = _clusters_of(ctx, claims)
    several = clusters.group_by("g").agg(n=pl.len()).filter(pl.col("n") >= 2).select("g")
    claims = claims.join(several, on="g", how="semi", maintain_order="left")
    clusters = clusters.join(several, on="g", how="semi", maintain_order="left")
    said = words.values_field(_stated(ctx, claims, clusters))
    found = [
        _plain(ctx, claims.filter(~pl.col("release")), clusters, said),
        *_release(ctx, claims.filter("release"), clusters, said),
    ]
    return pl.concat(found).sort("g", "order").select(*SCHEMA).cast(SCHEMA)


def _homes(claims: pl.DataFrame) -> pl.Series:
    """Each claim's cluster: the date it states, or the one finer date that a coarser date
    ('2004') agrees with ('2004-10-15', of which it is a prefix). A coarse date that agrees
    with several finer ones is folded as `_clusters` folds it, claim by claim."""
    keys = claims.select("g", "key").unique()
    finer = (
        keys.join(keys.select("g", finer="key"), on="g")
        .filter(pl.col("finer").str.starts_with(pl.col("key")) & (pl.col("finer") != pl.col("key")))
        .select("g", "key", "finer")
    )
    finest = finer.join(finer.select("g", finer="key"), on=["g", "finer"], how="anti")
    counted = finest.group_by("g", "key").agg(home=pl.col("finer").first(), n=pl.len())
    homes = claims.select("g", "key").join(
        counted, on=["g", "key"], how="left", maintain_order="left"
    )
    home = homes.get_column("home").fill_null(homes.get_column("key"))
    ambiguous = counted.filter(pl.col("n") > 1).get_column("g").unique()
    if ambiguous.is_empty():
        return home.alias("home")
    folded = {}
    if "country" not in claims.columns:  # dates of no release
        claims = claims.with_columns(country=pl.lit(None, pl.String))
    per_group = claims.filter(pl.col("g").is_in(ambiguous.implode())).group_by(
        "g", maintain_order=True
    )
    for g, key, country in rows(per_group.agg("key", "country")):
        for p, home_of in enumerate(_clusters(key, country)):
            folded[(g, p)] = home_of
    refolded = [
        folded.get((g, p), h)
        for g, p, h in zip(
            claims["g"].to_list(), claims["pos"].to_list(), home.to_list(), strict=True
        )
    ]
    return pl.Series("home", refolded, dtype=pl.String)


def _clusters(key: Sequence[str], country: Sequence[str | None] | None = None) -> list[str]:
    """Each claim's cluster, coarser dates folded into the finer date they agree with: the
    first that a claim of the same release country states ('2012-10' in India with India's
    '2012-10-19', not the UAE's '2012-10-18'), else the first already holding a claim, else
    the finest (equal lengths by date)."""
    finest = sorted(sorted(set(key)), key=len, reverse=True)
    # The dates each date agrees with, finest first, itself among them: '2004' and
    # '2004-10-15' agree, the coarser being a prefix of the finer.
    agree = {k: [f for f in finest if f.startswith(k) or k.startswith(f)] for k in finest}
    places = list(country) if country is not None else [None] * len(key)
    dated = {(k, c) for k, c in zip(key, places, strict=True) if c}
    held: set[str] = set()
    out = []
    for k, c in zip(key, places, strict=True):
        homes = agree[k]
        home = (
            homes[0]
            if len(homes) == 1
            else next(
                (f for f in homes if len(f) > len(k) and (f, c) in dated),
                next((f for f in homes if f in held), homes[0]),
            )
        )
        held.add(home)
        out.append(home)
    return out


def _clusters_of(ctx: Context, claims: pl.DataFrame) -> pl.DataFrame:
    """Per (group, cluster), in the order clusters are first seen: its first claim's value
    shown, its sources in order, and the date written out."""
    per = claims.group_by("g", "home", maintain_order=True).agg(
        first=pl.col("pos").min(),
        sources=pl.col("source").unique(maintain_order=True),
        value=pl.col("value").first(),
        shows=pl.col("shows").first(),
    )
    pairs = per.select("shows", "value").unique()
    shown = pairs.with_columns(
        shown=pl.Series([ctx.shown(k, v) for k, v in rows(pairs)], dtype=pl.String)
    )
    dates = per.get_column("home").unique()
    written = pl.DataFrame(
        {"home": dates, "date": [ctx.date(d) for d in dates.to_list()]},
        schema={"home": pl.String, "date": pl.String},
    )
    return (
        per.join(shown, on=["shows", "value"], maintain_order="left")
        .join(written, on="home", maintain_order="left")
        .sort("g", "first")
    )


def _stated(ctx: Context, claims: pl.DataFrame, clusters: pl.DataFrame) -> pl.DataFrame:
    """Per group, each cluster's value (its first claim's) with the sources that state it, and
    after it the other values of the sources that do not: a cluster folds a coarser date
    ("1938") into a finer one ("2 Sep 1938"), and each source is quoted with a value it states."""
    lead = claims.join(clusters.select("g", "home", lead="value"), on=["g", "home"])
    leading = lead.filter(pl.col("value") == pl.col("lead")).select("g", "home", "source")
    own = lead.filter(pl.col("value") != pl.col("lead")).join(
        leading, on=["g", "home", "source"], how="anti"
    )
    per = (
        pl.concat([lead.filter(pl.col("value") == pl.col("lead")), own])
        .sort("g", "pos")
        .group_by("g", "home", "value", maintain_order=True)
        .agg(
            first=pl.col("pos").min(),
            sources=pl.col("source").unique(maintain_order=True),
            shows=pl.col("shows").first(),
        )
    )
    pairs = per.select("shows", "value").unique()
    shown = pairs.with_columns(
        shown=pl.Series([ctx.shown(k, v) for k, v in rows(pairs)], dtype=pl.String)
    )
    return (
        per.join(clusters.select("g", "home", cluster="first"), on=["g", "home"])
        .join(shown, on=["shows", "value"], maintain_order="left")
        .sort("g", "cluster", "first")
    )


def _framed(frame: pl.DataFrame, order, reason, slot: pl.Expr, fields, worded):
    """Findings of one reason: `fields` as JSON and `worded` for its message; `order` places
    them among their group's (misdated kinds by kind, then the split, then the unexplained)."""
    return frame.select(
        "g",
        "entity",
        "attribute",
        slot.alias("slot"),
        **words.finding(reason, words.obj(**fields), words.message(reason, **worded)),
        order=pl.lit(order, pl.Int64) if isinstance(order, int) else order.cast(pl.Int64),
    )


def _plain(
    ctx: Context, claims: pl.DataFrame, clusters: pl.DataFrame, said: pl.DataFrame
) -> pl.DataFrame:
    """Dates without release qualifiers that differ; 1 January beside a date of its year may
    be a placeholder for the year."""
    mine = clusters.join(claims.select("g").unique(), on="g", how="semi", maintain_order="left")
    home = pl.col("home")
    placeholder = home.str.ends_with("-01-01")
    year = home.str.slice(0, 4)
    hinted = (
        mine.with_columns(year=year, placeholder=placeholder)
        .with_columns(
            hint=placeholder & (pl.col("year").len().over("g", "year") > 1),
        )
        .group_by("g", maintain_order=True)
        .agg(
            any_hint=pl.col("hint").any(),
            placeholders=pl.col("date").filter("placeholder"),
            years=pl.col("year").filter("placeholder"),
        )
    )
    none = pl.lit([], pl.List(pl.String))
    judged = (
        claims.group_by("g", "entity", "attribute", maintain_order=True)
        .agg(claim_ids="claim_id")
        .join(said, on="g")
        .join(hinted, on="g")
        .with_columns(
            placeholders=pl.when("any_hint").then("placeholders").otherwise(none),
            years=pl.when("any_hint").then("years").otherwise(none),
        )
    )
    reason = ValueConflict.different_dates
    fields = {"placeholders": pl.col("placeholders"), "years": pl.col("years")}
    return _framed(
        judged,
        0,
        reason,
        pl.lit(""),
        {"values": pl.col("values_json"), **{k: words.names(v) for k, v in fields.items()}},
        {"values": pl.col("said"), **fields},
    )


def _consensus(members: pl.DataFrame, by: str, backers: pl.DataFrame | None = None) -> pl.DataFrame:
    """Per (group, `by`), the date its claims agree on: the cluster whose sources' weights
    (each source's last claim, summed in the order sources first come) are the highest, the
    later date on a tie. `backers` (g, `by`, home, source, pos, weight) support a date some
    member gives too, with a source's first backing claim, where the source gives it no
    member: after the members' sources, in the order they first come."""
    per_source = members.group_by("g", by, "home", "source").agg(
        at=pl.col("pos").min().cast(pl.Int64), weight=pl.col("weight").sort_by("pos").last()
    )
    if backers is not None:
        backing = (
            backers.join(per_source, on=["g", by, "home"], how="semi")
            .join(per_source, on=["g", by, "home", "source"], how="anti")
            .group_by("g", by, "home", "source")
            .agg(
                at=pl.col("pos").min().cast(pl.Int64) + _BACKED,
                weight=pl.col("weight").sort_by("pos").first(),
            )
        )
        per_source = pl.concat([per_source, backing.select(per_source.columns)])
    totals = (
        per_source.sort("g", by, "home", "at")
        .group_by("g", by, "home", maintain_order=True)
        .agg(total=pl.col("weight").cum_sum().last())
    )
    return (
        totals.sort("g", by, "total", "home", descending=[False, False, True, True])
        .group_by("g", by, maintain_order=True)
        .agg(agreed=pl.col("home").first())
    )


def _release(
    ctx: Context, claims: pl.DataFrame, clusters: pl.DataFrame, said: pl.DataFrame
) -> list[pl.DataFrame]:
    """A release date's claims. A release is a country and a kind (limited, wide, premiere),
    each optional. Dates that differ are a qualifier split when each is the consensus date of
    some release: of a kind, or of a country (a film opens in the UK months before the USA;
    festivals premiere it). A claim giving a limited or wide release a date that the other
    sources give to another release of the same country (or of no country) is a conflict."""
    claims = claims.with_columns(place=pl.col("country").fill_null(_NONE))
    kinds = claims.filter(pl.col("slot") != "")
    countries = claims.filter(
        pl.col("country").is_not_null() & (pl.col("country") != "") & (pl.col("slot") == "")
    )
    dated = kinds.filter(~pl.col("slot").is_in(_EVERY_DATE))
    # A source dating a kind's release in a country and, apart, with no country on another day
    # ("released on Netflix on 14 August" beside "in the United States, ... on premium video on
    # demand on 24 July") tells two releases apart: its country's claims date that country's
    # release of the kind, no vote on (and never misdating) the kind's release of no country.
    apart = _apart(dated)
    dated = dated.join(apart, on=["g", "pos"], how="anti", maintain_order="left")
    kind_dates = _consensus(dated, "slot", _backing(dated, countries))
    apart_dates = _consensus(
        apart.with_columns(by=pl.concat_str("slot", pl.lit("\x00"), "country")), "by"
    ).select("g", pl.col("by").str.split("\x00").list.first().alias("slot"), "agreed")
    country_dates = _consensus(countries, "country")
    # a kind's release in each country it names (streaming in the US in November, in China in
    # January) is a release of its own: the date its claims agree on is explained
    kind_country_dates = _consensus(
        dated.filter(pl.col("place") != _NONE).with_columns(
            by=pl.concat_str("slot", pl.lit("\x00"), "place")
        ),
        "by",
    )
    premieres = kinds.filter(pl.col("slot").is_in(_EVERY_DATE)).select("g", "home").unique()
    explained = pl.concat(
        [
            kind_dates.select("g", home="agreed"),
            apart_dates.select("g", home="agreed"),
            kind_country_dates.select("g", home="agreed"),
            premieres,
            country_dates.select("g", home="agreed"),
        ]
    ).unique()
    members = dated.join(kind_dates, on=["g", "slot"], maintain_order="left")
    agreeing = members.filter(pl.col("home") == pl.col("agreed"))
    # A claim of another country is another release, unless the agreed date names none (a
    # limited release of no stated country may be that country's): each kind's countries
    # where its claims agree, and the kinds whose agreed date names one.
    agreed_places = (
        agreeing.filter(pl.col("place") != _NONE)
        .select("g", "slot", "place")
        .unique()
        .with_columns(at_home=pl.lit(True))
    )
    named_kinds = agreed_places.select("g", "slot", named=pl.lit(True)).unique()
    wrong = (
        members.filter(pl.col("home") != pl.col("agreed"))
        .join(agreed_places, on=["g", "slot", "place"], how="left", maintain_order="left")
        .join(named_kinds, on=["g", "slot"], how="left", maintain_order="left")
        .filter(
            pl.col("named").is_null() | pl.col("at_home").is_not_null() | (pl.col("place") == _NONE)
        )
        .drop("at_home", "named")
    )
    # A claim of no country on the date another country's release of its kind has (a
    # "Limited" run dated as the US limited release, where the UK's is the agreed one) is
    # that country's release, not the agreed one misdated.
    abroad = (
        members.filter(pl.col("place") != _NONE)
        .join(agreed_places, on=["g", "slot", "place"], how="anti")
        .select("g", "slot", "home", place=pl.lit(_NONE))
        .unique()
    )
    wrong = wrong.join(abroad, on=["g", "slot", "home", "place"], how="anti", maintain_order="left")
    # A country's release dated by one claim otherwise than the claims of that country agree
    # on, where no kind explains it (the consensus date of another country's: "released in
    # the UK and Ireland on 23 February" against Ireland's 1 March; or no release's at all):
    # misdated too.
    places = countries.join(country_dates, on=["g", "country"], maintain_order="left").with_columns(
        slot=pl.col("country")
    )
    by_kind = pl.concat([kind_dates.select("g", home="agreed"), premieres]).unique()
    elsewhere = places.filter(pl.col("home") != pl.col("agreed")).join(
        by_kind, on=["g", "home"], how="anti", maintain_order="left"
    )
    if not elsewhere.is_empty():
        wrong = pl.concat([wrong, elsewhere.select(wrong.columns)])
        agreeing = pl.concat(
            [agreeing, places.filter(pl.col("home") == pl.col("agreed")).select(agreeing.columns)]
        )
    # A limited or wide run on the date a source gives a re-release (of its country, or where
    # it names none) is that re-release's run ("Nov 20, 2015 Limited" beside "re-released in
    # the United States on 20 November 2015"), not the original release misdated.
    rerun = (
        wrong.join(
            kinds.filter(pl.col("slot") == "re-release").select("g", "home", again="place"),
            on=["g", "home"],
        )
        .filter((pl.col("place") == _NONE) | (pl.col("place") == pl.col("again")))
        .select("g", "pos")
        .unique()
    )
    wrong = wrong.join(rerun, on=["g", "pos"], how="anti", maintain_order="left")
    conflicting = wrong.select("g", "pos")
    misdated = _misdated(ctx, claims, wrong, agreeing)
    kept = claims.join(conflicting, on=["g", "pos"], how="anti", maintain_order="left")
    named_dates = pl.concat([kind_dates, apart_dates.select(kind_dates.columns)])
    releases = _releases(ctx, claims, kinds, named_dates, country_dates, kept, clusters)
    split = _own_release(claims, explained, kept, releases, clusters)
    # a claim already reported as misdating its release is not reported again as unexplained
    stray = _unexplained(ctx, claims, kept, explained, said)
    return [misdated, split, stray]


def _apart(dated: pl.DataFrame) -> pl.DataFrame:
    """The claims of a kind that name a country, where their source also dates that kind with
    no country, never on a day it gives the country: the source tells the two releases apart
    (a source whose dates of no country include its country's date only misdates one)."""
    keys = ["g", "slot", "source"]
    bare = dated.filter(pl.col("place") == _NONE).select(*keys, "home").unique()
    named = dated.filter(pl.col("place") != _NONE)
    shared = named.join(bare, on=[*keys, "home"], how="semi").select(keys).unique()
    told = bare.select(keys).unique().join(shared, on=keys, how="anti")
    return named.join(told, on=keys, how="semi", maintain_order="left")


def _backing(dated: pl.DataFrame, countries: pl.DataFrame) -> pl.DataFrame:
    """Claims of no kind dating a country's release as some claim of a kind dates it: "released
    in the US on 2 March" backs "a limited US release on 2 March", and "Mar 2 Limited" of no
    country where another claim of that kind names the US (g, slot, home, source, pos,
    weight)."""
    named = dated.filter(pl.col("country").is_not_null() & (pl.col("country") != ""))
    unnamed = (
        dated.filter(pl.col("place") == _NONE)
        .select("g", "slot", "home")
        .join(named.select("g", "slot", "country").unique(), on=["g", "slot"])
    )
    stated = pl.concat([named.select("g", "slot", "home", "country"), unnamed]).unique()
    return (
        countries.drop("slot")
        .join(stated, on=["g", "home", "country"])
        .select("g", "slot", "home", "source", "pos", "weight")
    )


def _misdated(
    ctx: Context, claims: pl.DataFrame, wrong: pl.DataFrame, agreeing: pl.DataFrame
) -> pl.DataFrame:
    """Per release kind some claims date differently from its consensus (in the same country,
    or none): those claims' sources against the agreeing ones, and the other kinds the wrong
    date is the date of."""
    bad = wrong.group_by("g", "entity", "attribute", "slot", maintain_order=True).agg(
        ids="claim_id",
        sources=pl.col("source").unique(maintain_order=True),
        bad_date=pl.col("home").first(),
        agreed=pl.col("agreed").first(),
    )
    good = agreeing.group_by("g", "slot", maintain_order=True).agg(
        good_ids="claim_id", agreeing=pl.col("source").unique(maintain_order=True)
    )
    # the other kinds the agreeing sources themselves give the wrong date (the message says
    # they call it so)
    others = (
        claims.filter(pl.col("slot") != "")
        .select("g", "source", bad_date="home", other="slot")
        .unique()
    )
    agreed_by = good.select("g", "slot", source="agreeing").explode("source")
    other_kinds = (
        bad.select("g", "slot", "bad_date")
        .join(agreed_by, on=["g", "slot"])
        .join(others, on=["g", "source", "bad_date"])
        .filter(pl.col("other") != pl.col("slot"))
        .select("g", "slot", "other")
        .unique()
        .sort("g", "slot", "other")
        .group_by("g", "slot", maintain_order=True)
        .agg(other_releases="other")
    )
    judged = (
        bad.join(good, on=["g", "slot"], how="left")
        .join(other_kinds, on=["g", "slot"], how="left")
        .with_columns(
            claim_ids=pl.concat_list("ids", pl.col("good_ids").fill_null(_EMPTY)),
            agreeing=pl.col("agreeing").fill_null(_EMPTY),
            other_releases=pl.col("other_releases").fill_null(_EMPTY),
            date=_written(ctx, pl.col("bad_date"), claims),
            agreed_date=_written(ctx, pl.col("agreed"), claims),
        )
        .sort("g", "slot")
        .with_columns(order=pl.int_range(pl.len()).over("g"))
    )
    reason = ValueConflict.release_misdated
    texts = {
        "date": pl.col("date"),
        "release": pl.col("slot"),
        "agreed_date": pl.col("agreed_date"),
    }
    names = {
        "sources": pl.col("sources"),
        "agreeing": pl.col("agreeing"),
        "other_releases": pl.col("other_releases"),
    }
    as_json = {k: words.text(v) for k, v in texts.items()} | {
        k: words.names(v) for k, v in names.items()
    }
    order = ("sources", "date", "release", "agreeing", "agreed_date", "other_releases")
    # one source on both sides (an infobox and its own prose), no other dating the release:
    # the page contradicts itself
    alone = (pl.col("sources").list.len() == 1) & (pl.col("sources") == pl.col("agreeing"))
    twice = InternalInconsistency.dated_twice
    return pl.concat(
        [
            _framed(
                judged.filter(~alone),
                pl.col("order"),
                reason,
                pl.col("slot"),
                {k: as_json[k] for k in order},
                {**texts, **names},
            ),
            _framed(
                judged.filter(alone).with_columns(source=pl.col("sources").list.first()),
                pl.col("order"),
                twice,
                pl.col("slot"),
                {"source": words.text(pl.col("source"))}
                | {k: as_json[k] for k in ("release", "date", "agreed_date")},
                {"source": pl.col("source"), **texts},
            ),
        ]
    )


_EMPTY = pl.lit([], pl.List(pl.String))


def _written(ctx: Context, iso: pl.Expr, claims: pl.DataFrame) -> pl.Expr:
    """A date written out (Context.date), for the dates the claims hold."""
    dates = claims.get_column("home").unique().to_list()
    return iso.replace_strict({d: ctx.date(d) for d in dates}, return_dtype=pl.String)


def _releases(
    ctx: Context,
    claims: pl.DataFrame,
    kinds: pl.DataFrame,
    kind_dates: pl.DataFrame,
    country_dates: pl.DataFrame,
    kept: pl.DataFrame,
    clusters: pl.DataFrame,
) -> pl.DataFrame:
    """Per (group, explained date): the releases it is the date of ([kind, countries], a
    kind's consensus first, then the kinds whose every date stands, then countries of their
    own), as JSON and worded."""
    truthy = pl.col("country").is_not_null() & (pl.col("country") != "")
    places = (
        kinds.filter(truthy)
        .group_by("g", "slot", "home")
        .agg(places=pl.col("country").unique().sort())
    )
    firsts = kinds.group_by("g", "slot").agg(first=pl.col("pos").min())
    by_kind = (
        kind_dates.join(firsts, on=["g", "slot"])
        .join(places, left_on=["g", "slot", "agreed"], right_on=["g", "slot", "home"], how="left")
        .select("g", "slot", home="agreed", places="places", rank=pl.lit(0), k1="first")
        .with_columns(k1=pl.col("k1").cast(pl.Int64))
    )
    every = (
        kinds.filter(pl.col("slot").is_in(_EVERY_DATE))
        .select("g", "slot", "home")
        .unique()
        .join(places, on=["g", "slot", "home"], how="left")
        .with_columns(
            places=pl.when(pl.col("slot") == "premiere").then(_EMPTY).otherwise("places"),
            rank=pl.lit(1),
            k1=pl.lit(0, pl.Int64),
        )
        .select("g", "slot", "home", "places", "rank", "k1")
    )
    named = pl.concat([by_kind, every]).with_columns(places=pl.col("places").fill_null(_EMPTY))
    named = named.sort("g", "rank", "k1", "home", "slot")
    named = pl.concat([named.drop("rank", "k1"), _by_country(claims, named, country_dates)])
    worded = named.with_columns(
        name=pl.Series(
            [release_name(k, p) for k, p in rows(named.select("slot", "places"))],
            dtype=pl.String,
        )
    )
    sources = kept.group_by("g", "home", maintain_order=True).agg(
        sources=pl.col("source").unique(maintain_order=True)
    )
    return (
        worded.group_by("g", "home", maintain_order=True)
        .agg(
            named_json=words.array(
                words.text(pl.col("slot")), words.names(pl.col("places"))
            ).str.join(","),
            names="name",
        )
        .join(clusters.select("g", "home", "date"), on=["g", "home"])
        .join(sources, on=["g", "home"], how="left")
        .with_columns(sources=pl.col("sources").fill_null(_EMPTY))
        .sort("g", "home")
    )


def _by_country(claims: pl.DataFrame, named: pl.DataFrame, country_dates: pl.DataFrame):
    """The releases of a country of its own: in country order, a country's date is named for
    it where no release names that date yet, or where a kind's claims at that date name the
    country, unless a release of that date already reads as of the country."""
    slotted = {
        (g, h, c)
        for g, h, c in rows(
            claims.filter(pl.col("slot") != "").select("g", "home", "country").unique()
        )
    }
    names: dict[tuple[int, str], list[str]] = {}
    for g, home, kind, places in rows(named.select("g", "home", "slot", "places")):
        names.setdefault((g, home), []).append(release_name(kind, places))
    added = []
    for g, country, home in rows(country_dates.sort("g", "country")):
        if (g, home) in names and (g, home, country) not in slotted:
            continue
        here = names.setdefault((g, home), [])
        if not any(country in n for n in here):
            here.append(release_name("", [country]))
            added.append((g, "", home, [country]))
    return pl.DataFrame(
        added,
        schema={"g": pl.UInt32, "slot": pl.String, "home": pl.String, "places": pl.List(pl.String)},
        orient="row",
    )


def _own_release(
    claims: pl.DataFrame,
    explained: pl.DataFrame,
    kept: pl.DataFrame,
    releases: pl.DataFrame,
    clusters: pl.DataFrame,
) -> pl.DataFrame:
    """Where two dates or more are explained: every date is true of its own release; the
    sources that give a date without saying which release."""
    groups = explained.group_by("g").agg(n=pl.len()).filter(pl.col("n") >= 2).select("g")
    parts = (
        releases.join(groups, on="g", how="semi")
        .group_by("g", maintain_order=True)
        .agg(
            releases_json=words.array(
                words.text(pl.col("date")),
                pl.concat_str(pl.lit("["), "named_json", pl.lit("]")),
                words.names(pl.col("sources")),
            ).str.join(","),
            releases=pl.concat_str(
                "date",
                pl.lit(" is the "),
                words.listing(pl.col("names")),
                pl.lit(" ("),
                words.listing(pl.col("sources")),
                pl.lit(")"),
            ).str.join("; "),
        )
    )
    unqualified = (
        claims.filter(
            (pl.col("slot") == "") & (pl.col("country").is_null() | (pl.col("country") == ""))
        )
        .join(explained, on=["g", "home"], how="semi", maintain_order="left")
        .join(clusters.select("g", "home", "date"), on=["g", "home"], maintain_order="left")
        .group_by("g", "source", maintain_order=True)
        .agg(first=pl.col("pos").min(), date=pl.col("date").last())
        .sort("g", "first")
        .group_by("g", maintain_order=True)
        .agg(
            gave_json=words.array(
                words.text(pl.col("source")), words.text(pl.col("date"))
            ).str.join(","),
            gave=pl.concat_str("source", pl.lit(" gives "), "date"),
        )
        .with_columns(gave=words.listing(pl.col("gave")))
    )
    ids = (
        kept.join(explained, on=["g", "home"], how="semi", maintain_order="left")
        .group_by("g", "entity", "attribute", maintain_order=True)
        .agg(claim_ids="claim_id")
    )
    judged = (
        ids.join(parts, on="g")
        .join(unqualified, on="g", how="left")
        .with_columns(
            releases_json=pl.concat_str(pl.lit("["), "releases_json", pl.lit("]")),
            gave_json=pl.concat_str(pl.lit("["), pl.col("gave_json").fill_null(""), pl.lit("]")),
            gave=pl.col("gave").fill_null(""),
        )
    )
    reason = QualifierSplit.own_release
    return _framed(
        judged,
        _SPLIT,
        reason,
        pl.lit("*"),
        {"releases": pl.col("releases_json"), "unqualified": pl.col("gave_json")},
        {"releases": pl.col("releases"), "unqualified": pl.col("gave")},
    )


def _unexplained(
    ctx: Context,
    claims: pl.DataFrame,
    kept: pl.DataFrame,
    explained: pl.DataFrame,
    said: pl.DataFrame,
) -> pl.DataFrame:
    """Dates no release kind or country explains, among the `kept` claims (those not reported
    as misdating their release): where some date is explained, or the unexplained ones are
    more than one. The finding cites and words every claim of the group, and names the dates
    nothing explains (in date order)."""
    stray = (
        kept.join(explained, on=["g", "home"], how="anti")
        .select("g", "home", date=_written(ctx, pl.col("home"), claims))
        .unique()
        .sort("g", "home")
        .group_by("g", maintain_order=True)
        .agg(stray="date", dates=pl.len())
    )
    known = explained.select("g").unique().with_columns(known=pl.lit(True))
    flagged = (
        stray.join(known, on="g", how="left")
        .filter(pl.col("known").is_not_null() | (pl.col("dates") > 1))
        .select("g")
    )
    judged = (
        claims.join(flagged, on="g", how="semi", maintain_order="left")
        .group_by("g", "entity", "attribute", maintain_order=True)
        .agg(claim_ids="claim_id")
        .join(said, on="g")
        .join(stray.select("g", "stray"), on="g")
    )
    reason = ValueConflict.unexplained_dates
    return _framed(
        judged,
        _SPLIT + 1,
        reason,
        pl.lit(""),
        {"values": pl.col("values_json"), "stray": words.names(pl.col("stray"))},
        {"values": pl.col("said"), "stray": pl.col("stray")},
    )
