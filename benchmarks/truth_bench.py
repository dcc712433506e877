"""Benchmark: truth discovery vs majority vote on the public data sets in ../shared/benchmarks.

For each data set prints accuracy (the rules in ../shared/benchmarks/README.md), expected
calibration error (ECE, 10 equal-width bins of confidence), wall and CPU time of the
resolution alone (loading excluded; CPU time sums all threads), how far the resident memory
rose during the resolution above its level with the data loaded, and the process's peak resident
memory (data included; sampled every 5 ms). The
machine is shared: wall time is noisy, CPU time less so.

    python benchmarks/truth_bench.py [flight book population]
"""

from __future__ import annotations

import resource
import sys
import threading
import time
from pathlib import Path

import numpy as np
import polars as pl

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from truth_data import Benchmark, load_book, load_flight, load_population  # noqa: E402

from auditor.truth import Attribute, discover  # noqa: E402

GOLD_SOURCES = ("aa", "ua", "CO")  # the airlines whose sites supplied the Flight gold
LOADERS = {"flight": load_flight, "book": load_book, "population": load_population}


def majority(claims: pl.DataFrame) -> pl.DataFrame:
    """One vote per (source, distinct value) per item; ties to the smallest value (numbers
    compared as numbers); confidence = the winner's share of the votes."""
    votes = claims.unique(["entity", "attribute", "slot", "source", "value"])
    numbers = [pl.col("number").first()] if "number" in claims.columns else []
    per_value = votes.group_by("entity", "attribute", "slot", "value").agg(
        pl.len().alias("votes"), *numbers
    )
    order = ["entity", "attribute", "slot", "votes"]
    order += ["number"] if "number" in claims.columns else []
    return (
        per_value.with_columns(
            confidence=pl.col("votes") / pl.col("votes").sum().over("entity", "attribute", "slot")
        )
        .sort([*order, "value"], descending=[False] * 3 + [True] + [False] * (len(order) - 3))
        .group_by("entity", "attribute", "slot", maintain_order=True)
        .first()
        .select("entity", "attribute", "slot", "value", "confidence")
    )


def score(bench: Benchmark, resolved: pl.DataFrame) -> dict[str, float]:
    """Accuracy (and exact accuracy for numbers) over gold items with a resolved value."""
    gold = bench.gold.join(resolved, on=["entity", "attribute"], how="inner")
    if "gold_number" in gold.columns:
        tol = {"flight": (10.0, False), "population": (0.01, True)}[bench.name]
        near = gold.with_row_index("k").explode("gold_number").with_columns(
            diff=(pl.col("value").cast(pl.Float64, strict=False) - pl.col("gold_number")).abs()
        )
        limit = tol[0] * pl.col("gold_number").abs() if tol[1] else pl.lit(tol[0])
        near = near.group_by("k").agg(near=(pl.col("diff") <= limit).any())
        gold = gold.with_row_index("k").join(near, on="k").with_columns(
            exact=pl.col("gold_value").list.contains(pl.col("value")),
        )
        gold = gold.with_columns(
            right=pl.when(pl.col("gold_number").list.drop_nulls().list.len() > 0)
            .then(pl.col("near"))
            .otherwise(pl.col("exact"))
        )
    else:
        gold = gold.with_columns(right=pl.col("gold_value").list.contains(pl.col("value")))
        gold = gold.with_columns(exact=pl.col("right"))
    right = gold["right"].to_numpy().astype(float)
    conf = gold["confidence"].to_numpy()
    return {
        "items": gold.height,
        "accuracy": float(right.mean()),
        "exact": float(gold["exact"].mean()),
        "ece": ece(conf, right),
    }


def ece(confidence: np.ndarray, right: np.ndarray, bins: int = 10) -> float:
    which = np.minimum((confidence * bins).astype(int), bins - 1)
    total = 0.0
    for b in range(bins):
        mask = which == b
        if mask.any():
            total += mask.sum() * abs(right[mask].mean() - confidence[mask].mean())
    return total / max(len(right), 1)


class PeakMemory:
    """Peak resident memory while the block runs, sampled from /proc every 5 ms (polars and
    numpy allocate outside Python's tracemalloc)."""

    def __enter__(self) -> PeakMemory:
        self.peak = self.base = self._rss()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def _watch(self) -> None:
        while not self._stop.wait(0.005):
            self.peak = max(self.peak, self._rss())

    @staticmethod
    def _rss() -> float:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        return pages * resource.getpagesize() / 2**20


def resolve(bench: Benchmark, claims: pl.DataFrame, method: str):
    """Resolve with `method`: the figures, wall and CPU seconds, how far the process's RSS
    rose above its level before the call (MB; the loaded data excluded) and its peak (MB)."""
    with PeakMemory() as memory:
        wall, cpu = time.perf_counter(), time.process_time()
        if method == "vote":
            resolved = majority(claims)
        else:
            attributes = {k: Attribute(**v) for k, v in bench.attributes.items()}
            resolved = discover(claims, attributes).resolved
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return score(bench, resolved), wall, cpu, memory.peak - memory.base, memory.peak


def run(names: list[str]) -> None:
    print(f"{'data set':<26}{'method':<8}{'items':>6}{'accuracy':>10}{'exact':>8}{'ECE':>7}"
          f"{'wall s':>8}{'CPU s':>7}{'+MB':>7}{'peak MB':>8}")
    for name in names:
        bench = LOADERS[name]()
        cuts = [(name, bench.claims)]
        if name == "flight":
            cuts.append(
                ("flight without aa/ua/CO",
                 bench.claims.filter(~pl.col("source").is_in(GOLD_SOURCES)))
            )
        for label, claims in cuts:
            for method in ("vote", "truth"):
                figures, wall, cpu, rise, peak = resolve(bench, claims, method)
                print(
                    f"{label:<26}{method:<8}{figures['items']:>6}{figures['accuracy']:>10.4f}"
                    f"{figures['exact']:>8.4f}{figures['ece']:>7.3f}{wall:>8.2f}{cpu:>7.2f}"
                    f"{rise:>7.0f}{peak:>8.0f}",
                    flush=True,
                )


if __name__ == "__main__":
    run(sys.argv[1:] or list(LOADERS))
