"""Per-source tables validated with Great Expectations against the suites in expectations/."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from auditor.catalog import KINDS
from auditor.claims import Claim, to_frame
from auditor.cli import main
from auditor.tables import build
from auditor.validate import validate
from auditor.validate.suites import load_suites
from tests.conftest import ROOT, SOURCES

SUITES = ROOT / "expectations"


@pytest.fixture(scope="module")
def bundled_report():
    from auditor.config import load
    from auditor.pipeline import audit

    return audit([SOURCES], load(ROOT))


def test_bundled_tables_pass_their_suites(bundled_report):
    runs = {(s.source, s.suite): s for s in bundled_report.expectations}
    assert set(runs) == {
        ("filmsuggest", "film"),
        ("imdb", "film"),
        ("movieblog", "film"),
        ("rottentomatoes", "film"),
        ("wikipedia", "film"),
        ("imdb", "imdb"),
        ("imdb", "year-stated"),
        ("movieblog", "year-stated"),
        ("wikipedia", "year-stated"),
        ("filmsuggest", "year-stated"),
    }
    assert all(s.success for s in runs.values()), [
        (s.source, r.expectation, r.column, r.details)
        for s in runs.values()
        for r in s.results
        if not r.success
    ]
    assert len(runs[("imdb", "film")].results) == 21


def test_json_expectations_section_follows_the_contract(bundled_report):
    section = bundled_report.to_dict()["expectations"]
    for suite in section:
        assert {"source", "suite", "success", "results"} <= set(suite)
        for r in suite["results"]:
            assert {"expectation", "column", "success", "details"} <= set(r)


def test_tables_are_typed():
    from auditor.pipeline import extract_paths

    extraction = extract_paths([SOURCES])
    tables = build(extraction.claims, {"leaving-las-vegas-1995/imdb.txt": "2017"})
    imdb = tables["imdb"].row(0, named=True)
    assert imdb["runtime"] == 111 and imdb["rating_votes"] == 97495
    assert (imdb["user_rating"], imdb["user_rating_scale"]) == (7.6, 10.0)
    assert str(imdb["release_date"]) == "1996-02-09" and imdb["capture_year"] == 2017
    assert imdb["gross"] == 31968347 and imdb["gross_scope"] == "usa"
    assert imdb["genres"] == ["drama", "romance"]
    wiki = tables["wikipedia"].row(0, named=True)
    assert (wiki["budget_low"], wiki["budget_high"]) == (3_500_000, 4_000_000)
    assert wiki["critic_score"] == 82.0  # the Metascore, not the Tomatometer


def _claim(entity, source, attribute, value, qualifier=None, n=0):
    raw = json.dumps(value)
    return Claim(
        entity, source, f"{entity}/{source}.txt", attribute, raw, value, qualifier, n, n + len(raw)
    )


def test_planted_bad_values_fail_exactly_the_matching_expectations():
    good, bad = "good-film-2004", "bad-film-2004"
    claims = []
    for entity in (good, bad):
        claims += [_claim(entity, "imdb", "title", "A Film"), _claim(entity, "imdb", "year", 2004)]
    claims += [
        _claim(good, "imdb", "user_rating", {"value": 7.1, "scale": 10}),
        _claim(good, "imdb", "rating_votes", 48912),
        _claim(good, "imdb", "runtime", 107),
        _claim(good, "imdb", "release_date", "2004-11-05"),
        _claim(bad, "imdb", "user_rating", {"value": 11, "scale": 10}),
        _claim(bad, "imdb", "rating_votes", -40),
        _claim(bad, "imdb", "runtime", 5),
        _claim(bad, "imdb", "release_date", "2019-03-01"),
    ]
    captured = {f"{good}/imdb.txt": "2017", f"{bad}/imdb.txt": "2017"}
    tables = build(to_frame(claims), captured)
    suites, errors = load_suites(SUITES)
    outcomes, problems = validate(tables, [s for s in suites if s.name == "film"])
    assert not errors and not problems
    [film] = outcomes
    failed = {(r.expectation, r.column) for r in film.results if not r.success}
    assert failed == {
        ("expect_column_pair_values_a_to_be_greater_than_b", "user_rating_scale > user_rating"),
        ("expect_column_values_to_be_between", "rating_votes"),
        ("expect_column_values_to_be_between", "runtime"),
        ("expect_column_pair_values_a_to_be_greater_than_b", "capture_date > release_date"),
    }
    for r in film.results:
        if not r.success:
            assert r.severity == "error"
            assert [u["documents"] for u in r.unexpected] == [[f"{bad}/imdb.txt"]], r
            assert [u["entity"] for u in r.unexpected] == [bad]


def _project(tmp_path, suites: dict[str, str]):
    """A throwaway project: the bundled sources, and the given suite files."""
    (tmp_path / "auditor.toml").write_text('sources = "sources"\nexpectations = "exp"\n')
    shutil.copytree(SOURCES, tmp_path / "sources")
    exp = tmp_path / "exp"
    exp.mkdir()
    shutil.copy(SUITES / "film.json", exp / "film.json")
    for name, text in suites.items():
        (exp / name).write_text(text, encoding="utf-8")
    return tmp_path


BAD_SUITES = {
    "broken.json": ('{"name": "broken", "expectations": [', "not valid JSON"),
    "shapeless.json": ('{"expectations": {"type": 1}}', "not a valid Great Expectations suite"),
    "columns.json": (
        '{"name": "columns", "expectations": [{"type": "expect_column_values_to_not_be_null", '
        '"kwargs": {"column": "box_office_usa"}}]}',
        "names column box_office_usa that the",
    ),
    "nosource.json": (
        '{"name": "nosource", "meta": {"auditor": {"sources": ["letterboxd"]}}, '
        '"expectations": []}',
        "names source letterboxd with no documents",
    ),
    "badregex.json": (
        '{"name": "badregex", "expectations": [{"type": "expect_column_values_to_match_regex", '
        '"kwargs": {"column": "title", "regex": "(["}}]}',
        "the regex '([' is invalid",
    ),
    "unknowntype.json": (
        '{"name": "unknowntype", "expectations": [{"type": "expect_film_to_be_good", '
        '"kwargs": {}}]}',
        "Great Expectations refuses it",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_SUITES))
def test_malformed_suite_is_a_clear_error_and_others_still_run(capsys, tmp_path, monkeypatch, name):
    text, message = BAD_SUITES[name]
    project = _project(tmp_path, {name: text})
    monkeypatch.chdir(project)
    code = main(["check", "--format", "json", "--out", "out"])
    out, err = capsys.readouterr()
    assert code == 2
    lines = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(lines) == 1 and name in lines[0] and message in lines[0], err
    assert "Traceback" not in out + err
    report = json.loads((project / "out" / "report.json").read_text())
    assert {s["suite"] for s in report["expectations"]} >= {"film"}
    assert all(s["success"] for s in report["expectations"] if s["suite"] == "film")


def test_failed_error_expectation_makes_check_exit_1(capsys, tmp_path, monkeypatch):
    strict = (
        '{"name": "strict", "expectations": [{"type": "expect_column_values_to_be_between",'
        ' "kwargs": {"column": "runtime", "min_value": 200, "max_value": 400}}]}'
    )
    project = _project(tmp_path, {"strict.json": strict})
    monkeypatch.chdir(project)
    code = main(["check", "--format", "json", "--out", "out", "--fail-on", "error"])
    capsys.readouterr()
    assert code == 1
    report = json.loads((project / "out" / "report.json").read_text())
    [failed] = [
        r
        for s in report["expectations"]
        for r in s["results"]
        if not r["success"] and s["suite"] == "strict" and s["source"] == "imdb"
    ]
    assert failed["unexpected"][0]["documents"] == ["leaving-las-vegas-1995/imdb.txt"]
    # The same failure as a warning does not fail an error threshold. The bundled sources'
    # own discrepancies are demoted to info here, so the exit code is the expectation's alone.
    (project / "auditor.toml").write_text(
        'sources = "sources"\nexpectations = "exp"\n[severity]\n'
        + "".join(f'{code} = "info"\n' for code in KINDS)
    )
    assert main(["check", "--format", "json", "--out", "out", "--fail-on", "error"]) == 1
    (project / "exp" / "strict.json").write_text(
        strict.replace('"kwargs"', '"severity": "warning", "kwargs"')
    )
    assert main(["check", "--format", "json", "--out", "out", "--fail-on", "error"]) == 0
    assert main(["check", "--format", "json", "--out", "out", "--fail-on", "warning"]) == 1
    capsys.readouterr()


def test_commands_that_do_not_validate_never_import_great_expectations():
    code = (
        "import sys; from auditor.cli import main; "
        "main(['extract', sys.argv[1]]); main(['--help']); main(['rules']); "
        "print('great_expectations' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(SOURCES)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    ).stdout
    assert out.strip().splitlines()[-1] == "False"


def test_results_follow_each_suite_and_its_order(capsys, tmp_path):
    """Row-by-row expectations run over all sources at once and the rest per source; every
    result still lands in its own suite, in the suite's order (GX reorders what it returns)."""
    assert main(["check", str(SOURCES), "--out", str(tmp_path), "--format", "json"]) == 1
    report = json.loads((tmp_path / "report.json").read_text())
    suites = {s.name: s for s in load_suites(ROOT / "expectations")[0]}
    assert len(report["expectations"]) == 10
    for outcome in report["expectations"]:
        wanted = [
            (e["type"], e["kwargs"].get("column") or e["kwargs"].get("column_A"))
            for e in suites[outcome["suite"]].data["expectations"]
        ]
        got = [
            (r["expectation"], (r["column"] or "").split(" > ")[0] or None)
            for r in outcome["results"]
        ]
        assert got == wanted, outcome["suite"]


