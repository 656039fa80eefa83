"""The command line: exit codes, output formats, how the plan is chosen, ``--version``, the
``workload`` report, and that no reporting command writes to the plan."""

from __future__ import annotations

import hashlib
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from conftest import Run, npmplan_process

from npmplan import __version__
from npmplan.model.dates import Month

EXAMPLES = Path(__file__).resolve().parent / "plans"
UNKNOWN_LEAD = EXAMPLES / "invalid" / "unknown-lead.yaml"
LEAD_MESSAGE = ("lead 'jx' is not in the team; use one of the team ids (mk), or add 'jx' "
                "under 'team:'")
REVERSED = EXAMPLES / "invalid" / "reversed-range.yaml"
ID_PREFIX = EXAMPLES / "warnings" / "id-prefix.yaml"
OVER_CAPACITY = EXAMPLES / "warnings" / "over-capacity.yaml"
MINIMAL = EXAMPLES / "valid" / "minimal.yaml"
PROBLEM_KEYS = {"file", "line", "column", "severity", "rule", "path", "message"}


def plan_text(title: str, first: Month, last: Month) -> str:
    return (f"version: 1\nplan:\n  title: {title}\n  period: {first}..{last}\n"
            "strategic_objectives:\n  - id: '1'\n    title: One\n    objectives: []\n")


# --- validate: exit codes ------------------------------------------------------------------


def test_valid_plan_exits_0(run: Run, real_plan: Path) -> None:
    result = run("validate", real_plan)
    assert result.exit_code == 0, result.output
    assert result.stdout.endswith("1 file checked: valid (0 errors, 2 warnings)\n")


def test_invalid_plan_exits_1(run: Run) -> None:
    result = run("validate", UNKNOWN_LEAD)
    assert result.exit_code == 1, result.output
    assert result.stdout == (
        f"{UNKNOWN_LEAD}:15:21: error: {LEAD_MESSAGE} "
        "[unknown-lead]\n1 file checked: not valid (1 error, 0 warnings)\n")


@pytest.mark.parametrize("args", [
    ["validate", "no-such-plan.yaml"],
    ["validate", str(EXAMPLES)],
    ["validate", "--format", "xml", str(MINIMAL)],
    ["validate", "--no-such-option", str(MINIMAL)],
    ["workload", "--plan", "no-such-plan.yaml"],
    ["workload", "--format", "csv", "--plan", str(MINIMAL)],
], ids=["missing file", "directory", "bad format", "bad option", "workload missing plan",
        "workload bad format"])
def test_usage_errors_exit_2(run: Run, args: list[str]) -> None:
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert result.stderr


def test_missing_file_and_folder_messages(run: Run) -> None:
    assert "there is no file 'no-such-plan.yaml'" in run("validate", "no-such-plan.yaml").stderr
    assert "is a folder, not a plan file" in run("validate", EXAMPLES).stderr


def test_one_missing_file_among_several_is_a_usage_error(run: Run) -> None:
    assert run("validate", MINIMAL, "no-such-plan.yaml").exit_code == 2


def test_every_problem_in_every_file_in_one_pass(run: Run) -> None:
    result = run("validate", "--format", "json", REVERSED, ID_PREFIX, UNKNOWN_LEAD)
    assert result.exit_code == 1, result.output
    problems = json.loads(result.stdout)["problems"]
    assert [(p["file"], p["line"], p["column"], p["rule"]) for p in problems] == [
        (str(REVERSED), 13, 22, "reversed-range"),
        (str(REVERSED), 15, 20, "reversed-range"),
        (str(ID_PREFIX), 10, 13, "id-prefix"),
        (str(UNKNOWN_LEAD), 15, 21, "unknown-lead"),
    ]


def test_problems_sorted_by_position_within_a_file(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text("version: 2\nplan:\n  title: x\n  period: 2026-04..2027-03\n"
                    "  extra: 1\nstrategic_objectives:\n  - id: '1'\n    title: One\n"
                    "    objectives:\n      - {id: '1.1', title: a, schedule: [2026-13]}\n"
                    "      - {id: '9.2', title: b, schedule: [2026-08..2026-06]}\n")
    problems = json.loads(run("validate", "-f", "json", path).stdout)["problems"]
    positions = [(p["line"], p["column"]) for p in problems]
    assert positions == sorted(positions)
    assert [p["rule"] for p in problems] == [
        "bad-version", "unknown-key", "bad-months", "reversed-range"]


# --- validate: formats -----------------------------------------------------------------------


def test_json_shape(run: Run) -> None:
    report = json.loads(run("validate", "--format", "json", UNKNOWN_LEAD, ID_PREFIX).stdout)
    assert set(report) == {"valid", "problems"}
    assert report["valid"] is False
    for problem in report["problems"]:
        assert set(problem) == PROBLEM_KEYS
        assert isinstance(problem["line"], int) and isinstance(problem["column"], int)
        assert problem["severity"] in ("error", "warning")
    assert report["problems"][0] == {
        "file": str(UNKNOWN_LEAD), "line": 15, "column": 21, "severity": "error",
        "rule": "unknown-lead", "path": "strategic_objectives[0].objectives[0].leads[1]",
        "message": LEAD_MESSAGE}
    assert report["problems"][1]["severity"] == "warning"


def test_json_of_a_valid_plan(run: Run) -> None:
    assert json.loads(run("validate", "-f", "json", MINIMAL).stdout) == {
        "valid": True, "problems": []}


def test_github_format(run: Run) -> None:
    result = run("validate", "--format", "github", UNKNOWN_LEAD, ID_PREFIX)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"::error file={UNKNOWN_LEAD},line=15,col=21,")
    assert lines[0].endswith(f"::{LEAD_MESSAGE}")
    assert lines[1].startswith(f"::warning file={ID_PREFIX},line=10,col=13,")


