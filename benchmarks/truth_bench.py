"""Benchmark: the auditor's resolution against a plain majority vote on the public
truth-discovery data sets in ../shared/benchmarks, through the path `auditor check` takes.

Each run audits one configuration of benchmarks/truth/*.toml (the data declared as table sources) in
a fresh process with the library API `auditor check` calls (`auditor.engine.audit`, then the JSON
report written as `auditor check --format json --out DIR` writes it), once with the configuration's
resolution ("learned", the default: auditor.truth) and once with `resolution = "vote"` (each source
one vote, the value with most votes wins, ties to the smallest). Flight runs twice more without the
three airline sites that supplied its gold (`exclude_sources` on its table); "flights, one day" is
the first day of it as the data-cleaning papers use it, scored against their curated clean table.
The parent then scores the `resolved` list of each report.json against the gold with the rules of
../shared/benchmarks/README.md (benchmarks/truth_data.py): accuracy, exact accuracy, expected
calibration error (ECE, 10 equal-width bins of confidence), and prints the time of the resolution
(learning included; for the vote, its query collected alone; in the run, learning shares the two
cores with the comparators, so `alone s` times the same learning again by itself), of the whole
run (reading the tables, reconciling, writing report.json), the memory the resolution added
(resident, sampled every 5 ms) and the run's peak resident memory. The machine is shared: wall
time is noisy, CPU time less so.

    python benchmarks/truth_bench.py [flight flights_day book population] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
import polars as pl

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from truth_data import GOLD, TOLERANCE, normalised  # noqa: E402

CONFIGS = ROOT / "benchmarks" / "truth"
GOLD_SOURCES = ("aa", "ua", "CO")  # the airlines whose sites supplied the Flight gold
CUTS = {
    "flight": [("flight, 31 days", ()), ("flight without aa/ua/CO", GOLD_SOURCES)],
    "flights_day": [("flights, one day", ())],
    "book": [("book, 100 gold books", ())],
    "population": [("population, 308 city-years", ())],
}


# ------------------------------------------------------------------ one run (child process)


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


def run_one(name: str, method: str, exclude: tuple[str, ...], out: Path) -> dict:
    """Audit benchmarks/truth/<name>.toml as `auditor check --format json --out OUT` does,
    timing its stages; the figures as a dict."""
    from auditor import pipeline
    from auditor.check import write_reports
    from auditor.config import load
    from auditor.engine import audit
    from auditor.reconcile import reliability, resolve

    config = load(config_file=CONFIGS / f"{name}.toml")
    table = dict(config.settings)
    table["resolution"] = "vote" if method == "vote" else table.get("resolution", "learned")
    if exclude:
        table["tables"] = [{**t, "exclude_sources": list(exclude)} for t in table["tables"]]
    config = replace(config, settings=table)
    figures: dict[str, float] = {}

    def timed(stage, function, collect=False):
        def call(*args, **kw):
            with PeakMemory() as memory:
                wall, cpu = time.perf_counter(), time.process_time()
                result = function(*args, **kw)
                if collect:  # the vote is a lazy query that reconcile collects
                    result = result.collect().lazy()
                figures[f"{stage}_wall"] = time.perf_counter() - wall
                figures[f"{stage}_cpu"] = time.process_time() - cpu
            figures[f"{stage}_rise"] = memory.peak - memory.base
            return result

        return call

    pipeline.declared = timed("read", pipeline.declared)
    learn, inputs = reliability.learn, []
    reliability.learn = timed("resolve", lambda *a: inputs.append(a) or learn(*a))
    resolve.table = timed("resolve", resolve.table, collect=True)
    wall, cpu = time.perf_counter(), time.process_time()
    report = audit([], config)
    if report.errors or not report.claims.height:
        sys.exit(f"{name}: the tables were not read: {'; '.join(report.errors[:3]) or 'no claims'}")
    figures["report_wall"] = time.perf_counter()
    write_reports(report, out, ["json"])
    figures["report_wall"] = time.perf_counter() - figures["report_wall"]
    figures["whole_wall"] = time.perf_counter() - wall
    figures["whole_cpu"] = time.process_time() - cpu
    figures["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    figures["claims"] = report.claims.height
    # In the run, learning shares the cores with the comparators (a thread beside them); the
    # same learning again with the cores to itself:
    alone = time.perf_counter()
    for args in inputs:
        learn(*args)
    figures["alone_wall"] = time.perf_counter() - alone
    return figures


# ------------------------------------------------------------------ scoring (parent process)


def score(name: str, report: Path, gold: pl.DataFrame) -> dict[str, float]:
    """Accuracy (and exact accuracy) over the gold items the report resolves, and ECE."""
    data = json.loads(report.read_text(encoding="utf-8"))["resolved"]
    resolved = pl.DataFrame(
        {
            "entity": [r["entity"] for r in data],
            "attribute": [r["attribute"] for r in data],
            "value": [json.dumps(r["value"], ensure_ascii=False) for r in data],
            "confidence": [float(r["confidence"]) for r in data],
        },
        schema={"entity": pl.String, "attribute": pl.String, "value": pl.String,
                "confidence": pl.Float64},
    )
    joined = gold.join(normalised(name, resolved), on=["entity", "attribute"], how="inner")
    exact = joined.select(pl.col("gold_value").list.contains(pl.col("value")).fill_null(False))
    right = exact.to_series()
    if name in TOLERANCE:
        tol, relative = TOLERANCE[name]
        near = joined.with_row_index("k").explode("gold_number").with_columns(
            ok=(pl.col("number") - pl.col("gold_number")).abs()
            <= (tol * pl.col("gold_number").abs() if relative else pl.lit(tol))
        ).group_by("k", maintain_order=True).agg(
            ok=pl.col("ok").fill_null(False).any(), has=pl.col("gold_number").is_not_null().any()
        ).sort("k")
        right = near.select(pl.when(pl.col("has")).then(pl.col("ok")).otherwise(exact.to_series()))
        right = right.to_series()
    hit = right.to_numpy().astype(float)
    return {
        "items": joined.height,
        "accuracy": float(hit.mean()) if len(hit) else float("nan"),
        "exact": float(exact.to_series().mean()),
        "ece": ece(joined["confidence"].to_numpy(), hit),
    }


def ece(confidence: np.ndarray, right: np.ndarray, bins: int = 10) -> float:
    which = np.minimum((confidence * bins).astype(int), bins - 1)
    total = 0.0
    for b in range(bins):
        mask = which == b
        if mask.any():
            total += mask.sum() * abs(right[mask].mean() - confidence[mask].mean())
    return total / max(len(right), 1)


def run(names: list[str], keep: Path | None) -> None:
    print(f"{'data set':<28}{'method':<9}{'items':>6}{'accuracy':>9}{'exact':>7}{'ECE':>7}"
          f"{'resolve s':>10}{'alone s':>8}{'CPU s':>7}{'+MB':>6}{'read s':>8}{'whole s':>8}"
          f"{'CPU s':>7}{'peak MB':>8}")
    with tempfile.TemporaryDirectory() as scratch:
        base = keep or Path(scratch)
        for name in names:
            gold = GOLD[name]()
            for label, exclude in CUTS[name]:
                for method in ("vote", "learned"):
                    out = base / f"{name}-{'-'.join(exclude) or 'all'}-{method}"
                    args = [sys.executable, __file__, "--one", name, method, str(out),
                            *exclude]
                    child = subprocess.run(args, capture_output=True, text=True,
                                           env={**os.environ, "AUDITOR_CACHE": "off"})
                    if child.returncode != 0:
                        sys.exit(f"{label} {method}: the run failed:\n{child.stderr[-2000:]}")
                    f = json.loads(child.stdout.strip().splitlines()[-1])
                    s = score(name, out / "report.json", gold)
                    (out / "figures.json").write_text(json.dumps({**f, **s}, indent=1))
                    print(
                        f"{label:<28}{method:<9}{s['items']:>6}{s['accuracy']:>9.4f}"
                        f"{s['exact']:>7.4f}{s['ece']:>7.3f}{f['resolve_wall']:>10.2f}"
                        f"{f['alone_wall']:>8.2f}{f['resolve_cpu']:>7.2f}{f['resolve_rise']:>6.0f}{f['read_wall']:>8.2f}"
                        f"{f['whole_wall']:>8.2f}{f['whole_cpu']:>7.1f}{f['peak_mb']:>8.0f}",
                        flush=True,
                    )


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--one":
        name, method, out, *exclude = sys.argv[2:]
        print(json.dumps(run_one(name, method, tuple(exclude), Path(out))))
    else:
        parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
        parser.add_argument("names", nargs="*", help=f"data sets (default: {' '.join(CUTS)})")
        parser.add_argument("--keep", type=Path, help="write each run's report.json here")
        options = parser.parse_args()
        unknown = set(options.names) - set(CUTS)
        if unknown:
            parser.error(f"unknown data set {sorted(unknown)[0]!r}; choose from {', '.join(CUTS)}")
        run(options.names or list(CUTS), options.keep)
