"""`auditor check`: run the pipeline on the sources and write what it found."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from auditor.claims import COLUMNS, frame_rows
from auditor.config import Config
from auditor.pipeline import Extraction, extract_paths
from auditor.writing import write_atomic


@dataclass(frozen=True)
class CheckOutcome:
    extraction: Extraction
    written: tuple[Path, ...]

    @property
    def exit_code(self) -> int:
        return 2 if self.extraction.errors else 0

    def summary_lines(self) -> list[str]:
        docs = self.extraction.documents
        lines = [
            f"{len(docs)} documents, {len(docs) - len(self.extraction.errors)} read, "
            f"{self.extraction.claims.height} claims"
        ]
        lines += [f"wrote {p}" for p in self.written]
        return lines


def run_check(paths: Sequence[Path], config: Config, out_dir: Path) -> CheckOutcome:
    extraction = extract_paths(paths)
    claims = extraction.claims.select(COLUMNS)
    jsonl = "".join(
        json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in frame_rows(claims)
    )
    documents = [
        {
            "entity": d.ref.entity,
            "source": d.ref.source,
            "document": d.ref.relpath,
            "adapter": d.adapter,
            "claims": len(d.claims),
            "error": d.error,
        }
        for d in extraction.documents
    ]
    claims_path = out_dir / "claims.jsonl"
    docs_path = out_dir / "documents.json"
    write_atomic(claims_path, jsonl)
    write_atomic(docs_path, json.dumps(documents, indent=2, ensure_ascii=False) + "\n")
    return CheckOutcome(extraction, (claims_path, docs_path))
