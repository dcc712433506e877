"""Adapters and parsers never raise on arbitrary text, and every span they make round-trips."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditor.documents import DocumentRef
from auditor.extract import ADAPTERS, Collector
from auditor.extract.registry import extract_document
from auditor.normalize.counts import parse_count
from auditor.normalize.dates import parse_date
from auditor.normalize.durations import parse_duration
from auditor.normalize.money import parse_money
from auditor.normalize.names import fold
from auditor.normalize.scores import parse_score
from auditor.textview import TextView
from tests.conftest import SOURCES

SEEDS = {
    p.stem: p.read_text(encoding="utf-8")
    for p in (SOURCES / "leaving-las-vegas-1995").glob("*.txt")
}
REF = DocumentRef(Path("x.txt"), "film-2000/x.txt", "film-2000", "x")

# Text built from the pages' own pieces, shuffled and mangled, reaches deep into the adapters.
pieces = st.sampled_from(sorted(SEEDS)).flatmap(
    lambda name: st.tuples(st.integers(0, len(SEEDS[name])), st.integers(0, 3000)).map(
        lambda t, n=name: SEEDS[n][t[0] : t[0] + t[1]]
    )
)
page_like = st.lists(st.one_of(pieces, st.text(max_size=80)), min_size=1, max_size=6).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(page_like)
def test_adapters_never_raise_and_spans_round_trip(text):
    view = TextView.of(text)
    for adapter in ADAPTERS:
        adapter.recognise(view)
        out = Collector(REF, view)
        adapter.extract(view, out)
        for c in out.claims:
            assert text[c.span_start : c.span_end] == c.raw


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_parsers_never_raise(text):
    parse_date(text)
    parse_duration(text)
    parse_money(text)
    parse_count(text)
    parse_score(text)
    fold(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab &;#x20nbsp;amp\u00a0\u2005é\ufeff\u200b"))))
def test_text_view_maps_every_slice_back(text):
    view = TextView.of(text)
    for start in range(len(view.text) + 1):
        for end in range(start, min(len(view.text), start + 6) + 1):
            s, e = view.span(start, end)
            assert 0 <= s <= e <= len(text)
            assert view.text[start:end] in TextView.of(text[s:e]).text


def test_whole_pipeline_never_raises_on_junk(tmp_path):
    folder = tmp_path / "film-2000"
    folder.mkdir()
    (folder / "junk.txt").write_text("Release Year: 2000\nRating: 9/10 (3 voted)\n<b>\n")
    result = extract_document(
        DocumentRef(folder / "junk.txt", "film-2000/junk.txt", "film-2000", "junk")
    )
    assert result.error  # a truncated blog page: a clear error, not an exception
