"""``export xlsx``: the calendar and the milestones as a spreadsheet people can open.

A CSV leaves every cell's type to the spreadsheet's guessing (``Mar 27`` became a date in
March 2026, the id ``2.10`` the number 2.1); here every cell has its type: ids, months and
dates are text, totals and the workload are numbers.

- **Calendar**: the appendix. A row per objective, a column per month, each kind a fill and
  a letter (A, M, P: they survive a black-and-white print), ◆ where a milestone is due, the
  row totals and the monthly workload as numbers; header frozen; A4 landscape, one page wide.
- **Progress** (with ``--quarter``): the quarterly report (``npmplan report``) as one row per
  objective; the rating is a word on a coloured fill, so it reads in grey scale too.
- **Milestones**: a row per milestone (objective, what, when, window, status, lead...) with an
  auto-filter.

A cell holds at most 32,767 characters (UTF-16 units), and XlsxWriter would cut longer
text silently, mid-word: here it is cut at a word and ends with "… [cut: N characters more
in the plan]", and ``workbook`` says which cells were cut, for the command to say so.

Formatting only: every figure comes from ``compute.schedule``. XlsxWriter is imported here,
and this module only by ``export xlsx``.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime

import xlsxwriter
import xlsxwriter.utility
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from npmplan.compute.calendar import Calendar, CalendarRow
from npmplan.compute.report import ObjectiveReport, QuarterReport
from npmplan.compute.schedule import Row
from npmplan.model.plan import KINDS, RATINGS, Kind, Milestone, Plan
from npmplan.render.glyphs import MILESTONE, NAME
from npmplan.render.reports.calendar import start_end
from npmplan.render.reports.report import counts_words, heading
from npmplan.text import one_line

LETTER: dict[Kind, str] = {"active": "A", "meetings": "M", "production": "P"}
# The HTML page's colours, light enough for the letter to read on them in print.
FILL: dict[Kind, str] = {"active": "#2F6EA5", "meetings": "#8DB8DE", "production": "#D9E7F3"}
FONT: dict[Kind, str] = {"active": "#FFFFFF", "meetings": "#000000", "production": "#000000"}
A4 = 9  # XlsxWriter's paper code


@dataclass(frozen=True, slots=True)
class Sheets:
    """What the workbook shows: the calendar view and the rows of the milestone list."""

    plan: Plan
    view: Calendar
    rows: list[Row]
    progress: QuarterReport | None = None  # the quarterly report, for the Progress sheet


class _Formats:
    def __init__(self, book: Workbook) -> None:
        base = {"font_name": "Arial", "font_size": 9, "valign": "top"}
        self.title = book.add_format({**base, "bold": True, "font_size": 13})
        self.note = book.add_format({**base, "italic": True, "font_color": "#444444"})
        self.head = book.add_format({**base, "bold": True, "bottom": 1, "bg_color": "#EEEEEE",
                                     "text_wrap": True})
        self.month_head = book.add_format({**base, "bold": True, "bottom": 1, "align": "center",
                                           "bg_color": "#EEEEEE"})
        self.group = book.add_format({**base, "bold": True, "top": 1, "text_wrap": True})
        self.text = book.add_format({**base, "text_wrap": True})
        self.cell = book.add_format({**base, "align": "center", "border": 1,
                                     "border_color": "#BBBBBB"})
        self.kind = {kind: book.add_format({**base, "align": "center", "bold": True,
                                            "border": 1, "border_color": "#BBBBBB",
                                            "bg_color": FILL[kind], "font_color": FONT[kind]})
                     for kind in KINDS}
        self.number = book.add_format({**base, "num_format": "0"})
        self.load = book.add_format({**base, "bold": True, "top": 1, "num_format": "0",
                                     "align": "center"})
        self.over = book.add_format({**base, "bold": True, "top": 1, "num_format": "0",
                                     "align": "center", "font_color": "#B00020",
                                     "bg_color": "#FBE3E6"})
        self.load_name = book.add_format({**base, "bold": True, "top": 1})


CELL_LIMIT = 32_767  # UTF-16 units in one cell: Excel's limit, and XlsxWriter's


def _units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def cut_to_cell(text: str) -> tuple[str, int]:
    """``text`` as it fits in a cell, and how many characters were cut (0: none): the end
    is cut at a space where there is one near, and marked."""
    if len(text) <= CELL_LIMIT // 2 or _units(text) <= CELL_LIMIT:
        return text, 0
    room = CELL_LIMIT - _units(f"… [cut: {len(text):,} characters more in the plan]")
    kept = text[:room]
    while _units(kept) > room:  # characters beyond the BMP take two units each
        kept = kept[:room - (_units(kept) - room)]
    space = kept.rfind(" ", len(kept) - 200)
    kept = kept[:space] if space > 0 else kept
    more = len(text) - len(kept)
    return f"{kept}… [cut: {more:,} characters more in the plan]", more


class _Sheet(Worksheet):  # type: ignore[misc]  # XlsxWriter has no types
    """A worksheet that cuts over-long text at a word, marks it, and remembers where."""

    def __init__(self) -> None:
        super().__init__()
        self.cuts: list[str] = []

    def _write_string(self, row: int, col: int, string: str, cell_format: object = None
                      ) -> int:
        string, more = cut_to_cell(string)
        if more:
            self.cuts.append(f"{self.name}!{xlsxwriter.utility.xl_rowcol_to_cell(row, col)}")
        return int(super()._write_string(row, col, string, cell_format))


@dataclass(frozen=True, slots=True)
class Made:
    """The workbook's bytes, and the cells whose text was cut to fit ("Milestones!K5")."""

    data: bytes
    cuts: tuple[str, ...]


