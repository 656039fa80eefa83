"""The stand-up of a month as data: what is overdue, due, in progress, recurring, ongoing,
to be confirmed, and due next month, with every milestone's window and months overdue.

A milestone's *window* is the months of ``moved_to`` if set, else ``when``; it is *due* in
the month its window ends, *in progress* in the months before that, and *overdue* after
that while ``planned``; a recurring one (``every``) is only ever *recurring*.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from npmplan.compute.schedule import Row, active_months, recurs_in
from npmplan.model.dates import Month
from npmplan.model.plan import Milestone, Objective, StrategicObjective

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
    title: str = ""
    filtered: str = ""  # what a filter shows, in words; "" when nothing is filtered


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
        return "recurring" if recurs_in(milestone, month) else None
    first, last = when.window() or (month, month)
    if last == month:
        return "due"
    if first <= month < last:
        return "in_progress"
    if last < month and milestone.status == "planned":
        return "overdue"
    return None


def months_overdue(milestone: Milestone, month: Month) -> int:
    """How many months past the end of its window a milestone is in ``month`` (0: not
    late). The one definition: ``due``, ``show``, ``status`` and the exports use it."""
    window = milestone.effective.window()
    return max(month - window[1], 0) if window else 0


def due_report(month: Month, rows: Iterable[Row], title: str = "",
               filtered: str = "") -> DueReport:
    report = DueReport(month, {name: [] for name in SECTIONS}, title=title, filtered=filtered)
    following = month.shift(1)
    for strategic, objective in rows:
        for milestone in objective.milestones:
            section = classify(milestone, objective, month)
            window = milestone.effective.window()
            if section is not None:
                late = months_overdue(milestone, month) if section == "overdue" else 0
                report.sections[section].append(
                    DueItem(strategic, objective, milestone, window, late))
            if (window and not milestone.every and window[1] == following
                    and milestone.status == "planned"):
                report.next_month.append(DueItem(strategic, objective, milestone, window))
    report.sections["overdue"].sort(key=lambda item: -item.months_overdue)
    return report


