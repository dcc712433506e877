"""Character names: plot and storyline texts checked against cast lists, across and within sources.

Every character name a source writes (cast lists and plot texts alike) is grouped by first name;
surnames a letter or two apart are one character spelt two ways. The spelling most sources use
is taken as right; a page that writes both spellings contradicts itself.

Judged as whole frames: a row per name written, per (group, surname) and per finding; polars
scores and words them (`words`). Python runs only where one step depends on the one before:
which near surnames a more supported one takes.
"""

from __future__ import annotations

import polars as pl
from rapidfuzz.distance import Hamming
from rapidfuzz.process import cpdist

from auditor.catalog import InternalInconsistency, SpellingVariant
from auditor.claims import EDITORIAL
from auditor.normalize.names import HONORIFICS
from auditor.reconcile.comparators import words
from auditor.reconcile.comparators.base import display_names, near_pairs, rows
from auditor.reconcile.findings import SCHEMA
from auditor.reconcile.model import Context

SURNAME_NEAR = 75.0
SINGLE_NEAR = 80.0  # a name standing alone shares no first name to vouch for it: be stricter
_COLUMNS = ("last", "source", "weight", "document", "origin", "cast", "shown", "attribute", "cell")
_TITLES = r"^(?:(?:" + "|".join(sorted(HONORIFICS, key=len, reverse=True)) + r")\.? )+"
WEIGHS = True  # the claims' learned vote weights are among its columns (comparators.Comparator)


def plan(ctx: Context, mine: tuple[str, ...]) -> tuple[pl.LazyFrame, ...]:
    """Character names of two words or more grouped by (entity, first name), where more than
    one surname is written, then names of one word grouped by entity: a row per name written,
    with its group `g`, its place in the group `pos`, and how near a surname must be."""
    frame = ctx.frame.lazy()
    common = ("entity", "claim_id", "source", "weight", "document", "origin", "attribute")
    cast = pl.col("compares") == "cast"
    cell = pl.col("row").is_not_null()  # a table's cell, not a page's text
    # `name` folded for grouping, `shown` as the page writes it (a cast entry's character).
    names = pl.concat(
        [
            frame.filter(pl.col("kind").is_in(mine)).select(
                *common, name="key", shown="name", cast=cast, cell=cell
            ),
            frame.filter(pl.col("compares") == "cast").select(
                *common, name="key2", shown="name2", cast=cast, cell=cell
            ),
        ]
    )
    two = pl.col("name").str.contains(" ")
    # "Det. Insp. Jo Brook", "Detective Inspector Jo Brook" and "Jo Brook": one
    # first name once the titles before a name of two words or more are set aside.
    bare = pl.col("name").str.replace(_TITLES, "")
    words_of = pl.when(bare.str.contains(" ")).then(bare).otherwise(pl.col("name")).str.split(" ")
    # Only first names under which more than one surname is written need a closer look.
    suspects = _groups(
        names.filter(two).with_columns(first=words_of.list.first(), last=words_of.list.last()),
        ("entity", "first"),
        SURNAME_NEAR,
    )
    # Names of one word ("Vance"), per entity, where several are written: a misspelt one is a
    # variant of another, not a character of its own.
    singles = _groups(
        names.filter(~two).with_columns(last=pl.col("name")), ("entity",), SINGLE_NEAR
    )
    written = (
        pl.concat([suspects, singles], how="diagonal")
        .with_row_index("g")
        .with_columns(pos=pl.int_ranges(pl.col("last").list.len()))
        .explode("claim_id", *_COLUMNS, "pos")
    )
    return (written,)


def _groups(names: pl.LazyFrame, by: tuple[str, ...], near: float) -> pl.LazyFrame:
    """Groups of names where more than one surname is written, their columns as lists."""
    return (
        names.group_by(*by, maintain_order=True)
        .agg(pl.col("last").n_unique().alias("n"), "claim_id", *_COLUMNS)
        .filter(pl.col("n") > 1)
        .select("entity", "claim_id", *_COLUMNS, near=pl.lit(near))
    )


def build(ctx: Context, written: pl.DataFrame) -> pl.DataFrame:
    surnames = _surnames(written)
    found = _taken(surnames)
    return _worded(found, written, surnames, _filed_under(ctx))


def _filed_under(ctx: Context) -> str:
    """The attribute a character's findings belong to when only cast entries name it: the
    catalog's first attribute compared as characters are (else the cast's)."""
    specs = ctx.settings.specs
    for comparison in ("character", "cast"):
        named = [n for n in specs if ctx.compares(n) == comparison]
        if named:
            return named[0]
    return "character"


