"""``npmplan report``: the quarterly progress report with RAG ratings."""

from __future__ import annotations

from typing import Annotated

import typer

from npmplan.cli.dates import numbered_quarter, parse_as_of
from npmplan.cli.filters import filters
from npmplan.cli.messages import fail
from npmplan.cli.options import (
    PlanOption,
    StoodAsOfOption,
    StrategicOption,
    format_option,
    whole_number,
)
from npmplan.cli.plans import load_resolved, resolve_plan
from npmplan.render.formats import REPORT


def report(
    quarter: Annotated[int | None, typer.Option(
        "--quarter", "-q", parser=whole_number(minimum=None), metavar="N", show_default=False,
        help="The quarter: the Nth three months of the plan period (Q1 of 2026-27 is Apr to "
             "Jun 2026). Default: the quarter of --as-of.")] = None,
    as_of: StoodAsOfOption = None,
    plan: PlanOption = None,
    strategic: StrategicOption = None,
    format: str = format_option(REPORT),
) -> None:
    """The quarterly progress report, with RAG ratings.

    For each objective: its rating (computed, or set by an officer with rag:), what was
    done in the quarter, what is due and not done, what moved, and what is due next
    quarter; a summary counts the ratings. As of the quarter's last day, or --as-of if
    earlier: the report as it stood that day.
    """
    from npmplan.cli.past import as_it_stood
    from npmplan.compute.report import quarter_of, quarter_report, quarters, report_day
    from npmplan.model.dates import range_text

    today = parse_as_of(as_of)
    path = resolve_plan(plan)
    model = load_resolved(path)
    period = model.plan.period
    if quarter is not None:
        chosen = numbered_quarter(model, quarter)
    else:
        found = quarter_of(period, today)
        if found is None:
            fail(f"{today} is outside the plan period {range_text(*period)}; give the "
                 f"quarter with --quarter 1 to {len(quarters(period))} (or --as-of a day in "
                 "the period)", 2)
        chosen = found
    shown = filters(model, strategic)
    stood = as_it_stood(model, path, report_day(chosen, today))
    rows = shown.rows(stood.plan)
    REPORT.emit(format, quarter_report(stood.plan, rows, chosen, today, stood.undated(rows)))
