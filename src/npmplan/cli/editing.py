"""What the editing commands share on the command line: their arguments and completion,
the check of text typed for the plan, and ``carry_out``, which resolves the plan, has
``write.transaction`` make the edit, and words its outcome with the exit code.

Exit codes: 0 written, shown (``--dry-run``) or nothing to change; 1 a plan with errors, a
change that would add errors or overwrite a record (a milestone done or cancelled), a layout
npmplan does not edit, or a bug; 2 a usage mistake,
or a file that cannot be read or written (or changed on disk meanwhile, or being edited by
another npmplan command for longer than 5 seconds).

Once the plan is replaced the command says so and exits 0, whatever follows: a standard
output that is closed or full gets the line on standard error instead, and a Ctrl-C from
the rename on is held back until it is said (a rerun would make the change twice).
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from npmplan.cli import dates
from npmplan.cli.messages import SHOWN_ERRORS, fail, show_errors, show_problems
from npmplan.cli.plans import resolve_plan
from npmplan.text import shown

if TYPE_CHECKING:
    from npmplan.model.dates import Month
    from npmplan.write.states import Which
    from npmplan.write.transaction import Make, Outcome


def carry_out(plan: Path | None, dry_run: bool, make: Make) -> None:
    """Make the change ``make`` says in the plan (or show it, ``dry_run``), and say how it
    went: the steps of every editing command."""
    from npmplan.write.atomic import after_commit
    from npmplan.write.transaction import edit

    path = resolve_plan(plan)
    with after_commit():
        say(edit(path, make, dry_run, dates.today()))


def say(outcome: Outcome) -> None:
    """Word an edit's outcome: stdout when it succeeded, else stderr and its exit code."""
    path, change = outcome.path, outcome.change
    show_problems(outcome.warnings)  # before the diff or the line that says it is saved
    if outcome.ok:
        assert change is not None
        if outcome.status == "unchanged":
            typer.echo(f"Nothing to change: {change.summary} already; {shown(str(path))} is as "
                       "it was.")
        elif outcome.status == "dry-run":
            typer.echo(outcome.diff)
            typer.echo(f"Nothing was written (--dry-run); without it: {change.summary}.")
        else:
            _say_saved(_saved_line(outcome))
        return
    message, code = _refusal(outcome)
    fail(message, code)


def _saved_line(outcome: Outcome) -> str:
    """The line that says the plan is saved, with the git command to keep it (the path
    after ``--``, quoted for this system's shell) and a word on any other hard link."""
    assert outcome.change is not None
    path = str(outcome.path)
    shown_path = shown(path)
    line = (f"{outcome.change.summary}: {shown_path} saved. To keep it: "
            f"{command_line(['git', 'commit', '-m', outcome.change.commit, '--', path])} "
            f"(undo: {command_line(['git', 'checkout', '--', path])})")
    if outcome.links > 1:
        others = outcome.links - 1
        line += (f"\nNote: {shown_path} had {others} other hard link{'s' if others > 1 else ''}"
                 "; npmplan saves a plan as a new file, so the other name"
                 f"{'s' if others > 1 else ''} still show the plan as it was.")
    return line


def command_line(args: list[str]) -> str:
    """A command to copy into this system's shell: POSIX quoting, or Windows' (cmd.exe and
    PowerShell both split a command line as ``subprocess.list2cmdline`` joins it); every
    invisible character named, so that a file name cannot act on the terminal."""
    joined = (subprocess.list2cmdline(args) if os.name == "nt"
              else " ".join(shlex.quote(arg) for arg in args))
    return shown(joined)


def _say_saved(line: str) -> None:
    """Say that the plan was saved on standard output, or, where that is closed or full,
    on standard error: the plan is replaced either way, so the exit is 0."""
    from npmplan.cli import process

    try:
        with process.sigpipe_ignored():
            typer.echo(line)
            process.flush_stdout()
    except OSError:
        process.discard_stdout()
        print(f"npmplan: {line} (standard output could not be written)", file=sys.stderr)


def _refusal(outcome: Outcome) -> tuple[str, int]:
    """Why nothing was written, and the exit code (the errors shown first, if any)."""
    path, reason = outcome.path, outcome.reason
    match outcome.status:
        case "unreadable":
            return f"cannot read '{path}': {reason}", 2
        case "invalid":
            assert outcome.result is not None
            return (f"{path} has {show_errors(outcome.result)}; fix them first (npmplan "
                    f"validate {path} lists them all). Nothing was changed.", 1)
        case "refused" | "changed-on-disk" | "busy":
            return reason, 2
        case "conflict":
            return reason, 1
        case "cannot-edit":
            return (f"{reason}; npmplan cannot make this change in the file as it is laid "
                    "out, so nothing was written: edit it by hand (see docs/guide.md)", 1)
        case "would-be-invalid":
            assert outcome.result is not None
            counted = show_errors(outcome.result)
            more = f": {counted}" if len(outcome.result.errors) > SHOWN_ERRORS else ""
            return (f"this change would make the plan invalid (see above{more}), so nothing "
                    "was written", 1)
        case "unwritable":
            return f"cannot write '{path}': {reason}. The plan is as it was.", 2
        case _:  # "inexact"
            return ("npmplan could not make this change exactly as asked (a bug in npmplan: "
                    "please report it with the command you ran); nothing was written", 1)


