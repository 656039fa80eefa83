"""Problems found in a plan file: where, how bad, which rule, what to do.

A problem is data, never an exception, so that ``validate`` reports every problem in every
file in one pass and decides the exit code once, at the end.

    >>> p = Problem("plans/x.yaml", 3, 5, "error", "unknown-key", "plan", "unknown key")
    >>> str(p)
    'plans/x.yaml:3:5: error: unknown key [unknown-key]'
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from npmplan.rules.catalogue import Rule

Severity = Literal["error", "warning"]
# A flood of one problem (50,000 unknown keys) is listed this far, then counted in one line.
MAX_PER_RULE = 50


@dataclass(frozen=True, slots=True)
class Problem:
    """One located problem. ``line`` and ``column`` are 1-based; 0 means "no position"."""

    file: str
    line: int
    column: int
    severity: Severity
    rule: str
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        return f"{where}: {self.severity}: {self.message} [{self.rule}]"

    def sort_key(self) -> tuple[str, int, int, int, str]:
        return (self.file, self.line, self.column, self.severity != "error", self.rule)

    def as_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "severity": self.severity,
            "rule": self.rule,
            "path": self.path,
            "message": self.message,
        }


Loc = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Finding:
    """A problem before it has a position: its rule and the data path (``loc``) it concerns.
    Made by ``Rule.finding``.

    ``at_key`` points at the key of the last ``loc`` element rather than at its value
    (used for unknown keys); ``line``/``column`` are set when the finder already knows them.
    """

    rule: Rule
    loc: Loc
    message: str
    at_key: bool = False
    line: int = 0
    column: int = 0

    @property
    def severity(self) -> Severity:
        return self.rule.severity


def format_loc(loc: Loc) -> str:
    """``("strategic_objectives", 0, "title")`` → ``strategic_objectives[0].title``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


QUOTE_MAX = 60  # characters of the file's own text quoted back in a message


def quoted(value: str) -> str:
    """The file's text as a message quotes it: invisible characters and spaces other than
    the plain one named (``[U+FEFF]``, ``[U+00A0]``),
    line breaks folded, and cut with an ellipsis past QUOTE_MAX characters."""
    shown = "".join(
        f"[U+{ord(c):04X}]" if unicodedata.category(c) in ("Cc", "Cf", "Zs", "Zl", "Zp")
        and c != " " else c for c in " ".join(value.split("\n")))
    return f"'{shown[:QUOTE_MAX - 1]}…'" if len(shown) > QUOTE_MAX else f"'{shown}'"


@dataclass(frozen=True, slots=True)
class Validation:
    """``npmplan validate``'s result: every problem of every file checked, and the verdict."""

    problems: list[Problem]
    files: int
    valid: bool  # no error (and, with --strict, no warning)

    @property
    def errors(self) -> int:
        return sum(p.severity == "error" for p in self.problems)

    @property
    def warnings(self) -> int:
        return len(self.problems) - self.errors
