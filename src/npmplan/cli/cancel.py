"""``npmplan cancel``: cancel a milestone (see ``cli.editing`` for how every edit is
made, checked and written)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from npmplan.cli import editing
from npmplan.cli.editing import DryRunOption, IdArgument, MatchArgument
from npmplan.cli.options import PlanOption

if TYPE_CHECKING:
    from npmplan.model.plan import Plan
    from npmplan.write.edit import Source


def cancel(
    objective_id: IdArgument,
    match: MatchArgument = None,
    note: Annotated[str | None, typer.Option(
        "--note", metavar="TEXT", show_default=False,
        help="Why, kept in the milestone's note (after any note it has).")] = None,
    plan: PlanOption = None,
    dry_run: DryRunOption = False,
) -> None:
    """Cancel a milestone.

    Sets status: cancelled; the milestone stays in the file as a record and leaves the
    reports. Example: npmplan cancel 4.5 "CPT visit dates" --note "visit postponed to 2027".
    Undo is git; --dry-run shows the change and writes nothing.
    """
    if note is not None:
        editing.check_text("--note", note)

    def make(model: Plan, src: Source) -> editing.Change:
        loc, objective = editing.objective_at(model, objective_id)
        index = editing.choose_milestone(objective, match)
        milestone = objective.milestones[index]
        changes: dict[str, str | None] = {"status": "cancelled"}
        if milestone.done_on is not None:
            changes["done_on"] = None  # done_on belongs to done milestones only
        if note is not None:
            changes["note"] = f"{milestone.note}; {note.strip()}" if milestone.note \
                else note.strip()
        return editing.milestone_change(src, objective, loc, index, changes, "is cancelled",
                                      "cancelled")

    editing.carry_out(plan, dry_run, make)
