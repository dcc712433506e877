"""Outputs safe for every consumer: inert Markdown, well-formed JUnit, JSON without raw line
separators, SARIF that validates and points at the spans, and report sets written whole."""

from __future__ import annotations

import csv
import html
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import mistune
import pytest

from auditor.catalog import KINDS
from auditor.cli import main
from auditor.extract.registry import line_starts
from auditor.reconcile.model import Discrepancy
from auditor.report import markdown
from auditor.report.markdown import inert
from auditor.report.model import AuditReport, DocumentRecord
from auditor.report.sarif import region
from tests.conftest import BUNDLED, ROOT, SOURCES

SCHEMA = Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json"
FILES = (
    "claims.jsonl",
    "discrepancies.jsonl",
    "junit.xml",
    "report.html",
    "report.json",
    "report.sarif",
    "summary.md",
)
HOSTILE = (
    "![p](http://host/p.png) [c](https://host) <img src=x> <b>bold</b> *em* _u_ `code` "
    "~~gone~~ $x^2$ [^1] @octocat #123 GH-45 www.evil.example mail@evil.example "
    "https://bare.example/x &amp; <https://auto.example> a | b \\| c"
)
CONTROLS = "\x1b[31m\x01\x08"
SEPARATORS = "\u2028\u2029\u0085"
_RENDER = mistune.create_markdown(
    escape=False, plugins=["table", "url", "strikethrough", "math", "footnotes"]
)
_LIVE = re.compile(r"<(?!/?(?:table|thead|tbody|tr|th|td|ul|li|p|h2|strong|sub|code)\b)[a-z]")


