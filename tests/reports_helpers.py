"""Shared helpers for the report tests: golden files (``NPMPLAN_UPDATE_GOLDEN=1`` rewrites
them), plans written to a folder, and JSON output of the CLI (run by conftest's ``run``)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from conftest import Run

from npmplan.model.plan import Plan
from npmplan.pipeline import read_plan

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "plans" / "2026-27.yaml"
GOLDEN = Path(__file__).resolve().parent / "golden"


def assert_golden(name: str, output: str) -> None:
    path = GOLDEN / name
    if os.environ.get("NPMPLAN_UPDATE_GOLDEN") == "1":
        path.write_text(output, encoding="utf-8", newline="")
    expected = path.read_text(encoding="utf-8")
    assert output == expected, f"{name} differs; if the change is intended, rerun with " \
                               "NPMPLAN_UPDATE_GOLDEN=1 and review the diff"


def write_plan(tmp: Path, body: str) -> Path:
    path = tmp / "plan.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def model_of(path: Path) -> Plan:
    """The model of a plan file that must be valid."""
    plan = read_plan(path).plan
    assert plan is not None, f"{path} does not validate"
    return plan


def run_json(run: Run, *args: str) -> dict[str, Any]:
    """Run a command with ``--format json``; it must succeed."""
    result = run(*args, "--format", "json")
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.output)
    return data


# A quarter with every part of the report: on the shipped plan's Q2, a milestone done, one
# moved, one cancelled with its note, and the officer's commentary with next steps and a
# rating (written after the quarter, as officers do).
BUSY_EDITS = (
    ("done", "1.1", "Expected publication", "--on", "2026-08-12"),
    ("move", "1.1", "Draft of NPM standards", "--to", "2026-12", "--on", "2026-09-02"),
    ("cancel", "1.1", "Muckamore", "--note", "The inquiry report is delayed to next year",
     "--on", "2026-09-15"),
    ("comment", "1.1", "--quarter", "2", "--text", "CPT standards published; our draft "
     "moved to December to follow them.", "--next", "Share the draft with the Task & "
     "Finish group in December.", "--rag", "amber", "--on", "2026-10-03"),
    ("comment", "5.4", "--quarter", "2", "--text", "Review paused over the summer.",
     "--rag", "amber", "--on", "2026-10-05"),
)


def busy_plan(run: Run, plan: Path) -> Path:
    """``plan`` (a copy of the shipped plan) with ``BUSY_EDITS`` made by the commands."""
    for command, *args in BUSY_EDITS:
        result = run(command, *args, "--plan", str(plan))
        assert result.exit_code == 0, result.output
    return plan
