"""`npmplan diff`: two versions of a plan, from files or a real git history in tmp_path."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from conftest import Run

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "plans" / "2026-27.yaml"
REL = "plans/2026-27.yaml"

CPT = "Expected publication of CPT social care standards"
CONFERENCE = "Conference planning beginning"


def diff_json(run: Run, *args: str, code: int = 0) -> dict[str, Any]:
    result = run("diff", *args, "--format", "json")
    assert result.exit_code == code, result.output
    data: dict[str, Any] = json.loads(result.output)
    return data


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org",
                    "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", *args],
                   cwd=repo, check=True, capture_output=True)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git repository holding a copy of the real plan, one commit, as the current folder."""
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "no-gitconfig"))
    (tmp_path / "plans").mkdir()
    shutil.copyfile(PLAN, tmp_path / REL)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", REL)
    git(tmp_path, "commit", "-q", "-m", "The plan as agreed")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def move_and_finish(plan: Path) -> None:
    edit(plan, f'- {{when: 2026-07, what: "{CPT}"}}', f'- {{when: 2026-09, what: "{CPT}"}}')
    edit(plan, f'- {{when: 2026-06, what: "{CONFERENCE}"}}',
         f'- {{when: 2026-06, what: "{CONFERENCE}", status: done, done_on: 2026-06-20}}')


NOTHING: dict[str, Any] = {
    "objectives": {"added": [], "removed": [], "changed": []}, "leads": [],
    "milestones": {"added": [], "removed": [], "moved": [], "status": [], "changed": []},
    "occurrences": [], "schedules": [], "workload": []}


def test_a_move_and_a_done_milestone_are_exactly_two_changes(run: Run, repo: Path) -> None:
    move_and_finish(repo / REL)
    git(repo, "commit", "-q", "-a", "-m", "Replanned CPT; conference planning started")
    data = diff_json(run, f"HEAD~1:{REL}")
    assert data["old"] == {"source": f"HEAD~1:{REL}", "plan": "UK NPM Business Plan 2026-27"}
    assert data["new"] == {"source": REL, "plan": "UK NPM Business Plan 2026-27"}
    assert data["changed"] is True
    assert data["milestones"] == {
        "added": [], "removed": [],
        "moved": [{"objective": "1.1", "what": CPT, "from": "2026-07", "to": "2026-09",
                   "months": 2, "direction": "later", "when": "2026-09", "moved_to": None,
                   "moved_on": None, "since_baseline": None}],
        "status": [{"objective": "1.2", "what": CONFERENCE, "from": "planned", "to": "done",
                    "done_on": "2026-06-20", "cancelled_on": None}],
        "changed": [],
    }
    others = ("objectives", "leads", "occurrences", "schedules", "workload")
    assert {key: data[key] for key in others} == {key: NOTHING[key] for key in others}


def test_text_and_markdown_say_the_same(run: Run, repo: Path) -> None:
    move_and_finish(repo / REL)
    result = run("diff", f"HEAD:{REL}")
    assert result.exit_code == 0, result.output
    assert "Milestones moved (1)" in result.output
    assert "2 months later" in result.output
    assert "Status changed (1)" in result.output
    assert "done (2026-06-20)" in result.output
    assert "Workload" not in result.output
    result = run("diff", f"HEAD:{REL}", "--format", "markdown")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("## Changes to the plan: UK NPM Business Plan 2026-27\n")
    assert f"| 1.1 | {CPT} | 2026-07 | 2026-09 | 2 months later |" in result.output
    assert f"| 1.2 | {CONFERENCE} | planned | done (2026-06-20) |" in result.output


def test_objectives_schedules_and_workload(run: Run, repo: Path) -> None:
    plan = repo / REL
    text = plan.read_text(encoding="utf-8")
    cut = text.index('      - id: "6.2"')  # the last objective: remove it, add another
    plan.write_text(text[:cut] + '      - id: "6.3"\n        title: Website refresh\n'
                    "        schedule: [2026-09..2026-12]\n", encoding="utf-8")
    edit(plan, "          - {months: 2026-06..2026-11}\n",
         "          - {months: 2026-06..2026-10}\n"
         "          - {months: 2026-11..2026-12, kind: production}\n")
    data = diff_json(run, f"HEAD:{REL}", "--exit-code", code=1)
    assert data["objectives"] == {
        "added": [{"id": "6.3", "title": "Website refresh", "strategic_objective": "6"}],
        "removed": [{"id": "6.2", "strategic_objective": "6",
                     "title": "NPM Secretariat governance review and risk register"}],
        "changed": []}
    assert data["milestones"] == NOTHING["milestones"]  # 6.2's are not listed one by one
    assert data["schedules"] == [{"objective": "1.2", "added": ["2026-12"], "removed": [],
                                  "kind": [{"month": "2026-11", "from": "active",
                                            "to": "production"}]}]
    # 6.2 ran Apr-Aug, 6.3 runs Sep-Dec, and 1.2 gained December.
    assert [(w["month"], w["old"], w["new"], w["delta"]) for w in data["workload"]] == [
        ("2026-04", 8, 7, -1), ("2026-05", 11, 10, -1), ("2026-06", 17, 16, -1),
        ("2026-07", 18, 17, -1), ("2026-08", 19, 18, -1), ("2026-09", 17, 18, 1),
        ("2026-10", 18, 19, 1), ("2026-11", 19, 20, 1), ("2026-12", 18, 20, 2)]


