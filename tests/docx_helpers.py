"""The Word export made in process (one export per test module, not one per test: a
document takes a second or two), and its text read back as units."""

from __future__ import annotations

import io
from pathlib import Path

import docx
from docx.document import Document
from docx.oxml.ns import qn
from docx.table import Table

from npmplan.compute.calendar import calendar_report
from npmplan.compute.schedule import Filters
from npmplan.pipeline import read_plan
from npmplan.render.exports.docx import plan_docx


def render(path: Path, as_agreed: bool = False) -> bytes:
    """``npmplan export docx`` of ``path`` (no filter), as bytes."""
    result = read_plan(path)
    assert result.plan is not None, result.errors
    shown = Filters()
    return plan_docx(result.plan, shown.rows(result.plan),
                     calendar_report(result.plan, shown, None), as_agreed)


def opened(data: bytes) -> Document:
    return docx.Document(io.BytesIO(data))


def units(document: Document) -> list[str]:
    """Every paragraph of the body, and every paragraph of every table cell, in reading
    order (a merged cell once); headers and footers are not the document's text."""
    out: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            seen: list[object] = []  # the cells' elements (a merged cell is one)
            for row in block.rows:
                for cell in row.cells:
                    if not any(cell._tc is element for element in seen):
                        seen.append(cell._tc)
                        out += [p.text for p in cell.paragraphs]
        else:
            out.append(block.text)
    return out


def carries_section(paragraph: object) -> bool:
    """A paragraph that holds a section's properties (Word keeps them in one)."""
    properties = paragraph._p.pPr  # type: ignore[attr-defined]
    return properties is not None and properties.find(qn("w:sectPr")) is not None
