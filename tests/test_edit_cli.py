"""``done``, ``move``, ``cancel``, ``add`` and ``lead`` on copies of the shipped plan: only
the lines of the milestone concerned change, the data changes exactly as asked, and a
failed edit leaves the file's bytes and time as they were."""

from __future__ import annotations

import codecs
import contextlib
import difflib
import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import cast

import pytest
import typer
from conftest import REAL_PLAN, Run, npmplan_process

from npmplan.cli import editing as edit_cli
from npmplan.model.plan import Milestone, Plan
from npmplan.pipeline import read_plan
from npmplan.write import atomic as writefile


def state(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


def model(path: Path) -> Plan:
    result = read_plan(path)
    assert result.plan is not None, [str(p) for p in result.errors]
    return result.plan


def milestone(plan: Plan, objective: str, number: int) -> Milestone:
    found = {obj.id: obj for _, obj in plan.objectives()}
    return found[objective].milestones[number - 1]


def changed_lines(old: str, new: str) -> list[tuple[str, list[str], list[str]]]:
    a, b = old.splitlines(keepends=True), new.splitlines(keepends=True)
    return [(tag, a[i1:i2], b[j1:j2]) for tag, i1, i2, j1, j2 in
            difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes() if tag != "equal"]


def only_differs_at(before: Plan, after: Plan, *targets: tuple[str, int]) -> None:
    """Every objective and milestone is equal but the ones named (objective, number)."""
    old, new = before.model_dump(), after.model_dump()
    for so_old, so_new in zip(old["strategic_objectives"], new["strategic_objectives"],
                              strict=True):
        for obj_old, obj_new in zip(so_old["objectives"], so_new["objectives"], strict=True):
            for objective, number in targets:
                if obj_old["id"] == objective:
                    obj_old["milestones"][number - 1] = obj_new["milestones"][number - 1] = 0
    assert old == new


# --- the scenario ----------------------------------------------------------------


def test_done_then_move_change_exactly_those_lines(run: Run, plan: Path) -> None:
    before_text = plan.read_text(encoding="utf-8")
    before = model(plan)
    outcome = run("done", "2.4", "visits", "--on", "2026-11-20", "--plan", plan)
    assert outcome.exit_code == 0, outcome.output
    assert outcome.stdout.count("\n") == 1  # one line
    assert "is done (2026-11-20)" in outcome.stdout and "git commit" in outcome.stdout
    outcome = run("move", "3.1", "drop-in", "--to", "2026-12", "--on", "2026-11-25",
                  "--plan", plan)
    assert outcome.exit_code == 0, outcome.output
    after_text = plan.read_text(encoding="utf-8")
    assert changed_lines(before_text, after_text) == [
        ("insert", [], ["            status: done\n", "            done_on: 2026-11-20\n"]),
        ("replace", ['          - {when: 2026-08, what: "Drop-in sessions online"}\n'],
         ['          - {when: 2026-08, moved_to: 2026-12, moved_on: 2026-11-25, what: '
          '"Drop-in sessions online"}\n']),
    ]
    after = model(plan)
    assert milestone(after, "2.4", 1).status == "done"
    assert milestone(after, "2.4", 1).done_on is not None
    assert milestone(after, "3.1", 4).effective.text == "2026-12"
    only_differs_at(before, model(plan), ("2.4", 1), ("3.1", 4))
    assert run("validate", plan).exit_code == 0
    due = json.loads(run("due", "--month", "2026-11", "--format", "json", "--plan", plan).stdout)
    visits = next(m for m in due["due"] if "visits" in m["what"])
    assert visits["status"] == "done"
    assert not any("Drop-in" in m["what"] for m in due["overdue"])
    december = json.loads(run("due", "--month", "2026-12", "--format", "json",
                              "--plan", plan).stdout)
    moved = next(m for m in december["due"] if "Drop-in" in m["what"])
    assert moved["moved_to"] == "2026-12" and moved["when"] == "2026-08"


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_in_a_git_repository_git_diff_shows_the_two_milestones(plan: Path) -> None:
    folder = plan.parent.parent

    def git(*args: str) -> str:
        return subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args],
                              cwd=folder, check=True, capture_output=True, text=True).stdout

    git("init", "-q")
    git("add", ".")
    git("commit", "-qm", "plan")
    for argv in (["done", "2.4", "visits"], ["move", "3.1", "drop-in", "--to", "2026-12"]):
        result = npmplan_process(*argv, cwd=folder, env={"NPMPLAN_PLAN": ""})
        assert result.returncode == 0, result.stderr
    assert git("diff", "--numstat").split() == ["3", "1", "plans/2026-27.yaml"]


