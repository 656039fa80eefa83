"""The source business plan (a text export of the Word document) cut into units: each
paragraph outside a table, and each paragraph, list item or whole cell inside one, with the
export's markup read (``<p>``, ``<ul>``, Markdown emphasis and links) so that a unit is the
words a reader saw. ``tests/test_source_alignment.py`` holds the Word export to them.

Comparison is of ``normal`` text: runs of whitespace made one space, and the en dash made a
hyphen (the source writes both in one place, "Strategic Objective 1 -" and "3 –").
"""

from __future__ import annotations

import re

from npmplan.render.light import plain

ROW_SEPARATOR = re.compile(r"^[-\t]+$")  # the export's "--\t--\t---" under a table
# Inside a cell: paragraphs, and a bullet list whose items begin with "- ".
_CELL_BREAK = re.compile(r"</?p>|<ul[^>]*>|</ul>")
_LIST_ITEM = re.compile(r"(?:^|\s)- (?=\S)")
_TAG = re.compile(r"<[^>]+>")


def normal(text: str) -> str:
    """``text`` for comparison: whitespace collapsed, the en dash a hyphen."""
    return " ".join(text.replace("–", "-").split())


def _words(fragment: str) -> str:
    """A fragment as read: no tag, no emphasis or link mark."""
    return normal(plain(_TAG.sub("", fragment)))


def _cell_units(cell: str) -> list[str]:
    if "<" not in cell:
        return [_words(cell)]
    units: list[str] = []
    in_list = False  # a list runs from <ul> to </ul> or, cut by a page break, to the cell's end
    for part in re.split(r"(</?p>|<ul[^>]*>|</ul>)", cell):
        if part.startswith("<ul"):
            in_list = True
        elif part == "</ul>":
            in_list = False
        elif not _CELL_BREAK.fullmatch(part):
            items = _LIST_ITEM.split(part) if in_list else [part]
            units += [_words(item) for item in items]
    return units


def source_units(text: str) -> list[str]:
    """Every unit of the source, in reading order, none empty."""
    units: list[str] = []
    for line in text.splitlines():
        if ROW_SEPARATOR.fullmatch(line):
            continue
        if "\t" in line:
            for cell in line.split("\t"):
                units += _cell_units(cell)
        else:
            stripped = line.strip()
            if stripped.startswith("- "):  # the strategic objectives' list
                stripped = stripped[2:]
            if stripped.startswith("<") and stripped.endswith(">") and "://" in stripped:
                units.append(_words(plain(stripped)))  # an autolink: <https://...>
            else:
                units.append(_words(stripped))
    return [unit for unit in units if unit and unit != "-"]
