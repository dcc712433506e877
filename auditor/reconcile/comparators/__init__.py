"""Comparators per value kind. Each takes the prepared claims frame and returns findings: a
frame of them (`findings.table`), each naming a catalog reason, its fields and its claim ids.

They run in order; each takes the claims of the kinds whose `comparator` names it (the registry,
auditor.kinds: `Comparator.kinds`), does the per-claim work with polars, and builds findings
only for the (entity, attribute) groups that disagree. Where it compares several kinds, it
branches on the comparison a kind shares (`ValueKind.compares`: the `compares` column,
`Context.compares`), never on the kind itself, so a kind that borrows another's comparison
needs no change here. A comparator that no kind names (coverage) looks at every attribute.

A comparator is split in two: `plan` returns the polars queries it needs (lazy frames over the
prepared claims) and `build` turns their collected frames into findings. Those that do not read
the learned vote weights (`weighs`) find theirs while truth discovery runs in the background.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import polars as pl

from auditor import kinds
from auditor.reconcile.comparators import characters, coverage, dates, measures, scalar, sets
from auditor.reconcile.findings import table
from auditor.reconcile.model import Context, Finding


@dataclass(frozen=True)
class Comparator:
    name: str
    # (ctx, the kinds it takes) -> the polars queries its build reads
    queries: Callable[[Context, tuple[str, ...]], tuple[pl.LazyFrame, ...]]
    # (ctx, *frames of the plan) -> findings: records, or a frame of `findings.SCHEMA`
    build: Callable[..., list[Finding] | pl.DataFrame]
    # whether it reads the claims' `weight`, learned from the whole catalog (auditor.truth):
    # the others run while truth discovery does
    weighs: bool = False

    @property
    def kinds(self) -> tuple[str, ...]:
        """The kinds whose claims it takes: those whose `comparator` names it."""
        return kinds.compared_by(self.name)

    def plan(self, ctx: Context) -> tuple[pl.LazyFrame, ...]:
        """The queries over the claims of its kinds."""
        return self.queries(ctx, self.kinds)

    def findings(self, ctx: Context, *frames: pl.DataFrame) -> pl.DataFrame:
        """The findings built from the plan's collected frames, as one frame
        (`findings.table`)."""
        found = self.build(ctx, *frames)
        return found if isinstance(found, pl.DataFrame) else table(found)


CHAIN = tuple(
    Comparator(m.__name__.rsplit(".", 1)[-1], m.plan, m.build, getattr(m, "WEIGHS", False))
    for m in (scalar, measures, dates, sets, characters, coverage)
)

__all__ = ["CHAIN", "Comparator"]
