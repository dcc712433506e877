"""`auditor check`: write the report in every format asked for, as one set, into one folder.

Every file states the run id, a digest of what the run found (no clock: the same inputs give
byte-identical files), and the set replaces the folder's previous set in one step
(auditor.writing.report_set), so a reader never sees files of two runs side by side.
"""

from __future__ import annotations

import gc
import hashlib
import itertools
import json
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any

from auditor import __version__
from auditor.claims import COLUMNS
from auditor.formats import FILES
from auditor.report import (
    claims_jsonl,
    family,
    forked,
    html,
    json_report,
    junit,
    markdown,
    sarif,
)
from auditor.report import jsonl as discrepancies_jsonl
from auditor.report.model import VERSION, AuditReport
from auditor.writing import report_set, write_chunks, write_text


def _whole(render: Callable[[AuditReport], str]) -> Callable[[AuditReport], Iterator[str]]:
    return lambda report: iter((render(report),))


# Each format as pieces of text in order: the large ones (report.json, the JSON Lines files)
# are written as they are made, never held whole.
_RENDER: dict[str, Callable[[AuditReport], Iterator[str]]] = {
    "html": _whole(html.render),
    "json": json_report.chunks,
    "md": _whole(markdown.render),
    "junit": _whole(junit.render),
    "claims": claims_jsonl.chunks,
    "sarif": sarif.chunks,
    "jsonl": discrepancies_jsonl.chunks,
}
RENDERERS: dict[str, tuple[str, Callable[[AuditReport], Iterator[str]]]] = {
    fmt: (FILES[fmt], _RENDER[fmt]) for fmt in FILES
}


def run_id(report: AuditReport) -> str:
    """A digest of everything the outputs show: claims, documents, findings, settings."""
    return _digest(report, _claim_rows(report))


def _claim_rows(report: AuditReport) -> bytes:
    """The claims' part of the run id: a hash of each row (polars)."""
    if not report.claims.width:
        return b""
    return report.claims.select(COLUMNS).hash_rows(seed=0).to_numpy().tobytes()


def _digest(report: AuditReport, claim_rows: bytes) -> str:
    """run_id, the claims' row hashes given: pure Python (the claims' part is polars')."""
    h = hashlib.sha256()
    facts: dict[str, Callable[[], Iterator[Any]] | Any] = {
        "version": [VERSION, __version__],
        "documents": lambda: (d.to_dict() for d in report.documents),
        "expectations": [s.to_dict() for s in report.expectations],
        "discrepancies": lambda: (
            [d.id, d.code, d.severity, d.status, d.explanation, list(d.claim_idx)]
            for d in report.discrepancies
        ),
        "resolved": lambda: iter(report.resolved),
        "errors": list(report.errors),
        "settings": [report.fail_on, report.baseline],
    }
    # The bytes of json.dumps(facts, sort_keys=True, default=str), fed a piece at a time:
    # a catalog's facts are hundreds of megabytes as one string.
    for n, key in enumerate(sorted(facts)):
        h.update((("{" if n == 0 else ", ") + json.dumps(key) + ": ").encode("utf-8"))
        value = facts[key]
        if not callable(value):
            h.update(_dumps(value).encode("utf-8"))
            continue
        items = value()
        first = True
        while batch := list(itertools.islice(items, 5_000)):
            text = _dumps(batch)[1:-1]  # the items as a list's dump joins them: one call
            h.update((("[" if first else ", ") + text).encode("utf-8"))
            first = False
        h.update(b"[]" if first else b"]")
    h.update(b"}")
    h.update(claim_rows)
    return h.hexdigest()[:16]


def _dumps(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=str)


def write_reports(
    report: AuditReport,
    out_dir: Path,
    formats: Sequence[str],
    progress: Callable[[str, int, int], None] | None = None,
) -> list[Path]:
    """Render each format into a staging folder and switch it in; the paths of the files
    (and of the HTML report's folder of entity pages, when it has one). `progress` hears of
    each file (and each entity page) as it is written."""
    tell = progress or _silent
    # The report's objects live until the end: the collector need not walk them again and
    # again while the run id is computed and the files are made (a catalog's millions made
    # each pass cost seconds).
    gc.freeze()
    try:
        with report_set(out_dir, {*FILES.values(), html.ENTITY_DIR}) as stage:
            names = _write_set(report, stage, formats, tell)
    finally:
        gc.unfreeze()
    return [out_dir / name for name in names]


def _prepare(report: AuditReport, formats: Sequence[str]) -> tuple[AuditReport, html.Pages | None]:
    """The report with its run id, and the HTML pages made ready (when they are written).
    At catalog scale the digest (pure Python once polars has hashed the claims' rows) is
    made by a thread while this one makes the pages' views, much of it in polars, which
    lets the interpreter lock go: neither needs the other. (A forked process made it in
    parallel throughout, but copied ~160 MB of the report's pages at 2,000 films as it
    read them, while this process is at its peak.)"""
    if "html" not in formats:
        return replace(report, run=run_id(report)), None
    rows = _claim_rows(report)
    if not _forks(report, formats):
        run, pages = _digest(report, rows), html.Pages(report)
    else:
        with ThreadPoolExecutor(1) as thread:
            digest = thread.submit(_digest, report, rows)
            pages = html.Pages(report)
            run = digest.result()
    report = replace(report, run=run)
    return report, pages.of(report)


