"""Which sources to trust, learned from the whole catalog: the claims as truth discovery sees
them (auditor.truth), and what reconciliation takes back from it.

Every (entity, attribute, slot) is an item; a single-valued attribute's claim votes for its
comparison key (numbers with their value, so that close ones support each other within the
attribute's tolerance); a list attribute's claims of one source form that source's set. The
configured trust is the prior of a source's accuracy, not the answer: a site that is often
wrong across many films ends up weighing less. Time-varying figures (vote counts) are left
out of learning: two captures that differ are both right when they were taken.
"""

from __future__ import annotations

import json
from typing import Any

import polars as pl
from rapidfuzz import fuzz
from rapidfuzz.process import cpdist

from auditor import kinds
from auditor.claims import EDITORIAL
from auditor.normalize.names import NEAR, abbreviates
from auditor.normalize.places import DEMONYMS
from auditor.reconcile.prepare import ENGINE, Settings, trust_of
from auditor.truth import AMOUNTS, Attribute, Truth, discover

# The accuracy a source with the default trust (1.0) starts from, and the bounds of a prior.
PRIOR = 0.8
_BOUNDS = (0.05, 0.95)
_SEP = "\x1f"


def _prior(settings: Settings) -> pl.Expr:
    """A claim's source's prior accuracy: its configured trust scaled to PRIOR, bounded."""
    return (trust_of(settings) * PRIOR).clip(*_BOUNDS)


def _learning_prior(settings: Settings) -> pl.Expr:
    """The prior truth discovery starts a source from: its configured trust's (`_prior`); a
    source the configuration does not name has none, so the data's mean accuracy stands in
    (empirical Bayes: on data sets of thousands of editors, where nothing is configured,
    a fixed 0.8 is a guess the data can make better)."""
    named = pl.col("source").is_in(list(settings.trust))
    return pl.when(named).then(_prior(settings)).otherwise(pl.lit(None, pl.Float64))


def attributes(settings: Settings) -> dict[str, Attribute]:
    """How truth discovery compares each attribute's values: as its kind says (kinds.learned),
    a list attribute as a set of names whatever its kind."""
    out = {}
    for name, spec in settings.specs.items():
        learned = kinds.learned(spec.kind)
        if spec.multi:
            out[name] = Attribute("names")
        else:
            relative = spec.relative if learned.relative is None else learned.relative
            out[name] = Attribute(learned.kind, spec.tolerance, relative)
    return out


def claims(frame: pl.DataFrame, settings: Settings) -> pl.DataFrame:
    """The prepared claims as truth discovery's input: one row per (item, source) value."""
    specs = settings.specs
    multi = [n for n, s in specs.items() if s.multi]
    # a single value whose key lists members (a name set's surnames) is compared by them
    joined = {n: kinds.learned(s.kind).members for n, s in specs.items() if not s.multi}
    members = pl.lit(None, pl.List(pl.String))
    for sep in sorted({j for j in joined.values() if j}):
        listed = [n for n, j in joined.items() if j == sep]
        members = (
            pl.when(pl.col("attribute").is_in(listed))
            .then(pl.col("key").str.split(sep))
            .otherwise(members)
        )
    drifting = [n for n, s in specs.items() if s.time_varying]
    base = (
        frame.lazy()
        .filter(pl.col("key").is_not_null() & ~pl.col("attribute").is_in(drifting))
        .with_columns(
            slot=pl.col("slot").fill_null(""),
            prior=_learning_prior(settings),
            weight=pl.when(pl.col("origin") == EDITORIAL).then(1.0).otherwise(settings.user_weight),
        )
    )
    release = [n for n, s in specs.items() if s.qualifier == "release" and not s.multi]
    if release:
        base = _home_release(base, release)
    single = base.filter(~pl.col("attribute").is_in(multi)).select(
        "entity",
        "attribute",
        "slot",
        "source",
        "raw",
        value="key",
        stated="value",
        number="num",
        low="low",
        high="high",
        prior="prior",
        weight="weight",
        # a name set is one value; its surnames let partial lists support the whole
        members=members,
    )
    sets = (
        base.filter(pl.col("attribute").is_in(multi) & (pl.col("origin") == EDITORIAL))
        .group_by("item", "src")  # (entity, attribute, slot) and source, as codes
        .agg(
            pl.col("entity", "attribute", "slot", "source").first(),
            "key",
            "raw",
            pl.col("prior").first(),
            pl.col("weight").max(),
        )
        # distinct and sorted per list after grouping: cheaper than within the aggregation
        .with_columns(
            members=pl.col("key").list.unique().list.sort(),
            raw=pl.col("raw").list.unique().list.sort().list.join("\n"),
        )
        .drop("key")
        .with_columns(value=pl.col("members").list.join(_SEP))
    )
    sets = _one_spelling(sets.collect()).drop("item", "src").lazy()
    return pl.concat([_amounts(single, specs), sets], how="diagonal_relaxed").collect()


