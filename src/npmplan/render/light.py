"""Markdown-light: how the plan's longer text (introduction, rationale …) is read into
paragraphs and bullet items, and each of those into runs of plain, bold, italic and linked
text (docs/plan-format.md, "Text").

    >>> blocks("First paragraph,\\nsame paragraph.\\n\\nA list:\\n- one\\n  more of one\\n- two")
    [Block(kind='paragraph', text='First paragraph, same paragraph.', spans=()), \
Block(kind='paragraph', text='A list:', spans=()), Block(kind='bullet', \
text='one more of one', spans=()), Block(kind='bullet', text='two', spans=())]

- a blank line ends a paragraph or an item;
- a line that starts with ``- `` (after any indentation) starts a bullet item; an indented
  line right after it continues the item;
- other lines next to each other are one paragraph, joined with a space.

Inside a block, three marks and nothing else (``Block.spans``; ``Block.text`` is the text
without them, so that an output that prints plain text never shows a mark):

    >>> [(s.text, s.bold, s.italic, s.link) for s in spans("See **the [list](#)** *now*")]
    [('See ', False, False, ''), ('the ', True, False, ''), ('list', True, False, '#'), \
(' ', False, False, ''), ('now', False, True, '')]

- ``**bold**`` and ``*italic*``: the mark touches the words it encloses (``* 2`` or a lone
  ``*`` is an asterisk, as the plan's web mark "as necessary*" is);
- ``[text](address)``: a link; ``<https://...>``: a link that shows its address.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

BlockKind = Literal["paragraph", "bullet"]

# One mark at a time, leftmost first: a link, then bold, then italic. An emphasis mark must
# touch the words inside it on both sides, so "2 * 3" and "necessary*" stay as written.
_MARK = re.compile(
    r"\[(?P<link>[^\]\n]+)\]\((?P<href>[^)\s]*)\)"
    r"|<(?P<auto>(?:https?://|mailto:)[^>\s]+)>"
    r"|\*\*(?P<bold>\S(?:.*?\S)?)\*\*(?!\*)"
    r"|(?<![\w*])\*(?P<italic>[^\s*](?:[^*]*?[^\s*])?)\*(?![\w*])")


@dataclass(frozen=True, slots=True)
class Span:
    """A run of text with its marks."""

    text: str
    bold: bool = False
    italic: bool = False
    link: str = ""


@dataclass(frozen=True, slots=True)
class Block:
    kind: BlockKind
    text: str  # without marks
    spans: tuple[Span, ...] = ()  # the marked runs; () when the block has no mark


def spans(text: str, bold: bool = False, italic: bool = False,
          link: str = "") -> list[Span]:
    """``text``'s runs, marks read (nested marks too: a link inside bold text)."""
    out: list[Span] = []
    position = 0
    for match in _MARK.finditer(text):
        if match.start() > position:
            out.append(Span(text[position:match.start()], bold, italic, link))
        if match["link"] is not None:
            out += spans(match["link"], bold, italic, match["href"])
        elif match["auto"] is not None:  # <https://...>: the address is the text
            out.append(Span(match["auto"], bold, italic, match["auto"]))
        elif match["bold"] is not None:
            out += spans(match["bold"], True, italic, link)
        else:
            out += spans(match["italic"], bold, True, link)
        position = match.end()
    if position < len(text):
        out.append(Span(text[position:], bold, italic, link))
    return out


def plain(text: str) -> str:
    """``text`` with its marks taken out: the words as a reader sees them."""
    return "".join(span.text for span in spans(text))


def blocks(text: str) -> list[Block]:
    """The paragraphs and bullet items of ``text``, in order, each on one line."""
    out: list[tuple[BlockKind, list[str]]] = []
    open_block = False
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            open_block = False
        elif stripped.startswith("- ") or stripped == "-":
            out.append(("bullet", [stripped[1:].strip()]))
            open_block = True
        elif open_block and (out[-1][0] == "paragraph" or line[:1] in (" ", "\t")):
            out[-1][1].append(stripped)
        else:
            out.append(("paragraph", [stripped]))
            open_block = True
    return [_block(kind, " ".join(part for part in parts if part)) for kind, parts in out
            if any(parts)]


def _block(kind: BlockKind, text: str) -> Block:
    runs = spans(text)
    if len(runs) == 1 and runs[0] == Span(text):
        return Block(kind, text)
    return Block(kind, "".join(run.text for run in runs), tuple(runs))
