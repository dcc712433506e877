"""The tables a configuration declares, read for an audit: claims, document records, capture
dates and error lines, in the forms the pipeline joins to the pages'."""

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
    records: tuple[DocumentRecord, ...] = ()  # one per (entity, source) of each table file
    captured: dict[str, str] = field(default_factory=dict)  # document -> capture date
    errors: tuple[str, ...] = ()  # one line per table that could not be read

    def documents(self) -> dict[str, list[tuple[str, str]]]:
        """entity -> [(source, document)], as reconciliation counts who states what."""
        out: dict[str, list[tuple[str, str]]] = {}
        for r in self.records:
            out.setdefault(r.entity, []).append((r.source, r.document))
        return out


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
        records=_records(claims, read),
        captured={r.document: r.captured for r in read if r.captured},
        errors=tuple(r.error for r in results if r.error),
    )


def _records(claims: pl.DataFrame, read: list[TableResult]) -> tuple[DocumentRecord, ...]:
    if claims.height == 0:
        return ()
    adapters = {r.document: r.adapter for r in read}
    captured = {r.document: r.captured for r in read}
    paths = {r.document: r.path for r in read}
    counts = (
        claims.group_by("entity", "source", "document").len().sort("entity", "source", "document")
    )
    return tuple(
        DocumentRecord(
            entity=e,
            source=s,
            document=d,
            adapter=adapters[d],
            claims=n,
            error=None,
            captured=captured[d],
            path=paths[d],
        )
        for e, s, d, n in counts.iter_rows()
    )
