"""The attribute catalog: how each canonical attribute is compared, and how much a miss matters.

`kind` names the value kind (auditor.kinds: how its values parse, compare, read and are
validated); `qualifier` says what the claim's qualifier means for comparison: `slot` (values
with different qualifiers are different facts: a USA gross and a worldwide one), `site` (like
slot, but a claim that names no site joins the site whose value it repeats), `flag` (a remark
that does not separate facts: "estimated"), or `release` (country and limited/wide kind of a
release). `relation` names what else an attribute's values relate to, which the comparators
know how to read: `genre` (members relate through the genre hierarchy), `billing` (a cut of
the cast list: two sources may bill different leads), `certificate` (a rating certificate,
where "not rated" contradicts no rating). Everything here can be overridden in
`[tool.auditor.attributes]`.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

from auditor.errors import AuditorError

QUALIFIER_ROLES = ("slot", "site", "flag", "release")
RELATIONS = ("", "genre", "billing", "certificate")


@dataclass(frozen=True)
class AttributeSpec:
    name: str
    kind: str
    multi: bool = False
    time_varying: bool = False
    qualifier: str = "slot"
    # minutes for durations and times; a fraction of the value for money, of the scale for scores
    tolerance: float = 0.0
    relative: bool = False  # a number's tolerance is a fraction of the value ("1%")
    severity: str = "error"  # severity of an unexplained conflict on this attribute
    label: str = ""
    companion: str = ""  # an attribute worth quoting beside this one (the rating beside votes)
    # the validation tables' column holds the claims of this qualifier and of none alone (one
    # site's score, where sites score differently); "": every claim
    column_qualifier: str = ""
    relation: str = ""  # one of RELATIONS
    unit: str = ""  # a number's unit of measure, every value converted to it ("g", "cm")

    @property
    def title(self) -> str:
        return self.label or self.name.replace("_", " ")

    @property
    def shows(self) -> str:
        """How its values are shown (display.show): its kind, and its unit of measure after a
        colon when it declares one ("number:g": "1,200 g")."""
        return f"{self.kind}:{self.unit}" if self.unit else self.kind


_DEFAULTS = [
    AttributeSpec("title", "text"),
    AttributeSpec("year", "exact"),
    AttributeSpec("release_date", "date", qualifier="release", label="release date"),
    AttributeSpec("dvd_release", "date", severity="warning", label="DVD release"),
    AttributeSpec("vhs_release", "date", severity="warning", label="VHS release"),
    AttributeSpec("runtime", "duration", severity="warning"),
    AttributeSpec("mpaa_rating", "exact", label="MPAA rating", relation="certificate"),
    AttributeSpec("genres", "names", multi=True, relation="genre"),
    AttributeSpec("director", "people", multi=True, qualifier="flag"),
    AttributeSpec("writers", "people", multi=True, qualifier="flag"),
    AttributeSpec("stars", "people", multi=True, qualifier="flag", relation="billing"),
    AttributeSpec("producers", "people", multi=True, qualifier="flag"),
    AttributeSpec("cinematographer", "people", multi=True, qualifier="flag"),
    AttributeSpec("editor", "people", multi=True, qualifier="flag"),
    AttributeSpec("cast", "cast", multi=True),
    AttributeSpec("character", "character", multi=True, severity="warning"),
    AttributeSpec("user_rating", "score", label="user rating"),
    AttributeSpec(
        "rating_votes", "count", time_varying=True, label="rating votes", companion="user_rating"
    ),
    AttributeSpec(
        "user_review_count", "count", time_varying=True, qualifier="site", label="user reviews"
    ),
    AttributeSpec(
        "critic_review_count",
        "count",
        time_varying=True,
        qualifier="site",
        label="critic reviews",
        companion="critic_score",
    ),
    AttributeSpec(
        "critic_score",
        "score",
        qualifier="site",
        label="critic score",
        column_qualifier="metacritic",  # the tables' critic score is the Metascore
    ),
    AttributeSpec("budget", "money", qualifier="flag", tolerance=0.05),
    AttributeSpec("gross", "money", tolerance=0.05),
    AttributeSpec("distributor", "names", multi=True, qualifier="flag", severity="warning"),
    AttributeSpec("country", "names", multi=True),
    AttributeSpec("language", "names", multi=True),
    AttributeSpec("filming_location", "text", severity="warning", label="filming location"),
    AttributeSpec("also_known_as", "names", multi=True, severity="info", label="also known as"),
]
DEFAULTS: dict[str, AttributeSpec] = {s.name: s for s in _DEFAULTS}
# What a configuration may set: every field but the name, and `relative`, which a tolerance
# written as a percentage sets.
_KEYS = {f.name for f in fields(AttributeSpec)} - {"name", "relative"}


def catalog(overrides: dict[str, Any] | None = None) -> dict[str, AttributeSpec]:
    """The default catalog with `[tool.auditor.attributes.<name>]` tables applied."""
    # imported here: the configuration reads this module's vocabularies without polars
    from auditor import kinds

    specs = dict(DEFAULTS)
    for name, table in (overrides or {}).items():
        if not isinstance(table, dict):
            raise AuditorError(f"[tool.auditor.attributes.{name}] must be a table")
        base = specs.get(name, AttributeSpec(name, "text"))
        unknown = set(table) - _KEYS
        if unknown:
            raise AuditorError(f"[tool.auditor.attributes.{name}]: unknown keys {sorted(unknown)}")
        table = dict(table)
        if "tolerance" in table:
            table.update(_tolerance(name, table["tolerance"]))
        spec = replace(base, **table)
        if spec.kind not in kinds.REGISTRY or spec.qualifier not in QUALIFIER_ROLES:
            raise AuditorError(
                f"[tool.auditor.attributes.{name}]: kind must be one of {kinds.names()}, "
                f"qualifier one of {QUALIFIER_ROLES}"
            )
        if spec.relation not in RELATIONS:
            raise AuditorError(
                f"[tool.auditor.attributes.{name}]: relation must be one of "
                f"{', '.join(r for r in RELATIONS if r)}"
            )
        if spec.severity not in ("error", "warning", "info"):
            raise AuditorError(
                f"[tool.auditor.attributes.{name}]: severity must be error, warning or info"
            )
        specs[name] = spec
    return specs


def _tolerance(name: str, value: Any) -> dict[str, Any]:
    """`tolerance = 5` (in the kind's unit) or `tolerance = "1%"` (relative to the value)."""
    if isinstance(value, str) and value.strip().endswith("%"):
        try:
            return {"tolerance": float(value.strip()[:-1]) / 100, "relative": True}
        except ValueError:
            pass
    elif isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0:
        return {"tolerance": float(value)}
    raise AuditorError(
        f"[tool.auditor.attributes.{name}]: tolerance must be a number >= 0 or a percentage "
        f'such as "1%"'
    )


def spec_for(specs: dict[str, AttributeSpec], name: str) -> AttributeSpec:
    return specs.get(name) or AttributeSpec(name, "text")
