"""``npmplan diff``: what changed between two versions of a plan (``versions`` says
where they come from). Both versions must be valid plans; the diff compares their models.

Matching. Objectives match by id. Milestones match by their objective's id and their
``what`` text (spaces normalised; the n-th milestone with one text matches the n-th), so a
date edit is a move, not a removal and an addition, while rewording ``what`` is a removal
and an addition. The milestones of an added or removed objective are not listed one by one.

Moves compare *effective* windows (``moved_to`` if set, else ``when``): ``months`` is the
new window's end minus the old one's (positive: later), ``null`` when either side has no
date (tbc, ongoing). A new ``moved_to`` is a move from the baseline ``when``; each move
also gives ``since_baseline``, its end minus the end of its baseline ``when`` now.

Besides the milestones' moves and states, the diff lists what else a reader of the plan
acts on: an objective's ``leads`` (who answers for it; the same people in another order
are no change), its ``title``, ``label``,
``priority`` and officer's ``rag`` rating; a kept milestone's ``every``, ``note`` and the
dates of its state when only the date changed (``done_on``, ``cancelled_on``, ``moved_on``,
``added_on``); and each record of a recurring milestone's ``occurrences`` (a meeting held,
cancelled or moved), named by its month in the series. A missing occurrence record is a
``planned`` one. Left out on purpose: an objective's ``rationale``, ``outcomes`` and
``outputs``, the text of the business plan document rather than its schedule (``git diff``
shows their words), and the ``plan:`` and ``team:`` sections.

JSON (``--format json``); lists follow the plan's order, months are ``YYYY-MM``, days
``YYYY-MM-DD`` (``null`` when the plan has none)::

    {"old": {"source": "HEAD~1:plans/2026-27.yaml", "plan": "UK NPM Business Plan 2026-27"},
     "new": {"source": "plans/2026-27.yaml", "plan": "..."},
     "changed": true,
     "objectives": {"added": [{"id", "title", "strategic_objective"}], "removed": [...],
                    "changed": [{"objective", "field": "title" | "label" | "priority" | "rag",
                                 "from", "to"}]},
     "leads": [{"objective", "from": [team id], "to": [team id]}],
     "milestones": {
       "added": [{"objective", "what", "when", "moved_to", "status", "added_on"}],
       "removed": [{"objective", "what", "when", "moved_to", "status", "added_on"}],
       "moved": [{"objective", "what", "from", "to", "months",
                  "direction": "later" | "earlier" | "same end" | "undated",
                  "when", "moved_to", "moved_on", "since_baseline"}],
       "status": [{"objective", "what", "from", "to", "done_on", "cancelled_on"}],
       "changed": [{"objective", "what", "field": "every" | "note" | "done_on" |
                    "cancelled_on" | "moved_on" | "added_on", "from", "to"}]},
     "occurrences": [{"objective", "what", "month",
                      "from": {"status", "done_on", "cancelled_on", "moved_to", "moved_on",
                               "note"},
                      "to": {...}}],
     "schedules": [{"objective", "added": [month], "removed": [month],
                    "kind": [{"month", "from", "to"}]}],
     "workload": [{"month", "old", "new", "delta"}]}

A ``rag`` in ``objectives.changed`` is ``{"status", "reason", "set_on"}`` or ``null``; the
other fields' ``from`` and ``to`` are text (``every`` a number) or ``null``. A ``done_on``
or ``cancelled_on`` under ``status`` is the newer version's.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from npmplan.compute.schedule import active_months
from npmplan.compute.workload import month_loads
from npmplan.model.dates import Month, When
from npmplan.model.plan import Kind, Milestone, Objective, Occurrence, Plan, Rag


@dataclass(frozen=True, slots=True)
class ObjectiveChange:
    strategic: str
    objective: Objective


@dataclass(frozen=True, slots=True)
class MilestoneChange:
    """One matched (or unmatched) milestone: ``old`` or ``new`` is None when added/removed."""

    objective: str
    old: Milestone | None
    new: Milestone | None

    @property
    def milestone(self) -> Milestone:
        found = self.new or self.old
        assert found is not None
        return found

    @property
    def months(self) -> int | None:
        """How far the effective window's end moved (positive: later)."""
        return _end_shift(self.old, self.new)

    @property
    def direction(self) -> str:
        months = self.months
        if months is None:
            return "undated"
        return "later" if months > 0 else "earlier" if months < 0 else "same end"

    @property
    def since_baseline(self) -> int | None:
        """Months from the baseline ``when`` to ``moved_to``, in the newer version."""
        new = self.new
        if new is None or new.moved_to is None:
            return None
        baseline, now = new.when.window(), new.moved_to.window()
        return now[1] - baseline[1] if baseline and now else None


