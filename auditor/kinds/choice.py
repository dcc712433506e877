"""An answer picked from a few (yes or no, one of five classes, a rating of a form's scale):
compared as text, folded, and learned as such: a guess is often right, so a source's
reliability is its skill beyond what guessing gets right (auditor.truth)."""

from __future__ import annotations

from auditor.kinds.base import Learned, ValueKind
from auditor.kinds.text import KIND as TEXT

KIND = ValueKind(
    name="choice",
    parse=TEXT.parse,
    cells=TEXT.cells,
    typed=TEXT.typed,
    column=TEXT.column,
    comparator=TEXT.comparator,
    compares_as="text",
    truth=Learned("choice"),
    cased=True,
)
