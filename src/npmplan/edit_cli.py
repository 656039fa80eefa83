"""Recording progress: ``done``, ``move``, ``cancel``, ``add`` and ``lead`` as typer command
functions. ``cli.py`` registers them (``app.command()(edit_cli.done)`` ...).

Every command reads the plan (refusing an invalid one), works out the change, makes it with
``edit`` (only the lines of the milestone or objective concerned change), loads and checks
the new text in memory, and only then writes it with ``writefile`` (atomically). Exit codes:
0 done (or nothing to change), 1 the plan is invalid or the change would make it so, 2 a
usage mistake (an unknown id, no or several matching milestones, a bad date) or a file that
cannot be written. Undo is git.
"""

from __future__ import annotations

import copy
import difflib
import re
import shlex
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from npmplan.cli_common import PlanOption, fail, resolve_plan

if TYPE_CHECKING:
    from npmplan.dates import When
    from npmplan.edit import Loc, Source, Splice
    from npmplan.model import Objective, Plan
    from npmplan.pipeline import PlanResult

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


@dataclass
class Change:
    """What a command changes: the splices, the same change on the plain data (to check
    the edit against), and one line for the officer."""

    splices: list[Splice]
    expect: Callable[[Any], None]
    summary: str  # "2.4 #1 "Visits ..." is done (2026-11-20)"
    commit: str  # a commit message to suggest


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

    def make(model: Plan, src: Source) -> Change:
        loc, objective = _objective(model, objective_id)
        index = _choose(objective, match)
        milestone = objective.milestones[index]
        if milestone.status == "done" and on is None:
            shown = milestone.done_on.text if milestone.done_on else "no day given"
            return _milestone_change(src, objective, loc, index, {}, f"is done ({shown})",
                                     "done")
        changes: dict[str, str | None] = {"status": "done", "done_on": day}
        return _milestone_change(src, objective, loc, index, changes,
                                 f"is done ({day})", "done")

    _carry_out(plan, dry_run, make)


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

    def make(model: Plan, src: Source) -> Change:
        from npmplan.edit import scalar

        loc, objective = _objective(model, objective_id)
        index = _choose(objective, match)
        milestone = objective.milestones[index]
        if _same_time(parsed, milestone.when):
            return _milestone_change(src, objective, loc, index, {"moved_to": None},
                                     f"is back at its planned date {milestone.when.text}",
                                     "moved back")
        return _milestone_change(src, objective, loc, index, {"moved_to": parsed.text},
                                 f"moved to {parsed.text} (planned: {milestone.when.text})",
                                 f"moved to {scalar(parsed.text)}")

    _carry_out(plan, dry_run, make)


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
        _check_text("--note", note)

    def make(model: Plan, src: Source) -> Change:
        loc, objective = _objective(model, objective_id)
        index = _choose(objective, match)
        milestone = objective.milestones[index]
        changes: dict[str, str | None] = {"status": "cancelled"}
        if milestone.done_on is not None:
            changes["done_on"] = None  # done_on belongs to done milestones only
        if note is not None:
            changes["note"] = f"{milestone.note}; {note.strip()}" if milestone.note \
                else note.strip()
        return _milestone_change(src, objective, loc, index, changes, "is cancelled",
                                 "cancelled")

    _carry_out(plan, dry_run, make)


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
    _check_text("--what", what)
    try:
        parsed = parse_when(when)
    except ValueError as exc:
        fail(f"--when: {exc}", 2)
    if every is not None and parsed.kind != "range":
        fail(f"--every needs a range of months in --when, such as 2026-05..2027-03, not "
             f"'{parsed.text}'", 2)

    def make(model: Plan, src: Source) -> Change:
        from npmplan.edit import append_item, quotes_like_neighbours, scalar

        loc, objective = _objective(model, objective_id)
        quote = quotes_like_neighbours(src, (*loc, "milestones"), "what")
        item = {"when": scalar(parsed.text)} | ({"every": str(every)} if every else {}) \
            | {"what": scalar(what.strip(), quote)}
        plain = {"when": parsed.text} | ({"every": str(every)} if every else {}) \
            | {"what": what.strip()}

        def expect(data: Any) -> None:
            owner = _at(data, loc)
            owner["milestones"] = (owner.get("milestones") or []) + [plain]

        number = len(objective.milestones) + 1
        return Change(append_item(src, loc, "milestones", item), expect,
                      f"{objective.id} #{number} {_what(what)} added ({parsed.text})",
                      f"{objective.id}: milestone #{number} added")

    _carry_out(plan, dry_run, make)


