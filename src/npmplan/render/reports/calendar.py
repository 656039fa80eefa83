"""The calendar appendix: one row per objective, a cell per month, the workload row.

Text is laid out by hand rather than with a rich ``Table`` so that it fits the terminal to
the column: the month cells keep their width and the activity labels shrink, with an
ellipsis, down to what is left. Each cell has a glyph *and* a colour, so it reads without
colour (``NO_COLOR``, a pipe, a printout):

    Id  Activity              Start  End     A  M  J  J  A  S  O  N  D  J  F  M  Total
    1.1 NPM guidance & trai…  Jul 26 Mar 27           ██████▒▒▒▒▒▒◆▒▒…          9
"""

from __future__ import annotations

import csv
import io

from rich.text import Text

from npmplan.compute.calendar import Calendar, CalendarRow
from npmplan.model.dates import Month
from npmplan.model.plan import KINDS
from npmplan.render.glyphs import GLYPH, MILESTONE, NAME, OVER
from npmplan.render.jsonfmt import json_text
from npmplan.text import md, one_line, plain

CELL = 3
MIN_LABEL = 12


def start_end(row: CalendarRow) -> tuple[str, str]:
    """The objective's whole schedule, even when ``--from/--to`` show part of it."""
    if row.start is None or row.end is None:
        return "", ""
    return row.start.short(), row.end.short()


def _fit(text: str, width: int) -> str:
    text = one_line(text)
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def add_cell(line: Text, row: CalendarRow, month: Month, now: Month | None = None) -> None:
    """Append one month's cell: the kind's glyph, with a mark in the middle where a
    milestone is due (appending strings: a Text per cell is what made large plans slow).
    The current month's cells sit on a grey band in colour."""
    kind = row.cells.get(month)
    marked = row.milestones.get(month, 0) > 0
    band = ".now" if month == now else ""
    if kind is None:
        line.append(f" {MILESTONE} " if marked else " " * CELL, style="mark" + band)
    elif marked:
        glyph = GLYPH[kind]
        line.append(glyph, style=kind + band)
        line.append(MILESTONE, style="mark" + band)
        line.append(glyph, style=kind + band)
    else:
        line.append(GLYPH[kind] * CELL, style=kind + band)


def text(view: Calendar, width: int) -> Text:
    """The appendix for a terminal ``width`` columns wide."""
    id_width = max([len(r.objective.id) for r in view.rows] + [2])
    show_dates = width >= 80
    fixed = id_width + 1 + (14 if show_dates else 0) + 1 + CELL * len(view.months) + 1 + 6
    longest = max([len(one_line(r.objective.row_label)) for r in view.rows]
                  + [len(_workload_name(view))])
    label_width = max(MIN_LABEL, min(longest, width - fixed - 1))
    lines = [plain(f"Calendar of actions: {view.title}", "heading")]
    if view.filtered:
        lines.append(plain(f"Showing {view.filtered}", "muted"))
    lines += _header(view, id_width, label_width, show_dates)
    current = None
    for row in view.rows:
        if row.strategic.id != current:
            current = row.strategic.id
            heading = f"Strategic objective {row.strategic.id}: {row.strategic.title}"
            lines.append(plain(_fit(heading, width - 1), "heading"))
        label = _fit(row.objective.row_label, label_width)
        line = Text(f"{row.objective.id:<{id_width}} {label:<{label_width}} ")
        if show_dates:
            start, end = start_end(row)
            line.append(f"{start:<6} {end:<6} ")
        for month in view.months:
            add_cell(line, row, month, view.now)
        line.append(f" {row.total:>5}")
        lines.append(line)
    lines.append(_workload_line(view, id_width, label_width, show_dates))
    lines += legend(view, width)
    # One Text, laid out already: rich need not wrap each line (most of the cost on large
    # plans).
    out = Text("\n").join(lines)
    out.no_wrap = True
    return out


def _lead(id_width: int, label_width: int, show_dates: bool) -> int:
    return id_width + 1 + label_width + 1 + (14 if show_dates else 0)


def _header(view: Calendar, id_width: int, label_width: int, show_dates: bool) -> list[Text]:
    letters = Text(f"{'Id':<{id_width}} {'Activity':<{label_width}} ")
    if show_dates:
        letters.append(f"{'Start':<6} {'End':<6} ")
    for month in view.months:
        letter = month.short()[0]
        if month == view.now:
            letters.append(f"[{letter}]", style="now")
        else:
            letters.append(f" {letter} ")
    letters.append(" Total")
    return [_years_line(view, id_width, label_width, show_dates), letters]


def _years_line(view: Calendar, id_width: int, label_width: int, show_dates: bool) -> Text:
    line = " " * _lead(id_width, label_width, show_dates)
    chars = [" "] * (CELL * len(view.months))
    for i, month in enumerate(view.months):
        if i == 0 or month.number == 1:
            for j, ch in enumerate(str(month.year)):
                if i * CELL + 1 + j < len(chars):
                    chars[i * CELL + 1 + j] = ch
    return Text(line + "".join(chars).rstrip())


