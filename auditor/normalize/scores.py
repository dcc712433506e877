"""Scores with their scale: "7.1/10", "7,1/10", "71/100", "78%", "71 out of 100", "71 metascore",
"4/5 stars", "4.3/5.0", "★★★½☆"."""

from __future__ import annotations

import math
import re

_SLASH = re.compile(
    r"(?P<v>\d+(?:[.,]\d+)?)\s*(?:/|out of)\s*(?P<s>\d+)(?:[.,]0+)?"
    r"(?:\s*(?:stars?|points?|pts\.?))?",
    re.I,
)
# Stars drawn: full ones, a half, then empty ones up to the scale ("★★★½☆"); without the
# empty stars the scale is not said.
_STARS = re.compile(r"(?P<full>[★✭✮⭐]*)(?P<half>½|⯪|⯨)?(?P<empty>[☆✩]+)")
_PERCENT = re.compile(r"(?P<v>\d+(?:\.\d+)?)\s*%")


def number(text: str) -> int | float:
    """An int when the number is integral, so that 82 and 82.0 have one JSON form."""
    f = float(text)
    return int(f) if f.is_integer() else f


def parse_score(text: str) -> dict | None:
    """{"value": v, "scale": s} with v within [0, s], or None."""
    s = text.strip()
    m = _SLASH.fullmatch(s)
    stars = _STARS.fullmatch(s.replace(" ", ""))
    if m:
        value, scale = number(m["v"].replace(",", ".")), number(m["s"])
    elif stars:
        full, half = len(stars["full"]), 1 if stars["half"] else 0
        value, scale = number(str(full + half / 2)), full + half + len(stars["empty"])
    else:
        m = _PERCENT.fullmatch(s)
        if not m:
            return None
        value, scale = number(m["v"]), 100
    if not 0 < scale < math.inf or value > scale:  # 400 digits overflow to infinity
        return None
    return {"value": value, "scale": scale}
