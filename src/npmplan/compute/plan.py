"""The figures of the whole plan (``npmplan export json``): each objective's active months,
total and milestone counts, and the plan's workload."""

from __future__ import annotations

from dataclasses import dataclass

from npmplan.compute.schedule import active_months, milestone_counts
from npmplan.compute.workload import Workload, workload
from npmplan.model.dates import Month
from npmplan.model.plan import Kind, Plan


@dataclass(frozen=True, slots=True)
class ObjectiveFigures:
    cells: dict[Month, Kind]  # every month the schedule covers
    milestones: dict[Month, int]  # not-cancelled milestones due in each month

    @property
    def total(self) -> int:
        return len(self.cells)


@dataclass(frozen=True, slots=True)
class PlanFigures:
    plan: Plan
    objectives: dict[str, ObjectiveFigures]  # by objective id
    workload: Workload


def plan_figures(plan: Plan) -> PlanFigures:
    return PlanFigures(
        plan,
        {obj.id: ObjectiveFigures(active_months(obj),
                                  dict(sorted(milestone_counts(obj, plan.plan.period).items())))
         for _, obj in plan.objectives()},
        workload(plan.months(), plan.objectives(), plan.plan.capacity))
