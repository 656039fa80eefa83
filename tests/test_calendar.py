"""`npmplan calendar`: the appendix, computed — checked against the source document."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from conftest import Run, npmplan_process
from reports_helpers import PLAN, ROOT, assert_golden, write_plan

APPENDIX_WORKLOAD = [8, 11, 17, 18, 19, 17, 18, 19, 18, 16, 16, 17]
APPENDIX_TOTALS = {
    "1.1": 9, "1.2": 6, "1.3": 11, "2.1": 11, "2.2": 12, "2.3": 11, "2.4": 8, "2.5": 6,
    "3.1": 10, "3.2": 12, "3.3": 12, "3.4": 5, "4.4": 12, "4.5": 3, "4.6": 5, "5.1": 6,
    "5.2": 6, "5.3": 12, "5.4": 10, "5.5": 12, "6.1": 10, "6.2": 5,
}


def calendar_json(run: Run, *args: str) -> dict[str, object]:
    result = run("calendar", "--plan", str(PLAN), "--format", "json", *args)
    assert result.exit_code == 0, result.output
    data: dict[str, object] = json.loads(result.output)
    return data


def test_workload_row_and_row_totals_equal_the_appendix(run: Run) -> None:
    data = calendar_json(run)
    assert data["workload"] == APPENDIX_WORKLOAD
    assert data["total"] == 194
    rows = data["rows"]
    assert isinstance(rows, list)
    assert {row["id"]: row["total"] for row in rows} == APPENDIX_TOTALS
    assert data["months"] == [f"2026-{m:02d}" for m in range(4, 13)] + [
        "2027-01", "2027-02", "2027-03"]


def test_text_workload_row_shows_the_appendix_figures(run: Run) -> None:
    result = run("calendar", "--plan", str(PLAN), "--as-of", "2026-09-10", width=80)
    assert result.exit_code == 0, result.output
    line = next(x for x in result.output.splitlines() if "Monthly workload" in x)
    numbers = [int(n) for n in line.replace("Monthly workload", "").split()]
    assert numbers == [*APPENDIX_WORKLOAD, 194]


@pytest.mark.parametrize("width", [80, 200])
def test_text_golden(run: Run, width: int) -> None:
    result = run("calendar", "--plan", str(PLAN), "--as-of", "2026-09-10", width=width)
    assert result.exit_code == 0, result.output
    assert max(len(line) for line in result.output.splitlines()) <= width
    assert_golden(f"calendar-{width}.txt", result.output)


def test_markdown_golden(run: Run) -> None:
    result = run("calendar", "--plan", str(PLAN), "--format", "markdown")
    assert result.exit_code == 0, result.output
    assert_golden("calendar.md", result.output)


def test_csv_golden_and_readable_by_csv(run: Run) -> None:
    result = run("calendar", "--plan", str(PLAN), "--format", "csv")
    assert result.exit_code == 0, result.output
    assert_golden("calendar.csv", result.output)
    rows = list(csv.reader(io.StringIO(result.output)))
    assert rows[-1][5:17] == [str(n) for n in APPENDIX_WORKLOAD]


def test_filter_counts_only_shown_rows_and_says_so(run: Run) -> None:
    data = calendar_json(run, "--strategic", "2")
    rows = data["rows"]
    assert isinstance(rows, list)
    assert [row["id"] for row in rows] == ["2.1", "2.2", "2.3", "2.4", "2.5"]
    assert data["total"] == 11 + 12 + 11 + 8 + 6
    result = run("calendar", "--plan", str(PLAN), "--strategic", "2")
    assert "Showing strategic objective 2" in result.output
    assert "Monthly workload (shown rows)" in result.output


def test_from_to_narrows_the_months(run: Run) -> None:
    data = calendar_json(run, "--from", "2026-09", "--to", "2026-11")
    assert data["months"] == ["2026-09", "2026-10", "2026-11"]
    assert data["workload"] == APPENDIX_WORKLOAD[5:8]


def test_priority_filter(run: Run) -> None:
    data = calendar_json(run, "--priority", "core")
    rows = data["rows"]
    assert isinstance(rows, list)
    assert [row["id"] for row in rows] == ["5.1", "5.2", "5.3", "5.4", "5.5"]


@pytest.mark.parametrize(("args", "message"), [
    (("--strategic", "9"), "there is no strategic objective '9'"),
    (("--lead", "zz"), "there is no team member 'zz'"),
    (("--priority", "high"), "is not a priority"),
    (("--from", "Jul 26"), "2026-07"),
    (("--from", "2030-01"), "no month of the plan period"),
    (("--as-of", "yesterday"), "YYYY-MM-DD"),
])
def test_bad_filters_are_usage_errors(run: Run, args: tuple[str, ...], message: str) -> None:
    result = run("calendar", "--plan", str(PLAN), *args)
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert "Traceback" not in result.output


def test_over_capacity_months_are_flagged(run: Run, tmp_path: Path) -> None:
    plan = write_plan(tmp_path, CAPACITY_PLAN)
    result = run("calendar", "--plan", str(plan), "--as-of", "2026-05-01")
    assert result.exit_code == 0, result.output
    line = next(x for x in result.output.splitlines() if "Monthly workload" in x)
    assert "2▲" in line and " 1 " in line
    assert "over the capacity of 1" in result.output


def test_plan_text_is_never_markup(run: Run, tmp_path: Path) -> None:
    plan = write_plan(tmp_path, CAPACITY_PLAN.replace("Alpha", "Review [draft] [/]"))
    for fmt, shown in (("text", "Review [draft] [/]"), ("csv", "Review [draft] [/]"),
                       ("markdown", "Review \\[draft\\] \\[/\\]")):  # escaped: shows as written
        result = run("calendar", "--plan", str(plan), "--format", fmt, width=200)
        assert result.exit_code == 0, result.output
        assert shown in result.output


def test_markdown_escapes_pipes_and_csv_neutralises_formulas(run: Run, tmp_path: Path) -> None:
    plan = write_plan(tmp_path, CAPACITY_PLAN.replace("Alpha", "=HYPERLINK(1) | x"))
    md = run("calendar", "--plan", str(plan), "--format", "markdown")
    assert "=HYPERLINK(1) \\| x" in md.output
    result = run("calendar", "--plan", str(plan), "--format", "csv")
    assert list(csv.reader(io.StringIO(result.output)))[1][2] == "'=HYPERLINK(1) | x"


@pytest.mark.slow
def test_piped_output_has_no_colour_codes() -> None:
    env = {"PATH": "", "NO_COLOR": "", "TERM": "xterm-256color", "COLUMNS": None}
    result = npmplan_process("calendar", "--plan", PLAN, env=env, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert b"\x1b[" not in result.stdout
    assert b"Monthly workload" in result.stdout


CAPACITY_PLAN = """\
version: 1
plan: {title: Test plan, period: 2026-04..2026-06, capacity: 1}
strategic_objectives:
  - id: "1"
    title: One
    objectives:
      - {id: "1.1", title: "Alpha", schedule: [2026-04..2026-05]}
      - {id: "1.2", title: Beta, schedule: [{months: 2026-05..2026-06, kind: meetings}]}
"""


def test_the_current_month_is_a_band_in_colour() -> None:
    from reports_helpers import model_of

    from npmplan.compute.calendar import calendar_report
    from npmplan.compute.schedule import Filters
    from npmplan.model.dates import Month
    from npmplan.render.reports.calendar import text

    plan = model_of(PLAN)
    rendered = text(calendar_report(plan, Filters(), Month.of(2026, 9)), 100)
    banded = {str(span.style) for span in rendered.spans if str(span.style).endswith(".now")}
    assert banded == {"active.now", "meetings.now", "production.now", "mark.now"}
    assert "[S]" in rendered.plain  # and without colour, the header says which month
