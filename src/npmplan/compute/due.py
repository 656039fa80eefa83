"""The stand-up of a month as data: what is overdue, due, in progress, recurring, ongoing,
to be confirmed, and due next month, with every milestone's window and months overdue.

A milestone's *window* is the months of ``moved_to`` if set, else ``when``; it is *due* in
the month its window ends, *in progress* in the months before that, and *overdue* after
that while ``planned``. A recurring one (``every``, or ``quarterly``: once a quarter, months
not fixed) counts one occurrence at a time (``compute.record``): an occurrence is
*recurring* in its month (a quarterly one in its quarter's months its objective is active),
with its own state, and *overdue* after that while neither done nor cancelled.

The stand-up is read in ten minutes, so the text view folds the long lists: overdue items
become one line per strategic objective (:class:`OverdueGroup`: its objectives with their
counts and the oldest month), ongoing and tbc items one count line each. ``sections`` and
``next_month`` always hold every item (the JSON lists them all); ``blocks`` split them by
lead when the stand-up is grouped by lead, and ``folded`` names the sections the text view
shows as counts.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from npmplan.compute.record import entries
from npmplan.compute.schedule import Row, active_months, recurs_in
from npmplan.model.dates import Month
from npmplan.model.plan import Milestone, Objective, Plan, StrategicObjective

if TYPE_CHECKING:  # only ``--since`` compares versions: the stand-up need not import diff
    from npmplan.compute.diff import (
        LeadChange,
        MilestoneChange,
        OccurrenceChange,
        PlanDiff,
        ScheduleChange,
    )

SECTIONS = ("overdue", "due", "in_progress", "recurring", "ongoing", "tbc")
FOLDABLE = ("overdue", "ongoing", "tbc")  # the sections the text view folds by default
By = Literal["objective", "lead"]


@dataclass(frozen=True, slots=True)
class DueItem:
    strategic: StrategicObjective
    objective: Objective
    milestone: Milestone
    window: tuple[Month, Month] | None
    months_overdue: int = 0
    occurrence: Month | None = None  # for one occurrence of a series: its month in the series
    series: Milestone | None = None  # and the series (``milestone`` stands in for the one)


@dataclass(frozen=True, slots=True)
class OverdueGroup:
    """The overdue items of one strategic objective, folded to one line."""

    strategic: str
    count: int
    objectives: list[tuple[str, int]]  # (objective id, its overdue count), in plan order
    oldest: Month  # the earliest end of an overdue window


@dataclass(slots=True)
class DueBlock:
    """One reader's part of the stand-up: everything shown, one lead's objectives, or the
    objectives with no lead."""

    lead: str | None  # the team id, or None (the whole stand-up, or "no lead")
    name: str  # how the heading names it: "" for the whole stand-up
    sections: dict[str, list[DueItem]]
    next_month: list[DueItem]
    overdue_groups: list[OverdueGroup]

    @property
    def overdue_objectives(self) -> int:
        return len({item.objective.id for item in self.sections["overdue"]})

    @property
    def empty(self) -> bool:
        return not self.next_month and not any(self.sections.values())


ChangeKind = Literal["done", "moved", "added", "cancelled", "removed", "reopened"]
CHANGE_KINDS: tuple[ChangeKind, ...] = ("done", "moved", "added", "cancelled", "removed",
                                        "reopened")


@dataclass(frozen=True, slots=True)
class DueChange:
    """One milestone changed since an earlier version of the plan."""

    kind: ChangeKind
    objective: str
    milestone: Milestone  # as it is now (as it was, for a removed one)
    before: Milestone | None  # as it was (None when added)
    months: int | None = None  # for a move: how far its end moved (positive: later)


@dataclass(frozen=True, slots=True)
class SinceChanges:
    """What changed since ``label`` (e.g. ``2026-11-23, commit 1a2b3c4``): the milestones,
    the occurrences of recurring ones, who leads and when the work runs. A rating, a title
    or a note is not a change to the stand-up: ``diff`` lists those."""

    label: str
    changes: list[DueChange]
    occurrences: list[OccurrenceChange] = field(default_factory=list)
    leads: list[LeadChange] = field(default_factory=list)
    schedules: list[ScheduleChange] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)  # team id → name, for the leads

    @property
    def count(self) -> int:
        return (len(self.changes) + len(self.occurrences) + len(self.leads)
                + len(self.schedules))


@dataclass(slots=True)
class DueReport:
    month: Month
    sections: dict[str, list[DueItem]] = field(default_factory=dict)
    next_month: list[DueItem] = field(default_factory=list)
    title: str = ""
    filtered: str = ""  # what a filter shows, in words; "" when nothing is filtered
    by: By = "objective"
    blocks: list[DueBlock] = field(default_factory=list)
    folded: tuple[str, ...] = FOLDABLE  # sections the text view shows as a count line
    since: SinceChanges | None = None
    rank: dict[str, int] = field(default_factory=dict)  # objective id → its place in the plan
    overdue_groups: list[OverdueGroup] = field(default_factory=list)  # of the whole stand-up
    undated: int = 0  # changes that carry no date, counted as made before the period

    @property
    def overdue_objectives(self) -> int:
        return len({item.objective.id for item in self.sections.get("overdue", [])})


def classify(milestone: Milestone, objective: Objective, month: Month,
             occurrence: bool = False) -> str | None:
    """Which section of the ``month`` stand-up a milestone (or, with ``occurrence``, one
    occurrence of a series standing in as a milestone) belongs in, if any."""
    if milestone.status == "cancelled":
        return None
    when = milestone.effective
    if when.kind == "tbc":
        return "tbc"
    if when.kind in ("ongoing", "quarterly"):
        if month not in active_months(objective):
            return None
        return "ongoing" if when.kind == "ongoing" else "recurring"
    if milestone.every:
        return "recurring" if recurs_in(milestone, month) else None
    first, last = when.window() or (month, month)
    if last < month:
        return "overdue" if milestone.status == "planned" else None
    if occurrence:
        quarterly_month = first < last and month not in active_months(objective)
        return "recurring" if first <= month and not quarterly_month else None
    if last == month:
        return "due"
    return "in_progress" if first <= month else None


def months_overdue(milestone: Milestone, month: Month) -> int:
    """How many months past the end of its window a milestone is in ``month`` (0: not
    late). The one definition: ``due``, ``report``, ``show``, ``status`` and the exports
    use it."""
    window = milestone.effective.window()
    return max(month - window[1], 0) if window else 0


def due_report(month: Month, rows: Iterable[Row], period: tuple[Month, Month],
               title: str = "", filtered: str = "") -> DueReport:
    report = DueReport(month, {name: [] for name in SECTIONS}, title=title, filtered=filtered)
    following = month.shift(1)
    for strategic, objective in rows:
        report.rank.setdefault(objective.id, len(report.rank))
        for entry in entries(objective, period):
            milestone = entry.milestone
            section = classify(milestone, objective, month, entry.occurrence is not None)
            window = milestone.effective.window()
            if section is not None:
                late = months_overdue(milestone, month) if section == "overdue" else 0
                report.sections[section].append(
                    DueItem(strategic, objective, milestone, window, late, entry.occurrence,
                            entry.series))
            if (window and entry.occurrence is None and window[1] == following
                    and milestone.status == "planned"):
                report.next_month.append(DueItem(strategic, objective, milestone, window))
    report.sections["overdue"].sort(key=lambda item: -item.months_overdue)
    report.blocks = [_block(None, "", report.sections, report.next_month, report.rank)]
    report.overdue_groups = report.blocks[0].overdue_groups
    return report


def overdue_groups(items: list[DueItem], rank: dict[str, int]) -> list[OverdueGroup]:
    """One group per strategic objective, in plan order (``rank``: objective id → its
    place in the plan), each naming its objectives in plan order."""
    by_strategic: dict[str, list[DueItem]] = {}
    for item in sorted(items, key=lambda item: rank[item.objective.id]):
        by_strategic.setdefault(item.strategic.id, []).append(item)
    groups = []
    for strategic, members in by_strategic.items():
        counts: dict[str, int] = {}
        for item in members:
            counts[item.objective.id] = counts.get(item.objective.id, 0) + 1
        oldest = min(item.window[1] for item in members if item.window)
        groups.append(OverdueGroup(strategic, len(members), list(counts.items()), Month(oldest)))
    return groups


def _block(lead: str | None, name: str, sections: dict[str, list[DueItem]],
           next_month: list[DueItem], rank: dict[str, int]) -> DueBlock:
    return DueBlock(lead, name, sections, next_month,
                    overdue_groups(sections["overdue"], rank))


def group_by_lead(report: DueReport, plan: Plan, only: str | None = None) -> None:
    """Split the stand-up into one block per lead (team order), then one for the
    objectives with no lead; an objective with two leads is in both leads' blocks. With
    ``only`` (``due --lead ID``), that lead's block alone: its co-leads' blocks would repeat
    its items."""
    names = {member.id: member.name for member in plan.team}
    blocks = []
    for lead in [*names, None] if only is None else [only]:
        def keep(item: DueItem, lead: str | None = lead) -> bool:
            leads = item.objective.leads
            return lead in leads if lead is not None else not leads

        sections = {name: [i for i in items if keep(i)] for name, items in report.sections.items()}
        block = _block(lead, f"{names[lead]} ({lead})" if lead else "No lead",
                       sections, [i for i in report.next_month if keep(i)], report.rank)
        if not block.empty:
            blocks.append(block)
    report.by, report.blocks = "lead", blocks


def has_leads(plan: Plan) -> bool:
    return any(objective.leads for _, objective in plan.objectives())


def changes_since(diff: PlanDiff, shown: set[str], label: str) -> SinceChanges:
    """The changes of the objectives shown: milestones done, moved, added, cancelled (and
    removed or reopened), each kind in the plan's order; then occurrences, leads and
    schedules, in the plan's order."""
    found: list[DueChange] = []
    for change in diff.status:
        assert change.new is not None
        kind: ChangeKind = ("done" if change.new.status == "done" else
                            "cancelled" if change.new.status == "cancelled" else "reopened")
        found.append(_change(kind, change))
    done_or_cancelled = {id(change.new) for change in diff.status}
    found += [_change("moved", change) for change in diff.moved
              if id(change.new) not in done_or_cancelled]
    found += [_change("added", change) for change in diff.added]
    found += [_change("removed", change) for change in diff.removed]
    found = [change for change in found if change.objective in shown]
    found.sort(key=lambda change: CHANGE_KINDS.index(change.kind))
    names = {member.id: member.name for plan in (diff.old, diff.new) for member in plan.team}
    return SinceChanges(label, found,
                        [c for c in diff.occurrences if c.objective in shown],
                        [c for c in diff.leads if c.objective in shown],
                        [c for c in diff.schedules if c.objective in shown], names)


def _change(kind: ChangeKind, change: MilestoneChange) -> DueChange:
    return DueChange(kind, change.objective, change.milestone, change.old,
                     change.months if kind == "moved" else None)
