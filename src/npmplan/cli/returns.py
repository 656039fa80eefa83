"""``npmplan return``: a workbook per lead to fill in a spreadsheet, for a quarter
(``compute.returns`` chooses the rows, ``render.exports.returns_xlsx`` lays them out;
``npmplan import`` reads them back). The command is ``return``; a Python keyword, so the
function is ``return_``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from npmplan.cli import dates
from npmplan.cli.dates import numbered_quarter, parse_as_of
from npmplan.cli.messages import fail
from npmplan.cli.options import PlanOption, StoodAsOfOption

if TYPE_CHECKING:
    from datetime import date

    from npmplan.compute.quarters import Quarter
    from npmplan.model.plan import Plan


def return_(
    lead: Annotated[str | None, typer.Option(
        "--lead", metavar="ID", show_default=False,
        help="The team member whose return it is (their id, e.g. jk).")] = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", metavar="FILE", dir_okay=False, show_default=False,
        help="The workbook for --lead. Default: its usual name, e.g. "
             "return-2026-27-Q2-jk.xlsx, in this folder.")] = None,
    out_dir: Annotated[Path | None, typer.Option(
        "--out-dir", metavar="DIR", file_okay=False, show_default=False,
        help="Write a return for every lead into this folder (made if missing).")] = None,
    quarter: Annotated[str | None, typer.Option(
        "--quarter", "-q", metavar="N|YYYY-MM", show_default=False,
        help="The plan quarter: N (Q2 of 2026-27 is July to September 2026) or a month in "
             "it. Default: the quarter of --as-of.")] = None,
    as_of: StoodAsOfOption = None,
    plan: PlanOption = None,
    force: Annotated[bool, typer.Option(
        "--force", help="Replace a workbook that exists already.")] = False,
) -> None:
    """Make the quarterly returns: a workbook per lead, to fill in a spreadsheet.

    Each lists the milestones of the objectives the lead leads that are due in the
    quarter, overdue, in progress or due next quarter, with shaded cells for the lead:
    Done on, Move to, Cancel and Note; and a row per objective for a proposed rating,
    commentary and next steps. Send them out; read the replies back with npmplan import.
    Example: npmplan return --out-dir returns --quarter 2.
    """
    from npmplan.cli.plans import load_resolved, resolve_plan

    if (lead is None) == (out_dir is None):
        fail("say whose return to make: --lead ID (with -o FILE, or its usual name here), "
             "or --out-dir DIR for every lead", 2)
    if out_dir is not None and output is not None:
        fail("-o names one lead's workbook: use it with --lead, or --out-dir alone", 2)
    day = parse_as_of(as_of)
    path = resolve_plan(plan)
    model = load_resolved(path)
    chosen = _quarter(model, quarter, day)
    leads = _leads(model, lead)
    folder = out_dir if out_dir is not None else Path(".")
    made = _made(model, path, chosen, day, leads)
    _write_all(made, folder, output, path, force, out_dir is not None)


def _quarter(model: Plan, quarter: str | None, day: date) -> Quarter:
    from npmplan.compute.quarters import quarter_of, quarters
    from npmplan.model.dates import range_text

    if quarter is not None:
        return numbered_quarter(model, quarter)
    found = quarter_of(model.plan.period, day)
    if found is None:
        fail(f"{day} is outside the plan period {range_text(*model.plan.period)}; give the "
             f"quarter with --quarter 1 to {len(quarters(model.plan.period))}", 2)
    return found


def _leads(model: Plan, lead: str | None) -> list[str]:
    """The leads to make returns for: ``lead``, or everyone who leads an objective."""
    from npmplan.compute.returns import led_by
    from npmplan.rules.suggest import unknown_message
    from npmplan.text import shown

    leading = list(dict.fromkeys(who for _, obj in model.objectives() for who in obj.leads))
    if lead is None:
        if not leading:
            fail("no objective has a lead, so there is no return to make: give objectives "
                 "their leads first, e.g. npmplan lead 2.4 jk", 1)
        return leading
    team = [member.id for member in model.team]
    if lead not in team and lead not in leading:
        fail(f"--lead: {shown(unknown_message('team member', lead, team))}", 2)
    if not led_by(model, lead):
        fail(f"{shown(lead)} leads no objective, so there is no return to make (npmplan lead "
             f"2.4 {shown(lead)} makes them the lead of 2.4)", 1)
    return [lead]


def _made(model: Plan, path: Path, quarter: Quarter, day: date,
          leads: list[str]) -> list[tuple[str, bytes]]:
    """Each lead's workbook (its usual name, its bytes), from the plan as it stood on
    the report's day for the quarter."""
    from npmplan.cli.past import as_it_stood
    from npmplan.compute.quarters import quarters
    from npmplan.compute.report import quarter_report, report_day
    from npmplan.compute.returns import make_return
    from npmplan.compute.schedule import Filters
    from npmplan.render.exports.returns_xlsx import workbook

    stood_on = report_day(quarter, day)
    stood = as_it_stood(model, path, stood_on)
    every = quarters(model.plan.period)
    following = every[quarter.number] if quarter.number < len(every) else None
    report = quarter_report(stood.plan, Filters().rows(stood.plan), quarter, day)
    end = every[-1].last_day
    out = []
    for lead in leads:
        made = make_return(stood.plan, lead, quarter, following, stood_on, report,
                           dates.today())
        out.append((made.file_name, workbook(made, end)))
    return out


def _write_all(made: list[tuple[str, bytes]], folder: Path, output: Path | None, plan: Path,
               force: bool, make_folder: bool) -> None:
    """Every workbook, each written whole (none when one may not be replaced)."""
    from npmplan.cli.export import emit_bytes, refusal

    if make_folder:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            fail(f"cannot make the folder '{folder}': {(exc.strerror or str(exc)).lower()}", 2)
    files = [(output if output is not None else folder / name, data) for name, data in made]
    for file, _ in files:
        if refused := refusal(file, plan, force):
            fail(refused.replace(f"-o '{file}'", f"'{file}'"), 2)
    for file, data in files:
        emit_bytes(data, file)
        typer.echo(f"Wrote {file}")
    many = len(files) > 1
    typer.echo(f"{len(files)} return{'s' if many else ''} made. Send "
               f"{'them to the leads' if many else 'it to the lead'}; read the replies "
               "back with: npmplan import FILE...")
