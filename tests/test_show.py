"""`npmplan show ID`: one objective in full."""

from __future__ import annotations

import json

from reports_helpers import PLAN, assert_golden, run


def test_show_text_golden() -> None:
    code, out = run("show", "2.4", "--plan", str(PLAN), "--as-of", "2026-09-10")
    assert code == 0, out
    assert_golden("show-2.4.txt", out)


def test_show_marks_web_outputs_and_overdue() -> None:
    code, out = run("show", "1.1", "--plan", str(PLAN), "--as-of", "2026-09-10", width=200)
    assert code == 0, out
    assert "(web)" in out
    assert "OVERDUE by 2 months" in out
    assert "Strategic objective  1:" in out


def test_show_json() -> None:
    code, out = run("show", "2.3", "--plan", str(PLAN), "--as-of", "2026-09-10",
                    "--format", "json")
    assert code == 0, out
    data = json.loads(out)
    assert data["id"] == "2.3"
    assert data["total"] == 11
    recurring = next(m for m in data["milestones"] if m["every"])
    assert recurring["occurrences"] == ["2026-05", "2026-07", "2026-09", "2026-11",
                                        "2027-01", "2027-03"]
    assert data["outputs"] == [{"title": "Possible guidance on scrutiny of AI use.",
                                "web": True}]


def test_show_markdown() -> None:
    code, out = run("show", "5.2", "--plan", str(PLAN), "--as-of", "2026-09-10",
                    "--format", "markdown")
    assert code == 0, out
    assert out.startswith("## 5.2 ")
    assert "| 2027-04 | 2027 NPM annual conference held (Northern Ireland) | planned |" in out


def test_unknown_id_suggests_nearest() -> None:
    code, out = run("show", "2.9", "--plan", str(PLAN))
    assert code == 2
    assert "there is no objective '2.9'" in out
    assert "did you mean" in out
