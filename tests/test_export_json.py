"""``npmplan export json``: the whole plan, resolved, and docs/export-json.md kept true."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import Run

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "plans" / "2026-27.yaml"
DOC = ROOT / "docs" / "export-json.md"
IDS = ROOT / "tests" / "plans" / "valid" / "ids-2.10-and-2.1.yaml"

SMALL = """\
version: 1
plan:
  title: Small plan
  period: 2026-04..2027-03
  capacity: 1
strategic_objectives:
  - id: "1"
    title: First
    objectives:
      - id: "1.1"
        title: One
        priority: core
        schedule:
          - {months: 2026-04..2026-05}
          - {months: 2026-06, kind: production}
        milestones:
          - {when: summer 2026, what: Summer review}
          - {when: 2026-05, moved_to: 2026-07, what: Moved report}
          - {when: 2026-05-14, what: Day one, status: done, done_on: 2026-05-14}
          - {when: 2026-04..2026-09, every: 2, what: Recurring}
          - {when: 2026-06, what: Dropped, status: cancelled}
          - {when: ongoing, what: Support}
      - id: "1.2"
        title: Two
        schedule:
          - {months: 2026-05..2026-06, kind: meetings}
"""


def export(run: Run, plan: Path) -> str:
    result = run("export", "json", "-p", plan)
    assert result.exit_code == 0, result.output
    return result.stdout


def load(run: Run, plan: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(export(run, plan))
    return data


def objectives(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {o["id"]: o for so in data["strategic_objectives"] for o in so["objectives"]}


def test_deterministic_and_ordered(run: Run, small: Path) -> None:
    first = export(run, small)
    assert first == export(run, small) and first.endswith("}\n")
    data = json.loads(first)
    assert list(data) == ["export_version", "version", "plan", "team",
                          "strategic_objectives", "workload"]
    one = objectives(data)["1.1"]
    assert list(one) == ["id", "strategic_objective", "title", "label", "priority", "leads",
                         "rationale", "outcomes", "outputs", "schedule", "active_months",
                         "total", "milestone_counts", "milestones", "rag", "commentary"]
    assert list(one["milestones"][0]) == [
        "what", "when", "date_kind", "moved_to", "window", "baseline_window", "day", "due",
        "every", "occurrences", "status", "done_on", "cancelled_on", "moved_on", "added_on",
        "note", "occurrence_records"]


def test_milestones_resolved(run: Run, small: Path) -> None:
    milestones = {m["what"]: m for m in objectives(load(run, small))["1.1"]["milestones"]}
    summer = milestones["Summer review"]
    assert (summer["when"], summer["date_kind"], summer["window"], summer["due"]) == (
        "summer 2026", "season", ["2026-06", "2026-08"], "2026-08")
    moved = milestones["Moved report"]
    assert (moved["when"], moved["moved_to"], moved["window"], moved["baseline_window"],
            moved["due"]) == ("2026-05", "2026-07", ["2026-07", "2026-07"],
                              ["2026-05", "2026-05"], "2026-07")
    day = milestones["Day one"]
    assert (day["day"], day["status"], day["done_on"]) == ("2026-05-14", "done", "2026-05-14")
    recurring = milestones["Recurring"]
    assert recurring["occurrences"] == ["2026-04", "2026-06", "2026-08"]
    assert (recurring["every"], recurring["due"]) == (2, None)
    assert milestones["Dropped"]["status"] == "cancelled"
    support = milestones["Support"]
    assert (support["window"], support["due"], support["date_kind"]) == (None, None, "ongoing")


def test_objective_figures(run: Run, small: Path) -> None:
    data = load(run, small)
    one, two = objectives(data)["1.1"], objectives(data)["1.2"]
    assert one["active_months"] == {"2026-04": "active", "2026-05": "active",
                                    "2026-06": "production"}
    assert (one["total"], one["priority"], two["priority"]) == (3, "core", None)
    assert one["schedule"] == [{"months": ["2026-04", "2026-05"], "kind": "active"},
                               {"months": ["2026-06", "2026-06"], "kind": "production"}]
    # due months: Aug (summer), Jul (moved), May (day), Apr/Jun/Aug (recurring)
    assert one["milestone_counts"] == {"2026-04": 1, "2026-05": 1, "2026-06": 1,
                                       "2026-07": 1, "2026-08": 2}
    assert two["label"] == "Two" and two["milestones"] == []


def test_workload(run: Run, small: Path) -> None:
    workload = load(run, small)["workload"]
    may = workload["months"][1]
    assert may == {"month": "2026-05", "active": 2,
                   "by_kind": {"active": 1, "meetings": 1, "production": 0},
                   "ids": ["1.1", "1.2"], "over_capacity": True}
    assert workload["months"][0]["over_capacity"] is False
    assert (workload["total"], workload["capacity"]) == (5, 1)


def test_shipped_totals_agree(run: Run) -> None:
    data = load(run, SHIPPED)
    rows = objectives(data).values()
    assert data["workload"]["total"] == sum(o["total"] for o in rows) == 194
    assert [m["active"] for m in data["workload"]["months"]] == [
        8, 11, 17, 18, 19, 17, 18, 19, 18, 16, 16, 17]
    assert all(o["priority"] in (None, "core") for o in rows)


def test_ids_stay_text(run: Run) -> None:
    ids = list(objectives(load(run, IDS)))
    assert "2.10" in ids and "2.1" in ids


EXCERPT = re.compile(r"<!-- excerpt: (?P<path>\S+) -->\n```json\n(?P<body>.*?)\n```", re.S)


def follow(data: Any, path: str) -> Any:
    for name, index in re.findall(r"(\w+)(?:\[(\d+)\])?", path):
        data = data[name]
        if index:
            data = data[int(index)]
    return data


def test_doc_excerpts_are_real_output(run: Run) -> None:
    data = load(run, SHIPPED)
    found = list(EXCERPT.finditer(DOC.read_text(encoding="utf-8")))
    assert len(found) >= 3
    for match in found:
        assert json.loads(match["body"]) == follow(data, match["path"]), match["path"]


VALID = sorted((Path(__file__).parent / "plans" / "valid").glob("*.yaml"))


@pytest.mark.parametrize("plan", VALID, ids=[p.name for p in VALID])
def test_every_valid_plan_exports(run: Run, plan: Path) -> None:
    data = load(run, plan)
    rows = objectives(data).values()
    months = set(data["plan"]["months"])
    assert data["workload"]["total"] == sum(
        1 for o in rows for month in o["active_months"] if month in months)
    assert all(o["total"] == len(o["active_months"]) for o in rows)


def test_the_plan_documents_own_text_is_exported_as_written(run: Run) -> None:
    import yaml

    written = yaml.safe_load(SHIPPED.read_text(encoding="utf-8"))["plan"]
    exported = load(run, SHIPPED)["plan"]
    for key in ("introduction", "strategic_overview", "context", "notes"):
        assert exported[key] == written[key] and exported[key].strip(), key
    assert exported["functions"] == {name: written["functions"].get(name) for name in (
        "summary", "visiting", "advisory", "educational", "cooperative")}


def test_a_plan_without_text_exports_nulls(run: Run) -> None:
    exported = load(run, Path(__file__).parent / "plans" / "valid" / "bom-crlf.yaml")["plan"]
    assert [exported[key] for key in ("introduction", "strategic_overview", "functions",
                                      "context", "notes")] == [None] * 5
    assert list(exported)[-5:] == ["introduction", "strategic_overview", "functions",
                                   "context", "notes"]