def _surnames(written: pl.DataFrame) -> pl.DataFrame:
    """Per (group, surname): its support (the sum, over its sources in the order first seen,
    of each source's highest vote weight: one vote per source, added as Python adds them),
    its display form, and its rank (most supported first, then by surname)."""
    per_source = (
        written.group_by("g", "entity", "last", "source")
        .agg(first=pl.col("pos").min(), weight=pl.col("weight").max())
        .sort("g", "last", "first")
        .with_columns(weight=pl.max_horizontal("weight", 0.0))
    )
    support = per_source.group_by("g", "entity", "last", maintain_order=True).agg(
        support=pl.col("weight").cum_sum().last()
    )
    thresholds = written.group_by("g").agg(pl.col("near").first())
    return (
        support.join(thresholds, on="g")
        .join(display_names(written, ("g", "last"), "shown"), on=["g", "last"])
        .sort("g", "support", "last", descending=[False, True, False])
        .with_columns(rank=pl.int_range(pl.len()).over("g"))
    )


def _taken(surnames: pl.DataFrame) -> pl.DataFrame:
    """Which surnames each takes as its variants (g, main, other): in rank order, a surname
    not yet taken takes every later one, not yet taken, whose ratio reaches the group's
    threshold (and, for a name standing alone, that starts with the same letter)."""
    other = surnames.select("g", *(pl.col(c).alias(c + "_b") for c in ("last", "rank")))
    pairs = surnames.select("g", "entity", "last", "rank", "near").join(other, on="g")
    pairs = pairs.filter(
        (pl.col("rank") < pl.col("rank_b"))
        & (
            (pl.col("near") == SURNAME_NEAR)
            | (pl.col("last").str.slice(0, 1) == pl.col("last_b").str.slice(0, 1))
        )
    )
    near = near_pairs(pairs, pl.col("near"), "last", "last_b")
    alike = pairs.filter(_sounded(pl.col("last")) == _sounded(pl.col("last_b")))
    near = pl.concat([near, alike.select(near.columns), _retyped(pairs).select(near.columns)])
    near = near.unique().sort("g", "rank", "rank_b")
    taken: set[tuple[int, str]] = set()
    found = []
    for g, entity, main, other in rows(near.select("g", "entity", "last", "last_b")):
        if (g, main) in taken or (g, other) in taken:
            continue
        taken.add((g, other))
        found.append((g, entity, main, other))
    schema = {"g": pl.UInt32, "entity": pl.String, "last": pl.String, "last_b": pl.String}
    return pl.DataFrame(found, schema=schema, orient="row").with_row_index("fid")


def _retyped(pairs: pl.DataFrame) -> pl.DataFrame:
    """Short surnames under one first name with one letter after the first changed ("Zak" /
    "Zuk"): a letter mistyped, though the ratio of three or four letters is low."""
    n = pl.col("last").str.len_chars()
    same = pairs.filter(
        (pl.col("near") == SURNAME_NEAR)
        & (n >= 3)
        & (n == pl.col("last_b").str.len_chars())
        & (pl.col("last").str.slice(0, 1) == pl.col("last_b").str.slice(0, 1))
    )
    apart = cpdist(same.get_column("last").to_list(), same.get_column("last_b").to_list(),
                   scorer=Hamming.distance)
    return same.filter(pl.Series(apart, dtype=pl.Int64) == 1)


# A name's last sound spelt several ways, as transliterations and surnames alternate them
# ("Kohli" / "Kohley", "Mukherji" / "Mukherjee", "Kelly" / "Kelley"): one spelling, whatever
# the ratio of two short names says.
_FINAL_I = r"(?:ey|ee|ie|y|i)$"


def _sounded(name: pl.Expr) -> pl.Expr:
    return name.str.replace(_FINAL_I, "i")


def _where(claims: pl.DataFrame, role: int) -> pl.DataFrame:
    """Per finding, where one of its spellings stands (catalog.where): per source in the
    order first seen, its places sorted; as JSON and worded."""
    cast, cell = pl.col("cast"), pl.col("cell")
    place = (
        pl.when(cast)
        .then(pl.lit("cast"))
        .when(cell)
        .then(pl.lit("table"))
        .otherwise(pl.lit("plot"))
    )
    worded = {"cast": "cast list", "plot": "plot text", "table": "table"}
    per_source = (
        claims.filter(pl.col("role") == role)
        .group_by("fid", "source")
        .agg(first=pl.col("pos").min(), places=place.unique().sort())
        .sort("fid", "first")
    )
    return (
        per_source.group_by("fid", maintain_order=True)
        .agg(
            json=words.array(words.text(pl.col("source")), words.names(pl.col("places"))).str.join(
                ","
            ),
            said=pl.concat_str(
                "source",
                pl.lit(" ("),
                words.listing(pl.col("places").list.eval(pl.element().replace_strict(worded))),
                pl.lit(")"),
            ),
        )
        .with_columns(
            json=pl.concat_str(pl.lit("["), "json", pl.lit("]")),
            said=words.listing(pl.col("said")),
        )
    )


