"""Resolution: the most likely true value, by a weighted vote of the sources.

One vote per source (its trust prior; user reviews weigh a fraction of editorial data); the
value with most weight wins; confidence is its share of the weight. Qualifier slots vote apart,
so a limited and a wide release date both resolve. A list attribute resolves to the members
that sources holding at least half the weight state. All of it is one lazy polars query per
call; Python only decodes the winning values and wraps them.
"""

from __future__ import annotations

from typing import Any

import polars as pl

from auditor import kinds
from auditor.reconcile.display import form_expr
from auditor.reconcile.model import Resolved
from auditor.reconcile.prepare import value_order

_FLAGS = ("cross_slot", "whole_set", "by_role", "fuller")


def table(frame: pl.DataFrame) -> pl.LazyFrame:
    """The query for every (entity, attribute, slot)'s winning value, over all claims of the
    kinds whose claims state whole values (not a set's members: `ValueKind.member`)."""
    scalar = (
        frame.lazy()
        .filter(pl.col("kind").is_in([n for n, k in kinds.REGISTRY.items() if not k.member]))
        .select("item", "src", "source", "weight", "vc", "entity", "attribute", "slot", vkey="kc")
        .with_columns(fuller=pl.lit(False))
    )
    values = value_order(frame.get_column("value"))
    won = _winners(scalar, ["item"], values, ("entity", "attribute", "slot"))
    columns = ("entity", "attribute", "slot", "value", "confidence", "sources")
    return pl.concat([won.select(*columns), _lists(frame, values).select(*columns)])


def _lists(frame: pl.DataFrame, values: pl.Series) -> pl.LazyFrame:
    """A list attribute's items (claims of kinds whose claims are a set's members): the
    members that sources holding at least half the item's weight state (or the best one),
    as one JSON list in key order; the confidence is their mean support, the sources those
    stating any of them."""
    rows = (
        frame.lazy()
        .filter(pl.col("kind").is_in([n for n, k in kinds.REGISTRY.items() if k.member]))
        .select("item", "src", "source", "weight", "vc", "entity", "attribute", "slot", "kc")
        .rename({"item": "fid"})
    )
    members = rows.group_by("fid", "kc").agg(
        pl.col("vc").min(), pl.col("entity", "attribute", "slot").first()
    )
    held = _set_votes(rows, values).explode("value").join(
        members.with_columns(value=pl.lit(values).gather(pl.col("vc"))),
        on=["fid", "value"],
    )
    return held.sort("fid", "kc").group_by("fid", maintain_order=True).agg(
        pl.col("entity", "attribute", "slot", "support", "sources").first(),
        pl.format("[{}]", pl.col("value").str.join(",")).alias("value"),
    ).rename({"support": "confidence"})


def _sum(weights: pl.Expr) -> pl.Expr:
    """A sum of vote weights that does not depend on the order polars adds them in: 0.7 + 1.0
    + 0.7 + 1.0 is 3.4 or 3.4000000000000004 by order, and 1.7 of it "half" or not."""
    return weights.sum().round(9)


def _winners(
    votes: pl.LazyFrame, group: list[str], values: pl.Series, names: tuple[str, ...] = ()
) -> pl.LazyFrame:
    """The winning key per group (`group` and its columns `names`): one vote per source (`src`,
    named by `source`), weights summed per key (`vkey`); its value is the form most of its
    sources write (display.form_expr, on the value codes `vc`), named from `values`
    (prepare.value_order)."""
    per_source = votes.group_by(*group, "vkey", "src").agg(
        pl.col("weight").max(), pl.col("vc").min(), pl.col("source", "fuller", *names).first()
    )
    per_key = per_source.group_by(*group, "vkey").agg(
        _sum(pl.col("weight")),
        pl.col("source").sort().alias("sources"),
        form_expr(pl.col("vc")),
        pl.col("fuller", *names).first(),
    )
    totals = per_key.group_by(*group).agg(_sum(pl.col("weight")).alias("total"))
    # a tie between two forms of one name goes to the one that says most (in full over its
    # initials); any other tie to the smallest key
    says = pl.when("fuller").then(pl.lit(values).gather(pl.col("vc")).str.len_chars())
    says = says.otherwise(0).alias("says")
    return (
        per_key.join(totals, on=group)
        .with_columns(says)
        .sort(
            [*group, "weight", "says", "vkey"],
            descending=[*([False] * len(group)), True, True, False],
        )
        .group_by(*group, maintain_order=True)
        .first()
        .with_columns(
            (pl.col("weight") / pl.col("total")).round(3).alias("confidence"),
            value=pl.lit(values).gather(pl.col("vc")),
        )
    )


