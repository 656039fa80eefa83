"""The pydantic model of a plan file (format version 1).

Every scalar reaches the model as text (see ``loader``), so each value type below parses
text itself and raises ``PydanticCustomError`` with the rule id as its type and a message
that says what to write instead. The JSON Schema annotations describe the file as editors
see it (YAML 1.2), where an unquoted ``id: 1.1`` is a number and ``web: true`` a boolean.

Rules that span several fields (overlaps, references, the period) live in ``checks``.
"""

from __future__ import annotations

import difflib
import unicodedata
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
from npmplan.model import dates
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
        except dates.PeriodTooLongError as exc:
            raise _custom("period-too-long", str(exc)) from None
        except ValueError as exc:
            raise _custom(rule, str(exc)) from None

    return validate


def _choice(options: tuple[str, ...], what: str) -> Callable[[Any], str]:
    def validate(value: Any) -> str:
        text = _text_only(value, what).strip()
        if text.lower() in options:
            return text.lower()
        close = difflib.get_close_matches(text.lower(), options, n=1)
        hint = f"did you mean '{close[0]}'? " if close else ""
        raise _custom("bad-choice", f"{quoted(text)} is not a {what}; {hint}write one of: "
                      + ", ".join(options))

    return validate


def _digits(text: str) -> bool:
    """0-9 only: ``str.isdigit`` also takes ٢ (Arabic-Indic), ２ (full-width) and ² (which
    ``int`` refuses), and the JSON Schema refuses them all."""
    return text.isascii() and text.isdigit()


def _number(negative_rule: str, negative_message: str) -> Callable[[Any], int]:
    def validate(value: Any) -> int:
        text = _text_only(value, "a number").strip()
        if text.startswith("-") and _digits(text[1:]):
            raise _custom(negative_rule, negative_message.format(text=text))
        if not _digits(text):
            other = any(char.isdigit() or char.isnumeric() for char in text)
            hint = ("uses digits other than 0-9 (typed with another keyboard layout?); "
                    "write it with the digits 0 to 9" if other and not text.isascii()
                    else "is not a whole number; write digits only, e.g. 2")
            raise _custom("bad-number", f"{quoted(text)} {hint}")
        return int(text)

    return validate


_whole_number = _number("every-not-positive", "'{text}' is below zero; write 1 or more "
                        "(1 = every month, 2 = every other month)")
_capacity = _number("negative-capacity", "a capacity of '{text}' is below zero; write how "
                    "many activities (or objectives) can run at once: 0 or more, e.g. 8")


def _boolean(value: Any) -> bool:
    text = _text_only(value, "true or false").strip().lower()
    if text not in ("true", "false"):
        raise _custom("bad-boolean", f"{quoted(text)} is not true or false; write true or false")
    return text == "true"


def _version(value: Any) -> int:
    text = _text_only(value, "a number").strip()
    if text != "1":
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


_MONTHS_PATTERN = r"^\s*(\d{4}-\d{2}(-\d{2})?|[A-Za-z]+\.?,?\s+\d{4})\s*(\.\.\s*\S.*)?$"

# A YAML 1.2 editor reads `title: 2027` as a number and `title: true` as a boolean; npmplan
# reads every scalar as text, so the schema admits them where text is expected.
Text = Annotated[str, PlainValidator(_text),
                 _schema(type=["string", "number", "boolean"], minLength=1)]
def _invisible(char: str) -> bool:
    """A character an id must not hold: it cannot be seen, so ``1.1`` and ``1.1`` + U+200B
    would look the same and be two ids (controls, format marks, odd spaces, separators)."""
    return unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp") or (
        char.isspace() and char != " ")


def _id(value: Any) -> str:
    text = _text(value)
    if text != text.strip() or "\n" in text:
        raise _custom("bad-id", f"the id {quoted(text)} has spaces or line breaks around it; "
                      f"write it without them: {text.strip()}")
    hidden = next((char for char in text if _invisible(char)), None)
    if hidden is not None:
        raise _custom("bad-id", f"the id {quoted(text)} contains the invisible character "
                      f"U+{ord(hidden):04X}; retype the id without it")
    return text


