"""Which plan a command reads, and reading it: ``resolve_plan`` once per command, then
``load_resolved`` (or ``load_plan``, both in one, for a command that needs no path).

    >>> path = resolve_plan(plan)          # doctest: +SKIP
    >>> model = load_resolved(path)        # doctest: +SKIP
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from npmplan.cli import dates
from npmplan.cli.messages import fail, show_errors

if TYPE_CHECKING:
    from npmplan.model.plan import Plan
    from npmplan.pipeline import PlanResult


def resolve_plan(plan: Path | None) -> Path:
    """The plan file named, or the one for today found in ``plans/`` (see ``pipeline``),
    once it is known to be a file that can be read."""
    from npmplan.errors import UsageError
    from npmplan.pipeline import UnreadablePeriodError, check_readable, discover_plan

    try:
        path = plan if plan is not None else discover_plan(dates.today())
        check_readable(path)
    except UsageError as exc:
        fail(str(exc), 2)
    except UnreadablePeriodError as exc:
        fail(str(exc), 1)
    return path


def load_plan(plan: Path | None) -> Plan:
    """The plan of a reporting command that needs only its model."""
    return load_resolved(resolve_plan(plan))


def load_resolved(path: Path) -> Plan:
    """The plan at ``path`` (from ``resolve_plan``); an invalid one stops here with its
    errors."""
    from npmplan.pipeline import read_plan

    result = read_plan(path)
    if result.plan is None:
        fail(f"{path} has {show_errors(result)}; fix them first "
             f"(npmplan validate {path} lists them all)", 1)
    return result.plan


def valid_plan(result: PlanResult) -> Plan | None:
    """The plan, or None after showing its errors."""
    if result.plan is None:
        from npmplan.text import one_line

        typer.echo(f"npmplan: {one_line(result.file)} has {show_errors(result)}", err=True)
    return result.plan