def _text(rendered: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", rendered)).replace(markdown.WORD_JOINER, "")


def _assert_inert(md: str, run: str) -> str:
    """The rendered summary holds no link, image, emphasis, tag, mention or reference."""
    rendered = _RENDER(md)
    assert not _LIVE.search(rendered), _LIVE.search(rendered)
    assert "<strong>" not in rendered.replace("<strong>Failed expectations</strong>", "").replace(
        "<strong>Input that could not be used</strong>", ""
    )
    assert re.findall(r"<code>(.*?)</code>", rendered) == [run]  # ours: the run id
    assert not re.search(r"(?i)\bwww\.", md)  # GitHub's bare www. autolink needs the raw dot
    text = re.sub(r"<[^>]+>", "", rendered)
    assert not re.search(r"(?<![\w`])@\w", html.unescape(text))  # a mention
    assert not re.search(r"(?<![\w&])#\d|\bGH-\d", html.unescape(text))  # issue references
    return _text(rendered)


def test_inert_markdown_renders_as_the_same_text():
    md = "\n".join(
        [
            "| a | b |",
            "|---|---|",
            f"| {inert(HOSTILE)} | {inert('- item')} |",
            "",
            f"- {inert(HOSTILE + CONTROLS + SEPARATORS + ' 1. x')}",
            f"- {inert('1. first')}",
            f"- {inert('123) second')}",
            f"- {inert('+ third')}",
            "",
            "<sub>auditor run `0123456789abcdef`</sub>",
        ]
    )
    text = _assert_inert(md, "0123456789abcdef")
    assert "<td>" in _RENDER(md) and "<li>" in _RENDER(md)
    # the visible text is the source text, whitespace collapsed, controls dropped
    assert " ".join(HOSTILE.split()) in text
    assert "\x1b" not in text and "\u2028" not in text and "c[31m 1. x" in text
    rendered = _RENDER(md)
    assert "<ol>" not in rendered and rendered.count("<ul>") == 1 and rendered.count("<li>") == 4


def test_inert_is_one_line_and_bounded():
    assert inert("a\nb\r\nc\u2028d\u0085e\tf") == "a b c d e f"
    assert len(inert("x" * 10_000)) == markdown.MAX_CELL


def _hostile_sources(sources_copy: Path) -> Path:
    """A director line with hostile text and separators, and a bad document whose file name
    holds markup and control characters."""
    folder = sources_copy / BUNDLED
    blog = folder / "movieblog.txt"
    text = blog.read_text(encoding="utf-8")
    attack = f"{HOSTILE.replace(' | ', ' ')} {CONTROLS} Mike\u2028Figgis\u0085x"
    blog.write_text(text.replace("Director: Mike Figgis", f"Director: {attack}"), encoding="utf-8")
    (folder / f"[c](https:__host) @octocat {CONTROLS}.txt").write_text("not a page\n")
    return sources_copy


def _run_ids(folder: Path) -> dict[str, set[str]]:
    """The run id each file of a report set states."""
    ids = {}
    if (folder / "report.json").exists():
        ids["report.json"] = {json.loads((folder / "report.json").read_text())["run"]}
    if (folder / "report.sarif").exists():
        log = json.loads((folder / "report.sarif").read_text())
        ids["report.sarif"] = {log["runs"][0]["automationDetails"]["id"].split("/")[-1]}
    if (folder / "summary.md").exists():
        ids["summary.md"] = set(
            re.findall(r"auditor run `([0-9a-f]+)`", (folder / "summary.md").read_text())
        )
    if (folder / "junit.xml").exists():
        root = ET.parse(folder / "junit.xml").getroot()
        ids["junit.xml"] = {p.get("value") for p in root.iter("property")}
    if (folder / "report.html").exists():
        page = (folder / "report.html").read_text()
        ids["report.html"] = set(re.findall(r'<meta name="auditor-run" content="(\w+)">', page))
    if (folder / "claims.jsonl").exists():
        lines = (folder / "claims.jsonl").read_text().splitlines()
        ids["claims.jsonl"] = {json.loads(line)["run"] for line in lines}
    if (folder / "discrepancies.jsonl").exists():
        lines = (folder / "discrepancies.jsonl").read_text().splitlines()
        ids["discrepancies.jsonl"] = {json.loads(line)["run"] for line in lines}
    return ids


def _one_run(folder: Path) -> str:
    """The folder holds one whole set: every file, all stating the same run id."""
    ids = _run_ids(folder)
    assert sorted(ids) == sorted(FILES), sorted(p.name for p in folder.iterdir())
    runs = set().union(*ids.values())
    assert len(runs) == 1 and all(len(v) == 1 for v in ids.values()), ids
    return runs.pop()


def test_hostile_text_in_every_output(capsys, sources_copy, tmp_path):
    out = tmp_path / "r"
    assert main(["check", str(_hostile_sources(sources_copy)), "--out", str(out)]) == 2
    capsys.readouterr()
    run = _one_run(out)
    report = json.loads((out / "report.json").read_text())
    # summary.md: the hostile text is shown, as text only
    md = (out / "summary.md").read_text()
    text = _assert_inert(md, run)
    assert "![p](http://host/p.png) [c](https://host)" in text
    assert "@octocat" in text and "[c](https:__host) @octocat" in text  # in the file name too
    assert "\x1b" not in md and "\x01" not in md
    # junit.xml: well-formed, the control characters written out, in the file name too
    raw = (out / "junit.xml").read_text()
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", raw)
    root = ET.fromstring(raw.encode("utf-8"))
    docs = next(s for s in root if s.get("name") == "documents")
    bad = [c for c in docs.iter("testcase") if c.find("error") is not None]
    assert [c.get("name") for c in bad] == [
        f"{BUNDLED}/[c](https:__host) @octocat \\x1b[31m\\x01\\x08.txt"
    ]
    failures = " ".join(f.get("message") for f in root.iter("failure"))
    assert "@octocat #123" in failures and "\\x1b[31m" in failures
    # JSON outputs: no raw line separator anywhere, yet the values keep them
    for name in ("claims.jsonl", "discrepancies.jsonl", "report.json", "report.sarif"):
        assert not set(SEPARATORS) & set((out / name).read_text(encoding="utf-8")), name
    lines = (out / "claims.jsonl").read_text(encoding="utf-8").splitlines()
    # 154: the hostile director line's "&amp;" parts two people, as on any credits line
    assert len(lines) == report["summary"]["claims"] == 154
    raws = [json.loads(line)["raw"] for line in lines]
    assert any("Mike\u2028Figgis\u0085x" in r for r in raws)
    # the other documents' claims are all there
    assert {json.loads(line)["source"] for line in lines} == {
        "filmsuggest",
        "imdb",
        "movieblog",
        "rottentomatoes",
        "wikipedia",
    }


def _discrepancy(i: int, text: str) -> Discrepancy:
    return Discrepancy(
        id=f"{i:016x}",
        code="AU001",
        kind="value-conflict",
        severity="error" if i % 2 else "warning",
        entity=f"film-{i}-2000",
        attribute="director",
        explanation=text,
        claim_idx=(),
    )


def test_summary_fits_a_pull_request_comment_whatever_the_catalog():
    huge = ("🔴 [x](http://h) @u " * 2_000).strip()
    documents = tuple(
        DocumentRecord(f"film-{i}-2000", "imdb", f"film-{i}-2000/imdb.txt", None, 0, huge)
        for i in range(5_000)
    )
    report = AuditReport(
        documents=documents,
        discrepancies=tuple(_discrepancy(i, huge) for i in range(20_000)),
        run="0123456789abcdef",
    )
    md = markdown.render(report)
    assert len(md.encode("utf-16-le")) // 2 < markdown.LIMIT
    assert "| 5000 | 0 | 10000 | 10000 | 0 |" in md  # the counts come first
    assert md.count("| 🔴 error |") + md.count("| 🟠 warning |") == markdown.MAX_ITEMS
    assert "19980 more warning and error findings" in md
    assert "4980 more unusable inputs" in md and "report.html and report.json" in md
    _assert_inert(md, "0123456789abcdef")


# --- SARIF ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sarif_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("sarif")
    assert main(["check", str(SOURCES), "--out", str(out), "--format", "sarif"]) == 1
    assert main(["check", str(SOURCES), "--out", str(out / "j"), "--format", "json"]) == 1
    return json.loads((out / "report.sarif").read_text()), json.loads(
        (out / "j" / "report.json").read_text()
    )


def _validate(log: dict) -> None:
    schema = json.loads(SCHEMA.read_text())
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]


