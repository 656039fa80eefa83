"""The small pieces of a Word document that python-docx has no call for: cell shading, a
header row repeated on every page, fixed column widths, and text made safe for XML.

Only ``docx`` and ``docx_appendix`` beside it import this module, and only inside
``npmplan export docx``, so python-docx is never loaded by any other command.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Length, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from npmplan.render.light import blocks
from npmplan.text import clean

# XML 1.0 has no place for these (validate refuses them in a plan; a file that was never
# validated must still give a document rather than a traceback).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

SMALL = Pt(8)


def safe(text: str) -> str:
    """Plan text for the document: no control, bidi or XML-illegal characters."""
    return _NOT_XML.sub("", clean(text))


def shade(cell: _Cell, fill: str, pattern: str = "clear", color: str = "auto") -> None:
    """Shade ``cell``: ``fill`` (RRGGBB) under a ``pattern`` drawn in ``color``."""
    properties = cell._tc.get_or_add_tcPr()
    for old in properties.findall(qn("w:shd")):
        properties.remove(old)
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), pattern)
    shading.set(qn("w:color"), color)
    shading.set(qn("w:fill"), fill)
    properties.append(shading)


def repeat_header(table: Table, rows: int = 1, keep_rows: bool = False) -> None:
    """Mark the first ``rows`` rows as the header Word repeats at the top of every page;
    with ``keep_rows``, no row is split across two pages."""
    for index, row in enumerate(table.rows):
        properties = row._tr.get_or_add_trPr()
        if keep_rows:
            properties.append(OxmlElement("w:cantSplit"))
        if index < rows:
            header = OxmlElement("w:tblHeader")
            header.set(qn("w:val"), "true")
            properties.append(header)


def set_widths(table: Table, widths: Sequence[Length]) -> None:
    """Fixed column widths, written both where Word and where LibreOffice read them."""
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width


def cell_text(cell: _Cell, text: str, *, bold: bool = False, size: Length = SMALL,
              align: WD_ALIGN_PARAGRAPH | None = None) -> Paragraph:
    """Replace the cell's content with one paragraph of ``text``."""
    paragraph: Paragraph = cell.paragraphs[0]
    paragraph.text = ""
    run = paragraph.add_run(safe(text))
    run.bold = bold
    run.font.size = size
    if align is not None:
        paragraph.alignment = align
    return paragraph


def cell_paragraph(cell: _Cell, first: list[bool]) -> Paragraph:
    """The cell's next paragraph: its empty first one, then new ones. ``first`` is a one-item
    flag shared by the calls for one cell."""
    paragraph: Paragraph
    if first[0]:
        first[0] = False
        paragraph = cell.paragraphs[0]
    else:
        paragraph = cell.add_paragraph()
    return paragraph


def add_prose(cell: _Cell, text: str, first: list[bool], size: Length = SMALL) -> None:
    """Markdown-light ``text`` into ``cell``: paragraphs, and bullet items in List Bullet."""
    for block in blocks(text):
        paragraph = cell_paragraph(cell, first)
        if block.kind == "bullet":
            paragraph.style = "List Bullet"
            # the style's indent is for a page; a narrow cell needs less
            paragraph.paragraph_format.left_indent = Cm(0.35)
            paragraph.paragraph_format.first_line_indent = Cm(-0.3)
        paragraph.add_run(safe(block.text)).font.size = size


def compact(paragraph: Paragraph, after: float = 3) -> None:
    """Little space between paragraphs in a table cell."""
    paragraph.paragraph_format.space_after = Pt(after)
    paragraph.paragraph_format.space_before = Pt(0)
