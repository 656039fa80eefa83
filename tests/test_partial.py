"""The rules across fields still run when a plan's errors can be set aside (a milestone's, an
unknown key), so that an officer sees every problem in one pass; never when an error is in
something those rules read."""

from __future__ import annotations

from pathlib import Path

import pytest

from npmplan.pipeline import read_plan

HEAD = """\
version: 1
plan:
  title: Plan 2026-27
  period: 2026-04..2027-03
team:
  - {id: mk, name: Martin}
"""


def problems(tmp_path: Path, text: str) -> list[tuple[int, int, str]]:
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    return [(p.line, p.column, p.rule) for p in read_plan(path).problems]


def test_a_bad_date_and_the_ids_and_leads_in_one_pass(tmp_path: Path) -> None:
    text = HEAD + """\
  - {id: mk, name: Another}
strategic_objectives:
  - id: "1"
    title: S
    objectives:
      - id: "1.1"
        title: O
        leads: [zz]
        schedule: [2026-05]
        milestones:
          - {when: 2026-13, what: a}
      - id: "1.1"
        title: P
        schedule: [2026-05]
"""
    assert problems(tmp_path, text) == [
        (7, 10, "duplicate-id"), (14, 17, "unknown-lead"), (17, 20, "bad-when"),
        (18, 13, "duplicate-id")]


def test_an_unknown_key_and_an_unknown_lead(tmp_path: Path) -> None:
    text = HEAD + """\
strategic_objectives:
  - id: "1"
    title: S
    objectives:
      - id: "1.1"
        title: O
        leads: [jk]
        schedul: [2026-05]
"""
    # (1.1 has no schedule: a warning, which waits until the plan is valid)
    assert problems(tmp_path, text) == [(13, 17, "unknown-lead"), (14, 9, "unknown-key")]


def test_a_set_aside_milestone_keeps_the_others_in_place(tmp_path: Path) -> None:
    text = HEAD + """\
strategic_objectives:
  - id: "1"
    title: S
    objectives:
      - id: "1.1"
        title: O
        schedule: [2026-05]
        milestones:
          - {when: 2030-01, status: finished, what: a}
          - {when: 2026-05, done_on: 2026-05-04, what: b}
"""
    # the second milestone's done_on without status done, at its own line; the first's
    # 2030-01 outside the period is a warning, said once the plan is valid
    assert problems(tmp_path, text) == [(15, 37, "bad-choice"),
                                        (16, 38, "done-on-without-done")]


@pytest.mark.parametrize("error", [
    "  - {id: jk, name: Jane, capacity: lots}\n",  # a team member others name
    "  - {id: jk, nam: Jane}\n",  # an unknown key where it leaves a member without a name
])
def test_an_error_in_something_the_rules_read_stops_them(tmp_path: Path, error: str) -> None:
    """jk's entry has an error: 'lead jk is not in the team' would be false, so the rules
    across fields do not run (the duplicate objective id is said next time)."""
    text = HEAD + error + """\
strategic_objectives:
  - id: "1"
    title: S
    objectives:
      - id: "1.1"
        title: O
        leads: [jk]
        schedule: [2026-05]
      - id: "1.1"
        title: P
        schedule: [2026-05]
"""
    rules = {rule for _, _, rule in problems(tmp_path, text)}
    assert "unknown-lead" not in rules and "duplicate-id" not in rules
    assert rules & {"bad-number", "missing-key", "unknown-key"}


def test_a_flood_of_errors_is_not_validated_twice(monkeypatch: pytest.MonkeyPatch,
                                                  tmp_path: Path) -> None:
    from npmplan.check import partial

    monkeypatch.setattr(partial, "MAX_SET_ASIDE", 1)
    text = HEAD + """\
  - {id: mk, name: Another}
strategic_objectives:
  - id: "1"
    title: S
    objectives:
      - id: "1.1"
        title: O
        schedule: [2026-05]
        milestones:
          - {when: 2026-13, what: a}
          - {when: 2026-14, what: b}
"""
    assert [rule for _, _, rule in problems(tmp_path, text)] == ["bad-when", "bad-when"]
