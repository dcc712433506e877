"""Reconciliation: where the sources disagree, how, how much it matters, and what is likely true.

`reconcile(claims, settings)` prepares typed columns (and integer codes) once, runs the
comparator chain over the whole claims frame, and turns findings into discrepancies with
severities, stable ids, evidence and a resolved value. Polars parallelises each query itself;
truth discovery and the settling queries run in a second thread, beside the Python that words
findings (`_reconcile`).
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from itertools import repeat

import polars as pl

from auditor import gcpause, kinds
from auditor.catalog import KINDS, SEVERITIES, InternalInconsistency, Kind, SpellingVariant, kind
from auditor.claims import conform, with_ids
from auditor.reconcile import evidence, reliability, resolve, unscoped
from auditor.reconcile.comparators import CHAIN, Comparator
from auditor.reconcile.comparators.base import rows as _rows
from auditor.reconcile.model import ENGINE, ClaimStore, Context, Discrepancy, Resolved
from auditor.reconcile.prepare import Settings, prepare, value_order
from auditor.truth import Truth

__all__ = ["Reconciliation", "Settings", "learn", "reconcile"]

_RANK = {s: n for n, s in enumerate(SEVERITIES)}


@dataclass(frozen=True)
class Reconciliation:
    discrepancies: tuple[Discrepancy, ...]
    resolved: pl.DataFrame  # entity, attribute, slot, value, confidence, sources
    sources: pl.DataFrame  # source, reliability, attributes, claims, agreed, copies


def reconcile(
    claims: pl.DataFrame,
    settings: Settings,
    documents: dict[str, list[tuple[str, str]]] | None = None,
    truth: Truth | None = None,
) -> Reconciliation:
    """`truth`: what was learned of the sources over the whole catalog (`learn`), when these
    claims are only some entities of it (a Spark partition); else it is learned here."""
    with gcpause.paused():
        return _reconcile(claims, settings, documents or {}, truth)


def learn(claims: pl.DataFrame, settings: Settings) -> Truth | None:
    """Source reliability learned from a whole catalog's claims (None: resolution by vote)."""
    if not settings.learn:
        return None
    return reliability.learn(unscoped.placed(prepare(claims, settings), settings), settings)


def _reconcile(
    claims: pl.DataFrame,
    settings: Settings,
    documents: dict[str, list[tuple[str, str]]],
    truth: Truth | None,
) -> Reconciliation:
    """Truth discovery (numpy and polars, which let go of the GIL) runs in a thread while
    Python words the findings of the comparators that do not read its weights; then each
    batch of findings is settled by polars in that thread, one batch ahead of the Python that
    makes its discrepancies. Batches are taken in chain order, so the outcome is the same as
    one step after another."""
    claims = _with_ids(claims)
    frame = prepare(claims, settings)
    ctx = Context(frame, settings, documents)
    with ThreadPoolExecutor(max_workers=1) as background:
        learning = background.submit(_learned, frame, settings, truth)
        # (what a finding cites does not depend on the weights)
        citing = background.submit(evidence.claims(frame).collect, engine=ENGINE)
        early = {c.name: _found(c, ctx) for c in CHAIN if not c.weighs}
        frame, placed, truth = learning.result()
        # the resolved table is first read when findings settle: made beside the comparators
        # that read the weights
        resolving = background.submit(_resolved, placed, settings, truth)
        ctx.frame = frame
        found = [early[c.name] if c.name in early else _found(c, ctx) for c in CHAIN]
        cited = citing.result()
        resolved, sources = resolving.result()
        # `frame` is the claims row for row (idx is each one's row), with columns of its
        # own: the evidence is read from the claims' own columns, shared with the report's,
        # and the prepared copy goes when reconciliation ends.
        store = ClaimStore(claims)
        ids = frame.select("claim_id", "idx")
        values = value_order(frame.get_column("value"))
        single = [name for name, spec in settings.specs.items() if not spec.multi]
        items = _resolved_items(resolved)
        batches = []
        for f in found:
            if f.height:
                heads, pairs, flags = _batch(ctx, f, ids)
                # a finding about a whole item resolves as the resolved table says: no vote
                known = _items(heads, items, single)
                queries = _settle(frame, values, cited, heads, pairs, flags, list(known))
                batches.append((background.submit(pl.collect_all, queries, engine=ENGINE), known))
        discrepancies: list[Discrepancy] = []
        keys = []
        for batch, known in batches:
            made, key = _discrepancies(store, *batch.result(), known)
            discrepancies += made
            keys.append(key)
    return Reconciliation(tuple(_in_order(discrepancies, keys)), resolved, sources)


