"""The sentence around a claim's span, so a reviewer sees the fact in its words."""

from __future__ import annotations

import re
from dataclasses import dataclass

_BREAK = re.compile(r"[.!?]\s|\n")


@dataclass(frozen=True)
class Snippet:
    before: str
    match: str
    after: str


def snippet(text: str, start: int, end: int, width: int = 140) -> Snippet:
    """The sentence holding text[start:end], at most `width` characters each side."""
    lo = max(0, start - width)
    head = text[lo:start]
    last = None
    for m in _BREAK.finditer(head):  # the last sentence break before the span
        last = m
    cuts = last is not None
    if last is not None:
        head, lo = head[last.end() :], lo + last.end()
    hi = min(len(text), end + width)
    tail = text[end:hi]
    cut = _BREAK.search(tail)
    if cut:
        tail, hi = tail[: cut.start() + 1], end + cut.start() + 1
    before = (
        ("…" if lo > 0 and not cuts else "")
        + " ".join(head.split())
        + (" " if head[-1:].isspace() else "")
    )
    after = (
        (" " if tail[:1].isspace() else "")
        + " ".join(tail.split())
        + ("…" if hi < len(text) and not cut else "")
    )
    return Snippet(before, text[start:end], after)
