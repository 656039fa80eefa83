"""``npmplan reopen``: make a done or cancelled milestone (or meeting) planned again
(``write.states.reopen``; see ``write.transaction`` for how every edit is made, checked and
written)."""

from __future__ import annotations

from npmplan.cli.editing import (
    AllOccurrencesOption,
    DryRunOption,
    IdArgument,
    MatchArgument,
    OccurrenceOption,
    carry_out,
    which,
)
from npmplan.cli.options import PlanOption


def reopen(
    objective_id: IdArgument,
    match: MatchArgument = None,
    occurrence: OccurrenceOption = None,
    all_occurrences: AllOccurrencesOption = False,
    plan: PlanOption = None,
    dry_run: DryRunOption = False,
) -> None:
    """Make a done or cancelled milestone planned again.

    Removes its status and the day of it (done_on, cancelled_on); a note stays. MATCH looks
    at done and cancelled milestones first. For a recurring milestone it reopens one
    meeting: --occurrence YYYY-MM (default: this month's). Example: npmplan reopen 2.4
    visits. Undo is git; --dry-run shows the change and writes nothing.
    """
    from npmplan.cli.dates import today
    from npmplan.model.dates import Month
    from npmplan.write.states import reopen as reopen_change

    now = today()
    chosen = which(match, occurrence, Month.of(now.year, now.month), False, all_occurrences)
    carry_out(plan, dry_run, reopen_change(objective_id, chosen))