def _learned(
    frame: pl.DataFrame, settings: Settings, truth: Truth | None
) -> tuple[pl.DataFrame, pl.DataFrame, Truth | None]:
    """The claims with their learned vote weights (the trust priors' where nothing is
    learned), the same as resolution counts them (an unscoped figure for the scope it
    restates: reconcile.unscoped), and what was learned."""
    placed = unscoped.placed(frame, settings)
    if truth is None and settings.learn:
        truth = reliability.learn(placed, settings)
    if truth is None:
        return frame, placed, None
    weight = reliability.weights(frame, truth, settings)  # by source and attribute, row for row
    return frame.with_columns(weight=weight), placed.with_columns(weight=weight), truth


def _resolved(
    frame: pl.DataFrame, settings: Settings, truth: Truth | None
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The resolved table and the source table of the weighed claims as resolution counts
    them (`_learned`): by a vote of the trust priors where nothing is learned."""
    if truth is None:
        return resolve.table(frame).collect(engine=ENGINE), reliability.empty_sources()
    return reliability.resolved(frame, truth, settings), truth.sources


def _found(comparator: Comparator, ctx: Context) -> pl.DataFrame:
    return comparator.findings(ctx, *pl.collect_all(comparator.plan(ctx), engine=ENGINE))


def _with_ids(claims: pl.DataFrame) -> pl.DataFrame:
    """The claims with their claim_id: findings name claims by it. Computed again where a
    caller left it out, or where ids repeat (claims copied and edited without new ids); ids
    that still repeat belong to claims identical in every respect, and either serves."""
    if "claim_id" in claims.columns:
        ids = claims.get_column("claim_id")
        if not ids.has_nulls() and ids.n_unique() == ids.len():
            return claims
    return claims.with_columns(with_ids(conform(claims)).get_column("claim_id"))


def _discrepancies(
    store: ClaimStore,
    won: pl.DataFrame,
    roles: pl.DataFrame,
    held: pl.DataFrame,
    described: pl.DataFrame,
    items: dict[int, Resolved],
) -> tuple[list[Discrepancy], pl.DataFrame]:
    """A batch of findings as discrepancies, from its collected `_settle` queries, built field
    by field from whole columns; and their sort keys. `items`: the resolved values of findings
    about a whole item (`_items`), which replace the findings' own votes."""
    n = described.height
    values = resolve.values(won, roles, held, n)
    for fid, value in items.items():
        values[fid] = value
    ids = list(map(evidence.digest, described.get_column("payload").to_list()))
    made = list(
        map(
            Discrepancy,
            ids,
            *(described.get_column(c).to_list() for c in _FIELDS),
            map(tuple, described.get_column("idx").to_list()),
            values,
            repeat(None, n),  # status
            repeat(store, n),
            described.get_column("reason").to_list(),
            described.get_column("fields").to_list(),
        )
    )
    key = described.select("entity", "rank", "attribute", "code").with_columns(
        id=pl.Series(ids, dtype=pl.String)
    )
    return made, key


# Discrepancy fields taken as they are from `_settle`'s description of each finding.
_FIELDS = ("code", "kind", "severity", "entity", "attribute", "explanation")


def _in_order(discrepancies: list[Discrepancy], keys: list[pl.DataFrame]) -> list[Discrepancy]:
    """By entity, severity, attribute, kind and id; the first of any with the same id."""
    if not discrepancies:
        return []
    order = (
        pl.concat(keys)
        .with_row_index("at")
        .sort("entity", "rank", "attribute", "code", "id", maintain_order=True)
        .filter(pl.col("id").is_first_distinct())
        .get_column("at")
        .to_list()
    )
    return [discrepancies[i] for i in order]


def _batch(
    ctx: Context, found: pl.DataFrame, ids: pl.DataFrame
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """A batch of findings (`findings.table`) as frames: a row per finding with its wording
    (heads; fid is its row in the batch), a row per (finding, claim) pair, and how each
    resolves. `ids` maps each claim's claim_id to its idx in the prepared frame."""
    # Kind, severity and the words around the message depend on (code, attribute, severity
    # override) only: each combination is worded once, and joined to its findings.
    hows = found.select("code", "attribute", "severity").unique(maintain_order=True)
    wording = pl.DataFrame(
        [(*how, *_wording(ctx, *how)) for how in hows.iter_rows()],
        schema={
            "code": pl.String,
            "attribute": pl.String,
            "severity": pl.String,
            "kind": pl.String,
            "level": pl.String,
            "rank": pl.UInt8,
            "before": pl.String,
            "after": pl.String,
        },
        orient="row",
    )
    heads = (
        found.with_row_index("fid")
        .join(
            wording,
            on=["code", "attribute", "severity"],
            how="left",
            nulls_equal=True,
            maintain_order="left",
        )
        .drop("severity")
        .rename({"level": "severity"})
    )
    named = heads.select("fid", claim_id="claim_ids").explode("claim_id", empty_as_null=False)
    pairs = named.join(ids, on="claim_id", how="inner", maintain_order="left").select("fid", "idx")
    if pairs.height < named.drop_nulls("claim_id").height:
        unknown = named.join(ids, on="claim_id", how="anti").get_column("claim_id").head(3)
        raise ValueError(f"findings name claims that are not in the frame: {unknown.to_list()}")
    multi = [name for name, spec in ctx.settings.specs.items() if spec.multi]
    flags = heads.select(
        "fid",
        cross_slot=pl.col("slot") == "*",
        # A list attribute resolves to its members, unless the finding is about one name.
        whole_set=pl.col("attribute").is_in(multi) & ~pl.col("code").is_in(_ONE_MEMBER),
        # one name written two ways resolves, in a tie, to the form that says most
        fuller=pl.col("code") == SpellingVariant.code,
        # a character's findings vote the cast entries by the role they give
        by_role=pl.col("attribute").is_in(
            [n for n in ctx.settings.specs if ctx.compares(n) == "character"]
        ),
    )
    return heads, pairs, flags


def _resolved_items(resolved: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The resolved table as `_items` reads it, made once for every batch; and per (entity,
    attribute), whether it has `several` slots, and an `unscoped` one."""
    slots = resolved.group_by("entity", "attribute").agg(
        several=pl.len() > 1, unscoped=(pl.col("slot") == "").any()
    )
    table = resolved.select("entity", "attribute", "slot", "value", "confidence", "sources")
    return table, slots


def _items(
    described: pl.DataFrame,
    resolved: tuple[pl.DataFrame, pl.DataFrame],
    single: list[str],
) -> dict[int, Resolved]:
    """The resolved value, by finding (its row in the batch), of the findings about a
    single-valued attribute: the one the resolved table (`_resolved_items`) holds for its item
    (per slot of a cross-slot finding), so that a discrepancy and the report's matrix say the
    same, with the same confidence. A list attribute's findings are about some of its members,
    and resolve them, but those that say which list is right (`_SAYS_WHICH_LIST`)."""
    every = [k.code for k in KINDS.values() if k.every_slot]
    # a finding about every slot resolves per slot where the item has several, as does one
    # about unscoped figures that all count for scopes they repeat (reconcile.unscoped)
    table, slots = resolved
    scope = (
        described.select("entity", "attribute", "slot", "code", "reason")
        .with_row_index("fid")
        .filter(pl.col("attribute").is_in(single) | pl.col("reason").is_in(_SAYS_WHICH_LIST))
        .join(slots, on=["entity", "attribute"], how="left", maintain_order="left")
        .with_columns(
            slot=pl.when(
                (pl.col("code").is_in(every) & pl.col("several").fill_null(False))
                | ((pl.col("slot") == "") & ~pl.col("unscoped").fill_null(True))
            )
            .then(pl.lit("*"))
            .otherwise(pl.col("slot"))
        )
        .select("fid", "entity", "attribute", "slot")
    )
    out: dict[int, Resolved] = {}
    one = scope.filter(pl.col("slot") != "*").join(table, on=["entity", "attribute", "slot"])
    for fid, value, confidence, sources in _rows(
        one.select("fid", "value", "confidence", "sources")
    ):
        out[fid] = Resolved(kinds.decode(value), confidence, tuple(sources))
    cross = (
        scope.filter(pl.col("slot") == "*")
        .drop("slot")
        .join(table, on=["entity", "attribute"])
        .sort("fid", "slot")
        .group_by("fid", maintain_order=True)
        .agg(
            "slot",
            "value",
            pl.col("confidence").min(),
            pl.col("sources").list.explode(keep_nulls=False, empty_as_null=False).unique(),
        )
    )
    for fid, slots, value, confidence, sources in _rows(cross):
        shown = {(s or "unqualified"): kinds.decode(v) for s, v in zip(slots, value, strict=True)}
        out[fid] = Resolved(shown, confidence, tuple(sorted(sources)))
    return out


def _settle(
    frame: pl.DataFrame,
    values: pl.Series,
    cited: pl.DataFrame,
    heads: pl.DataFrame,
    pairs: pl.DataFrame,
    flags: pl.DataFrame,
    known: list[int],
) -> list[pl.LazyFrame]:
    """The queries that resolve a batch of findings (but those whose value is `known`), put
    their evidence in order and word them; `values` names the value codes (prepare.named),
    `cited` is `evidence.claims(frame)` collected."""
    worded = heads.lazy().select(
        "code",
        "kind",
        "severity",
        "entity",
        "attribute",
        "slot",
        "rank",
        "reason",
        "fields",
        explanation=pl.concat_str("before", "message", "after"),
    )
    described = pl.concat([worded, evidence.cited(cited, pairs, heads)], how="horizontal")
    asked = pairs.filter(~pl.col("fid").is_in(pl.Series(known, dtype=pl.UInt32).implode()))
    return [*resolve.plan(frame, asked, flags, values), described]


_MARK = "\x00detail\x00"


def _wording(
    ctx: Context, code: str, attribute: str, severity: str | None
) -> tuple[str, str, int, str, str]:
    """A kind of finding's name, severity (and its rank) and the explanation around the
    message: the kind's template with the attribute's title, split where the message goes."""
    k = kind(code)
    sev = severity_of(ctx.settings, k, attribute, severity)
    parts = k.message(attribute=ctx.spec(attribute).title, detail=_MARK).split(_MARK)
    if len(parts) != 2:
        raise ValueError(f"{k.name}: a message template must place its detail once")
    return k.name, sev, _RANK[sev], *parts


def severity_of(
    settings: Settings, k: type[Kind], attribute: str, severity: str | None = None
) -> str:
    """A finding's severity: a configured override, else the comparator's (`severity`), else
    the kind's.

    An attribute's configured severity caps its conflicts, its internal inconsistencies and its
    spelling variants (a character spelt two ways is no error where characters are warnings);
    a finding that says the values are compatible or explained is never an error."""
    sev, configured = _chosen(settings, k, attribute, severity)
    spec = settings.specs.get(attribute)
    if not configured and spec and k.capped and _RANK[sev] < _RANK[spec.severity]:
        sev = spec.severity
    if k.never_error and sev == "error":
        sev = "warning"
    return sev


# Kinds about one member of a list: they resolve that member, not the list.
_ONE_MEMBER = [k.code for k in KINDS.values() if k.one_member]
# Findings on a list that cite one source's claims alone (its two credits, one wrong) and say
# which list every other source gives: they resolve as the item's resolved list, which a vote
# of that one source's claims (a tie) cannot tell.
_SAYS_WHICH_LIST = [
    InternalInconsistency.extra_credit.name, InternalInconsistency.credited_apart.name
]


def _chosen(
    settings: Settings, k: type[Kind], attribute: str, severity: str | None
) -> tuple[str, bool]:
    """The severity before caps, and whether a configured override for this kind chose it."""
    overrides = settings.severity
    for name in (f"{k.code}:{attribute}", f"{k.name}:{attribute}", k.code, k.name):
        if name in overrides:
            return overrides[name], True
    if severity:
        return severity, False
    if k.by_attribute and attribute in settings.specs:
        return settings.specs[attribute].severity, False
    return k.severity, False
