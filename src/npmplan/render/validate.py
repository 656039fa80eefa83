"""``validate`` output formats: text (``FILE:LINE:COL: severity: message [rule]``), json
(the spec's stable shape) and github (workflow annotations). Chosen through ``FORMATS``."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from npmplan.check.problems import Problem
from npmplan.render.safe import one_line


def summary(problems: Sequence[Problem], files: int, valid: bool) -> str:
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    checked = f"{files} file{'s' if files != 1 else ''} checked"
    verdict = "valid" if valid else "not valid"
    return f"{checked}: {verdict} ({_count(errors, 'error')}, {_count(warnings, 'warning')})"


def text(problems: Sequence[Problem], files: int, valid: bool) -> str:
    return "\n".join([*(one_line(str(p)) for p in problems), summary(problems, files, valid)])


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


def as_json(problems: Sequence[Problem], files: int, valid: bool) -> str:
    return json.dumps({"valid": valid, "problems": [p.as_dict() for p in problems]},
                      indent=2, ensure_ascii=False)


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github(problems: Sequence[Problem], files: int, valid: bool) -> str:
    """GitHub Actions workflow commands: an annotation on the file's line per problem."""
    lines = []
    for p in problems:
        props = f"file={_escape_property(p.file)}"
        if p.line:
            props += f",line={p.line},col={p.column}"
        props += f",title={_escape_property('npmplan ' + p.rule)}"
        lines.append(f"::{p.severity} {props}::{_escape_data(one_line(p.message))}")
    return "\n".join([*lines, summary(problems, files, valid)])


FORMATS: dict[str, Callable[[Sequence[Problem], int, bool], str]] = {
    "text": text, "json": as_json, "github": github,
}
