"""Benchmark: read the 31 daily flight crawls of Li et al. (776k rows, 38 sites) through the
table reader, and optionally reconcile them. Prints wall time, claims and peak memory.

    python benchmarks/tables_bench.py [--data DIR] [--reconcile]

DIR defaults to ../shared/benchmarks/flight_li2013/claims beside the repository. Each file is
one day: the entity is the flight and the day (`{stem}`), the capture date the day too.
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

import polars as pl

from auditor.attributes import catalog
from auditor.readers import read_tables
from auditor.tablespec import parse_tables

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "benchmarks" / "flight_li2013" / "claims"
NAMES = ["source", "flight", "sched_dep", "act_dep", "dep_gate", "sched_arr", "act_arr", "arr_gate"]
TIMES = ("sched_dep", "act_dep", "sched_arr", "act_arr")
ATTRIBUTES = {
    **{t: {"kind": "time", "tolerance": 10} for t in TIMES},
    "dep_gate": {"kind": "code"},
    "arr_gate": {"kind": "code"},
}


def table(data: Path) -> dict:
    return {
        "path": str(data / "*.txt.gz"),
        "format": "tsv",
        "header": False,
        "names": NAMES,
        "encoding": "latin-1",  # a few cells hold a no-break space byte
        "source": {"column": "source"},
        "entity": ["flight", "{stem}"],
        "captured": "{stem}",
        "columns": {
            **{t: {"attribute": t} for t in TIMES},
            "dep_gate": {"attribute": "dep_gate", "drop": ["gate"]},
            "arr_gate": {"attribute": "arr_gate", "drop": ["gate"]},
        },
    }


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--reconcile", action="store_true")
    args = parser.parse_args()
    specs = catalog(ATTRIBUTES)
    start, cpu = time.perf_counter(), time.process_time()
    results = read_tables(parse_tables([table(args.data)], ROOT / "auditor.toml"), specs)
    claims = pl.concat([r.claims for r in results if r.error is None])
    read, read_cpu = time.perf_counter() - start, time.process_time() - cpu
    errors = [r.error for r in results if r.error]
    print(f"files: {len(results)}  errors: {len(errors)}  claims: {claims.height:,}")
    print(f"read: {read:.2f} s (cpu {read_cpu:.2f} s)  peak memory: {peak_mb():,.0f} MB")
    if args.reconcile:
        from auditor.reconcile import Settings, reconcile

        start, cpu = time.perf_counter(), time.process_time()
        result = reconcile(claims, Settings(specs=specs))
        took, took_cpu = time.perf_counter() - start, time.process_time() - cpu
        print(
            f"reconcile: {took:.2f} s (cpu {took_cpu:.2f} s)  "
            f"discrepancies: {len(result.discrepancies):,}  "
            f"resolved: {result.resolved.height:,}  peak memory: {peak_mb():,.0f} MB"
        )


if __name__ == "__main__":
    main()