def _end_shift(old: Milestone | None, new: Milestone | None) -> int | None:
    before = old.effective.window() if old else None
    after = new.effective.window() if new else None
    return after[1] - before[1] if before and after else None


@dataclass(frozen=True, slots=True)
class ScheduleChange:
    objective: str
    added: list[Month]
    removed: list[Month]
    kinds: list[tuple[Month, Kind, Kind]]


@dataclass(frozen=True, slots=True)
class LeadChange:
    """Who leads an objective: the team ids before and after."""

    objective: str
    old: list[str]
    new: list[str]


FieldValue = str | int | When | Rag | None


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field of a kept objective (``what`` is "") or of a kept milestone."""

    objective: str
    what: str
    field: str
    old: FieldValue
    new: FieldValue


@dataclass(frozen=True, slots=True)
class OccurrenceChange:
    """The record of one occurrence of a recurring milestone; None is no record (planned)."""

    objective: str
    milestone: Milestone  # the series, as it is now
    month: Month  # the occurrence's month in the series
    old: Occurrence | None
    new: Occurrence | None


@dataclass(frozen=True, slots=True)
class LoadChange:
    month: Month
    old: int
    new: int

    @property
    def delta(self) -> int:
        return self.new - self.old


@dataclass(frozen=True, slots=True)
class PlanDiff:
    old: Plan
    new: Plan
    objectives_added: list[ObjectiveChange]
    objectives_removed: list[ObjectiveChange]
    added: list[MilestoneChange]
    removed: list[MilestoneChange]
    moved: list[MilestoneChange]
    status: list[MilestoneChange]
    schedules: list[ScheduleChange]
    workload: list[LoadChange]
    labels: tuple[str, str] = ("", "")  # how the command line named the two versions
    leads: list[LeadChange] = field(default_factory=list)
    objective_fields: list[FieldChange] = field(default_factory=list)
    milestone_fields: list[FieldChange] = field(default_factory=list)
    occurrences: list[OccurrenceChange] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any((self.objectives_added, self.objectives_removed, self.added, self.removed,
                    self.moved, self.status, self.schedules, self.workload, self.leads,
                    self.objective_fields, self.milestone_fields, self.occurrences))


def compare(old: Plan, new: Plan, labels: tuple[str, str] = ("", "")) -> PlanDiff:
    """Everything the diff reports, in the plan's order (the newer plan's, then the older)."""
    before = {obj.id: (so.id, obj) for so, obj in old.objectives()}
    after = {obj.id: (so.id, obj) for so, obj in new.objectives()}
    both = [ident for ident in after if ident in before]
    milestones = [change for ident in both
                  for change in _milestones(ident, before[ident][1], after[ident][1])]
    kept = [c for c in milestones if c.old is not None and c.new is not None]
    pairs = [(before[ident][1], after[ident][1]) for ident in both]
    return PlanDiff(old, new, _only_in(after, before), _only_in(before, after),
                    *_partition(milestones), _schedules(both, before, after),
                    _workload(old, new), labels,
                    [LeadChange(a.id, list(a.leads), list(b.leads))
                     for a, b in pairs if set(a.leads) != set(b.leads)],
                    [c for a, b in pairs for c in _objective_fields(a, b)],
                    [c for change in kept for c in _milestone_fields(change)],
                    [c for change in kept for c in _occurrences(change)])


def _only_in(these: dict[str, tuple[str, Objective]],
             those: dict[str, tuple[str, Objective]]) -> list[ObjectiveChange]:
    return [ObjectiveChange(so, obj) for ident, (so, obj) in these.items() if ident not in those]


Changes = list[MilestoneChange]


def _partition(changes: Changes) -> tuple[Changes, Changes, Changes, Changes]:
    """Added, removed, moved and status-changed milestones."""
    kept = [c for c in changes if c.old is not None and c.new is not None]
    return ([c for c in changes if c.old is None], [c for c in changes if c.new is None],
            [c for c in kept if _moved(c)], [c for c in kept if _status_changed(c)])


def _status_changed(change: MilestoneChange) -> bool:
    return change.old is not None and change.new is not None \
        and change.old.status != change.new.status


def _schedules(both: list[str], before: dict[str, tuple[str, Objective]],
               after: dict[str, tuple[str, Objective]]) -> list[ScheduleChange]:
    changes = (_schedule(ident, before[ident][1], after[ident][1]) for ident in both)
    return [change for change in changes if change is not None]


def _key(what: str) -> str:
    return " ".join(what.split())


def _keyed(objective: Objective) -> dict[tuple[str, int], Milestone]:
    seen: Counter[str] = Counter()
    out = {}
    for milestone in objective.milestones:
        key = _key(milestone.what)
        out[(key, seen[key])] = milestone
        seen[key] += 1
    return out


def _milestones(ident: str, old: Objective, new: Objective) -> list[MilestoneChange]:
    before, after = _keyed(old), _keyed(new)
    changes = [MilestoneChange(ident, before.get(key), milestone)
               for key, milestone in after.items()]
    return changes + [MilestoneChange(ident, milestone, None)
                      for key, milestone in before.items() if key not in after]


def _moved(change: MilestoneChange) -> bool:
    assert change.old is not None and change.new is not None
    before, after = change.old.effective, change.new.effective
    return (before.window(), before.kind if not before.dated else "") != (
        after.window(), after.kind if not after.dated else "")


# The objective's fields a reader acts on that no other part of the diff reports.
OBJECTIVE_FIELDS = ("title", "label", "priority", "rag")
# A kept milestone's other fields; a state's date only when the state itself is unchanged
# (a new state is listed with its date under "status", a move with its day under "moved").
MILESTONE_FIELDS = ("every", "note", "done_on", "cancelled_on", "moved_on", "added_on")


def _same(old: FieldValue, new: FieldValue) -> bool:
    """Equal as a reader sees them: a date by its days (``14 Jul 2026`` is ``2026-07-14``),
    a text by its words."""
    if isinstance(old, When) and isinstance(new, When):
        return (old.window(), old.day) == (new.window(), new.day)
    if isinstance(old, str) and isinstance(new, str):
        return _key(old) == _key(new)
    return old == new


def _objective_fields(old: Objective, new: Objective) -> list[FieldChange]:
    return [FieldChange(new.id, "", name, getattr(old, name), getattr(new, name))
            for name in OBJECTIVE_FIELDS if not _same(getattr(old, name), getattr(new, name))]


def _milestone_fields(change: MilestoneChange) -> list[FieldChange]:
    old, new = change.old, change.new
    assert old is not None and new is not None
    shown_elsewhere = set()
    if old.status != new.status:
        shown_elsewhere |= {"done_on", "cancelled_on"}
    if _moved(change):
        shown_elsewhere.add("moved_on")
    return [FieldChange(change.objective, new.what, name, getattr(old, name),
                        getattr(new, name))
            for name in MILESTONE_FIELDS
            if name not in shown_elsewhere and not _same(getattr(old, name), getattr(new, name))]


def _occurrences(change: MilestoneChange) -> list[OccurrenceChange]:
    """The occurrence records that differ, in month order; a record added as ``planned``
    with nothing else said is no change."""
    assert change.old is not None and change.new is not None
    before = {record.month: record for record in change.old.occurrences}
    after = {record.month: record for record in change.new.occurrences}
    return [OccurrenceChange(change.objective, change.new, month, before.get(month),
                             after.get(month))
            for month in sorted(before.keys() | after.keys())
            if _state(before.get(month)) != _state(after.get(month))]


def _state(record: Occurrence | None) -> tuple[object, ...]:
    if record is None:
        return ("planned", None, None, None, None, None)
    done = (record.done_on.window(), record.done_on.day) if record.done_on else None
    return (record.status, done, record.cancelled_on, record.moved_to, record.moved_on,
            _key(record.note) if record.note else None)


def _schedule(ident: str, old: Objective, new: Objective) -> ScheduleChange | None:
    before, after = active_months(old), active_months(new)
    change = ScheduleChange(
        ident, [m for m in after if m not in before], [m for m in before if m not in after],
        [(m, before[m], kind) for m, kind in after.items() if m in before and before[m] != kind])
    return change if change.added or change.removed or change.kinds else None


def _workload(old: Plan, new: Plan) -> list[LoadChange]:
    months = sorted(set(old.months()) | set(new.months()))
    pairs = zip(month_loads(months, old.objectives()), month_loads(months, new.objectives()),
                strict=True)
    return [LoadChange(a.month, a.active, b.active) for a, b in pairs if a.active != b.active]