def plan(
    frame: pl.DataFrame, claims: pl.DataFrame, flags: pl.DataFrame, values: pl.Series
) -> tuple[pl.LazyFrame, pl.LazyFrame, pl.LazyFrame]:
    """The queries resolving many findings: winning values (per slot of a cross-slot
    finding), the findings voting by role, and whole sets.

    `claims` pairs each finding's fid with its claims' idx, one row per claim; `flags` has, per
    fid, cross_slot (bool: vote per slot), whole_set (bool: a list attribute resolving to its
    members), by_role (bool: cast claims vote with their character) and fuller (bool: a tie
    goes to the form that says most); `values` names the value codes (prepare.value_order).
    """
    # Claim columns gathered by idx (a frame row's idx is its position), flags by fid.
    rows = claims.lazy().with_columns(
        *(
            pl.lit(frame.get_column(c)).gather(pl.col("idx"))
            for c in ("src", "source", "weight", "slot", "sc", "kc", "k2c", "compares", "vc")
        ),
        *(pl.lit(flags.get_column(c)).gather(pl.col("fid")) for c in _FLAGS),
    )
    role = pl.col("by_role") & (pl.col("compares") == "cast")
    cross = pl.col("cross_slot")
    rows = rows.with_columns(
        vkey=pl.when(role).then(pl.col("k2c")).otherwise(pl.col("kc")),
        vslot=pl.when(cross).then(pl.col("slot")).otherwise(pl.lit("")),
        vsc=pl.when(cross).then(pl.col("sc")).otherwise(pl.lit(0, pl.UInt32)),
        role=role,
    )
    # Winning values: one per finding, or per slot of a cross-slot finding (in slot order).
    scalar = rows.filter(~pl.col("whole_set"))
    won = (
        _winners(scalar, ["fid", "vsc"], values, ("vslot",))
        .select(
            "fid",
            "vslot",
            "value",
            _plain_string(pl.col("value")).alias("text"),
            _plain_int(pl.col("value")).alias("int"),
            "confidence",
            "sources",
            pl.lit(flags.get_column("cross_slot")).gather(pl.col("fid")),
        )
        .sort("fid", "vslot")
    )
    roles = scalar.filter(pl.col("role")).select("fid").unique()
    return won, roles, _set_votes(rows.filter(pl.col("whole_set")), values)


