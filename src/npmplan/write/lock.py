"""One writer at a time: an advisory lock beside the plan, held for an edit's read, change
and write, so that two editing commands run at the same moment never both read the same
version and the second's rename throws the first's change away.

The lock is a file ``.NAME.npmplan-lock`` in the plan's folder (the plan's own folder after
symlinks: two links to one plan take one lock). It is locked with ``fcntl.flock`` on POSIX and
``msvcrt.locking`` on Windows, so the system releases it when the process ends, however it
ends (a crash, a kill, Ctrl-C). The holder deletes the file before it lets go, so no file is
left beside the plan (nor in ``git status``); a command that locked a file no longer at that
name (deleted meanwhile) lets it go and tries again, so two commands never hold two files.
Windows deletes no open file: there the holder deletes it once it has closed it, unless
another command has it open, waiting, and will delete it in its turn.
A file left by a crash is empty and harmless: the next edit locks it and deletes it. Another
command holding the lock is waited for ``WAIT`` seconds, then ``LockedError``.

    >>> with locked(Path("plans/2026-27.yaml")):   # doctest: +SKIP
    ...     snap = snapshot(path); ...; replace(snap, new)
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from npmplan.errors import NpmplanError

WAIT = 5.0  # seconds: an edit takes well under one; longer means a stuck or slow command
_STEP = 0.05


class LockedError(NpmplanError):
    """Another npmplan command held the plan's lock for longer than ``WAIT``."""


def lock_path(plan: Path) -> Path:
    target = Path(os.path.realpath(plan))
    return target.with_name(f".{target.name}.npmplan-lock")


@contextlib.contextmanager
def locked(plan: Path, wait: float | None = None) -> Iterator[None]:
    """Hold the plan's lock for the block. Where the lock file cannot be made (a read-only
    folder), the block runs unlocked: the write would fail there anyway, and says why."""
    name = lock_path(plan)
    deadline = time.monotonic() + (WAIT if wait is None else wait)
    while True:
        try:
            descriptor = os.open(name, os.O_RDWR | os.O_CREAT, 0o666)
        except OSError:
            yield
            return
        if _try_lock(descriptor):
            if _still_named(descriptor, name):
                break
            _release(descriptor)  # deleted by the holder before us: take the new one
        os.close(descriptor)
        if time.monotonic() >= deadline:
            raise LockedError(f"another npmplan command is editing {plan}; nothing was "
                              "written: try again in a moment")
        pause(_STEP)
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            os.unlink(name)  # while locked: whoever waits on it finds it gone, and retries
        _release(descriptor)
        os.close(descriptor)
        if sys.platform == "win32":  # an open file cannot be deleted there; a closed one can
            with contextlib.suppress(OSError):  # (not one another command has open)
                os.unlink(name)


def _still_named(descriptor: int, name: Path) -> bool:
    """Is the locked file still the one at ``name``? (Windows cannot delete an open file, so
    there it always is.)"""
    try:
        here, there = os.fstat(descriptor), os.stat(name)
    except OSError:
        return False
    return sys.platform == "win32" or (here.st_ino, here.st_dev) == (there.st_ino, there.st_dev)


def pause(seconds: float) -> None:
    """Wait for the other command (a seam: the tests see here that a command waits)."""
    time.sleep(seconds)


if sys.platform == "win32":  # pragma: no cover - tested on Windows CI
    import msvcrt

    def _try_lock(descriptor: int) -> bool:
        try:
            os.lseek(descriptor, 0, os.SEEK_SET)
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _release(descriptor: int) -> None:
        with contextlib.suppress(OSError):
            os.lseek(descriptor, 0, os.SEEK_SET)
            msvcrt.locking(descriptor, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(descriptor: int) -> bool:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        except OSError:  # a file system without locks (some network mounts): go unlocked
            return True
        return True

    def _release(descriptor: int) -> None:
        with contextlib.suppress(OSError):
            fcntl.flock(descriptor, fcntl.LOCK_UN)
