"""Tracking over the year: ``diff``, ``status`` and ``new`` as typer command functions, and
``render_breakdown`` with its two options for ``workload --by``. ``cli.py`` registers them::

    app.command()(tracking_cli.diff)
    app.command()(tracking_cli.status)
    app.command()(tracking_cli.new)

This module imports only ``cli_common`` (never ``cli``), so ``cli`` may import it anywhere.

Like ``cli``, each command imports what it computes and renders inside its body, so that
``--help`` stays fast. Exit codes: 0 ok, 1 an invalid plan (or changes with
``diff --exit-code``), 2 usage (a failing git, a file ``new`` would overwrite).
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from npmplan.cli.common import (
    AsOfOption,
    LeadOption,
    PlanOption,
    ReportFormat,
    StrategicOption,
    check_filters,
    fail,
    load_plan,
    parse_as_of,
    resolve_plan,
)

if TYPE_CHECKING:
    from npmplan.model.plan import Plan
    from npmplan.pipeline import PlanResult

FormatOption = Annotated[ReportFormat, typer.Option(
    "--format", "-f", help="text, markdown (for Steering Group papers) or json.")]


class BreakdownBy(StrEnum):
    lead = "lead"
    strategic = "strategic"
    priority = "priority"


ByOption = Annotated[BreakdownBy | None, typer.Option(
    "--by", show_default=False,
    help="One row per lead (flagging months over a person's capacity), strategic objective "
         "or priority, instead of the total.")]
WithoutPriorityOption = Annotated[str | None, typer.Option(
    "--without-priority", show_default=False,
    help="Leave out the objectives of this priority first: funding-dependent shows the year "
         "if the funding does not come (none: priority not stated).")]


def diff(
    old: Annotated[str, typer.Argument(
        metavar="OLD", show_default=False,
        help="The earlier version: a plan file, REV:PATH read with git show (e.g. "
             "HEAD~1:plans/2026-27.yaml), or a git revision alone for the --plan file.")],
    new: Annotated[str | None, typer.Argument(
        metavar="[NEW]", show_default=False,
        help="The later version, in the same forms. Default: the working file of OLD.")]
    = None,
    plan: PlanOption = None,
    format: FormatOption = ReportFormat.text,
    exit_code: Annotated[bool, typer.Option(
        "--exit-code", help="Exit 1 when anything changed, 0 when nothing did.")] = False,
) -> None:
    """What changed between two versions.

    Objectives, milestones moved, done or cancelled, schedules and the monthly workload.
    """
    from npmplan.compute import diff as history
    from npmplan.errors import UsageError
    from npmplan.render import diff as render
    from npmplan.render.console import make_console
    from npmplan.render.json_out import dumps

    try:
        before = history.parse_version(old, lambda: resolve_plan(plan))
        after = (history.parse_version(new, lambda: resolve_plan(plan)) if new is not None
                 else history.working_copy(before))
        results = [history.read_version(before), history.read_version(after)]
    except UsageError as exc:
        fail(str(exc), 2)
    old_plan, new_plan = (_valid(result) for result in results)
    if old_plan is None or new_plan is None:
        fail("compare valid plans only: fix the errors above first", 1)
    changes = history.compare(old_plan, new_plan)
    if format is ReportFormat.json:
        typer.echo(dumps(render.diff_json(changes, before.label, after.label)))
    elif format is ReportFormat.markdown:
        typer.echo(render.diff_markdown(changes, before.label, after.label), nl=False)
    else:
        console = make_console()
        console.print(render.diff_text(changes, before.label, after.label, console.width))
    raise typer.Exit(1 if exit_code and changes.changed else 0)


def _valid(result: PlanResult) -> Plan | None:
    """The plan, or None after showing its errors (as ``load_plan`` does)."""
    from npmplan.render.safe import one_line

    if result.plan is None:
        for problem in result.errors[:20]:
            typer.echo(one_line(str(problem)), err=True)
        more = len(result.errors) - 20
        typer.echo(f"npmplan: {result.file} has {len(result.errors)} error(s)"
                   + (f" ({more} more not shown)" if more > 0 else ""), err=True)
    return result.plan


def status(
    plan: PlanOption = None,
    as_of: AsOfOption = None,
    strategic: StrategicOption = None,
    lead: LeadOption = None,
    format: FormatOption = ReportFormat.text,
) -> None:
    """Progress as of a date.

    Milestones done, planned, overdue and cancelled per objective, the share delivered of
    those due, and the months of slip.
    """
    from npmplan.compute.schedule import select
    from npmplan.compute.status import status_report
    from npmplan.render import status as render
    from npmplan.render.console import make_console
    from npmplan.render.json_out import dumps

    today = parse_as_of(as_of)
    model = load_plan(plan)
    check_filters(model, strategic, lead)
    report = status_report(select(model, strategic, None, lead), today)
    title = model.plan.title
    if format is ReportFormat.json:
        typer.echo(dumps(render.status_json(report, title)))
    elif format is ReportFormat.markdown:
        typer.echo(render.status_markdown(report, title), nl=False)
    else:
        console = make_console()
        console.print(render.status_text(report, title, console.width))


def new(
    source: Annotated[Path | None, typer.Option(
        "--from", dir_okay=False, show_default=False,
        help="The plan to start from. Default: the plan chosen as for other commands.")]
    = None,
    period: Annotated[str | None, typer.Option(
        "--period", show_default=False,
        help="The new plan year, e.g. 2027-04..2028-03. Default: the period after the old "
             "one, as long.")] = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", dir_okay=False, show_default=False,
        help="The new plan file; never overwritten. Default: YYYY-YY.yaml of the new "
             "period, next to the old plan.")] = None,
) -> None:
    """Start next year's plan from this one.

    The plan's and the objectives' text and the team; the open milestones due in the last
    quarter (as tbc) and the recurring ones (moved to the new year), each with a note; the
    other open ones as comments to pick from; every schedule emptied to redo.
    """
    from npmplan.model.dates import parse_period
    from npmplan.pipeline import read_bytes
    from npmplan.write.new import default_file_name, default_period, new_plan_text

    path = resolve_plan(source)
    model = load_plan(path)
    try:
        chosen = parse_period(period) if period is not None else default_period(
            model.plan.period)
    except ValueError as exc:
        fail(f"--period: {exc}", 2)
    target = output or path.parent / default_file_name(chosen)
    text, tally = new_plan_text(model, chosen, path.as_posix())
    check = read_bytes(text.encode("utf-8"), str(target))
    if check.plan is None:  # a bug here, never the user's: write nothing
        _valid(check)
        fail("the new plan would not be valid; nothing was written", 1)
    _write_new(target, text)
    typer.echo(f"Wrote {target}: {check.plan.plan.title}, {chosen[0]}..{chosen[1]}.")
    typer.echo(f"Milestones: {tally.summary()}.")
    _print_warnings(check)
    typer.echo(f"Next: fill in each objective's schedule, pick from the listed milestones, "
               f"then run: npmplan validate {target}")


def _print_warnings(check: PlanResult) -> None:
    """The new plan's warnings themselves, grouped by rule where one rule repeats."""
    from npmplan.render.safe import one_line

    warnings = check.problems
    if not warnings:
        typer.echo("No warnings.")
        return
    typer.echo(f"{len(warnings)} warning(s), the work left to do:")
    for problem in warnings:
        typer.echo("  " + one_line(str(problem)))


