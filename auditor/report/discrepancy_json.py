"""Discrepancies as JSON text, a batch at a time: the bytes `json.dumps(d.to_dict())` writes
(compact, for discrepancies.jsonl) or `json.dumps(..., indent=2)` nested in report.json.

A catalog's discrepancies cite millions of claims: each batch's cited claims are gathered
from the claim store's frame and turned into text column by column (auditor.report.jsontext),
never into Python claim objects; only each discrepancy's own few fields are Python.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from functools import cached_property
from json.encoder import encode_basestring_ascii as _string
from operator import attrgetter

import polars as pl

from auditor.reconcile.model import Discrepancy
from auditor.report import jsontext

BATCH = 5_000  # discrepancies whose text is made (and held) at once
_COLUMNS = (
    "source", "document", "raw", "value", "qualifier", "span_start", "span_end", "origin",
    "row", "column",
)  # fmt: skip


def lines(discrepancies: Sequence[Discrepancy], run: str) -> Iterator[pl.Series]:
    """discrepancies.jsonl, a column of lines (each with its newline) a batch at a time."""
    text = Lines(run)
    for batch in batches(discrepancies):
        yield text.part(batch)


def items(discrepancies: Sequence[Discrepancy], pad: str) -> Iterator[pl.Series]:
    """Each discrepancy as nested in an indented list on lines indented by `pad`, a column
    of them a batch at a time (the caller puts the list's separators between them)."""
    text = Items(pad)
    for batch in batches(discrepancies):
        yield text.part(batch)


class Batch:
    """A batch of discrepancies and what their texts in every format share, each made once
    when a format first asks: the claims they cite (rows of the claim store) and those
    claims' and the discrepancies' strings as JSON. report.json, discrepancies.jsonl and
    report.sarif are written from the same batches (auditor.report.family)."""

    def __init__(self, discrepancies: Sequence[Discrepancy]) -> None:
        self.discrepancies = discrepancies
        self._strings: dict[str, pl.Series] = {}

    def __len__(self) -> int:
        return len(self.discrepancies)

    @cached_property
    def cited(self) -> pl.DataFrame | None:
        return cited(self.discrepancies)

    def string(self, name: str) -> pl.Series:
        """A string column of the cited claims, as JSON."""
        if name not in self._strings:
            assert self.cited is not None
            self._strings[name] = jsontext.strings(self.cited.get_column(name))
        return self._strings[name]

    @cached_property
    def own(self) -> dict[str, pl.Series]:
        """The discrepancies' own strings as JSON, by key (itself as JSON)."""
        return {
            _string(name): jsontext.strings(
                pl.Series(name, list(map(attrgetter(name), self.discrepancies)), dtype=pl.String)
            )
            for name in _OWN
        }

    @cached_property
    def status(self) -> pl.Series:
        return pl.Series([d.status for d in self.discrepancies], dtype=pl.String)


def batches(discrepancies: Sequence[Discrepancy], size: int | None = None) -> Iterator[Batch]:
    size = size or BATCH
    for lo in range(0, len(discrepancies), size):
        yield Batch(discrepancies[lo : lo + size])


class Lines:
    """discrepancies.jsonl's lines for each batch in turn."""

    def __init__(self, run: str) -> None:
        self.head = '{"run": ' + _string(run) + ", "
        self.fields = _Fields(None)
        self.resolved = _Resolved(None)

    def part(self, batch: Batch) -> pl.Series:
        own = _own(batch, self.fields, self.resolved)
        text = [pl.lit(self.head + _KEYS[0] + ": "), own[_KEYS[0]]]
        for name in _KEYS[1:]:
            text += [pl.lit(f", {name}: "), own[name]]
        text += [_status(batch, ", "), pl.lit("}\n")]
        return pl.select(pl.concat_str(text)).to_series()


class Items:
    """Each batch's discrepancies as nested in an indented list on lines indented by `pad`."""

    def __init__(self, pad: str) -> None:
        self.pad, self.k = pad, pad + "  "
        self.fields = _Fields(self.k)
        self.resolved = _Resolved(self.k)

    def part(self, batch: Batch, lead: pl.Series | None = None) -> pl.Series:
        """The batch's items; `lead`: a text put before each (jsontext.leads)."""
        k = self.k
        own = _own(batch, self.fields, self.resolved, k)
        text = [] if lead is None else [pl.lit(lead)]
        text += [pl.lit("{\n" + k + _KEYS[0] + ": "), own[_KEYS[0]]]
        for name in _KEYS[1:]:
            text += [pl.lit(f",\n{k}{name}: "), own[name]]
        text += [_status(batch, ",\n" + k), pl.lit("\n" + self.pad + "}")]
        return pl.select(pl.concat_str(text)).to_series()


# The members of a discrepancy's object, in order (`status` follows when it has one).
_KEYS = tuple(
    _string(name)
    for name in (
        "id", "code", "kind", "severity", "entity", "attribute", "explanation", "reason",
        "fields", "claims", "resolved",
    )
)  # fmt: skip
_OWN = ("id", "code", "kind", "severity", "entity", "attribute", "explanation", "reason")


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


class _Resolved:
    """Each discrepancy's resolved value (an object, or null) as json.dumps writes it:
    compact (`pad` None) or indented on lines indented by `pad`. Column-wise: its value,
    confidence and sources are encoded one member at a time, lists and dicts once per
    distinct text (a catalog's findings repeat them)."""

    def __init__(self, pad: str | None) -> None:
        self.pad = pad
        self.values: dict[str, str] = {}
        self.sources: dict[tuple[str, ...], str] = {}
        if pad is None:
            self.keys = ('{"value": ', ', "confidence": ', ', "sources": ', "}")
        else:
            inner = pad + "  "
            self.keys = (
                "{\n" + inner + '"value": ', ",\n" + inner + '"confidence": ',
                ",\n" + inner + '"sources": ', "\n" + pad + "}",
            )  # fmt: skip

    def column(self, batch: Batch) -> pl.Series:
        found = [d.resolved for d in batch.discrepancies]
        present = [r for r in found if r is not None]
        if not present:
            return pl.Series(["null"] * len(found), dtype=pl.String)
        inner = None if self.pad is None else self.pad + "  "
        values = jsontext.members([r.value for r in present], inner, self.values)
        confidence = jsontext.members([r.confidence for r in present], inner)
        sources = []
        for r in present:
            text = self.sources.get(r.sources)
            if text is None:
                text = self.sources[r.sources] = jsontext.members([list(r.sources)], inner)[0]
            sources.append(text)
        k = self.keys
        text = pl.select(
            pl.concat_str(
                pl.lit(k[0]), pl.lit(pl.Series(values, dtype=pl.String)),
                pl.lit(k[1]), pl.lit(pl.Series(confidence, dtype=pl.String)),
                pl.lit(k[2]), pl.lit(pl.Series(sources, dtype=pl.String)), pl.lit(k[3]),
            )
        ).to_series()  # fmt: skip
        if len(present) == len(found):
            return text
        where = [n for n, r in enumerate(found) if r is not None]
        out = pl.Series(["null"] * len(found), dtype=pl.String)
        return out.scatter(where, text)


def _own(
    batch: Batch, fields: _Fields, resolved: _Resolved, pad: str | None = None
) -> dict[str, pl.Series]:
    """Each member's JSON text for the batch, column by column: a discrepancy's strings
    escaped by polars, its fields and resolved value by Python, its claims from the claim
    store."""
    found = batch.discrepancies
    out = dict(batch.own)
    out[_string("fields")] = pl.Series([fields[d.fields] for d in found], dtype=pl.String)
    out[_string("claims")] = _claims(batch, pad)
    out[_string("resolved")] = resolved.column(batch)
    return out


def _status(batch: Batch, sep: str) -> pl.Series:
    """The `status` member after `sep`, where a discrepancy has one (else nothing)."""
    status = batch.status
    return pl.select(
        pl.when(status.is_null()).then(pl.lit(""))
        .otherwise(pl.lit(sep + '"status": ') + jsontext.strings(status))
    ).to_series()


def _claims(batch: Batch, pad: str | None) -> pl.Series:
    """Each discrepancy's `claims` list as JSON text: compact (`pad` None) or indented, its
    key on a line indented by `pad`."""
    out = pl.Series(["[]"] * len(batch), dtype=pl.String)
    if batch.cited is None:
        return out
    texts = _claim_texts(batch, None if pad is None else pad + "  ")
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
    return out.scatter(joined.get_column("n"), joined.get_column("list"))


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


def _claim_texts(batch: Batch, pad: str | None) -> pl.DataFrame:
    """Each cited claim's object, ClaimRef.to_dict as json.dumps writes it: compact, or
    indented with the object on a line indented by `pad`. One polars pass over the batch
    once its strings are encoded."""
    cited = batch.cited
    assert cited is not None
    if pad is None:
        k, sep, open_, close = "", ", ", "{", "}"
        span_open, span_sep, span_close = "[", ", ", "]"
    else:
        k = pad + "  "
        sep, open_, close = ",\n", "{\n", "\n" + pad + "}"
        span_open, span_sep, span_close = "[\n" + k + "  ", ",\n" + k + "  ", "\n" + k + "]"
    texts = pl.DataFrame(
        [batch.string(c) for c in ("source", "document", "raw", "qualifier", "origin", "column")]
        + [jsontext.values(cited.get_column("value"), None if pad is None else k)]
    )
    e, number = pl.col, pl.String

    def ints(name: str) -> pl.Expr:
        return e(name).cast(number).fill_null("null")

    span = (
        pl.when(e("span_start").is_not_null())
        .then(pl.concat_str(pl.lit(span_open), ints("span_start"), pl.lit(span_sep),
                            ints("span_end"), pl.lit(span_close)))
        .otherwise(pl.lit("null"))
    )  # fmt: skip
    row = (
        pl.when(e("row").is_not_null())
        .then(pl.concat_str(pl.lit(sep + k + '"row": '), ints("row"),
                            pl.lit(sep + k + '"column": '), e("column_text")))
        .otherwise(pl.lit(""))
    )  # fmt: skip
    key = [f'{k}"{name}": ' for name in ("source", "document", "raw", "value", "qualifier",
                                          "span", "origin")]
    text = pl.concat_str(
        pl.lit(open_ + key[0]), e("source"),
        pl.lit(sep + key[1]), e("document"),
        pl.lit(sep + key[2]), e("raw"),
        pl.lit(sep + key[3]), e("value"),
        pl.lit(sep + key[4]), e("qualifier"),
        pl.lit(sep + key[5]), span,
        pl.lit(sep + key[6]), e("origin"),
        row,
        pl.lit(close),
    )  # fmt: skip
    frame = cited.select("n", "span_start", "span_end", "row").with_columns(
        texts.rename({"column": "column_text"})
    )
    return frame.select("n", text.alias("text"))
