"""The quarterly report's honest parts (issue 22): the commentary log written by ``npmplan
comment``, the rating's trend against the previous quarter's report, cancellations listed
with their notes, a move listed once in the quarter it was made, and work that runs on
after the quarter never ``complete``. Today is pinned so that these hold on any day."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from conftest import Run

from npmplan.cli import dates


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dates, "today", lambda: date(2026, 12, 5))


def report(run: Run, plan: Path, quarter: str, *more: str) -> dict[str, Any]:
    outcome = run("report", "--quarter", quarter, "--format", "json", "--plan", plan, *more)
    assert outcome.exit_code == 0, outcome.output
    data: dict[str, Any] = json.loads(outcome.stdout)
    return data


def objective(data: dict[str, Any], ident: str) -> dict[str, Any]:
    found: dict[str, Any] = next(o for o in data["objectives"] if o["id"] == ident)
    return found


def state(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


def test_a_comment_gives_the_rating_the_commentary_and_the_trend(run: Run, plan: Path) -> None:
    text = plan.read_text(encoding="utf-8")
    outcome = run("comment", "2.4", "--quarter", "2", "--text", "9 of 12 visits held",
                  "--next", "Last visits in October", "--rag", "amber", "--on", "2026-10-03",
                  "--plan", plan)
    assert outcome.exit_code == 0, outcome.output
    assert "the commentary for Q2, July to September 2026, rated amber is written" in \
        outcome.stdout
    added = [line for line in plan.read_text(encoding="utf-8").splitlines()
             if line not in text.splitlines()]
    assert added == ["        commentary:", '          - {quarter: 2, rag: amber, text: "9 of '
                     '12 visits held", next: "Last visits in October", written_on: 2026-10-03}']
    q2 = objective(report(run, plan, "2"), "2.4")
    assert (q2["rag"], q2["override"]["status"], q2["commentary"]["text"],
            q2["commentary"]["next"], q2["commentary_flag"]) == \
        ("amber", "amber", "9 of 12 visits held", "Last visits in October", None)
    assert (q2["previous_rag"], q2["trend"]) == ("green", "down")
    shown = run("report", "--quarter", "2", "--plan", plan).stdout
    assert "Commentary (2026-10-03): 9 of 12 visits held" in shown
    assert "Next steps: Last visits in October" in shown
    assert run("comment", "2.4", "--quarter", "2026-11", "--text", "Visits complete", "--rag",
               "green", "--plan", plan).exit_code == 0
    q3 = objective(report(run, plan, "3"), "2.4")
    assert (q3["rag"], q3["previous_rag"], q3["trend"]) == ("green", "amber", "up")
    assert run("validate", plan).exit_code == 0


def test_a_second_comment_replaces_the_first_and_only_its_entry(run: Run, plan: Path) -> None:
    assert run("comment", "2.4", "-q", "2", "--text", "First", "--next", "Then",
               "--on", "2026-10-01", "--plan", plan).exit_code == 0
    assert run("comment", "2.4", "-q", "3", "--text", "Third quarter", "--plan",
               plan).exit_code == 0
    outcome = run("comment", "2.4", "-q", "2", "--text", "Second", "--rag", "red", "--on",
                  "2026-10-02", "--plan", plan)
    assert outcome.exit_code == 0, outcome.output
    assert "is replaced (was written on 2026-10-01)" in outcome.stdout
    text = plan.read_text(encoding="utf-8")
    assert '{quarter: 2, rag: red, text: "Second", written_on: 2026-10-02}' in text
    assert "First" not in text and "Then" not in text and "Third quarter" in text


@pytest.mark.parametrize(("argv", "words"), [
    (["-q", "5", "--text", "x"], "the plan has quarters 1 to 4"),
    (["-q", "2027-08", "--text", "x"], "August 2027 is outside the plan period"),
    (["--text", "x"], "say which quarter with --quarter"),
    (["-q", "2", "--text", "  "], "--text is empty"),
    (["-q", "2", "--text", "x", "--rag", "purple"], "'purple' is not one of"),
    (["-q", "2", "--text", "x", "--on", "2026-12-06"], "is after today"),
])
def test_a_wrong_comment_is_a_usage_error_and_writes_nothing(
        run: Run, plan: Path, argv: list[str], words: str) -> None:
    before = state(plan)
    outcome = run("comment", "2.4", *argv, "--plan", plan)
    assert outcome.exit_code == 2, outcome.output
    assert words in outcome.output
    assert state(plan) == before


def test_missing_or_old_commentary_is_flagged(run: Run, plan: Path) -> None:
    assert objective(report(run, plan, "2"), "2.4")["commentary_flag"] == \
        "no commentary for this quarter"
    assert run("comment", "2.4", "-q", "1", "--text", "Q1 note", "--on", "2026-07-02",
               "--plan", plan).exit_code == 0
    assert objective(report(run, plan, "2"), "2.4")["commentary_flag"] == \
        "no commentary for this quarter (the latest is for Q1)"
    assert run("comment", "2.4", "-q", "3", "--text", "early", "--on", "2026-09-20",
               "--plan", plan).exit_code == 0
    assert objective(report(run, plan, "3"), "2.4")["commentary_flag"] == \
        "commentary written on 2026-09-20, before the quarter began"


def test_work_that_runs_on_is_green_not_complete(run: Run, plan: Path) -> None:
    assert run("done", "3.3", "Communications plan summary", "--on", "2026-04-20",
               "--plan", plan).exit_code == 0
    q1 = objective(report(run, plan, "1"), "3.3")
    assert (q1["rag"], q1["why"]) == ("green", "its one milestone to date done; runs to "
                                                "March 2027")
    data = report(run, plan, "4", "--as-of", "2027-03-31")
    assert objective(data, "3.3")["rag"] == "complete"  # its schedule ends with Q4


def test_a_cancellation_is_listed_with_its_note_in_its_quarter(run: Run, plan: Path) -> None:
    assert run("cancel", "3.1", "Feedback sessions", "--note", "MoJ withdrew", "--on",
               "2026-10-12", "--plan", plan).exit_code == 0
    q3 = objective(report(run, plan, "3"), "3.1")
    assert [(c["what"][:17], c["cancelled_on"], c["note"]) for c in q3["cancelled"]] == \
        [("Feedback sessions", "2026-10-12", "MoJ withdrew")]
    assert objective(report(run, plan, "2"), "3.1")["cancelled"] == []
    shown = run("report", "--quarter", "3", "--plan", plan).stdout
    assert "Cancelled this quarter (1)" in shown and "note: MoJ withdrew" in shown


def test_a_move_is_listed_once_in_the_quarter_it_was_made(run: Run, plan: Path) -> None:
    assert run("move", "3.1", "drop-in", "--to", "2027-01", "--on", "2026-10-20",
               "--plan", plan).exit_code == 0
    moved = {q: [m["what"] for m in objective(report(run, plan, q), "3.1")["moved"]]
             for q in ("2", "3", "4")}
    assert moved == {"2": [], "3": ["Drop-in sessions online"], "4": []}
