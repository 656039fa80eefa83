"""``npmplan export mermaid``: every line fits Mermaid's gantt grammar.

The grammar below is derived from Mermaid's lexer (``gantt.jison``): a statement is one
line; a task is ``[^#:\\n;]+`` (its name), ``:`` and ``[^#\\n;]+`` (its data: optional tags
``active``, ``done``, ``crit``, ``milestone``, then ``id, start, end|duration``); ``#`` and
``%%`` start comments; a section is ``section`` and ``[^#:\\n;]+``. The lexer tries its
keywords (case-insensitive, without a word break) before a task name, so no name may
begin with one.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from conftest import Run
from reports_helpers import model_of as model

from npmplan.render.exports.mermaid import safe_name

SHIPPED = Path(__file__).resolve().parents[1] / "plans" / "2026-27.yaml"

HEADER = {
    "init": re.compile(r"%%\{init: \{.*\}\}%%"),
    "gantt": re.compile(r"gantt"),
    "title": re.compile(r"\s+title\s[^#\n;]+"),
    "dateFormat": re.compile(r"\s+dateFormat\s[^#\n;]+"),
    "axisFormat": re.compile(r"\s+axisFormat\s[^#\n;]+"),
    "tickInterval": re.compile(r"\s+tickInterval\s[1-9][0-9]*(day|week|month)"),
    "comment": re.compile(r"\s+%%(?!\{)[^\n]*"),
}
SECTION = re.compile(r"\s+section\s(?P<name>[^#:\n;]+)")
TASK = re.compile(r"\s+(?P<name>[^#:\n;]+):(?P<data>[^#\n;]+)")
DATA = re.compile(
    r"(?P<tags>((active|done|crit|milestone)\s*,\s*)*)(?P<id>[A-Za-z_][\w]*)\s*,\s*"
    r"(?P<start>\d{4}-\d{2}-\d{2})\s*,\s*(?P<end>\d{4}-\d{2}-\d{2}|\d+d)")
KEYWORDS = re.compile(
    r"(gantt|inclusiveenddates|topaxis|dateformat\s|axisformat\s|tickinterval\s|includes\s"
    r"|excludes\s|todaymarker\s|weekday\s|title\s|accdescription\s|section\s|click\s|call\s"
    r"|href\s|acctitle\s*:|accdescr\s*[:{]|\d{4}-\d{2}-\d{2}|.%)", re.IGNORECASE)

SMALL = """\
version: 1
plan:
  title: "Plan #1; draft: 50% done"
  period: 2026-04..2027-03
strategic_objectives:
  - id: "1"
    title: "Section: the first; #1"
    objectives:
      - id: "1.1"
        title: "Phase II: Solitary Confinement project"
        schedule:
          - 2026-04
          - {months: 2026-05..2026-06, kind: meetings}
          - {months: 2026-07, kind: production}
          - {months: 2026-09..2026-10}
        milestones:
          - {when: 2026-05-14, what: "Kick-off: day one"}
          - {when: 2026-10-02, what: "Call at 10:30 with re:view team"}
          - {when: 2026-06, what: Draft shared, status: done, done_on: 2026-06-20}
          - {when: 2026-05, moved_to: 2026-07, what: Report published}
          - {when: 2026-06, what: Cancelled workshop, status: cancelled}
          - {when: 2026-04..2026-09, every: 2, what: Steering meeting}
          - {when: ongoing, what: Continuing support}
          - {when: tbc, what: Visit to be arranged}
          - {when: 2027-05, what: After the plan year}
          - what: "Line one\\nline two # not a comment; 100%"
            when: 2026-08
"""


def export(run: Run, plan: Path, *args: str) -> str:
    result = run("export", "mermaid", "-p", plan, *args)
    assert result.exit_code == 0, result.output
    return result.stdout


def parse(chart: str, key: bool = False) -> list[tuple[str, str, re.Match[str] | None]]:
    """Every statement as (kind, name, task data); fails on any line outside the grammar.
    The colour key's section and its sample tasks are left out unless ``key``."""
    statements = _parse(chart)
    if key:
        return statements
    out, in_key = [], False
    for statement in statements:
        if statement[0] == "section":
            in_key = statement[1] == "Key"
        if not in_key:
            out.append(statement)
    return out


def _parse(chart: str) -> list[tuple[str, str, re.Match[str] | None]]:
    lines = chart.splitlines()
    assert lines[0] == "```mermaid" and lines[-1] == "```", "fenced by default"
    statements: list[tuple[str, str, re.Match[str] | None]] = []
    for line in lines[1:-1]:
        header = next((k for k, rx in HEADER.items() if rx.fullmatch(line)), None)
        if header is not None:
            statements.append((header, "", None))
            continue
        if match := SECTION.fullmatch(line):
            statements.append(("section", match["name"], None))
            continue
        match = TASK.fullmatch(line)
        assert match, f"not a gantt statement: {line!r}"
        name = match["name"].strip()
        assert not KEYWORDS.match(name), f"name read as a keyword: {line!r}"
        data = DATA.fullmatch(match["data"].strip())
        assert data, f"task data not in the grammar: {line!r}"
        statements.append(("task", name, data))
    assert [kind for kind, _, _ in statements][:2] == ["init", "gantt"]
    return statements


def check_names(statements: list[tuple[str, str, re.Match[str] | None]]) -> None:
    for _, name, _ in statements:
        for bad in ":#;\n":
            assert bad not in name, f"{bad!r} in {name!r}"


