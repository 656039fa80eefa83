"""The process around a command: pydantic's plugin lookup skipped only where it is safe,
the same output and exit codes through the fast exit as through typer's runner."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REAL_PLAN, Run


def _python(code: str, **env: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**os.environ, **env}, check=True)
    return done.stdout.strip()


def test_the_plugin_lookup_is_skipped_and_models_still_validate() -> None:
    out = _python("from npmplan import startup; print(startup.skip_pydantic_plugins()); "
                  "from npmplan.pipeline import read_plan; from pathlib import Path; "
                  f"print(read_plan(Path({str(REAL_PLAN)!r})).ok); import sys; "
                  "print('importlib.metadata' in sys.modules)")
    assert out.split() == ["True", "True", "False"]


def test_plugins_asked_for_are_looked_up() -> None:
    code = "from npmplan import startup; print(startup.skip_pydantic_plugins())"
    assert _python(code, PYDANTIC_DISABLE_PLUGINS="some-plugin") == "False"


def test_an_untested_pydantic_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    from npmplan import startup

    monkeypatch.setattr(startup, "TESTED_PYDANTIC", ("9.",))
    monkeypatch.delitem(sys.modules, "pydantic.plugin._loader", raising=False)
    assert startup.skip_pydantic_plugins() is False


def test_the_stand_in_matches_the_real_loader() -> None:
    """If pydantic changes its loader, this fails before any user meets it."""
    out = _python("import pydantic.plugin._loader as real; "
                  "print(real.PYDANTIC_ENTRY_POINT_GROUP, callable(real.get_plugins), "
                  "list(real.get_plugins()))", PYDANTIC_DISABLE_PLUGINS="__all__")
    assert out == "pydantic True []"


@pytest.mark.parametrize("args", [["due", "--month", "2026-09"], ["calendar", "--as-of",
                                                                  "2026-09-10"],
                                  ["validate"], ["show", "9.9"], ["calendar", "-f", "x"]])
def test_the_fast_exit_gives_the_runners_output_and_code(run: Run, args: list[str]) -> None:
    env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"}
    env.pop("NPMPLAN_PLAN", None)
    done = subprocess.run([sys.executable, "-m", "npmplan", *args, "--plan", str(REAL_PLAN)],
                          capture_output=True, text=True, env=env, cwd=Path(REAL_PLAN).parent)
    expected = run(*args, "--plan", REAL_PLAN)
    assert (done.returncode, done.stdout) == (expected.exit_code, expected.stdout)


# (workload's text is a rich table, which rich lays out: it needs the console)
@pytest.mark.parametrize("args", [["due", "--month", "2026-09"], ["calendar"], ["validate"]])
def test_a_report_to_a_pipe_does_not_import_richs_console(args: list[str]) -> None:
    """Rich's console is 5 ms of every command; where nothing is coloured the report is
    written without it (``render.width.plain_width``). Counted, not timed."""
    code = ("import sys\n"
            f"sys.argv = ['npmplan', *{args!r}, {str(REAL_PLAN)!r}]\n"
            "if sys.argv[1] != 'validate': sys.argv.insert(-1, '--plan')\n"
            "from npmplan.cli.app import run\n"
            "try:\n    run()\nexcept SystemExit:\n    pass\n"
            "print('rich.console' in sys.modules, file=sys.stderr)\n")
    env = {**os.environ, "COLUMNS": "100"}
    for name in ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE"):
        env.pop(name, None)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=env)
    assert done.stdout and done.stderr.strip().splitlines()[-1] == "False", done.stderr
