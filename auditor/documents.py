"""Find the documents to audit and decode them, refusing bad input with a message that helps.

Which entity and source a document belongs to comes from its folder and file name
(`sources/<entity>/<source>.txt`), or from an optional `manifest.toml` in the entity folder:

    entity = "some-film-1999"          # optional; defaults to the folder name
    [documents."capture-0001.txt"]
    source = "imdb"
    captured = "2017-04-14"            # optional; explains drift of time-varying figures

Whatever is wrong with one entry (a bad manifest, a link that leads nowhere or out of the
sources, a FIFO, a folder where a document should be, an oversized file) becomes a refused
document with one line saying what to do; it never stops the others.
"""

from __future__ import annotations

import codecs
import datetime as dt
import errno
import functools
import hashlib
import os
import re
import stat
import tomllib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from auditor.errors import AuditorError, DocumentError
from auditor.normalize.dates import parse_date

MANIFEST = "manifest.toml"
_SKIP_NAMES = {MANIFEST, "README.md", "PLANTED.md"}
DEFAULT_MAX_BYTES = 50_000_000
_NOT_CONTROL = bytes(b for b in range(256) if not (b < 9 or 13 < b < 32))


@dataclass(frozen=True)
class DocumentRef:
    """A document found on disk, not yet read; `problem` is set when it must not be read."""

    path: Path
    relpath: str  # relative to the sources root, with forward slashes
    entity: str
    source: str
    captured: str | None = None  # when the page was captured (ISO date or year), if known
    problem: str | None = None  # why it is refused, as one line naming it


@dataclass(frozen=True)
class Document:
    ref: DocumentRef
    text: str
    note: str | None = None  # how it was decoded, when not plain UTF-8
    digest: str = ""  # of its bytes: the same content under two names is one document

    @property
    def relpath(self) -> str:
        return self.ref.relpath


def discover(
    paths: Sequence[Path], *, max_bytes: int = DEFAULT_MAX_BYTES, allow_empty: bool = False
) -> list[DocumentRef]:
    """Every document under `paths` (sources roots, entity folders or single files), sorted.

    Raises AuditorError only when a path does not exist or nothing at all is found (unless
    `allow_empty`: the configuration declares tables to audit instead)."""
    refs: dict[Path, DocumentRef] = {}
    for path in paths:
        if not path.exists() and not path.is_symlink():
            raise AuditorError(
                f"{path}: no such file or folder; pass a sources folder or a document"
            )
        if not path.is_dir():
            tree = path.parent.resolve()
            for ref in _entries(tree, [path.absolute()], max_bytes, tree.parent):
                refs.setdefault(ref.path, ref)
            continue
        tree = path.resolve()
        entity_dirs, strays = _entity_dirs(tree)
        for stray in strays:
            refs.setdefault(stray.path, stray)
        for entity_dir in entity_dirs:
            for ref in _refs_in_entity(entity_dir, tree, max_bytes):
                refs.setdefault(ref.path, ref)
    if not refs and not allow_empty:
        where = ", ".join(str(p) for p in paths)
        raise AuditorError(
            f"{where}: no documents found; put documents in <sources>/<entity>/<source>.txt"
        )
    return sorted(refs.values(), key=lambda r: (r.entity, r.source, r.relpath))


def _listing(folder: Path) -> list[os.DirEntry[str]]:
    with os.scandir(folder) as it:
        return sorted((e for e in it if not e.name.startswith(".")), key=lambda e: e.name)


