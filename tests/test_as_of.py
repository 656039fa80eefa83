"""A report for a past day is the report as it stood that day (issue 21): ``report``,
``status``, ``due`` and ``show`` with ``--as-of`` undo the changes made after it, by their
dates, else by the plan's git history; what neither dates is counted and said."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from conftest import Run

from npmplan import history
from npmplan.cli import dates

TODAY = date(2026, 12, 5)
# The milestone the tests change: objective 1.2, due in June (Q1).
LINE = '          - {when: 2026-06, what: "Conference planning beginning"}'
WHAT = "Conference planning beginning"
UNDATED_LINE = ("1 change carries no date and is counted as made before the period: add "
                "done_on, cancelled_on or moved_on to date it, or commit the plan so that "
                "git can.")
needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


@pytest.fixture(autouse=True)
def today(monkeypatch: pytest.MonkeyPatch) -> None:
    """The day the tests are written for, whatever the clock says."""
    monkeypatch.setattr(dates, "today", lambda: TODAY)


def _edit(plan: Path, fields: str) -> None:
    """Give the test's milestone ``fields`` (YAML flow-mapping entries)."""
    text = plan.read_text(encoding="utf-8")
    assert LINE in text
    plan.write_text(text.replace(LINE, LINE[:-1] + f", {fields}}}"), encoding="utf-8")


def _q1(run: Run, plan: Path, env: dict[str, str | None] | None = None) -> dict[str, Any]:
    result = run("report", "--plan", plan, "--quarter", "1", "--as-of", "2026-06-30",
                 "--format", "json", env=env)
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def _where(report: dict[str, Any]) -> set[str]:
    """The parts of objective 1.2's report that list the test's milestone."""
    [entry] = [o for o in report["objectives"] if o["id"] == "1.2"]
    return {part for part in ("done", "due_not_done", "moved", "next")
            if any(item["what"] == WHAT for item in entry[part])}


@pytest.mark.parametrize(("fields", "after", "within"), [
    ("status: done, done_on: {}", {"due_not_done"}, {"done"}),
    ("status: cancelled, cancelled_on: {}", {"due_not_done"}, set()),
    ("moved_to: 2026-09, moved_on: {}", {"due_not_done"}, {"moved", "next"}),
    ("added_on: {}", set(), {"due_not_done"}),
])
def test_a_change_dated_after_the_day_is_not_in_its_report(
        run: Run, plan: Path, fields: str, after: set[str], within: set[str]) -> None:
    original = plan.read_text(encoding="utf-8")
    _edit(plan, fields.format("2026-07-01"))
    late = _q1(run, plan)
    assert _where(late) == after
    assert late["undated"] == 0
    plan.write_text(original, encoding="utf-8")
    _edit(plan, fields.format("2026-06-30"))
    assert _where(_q1(run, plan)) == within


def test_the_report_of_a_past_quarter_is_as_of_its_last_day(run: Run, plan: Path) -> None:
    _edit(plan, "status: done, done_on: 2026-07-01")
    result = run("report", "--plan", plan, "--quarter", "1", "--format", "json")
    assert _where(json.loads(result.stdout)) == {"due_not_done"}


def test_status_due_and_show_stand_as_of_the_day(run: Run, plan: Path) -> None:
    _edit(plan, "status: done, done_on: 2026-07-01")
    for day, done in (("2026-06-30", 0), ("2026-07-01", 1)):
        status = json.loads(run("status", "--plan", plan, "--as-of", day, "--strategic", "1",
                                "--format", "json").stdout)
        assert status["total"]["done"] == done
    due = json.loads(run("due", "--plan", plan, "--as-of", "2026-06-30", "--format",
                         "json").stdout)
    assert WHAT in {item["what"] for item in due["due"]}
    shown = json.loads(run("show", "1.2", "--plan", plan, "--as-of", "2026-06-30",
                           "--format", "json").stdout)
    assert shown["milestones"][0]["status"] == "planned"


def test_show_keeps_each_milestones_number(run: Run, plan: Path) -> None:
    _edit(plan, "added_on: 2026-08-01")
    shown = json.loads(run("show", "1.2", "--plan", plan, "--as-of", "2026-06-30",
                           "--format", "json").stdout)
    assert [m["number"] for m in shown["milestones"]] == [2]  # #1 was added in August


# Undated changes ---------------------------------------------------------------------------

def test_an_undated_change_without_history_is_counted_and_said(run: Run, plan: Path) -> None:
    _edit(plan, "status: done")  # a hand edit, and the plan is not in git
    report = _q1(run, plan)
    assert _where(report) == {"done"} and report["undated"] == 1
    for fmt in ("text", "markdown"):
        words = run("report", "--plan", plan, "--quarter", "1", "--format", fmt).stdout
        assert " ".join(words.replace("\\_", "_").split()).endswith(UNDATED_LINE)
    for command in ("status", "due"):
        ran = run(command, "--plan", plan, "--as-of", "2026-06-30", "--format", "json")
        assert json.loads(ran.stdout)["undated"] == 1
        text = run(command, "--plan", plan, "--as-of", "2026-06-30").stdout
        assert UNDATED_LINE in " ".join(text.split())
    assert UNDATED_LINE in run("show", "1.2", "--plan", plan, "--as-of", "2026-06-30").stderr


