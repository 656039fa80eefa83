"""Pydantic's errors, translated into findings an officer can act on.

Pydantic's own words ("Input should be a valid string", "Extra inputs are not permitted")
and its URLs never reach the user: each error type becomes a sentence that says what is
wrong and what to write instead, and the error's ``loc`` is kept so that the loader's
position tree can give it a line and column.

Two hand edits get one finding that names their cause instead of many about their effects:

- entries under the wrong list, most often because a line such as ``milestones:`` was
  forgotten and the milestones joined the ``schedule`` list above them
  (``misplaced-entries``: one ``missing-key`` finding per entry);
- ``when:2026-10`` with no space after the colon, which YAML reads as one word.

A flood (400,000 unknown keys) is translated only up to ``MAX_PER_RULE`` findings per rule;
the rest are counted, for one summary line.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from npmplan.model.plan import MODEL_UNDER, keys_allowed
from npmplan.read.loader import Aliased
from npmplan.rules import catalogue as rules
from npmplan.rules.catalogue import RULES, Rule
from npmplan.rules.problems import MAX_PER_RULE, Finding, Loc, quoted

# The rule of each pydantic error type that is not one of our own value types'.
_RULE = {"extra_forbidden": rules.UNKNOWN_KEY, "missing": rules.MISSING_KEY,
         "too_short": rules.MISSING_KEY}


def findings_from(exc: ValidationError, data: Any = None,
                  dropped: Counter[str] | None = None) -> list[Finding]:
    """The findings of a failed validation of ``data``; past MAX_PER_RULE of one rule, each
    is only counted in ``dropped``."""
    counts: Counter[str] = Counter()
    out = []
    for finding in _findings(exc.errors(include_url=False, include_context=True), data):
        counts[finding.rule.id] += 1
        if counts[finding.rule.id] <= MAX_PER_RULE:
            out.append(finding)
        elif dropped is not None:
            dropped[finding.rule.id] += 1
    return out


def _findings(errors: list[ErrorDetails], data: Any) -> Iterator[Finding]:
    homes: dict[Loc, str | None] = {}  # each list entry judged once, however many errors
    reported: set[Loc] = set()
    counts: Counter[Rule] = Counter()
    for error in errors:
        if isinstance(error["input"], Aliased):
            continue  # already reported where the alias is
        loc = tuple(error["loc"])
        entry = _misplaced_entry(loc, data, homes)
        if entry is not None:
            if entry not in reported:
                reported.add(entry)
                yield _misplaced(entry, str(homes[entry]), value_at(data, entry))
            continue
        if error["type"] == "missing" and _written_without_space(data, loc):
            continue  # the unknown key 'when:2026-10' says it
        rule = _rule(error)
        counts[rule] += 1
        if counts[rule] > MAX_PER_RULE:  # counted, never read: no words, no search
            yield rule.finding(loc, "")
            continue
        yield translate(error)


def _written_without_space(data: Any, loc: Loc) -> bool:
    parent = value_at(data, loc[:-1])
    prefix = f"{loc[-1]}:"
    return isinstance(parent, dict) and any(str(key).startswith(prefix) for key in parent)


def _rule(error: ErrorDetails) -> Rule:
    """The rule of a pydantic error: our value types name theirs as the error's type."""
    context = error.get("ctx") or {}
    if "message" in context:
        return RULES[str(error["type"])]
    return _RULE.get(error["type"], rules.TYPE)


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
                       f"(lines of 'key: value'), but it is {_shape(value)}"
                       + _no_space_hint(value, loc))
    if kind == "too_short":
        return rules.MISSING_KEY.finding(loc,
                       f"{_name(loc)} needs at least one entry; add one")
    return rules.TYPE.finding(loc, f"{_name(loc)} is not valid here (it is "
                   f"{_shape(value)}); see the plan format for what to write")


def _no_space_key(text: str, allowed: tuple[str, ...]) -> tuple[str, str] | None:
    """``when:2026-10`` → ``("when", "2026-10")`` when ``when`` is a key allowed here."""
    key, colon, value = text.partition(":")
    if colon and key.strip() in allowed and value and not value[0].isspace():
        return key.strip(), value
    return None


def _no_space_hint(value: Any, loc: Loc) -> str:
    if not isinstance(value, str):
        return ""
    split = _no_space_key(value, keys_allowed(loc))
    if split is None:
        return ""
    return (f"; YAML needs a space after the colon: write '{split[0]}: {split[1]}' "
            f"instead of '{split[0]}:{split[1]}'")


def _unknown_key(loc: Loc) -> Finding:
    key = str(loc[-1])
    allowed = keys_allowed(loc[:-1])
    split = _no_space_key(key, allowed)
    if split is not None:
        message = (f"unknown key {quoted(key)}: YAML needs a space after the colon; write "
                   f"'{split[0]}: {split[1]}'")
        return rules.UNKNOWN_KEY.finding(loc, message, at_key=True)
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    if not key.strip():
        message = ("a key is missing before ':'; write one of the keys allowed here: "
                   + ", ".join(allowed))
    elif close:
        message = f"unknown key {quoted(key)}; did you mean '{close[0]}'?"
    else:
        message = f"unknown key {quoted(key)}; the keys allowed here are: {', '.join(allowed)}"
    return rules.UNKNOWN_KEY.finding(loc, message, at_key=True)


# --- entries under the wrong list ------------------------------------------------------

_LISTS = {name: model for name, model in MODEL_UNDER.items() if name != "plan"}
# The keys an entry of each list may have; lists of plain text have none.
_OWN = {name: set(model.model_fields) for name, model in _LISTS.items()} | {
    "outcomes": set(), "leads": set(), "functions": set()}


def value_at(data: Any, loc: Loc) -> Any:
    """What ``loc`` leads to in ``data``; None where it leads nowhere."""
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _misplaced_entry(loc: Loc, data: Any, homes: dict[Loc, str | None]) -> Loc | None:
    """The loc of the list entry this error is in, if that entry belongs to another list."""
    for end in range(len(loc) - 1, 0, -1):
        if not (isinstance(loc[end], int) and isinstance(loc[end - 1], str)):
            continue
        entry = loc[:end + 1]
        if entry not in homes:
            name = str(loc[end - 1])
            homes[entry] = _home(name, value_at(data, entry)) if name in _OWN else None
        if homes[entry] is not None:
            return entry
    return None


def _home(name: str, entry: Any) -> str | None:
    """The list an entry of list ``name`` belongs to, judged by its keys: all of them are
    that list's keys, its required keys are there, and some are not ``name``'s keys."""
    if not isinstance(entry, dict) or not entry or len(entry) > 20:
        return None
    keys = set(entry)
    if keys <= _OWN[name]:
        return None
    for other, model in _LISTS.items():
        if other != name and keys <= set(model.model_fields) and _required(model) <= keys:
            return other
    return None


def _required(model: type[BaseModel]) -> set[str]:
    return {key for key, field in model.model_fields.items() if field.is_required()}


def _misplaced(entry: Loc, home: str, value: dict[str, Any]) -> Finding:
    name = str(entry[-2])
    keys = ", ".join(f"{key}:" for key in list(value)[:3])
    return rules.MISSING_KEY.finding(entry,
                   f"this entry of '{name}' has the keys of an entry of '{home}' ({keys}); "
                   f"is a '{home}:' line missing above it? Add it, at the indentation of "
                   f"'{name}:', before the first of these entries")
