"""`npmplan workload --by`: per lead (with capacity), strategic objective and priority, and
the year without the funding-dependent objectives."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import Run
from reports_helpers import run_json, write_plan

from npmplan.compute.breakdown import workload_by
from npmplan.model.dates import Month
from npmplan.pipeline import read_plan

PLAN = Path(__file__).resolve().parent.parent / "plans" / "2026-27.yaml"

# mk leads 1.1 (Apr-Jun), 1.2 (May-Jul, with jk) and 1.3 (May): 3 in May, over 2.
TEAM = """\
version: 1
plan: {title: Breakdown test, period: 2026-04..2026-09}
team:
  - {id: mk, name: M K, capacity: 2}
  - {id: jk, name: J K}
  - {id: sr, name: S R, capacity: 1}
strategic_objectives:
  - id: "1"
    title: One
    objectives:
      - {id: "1.1", title: a, priority: core, leads: [mk], schedule: [2026-04..2026-06]}
      - {id: "1.2", title: b, priority: funding-dependent, leads: [mk, jk],
         schedule: [2026-05..2026-07]}
      - {id: "1.3", title: c, priority: funding-dependent, leads: [mk], schedule: [2026-05]}
  - id: "2"
    title: Two
    objectives:
      - {id: "2.1", title: d, schedule: [2026-04..2026-09]}
"""


def team_plan(tmp_path: Path) -> str:
    return str(write_plan(tmp_path, TEAM))


def as_json(run: Run, *args: str) -> dict[str, Any]:
    return run_json(run, "workload", *args)


def rows(data: dict[str, Any]) -> list[tuple[Any, list[int], list[str]]]:
    return [(g["id"], list(g["months"].values()), g["over"]) for g in data["groups"]]


def test_by_lead_counts_each_lead_and_flags_capacity(run: Run, tmp_path: Path) -> None:
    data = as_json(run, "--plan", team_plan(tmp_path), "--by", "lead")
    assert data["months"] == ["2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09"]
    assert rows(data) == [
        ("mk", [1, 3, 2, 1, 0, 0], ["2026-05"]),
        ("jk", [0, 1, 1, 1, 0, 0], []),
        ("sr", [0, 0, 0, 0, 0, 0], []),
        (None, [1, 1, 1, 1, 1, 1], []),
    ]
    assert [(g["name"], g["capacity"], g["total"]) for g in data["groups"]] == [
        ("M K", 2, 7), ("J K", None, 3), ("S R", 1, 0), ("(no lead)", None, 6)]
    assert data["groups"][0]["ids"]["2026-05"] == ["1.1", "1.2", "1.3"]
    assert data["workload"] == [2, 4, 3, 2, 1, 1]  # 1.2 once, though it has two leads


def test_without_the_funding(run: Run, tmp_path: Path) -> None:
    data = as_json(run, "--plan", team_plan(tmp_path), "--by", "lead",
                   "--without-priority", "funding-dependent")
    assert data["without_priority"] == "funding-dependent"
    assert data["dropped"] == ["1.2", "1.3"]
    assert rows(data)[:2] == [("mk", [1, 1, 1, 0, 0, 0], []), ("jk", [0] * 6, [])]
    assert data["workload"] == [2, 2, 2, 1, 1, 1]


def test_by_strategic_and_by_priority(run: Run, tmp_path: Path) -> None:
    data = as_json(run, "--plan", team_plan(tmp_path), "--by", "strategic")
    assert rows(data) == [("1", [1, 3, 2, 1, 0, 0], []), ("2", [1] * 6, [])]
    assert [g["capacity"] for g in data["groups"]] == [None, None]
    data = as_json(run, "--plan", team_plan(tmp_path), "--by", "priority")
    assert rows(data) == [("core", [1, 1, 1, 0, 0, 0], []),
                          ("funding-dependent", [0, 2, 1, 1, 0, 0], []),
                          (None, [1] * 6, [])]
    assert data["groups"][2]["name"] == "(not stated)"
    data = as_json(run, "--plan", team_plan(tmp_path), "--by", "priority",
                   "--without-priority", "none")
    assert [g["id"] for g in data["groups"]] == ["core", "funding-dependent"]


def test_text_table_flags_the_cell(run: Run, tmp_path: Path) -> None:
    result = run("workload", "--plan", team_plan(tmp_path), "--by", "lead")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].rstrip() == "Workload by lead: Breakdown test"
    assert lines[1].split() == ["Apr", "May", "Jun", "Jul", "Aug", "Sep"]
    assert lines[2].split() == ["Lead", "26", "26", "26", "26", "26", "26", "Total"]
    assert lines[3].split() == ["M", "K", "(capacity", "2)", "1", "3▲", "2", "1", "0", "0", "7"]
    assert lines[6].split() == ["(no", "lead)", "1", "1", "1", "1", "1", "1", "6"]
    assert lines[7].split() == ["All", "objectives", "2", "4", "3", "2", "1", "1", "13"]
    assert "▲ marks a month over the person's capacity" in result.output


def test_markdown(run: Run, tmp_path: Path) -> None:
    result = run("workload", "--plan", team_plan(tmp_path), "--by", "lead",
                 "--without-priority", "funding-dependent", "--format", "markdown")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("## Workload by lead, without funding-dependent "
                                    "objectives: Breakdown test\n")
    assert "| M K (capacity 2) | 1 | 1 | 1 | 0 | 0 | 0 | 3 |" in result.output
    assert "Left out (funding-dependent): 1.2, 1.3." in result.output


def test_without_priority_alone_is_the_plain_workload(run: Run, tmp_path: Path) -> None:
    data = as_json(run, "--plan", team_plan(tmp_path), "--without-priority", "core")
    assert [m["active"] for m in data["months"]] == [1, 3, 2, 2, 1, 1]
    assert data["without_priority"] == "core"


def test_bad_values_are_usage_errors(run: Run, tmp_path: Path) -> None:
    result = run("workload", "--plan", team_plan(tmp_path), "--by", "lead",
                 "--without-priority", "funding")
    assert result.exit_code == 2
    assert "core, standard, funding-dependent, none" in result.output
    result = run("workload", "--plan", team_plan(tmp_path), "--by", "team")
    assert result.exit_code == 2


def test_real_plan_by_strategic_adds_up_to_the_appendix() -> None:
    plan = read_plan(PLAN).plan
    assert plan is not None
    result = workload_by(plan, plan.objectives(), "strategic")
    assert [sum(g.count(m) for g in result.groups) for m in result.months] == [
        8, 11, 17, 18, 19, 17, 18, 19, 18, 16, 16, 17]
    lead = workload_by(plan, plan.objectives(), "lead")
    assert [g.name for g in lead.groups][-1] == "(no lead)"  # the plan names no leads
    assert lead.groups[-1].count(Month.of(2026, 8)) == 19