def workbook(sheets: Sheets) -> Made:
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True, "strings_to_numbers": False,
                                     "strings_to_formulas": False, "strings_to_urls": False})
    start = sheets.plan.plan.period[0].first_day()
    book.set_properties({"title": one_line(sheets.plan.plan.title),
                         "subject": "Calendar of actions and milestones",
                         "comments": "Made by npmplan export xlsx",
                         # as the ics's DTSTAMP: the same plan gives the same bytes
                         "created": datetime(start.year, start.month, start.day)})
    formats = _Formats(book)
    pages = [book.add_worksheet("Calendar", _Sheet), book.add_worksheet("Milestones", _Sheet)]
    _calendar(pages[0], sheets.view, formats)
    _milestones(pages[1], sheets, formats)
    if sheets.progress is not None:
        pages.append(book.add_worksheet("Progress", _Sheet))
        _progress(book, pages[2], sheets.progress)
    book.close()
    return Made(out.getvalue(), tuple(cut for page in pages for cut in page.cuts))


def _page(sheet: Worksheet, header_row: int) -> None:
    sheet.set_landscape()
    sheet.set_paper(A4)
    sheet.fit_to_pages(1, 0)  # one page wide, as many tall as it takes
    sheet.repeat_rows(header_row)
    sheet.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.5)
    sheet.set_footer("&L&8&A&R&8Page &P of &N")


LABEL_WIDTH = 46
CALENDAR_WIDTH = LABEL_WIDTH + 7 + 7 + 6  # the columns a strategic objective's heading spans


def _calendar(sheet: Worksheet, view: Calendar, f: _Formats) -> None:
    months = view.months
    last_col = 4 + len(months)
    sheet.write_string(0, 0, one_line(f"Calendar of actions: {view.title}"), f.title)
    sheet.write_string(1, 0, one_line(f"Showing {view.filtered}") if view.filtered else "",
                       f.note)
    head = 2
    for col, name in enumerate(["Id", "Activity", "Start", "End"]):
        sheet.write_string(head, col, name, f.head)
    for offset, month in enumerate(months):
        sheet.write_string(head, 4 + offset, month.short(), f.month_head)
    sheet.write_string(head, last_col, "Total", f.month_head)
    row_at = head + 1
    current = None
    for row in view.rows:
        if row.strategic.id != current:
            current = row.strategic.id
            heading = one_line(f"Strategic objective {row.strategic.id}: "
                               f"{row.strategic.title}")
            sheet.write_string(row_at, 0, one_line(row.strategic.id), f.group)
            sheet.merge_range(row_at, 1, row_at, last_col, heading, f.group)
            sheet.set_row(row_at, LINE * lines(heading, CALENDAR_WIDTH + 6 * len(months)))
            row_at += 1
        _objective_row(sheet, row_at, view, row, f)
        row_at += 1
    _workload_row(sheet, row_at, view, f)
    _key(sheet, row_at + 2, view, f)
    sheet.set_column(0, 0, 6)
    sheet.set_column(1, 1, LABEL_WIDTH)
    sheet.set_column(2, 3, 7)
    sheet.set_column(4, last_col - 1, 5.2)
    sheet.set_column(last_col, last_col, 6)
    sheet.freeze_panes(head + 1, 2)
    _page(sheet, head)


