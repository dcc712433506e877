"""Run the suites on the per-source tables with Great Expectations, in one ephemeral context."""

from __future__ import annotations

import datetime as dt
import json
import logging
import math
import os
from dataclasses import dataclass
from typing import Any

import polars as pl

from auditor import gcpause
from auditor.report.model import ExpectationOutcome, SuiteOutcome
from auditor.validate.suites import SuiteFile, columns_named, severity

# Columns GX must not see as the data: they identify the row, and lists are child tables.
_ID_COLUMNS = ("entity", "document")


def _pandas(frame: pl.DataFrame):
    """A pandas frame of the table's scalar columns, without going through pyarrow."""
    import pandas as pd

    data = {}
    for name, dtype in frame.schema.items():
        series = frame.get_column(name)
        if dtype == pl.Date:
            data[name] = pd.to_datetime(pd.Series(series.to_list(), dtype="object"))
        elif dtype.is_integer():  # values and null mask as arrays: no Python int per cell
            mask = series.is_null().to_numpy()
            values = series.cast(pl.Int64).fill_null(0).to_numpy()
            data[name] = pd.arrays.IntegerArray(values, mask)
        elif dtype.is_float():
            data[name] = series.to_numpy()
        elif dtype == pl.Boolean:
            mask = series.is_null().to_numpy()
            data[name] = pd.arrays.BooleanArray(series.fill_null(False).to_numpy(), mask)
        elif dtype == pl.String:
            data[name] = pd.Series(series.to_numpy(), dtype="object")
        else:
            data[name] = pd.Series(series.to_list(), dtype="object")
    return pd.DataFrame(data)


def validate(
    tables: dict[str, pl.DataFrame],
    suites: list[SuiteFile],
    lost: set[str] = frozenset(),
    quiet: bool = False,
) -> tuple[list[SuiteOutcome], list[str]]:
    """Every applicable suite on every source's table; errors for what cannot be run.

    `lost`: sources whose documents failed and were reported; a suite naming one is no news,
    nor one naming any source when `quiet` (documents were lost whose sources are unknown)."""
    with gcpause.paused():
        return _validate(tables, suites, lost, quiet)


def _validate(
    tables: dict[str, pl.DataFrame],
    suites: list[SuiteFile],
    lost: set[str],
    quiet: bool,
) -> tuple[list[SuiteOutcome], list[str]]:
    runs, errors = applicable(suites, set(tables), lost, quiet)
    outcomes: list[SuiteOutcome] = []
    if not runs:
        return outcomes, errors
    gx, context = gx_context()
    datasource = context.data_sources.add_pandas("auditor")
    scalars = {
        source: table.select([c for c, t in table.schema.items() if not isinstance(t, pl.List)])
        for source, table in tables.items()
    }
    scalar_columns = {c for t in scalars.values() for c in t.columns}
    batches = _Batches(datasource, scalars)
    per_source: dict[tuple[str, str], list[tuple[int, Any]]] = {}
    # (suite name, index in it, expectation) of every suite, gathered per source: one call each
    alone: dict[str, list[tuple[str, int, Any]]] = {}
    for suite in suites:
        sources = sorted(s for s in tables if suite.applies_to(s))
        if not sources:
            continue
        gx_suite, problem = _gx_suite(gx, suite, scalar_columns)
        if problem:
            errors.append(problem)
            continue
        # Row-by-row expectations run once over every source's rows and are split back by
        # source; the rest (a column's type or existence, aggregates) run per source.
        shared, own = [], []
        for n, e in enumerate(gx_suite.expectations):
            columns = columns_named(suite.data["expectations"][n])
            everywhere = all(c in scalars[s].columns for s in sources for c in columns)
            (shared if _row_by_row(e) and everywhere else own).append(n)
        if shared:
            results = batches.validate(sources, _subset(gx, gx_suite, shared))
            for n, result in zip(shared, results, strict=True):
                for source, part in _split(result, batches.bounds(sources), scalars).items():
                    per_source.setdefault((suite.name, source), []).append((n, part))
        for source in sources:
            alone.setdefault(source, []).extend(
                (suite.name, n, gx_suite.expectations[n]) for n in own
            )
    for source, wanted in alone.items():
        together = gx.ExpectationSuite(name=f"own:{source}", expectations=[e for *_, e in wanted])
        results = batches.validate([source], together)
        for (name, n, _), result in zip(wanted, results, strict=True):
            per_source.setdefault((name, source), []).append((n, result))
    for (name, source), results in per_source.items():
        table = tables[source]
        ordered = [r for _, r in sorted(results, key=lambda x: x[0])]
        outcomes.append(SuiteOutcome(source, name, tuple(_outcome(r, table) for r in ordered)))
    return sorted(outcomes, key=lambda o: (o.source, o.suite)), errors


