"""The Progress sheet of ``export xlsx``: the quarterly report (``npmplan report``) as one
row per objective, for a Steering Group that works in spreadsheets. Every figure is the
report's (``compute.report``); the rating is a word on a coloured fill, so it reads in grey
scale too.
"""

from __future__ import annotations

from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from npmplan.compute.report import ObjectiveReport, QuarterReport
from npmplan.model.plan import RATINGS
from npmplan.render.report import counts_words, heading
from npmplan.render.safe import one_line
from npmplan.render.xlsx_parts import LINE, lines

# (column, width): one row per objective
COLUMNS = (("Strategic objective", 10), ("Id", 6), ("Objective", 36), ("RAG", 10),
           ("Computed RAG", 10), ("Why (computed)", 36), ("Set by an officer", 10),
           ("Reason", 30), ("Set on", 11), ("Stale", 7), ("Done this quarter", 9),
           ("Due, not done", 9), ("Moved", 8), ("Due next quarter", 9))
FILL = {"red": "#F4C7C3", "amber": "#FCE8B2", "green": "#B7E1CD", "complete": "#C9DAF8"}


def _cells(item: ObjectiveReport) -> list[str | int]:
    override = item.override
    return [item.strategic.id, item.objective.id, item.objective.row_label, item.rag.upper(),
            item.computed, item.why,
            override.status if override else "", override.reason if override else "",
            override.set_on.isoformat() if override else "",
            ("yes" if override.stale else "no") if override else "",
            len(item.done), len(item.due_not_done), len(item.moved), len(item.next)]


def progress_sheet(book: Workbook, sheet: Worksheet, report: QuarterReport) -> None:
    base = {"font_name": "Arial", "font_size": 9, "valign": "top"}
    text = book.add_format({**base, "text_wrap": True})
    head = book.add_format({**base, "bold": True, "bottom": 1, "bg_color": "#EEEEEE",
                            "text_wrap": True})
    rag = {r: book.add_format({**base, "bold": True, "align": "center", "border": 1,
                               "bg_color": FILL[r]}) for r in RATINGS}
    title, sub = heading(report)
    sheet.write_string(0, 0, one_line(title), book.add_format({**base, "bold": True,
                                                                "font_size": 13}))
    sheet.write_string(1, 0, one_line(f"{sub}. Ratings: {counts_words(report.summary)}."),
                       book.add_format(base))
    for col, (name, width) in enumerate(COLUMNS):
        sheet.write_string(3, col, name, head)
        sheet.set_column(col, col, width)
    sheet.set_row(3, 2 * LINE)
    for at, item in enumerate(report.objectives, start=4):
        cells = _cells(item)
        for col, value in enumerate(cells):
            if isinstance(value, int):
                sheet.write_number(at, col, value, text)
            else:
                style = rag[item.rag] if col == 3 else text
                sheet.write_string(at, col, one_line(value), style)
        # a spreadsheet does not grow a row for text a program wrapped: say how high it is
        sheet.set_row(at, LINE * max(lines(str(value), width)
                                     for value, (_, width) in zip(cells, COLUMNS, strict=True)))
    last = 3 + len(report.objectives)
    sheet.autofilter(3, 0, max(last, 4), len(COLUMNS) - 1)
    sheet.freeze_panes(4, 3)
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(3)
