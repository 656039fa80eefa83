"""How every command speaks on stderr: failing with an exit code, a note, and the errors of
an invalid plan. Every module of ``cli`` may import it; it imports none of them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, NoReturn

import typer

if TYPE_CHECKING:
    from npmplan.pipeline import PlanResult
    from npmplan.rules.problems import Problem


def fail(message: str, code: int) -> NoReturn:
    """Say what is wrong on stderr and exit. The message often quotes what the user typed
    (a file name, an id): ``shown`` names any invisible character in it rather than let it
    act on the terminal."""
    from npmplan.text import shown

    # Line by line: a message may list candidates on lines of their own.
    typer.echo("npmplan: " + "\n".join(shown(line) for line in message.split("\n")), err=True)
    raise typer.Exit(code)


def note(message: str) -> None:
    """Say on stderr why an option changes nothing; the report still follows (exit 0)."""
    typer.echo(f"npmplan: note: {message}", err=True)


SHOWN_ERRORS = 20  # a command refused for errors shows this many; validate shows them all


def show_errors(result: PlanResult) -> str:
    """Show the first errors of an invalid file on stderr; say how many there are."""
    show_problems(result.errors[:SHOWN_ERRORS])
    more = len(result.errors) - SHOWN_ERRORS
    return f"{len(result.errors)} error(s)" + (f" ({more} more not shown)" if more > 0 else "")


def show_problems(problems: Iterable[Problem]) -> None:
    """Each problem on a line of stderr, with its file:line:col (``one_line``: safe text)."""
    from npmplan.text import one_line

    for problem in problems:
        typer.echo(one_line(str(problem)), err=True)
