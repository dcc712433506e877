"""Dates with their precision: a year, a month or a day, written the many ways pages write them.

The value is an ISO string cut at the precision stated ("2004", "2004-11", "2004-11-05"), so
that a comparison can tell "2004" agreeing with "2004-11-05" from two different days.
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
# The Solar Hijri (Persian) calendar's months, as Iranian pages romanise them: "12 Tir 1395".
SOLAR_MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("farvardin",),
            ("ordibehesht",),
            ("khordad",),
            ("tir",),
            ("mordad", "amordad"),
            ("shahrivar",),
            ("mehr",),
            ("aban",),
            ("azar",),
            ("dey", "dei"),
            ("bahman",),
            ("esfand", "isfand"),
        ],
        start=1,
    )
    for name in names
}
_SOLAR_MONTHS = "|".join(sorted(SOLAR_MONTHS, key=len, reverse=True))
_SOLAR = re.compile(
    rf"\b(?P<day>[0-3]?\d)\s+(?P<month>{_SOLAR_MONTHS})\s+(?P<year>1[34]\d\d)\b", re.I
)
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[89]\d\d|2[01]\d\d)"

# Ordered from most to least precise; all case-insensitive and anchored by word boundaries.
DATE_FORMS = [
    _SOLAR,  # read in the Gregorian calendar (`solar_hijri`)
    # ISO, also as a timestamp's date ("2004-11-05T09:30:00Z") or with slashes ("2004/11/05")
    re.compile(rf"\b{_YEAR}(?P<sep>[-/])(?P<month>[01]?\d)(?P=sep)(?P<day>[0-3]?\d)(?:\b|(?=T\d))"),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.I),  # "15th of November"
    # joined by hyphens, slashes or dots, as exports and registers write them ("03-Apr-1985",
    # "Apr-03-1985")
    re.compile(rf"\b{_DAY}[-/.]{_MONTH}[-/.]{_YEAR}\b", re.I),
    re.compile(rf"\b{_MONTH}[-/.]{_DAY}[-/.]{_YEAR}\b", re.I),
    re.compile(rf"\b{_MONTH},?\s+{_YEAR}\b", re.I),
    # all numbers, the year last: "27/10/1995", "10/27/1995", "27.10.1995" (see _numeric)
    re.compile(r"\b(?P<a>[0-3]?\d)(?P<sep>[/.-])(?P<b>[0-3]?\d)(?P=sep)" + _YEAR + r"\b"),
    # the whole text only (in running text "the 2010-11 tour" is two years, no month):
    re.compile(rf"{_YEAR}-(?P<month>[01]\d)"),  # ISO year and month: "2004-11"
    re.compile(rf"\b{_YEAR}\b"),
]
_NUMERIC = DATE_FORMS[-3]
_WHOLE_ONLY = frozenset(DATE_FORMS[-2:])
DMY, MDY = "dmy", "mdy"
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
# Any date of day precision inside running text (ISO, "Nov 5, 2004", "5 november 2004", and
# the day-first dotted "5.11.2004" of Nordic and German pages: dots put the day first).
DATE_IN_TEXT = re.compile(
    r"\b(?:1[89]|2[01])\d\d-[01]\d-[0-3]\d\b"
    r"|\b[0-3]?\d\.[01]?\d\.(?:1[89]|2[01])\d\d\b"
    rf"|\b(?:{_MONTH_NAMES})\.?\s+[0-3]?\d(?:st|nd|rd|th)?,?\s+(?:1[89]|2[01])\d\d\b"
    rf"|\b[0-3]?\d(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH_NAMES})\.?,?\s+(?:1[89]|2[01])\d\d\b"
    rf"|\b[0-3]?\d\s+(?:{_SOLAR_MONTHS})\s+1[34]\d\d\b",
    re.I,
)


def parse_date(text: str, order: str | None = None) -> str | None:
    """The ISO date at the precision `text` states, or None if it states no valid date.

    A date of numbers alone is read day first or month first as `order` says (a table
    column's, `numeric_order`), else as its own numbers tell: dots, or a first number past 12,
    put the day first; a second number past 12 puts the month first; "05/06/1995" alone is
    no date, as nothing says which it is."""
    s = " ".join(text.split())
    for form in DATE_FORMS:
        m = form.fullmatch(s) or (form.search(s) if form not in _WHOLE_ONLY else None)
        if m is None:
            continue
        parts = m.groupdict()
        if form is _SOLAR:
            month = SOLAR_MONTHS[parts["month"].lower()]
            day = solar_hijri(int(parts["year"]), month, int(parts["day"]))
            return day.isoformat() if day else None
        if form is _NUMERIC:
            parts = _numeric(parts, order)
            if parts is None:
                return None
        year = int(parts["year"])
        month = parts.get("month")
        if month is None:
            return f"{year:04d}"
        month_no = int(month) if month.isdigit() else MONTHS[month.lower().rstrip(".")]
        if parts.get("day") is None:
            return f"{year:04d}-{month_no:02d}" if 1 <= month_no <= 12 else None
        try:
            return dt.date(year, month_no, int(parts["day"])).isoformat()
        except ValueError:
            return None
    return None


def _numeric(parts: dict, order: str | None) -> dict | None:
    a, b = int(parts["a"]), int(parts["b"])
    own = DMY if parts["sep"] == "." or a > 12 else MDY if b > 12 else None
    if own is not None and order is not None and own != order:
        return None  # "27/10/1995" in a column of months first: no date of that column's
    order = order or own
    if order is None:
        return None
    day, month = (a, b) if order == DMY else (b, a)
    return {"year": parts["year"], "month": str(month), "day": str(day)}


def numeric_order(texts: list[str]) -> str | None:
    """Whether a column's dates of numbers put the day or the month first: the order its
    unambiguous dates show (a first number past 12, or dots: day first; a second number past
    12: month first), when they all show the same one."""
    seen = set()
    for text in texts:
        m = _NUMERIC.search(text)
        if m is None:
            continue
        a, b = int(m["a"]), int(m["b"])
        if m["sep"] == "." or a > 12:
            seen.add(DMY)
        elif b > 12:
            seen.add(MDY)
    return seen.pop() if len(seen) == 1 else None


# Years of the Solar Hijri calendar where its 33-year leap cycles break (the jalaali algorithm).
_BREAKS = (-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262,
           2324, 2394, 2456, 3178)  # fmt: skip


def solar_hijri(year: int, month: int, day: int) -> dt.date | None:
    """The Gregorian day of a Solar Hijri date (months 1-6 of 31 days, 7-11 of 30, the last
    of 29 or 30), from its year's first day (1 Farvardin, the March equinox's day), which the
    leap years of the calendar's 33-year cycles fix; None for a day the month lacks."""
    if not (1 <= month <= 12 and 1 <= day <= (31 if month <= 6 else 30)):
        return None
    leap, past, jump = -14, _BREAKS[0], 0
    for brk in _BREAKS[1:]:
        jump = brk - past
        if year < brk:
            break
        leap += jump // 33 * 8 + jump % 33 // 4
        past = brk
    n = year - past
    leap += n // 33 * 8 + (n % 33 + 3) // 4
    if jump % 33 == 4 and jump - n == 4:
        leap += 1
    gregorian = year + 621
    march = 20 + leap - (gregorian // 4 - (gregorian // 100 + 1) * 3 // 4 - 150)
    first = dt.date(gregorian, 3, march)
    return first + dt.timedelta(days=(month - 1) * 31 - max(0, month - 7) + day - 1)
