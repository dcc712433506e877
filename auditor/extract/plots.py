"""A lower-cased page's plot texts, carried in its extraction result, so that sharing names
(auditor.extract.shared) reads them again with its film's names without reading the page again.

Each text keeps its stretch of the view from one character before it (a name's pattern looks
one character behind), its stretch of the original as far as a claim's context reaches each side
(`evidence.WIDTH`), the entity offsets that map the one to the other, and its words. `view()`
rebuilds a TextView with those stretches at their offsets, blank between them where nothing
looks: a claim made from it has the span and context it would have on the whole page.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from auditor.extract.mentions import _tokens
from auditor.normalize.names import fold
from auditor.report.evidence import WIDTH
from auditor.textview import TextView

_RUN = re.compile(r"\w+")

Stretches = tuple[tuple[int, str], ...]  # (offset, text), sorted and disjoint


@dataclass(frozen=True)
class PlotTexts:
    words: frozenset[str]  # every key a one-word name could be looked up by in the texts
    view: Stretches
    original: Stretches
    length: int  # of the original
    entities: tuple[tuple[int, int, int, int], ...]  # (view start, original start, lengths)

    @classmethod
    def of(cls, view: TextView, spans: Sequence[tuple[int, int]]) -> PlotTexts:
        """What the texts at `spans` (view offsets) need kept of `view`."""
        text, original = view.text, view.original
        lo, hi = min(s for s, _ in spans), max(e for _, e in spans)
        first = max(0, bisect_right(view._view_starts, lo) - 1)
        last = bisect_right(view._view_starts, hi)
        entities = tuple(
            zip(
                view._view_starts[first:last],
                view._orig_starts[first:last],
                view._view_lens[first:last],
                view._orig_lens[first:last],
                strict=True,
            )
        )
        return cls(
            vocabulary(text, spans),
            _stretches(text, [(max(0, s - 1), e) for s, e in spans]),
            _stretches(
                original,
                [
                    (max(0, view.to_original(s) - WIDTH),
                     min(len(original), view.to_original(e, end=True) + WIDTH))
                    for s, e in spans
                ],
            ),
            len(original),
            entities,
        )

    def text_view(self) -> TextView:
        """A view with the kept stretches at their offsets (spaces elsewhere)."""
        columns = tuple(zip(*self.entities, strict=True)) or ((), (), (), ())
        return TextView(
            _assemble(self.original, self.length),
            _assemble(self.view, self.view[-1][0] + len(self.view[-1][1])),
            *columns,
        )

    def dumps(self) -> str:
        """As JSON text, for the claims cache."""
        return json.dumps(
            [sorted(self.words), self.view, self.original, self.length, self.entities],
            ensure_ascii=False,
        )

    @classmethod
    def loads(cls, text: str) -> PlotTexts:
        words, view, original, length, entities = json.loads(text)
        return cls(
            frozenset(words),
            tuple(map(tuple, view)),
            tuple(map(tuple, original)),
            length,
            tuple(map(tuple, entities)),
        )


def vocabulary(text: str, spans: Sequence[tuple[int, int]]) -> frozenset[str]:
    """The folded words of the texts (with and without a possessive 's) and of their runs of
    word characters: every key a one-word name could be looked up by there."""
    words: set[str] = set()
    for start, end in spans:
        t = _tokens(text, start, end)
        words.update(t.folds)
        words.update(fold(w) for w in _RUN.findall(text, start, end))
    words.update([w[:-2] for w in words if w.endswith("'s")])
    return frozenset(words)


def _stretches(text: str, bounds: list[tuple[int, int]]) -> Stretches:
    merged: list[list[int]] = []
    for s, e in sorted(bounds):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return tuple((s, text[s:e]) for s, e in merged)


def _assemble(stretches: Stretches, length: int) -> str:
    parts, pos = [], 0
    for offset, text in stretches:
        parts += [" " * (offset - pos), text]
        pos = offset + len(text)
    parts.append(" " * (length - pos))
    return "".join(parts)
