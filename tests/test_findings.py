"""Findings as data: the catalog words every finding from its reason and fields, and findings
name their claims by claim_id, so the order of the claims frame changes nothing."""

from __future__ import annotations

import json
import re

import pytest

from auditor.catalog import KINDS, Reason, ValueConflict, WithinTolerance, kind
from auditor.config import load
from auditor.pipeline import extract_paths, settings_for
from auditor.reconcile import reconcile
from tests.conftest import ROOT, SOURCES


@pytest.fixture(scope="module")
def bundled():
    extraction = extract_paths([SOURCES])
    settings = settings_for(load(ROOT), extraction)
    documents: dict[str, list[tuple[str, str]]] = {}
    for d in extraction.documents:
        documents.setdefault(d.ref.entity, []).append((d.ref.source, d.ref.relpath))
    return extraction.claims, settings, documents


def test_every_explanation_is_its_reason_worded_from_its_fields(bundled):
    claims, settings, documents = bundled
    found = reconcile(claims, settings, documents).discrepancies
    assert len({d.reason for d in found}) >= 8
    for d in found:
        reason = kind(d.code).reasons[d.reason]
        title = settings.specs[d.attribute].title if d.attribute in settings.specs else None
        worded = reason.render(json.loads(d.fields))
        assert d.explanation.endswith(": " + worded), (d.reason, d.explanation)
        if title:
            assert d.explanation == f"{title}: {worded}"


def test_claims_are_named_by_id_not_by_position(bundled):
    claims, settings, documents = bundled
    mixed = claims.reverse()

    def evidence(frame):
        return {
            d.id: (d.code, d.reason, sorted((c.document, c.span) for c in d.claims))
            for d in reconcile(frame, settings, documents).discrepancies
        }

    assert evidence(mixed) == evidence(claims)


def test_optional_parts_and_plurals_are_worded_from_the_fields():
    one = ValueConflict.release_misdated(
        sources=["rottentomatoes"],
        date="27 Oct 1995",
        release="wide",
        agreeing=["filmsuggest", "wikipedia"],
        agreed_date="9 Feb 1996",
        other_releases=[],
    )
    assert one.render() == (
        "rottentomatoes calls 27 Oct 1995 the wide release; filmsuggest and wikipedia date "
        "the wide release 9 Feb 1996"
    )
    two = one.reason(**{**one.fields, "sources": ["imdb", "rottentomatoes"]})
    two = two.reason(**{**two.fields, "other_releases": ["limited"]})
    assert two.render().startswith("imdb and rottentomatoes call 27 Oct 1995")
    assert two.render().endswith(" and call 27 Oct 1995 the limited release")
    alone = two.reason(**{**two.fields, "agreeing": ["wikipedia"]})
    assert alone.render().endswith(
        "; wikipedia dates the wide release 9 Feb 1996 and calls 27 Oct 1995 the limited release"
    )
    within = WithinTolerance.within_tolerance(
        values=[[["imdb"], "98 min"], [["wikipedia", "rottentomatoes"], "100 min"]],
        spread=2.0,
        unit="",
        tolerance=2,
    )
    assert within.render() == (
        "imdb: 98 min; wikipedia and rottentomatoes: 100 min — 2 apart, within the tolerance of 2"
    )


def test_a_reason_refuses_fields_it_does_not_declare():
    with pytest.raises(TypeError):
        ValueConflict.unexplained(values=[], gap=0.1)
    with pytest.raises(TypeError):
        ValueConflict.beyond_tolerance(values=[])
    with pytest.raises(TypeError):
        Reason("{values} — {undeclared}", values="names")


def test_reasons_have_stable_names_and_belong_to_their_kind():
    for code, k in KINDS.items():
        assert k.reasons, code
        for name, reason in k.reasons.items():
            assert re.fullmatch(r"[a-z]+(?:-[a-z]+)*", name) and reason.kind is k
            assert reason.code == code


def test_no_code_literal_outside_the_catalog():
    package = ROOT / "auditor"
    strays = [
        str(p.relative_to(ROOT))
        for p in package.rglob("*.py")
        if p.name != "catalog.py" and re.search(r"AU0\d\d", p.read_text(encoding="utf-8"))
    ]
    assert not strays


def test_claim_id_lists_come_back_as_given_whatever_the_ids_hold():
    """The list column is made by splitting joined ids; ids holding the separator, empty ids
    and findings naming no claim still come back exactly."""
    import polars as pl

    from auditor.reconcile.findings import _lists

    plain = [(), ("a1",), ("a1", "b2", "c3"), ("",), ("", "d4")]
    assert _lists(plain).to_list() == [list(x) for x in plain]
    assert _lists(plain).dtype == pl.List(pl.String)
    odd = [("x\x1fy", "z"), ()]
    assert _lists(odd).to_list() == [["x\x1fy", "z"], []]
    assert _lists([]).to_list() == []


def test_pairs_of_sources_keep_their_own_and_apart():
    from auditor.catalog import ValueConflict

    one = ValueConflict.share_nothing(
        lists=[[["a"], ["Ann Lee"]], [["b"], ["Bo Roe"]], [["c"], ["Ann Lee"]]],
        disjoint=[["a", "b"], ["b", "c"]],
    )
    assert one.render().endswith(" — a and b, and b and c share nothing")
    assert one.reason(**{**one.fields, "disjoint": [["a", "b"]]}).render().endswith(
        " — a and b share nothing"
    )


def test_a_source_writes_and_sources_write():
    from auditor.catalog import SpellingVariant

    one = SpellingVariant.member_spelt_two_ways(
        sources=["imdb"], spelling="jueian sands", variant_sources=["movieblog"],
        variant="Julian Sands",
    )  # fmt: skip
    assert one.render() == (
        'imdb writes "jueian sands", movieblog "Julian Sands": one name spelt two ways'
    )
    two = one.reason(**{**one.fields, "sources": ["imdb", "wikipedia"]})
    assert two.render().startswith('imdb and wikipedia write "jueian sands"')


def test_pairs_of_sources_with_one_source_in_common_name_it_once():
    from auditor.catalog import ValueConflict

    lists = [[[s], ["Ann Lee"]] for s in "abcd"] + [[["g"], ["Bo Roe"]]]
    one = ValueConflict.share_nothing(
        lists=lists, disjoint=[["a", "g"], ["b", "g"], ["c", "g"], ["d", "g"]]
    )
    assert one.render().endswith(" — g and each of a, b, c and d share nothing")
