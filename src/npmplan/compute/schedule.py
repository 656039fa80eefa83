"""The computed figures: active months, workload, calendar rows, due and overdue.

Pure functions of the validated model; the month of interest is always an argument, so
nothing here reads the clock. The definitions are the spec's ("Computed figures"):

- an objective's *active months* are the months its schedule covers; its *row total* is
  their number;
- a month's *workload* is the number of objectives active in it, split by kind;
- a milestone's *window* is the months of ``moved_to`` if set, else ``when``; it is *due*
  in the month its window ends, *in progress* in the months before that, and *overdue*
  after that while ``planned``; a recurring one (``every``) is only ever *recurring*.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from npmplan.model.dates import Month, month_range
from npmplan.model.plan import KINDS, Kind, Milestone, Objective, Plan, StrategicObjective

Row = tuple[StrategicObjective, Objective]


def active_months(objective: Objective) -> dict[Month, Kind]:
    """Month → kind of every month the schedule covers, in month order."""
    cells: dict[Month, Kind] = {}
    for span in objective.schedule:
        for month in month_range(*span.months):
            cells.setdefault(month, span.kind)  # overlaps are an error in checks
    return dict(sorted(cells.items()))


def kind_runs(cells: dict[Month, Kind]) -> list[tuple[Month, Month, Kind]]:
    """Contiguous months of one kind: ``(first, last, kind)`` in month order."""
    out: list[tuple[Month, Month, Kind]] = []
    for month, kind in sorted(cells.items()):
        if out and out[-1][1] == month - 1 and out[-1][2] == kind:
            out[-1] = (out[-1][0], month, kind)
        else:
            out.append((month, month, kind))
    return out


def row_total(objective: Objective) -> int:
    return len(active_months(objective))


def occurrences(milestone: Milestone) -> list[Month]:
    """The months a recurring milestone happens in: every Nth month of its window."""
    window = milestone.effective.window()
    if window is None or not milestone.every:
        return []
    return [Month(m) for m in range(window[0], window[1] + 1, milestone.every)]


@dataclass(frozen=True, slots=True)
class MonthLoad:
    month: Month
    by_kind: dict[Kind, int]
    ids: list[str]

    @property
    def active(self) -> int:
        return len(self.ids)


def workload(months: list[Month], rows: Iterable[Row]) -> list[MonthLoad]:
    """How many objectives are active in each month, by kind, and which."""
    loads = {m: MonthLoad(m, dict.fromkeys(KINDS, 0), []) for m in months}
    for _, objective in rows:
        for month, kind in active_months(objective).items():
            load = loads.get(month)
            if load is not None:
                load.by_kind[kind] += 1
                load.ids.append(objective.id)
    return list(loads.values())


def milestone_counts(objective: Objective) -> dict[Month, int]:
    """Not-cancelled milestones due in each month, each recurrence in its own month."""
    counts: dict[Month, int] = {}
    for milestone in objective.milestones:
        if milestone.status == "cancelled":
            continue
        if milestone.every:
            due_months = occurrences(milestone)
        else:
            window = milestone.effective.window()
            due_months = [window[1]] if window else []
        for month in due_months:
            counts[month] = counts.get(month, 0) + 1
    return counts


@dataclass(frozen=True, slots=True)
class CalendarRow:
    strategic: StrategicObjective
    objective: Objective
    cells: dict[Month, Kind]
    milestones: dict[Month, int]

    @property
    def total(self) -> int:
        return len(self.cells)


def calendar_rows(months: list[Month], rows: Iterable[Row]) -> list[CalendarRow]:
    """One row per objective, its cells and milestone marks limited to ``months``."""
    shown = set(months)
    out = []
    for strategic, objective in rows:
        cells = {m: k for m, k in active_months(objective).items() if m in shown}
        marks = {m: n for m, n in milestone_counts(objective).items() if m in shown}
        out.append(CalendarRow(strategic, objective, cells, marks))
    return out


# --- due -----------------------------------------------------------------------------

SECTIONS = ("overdue", "due", "in_progress", "recurring", "ongoing", "tbc")


@dataclass(frozen=True, slots=True)
class DueItem:
    strategic: StrategicObjective
    objective: Objective
    milestone: Milestone
    window: tuple[Month, Month] | None
    months_overdue: int = 0


@dataclass(slots=True)
class DueReport:
    month: Month
    sections: dict[str, list[DueItem]] = field(default_factory=dict)
    next_month: list[DueItem] = field(default_factory=list)


def classify(milestone: Milestone, objective: Objective, month: Month) -> str | None:
    """Which section of the ``month`` stand-up a milestone belongs in, if any."""
    if milestone.status == "cancelled":
        return None
    when = milestone.effective
    if when.kind == "tbc":
        return "tbc"
    if when.kind == "ongoing":
        return "ongoing" if month in active_months(objective) else None
    if milestone.every:
        return "recurring" if month in occurrences(milestone) else None
    first, last = when.window() or (month, month)
    if last == month:
        return "due"
    if first <= month < last:
        return "in_progress"
    if last < month and milestone.status == "planned":
        return "overdue"
    return None


def due_report(month: Month, rows: Iterable[Row]) -> DueReport:
    report = DueReport(month, {name: [] for name in SECTIONS})
    following = month.shift(1)
    for strategic, objective in rows:
        for milestone in objective.milestones:
            section = classify(milestone, objective, month)
            window = milestone.effective.window()
            if section is not None:
                late = month - window[1] if section == "overdue" and window else 0
                report.sections[section].append(
                    DueItem(strategic, objective, milestone, window, late))
            if (window and not milestone.every and window[1] == following
                    and milestone.status == "planned"):
                report.next_month.append(DueItem(strategic, objective, milestone, window))
    report.sections["overdue"].sort(key=lambda item: -item.months_overdue)
    return report


def select(plan: Plan, strategic: str | None = None, priority: str | None = None,
           lead: str | None = None) -> list[Row]:
    """The objectives a filtered report shows; ``None`` means no filter on that field.

    ``priority`` ``"none"`` selects objectives whose priority the plan does not state.
    """
    rows = []
    for so, objective in plan.objectives():
        if strategic is not None and so.id != strategic:
            continue
        if priority is not None and (objective.priority or "none") != priority:
            continue
        if lead is not None and lead not in objective.leads:
            continue
        rows.append((so, objective))
    return rows
