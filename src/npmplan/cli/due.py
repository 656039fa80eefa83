"""``npmplan due``: the stand-up for a month."""

from __future__ import annotations

from typing import Annotated

import typer

from npmplan.cli.common import (
    AsOfOption,
    LeadOption,
    PlanOption,
    StrategicOption,
    filters,
    format_option,
    load_plan,
    parse_as_of,
    parse_month_option,
)
from npmplan.render.formats import DUE


def due(
    month: Annotated[str | None, typer.Option(
        "--month", "-m", help="The month of the stand-up, YYYY-MM. Default: the month of "
        "--as-of.", show_default=False)] = None,
    as_of: AsOfOption = None,
    plan: PlanOption = None,
    lead: LeadOption = None,
    strategic: StrategicOption = None,
    format: str = format_option(DUE),
) -> None:
    """The stand-up for a month.

    What is overdue, due, in progress, recurring, ongoing, to be confirmed, and next.
    """
    from npmplan.compute.due import due_report
    from npmplan.model.dates import Month

    today = parse_as_of(as_of)
    chosen = parse_month_option("--month", month) or Month.of(today.year, today.month)
    model = load_plan(plan)
    shown = filters(model, strategic, lead)
    DUE.emit(format, due_report(chosen, shown.rows(model), model.plan.title, shown.describe()))
