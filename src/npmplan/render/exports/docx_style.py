"""How the business plan document looks, and what it says about itself: its styles (GOV.UK
guidance for published documents: a sans-serif font, text at 12 pt or more, spacing by
paragraph style, headings dark enough to read), British English on every style and run, the
header and footer, the table of contents, and true document properties.

Every colour here has a contrast of at least 4.5:1 against white (WCAG AA):

    colour   where                        contrast
    1F3864   title and headings           11.6:1
    0563C1   links                         5.9:1
    000000   text                         21.0:1
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Cm, Pt, RGBColor
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph

from npmplan.render.exports.docx_parts import (
    field,
    field_marks,
    language,
    set_language,
    set_style,
)
from npmplan.render.exports.docx_xml import LANGUAGE

FONT = "Arial"  # sans serif; LibreOffice and Word both have it (or a metric twin)
INK = RGBColor(0x1F, 0x38, 0x64)
GRID = "Grid Text"  # the appendix grid: the one text below 12 pt (README, "Accessibility")


@dataclass(frozen=True, slots=True)
class Look:
    size: float
    before: float = 0
    after: float = 8
    bold: bool = False
    ink: bool = False  # in the headings' colour
    keep_with_next: bool = False
    base: str = "Normal"
    spacing: float = 1.15  # lines


# The styles the document uses, built on Word's own (so that the navigation pane, the table
# of contents and a screen reader see real headings and lists).
LOOKS: dict[str, Look] = {
    "Normal": Look(12),
    "Title": Look(28, after=12, bold=True, ink=True),
    "Subtitle": Look(16, before=48, after=12, ink=True),
    "Heading 1": Look(18, before=18, after=8, bold=True, ink=True, keep_with_next=True),
    "Heading 2": Look(14, before=14, after=6, bold=True, ink=True, keep_with_next=True),
    "List Bullet": Look(12, after=6),
    "Contents Heading": Look(18, before=18, after=8, bold=True, ink=True),
    "Contents 1": Look(12, after=4),
    "Contents 2": Look(12, after=4),
    "Table Text": Look(12, after=4),
    "Table Heading": Look(12, after=0, bold=True, keep_with_next=True),
    "Table Bullet": Look(12, after=4, base="List Bullet"),
    "Note": Look(12, before=6, after=8),
    "Header": Look(12, after=0),
    "Footer": Look(12, after=0),
    GRID: Look(7.5, after=0, spacing=1.0),
}


def styles(doc: Document) -> None:
    """Every style: Arial, British English; the styles used, as ``LOOKS`` has them."""
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        for properties in defaults.iter(qn("w:rPr")):
            _plain_fonts(properties)
            set_language(properties)
    for name, look in LOOKS.items():
        _style(doc, name, look)
    for style in doc.styles:
        properties = style.element.get_or_add_rPr()
        _plain_fonts(properties)
        set_language(properties)
    contents = doc.styles["Contents 2"]
    if isinstance(contents, ParagraphStyle):
        contents.paragraph_format.left_indent = Cm(0.75)


def _plain_fonts(properties: object) -> None:
    """Arial for every script: the theme's fonts would otherwise win over a style's name."""
    fonts = properties.find(qn("w:rFonts"))  # type: ignore[attr-defined]
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        properties.insert(0, fonts)  # type: ignore[attr-defined]
    for key in list(fonts.attrib):
        del fonts.attrib[key]
    for key in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(key), FONT)


def _style(doc: Document, name: str, look: Look) -> None:
    try:
        style = doc.styles[name]
    except KeyError:
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles[look.base]
    assert isinstance(style, ParagraphStyle)
    style.font.size = Pt(look.size)
    style.font.bold = look.bold
    style.font.italic = False
    style.font.color.rgb = INK if look.ink else RGBColor(0, 0, 0)
    paragraph = style.paragraph_format
    paragraph.space_before, paragraph.space_after = Pt(look.before), Pt(look.after)
    paragraph.line_spacing = look.spacing
    paragraph.widow_control = True
    paragraph.keep_with_next = look.keep_with_next
    borders = style.element.find(qn("w:pPr"))
    if borders is not None:  # the template's Title has a rule under it
        for border in borders.findall(qn("w:pBdr")):
            borders.remove(border)


def page(section: Section, landscape: bool, tight: bool = False) -> None:
    """A4, portrait or landscape, with room for the header and footer; ``tight``: less,
    for the appendix, whose year must fit one page."""
    from docx.enum.section import WD_ORIENT

    long, short = Cm(29.7), Cm(21.0)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (long, short) if landscape else (short, long)
    section.left_margin = section.right_margin = \
        Cm(1.2 if tight else 1.5 if landscape else 2.2)
    section.top_margin = section.bottom_margin = Cm(1.2 if tight else 2.0)
    section.header_distance = section.footer_distance = Cm(0.6 if tight else 0.9)


def header_and_footer(section: Section, title: str) -> None:
    """The plan's title in the header; "Page X of Y" in the footer. Later sections take
    them from this one (python-docx links a new section's header to the one before)."""
    header = section.header.paragraphs[0]
    header.style = "Header"
    header.add_run(title)
    footer: Paragraph = section.footer.paragraphs[0]
    footer.style = "Footer"
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Page ")
    field(footer, "PAGE")
    footer.add_run(" of ")
    field(footer, "NUMPAGES")
    for part in (section.header, section.footer):
        language(part._element)


def contents(doc: Document, heading: Paragraph) -> None:
    """The table of contents, under its ``heading``: a TOC field over Heading 1 and 2,
    showing each heading (a link to it) until Word updates it with page numbers on
    opening. The heading is followed by a paragraph (the first section's heading)."""
    anchor = Paragraph(heading._p.getnext(), heading._parent)
    headings = [p for p in doc.paragraphs
                if p.style is not None and p.style.name in ("Heading 1", "Heading 2")]
    entries: list[Paragraph] = []
    for number, paragraph in enumerate(headings, start=1):
        name = f"_Toc{number:04d}"
        _bookmark(paragraph, name, number)
        level = "Contents 1" if paragraph.style and paragraph.style.name == "Heading 1" \
            else "Contents 2"
        entry = set_style(anchor.insert_paragraph_before(), level)
        link = OxmlElement("w:hyperlink")
        link.set(qn("w:anchor"), name)
        run = OxmlElement("w:r")
        text = OxmlElement("w:t")
        text.text = paragraph.text
        run.append(text)
        link.append(run)
        entry._p.append(link)
        entries.append(entry)
    if entries:  # the field's result is the entries: it begins in the first, ends in the last
        begin, code, separate, end = field_marks('TOC \\o "1-2" \\h \\z \\u', dirty=True)
        first = entries[0]._p
        for mark in (separate, code, begin):
            first.insert(1 if first.pPr is not None else 0, mark)
        entries[-1]._p.append(end)
        section = heading._p.pPr.sectPr if heading._p.pPr is not None else None
        if section is not None:
            # The heading ended the first section (no text follows it): a paragraph of its
            # own ends it after the entries (in the field's last paragraph, LibreOffice
            # loses the page numbers' fields).
            carrier = anchor.insert_paragraph_before()
            carrier._p.get_or_add_pPr().append(section)


def _bookmark(paragraph: Paragraph, name: str, number: int) -> None:
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(number))
    start.set(qn("w:name"), name)
    stop = OxmlElement("w:bookmarkEnd")
    stop.set(qn("w:id"), str(number))
    properties = paragraph._p.pPr
    if properties is not None:
        properties.addnext(start)
    else:
        paragraph._p.insert(0, start)
    paragraph._p.append(stop)


def properties_xml(words: int) -> bytes:
    """docProps/app.xml as it is true of this document: written by npmplan, its words
    counted; no template, no page count (only a word processor can know it)."""
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'extended-properties"><Application>npmplan</Application>'
        f"<Words>{words}</Words><DocSecurity>0</DocSecurity>"
        "<LinksUpToDate>false</LinksUpToDate></Properties>").encode()


def settings(doc: Document) -> None:
    """British English as the document's language for its theme fonts too."""
    element = doc.settings.element
    for old in element.findall(qn("w:themeFontLang")):
        old.set(qn("w:val"), LANGUAGE)

