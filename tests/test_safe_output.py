"""Safe output: plan text is data in every output, never a formula, markup, a table edge, an
iCalendar property or a terminal control.

- CSV: a cell that starts with ``= + - @``, a tab or CR gets a leading ``'`` (Excel would
  run it as a formula).
- Markdown: ``|`` and line breaks cannot break a table or a list.
- iCalendar: ``; , \\`` and line breaks are escaped by ``icalendar``; the text comes back
  whole from ``Calendar.from_ical`` and cannot add an event.
- Terminal: ``validate`` refuses control and bidi characters (``control-character``); the
  renderers drop them too, for a plan that never went through the loader.
- rich: ``Review [draft] [/] [bold]x[/bold]`` prints as written in every text output.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import icalendar
import pytest
from conftest import Run
from fuzzing import render_all

from npmplan.model.plan import Plan
from npmplan.read.loader import load_bytes
from npmplan.text import one_line

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Every character the spec forbids in text: Cc but newline and tab, and the bidi controls.
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def plan_yaml(title: str, so_title: str, objectives: str, team: str = "") -> str:
    return (f"version: 1\nplan: {{title: {title}, period: 2026-04..2027-03}}\n{team}"
            f"strategic_objectives:\n  - id: '1'\n    title: {so_title}\n    objectives:\n"
            f"{objectives}")


# --- CSV ---------------------------------------------------------------------------------

CSV_PLAN = """\
version: 1
plan: {title: T, period: 2026-04..2027-03}
strategic_objectives:
  - id: "=1+1"
    title: S
    objectives:
      - {id: "=1+1.1", title: a, label: "=HYPERLINK(\\"http://x\\",\\"y\\")", schedule: [2026-05]}
      - {id: "+1", title: b, label: "+cmd|' /C calc'!A0", schedule: [2026-05]}
      - {id: "-1", title: c, label: "-2+3", schedule: [2026-05]}
      - {id: "@1", title: d, label: "@SUM(A1:A2)", schedule: [2026-05]}
      - {id: "t", title: e, label: "\\t=tab first", schedule: [2026-05]}
      - {id: "s", title: f, label: "  =after spaces", schedule: [2026-05]}
      - {id: "n", title: g, label: "line\\n=second line", schedule: [2026-05]}
  - id: "@2"
    title: S2
    objectives: []
"""


def csv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def test_csv_cells_are_never_formulas(run: Run, tmp_path: Path) -> None:
    outcome = run("calendar", "--format", "csv", "--plan", write(tmp_path, CSV_PLAN))
    assert outcome.exit_code == 0, outcome.output
    rows = csv_rows(outcome.stdout)
    assert len(rows) == 1 + 7 + 1  # header, the objectives, the workload
    for row in rows:
        for cell in row:
            assert not cell.startswith(FORMULA_START), (cell, row)
    labels = [row[2] for row in rows[1:-1]]
    assert labels == ["'=HYPERLINK(\"http://x\",\"y\")", "'+cmd|' /C calc'!A0", "'-2+3",
                      "'@SUM(A1:A2)", "'=tab first", "'=after spaces", "line =second line"]
    assert [row[:2] for row in rows[1:3]] == [["'=1+1", "'=1+1.1"], ["'=1+1", "'+1"]]


def test_csv_cells_are_never_formulas_even_from_an_unchecked_plan() -> None:
    """A CR or a control character cannot come through ``validate``; the renderer still
    copes when a plan is built without the loader."""
    labels = ["\r=cmd", "\x1b=cmd", "\u202e=cmd", "\t\r\n+x", "\x00-1"]
    plan = Plan.model_validate({
        "version": "1", "plan": {"title": "T", "period": "2026-04..2027-03"},
        # (an id cannot hold a CR even here: the model refuses spaces and breaks around ids)
        "strategic_objectives": [{"id": "=1", "title": "S", "objectives": [
            {"id": f"x{i}", "title": "t", "label": label, "schedule": ["2026-05"]}
            for i, label in enumerate(labels)]}]})
    for name in ("calendar csv", "calendar csv filtered"):
        for row in csv_rows(render_all(plan)[name]):
            for cell in row:
                assert not cell.startswith(FORMULA_START), (name, cell)
                assert not FORBIDDEN.search(cell), (name, cell)


# --- Markdown ----------------------------------------------------------------------------

PIPES = "a | b \\| c"
LINES = "first line\nsecond line"
MD_PLAN = plan_yaml(
    "'T | x'", f"'{PIPES}'",
    f"""\
      - id: "1.1"
        title: '{PIPES}'
        label: '{PIPES}'
        schedule: [2026-04..2027-03]
        outcomes: ['{PIPES}']
        milestones:
          - {{what: '{PIPES}', when: 2026-05, note: 'n | n'}}
          - what: |
              {LINES.replace(chr(10), chr(10) + ' ' * 14)}
            when: 2026-05
          - {{what: 'x | y', when: 2026-04..2027-03, every: 3}}
""")


@pytest.fixture(scope="module")
def markdown_it() -> Any:
    module = pytest.importorskip("markdown_it")  # comes with rich
    return module.MarkdownIt("commonmark").enable("table").enable("strikethrough")


def inline_texts(parser: Any, text: str) -> list[str]:
    """The text of each paragraph, heading, list item and table cell, as a reader sees it:
    markup is gone (``*a*`` reads ``a``), raw HTML shows as ``<HTML>``."""
    out = []
    for token in parser.parse(text):
        if token.type == "inline":
            parts = [child.content if child.type in ("text", "code_inline")
                     else " " if child.type in ("softbreak", "hardbreak")
                     else "<HTML>" if child.type == "html_inline" else ""
                     for child in token.children or []]
            out.append("".join(parts))
    return out


def table_rows(parser: Any, text: str) -> list[int]:
    """The number of cells in each row of each table."""
    counts: list[int] = []
    for token in parser.parse(text):
        if token.type == "tr_open":
            counts.append(0)
        elif token.type in ("th_open", "td_open"):
            counts[-1] += 1
    return counts


MD_COMMANDS = [["calendar", "--format", "markdown"],
               ["due", "--month", "2026-05", "--format", "markdown"],
               ["show", "1.1", "--format", "markdown", "--as-of", "2026-06-01"]]


@pytest.mark.parametrize("argv", MD_COMMANDS, ids=[a[0] for a in MD_COMMANDS])
def test_markdown_pipes_and_line_breaks_stay_in_their_cell(
        run: Run, tmp_path: Path, markdown_it: Any, argv: list[str]) -> None:
    outcome = run(*argv, "--plan", write(tmp_path, MD_PLAN))
    assert outcome.exit_code == 0, outcome.output
    texts = inline_texts(markdown_it, outcome.stdout)
    assert any(PIPES in text for text in texts), texts
    assert any(one_line(LINES) in text for text in texts) or argv[0] == "calendar", texts
    cells = table_rows(markdown_it, outcome.stdout)
    assert len(set(cells)) <= 1, f"rows of different widths: {cells}"
    # Every line of a table has as many unescaped pipes as the header.
    table = [line for line in outcome.stdout.splitlines() if line.startswith("|")]
    widths = {len(re.findall(r"(?<!\\)(?:\\\\)*\|", line)) for line in table}
    assert len(widths) <= 1, table
    assert "second line" not in outcome.stdout.replace("first line second line", "")


MARKUP = ["*bold*", "_under_", "<b>html</b>", "[link](http://example.com)", "`code`",
          "~~strike~~"]


@pytest.mark.parametrize("argv", MD_COMMANDS, ids=[a[0] for a in MD_COMMANDS])
def test_markdown_shows_plan_text_as_written(run: Run, tmp_path: Path, markdown_it: Any,
                                             argv: list[str]) -> None:
    objectives = "".join(
        f"      - {{id: '1.{i}', title: '{text}', label: '{text}', schedule: [2026-05],\n"
        f"         milestones: [{{what: '{text}', when: 2026-05}}]}}\n"
        for i, text in enumerate(MARKUP, start=1))
    path = write(tmp_path, plan_yaml("T", "S", objectives))
    runs = ([(argv, MARKUP)] if argv[0] != "show" else  # show: one objective a run
            [(["show", f"1.{i}", *argv[2:]], [text]) for i, text in enumerate(MARKUP, 1)])
    for args, expected in runs:
        texts = " ".join(inline_texts(markdown_it, run(*args, "--plan", path).stdout))
        for text in expected:
            assert text in texts, (args, text, texts)


# --- iCalendar ---------------------------------------------------------------------------

ICS_PLAN = plan_yaml(
    '"Plan; with, punctuation\\\\"', "S",
    """\
      - id: "1.1"
        title: O
        schedule: [2026-04..2027-03]
        milestones:
          - {what: "Meet; agree, sign\\\\off", when: 2026-05, note: "line one\\nline two; a, b"}
          - {what: "two\\nlines", when: 2026-07-03}
          - {what: "x\\nEND:VEVENT\\nBEGIN:VEVENT\\nSUMMARY:evil", when: 2026-06}
          - {what: "not dated", when: tbc}
          - {what: "cancelled", when: 2026-08, status: cancelled}
""")


def test_ics_text_round_trips_through_icalendar(run: Run, tmp_path: Path) -> None:
    outcome = run("export", "ics", "--plan", write(tmp_path, ICS_PLAN))
    assert outcome.exit_code == 0, outcome.output
    raw = outcome.stdout_bytes.decode("utf-8")
    lines = raw.split("\r\n")
    assert lines[-1] == "" and all("\n" not in line and "\r" not in line for line in lines)
    assert all(len(line.encode()) <= 75 for line in lines)  # folded as RFC 5545 says
    calendar = icalendar.Calendar.from_ical(raw)
    # icalendar leaves X- properties as written: TEXT, escaped as RFC 5545 says.
    assert "X-WR-CALNAME:Plan\\; with\\, punctuation\\\\\r\n" in raw
    events = {str(e["SUMMARY"]): str(e["DESCRIPTION"]) for e in calendar.walk("VEVENT")}
    assert list(events) == ["1.1 Meet; agree, sign\\off", "1.1 two lines",
                            "1.1 x END:VEVENT BEGIN:VEVENT SUMMARY:evil"]
    assert events["1.1 Meet; agree, sign\\off"].endswith(
        "Note: line one\nline two; a, b")  # a description keeps its line breaks
    assert lines.count("BEGIN:VEVENT") == lines.count("END:VEVENT") == 3


# --- the terminal: control and bidi characters ---------------------------------------------

CONTROLS = {"ESC": "\x1b", "BEL": "\x07", "BS": "\x08", "NUL": "\x00", "DEL": "\x7f",
            "CSI (C1)": "\x9b", "RLO": "\u202e", "LRI": "\u2066", "PDI": "\u2069"}
ESCAPES = {"\\e": "\x1b", "\\x1b": "\x1b", "\\a": "\x07", "\\u202e": "\u202e",
           "\\x9b": "\x9b", "\\r": "\r", "\\0": "\x00", "\\u2066": "\u2066"}
# Where a character can hide: (YAML with X where it goes, line of X).
CONTEXTS = {
    "plain value": ("plan:\n  title: Plan X here\n", 2),
    "single quotes": ("plan:\n  title: 'Plan X here'\n", 2),
    "double quotes": ('plan:\n  title: "Plan X here"\n', 2),
    "block text": ("plan:\n  source: |\n    one\n    Plan X here\n", 4),
    "key": ("plan:\n  tiXtle: Plan\n", 2),
    "comment": ("# a comment X here\nplan: {}\n", 1),
}


@pytest.mark.parametrize("char", CONTROLS.values(), ids=CONTROLS.keys())
def test_validate_refuses_control_characters_typed_anywhere(char: str) -> None:
    for name, (template, line) in CONTEXTS.items():
        problems = load_bytes("x.yaml", template.replace("X", char).encode()).problems
        found = {(p.line, p.rule) for p in problems}
        assert (line, "control-character") in found, (name, found)


@pytest.mark.parametrize("escape", ESCAPES, ids=ESCAPES.keys())
def test_validate_refuses_control_characters_written_as_escapes(escape: str) -> None:
    for template in ('plan:\n  title: "Plan X here"\n', 'plan:\n  "tiXtle": Plan\n'):
        problems = load_bytes("x.yaml", template.replace("X", escape).encode()).problems
        assert (2, "control-character") in {(p.line, p.rule) for p in problems}, template


def test_validate_output_carries_no_control_characters(run: Run, tmp_path: Path) -> None:
    """A problem quotes the file (an unknown key, a bad date); the quote is cleaned."""
    text = plan_yaml('"T"', "S", """\
      - id: "1.1"
        title: O
        "x\\e[31m\\u202e": 1
        milestones: [{what: m, when: "\\e[2J\\u202eJul 26"}]
""")
    path = write(tmp_path, text)
    for fmt in ("text", "github"):
        outcome = run("validate", "--format", fmt, path)
        assert outcome.exit_code == 1
        assert "unknown-key" in outcome.stdout and "bad-when" in outcome.stdout
        assert not FORBIDDEN.search(outcome.output), repr(outcome.output)


EVIL = "\x1b[31mred\x1b[0m \u202eevil\u202c \x07bell \r\x9b2J \u2066iso\u2069 \x08 \x00"


def evil_plan() -> Plan:
    """Every text field holds ESC sequences, bidi overrides and C0/C1 controls: a plan no
    loader would pass, built straight from a dict."""
    def text(name: str) -> str:
        return f"{name} {EVIL}"

    milestones = [
        {"what": text("due"), "when": "2026-05", "note": text("note")},
        {"what": text("done"), "when": "2026-04", "status": "done", "done_on": "2026-04-02"},
        {"what": text("recurring"), "when": "2026-04..2027-03", "every": "2"},
        {"what": text("ongoing"), "when": "ongoing"}, {"what": text("tbc"), "when": "tbc"},
        {"what": text("moved"), "when": "2026-05", "moved_to": "2026-08"},
        {"what": text("late"), "when": "2026-04"},
    ]
    return Plan.model_validate({
        "version": "1",
        "plan": {"title": text("title"), "period": "2026-04..2027-03", "capacity": "0",
                 "organisation": text("org"), "source": text("source")},
        "team": [{"id": "mk", "name": text("name"), "role": text("role"), "capacity": "0"}],
        "strategic_objectives": [{"id": "1", "title": text("so"), "functions": ["visiting"],
                                  "objectives": [{
            "id": "1.1", "title": text("objective"), "label": text("label"), "leads": ["mk"],
            "priority": "core", "rationale": text("rationale"), "outcomes": [text("outcome")],
            "outputs": [text("output"), {"title": text("web"), "web": "true"}],
            "schedule": ["2026-04..2026-12", {"months": "2027-01..2027-03", "kind": "meetings"}],
            "milestones": milestones}]}]})


def test_renderers_drop_control_characters_from_an_unchecked_plan() -> None:
    plan = evil_plan()
    outputs = render_all(plan, other=plan.model_copy(update={"team": []}))
    assert len(outputs) > 40
    for name, output in outputs.items():
        if " json" in name:
            continue  # data for scripts: below
        text = output.replace("\r\n", "\n") if "ics" in name or "csv" in name else output
        assert "\x1b" not in text and "\u202e" not in text, name
        assert not FORBIDDEN.search(text), (name, FORBIDDEN.findall(text))
        assert "evil" in text or "csv" in name, name  # the text itself is still there


def test_json_outputs_keep_plan_text_exactly() -> None:
    """JSON is for scripts: the text comes back as it was (json escapes C0 controls)."""
    outputs = render_all(evil_plan())
    for name, output in outputs.items():
        if " json" in name:
            assert "\x1b" not in output, name
            assert any(EVIL in text for text in strings(json.loads(output))), name


def strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict | list):
        for item in value.values() if isinstance(value, dict) else value:
            yield from strings(item)


# --- rich markup ---------------------------------------------------------------------------

RICH = "Review [draft] [/] [bold]x[/bold]"
RICH_PLAN = f"""\
version: 1
plan: {{title: "{RICH}", period: 2026-04..2027-03, capacity: 0}}
team:
  - {{id: mk, name: "{RICH}"}}
strategic_objectives:
  - id: "1"
    title: "{RICH}"
    objectives:
      - id: "1.1"
        title: "{RICH}"
        leads: [mk]
        rationale: "{RICH}"
        outcomes: ["{RICH}"]
        schedule: [2026-04..2027-03]
        milestones:
          - {{what: "{RICH}", when: 2026-05, moved_to: 2026-06}}
          - {{what: "{RICH}", when: 2026-04..2027-03, every: 2}}
"""
TEXT_COMMANDS = [
    ["calendar"], ["due", "--month", "2026-06"], ["show", "1.1", "--as-of", "2026-05-01"],
    ["workload"], ["workload", "--by", "lead"], ["workload", "--by", "strategic"],
    ["status", "--as-of", "2026-11-01"],
]


@pytest.mark.parametrize("argv", TEXT_COMMANDS, ids=[" ".join(a) for a in TEXT_COMMANDS])
def test_rich_markup_in_plan_text_prints_as_written(run: Run, tmp_path: Path,
                                                    argv: list[str]) -> None:
    path = write(tmp_path, RICH_PLAN)
    outcome = run(*argv, "--plan", path, env={"COLUMNS": "250"})
    assert outcome.exit_code == 0, outcome.output
    assert RICH in " ".join(outcome.stdout.split()), outcome.stdout


def test_rich_markup_prints_as_written_in_diff_and_validate(run: Run, tmp_path: Path) -> None:
    old = tmp_path / "old.yaml"
    old.write_text(RICH_PLAN.replace("moved_to: 2026-06", "moved_to: 2026-07"))
    path = write(tmp_path, RICH_PLAN)
    outcome = run("diff", old, path, env={"COLUMNS": "250"})
    assert outcome.exit_code == 0, outcome.output
    assert RICH in " ".join(outcome.stdout.split()), outcome.stdout
    bad = write(tmp_path, RICH_PLAN.replace("when: 2026-05,", 'when: "[bold]x[/bold]",'))
    outcome = run("validate", bad)
    assert "'[bold]x[/bold]'" in outcome.stdout, outcome.stdout
