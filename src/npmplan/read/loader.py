"""Bytes → plain data (every scalar as text) + a tree of positions, or located problems.

The loader never raises for bad input and never constructs a YAML tag. It reads the YAML
*event* stream (libyaml's ``CParser`` when present) and builds the data and the position tree
in one iterative pass, so that:

- every scalar stays text (``id: 2.10`` is ``"2.10"``, ``2026-09-15`` is not a date): the
  schema, not YAML, gives scalars their types;
- duplicate keys, anchors/aliases and tags are refused at their own line and column, and an
  alias is never expanded (an alias bomb costs nothing);
- nesting depth costs no Python recursion, so 20,000 levels give a clean error.

    >>> doc = load_text("x.yaml", "id: 2.10\\nwhen: 2026-09-15\\n")
    >>> doc.data
    {'id': '2.10', 'when': '2026-09-15'}
    >>> locate(doc.root, ("when",))
    (2, 7)
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml import events

from npmplan.read.limits import max_bytes
from npmplan.read.syntax import control_problem, syntax_problem
from npmplan.rules import catalogue as rules
from npmplan.rules.catalogue import Rule
from npmplan.rules.problems import MAX_PER_RULE, Finding, Loc, Problem, format_loc

try:  # libyaml is 8-12x faster; the pure-Python parser is the fallback
    from yaml import CBaseLoader as _EventLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import BaseLoader as _EventLoader  # type: ignore[assignment]

MAX_DEPTH = 64  # a plan is 7 levels deep; far deeper is a damaged file, not a plan
NULLS = frozenset(("", "~", "null", "Null", "NULL"))
# What YAML itself lets through but a plan refuses: the bidi overrides and isolates, and
# the YAML 1.1 line breaks NEL, U+2028 and U+2029, which would silently split a text.
_RAW_CONTROL = re.compile("[\u0085\u2028\u2029\u202a-\u202e\u2066-\u2069]")
# Everything the spec forbids in text: Cc but newline and tab, the bidi controls, and the
# line and paragraph separators (written as the escapes \L and \P in double quotes).
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


class MapNode:
    """Positions of a mapping: its own, each key's, and each value's node."""

    __slots__ = ("keys", "pos", "values")

    def __init__(self, pos: int) -> None:
        self.pos = pos
        self.keys: dict[str, int] = {}
        self.values: dict[str, Node] = {}


class SeqNode:
    """Positions of a sequence: its own and each item's node."""

    __slots__ = ("items", "pos")

    def __init__(self, pos: int) -> None:
        self.pos = pos
        self.items: list[Node] = []


# A scalar's node is its packed position: (line << 32) | column, both 1-based.
Node = MapNode | SeqNode | int


