"""Benchmark: `auditor check` on the bundled pages against the floor of any Great Expectations
check, and their ratio (issue 12 asks for at most 1.2).

The floor is what every GX validation pays whatever it validates: import Great Expectations,
make one ephemeral context, validate one small pandas table with three expectations. Both run
as fresh processes (the imports are most of either), each several times; the script prints
each one's best and median wall time and the ratio of the medians.

    python benchmarks/small_bench.py [--runs 5]

Timings on a shared machine are noisy: the CPU time (user and system) moves less than the
wall time when other work competes for the cores.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

FLOOR = """
import os
os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
import great_expectations as gx
import pandas as pd

context = gx.get_context(mode="ephemeral")
frame = pd.DataFrame({"a": [1, 2, 3], "b": ["x", "y", None]})
batch = (
    context.data_sources.add_pandas("floor")
    .add_dataframe_asset("table")
    .add_batch_definition_whole_dataframe("all")
    .get_batch(batch_parameters={"dataframe": frame})
)
suite = gx.ExpectationSuite(
    name="floor",
    expectations=[
        gx.expectations.ExpectColumnValuesToNotBeNull(column="a"),
        gx.expectations.ExpectColumnValuesToBeBetween(column="a", min_value=0, max_value=9),
        gx.expectations.ExpectColumnValuesToBeInSet(column="b", value_set=["x", "y"]),
    ],
)
assert len(batch.validate(suite).results) == 3
"""


def timed(argv: list[str], cwd: Path) -> tuple[float, float]:
    """Wall and CPU seconds (user + system, the process and its children) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        argv, cwd=cwd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="auditor-small-") as tmp:
        check = [
            sys.executable, "-m", "auditor", "check", str(ROOT / "sources"),
            "--out", str(Path(tmp) / "reports"), "--fail-on", "never", "--quiet",
        ]
        floor = [sys.executable, "-c", FLOOR]
        timed(check, ROOT)  # warms the page cache and the claims cache
        times: dict[str, list[tuple[float, float]]] = {"floor": [], "check": []}
        for _ in range(args.runs):  # interleaved, so that load on the machine hits both
            times["floor"].append(timed(floor, ROOT))
            times["check"].append(timed(check, ROOT))
    medians = {}
    for name, runs in times.items():
        walls, cpus = [w for w, _ in runs], [c for _, c in runs]
        medians[name] = (statistics.median(walls), statistics.median(cpus))
        print(
            f"{name:<6} wall best {min(walls):6.2f} s  median {medians[name][0]:6.2f} s   "
            f"cpu best {min(cpus):6.2f} s  median {medians[name][1]:6.2f} s"
        )
    wall = medians["check"][0] / medians["floor"][0]
    cpu = medians["check"][1] / medians["floor"][1]
    print(f"ratio  {wall:.2f} wall, {cpu:.2f} cpu (medians); the goal is at most 1.2")


if __name__ == "__main__":
    main()