def _objective_row(sheet: Worksheet, at: int, view: Calendar, row: CalendarRow,
                   f: _Formats) -> None:
    start, end = start_end(row)
    label = one_line(row.objective.row_label)
    sheet.write_string(at, 0, one_line(row.objective.id), f.text)
    sheet.write_string(at, 1, label, f.text)
    if lines(label, LABEL_WIDTH) > 1:
        sheet.set_row(at, LINE * lines(label, LABEL_WIDTH))
    sheet.write_string(at, 2, start, f.text)
    sheet.write_string(at, 3, end, f.text)
    for offset, month in enumerate(view.months):
        kind = row.cells.get(month)
        mark = MILESTONE if row.milestones.get(month) else ""
        text = (LETTER[kind] if kind else "") + mark
        sheet.write_string(at, 4 + offset, text, f.kind[kind] if kind else f.cell)
    sheet.write_number(at, 4 + len(view.months), row.total, f.number)


def _workload_row(sheet: Worksheet, at: int, view: Calendar, f: _Formats) -> None:
    sheet.write_string(at, 0, "", f.load_name)
    name = "Monthly workload (count of active activities)"
    sheet.write_string(at, 1, name, f.load_name)
    sheet.write_blank(at, 2, None, f.load_name)
    sheet.write_blank(at, 3, None, f.load_name)
    loads = view.workload.loads
    for offset, load in enumerate(loads):
        sheet.write_number(at, 4 + offset, load.active, f.over if load.over else f.load)
    sheet.write_number(at, 4 + len(loads), view.workload.total, f.load)


def _key(sheet: Worksheet, at: int, view: Calendar, f: _Formats) -> None:
    sheet.write_string(at, 1, "Key", f.group)
    for offset, kind in enumerate(KINDS):
        sheet.write_string(at + 1 + offset, 0, LETTER[kind], f.kind[kind])
        sheet.write_string(at + 1 + offset, 1, NAME[kind], f.text)
    sheet.write_string(at + 4, 0, MILESTONE, f.cell)
    sheet.write_string(at + 4, 1, "a milestone is due in the month", f.text)
    if view.workload.capacity is not None:
        sheet.write_string(at + 5, 0, "", f.over)
        sheet.write_string(at + 5, 1,
                           f"workload over the capacity of {view.workload.capacity}", f.text)


MILESTONE_COLUMNS = [("Strategic objective", 10), ("Objective", 9), ("Activity", 34),
                     ("What", 44), ("When", 16), ("Moved to", 12), ("First month", 9),
                     ("Last month", 9), ("Recurs", 12), ("Status", 10), ("Done on", 11),
                     ("Leads", 20), ("Note", 30)]


def _milestone_cells(plan: Plan, leads: list[str], milestone: Milestone) -> list[str]:
    window = milestone.effective.window()
    names = {member.id: member.name for member in plan.team}
    return [
        milestone.what, milestone.when.text,
        milestone.moved_to.text if milestone.moved_to else "",
        str(window[0]) if window else "", str(window[1]) if window else "",
        f"every {milestone.every} months" if milestone.every else "",
        milestone.status, milestone.done_on.text if milestone.done_on else "",
        ", ".join(names.get(lead, lead) for lead in leads), milestone.note or "",
    ]