def applicable(
    suites: list[SuiteFile], sources: set[str], lost: set[str], quiet: bool
) -> tuple[list[tuple[SuiteFile, str]], list[str]]:
    """Which (suite, source) pairs run, and one line for a suite naming sources with no
    documents (unless they were lost to errors already reported, or `quiet`)."""
    errors: list[str] = []
    runs: list[tuple[SuiteFile, str]] = []
    for suite in suites:
        missing = [s for s in (suite.sources or ()) if s not in sources and s not in lost]
        if missing and not quiet:
            errors.append(
                f"{suite.path}: names source{'s' if len(missing) > 1 else ''} "
                f"{', '.join(missing)} with no documents; fix meta.auditor.sources "
                "or add the documents"
            )
        runs += [(suite, source) for source in sorted(sources) if suite.applies_to(source)]
    return runs, errors


def gx_context() -> tuple[Any, Any]:
    """Great Expectations, imported now (it is slow to import), and one ephemeral context."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    logging.getLogger("great_expectations").setLevel(logging.CRITICAL)
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    return gx, context


def _gx_suite(gx: Any, suite: SuiteFile, scalar_columns: set[str]) -> tuple[Any, str | None]:
    """The suite as Great Expectations builds it, or the one line saying why it cannot."""
    unknown = sorted(
        {c for e in suite.data["expectations"] for c in columns_named(e)} - scalar_columns
    )
    if unknown:
        return None, (
            f"{suite.path}: names column{'s' if len(unknown) > 1 else ''} "
            f"{', '.join(unknown)} that the per-source tables do not have; use one of "
            f"{', '.join(sorted(scalar_columns - set(_ID_COLUMNS)))}"
        )
    try:
        gx_suite = gx.ExpectationSuite(
            name=suite.name,
            expectations=suite.data["expectations"],
            meta=suite.data.get("meta") or {},
        )
    except Exception:  # noqa: BLE001 - GX raises many types for a bad suite
        gx_suite = None
    # GX logs and drops an expectation it cannot build instead of raising: count them.
    if gx_suite is None or len(gx_suite.expectations) < len(suite.data["expectations"]):
        return None, refusal(suite)
    return gx_suite, None


def refusal(suite: SuiteFile) -> str:
    """The line for a suite GX will not build: which expectation, and why, as GX says it for
    that one alone (the suite's own error only counts a pydantic model's errors, and an
    expectation it drops is only logged)."""
    return f"{suite.path}: Great Expectations refuses it ({_refused(suite)}); fix the expectation"


def _refused(suite: SuiteFile) -> str:
    from great_expectations.expectations.expectation_configuration import (
        ExpectationConfiguration,
    )

    for n, e in enumerate(suite.data["expectations"]):
        try:
            ExpectationConfiguration(**e).to_domain_obj()
        except Exception as exc:  # noqa: BLE001 - GX raises many types for a bad expectation
            return f"expectation {n}, {e['type']}: {_why(exc)}"
    return "it cannot be built"


def _why(exc: Exception) -> str:
    """A pydantic error's first complaint per field ("mostly: ensure this value is less than
    or equal to 1.0"), else the exception's first line."""
    errors = getattr(exc, "errors", None)
    if callable(errors):
        first: dict[str, str] = {}
        for err in errors():
            first.setdefault(".".join(map(str, err["loc"])), err["msg"])
        return "; ".join(f"{field}: {msg}" for field, msg in first.items())[:300]
    return (str(exc).splitlines() or [type(exc).__name__])[0][:300]


def _subset(gx: Any, suite: Any, keep: list[int]) -> Any:
    """The expectations of `suite` at `keep`, as a suite of their own."""
    return gx.ExpectationSuite(
        name=f"{suite.name}:{','.join(map(str, keep))}",
        expectations=[suite.expectations[n] for n in keep],
        meta=suite.meta,
    )


