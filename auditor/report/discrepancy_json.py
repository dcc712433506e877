"""Discrepancies as JSON text, a batch at a time: the bytes `json.dumps(d.to_dict())` writes
(compact, for discrepancies.jsonl) or `json.dumps(..., indent=2)` nested in report.json.

A catalog's discrepancies cite millions of claims: each batch's cited claims are gathered
from the claim store's frame and turned into text column by column (auditor.report.jsontext),
never into Python claim objects; only each discrepancy's own few fields are Python.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from json.encoder import encode_basestring_ascii as _string

import polars as pl

from auditor.reconcile.model import Discrepancy
from auditor.report import jsontext

BATCH = 5_000  # discrepancies whose text is made (and held) at once
_COLUMNS = (
    "source", "document", "raw", "value", "qualifier", "span_start", "span_end", "origin",
    "row", "column",
)  # fmt: skip


def lines(discrepancies: Sequence[Discrepancy], run: str) -> Iterator[str]:
    """discrepancies.jsonl, a batch of lines at a time."""
    head = '{"run": ' + _string(run) + ", "
    fields = _Fields(None)
    for batch in _batches(discrepancies):
        claims = _claims(batch, None)
        yield "".join(
            head + _compact(d, c, fields)[1:] + "\n" for d, c in zip(batch, claims, strict=True)
        )


def items(discrepancies: Sequence[Discrepancy], pad: str) -> Iterator[list[str]]:
    """Each discrepancy as nested in an indented list on lines indented by `pad`, a batch at a
    time (the caller joins them)."""
    fields = _Fields(pad + "  ")
    for batch in _batches(discrepancies):
        claims = _claims(batch, pad + "  ")
        yield [_indented(d, c, pad, fields) for d, c in zip(batch, claims, strict=True)]


class _Fields(dict):
    """A reason's fields (JSON text) as json.dumps writes them decoded, each distinct text
    encoded once: many findings share theirs (the same sources missing the same value)."""

    def __init__(self, pad: str | None) -> None:
        super().__init__()
        self.pad = pad

    def __missing__(self, text: str) -> str:
        value = json.loads(text)
        self[text] = out = json.dumps(value) if self.pad is None else jsontext.indented(
            value, self.pad
        )
        return out


def _batches(discrepancies: Sequence[Discrepancy]) -> Iterator[Sequence[Discrepancy]]:
    for lo in range(0, len(discrepancies), BATCH):
        yield discrepancies[lo : lo + BATCH]


def _compact(d: Discrepancy, claims: str, fields: _Fields) -> str:
    status = "" if d.status is None else ', "status": ' + _string(d.status)
    resolved = json.dumps(d.resolved.to_dict()) if d.resolved else "null"
    return (
        f'{{"id": {_string(d.id)}, "code": {_string(d.code)}, "kind": {_string(d.kind)}, '
        f'"severity": {_string(d.severity)}, "entity": {_string(d.entity)}, '
        f'"attribute": {_string(d.attribute)}, "explanation": {_string(d.explanation)}, '
        f'"reason": {_string(d.reason)}, "fields": {fields[d.fields]}, '
        f'"claims": {claims}, "resolved": {resolved}{status}}}'
    )


def _indented(d: Discrepancy, claims: str, pad: str, fields: _Fields) -> str:
    k = pad + "  "
    fields = [
        ("id", _string(d.id)),
        ("code", _string(d.code)),
        ("kind", _string(d.kind)),
        ("severity", _string(d.severity)),
        ("entity", _string(d.entity)),
        ("attribute", _string(d.attribute)),
        ("explanation", _string(d.explanation)),
        ("reason", _string(d.reason)),
        ("fields", fields[d.fields]),
        ("claims", claims),
        ("resolved", jsontext.indented(d.resolved.to_dict(), k) if d.resolved else "null"),
    ]
    if d.status is not None:
        fields.append(("status", _string(d.status)))
    return "{\n" + ",\n".join(f'{k}"{name}": {text}' for name, text in fields) + "\n" + pad + "}"


def _claims(batch: Sequence[Discrepancy], pad: str | None) -> list[str]:
    """Each discrepancy's `claims` list as JSON text: compact (`pad` None) or indented, its
    key on a line indented by `pad`."""
    rows = cited(batch)
    if rows is None:
        return ["[]"] * len(batch)
    texts = _claim_texts(rows, None if pad is None else pad + "  ")
    if pad is None:
        joined = texts.group_by("n", maintain_order=True).agg(
            ("[" + pl.col("text").str.join(", ") + "]").alias("list")
        )
    else:
        item = pad + "  "
        joined = texts.group_by("n", maintain_order=True).agg(
            ("[\n" + item + pl.col("text").str.join(",\n" + item) + "\n" + pad + "]").alias(
                "list"
            )
        )
    out = ["[]"] * len(batch)
    for n, text in zip(joined.get_column("n").to_list(), joined.get_column("list").to_list(),
                       strict=True):
        out[n] = text
    return out


def cited(batch: Sequence[Discrepancy]) -> pl.DataFrame | None:
    """The claims the batch cites, one row each (`n`: the discrepancy's place in the batch),
    in the batch's order and each discrepancy's own order."""
    by_store: dict[int, tuple[object, list[int], list[int]]] = {}
    for n, d in enumerate(batch):
        if d.store is None or not d.claim_idx:
            continue
        _, ns, idx = by_store.setdefault(id(d.store), (d.store, [], []))
        ns.extend([n] * len(d.claim_idx))
        idx.extend(d.claim_idx)
    if not by_store:
        return None
    parts = []
    for store, ns, idx in by_store.values():
        rows = store.frame.select(_COLUMNS)[pl.Series(idx, dtype=pl.Int64)]
        parts.append(rows.with_columns(n=pl.Series(ns, dtype=pl.Int64)))
    rows = pl.concat(parts) if len(parts) > 1 else parts[0]
    return rows.sort("n", maintain_order=True) if len(parts) > 1 else rows


def _claim_texts(cited: pl.DataFrame, pad: str | None) -> pl.DataFrame:
    """Each cited claim's object, ClaimRef.to_dict as json.dumps writes it: compact, or
    indented with the object on a line indented by `pad`."""
    col = cited.get_column
    s = {c: jsontext.strings(col(c)) for c in ("source", "document", "raw", "qualifier",
                                               "origin", "column")}
    start, end, row = (jsontext.ints(col(c)) for c in ("span_start", "span_end", "row"))
    has_span = col("span_start").is_not_null()
    has_row = col("row").is_not_null()
    if pad is None:
        k, sep, open_, close = "", ", ", "{", "}"
        span = "[" + start + ", " + end + "]"
    else:
        k = pad + "  "
        sep, open_, close = ",\n", "{\n", "\n" + pad + "}"
        span = "[\n" + k + "  " + start + ",\n" + k + "  " + end + "\n" + k + "]"
    value = jsontext.values(col("value"), None if pad is None else k)
    frame = pl.DataFrame(
        {
            "n": col("n"),
            "source": s["source"],
            "document": s["document"],
            "raw": s["raw"],
            "value": value,
            "qualifier": s["qualifier"],
            "span": pl.select(pl.when(has_span).then(span).otherwise(pl.lit("null"))).to_series(),
            "origin": s["origin"],
            "row": pl.select(
                pl.when(has_row)
                .then(sep + k + '"row": ' + row + sep + k + '"column": ' + s["column"])
                .otherwise(pl.lit(""))
            ).to_series(),
        }
    )
    key = [f'{k}"{name}": ' for name in ("source", "document", "raw", "value", "qualifier",
                                          "span", "origin")]
    text = pl.concat_str(
        pl.lit(open_ + key[0]), "source",
        pl.lit(sep + key[1]), "document",
        pl.lit(sep + key[2]), "raw",
        pl.lit(sep + key[3]), "value",
        pl.lit(sep + key[4]), "qualifier",
        pl.lit(sep + key[5]), "span",
        pl.lit(sep + key[6]), "origin",
        "row",
        pl.lit(close),
    )  # fmt: skip
    return frame.select("n", text.alias("text"))
