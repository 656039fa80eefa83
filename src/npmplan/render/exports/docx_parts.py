"""The small pieces of a Word document that python-docx has no call for: cell shading, a
header row repeated on every page, rows kept whole, fixed column widths, fields (page
numbers, the table of contents), links, the language of every run, and text made safe for
XML.

Only the ``docx*`` modules beside it import this module, and only inside ``npmplan export
docx``, so python-docx is never loaded by any other command.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from weakref import WeakKeyDictionary

from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Length, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from npmplan.render.exports.docx_xml import (
    LANGUAGE,
    W_LANG,
    W_P,
    W_PSTYLE,
    W_RPR,
    W_VAL,
    Paragraphs,
    cell_property,
    cells,
    new_paragraph,
    new_run,
    set_property,
)
from npmplan.render.light import Span, blocks
from npmplan.text import clean

# XML 1.0 has no place for these (validate refuses them in a plan; a file that was never
# validated must still give a document rather than a traceback).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Addresses a reader can follow; the text export's "#" (its lost addresses) is not one.
_FOLLOWABLE = re.compile(r"(?:https?://|mailto:)\S+")
LINK_COLOUR = RGBColor(0x05, 0x63, 0xC1)  # Word's link blue: 5.9:1 on white
_SHD, _COLOR, _FILL, _JC = qn("w:shd"), qn("w:color"), qn("w:fill"), qn("w:jc")
_TCPR, _TCW, _TYPE, _W, _GRID_SPAN = (qn(f"w:{name}") for name in
                                      ("tcPr", "tcW", "type", "w", "gridSpan"))


# style name -> id: the template is the same for every document, and python-docx finds an id
# by reading every style (a millisecond a paragraph, most of an export's time).
_STYLE_IDS: dict[str, str] = {}


def set_style(paragraph: Paragraph, name: str | None) -> Paragraph:
    """Give ``paragraph`` the paragraph style ``name`` (None: leave it Normal)."""
    if name is not None:
        set_property(paragraph._p, W_PSTYLE, style_id(paragraph, name))
    return paragraph


def style_id(owner: Paragraph | _Cell | Document, name: str) -> str:
    """The id of the style ``name`` in the document ``owner`` is part of."""
    found = _STYLE_IDS.get(name)
    if found is None:
        found = _STYLE_IDS[name] = owner.part.styles[name].style_id  # type: ignore[attr-defined]
    return found


def safe(text: str) -> str:
    """Plan text for the document: no control, bidi or XML-illegal characters."""
    return _NOT_XML.sub("", clean(text))


def shade(cell: _Cell, fill: str, pattern: str = "clear", color: str = "auto") -> None:
    """Shade ``cell``: ``fill`` (RRGGBB) under a ``pattern`` drawn in ``color``."""
    cell_property(cell._tc, _SHD, {W_VAL: pattern, _COLOR: color, _FILL: fill})


def repeat_header(table: Table, rows: int = 1) -> None:
    """Mark the first ``rows`` rows as the header Word repeats at the top of every page."""
    for row in table.rows[:rows]:
        header = OxmlElement("w:tblHeader")
        header.set(qn("w:val"), "true")
        row._tr.get_or_add_trPr().append(header)


def rows_of_cells(table: Table) -> list[list[_Cell]]:
    """Each row's cells, one per ``w:tc``, in one pass. (``row.cells`` works out each cell's
    place in the grid, merged cells included: none is merged where this is called.)"""
    return [[_Cell(tc, table) for tc in cells(tr)] for tr in table._tbl.tr_lst]


def keep_whole(table: Table, indexes: Iterable[int]) -> None:
    """Rows that must not be split across two pages (``w:cantSplit``)."""
    rows = table._tbl.tr_lst  # once: ``table.rows[i]`` makes a list of every row each time
    for index in indexes:
        properties = rows[index].get_or_add_trPr()
        properties.insert(0, OxmlElement("w:cantSplit"))  # before w:tblHeader, as the schema has it


def set_widths(table: Table, widths: Sequence[Length]) -> None:
    """Fixed column widths, written both where Word and where LibreOffice read them."""
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    twips = [str(Length(width).twips) for width in widths]
    for tr in table._tbl.tr_lst:  # a cell spanning columns takes the last one's width
        column = 0
        for tc in cells(tr):
            properties = tc.find(_TCPR)
            span = properties.find(_GRID_SPAN) if properties is not None else None
            column += 1 if span is None else int(span.get(W_VAL))
            made = properties.find(_TCW) if properties is not None else None
            if made is None:
                cell_property(tc, _TCW, {_TYPE: "dxa", _W: twips[column - 1]})
            else:  # python-docx made it with the cell: type, then w
                made.set(_TYPE, "dxa")
                made.set(_W, twips[column - 1])


def cell_text(cell: _Cell, text: str, *, bold: bool | None = None, style: str | None = None,
              align: WD_ALIGN_PARAGRAPH | None = None, color: str | None = None,
              size: int | None = None) -> Paragraph:
    """Replace the cell's content with one paragraph of ``text``: an empty run, as
    python-docx's ``paragraph.text = ""`` leaves, then the text's (both in ``color``,
    RRGGBB, and ``size``, half-points)."""
    paragraph = Paragraph(cell._tc.find(W_P), cell)
    p = paragraph._p
    for old in p[1:] if p.pPr is not None else p[:]:
        p.remove(old)
    set_style(paragraph, style)
    new_run(p, "", color=color, size=size)
    new_run(p, safe(text), bold=bold, color=color, size=size)
    if align is not None:
        set_property(p, _JC, str(WD_ALIGN_PARAGRAPH.to_xml(align)))
    return paragraph


def cell_paragraph(cell: _Cell, first: list[bool], style: str | None = None) -> Paragraph:
    """The cell's next paragraph: its empty first one, then new ones. ``first`` is a one-item
    flag shared by the calls for one cell."""
    if first[0]:
        first[0] = False
        return set_style(Paragraph(cell._tc.find(W_P), cell), style)
    return Paragraph(new_paragraph(cell._tc, None if style is None else style_id(cell, style)),
                     cell)


def add_spans(paragraph: Paragraph, spans: Sequence[Span]) -> None:
    """Marked text into ``paragraph``: bold, italic, and links where the address is one."""
    for span in spans:
        text, bold, italic = safe(span.text), span.bold or None, span.italic or None
        if _FOLLOWABLE.fullmatch(span.link):
            new_run(_link(paragraph, span.link), text, bold=bold, italic=italic,
                    color=str(LINK_COLOUR), underline=True)
        else:
            new_run(paragraph._p, text, bold=bold, italic=italic)


def _link(paragraph: Paragraph, address: str) -> BaseOxmlElement:
    """A ``w:hyperlink`` to ``address`` at the end of ``paragraph``, for its run."""
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), link_id(paragraph.part, address))
    paragraph._p.append(link)
    return link


class _Links:
    """A part's hyperlinks by address, and the lowest number an id may next take."""

    def __init__(self, part: Part) -> None:
        self.ids = {relation.target_ref: key for key, relation in part.rels.items()
                    if relation.is_external and relation.reltype == RT.HYPERLINK}
        self.number = 1