def _shape_suite(tmp_path, expectations: list[dict]):
    from auditor.validate.suites import SuiteFile

    data = {"name": "shape", "expectations": expectations}
    return SuiteFile(tmp_path / "shape.json", "shape", data, None)


def test_table_level_expectations_see_the_whole_table(tmp_path):
    """GX is handed only the columns that column expectations name; an expectation about the
    table's columns, or a column's position, in the same suite still sees all of them."""
    claims = [
        _claim("a-film-2004", "imdb", "title", "A Film"),
        _claim("a-film-2004", "imdb", "year", 2004),
        _claim("a-film-2004", "imdb", "runtime", 107),
    ]
    tables = build(to_frame(claims), {})
    import polars as pl

    scalar = [c for c, t in tables["imdb"].schema.items() if not isinstance(t, pl.List)]
    suite = _shape_suite(
        tmp_path,
        [
            {"type": "expect_table_column_count_to_equal", "kwargs": {"value": len(scalar)}},
            {
                "type": "expect_column_to_exist",
                "kwargs": {"column": "runtime", "column_index": scalar.index("runtime")},
            },
            {"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "title"}},
        ],
    )
    [outcome], problems = validate(tables, [suite])
    assert not problems
    assert [r.success for r in outcome.results] == [True, True, True], outcome.results


def test_a_suite_reads_only_the_columns_it_names_unless_a_row_condition_reads_more(tmp_path):
    from auditor.validate.run import _columns, gx_context

    gx, _ = gx_context()

    def columns(expectations):
        suite = _shape_suite(tmp_path, expectations).data
        return _columns(gx.ExpectationSuite(name="shape", expectations=suite["expectations"]))

    between = {
        "type": "expect_column_values_to_be_between",
        "kwargs": {"column": "runtime", "min_value": 1},
    }
    pair = {
        "type": "expect_column_pair_values_a_to_be_greater_than_b",
        "kwargs": {"column_A": "capture_date", "column_B": "release_date"},
    }
    assert columns([between, pair]) == {"runtime", "capture_date", "release_date"}
    conditional = {
        "type": "expect_column_values_to_not_be_null",
        "kwargs": {"column": "title", "row_condition": "year>2000", "condition_parser": "pandas"},
    }
    assert columns([between, conditional]) is None
    assert (
        columns(
            [between, {"type": "expect_table_row_count_to_be_between", "kwargs": {"min_value": 1}}]
        )
        is None
    )


def test_the_gross_scope_set_holds_every_scope_a_qualifier_can_name():
    """A Japanese or Italian gross is no data-quality warning: the built-in suite's set of
    gross scopes holds every country the qualifiers are normalized to, and worldwide."""
    from auditor.normalize import places

    suite = json.loads((SUITES / "film.json").read_text(encoding="utf-8"))
    [scopes] = [
        e["kwargs"]["value_set"]
        for e in suite["expectations"]
        if e["kwargs"].get("column") == "gross_scope"
    ]
    canonical = {places.canonical_country(c) for c in places._KNOWN_COUNTRIES} - {None}
    assert canonical | {"worldwide"} <= set(scopes)


@pytest.mark.parametrize(
    ("qualifier", "scope"),
    [("usa,re-release", "usa"), ("worldwide,original run", "worldwide"), ("re-release", None),
     ("uk", "uk")],
)
def test_the_gross_scope_of_one_runs_gross_is_its_scope_alone(qualifier, scope):
    """A gross of one release ("usa,re-release") is a gross in its scope: the validation
    table's scope column holds the scope, which the suite's set of scopes names."""
    claim = _claim("a-film-2004", "wikipedia", "gross", {"amount": 5, "currency": "USD"}, qualifier)
    tables = build(to_frame([_claim("a-film-2004", "wikipedia", "title", "A Film"), claim]), {})
    assert tables["wikipedia"].row(0, named=True)["gross_scope"] == scope


def test_an_expectation_that_cannot_be_evaluated_fails_and_says_why(tmp_path):
    # Texts cannot be compared with a number: the expectation cannot be evaluated, which
    # must not read as every row passing.
    claims = [_claim("a-film-2004", "imdb", "title", "A Film")]
    tables = build(to_frame(claims), {})
    suite = _shape_suite(
        tmp_path,
        [
            {
                "type": "expect_column_values_to_be_between",
                "kwargs": {"column": "title", "min_value": 1, "max_value": 9},
            }
        ],
    )
    [outcome], problems = validate(tables, [suite])
    [result] = outcome.results
    assert not result.success and not outcome.success
    assert result.details.startswith("could not be evaluated: ")
