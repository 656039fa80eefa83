"""``npmplan lead``: set an objective's leads (``write.changes.set_leads``; see
``write.transaction`` for how every edit is made, checked and written)."""

from __future__ import annotations

from typing import Annotated

import typer

from npmplan.cli.editing import (
    DryRunOption,
    IdArgument,
    carry_out,
    check_text,
    complete_team,
)
from npmplan.cli.options import PlanOption


def lead(
    objective_id: IdArgument,
    team_ids: Annotated[list[str], typer.Argument(
        metavar="TEAM_ID", show_default=False, autocompletion=complete_team,
        help="The team ids of the objective's leads (from the plan's team), e.g. mk jk.")],
    plan: PlanOption = None,
    dry_run: DryRunOption = False,
) -> None:
    """Set an objective's leads.

    The ids must be in the plan's team; they replace the leads the objective had. Example:
    npmplan lead 2.4 mk jk. Undo is git; --dry-run shows the change and writes nothing.
    """
    from npmplan.write.changes import set_leads

    ids = list(dict.fromkeys(team_ids))
    for team_id in ids:
        check_text("TEAM_ID", team_id)

    carry_out(plan, dry_run, set_leads(objective_id, ids))
