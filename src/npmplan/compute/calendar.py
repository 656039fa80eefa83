"""The calendar appendix as data: a row per objective (its cells, milestone marks, whole
schedule and total), the workload row, and what a filter shows.

    >>> cal = calendar_report(plan, plan.months(), plan.objectives(), now)  # doctest: +SKIP
    >>> [row.total for row in cal.rows][:3], cal.workload.total             # doctest: +SKIP
    ([9, 6, 11], 194)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from npmplan.compute.schedule import Filters, Row, active_months, milestone_counts
from npmplan.compute.workload import Workload, workload
from npmplan.model.dates import Month
from npmplan.model.plan import Kind, Objective, Plan, StrategicObjective


@dataclass(frozen=True, slots=True)
class CalendarRow:
    strategic: StrategicObjective
    objective: Objective
    cells: dict[Month, Kind]  # the months shown that the schedule covers
    milestones: dict[Month, int]  # milestones due in each month shown
    start: Month | None  # the whole schedule's first and last month, even when a window
    end: Month | None  # of months is shown (None: no schedule)

    @property
    def total(self) -> int:
        return len(self.cells)


def calendar_rows(months: list[Month], rows: Iterable[Row]) -> list[CalendarRow]:
    """One row per objective, its cells and milestone marks limited to ``months``."""
    shown = set(months)
    out = []
    for strategic, objective in rows:
        active = active_months(objective)
        cells = {m: k for m, k in active.items() if m in shown}
        period = (min(months), max(months)) if months else (Month(0), Month(-1))
        marks = {m: n for m, n in milestone_counts(objective, period).items() if m in shown}
        first, last = (min(active), max(active)) if active else (None, None)
        out.append(CalendarRow(strategic, objective, cells, marks, first, last))
    return out


@dataclass(frozen=True, slots=True)
class Calendar:
    """Everything one rendering of the calendar shows."""

    title: str
    period: tuple[Month, Month]
    months: list[Month]
    rows: list[CalendarRow]
    workload: Workload  # of the rows shown
    now: Month | None
    filters: Filters

    @property
    def filtered(self) -> str:
        return self.filters.describe()


def calendar_report(plan: Plan, filters: Filters, now: Month | None) -> Calendar:
    """The calendar of the rows and months ``filters`` show (all of them by default)."""
    first, last = filters.months or plan.plan.period
    months = [m for m in plan.months() if first <= m <= last]
    rows = filters.rows(plan)
    return Calendar(plan.plan.title, plan.plan.period, months, calendar_rows(months, rows),
                    workload(months, rows, plan.plan.capacity), now, filters)
