"""The discrepancy articles of an entity's HTML, written directly rather than through Jinja.

They are most of a catalog's entity pages (a dozen escaped fields per piece of evidence, tens
of thousands of pages): Jinja's per-field `escape` makes a Markup object each time, which cost
more than everything else on the page. This is the same markup, byte for byte, as the
template wrote (tests/test_report_pages.py renders both), escaped the way markupsafe escapes.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup

from auditor.report.view import DiscrepancyView, EvidenceView

_TABLE = (
    '      <table class="evidence">\n        <thead><tr><th scope="col">source</th>'
    '<th scope="col">value</th><th scope="col">qualifier</th><th scope="col">evidence</th>'
    "</tr></thead>\n        <tbody>\n"
)
_END = "        </tbody>\n      </table>\n    </article>\n"


def esc(value: object) -> str:
    """markupsafe.escape, as a plain string."""
    if type(value) is str:
        return _escape(value)
    if hasattr(value, "__html__"):
        return str(value.__html__())  # already markup
    return _escape(str(value))


def _replace(text: str) -> str:
    return (
        text.replace("&", "&amp;")
        .replace(">", "&gt;")
        .replace("<", "&lt;")
        .replace("'", "&#39;")
        .replace('"', "&#34;")
    )


try:  # markupsafe's own C escaper, where it was built
    from markupsafe._speedups import _escape_inner as _escape
except ImportError:  # pragma: no cover - the pure-Python install
    _escape = _replace


def articles(items: Sequence[DiscrepancyView]) -> Markup:
    """The articles of one severity's discrepancies (the template adds the last newline)."""
    out: list[str] = []
    for d in items:
        _article(d, out)
    text = "".join(out)
    return Markup(text[:-1] if text.endswith("\n") else text)


def _article(d: DiscrepancyView, out: list[str]) -> None:
    sev, code, attribute, id_ = esc(d.severity), esc(d.code), esc(d.attribute), esc(d.id)
    status = f' <span class="badge {esc(d.status)}">{esc(d.status)}</span>' if d.status else ""
    out.append(
        f'    <article class="disc {sev}" id="d-{id_}" data-severity="{sev}" '
        f'data-code="{code}" data-attribute="{attribute}">\n'
        f'      <h4><span class="badge {sev}">{sev}</span> <code>{code}</code> '
        f"{esc(d.kind)} · {attribute}{status} "
        f'<span class="id">#{id_}</span></h4>\n'
        f'      <p class="explanation">{esc(d.explanation)}</p>\n'
    )
    if d.resolved:
        conf = (
            ""
            if d.confidence is None
            else f' <span class="conf">(confidence {esc("%.0f" % (d.confidence * 100))}%)</span>'
        )
        out.append(f"<p>Most likely: <strong>{esc(d.resolved)}</strong>{conf}</p>")
    out.append(_TABLE)
    for c in d.evidence:
        _evidence(c, out)
    out.append(_END)


def _evidence(c: EvidenceView, out: list[str]) -> None:
    user = ' <span class="badge known">user review</span>' if c.origin == "user" else ""
    quote = ""
    if c.snippet:
        s = c.snippet
        quote = f"{esc(s.before)}<mark>{esc(s.match)}</mark>{esc(s.after)}"
    if c.cell:
        where = f"{esc(c.document)} row {esc(c.cell[0])}, column {esc(c.cell[1])}"
    elif c.span:
        where = f"{esc(c.document)} [{esc(c.span[0])}:{esc(c.span[1])}]"
    else:  # the template's undefined span[0] wrote nothing
        where = f"{esc(c.document)} [:]"
    out.append(
        f"          <tr><td>{esc(c.source)}{user}</td><td>{esc(c.value)}</td>"
        f"<td>{esc(c.qualifier or '')}</td>\n"
        f'          <td class="quote">{quote}<br><span class="id">{where}</span></td></tr>\n'
    )
