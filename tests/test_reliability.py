"""Reconciliation learns which sources to trust across the catalog (auditor.truth), and the
reports carry what it learned."""

from __future__ import annotations

import json
import random

import polars as pl

from auditor.attributes import catalog
from auditor.claims import Claim, to_frame
from auditor.cli import main
from auditor.reconcile import Settings, reconcile
from tests.conftest import SOURCES, fixture_copy


def _claim(entity, source, attribute, value, raw=None):
    raw = raw or str(value)
    return Claim(entity, source, f"{entity}/{source}.txt", attribute, raw, value, None, 0, len(raw))


def _catalog() -> pl.DataFrame:
    """20 films; sloppy is wrong on most runtimes. On the last film only careful and sloppy
    state one, and they disagree: equal trust cannot tell them apart."""
    claims = []
    for k in range(20):
        entity = f"film-{k:02d}-2000"
        for source in ("careful", "steady", "third"):
            claims.append(_claim(entity, source, "runtime", 90 + k))
        claims.append(_claim(entity, "sloppy", "runtime", 90 + k + (30 if k % 4 else 0)))
    claims += [
        _claim("last-film-2001", "careful", "runtime", 101),
        _claim("last-film-2001", "sloppy", "runtime", 135),
    ]
    return to_frame(claims)


def test_a_source_often_wrong_weighs_less_on_every_film():
    settings = Settings(specs=catalog())
    result = reconcile(_catalog(), settings)
    reliability = dict(zip(result.sources["source"], result.sources["reliability"], strict=True))
    assert reliability["sloppy"] < 0.5 < 0.9 < reliability["careful"]
    resolved = result.resolved.filter(pl.col("entity") == "last-film-2001").row(0, named=True)
    assert json.loads(resolved["value"]) == 101 and resolved["sources"] == ["careful"]
    assert 0.5 < resolved["confidence"] < 1.0
    [conflict] = [d for d in result.discrepancies if d.entity == "last-film-2001"]
    assert conflict.resolved.value == 101


def test_report_json_has_sources_and_every_resolved_attribute(capsys, tmp_path):
    assert main(["check", str(SOURCES), "--out", str(tmp_path), "--format", "json,html"]) == 1
    report = json.loads((tmp_path / "report.json").read_text())
    sources = {s["source"]: s for s in report["sources"]}
    assert set(sources) == {"imdb", "movieblog", "rottentomatoes", "wikipedia", "filmsuggest"}
    for s in sources.values():
        assert 0 < s["reliability"] < 1 and s["claims"] > 0 and 0 <= s["agreed"] <= 1
        assert isinstance(s["copies"], list)
    resolved = {(r["attribute"], r["slot"]): r["value"] for r in report["resolved"]}
    # list attributes resolve too: genres, directors, stars
    assert resolved[("director", "")] == ["Mike Figgis"]
    assert sorted(resolved[("genres", "")]) == ["Drama", "Romance"]
    assert "Nicolas Cage" in resolved[("stars", "")]
    assert resolved[("rating_votes", "")] == 97495  # the latest capture's count
    html = (tmp_path / "report.html").read_text()
    assert "Sources: how far each is trusted" in html and "<svg" in html


def _lists(spellings: dict[str, list[str]], trust: dict[str, float]):
    claims = [
        _claim("film-2000", source, "character", name)
        for source, names in spellings.items()
        for name in names
    ]
    settings = Settings(specs=catalog(), trust=trust)
    resolved = reconcile(to_frame(claims), settings).resolved
    return resolved.filter(pl.col("attribute") == "character").row(0, named=True)


def test_a_list_resolves_to_the_one_whose_spellings_the_others_share():
    """Two lists name a third character, spelt a letter apart (one cut short); a more trusted
    list instead repeats its lead under a misspelt surname. Counting near spellings as one
    member, the two lists support each other fully, and the slip loses."""
    row = _lists(
        {
            "a": ["Ben Sanderson", "Sera", "Yuri Butso"],
            "b": ["Ben Sanderson", "Sera", "Yuri Butsov"],
            "c": ["Ben Sanderson", "Sera", "Ben Anderson"],
            "d": ["Ben Sanderson", "Sera"],
        },
        {"a": 0.7, "b": 1.0, "c": 1.2, "d": 1.0},
    )
    assert json.loads(row["value"]) == ["Ben Sanderson", "Sera", "Yuri Butsov"]
    assert row["sources"] == ["b"]