def _home_release(rows: pl.LazyFrame, release: list[str]) -> pl.LazyFrame:
    """A source that dates a release kind in several countries ("2 May 1961 (France)",
    "9 October 1961 (USA)") does not contradict itself, and says one thing of the film's
    release of that kind: its date in the film's own country (one its `country` claims
    name), else the date it gives no country, else its earliest. Its other dates are left
    out of what truth discovery reads; the dates comparator judges every country's."""
    homes = (
        rows.filter(pl.col("attribute") == "country")
        .select("entity", country="key", home=pl.lit(True))
        .unique()
    )
    dated = rows.filter(pl.col("attribute").is_in(release)).join(
        homes, on=["entity", "country"], how="left", nulls_equal=False
    )
    rank = (
        pl.when(pl.col("home").fill_null(False))
        .then(pl.lit(0, pl.Int8))
        .when(pl.col("country").is_null())
        .then(pl.lit(1, pl.Int8))
        .otherwise(pl.lit(2, pl.Int8))
    )
    chosen = (
        pl.col("key")
        .sort_by(rank, pl.col("key"))
        .first()
        .over("entity", "attribute", "slot", "source")
    )
    dated = dated.filter(pl.col("key") == chosen).drop("home")
    return pl.concat([rows.filter(~pl.col("attribute").is_in(release)), dated])


def _amounts(single: pl.LazyFrame, specs) -> pl.LazyFrame:
    """The single values with what truth discovery reads of amounts (their precision, the
    unit they are stated in), worked out on the amounts' rows alone."""
    amounts = [n for n, s in specs.items() if kinds.learned(s.kind).kind in AMOUNTS]
    is_amount = pl.col("attribute").is_in(amounts)
    rest = single.filter(~is_amount).drop("stated", "low", "high")
    figures = _in_main_unit(single.filter(is_amount), specs).with_columns(
        precision=pl.max_horizontal(_PRECISION, _STATED).max().over(
            "entity", "attribute", "slot", "value"
        ),
        spread=pl.when(pl.col("attribute").is_in(_ranged(specs))).then(_SPREAD),
    )
    return pl.concat([rest, figures.drop("low", "high")], how="diagonal_relaxed")


# The significant digits a figure's text states where it writes decimals: "10.00" states 4 and
# "€2.40 bn" 3, which its number (10, 2.4 billion) does not tell, so that neither is taken for
# a rounding of 10.33 or of 2.43 billion. A text without decimals ("2,400,000,000", "$10
# million") states what its number does (`_PRECISION`: trailing zeros may be a rounding's).
# Decimals are a point or comma then one, two or four and more digits (three may be thousands).
_FIGURE = r"(\d[\d,.\u00a0\u202f ]*\d|\d)"
_DECIMALS = r"(?:[.,]\d{1,2}|\.\d{4,})$"
_TOKEN = pl.col("raw").str.extract(_FIGURE).str.strip_chars()
_STATED = (
    pl.when(pl.col("low").is_not_null() & (pl.col("low") != pl.col("high")))
    .then(pl.lit(0, pl.Int64))
    .when(_TOKEN.str.contains(_DECIMALS))
    .then(
        _TOKEN.str.replace_all(r"\D", "")
        .str.strip_chars_start("0")
        .str.len_chars()
        .cast(pl.Int64)
    )
    .otherwise(pl.lit(None, pl.Int64))
)


