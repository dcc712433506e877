"""Running times in minutes: "1h 51min", "1 hr. 52 min.", "1 hour, 52 minutes", "111 min",
"111 minutes", ", 1h42", "1:51:00", "17:24" (a short's minutes and seconds), "PT1H51M"."""

from __future__ import annotations

import re

_HM = re.compile(
    r"(?P<h>\d{1,2})\s*(?:h|hrs?|hours?)\.?,?\s*(?:(?:and\s+)?(?P<m>\d{1,2})\s*"
    r"(?:m|mins?|minutes?)?\.?)?",
    re.I,
)
_M = re.compile(r"(?P<m>\d{1,4})\s*(?:m|mins?|minutes?)\.?", re.I)
# As tables and feeds write them: a clock "1:38:00" (h:mm:ss) and ISO 8601 "PT1H38M".
_CLOCK = re.compile(r"(?P<h>\d{1,2}):(?P<m>[0-5]\d):(?P<s>[0-5]\d)")
# A clock of two parts is minutes and seconds when its first part has two digits ("17:24": no
# film runs ten hours); "1:51" (h:mm or m:ss) is not said.
_MS = re.compile(r"(?P<m>\d{2,3}):(?P<s>[0-5]\d)")
_ISO = re.compile(r"PT(?=\d)(?:(?P<h>\d{1,2})H)?(?:(?P<m>\d{1,4})M)?(?:(?P<s>\d{1,5})S)?", re.I)

DURATION_IN_TEXT = re.compile(
    r"\b\d{1,2}\s*(?:hours?|hrs?|h)\.?(?:\s*\d{1,2}\s*(?:minutes?|mins?|m)\b\.?|\d{1,2}\b)?"
    r"|\b\d{1,4}\s*(?:mins?|minutes?)\b\.?",
    re.I,
)


# "approx. 112 minutes", "112 min (approx.)", "ca. 112 min": a running time given as about so
# long is that long (pages round the time they state anyway).
_ABOUT = re.compile(
    r"^(?:approx(?:imately|\.)?|about|around|ca\.|c\.|~)\s*|\s*\((?:approx\.?|approximately)\)$",
    re.I,
)


def parse_duration(text: str) -> int | None:
    """Whole minutes, or None when `text` is not a running time."""
    s = _ABOUT.sub("", text.strip())
    m = _HM.fullmatch(s)
    if m:
        return int(m["h"]) * 60 + int(m["m"] or 0)
    m = _M.fullmatch(s)
    if m:
        return int(m["m"])
    m = _CLOCK.fullmatch(s) or _ISO.fullmatch(s) or _MS.fullmatch(s)
    if m:
        parts = m.groupdict()
        seconds = int(parts.get("h") or 0) * 3600 + int(parts["m"] or 0) * 60 + int(parts["s"] or 0)
        return (seconds + 30) // 60  # to the nearest minute
    return None
