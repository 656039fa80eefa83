"""``npmplan workload``: active activities per month, or split by lead, strategic objective
or priority (``--by``), perhaps without one priority's objectives."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, cast

import typer

from npmplan.cli.filters import no_leads, no_priority
from npmplan.cli.messages import fail, note
from npmplan.cli.options import PlanOption, choice_option, format_option
from npmplan.cli.plans import load_plan
from npmplan.render.formats import BREAKDOWN, WORKLOAD

if TYPE_CHECKING:
    from npmplan.compute.breakdown import By


def workload(
    plan: PlanOption = None,
    format: str = format_option(WORKLOAD),
    by: str | None = choice_option(
        ("--by",), ("lead", "strategic", "priority"),
        help="One row per lead (flagging months over a person's capacity), strategic "
             "objective or priority, instead of the total."),
    without_priority: Annotated[str | None, typer.Option(
        "--without-priority", metavar="PRIORITY", show_default=False,
        help="Leave out the objectives of this priority first: funding-dependent shows the "
             "year if the funding does not come (none: priority not stated).")] = None,
) -> None:
    """Active activities per month.

    Split by kind, with months over the plan's capacity flagged; --by splits it by lead,
    strategic objective or priority.
    """
    from npmplan.compute.breakdown import PRIORITY_CHOICES, drop_priority, workload_by
    from npmplan.compute.workload import workload_report

    if without_priority is not None and without_priority not in PRIORITY_CHOICES:
        fail(f"--without-priority '{without_priority}' is not a priority; use "
             + ", ".join(PRIORITY_CHOICES), 2)
    model = load_plan(plan)
    for why in (no_leads(model, "--by lead") if by == "lead" else None,
                no_priority(model, without_priority, f"--without-priority {without_priority}")
                if without_priority is not None else None):
        if why is not None:
            note(why + ("" if "--by" in why else "; nothing is left out"))
    if by is None:
        rows = drop_priority(model.objectives(), without_priority)
        WORKLOAD.emit(format, workload_report(model, rows, without_priority))
    else:
        BREAKDOWN.emit(format, workload_by(model, model.objectives(), cast("By", by),
                                           without_priority))
