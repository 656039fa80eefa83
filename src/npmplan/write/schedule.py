"""``npmplan schedule``: an objective's schedule (its row of the calendar), set whole or
changed by one span, as a ``Make`` for ``transaction.edit``.

The schedule is worked on as its cells (month → kind), then written as its runs of one
kind (``compute.schedule.kind_runs``): ``--add`` gives its months the kind (a month of
another kind takes the new one), ``--remove`` takes its months out. A span written as it
was (same months and kind) keeps its line, comment and all.

    >>> make = set_schedule("2.4", ScheduleEdit(add=[(Month.of(2027, 1), Month.of(2027, 3))]))
    >>> # doctest: +SKIP
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from npmplan.errors import UsageError
from npmplan.model.dates import Month, month_range, range_text
from npmplan.write.changes import at, objective_at
from npmplan.write.transaction import Change, Make

if TYPE_CHECKING:
    from npmplan.model.plan import Kind, Objective, Plan
    from npmplan.write.edit import Loc, Source

Span = tuple[Month, Month]
Run = tuple[Month, Month, "Kind"]


@dataclass(frozen=True, slots=True)
class ScheduleEdit:
    """What the command line asks: the whole schedule (``spans``), or spans to add and to
    remove; every span given gets ``kind``."""

    spans: list[Span] | None = None
    add: list[Span] = field(default_factory=list)
    remove: list[Span] = field(default_factory=list)
    kind: Kind = "active"


def set_schedule(objective_id: str, asked: ScheduleEdit) -> Make:
    def make(model: Plan, src: Source) -> Change:
        from npmplan.compute.schedule import active_months, kind_runs

        loc, objective = objective_at(model, objective_id)
        for span in [*(asked.spans or []), *asked.add, *asked.remove]:
            _within(span, model.plan.period, objective.id)
        before = kind_runs(active_months(objective))
        cells = _cells(objective, asked)
        runs = kind_runs(cells)
        splices, written = _splices(src, (*loc, "schedule"), objective, runs)

        def expect(data: Any) -> None:
            at(data, loc)["schedule"] = written

        return Change(splices, expect,
                      f"{objective.id}'s schedule is {describe(runs)} (was: {describe(before)})",
                      f"{objective.id}: schedule {describe(runs)}")

    return make


def _within(span: Span, period: Span, objective_id: str) -> None:
    if span[0] < period[0] or span[1] > period[1]:
        raise UsageError(f"{range_text(*span)} is outside the plan period "
                         f"{range_text(*period)}: {objective_id}'s schedule can only hold "
                         "months of the plan's year; give months within it")


def _cells(objective: Objective, asked: ScheduleEdit) -> dict[Month, Kind]:
    from npmplan.compute.schedule import active_months

    if asked.spans is not None:
        return {m: asked.kind for span in asked.spans for m in month_range(*span)}
    cells = active_months(objective)
    for span in asked.remove:
        months = month_range(*span)
        if not any(m in cells for m in months):
            raise UsageError(f"{range_text(*span)} is not in {objective.id}'s schedule ("
                             f"{describe(_runs(cells))}), so there is nothing to remove; "
                             "give months that are in it")
        for month in months:
            cells.pop(month, None)
    for span in asked.add:
        cells.update((m, asked.kind) for m in month_range(*span))
    return cells


def _runs(cells: dict[Month, Kind]) -> list[Run]:
    from npmplan.compute.schedule import kind_runs

    return kind_runs(cells)


def describe(runs: list[Run]) -> str:
    """"2026-05 production, 2026-06..2027-03 meetings", "2027-04..2028-03"; "empty"."""
    return ", ".join(range_text(first, last) + ("" if kind == "active" else f" {kind}")
                     for first, last, kind in runs) or "empty"


def _splices(src: Source, loc: Loc, objective: Objective,
             runs: list[Run]) -> tuple[list[tuple[int, int, str]], list[Any]]:
    """The splices that write ``runs``, and the data they load as. A run that is a span the
    schedule has already (same months, same kind) keeps its line as it was."""
    from npmplan.write.edit import flow_map
    from npmplan.write.lists import item_lines, set_list

    lines = item_lines(src, loc)
    old = {(span.months[0], span.months[1], span.kind): k
           for k, span in enumerate(objective.schedule)}
    items: list[str] = []
    written: list[Any] = []
    for first, last, kind in runs:
        k = old.get((first, last, kind))
        line = lines[k] if k is not None and k < len(lines) else None
        if k is not None and line is not None:
            items.append(line)
            written.append(src.data_at((*loc, k)))
            continue
        fields = {"months": range_text(first, last)} | ({} if kind == "active"
                                                         else {"kind": kind})
        items.append(flow_map(fields))
        written.append(fields)
    return set_list(src, loc[:-1], "schedule", items) + _mark(src, loc[:-1]), written


# What ``npmplan new`` writes above a schedule it carried (or emptied): once the schedule
# is set, the mark is done with, so it goes.
MARKS = ("# Review: schedule carried from ", "# Schedule: redo from ")


def _mark(src: Source, parent: Loc) -> list[tuple[int, int, str]]:
    """The splice that removes ``new``'s mark, the comment lines right above the
    ``schedule:`` key from the one that starts with a ``MARKS`` text; none without it."""
    from npmplan.read.loader import MapNode

    owner = src.node_at(parent)
    if not isinstance(owner, MapNode) or "schedule" not in owner.keys:
        return []
    key_line = src.line_of(src.offset(owner.keys["schedule"]))
    line = key_line
    while line > 0 and _text_of(src, line - 1).lstrip().startswith("#"):
        line -= 1
        if _text_of(src, line).lstrip().startswith(MARKS):
            return [(src.starts[line], src.starts[key_line], "")]
    return []


def _text_of(src: Source, line: int) -> str:
    end = src.starts[line + 1] if line + 1 < len(src.starts) else len(src.text)
    return src.text[src.starts[line]:end]
