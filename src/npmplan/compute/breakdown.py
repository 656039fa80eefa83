"""The workload broken down by lead, strategic objective or priority (``workload --by``).

A group's count in a month is the number of its objectives active in that month (the
spec's workload, per group):

- ``lead``: one group per team member, in team order, counting the objectives whose
  ``leads`` name them; an objective with several leads counts once for each. Objectives
  with no leads make a "(no lead)" group (shown only when there are some). A member whose
  count in a month is above their ``capacity`` is *over* in that month.
- ``strategic``: one group per strategic objective, in plan order (all of them, so that
  one emptied by ``without_priority`` shows as zeros).
- ``priority``: core, standard, funding-dependent, then "(not stated)", each only when some
  objective has it.

``without_priority`` (``funding-dependent``, or ``none`` for "not stated") leaves those
objectives out first: the year as it looks if the funding does not come. ``loads`` is the
plain workload of the objectives kept; for ``lead`` it is less than the sum of the groups
whenever an objective has several leads.

    >>> result = workload_by(plan, plan.objectives(), "lead")   # doctest: +SKIP
    >>> [(g.name, g.count(Month.of(2026, 9)), g.over(Month.of(2026, 9)))
    ...  for g in result.groups]                                 # doctest: +SKIP
    [('Martin Kettle', 4, True), ('(no lead)', 12, False)]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from npmplan.compute.schedule import PRIORITY_CHOICES as PRIORITY_CHOICES
from npmplan.compute.schedule import Row, active_months
from npmplan.compute.workload import Workload, over_capacity, workload
from npmplan.model.dates import Month
from npmplan.model.plan import PRIORITIES, Objective, Plan, StrategicObjective

By = Literal["lead", "strategic", "priority"]
BY: tuple[By, ...] = ("lead", "strategic", "priority")
NO_LEAD = "(no lead)"
NOT_STATED = "(not stated)"


@dataclass(frozen=True, slots=True)
class Group:
    key: str | None  # team id, strategic objective id or priority; None: no lead / not stated
    name: str
    capacity: int | None
    ids: dict[Month, list[str]]  # the objectives counted in each month

    def count(self, month: Month) -> int:
        return len(self.ids.get(month, []))

    def over(self, month: Month) -> bool:
        return over_capacity(self.count(month), self.capacity)

    @property
    def total(self) -> int:
        return sum(len(ids) for ids in self.ids.values())

    def over_months(self) -> list[Month]:
        return [month for month in self.ids if self.over(month)]


@dataclass(frozen=True, slots=True)
class Breakdown:
    by: By
    months: list[Month]
    groups: list[Group]
    workload: Workload  # the plain workload of the objectives kept
    without_priority: str | None
    dropped: list[str]  # ids of the objectives left out by without_priority
    title: str = ""


def drop_priority(rows: Iterable[Row], priority: str | None) -> list[Row]:
    """The rows whose priority is not ``priority`` (``none``: not stated)."""
    return [(so, obj) for so, obj in rows
            if priority is None or (obj.priority or "none") != priority]


def workload_by(plan: Plan, rows: Iterable[Row], by: By,
                without_priority: str | None = None) -> Breakdown:
    rows = list(rows)
    kept = drop_priority(rows, without_priority)
    kept_ids = {obj.id for _, obj in kept}
    months = plan.months()
    shown = set(months)
    groups: dict[str | None, tuple[str, int | None, dict[Month, list[str]]]] = {
        key: (name, capacity, {m: [] for m in months})
        for key, name, capacity in _groups(plan, kept, by)}
    for so, objective in kept:
        active = [m for m in active_months(objective) if m in shown]
        for key in _keys(so, objective, by):
            for month in active:
                groups[key][2][month].append(objective.id)
    return Breakdown(
        by, months,
        [Group(key, name, capacity, ids) for key, (name, capacity, ids) in groups.items()],
        workload(months, kept, plan.plan.capacity), without_priority,
        [obj.id for _, obj in rows if obj.id not in kept_ids], plan.plan.title)


def _keys(strategic: StrategicObjective, objective: Objective, by: By) -> list[str | None]:
    if by == "lead":
        return list(dict.fromkeys(objective.leads)) or [None]
    if by == "strategic":
        return [strategic.id]
    return [objective.priority]


def _groups(plan: Plan, rows: list[Row], by: By) -> list[tuple[str | None, str, int | None]]:
    if by == "lead":
        members: list[tuple[str | None, str, int | None]] = [
            (member.id, member.name, member.capacity) for member in plan.team]
        unled = any(not obj.leads for _, obj in rows)
        return members + ([(None, NO_LEAD, None)] if unled else [])
    if by == "strategic":
        return [(so.id, f"{so.id}: {so.title}", None) for so in plan.strategic_objectives]
    present = {obj.priority for _, obj in rows}
    return [(p, p or NOT_STATED, None) for p in (*PRIORITIES, None) if p in present]
