"""The options that name a day, a month or a quarter (``--as-of``, ``--month``, ``--from``,
``--quarter``), read with the model's date forms; a wrong one is a usage error (exit 2).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from npmplan.cli.messages import fail

if TYPE_CHECKING:
    from npmplan.compute.quarters import Quarter
    from npmplan.model.dates import Month
    from npmplan.model.plan import Plan


def today() -> date:
    """Today, for every command: the one place that reads the clock, so that a test can
    play a year through in process (``monkeypatch.setattr(dates, "today", ...)``)."""
    return date.today()


def parse_as_of(as_of: str | None) -> date:
    from npmplan.model.dates import parse_day

    if as_of is None:
        return today()
    try:
        return parse_day(as_of)
    except ValueError as exc:
        fail(f"--as-of: {exc}", 2)


def parse_month_option(name: str, value: str | None) -> Month | None:
    from npmplan.model.dates import parse_month

    if value is None:
        return None
    try:
        return parse_month(value)
    except ValueError as exc:
        fail(f"{name}: {exc}", 2)


def numbered_quarter(model: Plan, quarter: str) -> Quarter:
    """The plan quarter ``--quarter`` names (``compute.report.quarter_named``: a number or a
    month in it), or a usage error; the same words for every command that takes it."""
    from npmplan.compute.quarters import quarter_named

    try:
        return quarter_named(model.plan.period, quarter)
    except ValueError as exc:
        fail(f"--quarter {quarter.strip()}: {exc}", 2)
