"""Quantities with units of measure: "1.2 kg", "1200 g", "2.65 lbs", "5 ft 11 in", '11.8"',
"-1.25%".

A number attribute that declares its unit (`unit = "g"`) keeps every value in that unit: a
cell in another unit of the same dimension (mass, length, volume, power, data, ratio: a
percentage, a fraction, basis points) is converted,
a bare number is in the column's unit (else the attribute's), and a unit of another dimension
is no value. Conversion factors are exact by definition (the international pound and inch,
the US fluid ounce and gallon); a converted figure is rounded to what its source's last digit
is worth, so that "2.65 lb" is 1,202 g rather than a false 1,202.0198 g.
"""

from __future__ import annotations

import math
import re

from auditor.normalize.numbers import parse_number

# unit -> (dimension, size in the dimension's base unit); looked up lower-cased
_UNITS: dict[str, tuple[str, float]] = {}
for _dimension, _table in {
    "mass": {
        ("mg", "milligram", "milligrams"): 1e-3,
        ("g", "gr", "gram", "grams", "gramme", "grammes"): 1.0,
        ("kg", "kgs", "kilo", "kilos", "kilogram", "kilograms"): 1e3,
        ("t", "tonne", "tonnes"): 1e6,
        ("oz", "ounce", "ounces"): 28.349523125,
        ("lb", "lbs", "pound", "pounds"): 453.59237,
        ("st", "stone"): 6350.29318,
    },
    "length": {
        ("mm", "millimetre", "millimetres", "millimeter", "millimeters"): 1e-3,
        ("cm", "centimetre", "centimetres", "centimeter", "centimeters"): 1e-2,
        ("m", "metre", "metres", "meter", "meters"): 1.0,
        ("km", "kilometre", "kilometres", "kilometer", "kilometers"): 1e3,
        ("in", "inch", "inches", '"', "″", "''"): 0.0254,
        ("ft", "foot", "feet", "'", "′"): 0.3048,
        ("yd", "yard", "yards"): 0.9144,
        ("mi", "mile", "miles"): 1609.344,
    },
    "volume": {
        ("ml", "millilitre", "millilitres", "milliliter", "milliliters"): 1e-3,
        ("cl",): 1e-2,
        ("dl",): 1e-1,
        ("l", "litre", "litres", "liter", "liters"): 1.0,
        ("fl oz", "fl. oz.", "fl. oz", "floz"): 0.0295735295625,
        ("gal", "gallon", "gallons"): 3.785411784,
    },
    "power": {("mw",): 1e-3, ("w", "watt", "watts"): 1.0, ("kw", "kilowatt", "kilowatts"): 1e3},
    "data": {("b", "byte", "bytes"): 1.0, ("kb",): 1e3, ("mb",): 1e6, ("gb",): 1e9, ("tb",): 1e12},
    # a share: "-1.25%", "-0.0125" in a column of `unit = "fraction"`, "125 bp"
    "ratio": {
        ("fraction", "ratio"): 1.0,
        ("%", "percent", "per cent", "pct"): 1e-2,
        ("‰", "permille", "per mille"): 1e-3,
        ("bp", "bps", "basis point", "basis points"): 1e-4,
    },
}.items():
    for _names, _size in _table.items():
        for _name in _names:
            _UNITS[_name] = (_dimension, _size)

# The unit a bare figure after a larger one is in ("5'11": inches after feet)
_SMALLER = {u: "in" for u in ("ft", "foot", "feet", "'", "′")}
_SMALLER |= {u: "oz" for u in ("lb", "lbs", "pound", "pounds")}

_PARENS = re.compile(r"^\(\s*([^()]*?)\s*\)$")
_UNIT = "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))
# one figure and its unit; a quantity is one or more of them ("5 ft 11 in", "2 lb 3 oz")
_PART = re.compile(
    r"(?P<num>[+\-\u2212]?(?:\d[\d,.\u00a0\u202f ]*\d|\d)|[+\-]?\.\d+)"
    rf"\s*(?P<unit>{_UNIT})(?![a-z])",
    re.I,
)


def unit_of(name: str) -> tuple[str, float] | None:
    """(dimension, size in its base unit) of a unit's name or symbol; None when unknown."""
    return _UNITS.get(name.strip().lower())


def quantity(text: str, unit: str, bare: str | None = None) -> float | None:
    """`text`'s quantity in `unit` (a name `unit_of` knows): a number with a unit of the same
    dimension (several added: "5 ft 11 in"), or a bare number in `bare` (default: `unit`);
    None when the text is no such quantity. The text's numbers use a decimal point."""
    dimension, size = _UNITS[unit.strip().lower()]
    s = " ".join(text.split())
    negative = _PARENS.match(s)
    if negative:  # an accounting negative: "(1.25%)", "(2.5 kg)"
        n = quantity(negative[1], unit, bare)
        return None if n is None or n < 0 else -n
    total, step, at, last = 0.0, math.inf, 0, ""
    for m in _PART.finditer(s):
        if s[at : m.start()].strip(" ,+&") != "" and not _and(s[at : m.start()]):
            return None
        n = parse_number(m["num"])
        found = _UNITS[m["unit"].lower()]
        if n is None or found[0] != dimension:
            return None
        total += n * found[1]
        step = min(step, found[1] * _last_digit(m["num"]))
        at, last = m.end(), m["unit"]
    if at == 0:
        n = parse_number(s)
        found = _UNITS.get((bare or unit).strip().lower())
        if n is None or found is None or found[0] != dimension:
            return None
        if found[1] == size:
            return n
        return _rounded(n * found[1] / size, found[1] * _last_digit(s) / size)
    rest = s[at:].strip()
    if rest:
        # the smaller unit left unwritten after a larger one: "5'11", "5 ft 11", "2 lb 3"
        smaller = _SMALLER.get(last.lower())
        n = parse_number(rest) if smaller else None
        if n is None:
            return None
        total += n * _UNITS[smaller][1]
        step = min(step, _UNITS[smaller][1] * _last_digit(rest))
    return _rounded(total / size, step / size)


def _and(gap: str) -> bool:
    return gap.strip().lower() in ("and",)


def _last_digit(number: str) -> float:
    """What the last digit a figure writes is worth ("2.65": 0.01, "1200": 1)."""
    decimals = re.search(r"\.(\d+)\D*$", number.strip())
    return 10.0 ** -len(decimals[1]) if decimals else 1.0


def _rounded(value: float, step: float) -> float:
    """A converted figure rounded to the power of ten at or below what its source's last digit
    is worth in the new unit (0.01 lb is 4.5 g: to the gram), so that it claims no precision
    its source did not state."""
    if value == 0 or not math.isfinite(value) or not step > 0:
        return value
    return round(value, -math.floor(math.log10(step)))