class Aliased:
    """Stands in for an alias's value: never expanded, and model errors about it are dropped."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<alias>"


ALIASED = Aliased()


@dataclass(slots=True)
class Document:
    """A loaded file: its data (None when unreadable), positions and problems so far."""

    file: str
    data: Any
    root: Node
    problems: list[Problem]
    # Problems past MAX_PER_RULE of one rule, counted, not kept (50,000 aliases)
    dropped: dict[str, int] = field(default_factory=dict)

    def problem(self, finding: Finding) -> Problem:
        """Give a finding the line and column of the data it concerns."""
        line, column = finding.line, finding.column
        if not line:
            line, column = locate(self.root, finding.loc, finding.at_key)
        return finding.rule.problem(self.file, line, column, finding.message,
                                    format_loc(finding.loc))


def unpack(pos: int) -> tuple[int, int]:
    """A position int (see ``Node``) as 1-based (line, column)."""
    return pos >> 32, pos & 0xFFFFFFFF


def node_pos(node: Node) -> tuple[int, int]:
    return unpack(node if isinstance(node, int) else node.pos)


def locate(root: Node, loc: Loc, at_key: bool = False) -> tuple[int, int]:
    """Walk ``loc`` (mapping keys, sequence indexes) down the position tree.

    Stops at the deepest node that exists, so a missing key points at the mapping that
    lacks it. With ``at_key`` the last step points at the key rather than its value.
    """
    node = root
    last = len(loc) - 1
    for i, part in enumerate(loc):
        if isinstance(node, MapNode) and isinstance(part, str) and part in node.values:
            if at_key and i == last:
                return unpack(node.keys[part])
            node = node.values[part]
        elif isinstance(node, SeqNode) and isinstance(part, int) and 0 <= part < len(node.items):
            node = node.items[part]
        else:
            break
    return node_pos(node)


def load_path(path: Path, display: str | None = None) -> Document:
    """Read and load one file. The file is opened read-only and closed at once."""
    file = display or str(path)
    limit = max_bytes()
    with path.open("rb") as handle:  # read-only by design: no command writes a plan
        raw = handle.read(limit + 1)  # no more than the limit is ever read
    return load_bytes(file, raw)


def oversized(file: str) -> Document:
    """A file over the size limit, refused before (all of) it is read."""
    return _failed(file, 1, 1, rules.TOO_LARGE,
                   f"the file is larger than the {max_bytes():,}-byte limit for a plan; "
                   "split it, or set NPMPLAN_MAX_BYTES to a higher number of bytes")


def load_bytes(file: str, raw: bytes) -> Document:
    if len(raw) > max_bytes():
        return oversized(file)
    text = decode(file, raw)
    if isinstance(text, Problem):
        return Document(file, None, 0, [text])
    return load_text(file, text)


def _wide_encoding(raw: bytes) -> str | None:
    """UTF-32 (with or without its BOM) or UTF-16 without one: what NUL bytes between the
    letters say, so that the message names the encoding rather than a control character."""
    if raw.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "UTF-32"
    head = raw[:4096]
    if (b"\x00" not in head or not head.strip(b"\x00")
            or raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))):
        return None
    if (len(head) >= 8 and head[1:4] == b"\x00\x00\x00") or head[:3] == b"\x00\x00\x00":
        return "UTF-32"
    even, odd = head[0::2], head[1::2]
    if even.count(0) > len(even) // 2 or odd.count(0) > len(odd) // 2:
        return "UTF-16"
    return None


def decode(file: str, raw: bytes) -> str | Problem:
    """UTF-8 (with or without BOM), or UTF-16 with a BOM; anything else is a located problem."""
    wide = _wide_encoding(raw)
    if wide is not None:
        return rules.ENCODING.problem(
            file, 1, 1, f"the file is saved as {wide} text, not UTF-8; save it with the "
            "encoding UTF-8 (in Notepad or Word: Save As, Encoding: UTF-8)")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            pass
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        start = exc.start
        breaks = list(_BREAK.finditer(raw, 0, start))
        line_start = breaks[-1].end() if breaks else 0
        column = len(raw[line_start:start].decode("utf-8", "replace")) + 1
        return rules.ENCODING.problem(
            file, len(breaks) + 1, column, f"byte 0x{raw[start]:02x} is not UTF-8 text; save "
            "the file with the encoding UTF-8 (in Notepad or Word: Save As, Encoding: UTF-8)")


_BREAK = re.compile(rb"\r\n|\r|\n")


def load_text(file: str, text: str) -> Document:
    if "\r" in text:
        # YAML ends a line at CRLF, CR or LF; from here on only LF does, so that every
        # position (ours and libyaml's) counts lines the same way. Text keeps its breaks:
        # YAML turns each into "\n" anyway.
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    problems, more = _scan_controls(file, text)
    if problems:
        # Reported above at their place. YAML would read NEL, U+2028 and U+2029 as line
        # breaks, so every later position would be off by a line: blank them (one
        # character for one, so positions hold) before parsing.
        text = _RAW_CONTROL.sub(" ", text)
    loader = _EventLoader(text)
    builder = _Builder(file, problems, text)
    if problems:  # escapes of controls count on from the ones typed as themselves
        builder.counts[rules.CONTROL_CHARACTER] = len(problems) + more
    try:
        data, root = builder.run(loader)
    except yaml.YAMLError as exc:
        problems.append(syntax_problem(file, exc, text))
        return Document(file, None, 0, problems, builder.dropped())
    finally:
        loader.dispose()
    if data is None and not problems:
        problems.append(rules.EMPTY.problem(
            file, 1, 1, "the file is empty; a plan starts with 'version: 1' and 'plan:'"))
    elif data is not None and not isinstance(data, dict):
        line, column = node_pos(root)
        problems.append(rules.NOT_A_MAPPING.problem(
            file, line, column, "the file must be a mapping of keys (version:, plan:, team:, "
            "strategic_objectives:), not a list or a single value"))
        data = None
    return Document(file, data, root, problems, builder.dropped())


def _scan_controls(file: str, text: str) -> tuple[list[Problem], int]:
    """Find the controls YAML lets through (bidi overrides, NEL) at their exact position:
    the first MAX_PER_RULE of them, and how many more there are."""
    problems: list[Problem] = []
    matches = _RAW_CONTROL.finditer(text)
    for match in matches:
        if len(problems) == MAX_PER_RULE:
            return problems, 1 + sum(1 for _ in matches)
        start = match.start()
        line_start = text.rfind("\n", 0, start) + 1
        problems.append(control_problem(file, text.count("\n", 0, start) + 1,
                                        start - line_start + 1, match.group(), ""))
    return problems, 0


class _Builder:
    """Turns the event stream into data and positions, refusing what the format forbids."""

    def __init__(self, file: str, problems: list[Problem], text: str) -> None:
        self.file = file
        self.problems = problems
        self.text = text
        self.counts: dict[Rule, int] = {}

    def error(self, pos: int, rule: Rule, message: str) -> None:
        count = self.counts[rule] = self.counts.get(rule, 0) + 1
        if count <= MAX_PER_RULE:
            line, column = unpack(pos)
            self.problems.append(rule.problem(self.file, line, column, message))

    def dropped(self) -> dict[str, int]:
        """How many problems of each rule were past MAX_PER_RULE (summed up by the pipeline)."""
        return {rule.id: count - MAX_PER_RULE for rule, count in self.counts.items()
                if count > MAX_PER_RULE}

    def run(self, loader: Any) -> tuple[Any, Node]:
        get = loader.get_event
        stack: list[list[Any]] = []  # [container, node, key, key_pos] or [list, node]
        result: list[Any] = [None, 0]
        documents = 0
        # The hot loop of every command: one pass, no recursion, attribute look-ups kept
        # out of it (scalars are most of the events).
        scalar, attach = events.ScalarEvent, self.attach
        while True:
            event = get()
            kind = type(event)
            mark = event.start_mark
            pos = ((mark.line + 1) << 32) | (mark.column + 1)  # 0-based mark, 1-based pos
            if kind is scalar:
                value: Any = event.value
                if event.implicit[0] and value in NULLS:
                    value = None
                if event.anchor is not None or event.tag is not None:
                    self.check_node(event, pos)
                if event.style == '"' and value and CONTROL.search(value):
                    self.check_escapes(value, event, pos)
                attach(stack, result, value, pos)
            elif kind is events.MappingStartEvent or kind is events.SequenceStartEvent:
                self.check_node(event, pos)
                if len(stack) >= MAX_DEPTH:
                    self.error(pos, rules.TOO_DEEP, f"the file is nested more than {MAX_DEPTH} "
                               "levels deep, which no plan is; check the indentation and "
                               "brackets")
                    return None, 0
                if kind is events.MappingStartEvent:
                    stack.append([{}, MapNode(pos), None, 0])
                else:
                    stack.append([[], SeqNode(pos)])
            elif kind is events.MappingEndEvent or kind is events.SequenceEndEvent:
                container, node = stack.pop()[:2]
                self.attach(stack, result, container, node)
            elif kind is events.AliasEvent:
                self.error(pos, rules.ALIAS, f"aliases (*{event.anchor}) are not allowed in a "
                           "plan; write the text out in full instead")
                self.attach(stack, result, ALIASED, pos)
            elif kind is events.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    self.error(pos, rules.MULTIPLE_DOCUMENTS, "a plan file holds one YAML "
                               "document; remove the second '---' and what follows, or move it "
                               "to its own file")
                    return result[0], result[1]
            elif kind is events.StreamEndEvent:
                return result[0], result[1]

    def check_escapes(self, value: str, event: Any, pos: int) -> None:
        """A control written as an escape ("\\u202e") in double quotes; one typed as itself
        was already reported where it stands."""
        raw = self.text[event.start_mark.index:event.end_mark.index]
        for char in set(CONTROL.findall(value)):
            if char not in raw:
                self.error(pos, rules.CONTROL_CHARACTER, f"the text contains the invisible control "
                           f"character U+{ord(char):04X}, written as an escape (\\x.., "
                           "\\u...., \\N, \\L or \\P); remove the escape")

    def check_node(self, event: Any, pos: int) -> None:
        if event.anchor is not None:
            self.error(pos, rules.ALIAS, f"anchors (&{event.anchor}) are not allowed in a plan; "
                       "write the text out in full instead of reusing it")
        if event.tag is not None:
            tag = event.tag.replace("tag:yaml.org,2002:", "!!")  # as it was written
            self.error(pos, rules.TAG, f"tags ({tag}) are not allowed in a plan; remove it "
                       "(put text in quotes if it must start with '!')")

    def attach(self, stack: list[list[Any]], result: list[Any], value: Any, node: Node) -> None:
        if not stack:
            result[0], result[1] = value, node
            return
        frame = stack[-1]
        container = frame[0]
        if type(container) is list:
            container.append(value)
            frame[1].items.append(node)
            return
        if frame[2] is None:  # this value is a key
            key_pos = node if isinstance(node, int) else node.pos
            if not isinstance(value, str | None) or isinstance(node, MapNode | SeqNode):
                self.error(key_pos, rules.COMPLEX_KEY, "a key must be a plain word such as "
                           "'title'; a list or mapping cannot be a key")
                value = _SKIP  # its value is dropped: one report is enough
            frame[2], frame[3] = value if value is not None else "", key_pos
            return
        key, key_pos = frame[2], frame[3]
        frame[2] = None
        if key is _SKIP:
            return
        if key in container:
            first = unpack(frame[1].keys[key])[0]
            self.error(key_pos, rules.DUPLICATE_KEY, f"the key '{key}' appears twice in this "
                       f"mapping (first at line {first}); keep one and delete or rename the other")
            return
        container[key] = value
        frame[1].keys[key] = key_pos
        frame[1].values[key] = node


_SKIP = object()  # stands for a complex key, whose value is not kept


def _failed(file: str, line: int, column: int, rule: Rule, message: str) -> Document:
    return Document(file, None, 0, [rule.problem(file, line, column, message)])
