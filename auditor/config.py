"""The configuration: built-in defaults, with a project's settings laid over them.

The project's settings come from `--config FILE`, or else from the nearest `auditor.toml` or
`pyproject.toml` with a `[tool.auditor]` table at or above the sources (as ruff and pytest find
theirs). Outside any project the built-in defaults and suites shipped in the package apply, so
the same documents get the same audit wherever it runs. Every value is checked here, once, and
a wrong one is reported on one line naming the file, the key and what is expected.
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from auditor.attributes import RELATIONS
from auditor.errors import AuditorError

SEVERITIES = ("error", "warning", "info")
FAIL_ON = (*SEVERITIES, "never")
PYPROJECT = "pyproject.toml"
AUDITOR_TOML = "auditor.toml"
_DEFAULTS = "defaults"


@dataclass(frozen=True)
class Config:
    root: Path  # the folder relative paths are taken from: the config file's, or the start
    sources: Path
    expectations: Path | None  # None: no suites (a project of tables with none of its own)
    reports: Path
    fail_on: str = "error"
    settings: dict[str, Any] = field(default_factory=dict)  # the merged table, for later stages
    file: Path | None = None  # where the project's settings came from; None: built-in defaults
    expectations_builtin: bool = False  # the suites shipped in the package

    @property
    def max_document_bytes(self) -> int:
        return int(float(self.settings.get("max_document_mb", 50)) * 1_000_000)

    def describe(self) -> str:
        """One line saying which configuration and which suites this run uses."""
        where = f"{self.file}" if self.file else "built-in defaults (no project configuration)"
        if self.expectations is None:
            return f"config: {where}; no suites (declare expectations = \"folder\" to validate)"
        count = len(list(self.expectations.glob("*.json")))
        suites = (
            f"{count} built-in film suite{'s' * (count != 1)}"
            if self.expectations_builtin
            else f"{count} suite{'s' * (count != 1)} in {self.expectations}"
        )
        return f"config: {where}; {suites}"


def defaults_dir() -> Path:
    return Path(str(resources.files("auditor") / _DEFAULTS))


def builtin_suites() -> Path:
    return defaults_dir() / "expectations"


def builtin_settings() -> dict[str, Any]:
    return tomllib.loads((defaults_dir() / AUDITOR_TOML).read_text(encoding="utf-8"))


def find_config(start: Path) -> tuple[Path, str] | None:
    """The nearest project configuration at or above `start`: (file, table prefix)."""
    first = start if start.is_dir() else start.parent
    for folder in (first, *first.parents):
        if (folder / AUDITOR_TOML).is_file():
            return folder / AUDITOR_TOML, ""
        pyproject = folder / PYPROJECT
        if pyproject.is_file() and "[tool.auditor" in _text(pyproject):
            return pyproject, "tool.auditor"
    return None


def _text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise AuditorError(f"{path}: cannot be read ({exc}); fix or remove the file") from None


def _read_table(path: Path, prefix: str) -> dict[str, Any]:
    try:
        data = tomllib.loads(_text(path))
    except (tomllib.TOMLDecodeError, RecursionError) as exc:  # nested past the parser's stack
        raise AuditorError(f"{path}: not valid TOML ({exc}); fix the file") from None
    if prefix:
        table = data.get("tool", {}).get("auditor")
        if not isinstance(table, dict):
            raise AuditorError(f"{path}: has no [tool.auditor] table; add one or pass --config")
        return table
    # A --config file may be a pyproject.toml-like file too.
    nested = data.get("tool", {}).get("auditor") if isinstance(data.get("tool"), dict) else None
    return nested if isinstance(nested, dict) and len(data) == 1 else data


def load(
    start: Path | None = None,
    *,
    config_file: Path | None = None,
    expectations: Path | None = None,
) -> Config:
    """The configuration for an audit of `start` (a sources path; default: the working folder)."""
    cwd = Path.cwd()
    if config_file is not None:
        if config_file.is_dir():
            raise AuditorError(f"{config_file}: is a folder; --config takes a configuration file")
        if not config_file.is_file():
            raise AuditorError(f"{config_file}: no such configuration file; check --config")
        path, prefix = (
            config_file.resolve(),
            "tool.auditor" if config_file.name == PYPROJECT else "",
        )
        found: tuple[Path, str] | None = (path, prefix)
    else:
        found = find_config((start or cwd).resolve())
    table: dict[str, Any] = {}
    if found is not None:
        path, prefix = found
        table = _read_table(path, prefix)
        validate(table, path, prefix)
    settings = merge(builtin_settings(), table)
    root = found[0].parent if found else cwd
    suites, builtin = _suites(root, table, expectations, found[0] if found else None)
    return Config(
        root=root,
        file=found[0] if found else None,
        sources=root / table.get("sources", "sources"),
        expectations=suites,
        reports=root / table.get("reports", "reports"),
        fail_on=str(settings.get("fail_on", "error")),
        settings=settings,
        expectations_builtin=builtin,
    )


def _suites(
    root: Path, table: dict[str, Any], given: Path | None, file: Path | None
) -> tuple[Path | None, bool]:
    """The suites folder: --expectations, the configured one, the project's, or the built-in."""
    if given is not None:
        if not given.is_dir() or not any(given.glob("*.json")):
            raise AuditorError(
                f"{given}: not a folder of suites (*.json); --expectations takes one"
            )
        return given, False
    if "expectations" in table:
        folder = root / table["expectations"]
        if not folder.is_dir() or not any(folder.glob("*.json")):
            raise AuditorError(
                f'{file}: expectations = "{table["expectations"]}": {folder} is not a folder '
                "of suites (*.json); fix the path, or remove the key to use the built-in suites"
            )
        return folder, False
    if table.get("tables"):
        return None, False  # the built-in suites are the films'; a table project brings its own
    if file and (root / "expectations").is_dir() and any((root / "expectations").glob("*.json")):
        return root / "expectations", False
    return builtin_suites(), True


def merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    """`over` laid on `base`: tables merge key by key, anything else replaces."""
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merge(out[key], value)
        else:
            out[key] = value
    return out


# --- validation: one line per wrong value, naming the file and the key ------------------------

Check = Callable[[Any], bool]


def _is_number(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v)


def _non_negative(v: Any) -> bool:
    return _is_number(v) and v >= 0


def _positive(v: Any) -> bool:
    return _is_number(v) and v > 0


def _percent(v: str) -> bool:
    try:
        return v.strip().endswith("%") and float(v.strip()[:-1]) >= 0
    except ValueError:
        return False


def _string(v: Any) -> bool:
    return isinstance(v, str) and bool(v.strip())


def _strings(v: Any) -> bool:
    return isinstance(v, list) and all(_string(x) for x in v)


# key -> (check, what is expected)
_TOP: dict[str, tuple[Check, str]] = {
    "sources": (_string, "a folder path as a string"),
    "expectations": (_string, "a folder path as a string"),
    "reports": (_string, "a folder path as a string"),
    "fail_on": (lambda v: v in FAIL_ON, "one of " + ", ".join(FAIL_ON)),
    "user_weight": (_non_negative, "a number >= 0 (the weight of a user review's claim)"),
    "max_document_mb": (_positive, "a number of megabytes > 0"),
    "resolution": (
        lambda v: v in ("learned", "vote"),
        '"learned" (source reliability learned from the data) or "vote" (trust priors)',
    ),
    "trust": (lambda v: isinstance(v, dict), "a table of source = number"),
    "aliases": (lambda v: isinstance(v, dict), "a table per attribute of canonical = [names]"),
    "attributes": (lambda v: isinstance(v, dict), "a table per attribute"),
    "severity": (lambda v: isinstance(v, dict), 'a table of "kind" = severity'),
    "tables": (
        lambda v: isinstance(v, list) and all(isinstance(t, dict) for t in v),
        "a list of tables ([[tables]])",
    ),
}

def _unit_of(name: str):
    from auditor.normalize.units import unit_of  # (polars, which --help does not need)

    return unit_of(name)


def _known_units() -> str:
    return "g, kg, lb, oz, mm, cm, m, in, ft, ml, l, W, GB, %"


_ATTRIBUTE_KEYS: dict[str, tuple[Check, str]] = {
    "kind": (_string, "a value kind"),
    "multi": (lambda v: isinstance(v, bool), "true or false"),
    "time_varying": (lambda v: isinstance(v, bool), "true or false"),
    "qualifier": (_string, "a qualifier role"),
    "tolerance": (
        lambda v: _non_negative(v) or (isinstance(v, str) and _percent(v)),
        'a number >= 0, or a share such as "1%"',
    ),
    "severity": (lambda v: v in SEVERITIES, "one of " + ", ".join(SEVERITIES)),
    "label": (_string, "a string"),
    "companion": (_string, "an attribute name"),
    "column_qualifier": (_string, "a qualifier (the one the validation tables' column takes)"),
    "relation": (lambda v: v in RELATIONS, "one of " + ", ".join(r for r in RELATIONS if r)),
    "unit": (
        lambda v: isinstance(v, str) and _unit_of(v) is not None,
        "a unit of measure its values are kept in (" + _known_units() + ", ...)",
    ),
}


