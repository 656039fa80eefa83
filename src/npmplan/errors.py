"""The one exception family of npmplan. Subclasses carry data for the CLI to show."""

from __future__ import annotations

from npmplan.rules.problems import Problem


class NpmplanError(Exception):
    """Base class: anything npmplan reports to the user rather than crashing on."""


class UsageError(NpmplanError):
    """The command line names something that cannot be used (exit 2)."""


class ConflictError(NpmplanError):
    """An edit would overwrite a record (a milestone done or cancelled): exit 1, nothing
    written; the message names the record and the flag that overwrites it."""


class PlanError(NpmplanError):
    """A plan file has errors; ``problems`` says where and what (exit 1)."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s)")
