"""The CLI is thin: it prints the library's claims and writes the reports."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from auditor.claims import COLUMNS
from auditor.cli import cli, main
from auditor.errors import AuditorError
from tests.conftest import ROOT, SOURCES


def test_extract_prints_claims_as_jsonl(capsys):
    assert main(["extract", str(SOURCES)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len({r["source"] for r in rows}) == 5
    assert all(tuple(r) == COLUMNS for r in rows)
    texts = {}
    for r in rows:
        path = SOURCES / r["document"]
        text = texts.setdefault(path, path.read_text(encoding="utf-8"))
        assert text[r["span_start"] : r["span_end"]] == r["raw"]


def test_extract_csv_and_parquet(capsys, tmp_path):
    assert main(["extract", str(SOURCES), "--format", "csv"]) == 0
    assert capsys.readouterr().out.startswith(",".join(COLUMNS))
    target = tmp_path / "claims.parquet"
    assert main(["extract", str(SOURCES), "--format", "parquet", "-o", str(target)]) == 0
    assert target.stat().st_size > 0
    assert main(["extract", str(SOURCES), "--format", "parquet"]) == 2


def test_extract_csv_to_the_terminal_writes_escape_sequences_out(capsys, tmp_path):
    """A page's terminal escapes ("\x1b[31m", an OSC link) reach standard output written out,
    never raw (JSON Lines escapes them by itself); a CSV file keeps the text as it is."""
    from tests.conftest import BUNDLED

    folder = tmp_path / BUNDLED
    folder.mkdir()
    text = (SOURCES / BUNDLED / "movieblog.txt").read_text(encoding="utf-8")
    hostile = text.replace("Director: Mike", "Director: \x1b]8;;x\x07Mi\x1b[31mke")
    (folder / "movieblog.txt").write_text(hostile, encoding="utf-8")
    assert main(["extract", str(folder / "movieblog.txt"), "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "\\x1b[31m" in out
    target = tmp_path / "claims.csv"
    page = str(folder / "movieblog.txt")
    assert main(["extract", page, "--format", "csv", "-o", str(target)]) == 0
    assert "\x1b[31m" in target.read_text(encoding="utf-8")


def test_extract_prints_the_declared_tables_claims_too(capsys, tmp_path):
    """A configuration that declares only a table: its cells are the claims (it was "error: :
    no documents found", naming no file), and a table that cannot be read is its own line."""
    (tmp_path / "t.csv").write_text("src,id,price\na,x1,$10\nb,x1,$12\n")
    (tmp_path / "empty.csv").write_text("")
    config = tmp_path / "audit.toml"
    table = '[[tables]]\npath = "{}"\nsource = {{ column = "src" }}\nentity = ["id"]\n'
    columns = 'columns = { price = "price" }\n'
    config.write_text('[attributes.price]\nkind = "money"\n\n' + table.format("t.csv") + columns)
    assert main(["extract", "--config", str(config)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["source"], r["raw"], r["row"]) for r in rows] == [("a", "$10", 0), ("b", "$12", 1)]
    config.write_text(config.read_text() + table.format("empty.csv") + columns)
    assert main(["extract", "--config", str(config)]) == 2
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 2, err
    assert err.splitlines() == [
        f"error: empty.csv: is empty; export the table again, or remove it from path in {config}: "
        "tables[1]"
    ]


def test_check_writes_reports_and_is_deterministic(capsys, tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    assert main(["check", str(SOURCES), "--out", str(first)]) == 1  # the bundled conflicts
    assert main(["check", str(SOURCES), "--out", str(second)]) == 1
    names = sorted(p.name for p in first.iterdir())
    assert "claims.jsonl" in names
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_every_command_is_documented_with_an_example():
    for name, command in cli.commands.items():
        assert command.help and "Example:" in command.help, name


def test_parallel_extraction_matches_sequential(tmp_path):
    from auditor.documents import discover
    from auditor.pipeline import PARALLEL_FROM, extract_refs

    for k in range(PARALLEL_FROM // 5 + 1):
        folder = tmp_path / f"leaving-las-vegas-1995-{k}" / "leaving-las-vegas-1995"
        folder.mkdir(parents=True)
        for doc in (SOURCES / "leaving-las-vegas-1995").glob("*.txt"):
            (folder / doc.name).write_bytes(doc.read_bytes())
    refs = discover(sorted(p / "leaving-las-vegas-1995" for p in tmp_path.iterdir()))
    assert len(refs) >= PARALLEL_FROM
    parallel = extract_refs(refs, workers=2)
    sequential = extract_refs(refs, workers=1)
    assert parallel.claims.equals(sequential.claims)
    errors = [d.error for d in parallel.documents]
    assert errors == [d.error for d in sequential.documents]
    # the copies share the entity of the first, so all but one of each are refused as copies
    assert sum(e is None for e in errors) == 5


def test_help_does_not_import_the_library():
    """`auditor --help` stays fast: polars, jinja2 and Great Expectations load only for work."""
    code = (
        "import sys; from auditor.cli import main; main(['--help']); main(['check', '--help']); "
        "print(sorted(m for m in ('polars', 'jinja2', 'great_expectations') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout
    assert out.strip().splitlines()[-1] == "[]"


def test_check_runs_without_the_spark_extra(tmp_path):
    """pyarrow and pyspark come with `auditor[spark]` only: a plain install's `auditor check`
    must not need them (an import of either fails here, as it would there)."""
    code = (
        "import sys; sys.modules['pyarrow'] = None; sys.modules['pyspark'] = None\n"
        "from auditor.cli import main\n"
        f"sys.exit(main(['check', {str(SOURCES)!r}, '--out', {str(tmp_path)!r}]))"
    )
    run = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "AUDITOR_CACHE": "off"},
    )
    assert run.returncode == 1, run.stderr  # findings, not a crash
    assert (tmp_path / "report.json").is_file() and (tmp_path / "report.sarif").is_file()


def test_an_unknown_engine_is_refused_by_the_library_too():
    """The CLI offers its choices; a program calling the library API gets a clear error for
    an engine name it mistyped, not a run on another engine."""
    from auditor.config import load
    from auditor.engine import audit

    with pytest.raises(AuditorError, match="'sparks' is not one of polars, spark"):
        audit([SOURCES], load(ROOT), engine="sparks")


def test_formats_comma_separated_or_repeated(capsys, tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    assert main(["check", str(SOURCES), "--out", str(a), "--format", "json,md"]) == 1
    assert main(["check", str(SOURCES), "--out", str(b), "--format", "json", "--format", "md"]) == 1
    assert sorted(p.name for p in a.iterdir()) == ["report.json", "summary.md"]
    assert sorted(p.name for p in b.iterdir()) == ["report.json", "summary.md"]
    assert main(["check", str(SOURCES), "--out", str(a), "--format", "json,pdf"]) == 2
    assert "pdf; choose from" in capsys.readouterr().err


def test_says_which_configuration_and_suites(capsys, tmp_path):
    assert main(["check", str(SOURCES), "--out", str(tmp_path / "r"), "--format", "json"]) == 1
    first = capsys.readouterr().out.splitlines()[0]
    assert first == f"config: {ROOT / 'pyproject.toml'}; 3 suites in {ROOT / 'expectations'}"
    config = tmp_path / "other.toml"
    config.write_text('fail_on = "never"\n')
    suites = tmp_path / "suites"
    suites.mkdir()
    (suites / "none.json").write_text(
        '{"name": "none", "expectations": [{"type": "expect_column_values_to_not_be_null", '
        '"kwargs": {"column": "title"}}]}'
    )
    args = ["check", str(SOURCES), "--out", str(tmp_path / "r"), "--format", "json"]
    assert main([*args, "--config", str(config), "--expectations", str(suites)]) == 0
    assert capsys.readouterr().out.splitlines()[0] == f"config: {config}; 1 suite in {suites}"
    report = json.loads((tmp_path / "r" / "report.json").read_text())
    assert {s["suite"] for s in report["expectations"]} == {"none"}


def test_quiet_prints_nothing_but_errors(capsys, tmp_path):
    assert main(["check", str(SOURCES), "--out", str(tmp_path / "r"), "-q"]) == 1
    out, err = capsys.readouterr()
    assert out == "" and err == ""


def _catalog(tmp_path, films: int) -> Path:
    root = tmp_path / "catalog"
    for k in range(films):
        folder = root / f"film-{k}"
        folder.mkdir(parents=True)
        for doc in (SOURCES / "leaving-las-vegas-1995").glob("*.txt"):
            (folder / doc.name).write_bytes(doc.read_bytes())
        (folder / "manifest.toml").write_text('entity = "leaving-las-vegas-1995"\n')
    return root


def test_progress_bar_on_a_terminal_only(tmp_path):
    """Drawn on stderr when it is a terminal and the run is long; never in a pipe or with -q."""
    import pty

    catalog = _catalog(tmp_path, 12)  # 60 documents
    runs = {}
    for name, tty, extra in (("tty", True, []), ("pipe", False, []), ("quiet", True, ["-q"])):
        primary, secondary = pty.openpty() if tty else os.pipe()
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "auditor",
                "check",
                str(catalog),
                "--out",
                str(tmp_path / name),
                "--format",
                "json",
                *extra,
            ],
            stdout=subprocess.DEVNULL,
            stderr=secondary,
            cwd=tmp_path,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            check=False,
        )
        os.close(secondary)
        chunks = []
        while True:
            try:
                chunk = os.read(primary, 65536)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        os.close(primary)
        runs[name] = (proc.returncode, b"".join(chunks).decode(errors="replace"))
    assert runs["tty"][1].count("extract") >= 1 and "60/60" not in runs["pipe"][1]
    assert "100%" in runs["tty"][1]
    assert "extract" not in runs["pipe"][1] and "extract" not in runs["quiet"][1]
    # every later stage of a long run gets its line: reconciling, validating, each file
    for stage in ("reconcile", "validate", "report.json"):
        assert stage in runs["tty"][1], stage
        assert stage not in runs["pipe"][1] and stage not in runs["quiet"][1]
