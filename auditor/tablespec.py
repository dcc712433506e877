"""Tables declared in the configuration, checked and typed before anything is read.

`[[tool.auditor.tables]]` in pyproject.toml (`[[tables]]` in auditor.toml or a file given with
--config) says where a table is, how to read it, which column (or fixed name) is the source,
which columns and file-name parts make the entity, when it was captured, and which columns
state which attributes, with parsing hints; or, for a long table (one row per source, entity
and attribute, as truth-discovery data sets are often given), which column names each row's
attribute and which holds its value. A mistake is one `AuditorError` line naming the
file and the key, raised here rather than half-way through reading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from auditor.errors import AuditorError

FORMATS = ("csv", "tsv", "parquet", "jsonl", "json", "sqlite")
# File endings that name a format, compression endings stripped first.
_EXTENSIONS = {
    ".csv": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".sqlite": "sqlite",
    ".sqlite3": "sqlite",
    ".db": "sqlite",
}
_TABLE_KEYS = {
    "path",
    "format",
    "header",
    "names",
    "delimiter",
    "quote",
    "encoding",
    "table",
    "query",
    "source",
    "entity",
    "entity_separator",
    "pattern",
    "captured",
    "origin",
    "columns",
    "exclude_sources",
    "attribute",
    "value",
    "missing",
}
_COLUMN_KEYS = {
    "attribute", "split", "unit", "currency", "scope", "qualifier", "kind", "drop", "extract",
}  # fmt: skip
# A file-name part in an entity or capture template: "{stem}", "{name}", "{parent}", or a
# named group of the table's `pattern`.
PART = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class ColumnSpec:
    """How one column's cells become claims."""

    column: str
    attribute: str
    kind: str | None = None  # parse as this kind instead of the attribute's
    split: str | None = None  # one claim per member of a list cell (names: the separators)
    unit: str | None = None  # a bare number's: "min" makes "112" a duration; "°F" is read past
    currency: str | None = None  # a bare amount's currency: "USD"
    scope: str | None = None  # the qualifier of money claims: "usa", "worldwide"
    qualifier: str | None = None  # a fixed qualifier for every claim of the column
    drop: tuple[str, ...] = ()  # words a code column drops ("gate")
    # a regular expression whose first group (else whole match) is the part of each cell the
    # attribute reads: one column holding two figures ("0.52 (1.25%)") is listed as two specs
    extract: str | None = None


@dataclass(frozen=True)
class TableSpec:
    """One `[[tables]]` entry: `path` is a glob relative to `base` (the config file's folder)."""

    where: str  # "FILE: tables[2]", for messages
    base: Path
    path: str
    format: str | None = None  # None: from each file's extension
    header: bool = True
    names: tuple[str, ...] | None = None
    delimiter: str | None = None
    quote: str | None = None  # None: '"' for CSV, none for TSV; "": no quoting
    encoding: str = "utf-8"
    table: str | None = None  # sqlite: a table's name ...
    query: str | None = None  # ... or a query
    source_column: str | None = None
    source_name: str | None = None  # a fixed name, or a "{part}" template of the file name
    entity: tuple[str, ...] = ()  # column names and "{part}" templates
    entity_separator: str = "@"
    pattern: str | None = None  # a regex over the file name whose named groups are parts
    captured_column: str | None = None
    captured: str | None = None  # a date, or a "{part}" template
    origin: str = "editorial"
    columns: tuple[ColumnSpec, ...] = ()
    exclude_sources: tuple[str, ...] = ()  # rows of these sources are not read (an ablation)
    # A long table: each row's attribute is named in this column and its value is in
    # `value_column`; `columns` is then keyed by the attribute names the rows give (hints,
    # another attribute name), and a name it does not list is read as the attribute it names.
    attribute_column: str | None = None
    value_column: str | None = None
    # the table's own texts for no answer besides the usual markers ("can't tell", "unknown"),
    # matched whole, case and surrounding spaces aside: like a blank, neither claim nor note
    missing: tuple[str, ...] = ()

    def format_of(self, path: Path) -> str:
        if self.format:
            return self.format
        suffixes = [s.lower() for s in path.suffixes if s.lower() not in (".gz", ".gzip")]
        fmt = _EXTENSIONS.get(suffixes[-1] if suffixes else "")
        if fmt is None:
            raise AuditorError(
                f"{self.where}: cannot tell the format of {path.name} from its name; "
                f"set format to one of {', '.join(FORMATS)}"
            )
        return fmt

    @property
    def needed(self) -> tuple[str, ...]:
        """The table columns this spec reads, besides the attribute columns."""
        cols = [self.source_column, self.captured_column]
        cols += [e for e in self.entity if not PART.search(e)]
        cols += [self.attribute_column, self.value_column]
        return tuple(dict.fromkeys(c for c in cols if c))


