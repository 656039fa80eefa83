"""The record of the year: what the reports count, and the plan as it stood on a past day.

- **Entries.** A report counts milestones, and a recurring milestone (``every``, or
  ``when: quarterly``) one occurrence at a time: each occurrence stands in as a milestone of
  its own month (a quarterly one: its plan quarter, in quarters its objective is active),
  with the state its record gives (``occurrences:``), else the series' own status. So a
  past occurrence neither done nor cancelled is overdue like any other milestone.
- **As of a day.** Every change of state is dated (``done_on``, ``cancelled_on``,
  ``moved_on``, ``added_on``). ``as_of`` undoes the changes dated after a day, so that a
  report for that day is the report as it stood then. A change without a date counts as
  made before the period; ``undated`` counts them, for the report to say so.

Pure functions: the day is an argument, nothing reads the clock or git (``versions`` fills
in the dates that only git history knows, before these run).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from npmplan.compute.schedule import active_months, occurrence_slot, quarterly, series_months
from npmplan.model.dates import Month, When, range_text
from npmplan.model.plan import Milestone, Objective, Occurrence, Plan


@dataclass(frozen=True, slots=True)
class Entry:
    """A milestone as the reports count it: a milestone, or one occurrence of a series."""

    milestone: Milestone  # the milestone, or a stand-in for the occurrence (its own month)
    occurrence: Month | None = None  # the occurrence's month in its series
    series: Milestone | None = None  # the series an occurrence belongs to


def entries(objective: Objective, period: tuple[Month, Month]) -> list[Entry]:
    """Every milestone of ``objective``, each recurring one as its occurrences, in order."""
    out: list[Entry] = []
    for milestone in objective.milestones:
        months = series_months(milestone, period)
        if months is None:
            out.append(Entry(milestone))
        else:
            out += occurrence_entries(milestone, objective, period, months)
    return out


def occurrence_entries(milestone: Milestone, objective: Objective, period: tuple[Month, Month],
                       months: list[Month] | None = None) -> list[Entry]:
    """The occurrences of a recurring milestone within ``period``, each with its state."""
    months = series_months(milestone, period) if months is None else months
    if not months:
        return []
    records = {occurrence_slot(milestone, record.month, period): record
               for record in milestone.occurrences}
    if quarterly(milestone):
        active = active_months(objective)
        months = [m for m in months if not active or any(Month(m + k) in active
                                                         for k in range(3))]
    return [Entry(_stand_in(milestone, month, _window(milestone, month, period),
                            records.get(month)), month, milestone)
            for month in months]


def _window(milestone: Milestone, month: Month, period: tuple[Month, Month]) -> When:
    if quarterly(milestone):
        last = Month(min(month + 2, period[1]))
        return When(range_text(month, last), "range", month, last)
    return When(str(month), "month", month, month)


def _stand_in(series: Milestone, month: Month, when: When,
              record: Occurrence | None) -> Milestone:
    """The occurrence as a milestone: the series' words, its own month and state. (Built
    without validation: every value comes from a validated plan.)"""
    state: dict[str, Any] = {"status": series.status, "done_on": series.done_on,
                             "cancelled_on": series.cancelled_on, "note": series.note}
    if record is not None:
        moved = (When(str(record.moved_to), "month", record.moved_to, record.moved_to)
                 if record.moved_to is not None else None)
        state = {"status": record.status, "done_on": record.done_on,
                 "cancelled_on": record.cancelled_on, "moved_to": moved,
                 "moved_on": record.moved_on, "note": record.note or series.note}
    return Milestone.model_construct(what=series.what, when=when, **state)


# As of a day ----------------------------------------------------------------------------

def _after(day: date | None, as_of: date) -> bool:
    return day is not None and day > as_of


def _done_after(done_on: When | None, as_of: date) -> bool:
    """Done after ``as_of``: a day after it, or a month after its month."""
    if done_on is None:
        return False
    if done_on.day is not None:
        return done_on.day > as_of
    return done_on.first is not None and done_on.first > Month.of(as_of.year, as_of.month)


def _undone(record: Milestone | Occurrence, as_of: date) -> dict[str, Any]:
    """The changes to undo in ``record`` for it to stand as it did at the end of ``as_of``."""
    update: dict[str, Any] = {}
    if record.status == "done" and _done_after(record.done_on, as_of):
        update |= {"status": "planned", "done_on": None}
    if record.status == "cancelled" and _after(record.cancelled_on, as_of):
        update |= {"status": "planned", "cancelled_on": None}
    if record.moved_to is not None and _after(record.moved_on, as_of):
        update |= {"moved_to": None, "moved_on": None}
    return update


def milestone_as_of(milestone: Milestone, day: date) -> Milestone | None:
    """``milestone`` as it stood at the end of ``day``; None if it was added after it."""
    if _after(milestone.added_on, day):
        return None
    update = _undone(milestone, day)
    records = [r.model_copy(update=_undone(r, day)) for r in milestone.occurrences]
    if any(r != old for r, old in zip(records, milestone.occurrences, strict=True)):
        update["occurrences"] = records
    return milestone.model_copy(update=update) if update else milestone


def plan_as_of(plan: Plan, day: date) -> Plan:
    """The plan as it stood at the end of ``day``, as far as its dates tell."""
    strategic = []
    for so in plan.strategic_objectives:
        objectives = []
        for objective in so.objectives:
            kept = [m for m in (milestone_as_of(m, day) for m in objective.milestones)
                    if m is not None]
            objectives.append(objective.model_copy(update={"milestones": kept}))
        strategic.append(so.model_copy(update={"objectives": objectives}))
    return plan.model_copy(update={"strategic_objectives": strategic})


def _undated(record: Milestone | Occurrence) -> int:
    return ((record.status == "done" and record.done_on is None)
            + (record.status == "cancelled" and record.cancelled_on is None)
            + (record.moved_to is not None and record.moved_on is None))


def undated(milestones: Iterable[Milestone]) -> int:
    """How many changes of state carry no date (a hand edit git could not date): they count
    as made before the period."""
    return sum(_undated(m) + sum(_undated(r) for r in m.occurrences) for m in milestones)
