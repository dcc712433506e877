"""The reports people read and CI act on: HTML in a browser, JSON, Markdown, JUnit, baseline."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from auditor.cli import main
from tests.conftest import BUNDLED, FIXTURES, ROOT, SOURCES

SNAPSHOTS = Path(__file__).parent / "snapshots"
BROWSERS = ("chromium", "chromium-browser", "google-chrome")


def _browser() -> str:
    for name in BROWSERS:
        if path := shutil.which(name):
            return path
    if os.environ.get("CI"):
        pytest.fail("no Chromium: .ci/run installs Debian's chromium")
    pytest.skip("no Chromium on this machine (apt-get install chromium)")


def _chromium(page: Path, tmp_path: Path, *extra: str) -> str:
    args = [
        _browser(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
        *extra,
        page.as_uri(),
    ]
    done = subprocess.run(args, capture_output=True, text=True, timeout=120, check=False)
    return done.stdout


def _check(capsys, *args: str) -> int:
    code = main(["check", *args])
    capsys.readouterr()
    return code


@pytest.fixture(scope="module")
def bundled_reports(tmp_path_factory):
    out = tmp_path_factory.mktemp("reports")
    assert main(["check", str(SOURCES), "--out", str(out)]) == 1
    return out


def test_all_formats_written(bundled_reports):
    assert sorted(p.name for p in bundled_reports.iterdir()) == [
        "claims.jsonl",
        "discrepancies.jsonl",
        "junit.xml",
        "report.html",
        "report.json",
        "report.sarif",
        "summary.md",
    ]


def test_html_in_chromium(bundled_reports, tmp_path):
    page = bundled_reports / "report.html"
    dom = _chromium(page, tmp_path, "--dump-dom")
    report = json.loads((bundled_reports / "report.json").read_text())
    counts = dict(re.findall(r'data-count="([\w-]+)">([^<]+)<', dom))
    s = report["summary"]
    assert counts["documents"] == f"{s['documents']:,}" and counts["claims"] == f"{s['claims']:,}"
    for sev in ("error", "warning", "info"):
        assert counts[sev] == f"{s['discrepancies'][sev]:,}"
    assert counts["failed-expectations"].startswith("0 / ")
    # the matrix: one row per attribute any source states, a column per source and the resolution
    assert 'class="matrix-table"' in dom
    for attribute in ("release_date", "runtime", "gross", "rating_votes", "character"):
        assert f'data-attribute="{attribute}"' in dom
    assert dom.count('data-disagree="error"') >= 3
    # every discrepancy with its code, explanation and highlighted evidence
    for d in report["discrepancies"]:
        article = dom[dom.index(f'id="d-{d["id"]}"') :]
        article = article[: article.index("</article>")]
        assert d["code"] in article
        assert article.count("<mark>") == len(d["claims"])
    assert "<mark>Ben Anderson</mark>" in dom
    assert "<mark>Oct 27, 1995 Wide</mark>" in dom
    shot = tmp_path / "report.png"
    _chromium(page, tmp_path, "--screenshot=" + str(shot), "--window-size=1400,2000")
    assert shot.stat().st_size > 50_000


def test_a_finding_resolved_per_slot_reads_each_slots_value(bundled_reports):
    """A finding over several slots (the gross per scope, the critic score per site) says
    what is most likely true of each, in the forms the matrix shows ("usa: $31,968,347"),
    never an amount's or a score's fields as data."""
    page = (bundled_reports / "report.html").read_text(encoding="utf-8")
    likely = re.findall(r"Most likely: <strong>([^<]*)</strong>", page)
    assert "unqualified: $49.8M; usa: $31,968,347" in likely
    assert "metacritic: 82/100; rottentomatoes: 91/100; rottentomatoes average: 7.7/10" in likely
    assert not [text for text in likely if "{" in text or ": &#39;" in text]


def test_hostile_page_runs_nothing(capsys, sources_copy, tmp_path):
    blog = sources_copy / BUNDLED / "movieblog.txt"
    text = blog.read_text(encoding="utf-8")
    attack = (
        "<script>document.title='PWNED'</script><img src=x onerror=\"document.title='PWNED2'\">"
    )
    blog.write_text(text.replace("Director: Mike Figgis", f"Director: {attack}"), encoding="utf-8")
    out = tmp_path / "r"
    _check(capsys, str(sources_copy), "--out", str(out), "--format", "html")
    html = (out / "report.html").read_text()
    assert "&lt;script&gt;document.title=&#39;PWNED&#39;&lt;/script&gt;" in html
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    dom = _chromium(out / "report.html", tmp_path, "--dump-dom")
    assert "<title>auditor report" in dom and "PWNED</title>" not in dom
    assert "<img" not in dom and dom.count("<script") == 1
    assert "&lt;script&gt;document.title" in dom  # shown as text


def _snapshot(name: str, text: str) -> None:
    path = SNAPSHOTS / name
    if os.environ.get("AUDITOR_UPDATE_SNAPSHOTS"):
        path.write_text(text, encoding="utf-8")
    assert path.is_file(), f"no snapshot {name}: run with AUDITOR_UPDATE_SNAPSHOTS=1"
    assert text == path.read_text(encoding="utf-8"), f"{name} changed; review, then update"


def test_json_snapshot(bundled_reports):
    _snapshot("report.json", (bundled_reports / "report.json").read_text())


def test_markdown_snapshot(bundled_reports):
    md = (bundled_reports / "summary.md").read_text()
    _snapshot("summary.md", md)
    assert "http" not in md and len(md.splitlines()) < 40


def test_json_contract(bundled_reports):
    report = json.loads((bundled_reports / "report.json").read_text())
    assert report["version"] == 1
    assert set(report) >= {
        "version",
        "entities",
        "documents",
        "expectations",
        "discrepancies",
        "summary",
    }
    for d in report["documents"]:
        assert set(d) >= {"entity", "source", "document", "adapter", "claims", "error"}
    for d in report["discrepancies"]:
        assert set(d) >= {
            "id",
            "code",
            "kind",
            "severity",
            "entity",
            "attribute",
            "explanation",
            "claims",
            "resolved",
        }
        for c in d["claims"]:
            assert set(c) == {"source", "document", "raw", "value", "qualifier", "span", "origin"}
        assert set(d["resolved"]) == {"value", "confidence", "sources"}
    assert set(report["summary"]["discrepancies"]) == {"error", "warning", "info"}


def test_junit_parses(bundled_reports):
    root = ET.parse(bundled_reports / "junit.xml").getroot()
    suites = {s.get("name"): s for s in root}
    report = json.loads((bundled_reports / "report.json").read_text())
    n_exp = sum(len(s["results"]) for s in report["expectations"])
    assert int(suites["expectations"].get("tests")) == n_exp
    errors = [d for d in report["discrepancies"] if d["severity"] == "error"]
    cases = suites["discrepancies"].findall("testcase")
    assert len(cases) == len(errors) == int(suites["discrepancies"].get("failures"))
    assert int(root.get("failures")) == len(errors)
    assert len(suites["documents"].findall("testcase")) == 5


def test_outputs_are_byte_identical_across_processes(tmp_path):
    outs = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run(
            [sys.executable, "-m", "auditor", "check", str(SOURCES), "--out", str(out)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            check=False,
        )
        outs.append(out)
    names = sorted(p.name for p in outs[0].iterdir())
    assert len(names) == 7
    for name in names:
        assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes(), name


def test_atomic_write_keeps_the_old_file(tmp_path, monkeypatch):
    from auditor import writing

    target = tmp_path / "report.json"
    target.write_text("old")

    def crash(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(writing.os, "replace", crash)
    with pytest.raises(OSError):
        writing.write_atomic(target, "new")
    assert target.read_text() == "old" and [p.name for p in tmp_path.iterdir()] == ["report.json"]


# --- baseline --------------------------------------------------------------------------------


def test_baseline_fails_only_on_new(capsys, sources_copy, tmp_path):
    base = tmp_path / "baseline.json"
    assert main(["baseline", str(sources_copy), "--out", str(base)]) == 0
    capsys.readouterr()
    out = tmp_path / "r"
    assert _check(capsys, str(sources_copy), "--out", str(out), "--baseline", str(base)) == 0
    report = json.loads((out / "report.json").read_text())
    assert {d["status"] for d in report["discrepancies"]} == {"known"}
    # a new contradiction: Rotten Tomatoes names another director
    rt = sources_copy / BUNDLED / "rottentomatoes.txt"
    rt.write_text(
        rt.read_text(encoding="utf-8").replace("    Mike Figgis\n", "    Peter Vance\n"),
        encoding="utf-8",
    )
    assert _check(capsys, str(sources_copy), "--out", str(out), "--baseline", str(base)) == 1
    report = json.loads((out / "report.json").read_text())
    new_errors = [
        d for d in report["discrepancies"] if d["status"] == "new" and d["severity"] == "error"
    ]
    assert [(d["attribute"], d["code"]) for d in new_errors] == [("director", "AU001")]
    junit = ET.parse(out / "junit.xml").getroot()
    disc = next(s for s in junit if s.get("name") == "discrepancies")
    assert int(disc.get("failures")) == 1 and int(disc.get("skipped")) >= 1
    md = (out / "summary.md").read_text()
    assert "| new |" in md and "| known |" in md
    html = (out / "report.html").read_text()
    assert 'class="badge new"' in html and 'class="badge known"' in html


def test_fingerprints_survive_reordering_and_cosmetic_edits(capsys, sources_copy, tmp_path):
    first = tmp_path / "a"
    _check(capsys, str(sources_copy), "--out", str(first), "--format", "json")
    ids = [d["id"] for d in json.loads((first / "report.json").read_text())["discrepancies"]]
    folder = sources_copy / BUNDLED
    blog = folder / "movieblog.txt"
    blog.write_text(
        blog.read_text(encoding="utf-8").replace(
            "Did You Know?", "Did You Know?\n\nA note added by the editors, unrelated to any fact."
        ),
        encoding="utf-8",
    )
    docs = sorted(folder.glob("*.txt"), reverse=True)
    second = tmp_path / "b"
    _check(capsys, *map(str, docs), "--out", str(second), "--format", "json")
    again = [d["id"] for d in json.loads((second / "report.json").read_text())["discrepancies"]]
    assert sorted(again) == sorted(ids)


def test_committed_baseline_matches_the_bundled_sources(capsys, tmp_path):
    out = tmp_path / "r"
    assert (
        _check(
            capsys,
            str(SOURCES),
            "--out",
            str(out),
            "--format",
            "json",
            "--baseline",
            str(ROOT / "auditor-baseline.json"),
        )
        == 0
    )


def test_missing_baseline_is_a_usage_error(capsys, tmp_path):
    code = main(
        ["check", str(SOURCES), "--out", str(tmp_path), "--baseline", str(tmp_path / "nope.json")]
    )
    assert code == 2 and "auditor baseline" in capsys.readouterr().err


# --- CI workflows ----------------------------------------------------------------------------

WORKFLOWS = ROOT / ".github" / "workflows"


def test_workflows_pass_actionlint():
    actionlint = shutil.which("actionlint") or str(Path(sys.executable).parent / "actionlint")
    done = subprocess.run(
        [actionlint, *map(str, sorted(WORKFLOWS.glob("*.yml")))],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def _audit_steps():
    from ruamel.yaml import YAML

    workflow = YAML(typ="safe").load((WORKFLOWS / "audit.yml").read_text())
    assert "pull_request" in workflow["on"]
    return workflow["jobs"]["audit"]["steps"]


def _run_steps(project: Path, tmp_path: Path) -> tuple[int, Path]:
    """Run the audit job's shell steps as the runner would, the install step aside (the
    project's .venv is this test's own environment)."""
    output, summary = tmp_path / "output", tmp_path / "summary"
    output.write_text("")
    summary.write_text("")
    env = {**os.environ, "GITHUB_OUTPUT": str(output), "GITHUB_STEP_SUMMARY": str(summary)}
    code = 0
    for step in _audit_steps():
        if "run" not in step or step.get("name", "").startswith("Install"):
            continue
        outputs = dict(line.split("=", 1) for line in output.read_text().splitlines())
        step_env = {
            k: str(v).replace("${{ steps.audit.outputs.exit-code }}", outputs.get("exit-code", ""))
            for k, v in (step.get("env") or {}).items()
        }
        done = subprocess.run(
            ["bash", "-e", "-c", step["run"]],
            cwd=project,
            env={**env, **step_env},
            capture_output=True,
            text=True,
            check=False,
        )
        code = done.returncode
    return code, summary


@pytest.fixture
def project(tmp_path):
    target = tmp_path / "project"
    target.mkdir()
    for name in ("pyproject.toml", "auditor-baseline.json"):
        shutil.copy(ROOT / name, target / name)
    for folder in ("sources", "expectations"):
        shutil.copytree(ROOT / folder, target / folder)
    (target / ".venv").symlink_to(Path(sys.prefix))
    return target


def test_audit_workflow_commands_run_locally(project, tmp_path):
    code, summary = _run_steps(project, tmp_path)
    assert code == 0
    assert summary.read_text().startswith("## auditor: ✅ passes")
    assert {p.name for p in (project / "reports").iterdir()} >= {"report.html", "summary.md"}
    rt = project / "sources" / BUNDLED / "rottentomatoes.txt"
    rt.write_text(
        rt.read_text(encoding="utf-8").replace("    Mike Figgis\n", "    Peter Vance\n"),
        encoding="utf-8",
    )
    code, summary = _run_steps(project, tmp_path)
    assert code == 1
    assert "❌ fails" in summary.read_text()


def test_a_missing_value_an_expectation_finds_reads_as_missing(capsys, tmp_path):
    """The IMDb page of a film with no MPAA rating fails the suite's not-null expectation:
    the HTML and JUnit outputs say its value is missing, never Python's "None"."""
    out = tmp_path / "r"
    film = FIXTURES / "documents" / "vinterhamn-2008"
    _check(capsys, str(film), "--out", str(out), "--format", "html", "--format", "junit")
    report_html = (out / "report.html").read_text(encoding="utf-8")
    junit = (out / "junit.xml").read_text(encoding="utf-8")
    assert "(no value) <span" in report_html and "None <span" not in report_html
    assert "(no value) in vinterhamn-2008/imdb.txt" in junit and "None in" not in junit
