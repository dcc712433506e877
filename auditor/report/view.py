"""What the human-readable reports show, computed once from the report model.

The HTML pages read this view; they compute nothing themselves. The matrix cells come from one
polars pass over the editorial claims (each distinct value is shown once, however many films
state it), each claim's evidence row from one pass over the claim store (articles.evidence_rows),
and entity views are built one at a time from those, in pure Python: the pages can be rendered
in a forked process, where polars cannot run.
"""

from __future__ import annotations

import itertools
import marshal
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any, NamedTuple

import numpy as np
import polars as pl

from auditor import kinds
from auditor.attributes import catalog as attribute_catalog
from auditor.attributes import spec_for
from auditor.catalog import SEVERITIES, CoverageGap
from auditor.normalize.names import best_cased, fold
from auditor.normalize.places import canonical_country
from auditor.reconcile.display import show
from auditor.reconcile.model import ClaimRef, ClaimStore, Discrepancy
from auditor.report import articles
from auditor.report.evidence import Snippet
from auditor.report.model import AuditReport, DocumentRecord, ExpectationOutcome, SuiteOutcome

_RANK = {s: n for n, s in enumerate(SEVERITIES)}


@dataclass
class Cell:
    values: list[str] = field(default_factory=list)
    mark: str = ""  # "error", "warning", "info" or ""


@dataclass
class Row:
    attribute: str
    label: str
    cells: dict[str, Cell]
    resolved: str
    confidence: float | None


@dataclass
class EvidenceView:
    source: str
    document: str
    qualifier: str | None
    origin: str
    value: str
    span: tuple[int, int] | None
    snippet: Snippet | None
    cell: tuple[int, str] | None = None  # a table's evidence: (row, column)


class _Claims:
    """A claim store's cited claims as the pages read them: each one's evidence row (HTML,
    None where Python must make it) and its source and origin (for the matrix's marks), by
    claim index (`at` maps it to the claim's place among the cited). The rows are UTF-8
    buffers of `SLICE` rows each and each row's end in its buffer, not a string each: a forked
    child reads the buffers where they lie, where touching a string object each would copy
    every page of them. Made a slice of claims at a time, so that a catalog's evidence is
    never a second time in memory as polars' intermediate columns (at 10,000 films they held
    more than a gigabyte at once)."""

    SLICE = 50_000

    def __init__(
        self, cited: array, height: int, rows: Iterator[pl.Series], sources: pl.Series,
        origins: pl.Series,
    ) -> None:
        self.texts: list[bytes] = []
        self.ends = array("q")
        self.missing: set[int] = set()
        for k, part in enumerate(rows):
            filled = part.fill_null("")
            self.texts.append(filled.str.join("").cast(pl.Binary).item() if len(part) else b"")
            self.ends.frombytes(
                filled.str.len_bytes().cast(pl.Int64).cum_sum().to_numpy().tobytes()
            )
            lo = k * self.SLICE
            self.missing.update(cited[lo + j] for j in part.is_null().arg_true().to_list())
        at = np.full(height, -1, dtype=np.int64)
        at[np.frombuffer(cited, dtype=np.int64)] = np.arange(len(cited), dtype=np.int64)
        self.at = array("q", at.tobytes())
        # Each cited claim's source as a code into `source_names`, and whether it is
        # editorial: two flat buffers rather than hundreds of thousands of strings.
        names = sources.unique(maintain_order=True)
        self.source_names: list[str | None] = names.to_list()
        codes = sources.replace_strict(names, pl.Series(range(len(names)), dtype=pl.Int64))
        self.source_codes = array("q", codes.to_numpy().tobytes())
        self.editorial = (origins == "editorial").fill_null(False).to_numpy().tobytes()

    def row(self, i: int) -> str | None:
        if i in self.missing:
            return None
        return self.text(self.at[i])

    def text(self, j: int) -> str:
        """The row of the j-th cited claim."""
        k, r = divmod(j, self.SLICE)
        return self.texts[k][self.ends[j - 1] if r else 0 : self.ends[j]].decode("utf-8")


