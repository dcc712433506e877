"""Value kinds for tables and other domains: times of day, codes, numbers, sets of names.

Each kind parses a page's text (Python) and a table's column (polars) alike; the forms come
from the flight and book benchmarks' real cells."""

from __future__ import annotations

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.normalize.codes import code_expr, parse_code
from auditor.normalize.namesets import names_key, parse_names
from auditor.normalize.numbers import number_expr, parse_number
from auditor.normalize.times import parse_time, show_time, time_expr

TIMES = [
    ("12/1/11 2:06 PM (-05:00)", 14 * 60 + 6),
    ("2:07pDec 1", 14 * 60 + 7),
    ("2011-12-01 06:56PM CST", 18 * 60 + 56),
    ("06:55 PM  Thu 01-Dec-2011 (Runway)", 18 * 60 + 55),
    ("7:10 a.m.", 7 * 60 + 10),
    ("12:26 AM  Fri 02-Dec-2011 (Runway)", 26),
    ("12:10pDec 1", 12 * 60 + 10),
    ("Thu  20:00", 20 * 60),
    ("2011-12-01 13:52 ", 13 * 60 + 52),
    ("Dec 01 - 12:38am*", 38),
    ("2:07 PMDec 01", 14 * 60 + 7),
    ("11:30A 12-01-11", 11 * 60 + 30),
    ("Thu., Dec.01, 2011 1:55 p.m.", 13 * 60 + 55),
    ("2:05:30 p.m.", 14 * 60 + 5),
    ("2011-12-01T14:05:09.250Z", 14 * 60 + 5),
    ("Not Available", None),
    ("Contact Airline", None),
    ("Dec 01 - Contact Airline", None),
    ("2011-12-01 Cancelled", None),
    ("25:00", None),
    ("13:00 pm", None),
    # other ways tables write a time: the hour with its marker alone, a dot, the French "h"
    ("7 pm", 19 * 60),
    ("11am", 11 * 60),
    ("7 p.m. (local)", 19 * 60),
    ("7.10pm", 19 * 60 + 10),
    ("19h10", 19 * 60 + 10),
    ("19 h 10", 19 * 60 + 10),
    ("noon", 12 * 60),
    ("Midnight", 0),
    ("7 amazing", None),
    ("7.10", None),  # a decimal, not a time
    ("1h 52min", None),
]


@pytest.mark.parametrize(("text", "minutes"), TIMES)
def test_times_of_day(text, minutes):
    assert parse_time(text) == minutes
    column = pl.DataFrame({"t": [text]}).select(time_expr(pl.col("t"))).to_series()
    assert column.to_list() == [minutes]


def test_time_shown_on_a_24_hour_clock():
    assert show_time(14 * 60 + 6) == "14:06"
    assert show_time(26) == "00:26"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Terminal 2 - 2B", "2B"),
        (" C24", "C24"),
        ("Term C - C39", "C39"),
        ("Gate 12", "12"),
        ("c 24", "C24"),
        ("Not provided by airline", None),
        ("Terminal B", None),
    ],
)
def test_codes(text, code):
    assert parse_code(text, ["gate"]) == code
    column = pl.DataFrame({"t": [text]}).select(code_expr(pl.col("t"), ["gate"])).to_series()
    assert column.to_list() == [code]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("1,234,567", 1234567.0),
        ("8.4", 8.4),
        (" 12 ", 12.0),
        ("-3", -3.0),
        ("1,23", None),
        ("4.56B", 4.56e9),
        ("1.2 million", 1.2e6),
        ("1,234K", 1_234_000.0),
        ("3.4 bn", 3.4e9),
        ("12.5%", 12.5),
        ("12 %", 12.0),
        ("+0.35", 0.35),
        (".5", 0.5),
        ("1.2E+06", 1.2e6),
        ("5e-3", 0.005),
        ("(1.5)", -1.5),
        ("\u22123", -3.0),
        ("(-1.5)", None),
        ("12 mi", None),
        ("1.2.3", None),
        ("$4.56B", None),  # money is its own kind
    ],
)
def test_numbers(text, number):
    assert parse_number(text) == number
    column = pl.DataFrame({"t": [text]}).select(number_expr(pl.col("t"))).to_series()
    assert column.to_list() == [number]


@pytest.mark.parametrize(
    ("text", "names", "key"),
    [
        ("Knuth, Donald E.", ["Donald E. Knuth"], "knuth"),
        ("Haag, Stephen; Perry, James T", ["Stephen Haag", "James T Perry"], "haag|perry"),
        (
            "Donald E. Knuth and Andrew Binstock",
            ["Donald E. Knuth", "Andrew Binstock"],
            "binstock|knuth",
        ),
        (
            "By (author) Halpin, Terry By (author) Morgan, Tony",
            ["Terry Halpin", "Tony Morgan"],
            "halpin|morgan",
        ),
        ("Zo&eacute; Lacroix", ["Zoé Lacroix"], "lacroix"),
        ("John Smith, Jane Doe", ["John Smith", "Jane Doe"], "doe|smith"),
        ("Not Available", None, None),
    ],
)
def test_name_sets(text, names, key):
    assert parse_names(text) == names
    if names:
        assert names_key(names) == key


def test_name_sets_agree_whatever_the_order_and_form():
    a = parse_names("Haag, Stephen; Cummings, Maeve")
    b = parse_names("Maeve Cummings & Stephen Haag")
    assert names_key(a) == names_key(b)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.text(
            alphabet=st.sampled_from(list("0123456789:. -aApPmMDec,/()%+kKbBhHnoi")), max_size=20
        ),
        min_size=1,
        max_size=20,
    )
)
def test_column_parsers_agree_with_text_parsers(texts):
    frame = pl.DataFrame({"t": texts}, schema={"t": pl.String})
    got = frame.select(
        time=time_expr(pl.col("t")),
        code=code_expr(pl.col("t"), ["gate"]),
        number=number_expr(pl.col("t")),
    )
    assert got["time"].to_list() == [parse_time(t) for t in texts]
    assert got["code"].to_list() == [parse_code(t, ["gate"]) for t in texts]
    assert got["number"].to_list() == [parse_number(t) for t in texts]


def test_amounts_in_billions_read_as_billions():
    """A figure of whole millions from a billion up reads in billions ('$1.024B', 'KRW 8.6B'),
    as box-office reports write them, not '$1024M'; a precise figure keeps every digit."""
    from auditor.kinds.money import amount

    assert amount(1_024_000_000) == "$1.024B"
    assert amount(8_600_000_000, "KRW") == "KRW 8.6B"
    assert amount(1_000_000_000, "EUR") == "€1B"
    assert amount(999_900_000) == "$999.9M"
    assert amount(1_024_345_678) == "$1,024,345,678"
