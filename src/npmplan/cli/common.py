"""What every command shares: the plan and filter options, the formats, choosing and
loading the plan, and failing cleanly. ``cli``, ``export_cli`` and ``tracking_cli`` import
it; it imports none of them.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

if TYPE_CHECKING:
    from npmplan.model.dates import Month
    from npmplan.model.plan import Plan

PlanOption = Annotated[
    Path | None,
    typer.Option("--plan", "-p", envvar="NPMPLAN_PLAN", show_envvar=True,
                 help="The plan file. Default: the file in ./plans/ whose period contains "
                      "today, else the latest one."),
]


class ValidateFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"


class TableFormat(StrEnum):
    text = "text"
    json = "json"


class CalendarFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    csv = "csv"
    json = "json"


class ReportFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"


StrategicOption = Annotated[str | None, typer.Option(
    "--strategic", "-s", help="Only this strategic objective (its id, e.g. 2).")]
LeadOption = Annotated[str | None, typer.Option(
    "--lead", help="Only objectives this team member leads (a team id).")]
AsOfOption = Annotated[str | None, typer.Option(
    "--as-of", help="Today's date for the report, YYYY-MM-DD. Default: today.",
    show_default=False)]


def fail(message: str, code: int) -> NoReturn:
    typer.echo(f"npmplan: {message}", err=True)
    raise typer.Exit(code)


def resolve_plan(plan: Path | None) -> Path:
    from npmplan.errors import UsageError
    from npmplan.pipeline import check_readable, find_plan

    try:
        path = plan if plan is not None else find_plan(Path("plans"), date.today())
        check_readable(path)
    except UsageError as exc:
        fail(str(exc), 2)
    return path


def load_plan(plan: Path | None) -> Plan:
    """The plan of a reporting command; an invalid one stops here with its errors."""
    from npmplan.pipeline import read_plan
    from npmplan.render.safe import one_line

    path = resolve_plan(plan)
    result = read_plan(path)
    if result.plan is None:
        for problem in result.errors[:20]:
            typer.echo(one_line(str(problem)), err=True)
        more = len(result.errors) - 20
        hidden = f" ({more} more not shown)" if more > 0 else ""
        fail(f"{path} has {len(result.errors)} error(s){hidden}; fix them first "
             f"(npmplan validate {path} lists them all)", 1)
    return result.plan


def parse_as_of(as_of: str | None) -> date:
    from npmplan.model.dates import parse_day

    if as_of is None:
        return date.today()
    try:
        return parse_day(as_of)
    except ValueError as exc:
        fail(f"--as-of: {exc}", 2)


def parse_month_option(name: str, value: str | None) -> Month | None:
    from npmplan.model.dates import parse_month

    if value is None:
        return None
    try:
        return parse_month(value)
    except ValueError as exc:
        fail(f"{name}: {exc}", 2)


def check_filters(model: Plan, strategic: str | None, lead: str | None) -> None:
    """An unknown filter value is a usage error that names the values there are."""
    from npmplan.check.suggest import unknown_message

    if strategic is not None:
        known = [so.id for so in model.strategic_objectives]
        if strategic not in known:
            fail(unknown_message("strategic objective", strategic, known), 2)
    if lead is not None:
        known = [member.id for member in model.team]
        if lead not in known:
            fail(unknown_message("team member", lead, known), 2)
