"""Write a whole folder of files npmplan makes (``npmplan site``): all of it, or the folder as
it was.

The files are written into a new hidden folder beside the target (the same file system, so
the renames cannot cross one), then the target is swapped for it: an old target is renamed
aside first and removed once the new one is in place. A failure before the swap (a full
disk, Ctrl-C) removes the hidden folder and leaves the old target whole; a failure between
the two renames puts the old target back. So a failed build never leaves a half site that
looks complete.

A folder npmplan made carries ``MARK``; only such a folder, or an empty one, is replaced
without ``force`` (``refusal`` says why not, in words for the command to print).

    >>> replace_folder(Path("public"), {"index.html": b"..."})   # doctest: +SKIP
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path, PurePosixPath

from npmplan.write.atomic import _umask

MARK = ".npmplan-site"  # in every folder npmplan writes: it may replace that folder


def refusal(target: Path, keep: Path, force: bool) -> str:
    """Why ``target`` must not be replaced ("" when it may). Never a folder that holds
    ``keep`` (the plan), the working folder or the home folder, nor a git repository, even
    with ``force``: replacing one would lose far more than a site."""
    try:
        parent = target.absolute().parent
        if parent.exists() and not parent.is_dir():
            return (f"cannot write the site to '{target}': '{parent}' is a file, not a "
                    "folder")
        if not parent.is_dir():
            return (f"cannot write the site to '{target}': the folder '{parent}' does not "
                    "exist; make it first, or choose another folder")
        if not target.exists():
            return ""
        if not target.is_dir():
            return f"'{target}' is a file, not a folder; name a folder for the site"
        if keep.resolve().is_relative_to(target.resolve()):
            return (f"'{target}' holds the plan file; write the site to a folder of its own, "
                    "e.g. -o public")
        if any(place.resolve().is_relative_to(target.resolve())
               for place in (Path.cwd(), Path.home())):
            return (f"'{target}' holds the folder you are in or your home folder; write the "
                    "site to a folder of its own, e.g. -o public")
        if (target / ".git").exists():
            return f"'{target}' is a git repository; write the site to a folder of its own"
        if force or (target / MARK).is_file() or not any(target.iterdir()):
            return ""
    except OSError as exc:
        return f"cannot use '{target}': {(exc.strerror or str(exc)).lower()}"
    return (f"'{target}' is a folder that npmplan did not make, and it is not empty; choose "
            "another folder, or add --force to replace it and everything in it")


def replace_folder(target: Path, files: dict[str, bytes], mark: str = "") -> None:
    """Make ``target`` hold exactly ``files`` (relative POSIX paths → bytes) and ``MARK``
    (holding ``mark``). Raises ``OSError`` with the old folder as it was."""
    parent = target.absolute().parent
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".new", dir=parent))
    try:
        for name, data in sorted({**files, MARK: mark.encode("utf-8")}.items()):
            _write(staging, name, data)
        os.chmod(staging, 0o777 & ~_umask())
        _swap(staging, target.absolute())
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _write(root: Path, name: str, data: bytes) -> None:
    parts = PurePosixPath(name).parts
    if not parts or any(part in ("", ".", "..") for part in parts) or name.startswith("/"):
        raise ValueError(f"not a path inside the site: {name!r}")  # a bug, never input
    path = root.joinpath(*parts)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _swap(staging: Path, target: Path) -> None:
    if not target.exists():
        os.rename(staging, target)
        return
    aside = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old", dir=target.parent))
    os.rmdir(aside)  # a fresh name only: the old folder is renamed to it
    os.rename(target, aside)
    try:
        os.rename(staging, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.rename(aside, target)
        raise
    shutil.rmtree(aside, ignore_errors=True)
