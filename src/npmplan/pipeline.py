"""load → model → check, for one file: the shared front half of every command.

    >>> result = read_plan(Path("plans/2026-27.yaml"))   # doctest: +SKIP
    >>> result.ok, len(result.plan.strategic_objectives)  # doctest: +SKIP
    (True, 6)
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pydantic import ValidationError

from npmplan.check.cross import check
from npmplan.check.problems import Problem
from npmplan.errors import UsageError
from npmplan.model.dates import Month, parse_period
from npmplan.model.messages import findings_from
from npmplan.model.plan import Plan
from npmplan.read.loader import Document, load_bytes, load_path


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


def read_plan(path: Path, display: str | None = None) -> PlanResult:
    """Every problem of one file, and its model when it has no errors."""
    with _gc_paused():
        return _validate(load_path(path, display or str(path)))


def read_bytes(raw: bytes, file: str) -> PlanResult:
    """``read_plan`` for bytes that are not a file: ``git show`` output, a new plan."""
    with _gc_paused():
        return _validate(load_bytes(file, raw))


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


def _validate(document: Document) -> PlanResult:
    problems = list(document.problems)
    plan = None
    if document.data is not None:
        try:
            plan = Plan.model_validate(document.data)
        except ValidationError as exc:
            problems += [document.problem(f) for f in findings_from(exc)]
        else:
            problems += [document.problem(f) for f in check(plan)]
    problems.sort(key=Problem.sort_key)
    if any(p.severity == "error" for p in problems):
        plan = None
    return PlanResult(document.file, plan, problems)


def check_readable(path: Path) -> None:
    """A path given on the command line must be a file we can read (else exit 2)."""
    if not path.exists():
        raise UsageError(f"there is no file '{path}'; check the name and the folder")
    if path.is_dir():
        raise UsageError(f"'{path}' is a folder, not a plan file; name a .yaml file in it")


# `period: 2026-04..2027-03` in block or flow style (`plan: {title: x, period: ...}`).
_PERIOD = re.compile(r"\bperiod\s*:\s*['\"]?([^'\",}#\n]+?)['\"]?\s*[,}#\n]")


def find_plan(folder: Path, today: date) -> Path:
    """The plan in ``folder`` whose period contains today, else the latest one.

    Only each file's ``period:`` line is read here, so choosing costs no full parse.
    """
    candidates = sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml"))
    if not candidates:
        raise UsageError(f"no plan given and no plan found: looked for *.yaml in "
                         f"'{folder}'; use --plan PATH or set NPMPLAN_PLAN")
    now = Month.of(today.year, today.month)
    dated: list[tuple[Month, Path]] = []
    for path in candidates:
        period = _period_of(path)
        if period is None:
            continue
        if period[0] <= now <= period[1]:
            return path
        dated.append((period[1], path))
    return max(dated)[1] if dated else candidates[-1]


def _period_of(path: Path) -> tuple[Month, Month] | None:
    try:
        with path.open("rb") as handle:
            head = handle.read(64 * 1024).decode("utf-8", "replace")
        match = _PERIOD.search(head)
        return parse_period(match[1]) if match else None
    except (OSError, ValueError):
        return None
