"""The oracle: the shipped plan reproduces the business plan's Appendix 1 (Calendar of Actions
2026-2027) figure for figure: every row total and the "Monthly workload" row.

The expected figures are written out below, and also read from the source document
(``../shared/source/business-plan-2026-27.txt``, next to the repository) when it is present,
so that a typo in either this file or the plan cannot hide.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from npmplan.compute.schedule import active_months, row_total
from npmplan.compute.workload import month_loads as workload
from npmplan.model.plan import Plan
from npmplan.pipeline import PlanResult, read_plan

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT.parent / "shared" / "source" / "business-plan-2026-27.txt"

ROW_TOTALS = {
    "1.1": 9, "1.2": 6, "1.3": 11,
    "2.1": 11, "2.2": 12, "2.3": 11, "2.4": 8, "2.5": 6,
    "3.1": 10, "3.2": 12, "3.3": 12, "3.4": 5,
    "4.4": 12, "4.5": 3, "4.6": 5,
    "5.1": 6, "5.2": 6, "5.3": 12, "5.4": 10, "5.5": 12,
    "6.1": 10, "6.2": 5,
}
MONTHLY_WORKLOAD = [8, 11, 17, 18, 19, 17, 18, 19, 18, 16, 16, 17]


def parse_appendix(text: str) -> tuple[dict[str, int], list[int]]:
    """Appendix 1's rows (tab-separated; the row total is the last cell) and workload row."""
    totals: dict[str, int] = {}
    monthly: list[int] = []
    appendix = text[text.index("Appendix 1"):]
    for line in appendix.splitlines():
        cells = line.split("\t")
        if re.fullmatch(r"\d+\.\d+", cells[0].strip()) and cells[-1].strip().isdigit():
            totals[cells[0].strip()] = int(cells[-1])
        elif cells[0].startswith("Monthly workload"):
            monthly = [int(cell) for cell in cells[1:] if cell.strip()]
    return totals, monthly


def expected_figures() -> tuple[dict[str, int], list[int]]:
    if SOURCE.exists():
        return parse_appendix(SOURCE.read_text(encoding="utf-8"))
    return ROW_TOTALS, MONTHLY_WORKLOAD


@pytest.fixture(scope="module")
def result() -> PlanResult:
    return read_plan(ROOT / "plans" / "2026-27.yaml")


@pytest.fixture(scope="module")
def plan(result: PlanResult) -> Plan:
    assert result.plan is not None, result.errors
    return result.plan


def test_literal_figures_agree_with_themselves() -> None:
    assert len(ROW_TOTALS) == 22
    assert len(MONTHLY_WORKLOAD) == 12
    assert sum(MONTHLY_WORKLOAD) == sum(ROW_TOTALS.values()) == 194


@pytest.mark.skipif(not SOURCE.exists(), reason=f"{SOURCE} is not on this machine")
def test_source_appendix_matches_the_literal_figures() -> None:
    assert parse_appendix(SOURCE.read_text(encoding="utf-8")) == (ROW_TOTALS, MONTHLY_WORKLOAD)


def test_real_plan_has_no_errors(result: PlanResult) -> None:
    assert result.errors == []
    assert result.ok


def test_real_plan_shape(plan: Plan) -> None:
    assert len(plan.strategic_objectives) == 6
    assert len(plan.objectives()) == 22
    assert [so.id for so in plan.strategic_objectives] == ["1", "2", "3", "4", "5", "6"]
    assert (str(plan.plan.period[0]), str(plan.plan.period[1])) == ("2026-04", "2027-03")


def test_monthly_workload_matches_the_appendix(plan: Plan) -> None:
    loads = [load.active for load in workload(plan.months(), plan.objectives())]
    assert loads == MONTHLY_WORKLOAD
    assert loads == expected_figures()[1]
    assert sum(loads) == 194


def test_row_totals_match_the_appendix(plan: Plan) -> None:
    totals = {objective.id: row_total(objective) for _, objective in plan.objectives()}
    assert totals == ROW_TOTALS
    assert totals == expected_figures()[0]
    assert list(totals) == list(ROW_TOTALS)  # the appendix's row order


def test_workload_sum_equals_row_total_sum(plan: Plan) -> None:
    loads = workload(plan.months(), plan.objectives())
    assert sum(load.active for load in loads) == sum(row_total(o) for _, o in plan.objectives())
    assert all(sum(load.by_kind.values()) == load.active for load in loads)


def test_only_warnings_are_the_two_milestones_outside_the_year(plan: Plan,
                                                               result: PlanResult) -> None:
    warnings = [p for p in result.problems if p.severity == "warning"]
    assert [p.rule for p in warnings] == ["milestone-outside-period"] * 2
    found = []
    for problem in warnings:
        so, obj, milestone = map(int, re.findall(r"\[(\d+)\]", problem.path))
        objective = plan.strategic_objectives[so].objectives[obj]
        found.append((objective.id, str(objective.milestones[milestone].when)))
        assert problem.path.endswith(".when")
    assert found == [("5.2", "2027-04"), ("5.5", "2026-02..2026-03")]


def test_real_plan_starts_with_the_schema_line(result: PlanResult) -> None:
    first = Path(result.file).read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schemas/plan.schema.json"


@pytest.mark.skipif(not SOURCE.exists(), reason=f"{SOURCE} is not on this machine")
def test_first_and_last_active_months_match_start_and_end(plan: Plan) -> None:
    rows = {cells[0]: cells for line in SOURCE.read_text(encoding="utf-8").splitlines()
            if len(cells := line.split("\t")) > 5}
    differ = set()
    for _, objective in plan.objectives():
        active = list(active_months(objective))
        start, end = rows[objective.id][3:5]
        if (active[0].short(), active[-1].short()) != (start, end):
            differ.add(objective.id)
    # 2.4: Start/End (Jun-Dec, 7 months) contradict its row total (8) and its notes (a final
    # report in March); the plan follows the row total and says so in a CONTRADICTION comment.
    assert differ == {"2.4"}
