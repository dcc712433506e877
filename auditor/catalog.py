"""The catalog of discrepancy kinds: each defined once, with a stable code, like a linter's rules.

A kind's code, name, default severity and message template live on its class; its docstring is
its documentation and must carry an example taken from a real document. Each kind declares its
reasons: a stable name, a template, and the structured fields the template reads. Comparators
state a finding as a reason with its fields (`ValueConflict.beyond_tolerance(values=..., ...)`)
and the catalog words it, so a code, its fields and its wording are defined here and nowhere
else. `auditor rules` lists kinds and reasons; a kind without a docstring, an example or
fixture cases fails the test suite.

Templates are `str.format` strings over the fields, with two additions: `[...]` is a part
written only when every field in it is non-empty, and `{field:one|many}` picks a word by the
length of a list field ("{sources:calls|call}"). A list of names reads "a, b and c"; fields
of nested structure are worded by the renderer the reason declares for them.
"""

from __future__ import annotations

import inspect
import re
import string
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any, ClassVar, NamedTuple

SEVERITIES = ("error", "warning", "info")
_CODE = re.compile(r"AU\d{3}")
_NAME = re.compile(r"[a-z]+(?:-[a-z]+)*")
_OPTIONAL = re.compile(r"\[([^\[\]]*)\]")
# How a spread or a tolerance reads: grouped by thousands ("10,514,075", not "1.05141e+07"),
# with no float noise ("3.81", not "3.8100000000000023")
FIGURE = ",.15g"


def listing(items: Sequence[str]) -> str:
    """'imdb', 'imdb and wikipedia', 'imdb, movieblog and wikipedia': repeats dropped."""
    if len(items) == 1:
        return items[0]
    return _listing(tuple(items))


@lru_cache(maxsize=4096)
def _listing(items: tuple[str, ...]) -> str:
    # Messages list the same few sources over and over: each listing is joined once.
    distinct = list(dict.fromkeys(items))
    if len(distinct) <= 2:
        return " and ".join(distinct)
    return ", ".join(distinct[:-1]) + " and " + distinct[-1]


def _text(value: Any) -> str:
    """A field as text: a list of names as a listing, anything else as it is."""
    return (
        value
        if value.__class__ is str
        else listing(value)
        if value.__class__ in _SEQUENCES
        else str(value)
    )


_SEQUENCES = (list, tuple)


# Field types. TEXT and NUMBER fields go to the template as they are (a NUMBER takes the
# template's format spec); NAMES is a list of names; the rest word a nested structure.
TEXT = "text"
NUMBER = "number"
NAMES = "names"


def said(items: Sequence[Sequence[Any]]) -> str:
    """[[sources, value], ...] -> 'imdb and movieblog: $21,350,112; wikipedia: $21.4M'."""
    return "; ".join([f"{_text(who)}: {_text(what)}" for who, what in items])


def scoped(items: Sequence[Sequence[Any]]) -> str:
    """[[sources, value, scope], ...] -> 'imdb: $23,416,882 (usa); wikipedia: $38.7M (scope
    not stated)'."""
    return "; ".join(
        f"{_text(who)}: {what} ({scope or 'scope not stated'})" for who, what, scope in items
    )


def captured(items: Sequence[Sequence[Any]]) -> str:
    """[[sources, capture dates], ...] -> 'imdb captured 2017; movieblog captured 2014'."""
    return "; ".join(f"{_text(who)} captured {_text(when)}" for who, when in items)


def shares(items: Sequence[Sequence[Any]]) -> str:
    """[[fraction, scope of the whole], ...] -> '60% of the worldwide figure'."""
    return listing([f"{share:.0%} of the {scope or 'unscoped'} figure" for share, scope in items])