def test_today_needs_no_date_and_no_git(run: Run, plan: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(*_: object) -> None:
        raise AssertionError("git was run for today's report")

    monkeypatch.setattr(history.GitHistory, "__init__", refused)
    _edit(plan, "status: done")
    for command in ("status", "due"):
        ran = run(command, "--plan", plan, "--format", "json")
        assert json.loads(ran.stdout)["undated"] == 0
    assert "no date" not in run("show", "1.2", "--plan", plan).output


def test_no_git_is_no_history_and_no_error(run: Run, plan: Path) -> None:
    _edit(plan, "status: done")
    report = _q1(run, plan, env={"PATH": str(plan.parent)})  # git cannot be found
    assert report["undated"] == 1


# Dated by git history ----------------------------------------------------------------------

def _git(repo: Path, *args: str, day: str = "2026-04-01") -> None:
    stamp = f"{day}T12:00:00+00:00"
    environment = {**os.environ, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp,
                   "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org",
                    "-c", "commit.gpgsign=false", *args], cwd=repo, env=environment,
                   check=True, capture_output=True, timeout=60)


def _repo(plan: Path) -> Path:
    """The folder of ``plan`` made a git repository, the plan committed on 1 April."""
    repo = plan.parent
    _git(repo, "init", "-q")
    _git(repo, "add", plan.name)
    _git(repo, "commit", "-q", "-m", "the plan")
    return repo


def _commit(plan: Path, fields: str, day: str) -> None:
    _edit(plan, fields)
    _git(plan.parent, "commit", "-q", "-a", "-m", f"edit of {day}", day=day)


@needs_git
@pytest.mark.parametrize(("day", "parts"), [("2026-08-14", {"due_not_done"}),
                                            ("2026-05-20", {"done"})])
def test_a_hand_edit_is_dated_by_its_commit(run: Run, plan: Path, day: str,
                                            parts: set[str]) -> None:
    _repo(plan)
    _commit(plan, "status: done", day)
    report = _q1(run, plan)
    assert _where(report) == parts
    assert report["undated"] == 0


@needs_git
def test_a_milestone_added_by_hand_is_absent_before_its_commit(run: Run, plan: Path) -> None:
    _repo(plan)
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace(LINE, LINE + '\n          - {when: 2026-06, what: "Late"}'),
                    encoding="utf-8")
    _git(plan.parent, "commit", "-q", "-a", "-m", "added", day="2026-09-02")
    [entry] = [o for o in _q1(run, plan)["objectives"] if o["id"] == "1.2"]
    assert "Late" not in {item["what"] for item in entry["due_not_done"]}
    september = run("status", "--plan", plan, "--as-of", "2026-09-02", "--strategic", "1",
                    "--format", "json")
    before = run("status", "--plan", plan, "--as-of", "2026-09-01", "--strategic", "1",
                 "--format", "json")
    assert (json.loads(september.stdout)["total"]["total"]
            == json.loads(before.stdout)["total"]["total"] + 1)


@needs_git
def test_an_uncommitted_change_is_made_today(run: Run, plan: Path) -> None:
    _repo(plan)
    _edit(plan, "status: cancelled")  # in the working copy only
    report = _q1(run, plan)
    assert _where(report) == {"due_not_done"} and report["undated"] == 0
    status = run("status", "--plan", plan, "--as-of", "2026-12-04", "--format", "json")
    assert json.loads(status.stdout)["total"]["cancelled"] == 0


@needs_git
def test_a_history_longer_than_the_bound_stops_looking(run: Run, plan: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    _repo(plan)
    _commit(plan, "status: done", "2026-05-20")
    for n, day in enumerate(("2026-07-01", "2026-07-02", "2026-07-03")):
        plan.write_text(plan.read_text(encoding="utf-8") + f"# note {n}\n", encoding="utf-8")
        _git(plan.parent, "commit", "-q", "-a", "-m", f"note {n}", day=day)
    assert _where(report := _q1(run, plan)) == {"done"} and report["undated"] == 0
    # Three versions are read, each already done: when it was done is not known.
    monkeypatch.setattr(history, "MAX_VERSIONS", 3)
    report = _q1(run, plan)
    assert _where(report) == {"done"} and report["undated"] == 1


@needs_git
def test_an_untracked_plan_in_a_repository_has_no_history(run: Run, plan: Path) -> None:
    _git(plan.parent, "init", "-q")
    _edit(plan, "status: done")
    ran = run("report", "--plan", plan, "--quarter", "1", "--format", "json", catch=True)
    assert ran.exception is None and json.loads(ran.stdout)["undated"] == 1
