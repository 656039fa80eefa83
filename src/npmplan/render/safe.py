"""Plan text on its way to a terminal or a file: data, never markup or control codes.

``validate`` rejects control and bidi characters in plan text; this is the second line of
defence for renderers, so that a file which was never validated still cannot move the
cursor, recolour the terminal or reorder text.
"""

from __future__ import annotations

import re

from rich.text import Text

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    """Drop control and bidi characters; keep newlines and tabs."""
    return _CONTROL.sub("", text)


def one_line(text: str) -> str:
    """For table cells and list items: controls dropped, line breaks folded to spaces."""
    return " ".join(clean(text).split())


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")


def md(text: str) -> str:
    """Plan text inside markdown: one line, and nothing read as markup or a table edge."""
    return _MD_SPECIAL.sub(r"\\\1", one_line(text))


def plain(text: str, style: str = "") -> Text:
    """Plan text as a rich ``Text``: rich never reads ``[draft] [/]`` in it as markup."""
    return Text(one_line(text), style=style)