def _write_new(target: Path, text: str) -> None:
    try:
        with target.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except FileExistsError:
        fail(f"'{target}' already exists; npmplan new never writes over a file: choose "
             "another name with -o, or move that file away first", 2)
    except OSError as exc:
        fail(f"cannot write '{target}': {exc.strerror or exc}", 2)


def render_breakdown(model: Plan, by: str | None, without_priority: str | None,
                     format: str) -> None:
    """``workload --by lead|strategic|priority [--without-priority P]`` in ``format``
    (text, markdown or json). Without ``by``, the plain workload of the objectives kept."""
    from npmplan.compute.breakdown import BY, PRIORITY_CHOICES, drop_priority, workload_by
    from npmplan.compute.schedule import workload
    from npmplan.render import breakdown as render
    from npmplan.render import json_out
    from npmplan.render.console import make_console
    from npmplan.render.workload import legend, workload_table

    if without_priority is not None and without_priority not in PRIORITY_CHOICES:
        fail(f"--without-priority '{without_priority}' is not a priority; use "
             + ", ".join(PRIORITY_CHOICES), 2)
    title = model.plan.title
    if by is None:
        loads = workload(model.months(), drop_priority(model.objectives(), without_priority))
        if format == "json":
            typer.echo(json_out.dumps(json_out.workload(model, loads)
                                      | {"without_priority": without_priority}))
            return
        heading = (f"Monthly workload without {without_priority} objectives"
                   if without_priority else "Monthly workload")
        console = make_console()
        console.print(workload_table(title, loads, model.plan.capacity, heading=heading))
        console.print(legend(model.plan.capacity))
        return
    if by not in BY:
        fail(f"--by '{by}' is not one of: {', '.join(BY)}", 2)
    result = workload_by(model, model.objectives(), BY[BY.index(by)], without_priority)
    if format == "json":
        typer.echo(json_out.dumps(render.breakdown_json(result, title)))
    elif format == "markdown":
        typer.echo(render.breakdown_markdown(result, title), nl=False)
    else:
        console = make_console()
        console.print(render.breakdown_text(result, title, console.width))
