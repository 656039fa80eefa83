"""Where each side of ``npmplan diff`` comes from: a plan file, ``REV:PATH`` read with
``git show`` (``HEAD~1:plans/2026-27.yaml``; PATH is from the top of the repository, or from
here when it starts with ``./``), or a revision alone (``HEAD~1``), which means that revision
of the plan ``--plan`` names.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from npmplan.errors import UsageError
from npmplan.pipeline import PlanResult, check_readable, read_bytes, read_plan
from npmplan.read.limits import max_bytes
from npmplan.text import one_line


@dataclass(frozen=True, slots=True)
class Version:
    """Where one side of a diff comes from: a file, or ``git show SPEC`` run in ``cwd``."""

    label: str
    path: Path  # the file, or (for a revision) its working copy as git names it
    spec: str | None = None  # REV:PATH for git show; None for a file
    cwd: Path | None = None  # set when ``path`` is from here, not from the repository's top


def parse_version(text: str, plan_path: Callable[[], Path]) -> Version:
    """A file, ``REV:PATH``, or a bare revision of the plan ``plan_path()`` chooses."""
    if Path(text).exists():
        return Version(text, Path(text))
    if ":" in text and not _DRIVE.match(text):
        rev, _, path = text.partition(":")
        _check_rev(rev)
        # git reads ./PATH from here, and PATH from the top of the repository.
        here = Path(".") if path.startswith(("./", "../")) else None
        return Version(text, Path(path), spec=text, cwd=here)
    if text.endswith((".yaml", ".yml")) or "/" in text or os.sep in text:
        return Version(text, Path(text))  # a missing file: reading it says so
    _check_rev(text)
    plan = _target(plan_path())
    return Version(f"{text}:{plan}", plan, spec=f"{text}:./{plan.name}",
                   cwd=plan.parent)


# C:\plans\old.yaml or C:/plans/old.yaml is a file on Windows, not the revision "C"; a
# revision of one letter followed by a slash is no name git gives.
_DRIVE = re.compile(r"[A-Za-z]:[\\/]")


def _check_rev(rev: str) -> None:
    if rev.startswith("-"):
        raise UsageError(f"'{rev}' is not a git revision; write REV:PATH, e.g. "
                         "HEAD~1:plans/2026-27.yaml")


def working_copy(version: Version) -> Version:
    """The file in the working tree that a ``REV:PATH`` version is a revision of."""
    if version.spec is None:
        raise UsageError(f"'{version.label}' is a file; name the second version too "
                         "(npmplan diff OLD NEW), or write the first as REV:PATH")
    path = version.path
    if version.cwd is None:
        top = _git(["rev-parse", "--show-toplevel"], version.cwd)
        path = Path(top.decode("utf-8", "replace").strip()) / path
        path = _relative(path)
    return Version(str(path), path)


def _target(plan: Path) -> Path:
    """A symlinked plan (plans/current.yaml -> 2026-27.yaml) as the file it links to: git
    keeps the link's own text as its blob, and the plan's history is the target's."""
    if not plan.is_symlink():
        return plan
    return _relative(Path(os.path.realpath(plan)))


def _relative(path: Path) -> Path:
    """The path from here, or as it is where there is no such path (Windows: another
    drive, where ``relpath`` raises ValueError)."""
    try:
        return Path(os.path.relpath(path))
    except ValueError:
        return path


def read_version(version: Version) -> PlanResult:
    """The version's problems and model; a missing file or a failing git is a UsageError."""
    if version.spec is None:
        check_readable(version.path)
        return read_plan(version.path, version.label)
    limit = max_bytes()
    # The size first (git cat-file -s), so that a 1.5 GB blob is refused, never read; the
    # read itself stops at the limit too (a --textconv filter could make it grow).
    size = _git(["cat-file", "-s", "--end-of-options", version.spec], version.cwd,
                said="show")  # what the officer asked for: git show's words
    if int(size.strip() or b"0") > limit:
        return read_bytes(b"", version.label, too_large=True)
    raw = _git(["show", "--no-textconv", "--end-of-options", version.spec], version.cwd,
               limit + 1)
    return read_bytes(raw, version.label, too_large=len(raw) > limit)


