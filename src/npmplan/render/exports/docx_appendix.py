"""Appendix 1 of the Word document: the calendar of actions on a landscape page of its own.

One row per objective: its id, activity, the source's Notes/Key Dates, start and end, a column
per month of the period, each active month shaded by its kind, and the row total. The three
kinds differ in lightness, in pattern *and* in a letter, so that a grey-scale print (or a
reader who cannot tell the colours apart) still tells them apart:

    kind         fill                      letter
    active       dark blue, solid          A (white)
    meetings     light blue, dark stripes  M
    production   pale yellow, fine dots    P

A ◆ marks a month with a milestone due (◆2: two). The row totals, the "Monthly workload" row
and its total are the computed figures of ``compute.calendar`` as given in the view.

The grid is set in 7.5 pt (the ``Grid Text`` style) so that the whole year fits one page, as
in the source; the README's accessibility note says so, and the same figures are in the
xlsx and HTML exports at any size.
"""

from __future__ import annotations

from collections.abc import Sequence
from copy import deepcopy

from docx.document import Document
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm
from docx.table import Table, _Cell

from npmplan.compute.calendar import Calendar, CalendarRow
from npmplan.model.plan import KINDS, Kind
from npmplan.render.exports.docx_parts import (
    cell_text,
    keep_whole,
    repeat_header,
    rows_of_cells,
    safe,
    set_style,
    set_widths,
    shade,
    style_id,
)
from npmplan.render.exports.docx_style import GRID
from npmplan.render.exports.docx_xml import (
    W_P,
    W_PSTYLE,
    W_VAL,
    Paragraphs,
    cell_property,
    cells,
    fill,
    set_property,
)
from npmplan.render.glyphs import MILESTONE, NAME
from npmplan.render.reports.calendar import start_end

# kind -> (fill, pattern, pattern colour, letter, letter colour)
FILLS: dict[Kind, tuple[str, str, str, str, str]] = {
    "active": ("1F3864", "clear", "auto", "A", "FFFFFF"),
    "meetings": ("BDD7EE", "diagStripe", "2E75B6", "M", "000000"),
    "production": ("FFF2CC", "pct20", "BF8F00", "P", "000000"),
}
HEADER_FILL = "D9D9D9"
_VALIGN = qn("w:vAlign")  # w:val="center": WD_CELL_VERTICAL_ALIGNMENT.CENTER
WORKLOAD = "Monthly workload (count of active activities)"
# Objective, Activity, Notes/Key Dates, Start, End | months | Row total: 27.3 cm, the
# appendix's landscape page less its margins (docx_style.page, tight), the months sharing
# what is left (0.8 cm for a year: "A◆2" at 6.5 pt is 0.5 cm).
FIXED = (1.5, 4.4, 8.6, 1.1, 1.1)
TOTAL = 1.0
PAGE = 27.3


def appendix(doc: Document, view: Calendar, heading: str | None = None) -> Table:
    """The heading, the calendar table and its key under it (the section is the
    caller's). A paragraph names the key: two tables side by side would be read as one."""
    first, last = view.months[0], view.months[-1]
    written = safe(heading) if heading else \
        f"Appendix 1 – Calendar of Actions {first.long()} to {last.long()}"
    doc.add_heading(written, 1).paragraph_format.space_before = Cm(0)
    if view.filtered:
        doc.add_paragraph(f"Showing {view.filtered} only: the workload row counts the rows "
                          "shown.")
    table = _table(doc, view)
    label = set_style(doc.add_paragraph(), GRID)
    label.paragraph_format.space_before = Cm(0.15)
    label.add_run("Key").bold = True
    _key(doc)
    return table


def _narrow(table: Table) -> None:
    """Cell margins of 0.08 cm: the month columns are narrow."""
    properties = table._tbl.tblPr
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), "45")
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    properties.insert_element_before(margins, "w:tblLook", "w:tblCaption",
                                     "w:tblDescription", "w:tblPrChange")  # schema order


def _key(doc: Document) -> None:
    key = doc.add_table(rows=1, cols=2 * len(KINDS) + 1)
    key.style = "Table Grid"
    cells = key.rows[0].cells
    for index, kind in enumerate(KINDS):
        _kind_cell(cells[2 * index], kind, 0)
        cell_text(cells[2 * index + 1], NAME[kind], style=GRID)
    cell_text(cells[-1], f"{MILESTONE} a milestone due that month ({MILESTONE}2: two)",
              style=GRID)
    set_widths(key, [Cm(0.8), Cm(4.2)] * len(KINDS) + [Cm(7.0)])
    _narrow(key)


