"""Engines that run the audit: `polars` on this machine (auditor.pipeline), or `spark` on a
Spark cluster (auditor.engine.spark, an optional extra), giving the same report."""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from pathlib import Path

from auditor.config import Config
from auditor.errors import AuditorError
from auditor.pipeline import Progress, _silent
from auditor.pipeline import audit as audit_polars
from auditor.report.model import AuditReport

ENGINES = ("polars", "spark")


def audit(
    paths: Sequence[Path], config: Config, progress: Progress = _silent, engine: str = "polars"
) -> AuditReport:
    """The report of `engine`; pyspark is imported only when it is asked for."""
    if engine not in ENGINES:
        raise AuditorError(f"engine {engine!r} is not one of {', '.join(ENGINES)}")
    if engine == "spark":
        missing = [m for m in ("pyspark", "pyarrow") if importlib.util.find_spec(m) is None]
        if missing:
            raise AuditorError(
                f"--engine spark needs {' and '.join(missing)}, which are not installed; "
                "install them with pip install 'auditor[spark]'"
            )
        from auditor.engine import spark

        return spark.audit(paths, config, progress)
    return audit_polars(paths, config, progress)
