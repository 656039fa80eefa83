"""``npmplan report``: the quarterly progress report with RAG ratings."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from npmplan.cli.dates import numbered_quarter, parse_as_of
from npmplan.cli.filters import filters
from npmplan.cli.messages import fail
from npmplan.cli.options import (
    PlanOption,
    StoodAsOfOption,
    StrategicOption,
    format_option,
)
from npmplan.cli.plans import load_resolved, resolve_plan
from npmplan.render.formats import BINARY, REPORT

if TYPE_CHECKING:
    from datetime import date

    from npmplan.compute.quarters import Quarter
    from npmplan.compute.report import QuarterReport
    from npmplan.compute.schedule import Filters
    from npmplan.model.plan import Plan, Rating


def report(
    quarter: Annotated[str | None, typer.Option(
        "--quarter", "-q", metavar="N|YYYY-MM", show_default=False,
        help="The plan quarter: N, the Nth three months of the plan period (Q2 of 2026-27 "
             "is July to September 2026; not the calendar quarter that 'when: 2026-Q2' "
             "means), or a month in it (2026-08). Default: the quarter of --as-of.")] = None,
    as_of: StoodAsOfOption = None,
    plan: PlanOption = None,
    strategic: StrategicOption = None,
    format: str = format_option(REPORT),
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", metavar="FILE", dir_okay=False, show_default=False,
        help="Write the report to this file (UTF-8 text, or the Word file of --format "
             "docx) instead of standard output.")] = None,
    force: Annotated[bool, typer.Option(
        "--force", help="Replace the -o file if it exists (never a plan file).")] = False,
) -> None:
    """The quarterly progress report, with RAG ratings.

    For each objective: its rating (computed, or set by an officer with rag:), what was
    done in the quarter, what is due and not done, what moved, and what is due next
    quarter; a summary counts the ratings. As of the quarter's last day, or --as-of if
    earlier: the report as it stood that day. --format html prints on A4; --format docx
    -o FILE writes the Word paper for the Steering Group.
    """
    from npmplan.cli.export import is_terminal, refusal
    from npmplan.compute.quarters import quarter_of, quarters
    from npmplan.model.dates import range_text

    if format in BINARY and output is None and is_terminal():
        fail("a Word document is not for the terminal: write it to a file with "
             "-o report.docx (or redirect: > report.docx)", 2)
    today = parse_as_of(as_of)
    path = resolve_plan(plan)
    if output is not None and (refused := refusal(output, path, force)):
        fail(refused, 2)
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
    previous = _previous_ratings(model, path, shown, chosen, today)
    result = stood_report(model, path, shown, chosen, today, previous)
    if output is None and format not in BINARY:
        REPORT.emit(format, result)
    else:
        _write(format, result, output)


def _write(format: str, result: object, output: Path | None) -> None:
    """The report rendered whole, then written at once: to ``output``, or (bytes) to
    standard output; text for a file is laid out 80 columns wide, without colour."""
    from rich.text import Text

    from npmplan.cli.export import emit_bytes, emit_text

    rendered = REPORT.render(format, result, 80)
    if isinstance(rendered, bytes):
        emit_bytes(rendered, output)
    elif isinstance(rendered, Text):
        emit_text(rendered.plain + "\n", output)
    else:
        emit_text(str(rendered), output)


def stood_report(model: Plan, path: Path, shown: Filters, quarter: Quarter, today: date,
                 previous: dict[str, Rating] | None) -> QuarterReport:
    """The report of ``quarter`` as it stood on its day (``report_day``: ``today``, or the
    quarter's last day if earlier); ``npmplan site`` makes each quarter's page with it."""
    from npmplan.cli.past import as_it_stood
    from npmplan.compute.report import quarter_report, report_day

    stood = as_it_stood(model, path, report_day(quarter, today))
    rows = shown.rows(stood.plan)
    return quarter_report(stood.plan, rows, quarter, today, stood.undated(rows), previous)


def _previous_ratings(model: Plan, path: Path, shown: Filters, quarter: Quarter,
                      today: date) -> dict[str, Rating] | None:
    """The ratings of the previous quarter's report: its milestones as they stood on its
    last day, its commentary as written by ``today``; the trend compares with them. None in
    the first quarter."""
    from npmplan.cli.past import as_it_stood
    from npmplan.compute.quarters import previous_quarter
    from npmplan.compute.report import quarter_report

    before = previous_quarter(model.plan.period, quarter)
    if before is None:
        return None
    stood = as_it_stood(model, path, before.last_day)
    report = quarter_report(stood.plan, shown.rows(stood.plan), before, today)
    return {entry.objective.id: entry.rag for entry in report.objectives}
