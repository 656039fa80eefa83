"""``npmplan return``: a lead's quarterly return as a workbook to fill in a spreadsheet.

- **Instructions**: the plan, the lead, the quarter with its months, the day the return
  was made, and how to fill it in, in plain English.
- **Milestones**: a title, a line of help, then one header row (``HEADERS``) and a row per
  milestone (``compute.returns``). The first four columns are the plan's and locked; the
  last four are the lead's: unlocked, shaded *and* named in the help (colour is never the
  only signal), each with the data validation its format allows (a date, a ``YYYY-MM``
  month as text, a drop-down).
- **Objectives**: the same for each objective: the computed rating, and the lead's
  proposed rating (a drop-down), commentary and next steps.
- **Identity** (very hidden, protected): which milestone each row is (``compute.returns``),
  for ``npmplan import``.

Accessible as the government's spreadsheet guidance asks: sheets named, one header row per
table, no merged cells, 12 pt Arial, wrapped text in columns wide enough to read.
XlsxWriter is imported here, and this module only by ``npmplan return``.
"""

from __future__ import annotations

import io
from datetime import date, datetime, timedelta
from typing import Any

import xlsxwriter
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from npmplan.compute.report import SCALE
from npmplan.compute.returns import (
    FORMAT,
    HEADER_ROW,
    IDENTITY,
    IDENTITY_HEADERS,
    IDENTITY_ROW,
    MARK,
    MILESTONE_HEADERS,
    OBJECTIVE_HEADERS,
    PROPOSED,
    Return,
    row_print,
)

FILL = "#FFF2CC"  # the lead's cells: a pale yellow that keeps black text at 19:1


def workbook(made: Return, period_end: date) -> bytes:
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True, "strings_to_numbers": False,
                                     "strings_to_formulas": False, "strings_to_urls": False})
    book.set_properties({"title": f"Quarterly return: {made.plan_title}",
                         "subject": f"{made.lead_name}, {made.quarter.words}",
                         "comments": "Made by npmplan return",
                         "created": datetime(made.made_on.year, made.made_on.month,
                                             made.made_on.day)})
    styles = _Styles(book)
    _instructions(book.add_worksheet("Instructions"), made, styles)
    _milestones(book.add_worksheet("Milestones"), made, styles, period_end)
    _objectives(book.add_worksheet("Objectives"), made, styles)
    _identity(book.add_worksheet(IDENTITY), made)
    book.close()
    return out.getvalue()


class _Styles:
    def __init__(self, book: Workbook) -> None:
        base: dict[str, Any] = {"font_name": "Arial", "font_size": 12, "valign": "top"}
        fill: dict[str, Any] = {**base, "locked": False, "bg_color": FILL, "border": 1,
                                "text_wrap": True}
        self.title = book.add_format({**base, "bold": True, "font_size": 16})
        self.line = book.add_format(base)  # one line, read across the empty cells beside it
        self.bold = book.add_format({**base, "bold": True, "text_wrap": True})
        self.text = book.add_format({**base, "text_wrap": True})
        self.head = book.add_format({**base, "bold": True, "bottom": 2, "bg_color": "#E8E8E8",
                                     "text_wrap": True})
        self.fill = book.add_format(fill)
        self.date = book.add_format({**fill, "num_format": "dd/mm/yyyy"})
        self.month = book.add_format({**fill, "num_format": "@"})


LINE = 16.5  # points: one line of 12 pt text


