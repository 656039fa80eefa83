"""The work a regular expression does, counted in steps rather than timed.

Python's ``re`` is a backtracking engine: a pattern such as ``(\\d+)+x`` tries exponentially
many ways to split a long run of digits before it fails, and a test would hang rather than
fail. ``Model`` matches the way such an engine does (each alternative, each repeat count,
greedy first) over the pattern as ``re`` itself parses it, and counts one step per node tried
and per character a repeat takes; past ``Steps.budget`` it stops with ``TooMuchWork``. The
count is the same on every machine and under any load: no clock.

``steps_of(module, budget, call)`` replaces every compiled pattern of a module with a
``Counted`` one while ``call()`` runs: each match is first made by the model (and counted),
then by ``re``, and the two must agree, so the model cannot drift from what it stands for.
A construct the model does not know (backreferences, lookbehind) raises
``NotImplementedError``, never a silent guess.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from types import ModuleType
from typing import Any

import pytest

Node = tuple[Any, Any]


class TooMuchWork(AssertionError):
    """More steps than the budget: the pattern backtracks on this input."""


class Steps:
    def __init__(self, budget: int) -> None:
        self.budget = budget
        self.taken = 0

    def take(self, count: int = 1) -> None:
        self.taken += count
        if self.taken > self.budget:
            raise TooMuchWork(f"more than {self.budget:,} steps")


_ASCII_SPACE = " \t\n\r\f\v"
_ASCII_WORD = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_"


class Model:
    """A backtracking matcher for one compiled pattern (no IGNORECASE, LOCALE, backreferences
    or lookbehind)."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        unknown = pattern.flags & (re.IGNORECASE | re.LOCALE | re.MULTILINE | re.DOTALL
                                   | re.VERBOSE)
        if unknown:
            raise NotImplementedError(f"flags {re.RegexFlag(unknown)!r} of {pattern.pattern!r}")
        self.pattern = pattern
        self.ascii = bool(pattern.flags & re.ASCII)
        self.items: list[Node] = list(_parser.parse(pattern.pattern, pattern.flags))

    # --- the three calls -------------------------------------------------------------------

    def fullmatch(self, text: str, steps: Steps, pos: int = 0, endpos: int = sys.maxsize) -> bool:
        text = text[:endpos]
        return any(end == len(text) for end in self._run(text, pos, steps))

    def match(self, text: str, steps: Steps, pos: int = 0, endpos: int = sys.maxsize) -> bool:
        return any(True for _ in self._run(text[:endpos], pos, steps))

    def search(self, text: str, steps: Steps, pos: int = 0, endpos: int = sys.maxsize) -> bool:
        text = text[:endpos]
        return any(self.match(text, steps, start) for start in range(pos, len(text) + 1))

    # --- matching ----------------------------------------------------------------------------

    def _run(self, text: str, pos: int, steps: Steps) -> Iterator[int]:
        return self._seq(self.items, 0, text, pos, steps)

    def _seq(self, items: list[Node], i: int, text: str, pos: int,
             steps: Steps) -> Iterator[int]:
        """Every end of ``items[i:]`` matched from ``pos``, in the order the engine tries."""
        if i == len(items):
            yield pos
            return
        for middle in self._node(items[i], text, pos, steps):
            yield from self._seq(items, i + 1, text, middle, steps)

    def _node(self, node: Node, text: str, pos: int, steps: Steps) -> Iterator[int]:
        op, av = node
        steps.take()
        if op in (sre.LITERAL, sre.NOT_LITERAL, sre.ANY, sre.IN):
            if pos < len(text) and self._one(node, text[pos]):
                yield pos + 1
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            yield from self._repeat(op, av, text, pos, steps)
        elif op is sre.SUBPATTERN:
            _group, add_flags, del_flags, items = av
            if (add_flags | del_flags) & ~re.ASCII:
                raise NotImplementedError(f"inline flags in {self.pattern.pattern!r}")
            yield from self._seq(list(items), 0, text, pos, steps)
        elif op is sre.ATOMIC_GROUP:
            yield from self._first(self._seq(list(av), 0, text, pos, steps))
        elif op is sre.BRANCH:
            for items in av[1]:
                yield from self._seq(list(items), 0, text, pos, steps)
        elif op is sre.AT:
            if self._at(av, text, pos):
                yield pos
        elif op in (sre.ASSERT, sre.ASSERT_NOT) and av[0] == 1:  # lookahead
            found = any(True for _ in self._seq(list(av[1]), 0, text, pos, steps))
            if found == (op is sre.ASSERT):
                yield pos
        else:
            raise NotImplementedError(f"{op} in {self.pattern.pattern!r}")

    @staticmethod
    def _first(ends: Iterator[int]) -> Iterator[int]:
        for end in ends:
            yield end
            return

    def _repeat(self, op: Any, av: Any, text: str, pos: int, steps: Steps) -> Iterator[int]:
        low, high, body = av
        items = list(body)
        if len(items) == 1 and items[0][0] in (sre.LITERAL, sre.NOT_LITERAL, sre.ANY, sre.IN):
            # one character at a time (the engine's REPEAT_ONE): take the run, then give back
            most = pos
            while most - pos < high and most < len(text) and self._one(items[0], text[most]):
                steps.take()
                most += 1
            if most - pos < low:
                return
            ends = range(pos + low, most + 1)
            if op is sre.POSSESSIVE_REPEAT:
                yield most
            else:
                yield from (ends if op is sre.MIN_REPEAT else reversed(ends))
            return
        repeats = self._repeats(op, low, high, items, text, pos, 0, steps)
        yield from (self._first(repeats) if op is sre.POSSESSIVE_REPEAT else repeats)

    def _repeats(self, op: Any, low: int, high: int, items: list[Node], text: str, pos: int,
                 count: int, steps: Steps) -> Iterator[int]:
        if op is sre.MIN_REPEAT and count >= low:
            yield pos
        if count < high:
            for middle in self._seq(items, 0, text, pos, steps):
                if middle == pos and count >= low:
                    continue  # an empty iteration ends the repeat, as in the engine
                yield from self._repeats(op, low, high, items, text, middle, count + 1, steps)
        if op is not sre.MIN_REPEAT and count >= low:
            yield pos

    def _one(self, node: Node, char: str) -> bool:
        op, av = node
        if op is sre.LITERAL:
            return bool(ord(char) == av)
        if op is sre.NOT_LITERAL:
            return bool(ord(char) != av)
        if op is sre.ANY:
            return char != "\n"
        negate = False
        found = False
        for kind, value in av:
            if kind is sre.NEGATE:
                negate = True
            elif kind is sre.LITERAL:
                found |= ord(char) == value
            elif kind is sre.RANGE:
                found |= value[0] <= ord(char) <= value[1]
            elif kind is sre.CATEGORY:
                found |= self._category(value, char)
            else:
                raise NotImplementedError(f"{kind} in {self.pattern.pattern!r}")
        return found != negate

    def _category(self, category: Any, char: str) -> bool:
        digit = "0" <= char <= "9" if self.ascii else char.isdecimal()
        space = char in _ASCII_SPACE if self.ascii else char.isspace()
        table: dict[Any, bool] = {
            sre.CATEGORY_DIGIT: digit, sre.CATEGORY_NOT_DIGIT: not digit,
            sre.CATEGORY_SPACE: space, sre.CATEGORY_NOT_SPACE: not space,
            sre.CATEGORY_WORD: self._word(char), sre.CATEGORY_NOT_WORD: not self._word(char)}
        if category not in table:
            raise NotImplementedError(f"{category} in {self.pattern.pattern!r}")
        return table[category]

    def _word(self, char: str) -> bool:
        return char in _ASCII_WORD if self.ascii else (char.isalnum() or char == "_")

    def _at(self, where: Any, text: str, pos: int) -> bool:
        def word_at(at: int) -> bool:
            return 0 <= at < len(text) and self._word(text[at])

        if where in (sre.AT_BEGINNING, sre.AT_BEGINNING_STRING):
            return pos == 0
        if where is sre.AT_END:
            return pos == len(text) or (pos == len(text) - 1 and text[pos] == "\n")
        if where is sre.AT_END_STRING:
            return pos == len(text)
        if where in (sre.AT_BOUNDARY, sre.AT_NON_BOUNDARY):
            boundary = word_at(pos - 1) != word_at(pos)
            return boundary == (where is sre.AT_BOUNDARY)
        raise NotImplementedError(f"{where} in {self.pattern.pattern!r}")