def _worded(
    found: pl.DataFrame, written: pl.DataFrame, surnames: pl.DataFrame, attribute: str
) -> pl.DataFrame:
    """The findings: one character spelt two ways, or written both ways in one document."""
    # a row per claim of a finding: role 0 the spelling, 1 the variant
    claims = pl.concat(
        [
            found.join(written.drop("entity"), on=["g", "last"]).with_columns(role=pl.lit(0)),
            found.join(
                written.drop("entity"), left_on=["g", "last_b"], right_on=["g", "last"]
            ).with_columns(role=pl.lit(1)),
        ],
        how="diagonal",
    ).sort("fid", "role", "pos")
    # (source, document) pairs that write both spellings editorially: a reviewer's misspelling
    # on a page is no contradiction of the page's own data
    both = (
        claims.filter(pl.col("origin") == EDITORIAL)
        .group_by("fid", "source", "document")
        .agg(roles=pl.col("role").n_unique())
        .filter(pl.col("roles") == 2)
    )
    writers = (
        claims.join(both, on=["fid", "source", "document"], how="semi", maintain_order="left")
        .group_by("fid", maintain_order=True)
        .agg(
            writers=pl.col("source").unique(maintain_order=True),
            documents=pl.col("document").unique().sort(),
        )
    )
    per_finding = claims.group_by("fid", maintain_order=True).agg(
        claim_ids="claim_id",
        named=pl.col("attribute").filter(~pl.col("cast")).min(),
        user_only=~(pl.col("origin").filter(pl.col("role") == 1) == EDITORIAL).any(),
        n_main=pl.col("source").filter(pl.col("role") == 0).n_unique(),
        n_other=pl.col("source").filter(pl.col("role") == 1).n_unique(),
    )
    main = surnames.select("g", "last", "support", "shown")
    other = surnames.select("g", last_b="last", support_b="support", shown_b="shown")
    spelling, variant = _where(claims, 0), _where(claims, 1)
    table = (
        found.join(main, on=["g", "last"])
        .join(other, on=["g", "last_b"])
        .join(per_finding, on="fid")
        .join(spelling, on="fid")
        .join(variant, on="fid", suffix="_b")
        .join(writers, on="fid", how="left")
        .sort("fid")
    )
    basis = (
        pl.when(pl.col("n_main") > pl.col("n_other"))
        .then(pl.lit("most-sources"))
        .when(pl.col("support") > pl.col("support_b"))
        .then(pl.lit("more-trusted"))
        .otherwise(pl.lit("undecided"))
    )
    table = table.with_columns(basis=basis, is_both=pl.col("writers").is_not_null())
    spellings = {
        "variant": pl.col("shown_b"),
        "variant_where": pl.col("said_b"),
        "spelling": pl.col("shown"),
        "spelling_where": pl.col("said"),
        "basis": pl.col("basis"),
    }
    as_json = {
        "variant": words.text(pl.col("shown_b")),
        "variant_where": pl.col("json_b"),
        "spelling": words.text(pl.col("shown")),
        "spelling_where": pl.col("json"),
        "basis": words.text(pl.col("basis")),
    }
    both, two_ways = (
        InternalInconsistency.character_written_both_ways,
        SpellingVariant.character_spelt_two_ways,
    )
    is_both = pl.col("is_both")
    lists = {"writers": pl.col("writers"), "documents": pl.col("documents")}
    return table.select(
        "entity",
        attribute=pl.col("named").fill_null(pl.lit(attribute)),
        slot=pl.lit(""),
        code=pl.when(is_both).then(pl.lit(both.code)).otherwise(pl.lit(two_ways.code)),
        reason=pl.when(is_both).then(pl.lit(both.name)).otherwise(pl.lit(two_ways.name)),
        claim_ids="claim_ids",
        fields=pl.when(is_both)
        .then(words.obj(**as_json, **{k: words.names(v) for k, v in lists.items()}))
        .otherwise(words.obj(**as_json)),
        severity=pl.when(~is_both & pl.col("user_only")).then(pl.lit("info")),
        message=pl.when(is_both)
        .then(words.message(both, **spellings, **lists))
        .otherwise(words.message(two_ways, **spellings)),
    ).cast(SCHEMA)
