"""``npmplan report --format docx -o FILE``: the quarterly report as a Word paper for the
Steering Group.

A4 portrait: the title with the quarter and the report's day; the summary (the ratings
counted, overall and by strategic objective); a table of the objectives with each rating as
a word (its shading only repeats it), the trend, what the rating rests on, and the
commentary with the next steps; then, per objective, what was done, due and not done,
moved, cancelled and due next quarter; the ratings' definitions last. Word's own styles
(Title, Heading 1/2, Table Grid, List Bullet), so the navigation pane works; table header
rows repeat on every page and no row is split; the footer says "Page X of Y".

Readable printed: every size is at least 12pt (body, tables, footer: GOV.UK's minimum for
print) in a sans-serif font, headings in a dark colour (at least 4.5:1), and the language
is en-GB on the document's defaults, its styles and every run, for the spelling checker
and screen readers.

The wording is the text report's (``render.reports.report``); the Word pieces are the plan
document's (``docx_parts``). The same plan and day give the same bytes: every date in the
file is the report's day.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime

import docx
from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from npmplan.compute.report import SCALE, ObjectiveReport, QuarterReport, ReportItem
from npmplan.model.plan import RATINGS
from npmplan.render.exports.docx import fixed_zip
from npmplan.render.exports.docx_parts import (
    cell_paragraph,
    cell_text,
    keep_whole,
    repeat_header,
    rows_of_cells,
    safe,
    set_widths,
    shade,
    style_id,
)
from npmplan.render.exports.docx_style import FONT
from npmplan.render.exports.docx_xml import (
    W_P,
    body_paragraph,
    cells,
    new_run,
    paragraph_property,
)
from npmplan.render.record import undated_words
from npmplan.render.reports.report import (
    PARTS,
    WORD,
    counts_words,
    heading,
    item_words,
    rating_note,
    trend_words,
)

SIZE = Pt(12)
LANGUAGE = "en-GB"
INK = RGBColor(0x1D, 0x23, 0x30)  # headings: dark, not the template's light blue
# Light tints behind the rating's word: dark text on each is well over 4.5:1.
TINT = {"red": "F4C7C3", "amber": "FCE8B2", "green": "C8E6C9", "complete": "C5DAF2"}
COLUMNS = ("Objective", "Rating", "Trend", "Rating rests on", "Commentary and next steps")
WIDTHS = (Cm(3.6), Cm(2.6), Cm(2.6), Cm(4.1), Cm(4.1))  # 17 cm: A4 less 2 cm margins
SUMMARY_WIDTHS = (Cm(6.2), Cm(2.7), Cm(2.7), Cm(2.7), Cm(2.7))
_SPACING, _AFTER, _BEFORE = qn("w:spacing"), qn("w:after"), qn("w:before")
_KEEP_NEXT = qn("w:keepNext")


def report_docx(report: QuarterReport, width: int = 0) -> bytes:
    """The paper's bytes (``width`` is the registry's argument; a page has its own)."""
    doc = docx.Document()
    _styles(doc)
    _page(doc)
    title, sub = heading(report)
    doc.add_heading(safe(title), 0)
    doc.add_paragraph(safe(sub) + ".")
    if report.next_quarter is None:
        doc.add_paragraph("The plan period ends with this quarter: nothing is listed as due "
                          "next quarter.")
    _summary(doc, report)
    _objectives(doc, report)
    _details(doc, report)
    doc.add_heading("The ratings", 1)
    for rating, meaning in SCALE.items():
        p = body_paragraph(doc, style_id(doc, "List Bullet"))._p
        new_run(p, WORD[rating], bold=True)
        new_run(p, f": {meaning}.")
    doc.add_paragraph("A rating set by an officer is shown with what it rests on, and the "
                      "computed rating when they differ; \"stale\" marks one set more than "
                      "three months before this report.")
    if report.undated:
        doc.add_paragraph(safe(undated_words(report.undated)))
    _language(doc)
    return _fixed(doc, report)


def _styles(doc: Document) -> None:
    """One sans-serif font at 12pt or more, dark headings, en-GB everywhere."""
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:  # the template's defaults: 11pt, en-US
        for size in defaults.iter(qn("w:sz"), qn("w:szCs")):
            size.set(qn("w:val"), str(int(SIZE.pt * 2)))
        for lang in defaults.iter(qn("w:lang")):
            lang.set(qn("w:val"), LANGUAGE)
    for name in ("Normal", "Title", "Heading 1", "Heading 2", "List Bullet", "Table Grid"):
        style = doc.styles[name]
        fonts = style.element.rPr.rFonts if style.element.rPr is not None else None
        if fonts is not None:  # the theme's fonts would win over the name below
            for key in list(fonts.attrib):
                del fonts.attrib[key]
        style.font.name = FONT
        _set_language(style.element.get_or_add_rPr())
        if name.startswith(("Heading", "Title")):
            style.font.color.rgb = INK
    doc.styles["Normal"].font.size = SIZE


def _page(doc: Document) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.0))
    footer = section.footer.paragraphs[0]
    footer.add_run("Page ")
    _field(footer, "PAGE")
    footer.add_run(" of ")
    _field(footer, "NUMPAGES")


def _field(paragraph: Paragraph, instruction: str) -> None:
    """A field Word and LibreOffice fill in when they lay the pages out ("1" until then)."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), f" {instruction} ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _summary(doc: Document, report: QuarterReport) -> None:
    doc.add_heading("Summary", 1)
    doc.add_paragraph(f"{len(report.objectives)} objectives: "
                      f"{counts_words(report.summary)}.")
    table = doc.add_table(rows=len(report.strategic) + 2, cols=1 + len(RATINGS))
    table.style = "Table Grid"
    _header(table, ("Strategic objective", *(WORD[r] for r in RATINGS)))
    for row, summary in zip(table.rows[1:], report.strategic, strict=False):
        _cell(row.cells[0], f"{summary.strategic.id} {summary.strategic.title}")
        for cell, rating in zip(row.cells[1:], RATINGS, strict=True):
            _cell(cell, str(summary.counts[rating]))
    total = table.rows[-1].cells
    _cell(total[0], f"All {len(report.objectives)} objectives", bold=True)
    for cell, rating in zip(total[1:], RATINGS, strict=True):
        _cell(cell, str(report.summary[rating]), bold=True)
    _finish(table, SUMMARY_WIDTHS)


