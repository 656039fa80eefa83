"""``npmplan diff``: what changed between two versions of a plan."""

from __future__ import annotations

import functools
from typing import Annotated

import typer

from npmplan.cli.messages import fail
from npmplan.cli.options import PlanOption, format_option
from npmplan.cli.plans import resolve_plan, valid_plan
from npmplan.render.formats import DIFF


def diff(
    old: Annotated[str, typer.Argument(
        metavar="OLD", show_default=False,
        help="The earlier version: a plan file, REV:PATH read with git show (e.g. "
             "HEAD~1:plans/2026-27.yaml), or a git revision alone for the --plan file.")],
    new: Annotated[str | None, typer.Argument(
        metavar="[NEW]", show_default=False,
        help="The later version, in the same forms. Default: the working file of OLD.")]
    = None,
    plan: PlanOption = None,
    format: str = format_option(DIFF),
    exit_code: Annotated[bool, typer.Option(
        "--exit-code", help="Exit 1 when anything changed, 0 when nothing did.")] = False,
) -> None:
    """What changed between two versions.

    Objectives, leads, ratings, milestones moved, done or cancelled (with their dates), the
    meetings of recurring ones, schedules and the monthly workload.
    """
    from npmplan import versions
    from npmplan.compute.diff import compare
    from npmplan.errors import UsageError

    resolved = functools.cache(lambda: resolve_plan(plan))  # once, if a version needs it
    try:
        before = versions.parse_version(old, resolved)
        after = (versions.parse_version(new, resolved) if new is not None
                 else versions.working_copy(before))
        results = [versions.read_version(before), versions.read_version(after)]
    except UsageError as exc:
        fail(str(exc), 2)
    old_plan, new_plan = (valid_plan(result) for result in results)
    if old_plan is None or new_plan is None:
        fail("compare valid plans only: fix the errors above first", 1)
    changes = compare(old_plan, new_plan, (before.label, after.label))
    DIFF.emit(format, changes)
    raise typer.Exit(1 if exit_code and changes.changed else 0)
