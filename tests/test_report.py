"""`npmplan report`: the quarterly progress report, its RAG rules at their boundaries, the
officer's rating (before and after set_on, stale), and its text, markdown, html and json."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import html5lib
import pytest
from conftest import Run
from hypothesis import given
from hypothesis import strategies as st
from reports_helpers import PLAN, assert_golden, busy_plan, write_plan

from npmplan.compute.quarters import quarter_of, quarters
from npmplan.model.dates import Month

# Q2 of 2026-27 is 2026-07..2026-09; as of its last day, M is 2026-09.
RAG_PLAN = """\
version: 1
plan: {title: RAG rules, period: 2026-04..2027-03}
strategic_objectives:
  - id: "1"
    title: One
    objectives:
      - id: "1.1"
        title: Two months overdue
        schedule: [2026-04..2027-03]
        milestones:
          - {when: 2026-07, what: two late}
          - {when: tbc, what: undated}
          - {when: ongoing, what: always}
      - id: "1.2"
        title: Three months overdue
        schedule: [2026-04..2027-03]
        milestones:
          - {when: 2026-06, what: three late}
          - {when: 2026-10, what: next one}
      - id: "1.3"
        title: Moved within the period
        schedule: [2026-04..2027-03]
        milestones:
          - {when: 2026-08, moved_to: 2026-12, what: slipped}
      - id: "1.4"
        title: Moved past the period
        schedule: [2026-04..2027-03]
        milestones:
          - {when: 2026-09, moved_to: 2027-04, what: slipped far}
  - id: "2"
    title: Two
    objectives:
      - id: "2.1"
        title: All done
        schedule: [2026-04..2026-08]
        milestones:
          - {when: 2026-08, what: finished, status: done, done_on: 2026-08-14}
          - {when: 2026-05, what: dropped, status: cancelled}
          - when: 2026-04..2026-07
            every: 3
            what: recurring
            occurrences:
              - {month: 2026-04, status: done, done_on: 2026-04-20}
              - {month: 2026-07, status: cancelled, cancelled_on: 2026-07-01}
      - id: "2.2"
        title: On track
        schedule: [2026-04..2027-03]
        milestones:
          - {when: 2026-09, what: due now}
          - {when: 2026-05, what: cancelled late, status: cancelled}
          - when: 2026-04..2026-06
            every: 1
            what: monthly
            occurrences: [{month: 2026-04, status: done}, {month: 2026-05, status: done},
                          {month: 2026-06, status: cancelled}]
          - {when: quarterly, what: meeting, occurrences: [{month: 2026-06, status: done}]}
      - id: "2.3"
        title: Set before the report
        schedule: [2026-04..2027-03]
        rag: {status: green, reason: "Agreed with the sponsor", set_on: 2026-06-30}
        milestones:
          - {when: 2026-05, what: very late}
      - id: "2.4"
        title: Set a day earlier
        schedule: [2026-04..2027-03]
        rag: {status: amber, reason: "Watching it", set_on: 2026-06-29}
      - id: "2.5"
        title: Set after the report
        schedule: [2026-04..2027-03]
        rag: {status: red, reason: "Funding withdrawn", set_on: 2026-10-05}
      - id: "2.6"
        title: Done so far, runs on
        schedule: [2026-04..2027-03]
        milestones:
          - {when: 2026-06, what: first step, status: done, done_on: 2026-06-10}
          - {when: ongoing, what: support}
