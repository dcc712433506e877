"""Tables as sources: every format reads to the same claims, every claim's locator round-trips
(a cell for tables, a span for pages), bad tables are one clear line, and a table reconciles
beside the bundled film's pages."""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import sqlite3
from pathlib import Path

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditor.attributes import catalog
from auditor.claims import Claim, to_frame
from auditor.cli import main
from auditor.config import Config, load
from auditor.documents import discover
from auditor.errors import AuditorError
from auditor.extract import ADAPTERS, Collector
from auditor.extract.registry import extract_document
from auditor.normalize.times import parse_time
from auditor.pipeline import audit
from auditor.readers import read_tables
from auditor.readers.declared import read_declared
from auditor.tablespec import parse_tables
from auditor.textview import TextView
from tests.conftest import BUNDLED, SOURCES
from tests.test_properties import REF, page_like

HERE = Path(__file__).resolve().parent
FLIGHTS = HERE.parent / "examples" / "flights" / "flights_dirty.csv"
COLUMNS = {
    "sched_dep_time": {"attribute": "scheduled_departure", "kind": "time"},
    "act_dep_time": {"attribute": "actual_departure", "kind": "time"},
    "sched_arr_time": {"attribute": "scheduled_arrival", "kind": "time"},
    "act_arr_time": {"attribute": "actual_arrival", "kind": "time"},
}
FLIGHT_TABLE = {"source": {"column": "src"}, "entity": ["flight"], "columns": COLUMNS}


def _read(tmp_path: Path, **table) -> list:
    specs = parse_tables([table], tmp_path / "auditor.toml")
    return read_tables(specs, catalog())


def _config(tmp_path: Path, sources: Path | None = None, **settings) -> Config:
    """A configuration in tmp_path declaring `settings` (tables, attributes), no suites."""
    where = sources or tmp_path
    return Config(tmp_path, where, tmp_path / "none", tmp_path / "reports", settings=settings)


def _cells(claims: pl.DataFrame) -> set[tuple]:
    return set(
        claims.select("entity", "source", "attribute", "raw", "value", "row", "column").rows()
    )


@pytest.fixture(scope="module")
def flights() -> pl.DataFrame:
    return pl.read_csv(FLIGHTS, infer_schema=False)


def test_csv_cells_become_claims_located_by_row_and_column(tmp_path):
    (result,) = _read(tmp_path, path=str(FLIGHTS), **FLIGHT_TABLE)
    assert result.error is None
    claims = result.claims
    rows = list(csv.DictReader(FLIGHTS.open(encoding="utf-8", newline="")))
    for row, column, raw in claims.select("row", "column", "raw").rows():
        assert rows[row][column] == raw  # the cell reads raw
    first = claims.filter((pl.col("row") == 0) & (pl.col("column") == "sched_dep_time")).row(
        0, named=True
    )
    assert (first["entity"], first["source"], first["raw"]) == (
        "AA-3859-IAH-ORD",
        "aa",
        "7:10 a.m.",
    )
    assert first["value"] == str(7 * 60 + 10)
    assert first["span_start"] is None and first["document"].endswith("flights_dirty.csv")
    at = first["context_start"]
    assert first["context"][at : at + len(first["raw"])] == first["raw"]
    assert "flight: AA-3859-IAH-ORD" in first["context"]
    # "Not Available" and empty cells state no time: no claim
    assert claims.height < 4 * len(rows)


def test_excluded_sources_are_not_read_and_rows_keep_their_numbers(tmp_path):
    (whole,) = _read(tmp_path, path=str(FLIGHTS), **FLIGHT_TABLE)
    (cut,) = _read(tmp_path, path=str(FLIGHTS), exclude_sources=["aa", "ua"], **FLIGHT_TABLE)
    kept = whole.claims.filter(~pl.col("source").is_in(["aa", "ua"]))
    assert 0 < cut.claims.height == kept.height < whole.claims.height
    assert _cells(cut.claims) == _cells(kept)  # the same cells, at the same rows
    with pytest.raises(AuditorError, match="exclude_sources"):
        _read(tmp_path, path=str(FLIGHTS), exclude_sources="aa", **FLIGHT_TABLE)


def test_every_format_reads_to_the_same_claims(tmp_path, flights):
    part = flights.head(60)
    part.write_csv(tmp_path / "f.csv")
    tsv = part.write_csv(separator="\t", include_header=False, quote_style="never")
    (tmp_path / "f.txt.gz").write_bytes(gzip.compress(tsv.encode("latin-1")))
    part.write_parquet(tmp_path / "f.parquet")
    part.write_ndjson(tmp_path / "f.jsonl")
    part.write_json(tmp_path / "f.json")
    # A number in one row and text in another, as hand-made JSON has it, read all the same.
    rows = part.to_dicts()
    rows[0] = {**rows[0], "tuple_id": int(rows[0]["tuple_id"]), "note": {"by": "hand"}}
    (tmp_path / "mixed.json").write_text(json.dumps(rows))
    (tmp_path / "mixed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    with sqlite3.connect(tmp_path / "f.db") as db:
        db.execute(f"CREATE TABLE flights ({', '.join(part.columns)})")
        db.executemany(f"INSERT INTO flights VALUES ({', '.join('?' * part.width)})", part.rows())
    base = _cells(_read(tmp_path, path="f.csv", **FLIGHT_TABLE)[0].claims)
    assert len(base) > 100
    variants = [
        {
            "path": "*.txt.gz",
            "format": "tsv",
            "header": False,
            "names": part.columns,
            "encoding": "latin-1",
        },
        {"path": "f.parquet"},
        {"path": "f.jsonl"},
        {"path": "f.json"},
        {"path": "mixed.json"},
        {"path": "mixed.jsonl"},
        {"path": "f.db", "table": "flights"},
        {"path": "f.db", "query": "SELECT * FROM flights ORDER BY rowid"},
    ]
    for variant in variants:
        (result,) = _read(tmp_path, **variant, **FLIGHT_TABLE)
        assert result.error is None, variant
        assert _cells(result.claims) == base, variant


def test_globs_read_every_file_and_name_parts_key_the_entities(tmp_path, flights):
    for day in ("20111201", "20111202"):
        flights.head(10).write_csv(tmp_path / f"{day}.csv")
    results = _read(
        tmp_path,
        path="*.csv",
        source={"column": "src"},
        entity=["flight", "{stem}"],
        captured="{stem}",
        columns=COLUMNS,
    )
    assert [r.document for r in results] == ["20111201.csv", "20111202.csv"]
    assert [r.captured for r in results] == ["2011-12-01", "2011-12-02"]
    entities = set(results[1].claims.get_column("entity"))
    assert "AA-3859-IAH-ORD@20111202" in entities


def test_claim_ids_are_stable_and_distinct(tmp_path):
    one = _read(tmp_path, path=str(FLIGHTS), **FLIGHT_TABLE)[0].claims
    two = _read(tmp_path, path=str(FLIGHTS), **FLIGHT_TABLE)[0].claims
    assert one.get_column("claim_id").to_list() == two.get_column("claim_id").to_list()
    assert one.get_column("claim_id").n_unique() == one.height
    # a frame's ids are the ones each claim computes for itself
    claim = Claim("e", "s", "d.txt", "runtime", "111 min", 111, None, 3, 10)
    assert to_frame([claim]).get_column("claim_id").to_list() == [claim.claim_id]
    assert (
        claim.claim_id != Claim("e", "s", "d.txt", "runtime", "111 min", 111, None, 4, 11).claim_id
    )


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["aa", "ua", "orbitz"]),
            st.text(alphabet="AB-12", min_size=1, max_size=6),
            st.text(max_size=25),
            st.sampled_from(["7:10 a.m.", "2:07pDec 1", "Not Available", "", " 06:55 PM "]),
        ),
        min_size=1,
        max_size=15,
    )
)
def test_table_locators_round_trip_on_any_cells(tmp_path, rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer)  # CRLF rows; a field holding \r or \n is quoted
    writer.writerow(["src", "flight", "note", "dep"])
    writer.writerows(rows)
    (tmp_path / "t.csv").write_bytes(buffer.getvalue().encode("utf-8"))
    columns = {
        "note": {"attribute": "note", "kind": "text"},
        "dep": {"attribute": "dep", "kind": "time"},
    }
    (result,) = _read(
        tmp_path, path="t.csv", source={"column": "src"}, entity=["flight"], columns=columns
    )
    assert result.error is None
    cells = list(csv.DictReader(io.StringIO(buffer.getvalue(), newline="")))
    for c in result.claims.iter_rows(named=True):
        assert cells[c["row"]][c["column"]] == c["raw"]
        at = c["context_start"]
        assert c["context"][at : at + len(c["raw"])] == c["raw"]


