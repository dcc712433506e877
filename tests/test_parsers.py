"""One parser per value kind, with the hard cases the pages really contain."""

from __future__ import annotations

import polars as pl
import pytest

from auditor.normalize.counts import parse_count
from auditor.normalize.dates import numeric_order, parse_date
from auditor.normalize.durations import parse_duration
from auditor.normalize.money import parse_money
from auditor.normalize.names import abbreviates, best_cased, fold, near_variant
from auditor.normalize.places import COUNTRY_KEYS, canonical_country
from auditor.normalize.scores import parse_score
from auditor.reconcile.comparators.base import display_names


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("October 27th, 1995", "1995-10-27"),
        ("27 october 1995", "1995-10-27"),
        ("Oct 27, 1995", "1995-10-27"),
        ("the 27th of October 1995", "1995-10-27"),  # a day "of" its month
        ("27-Oct-1995", "1995-10-27"),  # joined, as exports write them
        ("Oct/27/1995", "1995-10-27"),
        ("October 27 1995", "1995-10-27"),
        ("1995-10-27", "1995-10-27"),
        ("1995-10-27T09:30:00Z", "1995-10-27"),  # a timestamp's date
        ("1995/10/27", "1995-10-27"),
        ("1995-1-5", "1995-01-05"),  # ISO without its zeros, as some exports write it
        ("1995-10/27", None),  # separators that differ make no date
        ("Feb 24, 1998", "1998-02-24"),
        ("9 february 1996", "1996-02-09"),
        ("Sept. 3, 2001", "2001-09-03"),
        ("1st March 2004", "2004-03-01"),
        ("October 1995", "1995-10"),
        ("1995", "1995"),
        ("1995-10", "1995-10"),  # ISO year and month, as a table's column writes a month
        ("1995-13", None),
        ("the 2010-11 season", None),  # in running text a year range, not a month
        ("February 30, 1996", None),
        # numbers alone, the year last: the order the numbers themselves show
        ("27/10/1995", "1995-10-27"),  # a first number past 12 is the day
        ("10/27/1995", "1995-10-27"),  # a second past 12, the month first
        ("27.10.1995", "1995-10-27"),  # dots: day first
        ("05.06.1995", "1995-06-05"),
        ("27-10-1995", "1995-10-27"),
        ("05/06/1995", None),  # nothing says which is the month
        ("13/13/1995", None),
        ("released 10/27/1995 in the USA", "1995-10-27"),
        # the Solar Hijri (Persian) calendar, read in the Gregorian one: each year opens on
        # the March equinox's day, its leap years as the 33-year cycles fall
        ("1 Farvardin 1354", "1975-03-21"),
        ("1 Farvardin 1375", "1996-03-20"),
        ("17 Mordad 1381", "2002-08-08"),
        ("1 Dey 1402", "2023-12-22"),
        ("30 Esfand 1399", "2021-03-20"),  # a leap year's last day
        ("31 Mehr 1385", None),  # the seventh month has 30 days
        ("no date here", None),
        ("", None),
    ],
)
def test_dates(text, iso):
    assert parse_date(text) == iso


def test_a_columns_dates_of_numbers_are_read_in_the_order_its_clear_ones_show():
    us = ["10/27/1995", "05/06/1995", "1/2/2001"]
    eu = ["27/10/1995", "05/06/1995", "1/2/2001"]
    assert numeric_order(us) == "mdy" and numeric_order(eu) == "dmy"
    read_us = [parse_date(t, numeric_order(us)) for t in us]
    read_eu = [parse_date(t, numeric_order(eu)) for t in eu]
    assert read_us == ["1995-10-27", "1995-05-06", "2001-01-02"]
    assert read_eu == ["1995-10-27", "1995-06-05", "2001-02-01"]
    # a column of both orders, or of ambiguous dates only, reads only the clear ones
    assert numeric_order(["27/10/1995", "10/27/1995"]) is None
    assert numeric_order(["05/06/1995", "Oct 27, 1995"]) is None


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("1h 51min", 111),
        ("1 hr. 52 min.", 112),
        ("111 min", 111),
        ("111 minutes", 111),
        ("1h42", 102),
        ("2h", 120),
        ("2 hours 5 minutes", 125),
        ("1 hour, 52 minutes", 112),
        ("1 hour and 52 minutes", 112),
        ("1:51:00", 111),
        ("1:51:40", 112),  # to the nearest minute
        ("PT1H51M", 111),
        ("PT6660S", 111),
        ("PT", None),
        ("1:51", None),  # h:mm or mm:ss: not said
        ("17:24", 17),  # minutes and seconds: no film runs 17 hours
        ("12:40", 13),
        ("17:75", None),
        ("approx. 104 minutes", 104),  # a time given as about so long
        ("97 min (approx.)", 97),
        ("ca. 1 h 38 min", 98),
        ("approximately", None),
        ("drama", None),
        ("", None),
    ],
)
def test_durations(text, minutes):
    assert parse_duration(text) == minutes


