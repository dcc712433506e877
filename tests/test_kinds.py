"""Value kinds are defined once each (auditor.kinds): a kind declared in this module alone,
named by a configuration, is parsed from a table's cells, shown, validated and reconciled
with no other module touched; and every built-in kind's column parser agrees with its text
parser."""

from __future__ import annotations

import json
import re

import polars as pl
import pytest

from auditor import kinds
from auditor.attributes import AttributeSpec, catalog
from auditor.config import load
from auditor.errors import AuditorError
from auditor.kinds.base import VALUE, ValueKind, first_as, text_cells
from auditor.pipeline import audit
from auditor.reconcile import comparators, reliability
from auditor.reconcile.display import show
from auditor.reconcile.prepare import Settings
from auditor.report.html import render
from auditor.tables import build
from auditor.tablespec import ColumnSpec
from auditor.truth import KINDS as TRUTH_KINDS
from auditor.truth import Attribute

_PERCENT = re.compile(r"\s*(-?\d+(?:\.\d+)?)\s*%\s*")


def _percentage(text: str) -> int | float | None:
    m = _PERCENT.fullmatch(text)
    if m is None:
        return None
    f = float(m[1])
    return int(f) if f.is_integer() else f


PERCENTAGE = ValueKind(
    name="percentage",
    parse=_percentage,
    cells=text_cells(lambda text, column: _percentage(text)),
    typed=lambda frame, v: frame.with_columns(num=v.cast(pl.Float64)).with_columns(
        key=pl.col("num").cast(pl.String)
    ),
    column=first_as(VALUE.cast(pl.Float64)),
    comparator="measures",
    compares_as="number",  # within a tolerance in points, as numbers are
    show=lambda v: f"{v:g}%",
)

TABLE = """src,id,share
a,x1,12.5%
b,x1,13 %
c,x1,12.5%
a,x2,40%
b,x2,55%
a,x3,120%
b,x3,n/a
"""
CONFIG = """
expectations = "expectations"
resolution = "vote"

[[tables]]
path = "shares.csv"
source = { column = "src" }
entity = ["id"]

[tables.columns]
share = { attribute = "share" }

[attributes.share]
kind = "percentage"
tolerance = 1
"""
SUITE = {
    "name": "shares",
    "meta": {"auditor": {"sources": "*"}},
    "expectations": [
        {
            "type": "expect_column_values_to_be_between",
            "kwargs": {"column": "share", "min_value": 0, "max_value": 100},
        }
    ],
}


@pytest.fixture
def percentage(monkeypatch):
    monkeypatch.setitem(kinds.REGISTRY, "percentage", PERCENTAGE)


def _project(tmp_path, resolution="vote"):
    (tmp_path / "shares.csv").write_text(TABLE, encoding="utf-8")
    config = CONFIG.replace('resolution = "vote"', f'resolution = "{resolution}"')
    (tmp_path / "auditor.toml").write_text(config, encoding="utf-8")
    (tmp_path / "expectations").mkdir()
    (tmp_path / "expectations" / "shares.json").write_text(json.dumps(SUITE), encoding="utf-8")
    (tmp_path / "sources").mkdir()
    return load(tmp_path / "sources", config_file=tmp_path / "auditor.toml")


def test_a_kind_of_one_module_is_parsed_shown_validated_and_reconciled(tmp_path, percentage):
    config = _project(tmp_path)
    report = audit([tmp_path / "sources"], config)
    assert not report.errors
    # Parsed from the cells by the kind's cell parser; a cell that is no percentage is no claim.
    claims = report.claims.filter(pl.col("attribute") == "share")
    assert sorted(claims.select("entity", "source", "raw", "value").rows()) == [
        ("x1", "a", "12.5%", "12.5"),
        ("x1", "b", "13 %", "13"),
        ("x1", "c", "12.5%", "12.5"),
        ("x2", "a", "40%", "40"),
        ("x2", "b", "55%", "55"),
        ("x3", "a", "120%", "120"),
    ]
    # Reconciled by the comparator of the kind it compares as, and worded with its own display.
    found = {d.entity: d for d in report.discrepancies if d.attribute == "share"}
    assert found["x1"].code == "AU005"
    assert "12.5%" in found["x1"].explanation and "13%" in found["x1"].explanation
    assert "0.5 apart, within the tolerance of 1" in found["x1"].explanation
    assert found["x2"].code == "AU001"
    assert "40%" in found["x2"].explanation and "15 apart; the tolerance is 1" in (
        found["x2"].explanation
    )
    resolved = {r["entity"]: r["value"] for r in report.resolved if r["attribute"] == "share"}
    assert resolved["x1"] == 12.5
    # Shown in the report as the kind shows it.
    assert show("percentage", 12.5) == "12.5%"
    assert "12.5%" in render(report)
    # Validated: the tables have its column as the kind types it, and the suite ran on it.
    tables = build(report.claims, None, catalog(config.settings.get("attributes")))
    assert tables["a"].schema["share"] == pl.Float64
    assert dict(zip(tables["a"]["entity"], tables["a"]["share"], strict=True)) == {
        "x1": 12.5,
        "x2": 40.0,
        "x3": 120.0,
    }
    outcomes = {o.source: o for o in report.expectations}
    assert not outcomes["a"].success and outcomes["b"].success
    (failed,) = [r for r in outcomes["a"].results if not r.success]
    assert failed.column == "share"


