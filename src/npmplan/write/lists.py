"""Splices that write a whole list anew (``npmplan schedule``), in the list's own layout:
``edit``'s way, so that every byte outside the list's items stays as it was.

    >>> src = Source.read(b"s:\\n  - 2026-05  # kept\\n  - 2026-07\\nx: 1\\n", "x.yaml")
    >>> print(src.apply(set_list(src, (), "s", item_lines(src, ("s",))[:1] + ["2026-09"])), end="")
    s:
      - 2026-05  # kept
      - 2026-09
    x: 1
"""

from __future__ import annotations

import re

from npmplan.read.loader import MapNode, SeqNode
from npmplan.write.edit import EditError, Loc, Source, Splice, set_fields


def set_list(src: Source, parent: Loc, key: str, items: list[str]) -> list[Splice]:
    """Replace the list under ``key`` of the mapping at ``parent`` by ``items`` (each one
    item's YAML text, on one line). A block list keeps its layout: its item lines are
    replaced by one line per item at the same indent, and the lines around it (comments
    before the list, the keys after it) stay. Any other list (flow, empty, missing)
    becomes a flow list ``[a, b]``, or ``[]`` when there are no items."""
    owner = src.node_at(parent)
    seq = owner.values.get(key) if isinstance(owner, MapNode) else None
    if isinstance(owner, MapNode) and isinstance(seq, SeqNode) and not seq.items and items \
            and not src.is_flow(owner):  # "key: []" (as new writes it) becomes a block list
        return _block_from_empty(src, owner, key, items)
    if not (isinstance(seq, SeqNode) and seq.items and not src.is_flow(seq) and items):
        return set_fields(src, parent, {key: "[" + ", ".join(items) + "]"})
    first = seq.items[0]
    start = src.offset(first if isinstance(first, int) else first.pos)
    prefix = src.prefix(start)
    if not re.fullmatch(r" *- +", prefix):
        raise EditError(f"line {src.line_of(start) + 1}: the list item does not start with '- '")
    end, lead = src.next_line(src.end(seq.items[-1]))
    lines = [prefix + item for item in items]
    return [(src.starts[src.line_of(start)], end, _lines(lines, src.newline, lead))]


def _block_from_empty(src: Source, owner: MapNode, key: str, items: list[str]) -> list[Splice]:
    """``key: []`` written as ``key:`` and one ``- item`` line per item, two spaces in from
    the key (a comment after the ``[]`` stays after the key)."""
    seq = owner.values[key]
    assert isinstance(seq, SeqNode)
    start = src.colon_end(owner.keys[key])
    end = src.ends[seq.pos][0]
    indent = " " * (len(src.prefix(src.offset(owner.keys[key]))) + 2)
    at, lead = src.next_line(end)
    lines = [indent + "- " + item for item in items]
    return [(start, end, ""), (at, at, lead + _lines(lines, src.newline, lead))]


def item_lines(src: Source, loc: Loc) -> list[str | None]:
    """The text of each item of the block list at ``loc`` as its line has it after the
    ``- `` (its comment too), or None for an item over several lines or a list that is
    not a block list: what ``set_list`` can write again as it was."""
    try:
        seq = src.node_at(loc)
    except EditError:
        return []
    if not isinstance(seq, SeqNode) or src.is_flow(seq):
        return []
    out: list[str | None] = []
    for item in seq.items:
        start = src.offset(item if isinstance(item, int) else item.pos)
        line = src.line_of(start)
        if src.line_of(src.end(item)) != line or not re.fullmatch(r" *- +", src.prefix(start)):
            out.append(None)
            continue
        end = src.starts[line + 1] if line + 1 < len(src.starts) else len(src.text)
        out.append(src.text[start:end].rstrip("\r\n"))
    return out


def _lines(lines: list[str], newline: str, lead: str) -> str:
    """Lines, each ending in ``newline``, except the last when it ends the file (``lead``:
    the last item had no line break after it)."""
    text = "".join(line + newline for line in lines)
    return text[:-len(newline)] if lead else text
