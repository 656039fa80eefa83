"""Replace a plan file atomically: all of the new text, or the file as it was.

The new bytes go to a temporary file in the plan's own folder (so the rename cannot cross
file systems), are flushed and fsynced, get the plan's permissions, and are renamed over
the plan only if the plan is still the one that was read (same bytes, size, time and
inode). Any failure before the rename (disk full, no permission, Ctrl-C) removes the
temporary file and leaves the plan untouched. A symlink is followed: its target is edited
and the link stays a link.

    >>> snap = snapshot(Path("plans/2026-27.yaml"))   # doctest: +SKIP
    >>> replace(snap, new_bytes)                      # doctest: +SKIP
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

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
    return Snapshot(target, raw, stat.S_IMODE(after.st_mode), _stamp(after))


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
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{snap.path.name}.",
                                         suffix=".npmplan-tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, snap.mode)
        check_unchanged(snap)
        os.replace(temporary, snap.path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _sync_folder(folder)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (where the system allows opening a folder)."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
