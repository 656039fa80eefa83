"""``npmplan lead``: set an objective's leads (see ``cli.editing`` for how every edit is
made, checked and written)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from npmplan.cli import editing
from npmplan.cli.editing import DryRunOption, IdArgument
from npmplan.cli.options import PlanOption

if TYPE_CHECKING:
    from npmplan.model.plan import Plan
    from npmplan.write.edit import Source


def lead(
    objective_id: IdArgument,
    team_ids: Annotated[list[str], typer.Argument(
        metavar="TEAM_ID", show_default=False, autocompletion=editing.complete_team,
        help="The team ids of the objective's leads (from the plan's team), e.g. mk jk.")],
    plan: PlanOption = None,
    dry_run: DryRunOption = False,
) -> None:
    """Set an objective's leads.

    The ids must be in the plan's team; they replace the leads the objective had. Example:
    npmplan lead 2.4 mk jk. Undo is git; --dry-run shows the change and writes nothing.
    """
    ids = list(dict.fromkeys(team_ids))
    for team_id in ids:
        editing.check_text("TEAM_ID", team_id)

    def make(model: Plan, src: Source) -> editing.Change:
        from npmplan.errors import UsageError
        from npmplan.rules.suggest import unknown_message
        from npmplan.write.edit import flow_list, set_fields

        loc, objective = editing.objective_at(model, objective_id)
        known = [member.id for member in model.team]
        for team_id in ids:
            if team_id not in known:
                raise UsageError(unknown_message("team member", editing.brief(team_id), known))

        def expect(data: Any) -> None:
            editing.at(data, loc)["leads"] = list(ids)

        was = ", ".join(objective.leads) or "none"
        return editing.Change(set_fields(src, loc, {"leads": flow_list(ids)}), expect,
                            f"{objective.id} is led by {', '.join(ids)} (was: {was})",
                            f"{objective.id}: leads {' '.join(ids)}")

    editing.carry_out(plan, dry_run, make)
