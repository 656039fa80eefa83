"""Recording progress: ``done``, ``move``, ``cancel``, ``add`` and ``lead`` as typer command
functions. ``cli.py`` registers them (``app.command()(edit_cli.done)`` ...).

Each command parses its options, then hands ``edit_steps.carry_out`` a function that works
out the change on the valid plan; ``carry_out`` reads the plan (refusing an invalid one),
makes the change with ``edit`` (only the lines of the milestone or objective concerned
change), loads and checks the new text in memory, and only then writes it with
``writefile`` (atomically). Exit codes: 0 done (or nothing to change), 1 the plan is invalid
or the change would make it so, 2 a usage mistake (an unknown id, no or several matching
milestones, a bad date) or a file that cannot be written. Undo is git.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from npmplan import edit_steps as steps
from npmplan.cli_common import PlanOption, fail

if TYPE_CHECKING:
    from npmplan.edit import Source
    from npmplan.model import Plan


def _complete_objective(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Shell completion of ID: the plan's objective ids, with their titles."""
    data = _plan_data(ctx)
    found = []
    for so in _items(data, "strategic_objectives"):
        for obj in _items(so, "objectives"):
            if isinstance(obj.get("id"), str) and obj["id"].startswith(incomplete):
                found.append((obj["id"], str(obj.get("label") or obj.get("title") or "")))
    return found


