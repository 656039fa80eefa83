"""The value types of a plan file: each parses its own text and raises its rule's error.

Every scalar reaches the model as text (see ``read.loader``), so each type below parses text
itself and raises ``PydanticCustomError`` with the rule's id as its type and a message that
says what to write instead. The JSON Schema annotations describe the file as editors see it
(YAML 1.2), where an unquoted ``id: 1.1`` is a number and ``web: true`` a boolean.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import (
    BeforeValidator,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    WithJsonSchema,
)
from pydantic_core import CoreSchema, PydanticCustomError, core_schema

from npmplan.model import dates, patterns
from npmplan.model.dates import Month, When
from npmplan.rules import catalogue as rules
from npmplan.rules.catalogue import Rule
from npmplan.rules.problems import quoted

Kind = Literal["active", "meetings", "production"]
Status = Literal["planned", "done", "cancelled"]
Priority = Literal["core", "standard", "funding-dependent"]
Function = Literal["visiting", "advisory", "educational", "cooperative"]
Rating = Literal["red", "amber", "green", "complete"]

KINDS: tuple[Kind, ...] = ("active", "meetings", "production")
STATUSES: tuple[Status, ...] = ("planned", "done", "cancelled")
PRIORITIES: tuple[Priority, ...] = ("core", "standard", "funding-dependent")
FUNCTIONS: tuple[Function, ...] = ("visiting", "advisory", "educational", "cooperative")
RATINGS: tuple[Rating, ...] = ("red", "amber", "green", "complete")


def _custom(rule: Rule, message: str) -> PydanticCustomError:
    # The message goes through the context so that braces in plan text are not a template.
    return PydanticCustomError(rule.id, "{message}", {"message": message})


def _text_only(value: Any, what: str) -> str:
    if not isinstance(value, str):
        shape = "a list" if isinstance(value, list) else "a mapping"
        # messages.translate puts the key's name in front
        raise _custom(rules.TYPE, f"must be {what}, not {shape}")
    return value


def _parser(rule: Rule, parse: Callable[[str], Any], what: str) -> Callable[[Any], Any]:
    def validate(value: Any) -> Any:
        text = _text_only(value, what)  # a list or mapping is a "type" problem, not a date
        try:
            return parse(text)
        except dates.ReversedRangeError as exc:
            raise _custom(rules.REVERSED_RANGE, str(exc)) from None
        except dates.PeriodTooLongError as exc:
            raise _custom(rules.PERIOD_TOO_LONG, str(exc)) from None
        except ValueError as exc:
            raise _custom(rule, str(exc)) from None

    return validate


def _choice(options: tuple[str, ...], what: str) -> Callable[[Any], str]:
    """One spelling: the word exactly as listed (lower case), as the schema's ``enum`` says."""

    def validate(value: Any) -> str:
        text = _text_only(value, what)
        if text in options:
            return text
        if text.strip().lower() in options:
            raise _custom(rules.BAD_CHOICE, f"write the {what} {quoted(text)} exactly as "
                          f"{text.strip().lower()} (lower case, nothing around it)")
        close = difflib.get_close_matches(text.lower(), options, n=1)
        hint = f"did you mean '{close[0]}'? " if close else ""
        raise _custom(rules.BAD_CHOICE, f"{quoted(text)} is not a {what}; {hint}write one of: "
                      + ", ".join(options))

    return validate


# A number is read as a YAML 1.2 editor reads it (3, +3, 0x3, 0o3, 3.0 are all 3), so that
# `validate` and the editor agree; only ASCII digits count.
_INTEGER = re.compile(r"[-+]?[0-9]+")
_BASED = re.compile(r"0(?:o[0-7]+|x[0-9a-fA-F]+)")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")


def _yaml_whole(text: str) -> int | None:
    """The whole number ``text`` spells in YAML 1.2, or None (also for one of thousands of
    digits, which Python will not convert and an editor reads as infinity)."""
    try:
        if _INTEGER.fullmatch(text):
            return int(text)
        if _BASED.fullmatch(text):
            return int(text, 0)
    except ValueError:
        return None
    if _FLOAT.fullmatch(text):
        number = float(text)
        return int(number) if number.is_integer() else None
    return None


def _number(negative: Rule, negative_message: str) -> Callable[[Any], int]:
    """A whole number as YAML 1.2 spells it (what an editor accepts); a negative one is
    ``negative``'s problem, said with ``negative_message``."""

    def validate(value: Any) -> int:
        text = _text_only(value, "a number").strip()
        number = _yaml_whole(text)
        if number is None:
            other = not text.isascii() and any(c.isdigit() or c.isnumeric() for c in text)
            hint = ("uses digits other than 0-9 (typed with another keyboard layout?); "
                    "write it with the digits 0 to 9" if other
                    else "is not a whole number; write digits only, e.g. 2")
            raise _custom(rules.BAD_NUMBER, f"{quoted(text)} {hint}")
        if number < 0:
            raise _custom(negative, negative_message.format(text=text))
        return number

    return validate


