"""SARIF 2.1.0, so that code scanning shows each discrepancy on the lines that state its values.

One result per discrepancy; its rule is the catalog kind (code, name, docs, default level); each
claim is a location whose region is the claim's span, in lines and columns computed from the
line starts that extraction kept (the documents are not read again). Columns count Unicode
code points (`columnKind`), as the spans do. A discrepancy the baseline knows is reported as
unchanged and suppressed, so that it does not annotate a pull request again.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Iterator, Sequence
from json.encoder import encode_basestring_ascii as _s
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl

from auditor import __version__
from auditor.catalog import KINDS
from auditor.report import discrepancy_json, jsontext
from auditor.report.model import AuditReport, DocumentRecord

SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SOURCES_BASE = "SOURCES"  # where document paths are relative to when no repository holds them


_RESULTS = "\x00results\x00"  # where the results go in the log's text
_COLUMNS = ("source", "document", "raw", "span_start", "span_end", "row", "column")
_SHIFT = 1 << 40  # past any offset in a document: each document's line starts sorted apart
_SUPPRESSED = ',"suppressions":' + json.dumps(
    [{"kind": "external", "justification": "accepted in the baseline"}], separators=(",", ":")
)


def render(report: AuditReport) -> str:
    return jsontext.join(chunks(report))


def chunks(report: AuditReport) -> Iterator[str | pl.Series]:
    """The log in pieces: compact JSON (ASCII-only: it can be large), its results a batch at
    a time, each claim's location from the claim store's columns (no claim objects)."""
    log = Log(report)
    yield log.head()
    for batch in discrepancy_json.batches(report.discrepancies):
        yield log.part(batch)
    yield log.tail()


class Log:
    """The log's text around its results (`head`, `tail`) and each batch's results
    (`part`), so that it is written from the batches report.json's are (family)."""

    def __init__(self, report: AuditReport) -> None:
        rules = sorted(KINDS.values(), key=lambda k: k.code)
        self.index = {k.code: i for i, k in enumerate(rules)}
        docs = {d.document: d for d in report.documents}
        uris = _artifacts(report.documents)
        run: dict[str, Any] = {
            "tool": {
                "driver": {
                    "name": "auditor",
                    "version": __version__,
                    "rules": [
                        {
                            "id": k.code,
                            "name": k.name,
                            "shortDescription": {"text": k.summary()},
                            "fullDescription": {"text": k.doc()},
                            "help": {"text": k.doc()},
                            "defaultConfiguration": {"level": LEVEL[k.severity]},
                        }
                        for k in rules
                    ],
                }
            },
            "automationDetails": {"id": f"auditor/{report.run}"},
            "columnKind": "unicodeCodePoints",
            "originalUriBaseIds": {
                SOURCES_BASE: {"description": {"text": "the sources folder that was audited"}}
            },
            "invocations": [_invocation(report, uris)],
            "results": _RESULTS,
        }
        log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
        self._head, self._tail = json.dumps(log, separators=(",", ":")).split(
            json.dumps(_RESULTS), 1
        )
        self.text = _Text(docs, uris)
        self.lines = _Lines(report.documents)
        self.first = True

    def head(self) -> str:
        return self._head + "["

    def part(self, batch: discrepancy_json.Batch) -> pl.Series:
        """The batch's results, each after its separator: column-wise, the discrepancies'
        strings as report.json encodes them (batch.own)."""
        own = batch.own
        code, severity = own['"code"'], own['"severity"']
        rule = code.replace_strict(
            [_s(c) for c in self.index], [str(i) for i in self.index.values()],
            return_dtype=pl.String,
        )  # fmt: skip
        level = severity.replace_strict(
            [_s(s) for s in LEVEL], [_s(v) for v in LEVEL.values()], return_dtype=pl.String
        )
        status = pl.col("status")
        tail = (
            pl.when(status.is_null()).then(pl.lit(""))
            .when(status == "known").then(pl.lit(',"baselineState":"unchanged"' + _SUPPRESSED))
            .otherwise(pl.lit(',"baselineState":"new"'))
        )  # fmt: skip
        lead = jsontext.leads(len(batch), "" if self.first else ",", ",")
        text = pl.concat_str(
            pl.lit(lead), pl.lit('{"ruleId":'), pl.lit(code),
            pl.lit(',"ruleIndex":'), pl.lit(rule), pl.lit(',"level":'), pl.lit(level),
            pl.lit(',"message":{"text":'), pl.lit(own['"explanation"']),
            pl.lit('},"locations":['), pl.lit(self.text.locations(batch, self.lines)),
            pl.lit('],"partialFingerprints":{"auditorDiscrepancy/v1":'), pl.lit(own['"id"']),
            pl.lit('},"properties":{"entity":'), pl.lit(own['"entity"']),
            pl.lit(',"attribute":'), pl.lit(own['"attribute"']),
            pl.lit(',"kind":'), pl.lit(own['"kind"']), pl.lit("}"), tail, pl.lit("}"),
        )  # fmt: skip
        self.first = False
        return batch.status.to_frame("status").select(text).to_series()

    def tail(self) -> str:
        return "]" + self._tail + "\n"


