"""The report formats `auditor check` writes, by name, and their file names.

Kept apart from the renderers so that the command line can list them without importing polars.
"""

from __future__ import annotations

FILES: dict[str, str] = {
    "html": "report.html",
    "json": "report.json",
    "md": "summary.md",
    "junit": "junit.xml",
    "claims": "claims.jsonl",
    "sarif": "report.sarif",
    "jsonl": "discrepancies.jsonl",
}
FORMATS: tuple[str, ...] = tuple(FILES)