# --- choosing ----------------------------------------------------------------------------


def test_ambiguous_or_missing_match_lists_the_candidates_and_writes_nothing(
        run: Run, plan: Path) -> None:
    before = state(plan)
    outcome = run("done", "3.1", "dashboard", "--plan", plan)
    assert outcome.exit_code == 2
    assert "6 milestones of objective 3.1 contain 'dashboard'" in outcome.stderr
    assert "\n  #2   2026-07" in outcome.stderr  # one candidate a line
    assert len([line for line in outcome.stderr.splitlines() if line.startswith("  #")]) == 6
    outcome = run("done", "3.1", "nothing like it", "--plan", plan)
    assert outcome.exit_code == 2 and "#12" in outcome.stderr
    outcome = run("done", "3.1", "--plan", plan)  # no MATCH, 12 planned
    assert outcome.exit_code == 2 and "12 planned milestones" in outcome.stderr
    outcome = run("done", "3.1", "#13", "--plan", plan)
    assert outcome.exit_code == 2 and "has no milestone #13" in outcome.stderr
    assert state(plan) == before


def test_match_by_number_and_without_match(run: Run, plan: Path) -> None:
    assert run("done", "3.1", "#4", "--plan", plan).exit_code == 0
    assert milestone(model(plan), "3.1", 4).status == "done"
    assert run("cancel", "5.3", "--plan", plan).exit_code == 0  # its only milestone
    assert milestone(model(plan), "5.3", 1).status == "cancelled"


def test_done_twice_is_refused_unless_forced(run: Run, plan: Path) -> None:
    assert run("done", "2.4", "visits", "--on", "2026-11-20", "--plan", plan).exit_code == 0
    before = state(plan)
    for on in ([], ["--on", "2026-11-21"], ["--on", "2026-11-20"]):
        again = run("done", "2.4", "visits", *on, "--plan", plan)
        assert again.exit_code == 1, again.output
        assert "is done on 2026-11-20 already, so nothing was written" in again.stderr
        assert "--force" in again.stderr and "npmplan reopen 2.4 '#1'" in again.stderr
        assert state(plan) == before
    forced = run("done", "2.4", "visits", "--on", "2026-11-21", "--force", "--plan", plan)
    assert forced.exit_code == 0, forced.output
    assert "is done (2026-11-21; was done on 2026-11-20)" in forced.stdout
    assert "done_on: 2026-11-21\n" in plan.read_text(encoding="utf-8")


def test_match_ignores_case_quotes_and_spacing(run: Run, plan: Path) -> None:
    outcome = run("done", "3.1", 'new tags and "annual  REPORT"', "--plan", plan)
    assert outcome.exit_code == 0, outcome.output
    assert milestone(model(plan), "3.1", 1).status == "done"


def test_show_numbers_the_milestones(run: Run) -> None:
    outcome = run("show", "3.1", "--plan", REAL_PLAN, "--as-of", "2026-09-10")
    assert "\n#12 " in outcome.stdout and "\n #1 " in outcome.stdout


# --- each command ------------------------------------------------------------------------