def lead(
    objective_id: IdArgument,
    team_ids: Annotated[list[str], typer.Argument(
        metavar="TEAM_ID...", show_default=False, autocompletion=_complete_team,
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
        _check_text("TEAM_ID", team_id)

    def make(model: Plan, src: Source) -> Change:
        from npmplan.edit import flow_list, set_fields
        from npmplan.errors import UsageError
        from npmplan.suggest import unknown_message

        loc, objective = _objective(model, objective_id)
        known = [member.id for member in model.team]
        for team_id in ids:
            if team_id not in known:
                raise UsageError(unknown_message("team member", _shown(team_id), known))

        def expect(data: Any) -> None:
            _at(data, loc)["leads"] = list(ids)

        was = ", ".join(objective.leads) or "none"
        return Change(set_fields(src, loc, {"leads": flow_list(ids)}), expect,
                      f"{objective.id} is led by {', '.join(ids)} (was: {was})",
                      f"{objective.id}: leads {' '.join(ids)}")

    _carry_out(plan, dry_run, make)


# --- shared steps ------------------------------------------------------------------------


def _carry_out(plan: Path | None, dry_run: bool,
               make: Callable[[Plan, Source], Change]) -> None:
    """Read, change, check, then write (or show the diff): the steps of every command."""
    from npmplan.edit import EditError, Source
    from npmplan.errors import UsageError
    from npmplan.loader import load_bytes
    from npmplan.pipeline import read_bytes
    from npmplan.writefile import ChangedError, replace, snapshot

    path = resolve_plan(plan)
    try:
        snap = snapshot(path)
    except (ChangedError, OSError) as exc:
        fail(f"cannot read '{path}': {getattr(exc, 'strerror', None) or exc}", 2)
    before = read_bytes(snap.raw, str(path))
    if before.plan is None:
        _show(before)
        fail(f"{path} has {len(before.errors)} error(s); fix them first (npmplan validate "
             f"{path} lists them all). Nothing was changed.", 1)
    try:
        src = Source(str(path), snap.raw)
        change = make(before.plan, src)
        text = src.apply(change.splices)
    except UsageError as exc:
        fail(str(exc), 2)
    except EditError as exc:
        fail(f"{exc}; npmplan cannot make this change in the file as it is laid out, so "
             "nothing was written: edit it by hand (see docs/guide.md)", 1)
    new = src.encode(text)
    if new == snap.raw:
        typer.echo(f"Nothing to change: {change.summary} already; {path} is as it was.")
        return
    after = read_bytes(new, str(path))
    if after.plan is None:
        _show(after)
        fail("this change would make the plan invalid (see above), so nothing was written",
             1)
    expected = copy.deepcopy(src.document.data)
    change.expect(expected)
    if load_bytes(str(path), new).data != expected:
        fail("npmplan could not make this change exactly as asked (a bug in npmplan: please "
             "report it with the command you ran); nothing was written", 1)
    _show_new_warnings(before, after)
    if dry_run:
        typer.echo(_diff(src.text, text, str(path)))
        typer.echo(f"Nothing was written (--dry-run); without it: {change.summary}.")
        return
    try:
        replace(snap, new)
    except ChangedError as exc:
        fail(str(exc), 2)
    except OSError as exc:
        fail(f"cannot write '{path}': {exc.strerror or exc}. The plan is as it was.", 2)
    typer.echo(f"{change.summary}: {path} saved. To keep it: git commit -m "
               f"{shlex.quote(change.commit)} {shlex.quote(str(path))} (undo: git checkout "
               f"-- {shlex.quote(str(path))})")


def _objective(model: Plan, objective_id: str) -> tuple[Loc, Objective]:
    from npmplan.errors import UsageError
    from npmplan.suggest import unknown_message

    for s, so in enumerate(model.strategic_objectives):
        for o, objective in enumerate(so.objectives):
            if objective.id == objective_id:
                return ("strategic_objectives", s, "objectives", o), objective
    known = [obj.id for _, obj in model.objectives()]
    raise UsageError(unknown_message("objective", _shown(objective_id), known))


def _choose(objective: Objective, match: str | None) -> int:
    from npmplan.choose import choose

    return choose(objective, match)


def _milestone_change(src: Source, objective: Objective, loc: Loc, index: int,
                      changes: dict[str, str | None], said: str, verb: str) -> Change:
    from npmplan.edit import double_quoted, scalar, set_fields

    target = (*loc, "milestones", index)
    # A note is text like the milestone's own: quoted if its what is.
    quote = double_quoted(src, src.node_at(target), "what")

    def expect(data: Any) -> None:
        milestone = _at(data, target)
        for key, value in changes.items():
            if value is None:
                milestone.pop(key, None)
            else:
                milestone[key] = value

    written = {k: None if v is None else scalar(v, quote and k == "note")
               for k, v in changes.items()}
    what = objective.milestones[index].what
    return Change(set_fields(src, target, written), expect,
                  f"{objective.id} #{index + 1} {_what(what)} {said}",
                  f"{objective.id}: milestone #{index + 1} {verb}")


def _at(data: Any, loc: Loc) -> Any:
    for part in loc:
        data = data[part]
    return data


def _same_time(new: When, baseline: When) -> bool:
    """Whether ``new`` names the baseline again (2026-09 and Sep 2026 are one month)."""
    if not new.dated or not baseline.dated:
        return new.kind == baseline.kind
    return new.window() == baseline.window() and new.day == baseline.day


def _check_text(name: str, text: str) -> None:
    from npmplan.loader import CONTROL

    if not text.strip():
        fail(f"{name} is empty; write the text in quotes, e.g. {name} \"Report published\"", 2)
    bad = CONTROL.search(text) or re.search("[\ud800-\udfff\u0085\u2028\u2029]", text)
    if bad:
        fail(f"{name} contains an invisible control character (U+{ord(bad.group()):04X}), "
             "perhaps pasted with the text; type the text again without it", 2)


def _shown(text: str) -> str:
    from npmplan.problems import quoted

    return quoted(text)[1:-1]


def _what(text: str) -> str:
    from npmplan.problems import quoted

    return '"' + quoted(text)[1:-1] + '"'


def _show(result: PlanResult) -> None:
    from npmplan.render.safe import one_line

    for problem in result.errors[:20]:
        typer.echo(one_line(str(problem)), err=True)
    if len(result.errors) > 20:
        typer.echo(f"({len(result.errors) - 20} more not shown)", err=True)


def _show_new_warnings(before: PlanResult, after: PlanResult) -> None:
    from npmplan.render.safe import one_line

    old = {(p.rule, p.message) for p in before.problems}
    for problem in after.problems:
        if (problem.rule, problem.message) not in old:
            typer.echo(one_line(str(problem)), err=True)


def _diff(old: str, new: str, name: str) -> str:
    from npmplan.render.safe import clean

    split = re.compile(r"\r\n|\r|\n")
    lines = difflib.unified_diff(split.split(old), split.split(new), f"a/{name}", f"b/{name}",
                                 lineterm="")
    return "\n".join(clean(line) for line in lines)
