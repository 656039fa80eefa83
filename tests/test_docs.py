"""The officers' documentation keeps up with the code: every rule and every command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from npmplan.cli.app import app
from npmplan.rules.catalogue import RULES

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


@pytest.mark.slow
def test_rules_doc_is_generated_from_real_runs_and_current() -> None:
    # generate.py runs every bad example (it must report its rule) and every good one
    # (it must be clean), then compares with the committed file.
    result = subprocess.run([sys.executable, str(DOCS / "generate.py"), "--check"],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_rule_has_a_section() -> None:
    text = (DOCS / "rules.md").read_text(encoding="utf-8")
    missing = [rule for rule in RULES if f"## `{rule}`" not in text]
    assert not missing, f"rules without documentation in docs/rules.md: {missing}"


def test_every_command_is_documented() -> None:
    text = (DOCS / "commands.md").read_text(encoding="utf-8")
    names = [c.name or (c.callback.__name__ if c.callback else "")
             for c in app.registered_commands]
    names += [f"{g.name} {c.name or (c.callback.__name__ if c.callback else '')}"
              for g in app.registered_groups if g.typer_instance
              for c in g.typer_instance.registered_commands]
    missing = [name for name in names if f"## `npmplan {name}" not in text]
    assert not missing, f"commands without a section in docs/commands.md: {missing}"


def test_every_complete_plan_in_the_guide_validates(tmp_path: Path) -> None:
    import re

    from npmplan.pipeline import read_plan

    text = (DOCS / "guide.md").read_text(encoding="utf-8")
    blocks = [b for b in re.findall(r"```yaml\n(.*?)```", text, re.S) if "\nversion: 1" in b]
    assert blocks, "the guide has no complete example"
    for number, block in enumerate(blocks):
        path = tmp_path / f"example-{number}.yaml"
        path.write_text(block, encoding="utf-8")
        result = read_plan(path)
        assert result.ok and not result.problems, [str(p) for p in result.problems]
