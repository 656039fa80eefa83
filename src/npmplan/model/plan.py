"""The pydantic models of a plan file (format version 1), over the value types of
``model.values``. Rules that span several fields (overlaps, references, the period) live in
``check.cross``.
"""

# No ``from __future__ import annotations`` here: pydantic would have to evaluate every
# annotation from its text when it builds the models, at each command's start (1.3 ms of 11).
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from npmplan.model import dates, patterns
from npmplan.model.dates import Month, When
from npmplan.model.values import (
    EMPTY,
    MONTHS_SAYS,
    OR_NULL,
    TEXT_SAYS,
    Boolean,
    Capacity,
    Count,
    Day,
    DoneOn,
    Every,
    FunctionValue,
    Id,
    KindValue,
    MonthRange,
    MonthValue,
    OrText,
    Parsed,
    Period,
    PriorityValue,
    RatingValue,
    StatusValue,
    Text,
    WhenValue,
    json_pattern,
    json_schema,
    mapping_from_text,
    text_value,
    version_number,
)
from npmplan.model.values import (
    FUNCTIONS as FUNCTIONS,
)
from npmplan.model.values import (
    KINDS as KINDS,
)
from npmplan.model.values import (
    PRIORITIES as PRIORITIES,
)
from npmplan.model.values import (
    RATINGS as RATINGS,
)
from npmplan.model.values import (
    STATUSES as STATUSES,
)
from npmplan.model.values import (
    Function as Function,
)
from npmplan.model.values import (
    Kind as Kind,
)
from npmplan.model.values import (
    Priority as Priority,
)
from npmplan.model.values import (
    Rating as Rating,
)
from npmplan.model.values import (
    Status as Status,
)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TeamMember(Strict):
    id: Id
    name: Text
    role: Text | None = None
    capacity: Capacity | None = None


# Markdown-light (docs/plan-format.md): paragraphs separated by blank lines, and lines
# starting with "- " as bullet items. Checked as text; read by render/light.py.
Prose = Annotated[str, Parsed(text_value), json_schema(
    type=["string", "number", "boolean"], minLength=1,
    description="Markdown-light text: paragraphs separated by a blank line; lines starting "
                "with '- ' are bullet items")]


class FunctionTexts(Strict):
    """What each of the four NPM functions means, for the document's Functions section."""

    summary: Prose | None = Field(default=None, description="the text before the four")
    visiting: Prose | None = None
    advisory: Prose | None = None
    educational: Prose | None = None
    cooperative: Prose | None = None


class Headings(Strict):
    """The document's headings as the source words them, where npmplan's own would differ."""

    introduction: Text | None = None
    strategic_overview: Text | None = None
    functions: Text | None = None
    context: Text | None = None
    visiting: Text | None = None
    advisory: Text | None = None
    educational: Text | None = None
    cooperative: Text | None = None


class DocumentText(Strict):
    """What the business plan document says that is not the plan's data: its title block,
    headings and closing line, as the source writes them."""

    title: Text | None = Field(default=None, description="the document's title")
    date: Text | None = Field(default=None, description="its date, as written")
    overview: Text | None = Field(default=None, description="the heading above the tables")
    appendix: Text | None = Field(default=None, description="Appendix 1's heading")
    closing: Prose | None = Field(default=None, description="the document's last text")
    headings: Headings | None = None


class PlanInfo(Strict):
    title: Text
    organisation: Text | None = None
    period: Period
    source: Text | None = None
    capacity: Capacity | None = None
    introduction: Prose | None = Field(default=None, description="the plan's introduction")
    strategic_overview: Prose | None = Field(
        default=None, description="how the strategic objectives were agreed, and their list")
    functions: FunctionTexts | None = Field(
        default=None, description="the four NPM functions, defined")
    context: Prose | None = Field(default=None, description="the year's context")
    notes: Prose | None = Field(
        default=None, description="notes printed above the objectives' tables (what an "
        "asterisk or a highlight means, funding)")
    document: DocumentText | None = Field(
        default=None, description="the document's title block, headings and closing line")


# The plan-level text of the business plan document, in the document's order.
TEXT_FIELDS = ("introduction", "strategic_overview", "functions", "context", "notes")


class Span(Strict):
    months: MonthRange
    kind: KindValue = "active"


class Output(Strict):
    title: Text
    web: Boolean = False


class Occurrence(Strict):
    """What became of one occurrence of a recurring milestone (a meeting of a series): the
    series keeps its ``when`` and ``every``; each occurrence that was held, cancelled or moved
    has a record, keyed by its month in the series."""

    month: MonthValue
    status: StatusValue = "planned"
    done_on: DoneOn | None = None
    cancelled_on: Day | None = None
    moved_to: MonthValue | None = None
    moved_on: Day | None = None
    note: Text | None = None