def test_sarif_validates_against_the_schema(sarif_run):
    log, report = sarif_run
    _validate(log)
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == sorted(KINDS)
    level = {"error": "error", "warning": "warning", "info": "note"}
    for rule in rules:
        kind = KINDS[rule["id"]]
        assert rule["name"] == kind.name and rule["fullDescription"]["text"] == kind.doc()
        assert rule["defaultConfiguration"]["level"] == level[kind.severity]
    assert len(run["results"]) == len(report["discrepancies"]) == 24
    for result, d in zip(run["results"], report["discrepancies"], strict=True):
        assert result["ruleId"] == d["code"] and result["level"] == level[d["severity"]]
        assert rules[result["ruleIndex"]]["id"] == d["code"]
        assert result["message"]["text"] == d["explanation"]
        assert len(result["locations"]) == len(d["claims"])
    assert run["automationDetails"]["id"] == f"auditor/{report['run']}"


def _at(path: Path, r: dict) -> str:
    """The text of a SARIF region (lines split as SARIF's default: \\n, \\r\\n), read back."""
    lines = path.read_text(encoding="utf-8").split("\n")
    first, last = r["startLine"] - 1, r["endLine"] - 1
    text = "\n".join(lines[first : last + 1])
    start = r["startColumn"] - 1
    end = len(text) - len(lines[last]) + r["endColumn"] - 1
    return text[start:end]


def test_sarif_locations_point_at_the_spans(sarif_run):
    log, report = sarif_run
    seen = 0
    for result, d in zip(log["runs"][0]["results"], report["discrepancies"], strict=True):
        for loc, claim in zip(result["locations"], d["claims"], strict=True):
            physical = loc["physicalLocation"]
            uri = physical["artifactLocation"]["uri"]
            assert uri == f"sources/{claim['document']}"  # from the repository's root
            assert "uriBaseId" not in physical["artifactLocation"]
            assert _at(ROOT / uri, physical["region"]) == claim["raw"]
            assert physical["region"]["snippet"]["text"] == claim["raw"]
            seen += 1
    assert seen > 50


