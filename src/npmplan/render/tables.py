"""Tables for the tracking reports (``diff``, ``status``, ``workload --by``): laid out once
as rows of plain strings, drawn as rich tables for a terminal or as markdown tables for
Steering Group papers. Plan text is data: rich gets it as ``Text`` (never markup),
markdown gets it escaped.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from npmplan.compute.schedule import kind_runs
from npmplan.model.dates import Month, range_text
from npmplan.text import md, plain

BAR = 8
MIN_LABEL = 12
LABEL = 60  # the widest a column of plan text gets; longer text ends in an ellipsis
MINUS = "\u2212"


def md_table(headers: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    return lines + ["| " + " | ".join(md(cell) for cell in row) + " |" for row in rows]


LARGE = 500  # rows past which a table is drawn as lines of text (see ``_lines``)


def fitted(headers: list[str], rows: list[list[Text]], width: int, label: int | None = 1,
           right: frozenset[int] = frozenset(), **options: Any) -> RenderableType:
    """A table for a terminal ``width`` wide: every column keeps its full width but column
    ``label`` (plan text), which gets what is left, at least MIN_LABEL and at most LABEL
    characters, and ends in an ellipsis when cut."""
    widths = [max([len(header.split("\n")[0])] + [row[i].cell_len for row in rows])
              for i, header in enumerate(headers)]
    # One space between columns (collapsed padding, none at the edges): the label gets the
    # rest of the line.
    fixed = sum(w for i, w in enumerate(widths) if i != label) + len(headers) - 1
    if label is not None:
        widths[label] = max(MIN_LABEL, min(LABEL, widths[label], width - fixed - 1))
    options.setdefault("pad_edge", False)
    if len(rows) > LARGE and options.get("box", "") is None:
        return _lines(headers, rows, widths, right, options)
    table = Table(collapse_padding=True, **options)
    for i, header in enumerate(headers):
        table.add_column(header, justify="right" if i in right else "left", no_wrap=True,
                         overflow="ellipsis", width=widths[i])
    for row in rows:
        table.add_row(*row)
    return table


def _lines(headers: list[str], rows: list[list[Text]], widths: list[int],
           right: frozenset[int], options: dict[str, Any]) -> RenderableType:
    """A borderless table as lines of ``Text``, each cell cut and aligned to its column:
    what rich's ``Table`` draws, at a fraction of its cost per cell (a team of 8,000 took
    7 s as a ``Table``)."""
    def line(cells: list[Text], style: str = "") -> Text:
        out = Text(style=style)
        for i, cell in enumerate(cells):
            piece = cell.copy()
            piece.truncate(widths[i], overflow="ellipsis")
            piece.align("right" if i in right else "left", widths[i])
            out.append_text(piece)
            if i < len(cells) - 1:
                out.append(" ")
        return out

    # As rich draws it: a header of several lines sits at the bottom, every line (the title
    # too) is as wide as the table.
    parts = [header.split("\n") for header in headers]
    height = max(len(part) for part in parts)
    parts = [[""] * (height - len(part)) + part for part in parts]
    style = str(options.get("header_style", ""))
    head = [line([Text(part[k]) for part in parts], style) for k in range(height)]
    title = options.get("title")
    top = [title.copy()] if isinstance(title, Text) else [Text(str(title))] if title else []
    for text in top:
        text.truncate(sum(widths) + len(widths) - 1, overflow="ellipsis", pad=True)
        text.stylize(str(options.get("title_style", "")))
    return Group(*top, *head, *(line(row) for row in rows))


def text_table(section: Section, width: int) -> RenderableType:
    """A borderless table of plain strings (the diff's sections)."""
    rows = [[plain(cell) for cell in row] for row in section.rows]
    return fitted(section.headers, rows, width, section.label, section.right, box=None,
                  pad_edge=False, padding=(0, 1), header_style="muted")


def runs(months: list[Month]) -> str:
    """``2026-07..2026-09, 2026-12``: consecutive months as ranges."""
    spans = kind_runs(dict.fromkeys(months, "active"))
    return ", ".join(range_text(first, last) for first, last, _ in spans)


def signed(number: int) -> str:
    return f"+{number}" if number > 0 else f"{MINUS}{-number}" if number < 0 else "0"


def plural(number: int, word: str) -> str:
    return f"{number} {word}{'' if number == 1 else 's'}"



@dataclass(frozen=True, slots=True)
class Section:
    title: str
    headers: list[str]
    rows: list[list[str]]
    right: frozenset[int] = frozenset()  # columns of numbers
    label: int | None = 1  # the column of plan text, cut to fit