def _git(args: list[str], cwd: Path | None, limit: int = 1 << 20, said: str = "") -> bytes:
    """git's output, at most ``limit`` bytes of it (the rest is never read); a failure is
    said as ``git SAID failed`` (default: the git command's name)."""
    try:
        with subprocess.Popen(["git", *args], cwd=cwd, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, stdin=subprocess.DEVNULL) as process:
            assert process.stdout is not None and process.stderr is not None
            out = process.stdout.read(limit)
            if len(out) == limit:
                process.kill()  # the caller refuses this much; no need for the rest
            errors = process.stderr.read(64 * 1024)
            code = process.wait()
    except OSError as exc:
        raise UsageError(f"cannot run git ({exc.strerror or exc}); install git, or give "
                         "both versions as files") from exc
    if code != 0 and len(out) < limit:
        message = "; ".join(one_line(line) for line in
                            errors.decode("utf-8", "replace").splitlines() if line.strip())
        raise UsageError(f"git {said or args[0]} failed: {message or f'exit {code}'}")
    return out


_AGE = re.compile(r"([0-9]+)\s*([dw])")  # ASCII digits: \d takes any script's
MAX_AGE_DAYS = 36_500  # a hundred years: git has no older commit, and no date overflows


def _cut(cwd: Path) -> str:
    """In a shallow clone (CI's checkouts), the words that say the history is cut."""
    try:
        shallow = _git(["rev-parse", "--is-shallow-repository"], cwd).strip() == b"true"
    except UsageError:
        return ""
    return (": this clone's history is cut short (a shallow clone); fetch the rest with "
            "git fetch --unshallow and run the command again" if shallow else "")


def _age_days(text: str, number: str, unit: str) -> int:
    """The age in days; a usage error past ``MAX_AGE_DAYS`` (checked on the digits first:
    int() refuses thousands of them)."""
    days = int(number) * (7 if unit == "w" else 1) if len(number) <= 9 else MAX_AGE_DAYS + 1
    if days > MAX_AGE_DAYS:
        raise UsageError(f"--since {one_line(text)[:40]}: an age is at most {MAX_AGE_DAYS:,} "
                         "days (100 years); give a smaller age, e.g. --since 30d, or a git "
                         "revision")
    return days


def since_version(text: str, plan: Path, now: datetime) -> Version:
    """The version of ``plan`` that ``--since`` names: ``7d`` (``2w``) is the newest commit
    at least 7 days (2 weeks) older than ``now``; anything else is a git revision. Its
    label says which commit it is: ``2026-11-20, commit 1a2b3c4``."""
    if shutil.which("git") is None:
        raise UsageError("--since reads the plan's history with git, which is not installed "
                         "here; install git, or leave out --since")
    plan = _target(plan)
    cwd = plan.parent
    try:
        _git(["rev-parse", "--is-inside-work-tree"], cwd)
    except UsageError:
        raise UsageError(f"--since reads the plan's git history, but {one_line(str(plan))} "
                         "is not in a git repository; leave out --since, or compare two "
                         "files with npmplan diff OLD NEW") from None
    if match := _AGE.fullmatch(text.strip()):
        days = _age_days(text, match[1], match[2])
        cutoff = now - timedelta(days=days)
        found = _git(["rev-list", "-1", f"--before={cutoff.isoformat()}", "HEAD"], cwd)
        if not found.strip():
            raise UsageError(f"--since {one_line(text)}: no commit is {days} days old or "
                             f"older (before {cutoff:%Y-%m-%d}){_cut(cwd)}; give a git "
                             "revision instead, e.g. --since HEAD~1")
        rev = found.decode().strip()
    else:
        text = text.strip()  # "HEAD~1 " is HEAD~1: a space typed or pasted is no revision
        _check_rev(text)
        try:
            rev = _git(["rev-parse", "--verify", "--end-of-options", f"{text}^{{commit}}"],
                       cwd).decode().strip()
        except UsageError:
            raise UsageError(f"--since {one_line(text)} is neither an age (7d, 2w) nor a git "
                             f"revision of this repository{_cut(cwd)} (e.g. HEAD~1, a tag or "
                             "a commit hash)") from None
    day, short = _git(["log", "-1", "--format=%cs %h", rev], cwd).decode().split()
    return Version(f"{day}, commit {short}", plan, spec=f"{rev}:./{plan.name}", cwd=cwd)