def test_shipped_plan_fits_the_grammar(run: Run) -> None:
    statements = parse(export(run, SHIPPED))
    check_names(statements)
    plan = model(SHIPPED)
    sections = [name for kind, name, _ in statements if kind == "section"]
    assert len(sections) == len(plan.strategic_objectives)
    tasks = [(name, data) for kind, name, data in statements if kind == "task" and data]
    ids = [data["id"] for _, data in tasks]
    assert len(ids) == len(set(ids))
    for _, data in tasks:
        start = date.fromisoformat(data["start"])
        if data["end"].endswith("d"):
            assert data["end"] == "0d" and "milestone" in data["tags"]
        else:
            assert date.fromisoformat(data["end"]) > start
    names = [name for name, _ in tasks]
    assert "2.4 Phase II – Solitary Confinement project" in names


def test_shipped_spans_and_marks(run: Run) -> None:
    statements = parse(export(run, SHIPPED))
    tasks = {(name, data["start"]): data for kind, name, data in statements
             if kind == "task" and data}
    span = tasks[("1.1 NPM guidance & training (MH & social care)", "2026-08-01")]
    assert (span["tags"].strip(" ,"), span["end"]) == ("active", "2027-01-01")  # meetings
    production = tasks[("1.1 NPM guidance & training (MH & social care)", "2027-02-01")]
    assert (production["tags"].strip(" ,"), production["end"]) == ("crit", "2027-04-01")
    mark = tasks[("1.1 NPM social care standards published", "2026-11-15")]
    assert mark["tags"].strip(" ,") == "milestone" and mark["end"] == "0d"
    # 5.2's conference (2027-04) lies outside the plan year and is left out
    assert not any("annual conference held" in name for name, _ in tasks)


def test_filters(run: Run, small: Path) -> None:
    assert "section" in export(run, SHIPPED, "--strategic", "2")
    statements = parse(export(run, SHIPPED, "--strategic", "2"))
    names = [name for kind, name, _ in statements if kind == "task"]
    assert names and all(name.startswith("2.") for name in names)


def test_awkward_text_is_made_safe(run: Run, small: Path) -> None:
    chart = export(run, small)
    statements = parse(chart)
    check_names(statements)
    title = next(line for line in chart.splitlines() if line.strip().startswith("title"))
    assert "#" not in title and ";" not in title and "%" not in title
    names = [name for kind, name, _ in statements if kind == "task"]
    assert "1.1 Kick-off – day one" in names
    assert "1.1 Call at 10.30 with re∶view team" in names
    # no full-width lookalikes (empty boxes without CJK fonts): words instead
    assert any(name.startswith("1.1 Line one line two not a comment, 100 per cent")
               for name in names)
    assert "Plan No. 1, draft – 50 per cent done" in title
    assert not re.search("[\uff00-\uffef]", chart)


def test_the_colour_key_is_drawn(run: Run, small: Path) -> None:
    statements = parse(export(run, small), key=True)
    sections = [name for kind, name, _ in statements if kind == "section"]
    assert sections[0] == "Key"
    key = statements[[s[:2] for s in statements].index(("section", "Key")) + 1:][:5]
    assert [(name, data["tags"].replace(" ", "")) for _, name, data in key if data] == [
        ("Active period", ""), ("T&F/subgroup meetings", "active,"),
        ("Production of output", "crit,"), ("Milestone", "milestone,"),
        ("Milestone done", "done,milestone,")]
    assert "%% Bars" not in export(run, small)


def test_small_plan_tasks(run: Run, small: Path) -> None:
    statements = parse(export(run, small))
    tasks = [(name, data) for kind, name, data in statements if kind == "task" and data]
    spans = [(d["tags"].strip(" ,"), d["start"], d["end"]) for _, d in tasks
             if "milestone" not in d["tags"]]
    assert spans == [("", "2026-04-01", "2026-05-01"), ("active", "2026-05-01", "2026-07-01"),
                     ("crit", "2026-07-01", "2026-08-01"), ("", "2026-09-01", "2026-11-01")]
    marks = {(name, d["start"]): d["tags"].replace(" ", "") for name, d in tasks
             if "milestone" in d["tags"]}
    assert marks[("1.1 Kick-off – day one", "2026-05-14")] == "milestone,"
    assert marks[("1.1 Draft shared", "2026-06-15")] == "done,milestone,"
    assert ("1.1 Report published", "2026-07-15") in marks  # moved_to, not when
    steering = sorted(start for name, start in marks if name == "1.1 Steering meeting")
    assert steering == ["2026-04-15", "2026-06-15", "2026-08-15"]
    assert not any("Cancelled" in n or "Continuing" in n or "Visit" in n or "After" in n
                   for n, _ in marks)
    assert "1 milestone mark(s) dated outside the plan period" in export(run, small)


def test_no_fence(run: Run, small: Path) -> None:
    raw = export(run, small, "--no-fence")
    assert raw.startswith("%%{init") and "```" not in raw
    assert raw.endswith("\n")


@pytest.mark.parametrize("text", [
    "title of the report", "Section 2 work", "Call for evidence", "click here",
    "2026-09-01 meeting", "gantt chart", "Excludes nothing", "accTitle: x", "a%b",
    "dateFormat x", "href \"x\"",
])
def test_keyword_starts_are_neutralised(text: str) -> None:
    name = safe_name(text)
    assert not KEYWORDS.match(name)
    visible = name.replace("\u200b", "")
    assert visible[:1] == text[:1]  # the text itself is kept


def test_long_names_are_cut() -> None:
    name = safe_name("x" * 200)
    assert len(name) <= 70 and name.endswith("…")


VALID = sorted((Path(__file__).parent / "plans" / "valid").glob("*.yaml"))


@pytest.mark.parametrize("plan", VALID, ids=[p.name for p in VALID])
def test_every_valid_plan_fits_the_grammar(run: Run, plan: Path) -> None:
    check_names(parse(export(run, plan)))
