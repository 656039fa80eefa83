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

from dataclasses import dataclass

from npmplan.model.dates import Month, month_range
from npmplan.model.plan import (
    PRIORITIES,
    Kind,
    Milestone,
    Objective,
    Plan,
    StrategicObjective,
)

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


def occurrences(milestone: Milestone, period: tuple[Month, Month]) -> list[Month]:
    """The months of ``period`` a recurring milestone happens in: every Nth month of its
    window, counted from the window's start. Never more than the period's months, whatever
    the window (``1900-01..2999-12, every: 1`` is twelve months in a one-year plan)."""
    return [Month(m) for m in _occurrence_range(milestone, period)]


def occurrence_count(milestone: Milestone, period: tuple[Month, Month]) -> int:
    """``len(occurrences(...))``, counted, not listed."""
    return len(_occurrence_range(milestone, period))


def _occurrence_range(milestone: Milestone, period: tuple[Month, Month]) -> range:
    window = milestone.effective.window()
    if window is None or not milestone.every or milestone.every < 1:
        return range(0)
    step = milestone.every
    start = int(max(window[0], period[0]))
    start += -(start - window[0]) % step  # the first occurrence on or after the period's start
    return range(start, min(window[1], period[1]) + 1, step)


def recurs_in(milestone: Milestone, month: Month) -> bool:
    """Does a recurring milestone happen in ``month``? (Arithmetic: nothing is expanded.)"""
    window = milestone.effective.window()
    if window is None or not milestone.every:
        return False
    return window[0] <= month <= window[1] and (month - window[0]) % milestone.every == 0


def quarterly(milestone: Milestone) -> bool:
    """Once a quarter, on months not fixed (``when: quarterly``)."""
    return milestone.effective.kind == "quarterly"


def series_months(milestone: Milestone, period: tuple[Month, Month]) -> list[Month] | None:
    """The months that name the occurrences of a recurring milestone: each occurrence's
    month (``every``), or the first month of each quarter of the plan period
    (``quarterly``). None for a milestone that does not recur."""
    if quarterly(milestone):
        return [Month(m) for m in range(period[0], period[1] + 1, 3)]
    if milestone.every:
        return occurrences(milestone, period)
    return None


def occurrence_slot(milestone: Milestone, month: Month,
                    period: tuple[Month, Month]) -> Month | None:
    """The occurrence of the series that ``month`` names, as its ``series_months`` month;
    None when ``month`` names none. For a quarterly milestone any month of a plan quarter
    names that quarter's occurrence."""
    if not period[0] <= month <= period[1]:
        return None
    if quarterly(milestone):
        return Month(month - (month - period[0]) % 3)
    return month if milestone.every and recurs_in(milestone, month) else None


def milestone_counts(objective: Objective, period: tuple[Month, Month]) -> dict[Month, int]:
    """Not-cancelled milestones due in each month, each recurrence of ``period`` in its own
    month (a meeting cancelled is not counted, a meeting moved is counted where it went)."""
    counts: dict[Month, int] = {}
    for milestone in objective.milestones:
        if milestone.status == "cancelled":
            continue
        if milestone.every:
            due_months = _meeting_months(milestone, period)
        else:
            window = milestone.effective.window()
            due_months = [window[1]] if window else []
        for month in due_months:
            counts[month] = counts.get(month, 0) + 1
    return counts


def _meeting_months(milestone: Milestone, period: tuple[Month, Month]) -> list[Month]:
    """The months a series meets in, as its occurrence records leave them."""
    records = {occurrence_slot(milestone, record.month, period): record
               for record in milestone.occurrences}
    months = []
    for month in occurrences(milestone, period):
        record = records.get(month)
        if record is None or record.status != "cancelled":
            months.append(record.moved_to if record and record.moved_to else month)
    return months


PRIORITY_CHOICES = (*PRIORITIES, "none")  # a priority filter's values ("none": not stated)


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


@dataclass(frozen=True, slots=True)
class Filters:
    """What a filtered report shows: the one place filters become rows and words."""

    strategic: str | None = None
    priority: str | None = None  # "none": not stated
    lead: str | None = None
    months: tuple[Month, Month] | None = None  # a window of months shown (calendar)

    def rows(self, plan: Plan) -> list[Row]:
        return select(plan, self.strategic, self.priority, self.lead)

    def as_dict(self) -> dict[str, str]:
        """``{"strategic": "2", "lead": "mk"}``: the filters that are on."""
        out = {"strategic": self.strategic, "priority": self.priority, "lead": self.lead,
               "months": f"{self.months[0]}..{self.months[1]}" if self.months else None}
        return {name: value for name, value in out.items() if value is not None}

    def json_shape(self) -> dict[str, str | None]:
        """Every filter, null when not used (``calendar --format json``'s ``filters``)."""
        first, last = self.months or (None, None)
        return {"strategic": self.strategic, "priority": self.priority, "lead": self.lead,
                "from": str(first) if first else None, "to": str(last) if last else None}

    def describe(self) -> str:
        """``strategic objective 2, lead mk``; "" when no filter is on."""
        return ", ".join(WORDS[name].format(value) for name, value in self.as_dict().items())


WORDS = {"strategic": "strategic objective {}", "priority": "priority {}", "lead": "lead {}",
         "months": "{}"}