def _ranged(specs) -> list[str]:
    """The attributes whose values are ranges (money that keeps them: kinds.money); a score's
    `low` and `high` are its value and scale."""
    return [n for n, s in specs.items() if s.kind == "money" and s.qualifier == "flag"]


# A range's half-width (null for an amount): truth discovery compares two ranges by their ends.
_SPREAD = (
    pl.when(pl.col("low").is_not_null() & (pl.col("low") != pl.col("high")))
    .then((pl.col("high") - pl.col("low")) / 2)
    .otherwise(pl.lit(None, pl.Float64))
)


# An amount's significant digits (4,817,263: 7; "$4.8 million": 2), a range's none: truth
# discovery prefers the precise figure to the rounded one it generalises.
_PRECISION = (
    pl.when(pl.col("number").is_null())
    .then(pl.lit(None, pl.Int64))
    .when(pl.col("low").is_not_null() & (pl.col("low") != pl.col("high")))
    .then(pl.lit(0, pl.Int64))
    .otherwise(
        pl.col("number")
        .abs()
        .cast(pl.String)
        .str.strip_suffix(".0")
        .str.replace(".", "", literal=True)
        .str.strip_chars_start("0")
        .str.strip_chars_end("0")
        .str.len_chars()
        .cast(pl.Int64)
    )
)


def _in_main_unit(single: pl.LazyFrame, specs) -> pl.LazyFrame:
    """An item's figures in the unit most of its sources state (`Learned.unit`): "€11.4
    million" and "$10 million" are the same budget in two currencies, and without an exchange
    rate neither supports nor contradicts the other, so a figure in another unit is left out
    of the vote (no support lent, no error charged to its source). Where units tie, all stay."""
    units = {n: kinds.learned(s.kind).unit for n, s in specs.items() if not s.multi}
    if not any(units.values()):
        return single.drop("stated")
    unit = pl.lit(None, pl.String)
    for field in sorted({u for u in units.values() if u}):
        named = [n for n, u in units.items() if u == field]
        unit = (
            pl.when(pl.col("attribute").is_in(named))
            .then(pl.col("stated").str.json_path_match(f"$.{field}"))
            .otherwise(unit)
        )
    item = ["entity", "attribute", "slot"]
    sources = pl.col("source").n_unique().over(*item, "unit")
    most = sources.max().over(item)
    return (
        single.with_columns(unit=unit)
        .with_columns(n=sources, most=most)
        .with_columns(
            leaders=pl.col("unit").filter(pl.col("n") == pl.col("most")).n_unique().over(item)
        )
        .filter(
            pl.col("unit").is_null() | (pl.col("n") == pl.col("most")) | (pl.col("leaders") > 1)
        )
        .drop("stated", "unit", "n", "most", "leaders")
    )


