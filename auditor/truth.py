"""Truth discovery: each source's reliability learned from the data, jointly with the true values.

A vote treats every source alike; real sources differ in accuracy and copy each other. This
module estimates both from the claims alone, iterating as the truth-discovery literature does:

* **Accu** (Dong, Berti-Equille, Srivastava, "Integrating Conflicting Data: The Role of Source
  Dependence", PVLDB 2(1) 2009, section 2): a source of accuracy A that is wrong picks one of n
  false values uniformly, so its claim adds ``ln(n·A / (1 − A))`` to its value's score; the
  probability of a value is its score's softmax over the item's claimed values plus the
  unclaimed false values (score 0), and a source's accuracy is the mean probability of its
  claims. A lone claim's probability is its source's accuracy, so items that only one source
  states teach nothing and are left out of the accuracy update. n is estimated per attribute
  from how often two false claims of an item coincide (about 1/n of the time).
* **Similar values support each other** (Dong 2009 section 2.3, and TruthFinder's implication,
  Yin, Han, Yu, "Truth Discovery with Multiple Conflicting Information Providers on the Web",
  KDD 2007 / TKDE 2008): ``C*(v) = C(v) + ρ Σ sim(v, v') C(v')``; numbers within the attribute's
  tolerance (absolute, or relative to the larger value) are similar in proportion to their
  closeness. A set of names is supported by another in the share of the other's names it
  holds (TruthFinder's implication is one-way): a list cut short is consistent with the full
  list and supports it fully, while the full list supports the cut one only in part, since
  lists lose names far more often than they gain real ones. A claim within tolerance of the
  truth counts as right, both for its source's accuracy and for the resolved confidence.
* **Rounded figures are coarser statements** (values in a hierarchy, as in Jung, Kim, Shim,
  "Crowdsourced Truth Discovery in the Presence of Hierarchies for Knowledge Fusion", EDBT
  2019, where a claim of a value's generalisation does not conflict with it): an amount ending
  in zeros that another of the item's amounts rounds to, to significant figures ("9,000" for
  8,860; not "10.00" or "€2.40 bn", whose texts state those zeros), states an interval, so
  the precise value in it is right whenever the rounded one is. It is preferred over its
  rounding and its source is not counted wrong for refining what others rounded (Population:
  a census figure outvoted by its rounding, and the cost to its editor's accuracy elsewhere).
  Amounts only (kinds number and count, compared with a tolerance): a time of day in minutes
  is no rounded figure.
* **Copy detection** (AccuCopy, Dong 2009 section 3; Li, Dong et al., "Truth Finding on the Deep
  Web: Is the Problem Solved?", PVLDB 6(2) 2013): two independent sources share a false value rarely
  (``(1 − A1)(1 − A2)/n``), a copier often; the Bayesian posterior of dependence per source pair
  (prior α, copy rate c) comes from soft counts of shared false values and of differences, per
  attribute. Shared true values are left out: accurate independent sources share them as a matter of
  course, and where two camps dispute an attribute every source's accuracy is learnt low enough that
  agreeing on the truth would read as copying, so the camp of accurate sources was discounted as one
  clique (one day of flight sites: 0.77 of the times right against 0.90 without that term; nothing
  else moved). A claim's vote is multiplied by ``Π (1 − c·P(dependent))`` over the more accurate
  sources that state the same value, c being the pair's own copy rate estimated over all its
  attributes (the share of its common items on which it agrees beyond chance, shrunk towards
  ``Settings.copy_rate``), so a clique of faithful copiers counts about once. **Identical text**
  (the optional ``raw`` column; Li 2013's observation behind AccuFormat, that copiers share even the
  format of a value): when given, a pair shares a value only where its texts are identical, and the
  chance that independent sources render a shared value alike is the share of the pair's common
  values with identical texts (shrunk towards the attribute's share over all pairs), so sites that
  agree in formats of their own are not taken for copiers of each other. The posterior that
  discounts votes on one attribute weighs the evidence of the pair's other attributes (all of it
  when there is no other), so the values in dispute cannot brand their own side as copiers; and
  dependence is first judged on the plain vote, before accuracies are learnt, since a copied
  majority learnt as accurate explains its copies as shared truths.
* **Skill beyond a guess** (the one-coin worker of crowdsourcing: Dawid & Skene, Applied
  Statistics 28(1) 1979, as surveyed by Zheng et al., "Truth Inference in Crowdsourcing",
  PVLDB 10(5) 2017): on an answer picked from a few (kind ``choice``: yes/no, a class) a
  source knows the value with probability q, its skill, and otherwise guesses, a guess being
  right by the attribute's chance (the share of pairs of claims on different items that
  agree: about a half for yes/no), so its accuracy there is ``chance + q·(1 − chance)``. One
  skill is learnt per source (its claims' excess over chance, ``(P − chance)/(1 − chance)``),
  and a spammer guessing on yes/no and on a question of forty answers weighs nothing on
  either, where one accuracy learnt mostly on the forty made its "yes" a vote for "no". Other
  kinds have no chance (Accu's accuracy): figures and names recur across items by what the
  items share, not by guessing (a catalog of one film's copies would read as guesses). Copy
  detection judges the skill alone: two guessers share a false yes by chance.
* **Accuracy with shrinkage**: accuracies are Beta-smoothed per source towards its prior
  (configured trust, else the mean accuracy of all claims), so that sources with few claims
  are neither perfect nor worthless (the Bayesian smoothing of Zhao et al., "A Bayesian
  Approach to Discovering Truth from Conflicting Sources", PVLDB 5(6) 2012, in its simplest
  form; the skill is what is smoothed). By default one skill per source, as in Accu:
  per-attribute skills (finite ``Settings.attribute_strength``) let a copied lineage that
  outvotes the rest on one attribute be learnt as accurate there, though its sources are
  wrong elsewhere.

Rounds: a plain vote; then ``Settings.copy_rounds`` times: estimate n, detect copying, run Accu
to convergence with the discounted votes. The frames come in and go out as polars; the
iterations run on integer-coded numpy arrays (segment sums with ``bincount``, pair counts with
scipy sparse products), so no step loops over claims in Python. Output is deterministic: ids
are dense ranks of the sorted keys and every sum runs in a fixed order.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import polars as pl
from scipy import sparse

KINDS = ("exact", "code", "text", "time", "number", "count", "measure", "names", "choice")
# choice: an answer picked from a few (yes/no, a class), compared exactly; a guess is right
# often enough that a source's accuracy is its skill beyond guessing
# measure: a figure compared within tolerance whose digits say nothing of a rounding (the
# product of a box's sides), so neither a rounded nor a more precise statement of another
_NUMERIC = ("time", "number", "count", "measure")
AMOUNTS = ("number", "count")  # numeric kinds whose figures may be rounded
_KEY = ["entity", "attribute", "slot"]


@dataclass(frozen=True)
class Attribute:
    """How an attribute's values compare: `tolerance` is absolute (minutes, units) or, with
    `relative`, a fraction of the larger value; `names` compares `members` sets by overlap."""

    kind: str = "exact"
    tolerance: float = 0.0
    relative: bool = False


@dataclass(frozen=True)
class Settings:
    """The one set of defaults used for every data set (nothing here is tuned per data set)."""

    iterations: int = 30  # per round, at most; stops earlier when accuracies settle
    tol: float = 1e-4  # convergence: largest change of an accuracy
    start: float = 0.8  # starting accuracy of a source with no prior
    strength: float = 2.0  # pseudo-claims pulling a source's accuracy to its prior
    # pseudo-claims pulling per-attribute accuracy to the source's; inf: one accuracy per source
    # (Dong 2009's Accu), so that a source wrong on other attributes is not trusted on one where
    # a copied lineage outvotes the rest
    attribute_strength: float = float("inf")
    similarity: float = 0.5  # rho: how much a similar value's score supports a value
    copy_rounds: int = 2  # rounds of copy detection (0: plain Accu)
    copy_prior: float = 0.2  # alpha: prior probability that two sources are dependent
    copy_rate: float = 0.8  # c: share of its values a copier copies (prior of the pair's rate)
    rate_strength: float = 20.0  # pseudo-items pulling a pair's estimated copy rate to copy_rate
    copy_report: float = 0.5  # a source is listed as copying another above this probability
    # values two sources must both state before their agreement can read as copying: on fewer,
    # chance agreement and copying cannot be told apart (one film, three sites)
    copy_min_shared: int = 5
    lo: float = 0.01  # accuracies are kept in [lo, 1 - lo]
    attributes: Mapping[str, Attribute] = field(default_factory=dict)


@dataclass(frozen=True)
class Truth:
    """`resolved`: entity, attribute, slot, value, confidence, sources (sorted list).
    `sources`: source, reliability, attributes (list of attribute, reliability, claims),
    claims, agreed, copies (list of source, dependence)."""

    resolved: pl.DataFrame
    sources: pl.DataFrame


def discover(
    claims: pl.DataFrame,
    attributes: Mapping[str, Attribute] | None = None,
    settings: Settings | None = None,
) -> Truth:
    """Resolve every (entity, attribute, slot) of `claims` and estimate each source's reliability.

    `claims` columns: entity, attribute, source, value (String, the canonical key); optional
    slot (String), number (Float64, for numeric kinds), members (List[String], for `names`),
    prior (Float64, a source's configured trust in (0, 1)), weight (Float64, e.g. < 1 for
    user reviews), precision (Int64: an amount's significant digits, which break ties between
    values equally likely right: a rounded figure generalises the precise one), spread
    (Float64: a range's half-width about `number`, its middle; two ranges are within
    tolerance when both their ends are). A source with
    several claims on one item keeps its most frequent value (the first stated on a tie)."""
    settings = settings or Settings()
    attributes = {**settings.attributes, **(attributes or {})}
    for name, spec in attributes.items():
        if spec.kind not in KINDS:
            raise ValueError(f"attribute {name!r}: unknown kind {spec.kind!r} (one of {KINDS})")
    coded = _prepare(claims)
    if not len(coded.item):
        return _empty()
    model = _Model(coded, attributes, settings)
    model.run()
    return model.result()


# ------------------------------------------------------------------------------------ input


@dataclass(frozen=True)
class _Coded:
    """Claims as integer arrays (one per (item, source), sorted by value group then source),
    with the frames that name the ids: `groups` (one row per distinct value of an item, in id
    order) and `names` (src, source, prior)."""

    item: np.ndarray
    src: np.ndarray
    group: np.ndarray
    weight: np.ndarray
    groups: pl.DataFrame
    names: pl.DataFrame
    raw: np.ndarray | None = None  # id of (item, exact source text), when given


def _codes(series: pl.Series) -> tuple[np.ndarray, pl.Series]:
    """Ids in sorted order of the distinct strings (so ties break by the string itself)."""
    distinct = series.unique().sort()
    # an Enum of the sorted strings numbers them in that order, by hashing each string once
    ids = series.cast(pl.Enum(distinct)).to_physical().cast(pl.Int64)
    return ids.to_numpy(), distinct


def _runs(key: np.ndarray, stable: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """A sort of `key` (stable unless told) and where each run of equal keys starts in it
    (numpy's hashing unique is many times slower than a sort here)."""
    order = np.argsort(key, kind="stable" if stable else None)
    ordered = key[order]
    return order, np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])


