"""The stages wired together: the library API the CLI (and anyone else) calls."""

from __future__ import annotations

import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from auditor.claims import Claim, to_frame
from auditor.documents import DocumentRef, discover
from auditor.extract.registry import DocumentResult, extract_document

# Below this many documents, starting worker processes costs more than it saves.
PARALLEL_FROM = 16


@dataclass(frozen=True)
class Extraction:
    """Every document's outcome, and the claims of those that could be read, as one frame."""

    documents: tuple[DocumentResult, ...]
    claims: pl.DataFrame

    @property
    def errors(self) -> list[DocumentResult]:
        return [d for d in self.documents if d.error]


def extract_paths(paths: Sequence[Path], *, workers: int | None = None) -> Extraction:
    return extract_refs(discover(paths), workers=workers)


def extract_refs(refs: Sequence[DocumentRef], *, workers: int | None = None) -> Extraction:
    workers = workers or os.cpu_count() or 1
    if len(refs) >= PARALLEL_FROM and workers > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            results = tuple(pool.map(extract_document, refs, chunksize=8))
    else:
        results = tuple(extract_document(ref) for ref in refs)
    claims: list[Claim] = [c for r in results for c in r.claims]
    return Extraction(results, to_frame(claims))