class _Text:
    """A result's compact JSON written directly: the bytes json.dumps gives for the result
    as a dict (tests/test_stream_json.py builds those and compares): a catalog has millions
    of locations, and a dict per location cost more than the rest of the log."""

    def __init__(self, docs: dict[str, DocumentRecord], uris: dict[str, dict]) -> None:
        self.docs, self.uris = docs, uris
        self.artifacts: dict[str, str] = {}

    def artifact(self, document: str) -> str:
        if document not in self.artifacts:
            artifact = self.uris.get(document) or {"uri": document, "uriBaseId": SOURCES_BASE}
            self.artifacts[document] = json.dumps(artifact, separators=(",", ":"))
        return self.artifacts[document]

    def locations(self, batch: discrepancy_json.Batch, lines: _Lines) -> pl.Series:
        """Each discrepancy's locations, joined: made column-wise over the batch's cited
        claims (their rows of the claim store), the region's lines and columns looked up
        in every document's line starts at once."""
        cited = batch.cited
        out = pl.Series([""] * len(batch), dtype=pl.String)
        if cited is None:
            return out
        col = pl.col
        documents = cited.get_column("document")
        distinct = documents.unique()
        artifacts = pl.Series([self.artifact(d) for d in distinct.to_list()], dtype=pl.String)
        region = lines.regions(cited, batch.string("raw"))
        source = col("source").fill_null("None")
        raw = col("raw").fill_null("None")
        row = col("row").cast(pl.String)
        said = pl.concat_str(source, pl.lit(": "), raw)
        cell = pl.concat_str(said, pl.lit(" (row "), row, pl.lit(", column "),
                             col("column").fill_null("None"), pl.lit(")"))  # fmt: skip
        texts = cited.select(
            "n",
            documents.replace_strict(distinct, artifacts, return_dtype=pl.String).alias("a"),
            region.alias("region"),
            pl.when(col("row").is_null()).then(said).otherwise(cell).alias("message"),
            col("column"),
            row.alias("row_text"),
            col("row").is_null().alias("no_row"),
        )
        texts = texts.with_columns(
            jsontext.strings(texts.get_column("message")), batch.string("column")
        )
        location = pl.concat_str(
            pl.lit('{"physicalLocation":{"artifactLocation":'), col("a"), col("region"),
            pl.lit('},"message":{"text":'), col("message"), pl.lit("}"),
            pl.when(col("no_row"))
            .then(pl.lit(""))
            .otherwise(pl.concat_str(pl.lit(',"properties":{"row":'), col("row_text"),
                                     pl.lit(',"column":'), col("column"), pl.lit("}"))),
            pl.lit("}"),
        )  # fmt: skip
        joined = texts.group_by("n", maintain_order=True).agg(
            location.str.join(",").alias("location")
        )
        return out.scatter(joined.get_column("n"), joined.get_column("location"))


def region_of(line_starts: Sequence[int], start: int, end: int) -> tuple[int, int, int, int]:
    """`region`'s four numbers."""
    first = bisect.bisect_right(line_starts, start) - 1
    last = bisect.bisect_right(line_starts, max(start, end - 1)) - 1
    return first + 1, start - line_starts[first] + 1, last + 1, end - line_starts[last] + 1


