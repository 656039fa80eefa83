"""`npmplan due`: the stand-up, around the year end and every kind of milestone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from reports_helpers import PLAN, assert_golden, run, write_plan

YEAR_END = """\
version: 1
plan: {title: Year end, period: 2026-04..2027-03}
team: [{id: mk, name: M K}, {id: jk, name: J K}]
strategic_objectives:
  - id: "1"
    title: One
    objectives:
      - id: "1.1"
        title: Winter work
        leads: [mk]
        schedule: [2026-11..2027-02]
        milestones:
          - {when: 2026-12, what: late one}
          - {when: 2026-12..2027-01, what: spanning}
          - {when: 2026-11, moved_to: 2027-01, what: replanned}
          - {when: 2026-12, status: done, done_on: 2026-12-10, what: finished}
          - {when: 2026-12, status: cancelled, what: dropped}
          - {when: 2026-11..2027-03, every: 2, what: bimonthly}
          - {when: ongoing, what: always}
          - {when: tbc, what: someday}
          - {when: winter 2026, what: seasonal}
  - id: "2"
    title: Two
    objectives:
      - id: "2.1"
        title: Other
        leads: [jk]
        schedule: [2026-04..2027-03]
        milestones:
          - {when: 2027-02, what: next month item}
"""


def due(tmp_path: Path, month: str, *args: str) -> dict[str, list[dict[str, object]]]:
    plan = write_plan(tmp_path, YEAR_END)
    code, out = run("due", "--plan", str(plan), "--month", month, "--format", "json", *args)
    assert code == 0, out
    data: dict[str, list[dict[str, object]]] = json.loads(out)
    return data


def whats(data: dict[str, list[dict[str, object]]], section: str) -> list[object]:
    return [item["what"] for item in data[section]]


def test_december(tmp_path: Path) -> None:
    data = due(tmp_path, "2026-12")
    assert data["month"] == "2026-12"  # type: ignore[comparison-overlap]
    assert whats(data, "due") == ["late one", "finished"]
    assert whats(data, "in_progress") == ["spanning", "seasonal"]
    assert whats(data, "recurring") == []
    assert whats(data, "ongoing") == ["always"]
    assert whats(data, "tbc") == ["someday"]
    assert whats(data, "overdue") == []
    assert "dropped" not in json.dumps(data)


def test_january_across_the_year_end(tmp_path: Path) -> None:
    data = due(tmp_path, "2027-01")
    assert whats(data, "overdue") == ["late one"]
    assert whats(data, "due") == ["spanning", "replanned"]
    assert whats(data, "in_progress") == ["seasonal"]
    assert whats(data, "recurring") == ["bimonthly"]
    assert whats(data, "ongoing") == ["always"]
    assert whats(data, "next_month") == ["seasonal", "next month item"]
    replanned = data["due"][1]
    assert replanned == {"objective": "1.1", "what": "replanned", "when": "2026-11",
                         "moved_to": "2027-01", "window": ["2027-01", "2027-01"],
                         "status": "planned"}
    assert data["overdue"][0]["window"] == ["2026-12", "2026-12"]


def test_done_is_never_overdue_and_ongoing_follows_the_schedule(tmp_path: Path) -> None:
    data = due(tmp_path, "2027-03")
    assert whats(data, "overdue") == ["late one", "spanning", "replanned", "seasonal",
                                      "next month item"]
    assert "finished" not in whats(data, "overdue")
    assert whats(data, "ongoing") == []  # 1.1 is not active in March
    assert whats(data, "recurring") == ["bimonthly"]
    assert whats(data, "tbc") == ["someday"]


def test_filters(tmp_path: Path) -> None:
    data = due(tmp_path, "2027-02", "--lead", "jk")
    assert whats(data, "due") == ["next month item"]
    assert whats(data, "overdue") == []
    data = due(tmp_path, "2027-02", "--strategic", "1")
    assert "next month item" not in json.dumps(data)


def test_text_sections_and_overdue_count(tmp_path: Path) -> None:
    plan = write_plan(tmp_path, YEAR_END)
    code, out = run("due", "--plan", str(plan), "--month", "2027-01")
    assert code == 0, out
    order = ["Overdue (1)", "Due this month (2)", "In progress (1)", "Recurring this month (1)",
             "Ongoing (1)", "To be confirmed (1)", "Next month: February 2027 (2 due)"]
    positions = [out.index(title) for title in order]
    assert positions == sorted(positions)
    assert "1 month overdue" in out
    assert "moved from 2026-11" in out


def test_month_defaults_to_as_of(tmp_path: Path) -> None:
    plan = write_plan(tmp_path, YEAR_END)
    _, out = run("due", "--plan", str(plan), "--as-of", "2027-01-15", "--format", "json")
    assert json.loads(out)["month"] == "2027-01"


def test_real_plan_september_stand_up() -> None:
    code, out = run("due", "--plan", str(PLAN), "--month", "2026-09", width=100)
    assert code == 0, out
    assert_golden("due-2026-09.txt", out)
    code, md = run("due", "--plan", str(PLAN), "--month", "2026-09", "--format", "markdown")
    assert code == 0, md
    assert_golden("due-2026-09.md", md)
    assert "### Due this month (9)" in md


@pytest.mark.parametrize("month", ["2026-13", "Sept", "26-09"])
def test_bad_month_is_usage_error(month: str) -> None:
    code, out = run("due", "--plan", str(PLAN), "--month", month)
    assert code == 2, out
    assert "Traceback" not in out
