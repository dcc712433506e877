"""The Spark engine gives byte-identical reports to the polars engine, however it partitions.

Spark runs here in local[2] mode (one session for the whole test run: starting one costs
seconds). The catalog test audits 200 films, each a renamed copy of the bundled one with some
values changed (runtimes below what the suite allows in some, so that expectations fail on
rows of many entities; vote counts and budgets elsewhere), at 1, 2 and 7 partitions.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

import pytest

from tests.conftest import BUNDLED, ROOT, SOURCES


def _missing() -> str | None:
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        return "Spark needs Java: apt-get install default-jre-headless (.ci/run does)"
    try:
        import pyarrow  # noqa: F401
        import pyspark  # noqa: F401
    except ImportError:
        return "the Spark engine is an optional extra: pip install -e '.[spark]'"
    return None


pytestmark = pytest.mark.skipif(_missing() is not None, reason=_missing() or "")


@pytest.fixture(scope="session")
def spark():
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]")
        .appName("auditor-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def _written(report, folder: Path) -> dict[str, bytes]:
    """Every file `auditor check` writes for the report, in every format, by relative path."""
    from auditor.check import write_reports
    from auditor.formats import FORMATS

    write_reports(report, folder, FORMATS)
    return _files(folder)


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _same_files(got: dict[str, bytes], expected: dict[str, bytes], case: str) -> None:
    assert "report.json" in expected
    assert sorted(got) == sorted(expected), case
    for name in expected:
        assert got[name] == expected[name], f"{name} differs: {case}"


def test_cli_engine_spark_writes_the_polars_reports_for_the_bundled_film(spark, tmp_path):
    """`auditor check --engine spark` (the session running, as under spark-submit) writes the
    very bytes `auditor check` writes."""
    from auditor.cli import main

    assert main(["check", str(SOURCES), "--out", str(tmp_path / "polars"), "-q"]) == 1
    code = main(
        ["check", str(SOURCES), "--engine", "spark", "--out", str(tmp_path / "spark"), "-q"]
    )
    assert code == 1
    _same_files(_files(tmp_path / "spark"), _files(tmp_path / "polars"), "the bundled film")


def _catalog(target: Path, films: int) -> Path:
    """`films` copies of the bundled film, titled 'Film 0001' ... with varied values, and
    two bad documents in one of them."""
    base = SOURCES / BUNDLED
    title = re.compile(r"(?i)leaving([\s_\-+]|%20)las([\s_\-+]|%20)vegas")
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(base.iterdir())}
    for k in range(films):
        name = f"Film {k:04d}"
        entity = f"film-{k:04d}-1995"
        folder = target / entity
        folder.mkdir(parents=True)
        for doc, text in texts.items():
            text = title.sub(lambda m, n=name: _cased(n, m.group(0)), text)
            if doc == "manifest.toml":
                text = re.sub(r'(?m)^entity = ".*"', f'entity = "{entity}"', text)
            text = _varied(doc, text, k)
            (folder / doc).write_text(text, encoding="utf-8")
        if k == 3:  # bad input: a copy under another name, a page of no known template
            (folder / "imdb-again.txt").write_bytes((folder / "imdb.txt").read_bytes())
            (folder / "notes.txt").write_text("nothing a template knows\n", encoding="utf-8")
    return target


def _cased(name: str, like: str) -> str:
    sep = re.search(r"[\s_\-+]|%20", like).group(0)
    joined = name.replace(" ", sep)
    return joined.upper() if like.isupper() else joined.lower() if like.islower() else joined


def _varied(doc: str, text: str, k: int) -> str:
    """Film k's changes: a runtime the film suite refuses (every 9th film, IMDb), another
    vote count (every 4th, IMDb) and another budget (every 5th, Wikipedia)."""
    if doc == "imdb.txt" and k % 9 == 0:
        text = re.sub(r"\b1\d\d min\b", "20 min", text)
        text = re.sub(r"\b1h \d\dmin\b", "0h 20min", text)
    if doc == "imdb.txt" and k % 4 == 1:
        text = re.sub(
            r"\b(\d{2,3}),(\d{3})\b", lambda m: f"{m.group(1)},{k % 1000:03d}", text, count=1
        )
    if doc == "wikipedia.txt" and k % 5 == 2:
        text = re.sub(r"\$3\.5 million", "$4.5 million", text)
    return text


def test_catalog_reports_identical_at_1_2_and_7_partitions(spark, tmp_path):
    from auditor.config import load
    from auditor.engine import spark as engine
    from auditor.pipeline import audit

    catalog = _catalog(tmp_path / "sources", 200)
    config = load(catalog)
    expected = _written(audit([catalog], config), tmp_path / "polars")
    report = None
    for n in (1, 2, 7):
        report = engine.audit([catalog], config, spark=spark, partitions=n)
        _same_files(_written(report, tmp_path / f"spark-{n}"), expected, f"{n} partitions")
    # The catalog is what it should be: 200 entities, expectations failing on many of them.
    assert len(report.entities) == 200
    assert len(report.document_errors) == 2 and report.exit_code == 2
    failed = [r for _, r in report.failed_expectations()]
    assert any(len(r.unexpected) > 1 for r in failed)


def test_declared_table_reports_identical(spark, tmp_path):
    """The flights example (a declared table, declared time attributes, a suite on their
    columns, no sources folder) gives the polars engine's bytes at 3 partitions."""
    from auditor.config import load
    from auditor.engine import spark as engine
    from auditor.pipeline import audit

    config = load(ROOT / "examples" / "flights" / "auditor.toml")
    expected = _written(audit([], config), tmp_path / "polars")
    report = engine.audit([], config, spark=spark, partitions=3)
    _same_files(_written(report, tmp_path / "spark"), expected, "the flights example")
    assert any(not s.success for s in report.expectations)  # the suite judges declared columns


def test_a_table_audit_without_suites_runs_on_spark(spark, tmp_path):
    """A configuration of tables alone, with no expectations folder: nothing to validate (it
    failed on Spark reading the suites of no folder)."""
    from auditor.config import load
    from auditor.engine import spark as engine
    from auditor.pipeline import audit

    (tmp_path / "t.csv").write_text("src,id,n\na,x1,12\nb,x1,13\nc,x1,12\n")
    config_file = tmp_path / "audit.toml"
    config_file.write_text(
        '[[tables]]\npath = "t.csv"\nsource = { column = "src" }\nentity = ["id"]\n'
        'columns = { n = "n" }\n\n[attributes.n]\nkind = "number"\n'
    )
    config = load(None, config_file=config_file)
    assert config.expectations is None
    expected = _written(audit([], config), tmp_path / "polars")
    report = engine.audit([], config, spark=spark, partitions=2)
    _same_files(_written(report, tmp_path / "spark"), expected, "a table without suites")