def _header(table: Table, headings: tuple[str, ...]) -> None:
    for cell, text in zip(table.rows[0].cells, headings, strict=True):
        _cell(cell, text, bold=True)
        shade(cell, "D9D9D9")


def _finish(table: Table, widths: tuple[Cm, ...]) -> None:
    set_widths(table, widths)
    keep_whole(table, range(len(table.rows)))
    repeat_header(table)
    for tr in table._tbl.tr_lst:
        for tc in cells(tr):
            for p in tc.iterchildren(W_P):
                compact(p)


def _objectives(doc: Document, report: QuarterReport) -> None:
    doc.add_heading("Objectives", 1)
    table = doc.add_table(rows=len(report.objectives) + 1, cols=len(COLUMNS))
    table.style = "Table Grid"
    _header(table, COLUMNS)
    for row, entry in zip(rows_of_cells(table)[1:], report.objectives, strict=True):
        title = row[0]._tc.find(W_P)
        new_run(title, safe(f"{entry.objective.id} "), bold=True)
        new_run(title, safe(entry.objective.title))
        stale = entry.override is not None and entry.override.stale
        _cell(row[1], WORD[entry.rag] + (" (stale)" if stale else ""), bold=True)
        shade(row[1], TINT[entry.rag])
        _cell(row[2], trend_words(entry))
        _cell(row[3], rating_note(entry))
        _commentary(row[4], entry)
    _finish(table, WIDTHS)