def parse_tables(raw: Any, config_file: Path, key: str = "tables") -> tuple[TableSpec, ...]:
    """The typed specs of a configuration's `tables` list (None or missing: no tables)."""
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise AuditorError(f"{config_file}: {key} must be a list of tables ([[{key}]])")
    return tuple(_table(entry, config_file, f"{key}[{n}]") for n, entry in enumerate(raw))


def _table(entry: Any, config_file: Path, key: str) -> TableSpec:
    where = f"{config_file}: {key}"

    def bad(field: str, problem: str) -> AuditorError:
        return AuditorError(f"{where}.{field}: {problem}")

    if not isinstance(entry, dict):
        raise AuditorError(f"{where}: must be a table with at least path, source and entity")
    unknown = sorted(set(entry) - _TABLE_KEYS)
    if unknown:
        raise bad(unknown[0], f"unknown key; use one of {', '.join(sorted(_TABLE_KEYS))}")
    attribute_column = value_column = None
    if ("attribute" in entry) != ("value" in entry):
        missing = "value" if "attribute" in entry else "attribute"
        raise AuditorError(
            f"{where}: {missing} is missing; a long table names both the column of each row's "
            'attribute and that of its value: attribute = { column = "..." }, '
            'value = { column = "..." }'
        )
    if "attribute" in entry:
        attribute_column = _named_column(entry["attribute"], bad, "attribute")
        value_column = _named_column(entry["value"], bad, "value")
    required = ("path", "source", "entity") + (() if attribute_column else ("columns",))
    for key_name in required:
        if key_name not in entry:
            raise AuditorError(f"{where}: {key_name} is missing")
    path = _string(entry["path"], bad, "path")
    fmt = entry.get("format")
    if fmt is not None and fmt not in FORMATS:
        raise bad("format", f"{fmt!r} is not one of {', '.join(FORMATS)}")
    header = entry.get("header", True)
    if not isinstance(header, bool):
        raise bad("header", "must be true or false")
    names = entry.get("names")
    if names is not None:
        names = tuple(_strings(names, bad, "names"))
    if not header and names is None and fmt in (None, "csv", "tsv"):
        raise bad("names", "a table without a header needs its column names")
    delimiter = entry.get("delimiter")
    if delimiter is not None and (not isinstance(delimiter, str) or len(delimiter) != 1):
        raise bad("delimiter", 'must be one character, e.g. "\\t"')
    quote = entry.get("quote")
    if quote is not None and quote != "" and (not isinstance(quote, str) or len(quote) != 1):
        raise bad("quote", 'must be one character, or "" for none')
    source = entry["source"]
    source_column = source_name = None
    if isinstance(source, str) and source:
        source_name = source
    elif isinstance(source, dict) and set(source) == {"column"}:
        source_column = _string(source["column"], bad, "source.column")
    else:
        raise bad("source", 'must be a source name or { column = "..." }, or a "{part}" of '
                  "the file name")
    entity = tuple(_strings(entry["entity"], bad, "entity", one=True))
    if not entity:
        raise bad("entity", "names no column: give the column(s) whose text names the entity")
    pattern = entry.get("pattern")
    groups: set[str] = {"stem", "name", "parent"}
    if pattern is not None:
        try:
            groups |= set(re.compile(_string(pattern, bad, "pattern")).groupindex)
        except re.error as exc:
            raise bad("pattern", f"not a regular expression ({exc})") from None
    for template in entity:
        _check_parts(template, groups, bad, "entity")
    if source_name:  # a file-name part names each file's source: "{stem}" of one file a source
        _check_parts(source_name, groups, bad, "source")
    captured = entry.get("captured")
    captured_column = captured_value = None
    if isinstance(captured, dict) and set(captured) == {"column"}:
        captured_column = _string(captured["column"], bad, "captured.column")
    elif isinstance(captured, str):
        captured_value = _check_parts(captured, groups, bad, "captured")
    elif captured is not None:
        raise bad("captured", 'must be a date, a "{part}" of the file name or { column = "..." }')
    origin = entry.get("origin", "editorial")
    if origin not in ("editorial", "user"):
        raise bad("origin", "must be editorial or user")
    columns = entry.get("columns", {})
    if not isinstance(columns, dict) or not (columns or attribute_column):
        raise bad("columns", "must map column names to { attribute = ... } tables")
    col_specs = tuple(
        _column(name, one, bad, f"columns.{name}" + (f"[{n}]" if isinstance(spec, list) else ""))
        for name, spec in columns.items()
        for n, one in enumerate(spec if isinstance(spec, list) and spec else [spec])
    )
    if names is not None:
        # a long table's `columns` are keyed by attribute names, not the file's columns
        listed = () if attribute_column else col_specs_names(col_specs)
        missing = [
            c
            for c in (*listed, source_column, captured_column, attribute_column, value_column)
            if c and c not in names
        ]
        missing += [e for e in entity if not PART.search(e) and e not in names]
        if missing:
            raise bad("names", f"no column {missing[0]!r} among the names given")
    return TableSpec(
        where=where,
        base=config_file.parent,
        path=path,
        format=fmt,
        header=header,
        names=names,
        delimiter=delimiter,
        quote=quote,
        encoding=_string(entry.get("encoding", "utf-8"), bad, "encoding"),
        table=entry.get("table"),
        query=entry.get("query"),
        source_column=source_column,
        source_name=source_name,
        entity=entity,
        entity_separator=_string(entry.get("entity_separator", "@"), bad, "entity_separator"),
        pattern=pattern,
        captured_column=captured_column,
        captured=captured_value,
        origin=origin,
        columns=col_specs,
        exclude_sources=tuple(_strings(entry.get("exclude_sources", []), bad, "exclude_sources")),
        attribute_column=attribute_column,
        value_column=value_column,
        missing=tuple(_strings(entry.get("missing", []), bad, "missing", one=True)),
    )


