"""Read-only by design: no reporting or validating command changes a plan file.

Every command runs on a copy of the real plan and on a broken plan, in a folder of its own,
with a guard on ``open``/``os.open``/``os.replace``/… that fails the test the moment
anything opens a plan for writing (or moves, truncates or deletes it); afterwards the
folder must hold the same files with the same bytes (sha256) and times. ``new`` never
writes over a file and ``export -o`` never writes over the plan, however it is named.
"""

from __future__ import annotations

import builtins
import hashlib
import io
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import REAL_PLAN, Run

# A plan that loads but fails validation (an unknown key, a bad date, an unknown lead), so
# that every command reads it in full before refusing it.
BROKEN_PLAN = """\
version: 1
plan: {title: Broken, period: 2026-04..2027-03}
strategic_objectives:
  - id: "1"
    title: One
    objectives:
      - id: "1.1"
        title: An objective
        leads: [nobody]
        schedul: [2026-05]
        milestones:
          - {what: m, when: Jul 26}
"""

Snapshot = dict[str, tuple[str, int]]


def snapshot(folder: Path) -> Snapshot:
    """Every file under ``folder``: its sha256 and its modification time."""
    return {str(path.relative_to(folder)): (hashlib.sha256(path.read_bytes()).hexdigest(),
                                            path.stat().st_mtime_ns)
            for path in sorted(folder.rglob("*")) if path.is_file()}


class WroteToPlan(AssertionError):
    """Raised by the guard; not an OSError, so no ``except OSError`` can swallow it."""


_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_TRUNC


@pytest.fixture
def guard(monkeypatch: pytest.MonkeyPatch) -> Callable[[list[Path]], None]:
    """``guard([paths])``: from now on, writing, moving or deleting one of them raises."""

    def protect(paths: list[Path]) -> None:
        protected = {os.path.realpath(p) for p in paths}

        def check(target: Any, writing: bool) -> None:
            if writing and isinstance(target, str | bytes | os.PathLike) and \
                    os.path.realpath(os.fsdecode(target)) in protected:
                raise WroteToPlan(f"a command opened {target!r} for writing")

        real_open, real_os_open = builtins.open, os.open

        def guarded_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
            check(file, any(c in mode for c in "wax+"))
            return real_open(file, mode, *args, **kwargs)

        def guarded_os_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
            check(path, bool(flags & _WRITE_FLAGS))
            return real_os_open(path, flags, *args, **kwargs)

        def refuse(name: str) -> Callable[..., Any]:
            real = getattr(os, name)

            def guarded(*args: Any, **kwargs: Any) -> Any:
                for target in args[:2]:
                    check(target, True)
                return real(*args, **kwargs)

            return guarded

        monkeypatch.setattr(builtins, "open", guarded_open)
        monkeypatch.setattr(io, "open", guarded_open)
        monkeypatch.setattr(os, "open", guarded_os_open)
        for name in ("replace", "rename", "remove", "unlink", "truncate", "link", "symlink"):
            monkeypatch.setattr(os, name, refuse(name))

    return protect


def test_the_guard_catches_a_write(tmp_path: Path,
                                   guard: Callable[[list[Path]], None]) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text("x")
    guard([plan])
    assert plan.read_text() == "x"  # reading is fine

    def update_in_place() -> None:
        with builtins.open(tmp_path / "." / "plan.yaml", "r+b") as handle:
            handle.write(b"y")

    writes: list[Callable[[], object]] = [
        lambda: plan.write_text("y"), lambda: plan.open("a"), lambda: plan.unlink(),
        lambda: os.open(plan, os.O_WRONLY), lambda: os.replace(tmp_path / "z", plan),
        update_in_place]
    for write in writes:
        with pytest.raises(WroteToPlan):
            write()
    assert plan.read_text() == "x"


