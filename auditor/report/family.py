"""report.json, discrepancies.jsonl and report.sarif written together, from one pass over the
discrepancies: each batch's cited claims are gathered from the claim store, and their strings
and the discrepancies' own encoded as JSON, once for the three (discrepancy_json.Batch); each
file gets its part of a batch before the next batch is made, so none is held whole."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Protocol

import polars as pl

from auditor.report import discrepancy_json, json_report, sarif
from auditor.report.model import AuditReport
from auditor.writing import open_staged, put

FORMATS = ("json", "jsonl", "sarif")
Piece = str | pl.Series


class Stream(Protocol):
    def head(self) -> Iterable[Piece]: ...
    def part(self, batch: discrepancy_json.Batch) -> Iterable[Piece]: ...
    def tail(self) -> Iterable[Piece]: ...


class _Lines:
    """discrepancies.jsonl as a stream: its lines, nothing around them."""

    def __init__(self, report: AuditReport) -> None:
        self.lines = discrepancy_json.Lines(report.run)

    def head(self) -> Iterable[Piece]:
        return ()

    def part(self, batch: discrepancy_json.Batch) -> Iterable[Piece]:
        return (self.lines.part(batch),)

    def tail(self) -> Iterable[Piece]:
        return ()


class _Sarif:
    def __init__(self, report: AuditReport) -> None:
        self.log = sarif.Log(report)

    def head(self) -> Iterable[Piece]:
        return (self.log.head(),)

    def part(self, batch: discrepancy_json.Batch) -> Iterable[Piece]:
        return (self.log.part(batch),)

    def tail(self) -> Iterable[Piece]:
        return (self.log.tail(),)


_STREAMS: dict[str, Callable[[AuditReport], Stream]] = {
    "json": json_report.Document,
    "jsonl": _Lines,
    "sarif": _Sarif,
}


def write(report: AuditReport, paths: dict[str, Path]) -> None:
    """Write the formats `paths` names (some of FORMATS), each to its path."""
    streams = {fmt: _STREAMS[fmt](report) for fmt in FORMATS if fmt in paths}
    with contextlib.ExitStack() as stack:
        files = {fmt: stack.enter_context(open_staged(paths[fmt])) for fmt in streams}
        for fmt, stream in streams.items():
            for piece in stream.head():
                put(files[fmt], piece)
        for batch in discrepancy_json.batches(report.discrepancies):
            for fmt, stream in streams.items():
                for piece in stream.part(batch):
                    put(files[fmt], piece)
        for fmt, stream in streams.items():
            for piece in stream.tail():
                put(files[fmt], piece)
