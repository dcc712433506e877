"""Each document's claims are exactly its hand-checked facts: none missing, none extra."""

from __future__ import annotations

import json

import pytest

from auditor.claims import dump_value
from auditor.documents import discover
from auditor.extract import extract_document
from tests.conftest import SOURCES, all_documents, expected_cases, load_expected

CASES = expected_cases()


def _key(attribute, value, qualifier, origin):
    return (attribute, dump_value(value), qualifier, origin)


@pytest.mark.parametrize(
    ("document", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_claims_match_hand_checked_facts(document, expected):
    want = load_expected(expected)
    [ref] = discover([document])
    result = extract_document(ref)
    assert result.error is None
    assert result.adapter == want["adapter"]
    got = {_key(c.attribute, c.value, c.qualifier, c.origin) for c in result.claims}
    wanted = {_key(w["attribute"], w["value"], w["qualifier"], w["origin"]) for w in want["claims"]}
    missing = sorted(wanted - got)
    extra = sorted(got - wanted)
    assert not missing and not extra, json.dumps({"missing": missing, "extra": extra}, indent=1)


def test_every_template_has_a_second_film():
    adapters = {}
    for _, _, expected in CASES:
        adapters.setdefault(load_expected(expected)["adapter"], set()).add(expected.parent.name)
    assert len(adapters) == 5
    assert all(len(entities) >= 2 for entities in adapters.values()), adapters


@pytest.mark.parametrize("document", all_documents(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_span_round_trips(document):
    text = document.read_bytes().decode("utf-8")
    [ref] = discover([document])
    result = extract_document(ref)
    assert result.claims
    for c in result.claims:
        assert text[c.span_start : c.span_end] == c.raw, c
        assert c.raw.strip() == c.raw and c.raw


def test_renamed_document_is_recognised_by_content(tmp_path, sources_copy):
    folder = sources_copy / "leaving-las-vegas-1995"
    (folder / "imdb.txt").rename(folder / "capture-0001.txt")
    [ref] = [r for r in discover([folder]) if r.source == "capture-0001"]
    result = extract_document(ref)
    assert result.adapter == "imdb" and result.error is None
    assert {c.attribute for c in result.claims} >= {"rating_votes", "cast", "gross"}


def test_manifest_names_entity_and_source(tmp_path):
    folder = tmp_path / "captures"
    folder.mkdir()
    (folder / "page1.txt").write_bytes(
        (SOURCES / "leaving-las-vegas-1995" / "movieblog.txt").read_bytes()
    )
    (folder / "manifest.toml").write_text(
        'entity = "leaving-las-vegas-1995"\n[documents."page1.txt"]\nsource = "blog"\n'
    )
    [ref] = discover([folder])
    assert (ref.entity, ref.source) == ("leaving-las-vegas-1995", "blog")
    assert extract_document(ref).error is None
