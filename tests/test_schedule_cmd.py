"""`npmplan schedule`: an objective's schedule set whole or changed by a span, only its
schedule's lines written, checked, and refused plainly when asked for what cannot be."""

from __future__ import annotations

import difflib
from pathlib import Path

from conftest import Run

from npmplan.compute.schedule import active_months
from npmplan.model.dates import Month, month_range
from npmplan.model.plan import Objective
from npmplan.pipeline import read_plan


def objective(path: Path, objective_id: str) -> Objective:
    result = read_plan(path)
    assert result.plan is not None, [str(p) for p in result.errors]
    return next(obj for _, obj in result.plan.objectives() if obj.id == objective_id)


def schedule_lines(text: str, objective_id: str) -> range:
    """The line numbers of the objective's ``schedule:`` key and its items, and of the
    comment ``new`` marks a carried schedule with."""
    lines = text.splitlines()
    start = lines.index(next(line for line in lines if line.strip() == f'- id: "{objective_id}"'))
    key = next(n for n in range(start, len(lines)) if lines[n].strip().startswith("schedule:"))
    mark = next((n for n in range(key - 1, start, -1)
                 if lines[n].strip().startswith("# Review: schedule carried")), key)
    end = key + 1
    while end < len(lines) and lines[end].lstrip().startswith("- {months:"):
        end += 1
    return range(mark, end)


def changed_lines(before: str, after: str) -> set[int]:
    """The old file's line numbers that the change replaced or inserted at."""
    matcher = difflib.SequenceMatcher(a=before.splitlines(), b=after.splitlines(),
                                      autojunk=False)
    changed: set[int] = set()
    for tag, a1, a2, _, _ in matcher.get_opcodes():
        if tag != "equal":
            changed.update(range(a1, max(a2, a1 + 1)))
    return changed


def months(first: str, last: str) -> list[Month]:
    return month_range(Month.of(*map(int, first.split("-"))),
                       Month.of(*map(int, last.split("-"))))


def next_year(run: Run, plan: Path) -> Path:
    target = plan.parent / "2027-28.yaml"
    result = run("new", "--from", plan, "--period", "2027-04..2028-03", "-o", target)
    assert result.exit_code == 0, result.output
    return target


def test_a_new_year_s_row_set_whole(run: Run, plan: Path) -> None:
    target = next_year(run, plan)
    before = target.read_text(encoding="utf-8")
    result = run("schedule", "2.4", "2027-06..2027-12", "2028-03", "--kind", "active",
                 "--plan", target)
    assert result.exit_code == 0, result.output
    assert ("2.4's schedule is 2027-06..2027-12, 2028-03 (was: 2027-04..2027-05 production, "
            "2027-06..2027-12, 2028-03 production)") in result.stdout
    after = target.read_text(encoding="utf-8")
    assert changed_lines(before, after) <= set(schedule_lines(before, "2.4"))
    assert after.count("# Review: schedule carried") == 21  # set: its mark is done with
    assert list(active_months(objective(target, "2.4"))) == [
        *months("2027-06", "2027-12"), Month.of(2028, 3)]
    calendar = run("calendar", "--plan", target)
    row = next(line for line in calendar.stdout.splitlines() if line.startswith("2.4 "))
    assert "Jun 27 Mar 28" in row and row.rstrip().endswith(" 8")
    assert run("validate", target).exit_code == 0


def test_add_on_the_shipped_plan_changes_only_that_schedule(run: Run, plan: Path) -> None:
    before = plan.read_text(encoding="utf-8")
    result = run("schedule", "2.4", "--add", "2027-01..2027-03", "--plan", plan)
    assert result.exit_code == 0, result.output
    after = plan.read_text(encoding="utf-8")
    assert changed_lines(before, after) <= set(schedule_lines(before, "2.4"))
    assert changed_lines(before, after)
    cells = active_months(objective(plan, "2.4"))
    assert [cells[m] for m in months("2027-01", "2027-03")] == ["active"] * 3
    assert [cells[m] for m in months("2026-06", "2026-12")] == ["active"] * 7
    assert "          - {months: 2026-06..2027-03}\n" in after  # one span of one kind


def test_a_span_written_again_keeps_its_line_and_comment(run: Run, plan: Path) -> None:
    kept = "          - {months: 2026-05, kind: production}   # May: Recommendations\n"
    assert kept in plan.read_text(encoding="utf-8")
    result = run("schedule", "2.1", "--add", "2026-04", "--kind", "meetings", "--plan", plan)
    assert result.exit_code == 0, result.output
    assert "          - {months: 2026-04, kind: meetings}\n" + kept in plan.read_text(
        encoding="utf-8")


