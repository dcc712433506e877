"""The streamed JSON outputs give exactly the bytes json.dumps gives for the same objects."""

from __future__ import annotations

import json
from dataclasses import replace

import polars as pl
import pytest

from auditor import pipeline
from auditor.check import run_id
from auditor.claims import COLUMNS, jsonl
from auditor.config import load
from auditor.report import claims_jsonl, discrepancy_json, json_report, jsontext, sarif
from auditor.report import jsonl as discrepancies_jsonl
from tests.conftest import FIXTURES, ROOT, SOURCES

# Every kind of character json.dumps escapes differently: quotes, backslashes, controls,
# line separators, non-ASCII, astral (a surrogate pair), DEL, and HTML-ish text.
AWKWARD = [
    "", "plain", 'say "hi"', "back\\slash", "tab\there", "new\nline", "\x00\x1f\x7f",
    "caf\u00e9", "\u2028\u2029\u0085", "emoji \U0001f3ac", "</script><b>&amp;", None,
]  # fmt: skip


def test_strings_are_encoded_as_json_dumps_encodes_them():
    column = pl.Series("s", AWKWARD, dtype=pl.String)
    expected = ["null" if s is None else json.dumps(s) for s in AWKWARD]
    assert jsontext.strings(column).to_list() == expected


@pytest.mark.parametrize(
    "value",
    [
        {"b": [1, 2.5, None, True], "a": {"x": "caf\u00e9", "y": []}, "z": {}},
        [],
        [[], {}, [1, [2, [3]]]],
        "line\u2028sep",
        1e16,
        -0.0,
        float("nan"),
        {"1": 1, "t": False},
    ],
)
def test_indented_is_json_dumps_with_indent(value):
    assert jsontext.indented(value) == json.dumps(value, indent=2)
    nested = json.dumps({"k": [value]}, indent=2)
    assert nested == '{\n  "k": [\n    ' + jsontext.indented(value, "    ") + "\n  ]\n}"


def test_values_are_reencoded_from_canonical_text():
    canonical = ['{"a":1,"b":"caf\u00e9"}', '[1,2]', '"x"', "null", '{"b":{"c":[]}}']
    column = pl.Series("value", canonical)
    assert jsontext.values(column, None).to_list() == [
        json.dumps(json.loads(v)) for v in canonical
    ]
    assert jsontext.values(column, "  ").to_list() == [
        json.dumps(json.loads(v), indent=2).replace("\n", "\n  ") for v in canonical
    ]


@pytest.fixture(scope="module", params=["films", "flights"])
def report(request):
    """Two films (the bundled one and a fixture film): discrepancies with page evidence; the
    flights example: a declared table's, with cells as evidence."""
    if request.param == "films":
        config = load(ROOT)
        paths = [SOURCES, FIXTURES / "documents" / "cold-meridian-2004"]
    else:
        config = load(ROOT / "examples" / "flights")
        paths = []
    made = pipeline.audit(paths, config)
    assert made.discrepancies and made.claims.height
    return replace(made, run=run_id(made))


def test_report_json_is_the_report_dumped(report, monkeypatch):
    monkeypatch.setattr(discrepancy_json, "BATCH", 3)  # several batches, joined as one list
    monkeypatch.setattr(json_report, "_PER_CHUNK", 2)
    expected = json.dumps(report.to_dict(), indent=2, ensure_ascii=True) + "\n"
    assert json_report.render(report) == expected
    assert len(list(json_report.chunks(report))) > 10


def test_discrepancies_jsonl_is_one_dump_a_line(report, monkeypatch):
    monkeypatch.setattr(discrepancy_json, "BATCH", 4)
    expected = "".join(
        json.dumps({"run": report.run, **d.to_dict()}) + "\n" for d in report.discrepancies
    )
    assert discrepancies_jsonl.render(report) == expected


def test_claims_jsonl_is_the_claims_dumped(report, monkeypatch):
    monkeypatch.setattr(claims_jsonl, "SLICE", 50)
    expected = jsonl(report.claims.select(COLUMNS), run=report.run)
    assert "".join(claims_jsonl.chunks(report)) == expected


def test_a_report_without_discrepancies_or_claims(report):
    empty = replace(report, discrepancies=(), claims=pl.DataFrame())
    assert json_report.render(empty) == json.dumps(empty.to_dict(), indent=2) + "\n"
    assert discrepancies_jsonl.render(empty) == ""
    assert "".join(claims_jsonl.chunks(empty)) == ""


def test_sarif_locations_are_the_cited_claims(report, monkeypatch):
    monkeypatch.setattr(sarif, "_BATCH", 3)
    text = sarif.render(report)
    log = json.loads(text)
    assert text == json.dumps(log, separators=(",", ":")) + "\n"  # compact, one object
    results = log["runs"][0]["results"]
    assert len(results) == len(report.discrepancies)
    docs = {d.document: d for d in report.documents}
    for result, d in zip(results, report.discrepancies, strict=True):
        assert [loc["message"]["text"].split(" (row ")[0] for loc in result["locations"]] == [
            f"{c.source}: {c.raw}" for c in d.claims
        ]
        for loc, c in zip(result["locations"], d.claims, strict=True):
            region = loc["physicalLocation"].get("region")
            if c.span is not None:
                assert region == {
                    **sarif.region(docs[c.document].line_starts, *c.span),
                    "snippet": {"text": c.raw},
                }
            else:
                assert region is None and loc["properties"] == {"row": c.row, "column": c.column}