_ROW_BY_ROW = {"ColumnMapExpectation", "ColumnPairMapExpectation", "MulticolumnMapExpectation"}
# Map expectations in name only: on a pandas batch they judge the column's dtype as a whole.
_WHOLE_COLUMN = {"expect_column_values_to_be_of_type", "expect_column_values_to_be_in_type_list"}


def _row_by_row(expectation: Any) -> bool:
    """Judges each row on its own, so a table of many sources' rows gives each its verdict."""
    return expectation.expectation_type not in _WHOLE_COLUMN and any(
        c.__name__ in _ROW_BY_ROW for c in type(expectation).__mro__
    )


class _Batches:
    """The rows GX validates: for each call, the scalar tables of some sources stacked, in
    source order, with only the columns the expectations name (where that cannot change what
    they judge). GX fingerprints every batch it loads by hashing all of its cells, so the
    columns nobody reads would cost as much as the ones that are checked."""

    def __init__(self, datasource: Any, scalars: dict[str, pl.DataFrame]) -> None:
        self.asset = datasource.add_dataframe_asset("rows")
        self.scalars = scalars
        self.made = 0

    def bounds(self, sources: list[str]) -> dict[str, tuple[int, int]]:
        out, lo = {}, 0
        for s in sources:
            out[s] = (lo, lo + self.scalars[s].height)
            lo += self.scalars[s].height
        return out

    def validate(self, sources: list[str], suite: Any) -> list[Any]:
        from great_expectations.core.batch_definition import BatchDefinition
        from great_expectations.validator.v1_validator import Validator

        wanted = _columns(suite)
        frame = pl.concat(
            [_narrowed(self.scalars[s], wanted) for s in sources], how="diagonal_relaxed"
        )
        # A batch definition the asset does not keep, as GX's own Batch.validate makes one: the
        # context's configuration is not written out again for each, and the validator loads
        # the rows once (Batch.validate would load them a second time).
        definition = BatchDefinition(name=f"rows-{self.made}")
        definition.set_data_asset(self.asset)
        self.made += 1
        validator = Validator(
            batch_definition=definition,
            batch_parameters={"dataframe": _pandas(frame)},
            result_format={"result_format": "COMPLETE"},
        )
        return in_order(suite, validator.validate_expectation_suite(suite).results)


def _narrowed(table: pl.DataFrame, wanted: set[str] | None) -> pl.DataFrame:
    """The table's columns in `wanted` (None: all); all of them when it has none of those, as
    a table of no columns would have no rows either."""
    kept = [c for c in table.columns if wanted is None or c in wanted]
    return table.select(kept) if kept else table


# Expectations that judge only the columns they name (a table's or a column's position
# would change with the columns left out).
_COLUMN_SCOPED = ("expect_column_", "expect_multicolumn_", "expect_compound_columns_")


def _columns(suite: Any) -> set[str] | None:
    """The columns a suite's expectations read, or None when one may read others (a row
    condition, a table-level or positional expectation)."""
    wanted: set[str] = set()
    for e in suite.expectations:
        config = e.configuration.to_json_dict()
        kwargs = config.get("kwargs", {})
        named = columns_named(config)
        if (
            not named
            or not config["type"].startswith(_COLUMN_SCOPED)
            or kwargs.get("row_condition")
            or "column_index" in kwargs
        ):
            return None
        wanted.update(named)
    return wanted


def in_order(suite: Any, results: Any) -> list[Any]:
    """The results in the suite's order: GX gives them in the order it computed them."""
    place: dict[str, int] = {}
    for n, e in enumerate(suite.expectations):
        place.setdefault(_key(e.configuration.to_json_dict()), n)
    return sorted(results, key=lambda r: place.get(_key(r.expectation_config.to_json_dict()), 0))


def _key(config: dict[str, Any]) -> str:
    """An expectation as its suite states it, without what GX adds per suite and batch."""
    kwargs = {k: v for k, v in config.get("kwargs", {}).items() if k != "batch_id"}
    kept = {k: v for k, v in config.items() if k != "id"}
    return json.dumps({**kept, "kwargs": kwargs}, sort_keys=True, default=str)


@dataclass(frozen=True)
class _Part:
    """One source's share of a row-by-row result, shaped as GX shapes a result."""

    expectation_config: Any
    result: dict[str, Any]
    success: bool
    exception_info: dict[str, Any] | None


