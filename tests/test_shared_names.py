"""A lower-cased page learns its film's character names from the cased pages, without being
read a second time, and with the spans and contexts a reading of the whole page gives."""

from __future__ import annotations

import shutil
from dataclasses import replace

import pytest

from auditor import cache
from auditor.documents import discover
from auditor.extract import shared
from auditor.extract.plots import PlotTexts
from auditor.extract.registry import extract_document
from auditor.pipeline import extract_paths
from tests.conftest import BUNDLED, SOURCES

# Names only the cased pages give (IMDb's cast list says "yuri"), at the storyline's two ends,
# where a claim's context reaches past it; the entity moves every view offset after it away
# from the original's.
EDITS = (
    ("storyline because his wife", "storyline yuri butsov &amp; because his wife"),
    ("who he moves in with. written by", "who he moves in with yuri butso written by"),
)


@pytest.fixture
def film(tmp_path):
    folder = tmp_path / "sources" / BUNDLED
    shutil.copytree(SOURCES / BUNDLED, folder)
    imdb = folder / "imdb.txt"
    text = imdb.read_text(encoding="utf-8")
    for old, new in EDITS:
        assert text.count(old) == 1
        text = text.replace(old, new)
    imdb.write_text(text, encoding="utf-8")
    return folder


def _characters(result):
    return {c.value: c for c in result.claims if c.attribute == "character"}


def test_names_shared_without_reading_the_lower_cased_page_again(film, monkeypatch):
    results = tuple(extract_document(ref) for ref in discover([film.parent]))
    imdb = next(r for r in results if r.adapter == "imdb")
    assert imdb.plots is not None and "yuri butsov" not in _characters(imdb)
    read_again: list[str] = []
    real = shared.read
    monkeypatch.setattr(shared, "read", lambda ref: read_again.append(ref.source) or real(ref))

    shared_results = shared.share_names(results)

    assert "imdb" not in read_again
    after = next(r for r in shared_results if r.adapter == "imdb")
    text = (film / "imdb.txt").read_text(encoding="utf-8")
    for name in ("yuri butsov", "yuri butso"):
        claim = _characters(after)[name]
        assert text[claim.span_start : claim.span_end] == claim.raw == name
        assert claim.context[claim.context_start :].startswith(name)
    # the same claims as reading the whole page again, and as from the cache's JSON
    reread = shared.share_names(tuple(replace(r, plots=None) for r in results))
    assert "imdb" in read_again
    assert reread == shared_results
    assert [r.claims for r in reread] == [r.claims for r in shared_results]
    again = shared.share_names(
        tuple(replace(r, plots=PlotTexts.loads(r.plots.dumps())) if r.plots else r for r in results)
    )
    assert [r.claims for r in again] == [r.claims for r in shared_results]


def test_a_cached_run_shares_the_same_names(film, monkeypatch, tmp_path):
    monkeypatch.setenv(cache.ENV, str(tmp_path / "cache"))
    cold = extract_paths([film.parent], workers=1)
    assert "yuri butsov" in cold.claims.get_column("value").str.strip_chars('"').to_list()
    monkeypatch.setattr(cache, "extract_document", lambda ref: pytest.fail("not cached"))
    made: list[str] = []
    real = cache._claim
    monkeypatch.setattr(cache, "_claim", lambda row: made.append(row["source"]) or real(row))
    warm = extract_paths([film.parent], workers=1)
    assert warm.claims.equals(cold.claims)
    # the names came with the cached results, the film unchanged: no claim object was made
    assert made == []
    for w, c in zip(warm.documents, cold.documents, strict=True):
        assert (w.characters, w.cast_characters) == (c.characters, c.cast_characters)
        assert w.characters is not None


def test_names_lent_by_a_page_since_changed_are_not_taken_from_the_cache(film, monkeypatch,
                                                                           tmp_path):
    monkeypatch.setenv(cache.ENV, str(tmp_path / "cache"))
    cold = extract_paths([film.parent], workers=1)
    assert "yuri butsov" in cold.claims.get_column("value").str.strip_chars('"').to_list()
    for name in ("filmsuggest.txt", "wikipedia.txt"):  # the cased pages that name him
        page = film / name
        page.write_text(
            page.read_text(encoding="utf-8").replace("Yuri Buts", "Boris Buts"), encoding="utf-8"
        )
    seen: list[str] = []
    real = cache.extract_document
    monkeypatch.setattr(cache, "extract_document",
                        lambda ref, *rest: seen.append(ref.source) or real(ref, *rest))
    warm = extract_paths([film.parent], workers=1)
    assert seen == ["filmsuggest", "wikipedia"]  # IMDb's page is cached, its lent names not
    values = warm.claims.get_column("value").str.strip_chars('"').to_list()
    assert "yuri butsov" not in values
    again = extract_paths([film.parent], workers=1)  # cached as this run had it
    monkeypatch.setenv(cache.ENV, "off")
    fresh = extract_paths([film.parent], workers=1)
    assert warm.claims.equals(fresh.claims) and again.claims.equals(fresh.claims)
    for w, f in zip(warm.documents, fresh.documents, strict=True):
        assert (w.characters, w.cast_characters) == (f.characters, f.cast_characters)


def test_a_film_whose_documents_are_not_together_still_shares_its_names(film, monkeypatch):
    """A worker shares the names of a film it has whole; one whose documents are given apart
    (another film's between them) has them shared afterwards, the same."""
    from auditor.pipeline import extract_refs
    from tests.conftest import FIXTURES

    monkeypatch.setenv(cache.ENV, "off")
    refs = discover([film.parent])
    other = discover([FIXTURES / "documents" / "cold-meridian-2004"])
    together = extract_refs(refs, workers=1)
    sources = [r.source for r in refs]
    assert sources == ["filmsuggest", "imdb", "movieblog", "rottentomatoes", "wikipedia"]
    # the pages that name him (filmsuggest, wikipedia) apart from the IMDb page
    apart = extract_refs([refs[0], refs[4], *other, *refs[1:4]], workers=1)
    imdb = [d for d in apart.documents if d.adapter == "imdb" and d.ref.entity == BUNDLED]
    assert "yuri butsov" in _characters(imdb[0])
    mine = apart.claims.filter(apart.claims["entity"] == BUNDLED)
    assert mine.sort("document", maintain_order=True).equals(
        together.claims.sort("document", maintain_order=True)
    )


def test_a_shared_name_read_inside_a_longer_one_the_page_names_is_no_second_name(tmp_path):
    """The cased pages' "Yuri Butsov" inside the storyline's "signor yuri butsov", a name the
    page's own cast list gives and its first reading found, is that mention again."""
    folder = tmp_path / "sources" / BUNDLED
    shutil.copytree(SOURCES / BUNDLED, folder)
    imdb = folder / "imdb.txt"
    text = imdb.read_text(encoding="utf-8")
    for old, new in (
        ("julian sands ... yuri richard", "julian sands ... signor yuri butsov richard"),
        ("storyline because his wife", "storyline signor yuri butsov &amp; because his wife"),
    ):
        assert text.count(old) == 1
        text = text.replace(old, new)
    imdb.write_text(text, encoding="utf-8")
    results = shared.share_names(tuple(extract_document(ref) for ref in discover([folder])))
    after = next(r for r in results if r.adapter == "imdb")
    names = _characters(after)
    assert "signor yuri butsov" in names and "yuri butsov" not in names
