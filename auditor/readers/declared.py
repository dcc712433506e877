"""The tables a configuration declares, read for an audit: claims, document records, capture
dates and error lines, in the forms the pipeline joins to the pages'.

A table file is one document, however many entities and sources its rows state: its record
counts its claims, entities and sources. Who states what about an entity (for reconciliation
and an entity's page) is read off the claims frame, not kept as a record per (entity, source).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from auditor.attributes import catalog
from auditor.claims import empty_frame
from auditor.config import Config
from auditor.readers import TableResult, read_tables
from auditor.report.model import DocumentRecord
from auditor.tablespec import parse_tables


@dataclass(frozen=True)
class Tables:
    claims: pl.DataFrame = field(default_factory=empty_frame)
    records: tuple[DocumentRecord, ...] = ()  # one per table file read
    captured: dict[str, str] = field(default_factory=dict)  # document -> capture date
    errors: tuple[str, ...] = ()  # one line per table that could not be read

    def documents(self) -> dict[str, list[tuple[str, str]]]:
        """entity -> [(source, document)] of every source that states something of the entity
        in a table file, as reconciliation counts who states what."""
        # Few distinct (source, document) pairs, many entities: each pair is made once and
        # shared by every entity's list rather than made again per (entity, source).
        stated = self.claims.select("entity", "source", "document").unique(maintain_order=True)
        pairs = stated.select("source", "document").unique(maintain_order=True)
        shared = list(pairs.iter_rows())
        by_entity = (
            stated.join(
                pairs.with_row_index("pair"),
                on=["source", "document"],
                how="left",
                maintain_order="left",
            )
            .group_by("entity", maintain_order=True)
            .agg("pair")
        )
        return {e: [shared[i] for i in codes] for e, codes in by_entity.iter_rows()}


def config_file(config: Config) -> tuple[Path, str]:
    """The file the configuration came from, and the key its tables sit under there."""
    path = config.file or config.root / "auditor.toml"
    return path, "tool.auditor.tables" if path.name == "pyproject.toml" else "tables"


def read_declared(config: Config) -> Tables:
    """Read every table of `config` (none declared: nothing to do)."""
    raw = config.settings.get("tables")
    if not raw:
        return Tables()
    path, key = config_file(config)
    specs = parse_tables(raw, path, key)
    results = read_tables(specs, catalog(config.settings.get("attributes")))
    read = [r for r in results if r.error is None]
    claims = pl.concat([r.claims for r in read]) if read else empty_frame()
    return Tables(
        claims=claims,
        records=_records(read),
        captured={r.document: r.captured for r in read if r.captured},
        errors=tuple(r.error for r in results if r.error),
    )


def _records(read: list[TableResult]) -> tuple[DocumentRecord, ...]:
    """A record per table file: its claims, and how many entities and which sources they
    are of (a file states many; its `entity` is None, and its `source` too unless fixed)."""
    records = []
    for r in read:
        sources = r.claims.get_column("source").unique().sort().to_list()
        records.append(
            DocumentRecord(
                entity=None,
                source=sources[0] if len(sources) == 1 else None,
                document=r.document,
                adapter=r.adapter,
                claims=r.claims.height,
                error=None,
                captured=r.captured,
                note=r.note,
                path=r.path,
                entities=r.claims.get_column("entity").n_unique(),
                sources=tuple(sources),
            )
        )
    return tuple(records)