def _one_spelling(sets: pl.DataFrame) -> pl.DataFrame:
    """The lists with each member written two ways across an item's sources (a letter or two
    apart, as many words, sharing the first or the last: "j doe", "j does"; or in full and
    with initials: "j doe", "jane doe") counted as one member, for how far lists support each
    other only: the candidate lists (`value`)
    keep every spelling, so a resolved list is one a source gave. Without it a list with a
    misspelt extra name and a list with a full surname support each other alike, and the
    more reliable source's slip wins.

    `members` are distinct and sorted (as `claims` makes them), and stay so. Items are
    numbered (`item`, prepare's code), so that joins compare one integer rather than three
    names; only the lists of items with near spellings are taken apart again."""
    indexed = sets.with_row_index("row")
    names = (
        indexed.select("item", name="members")
        .explode("name")
        .drop_nulls("name")
        .unique()
        .with_columns(
            words=pl.col("name").str.split(" "), size=pl.col("name").str.len_chars().cast(pl.Int64)
        )
        .with_columns(
            n=pl.col("words").list.len(),
            first=pl.col("words").list.first(),
            last=pl.col("words").list.last(),
        )
        .drop("words")
    )
    # candidates share the first or the last word (a slip rarely spoils both)
    pairs = (
        pl.concat(
            [
                names.join(names, on=["item", "n", word], suffix="_2").select(
                    "item", "name", "name_2", "size", "size_2"
                )
                for word in ("first", "last")
            ]
        )
        .filter(
            (pl.col("name") < pl.col("name_2"))
            # fuzz.ratio >= NEAR needs lengths this close
            & (
                (pl.col("size") - pl.col("size_2")).abs()
                <= (pl.col("size") + pl.col("size_2")) * (1 - NEAR / 100)
            )
        )
        .select("item", "name", "name_2")
        .unique(maintain_order=True)
    )
    # and one name written in full and with initials ("a rivers", "ada rivers")
    shortened = (
        names.join(names, on=["item", "last"], suffix="_2")
        .filter((pl.col("name") < pl.col("name_2")) & (pl.col("n") + pl.col("n_2") > 2))
        .select("item", "name", "name_2")
    )
    short = [
        abbreviates(a, b)
        for a, b in zip(
            shortened.get_column("name").to_list(),
            shortened.get_column("name_2").to_list(),
            strict=True,
        )
    ]
    shortened = shortened.filter(pl.Series(short, dtype=pl.Boolean))
    if pairs.height == 0 and shortened.height == 0:
        return sets
    score = cpdist(
        pairs.get_column("name").to_list(),
        pairs.get_column("name_2").to_list(),
        scorer=fuzz.ratio,
    )
    # each spelling maps to the smallest of its near spellings (the class's one name)
    one = (
        pl.concat([pairs.filter(pl.Series(score >= NEAR, dtype=pl.Boolean)), shortened])
        .group_by("item", "name_2")
        .agg(pl.col("name").min().alias("one"))
        .rename({"name_2": "members"})
    )
    merged = (
        indexed.filter(pl.col("item").is_in(one.get_column("item").unique().implode()))
        .select("row", "item", "members")
        .explode("members")
        .join(one, on=["item", "members"], how="left")
        .group_by("row")
        .agg(pl.coalesce("one", "members").unique().sort().alias("merged"))
    )
    return (
        indexed.join(merged, on="row", how="left", maintain_order="left")
        .with_columns(members=pl.coalesce("merged", "members"))
        .select(*[c for c in sets.columns if c != "members"], "members")
    )


def empty_sources() -> pl.DataFrame:
    """No source table: the configuration resolves by a vote of its trust priors."""
    return pl.DataFrame(schema={"source": pl.String, "reliability": pl.Float64})


def learn(frame: pl.DataFrame, settings: Settings) -> Truth:
    """What the prepared claims teach of their sources, given as resolution counts them (an
    unscoped figure for the scope it restates: reconcile.unscoped.placed)."""
    return discover(claims(frame, settings), attributes(settings))


