"""Loaders for the truth-discovery benchmarks in ../shared/benchmarks (one function per data set).

Each loader reads the raw public files with polars and normalises values with polars expressions,
following the rules in ../shared/benchmarks/README.md, into the generic claims frame that
`auditor.truth.discover` takes (entity, attribute, slot, source, value, number, members) and a
gold frame (entity, attribute, gold values). These loaders are the only code that reads a gold
file; they will give way to the `benchmarks/truth/*.toml` table declarations once the table
readers exist.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polars as pl

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "benchmarks"

FLIGHT_TIMES = ("sched_dep", "act_dep", "sched_arr", "act_arr")
FLIGHT_GATES = ("dep_gate", "arr_gate")
FLIGHT_ATTRIBUTES = {  # column -> attribute, as in benchmarks/truth/flight.toml
    "sched_dep": "scheduled_departure",
    "act_dep": "actual_departure",
    "dep_gate": "departure_gate",
    "sched_arr": "scheduled_arrival",
    "act_arr": "actual_arrival",
    "arr_gate": "arrival_gate",
}
FLIGHT_COLUMNS = ["flight", "sched_dep", "act_dep", "dep_gate", "sched_arr", "act_arr", "arr_gate"]


@dataclass(frozen=True)
class Benchmark:
    name: str
    claims: pl.DataFrame  # entity, attribute, slot, source, value, number?, members?
    gold: pl.DataFrame  # entity, attribute, gold_value / gold_number / gold_members (lists)
    attributes: dict  # attribute -> {"kind": ..., "tolerance": ..., "relative": ...}


def _tsv(path: Path, names: list[str], encoding: str = "utf8-lossy") -> pl.DataFrame:
    return pl.read_csv(
        path,
        separator="\t",
        has_header=False,
        new_columns=names,
        quote_char=None,
        infer_schema=False,
        encoding=encoding,
        truncate_ragged_lines=True,
    )


# ---------------------------------------------------------------- Flight (Li et al. 2013)


def time_of_day(text: pl.Expr) -> pl.Expr:
    """Minutes after midnight of the first h:mm, with an optional am/pm/noon marker."""
    parts = text.str.extract_groups(
        r"(?i)(\d{1,2}):(\d{2})\s*(a\.m\.|p\.m\.|am|pm|noon|a|p)?"
    )
    hour = parts.struct.field("1").cast(pl.Int32, strict=False)
    minute = parts.struct.field("2").cast(pl.Int32, strict=False)
    marker = parts.struct.field("3").str.to_lowercase().str.slice(0, 1)
    hour = (
        pl.when(marker == "p")
        .then(hour % 12 + 12)
        .when(marker == "a")
        .then(hour % 12)
        .when(marker == "n")
        .then(12)
        .otherwise(hour)
    )
    return (hour * 60 + minute).cast(pl.Float64)


def gate(text: pl.Expr) -> pl.Expr:
    """The text after the last ' - ', without the word 'gate' and spaces, upper-cased."""
    tail = text.str.split(" - ").list.last()
    norm = tail.str.replace_all(r"(?i)gate", "").str.replace_all(r"\s+", "").str.to_uppercase()
    return pl.when(norm.str.contains(r"\d")).then(norm).otherwise(None)


def _flight_long(frame: pl.DataFrame, day: str, index: list[str]) -> pl.DataFrame:
    long = frame.unpivot(
        index=index, on=list(FLIGHT_TIMES + FLIGHT_GATES), variable_name="attribute"
    )
    is_time = pl.col("attribute").is_in(FLIGHT_TIMES)
    minutes = time_of_day(pl.col("value"))
    return long.with_columns(
        raw=pl.col("value"),
        entity=pl.col("flight") + "@" + pl.lit(day),
        number=pl.when(is_time).then(minutes),
        value=pl.when(is_time)
        .then(minutes.cast(pl.Int64).cast(pl.String))
        .otherwise(gate(pl.col("value"))),
    ).filter(pl.col("value").is_not_null())


def load_flight(root: Path = DATA / "flight_li2013") -> Benchmark:
    claims, gold = [], []
    for path in sorted((root / "claims").glob("*.txt.gz")):
        day = path.name[:8]
        raw = _tsv(path, ["source", *FLIGHT_COLUMNS])
        claims.append(_flight_long(raw, day, ["source", "flight"]))
        raw_gold = _tsv(root / "gold" / f"{day}.txt", FLIGHT_COLUMNS)
        gold.append(_flight_long(raw_gold, day, ["flight"]))
    claims_frame = pl.concat(claims).select(
        "entity", "attribute", pl.lit("").alias("slot"), "source", "value", "number", "raw"
    )
    gold_frame = (
        pl.concat(gold)
        .group_by("entity", "attribute")
        .agg(gold_value=pl.col("value").unique().sort(), gold_number=pl.col("number").unique())
    )
    named = pl.col("attribute").replace_strict(FLIGHT_ATTRIBUTES)
    claims_frame = claims_frame.with_columns(named)
    gold_frame = gold_frame.with_columns(named)
    attributes = {FLIGHT_ATTRIBUTES[a]: {"kind": "time", "tolerance": 10.0} for a in FLIGHT_TIMES}
    attributes |= {FLIGHT_ATTRIBUTES[a]: {"kind": "code"} for a in FLIGHT_GATES}
    return Benchmark("flight", claims_frame, gold_frame, attributes)


# ---------------------------------------------------------------- Book (Dong et al. 2009)

_ROLE_WORDS = (
    "editor|editors|ed|eds|edited|by|jr|sr|phd|md|author|authors|translator|illustrator|"
    "foreword|introduction|compiler|contributor|et|al|ii|iii|iv|dr|prof|mr|mrs|ms"
)


def isbn10(isbn: pl.Expr) -> pl.Expr:
    """ISBN-13 (978...) to ISBN-10 (check digit recomputed); other keys unchanged."""
    core = isbn.str.slice(3, 9)
    total = pl.sum_horizontal(
        [core.str.slice(i, 1).cast(pl.Int32, strict=False) * (10 - i) for i in range(9)]
    )
    check = (11 - total % 11) % 11
    digit = pl.when(check == 10).then(pl.lit("X")).otherwise(check.cast(pl.String))
    is13 = (isbn.str.len_chars() == 13) & isbn.str.starts_with("978")
    return pl.when(is13).then(core + digit).otherwise(isbn)


def _letters(text: pl.Expr) -> pl.Expr:
    """Accents stripped, letters only."""
    return text.str.normalize("NFKD").str.replace_all(r"[^a-z]", "")


def _unescape(text: pl.Expr) -> pl.Expr:
    return (
        text.str.replace_all(r"&([a-zA-Z])(acute|grave|uml|circ|tilde|cedil|ring|slash);", "$1")
        .str.replace_all("&amp;", "&", literal=True)
        .str.replace_all(r"&#0?39;|&apos;", "'")
        .str.replace_all("&quot;", '"', literal=True)
        .str.replace_all(r"&[a-zA-Z#0-9]+;", " ")
    )


def author_surnames(frame: pl.DataFrame, column: str, key: list[str]) -> pl.DataFrame:
    """Per row of `frame` (identified by `key`): the sorted surname multiset of `column`."""
    text = (
        _unescape(pl.col(column))
        .str.to_lowercase()
        .str.replace_all(r"\([^)]*\)|[()]", " ")
        .str.replace_all(r"\bnot available\b", " ")
    )
    chunks = (
        frame.select(*key, chunk=text)
        .with_columns(
            pl.col("chunk").str.replace_all(r"\s+and\s+|[;&/|]|\bby\b|\bwith\b", "\u0001")
        )
        .with_columns(pl.col("chunk").str.split("\u0001"))
        .explode("chunk")
        .with_columns(
            pl.col("chunk").str.split(",").list.eval(
                pl.element().str.replace_all(rf"\b({_ROLE_WORDS})\b\.?", " ").str.strip_chars()
            ).list.eval(pl.element().filter(pl.element().str.contains(r"[a-z]")))
        )
        .filter(pl.col("chunk").list.len() > 0)
    )
    words = pl.element().str.split(" ").list.eval(
        pl.element().filter(pl.element().str.contains(r"[a-z]"))
    )
    chunks = chunks.with_columns(
        all_long=pl.col("chunk").list.eval(words.list.len() >= 2).list.all(),
        many=pl.col("chunk").list.len() > 1,
    )
    # "first last[, first last]" -> last word of each piece; "last, first[, last, first]" ->
    # the even pieces, whole.
    names = chunks.with_columns(
        surname=pl.when(pl.col("all_long") & pl.col("many") | ~pl.col("many"))
        .then(pl.col("chunk").list.eval(words.list.last()))
        .otherwise(pl.col("chunk").list.gather_every(2))
    ).explode("surname")
    names = names.with_columns(surname=_letters(pl.col("surname"))).filter(
        pl.col("surname").str.len_chars() > 0
    )
    return names.group_by(key).agg(members=pl.col("surname").sort())


def load_book(root: Path = DATA / "book_dong2009") -> Benchmark:
    raw = _tsv(root / "book.txt", ["source", "isbn", "title", "authors"]).with_row_index("row")
    raw = raw.with_columns(entity=isbn10(pl.col("isbn").str.strip_chars()))
    surnames = author_surnames(raw, "authors", ["row"])
    claims = (
        raw.join(surnames, on="row", how="inner")
        .sort("row")
        .select(
            "entity",
            pl.lit("authors").alias("attribute"),
            pl.lit("").alias("slot"),
            "source",
            value=pl.col("members").list.join(";"),
            members="members",
            raw="authors",
        )
    )
    gold_lines = pl.read_csv(
        root / "book_golden.txt", separator="\t", has_header=False, new_columns=["isbn", "list"],
        quote_char=None, infer_schema=False,
    ).filter(pl.col("list").is_not_null())
    gold = (
        gold_lines.with_columns(entity=isbn10(pl.col("isbn").str.strip_chars()))
        .with_columns(name=pl.col("list").str.split(";"))
        .explode("name")
        .with_columns(surname=_letters(pl.col("name").str.split(",").list.first().str.strip_chars()))
        .filter(pl.col("surname").str.len_chars() > 0)
        .group_by("entity")
        .agg(members=pl.col("surname").sort())
        .select(
            "entity",
            pl.lit("authors").alias("attribute"),
            gold_value=pl.concat_list(pl.col("members").list.join(";")),
        )
    )
    return Benchmark("book", claims, gold, {"authors": {"kind": "names"}})


# ---------------------------------------------------------------- Population (Pasternack 2010)


def load_population(root: Path = DATA / "population_pasternack2010") -> Benchmark:
    raw = _tsv(
        root / "population-new.txt", ["entity", "source", "value", "year"], encoding="utf8-lossy"
    )
    number = pl.col("value").str.strip_chars().cast(pl.Float64, strict=False)
    claims = raw.select(
        "entity",
        pl.lit("population").alias("attribute"),
        pl.lit("").alias("slot"),
        "source",
        value=number.cast(pl.Int64).cast(pl.String),
        number=number,
        raw="value",
    ).filter(pl.col("number").is_not_null())
    text = (root / "population-gd.txt").read_text(encoding="latin-1")
    lines = pl.DataFrame({"line": text.split("\n")}).filter(pl.col("line").str.len_chars() > 0)
    parts = pl.col("line").str.split(", ")
    gold = lines.select(
        entity=parts.list.slice(0, parts.list.len() - 2).list.join(", ")
        + "_"
        + parts.list.get(-2),
        attribute=pl.lit("population"),
        gold_number=pl.concat_list(parts.list.get(-1).cast(pl.Float64)),
    ).with_columns(gold_value=pl.col("gold_number").list.eval(pl.element().cast(pl.Int64).cast(pl.String)))
    attributes = {"population": {"kind": "number", "tolerance": 0.01, "relative": True}}
    return Benchmark("population", claims, gold, attributes)