@pytest.mark.parametrize(
    "document", sorted((SOURCES / BUNDLED).glob("*.txt")), ids=lambda p: p.stem
)
def test_page_locators_round_trip_with_their_context(document):
    (ref,) = discover([document])
    result = extract_document(ref)
    text = document.read_text(encoding="utf-8")
    assert result.claims
    for c in result.claims:
        assert text[c.span_start : c.span_end] == c.raw
        assert c.context[c.context_start : c.context_start + len(c.raw)] == c.raw
        assert c.row is None and c.column is None


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"path": "nothing*.csv"}, "tables[0]: path 'nothing*.csv' matches no file"),
        (
            {"path": "flights.csv", "columns": {"gate": {"attribute": "gate"}}},
            "flights.csv: has no column 'gate'",
        ),
        ({"path": "latin.csv"}, "latin.csv: is not UTF-8 text (line 2); set encoding"),
        ({"path": "flights.txt"}, "cannot tell the format of flights.txt"),
        ({"path": "flights.db"}, "flights.db: is a SQLite file; set table or query"),
        ({"path": "object.json"}, "object.json: is JSON but not an array of objects"),
        ({"path": "broken.json"}, "broken.json: cannot be read as json (JSONDecodeError"),
        ({"path": "scalars.json"}, "scalars.json: cannot be read as json (ValueError: a row is"),
        ({"path": "ragged.csv"}, "ragged.csv: row 1 (line 3) has 9 fields, not 7"),
        (
            {"path": "twice.csv"},
            "twice.csv: has more than one column named 'sched_dep_time', so which one is meant",
        ),
        ({"path": "empty.csv"}, "empty.csv: is empty; export the table again, or remove it"),
        (
            {"path": "cut.csv.gz"},
            "cut.csv.gz: is a truncated or damaged gzip file (Compressed file ended before the "
            "end-of-stream marker was reached); compress the table again",
        ),
        ({"path": "blank.json"}, "blank.json: is empty; export the table again"),
        (
            {"path": "badline.jsonl"},
            "badline.jsonl: line 2 is not JSON (Expecting ',' delimiter, column 14); fix that line",
        ),
        ({"path": "scalar.jsonl"}, "scalar.jsonl: line 3 is not a JSON object; write one object"),
        ({"path": "deep.jsonl"}, "deep.jsonl: line 2 is nested deeper than JSON can be read"),
        (
            {"path": "flights.db", "table": "flight"},
            "flights.db: cannot be read as sqlite (OperationalError: no such table: flight); "
            "check the file, or the table/query in",
        ),
        (
            {"path": "semicolons.csv"},
            "semicolons.csv: has no column 'src' (its columns: src;flight;sched_dep_time); "
            "its header is delimited by ';': set delimiter = \";\" in",
        ),
    ],
)
def test_a_bad_table_is_one_line_and_the_others_are_read(tmp_path, flights, table, message):
    flights.head(5).write_csv(tmp_path / "flights.csv")
    (tmp_path / "flights.txt").write_text("x")
    (tmp_path / "latin.csv").write_bytes(
        "src,flight,sched_dep_time\naa,caf\xe9,1:00\n".encode("latin-1")
    )
    (tmp_path / "twice.csv").write_text(
        "src,flight,sched_dep_time,sched_dep_time\naa,AA-1,1:00,2:00\n"
    )
    (tmp_path / "semicolons.csv").write_text("src;flight;sched_dep_time\naa;AA-1;1:00\n")
    (tmp_path / "empty.csv").write_text("\n \n")
    packed = gzip.compress((tmp_path / "flights.csv").read_bytes())
    (tmp_path / "cut.csv.gz").write_bytes(packed[:60])
    (tmp_path / "blank.json").write_text("[]")
    row = '{"src": "aa", "flight": "AA-1", "sched_dep_time": "1:00"}\n'
    (tmp_path / "badline.jsonl").write_text(row + row[:12] + row[13:] + row)  # a comma lost
    (tmp_path / "scalar.jsonl").write_text(row + row + "[1, 2]\n")
    (tmp_path / "deep.jsonl").write_text(row + "[" * 100_000 + "]" * 100_000 + "\n")
    sqlite3.connect(tmp_path / "flights.db").close()
    (tmp_path / "object.json").write_text('{"rows": []}')
    (tmp_path / "broken.json").write_text('[{"src": "aa", "flight": 1}, {"src": ')
    (tmp_path / "scalars.json").write_text('[{"src": "aa", "flight": 1}, 3]')
    lines = (tmp_path / "flights.csv").read_text().splitlines()
    (tmp_path / "ragged.csv").write_text("\n".join([*lines[:2], lines[2] + ",x,y", *lines[3:]]))
    good = {"path": "flights.csv", **FLIGHT_TABLE}
    specs = parse_tables([{**FLIGHT_TABLE, **table}, good], tmp_path / "auditor.toml")
    bad, ok = read_tables(specs, catalog())
    assert message in bad.error and "\n" not in bad.error
    assert ok.error is None and ok.claims.height > 0


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"pth": "x.csv"}, "auditor.toml: tables[0].pth: unknown key"),
        ({"format": "xls"}, "tables[0].format: 'xls' is not one of"),
        ({"source": 3}, "tables[0].source: must be a source name or"),
        ({"entity": ["flight", "{day}"]}, "tables[0].entity: {day} is no part of the file name"),
        ({"entity": []}, "tables[0].entity: names no column"),
        ({"header": False}, "tables[0].names: a table without a header needs its column names"),
        (
            {"columns": {"dep": {"attribute": "dep", "unit": 3}}},
            "tables[0].columns.dep.unit: must be a non-empty string",
        ),
    ],
)
def test_bad_table_declarations_name_the_file_and_key(tmp_path, table, message):
    entry = {"path": "f.csv", **FLIGHT_TABLE, **table}
    with pytest.raises(AuditorError, match="^") as caught:
        parse_tables([entry], tmp_path / "auditor.toml")
    assert message in str(caught.value) and "\n" not in str(caught.value)


def test_declared_attributes_take_kinds_and_relative_tolerances():
    specs = catalog(
        {
            "population": {"kind": "number", "tolerance": "1%"},
            "dep": {"kind": "time", "tolerance": 10},
        }
    )
    assert (specs["population"].kind, specs["population"].tolerance) == ("number", 0.01)
    assert specs["population"].relative and not specs["dep"].relative
    with pytest.raises(AuditorError, match="tolerance must be"):
        catalog({"population": {"kind": "number", "tolerance": "about 1"}})


FILM_TABLE = (
    "film,title,year,runtime,director,genres,mpaa,budget\n"
    "leaving-las-vegas-1995,Leaving Las Vegas,1995,{runtime},Mike Figgis,Drama; Romance,R,"
    '"$3,600,000 (estimated)"\n'
)


def _film_audit(tmp_path: Path, runtime: str):
    """The bundled pages plus a one-row table written from their facts."""
    (tmp_path / "films.csv").write_text(FILM_TABLE.format(runtime=runtime), encoding="utf-8")
    columns = {
        "title": "title",
        "year": "year",
        "runtime": "runtime",
        "director": "director",
        "genres": {"attribute": "genres", "split": ";"},
        "mpaa": "mpaa_rating",
        "budget": "budget",
    }
    table = {"path": "films.csv", "source": "filmtable", "entity": ["film"], "columns": columns}
    config = _config(tmp_path, SOURCES, tables=[table])
    return audit([SOURCES], config)


def test_a_table_reconciles_beside_the_pages(tmp_path):
    report = _film_audit(tmp_path, "111 min")
    assert not report.errors
    table = report.claims.filter(pl.col("source") == "filmtable")
    assert set(table.get_column("attribute")) == {
        "title",
        "year",
        "runtime",
        "director",
        "genres",
        "mpaa_rating",
        "budget",
    }
    resolved = {(r["attribute"], r["slot"]): r for r in report.resolved}
    for attribute, value in [
        ("title", "Leaving Las Vegas"),
        ("year", 1995),
        ("runtime", 111),
        ("mpaa_rating", "R"),
    ]:
        assert resolved[(attribute, "")]["value"] == value
        assert "filmtable" in resolved[(attribute, "")]["sources"]
    # The pages' runtime conflict (111 vs 112) now quotes the table's cell too.
    (runtime,) = [d for d in report.discrepancies if d.code == "AU001" and d.attribute == "runtime"]
    cell = [c for c in runtime.claims if c.source == "filmtable"]
    assert [(c.row, c.column, c.raw, c.span) for c in cell] == [(0, "runtime", "111 min", None)]
    assert cell[0].to_dict()["row"] == 0


