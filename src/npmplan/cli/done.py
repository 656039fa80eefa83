"""``npmplan done``: mark a milestone done (``write.changes.mark_done``; see
``write.transaction`` for how every edit is made, checked and written)."""

from __future__ import annotations

from typing import Annotated

import typer

from npmplan.cli import dates
from npmplan.cli.editing import DryRunOption, IdArgument, MatchArgument, carry_out
from npmplan.cli.messages import fail
from npmplan.cli.options import PlanOption


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
    from npmplan.write.changes import mark_done

    day = dates.today().isoformat()
    if on is not None:  # without --on, a milestone already done keeps its day
        try:
            parsed = parse_done_on(on)
        except ValueError as exc:
            fail(f"--on: {exc}", 2)
        day = parsed.day.isoformat() if parsed.day else str(parsed.first)

    carry_out(plan, dry_run, mark_done(objective_id, match, day, on_given=on is not None))
