"""Surgical edits of a plan's text: set, add or remove a few values, every other byte kept.

The loader's position tree says where each key and value starts; one more pass over the
YAML event stream says where each scalar and each flow collection ends. An edit is a list
of splices ``(start, end, new text)`` on the file's own text, so comments, blank lines,
quoting, key order, line endings and the BOM stay as they were. In a flow mapping a value is
replaced in place or a key added before the ``}``; in a block mapping a key gets its line.

    >>> src = Source.read(b"m:\\n  - {when: 2026-07, what: Draft}  # kept\\n", "x.yaml")
    >>> print(src.apply(set_fields(src, ("m", 0), {"status": "done"})), end="")
    m:
      - {when: 2026-07, what: Draft, status: done}  # kept

Values are written by ``scalar``: plain only when the text provably reads back as itself.
"""

from __future__ import annotations

import bisect
import codecs
import re
from dataclasses import dataclass
from typing import Any

import yaml
from yaml import events

from npmplan.errors import NpmplanError
from npmplan.read.loader import Document, MapNode, Node, SeqNode, load_text, unpack

try:  # the loader's choice: libyaml when present
    from yaml import CBaseLoader as _EventLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import BaseLoader as _EventLoader  # type: ignore[assignment]

Loc = tuple[str | int, ...]
Splice = tuple[int, int, str]  # replace text[start:end] with the string


class EditError(NpmplanError):
    """The file's layout at this place is one npmplan does not edit; nothing is written."""


# --- values ------------------------------------------------------------------------------

# Plain text that reads back as itself in block and flow context alike: no indicator first,
# no ": ", " #", ",", brackets or quotes, no space at either end.
_PLAIN = re.compile(r"[A-Za-z0-9(][A-Za-z0-9 ()&'+./_-]*(?<! )")
# What a YAML 1.1 or 1.2 reader (an editor, another tool) would take for a boolean, null
# or number, though npmplan reads it as text.
_SPECIAL = frozenset(("y", "n", "yes", "no", "true", "false", "on", "off", "null", "~"))
_NUMBER = re.compile(r"[-+]?(\.\d+|\d[\d_]*(\.[\d_]*)?|0x[0-9a-f_]+|0o[0-7_]+|0b[01_]+)"
                     r"(e[-+]?\d+)?", re.IGNORECASE)
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t"}


def scalar(text: str, quote: bool = False) -> str:
    """``text`` as a YAML scalar that loads back as exactly ``text``.

    >>> scalar("Draft shared"), scalar("Phase II: report"), scalar("yes"), scalar("1.10")
    ('Draft shared', '"Phase II: report"', '"yes"', '"1.10"')
    """
    if (not quote and _PLAIN.fullmatch(text) and text.lower() not in _SPECIAL
            and not _NUMBER.fullmatch(text)):
        return text
    return '"' + "".join(_escape(char) for char in text) + '"'


