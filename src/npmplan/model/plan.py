"""The pydantic model of a plan file (format version 1).

Every scalar reaches the model as text (see ``loader``), so each value type below parses
text itself and raises ``PydanticCustomError`` with the rule id as its type and a message
that says what to write instead. The JSON Schema annotations describe the file as editors
see it (YAML 1.2), where an unquoted ``id: 1.1`` is a number and ``web: true`` a boolean.

Rules that span several fields (overlaps, references, the period) live in ``checks``.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    PlainValidator,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from npmplan.check.problems import quoted
from npmplan.model import dates, patterns
from npmplan.model.dates import Month, When

Kind = Literal["active", "meetings", "production"]
Status = Literal["planned", "done", "cancelled"]
Priority = Literal["core", "standard", "funding-dependent"]
Function = Literal["visiting", "advisory", "educational", "cooperative"]

KINDS: tuple[Kind, ...] = ("active", "meetings", "production")
STATUSES: tuple[Status, ...] = ("planned", "done", "cancelled")
PRIORITIES: tuple[Priority, ...] = ("core", "standard", "funding-dependent")
FUNCTIONS: tuple[Function, ...] = ("visiting", "advisory", "educational", "cooperative")


def _custom(rule: str, message: str) -> PydanticCustomError:
    # The message goes through the context so that braces in plan text are not a template.
    return PydanticCustomError(rule, "{message}", {"message": message})


def _text_only(value: Any, what: str) -> str:
    if not isinstance(value, str):
        shape = "a list" if isinstance(value, list) else "a mapping"
        # messages.translate puts the key's name in front
        raise _custom("type", f"must be {what}, not {shape}")
    return value


def _parser(rule: str, parse: Callable[[str], Any], what: str) -> Callable[[Any], Any]:
    def validate(value: Any) -> Any:
        text = _text_only(value, what)  # a list or mapping is a "type" problem, not a date
        try:
            return parse(text)
        except dates.ReversedRangeError as exc:
            raise _custom("reversed-range", str(exc)) from None
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
            raise _custom("bad-choice", f"write the {what} {quoted(text)} exactly as "
                          f"{text.strip().lower()} (lower case, nothing around it)")
        close = difflib.get_close_matches(text.lower(), options, n=1)
        hint = f"did you mean '{close[0]}'? " if close else ""
        raise _custom("bad-choice", f"{quoted(text)} is not a {what}; {hint}write one of: "
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


def _whole_number(value: Any) -> int:
    text = _text_only(value, "a number").strip()
    number = _yaml_whole(text)
    if number is None:
        raise _custom("bad-number", f"{quoted(text)} is not a whole number; write digits only, "
                      "e.g. 2")
    if number < 0:
        raise _custom("every-not-positive", f"'{text}' is below zero; write 1 or more")
    return number


_BOOLEANS = {"true": True, "True": True, "TRUE": True,
             "false": False, "False": False, "FALSE": False}  # YAML 1.2's spellings


def _boolean(value: Any) -> bool:
    text = _text_only(value, "true or false").strip()
    if text not in _BOOLEANS:
        raise _custom("bad-boolean", f"{quoted(text)} is not true or false; write true or false")
    return _BOOLEANS[text]


def _version(value: Any) -> int:
    text = _text_only(value, "a number").strip()
    if _yaml_whole(text) != 1:
        raise _custom("bad-version", f"version {quoted(text)} is not one this npmplan reads; "
                      "write version: 1")
    return 1


def _none_as_empty(value: Any) -> Any:
    return [] if value is None else value


def _text(value: Any) -> str:
    if value is None:
        raise _custom("empty-value", "this has no value; write the text after the ':'")
    text = _text_only(value, "text")
    if not text.strip():
        raise _custom("empty-value", "this text is empty; write the text, or remove the key")
    return text


def _schema(**schema: Any) -> WithJsonSchema:
    return WithJsonSchema(schema)


def _pattern(pattern: str, say: str) -> dict[str, Any]:
    """A string pattern and the plain words VS Code shows when a value does not match."""
    return {"pattern": pattern, "patternErrorMessage": say}


def _id(value: Any) -> str:
    text = _text(value)
    if text != text.strip() or "\n" in text:
        raise _custom("bad-id", f"the id {quoted(text)} has spaces or line breaks around it; "
                      f"write it without them: {text.strip()}")
    return text


# A YAML 1.2 editor reads `title: 2027` as a number and `title: true` as a boolean; npmplan
# reads every scalar as text, so the schema admits them where text is expected. Each string
# form is in ``patterns``, which mirrors ``dates`` and the parsers above.
_TEXT_SAYS = "write some text (not only spaces, and no control or bidi characters)"
Text = Annotated[str, PlainValidator(_text), _schema(
    type=["string", "number", "boolean"], **_pattern(patterns.TEXT, _TEXT_SAYS))]
Id = Annotated[str, PlainValidator(_id), _schema(
    type=["string", "number", "boolean"],
    **_pattern(patterns.ID, "an id is text on one line with no spaces around it, e.g. 2.10"))]
Count = Annotated[int, PlainValidator(_whole_number), _schema(
    type=["integer", "string"], minimum=0,
    **_pattern(patterns.NOT_NEGATIVE, "write a whole number, 0 or more, e.g. 16"))]
Every = Annotated[int, PlainValidator(_whole_number), _schema(
    type=["integer", "string"], minimum=1,
    **_pattern(patterns.POSITIVE, "write a whole number of months, 1 or more, e.g. 2"))]
Boolean = Annotated[bool, PlainValidator(_boolean), _schema(
    type=["boolean", "string"], **_pattern(patterns.BOOLEAN, "write true or false"))]
_MONTHS_SAYS = ("write a month (2026-09 or Sep 2026), a day (2026-09-15) or a range "
                "(2026-06..2026-08), with a real month and day")
MonthRange = Annotated[
    tuple[Month, Month],
    PlainValidator(_parser("bad-months", dates.parse_months, "a month or range")),
    _schema(type="string", **_pattern(patterns.MONTHS, _MONTHS_SAYS)),
]
Period = Annotated[
    tuple[Month, Month],
    PlainValidator(_parser("bad-period", dates.parse_period, "a range of months")),
    _schema(type="string", **_pattern(
        patterns.PERIOD, "write the plan year as a range of months, e.g. 2026-04..2027-03")),
]
_WHEN_SAYS = "write " + dates.FORMS + ", with a real month and day"
WhenValue = Annotated[
    When,
    PlainValidator(_parser("bad-when", dates.parse_when, "a date")),
    _schema(type="string", **_pattern(patterns.WHEN, _WHEN_SAYS)),
]
DoneOn = Annotated[
    When,
    PlainValidator(_parser("bad-day", dates.parse_done_on, "a date")),
    _schema(type="string", **_pattern(
        patterns.DONE_ON, "write the day (2026-11-20) or the month (2026-11) it was done")),
]
KindValue = Annotated[Kind, PlainValidator(_choice(KINDS, "kind")), _schema(enum=list(KINDS))]
StatusValue = Annotated[Status, PlainValidator(_choice(STATUSES, "status")),
                        _schema(enum=list(STATUSES))]
PriorityValue = Annotated[Priority, PlainValidator(_choice(PRIORITIES, "priority")),
                          _schema(enum=list(PRIORITIES))]
FunctionValue = Annotated[Function, PlainValidator(_choice(FUNCTIONS, "function")),
                          _schema(enum=list(FUNCTIONS))]


def _mapping_from_text(key: str) -> Callable[[Any], Any]:
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


_EMPTY, _OR_NULL = BeforeValidator(_none_as_empty), _OrNull()


class _OrText:
    """JSON Schema of a mapping that may also be written as plain text (its shorthand)."""

    def __init__(self, text: dict[str, Any]) -> None:
        self.text = text

    def __get_pydantic_json_schema__(self, core: Any, handler: GetJsonSchemaHandler) -> Any:
        return {"anyOf": [self.text, handler(core)]}


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TeamMember(Strict):
    id: Id
    name: Text
    role: Text | None = None
    capacity: Count | None = None


class PlanInfo(Strict):
    title: Text
    organisation: Text | None = None
    period: Period
    source: Text | None = None
    capacity: Count | None = None


class Span(Strict):
    months: MonthRange
    kind: KindValue = "active"


class Output(Strict):
    title: Text
    web: Boolean = False


class Milestone(Strict):
    what: Text
    when: WhenValue
    status: StatusValue = "planned"
    done_on: DoneOn | None = None
    moved_to: WhenValue | None = None
    every: Every | None = None
    note: Text | None = None

    @property
    def effective(self) -> When:
        """Where the milestone now sits: ``moved_to`` if replanned, else ``when``."""
        return self.moved_to or self.when


class Objective(Strict):
    id: Id
    title: Text
    label: Text | None = None  # the calendar row's text; default: title
    priority: PriorityValue | None = None
    leads: Annotated[list[Id], _EMPTY, _OR_NULL] = []
    rationale: Text | None = None
    outcomes: Annotated[list[Text], _EMPTY, _OR_NULL] = []
    outputs: Annotated[
        list[Annotated[Output, BeforeValidator(_mapping_from_text("title")),
                       _OrText({"type": ["string", "number", "boolean"],
                               **_pattern(patterns.TEXT, _TEXT_SAYS)})]],
        _EMPTY, _OR_NULL,
    ] = []
    schedule: Annotated[
        list[Annotated[Span, BeforeValidator(_mapping_from_text("months")),
                       _OrText({"type": "string", **_pattern(patterns.MONTHS, _MONTHS_SAYS)})]],
        _EMPTY, _OR_NULL,
    ] = []
    milestones: Annotated[list[Milestone], _EMPTY, _OR_NULL] = []

    @property
    def row_label(self) -> str:
        return self.label or self.title


class StrategicObjective(Strict):
    id: Id
    title: Text
    functions: Annotated[list[FunctionValue], _EMPTY, _OR_NULL] = []
    objectives: Annotated[list[Objective], _EMPTY, _OR_NULL]


class Plan(Strict):
    model_config = ConfigDict(
        extra="forbid", frozen=True,
        json_schema_extra={"$schema": "https://json-schema.org/draft/2020-12/schema",
                           "title": "npmplan plan file (version 1)"},
    )
    version: Annotated[int, PlainValidator(_version), _schema(
        type=["integer", "string"], minimum=1, maximum=1,
        **_pattern(patterns.ONE, "this npmplan reads version 1: write version: 1"))]
    plan: PlanInfo
    team: Annotated[list[TeamMember], _EMPTY, _OR_NULL] = []
    strategic_objectives: Annotated[list[StrategicObjective], Field(min_length=1)]

    def objectives(self) -> list[tuple[StrategicObjective, Objective]]:
        return [(so, obj) for so in self.strategic_objectives for obj in so.objectives]

    def months(self) -> list[Month]:
        return dates.month_range(*self.plan.period)


# The model of the mapping under each list or key, for "did you mean" suggestions.
MODEL_UNDER: dict[str, type[BaseModel]] = {
    "plan": PlanInfo, "team": TeamMember, "strategic_objectives": StrategicObjective,
    "objectives": Objective, "schedule": Span, "outputs": Output, "milestones": Milestone,
}


def keys_allowed(parent: tuple[str | int, ...]) -> tuple[str, ...]:
    """The keys a mapping at ``parent`` (a loc) may have."""
    names = [part for part in parent if isinstance(part, str)]
    model = MODEL_UNDER.get(names[-1], Plan) if names else Plan
    return tuple(model.model_fields)
