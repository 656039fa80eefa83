"""The record of the year: a plan as it stood on a past day, and what carries no date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reports_helpers import write_plan

from npmplan.compute.record import plan_as_of, undated
from npmplan.model.plan import Plan
from npmplan.pipeline import read_plan

DATED = """\
version: 1
plan: {title: Dated, period: 2026-04..2027-03}
strategic_objectives:
  - id: "1"
    title: One
    objectives:
      - id: "1.1"
        title: Changes
        schedule: [2026-04..2027-03]
        milestones:
          - {when: 2026-06, what: done in July, status: done, done_on: 2026-07-15}
          - {when: 2026-06, what: done in June by month, status: done, done_on: 2026-06}
          - {when: 2026-08, what: cancelled, status: cancelled, cancelled_on: 2026-08-02}
          - {when: 2026-09, what: moved, moved_to: 2026-12, moved_on: 2026-09-20}
          - {when: 2026-10, what: added late, added_on: 2026-09-01}
          - {when: 2026-05, what: undated done, status: done}
          - when: 2026-05..2027-03
            every: 2
            what: meeting
            occurrences: [{month: 2026-07, status: done, done_on: 2026-07-14}]
"""


def _plan(tmp_path: Path) -> Plan:
    plan = read_plan(write_plan(tmp_path, DATED)).plan
    assert plan is not None
    return plan


def _states(plan: Plan) -> dict[str, tuple[str, str | None]]:
    [(_, objective)] = plan.objectives()
    return {m.what: (m.status, m.moved_to.text if m.moved_to else None)
            for m in objective.milestones}


def test_changes_dated_after_the_day_are_undone(tmp_path: Path) -> None:
    before = plan_as_of(_plan(tmp_path), date(2026, 6, 30))
    assert _states(before) == {
        "done in July": ("planned", None), "done in June by month": ("done", None),
        "cancelled": ("planned", None), "moved": ("planned", None),
        "undated done": ("done", None), "meeting": ("planned", None)}
    [(_, objective)] = before.objectives()
    assert objective.milestones[-1].occurrences[0].status == "planned"


def test_changes_dated_on_or_before_the_day_stand(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    after = plan_as_of(plan, date(2026, 9, 20))
    assert _states(after) == _states(plan)
    assert plan_as_of(plan, date(2027, 3, 31)) == plan


def test_undated_changes_are_counted(tmp_path: Path) -> None:
    [(_, objective)] = _plan(tmp_path).objectives()
    assert undated(objective.milestones) == 1  # "undated done"