"""


def report(run: Run, tmp_path: Path, *args: str) -> dict[str, Any]:
    plan = write_plan(tmp_path, RAG_PLAN)
    result = run("report", "--plan", str(plan), "--format", "json", *args)
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.output)
    return data


def by_id(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {entry["id"]: entry for entry in data["objectives"]}


def whats(items: list[dict[str, Any]]) -> list[str]:
    return [item["what"] for item in items]


def test_quarter_two_ratings_follow_the_rules(run: Run, tmp_path: Path) -> None:
    data = report(run, tmp_path, "--quarter", "2", "--as-of", "2026-11-30")
    assert (data["report_version"], data["quarter"], data["from"], data["to"],
            data["as_of"]) == (2, 2, "2026-07-01", "2026-09-30", "2026-09-30")
    found = {ident: (entry["rag"], entry["computed_rag"]) for ident, entry in by_id(data).items()}
    assert found == {
        "1.1": ("amber", "amber"),  # 2 months overdue; tbc and ongoing do not count
        "1.2": ("red", "red"),  # 3 months overdue
        "1.3": ("amber", "amber"),  # moved later, within the period
        "1.4": ("red", "red"),  # moved past the period
        "2.1": ("complete", "complete"),  # done + cancelled, each occurrence of its series too
        "2.2": ("green", "green"),  # due this month is not late; past occurrences recorded
        "2.3": ("green", "red"),  # the officer's rating, set exactly 3 months before
        "2.4": ("amber", "green"),  # set 3 months and a day before: stale
        "2.5": ("green", "green"),  # set after the report's day: ignored
        "2.6": ("green", "green"),  # all done so far, but its schedule runs past Q2
    }
    assert by_id(data)["2.6"]["why"] == "its one milestone to date done; runs to March 2027"
    assert data["summary"] == {"red": 2, "amber": 3, "green": 4, "complete": 1}
    assert data["strategic_objectives"] == [
        {"id": "1", "summary": {"red": 2, "amber": 2, "green": 0, "complete": 0}},
        {"id": "2", "summary": {"red": 0, "amber": 1, "green": 4, "complete": 1}}]


def test_overrides_before_after_and_stale(run: Run, tmp_path: Path) -> None:
    entries = by_id(report(run, tmp_path, "--quarter", "2", "--as-of", "2026-11-30"))
    assert entries["2.3"]["override"] == {"status": "green", "reason": "Agreed with the sponsor",
                                          "set_on": "2026-06-30", "stale": False}
    assert entries["2.4"]["override"]["stale"] is True
    assert entries["2.5"]["override"] is None
    later = by_id(report(run, tmp_path, "--quarter", "3", "--as-of", "2026-10-05"))
    assert later["2.5"]["rag"] == "red" and later["2.5"]["override"]["stale"] is False
    before = by_id(report(run, tmp_path, "--quarter", "3", "--as-of", "2026-10-04"))
    assert before["2.5"]["override"] is None and before["2.5"]["rag"] == "green"


def test_the_parts_of_each_objective(run: Run, tmp_path: Path) -> None:
    entries = by_id(report(run, tmp_path, "--quarter", "2"))
    assert whats(entries["1.1"]["due_not_done"]) == ["two late"]
    assert entries["1.1"]["due_not_done"][0]["months_overdue"] == 2
    assert whats(entries["1.2"]["next"]) == ["next one"]
    assert whats(entries["1.2"]["due_not_done"]) == []  # due in June: Q1
    assert entries["1.3"]["moved"][0]["slip"] == 4
    assert entries["1.4"]["moved"][0] | {"what": "slipped far", "slip": 7} \
        == entries["1.4"]["moved"][0]
    assert whats(entries["2.1"]["done"]) == ["finished"]
    assert whats(entries["2.2"]["due_not_done"]) == ["due now", "meeting"]
    assert entries["2.2"]["due_not_done"][0]["months_overdue"] == 0
    # the quarterly meeting's Q2 occurrence (July to September) is not recorded yet
    meeting = entries["2.2"]["due_not_done"][1]
    assert (meeting["occurrence"], meeting["window"]) == ("2026-07", ["2026-07", "2026-09"])
    assert [item["occurrence"] for item in entries["2.1"]["done"]] == [None]


def test_each_occurrence_counts_in_its_quarter(run: Run, tmp_path: Path) -> None:
    plan = write_plan(tmp_path, """\
version: 1
plan: {title: Series, period: 2026-04..2027-03}
strategic_objectives:
  - id: "1"
    title: One
    objectives:
      - id: "1.1"
        title: Meetings
        schedule: [2026-04..2027-03]
        milestones:
          - when: 2026-05..2027-03
            every: 2
            what: AI Task meeting
            occurrences: [{month: 2026-07, status: done, done_on: 2026-07-14}]
