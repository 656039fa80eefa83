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