class Counted:
    """A compiled pattern whose calls are counted by the model before ``re`` answers."""

    def __init__(self, real: re.Pattern[str], steps: Steps) -> None:
        self.real, self.model, self.steps = real, Model(real), steps
        self.pattern, self.flags = real.pattern, real.flags

    def _call(self, name: str, text: str, pos: int, endpos: int) -> re.Match[str] | None:
        found = getattr(self.model, name)(text, self.steps, pos, endpos)
        answer: re.Match[str] | None = getattr(self.real, name)(text, pos, endpos)
        assert found == (answer is not None), (
            f"the step model and re disagree on {self.pattern!r}.{name}({text!r})")
        return answer

    def fullmatch(self, text: str, pos: int = 0,
                  endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self._call("fullmatch", text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self._call("match", text, pos, endpos)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self._call("search", text, pos, endpos)


def counted(patch: pytest.MonkeyPatch, module: ModuleType, steps: Steps) -> list[str]:
    """Count every compiled pattern of ``module`` into ``steps``; their names."""
    names = [name for name, value in vars(module).items() if isinstance(value, re.Pattern)]
    for name in names:
        patch.setattr(module, name, Counted(getattr(module, name), steps))
    return names


def steps_of(module: ModuleType, budget: int, call: Callable[[], object]) -> int:
    """The steps ``module``'s patterns take in ``call()``; ``TooMuchWork`` past ``budget``."""
    steps = Steps(budget)
    with pytest.MonkeyPatch.context() as patch:
        assert counted(patch, module, steps), f"{module.__name__} has no compiled pattern"
        call()
    return steps.taken
