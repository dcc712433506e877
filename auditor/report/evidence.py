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
    before, after = around(text, start, end, width)
    return Snippet(before, text[start:end], after)


def around(text: str, start: int, end: int, width: int = WIDTH) -> tuple[str, str]:
    """What `snippet` shows before and after text[start:end], as two strings (no object:
    extraction makes a context for every claim)."""
    lo = start - width if start > width else 0
    last = _LAST.match(text, lo, start)  # the last sentence break before the span
    if last is not None:
        head = text[last.end() : start]
        before = " ".join(head.split())
    else:
        head = text[lo:start]
        before = ("…" if lo > 0 else "") + " ".join(head.split())
    if head[-1:].isspace():
        before += " "
    size = len(text)
    hi = end + width if end + width < size else size
    cut = _BREAK.search(text, end, hi)
    if cut:
        hi = cut.start() + 1
    tail = text[end:hi]
    after = " ".join(tail.split())
    if tail[:1].isspace():
        after = " " + after
    if hi < size and not cut:
        after += "…"
    return before, after

