"""``npmplan new``: next year's plan, started from this one."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from npmplan.cli.messages import fail
from npmplan.cli.plans import load_resolved, resolve_plan, valid_plan

if TYPE_CHECKING:
    from npmplan.pipeline import PlanResult
    from npmplan.write.new import Made


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
    shift: Annotated[bool, typer.Option(
        "--shift", help="Carry every schedule span a year on as it was (June to March stays "
                        "June to March). Default: work that ran to the old year's end goes on "
                        "from the new year's start (June to March becomes April to March).")]
    = False,
    empty_schedules: Annotated[bool, typer.Option(
        "--empty-schedules", help="Leave every schedule empty, to redo from the new "
                                  "calendar of actions.")] = False,
    review: Annotated[bool, typer.Option(
        "--review", help="Only list the text carried over that names a year of the old "
                         "plan; write nothing.")] = False,
) -> None:
    """Start next year's plan from this one.

    The plan's and the objectives' text and the team; each schedule, carried into the new
    year for review; the open milestones due in the last quarter (as tbc), the series (going
    on on their cadence), the quarterly and ongoing ones, each with a note; the other open
    ones as comments to pick from. Text that names a year of the old plan is listed for
    review, and marked in the file.
    """
    from npmplan.model.dates import parse_period
    from npmplan.pipeline import read_bytes
    from npmplan.write.new import Options, default_file_name, default_period, new_plan_text

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
    if shift and empty_schedules:
        fail("--shift says how to carry the schedules and --empty-schedules not to carry "
             "them: give one or the other", 2)
    target = output or path.parent / default_file_name(chosen)
    text, made = new_plan_text(model, chosen, path.as_posix(), Options(shift, empty_schedules))
    if review:
        _print_review(made, model.plan.title)
        return
    check = read_bytes(text.encode("utf-8"), str(target))
    if check.plan is None:  # a bug here, never the user's: write nothing
        valid_plan(check)
        fail("the new plan would not be valid; nothing was written", 1)
    _write_new(target, text)
    from npmplan.text import one_line, shown

    typer.echo(f"Wrote {shown(str(target))}: {one_line(check.plan.plan.title)}, "
               f"{chosen[0]}..{chosen[1]}.")
    typer.echo(f"Milestones: {made.tally.summary()}.")
    _print_schedules(made, shift, empty_schedules)
    _print_review(made, model.plan.title)
    _print_warnings(check)
    first = "fill in each objective's schedule (npmplan schedule ID SPANS)" \
        if empty_schedules else "review the schedules and the texts above"
    typer.echo(f"Next: {first}, pick from the listed milestones, then run: npmplan validate "
               f"{shown(str(target))}")


def _print_schedules(made: Made, shift: bool, emptied: bool) -> None:
    """Each carried row, to review; or that none was carried."""
    if emptied:
        typer.echo("Schedules: left empty (--empty-schedules); set each with npmplan "
                   "schedule ID SPANS.")
        return
    how = ("with --shift: every span a year on" if shift else "work that ran to the old year's "
           "end going on from the new year's start, the other spans a year on")
    typer.echo(f"Schedules: {len(made.rows)} carried for review ({how}); change one with "
               "npmplan schedule ID SPANS:")
    for row in made.rows:
        typer.echo(f"  review {row.objective}: {row.now} (was: {row.was})")


def _print_review(made: Made, old_title: str) -> None:
    """The carried texts that name a year of the old plan, each marked in the file."""
    from npmplan.text import one_line

    if not made.review:
        typer.echo(f"Text: none names a year of {one_line(old_title)}.")
        return
    typer.echo(f"Text to review: {len(made.review)} text(s) carried from "
               f"{one_line(old_title)} name a year of it (each has a 'Review:' comment above "
               "it in the file):")
    for finding in made.review:
        typer.echo(f"  review {one_line(finding.line())}")


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