def test_a_wrong_cell_is_a_conflict_whose_evidence_is_the_cell(tmp_path):
    report = _film_audit(tmp_path, "150")  # a bare number: no unit, no runtime
    assert "runtime" not in set(
        report.claims.filter(pl.col("source") == "filmtable").get_column("attribute")
    )
    report = _film_audit(tmp_path, "150 min")
    (runtime,) = [d for d in report.discrepancies if d.code == "AU001" and d.attribute == "runtime"]
    assert "filmtable: 150 min" in runtime.explanation
    payload = json.loads(json.dumps(runtime.to_dict()))
    (cell,) = [c for c in payload["claims"] if c["source"] == "filmtable"]
    assert (cell["row"], cell["column"], cell["raw"], cell["span"]) == (
        0,
        "runtime",
        "150 min",
        None,
    )


def _domain_audit(tmp_path: Path, text: str, columns: dict, attributes: dict):
    (tmp_path / "t.csv").write_text(text, encoding="utf-8")
    table = {"path": "t.csv", "source": {"column": "src"}, "entity": ["id"], "columns": columns}
    (tmp_path / "sources").mkdir(exist_ok=True)
    config = _config(tmp_path, tmp_path / "sources", tables=[table], attributes=attributes)
    report = audit([tmp_path / "sources"], config)
    assert not report.errors
    found = {(d.entity, d.attribute): d for d in report.discrepancies if d.code != "AU007"}
    resolved = {(r["entity"], r["attribute"]): r["value"] for r in report.resolved}
    return found, resolved


def test_a_long_table_states_what_the_same_wide_table_does(tmp_path):
    """One row per (source, entity, attribute), as truth-discovery data sets are often given:
    the same claims as the wide table of the same facts, each one's evidence the value cell of
    its own row; an attribute name `columns` does not list is read as the attribute it names,
    hints are keyed by the names the rows give, and blank names or values state nothing."""
    wide = "src,id,price,gate\na,x1,12.5,C24\nb,x1,12.9,C26\na,x2,7,B3\nb,x2,7.0,B 3\n"
    (tmp_path / "wide.csv").write_text(wide, encoding="utf-8")
    rows = [r.split(",") for r in wide.splitlines()[1:]]
    long = "who,what,field,text\n" + "".join(
        f"{src},{eid},{name},{cell}\n"
        for src, eid, price, gate in rows
        for name, cell in (("Price", price), ("gate", gate))
    ) + "a,x1,,9\nb,x1,gate,\n"
    (tmp_path / "long.csv").write_text(long, encoding="utf-8")
    attributes = {"price": {"kind": "money", "tolerance": "1%"}, "gate": {"kind": "code"}}
    tables = [
        {"path": "wide.csv", "source": {"column": "src"}, "entity": ["id"],
         "columns": {"price": {"attribute": "price", "currency": "USD"},
                     "gate": {"attribute": "gate"}}},
        {"path": "long.csv", "source": {"column": "who"}, "entity": ["what"],
         "attribute": {"column": "field"}, "value": {"column": "text"},
         "columns": {"Price": {"attribute": "price", "currency": "USD"}}},
    ]  # fmt: skip
    results = {}
    for table in tables:
        (tmp_path / "sources").mkdir(exist_ok=True)
        config = _config(tmp_path, tmp_path / "sources", tables=[table], attributes=attributes)
        [record] = read_declared(config).records
        report = audit([tmp_path / "sources"], config)
        assert not report.errors and record.note is None
        results[table["path"]] = (report, record)
    (wide_report, _), (long_report, _) = results["wide.csv"], results["long.csv"]
    facts = ["entity", "source", "attribute", "raw", "value"]
    assert wide_report.claims.select(facts).sort(facts).equals(
        long_report.claims.select(facts).sort(facts)
    )
    assert [(d.entity, d.attribute, d.code) for d in long_report.discrepancies] == [
        (d.entity, d.attribute, d.code) for d in wide_report.discrepancies
    ]
    assert long_report.resolved == wide_report.resolved
    lines = long.splitlines()
    for claim in long_report.claims.iter_rows(named=True):
        assert claim["column"] == "text"
        assert lines[claim["row"] + 1].split(",")[3] == claim["raw"]


def test_a_long_table_is_declared_with_both_of_its_columns(tmp_path):
    table = {"path": "t.csv", "source": "s", "entity": ["id"], "attribute": {"column": "f"}}
    with pytest.raises(AuditorError, match=r"tables\[0\]: value is missing; a long table"):
        parse_tables([table], tmp_path / "auditor.toml")
    table["value"] = "v"
    with pytest.raises(AuditorError, match=r"tables\[0\]\.value: must be \{ column"):
        parse_tables([table], tmp_path / "auditor.toml")
    table.update(value={"column": "v"}, header=False, names=["s", "id", "f"])
    with pytest.raises(AuditorError, match="no column 'v' among the names given"):
        parse_tables([table], tmp_path / "auditor.toml")


def test_a_spread_reads_as_a_figure_not_an_exponent(tmp_path):
    """How far apart two figures are reads grouped ("11,345,678 apart"), not "1.13457e+07",
    and a difference of decimals without float noise ("3.81", not "3.8100000000000023")."""
    text = "src,id,volume,price\na,x1,\"12,345,678\",45.11\nb,x1,\"1,000,000\",41.30\n"
    found, _ = _domain_audit(
        tmp_path, text, {"volume": {"attribute": "volume"}, "price": {"attribute": "price"}},
        {"volume": {"kind": "count"}, "price": {"kind": "number", "tolerance": 0.5}},
    )
    assert found[("x1", "volume")].explanation.endswith("— 11,345,678 apart; the tolerance is 0")
    assert found[("x1", "price")].explanation.endswith("— 3.81 apart; the tolerance is 0.5")


def test_other_domains_books_cities_and_gates(tmp_path):
    text = (
        "src,id,authors,population,gate,dep\n"
        'a,b1,"Knuth, Donald E.",1000000,Terminal 2 - 2B,11:58 PM\n'
        "b,b1,Donald E. Knuth,1005000,2B,12:02 AM\n"
        'c,b1,"Knuth, Donald; Binstock, Andrew",1004000,Gate 2B,11:59 p.m.\n'
        "a,c2,Jane Doe,1000000,C24,7:00\n"
        "b,c2,John Roe,1200000,C26,7:30\n"
    )
    columns = {
        "authors": {"attribute": "authors"},
        "population": {"attribute": "population"},
        "gate": {"attribute": "gate", "drop": ["gate"]},
        "dep": {"attribute": "dep"},
    }
    attributes = {
        "authors": {"kind": "nameset"},
        "population": {"kind": "number", "tolerance": "1%"},
        "gate": {"kind": "code"},
        "dep": {"kind": "time", "tolerance": 5},
    }
    found, resolved = _domain_audit(tmp_path, text, columns, attributes)
    # b1: a partial author list, populations within 1%, one gate written three ways, times
    # 4 minutes apart across midnight: compatible, nothing contradicts.
    assert found[("b1", "authors")].code == "AU005"
    assert found[("b1", "population")].code == "AU005"
    assert ("b1", "gate") not in found
    assert found[("b1", "dep")].code == "AU005"
    assert resolved[("b1", "gate")] == "2B"
    # a list of the first author only supports the whole list (as sellers cut author lists)
    assert resolved[("b1", "authors")] == ["Donald Knuth", "Andrew Binstock"]
    # c2: other people, a sixth of the larger figure apart, other gates, half an hour: conflicts.
    assert {found[("c2", a)].code for a in ("authors", "population", "gate", "dep")} == {"AU001"}
    assert (
        "1,200,000 — 16.67% apart; the tolerance is 1.00%"
        in found[("c2", "population")].explanation
    )


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(page_like)
def test_page_locators_and_context_round_trip_on_any_text(text):
    view = TextView.of(text)
    for adapter in ADAPTERS:
        out = Collector(REF, view)
        adapter.extract(view, out)
        for c in out.claims:
            assert text[c.span_start : c.span_end] == c.raw
            assert c.context[c.context_start : c.context_start + len(c.raw)] == c.raw
            assert c.claim_id == Claim(**{**c.to_dict(), "context": None}).claim_id


