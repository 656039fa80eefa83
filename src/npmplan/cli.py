"""The typer commands: resolve the plan → load → compute → render → exit code.

Each command imports what it needs inside its body, so that ``--help`` and ``--version``
never import pydantic or build the models (start-up time is this tool's performance).
Exit codes: 0 ok, 1 an invalid plan (or warnings with ``--strict``), 2 usage.
"""

from __future__ import annotations

import os
import sys
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from npmplan import __version__

if TYPE_CHECKING:
    from npmplan.model import Plan

app = typer.Typer(
    name="npmplan",
    help="The UK NPM business plan as a checked YAML file: calendar, workload and stand-ups.",
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)

PlanOption = Annotated[
    Path | None,
    typer.Option("--plan", "-p", envvar="NPMPLAN_PLAN", show_envvar=True,
                 help="The plan file. Default: the file in ./plans/ whose period contains "
                      "today, else the latest one."),
]


class ValidateFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"


class TableFormat(str, Enum):
    text = "text"
    json = "json"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"npmplan {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", "-V", callback=_version,
                                          is_eager=True, help="Show the version and exit.")]
    = False,
) -> None:
    """The UK NPM business plan as a checked YAML file: calendar, workload and stand-ups."""


def fail(message: str, code: int) -> NoReturn:
    typer.echo(f"npmplan: {message}", err=True)
    raise typer.Exit(code)


def resolve_plan(plan: Path | None) -> Path:
    from npmplan.errors import UsageError
    from npmplan.pipeline import check_readable, find_plan

    try:
        path = plan if plan is not None else find_plan(Path("plans"), date.today())
        check_readable(path)
    except UsageError as exc:
        fail(str(exc), 2)
    return path


def load_plan(plan: Path | None) -> Plan:
    """The plan of a reporting command; an invalid one stops here with its errors."""
    from npmplan.pipeline import read_plan
    from npmplan.render.safe import one_line

    path = resolve_plan(plan)
    result = read_plan(path)
    if result.plan is None:
        for problem in result.errors[:20]:
            typer.echo(one_line(str(problem)), err=True)
        more = len(result.errors) - 20
        fail(f"{path} has {len(result.errors)} error(s){f' ({more} more not shown)' if more > 0 else ''}; "
             f"fix them first (npmplan validate {path} lists them all)", 1)
    return result.plan


@app.command()
def validate(
    plans: Annotated[list[Path] | None, typer.Argument(
        help="Plan files to check. Default: --plan, or the plan chosen as for other commands.",
        show_default=False)] = None,
    plan: PlanOption = None,
    format: Annotated[ValidateFormat | None, typer.Option(
        "--format", "-f", help="text, json, or github (workflow annotations; the default "
        "when GITHUB_ACTIONS=true).")] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail too (exit 1).")]
    = False,
) -> None:
    """Check plan files: every problem in every file, as FILE:LINE:COL: message [rule]."""
    from npmplan.pipeline import read_plan
    from npmplan.render.problems import FORMATS

    paths = [resolve_plan(p) for p in plans] if plans else [resolve_plan(plan)]
    chosen = format.value if format else (
        "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    results = [read_plan(path) for path in paths]
    problems = [p for result in results for p in result.problems]
    failed = any(p.severity == "error" or strict for p in problems)
    typer.echo(FORMATS[chosen](problems, len(paths), not failed))
    raise typer.Exit(1 if failed else 0)


@app.command()
def workload(
    plan: PlanOption = None,
    format: Annotated[TableFormat, typer.Option("--format", "-f", help="text or json.")]
    = TableFormat.text,
) -> None:
    """Active activities per month, by kind, with months over capacity flagged."""
    from npmplan.render import json_out
    from npmplan.render.console import make_console
    from npmplan.render.workload import legend, workload_table
    from npmplan.schedule import workload as compute

    model = load_plan(plan)
    loads = compute(model.months(), model.objectives())
    if format is TableFormat.json:
        typer.echo(json_out.dumps(json_out.workload(model, loads)))
        return
    console = make_console()
    console.print(workload_table(model.plan.title, loads, model.plan.capacity))
    console.print(legend(model.plan.capacity))


@app.command()
def schema() -> None:
    """Print the JSON Schema of the plan format (schemas/plan.schema.json is this output)."""
    from npmplan.render.json_out import dumps
    from npmplan.schemas import plan_schema

    typer.echo(dumps(plan_schema()))


def run() -> None:
    """Run the app; a closed pipe or Ctrl-C ends quietly rather than with a traceback."""
    try:
        app(prog_name="npmplan")
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)
