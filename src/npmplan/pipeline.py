"""load → model → check, for one file: the shared front half of every command.

    >>> result = read_plan(Path("plans/2026-27.yaml"))   # doctest: +SKIP
    >>> result.ok, len(result.plan.strategic_objectives)  # doctest: +SKIP
    (True, 6)
"""

from __future__ import annotations

import errno
import gc
import os
import stat
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pydantic import ValidationError

from npmplan.check.cross import check
from npmplan.errors import NpmplanError, UsageError
from npmplan.model.dates import Month, parse_period
from npmplan.model.plan import Plan
from npmplan.read.loader import Document, load_bytes, load_path, oversized
from npmplan.rules.catalogue import RULES
from npmplan.rules.problems import MAX_PER_RULE, Finding, Problem


@dataclass(slots=True)
class PlanResult:
    file: str
    plan: Plan | None  # None when the file has errors
    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def ok(self) -> bool:
        return self.plan is not None


def read_plan(path: Path, display: str | None = None,
              today: date | None = None) -> PlanResult:
    """Every problem of one file, and its model when it has no errors. ``today`` (the
    CLI's ``dates.today()``) adds the rules that need it (``date-in-future``); without it
    they do not run, as for a version from git, which was checked on its own day."""
    with _gc_paused():
        return _validate(load_path(path, display or str(path)), today)


def read_bytes(raw: bytes, file: str, too_large: bool = False) -> PlanResult:
    """``read_plan`` for bytes that are not a file: ``git show`` output, a new plan.
    ``too_large``: the source was over the size limit, and was not (all) read."""
    if too_large:
        return _validate(oversized(file))
    return read_document(raw, file)[1]


def read_document(raw: bytes, file: str,
                  today: date | None = None) -> tuple[Document, PlanResult]:
    """``read_bytes``, and the document read (its data and positions): an edit splices
    the text that the positions place, and compares the data."""
    with _gc_paused():
        document = load_bytes(file, raw)
        return document, _validate(document, today)


@contextmanager
def _gc_paused() -> Iterator[None]:
    # The cyclic GC finds nothing to free in a tree of fresh dicts and lists, but scanning
    # them made up most of the load time on large plans (spec/yaml-hazards.md).
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _validate(document: Document, today: date | None = None) -> PlanResult:
    problems = list(document.problems)
    dropped: Counter[str] = Counter(document.dropped)
    plan = None
    if document.data is not None:
        try:
            plan = Plan.model_validate(document.data)
        except ValidationError as exc:
            # Only an invalid plan needs its errors worded: a valid one never imports these.
            from npmplan.check.partial import cross_findings
            from npmplan.model.messages import findings_from

            problems += [document.problem(f)
                         for f in findings_from(exc, document.data, dropped)]
            # and what the rules across fields find with those errors set aside, so that
            # a bad date and a duplicate id are both said in one pass
            problems += [document.problem(f) for f in _capped(
                cross_findings(exc, document.data), dropped)]
        else:
            problems += [document.problem(f) for f in _capped(check(plan, today), dropped)]
    problems = capped(problems, dropped)
    if any(p.severity == "error" for p in problems):
        plan = None
    return PlanResult(document.file, plan, problems)


def _capped(findings: Iterable[Finding], dropped: Counter[str]) -> Iterator[Finding]:
    """At most MAX_PER_RULE findings of each rule; the rest counted in ``dropped``."""
    counts: Counter[str] = Counter()
    for finding in findings:
        counts[finding.rule.id] += 1
        if counts[finding.rule.id] <= MAX_PER_RULE:
            yield finding
        else:
            dropped[finding.rule.id] += 1


def capped(problems: list[Problem], dropped: Counter[str]) -> list[Problem]:
    """The problems in file order, at most MAX_PER_RULE of each rule, each rule's rest summed
    up in one line after its last one listed: every rule's flood is bounded, not only the
    loader's (400,000 unknown keys are 50 lines and one more)."""
    problems.sort(key=Problem.sort_key)
    counts: Counter[str] = Counter()
    kept: list[Problem] = []
    for problem in problems:
        counts[problem.rule] += 1
        if counts[problem.rule] <= MAX_PER_RULE:
            kept.append(problem)
        else:
            dropped[problem.rule] += 1
    for rule, count in dropped.items():
        last = next((p for p in reversed(kept) if p.rule == rule), None)
        if count and last is not None:
            kept.append(RULES[rule].problem(
                last.file, last.line, last.column, f"and {count:,} more problems like the one "
                "above, not listed; fix these and validate again"))
    kept.sort(key=Problem.sort_key)
    return kept


