"""Tables for the tracking reports (``diff``, ``status``, ``workload --by``): laid out once
as rows of plain strings, drawn as rich tables for a terminal or as markdown tables for
Steering Group papers. Plan text is data: rich gets it as ``Text`` (never markup),
markdown gets it escaped.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.table import Table
from rich.text import Text

from npmplan.compute.schedule import kind_runs
from npmplan.model.dates import Month, range_text
from npmplan.render.safe import md, plain

BAR = 8
MIN_LABEL = 12
LABEL = 60  # the widest a column of plan text gets; longer text ends in an ellipsis
MINUS = "\u2212"


def md_table(headers: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    return lines + ["| " + " | ".join(md(cell) for cell in row) + " |" for row in rows]


def fitted(headers: list[str], rows: list[list[Text]], width: int, label: int | None = 1,
           right: frozenset[int] = frozenset(), **options: Any) -> Table:
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
    table = Table(collapse_padding=True, **options)
    for i, header in enumerate(headers):
        table.add_column(header, justify="right" if i in right else "left", no_wrap=True,
                         overflow="ellipsis", width=widths[i])
    for row in rows:
        table.add_row(*row)
    return table


def text_table(section: Section, width: int) -> Table:
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

