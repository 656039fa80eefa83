"""``date-in-future``: a day the plan records (done_on, cancelled_on, moved_on, added_on, an
occurrence's, a rating's set_on) after today is a warning, with today read from the CLI's one
clock, ``cli.dates.today``, pinned here."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from conftest import REAL_PLAN, Run

from npmplan.check.cross import check
from npmplan.cli import dates
from npmplan.pipeline import read_plan

TODAY = date(2026, 12, 5)
SURVEY = '- {when: 2026-05, what: "Survey to assess AI scrutiny and use in detention"}'


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dates, "today", lambda: TODAY)


def with_survey(path: Path, fields: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(SURVEY) == 1
    path.write_text(text.replace(SURVEY, SURVEY[:-1] + ", " + fields + "}"), encoding="utf-8")


def line_of(path: Path, needle: str) -> tuple[int, int]:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number, line.index(needle) + 1
    raise AssertionError(needle)


def test_a_done_day_after_today_is_a_warning_at_its_value(run: Run, plan: Path) -> None:
    with_survey(plan, "status: done, done_on: 2026-12-06")
    line, column = line_of(plan, "2026-12-06")
    result = run("validate", str(plan))
    assert result.exit_code == 0, result.output  # a warning: the plan is valid
    assert (f"{plan}:{line}:{column}: warning: done_on 2026-12-06 is after today (2026-12-05), "
            "but the day it was done cannot be in the future; write the day it happened, or "
            "keep it planned until it is done [date-in-future]") in result.output
    assert run("validate", "--strict", str(plan)).exit_code == 1
    problems = json.loads(run("validate", "-f", "json", str(plan)).stdout)["problems"]
    future = [p for p in problems if p["rule"] == "date-in-future"]
    assert [(p["line"], p["column"], p["severity"]) for p in future] == [
        (line, column, "warning")]


@pytest.mark.parametrize("done_on", ["2026-12-05", "2026-12", "2026-11-30"])
def test_today_and_this_month_are_not_in_the_future(run: Run, plan: Path, done_on: str) -> None:
    with_survey(plan, f"status: done, done_on: {done_on}")
    result = run("validate", str(plan))
    assert result.exit_code == 0 and "date-in-future" not in result.output, result.output


def test_next_month_as_a_month_is_in_the_future(run: Run, plan: Path) -> None:
    with_survey(plan, "status: done, done_on: 2027-01")
    assert "done_on 2027-01 is after today (2026-12-05)" in run("validate", str(plan)).output


def test_the_check_needs_today_given_and_reads_no_clock(plan: Path) -> None:
    with_survey(plan, "status: cancelled, cancelled_on: 2031-01-01")
    result = read_plan(plan)
    assert result.plan is not None
    assert not [p for p in result.problems if p.rule == "date-in-future"]
    assert [f.loc[-1] for f in check(result.plan, TODAY) if f.rule.id == "date-in-future"] == [
        "cancelled_on"]
    later = read_plan(plan, today=date(2031, 1, 1))  # on the day itself: no warning
    assert not [p for p in later.problems if p.rule == "date-in-future"]


def test_the_shipped_plan_has_no_day_in_the_future(run: Run) -> None:
    result = run("validate", str(REAL_PLAN))
    assert result.exit_code == 0 and "date-in-future" not in result.output


def test_an_edit_refuses_a_later_day_and_does_not_repeat_a_warning(
        run: Run, plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dates, "today", lambda: date(2026, 12, 5))
    refused = run("done", "2.3", "survey", "--on", "2027-01-02", "--plan", str(plan))
    assert refused.exit_code == 2 and "is after today" in refused.stderr
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace('what: "Survey to assess AI scrutiny and use in detention"',
                                 'what: "Survey to assess AI scrutiny and use in detention", '
                                 'status: done, done_on: 2027-01-02'), encoding="utf-8")
    assert "done_on 2027-01-02 is after today (2026-12-05)" in \
        run("validate", str(plan)).output
    # the next edit brings no new warning: the one already there is not said again
    result = run("done", "2.3", "product", "--plan", str(plan))
    assert result.exit_code == 0, result.output
    assert "warning" not in result.output
    assert "is done (2026-12-05)" in result.output