_LINKS: WeakKeyDictionary[Part, _Links] = WeakKeyDictionary()


def link_id(part: Part, address: str) -> str:
    """The id of ``part``'s hyperlink to ``address``: the one it has, or a new one numbered as
    ``part.relate_to`` numbers it (the first ``rIdN`` free). ``relate_to`` reads every
    relationship to find one and again to number one: 20 s for 10,000 links."""
    links = _LINKS.get(part)
    if links is None:
        links = _LINKS[part] = _Links(part)
    found = links.ids.get(address)
    if found is None:
        while f"rId{links.number}" in part.rels:  # ids are only added while writing
            links.number += 1
        found = links.ids[address] = f"rId{links.number}"
        part.rels.add_relationship(RT.HYPERLINK, address, found, is_external=True)
    return found


def add_prose(doc: Document, text: str) -> None:
    """Markdown-light ``text`` into the document: a paragraph per block, bullet items in
    List Bullet."""
    for block in blocks(text):
        paragraph = set_style(doc.add_paragraph(), "List Bullet" if block.kind == "bullet"
                              else None)
        add_spans(paragraph, block.spans or (Span(block.text),))


def cell_prose(out: Paragraphs, cell: _Cell, text: str, bullet: str, style: str) -> None:
    """Markdown-light ``text`` into ``out``, the paragraphs of ``cell``: a paragraph per
    block in ``style``, bullet items in ``bullet``; links as ``add_spans`` makes them."""
    for block in blocks(text):
        out.paragraph(style_id(cell, bullet if block.kind == "bullet" else style))
        for span in block.spans or (Span(block.text),):
            link = link_id(cell.part, span.link) if _FOLLOWABLE.fullmatch(span.link) \
                else None
            out.run(safe(span.text), bold=span.bold or None, italic=span.italic or None,
                    color=None if link is None else str(LINK_COLOUR),
                    underline=link is not None, link=link)


def field_marks(instruction: str, dirty: bool = False) -> tuple[BaseOxmlElement, ...]:
    """The runs around a field's result: begin, its instruction and separate, then end
    (to go after the result). ``dirty``: Word updates the field on opening."""
    def char(kind: str) -> BaseOxmlElement:
        run = OxmlElement("w:r")
        mark = OxmlElement("w:fldChar")
        mark.set(qn("w:fldCharType"), kind)
        if dirty and kind == "begin":
            mark.set(qn("w:dirty"), "true")
        run.append(mark)
        return run

    code = OxmlElement("w:r")
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    code.append(text)
    return char("begin"), code, char("separate"), char("end")


def field(paragraph: Paragraph, instruction: str, shown: str = "1") -> None:
    """A field (PAGE, NUMPAGES …) at the end of ``paragraph``, showing ``shown`` until it is
    updated."""
    *opening, end = field_marks(instruction)
    for mark in opening:
        paragraph._p.append(mark)
    paragraph.add_run(shown)
    paragraph._p.append(end)


# The runs whose language is not already as ``set_language`` writes it (one w:lang, last,
# w:val en-GB and nothing else): XPath finds the few among thousands made with it.
_UNMARKED = ("descendant-or-self::w:r[not(w:rPr[count(w:lang) = 1]"
             "[*[last()][self::w:lang][@w:val = 'en-GB'][count(@*) = 1]])]")


def language(element: BaseOxmlElement) -> None:
    """Mark every run under ``element`` as British English."""
    for run in element.xpath(_UNMARKED):
        first = next(iter(run), None)  # a run's properties come first
        set_language(first if first is not None and first.tag == W_RPR else
                     run.get_or_add_rPr())


def set_language(properties: BaseOxmlElement) -> None:
    """``w:lang`` en-GB in a run's (or a style's) properties, where the schema puts it."""
    found = properties.findall(W_LANG)
    if len(found) == 1 and found[0].getnext() is None and \
            dict(found[0].attrib) == {W_VAL: LANGUAGE}:
        return  # made with the run (``docx_xml.new_run``): already as it would be written
    for old in found:
        properties.remove(old)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), LANGUAGE)
    properties.insert_element_before(lang, "w:eastAsianLayout", "w:specVanish", "w:oMath")