Id = Annotated[str, PlainValidator(_id), _schema(type=["string", "number"])]
Number = Annotated[int, PlainValidator(_whole_number),
                   _schema(type=["integer", "string"], pattern=r"^\s*\d+\s*$", minimum=0)]
Capacity = Annotated[int, PlainValidator(_capacity),
                     _schema(type=["integer", "string"], pattern=r"^\s*\d+\s*$", minimum=0)]
Boolean = Annotated[bool, PlainValidator(_boolean), _schema(type="boolean")]
MonthRange = Annotated[
    tuple[Month, Month],
    PlainValidator(_parser("bad-months", dates.parse_months, "a month or range")),
    _schema(type="string", pattern=_MONTHS_PATTERN,
            description="a month (2026-09) or an inclusive range (2026-06..2026-08)"),
]
Period = Annotated[
    tuple[Month, Month],
    PlainValidator(_parser("bad-period", dates.parse_period, "a range of months")),
    _schema(type="string", pattern=r"\.\.", description="the plan year, e.g. 2026-04..2027-03"),
]
WhenValue = Annotated[
    When,
    PlainValidator(_parser("bad-when", dates.parse_when, "a date")),
    _schema(type="string", description="a day, month, range A..B, YYYY-Qn, a season "
            "and year (summer 2026), ongoing or tbc"),
]
DoneOn = Annotated[
    When,
    PlainValidator(_parser("bad-day", dates.parse_done_on, "a date")),
    _schema(type="string", description="the day (YYYY-MM-DD) or month (YYYY-MM) it was done"),
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
    capacity: Capacity | None = Field(
        default=None, description="concurrent objectives a person can lead")


class PlanInfo(Strict):
    title: Text
    organisation: Text | None = None
    period: Period
    source: Text | None = None
    capacity: Capacity | None = Field(
        default=None, description="concurrent activities above which a month is flagged")


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
    every: Number | None = None
    note: Text | None = None

    @property
    def effective(self) -> When:
        """Where the milestone now sits: ``moved_to`` if replanned, else ``when``."""
        return self.moved_to or self.when


class Objective(Strict):
    id: Id
    title: Text
    label: Text | None = Field(default=None, description="calendar row text; default: title")
    priority: PriorityValue | None = None
    leads: Annotated[list[Id], BeforeValidator(_none_as_empty)] = []
    rationale: Text | None = None
    outcomes: Annotated[list[Text], BeforeValidator(_none_as_empty)] = []
    outputs: Annotated[
        list[Annotated[Output, BeforeValidator(_mapping_from_text("title")),
                       _OrText({"type": "string", "minLength": 1})]],
        BeforeValidator(_none_as_empty),
    ] = []
    schedule: Annotated[
        list[Annotated[Span, BeforeValidator(_mapping_from_text("months")),
                       _OrText({"type": "string", "pattern": _MONTHS_PATTERN})]],
        BeforeValidator(_none_as_empty),
    ] = []
    milestones: Annotated[list[Milestone], BeforeValidator(_none_as_empty)] = []

    @property
    def row_label(self) -> str:
        return self.label or self.title


class StrategicObjective(Strict):
    id: Id
    title: Text
    functions: Annotated[list[FunctionValue], BeforeValidator(_none_as_empty)] = []
    objectives: Annotated[list[Objective], BeforeValidator(_none_as_empty)]


class Plan(Strict):
    model_config = ConfigDict(
        extra="forbid", frozen=True,
        json_schema_extra={"$schema": "https://json-schema.org/draft/2020-12/schema",
                           "title": "npmplan plan file (version 1)"},
    )
    version: Annotated[int, PlainValidator(_version), _schema(enum=[1, "1"])]
    plan: PlanInfo
    team: Annotated[list[TeamMember], BeforeValidator(_none_as_empty)] = []
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