class _Lines:
    """Every document's line starts in one sorted array, each document's shifted past the
    one before (by `_SHIFT`): the lines of all claims' spans are found at once by binary
    search, as region_of finds one span's."""

    def __init__(self, documents: Sequence[DocumentRecord]) -> None:
        self.line_starts: dict[str, Sequence[int]] = {}
        for d in documents:
            if d.line_starts and d.document not in self.line_starts:
                self.line_starts[d.document] = d.line_starts
        firsts, starts, first = [], [], 0
        for k, line_starts in enumerate(self.line_starts.values()):
            firsts.append(first)
            starts.append(np.asarray(line_starts, dtype=np.int64) + k * _SHIFT)
            first += len(line_starts)
        self.names = pl.Series(list(self.line_starts), dtype=pl.String)
        self.firsts = pl.Series(firsts, dtype=pl.Int64)
        self.starts = pl.Series(np.concatenate(starts) if starts else np.zeros(0, np.int64))

    def regions(self, cited: pl.DataFrame, raw: pl.Series) -> pl.Series:
        """Each cited claim's `"region"` member (with its leading comma), or "" where its
        document has no line starts or it has no span; `raw`: the claims' raw texts as
        JSON."""
        col, number = pl.col, pl.Int64
        k = cited.get_column("document").replace_strict(
            self.names, pl.Series(range(len(self.names)), dtype=number), default=None,
            return_dtype=number,
        )  # fmt: skip
        frame = cited.select(
            k.alias("k"),
            col("span_start").cast(number).alias("start"),
            col("span_end").cast(number).alias("end"),
            raw.alias("snippet"),
        ).with_row_index("i")
        known = frame.filter(col("k").is_not_null() & col("start").is_not_null())
        out = pl.Series([""] * cited.height, dtype=pl.String)
        if not known.height:
            return out
        base = known.get_column("k") * _SHIFT
        first = known.get_column("k").replace_strict(
            pl.Series(range(len(self.firsts)), dtype=number), self.firsts, return_dtype=number
        )
        last_offset = known.select(pl.max_horizontal("start", col("end") - 1)).to_series()
        line = self.starts.search_sorted(base + known.get_column("start"), side="right") - 1
        last = self.starts.search_sorted(base + last_offset, side="right") - 1
        found = known.with_columns(
            line=(line.cast(number) - first),
            last=(last.cast(number) - first),
            line_start=self.starts.gather(line.clip(lower_bound=0)) - base,
            last_start=self.starts.gather(last.clip(lower_bound=0)) - base,
        )
        text = pl.concat_str(
            pl.lit(',"region":{"startLine":'), (col("line") + 1).cast(pl.String),
            pl.lit(',"startColumn":'), (col("start") - col("line_start") + 1).cast(pl.String),
            pl.lit(',"endLine":'), (col("last") + 1).cast(pl.String),
            pl.lit(',"endColumn":'), (col("end") - col("last_start") + 1).cast(pl.String),
            pl.lit(',"snippet":{"text":'), col("snippet"), pl.lit("}}"),
        )  # fmt: skip
        # A span before its document's first line start: region_of's index counts from the
        # end there, which the search does not copy; such a region is made one by one.
        texts = found.select(pl.when(col("line") < 0).then(None).otherwise(text)).to_series()
        odd = found.filter(col("line") < 0)
        if odd.height:
            values = texts.to_list()
            where = {i: n for n, i in enumerate(found.get_column("i").to_list())}
            names = self.names.to_list()
            for i, k, start, end, snippet in odd.select(
                "i", "k", "start", "end", "snippet"
            ).iter_rows():
                r = region_of(self.line_starts[names[k]], start, end)
                values[where[i]] = (
                    f',"region":{{"startLine":{r[0]},"startColumn":{r[1]},"endLine":{r[2]},'
                    f'"endColumn":{r[3]},"snippet":{{"text":{snippet}}}}}'
                )
            texts = pl.Series(values, dtype=pl.String)
        return out.scatter(found.get_column("i"), texts)


def region(line_starts: Sequence[int], start: int, end: int) -> dict[str, int]:
    """1-based lines and columns of the span [start, end); endColumn is the one after it."""
    first_line, first_column, last_line, end_column = region_of(line_starts, start, end)
    return {
        "startLine": first_line,
        "startColumn": first_column,
        "endLine": last_line,
        "endColumn": end_column,
    }


def _artifacts(documents: Sequence[DocumentRecord]) -> dict[str, dict[str, str]]:
    """Each document's path from the root of the repository that holds it, so that GitHub
    finds the file; from the sources folder when no repository holds it."""
    roots: dict[Path, Path | None] = {}
    uris = {}
    for d in documents:
        uris[d.document] = {"uri": d.document, "uriBaseId": SOURCES_BASE}
        if d.path is None:
            continue
        folder = d.path.parent
        if folder not in roots:
            roots[folder] = _root(folder, roots)
        if roots[folder] is not None:
            uris[d.document] = {"uri": d.path.relative_to(roots[folder]).as_posix()}
    return uris


def _root(folder: Path, roots: dict[Path, Path | None]) -> Path | None:
    """The repository holding folder (the nearest one up with a .git), each folder's answer
    kept: a catalog's thousands of folders share their parents."""
    if folder not in roots:
        parent = folder.parent
        if (folder / ".git").exists():
            roots[folder] = folder
        else:
            roots[folder] = None if parent == folder else _root(parent, roots)
    return roots[folder]


def _invocation(report: AuditReport, uris: dict[str, dict]) -> dict[str, Any]:
    """Documents and settings that could not be used, as the tool's notifications."""
    notes = [
        {
            "level": "error",
            "message": {"text": d.error},
            "locations": [{"physicalLocation": {"artifactLocation": uris[d.document]}}],
        }
        for d in report.document_errors
    ]
    notes += [{"level": "error", "message": {"text": e}} for e in report.errors]
    invocation: dict[str, Any] = {"executionSuccessful": not notes}
    if notes:
        invocation["toolExecutionNotifications"] = notes
    return invocation
