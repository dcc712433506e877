"""Shared paths and helpers: the bundled sources and the fixture documents of other films."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
BUNDLED = "leaving-las-vegas-1995"


def expected_cases() -> list[tuple[str, Path, Path]]:
    """(id, document, expected facts) for every hand-checked document."""
    cases = []
    for expected in sorted((FIXTURES / "expected").glob("*/*.json")):
        if expected.name == "discrepancies.json":
            continue
        entity = expected.parent.name
        folder = SOURCES if entity == BUNDLED else FIXTURES / "documents"
        document = folder / entity / f"{expected.stem}.txt"
        cases.append((f"{entity}/{expected.stem}", document, expected))
    return cases


def all_documents() -> list[Path]:
    docs = sorted((SOURCES).glob("*/*.txt")) + sorted((FIXTURES / "documents").glob("*/*.txt"))
    return docs


def load_expected(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture
def sources_copy(tmp_path: Path) -> Path:
    """A writable copy of the bundled sources, for tests that edit or add documents."""
    target = tmp_path / "sources" / BUNDLED
    target.mkdir(parents=True)
    for doc in (SOURCES / BUNDLED).iterdir():
        (target / doc.name).write_bytes(doc.read_bytes())
    return tmp_path / "sources"


def fixture_copy(tmp_path: Path, entity: str) -> Path:
    """A writable copy of a fixture film's documents, for tests that edit them."""
    folder = tmp_path / entity
    folder.mkdir()
    for doc in (FIXTURES / "documents" / entity).glob("*.txt"):
        (folder / doc.name).write_bytes(doc.read_bytes())
    return folder


def edit_page(page: Path, old: str, new: str) -> None:
    """Replace `old`, which the copied page must hold, by `new`."""
    text = page.read_text(encoding="utf-8")
    assert old in text
    page.write_text(text.replace(old, new), encoding="utf-8")
