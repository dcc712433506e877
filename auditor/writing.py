"""Atomic writes: a reader sees one whole report set or the previous one, never a mix of two.

A set is written into a fresh hidden sibling of the report folder (`.reports.new-XXXX`), the
folder's other files (a README, notes) are carried over, and the two folders are switched: by
an atomic exchange where the kernel offers one (Linux `renameat2`), else by two renames with
nothing but a missing folder in between. A lock on the parent folder serialises concurrent runs,
and whatever a killed run left behind is cleaned up by the next one, under that lock.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import shutil
import sys
import tempfile
from collections.abc import Collection, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from auditor.errors import AuditorError

if TYPE_CHECKING:
    import polars as pl

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; runs are then not serialised
    fcntl = None  # type: ignore[assignment]

_NEW, _OLD, _STAGE = ".new-", ".old-", ".auditor-staging-"


def write_atomic(path: Path, data: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = "wb" if isinstance(data, bytes) else "w"
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(
            fd, mode, **({} if mode == "wb" else {"encoding": "utf-8", "newline": "\n"})
        ) as f:
            f.write(data)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_text(path: Path, text: str) -> None:
    """Write a file of a set being staged (the folder is private until the switch)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def write_chunks(path: Path, chunks: Iterable[str | pl.Series]) -> None:
    """Write a file of a set being staged from pieces of text, each as it is made."""
    with open_staged(path) as f:
        for chunk in chunks:
            put(f, chunk)


def open_staged(path: Path) -> BinaryIO:
    """A file of a set being staged, open for `put`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    return open(path, "wb")


def put(f: BinaryIO, chunk: str | pl.Series) -> None:
    """Write a piece of text, or a polars column of texts one after the other with nothing
    between them: polars writes its buffers to the file itself, so a catalog's hundreds of
    megabytes never become a Python string, nor a second copy encoded to UTF-8."""
    if isinstance(chunk, str):
        f.write(chunk.encode("utf-8"))
    elif chunk.len():
        chunk.to_frame().write_csv(
            f, include_header=False, quote_style="never", line_terminator=""
        )


@contextlib.contextmanager
def report_set(out_dir: Path, owned: Collection[str]) -> Iterator[Path]:
    """Yield an empty staging folder; when the block ends, it becomes `out_dir` in one step.

    `owned` names the entries of `out_dir` that belong to a report set (every file or folder
    a format writes, written this time or not): those are replaced; any other file of
    `out_dir` is carried over. A folder inside `out_dir` that is not owned makes it not a
    report folder: refused, so that `--out .` never swaps a project away.
    """
    out = Path(os.path.abspath(out_dir))
    if out.is_symlink():
        out = out.resolve()
    if out.exists() and not out.is_dir():
        raise AuditorError(
            f"{out_dir}: is a file, not a folder; pass --out a folder for the reports"
        )
    try:
        if not out.parent.exists():
            out.parent.mkdir(parents=True, exist_ok=True)
        with _locked(out.parent):
            _recover(out)
            extra = _carried(out, owned)
            in_place = out.exists() and (os.path.ismount(out) or out.resolve() == Path.cwd())
            stage, in_place = _stage(out, in_place)
            try:
                yield stage
                if in_place:
                    _commit_in_place(stage, out, owned)
                else:
                    _carry(out, extra, stage)
                    _switch(stage, out)
            finally:
                shutil.rmtree(stage, ignore_errors=True)
    except AuditorError:
        raise
    except OSError as exc:
        raise AuditorError(
            f"{out_dir}: the reports cannot be written there ({exc.strerror or exc}); "
            "choose another --out or fix the folder's permissions"
        ) from None


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    if fcntl is None:
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # released by the kernel if this process is killed
        yield
    finally:
        os.close(fd)


def _recover(out: Path) -> None:
    """Undo what a killed run left: put back a set moved aside, delete staging folders."""
    siblings = sorted(out.parent.glob(f".{out.name}.*"))
    old = [p for p in siblings if p.name.startswith(f".{out.name}{_OLD}")]
    if old and not out.exists():
        os.rename(old[0], out)  # killed between the two renames: the previous set comes back
    for p in siblings:
        if p.name.startswith((f".{out.name}{_OLD}", f".{out.name}{_NEW}")) and p.is_dir():
            shutil.rmtree(p, ignore_errors=True)
    if out.is_dir():
        for p in out.glob(f"{_STAGE}*"):
            shutil.rmtree(p, ignore_errors=True)


def _carried(out: Path, owned: Collection[str]) -> list[Path]:
    if not out.exists():
        return []
    extra = []
    for p in sorted(out.iterdir()):
        if p.name in owned or _is_temporary(p.name, owned):
            continue
        if p.is_dir() and not p.is_symlink():
            raise AuditorError(
                f"{out}: holds the folder {p.name!r}, so it is not a reports folder; "
                "pass --out a folder of its own for the reports"
            )
        extra.append(p)
    return extra


def _is_temporary(name: str, owned: Collection[str]) -> bool:
    """Temporary files of earlier versions (`.report.json.XXXX`) and staging folders."""
    return name.startswith(_STAGE) or any(name.startswith(f".{o}.") for o in owned)


def _stage(out: Path, in_place: bool) -> tuple[Path, bool]:
    """A staging folder beside `out`, or inside it when `out` cannot be swapped (a mount
    point, the working folder) or only `out` itself is writable."""
    if not in_place:
        try:
            stage = Path(tempfile.mkdtemp(prefix=f".{out.name}{_NEW}", dir=out.parent))
        except PermissionError:
            if not out.is_dir():
                raise
        else:
            mode = out.stat().st_mode & 0o7777 if out.exists() else 0o777 & ~_umask()
            os.chmod(stage, mode)
            return stage, False
    return Path(tempfile.mkdtemp(prefix=_STAGE, dir=out)), True


def _carry(out: Path, extra: list[Path], stage: Path) -> None:
    for p in extra:
        target = stage / p.name
        if p.is_symlink():
            os.symlink(os.readlink(p), target)
            continue
        try:
            os.link(p, target)
        except OSError:
            shutil.copy2(p, target)


def _switch(stage: Path, out: Path) -> None:
    if not out.exists():
        os.rename(stage, out)
        return
    if _exchange(stage, out):
        shutil.rmtree(stage)  # now the previous set
        return
    aside = out.parent / stage.name.replace(_NEW, _OLD, 1)
    os.rename(out, aside)
    os.rename(stage, out)
    shutil.rmtree(aside)


def _commit_in_place(stage: Path, out: Path, owned: Collection[str]) -> None:
    """A mount point or the working folder cannot be swapped: replace the files one by one."""
    written = {p.name for p in stage.iterdir()}
    for name in sorted(written):
        target = out / name
        if target.is_dir() and not target.is_symlink():
            shutil.rmtree(target)
        os.replace(stage / name, target)
    for name in sorted(set(owned) - written):
        path = out / name
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink(missing_ok=True)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders atomically (Linux renameat2 RENAME_EXCHANGE); False if unsupported."""
    if sys.platform != "linux":
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p]
    renameat2.argtypes += [ctypes.c_uint]
    at_fdcwd, rename_exchange = -100, 2
    done = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    return done == 0


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
