"""The package as users install it: a built wheel, not this checkout.

An editable install once hid a wheel without the HTML template, so the README's first command
crashed on every fresh machine. Here the wheel is built the way pip builds it for
`pip install .`, installed into an empty folder, and run from outside the project.
"""

from __future__ import annotations

import filecmp
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from auditor.config import builtin_suites
from tests.conftest import ROOT, SOURCES


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """Built from a clean copy: a `build/` left in the checkout would hide a missing file."""
    out = tmp_path_factory.mktemp("wheel")
    tree = tmp_path_factory.mktemp("tree") / "auditor"
    skip = ("build", "*.egg-info", ".venv", ".git", "__pycache__", ".auditor-cache", "reports")
    shutil.copytree(ROOT, tree, ignore=shutil.ignore_patterns(*skip))
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(tree)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert built.returncode == 0, built.stderr
    [path] = out.glob("auditor-*.whl")
    return path


def _package_files() -> set[str]:
    """Every file of the package in this checkout, as the wheel names it."""
    package = ROOT / "auditor"
    return {
        p.relative_to(ROOT).as_posix()
        for p in package.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }


def test_wheel_ships_every_package_file(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = sorted(_package_files() - names)
    assert not missing, f"not in the wheel: {missing}"


def test_installed_wheel_audits_from_another_folder(wheel, tmp_path):
    site = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(site), wheel],
        check=True,
    )
    elsewhere = tmp_path / "elsewhere"
    shutil.copytree(SOURCES, elsewhere / "sources")
    env = {**os.environ, "PYTHONPATH": str(site)}
    run = subprocess.run(
        [sys.executable, "-m", "auditor", "check", "sources", "--out", "out"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 1, run.stderr  # the bundled sources do contradict each other
    assert "Traceback" not in run.stderr
    assert run.stdout.splitlines()[0] == (
        "config: built-in defaults (no project configuration); 3 built-in film suites"
    )
    imported = subprocess.run(
        [sys.executable, "-c", "import auditor; print(auditor.__file__)"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert imported.startswith(str(site))  # the wheel ran, not this checkout
    report = json.loads((elsewhere / "out" / "report.json").read_text())
    assert {s["suite"] for s in report["expectations"]} == {"film", "imdb", "year-stated"}
    # the same findings as the audit inside the project
    inside = subprocess.run(
        [
            sys.executable,
            "-m",
            "auditor",
            "check",
            "--format",
            "json",
            "--out",
            str(tmp_path / "in"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert inside.returncode == 1, inside.stderr
    project = json.loads((tmp_path / "in" / "report.json").read_text())
    assert [d["id"] for d in report["discrepancies"]] == [d["id"] for d in project["discrepancies"]]
    for name in ("report.html", "summary.md", "junit.xml", "claims.jsonl"):
        assert (elsewhere / "out" / name).stat().st_size > 0


def test_project_suites_are_the_built_in_ones():
    """The project audits its sources with exactly the suites the package ships."""
    project = ROOT / "expectations"
    names = sorted(p.name for p in project.glob("*.json"))
    assert names == sorted(p.name for p in builtin_suites().glob("*.json"))
    assert all(filecmp.cmp(project / n, builtin_suites() / n, shallow=False) for n in names)
