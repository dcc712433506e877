"""Every fixture film's hand-checked discrepancies: the planted contradictions found with the right
kind and severity, nothing else at warning or error, and no error where the sources agree.

Each film's `tests/fixtures/expected/<entity>/discrepancies.json` lists its warning and error
findings exactly and the info findings that matter; `no_error` names attributes on which the
sources agree or are compatible.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from auditor.config import load
from auditor.pipeline import audit
from auditor.reconcile.display import show
from tests.conftest import (
    BUNDLED,
    FIXTURES,
    ROOT,
    SOURCES,
    edit_page,
    fixture_copy,
    load_expected,
)

FILMS = sorted(p.parent for p in (FIXTURES / "expected").glob("*/discrepancies.json"))


def _key(attribute: str, code: str, severity: str, sources) -> tuple:
    return (attribute, code, severity, tuple(sorted(sources)))


@pytest.fixture(scope="module", params=FILMS, ids=lambda p: p.name)
def film(request) -> tuple[dict, Counter]:
    expected = load_expected(request.param / "discrepancies.json")
    entity = request.param.name
    documents: Path = (SOURCES if entity == BUNDLED else FIXTURES / "documents") / entity
    report = audit([documents], load(ROOT))
    assert not [d for d in report.documents if d.error], "every document reads"
    # counted: two warnings citing the same sources are two findings, each to be expected
    got = Counter(
        _key(d.attribute, d.code, d.severity, {c.source for c in d.claims})
        for d in report.discrepancies
    )
    return expected, got


def _wanted(expected: dict, *severities: str) -> Counter:
    return Counter(
        _key(d["attribute"], d["code"], d["severity"], d["sources"])
        for d in expected["discrepancies"]
        if d["severity"] in severities
    )


def test_warnings_and_errors_exactly(film):
    expected, got = film
    wanted = _wanted(expected, "error", "warning")
    found = Counter({g: n for g, n in got.items() if g[2] != "info"})
    assert found == wanted, {
        "missing": sorted((wanted - found).elements()),
        "extra": sorted((found - wanted).elements()),
    }


def test_info_findings_that_matter(film):
    expected, got = film
    wanted = _wanted(expected, "info")
    assert not wanted - got, {"missing": sorted((wanted - got).elements())}


def test_no_error_where_sources_agree(film):
    expected, got = film
    errors = sorted(g for g in got if g[2] == "error" and g[0] in expected["no_error"])
    assert not errors


def test_misspelt_single_name_in_a_plot_is_a_spelling_variant(tmp_path):
    folder = fixture_copy(tmp_path, "trainspotting-1996")
    blog = folder / "movieblog.txt"
    text = blog.read_text(encoding="utf-8")
    assert "Begbie keeps drinking" in text
    blog.write_text(text.replace("Begbie keeps drinking", "Begbee keeps drinking"), "utf-8")
    report = audit([folder], load(ROOT))
    variants = [
        d
        for d in report.discrepancies
        if d.attribute == "character"
        and d.code != "AU007"  # the general gap: Rotten Tomatoes names no characters
        and any(c.raw == "Begbee" for c in d.claims)
    ]
    assert variants, "the misspelling is reported"
    for d in variants:
        assert d.code in ("AU003", "AU006") and d.severity == "warning"
        assert "Begbie" in d.explanation


def test_a_compatible_finding_is_never_an_error(tmp_path):
    from auditor.attributes import catalog
    from auditor.catalog import InternalInconsistency, WithinTolerance
    from auditor.reconcile import severity_of
    from auditor.reconcile.prepare import Settings

    settings = Settings(specs=catalog(), severity={"AU005": "error"})
    assert severity_of(settings, WithinTolerance, "budget") == "warning"
    plain = Settings(specs=catalog())
    assert severity_of(plain, InternalInconsistency, "character") == "warning"
    assert severity_of(plain, InternalInconsistency, "director") == "error"


def test_transposed_figure_is_a_conflict_whatever_its_scope(tmp_path):
    folder = fixture_copy(tmp_path, "trainspotting-1996")
    blog = folder / "movieblog.txt"
    text = blog.read_text(encoding="utf-8")
    blog.write_text(text.replace("Gross: $61,501,785 (USA)", "Gross: $61,501,785"), "utf-8")
    report = audit([folder], load(ROOT))
    gross = [d for d in report.discrepancies if d.attribute == "gross" and d.code == "AU001"]
    assert gross and all(d.severity == "error" for d in gross)
    assert any("same digits in another order" in d.explanation for d in gross)



def test_a_country_dated_as_another_countrys_release_is_misdated(tmp_path):
    """One site dates a country's release on another country's date (23 February, the UK's),
    where the other sites date that country's release otherwise (Ireland, 1 March): a misdated
    release, not a date some release explains."""
    folder = fixture_copy(tmp_path, "trainspotting-1996")
    page = folder / "filmsuggest.txt"
    text = page.read_text(encoding="utf-8")
    old = "released in United-kingdom on 23 february 1996"
    assert old in text
    page.write_text(text.replace(old, "released in Ireland on 23 february 1996"), "utf-8")
    report = audit([folder], load(ROOT))
    [d] = [
        d for d in report.discrepancies if d.attribute == "release_date" and d.severity == "error"
    ]
    assert (d.code, d.reason) == ("AU001", "release-misdated")
    assert {c.source for c in d.claims} == {"filmsuggest", "wikipedia"}
    assert "ireland" in d.explanation


def test_a_cast_name_written_family_name_first_is_the_same_player(tmp_path):
    """A cast list writing an actor family name first ("Carlyle Robert") names the player the
    other lists write given name first: no finding names him; written that way and a letter off
    ("Carlyle Robbert") it is one name spelt two ways."""
    folder = fixture_copy(tmp_path, "trainspotting-1996")
    blog = folder / "movieblog.txt"
    text = blog.read_text(encoding="utf-8")
    old = "Robert Carlyle - Begbie"
    assert old in text
    blog.write_text(text.replace(old, "Carlyle Robert - Begbie"), "utf-8")
    cast = [d for d in audit([folder], load(ROOT)).discrepancies if d.attribute == "cast"]
    assert not [d for d in cast if d.code in ("AU001", "AU003") and "Carlyle" in d.explanation]
    # the lists' finding names him on every list, not as a player some lists leave out
    rare = {n for d in cast for n in json.loads(d.fields).get("rare", [])}
    assert not {"Carlyle Robert", "Robert Carlyle"} & rare
    blog.write_text(text.replace(old, "Carlyle Robbert - Begbie"), "utf-8")
    cast = [d for d in audit([folder], load(ROOT)).discrepancies if d.attribute == "cast"]
    [d] = [d for d in cast if d.code == "AU003" and "Carlyle Robbert" in d.explanation]
    assert d.reason == "member-spelt-two-ways" and "Robert Carlyle" in d.explanation


def test_an_actor_credited_as_another_name_is_one_player_under_both(tmp_path):
    """IMDb's "(as Bobby Carlyle)" says the actor is credited under that name: the blog's cast
    list and Stars line writing "Bobby Carlyle" name the same player, not another one that the
    other lists leave out."""
    folder = fixture_copy(tmp_path, "trainspotting-1996")
    imdb, blog = folder / "imdb.txt", folder / "movieblog.txt"
    text = imdb.read_text(encoding="utf-8")
    old = "robert carlyle ... begbie kelly"
    assert old in text
    new = "robert carlyle ... begbie (as bobby carlyle) kelly"
    imdb.write_text(text.replace(old, new), "utf-8")
    text = blog.read_text(encoding="utf-8")
    assert "Robert Carlyle - Begbie" in text
    blog.write_text(text.replace("Robert Carlyle - Begbie", "Bobby Carlyle - Begbie"), "utf-8")
    cast = [d for d in audit([folder], load(ROOT)).discrepancies if d.attribute == "cast"]
    rare = {n for d in cast for n in json.loads(d.fields).get("rare", [])}
    assert not {"Bobby Carlyle", "Robert Carlyle", "robert carlyle"} & rare
    assert not [d for d in cast if d.code in ("AU001", "AU003") and "Carlyle" in d.explanation]

def test_a_crew_member_credited_as_another_name_is_one_person_under_both(tmp_path):
    """IMDb's "director: danny boyle (as dan boyd)" says the director is credited under that
    name (an Italian western's English pseudonym): Rotten Tomatoes' "Directed By: Dan Boyd"
    names the same person, no replaced credit; a misspelling beside it is quoted with the
    sources that write it, not with the one writing the pseudonym."""
    folder = fixture_copy(tmp_path, "trainspotting-1996")
    edit_page(
        folder / "imdb.txt",
        "director: danny boyle writer",
        "director: danny boyle (as dan boyd) writer",
    )
    edit_page(folder / "rottentomatoes.txt", "    Danny Boyle\n", "    Dan Boyd\n")
    director = [d for d in audit([folder], load(ROOT)).discrepancies if d.attribute == "director"]
    assert not [d for d in director if d.severity != "info"]
    edit_page(folder / "movieblog.txt", "Director: Danny Boyle", "Director: Danny Boyel")
    director = [d for d in audit([folder], load(ROOT)).discrepancies if d.attribute == "director"]
    [d] = [d for d in director if d.severity != "info"]
    assert (d.code, d.reason) == ("AU003", "member-spelt-two-ways")
    assert "rottentomatoes" not in {c.source for c in d.claims}
    assert "rottentomatoes" not in d.explanation


def test_gp_and_pg_are_one_rating(tmp_path):
    """GP, the MPAA's rating of 1970-1972, was renamed PG: a page of the film's old release
    writing GP agrees with the PG the others give."""
    folder = fixture_copy(tmp_path, "four-doors-to-midnight-1967")
    edit_page(folder / "imdb.txt", "(original title) not rated |", "(original title) pg |")
    edit_page(folder / "imdb.txt", "certificate: not rated", "certificate: pg")
    edit_page(folder / "movieblog.txt", "Rated: Not Rated", "Rated: GP")
    edit_page(folder / "rottentomatoes.txt", "• NR, 1 hr.", "• PG, 1 hr.")
    report = audit([folder], load(ROOT))
    rating = [d for d in report.discrepancies if d.attribute == "mpaa_rating"]
    assert not [d for d in rating if d.severity != "info"]


def test_a_release_one_page_alone_dates_twice_is_that_page_contradicting_itself(tmp_path):
    """Wikipedia's infobox and its Release section dating Ireland's release on two days, no
    other page dating that release: the page contradicts itself (AU006), no release misdated
    between sources."""
    folder = fixture_copy(tmp_path, "trainspotting-1996")
    edit_page(
        folder / "wikipedia.txt",
        "(1996-07-19) (United States)\n",
        "(1996-07-19) (United States)\n  • 8 March 1996 (1996-03-08) (Ireland)\n",
    )
    report = audit([folder], load(ROOT))
    dated = [d for d in report.discrepancies if d.attribute == "release_date"]
    [d] = [d for d in dated if d.severity == "error" and "ireland" in d.explanation]
    assert (d.code, d.reason, d.severity) == ("AU006", "dated-twice", "error")
    assert {c.source for c in d.claims} == {"wikipedia"}


def test_money_in_two_currencies_is_compatible_never_a_conflict(tmp_path):
    folder = fixture_copy(tmp_path, "trainspotting-1996")
    report = audit([folder], load(ROOT))
    [budget] = [d for d in report.discrepancies if d.attribute == "budget" and d.code != "AU007"]
    assert budget.code == "AU005" and "currencies" in budget.explanation


def test_a_country_and_its_adjective_are_one_member_of_the_list(tmp_path):
    """An Egyptian film's pages give "Egypt" (infobox), "Egyptian" (lead) or both: one member,
    so only the page that leaves the co-producing country out lists part of the countries; a
    page that writes it twice in two cases shows it once."""
    report = audit([fixture_copy(tmp_path, "nights-of-the-nile-ferry-2016")], load(ROOT))
    [country] = [d for d in report.discrepancies if d.attribute == "country" and d.code == "AU005"]
    assert json.loads(country.fields)["partial"] == ["filmsuggest"]
    assert "filmsuggest: Egyptian; imdb:" in country.explanation
    [resolved] = [r for r in report.resolved if r["attribute"] == "country"]
    assert resolved["value"] == ["Egypt", "United Arab Emirates"]


def test_unscoped_figures_in_two_currencies_each_placed_by_its_own_currency(tmp_path):
    """Unscoped grosses in dollars and in won, each the same as a scoped figure of its own
    currency (the US and the Korean gross): one finding places them all, and none calls them
    not comparable for their currencies."""
    report = audit([fixture_copy(tmp_path, "the-hollow-tide-2016")], load(ROOT))
    gross = [d for d in report.discrepancies if d.attribute == "gross" and d.code != "AU001"]
    assert "other-currency" not in {d.reason for d in gross}
    [placed] = [d for d in gross if d.reason == "unscoped-match"]
    fields = json.loads(placed.fields)
    assert fields["scopes"] == ["south korea", "usa"]
    assert {s for who, _ in fields["values"] for s in who} == {
        "movieblog",
        "rottentomatoes",
        "wikipedia",
    }


def test_lower_cased_page_knows_names_from_the_films_cased_pages(tmp_path):
    from auditor.pipeline import extract_paths

    folder = fixture_copy(tmp_path, "trainspotting-1996")
    imdb = folder / "imdb.txt"
    text = imdb.read_text(encoding="utf-8")
    old = 'storyline mark "rent boy" renton and his mates'
    assert old in text
    imdb.write_text(text.replace(old, old + " diane coulston, tommy mackenzie and"), "utf-8")
    [page] = [r for r in extract_paths([folder]).documents if r.ref.source == "imdb"]
    names = {c.value for c in page.claims if c.attribute == "character"}
    # The IMDb cast list says only "diane" and "tommy"; Wikipedia's plot gives the full names.
    assert {"diane coulston", "tommy mackenzie"} <= names
    for c in page.claims:
        assert (
            text.replace(old, old + " diane coulston, tommy mackenzie and")[
                c.span_start : c.span_end
            ]
            == c.raw
        )


def test_resolved_value_shows_the_form_most_sources_write():
    """One site drops a title's or a person's accents: the key still wins, shown as most
    sources write it (it was the smallest form, which sorts the accentless spelling first)."""
    entity = "the-4-15-to-riviere-du-loup-2002"
    report = audit([FIXTURES / "documents" / entity], load(ROOT))
    resolved = {r["attribute"]: r["value"] for r in report.resolved if r["entity"] == entity}
    assert resolved["title"] == "The 4:15 to Rivière-du-Loup"
    assert "Hélène Vachon" in resolved["writers"]
    assert "Jean-Luc Bédard" in resolved["character"]


def test_every_re_release_date_stands(tmp_path):
    """An old film re-released twice (a restoration at a festival, then in cinemas abroad):
    each date is its own re-release, no conflict, and no first release is misdated."""
    folder = fixture_copy(tmp_path, "cold-meridian-2004")
    before = {
        (d.code, d.severity) for d in audit([folder], load(ROOT)).discrepancies
        if d.attribute == "release_date"
    }
    page = folder / "wikipedia.txt"
    text = page.read_text(encoding="utf-8")
    added = (
        " A restored version premiered at the Locarno Festival on 4 August 2019, and Arrow"
        " Films re-released it in Canada on 8 November 2019."
    )
    anchor = "opened nationwide on November 5, 2004.[7][8]"
    page.write_text(text.replace(anchor, anchor + added, 1), "utf-8")
    report = audit([folder], load(ROOT))
    dates = [d for d in report.discrepancies if d.attribute == "release_date"]
    assert {(d.code, d.severity) for d in dates} == before
    [split] = [d for d in dates if d.code == "AU002"]
    assert "4 Aug 2019 is the re-release" in split.explanation
    assert "re-release in canada" in split.explanation


def _quoted(fields) -> list[tuple[list[str], str]]:
    """Every [sources, value shown, ...] a finding's fields hold, at any depth."""
    found = []
    if isinstance(fields, list):
        head = fields[:2]
        if len(head) == 2 and isinstance(head[0], list) and head[0] and isinstance(head[1], str):
            if all(isinstance(s, str) for s in head[0]):
                found.append((head[0], head[1]))
        for item in fields:
            found += _quoted(item)
    elif isinstance(fields, dict):
        for item in fields.values():
            found += _quoted(item)
    return found


def test_a_finding_quotes_each_source_with_a_value_it_states():
    """Words like 'imdb and wikipedia: $1,214,882' must be true of each source named: its own
    claims in the finding show that value (a cast list's roles quote the character only)."""
    report = audit([FIXTURES / "documents", SOURCES], load(ROOT))
    specs = report.attributes
    checked = 0
    for d in report.discrepancies:
        kind = specs[d.attribute].kind
        for name, value in json.loads(d.fields).items():
            if name == "roles":
                continue
            for named, shown in _quoted(value):
                for source in named:
                    stated = {show(kind, c.value) for c in d.claims if c.source == source}
                    assert shown in stated, (d.entity, d.attribute, d.code, name, source, shown)
                    checked += 1
    assert checked > 150


def test_a_silent_films_language_is_its_intertitles(tmp_path):
    """'Silent (Swedish intertitles)' and 'Swedish intertitles' state the language Swedish,
    as 'swedish' does: no conflict; another language's intertitles still conflict."""
    folder = fixture_copy(tmp_path, "the-river-men-1952")
    for name, old, new in (
        ("wikipedia.txt", "Language Swedish", "Language Silent (Swedish intertitles)"),
        ("movieblog.txt", "Language: Swedish", "Language: Swedish intertitles"),
    ):
        page = folder / name
        text = page.read_text(encoding="utf-8")
        assert old in text
        page.write_text(text.replace(old, new), "utf-8")
    report = audit([folder], load(ROOT))
    assert not [d for d in report.discrepancies if d.attribute == "language" and d.code == "AU001"]
    page = folder / "movieblog.txt"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("Swedish intertitles", "Finnish intertitles"), "utf-8")
    report = audit([folder], load(ROOT))
    assert [d for d in report.discrepancies if d.attribute == "language" and d.code == "AU001"]


def test_a_place_named_with_fewer_of_its_parts_is_no_conflict(tmp_path):
    """'Princes Street, Edinburgh, UK' against 'princes street, edinburgh, scotland, uk' (the
    region left out) is one place named more or less fully (AU005); 'Leith, Scotland, UK' is
    another place (AU001)."""
    folder = fixture_copy(tmp_path, "trainspotting-1996")
    page = folder / "movieblog.txt"
    text = page.read_text(encoding="utf-8")
    old = "Filming Locations: Princes Street, Edinburgh, Scotland, UK"
    assert old in text
    page.write_text(text.replace(old, "Filming Locations: Princes Street, Edinburgh, UK"), "utf-8")
    found = [d for d in audit([folder], load(ROOT)).discrepancies
             if d.attribute == "filming_location"]
    assert [(d.code, d.reason) for d in found] == [("AU005", "place-named-less-fully")]
    page.write_text(text.replace(old, "Filming Locations: Leith, Scotland, UK"), "utf-8")
    found = [d for d in audit([folder], load(ROOT)).discrepancies
             if d.attribute == "filming_location"]
    assert [d.code for d in found] == ["AU001"]


def test_a_name_without_its_hyphen_and_the_other_way_round_is_one_person(tmp_path):
    """A given name romanised as one word or two joined, family name first ("Jeunet
    Jeanpierre") on one site, names the person the others call "Jean-Pierre Jeunet": no
    variant, no conflict, one director resolved."""
    folder = fixture_copy(tmp_path, "amelie-2001")
    rt = folder / "rottentomatoes.txt"
    text = rt.read_text(encoding="utf-8")
    assert "    Jean-Pierre Jeunet\n" in text
    rt.write_text(text.replace("    Jean-Pierre Jeunet\n", "    Jeunet Jeanpierre\n"), "utf-8")
    report = audit([folder], load(ROOT))
    assert not [d for d in report.discrepancies if d.attribute == "director" and d.code != "AU007"]
    [director] = [r for r in report.resolved if r["attribute"] == "director"]
    assert len(director["value"]) == 1


def test_a_misspelt_name_is_found_beside_the_name_written_the_other_way_round(tmp_path):
    """One site writes an actor family name first, another misspells him: the misspelling is a
    variant of the name both other sites give, whichever order they write it in."""
    folder = fixture_copy(tmp_path, "amelie-2001")
    for name, old, new in (
        ("wikipedia.txt", "Mathieu\u2005Kassovitz as Nino", "Kassovitz Mathieu as Nino"),
        ("movieblog.txt", "Mathieu Kassovitz - Nino", "Mathieu Kasovitz - Nino"),
    ):
        path = folder / name
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new), "utf-8")
    report = audit([folder], load(ROOT))
    [variant] = [
        d
        for d in report.discrepancies
        if d.attribute == "cast" and d.code == "AU003" and "Kasovitz" in d.explanation
    ]
    assert variant.severity == "warning"
    assert {c.source for c in variant.claims} == {"imdb", "movieblog", "wikipedia"}