""")
    result = run("report", "--plan", str(plan), "--quarter", "2", "--format", "json")
    assert result.exit_code == 0, result.output
    [entry] = json.loads(result.stdout)["objectives"]
    assert [(i["occurrence"], i["done_on"]) for i in entry["done"]] == [("2026-07", "2026-07-14")]
    assert [i["occurrence"] for i in entry["due_not_done"]] == ["2026-09"]
    assert [i["occurrence"] for i in entry["next"]] == ["2026-11"]
    # May's meeting was neither held nor cancelled: 4 months overdue at the end of September
    assert (entry["computed_rag"], entry["why"]) == (
        "red", "'AI Task meeting' is 4 months overdue")


def test_as_of_inside_the_quarter_and_default_quarter(run: Run, tmp_path: Path) -> None:
    data = report(run, tmp_path, "--as-of", "2026-08-20")
    assert (data["quarter"], data["as_of"]) == (2, "2026-08-20")
    entries = by_id(data)
    assert entries["1.1"]["computed_rag"] == "amber"  # 1 month overdue in August
    assert entries["1.2"]["computed_rag"] == "amber"  # 2 months overdue in August
    assert whats(entries["2.1"]["done"]) == ["finished"]
    early = by_id(report(run, tmp_path, "--as-of", "2026-08-10"))
    assert whats(early["2.1"]["done"]) == []  # done on the 14th: after the report's day


@pytest.mark.parametrize(("args", "says"), [
    (["--quarter", "5"], "has quarters 1 to 4"),
    (["--quarter", "0"], "has quarters 1 to 4"),
    (["--as-of", "2027-06-01"], "outside the plan period"),
])
def test_bad_quarters_are_usage_errors(run: Run, tmp_path: Path, args: list[str],
                                       says: str) -> None:
    plan = write_plan(tmp_path, RAG_PLAN)
    result = run("report", "--plan", str(plan), *args)
    assert result.exit_code == 2, result.output
    assert says in result.output and "Traceback" not in result.output


@pytest.mark.parametrize(("rag", "says"), [
    ("rag: {status: amber, set_on: 2026-06-29}",
     "the RAG rating 'amber' of 2.4 has no reason; write e.g. rag: {status: amber, reason: "),
    ("rag: {status: amber}", "has no reason and no set_on"),
    ("rag: {status: purple, reason: x, set_on: 2026-06-29}",
     "'purple' is not a RAG rating; write one of: red, amber, green, complete [bad-choice]"),
    ("rag: {status: red, reason: x, set_on: 29/06/2026}", "write 2026-06-29 (YYYY-MM-DD)"),
])
def test_bad_ratings_are_errors(run: Run, tmp_path: Path, rag: str, says: str) -> None:
    plan = write_plan(tmp_path, RAG_PLAN.replace(
        'rag: {status: amber, reason: "Watching it", set_on: 2026-06-29}', rag))
    result = run("validate", str(plan))
    assert result.exit_code == 1, result.output
    assert says in result.output, result.output


def test_shipped_plan_text_and_markdown(run: Run) -> None:
    result = run("report", "--plan", str(PLAN), "--quarter", "2", "--as-of", "2026-11-30",
                 width=80)
    assert result.exit_code == 0, result.output
    assert_golden("report-q2-80.txt", result.output)
    assert "…" not in result.output and max(map(len, result.output.splitlines())) <= 80
    md = run("report", "--plan", str(PLAN), "--quarter", "2", "--format", "markdown",
             "--as-of", "2026-11-30")
    assert md.exit_code == 0, md.output
    assert md.output.startswith("## Quarterly progress report: UK NPM Business Plan 2026-27\n")
    assert "| Strategic objective | Red | Amber | Green | Complete |" in md.output


def html_report(run: Run, plan: Path, *args: str) -> str:
    page = run("report", "--plan", str(plan), "--format", "html", *args)
    assert page.exit_code == 0, page.output
    return page.output


def test_html_is_strict_self_contained_and_says_the_words(run: Run, tmp_path: Path) -> None:
    plan = write_plan(tmp_path, RAG_PLAN.replace("title: On track",
                                                 'title: "On <b>track</b> & <script>"'))
    page = html_report(run, plan, "--quarter", "2", "--as-of", "2026-11-30")
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    root = parser.parse(page)
    tags = {element.tag for element in root.iter()}
    assert not tags & {"script", "link", "img", "iframe", "object", "embed", "base"}
    assert "http:" not in page and "https:" not in page and "url(" not in page
    assert re.search(r"@page\s*\{[^}]*size:\s*A4 landscape", page)
    labels = [" ".join(span.itertext()) for span in root.iter("span")
              if "rag" in (span.get("class") or "").split()]
    assert {"Red", "Amber", "Green", "Complete", "Amber (stale)"} <= set(labels)
    assert "On &lt;b&gt;track&lt;/b&gt; &amp; &lt;script&gt;" in page


def test_html_prints_every_word_with_real_headers(run: Run, plan: Path) -> None:
    """Nothing cut or held in a tooltip; header cells with their scope; 12pt printed; the
    header row repeated and no row split across pages (Chromium's PDF of it is checked in
    test_report_print)."""
    page = html_report(run, busy_plan(run, plan), "--quarter", "2", "--as-of", "2026-11-30")
    root = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(page)
    assert root.get("lang") == "en-GB"
    assert not [e.tag for e in root.iter() if e.get("title") is not None]
    assert "ellipsis" not in page and "…" not in page
    assert all(th.get("scope") in ("col", "row", "rowgroup") for th in root.iter("th"))
    style = "".join(root.find("head/style").itertext())
    assert ".objectives thead{display:table-header-group}" in style
    assert "break-inside:avoid" in style
    assert re.search(r"@media print\{body\{font-size:12pt", style)
    words = " ".join(" ".join(root.itertext()).split())
    for said in ("Cancelled this quarter (1)", "Likely publication of Muckamore Abbey inquiry "
                 "report (2026-07; cancelled 2026-09-15; note: The inquiry report is delayed "
                 "to next year)", "Next steps: Share the draft with the Task & Finish group "
                 "in December.", "Amber down from Green last quarter",
                 "Check: no commentary for this quarter", "The ratings",
                 "Complete every milestone is done or cancelled",
                 "NPM guidance and training for monitors, inspectors and duty-bearers in "
                 "mental health and social care settings."):
        assert said in words, said


def test_a_short_last_quarter_and_a_quarter_not_started(run: Run, tmp_path: Path) -> None:
    plan = write_plan(tmp_path, RAG_PLAN.replace("period: 2026-04..2027-03",
                                                 "period: 2026-04..2026-08")
                      .replace("schedule: [2026-04..2027-03]", "schedule: [2026-04..2026-08]"))
    result = run("report", "--plan", str(plan), "--quarter", "2", "-f", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert (data["from"], data["to"], data["next_quarter"]) == ("2026-07-01", "2026-08-31", None)
    result = run("report", "--plan", str(plan), "--quarter", "2", "--as-of", "2026-05-02")
    assert result.exit_code == 0, result.output
    assert "Q2, July to August 2026, as of 2 May 2026 (the quarter has not started" in result.output


@given(first=st.integers(2000 * 12, 2100 * 12), length=st.integers(1, 40))
def test_quarters_split_the_period_in_threes(first: int, length: int) -> None:
    period = (Month(first), Month(first + length - 1))
    found = quarters(period)
    months = [m for q in found for m in range(q.first, q.last + 1)]
    assert months == list(range(period[0], period[1] + 1))
    assert [q.number for q in found] == list(range(1, len(found) + 1))
    assert all(q.last - q.first == 2 for q in found[:-1])
    for q in found:
        assert quarter_of(period, q.last_day) == q and quarter_of(period, q.first_day) == q
