"""``validate`` output formats: text (``FILE:LINE:COL: severity: message [rule]``), json
(the spec's stable shape) and github (workflow annotations)."""

from __future__ import annotations

from npmplan.render.jsonfmt import json_text
from npmplan.rules.problems import Validation
from npmplan.text import one_line


def summary(result: Validation) -> str:
    checked = f"{result.files} file{'s' if result.files != 1 else ''} checked"
    verdict = "valid" if result.valid else "not valid"
    return (f"{checked}: {verdict} ({_count(result.errors, 'error')}, "
            f"{_count(result.warnings, 'warning')})")


def text(result: Validation, width: int) -> str:
    return "\n".join([*(one_line(str(p)) for p in result.problems), summary(result)]) + "\n"


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


def as_json(result: Validation, width: int) -> str:
    return json_text({"valid": result.valid, "problems": [p.as_dict() for p in result.problems]})


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github(result: Validation, width: int) -> str:
    """GitHub Actions workflow commands: an annotation on the file's line per problem."""
    lines = []
    for p in result.problems:
        props = f"file={_escape_property(one_line(p.file))}"
        if p.line:
            props += f",line={p.line},col={p.column}"
        props += f",title={_escape_property('npmplan ' + p.rule)}"
        lines.append(f"::{p.severity} {props}::{_escape_data(one_line(p.message))}")
    return "\n".join([*lines, summary(result)]) + "\n"
