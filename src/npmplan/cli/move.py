"""``npmplan move``: move a milestone to another date, keeping its baseline (see
``cli.editing`` for how every edit is made, checked and written)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from npmplan.cli import editing
from npmplan.cli.editing import DryRunOption, IdArgument, MatchArgument
from npmplan.cli.messages import fail
from npmplan.cli.options import PlanOption

if TYPE_CHECKING:
    from npmplan.model.plan import Plan
    from npmplan.write.edit import Source


def move(
    objective_id: IdArgument,
    match: MatchArgument = None,
    to: Annotated[str, typer.Option(
        "--to", metavar="WHEN", show_default=False,
        help="The new date, in any form 'when' takes: 2026-12, 2026-11..2027-01, 2027-Q1, "
             "spring 2027, ongoing, tbc.")] = "",
    plan: PlanOption = None,
    dry_run: DryRunOption = False,
) -> None:
    """Replan a milestone.

    Sets moved_to and keeps when as the baseline; moving it back to its when removes
    moved_to. Example: npmplan move 3.1 drop-in --to 2026-12. Undo is git; --dry-run shows
    the change and writes nothing.
    """
    from npmplan.model.dates import parse_when

    if not to.strip():
        fail("say where to move it with --to, e.g. --to 2026-12", 2)
    try:
        parsed = parse_when(to)
    except ValueError as exc:
        fail(f"--to: {exc}", 2)

    def make(model: Plan, src: Source) -> editing.Change:
        from npmplan.write.edit import scalar

        loc, objective = editing.objective_at(model, objective_id)
        index = editing.choose_milestone(objective, match)
        milestone = objective.milestones[index]
        if editing.same_time(parsed, milestone.when):
            return editing.milestone_change(
                src, objective, loc, index, {"moved_to": None},
                f"is back at its planned date {milestone.when.text}", "moved back")
        return editing.milestone_change(
            src, objective, loc, index, {"moved_to": parsed.text},
            f"moved to {parsed.text} (planned: {milestone.when.text})",
            f"moved to {scalar(parsed.text)}")

    editing.carry_out(plan, dry_run, make)
