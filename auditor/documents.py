"""Find the documents to audit and decode them, refusing bad input with a message that helps.

Which entity and source a document belongs to comes from its folder and file name
(`sources/<entity>/<source>.txt`), or from an optional `manifest.toml` in the entity folder:

    entity = "some-film-1999"          # optional; defaults to the folder name
    [documents."capture-0001.txt"]
    source = "imdb"
    captured = "2017-04-14"            # optional; explains drift of time-varying figures
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from auditor.errors import AuditorError, DocumentError

MANIFEST = "manifest.toml"
_SKIP_NAMES = {MANIFEST, "README.md", "PLANTED.md"}
_NOT_CONTROL = bytes(b for b in range(256) if not (b < 9 or 13 < b < 32))


@dataclass(frozen=True)
class DocumentRef:
    """A document found on disk, not yet read."""

    path: Path
    relpath: str  # relative to the sources root, with forward slashes
    entity: str
    source: str
    captured: str | None = None  # when the page was captured (ISO date or year), if known


@dataclass(frozen=True)
class Document:
    ref: DocumentRef
    text: str

    @property
    def relpath(self) -> str:
        return self.ref.relpath


def discover(paths: Sequence[Path]) -> list[DocumentRef]:
    """Every document under `paths` (sources roots, entity folders or single files), sorted."""
    refs: dict[Path, DocumentRef] = {}
    for path in paths:
        if not path.exists():
            raise AuditorError(
                f"{path}: no such file or folder; pass a sources folder or a document"
            )
        if path.is_file():
            ref = _ref_for_file(path.resolve())
            refs[ref.path] = ref
            continue
        entity_dirs = _entity_dirs(path.resolve())
        for entity_dir in entity_dirs:
            for ref in _refs_in_entity(entity_dir):
                refs[ref.path] = ref
    return sorted(refs.values(), key=lambda r: (r.entity, r.source, r.relpath))


def _entity_dirs(folder: Path) -> list[Path]:
    """A folder of documents is one entity; a folder of folders is a sources root."""
    # scandir knows each entry's type from the directory listing: no stat per entry, which
    # matters for a catalog of tens of thousands of folders.
    with os.scandir(folder) as it:
        entries = list(it)
    subdirs = sorted(
        e.name for e in entries if not e.name.startswith(".") and e.is_dir()
    )
    if any(_is_document_entry(e) for e in entries) or not subdirs:
        return [folder]
    return [folder / name for name in subdirs]


def _is_document_entry(e: os.DirEntry) -> bool:
    return not e.name.startswith(".") and e.name not in _SKIP_NAMES and e.is_file()


def _manifest(entity_dir: Path) -> dict:
    path = entity_dir / MANIFEST
    try:
        text = path.read_text(encoding="utf-8")
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return {}
    except UnicodeDecodeError as exc:
        raise AuditorError(f"{path}: not a valid TOML manifest ({exc}); fix or delete it") from None
    try:
        return tomllib.loads(text)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise AuditorError(f"{path}: not a valid TOML manifest ({exc}); fix or delete it") from None


def _refs_in_entity(entity_dir: Path) -> Iterable[DocumentRef]:
    manifest = _manifest(entity_dir)  # parsed once for the folder, not once per document
    with os.scandir(entity_dir) as it:
        names = sorted(e.name for e in it if _is_document_entry(e))
    for name in names:
        yield _ref_for_file(entity_dir / name, manifest)


def _ref_for_file(path: Path, manifest: dict | None = None) -> DocumentRef:
    entity_dir = path.parent
    if manifest is None:
        manifest = _manifest(entity_dir)
    entity = str(manifest.get("entity") or entity_dir.name)
    entry = manifest.get("documents", {}).get(path.name, {})
    source = str(entry.get("source") or path.stem)
    relpath = f"{entity_dir.name}/{path.name}"
    captured = entry.get("captured")
    return DocumentRef(
        path=path,
        relpath=relpath,
        entity=entity,
        source=source,
        captured=str(captured) if captured else None,
    )


def read(ref: DocumentRef) -> Document:
    """Decode a document as UTF-8, or raise a DocumentError that says what is wrong with it."""
    try:
        data = ref.path.read_bytes()
    except OSError as exc:
        raise DocumentError(
            ref.relpath, f"cannot be read ({exc.strerror})", "check its permissions"
        ) from None
    return Document(ref, decode(ref.relpath, data))


def decode(name: str, data: bytes) -> str:
    if not data.strip():
        raise DocumentError(name, "is empty", "capture the page again or remove the file")
    head = data[:8192]
    controls = len(head.translate(None, _NOT_CONTROL))  # bytes < 9 or 14..31, counted in C
    if b"\x00" in head or controls > len(head) // 20:
        raise DocumentError(
            name, "is a binary file, not a captured text page", "replace it with the page's text"
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data":
            raise DocumentError(
                name,
                "is truncated in the middle of a character (its last bytes are not whole UTF-8)",
                "capture the whole page again",
            ) from None
        byte = data[exc.start]
        guess = "cp1252" if any(0x80 <= b <= 0x9F for b in data) else "latin-1"
        raise DocumentError(
            name,
            f"is not UTF-8 (byte 0x{byte:02X} at offset {exc.start}; it looks like {guess})",
            f"convert it, e.g. `iconv -f {guess} -t utf-8`, and keep the converted bytes",
        ) from None
