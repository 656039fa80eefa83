"""The steps every editing command shares: read the plan, make the change, check the new
text in memory, then show the diff (``--dry-run``) or write it. ``edit_cli`` calls them.

``carry_out`` refuses an invalid plan (exit 1), a usage mistake (exit 2), a change that
would make the plan invalid (exit 1) and a change whose data is not exactly the one asked
for (a bug; exit 1); only then does ``writefile`` replace the file.
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

from npmplan.cli.messages import SHOWN_ERRORS, fail, show_errors, show_problems
from npmplan.cli.plans import resolve_plan

if TYPE_CHECKING:
    from npmplan.model.dates import When
    from npmplan.model.plan import Objective, Plan
    from npmplan.pipeline import PlanResult
    from npmplan.write.edit import Loc, Source, Splice


@dataclass
class Change:
    """What a command changes: the splices, the same change on the plain data (to check
    the edit against), and one line for the officer."""

    splices: list[Splice]
    expect: Callable[[Any], None]
    summary: str  # "2.4 #1 "Visits ..." is done (2026-11-20)"
    commit: str  # a commit message to suggest


def carry_out(plan: Path | None, dry_run: bool,
              make: Callable[[Plan, Source], Change]) -> None:
    """Read, change, check, then write (or show the diff): the steps of every command."""
    from npmplan.errors import UsageError
    from npmplan.pipeline import read_bytes
    from npmplan.read.loader import load_bytes
    from npmplan.write.atomic import ChangedError, replace, snapshot
    from npmplan.write.edit import EditError, Source

    path = resolve_plan(plan)
    try:
        snap = snapshot(path)
    except (ChangedError, OSError) as exc:
        fail(f"cannot read '{path}': {getattr(exc, 'strerror', None) or exc}", 2)
    before = read_bytes(snap.raw, str(path))
    if before.plan is None:
        fail(f"{path} has {show_errors(before)}; fix them first (npmplan validate "
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
        counted = show_errors(after)
        more = f": {counted}" if len(after.errors) > SHOWN_ERRORS else ""
        fail(f"this change would make the plan invalid (see above{more}), so nothing was "
             "written", 1)
    expected = copy.deepcopy(src.document.data)
    change.expect(expected)
    if load_bytes(str(path), new).data != expected:
        fail("npmplan could not make this change exactly as asked (a bug in npmplan: please "
             "report it with the command you ran); nothing was written", 1)
    show_new_warnings(before, after)
    if dry_run:
        typer.echo(diff(src.text, text, str(path)))
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


def objective_at(model: Plan, objective_id: str) -> tuple[Loc, Objective]:
    from npmplan.errors import UsageError
    from npmplan.rules.suggest import unknown_message

    for s, so in enumerate(model.strategic_objectives):
        for o, objective in enumerate(so.objectives):
            if objective.id == objective_id:
                return ("strategic_objectives", s, "objectives", o), objective
    known = [obj.id for _, obj in model.objectives()]
    raise UsageError(unknown_message("objective", brief(objective_id), known))


def choose_milestone(objective: Objective, match: str | None) -> int:
    from npmplan.write.choose import choose

    return choose(objective, match)


def milestone_change(src: Source, objective: Objective, loc: Loc, index: int,
                      changes: dict[str, str | None], said: str, verb: str) -> Change:
    from npmplan.write.edit import double_quoted, scalar, set_fields

    target = (*loc, "milestones", index)
    # A note is text like the milestone's own: quoted if its what is.
    quote = double_quoted(src, src.node_at(target), "what")

    def expect(data: Any) -> None:
        milestone = at(data, target)
        for key, value in changes.items():
            if value is None:
                milestone.pop(key, None)
            else:
                milestone[key] = value

    written = {k: None if v is None else scalar(v, quote and k == "note")
               for k, v in changes.items()}
    what = objective.milestones[index].what
    return Change(set_fields(src, target, written), expect,
                  f"{objective.id} #{index + 1} {what_text(what)} {said}",
                  f"{objective.id}: milestone #{index + 1} {verb}")


def at(data: Any, loc: Loc) -> Any:
    for part in loc:
        data = data[part]
    return data


def same_time(new: When, baseline: When) -> bool:
    """Whether ``new`` names the baseline again (2026-09 and Sep 2026 are one month)."""
    if not new.dated or not baseline.dated:
        return new.kind == baseline.kind
    return new.window() == baseline.window() and new.day == baseline.day


def check_text(name: str, text: str) -> None:
    from npmplan.read.loader import CONTROL

    if not text.strip():
        fail(f"{name} is empty; write the text in quotes, e.g. {name} \"Report published\"", 2)
    bad = CONTROL.search(text) or re.search("[\ud800-\udfff\u0085\u2028\u2029]", text)
    if bad:
        fail(f"{name} contains an invisible control character (U+{ord(bad.group()):04X}), "
             "perhaps pasted with the text; type the text again without it", 2)


def brief(text: str) -> str:
    """What the user typed, as messages quote plan text: invisible characters named, cut
    past 60 characters (``rules.problems.quoted`` without its quote marks)."""
    from npmplan.rules.problems import quoted

    return quoted(text)[1:-1]


def what_text(text: str) -> str:
    from npmplan.rules.problems import quoted

    return '"' + quoted(text)[1:-1] + '"'


def show_new_warnings(before: PlanResult, after: PlanResult) -> None:
    old = {(p.rule, p.message) for p in before.problems}
    show_problems(p for p in after.problems if (p.rule, p.message) not in old)


def diff(old: str, new: str, name: str) -> str:
    from npmplan.text import clean

    split = re.compile(r"\r\n|\r|\n")
    name = name.lstrip("/")  # a/tmp/plan.yaml, as git writes it, not a//tmp/plan.yaml
    lines = difflib.unified_diff(split.split(old), split.split(new), f"a/{name}", f"b/{name}",
                                 lineterm="")
    return "\n".join(clean(line) for line in lines)


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
        path = Path(given) if given else find_plan(Path("plans"), date.today())
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