def _dense(key: np.ndarray) -> np.ndarray:
    """Dense ranks 0..n-1 of `key`."""
    order, starts = _runs(key, stable=False)
    ids = np.zeros(len(key), dtype=np.int64)
    ids[starts[1:]] = 1
    out = np.empty(len(key), dtype=np.int64)
    out[order] = np.cumsum(ids)
    return out


def _prepare(claims: pl.DataFrame) -> _Coded:
    """One claim per (item, source), integer-coded; columns the caller left out filled."""
    missing = {"entity", "attribute", "source", "value"} - set(claims.columns)
    if missing:
        raise ValueError(f"claims frame lacks column(s): {', '.join(sorted(missing))}")
    defaults = {
        "slot": pl.lit("", pl.String),
        "number": pl.lit(None, pl.Float64),
        "members": pl.lit(None, pl.List(pl.String)),
        "prior": pl.lit(None, pl.Float64),
        "weight": pl.lit(1.0, pl.Float64),
        "raw": pl.lit(None, pl.String),
        "precision": pl.lit(None, pl.Int64),
        "spread": pl.lit(None, pl.Float64),
    }
    frame = (
        claims.lazy()
        .with_columns(
            (pl.col(k) if k in claims.columns else v).alias(k) for k, v in defaults.items()
        )
        .select(
            pl.col("entity", "attribute", "source", "value").cast(pl.String),
            pl.col("slot").cast(pl.String).fill_null(""),
            pl.col("number").cast(pl.Float64),
            "members",
            pl.col("prior").cast(pl.Float64),
            pl.col("weight").cast(pl.Float64).fill_null(1.0),
            pl.col("raw").cast(pl.String),
            pl.col("precision").cast(pl.Int64),
            pl.col("spread").cast(pl.Float64),
        )
        .filter(
            pl.col("value").is_not_null()
            & pl.col("source").is_not_null()
            & pl.col("entity").is_not_null()
            & pl.col("attribute").is_not_null()
        )
        .collect()
    )
    entity, _ = _codes(frame["entity"])
    attribute, attrs = _codes(frame["attribute"])
    slot, slots = _codes(frame["slot"])
    src, sources = _codes(frame["source"])
    value, values = _codes(frame["value"])
    item = _dense((entity * len(attrs) + attribute) * len(slots) + slot)
    group = _dense(item * len(values) + value)
    rows = np.arange(frame.height, dtype=np.int64)
    # One claim per (item, source): its most frequent value, the first stated on a tie.
    pair = item * len(sources) + src
    order, starts = _runs(pair)
    sizes = np.diff(np.r_[starts, len(pair)])
    if (sizes > 1).any():
        # only the rows of (item, source) pairs stated more than once need choosing
        many = np.repeat(sizes > 1, sizes)
        rows = order[~many]
        dup = order[many]
        gkey = group[dup] * len(sources) + src[dup]
        by, at = _runs(gkey)
        first = dup[by[at]]  # the stable sort keeps the first row of each run first
        times = np.diff(np.r_[at, len(by)])
        best = np.lexsort((first, -times, src[first], item[first]))
        keep = np.r_[True, np.diff(pair[first[best]]) != 0]
        rows = np.sort(np.r_[rows, first[best[keep]]])
        group, item, src = _dense(group[rows]), item[rows], src[rows]
    order = np.argsort(group * len(sources) + src, kind="stable")
    rows, group, src, item = rows[order], group[order], src[order], item[order]
    heads = np.flatnonzero(np.r_[True, np.diff(group) != 0]) if len(group) else group
    groups = (
        frame.select(
            "entity", "attribute", "slot", "value", "number", "members", "precision", "spread"
        )[
            rows[heads]
        ]
        .with_columns(
            item=pl.Series(item[heads], dtype=pl.Int64),
            group=pl.Series(np.arange(len(heads), dtype=np.int64)),
        )
    )
    prior = np.full(len(sources), np.nan)
    given = frame["prior"].to_numpy()[rows]
    has = ~np.isnan(given)
    if has.any():
        np.fmax.at(prior, src[has], given[has])
    names = pl.DataFrame(
        {"src": np.arange(len(sources), dtype=np.int64), "source": sources, "prior": prior},
        schema={"src": pl.Int64, "source": pl.String, "prior": pl.Float64},
    )
    weight = frame["weight"].to_numpy()[rows].astype(np.float64)
    raw = None
    if "raw" in claims.columns:
        # the exact source text: copy evidence (see _Model._copies)
        # (only identity matters here: a 64-bit hash of the text, mixed with the item id)
        text = frame["raw"].fill_null(frame["value"]).hash(seed=0).to_numpy().view(np.int64)
        raw = _dense(text[rows] * 1_000_003 + item)
    return _Coded(item, src, group, weight, groups, names, raw)


