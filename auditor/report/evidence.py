"""The sentence around a claim's span, so a reviewer sees the fact in its words."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A sentence break: `[.!?]` before white space, or a line break. Written to open on a set of
# characters (sre then skips ahead to the next one in C rather than trying every position);
# `_LAST` is the last break of a stretch: greedy, it backtracks from the stretch's end.
_BREAK = re.compile(r"[\n.!?](?:(?<=\n)|\s)")
_LAST = re.compile(r"(?s:.*)[\n.!?](?:(?<=\n)|\s)")
WIDTH = 140  # the most of a page a context shows each side of its span


@dataclass(frozen=True)
class Snippet:
    before: str
    match: str
    after: str


def snippet(text: str, start: int, end: int, width: int = WIDTH) -> Snippet:
    """The sentence holding text[start:end], at most `width` characters each side."""
    lo = max(0, start - width)
    last = _LAST.match(text, lo, start)  # the last sentence break before the span
    cuts = last is not None
    if last is not None:
        lo = last.end()
    head = text[lo:start]
    hi = min(len(text), end + width)
    cut = _BREAK.search(text, end, hi)
    if cut:
        hi = cut.start() + 1
    tail = text[end:hi]
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