def test_tables_declared_in_pyproject_are_read_relative_to_it(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "f.csv").write_bytes(FLIGHTS.read_bytes())
    (tmp_path / "pyproject.toml").write_text(
        "[tool.auditor]\n"
        "[[tool.auditor.tables]]\n"
        'path = "data/*.csv"\n'
        'source = { column = "src" }\n'
        'entity = ["flight"]\n'
        "[tool.auditor.tables.columns]\n"
        'act_dep_time = { attribute = "actual_departure", kind = "time" }\n'
        "[[tool.auditor.tables]]\n"
        'path = "data/missing.csv"\n'
        'source = "x"\n'
        'entity = ["flight"]\n'
        'columns = { act_dep_time = "actual_departure" }\n'
    )
    tables = read_declared(load(tmp_path))
    claims = tables.claims
    assert set(claims.get_column("document")) == {"data/f.csv"}
    assert tables.errors == (
        f"{tmp_path / 'pyproject.toml'}: tool.auditor.tables[1]: path 'data/missing.csv' matches "
        "no file; fix the path (it is relative to the configuration file)",
    )
    rows = csv.DictReader(FLIGHTS.open(encoding="utf-8", newline=""))
    stating = {r["src"] for r in rows if parse_time(r["act_dep_time"]) is not None}
    # One record for the file, naming the sources its claims are of; who states what about
    # each flight is read off the claims.
    [record] = tables.records
    assert (record.document, record.entity, record.claims) == ("data/f.csv", None, len(claims))
    assert set(record.sources) == stating
    assert record.entities == claims.get_column("entity").n_unique()
    assert record.to_dict()["sources"] == sorted(stating)
    pairs = {(e, s) for e, docs in tables.documents().items() for s, d in docs}
    assert pairs == set(claims.select("entity", "source").iter_rows())


def test_figures_in_the_forms_tables_write_them_are_read_and_compared(tmp_path):
    text = (
        "src,id,volume,change\n"
        "a,x1,1.2M,+1.5%\n"
        'b,x1,"1,200,000",1.50 %\n'
        "c,x1,1.2 million,(1.5)\n"
        "a,x2,3.4B,-0.5%\n"
        "b,x2,3400M,-0.5\n"
    )
    columns = {"volume": {"attribute": "volume"}, "change": {"attribute": "change"}}
    attributes = {"volume": {"kind": "number", "tolerance": "1%"}, "change": {"kind": "number"}}
    found, resolved = _domain_audit(tmp_path, text, columns, attributes)
    # three forms of 1.2 million agree; an accounting negative is a real sign conflict
    assert ("x1", "volume") not in found
    assert resolved[("x1", "volume")] == 1_200_000
    assert resolved[("x2", "volume")] == 3_400_000_000
    assert found[("x1", "change")].code == "AU001"
    assert ("x2", "change") not in found


def test_cells_no_kind_reads_are_noted_on_the_table_not_lost_silently(tmp_path):
    (tmp_path / "t.csv").write_text(
        "src,id,price,dep\n"
        "a,x1,$12.34,7:05 PM\n"
        "b,x1,12.35,Not Available\n"
        "c,x1,twelve,<b>TBA</b>\n"
        "d,x1,,7:06 PM\n",
        encoding="utf-8",
    )
    columns = {"price": {"attribute": "price"}, "dep": {"attribute": "dep"}}
    attributes = {"price": {"kind": "number"}, "dep": {"kind": "time"}}
    table = {"path": "t.csv", "source": {"column": "src"}, "entity": ["id"], "columns": columns}
    config = _config(tmp_path, tables=[table], attributes=attributes)
    [record] = read_declared(config).records
    assert record.claims == 3  # 12.35, 7:05 PM, 7:06 PM; an empty cell states nothing
    assert record.note == (
        "4 cells state no value of their column's kind: price 2 ('$12.34', 'twelve'); "
        "dep 2 ('Not Available', '<b>TBA</b>')"
    )


def test_a_column_of_bare_numbers_its_kind_needs_a_unit_for_says_what_to_declare(
    tmp_path, capsys
):
    """A money column of bare prices, a duration column of bare minutes: unread without a
    currency or a unit; the note (on the terminal too) names the option that reads them,
    and with it declared every cell is read."""
    (tmp_path / "t.csv").write_text(
        "src,id,price,length\na,x1,12.5,112\nb,x1,12.50,113\nc,x1,$12.50,1h 52m\n",
        encoding="utf-8",
    )
    declared = (
        '[[tables]]\npath = "t.csv"\nsource = {{ column = "src" }}\nentity = ["id"]\n'
        '[tables.columns]\nprice = {{ attribute = "price"{0} }}\n'
        'length = {{ attribute = "length"{1} }}\n'
        '[attributes.price]\nkind = "money"\n[attributes.length]\nkind = "duration"\n'
    )
    path = tmp_path / "audit.toml"
    path.write_text(declared.format("", ""), encoding="utf-8")
    [record] = read_declared(load(config_file=path)).records
    assert record.claims == 2
    where = f"{path.resolve()}: tables[0]"
    assert record.note == (
        "4 cells state no value of their column's kind: "
        f"price 2 ('12.5', '12.50'; bare numbers: declare currency = \"USD\" on the column in "
        f"{where}); length 2 ('112', '113'; bare numbers: declare unit = \"min\" on the "
        f"column in {where})"
    )
    argv = ["check", "--config", str(path), "--out", str(tmp_path / "out"), "--format", "json"]
    assert main(argv) == 0  # what was read agrees
    assert f"note: t.csv: {record.note}\n" in capsys.readouterr().out
    path.write_text(declared.format(', currency = "USD"', ', unit = "min"'), encoding="utf-8")
    [record] = read_declared(load(config_file=path)).records
    assert record.claims == 6 and record.note is None


def test_prices_keep_their_cents(tmp_path):
    text = "src,id,price\na,p1,$12.34\nb,p1,12.34\nc,p1,$12.99\na,p2,$5\nb,p2,5.00\n"
    columns = {"price": {"attribute": "price", "currency": "USD"}}
    attributes = {"price": {"kind": "money"}}
    found, resolved = _domain_audit(tmp_path, text, columns, attributes)
    assert found[("p1", "price")].code == "AU001"
    assert "$12.99" in found[("p1", "price")].explanation
    assert resolved[("p1", "price")] == {"amount": 12.34, "currency": "USD"}
    assert ("p2", "price") not in found  # $5 and 5.00 are one amount
    assert resolved[("p2", "price")] == {"amount": 5, "currency": "USD"}


def test_texts_differing_only_in_case_and_punctuation_agree(tmp_path):
    text = (
        "src,id,title\n"
        "a,m1,Mr. Smith Goes to Washington\n"
        "b,m1,mr smith goes to washington\n"
        "c,m1,\"Mr. Smith Goes to Washington.\"\n"
        "a,m2,Alien\n"
        "b,m2,Aliens\n"
        "a,m3,Heat\n"
        "b,m3,Ronin\n"
    )
    found, resolved = _domain_audit(
        tmp_path, text, {"title": {"attribute": "title"}}, {"title": {"kind": "text"}}
    )
    assert ("m1", "title") not in found
    assert resolved[("m1", "title")] == "Mr. Smith Goes to Washington"
    assert found[("m2", "title")].code == "AU003"  # one letter apart: a spelling variant
    assert found[("m3", "title")].code == "AU001"


def test_a_number_columns_unit_is_read_past(tmp_path):
    text = "src,id,temp\na,d1,72°F\nb,d1,72 °f\nc,d1,72\nd,d1,75°F\ne,d1,75 F\n"
    columns = {"temp": {"attribute": "temp", "unit": "°F"}}
    found, resolved = _domain_audit(tmp_path, text, columns, {"temp": {"kind": "number"}})
    assert resolved[("d1", "temp")] == 72
    assert {c.raw for c in found[("d1", "temp")].claims} == {"72°F", "72 °f", "72", "75°F"}
    # "75 F" is not in the column's unit: noted on the table, not read as 75 °F


def test_a_name_written_surname_first_or_with_dotted_initials_is_the_same_name(tmp_path):
    text = (
        "src,id,director\n"
        "a,m1,Francis Ford Coppola\n"
        'b,m1,"Coppola, Francis Ford"\n'
        'a,m2,"Scott, Ridley"\n'
        "b,m2,James Cameron\n"
        "a,m3,J.J. Abrams\n"
        "b,m3,J. J. Abrams\n"
        "c,m3,J J Abrams\n"
    )
    columns = {"director": {"attribute": "director"}}
    found, resolved = _domain_audit(tmp_path, text, columns, {"director": {"kind": "names"}})
    assert ("m1", "director") not in found
    assert found[("m2", "director")].code == "AU001"
    assert ("m3", "director") not in found  # the dots of initials are no difference


