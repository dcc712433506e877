"""The gold of the truth-discovery benchmarks in ../shared/benchmarks, and the rules that score
a resolved value against it (../shared/benchmarks/README.md and each SOURCE.md).

Only the benchmark reads a gold file. The claims are read by the auditor itself, from the table
declarations in benchmarks/truth/*.toml; here each data set's gold is a frame (entity,
attribute, gold_value: List[String], gold_number: List[Float64] or null) and `normalised`
puts the report's resolved values in the form the gold is compared in.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "benchmarks"

FLIGHT_ATTRIBUTES = {  # gold column -> attribute, as in benchmarks/truth/flight.toml
    "sched_dep": "scheduled_departure",
    "act_dep": "actual_departure",
    "dep_gate": "departure_gate",
    "sched_arr": "scheduled_arrival",
    "act_arr": "actual_arrival",
    "arr_gate": "arrival_gate",
}
FLIGHT_TIMES = ("scheduled_departure", "actual_departure", "scheduled_arrival", "actual_arrival")
# (tolerance, relative) of the numeric items; the others are right when equal
TOLERANCE = {"flight": (10.0, False), "flights_day": (10.0, False), "population": (0.01, True)}
FLIGHTS_DAY = {  # flights_clean.csv column -> attribute, as in benchmarks/truth/flights_day.toml
    "sched_dep_time": "scheduled_departure",
    "act_dep_time": "actual_departure",
    "sched_arr_time": "scheduled_arrival",
    "act_arr_time": "actual_arrival",
}


def _tsv(path: Path, names: list[str]) -> pl.DataFrame:
    return pl.read_csv(
        path, separator="\t", has_header=False, new_columns=names, quote_char=None,
        infer_schema=False, encoding="utf8-lossy", truncate_ragged_lines=True,
    )


def time_of_day(text: pl.Expr) -> pl.Expr:
    """Minutes after midnight of the first h:mm, with an optional am/pm/noon marker."""
    parts = text.str.extract_groups(r"(?i)(\d{1,2}):(\d{2})\s*(a\.m\.|p\.m\.|am|pm|noon|a|p)?")
    hour = parts.struct.field("1").cast(pl.Int32, strict=False)
    minute = parts.struct.field("2").cast(pl.Int32, strict=False)
    marker = parts.struct.field("3").str.to_lowercase().str.slice(0, 1)
    hour = (
        pl.when(marker == "p").then(hour % 12 + 12)
        .when(marker == "a").then(hour % 12)
        .when(marker == "n").then(12)
        .otherwise(hour)
    )
    return (hour * 60 + minute).cast(pl.Float64)


def gate(text: pl.Expr) -> pl.Expr:
    """The text after the last ' - ', without the word 'gate' and spaces, upper-cased; no
    digit: no gate."""
    tail = text.str.split(" - ").list.last()
    norm = tail.str.replace_all(r"(?i)gate", "").str.replace_all(r"\s+", "").str.to_uppercase()
    return pl.when(norm.str.contains(r"\d")).then(norm).otherwise(None)


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


def letters(text: pl.Expr) -> pl.Expr:
    """Accents stripped, lower-case letters only."""
    return text.str.to_lowercase().str.normalize("NFKD").str.replace_all(r"[^a-z]", "")


def flight_gold(root: Path = DATA / "flight_li2013") -> pl.DataFrame:
    frames = []
    for path in sorted((root / "gold").glob("*.txt")):
        raw = _tsv(path, ["flight", *FLIGHT_ATTRIBUTES])
        long = raw.rename(FLIGHT_ATTRIBUTES).unpivot(
            index="flight", variable_name="attribute", value_name="text"
        )
        is_time = pl.col("attribute").is_in(FLIGHT_TIMES)
        frames.append(
            long.select(
                entity=pl.col("flight") + "@" + path.stem,
                attribute="attribute",
                number=pl.when(is_time).then(time_of_day(pl.col("text"))),
                value=pl.when(is_time)
                .then(time_of_day(pl.col("text")).cast(pl.Int64).cast(pl.String))
                .otherwise(gate(pl.col("text"))),
            ).filter(pl.col("value").is_not_null())
        )
    return (
        pl.concat(frames)
        .group_by("entity", "attribute")
        .agg(gold_value=pl.col("value").unique().sort(), gold_number=pl.col("number").unique())
    )


def book_gold(root: Path = DATA / "book_dong2009") -> pl.DataFrame:
    """The sorted surname multiset of each gold book ("last, first; last, first")."""
    lines = pl.read_csv(
        root / "book_golden.txt", separator="\t", has_header=False, new_columns=["isbn", "list"],
        quote_char=None, infer_schema=False,
    ).filter(pl.col("list").is_not_null())
    return (
        lines.with_columns(entity=isbn10(pl.col("isbn").str.strip_chars()))
        .with_columns(name=pl.col("list").str.split(";"))
        .explode("name")
        .with_columns(surname=letters(pl.col("name").str.split(",").list.first()))
        .filter(pl.col("surname").str.len_chars() > 0)
        .group_by("entity")
        .agg(members=pl.col("surname").sort())
        .select(
            "entity",
            attribute=pl.lit("authors"),
            gold_value=pl.concat_list(pl.col("members").list.join(";")),
            gold_number=pl.lit(None, pl.List(pl.Float64)),
        )
    )


def population_gold(root: Path = DATA / "population_pasternack2010") -> pl.DataFrame:
    """`city, state, YEAR, population`, keyed `city, state_YEAR` as the claims are."""
    text = (root / "population-gd.txt").read_text(encoding="latin-1")
    lines = pl.DataFrame({"line": text.split("\n")}).filter(pl.col("line").str.len_chars() > 0)
    parts = pl.col("line").str.split(", ")
    return lines.select(
        entity=parts.list.slice(0, parts.list.len() - 2).list.join(", ") + "_" + parts.list.get(-2),
        attribute=pl.lit("population"),
        gold_number=pl.concat_list(parts.list.get(-1).cast(pl.Float64)),
    ).with_columns(
        gold_value=pl.col("gold_number").list.eval(pl.element().cast(pl.Int64).cast(pl.String))
    )


def flights_day_gold(root: Path = DATA / "flights_holoclean") -> pl.DataFrame:
    """The curated clean table: one true time per (flight, attribute), written in every row."""
    clean = pl.read_csv(root / "flights_clean.csv", infer_schema=False)
    return (
        clean.unpivot(index="flight", on=list(FLIGHTS_DAY), variable_name="column")
        .select(
            entity="flight",
            attribute=pl.col("column").replace_strict(FLIGHTS_DAY),
            number=time_of_day(pl.col("value")),
        )
        .drop_nulls("number")
        .group_by("entity", "attribute")
        .agg(
            gold_value=pl.col("number").unique().cast(pl.Int64).cast(pl.String),
            gold_number=pl.col("number").unique(),
        )
    )


GOLD = {
    "flight": flight_gold,
    "flights_day": flights_day_gold,
    "book": book_gold,
    "population": population_gold,
}


def normalised(name: str, resolved: pl.DataFrame) -> pl.DataFrame:
    """The report's resolved rows (entity, attribute, value as JSON text, confidence) as the
    gold compares them: value (String) and number (Float64 or null)."""
    v = pl.col("value")
    if name == "book":
        names = v.str.json_decode(pl.List(pl.String))
        surnames = names.list.eval(letters(pl.element().str.split(" ").list.last())).list.eval(
            pl.element().filter(pl.element().str.len_chars() > 0)
        )
        return resolved.select(
            entity=isbn10(pl.col("entity")),
            attribute="attribute",
            value=surnames.list.sort().list.join(";"),
            number=pl.lit(None, pl.Float64),
            confidence="confidence",
        )
    number = v.cast(pl.Float64, strict=False)
    text = pl.when(v.str.starts_with('"')).then(v.str.json_decode(pl.String)).otherwise(v)
    if name == "flight":
        value = pl.when(pl.col("attribute").is_in(FLIGHT_TIMES)).then(
            number.cast(pl.Int64).cast(pl.String)
        ).otherwise(gate(text))
    else:
        value = number.cast(pl.Int64).cast(pl.String)
    return resolved.select("entity", "attribute", value=value, number=number,
                           confidence="confidence")
