"""Characters a reviewer cannot see, or that move the text around them, in source text.

C0 controls but tab, line feed and carriage return; DEL; the C1 controls; the bidirectional
marks, embeddings, overrides and isolates. A page holding them could colour, hide or reorder
what a report shows (terminal escapes, a right-to-left override): the HTML and JUnit reports
write each out as `\\x1b` or `\\u202e` (`written_out`), the Markdown summary drops them.
"""

from __future__ import annotations

import re

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


def _name(m: re.Match[str]) -> str:
    code = ord(m[0])
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def written_out(text: str, pattern: re.Pattern[str] = PATTERN) -> str:
    """`text` with each character `pattern` finds written out as the escape naming it. The
    reports' own markup holds none of them, so a whole rendered page may go through at once."""
    return pattern.sub(_name, text)
