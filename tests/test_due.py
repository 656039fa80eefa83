"""`npmplan due`: the stand-up, around the year end and every kind of milestone."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import Run
from reports_helpers import PLAN, assert_golden, write_plan

YEAR_END = """\
version: 1
plan: {title: Year end, period: 2026-04..2027-03}
team: [{id: mk, name: M K}, {id: jk, name: J K}]
strategic_objectives:
  - id: "1"
    title: One
    objectives:
      - id: "1.1"
        title: Winter work
        leads: [mk]
        schedule: [2026-11..2027-02]
        milestones:
          - {when: 2026-12, what: late one}
          - {when: 2026-12..2027-01, what: spanning}
          - {when: 2026-11, moved_to: 2027-01, what: replanned}
          - {when: 2026-12, status: done, done_on: 2026-12-10, what: finished}
          - {when: 2026-12, status: cancelled, what: dropped}
          - {when: 2026-11..2027-03, every: 2, what: bimonthly}
          - {when: ongoing, what: always}
          - {when: tbc, what: someday}
          - {when: winter 2026, what: seasonal}
  - id: "2"
    title: Two
    objectives:
      - id: "2.1"
        title: Other
        leads: [jk]
        schedule: [2026-04..2027-03]
        milestones:
          - {when: 2027-02, what: next month item}
