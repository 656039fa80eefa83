"""``npmplan new``: next year's plan, started from this one."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from npmplan.cli.messages import fail
from npmplan.cli.plans import load_resolved, resolve_plan, valid_plan

if TYPE_CHECKING:
    from npmplan.pipeline import PlanResult


def new(
    source: Annotated[Path | None, typer.Option(
        "--from", metavar="FILE", dir_okay=False, show_default=False,
        help="The plan to start from. Default: the plan chosen as for other commands.")]
    = None,
    period: Annotated[str | None, typer.Option(
        "--period", metavar="YYYY-MM..YYYY-MM", show_default=False,
        help="The new plan year, e.g. 2027-04..2028-03. Default: the period after the old "
             "one, as long.")] = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", metavar="FILE", dir_okay=False, show_default=False,
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
    model = load_resolved(path)
    try:
        chosen = parse_period(period) if period is not None else default_period(
            model.plan.period)
    except ValueError as exc:
        fail(f"--period: {exc}", 2)
    try:  # the period after the old one may be out of range: say so, name no file's line
        parse_period(f"{chosen[0]}..{chosen[1]}")
    except ValueError as exc:
        fail(f"the new plan's period cannot be {chosen[0]}..{chosen[1]}: {exc}; give the "
             "period with --period", 2)
    target = output or path.parent / default_file_name(chosen)
    text, tally = new_plan_text(model, chosen, path.as_posix())
    check = read_bytes(text.encode("utf-8"), str(target))
    if check.plan is None:  # a bug here, never the user's: write nothing
        valid_plan(check)
        fail("the new plan would not be valid; nothing was written", 1)
    _write_new(target, text)
    from npmplan.text import one_line, shown

    typer.echo(f"Wrote {shown(str(target))}: {one_line(check.plan.plan.title)}, "
               f"{chosen[0]}..{chosen[1]}.")
    typer.echo(f"Milestones: {tally.summary()}.")
    _print_warnings(check)
    typer.echo(f"Next: fill in each objective's schedule, pick from the listed milestones, "
               f"then run: npmplan validate {shown(str(target))}")


def _print_warnings(check: PlanResult) -> None:
    """The new plan's warnings themselves: the work left to do."""
    from npmplan.text import one_line

    warnings = check.problems
    if not warnings:
        typer.echo("No warnings.")
        return
    typer.echo(f"{len(warnings)} warning(s), the work left to do:")
    for problem in warnings:
        typer.echo("  " + one_line(str(problem)))


def _write_new(target: Path, text: str) -> None:
    """Write the whole new plan or nothing (``write.atomic.write_file``), never over a file."""
    from npmplan.write.atomic import write_file

    try:
        write_file(target, text.encode("utf-8"), replace_existing=False)
    except FileExistsError:
        fail(f"'{target}' already exists; npmplan new never writes over a file: choose "
             "another name with -o, or move that file away first", 2)
    except OSError as exc:
        fail(f"cannot write '{target}': {exc.strerror or exc}", 2)
