"""The discrepancy articles and the matrix rows of an entity's HTML, written directly rather
than through Jinja.

They are most of a catalog's entity pages (a dozen escaped fields per piece of evidence, tens
of thousands of pages): Jinja's per-field `escape` makes a Markup object each time, which cost
more than everything else on the page. This is the same markup, byte for byte, as the
template wrote (tests/test_report_pages.py renders both), escaped the way markupsafe escapes.

Each claim's evidence row is made column-wise from the claim store's frame (`evidence_rows`,
polars string expressions over every claim at once), before the pages are: a page then joins
its rows, and no claim becomes a Python object.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import polars as pl
from markupsafe import Markup

if TYPE_CHECKING:  # the view builds its evidence rows here: no import cycle at run time
    from auditor.report.view import DiscrepancyView, EntityView, EvidenceView

_TABLE = (
    '      <table class="evidence">\n        <thead><tr><th scope="col">source</th>'
    '<th scope="col">value</th><th scope="col">qualifier</th><th scope="col">evidence</th>'
    "</tr></thead>\n        <tbody>\n"
)
_END = "        </tbody>\n      </table>\n    </article>\n"
_USER = ' <span class="badge known">user review</span>'


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


def matrix(e: EntityView) -> Markup:
    """The rows of the attribute × source matrix, each line as the template wrote it."""
    out: list[str] = []
    sources = e.sources
    for r in e.rows:
        out.append(
            f'      <tr data-attribute="{esc(r.attribute)}"><th scope="row">{esc(r.label)}</th>\n'
        )
        for s in sources:
            c = r.cells.get(s)
            if c is None:
                out.append('<td class=""><span class="muted">—</span></td>')
            elif c.mark:
                mark = esc(c.mark)
                out.append(
                    f'<td class="{mark}" data-disagree="{mark}">{esc(", ".join(c.values))}</td>'
                )
            else:
                out.append(f'<td class="">{esc(", ".join(c.values))}</td>')
        conf = (
            ""
            if r.confidence is None
            else f' <span class="conf">({esc(percent(r.confidence))})</span>'
        )
        out.append(f'      <td class="resolved">{esc(r.resolved)}{conf}</td></tr>\n')
    return Markup("".join(out))


def percent(confidence: float) -> str:
    """A confidence as a reviewer reads it: whole percents, but never "100%" for what is not
    certain nor "0%" for what is possible (">99%", "<1%")."""
    shown = f"{confidence * 100:.0f}%"
    if shown == "100%" and confidence < 1:
        return ">99%"
    if shown == "0%" and confidence > 0:
        return "<1%"
    return shown


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
            else f' <span class="conf">(confidence {esc(percent(d.confidence))})</span>'
        )
        out.append(f"<p>Most likely: <strong>{esc(d.resolved)}</strong>{conf}</p>")
    out.append(_TABLE)
    for c in d.evidence:
        if type(c) is str:  # made by evidence_rows
            out.append(c)
        else:
            _evidence(c, out)
    out.append(_END)


def _evidence(c: EvidenceView, out: list[str]) -> None:
    user = _USER if c.origin == "user" else ""
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


_ESCAPED = (["&", ">", "<", "'", '"'], ["&amp;", "&gt;", "&lt;", "&#39;", "&#34;"])


def _esc(text: pl.Expr) -> pl.Expr:
    """esc, column-wise (a null is written `None`, as esc writes it)."""
    return text.fill_null("None").str.replace_many(*_ESCAPED)


def evidence_rows(frame: pl.DataFrame, values: pl.Series) -> pl.Series:
    """Each claim of a store's frame as its evidence row (the bytes `_evidence` writes for
    the claim's EvidenceView), `values` giving each claim's value as shown. A row is None
    where its value is (the caller writes those rows itself) or where a context offset is
    negative (Python's slicing from the end, which polars does not copy)."""
    col = pl.col
    at = col("context_start").cast(pl.Int64)
    length = (
        pl.when(col("row").is_not_null() | col("span_start").is_null())
        .then(col("raw").str.len_chars().cast(pl.Int64))
        .otherwise(col("span_end").cast(pl.Int64) - col("span_start").cast(pl.Int64))
    )
    context = col("context")
    has_quote = context.is_not_null() & at.is_not_null()
    end = at + length
    quote = (
        pl.when(has_quote)
        .then(
            pl.concat_str(
                _esc(context.str.slice(0, at)),
                pl.lit("<mark>"),
                _esc(context.str.slice(at, (end - at).clip(lower_bound=0))),
                pl.lit("</mark>"),
                _esc(context.str.slice(end)),
            )
        )
        .otherwise(pl.lit(""))
    )
    number = pl.Int64
    where = pl.concat_str(
        _esc(col("document")),
        pl.when(col("row").is_not_null())
        .then(
            pl.concat_str(
                pl.lit(" row "),
                col("row").cast(number).cast(pl.String),
                pl.lit(", column "),
                _esc(col("column")),
            )
        )
        .when(col("span_start").is_not_null())
        .then(
            pl.concat_str(
                pl.lit(" ["),
                col("span_start").cast(number).cast(pl.String),
                pl.lit(":"),
                col("span_end").cast(number).cast(pl.String).fill_null("None"),
                pl.lit("]"),
            )
        )
        .otherwise(pl.lit(" [:]")),
    )
    user = pl.when(col("origin") == "user").then(pl.lit(_USER)).otherwise(pl.lit(""))
    row = pl.concat_str(
        pl.lit("          <tr><td>"),
        _esc(col("source")),
        user,
        pl.lit("</td><td>"),
        _esc(col("_value")),
        pl.lit("</td><td>"),
        col("qualifier").fill_null("").str.replace_many(*_ESCAPED),
        pl.lit('</td>\n          <td class="quote">'),
        quote,
        pl.lit('<br><span class="id">'),
        where,
        pl.lit("</span></td></tr>\n"),
    )
    odd = col("_value").is_null() | (has_quote & ((at < 0) | (end < 0)))
    return (
        frame.with_columns(values.alias("_value"))
        .select(pl.when(odd).then(None).otherwise(row))
        .to_series()
    )



def evidence_row(c: EvidenceView) -> str:
    """One claim's evidence row, written here (what evidence_rows could not make)."""
    out: list[str] = []
    _evidence(c, out)
    return out[0]
