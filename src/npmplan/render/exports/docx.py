"""``npmplan export docx``: the business plan document itself, as Word writes it.

In the source document's order: a title page; the introduction, the strategic objectives'
overview, the four functions and the context (the plan's Markdown-light text); the overview
notes and a table per strategic objective (objective, rationale, desired outcome,
product/output with web-hosted ones marked *, timeline of milestones); then Appendix 1, the
calendar of actions, on a landscape page (``docx_appendix``). Word's own styles throughout
(Title, Heading 1/2, Table Grid, List Bullet), so the navigation pane and a table of contents
work; table header rows repeat on every page.

The same plan gives the same bytes: the document's dates are the first day of the plan's
period, and the zip entries carry that date too (python-docx stamps them with the clock).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from datetime import UTC, datetime

import docx
from docx.document import Document
from docx.enum.text import WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.shared import Cm, Pt, RGBColor
from docx.table import _Cell

from npmplan.compute.calendar import Calendar
from npmplan.compute.schedule import Row
from npmplan.model.plan import FUNCTIONS, Milestone, Objective, Plan, StrategicObjective
from npmplan.render.exports.docx_appendix import appendix
from npmplan.render.exports.docx_parts import (
    SMALL,
    add_prose,
    cell_paragraph,
    cell_text,
    compact,
    repeat_header,
    safe,
    set_widths,
    shade,
)
from npmplan.render.light import blocks

COLUMNS = ("Objective", "Rationale", "Desired outcome", "Product/output", "Timeline")
WIDTHS = (Cm(3.0), Cm(4.1), Cm(3.5), Cm(3.2), Cm(3.2))
# The source's highlights: green for core business or high priority, blue for work that
# depends on funding; each also named in words, for a grey-scale print.
PRIORITY = {"core": ("E2EFDA", "Core business or high priority"),
            "funding-dependent": ("DDEBF7", "Dependent on funding availability"),
            "standard": ("", "")}
WEB_MARK = "*"
FONT = "Arial"  # LibreOffice and Word both have it (or a metric twin)


def plan_docx(model: Plan, rows: list[Row], view: Calendar) -> bytes:
    """The document's bytes: ``rows`` are the objectives shown (after any filter), ``view``
    the computed calendar of those rows."""
    doc = docx.Document()
    _styles(doc)
    _portrait(doc)
    _title_page(doc, model, view.filtered)
    _text_sections(doc, model)
    _objectives(doc, model, rows, bool(view.filtered))
    appendix(doc, view)
    return _fixed(doc, model)


def _styles(doc: Document) -> None:
    for name in ("Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "List Bullet"):
        style = doc.styles[name]
        fonts = style.element.rPr.rFonts if style.element.rPr is not None else None
        if fonts is not None:  # the theme's fonts would win over the name below
            for key in list(fonts.attrib):
                del fonts.attrib[key]
        style.font.name = FONT
    doc.styles["Normal"].font.size = Pt(10)


def _portrait(doc: Document) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.0))


def _title_page(doc: Document, model: Plan, filtered: str) -> None:
    info = model.plan
    if info.organisation:
        doc.add_paragraph(safe(info.organisation), style="Subtitle")
    doc.add_heading(safe(info.title), 0)
    first, last = info.period
    doc.add_paragraph(f"{first.long()} to {last.long()}")
    if filtered:
        doc.add_paragraph(f"This copy shows {filtered} only.")


def _text_sections(doc: Document, model: Plan) -> None:
    info = model.plan
    for heading, text in (("Introduction", info.introduction),
                          ("Strategic objectives", info.strategic_overview)):
        if text is not None:
            doc.add_heading(heading, 1)
            _prose(doc, text)
    functions = info.functions
    if functions is not None:
        doc.add_heading("Functions", 1)
        if functions.summary is not None:
            _prose(doc, functions.summary)
        for name in FUNCTIONS:
            text = getattr(functions, name)
            if text is not None:
                doc.add_heading(name.capitalize(), 2)
                _prose(doc, text)
    if info.context is not None:
        doc.add_heading("Context", 1)
        _prose(doc, info.context)


def _prose(doc: Document, text: str) -> None:
    for block in blocks(text):
        doc.add_paragraph(safe(block.text),
                          style="List Bullet" if block.kind == "bullet" else None)


def _objectives(doc: Document, model: Plan, rows: list[Row], filtered: bool) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    doc.add_heading(f"Overview: {safe(model.plan.title)}", 1)
    if model.plan.notes is not None:
        _prose(doc, model.plan.notes)
    names = {member.id: member.name for member in model.team}
    for strategic in model.strategic_objectives:
        objectives = [obj for so, obj in rows if so is strategic]
        if objectives or not filtered:
            _strategic(doc, strategic, objectives, names)


def _strategic(doc: Document, strategic: StrategicObjective, objectives: list[Objective],
               names: dict[str, str]) -> None:
    doc.add_heading(safe(f"Strategic objective {strategic.id}: {strategic.title}"), 2)
    if strategic.functions:
        doc.add_paragraph("Functions: " + ", ".join(strategic.functions))
    if not objectives:
        doc.add_paragraph("No objectives yet.")
        return
    table = doc.add_table(rows=len(objectives) + 1, cols=len(COLUMNS))
    table.style = "Table Grid"
    for cell, heading in zip(table.rows[0].cells, COLUMNS, strict=True):
        cell_text(cell, heading, bold=True)
        shade(cell, "D9D9D9")
    for row, objective in zip(table.rows[1:], objectives, strict=True):
        _objective(row.cells, objective, names)
    set_widths(table, WIDTHS)
    repeat_header(table)
    doc.add_paragraph()


def _objective(cells: Sequence[_Cell], objective: Objective, names: dict[str, str]) -> None:
    first = [True]
    title = cell_paragraph(cells[0], first)
    title.add_run(safe(f"{objective.id} ")).bold = True
    title.add_run(safe(objective.title))
    fill, words = PRIORITY[objective.priority] if objective.priority else ("", "")
    if fill:
        shade(cells[0], fill)
    if words:
        cell_paragraph(cells[0], first).add_run(words).italic = True
    if objective.leads:
        leads = ", ".join(names.get(lead, lead) for lead in objective.leads)
        cell_paragraph(cells[0], first).add_run(safe(f"Lead: {leads}"))
    if objective.rationale is not None:
        add_prose(cells[1], objective.rationale, [True])
    _list(cells[2], objective.outcomes)
    _list(cells[3], [out.title + (WEB_MARK if out.web else "") for out in objective.outputs])
    _timeline(cells[4], objective.milestones)
    for cell in cells:
        for paragraph in cell.paragraphs:
            compact(paragraph)
            for run in paragraph.runs:
                run.font.size = SMALL


def _list(cell: _Cell, items: list[str]) -> None:
    first = [True]
    for item in items:
        cell_paragraph(cell, first).add_run(safe(item))


def _timeline(cell: _Cell, milestones: list[Milestone]) -> None:
    first = [True]
    for milestone in milestones:
        paragraph = cell_paragraph(cell, first)
        paragraph.add_run(when_label(milestone) + ": ").bold = True
        what = paragraph.add_run(safe(milestone.what))
        if milestone.status == "cancelled":
            what.font.strike = True
        status = status_label(milestone)
        if status:
            paragraph.add_run(f" ({status})").italic = True
        if milestone.note:
            note = paragraph.add_run(safe(f" Note: {milestone.note}"))
            note.italic = True
            note.font.color.rgb = RGBColor(0x59, 0x59, 0x59)


def when_label(milestone: Milestone) -> str:
    """When a milestone is, in words: "July 2026", "June – August 2026", "Ongoing" …"""
    when = milestone.effective
    window = when.window()
    if window is None:
        return "Ongoing" if when.kind == "ongoing" else "To be confirmed"
    first, last = window
    if when.day is not None:
        text = f"{when.day.day} {first.long()}"
    elif first == last:
        text = first.long()
    elif first.year == last.year:
        text = f"{first.long().split()[0]} – {last.long()}"
    else:
        text = f"{first.long()} – {last.long()}"
    if milestone.every:
        every = "month" if milestone.every == 1 else f"{milestone.every} months"
        text = f"Every {every}, {text}"
    if milestone.moved_to is not None:
        text += f" (moved from {safe(milestone.when.text.strip())})"
    return text


def status_label(milestone: Milestone) -> str:
    """"done 18 September 2026" or "cancelled"; "" for a planned milestone."""
    if milestone.status == "done":
        day = milestone.done_on
        if day is None:
            return "done"
        if day.day is not None:
            return f"done {day.day.day} {day.day:%B %Y}"
        return f"done {safe(day.text.strip())}"
    return "cancelled" if milestone.status == "cancelled" else ""


def _fixed(doc: Document, model: Plan) -> bytes:
    """The document's bytes, with the plan's start as every date in it."""
    start = model.plan.period[0]
    moment = datetime(start.year, start.number, 1, tzinfo=UTC)
    properties = doc.core_properties
    properties.created = properties.modified = properties.last_printed = moment
    properties.revision = 1
    properties.title = safe(model.plan.title)
    properties.author = properties.last_modified_by = safe(model.plan.organisation or "")
    properties.comments = "Written by npmplan export docx from the plan file."
    package = doc.part.package
    for key, relation in list(package.rels.items()):
        if relation.reltype == RT.THUMBNAIL:  # the template's picture of a blank page
            package.rels.pop(key)
    buffer = io.BytesIO()
    doc.save(buffer)
    year = min(max(start.year, 1980), 2107)  # the years a zip entry can carry
    return fixed_zip(buffer.getvalue(), (year, start.number, 1, 0, 0, 0))


def fixed_zip(data: bytes, stamp: tuple[int, int, int, int, int, int]) -> bytes:
    """``data`` (a zip) again, each entry in the same order with the timestamp ``stamp``."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            fixed = zipfile.ZipInfo(entry.filename, date_time=stamp)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(entry.filename))
    return out.getvalue()