def _escape(char: str) -> str:
    if char in _ESCAPES:
        return _ESCAPES[char]
    if char == " " or char.isprintable():
        return char
    code = ord(char)  # controls, line separators, format and other invisible characters
    return f"\\x{code:02x}" if code < 0x100 else (
        f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")


def flow_list(texts: list[str]) -> str:
    return "[" + ", ".join(scalar(text) for text in texts) + "]"


def flow_map(fields: dict[str, str]) -> str:
    """Fields already written as YAML (see ``scalar``) as one flow mapping."""
    return "{" + ", ".join(f"{key}: {value}" for key, value in fields.items()) + "}"


# --- the source --------------------------------------------------------------------------

_BREAK = re.compile(r"\r\n|\r|\n")
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16-be"))


@dataclass(frozen=True, slots=True)
class Entry:
    """One key of a mapping: offsets of its key and value in the text (end exclusive)."""

    key: str
    key_start: int
    value_start: int
    value_end: int
    node: Node


class Source:
    """A plan file's text, its positions and the ends of its values, ready to splice."""

    def __init__(self, file: str, raw: bytes, document: Document | None = None) -> None:
        """``document``: ``raw`` as the loader read it already (else it is read here)."""
        self.file = file
        self.bom, self.encoding = next(((bom, enc) for bom, enc in _BOMS if raw.startswith(bom)),
                                       (b"", "utf-8"))
        self.text = raw[len(self.bom):].decode(self.encoding)
        self.document: Document = (document if document is not None
                                   else load_text(file, self.text))
        if self.document.data is None or self.document.problems:
            raise EditError(f"{file} does not load cleanly")
        self.starts = [0] + [m.end() for m in _BREAK.finditer(self.text)]
        first = _BREAK.search(self.text)
        self.newline = first.group() if first else "\n"
        lf = self.text.replace("\r\n", "\n").replace("\r", "\n")
        self.ends = {start: (self.offset(end), style) for start, (end, style) in _ends(lf).items()}

    @classmethod
    def read(cls, raw: bytes, file: str) -> Source:
        return cls(file, raw)

    def encode(self, text: str) -> bytes:
        return self.bom + text.encode(self.encoding)

    def apply(self, splices: list[Splice]) -> str:
        text = self.text
        for start, end, new in sorted(splices, key=lambda s: (s[0], s[1]), reverse=True):
            text = text[:start] + new + text[end:]
        return text

    # positions -----------------------------------------------------------------------

    def offset(self, pos: int) -> int:
        return self.starts[unpack(pos)[0] - 1] + unpack(pos)[1] - 1

    def line_of(self, offset: int) -> int:
        """The 0-based line holding ``offset``."""
        return bisect.bisect_right(self.starts, offset) - 1

    def next_line(self, offset: int) -> tuple[int, str]:
        """Where the line after ``offset``'s line starts, and a break to put first if that
        line is the file's last and has none."""
        line = self.line_of(offset)
        if line + 1 < len(self.starts):
            return self.starts[line + 1], ""
        return len(self.text), self.newline

    def prefix(self, offset: int) -> str:
        """The text of ``offset``'s line before it."""
        return self.text[self.starts[self.line_of(offset)]:offset]

    def node_at(self, loc: Loc) -> Node:
        node = self.document.root
        for part in loc:
            if isinstance(node, MapNode) and isinstance(part, str) and part in node.values:
                node = node.values[part]
            elif isinstance(node, SeqNode) and isinstance(part, int) and \
                    0 <= part < len(node.items):
                node = node.items[part]
            else:
                raise EditError(f"{self.file} has nothing at {loc}")
        return node

    def data_at(self, loc: Loc) -> Any:
        data = self.document.data
        for part in loc:
            data = data[part]
        return data

    def is_flow(self, node: MapNode | SeqNode) -> bool:
        return self.text[self.offset(node.pos)] in "{["

    def end(self, node: Node) -> int:
        """The offset just after a value: a scalar's last character (a block scalar's last
        non-blank one), a flow collection's bracket, a block collection's last value."""
        if isinstance(node, int):
            end, style = self.ends[node]
            if style in ("|", ">"):  # libyaml ends these at the next line of content
                if _KEEP.match(self.text, self.offset(node)):  # its blank lines are its value
                    return end - 1 if end > 0 and self.text[end - 1] in "\r\n" else end
                end = len(self.text[:end].rstrip())
            return end
        if self.is_flow(node):
            return self.ends[node.pos][0]
        last = list(node.values.values())[-1] if isinstance(node, MapNode) else node.items[-1]
        return self.end(last)

    def entries(self, node: MapNode) -> list[Entry]:
        out = []
        for key, value in node.values.items():
            key_start = self.offset(node.keys[key])
            if _EXPLICIT.search(self.prefix(key_start)):
                raise EditError(f"line {self.line_of(key_start) + 1}: the key '{key}' is "
                                "written as an explicit key ('? ')")
            if isinstance(value, int) and self.ends[value][0] == self.offset(value):
                start = end = self.colon_end(node.keys[key])  # an empty value (null)
            else:
                start, end = self.offset(value if isinstance(value, int) else value.pos), \
                    self.end(value)
            out.append(Entry(key, key_start, start, end, value))
        return out

    def colon_end(self, key_pos: int) -> int:
        """The offset just after the ``:`` that follows a key."""
        at = self.ends[key_pos][0]
        match = re.compile(r"[ \t]*:").match(self.text, at)
        if not match:
            raise EditError(f"line {unpack(key_pos)[0]}: no ':' after the key")
        return match.end()


_KEEP = re.compile(r"[|>](\+|[1-9]\+|\+[1-9])")  # |+, >+, |2+, |+2: trailing blanks kept
_EXPLICIT = re.compile(r"\?[ \t]*$")  # "? when": new keys would be misaligned


def _ends(text: str) -> dict[int, tuple[int, str | None]]:
    """Start position → (end position, style) of every scalar and flow collection, from
    the event stream of ``text`` (line breaks already LF, as the loader counts lines).
    Positions are packed as the loader packs them (line << 32 | column, 1-based)."""
    ends: dict[int, tuple[int, str | None]] = {}
    stack: list[tuple[int, bool]] = []
    loader = _EventLoader(text)

    def pos(mark: Any) -> int:
        return int(((mark.line + 1) << 32) | (mark.column + 1))

    try:
        while True:
            event = loader.get_event()
            if isinstance(event, events.ScalarEvent):
                ends[pos(event.start_mark)] = (pos(event.end_mark), event.style)
            elif isinstance(event, events.CollectionStartEvent):
                stack.append((pos(event.start_mark), bool(event.flow_style)))
            elif isinstance(event, events.CollectionEndEvent):
                start, flow = stack.pop()
                if flow:
                    ends[start] = (pos(event.end_mark), None)
            elif isinstance(event, events.StreamEndEvent):
                return ends
    except yaml.YAMLError as exc:  # the loader read it already; this is a bug, not the file
        raise EditError(f"cannot re-read the file: {exc}") from None
    finally:
        loader.dispose()


# --- edits -------------------------------------------------------------------------------

# Where a new key goes: after the first of these that the mapping has, else at its end.
AFTER: dict[str, tuple[str, ...]] = {
    "moved_to": ("when",), "every": ("moved_to", "when"), "moved_on": ("moved_to",),
    "done_on": ("status",), "cancelled_on": ("status",), "rag": ("quarter",), "next": ("text",),
    "leads": ("priority", "label", "title", "id"),
    "schedule": ("outputs", "outcomes", "rationale", "leads", "priority", "label", "title"),
}


def set_fields(src: Source, loc: Loc, changes: dict[str, str | None]) -> list[Splice]:
    """Set (a YAML value text, see ``scalar``) or remove (None) keys of the mapping at loc."""
    node = src.node_at(loc)
    if not isinstance(node, MapNode):
        raise EditError(f"{src.file}: {loc} is not a mapping")
    flow = src.is_flow(node)
    entries = src.entries(node)
    by_key = {entry.key: entry for entry in entries}
    splices: list[Splice] = []
    groups: dict[str, list[str]] = {}  # anchor key → new "key: value" texts, in order
    placed: dict[str, str] = {}  # a new key → the existing key it goes after
    for key, value in changes.items():
        entry = by_key.get(key)
        if entry is not None and value is None:
            splices.append(_remove(src, entries, entry, flow))
        elif entry is not None and value is not None:
            splices.append(_replace(src, node, entry, value))
        elif value is not None:
            # After a key it has, or after a key added just now (status, then done_on).
            after = next((a for a in AFTER.get(key, ()) if a in by_key or a in placed),
                         entries[-1].key)
            anchor = placed.get(after, after)
            placed[key] = anchor
            groups.setdefault(anchor, []).append(f"{key}: {value}")
    for anchor, pairs in groups.items():
        splices.append(_insert_after(src, node, by_key[anchor], pairs, flow))
    return splices


def _replace(src: Source, node: MapNode, entry: Entry, value: str) -> Splice:
    start = entry.value_start
    if isinstance(entry.node, MapNode | SeqNode) and not src.is_flow(entry.node):
        start = src.colon_end(node.keys[entry.key])  # a block list becomes "key: [a, b]"
    if start == src.colon_end(node.keys[entry.key]):
        value = " " + value
    return start, entry.value_end, value


def _insert_after(src: Source, node: MapNode, anchor: Entry, pairs: list[str],
                  flow: bool) -> Splice:
    if flow:
        if anchor.value_start == anchor.value_end:  # "note: }": after it would read "note:,"
            return anchor.key_start, anchor.key_start, "".join(f"{pair}, " for pair in pairs)
        return anchor.value_end, anchor.value_end, "".join(f", {pair}" for pair in pairs)
    first_key = src.offset(next(iter(node.keys.values())))
    indent = " " * len(src.prefix(first_key))
    at, lead = src.next_line(anchor.value_end)
    return at, at, lead + _join([indent + pair for pair in pairs], src.newline, lead)


def _remove(src: Source, entries: list[Entry], entry: Entry, flow: bool) -> Splice:
    index = entries.index(entry)
    if flow:
        if index > 0:
            return entries[index - 1].value_end, entry.value_end, ""
        return entry.key_start, entries[index + 1].key_start, ""
    if src.prefix(entry.key_start).strip() == "":  # the key's own line(s): drop them whole
        start = src.starts[src.line_of(entry.key_start)]
        end, lead = src.next_line(entry.value_end)
        return start, end, lead
    if index + 1 == len(entries):
        raise EditError(f"line {src.line_of(entry.key_start) + 1}: cannot remove the only key")
    return entry.key_start, entries[index + 1].key_start, ""  # the key after "- " moves up


def append_item(src: Source, parent: Loc, key: str, item: dict[str, str]) -> list[Splice]:
    """Add ``item`` (values as YAML text) at the end of the list under ``key`` of the
    mapping at ``parent``, in the style of the items before it; create the list if needed."""
    owner = src.node_at(parent)
    if not isinstance(owner, MapNode):
        raise EditError(f"{src.file}: {parent} is not a mapping")
    flow_item = flow_map(item)
    seq = owner.values.get(key)
    if seq is None:  # no such key yet
        return set_fields(src, parent, {key: "[" + flow_item + "]"}) if src.is_flow(owner) \
            else _new_block_list(src, owner, key, flow_item)
    if isinstance(seq, int):  # an empty value: "milestones:" or "milestones: ~"
        entry = next(e for e in src.entries(owner) if e.key == key)
        if entry.value_start == entry.value_end:
            return _new_block_list(src, owner, key, flow_item, entry)
        return [(entry.value_start, entry.value_end, "[" + flow_item + "]")]
    if not isinstance(seq, SeqNode):
        raise EditError(f"line {unpack(seq.pos)[0]}: '{key}' is not a list")
    if src.is_flow(seq):
        end = src.ends[seq.pos][0] - 1  # before the "]"
        before = src.text[:end].rstrip()
        if seq.items and before.endswith(","):  # "[{...},]": after it, and one kept last
            return [(len(before), len(before), f" {flow_item},")]
        return [(end, end, (", " if seq.items else "") + flow_item)]
    last = seq.items[-1]
    start = src.offset(last if isinstance(last, int) else last.pos)
    prefix = src.prefix(start)
    if not re.fullmatch(r" *- +", prefix):
        raise EditError(f"line {src.line_of(start) + 1}: the list item does not start with '- '")
    at, lead = src.next_line(src.end(last))
    if isinstance(last, MapNode) and not src.is_flow(last):
        lines = [prefix + f"{k}: {v}" if i == 0 else " " * len(prefix) + f"{k}: {v}"
                 for i, (k, v) in enumerate(item.items())]
    else:
        lines = [prefix + flow_item]
    return [(at, at, lead + _join(lines, src.newline, lead))]


def _new_block_list(src: Source, owner: MapNode, key: str, flow_item: str,
                    entry: Entry | None = None) -> list[Splice]:
    first_key = src.offset(next(iter(owner.keys.values())))
    indent = " " * len(src.prefix(first_key))
    if entry is not None:  # "key:" with nothing after it: the item goes on the next line
        at, lead = src.next_line(entry.value_end)
        return [(at, at, lead + _join([indent + "  - " + flow_item], src.newline, lead))]
    last = list(owner.values.values())[-1]
    at, lead = src.next_line(src.end(last))
    return [(at, at, lead + _join([indent + key + ":", indent + "  - " + flow_item],
                                  src.newline, lead))]


def _join(lines: list[str], newline: str, lead: str) -> str:
    """Lines, each ending in ``newline``, except the last when it ends the file."""
    return newline.join(lines) + ("" if lead else newline)


def quotes_like_neighbours(src: Source, loc: Loc, key: str) -> bool:
    """Whether the last item of the list at ``loc`` writes ``key`` in double quotes."""
    try:
        seq = src.node_at(loc)
    except EditError:
        return False
    if not isinstance(seq, SeqNode) or not seq.items:
        return False
    return double_quoted(src, seq.items[-1], key)


def double_quoted(src: Source, node: Node, key: str) -> bool:
    """Whether the mapping ``node`` writes ``key``'s value in double quotes."""
    value = node.values.get(key) if isinstance(node, MapNode) else None
    return isinstance(value, int) and src.ends[value][1] == '"'

