"""The workload: how many objectives are active in each month, by kind, and which months are
over capacity. The one owner of those figures; ``check``, every report and every export
read them from here.

    >>> report = workload_report(plan, plan.objectives())   # doctest: +SKIP
    >>> [load.active for load in report.loads][:3], report.total   # doctest: +SKIP
    ([8, 11, 17], 194)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from npmplan.compute.schedule import Row, active_months
from npmplan.model.dates import Month
from npmplan.model.plan import KINDS, Kind, Plan


def over_capacity(count: int, capacity: int | None) -> bool:
    """The one definition of "over capacity": strictly more than the capacity set."""
    return capacity is not None and count > capacity


@dataclass(frozen=True, slots=True)
class MonthLoad:
    month: Month
    by_kind: dict[Kind, int]
    ids: list[str]
    over: bool = False  # over the capacity the loads were computed against

    @property
    def active(self) -> int:
        return len(self.ids)


def month_loads(months: list[Month], rows: Iterable[Row],
                capacity: int | None = None) -> list[MonthLoad]:
    """How many objectives are active in each month, by kind, and which; ``over`` is set
    against ``capacity``."""
    by_kind = {m: dict.fromkeys(KINDS, 0) for m in months}
    ids: dict[Month, list[str]] = {m: [] for m in months}
    for _, objective in rows:
        for month, kind in active_months(objective).items():
            if month in by_kind:
                by_kind[month][kind] += 1
                ids[month].append(objective.id)
    return [MonthLoad(m, by_kind[m], ids[m], over_capacity(len(ids[m]), capacity))
            for m in months]


@dataclass(frozen=True, slots=True)
class Workload:
    """Every figure a workload row or table shows."""

    loads: list[MonthLoad]
    capacity: int | None
    total: int  # the grand total: the sum of the months' counts
    by_kind: dict[Kind, int]  # each kind's total over the months

    @property
    def peak(self) -> int:
        return max((load.active for load in self.loads), default=0)


def workload(months: list[Month], rows: Iterable[Row], capacity: int | None = None) -> Workload:
    loads = month_loads(months, rows, capacity)
    return Workload(loads, capacity, sum(load.active for load in loads),
                    {kind: sum(load.by_kind[kind] for load in loads) for kind in KINDS})


@dataclass(frozen=True, slots=True)
class WorkloadReport:
    """``npmplan workload``: the plan's workload, perhaps without one priority."""

    title: str
    workload: Workload
    without_priority: str | None = None

    @property
    def heading(self) -> str:
        return (f"Monthly workload without {self.without_priority} objectives"
                if self.without_priority else "Monthly workload")


def workload_report(plan: Plan, rows: Iterable[Row],
                    without_priority: str | None = None) -> WorkloadReport:
    return WorkloadReport(plan.plan.title, workload(plan.months(), rows, plan.plan.capacity),
                          without_priority)
