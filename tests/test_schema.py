"""The JSON Schema: ``schemas/plan.schema.json`` is what ``npmplan schema`` prints, it is a
valid schema, and editors (check-jsonschema, YAML 1.2) accept what npmplan accepts."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REAL_PLAN, REPO_ROOT, Run
from plan_examples import VALID

from npmplan.read.loader import load_path

SCHEMA = REPO_ROOT / "schemas" / "plan.schema.json"
CHECKER = Path(sys.executable).parent / "check-jsonschema"

needs_schema = pytest.mark.skipif(
    not SCHEMA.exists(), reason="schemas/plan.schema.json is not committed yet; create it with "
                                "`npmplan schema > schemas/plan.schema.json`")


def check_jsonschema(*files: Path) -> subprocess.CompletedProcess[str]:
    checker = CHECKER if CHECKER.exists() else shutil.which("check-jsonschema")
    assert checker, "check-jsonschema is not installed (pip install -e '.[test]')"
    return subprocess.run([str(checker), "--schemafile", str(SCHEMA), *map(str, files)],
                          capture_output=True, text=True, check=False)


def uses_text_shorthand(path: Path) -> bool:
    """Whether a schedule item or an output is written as plain text (``- 2026-07``)."""
    data = load_path(path).data
    objectives = [o for so in data["strategic_objectives"] for o in so.get("objectives") or []]
    return any(isinstance(item, str) for o in objectives
               for item in (o.get("schedule") or []) + (o.get("outputs") or []))


SHORTHAND = [path for path in VALID if uses_text_shorthand(path)]
NO_SHORTHAND = [path for path in VALID if not uses_text_shorthand(path)]


def plan_file(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text("version: 1\nplan:\n  title: T\n  period: 2026-04..2027-03\n" + body)
    return path


@needs_schema
def test_schema_command_matches_the_committed_file(run: Run) -> None:
    result = run("schema")
    assert result.exit_code == 0, result.output
    assert result.stdout == SCHEMA.read_text(encoding="utf-8"), \
        "schemas/plan.schema.json is stale: run `npmplan schema > schemas/plan.schema.json`"


@pytest.mark.slow
@needs_schema
def test_schema_is_a_valid_json_schema() -> None:
    checker = CHECKER if CHECKER.exists() else shutil.which("check-jsonschema")
    done = subprocess.run([str(checker), "--check-metaschema", str(SCHEMA)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_examples_cover_both_ways_of_writing_items() -> None:
    assert SHORTHAND
    assert NO_SHORTHAND


@pytest.mark.slow
@needs_schema
def test_check_jsonschema_rejects_what_npmplan_rejects(run: Run, tmp_path: Path) -> None:
    path = plan_file(tmp_path, "strategic_objectives:\n  - id: '1'\n    title: One\n"
                               "    objectives: []\n    milestons: []\n")
    assert run("validate", path).exit_code == 1
    done = check_jsonschema(path)
    assert done.returncode == 1
    assert "milestons" in done.stdout


@pytest.mark.slow
@needs_schema
def test_check_jsonschema_accepts_valid_examples_without_shorthand() -> None:
    done = check_jsonschema(*NO_SHORTHAND)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.slow
@needs_schema
def test_check_jsonschema_accepts_the_real_plan() -> None:
    done = check_jsonschema(REAL_PLAN)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.slow
@needs_schema
def test_check_jsonschema_accepts_valid_examples_with_shorthand() -> None:
    done = check_jsonschema(*SHORTHAND)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.slow
@needs_schema
def test_unquoted_numeric_ids_are_accepted_by_both(run: Run, tmp_path: Path) -> None:
    # In YAML 1.2 editors `id: 1.1` is the number 1.1; npmplan reads the text "1.1".
    path = plan_file(tmp_path, "strategic_objectives:\n  - id: 1\n    title: One\n"
                               "    objectives:\n      - id: 1.1\n        title: a\n"
                               "        schedule: [2026-04]\n"
                               "      - id: 1.10\n        title: b\n        leads: []\n"
                               "        schedule: [2026-05]\n")
    result = run("validate", "-f", "json", path)
    assert result.exit_code == 0, result.output
    assert '"problems": []' in result.stdout
    done = check_jsonschema(path)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.slow
@needs_schema
def test_unquoted_number_as_text_is_accepted_by_both(run: Run, tmp_path: Path) -> None:
    path = plan_file(tmp_path, "strategic_objectives:\n  - id: '1'\n    title: 2027\n"
                               "    objectives: []\n")
    assert run("validate", path).exit_code == 0
    done = check_jsonschema(path)
    assert done.returncode == 0, done.stdout + done.stderr
