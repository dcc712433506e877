"""Where things are and how strict to be: `[tool.auditor]` in pyproject.toml, or auditor.toml."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from auditor.errors import AuditorError

SEVERITIES = ("error", "warning", "info")
FAIL_ON = (*SEVERITIES, "never")


@dataclass(frozen=True)
class Config:
    root: Path
    sources: Path
    expectations: Path
    reports: Path
    fail_on: str = "error"
    settings: dict[str, Any] = field(default_factory=dict)  # the whole table, for later stages


def find_root(start: Path) -> Path | None:
    """The nearest folder at or above `start` with an auditor.toml or a [tool.auditor] table."""
    for folder in (start, *start.parents):
        if (folder / "auditor.toml").is_file():
            return folder
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "[tool.auditor]" in pyproject.read_text(encoding="utf-8"):
            return folder
    return None


def load(start: Path | None = None) -> Config:
    start = (start or Path.cwd()).resolve()
    root = find_root(start)
    table: dict[str, Any] = {}
    if root is not None:
        path = root / "auditor.toml"
        try:
            if path.is_file():
                table = tomllib.loads(path.read_text(encoding="utf-8"))
            else:
                path = root / "pyproject.toml"
                table = tomllib.loads(path.read_text(encoding="utf-8"))["tool"]["auditor"]
        except (tomllib.TOMLDecodeError, KeyError) as exc:
            raise AuditorError(
                f"{path}: invalid auditor configuration ({exc}); fix the file"
            ) from None
    base = root or start
    fail_on = str(table.get("fail_on", "error"))
    if fail_on not in FAIL_ON:
        raise AuditorError(f"fail_on = {fail_on!r} in the configuration; use one of {FAIL_ON}")
    return Config(
        root=base,
        sources=base / table.get("sources", "sources"),
        expectations=base / table.get("expectations", "expectations"),
        reports=base / table.get("reports", "reports"),
        fail_on=fail_on,
        settings=table,
    )
