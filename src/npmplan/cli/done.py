"""``npmplan done``: mark a milestone done (see ``cli.editing`` for how every edit is
made, checked and written)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated

import typer

from npmplan.cli import editing
from npmplan.cli.editing import DryRunOption, IdArgument, MatchArgument
from npmplan.cli.messages import fail
from npmplan.cli.options import PlanOption

if TYPE_CHECKING:
    from npmplan.model.plan import Plan
    from npmplan.write.edit import Source


def done(
    objective_id: IdArgument,
    match: MatchArgument = None,
    on: Annotated[str | None, typer.Option(
        "--on", metavar="DAY", show_default=False,
        help="The day it was done, YYYY-MM-DD (or a month, YYYY-MM). Default: today.")] = None,
    plan: PlanOption = None,
    dry_run: DryRunOption = False,
) -> None:
    """Mark a milestone done.

    Sets status: done and done_on (default: today). Example: npmplan done 2.4 visits
    --on 2026-11-20. Undo is git ('git checkout -- PLAN' before you commit); --dry-run
    shows the change and writes nothing.
    """
    from npmplan.model.dates import parse_done_on

    day = date.today().isoformat()
    if on is not None:  # without --on, a milestone already done keeps its day
        try:
            parsed = parse_done_on(on)
        except ValueError as exc:
            fail(f"--on: {exc}", 2)
        day = parsed.day.isoformat() if parsed.day else str(parsed.first)

    def make(model: Plan, src: Source) -> editing.Change:
        loc, objective = editing.objective_at(model, objective_id)
        index = editing.choose_milestone(objective, match)
        milestone = objective.milestones[index]
        if milestone.status == "done" and on is None:
            shown = milestone.done_on.text if milestone.done_on else "no day given"
            return editing.milestone_change(src, objective, loc, index, {},
                                          f"is done ({shown})", "done")
        changes: dict[str, str | None] = {"status": "done", "done_on": day}
        return editing.milestone_change(src, objective, loc, index, changes,
                                      f"is done ({day})", "done")

    editing.carry_out(plan, dry_run, make)
