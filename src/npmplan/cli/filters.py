"""The filters of a report (``--strategic``, ``--lead``, ``--priority``, ``--from``/``--to``),
each known to select something that exists, and why a filter or a grouping finds nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from npmplan.cli.messages import fail

if TYPE_CHECKING:
    from npmplan.compute.schedule import Filters
    from npmplan.model.dates import Month
    from npmplan.model.plan import Plan


def filters(model: Plan, strategic: str | None = None, lead: str | None = None,
            priority: str | None = None,
            months: tuple[Month | None, Month | None] = (None, None)) -> Filters:
    """The report's filters once each is known to select something that exists (else a
    usage error that names the values there are)."""
    from npmplan.compute.schedule import PRIORITY_CHOICES, Filters

    check_filters(model, strategic, lead)
    if priority is not None and priority not in PRIORITY_CHOICES:
        fail(f"--priority '{priority}' is not a priority; use core, standard, "
             "funding-dependent or none", 2)
    if priority is not None and (why := no_priority(model, priority, f"--priority {priority}")):
        fail(why, 2)
    window = None
    if months != (None, None):
        first, last = model.plan.period
        window = (max(months[0] or first, first), min(months[1] or last, last))
        if window[0] > window[1]:
            fail("--from/--to leave no month of the plan period "
                 f"{first}..{last} to show", 2)
    return Filters(strategic, priority, lead, window)


def check_filters(model: Plan, strategic: str | None, lead: str | None) -> None:
    """An unknown filter value is a usage error that names the values there are."""
    from npmplan.rules.suggest import unknown_message

    if strategic is not None:
        known = [so.id for so in model.strategic_objectives]
        if strategic not in known:
            fail(unknown_message("strategic objective", strategic, known), 2)
    if lead is not None:
        known = [member.id for member in model.team]
        if lead not in known:
            fail(unknown_message("team member", lead, known), 2)
        if (why := no_leads(model, f"--lead {lead}")) is not None:
            fail(why, 2)


def no_leads(model: Plan, option: str) -> str | None:
    """Why ``option`` (``--lead mk``, ``--by lead``) finds nothing when no objective has
    ``leads``, and how to set them; None when some objective has leads."""
    if any(objective.leads for _, objective in model.objectives()):
        return None
    team = ", ".join(member.id for member in model.team)
    how = (f"add the lead's team id ({team}) under an objective, e.g. leads: "
           f"[{model.team[0].id}]" if team else
           "add the person under team: (id and name), then their id under an objective's "
           "leads:, e.g. leads: [mk]")
    verb = "group" if option.startswith("--by") else "select"
    return (f"{option}: no objective in this plan has leads, so there is nothing to {verb} "
            f"by lead; {how}")


def no_priority(model: Plan, priority: str, option: str) -> str | None:
    """Why ``option`` finds nothing when no objective has ``priority`` ("none": not
    stated), and how to set it; None when some objective has it."""
    found = {objective.priority or "none" for _, objective in model.objectives()}
    if priority in found:
        return None
    if priority == "none":
        return f"{option}: every objective states its priority, so none has priority 'none'"
    stated = ", ".join(sorted(found - {"none"})) or "none"
    return (f"{option}: no objective in this plan has priority {priority} (the priorities "
            f"set: {stated}); set it under an objective, e.g. priority: {priority}")
