"""Every fixture film's hand-checked discrepancies: the planted contradictions found with the right
kind and severity, nothing else at warning or error, and no error where the sources agree.

Each film's `tests/fixtures/expected/<entity>/discrepancies.json` lists its warning and error
findings exactly and the info findings that matter; `no_error` names attributes on which the
sources agree or are compatible.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.config import load
from auditor.pipeline import audit
from tests.conftest import FIXTURES, ROOT, load_expected

FILMS = sorted(p.parent for p in (FIXTURES / "expected").glob("*/discrepancies.json"))


def _key(attribute: str, code: str, severity: str, sources) -> tuple:
    return (attribute, code, severity, tuple(sorted(sources)))


@pytest.fixture(scope="module", params=FILMS, ids=lambda p: p.name)
def film(request) -> tuple[dict, set[tuple]]:
    expected = load_expected(request.param / "discrepancies.json")
    documents: Path = FIXTURES / "documents" / request.param.name
    report = audit([documents], load(ROOT))
    assert not [d for d in report.documents if d.error], "every document reads"
    got = {
        _key(d.attribute, d.code, d.severity, {c.source for c in d.claims})
        for d in report.discrepancies
    }
    return expected, got


def _wanted(expected: dict, *severities: str) -> set[tuple]:
    return {
        _key(d["attribute"], d["code"], d["severity"], d["sources"])
        for d in expected["discrepancies"]
        if d["severity"] in severities
    }


def test_warnings_and_errors_exactly(film):
    expected, got = film
    wanted = _wanted(expected, "error", "warning")
    found = {g for g in got if g[2] != "info"}
    assert found == wanted, {"missing": sorted(wanted - found), "extra": sorted(found - wanted)}


def test_info_findings_that_matter(film):
    expected, got = film
    wanted = _wanted(expected, "info")
    assert not sorted(wanted - got), {"missing": sorted(wanted - got)}


def test_no_error_where_sources_agree(film):
    expected, got = film
    errors = sorted(g for g in got if g[2] == "error" and g[0] in expected["no_error"])
    assert not errors
