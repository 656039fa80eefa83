"""A report for a past day is the report as it stood that day (``--as-of``): the plan with
the changes made after that day undone (``compute.record.plan_as_of``), the changes made by
hand dated from the plan's git history (``npmplan.history``) where they carry no date.

For today or a later day nothing is undone (no change is dated after today), so git is
never run and the plan is used as read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from npmplan.cli import dates

if TYPE_CHECKING:
    from npmplan.compute.record import History
    from npmplan.compute.schedule import Row
    from npmplan.model.plan import Plan


@dataclass(frozen=True, slots=True)
class Stood:
    """The plan as it stood at the end of ``day``, and the dates history gave."""

    now: Plan  # the plan as read
    plan: Plan  # as it stood
    day: date
    past: bool  # the day is before today
    history: History = field(default_factory=dict)

    def undated(self, rows: list[Row]) -> int:
        """How many changes in ``rows`` carry no date, history having none either: they
        count as made before the period. 0 for today or later, when it makes no
        difference."""
        from npmplan.compute.record import undated_left

        if not self.past:
            return 0
        return undated_left(self.now, self.day, self.history, {o.id for _, o in rows})


def as_it_stood(model: Plan, path: Path, day: date) -> Stood:
    """``model`` (read from ``path``) as it stood at the end of ``day``."""
    from npmplan.compute.record import history_dates, may_need_history, plan_as_of

    today = dates.today()
    if day >= today:
        return Stood(model, model, day, past=False)
    history: History = {}
    if may_need_history(model):
        from npmplan.history import GitHistory

        history = history_dates(model, GitHistory(path), today)
    return Stood(model, plan_as_of(model, day, history), day, past=True, history=history)

