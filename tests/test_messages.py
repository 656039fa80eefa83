"""Every message an officer sees is plain English that says what to do: no pydantic wording,
no URLs, no internal names, and a suggestion of what to write instead."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from plan_examples import INVALID, WARNINGS

from npmplan.pipeline import read_plan
from npmplan.rules.problems import Problem

FORBIDDEN = ("pydantic", "input should be", "validation error for", "http", "extra inputs",
             "field required", "value error", "traceback", "<complex key", "<alias>",
             "tag:yaml.org,", "loc=", "model_")

# A message tells the officer what to do when it says it (a verb), asks "did you mean", or
# shows the form to write (an example, the allowed values, the required shape).
ACTIONS = ("write", "add", "remove", "delete", "did you mean", "use", "keep", "save", "check",
           "rename", "replace", "put", "give", "move", "shorten", "extend", "split", "fix",
           "renumber", "retype", "drop")
FORMS = ("e.g.", "such as", "must be", "yyyy-mm", "one of", "starts with",
         "allowed here are", "should be a")

# Values of the wrong shape everywhere the model has a field: the generic branches of
# messages.translate and every value type's own check.
WRONG_SHAPES = """\
version: [1]
plan:
  title: T
  period: 2026-04..2027-03
  capacity: [3]
team:
  id: mk
strategic_objectives:
  - just text
  - id: "2"
    title: Two
    functions: visiting
    objectives:
      - id: "2.1"
        title: {a: 1}
        priority: [core]
        schedule: {months: 2026-05}
        milestones:
          - just text
          - {when: 2026-05, what: [a], status: [done], every: [2], note: [n]}
        outputs:
          - {title: [a], web: [true]}
        leads: [{id: mk}]
"""


def _params() -> list[Any]:
    return [pytest.param(path, id=path.name) for path in [*INVALID, *WARNINGS]]


def check_message(problem: Problem) -> None:
    message = problem.message.lower()
    assert problem.message.strip(), problem
    assert problem.message == problem.message.strip()
    for word in FORBIDDEN:
        assert word not in message, problem
    assert any(word in message for word in ACTIONS + FORMS), \
        f"does not say what to do: {problem}"


@pytest.mark.parametrize("path", _params())
def test_example_messages_are_plain_and_helpful(path: Path) -> None:
    problems = read_plan(path, today=date(2026, 12, 5)).problems  # as validate reads it
    assert problems
    for problem in problems:
        check_message(problem)


def test_wrong_shape_messages_are_plain_and_name_the_key(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(WRONG_SHAPES)
    problems = read_plan(path).problems
    assert len(problems) >= 14
    for problem in problems:
        check_message(problem)
        if problem.rule == "type":
            assert problem.message.startswith("'"), problem  # names the key


@pytest.mark.parametrize("key", ["when", "moved_to", "done_on"])
def test_list_for_a_date_is_a_type_error_naming_the_key(tmp_path: Path, key: str) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(
        "version: 1\nplan: {title: T, period: 2026-04..2027-03}\nstrategic_objectives:\n"
        "  - id: '1'\n    title: One\n    objectives:\n"
        "      - id: '1.1'\n        title: a\n        schedule: [2026-05]\n        milestones:\n"
        "          - {what: m, status: done, "
        + ("" if key == "when" else "when: 2026-05, ") + key + ": [2026-05]}\n")
    problems = [p for p in read_plan(path).problems if p.severity == "error"]
    assert [(p.line, p.rule) for p in problems] == [(11, "type")]
    assert problems[0].message.startswith(f"'{key}'")


def test_every_with_a_one_month_moved_to_names_moved_to(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(
        "version: 1\nplan: {title: T, period: 2026-04..2027-03}\nstrategic_objectives:\n"
        "  - id: '1'\n    title: One\n    objectives:\n"
        "      - id: '1.1'\n        title: a\n        schedule: [2026-04..2027-03]\n"
        "        milestones:\n"
        "          - what: Recurring, then replanned to one month\n"
        "            when: 2026-05..2027-03\n"
        "            moved_to: 2026-06\n"
        "            every: 2\n")
    problems = read_plan(path).problems
    assert [(p.line, p.rule) for p in problems] == [(13, "every-without-range")]
    assert "'2026-06'" in problems[0].message
    assert "'2026-05..2027-03'" not in problems[0].message