def pairs(items: Sequence[Sequence[str]]) -> str:
    """[[a, b], ...] -> 'imdb and movieblog, and imdb and wikipedia' (each pair's own "and"
    kept apart from the list's: not 'a and b and b and c'); three pairs or more with one
    source in common -> 'imdb and each of a, b and c'."""
    if len(items) >= 3 and (common := set(items[0]).intersection(*items[1:])):
        one = min(common)
        return f"{one} and each of {listing(sorted(b if a == one else a for a, b in items))}"
    named = [f"{a} and {b}" for a, b in items]
    return ", ".join(named[:-1]) + ", and " + named[-1] if len(named) > 1 else "".join(named)


def gives(items: Sequence[Sequence[str]]) -> str:
    """[[source, date], ...] -> 'imdb gives 15 Oct 2004'."""
    return listing([f"{who} gives {what}" for who, what in items])


def broader(items: Sequence[Sequence[Any]]) -> str:
    """[[genre, [broad genres]], ...] -> 'black comedy ⊂ comedy; neo-noir ⊂ crime, noir'."""
    return "; ".join(f"{genre} ⊂ {', '.join(broad)}" for genre, broad in items)


_PLACES = {"cast": "cast list", "plot": "plot text", "table": "table"}


def where(items: Sequence[Sequence[Any]]) -> str:
    """[[source, ['cast', 'plot']], ...] -> 'movieblog (cast list and plot text)'."""
    return listing([f"{who} ({listing([_PLACES[p] for p in places])})" for who, places in items])


def release_name(kind: str, places: Sequence[str]) -> str:
    """'wide release in USA', 'premiere', 'release in UK': a release by kind and country."""
    if kind == "premiere":
        return "premiere"
    name = "re-release" if kind == "re-release" else f"{kind} release" if kind else "release"
    return name + (f" in {listing(places)}" if places else "")


def releases(items: Sequence[Sequence[Any]]) -> str:
    """[[date, [[kind, [countries]], ...], sources], ...] -> '15 Oct 2004 is the limited release
    (imdb and wikipedia); 5 Nov 2004 is the wide release (wikipedia)'."""
    return "; ".join(
        f"{date} is the {listing([release_name(k, p) for k, p in named])} ({_text(who)})"
        for date, named, who in items
    )


class Choice(dict):
    """A field naming one of several phrasings, each a template over the reason's other fields:
    Choice(undecided="nothing says which is right", ...), stated as "undecided"."""

    def __init__(self, **phrasings: str) -> None:
        super().__init__({k.replace("_", "-"): v for k, v in phrasings.items()})

    @property
    def __name__(self) -> str:  # for `Reason.field_types`
        return "one of " + ", ".join(self)


class Why(NamedTuple):
    """A reason with its fields: what a comparator says about the claims it found."""

    reason: Reason
    fields: dict[str, Any]

    def render(self) -> str:
        return self.reason.render(self.fields)


