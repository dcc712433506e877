"""The `auditor` command: a thin click skin over the library (auditor.pipeline).

Exit codes, as linters have them: 0 nothing at or above the fail threshold, 1 findings at or
above it, 2 usage, configuration or input errors.

The library is imported inside each command, not here: `auditor --help` must not pay for polars.
"""

from __future__ import annotations

import atexit
import json
import os
import sys
from pathlib import Path

import click

from auditor import __version__
from auditor.config import FAIL_ON, Config, load
from auditor.errors import AuditorError
from auditor.formats import FORMATS

_CONFIG = click.option(
    "--config",
    "config_file",
    type=click.Path(path_type=Path),
    default=None,
    help="Configuration file (default: the nearest auditor.toml or pyproject.toml "
    "[tool.auditor] at or above the sources; else the built-in defaults).",
)


@click.group()
@click.version_option(__version__, prog_name="auditor")
def cli() -> None:
    """Audit several sources that describe the same things, and explain where they disagree."""


def _config(paths: tuple[Path, ...], config_file: Path | None, **kw) -> Config:
    return load(paths[0] if paths else None, config_file=config_file, **kw)


def _paths(paths: tuple[Path, ...], config: Config) -> list[Path]:
    if paths:
        return list(paths)
    if config.settings.get("tables") and not config.sources.exists():
        return []
    return [config.sources]


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
@_CONFIG
def extract(
    paths: tuple[Path, ...], fmt: str, output: Path | None, config_file: Path | None
) -> None:
    """Print the claims extracted from PATH (sources folders or single documents) and from
    the tables the configuration declares.

    Example: auditor extract sources/some-film-1999/imdb.txt
    """
    import polars as pl

    from auditor.claims import COLUMNS, jsonl
    from auditor.pipeline import declared, extract_paths, has_tables
    from auditor.report import unseen

    config = _config(paths, config_file)
    if fmt == "parquet" and output is None:
        raise AuditorError("--format parquet writes binary: give --output FILE")
    found = _paths(paths, config)
    tables = declared(found, config)  # the declared tables' cells are claims too, as in check
    result = extract_paths(
        found, max_bytes=config.max_document_bytes, allow_empty=has_tables(tables)
    )
    frame = pl.concat([result.claims, tables.claims]).select(COLUMNS)
    if fmt == "jsonl":
        _emit(jsonl(frame), output)
    elif fmt == "csv":
        # to a terminal no source's escape sequence is sent raw (a file keeps the data as is)
        text = frame.write_csv()
        _emit(text if output is not None else unseen.written_out(text), output)
    else:
        try:
            frame.write_parquet(output)
        except OSError as exc:
            raise AuditorError(
                f"{output}: cannot be written ({exc.strerror or exc}); choose another -o"
            ) from None
    errors = [*tables.errors, *(doc.error for doc in result.errors)]
    for error in errors:
        click.echo(f"error: {_line(error)}", err=True)
    if errors:
        raise SystemExit(2)


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise AuditorError(
            f"{output}: cannot be written ({exc.strerror}); choose another -o"
        ) from None


