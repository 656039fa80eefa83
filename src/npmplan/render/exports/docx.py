"""``npmplan export docx``: the business plan document itself, as Word writes it.

In the source document's order: the title block and a table of contents; the introduction,
the strategic objectives' overview, the four functions and the context (the plan's
Markdown-light text); the overview notes and a table per strategic objective (objective,
rationale, desired outcome, product/output with web-hosted ones marked *, timeline) with its
footnotes, on landscape pages; then Appendix 1, the calendar of actions, on a landscape page
of its own (``docx_appendix``), and the closing line. Word's own styles throughout (Title,
Heading 1/2, List Bullet; ``docx_style``), so the navigation pane, the table of contents and a
screen reader work; table header rows repeat on every page.

The Timeline column prints an objective's ``timeline`` (the source's words) where the plan has
one, and otherwise words its milestones (``compute.wording``) in date order. With progress
(the default), what has happened since is listed after it: done, cancelled, moved. As agreed
(``--as-agreed``), none of that: the plan as it was agreed, for re-issuing.

The same plan gives the same bytes: the document's dates are the first day of the plan's
period, and the zip entries carry that date too (python-docx stamps them with the clock).
"""

from __future__ import annotations

import io
import math
import zipfile
from collections.abc import Sequence
from datetime import UTC, datetime

import docx
from docx.document import Document
from docx.enum.section import WD_SECTION
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.shared import Cm, Length, RGBColor
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from npmplan.compute.calendar import Calendar
from npmplan.compute.schedule import Row
from npmplan.compute.wording import in_date_order, milestone_when, status_words, when_words
from npmplan.model.plan import FUNCTIONS, Milestone, Objective, Plan, StrategicObjective
from npmplan.render.exports.docx_appendix import appendix
from npmplan.render.exports.docx_parts import (
    add_prose,
    cell_prose,
    cell_text,
    keep_whole,
    language,
    repeat_header,
    rows_of_cells,
    safe,
    set_widths,
    shade,
    style_id,
)
from npmplan.render.exports.docx_style import (
    contents,
    header_and_footer,
    page,
    properties_xml,
    settings,
    styles,
)
from npmplan.render.exports.docx_xml import (
    W_P,
    Paragraphs,
    body_paragraph,
    fill,
    paragraph_text,
)

COLUMNS = ("Objective", "Rationale", "Desired Outcome", "Product/output", "Timeline")
# 26.7 cm, a landscape A4 page less its margins; each column is wide enough for the longest
# word it holds at 12 pt ("institutionalisation", 4.3 cm), so no word is broken.
WIDTHS = (Cm(4.3), Cm(6.5), Cm(5.3), Cm(5.0), Cm(5.6))
# The source's highlights: green for core business or high priority, blue for work that
# depends on funding; each also named in words, for a grey-scale print.
PRIORITY = {"core": ("E2EFDA", "Core business or high priority"),
            "funding-dependent": ("DDEBF7", "Dependent on funding availability"),
            "standard": ("", "")}
WEB_MARK = "*"
NOTE_INK = RGBColor(0x40, 0x40, 0x40)  # 10.4:1 on white
# A row estimated at no more than this keeps to one page (w:cantSplit); a taller one may
# break, as a row longer than a page must.
WHOLE_ROW = 11.0  # cm of the 15.5 a landscape page has under its repeated header row
STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
HEADINGS = {"introduction": "Introduction", "strategic_overview": "Strategic objectives",
            "functions": "Functions", "context": "Context"}


def plan_docx(model: Plan, rows: list[Row], view: Calendar, as_agreed: bool = False) -> bytes:
    """The document's bytes: ``rows`` are the objectives shown (after any filter), ``view``
    the computed calendar of those rows; ``as_agreed`` leaves progress out."""
    doc = docx.Document()
    styles(doc)
    settings(doc)
    page(doc.sections[0], landscape=False)
    header_and_footer(doc.sections[0], safe(model.plan.title))
    toc = _title_page(doc, model, view.filtered)
    _text_sections(doc, model)
    _objectives(doc, model, rows, bool(view.filtered), not as_agreed)
    document = model.plan.document
    _new_section(doc, landscape=True, tight=True)
    appendix(doc, view, document.appendix if document else None)
    if document is not None and document.closing is not None:
        add_prose(doc, safe(document.closing))
    contents(doc, toc)
    language(doc.element.body)
    return _fixed(doc, model)


def _title_page(doc: Document, model: Plan, filtered: str) -> Paragraph:
    """The title block and the table of contents' heading (returned: the entries follow
    it once every heading is written)."""
    info, document = model.plan, model.plan.document
    if info.organisation:
        doc.add_paragraph(safe(info.organisation), style="Subtitle")
    doc.add_paragraph(safe(document.title if document and document.title else info.title),
                      style="Title")
    if document is not None and document.date is not None:
        doc.add_paragraph(safe(document.date), style="Subtitle")
    else:
        first, last = info.period
        doc.add_paragraph(f"{first.long()} to {last.long()}", style="Subtitle")
    if filtered:
        doc.add_paragraph(f"This copy shows {filtered} only.")
    return doc.add_paragraph("Contents", style="Contents Heading")


