"""``npmplan status``: progress as of a date."""

from __future__ import annotations

from npmplan.cli.dates import parse_as_of
from npmplan.cli.filters import filters
from npmplan.cli.options import AsOfOption, LeadOption, PlanOption, StrategicOption, format_option
from npmplan.cli.plans import load_plan
from npmplan.render.formats import STATUS


def status(
    plan: PlanOption = None,
    as_of: AsOfOption = None,
    strategic: StrategicOption = None,
    lead: LeadOption = None,
    format: str = format_option(STATUS),
) -> None:
    """Progress as of a date.

    Milestones done, planned, overdue and cancelled per objective, the share delivered of
    those due, and the months of slip.
    """
    from npmplan.compute.status import status_report

    today = parse_as_of(as_of)
    model = load_plan(plan)
    shown = filters(model, strategic, lead)
    STATUS.emit(format, status_report(shown.rows(model), today, model.plan.period,
                                      model.plan.title))