_whole_number = _number(rules.EVERY_NOT_POSITIVE, "'{text}' is below zero; write 1 or more "
                        "(1 = every month, 2 = every other month)")
_capacity = _number(rules.NEGATIVE_CAPACITY, "a capacity of '{text}' is below zero; write "
                    "how many activities (or objectives) can run at once: 0 or more, e.g. 8")


_BOOLEANS = {"true": True, "True": True, "TRUE": True,
             "false": False, "False": False, "FALSE": False}  # YAML 1.2's spellings


def _boolean(value: Any) -> bool:
    text = _text_only(value, "true or false").strip()
    if text not in _BOOLEANS:
        raise _custom(rules.BAD_BOOLEAN,
                      f"{quoted(text)} is not true or false; write true or false")
    return _BOOLEANS[text]


def version_number(value: Any) -> int:
    text = _text_only(value, "a number").strip()
    if _yaml_whole(text) != 1:
        raise _custom(rules.BAD_VERSION, f"version {quoted(text)} is not one this npmplan reads; "
                      "write version: 1")
    return 1


def _none_as_empty(value: Any) -> Any:
    return [] if value is None else value


def text_value(value: Any) -> str:
    if value is None:
        raise _custom(rules.EMPTY_VALUE, "this has no value; write the text after the ':'")
    text = _text_only(value, "text")
    if not text.strip():
        raise _custom(rules.EMPTY_VALUE, "this text is empty; write the text, or remove the key")
    return text


class Parsed:
    """``Annotated[T, Parsed(parse)]``: ``parse`` takes the value as read and returns the
    field's value or raises its rule's error; pydantic checks nothing more.

    pydantic's ``PlainValidator`` does the same and two things npmplan has no use for, each
    time a model is built: it inspects every function's signature (each of these takes one
    value), and it builds a schema of ``T`` to serialise with, from ``When``'s dataclass
    fields, say, which fail on ``Month``. This is the annotation pydantic documents for a
    type of one's own (``__get_pydantic_core_schema__``); the models build in about 6 ms
    rather than 9, at every command's start. The JSON Schema is the ``json_schema``
    annotation's, as before.
    """

    __slots__ = ("parse",)

    def __init__(self, parse: Callable[[Any], Any]) -> None:
        self.parse = parse

    def __get_pydantic_core_schema__(self, source: object,
                                     handler: GetCoreSchemaHandler) -> CoreSchema:
        return core_schema.no_info_plain_validator_function(self.parse)


def json_schema(**schema: Any) -> WithJsonSchema:
    return WithJsonSchema(schema)


def json_pattern(pattern: str, say: str) -> dict[str, Any]:
    """A string pattern and the plain words VS Code shows when a value does not match."""
    return {"pattern": pattern, "patternErrorMessage": say}


def _invisible(char: str) -> bool:
    """A character an id must not hold: it cannot be seen, so ``1.1`` and ``1.1`` + U+200B
    would look the same and be two ids (controls, format marks, odd spaces, separators)."""
    return unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp") or (
        char.isspace() and char != " ")


def _id(value: Any) -> str:
    text = text_value(value)
    if text != text.strip() or "\n" in text:
        raise _custom(rules.BAD_ID, f"the id {quoted(text)} has spaces or line breaks around "
                      f"it; write it without them: {text.strip()}")
    hidden = next((char for char in text if _invisible(char)), None)
    if hidden is not None:
        raise _custom(rules.BAD_ID, f"the id {quoted(text)} contains the invisible character "
                      f"U+{ord(hidden):04X}; retype the id without it")
    return text


# A YAML 1.2 editor reads `title: 2027` as a number and `title: true` as a boolean; npmplan
# reads every scalar as text, so the schema admits them where text is expected. Each string
# form is in ``patterns``, which mirrors ``dates`` and the parsers above.
TEXT_SAYS = "write some text (not only spaces, and no control or bidi characters)"
Text = Annotated[str, Parsed(text_value), json_schema(
    type=["string", "number", "boolean"], **json_pattern(patterns.TEXT, TEXT_SAYS))]
Id = Annotated[str, Parsed(_id), json_schema(
    type=["string", "number", "boolean"],
    **json_pattern(patterns.ID, "an id is text on one line with no spaces around it, e.g. 2.10"))]
