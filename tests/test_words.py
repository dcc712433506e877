"""Findings worded by polars (reconcile.comparators.words) write the bytes the catalog and
findings.table write: every reason's message as Reason.render words it, and fields as the
compact JSON findings.table encodes."""

from __future__ import annotations

import json
import string

import polars as pl
import pytest

from auditor.catalog import KINDS, NAMES, NUMBER, TEXT, Choice
from auditor.reconcile.comparators import words
from auditor.reconcile.findings import _dumps

# Text that JSON escapes or that a listing could mangle: quotes, a backslash, a control
# character, a line separator, accents and a repeat.
AWKWARD = ['Dr. "Ace" O\'Neil', "back\\slash", "tab\there", "sep\u2028x", "Lila Cazès"]


def _specs(template: str) -> dict[str, str]:
    return {f: s for _, f, s, _ in string.Formatter().parse(template) if f and s}


def _sample(reason, full: bool) -> tuple[dict, dict]:
    """Fields for Reason.render and the columns words.message takes for them; `full` fills
    every field (optional parts written), else lists and texts are empty where they may be."""
    specs = _specs(reason.template)
    fields, columns = {}, {}
    for name, kind in reason.fields.items():
        if kind == TEXT:
            value = AWKWARD[len(name) % len(AWKWARD)] if full else ""
            fields[name], columns[name] = value, pl.lit(value)
        elif kind == NAMES:
            value = (AWKWARD[:3] + AWKWARD[:1]) if full else []
            fields[name] = value
            columns[name] = pl.lit(value, pl.List(pl.String))
        elif kind == NUMBER:
            value = 0.1 + 0.2 if full else 13.0
            fields[name] = value
            shown = words.formatted(pl.Series([value]), specs.get(name, ""))
            columns[name] = pl.lit(shown.item())
        elif isinstance(kind, Choice):
            fields[name] = next(iter(kind)) if full else list(kind)[-1]
            columns[name] = pl.lit(fields[name])
        else:  # a nested field: the caller words it with the catalog's renderer
            value = _nested(name, full)
            fields[name] = value
            columns[name] = pl.lit(kind(value))
    return fields, columns


def _nested(name: str, full: bool):
    if not full:
        return []
    samples = {
        "values": [[["imdb", "wikipedia"], "$21M"], [["movieblog"], 'say "hi"']],
        "lists": [["imdb", ["A", "B", "C"]], ["wikipedia", ["A"]]],
        "roles": [[["imdb"], "Sera"], [["wikipedia"], "Sera Lee"]],
        "scoped": [[["imdb"], "$2M", "usa"], [["wikipedia"], "$3M", ""]],
        "disjoint": [["imdb", "wikipedia"]],
        "captured": [[["imdb"], ["2017-01-02"]], [["movieblog", "x"], ["2014", "2015"]]],
        "shares": [[0.6, "worldwide"], [0.25, ""]],
        "releases": [["15 Oct 2004", [["limited", ["USA"]], ["premiere", []]], ["imdb"]]],
        "unqualified": [["imdb", "15 Oct 2004"]],
        "broader": [["black comedy", ["comedy"]], ["neo-noir", ["crime", "noir"]]],
        "variant_where": [["imdb", ["cast", "plot"]], ["wikipedia", ["table"]]],
        "spelling_where": [["movieblog", ["plot"]]],
    }
    return samples[name]


REASONS = [r for k in KINDS.values() for r in k.reasons.values()]


@pytest.mark.parametrize("reason", REASONS, ids=lambda r: f"{r.kind.code}-{r.name}")
@pytest.mark.parametrize("full", [True, False], ids=["every-field", "empty-fields"])
def test_message_is_the_catalogs_rendering(reason, full):
    fields, columns = _sample(reason, full)
    worded = pl.select(words.message(reason, **columns)).item()
    assert worded == reason.render(fields)


def test_json_is_what_findings_table_writes():
    frame = pl.DataFrame(
        {"text": AWKWARD, "names": [AWKWARD[:i] for i in range(len(AWKWARD))]},
        schema={"text": pl.String, "names": pl.List(pl.String)},
    )
    got = frame.select(
        words.obj(
            text=words.text(pl.col("text")),
            names=words.names(pl.col("names")),
            pair=words.array(words.text(pl.col("text")), words.names(pl.col("names"))),
        )
    ).to_series()
    expected = [
        _dumps({"text": t, "names": n, "pair": [t, n]})
        for t, n in zip(frame["text"], frame["names"].to_list(), strict=True)
    ]
    assert got.to_list() == expected


def test_numbers_are_written_as_python_writes_them():
    values = [0.1 + 0.2, 1e-05, 1e16, 13.0, 2 / 3, 0.0]
    series = pl.Series(values, dtype=pl.Float64)
    assert words.json_numbers(series).to_list() == [json.dumps(v) for v in values]
    assert words.formatted(series, ".1%").to_list() == [f"{v:.1%}" for v in values]
    assert words.formatted(series, "g").to_list() == [f"{v:g}" for v in values]
