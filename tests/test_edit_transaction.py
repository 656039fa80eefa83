"""One edit is one transaction (``write.transaction``): the plan is read and validated once,
the new text parsed and validated once, and a command resolves its plan once; what an edit
came to is a value (``Outcome``) that ``cli.editing`` words with its exit code."""

from __future__ import annotations

import importlib
import pkgutil
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import typer
from conftest import Run

import npmplan.read
import npmplan.read.loader
import npmplan.write
from npmplan.model.dates import parse_when
from npmplan.model.plan import Plan
from npmplan.write import changes, states
from npmplan.write.edit import EditError, Source, set_fields
from npmplan.write.states import Which
from npmplan.write.transaction import Change, Make, Outcome, edit


def _counted(calls: Counter[str], name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    def counting(*args: Any, **kwargs: Any) -> Any:
        calls[name] += 1
        return function(*args, **kwargs)

    return counting


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How often the loader parses a text (``load_text``, through whichever module names
    it), how often libyaml reads a text through at all (the loader's parse, and the scan for
    where each value ends that ``write.edit`` makes of the plan it edits), and how often the
    model validates a plan (``Plan.model_validate``)."""
    for package in (npmplan.read, npmplan.write):  # every module that may name it
        for found in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
            importlib.import_module(found.name)
    importlib.import_module("npmplan.pipeline")
    counted: Counter[str] = Counter()
    load_text = npmplan.read.loader.load_text
    events = vars(npmplan.read.loader)["_EventLoader"]  # libyaml, or PyYAML's own parser
    counting = {"load_text": (load_text, _counted(counted, "parse", load_text)),
                "_EventLoader": (events, _counted(counted, "libyaml", events))}
    for module in [m for m in list(sys.modules.values())
                   if m is not None and m.__name__.startswith("npmplan")]:
        for name, (original, wrapped) in counting.items():
            if getattr(module, name, None) is original:
                monkeypatch.setattr(module, name, wrapped)
    validate = Plan.model_validate
    monkeypatch.setattr(Plan, "model_validate",
                        classmethod(lambda cls, *a, **k: _counted(counted, "validate",
                                                                  validate)(*a, **k)))
    return counted


@pytest.mark.parametrize("argv", [
    ["done", "2.4", "visits", "--on", "2026-11-20"],
    ["move", "3.1", "drop-in", "--to", "2026-12"],
    ["add", "2.4", "--when", "2026-12", "--what", "Draft report"],
    ["cancel", "2.4", "visits"],
    ["lead", "2.4", "mk"],
], ids=lambda argv: argv[0])
@pytest.mark.parametrize("dry_run", [False, True], ids=["write", "dry-run"])
def test_an_edit_parses_and_validates_each_text_once(run: Run, plan: Path, calls: Counter[str],
                                                     argv: list[str], dry_run: bool) -> None:
    outcome = run(*argv, "--plan", plan, *(["--dry-run"] if dry_run else []))
    assert outcome.exit_code == 0, outcome.output
    # the plan as read and the new text: one parse and one validation each; libyaml reads
    # the plan a second time for the ends of its values (write.edit's Source)
    assert calls == {"parse": 2, "validate": 2, "libyaml": 3}


def test_an_edit_that_changes_nothing_reads_the_plan_once(run: Run, plan: Path,
                                                          calls: Counter[str]) -> None:
    calls.clear()
    outcome = run("move", "2.4", "visits", "--to", "2026-06..2026-11", "--plan", plan)
    assert outcome.exit_code == 0 and "Nothing to change" in outcome.stdout
    assert calls == {"parse": 1, "validate": 1, "libyaml": 2}


@pytest.mark.parametrize("argv", [
    ["due", "--month", "2026-09", "--plan", "PLAN"],
    ["export", "mermaid", "--plan", "PLAN"],
    ["new", "--from", "PLAN", "-o", "NEXT"],
    ["calendar", "--plan", "PLAN"],
    ["done", "2.4", "visits", "--dry-run", "--plan", "PLAN"],
], ids=lambda argv: argv[0])
def test_a_command_resolves_its_plan_once(run: Run, plan: Path, argv: list[str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    import npmplan.pipeline

    counted: Counter[str] = Counter()
    monkeypatch.setattr(npmplan.pipeline, "check_readable",
                        _counted(counted, "resolve", npmplan.pipeline.check_readable))
    names = {"PLAN": str(plan), "NEXT": str(plan.parent / "2027-28.yaml")}
    outcome = run(*[names.get(arg, arg) for arg in argv])
    assert outcome.exit_code == 0, outcome.output
    assert counted == {"resolve": 1}


# --- the outcomes of write.transaction.edit, and how cli.editing words them -------------


def _say(outcome: Outcome, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """The exit code, stdout and stderr of ``cli.editing.say``."""
    from npmplan.cli.editing import say

    code = 0
    try:
        say(outcome)
    except typer.Exit as exc:
        code = exc.exit_code
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _bad_dates(count: int) -> Make:
    """A change that gives the first ``count`` milestones a date that does not exist."""

    def make(model: Plan, src: Source) -> Change:
        splices = []
        for s, so in enumerate(model.strategic_objectives):
            for o, objective in enumerate(so.objectives):
                for m in range(len(objective.milestones)):
                    loc = ("strategic_objectives", s, "objectives", o, "milestones", m)
                    splices += set_fields(src, loc, {"moved_to": "2026-13"})
        return Change(splices[:count], lambda data: None, "bad dates", "bad dates")

    return make


def test_the_outcome_of_an_edit_is_a_value(plan: Path) -> None:
    before = plan.read_bytes()
    visits = Which("visits")
    dry = edit(plan, states.mark_done("2.4", visits, "2026-11-20"), True)
    assert dry.status == "dry-run" and dry.ok and dry.change is not None
    assert "+            done_on: 2026-11-20" in dry.diff
    assert plan.read_bytes() == before
    written = edit(plan, states.mark_done("2.4", visits, "2026-11-20"), False)
    assert written.status == "written" and written.diff == ""
    again = edit(plan, states.mark_done("2.4", visits, "2026-11-21"), False)
    assert again.status == "conflict" and not again.ok
    assert "is done on 2026-11-20 already" in again.reason
    unchanged = edit(plan, states.move_to("2.4", Which("#2"), parse_when("2026-11..2027-03"),
                                          "2026-11-22"), False)
    assert unchanged.status == "unchanged"
    moved = edit(plan, states.move_to("2.5", Which("#1"), parse_when("2028-01"),
                                      "2026-11-22"), True)
    assert [p.rule for p in moved.warnings] == ["milestone-outside-period"]


def test_each_refusal_is_an_outcome_and_writes_nothing(plan: Path, tmp_path: Path) -> None:
    before = plan.read_bytes()

    def layout(model: Plan, src: Source) -> Change:
        raise EditError("line 3: the list item does not start with '- '")

    def inexact(model: Plan, src: Source) -> Change:
        change = changes.set_leads("2.4", ["mk"])(model, src)
        return Change(change.splices, lambda data: None, change.summary, change.commit)

    assert edit(tmp_path, layout, False).status == "unreadable"  # a folder
    assert edit(plan, layout, False).status == "cannot-edit"
    assert edit(plan, inexact, False).status == "inexact"
    assert edit(plan, changes.set_leads("2.4", ["zz"]), False).status == "refused"
    assert edit(plan, _bad_dates(3), False).status == "would-be-invalid"
    assert plan.read_bytes() == before


def test_refusals_are_worded_with_their_exit_codes(plan: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    def layout(model: Plan, src: Source) -> Change:
        raise EditError("line 3: the list item does not start with '- '")

    code, out, err = _say(edit(plan, layout, False), capsys)
    assert (code, out) == (1, "")
    assert err.startswith("npmplan: line 3: the list item does not start with '- '; npmplan "
                          "cannot make this change") and "edit it by hand" in err

    def inexact(model: Plan, src: Source) -> Change:
        change = changes.set_leads("2.4", ["mk"])(model, src)
        return Change(change.splices, lambda data: None, change.summary, change.commit)

    code, _, err = _say(edit(plan, inexact, False), capsys)
    assert code == 1 and "a bug in npmplan" in err and "nothing was written" in err
    code, _, err = _say(edit(tmp_path, layout, False), capsys)
    assert code == 2 and err.startswith(f"npmplan: cannot read '{tmp_path}': ")
    code, _, err = _say(edit(plan, _bad_dates(2), False), capsys)
    assert code == 1 and err.count("[bad-moved-to]") + err.count("[bad-when]") == 2, err
    assert err.endswith("invalid (see above), so nothing was written\n")


def test_a_change_with_many_errors_says_how_many_are_not_shown(
        plan: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _say(edit(plan, _bad_dates(25), False), capsys)
    lines = err.splitlines()
    assert code == 1 and len(lines) == 21, err  # 20 errors, then the message
    assert lines[-1] == ("npmplan: this change would make the plan invalid (see above: 25 "
                         "error(s) (5 more not shown)), so nothing was written")
