"""``npmplan cancel``: cancel a milestone, or one meeting of a series
(``write.states.cancel``; see ``write.transaction`` for how every edit is made, checked
and written)."""

from __future__ import annotations

from typing import Annotated

import typer

from npmplan.cli.editing import (
    AllOccurrencesOption,
    DryRunOption,
    ForceOption,
    IdArgument,
    MatchArgument,
    OccurrenceOption,
    OnOption,
    carry_out,
    check_text,
    on_day,
    which,
)
from npmplan.cli.options import PlanOption


def cancel(
    objective_id: IdArgument,
    match: MatchArgument = None,
    note: Annotated[str | None, typer.Option(
        "--note", metavar="TEXT", show_default=False,
        help="Why, kept in the milestone's note (after any note it has).")] = None,
    on: OnOption = None,
    occurrence: OccurrenceOption = None,
    all_occurrences: AllOccurrencesOption = False,
    force: ForceOption = False,
    plan: PlanOption = None,
    dry_run: DryRunOption = False,
) -> None:
    """Cancel a milestone.

    Sets status: cancelled and cancelled_on (default: today); the milestone stays in the
    file as a record and leaves the reports. For a recurring milestone it cancels one
    meeting: the one of the month of --on, or --occurrence YYYY-MM. Example: npmplan cancel
    4.5 "CPT visit dates" --note "visit postponed to 2027". Undo is git; --dry-run shows the
    change and writes nothing.
    """
    from npmplan.write import states

    if note is not None:
        check_text("--note", note)
    day, month = on_day(on)
    chosen = which(match, occurrence, month, on is not None, all_occurrences, force)
    carry_out(plan, dry_run, states.cancel(objective_id, chosen, day, note))