@pytest.fixture(params=["real", "broken"])
def folder(request: pytest.FixtureRequest, tmp_path: Path,
           monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with ``plans/2026-27.yaml`` (the real plan or a broken one) and a second
    plan file for diff; the cwd, so that commands without --plan find it."""
    plans = tmp_path / "plans"
    plans.mkdir()
    text = REAL_PLAN.read_text(encoding="utf-8") if request.param == "real" else BROKEN_PLAN
    (plans / "2026-27.yaml").write_text(text, encoding="utf-8")
    (plans / "other.yaml").write_text(text.replace("2026-0", "2026-1"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


P = ["--plan", "plans/2026-27.yaml"]
REPORTING: list[list[str]] = [
    ["validate", "plans/2026-27.yaml"],
    ["validate", "--strict", "plans/2026-27.yaml", "plans/other.yaml"],
    ["validate", "--format", "json", *P],
    ["validate", "--format", "github"],  # the plan found in ./plans
    *[["calendar", *P, "--format", f] for f in ("text", "markdown", "csv", "json")],
    ["calendar"],
    ["calendar", *P, "--strategic", "1", "--from", "2026-06", "--to", "2026-09"],
    *[["due", *P, "--month", m, "--format", f]
      for m in ("2026-12", "2027-01") for f in ("text", "markdown", "json")],
    *[["show", *P, "--format", f, "1.1"] for f in ("text", "markdown", "json")],
    *[["workload", *P, "--format", f] for f in ("text", "json")],
    *[["workload", *P, "--by", by, "--format", f]
      for by in ("lead", "strategic", "priority") for f in ("text", "json")],
    ["workload", *P, "--without-priority", "funding-dependent"],
    *[["status", *P, "--as-of", "2026-11-27", "--format", f]
      for f in ("text", "markdown", "json")],
    *[["diff", "plans/2026-27.yaml", "plans/other.yaml", "--format", f]
      for f in ("text", "markdown", "json")],
    ["diff", "plans/2026-27.yaml", "plans/2026-27.yaml", "--exit-code"],
    ["schema"],
    *[["export", kind, *P] for kind in ("ics", "mermaid", "html", "json", "docx")],
]


@pytest.mark.slow
@pytest.mark.parametrize("argv", REPORTING, ids=[" ".join(a) for a in REPORTING])
def test_reporting_commands_leave_the_plans_as_they_are(
        run: Run, folder: Path, guard: Callable[[list[Path]], None], argv: list[str]) -> None:
    before = snapshot(folder)
    guard(list((folder / "plans").iterdir()))
    outcome = run(*argv)
    assert outcome.exit_code in (0, 1), outcome.output
    assert snapshot(folder) == before  # no byte, time or new file (no backup, no cache)


def test_the_commands_did_read_the_plans(run: Run, folder: Path) -> None:
    """The control for the test above: the commands really read the file they leave be."""
    broken = "Broken" in (folder / "plans/2026-27.yaml").read_text(encoding="utf-8")
    outcome = run("calendar", *P)
    assert outcome.exit_code == (1 if broken else 0), outcome.output
    assert ("schedul" in outcome.stderr) if broken else ("1.1" in outcome.stdout)


# --- commands that write: never over a plan ----------------------------------------------


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "2026-27.yaml").write_bytes(REAL_PLAN.read_bytes())
    return folder


def test_new_writes_a_new_file_and_leaves_the_plan_be(run: Run, plans: Path) -> None:
    before = snapshot(plans)
    outcome = run("new", "--from", plans / "2026-27.yaml")
    assert outcome.exit_code == 0, outcome.output
    after = snapshot(plans)
    assert after.pop("2027-28.yaml")  # the one new file
    assert after == before


@pytest.mark.parametrize("target", ["default", "the plan itself", "another file"])
def test_new_never_writes_over_a_file(run: Run, plans: Path, target: str) -> None:
    plan = plans / "2026-27.yaml"
    (plans / "2027-28.yaml").write_text("# someone else's draft\n")
    (plans / "notes.yaml").write_text("# notes\n")
    argv: list[str | Path] = ["new", "--from", plan]
    if target == "the plan itself":
        argv += ["-o", plan]
    elif target == "another file":
        argv += ["-o", plans / "notes.yaml"]
    before = snapshot(plans)
    outcome = run(*argv)
    assert outcome.exit_code == 2, outcome.output
    assert "already exists" in outcome.stderr
    assert snapshot(plans) == before


def _spellings(plans: Path) -> dict[str, Path]:
    plan = plans / "2026-27.yaml"
    (plans / "link.yaml").symlink_to(plan)
    os.link(plan, plans / "hard.yaml")
    return {"as given": plan, "with ..": plans / ".." / plans.name / plan.name,
            "relative": Path(os.path.relpath(plan)), "symlink": plans / "link.yaml",
            "hard link": plans / "hard.yaml"}


@pytest.mark.skipif(sys.platform == "win32",
                    reason="a symbolic link needs a privilege on Windows")
@pytest.mark.parametrize("kind", ["ics", "mermaid", "html", "json", "docx"])
def test_export_refuses_to_write_over_the_plan(run: Run, plans: Path, kind: str) -> None:
    plan = plans / "2026-27.yaml"
    for name, output in _spellings(plans).items():
        before = snapshot(plans)
        outcome = run("export", kind, "--plan", plan, "-o", output)
        assert outcome.exit_code == 2, (name, outcome.output)
        assert "is the plan file itself" in outcome.stderr, name
        assert snapshot(plans) == before, name


def test_export_writes_to_another_file(run: Run, plans: Path) -> None:
    """The control for the refusals above: -o does write, to a file that is not the plan."""
    before = snapshot(plans)
    outcome = run("export", "json", "--plan", plans / "2026-27.yaml", "-o", plans / "x.json")
    assert outcome.exit_code == 0, outcome.output
    after = snapshot(plans)
    assert after.pop("x.json")
    assert after == before
