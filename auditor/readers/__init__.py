"""Table readers: the tables a configuration declares, read into claims beside the pages'.

`read_tables(specs, attributes)` globs each declared path, reads every file (CSV/TSV with or
without a header, gzip, Parquet, JSON Lines, SQLite) into text cells (`formats`), and turns
the cells into claims located by (row, column) (`cells`). A table that cannot be read is one
result with an error line naming the file; the other tables are still read.
"""

from __future__ import annotations

import glob
import os
import re
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from auditor.attributes import AttributeSpec
from auditor.claims import empty_frame
from auditor.errors import AuditorError, DocumentError
from auditor.normalize.dates import parse_date
from auditor.readers.cells import claims_of, file_parts, fill
from auditor.readers.formats import read
from auditor.tablespec import TableSpec

__all__ = ["TableResult", "read_table", "read_tables"]


@dataclass(frozen=True)
class TableResult:
    """One table file: its claims (a claims frame), or the error that stopped it."""

    document: str  # the file's path relative to the configuration's folder
    path: Path | None
    format: str | None
    claims: pl.DataFrame
    captured: str | None = None
    error: str | None = None
    note: str | None = None  # the cells read as no value (readers.cells)

    @property
    def adapter(self) -> str:
        return f"table:{self.format}" if self.format else "table"


def read_tables(
    specs: tuple[TableSpec, ...], attributes: dict[str, AttributeSpec]
) -> list[TableResult]:
    results: list[TableResult] = []
    for spec in specs:
        pattern = str(spec.base / spec.path)
        paths = sorted(Path(p) for p in glob.glob(pattern, recursive=True) if Path(p).is_file())
        if not paths:
            results.append(
                TableResult(
                    spec.path,
                    None,
                    spec.format,
                    empty_frame(),
                    error=f"{spec.where}: path {spec.path!r} matches no file; "
                    "fix the path (it is relative to the configuration file)",
                )
            )
        results += [read_table(spec, path, attributes) for path in paths]
    return results


def read_table(spec: TableSpec, path: Path, attributes: dict[str, AttributeSpec]) -> TableResult:
    """Never raises for a bad table: the error is recorded and the others go on."""
    document = _relative(path, spec.base)
    fmt = None
    try:
        fmt = spec.format_of(path)
        parts = file_parts(path, spec, document)
        frame = read(path, document, spec)
        claims, note = claims_of(frame, spec, document, parts, attributes)
        if spec.exclude_sources:  # after reading, so that rows keep their numbers
            claims = claims.filter(~pl.col("source").is_in(spec.exclude_sources))
        captured = _captured(spec, parts, frame, document)
        return TableResult(document, path, fmt, claims, captured, note=note)
    except DocumentError as exc:
        return TableResult(document, path, fmt, empty_frame(), error=str(exc))
    except AuditorError as exc:
        return TableResult(document, path, fmt, empty_frame(), error=f"{document}: {exc}")
    except Exception as exc:  # noqa: BLE001 - one bad table must not stop the audit
        problem = " ".join(str(exc).split())[:200]
        return TableResult(
            document,
            path,
            fmt,
            empty_frame(),
            error=f"{document}: reading it failed ({type(exc).__name__}: {problem}); report "
            "this with the table attached",
        )


def _relative(path: Path, base: Path) -> str:
    return Path(os.path.relpath(path.resolve(), base.resolve())).as_posix()


def _captured(
    spec: TableSpec, parts: dict[str, str], frame: pl.DataFrame, document: str
) -> str | None:
    """When the file was captured: its `captured` value or file-name part, or the latest date
    of its capture column, as an ISO date."""
    if spec.captured:
        text = fill(spec.captured, parts)
    elif spec.captured_column:
        dates = frame.get_column(spec.captured_column).drop_nulls().unique().to_list()
        iso = sorted(d for d in map(_iso, dates) if d)
        return iso[-1] if iso else None
    else:
        return None
    iso = _iso(text)
    if iso is None:
        raise DocumentError(
            document, f"its capture date {text!r} is not a date", f"fix captured in {spec.where}"
        )
    return iso


def _iso(text: str) -> str | None:
    m = re.fullmatch(r"\s*(\d{4})(\d{2})(\d{2})\s*", text)
    return f"{m[1]}-{m[2]}-{m[3]}" if m else parse_date(text)