class Reason:
    """One way a kind of discrepancy comes about: a stable name, a template and its fields.

    Declared on a Kind as `beyond_tolerance = Reason("...", spread=NUMBER, ...)`; the name is
    the attribute's, with hyphens ("beyond-tolerance"). Calling it with the fields states it."""

    kind: type[Kind]
    name: str

    def __init__(self, template: str, **fields: str | Callable[[Any], str]) -> None:
        self.template = template
        self.fields = fields
        self._names = frozenset(fields)
        self._compile()

    def __set_name__(self, owner: type, attr: str) -> None:
        self.name = attr.replace("_", "-")

    def __call__(self, **fields: Any) -> Why:
        if fields.keys() != self._names:
            raise TypeError(f"{self.name}: fields {sorted(fields)}, expected {sorted(self._names)}")
        return Why(self, fields)

    def __repr__(self) -> str:
        return f"<Reason {getattr(self, 'kind', Kind).__name__}.{self.name}>"

    @property
    def code(self) -> str:
        return self.kind.code

    def _compile(self) -> None:
        """Split the template into parts (an optional one with the fields it needs) and turn
        `{field:one|many}` into a field of its own, so rendering is `str.format_map` alone."""
        self._plurals: list[tuple[str, str, str, str]] = []  # (key, field, one, many)
        pieces: list[tuple[str, bool]] = []
        at = 0
        for m in _OPTIONAL.finditer(self.template):
            pieces += [(self.template[at : m.start()], False), (m.group(1), True)]
            at = m.end()
        pieces.append((self.template[at:], False))
        self._parts: list[tuple[str, tuple[str, ...]]] = []
        for text, optional in pieces:
            out, used = [], []
            for literal, field, spec, conv in string.Formatter().parse(text):
                out.append(literal.replace("{", "{{").replace("}", "}}"))
                if field is None:
                    continue
                if field not in self._names:
                    raise TypeError(f"template names {field!r}, not a declared field")
                used.append(field)
                if spec and "|" in spec:
                    key = f"_p{len(self._plurals)}"
                    one, many = spec.split("|")
                    self._plurals.append((key, field, one, many))
                    out.append("{" + key + "}")
                else:
                    conv = "!" + conv if conv else ""
                    out.append("{" + field + conv + (":" + spec if spec else "") + "}")
            if text:
                self._parts.append(("".join(out), tuple(used) if optional else ()))
        self._worded = [
            (n, listing if t == NAMES else t)
            for n, t in self.fields.items()
            if t not in (TEXT, NUMBER) and not isinstance(t, Choice)
        ]
        self._choices = [(n, t) for n, t in self.fields.items() if isinstance(t, Choice)]
        # A template without optional parts is one format string.
        self._whole = self._parts[0][0] if len(pieces) == 1 and self._parts else None

    def render(self, fields: dict[str, Any]) -> str:
        values = {**fields}
        for name, word in self._worded:
            values[name] = word(fields[name])
        if self._plurals or self._choices:
            for key, field, one, many in self._plurals:
                values[key] = one if len(fields[field]) == 1 else many
            for name, choice in self._choices:
                values[name] = choice[fields[name]].format_map(values)
        if self._whole is not None:
            return self._whole.format_map(values)
        return "".join(
            text.format_map(values) for text, needs in self._parts if all(fields[n] for n in needs)
        )

    def expr(self, **columns: Any) -> Any:
        """The message as a polars expression over columns of fields, for a comparator that
        builds its findings as a frame: text and names fields only (names a list column of
        distinct items), no optional parts."""
        import polars as pl

        from auditor.reconcile.display import listing_expr

        if self._whole is None or self._choices or columns.keys() != self._names:
            raise TypeError(f"{self.name}: not renderable as an expression")
        pieces = []
        for literal, field, spec, _ in string.Formatter().parse(self.template):
            if literal:
                pieces.append(pl.lit(literal))
            if field is None:
                continue
            col, kind = columns[field], self.fields[field]
            if spec and "|" in spec:
                one, many = spec.split("|")
                pieces.append(
                    pl.when(col.list.len() == 1).then(pl.lit(one)).otherwise(pl.lit(many))
                )
            elif kind == NAMES and not spec:
                pieces.append(listing_expr(col))
            elif kind == TEXT and not spec:
                pieces.append(col)
            else:
                raise TypeError(f"{self.name}: field {field} not renderable as an expression")
        return pl.concat_str(pieces)

    def field_types(self) -> dict[str, str]:
        """Each field's type: text, number, names, or the renderer that words it."""
        return {
            n: t if isinstance(t, str) else getattr(t, "__name__", type(t).__name__)
            for n, t in self.fields.items()
        }


