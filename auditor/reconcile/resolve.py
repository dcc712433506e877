"""Resolution: the most likely true value, by a weighted vote of the sources.

One vote per source (its trust prior; user reviews weigh a fraction of editorial data); the
value with most weight wins; confidence is its share of the weight. Qualifier slots vote apart,
so a limited and a wide release date both resolve. A list attribute resolves to the members
that sources holding at least half the weight state. All of it is one polars pass.
"""

from __future__ import annotations

import json

import polars as pl

from auditor.reconcile.model import Resolved

_SCALAR = ("exact", "text", "date", "duration", "count", "score", "money")


def table(frame: pl.DataFrame) -> pl.DataFrame:
    """Every (entity, attribute, slot)'s winning value, over all claims."""
    scalar = frame.filter(pl.col("kind").is_in(_SCALAR)).with_columns(
        vslot=pl.col("slot"), vkey=pl.col("key")
    )
    won = _winners(scalar, ["entity", "attribute"])
    return won.rename({"vslot": "slot"}).select(
        "entity", "attribute", "slot", "value", "confidence", "sources"
    )


def _winners(votes: pl.DataFrame, group: list[str]) -> pl.DataFrame:
    """The winning key per (*group, vslot): one vote per source, weights summed per key."""
    # Values sort capitals first, so the display form prefers a page that keeps them.
    per_source = votes.group_by(*group, "vslot", "vkey", "source").agg(
        pl.col("weight").max(), pl.col("value").sort().first()
    )
    per_key = per_source.group_by(*group, "vslot", "vkey").agg(
        pl.col("weight").sum(),
        pl.col("source").sort().alias("sources"),
        pl.col("value").sort().first(),
    )
    totals = per_key.group_by(*group, "vslot").agg(pl.col("weight").sum().alias("total"))
    return (
        per_key.join(totals, on=[*group, "vslot"])
        .sort(
            [*group, "vslot", "weight", "vkey"],
            descending=[*([False] * len(group)), False, True, False],
        )
        .group_by(*group, "vslot", maintain_order=True)
        .first()
        .with_columns((pl.col("weight") / pl.col("total")).round(3).alias("confidence"))
    )


def for_findings(frame: pl.DataFrame, findings: pl.DataFrame) -> dict[int, Resolved]:
    """Resolved values of many findings at once.

    `findings` has fid, idx (list), cross_slot (bool: vote per slot), whole_set (bool: a list
    attribute resolving to its members), by_role (bool: cast claims vote with their character).
    """
    rows = findings.explode("idx").join(
        frame.select("idx", "source", "weight", "slot", "key", "key2", "kind", "value"),
        on="idx",
    )
    role = pl.col("by_role") & (pl.col("kind") == "cast")
    rows = rows.with_columns(
        vkey=pl.when(role).then(pl.col("key2")).otherwise(pl.col("key")),
        vslot=pl.when(pl.col("cross_slot")).then(pl.col("slot")).otherwise(pl.lit("")),
        role=role,
    )
    out: dict[int, Resolved] = {}
    scalar = rows.filter(~pl.col("whole_set"))
    if not scalar.is_empty():
        won = _winners(scalar, ["fid"]).sort("fid", "vslot")
        cross = dict(findings.select("fid", "cross_slot").iter_rows())
        roles = set(scalar.filter(pl.col("role"))["fid"].unique().to_list())
        by_fid: dict[int, list[dict]] = {}
        for r in won.iter_rows(named=True):
            by_fid.setdefault(r["fid"], []).append(r)
        for fid, parts in by_fid.items():
            values = {p["vslot"]: _decode(p["value"], fid in roles) for p in parts}
            srcs = tuple(sorted({s for p in parts for s in p["sources"]}))
            if cross[fid]:
                value = {(s or "unqualified"): v for s, v in values.items()}
                out[fid] = Resolved(value, min(p["confidence"] for p in parts), srcs)
            else:
                out[fid] = Resolved(values[""], parts[0]["confidence"], srcs)
    sets = rows.filter(pl.col("whole_set"))
    if not sets.is_empty():
        out.update(_set_votes(sets))
    return out


def _decode(value: str, role: bool):
    v = json.loads(value)
    return v["character"] if role and isinstance(v, dict) else v


def _set_votes(rows: pl.DataFrame) -> dict[int, Resolved]:
    source_weight = rows.group_by("fid", "source").agg(pl.col("weight").max())
    total = source_weight.group_by("fid").agg(pl.col("weight").sum().alias("total"))
    held = (
        rows.group_by("fid", "key", "source")
        .agg(pl.col("weight").max(), pl.col("value").sort().first())
        .group_by("fid", "key")
        .agg(
            pl.col("weight").sum(),
            pl.col("source").sort().alias("sources"),
            pl.col("value").sort().first(),
        )
        .join(total, on="fid")
        .with_columns((pl.col("weight") / pl.col("total")).alias("support"))
        .sort(["fid", "support", "key"], descending=[False, True, False])
        .with_columns(pl.col("support").rank("ordinal", descending=True).over("fid").alias("rank"))
        .filter((pl.col("support") >= 0.5) | (pl.col("rank") == 1))
    )
    out: dict[int, Resolved] = {}
    grouped = held.group_by("fid", maintain_order=True).agg(
        "value",
        pl.col("support").mean().round(3),
        pl.col("sources").list.explode(keep_nulls=False, empty_as_null=False).unique().sort(),
    )
    for r in grouped.iter_rows(named=True):
        values = []
        for v in r["value"]:
            d = json.loads(v)
            values.append(d["actor"] if isinstance(d, dict) and "actor" in d else d)
        out[r["fid"]] = Resolved(values, r["support"], tuple(r["sources"]))
    return out


def decoded(frame: pl.DataFrame) -> list[dict]:
    return [{**r, "value": json.loads(r["value"])} for r in frame.iter_rows(named=True)]