def test_a_kind_that_compares_as_a_number_is_learned_within_its_tolerance(tmp_path, percentage):
    """Learned resolution compares the toy kind as it compares numbers (the kind it names in
    `compares_as`): 13% is within 1 point of 12.5%, so it supports 12.5% and its source is
    not counted wrong for it; compared exactly it would be."""
    config = _project(tmp_path, resolution="learned")
    settings = Settings.from_config(catalog(config.settings.get("attributes")), config.settings)
    assert settings.learn
    assert reliability.attributes(settings)["share"] == Attribute("number", 1.0, False)
    report = audit([tmp_path / "sources"], config)
    assert not report.errors
    resolved = {r["entity"]: r for r in report.resolved if r["attribute"] == "share"}
    assert resolved["x1"]["value"] == 12.5
    assert resolved["x1"]["sources"] == ["a", "b", "c"]
    agreed = {s["source"]: s["agreed"] for s in report.sources}
    assert agreed["b"] == 0.5  # right on x1 within tolerance, wrong on x2
    found = {d.entity: d.code for d in report.discrepancies if d.attribute == "share"}
    assert found == {"x1": "AU005", "x2": "AU001"}


def test_an_unknown_kind_is_refused_naming_the_registered_ones(tmp_path):
    with pytest.raises(AuditorError, match="percentage.*one of .*nameset"):
        _project(tmp_path)
    with pytest.raises(AuditorError, match="kind must be one of"):
        catalog({"share": {"kind": "percentage"}})


# Forms each kind's parser reads, with some it refuses.
SAMPLES = {
    "exact": ["R", " 1995 ", "PG-13", ""],
    "text": ["  Leaving   Las Vegas ", "Nicolas Cage,", " ; "],
    "names": ["Mike Figgis", " Drama "],
    "character": ["Ben Sanderson"],
    "cast": ["Elisabeth Shue"],
    "date": ["27 October 1995", "1995", "Oct 1995", "soon"],
    "duration": ["1h 51min", "111 min", "long"],
    "count": ["41,902", "1.2 million", "many"],
    "score": ["7.5/10", "78%", "good"],
    "time": ["2:07pDec 1", "12:26 AM", "Not Available", "25:00"],
    "code": ["Terminal 2 - 2B", "Gate", " c24"],
    "number": ["1,234,567", "8.4", "-3", "1.0", "n/a"],
    "nameset": ["Knuth, Donald E.", "Haag, Stephen; Perry, James T", "unknown"],
}


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_a_kinds_column_parser_agrees_with_its_text_parser(name):
    kind = kinds.get(name)
    texts = SAMPLES[name]
    cells = pl.DataFrame({"member": texts, "qualifier": [None] * len(texts)})
    column = ColumnSpec(column="c", attribute="a")
    parsed = kind.cells(cells, column, AttributeSpec("a", name)).get_column("value").to_list()
    expected = [None if (v := kind.parse(t)) is None else kinds.dump(v) for t in texts]
    assert parsed == expected
    assert None in expected or name in ("names", "character", "cast")  # refusals are tried


def test_every_kind_names_a_comparator_that_takes_what_it_compares_as(percentage):
    chain = {c.name: c for c in comparators.CHAIN}
    for kind in kinds.REGISTRY.values():
        assert kind.comparator in chain, kind.name
        assert kind.name in chain[kind.comparator].kinds, kind.name
        # the comparison it shares is one its comparator makes
        assert kinds.get(kind.compares).comparator == kind.comparator, kind.name
        assert kinds.learned(kind.name).kind in TRUTH_KINDS, kind.name
    assert "percentage" in chain["measures"].kinds
    assert kinds.learned("percentage") == kinds.learned("number")


def test_a_decoded_value_is_the_callers_own():
    text = kinds.dump({"value": 7.1, "scale": 10})
    first = kinds.decode(text)
    first["value"] = 0
    assert kinds.decode(text) == {"scale": 10, "value": 7.1}
    names = kinds.decode('["Donald Knuth","Andrew Binstock"]')
    names.append("x")
    assert kinds.decode('["Donald Knuth","Andrew Binstock"]') == ["Donald Knuth", "Andrew Binstock"]


def test_first_claim_is_the_earliest_in_page_or_row_order_ties_kept_in_claim_order():
    from auditor.kinds.base import first

    rows = [  # source, entity, row, span_start, value
        ("imdb", "b-film", None, 50, "late"),
        ("imdb", "b-film", None, 10, "early"),
        ("imdb", "a-film", None, 5, "only"),
        ("table", "b-film", 3, None, "row 3"),
        ("table", "b-film", 1, None, "row 1, first stated"),
        ("table", "b-film", 1, None, "row 1, second"),
    ]
    claims = pl.DataFrame(
        rows,
        schema={
            "source": pl.String,
            "entity": pl.String,
            "row": pl.Int64,
            "span_start": pl.Int64,
            "value": pl.String,
        },
        orient="row",
    )
    got = first(claims).select("source", "entity", "value").rows()
    assert got == [
        ("imdb", "a-film", "only"),
        ("imdb", "b-film", "early"),
        ("table", "b-film", "row 1, first stated"),
    ]
