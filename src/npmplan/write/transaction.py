"""One edit of a plan file, as one transaction: read the plan once, make the change, check
the new text in memory, then give the diff (``dry_run``) or replace the file atomically.

    >>> outcome = edit(Path("plans/2026-27.yaml"), make, dry_run=True)  # doctest: +SKIP
    >>> outcome.status, outcome.change.summary                          # doctest: +SKIP
    ('dry-run', '2.4 #1 "Visits ..." is done (2026-11-20)')

The plan is parsed and validated once as read and once as changed, never more: the
``Source`` that places the splices reuses the document read, and the check that the data
changed exactly as asked reuses the new text's. The steps stop at the first that fails:
a plan with errors, a change the command line cannot ask for (a usage mistake), a layout
the splices cannot edit, a change that would add errors, a change whose data is not exactly
the one asked for (a bug), or a plan that changed on disk; only then is the file replaced.
An edit that writes holds the plan's lock (``write.lock``) from the read to the rename, so
that a second editing command waits for the first and reads what it wrote; the check that
the plan did not change on disk stays inside it, for editors and other programs.
Nothing here prints or exits: the ``Outcome`` says what happened and ``cli`` words it.
"""

from __future__ import annotations

import copy
import dataclasses
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from npmplan.model.plan import Plan
    from npmplan.pipeline import PlanResult
    from npmplan.rules.problems import Problem
    from npmplan.write.atomic import Snapshot
    from npmplan.write.edit import Source, Splice


@dataclass(frozen=True, slots=True)
class Change:
    """What a command changes: the splices, the same change on the plain data (to check
    the edit against), and one line for the officer."""

    splices: list[Splice]
    expect: Callable[[Any], None]
    summary: str  # "2.4 #1 "Visits ..." is done (2026-11-20)"
    commit: str  # a commit message to suggest


# The change a command makes, given the plan as read (its model and its text).
Make = Callable[["Plan", "Source"], Change]

Status = Literal[
    "unreadable",  # the file could not be read (reason)
    "invalid",  # the plan has errors (result): nothing was tried
    "refused",  # the command line asks for what the plan does not have (reason): usage
    "conflict",  # the change would overwrite a record (reason): done, cancelled
    "cannot-edit",  # the file's layout here is one the splices do not edit (reason)
    "unchanged",  # the plan already says so (change)
    "would-be-invalid",  # the new text has errors (result)
    "inexact",  # the new data is not exactly the change asked for: a bug
    "dry-run",  # the diff, nothing written (change, diff, warnings)
    "changed-on-disk",  # the plan changed after it was read (reason, warnings)
    "busy",  # another npmplan command held the plan's lock too long (reason)
    "unwritable",  # the file could not be replaced (reason, warnings)
    "written",  # the file was replaced (change, warnings)
]
DONE: frozenset[Status] = frozenset(("unchanged", "dry-run", "written"))


@dataclass(frozen=True, slots=True)
class Outcome:
    """What an edit came to; the fields its status names are set."""

    status: Status
    path: Path
    change: Change | None = None
    result: PlanResult | None = None  # the plan with errors: as read, or as it would be
    reason: str = ""  # why it could not be read, made or written, in the error's words
    diff: str = ""
    warnings: tuple[Problem, ...] = ()  # the warnings the change brings
    links: int = 1  # the plan's hard links when written: the others keep the old text

    @property
    def ok(self) -> bool:
        return self.status in DONE


def edit(path: Path, make: Make, dry_run: bool, today: date | None = None) -> Outcome:
    """Read, change, check, then write (or diff): one editing command, start to end; a
    write under the plan's lock. ``today`` checks the plan's days against it, as read and
    as changed, so that a day after today that the change writes is one of the new
    warnings."""
    from npmplan.write.lock import LockedError, locked

    if dry_run:
        return _edit(path, make, dry_run, today)
    try:
        with locked(path):
            return _edit(path, make, dry_run, today)
    except LockedError as exc:
        return Outcome("busy", path, reason=str(exc))


def _edit(path: Path, make: Make, dry_run: bool, today: date | None) -> Outcome:
    from npmplan.errors import ConflictError, UsageError
    from npmplan.pipeline import read_document
    from npmplan.write.atomic import ChangedError, snapshot
    from npmplan.write.edit import EditError, Source

    try:
        snap = snapshot(path)
    except (ChangedError, OSError) as exc:
        return Outcome("unreadable", path, reason=_reason(exc))
    document, before = read_document(snap.raw, str(path), today)
    if before.plan is None:
        return Outcome("invalid", path, result=before)
    try:
        src = Source(str(path), snap.raw, document)
        change = make(before.plan, src)
        text = src.apply(change.splices)
    except UsageError as exc:
        return Outcome("refused", path, reason=str(exc))
    except ConflictError as exc:
        return Outcome("conflict", path, reason=str(exc))
    except EditError as exc:
        return Outcome("cannot-edit", path, reason=str(exc))
    new = src.encode(text)
    if new == snap.raw:
        return Outcome("unchanged", path, change)
    changed, after = read_document(new, str(path), today)
    if after.plan is None:
        return Outcome("would-be-invalid", path, change, after)
    expected = copy.deepcopy(document.data)
    change.expect(expected)
    if changed.data != expected:
        return Outcome("inexact", path, change)
    warnings = new_warnings(before, after)
    if dry_run:
        return Outcome("dry-run", path, change, diff=diff(src.text, text, str(path)),
                       warnings=warnings)
    return _replace(snap, new, Outcome("written", path, change, warnings=warnings,
                                       links=snap.links))


def _replace(snap: Snapshot, new: bytes, written: Outcome) -> Outcome:
    """Replace the file: ``written``, or why the plan is as it was."""
    from npmplan.write.atomic import ChangedError, replace

    try:
        replace(snap, new)
    except ChangedError as exc:
        return dataclasses.replace(written, status="changed-on-disk", reason=str(exc))
    except OSError as exc:
        return dataclasses.replace(written, status="unwritable", reason=_reason(exc))
    return written


def _reason(exc: Exception) -> str:
    return getattr(exc, "strerror", None) or str(exc)


def new_warnings(before: PlanResult, after: PlanResult) -> tuple[Problem, ...]:
    """The problems of ``after`` that ``before`` did not have (by rule and message)."""
    old = {(p.rule, p.message) for p in before.problems}
    return tuple(p for p in after.problems if (p.rule, p.message) not in old)


_BREAK = re.compile(r"\r\n|\r|\n")


def diff(old: str, new: str, name: str) -> str:
    """A unified diff, as git writes it; every line safe to show (``text.clean``)."""
    from npmplan.text import clean

    name = name.lstrip("/")  # a/tmp/plan.yaml, as git writes it, not a//tmp/plan.yaml
    lines = difflib.unified_diff(_BREAK.split(old), _BREAK.split(new), f"a/{name}",
                                 f"b/{name}", lineterm="")
    return "\n".join(clean(line) for line in lines)
