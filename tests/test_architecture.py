"""The architecture, held by tests: every figure, format and rule has one owner.

- every ``--format`` choice of every command produces that format (through the CLI);
- a problem is made by naming its rule object, never a bare rule string;
- renderers format results: none sums, counts against capacity or classifies milestones;
- a date error keeps its precise message in every field that takes a date;
- small units: no module over 400 lines, no function rated D or worse by radon.
"""

from __future__ import annotations

import ast
import csv
import io
import json
import os
from pathlib import Path

import pytest
from conftest import REAL_PLAN, Run
from radon.complexity import cc_rank, cc_visit

from npmplan.render import formats

SRC = Path(__file__).resolve().parent.parent / "src" / "npmplan"
MODULES = sorted(SRC.rglob("*.py"))

COMMANDS = {  # command line (before --format) for each report in the registry
    "validate": ["validate", str(REAL_PLAN)],
    "calendar": ["calendar", "--plan", str(REAL_PLAN), "--as-of", "2026-09-10"],
    "due": ["due", "--plan", str(REAL_PLAN), "--month", "2026-09"],
    "show": ["show", "2.4", "--plan", str(REAL_PLAN), "--as-of", "2026-09-10"],
    "workload": ["workload", "--plan", str(REAL_PLAN)],
    "status": ["status", "--plan", str(REAL_PLAN), "--as-of", "2026-11-30"],
    "report": ["report", "--plan", str(REAL_PLAN), "--quarter", "2"],
    "diff": ["diff", str(REAL_PLAN), str(REAL_PLAN)],
}
EXTRA = [  # commands whose formats come from a second declaration
    (["workload", "--plan", str(REAL_PLAN), "--by", "strategic"], formats.BREAKDOWN),
    (["workload", "--plan", str(REAL_PLAN), "--without-priority", "funding-dependent"],
     formats.WORKLOAD),
]


def _is_format(name: str, out: str, data: bytes = b"") -> bool:
    if name == "docx":  # a zip holding a Word document
        return data.startswith(b"PK") and b"word/document.xml" in data
    if name == "json":
        json.loads(out)
        return True
    if name == "markdown":
        return out.lstrip().startswith(("#", "**", "|"))
    if name == "csv":
        rows = list(csv.reader(io.StringIO(out)))
        return len(rows) > 2 and len({len(row) for row in rows}) == 1
    if name == "html":
        return out.lstrip().lower().startswith("<!doctype html")
    if name == "github":
        return out.splitlines()[-1].endswith(")") and all(
            line.startswith("::") for line in out.splitlines()[:-1])
    assert name == "text"
    return not out.lstrip().startswith(("{", "|", "#", "**", "::"))


CASES = [(command, name) for report, command in COMMANDS.items()
         for name in formats.REPORTS[report].names]
CASES += [(command, name) for command, declared in EXTRA for name in declared.names]


def test_every_report_in_the_registry_is_walked() -> None:
    assert set(COMMANDS) == set(formats.REPORTS)
    assert formats.BREAKDOWN.names == formats.WORKLOAD.names  # one --format for both


@pytest.mark.slow
@pytest.mark.parametrize(("command", "name"), CASES,
                         ids=[f"{' '.join(c[:1] + c[3:4])}-{n}" for c, n in CASES])
def test_every_format_choice_produces_that_format(run: Run, command: list[str],
                                                   name: str) -> None:
    result = run(*command, "--format", name)
    assert result.exit_code == 0, result.output
    assert _is_format(name, result.stdout, result.stdout_bytes), result.stdout[:300]


def test_every_declared_renderer_exists() -> None:
    for declared in (*formats.REPORTS.values(), formats.BREAKDOWN):
        for name in declared.names:
            assert callable(declared.renderer(name)), name


def _calls(tree: ast.AST, name: str) -> list[int]:
    return [node.lineno for node in ast.walk(tree) if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name) and node.func.id == name]


@pytest.mark.parametrize("path", MODULES, ids=[str(p.relative_to(SRC)) for p in MODULES])
def test_problems_are_made_by_their_rule(path: Path) -> None:
    if path.relative_to(SRC).as_posix() in ("rules/problems.py", "rules/catalogue.py"):
        return
    tree = ast.parse(path.read_text(encoding="utf-8"))
    assert _calls(tree, "Problem") == [] and _calls(tree, "Finding") == [], \
        "make problems with rules.SOME_RULE.problem(...) or .finding(...)"


