"""Run the suites on the per-source tables with Great Expectations, in one ephemeral context."""

from __future__ import annotations

import datetime as dt
import logging
import math
import os
from typing import Any

import polars as pl

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
        elif dtype.is_integer():
            data[name] = pd.array(series.to_list(), dtype="Int64")
        elif dtype.is_float():
            data[name] = series.to_numpy()
        elif dtype == pl.Boolean:
            data[name] = pd.array(series.to_list(), dtype="boolean")
        else:
            data[name] = pd.Series(series.to_list(), dtype="object")
    return pd.DataFrame(data)


def validate(
    tables: dict[str, pl.DataFrame], suites: list[SuiteFile], lost: set[str] = frozenset()
) -> tuple[list[SuiteOutcome], list[str]]:
    """Every applicable suite on every source's table; errors for what cannot be run.

    `lost`: sources whose documents failed and were reported; a suite naming one is no news."""
    errors: list[str] = []
    runs: list[tuple[SuiteFile, str]] = []
    for suite in suites:
        missing = [s for s in (suite.sources or ()) if s not in tables and s not in lost]
        if missing:
            errors.append(
                f"{suite.path}: names source{'s' if len(missing) > 1 else ''} "
                f"{', '.join(missing)} with no documents; fix meta.auditor.sources "
                "or add the documents"
            )
        for source in sorted(tables):
            if suite.applies_to(source):
                runs.append((suite, source))
    outcomes: list[SuiteOutcome] = []
    if not runs:
        return outcomes, errors
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    logging.getLogger("great_expectations").setLevel(logging.CRITICAL)
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    datasource = context.data_sources.add_pandas("auditor")
    batches: dict[str, Any] = {}
    pandas_frames: dict[str, Any] = {}
    for source in sorted({s for _, s in runs}):
        table = tables[source]
        scalar = table.select([c for c, t in table.schema.items() if not isinstance(t, pl.List)])
        pandas_frames[source] = _pandas(scalar)
        asset = datasource.add_dataframe_asset(source)
        batches[source] = asset.add_batch_definition_whole_dataframe("all").get_batch(
            batch_parameters={"dataframe": pandas_frames[source]}
        )
    scalar_columns = {
        c for t in tables.values() for c, d in t.schema.items() if not isinstance(d, pl.List)
    }
    refused: set[str] = set()
    for suite in suites:
        unknown = sorted(
            {c for e in suite.data["expectations"] for c in columns_named(e)} - scalar_columns
        )
        if unknown:
            refused.add(suite.name)
            errors.append(
                f"{suite.path}: names column{'s' if len(unknown) > 1 else ''} "
                f"{', '.join(unknown)} that the per-source tables do not have; use one of "
                f"{', '.join(sorted(scalar_columns - set(_ID_COLUMNS)))}"
            )
    for suite, source in runs:
        if suite.name in refused:
            continue
        table = tables[source]
        try:
            gx_suite = gx.ExpectationSuite(
                name=f"{suite.name}:{source}",
                expectations=suite.data["expectations"],
                meta=suite.data.get("meta") or {},
            )
        except Exception as exc:  # noqa: BLE001 - GX raises many types for a bad suite
            refused.add(suite.name)
            errors.append(
                f"{suite.path}: Great Expectations refuses it ({type(exc).__name__}: "
                f"{str(exc).splitlines()[0][:200]}); fix the expectation"
            )
            continue
        # GX logs and drops an expectation it cannot build instead of raising: count them.
        kept = [e.expectation_type for e in gx_suite.expectations]
        dropped = [e["type"] for e in suite.data["expectations"] if e["type"] not in kept]
        if dropped:
            refused.add(suite.name)
            errors.append(
                f"{suite.path}: Great Expectations refuses it (unknown or invalid "
                f"expectation {', '.join(sorted(set(dropped)))}); fix the expectation"
            )
            continue
        result = batches[source].validate(gx_suite, result_format={"result_format": "COMPLETE"})
        outcomes.append(
            SuiteOutcome(source, suite.name, tuple(_outcome(r, table) for r in result.results))
        )
    return sorted(outcomes, key=lambda o: (o.source, o.suite)), errors


def _outcome(result: Any, table: pl.DataFrame) -> ExpectationOutcome:
    config = result.expectation_config
    raw = config.to_json_dict()
    kwargs = config.kwargs
    column = kwargs.get("column") or (
        f"{kwargs.get('column_A')} > {kwargs.get('column_B')}" if kwargs.get("column_A") else None
    )
    r = result.result or {}
    documents = table.get_column("document").to_list()
    entities = table.get_column("entity").to_list()
    unexpected = []
    for n, i in enumerate(r.get("unexpected_index_list") or []):
        row = i if isinstance(i, int) else i.get("index", n) if isinstance(i, dict) else n
        values = r.get("unexpected_list") or []
        unexpected.append(
            {
                "value": _plain(values[n] if n < len(values) else None),
                "entity": entities[row] if row < len(entities) else None,
                "documents": [documents[row]] if row < len(documents) else [],
            }
        )
    exception = (result.exception_info or {}).get("exception_message")
    observed = _plain(r.get("observed_value"))
    details = _details(result.success, r, exception, observed)
    return ExpectationOutcome(
        expectation=config.type,
        column=column,
        success=bool(result.success),
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
    """JSON-safe: dates as ISO strings, NaN as null, numpy scalars as Python numbers."""
    if value is None:
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