def test_move_back_to_the_baseline_removes_moved_to(run: Run, plan: Path) -> None:
    original = plan.read_bytes()
    assert run("move", "2.1", "roundtable paper", "--to", "summer 2026", "--plan", plan
               ).exit_code == 0
    assert milestone(model(plan), "2.1", 3).moved_to is not None
    outcome = run("move", "2.1", "roundtable paper", "--to", "June 2026", "--plan", plan)
    assert outcome.exit_code == 0, outcome.output
    assert "back at its planned date 2026-06" in outcome.stdout
    assert plan.read_bytes() == original
    again = run("move", "2.1", "roundtable paper", "--to", "2026-06", "--plan", plan)
    assert again.exit_code == 0 and "Nothing to change" in again.stdout


def test_cancel_with_a_note_and_a_done_milestone_loses_done_on(run: Run, plan: Path) -> None:
    assert run("done", "5.5", "survey reviewed", "--on", "2026-08", "--plan", plan
               ).exit_code == 0
    before = model(plan)
    kept = state(plan)
    refused = run("cancel", "5.5", "survey reviewed", "--note", "x", "--plan", plan)
    assert refused.exit_code == 1 and "is done on 2026-08 already" in refused.stderr
    assert state(plan) == kept
    outcome = run("cancel", "5.5", "survey reviewed", "--note", "Replaced: see #6",
                  "--on", "2026-09-02", "--force", "--plan", plan)
    assert outcome.exit_code == 0, outcome.output
    assert "is cancelled (2026-09-02; was done on 2026-08)" in outcome.stdout
    after = milestone(model(plan), "5.5", 5)
    assert (after.status, after.done_on, after.note) == ("cancelled", None, "Replaced: see #6")
    assert str(after.cancelled_on) == "2026-09-02"
    only_differs_at(before, model(plan), ("5.5", 5))
    outcome = run("cancel", "5.5", "in advance of online", "--note", "dup", "--plan", plan)
    assert outcome.exit_code == 0, outcome.output
    assert milestone(model(plan), "5.5", 10).note == \
        "Stated in the outputs as 'Survey in Q3 2026'; dup"


@pytest.mark.parametrize(("objective", "style"), [("3.4", "- {when"), ("2.4", "- when")])
def test_add_writes_like_the_neighbours_and_only_adds_lines(
        run: Run, plan: Path, objective: str, style: str) -> None:
    text = plan.read_text(encoding="utf-8")
    before = model(plan)
    what = "Steering Group: draft #2 — “final”"
    outcome = run("add", objective, "--when", "2027-02", "--what", what, "--plan", plan)
    assert outcome.exit_code == 0, outcome.output
    ops = changed_lines(text, plan.read_text(encoding="utf-8"))
    assert [op[0] for op in ops] == ["insert"]
    assert ops[0][2][0].lstrip().startswith(style)
    after = model(plan)
    obj = {o.id: o for _, o in after.objectives()}[objective]
    assert (obj.milestones[-1].what, obj.milestones[-1].when.text) == (what, "2027-02")
    old = {o.id: o for _, o in before.objectives()}[objective]
    assert obj.milestones[:-1] == old.milestones


def test_add_a_recurring_meeting(run: Run, plan: Path) -> None:
    outcome = run("add", "2.3", "--when", "2026-10..2027-03", "--every", "2", "--what",
                  "Board", "--on", "2026-09-30", "--plan", plan)
    assert outcome.exit_code == 0, outcome.output
    assert '{when: 2026-10..2027-03, every: 2, what: "Board", added_on: 2026-09-30}' in \
        plan.read_text("utf-8")
    bad = run("add", "2.3", "--when", "2026-10", "--every", "2", "--what", "x", "--plan", plan)
    assert bad.exit_code == 2 and "--every needs a range" in bad.stderr


def test_lead_sets_the_leads_after_the_label(run: Run, plan: Path) -> None:
    text = plan.read_text(encoding="utf-8")
    outcome = run("lead", "2.4", "mk", "jk", "mk", "--plan", plan)
    assert outcome.exit_code == 0, outcome.output
    assert changed_lines(text, plan.read_text(encoding="utf-8")) == [
        ("insert", [], ["        leads: [mk, jk]\n"])]
    assert {o.id: o for _, o in model(plan).objectives()}["2.4"].leads == ["mk", "jk"]
    assert run("lead", "2.4", "sr", "--plan", plan).exit_code == 0
    assert "        leads: [sr]\n" in plan.read_text(encoding="utf-8")


