"""One objective in full as data (``npmplan show ID``): its schedule, and each milestone's
number, window, occurrences and state as of a month."""

from __future__ import annotations

from dataclasses import dataclass

from npmplan.compute.due import classify, months_overdue
from npmplan.compute.record import occurrence_entries
from npmplan.compute.schedule import active_months, milestone_counts, occurrences
from npmplan.model.dates import Month
from npmplan.model.plan import Kind, Milestone, Objective, Plan, StrategicObjective


@dataclass(frozen=True, slots=True)
class OccurrenceState:
    """One occurrence of a recurring milestone, as of a month."""

    month: Month  # its month in the series
    milestone: Milestone  # the occurrence standing in as a milestone (its own state)
    section: str | None  # its section in the stand-up of ``as_of``
    months_overdue: int


@dataclass(frozen=True, slots=True)
class MilestoneState:
    number: int  # 1-based: ``#N`` names it in the editing commands
    milestone: Milestone
    window: tuple[Month, Month] | None
    occurrences: list[Month]  # of a recurring milestone; [] otherwise
    section: str | None  # its section in the stand-up of ``as_of`` (compute.due.classify)
    months_overdue: int  # 0 unless overdue
    states: list[OccurrenceState]  # each occurrence's state; [] for a milestone that does not recur


@dataclass(frozen=True, slots=True)
class Show:
    strategic: StrategicObjective
    objective: Objective
    months: list[Month]  # the plan period
    as_of: Month
    cells: dict[Month, Kind]  # the schedule's months
    marks: dict[Month, int]  # milestones due in each month
    milestones: list[MilestoneState]

    @property
    def total(self) -> int:
        return len(self.cells)


def show_report(plan: Plan, strategic: StrategicObjective, objective: Objective,
                as_of: Month, numbered: list[tuple[int, Milestone]] | None = None) -> Show:
    """``objective`` as of ``as_of``; ``numbered``: its milestones as they stood on a past
    day, each with its number now (``compute.record.numbered_as_of``), else as they are."""
    states = []
    if numbered is None:
        numbered = list(enumerate(objective.milestones, start=1))
    for number, milestone in numbered:
        section = classify(milestone, objective, as_of)
        late = months_overdue(milestone, as_of) if section == "overdue" else 0
        each = [_occurrence(entry.occurrence, entry.milestone, objective, as_of)
                for entry in occurrence_entries(milestone, objective, plan.plan.period)
                if entry.occurrence is not None]
        states.append(MilestoneState(number, milestone, milestone.effective.window(),
                                     occurrences(milestone, plan.plan.period), section, late,
                                     each))
    stood = objective.model_copy(update={"milestones": [m for _, m in numbered]})
    return Show(strategic, objective, plan.months(), as_of, active_months(objective),
                milestone_counts(stood, plan.plan.period), states)


def _occurrence(month: Month, milestone: Milestone, objective: Objective,
                as_of: Month) -> OccurrenceState:
    section = classify(milestone, objective, as_of, occurrence=True)
    late = months_overdue(milestone, as_of) if section == "overdue" else 0
    return OccurrenceState(month, milestone, section, late)
