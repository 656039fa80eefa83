"""A command resolves its plan once."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import REAL_PLAN, Run


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plans" / "2026-27.yaml"
    path.parent.mkdir()
    path.write_bytes(REAL_PLAN.read_bytes())
    return path


def _counted(calls: Counter[str], name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    def counting(*args: Any, **kwargs: Any) -> Any:
        calls[name] += 1
        return function(*args, **kwargs)

    return counting


@pytest.mark.parametrize("argv", [
    ["due", "--month", "2026-09", "--plan", "PLAN"],
    ["export", "mermaid", "--plan", "PLAN"],
    ["new", "--from", "PLAN", "-o", "NEXT"],
    ["calendar", "--plan", "PLAN"],
    ["done", "2.4", "visits", "--dry-run", "--plan", "PLAN"],
], ids=lambda argv: argv[0])
def test_a_command_resolves_its_plan_once(run: Run, plan: Path, argv: list[str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    import npmplan.pipeline

    counted: Counter[str] = Counter()
    monkeypatch.setattr(npmplan.pipeline, "check_readable",
                        _counted(counted, "resolve", npmplan.pipeline.check_readable))
    names = {"PLAN": str(plan), "NEXT": str(plan.parent / "2027-28.yaml")}
    outcome = run(*[names.get(arg, arg) for arg in argv])
    assert outcome.exit_code == 0, outcome.output
    assert counted == {"resolve": 1}
