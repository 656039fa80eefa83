"""The record of the year: what the reports count, and the plan as it stood on a past day.

- **Entries.** A report counts milestones, and a recurring milestone (``every``, or
  ``when: quarterly``) one occurrence at a time: each occurrence stands in as a milestone of
  its own month (a quarterly one: its plan quarter, in quarters its objective is active),
  with the state its record gives (``occurrences:``), else the series' own status. So a
  past occurrence neither done nor cancelled is overdue like any other milestone.
- **As of a day.** Every change of state is dated (``done_on``, ``cancelled_on``,
  ``moved_on``, ``added_on``). ``as_of`` undoes the changes dated after a day, so that a
  report for that day is the report as it stood then. A change without a date counts as
  made before the period; ``undated`` counts them, for the report to say so.
- **Dated by history.** A change made by hand carries no date; the plan's git history
  knows one: the day of the commit from which the change has held ever since
  (``history_dates``, given the versions newest first). The dates found are kept apart
  (``Found``), never written into the milestones, so a report still shows each date as the
  plan writes it.

Pure functions: the day is an argument, nothing reads the clock or git (``npmplan.history``
reads the versions, and these compare them).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Protocol

from npmplan.compute.schedule import active_months, occurrence_slot, quarterly, series_months
from npmplan.model.dates import Month, When, range_text
from npmplan.model.plan import Milestone, Objective, Occurrence, Plan


@dataclass(frozen=True, slots=True)
class Entry:
    """A milestone as the reports count it: a milestone, or one occurrence of a series."""

    milestone: Milestone  # the milestone, or a stand-in for the occurrence (its own month)
    occurrence: Month | None = None  # the occurrence's month in its series
    series: Milestone | None = None  # the series an occurrence belongs to


def entries(objective: Objective, period: tuple[Month, Month]) -> list[Entry]:
    """Every milestone of ``objective``, each recurring one as its occurrences, in order."""
    out: list[Entry] = []
    for milestone in objective.milestones:
        months = series_months(milestone, period)
        if months is None:
            out.append(Entry(milestone))
        else:
            out += occurrence_entries(milestone, objective, period, months)
    return out


def occurrence_entries(milestone: Milestone, objective: Objective, period: tuple[Month, Month],
                       months: list[Month] | None = None) -> list[Entry]:
    """The occurrences of a recurring milestone within ``period``, each with its state."""
    months = series_months(milestone, period) if months is None else months
    if not months:
        return []
    records = {occurrence_slot(milestone, record.month, period): record
               for record in milestone.occurrences}
    if quarterly(milestone):
        active = active_months(objective)
        months = [m for m in months if not active or any(Month(m + k) in active
                                                         for k in range(3))]
    return [Entry(_stand_in(milestone, month, _window(milestone, month, period),
                            records.get(month)), month, milestone)
            for month in months]


def _window(milestone: Milestone, month: Month, period: tuple[Month, Month]) -> When:
    if quarterly(milestone):
        last = Month(min(month + 2, period[1]))
        return When(range_text(month, last), "range", month, last)
    return When(str(month), "month", month, month)


def _stand_in(series: Milestone, month: Month, when: When,
              record: Occurrence | None) -> Milestone:
    """The occurrence as a milestone: the series' words, its own month and state. (Built
    without validation: every value comes from a validated plan.)"""
    state: dict[str, Any] = {"status": series.status, "done_on": series.done_on,
                             "cancelled_on": series.cancelled_on, "note": series.note}
    if record is not None:
        moved = (When(str(record.moved_to), "month", record.moved_to, record.moved_to)
                 if record.moved_to is not None else None)
        state = {"status": record.status, "done_on": record.done_on,
                 "cancelled_on": record.cancelled_on, "moved_to": moved,
                 "moved_on": record.moved_on, "note": record.note or series.note}
    return Milestone.model_construct(what=series.what, when=when, **state)


# As of a day ----------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Found:
    """The days the plan's history gives to one record's changes that carry no date."""

    done: date | None = None
    cancelled: date | None = None
    moved: date | None = None
    added: date | None = None  # a milestone only


NOTHING = Found()
# A record: its objective's id, the milestone's index in it, the occurrence's month (None:
# the milestone itself). The same plan is read throughout, so an index names one milestone.
Record = tuple[str, int, Month | None]
History = Mapping[Record, Found]


def _after(day: date | None, as_of: date) -> bool:
    return day is not None and day > as_of


def _done_after(done_on: When | None, as_of: date) -> bool:
    """Done after ``as_of``: a day after it, or a month after its month."""
    if done_on is None:
        return False
    if done_on.day is not None:
        return done_on.day > as_of
    return done_on.first is not None and done_on.first > Month.of(as_of.year, as_of.month)


def _undone(record: Milestone | Occurrence, as_of: date, found: Found) -> dict[str, Any]:
    """The changes to undo in ``record`` for it to stand as it did at the end of ``as_of``
    (an undated change: by the day ``found`` gives it)."""
    update: dict[str, Any] = {}
    if record.status == "done" and (_done_after(record.done_on, as_of) if record.done_on
                                    else _after(found.done, as_of)):
        update |= {"status": "planned", "done_on": None}
    if record.status == "cancelled" and _after(record.cancelled_on or found.cancelled, as_of):
        update |= {"status": "planned", "cancelled_on": None}
    if record.moved_to is not None and _after(record.moved_on or found.moved, as_of):
        update |= {"moved_to": None, "moved_on": None}
    return update


def milestone_as_of(milestone: Milestone, day: date,
                    found: Mapping[Month | None, Found] | None = None) -> Milestone | None:
    """``milestone`` as it stood at the end of ``day``; None if it was added after it.
    ``found``: the days history gives its undated changes (None: the milestone's own)."""
    found = found or {}
    if _after(milestone.added_on or found.get(None, NOTHING).added, day):
        return None
    update = _undone(milestone, day, found.get(None, NOTHING))
    records = [r.model_copy(update=_undone(r, day, found.get(r.month, NOTHING)))
               for r in milestone.occurrences]
    if any(r != old for r, old in zip(records, milestone.occurrences, strict=True)):
        update["occurrences"] = records
    return milestone.model_copy(update=update) if update else milestone


def numbered_as_of(objective: Objective, day: date,
                   history: History | None = None) -> list[tuple[int, Milestone]]:
    """The milestones of ``objective`` as they stood at the end of ``day``, each with its
    number in the plan as it is now (1-based: the ``#N`` of the editing commands)."""
    by_milestone: dict[int, dict[Month | None, Found]] = {}
    for (ident, index, month), found in (history or {}).items():
        if ident == objective.id:
            by_milestone.setdefault(index, {})[month] = found
    out = []
    for index, milestone in enumerate(objective.milestones):
        stood = milestone_as_of(milestone, day, by_milestone.get(index))
        if stood is not None:
            out.append((index + 1, stood))
    return out


def plan_as_of(plan: Plan, day: date, history: History | None = None) -> Plan:
    """The plan as it stood at the end of ``day``, as far as its dates (and the dates
    ``history`` found for its undated changes) tell."""
    strategic = []
    for so in plan.strategic_objectives:
        objectives = []
        for objective in so.objectives:
            kept = [m for _, m in numbered_as_of(objective, day, history)]
            objectives.append(objective.model_copy(update={"milestones": kept}))
        strategic.append(so.model_copy(update={"objectives": objectives}))
    return plan.model_copy(update={"strategic_objectives": strategic})


def _undated_kinds(record: Milestone | Occurrence) -> list[str]:
    """The changes of ``record`` that carry no date, by the name ``Found`` gives them."""
    return [kind for kind, undated_ in (
        ("done", record.status == "done" and record.done_on is None),
        ("cancelled", record.status == "cancelled" and record.cancelled_on is None),
        ("moved", record.moved_to is not None and record.moved_on is None)) if undated_]


def undated(milestones: Iterable[Milestone]) -> int:
    """How many changes of state carry no date (a hand edit git could not date): they count
    as made before the period."""
    return sum(len(_undated_kinds(m)) + sum(len(_undated_kinds(r)) for r in m.occurrences)
               for m in milestones)


def _records(plan: Plan) -> Iterator[tuple[Record, Milestone, Milestone | Occurrence]]:
    """Every record of the plan: each milestone, then its occurrences' records."""
    for _, objective in plan.objectives():
        for index, milestone in enumerate(objective.milestones):
            yield (objective.id, index, None), milestone, milestone
            for record in milestone.occurrences:
                yield (objective.id, index, record.month), milestone, record


def undated_left(plan: Plan, day: date, history: History, shown: set[str]) -> int:
    """How many undated changes in the objectives ``shown`` history could not date either:
    they count as made before the period. (A milestone added after ``day`` is not in the
    report of that day, nor are its changes.)"""
    count = 0
    for (ident, index, month), milestone, record in _records(plan):
        added = milestone.added_on or history.get((ident, index, None), NOTHING).added
        if ident not in shown or _after(added, day):
            continue
        found = history.get((ident, index, month), NOTHING)
        count += sum(getattr(found, kind) is None for kind in _undated_kinds(record))
    return count


# Dated by history --------------------------------------------------------------------------

class Versions(Protocol):
    """Earlier versions of the plan with the day of their commit, newest first; ``complete``
    (read once they are all read) is False when the history was cut short, or is none."""

    def __iter__(self) -> Iterator[tuple[date, Plan]]: ...

    @property
    def complete(self) -> bool: ...


Question = tuple[Record, str]  # a record, and which of its changes ("done", ..., "added")
Key = tuple[str, str, int]  # objective id, ``what`` with spaces normalised, its n-th time


def _match_keys(plan: Plan) -> dict[tuple[str, int], Key]:
    """Each milestone's key for matching it across versions, as ``compute.diff`` matches:
    by objective id and ``what`` (the n-th milestone with one text matches the n-th)."""
    keys = {}
    for _, objective in plan.objectives():
        seen: Counter[str] = Counter()
        for index, milestone in enumerate(objective.milestones):
            text = " ".join(milestone.what.split())
            keys[(objective.id, index)] = (objective.id, text, seen[text])
            seen[text] += 1
    return keys


def _questions(plan: Plan) -> dict[Question, Milestone | Occurrence]:
    """The changes history may date: each change without a date, and each milestone
    without ``added_on`` (it may have been added by hand)."""
    out: dict[Question, Milestone | Occurrence] = {}
    for record_key, milestone, record in _records(plan):
        for kind in _undated_kinds(record):
            out[(record_key, kind)] = record
        if record is milestone and milestone.added_on is None:
            out[(record_key, "added")] = record
    return out


def _moved(record: Milestone | Occurrence) -> object:
    moved = record.moved_to
    return (moved.window(), moved.kind) if isinstance(moved, When) else moved


def _holds(kind: str, now: Milestone | Occurrence, old: Milestone | Occurrence | None) -> bool:
    """Whether ``old`` (the record in an earlier version) already had ``now``'s change."""
    if old is None:
        return False
    if kind == "moved":
        return _moved(old) == _moved(now)
    return kind == "added" or old.status == now.status


def _old_record(old: dict[Key, Milestone], key: Key,
                month: Month | None) -> Milestone | Occurrence | None:
    milestone = old.get(key)
    if milestone is None or month is None:
        return milestone
    return next((r for r in milestone.occurrences if r.month == month), None)


def history_dates(plan: Plan, versions: Versions, today: date) -> dict[Record, Found]:
    """The day each undated change of ``plan`` was made, as its history tells: the day of
    the oldest commit from which it has held in every version since. One held in the first
    version of all was made then, but a milestone in it was there from the start (no
    ``added``); one that holds in every version of a history cut short is not dated. A
    change not yet committed (the working copy's own) was made ``today``."""
    keys = _match_keys(plan)
    asked = _questions(plan)
    since = dict.fromkeys(asked, today)  # the oldest day each has held since, so far
    answers: dict[Question, date] = {}
    for day, version in versions:
        if not since:
            break  # every change is dated: the older versions are never read
        old = _keyed(version)
        for question in list(since):
            (ident, index, month), kind = question
            if _holds(kind, asked[question], _old_record(old, keys[(ident, index)], month)):
                since[question] = day
            else:
                answers[question] = since.pop(question)
    if versions.complete:
        answers |= {q: day for q, day in since.items() if q[1] != "added"}
    out: dict[Record, Found] = {}
    for (record_key, kind), day in answers.items():
        out[record_key] = replace(out.get(record_key, NOTHING), **{kind: day})
    return out


def _keyed(plan: Plan) -> dict[Key, Milestone]:
    keys = _match_keys(plan)
    return {keys[(objective.id, index)]: milestone for _, objective in plan.objectives()
            for index, milestone in enumerate(objective.milestones)}



def may_need_history(plan: Plan) -> bool:
    """Whether any change of ``plan`` could be dated only by its history: one without a
    date, or a milestone without ``added_on``."""
    return bool(_questions(plan))