def test_a_name_with_or_without_its_middle_initial_is_the_same_name(tmp_path):
    text = (
        "src,id,director\n"
        "a,m1,Ada K. Brook\n"
        "b,m1,Ada Brook\n"
        "c,m1,Ada K Brook\n"
        "a,m2,Ola Moss\n"
        "b,m2,Ola Mossa\n"
        "a,m3,J. J. Abrams\n"
        "b,m3,J. Abrams\n"
    )
    columns = {"director": {"attribute": "director"}}
    found, resolved = _domain_audit(tmp_path, text, columns, {"director": {"kind": "names"}})
    assert ("m1", "director") not in found  # a middle initial dropped is no difference
    assert ("m2", "director") in found
    assert ("m3", "director") in found  # a name opening on initials keeps them


def test_a_scope_split_words_each_unscoped_figure_with_its_own_sources(tmp_path):
    (tmp_path / "g.csv").write_text(
        'film,gross\nleaving-las-vegas-1995,"$32,029,928"\n', encoding="utf-8"
    )
    columns = {"gross": "gross"}
    table = {"path": "g.csv", "source": "grosses", "entity": ["film"], "columns": columns}
    config = _config(tmp_path, SOURCES, tables=[table])
    report = audit([SOURCES], config)
    (split,) = [d for d in report.discrepancies if d.code == "AU002" and d.attribute == "gross"]
    # the pages' unscoped $49.8M and the table's unscoped $32,029,928 are two figures
    assert "wikipedia: $49.8M (scope not stated); grosses: $32,029,928 (scope not stated)" in (
        split.explanation
    )


def test_json_lists_in_cells_are_read_as_their_items(tmp_path):
    (tmp_path / "t.jsonl").write_text(
        '{"src": "a", "id": "b1", "authors": ["Jane Doe", "John Roe"], "genres": ["Drama"]}\n'
        '{"src": "b", "id": "b1", "authors": "Doe, Jane; Roe, John", "genres": "Drama|Crime"}\n'
        '{"src": "c", "id": "b1", "authors": ["Jane Doe"], "genres": ["Drama", "Crime"]}\n',
        encoding="utf-8",
    )
    columns = {"authors": {"attribute": "authors"}, "genres": {"attribute": "genres", "split": "|"}}
    attributes = {"authors": {"kind": "nameset"}, "genres": {"kind": "names"}}
    table = {"path": "t.jsonl", "source": {"column": "src"}, "entity": ["id"], "columns": columns}
    config = _config(tmp_path, tables=[table], attributes=attributes)
    tables = read_declared(config)
    [record] = tables.records
    assert record.note is None  # every list read
    got = tables.claims.select("source", "attribute", "raw", "value").rows()
    assert ("a", "authors", '["Jane Doe", "John Roe"]', '["Jane Doe","John Roe"]') in got
    assert ("c", "authors", '["Jane Doe"]', '["Jane Doe"]') in got
    genres = sorted((s, v) for s, a, _, v in got if a == "genres")
    assert genres == [
        ("a", '"Drama"'), ("b", '"Crime"'), ("b", '"Drama"'), ("c", '"Crime"'), ("c", '"Drama"')
    ]


@pytest.mark.parametrize("name", ["value", "raw", "column", "member", "qualifier", "attribute"])
def test_columns_named_like_the_readers_own_fields_are_read(tmp_path, name):
    # "value" is the commonest column name there is; the reader's frames must not clash with it.
    text = f"src,id,{name}\na,x1,C24\nb,x1,C26\na,x2,B3\nb,x2,B3\n"
    found, resolved = _domain_audit(
        tmp_path, text, {name: {"attribute": "gate"}}, {"gate": {"kind": "code"}}
    )
    assert found[("x1", "gate")].code == "AU001"
    assert ("x2", "gate") not in found and resolved[("x2", "gate")] == "B3"


def test_rows_naming_no_entity_or_source_are_noted_not_lost_silently(tmp_path):
    text = "src,id,v\n,x1,C1\nb,,C2\n  ,x2,C3\na,x1,C4\n"
    (tmp_path / "t.csv").write_text(text, encoding="utf-8")
    (result,) = _read(
        tmp_path, path=str(tmp_path / "t.csv"), source={"column": "src"}, entity=["id"],
        columns={"v": {"attribute": "gate", "kind": "code"}},
    )
    assert result.claims.select("entity", "source", "raw").rows() == [("x1", "a", "C4")]
    assert result.note == "3 rows give no entity or no source, so state nothing (row 0, 1, 2)"


def test_a_european_table_agrees_with_an_american_one_on_the_same_figures(tmp_path):
    # Decimal commas, dots grouping thousands, currencies after the figure, day-first dates:
    # each column's texts say how it writes numbers, and the same facts read the same.
    us = "src,id,price,votes,share,opened\n" + "\n".join(
        [
            'us,f1,"$1,234.56","97,495",0.75,10/27/1995',
            'us,f2,$12.50,"54,198",12.5,05/06/1996',
            'us,f3,"USD 2,500","1,204",3,12/13/1997',
        ]
    )
    eu = "src,id,price,votes,share,opened\n" + "\n".join(
        [
            'eu,f1,"1.234,56 $",97.495,"0,75",27.10.1995',
            'eu,f2,"12,50 USD",54.198,"12,5",06/05/1996',
            'eu,f3,2.500 $,1.204,3,13/12/1997',
        ]
    )
    (tmp_path / "us.csv").write_text(us, encoding="utf-8")
    (tmp_path / "eu.csv").write_text(eu, encoding="utf-8")
    columns = {c: {"attribute": c} for c in ("price", "votes", "share", "opened")}
    tables = [
        {"path": f"{name}.csv", "source": {"column": "src"}, "entity": ["id"], "columns": columns}
        for name in ("us", "eu")
    ]
    attributes = {
        "price": {"kind": "money"},
        "votes": {"kind": "count"},
        "share": {"kind": "number"},
        "opened": {"kind": "date"},
    }
    (tmp_path / "sources").mkdir()
    config = _config(tmp_path, tmp_path / "sources", tables=tables, attributes=attributes)
    report = audit([tmp_path / "sources"], config)
    assert not report.errors
    assert all(d.note is None for d in report.documents)  # every cell read
    assert [d.code for d in report.discrepancies] == []
    resolved = {(r["entity"], r["attribute"]): r["value"] for r in report.resolved}
    assert resolved[("f1", "price")] == {"amount": 1234.56, "currency": "USD"}
    assert resolved[("f2", "votes")] == 54198 and resolved[("f2", "share")] == 12.5
    assert resolved[("f2", "opened")] == "1996-05-06"


def test_a_list_attributes_cells_are_split_at_semicolons_and_bars(tmp_path):
    text = (
        "src,id,stars,title\n"
        'a,f1,"Marlon Brando; Al Pacino",The Film; Part Two\n'
        "b,f1,Al Pacino | Marlon Brando,The Film; Part Two\n"
        "c,f1,Marlon Brando,The Film; Part Two\n"
    )
    columns = {"stars": {"attribute": "stars"}, "title": {"attribute": "title"}}
    found, resolved = _domain_audit(tmp_path, text, columns, {})
    # one list written two ways agrees; a list cut short is a partial list (info)
    assert sorted(resolved[("f1", "stars")]) == ["Al Pacino", "Marlon Brando"]
    assert found[("f1", "stars")].severity == "info"
    # a single-valued attribute's text is never split
    assert resolved[("f1", "title")] == "The Film; Part Two"


def test_a_name_with_initials_is_the_full_name_not_a_conflict(tmp_path):
    text = (
        "src,id,director,stars\n"
        'a,f1,Francis Ford Coppola,"Marlon Brando; Al Pacino; Mary Jane Watson"\n'
        'b,f1,F. F. Coppola,"M. Brando; Al Pacino; Mary J. Watson"\n'
        "a,f2,John Smith,Ann Lee\n"
        "b,f2,Peter Smith,Ann Lee\n"
    )
    columns = {"director": {"attribute": "director"}, "stars": {"attribute": "stars"}}
    found, resolved = _domain_audit(tmp_path, text, columns, {})
    for attribute in ("director", "stars"):
        finding = found[("f1", attribute)]
        assert (finding.code, finding.severity) == ("AU003", "info")
        assert "written with initials" in finding.explanation
    # in a tie the finding and the attribute resolve to the form that says most
    assert found[("f1", "director")].resolved.value == "Francis Ford Coppola"
    assert resolved[("f1", "director")] == ["Francis Ford Coppola"]
    assert "Mary Jane Watson" in resolved[("f1", "stars")]
    # another given name under the same surname is another person
    assert found[("f2", "director")].code == "AU001"


