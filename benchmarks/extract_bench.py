"""Benchmark: extraction alone, in milliseconds a document, per adapter.

Extracts the bundled films (sources/ and tests/fixtures/documents/) N times in this process, one
core, no cache and no worker processes: each document read, decoded, recognised, extracted,
given its contexts, line starts and plot texts (`extract_document`), then each film's names
shared across its pages (`share_names`, which reads no lower-cased page again). Prints the
mean and best ms a document per adapter (best of the N rounds, the steadier figure on a shared
machine), the first round's (where each film's own name patterns are compiled, as a catalog of
distinct films compiles them for every film) and, with --profile, cProfile's top functions.

    python benchmarks/extract_bench.py [--rounds 20] [--profile] [--top 25] [FOLDER ...]

Times are this process's CPU time (a loaded machine still inflates them): read the best
figure, and run it twice.

With --stage, the whole extract stage instead (`pipeline.extract_paths`: discovery, keys,
the cache, worker processes, copies and shared names) on FOLDER (e.g. a catalog that
`catalog_bench.py --keep DIR` wrote), cold with a fresh cache, then warm: wall time, this
process's CPU and the workers' (read from the worker server's /proc entry, on Linux).

    python benchmarks/extract_bench.py --stage [--workers 2] FOLDER
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from auditor import cache, pipeline  # noqa: E402
from auditor.documents import discover  # noqa: E402
from auditor.extract.registry import extract_document  # noqa: E402
from auditor.extract.shared import share_names  # noqa: E402

FILMS = [ROOT / "sources", ROOT / "tests" / "fixtures" / "documents"]


def run_round(refs) -> tuple[dict[str, float], float]:
    """Seconds spent per adapter on this round, and in sharing names."""
    spent: dict[str, float] = defaultdict(float)
    results = []
    clock = time.process_time  # CPU time: less swayed by other processes than the wall clock
    for ref in refs:
        t = clock()
        r = extract_document(ref)
        spent[r.adapter or "(error)"] += clock() - t
        results.append(r)
    t = clock()
    share_names(tuple(results))
    return spent, clock() - t


def workers_cpu() -> float | None:
    """CPU seconds of the finished worker processes: the worker server (forkserver) reaps
    them, so its children's times hold theirs. None where that cannot be read."""
    try:
        from multiprocessing import forkserver

        pid = forkserver._forkserver._forkserver_pid  # type: ignore[attr-defined]
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, AttributeError, ImportError, TypeError):
        return None
    return sum(int(x) for x in fields[11:15]) / os.sysconf("SC_CLK_TCK")  # u, s, cu, cs


def stage(folders: list[Path], workers: int) -> None:
    """The extract stage cold (a fresh cache) then warm, with its wall and CPU times."""
    home = Path(tempfile.mkdtemp(prefix="auditor-extract-"))
    os.environ[cache.ENV] = str(home / "cache")
    try:
        print(f"{'extract stage':<16}{'docs':>7}{'wall s':>9}{'cpu s':>9}{'workers s':>11}"
              f"{'wall ms/doc':>13}")
        for name in ("cold", "warm"):
            before = workers_cpu() or 0.0
            wall, cpu = time.perf_counter(), time.process_time()
            extraction = pipeline.extract_paths(folders, workers=workers)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            after = workers_cpu()
            kids = f"{after - before:11.2f}" if after is not None else f"{'n/a':>11}"
            n = len(extraction.documents)
            print(f"{name:<16}{n:>7}{wall:9.2f}{cpu:9.2f}{kids}{1000 * wall / n:13.3f}")
    finally:
        shutil.rmtree(home, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, default=FILMS)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--profile", action="store_true", help="print cProfile's top functions")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--stage", action="store_true",
                        help="time the whole extract stage on the folders, cold then warm")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    if args.stage:
        stage(args.folders, args.workers)
        return
    refs = discover(args.folders)
    count: dict[str, int] = defaultdict(int)
    first: dict[str, float] = defaultdict(float)
    # the first pass also warms imports and caches: each film's own patterns are compiled
    # then, as a catalog of distinct films compiles them on every film
    spent, _ = run_round(refs)
    for r in (extract_document(ref) for ref in refs):
        count[r.adapter or "(error)"] += 1
    first.update(spent)
    total: dict[str, float] = defaultdict(float)
    best: dict[str, float] = {}
    shared_total, shared_best = 0.0, float("inf")
    profiler = cProfile.Profile() if args.profile else None
    for _ in range(args.rounds):
        if profiler:
            profiler.enable()
        spent, shared = run_round(refs)
        if profiler:
            profiler.disable()
        for name, s in spent.items():
            total[name] += s
            best[name] = min(best.get(name, float("inf")), s)
        shared_total += shared
        shared_best = min(shared_best, shared)
    print(f"{len(refs)} documents, {args.rounds} rounds, one core"
          + (" (under cProfile: slower)" if profiler else ""))
    print(f"{'adapter':<16}{'docs':>6}{'mean ms/doc':>14}{'best ms/doc':>14}"
          f"{'first ms/doc':>14}")
    for name in sorted(count):
        n = count[name]
        print(f"{name:<16}{n:>6}{1000 * total[name] / args.rounds / n:>14.3f}"
              f"{1000 * best[name] / n:>14.3f}{1000 * first[name] / n:>14.3f}")
    n = len(refs)
    print(f"{'all':<16}{n:>6}{1000 * sum(total.values()) / args.rounds / n:>14.3f}"
          f"{1000 * sum(best.values()) / n:>14.3f}{1000 * sum(first.values()) / n:>14.3f}")
    print(f"{'share_names':<16}{n:>6}{1000 * shared_total / args.rounds / n:>14.3f}"
          f"{1000 * shared_best / n:>14.3f}")
    if profiler:
        stats = pstats.Stats(profiler)
        stats.sort_stats("cumulative").print_stats(args.top)
        stats.sort_stats("tottime").print_stats(args.top)


if __name__ == "__main__":
    main()
