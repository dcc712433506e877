"""Plain numbers (a city's population, a share price, a change): "1,234,567", "1 234 567",
"8.4", "-3", and the forms tables of figures write them in: "1.2M", "3.4 billion", "12.35 mil"
(as quote pages abbreviate), "12.5%", "1.2e6", ".5", "(1.5)" (an accounting negative), "−3"
(a minus sign).

Thousands separators (commas, spaces, thin and no-break spaces) are dropped; a scale word or
letter (k, M, B/bn, T, mil/mln, bil/bln, thousand ... trillion) multiplies; a percent sign is
the unit's, not a hundredth ("12.5%" is 12.5, as the column states it); text that is not one
number is no value. The text parser and the column parser read one pattern, and build the same
decimal text ("1.2e6") that is then converted once, so both give the same float. Used where a
column holds a quantity that is neither money nor a count of something that grows (those have
their own kinds).
"""

from __future__ import annotations

import re

import polars as pl

_SEPARATORS = r"[,\u00a0\u202f\u2009 ]"
_SCALE_EXPONENTS = {
    "k": 3, "thousand": 3,
    "m": 6, "mn": 6, "mio": 6, "mil": 6, "mln": 6, "million": 6,
    "b": 9, "bn": 9, "bil": 9, "bln": 9, "billion": 9,
    "t": 12, "tn": 12, "tril": 12, "trillion": 12,
}  # fmt: skip
_SCALE = "|".join(sorted(_SCALE_EXPONENTS, key=len, reverse=True))
PATTERN = (
    r"(?i)^(?P<sign>[+\-\u2212]?)"
    r"(?P<num>\d{1,3}(?:" + _SEPARATORS + r"\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"(?:e(?P<exp>[+-]?\d{1,3}))?"
    r"(?:\s?(?P<scale>" + _SCALE + r")\b)?"
    r"(?:\s?%)?$"
)
_NUMBER = re.compile(PATTERN)
_PARENS = re.compile(r"^\((.*)\)$")


# How a column writes its decimals. A comma then one, two or four and more digits, or dots
# between groups of three twice, or a dot group then a comma, is a decimal comma ("12,50",
# "1.234.567", "1.234,56"); the mirror forms are a decimal point. A comma or a dot before three
# digits alone ("12,500", "12.500") could be either.
_COMMA_DECIMAL = re.compile(r"\d,(?:\d{1,2}|\d{4,})(?!\d)|\d\.\d{3}\.\d{3}(?!\d)|\d\.\d{3},\d")
_POINT_DECIMAL = re.compile(r"\d\.(?:\d{1,2}|\d{4,})(?!\d)|\d,\d{3},\d{3}(?!\d)|\d,\d{3}\.\d")


def decimal_mark(texts: list[str]) -> str | None:
    """"," when a column writes its decimals with a comma (as much of Europe does): some of its
    texts can only be read so, and none only the other way; "." for the mirror case; None when
    its texts do not tell."""
    comma = any(_COMMA_DECIMAL.search(t) for t in texts)
    point = any(_POINT_DECIMAL.search(t) for t in texts)
    return None if comma == point else "," if comma else "."


_GROUP_DOT, _DECIMAL_COMMA = r"(\d)\.", r"(\d),(\d)"


def point_decimal(text: pl.Expr) -> pl.Expr:
    """A decimal-comma column's text with a decimal point: "1.234,56" -> "1234.56"."""
    return text.str.replace_all(_GROUP_DOT, "${1}").str.replace_all(_DECIMAL_COMMA, "${1}.${2}")


def point_decimal_text(text: str) -> str:
    """`point_decimal` of one text."""
    return re.sub(_DECIMAL_COMMA, r"\1.\2", re.sub(_GROUP_DOT, r"\1", text))


_THOUSANDS = re.compile(r"^(?:'?000s?|\(000s?\)|thousands)$")


def scale_of(unit: str) -> int | None:
    """The power of ten a column's unit scales its bare figures by, when it is a scale ("000s",
    "thousands", "k", "million", "bn": figures "in thousands" as financial tables give them);
    None when it is not."""
    u = unit.strip().lower()
    if _THOUSANDS.match(u):
        return 3
    u = u if u in _SCALE_EXPONENTS else u.removesuffix("s")
    # a letter alone but k names a unit of measure too ("m" metres, "t" tonnes): no scale
    return _SCALE_EXPONENTS.get(u) if len(u) > 1 or u == "k" else None


def parse_number(text: str) -> float | None:
    s = text.strip()
    negative = _PARENS.match(s)
    if negative:
        s = negative[1].strip()
    m = _NUMBER.match(s)
    if not m or (negative and m["sign"]):
        return None
    exponent = int(m["exp"] or 0) + (_SCALE_EXPONENTS[m["scale"].lower()] if m["scale"] else 0)
    sign = "-" if negative or m["sign"] in ("-", "\u2212") else ""
    return float(f"{sign}{re.sub(_SEPARATORS, '', m['num'])}e{exponent}")


def number_expr(text: pl.Expr) -> pl.Expr:
    """`parse_number` over a column of text: Float64, null where it is not a number."""
    s = text.str.strip_chars()
    negative = s.str.contains(_PARENS.pattern)
    s = pl.when(negative).then(s.str.slice(1, s.str.len_chars() - 2).str.strip_chars()).otherwise(s)
    parts = s.str.extract_groups(PATTERN)
    sign = parts.struct.field("sign")
    scale = parts.struct.field("scale").str.to_lowercase()
    exponent = parts.struct.field("exp").cast(pl.Int64, strict=False).fill_null(0)
    exponent += scale.replace_strict(_SCALE_EXPONENTS, default=0, return_dtype=pl.Int64)
    minus = negative | sign.is_in(["-", "\u2212"])
    decimal = pl.concat_str(
        pl.when(minus).then(pl.lit("-")).otherwise(pl.lit("")),
        parts.struct.field("num").str.replace_all(_SEPARATORS, ""),
        pl.lit("e"),
        exponent.cast(pl.String),
    )
    valid = s.str.contains(PATTERN) & ~(negative & (sign != ""))
    return pl.when(valid).then(decimal.cast(pl.Float64, strict=False))
