"""The suites run by Great Expectations' Spark data source on the per-source tables.

The same checks, suites and outcome records as auditor.validate, with two differences that
Spark imposes. Spark has no row positions, so unexpected rows are named by their `entity` and
`document` columns (GX's `unexpected_index_column_names`) and put in entity order, the order
of the polars engine's tables. And column types have Spark's names: an expectation of a type
is asked in Spark's name for it and its observed type reported in the name pandas gives, so
one suite means the same under both engines.
"""

from __future__ import annotations

import json
from typing import Any

from auditor.report.model import ExpectationOutcome, SuiteOutcome
from auditor.validate.run import (
    _details,
    _plain,
    applicable,
    exception_message,
    gx_context,
    in_order,
    refusal,
)
from auditor.validate.suites import SuiteFile, columns_named, severity

_ID_COLUMNS = ("entity", "document")

# The type names the polars engine's pandas tables carry, and Spark's for the same columns.
_SPARK_TYPE = {
    "int64": "LongType",
    "Int64": "LongType",
    "float64": "DoubleType",
    "Float64": "DoubleType",
    "bool": "BooleanType",
    "boolean": "BooleanType",
    "object": "StringType",
    "str": "StringType",
    "string": "StringType",
    "datetime64[ns]": "DateType",
    "datetime64": "DateType",
}
_PANDAS_TYPE = {
    "LongType": "int64",
    "DoubleType": "float64",
    "BooleanType": "boolean",
    "StringType": "object",
    "DateType": "datetime64[ns]",
}


def validate(
    tables: Any,
    sources: list[str],
    suites: list[SuiteFile],
    lost: set[str] = frozenset(),
    quiet: bool = False,
) -> tuple[list[SuiteOutcome], list[str]]:
    """Every applicable suite on every source's rows of `tables` (a Spark DataFrame of every
    per-source table's scalar columns, with a `source` column); errors for what cannot run
    (`lost` and `quiet` as in auditor.validate)."""
    runs, errors = applicable(suites, set(sources), lost, quiet)
    outcomes: list[SuiteOutcome] = []
    if not runs:
        return outcomes, errors
    gx, context = gx_context()
    datasource = context.data_sources.add_spark("auditor")
    scalar_columns = {c for c in tables.columns if c != "source"}
    batches: dict[str, Any] = {}
    for source in sorted({s for _, s in runs}):
        frame = tables.where(tables["source"] == source).drop("source")
        asset = datasource.add_dataframe_asset(source)
        batches[source] = asset.add_batch_definition_whole_dataframe("all").get_batch(
            batch_parameters={"dataframe": frame}
        )
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
        try:
            gx_suite = gx.ExpectationSuite(
                name=f"{suite.name}:{source}",
                expectations=[_in_spark_terms(e) for e in suite.data["expectations"]],
                meta=suite.data.get("meta") or {},
            )
        except Exception:  # noqa: BLE001 - GX raises many types for a bad suite
            gx_suite = None
        # GX logs and drops an expectation it cannot build instead of raising: count them.
        if gx_suite is None or len(gx_suite.expectations) < len(suite.data["expectations"]):
            refused.add(suite.name)
            errors.append(refusal(suite))
            continue
        results = _validated(gx, batches[source], gx_suite)
        outcomes.append(SuiteOutcome(source, suite.name, tuple(_outcome(r) for r in results)))
    return sorted(outcomes, key=lambda o: (o.source, o.suite)), errors


def _validated(gx: Any, batch: Any, suite: Any) -> list[Any]:
    """The suite's results, as complete as the polars engine's. GX on Spark pays a query per
    expectation for the unexpected rows even when there are none: the suite is run for the
    counts first, and again only for the expectations that found unexpected rows."""
    first = batch.validate(
        suite, result_format={"result_format": "BASIC", "partial_unexpected_count": 0}
    )
    ordered = in_order(suite, first.results)  # the suite's order, as the polars engine's
    again = [r for r in ordered if (r.result or {}).get("unexpected_count")]
    if not again:
        return ordered
    rerun = gx.ExpectationSuite(
        name=f"{suite.name}:unexpected",
        expectations=[_config(r) for r in again],
    )
    complete = batch.validate(
        rerun,
        result_format={
            "result_format": "COMPLETE",
            "unexpected_index_column_names": list(_ID_COLUMNS),
        },
    )
    by_config = {_key(_config(r)): r for r in complete.results}
    return [by_config.get(_key(_config(r)), r) for r in ordered]


def _config(result: Any) -> dict[str, Any]:
    """A result's expectation as a suite states it: without what GX adds per suite and batch."""
    config = result.expectation_config.to_json_dict()
    config.pop("id", None)
    config["kwargs"] = {k: v for k, v in config.get("kwargs", {}).items() if k != "batch_id"}
    return config


def _key(config: dict[str, Any]) -> str:
    return json.dumps(config, sort_keys=True, default=str)


def _in_spark_terms(expectation: dict[str, Any]) -> dict[str, Any]:
    kwargs = expectation.get("kwargs") or {}
    if expectation.get("type") != "expect_column_values_to_be_of_type":
        return expectation
    if kwargs.get("type_") not in _SPARK_TYPE:
        return expectation
    return {**expectation, "kwargs": {**kwargs, "type_": _SPARK_TYPE[kwargs["type_"]]}}


def _outcome(result: Any) -> ExpectationOutcome:
    """As auditor.validate's: unexpected rows by entity, each naming its document."""
    config = result.expectation_config
    kwargs = config.kwargs
    column = kwargs.get("column") or (
        f"{kwargs.get('column_A')} > {kwargs.get('column_B')}" if kwargs.get("column_A") else None
    )
    r = result.result or {}
    values = r.get("unexpected_list") or []
    rows = r.get("unexpected_index_list") or []
    unexpected = sorted(
        (
            {
                "value": _plain(_value(row, kwargs, values[n] if n < len(values) else None)),
                "entity": row.get("entity"),
                "documents": [row["document"]] if row.get("document") is not None else [],
            }
            for n, row in enumerate(rows)
            if isinstance(row, dict)
        ),
        key=lambda u: u["entity"] or "",
    )
    exception = exception_message(result.exception_info)
    observed = _plain(r.get("observed_value"))
    if config.type == "expect_column_values_to_be_of_type" and observed in _PANDAS_TYPE:
        observed = _PANDAS_TYPE[observed]
    return ExpectationOutcome(
        expectation=config.type,
        column=column,
        success=bool(result.success) and exception is None,
        details=_details(result.success, r, exception, observed),
        severity=severity(config.to_json_dict()),
        observed=observed,
        unexpected=tuple(unexpected),
    )


def _value(row: dict[str, Any], kwargs: dict[str, Any], listed: Any) -> Any:
    """The unexpected value from its own row (GX lists values and rows in separate queries,
    whose orders Spark does not tie together): the column's, or the pair's."""
    if kwargs.get("column") in row:
        return row[kwargs["column"]]
    pair = [kwargs.get("column_A"), kwargs.get("column_B")]
    if all(c in row for c in pair):
        return [row[c] for c in pair]
    return listed