# --- bad input and failures: nothing written ---------------------------------------------


@pytest.mark.parametrize(("argv", "message"), [
    (["done", "2.4", "visits", "--on", "2026-02-30"], "February 2026 has no day 30"),
    (["done", "2.4", "visits", "--on", "18/09/2026"], "write 2026-09-18"),
    (["move", "3.1", "drop-in", "--to", "Sept"], "--to:"),
    (["move", "3.1", "drop-in"], "--to"),
    (["lead", "2.4", "mk", "zz"], "there is no team member 'zz'"),
    (["done", "9.9"], "there is no objective '9.9'"),
    (["add", "2.4", "--when", "2026-10", "--what", "  "], "--what is empty"),
    (["add", "2.4", "--when", "2026-10", "--what", "a\u202eb"], "U+202E"),
    (["add", "2.4", "--when", "Jul 26", "--what", "x"], "ambiguous"),
])
def test_bad_input_is_exit_2_and_no_write(run: Run, plan: Path, argv: list[str],
                                          message: str) -> None:
    before = state(plan)
    outcome = run(*argv, "--plan", plan)
    assert outcome.exit_code == 2, outcome.output
    assert message in outcome.stderr
    assert "Traceback" not in outcome.output
    assert state(plan) == before


def test_a_change_that_would_make_the_plan_invalid_is_refused(run: Run, plan: Path) -> None:
    before = state(plan)
    outcome = run("move", "2.3", "every 2 months", "--to", "2026-10", "--all-occurrences",
                  "--plan", plan)
    assert outcome.exit_code == 1, outcome.output
    assert "every-without-range" in outcome.stderr
    assert "nothing was written" in outcome.stderr
    assert state(plan) == before


def test_an_invalid_plan_is_refused_before_any_edit(run: Run, plan: Path) -> None:
    plan.write_text(plan.read_text(encoding="utf-8").replace("milestones:", "milestone:", 1),
                    encoding="utf-8")
    before = state(plan)
    outcome = run("done", "2.4", "visits", "--plan", plan)
    assert outcome.exit_code == 1
    assert "npmplan validate" in outcome.stderr and "unknown-key" in outcome.stderr
    assert state(plan) == before


