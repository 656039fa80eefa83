"""The same agreement as ``test_schema_agreement``, in the editor itself: VS Code's YAML
extension runs yaml-language-server, and here it checks every example plan and every
single-value edit against ``schemas/plan.schema.json``.

It skips where the server is not installed (.ci/run installs it with npm into .ci/yls;
or set NPMPLAN_YAML_LANGUAGE_SERVER to its executable).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import REAL_PLAN, REPO_ROOT
from plan_examples import INVALID, VALID, WARNINGS, expected
from test_schema_agreement import BASE, EDITS, GOOD, NOT_IN_A_SCHEMA, SCHEMA_PATH
from yaml_editor import Editor

# A real yaml-language-server, through node.
pytestmark = pytest.mark.slow

SERVER = Path(os.environ.get("NPMPLAN_YAML_LANGUAGE_SERVER")
              or REPO_ROOT / ".ci" / "yls" / "node_modules" / ".bin" / "yaml-language-server")
# What the editor does not mark in a file, beyond the rules no schema can express: an
# empty file (nothing to check), and a second document after "---" (checked on its own).
NOT_MARKED = NOT_IN_A_SCHEMA | {"empty", "multiple-documents"}


@pytest.fixture(scope="module")
def editor() -> Iterator[Editor]:
    if not SERVER.exists():
        pytest.skip(f"yaml-language-server is not installed at {SERVER} (npm install --prefix "
                    ".ci/yls yaml-language-server; .ci/run does)")
    running = Editor(SERVER, SCHEMA_PATH)
    yield running
    running.close()


def test_the_editor_marks_the_same_files(editor: Editor) -> None:
    readable = [path for path in INVALID + VALID + WARNINGS + [REAL_PLAN]
                if _utf8(path) is not None]
    found = editor.errors([_utf8(path) or "" for path in readable])
    wrong = []
    for path, errors in zip(readable, found, strict=True):
        rules = {rule for _, rule in expected(path)} if path in INVALID else set()
        marked = not rules <= NOT_MARKED
        if bool(errors) != marked:
            wrong.append(f"{path.name}: validate {sorted(rules)}, the editor {errors}")
    assert not wrong, "\n".join(wrong)


def test_the_editor_marks_the_same_edits(editor: Editor) -> None:
    texts = [BASE.format(**{**GOOD, key: value}) for key, value, _ in EDITS]
    found = editor.errors([BASE.format(**GOOD), *texts])
    assert found[0] == [], found[0]
    wrong = []
    for (key, value, rule), errors in zip(EDITS, found[1:], strict=True):
        marked = rule is not None and rule not in NOT_IN_A_SCHEMA
        if bool(errors) != marked:
            wrong.append(f"{key}: {value[:30]} — validate {rule}, the editor {errors}")
    assert not wrong, "\n".join(wrong)


def _utf8(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return None