def weights(frame: pl.DataFrame, truth: Truth, settings: Settings) -> pl.Expr:
    """Each claim's vote: its source's learned accuracy on the attribute (else overall, else
    the prior), times the user-review factor."""
    per_attribute = (
        truth.sources.select("source", "attributes")
        .explode("attributes")
        .select(
            "source",
            attribute=pl.col("attributes").struct.field("attribute"),
            learned=pl.col("attributes").struct.field("reliability"),
        )
    )
    overall = truth.sources.select("source", overall="reliability")
    learned = (
        frame.select("source", "attribute")
        .join(per_attribute, on=["source", "attribute"], how="left")
        .join(overall, on="source", how="left")
        .select(pl.coalesce("learned", "overall"))
        .to_series()
    )
    user = pl.when(pl.col("origin") == EDITORIAL).then(1.0).otherwise(settings.user_weight)
    prior = _prior(settings)
    drifting = [n for n, s in settings.specs.items() if s.time_varying]
    vote = pl.when(pl.col("attribute").is_in(drifting)).then(prior)
    return vote.otherwise(pl.coalesce(pl.lit(learned), prior)) * user


def resolved(frame: pl.DataFrame, truth: Truth, settings: Settings) -> pl.DataFrame:
    """Every item's resolved value as the claims state it (JSON text: the key that won in the form
    most of its sources write, display.form_expr), with its confidence and supporting sources; a
    time-varying figure is the latest capture's."""
    return pl.concat([_learned(frame, truth, settings), _latest(frame, settings)]).sort(
        "entity", "attribute", "slot"
    )


def _latest(frame: pl.DataFrame, settings: Settings) -> pl.DataFrame:
    """The figure of the most recently captured document (the larger one when none says when:
    counts grow), with its source's vote as confidence."""
    drifting = [n for n, s in settings.specs.items() if s.time_varying]
    rows = frame.filter(
        pl.col("attribute").is_in(drifting)
        & pl.col("key").is_not_null()
        & (pl.col("origin") == EDITORIAL)
    ).with_columns(
        slot=pl.col("slot").fill_null(""),
        captured=pl.col("document").replace_strict(
            settings.captured, default=None, return_dtype=pl.String
        ),
    )
    supporters = rows.group_by("entity", "attribute", "slot", "key").agg(
        pl.col("source").unique().sort().alias("sources")
    )
    return (
        rows.sort(
            ["entity", "attribute", "slot", "captured", "num", "value"],
            descending=[False, False, False, True, True, False],
            nulls_last=True,
        )
        .group_by("entity", "attribute", "slot", maintain_order=True)
        .first()
        .join(supporters, on=["entity", "attribute", "slot", "key"], how="left")
        .select(
            "entity",
            "attribute",
            "slot",
            "value",
            pl.col("weight").round(3).alias("confidence"),
            "sources",
        )
    )


def _learned(frame: pl.DataFrame, truth: Truth, settings: Settings) -> pl.DataFrame:
    here = frame.get_column("entity").unique()
    won = (
        truth.resolved.filter(pl.col("entity").is_in(here.implode()))
        .with_columns(
            members=pl.col("value").str.split(_SEP),
        )
        .rename({"value": "won"})
    )
    forms = _forms(frame)
    members = (
        won.select("entity", "attribute", "slot", "members")
        .with_row_index("at")
        .explode("members")
        .join(
            forms.rename({"key": "members"}),
            on=["entity", "attribute", "slot", "members"],
            how="left",
        )
        .group_by("at", maintain_order=True)
        .agg(pl.col("form"))
    )
    whole = won.with_row_index("at").join(members, on="at", how="left")
    multi = {n for n, s in settings.specs.items() if s.multi}
    # Most values need no decoding (`_value` says what they are): a single value's one form,
    # and a list of plain JSON strings (genres, directors) whose forms, written as
    # json.dumps writes them, join into the list's text. The rest (cast entries) are decoded.
    form = pl.col("form")
    stated = form.list.drop_nulls()
    plain = stated.list.eval(pl.element().str.contains(_PLAIN_JSON_STRING)).list.all()
    is_multi = pl.col("attribute").is_in(list(multi))
    whole = whole.with_columns(
        value=pl.when(~is_multi & (form.list.len() == 1) & form.list.first().is_not_null())
        .then(form.list.first())
        .when(is_multi & plain)
        .then(pl.concat_str(pl.lit("["), stated.list.join(","), pl.lit("]")))
    )
    value = whole.get_column("value").to_list()
    rest = whole.select(pl.arg_where(pl.col("value").is_null())).to_series().to_list()
    if rest:
        rows = whole[rest]
        for at, attribute, forms in zip(
            rest, rows["attribute"].to_list(), rows["form"].to_list(), strict=True
        ):
            value[at] = _value(forms, attribute in multi)
    return (
        whole.select("entity", "attribute", "slot", "confidence", "sources")
        .with_columns(value=pl.Series(value, dtype=pl.String), confidence=pl.col("confidence"))
        .select(
            "entity",
            "attribute",
            "slot",
            "value",
            pl.col("confidence").round(3),
            "sources",
        )
    )