Count = Annotated[int, Parsed(_whole_number), json_schema(
    type=["integer", "string"], minimum=0,
    **json_pattern(patterns.NOT_NEGATIVE, "write a whole number, 0 or more, e.g. 16"))]
Capacity = Annotated[int, Parsed(_capacity), json_schema(
    type=["integer", "string"], minimum=0,
    **json_pattern(patterns.NOT_NEGATIVE, "write a whole number, 0 or more, e.g. 16"))]
Every = Annotated[int, Parsed(_whole_number), json_schema(
    type=["integer", "string"], minimum=1,
    **json_pattern(patterns.POSITIVE, "write a whole number of months, 1 or more, e.g. 2"))]
Boolean = Annotated[bool, Parsed(_boolean), json_schema(
    type=["boolean", "string"], **json_pattern(patterns.BOOLEAN, "write true or false"))]
MONTHS_SAYS = ("write a month (2026-09 or Sep 2026), a day (2026-09-15) or a range "
                "(2026-06..2026-08), with a real month and day")
MonthRange = Annotated[
    tuple[Month, Month],
    Parsed(_parser(rules.BAD_MONTHS, dates.parse_months, "a month or range")),
    json_schema(type="string", **json_pattern(patterns.MONTHS, MONTHS_SAYS)),
]
MonthValue = Annotated[
    Month,
    Parsed(_parser(rules.BAD_MONTHS, dates.parse_month, "a month")),
    json_schema(type="string", **json_pattern(
        patterns.ONE_MONTH, "write one month, e.g. 2026-07 (or Jul 2026)")),
]
Period = Annotated[
    tuple[Month, Month],
    Parsed(_parser(rules.BAD_PERIOD, dates.parse_period, "a range of months")),
    json_schema(type="string", **json_pattern(
        patterns.PERIOD, "write the plan year as a range of months, e.g. 2026-04..2027-03")),
]
_WHEN_SAYS = "write " + dates.FORMS + ", with a real month and day"
WhenValue = Annotated[
    When,
    Parsed(_parser(rules.BAD_WHEN, dates.parse_when, "a date")),
    json_schema(type="string", **json_pattern(patterns.WHEN, _WHEN_SAYS)),
]
DoneOn = Annotated[
    When,
    Parsed(_parser(rules.BAD_DAY, dates.parse_done_on, "a date")),
    json_schema(type="string", **json_pattern(
        patterns.DONE_ON, "write the day (2026-11-20) or the month (2026-11) it was done")),
]
Day = Annotated[
    date,
    Parsed(_parser(rules.BAD_DAY, dates.parse_day, "a day")),
    json_schema(type="string", pattern=r"^\s*\d{4}-\d{2}-\d{2}\s*$",
            description="a day, YYYY-MM-DD"),
]
RatingValue = Annotated[Rating, Parsed(_choice(RATINGS, "RAG rating")),
                        json_schema(enum=list(RATINGS))]
KindValue = Annotated[Kind, Parsed(_choice(KINDS, "kind")), json_schema(enum=list(KINDS))]
StatusValue = Annotated[Status, Parsed(_choice(STATUSES, "status")),
                        json_schema(enum=list(STATUSES))]
PriorityValue = Annotated[Priority, Parsed(_choice(PRIORITIES, "priority")),
                          json_schema(enum=list(PRIORITIES))]
FunctionValue = Annotated[Function, Parsed(_choice(FUNCTIONS, "function")),
                          json_schema(enum=list(FUNCTIONS))]


def mapping_from_text(key: str) -> Callable[[Any], Any]:
    """Let a plain value stand for ``{key: value}`` (``- 2026-07`` in a schedule)."""

    def convert(value: Any) -> Any:
        return {key: value} if isinstance(value, str) else value

    return convert


class _OrNull:
    """JSON Schema of a list that may be left empty (``leads:`` with nothing after it)."""

    def __get_pydantic_json_schema__(self, core: Any, handler: GetJsonSchemaHandler) -> Any:
        schema = dict(handler(core))  # "type": ["array", "null"], not an anyOf: an error in
        schema["type"] = ["array", "null"]  # an item is then reported at the item
        return schema


EMPTY, OR_NULL = BeforeValidator(_none_as_empty), _OrNull()


class OrText:
    """JSON Schema of a mapping that may also be written as plain text (its shorthand)."""

    def __init__(self, text: dict[str, Any]) -> None:
        self.text = text

    def __get_pydantic_json_schema__(self, core: Any, handler: GetJsonSchemaHandler) -> Any:
        return {"anyOf": [self.text, handler(core)]}