def test_different_names_are_not_taken_for_spellings_of_one():
    """"Ann Lee" and "Bo Lee" share a surname but are far apart: the trusted list wins as
    before, its members kept apart."""
    row = _lists(
        {"a": ["Ann Lee", "Cy Dale"], "b": ["Bo Lee", "Cy Dale"], "c": ["Bo Lee", "Cy Dale"]},
        {"a": 1.0, "b": 1.0, "c": 1.0},
    )
    assert json.loads(row["value"]) == ["Bo Lee", "Cy Dale"]


def test_a_discrepancy_says_what_the_resolved_table_says(capsys, tmp_path):
    """A discrepancy about a single-valued attribute resolves to its item's resolved value,
    with the same confidence (per slot for one about every slot): the matrix and the
    discrepancy never disagree on what is most likely true."""
    main(["check", str(SOURCES), "--out", str(tmp_path), "--format", "json"])
    report = json.loads((tmp_path / "report.json").read_text())
    table = {(r["entity"], r["attribute"], r["slot"]): r for r in report["resolved"]}
    checked = 0
    for d in report["discrepancies"]:
        if d["attribute"] in ("runtime", "dvd_release", "gross"):
            got = d["resolved"]
            if isinstance(got["value"], dict) and "unqualified" in got["value"]:
                for slot, value in got["value"].items():
                    slot = "" if slot == "unqualified" else slot
                    row = table[(d["entity"], d["attribute"], slot)]
                    assert row["value"] == value and got["confidence"] <= row["confidence"]
            else:
                row = table[(d["entity"], d["attribute"], "")]
                assert (got["value"], got["confidence"]) == (row["value"], row["confidence"])
            checked += 1
    assert checked >= 4


def test_configured_trust_is_a_prior_and_an_unnamed_source_starts_from_the_data():
    """A source the configuration names starts from its trust (x 0.8); one it does not name
    starts from the mean accuracy the data shows, not a fixed guess: the same few claims
    make an unnamed source's reliability follow the catalog, a named one's its trust."""
    from auditor.reconcile import reliability
    from auditor.reconcile.prepare import prepare

    frame = _catalog()
    settings = Settings(specs=catalog(), trust={"sloppy": 0.5})
    priors = dict(
        reliability.claims(prepare(frame, settings), settings)
        .group_by("source")
        .agg(pl.col("prior").first())
        .iter_rows()
    )
    assert priors["sloppy"] == 0.4 and priors["careful"] is None
    def learned(s: Settings) -> dict:
        return dict(reconcile(frame, s).sources.select("source", "reliability").iter_rows())

    named, unnamed = learned(settings), learned(Settings(specs=catalog()))
    # the named sloppy source is pulled towards its low trust; the others barely move
    assert named["sloppy"] < unnamed["sloppy"]
    assert abs(named["careful"] - unnamed["careful"]) < 0.05


def _budgets(stated: dict[str, tuple[int, str]]):
    claims = [
        _claim("film-2000", source, "budget", {"low": amount, "high": amount, "currency": cur})
        for source, (amount, cur) in stated.items()
    ]
    result = reconcile(to_frame(claims), Settings(specs=catalog()))
    row = result.resolved.filter(pl.col("attribute") == "budget").row(0, named=True)
    listed = {
        s: [a["attribute"] for a in attrs]
        for s, attrs in zip(result.sources["source"], result.sources["attributes"], strict=True)
    }
    return row, listed


def test_a_figure_in_another_currency_neither_supports_nor_is_charged():
    """Two sources state a budget in euros, a third the same budget in dollars, an amount
    within tolerance of no euro figure's being wrong: without an exchange rate it lends the
    euro figure no support and costs its source nothing."""
    row, listed = _budgets(
        {"a": (11_400_000, "EUR"), "b": (11_400_000, "EUR"), "c": (11_000_000, "USD")}
    )
    assert json.loads(row["value"])["currency"] == "EUR" and row["sources"] == ["a", "b"]
    assert "budget" not in listed.get("c", []) and "budget" in listed["a"]
    # tied currencies: both stay in the vote, as before
    row, listed = _budgets({"a": (11_400_000, "EUR"), "c": (11_000_000, "USD")})
    assert "budget" in listed["a"] and "budget" in listed["c"]