class _Found(NamedTuple):
    """A finding as its entity's page reads it (`_found`): plain values, marshalled."""

    id: str
    code: str
    kind: str
    severity: str
    status: str | None
    attribute: str
    explanation: str
    resolved: bool
    value: Any  # the resolved value, when resolved
    confidence: float | None
    store: int | None  # id() of its claim store
    claim_idx: tuple[int, ...]


_SEVERITY = _Found._fields.index("severity")  # where a packed finding holds it


def _found(d: Discrepancy) -> tuple:
    r = d.resolved
    return (
        d.id, d.code, d.kind, d.severity, d.status, d.attribute, d.explanation, r is not None,
        r.value if r else None, r.confidence if r else None,
        None if d.store is None else id(d.store), d.claim_idx,
    )  # fmt: skip


@dataclass
class DiscrepancyView:
    id: str
    code: str
    kind: str
    severity: str
    status: str | None
    attribute: str
    explanation: str
    resolved: str
    confidence: float | None
    evidence: list[str | EvidenceView]  # each claim's evidence row, or what it is made from


@dataclass
class EntityView:
    entity: str
    sources: list[str]
    rows: list[Row]
    discrepancies: dict[str, list[DiscrepancyView]]
    documents: list[DocumentRecord] = field(default_factory=list)
    # Failed expectations that name this entity's documents, with only those unexpected values.
    failed: list[tuple[SuiteOutcome, ExpectationOutcome]] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        return {s: len(self.discrepancies[s]) for s in SEVERITIES}


class _Shown(dict):
    """`shown`, each distinct value of a kind once: a catalog's resolved values repeat (a
    few thousand distinct among hundreds of thousands shown). Keyed by the value's repr,
    which tells 1 from 1.0 and True, and a list from a tuple, as equality does not."""

    def __call__(self, kind: str, value: Any) -> str:
        key = (kind, value) if type(value) is str else (kind, type(value), repr(value))
        text = self.get(key)
        if text is None:
            text = self[key] = shown(kind, value)
        return text


@dataclass(frozen=True)
class IndexRow:
    """One entity's line in a catalog's index page."""

    entity: str
    documents: int
    unreadable: int
    counts: dict[str, int]
    failed: int


def shown(kind: str, value: Any) -> str:
    """A resolved value: a list's members, a value per slot ({slot: value}), or one value."""
    if isinstance(value, list):
        return ", ".join(show(kind, v) for v in value)
    if isinstance(value, dict) and _per_slot(kind, value):
        return "; ".join(f"{k or 'unqualified'}: {shown(kind, v)}" for k, v in value.items())
    return show(kind, value)


def _per_slot(kind: str, value: dict) -> bool:
    """Whether a dict is a value per slot: a composite kind's own value is a dict too (an
    amount and its currency), whose fields are no dicts or lists, as its slots' values are."""
    if not (kind in kinds.REGISTRY and kinds.get(kind).composite):
        return True
    return bool(value) and all(isinstance(v, dict | list) for v in value.values())