def check_readable(path: Path) -> None:
    """A path given on the command line must be a regular file we can read (else exit 2).

    Decided from ``stat`` before the file is opened: opening a FIFO would wait for a writer
    for ever, and a device or a folder is never a plan.
    """
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise UsageError(f"there is no file '{path}'; check the name and the folder") from None
    except OSError as exc:
        raise UsageError(f"cannot read '{path}': {_reason(exc)}") from None
    if stat.S_ISDIR(mode):
        raise UsageError(f"'{path}' is a folder, not a plan file; name a .yaml file in it")
    if not stat.S_ISREG(mode):
        raise UsageError(f"'{path}' is not a regular file (it is {_kind(mode)}); a plan is a "
                         ".yaml file: name one")
    if not os.access(path, os.R_OK):
        raise UsageError(f"cannot read '{path}': permission denied; ask for read access to "
                         "it, or copy the file somewhere you can read it")


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a socket" if stat.S_ISSOCK(mode) else "not a file"


def _reason(exc: OSError) -> str:
    """What is wrong with a path, in plain words (also ``cli.app``'s for any command)."""
    if exc.errno == errno.ENAMETOOLONG:
        return "the name is too long for this system; check it"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied; ask for read access to it"
    if exc.errno == errno.ENOTDIR:
        return "a part of the path is a file, not a folder; check the path"
    if exc.errno == errno.ELOOP:
        return "it is a loop of symbolic links"
    return (exc.strerror or str(exc)).lower()


class UnreadablePeriodError(NpmplanError):
    """A plan in ``plans/`` whose period cannot be read: npmplan cannot tell whether it is
    today's plan, so it chooses none (exit 1; ``validate`` checks these files instead)."""

    def __init__(self, paths: list[Path]) -> None:
        self.paths = paths
        names = ", ".join(f"'{path}'" for path in paths[:3]) + (" …" if len(paths) > 3 else "")
        super().__init__(
            f"the period of {names} cannot be read, so npmplan cannot tell which plan is "
            f"today's and uses none; fix its 'period:' line (npmplan validate {paths[0]} shows "
            "what is wrong), or name the plan with --plan")


def discover_plan(today: date, start: Path | None = None) -> Path:
    """The plan of today in the nearest ``plans/`` folder, looked for from ``start`` (the
    current folder) upward to the top of the repository (a folder with ``.git``)."""
    here = start or Path.cwd()
    for folder in (here, *here.parents):
        if (folder / "plans").is_dir():
            plans = folder / "plans"
            return find_plan(Path(os.path.relpath(plans)) if start is None else plans, today)
        if (folder / ".git").exists():
            break
    raise UsageError("no plan given and no plan found: looked for a 'plans' folder from here "
                     "up to the top of the repository; use --plan PATH or set NPMPLAN_PLAN")


def find_plan(folder: Path, today: date) -> Path:
    """The plan in ``folder`` whose period contains today, else the latest one.

    Only each file's ``period:`` line is read here, so choosing costs no full parse. When no
    period contains today and a file's period cannot be read, that file may be today's plan:
    then none is chosen (never another year's instead). Anything that is not a regular file
    is left alone, unopened.
    """
    names = sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml"))
    candidates = [path for path in names if _is_file(path)]
    if not candidates:
        raise UsageError(f"no plan given and no plan found: looked for *.yaml in "
                         f"'{folder}'; use --plan PATH or set NPMPLAN_PLAN")
    now = Month.of(today.year, today.month)
    dated: list[tuple[Month, Path]] = []
    unreadable: list[Path] = []
    for path in candidates:
        period = _period_of(path)
        if period is None:
            unreadable.append(path)
        elif period[0] <= now <= period[1]:
            return path
        else:
            dated.append((period[1], path))
    if unreadable:  # one of these may be today's plan: choosing another would mislead
        raise UnreadablePeriodError(unreadable)
    return max(dated)[1]


def _is_file(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


HEAD_BYTES = 64 * 1024  # the period is near the top; the rest is never read here


def _period_of(path: Path) -> tuple[Month, Month] | None:
    try:
        with path.open("rb") as handle:
            head = handle.read(HEAD_BYTES).decode("utf-8", "replace")
        text = period_text(head)
        return parse_period(text) if text is not None else None
    except (OSError, ValueError):
        return None


def period_text(head: str) -> str | None:
    """The value of the first ``period:`` key, block (``  period: A..B``) or flow style
    (``plan: {title: x, period: A..B}``), found by scanning, never by a regular expression
    that could backtrack: each character of ``head`` is looked at a bounded number of times.

        >>> period_text("plan: {title: x, period: '2026-04..2027-03'}")
        '2026-04..2027-03'
    """
    for line in head.splitlines():
        start = line.find("period")
        while start != -1:
            value = _value_after_key(line, start)
            if value is not None:
                return value
            start = line.find("period", start + 6)
    return None


def _value_after_key(line: str, start: int) -> str | None:
    before = start - 1
    while before >= 0 and line[before] in " \t":
        before -= 1
    if before >= 0 and line[before] not in "{,":
        return None  # "period" inside a text, or the end of another key
    after = start + 6
    while after < len(line) and line[after] in " \t":
        after += 1
    if after >= len(line) or line[after] != ":":
        return None
    end = len(line)
    for stop in ",}#":
        found = line.find(stop, after + 1)
        if found != -1:
            end = min(end, found)
    return line[after + 1:end].strip().strip("'\"").strip()
