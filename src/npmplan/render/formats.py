"""The one list of each report's output formats. The CLI's ``--format`` choices, their help
and the dispatch all come from here, so adding a format is one renderer plus one line.

A renderer is ``render(result, width) -> str | bytes | rich renderable``: a string is
written as it is (markdown, csv, json), a renderable is printed on the rich console (text);
bytes (a Word file, the formats in ``BINARY``) are the command's to write. Renderers are
named as ``module:function`` and imported only when chosen, so that ``--help`` and the
command line's parsing never import rich, pydantic or the renderers.

    >>> CALENDAR.names
    ('text', 'markdown', 'csv', 'json')
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

Renderer = Callable[[Any, int], Any]


@dataclass(frozen=True, slots=True)
class Format:
    name: str
    says: str  # how the help names it: "markdown (for meeting notes)"
    renderer: str  # "npmplan.render.reports.due:markdown"


class Formats:
    """The formats of one report, in the order the help lists them; the first is the
    default unless a command says otherwise."""

    def __init__(self, *formats: Format) -> None:
        self.formats = {f.name: f for f in formats}
        self.names = tuple(self.formats)

    def help(self) -> str:
        says = [f.says for f in self.formats.values()]
        return (", ".join(says[:-1]) + " or " + says[-1]) if len(says) > 1 else says[0]

    def renderer(self, name: str) -> Renderer:
        module, _, function = self.formats[name].renderer.partition(":")
        found: Renderer = getattr(importlib.import_module(module), function)
        return found

    def render(self, name: str, result: object, width: int) -> Any:
        return self.renderer(name)(result, width)

    def emit(self, name: str, result: object) -> None:
        """Render ``result`` in format ``name`` to standard output."""
        from rich.cells import cell_len
        from rich.text import Text

        from npmplan.render.width import plain_width

        width = plain_width(sys.stdout)  # set: nothing is coloured, rich's console not needed
        console = None
        if width is None:
            console = _console()
            width = console.width
        out = self.render(name, result, width)
        if isinstance(out, Text) and out.no_wrap and (
                console is None or console.color_system is None):
            # Laid out already and nothing to colour (a pipe, a file, NO_COLOR): when every
            # line fits, the same bytes rich would print, without rich's layout pass.
            plain = out.plain
            if max(map(cell_len, plain.split("\n"))) <= width:
                out = plain + "\n"
        if isinstance(out, str):
            sys.stdout.write(out)
            sys.stdout.flush()
        else:
            (console or _console(width)).print(out)


def _console(width: int | None = None) -> Console:
    """Rich's console, imported only for a terminal or for output rich must lay out."""
    from npmplan.render.console import make_console

    return make_console(width=width)


def _f(name: str, says: str, module: str, function: str) -> Format:
    return Format(name, says, f"npmplan.render.reports.{module}:{function}")


TEXT, JSON, DOCX = "text", "json", "docx"
BINARY = frozenset({DOCX})  # formats whose renderer gives bytes

VALIDATE = Formats(
    _f(TEXT, "text", "validate", "text"),
    _f(JSON, "json", "validate", "as_json"),
    _f("github", "github (workflow annotations; the default when GITHUB_ACTIONS=true)",
       "validate", "github"))
CALENDAR = Formats(
    _f(TEXT, "text", "calendar", "text"),
    _f("markdown", "markdown (a GitHub table)", "calendar", "markdown"),
    _f("csv", "csv (for programs; for a spreadsheet use export xlsx)", "calendar", "as_csv"),
    _f(JSON, "json", "calendar", "as_json"))
DUE = Formats(
    _f(TEXT, "text", "due", "text"),
    _f("markdown", "markdown (for meeting notes)", "due", "markdown"),
    _f(JSON, "json", "due", "as_json"))
SHOW = Formats(
    _f(TEXT, "text", "show", "text"),
    _f("markdown", "markdown", "show", "markdown"),
    _f(JSON, "json", "show", "as_json"))
WORKLOAD = Formats(
    _f(TEXT, "text", "workload", "text"),
    _f("markdown", "markdown", "workload", "markdown"),
    _f(JSON, "json", "workload", "as_json"))
BREAKDOWN = Formats(  # workload --by: the same choices as WORKLOAD, other renderers
    _f(TEXT, "text", "breakdown", "text"),
    _f("markdown", "markdown", "breakdown", "markdown"),
    _f(JSON, "json", "breakdown", "as_json"))
STATUS = Formats(
    _f(TEXT, "text", "status", "text"),
    _f("markdown", "markdown (for Steering Group papers)", "status", "markdown"),
    _f(JSON, "json", "status", "as_json"))
DIFF = Formats(
    _f(TEXT, "text", "diff", "text"),
    _f("markdown", "markdown (for Steering Group papers)", "diff", "markdown"),
    _f(JSON, "json", "diff", "as_json"))
REPORT = Formats(
    _f(TEXT, "text", "report", "text"),
    _f("markdown", "markdown (for Steering Group papers)", "report", "markdown"),
    _f("html", "html (prints on A4 landscape)", "report_html", "page"),
    _f(JSON, "json", "report", "as_json"),
    # Bytes, not text: written with -o FILE or to a pipe, never to a terminal.
    Format(DOCX, "docx (a Word paper; with -o FILE)",
           "npmplan.render.exports.report_docx:report_docx"))

# Every report's formats, by command: the test that walks every --format choice reads this.
REPORTS: dict[str, Formats] = {
    "validate": VALIDATE, "calendar": CALENDAR, "due": DUE, "show": SHOW,
    "workload": WORKLOAD, "status": STATUS, "diff": DIFF, "report": REPORT,
}