class ReportView:
    """The report grouped by entity, ready to render one entity (or the index) at a time."""

    def __init__(self, report: AuditReport) -> None:
        self.report = report
        self.specs = report.attributes or attribute_catalog()
        self.entities = report.entities
        # Each entity's findings as one marshalled buffer of what its page shows (`_Found`),
        # and their counts by severity: the forked child that makes the pages reads a buffer
        # each, where reading the findings' objects would copy every page they lie on.
        found: dict[str, list[tuple]] = defaultdict(list)
        for d in report.discrepancies:
            found[d.entity].append(_found(d))
        self._found = {e: marshal.dumps(f) for e, f in found.items()}
        self.counts = {e: Counter(f[_SEVERITY] for f in fs) for e, fs in found.items()}
        del found
        self.documents: dict[str, list[DocumentRecord]] = defaultdict(list)
        for doc in (*report.documents, *_table_rows(report)):
            if doc.entity is not None:
                self.documents[doc.entity].append(doc)
        # Each entity's resolved values (slot, value, confidence) by attribute, as one
        # marshalled buffer: the forked child that makes the pages reads a buffer each, where
        # reading the report's dicts would copy every page they lie on.
        resolved: dict[str, dict[str, list[tuple]]] = defaultdict(lambda: defaultdict(list))
        for r in report.resolved:
            resolved[r["entity"]][r["attribute"]].append((r["slot"], r["value"], r["confidence"]))
        self._resolved = {e: marshal.dumps(dict(by)) for e, by in resolved.items()}
        self.failed = _failed_by_entity(report)
        self._cells = _Cells(report.claims, self.specs)
        self._shown = _Shown()
        self._attributes: dict[str, tuple[Any, Any]] = {}
        self._claims: dict[int, _Claims] = {}
        self._odd: dict[tuple[int, int, str], str] = {}
        for store, cited in _cited(report.discrepancies):
            self._claims[id(store)] = _store_claims(store.frame, cited, self.specs)
        self._odd_rows(report.discrepancies)

    def _odd_rows(self, discrepancies) -> None:
        """The evidence rows evidence_rows left to Python (a claim of no attribute, shown
        as its finding's kind; a negative offset): made now, before any fork."""
        if not any(c.missing for c in self._claims.values()):
            return
        for d in discrepancies:
            if d.store is None:
                continue
            missing = self._claims[id(d.store)].missing
            for i in d.claim_idx:
                if i in missing:
                    c = d.store.ref(i)
                    kind = spec_for(self.specs, c.attribute or d.attribute).shows
                    self._odd[(id(d.store), i, d.attribute)] = articles.evidence_row(
                        _evidence_view(c, kind)
                    )

    def index(self) -> list[IndexRow]:
        """Entities, the worst first (errors, then warnings, then info), then by id."""
        rows = []
        for entity in self.entities:
            counts = {s: self.counts.get(entity, {}).get(s, 0) for s in SEVERITIES}
            docs = self.documents[entity]
            rows.append(
                IndexRow(
                    entity,
                    len(docs),
                    sum(1 for d in docs if d.error),
                    counts,
                    len(self.failed.get(entity, ())),
                )
            )
        return sorted(rows, key=lambda r: (*(-r.counts[s] for s in SEVERITIES), r.entity))

    def __iter__(self) -> Iterator[EntityView]:
        for entity in self.entities:
            yield self.entity(entity)

    def entity(self, entity: str) -> EntityView:
        specs = self.specs
        documents = self.documents[entity]
        sources = sorted({d.source for d in documents if d.error is None})
        packed = self._found.get(entity)
        discrepancies = [_Found(*f) for f in marshal.loads(packed)] if packed else []
        marks = self._marks(discrepancies)
        cells = self._cells.get(entity)
        resolved = marshal.loads(self._resolved[entity]) if entity in self._resolved else {}
        rows = []
        for attribute in _attribute_order(specs, cells):
            spec, dedupe = self._attribute(attribute)
            row_cells = {
                source: Cell(
                    dedupe(values) if len(values) > 1 else list(values),
                    marks.get((attribute, source), ""),
                )
                for source, values in cells[attribute].items()
            }
            value, confidence = _resolved(
                spec, resolved.get(attribute, []), row_cells, self._shown
            )
            rows.append(Row(attribute, spec.title, row_cells, value, confidence))
        by_severity: dict[str, list[DiscrepancyView]] = {s: [] for s in SEVERITIES}
        for d in discrepancies:
            by_severity[d.severity].append(self._discrepancy(d))
        return EntityView(
            entity, sources, rows, by_severity, list(documents), self.failed.get(entity, [])
        )

    def _attribute(self, attribute: str) -> tuple[Any, Any]:
        """The attribute's spec and how its matrix cells are deduplicated, looked up once."""
        found = self._attributes.get(attribute)
        if found is None:
            spec = spec_for(self.specs, attribute)
            dedupe = _dedupe_case if _cased(spec.kind) else list
            found = self._attributes[attribute] = (spec, dedupe)
        return found

    def _discrepancy(self, d: _Found) -> DiscrepancyView:
        spec = self._attribute(d.attribute)[0]
        evidence: list[str | EvidenceView] = []
        if d.store is not None:
            claims, key = self._claims[d.store], d.store
            if claims.missing:
                evidence = [
                    claims.row(i) if i not in claims.missing else self._odd[(key, i, d.attribute)]
                    for i in d.claim_idx
                ]
            else:
                text, at = claims.text, claims.at
                evidence = [text(at[i]) for i in d.claim_idx]
        return DiscrepancyView(
            d.id,
            d.code,
            d.kind,
            d.severity,
            d.status,
            d.attribute,
            d.explanation,
            self._shown(spec.shows, d.value) if d.resolved else "",
            d.confidence,
            evidence,
        )

    def _marks(self, discrepancies: list[_Found]) -> dict[tuple[str, str], str]:
        """(attribute, source) -> the worst severity an editorial claim of it takes part in."""
        marks: dict[tuple[str, str], str] = {}
        for d in discrepancies:
            if d.code == CoverageGap.code or d.store is None:
                continue
            claims = self._claims[d.store]
            names, codes, editorial, at = (
                claims.source_names, claims.source_codes, claims.editorial, claims.at
            )
            for i in d.claim_idx:
                j = at[i]
                if editorial[j]:
                    key = (d.attribute, names[codes[j]])
                    if key not in marks or _RANK[d.severity] < _RANK[marks[key]]:
                        marks[key] = d.severity
        return marks