def _entity_dirs(folder: Path) -> tuple[list[Path], list[DocumentRef]]:
    """A folder of documents is one entity; a folder of folders is a sources root, whose
    stray files are refused one by one rather than turning the root into one entity.

    A folder with a manifest, or with more files than folders and none of them an entity
    folder with a manifest, is an entity folder (the odd folder inside it is refused);
    otherwise its folders (linked ones that stay inside the sources included) are the
    entities: a README and notes beside one film's folder do not make the root a film."""
    try:
        entries = _listing(folder)
    except OSError as exc:
        raise AuditorError(
            f"{folder}: cannot be listed ({exc.strerror}); check its permissions"
        ) from None
    dirs = [e for e in entries if _is_folder(e)]
    files = [e for e in entries if not _is_folder(e) and e.name not in _SKIP_NAMES]
    if not dirs or (folder / MANIFEST).is_file():
        return [folder], []
    if len(files) > len(dirs) and not any((Path(e.path) / MANIFEST).is_file() for e in dirs):
        return [folder], []
    strays = [
        _refused(
            Path(e.path),
            _rel(Path(e.path), folder),
            "-",
            "is a file at the top of the sources folder, where only entity folders belong",
            "move it into its entity's folder or out of the sources",
        )
        for e in files
    ]
    inside, outside = [], []
    for e in dirs:
        # `folder` is resolved: only a link can lead out of it (realpath costs a system call
        # a path component, for each of a catalog's thousands of entities).
        linked = _is_link(e)
        target = Path(os.path.realpath(e.path)) if linked else folder
        (inside if target.is_relative_to(folder) else outside).append(Path(e.path))
    strays += [
        _refused(
            p,
            p.name + "/",
            p.name,
            "is a symbolic link to a folder outside the sources folder",
            "copy the entity's documents into the sources instead of linking to them",
        )
        for p in outside
    ]
    return inside, strays


