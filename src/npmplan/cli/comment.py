"""``npmplan comment``: an objective's commentary, next steps and rating for a quarter
(``write.comment``; see ``write.transaction`` for how every edit is made, checked and
written)."""

from __future__ import annotations

from typing import Annotated

import typer

from npmplan.cli.editing import (
    DryRunOption,
    IdArgument,
    OnOption,
    carry_out,
    check_text,
    on_day,
)
from npmplan.cli.options import PlanOption, choice_option


def comment(
    objective_id: IdArgument,
    quarter: Annotated[str, typer.Option(
        "--quarter", "-q", metavar="N|YYYY-MM", show_default=False,
        help="The plan quarter it is about: N (Q2 of 2026-27 is July to September 2026) or "
             "a month in it (2026-08).")] = "",
    text: Annotated[str, typer.Option(
        "--text", metavar="TEXT", show_default=False,
        help="The commentary: progress, and actions planned or taken.")] = "",
    next_steps: Annotated[str | None, typer.Option(
        "--next", metavar="TEXT", show_default=False,
        help="Next steps for the coming quarter.")] = None,
    rag: str | None = choice_option(
        ("--rag",), ("red", "amber", "green", "complete"),
        help="The rating you give for the quarter; it replaces the computed one in the "
             "report (leave it out to keep the computed rating)."),
    on: OnOption = None,
    plan: PlanOption = None,
    dry_run: DryRunOption = False,
) -> None:
    """Write an objective's commentary for a quarter.

    Commentary, next steps and (optionally) the rating, with the day it was written
    (--on, default today); a second comment for the same quarter replaces the first. The
    report shows it beside the rating, with the trend against last quarter. Example:
    npmplan comment 2.4 --quarter 2 --text "Visits on track" --next "Draft report" --rag
    green. Undo is git; --dry-run shows the change and writes nothing.
    """
    from npmplan.cli.messages import fail
    from npmplan.write.comment import write_comment

    if not quarter.strip():
        fail("say which quarter with --quarter, e.g. --quarter 2 (July to September 2026 "
             "for the 2026-27 plan) or --quarter 2026-08", 2)
    check_text("--text", text)
    if next_steps is not None:
        check_text("--next", next_steps)
    day, _ = on_day(on)
    carry_out(plan, dry_run, write_comment(objective_id, quarter, text, next_steps, rag, day))
