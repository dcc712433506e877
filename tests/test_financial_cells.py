"""Figures as financial tables write them (quote pages, reports): scale words shortened
("4.7 mln"), shares as percentages, fractions or basis points, columns "in thousands", bare
ranges in a currency column, and one column holding two figures ("1,204 (+3.1%)")."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest

from auditor.errors import AuditorError
from auditor.normalize.money import parse_cell_money
from auditor.normalize.numbers import number_expr, parse_number, scale_of
from auditor.readers.declared import read_declared
from auditor.tablespec import parse_tables
from tests.test_tables import _config, _domain_audit


@pytest.mark.parametrize(
    ("text", "number"),
    [("4.7 mln", 4_700_000), ("0.8 bil", 800_000_000), ("31 Mil", 31_000_000),
     ("2.25 bln", 2_250_000_000), ("1.5 tril", 1.5e12)],
)
def test_scale_words_as_quote_tables_shorten_them(text, number):
    assert parse_number(text) == number
    assert pl.select(number_expr(pl.lit(text))).item() == number


def test_amounts_with_shortened_scale_words():
    assert parse_cell_money("€3.5 mln").low == 3_500_000
    assert parse_cell_money("$0.9 Bil.").low == 900_000_000
    assert parse_cell_money("Brazil") is None  # a word that ends like one is no scale


def test_a_column_in_thousands_multiplies_its_bare_figures(tmp_path):
    """A headcount column "(000s)" writes 48 for 48,000; a figure that writes its own scale
    keeps it; a column whose unit is a unit of measure ("m") is not a scale."""
    text = (
        "src,id,staff,staff_k,height\n"
        "a,c1,\"48,100\",,310 m\n"
        "b,c1,,48.1,\n"
        "c,c1,,0.05M,\n"
        "a,c2,,(2),\n"
    )
    columns = {
        "staff": {"attribute": "staff"},
        "staff_k": {"attribute": "staff", "unit": "000s"},
        "height": {"attribute": "height", "unit": "m"},
    }
    attributes = {"staff": {"kind": "number", "tolerance": "1%"}, "height": {"kind": "number"}}
    (tmp_path / "t.csv").write_text(text, encoding="utf-8")
    table = {"path": "t.csv", "source": {"column": "src"}, "entity": ["id"], "columns": columns}
    claims = read_declared(_config(tmp_path, tables=[table], attributes=attributes)).claims
    values = {(e, s, a): v for e, s, a, v in
              claims.select("entity", "source", "attribute", "value").rows()}
    assert values[("c1", "b", "staff")] == "48100"
    assert values[("c1", "c", "staff")] == "50000"
    assert values[("c2", "a", "staff")] == "-2000"
    assert values[("c1", "a", "height")] == "310"
    assert [scale_of(u) for u in ("thousands", "'000", "millions", "bn", "m", "g", "t")] == [
        3, 3, 6, 9, None, None, None]


def test_a_share_in_percent_fraction_or_basis_points_is_one_value(tmp_path):
    """An attribute kept in percent (`unit = "%"`) reads "3.75%", "375 bp" and, in a column
    of fractions (`unit = "fraction"`), 0.0375 as one rate; "(0.40%)" is a fall."""
    text = (
        "src,id,rate,rate_frac\n"
        "a,bond1,3.75%,\n"
        "b,bond1,375 bp,\n"
        "c,bond1,,0.0375\n"
        "d,bond1,4.10%,\n"
        "a,bond2,(0.40%),\n"
        "b,bond2,,-0.004\n"
    )
    columns = {"rate": {"attribute": "rate"},
               "rate_frac": {"attribute": "rate", "unit": "fraction"}}
    attributes = {"rate": {"kind": "number", "unit": "%", "tolerance": "1%"}}
    found, resolved = _domain_audit(tmp_path, text, columns, attributes)
    assert resolved[("bond1", "rate")] == pytest.approx(3.75)
    assert resolved[("bond2", "rate")] == pytest.approx(-0.4)
    assert ("bond2", "rate") not in found
    assert found[("bond1", "rate")].code == "AU001"  # 4.10 % against 3.75 %


def test_a_bare_range_in_a_currency_column_is_a_range_where_the_attribute_keeps_ranges(
    tmp_path,
):
    """"18.50 - 19.25" in a USD column is a range of an attribute with `qualifier = "flag"`;
    in an attribute of single amounts a range is no value (the table's note shows it), not
    its low end."""
    text = "src,id,band,price\na,k1,18.50 - 19.25,$18.50 - $19.25\nb,k1,$18.50-$19.25,7.10\n"
    (tmp_path / "t.csv").write_text(text, encoding="utf-8")
    columns = {"band": {"attribute": "band", "currency": "USD"},
               "price": {"attribute": "price", "currency": "USD"}}
    attributes = {"band": {"kind": "money", "qualifier": "flag", "tolerance": "1%"},
                  "price": {"kind": "money", "tolerance": "1%"}}
    table = {"path": "t.csv", "source": {"column": "src"}, "entity": ["id"], "columns": columns}
    read = read_declared(_config(tmp_path, tables=[table], attributes=attributes))
    values = {(s, a): json.loads(v)
              for s, a, v in read.claims.select("source", "attribute", "value").rows()}
    assert values[("a", "band")] == values[("b", "band")] == (
        {"low": 18.5, "high": 19.25, "currency": "USD"})
    assert ("a", "price") not in values
    assert values[("b", "price")] == {"amount": 7.1, "currency": "USD"}
    assert read.records[0].note == (
        "1 cell states no value of its column's kind: price 1 ('$18.50 - $19.25')")


def test_one_column_read_as_two_attributes(tmp_path):
    """"Sales (Growth)" cells hold two figures: a list of readings, each with the part of the
    cell it takes (`extract`, a regular expression's first group); a cell without the part
    states nothing of that attribute, and each claim's evidence is the whole cell."""
    text = "src,id,Sales (Growth)\na,f1,\"1,204 (+3.1%)\"\nb,f1,\"1,204\"\nc,f1,N/A\n"
    (tmp_path / "t.csv").write_text(text, encoding="utf-8")
    columns = {"Sales (Growth)": [{"attribute": "sales", "extract": r"^([^(]+)"},
                                  {"attribute": "growth", "unit": "%", "extract": r"\((.*)\)"}]}
    attributes = {"sales": {"kind": "number"}, "growth": {"kind": "number", "unit": "%"}}
    table = {"path": "t.csv", "source": {"column": "src"}, "entity": ["id"], "columns": columns}
    read = read_declared(_config(tmp_path, tables=[table], attributes=attributes))
    assert read.records[0].note is None
    rows = sorted(read.claims.select("source", "attribute", "value", "raw").rows())
    assert rows == [("a", "growth", "3.1", "1,204 (+3.1%)"),
                    ("a", "sales", "1204", "1,204 (+3.1%)"), ("b", "sales", "1204", "1,204")]
    with pytest.raises(AuditorError, match=r"columns.x\[1\].extract: not a regular expression"):
        parse_tables([{"path": "t.csv", "source": "s", "entity": ["id"], "columns": {
            "x": [{"attribute": "a"}, {"attribute": "b", "extract": "(unclosed"}]}}],
            Path(tmp_path / "auditor.toml"))


def test_one_file_per_source_names_its_source_by_a_part_of_its_name(tmp_path):
    """Many data sets come as one file per source ("quotes/alpha.csv", "quotes/beta.csv"):
    `source = "{stem}"` names each file's source, as `entity` and `captured` read parts."""
    folder = tmp_path / "quotes"
    folder.mkdir()
    (folder / "alpha.csv").write_text("id,close\nz1,10.5\n", encoding="utf-8")
    (folder / "beta-2013.csv").write_text("id,close\nz1,10.6\n", encoding="utf-8")
    table = {"path": "quotes/*.csv", "source": "{who}", "pattern": r"^(?P<who>[a-z]+)",
             "entity": ["id"], "columns": {"close": "close"}}
    read = read_declared(_config(tmp_path, tables=[table],
                                 attributes={"close": {"kind": "number"}}))
    assert sorted(read.claims.select("source", "value").rows()) == [
        ("alpha", "10.5"), ("beta", "10.6")]
    with pytest.raises(AuditorError, match=r"tables\[0\].source: \{where\} is no part"):
        parse_tables([{**table, "source": "{where}"}], tmp_path / "auditor.toml")
