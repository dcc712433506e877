"""Counts with thousands separators: "41,902", "12 406", "1.2 million", "12345.0"."""

from __future__ import annotations

import re

_SCALES = {"thousand": 1_000, "k": 1_000, "million": 1_000_000, "m": 1_000_000}
_COUNT = re.compile(
    r"(?P<num>\d{1,3}(?:[,\u202f\u00a0 ]\d{3})+|\d+(?:\.\d+)?)\s*(?P<scale>thousand|million|k|m)?",
    re.I,
)
_LARGEST = 2**53


def parse_count(text: str) -> int | None:
    m = _COUNT.fullmatch(text.strip())
    if not m:
        return None
    digits = re.sub(r"[,\u202f\u00a0 ]", "", m["num"])
    scale = _SCALES.get((m["scale"] or "").lower(), 1)
    if "." in digits and scale == 1 and digits.rstrip("0")[-1] != ".":
        return None  # a count is whole: "12345.0" (as a table export writes it) is, "7.5" not
    n = float(digits) * scale
    # past 2**53 no count is exact (nor a JSON integer); 400 digits overflow to infinity
    return round(n) if n <= _LARGEST else None