# What makes or raises a problem; a rule id passed to one of them as a string is a second
# spelling of the rule ("encoding" is also an attribute's name, so calls are not all checked).
MAKERS = {"_custom", "_parser", "_failed", "error", "Finding", "Problem", "problem", "finding",
          "get"}


def _callee(node: ast.Call) -> str:
    func = node.func
    return func.id if isinstance(func, ast.Name) else (
        func.attr if isinstance(func, ast.Attribute) else "")


@pytest.mark.parametrize("path", MODULES, ids=[str(p.relative_to(SRC)) for p in MODULES])
def test_no_rule_is_named_by_a_string(path: Path) -> None:
    from npmplan.rules.catalogue import RULES

    if path.relative_to(SRC).as_posix() == "rules/catalogue.py":
        return
    tree = ast.parse(path.read_text(encoding="utf-8"))
    named = [ast.unparse(node) for node in ast.walk(tree) if isinstance(node, ast.Call)
             and _callee(node) in MAKERS
             and any(isinstance(arg, ast.Constant) and arg.value in RULES for arg in node.args)]
    assert named == [], "name the rule object: rules.SOME_RULE"


RENDERERS = sorted((SRC / "render").rglob("*.py"))
# The figures of reports. A milestone's or objective's own resolved dates (occurrences,
# active months) are facts of the model that exports lay out, not figures of a report.
FIGURE_FUNCTIONS = {"classify", "months_overdue", "month_loads", "workload", "over_capacity",
                    "milestone_counts", "calendar_rows", "due_report", "status_report",
                    "tally_objective", "slip"}


def _sums_of_figures(tree: ast.AST) -> list[str]:
    """``sum(load.active ...)`` and the like: totals belong to the results."""
    return [ast.unparse(node) for node in ast.walk(tree) if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name) and node.func.id == "sum"
            and any(word in ast.unparse(node) for word in ("load", "active", "tally", "count"))]