def _heading(model: Plan, key: str, default: str) -> str:
    document = model.plan.document
    headings = document.headings if document else None
    written = getattr(headings, key) if headings is not None else None
    return safe(written) if written else default


def _text_sections(doc: Document, model: Plan) -> None:
    info = model.plan
    first = [True]
    for key, text in (("introduction", info.introduction),
                      ("strategic_overview", info.strategic_overview)):
        if text is not None:
            _section_heading(doc, _heading(model, key, HEADINGS[key]), first)
            add_prose(doc, safe(text))
    functions = info.functions
    if functions is not None:
        _section_heading(doc, _heading(model, "functions", HEADINGS["functions"]), first)
        if functions.summary is not None:
            add_prose(doc, safe(functions.summary))
        for name in FUNCTIONS:
            text = getattr(functions, name)
            if text is not None:
                doc.add_heading(_heading(model, name, name.capitalize()), 2)
                add_prose(doc, safe(text))
    if info.context is not None:
        _section_heading(doc, _heading(model, "context", HEADINGS["context"]), first)
        add_prose(doc, safe(info.context))


def _section_heading(doc: Document, text: str, first: list[bool]) -> None:
    """A Heading 1; the first starts the page after the title block."""
    heading = doc.add_heading(text, 1)
    if first[0]:
        heading.paragraph_format.page_break_before = True
        first[0] = False


def _new_section(doc: Document, landscape: bool, tight: bool = False) -> None:
    """A new page section. Word keeps a section's properties in its last paragraph: where
    that is a paragraph of text they go there, so no empty paragraph is left behind."""
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    page(section, landscape, tight)
    carrier = doc.element.body[-2]  # the empty paragraph python-docx adds, before sectPr
    before = carrier.getprevious()
    if before is not None and before.tag == qn("w:p"):
        properties = carrier.pPr.sectPr
        before.get_or_add_pPr().append(properties)
        doc.element.body.remove(carrier)


def _objectives(doc: Document, model: Plan, rows: list[Row], filtered: bool,
                progress: bool) -> None:
    _new_section(doc, landscape=True)
    document = model.plan.document
    overview = document.overview if document and document.overview else \
        f"Overview: {model.plan.title}"
    doc.add_heading(safe(overview), 1)
    if model.plan.notes is not None:
        add_prose(doc, safe(model.plan.notes))
    names = {member.id: member.name for member in model.team}
    for strategic in model.strategic_objectives:
        objectives = [obj for so, obj in rows if so is strategic]
        if objectives or not filtered:
            _strategic(doc, strategic, objectives, names, progress)


def _strategic(doc: Document, strategic: StrategicObjective, objectives: list[Objective],
               names: dict[str, str], progress: bool) -> None:
    doc.add_heading(safe(f"Strategic Objective {strategic.id} – {strategic.title}"), 2)
    if strategic.functions:
        paragraph = doc.add_paragraph("Functions: " + ", ".join(strategic.functions))
        paragraph.paragraph_format.keep_with_next = True
    if not objectives:
        doc.add_paragraph("No objectives yet.")
        return
    table = doc.add_table(rows=len(objectives) + 1, cols=len(COLUMNS))
    table.style = "Table Grid"
    grid = rows_of_cells(table)
    for cell, heading in zip(grid[0], COLUMNS, strict=True):
        cell_text(cell, heading, style="Table Heading")
        shade(cell, "D9D9D9")
    for row, objective in zip(grid[1:], objectives, strict=True):
        _objective(row, objective, names, progress)
    set_widths(table, WIDTHS)
    repeat_header(table)
    keep_whole(table, [0] + [index for index, row in enumerate(grid) if index and
                             _height(row, WIDTHS) <= WHOLE_ROW])
    note = style_id(doc, "Note")
    for objective in objectives:
        for footnote in objective.footnotes:
            body_paragraph(doc, note, safe(footnote))


def _height(cells: Sequence[_Cell], widths: Sequence[Length]) -> float:
    """A row's height in cm, estimated from its text: Arial at 12 pt averages 0.22 cm a
    character; a line is 0.49 cm, and each paragraph adds 0.14 cm after it."""
    tallest = 0.0
    for cell, width in zip(cells, widths, strict=True):
        room = max(width.cm - 0.4, 1.0)
        paragraphs = list(cell._tc.iterchildren(W_P))
        lines = sum(max(1, math.ceil(len(paragraph_text(p)) * 0.22 / room))
                    for p in paragraphs)
        tallest = max(tallest, lines * 0.49 + len(paragraphs) * 0.14)
    return tallest