def values(
    won: pl.DataFrame, roles: pl.DataFrame, held: pl.DataFrame, n: int
) -> list[Resolved | None]:
    """Resolved values of fid 0..n-1 (None where there is nothing to resolve), from the
    collected `plan`. Values polars decoded (plain strings, integers) are taken as they are;
    the rest are decoded here, each distinct text once."""
    out: list[Resolved | None] = [None] * n
    by_role = set(roles.get_column("fid").to_list())
    # Single-slot findings, column by column.
    single = won.filter(~pl.col("cross_slot"))
    fids, raw, value, number = (
        single.get_column(c).to_list() for c in ("fid", "value", "text", "int")
    )
    for k in [k for k, v in enumerate(value) if v is None]:
        value[k] = number[k] if number[k] is not None else _decode(raw[k], fids[k] in by_role)
    made = map(
        Resolved,
        value,
        single.get_column("confidence").to_list(),
        map(tuple, single.get_column("sources").to_list()),
    )
    for fid, resolved in zip(fids, made, strict=True):
        out[fid] = resolved
    # Cross-slot findings: a value per slot.
    slots: dict[int, list[tuple[str, Any, float, list[str]]]] = {}
    for fid, slot, raw_value, text, number_value, confidence, srcs, _ in _rows(
        won.filter(pl.col("cross_slot"))
    ):
        if text is None:
            text = number_value if number_value is not None else _decode(raw_value, fid in by_role)
        slots.setdefault(fid, []).append((slot, text, confidence, srcs))
    for fid, parts in slots.items():
        value = {(s or "unqualified"): v for s, v, _, _ in parts}
        least = min(c for _, _, c, _ in parts)
        out[fid] = Resolved(value, least, tuple(sorted({x for *_, xs in parts for x in xs})))
    # Whole sets: their members.
    for fid, raw_members, texts, support, srcs in _rows(held):
        if None in texts:
            texts = [
                t if t is not None else _member(v) for v, t in zip(raw_members, texts, strict=True)
            ]
        out[fid] = Resolved(texts, support, tuple(srcs))
    return out


def _decode(raw: str, role: bool) -> Any:
    """A winning value's JSON text decoded (kinds.decode); by role, a cast entry's character."""
    v = kinds.decode(raw)
    return v["character"] if role and isinstance(v, dict) else v


def _rows(frame: pl.DataFrame):
    return zip(*(frame.get_column(c).to_list() for c in frame.columns), strict=True)


def _plain_string(value: pl.Expr) -> pl.Expr:
    """A JSON string value without escapes, decoded (its quotes dropped); else null, and Python
    decodes it. Most winning values are such strings: names, titles, dates."""
    plain = value.str.starts_with('"') & ~value.str.contains("\\", literal=True)
    return pl.when(plain).then(value.str.slice(1, value.str.len_chars() - 2))


def _plain_int(value: pl.Expr) -> pl.Expr:
    """A JSON integer value (a runtime, a count) as an integer; else null."""
    return pl.when(value.str.contains(r"^-?(?:0|[1-9][0-9]{0,17})$")).then(
        value.cast(pl.Int64, strict=False)
    )


def _set_votes(rows: pl.LazyFrame, values: pl.Series) -> pl.LazyFrame:
    """Per whole-set finding: the members held by at least half the weight (or the best one),
    their mean support and the sources stating them. Grouped on codes (src, vc); `values`
    names the value codes (prepare.value_order)."""
    source_weight = rows.group_by("fid", "src").agg(pl.col("weight").max())
    total = source_weight.group_by("fid").agg(_sum(pl.col("weight")).alias("total"))
    held = (
        rows.group_by("fid", "kc", "src")
        .agg(pl.col("weight").max(), pl.col("vc").min(), pl.col("source").first())
        .group_by("fid", "kc")
        .agg(
            _sum(pl.col("weight")),
            pl.col("source").sort().alias("sources"),
            pl.col("vc").min(),
        )
        .join(total, on="fid")
        .with_columns((pl.col("weight") / pl.col("total")).alias("support"))
        .sort(["fid", "support", "kc"], descending=[False, True, False])
        .with_columns(pl.col("support").rank("ordinal", descending=True).over("fid").alias("rank"))
        .filter((pl.col("support") >= 0.5) | (pl.col("rank") == 1))
        .with_columns(value=pl.lit(values).gather(pl.col("vc")))
    )
    return held.group_by("fid", maintain_order=True).agg(
        "value",
        _plain_string(pl.col("value")).alias("text"),
        pl.col("support").mean().round(3),
        pl.col("sources").list.explode(keep_nulls=False, empty_as_null=False).unique().sort(),
    )


def _member(value: str):
    d = kinds.decode(value)
    return d["actor"] if isinstance(d, dict) and "actor" in d else d


def decoded(frame: pl.DataFrame) -> list[dict]:
    return [{**r, "value": kinds.decode(r["value"])} for r in frame.iter_rows(named=True)]