def test_remove_and_kinds(run: Run, plan: Path) -> None:
    assert run("schedule", "2.2", "--remove", "2026-08", "--plan", plan).exit_code == 0
    cells = active_months(objective(plan, "2.2"))
    assert Month.of(2026, 8) not in cells and Month.of(2026, 7) in cells
    assert run("schedule", "2.2", "--add", "2026-08", "--kind", "production",
               "--plan", plan).exit_code == 0
    assert active_months(objective(plan, "2.2"))[Month.of(2026, 8)] == "production"
    result = run("schedule", "2.2", "--remove", "2026-04..2027-03", "--plan", plan)
    assert result.exit_code == 0, result.output
    assert "[empty-schedule]" in result.stderr  # the warning the change brings
    assert objective(plan, "2.2").schedule == []


def test_dry_run_shows_the_diff_and_writes_nothing(run: Run, plan: Path) -> None:
    before = plan.read_bytes()
    result = run("schedule", "2.4", "2026-07..2027-03", "--kind", "meetings", "--dry-run",
                 "--plan", plan)
    assert result.exit_code == 0, result.output
    assert "+          - {months: 2026-07..2027-03, kind: meetings}" in result.stdout
    assert "Nothing was written (--dry-run)" in result.stdout
    assert plan.read_bytes() == before


def test_a_flow_schedule_stays_a_flow_list(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("version: 1\nplan: {title: P 2026-27, period: 2026-04..2027-03}\n"
                    "strategic_objectives:\n  - id: \"1\"\n    title: One\n    objectives:\n"
                    "      - {id: \"1.1\", title: First, schedule: [2026-05]}  # kept\n",
                    encoding="utf-8")
    result = run("schedule", "1.1", "--add", "2026-09", "--plan", path)
    assert result.exit_code == 0, result.output
    assert path.read_text(encoding="utf-8").endswith(
        'schedule: [{months: 2026-05}, {months: 2026-09}]}  # kept\n')


def test_mistakes_are_usage_errors_and_write_nothing(run: Run, plan: Path) -> None:
    before = plan.read_bytes()
    for args, said in [
        (("2.4", "2026-13"), "SPAN: '2026-13' has month 13"),
        (("2.4", "2027-03..2026-05"), "ends before it starts"),
        (("2.4", "--add", "June"), "--add: "),
        (("2.4", "2027-05"), "2027-05 is outside the plan period 2026-04..2027-03"),
        (("2.9", "2026-05"), "did you mean"),
        (("2.4", "2026-05", "--add", "2026-06"), "not both"),
        (("2.4",), "say which months"),
        (("2.4", "--remove", "2026-04"), "2026-04 is not in 2.4's schedule"),
        (("2.4", "2026-05", "--kind", "meeting"), "did you mean 'meetings'"),
    ]:
        result = run("schedule", *args, "--plan", plan)
        assert result.exit_code == 2, (args, result.output)
        assert said in result.output, (args, result.output)
        assert "Traceback" not in result.output
    assert plan.read_bytes() == before


def test_the_off_schedule_warning_names_the_command_that_fixes_it(run: Run, plan: Path) -> None:
    added = run("add", "2.4", "--when", "2026-04", "--what", "Scoping meeting", "--plan", plan)
    assert added.exit_code == 0, added.output
    assert "extend the schedule (npmplan schedule 2.4 --add 2026-04)" in added.stderr
    fixed = run("schedule", "2.4", "--add", "2026-04", "--plan", plan)
    assert fixed.exit_code == 0, fixed.output
    assert "milestone-off-schedule" not in run("validate", plan).output


def test_an_emptied_schedule_set_becomes_a_block_list(run: Run, plan: Path) -> None:
    target = plan.parent / "2027-28.yaml"
    assert run("new", "--from", plan, "-o", target, "--empty-schedules").exit_code == 0
    result = run("schedule", "3.4", "2027-08..2027-12", "--kind", "production", "--plan", target)
    assert result.exit_code == 0, result.output
    assert "3.4's schedule is 2027-08..2027-12 production (was: empty)" in result.stdout
    text = target.read_text(encoding="utf-8")
    assert "        schedule:\n          - {months: 2027-08..2027-12, kind: production}\n" \
        in text
    assert text.count("# Schedule: redo from") == 21
