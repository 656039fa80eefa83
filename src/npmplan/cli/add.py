"""``npmplan add``: add a milestone to an objective (see ``cli.editing`` for how every edit is
made, checked and written)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from npmplan.cli import editing
from npmplan.cli.editing import DryRunOption, IdArgument
from npmplan.cli.messages import fail
from npmplan.cli.options import PlanOption, whole_number

if TYPE_CHECKING:
    from npmplan.model.plan import Plan
    from npmplan.write.edit import Source


def add(
    objective_id: IdArgument,
    when: Annotated[str, typer.Option(
        "--when", metavar="WHEN", show_default=False,
        help="When it is planned: 2026-10, 2026-10-15, 2026-06..2026-08, 2026-Q3, "
             "summer 2026, ongoing or tbc.")] = "",
    what: Annotated[str, typer.Option("--what", metavar="TEXT", show_default=False,
                                      help="What happens, in words.")] = "",
    every: Annotated[int | None, typer.Option(
        "--every", parser=whole_number(minimum=1), metavar="N", show_default=False,
        help="For a meeting that recurs: every N months over the --when range.")] = None,
    plan: PlanOption = None,
    dry_run: DryRunOption = False,
) -> None:
    """Add a milestone to an objective.

    It goes at the end of the objective's milestones, written like the ones before it.
    Example: npmplan add 2.4 --when 2026-12 --what "Draft report to the Steering Group".
    Undo is git; --dry-run shows the change and writes nothing.
    """
    from npmplan.model.dates import parse_when

    if not when.strip():
        fail("say when with --when, e.g. --when 2026-10", 2)
    editing.check_text("--what", what)
    try:
        parsed = parse_when(when)
    except ValueError as exc:
        fail(f"--when: {exc}", 2)
    if every is not None and parsed.kind != "range":
        fail(f"--every needs a range of months in --when, such as 2026-05..2027-03, not "
             f"'{parsed.text}'", 2)

    def make(model: Plan, src: Source) -> editing.Change:
        from npmplan.write.edit import append_item, quotes_like_neighbours, scalar

        loc, objective = editing.objective_at(model, objective_id)
        quote = quotes_like_neighbours(src, (*loc, "milestones"), "what")
        item = {"when": scalar(parsed.text)} | ({"every": str(every)} if every else {}) \
            | {"what": scalar(what.strip(), quote)}
        plain = {"when": parsed.text} | ({"every": str(every)} if every else {}) \
            | {"what": what.strip()}

        def expect(data: Any) -> None:
            owner = editing.at(data, loc)
            owner["milestones"] = (owner.get("milestones") or []) + [plain]

        number = len(objective.milestones) + 1
        return editing.Change(
            append_item(src, loc, "milestones", item), expect,
            f"{objective.id} #{number} {editing.what_text(what)} added ({parsed.text})",
            f"{objective.id}: milestone #{number} added")

    editing.carry_out(plan, dry_run, make)
