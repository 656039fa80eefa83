"""The process around a command (``npmplan.startup``): the real entry gives the output and
exit codes typer's runner gives, in process and through the fast exit; it changes no library
and writes nothing outside what the command writes."""

from __future__ import annotations

import gc
import io
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import REAL_PLAN, Run

from npmplan import startup

DUE = ["due", "--month", "2026-09", "--plan", str(REAL_PLAN)]


@pytest.fixture
def entry(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """``startup`` run in this process: the collector and the environment put back after."""
    monkeypatch.setenv("PYDANTIC_DISABLE_PLUGINS", "")
    monkeypatch.delenv("PYDANTIC_DISABLE_PLUGINS")  # unset, and unset again afterwards
    enabled = gc.isenabled()
    yield
    if enabled:
        gc.enable()


def _argv(monkeypatch: pytest.MonkeyPatch, args: list[str]) -> None:
    monkeypatch.setattr(sys, "argv", ["npmplan", *args])


@pytest.mark.parametrize("args", [DUE, ["calendar", "--plan", str(REAL_PLAN)],
                                  ["show", "9.9", "--plan", str(REAL_PLAN)],
                                  ["due", "--month", "13", "--plan", str(REAL_PLAN)]])
def test_the_entry_runs_a_command_in_process(entry: None, run: Run, args: list[str],
                                             monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    """``startup.run`` is what ``npmplan`` runs before its exit: the same output and code as
    typer's runner, with the collector paused and pydantic's plugins off while it ran."""
    expected = run(*args)
    capsys.readouterr()
    _argv(monkeypatch, args)
    code = startup.run()
    out = capsys.readouterr()
    assert startup.finish(code) == expected.exit_code
    assert (out.out, out.err) == (expected.stdout, expected.stderr)
    assert not gc.isenabled()
    assert os.environ["PYDANTIC_DISABLE_PLUGINS"] == "__all__"


def test_plugins_a_user_asked_for_are_left_on(entry: None, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("PYDANTIC_DISABLE_PLUGINS", "some-plugin")
    _argv(monkeypatch, ["validate", str(REAL_PLAN)])
    assert startup.finish(startup.run()) == 0
    assert os.environ["PYDANTIC_DISABLE_PLUGINS"] == "some-plugin"


@pytest.mark.parametrize(("code", "status", "said"), [(None, 0, ""), (0, 0, ""), (2, 2, ""),
                                                      ("npmplan: gone", 1, "npmplan: gone\n")])
def test_finish_turns_an_exit_code_into_a_status(code: object, status: int, said: str,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert startup.finish(code) == status
    assert capsys.readouterr().err == said


def test_output_that_cannot_be_flushed_makes_the_status_1(
        monkeypatch: pytest.MonkeyPatch) -> None:
    class Closed(io.StringIO):
        def flush(self) -> None:
            raise BrokenPipeError

    monkeypatch.setattr(sys, "stdout", Closed())
    assert startup.finish(0) == 1
    assert startup.finish(2) == 2


@pytest.mark.skipif(sys.platform == "win32",
                    reason="os.fork is POSIX's")
def test_main_exits_with_the_commands_status_from_this_process(run: Run) -> None:
    """``npmplan.__main__.main`` whole, its ``os._exit`` included, in a fork of this process."""
    expected = run(*DUE)
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest, whatever happens
        try:
            os.close(read)
            os.dup2(write, 1)
            sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
            sys.argv = ["npmplan", *DUE]
            from npmplan.__main__ import main

            main()
        finally:
            os._exit(99)  # main returned or raised: it should have exited itself
    os.close(write)
    with open(read, "rb") as pipe:
        output = pipe.read().decode("utf-8")
    _, status = os.waitpid(pid, 0)
    assert (os.waitstatus_to_exitcode(status), output) == (0, expected.stdout)


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


def test_no_command_writes_in_the_users_home_or_cache(tmp_path: Path) -> None:
    """npmplan keeps nothing between runs: no cache under ``~/.cache`` or anywhere else."""
    home, cache, work = tmp_path / "home", tmp_path / "cache", tmp_path / "work"
    home.mkdir()
    work.mkdir()
    env = {**os.environ, "HOME": str(home), "XDG_CACHE_HOME": str(cache)}
    for args in (DUE, ["calendar", "--plan", str(REAL_PLAN)], ["validate", str(REAL_PLAN)],
                 ["export", "json", "--plan", str(REAL_PLAN)]):
        done = subprocess.run([sys.executable, "-m", "npmplan", *args], capture_output=True,
                              env=env, cwd=work)
        assert (done.returncode, done.stderr) == (0, b""), args
    assert not cache.exists()
    assert not list(home.iterdir()) and not list(work.iterdir())


# Counted, not timed: what a command on a valid plan does not need is not imported.
NOT_NEEDED = {
    # the wording of a plan's errors: a valid plan has none
    "npmplan.model.messages", "npmplan.check.partial",
    # pydantic's dataclass support: a When field is parsed, never built from its fields
    # (model.values.Parsed)
    "pydantic.dataclasses",
}


@pytest.mark.parametrize("args", [DUE, ["calendar", "--plan", str(REAL_PLAN)]])
def test_a_report_on_a_valid_plan_imports_nothing_it_does_not_need(args: list[str]) -> None:
    code = ("import sys\n"
            f"sys.argv = ['npmplan', *{args!r}]\n"
            "from npmplan import startup\n"
            "code = startup.run()\n"
            "print(sorted(name for name in sys.modules if name in "
            f"{sorted(NOT_NEEDED)!r}), code, file=sys.stderr)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout and done.stderr.strip().splitlines()[-1] == "[] 0", done.stderr


def test_the_stand_up_on_a_plan_without_capacity_needs_no_workload() -> None:
    code = ("import sys\n"
            f"sys.argv = ['npmplan', *{DUE!r}]\n"
            "from npmplan import startup\n"
            "startup.run()\n"
            "print('npmplan.compute.workload' in sys.modules, file=sys.stderr)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout and done.stderr.strip().splitlines()[-1] == "False", done.stderr


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