def test_values_past_what_a_kind_can_hold_are_unread_not_a_crash(tmp_path):
    # A count or an amount past 2**53 (no longer exact), a number that overflows, a time that
    # is no time: each is noted as unread, and the rest of the table is audited.
    text = (
        "src,id,n,c,m\n"
        "a,x,1e400,99999999999999999999,$99999999999999999999\n"
        "b,x,12,41,$5\n"
        "c,x,12,41,$5\n"
    )
    columns = {c: {"attribute": c} for c in ("n", "c", "m")}
    attributes = {"n": {"kind": "number"}, "c": {"kind": "count"}, "m": {"kind": "money"}}
    found, resolved = _domain_audit(tmp_path, text, columns, attributes)
    assert not found
    assert resolved[("x", "n")] == 12 and resolved[("x", "c")] == 41
    assert resolved[("x", "m")] == {"amount": 5, "currency": "USD"}


def test_a_country_is_shown_by_its_name_not_its_adjective(tmp_path):
    text = "src,id,country\na,f1,American\nb,f1,American\nc,f1,United States\n"
    found, resolved = _domain_audit(tmp_path, text, {"country": {"attribute": "country"}}, {})
    assert not found  # one country, written two ways
    assert resolved[("f1", "country")] == ["United States"]


def test_cells_marking_a_missing_value_state_nothing_of_any_kind(tmp_path):
    """"N/A", "-", "null" in a cell are how tables leave it empty: no title "N/A", no
    company "n/a" in a set, and no note that a number column failed to read them."""
    (tmp_path / "t.csv").write_text(
        "src,id,brand,makers,weight\n"
        "a,p1,Acme,Foxconn; Jabil,1200\n"
        "b,p1,N/A,n/a,-\n"
        "c,p1,-,null,N/A\n"
        "d,p1,Acme,—,\n",
        encoding="utf-8",
    )
    columns = {c: {"attribute": c} for c in ("brand", "makers", "weight")}
    attributes = {"brand": {"kind": "text"}, "makers": {"kind": "names", "multi": True},
                  "weight": {"kind": "number"}}
    table = {"path": "t.csv", "source": {"column": "src"}, "entity": ["id"], "columns": columns}
    read = read_declared(_config(tmp_path, tables=[table], attributes=attributes))
    assert read.records[0].note is None
    assert sorted(read.claims.get_column("value").to_list()) == [
        '"Acme"', '"Acme"', '"Foxconn"', '"Jabil"', "1200"
    ]


def test_a_table_declares_its_own_texts_for_no_answer(tmp_path):
    """A crowd's "can't tell" is no answer, not a label that outvotes or costs its worker:
    a table's `missing` texts state nothing (case and spaces aside), in a wide and a long
    table alike, and are no note; a text merely containing one is still read."""
    (tmp_path / "wide.csv").write_text(
        "worker,item,label,count\n"
        "w1,i1,Cat,3\n"
        "w2,i1,Can't tell, not sure \n"
        "w3,i1,cat or can't tell,4\n",
        encoding="utf-8",
    )
    (tmp_path / "long.tsv").write_text(
        "worker\titem\tquestion\tanswer\nw4\ti1\tlabel\tNOT SURE\nw4\ti1\tcount\t3\n",
        encoding="utf-8",
    )
    attributes = {"label": {"kind": "text"}, "count": {"kind": "count"}}
    wide = {"path": "wide.csv", "source": {"column": "worker"}, "entity": ["item"],
            "columns": {"label": "label", "count": "count"}}
    long = {"path": "long.tsv", "source": {"column": "worker"}, "entity": ["item"],
            "attribute": {"column": "question"}, "value": {"column": "answer"}}
    read = read_declared(_config(tmp_path, tables=[wide, long], attributes=attributes))
    stated = sorted(read.claims.select("source", "value").rows())
    assert ("w2", '"Can\'t tell"') in stated and ("w4", '"NOT SURE"') in stated  # not declared
    marked = [{**t, "missing": ["can't tell", "Not sure"]} for t in (wide, long)]
    read = read_declared(_config(tmp_path, tables=marked, attributes=attributes))
    assert sorted(read.claims.select("source", "value").rows()) == [
        ("w1", '"Cat"'), ("w1", "3"), ("w3", '"cat or can\'t tell"'), ("w3", "4"), ("w4", "3")
    ]
    assert all(r.note is None for r in read.records)
    with pytest.raises(AuditorError, match="missing: must be a list of strings"):
        _read(tmp_path, **{**wide, "missing": [1]})


def test_a_number_attribute_with_a_unit_converts_every_cell_to_it(tmp_path):
    """Retailers write one weight as "1.2 kg", "1200 g", "2.65 lbs" or "42.3 oz" (and a
    column of bare pounds): with the attribute's unit declared they are one weight in grams,
    a figure in another dimension is no value, and heights add their feet and inches."""
    text = (
        "src,id,weight,weight_lb,height\n"
        "a,p1,1.2 kg,,5 ft 11 in\n"
        "b,p1,1200 g,2.65,180 cm\n"
        "c,p1,2.65 lbs,,\"5' 11\"\"\"\n"
        "d,p1,42.3 oz,,1.80 m\n"
        "e,p1,3 W,,\n"
        "a,p2,850 g,,\n"
        "b,p2,2 kg,,\n"
    )
    columns = {
        "weight": {"attribute": "weight"},
        "weight_lb": {"attribute": "weight", "unit": "lb"},
        "height": {"attribute": "height"},
    }
    attributes = {
        "weight": {"kind": "number", "unit": "g", "tolerance": "2%"},
        "height": {"kind": "number", "unit": "cm", "tolerance": 1},
    }
    found, resolved = _domain_audit(tmp_path, text, columns, attributes)
    # 1,202 g from pounds and 1,199 g from ounces agree with 1,200 g (the more precise wins)
    assert abs(resolved[("p1", "weight")] - 1200) <= 2
    assert found[("p1", "weight")].code == "AU005"  # within tolerance
    assert resolved[("p1", "height")] == 180
    assert ("p1", "height") not in found
    assert found[("p2", "weight")].code == "AU001"  # 850 g against 2 kg
    [record] = read_declared(
        _config(tmp_path, tables=[{"path": "t.csv", "source": {"column": "src"},
                                   "entity": ["id"], "columns": columns}],
                attributes=attributes)
    ).records
    assert record.note == "1 cell states no value of its column's kind: weight 1 ('3 W')"


def test_a_unit_is_declared_on_a_number_attribute_and_is_one_the_auditor_knows(tmp_path):
    path = tmp_path / "audit.toml"
    for spec, message in (
        ('kind = "number"\nunit = "furlongs per fortnight"',
         'unit = "furlongs per fortnight": expected a unit of measure its values are kept in'),
        ('kind = "text"\nunit = "g"', 'unit = "g": expected kind = "number" or "dimensions"'),
    ):
        path.write_text(f"[attributes.weight]\n{spec}\n", encoding="utf-8")
        with pytest.raises(AuditorError, match=re.escape(message)):
            load(config_file=path)


def test_ratings_as_shops_write_them_are_one_score(tmp_path):
    """"4.5 stars" (out of five unless the column's unit says), "4.5/5.0", "4,5 / 5", "90%",
    a bare "4.5" in a column of unit 5: one rating, and no cell left unread."""
    text = (
        "src,id,rating,stars\n"
        "a,p1,4.5 stars,\n"
        "b,p1,4.5/5.0,\n"
        "c,p1,\"4,5 / 5\",\n"
        "d,p1,90%,\n"
        "e,p1,,4.5\n"
        "a,p2,3 stars,\n"
        "b,p2,4.0/5.0,\n"
    )
    columns = {"rating": {"attribute": "rating"},
               "stars": {"attribute": "rating", "unit": "5"}}
    attributes = {"rating": {"kind": "score", "tolerance": 0.01}}
    found, resolved = _domain_audit(tmp_path, text, columns, attributes)
    assert ("p1", "rating") not in found
    assert resolved[("p1", "rating")] == {"value": 4.5, "scale": 5}
    assert found[("p2", "rating")].code == "AU001"
    table = {"path": "t.csv", "source": {"column": "src"}, "entity": ["id"], "columns": columns}
    [record] = read_declared(_config(tmp_path, tables=[table], attributes=attributes)).records
    assert record.note is None and record.claims == 7