def _objective(cells: Sequence[_Cell], objective: Objective, names: dict[str, str],
               progress: bool) -> None:
    """The objective's row: its five cells written, then parsed together (``fill``)."""
    text = style_id(cells[0], "Table Text")
    out = [Paragraphs() for _ in cells]
    out[0].paragraph(text)
    out[0].run(safe(f"{objective.id} "), bold=True)
    out[0].run(safe(objective.title))
    fill_colour, words = PRIORITY[objective.priority] if objective.priority else ("", "")
    if fill_colour:
        shade(cells[0], fill_colour)
    if words:
        out[0].paragraph(text)
        out[0].run(words, italic=True)
    if objective.leads:
        out[0].paragraph(text)
        out[0].run(safe("Lead: " + ", ".join(names.get(lead, lead) for lead in objective.leads)))
    if objective.rationale is not None:
        cell_prose(out[1], cells[1], safe(objective.rationale), "Table Bullet", "Table Text")
    _list(out[2], text, objective.outcomes)
    _list(out[3], text, [output.title + (WEB_MARK if output.web else "")
                        for output in objective.outputs])
    if objective.timeline is not None:
        cell_prose(out[4], cells[4], safe(objective.timeline), "Table Bullet", "Table Text")
        if progress:
            _progress(out[4], text, style_id(cells[4], "Table Heading"), objective.milestones)
    else:
        _timeline(out[4], text, objective.milestones, progress)
    fill([cell._tc for cell in cells], out)


def _list(out: Paragraphs, style: str, items: list[str]) -> None:
    for item in items:
        out.paragraph(style)
        out.run(safe(item))


def _timeline(out: Paragraphs, style: str, milestones: list[Milestone], progress: bool) -> None:
    """The milestones worded, in date order; as agreed, without those added since."""
    shown = [m for m in milestones if progress or m.added_on is None]
    for milestone in in_date_order(shown, progress):
        out.paragraph(style)
        out.run(milestone_when(milestone, progress) + ": ", bold=True)
        out.run(safe(milestone.what),
                strike=milestone.status == "cancelled" if progress else None)
        if progress:
            status = status_words(milestone)
            if status:
                out.run(f" ({status})", italic=True)
            _note(out, milestone)


def _progress(out: Paragraphs, style: str, heading: str, milestones: list[Milestone]) -> None:
    """After the source's timeline: what has happened to its milestones since (in new
    paragraphs of the cell)."""
    changed = [m for m in milestones if m.status != "planned" or m.moved_to is not None]
    if not changed:
        return
    out.paragraph(heading, new=True)
    out.run("Progress")
    for milestone in in_date_order(changed):
        parts = [status_words(milestone)] if milestone.status != "planned" else []
        if milestone.moved_to is not None:
            parts.append(f"moved from {when_words(milestone.when)} to "
                         f"{when_words(milestone.moved_to)}")
        label = "; ".join(parts)
        out.paragraph(style, new=True)
        out.run(label[:1].upper() + label[1:] + ": ", bold=True)
        out.run(safe(milestone.what), strike=milestone.status == "cancelled")
        _note(out, milestone)


def _note(out: Paragraphs, milestone: Milestone) -> None:
    """An officer's note on a change; a planned milestone's note is the encoder's, never
    printed."""
    if milestone.note and (milestone.status != "planned" or milestone.moved_to is not None):
        out.run(safe(f" Note: {milestone.note}"), italic=True, color=str(NOTE_INK))


def _fixed(doc: Document, model: Plan) -> bytes:
    """The document's bytes, with the plan's start as every date in it, and properties true
    of it: no template's picture, custom data or application name."""
    start = model.plan.period[0]
    moment = datetime(start.year, start.number, 1, tzinfo=UTC)
    info = model.plan
    properties = doc.core_properties
    properties.created = properties.modified = properties.last_printed = moment
    properties.revision = 1
    properties.title = safe(info.title)
    document = info.document
    properties.subject = safe(document.title if document and document.title else info.title)
    properties.author = properties.last_modified_by = safe(info.organisation or "")
    properties.language = "en-GB"
    properties.comments = "Written by npmplan export docx from the plan file."
    package = doc.part.package
    for key, relation in list(package.rels.items()):
        if relation.reltype == RT.THUMBNAIL:  # the template's picture of a blank page
            package.rels.pop(key)
    for key, relation in list(doc.part.rels.items()):
        if relation.reltype in (RT.CUSTOM_XML, STYLES_WITH_EFFECTS):  # template leftovers
            doc.part.rels.pop(key)
    # each paragraph's words (itertext would also read python-docx's ``text`` of each
    # paragraph and run, and count every word three times)
    words = sum(len(paragraph_text(p).split()) for p in doc.element.body.iter(W_P))
    for part in package.iter_parts():
        if part.partname == "/docProps/app.xml":
            part._blob = properties_xml(words)
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