def test_the_precise_figure_resolves_over_the_rounded_one_it_generalises():
    """"$2.1 million" and "$2,104,532" support each other; the resolution names the figure
    that says most (and a point inside a range over the range), whichever source is listed
    first."""
    for order in (1, -1):
        claims = [
            _claim("film-2000", "a", "gross", {"amount": 2_104_532, "currency": "USD"}),
            _claim("film-2000", "b", "gross", {"amount": 2_100_000, "currency": "USD"}),
            _claim("film-2000", "a", "budget", {"low": 28e6, "high": 28e6, "currency": "USD"}),
            _claim("film-2000", "b", "budget", {"low": 25e6, "high": 30e6, "currency": "USD"}),
        ][::order]
        resolved = reconcile(to_frame(claims), Settings(specs=catalog())).resolved
        value = dict(zip(resolved["attribute"], map(json.loads, resolved["value"]), strict=True))
        assert value["gross"]["amount"] == 2_104_532
        assert value["budget"]["low"] == value["budget"]["high"] == 28_000_000


def _grosses(stated: list[tuple[str, int, str | None]]) -> dict[str, tuple[int, list[str]]]:
    claims = [
        Claim("film-2000", source, f"film-2000/{source}.txt", "gross", f"${amount:,}",
              {"amount": amount, "currency": "USD"}, scope, 0, 9)
        for source, amount, scope in stated
    ]  # fmt: skip
    resolved = reconcile(to_frame(claims), Settings(specs=catalog())).resolved
    return {
        slot: (json.loads(value)["amount"], sources)
        for slot, value, sources in resolved.select("slot", "value", "sources").iter_rows()
    }


def test_an_unscoped_figure_counts_for_the_scope_it_restates():
    """A gross that names no scope supports the scoped figure it repeats (so that the usa
    figure two sources state beats the one a single source mistyped), as a mistyped copy of
    one counts against it; one that restates no scope, or two, stays a slot of its own."""
    resolved = _grosses(
        [("a", 412_500, "usa"), ("b", 421_500, "usa"), ("c", 412_500, None),
         ("d", 210_000, "uk")]
    )  # fmt: skip
    assert set(resolved) == {"usa", "uk"} and resolved["usa"][0] == 412_500
    assert "c" in resolved["usa"][1]  # (b's figure, within the tolerance, supports it too)
    # the same digits in another order: a mistyped copy of the usa figure, not a scope's value
    resolved = _grosses([("a", 2_104_532, "usa"), ("b", 2_401_532, None)])
    assert resolved == {"usa": (2_104_532, ["a"])}
    # within the tolerance of one scope's figure: that scope's
    resolved = _grosses([("a", 2_104_532, "usa"), ("b", 2_100_000, None)])
    assert set(resolved) == {"usa"}
    # the same amount in two scopes, or in none: no scope can be told
    resolved = _grosses([("a", 84_200_000, "usa"), ("b", 84_200_000, "canada"),
                         ("c", 84_200_000, None), ("d", 100_000_000, None)])  # fmt: skip
    assert set(resolved) == {"usa", "canada", ""}


def test_a_page_that_names_no_scope_supports_the_scope_it_repeats(tmp_path):
    """The British noir fixture: Rotten Tomatoes' "Box Office: $412,500" names no scope and
    repeats IMDb's "$412,500 (usa)": it is resolved with the usa figures, and no unscoped
    gross of its own is "most likely" beside them."""
    from auditor.config import load
    from auditor.pipeline import extract_paths, settings_for

    folder = fixture_copy(tmp_path, "the-night-has-no-walls-1947")
    extraction = extract_paths([folder])
    settings = settings_for(load(folder), extraction)
    resolved = reconcile(extraction.claims, settings).resolved.filter(
        pl.col("attribute") == "gross"
    )
    sources = dict(resolved.select("slot", "sources").iter_rows())
    assert set(sources) == {"uk", "usa"} and "rottentomatoes" in sources["usa"]


def test_a_finding_on_unscoped_figures_resolves_to_the_scopes_they_repeat():
    """Two unscoped grosses, one the other's digits mistyped, both repeating the usa figure:
    the finding says the usa figure is most likely, as the resolved table does (no unscoped
    slot is left to name)."""
    claims = [
        Claim("film-2000", source, f"film-2000/{source}.txt", "gross", f"${amount:,}",
              {"amount": amount, "currency": "USD"}, scope, 0, 9)
        for source, amount, scope in
        [("a", 212_450, "usa"), ("b", 221_450, None), ("c", 212_450, None)]
    ]  # fmt: skip
    result = reconcile(to_frame(claims), Settings(specs=catalog()))
    [mistyped] = [d for d in result.discrepancies if d.reason == "transposed-digits"]
    assert mistyped.resolved.value == {"usa": {"amount": 212_450, "currency": "USD"}}