_LAST = 1 << 40


def _forms(frame: pl.DataFrame) -> pl.DataFrame:
    """Per (entity, attribute, slot, key): the `form` its sources write it in, as
    display.form_expr chooses it (each source's smallest value, then the most frequent of
    those, ties to the smallest), counted on the integer codes (prepare.code) and named back
    by a row that states it. A country is shown by its name before its adjective ("United
    States" over "American", which a lead sentence writes)."""
    adjective = (pl.col("attribute") == "country") & pl.col("value").str.strip_chars(
        '"'
    ).str.to_lowercase().is_in(list(DEMONYMS))
    # each source's smallest value, its adjectives last: codes past `_LAST` rank after all
    rank = pl.col("vc").cast(pl.Int64) + pl.when(adjective).then(_LAST).otherwise(0)
    per_source = (
        frame.lazy()
        .filter(pl.col("key").is_not_null())
        .with_columns(rank=rank)
        .group_by("item", "kc", "src")
        .agg(pl.col("rank").min(), pl.col("idx").min_by("rank"))  # a row stating that value
    )
    best = (
        per_source.with_columns(adjective=pl.col("rank") >= _LAST)
        .group_by("item", "kc", "rank")
        .agg(pl.len().alias("n"), pl.col("idx").first(), pl.col("adjective").first())
        .sort(
            ["item", "kc", "adjective", "n", "rank"], descending=[False, False, False, True, False]
        )
        .unique(["item", "kc"], keep="first", maintain_order=True)
        .collect(engine=ENGINE)
        .get_column("idx")
    )
    return frame[best].select(
        "entity", "attribute", pl.col("slot").fill_null(""), "key", form="value"
    )


# A JSON string as json.dumps(ensure_ascii=False) writes it when nothing in it needs escaping:
# decoding and encoding it again gives the same text.
_PLAIN_JSON_STRING = r'^"[^"\\\x00-\x1f]*"$'


def _value(forms: list[str | None], multi: bool) -> str:
    """One JSON text: the form of a single value, or a list of a set's members' forms."""
    if not multi and len(forms) == 1 and forms[0] is not None:
        return forms[0]
    decoded: list[Any] = [_member(f) for f in forms if f is not None]
    return json.dumps(decoded, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _member(form: str) -> Any:
    value = kinds.decode(form)
    return value["actor"] if isinstance(value, dict) and "actor" in value else value


def source_rows(sources: pl.DataFrame) -> list[dict[str, Any]]:
    """The source table as the reports show it: reliability and agreement rounded, copies
    named with the probability that the source depends on them."""
    if sources.height == 0:
        return []
    rows = sources.sort("source").to_dicts()
    for row in rows:
        row["reliability"] = round(float(row["reliability"]), 3)
        row["agreed"] = round(float(row["agreed"]), 3)
        row["attributes"] = [
            {**a, "reliability": round(float(a["reliability"]), 3)} for a in row["attributes"] or []
        ]
        row["copies"] = [
            {**c, "dependence": round(float(c["dependence"]), 3)} for c in row["copies"] or []
        ]
    return rows