def _formats(values: tuple[str, ...]) -> list[str]:
    """`--format html,json` and `--format html --format json` alike."""
    chosen = [f.strip() for v in values for f in v.split(",") if f.strip()]
    if values and not chosen:
        raise click.BadParameter(f"no format given; choose from {', '.join(FORMATS)}")
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown:
        raise click.BadParameter(
            f"{', '.join(unknown)}; choose from {', '.join(FORMATS)}", param_hint="--format"
        )
    return list(dict.fromkeys(chosen)) or list(FORMATS)


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
    metavar="F[,F...]",
    help="Report formats to write, comma-separated or repeated (default: all): "
    + ", ".join(FORMATS)
    + ".",
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
@_CONFIG
@click.option(
    "--expectations",
    type=click.Path(path_type=Path),
    default=None,
    help="Folder of expectation suites (default: the project's, else the built-in ones).",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary lines.")
@click.option(
    "--engine",
    type=click.Choice(["polars", "spark"]),
    default="polars",
    show_default=True,
    help="Where to run: this machine, or Spark (pip install 'auditor[spark]').",
)
def check(
    paths: tuple[Path, ...],
    out_dir: Path | None,
    formats: tuple[str, ...],
    fail_on: str | None,
    baseline_file: Path | None,
    config_file: Path | None,
    expectations: Path | None,
    quiet: bool,
    engine: str,
) -> None:
    """Audit PATH (default: the project's sources/) and write the reports.

    Exit 0 when nothing reaches the fail threshold, 1 when something does, 2 when a document,
    a suite or the configuration could not be used.

    Example: auditor check sources/ --format html,json --out reports/ --fail-on warning
    """
    from dataclasses import replace

    from auditor import baseline
    from auditor.check import summary_lines, write_reports
    from auditor.engine import audit

    chosen = _formats(formats)
    config = _config(paths, config_file, expectations=expectations)
    if fail_on:
        config = replace(config, fail_on=fail_on)
    sources = _paths(paths, config)
    target = out_dir or config.reports
    _outside(target, sources)
    accepted = baseline.load(baseline_file) if baseline_file is not None else None
    if not quiet:
        click.echo(config.describe())
    with _Progress(enabled=not quiet) as progress:
        report = audit(sources, config, progress=progress, engine=engine)
        if accepted is not None:
            report = baseline.mark(report, accepted, str(baseline_file))
        try:
            written = write_reports(report, target, chosen, progress=progress)
        finally:  # the summary is shown even when the reports could not be written
            progress.close()
            if not quiet:
                for line in summary_lines(report):
                    click.echo(line)
                _table_notes(report)
            _errors(report)
    if not quiet:
        for path in written:
            click.echo(f"wrote {path}")
    raise SystemExit(report.exit_code)


def _outside(out: Path, sources: list[Path]) -> None:
    """Reports written among the documents would be audited as documents next time."""
    where = out.resolve()
    for path in sources:
        folder = path.resolve()
        if path.is_dir() and where.is_relative_to(folder):
            raise AuditorError(
                f"{out}: is inside the sources folder {path}; choose an --out outside it"
            )


def _errors(report) -> None:
    for doc in report.document_errors:
        click.echo(f"error: {_line(doc.error)}", err=True)
    for problem in report.errors:
        click.echo(f"error: {_line(problem)}", err=True)


_NOTES_SHOWN = 5  # table files whose notes the terminal shows; report.json has them all


def _table_notes(report) -> None:
    """What a table file states that was not read (cells of no value of their kind, rows
    naming no entity): on the terminal too, since a wrong declaration otherwise passes
    unseen as a smaller audit."""
    noted = [d for d in report.documents if d.entity is None and d.note and not d.error]
    for doc in noted[:_NOTES_SHOWN]:
        click.echo(f"note: {_line(doc.document)}: {_line(doc.note)}")
    if len(noted) > _NOTES_SHOWN:
        click.echo(
            f"note: {len(noted) - _NOTES_SHOWN} more table files have notes (report.json, "
            "documents)"
        )


def _line(text: str) -> str:
    """One terminal line: no control characters from file names or sources."""
    return "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in text)


class _Progress:
    """A progress bar per stage on stderr, only on a terminal and for runs worth one: once a
    stage counts at least MIN_ITEMS (the documents), every later stage gets its line too."""

    MIN_ITEMS = 50

    def __init__(self, *, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self.long = False
        self.bar = None
        self.stage = None

    def __enter__(self) -> _Progress:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.render_finish()
            self.bar = None
        self.stage = None

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.enabled:
            return
        self.long = self.long or total >= self.MIN_ITEMS
        if not self.long:
            return
        if stage != self.stage:
            self.close()
            self.stage = stage
            self.bar = click.progressbar(length=total, label=stage.ljust(19), file=sys.stderr)
            self.bar.render_progress()
        if self.bar is not None:
            self.bar.update(done - self.bar.pos)


@cli.command("baseline")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--out",
    "out_file",
    type=click.Path(path_type=Path),
    default=None,
    help="The baseline file (default: auditor-baseline.json in the project).",
)
@_CONFIG
def baseline_cmd(paths: tuple[Path, ...], out_file: Path | None, config_file: Path | None) -> None:
    """Accept the current discrepancies: write them to a baseline file to review and commit.

    Example: auditor baseline --out auditor-baseline.json
    """
    from auditor import baseline
    from auditor.pipeline import audit

    config = _config(paths, config_file)
    report = audit(_paths(paths, config), config)
    target = out_file or config.root / "auditor-baseline.json"
    baseline.write(report, target)
    click.echo(f"wrote {target}: {len(report.discrepancies)} discrepancies accepted")
    _errors(report)
    raise SystemExit(2 if report.document_errors or report.errors else 0)


@cli.command()
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
def rules(fmt: str) -> None:
    """List the catalog of discrepancy kinds: codes, names, default severities, documentation,
    and each kind's reasons with their message templates and fields.

    Example: auditor rules --format json
    """
    from auditor.catalog import KINDS

    kinds = sorted(KINDS.values(), key=lambda k: k.code)
    if fmt == "json":
        rows = [
            {
                "code": k.code,
                "name": k.name,
                "severity": k.severity,
                "summary": k.summary(),
                "doc": k.doc(),
                "reasons": [
                    {"name": r.name, "template": r.template, "fields": r.field_types()}
                    for r in k.reasons.values()
                ],
            }
            for k in kinds
        ]
        click.echo(json.dumps(rows, indent=2))
        return
    for k in kinds:
        click.echo(f"{k.code}  {k.name:<24} {k.severity:<8} {k.summary()}")
        for r in k.reasons.values():
            click.echo(f"        {r.name:<28} {r.template}")


def main(argv: list[str] | None = None) -> int:
    """The `auditor` command (`argv` None: this process's own arguments, and the process ends
    here, see `_end`); a list of arguments runs it in the calling program."""
    code = _run(argv)
    if argv is None:
        _end(code)
    return code


def _end(code: int) -> None:
    """End the process without tearing down every module: Great Expectations' thousands of
    objects take half a second to free, for nothing. Exit handlers run (multiprocessing's,
    logging's), the standard streams are flushed; every file the run wrote is already closed."""
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            code = code or 2
    os._exit(code)


def _run(argv: list[str] | None) -> int:
    try:
        cli.main(args=argv, prog_name="auditor", standalone_mode=False)
    except AuditorError as exc:
        click.echo(f"error: {_line(str(exc))}", err=True)
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
        click.echo(
            f"error: unexpected {type(exc).__name__}: {_line(str(exc))}; rerun with "
            "AUDITOR_DEBUG=1 for the traceback and report it",
            err=True,
        )
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
