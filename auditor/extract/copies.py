"""The same bytes filed twice in one entity: one copy is kept, the others refused."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from auditor.extract.registry import DocumentResult


def without_copies(results: Sequence[DocumentResult]) -> tuple[DocumentResult, ...]:
    """The same bytes twice in one entity would vote twice: one copy is kept, the one whose
    source is its template's name (imdb.txt rather than backup.txt), else the first. Entities
    never meet here, so a worker (or the Spark engine) calls it on one entity's results."""
    kept: dict[tuple[str, str], DocumentResult] = {}
    for r in sorted(results, key=lambda r: (r.ref.source != r.adapter, r.ref.relpath)):
        if r.error is None and r.digest:
            kept.setdefault((r.ref.entity, r.digest), r)
    out = []
    for r in results:
        first = kept.get((r.ref.entity, r.digest)) if r.error is None and r.digest else None
        if first is not None and first is not r:
            r = replace(
                r,
                claims=(),
                error=f"{r.ref.relpath}: has the same content as {first.ref.relpath}; remove "
                "one of them (a copy would count as a second source agreeing)",
            )
        out.append(r)
    return tuple(out)
