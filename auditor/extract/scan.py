"""`finditer` for a pattern that is an alternation of words, by `str.find` on each word.

sre scans for `released|opened|premiered|...` by trying the whole alternation at every
character that opens one of its words (a third of a page's letters), some 300 µs over an
article; `str.find` skips to each word's places in C, a few µs a word. The pattern is then
matched at those places only, left to right, each past the previous match: the matches
`finditer` gives, since every match opens with one of the words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from re import _constants as sre  # the stdlib's own parse tree (Python >= 3.11)
from re import _parser


def finditer_spans(rx: re.Pattern[str], text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of `rx.finditer(text, start, end)`."""
    words = opening_words(rx)
    if words is None:
        return [m.span() for m in rx.finditer(text, start, end)]
    places = set()
    find = text.find
    for word in words:
        i = find(word, start, end)
        while i >= 0:
            places.add(i)
            i = find(word, i + 1, end)
    return [m.span() for m in matches_at(rx, text, places, start, end)]


def matches_at(
    rx: re.Pattern[str], text: str, places: Iterable[int], start: int, end: int
) -> list[re.Match[str]]:
    """`list(rx.finditer(text, start, end))` when every match opens at one of `places`: the
    pattern matched at each place, left to right, each past the previous match."""
    found = []
    past = start
    match = rx.match
    for p in sorted(set(places)):
        if p < past:
            continue
        m = match(text, p, end)
        if m is not None:
            found.append(m)
            past = max(m.end(), p + 1)
    return found


@lru_cache(maxsize=64)
def opening_words(rx: re.Pattern[str]) -> tuple[str, ...] | None:
    """Strings one of which opens every match of `rx`, or None when that cannot be told
    (a case-insensitive pattern, one that may open with a class or a repeat, or an empty
    match)."""
    if rx.flags & re.IGNORECASE:
        return None
    try:
        tree = _parser.parse(rx.pattern, rx.flags)
    except Exception:  # noqa: BLE001 - a parser that changed: scan as sre does
        return None
    words = _lead(list(tree))
    if not words:
        return None
    return tuple(sorted(w for w in words if not any(w.startswith(v) for v in words - {w})))


def _lead(items: list) -> set[str] | None:
    head = []
    for op, av in items:
        if op is sre.LITERAL:
            head.append(chr(av))
            continue
        if op is sre.SUBPATTERN and not av[1] and not av[2]:  # a group setting no flags
            rest = _lead(list(av[3]))
            return _joined(head, rest)
        if op is sre.BRANCH:
            rests = [_lead(list(branch)) for branch in av[1]]
            if all(rests):
                return {w for rest in rests for w in _joined(head, rest)}  # type: ignore[union-attr]
        break
    return {"".join(head)} if head else None


def _joined(head: list[str], rest: set[str] | None) -> set[str] | None:
    if rest:
        return {"".join(head) + r for r in rest}
    return {"".join(head)} if head else None


def word_at(text: str, i: int) -> bool:
    """Whether text[i] is a word character (`\\w`: alphanumeric or "_"); False past the end."""
    return i < len(text) and (text[i].isalnum() or text[i] == "_")


def has_word(text: str, word: str) -> bool:
    """`re.search(rf"(?<!\\w){re.escape(word)}(?!\\w)", text)` by `str.find`: no pattern
    compiled for each word (a catalog's names are mostly new to re's cache)."""
    i = text.find(word)
    while i >= 0:
        if not (i and word_at(text, i - 1)) and not word_at(text, i + len(word)):
            return True
        i = text.find(word, i + 1)
    return False

