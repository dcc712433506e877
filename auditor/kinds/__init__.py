"""The value kinds: one module per kind, each defining one `ValueKind` (its `KIND`).

Everything that depends on a value's form asks the registry: the attribute catalog (which
kinds exist), the table reader (how a column of cells parses), reconciliation (the typed
comparison columns, the comparator that takes a kind's claims and the comparison it judges
them by), truth discovery (how learned resolution compares them), the reports (how a value
reads) and the validation tables (its columns). A stored value's JSON text is decoded by
`decode` alone.

A new kind is a module here that defines its `KIND` (the registry finds it); it needs a
comparator module only if no existing comparison fits it (`compares_as` names the kind whose
comparison, plain and learned, it shares).
"""

from __future__ import annotations

import importlib
import pkgutil

from auditor.kinds.base import Learned, ValueKind
from auditor.kinds.values import decode, dump

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
    """The kind called `name` (KeyError when there is none)."""
    return REGISTRY[name]


def names() -> tuple[str, ...]:
    """The kinds an attribute may be declared with."""
    return tuple(REGISTRY)


def compared_by(comparator: str) -> tuple[str, ...]:
    """The kinds whose claims `comparator` (a module of reconcile.comparators) takes."""
    return tuple(name for name, kind in REGISTRY.items() if kind.comparator == comparator)


def learned(name: str) -> Learned:
    """How truth discovery compares the kind's values: its own `truth`, else that of the kind
    whose comparison it shares, else exactly."""
    kind = REGISTRY[name]
    if kind.truth is None and kind.compares_as:
        kind = REGISTRY[kind.compares_as]
    return kind.truth or Learned()


__all__ = [
    "REGISTRY",
    "Learned",
    "ValueKind",
    "compared_by",
    "decode",
    "dump",
    "get",
    "learned",
    "names",
]