def _height(values: tuple[str, ...], widths: tuple[int, ...]) -> float:
    """A row tall enough for its wrapped text: spreadsheets do not size a row to text
    written by a program, so a long milestone would be cut to one line."""
    lines = max(-(-len(value) // max(int(width * 0.85), 1))
                for value, width in zip(values, widths, strict=False))
    return LINE * max(lines, 1)


def _protect(sheet: Worksheet) -> None:
    # No password: protection keeps the plan's cells and the layout as import reads them,
    # it is not a secret. Columns may be widened and every cell selected.
    sheet.protect("", {"format_columns": True, "format_rows": True,
                       "select_locked_cells": True, "select_unlocked_cells": True})


def _instructions(sheet: Worksheet, made: Return, styles: _Styles) -> None:
    sheet.set_column(0, 0, 110)
    lines: list[tuple[str, Any]] = [
        (f"Quarterly return: {made.plan_title}", styles.title),
        (f"For: {made.lead_name} ({made.lead})", styles.text),
        (f"Quarter: {made.quarter.words}", styles.text),
        (f"Made on: {made.made_on:%-d %B %Y}, with the milestones as they stood on "
         f"{made.stood_on:%-d %B %Y}", styles.text),
        ("", styles.text),
        ("How to fill it in", styles.bold),
        *((line, styles.text) for line in _HOW),
        ("", styles.text),
        ("What the ratings mean", styles.bold),
        *((f"{rating}: {words}." , styles.text) for rating, words in SCALE.items()),
    ]
    for row, (line, style) in enumerate(lines):
        sheet.write_string(row, 0, line, style)
    sheet.activate()
    _protect(sheet)


_HOW = (
    "1. The Milestones sheet has a row for each milestone of the objectives you lead that is "
    "due this quarter, overdue, in progress or due next quarter.",
    "2. Fill in only the four columns on the right: Done on, Move to, Cancel and Note. They "
    "are shaded and are the only cells you can change.",
    "3. Done on: the day it was done, as a date, for example 14/08/2026. Not a day after you "
    "fill in the return.",
    "4. Move to: the month it will now be done, as year and month with a hyphen, for "
    "example 2027-01.",
    "5. Cancel: choose 'cancel' from the list if it will not be done, and say why in Note.",
    "6. Use at most one of Done on, Move to and Cancel on a row. Leave a row blank if "
    "nothing changed.",
    "7. On the Objectives sheet, for each objective you lead, write Commentary (progress, "
    "actions planned or taken) and Next steps. Choose a Proposed RAG only if you rate the "
    "objective differently from the Computed RAG.",
    "8. Save the file with the same name and send it back to the Secretariat. Do not "
    "rename, add or delete sheets, rows or columns.",
)


def _heading(sheet: Worksheet, title: str, help_text: str, headers: tuple[str, ...],
             widths: tuple[int, ...], styles: _Styles) -> None:
    sheet.write_string(0, 0, title, styles.title)
    sheet.write_string(1, 0, help_text, styles.line)
    for col, (name, width) in enumerate(zip(headers, widths, strict=True)):
        sheet.write_string(HEADER_ROW, col, name, styles.head)
        sheet.set_column(col, col, width)
    sheet.freeze_panes(HEADER_ROW + 1, 0)
    sheet.repeat_rows(HEADER_ROW)
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)


