"""Shared fixtures: a pinned environment, the repository's paths and a CLI runner.

Rich reads ``COLUMNS``, ``NO_COLOR`` and ``TERM`` when a console is made, so pinning them
here makes every rendered table the same on every machine (fastapi-cli ``tests/conftest.py``).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import pytest
from hypothesis import settings
from typer.testing import CliRunner, Result

from npmplan.cli.app import app

REPO_ROOT = Path(__file__).resolve().parent.parent
REAL_PLAN = REPO_ROOT / "plans" / "2026-27.yaml"
EXAMPLES = Path(__file__).resolve().parent / "plans"

# CI must never fail by chance: there, every property test runs the same derandomized
# examples; on a developer's machine they explore (HYPOTHESIS_PROFILE=ci to reproduce CI).
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("dev", deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE")
                      or ("ci" if os.environ.get("CI") else "dev"))

Run = Callable[..., Result]


@pytest.fixture(scope="session")
def cache_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("xdg-cache")


@pytest.fixture(autouse=True)
def pinned_environment(monkeypatch: pytest.MonkeyPatch, cache_folder: Path) -> Iterator[None]:
    """Deterministic rich output, and no CI or plan settings leaking in from the shell; the
    commands the tests start keep their code cache in the session's folder, not the user's."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache_folder))
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
def real_plan() -> Path:
    return REAL_PLAN


@pytest.fixture
def run() -> Run:
    """``run("validate", "x.yaml")`` → the click ``Result``; stdout and stderr are separate.

    In this typer (0.29, click vendored) ``CliRunner`` has no ``mix_stderr``: ``stdout`` and
    ``stderr`` are always captured apart and ``output`` is the two interleaved.
    """
    runner = CliRunner()

    def invoke(*args: str | Path, env: Mapping[str, str | None] | None = None) -> Result:
        return runner.invoke(app, [str(a) for a in args], env=env, catch_exceptions=False)

    return invoke


@pytest.fixture
def small(tmp_path: Path, request: pytest.FixtureRequest) -> Path:
    """The test module's ``SMALL`` plan, written to a file."""
    path = tmp_path / "plan.yaml"
    path.write_text(request.module.SMALL, encoding="utf-8")
    return path
