"""``npmplan status``: how far the plan has got, as of a date, per objective.

Every milestone falls in exactly one of four counts, in the month of ``--as-of`` (M):

- **done**: ``status: done``;
- **overdue**: planned, and its window ended before M (``due.classify``, the same rule as
  ``npmplan due``; an ``ongoing`` or ``tbc`` one is never overdue);
- **planned**: planned and not overdue (due in M or later, ongoing or tbc);
- **cancelled**: ``status: cancelled``; it counts nowhere else.

A recurring milestone counts one occurrence at a time, each with its own state
(``compute.record``), as ``due`` and ``report`` count it.

**Delivered** is ``delivered / due``: *due* counts the milestones whose effective window
(``moved_to`` if set, else ``when``) ends in or before M, leaving out cancelled ones and
undated ones (ongoing, tbc); *delivered* counts those of them that are done. A milestone
done ahead of its month is counted under done but not in the share, so
the share never exceeds 100%. With nothing due yet the share is ``None`` (shown as "–").

**Slip** is the sum, over milestones not cancelled that have a ``moved_to``, of the months
by which the end of ``moved_to`` lies after the end of the baseline ``when``, counting
later moves only: a milestone brought forward does not make up for one that slipped.
``moved`` counts the milestones (not cancelled) that have a ``moved_to``.

    >>> report = status_report(plan.objectives(), date(2026, 11, 27), plan.plan.period)
    ... # doctest: +SKIP
    >>> report.total.share                                               # doctest: +SKIP
    0.25
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from datetime import date

from npmplan.compute.due import classify
from npmplan.compute.record import Entry, entries
from npmplan.compute.schedule import Row
from npmplan.model.dates import Month
from npmplan.model.plan import Milestone, Objective, StrategicObjective


@dataclass(slots=True)
class Tally:
    done: int = 0
    planned: int = 0
    overdue: int = 0
    cancelled: int = 0
    due: int = 0  # due by the month, dated, not cancelled
    delivered: int = 0  # of those, done
    slip: int = 0  # months, later moves only
    moved: int = 0

    @property
    def total(self) -> int:
        return self.done + self.planned + self.overdue + self.cancelled

    @property
    def share(self) -> float | None:
        return self.delivered / self.due if self.due else None

    def add(self, other: Tally) -> None:
        for each in fields(self):
            setattr(self, each.name, getattr(self, each.name) + getattr(other, each.name))


@dataclass(frozen=True, slots=True)
class ObjectiveStatus:
    objective: Objective
    tally: Tally


@dataclass(slots=True)
class StrategicStatus:
    strategic: StrategicObjective
    objectives: list[ObjectiveStatus] = field(default_factory=list)
    tally: Tally = field(default_factory=Tally)


@dataclass(frozen=True, slots=True)
class StatusReport:
    as_of: date
    month: Month
    strategic: list[StrategicStatus]
    total: Tally
    title: str = ""
    undated: int = 0  # changes that carry no date, counted as made before the period


def count(entry: Entry, objective: Objective, month: Month, tally: Tally) -> None:
    """Add one milestone (or occurrence) to ``tally`` as of ``month`` (the module
    docstring's rules)."""
    milestone = entry.milestone
    if milestone.status == "cancelled":
        tally.cancelled += 1
        return
    if milestone.status == "done":
        tally.done += 1
    elif classify(milestone, objective, month, entry.occurrence is not None) == "overdue":
        tally.overdue += 1  # as the stand-up says it
    else:
        tally.planned += 1
    window = milestone.effective.window()
    if window is not None and window[1] <= month:
        tally.due += 1
        tally.delivered += milestone.status == "done"
    if milestone.moved_to is not None:
        tally.moved += 1
        tally.slip += max(0, slip(milestone))


def slip(milestone: Milestone) -> int:
    """Months from the end of the baseline ``when`` to the end of ``moved_to`` (0: unknown)."""
    baseline = milestone.when.window()
    moved = milestone.moved_to.window() if milestone.moved_to else None
    return moved[1] - baseline[1] if baseline and moved else 0


def tally_objective(objective: Objective, month: Month, period: tuple[Month, Month]) -> Tally:
    tally = Tally()
    for entry in entries(objective, period):
        count(entry, objective, month, tally)
    return tally


def status_report(rows: Iterable[Row], as_of: date, period: tuple[Month, Month],
                  title: str = "", undated: int = 0) -> StatusReport:
    """Per strategic objective and objective, in plan order, and the totals. ``rows`` are
    of the plan as it stood on ``as_of`` (``compute.record.plan_as_of``), ``undated`` what
    it could not date."""
    month = Month.of(as_of.year, as_of.month)
    groups: dict[str, StrategicStatus] = {}
    total = Tally()
    for strategic, objective in rows:
        group = groups.setdefault(strategic.id, StrategicStatus(strategic))
        tally = tally_objective(objective, month, period)
        group.objectives.append(ObjectiveStatus(objective, tally))
        group.tally.add(tally)
        total.add(tally)
    return StatusReport(as_of, month, list(groups.values()), total, title, undated)
