"""``npmplan add``: add a milestone to an objective (``write.changes.add_milestone``; see
``write.transaction`` for how every edit is made, checked and written)."""

from __future__ import annotations

from typing import Annotated

import typer

from npmplan.cli.editing import DryRunOption, IdArgument, OnOption, carry_out, check_text, on_day
from npmplan.cli.messages import fail
from npmplan.cli.options import PlanOption, whole_number


def add(
    objective_id: IdArgument,
    when: Annotated[str, typer.Option(
        "--when", metavar="WHEN", show_default=False,
        help="When it is planned: 2026-10, 2026-10-15, 2026-06..2026-08, 2026-Q3, "
             "summer 2026, ongoing or tbc.")] = "",
    what: Annotated[str, typer.Option("--what", metavar="TEXT", show_default=False,
                                      help="What happens, in words.")] = "",
    every: Annotated[int | None, typer.Option(
        "--every", parser=whole_number(minimum=1), metavar="N", show_default=False,
        help="For a meeting that recurs: every N months over the --when range.")] = None,
    on: OnOption = None,
    plan: PlanOption = None,
    dry_run: DryRunOption = False,
) -> None:
    """Add a milestone to an objective.

    It goes at the end of the objective's milestones, written like the ones before it, with
    added_on (the day it was added, --on, default: today: a report for an earlier day
    leaves it out).
    Example: npmplan add 2.4 --when 2026-12 --what "Draft report to the Steering Group".
    Undo is git; --dry-run shows the change and writes nothing.
    """
    from npmplan.model.dates import parse_when
    from npmplan.write.changes import add_milestone

    if not when.strip():
        fail("say when with --when, e.g. --when 2026-10", 2)
    check_text("--what", what)
    try:
        parsed = parse_when(when)
    except ValueError as exc:
        fail(f"--when: {exc}", 2)
    if every is not None and parsed.kind != "range":
        fail(f"--every needs a range of months in --when, such as 2026-05..2027-03, not "
             f"'{parsed.text}'", 2)

    day, _ = on_day(on)
    carry_out(plan, dry_run, add_milestone(objective_id, parsed, every, what, day))
