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


def test_records_are_each_dict_indented_column_wise():
    items = [
        {"s": text, "v": value, "n": n, "f": n / 7, "b": n % 2 == 0, "l": [text, n]}
        for n, (text, value) in enumerate(zip(AWKWARD, [[1, "x"], {"a": [None]}, 3, "y",
                                                       [1, "x"], None, 2.5, {}, [], True,
                                                       {"a": [None]}, -0.0], strict=True))
    ]  # fmt: skip
    texts = jsontext.records(items, "    ")
    assert texts is not None
    assert texts.to_list() == [jsontext.indented(d, "    ") for d in items]
    assert texts.to_list()[0] == json.dumps(items[0], indent=2).replace("\n", "\n    ")
    # Entries whose keys differ (or are not strings) are left to indented, one by one.
    assert jsontext.records([{"a": 1}, {"b": 1}], "") is None
    assert jsontext.records([{"a": 1}, {"a": 1, "b": 2}], "") is None
    assert jsontext.records([{1: "a"}], "") is None
    assert jsontext.records([{}], "") is None
    assert jsontext.records(["a"], "") is None


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


def test_discrepancies_with_status_and_awkward_text_are_dumped(report, monkeypatch):
    """A discrepancy's own strings are encoded column-wise: every escape, and the status key
    present only when the baseline marked it, as json.dumps writes them."""
    monkeypatch.setattr(discrepancy_json, "BATCH", 5)
    texts = [t for t in AWKWARD if t is not None]
    report = replace(report, discrepancies=tuple(
        replace(d, status=(None, "new", "known")[n % 3], explanation=texts[n % len(texts)],
                attribute=texts[(n + 1) % len(texts)])
        for n, d in enumerate(report.discrepancies)
    ))  # fmt: skip
    expected = "".join(
        json.dumps({"run": report.run, **d.to_dict()}) + "\n" for d in report.discrepancies
    )
    assert discrepancies_jsonl.render(report) == expected
    assert json_report.render(report) == json.dumps(report.to_dict(), indent=2) + "\n"


def test_claims_jsonl_is_the_claims_dumped(report, monkeypatch):
    monkeypatch.setattr(claims_jsonl, "SLICE", 50)
    expected = jsonl(report.claims.select(COLUMNS), run=report.run)
    assert claims_jsonl.render(report) == expected


def test_a_report_without_discrepancies_or_claims(report):
    empty = replace(report, discrepancies=(), claims=pl.DataFrame())
    assert json_report.render(empty) == json.dumps(empty.to_dict(), indent=2) + "\n"
    assert discrepancies_jsonl.render(empty) == ""
    assert claims_jsonl.render(empty) == ""


def _sarif_result(d, rule_index, docs, uris):
    """A SARIF result as a dict, from the discrepancy's claim objects: the specification the
    renderer's direct text must match byte for byte."""
    locations = []
    for c in d.claims:
        artifact = uris.get(c.document) or {"uri": c.document, "uriBaseId": sarif.SOURCES_BASE}
        physical = {"artifactLocation": artifact}
        doc = docs.get(c.document)
        if c.span is not None and doc is not None and doc.line_starts:
            physical["region"] = {
                **sarif.region(doc.line_starts, *c.span),
                "snippet": {"text": c.raw},
            }
        location = {"physicalLocation": physical, "message": {"text": f"{c.source}: {c.raw}"}}
        if c.row is not None:
            location["message"]["text"] += f" (row {c.row}, column {c.column})"
            location["properties"] = {"row": c.row, "column": c.column}
        locations.append(location)
    result = {
        "ruleId": d.code,
        "ruleIndex": rule_index,
        "level": sarif.LEVEL[d.severity],
        "message": {"text": d.explanation},
        "locations": locations,
        "partialFingerprints": {"auditorDiscrepancy/v1": d.id},
        "properties": {"entity": d.entity, "attribute": d.attribute, "kind": d.kind},
    }
    if d.status is not None:
        result["baselineState"] = "unchanged" if d.status == "known" else "new"
    if d.status == "known":
        result["suppressions"] = [{"kind": "external", "justification": "accepted in the baseline"}]
    return result


@pytest.mark.parametrize("status", [None, "new", "known"])
def test_sarif_results_are_their_dicts_dumped(report, monkeypatch, status):
    monkeypatch.setattr(discrepancy_json, "BATCH", 3)
    report = replace(report, discrepancies=tuple(
        replace(d, status=status) for d in report.discrepancies))
    text = sarif.render(report)
    log = json.loads(text)
    assert text == json.dumps(log, separators=(",", ":")) + "\n"  # compact, one object
    rules = {r["id"]: n for n, r in enumerate(log["runs"][0]["tool"]["driver"]["rules"])}
    docs = {d.document: d for d in report.documents}
    uris = sarif._artifacts(report.documents)
    expected = [_sarif_result(d, rules[d.code], docs, uris) for d in report.discrepancies]
    results = text[text.index('"results":[') + len('"results":') : text.rindex("]}]}") + 1]
    assert results == json.dumps(expected, separators=(",", ":"))