def test_exit_code_only_with_the_option_and_a_change(run: Run, repo: Path) -> None:
    result = run("diff", f"HEAD:{REL}", "--exit-code")
    assert result.exit_code == 0, result.output
    assert ("No changes to objectives, leads, ratings, milestones, occurrences, schedules or "
            "workload.") in result.output
    assert diff_json(run, f"HEAD:{REL}") == {
        "old": {"source": f"HEAD:{REL}", "plan": "UK NPM Business Plan 2026-27"},
        "new": {"source": REL, "plan": "UK NPM Business Plan 2026-27"},
        "changed": False, **NOTHING}
    move_and_finish(repo / REL)
    assert run("diff", f"HEAD:{REL}").exit_code == 0
    assert run("diff", f"HEAD:{REL}", "--exit-code").exit_code == 1


def test_a_bare_revision_means_that_revision_of_the_plan(run: Run, repo: Path) -> None:
    move_and_finish(repo / REL)
    data = diff_json(run, "HEAD", "--plan", REL)
    assert data["old"]["source"] == f"HEAD:{REL}"
    assert data["new"]["source"] == REL
    assert len(data["milestones"]["moved"]) == 1


def test_from_a_subfolder_path_is_from_the_top(run: Run, repo: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    move_and_finish(repo / REL)
    monkeypatch.chdir(repo / "plans")
    data = diff_json(run, f"HEAD:{REL}")
    assert data["new"]["source"] == "2026-27.yaml"
    assert len(data["milestones"]["moved"]) == 1
    assert (diff_json(run, "HEAD:./2026-27.yaml")["milestones"]
            == diff_json(run, f"HEAD:{REL}")["milestones"])


def test_git_failures_are_usage_errors_with_gits_message(run: Run, repo: Path) -> None:
    result = run("diff", f"HEAD~5:{REL}")
    assert result.exit_code == 2
    assert "npmplan: git show failed: fatal:" in result.output
    assert "HEAD~5" in result.output
    result = run("diff", "HEAD:plans/2025-26.yaml")
    assert result.exit_code == 2
    assert "does not exist in 'HEAD'" in result.output
    result = run("diff", "--", f"--output=x:{REL}")  # never an option of git
    assert result.exit_code == 2
    assert "is not a git revision" in result.output
    assert not (repo / "x").exists()


def test_outside_a_repository(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    result = run("diff", f"HEAD:{REL}")
    assert result.exit_code == 2
    assert "not a git repository" in result.output


# --- plain files ------------------------------------------------------------------------

HEAD = """\
version: 1
plan: {title: Diff test, period: 2026-04..2027-03}
strategic_objectives:
  - id: "1"
    title: One
    objectives:
      - id: "1.1"
        title: "Work | with a pipe"
        schedule: [2026-04..2027-03]
        milestones:
"""


def two_files(tmp_path: Path, old: str, new: str) -> tuple[str, str]:
    paths = tmp_path / "old.yaml", tmp_path / "new.yaml"
    for path, body in zip(paths, (old, new), strict=True):
        path.write_text(HEAD + body, encoding="utf-8")
    return str(paths[0]), str(paths[1])


def test_moves_against_the_baseline_and_to_tbc(run: Run, tmp_path: Path) -> None:
    old, new = two_files(tmp_path, """\
          - {when: 2026-07, what: replanned}
          - {when: 2026-07, moved_to: 2026-10, what: replanned again}
          - {when: 2026-09, what: undated now}
          - {when: 2026-09, what: "same end | wider"}
          - {when: Sep 2026, what: rewritten date}
""", """\
          - {when: 2026-07, moved_to: 2026-10, what: replanned}
          - {when: 2026-07, moved_to: 2026-08, what: replanned again}
          - {when: tbc, what: undated now}
          - {when: 2026-08..2026-09, what: "same end | wider"}
          - {when: 2026-09, what: rewritten date}
""")
    moved = diff_json(run, old, new)["milestones"]["moved"]
    assert [(m["what"], m["from"], m["to"], m["months"], m["direction"], m["since_baseline"])
            for m in moved] == [
        ("replanned", "2026-07", "2026-10", 3, "later", 3),
        ("replanned again", "2026-10", "2026-08", -2, "earlier", 1),
        ("undated now", "2026-09", "tbc", None, "undated", None),
        ("same end | wider", "2026-09", "2026-08..2026-09", 0, "same end", None)]
    result = run("diff", old, new, "--format", "markdown")
    assert result.exit_code == 0, result.output
    assert "| 1.1 | replanned again | 2026-10 | 2026-08 | 2 months earlier (+1 on the " \
           "baseline 2026-07) |" in result.output
    assert "| 1.1 | same end \\| wider |" in result.output


def test_repeated_text_matches_in_order_and_rewording_is_remove_add(run: Run,
                                                                    tmp_path: Path) -> None:
    old, new = two_files(tmp_path, """\
          - {when: 2026-05, what: Quarterly meeting}
          - {when: 2026-08, what: Quarterly meeting}
          - {when: 2026-06, what: Draft report}
          - {when: 2026-12, what: Old wording, status: done}
""", """\
          - {when: 2026-05, what: Quarterly meeting}
          - {when: 2026-09, what: "Quarterly  meeting"}
          - {when: 2026-06, what: Draft report, status: cancelled}
          - {when: 2026-12, what: New wording}
""")
    data = diff_json(run, old, new)
    milestones = data["milestones"]
    assert [(m["what"], m["from"], m["to"]) for m in milestones["moved"]] == [
        ("Quarterly  meeting", "2026-08", "2026-09")]
    assert [(m["what"], m["from"], m["to"], m["done_on"]) for m in milestones["status"]] == [
        ("Draft report", "planned", "cancelled", None)]
    assert [(m["what"], m["status"]) for m in milestones["added"]] == [
        ("New wording", "planned")]
    assert [(m["what"], m["status"]) for m in milestones["removed"]] == [
        ("Old wording", "done")]


def test_an_invalid_version_shows_its_errors(run: Run, tmp_path: Path) -> None:
    old, new = two_files(tmp_path, "          - {when: Jul 26, what: x}\n",
                         "          - {when: 2026-07, what: x}\n")
    result = run("diff", old, new)
    assert result.exit_code == 1
    assert "old.yaml:11:20: error:" in result.output
    assert "bad-when" in result.output
    assert "compare valid plans only" in result.output


def test_a_missing_file_or_a_lone_file(run: Run, tmp_path: Path) -> None:
    result = run("diff", str(tmp_path / "nothing.yaml"), str(PLAN))
    assert result.exit_code == 2
    assert "there is no file" in result.output
    result = run("diff", str(PLAN))
    assert result.exit_code == 2
    assert "name the second version too" in result.output


# --- leads, ratings, dates and occurrences -------------------------------------------------

AI = "AI Task & Finish groups every 2 months"
SURVEY = "Survey to assess AI scrutiny and use in detention"
PRODUCT = "Identify product of the T&F group"


def real_pair(tmp_path: Path, *edits: tuple[str, str]) -> tuple[str, str]:
    """The shipped plan, and a copy of it with ``edits`` made."""
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    shutil.copyfile(PLAN, old)
    shutil.copyfile(PLAN, new)
    for before, after in edits:
        edit(new, before, after)
    return str(old), str(new)


LABEL = '        label: "AI Task & Finish Group"\n'
SERIES = f'          - {{when: 2026-05..2027-03, every: 2, what: "{AI}"}}'


def test_a_change_of_leads_is_a_change(run: Run, tmp_path: Path) -> None:
    old, new = real_pair(tmp_path, (LABEL, LABEL + "        leads: [mk, jk]\n"))
    assert diff_json(run, old, new, "--exit-code", code=1)["leads"] == [
        {"objective": "2.3", "from": [], "to": ["mk", "jk"]}]
    result = run("diff", old, new, "--format", "markdown")
    assert "### Leads changed (1)" in result.output
    assert ("| 2.3 | AI Task & Finish Group | no lead | Martin Kettle (mk), Jane Kilpatrick "
            "(jk) |") in result.output
    assert "No changes" not in result.output
    # and back: the newer version's order, the older one's leads
    assert diff_json(run, new, old, "--exit-code", code=1)["leads"] == [
        {"objective": "2.3", "from": ["mk", "jk"], "to": []}]
    # the same leads in another order: the same people answer for it
    shutil.copyfile(new, old)
    edit(Path(old), "leads: [mk, jk]", "leads: [jk, mk]")
    assert run("diff", old, new, "--exit-code").exit_code == 0


def test_an_occurrence_record_is_named_by_its_month(run: Run, tmp_path: Path) -> None:
    old, new = real_pair(tmp_path, (SERIES, f'''\
          - when: 2026-05..2027-03
            every: 2
            what: "{AI}"
            occurrences:
              - {{month: 2026-07, status: done, done_on: 2026-07-14}}
              - {{month: 2026-09, moved_to: 2026-10, moved_on: 2026-08-30}}
              - {{month: 2026-11, status: cancelled, cancelled_on: 2026-11-02}}'''))
    data = diff_json(run, old, new, "--exit-code", code=1)
    assert [o["month"] for o in data["occurrences"]] == ["2026-07", "2026-09", "2026-11"]
    july = data["occurrences"][0]
    assert (july["what"], july["from"]["status"], july["to"]) == (
        AI, "planned", {"status": "done", "done_on": "2026-07-14", "cancelled_on": None,
                        "moved_to": None, "moved_on": None, "note": None})
    result = run("diff", old, new, "--format", "markdown")
    assert "### Occurrences changed (3)" in result.output
    for row in ("| July 2026 | planned | done (2026-07-14) |",
                "| September 2026 | planned | moved to October 2026 (on 2026-08-30) |",
                "| November 2026 | planned | cancelled (2026-11-02) |"):
        assert f"| 2.3 | {AI} {row}" in result.output, row
    # the milestone itself did not change: it is neither moved nor of another status
    assert data["milestones"] == NOTHING["milestones"]


def test_each_state_carries_its_date(run: Run, tmp_path: Path) -> None:
    old, new = real_pair(
        tmp_path,
        (f'- {{when: 2026-05, what: "{SURVEY}"}}',
         f'- {{when: 2026-05, what: "{SURVEY}", status: cancelled, cancelled_on: 2026-05-20}}'),
        (f'- {{when: 2026-06, what: "{PRODUCT}"}}',
         f'- {{when: 2026-06, moved_to: 2026-08, moved_on: 2026-06-20, what: "{PRODUCT}"}}\n'
         '          - {when: 2026-12, what: "Brief the board", added_on: 2026-11-20}'))
    milestones = diff_json(run, old, new)["milestones"]
    assert [(m["what"], m["to"], m["cancelled_on"]) for m in milestones["status"]] == [
        (SURVEY, "cancelled", "2026-05-20")]
    assert [(m["what"], m["moved_on"]) for m in milestones["moved"]] == [(PRODUCT, "2026-06-20")]
    assert [(m["what"], m["added_on"]) for m in milestones["added"]] == [
        ("Brief the board", "2026-11-20")]
    result = run("diff", old, new, "--format", "markdown")
    assert f"| 2.3 | {SURVEY} | planned | cancelled (2026-05-20) |" in result.output
    assert "| 2 months later (moved on 2026-06-20) |" in result.output
    assert "| 2.3 | Brief the board | 2026-12 | planned, added on 2026-11-20 |" in result.output


def test_ratings_priorities_notes_and_corrected_days(run: Run, tmp_path: Path) -> None:
    old, new = real_pair(
        tmp_path,
        (LABEL, LABEL + '        rag: {status: amber, reason: "Survey late", '
                        'set_on: 2026-11-02}\n'),
        (f'- {{when: 2026-06, what: "{PRODUCT}"}}',
         f'- {{when: 2026-06, what: "{PRODUCT}", note: "waits for the survey"}}'))
    text = Path(new).read_text(encoding="utf-8").replace("        priority: core\n", "", 1)
    Path(new).write_text(text, encoding="utf-8")
    data = diff_json(run, old, new, "--exit-code", code=1)
    assert data["objectives"]["changed"] == [
        {"objective": "2.3", "field": "rag", "from": None,
         "to": {"status": "amber", "reason": "Survey late", "set_on": "2026-11-02"}},
        {"objective": "5.1", "field": "priority", "from": "core", "to": None}]
    assert data["milestones"]["changed"] == [
        {"objective": "2.3", "what": PRODUCT, "field": "note", "from": None,
         "to": "waits for the survey"}]
    result = run("diff", old, new, "--format", "markdown")
    assert "| 2.3 | rag | none | amber, set on 2026-11-02: Survey late |" in result.output
    # a done day corrected, the state kept: listed as the field, not as a new status
    done = f'- {{when: 2026-05, what: "{SURVEY}", status: done, done_on: 2026-06-02}}'
    first, second = real_pair(tmp_path, (f'- {{when: 2026-05, what: "{SURVEY}"}}', done))
    Path(first).write_text(Path(second).read_text(encoding="utf-8"), encoding="utf-8")
    edit(Path(second), "done_on: 2026-06-02", "done_on: 2026-06-03")
    milestones = diff_json(run, first, second, "--exit-code", code=1)["milestones"]
    assert milestones["status"] == []
    assert milestones["changed"] == [{"objective": "2.3", "what": SURVEY, "field": "done_on",
                                      "from": "2026-06-02", "to": "2026-06-03"}]
