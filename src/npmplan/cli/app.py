"""The npmplan command line: the typer app, its commands (one module each), and ``run``.

Every command is resolve the plan → load → compute → render → exit code.

Each command imports what it needs inside its body, so that ``--help`` and ``--version``
never import pydantic or build the models (start-up time is this tool's performance).
Exit codes: 0 ok, 1 an invalid plan (or warnings with ``--strict``), 2 usage.
"""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer

from npmplan import __version__
from npmplan.cli import calendar, diff, due, new, schema, show, status, validate, workload
from npmplan.cli.common import fail
from npmplan.cli.export import export_app

app = typer.Typer(
    name="npmplan",
    help="The UK NPM business plan as a checked YAML file: calendar, workload and stand-ups.",
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)

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
    from npmplan.errors import UsageError
    from npmplan.read.limits import max_bytes

    try:
        max_bytes()  # a bad NPMPLAN_MAX_BYTES is said once, before any command reads a plan
    except UsageError as exc:
        fail(str(exc), 2)


# One module per command; a new command is a module and a line here.
for command in (validate.validate, calendar.calendar, due.due, workload.workload, show.show,
                status.status, diff.diff, new.new, schema.schema):
    app.command()(command)
app.add_typer(export_app, name="export")


INTERNAL_ERROR = 70  # EX_SOFTWARE: a bug in npmplan, not a problem with the plan
OUTPUT_LOST = 1  # standard output closed or unwritable: the report did not reach anyone


def run() -> None:
    """Run the app. A closed pipe ends as for other Unix tools (by SIGPIPE, no message), a
    closed standard output in one sentence and exit 1, Ctrl-C quietly; a bug in npmplan
    itself is said in one sentence an officer can pass on (``NPMPLAN_DEBUG=1`` shows the
    traceback)."""
    from npmplan.cli import process

    with process.guarded():
        code = _run_app()
    sys.exit(code)


def _run_app() -> int | str | None:
    from npmplan.cli import process
    from npmplan.errors import NpmplanError, UsageError
    from npmplan.render.safe import shown

    try:
        try:
            app(prog_name="npmplan")
        finally:
            process.flush_stdout()
    except SystemExit as exc:
        return exc.code
    except NpmplanError as exc:  # raised below a command, e.g. an unreadable plan
        print(f"npmplan: {shown(str(exc))}", file=sys.stderr)
        return 2 if isinstance(exc, UsageError) else 1
    except BrokenPipeError:
        return process.pipe_closed()
    except OSError as exc:
        if process.is_output_lost(exc):
            return process.output_lost()
        return _internal_error(exc)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        return _internal_error(exc)
    return 0


def _internal_error(exc: Exception) -> int:
    from npmplan.render.safe import shown

    if os.environ.get("NPMPLAN_DEBUG") == "1":
        raise exc
    print(f"npmplan: internal error ({type(exc).__name__}: {shown(str(exc))[:500]}). This is "
          "a bug in npmplan, not in your plan: please report it with the command you ran and "
          "the plan file (NPMPLAN_DEBUG=1 shows the details).", file=sys.stderr)
    return INTERNAL_ERROR
