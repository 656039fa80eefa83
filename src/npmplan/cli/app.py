"""The typer commands: resolve the plan → load → compute → render → exit code.

Each command imports what it needs inside its body, so that ``--help`` and ``--version``
never import pydantic or build the models (start-up time is this tool's performance).
Exit codes: 0 ok, 1 an invalid plan (or warnings with ``--strict``), 2 usage.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from npmplan import __version__
from npmplan.cli import tracking as tracking_cli
from npmplan.cli.common import (
    AsOfOption,
    CalendarFormat,
    LeadOption,
    PlanOption,
    ReportFormat,
    StrategicOption,
    ValidateFormat,
    check_filters,
    fail,
    load_plan,
    parse_as_of,
    parse_month_option,
    resolve_plan,
)
from npmplan.cli.export import export_app

app = typer.Typer(
    name="npmplan",
    help="The UK NPM business plan as a checked YAML file: calendar, workload and stand-ups.",
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)

def _version(value: bool) -> None:
    if value:
        typer.echo(f"npmplan {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", "-V", callback=_version,
                                          is_eager=True, help="Show the version and exit.")]
    = False,
) -> None:
    """The UK NPM business plan as a checked YAML file: calendar, workload and stand-ups."""
    from npmplan.errors import UsageError
    from npmplan.read.limits import max_bytes

    try:
        max_bytes()  # a bad NPMPLAN_MAX_BYTES is said once, before any command reads a plan
    except UsageError as exc:
        fail(str(exc), 2)


@app.command()
def validate(
    plans: Annotated[list[Path] | None, typer.Argument(
        help="Plan files to check. Default: --plan, or the plan chosen as for other commands.",
        show_default=False)] = None,
    plan: PlanOption = None,
    format: Annotated[ValidateFormat | None, typer.Option(
        "--format", "-f", help="text, json, or github (workflow annotations; the default "
        "when GITHUB_ACTIONS=true).")] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail too (exit 1).")]
    = False,
) -> None:
    """Check plan files.

    Every problem in every file, as FILE:LINE:COL: message [rule]; exit 0 when valid,
    1 with problems (warnings too with --strict), 2 for a usage mistake.
    """
    from npmplan.pipeline import read_plan
    from npmplan.render.validate import FORMATS

    paths = [resolve_plan(p) for p in plans] if plans else [resolve_plan(plan)]
    chosen = format.value if format else (
        "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    results = [read_plan(path) for path in paths]
    problems = [p for result in results for p in result.problems]
    failed = any(p.severity == "error" or strict for p in problems)
    typer.echo(FORMATS[chosen](problems, len(paths), not failed))
    raise typer.Exit(1 if failed else 0)


@app.command()
def workload(
    plan: PlanOption = None,
    format: Annotated[ReportFormat, typer.Option("--format", "-f",
                      help="text, markdown or json.")] = ReportFormat.text,
    by: tracking_cli.ByOption = None,
    without_priority: tracking_cli.WithoutPriorityOption = None,
) -> None:
    """Active activities per month.

    Split by kind, with months over the plan's capacity flagged; --by splits it by lead,
    strategic objective or priority.
    """
    from npmplan.compute.schedule import workload as compute
    from npmplan.render import json_out
    from npmplan.render.console import make_console
    from npmplan.render.workload import legend, workload_markdown, workload_table

    model = load_plan(plan)
    if by is not None or without_priority is not None:
        tracking_cli.render_breakdown(model, by, without_priority, format)
        return
    loads = compute(model.months(), model.objectives())
    if format is ReportFormat.json:
        typer.echo(json_out.dumps(json_out.workload(model, loads)))
        return
    if format is ReportFormat.markdown:
        typer.echo(workload_markdown(model.plan.title, loads, model.plan.capacity), nl=False)
        return
    console = make_console()
    console.print(workload_table(model.plan.title, loads, model.plan.capacity))
    console.print(legend(model.plan.capacity))


@app.command()
def calendar(
    plan: PlanOption = None,
    strategic: StrategicOption = None,
    priority: Annotated[str | None, typer.Option(
        "--priority", help="Only this priority: core, standard, funding-dependent, or none "
        "(not stated).")] = None,
    lead: LeadOption = None,
    from_: Annotated[str | None, typer.Option("--from", help="First month shown, YYYY-MM.")]
    = None,
    to: Annotated[str | None, typer.Option("--to", help="Last month shown, YYYY-MM.")] = None,
    as_of: AsOfOption = None,
    format: Annotated[CalendarFormat, typer.Option("--format", "-f",
                      help="text, markdown (GitHub table), csv (for programs; for a "
                      "spreadsheet use export xlsx) or json.")]
    = CalendarFormat.text,
    bom: Annotated[bool, typer.Option("--bom", help="csv: begin with a UTF-8 byte-order mark, "
                                      "for programs that need one to read UTF-8.")] = False,
) -> None:
    """The calendar appendix.

    A row per objective, a cell per month, row totals and the monthly workload row.
    """
    from npmplan.compute.schedule import calendar_rows, select, workload
    from npmplan.model.dates import Month
    from npmplan.render import calendar as render
    from npmplan.render import json_out
    from npmplan.render.console import make_console

    today = parse_as_of(as_of)
    first, last = parse_month_option("--from", from_), parse_month_option("--to", to)
    model = load_plan(plan)
    check_filters(model, strategic, lead)
    if priority is not None and priority not in ("core", "standard", "funding-dependent", "none"):
        fail(f"--priority '{priority}' is not a priority; use core, standard, "
             "funding-dependent or none", 2)
    months = [m for m in model.months()
              if (first is None or m >= first) and (last is None or m <= last)]
    if not months:
        fail("--from/--to leave no month of the plan period "
             f"{model.plan.period[0]}..{model.plan.period[1]} to show", 2)
    rows = select(model, strategic, priority, lead)
    filters = [f"strategic objective {strategic}" if strategic else "",
               f"priority {priority}" if priority else "", f"lead {lead}" if lead else "",
               f"{months[0]}..{months[-1]}" if first or last else ""]
    loads = workload(months, rows)
    crows = calendar_rows(months, rows)
    if format is CalendarFormat.json:
        chosen = {"strategic": strategic, "priority": priority, "lead": lead,
                  "from": str(first) if first else None, "to": str(last) if last else None}
        typer.echo(json_out.dumps(json_out.calendar(model, months, crows, loads, chosen)))
        return
    view = render.CalendarView(model.plan.title, months, crows, loads, model.plan.capacity,
                               Month.of(today.year, today.month),
                               ", ".join(f for f in filters if f))
    if format is CalendarFormat.markdown:
        typer.echo(render.markdown(view), nl=False)
    elif format is CalendarFormat.csv:
        sys.stdout.write(("\ufeff" if bom else "") + render.as_csv(view))
    else:
        console = make_console()
        console.print(render.text(view, console.width))


@app.command()
def due(
    month: Annotated[str | None, typer.Option(
        "--month", "-m", help="The month of the stand-up, YYYY-MM. Default: the month of "
        "--as-of.", show_default=False)] = None,
    as_of: AsOfOption = None,
    plan: PlanOption = None,
    lead: LeadOption = None,
    strategic: StrategicOption = None,
    format: Annotated[ReportFormat, typer.Option("--format", "-f",
                      help="text, markdown (for meeting notes) or json.")]
    = ReportFormat.text,
) -> None:
    """The stand-up for a month.

    What is overdue, due, in progress, recurring, ongoing, to be confirmed, and next.
    """
    from npmplan.compute.schedule import due_report, select
    from npmplan.model.dates import Month
    from npmplan.render import due as render
    from npmplan.render import json_out
    from npmplan.render.console import make_console

    today = parse_as_of(as_of)
    chosen = parse_month_option("--month", month) or Month.of(today.year, today.month)
    model = load_plan(plan)
    check_filters(model, strategic, lead)
    report = due_report(chosen, select(model, strategic, None, lead))
    filtered = ", ".join(f for f in (f"strategic objective {strategic}" if strategic else "",
                                     f"lead {lead}" if lead else "") if f)
    if format is ReportFormat.json:
        typer.echo(json_out.dumps(json_out.due(report)))
    elif format is ReportFormat.markdown:
        typer.echo(render.markdown(report, model.plan.title, filtered), nl=False)
    else:
        console = make_console()
        console.print(render.text(report, model.plan.title, console.width, filtered))


@app.command()
def show(
    objective_id: Annotated[str, typer.Argument(metavar="ID",
                                                help="The objective's id, e.g. 2.4.")],
    plan: PlanOption = None,
    as_of: AsOfOption = None,
    format: Annotated[ReportFormat, typer.Option("--format", "-f",
                      help="text, markdown or json.")] = ReportFormat.text,
) -> None:
    """One objective in full.

    Rationale, outcomes, outputs (web-hosted ones marked), schedule and milestones.
    """
    from npmplan.check.suggest import unknown_message
    from npmplan.model.dates import Month
    from npmplan.render import json_out
    from npmplan.render import show as render
    from npmplan.render.console import make_console

    today = parse_as_of(as_of)
    now = Month.of(today.year, today.month)
    model = load_plan(plan)
    found = {obj.id: (so, obj) for so, obj in model.objectives()}
    if objective_id not in found:
        fail(unknown_message("objective", objective_id, list(found)), 2)
    so, objective = found[objective_id]
    if format is ReportFormat.json:
        typer.echo(json_out.dumps(render.as_json(so, objective, now)))
    elif format is ReportFormat.markdown:
        typer.echo(render.markdown(so, objective, now), nl=False)
    else:
        make_console().print(render.text(so, objective, model.months(), now))


@app.command()
def schema() -> None:
    """The JSON Schema of the plan format.

    schemas/plan.schema.json is this output; editors use it to check a plan as you type.
    """
    from npmplan.model.schema import plan_schema
    from npmplan.render.json_out import dumps

    typer.echo(dumps(plan_schema()))


app.command()(tracking_cli.diff)
app.command()(tracking_cli.status)
app.command()(tracking_cli.new)
app.add_typer(export_app, name="export")


INTERNAL_ERROR = 70  # EX_SOFTWARE: a bug in npmplan, not a problem with the plan


def run() -> None:
    """Run the app. A closed pipe or Ctrl-C ends quietly; a bug in npmplan itself is said in
    one sentence an officer can pass on (``NPMPLAN_DEBUG=1`` shows the traceback)."""
    from npmplan.errors import NpmplanError, UsageError

    try:
        app(prog_name="npmplan")
    except NpmplanError as exc:  # raised below a command, e.g. a bad NPMPLAN_MAX_BYTES
        print(f"npmplan: {exc}", file=sys.stderr)
        sys.exit(2 if isinstance(exc, UsageError) else 1)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:
        if os.environ.get("NPMPLAN_DEBUG") == "1":
            raise
        print(f"npmplan: internal error ({type(exc).__name__}: {exc}). This is a bug in "
              "npmplan, not in your plan: please report it with the command you ran and the "
              "plan file (NPMPLAN_DEBUG=1 shows the details).", file=sys.stderr)
        sys.exit(INTERNAL_ERROR)
