"""The bundled tabular audit: examples/flights (38 websites, 100 flights, 4 times of day)."""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

import pytest

from auditor.cli import main
from auditor.config import load
from auditor.normalize.times import parse_time
from auditor.pipeline import audit
from auditor.report.html import file_name

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "flights"
CLEAN = (
    Path(__file__).resolve().parents[2] / "shared/benchmarks/flights_holoclean/flights_clean.csv"
)
TIMES = {
    "sched_dep_time": "scheduled_departure",
    "act_dep_time": "actual_departure",
    "sched_arr_time": "scheduled_arrival",
    "act_arr_time": "actual_arrival",
}


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_check_reconciles_the_table_and_writes_every_report(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(EXAMPLE)  # the example's auditor.toml is the configuration
    assert main(["check", "--out", str(tmp_path)]) == 1  # the sites disagree
    written = {p.name for p in tmp_path.iterdir()}
    assert written == {
        "report.html",
        "report.json",
        "summary.md",
        "junit.xml",
        "claims.jsonl",
        "discrepancies.jsonl",
        "report.sarif",
        "entities",  # 100 flights: report.html is an index, each flight has its page
    }
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert len(report["entities"]) == 100
    [table] = report["documents"]  # the table file is one document, of 100 flights
    assert (table["document"], table["entity"]) == ("flights_dirty.csv", None)
    assert table["entities"] == 100
    assert len(table["sources"]) == 38 and report["summary"]["documents"] == 1
    assert not report.get("errors") and not any(d["error"] for d in report["documents"])
    cells = _rows(EXAMPLE / "flights_dirty.csv")
    conflicts = [d for d in report["discrepancies"] if d["code"] == "AU001"]
    assert {d["attribute"] for d in conflicts} == set(TIMES.values())
    for d in report["discrepancies"]:
        for c in d["claims"]:  # evidence points at the cell that says it
            assert c["document"] == "flights_dirty.csv" and c["span"] is None
            assert cells[c["row"]][c["column"]] == c["raw"]
            assert cells[c["row"]]["src"] == c["source"]
    index = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert 'href="entities/' in index  # the index links each flight's page
    page = (tmp_path / "entities" / f"{file_name(conflicts[0]['entity'])}.html").read_text("utf-8")
    assert "flights_dirty.csv row " in page and "<mark>" in page
    # A flight's page lists the table once per source that states something of it.
    claims = [json.loads(line) for line in (tmp_path / "claims.jsonl").open(encoding="utf-8")]
    stating = {c["source"] for c in claims if c["entity"] == conflicts[0]["entity"]}
    assert page.count("<tr><td>flights_dirty.csv</td>") == len(stating) > 1
    resolved = {(r["entity"], r["attribute"]): r["value"] for r in report["resolved"]}
    assert resolved[("AA-3859-IAH-ORD", "scheduled_departure")] == 7 * 60 + 10
    # A failed expectation shows on the page of each flight whose rows it names (a table
    # file holds every flight: the row's entity says whose), and on no other.
    failing = {
        u["entity"]
        for s in report["expectations"]
        for r in s["results"]
        if not r["success"]
        for u in r["unexpected"]
    }
    assert 1 < len(failing) < 100
    for entity in sorted(failing)[:3]:
        page = (tmp_path / "entities" / f"{file_name(entity)}.html").read_text("utf-8")
        assert "expect_column_values_to_not_be_null" in page
    [fine] = sorted(set(report["entities"]) - failing)[:1]
    page = (tmp_path / "entities" / f"{file_name(fine)}.html").read_text("utf-8")
    assert "expect_column_values_to_not_be_null" not in page


@pytest.mark.skipif(
    not CLEAN.is_file(), reason="the benchmark's clean table is not beside the repo"
)
def test_learned_resolution_beats_a_majority_vote():
    report = audit([], load(EXAMPLE))  # the table is the only input
    resolved = {(r["entity"], r["attribute"]): r["value"] for r in report.resolved}
    truth: dict[tuple[str, str], int | None] = {}
    for row in _rows(CLEAN):
        for column, attribute in TIMES.items():
            truth[(row["flight"], attribute)] = parse_time(row[column])
    votes: dict[tuple[str, str], Counter] = {}
    seen: set[tuple[str, str, str, int]] = set()
    for row in _rows(EXAMPLE / "flights_dirty.csv"):
        for column, attribute in TIMES.items():
            value = parse_time(row[column])
            item = (row["flight"], attribute)
            if value is not None and (row["src"], *item, value) not in seen:
                seen.add((row["src"], *item, value))  # one vote per (source, value)
                votes.setdefault(item, Counter())[value] += 1
    items = [i for i in votes if truth.get(i) is not None]
    assert len(items) > 350
    # Plain majority vote, ties to the smallest value.
    majority = {i: min(votes[i], key=lambda v, c=votes[i]: (-c[v], v)) for i in items}
    ours = sum(resolved.get(i) == truth[i] for i in items) / len(items)
    plain = sum(majority[i] == truth[i] for i in items) / len(items)
    print(f"resolved {ours:.4f} vs majority vote {plain:.4f} over {len(items)} items")
    assert plain > 0.75  # the benchmark's figure is 0.80: the parsing is right
    assert ours >= plain + 0.05  # measured: 0.90 against 0.80
