"""The record of the year: a plan as it stood on a past day, and what carries no date."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

from reports_helpers import write_plan

from npmplan.compute.record import Found, history_dates, plan_as_of, undated, undated_left
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


# Dated by history ---------------------------------------------------------------------------

class Versions:
    """Earlier versions, newest first, as ``npmplan.history.GitHistory`` gives them."""

    def __init__(self, versions: list[tuple[date, Plan]], complete: bool) -> None:
        self.versions = versions
        self.complete = complete

    def __iter__(self) -> Iterator[tuple[date, Plan]]:
        return iter(self.versions)


HAND = """\
version: 1
plan: {title: By hand, period: 2026-04..2027-03}
strategic_objectives:
  - id: "1"
    title: One
    objectives:
      - id: "1.1"
        title: Changes
        milestones:
"""


def _version(tmp_path: Path, *lines: str) -> Plan:
    body = HAND + "".join(f"          - {{{line}}}\n" for line in lines)
    plan = read_plan(write_plan(tmp_path, body)).plan
    assert plan is not None
    return plan


def test_history_dates_each_change_by_the_commit_it_has_held_since(tmp_path: Path) -> None:
    first = _version(tmp_path, "when: 2026-05, what: a", "when: 2026-06, what: b")
    second = _version(tmp_path, "when: 2026-05, what: a, status: done",
                      "when: 2026-06, what: b")
    third = _version(tmp_path, "when: 2026-05, what: a, status: done",
                     "when: 2026-06, what: b, moved_to: 2026-09", "when: 2026-07, what: c")
    now = _version(tmp_path, "when: 2026-05, what: a, status: done",
                   "when: 2026-06, what: b, moved_to: 2026-09", "when: 2026-07, what: c",
                   "when: 2026-08, what:  d  ")  # not committed yet
    days = [date(2026, 8, 1), date(2026, 6, 1), date(2026, 4, 1)]
    found = history_dates(now, Versions(list(zip(days, [third, second, first], strict=True)),
                                        complete=True), date(2026, 12, 5))
    assert found == {("1.1", 0, None): Found(done=date(2026, 6, 1)),
                     ("1.1", 1, None): Found(moved=date(2026, 8, 1)),
                     ("1.1", 2, None): Found(added=date(2026, 8, 1)),
                     ("1.1", 3, None): Found(added=date(2026, 12, 5))}
    stood = plan_as_of(now, date(2026, 7, 31), found)
    assert _states(stood) == {"a": ("done", None), "b": ("planned", None)}
    assert undated_left(now, date(2026, 7, 31), found, {"1.1"}) == 0


def test_history_cut_short_dates_only_what_changed_within_it(tmp_path: Path) -> None:
    done = _version(tmp_path, "when: 2026-05, what: a, status: done", "when: 2026-06, what: b")
    now = _version(tmp_path, "when: 2026-05, what: a, status: done",
                   "when: 2026-06, what: b, status: cancelled")
    versions = [(date(2026, 9, 1), done), (date(2026, 8, 1), done)]
    for complete, done_on in ((True, date(2026, 8, 1)), (False, None)):
        found = history_dates(now, Versions(versions, complete), date(2026, 12, 5))
        # a: done since the oldest version read; b: cancelled since the working copy
        assert found.get(("1.1", 0, None), Found()).done == done_on
        assert found[("1.1", 1, None)] == Found(cancelled=date(2026, 12, 5))
        assert undated_left(now, date(2026, 6, 30), found, {"1.1"}) == (done_on is None)
    assert history_dates(now, Versions([], complete=False), date(2026, 12, 5)) == {}
