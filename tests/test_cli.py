"""The CLI is thin: it prints the library's claims and writes the reports."""

from __future__ import annotations

import json

from auditor.claims import COLUMNS
from auditor.cli import cli, main
from tests.conftest import SOURCES


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