def _workload_line(view: Calendar, id_width: int, label_width: int,
                   show_dates: bool) -> Text:
    name = _workload_name(view)
    line = Text(f"{'':<{id_width}} {_fit(name, label_width):<{label_width}} ", style="heading")
    if show_dates:
        line.append(" " * 14)
    for load in view.workload.loads:
        line.append(f"{load.active:>2}", style="over" if load.over else "heading")
        line.append(OVER if load.over else " ", style="over")
    line.append(f" {view.workload.total:>5}", style="heading")
    return line


def _workload_name(view: Calendar) -> str:
    return "Monthly workload" + (" (shown rows)" if view.filtered else "")


def legend(view: Calendar, width: int) -> list[Text]:
    """The key, on as many lines as the width needs (pieces are never split)."""
    pieces = [Text(GLYPH[kind] * 2, style=kind) + Text(f" {NAME[kind]}") for kind in KINDS]
    pieces.append(Text(MILESTONE, style="mark") + Text(" milestone due"))
    capacity = view.workload.capacity
    if capacity is not None:
        pieces.append(Text(OVER, style="over") + Text(f" over the capacity of {capacity}"))
    if view.now is not None and view.now in view.months:
        pieces.append(Text(f"[ ] this month ({view.now.short()})"))
    lines = [Text("Legend:")]
    for piece in pieces:
        if len(lines[-1]) + 2 + len(piece) > width - 1:
            lines.append(Text("       "))
        lines[-1].append("  ")
        lines[-1].append_text(piece)
    return lines


# --- markdown and csv ----------------------------------------------------------------

def _plain_cell(row: CalendarRow, month: Month) -> str:
    kind = row.cells.get(month)
    mark = MILESTONE if row.milestones.get(month) else ""
    return (GLYPH[kind] if kind else "") + mark


def markdown(view: Calendar, width: int) -> str:
    head = ["Id", "Activity", "Start", "End", *[m.short() for m in view.months], "Total"]
    lines = [f"**Calendar of actions: {md(view.title)}**", ""]
    if view.filtered:
        lines += [f"Showing {md(view.filtered)}", ""]
    lines += ["| " + " | ".join(head) + " |",
              "|" + "|".join(["---"] * 4 + [":-:"] * len(view.months) + ["--:"]) + "|"]
    current = None
    blank = [""] * (len(view.months) + 3)
    for row in view.rows:
        if row.strategic.id != current:
            current = row.strategic.id
            title = md(f"Strategic objective {row.strategic.id}: {row.strategic.title}")
            lines.append("| " + " | ".join([f"**{md(current)}**", f"**{title}**", *blank])
                         + " |")
        start, end = start_end(row)
        cells = [_plain_cell(row, m) for m in view.months]
        lines.append("| " + " | ".join([md(row.objective.id),
                                         md(row.objective.row_label), start, end,
                                         *cells, str(row.total)]) + " |")
    work = [f"{load.active}{' ' + OVER if load.over else ''}" for load in view.workload.loads]
    name = _workload_name(view)
    total = view.workload.total
    lines.append("| " + " | ".join(["", f"**{name}**", "", "", *work, f"**{total}**"])
                 + " |")
    key = ", ".join(f"{GLYPH[k]} {NAME[k]}" for k in KINDS)
    lines += ["", f"{key}, {MILESTONE} milestone due"
              + (f", {OVER} over the capacity of {view.workload.capacity}"
                 if view.workload.capacity is not None else "")]
    return "\n".join(lines) + "\n"


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: str) -> str:
    """Neutralise spreadsheet formulas: a cell Excel would evaluate gets a leading quote."""
    value = one_line(value)
    return "'" + value if value.startswith(_FORMULA_START) else value


def as_csv(view: Calendar, width: int) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["Strategic objective", "Id", "Activity", "Start", "End",
                     *[str(m) for m in view.months], "Total", "Milestones"])
    for row in view.rows:
        start, end = start_end(row)
        marks = "; ".join(f"{m}: {n}" for m, n in sorted(row.milestones.items()))
        writer.writerow([csv_cell(row.strategic.id), csv_cell(row.objective.id),
                         csv_cell(row.objective.row_label), start, end,
                         *[row.cells.get(m, "") for m in view.months], row.total, marks])
    writer.writerow(["", "", _workload_name(view),
                     "", "", *[load.active for load in view.workload.loads],
                     view.workload.total, ""])
    return out.getvalue()


CALENDAR_VERSION = 1  # raised only when a key is renamed, removed or changes type


def as_json(view: Calendar, width: int) -> str:
    return json_text({
        "calendar_version": CALENDAR_VERSION,
        "plan": view.title,
        "filtered": bool(view.filters.as_dict()),
        "filters": view.filters.json_shape(),
        "period": [str(view.period[0]), str(view.period[1])],
        "months": [str(m) for m in view.months],
        "rows": [{
            "id": row.objective.id,
            "label": row.objective.row_label,
            "strategic_objective": row.strategic.id,
            "priority": row.objective.priority,
            "cells": {str(m): kind for m, kind in row.cells.items()},
            "milestones": {str(m): n for m, n in sorted(row.milestones.items())},
            "total": row.total,
        } for row in view.rows],
        "workload": [load.active for load in view.workload.loads],
        "over_capacity": [str(load.month) for load in view.workload.loads if load.over],
        "total": view.workload.total,
    })
