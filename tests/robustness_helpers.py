"""Shared by the robustness tests: a small valid plan and a real ``npmplan`` process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

BASE = """\
version: 1
plan: {title: Example, period: 2026-04..2027-03}
team: [{id: mk, name: Martin Kettle}]
strategic_objectives:
  - id: "1"
    title: One
    objectives:
      - id: "1.1"
        title: Target
        leads: [mk]
        schedule: [2026-04..2027-03]
"""


def npmplan(*args: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None,
            stdin: int | None = subprocess.DEVNULL, **kwargs: object
            ) -> subprocess.CompletedProcess[bytes]:
    """A real process, as an officer runs it."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("NPMPLAN_")}
    environment.update({"NO_COLOR": "1", "COLUMNS": "100"})
    environment.update(env or {})
    done: subprocess.CompletedProcess[bytes] = subprocess.run(  # type: ignore[call-overload]
        [sys.executable, "-m", "npmplan", *map(str, args)], cwd=cwd, env=environment,
        capture_output=True, stdin=stdin, timeout=120, check=False, **kwargs)
    return done