def test_a_films_release_date_is_its_home_release_where_a_source_dates_several(tmp_path):
    """The silent German fixture: Wikipedia dates the German release 10 January 1927 once
    and the US release 6 March 1927 twice (infobox and prose); IMDb dates the German one.
    The film's release date is its German release: Wikipedia's US date is no vote against
    it (it was the most trusted source's most repeated date, and won)."""
    from auditor.config import load
    from auditor.pipeline import extract_paths, settings_for

    folder = fixture_copy(tmp_path, "seven-bells-1927")
    extraction = extract_paths([folder])
    settings = settings_for(load(folder), extraction)
    resolved = reconcile(extraction.claims, settings).resolved.filter(
        (pl.col("attribute") == "release_date") & (pl.col("slot") == "")
    )
    [(value, sources)] = resolved.select("value", "sources").iter_rows()
    assert json.loads(value) == "1927-01-10" and {"imdb", "wikipedia"} <= set(sources)


def test_a_declared_choice_learns_a_skill_beyond_guessing(tmp_path):
    """Through `auditor check --config`: a crowd's wide table of a question of forty answers
    and a yes/no (the main platform's "yes"/"no", a second platform's long "1"/"0" declared
    as aliases). Declared `choice`, four spammers' guesses weigh about nothing, so the item
    where two good workers and every spammer say yes against one good worker resolves yes;
    declared `text`, Accu's one accuracy makes the spammers' yes a vote for no."""
    rng = random.Random(3)
    good, spam = ["good1", "good2", "good3"], ["spam1", "spam2", "spam3", "spam4"]
    wide = ["worker,item,species,flag"]
    for k in range(200):
        species, flag = f"s{rng.randrange(40)}", rng.choice(("yes", "no"))
        for w in good:
            right = rng.random() < 0.8
            other, wrong = f"s{rng.randrange(40)}", "no" if flag == "yes" else "yes"
            wide.append(f"{w},e{k},{species if right else other},{flag if right else wrong}")
        for w in spam:
            wide.append(f"{w},e{k},s{rng.randrange(40)},{rng.choice(('yes', 'no'))}")
    wide += [f"{w},x,," + "yes" for w in ["good1", "good2", *spam[:2]]]
    (tmp_path / "wide.csv").write_text("\n".join(wide) + "\n", encoding="utf-8")
    long = "worker\titem\tquestion\tanswer\n" + "".join(
        f"{w}\tx\tflag\t{a}\n" for w, a in (("spam3", "1"), ("spam4", "1"), ("good3", "0"))
    )
    (tmp_path / "long.tsv").write_text(long, encoding="utf-8")

    def resolved(kind: str) -> str:
        config = tmp_path / f"{kind}.toml"
        config.write_text(
            '[[tables]]\npath = "wide.csv"\nsource = { column = "worker" }\nentity = ["item"]\n'
            '[tables.columns]\nspecies = "species"\nflag = "flag"\n\n'
            '[[tables]]\npath = "long.tsv"\nsource = { column = "worker" }\nentity = ["item"]\n'
            'attribute = { column = "question" }\nvalue = { column = "answer" }\n\n'
            f'[attributes.species]\nkind = "{kind}"\n\n[attributes.flag]\nkind = "{kind}"\n\n'
            '[aliases.flag]\nyes = ["1"]\nno = ["0"]\n',
            encoding="utf-8",
        )
        out = tmp_path / kind
        main(["check", "--config", str(config), "--out", str(out), "--format", "json",
              "--fail-on", "never"])
        report = json.loads((out / "report.json").read_text(encoding="utf-8"))
        (row,) = [r for r in report["resolved"] if (r["entity"], r["attribute"]) == ("x", "flag")]
        return {"1": "yes", "0": "no"}.get(str(row["value"]), str(row["value"]))

    assert resolved("choice") == "yes"
    assert resolved("text") == "no"


def test_a_source_crediting_two_directors_apart_resolves_to_the_list_the_others_give(tmp_path):
    """The Irish fixture: filmsuggest credits Basil Ormerod in one sentence and Siobhan Keady
    in another; every other source credits her alone. The finding cites filmsuggest's two
    claims alone, a tie between them: it says what the resolved table says of the directors."""
    from auditor.config import load
    from auditor.pipeline import extract_paths, settings_for

    folder = fixture_copy(tmp_path, "the-glass-harbour-1998")
    extraction = extract_paths([folder])
    result = reconcile(extraction.claims, settings_for(load(folder), extraction))
    [apart] = [d for d in result.discrepancies if d.reason == "credited-apart"]
    assert apart.resolved.value == ["Siobhan Keady"] and "imdb" in apart.resolved.sources