@pytest.mark.parametrize("path", RENDERERS, ids=[p.name for p in RENDERERS])
def test_renderers_compute_no_figure(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = {name: _calls(tree, name) for name in FIGURE_FUNCTIONS}
    assert {name: lines for name, lines in found.items() if lines} == {}, \
        "compute the figure in compute/ and carry it in the result"
    assert _sums_of_figures(tree) == []
    capacity = [ast.unparse(node) for node in ast.walk(tree) if isinstance(node, ast.Compare)
                and "capacity" in ast.unparse(node) and "active" in ast.unparse(node)]
    assert capacity == [], "over capacity is compute.workload.over_capacity's to say"


@pytest.mark.parametrize("value", ["9999-12", "0000-01", "2026-13", "2026-02-30"])
def test_a_date_error_is_as_precise_in_every_field(run: Run, tmp_path: Path,
                                                   value: str) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(
        "version: 1\nplan: {title: T, period: 2026-04..2027-03}\n"
        "strategic_objectives:\n  - id: '1'\n    title: S\n    objectives:\n"
        f"      - id: '1.1'\n        title: O\n        schedule: [{value}]\n"
        f"        milestones:\n          - {{when: {value}, what: a}}\n"
        f"          - {{when: 2026-05, moved_to: {value}, what: b}}\n"
        f"          - {{when: 2026-05, status: done, done_on: {value}, what: c}}\n",
        encoding="utf-8")
    result = run("validate", path, "--format", "json")
    messages = [p["message"] for p in json.loads(result.stdout)["problems"]]
    assert len(messages) == 4, messages
    precise = ("write a year between", "does not exist", "has no day")
    assert all(any(words in m for words in precise) for m in messages), messages


@pytest.mark.parametrize("path", MODULES, ids=[str(p.relative_to(SRC)) for p in MODULES])
def test_modules_are_small(path: Path) -> None:
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 400


@pytest.mark.parametrize("period", ["2026-04..9999-12", "0000-01..2026-12", "2026-13..2027-03"])
def test_a_period_error_is_precise(run: Run, tmp_path: Path, period: str) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(f"version: 1\nplan: {{title: T, period: {period}}}\n"
                    "strategic_objectives: []\n", encoding="utf-8")
    problems = json.loads(run("validate", path, "--format", "json").stdout)["problems"]
    [problem] = [p for p in problems if p["rule"] == "bad-period"]
    assert "write a year between" in problem["message"] or "does not exist" in problem["message"]


@pytest.mark.parametrize("path", MODULES, ids=[str(p.relative_to(SRC)) for p in MODULES])
def test_no_function_is_rated_d_or_worse(path: Path) -> None:
    blocks = cc_visit(path.read_text(encoding="utf-8"))
    complex_ = [(b.name, b.complexity) for b in blocks if cc_rank(b.complexity) >= "D"]
    assert complex_ == [], "split these functions"


def test_a_command_line_registers_only_its_command() -> None:
    from typer.main import get_command

    from npmplan.cli.app import COMMANDS, _invoked, make_app

    assert _invoked(["due", "--month", "2026-09"]) == "due"
    assert _invoked(["--help"]) is None and _invoked(["calendr"]) is None
    group = get_command(make_app("due"))
    assert list(group.commands) == ["due"]  # type: ignore[attr-defined]
    assert list(get_command(make_app()).commands) == list(COMMANDS)  # type: ignore[attr-defined]


# Which reports Formats.emit writes without rich's console at each width (every line of the
# laid-out text fits): the calendar is never narrower than 59 columns and the due list than 57,
# so at 40 both are too wide and rich's console lays them out.
DIRECT = {40: set(), 80: {"calendar", "due"}, 100: {"calendar", "due"},
          200: {"calendar", "due"}}


@pytest.mark.parametrize("width", sorted(DIRECT))
def test_plain_output_is_the_bytes_rich_would_print(width: int, monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """What the program prints (``Formats.emit``, to a stream that is not a terminal) is what
    rich's console prints, whether it writes the text directly or through rich."""
    from reports_helpers import model_of
    from rich.cells import cell_len
    from rich.console import Console
    from rich.text import Text

    from npmplan.compute.calendar import calendar_report
    from npmplan.compute.due import due_report
    from npmplan.compute.schedule import Filters
    from npmplan.model.dates import Month
    from npmplan.render.console import make_console
    from npmplan.render.width import RICH_SWITCHES

    for name in RICH_SWITCHES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COLUMNS", str(width))
    consoles: list[int | None] = []

    def console(width: int | None = None) -> Console:  # the program's way to rich
        consoles.append(width)
        return make_console(width=width)

    monkeypatch.setattr(formats, "_console", console)
    plan = model_of(REAL_PLAN)
    month = Month.of(2026, 9)
    results = {"calendar": (formats.CALENDAR, calendar_report(plan, Filters(), month)),
               "due": (formats.DUE, due_report(month, plan.objectives(), plan.plan.period,
                                               plan.plan.title))}
    direct = set()
    for name, (declared, result) in results.items():
        text = declared.render("text", result, width)
        assert isinstance(text, Text) and text.no_wrap
        out = io.StringIO()
        make_console(file=out, width=width).print(text)
        consoles.clear()
        declared.emit("text", result)
        assert capsys.readouterr().out == out.getvalue(), name
        if max(cell_len(line) for line in text.plain.split("\n")) <= width:  # every line fits
            direct.add(name)
            assert out.getvalue() == text.plain + "\n"
        assert consoles == ([] if name in direct else [width]), name  # rich only if needed
    assert direct == DIRECT[width]


@pytest.mark.parametrize("environment", [
    {}, {"COLUMNS": "100"}, {"COLUMNS": "5"}, {"COLUMNS": "5000"}, {"COLUMNS": "wide"},
    {"TERM": "dumb"}, {"NO_COLOR": "1"}, {"FORCE_COLOR": "1"}, {"FORCE_COLOR": ""},
    {"TTY_COMPATIBLE": "1"}, {"TTY_COMPATIBLE": "0"}, {"TTY_INTERACTIVE": "1"}])
def test_plain_width_is_richs_width_where_rich_prints_no_colour(
        environment: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Formats.emit writes plain text without rich's console where ``plain_width`` gives a
    width: there, rich would have printed no colour, at that width."""
    from npmplan.render.console import make_console
    from npmplan.render.width import RICH_SWITCHES, plain_width

    for name in ("COLUMNS", "TERM", "NO_COLOR", *RICH_SWITCHES):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    for stream in (io.StringIO(), open(os.devnull, "w", encoding="utf-8")):  # noqa: SIM115
        with stream:
            width = plain_width(stream)
            console = make_console(file=stream)
            if width is not None:
                assert (width, console.color_system) == (console.width, None)
    forced = any(name in environment for name in RICH_SWITCHES)
    assert (plain_width(io.StringIO()) is None) == (forced or environment == {"COLUMNS": "wide"})


def test_a_terminal_is_left_to_rich() -> None:
    from npmplan.render.width import plain_width

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert plain_width(Terminal()) is None


# The layers, lowest first, and what each may import besides itself. A module belongs to the
# layer of its longest prefix below. ``npmplan`` itself (``__version__``) is open to all.
LAYER_OF = {
    "text": "text",
    "errors": "vocabulary", "rules": "vocabulary",
    "read": "read",
    "model": "model",
    "compute": "compute",
    "check": "check",
    "pipeline": "pipeline", "versions": "pipeline", "history": "pipeline",
    "write": "write",
    "render": "render", "render.reports": "reports", "render.exports": "exports",
    "render.site": "exports",
    "cli": "cli",
    "startup": "entry", "__main__": "entry",
}
_BASE = {"text", "vocabulary"}
MAY_IMPORT: dict[str, set[str]] = {
    "text": set(),
    "vocabulary": {"text"},
    "read": _BASE,
    "model": _BASE | {"read"},
    "compute": _BASE | {"read", "model"},
    "check": _BASE | {"read", "model", "compute"},
    "pipeline": _BASE | {"read", "model", "compute", "check"},
    "write": _BASE | {"read", "model", "compute", "check", "pipeline"},
    "render": _BASE | {"model", "compute"},
    "reports": _BASE | {"model", "compute", "render"},
    "exports": _BASE | {"model", "compute", "render", "reports"},
    "cli": _BASE | {"read", "model", "compute", "check", "pipeline", "write", "render",
                    "reports", "exports"},
    "entry": {"cli"},
}


def layer_of(module: str) -> str:
    """The layer of a dotted module name below ``npmplan`` (``render.reports.due``)."""
    parts = module.split(".")
    for size in range(len(parts), 0, -1):
        if (prefix := ".".join(parts[:size])) in LAYER_OF:
            return LAYER_OF[prefix]
    raise AssertionError(f"{module} is in no layer: add it to LAYER_OF")


def imported(tree: ast.AST, module: str) -> set[str]:
    """Every npmplan module ``tree`` imports, lazily inside functions and under
    TYPE_CHECKING included, as names below ``npmplan`` (``rules.problems``)."""
    package = module.split(".")[:-1]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = (["npmplan", *package][:len(package) + 2 - node.level] if node.level
                    else [])
            source = ".".join([*base, *([node.module] if node.module else [])])
            names = [f"{source}.{alias.name}" if source == "npmplan" else source
                     for alias in node.names]
        else:
            continue
        found |= {name.removeprefix("npmplan.") for name in names
                  if name.startswith("npmplan.")}
    return found - {"__version__"}


def wrong_way(source: str, module: str) -> list[str]:
    """The imports of ``source`` (the text of ``module``) that its layer may not make."""
    layer = layer_of(module)
    allowed = MAY_IMPORT[layer] | {layer}
    return sorted(f"{module} ({layer}) imports {name} ({layer_of(name)})"
                  for name in imported(ast.parse(source), module)
                  if layer_of(name) not in allowed)


def _dotted(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


PACKAGE_MODULES = [p for p in MODULES if p.relative_to(SRC).as_posix() != "__init__.py"]


@pytest.mark.parametrize("path", PACKAGE_MODULES,
                         ids=[str(p.relative_to(SRC)) for p in PACKAGE_MODULES])
def test_imports_run_down_the_layers(path: Path) -> None:
    wrong = wrong_way(path.read_text(encoding="utf-8"), _dotted(path))
    assert not wrong, "\n".join(["imports that run up the layers (see MAY_IMPORT):", *wrong])


@pytest.mark.parametrize(("module", "source"), [
    ("model.values", "from npmplan.cli.common import plan_option\n"),
    ("read.loader", "def f() -> None:\n    from npmplan.model import plan\n"),
    ("compute.due", "from ..check import cross\n"),
    ("render.reports.due", "import npmplan.render.exports.html\n"),
    ("write.edit", "from npmplan.render import formats\n"),
    ("rules.problems", "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                       "    from npmplan.read import loader\n"),
])
def test_a_wrong_way_import_is_caught(module: str, source: str) -> None:
    assert len(wrong_way(source, module)) == 1


@pytest.mark.parametrize("document", ["README.md", "docs/development.md"])
def test_the_documents_draw_the_same_layers(document: str) -> None:
    """Each states the order on a line of its own: ``Layers, lowest first: `text`, ...``."""
    text = (SRC.parent.parent / document).read_text(encoding="utf-8")
    [line] = [line for line in text.splitlines() if line.startswith("Layers, lowest first:")]
    drawn = [word for word in line.split("`")[1::2]]
    assert drawn == list(dict.fromkeys(LAYER_OF.values()))
