"""Reading one table file into a frame of text cells, whatever its format.

Every cell comes back as text (`raw` is the cell's text): CSV/TSV are read without type
inference; typed formats (Parquet, JSON, JSON Lines, SQLite) have their values written as text.
A file that cannot be read raises a `DocumentError` naming it and what to change.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import sqlite3
import zlib
from contextlib import closing
from pathlib import Path

import polars as pl

from auditor.errors import DocumentError
from auditor.tablespec import TableSpec

_GZIP = b"\x1f\x8b"
_BARE_CR = re.compile(rb"\r(?!\n)")


def read(path: Path, document: str, spec: TableSpec) -> pl.DataFrame:
    frame = _read(path, document, spec)
    if not frame.width:  # "[]", or objects without keys
        raise _empty(document, spec)
    return frame


def _read(path: Path, document: str, spec: TableSpec) -> pl.DataFrame:
    fmt = spec.format_of(path)
    try:
        if fmt == "parquet" and not path.stat().st_size:  # (a SQLite file may be empty)
            raise _empty(document, spec)
        if fmt in ("csv", "tsv"):
            return _delimited(_bytes(path, document, spec), fmt, spec, document)
        if fmt == "jsonl":
            data = _bytes(path, document, spec)
            try:
                return _as_text(pl.read_ndjson(io.BytesIO(data)))
            except pl.exceptions.PolarsError:  # a key whose values differ in type, or a bad line
                return _records(_json_lines(data, document))
        if fmt == "json":
            return _json_records(_bytes(path, document, spec), document)
        if fmt == "parquet":
            return _as_text(pl.read_parquet(path))
        return _sqlite(path, document, spec)
    except DocumentError:
        raise
    except (pl.exceptions.PolarsError, OSError, ValueError, sqlite3.Error) as exc:
        problem = " ".join(str(exc).split())[:300]
        settings = "table/query" if fmt == "sqlite" else "format/header/names/delimiter"
        raise DocumentError(
            document,
            f"cannot be read as {fmt} ({type(exc).__name__}: {problem})",
            f"check the file, or the {settings} in {spec.where}",
        ) from None


def _empty(document: str, spec: TableSpec) -> DocumentError:
    return DocumentError(
        document, "is empty", f"export the table again, or remove it from path in {spec.where}"
    )


def _json_lines(data: bytes, document: str) -> list[dict]:
    """One object a line, each line read alone: a bad one is named by its line number (a JSON
    error's own line is always 1)."""
    rows = []
    for n, line in enumerate(data.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DocumentError(
                document, f"line {n} is not JSON ({exc.msg}, column {exc.colno})", "fix that line"
            ) from None
        except RecursionError:
            raise DocumentError(
                document, f"line {n} is nested deeper than JSON can be read", "fix that line"
            ) from None
        if not isinstance(row, dict):
            raise DocumentError(
                document, f"line {n} is not a JSON object", "write one object (one row) a line"
            )
        rows.append(row)
    return rows


def _bytes(path: Path, document: str, spec: TableSpec) -> bytes:
    """The file's bytes, gunzipped, as UTF-8."""
    data = path.read_bytes()
    if data[:2] == _GZIP:
        try:
            data = gzip.decompress(data)
        except (EOFError, OSError, zlib.error) as exc:
            raise DocumentError(
                document,
                f"is a truncated or damaged gzip file ({exc})",
                "compress the table again, or export it again",
            ) from None
    if not data.strip():
        raise _empty(document, spec)
    if spec.encoding.replace("_", "-").lower() in ("utf-8", "utf8"):
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            raise DocumentError(
                document,
                f"is not UTF-8 text (line {line})",
                f'set encoding (e.g. encoding = "latin-1") in {spec.where}',
            ) from None
        return data
    try:
        return data.decode(spec.encoding).encode("utf-8")
    except (LookupError, UnicodeDecodeError) as exc:
        raise DocumentError(
            document,
            f"cannot be decoded as {spec.encoding} ({exc})",
            f"fix encoding in {spec.where}",
        ) from None


def _delimited(data: bytes, fmt: str, spec: TableSpec, document: str) -> pl.DataFrame:
    separator = spec.delimiter or ("\t" if fmt == "tsv" else ",")
    quote = (spec.quote if spec.quote is not None else '"' if fmt == "csv" else "") or None
    data = _line_ends(data, quote)
    try:
        return pl.read_csv(
            io.BytesIO(data),
            has_header=spec.header,
            new_columns=list(spec.names) if spec.names else None,
            separator=separator,
            quote_char=quote,
            infer_schema=False,
        )
    except pl.exceptions.PolarsError:
        problem = _first_bad_row(data, separator, quote, spec)
        if problem is None:
            raise
        raise DocumentError(
            document, problem, f"fix the file, or delimiter/quote/names in {spec.where}"
        ) from None


def _line_ends(data: bytes, quote: str | None) -> bytes:
    """A carriage return alone ends a line (an old Mac export, files pasted together) outside
    a quoted cell, as the csv module reads it; polars takes only \\n and \\r\\n, so such a file
    was one long header row."""
    if not _BARE_CR.search(data):
        return data
    if not quote:
        return _BARE_CR.sub(b"\n", data)
    q = re.escape(quote.encode())
    cells = re.compile(rb"%s(?:[^%s]+|%s%s)*%s|\r(?!\n)" % (q, q, q, q, q))
    return cells.sub(lambda m: b"\n" if m[0] == b"\r" else m[0], data)


def _first_bad_row(data: bytes, separator: str, quote: str | None, spec: TableSpec) -> str | None:
    """Where a delimited file stops being a table, read again with the csv module: polars
    says what went wrong but not on which row."""
    text = io.StringIO(data.decode("utf-8"), newline="")
    reader = csv.reader(
        text,
        delimiter=separator,
        quotechar=quote or '"',
        quoting=csv.QUOTE_NONE if not quote else csv.QUOTE_MINIMAL,
        strict=True,
    )
    width = len(spec.names) if spec.names and not spec.header else None
    try:
        for n, fields in enumerate(reader):
            if width is None:
                width = len(fields)
                continue
            if len(fields) != width and fields:
                row = n - 1 if spec.header else n
                return f"row {row} (line {reader.line_num}) has {len(fields)} fields, not {width}"
    except csv.Error as exc:
        return f"is not well-formed near line {reader.line_num} ({exc})"
    return None


def _json_records(data: bytes, document: str) -> pl.DataFrame:
    """A JSON array of objects, one a row (as APIs and spreadsheet exports write tables)."""
    if not data.lstrip().startswith(b"["):
        raise DocumentError(
            document,
            "is JSON but not an array of objects (one object a row)",
            'write one object a row in an array, or one a line with format = "jsonl"',
        )
    try:
        return _as_text(pl.read_json(io.BytesIO(data), infer_schema_length=None))
    except pl.exceptions.PolarsError:  # a key whose values differ in type
        return _records(json.loads(data))


def _records(rows: list) -> pl.DataFrame:
    """Objects whose values polars cannot give one type (a number here, a text there) as text
    cells, as `_as_text` writes them: nested values as JSON."""
    if not all(isinstance(r, dict) for r in rows):
        raise ValueError("a row is not an object")
    names = list(dict.fromkeys(k for r in rows for k in r))
    columns = {n: [_cell(r.get(n)) for r in rows] for n in names}
    return pl.DataFrame(columns, schema=dict.fromkeys(names, pl.String))


def _cell(value: object) -> str | None:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return str(value)


def _as_text(frame: pl.DataFrame) -> pl.DataFrame:
    """Typed columns as text: nested values as JSON, the rest as polars writes them."""
    return frame.select(
        pl.struct(c).struct.json_encode().str.slice(len(c) + 4).str.head(-1).alias(c)
        if isinstance(t, (pl.List, pl.Struct, pl.Array))
        else pl.col(c).cast(pl.String)
        for c, t in frame.schema.items()
    )


def _sqlite(path: Path, document: str, spec: TableSpec) -> pl.DataFrame:
    if not spec.query and not spec.table:
        raise DocumentError(document, "is a SQLite file", f"set table or query in {spec.where}")
    query = spec.query or f'SELECT * FROM "{spec.table.replace(chr(34), chr(34) * 2)}"'
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
        cursor = db.execute(query)
        names = [d[0] for d in cursor.description]
        rows = [[None if v is None else _text(v) for v in row] for row in cursor]
    return pl.DataFrame(rows, schema=dict.fromkeys(names, pl.String), orient="row")


def _text(value: object) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return str(value)