def _cited(discrepancies) -> list[tuple[ClaimStore, array]]:
    """Each claim store the discrepancies cite, with the claims they cite in it (sorted
    indexes): the only claims the pages show (a catalog's findings cite about 60% of its
    claims; the others need no evidence row)."""
    by_store: dict[int, tuple[ClaimStore, list]] = {}
    for d in discrepancies:
        if d.store is not None:
            by_store.setdefault(id(d.store), (d.store, []))[1].append(d.claim_idx)
    out = []
    for store, lists in by_store.values():
        flat = np.sort(np.fromiter(itertools.chain.from_iterable(lists), dtype=np.int64))
        out.append((store, array("q", _distinct(flat).tobytes())))
    return out


def _distinct(ordered: np.ndarray) -> np.ndarray:
    """np.unique of a sorted array, without its hashing pass (50 times slower on a
    catalog's hundreds of thousands of cited claims, numpy 2.4)."""
    if len(ordered) < 2:
        return ordered
    keep = np.empty(len(ordered), dtype=bool)
    keep[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=keep[1:])
    return ordered[keep]


def _store_claims(frame: pl.DataFrame, cited: array, specs) -> _Claims:
    """The cited claims of a store's frame as the pages read them, column-wise: each
    distinct (attribute, value) is shown once."""
    height = frame.height
    frame = frame[pl.Series(cited, dtype=pl.Int64)]
    distinct = frame.select("attribute", "value").unique()
    texts = [
        shown(spec_for(specs, a).shows, kinds.decode(v)) if a else None
        for a, v in zip(
            distinct.get_column("attribute").to_list(),
            distinct.get_column("value").to_list(),
            strict=True,
        )
    ]
    values = frame.select("attribute", "value").join(
        distinct.with_columns(pl.Series("text", texts, dtype=pl.String)),
        on=["attribute", "value"],
        how="left",
        nulls_equal=True,
        maintain_order="left",
    )
    shown_values, step = values.get_column("text"), _Claims.SLICE
    rows = (
        articles.evidence_rows(frame.slice(lo, step), shown_values.slice(lo, step))
        for lo in range(0, frame.height, step)
    )
    return _Claims(cited, height, rows, frame.get_column("source"), frame.get_column("origin"))


