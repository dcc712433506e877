"""The `auditor` command: a thin click skin over the library (auditor.pipeline).

Exit codes, as linters have them: 0 nothing at or above the fail threshold, 1 findings at or
above it, 2 usage, configuration or input errors.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import replace
from pathlib import Path

import click

from auditor import __version__, baseline
from auditor.catalog import KINDS
from auditor.check import RENDERERS, summary_lines, write_reports
from auditor.claims import COLUMNS, frame_rows
from auditor.config import FAIL_ON, load
from auditor.errors import AuditorError
from auditor.pipeline import audit, extract_paths


@click.group()
@click.version_option(__version__, prog_name="auditor")
def cli() -> None:
    """Audit several sources that describe the same things, and explain where they disagree."""


def _paths(paths: tuple[Path, ...]) -> list[Path]:
    return list(paths) if paths else [load().sources]


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv", "parquet"]),
    default="jsonl",
    show_default=True,
    help="Output format of the claims.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path),
    default=None,
    help="Write to this file instead of standard output (parquet needs it).",
)
def extract(paths: tuple[Path, ...], fmt: str, output: Path | None) -> None:
    """Print the claims extracted from PATH (sources folders or single documents).

    Example: auditor extract sources/some-film-1999/imdb.txt
    """
    result = extract_paths(_paths(paths))
    frame = result.claims.select(COLUMNS)
    if fmt == "jsonl":
        lines = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in frame_rows(frame))
        _emit(lines, output)
    elif fmt == "csv":
        _emit(frame.write_csv(), output)
    else:
        if output is None:
            raise AuditorError("--format parquet writes binary: give --output FILE")
        frame.write_parquet(output)
    for doc in result.errors:
        click.echo(f"error: {doc.error}", err=True)
    if result.errors:
        raise SystemExit(2)


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),
    default=None,
    help="Folder for the reports (default: the project's reports/).",
)
@click.option(
    "--format",
    "formats",
    multiple=True,
    type=click.Choice(sorted(RENDERERS)),
    help="A report format to write; repeat for several (default: all).",
)
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON),
    default=None,
    help="Exit 1 when a finding reaches this severity (default: error, or fail_on "
    "in the configuration).",
)
@click.option(
    "--baseline",
    "baseline_file",
    type=click.Path(path_type=Path),
    default=None,
    help="Accepted discrepancies (from `auditor baseline`): only new ones fail.",
)
def check(
    paths: tuple[Path, ...],
    out_dir: Path | None,
    formats: tuple[str, ...],
    fail_on: str | None,
    baseline_file: Path | None,
) -> None:
    """Audit PATH (default: the project's sources/) and write the reports.

    Exit 0 when nothing reaches the fail threshold, 1 when something does, 2 when a document,
    a suite or the configuration could not be used.

    Example: auditor check sources/ --format json --out reports/ --fail-on warning
    """
    config = load()
    if fail_on:
        config = replace(config, fail_on=fail_on)
    report = audit(_paths(paths), config)
    if baseline_file is not None:
        report = baseline.mark(report, baseline.load(baseline_file), str(baseline_file))
    written = write_reports(report, out_dir or config.reports, formats or sorted(RENDERERS))
    for line in summary_lines(report):
        click.echo(line)
    for path in written:
        click.echo(f"wrote {path}")
    for doc in report.document_errors:
        click.echo(f"error: {doc.error}", err=True)
    for problem in report.errors:
        click.echo(f"error: {problem}", err=True)
    raise SystemExit(report.exit_code)


@cli.command("baseline")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--out",
    "out_file",
    type=click.Path(path_type=Path),
    default=None,
    help="The baseline file (default: auditor-baseline.json in the project).",
)
def baseline_cmd(paths: tuple[Path, ...], out_file: Path | None) -> None:
    """Accept the current discrepancies: write them to a baseline file to review and commit.

    Example: auditor baseline --out auditor-baseline.json
    """
    config = load()
    report = audit(_paths(paths), config)
    target = out_file or config.root / "auditor-baseline.json"
    baseline.write(report, target)
    click.echo(f"wrote {target}: {len(report.discrepancies)} discrepancies accepted")
    for doc in report.document_errors:
        click.echo(f"error: {doc.error}", err=True)
    for problem in report.errors:
        click.echo(f"error: {problem}", err=True)
    raise SystemExit(2 if report.document_errors or report.errors else 0)


@cli.command()
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
def rules(fmt: str) -> None:
    """List the catalog of discrepancy kinds: codes, names, default severities, documentation.

    Example: auditor rules --format json
    """
    kinds = sorted(KINDS.values(), key=lambda k: k.code)
    if fmt == "json":
        rows = [
            {
                "code": k.code,
                "name": k.name,
                "severity": k.severity,
                "summary": k.summary(),
                "doc": k.doc(),
            }
            for k in kinds
        ]
        click.echo(json.dumps(rows, indent=2))
        return
    for k in kinds:
        click.echo(f"{k.code}  {k.name:<24} {k.severity:<8} {k.summary()}")


def main(argv: list[str] | None = None) -> int:
    try:
        cli.main(args=argv, prog_name="auditor", standalone_mode=False)
    except AuditorError as exc:
        click.echo(f"error: {exc}", err=True)
        return exc.exit_code
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        return 2
    except click.ClickException as exc:
        exc.show()
        return 2
    except SystemExit as exc:
        return int(exc.code or 0)
    except Exception as exc:  # noqa: BLE001 - the one place an unforeseen failure is caught
        if os.environ.get("AUDITOR_DEBUG"):
            raise
        click.echo(f"error: internal error ({type(exc).__name__}: {exc}); rerun with "
                   "AUDITOR_DEBUG=1 for details and report it", err=True)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
