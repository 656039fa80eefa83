"""``npmplan due``: the stand-up for a month."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from npmplan.cli.dates import parse_as_of, parse_month_option
from npmplan.cli.filters import filters, no_leads
from npmplan.cli.messages import fail, note
from npmplan.cli.options import (
    LeadOption,
    PlanOption,
    StoodAsOfOption,
    StrategicOption,
    choice_option,
    format_option,
)
from npmplan.cli.plans import load_resolved, resolve_plan
from npmplan.render.formats import DUE

if TYPE_CHECKING:
    from npmplan.compute.due import SinceChanges
    from npmplan.compute.schedule import Row
    from npmplan.model.plan import Plan


def due(
    month: Annotated[str | None, typer.Option(
        "--month", "-m", metavar="YYYY-MM",
        help="The month of the stand-up, YYYY-MM. Default: the month of "
        "--as-of.", show_default=False)] = None,
    as_of: StoodAsOfOption = None,
    plan: PlanOption = None,
    lead: LeadOption = None,
    strategic: StrategicOption = None,
    by: str | None = choice_option(
        ("--by",), ("lead", "objective"),
        help="One block per lead (each person reads their own), or one list in objective "
             "order. Default: lead when the plan has leads."),
    overdue: Annotated[bool, typer.Option(
        "--overdue", help="List every overdue milestone (by default they are folded to one "
                          "line per strategic objective).")] = False,
    all_: Annotated[bool, typer.Option(
        "--all", help="List everything: overdue, ongoing and to-be-confirmed items too.")]
    = False,
    since: Annotated[str | None, typer.Option(
        "--since", metavar="AGE|REV", show_default=False,
        help="Add what changed since then, from git: an age (7d: the newest commit at least "
             "7 days old; 2w) or a git revision (HEAD~3, a tag).")] = None,
    format: str = format_option(DUE),
) -> None:
    """The stand-up for a month.

    Due this month, in progress, recurring and next month in full; overdue, ongoing and
    to-be-confirmed items folded (--overdue, --all list them).
    """
    from npmplan.cli.past import as_it_stood
    from npmplan.compute.due import FOLDABLE, due_report, group_by_lead, has_leads
    from npmplan.model.dates import Month

    today = parse_as_of(as_of)
    chosen = parse_month_option("--month", month) or Month.of(today.year, today.month)
    path = resolve_plan(plan)
    model = load_resolved(path)
    shown = filters(model, strategic, lead)
    stood = as_it_stood(model, path, today)
    rows = shown.rows(stood.plan)
    report = due_report(chosen, rows, model.plan.period, model.plan.title,
                        shown.describe())
    report.undated = stood.undated(rows)
    if by == "lead" and (why := no_leads(model, "--by lead")) is not None:
        note(why + "; the stand-up is in objective order")
    elif by == "lead" or (by is None and has_leads(model)):
        group_by_lead(report, model, lead)
    report.folded = () if all_ else tuple(
        name for name in FOLDABLE if not (overdue and name == "overdue"))
    if since is not None:
        report.since = _since(since, path, model, rows, None if as_of is None else today)
    DUE.emit(format, report)


def _since(text: str, path: Path, model: Plan, rows: list[Row],
           as_of: date | None) -> SinceChanges:
    """What changed in the rows shown since the version ``--since`` names."""
    from datetime import UTC, datetime, time

    from npmplan import versions
    from npmplan.compute.diff import compare
    from npmplan.compute.due import changes_since
    from npmplan.errors import UsageError

    now = datetime.now(UTC) if as_of is None else datetime.combine(as_of, time.max, UTC)
    try:
        version = versions.since_version(text, path, now)
        result = versions.read_version(version)
    except UsageError as exc:
        fail(f"--since: {exc}" if not str(exc).startswith("--since") else str(exc), 2)
    if result.plan is None:
        fail(f"--since: the plan as it was on {version.label} is not valid "
             f"({len(result.errors)} error(s)), so it cannot be compared; give a later "
             "--since", 1)
    return changes_since(compare(result.plan, model), {o.id for _, o in rows}, version.label)
