"""The changes of state (``done``, ``cancel``, ``move``, ``reopen``), each a ``Make`` for
``transaction.edit``: on a milestone, or on one occurrence of a recurring one.

- **One occurrence at a time.** A recurring milestone (``every``, or ``when: quarterly``)
  is a series: ``done``, ``cancel`` and ``move`` act on the occurrence in the month the
  command names (``--occurrence``, else the month of ``--on``, else today's), recorded in
  the milestone's ``occurrences:`` list (``{month: 2026-07, status: done, done_on:
  2026-07-14}``); ``--all-occurrences`` acts on the series itself.
- **Every change is dated**: ``done_on``, ``cancelled_on``, ``moved_on``.
- **Nothing is overwritten without saying so.** A done or cancelled milestone (or
  occurrence) is not done, cancelled or moved again: ``ConflictError`` names its state and
  date, and the flag that does it anyway (``--force``); with it, the line that says the
  change says what it replaced. ``reopen`` makes it planned again.

    >>> make = mark_done("2.3", Which("AI Task", on_month=Month.of(2026, 7)), "2026-07-14")
    >>> # doctest: +SKIP
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from npmplan.errors import ConflictError, UsageError
from npmplan.model.dates import Month, When
from npmplan.write.changes import at, objective_at, same_time, what_text
from npmplan.write.transaction import Change, Make

if TYPE_CHECKING:
    from npmplan.model.plan import Milestone, Objective, Occurrence, Plan
    from npmplan.write.edit import Loc, Source

Changes = dict[str, str | None]  # a field's new text, or None to remove it


@dataclass(frozen=True, slots=True)
class Which:
    """Which milestone a command means, and which of its occurrences."""

    match: str | None  # MATCH: a piece of the text, or #N
    occurrence: Month | None = None  # --occurrence
    on_month: Month | None = None  # the month of --on (or today's)
    all_occurrences: bool = False
    force: bool = False
    on_given: bool = False  # --on was given (else on_month is today's)


@dataclass(frozen=True, slots=True)
class Target:
    """A milestone, or one occurrence of a series, where it is in the data and its state."""

    objective: Objective
    loc: Loc  # the milestone
    index: int
    slot: Month | None = None  # the occurrence's month in the series; None: the milestone
    record: int | None = None  # the index of the occurrence's record, if it has one

    @property
    def milestone(self) -> Milestone:
        return self.objective.milestones[self.index]

    @property
    def state(self) -> Milestone | Occurrence:
        """What the target's state is written in: its record, else the milestone (an
        occurrence without a record is as its series is)."""
        if self.record is not None:
            return self.milestone.occurrences[self.record]
        return self.milestone

    @property
    def name(self) -> str:
        name = f"{self.objective.id} #{self.index + 1} {what_text(self.milestone.what)}"
        return name if self.slot is None else f"{name} ({self._slot_text()})"

    def _slot_text(self) -> str:
        from npmplan.compute.schedule import quarterly

        assert self.slot is not None
        if quarterly(self.milestone):
            return f"the quarter from {self.slot.long()}"
        return self.slot.long()


# --- the changes -------------------------------------------------------------------------


def mark_done(objective_id: str, which: Which, day: str) -> Make:
    """``npmplan done``: status done, done_on ``day``."""

    def make(model: Plan, src: Source) -> Change:
        target = _target(model, objective_id, which, closed_first=False)
        was = _refuse_closed(target, which, "mark it done again" if _is(target, "done")
                             else "mark it done")
        changes: Changes = {"status": "done", "done_on": day, "cancelled_on": None}
        return _change(src, target, changes, f"is done ({day}{was})", "done")

    return make


def cancel(objective_id: str, which: Which, day: str, note: str | None) -> Make:
    """``npmplan cancel``: status cancelled, cancelled_on ``day``, ``note`` after any note
    it has."""

    def make(model: Plan, src: Source) -> Change:
        target = _target(model, objective_id, which, closed_first=False)
        was = _refuse_closed(target, which, "cancel it")
        changes: Changes = {"status": "cancelled", "done_on": None, "cancelled_on": day}
        if note is not None:
            old = target.state.note
            changes["note"] = f"{old}; {note.strip()}" if old else note.strip()
        return _change(src, target, changes, f"is cancelled ({day}{was})", "cancelled")

    return make


def move_to(objective_id: str, which: Which, when: When, day: str) -> Make:
    """``npmplan move``: moved_to ``when`` and moved_on ``day``, the baseline kept; back at
    the baseline, neither. Forced on a closed milestone, it is planned again."""

    def make(model: Plan, src: Source) -> Change:
        from npmplan.write.edit import scalar

        target = _target(model, objective_id, which, closed_first=False)
        was = _refuse_closed(target, which, "move it")
        reopened: Changes = {"status": None, "done_on": None, "cancelled_on": None} \
            if was else {}
        baseline = _baseline(target)
        if target.slot is not None and when.kind != "month":
            raise UsageError(f"{target.name} is one occurrence of a series: move it to one "
                             f"month, e.g. --to {Month(target.slot + 1)}")
        if same_time(when, baseline):
            return _change(src, target, reopened | {"moved_to": None, "moved_on": None},
                           f"is back at its planned date {baseline.text}{was}", "moved back")
        return _change(src, target, reopened | {"moved_to": when.text, "moved_on": day},
                       f"moved to {when.text} on {day} (planned: {baseline.text}{was})",
                       f"moved to {scalar(when.text)}")

    return make


def reopen(objective_id: str, which: Which) -> Make:
    """``npmplan reopen``: a done or cancelled milestone (or occurrence) planned again, its
    status and the day of it removed (a note stays)."""

    def make(model: Plan, src: Source) -> Change:
        target = _target(model, objective_id, which, closed_first=True)
        state = target.state
        if state.status == "planned":
            raise ConflictError(f"{target.name} is planned, not done or cancelled: there is "
                                "nothing to reopen; nothing was written")
        if target.slot is not None and target.record is None:
            raise ConflictError(
                f"{target.name} is {state.status} because its whole series is ("
                f"{_state_words(state)}): reopen the series with --all-occurrences; "
                "nothing was written")
        changes: Changes = {"status": None, "done_on": None, "cancelled_on": None}
        return _change(src, target, changes,
                       f"is planned again (was {_state_words(state)})", "reopened")

    return make


# --- which milestone, which occurrence -----------------------------------------------------


def _is(target: Target, status: str) -> bool:
    return target.state.status == status


def _target(model: Plan, objective_id: str, which: Which, closed_first: bool) -> Target:
    from npmplan.write.choose import choose, closed, still_open

    loc, objective = objective_at(model, objective_id)
    index = choose(objective, which.match, closed if closed_first else still_open)
    if closed_first:
        which = _closed_meeting(model, Target(objective, loc, index), which)
    return _occurrence(model, Target(objective, loc, index), which)


def _closed_meeting(model: Plan, target: Target, which: Which) -> Which:
    """For ``reopen`` without ``--occurrence``: a series' one closed meeting is the one
    meant; with several, a usage error that names them."""
    from dataclasses import replace

    from npmplan.compute.schedule import occurrence_slot

    if which.occurrence is not None or which.all_occurrences or not target.milestone.occurrences:
        return which
    closed = [record.month for record in target.milestone.occurrences
              if record.status != "planned"]
    if len(closed) == 1:
        return replace(which, occurrence=occurrence_slot(
            target.milestone, closed[0], model.plan.period) or closed[0])
    if not closed:
        return which
    listed = ", ".join(f"--occurrence {month}" for month in closed)
    raise UsageError(f"{target.name} has {len(closed)} meetings done or cancelled; say which "
                     f"to reopen: {listed}")


def _occurrence(model: Plan, target: Target, which: Which) -> Target:
    """The occurrence the command means, for a series; the milestone itself otherwise."""
    from npmplan.compute.record import occurrence_entries
    from npmplan.compute.schedule import occurrence_slot, series_months

    period = model.plan.period
    milestone = target.milestone
    if series_months(milestone, period) is None:
        flag = "--occurrence" if which.occurrence is not None else \
            "--all-occurrences" if which.all_occurrences else None
        if flag:
            raise UsageError(f"{target.name} does not recur: {flag} is for a meeting of a "
                             "series; leave it out")
        return target
    if which.all_occurrences:
        if which.occurrence is not None:
            raise UsageError("give --occurrence or --all-occurrences, not both")
        return target
    months = [entry.occurrence for entry in occurrence_entries(milestone, target.objective,
                                                                period)]
    month = which.occurrence if which.occurrence is not None else which.on_month
    assert month is not None  # the CLI always gives the month of --on, or today's
    slot = occurrence_slot(milestone, month, period)
    if slot is None or slot not in months:
        raise UsageError(_no_occurrence(target, month, which, [m for m in months if m]))
    records = [occurrence_slot(milestone, r.month, period) for r in milestone.occurrences]
    record = records.index(slot) if slot in records else None
    return Target(target.objective, target.loc, target.index, slot, record)


def _no_occurrence(target: Target, month: Month, which: Which, months: list[Month]) -> str:
    said = (f"--occurrence {month} ({month.long()})" if which.occurrence is not None
            else f"the month of --on ({month.long()})" if which.on_given
            else f"this month ({month.long()})")
    earlier = [m for m in months if m <= month]
    example = (earlier[-1] if earlier else months[0]) if months else None
    listed = ", ".join(m.long() for m in months) or "no month of the plan period"
    how = f" (e.g. --occurrence {example})" if example is not None else ""
    return (f"{target.name} recurs: its occurrences are {listed}; {said} is not one of them. "
            f"Name the one you mean with --occurrence YYYY-MM{how}, or act on the whole "
            "series with --all-occurrences")


# --- refusals ------------------------------------------------------------------------------


def _state_words(state: Milestone | Occurrence) -> str:
    """"done on 2026-05-28", "cancelled on 2026-09-01", "done (no day recorded)"."""
    day = state.done_on.text if state.status == "done" and state.done_on else \
        str(state.cancelled_on) if state.status == "cancelled" and state.cancelled_on else None
    return f"{state.status} on {day}" if day else f"{state.status} (no day recorded)"


def _refuse_closed(target: Target, which: Which, anyway: str) -> str:
    """Nothing, for an open target; for a closed one a ConflictError, or with ``--force``
    the words for what is replaced ("; was done on 2026-05-28")."""
    state = target.state
    if state.status == "planned":
        return ""
    words = _state_words(state)
    if which.force:
        return f"; was {words}"
    reopen = f"npmplan reopen {target.objective.id} '#{target.index + 1}'"
    if target.slot is not None:
        reopen += f" --occurrence {target.slot}"
    raise ConflictError(
        f"{target.name} is {words} already, so nothing was written. To {anyway} anyway, "
        f"replacing that record, add --force; to make it planned again: {reopen}")


# --- writing -------------------------------------------------------------------------------


def _baseline(target: Target) -> When:
    """Where the target is planned: the milestone's when, or the occurrence's month."""
    if target.slot is None:
        return target.milestone.when
    return When(str(target.slot), "month", target.slot, target.slot)


def _change(src: Source, target: Target, changes: Changes, said: str, verb: str) -> Change:
    """The change on the milestone, or on the occurrence's record (made if it has none)."""
    from npmplan.write.changes import milestone_change

    if target.slot is None:
        return milestone_change(src, target.objective, target.loc, target.index, changes,
                                said, verb)
    return _occurrence_change(src, target, changes, said, verb)


def _occurrence_change(src: Source, target: Target, changes: Changes, said: str,
                       verb: str) -> Change:
    from npmplan.write.edit import append_item, double_quoted, scalar, set_fields

    where = (*target.loc, "milestones", target.index)
    quote = double_quoted(src, src.node_at(where), "what")
    written = {k: None if v is None else scalar(v, quote and k == "note")
               for k, v in changes.items()}
    assert target.slot is not None
    if target.record is not None:
        place = (*where, "occurrences", target.record)
        splices = set_fields(src, place, written)

        def expect(data: Any) -> None:
            record = at(data, place)
            for key, value in changes.items():
                if value is None:
                    record.pop(key, None)
                else:
                    record[key] = value
    else:
        month = {"month": str(target.slot)}
        new = {k: v for k, v in written.items() if v is not None}
        plain = month | {k: v for k, v in changes.items() if v is not None}
        splices = append_item(src, where, "occurrences", month | new)

        def expect(data: Any) -> None:
            milestone = at(data, where)
            milestone["occurrences"] = (milestone.get("occurrences") or []) + [plain]

    number = f"{target.objective.id}: milestone #{target.index + 1}"
    return Change(splices, expect, f"{target.name} {said}",
                  f"{number} ({target.slot}) {verb}")