def _is_link(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_symlink()
    except OSError:
        return True  # cannot tell: resolve it


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir(follow_symlinks=True)
    except OSError:
        return False


def _refs_in_entity(entity_dir: Path, tree: Path, max_bytes: int) -> Iterator[DocumentRef]:
    base = tree.parent if entity_dir == tree else tree
    try:
        entries = _listing(entity_dir)
    except OSError as exc:
        yield _refused(
            entity_dir,
            _rel(entity_dir, base) + "/",
            entity_dir.name,
            f"cannot be listed ({exc.strerror})",
            "check the folder's permissions; its documents were not audited",
        )
        return
    paths = [Path(e.path) for e in entries if e.name not in _SKIP_NAMES]
    yield from _entries(tree, paths, max_bytes, base, whole=True)


def _entries(
    tree: Path, paths: list[Path], max_bytes: int, base: Path, *, whole: bool = False
) -> Iterator[DocumentRef]:
    """Refs for the entries of one entity folder; `base` is what relpaths are relative to;
    `whole`: these are all its entries, so a document the manifest names must be among them."""
    if not paths:
        return
    entity_dir = paths[0].parent
    try:
        manifest = _manifest(entity_dir)
    except DocumentError as exc:
        yield _refused(entity_dir / MANIFEST, exc.document, entity_dir.name, exc.problem, exc.fix)
        return
    entity = str(manifest.get("entity") or _shown(entity_dir.name))
    documents = manifest.get("documents", {})
    present = {p.name for p in paths}
    for name in sorted(set(documents) - present) if whole else ():
        missing = entity_dir / name
        yield _refused(
            missing,
            _rel(missing, base),
            entity,
            f"is named in {MANIFEST} but does not exist",
            "add the document or remove its entry from the manifest",
            source=str(documents[name].get("source") or Path(name).stem),
        )
    # A document inside the folder under `base` (every entry of a listing is) has its
    # relpath by slicing strings: pathlib's relative_to costs more than the rest of a file.
    prefix, folder = str(base).rstrip(os.sep) + os.sep, str(entity_dir) + os.sep
    shown = _shown(folder[len(prefix) :]) if folder.startswith(prefix) else None
    for path in paths:
        if shown is not None and str(path) == folder + path.name:
            relpath = shown + _shown(path.name)
        else:
            relpath = _rel(path, base)
        entry = documents.get(path.name, {})
        source = str(entry.get("source") or _shown(path.stem))
        captured = entry.get("captured")
        problem = _problem(path, tree, max_bytes)
        ref = DocumentRef(
            path=path,
            relpath=relpath,
            entity=entity,
            source=source,
            captured=capture_date(str(captured)) if captured else None,
        )
        if problem:
            ref = _refused(path, relpath, entity, *problem, source=source)
        yield ref


def _rel(path: Path, base: Path) -> str:
    """The path as reports name it: relative, and UTF-8 even when the file name is not."""
    try:
        rel = path.relative_to(base).as_posix()
    except ValueError:
        rel = f"{path.parent.name}/{path.name}"
    return _shown(rel)


def _shown(name: str) -> str:
    """A file name as text: undecodable bytes of a non-UTF-8 name become \\xNN escapes."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _refused(
    path: Path, relpath: str, entity: str, problem: str, fix: str, *, source: str = "-"
) -> DocumentRef:
    return DocumentRef(path, relpath, entity, source, problem=f"{relpath}: {problem}; {fix}")


def _loops(path: Path) -> bool:
    """Whether following the link `path` comes back to a link already followed."""
    try:
        path.stat()
    except OSError as exc:
        return exc.errno == errno.ELOOP
    return False


def _problem(path: Path, tree: Path, max_bytes: int) -> tuple[str, str] | None:
    """Why this entry must not be read as a document, or None."""
    try:
        os.fsencode(path.name).decode("utf-8")
    except UnicodeDecodeError:
        return "has a file name that is not UTF-8", "rename it"
    try:
        lst = path.lstat()
    except OSError as exc:
        return f"cannot be inspected ({exc.strerror})", "check its permissions"
    if stat.S_ISLNK(lst.st_mode):
        target = Path(os.path.realpath(path))
        if not target.exists():
            return (
                f"is a symbolic link to '{os.readlink(path)}', which "
                + ("leads back to it (a loop)" if _loops(path) else "does not exist"),
                "fix the link or remove it",
            )
        if not target.is_relative_to(tree):
            return (
                "is a symbolic link to a file outside the sources folder",
                "copy the document into the sources instead of linking to it",
            )
    try:
        st = path.stat() if stat.S_ISLNK(lst.st_mode) else lst  # one system call a file
    except OSError as exc:
        return f"cannot be inspected ({exc.strerror})", "check its permissions"
    if stat.S_ISDIR(st.st_mode):
        return (
            "is a folder inside an entity folder, where only documents belong",
            "move its documents into an entity folder of their own, or remove it",
        )
    if not stat.S_ISREG(st.st_mode):
        what = "a FIFO" if stat.S_ISFIFO(st.st_mode) else "a device or socket"
        return f"is not a regular file (it is {what})", "replace it with the captured page"
    if st.st_size > max_bytes:
        return (
            f"is {st.st_size / 1e6:.1f} MB, over the limit of {max_bytes / 1e6:g} MB",
            "check it is one captured page, or raise max_document_mb in the configuration",
        )
    return None


def _manifest(entity_dir: Path) -> dict[str, Any]:
    path = entity_dir / MANIFEST
    if not path.is_file():
        return {}
    name = f"{entity_dir.name}/{MANIFEST}"
    try:
        text = path.read_text(encoding="utf-8")
        data = simple_manifest(text)
        if data is None:
            data = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError, RecursionError) as exc:
        raise DocumentError(  # a RecursionError: nested deeper than the parser's stack
            name,
            f"is not a valid TOML manifest ({exc})",
            "fix or delete it; this entity was skipped",
        ) from None
    problem = _manifest_shape(data)
    if problem:
        raise DocumentError(
            name,
            f"has the wrong shape ({problem})",
            'see `entity = "..."` and [documents."file"] source/captured in the docs; '
            "this entity was skipped",
        )
    return data


# The lines of a manifest as its template writes them: comments, `[documents."file"]` headers,
# `key = "text"` (no escapes), `key = 2017`, `key = 2014-04-01`, each with an optional comment.
_SIMPLE_LINE = re.compile(
    r'[ \t]*(?:\[[ \t]*documents\.(?:"(?P<file>[^"\\\x00-\x1f\x7f]+)"'
    r"|(?P<bare>[A-Za-z0-9_-]+))[ \t]*\]"
    r'|(?P<key>[A-Za-z0-9_-]+)[ \t]*=[ \t]*(?:"(?P<text>[^"\\\x00-\x1f\x7f]*)"'
    r"|(?P<date>\d{4}-\d{2}-\d{2})|(?P<int>[1-9]\d{0,8}|0)))?"
    r"[ \t]*(?:#[^\x00-\x08\x0a-\x1f\x7f]*)?\r?"
)


def simple_manifest(text: str) -> dict[str, Any] | None:
    """What tomllib gives for a manifest written as the template writes one; None for any other
    TOML (tomllib then reads it, and words its errors). Catalogs hold a manifest per entity, and
    tomllib, pure Python, costs more than reading the documents' cached claims."""
    if text.count("\r") != text.count("\r\n"):
        return None
    data: dict[str, Any] = {}
    table = data
    for line in text.split("\n"):
        m = _SIMPLE_LINE.fullmatch(line)
        if m is None:
            return None
        file = m["file"] or m["bare"]
        if file is not None:
            documents = data.setdefault("documents", {})
            if not isinstance(documents, dict) or file in documents:
                return None
            table = documents[file] = {}
        elif m["key"] is not None:
            if m["key"] in table:
                return None
            if m["text"] is not None:
                value: Any = m["text"]
            elif m["date"] is not None:
                try:
                    value = dt.date.fromisoformat(m["date"])
                except ValueError:
                    return None
            elif m["int"] is not None:
                value = int(m["int"])
            else:
                return None
            table[m["key"]] = value
    return data


@functools.cache
def capture_date(text: str) -> str | None:
    """A capture date as a year, month or day in ISO form ("April 2017": "2017-04"), which
    sorts as time does; None when it is no date. A catalog repeats a few."""
    return parse_date(text)


def _manifest_shape(data: dict[str, Any]) -> str | None:
    if "entity" in data and not (isinstance(data["entity"], str) and data["entity"].strip()):
        return "entity must be a non-empty string"
    documents = data.get("documents", {})
    if not isinstance(documents, dict):
        return 'documents must be a table of [documents."<file>"] tables'
    for name, entry in documents.items():
        if not isinstance(entry, dict):
            return f'documents."{name}" must be a table with source and captured'
        for key in ("source", "captured"):
            value = entry.get(key)
            if (
                value is not None
                and not isinstance(value, str | int)
                and not hasattr(value, "isoformat")
            ):
                return f'documents."{name}".{key} must be a string'
        stray = set(entry) - {"source", "captured"}
        if stray:  # a misspelt "sourse" would leave the file name to name the source
            return f'documents."{name}" has unknown keys {", ".join(sorted(stray))}'
        captured = entry.get("captured")
        if captured is not None and capture_date(str(captured)) is None:
            # compared as text, "31 Feb 2001" would be the latest capture of all
            return f'documents."{name}".captured {str(captured)!r} is no year or date (2017-04-14)'
    unknown = set(data) - {"entity", "documents"}
    if unknown:
        return "unknown keys " + ", ".join(sorted(unknown))
    return None



def read(ref: DocumentRef) -> Document:
    """Decode a document, or raise a DocumentError that says what is wrong with it."""
    try:
        with open(ref.path, "rb") as f:
            data = f.read()
    except OSError as exc:
        raise DocumentError(
            ref.relpath, f"cannot be read ({exc.strerror})", "check its permissions"
        ) from None
    text, note = decode(ref.relpath, data)
    return Document(ref, text, note, content_digest(data))


def content_digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(name: str, data: bytes) -> tuple[str, str | None]:
    """The text, and a note when it was not plain UTF-8 (a byte-order mark, UTF-16, cp1252...)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                raise DocumentError(
                    name,
                    f"starts with a {encoding.upper()} byte-order mark but is not valid "
                    f"{encoding.upper()}",
                    "capture the page again as UTF-8",
                ) from None
            _check_text(name, text)
            label = "UTF-8 with a byte-order mark" if encoding == "utf-8-sig" else encoding.upper()
            return text, f"decoded as {label}"
    if not data.strip():
        raise DocumentError(name, "is empty", "capture the page again or remove the file")
    nul = data.find(b"\x00")
    if nul >= 0 and _utf16_unmarked(data[:8192]):
        raise DocumentError(
            name,
            "is UTF-16 without a byte-order mark (a NUL byte beside each Latin letter)",
            "save it as UTF-8",
        )
    if nul >= 0:
        raise DocumentError(
            name,
            f"contains NUL bytes (the first at offset {nul}): it is binary or corrupted",
            "replace it with the page's text",
        )
    head = data[:8192]
    controls = len(head.translate(None, _NOT_CONTROL))  # bytes < 9 or 14..31, counted in C
    if controls > len(head) // 20:
        raise DocumentError(
            name, "is a binary file, not a captured text page", "replace it with the page's text"
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data":
            raise DocumentError(
                name,
                "is truncated in the middle of a character (its last bytes are not whole UTF-8)",
                "capture the whole page again",
            ) from None
        _damaged_utf8(name, data, exc)
        text, encoding = _legacy(name, data, exc)
        _check_text(name, text)
        return text, f"decoded as {encoding} (not UTF-8)"
    _check_text(name, text)
    return text, None


def _utf16_unmarked(head: bytes) -> bool:
    """Whether nine in ten of every other byte are NUL and the others next to none, as in
    text of mostly Latin letters written in UTF-16 (either byte order)."""
    even, odd = head[0::2], head[1::2]
    return len(odd) > 8 and any(
        zeros.count(0) * 10 >= len(zeros) * 9 and other.count(0) * 10 < len(other)
        for zeros, other in ((even, odd), (odd, even))
    )


def _damaged_utf8(name: str, data: bytes, exc: UnicodeDecodeError) -> None:
    """Refuse a UTF-8 page with a few bytes that are not: more of its characters beyond ASCII
    are whole UTF-8 than not (a legacy page's rarely are), and a legacy decoding would garble
    each of them ('é' read as 'Ã©')."""
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    good = len(text) - len(text.encode("ascii", "ignore")) - text.count("\ufffd")
    if good > bad:
        sequences = "sequence" if bad == 1 else "sequences"
        raise DocumentError(
            name,
            f"is UTF-8 but for {bad} invalid byte {sequences} (the first, 0x{data[exc.start]:02X}, "
            f"at offset {exc.start}): it is corrupted there",
            "capture the page again, or fix those bytes",
        )


def _legacy(name: str, data: bytes, exc: UnicodeDecodeError) -> tuple[str, str]:
    """A confident guess of a legacy single-byte encoding, or a refusal that says which."""
    from charset_normalizer import from_bytes

    # Only the Western single-byte encodings are candidates: asked to choose among all of them,
    # detection takes a cp1252 page for cp1250 or cp932. Garbled results are not offered.
    best = from_bytes(data, cp_isolation=list(_LEGACY)).best()
    byte = data[exc.start]
    if best is not None:
        return str(best), _LEGACY[best.encoding]
    guess = "cp1252" if any(0x80 <= b <= 0x9F for b in data) else "latin-1"
    raise DocumentError(
        name,
        f"is not UTF-8 (byte 0x{byte:02X} at offset {exc.start}) and its encoding cannot be "
        f"told with confidence (perhaps {guess})",
        f"convert it, e.g. `iconv -f {guess} -t utf-8`, and keep the converted bytes",
    )


# Legacy encodings of Western pages that a confident detection may decode (Python's names).
_LEGACY = {"cp1252": "cp1252", "latin_1": "latin-1", "iso8859_15": "ISO-8859-15"}


def _check_text(name: str, text: str) -> None:
    if not text.strip():
        raise DocumentError(name, "is empty", "capture the page again or remove the file")
    if "\x00" in text:
        raise DocumentError(
            name,
            f"contains NUL characters (the first at character {text.index(chr(0))})",
            "replace it with the page's text",
        )
    head = text[:512].lstrip().lower()
    if head.startswith(("<!doctype html", "<html")):
        raise DocumentError(
            name,
            "is a raw HTML page, not a text capture of one",
            "save the page as text (what the browser shows) and audit that",
        )