def check_text(name: str, text: str) -> None:
    """Text typed for the plan (``--what``, ``--note``, a team id): not empty, and no
    invisible control character (a usage error, exit 2)."""
    from npmplan.read.loader import CONTROL

    if not text.strip():
        fail(f"{name} is empty; write the text in quotes, e.g. {name} \"Report published\"", 2)
    bad = CONTROL.search(text) or re.search("[\ud800-\udfff\u0085\u2028\u2029]", text)
    if bad:
        fail(f"{name} contains an invisible control character (U+{ord(bad.group()):04X}), "
             "perhaps pasted with the text; type the text again without it", 2)


# --- what every editing command shares on its command line ----------------------


def complete_objective(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Shell completion of ID: the plan's objective ids, with their titles."""
    data = _plan_data(ctx)
    found = []
    for so in _items(data, "strategic_objectives"):
        for obj in _items(so, "objectives"):
            if isinstance(obj.get("id"), str) and obj["id"].startswith(incomplete):
                found.append((obj["id"], str(obj.get("label") or obj.get("title") or "")))
    return found


def complete_team(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    return [(m["id"], str(m.get("name") or "")) for m in _items(_plan_data(ctx), "team")
            if isinstance(m.get("id"), str) and m["id"].startswith(incomplete)]


def _plan_data(ctx: typer.Context) -> Any:
    """The plan's plain data for completion: never an error, at worst nothing."""
    try:
        from npmplan.pipeline import find_plan
        from npmplan.read.loader import load_path

        given = ctx.params.get("plan")
        path = Path(given) if given else find_plan(Path("plans"), dates.today())
        return load_path(path).data
    except Exception:  # completion must never print a traceback into the shell
        return None


def _items(data: Any, key: str) -> list[dict[str, Any]]:
    value = data.get(key) if isinstance(data, dict) else None
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


IdArgument = Annotated[str, typer.Argument(
    metavar="ID", help="The objective's id, e.g. 2.4.", autocompletion=complete_objective,
    show_default=False)]
MatchArgument = Annotated[str | None, typer.Argument(
    metavar="[MATCH]", show_default=False,
    help="A piece of the milestone's text (any case), or #N for the Nth milestone as "
         "'npmplan show ID' numbers them. Leave it out when the objective has only one "
         "planned milestone.")]
DryRunOption = Annotated[bool, typer.Option(
    "--dry-run", "-n", help="Show the change as a diff; write nothing.")]
OnOption = Annotated[str | None, typer.Option(
    "--on", metavar="DAY", show_default=False,
    help="The day it happened, YYYY-MM-DD; not after today. Default: today.")]
OccurrenceOption = Annotated[str | None, typer.Option(
    "--occurrence", metavar="YYYY-MM", show_default=False,
    help="For a recurring milestone (a meeting every N months, or quarterly): the meeting of "
         "this month. Default: the month of --on, or this month.")]
AllOccurrencesOption = Annotated[bool, typer.Option(
    "--all-occurrences", help="For a recurring milestone: the whole series, not one "
                              "meeting.")]
ForceOption = Annotated[bool, typer.Option(
    "--force", help="Change a milestone that is done or cancelled already (the line printed "
                    "says what was replaced).")]


def on_day(on: str | None, month_too: bool = False) -> tuple[str, Month]:
    """``--on`` as the text to write and its month; today when not given. A day after
    today is a usage error (a change is recorded on the day it happened); ``month_too``:
    a month (YYYY-MM) is taken too, not after this one."""
    from npmplan.model.dates import Month, parse_day, parse_done_on

    today = dates.today()
    this_month = Month.of(today.year, today.month)
    if on is None:
        return today.isoformat(), this_month
    try:
        parsed = parse_done_on(on) if month_too else None
        day = parsed.day if parsed is not None else parse_day(on)
    except ValueError as exc:
        fail(f"--on: {exc}", 2)
    if day is not None:
        if day > today:
            fail(f"--on {day.isoformat()} is after today ({today:%-d %B %Y}): a change is "
                 "recorded on the day it happened, today or before", 2)
        return day.isoformat(), Month.of(day.year, day.month)
    assert parsed is not None and parsed.first is not None
    if parsed.first > this_month:
        fail(f"--on {parsed.first} is after this month ({this_month.long()}): a change is "
             "recorded in the month it happened, this one or before", 2)
    return str(parsed.first), parsed.first


def which(match: str | None, occurrence: str | None, on_month: Month, on_given: bool,
          all_occurrences: bool = False, force: bool = False) -> Which:
    """What MATCH and the occurrence options mean, for ``write.states``."""
    from npmplan.write.states import Which

    return Which(match, dates.parse_month_option("--occurrence", occurrence), on_month,
                 all_occurrences, force, on_given)