def _evidence_view(c: ClaimRef, kind: str) -> EvidenceView:
    return EvidenceView(
        c.source,
        c.document,
        c.qualifier,
        c.origin,
        shown(kind, c.value),
        c.span,
        _snippet(c),
        (c.row, c.column) if c.row is not None else None,
    )


def build(report: AuditReport) -> list[EntityView]:
    """Every entity's view (for one page holding them all)."""
    return list(ReportView(report))


def _table_rows(report: AuditReport) -> list[DocumentRecord]:
    """Each table file's claims of an entity by one source, as a document of the entity's (a
    table file's record is of no one entity): what an entity's page lists and counts."""
    files = {d.document: d for d in report.documents if d.entity is None}
    if not files or "document" not in report.claims.columns:
        return []
    counts = (
        report.claims.filter(pl.col("document").is_in(list(files)))
        .group_by("entity", "source", "document")
        .len()
        .sort("entity", "source", "document")
    )
    return [
        replace(files[d], entity=e, source=s, claims=n, entities=None, sources=())
        for e, s, d, n in counts.iter_rows()
    ]


def _snippet(c: ClaimRef) -> Snippet | None:
    """The sentence (a page's) or row (a table's) captured around the evidence at extraction:
    the report never reads a source again. A claim made without it shows its value alone."""
    if c.context is None or c.context_start is None:
        return None
    at = c.context_start
    end = at + (len(c.raw) if c.row is not None or c.span is None else c.span[1] - c.span[0])
    return Snippet(c.context[:at], c.context[at:end], c.context[end:])


class _Cells:
    """entity -> attribute -> source -> the distinct values it states, as shown, in page order.

    Each distinct (attribute, value, qualifier) is formatted once and grouping stays in
    polars; the groups are kept as flat buffers (the texts as one UTF-8 buffer and where each
    ends, the attribute and source of each group as codes into `names`) and made into one
    entity's dicts when its page is made (`get`). A string object per cell would cost the
    forked child that makes the pages a copy of every page of them as it read them (a third
    of a gigabyte at 10,000 films), and a list of lists is several times slower to make.
    """

    def __init__(self, claims: pl.DataFrame, specs) -> None:
        self.rows: dict[str, tuple[int, int]] = {}  # entity -> its groups [lo, hi)
        self.names: list[str] = []
        self.attribute = self.source = array("q")
        self.texts = b""
        self.text_ends = self.ends = array("q")  # each text's end; each group's last text's
        if not claims.height:
            return
        editorial = claims.filter(pl.col("origin") == "editorial").select(
            "entity", "source", "attribute", "value", "qualifier"
        )
        distinct = editorial.select("attribute", "value", "qualifier").unique()
        texts = [
            _cell_text(spec_for(specs, a), v, q)
            for a, v, q in zip(
                distinct.get_column("attribute").to_list(),
                distinct.get_column("value").to_list(),
                distinct.get_column("qualifier").to_list(),
                strict=True,
            )
        ]
        grouped = (
            editorial.join(
                distinct.with_columns(pl.Series("text", texts, dtype=pl.String)),
                on=["attribute", "value", "qualifier"],
                how="left",
                nulls_equal=True,
                maintain_order="left",
            )
            .group_by("entity", "attribute", "source", maintain_order=True)
            .agg(pl.col("text").unique(maintain_order=True))
            .sort("entity", maintain_order=True)  # an entity's groups together, in page order
        )
        names = pl.concat([grouped.get_column("attribute"), grouped.get_column("source")])
        names = names.unique(maintain_order=True)
        self.names = names.to_list()
        coded = pl.Series(range(len(names)), dtype=pl.Int64)
        self.attribute, self.source = (
            array("q", grouped.get_column(c).replace_strict(names, coded).to_numpy().tobytes())
            for c in ("attribute", "source")
        )
        text = grouped.get_column("text")
        flat = text.explode(empty_as_null=False, keep_nulls=False)
        self.texts = flat.str.join("").cast(pl.Binary).item() if len(flat) else b""
        self.text_ends, self.ends = (
            array("q", lengths.cast(pl.Int64).cum_sum().to_numpy().tobytes())
            for lengths in (flat.str.len_bytes(), text.list.len().fill_null(0))
        )
        spans = (
            grouped.select("entity")
            .with_row_index("i")
            .group_by("entity", maintain_order=True)
            .agg(lo=pl.col("i").min(), hi=pl.col("i").max() + 1)
        )
        self.rows = {
            e: (lo, hi)
            for e, lo, hi in zip(*(spans.get_column(c).to_list() for c in ("entity", "lo", "hi")),
                                 strict=True)
        }  # fmt: skip

    def get(self, entity: str) -> dict[str, dict[str, list[str]]]:
        out: dict[str, dict[str, list[str]]] = {}
        names, texts, text_ends, ends = self.names, self.texts, self.text_ends, self.ends
        lo, hi = self.rows.get(entity, (0, 0))
        for i in range(lo, hi):
            first, last = ends[i - 1] if i else 0, ends[i]
            out.setdefault(names[self.attribute[i]], {})[names[self.source[i]]] = [
                texts[text_ends[j - 1] if j else 0 : text_ends[j]].decode("utf-8")
                for j in range(first, last)
            ]
        return out


