"""What every adapter shares: the adapter contract and the collector that keeps spans honest."""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Iterator
from typing import Any, ClassVar

from auditor.claims import EDITORIAL, Claim
from auditor.documents import DocumentRef
from auditor.report.evidence import around
from auditor.textview import TextView


class Collector:
    """Collects one document's claims; offsets given in the view, stored in the original, each
    claim with its context (the sentence around its span in the original)."""

    def __init__(self, ref: DocumentRef, view: TextView) -> None:
        self.ref = ref
        self.view = view
        self.claims: list[Claim] = []
        # The running texts (plots, storylines) characters were read from, as view offsets:
        # a lower-cased page reads them again with the names its film's other pages give.
        self.name_texts: list[tuple[int, int]] = []

    def add(
        self,
        attribute: str,
        start: int,
        end: int,
        value: Any,
        qualifier: str | None = None,
        origin: str = EDITORIAL,
    ) -> None:
        """Record a fact stated by view[start:end]; a value that failed to parse is no fact."""
        if value is None or value == "" or end <= start:
            return
        view = self.view
        if view.mapped:
            start, end = view.span(start, end)
        text = view.original
        raw = text[start:end]
        # The sentence around the span, so reports need not read the page again.
        before, after = around(text, start, end)
        ref = self.ref
        self.claims.append(
            Claim(
                ref.entity,
                ref.source,
                ref.relpath,
                attribute,
                raw,
                value,
                qualifier,
                start,
                end,
                origin,
                None,
                None,
                before + raw + after,
                len(before),
            )
        )

    def add_group(
        self, attribute: str, m: re.Match, group: str | int, value: Any, **kw: Any
    ) -> None:
        if m.group(group) is not None:
            self.add(attribute, m.start(group), m.end(group), value, **kw)

    def values(self, attribute: str, origin: str = EDITORIAL) -> list[Any]:
        return [c.value for c in self.claims if c.attribute == attribute and c.origin == origin]


class Adapter(ABC):
    """Reads one page template. Subclasses set `name`, `description` and `footer`."""

    name: ClassVar[str]
    description: ClassVar[str]
    # Text the template always has near its end: without it the capture was cut short.
    footer: ClassVar[re.Pattern[str]]
    # Whether the template keeps capitals (the flattened IMDb page lower-cases everything).
    cased: ClassVar[bool] = True

    @abstractmethod
    def recognise(self, view: TextView) -> bool:
        """True when `view` is a page of this template."""

    @abstractmethod
    def extract(self, view: TextView, out: Collector) -> None:
        """Add every fact the page states about its own film to `out`."""

    def truncated(self, view: TextView) -> bool:
        # The footer is near the end: look there first, then (only if not there) everywhere.
        text = view.text
        tail = max(0, len(text) - 4000)
        return self.footer.search(text, tail) is None and self.footer.search(text) is None


def split_items(
    text: str, start: int, end: int, sep: str = r"\s*(?:,|\||;|\band\b)\s*"
) -> Iterator[tuple[int, int]]:
    """Offsets of the non-empty items of text[start:end] split on `sep`, trimmed. A separator
    inside a parenthesis closed in the range splits nothing: a note lists its own items
    ('X (segments "A", "B"), Y')."""
    pos, chunk = start, text[start:end]
    for m in re.finditer(sep, chunk):
        if "(" in chunk and _in_parenthesis(chunk, m.start()):
            continue
        if "," in m.group() and _SUFFIX.match(chunk, m.end()):
            continue  # "Dario Quon, Jr.": the name's suffix, no item of its own
        yield from _trimmed(text, pos, start + m.start())
        pos = start + m.end()
    yield from _trimmed(text, pos, end)


# A name's suffix, which some pages write after a comma: "Jr.", "Sr.", "III"
_SUFFIX = re.compile(r"(?:[JS]r\.?|I{2,3}|IV)(?![\w'’-])")


def _in_parenthesis(chunk: str, at: int) -> bool:
    return chunk.count("(", 0, at) > chunk.count(")", 0, at) and ")" in chunk[at:]


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    chunk = text[start:end]
    left = len(chunk) - len(chunk.lstrip(" \t\n.,;:|"))
    right = len(chunk.rstrip(" \t\n,;:|"))
    if right > left:
        yield start + left, start + right


def find(
    pattern: str | re.Pattern[str],
    text: str,
    start: int = 0,
    end: int | None = None,
    flags: int = 0,
) -> re.Match[str] | None:
    rx = pattern if isinstance(pattern, re.Pattern) else re.compile(pattern, flags)
    return rx.search(text, start, len(text) if end is None else end)


def opens_word(pattern: str) -> str:
    """`\\b` + `pattern`, for a pattern that opens on a literal word character, written so that
    a scan can jump from one occurrence of that character to the next (sre cannot skip ahead
    over a pattern that opens on `\\b`: such a scan tries every position, twenty to a hundred
    times slower on a page). The boundary is checked just after the character: the one
    before it is no word character."""
    assert re.fullmatch(r"[^\W\d_]", pattern[0]), pattern
    return pattern[0] + r"(?<!\w.)" + pattern[1:]


def opens_line(first: str, rest: str) -> str:
    """`^` + re.escape(first) + `rest` under re.M, for a pattern that opens on the literal
    character `first`, written so that a scan can jump from one occurrence of it to the next
    (a scan for a pattern that opens on `^` tries every position): the line start is checked
    just after the character, as "no character but a newline before it"."""
    assert len(first) == 1 and first != "\n", first
    return re.escape(first) + r"(?<![^\n]" + re.escape(first) + ")" + rest


# A television film's credit for its script written out ("written for television by X",
# IMDb's "(written for television by)"): the teleplay's, as "teleplay by X" is.
FOR_TELEVISION = r"written for (?:television|tv)"


def writing_role(role: str) -> str:
    """A writing credit's role, lower-case, as the claims name it; the work's title quoted
    after it ('novel "The Tower"') names the source, no part of the role."""
    role = re.sub(r"\s+[\"\u201c][^\"\u201d]*[\"\u201d]$", "", role.strip())
    role = role.lower().removesuffix(" by")
    return "teleplay" if re.fullmatch(FOR_TELEVISION, role) else role
