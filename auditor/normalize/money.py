"""Money: points and ranges, estimates and scopes.

"$14,500,000 (estimated)", "$12–16 million", "$38.7 million", "$23,416,882 (USA)", "$41.3M".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditor.normalize.places import canonical_country

_CURRENCY = {"$": "USD", "us$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY"}
_SCALE = {
    "": 1,
    "thousand": 10**3,
    "k": 10**3,
    "million": 10**6,
    "m": 10**6,
    "mn": 10**6,
    "billion": 10**9,
    "bn": 10**9,
    "b": 10**9,
}
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_MONEY = re.compile(
    rf"(?P<cur>US\$|[$£€¥])\s*(?P<low>{_NUM})"
    rf"(?:\s*(?P<lowscale>million|billion|thousand|mn|bn|[mkb])\b)?"
    rf"(?:\s*(?:[-–—]|to)\s*(?:US\$|[$£€¥])?\s*(?P<high>{_NUM}))?"
    r"(?:\s*(?P<scale>million|billion|thousand|mn|bn|[mkb])\b)?"
    r"(?:\s*\((?P<note>[^)]{1,40})\))?",
    re.I,
)
MONEY_IN_TEXT = re.compile(_MONEY.pattern, re.I)


@dataclass(frozen=True)
class Money:
    low: int
    high: int
    currency: str
    note: str | None  # what the parentheses said: "estimated", "USA", "worldwide" ...

    @property
    def estimated(self) -> bool:
        return bool(self.note and self.note.strip().lower() in {"estimated", "est.", "est"})

    @property
    def scope(self) -> str | None:
        """The territory a gross is for, when the parentheses name one."""
        if not self.note or self.estimated:
            return None
        note = self.note.strip().lower()
        return "worldwide" if note in {"worldwide", "world", "global"} else canonical_country(note)


def _amount(num: str, scale: str | None) -> int:
    return round(float(num.replace(",", "")) * _SCALE[(scale or "").lower()])


def parse_money(text: str) -> Money | None:
    m = _MONEY.fullmatch(" ".join(text.split()))
    if not m:
        return None
    scale = m["scale"] or m["lowscale"]
    low = _amount(m["low"], m["lowscale"] or scale)
    high = _amount(m["high"], scale) if m["high"] else low
    if high < low:
        return None
    currency = _CURRENCY[m["cur"].lower() if m["cur"].lower() == "us$" else m["cur"]]
    return Money(low, high, currency, m["note"])
