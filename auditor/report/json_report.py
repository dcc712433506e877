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
_PER_CHUNK = 5_000  # items of a top-level list joined into one piece of text


def render(report: AuditReport) -> str:
    return jsontext.join(chunks(report))


def chunks(report: AuditReport) -> Iterator[str | pl.Series]:
    """report.json in pieces, in order."""
    sections = report.to_dict(discrepancies=False)
    yield "{"
    for n, (key, value) in enumerate(sections.items()):
        yield ("\n  " if n == 0 else ",\n  ") + _string(key) + ": "
        if key == "discrepancies":
            yield from _columns(discrepancy_json.items(report.discrepancies, _ITEM))
        elif isinstance(value, list) and value:
            yield from _list(
                [indented(v, _ITEM) for v in value[lo : lo + _PER_CHUNK]]
                for lo in range(0, len(value), _PER_CHUNK)
            )
        else:
            yield indented(value, "  ")
    yield "\n}\n"


def _list(batches: Iterator[list[str]]) -> Iterator[str]:
    """An indented top-level list from its items' texts, a batch at a time."""
    first = True
    for batch in batches:
        if not batch:
            continue
        yield ("[\n" if first else ",\n") + _ITEM + (",\n" + _ITEM).join(batch)
        first = False
    yield "[]" if first else "\n  ]"


def _columns(batches: Iterator[pl.Series]) -> Iterator[str | pl.Series]:
    """An indented top-level list from columns of its items' texts: each item but the
    first after its separator, in the column (polars writes it to the file)."""
    first = True
    for batch in batches:
        if not batch.len():
            continue
        yield ("[\n" if first else ",\n") + _ITEM
        text = batch.to_frame("item").select(
            pl.when(pl.int_range(pl.len()) == 0)
            .then(pl.col("item"))
            .otherwise(",\n" + _ITEM + pl.col("item"))
        )
        yield text.to_series()
        first = False
    yield "[]" if first else "\n  ]"