def _milestones(sheet: Worksheet, sheets: Sheets, f: _Formats) -> None:
    for col, (name, width) in enumerate(MILESTONE_COLUMNS):
        sheet.write_string(0, col, name, f.head)
        sheet.set_column(col, col, width)
    sheet.set_row(0, 2 * LINE)
    at = 1
    for strategic, objective in sheets.rows:
        for milestone in objective.milestones:
            cells = [strategic.id, objective.id, objective.row_label,
                     *_milestone_cells(sheets.plan, objective.leads, milestone)]
            cells = [one_line(value) for value in cells]
            for col, value in enumerate(cells):
                sheet.write_string(at, col, value, f.text)
            high = max(lines(value, width) for value, (_, width)
                        in zip(cells, MILESTONE_COLUMNS, strict=True))
            sheet.set_row(at, LINE * high)
            at += 1
    sheet.autofilter(0, 0, max(at - 1, 1), len(MILESTONE_COLUMNS) - 1)
    sheet.freeze_panes(1, 0)
    _page(sheet, 0)


# The Progress sheet: every figure is the report's (``compute.report``).

# (column, width): one row per objective
PROGRESS_COLUMNS = (
    ("Strategic objective", 10), ("Id", 6), ("Objective", 36), ("RAG", 10),
    ("Computed RAG", 10), ("Why (computed)", 36), ("Set by an officer", 10), ("Reason", 30),
    ("Set on", 11), ("Stale", 7), ("Done this quarter", 9), ("Due, not done", 9), ("Moved", 8),
    ("Due next quarter", 9))
RATING_FILL = {"red": "#F4C7C3", "amber": "#FCE8B2", "green": "#B7E1CD", "complete": "#C9DAF8"}


def _progress_cells(item: ObjectiveReport) -> list[str | int]:
    override = item.override
    return [item.strategic.id, item.objective.id, item.objective.row_label, item.rag.upper(),
            item.computed, item.why,
            override.status if override else "", override.reason if override else "",
            override.set_on.isoformat() if override else "",
            ("yes" if override.stale else "no") if override else "",
            len(item.done), len(item.due_not_done), len(item.moved), len(item.next)]


def _progress(book: Workbook, sheet: Worksheet, report: QuarterReport) -> None:
    base = {"font_name": "Arial", "font_size": 9, "valign": "top"}
    text = book.add_format({**base, "text_wrap": True})
    head = book.add_format({**base, "bold": True, "bottom": 1, "bg_color": "#EEEEEE",
                            "text_wrap": True})
    rag = {r: book.add_format({**base, "bold": True, "align": "center", "border": 1,
                               "bg_color": RATING_FILL[r]}) for r in RATINGS}
    title, sub = heading(report)
    sheet.write_string(0, 0, one_line(title), book.add_format({**base, "bold": True,
                                                                "font_size": 13}))
    sheet.write_string(1, 0, one_line(f"{sub}. Ratings: {counts_words(report.summary)}."),
                       book.add_format(base))
    for col, (name, width) in enumerate(PROGRESS_COLUMNS):
        sheet.write_string(3, col, name, head)
        sheet.set_column(col, col, width)
    sheet.set_row(3, 2 * LINE)
    for at, item in enumerate(report.objectives, start=4):
        cells = _progress_cells(item)
        for col, value in enumerate(cells):
            if isinstance(value, int):
                sheet.write_number(at, col, value, text)
            else:
                style = rag[item.rag] if col == 3 else text
                sheet.write_string(at, col, one_line(value), style)
        # a spreadsheet does not grow a row for text a program wrapped: say how high it is
        widths = (width for _, width in PROGRESS_COLUMNS)
        sheet.set_row(at, LINE * max(lines(str(value), width)
                                     for value, width in zip(cells, widths, strict=True)))
    last = 3 + len(report.objectives)
    sheet.autofilter(3, 0, max(last, 4), len(PROGRESS_COLUMNS) - 1)
    sheet.freeze_panes(4, 3)
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(3)


# Row heights for wrapped text.

LINE = 12.0  # points per line of 9-point Arial


def lines(text: str, width: float) -> int:
    """How many lines ``text`` wraps to in a column ``width`` characters wide (roughly:
    spreadsheets do not grow a row for wrapped text that a program wrote)."""
    return max(1, -(-len(text) // max(int(width * 1.6) - 2, 1)))