@pytest.mark.parametrize(
    ("text", "low", "high", "estimated", "scope"),
    [
        ("$3,600,000 (estimated)", 3_600_000, 3_600_000, True, None),
        ("$3.5–4 million", 3_500_000, 4_000_000, False, None),
        ("$3.5-4 million", 3_500_000, 4_000_000, False, None),
        ("$49.8 million", 49_800_000, 49_800_000, False, None),
        ("$31,968,347 (USA)", 31_968_347, 31_968_347, False, "usa"),
        ("$31,968,347 (usa)", 31_968_347, 31_968_347, False, "usa"),
        ("$120 million (worldwide)", 120_000_000, 120_000_000, False, "worldwide"),
        ("$41.3M", 41_300_000, 41_300_000, False, None),
        ("£2 million", 2_000_000, 2_000_000, False, None),
        ("₩4.1 billion (US$3.4 million)", 4_100_000_000, 4_100_000_000, False, None),
    ],
)
def test_money(text, low, high, estimated, scope):
    m = parse_money(text)
    assert (m.low, m.high, m.estimated, m.scope) == (low, high, estimated, scope)


@pytest.mark.parametrize(
    ("text", "low", "currency"),
    [
        ("CA$6.5 million", 6_500_000, "CAD"),
        ("Can$2 million", 2_000_000, "CAD"),
        ("C$12,000,000", 12_000_000, "CAD"),
        ("A$3 million", 3_000_000, "AUD"),
        ("NZ$2.1 million", 2_100_000, "NZD"),
        ("HK$40 million", 40_000_000, "HKD"),
        ("R$12 million", 12_000_000, "BRL"),
        ("MX$30 million", 30_000_000, "MXN"),
        ("S$5 million", 5_000_000, "SGD"),
        ("US$4.9 million", 4_900_000, "USD"),
        ("CN¥1.2 billion", 1_200_000_000, "CNY"),
        ("¥1.2 billion", 1_200_000_000, "JPY"),
        ("RMB 300 million", 300_000_000, "CNY"),
        ("₹50 crore", 500_000_000, "INR"),
        ("₹2.5 lakh", 250_000, "INR"),
        ("₩4.5 billion", 4_500_000_000, "KRW"),
        # the rupee's abbreviation, and figures grouped the Indian way (lakhs, crores by twos)
        ("Rs. 12 crore", 120_000_000, "INR"),
        ("Rs 3.5 lakh", 350_000, "INR"),
        ("rs.80,00,000", 8_000_000, "INR"),
        ("₹1,25,00,000", 12_500_000, "INR"),
        ("INR 7,50,000", 750_000, "INR"),
    ],
)
def test_money_country_prefixed_currency(text, low, currency):
    m = parse_money(text)
    assert (m.low, m.currency) == (low, currency)


@pytest.mark.parametrize(
    "text", ["$", "49.8 million", "$4–3 million", "about money", "yrs 12", "Mrs. 4"]
)
def test_money_refuses(text):
    assert parse_money(text) is None


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("97,495", 97495),
        ("54,198", 54198),
        ("293", 293),
        ("1.2 million", 1_200_000),
        ("12.5", None),
        ("12345.0", 12345),  # a whole count as a table export writes it
        ("many", None),
    ],
)
def test_counts(text, count):
    assert parse_count(text) == count


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("7.6/10", {"value": 7.6, "scale": 10}),
        ("82/100", {"value": 82, "scale": 100}),
        ("91%", {"value": 91, "scale": 100}),
        ("82 out of 100", {"value": 82, "scale": 100}),
        ("2.75/5", {"value": 2.75, "scale": 5}),
        ("4/5 stars", {"value": 4, "scale": 5}),
        ("7,6/10", {"value": 7.6, "scale": 10}),  # a decimal comma
        ("★★★½☆", {"value": 3.5, "scale": 5}),  # stars drawn, the empty ones giving the scale
        ("★★★☆☆", {"value": 3, "scale": 5}),
        ("★★★½", None),  # no empty stars: the scale is not said
        ("3.5 out of 4 stars", {"value": 3.5, "scale": 4}),
        ("11/10", None),
        ("7.6", None),
    ],
)
def test_scores(text, score):
    assert parse_score(text) == score