def _commentary(cell: _Cell, entry: ObjectiveReport) -> None:
    first = [True]
    comment = entry.commentary
    if comment is not None:
        p = cell_paragraph(cell, first)._p
        new_run(p, safe(comment.text))
        new_run(p, f" ({comment.written_on:%-d %B %Y})")
        if comment.next:
            next_steps = cell_paragraph(cell, first)._p
            new_run(next_steps, "Next steps: ", bold=True)
            new_run(next_steps, safe(comment.next))
    if entry.commentary_flag:
        new_run(cell_paragraph(cell, first)._p, safe(f"Check: {entry.commentary_flag}"),
                italic=True)


def _details(doc: Document, report: QuarterReport) -> None:
    """Per objective, its milestones of the quarter and of the next, part by part."""
    doc.add_heading("Milestones by objective", 1)
    heading2, bullet = style_id(doc, "Heading 2"), style_id(doc, "List Bullet")
    for entry in report.objectives:
        body_paragraph(doc, heading2, safe(f"{entry.objective.id} "
                                           f"{entry.objective.row_label}: {WORD[entry.rag]}"))
        parts = [(part, title) for part, title in PARTS if getattr(entry, part)]
        if not parts:
            body_paragraph(doc, None, "Nothing done, due, moved or cancelled this quarter, "
                                      "and nothing due next quarter.")
        for part, title in parts:
            items: list[ReportItem] = getattr(entry, part)
            label = body_paragraph(doc)._p
            new_run(label, f"{title} ({len(items)})", bold=True)
            paragraph_property(label, _KEEP_NEXT)
            compact(label, 2)
            for item in items:
                compact(body_paragraph(doc, bullet, safe(item_words(item, part)))._p, 2)


def _set_language(properties: BaseOxmlElement) -> None:
    """``<w:lang w:val="en-GB"/>`` in a run's or a style's properties, in its place in
    the schema's order (Word repairs a document where it is not)."""
    found = properties.find(qn("w:lang"))
    if found is None:
        found = OxmlElement("w:lang")
        properties.insert_element_before(found, "w:eastAsianLayout", "w:specVanish",
                                         "w:oMath")
    found.set(qn("w:val"), LANGUAGE)


def _language(doc: Document) -> None:
    """en-GB on every run of the body and the footer (Word checks spelling per run)."""
    parts = [doc.element.body, doc.sections[0].footer._element]
    for part in parts:
        for run in part.iter(qn("w:r")):
            properties = run.find(qn("w:rPr"))
            if properties is None:
                properties = OxmlElement("w:rPr")
                run.insert(0, properties)  # a run's properties come first
            _set_language(properties)


def _fixed(doc: Document, report: QuarterReport) -> bytes:
    """The document's bytes, with the report's day as every date in it."""
    day = report.as_of
    moment = datetime(day.year, day.month, day.day, tzinfo=UTC)
    properties = doc.core_properties
    properties.created = properties.modified = properties.last_printed = moment
    properties.revision = 1
    properties.title = safe(heading(report)[0])
    properties.subject = report.quarter.words
    properties.author = properties.last_modified_by = "npmplan"
    properties.comments = "Written by npmplan report --format docx from the plan file."
    properties.language = LANGUAGE
    package = doc.part.package
    for key, relation in list(package.rels.items()):
        if relation.reltype == RT.THUMBNAIL:  # the template's picture of a blank page
            package.rels.pop(key)
    buffer = io.BytesIO()
    doc.save(buffer)
    year = min(max(day.year, 1980), 2107)  # the years a zip entry can carry
    return fixed_zip(buffer.getvalue(), (year, day.month, day.day, 0, 0, 0))


def _cell(cell: _Cell, text: str, *, bold: bool = False) -> Paragraph:
    """The cell's one paragraph of ``text``, at the report's table size."""
    return cell_text(cell, text, bold=bold, size=int(SIZE.pt * 2))


def compact(p: BaseOxmlElement, after: float = 3) -> None:
    """Little space between paragraphs in a table cell (``w:after`` then ``w:before``, as
    python-docx's ``space_after`` and ``space_before`` write them)."""
    spacing = paragraph_property(p, _SPACING)
    spacing.set(_AFTER, str(Pt(after).twips))
    spacing.set(_BEFORE, "0")
