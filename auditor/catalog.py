"""The catalog of discrepancy kinds: each defined once, with a stable code, like a linter's rules.

A kind's code, name, default severity and message template live on its class; its docstring is
its documentation and must carry an example taken from a real document. `auditor rules` lists
the catalog; a kind without a docstring, an example or fixture cases fails the test suite.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

SEVERITIES = ("error", "warning", "info")
_CODE = re.compile(r"AU\d{3}")
_NAME = re.compile(r"[a-z]+(?:-[a-z]+)*")


class Kind:
    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[str]
    template: ClassVar[str]

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
        Kind.registry[cls.code] = cls

    @classmethod
    def summary(cls) -> str:
        return (cls.__doc__ or "").strip().splitlines()[0]

    @classmethod
    def doc(cls) -> str:
        import inspect

        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def message(cls, **fields: Any) -> str:
        return cls.template.format(**fields)


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


class SpellingVariant(Kind):
    """Names that are one or two letters apart (or differ only in transliteration) once folded.

    Example (cold-meridian-2004): the Wikipedia plot names the smuggler "Carl Pruett", the
    film-suggestion page's plot "Carl Pruitt".
    """

    code = "AU003"
    name = "spelling-variant"
    severity = "warning"
    template = "{attribute}: {detail}"


class TemporalDrift(Kind):
    """A figure that changes over time (votes, review counts) differs between captures.

    Example (cold-meridian-2004): IMDb shows "7.1/10 48,912", the movie blog "Rating: 7.1/10
    (12,406 voted)": the same rating, counted at different times.
    """

    code = "AU004"
    name = "temporal-drift"
    severity = "info"
    template = "{attribute}: {detail}"


class WithinTolerance(Kind):
    """Values differ but are compatible: a point inside a range, a list inside a longer list.

    Example (cold-meridian-2004): IMDb's "budget: $14,500,000 (estimated)" lies inside
    Wikipedia's "Budget$12–16 million".
    """

    code = "AU005"
    name = "within-tolerance"
    severity = "info"
    template = "{attribute}: {detail}"


class InternalInconsistency(Kind):
    """One document contradicts itself.

    Example (cold-meridian-2004): the movie blog's cast list reads "Owen Hartigan - Nathan
    Creel", its storyline calls the same man "Nathan Kreel".
    """

    code = "AU006"
    name = "internal-inconsistency"
    severity = "error"
    template = "{attribute}: {detail}"


class CoverageGap(Kind):
    """An attribute most sources state is missing from some.

    Example (cold-meridian-2004): IMDb, Rotten Tomatoes and Wikipedia state a runtime; the
    movie blog's "Technical Specs" section is empty.
    """

    code = "AU007"
    name = "coverage-gap"
    severity = "info"
    template = "{attribute}: {detail}"


KINDS: dict[str, type[Kind]] = dict(Kind.registry)
BY_NAME: dict[str, type[Kind]] = {k.name: k for k in KINDS.values()}


def kind(code_or_name: str) -> type[Kind]:
    return KINDS.get(code_or_name) or BY_NAME[code_or_name]