def test_names_fold_case_accents_and_quotes():
    assert fold("Adiós  a Las Vegas") == "adios a las vegas"
    assert fold("John O’Brien") == fold("john o'brien")
    assert best_cased(["john o'brien", "John O'Brien"]) == "John O'Brien"


def test_a_names_accented_form_is_shown_however_often_it_is_folded():
    """A page folded to ASCII lost the letters: three claims of "Bjorn Saether" beside one
    "Bjørn Sæther" show the latter, in Python and in the comparators' polars twin alike; among
    forms that differ only in case, the one written most often wins."""
    forms = ["Bjorn Saether"] * 3 + ["Bjørn Sæther", "bjørn sæther"]
    assert best_cased(forms) == "Bjørn Sæther"
    assert best_cased(["Mcdonald", "McDonald", "McDonald"]) == "McDonald"
    frame = pl.DataFrame({"g": [1] * len(forms), "n": forms})
    assert display_names(frame, ("g",), "n").get_column("shown").to_list() == ["Bjørn Sæther"]


@pytest.mark.parametrize(
    ("a", "b", "variant"),
    [
        ("Ben Anderson", "Ben Sanderson", True),
        ("Elizabeth Shue", "Elisabeth Shue", True),
        ("Yuri Butso", "Yuri Butsov", True),
        ("elisabeth shue", "Elisabeth Shue", False),  # the same name, only cased differently
        ("Julian Sands", "Mike Figgis", False),
        ("Ben", "Ben Sanderson", False),
    ],
)
def test_near_variants(a, b, variant):
    assert near_variant(a, b) is variant


def test_countries():
    assert {canonical_country(c) for c in ("USA", "the United States", "U.S.", "usa")} == {"usa"}
    assert {canonical_country(c) for c in ("China", "mainland China", "Chinese")} == {"china"}
    # every country's adjective and other names fold to it, not only the lead sentences' commonest
    assert {canonical_country(c) for c in ("Egypt", "Egyptian")} == {"egypt"}
    assert {canonical_country(c) for c in ("Thailand", "Thai")} == {"thailand"}
    assert {canonical_country(c) for c in ("Czech", "Czechia", "Czech Republic")} == {
        "czech republic"
    }
    assert {canonical_country(c) for c in ("Scottish", "Scotland", "UK")} == {"uk"}
    assert {canonical_country(c) for c in ("Holland", "the Netherlands", "Dutch")} == {
        "netherlands"
    }
    assert canonical_country("Sri Lankan") == "sri lanka"
    # the readers' patterns and the name finder do not take a surname for an adjective
    assert not {"cuban", "holland", "welsh"} & set(COUNTRY_KEYS)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("j smith", "john smith", True),
        ("f f coppola", "francis ford coppola", True),
        ("mary watson", "mary jane watson", True),  # a middle name left out
        ("maya j okafor", "maya okafor", True),
        ("j r r tolkien", "john ronald reuel tolkien", True),
        ("john smith", "peter smith", False),  # another first name
        ("j smith", "p smith", False),
        ("ronald tolkien", "john ronald tolkien", False),  # the first names differ
        ("smith", "john smith", False),  # a surname alone says too little
        ("john smith", "john smyth", False),  # a spelling, not an abbreviation
        ("al pacino", "al pacino", False),
    ],
)
def test_a_name_abbreviated_by_initials_or_a_left_out_middle_name(a, b, same):
    assert abbreviates(a, b) is same and abbreviates(b, a) is same


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Harbor Patrol 2", "Harbor Patrol II: Night Shift", True),
        ("harbor-patrol-ii-night-shift", "Harbor Patrol 2", True),
        ("Harbor Patrol 2: Night Shift", "HARBOR PATROL II – NIGHT SHIFT", True),
        ("Rocky IV", "Rocky 4", True),
        ("Harbor Patrol 3", "Harbor Patrol II: Night Shift", False),
        ("Harbor Patrol", "Harbor Patrol II: Night Shift", False),
        ("Harbor Patrol Night Shift", "Harbor Patrol II: Night Shift", False),
        ("Night Shift", "Night Shift Blues", False),
    ],
)
def test_a_sequels_short_title(a, b, same):
    from auditor.normalize.titles import same_sequel

    assert same_sequel(a, b) is same
    assert same_sequel(b, a) is same