def _split(
    result: Any, bounds: dict[str, tuple[int, int]], scalars: dict[str, pl.DataFrame]
) -> dict[str, _Part]:
    r = result.result or {}
    rows = [_row(i, n) for n, i in enumerate(r.get("unexpected_index_list") or [])]
    values = r.get("unexpected_list") or []
    config = result.expectation_config
    mostly = float(config.kwargs.get("mostly", 1.0) or 1.0)
    columns = [c for c in columns_named(config.to_json_dict()) if c]
    out = {}
    for source, (lo, hi) in bounds.items():
        mine = [
            (row - lo, values[n] if n < len(values) else None)
            for n, row in enumerate(rows)
            if lo <= row < hi
        ]
        judged = hi - lo
        if columns and config.type != "expect_column_values_to_not_be_null":
            present = (
                scalars[source]
                .select(pl.all_horizontal(pl.col(c).is_not_null() for c in columns).sum())
                .item()
            )
            judged = int(present)
        ok = not mine if mostly >= 1 else (judged == 0 or 1 - len(mine) / judged >= mostly)
        part = {
            "element_count": hi - lo,
            "unexpected_count": len(mine),
            "unexpected_list": [v for _, v in mine],
            "unexpected_index_list": [row for row, _ in mine],
        }
        raised = exception_message(result.exception_info) is not None
        out[source] = _Part(config, part, ok and not raised, result.exception_info)
    return out


def exception_message(info: Any) -> str | None:
    """What went wrong evaluating an expectation (an invalid regex, a type it cannot compare),
    from GX's exception info: flat, or one entry per metric as GX 1.x gives it."""
    if not isinstance(info, dict):
        return None
    entries = [info] if "raised_exception" in info else list(info.values())
    for entry in entries:
        if isinstance(entry, dict) and entry.get("raised_exception"):
            return str(entry.get("exception_message") or "an error")
    return None


def _row(index: Any, n: int) -> int:
    if isinstance(index, int):
        return index
    if isinstance(index, dict):
        return int(index.get("index", n))
    return n


def _outcome(result: Any, table: pl.DataFrame) -> ExpectationOutcome:
    config = result.expectation_config
    raw = config.to_json_dict()
    kwargs = config.kwargs
    column = kwargs.get("column") or (
        f"{kwargs.get('column_A')} > {kwargs.get('column_B')}" if kwargs.get("column_A") else None
    )
    r = result.result or {}
    rows = [_row(i, n) for n, i in enumerate(r.get("unexpected_index_list") or [])]
    values = r.get("unexpected_list") or []
    # Only the unexpected rows' entity and document: a table is tens of thousands of rows.
    height = table.height
    at = pl.Series([row for row in rows if row < height], dtype=pl.Int64)
    named = table.select("entity", "document")[at] if rows else table.clear()
    entity = dict(zip(at.to_list(), named.get_column("entity").to_list(), strict=True))
    document = dict(zip(at.to_list(), named.get_column("document").to_list(), strict=True))
    unexpected = [
        {
            "value": _plain(values[n] if n < len(values) else None),
            "entity": entity.get(row),
            "documents": [document[row]] if row in document else [],
        }
        for n, row in enumerate(rows)
    ]
    exception = exception_message(result.exception_info)
    observed = _plain(r.get("observed_value"))
    details = _details(result.success, r, exception, observed)
    return ExpectationOutcome(
        expectation=config.type,
        column=column,
        success=bool(result.success) and exception is None,
        details=details,
        severity=severity(raw),
        observed=observed,
        unexpected=tuple(unexpected),
    )


def _details(success: bool, r: dict, exception: str | None, observed: Any) -> str:
    if exception:
        return f"could not be evaluated: {exception}"
    if "unexpected_count" in r:
        n, total = r.get("unexpected_count") or 0, r.get("element_count") or 0
        return f"{n} of {total} rows unexpected" if n else f"all {total} rows as expected"
    if observed is not None:
        return f"observed {observed}"
    return "passed" if success else "failed"


def _plain(value: Any) -> Any:
    """JSON-safe: dates as ISO strings, NaN (and pandas' NA, NaT) as null, numpy scalars as
    Python numbers."""
    if value is None or type(value).__name__ in ("NAType", "NaTType"):
        return None
    if hasattr(value, "item") and not isinstance(value, (list, dict, str)):
        try:
            value = value.item()
        except (ValueError, TypeError):
            pass
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, (dt.date, dt.datetime)) or type(value).__name__ == "Timestamp":
        return value.isoformat()[:10]
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (int, float, str, bool)):
        return value
    return str(value)