def _milestones(sheet: Worksheet, made: Return, styles: _Styles, period_end: date) -> None:
    help_text = ("Fill in the shaded columns Done on, Move to, Cancel and Note; the "
                 "Instructions sheet says how." if made.milestones else
                 "No milestone of your objectives is due, overdue or in progress this "
                 "quarter: there is nothing to fill in on this sheet.")
    widths = (11, 55, 20, 30, 14, 12, 11, 45)
    _heading(sheet, f"Milestones: {made.lead_name}, {made.quarter.words}", help_text,
             MILESTONE_HEADERS, widths, styles)
    for row, item in enumerate(made.milestones, HEADER_ROW + 1):
        values = (item.objective, item.what, item.when, item.status)
        sheet.set_row(row, _height(values, widths))
        for col, value in enumerate(values):
            sheet.write_string(row, col, value, styles.text)
        sheet.write_blank(row, 4, None, styles.date)
        sheet.write_blank(row, 5, None, styles.month)
        sheet.write_blank(row, 6, None, styles.fill)
        sheet.write_blank(row, 7, None, styles.fill)
    last = HEADER_ROW + max(len(made.milestones), 1)
    first = HEADER_ROW + 1
    earliest = made.quarter.first_day - timedelta(days=366)
    sheet.data_validation(first, 4, last, 4, {
        "validate": "date", "criteria": "between",
        "minimum": datetime(earliest.year, earliest.month, earliest.day),
        "maximum": datetime(period_end.year, period_end.month, period_end.day),
        "input_title": "Done on", "input_message": "The day it was done, e.g. 14/08/2026.",
        "error_title": "Not a date",
        "error_message": "Write the day it was done as a date, e.g. 14/08/2026."})
    cell = f"F{first + 1}"
    sheet.data_validation(first, 5, last, 5, {
        "validate": "custom",
        "value": f'=AND(LEN({cell})=7,MID({cell},5,1)="-",VALUE(LEFT({cell},4))>=2000,'
                 f"VALUE(RIGHT({cell},2))>=1,VALUE(RIGHT({cell},2))<=12)",
        "input_title": "Move to", "input_message": "The month, e.g. 2027-01.",
        "error_title": "Not a month",
        "error_message": "Write the month as year and month with a hyphen, e.g. 2027-01."})
    sheet.data_validation(first, 6, last, 6, {
        "validate": "list", "source": ["cancel"], "input_title": "Cancel",
        "input_message": "Choose cancel if it will not be done; say why in Note.",
        "error_title": "Cancel", "error_message": "Leave it blank, or choose cancel."})
    _protect(sheet)


def _objectives(sheet: Worksheet, made: Return, styles: _Styles) -> None:
    widths = (11, 45, 15, 15, 55, 45)
    _heading(sheet, f"Objectives: {made.lead_name}, {made.quarter.words}",
             "Fill in the shaded columns Proposed RAG, Commentary and Next steps; the "
             "Instructions sheet says how.", OBJECTIVE_HEADERS, widths, styles)
    for row, objective in enumerate(made.objectives, HEADER_ROW + 1):
        values = (objective.id, objective.title, objective.computed)
        # room for three lines of commentary at least: the lead writes in these rows
        sheet.set_row(row, max(_height(values, widths), 3 * LINE))
        for col, value in enumerate(values):
            sheet.write_string(row, col, value, styles.text)
        for col in (3, 4, 5):
            sheet.write_blank(row, col, None, styles.fill)
    last = HEADER_ROW + max(len(made.objectives), 1)
    sheet.data_validation(HEADER_ROW + 1, 3, last, 3, {
        "validate": "list", "source": list(PROPOSED), "input_title": "Proposed RAG",
        "input_message": "Only if you rate it differently from the computed rating.",
        "error_title": "Proposed RAG",
        "error_message": "Choose green, amber, red or complete, or leave it blank."})
    _protect(sheet)


def _identity(sheet: Worksheet, made: Return) -> None:
    """Which milestone and objective each row is: what import reads, never the lead."""
    meta = (MARK, str(FORMAT), made.plan_title, made.plan_year, made.lead,
            str(made.quarter.number), made.stood_on.isoformat(), made.made_on.isoformat())
    for row, value in enumerate(meta):
        sheet.write_string(row, 0, value)
    for col, name in enumerate(IDENTITY_HEADERS):
        sheet.write_string(IDENTITY_ROW, col, name)
    row = IDENTITY_ROW + 1
    for number, item in enumerate(made.milestones, HEADER_ROW + 2):
        occurrence = "" if item.occurrence is None else str(item.occurrence)
        shown = row_print((item.objective, item.what, item.when))
        for col, value in enumerate(("Milestones", str(number), item.objective,
                                     str(item.position), occurrence, item.print, item.when,
                                     item.state, shown)):
            sheet.write_string(row, col, value)
        row += 1
    for number, objective in enumerate(made.objectives, HEADER_ROW + 2):
        shown = row_print((objective.id, objective.title))
        for col, value in enumerate(("Objectives", str(number), objective.id, "", "", "", "",
                                     "", shown)):
            sheet.write_string(row, col, value)
        row += 1
    sheet.very_hidden()
    _protect(sheet)
