"""Work done in a forked child while this process does other work: a report set's writers
shared between the cores (the HTML pages in a child, the JSON family here).

The child is a copy-on-write view of the finished report, so nothing is pickled to it; it must
call no polars (its thread pool does not survive a fork, and the first parallel operation would
wait forever): what it runs is pure Python over values made before the fork. It reports
progress through a word of shared memory and an exception through a pipe, and it leaves with
`os._exit`, running none of this process's cleanup (the report set's switch among it).
"""

from __future__ import annotations

import contextlib
import gc
import mmap
import multiprocessing
import os
import pickle
import select
import signal
import struct
from collections.abc import Callable
from typing import Any

Tell = Callable[[int, int], None]
_PROGRESS = struct.Struct("qq")  # done, total


def available() -> bool:
    return hasattr(os, "fork") and hasattr(os, "waitpid")


class Child:
    """`work(tell)` running in a forked process from construction; `wait(tell)` relays its
    progress until it ends and raises what it raised; `stop()` ends it early (this process
    failed or was interrupted)."""

    def __init__(self, work: Callable[[Tell], None]) -> None:
        self._shared = mmap.mmap(-1, _PROGRESS.size)
        read, write = os.pipe()
        # Objects made since the caller's gc.freeze (the pages' views) are moved out of the
        # collector's reach too: a collection in either process would otherwise write to
        # each one's header, copying every page they share.
        gc.freeze()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - runs in the child, measured by its effects
            code = 1
            try:
                os.close(read)
                try:
                    work(self._progress)
                    code = 0
                except BaseException as exc:  # noqa: BLE001 - every failure goes to the parent
                    _send(write, exc)
            finally:
                os._exit(code)
        os.close(write)
        self.pid: int | None = pid
        self._read = read

    def _progress(self, done: int, total: int) -> None:
        _PROGRESS.pack_into(self._shared, 0, done, total)

    def wait(self, tell: Tell | None = None) -> None:
        """Until the child ends; then its exception, if it failed, is raised here."""
        data = bytearray()
        last = (-1, -1)
        while True:
            ready, _, _ = select.select([self._read], [], [], 0.2)
            if tell is not None:
                now = _PROGRESS.unpack_from(self._shared, 0)
                if now != last and now[1]:
                    tell(*now)
                    last = now
            if ready:
                chunk = os.read(self._read, 1 << 16)
                if not chunk:
                    break
                data += chunk
        os.close(self._read)
        _, status = os.waitpid(self.pid, 0)
        self.pid = None
        if data:
            raise pickle.loads(bytes(data))
        if status:
            raise RuntimeError(f"a report writer's process ended abnormally (status {status})")

    def stop(self) -> None:
        if self.pid is None:
            return
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        os.close(self._read)
        self.pid = None


class Split:
    """`n` pieces of work shared between a child and this process without knowing in advance
    which finishes its other work first: the child takes pieces from the front, this process
    from the back once it is free, until they meet. Made before the fork (a word pair in
    shared memory, and a lock that survives it)."""

    _PAIR = struct.Struct("qq")  # next from the front, one past the last left at the back

    def __init__(self, n: int) -> None:
        self._shared = mmap.mmap(-1, self._PAIR.size)
        self._PAIR.pack_into(self._shared, 0, 0, n)
        try:
            self._lock: Any = multiprocessing.get_context("fork").Lock()
        except OSError:  # no shared semaphores here (no /dev/shm): the child takes them all
            self._lock = None

    def front(self) -> int | None:
        """The next piece from the front (in the child), None when none is left."""
        with self._lock or contextlib.nullcontext():
            first, end = self._PAIR.unpack_from(self._shared, 0)
            if first >= end:
                return None
            self._PAIR.pack_into(self._shared, 0, first + 1, end)
            return first

    def back(self) -> int | None:
        """The last piece left (in this process), None when none is left."""
        if self._lock is None:
            return None
        with self._lock:
            first, end = self._PAIR.unpack_from(self._shared, 0)
            if first >= end:
                return None
            self._PAIR.pack_into(self._shared, 0, first, end - 1)
            return end - 1


def _send(fd: int, exc: BaseException) -> None:
    try:
        data = pickle.dumps(exc)
        pickle.loads(data)  # an exception that cannot be rebuilt is sent as its text
    except Exception:  # noqa: BLE001
        data = pickle.dumps(RuntimeError(f"{type(exc).__name__}: {exc}"))
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
