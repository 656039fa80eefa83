"""`npmplan show ID`: one objective in full."""

from __future__ import annotations

import json

from conftest import Run
from reports_helpers import PLAN, assert_golden


def test_show_text_golden(run: Run) -> None:
    result = run("show", "2.4", "--plan", str(PLAN), "--as-of", "2026-09-10")
    assert result.exit_code == 0, result.output
    assert_golden("show-2.4.txt", result.output)


def test_show_marks_web_outputs_and_overdue(run: Run) -> None:
    result = run("show", "1.1", "--plan", str(PLAN), "--as-of", "2026-09-10", width=200)
    assert result.exit_code == 0, result.output
    assert "(web)" in result.output
    assert "OVERDUE by 2 months" in result.output
    assert "Strategic objective  1:" in result.output


def test_show_json(run: Run) -> None:
    result = run("show", "2.3", "--plan", str(PLAN), "--as-of", "2026-09-10",
                 "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["id"] == "2.3"
    assert data["total"] == 11
    recurring = next(m for m in data["milestones"] if m["every"])
    assert recurring["occurrences"] == ["2026-05", "2026-07", "2026-09", "2026-11",
                                        "2027-01", "2027-03"]
    assert data["outputs"] == [{"title": "Possible guidance on scrutiny of AI use.",
                                "web": True}]


def test_show_markdown(run: Run) -> None:
    result = run("show", "5.2", "--plan", str(PLAN), "--as-of", "2026-09-10",
                 "--format", "markdown")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("## 5.2 ")
    assert ("| 2027-04 | 2027 NPM annual conference held (Northern Ireland) | planned |"
            in result.output)


def test_unknown_id_suggests_nearest(run: Run) -> None:
    result = run("show", "2.9", "--plan", str(PLAN))
    assert result.exit_code == 2
    assert "there is no objective '2.9'" in result.output
    assert "did you mean" in result.output