def _cell_text(spec, value_json: str, qualifier: str | None) -> str:
    text = shown(spec.shows, kinds.decode(value_json))
    if qualifier and (spec.qualifier != "flag" or spec.name == "budget"):
        text = f"{text} ({qualifier})"
    return text


def _failed_by_entity(report: AuditReport):
    """entity -> failed expectations naming it or its documents, each with only its own values."""
    entity_of = {d.document: d.entity for d in report.documents}
    out: dict[str, list[tuple[SuiteOutcome, ExpectationOutcome]]] = defaultdict(list)
    for suite, result in report.failed_expectations():
        mine: dict[str, list[dict]] = defaultdict(list)
        for u in result.unexpected:
            # the row's entity (a table file holds many); else its documents'
            named = {u.get("entity")} - {None}
            named = named or {entity_of.get(doc) for doc in u.get("documents", ())} - {None}
            for entity in sorted(named):
                mine[entity].append(u)
        for entity, unexpected in mine.items():
            out[entity].append((suite, _with_unexpected(result, unexpected)))
    return out


def _with_unexpected(result: ExpectationOutcome, unexpected: list[dict]) -> ExpectationOutcome:
    return replace(result, unexpected=tuple(unexpected))


def _attribute_order(specs, present: dict) -> list[str]:
    known = [a for a in specs if a in present]
    return known + sorted(a for a in present if a not in specs)


def _cased(kind: str) -> bool:
    """Whether the matrix shows one form of values that differ only in case (kinds.cased)."""
    return kind in kinds.REGISTRY and kinds.get(kind).cased


def _dedupe_case(values: list[str]) -> list[str]:
    groups: dict[str, list[str]] = defaultdict(list)
    for v in values:
        groups[fold(v)].append(v)
    return [best_cased(g) for g in groups.values()]


def _resolved(spec, rows: list[tuple], cells: dict[str, Cell], show=shown):
    """`rows`: the attribute's resolved (slot, value, confidence)."""
    if rows:
        if len(rows) == 1 and not rows[0][0]:
            return show(spec.shows, rows[0][1]), rows[0][2]
        parts = [f"{slot or 'unqualified'}: {show(spec.shows, value)}" for slot, value, _ in rows]
        return "; ".join(parts), min(confidence for _, _, confidence in rows)
    if spec.multi:
        # Members that at least half of the stating sources list, one vote per source.
        forms: dict[str, list[str]] = defaultdict(list)
        holders: dict[str, set[str]] = defaultdict(set)
        for source, cell in cells.items():
            for v in cell.values:
                key = canonical_country(fold(v)) if spec.name == "country" else fold(v)
                forms[key].append(v)
                holders[key].add(source)
        kept = [best_cased(forms[k]) for k in forms if len(holders[k]) * 2 >= len(cells)]
        return ", ".join(kept), None
    return "", None
