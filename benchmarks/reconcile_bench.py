"""Benchmark: reconcile N claims (default 100,000) made from the bundled documents.

The bundled film's claims are copied under many entity ids, with some values shifted per copy
so that every kind of discrepancy occurs at scale. Prints the time of the reconciliation stage
(wall and CPU) and the process's peak memory.

    python benchmarks/reconcile_bench.py [--claims 100000] [--repeat 3] [--gc-on]
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

import polars as pl

from auditor.claims import with_ids
from auditor.config import load
from auditor.pipeline import extract_paths, settings_for
from auditor.reconcile import reconcile

ROOT = Path(__file__).resolve().parent.parent


def synthetic(n_claims: int) -> tuple[pl.DataFrame, dict]:
    extraction = extract_paths([ROOT / "sources"])
    base = extraction.claims
    copies = max(1, n_claims // base.height)
    frames = []
    for k in range(copies):
        entity = f"film-{k:06d}-2000"
        frame = base.with_columns(
            pl.lit(entity).alias("entity"),
            pl.col("document").str.replace(r"^[^/]+", entity),
        )
        if k % 3 == 0:  # shift some runtimes and vote counts so the copies differ
            frame = frame.with_columns(
                pl.when(pl.col("attribute") == "runtime")
                .then(pl.lit(str(100 + k % 40)))
                .otherwise(pl.col("value"))
                .alias("value")
            )
        frames.append(frame)
    # Each copy is a claim of its own: its id, derived from its content, is computed anew.
    claims = with_ids(pl.concat(frames))
    documents = {
        f"film-{k:06d}-2000": [(d.ref.source, d.ref.relpath) for d in extraction.documents]
        for k in range(copies)
    }
    return claims, documents


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--gc-on",
        action="store_true",
        help="leave the cyclic garbage collector running (to measure what pausing it saves)",
    )
    args = parser.parse_args()
    if args.gc_on:
        import contextlib

        from auditor import gcpause

        gcpause.paused = contextlib.nullcontext
    claims, documents = synthetic(args.claims)
    settings = settings_for(load(ROOT), extract_paths([ROOT / "sources"]))
    times, cpus = [], []
    for _ in range(args.repeat):
        start, cpu = time.perf_counter(), time.process_time()
        result = reconcile(claims, settings, documents)
        times.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    print(
        f"claims: {claims.height:,}  entities: {len(documents):,}  "
        f"discrepancies: {len(result.discrepancies):,}"
    )
    print(
        f"reconcile: best {min(times):.3f} s, median {sorted(times)[len(times) // 2]:.3f} s "
        f"over {args.repeat} runs (CPU, all threads: best {min(cpus):.3f} s, median "
        f"{sorted(cpus)[len(cpus) // 2]:.3f} s); peak memory of the process "
        f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB"
    )


if __name__ == "__main__":
    main()
