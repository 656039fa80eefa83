"""What every command shares: the plan and filter options, the ``--format`` option made
from a report's declared formats, choosing and loading the plan, and failing cleanly.
Every module of ``cli`` imports it; it imports none of them.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from npmplan.render.formats import Formats

if TYPE_CHECKING:
    from npmplan.compute.report import Quarter
    from npmplan.compute.schedule import Filters
    from npmplan.model.dates import Month
    from npmplan.model.plan import Plan
    from npmplan.pipeline import PlanResult

PlanOption = Annotated[
    Path | None,
    typer.Option("--plan", "-p", metavar="FILE", envvar="NPMPLAN_PLAN", show_envvar=True,
                 help="The plan file. Default: the file in ./plans/ whose period contains "
                      "today, else the latest one."),
]


# What `npmplan export` writes: a --format that names one of them is pointed there.
EXPORTS = ("ics", "mermaid", "html", "xlsx", "json", "docx")


def choice_option(flags: tuple[str, ...], choices: tuple[str, ...], help: str,
                  default: str | None = None, exports: bool = False) -> Any:
    """An option that takes one of ``choices``, checked here so that every such option
    says a wrong value the same way, with a "did you mean" (typer's own check of an Enum
    words it "Value error, ..."). ``exports``: point a value that is an export's name at
    ``npmplan export``."""

    def check(value: str | None) -> str | None:
        if value is not None and value not in choices:
            raise typer.BadParameter(not_one_of(value, choices, exports))
        return value

    return typer.Option(default, *flags, metavar="|".join(choices), help=help,
                        callback=check, show_default=default is not None,
                        autocompletion=lambda: list(choices))


def not_one_of(value: str, choices: tuple[str, ...], exports: bool = False) -> str:
    """``'md' is not one of: text, markdown, json; did you mean 'markdown'?``"""
    from npmplan.rules.suggest import close_matches
    from npmplan.text import shown

    close = close_matches(value, list(choices)) or [
        choice for choice in choices if _abbreviates(value.lower(), choice)][:1]
    hint = f"; did you mean '{close[0]}'?" if close else ""
    if exports and value in EXPORTS:
        hint += f"; 'npmplan export {value}' writes that"
    return f"'{shown(value)}' is not one of: {', '.join(choices)}{hint}"


def whole_number(minimum: int | None = 0, maximum: int | None = None) -> Any:
    """A parser for an option that takes a whole number (``typer.Option(parser=...)``): a
    wrong value is said in plain words (typer's own check says "Input should be a valid
    integer, unable to parse string as an integer"). ``minimum=None``: any whole number,
    for a command whose range depends on the plan and that says it itself."""

    def parse(value: str) -> int:
        text = value.strip()
        digits = text[1:] if text[:1] in ("+", "-") else text
        if not (digits.isascii() and digits.isdigit()):
            from npmplan.text import shown

            raise typer.BadParameter(f"'{shown(value)}' is not a whole number; write "
                                     f"digits, e.g. {max(minimum or 0, 1) + 1}")
        wanted = ("" if minimum is None else f"; write {minimum}"
                  + (f" to {maximum}" if maximum is not None else " or more"))
        if len(digits) > 9:  # a bound on the digits converted
            raise typer.BadParameter(f"{text} is far too large{wanted}")
        number = int(text)
        if minimum is not None and (number < minimum
                                    or (maximum is not None and number > maximum)):
            raise typer.BadParameter(f"{number} is out of range{wanted}")
        return number

    return parse


def _abbreviates(short: str, word: str) -> bool:
    """``md`` for ``markdown``: the same first letter, and the rest in order."""
    rest = iter(word[1:])
    return len(short) > 1 and short[0] == word[0] and all(c in rest for c in short[1:])


def format_option(formats: Formats, default: str | None = "text") -> Any:
    """The ``--format`` option of a report: its choices, help and completion are the
    report's declared formats (``render.formats``)."""
    return choice_option(("--format", "-f"), formats.names, formats.help() + ".", default,
                         exports=True)


StrategicOption = Annotated[str | None, typer.Option(
    "--strategic", "-s", metavar="ID", help="Only this strategic objective (its id, e.g. 2).")]
LeadOption = Annotated[str | None, typer.Option(
    "--lead", metavar="ID", help="Only objectives this team member leads (a team id).")]
AsOfOption = Annotated[str | None, typer.Option(
    "--as-of", metavar="YYYY-MM-DD",
    help="Today's date for the report, YYYY-MM-DD. Default: today.",
    show_default=False)]


def fail(message: str, code: int) -> NoReturn:
    """Say what is wrong on stderr and exit. The message often quotes what the user typed
    (a file name, an id): ``shown`` names any invisible character in it rather than let it
    act on the terminal."""
    from npmplan.text import shown

    # Line by line: a message may list candidates on lines of their own.
    typer.echo("npmplan: " + "\n".join(shown(line) for line in message.split("\n")), err=True)
    raise typer.Exit(code)


def resolve_plan(plan: Path | None) -> Path:
    """The plan file named, or the one for today found in ``plans/`` (see ``pipeline``)."""
    from npmplan.errors import UsageError
    from npmplan.pipeline import UnreadablePeriodError, check_readable, discover_plan

    try:
        path = plan if plan is not None else discover_plan(date.today())
        check_readable(path)
    except UsageError as exc:
        fail(str(exc), 2)
    except UnreadablePeriodError as exc:
        fail(str(exc), 1)
    return path


def load_plan(plan: Path | None) -> Plan:
    """The plan of a reporting command; an invalid one stops here with its errors."""
    from npmplan.pipeline import read_plan

    path = resolve_plan(plan)
    result = read_plan(path)
    if result.plan is None:
        fail(f"{path} has {show_errors(result)}; fix them first "
             f"(npmplan validate {path} lists them all)", 1)
    return result.plan


SHOWN_ERRORS = 20  # a command refused for errors shows this many; validate shows them all


def show_errors(result: PlanResult) -> str:
    """Show the first errors of an invalid file on stderr; say how many there are."""
    from npmplan.text import one_line

    for problem in result.errors[:SHOWN_ERRORS]:
        typer.echo(one_line(str(problem)), err=True)  # the file name too: one_line
    more = len(result.errors) - SHOWN_ERRORS
    return f"{len(result.errors)} error(s)" + (f" ({more} more not shown)" if more > 0 else "")


def valid_plan(result: PlanResult) -> Plan | None:
    """The plan, or None after showing its errors."""
    if result.plan is None:
        from npmplan.text import one_line

        typer.echo(f"npmplan: {one_line(result.file)} has {show_errors(result)}", err=True)
    return result.plan


def parse_as_of(as_of: str | None) -> date:
    from npmplan.model.dates import parse_day

    if as_of is None:
        return date.today()
    try:
        return parse_day(as_of)
    except ValueError as exc:
        fail(f"--as-of: {exc}", 2)


def numbered_quarter(model: Plan, quarter: int) -> Quarter:
    """Quarter ``quarter`` of the plan (``--quarter``), or a usage error naming the ones
    there are; the same words for every command that takes it."""
    from npmplan.compute.report import quarters
    from npmplan.model.dates import range_text

    known = quarters(model.plan.period)
    if not 1 <= quarter <= len(known):
        fail(f"--quarter {quarter}: the plan period {range_text(*model.plan.period)} has "
             f"quarters 1 to {len(known)}", 2)
    return known[quarter - 1]


def parse_month_option(name: str, value: str | None) -> Month | None:
    from npmplan.model.dates import parse_month

    if value is None:
        return None
    try:
        return parse_month(value)
    except ValueError as exc:
        fail(f"{name}: {exc}", 2)


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



def note(message: str) -> None:
    """Say on stderr why an option changes nothing; the report still follows (exit 0)."""
    typer.echo(f"npmplan: note: {message}", err=True)


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
