"""Shared fixtures: a pinned environment, the repository's paths and the two ways the tests
run the CLI.

Rich reads ``COLUMNS``, ``NO_COLOR`` and ``TERM`` when a console is made, so pinning them
here makes every rendered table the same on every machine (fastapi-cli ``tests/conftest.py``).

Running the CLI: in this process with the ``run`` fixture (``run("validate", path)`` → a
``Ran``: exit code, stdout, stderr), which every test of a command uses; as a real process
with ``npmplan_process`` only where a test needs one (the installed module, file descriptors,
signals, start-up imports).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import pytest
from hypothesis import settings
from typer.testing import CliRunner

from npmplan.cli.app import _invoked, make_app

REPO_ROOT = Path(__file__).resolve().parent.parent
# The shipped plan's git history is this project's (its encoding, commit by commit), not a
# record of the plan year: a report for a past day must not read it, or its figures would
# depend on how the repository was cloned (a shallow clone has no history). Git does not look
# above plans/ for a repository, so the shipped plan has no history in the tests; the tests
# of history build their own repositories under a temporary folder.
os.environ["GIT_CEILING_DIRECTORIES"] = str(REPO_ROOT)
REAL_PLAN = REPO_ROOT / "plans" / "2026-27.yaml"
EXAMPLES = Path(__file__).resolve().parent / "plans"

# CI must never fail by chance: there, every property test runs the same derandomized
# examples; on a developer's machine they explore (HYPOTHESIS_PROFILE=ci to reproduce CI).
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("dev", deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE")
                      or ("ci" if os.environ.get("CI") else "dev"))


@dataclass(frozen=True)
class Ran:
    """What one command line did in this process. ``output`` is stdout and stderr interleaved
    as written (what a terminal shows); ``stdout_bytes`` is for the binary outputs (``export
    docx``); ``exception`` is what the command raised, other than an exit, when it was run
    with ``catch=True`` (without it, the exception reaches the test with its traceback)."""

    exit_code: int
    stdout: str
    stderr: str
    output: str
    stdout_bytes: bytes
    exception: BaseException | None


class Run(Protocol):
    def __call__(self, *args: str | Path, env: Mapping[str, str | None] | None = None,
                 width: int | None = None, catch: bool = False) -> Ran: ...


def _run(*args: str | Path, env: Mapping[str, str | None] | None = None,
         width: int | None = None, catch: bool = False) -> Ran:
    """``npmplan *args`` in this process, with typer's (click's) runner. ``env`` is set (a
    None value unset) for the command only; ``width`` is ``COLUMNS``.

    The app is made as ``npmplan.cli.app.run`` makes it: with only the command the line
    names, when it names one (typer turns every registered command into a click command on
    each call: about 14 ms for all of them, 1 ms for one)."""
    argv = [str(a) for a in args]
    environment = dict(env or {})
    if width is not None:
        environment["COLUMNS"] = str(width)
    only = None if environment.get("_NPMPLAN_COMPLETE") else _invoked(argv)
    result = CliRunner().invoke(make_app(only), argv, env=environment, catch_exceptions=catch)
    raised = None if isinstance(result.exception, SystemExit) else result.exception
    return Ran(result.exit_code, result.stdout, result.stderr, result.output,
               result.stdout_bytes, raised)


@pytest.fixture(scope="session")
def run() -> Run:
    """The CLI in this process: ``run("validate", path).exit_code``. Session-wide (it holds
    nothing), so property tests may use it too; the environment is pinned per test below."""
    return _run


def npmplan_command(*args: str | Path, python: Sequence[str] = ()) -> list[str]:
    """``python -m npmplan *args``; ``python`` holds interpreter options (``-X importtime``)."""
    return [sys.executable, *python, "-m", "npmplan", *map(str, args)]


def npmplan_environment(env: Mapping[str, str | None] | None = None) -> dict[str, str]:
    """The test's environment without ``NPMPLAN_*``, colour off and 100 columns, then ``env``
    (a None value unset)."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("NPMPLAN_")}
    environment.update({"NO_COLOR": "1", "COLUMNS": "100"})
    for name, value in (env or {}).items():
        if value is None:
            environment.pop(name, None)
        else:
            environment[name] = value
    return environment


def npmplan_process(*args: str | Path, cwd: Path | None = None,
                    env: Mapping[str, str | None] | None = None, python: Sequence[str] = (),
                    stdin: int | None = subprocess.DEVNULL,
                    **kwargs: Any) -> subprocess.CompletedProcess[bytes]:
    """npmplan as a real process, as an officer runs it (see ``npmplan_command`` and
    ``npmplan_environment``); output in bytes. A test that must hold the process's pipes
    itself passes those two to ``subprocess.Popen``."""
    done: subprocess.CompletedProcess[bytes] = subprocess.run(
        npmplan_command(*args, python=python), cwd=cwd, env=npmplan_environment(env),
        capture_output=True, stdin=stdin, timeout=120, check=False, **kwargs)
    return done


@pytest.fixture(autouse=True)
def pinned_environment(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Deterministic rich output, and no CI or plan settings leaking in from the shell."""
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("TERM", "dumb")
    for name in ("GITHUB_ACTIONS", "NPMPLAN_PLAN", "NPMPLAN_MAX_BYTES", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    yield


@pytest.fixture
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    """A copy of the shipped plan where the commands find it (``plans/2026-27.yaml``)."""
    path = tmp_path / "plans" / "2026-27.yaml"
    path.parent.mkdir()
    path.write_bytes(REAL_PLAN.read_bytes())
    return path


@pytest.fixture
def real_plan() -> Path:
    return REAL_PLAN


@pytest.fixture
def small(tmp_path: Path, request: pytest.FixtureRequest) -> Path:
    """The test module's ``SMALL`` plan, written to a file."""
    path = tmp_path / "plan.yaml"
    path.write_text(request.module.SMALL, encoding="utf-8")
    return path
