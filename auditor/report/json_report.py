"""The machine-readable report, version 1: the stable contract of DESIGN.md.

ASCII-only JSON: every character beyond ASCII is a `\\u` escape, so no line or paragraph
separator (U+2028, U+2029, U+0085) reaches a consumer that splits lines or embeds the text.

Written a piece at a time (`chunks`): a catalog's report is hundreds of megabytes, so it is
never held as one string; the bytes are those of `json.dumps(report.to_dict(), indent=2)`.
"""

from __future__ import annotations

from collections.abc import Iterator
from json.encoder import encode_basestring_ascii as _string

import polars as pl

from auditor.report import discrepancy_json, jsontext
from auditor.report.jsontext import indented
from auditor.report.model import AuditReport

_ITEM = "    "  # a top-level list's items are nested two levels deep
_PER_CHUNK = 5_000  # items of a top-level list made into text at once


def render(report: AuditReport) -> str:
    return jsontext.join(chunks(report))


def chunks(report: AuditReport) -> Iterator[str | pl.Series]:
    """report.json in pieces, in order."""
    doc = Document(report)
    yield from doc.head()
    for batch in discrepancy_json.batches(report.discrepancies):
        yield from doc.part(batch)
    yield from doc.tail()


class Document:
    """report.json's text before its discrepancies (`head`), each batch of them (`part`) and
    the rest (`tail`), so that it is written from the batches the other formats are
    (auditor.report.family)."""

    def __init__(self, report: AuditReport) -> None:
        self.sections = report.to_dict(discrepancies=False)
        keys = list(self.sections)
        at = keys.index("discrepancies")
        self.before, self.after = keys[:at], keys[at + 1 :]
        self.items = discrepancy_json.Items(_ITEM)
        self.first = True
        self.keys = 0  # members written

    def head(self) -> Iterator[str | pl.Series]:
        yield "{"
        for key in self.before:
            yield from self._section(key)
        yield self._key("discrepancies")

    def part(self, batch: discrepancy_json.Batch) -> Iterator[str | pl.Series]:
        """The batch's items, each after its separator (or the list's opening), in one
        column that polars writes to the file."""
        if not len(batch):
            return
        first = ("[\n" if self.first else ",\n") + _ITEM
        self.first = False
        yield self.items.part(batch, jsontext.leads(len(batch), first, ",\n" + _ITEM))

    def tail(self) -> Iterator[str | pl.Series]:
        yield "[]" if self.first else "\n  ]"
        for key in self.after:
            yield from self._section(key)
        yield "\n}\n"

    def _key(self, key: str) -> str:
        self.keys += 1
        return ("\n  " if self.keys == 1 else ",\n  ") + _string(key) + ": "

    def _section(self, key: str) -> Iterator[str | pl.Series]:
        value = self.sections[key]
        yield self._key(key)
        if not (isinstance(value, list) and value):
            yield indented(value, "  ")
            return
        first = True
        for lo in range(0, len(value), _PER_CHUNK):
            part = value[lo : lo + _PER_CHUNK]
            lead = ("[\n" if first else ",\n") + _ITEM
            first = False
            texts = jsontext.records(part, _ITEM, jsontext.leads(len(part), lead, ",\n" + _ITEM))
            if texts is None:
                yield lead + (",\n" + _ITEM).join(indented(v, _ITEM) for v in part)
            else:
                yield texts
        yield "\n  ]"