# ------------------------------------------------------------------------------------ model


def _segment_max(values: np.ndarray, starts: np.ndarray) -> np.ndarray:
    return np.maximum.reduceat(values, starts) if len(values) else values


class _Model:
    """Integer-coded claims and the iteration state."""

    def __init__(self, coded: _Coded, attributes: Mapping[str, Attribute], s: Settings):
        self.s = s
        self.attributes = attributes
        groups = coded.groups
        self.groups = groups
        self.names = coded.names
        attr_names = sorted(groups["attribute"].unique().to_list())
        self.attr_names = attr_names
        attr_id = {a: i for i, a in enumerate(attr_names)}
        self.K = len(attr_names)
        self.S = self.names.height
        self.G = groups.height
        self.I = int(groups["item"].max()) + 1 if self.G else 0
        self.c_group = coded.group
        self.c_src = coded.src
        self.c_item = coded.item
        self.c_weight = coded.weight
        self.c_raw = coded.raw
        self.g_item = groups["item"].to_numpy().astype(np.int64)
        g_attr = groups["attribute"].replace_strict(attr_id, return_dtype=pl.Int64).to_numpy()
        self.g_attr = g_attr
        self.c_attr = g_attr[self.c_group]
        self.c_sa = self.c_src * self.K + self.c_attr
        self.item_start = np.flatnonzero(np.r_[True, np.diff(self.g_item) != 0])
        per_item = np.bincount(self.g_item, minlength=self.I).astype(np.float64)
        # n: the false values of an item, at least one; the unclaimed ones score 0.
        self.per_item = per_item
        self.i_attr = np.zeros(self.I, dtype=np.int64)
        self.i_attr[self.g_item] = self.g_attr
        self.g_claims = np.bincount(self.c_group, minlength=self.G).astype(np.float64)
        self.a_chance = self._guessing(attributes)
        self.c_chance = self.a_chance[self.c_attr]
        # worse than a guess (below 0) only shows where a guess can be right
        self.lowest = -1.0 if self.a_chance.any() else s.lo
        self.n_false = np.ones(self.K)
        self._set_false(np.ones(self.K))
        # A lone claim's probability is its source's accuracy: it teaches nothing about that
        # accuracy (it is a fixed point of the update), so only shared items are learnt from.
        shared = np.bincount(self.c_item, minlength=self.I) > 1
        self.learn = np.flatnonzero(shared[self.c_item])
        self.den_sa = np.bincount(
            self.c_sa[self.learn], self.c_weight[self.learn], minlength=self.S * self.K
        )
        self.rounds = 0
        self.pairs = _similar(groups, attributes)
        prior = self.names["prior"].to_numpy().astype(np.float64)
        self.prior = np.where(np.isnan(prior), np.nan, np.clip(prior, s.lo, 1 - s.lo))
        self.acc_s = np.where(np.isnan(self.prior), s.start, self.prior)
        self.acc_sa = np.repeat(self.acc_s, self.K)
        self.independence = np.ones(len(self.c_group))
        self.dependence = None  # (i, j, P(i copies j), P(j copies i)) once detected
        self._pair_counts = {}  # attribute -> _counts(...), computed once
        self.P = np.zeros(self.G)
        self.right = np.zeros(self.G)

    def _guessing(self, attributes: Mapping[str, Attribute]) -> np.ndarray:
        """Per attribute of kind `choice`, the chance that a guess is right: that a claim's
        value is the value a claim on another item states (the share of pairs of claims on
        different items that agree: about a half for yes/no). Other attributes, 0 (Accu's
        own model): a figure or a name recurs across items by what the items share, not by
        guessing (a catalog of one film's copies would read every attribute as a guess)."""
        chosen = np.array(
            [getattr(attributes.get(a), "kind", None) == "choice" for a in self.attr_names]
        )
        if not chosen.any():
            return np.zeros(self.K)
        c = self.g_claims
        value, _ = _codes(self.groups["value"])
        av = self.g_attr * (int(value.max()) + 1) + value
        per_value = np.bincount(_dense(av), c)
        at = np.zeros(len(per_value), dtype=np.int64)
        at[_dense(av)] = self.g_attr
        items = np.bincount(self.g_item, c, minlength=self.I)
        claims = np.bincount(self.i_attr, items, minlength=self.K)
        pairs = claims**2 - np.bincount(self.i_attr, items**2, minlength=self.K)
        agree = np.bincount(at, per_value**2, minlength=self.K) - np.bincount(
            self.g_attr, c**2, minlength=self.K
        )
        return np.where(chosen & (pairs > 0), agree / np.maximum(pairs, 1.0), 0.0)

    # one Accu step: scores -> value probabilities -> accuracies
    def _set_false(self, n: np.ndarray) -> None:
        """n, the false values of an item: the attribute's estimate, at least the false values
        the item shows; the unclaimed ones score 0 in the softmax."""
        self.n_false = n
        self.i_false = np.maximum(n[self.i_attr], np.maximum(self.per_item - 1.0, 1.0))
        self.i_unclaimed = self.i_false + 1.0 - self.per_item
        self.c_log_false = np.log(self.i_false)[self.c_item]

    def _accuracy(self, skill: np.ndarray, chance: np.ndarray) -> np.ndarray:
        """The chance of a right value from a source of this skill where a guess is right by
        `chance`: it knows the value with probability `skill`, else it guesses (the one-coin
        model of crowdsourcing). One skill serves questions of any number of answers: a
        spammer guessing on yes/no and on forty species is no better than chance on either,
        where one accuracy learnt mostly on the forty (0.03) read its yes as a vote for no."""
        return np.clip(chance + skill * (1.0 - chance), self.s.lo, 1 - self.s.lo)

    def _attribute_accuracy(self) -> np.ndarray:
        """Each (source, attribute)'s accuracy: the mean over its claims (its skill where it
        states nothing)."""
        on = self._accuracy(self.acc_sa[self.c_sa], self.c_chance)
        total = np.bincount(self.c_sa, on, minlength=self.S * self.K)
        count = np.bincount(self.c_sa, minlength=self.S * self.K)
        return np.where(count > 0, total / np.maximum(count, 1), self.acc_sa)

    def _estimate_false(self) -> None:
        """n per attribute from how often two false claims on an item coincide (a wrong source
        picks one of n false values): pairs of false claims / pairs that agree."""
        c, f = self.g_claims, 1.0 - self.P
        agree = np.bincount(self.g_attr, f * c * (c - 1) / 2, minlength=self.K)
        false_claims = np.bincount(self.g_item, f * c, minlength=self.I)
        own = np.bincount(self.g_item, f * c * c, minlength=self.I)
        pairs_i = np.maximum(false_claims**2 - own, 0.0) / 2 + np.bincount(
            self.g_item, f * c * (c - 1) / 2, minlength=self.I
        )
        pairs = np.bincount(self.i_attr, pairs_i, minlength=self.K)
        most = np.bincount(self.g_attr, minlength=self.K).astype(np.float64)  # distinct values
        n = np.where(agree > 1e-9, pairs / np.maximum(agree, 1e-9), most)
        self._set_false(np.clip(n, 1.0, np.maximum(most, 1.0)))

    def _probabilities(self) -> None:
        s = self.s
        acc = self._accuracy(self.acc_sa[self.c_sa], self.c_chance)
        vote = self.c_strength * (self.c_log_false + np.log(acc / (1.0 - acc)))
        score = np.bincount(self.c_group, vote, minlength=self.G)
        p_g, p_h, p_sim, p_ok = self.pairs
        if len(p_g):
            score = score + s.similarity * np.bincount(p_g, p_sim * score[p_h], minlength=self.G)
        top = np.maximum(_segment_max(score, self.item_start), 0.0)  # unclaimed values score 0
        e = np.exp(score - top[self.g_item])
        z = np.bincount(self.g_item, e, minlength=self.I) + self.i_unclaimed * np.exp(-top)
        self.P = e / z[self.g_item]
        right = self.P
        if len(p_g):
            right = right + np.bincount(p_g, p_ok * self.P[p_h], minlength=self.G)
        self.right = np.minimum(right, 1.0)

    def _accuracies(self) -> float:
        s = self.s
        learn = self.learn
        # a source's skill: how much more often than a guess its claims are right
        chance = self.c_chance[learn]
        q = (self.right[self.c_group[learn]] - chance) / (1.0 - chance) * self.c_weight[learn]
        num_sa = np.bincount(self.c_sa[learn], q, minlength=self.S * self.K)
        den_sa = self.den_sa
        num_s = num_sa.reshape(self.S, self.K).sum(axis=1)
        den_s = den_sa.reshape(self.S, self.K).sum(axis=1)
        mean = q.sum() / max(den_s.sum(), 1e-12)
        base = np.where(np.isnan(self.prior), mean, self.prior)
        acc_s = (num_s + s.strength * base) / (den_s + s.strength)
        if np.isinf(s.attribute_strength):
            acc_sa = np.repeat(acc_s, self.K)
        else:
            acc_sa = (num_sa + s.attribute_strength * np.repeat(acc_s, self.K)) / (
                den_sa + s.attribute_strength
            )
        # below 0: worse than a guess (a source wrong on purpose)
        acc_s = np.clip(acc_s, self.lowest, 1 - s.lo)
        acc_sa = np.clip(acc_sa, self.lowest, 1 - s.lo)
        change = float(np.abs(acc_sa - self.acc_sa).max()) if len(acc_sa) else 0.0
        self.acc_s, self.acc_sa = acc_s, acc_sa
        return change

    def _iterate(self) -> None:
        self.c_strength = self.c_weight * self.independence
        for _ in range(self.s.iterations):
            self._probabilities()
            self.rounds += 1
            if self._accuracies() < self.s.tol:
                break
        self._probabilities()

    def run(self) -> None:
        if not self.G:
            return
        # Dependence is first judged on the plain vote, before accuracies are learnt: a copied
        # majority learnt as accurate would explain its copies as shared truths.
        self.c_strength = self.c_weight
        self._probabilities()
        for _ in range(self.s.copy_rounds):
            self._estimate_false()
            self._copies()
            self._iterate()
        if not self.s.copy_rounds:
            self._estimate_false()
            self._iterate()

    # ----------------------------------------------------------------------- copy detection
    def _copies(self) -> None:
        """Dong 2009's posterior of dependence for every pair of sources sharing an item,
        from soft counts (a shared value true with probability P adds P to the shared-true
        count and 1 − P to the shared-false count), per attribute with per-attribute
        accuracies. The posterior that discounts votes on one attribute weighs the evidence
        of the other attributes (all of it when there is no other): values in dispute cannot
        brand their own camp as copiers."""
        s, S, K = self.s, self.S, self.K
        frames = []
        for a in range(K):
            mine = self.c_attr == a
            if not mine.any():
                continue
            if a not in self._pair_counts:
                self._pair_counts[a] = self._counts(mine)
            counts = self._pair_counts[a]
            if counts is None:
                continue
            i, j, key, both, k_same, phi, x, rows, cols = counts
            right = self.right[self.c_group[mine]]
            xp = sparse.csr_matrix((right, (rows, cols)), shape=x.shape)
            k_true = _lookup(sparse.triu(x.T @ xp, k=1).tocoo(), S, key)  # ... weighted by P
            k_true = np.minimum(k_true, k_same)
            k_false = np.maximum(k_same - k_true, 0.0)
            k_diff = np.maximum(both - k_same, 0.0)
            n = float(self.n_false[a])
            # judged on what the sources know, not on what guesses hit: two guessers share
            # a false yes by chance, which Dong's 1/n coincidence explains
            ai = self._accuracy(self.acc_sa[i * K + a], 0.0)
            aj = self._accuracy(self.acc_sa[j * K + a], 0.0)
            li, lj, lk = _pair_loglik(ai, aj, n, k_false, k_diff, s.copy_rate, phi)
            frames.append(
                pl.DataFrame({"key": i * S + j, "a": np.full(len(i), a), "ind": li, "ij": lj,
                              "ji": lk, "both": both, "same": k_same,
                              "chance": both * (ai * aj + (1 - ai) * (1 - aj) / n) * phi})
            )
        if not frames:
            return
        each = pl.concat(frames)
        total = each.group_by("key").agg(
            pl.col("ind", "ij", "ji", "both", "same", "chance").sum(), pl.len().alias("attrs")
        ).with_columns(
            # the pair's copy rate over all its attributes: the share of its common items on
            # which it agrees beyond what independent sources would (Dong 2010's selectivity)
            # (shrunk towards `copy_rate` as if from `rate_strength` items)
            rate=(
                (pl.col("same") - pl.col("chance") + s.rate_strength * s.copy_rate)
                / (pl.col("both") - pl.col("chance") + s.rate_strength)
            ).clip(0.0, 1.0)
        )
        # per (pair, attribute): the evidence of the pair's other attributes, else its own
        loo = (
            each.join(total, on="key", suffix="_all")
            .select(
                "key",
                "a",
                "rate",
                *(
                    pl.when(pl.col("attrs") > 1)
                    .then(pl.col(f"{c}_all") - pl.col(c))
                    .otherwise(pl.col(c))
                    .alias(c)
                    for c in ("ind", "ij", "ji")
                ),
            )
            .sort("key", "a")
        )
        total = total.sort("key")
        post = self._posterior(total)
        enough = total["both"].to_numpy() >= s.copy_min_shared
        key = total["key"].to_numpy()
        self.dependence = (key // S, key % S, post[1] * enough, post[2] * enough)
        post_a = self._posterior(loo)
        key = loo["key"].to_numpy()
        enough = np.isin(key, total["key"].to_numpy()[enough])
        dep = (post_a[1] + post_a[2]) * loo["rate"].to_numpy() * enough
        self._independence(key // S, key % S, loo["a"].to_numpy(), dep)

    def _counts(self, mine: np.ndarray):
        """The claims of one attribute (`mine`): for every pair of sources sharing an item,
        (i, j, key, items both state, values both state, phi) and the (value, source)
        incidence matrix with its row and column per claim; None when no item is shared.
        These do not change between rounds."""
        s, S = self.s, self.S
        g, src, it = self.c_group[mine], self.c_src[mine], self.c_item[mine]
        ones = np.ones(len(g))
        y = sparse.csr_matrix((ones, (it, src)), shape=(self.I, S))
        both = sparse.triu(y.T @ y, k=1).tocoo()  # items both state
        if not both.nnz:
            return None
        i, j = both.row.astype(np.int64), both.col.astype(np.int64)
        key = i * S + j
        x = sparse.csr_matrix((ones, (g, src)), shape=(self.G, S))
        k_same = _lookup(sparse.triu(x.T @ x, k=1).tocoo(), S, key)  # the same value
        phi, rows = np.ones(len(key)), g
        if self.c_raw is not None:
            # AccuFormat's evidence: a copier copies the text, format and all, so a pair
            # counts as sharing a value only where its texts are identical; phi, the chance
            # the pair renders a value it shares alike, is the share of its common values
            # with identical texts (independent sites with different formats: about 0),
            # shrunk towards the attribute's share over all pairs (where every source writes
            # a value alike, a pair's one shared value is no sign of copying).
            rows = self.c_raw[mine]
            x = sparse.csr_matrix((ones, (rows, src)), shape=(int(rows.max()) + 1, S))
            k_value = k_same
            k_same = _lookup(sparse.triu(x.T @ x, k=1).tocoo(), S, key)
            alike = (k_same.sum() + 1.0) / (k_value.sum() + 2.0)
            phi = np.clip((k_same + 2.0 * alike) / (k_value + 2.0), s.lo, 1.0)
        return i, j, key, both.data.astype(np.float64), k_same, phi, x, rows, src

    def _posterior(self, frame: pl.DataFrame) -> np.ndarray:
        a = self.s.copy_prior
        terms = np.stack(
            [
                np.log(1 - a) + frame["ind"].to_numpy(),
                np.log(a / 2) + frame["ij"].to_numpy(),
                np.log(a / 2) + frame["ji"].to_numpy(),
            ]
        )
        terms -= terms.max(axis=0)
        post = np.exp(terms)
        return post / post.sum(axis=0)

    def _independence(self, i: np.ndarray, j: np.ndarray, attr: np.ndarray, dep: np.ndarray):
        """A claim's vote times Π (1 − c·P(dep)) over the more accurate sources (ties: the
        smaller id) that state the same value (Dong 2009, section 3.2); `dep` is c·P(dep), c
        the pair's estimated copy rate, so a clique of faithful copiers counts about once."""
        S = self.S
        strong = dep > 1e-3
        i, j, attr, dep = i[strong], j[strong], attr[strong], dep[strong]
        self.independence = np.ones(len(self.c_group))
        order = np.lexsort((np.arange(S), -self.acc_s))
        rank = np.empty(S, dtype=np.int64)
        rank[order] = np.arange(S)
        later = np.where(rank[i] > rank[j], i, j)
        earlier = np.where(rank[i] > rank[j], j, i)
        penalty = np.log1p(-np.minimum(dep, 1.0 - 1e-3))
        for a in np.unique(attr):
            on = attr == a
            pen = sparse.csr_matrix((penalty[on], (earlier[on], later[on])), shape=(S, S))
            mine = np.flatnonzero(self.c_attr == a)
            g, src = self.c_group[mine], self.c_src[mine]
            x = sparse.csr_matrix((np.ones(len(g)), (g, src)), shape=(self.G, S))
            total = (x @ pen).tocsr()
            self.independence[mine] = np.exp(np.asarray(total[g, src]).ravel())

    # ------------------------------------------------------------------------------ output
    def _most_precise(
        self, first: np.ndarray, right: np.ndarray, prob: np.ndarray, g: np.ndarray, h: np.ndarray
    ) -> np.ndarray:
        """Each item's winner in `first`, or the value within tolerance of it (pairs g, h),
        as likely right and stating more significant digits, the most precise first."""
        precise = self.groups["precision"].fill_null(0).to_numpy()
        if not precise.any():
            return first
        g, h = np.r_[g, h], np.r_[h, g]  # compatible either way
        won = np.zeros(self.G, dtype=bool)
        won[first] = True
        better = won[g] & (right[h] == right[g]) & (precise[h] > precise[g])
        g, h = g[better], h[better]
        if not len(g):
            return first
        pick = np.lexsort((h, -prob[h], -precise[h], g))
        keep = pick[np.r_[True, np.diff(g[pick]) != 0]]
        at = np.full(self.G, -1, dtype=np.int64)
        at[first] = np.arange(len(first))
        first = first.copy()
        first[at[g[keep]]] = h[keep]
        return first

    def result(self) -> Truth:
        s = self.s
        if not self.G:
            return _empty()
        p_g, p_h, p_sim, p_ok = self.pairs
        # The winner: most likely right (within tolerance), then most probable, then (names)
        # the one that says most (a name in full over its initials), then smallest; then, of
        # the values within tolerance of it and as likely right, the most precise amount (a
        # rounded figure generalises the precise one: Jung, Kim, Shim 2019).
        right = np.round(self.right, 12)
        prob = np.round(self.P, 12)
        named = np.array(
            [getattr(self.attributes.get(a), "kind", None) == "names" for a in self.attr_names]
        )
        says = np.where(named[self.g_attr], self.groups["value"].str.len_chars().to_numpy(), 0)
        order = np.lexsort((np.arange(self.G), -says, -prob, -right, self.g_item))
        first = order[np.r_[True, np.diff(self.g_item[order]) != 0]]
        if len(p_g):
            first = self._most_precise(first, right, prob, p_g[p_ok > 0], p_h[p_ok > 0])
        chosen = np.zeros(self.G, dtype=bool)
        chosen[first] = True
        agree = chosen.copy()
        if len(p_g):
            ok = p_ok > 0
            agree[p_g[ok][chosen[p_h[ok]]]] = True
        c_agree = agree[self.c_group]
        winner = np.full(self.I, -1, dtype=np.int64)
        winner[self.g_item[first]] = first
        c_supports = winner[self.c_item] == self.c_group
        if len(p_g):
            ok = p_ok > 0
            compatible = sparse.csr_matrix(
                (np.ones(int(ok.sum())), (p_g[ok], p_h[ok])), shape=(self.G, self.G)
            )
            near = np.asarray(compatible[winner[self.c_item], self.c_group]).ravel() > 0
            c_supports = c_supports | near
        support = (
            pl.DataFrame(
                {"item": self.c_item[c_supports], "src": self.c_src[c_supports]},
                schema={"item": pl.Int64, "src": pl.Int64},
            )
            .join(self.names.select("src", "source"), on="src")
            .group_by("item")
            .agg(pl.col("source").sort().alias("sources"))
        )
        # `first` is in item order, and items are numbered in the order of their sorted keys
        resolved = (
            self.groups[first]
            .with_columns(confidence=pl.Series(np.minimum(self.right[first], 1.0)))
            .join(support, on="item", how="left", maintain_order="left")
            .select(*_KEY, "value", "confidence", "sources")
        )
        n_claims = np.bincount(self.c_src, minlength=self.S)
        agreed = np.bincount(self.c_src, c_agree.astype(np.float64), minlength=self.S)
        sa = np.bincount(self.c_sa, minlength=self.S * self.K)
        # reported as accuracies, the share of its claims a source gets right (its skill
        # plus what its guesses get right), per attribute and over all its claims
        # (linear in the chance: the mean accuracy is the accuracy at the mean chance)
        acc_sa = self._accuracy(self.acc_sa, np.tile(self.a_chance, self.S))
        chance = np.bincount(self.c_src, self.c_chance, minlength=self.S)
        acc_s = self._accuracy(self.acc_s, chance / np.maximum(n_claims, 1))
        per_attr = (
            pl.DataFrame(
                {
                    "src": np.repeat(np.arange(self.S), self.K),
                    "attribute": np.tile(np.array(self.attr_names, dtype=object), self.S),
                    "reliability": acc_sa,
                    "claims": sa,
                },
                schema={
                    "src": pl.Int64,
                    "attribute": pl.String,
                    "reliability": pl.Float64,
                    "claims": pl.Int64,
                },
            )
            .filter(pl.col("claims") > 0)
            .group_by("src")
            .agg(pl.struct("attribute", "reliability", "claims").sort_by("attribute"))
            .rename({"attribute": "attributes"})
        )
        sources = self.names.select("src", "source").with_columns(
            reliability=pl.Series(acc_s),
            claims=pl.Series(n_claims, dtype=pl.Int64),
            agreed=pl.Series(agreed / np.maximum(n_claims, 1)),
        )
        sources = sources.join(per_attr, on="src", how="left").join(
            self._copy_table(), on="src", how="left"
        )
        sources = sources.with_columns(
            pl.col("copies").fill_null(
                pl.lit([], pl.List(pl.Struct({"source": pl.String, "dependence": pl.Float64})))
            )
        ).select("source", "reliability", "attributes", "claims", "agreed", "copies")
        del s
        return Truth(resolved, sources.sort("source"))

    def _copy_table(self) -> pl.DataFrame:
        """Per source, the sources it seems to copy: the pair's dependence (either direction)
        above `copy_report`, listed under the side more likely to be the copier (both sides
        when the data cannot tell the direction), rounded so re-runs print the same."""
        schema = {"src": pl.Int64, "other": pl.Int64, "dependence": pl.Float64}
        if self.dependence is None:
            rows = pl.DataFrame(schema=schema)
        else:
            i, j, p_ij, p_ji = self.dependence
            dep = np.round(p_ij + p_ji, 6)
            tie = np.isclose(p_ij, p_ji, rtol=0.0, atol=1e-3)
            rows = pl.concat(
                [
                    pl.DataFrame({"src": i, "other": j, "dependence": dep}, schema=schema)
                    .filter(pl.Series((p_ij > p_ji) | tie)),
                    pl.DataFrame({"src": j, "other": i, "dependence": dep}, schema=schema)
                    .filter(pl.Series((p_ji > p_ij) | tie)),
                ]
            ).filter(pl.col("dependence") > self.s.copy_report)
        names = self.names.select(pl.col("src").alias("other"), "source")
        return (
            rows.join(names, on="other")
            .sort("src", "source")
            .group_by("src", maintain_order=True)
            .agg(copies=pl.struct("source", "dependence"))
        )


def _lookup(matrix: sparse.coo_matrix, width: int, key: np.ndarray) -> np.ndarray:
    """The entries of `matrix` at keys row * width + col (0 where absent)."""
    have = matrix.row.astype(np.int64) * width + matrix.col
    order = np.argsort(have)
    have, data = have[order], matrix.data[order]
    at = np.minimum(np.searchsorted(have, key), max(len(have) - 1, 0))
    found = (at < len(have)) & (have[at] == key) if len(have) else np.zeros(len(key), bool)
    return np.where(found, data[at] if len(have) else 0.0, 0.0)


def _pair_loglik(ai, aj, n, k_false, k_diff, c, phi=1.0):
    """Log-likelihoods of a pair's soft counts of shared false values and of differences:
    independent, i copies j, j copies i. `phi`: the chance two independent sources render a
    shared value as the same text."""
    pt = ai * aj * phi
    pf = (1 - ai) * (1 - aj) / n * phi
    pd = np.maximum(1 - pt - pf, 1e-12)
    ind = k_false * np.log(pf) + k_diff * np.log(pd)
    diff = k_diff * np.log(pd * (1 - c))

    def copy(orig):
        return k_false * np.log((1 - orig) * c + pf * (1 - c)) + diff

    return ind, copy(aj), copy(ai)


def _similar(groups: pl.DataFrame, attributes: Mapping[str, Attribute]):
    """Pairs (g, h) of distinct values of one item that support each other: similarity in
    [0, 1] and whether g counts as right when h is (within tolerance, or h a rounding of g)."""
    empty = (np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0), np.zeros(0))
    specs = pl.DataFrame(
        {
            "attribute": list(attributes),
            "kind": [a.kind for a in attributes.values()],
            "tolerance": [float(a.tolerance) for a in attributes.values()],
            "relative": [bool(a.relative) for a in attributes.values()],
        },
        schema={"attribute": pl.String, "kind": pl.String, "tolerance": pl.Float64,
                "relative": pl.Boolean},
    )
    base = groups.select(
        "group", "item", "attribute", "number", "spread", "precision", "members"
    ).join(
        specs, on="attribute", how="inner"
    )
    numeric = base.filter(
        pl.col("kind").is_in(_NUMERIC) & (pl.col("tolerance") > 0) & pl.col("number").is_not_null()
    )
    names = base.filter((pl.col("kind") == "names") & pl.col("members").is_not_null())
    parts = []
    if numeric.height:
        left = numeric.select("group", "item", "kind", "number", "spread", "tolerance", "relative")
        right = numeric.select(
            h="group", item="item", other="number", other_spread="spread",
            other_precision="precision",
        )
        pairs = left.join(right, on="item").filter(pl.col("group") != pl.col("h"))

        def distance(a: pl.Expr, b: pl.Expr) -> pl.Expr:
            scale = pl.when(pl.col("relative")).then(
                pl.col("tolerance") * pl.max_horizontal(a.abs(), b.abs())
            ).otherwise(pl.col("tolerance"))
            return (a - b).abs() / scale

        # two ranges are as far apart as their farther ends (a day's range of 393-411 is not
        # within 1 % of 398-413 though their middles are); a range and an amount, or two
        # amounts, by their middles
        mid, other = pl.col("number"), pl.col("other")
        half, other_half = pl.col("spread"), pl.col("other_spread")
        ends = pl.max_horizontal(
            distance(mid - half, other - other_half), distance(mid + half, other + other_half)
        )
        both = half.is_not_null() & other_half.is_not_null()
        pairs = pairs.with_columns(
            distance=pl.when(both).then(ends).otherwise(distance(mid, other))
        ).drop("spread", "other_spread")
        parts.append(
            pairs.filter(pl.col("distance") <= 1.0).select(
                "group", "h", sim=1.0 - pl.col("distance") / 2, ok=pl.lit(1.0)
            )
        )
        parts.append(_roundings(pairs.filter(pl.col("distance") > 1.0)))
    if names.height:
        left = names.select("group", "item", "members")
        right = names.select(h="group", item="item", other="members")
        pairs = left.join(right, on="item").filter(pl.col("group") != pl.col("h"))
        inter = pl.col("members").list.set_intersection("other").list.len()
        parts.append(
            pairs.with_columns(sim=inter / pl.col("other").list.len())
            .filter(pl.col("sim") > 0)
            .select("group", "h", "sim", ok=pl.lit(0.0))
        )
    if not parts:
        return empty
    frame = pl.concat(parts).sort("group", "h")
    return (
        frame["group"].to_numpy().astype(np.int64),
        frame["h"].to_numpy().astype(np.int64),
        frame["sim"].to_numpy().astype(np.float64),
        frame["ok"].to_numpy().astype(np.float64),
    )


def _roundings(pairs: pl.DataFrame) -> pl.DataFrame:
    """Of pairs (group, h) of an amount's values beyond tolerance of each other, those where
    h is g rounded to significant figures: h ends in k zeros and g rounded to 10^j is h, j
    the smaller of k and the place of g's first digit ("9,000" for 8,860, not "100 million"
    for 84.2 million), and no finer than h's text states (`other_precision`: "$1.10B" is
    rounded to ten millions, "10.00" to the cent, so no rounding of 1.14 billion or 10.33). A
    rounded figure states an interval, not a value: g, the precise value in it, is right
    whenever h is (ok), adding nothing to g's score (sim 0). Times are no amounts (10:00 is
    600 minutes)."""
    amounts = pairs.filter(
        pl.col("kind").is_in(AMOUNTS)
        & (pl.col("number") != 0)
        & (pl.col("other") != 0)
        & (pl.col("other") % 1 == 0)
    )
    other = pl.col("other").abs()
    zeros = pl.sum_horizontal((other % 10.0**k == 0).cast(pl.Int32) for k in range(1, 16))
    # a figure whose text states its zeros ("$1.10B": 3 significant digits) is rounded no
    # further than its last stated digit
    stated = other.log10().floor().cast(pl.Int32) - pl.col("other_precision").cast(pl.Int32) + 1
    zeros = pl.min_horizontal(zeros, stated.fill_null(zeros))
    first = pl.col("number").abs().log10().floor()
    unit = pl.lit(10.0).pow(pl.min_horizontal(pl.col("zeros").cast(pl.Float64), first))
    return (
        amounts.with_columns(zeros=zeros)
        .filter(
            (pl.col("zeros") > 0)
            & ((pl.col("number") / unit).round(0) * unit == pl.col("other"))
        )
        .select("group", "h", sim=pl.lit(0.0), ok=pl.lit(1.0))
    )


def _empty() -> Truth:
    resolved = pl.DataFrame(
        schema={
            "entity": pl.String, "attribute": pl.String, "slot": pl.String, "value": pl.String,
            "confidence": pl.Float64, "sources": pl.List(pl.String),
        }
    )
    sources = pl.DataFrame(
        schema={
            "source": pl.String, "reliability": pl.Float64,
            "attributes": pl.List(
                pl.Struct({"attribute": pl.String, "reliability": pl.Float64, "claims": pl.Int64})
            ),
            "claims": pl.Int64, "agreed": pl.Float64,
            "copies": pl.List(pl.Struct({"source": pl.String, "dependence": pl.Float64})),
        }
    )
    return Truth(resolved, sources)
