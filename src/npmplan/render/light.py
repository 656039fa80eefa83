"""Markdown-light: how the plan's longer text (introduction, rationale …) is read into
paragraphs and bullet items (docs/plan-format.md, "Text").

    >>> blocks("First paragraph,\\nsame paragraph.\\n\\nA list:\\n- one\\n  more of one\\n- two")
    [Block(kind='paragraph', text='First paragraph, same paragraph.'), \
Block(kind='paragraph', text='A list:'), Block(kind='bullet', text='one more of one'), \
Block(kind='bullet', text='two')]

- a blank line ends a paragraph or an item;
- a line that starts with ``- `` (after any indentation) starts a bullet item; an indented
  line right after it continues the item;
- other lines next to each other are one paragraph, joined with a space.

Nothing else is markup: ``*``, ``#`` or ``[...]`` are printed as written.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

BlockKind = Literal["paragraph", "bullet"]


@dataclass(frozen=True, slots=True)
class Block:
    kind: BlockKind
    text: str


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
    return [Block(kind, " ".join(part for part in parts if part)) for kind, parts in out
            if any(parts)]
