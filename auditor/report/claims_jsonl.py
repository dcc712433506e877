"""`claims.jsonl`: every claim, one a line, with the run id; the bytes of
`auditor.claims.jsonl`, made column by column a slice of claims at a time, so that a catalog's
millions of claims are never Python objects nor one string."""

from __future__ import annotations

from collections.abc import Iterator
from json.encoder import encode_basestring_ascii as _string

import polars as pl

from auditor.claims import COLUMNS
from auditor.report import jsontext
from auditor.report.model import AuditReport

SLICE = 25_000  # claims made into text at once
_INTS = {"span_start", "span_end", "row"}


def render(report: AuditReport) -> str:
    return jsontext.join(chunks(report))


def chunks(report: AuditReport) -> Iterator[pl.Series]:
    """The lines, a column of them (each with its newline) a slice of claims at a time."""
    claims = report.claims
    if not claims.width:
        return
    tail = ', "run": ' + _string(report.run) + "}\n"
    for lo in range(0, claims.height, SLICE):
        part = claims.slice(lo, SLICE)
        pieces: list[pl.Series | pl.Expr] = []
        for n, name in enumerate(COLUMNS):
            column = part.get_column(name)
            if name == "value":
                text = jsontext.values(column, None)
            elif name in _INTS:
                text = jsontext.ints(column)
            else:
                text = jsontext.strings(column)
            pieces += [pl.lit(("{" if n == 0 else ", ") + _string(name) + ": "), text]
        yield pl.select(pl.concat_str(*pieces, pl.lit(tail))).to_series()
