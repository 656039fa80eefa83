"""The options commands share, and how an option's value is checked: a choice of words
(with a "did you mean"), a whole number, the ``--format`` of a report made from its
declared formats, the plan and the filters.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from npmplan.render.formats import Formats

PlanOption = Annotated[
    Path | None,
    typer.Option("--plan", "-p", metavar="FILE", envvar="NPMPLAN_PLAN", show_envvar=True,
                 help="The plan file. Default: the file in ./plans/ whose period contains "
                      "today, else the latest one."),
]
StrategicOption = Annotated[str | None, typer.Option(
    "--strategic", "-s", metavar="ID", help="Only this strategic objective (its id, e.g. 2).")]
LeadOption = Annotated[str | None, typer.Option(
    "--lead", metavar="ID", help="Only objectives this team member leads (a team id).")]
AsOfOption = Annotated[str | None, typer.Option(
    "--as-of", metavar="YYYY-MM-DD",
    help="Today's date for the report, YYYY-MM-DD. Default: today.",
    show_default=False)]
# --as-of of the reports that count what had happened by then (report, status, due, show).
StoodAsOfOption = Annotated[str | None, typer.Option(
    "--as-of", metavar="YYYY-MM-DD",
    help="Today's date for the report, YYYY-MM-DD: the plan as it stood at the end of that "
         "day (what was done, cancelled, moved or added later is left out). Default: today.",
    show_default=False)]

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


def format_option(formats: Formats, default: str | None = "text") -> Any:
    """The ``--format`` option of a report: its choices, help and completion are the
    report's declared formats (``render.formats``)."""
    return choice_option(("--format", "-f"), formats.names, formats.help() + ".", default,
                         exports=True)


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


def _abbreviates(short: str, word: str) -> bool:
    """``md`` for ``markdown``: the same first letter, and the rest in order."""
    rest = iter(word[1:])
    return len(short) > 1 and short[0] == word[0] and all(c in rest for c in short[1:])


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
