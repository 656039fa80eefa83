"""``npmplan import``: the filled-in returns read back into the plan as one checked change
(``write.filled`` checks every cell, ``write.imports`` says what each row asks, and
``write.batch`` makes it one edit for ``write.transaction``). The command is ``import``; a
Python keyword, so the function is ``import_``.

Exit codes: 0 written, shown (``--dry-run``) or nothing to change; 1 a bad cell, a file
that is not a return, or a conflict without ``--partial`` (nothing written); 2 usage.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from npmplan.cli.editing import DryRunOption, on_day
from npmplan.cli.messages import fail
from npmplan.cli.options import PlanOption

if TYPE_CHECKING:
    from datetime import date

    from npmplan.model.plan import Plan
    from npmplan.write.filled import Filled
    from npmplan.write.imports import Step

SHOWN = 50  # problems listed before "and N more"


def import_(
    files: Annotated[list[Path], typer.Argument(
        metavar="FILE", show_default=False, dir_okay=False,
        help="The returns, filled in (.xlsx), as npmplan return made them.")],
    plan: PlanOption = None,
    partial: Annotated[bool, typer.Option(
        "--partial", help="Apply the rows that can be, and leave the rows in conflict "
                          "(their milestone changed since the return was made).")] = False,
    on: Annotated[str | None, typer.Option(
        "--on", metavar="DAY", show_default=False,
        help="The day the moves, cancellations and commentary are recorded, YYYY-MM-DD "
             "(a done row keeps its Done on); not after today. Default: today.")] = None,
    dry_run: DryRunOption = False,
) -> None:
    """Read filled-in returns back into the plan, as one change.

    Every filled cell is checked first: a bad one is named with its sheet and cell and
    nothing is written. A row whose milestone changed in the plan since the return was
    made is a conflict: listed, and nothing is written unless --partial. The changes are
    those of done, move, cancel and comment, dated, in one write; a return imported twice
    changes nothing the second time. Example: npmplan import returns/*.xlsx --dry-run.
    """
    from datetime import date

    from npmplan.cli import dates
    from npmplan.cli.plans import load_resolved, resolve_plan

    day = date.fromisoformat(on_day(on)[0])
    path = resolve_plan(plan)
    model = load_resolved(path)
    returns = _read_all(files, model, dates.today())
    _apply(path, model, returns, partial, dry_run, day)


def _read_all(files: list[Path], model: Plan, today: date) -> list[Filled]:
    """Every return read and checked; any bad cell or file ends the command (exit 1)."""
    from npmplan.compute.returns import plan_year
    from npmplan.text import one_line, shown
    from npmplan.write.filled import ReturnError, read_return

    problems: list[str] = []
    returns: list[Filled] = []
    seen: set[Path] = set()
    for file in files:
        try:
            key = file.resolve()
            if key in seen:
                continue
            seen.add(key)
            filled = read_return(file, model.plan.period, today)
        except ReturnError as exc:
            problems.append(str(exc))
            continue
        except OSError as exc:
            problems.append(f"cannot read '{shown(str(file))}': "
                            f"{(exc.strerror or str(exc)).lower()}")
            continue
        if filled.plan_year != plan_year(model) or filled.plan_title != one_line(
                model.plan.title):
            problems.append(f"{filled.file} is a return for {shown(filled.plan_title)} "
                            f"({filled.plan_year}), not for this plan ({plan_year(model)}); "
                            "import it into its own plan with --plan")
        problems += filled.errors
        returns.append(filled)
    if problems:
        _list(problems)
        fail(f"{_count(len(problems), 'problem')} with the returns, so nothing was written: "
             "correct what is named above (or send the return back to its lead) and import "
             "again", 1)
    return returns


def _apply(path: Path, model: Plan, returns: list[Filled], partial: bool, dry_run: bool,
           day: date) -> None:
    from npmplan.cli import dates
    from npmplan.cli.editing import say
    from npmplan.text import shown
    from npmplan.write.atomic import after_commit
    from npmplan.write.batch import Keyed, batch
    from npmplan.write.imports import steps
    from npmplan.write.transaction import edit

    planned = steps(model, returns, day)
    conflicts = [s for s in planned if s.conflict]
    _report(returns, planned)
    if conflicts and not partial:
        fail(f"{_count(len(conflicts), 'row')} in conflict with the plan, so nothing was "
             "written: make fresh returns for them, or import with --partial to apply the "
             "other rows and leave these", 1)
    makes: list[Keyed] = [(s.place, s.make) for s in planned if s.make is not None]
    if not makes:
        typer.echo(f"Nothing to change: {shown(str(path))} has every change in "
                   f"{'these returns' if len(returns) > 1 else 'this return'} already"
                   if any(s.already for s in planned) else
                   "Nothing to change: no cell of the returns was filled in.")
        return
    leads = ", ".join(dict.fromkeys(s.lead for s in planned if s.make is not None))
    quarters = ", ".join(dict.fromkeys(f"Q{r.quarter}" for r in returns))
    summary = f"{_count(len(makes), 'change')} from the returns of {leads}"
    with after_commit():
        say(edit(path, batch(makes, summary, f"{quarters} returns: {leads}"), dry_run,
                 dates.today()))


def _report(returns: list[Filled], planned: list[Step]) -> None:
    """Per return: what it changes, what is there already, and its conflicts."""
    from npmplan.text import shown

    by_lead: dict[str, list[Step]] = {}
    for step in planned:
        by_lead.setdefault(step.lead, []).append(step)
    for filled in returns:
        mine = [s for s in by_lead.get(filled.lead, []) if s.cell.startswith(filled.file + ",")]
        typer.echo(f"{filled.file} ({shown(filled.lead)}, Q{filled.quarter}):")
        if not mine:
            typer.echo("  nothing filled in")
        for step in mine:
            if step.conflict:
                typer.echo(f"  not applied: {shown(step.said)}; {shown(step.conflict)} "
                           f"({step.cell})")
            elif step.already:
                typer.echo(f"  in the plan already: {shown(step.said)}")
            else:
                typer.echo(f"  {shown(step.said)}")


def _list(problems: list[str]) -> None:
    from npmplan.text import shown

    for problem in problems[:SHOWN]:
        typer.echo(f"npmplan: {shown(problem)}", err=True)
    if len(problems) > SHOWN:
        typer.echo(f"npmplan: … and {len(problems) - SHOWN:,} more", err=True)


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'s' if number != 1 else ''}"
