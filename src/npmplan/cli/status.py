"""``npmplan status``: progress as of a date."""

from __future__ import annotations

from npmplan.cli.dates import parse_as_of
from npmplan.cli.filters import filters
from npmplan.cli.options import (
    LeadOption,
    PlanOption,
    StoodAsOfOption,
    StrategicOption,
    format_option,
)
from npmplan.cli.plans import load_resolved, resolve_plan
from npmplan.render.formats import STATUS


def status(
    plan: PlanOption = None,
    as_of: StoodAsOfOption = None,
    strategic: StrategicOption = None,
    lead: LeadOption = None,
    format: str = format_option(STATUS),
) -> None:
    """Progress as of a date.

    Milestones done, planned, overdue and cancelled per objective, the share delivered of
    those due, and the months of slip; with --as-of, as it stood that day.
    """
    from npmplan.cli.past import as_it_stood
    from npmplan.compute.status import status_report

    today = parse_as_of(as_of)
    path = resolve_plan(plan)
    model = load_resolved(path)
    shown = filters(model, strategic, lead)
    stood = as_it_stood(model, path, today)
    rows = shown.rows(stood.plan)
    STATUS.emit(format, status_report(rows, today, model.plan.period, model.plan.title,
                                      stood.undated(rows)))
