"""Appendix 1 of the Word document: the calendar of actions on a landscape page.

One row per objective, a column per month of the period, each active month shaded by its
kind. The three kinds differ in lightness, in pattern *and* in a letter, so that a grey-scale
print (or a reader who cannot tell the colours apart) still tells them apart:

    kind         fill                      letter
    active       dark blue, solid          A (white)
    meetings     light blue, dark stripes  M
    production   pale yellow, fine dots    P

A ◆ marks a month with a milestone due (◆2: two). The row totals, the "Monthly workload" row
and its total are the computed figures of ``compute.calendar`` as given in the view.
"""

from __future__ import annotations

from collections.abc import Sequence

from docx.document import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table, _Cell

from npmplan.compute.calendar import Calendar, CalendarRow
from npmplan.model.plan import KINDS, Kind
from npmplan.render.exports.docx_parts import SMALL, cell_text, repeat_header, set_widths, shade
from npmplan.render.glyphs import MILESTONE, NAME
from npmplan.render.reports.calendar import start_end

# kind -> (fill, pattern, pattern colour, letter, letter colour)
FILLS: dict[Kind, tuple[str, str, str, str, str]] = {
    "active": ("1F3864", "clear", "auto", "A", "FFFFFF"),
    "meetings": ("BDD7EE", "diagStripe", "2E75B6", "M", "000000"),
    "production": ("FFF2CC", "pct20", "BF8F00", "P", "000000"),
}
HEADER_FILL = "D9D9D9"
WORKLOAD = "Monthly workload (count of active activities)"


def appendix(doc: Document, view: Calendar) -> Table:
    """A landscape section with the heading, the key and the calendar table."""
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))
    first, last = view.months[0], view.months[-1]
    doc.add_heading(f"Appendix 1 – Calendar of Actions {first.long()} to {last.long()}", 1)
    if view.filtered:
        doc.add_paragraph(f"Showing {view.filtered} only: the workload row counts the rows "
                          "shown.")
    _key(doc)
    return _table(doc, view)


def _key(doc: Document) -> None:
    key = doc.add_table(rows=1, cols=2 * len(KINDS) + 1)
    key.style = "Table Grid"
    cells = key.rows[0].cells
    for index, kind in enumerate(KINDS):
        _kind_cell(cells[2 * index], kind, 0)
        cell_text(cells[2 * index + 1], NAME[kind])
    cell_text(cells[-1], f"{MILESTONE} a milestone due that month ({MILESTONE}2: two)")
    set_widths(key, [Cm(0.8), Cm(4.2)] * len(KINDS) + [Cm(7.0)])
    doc.add_paragraph().paragraph_format.space_after = Pt(2)


def _widths(months: int) -> list[Cm]:
    month = min(1.2, 17.0 / max(months, 1))
    return [Cm(1.0), Cm(6.4), Cm(1.55), Cm(1.55), *[Cm(month)] * months, Cm(1.4)]


def _table(doc: Document, view: Calendar) -> Table:
    months = view.months
    table: Table = doc.add_table(rows=len(view.rows) + 2, cols=len(months) + 5)
    table.style = "Table Grid"
    # "Apr" over "26": every month heading on two lines, as narrow columns would wrap it
    headings = ["Id", "Activity", "Start", "End", *[m.short().replace(" ", "\n") for m in months],
                "Row total"]
    for cell, heading in zip(table.rows[0].cells, headings, strict=True):
        cell_text(cell, heading, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
        shade(cell, HEADER_FILL)
    for row, calendar_row in zip(table.rows[1:], view.rows, strict=False):
        _row(row.cells, calendar_row, view)
    _workload_row(table.rows[-1].cells, view)
    set_widths(table, _widths(len(months)))
    repeat_header(table, keep_rows=True)
    for row in table.rows[1:]:
        row.height = Cm(0.5)
        row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
        for cell in row.cells:
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    return table


def _row(cells: Sequence[_Cell], row: CalendarRow, view: Calendar) -> None:
    start, end = start_end(row)
    for cell, text in zip(cells, [row.objective.id, row.objective.row_label, start, end],
                          strict=False):
        cell_text(cell, text)
    for cell, month in zip(cells[4:], view.months, strict=False):
        kind = row.cells.get(month)
        if kind is not None:
            _kind_cell(cell, kind, row.milestones.get(month, 0))
        elif row.milestones.get(month):
            cell_text(cell, _mark(row.milestones[month]), align=WD_ALIGN_PARAGRAPH.CENTER)
    cell_text(cells[-1], str(row.total), bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)


def _mark(count: int) -> str:
    return MILESTONE if count == 1 else f"{MILESTONE}{count}"


def _kind_cell(cell: _Cell, kind: Kind, milestones: int) -> None:
    fill, pattern, color, letter, ink = FILLS[kind]
    shade(cell, fill, pattern, color)
    text = letter + (_mark(milestones) if milestones else "")
    paragraph = cell_text(cell, text, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    for run in paragraph.runs:
        run.font.color.rgb = RGBColor.from_string(ink)
        run.font.size = SMALL


def _workload_row(cells: Sequence[_Cell], view: Calendar) -> None:
    label = cells[0].merge(cells[3])
    cell_text(label, WORKLOAD, bold=True)
    for cell, load in zip(cells[4:], view.workload.loads, strict=False):
        cell_text(cell, str(load.active), bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    cell_text(cells[-1], str(view.workload.total), bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