"""


def due(run: Run, tmp_path: Path, month: str, *args: str) -> dict[str, list[dict[str, object]]]:
    plan = write_plan(tmp_path, YEAR_END)
    result = run("due", "--plan", str(plan), "--month", month, "--format", "json", *args)
    assert result.exit_code == 0, result.output
    data: dict[str, list[dict[str, object]]] = json.loads(result.output)
    return data


def whats(data: dict[str, list[dict[str, object]]], section: str) -> list[object]:
    return [item["what"] for item in data[section]]


def test_december(run: Run, tmp_path: Path) -> None:
    data = due(run, tmp_path, "2026-12")
    assert data["month"] == "2026-12"  # type: ignore[comparison-overlap]
    assert whats(data, "due") == ["late one", "finished"]
    assert whats(data, "in_progress") == ["spanning", "seasonal"]
    assert whats(data, "recurring") == []
    assert whats(data, "ongoing") == ["always"]
    assert whats(data, "tbc") == ["someday"]
    # the November meeting of the series was neither held nor cancelled: overdue
    assert [(item["what"], item["occurrence"]) for item in data["overdue"]] \
        == [("bimonthly", "2026-11")]
    assert "dropped" not in json.dumps(data)


def test_january_across_the_year_end(run: Run, tmp_path: Path) -> None:
    data = due(run, tmp_path, "2027-01")
    assert whats(data, "overdue") == ["bimonthly", "late one"]  # most overdue first
    assert whats(data, "due") == ["spanning", "replanned"]
    assert whats(data, "in_progress") == ["seasonal"]
    assert whats(data, "recurring") == ["bimonthly"]
    assert whats(data, "ongoing") == ["always"]
    assert whats(data, "next_month") == ["seasonal", "next month item"]
    replanned = data["due"][1]
    assert replanned == {"objective": "1.1", "what": "replanned", "when": "2026-11",
                         "moved_to": "2027-01", "window": ["2027-01", "2027-01"],
                         "status": "planned", "occurrence": None}
    assert data["overdue"][1]["window"] == ["2026-12", "2026-12"]
    assert data["recurring"][0] | {"objective": "", "what": ""} == {
        "objective": "", "what": "", "when": "2027-01", "moved_to": None,
        "window": ["2027-01", "2027-01"], "status": "planned", "occurrence": "2027-01"}


def test_done_is_never_overdue_and_ongoing_follows_the_schedule(run: Run, tmp_path: Path) -> None:
    data = due(run, tmp_path, "2027-03")
    assert whats(data, "overdue") == ["bimonthly", "late one", "spanning", "replanned",
                                      "bimonthly", "seasonal", "next month item"]
    assert "finished" not in whats(data, "overdue")
    assert whats(data, "ongoing") == []  # 1.1 is not active in March
    assert whats(data, "recurring") == ["bimonthly"]
    assert whats(data, "tbc") == ["someday"]


def test_filters(run: Run, tmp_path: Path) -> None:
    data = due(run, tmp_path, "2027-02", "--lead", "jk")
    assert whats(data, "due") == ["next month item"]
    assert whats(data, "overdue") == []
    data = due(run, tmp_path, "2027-02", "--strategic", "1")
    assert "next month item" not in json.dumps(data)


def test_text_sections_and_overdue_count(run: Run, tmp_path: Path) -> None:
    plan = write_plan(tmp_path, YEAR_END)
    result = run("due", "--plan", str(plan), "--month", "2027-01", "--by", "objective")
    assert result.exit_code == 0, result.output
    order = ["Due this month (2)", "In progress (1)", "Recurring this month (1)",
             "Next month: February 2027 (2 due)",
             "Overdue (2 in 1 objective): --overdue lists them", "1   2 overdue: 1.1 x2; "
             "oldest Nov 2026", "Ongoing (1) and to be confirmed (1): --all lists them"]
    positions = [result.output.index(title) for title in order]
    assert positions == sorted(positions)
    assert "moved from 2026-11" in result.output
    assert "late one" not in result.output  # folded
    listed = run("due", "--plan", str(plan), "--month", "2027-01", "--overdue")
    assert ("Overdue (2)\n1.1 bimonthly (every 2 months; 2 months overdue)"
            "                                             2026-11\n"
            "1.1 late one (1 month overdue)") in listed.output
    assert "Ongoing (1) and to be confirmed (1): --all lists them" in listed.output
    everything = run("due", "--plan", str(plan), "--month", "2027-01", "--all",
                     "--by", "objective")
    for title in ("Overdue (2)\n", "Ongoing (1)\n1.1 always", "To be confirmed (1)\n"):
        assert title in everything.output


def test_grouped_by_lead_when_the_plan_has_leads(run: Run, tmp_path: Path) -> None:
    plan = write_plan(tmp_path, YEAR_END.replace("        leads: [jk]\n", ""))
    result = run("due", "--plan", str(plan), "--month", "2027-01", width=80)
    assert result.exit_code == 0, result.output
    assert_golden("due-by-lead.txt", result.output)
    assert result.output.index("== M K (mk) ==") < result.output.index("== No lead ==")
    assert "J K" not in result.output  # leads nothing this month: no block
    json_out = run("due", "--plan", str(plan), "--month", "2027-01", "-f", "json")
    assert [item["what"] for item in json.loads(json_out.output)["tbc"]] == ["someday"]


def test_by_lead_without_leads_says_why(run: Run, tmp_path: Path) -> None:
    plan = write_plan(tmp_path, YEAR_END.replace("        leads: [mk]\n", "").replace(
        "        leads: [jk]\n", ""))
    result = run("due", "--plan", str(plan), "--month", "2027-01", "--by", "lead")
    assert result.exit_code == 0, result.output
    assert "no objective in this plan has leads, so there is nothing to group by lead; add " \
        "the lead's team id (mk, jk) under an objective, e.g. leads: [mk]" in result.output
    result = run("due", "--plan", str(plan), "--lead", "jk")
    assert result.exit_code == 2, result.output
    assert "--lead jk: no objective in this plan has leads" in result.output


def test_workload_options_that_match_nothing_say_why(run: Run) -> None:
    result = run("workload", "--plan", str(PLAN), "--by", "lead")
    assert result.exit_code == 0, result.output
    assert "note: --by lead: no objective in this plan has leads" in result.output
    result = run("workload", "--plan", str(PLAN), "--without-priority", "standard")
    assert result.exit_code == 0, result.output
    assert "no objective in this plan has priority standard (the priorities set: core); set " \
        "it under an objective, e.g. priority: standard; nothing is left out" in result.output


def test_month_defaults_to_as_of(run: Run, tmp_path: Path) -> None:
    plan = write_plan(tmp_path, YEAR_END)
    result = run("due", "--plan", str(plan), "--as-of", "2027-01-15", "--format", "json")
    assert json.loads(result.output)["month"] == "2027-01"


def test_real_plan_september_stand_up(run: Run) -> None:
    result = run("due", "--plan", str(PLAN), "--month", "2026-09", width=100)
    assert result.exit_code == 0, result.output
    assert_golden("due-2026-09.txt", result.output)
    md = run("due", "--plan", str(PLAN), "--month", "2026-09", "--format", "markdown")
    assert md.exit_code == 0, md.output
    assert_golden("due-2026-09.md", md.output)
    assert "### Due this month (9)" in md.output


def test_real_plan_november_fits_forty_lines_at_80_columns(run: Run) -> None:
    result = run("due", "--plan", str(PLAN), "--month", "2026-11", width=80)
    assert result.exit_code == 0, result.output
    assert_golden("due-2026-11-80.txt", result.output)
    lines = result.output.splitlines()
    assert len(lines) <= 40
    assert max(map(len, lines)) <= 80 and "…" not in result.output
    assert "Overdue (68 in 18 objectives): --overdue lists them" in result.output
    assert "2   22 overdue: 2.1 x5, 2.2 x5, 2.3 x5, 2.5 x7; oldest Apr 2026" in result.output
    assert "2.1 Ongoing quarterly meetings and planning meetings" in result.output
    everything = run("due", "--plan", str(PLAN), "--month", "2026-11", "--all", width=80)
    assert_golden("due-2026-11-all-80.txt", everything.output)
    overdue = run("due", "--plan", str(PLAN), "--month", "2026-11", "--overdue", width=80)
    assert_golden("due-2026-11-overdue-80.txt", overdue.output)
    assert overdue.output.count("overdue)") == 68
    assert "Ongoing (11) and to be confirmed (2)" in overdue.output
    data = json.loads(run("due", "--plan", str(PLAN), "--month", "2026-11", "-f", "json").output)
    assert len(data["overdue"]) == 68 and len(data["ongoing"]) == 11 and len(data["tbc"]) == 2
    assert sum(group["count"] for group in data["overdue_by_strategic_objective"]) == 68
    quarterly = [item for item in data["recurring"] if item["when"] == "2026-10..2026-12"]
    assert [item["objective"] for item in quarterly] == ["2.1", "2.2", "6.1"]
    assert {item["occurrence"] for item in quarterly} == {"2026-10"}
    # each past quarter's meeting, neither held nor cancelled, is overdue
    overdue_quarterly = [(item["objective"], item["when"]) for item in data["overdue"]
                         if item["objective"] == "2.1" and item["occurrence"]]
    assert overdue_quarterly == [("2.1", "2026-04..2026-06"), ("2.1", "2026-07..2026-09")]


@pytest.mark.parametrize("month", ["2026-13", "Sept", "26-09"])
def test_bad_month_is_usage_error(run: Run, month: str) -> None:
    result = run("due", "--plan", str(PLAN), "--month", month)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output


def git(repo: Path, *args: str, day: str = "2027-01-01") -> str:
    stamp = f"{day}T12:00:00+00:00"
    env = {"GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "T",
           "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_AUTHOR_DATE": stamp,
           "GIT_COMMITTER_DATE": stamp, "HOME": str(repo), "GIT_CONFIG_NOSYSTEM": "1",
           "PATH": os.environ.get("PATH", "")}
    done = subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True,
                          check=True)
    return done.stdout


CHANGED = (YEAR_END
           .replace("{when: 2026-12, what: late one}",
                    "{when: 2026-12, what: late one, status: done, done_on: 2027-01-08}")
           .replace("{when: 2026-12..2027-01, what: spanning}",
                    "{when: 2026-12..2027-01, moved_to: 2027-03, what: spanning}")
           .replace("{when: tbc, what: someday}", "{when: tbc, what: someday, status: cancelled}")
           .replace("          - {when: ongoing, what: always}\n",
                    "          - {when: ongoing, what: always}\n"
                    "          - {when: 2027-02, what: brand new}\n"))


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_since_lists_what_changed_in_git(run: Run, tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    plan = repo / "plan.yaml"
    plan.write_text(YEAR_END, encoding="utf-8")
    git(repo, "init", "-q")
    git(repo, "add", "plan.yaml")
    git(repo, "commit", "-q", "-m", "plan")
    plan.write_text(CHANGED, encoding="utf-8")
    git(repo, "commit", "-q", "-am", "week", day="2027-01-10")
    first = git(repo, "rev-parse", "--short", "HEAD~1").strip()
    args = ("due", "--plan", str(plan), "--month", "2027-01", "--by", "objective")
    result = run(*args, "--as-of", "2027-01-12", "--since", "7d", width=80)
    assert result.exit_code == 0, result.output
    assert f"Changed since 2027-01-01, commit {first} (4)\n" in result.output
    changes = result.output.split("Changed since")[1].split("\n\n")[0].splitlines()[1:]
    assert [line.split(":")[0] for line in changes] == [
        "1.1 Done 2027-01-08", "1.1 Moved from 2026-12..2027-01 to 2027-03, 2 months later",
        "1.1 Added", "1.1 Cancelled"]
    assert_golden("due-since.txt", result.output.replace(first, "COMMIT"))
    assert run(*args, "--since", "HEAD~1").output.count(f"commit {first} (4)") == 1
    data = run(*args, "--since", "HEAD~1", "-f", "json")
    assert [c["change"] for c in json.loads(data.output)["changed_since"]["changes"]] == [
        "done", "moved", "added", "cancelled"]
    result = run(*args, "--as-of", "2027-01-12", "--since", "30d")
    assert result.exit_code == 2 and "no commit is 30 days old or older" in result.output
    result = run(*args, "--since", "no-such-rev")
    assert result.exit_code == 2
    assert "is neither an age (7d, 2w) nor a git revision" in result.output


# Every other kind of change the stand-up lists, each with its date where the plan has one.
CHANGED_MORE = (YEAR_END
                .replace("{when: 2026-12..2027-01, what: spanning}",
                         "{when: 2026-12..2027-01, moved_to: 2027-03, moved_on: 2026-12-20, "
                         "what: spanning}")
                .replace("{when: tbc, what: someday}",
                         "{when: tbc, what: someday, status: cancelled, "
                         "cancelled_on: 2027-01-05}")
                .replace("{when: 2026-11..2027-03, every: 2, what: bimonthly}",
                         "{when: 2026-11..2027-03, every: 2, what: bimonthly, occurrences: "
                         "[{month: 2027-01, status: done, done_on: 2027-01-06}]}")
                .replace("          - {when: ongoing, what: always}\n",
                         "          - {when: ongoing, what: always}\n"
                         "          - {when: 2027-02, what: brand new, added_on: 2027-01-04}\n")
                .replace("        leads: [mk]\n", "        leads: [mk, jk]\n")
                .replace("        schedule: [2026-11..2027-02]\n",
                         "        schedule: [2026-11..2027-03]\n"))


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_since_lists_leads_schedules_and_meetings_with_their_dates(run: Run,
                                                                   tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    plan = repo / "plan.yaml"
    plan.write_text(YEAR_END, encoding="utf-8")
    git(repo, "init", "-q")
    git(repo, "add", "plan.yaml")
    git(repo, "commit", "-q", "-m", "plan")
    plan.write_text(CHANGED_MORE, encoding="utf-8")
    git(repo, "commit", "-q", "-am", "week", day="2027-01-10")
    args = ("due", "--plan", str(plan), "--month", "2027-01", "--by", "objective",
            "--since", "HEAD~1")
    result = run(*args, width=100)
    assert result.exit_code == 0, result.output
    changes = result.output.split("Changed since")[1].split("\n\n")[0].splitlines()
    assert changes[0].endswith(" (6)")
    assert [" ".join(line.split()) for line in changes[1:]] == [
        "1.1 Moved on 2026-12-20 from 2026-12..2027-01 to 2027-03, 2 months later: spanning "
        "2027-03",
        "1.1 Added 2027-01-04: brand new 2027-02",
        "1.1 Cancelled 2027-01-05: someday tbc",
        "1.1 bimonthly, January 2027: planned \u2192 done (2027-01-06) 2027-01",
        "1.1 Leads: M K (mk) \u2192 M K (mk), J K (jk)",
        "1.1 Schedule: added 2027-03"]
    markdown = run(*args, "-f", "markdown").output
    assert "### Changed since" in markdown and " (6)\n" in markdown
    assert "- **1.1** Leads: M K (mk) \u2192 M K (mk), J K (jk)" in markdown
    since = json.loads(run(*args, "-f", "json").output)["changed_since"]
    assert [(c["change"], c["moved_on"], c["cancelled_on"], c["added_on"])
            for c in since["changes"]] == [
        ("moved", "2026-12-20", None, None), ("added", None, None, "2027-01-04"),
        ("cancelled", None, "2027-01-05", None)]
    assert since["leads"] == [{"objective": "1.1", "from": ["mk"], "to": ["mk", "jk"]}]
    assert since["schedules"] == [{"objective": "1.1", "added": ["2027-03"], "removed": [],
                                   "kind": []}]
    assert [(o["month"], o["to"]["status"], o["to"]["done_on"])
            for o in since["occurrences"]] == [("2027-01", "done", "2027-01-06")]
    # a filter shows the changes of the objectives it shows
    other = run("due", "--plan", str(plan), "--month", "2027-01", "--strategic", "2",
                "--since", "HEAD~1", width=100)
    assert "Changed since" in other.output and " (0)\n" in other.output
    assert "no lead or schedule changed" in other.output


def test_since_outside_git_or_without_git_says_so(run: Run, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    plan = write_plan(tmp_path, YEAR_END)
    if shutil.which("git") is not None:
        monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
        result = run("due", "--plan", str(plan), "--since", "7d")
        assert result.exit_code == 2, result.output
        assert "is not in a git repository; leave out --since" in result.output
    monkeypatch.setattr("npmplan.versions.shutil.which", lambda name: None)
    result = run("due", "--plan", str(plan), "--since", "7d")
    assert result.exit_code == 2, result.output
    assert "--since reads the plan's history with git, which is not installed" in result.output
    assert "Traceback" not in result.output


def test_a_lead_filter_prints_that_lead_s_block_alone(run: Run, tmp_path: Path) -> None:
    """jk co-leads 1.1 with mk: ``--lead jk`` is jk's stand-up, not jk's and then mk's."""
    plan = write_plan(tmp_path, YEAR_END.replace("        leads: [mk]\n",
                                                 "        leads: [jk, mk]\n"))
    result = run("due", "--plan", str(plan), "--month", "2027-01", "--lead", "jk")
    assert result.exit_code == 0, result.output
    assert result.output.count("== J K (jk) ==") == 1 and "== M K (mk) ==" not in result.output
    assert result.output.count("1.1 spanning") == 1
    both = run("due", "--plan", str(plan), "--month", "2027-01")
    assert "== M K (mk) ==" in both.output and "== J K (jk) ==" in both.output