class Milestone(Strict):
    what: Text
    when: WhenValue
    status: StatusValue = "planned"
    done_on: DoneOn | None = None
    cancelled_on: Day | None = None
    moved_to: WhenValue | None = None
    moved_on: Day | None = None
    every: Every | None = None
    added_on: Day | None = None
    note: Text | None = None
    occurrences: Annotated[list[Occurrence], EMPTY, OR_NULL] = []

    @property
    def effective(self) -> When:
        """Where the milestone now sits: ``moved_to`` if replanned, else ``when``."""
        return self.moved_to or self.when


class Rag(Strict):
    """An officer's RAG rating of an objective. ``reason`` and ``set_on`` are optional
    here so that their absence is one plain error (``rag-incomplete``, in ``check.cross``)
    rather than a missing key."""

    # The editor requires both (a schema can say it); validate words it as one problem.
    model_config = ConfigDict(json_schema_extra={"required": ["status", "reason", "set_on"]})

    status: RatingValue
    reason: Text | None = Field(default=None, description="why: required")
    set_on: Day | None = Field(default=None, description="the day it was set: required")


class Comment(Strict):
    """An officer's word on an objective for one quarter of the plan period: commentary,
    next steps and (optionally) the rating they give it, what government quarterly returns
    pair with each rating. ``npmplan comment`` writes one; the report shows it."""

    quarter: Count  # the Nth three months of the plan period, as ``report --quarter``
    text: Text
    next: Text | None = None
    rag: RatingValue | None = None
    written_on: Day


class Objective(Strict):
    id: Id
    title: Text
    label: Text | None = None  # the calendar row's text; default: title
    priority: PriorityValue | None = None
    leads: Annotated[list[Id], EMPTY, OR_NULL] = []
    rationale: Text | None = None
    outcomes: Annotated[list[Text], EMPTY, OR_NULL] = []
    outputs: Annotated[
        list[Annotated[Output, BeforeValidator(mapping_from_text("title")),
                       OrText({"type": ["string", "number", "boolean"],
                               **json_pattern(patterns.TEXT, TEXT_SAYS)})]],
        EMPTY, OR_NULL,
    ] = []
    schedule: Annotated[
        list[Annotated[Span, BeforeValidator(mapping_from_text("months")),
                       OrText({"type": "string", **json_pattern(patterns.MONTHS, MONTHS_SAYS)})]],
        EMPTY, OR_NULL,
    ] = []
    milestones: Annotated[list[Milestone], EMPTY, OR_NULL] = []
    # The document's words for what the milestones date: printed instead of them, so that
    # the plan reads as agreed; ``milestones`` stay the machine's dates.
    timeline: Prose | None = None
    appendix_note: Text | None = None  # Appendix 1's Notes/Key Dates cell
    footnotes: Annotated[list[Text], EMPTY, OR_NULL] = []
    rag: Rag | None = Field(
        default=None, description="an officer's RAG rating, shown by npmplan report beside "
        "the computed one: {status: red|amber|green|complete, reason, set_on: YYYY-MM-DD}")
    commentary: Annotated[list[Comment], EMPTY, OR_NULL] = []

    @property
    def row_label(self) -> str:
        return self.label or self.title


class StrategicObjective(Strict):
    id: Id
    title: Text
    functions: Annotated[list[FunctionValue], EMPTY, OR_NULL] = []
    objectives: Annotated[list[Objective], EMPTY, OR_NULL]


class Plan(Strict):
    model_config = ConfigDict(
        extra="forbid", frozen=True,
        json_schema_extra={"$schema": "https://json-schema.org/draft/2020-12/schema",
                           "title": "npmplan plan file (version 1)"},
    )
    version: Annotated[int, Parsed(version_number), json_schema(
        type=["integer", "string"], minimum=1, maximum=1,
        **json_pattern(patterns.ONE, "this npmplan reads version 1: write version: 1"))]
    plan: PlanInfo
    team: Annotated[list[TeamMember], EMPTY, OR_NULL] = []
    strategic_objectives: Annotated[list[StrategicObjective], Field(min_length=1)]

    def objectives(self) -> list[tuple[StrategicObjective, Objective]]:
        return [(so, obj) for so in self.strategic_objectives for obj in so.objectives]

    def months(self) -> list[Month]:
        return dates.month_range(*self.plan.period)


# The model of the mapping under each list or key, for "did you mean" suggestions.
MODEL_UNDER: dict[str, type[BaseModel]] = {
    "plan": PlanInfo, "functions": FunctionTexts, "document": DocumentText,
    "headings": Headings, "team": TeamMember,
    "strategic_objectives": StrategicObjective,
    "objectives": Objective, "schedule": Span, "outputs": Output, "milestones": Milestone,
    "occurrences": Occurrence,
    "rag": Rag,
}


def keys_allowed(parent: tuple[str | int, ...]) -> tuple[str, ...]:
    """The keys a mapping at ``parent`` (a loc) may have."""
    names = [part for part in parent if isinstance(part, str)]
    model = MODEL_UNDER.get(names[-1], Plan) if names else Plan
    return tuple(model.model_fields)