def validate(table: dict[str, Any], path: Path, prefix: str) -> None:
    """Raise AuditorError for the first wrong value, naming the file and the key."""

    def fail(key: str | tuple[str, ...], value: Any, expected: str) -> None:
        parts = (key,) if isinstance(key, str) else key
        shown = f"{_show(parts, prefix)} = {_literal(value)}"
        raise AuditorError(f"{path}: {shown}: expected {expected}")

    for key, value in table.items():
        if key not in _TOP:
            raise AuditorError(
                f"{path}: unknown key {_show((key,), prefix)}; the keys are "
                + ", ".join(sorted(_TOP))
            )
        check, expected = _TOP[key]
        if not check(value):
            fail(key, value, expected)
    for source, weight in table.get("trust", {}).items():
        if not _non_negative(weight):
            fail(("trust", source), weight, "a number >= 0 (the source's prior weight)")
    for attribute, groups in table.get("aliases", {}).items():
        if not isinstance(groups, dict):
            fail(("aliases", attribute), groups, 'a table of "canonical" = ["alternate", ...]')
        for canonical, alternates in groups.items():
            if not _strings(alternates):
                fail(
                    ("aliases", attribute, canonical),
                    alternates,
                    "a list of names that mean the same",
                )
    _validate_attributes(table.get("attributes", {}), fail)
    known = _attribute_names(table)
    for attribute, groups in table.get("aliases", {}).items():
        if attribute not in known:
            fail(("aliases", attribute), groups, "an attribute name (" + _names(known) + ")")
    _validate_severity(table.get("severity", {}), fail, known)


def _validate_attributes(attributes: dict[str, Any], fail: Callable[..., None]) -> None:
    from auditor.attributes import DEFAULTS, QUALIFIER_ROLES
    from auditor.kinds import names as kind_names

    for name, spec in attributes.items():
        where = ("attributes", name)
        if not isinstance(spec, dict):
            fail(where, spec, "a table of settings (kind, tolerance, severity, ...)")
        for key, value in spec.items():
            if key not in _ATTRIBUTE_KEYS:
                fail((*where, key), value, "one of the keys " + ", ".join(_ATTRIBUTE_KEYS))
            check, expected = _ATTRIBUTE_KEYS[key]
            if key == "kind":
                check, expected = (lambda v: v in kind_names()), "one of " + ", ".join(kind_names())
            if key == "qualifier":
                check = lambda v: v in QUALIFIER_ROLES  # noqa: E731
                expected = "one of " + ", ".join(QUALIFIER_ROLES)
            if not check(value):
                fail((*where, key), value, expected)
        measured = spec.get("kind", getattr(DEFAULTS.get(name), "kind", ""))
        if "unit" in spec and measured not in ("number", "dimensions"):
            fail((*where, "unit"), spec["unit"], 'kind = "number" or "dimensions" beside it (a '
                 "unit of measure converts them; an amount's currency or a score's scale is a "
                 "column's hint)")
        if measured == "dimensions" and "unit" not in spec:
            fail(where, spec, 'a unit of measure for its dimensions (unit = "cm")')
        if name not in DEFAULTS and "kind" not in spec:
            fail(
                where,
                spec,
                "a known attribute (" + ", ".join(sorted(DEFAULTS)) + ") or a new one "
                "declared with its kind",
            )


def _attribute_names(table: dict[str, Any]) -> set[str]:
    from auditor.attributes import DEFAULTS

    return set(DEFAULTS) | set(table.get("attributes", {}))


def _names(known: set[str]) -> str:
    shown = sorted(known)
    return ", ".join(shown[:12]) + (", ..." if len(shown) > 12 else "")


def _validate_severity(
    table: dict[str, Any], fail: Callable[..., None], attributes: set[str]
) -> None:
    from auditor.catalog import KINDS

    names = {k.code for k in KINDS.values()} | {k.name for k in KINDS.values()}
    for key, value in table.items():
        kind, _, attribute = key.partition(":")
        if attribute and attribute not in attributes:
            fail(("severity", key), value, "an attribute after ':' (" + _names(attributes) + ")")
        if kind not in names:
            fail(
                ("severity", key),
                value,
                "a kind's code or name (see `auditor rules`), optionally ':attribute'",
            )
        if value not in SEVERITIES:
            fail(("severity", key), value, "one of " + ", ".join(SEVERITIES))


def _key(name: str) -> str:
    return name if name.replace("_", "").replace("-", "").isalnum() else f'"{name}"'


def _show(parts: tuple[str, ...], prefix: str) -> str:
    """("trust", "imdb") under tool.auditor -> '[tool.auditor.trust] imdb'."""
    section = ".".join([*([prefix] if prefix else []), *map(_key, parts[:-1])])
    return f"[{section}] {_key(parts[-1])}" if section else _key(parts[-1])


def _literal(value: Any) -> str:
    """The value as TOML writes it (true, "text", 5)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = repr(value) if not isinstance(value, str) else '"' + value + '"'
    return text if len(text) <= 60 else text[:57] + "..."