def test_a_scores_tolerance_is_a_share_of_its_scale_for_resolution_as_for_findings(tmp_path):
    """tolerance = 0.05 on a score is 0.25 of 5 stars whatever the rating: 1.2 stars is within
    it of 1 star as 4.7 is of 4.5, for the resolution's support as for the finding (a
    relative tolerance would part the low ratings: 5 % of one star is 0.05)."""
    text = "src,id,rating\na,p1,1/5\nb,p1,1/5\nc,p1,1.2/5\na,p2,4.5/5\nb,p2,4.5/5\nc,p2,4.7/5\n"
    columns = {"rating": {"attribute": "rating"}}
    attributes = {"rating": {"kind": "score", "tolerance": 0.05}}
    (tmp_path / "t.csv").write_text(text, encoding="utf-8")
    table = {"path": "t.csv", "source": {"column": "src"}, "entity": ["id"], "columns": columns}
    (tmp_path / "sources").mkdir()
    report = audit([tmp_path / "sources"],
                   _config(tmp_path, tmp_path / "sources", tables=[table], attributes=attributes))
    found = {d.entity: d.code for d in report.discrepancies if d.code != "AU007"}
    assert found == {"p1": "AU005", "p2": "AU005"}
    sources = {r["entity"]: r["sources"] for r in report.resolved}
    assert sources == {"p1": ["a", "b", "c"], "p2": ["a", "b", "c"]}


def test_a_vote_resolves_list_attributes_too(tmp_path):
    """With resolution = "vote", a list attribute resolves (DESIGN: one resolved entry per
    item, list attributes included) to the members sources holding half the weight state."""
    (tmp_path / "t.csv").write_text(
        "src,id,makers,brand\n"
        "a,p1,Foxconn; Jabil,Acme\n"
        "b,p1,Jabil; Foxconn,Acme\n"
        "c,p1,Foxconn; Midea,Acme\n",
        encoding="utf-8",
    )
    columns = {"makers": {"attribute": "makers"}, "brand": {"attribute": "brand"}}
    attributes = {"makers": {"kind": "names", "multi": True}, "brand": {"kind": "text"}}
    table = {"path": "t.csv", "source": {"column": "src"}, "entity": ["id"], "columns": columns}
    (tmp_path / "sources").mkdir()
    config = _config(tmp_path, tmp_path / "sources", tables=[table], attributes=attributes,
                     resolution="vote")
    resolved = {r["attribute"]: r for r in audit([tmp_path / "sources"], config).resolved}
    assert resolved["brand"]["value"] == "Acme"
    assert resolved["makers"]["value"] == ["Foxconn", "Jabil"]
    assert resolved["makers"]["sources"] == ["a", "b", "c"]
    assert resolved["makers"]["confidence"] == round((1 + 2 / 3) / 2, 3)


def test_a_vote_names_the_value_it_chose(tmp_path):
    """The vote names its winners from the value codes reconciliation gives (a form with
    capitals, then one with accents, before the others): named in plain string order they
    came out as another item's value ("Zephyr" for "apex", "Ärla" for "birch")."""
    (tmp_path / "t.csv").write_text(
        "src,id,brand\n"
        "a,p1,apex\nb,p1,apex\nc,p1,Zephyr\n"
        "a,p2,birch\nb,p2,birch\nc,p2,Ärla\n",
        encoding="utf-8",
    )
    columns = {"brand": {"attribute": "brand"}}
    attributes = {"brand": {"kind": "text"}}
    table = {"path": "t.csv", "source": {"column": "src"}, "entity": ["id"], "columns": columns}
    (tmp_path / "sources").mkdir()
    config = _config(tmp_path, tmp_path / "sources", tables=[table], attributes=attributes,
                     resolution="vote")
    resolved = {r["entity"]: r["value"] for r in audit([tmp_path / "sources"], config).resolved}
    assert resolved == {"p1": "apex", "p2": "birch"}


@pytest.mark.parametrize("resolution", ["vote", "learned"])
def test_a_tie_between_forms_goes_to_mixed_case_over_capitals_alone(tmp_path, resolution):
    """"ACME TOOLS" and "Acme Tools" are one brand written two ways by one source each: the
    resolved value is the form a reader expects (as names.best_cased ranks them), not the
    capitals a feed writes everything in."""
    (tmp_path / "t.csv").write_text(
        "src,id,brand\na,p1,ACME TOOLS\nb,p1,Acme Tools\n", encoding="utf-8"
    )
    columns = {"brand": {"attribute": "brand"}}
    table = {"path": "t.csv", "source": {"column": "src"}, "entity": ["id"], "columns": columns}
    (tmp_path / "sources").mkdir()
    config = _config(tmp_path, tmp_path / "sources", tables=[table],
                     attributes={"brand": {"kind": "text"}}, resolution=resolution)
    [resolved] = audit([tmp_path / "sources"], config).resolved
    assert resolved["value"] == "Acme Tools"


def test_figures_of_a_unit_are_shown_with_it(tmp_path):
    """An attribute kept in grams shows its figures in grams: "1.2 kg" and "2.65 lbs" are
    quoted as the 1,200 g and 1,202 g they were compared as, and a spread is in grams."""
    text = "src,id,weight,height\na,p1,1.2 kg,180 cm\nb,p1,2.65 lbs,5 ft 5 in\nc,p1,400 g,\n"
    columns = {"weight": {"attribute": "weight"}, "height": {"attribute": "height"}}
    attributes = {"weight": {"kind": "number", "unit": "g", "tolerance": "2%"},
                  "height": {"kind": "number", "unit": "cm", "tolerance": 2}}
    found, _ = _domain_audit(tmp_path, text, columns, attributes)
    assert found[("p1", "weight")].explanation == (
        "weight: a: 1,200 g; b: 1,202 g; c: 400 g — 66.72% apart; the tolerance is 2.00%"
    )
    assert found[("p1", "height")].explanation == (
        "height: a: 180 cm; b: 165 cm — 15 cm apart; the tolerance is 2"
    )


def test_dimensions_in_any_unit_are_one_size_and_a_wrong_side_is_a_conflict(tmp_path):
    """"30 x 20 x 10 cm", '11.8" x 7.9" x 3.9"' and "300x200x100" in a column of millimetres
    are one box in centimetres; a side 25 % off is a conflict; without a unit the kind says
    what to declare."""
    text = (
        "src,id,size,size_mm\n"
        "a,p1,30 x 20 x 10 cm,\n"
        "b,p1,\"11.8\"\" x 7.9\"\" x 3.9\"\"\",\n"
        "c,p1,,300x200x100\n"
        "d,p1,30 × 20 × 12.5 cm,\n"
        "e,p1,30 kg x 20,\n"
    )
    columns = {"size": {"attribute": "size"}, "size_mm": {"attribute": "size", "unit": "mm"}}
    attributes = {"size": {"kind": "dimensions", "unit": "cm", "tolerance": "2%"}}
    found, resolved = _domain_audit(tmp_path, text, columns, attributes)
    assert resolved[("p1", "size")] == [30, 20, 10]
    finding = found[("p1", "size")]
    assert finding.code == "AU001"
    assert finding.explanation.startswith(
        "size: a and c: 30 × 20 × 10 cm; b: 30 × 20.1 × 9.9 cm; d: 30 × 20 × 12.5 cm"
    )
    assert "e" not in {c.source for c in finding.claims}  # a weight is no length
    path = tmp_path / "audit.toml"
    path.write_text('[attributes.size]\nkind = "dimensions"\n', encoding="utf-8")
    with pytest.raises(AuditorError, match=re.escape('expected a unit of measure for its')):
        load(config_file=path)


def test_names_with_other_numbers_are_not_one_name_spelt_two_ways(tmp_path):
    """A model number one digit off names another product, not a misspelling: a conflict
    (AU001), while a letter off stays a spelling variant (AU003); in a list too."""
    text = (
        "src,id,title,makers\n"
        "a,p1,Orion BF-2690 Stand Mixer,Unit 7 Labs\n"
        "b,p1,Orion BF-1690 Stand Mixer,Unit 9 Labs\n"
        "a,p2,Orion BF-2690 Stand Mixer,Unit 7 Labs\n"
        "b,p2,Orion BF-2690 Stand Mixr,Unit 7 Lab\n"
    )
    columns = {"title": {"attribute": "title"}, "makers": {"attribute": "makers"}}
    attributes = {"title": {"kind": "text"}, "makers": {"kind": "names", "multi": True}}
    found, _ = _domain_audit(tmp_path, text, columns, attributes)
    assert found[("p1", "title")].code == "AU001"
    assert found[("p2", "title")].code == "AU003"
    assert found[("p1", "makers")].code == "AU001"
    assert found[("p2", "makers")].code == "AU003"


def test_scores_on_two_scales_that_differ_are_not_said_to_share_one(tmp_path):
    text = "src,id,rating\na,p1,3.9/5\nb,p1,54%\na,p2,3.9/5\nb,p2,3.4/5\n"
    columns = {"rating": {"attribute": "rating"}}
    found, _ = _domain_audit(tmp_path, text, columns, {"rating": {"kind": "score"}})
    assert found[("p1", "rating")].explanation == (
        "rating: a: 3.9/5; b: 54/100 — different scores, even put on one scale"
    )
    assert found[("p2", "rating")].explanation == (
        "rating: a: 3.9/5; b: 3.4/5 — different scores on the same scale"
    )


