"""A plan year played through with the commands alone, as the Secretariat would: a copy of
the shipped plan in a git repository, every change made with a command on its day (today
pinned through ``cli.dates.today``) and committed with that date, one hand edit without a
date, and each quarter's report run on the quarter's last day. At the year's end every
quarter's report is run again ``--as-of`` its last day: it must be the report as it stood
that day, except for a completion recorded late (``--on`` a day inside the quarter, typed
after it), which the re-run counts in its quarter.

``pytest tests/test_year.py -s`` prints the four quarters side by side (on the day / re-run).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from conftest import REAL_PLAN, Run

from npmplan.cli import dates

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(shutil.which("git") is None, reason="needs git")]

QUARTER_ENDS = {1: "2026-06-30", 2: "2026-09-30", 3: "2026-12-31", 4: "2027-03-31"}
YEAR_END = "2027-04-06"

# (the day it was typed, the command). Done, moved, cancelled and added milestones, meetings
# of series one at a time, and two completions recorded late (typed after their quarter).
YEAR: list[tuple[str, list[str]]] = [
    ("2026-04-20", ["done", "2.5", "#1"]),
    ("2026-04-28", ["done", "3.2", "DiC database"]),
    ("2026-04-30", ["done", "6.2", "Constitution"]),
    ("2026-05-15", ["done", "1.3", "focus group"]),
    ("2026-05-20", ["done", "2.3", "AI Task"]),  # the May meeting
    ("2026-05-29", ["done", "2.1", "held over tariff"]),
    ("2026-06-10", ["move", "2.1", "Personality Disorder", "--to", "2026-09"]),
    ("2026-06-24", ["done", "3.1", "new tags"]),
    ("2026-06-26", ["cancel", "4.5", "dates to be confirmed", "--note", "Visit postponed"]),
    ("2026-07-14", ["done", "2.3", "AI Task"]),  # July's
    ("2026-07-14", ["done", "1.3", "train-the-trainer"]),  # #1 is done: #3 is meant
    ("2026-07-20", ["done", "1.3", "PowerPoints", "--on", "2026-06-25"]),  # late: Q1
    ("2026-08-20", ["done", "2.5", "qualitative interviews"]),
    ("2026-09-02", ["cancel", "2.3", "AI Task", "--note", "No quorum"]),  # September's
    ("2026-09-10", ["add", "3.4", "--when", "2026-09", "--what", "Designer briefing"]),
    ("2026-09-25", ["done", "2.1", "Personality Disorder"]),
    ("2026-10-05", ["done", "3.4", "shared with designers", "--on", "2026-09-28"]),  # late: Q2
    ("2026-11-03", ["move", "2.3", "AI Task", "--to", "2026-12"]),  # November's
    ("2026-11-20", ["done", "2.4", "visits"]),
    ("2026-12-10", ["done", "2.3", "AI Task", "--occurrence", "2026-11"]),
    ("2027-01-15", ["done", "2.3", "AI Task"]),
    ("2027-02-10", ["done", "1.1", "Dissemination"]),
    ("2027-03-05", ["move", "1.1", "Draft of NPM standards", "--to", "2027-06"]),
    ("2027-03-20", ["done", "2.1", "quarterly meetings"]),  # the quarter from January
]
# A hand edit with no date, committed on 2026-08-15: git history dates it (Q2, not Q1).
HAND_EDIT = ("2026-08-15", '{when: 2026-05, what: "T&F group review literature review and '
             'research plan"}')
LATE = {1: ("1.3", "Revisions to PowerPoints made as necessary"),
        2: ("3.4", "Report shared with designers")}


def git(folder: Path, *args: str, day: str | None = None) -> None:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    if day is not None:
        env |= {"GIT_AUTHOR_DATE": f"{day}T17:00:00Z", "GIT_COMMITTER_DATE": f"{day}T17:00:00Z"}
    subprocess.run(["git", "-c", "user.name=Secretariat", "-c", "user.email=npm@example.org",
                    "-c", "commit.gpgsign=false", *args], cwd=folder, env=env, check=True,
                   capture_output=True)


def report(run: Run, plan: Path, quarter: int) -> dict[str, Any]:
    outcome = run("report", "--quarter", str(quarter), "--as-of", QUARTER_ENDS[quarter],
                  "--format", "json", "--plan", plan)
    assert outcome.exit_code == 0, outcome.output
    found: dict[str, Any] = json.loads(outcome.stdout)
    return found


def compared(report: dict[str, Any]) -> dict[str, Any]:
    """What must agree: the ratings, and the done, due-not-done, moved and next lists."""
    keys = ("rag", "computed_rag", "done", "due_not_done", "moved", "next")
    return {"summary": report["summary"],
            "objectives": {o["id"]: {k: o[k] for k in keys} for o in report["objectives"]}}


def whats(report: dict[str, Any], objective: str, part: str) -> list[str]:
    found = next(o for o in report["objectives"] if o["id"] == objective)
    return [item["what"] for item in found[part]]


def play(run: Run, folder: Path, monkeypatch: pytest.MonkeyPatch) -> dict[int, dict[str, Any]]:
    """The year, command by command; each quarter's report on its last day."""
    plan = folder / "plans" / "2026-27.yaml"
    plan.parent.mkdir(parents=True)
    plan.write_bytes(REAL_PLAN.read_bytes())
    git(folder, "init", "-q")
    git(folder, "add", ".")
    git(folder, "commit", "-q", "-m", "The plan as agreed", day="2026-04-01")
    on_the_day: dict[int, dict[str, Any]] = {}
    events = sorted([(day, argv) for day, argv in YEAR]
                    + [(day, ["report", str(q)]) for q, day in QUARTER_ENDS.items()]
                    + [(HAND_EDIT[0], ["hand edit"])], key=lambda event: event[0])
    for day, argv in events:
        monkeypatch.setattr(dates, "today", lambda day=day: date.fromisoformat(day))
        if argv[0] == "report":
            on_the_day[int(argv[1])] = report(run, plan, int(argv[1]))
            continue
        if argv == ["hand edit"]:
            text = plan.read_text(encoding="utf-8")
            assert text.count(HAND_EDIT[1]) == 1
            plan.write_text(text.replace(HAND_EDIT[1], HAND_EDIT[1][:-1] + ", status: done}"),
                            encoding="utf-8")
        else:
            outcome = run(*argv, "--plan", plan)
            assert outcome.exit_code == 0, (day, argv, outcome.output)
        git(folder, "commit", "-q", "-am", f"{day}: {' '.join(argv)}", day=day)
    return on_the_day


