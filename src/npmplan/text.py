"""Text on its way to a terminal, a page or a parser: data, never markup or control codes.

``validate`` rejects control and bidi characters in plan text; this is the second line of
defence for renderers, so that a file which was never validated still cannot move the
cursor, recolour the terminal or reorder text. It is also the one safe-text function for
everything the user typed that npmplan echoes (a file name, ``show ID``, ``--lead``,
``NPMPLAN_PLAN``): ``shown`` makes the invisible visible, as ``[U+001B]``.

    >>> one_line("Review\\u202e [draft]\\x1b[31m\\n done")
    'Review [draft][31m done'
    >>> shown("1.1\\u200b")
    '1.1[U+200B]'
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.text import Text

# C0 and C1 controls but tab and newline, DEL, the line and paragraph separators, the bidi
# marks, embeddings, overrides and isolates, and the zero-width characters: none of them has
# a glyph, and each can hide, reorder or colour the text around it.
INVISIBLE = ("\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u180e\u200b-\u200f\u2028\u2029\u202a-\u202e"
             "\u2060-\u2064\u2066-\u2069\ufeff")
_CONTROL = re.compile(f"[{INVISIBLE}]")
_VISIBLE = re.compile(f"[{INVISIBLE}\t\n]")


def clean(text: str) -> str:
    """Drop control, bidi and zero-width characters; keep newlines and tabs."""
    return _CONTROL.sub("", text)


def one_line(text: str) -> str:
    """For table cells and list items: controls dropped, line breaks folded to spaces."""
    return " ".join(clean(text).split())


def shown(text: str) -> str:
    """What the user typed, echoed on one line: each invisible character named
    (``[U+202E]``), so that it can be seen and removed, never acted on by the terminal."""
    return _VISIBLE.sub(lambda m: " " if m[0] in "\t\n" else f"[U+{ord(m[0]):04X}]", text)


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")


def md(text: str) -> str:
    """Plan text inside markdown: one line, and nothing read as markup, a link, an HTML tag
    or a table edge; nor, at the start of a line, a list item, a quote or a rule."""
    text = _MD_SPECIAL.sub(r"\\\1", one_line(text))
    return _MD_LEAD.sub(r"\1\\\2", text, count=1)


_MD_LEAD = re.compile(r"^(\d*)([-+=.)])(?=\s|$)")


def plain(text: str, style: str = "") -> Text:
    """Plan text as a rich ``Text``: rich never reads ``[draft] [/]`` in it as markup."""
    from rich.text import Text  # here: the CLI's start-up and stderr need no rich

    return Text(one_line(text), style=style)