def _widths(months: int) -> list[Cm]:
    month = min(1.2, (PAGE - sum(FIXED) - TOTAL) / max(months, 1))
    return [*[Cm(width) for width in FIXED], *[Cm(month)] * months, Cm(TOTAL)]


def _table(doc: Document, view: Calendar) -> Table:
    months = view.months
    table: Table = doc.add_table(rows=len(view.rows) + 2, cols=len(months) + 6)
    table.style = "Table Grid"
    # "Apr" over "26": every month heading on two lines, as narrow columns would wrap it
    headings = ["Objective", "Activity", "Notes/Key Dates", "Start", "End",
                *[m.short().replace(" ", "\n") for m in months], "Row total"]
    grid = rows_of_cells(table)  # all but the last row, whose first cells are merged
    for cell, heading in zip(grid[0], headings, strict=True):
        cell_text(cell, heading, bold=True, style=GRID, align=WD_ALIGN_PARAGRAPH.CENTER)
        shade(cell, HEADER_FILL)
    made: dict[tuple[Kind | None, int], BaseOxmlElement] = {}
    for row, calendar_row in zip(grid[1:-1], view.rows, strict=True):
        _row(row, calendar_row, view, made)
    _workload_row(table.rows[-1].cells, view)
    set_widths(table, _widths(len(months)))
    _narrow(table)
    repeat_header(table)
    keep_whole(table, range(len(table.rows)))
    text_style = style_id(doc, GRID)
    for line in table.rows[1:]:
        line.height = Cm(0.4)  # a one-line row as tall as a shaded cell's letter needs
        line.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
        for tc in cells(line._tr):
            cell_property(tc, _VALIGN, {W_VAL: "center"})
            for p in tc.iterchildren(W_P):  # an empty cell's too: Normal would be 12 pt
                set_property(p, W_PSTYLE, text_style)
    return table


def _row(cells: Sequence[_Cell], row: CalendarRow, view: Calendar,
         made: dict[tuple[Kind | None, int], BaseOxmlElement]) -> None:
    """One objective's row. A month's cell is one of a few (its kind and its milestones):
    each is made once and copied after, a row of thousands being mostly the same cells."""
    start, end = start_end(row)
    texts = [row.objective.id, row.objective.row_label, row.objective.appendix_note or "",
             start, end, str(row.total)]
    grid = style_id(cells[0], GRID)
    written = [Paragraphs() for _ in texts]
    for index, (out, text) in enumerate(zip(written, texts, strict=True)):
        total = index == len(texts) - 1  # as cell_text writes it: an empty run first
        out.paragraph(grid, align="center" if total else None)
        out.run("")
        out.run(safe(text), bold=True if total else None)
    fill([cell._tc for cell in [*cells[:len(FIXED)], cells[-1]]], written)
    for cell, month in zip(cells[len(FIXED):], view.months, strict=False):
        key = (row.cells.get(month), row.milestones.get(month, 0))
        if key in made:
            cell._tc.getparent().replace(cell._tc, deepcopy(made[key]))
            continue
        if key[0] is not None:
            _kind_cell(cell, key[0], key[1])
        elif key[1]:
            cell_text(cell, _mark(key[1]), style=GRID, align=WD_ALIGN_PARAGRAPH.CENTER)
        made[key] = deepcopy(cell._tc)


def _mark(count: int) -> str:
    return MILESTONE if count == 1 else f"{MILESTONE}{count}"


def _kind_cell(cell: _Cell, kind: Kind, milestones: int) -> None:
    fill, pattern, color, letter, ink = FILLS[kind]
    shade(cell, fill, pattern, color)
    text = letter + (_mark(milestones) if milestones else "")
    cell_text(cell, text, bold=True, style=GRID, align=WD_ALIGN_PARAGRAPH.CENTER, color=ink)


def _workload_row(cells: Sequence[_Cell], view: Calendar) -> None:
    label = cells[0].merge(cells[len(FIXED) - 1])
    cell_text(label, WORKLOAD, bold=True, style=GRID)
    for cell, load in zip(cells[len(FIXED):], view.workload.loads, strict=False):
        cell_text(cell, str(load.active), bold=True, style=GRID,
                  align=WD_ALIGN_PARAGRAPH.CENTER)
    cell_text(cells[-1], str(view.workload.total), bold=True, style=GRID,
              align=WD_ALIGN_PARAGRAPH.CENTER)
