"""A Markdown summary short enough for a pull-request comment or $GITHUB_STEP_SUMMARY.

It links nothing outside: the full evidence is in the HTML report uploaded beside it.
"""

from __future__ import annotations

from auditor.report.model import AuditReport

MAX_ITEMS = 20
_ICON = {"error": "🔴", "warning": "🟠", "info": "🔵"}


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")


def render(report: AuditReport) -> str:
    s = report.summary()
    c = s["discrepancies"]
    code = report.exit_code
    verdict = {0: "✅ passes", 1: "❌ fails", 2: "⛔ could not use all input"}[code]
    lines = [
        f"## auditor: {verdict} (fail on {report.fail_on}"
        + (f", baseline {report.baseline}" if report.baseline else "")
        + ")",
        "",
        "| documents | claims | errors | warnings | info | failed expectations | unreadable |",
        "|---:|---:|---:|---:|---:|---:|---:|",
        f"| {s['documents']} | {s['claims']} | {c['error']} | {c['warning']} | {c['info']} | "
        f"{s['expectations']['failed']} / {s['expectations']['evaluated']} | "
        f"{s['document_errors']} |",
        "",
    ]
    shown = [d for d in report.discrepancies if d.severity != "info"]
    shown.sort(key=lambda d: (d.status == "known", d.severity != "error"))
    if shown:
        lines += [
            "| | code | entity | attribute | explanation | status |",
            "|---|---|---|---|---|---|",
        ]
        for d in shown[:MAX_ITEMS]:
            lines.append(
                f"| {_ICON[d.severity]} {d.severity} | {d.code} {d.kind} | {_cell(d.entity)} | "
                f"{_cell(d.attribute)} | {_cell(d.explanation)} | {d.status or ''} |"
            )
        if len(shown) > MAX_ITEMS:
            lines.append(f"\n… and {len(shown) - MAX_ITEMS} more in the HTML report.")
        lines.append("")
    if c["info"]:
        lines.append(
            f"{c['info']} info-level findings (explained differences, coverage gaps) "
            "are listed in the HTML report.\n"
        )
    failed = report.failed_expectations()
    if failed:
        lines.append("**Failed expectations**\n")
        for suite, r in failed[:MAX_ITEMS]:
            lines.append(
                f"- {suite.source} · {suite.suite}: `{r.expectation}` on "
                f"`{r.column}` ({r.severity}) — {_cell(r.details)}"
            )
        lines.append("")
    problems = [d.error for d in report.document_errors] + list(report.errors)
    if problems:
        lines.append("**Input that could not be used**\n")
        lines += [f"- {_cell(p)}" for p in problems]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
