"""Per-source tables: one row per entity, one typed column per attribute, pivoted from claims.

Dates are dates, money is numbers beside a scope column, runtimes are minutes, ratings keep
their scale, counts are integers; list attributes (genres, people) are list columns. Each row
keeps the document it came from and, when known, when that document was captured, so that an
expectation's unexpected values can name their documents.
"""

from __future__ import annotations

import polars as pl

from auditor import kinds
from auditor.attributes import DEFAULTS, AttributeSpec
from auditor.claims import EDITORIAL
from auditor.kinds.base import COLUMN_READS, KEY, as_json_reads
from auditor.kinds.date import as_date


class _Claims:
    """Editorial claims split by attribute once, so each column costs one small frame."""

    def __init__(self, claims: pl.DataFrame) -> None:
        ed = claims.select(*COLUMN_READS, "attribute", "document", "origin").filter(
            pl.col("origin") == EDITORIAL
        )
        self.all = ed
        self._empty = ed.clear()
        self._parts = {k[0]: v for k, v in ed.partition_by("attribute", as_dict=True).items()}

    def of(self, attribute: str, spec: AttributeSpec) -> pl.DataFrame:
        """The claims the attribute's column is made of: those of its `column_qualifier` and
        those naming none, where the catalog names one (a site's score), else all."""
        frame = self._parts.get(attribute, self._empty)
        if not spec.column_qualifier:
            return frame
        q = pl.col("qualifier")
        return frame.filter(q.is_null() | (q == spec.column_qualifier))


def build(
    claims: pl.DataFrame,
    captured: dict[str, str] | None = None,
    specs: dict[str, AttributeSpec] | None = None,
) -> dict[str, pl.DataFrame]:
    """source -> its table. Only editorial claims: user reviews are not the site's data.

    Every attribute of the default catalog has its column(s), stated or not, and so has every
    other attribute some claim states; each is made by its value kind (auditor.kinds). An
    attribute no spec describes is typed by what its values' JSON is."""
    specs = DEFAULTS if specs is None else specs
    c = _Claims(claims)
    cap = pl.DataFrame(
        {"document": list((captured or {}).keys()), "captured": list((captured or {}).values())},
        schema={"document": pl.String, "captured": pl.String},
    )
    table = (
        c.all.unique(KEY, keep="first")
        .select(*KEY, "document")
        .join(cap, on="document", how="left")
        .with_columns(
            capture_year=pl.col("captured").str.slice(0, 4).cast(pl.Int64, strict=False),
            capture_date=as_date(pl.col("captured")),
        )
        .drop("captured")
    )
    stated = set(c.all.get_column("attribute").unique().to_list()) - set(DEFAULTS)
    for attribute in [*DEFAULTS, *sorted(stated)]:
        spec = specs.get(attribute)
        if spec is None:
            plain = AttributeSpec(attribute, "text")
            part = as_json_reads(c.of(attribute, plain), plain)
        else:
            part = kinds.get(spec.kind).column(c.of(attribute, spec), spec)
        if part is not None:
            table = table.join(part, on=KEY, how="left")
    return {
        source: frame.drop("source").sort("entity")
        for (source,), frame in table.partition_by("source", as_dict=True).items()
    }
