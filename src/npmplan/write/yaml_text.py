"""The YAML text ``npmplan new`` writes, written here rather than by a library so that it
reads like the hand-kept file: every string double-quoted (ids too: ``"2.10"`` stays text in
every YAML reader), with escapes for quotes, backslashes, line breaks and invisible
characters, and multi-line text as a ``|`` block where that round-trips exactly.
"""

from __future__ import annotations

import re
import textwrap

from npmplan.text import one_line
from npmplan.write.edit import scalar as yaml_scalar

WIDTH = 96


# What a YAML file cannot hold as it is, even in a comment (YAML's printable set; a title
# may hold U+FFFE or a lone surrogate through an escape): named in the comments new writes.
_NOT_YAML = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def quote(text: str) -> str:
    """A YAML double-quoted scalar that loads back as exactly ``text``: ``write.edit``'s
    escaping, the one for every file npmplan writes (each character that is not printable,
    U+FFFE as much as a bidi mark, is written as an escape)."""
    return yaml_scalar(text, quote=True)


def _block_safe(text: str) -> bool:
    """A ``|`` block keeps every character of ``text``: no lead space, no odd line breaks,
    and at most one line break at the end (``|+`` would also keep the blank lines written
    after it, so "Name" and two line breaks would load back with three), and nothing that
    would have to be escaped."""
    return ("\n" in text and text[0] not in " \t\n" and not text.endswith("\n\n")
            and all(char.isprintable() or char == "\t" for char in text.replace("\n", "")))


def scalar(text: str, indent: int) -> list[str]:
    """`` "text"`` on the key's line, or `` |`` and the block lines (``indent`` spaces)."""
    if not _block_safe(text):
        return [" " + quote(text)]
    body = text.rstrip("\n")
    chomp = "" if text.endswith("\n") else "-"
    pad = " " * indent
    return [f" |{chomp}"] + [pad + line if line else "" for line in body.split("\n")]


class Writer:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def key(self, indent: int, key: str, text: str, item: bool = False) -> None:
        """``key: "text"`` (``- key:`` with ``item``) at ``indent`` spaces."""
        lead = " " * indent + ("- " if item else "")
        first, *rest = scalar(text, indent + (2 if item else 0) + 2)
        self.lines.append(f"{lead}{key}:{first}")
        self.lines.extend(rest)

    def item(self, indent: int, text: str) -> None:
        first, *rest = scalar(text, indent + 2)
        self.lines.append(f"{' ' * indent}-{first}")
        self.lines.extend(rest)

    def raw(self, indent: int, text: str) -> None:
        self.lines.append(" " * indent + text)

    def comment(self, indent: int, text: str) -> None:
        text = _NOT_YAML.sub(lambda m: f"[U+{ord(m[0]):04X}]", one_line(text))
        for line in textwrap.wrap(text, WIDTH - indent - 2) or [""]:
            self.lines.append(" " * indent + ("# " + line).rstrip())


def flow(values: list[str]) -> str:
    return "[" + ", ".join(quote(v) for v in values) + "]"
