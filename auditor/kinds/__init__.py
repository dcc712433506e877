"""The value kinds: one module per kind, each defining one `ValueKind` (its `KIND`).

Everything that depends on a value's form asks the registry: the attribute catalog (which
kinds exist), the table reader (how a column of cells parses), reconciliation (the typed
comparison columns, and which comparator judges a kind), the reports (how a value reads) and
the validation tables (its columns). A stored value's JSON text is decoded by `decode` alone.

A new kind is a module here that defines its `KIND` (the registry finds it); it needs a
comparator module only if no existing comparison fits it (`compares_as` names the kind whose
comparison it shares).
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import replace
from typing import TYPE_CHECKING

from auditor.kinds.base import ValueKind
from auditor.kinds.values import decode, dump

if TYPE_CHECKING:
    from auditor.attributes import AttributeSpec

_SHARED = ("base", "values")  # the building blocks, not kinds


def _found() -> dict[str, ValueKind]:
    """Every module of this package but the building blocks defines one kind, its `KIND`."""
    found = {}
    for module in sorted(m.name for m in pkgutil.iter_modules(__path__)):
        if module not in _SHARED:
            kind = importlib.import_module(f"{__name__}.{module}").KIND
            found[kind.name] = kind
    return found


REGISTRY: dict[str, ValueKind] = _found()


def get(name: str) -> ValueKind:
    """The kind called `name`, or behind a judged name (KeyError when there is none)."""
    return REGISTRY[own(name)]


def names() -> tuple[str, ...]:
    """The kinds an attribute may be declared with."""
    return tuple(REGISTRY)


class Judged(str):
    """A kind's name as comparators read it: equal to the name of the kind whose comparison
    it shares (a percentage is judged as a number is, within its tolerance), while `own`
    keeps the kind itself, so that its values still read as its own (`get` follows it)."""

    own: str

    def __new__(cls, compares: str, own: str) -> Judged:
        s = super().__new__(cls, compares)
        s.own = own
        return s


def judged(spec: AttributeSpec) -> AttributeSpec:
    """The spec as comparators judge it: its kind that of the comparison it shares."""
    kind = REGISTRY.get(spec.kind)
    if kind is None or not kind.compares_as:
        return spec
    return replace(spec, kind=Judged(kind.compares, spec.kind))


def own(name: str) -> str:
    """The kind itself behind a judged name (`Judged`), else the name."""
    return getattr(name, "own", name)


__all__ = ["REGISTRY", "Judged", "ValueKind", "decode", "dump", "get", "judged", "names", "own"]