def _write_set(
    report: AuditReport, stage: Path, formats: Sequence[str], tell: Callable[[str, int, int], None]
) -> list[str]:
    """Every format's files in the staging folder; the names written. At catalog scale the
    work is shared out so that both cores stay busy: a forked child writes the HTML pages
    (pure Python once html.Pages is made), then the JUnit and Markdown files (the same, once
    junit.evidence is made), a thread writes claims.jsonl (polars, which lets the GIL go),
    and this thread the other formats (report.json, discrepancies.jsonl and report.sarif
    together, from the same batches of discrepancies: auditor.report.family)."""
    report, pages = _prepare(report, formats)
    child, apart = None, ()
    if pages is not None and _apart(pages, formats):
        apart = tuple(fmt for fmt in _IN_CHILD if fmt in formats)
        texts = junit.evidence(report) if "junit" in apart else None  # polars: before the fork
        # The pages stay here too: this process renders the entity pages the child has not
        # reached when its own formats are written (split), and freeing them would write to
        # every page of them shared with the child (~40,000 copy-on-write faults at 2,000
        # films) without lowering this process's peak, reached before the fork.
        split = forked.Split(len(pages.batches()))
        child = forked.Child(partial(_write_child, pages, report, stage, apart, texts, split))
    stolen = [0]  # entity pages this process wrote, taken from the child's share

    def html_tell(done: int, total: int) -> None:
        tell(html.INDEX, done + stolen[0], total)

    names = []
    together = [f for f in formats if f in family.FORMATS]
    together = together if len(together) > 1 else []
    try:
        with ThreadPoolExecutor(1) as thread:
            aside = {}
            if child is not None:
                aside = {
                    fmt: thread.submit(write_chunks, stage / name, render(report))
                    for fmt, (name, render) in RENDERERS.items()
                    if fmt in _THREADED and fmt in formats
                }
            for fmt in formats:
                name, render = RENDERERS[fmt]
                names.append(name)
                if fmt == "html":
                    if child is None:
                        _write_html(pages, stage, html_tell)
                    continue
                tell(name, 0, 1)
                if fmt in together:
                    if fmt == together[0]:  # all of them at once, from the same batches
                        family.write(report, {f: stage / FILES[f] for f in together})
                        for f in together:
                            tell(FILES[f], 1, 1)
                elif fmt not in aside and fmt not in apart:
                    write_chunks(stage / name, render(report))
                    tell(name, 1, 1)
            if child is not None:
                # Free before the child: the entity pages it has not begun, from the back.
                assert pages is not None
                batches = pages.batches()
                while (k := split.back()) is not None:
                    for rel, text in pages.render(batches[k]):
                        write_text(stage / rel, text)
                        stolen[0] += 1
            for fmt, done in aside.items():
                done.result()
                tell(RENDERERS[fmt][0], 1, 1)
            if child is not None:
                child.wait(html_tell)
                for fmt in apart:
                    tell(RENDERERS[fmt][0], 1, 1)
    finally:
        if child is not None:
            child.stop()
    if "html" in formats and (stage / html.ENTITY_DIR).is_dir():
        names.insert(names.index(html.INDEX) + 1, html.ENTITY_DIR)
    return names


_THREADED = {"claims"}  # formats written by a thread beside the others at catalog scale
# Formats the HTML pages' child writes after them at catalog scale: pure Python (junit's
# evidence made before the fork), and this process has more to write than the child.
_IN_CHILD = ("md", "junit")


def _apart(pages: html.Pages, formats: Sequence[str]) -> bool:
    """Whether the HTML pages are worth a process of their own: a catalog's, while other
    formats are written."""
    return pages.paged and _forks(pages.report, formats)


def _forks(report: AuditReport, formats: Sequence[str]) -> bool:
    """Whether a catalog's set shares its work with forked processes."""
    return (
        html.paged(report)
        and len(report.entities) >= html.PARALLEL_FROM
        and len(set(formats) - {"html"}) > 0
        and forked.available()
    )


def _silent(stage: str, done: int, total: int) -> None:
    pass


def _write_child(
    pages: html.Pages,
    report: AuditReport,
    stage: Path,
    apart: Sequence[str],
    texts: list[str] | None,
    split: forked.Split,
    tell: Callable[[int, int], None],
) -> None:
    """What the forked child writes: the HTML index, the entity pages it takes from the
    front of `split` (this process takes the rest from the back once its own formats are
    written), then the formats `apart`."""
    tell(0, pages.total)
    rel, text = pages.index()
    write_text(stage / rel, text)
    done = 1
    tell(done, pages.total)
    batches = pages.batches()
    while (k := split.front()) is not None:
        for rel, text in pages.render(batches[k]):
            write_text(stage / rel, text)
            done += 1
            tell(done, pages.total)
    for fmt in apart:
        text = junit.render(report, texts) if fmt == "junit" else markdown.render(report)
        write_text(stage / FILES[fmt], text)


def _write_html(
    pages: html.Pages, stage: Path, tell: Callable[[int, int], None], workers: int | None = None
) -> None:
    """The one page, or the index and a page per entity, each written as it is made (a
    catalog's pages are never held together); the entities/ folder is swapped in with the
    rest of the set, so pages of an earlier run cannot linger."""
    tell(0, pages.total)
    for n, (rel, text) in enumerate(pages.files(workers), 1):
        write_text(stage / rel, text)
        tell(n, pages.total)


def summary_lines(report: AuditReport) -> list[str]:
    s = report.summary()
    counts = s["discrepancies"]
    return [
        f"{_count(s['documents'], 'document')} ({s['document_errors']} unreadable), "
        f"{_count(s['claims'], 'claim')}, {_count(len(report.entities), 'entity', 'entities')}",
        f"discrepancies: {counts['error']} error, {counts['warning']} warning, "
        f"{counts['info']} info; expectations failed: {s['expectations']['failed']}",
    ]


def _count(n: int, one: str, many: str = "") -> str:
    return f"{n:,} {one if n == 1 else many or one + 's'}"
