"""A searchable view of a document whose offsets map back to the exact original text.

Pages carry HTML entities (`&nbsp;`, `&amp;`), odd white space and, saved on Windows, "\r\n"
line breaks. Adapters match against the
decoded view; every span is mapped back so that `text[start:end]` of the original document is
the evidence, byte for byte after decoding.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# A line break written "\r\n" (Windows) or "\r" (old Macs) reads as "\n" in the view, and
# white space at a line's end as nothing (a line of spaces is a blank line).
_ENTITY_OR_BREAK = re.compile(_ENTITY.pattern + r"|[ \t]+(?:\r\n?|\n|$)|\r\n?")
# Characters of no width that a page may carry inside a word or a label ("Dir\ufeffector:"):
# none in the view, as a line's trailing white space is none.
_INVISIBLE = "\ufeff\u200b\u2060"
_ENTITY_OR_INVISIBLE = re.compile(_ENTITY.pattern + f"|[{_INVISIBLE}]+")
_ANY = re.compile(_ENTITY_OR_BREAK.pattern + f"|[{_INVISIBLE}]+")
_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
_SPACES += "\u202f\u205f\u3000"


@dataclass(frozen=True)
class TextView:
    """`text` is `original` with entities decoded, exotic spaces made plain, every line
    break a "\n", no white space at a line's end and no character of no width."""

    original: str
    text: str
    # Sorted view offsets where a replaced entity starts, and the matching original offsets.
    _view_starts: tuple[int, ...] = field(repr=False, default=())
    _orig_starts: tuple[int, ...] = field(repr=False, default=())
    _view_lens: tuple[int, ...] = field(repr=False, default=())
    _orig_lens: tuple[int, ...] = field(repr=False, default=())

    @classmethod
    def of(cls, original: str) -> TextView:
        # Most pages have a few dozen entities: one regex scan finds them, and plain text
        # between them is copied in slices. Exotic spaces are replaced (see `_plain`), and
        # only when the text is not plain ASCII (a str.translate table costs a dict lookup a
        # character: most of the time of this function on a 20 kB page).
        parts: list[str] = []
        view_starts: list[int] = []
        orig_starts: list[int] = []
        view_lens: list[int] = []
        orig_lens: list[int] = []
        pos = 0
        vpos = 0
        breaks = "\r" in original or " \n" in original or "\t\n" in original
        invisible = any(c in original for c in _INVISIBLE)
        if breaks:
            scan = _ANY if invisible else _ENTITY_OR_BREAK
        else:
            scan = _ENTITY_OR_INVISIBLE if invisible else _ENTITY
        for m in scan.finditer(original):
            token = m.group(0)
            if token[0] == "&":
                decoded = _decode_entity(token)
            else:
                decoded = "\n" if token[-1] in "\r\n" else ""
            if decoded == token:
                continue
            start = m.start()
            parts.append(original[pos:start])
            vpos += start - pos
            view_starts.append(vpos)
            orig_starts.append(start)
            view_lens.append(len(decoded))
            orig_lens.append(len(token))
            parts.append(decoded)
            vpos += len(decoded)
            pos = m.end()
        text = original if not parts else "".join(parts) + original[pos:]
        return cls(
            original,
            _plain(text),
            tuple(view_starts),
            tuple(orig_starts),
            tuple(view_lens),
            tuple(orig_lens),
        )

    @property
    def mapped(self) -> bool:
        """Whether any view offset differs from its original one (an entity was decoded)."""
        return bool(self._view_starts)

    def to_original(self, offset: int, *, end: bool = False) -> int:
        """Map a view offset to the original; inside an entity, snap outward to cover it."""
        i = bisect_right(self._view_starts, offset) - 1
        if i < 0:
            return offset
        vstart, ostart = self._view_starts[i], self._orig_starts[i]
        vlen, olen = self._view_lens[i], self._orig_lens[i]
        if offset == vstart:
            return ostart
        if offset < vstart + vlen:
            return ostart + olen if end else ostart
        return ostart + olen + (offset - vstart - vlen)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of the view slice [start, end)."""
        return self.to_original(start), self.to_original(end, end=True)


def _plain(text: str) -> str:
    """`text` with exotic spaces made plain (each is one character, so offsets keep). One
    `in` test a space (a C scan) and a replace only for those present: a regex over a page
    that is not plain ASCII costs four to eight times as much."""
    if text.isascii():
        return text
    for space in _SPACES:
        if space in text:
            text = text.replace(space, " ")
    return text


@lru_cache(maxsize=4096)
def _decode_entity(token: str) -> str:
    """One entity decoded (a page repeats the same few: `&nbsp;`, `&amp;`, `&#8211;`)."""
    decoded = html.unescape(token)
    return token if decoded == token else _plain(decoded)
