"""``npmplan schedule``: set an objective's schedule, its row of the calendar
(``write.schedule.set_schedule``; see ``write.transaction`` for how every edit is made,
checked and written)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, cast

import typer

from npmplan.cli.editing import DryRunOption, IdArgument, carry_out
from npmplan.cli.messages import fail
from npmplan.cli.options import PlanOption, choice_option

if TYPE_CHECKING:
    from npmplan.model.dates import Month
    from npmplan.model.plan import Kind

KINDS = ("active", "meetings", "production")
SPAN_FORMS = "a month or a range of months, e.g. 2027-06 or 2027-06..2027-12"


def schedule(
    objective_id: IdArgument,
    spans: Annotated[list[str] | None, typer.Argument(
        metavar="SPAN", show_default=False,
        help="The whole schedule: months or ranges as the plan writes them, e.g. "
             "2027-06..2027-12 2028-03. They replace the spans it had.")] = None,
    kind: str = choice_option(
        ("--kind",), KINDS, "What the months are: active work, meetings or production.",
        "active"),
    add: Annotated[list[str] | None, typer.Option(
        "--add", metavar="SPAN", show_default=False,
        help="Add these months (of --kind) to the schedule, keeping the rest.")] = None,
    remove: Annotated[list[str] | None, typer.Option(
        "--remove", metavar="SPAN", show_default=False,
        help="Take these months out of the schedule, keeping the rest.")] = None,
    plan: PlanOption = None,
    dry_run: DryRunOption = False,
) -> None:
    """Set an objective's schedule: its row of the calendar.

    Give the whole schedule (npmplan schedule 2.4 2027-06..2027-12 2028-03), or change it
    by a span (npmplan schedule 2.4 --add 2028-01..2028-03 --kind meetings; --remove
    2027-08). Months must lie within the plan period. Undo is git; --dry-run shows the
    change and writes nothing.
    """
    from npmplan.write.schedule import ScheduleEdit, set_schedule

    if spans and (add or remove):
        fail("give the whole schedule as SPAN arguments, or change it with --add or "
             "--remove, not both", 2)
    if not spans and not add and not remove:
        fail(f"say which months: the whole schedule (e.g. npmplan schedule {objective_id} "
             f"2027-06..2027-12), or --add SPAN or --remove SPAN", 2)
    asked = ScheduleEdit(_spans("SPAN", spans) if spans else None, _spans("--add", add),
                         _spans("--remove", remove), cast("Kind", kind))
    carry_out(plan, dry_run, set_schedule(objective_id, asked))


def _spans(name: str, texts: list[str] | None) -> list[tuple[Month, Month]]:
    """Each text as a span; a usage error (exit 2) that names a bad one."""
    from npmplan.model.dates import parse_months

    out = []
    for text in texts or []:
        if not text.strip():
            fail(f"{name} is empty; write {SPAN_FORMS}", 2)
        try:
            out.append(parse_months(text))
        except ValueError as exc:
            fail(f"{name}: {exc}", 2)
    return out