def test_github_actions_env_picks_github(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert run("validate", UNKNOWN_LEAD).stdout.startswith("::error file=")
    assert run("validate", "-f", "text", UNKNOWN_LEAD).stdout.startswith(str(UNKNOWN_LEAD))
    assert json.loads(run("validate", "-f", "json", UNKNOWN_LEAD).stdout)["valid"] is False


def test_text_is_the_default_outside_github(run: Run) -> None:
    assert run("validate", UNKNOWN_LEAD).stdout.startswith(f"{UNKNOWN_LEAD}:15:21: error: ")


def test_github_escapes_commas_and_colons_in_the_file_name(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "a,b:c.yaml"
    path.write_text(UNKNOWN_LEAD.read_text())
    first = run("validate", "-f", "github", path).stdout.splitlines()[0]
    assert first.startswith("::error file=" + str(tmp_path) + "/a%2Cb%3Ac.yaml,line=15,col=21,")


def test_github_summary_counts_the_problems(run: Run) -> None:
    result = run("validate", "--format", "github", UNKNOWN_LEAD, ID_PREFIX)
    assert result.stdout.splitlines()[-1] == "2 files checked: not valid (1 error, 1 warning)"


def test_strict_fails_on_warnings(run: Run) -> None:
    assert run("validate", ID_PREFIX).exit_code == 0
    result = run("validate", "--strict", ID_PREFIX)
    assert result.exit_code == 1
    assert result.stdout.endswith("1 file checked: not valid (0 errors, 1 warning)\n")
    assert run("validate", "--strict", MINIMAL).exit_code == 0


# --- choosing the plan ---------------------------------------------------------------------


def this_month() -> Month:
    today = date.today()
    return Month.of(today.year, today.month)


@pytest.fixture
def plans_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plans").mkdir()
    return tmp_path / "plans"


def chosen_title(run: Run, *args: str) -> str:
    result = run("workload", "--format", "json", *args)
    assert result.exit_code == 0, result.output
    title: str = json.loads(result.stdout)["plan"]
    return title


def test_plan_containing_today_wins(run: Run, plans_dir: Path) -> None:
    now = this_month()
    # Sorted by name, the current plan is neither first nor last; a later plan exists.
    (plans_dir / "a-old.yaml").write_text(plan_text("Old", now.shift(-24), now.shift(-13)))
    (plans_dir / "b-current.yaml").write_text(plan_text("Current", now.shift(-3), now.shift(8)))
    (plans_dir / "c-next.yaml").write_text(plan_text("Next", now.shift(9), now.shift(20)))
    assert chosen_title(run) == "Current"
    validated = run("validate")
    assert validated.exit_code == 0
    assert validated.stdout.startswith("1 file checked: valid")


def test_latest_plan_wins_when_none_contains_today(run: Run, plans_dir: Path) -> None:
    now = this_month()
    (plans_dir / "a-latest.yaml").write_text(plan_text("Latest", now.shift(-14), now.shift(-3)))
    (plans_dir / "b-older.yaml").write_text(plan_text("Older", now.shift(-26), now.shift(-15)))
    assert chosen_title(run) == "Latest"


def test_plan_option_and_env_override_the_folder(run: Run, plans_dir: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    now = this_month()
    (plans_dir / "current.yaml").write_text(plan_text("Current", now.shift(-3), now.shift(8)))
    other = plans_dir.parent / "other.yaml"
    other.write_text(plan_text("Other", now.shift(-40), now.shift(-29)))
    assert chosen_title(run, "--plan", str(other)) == "Other"
    assert chosen_title(run, "-p", str(other)) == "Other"
    monkeypatch.setenv("NPMPLAN_PLAN", str(other))
    assert chosen_title(run) == "Other"
    assert chosen_title(run, "--plan", str(plans_dir / "current.yaml")) == "Current"


def test_no_plan_found_says_where_it_looked(run: Run, plans_dir: Path) -> None:
    for args in (["workload"], ["validate"]):
        result = run(*args)
        assert result.exit_code == 2, result.output
        assert "no plan found" in result.stderr
        assert "'plans'" in result.stderr
        assert "--plan" in result.stderr


# --- version -------------------------------------------------------------------------------


def test_version_option(run: Run) -> None:
    for flag in ("--version", "-V"):
        result = run(flag)
        assert result.exit_code == 0
        assert result.stdout == f"npmplan {__version__}\n"


@pytest.mark.slow
def test_python_m_npmplan_version() -> None:
    done = npmplan_process("--version")
    assert (done.returncode, done.stdout.decode()) == (0, f"npmplan {__version__}\n")


@pytest.mark.slow
def test_version_does_not_import_pydantic() -> None:
    done = npmplan_process("--version", python=["-X", "importtime"])
    assert done.returncode == 0
    imported = done.stderr.decode()
    assert "npmplan" in imported  # importtime is reporting
    assert "pydantic" not in imported
    assert "typer" not in imported


# --- workload ------------------------------------------------------------------------------


def test_workload_json_shape_and_figures(run: Run, real_plan: Path) -> None:
    result = run("workload", "--format", "json", "--plan", real_plan)
    assert result.exit_code == 0, result.output
    report: dict[str, Any] = json.loads(result.stdout)
    assert set(report) == {"plan", "period", "months", "total", "capacity"}
    assert report["plan"] == "UK NPM Business Plan 2026-27"
    assert report["period"] == ["2026-04", "2027-03"]
    assert (report["total"], report["capacity"]) == (194, None)
    months = report["months"]
    assert [m["month"] for m in months][:3] == ["2026-04", "2026-05", "2026-06"]
    assert [m["active"] for m in months] == [8, 11, 17, 18, 19, 17, 18, 19, 18, 16, 16, 17]
    for month in months:
        assert set(month) == {"month", "active", "over", "by_kind", "ids"}
        assert month["over"] is False  # the plan sets no capacity
        assert set(month["by_kind"]) == {"active", "meetings", "production"}
        assert sum(month["by_kind"].values()) == month["active"] == len(month["ids"])
    assert months[0]["by_kind"] == {"active": 7, "meetings": 1, "production": 0}


def test_workload_json_of_a_small_plan(run: Run) -> None:
    report = json.loads(run("workload", "-f", "json", "-p", OVER_CAPACITY).stdout)
    assert report["capacity"] == 1
    assert report["total"] == 6
    june = report["months"][2]
    assert june == {"month": "2026-06", "active": 2, "over": True,
                    "by_kind": {"active": 2, "meetings": 0, "production": 0},
                    "ids": ["1.1", "1.2"]}
    assert [m["month"] for m in report["months"] if m["over"]] == ["2026-06"]


def test_workload_text_flags_months_over_capacity(run: Run) -> None:
    result = run("workload", "--plan", OVER_CAPACITY)
    assert result.exit_code == 0, result.output
    rows = [line for line in result.stdout.splitlines() if "26 " in line or "27 " in line]
    assert len(rows) == 12
    flagged = [row.split()[1:3] for row in rows if "▲" in row]
    assert flagged == [["Jun", "26"]]
    assert "over 1" in next(row for row in rows if "▲" in row)


def test_workload_text_without_capacity_flags_nothing(run: Run, real_plan: Path) -> None:
    result = run("workload", "--plan", real_plan)
    assert result.exit_code == 0, result.output
    body = result.stdout.split("Total")[0]
    assert "▲" not in body
    assert "│ Apr 26 │      8 │" in result.stdout
    assert "194" in result.stdout


def test_workload_on_an_invalid_plan_lists_errors_and_exits_1(run: Run) -> None:
    result = run("workload", "--plan", UNKNOWN_LEAD)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert f"{UNKNOWN_LEAD}:15:21: error:" in result.stderr
    assert "npmplan validate" in result.stderr


# --- reporting commands never write to the plan ----------------------------------------------


def test_reporting_commands_do_not_write_the_plan(run: Run, tmp_path: Path,
                                                  real_plan: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_bytes(real_plan.read_bytes())
    before = (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns)
    commands: list[list[str | Path]] = [
        ["validate", path], ["validate", "-f", "json", "--strict", path],
        ["validate", "-f", "github", path], ["workload", "-p", path],
        ["workload", "-f", "json", "-p", path]]
    for args in commands:
        assert run(*args).exit_code in (0, 1)
    after = (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns)
    assert after == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.yaml"]


def test_plan_in_flow_style_containing_today_wins(run: Run, plans_dir: Path) -> None:
    now = this_month()
    (plans_dir / "a-current.yaml").write_text(
        f"version: 1\nplan: {{title: Current, period: {now.shift(-3)}..{now.shift(8)}}}\n"
        "strategic_objectives: [{id: '1', title: One, objectives: []}]\n")
    (plans_dir / "b-old.yaml").write_text(plan_text("Old", now.shift(-24), now.shift(-13)))
    assert chosen_title(run) == "Current"


def test_a_bug_is_reported_in_one_sentence_not_a_traceback(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:

    from npmplan.cli import app as cli

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(cli, "make_app", lambda only=None: broken)
    monkeypatch.setattr(sys, "argv", ["npmplan", "calendar"])
    with pytest.raises(SystemExit) as stop:
        cli.run()
    assert stop.value.code == cli.INTERNAL_ERROR
    err = capsys.readouterr().err
    assert "internal error (RuntimeError: boom)" in err and "Traceback" not in err
    monkeypatch.setenv("NPMPLAN_DEBUG", "1")
    with pytest.raises(RuntimeError):
        cli.run()


@pytest.mark.parametrize(("args", "said"), [
    (["due", "--by", "team"], "'team' is not one of: lead, objective"),
    (["due", "--by", "obj"], "did you mean 'objective'?"),
    (["workload", "--by", "leads"], "'leads' is not one of: lead, strategic, priority; "
                                    "did you mean 'lead'?"),
    (["due", "-f", "md"], "did you mean 'markdown'?"),
    (["calendar", "--format", "xlsx"], "'npmplan export xlsx' writes that"),
    (["report", "-f", "pdf"], "'pdf' is not one of: text, markdown, html, json"),
    (["report", "--quarter", "x"], "--quarter x: 'x' is not a quarter: write its number, 1 "
                                   "to 4, or a month in it"),
    (["report", "-q", "0"], "--quarter 0: the plan has quarters 1 to 4: Q1, April to June "
                            "2026; Q2, July to September 2026;"),
    (["report", "-q", "-1"], "--quarter -1: the plan has quarters 1 to 4"),
    (["report", "-q", "9" * 12], "--quarter 999999999999: the plan has quarters 1 to 4"),
    (["report", "-q", "2027-08"], "August 2027 is outside the plan period"),
    (["export", "xlsx", "-q", "two", "-o", "unused.xlsx"], "'two' is not a quarter"),
    (["add", "2.4", "--when", "2026-12", "--what", "x", "--every", "-1", "--dry-run"],
     "-1 is out of range; write 1 or more"),
    (["add", "2.4", "--when", "2026-12", "--what", "x", "--every", "9" * 30, "--dry-run"],
     "is far too large"),
])
def test_a_choice_not_made_is_said_the_same_way_everywhere(run: Run, real_plan: Path,
                                                         args: list[str], said: str) -> None:
    result = run(*args, "--plan", real_plan)
    assert result.exit_code == 2
    assert said in result.stderr
    assert "Value error" not in result.stderr and "Input should" not in result.stderr


def test_every_choice_and_number_on_the_command_line_is_checked_by_npmplan() -> None:
    """An Enum, Literal or int parameter would be checked by typer, which words a wrong
    value "Value error, ..." or "Input should be a valid integer, ..."; every choice goes
    through ``cli.options.choice_option`` and every number through ``whole_number``."""
    import enum
    import typing

    from typer.main import get_command

    from npmplan.cli.app import make_app
    from npmplan.cli.options import EXPORTS

    def commands(group: Any) -> Any:
        for command in group.commands.values():
            yield from commands(command) if hasattr(command, "commands") else [command]

    every = list(commands(get_command(make_app())))
    for command in every:
        for param in command.params:
            annotation = param.type_descriptor.annotation
            for kind in (annotation, *typing.get_args(annotation)):
                assert not (isinstance(kind, type) and issubclass(kind, enum.Enum)), param
                assert typing.get_origin(kind) is not typing.Literal, param
                # a number goes through cli.options.whole_number, not pydantic's words
                assert kind is not int or param.type_descriptor.parameter_info.parser, param
    exports = next(c for c in get_command(make_app()).commands.values()  # type: ignore[attr-defined]
                   if c.name == "export")
    assert set(exports.commands) == set(EXPORTS)


def test_every_option_says_what_to_write_not_its_type() -> None:
    """Officers read the help: ``--as-of YYYY-MM-DD``, ``--plan FILE``, never ``<str>``."""
    from typer.main import get_command

    from npmplan.cli.app import make_app

    def commands(group: Any) -> Any:
        for command in group.commands.values():
            yield from commands(command) if hasattr(command, "commands") else [command]

    for command in commands(get_command(make_app())):
        for param in command.params:
            if param.param_type_name == "option" and not param.is_flag:
                assert param.metavar, f"{command.name} {param.opts}"
