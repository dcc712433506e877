"""Benchmark: build per-source tables of N entities (default 10,000) and validate them.

The bundled claims are copied under N entity ids; the five sources' tables are then built and
validated with the suites in expectations/ in one Great Expectations context. Prints the time
of each step (the one-off import of Great Expectations apart).

    python benchmarks/validate_bench.py [--entities 10000]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import polars as pl

from auditor.pipeline import extract_paths
from auditor.tables import build
from auditor.validate.suites import load_suites

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--entities", type=int, default=10_000)
    args = parser.parse_args()
    extraction = extract_paths([ROOT / "sources"])
    base = extraction.claims
    claims = pl.concat(
        base.with_columns(
            pl.lit(f"film-{k:06d}-2000").alias("entity"),
            pl.col("document").str.replace(r"^[^/]+", f"film-{k:06d}-2000"),
        )
        for k in range(args.entities)
    )
    captured = {
        d.ref.relpath.replace(d.ref.entity, f"film-{k:06d}-2000"): d.ref.captured
        for d in extraction.documents
        if d.ref.captured
        for k in range(args.entities)
    }
    start = time.perf_counter()
    import great_expectations  # noqa: F401 - timed apart: a one-off cost per process

    imported = time.perf_counter()
    tables = build(claims, captured)
    built = time.perf_counter()
    from auditor.validate import validate

    suites, errors = load_suites(ROOT / "expectations")
    outcomes, problems = validate(tables, suites)
    done = time.perf_counter()
    rows = sum(t.height for t in tables.values())
    evaluated = sum(len(o.results) for o in outcomes)
    print(
        f"claims: {claims.height:,}  tables: {len(tables)}  rows: {rows:,}  "
        f"expectations evaluated: {evaluated}  failed: "
        f"{sum(not r.success for o in outcomes for r in o.results)}  errors: {errors + problems}"
    )
    print(f"import great_expectations: {imported - start:.2f} s")
    print(f"build tables: {built - imported:.2f} s")
    print(f"validate: {done - built:.2f} s")


if __name__ == "__main__":
    main()
