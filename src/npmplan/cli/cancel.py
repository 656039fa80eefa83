"""``npmplan cancel``: cancel a milestone (``write.changes.cancel``; see
``write.transaction`` for how every edit is made, checked and written)."""

from __future__ import annotations

from typing import Annotated

import typer

from npmplan.cli.editing import DryRunOption, IdArgument, MatchArgument, carry_out, check_text
from npmplan.cli.options import PlanOption


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
    from npmplan.write import changes

    if note is not None:
        check_text("--note", note)

    carry_out(plan, dry_run, changes.cancel(objective_id, match, note))
