"""Changes of state (``write.states``): every change dated, a meeting of a series recorded
one at a time, nothing overwritten without ``--force``, ``reopen``, and MATCH looking at
open milestones first. Today is pinned (``cli.dates.today``) so that these hold on any day."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path

import pytest
from conftest import Run

from npmplan.cli import dates
from npmplan.model.plan import Milestone, Plan
from npmplan.pipeline import read_plan

TODAY = date(2026, 12, 5)
AI = "AI Task"  # 2.3 #1: every 2 months, May 2026 to March 2027, a flow mapping
MOJ = "Quarterly meetings between"  # 5.4 #4: every 3 months, Sep to Mar, a block mapping


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dates, "today", lambda: TODAY)


def state(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


def model(path: Path) -> Plan:
    result = read_plan(path)
    assert result.plan is not None, [str(p) for p in result.errors]
    return result.plan


def milestone(path: Path, objective_id: str, number: int) -> Milestone:
    return {o.id: o for _, o in model(path).objectives()}[objective_id].milestones[number - 1]


def due(run: Run, plan: Path, month: str, as_of: str) -> dict[str, list[dict[str, str]]]:
    outcome = run("due", "--month", month, "--as-of", as_of, "--all", "--format", "json",
                  "--plan", plan)
    assert outcome.exit_code == 0, outcome.output
    report: dict[str, list[dict[str, str]]] = json.loads(outcome.stdout)
    return report


def ai_items(report: dict[str, list[dict[str, str]]], section: str) -> list[dict[str, str]]:
    return [item for item in report[section] if AI in item["what"]]


# --- one meeting at a time ----------------------------------------------------------------


def test_done_marks_the_meeting_of_the_month_of_on_only(run: Run, plan: Path) -> None:
    outcome = run("done", "2.3", AI, "--on", "2026-07-14", "--plan", plan)
    assert outcome.exit_code == 0, outcome.output
    assert "(July 2026) is done (2026-07-14)" in outcome.stdout
    series = milestone(plan, "2.3", 1)
    assert series.status == "planned"  # the series stays open
    assert [(str(r.month), r.status, r.done_on and r.done_on.text)
            for r in series.occurrences] == [("2026-07", "done", "2026-07-14")]
    september = due(run, plan, "2026-09", "2026-09-10")
    assert [(i["occurrence"], i["status"]) for i in ai_items(september, "recurring")] == \
        [("2026-09", "planned")]
    assert [i["occurrence"] for i in ai_items(september, "overdue")] == ["2026-05"]
    assert run("validate", plan).exit_code == 0


def test_a_second_done_of_a_meeting_is_refused_and_force_replaces_it(run: Run,
                                                                    plan: Path) -> None:
    assert run("done", "2.3", AI, "--on", "2026-07-14", "--plan", plan).exit_code == 0
    before = state(plan)
    again = run("done", "2.3", AI, "--occurrence", "2026-07", "--on", "2026-07-20",
                "--plan", plan)
    assert again.exit_code == 1, again.output
    assert "(July 2026) is done on 2026-07-14 already, so nothing was written" in again.stderr
    assert "--force" in again.stderr and "--occurrence 2026-07" in again.stderr
    assert state(plan) == before
    forced = run("done", "2.3", AI, "--occurrence", "2026-07", "--on", "2026-07-20",
                 "--force", "--plan", plan)
    assert forced.exit_code == 0, forced.output
    assert "is done (2026-07-20; was done on 2026-07-14)" in forced.stdout
    assert [r.done_on and r.done_on.text for r in milestone(plan, "2.3", 1).occurrences] == \
        ["2026-07-20"]


def test_cancel_and_move_a_meeting_of_a_block_written_series(run: Run, plan: Path) -> None:
    text = plan.read_text(encoding="utf-8")
    cancelled = run("cancel", "5.4", MOJ, "--occurrence", "2026-12", "--on", "2026-11-30",
                    "--note", "Minister unavailable", "--plan", plan)
    assert cancelled.exit_code == 0, cancelled.output
    moved = run("move", "5.4", MOJ, "--occurrence", "2027-03", "--to", "2027-02",
                "--on", "2026-12-01", "--plan", plan)
    assert moved.exit_code == 0, moved.output
    assert "moved to 2027-02 on 2026-12-01 (planned: 2027-03)" in moved.stdout
    records = milestone(plan, "5.4", 4).occurrences
    assert [(str(r.month), r.status, str(r.cancelled_on), r.note) for r in records[:1]] == \
        [("2026-12", "cancelled", "2026-11-30", "Minister unavailable")]
    assert (str(records[1].moved_to), str(records[1].moved_on)) == ("2027-02", "2026-12-01")
    after = plan.read_text(encoding="utf-8")
    series = text.index("every: 3")
    assert after[:series] == text[:series]  # only lines after the series' start change
    assert "            occurrences:\n              - {month: 2026-12, status: cancelled" in after
    assert run("validate", plan).exit_code == 0


def test_a_quarterly_meeting_is_named_by_any_month_of_its_quarter(run: Run,
                                                                   plan: Path) -> None:
    outcome = run("done", "2.1", "quarterly meetings", "--on", "2026-08-12", "--plan", plan)
    assert outcome.exit_code == 0, outcome.output
    assert "(the quarter from July 2026)" in outcome.stdout
    records = {o.id: o for _, o in model(plan).objectives()}["2.1"].milestones
    series = next(m for m in records if m.when.kind == "quarterly")
    assert [str(r.month) for r in series.occurrences] == ["2026-07"]


def test_a_month_without_a_meeting_is_a_usage_error_naming_the_meetings(run: Run,
                                                                       plan: Path) -> None:
    before = state(plan)
    outcome = run("done", "2.3", AI, "--plan", plan)  # December: no meeting that month
    assert outcome.exit_code == 2
    assert "this month (December 2026) is not one of them" in outcome.stderr
    assert "May 2026, July 2026" in outcome.stderr and "--occurrence 2026-11" in outcome.stderr
    assert "--all-occurrences" in outcome.stderr
    for argv in (["--occurrence", "2026-08"], ["--on", "2026-08-03"]):
        wrong = run("done", "2.3", AI, *argv, "--plan", plan)
        assert wrong.exit_code == 2 and "August 2026" in wrong.stderr
    not_a_series = run("done", "2.4", "visits", "--occurrence", "2026-08", "--plan", plan)
    assert not_a_series.exit_code == 2 and "does not recur" in not_a_series.stderr
    assert state(plan) == before


def test_all_occurrences_acts_on_the_series(run: Run, plan: Path) -> None:
    outcome = run("cancel", "2.3", AI, "--all-occurrences", "--on", "2026-10-01",
                  "--plan", plan)
    assert outcome.exit_code == 0, outcome.output
    series = milestone(plan, "2.3", 1)
    assert (series.status, str(series.cancelled_on), series.occurrences) == \
        ("cancelled", "2026-10-01", [])


# --- every change dated; no date after today ------------------------------------------------


@pytest.mark.parametrize("argv", [
    ["done", "2.4", "visits", "--on", "2027-02-01"],
    ["done", "2.4", "visits", "--on", "2027-01"],
    ["cancel", "2.4", "visits", "--on", "2026-12-06"],
    ["move", "2.4", "visits", "--to", "2027-01", "--on", "2027-01-02"],
    ["add", "2.4", "--when", "2027-01", "--what", "x", "--on", "2026-12-31"],
])
def test_a_day_after_today_is_refused(run: Run, plan: Path, argv: list[str]) -> None:
    before = state(plan)
    outcome = run(*argv, "--plan", plan)
    assert outcome.exit_code == 2, outcome.output
    assert "is after" in outcome.stderr and "or before" in outcome.stderr
    assert state(plan) == before


def test_each_change_writes_its_day(run: Run, plan: Path) -> None:
    assert run("cancel", "4.5", "dates to be confirmed", "--plan", plan).exit_code == 0
    assert run("move", "3.1", "drop-in", "--to", "2027-01", "--plan", plan).exit_code == 0
    assert run("add", "3.4", "--when", "2027-01", "--what", "Launch", "--plan",
               plan).exit_code == 0
    assert str(milestone(plan, "4.5", 2).cancelled_on) == "2026-12-05"
    assert str(milestone(plan, "3.1", 4).moved_on) == "2026-12-05"
    added = {o.id: o for _, o in model(plan).objectives()}["3.4"].milestones[-1]
    assert (added.what, str(added.added_on)) == ("Launch", "2026-12-05")


# --- nothing overwritten without saying so ---------------------------------------------------


@pytest.mark.parametrize(("first", "then", "was"), [
    (["done", "--on", "2026-05-28"], ["done"], "done on 2026-05-28"),
    (["done", "--on", "2026-05-28"], ["cancel"], "done on 2026-05-28"),
    (["done", "--on", "2026-05-28"], ["move", "--to", "2027-01"], "done on 2026-05-28"),
    (["cancel", "--on", "2026-06-02"], ["done"], "cancelled on 2026-06-02"),
    (["cancel", "--on", "2026-06-02"], ["cancel"], "cancelled on 2026-06-02"),
    (["cancel", "--on", "2026-06-02"], ["move", "--to", "2027-01"], "cancelled on 2026-06-02"),
])
def test_a_closed_milestone_is_not_changed_without_force(
        run: Run, plan: Path, first: list[str], then: list[str], was: str) -> None:
    name = ["2.4", "visits"]
    assert run(first[0], *name, *first[1:], "--plan", plan).exit_code == 0
    before = state(plan)
    refused = run(then[0], *name, *then[1:], "--plan", plan)
    assert refused.exit_code == 1, refused.output
    assert f"is {was} already, so nothing was written" in refused.stderr
    assert "add --force" in refused.stderr and "npmplan reopen 2.4 '#1'" in refused.stderr
    assert state(plan) == before
    forced = run(then[0], *name, *then[1:], "--force", "--plan", plan)
    assert forced.exit_code == 0, forced.output
    assert f"was {was}" in forced.stdout
    assert run("validate", plan).exit_code == 0


def test_a_forced_move_makes_a_closed_milestone_planned_again(run: Run, plan: Path) -> None:
    assert run("done", "2.4", "visits", "--on", "2026-05-28", "--plan", plan).exit_code == 0
    assert run("move", "2.4", "visits", "--to", "2027-01", "--force", "--plan",
               plan).exit_code == 0
    moved = milestone(plan, "2.4", 1)
    assert (moved.status, moved.done_on, str(moved.moved_to)) == ("planned", None, "2027-01")


def test_reopen_removes_the_status_and_keeps_the_note(run: Run, plan: Path) -> None:
    assert run("cancel", "4.5", "dates", "--note", "postponed", "--on", "2026-10-02",
               "--plan", plan).exit_code == 0
    outcome = run("reopen", "4.5", "dates", "--plan", plan)
    assert outcome.exit_code == 0, outcome.output
    assert "is planned again (was cancelled on 2026-10-02)" in outcome.stdout
    reopened = milestone(plan, "4.5", 2)
    assert (reopened.status, reopened.cancelled_on, reopened.note) == \
        ("planned", None, "postponed")
    before = state(plan)
    again = run("reopen", "4.5", "dates", "--plan", plan)
    assert again.exit_code == 1 and "nothing to reopen" in again.stderr
    assert state(plan) == before


def test_reopen_a_meeting(run: Run, plan: Path) -> None:
    assert run("done", "2.3", AI, "--on", "2026-07-14", "--plan", plan).exit_code == 0
    outcome = run("reopen", "2.3", AI, "--occurrence", "2026-07", "--plan", plan)
    assert outcome.exit_code == 0, outcome.output
    assert [(str(r.month), r.status) for r in milestone(plan, "2.3", 1).occurrences] == \
        [("2026-07", "planned")]
    september = due(run, plan, "2026-09", "2026-09-10")
    assert sorted(i["occurrence"] for i in ai_items(september, "overdue")) == \
        ["2026-05", "2026-07"]


# --- MATCH looks at open milestones first -----------------------------------------------------


def test_match_prefers_the_open_milestone(run: Run, plan: Path) -> None:
    ambiguous = run("done", "1.3", "train-the-trainer", "--dry-run", "--plan", plan)
    assert ambiguous.exit_code == 2 and "2 milestones" in ambiguous.stderr
    assert run("done", "1.3", "#1", "--on", "2026-05-20", "--plan", plan).exit_code == 0
    outcome = run("done", "1.3", "train-the-trainer", "--on", "2026-07-22", "--plan", plan)
    assert outcome.exit_code == 0, outcome.output
    assert "1.3 #3" in outcome.stdout
    reopened = run("reopen", "1.3", "train-the-trainer", "--plan", plan)
    assert reopened.exit_code == 2 and "2 milestones" in reopened.stderr  # both closed now
    assert run("reopen", "1.3", "focus group", "--plan", plan).exit_code == 0
    assert run("reopen", "1.3", "train-the-trainer", "--plan", plan).exit_code == 0
    assert milestone(plan, "1.3", 3).status == "planned"


def test_the_calendar_marks_meetings_as_their_records_leave_them(run: Run, plan: Path) -> None:
    def marks() -> dict[str, int]:
        outcome = run("calendar", "--format", "json", "--plan", plan)
        row = next(r for r in json.loads(outcome.stdout)["rows"] if r["id"] == "2.3")
        found: dict[str, int] = row["milestones"]
        return found

    before = marks()
    assert run("cancel", "2.3", AI, "--occurrence", "2026-09", "--on", "2026-09-01",
               "--plan", plan).exit_code == 0
    assert run("move", "2.3", AI, "--occurrence", "2026-11", "--to", "2026-12", "--on",
               "2026-10-01", "--plan", plan).exit_code == 0
    after = marks()
    assert (before["2026-09"], before["2026-11"], before.get("2026-12")) == (1, 1, None)
    assert ("2026-09" in after, "2026-11" in after, after["2026-12"]) == (False, False, 1)


def test_reopen_without_occurrence_takes_the_one_closed_meeting(run: Run, plan: Path) -> None:
    assert run("done", "2.3", AI, "--on", "2026-07-14", "--plan", plan).exit_code == 0
    outcome = run("reopen", "2.3", AI, "--plan", plan)  # December: no meeting that month
    assert outcome.exit_code == 0, outcome.output
    assert "(July 2026) is planned again" in outcome.stdout
    for on in ("2026-07-14", "2026-09-14"):
        assert run("done", "2.3", AI, "--on", on, "--plan", plan).exit_code == 0
    before = state(plan)
    two = run("reopen", "2.3", AI, "--plan", plan)
    assert two.exit_code == 2
    assert "--occurrence 2026-07, --occurrence 2026-09" in two.stderr
    assert state(plan) == before
