"""``npmplan calendar``: the calendar appendix, perhaps filtered."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from npmplan.cli.dates import parse_as_of, parse_month_option
from npmplan.cli.filters import filters
from npmplan.cli.messages import fail
from npmplan.cli.options import AsOfOption, LeadOption, PlanOption, StrategicOption, format_option
from npmplan.cli.plans import load_plan
from npmplan.render.formats import CALENDAR


def calendar(
    plan: PlanOption = None,
    strategic: StrategicOption = None,
    priority: Annotated[str | None, typer.Option(
        "--priority", metavar="PRIORITY",
        help="Only this priority: core, standard, funding-dependent, or none "
        "(not stated).")] = None,
    lead: LeadOption = None,
    from_: Annotated[str | None, typer.Option(
        "--from", metavar="YYYY-MM", help="First month shown, YYYY-MM.")] = None,
    to: Annotated[str | None, typer.Option(
        "--to", metavar="YYYY-MM", help="Last month shown, YYYY-MM.")] = None,
    as_of: AsOfOption = None,
    format: str = format_option(CALENDAR),
    bom: Annotated[bool, typer.Option("--bom", help="csv: begin with a UTF-8 byte-order mark, "
                                      "for programs that need one to read UTF-8.")] = False,
) -> None:
    """The calendar appendix.

    A row per objective, a cell per month, row totals and the monthly workload row.
    """
    from npmplan.compute.calendar import calendar_report
    from npmplan.model.dates import Month

    if bom and format != "csv":
        fail("--bom is for --format csv only", 2)
    today = parse_as_of(as_of)
    window = (parse_month_option("--from", from_), parse_month_option("--to", to))
    model = load_plan(plan)
    chosen = filters(model, strategic, lead, priority, window)
    if bom:
        sys.stdout.write("\ufeff")
    CALENDAR.emit(format, calendar_report(model, chosen, Month.of(today.year, today.month)))
