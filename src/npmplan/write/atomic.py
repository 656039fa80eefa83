"""Replace a plan file atomically: all of the new text, or the file as it was.

The new bytes go to a temporary file in the plan's own folder (so the rename cannot cross
file systems), are flushed and fsynced, get the plan's permissions, and are renamed over
the plan only if the plan is still the one that was read (same bytes, size, time and
inode). Any failure before the rename (disk full, no permission, Ctrl-C) removes the
temporary file and leaves the plan untouched. A symlink is followed: its target is edited
and the link stays a link. The new file gets the plan's mode, and its owner and group where
the system lets this user give them (root, or a group the user is in).

Once the rename is under way the plan is saved, whatever comes next: ``after_commit()``
holds back a Ctrl-C from that moment, so that the command still says the plan was saved
(and exits 0) rather than dying silent with its change made.

``write_file`` writes any other file npmplan makes (an export, a new plan) the same way: a
full disk or a Ctrl-C leaves the old file, or none, never half of one.

    >>> snap = snapshot(Path("plans/2026-27.yaml"))   # doctest: +SKIP
    >>> replace(snap, new_bytes)                      # doctest: +SKIP
"""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

from npmplan.errors import NpmplanError


class ChangedError(NpmplanError):
    """The file changed on disk after it was read; nothing was written."""


@dataclass(frozen=True, slots=True)
class Snapshot:
    """A file as read: where it really is, its bytes, and what identifies this version."""

    path: Path
    raw: bytes
    mode: int
    stamp: tuple[int, int, int, int]  # size, mtime_ns, inode, device
    owner: tuple[int, int] = (-1, -1)  # uid, gid
    links: int = 1  # hard links: a rename leaves the others with the old text


def _stamp(info: os.stat_result) -> tuple[int, int, int, int]:
    return info.st_size, info.st_mtime_ns, info.st_ino, info.st_dev


def snapshot(path: Path) -> Snapshot:
    """Read a file, making sure it did not change while it was read."""
    target = Path(os.path.realpath(path))
    before = os.stat(target)
    raw = target.read_bytes()
    after = os.stat(target)
    if _stamp(before) != _stamp(after):
        raise ChangedError(f"{path} changed while it was read (is someone saving it?); "
                           "run the command again")
    return Snapshot(target, raw, stat.S_IMODE(after.st_mode), _stamp(after),
                    (after.st_uid, after.st_gid), after.st_nlink)


def check_unchanged(snap: Snapshot) -> None:
    try:
        current = os.stat(snap.path)
        same = _stamp(current) == snap.stamp and snap.path.read_bytes() == snap.raw
    except OSError:
        same = False
    if not same:
        raise ChangedError(f"{snap.path} changed on disk since npmplan read it (saved from "
                           "an editor?); nothing was written: run the command again")


def replace(snap: Snapshot, data: bytes) -> None:
    """Put ``data`` in place of the file read as ``snap``, atomically."""
    if not os.access(snap.path, os.W_OK):
        raise PermissionError(13, "the file is read-only", str(snap.path))
    folder = snap.path.parent
    temporary = _temporary(folder, snap.path.name, data)
    try:
        os.chmod(temporary, snap.mode)
        _keep_owner(temporary, snap.owner)
        check_unchanged(snap)
        COMMIT.started = True  # from here a Ctrl-C is held back: see after_commit
        os.replace(temporary, snap.path)
    except BaseException:
        COMMIT.started = False
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _sync_folder(folder)


def _temporary(folder: Path, name: str, data: bytes) -> str:
    """``data`` in a new temporary file of ``folder``, flushed to the disk; its path."""
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{name}.",
                                         suffix=".npmplan-tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return temporary


def _keep_owner(path: str, owner: tuple[int, int]) -> None:
    """The plan's owner and group, where this user may give them (else the user's own)."""
    if owner == (-1, -1) or not hasattr(os, "chown"):
        return
    for uid, gid in (owner, (-1, owner[1])):  # root may give both; an owner, the group
        try:
            os.chown(path, uid, gid)
            return
        except OSError:
            continue


def write_file(path: Path, data: bytes, replace_existing: bool) -> None:
    """Write a whole file npmplan makes (not a plan): to a temporary file in its folder, then
    renamed into place, so a failure leaves the old file (or none) and no partial one. With
    ``replace_existing`` False an existing file is never replaced (``FileExistsError``), even
    one made meanwhile. A new file gets the usual mode (0o666 less the umask); a replaced one
    keeps its own."""
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    folder = target.parent
    temporary = _temporary(folder, target.name, data)
    try:
        try:
            mode = stat.S_IMODE(os.stat(target).st_mode)
        except FileNotFoundError:
            mode = 0o666 & ~_umask()
        os.chmod(temporary, mode)
        if replace_existing:
            os.replace(temporary, target)
        else:
            _link_new(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _sync_folder(folder)


def _link_new(temporary: str, target: Path) -> None:
    """Give the temporary file the name ``target`` only if no file has it (a hard link
    fails on an existing name, atomically); where links are not supported, check first."""
    try:
        os.link(temporary, target)
    except FileExistsError:
        raise
    except OSError:
        if os.path.lexists(target):
            raise FileExistsError(17, "File exists", str(target)) from None
        os.replace(temporary, target)
        return
    os.unlink(temporary)


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


@dataclass(slots=True)
class _Commit:
    """Whether the plan is being (or has been) replaced in this process."""

    started: bool = False
    interrupted: bool = False


COMMIT = _Commit()


@contextlib.contextmanager
def after_commit() -> Iterator[_Commit]:
    """Ctrl-C ends the block as usual until ``replace`` starts the rename; after that it is
    only noted (``interrupted``), so the command can still say that the plan was saved."""
    COMMIT.started = COMMIT.interrupted = False

    def interrupt(signum: int, frame: FrameType | None) -> None:
        if COMMIT.started:
            COMMIT.interrupted = True
            return
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGINT, interrupt)
    except ValueError:  # not the main thread (an embedding program): nothing to hold back
        yield COMMIT
        return
    try:
        yield COMMIT
    finally:
        signal.signal(signal.SIGINT, previous)
        COMMIT.started = False


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (where the system allows opening a folder)."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
