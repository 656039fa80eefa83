"""`npmplan status`: counts, share delivered and slip on a plan with known numbers."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from conftest import Run
from reports_helpers import run_json, write_plan

from npmplan.compute.due import due_report
from npmplan.compute.record import entries
from npmplan.compute.status import status_report
from npmplan.model.dates import Month
from npmplan.pipeline import read_plan

PLAN = Path(__file__).resolve().parent.parent / "plans" / "2026-27.yaml"

# As of 2026-11-27 (the month is November):
#   1.1  done a, j, k (3); overdue b, c (2); planned d, e, g, h, i (5); cancelled f (1)
#        due by November: a, b, c, d, k (5), of which done a, k (2): 40%
#        slip: c 3 months later; k brought forward 1 month, which does not count: 3
#   2.1  done x: 1 of 1 due; 2.2 planned y, nothing due yet
KNOWN = """\
version: 1
plan: {title: Status test 2026-27, period: 2026-04..2027-03}
strategic_objectives:
  - id: "1"
    title: One
    objectives:
      - id: "1.1"
        title: First objective
        label: First
        schedule: [2026-04..2027-03]
        milestones:
          - {when: 2026-05, what: a, status: done, done_on: 2026-05-10}
          - {when: 2026-06, what: b}
          - {when: 2026-07, moved_to: 2026-10, what: c}
          - {when: 2026-11, what: d}
          - {when: 2026-12, what: e}
          - {when: 2026-08, what: f, status: cancelled}
          - {when: 2026-05..2027-03, every: 2, what: g}
          - {when: ongoing, what: h}
          - {when: tbc, what: i}
          - {when: 2027-02, what: j, status: done}
          - {when: 2026-09, moved_to: 2026-08, what: k, status: done}
  - id: "2"
    title: Two
    objectives:
      - id: "2.1"
        title: Second
        schedule: [2026-04..2026-06]
        milestones:
          - {when: 2026-04, what: x, status: done, done_on: 2026-04}
      - id: "2.2"
        title: Third
        schedule: [2027-01..2027-03]
        milestones:
          - {when: 2027-03, what: y}
"""


def counts(done: int, planned: int, overdue: int, cancelled: int, due: int, delivered: int,
           share: float | None, slip: int = 0, moved: int = 0) -> dict[str, Any]:
    return {"done": done, "planned": planned, "overdue": overdue, "cancelled": cancelled,
            "total": done + planned + overdue + cancelled, "due": due, "delivered": delivered,
            "share": share, "slip": slip, "moved": moved}


def known(tmp_path: Path) -> str:
    return str(write_plan(tmp_path, KNOWN))


def status_json(run: Run, *args: str) -> dict[str, Any]:
    return run_json(run, "status", *args)


def test_counts_share_and_slip(run: Run, tmp_path: Path) -> None:
    data = status_json(run, "--plan", known(tmp_path), "--as-of", "2026-11-27")
    assert (data["plan"], data["as_of"], data["month"]) == (
        "Status test 2026-27", "2026-11-27", "2026-11")
    first, second = data["strategic_objectives"]
    # g meets every other month from May: its May, July and September meetings were neither
    # held nor cancelled (overdue), November's is this month's, January's and March's to come
    assert first["objectives"] == [{"id": "1.1", "label": "First",
                                    **counts(3, 7, 5, 1, 9, 2, 0.2222, slip=3, moved=2)}]
    assert {k: v for k, v in first.items() if k != "objectives"} == {
        "id": "1", "title": "One", **counts(3, 7, 5, 1, 9, 2, 0.2222, slip=3, moved=2)}
    assert second["objectives"] == [
        {"id": "2.1", "label": "Second", **counts(1, 0, 0, 0, 1, 1, 1.0)},
        {"id": "2.2", "label": "Third", **counts(0, 1, 0, 0, 0, 0, None)}]
    assert second["share"] == 1.0
    assert data["total"] == counts(4, 8, 5, 1, 10, 3, 0.3, slip=3, moved=2)


def test_due_in_the_month_is_due_but_not_yet_overdue(run: Run, tmp_path: Path) -> None:
    data = status_json(run, "--plan", known(tmp_path), "--as-of", "2026-06-01")
    # June: x and a (done), b (due this month) and g's May meeting are due; only that
    # meeting is overdue.
    assert data["total"] == counts(4, 12, 1, 1, 4, 2, 0.5, slip=3, moved=2)


def test_text_has_bars_and_a_total_row(run: Run, tmp_path: Path) -> None:
    result = run("status", "--plan", known(tmp_path), "--as-of", "2026-11-27")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].rstrip() == "Status of Status test 2026-27 as of 27 November 2026"
    assert lines[1].split() == ["Id", "Objective", "Done", "Planned", "Overdue", "Cancelled",
                                "Delivered", "Slip"]
    assert lines[3].split() == ["1.1", "First", "3", "7", "5", "1", "██░░░░░░", "2/9", "22%",
                                "3"]
    assert lines[6].split() == ["2.2", "Third", "0", "1", "0", "0", "–", "none", "due", "0"]
    assert lines[7].split() == ["Total", "4", "8", "5", "1", "██░░░░░░", "3/10", "30%", "3"]


def test_markdown_table(run: Run, tmp_path: Path) -> None:
    result = run("status", "--plan", known(tmp_path), "--as-of", "2026-11-27", "-f", "markdown")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("## Status of Status test 2026-27 as of 27 November 2026\n")
    assert "| 1.1 | First | 3 | 7 | 5 | 1 | ██░░░░░░ 2/9 22% | 3 |" in result.output
    assert "|  | Total | 4 | 8 | 5 | 1 | ██░░░░░░ 3/10 30% | 3 |" in result.output


def test_filters_and_bad_values(run: Run, tmp_path: Path) -> None:
    data = status_json(run, "--plan", known(tmp_path), "--as-of", "2026-11-27", "--strategic", "2")
    assert [g["id"] for g in data["strategic_objectives"]] == ["2"]
    assert data["total"] == counts(1, 1, 0, 0, 1, 1, 1.0)
    result = run("status", "--plan", known(tmp_path), "--strategic", "9")
    assert result.exit_code == 2
    assert "there is no strategic objective '9'" in result.output
    result = run("status", "--plan", known(tmp_path), "--as-of", "27/11/2026")
    assert result.exit_code == 2


def test_real_plan_agrees_with_the_stand_up() -> None:
    """Overdue here is the `due` report's overdue list; every milestone counts once."""
    plan = read_plan(PLAN).plan
    assert plan is not None
    as_of = date(2026, 11, 27)
    report = status_report(plan.objectives(), as_of, plan.plan.period)
    due = due_report(Month.of(2026, 11), plan.objectives(), plan.plan.period)
    overdue = due.sections["overdue"]
    assert report.total.overdue == len(overdue) > 0
    # each milestone counts once, each recurring one once for each of its occurrences
    assert report.total.total == sum(len(entries(obj, plan.plan.period))
                                     for _, obj in plan.objectives())
    assert report.total.total > sum(len(obj.milestones) for _, obj in plan.objectives())
    assert [s.strategic.id for s in report.strategic] == ["1", "2", "3", "4", "5", "6"]
