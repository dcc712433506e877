"""The discrepancy catalog: every kind documented, every code with fixture cases that pass."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from auditor.attributes import catalog as attribute_catalog
from auditor.catalog import KINDS
from auditor.claims import Claim, to_frame
from auditor.normalize.names import fold
from auditor.reconcile import Settings, reconcile
from tests.conftest import FIXTURES

CASE_DIR = FIXTURES / "catalog"


def _cases():
    for path in sorted(CASE_DIR.glob("AU*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            yield pytest.param(data["code"], case, id=f"{data['code']}_{case['name']}")


def _claims(rows) -> list[Claim]:
    claims = []
    for n, row in enumerate(rows):
        source, attribute, value, qualifier, origin = (list(row) + [None, "editorial"])[:5]
        raw = json.dumps(value, ensure_ascii=False)
        claims.append(
            Claim(
                "film-2004",
                source,
                f"film-2004/{source}.txt",
                attribute,
                raw,
                value,
                qualifier,
                n * 100,
                n * 100 + len(raw),
                origin or "editorial",
            )
        )
    return claims


def run_case(case) -> list:
    claims = _claims(case["claims"])
    settings = Settings.from_config(
        attribute_catalog(case.get("attributes")), {"aliases": case.get("aliases", {})}
    )
    docs = {"film-2004": sorted({(c.source, c.document) for c in claims})}
    return list(reconcile(to_frame(claims), settings, docs).discrepancies)


@pytest.mark.parametrize(("code", "case"), list(_cases()))
def test_catalog_case(code, case):
    found = [d for d in run_case(case) if d.code == code and d.attribute == case["attribute"]]
    if case["expect"] == "found":
        assert found, f"{code} expected on {case['attribute']}"
        if "severity" in case:
            assert {d.severity for d in found} == {case["severity"]}
        for d in found:
            assert d.claims and d.explanation and d.resolved is not None
    else:
        assert not found, [d.explanation for d in found]


def test_every_code_has_documentation_and_both_kinds_of_case():
    for code, kind in KINDS.items():
        path = CASE_DIR / f"{code}.json"
        assert path.is_file(), f"{code} has no fixture cases"
        expects = {c["expect"] for c in json.loads(path.read_text())["cases"]}
        assert expects == {"found", "absent"}, code
        assert kind.doc().count("\n") >= 2 and "Example" in kind.doc(), code
        assert kind.name == fold(kind.name).replace(" ", "-")


def test_a_kind_without_docstring_is_refused():
    from auditor.catalog import Kind

    with pytest.raises(TypeError):
        type(
            "Undocumented",
            (Kind,),
            {"code": "AU999", "name": "undocumented", "severity": "info", "template": "{detail}"},
        )


def test_rules_command_lists_every_code(capsys):
    from auditor.cli import main

    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    assert all(code in out for code in KINDS)


def test_case_files_name_real_codes():
    assert {Path(p).stem for p in CASE_DIR.glob("*.json")} == set(KINDS)
