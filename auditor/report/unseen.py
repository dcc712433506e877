"""Characters a reviewer cannot see, or that move the text around them, in source text.

C0 controls but tab, line feed and carriage return; DEL; the C1 controls; the bidirectional
marks, embeddings, overrides and isolates. A page holding them could colour, hide or reorder
what a report shows (terminal escapes, a right-to-left override): the HTML and JUnit reports
write each out as `\\x1b` or `\\u202e` (`written_out`), the Markdown summary drops them.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

import polars as pl

if TYPE_CHECKING:
    from auditor.report.model import AuditReport

CODES = (
    *range(0x00, 0x09),
    0x0B,
    0x0C,
    *range(0x0E, 0x20),
    *range(0x7F, 0xA0),
    0x200E,
    0x200F,
    *range(0x202A, 0x202F),
    *range(0x2066, 0x206A),
)
CLASS = "".join(f"\\U{c:08x}" for c in CODES)  # inside a pattern's [...]
PATTERN = re.compile(f"[{CLASS}]")
# the same class in the syntax of polars' (Rust's) regex, for the claims' text at once
_RUST_CLASS = "[" + "".join(f"\\x{{{c:x}}}" for c in CODES) + "]"
# the claims' columns of source text, and of names from the sources' files and folders
_TEXT_COLUMNS = ("entity", "source", "document", "attribute", "raw", "value", "qualifier",
                 "context", "column")  # fmt: skip


def _name(m: re.Match[str]) -> str:
    code = ord(m[0])
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def written_out(text: str, pattern: re.Pattern[str] = PATTERN) -> str:
    """`text` with each character `pattern` finds written out as the escape naming it. The
    reports' own markup holds none of them, so a whole rendered page may go through at once."""
    return pattern.sub(_name, text)


def entities_holding(report: AuditReport) -> frozenset[str] | None:
    """The entities whose pages may show a character `PATTERN` finds: those of a claim or a
    document whose text holds one (every value, evidence and finding a page shows is made of
    them). None where what every page may show holds one (the configuration's words, a
    suite's results, an error): then every page. Reading the claims' text with polars spares
    a catalog's pages, most of which hold none, a pass of `written_out` each (14 ms a MB)."""
    everywhere = json.dumps(
        [report.errors, [s.to_dict() for s in report.expectations], report.attributes],
        ensure_ascii=False,
        default=str,
    )
    if PATTERN.search(everywhere):
        return None
    entities: set[str] = set()
    for d in report.documents:
        text = " ".join(str(v) for v in (d.entity, d.source, d.document, d.error, d.note) if v)
        if PATTERN.search(text):
            if d.entity is None:
                return None
            entities.add(d.entity)
    claims = report.claims
    if "entity" not in claims.columns:  # no claims to read: none to spare
        return None if any(d.claims for d in report.documents) else frozenset(entities)
    columns = [c for c in _TEXT_COLUMNS if c in claims.columns]
    if claims.height:
        held = claims.lazy().filter(
            pl.any_horizontal(pl.col(columns).str.contains(_RUST_CLASS).fill_null(False))
        )
        entities.update(held.select(pl.col("entity").unique()).collect().to_series().to_list())
    return frozenset(entities)