def test_every_quarter_re_run_at_the_year_end_is_the_report_of_its_day(
        run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    on_the_day = play(run, tmp_path, monkeypatch)
    monkeypatch.setattr(dates, "today", lambda: date.fromisoformat(YEAR_END))
    plan = tmp_path / "plans" / "2026-27.yaml"
    assert run("validate", plan).exit_code == 0
    again = {q: report(run, plan, q) for q in QUARTER_ENDS}
    print("\nquarter  on the day (R/A/G/C, done)   re-run at the year end (R/A/G/C, done)")
    for q in QUARTER_ENDS:
        print(f"Q{q}       {_line(on_the_day[q]):<30}{_line(again[q])}")
        first, second = compared(on_the_day[q]), compared(again[q])
        if q in LATE:  # recorded late: on the re-run, done in its own quarter
            objective, what = LATE[q]
            assert what not in whats(on_the_day[q], objective, "done")
            assert what in whats(on_the_day[q], objective, "due_not_done")
            assert what in whats(again[q], objective, "done")
            assert what not in whats(again[q], objective, "due_not_done")
            for side in (first, second):  # the rest is as it was on the day
                del side["objectives"][objective], side["summary"]
        assert first == second, (f"Q{q}", _differences(first, second))
    # The hand edit (no done_on) was committed in August: not done as of 30 June.
    hand = "T&F group review literature review and research plan"
    assert hand in whats(again[1], "2.5", "due_not_done")
    assert hand not in whats(again[1], "2.5", "done")
    # A move made in March 2027 is not in the December report.
    assert "Draft of NPM standards shared with Task & Finish group" not in \
        whats(again[3], "1.1", "moved")


def _differences(first: dict[str, Any], second: dict[str, Any]) -> list[str]:
    """Where two reports differ, objective by objective, part by part (for the message)."""
    out = []
    for ident, parts in first["objectives"].items():
        for part, value in parts.items():
            if second["objectives"][ident][part] != value:
                out.append(f"{ident} {part}: {value} / {second['objectives'][ident][part]}")
    return out


def _line(report: dict[str, Any]) -> str:
    summary = report.get("summary")
    counts = "/".join(str(summary[k]) for k in ("red", "amber", "green", "complete")) \
        if summary else "-"
    done = sum(len(o["done"]) for o in report["objectives"])
    return f"{counts}, {done} done"