def test_a_plan_changed_underneath_is_not_overwritten(run: Run, plan: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    real = writefile.check_unchanged

    def someone_saves(snap: writefile.Snapshot) -> None:
        plan.write_bytes(plan.read_bytes() + b"# saved by an editor\n")
        real(snap)

    monkeypatch.setattr(writefile, "check_unchanged", someone_saves)
    outcome = run("done", "2.4", "visits", "--plan", plan)
    assert outcome.exit_code == 2
    assert "changed on disk" in outcome.stderr
    assert plan.read_bytes() == REAL_PLAN.read_bytes() + b"# saved by an editor\n"
    assert [p.name for p in plan.parent.iterdir()] == ["2026-27.yaml"]


@pytest.mark.parametrize("failure", [OSError(28, "No space left on device"),
                                     KeyboardInterrupt()])
def test_a_failed_write_leaves_the_plan_and_no_temporary_file(
        run: Run, plan: Path, monkeypatch: pytest.MonkeyPatch, failure: BaseException) -> None:
    before = state(plan)

    def fail(descriptor: int) -> None:
        raise failure

    monkeypatch.setattr(os, "fsync", fail)
    if isinstance(failure, KeyboardInterrupt):
        with contextlib.suppress(KeyboardInterrupt):  # the runner may say "Aborted!"
            assert run("done", "2.4", "visits", "--plan", plan).exit_code != 0
    else:
        outcome = run("done", "2.4", "visits", "--plan", plan)
        assert outcome.exit_code == 2
        assert "No space left on device" in outcome.stderr
    assert state(plan) == before
    assert [p.name for p in plan.parent.iterdir()] == ["2026-27.yaml"]


def test_a_read_only_plan_is_not_replaced(run: Run, plan: Path) -> None:
    plan.chmod(0o444)
    before = state(plan)
    outcome = run("done", "2.4", "visits", "--plan", plan)
    if os.access(plan, os.W_OK):  # root may write anyway
        pytest.skip("running as a user who can write read-only files")
    assert outcome.exit_code == 2 and "read-only" in outcome.stderr
    assert state(plan) == before


@pytest.mark.skipif(sys.platform == "win32",
                    reason="Windows keeps no mode bits; a symbolic link there needs a privilege")
def test_mode_kept_and_symlink_followed(run: Run, plan: Path) -> None:
    plan.chmod(0o640)
    link = plan.parent / "current.yaml"
    link.symlink_to(plan.name)
    assert run("done", "2.4", "visits", "--plan", link).exit_code == 0
    assert link.is_symlink()
    assert (plan.stat().st_mode & 0o777) == 0o640
    assert milestone(model(plan), "2.4", 1).status == "done"


def test_dry_run_prints_a_diff_and_writes_nothing(run: Run, plan: Path) -> None:
    before = state(plan)
    outcome = run("move", "3.1", "drop-in", "--to", "2026-12", "--on", "2026-11-02",
                  "--dry-run", "--plan", plan)
    assert outcome.exit_code == 0, outcome.output
    assert f"--- a/{str(plan).lstrip('/')}" in outcome.stdout
    assert '-          - {when: 2026-08, what: "Drop-in sessions online"}' in outcome.stdout
    assert ('+          - {when: 2026-08, moved_to: 2026-12, moved_on: 2026-11-02, what: '
            '"Drop-in sessions online"}') in outcome.stdout
    assert "Nothing was written (--dry-run)" in outcome.stdout
    assert state(plan) == before


def test_crlf_and_bom_are_kept(run: Run, plan: Path) -> None:
    text = REAL_PLAN.read_text(encoding="utf-8").replace("\n", "\r\n")
    plan.write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))
    assert run("done", "2.4", "visits", "--on", "2026-11-20", "--plan", plan).exit_code == 0
    assert run("add", "3.4", "--when", "2027-01", "--what", "x", "--plan", plan).exit_code == 0
    raw = plan.read_bytes()
    assert raw.startswith(codecs.BOM_UTF8)
    assert raw.count(b"\n") == raw.count(b"\r\n") == text.count("\n") + 3
    assert b"            status: done\r\n            done_on: 2026-11-20\r\n" in raw


def test_help_says_undo_is_git(run: Run) -> None:
    for command in ("done", "move", "cancel", "add", "lead"):
        assert "git" in run(command, "--help").stdout


def test_completion_offers_objective_and_team_ids(plan: Path) -> None:
    ctx = cast(typer.Context, SimpleNamespace(params={"plan": plan}))
    found = edit_cli.complete_objective(ctx, "2.")
    assert [i for i, _ in found] == ["2.1", "2.2", "2.3", "2.4", "2.5"]
    assert edit_cli.complete_team(ctx, "j") == [("jk", "Jane Kilpatrick")]
    nothing = cast(typer.Context, SimpleNamespace(params={"plan": plan.parent / "no.yaml"}))
    assert edit_cli.complete_objective(nothing, "") == []




@pytest.mark.slow
def test_bash_completion_of_id_end_to_end(plan: Path) -> None:
    env = {"_NPMPLAN_COMPLETE": "complete_bash", "COMP_WORDS": "npmplan done 2.",
           "COMP_CWORD": "2"}
    result = npmplan_process(cwd=plan.parent.parent, env=env)
    assert result.stdout.split() == [b"2.1", b"2.2", b"2.3", b"2.4", b"2.5"], result.stderr
