"""`auditor check` on a generated data set, as the benchmarks of data the auditor was not built
for run it (truth_products.py, truth_stocks.py): the data set's own configuration, learned or
vote resolution, report.json only, no cache."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_auditor(out: Path, method: str, config: str) -> tuple[Path, float]:
    """The report.json of `auditor check --config out/auditor.toml` (for `method` "vote", a copy
    of `config`, the configuration's text, with `resolution = "vote"`), and its wall time."""
    config_file = out / "auditor.toml"
    if method == "vote":
        config_file = out / "auditor-vote.toml"
        config_file.write_text('resolution = "vote"\n' + config)
    reports = out / f"reports-{method}"
    shutil.rmtree(reports, ignore_errors=True)
    began = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "auditor", "check", "--config", str(config_file), "--format",
         "json", "--out", str(reports)],
        cwd=ROOT, capture_output=True, text=True, env={**os.environ, "AUDITOR_CACHE": "off"},
    )
    took = time.perf_counter() - began
    (out / f"check-{method}.log").write_text(done.stdout + done.stderr)
    if done.returncode not in (0, 1):
        sys.exit(f"auditor check ({method}) failed:\n{done.stderr[-3000:]}")
    return reports / "report.json", took
