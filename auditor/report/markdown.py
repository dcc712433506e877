"""A Markdown summary for a pull-request comment or $GITHUB_STEP_SUMMARY: short, and inert.

It links nothing outside: the full evidence is in the HTML report uploaded beside it. Text from
sources is made inert (see `inert`), and the whole summary stays under GitHub's comment limit
whatever the catalog's size: the counts, the top findings, then a line saying where the rest is.
"""

from __future__ import annotations

import re

from auditor.report import unseen
from auditor.report.model import AuditReport

MAX_ITEMS = 20
MAX_CELL = 400  # characters of source text in one cell, before escaping
LIMIT = 65_536  # GitHub's limit on a comment body, in characters
BUDGET = LIMIT - 4_096  # what findings may use; the rest is for the closing lines
_ICON = {"error": "🔴", "warning": "🟠", "info": "🔵"}

# What a reviewer cannot see (auditor.report.unseen) is dropped, a next line as a space.
_DROP = {**dict.fromkeys(unseen.CODES), 0x85: " "}
# The ASCII punctuation that can start Markdown syntax anywhere in a line (CommonMark allows
# a backslash before any of it), `:` before `/` (a bare URL's scheme), and `-`, `+`, `=` that
# start the text (a list item or a heading underline), as `)` after a leading number does
# (an ordered list item); the rest stays readable.
_PUNCT = re.compile(r"([!#$&*.<>@\[\\\]_`|~]|:(?=/)|^[-+=])")
_ORDERED = re.compile(r"^(\d+)\)")
# GitHub links `@user`, `#123` and `GH-123` after Markdown is rendered, so escaping does not
# stop it; a word joiner (U+2060, invisible) after the sign does.
_REFERENCE = re.compile(r"(\\[@#]|\b[Gg][Hh]-)(?=\w)")
WORD_JOINER = "\u2060"


def inert(text: object, limit: int = MAX_CELL) -> str:
    """Source text as Markdown that renders as the same text and nothing else, on one line.

    Backslash escapes leave no link, image, emphasis, code span, math, HTML tag or entity,
    autolink, bare URL or table pipe; a word joiner after `@`/`#` leaves no mention or issue
    reference; runs of whitespace (line and paragraph separators too) become one space.
    """
    s = " ".join(str(text).translate(_DROP).split())
    if len(s) > limit:
        s = s[: limit - 1].rstrip() + "…"
    s = _ORDERED.sub(r"\1\\)", _PUNCT.sub(r"\\\1", s))
    return _REFERENCE.sub(lambda m: m[1] + WORD_JOINER, s)


def _size(text: str) -> int:
    """Length as GitHub counts it at most: UTF-16 code units (an emoji is two)."""
    return len(text.encode("utf-16-le")) // 2


class _Budget:
    """Lines added while they fit; what did not fit is counted for the closing line."""

    def __init__(self, used: int) -> None:
        self.used = used
        self.left_out = 0

    def fits(self, line: str) -> bool:
        if self.left_out or self.used + _size(line) + 1 > BUDGET:
            self.left_out += 1
            return False
        self.used += _size(line) + 1
        return True


def render(report: AuditReport) -> str:
    s = report.summary()
    c = s["discrepancies"]
    code = report.exit_code
    verdict = {0: "✅ passes", 1: "❌ fails", 2: "⛔ could not use all input"}[code]
    lines = [
        f"## auditor: {verdict} (fail on {report.fail_on}"
        + (f", baseline {inert(report.baseline)}" if report.baseline else "")
        + ")",
        "",
        "| documents | claims | errors | warnings | info | failed expectations | unreadable |",
        "|---:|---:|---:|---:|---:|---:|---:|",
        f"| {s['documents']} | {s['claims']} | {c['error']} | {c['warning']} | {c['info']} | "
        f"{s['expectations']['failed']} / {s['expectations']['evaluated']} | "
        f"{s['document_errors']} |",
        "",
    ]
    budget = _Budget(sum(_size(line) + 1 for line in lines))
    rest: list[str] = []
    shown = [d for d in report.discrepancies if d.severity != "info"]
    shown.sort(key=lambda d: (d.status == "known", d.severity != "error"))
    if shown:
        lines += [
            "| | code | entity | attribute | explanation | status |",
            "|---|---|---|---|---|---|",
        ]
        rows = [
            f"| {_ICON[d.severity]} {d.severity} | {d.code} {d.kind} | {inert(d.entity)} | "
            f"{inert(d.attribute)} | {inert(d.explanation)} | {d.status or ''} |"
            for d in shown[:MAX_ITEMS]
        ]
        kept = [row for row in rows if budget.fits(row)]
        lines += kept
        if more := len(shown) - len(kept):
            rest.append(f"{more} more warning and error findings")
        lines.append("")
    if c["info"]:
        lines.append(
            f"{c['info']} info-level findings (explained differences, coverage gaps) "
            "are listed in the HTML report.\n"
        )
    failed = report.failed_expectations()
    if failed:
        lines.append("**Failed expectations**\n")
        items = [
            f"- {inert(suite.source)} · {inert(suite.suite)}: {inert(r.expectation)} on "
            f"{inert(r.column)} ({inert(r.severity)}) — {inert(r.details)}"
            for suite, r in failed[:MAX_ITEMS]
        ]
        kept = [item for item in items if budget.fits(item)]
        lines += kept
        if len(failed) > len(kept):
            rest.append(f"{len(failed) - len(kept)} more failed expectations")
        lines.append("")
    problems = [d.error for d in report.document_errors] + list(report.errors)
    if problems:
        lines.append("**Input that could not be used**\n")
        items = [f"- {inert(p)}" for p in problems[:MAX_ITEMS]]
        kept = [item for item in items if budget.fits(item)]
        lines += kept
        if len(problems) > len(kept):
            rest.append(f"{len(problems) - len(kept)} more unusable inputs")
        lines.append("")
    if rest:
        lines.append(
            "… and " + "; ".join(rest) + ": the full lists are in report.html and report.json "
            "in the same reports folder."
        )
        lines.append("")
    lines.append(f"<sub>auditor run `{report.run}`</sub>" if report.run else "")
    return "\n".join(lines).rstrip() + "\n"