def _named_column(spec: Any, bad, field: str) -> str:
    if not (isinstance(spec, dict) and set(spec) == {"column"}):
        raise bad(field, f'must be {{ column = "..." }}: the column that holds each row\'s {field}')
    return _string(spec["column"], bad, f"{field}.column")


def col_specs_names(columns: tuple[ColumnSpec, ...]) -> list[str]:
    return [c.column for c in columns]


def _column(name: str, spec: Any, bad, field: str) -> ColumnSpec:
    """One reading of a column (a list of them reads its cells as several attributes)."""
    if isinstance(spec, str):
        spec = {"attribute": spec}
    if not isinstance(spec, dict) or "attribute" not in spec:
        raise bad(
            field,
            'must be { attribute = "..." } (plus optional hints), or a list of them (one column '
            "read as several attributes, each with its extract)",
        )
    unknown = sorted(set(spec) - _COLUMN_KEYS)
    if unknown:
        raise bad(f"{field}.{unknown[0]}", f"unknown key; use {', '.join(sorted(_COLUMN_KEYS))}")
    strings = {
        k: _string(spec[k], bad, f"{field}.{k}")
        for k in ("attribute", "split", "unit", "currency", "scope", "qualifier", "kind", "extract")
        if k in spec
    }
    if "extract" in strings:
        try:
            re.compile(strings["extract"])
        except re.error as exc:
            raise bad(f"{field}.extract", f"not a regular expression ({exc})") from None
    drop = tuple(_strings(spec.get("drop", []), bad, f"{field}.drop", one=True))
    return ColumnSpec(column=name, drop=drop, **strings)


def _check_parts(template: str, groups: set[str], bad, field: str) -> str:
    for part in PART.findall(template):
        if part not in groups:
            raise bad(
                field, f"{{{part}}} is no part of the file name ({', '.join(sorted(groups))})"
            )
    return template


def _string(value: Any, bad, field: str) -> str:
    if not isinstance(value, str) or not value:
        raise bad(field, "must be a non-empty string")
    return value


def _strings(value: Any, bad, field: str, one: bool = False) -> list[str]:
    if one and isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise bad(field, "must be a list of strings")
    return value
