"""Suite files: Great Expectations' own JSON suite format, plus which sources each applies to.

Which sources a suite applies to is configuration kept in the suite's own `meta`:

    "meta": {"auditor": {"sources": "*"}}            every source
    "meta": {"auditor": {"sources": ["imdb"]}}       only these

A failed expectation is an error unless the expectation's GX `severity` ("critical", "warning",
"info") or its `meta.severity` ("error", "warning", "info") says otherwise.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_GX_SEVERITY = {"critical": "error", "warning": "warning", "info": "info"}


@dataclass(frozen=True)
class SuiteFile:
    path: Path
    name: str
    data: dict[str, Any]
    sources: tuple[str, ...] | None  # None: every source

    def applies_to(self, source: str) -> bool:
        return self.sources is None or source in self.sources


def severity(expectation: dict[str, Any]) -> str:
    meta = expectation.get("meta") or {}
    if meta.get("severity") in ("error", "warning", "info"):
        return meta["severity"]
    return _GX_SEVERITY.get(str(expectation.get("severity", "critical")).lower(), "error")


def load_suites(folder: Path) -> tuple[list[SuiteFile], list[str]]:
    """The suites, and one line for each file that is not a usable suite."""
    suites, errors = [], []
    if not folder.is_dir():
        return [], []
    for path in sorted(folder.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError, RecursionError) as exc:  # too deep
            errors.append(f"{path}: not valid JSON ({exc}); fix the file or remove it")
            continue
        except OSError as exc:
            errors.append(f"{path}: cannot be read ({exc.strerror}); replace it with a suite file")
            continue
        problem = _shape(data)
        if problem:
            errors.append(
                f"{path}: not a valid Great Expectations suite ({problem}); "
                "see the suites beside it for the format"
            )
            continue
        same = next((s.path.name for s in suites if s.name == data["name"]), None)
        if same:  # results are reported by suite name: whose would they be?
            errors.append(
                f"{path}: has the name {data['name']!r} of {same}; give each suite a name of "
                "its own"
            )
            continue
        targets = (data.get("meta") or {}).get("auditor", {}).get("sources", "*")
        sources = None if targets == "*" else tuple(targets)
        suites.append(SuiteFile(path, data["name"], data, sources))
    return suites, errors


def _shape(data: Any) -> str | None:
    if not isinstance(data, dict):
        return "the top level must be an object"
    if not isinstance(data.get("name"), str) or not data["name"]:
        return "it has no name"
    expectations = data.get("expectations")
    if not isinstance(expectations, list):
        return "'expectations' must be a list"
    meta = data.get("meta")
    if meta is not None and not isinstance(meta, dict):
        return "meta must be an object"
    if not isinstance((meta or {}).get("auditor", {}), dict):
        return "meta.auditor must be an object"
    for n, e in enumerate(expectations):
        if not isinstance(e, dict) or not isinstance(e.get("type"), str):
            return f"expectation {n} has no type"
        if not isinstance(e.get("kwargs", {}), dict):
            return f"expectation {n}: kwargs must be an object"
        if not isinstance(e.get("meta") or {}, dict):
            return f"expectation {n}: meta must be an object"
        bad = _bad_regex(e.get("kwargs") or {})
        if bad:
            return f"expectation {n} ({e['type']}): {bad}"
    targets = (data.get("meta") or {}).get("auditor", {}).get("sources", "*")
    if targets != "*" and not (
        isinstance(targets, list) and all(isinstance(t, str) for t in targets)
    ):
        return 'meta.auditor.sources must be "*" or a list of source names'
    return None


def _bad_regex(kwargs: dict[str, Any]) -> str | None:
    """A regex that cannot compile would fail on every row at validation, as if the data
    were wrong: say so as the suite's error."""
    patterns = [kwargs.get("regex")] + list(kwargs.get("regex_list") or [])
    for pattern in patterns:
        if pattern is None:
            continue
        try:
            re.compile(pattern)
        except (re.error, TypeError) as exc:
            return f"the regex {pattern!r} is invalid ({exc})"
    return None


def columns_named(expectation: dict[str, Any]) -> list[str]:
    kwargs = expectation.get("kwargs", {})
    named = [
        kwargs[k] for k in ("column", "column_A", "column_B") if isinstance(kwargs.get(k), str)
    ]
    named += [c for c in kwargs.get("column_list", []) if isinstance(c, str)]
    return named
