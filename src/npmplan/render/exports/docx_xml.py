"""Paragraphs, runs and cell properties written straight into the document's XML, each
element made once, where the schema puts it: the calls a table of thousands of rows makes.

python-docx finds a property's place by searching its parent for every element that may
follow it, reads text back with XPath, looks a style up by reading every style, and appends
to the body after searching it for its section properties: tens of microseconds a call,
and a plan of 2,000 objectives makes a million of them (issue 25: 30 s for its document).
These functions make the same elements with lxml's own calls on python-docx's element
classes (its documented ``oxml`` layer), so the document is the same, byte for byte:

    >>> p = new_paragraph(cell._tc, "TableText")  # doctest: +SKIP
    >>> new_run(p, "1.1 ", bold=True); new_run(p, "Title")  # doctest: +SKIP

Every run is made with its language (``w:lang``), so ``docx_parts.language`` finds it
done. Only the properties npmplan sets are here, in the schema's order (ECMA-376 part 1,
17.3.2.28 ``rPr``, 17.3.1.26 ``pPr``, 17.4.70 ``tcPr``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from docx.document import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.text.paragraph import Paragraph

LANGUAGE = "en-GB"
W_P, W_PPR, W_R, W_RPR, W_T = qn("w:p"), qn("w:pPr"), qn("w:r"), qn("w:rPr"), qn("w:t")
W_VAL, W_SECTPR, W_TCPR, W_LANG = qn("w:val"), qn("w:sectPr"), qn("w:tcPr"), qn("w:lang")
W_PSTYLE, W_SPACE = qn("w:pStyle"), qn("xml:space")
_PARAGRAPH_ORDER = {qn(f"w:{tag}"): rank for rank, tag in enumerate(
    ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl",
     "numPr", "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens",
     "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN",
     "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing",
     "mirrorIndents", "suppressOverlap", "jc"))}
_CELL_ORDER = {qn(f"w:{tag}"): rank for rank, tag in enumerate(
    ("cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap",
     "tcMar", "textDirection", "tcFitText", "vAlign"))}
# What a run's text becomes besides w:t, as python-docx writes it (``Run.text``).
_BREAKS = re.compile(r"([\t\r\n])")


def child(parent: BaseOxmlElement, tag: str, attributes: dict[str, str] | None = None,
          order: dict[str, int] | None = None) -> BaseOxmlElement:
    """A new ``tag`` element in ``parent``: before the first child that ``order`` (the
    schema's sequence) puts after it, else last."""
    element: BaseOxmlElement = parent.makeelement(tag, attributes or {})
    if order is not None:
        rank = order[tag]
        for sibling in parent:
            if order.get(sibling.tag, -1) > rank:
                sibling.addprevious(element)
                return element
    parent.append(element)
    return element


def properties(p: BaseOxmlElement) -> BaseOxmlElement:
    """The paragraph's ``w:pPr``, made first in it if it has none."""
    first: BaseOxmlElement | None = next(iter(p), None)
    if first is not None and first.tag == W_PPR:
        return first
    made: BaseOxmlElement = p.makeelement(W_PPR, {})
    p.insert(0, made)
    return made


def set_property(p: BaseOxmlElement, tag: str, value: str) -> None:
    """``<tag w:val=value/>`` in the paragraph's properties, replacing any."""
    pr = properties(p)
    found = pr.findall(tag)
    if len(found) == 1 and dict(found[0].attrib) == {W_VAL: value}:
        return  # as it would be written
    for old in found:
        pr.remove(old)
    child(pr, tag, {W_VAL: value}, _PARAGRAPH_ORDER)


def paragraph_property(p: BaseOxmlElement, tag: str) -> BaseOxmlElement:
    """The paragraph's ``tag`` property (``w:spacing``, ``w:keepNext`` …), made if it has
    none."""
    pr = properties(p)
    found: BaseOxmlElement | None = pr.find(tag)
    return found if found is not None else child(pr, tag, None, _PARAGRAPH_ORDER)


def new_paragraph(parent: BaseOxmlElement, style_id: str | None = None) -> BaseOxmlElement:
    """A new paragraph at the end of ``parent`` (a cell's ``w:tc``), in style ``style_id``."""
    p = child(parent, W_P)
    if style_id is not None:
        set_property(p, W_PSTYLE, style_id)
    return p


def body_paragraph(doc: Document, style_id: str | None = None, text: str = "") -> Paragraph:
    """A new paragraph at the end of the body, before its section properties (the body's
    last element); with ``text`` in one run, as ``doc.add_paragraph`` makes it."""
    body: BaseOxmlElement = doc.element.body
    p: BaseOxmlElement = body.makeelement(W_P, {})
    # lxml counts an element's children one by one (len), so the last is asked for directly
    last = next(body.iterchildren(reversed=True), None)
    if last is not None and last.tag == W_SECTPR:
        last.addprevious(p)
    else:
        body.append(p)
    if style_id is not None:
        set_property(p, W_PSTYLE, style_id)
    if text:
        new_run(p, text)
    return Paragraph(p, doc)


def new_run(p: BaseOxmlElement, text: str, *, bold: bool | None = None,
        italic: bool | None = None, strike: bool | None = None, color: str | None = None,
        size: int | None = None, underline: bool = False) -> BaseOxmlElement:
    """A run of ``text`` at the end of ``p`` (a paragraph or a link), in British English;
    ``size`` in half-points. A flag left None is not written (the style's); False is
    written ``w:val="0"``. Its properties are made in the schema's order (b, i, strike,
    color, sz, u, lang), so each is appended."""
    r = child(p, W_R)
    pr = child(r, W_RPR)
    for tag, flag in (("w:b", bold), ("w:i", italic), ("w:strike", strike)):
        if flag is not None:
            child(pr, qn(tag), {} if flag else {W_VAL: "0"})
    if color is not None:
        child(pr, qn("w:color"), {W_VAL: color})
    if size is not None:
        child(pr, qn("w:sz"), {W_VAL: str(size)})
    if underline:
        child(pr, qn("w:u"), {W_VAL: "single"})
    child(pr, W_LANG, {W_VAL: LANGUAGE})
    add_text(r, text)
    return r


def add_text(r: BaseOxmlElement, text: str) -> None:
    """``text`` into run ``r`` as python-docx writes it: a tab is ``w:tab``, a line end
    ``w:br``, the rest ``w:t`` (keeping its spaces where it starts or ends with one)."""
    for piece in _BREAKS.split(text) if ("\t" in text or "\r" in text or "\n" in text) \
            else (text,):
        if piece == "\t":
            child(r, qn("w:tab"))
        elif piece in ("\r", "\n"):
            child(r, qn("w:br"))
        elif piece:
            t = child(r, W_T)
            t.text = piece
            if len(piece.strip()) < len(piece):
                t.set(W_SPACE, "preserve")


def cell_property(tc: BaseOxmlElement, tag: str, attributes: dict[str, str]) -> None:
    """``tag`` with ``attributes`` in the cell's properties (``w:tcPr``, which every cell
    of a table python-docx makes has), replacing any."""
    pr = tc.find(W_TCPR)
    if pr is None:
        pr = tc.makeelement(W_TCPR, {})
        tc.insert(0, pr)
    for old in pr.findall(tag):
        pr.remove(old)
    child(pr, tag, attributes, _CELL_ORDER)


def paragraph_text(p: BaseOxmlElement) -> str:
    """The paragraph's text as ``Paragraph.text`` reads it (a tab, a line break), in one pass
    over its elements rather than an XPath query per run."""
    tab = qn("w:tab")
    return "".join(element.text or "" if element.tag == W_T else
                   "\t" if element.tag == tab else "\n"
                   for element in p.iter(W_T, tab, qn("w:br"), qn("w:cr")))


def cells(tr: BaseOxmlElement) -> Sequence[BaseOxmlElement]:
    """The row's cells (``w:tc``), each once, as the XML has them."""
    return list(tr.iterchildren(qn("w:tc")))


class Paragraphs:
    """A cell's paragraphs written as XML text, then parsed with the other cells of their
    row at once (``fill``): a cell of 40,000 bullet items is one parse, not 300,000 calls.
    The text is what ``new_paragraph`` and ``new_run`` make, character for character."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self.keeps_first = False  # the cell's own empty paragraph stays first (see ``fill``)

    def paragraph(self, style_id: str | None, *, new: bool = False,
                  align: str | None = None) -> None:
        """Start a paragraph (``align``: ``w:jc``'s value). ``new``: after the cell's own
        empty paragraph if it is the cell's first (as ``cell.add_paragraph`` adds one);
        otherwise in its place."""
        if not self._parts:
            self.keeps_first = new
        else:
            self._parts.append("</w:p>")
        style = "" if style_id is None else f'<w:pStyle w:val="{_escape(style_id)}"/>'
        jc = "" if align is None else f'<w:jc w:val="{_escape(align)}"/>'
        self._parts.append(f"<w:p><w:pPr>{style}{jc}</w:pPr>" if style or jc else "<w:p>")

    def run(self, text: str, *, bold: bool | None = None, italic: bool | None = None,
            strike: bool | None = None, color: str | None = None,
            underline: bool = False, link: str | None = None) -> None:
        """A run at the end of the paragraph, as ``new_run`` makes it; ``link``: inside a
        ``w:hyperlink`` to that relationship id."""
        parts = [_flag(tag, flag) for tag, flag in (("b", bold), ("i", italic),
                                                    ("strike", strike))]
        if color is not None:
            parts.append(f'<w:color w:val="{_escape(color)}"/>')
        if underline:
            parts.append('<w:u w:val="single"/>')
        run = f'<w:r><w:rPr>{"".join(parts)}<w:lang w:val="{LANGUAGE}"/></w:rPr>' \
              f"{_text_xml(text)}</w:r>"
        self._parts.append(run if link is None else
                           f'<w:hyperlink r:id="{_escape(link)}">{run}</w:hyperlink>')

    def xml(self) -> str:
        return "".join(self._parts) + "</w:p>" if self._parts else ""


def fill(tcs: Sequence[BaseOxmlElement], written: Sequence[Paragraphs]) -> None:
    """Each cell's ``written`` paragraphs into its ``w:tc``, in place of the empty paragraph
    python-docx made it with (or after it: ``keeps_first``); a cell with none keeps it."""
    row = parse_xml(f"<w:tr {nsdecls('w', 'r')}>"
                    + "".join(f"<w:tc>{cell.xml()}</w:tc>" for cell in written) + "</w:tr>")
    for tc, made, cell in zip(tcs, list(row), written, strict=True):
        if next(iter(made), None) is None:
            continue
        if not cell.keeps_first:
            for old in tc.findall(W_P):
                tc.remove(old)
        tc.extend(list(made))


def _flag(tag: str, flag: bool | None) -> str:
    return "" if flag is None else f"<w:{tag}/>" if flag else f'<w:{tag} w:val="0"/>'


def _text_xml(text: str) -> str:
    """``add_text``'s elements as text."""
    out: list[str] = []
    for piece in _BREAKS.split(text) if ("\t" in text or "\r" in text or "\n" in text) \
            else (text,):
        if piece == "\t":
            out.append("<w:tab/>")
        elif piece in ("\r", "\n"):
            out.append("<w:br/>")
        elif piece:
            space = ' xml:space="preserve"' if len(piece.strip()) < len(piece) else ""
            out.append(f"<w:t{space}>{_escape(piece)}</w:t>")
    return "".join(out)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") \
        .replace('"', "&quot;")