def test_a_second_cut_two_pages_state_is_no_conflict(tmp_path):
    """IMDb and Wikipedia each give the theatrical time and the director's cut's (107 and 114
    minutes); Rotten Tomatoes the theatrical one: every time is a cut's, no conflict. A third
    time that no cut explains still is one."""
    folder = fixture_copy(tmp_path, "the-salt-lantern-1978")
    rt = folder / "rottentomatoes.txt"
    text = rt.read_text(encoding="utf-8")
    assert "1 hr. 48 min." in text
    rt.write_text(text.replace("1 hr. 48 min.", "1 hr. 47 min."), "utf-8")
    report = audit([folder], load(ROOT))
    assert not [d for d in report.discrepancies if d.attribute == "runtime" and d.code != "AU007"]
    rt.write_text(text.replace("1 hr. 48 min.", "1 hr. 50 min."), "utf-8")
    report = audit([folder], load(ROOT))
    [conflict] = [d for d in report.discrepancies if d.attribute == "runtime" and d.code == "AU001"]
    assert conflict.severity == "warning"


def test_a_name_folded_to_ascii_is_the_same_person(tmp_path):
    """A page that writes Nordic names in ASCII ("Kjaer" for Kjær, "Soren" for Søren: æ as
    "ae", ø as "o", letters no Unicode decomposition strips) names the people the others write
    with them: no variant, no conflict, and the resolved name keeps its letters."""
    folder = fixture_copy(tmp_path, "nightwater-ii-the-drowned-bell-2009")
    blog = folder / "movieblog.txt"
    text = blog.read_text(encoding="utf-8")
    for old in ("Director: Mette Kjær Lindholt", "Stars: Nikolaj Reimer, Sara Lindqvist, Søren"):
        assert old in text
        text = text.replace(old, old.replace("æ", "ae").replace("ø", "o"))
    blog.write_text(text, "utf-8")
    report = audit([folder], load(ROOT))
    assert not [
        d
        for d in report.discrepancies
        if d.attribute in ("director", "stars") and d.severity != "info"
    ]
    assert not [d for d in report.discrepancies if "Kjaer" in d.explanation]
    [stars] = [r for r in report.resolved if r["attribute"] == "stars"]
    assert "Søren Vestergaard" in stars["value"]
