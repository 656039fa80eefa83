"""Shared by the robustness tests: a small valid plan."""

from __future__ import annotations

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

