"""Pydantic's errors, translated into findings an officer can act on.

Pydantic's own words ("Input should be a valid string", "Extra inputs are not permitted")
and its URLs never reach the user: each error type becomes a sentence that says what is
wrong and what to write instead, and the error's ``loc`` is kept so that the loader's
position tree can give it a line and column.
"""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from npmplan.check import rules
from npmplan.check.problems import Finding, Loc, quoted
from npmplan.check.rules import RULES
from npmplan.model.plan import keys_allowed
from npmplan.read.loader import Aliased


def findings_from(exc: ValidationError) -> list[Finding]:
    out = []
    for error in exc.errors(include_url=False, include_context=True):
        if isinstance(error["input"], Aliased):
            continue  # already reported where the alias is
        out.append(translate(error))
    return out


def _shape(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return quoted(str(value))


def _name(loc: Loc) -> str:
    for part in reversed(loc):
        if isinstance(part, str):
            return f"'{part}'"
    return "this"


def translate(error: ErrorDetails) -> Finding:
    kind, loc, value = error["type"], tuple(error["loc"]), error["input"]
    context = error.get("ctx") or {}
    if "message" in context:  # our own value types already speak plainly
        message = str(context["message"])
        if kind == "type":
            message = f"{_name(loc)} {message}"
        return RULES[kind].finding(loc, message)  # the type is the rule's id (model.plan)
    if kind == "extra_forbidden":
        return _unknown_key(loc)
    if kind == "missing":
        return rules.MISSING_KEY.finding(loc,
                       f"the required key '{loc[-1]}' is missing here; add '{loc[-1]}:' "
                       "with its value")
    if kind in ("list_type", "tuple_type"):
        return rules.TYPE.finding(loc, f"{_name(loc)} should be a list (lines starting "
                       f"with '- ', or [a, b]), but it is {_shape(value)}")
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return rules.TYPE.finding(loc, f"{_name(loc)} should be a mapping of keys "
                       f"(lines of 'key: value'), but it is {_shape(value)}")
    if kind == "too_short":
        return rules.MISSING_KEY.finding(loc,
                       f"{_name(loc)} needs at least one entry; add one")
    return rules.TYPE.finding(loc, f"{_name(loc)} is not valid here (it is "
                   f"{_shape(value)}); see the plan format for what to write")


def _unknown_key(loc: Loc) -> Finding:
    key = str(loc[-1])
    allowed = keys_allowed(loc[:-1])
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    if not key.strip():
        message = ("a key is missing before ':'; write one of the keys allowed here: "
                   + ", ".join(allowed))
    elif close:
        message = f"unknown key {quoted(key)}; did you mean '{close[0]}'?"
    else:
        message = f"unknown key {quoted(key)}; the keys allowed here are: {', '.join(allowed)}"
    return rules.UNKNOWN_KEY.finding(loc, message, at_key=True)