def _complete_team(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    return [(m["id"], str(m.get("name") or "")) for m in _items(_plan_data(ctx), "team")
            if isinstance(m.get("id"), str) and m["id"].startswith(incomplete)]


def _plan_data(ctx: typer.Context) -> Any:
    """The plan's plain data for completion: never an error, at worst nothing."""
    try:
        from npmplan.loader import load_path
        from npmplan.pipeline import find_plan

        given = ctx.params.get("plan")
        path = Path(given) if given else find_plan(Path("plans"), date.today())
        return load_path(path).data
    except Exception:  # completion must never print a traceback into the shell
        return None


def _items(data: Any, key: str) -> list[dict[str, Any]]:
    value = data.get(key) if isinstance(data, dict) else None
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


IdArgument = Annotated[str, typer.Argument(
    metavar="ID", help="The objective's id, e.g. 2.4.", autocompletion=_complete_objective,
    show_default=False)]
MatchArgument = Annotated[str | None, typer.Argument(
    metavar="[MATCH]", show_default=False,
    help="A piece of the milestone's text (any case), or #N for the Nth milestone as "
         "'npmplan show ID' numbers them. Leave it out when the objective has only one "
         "planned milestone.")]
DryRunOption = Annotated[bool, typer.Option(
    "--dry-run", "-n", help="Show the change as a diff; write nothing.")]


def done(
    objective_id: IdArgument,
    match: MatchArgument = None,
    on: Annotated[str | None, typer.Option(
        "--on", show_default=False,
        help="The day it was done, YYYY-MM-DD (or a month, YYYY-MM). Default: today.")] = None,
    plan: PlanOption = None,
    dry_run: DryRunOption = False,
) -> None:
    """Mark a milestone done.

    Sets status: done and done_on (default: today). Example: npmplan done 2.4 visits
    --on 2026-11-20. Undo is git ('git checkout -- PLAN' before you commit); --dry-run
    shows the change and writes nothing.
    """
    from npmplan.dates import parse_done_on

    day = date.today().isoformat()
    if on is not None:  # without --on, a milestone already done keeps its day
        try:
            parsed = parse_done_on(on)
        except ValueError as exc:
            fail(f"--on: {exc}", 2)
        day = parsed.day.isoformat() if parsed.day else str(parsed.first)

    def make(model: Plan, src: Source) -> steps.Change:
        loc, objective = steps.objective_at(model, objective_id)
        index = steps.choose_milestone(objective, match)
        milestone = objective.milestones[index]
        if milestone.status == "done" and on is None:
            shown = milestone.done_on.text if milestone.done_on else "no day given"
            return steps.milestone_change(src, objective, loc, index, {},
                                          f"is done ({shown})", "done")
        changes: dict[str, str | None] = {"status": "done", "done_on": day}
        return steps.milestone_change(src, objective, loc, index, changes,
                                      f"is done ({day})", "done")

    steps.carry_out(plan, dry_run, make)


def move(
    objective_id: IdArgument,
    match: MatchArgument = None,
    to: Annotated[str, typer.Option(
        "--to", show_default=False,
        help="The new date, in any form 'when' takes: 2026-12, 2026-11..2027-01, 2027-Q1, "
             "spring 2027, ongoing, tbc.")] = "",
    plan: PlanOption = None,
    dry_run: DryRunOption = False,
) -> None:
    """Replan a milestone.

    Sets moved_to and keeps when as the baseline; moving it back to its when removes
    moved_to. Example: npmplan move 3.1 drop-in --to 2026-12. Undo is git; --dry-run shows
    the change and writes nothing.
    """
    from npmplan.dates import parse_when

    if not to.strip():
        fail("say where to move it with --to, e.g. --to 2026-12", 2)
    try:
        parsed = parse_when(to)
    except ValueError as exc:
        fail(f"--to: {exc}", 2)

    def make(model: Plan, src: Source) -> steps.Change:
        from npmplan.edit import scalar

        loc, objective = steps.objective_at(model, objective_id)
        index = steps.choose_milestone(objective, match)
        milestone = objective.milestones[index]
        if steps.same_time(parsed, milestone.when):
            return steps.milestone_change(
                src, objective, loc, index, {"moved_to": None},
                f"is back at its planned date {milestone.when.text}", "moved back")
        return steps.milestone_change(
            src, objective, loc, index, {"moved_to": parsed.text},
            f"moved to {parsed.text} (planned: {milestone.when.text})",
            f"moved to {scalar(parsed.text)}")

    steps.carry_out(plan, dry_run, make)


def cancel(
    objective_id: IdArgument,
    match: MatchArgument = None,
    note: Annotated[str | None, typer.Option(
        "--note", show_default=False,
        help="Why, kept in the milestone's note (after any note it has).")] = None,
    plan: PlanOption = None,
    dry_run: DryRunOption = False,
) -> None:
    """Cancel a milestone.

    Sets status: cancelled; the milestone stays in the file as a record and leaves the
    reports. Example: npmplan cancel 4.5 "CPT visit dates" --note "visit postponed to 2027".
    Undo is git; --dry-run shows the change and writes nothing.
    """
    if note is not None:
        steps.check_text("--note", note)

    def make(model: Plan, src: Source) -> steps.Change:
        loc, objective = steps.objective_at(model, objective_id)
        index = steps.choose_milestone(objective, match)
        milestone = objective.milestones[index]
        changes: dict[str, str | None] = {"status": "cancelled"}
        if milestone.done_on is not None:
            changes["done_on"] = None  # done_on belongs to done milestones only
        if note is not None:
            changes["note"] = f"{milestone.note}; {note.strip()}" if milestone.note \
                else note.strip()
        return steps.milestone_change(src, objective, loc, index, changes, "is cancelled",
                                      "cancelled")

    steps.carry_out(plan, dry_run, make)


def add(
    objective_id: IdArgument,
    when: Annotated[str, typer.Option(
        "--when", show_default=False,
        help="When it is planned: 2026-10, 2026-10-15, 2026-06..2026-08, 2026-Q3, "
             "summer 2026, ongoing or tbc.")] = "",
    what: Annotated[str, typer.Option("--what", show_default=False,
                                      help="What happens, in words.")] = "",
    every: Annotated[int | None, typer.Option(
        "--every", min=1, show_default=False,
        help="For a meeting that recurs: every N months over the --when range.")] = None,
    plan: PlanOption = None,
    dry_run: DryRunOption = False,
) -> None:
    """Add a milestone to an objective.

    It goes at the end of the objective's milestones, written like the ones before it.
    Example: npmplan add 2.4 --when 2026-12 --what "Draft report to the Steering Group".
    Undo is git; --dry-run shows the change and writes nothing.
    """
    from npmplan.dates import parse_when

    if not when.strip():
        fail("say when with --when, e.g. --when 2026-10", 2)
    steps.check_text("--what", what)
    try:
        parsed = parse_when(when)
    except ValueError as exc:
        fail(f"--when: {exc}", 2)
    if every is not None and parsed.kind != "range":
        fail(f"--every needs a range of months in --when, such as 2026-05..2027-03, not "
             f"'{parsed.text}'", 2)

    def make(model: Plan, src: Source) -> steps.Change:
        from npmplan.edit import append_item, quotes_like_neighbours, scalar

        loc, objective = steps.objective_at(model, objective_id)
        quote = quotes_like_neighbours(src, (*loc, "milestones"), "what")
        item = {"when": scalar(parsed.text)} | ({"every": str(every)} if every else {}) \
            | {"what": scalar(what.strip(), quote)}
        plain = {"when": parsed.text} | ({"every": str(every)} if every else {}) \
            | {"what": what.strip()}

        def expect(data: Any) -> None:
            owner = steps.at(data, loc)
            owner["milestones"] = (owner.get("milestones") or []) + [plain]

        number = len(objective.milestones) + 1
        return steps.Change(
            append_item(src, loc, "milestones", item), expect,
            f"{objective.id} #{number} {steps.what_text(what)} added ({parsed.text})",
            f"{objective.id}: milestone #{number} added")

    steps.carry_out(plan, dry_run, make)


def lead(
    objective_id: IdArgument,
    team_ids: Annotated[list[str], typer.Argument(
        metavar="TEAM_ID", show_default=False, autocompletion=_complete_team,
        help="The team ids of the objective's leads (from the plan's team), e.g. mk jk.")],
    plan: PlanOption = None,
    dry_run: DryRunOption = False,
) -> None:
    """Set an objective's leads.

    The ids must be in the plan's team; they replace the leads the objective had. Example:
    npmplan lead 2.4 mk jk. Undo is git; --dry-run shows the change and writes nothing.
    """
    ids = list(dict.fromkeys(team_ids))
    for team_id in ids:
        steps.check_text("TEAM_ID", team_id)

    def make(model: Plan, src: Source) -> steps.Change:
        from npmplan.edit import flow_list, set_fields
        from npmplan.errors import UsageError
        from npmplan.suggest import unknown_message

        loc, objective = steps.objective_at(model, objective_id)
        known = [member.id for member in model.team]
        for team_id in ids:
            if team_id not in known:
                raise UsageError(unknown_message("team member", steps.shown(team_id), known))

        def expect(data: Any) -> None:
            steps.at(data, loc)["leads"] = list(ids)

        was = ", ".join(objective.leads) or "none"
        return steps.Change(set_fields(src, loc, {"leads": flow_list(ids)}), expect,
                            f"{objective.id} is led by {', '.join(ids)} (was: {was})",
                            f"{objective.id}: leads {' '.join(ids)}")

    steps.carry_out(plan, dry_run, make)
