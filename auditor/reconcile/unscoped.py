"""An unscoped figure's scope, for resolution: the scoped figure it restates.

Sites often give a gross without saying where it was earned ("Box Office: $2,350,000"), beside
others that do ("$2,350,000 (USA)"). Resolved on its own, such a figure makes a slot of its own
whose "most likely" value is whichever unscoped figure the most trusted source wrote, a mix of
scopes; and the scoped slot it restates is resolved without its support. So, for resolution
only, an unscoped figure joins the one scope of its item whose figures it restates, in the
same currency: the same amount; else the same digits in another order (a mistyped copy of that
figure, as the transposed-digits finding reads it); else one within the attribute's tolerance. A
figure that restates none, or several scopes, stays unscoped. The comparators keep the claims'
own slots: what a source said is not changed, only which fact its figure is counted for.
"""

from __future__ import annotations

import polars as pl

from auditor import kinds
from auditor.reconcile.comparators.scalar import sorted_digits
from auditor.reconcile.prepare import Settings

_KEY = r"^([^:]*):(-?[\d.]+)-(-?[\d.]+)$"  # an amount's key: "USD:2350000-2350000"


def placed(frame: pl.DataFrame, settings: Settings) -> pl.DataFrame:
    """The prepared claims (reconcile.prepare) with each unscoped amount that restates one
    scope of its item moved to that scope's slot (and its item and slot codes)."""
    tolerance = {
        n: s.tolerance
        for n, s in settings.specs.items()
        if s.qualifier == "slot" and not s.multi and kinds.get(s.kind).compares == "money"
    }
    if not tolerance:
        return frame
    amounts = (
        frame.lazy()
        .filter(pl.col("attribute").is_in(list(tolerance)) & pl.col("key").is_not_null())
        .select(
            "idx",
            "entity",
            "attribute",
            "slot",
            "key",
            "item",
            "sc",
            currency=pl.col("key").str.extract(_KEY, 1),
            low=pl.col("key").str.extract(_KEY, 2).cast(pl.Float64, strict=False),
            high=pl.col("key").str.extract(_KEY, 3).cast(pl.Float64, strict=False),
        )
        .filter(pl.col("currency").is_not_null() & (pl.col("low") == pl.col("high")))
        .with_columns(digits=sorted_digits(pl.col("low").cast(pl.Int64, strict=False)))
    )
    scoped = amounts.filter(pl.col("slot") != "").select(
        "entity", "attribute", "currency", "slot", "item", "sc", "key",
        amount="low", digits="digits",
    )  # fmt: skip
    loose = amounts.filter(pl.col("slot") == "").select(
        "idx", "entity", "attribute", "currency", "key", amount_u="low", digits_u="digits"
    )
    near = pl.col("attribute").replace_strict(tolerance, default=0.0, return_dtype=pl.Float64)
    matched = (
        loose.join(scoped, on=["entity", "attribute", "currency"])
        .with_columns(
            tier=pl.when(pl.col("key") == pl.col("key_right"))
            .then(1)
            .when(pl.col("digits_u") == pl.col("digits"))
            .then(2)
            .when(
                (pl.col("amount_u") - pl.col("amount")).abs()
                <= near * pl.max_horizontal("amount_u", "amount") + 1e-9
            )
            .then(3)
        )
        # the closest kind of match decides: a figure stated in one scope and within the
        # tolerance of another's is the first's
        .filter(pl.col("tier") == pl.col("tier").min().over("idx"))
        .group_by("idx")
        .agg(pl.col("slot", "item", "sc").unique())
        .filter(pl.col("slot").list.len() == 1)
        .select(
            "idx",
            _slot=pl.col("slot").list.first(),
            _item=pl.col("item").list.first(),
            _sc=pl.col("sc").list.first(),
        )
        .collect()
    )
    if matched.is_empty():
        return frame
    return (
        frame.join(matched, on="idx", how="left", maintain_order="left")
        .with_columns(
            slot=pl.coalesce("_slot", "slot"),
            item=pl.coalesce("_item", "item"),
            sc=pl.coalesce("_sc", "sc"),
        )
        .drop("_slot", "_item", "_sc")
    )
