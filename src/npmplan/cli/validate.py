"""``npmplan validate``: every problem in every file, and the exit code CI reads."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from npmplan.cli import dates
from npmplan.cli.options import PlanOption, format_option
from npmplan.cli.plans import resolve_plan
from npmplan.render.formats import VALIDATE


def validate(
    plans: Annotated[list[Path] | None, typer.Argument(
        help="Plan files to check. Default: --plan, or the plan chosen as for other commands.",
        show_default=False)] = None,
    plan: PlanOption = None,
    format: str | None = format_option(VALIDATE, default=None),
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail too (exit 1).")]
    = False,
) -> None:
    """Check plan files.

    Every problem in every file, as FILE:LINE:COL: message [rule]; exit 0 when valid,
    1 with problems (warnings too with --strict), 2 for a usage mistake.
    """
    from npmplan.pipeline import read_plan
    from npmplan.rules.problems import Validation

    paths = [resolve_plan(p) for p in plans] if plans else _default_paths(plan)
    chosen = format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    today = dates.today()  # a done_on after it is a warning (date-in-future)
    problems = [p for path in paths for p in read_plan(path, today=today).problems]
    failed = any(p.severity == "error" or strict for p in problems)
    VALIDATE.emit(chosen, Validation(problems, len(paths), not failed))
    raise typer.Exit(1 if failed else 0)


def _default_paths(plan: Path | None) -> list[Path]:
    """The plan chosen as for other commands; when a period in ``plans/`` cannot be read,
    those files, so that their errors are shown (never another year's plan instead)."""

    from npmplan.errors import UsageError
    from npmplan.pipeline import UnreadablePeriodError, discover_plan

    if plan is not None:
        return [resolve_plan(plan)]
    try:
        discover_plan(dates.today())
    except UnreadablePeriodError as exc:
        return [resolve_plan(path) for path in exc.paths]
    except UsageError:
        pass  # resolve_plan says it, with its exit code
    return [resolve_plan(None)]
