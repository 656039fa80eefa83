"""``npmplan show ID``: one objective in full."""

from __future__ import annotations

from typing import Annotated

import typer

from npmplan.cli.dates import parse_as_of
from npmplan.cli.messages import fail, note
from npmplan.cli.options import PlanOption, StoodAsOfOption, format_option
from npmplan.cli.plans import load_resolved, resolve_plan
from npmplan.render.formats import SHOW


def show(
    objective_id: Annotated[str, typer.Argument(metavar="ID",
                                                help="The objective's id, e.g. 2.4.")],
    plan: PlanOption = None,
    as_of: StoodAsOfOption = None,
    format: str = format_option(SHOW),
) -> None:
    """One objective in full.

    Rationale, outcomes, outputs (web-hosted ones marked), schedule and milestones,
    numbered as #N for the editing commands; with --as-of, as they stood that day (a
    milestone keeps its number).
    """
    from npmplan.cli.past import as_it_stood
    from npmplan.compute.record import numbered_as_of
    from npmplan.compute.show import show_report
    from npmplan.model.dates import Month
    from npmplan.render.record import undated_words
    from npmplan.rules.suggest import unknown_message

    today = parse_as_of(as_of)
    path = resolve_plan(plan)
    model = load_resolved(path)
    found = {obj.id: (so, obj) for so, obj in model.objectives()}
    if objective_id not in found:
        fail(unknown_message("objective", objective_id, list(found)), 2)
    so, objective = found[objective_id]
    stood = as_it_stood(model, path, today)
    numbered = numbered_as_of(objective, today, stood.history) if stood.past else None
    SHOW.emit(format, show_report(model, so, objective, Month.of(today.year, today.month),
                                  numbered))
    if undated := stood.undated([(so, objective)]):
        note(undated_words(undated))
