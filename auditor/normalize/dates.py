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
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[89]\d\d|2[01]\d\d)"

# Ordered from most to least precise; all case-insensitive and anchored by word boundaries.
DATE_FORMS = [
    # ISO, also as a timestamp's date ("2004-11-05T09:30:00Z") or with slashes ("2004/11/05")
    re.compile(rf"\b{_YEAR}(?P<sep>[-/])(?P<month>[01]\d)(?P=sep)(?P<day>[0-3]\d)(?:\b|(?=T\d))"),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I),
    re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b", re.I),
    re.compile(rf"\b{_MONTH},?\s+{_YEAR}\b", re.I),
    re.compile(rf"\b{_YEAR}\b"),
]
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
# Any date of day precision inside running text (ISO, "Nov 5, 2004", "5 november 2004").
DATE_IN_TEXT = re.compile(
    r"\b(?:1[89]|2[01])\d\d-[01]\d-[0-3]\d\b"
    rf"|\b(?:{_MONTH_NAMES})\.?\s+[0-3]?\d(?:st|nd|rd|th)?,?\s+(?:1[89]|2[01])\d\d\b"
    rf"|\b[0-3]?\d(?:st|nd|rd|th)?\s+(?:{_MONTH_NAMES})\.?,?\s+(?:1[89]|2[01])\d\d\b",
    re.I,
)


def parse_date(text: str) -> str | None:
    """The ISO date at the precision `text` states, or None if it states no valid date."""
    s = " ".join(text.split())
    for form in DATE_FORMS:
        m = form.fullmatch(s) or (form.search(s) if form is not DATE_FORMS[-1] else None)
        if m is None:
            continue
        parts = m.groupdict()
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


def precision(value: str) -> str:
    """'year', 'month' or 'day' for a value made by parse_date."""
    return {4: "year", 7: "month", 10: "day"}.get(len(value), "unknown")
