"""``npmplan move``: move a milestone, or one meeting of a series, to another date, keeping
its baseline (``write.states.move_to``; see ``write.transaction`` for how every edit is
made, checked and written)."""

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
    on_day,
    which,
)
from npmplan.cli.messages import fail
from npmplan.cli.options import PlanOption


def move(
    objective_id: IdArgument,
    match: MatchArgument = None,
    to: Annotated[str, typer.Option(
        "--to", metavar="WHEN", show_default=False,
        help="The new date, in any form 'when' takes: 2026-12, 2026-11..2027-01, 2027-Q1, "
             "spring 2027, ongoing, tbc (one month, for a meeting of a series).")] = "",
    on: OnOption = None,
    occurrence: OccurrenceOption = None,
    all_occurrences: AllOccurrencesOption = False,
    force: ForceOption = False,
    plan: PlanOption = None,
    dry_run: DryRunOption = False,
) -> None:
    """Replan a milestone.

    Sets moved_to and moved_on (the day it was replanned, default: today) and keeps when
    as the baseline; moving it back to its when removes both. For a recurring milestone it
    moves one meeting: --occurrence YYYY-MM, or the one of the month of --on. Example:
    npmplan move 3.1 drop-in --to 2026-12. Undo is git; --dry-run shows the change and
    writes nothing.
    """
    from npmplan.model.dates import parse_when
    from npmplan.write.states import move_to

    if not to.strip():
        fail("say where to move it with --to, e.g. --to 2026-12", 2)
    try:
        parsed = parse_when(to)
    except ValueError as exc:
        fail(f"--to: {exc}", 2)
    day, month = on_day(on)
    chosen = which(match, occurrence, month, on is not None, all_occurrences, force)
    carry_out(plan, dry_run, move_to(objective_id, chosen, parsed, day))
