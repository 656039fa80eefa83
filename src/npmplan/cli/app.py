"""The npmplan command line: the typer app, its commands (one module each), and ``run``.

Every command is resolve the plan → load → compute → render → exit code.

Each command imports what it needs inside its body, so that ``--help`` and ``--version``
never import pydantic or build the models (start-up time is this tool's performance).
Exit codes: 0 ok, 1 an invalid plan (or warnings with ``--strict``) or a lost standard
output, 2 usage (a path that cannot be used included), 70 a bug in npmplan, 130 Ctrl-C.
"""

from __future__ import annotations

import errno
import importlib
import os
import sys
from typing import Annotated

import typer

from npmplan import __version__
from npmplan.cli.messages import fail

# Every command, in the order --help lists them: name → the module in npmplan.cli that
# defines it as a function of the same name. A new command is a module and a line here.
COMMANDS = ("validate", "calendar", "due", "workload", "show", "status", "report", "diff",
            "new", "done", "move", "cancel", "reopen", "add", "lead", "schedule", "comment",
            "return", "import", "schema", "site", "export")
# Commands whose names are Python keywords: their module and function.
_SPELLED = {"return": ("returns", "return_"), "import": ("imports", "import_")}


def _version(value: bool) -> None:
    if value:
        typer.echo(f"npmplan {__version__}")
        raise typer.Exit()


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


def make_app(only: str | None = None) -> typer.Typer:
    """The app with every command, or with ``only`` that one: typer turns each registered
    command's options into parsers when it runs, so a command line that names its command
    registers that command alone (click's lazy loading of subcommands)."""
    made = typer.Typer(
        name="npmplan",
        help="The UK NPM business plan as a checked YAML file: calendar, workload and "
             "stand-ups.",
        context_settings={"help_option_names": ["-h", "--help"]},
        no_args_is_help=True,
        rich_markup_mode=None,
        pretty_exceptions_enable=False,
    )
    made.callback()(_root)
    for name in COMMANDS if only is None else (only,):
        module_name, function = _SPELLED.get(name, (name, name))
        module = importlib.import_module(f"npmplan.cli.{module_name}")
        if name == "export":
            made.add_typer(module.export_app, name="export")
        else:
            made.command(name=name)(getattr(module, function))
    return made


def __getattr__(name: str) -> typer.Typer:
    """``app``: every command, made when first asked for (the tests, docs/generate.py)."""
    if name == "app":
        return make_app()
    raise AttributeError(name)


def _invoked(argv: list[str]) -> str | None:
    """The command a command line names, when it names one (else every command is needed:
    ``--help``, a typo to suggest against, completion)."""
    if os.environ.get("_NPMPLAN_COMPLETE") or not argv:
        return None
    return argv[0] if argv[0] in COMMANDS else None


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
    from npmplan.text import shown

    try:
        try:
            make_app(_invoked(sys.argv[1:]))(prog_name="npmplan")
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
        if exc.filename is not None and exc.errno in _PATH_ERRORS:
            return _path_error(exc)
        return _internal_error(exc)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        return _internal_error(exc)
    return 0


# What a path given on the command line can be wrong with, said by the system when npmplan
# first looks at it (a 300-character name, a loop of links): the user's to fix, so a usage
# error, wherever in a command the path is first used.
_PATH_ERRORS = frozenset(getattr(errno, name) for name in (
    "ENAMETOOLONG", "ELOOP", "ENOTDIR", "EACCES", "EPERM", "ENOENT", "EISDIR", "EROFS",
    "EINVAL") if hasattr(errno, name))


def _path_error(exc: OSError) -> int:
    from npmplan.pipeline import _reason
    from npmplan.text import shown

    name = shown(os.fsdecode(exc.filename))
    name = name if len(name) <= 120 else f"{name[:60]}…{name[-40:]} ({len(name)} characters)"
    print(f"npmplan: cannot use '{name}': {_reason(exc)}", file=sys.stderr)
    return 2


def _internal_error(exc: Exception) -> int:
    from npmplan.text import shown

    if os.environ.get("NPMPLAN_DEBUG") == "1":
        raise exc
    print(f"npmplan: internal error ({type(exc).__name__}: {shown(str(exc))[:500]}). This is "
          "a bug in npmplan, not in your plan: please report it with the command you ran and "
          "the plan file (NPMPLAN_DEBUG=1 shows the details).", file=sys.stderr)
    return INTERNAL_ERROR