def test_sarif_outside_a_repository_and_with_a_baseline(capsys, sources_copy, tmp_path):
    base = tmp_path / "base.json"
    assert main(["baseline", str(sources_copy), "--out", str(base)]) == 0
    out = tmp_path / "r"
    args = ["check", str(sources_copy), "--out", str(out), "--format", "sarif"]
    assert main([*args, "--baseline", str(base)]) == 0
    capsys.readouterr()
    log = json.loads((out / "report.sarif").read_text())
    _validate(log)
    results = log["runs"][0]["results"]
    assert {r["baselineState"] for r in results} == {"unchanged"}
    assert all(r["suppressions"][0]["kind"] == "external" for r in results)
    location = results[0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uriBaseId"] == "SOURCES"
    path = sources_copy / location["artifactLocation"]["uri"]
    assert _at(path, location["region"]) == location["region"]["snippet"]["text"]


def test_regions_count_code_points_and_sarif_line_breaks():
    text = "a🎬b\r\nxx Mike\nFiggis!\n\nend"
    starts = line_starts(text)
    assert list(starts) == [0, 5, 13, 21, 22]
    i = text.index("Mike")
    assert region(starts, i, i + 4) == {
        "startLine": 2,
        "startColumn": 4,
        "endLine": 2,
        "endColumn": 8,
    }
    assert region(starts, i, i + 11) == {
        "startLine": 2,
        "startColumn": 4,
        "endLine": 3,
        "endColumn": 7,
    }
    assert region(starts, 1, 2) == {"startLine": 1, "startColumn": 2, "endLine": 1, "endColumn": 3}
    assert region(starts, 22, 25)["startLine"] == 5


# --- the report set ---------------------------------------------------------------------------


def test_report_folder_keeps_other_files_and_drops_stale_ones(capsys, tmp_path):
    out = tmp_path / "reports"
    out.mkdir()
    (out / "README.md").write_text("generated; not hand-edited\n")
    (out / ".report.json.k3j2h1").write_text("a temporary file of a killed run")
    (out / "junit.xml").write_text("from an older run")
    (tmp_path / ".reports.new-abc123").mkdir()  # a staging folder of a killed run
    (tmp_path / ".reports.new-abc123" / "report.json").write_text("{")
    assert main(["check", str(SOURCES), "--out", str(out), "--format", "json"]) == 1
    capsys.readouterr()
    assert sorted(p.name for p in out.iterdir()) == ["README.md", "report.json"]
    assert (out / "README.md").read_text() == "generated; not hand-edited\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["reports"]


def test_a_folder_that_is_not_a_reports_folder_is_refused(capsys, tmp_path):
    (tmp_path / "src").mkdir()
    (tmp_path / "notes.txt").write_text("mine")
    assert main(["check", str(SOURCES), "--out", str(tmp_path), "--format", "json"]) == 2
    err = capsys.readouterr().err
    assert err.strip().splitlines() == [
        f"error: {tmp_path}: holds the folder 'src', so it is not a reports folder; "
        "pass --out a folder of its own for the reports"
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt", "src"]


def _catalog(tmp_path: Path, copies: int) -> list[Path]:
    """`copies` sources roots, each a copy of the bundled film."""
    roots = []
    for k in range(copies):
        folder = tmp_path / "catalog" / f"copy-{k:02d}" / BUNDLED
        shutil.copytree(SOURCES / BUNDLED, folder)
        roots.append(folder.parent)
    return roots


def _check_process(roots: list[Path], out: Path, fail_on: str) -> subprocess.Popen:
    """`auditor check` in a child process, with a suite that applies to no source: validation
    is not what is tested, and Great Expectations would triple the time of each run."""
    no_suites = out.parent / "no-suites"
    no_suites.mkdir(exist_ok=True)
    suite = {"name": "none", "expectations": [], "meta": {"auditor": {"sources": ["nobody"]}}}
    (no_suites / "none.json").write_text(json.dumps(suite))
    args = [sys.executable, "-m", "auditor", "check", *map(str, roots), "--out", str(out)]
    return subprocess.Popen(
        [*args, "--fail-on", fail_on, "--expectations", str(no_suites)],
        cwd=out.parent,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _staging(out: Path) -> list[Path]:
    return sorted(out.parent.glob(f".{out.name}.*")) + sorted(out.glob(".auditor-staging-*"))


def test_kill_9_mid_write_leaves_one_whole_run(tmp_path):
    """Killed while writing, twice: the folder keeps a whole set; then two concurrent runs:
    one whole set, and nothing the killed runs left behind."""
    roots = _catalog(tmp_path, 8)
    out = tmp_path / "reports"
    out.mkdir()
    (out / "README.md").write_text("keep me\n")
    _check_process(roots, out, "error").wait(timeout=300)
    first = _one_run(out)
    killed_mid_write = 0
    for attempt, fail_on in enumerate(("info", "never")):
        proc = _check_process(roots, out, fail_on)
        deadline = time.monotonic() + 300
        while not _staging(out) and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.002)
        time.sleep(0.02 * attempt)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        killed_mid_write += bool(_staging(out))
        _one_run(out)  # the previous set, whole (or the killed run's, had it switched)
        assert (out / "README.md").read_text() == "keep me\n"
    assert killed_mid_write >= 1
    procs = [_check_process(roots, out, fail_on) for fail_on in ("warning", "warning")]
    for proc in procs:
        proc.wait(timeout=300)
    assert _one_run(out) != first
    assert _staging(out) == []
    assert sorted(p.name for p in out.iterdir()) == sorted([*FILES, "README.md"])


def test_audit_workflow_uploads_sarif():
    from ruamel.yaml import YAML

    workflow = YAML(typ="safe").load((ROOT / ".github" / "workflows" / "audit.yml").read_text())
    job = workflow["jobs"]["audit"]
    assert job["permissions"]["security-events"] == "write"
    upload = next(s for s in job["steps"] if "upload-sarif" in s.get("uses", ""))
    assert upload["with"]["sarif_file"] == "reports/report.sarif"
    assert upload["if"].startswith("always() && hashFiles('reports/report.sarif') != ''")
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")


def test_the_working_folder_is_written_in_place(capsys, tmp_path, monkeypatch):
    """A folder that cannot be swapped (the working folder, a mount point) gets its files
    replaced one by one; formats not written this time are removed."""
    (tmp_path / "notes.txt").write_text("mine")
    (tmp_path / "junit.xml").write_text("from an older run")
    monkeypatch.chdir(tmp_path)
    assert main(["check", str(SOURCES), "--out", ".", "--format", "json", "--format", "md"]) == 1
    capsys.readouterr()
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["notes.txt", "report.json", "summary.md"]
    ids = _run_ids(tmp_path)
    assert sorted(ids) == ["report.json", "summary.md"] and len(set().union(*ids.values())) == 1


def test_without_an_atomic_exchange_a_crash_between_the_renames_is_undone(
    capsys, tmp_path, monkeypatch
):
    """Where the kernel cannot swap two folders, the set is moved aside, then the new one in:
    a crash in between leaves no folder (never a mixed one), and the next run puts it back."""
    from auditor import writing

    out = tmp_path / "reports"
    out.mkdir()
    (out / "README.md").write_text("keep me\n")
    args = ["check", str(SOURCES), "--out", str(out), "--format", "json"]
    assert main(args) == 1
    before = (out / "report.json").read_bytes()
    monkeypatch.setattr(writing, "_exchange", lambda a, b: False)
    rename = os.rename

    def crash_on_the_second(src, dst):
        if Path(src).name.startswith(".reports.new-"):
            raise OSError(5, "killed")
        rename(src, dst)

    monkeypatch.setattr(writing.os, "rename", crash_on_the_second)
    assert main([*args, "--fail-on", "warning"]) == 2
    assert not out.exists() and [p.name[:13] for p in tmp_path.iterdir()] == [".reports.old-"]
    monkeypatch.setattr(writing.os, "rename", rename)
    assert main([*args, "--format", "md"]) == 1
    capsys.readouterr()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["reports"]
    assert sorted(p.name for p in out.iterdir()) == ["README.md", "report.json", "summary.md"]
    assert (out / "report.json").read_bytes() == before


def test_sarif_locates_a_table_cell_by_row_and_column(capsys, tmp_path, monkeypatch):
    example = ROOT / "examples" / "flights"
    monkeypatch.chdir(example)  # its auditor.toml declares the table
    assert main(["check", "--out", str(tmp_path), "--format", "sarif"]) == 1
    capsys.readouterr()
    log = json.loads((tmp_path / "report.sarif").read_text())
    _validate(log)
    cells = list(csv.DictReader((example / "flights_dirty.csv").open(encoding="utf-8")))
    locations = [loc for r in log["runs"][0]["results"] for loc in r["locations"]]
    assert len(locations) > 100
    for loc in locations[:200]:
        physical = loc["physicalLocation"]
        assert physical["artifactLocation"] == {"uri": "examples/flights/flights_dirty.csv"}
        assert "region" not in physical
        row, column = loc["properties"]["row"], loc["properties"]["column"]
        assert loc["message"]["text"].startswith(f"{cells[row]['src']}: {cells[row][column]} (row")