class Kind:
    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[str]
    template: ClassVar[str]
    reasons: ClassVar[dict[str, Reason]]
    # How settings bear on the kind's severity (reconcile.severity_of): an attribute's
    # configured severity is the default (`by_attribute`) or a cap (`capped`); a finding that
    # says the values are compatible or explained is `never_error`.
    by_attribute: ClassVar[bool] = False
    capped: ClassVar[bool] = False
    never_error: ClassVar[bool] = False
    # About one member of a list (one name spelt two ways), not the whole list: it resolves
    # that name rather than the list's members.
    one_member: ClassVar[bool] = False
    # About the attribute whatever its qualifiers (who states it at all), not one slot: it
    # resolves to the attribute's value in every slot.
    every_slot: ClassVar[bool] = False

    registry: ClassVar[dict[str, type[Kind]]] = {}

    def __init_subclass__(cls, **kw: Any) -> None:
        super().__init_subclass__(**kw)
        doc = (cls.__doc__ or "").strip()
        if not doc or "Example" not in doc:
            raise TypeError(f"{cls.__name__}: a discrepancy kind needs a docstring with an Example")
        if not _CODE.fullmatch(cls.code) or not _NAME.fullmatch(cls.name):
            raise TypeError(f"{cls.__name__}: code must look like AU001, name like value-conflict")
        if cls.severity not in SEVERITIES:
            raise TypeError(f"{cls.__name__}: severity must be one of {SEVERITIES}")
        if cls.code in Kind.registry:
            raise TypeError(f"{cls.__name__}: code {cls.code} is taken")
        cls.reasons = {}
        for value in vars(cls).values():
            if isinstance(value, Reason):
                value.kind = cls
                cls.reasons[value.name] = value
        Kind.registry[cls.code] = cls

    @classmethod
    def summary(cls) -> str:
        return (cls.__doc__ or "").strip().splitlines()[0]

    @classmethod
    def doc(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def message(cls, **fields: Any) -> str:
        return cls.template.format(**fields)


# Fields most reasons share: the values each group of sources states.
_VALUES = {"values": said}
_LISTS = {"lists": said}  # each source's list of names
_ROLES = {"actor": TEXT, "roles": said}  # one actor's character as each group of sources names it
_SCOPED = {"scoped": scoped}
# A character's two spellings and where each stands, and which the sources favour.
_SPELLINGS = {
    "variant": TEXT,
    "variant_where": where,
    "spelling": TEXT,
    "spelling_where": where,
    "basis": Choice(
        most_sources='one character; "{spelling}" is the spelling most sources use',
        more_trusted='one character, two spellings, as many sources for each; "{spelling}" '
        "comes from the more trusted source",
        undecided="one character, two spellings, and nothing says which is right",
    ),
}
_SPELT = '"{variant}" in {variant_where}; "{spelling}" in {spelling_where} — {basis}'


class ValueConflict(Kind):
    """Sources state incompatible values for the same attribute and qualifier.

    Nothing the pages say explains the difference; at least one source is wrong.

    Example (tests/fixtures/documents/cold-meridian-2004): the Rotten Tomatoes page says
    "On DVD: Mar 22, 2005" while the Wikipedia article says the DVD "was distributed on
    April 12, 2005".
    """

    code = "AU001"
    name = "value-conflict"
    severity = "error"
    template = "{attribute}: {detail}"
    by_attribute = capped = True

    unexplained = Reason(
        "{values} — the sources disagree and nothing they say explains it", **_VALUES
    )
    beyond_tolerance = Reason(
        "{values} — {spread:" + FIGURE + "}[ {unit}] apart; the tolerance is "
        "{tolerance:" + FIGURE + "}",
        **_VALUES,
        spread=NUMBER,
        unit=TEXT,
        tolerance=NUMBER,
    )
    beyond_share = Reason(
        "{values} — {share:.2%} apart; the tolerance is {tolerance:.2%}",
        **_VALUES,
        share=NUMBER,
        tolerance=NUMBER,
    )
    amounts_beyond_tolerance = Reason(
        "{values} — {gap:.0%} apart, beyond the tolerance of {tolerance:.0%}",
        **_VALUES,
        gap=NUMBER,
        tolerance=NUMBER,
    )
    different_scores = Reason("{values} — different scores on the same scale", **_VALUES)
    different_on_one_scale = Reason(
        "{values} — different scores, even put on one scale", **_VALUES
    )
    transposed_digits = Reason(
        "{values} — {amounts}: the same digits in another order, one mistyped",
        **_VALUES,
        amounts=NAMES,
    )
    transposed_scopes = Reason(
        "{scoped} — {amounts} have the same digits in another order: one figure mistyped, "
        "not a different scope",
        **_SCOPED,
        amounts=NAMES,
    )
    part_exceeds_total = Reason(
        "{scoped} — a territory's figure exceeds the total it should be part of", **_SCOPED
    )
    different_dates = Reason(
        "{values} — different dates, and no qualifier explains them[; 1 January is often a "
        "placeholder for a date known only to the year, so {placeholders} may just mean "
        "{years}]",
        **_VALUES,
        placeholders=NAMES,
        years=NAMES,
    )
    release_misdated = Reason(
        "{sources} {sources:calls|call} {date} the {release} release; {agreeing} "
        "{agreeing:dates|date} the {release} release {agreed_date}[ and {agreeing:calls|call} "
        "{date} the {other_releases} release]",
        sources=NAMES,
        date=TEXT,
        release=TEXT,
        agreeing=NAMES,
        agreed_date=TEXT,
        other_releases=NAMES,
    )
    unexplained_dates = Reason(
        "{values} — no release kind or country explains {stray}", **_VALUES, stray=NAMES
    )
    share_nothing = Reason("{lists} — {disjoint} share nothing", **_LISTS, disjoint=pairs)
    different_people = Reason("{values} — the lists name different people", **_VALUES)
    name_replaced = Reason(
        "{lists} — {sources} {sources:names|name} {extra} where every other list names "
        "{missing}: one credit given to another person",
        **_LISTS,
        sources=NAMES,
        extra=NAMES,
        missing=NAMES,
    )
    different_codes = Reason("{values} — different codes", **_VALUES)
    different_roles = Reason("{actor} plays different characters — {roles}", **_ROLES)


class QualifierSplit(Kind):
    """Values differ, but the qualifiers the sources give explain it.

    A limited and a wide release date are both true; a USA gross is smaller than a total.

    Example (cold-meridian-2004): IMDb gives "gross: $23,416,882 (usa)", Wikipedia's infobox
    "Box office$38.7 million": different scopes, not a contradiction.
    """

    code = "AU002"
    name = "qualifier-split"
    severity = "info"
    template = "{attribute}: {detail}"
    never_error = True

    unscoped_match = Reason(
        "{values} — figures that state no scope, each the same as a figure stated elsewhere "
        "for {scopes}: different scopes, not a conflict",
        **_VALUES,
        scopes=NAMES,
    )
    part_of_total = Reason(
        "{scoped} — different scopes: the {parts} figure is {shares}, consistent with the "
        "larger figure covering more territories",
        **_SCOPED,
        parts=NAMES,
        shares=shares,
    )
    scopes_not_comparable = Reason("{scoped} — different scopes: not comparable", **_SCOPED)
    other_regions = Reason(
        "{lists} — {regional} {regional:names|name} only the {title} of {regions}, each "
        "with its region; the others name none of those regions: other markets', not a "
        "conflict",
        **_LISTS,
        regional=NAMES,
        title=TEXT,
        regions=NAMES,
    )
    own_release = Reason(
        "every date is true of its own release: {releases}[; {unqualified} without saying "
        "which release]",
        releases=releases,
        unqualified=gives,
    )


class SpellingVariant(Kind):
    """Names that are one or two letters apart (or differ only in transliteration) once folded.

    Example (cold-meridian-2004): the Wikipedia plot names the smuggler "Carl Pruett", the
    film-suggestion page's plot "Carl Pruitt".
    """

    code = "AU003"
    name = "spelling-variant"
    severity = "warning"
    template = "{attribute}: {detail}"
    capped = one_member = True

    spelt_two_ways = Reason("{values} — the same name spelt two ways", **_VALUES)
    member_spelt_two_ways = Reason(
        '{sources} {sources:writes|write} "{spelling}", {variant_sources} "{variant}": one name '
        "spelt two ways",
        sources=NAMES,
        spelling=TEXT,
        variant_sources=NAMES,
        variant=TEXT,
    )
    member_with_initials = Reason(
        '{sources} {sources:writes|write} "{spelling}", {variant_sources} "{variant}": one '
        "name, written with initials or without a middle name",
        sources=NAMES,
        spelling=TEXT,
        variant_sources=NAMES,
        variant=TEXT,
    )
    reviewer_misspelling = Reason(
        'a user review on {variant_sources} writes "{variant}"; the editorial data ({sources}) '
        'write "{spelling}" — a reviewer\'s misspelling, not a disagreement between sources',
        sources=NAMES,
        spelling=TEXT,
        variant_sources=NAMES,
        variant=TEXT,
    )
    role_spelt_two_ways = Reason("{actor}'s character — {roles}: one name spelt two ways", **_ROLES)
    character_spelt_two_ways = Reason(_SPELT, **_SPELLINGS)


class TemporalDrift(Kind):
    """A figure that changes over time (votes, review counts) differs between captures.

    Example (cold-meridian-2004): IMDb shows "7.1/10 48,912", the movie blog "Rating: 7.1/10
    (12,406 voted)": the same rating, counted at different times.
    """

    code = "AU004"
    name = "temporal-drift"
    severity = "info"
    template = "{attribute}: {detail}"
    never_error = True

    rating_moved = Reason(
        "{values} — a 0.1 difference while the counts of votes or reviews beside them differ "
        "too: the rating moved between captures, not a conflict",
        **_VALUES,
    )
    score_moved = Reason(
        "{values} — the counts of reviews or votes beside the scores differ too, by more than "
        "the scores do: read at different times, not a conflict",
        **_VALUES,
    )
    count_grows = Reason(
        "{values} — a count that grows over time, read at different times (the largest is "
        "{ratio:.1f}× the smallest)[; {captured}][; the {same_companion} is the same, "
        "{companion_value}, on {companion_sources}][; the {differing_companion} differs too]",
        **_VALUES,
        ratio=NUMBER,
        captured=captured,
        same_companion=TEXT,
        companion_value=TEXT,
        companion_sources=NAMES,
        differing_companion=TEXT,
    )


class WithinTolerance(Kind):
    """Values differ but are compatible: a point inside a range, a list inside a longer list.

    Example (cold-meridian-2004): IMDb's "budget: $14,500,000 (estimated)" lies inside
    Wikipedia's "Budget$12–16 million".
    """

    code = "AU005"
    name = "within-tolerance"
    severity = "info"
    template = "{attribute}: {detail}"
    never_error = True

    within_tolerance = Reason(
        "{values} — {spread:" + FIGURE + "}[ {unit}] apart, within the tolerance of "
        "{tolerance:" + FIGURE + "}",
        **_VALUES,
        spread=NUMBER,
        unit=TEXT,
        tolerance=NUMBER,
    )
    within_share = Reason(
        "{values} — {share:.2%} apart, within the tolerance of {tolerance:.2%}",
        **_VALUES,
        share=NUMBER,
        tolerance=NUMBER,
    )
    amounts_within_tolerance = Reason(
        "{values} — {gap:.1%} apart, within the tolerance of {tolerance:.0%}",
        **_VALUES,
        gap=NUMBER,
        tolerance=NUMBER,
    )
    scales_equal = Reason(
        "{values} — equal once put on one scale (within {tolerance:" + FIGURE + "})",
        **_VALUES,
        tolerance=NUMBER,
    )
    point_in_range = Reason(
        "{values} — {points} lies inside {ranges}", **_VALUES, points=NAMES, ranges=NAMES
    )
    ranges_overlap = Reason("{values} — the ranges overlap", **_VALUES)
    place_named_less_fully = Reason(
        "{values} — one place, named with more or fewer of its parts (a building, a town or a "
        "region left out)",
        **_VALUES,
    )
    sequel_title = Reason(
        "{values} — one sequel's title, its numeral in digits or Roman numerals, its subtitle "
        "dropped after the numeral",
        **_VALUES,
    )
    no_rating = Reason(
        "{values} — a certificate that is no rating (not rated, approved) contradicts no rating",
        **_VALUES,
    )
    other_currency = Reason(
        "{values} — amounts in {currencies}: different currencies are not comparable by "
        "amount, and no exchange rate is configured",
        **_VALUES,
        currencies=NAMES,
    )
    fewer_people = Reason(
        "{values} — the shorter lists name only some of the people of the longer ones", **_VALUES
    )
    partial_lists = Reason(
        "{lists} — {partial} {partial:lists|list} only some of the {title}, nothing that "
        "contradicts the others",
        **_LISTS,
        partial=NAMES,
        title=TEXT,
    )
    lists_overlap = Reason(
        "{lists} — the lists overlap; {rare} {rare:is|are} not on every list",
        **_LISTS,
        rare=NAMES,
    )
    same_broad_genres = Reason(
        "{lists} — the genre names differ by site but belong to the same broad genres"
        "[ ({broader})][; {shelves} {shelves:names|name} only a shelf]",
        **_LISTS,
        broader=broader,
        shelves=NAMES,
    )
    billing_cuts = Reason(
        "{lists} — different cuts of the same billing: every name is in the film's cast list",
        **_LISTS,
    )
    same_roles_other_players = Reason(
        "{lists} — the lists share no player but give the same characters ({roles}): one "
        "names the original voices or players, another a dub's or another version's",
        **_LISTS,
        roles=NAMES,
    )
    role_named_fully = Reason(
        "{actor}'s character — {roles}: one character, named more or less fully (a title "
        "spelt out, or a surname added)",
        **_ROLES,
    )


class InternalInconsistency(Kind):
    """One document contradicts itself.

    Example (cold-meridian-2004): the movie blog's cast list reads "Owen Hartigan - Nathan
    Creel", its storyline calls the same man "Nathan Kreel".
    """

    code = "AU006"
    name = "internal-inconsistency"
    severity = "error"
    template = "{attribute}: {detail}"
    capped = one_member = True

    character_written_both_ways = Reason(
        _SPELT + "; {writers} {documents:writes|write} both, contradicting itself",
        **_SPELLINGS,
        writers=NAMES,
        documents=NAMES,
    )
    extra_credit = Reason(
        "{source} credits {named} beside {agreed}, whom every other source credits alone; "
        "{named} {named:is|are} in the film's cast, so one of {source}'s two credits (a "
        "structured line and its prose) is wrong",
        source=TEXT,
        named=NAMES,
        agreed=NAMES,
    )
    dated_twice = Reason(
        "{source} dates the {release} release both {date} and {agreed_date}, and no other "
        "source dates it",
        source=TEXT,
        release=TEXT,
        date=TEXT,
        agreed_date=TEXT,
    )
    credited_apart = Reason(
        "{source} credits {named} beside {agreed}, whom every other source credits alone, "
        "each in a sentence of its own, so one of {source}'s two credits (a structured line "
        "and its prose) is wrong",
        source=TEXT,
        named=NAMES,
        agreed=NAMES,
    )


class CoverageGap(Kind):
    """An attribute most sources state is missing from some.

    Example (cold-meridian-2004): IMDb, Rotten Tomatoes and Wikipedia state a runtime; the
    movie blog's "Technical Specs" section is empty.
    """

    code = "AU007"
    name = "coverage-gap"
    severity = "info"
    template = "{attribute}: {detail}"
    never_error = every_slot = True

    not_stated = Reason("stated by {present}, not by {missing}", present=NAMES, missing=NAMES)


KINDS: dict[str, type[Kind]] = dict(Kind.registry)
BY_NAME: dict[str, type[Kind]] = {k.name: k for k in KINDS.values()}


def kind(code_or_name: str) -> type[Kind]:
    return KINDS.get(code_or_name) or BY_NAME[code_or_name]


def reason(code_or_name: str, name: str) -> Reason:
    """A kind's reason by name: reason("value-conflict", "beyond-tolerance")."""
    return kind(code_or_name).reasons[name]
