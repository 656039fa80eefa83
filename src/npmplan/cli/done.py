"""``npmplan done``: mark a milestone, or one meeting of a series, done
(``write.states.mark_done``; see ``write.transaction`` for how every edit is made, checked
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
    carry_out,
    on_day,
    which,
)
from npmplan.cli.options import PlanOption


def done(
    objective_id: IdArgument,
    match: MatchArgument = None,
    on: Annotated[str | None, typer.Option(
        "--on", metavar="DAY", show_default=False,
        help="The day it was done, YYYY-MM-DD (or a month, YYYY-MM); not after today. "
             "Default: today.")] = None,
    occurrence: OccurrenceOption = None,
    all_occurrences: AllOccurrencesOption = False,
    force: ForceOption = False,
    plan: PlanOption = None,
    dry_run: DryRunOption = False,
) -> None:
    """Mark a milestone done.

    Sets status: done and done_on (default: today). For a recurring milestone it marks one
    meeting: the one of the month of --on, or --occurrence YYYY-MM. A milestone done or
    cancelled already is left as it is unless --force. Example: npmplan done 2.4 visits
    --on 2026-11-20. Undo is git ('git checkout -- PLAN' before you commit); --dry-run
    shows the change and writes nothing.
    """
    from npmplan.write.states import mark_done

    day, month = on_day(on, month_too=True)
    chosen = which(match, occurrence, month, on is not None, all_occurrences, force)
    carry_out(plan, dry_run, mark_done(objective_id, chosen, day))