def test_a_long_tables_attributes_declared_nowhere_are_noted(tmp_path):
    """Rows naming "colour" and "color" beside a declared "weight": both are read as text,
    and the table's note names them, so a stray spelling does not pass unnoticed."""
    (tmp_path / "t.csv").write_text(
        "source,id,property,value\n"
        "s1,p1,weight,1.2 kg\ns2,p1,weight,1200 g\ns1,p1,colour,red\ns2,p1,color,Red\n",
        encoding="utf-8",
    )
    table = {"path": "t.csv", "source": {"column": "source"}, "entity": ["id"],
             "attribute": {"column": "property"}, "value": {"column": "value"}}
    attributes = {"weight": {"kind": "number", "unit": "g"}}
    read = read_declared(_config(tmp_path, tables=[table], attributes=attributes))
    assert read.records[0].note == (
        "2 attributes its rows name are declared nowhere, so read as text ('color', "
        "'colour'); declare [attributes.<name>] with its kind, or map the name in columns"
    )
    assert read.claims.height == 4
    attributes |= {"colour": {"kind": "text"}, "color": {"kind": "text"}}
    read = read_declared(_config(tmp_path, tables=[table], attributes=attributes))
    assert read.records[0].note is None


def test_a_registers_dates_and_heights_in_their_joined_forms_are_read(tmp_path):
    """People registers write "03-Apr-1985", "3rd of April 1985", "Apr-03-1985" and heights
    "5'11" or "5 ft 11" (the inches unwritten): the same day, the same 180 cm."""
    text = (
        "src,id,born,height\n"
        "a,x1,1985-04-03,180 cm\n"
        "b,x1,03-Apr-1985,5'11\n"
        "c,x1,3rd of April 1985,5 ft 11\n"
        "d,x1,Apr-03-1985,\"5' 11\"\"\"\n"
    )
    columns = {"born": {"attribute": "born"}, "height": {"attribute": "height"}}
    attributes = {"born": {"kind": "date"},
                  "height": {"kind": "number", "unit": "cm", "tolerance": 1}}
    found, resolved = _domain_audit(tmp_path, text, columns, attributes)
    assert resolved[("x1", "born")] == "1985-04-03"
    assert resolved[("x1", "height")] == 180
    assert not found
    table = {"path": "t.csv", "source": {"column": "src"}, "entity": ["id"], "columns": columns}
    [record] = read_declared(_config(tmp_path, tables=[table], attributes=attributes)).records
    assert record.note is None and record.claims == 8


def test_a_size_stated_alike_by_most_wins_over_a_close_one_with_more_digits(tmp_path):
    """Dimensions are no amounts: 30 × 20 × 10 (a product of 6,000) is no rounding of
    29.8 × 20.1 × 10.1, so the size two sources state wins over the one a third states with
    more digits."""
    text = "src,id,size\na,p1,30 x 20 x 10 cm\nb,p1,30 x 20 x 10 cm\nc,p1,29.8 x 20.1 x 10.1 cm\n"
    attributes = {"size": {"kind": "dimensions", "unit": "cm", "tolerance": "2%"}}
    _, resolved = _domain_audit(tmp_path, text, {"size": {"attribute": "size"}}, attributes)
    assert resolved[("p1", "size")] == [30, 20, 10]


def test_a_wide_tables_column_mapped_to_an_attribute_declared_nowhere_is_noted(tmp_path):
    """`runtime = "runtme"` makes a text attribute of its own: the table's note names it, as
    a long table's note names the attributes its rows give that nothing declares."""
    (tmp_path / "t.csv").write_text("src,id,weight,shade\na,p1,1.2 kg,red\nb,p1,1200 g,Red\n")
    columns = {"weight": "weight", "shade": "colur"}
    table = {"path": "t.csv", "source": {"column": "src"}, "entity": ["id"], "columns": columns}
    attributes = {"weight": {"kind": "number", "unit": "g"}}
    read = read_declared(_config(tmp_path, tables=[table], attributes=attributes))
    assert read.records[0].note == (
        "1 attribute its columns are mapped to is declared nowhere, so read as text ('colur'); "
        "declare [attributes.<name>] with its kind, or fix the name in columns"
    )
    assert read.claims.height == 4


def test_figures_of_hundreds_of_digits_are_unread_not_a_crash(tmp_path):
    """400 digits overflow a float to infinity: in a column of one currency, of counts or of
    scores such a cell is no value (the note shows it), and the table is still audited."""
    huge = "9" * 400
    text = f"src,id,m,c,s\na,x,{huge},{huge},{huge}/{huge}\nb,x,$5,41,4/5\nc,x,1e309,41,4/5\n"
    columns = {"m": {"attribute": "m", "currency": "USD"}, "c": "c", "s": "s"}
    attributes = {"m": {"kind": "money"}, "c": {"kind": "count"}, "s": {"kind": "score"}}
    found, resolved = _domain_audit(tmp_path, text, columns, attributes)
    assert not found
    assert resolved[("x", "m")] == {"amount": 5, "currency": "USD"}
    assert resolved[("x", "c")] == 41 and resolved[("x", "s")] == {"value": 4, "scale": 5}


@pytest.mark.parametrize("ends", ["\r", "\r\n|\n|\r"])
def test_lines_ended_by_a_carriage_return_alone_are_rows(tmp_path, ends):
    """An old Mac export ends its lines with "\\r" alone, and files pasted together mix
    "\\r\\n", "\\n" and "\\r": each is a line end, as the csv module reads them, but inside a
    quoted cell, which keeps its "\\r"."""
    rows = ["src,flight,sched_dep_time", 'aa,AA-1,"7:10\ra.m."', "ua,AA-1,7:12 a.m."]
    rows.append("co,AA-2,9:00")
    cycle = ends.split("|")
    text = "".join(row + cycle[n % len(cycle)] for n, row in enumerate(rows))
    (tmp_path / "t.csv").write_bytes(text.encode())
    columns = {"sched_dep_time": {"attribute": "scheduled_departure", "kind": "time"}}
    (result,) = _read(
        tmp_path, path="t.csv", source={"column": "src"}, entity=["flight"], columns=columns
    )
    assert result.error is None
    cells = list(csv.reader(io.StringIO(text, newline="")))[1:]
    assert [c[2] for c in cells] == ["7:10\ra.m.", "7:12 a.m.", "9:00"]
    got = sorted(result.claims.select("row", "raw", "value").rows())
    assert got == [(0, "7:10\ra.m.", "430"), (1, "7:12 a.m.", "432"), (2, "9:00", "540")]


def test_a_table_that_breaks_the_reader_costs_only_itself(tmp_path, monkeypatch):
    """A failure of the auditor's own on one table is that table's error line, to report
    with the table attached; the other tables are still read."""
    import auditor.readers as readers

    parse = readers.claims_of

    def claims_of(frame, spec, document, *args):
        if document == "bad.csv":
            raise RuntimeError("boom\nat line 3")
        return parse(frame, spec, document, *args)

    monkeypatch.setattr(readers, "claims_of", claims_of)
    text = "src,flight,sched_dep_time\naa,AA-1,7:10 a.m.\n"
    for name in ("bad.csv", "good.csv"):
        (tmp_path / name).write_text(text)
    bad, good = _read(tmp_path, path="*.csv", **FLIGHT_TABLE | {"columns": {
        "sched_dep_time": {"attribute": "scheduled_departure", "kind": "time"}}})
    assert bad.error == (
        "bad.csv: reading it failed (RuntimeError: boom at line 3); report this with the "
        "table attached"
    )
    assert good.error is None and good.claims.height == 1


def test_a_cell_nested_deeper_than_json_can_be_read_is_text_not_a_failed_table(tmp_path):
    """A cell "[[[...]]]" looks like a JSON list; nested past the parser's stack, it is read
    as the text it is, and the table's other cells are still read."""
    deep = "[" * 50_000 + "]" * 50_000
    (tmp_path / "t.csv").write_text(f'src,id,genres\na,x1,"{deep}"\nb,x1,drama\n')
    path = tmp_path / "audit.toml"
    path.write_text(
        '[[tables]]\npath = "t.csv"\nsource = { column = "src" }\nentity = ["id"]\n'
        '[tables.columns]\ngenres = { attribute = "genre" }\n',
        encoding="utf-8",
    )
    [record] = read_declared(load(config_file=path)).records
    assert record.error is None and record.claims >= 1
