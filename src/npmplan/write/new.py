"""``npmplan new``: next year's plan, started from this year's.

What the new file keeps, changes and drops:

- kept: ``version``, ``plan.organisation``, ``plan.capacity``, the team, every strategic
  objective and every objective's text (id, title, label, priority, leads, rationale,
  outcomes, outputs, footnotes);
- ``plan.title``: the old year span becomes the new one ("2026-27", "2026/27",
  "2026-2027" → "2027-28" …; a one-year plan's "2026" → "2027"); a title without the
  span is kept as it is. ``plan.period`` is the new period. ``plan.source`` is dropped
  (it named last year's document); a comment says what it was;
- the plan's text (introduction, strategic_overview, functions, context, notes) as it was;
- each objective's schedule carried into the new period (``carry_schedule``: work that ran
  to the old year's end goes on from the new year's start; ``--shift`` keeps every span's
  months), under a comment that marks it for review; ``empty_schedules``: ``schedule: []``
  under a comment with last year's, to redo (``validate`` warns of each until then);
- milestones: see ``carry``: open ones due in the old year's last quarter as ``tbc``,
  series going on on their cadence, quarterly and ongoing ones as they are, those already
  dated in the new period as they are, each with a note; the other open ones as comment
  lines to uncomment; done and cancelled ones left out;
- every carried text that names a year of the old period gets a ``# Review:`` comment
  above it, and is listed (``review``).

The YAML itself is written by ``yaml_text``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from npmplan.model.dates import Month
from npmplan.model.plan import (
    FUNCTIONS,
    Objective,
    Plan,
    StrategicObjective,
    TeamMember,
)
from npmplan.write.carry import Tally
from npmplan.write.carry_schedule import carry_schedule
from npmplan.write.new_milestones import write_milestones
from npmplan.write.review import Reviews, YearText
from npmplan.write.yaml_text import Writer, flow
from npmplan.write.yaml_text import quote as quote
from npmplan.write.yaml_text import scalar as scalar

SCHEMA_LINE = "# yaml-language-server: $schema=../schemas/plan.schema.json"


@dataclass(frozen=True, slots=True)
class Options:
    """How ``new`` carries the schedules: ``shift`` every span by the periods' distance
    (else work that ran to the old year's end goes on from the new year's start), or
    ``empty_schedules`` to redo them all."""

    shift: bool = False
    empty_schedules: bool = False


@dataclass(frozen=True, slots=True)
class Row:
    """One objective's schedule as carried: its id, last year's and the new one's."""

    objective: str
    was: str
    now: str


@dataclass(slots=True)
class Made:
    """What ``new`` did, for its summary: the milestones' fates, the schedules carried and
    the texts to review."""

    tally: Tally = field(default_factory=Tally)
    rows: list[Row] = field(default_factory=list)
    review: list[YearText] = field(default_factory=list)


def default_period(old: tuple[Month, Month]) -> tuple[Month, Month]:
    """The period right after ``old``, as long as it."""
    length = old[1] - old[0] + 1
    return old[0].shift(length), old[1].shift(length)


def default_file_name(period: tuple[Month, Month]) -> str:
    """``2027-28.yaml`` for 2027-04..2028-03; ``2027.yaml`` for a calendar year."""
    first, last = period
    if first.year == last.year:
        return f"{first.year}.yaml"
    return f"{first.year}-{last.year % 100:02d}.yaml"


def new_title(title: str, old: tuple[Month, Month], new: tuple[Month, Month]) -> str:
    """The title with the old period's years replaced by the new period's."""
    y1, y2, n1, n2 = old[0].year, old[1].year, new[0].year, new[1].year
    if y1 == y2:
        return re.sub(rf"(?<!\d){y1}(?!\d)", str(n1), title)

    def replace(match: re.Match[str]) -> str:
        end = str(n2) if len(match[2]) == 4 else f"{n2 % 100:02d}"
        return f"{n1}{match[1]}{end}"

    pattern = rf"(?<!\d){y1}(\s*[-/\u2013]\s*)({y2}|{y2 % 100:02d})(?!\d)"
    return re.sub(pattern, replace, title)


def new_plan_text(plan: Plan, period: tuple[Month, Month], source_file: str = "",
                  options: Options = Options()) -> tuple[str, Made]:
    """The new plan file's text, and what ``new`` did (``Made``)."""
    info = plan.plan
    out = _Out(_Years(info.title, info.period, period, options), Reviews(info.period))
    title = new_title(info.title, info.period, period)
    out.raw(0, SCHEMA_LINE)
    out.raw(0, "#")
    out.comment(0, f"{title}, started with npmplan new from {info.title}"
                + (f" ({source_file})" if source_file else "") + ".")
    out.comment(0, _HEADER + (_EMPTIED if options.empty_schedules else _CARRIED))
    if title == info.title:
        out.comment(0, "The title did not contain the old year span; check it.")
    out.raw(0, "")
    out.raw(0, "version: 1")
    out.raw(0, "plan:")
    out.where = "plan"
    out.said(2, "title", title)
    if info.organisation is not None:
        out.said(2, "organisation", info.organisation)
    out.key(2, "period", f"{period[0]}..{period[1]}")
    if info.source is not None:
        out.comment(2, f"source: dropped; last year's was '{info.source}'. Add this year's.")
    if info.capacity is not None:
        out.raw(2, f"capacity: {info.capacity}")
    _plan_text(out, plan)
    _team(out, plan.team)
    out.raw(0, "")
    out.raw(0, "strategic_objectives:")
    for strategic in plan.strategic_objectives:
        _strategic(out, strategic)
    out.made.review = out.reviews.found
    return "\n".join(out.lines) + "\n", out.made


_HEADER = ("Carried forward, each with a note saying what it was: open milestones due in the "
           "last quarter of the old year (now tbc), series going on on their cadence, "
           "quarterly and ongoing ones, and those already dated in the new year. The other "
           "open ones are listed in comments under each objective's milestones: to keep one, "
           "delete the '# ' in front of it. Done and cancelled ones were left out. Text that "
           "names a year of the old plan has a 'Review:' comment above it. ")
_CARRIED = ("Each schedule is last year's carried into the new year, marked 'Review': check "
            "it against the new calendar of actions (npmplan schedule ID SPANS sets one), "
            "then run npmplan validate.")
_EMPTIED = ("Every schedule is empty: fill it in from the new calendar of actions (npmplan "
            "schedule ID SPANS), then run npmplan validate.")


@dataclass(frozen=True, slots=True)
class _Years:
    """What the objectives' writer needs: the old plan's title and period, the new period,
    and how schedules are carried."""

    title: str
    old: tuple[Month, Month]
    new: tuple[Month, Month]
    options: Options


class _Out(Writer):
    """The writer, with what it finds on the way: each text that names an old year gets a
    comment above it and a finding (``said``), each schedule a row of ``made``."""

    def __init__(self, years: _Years, reviews: Reviews) -> None:
        super().__init__()
        self.years = years
        self.reviews = reviews
        self.made = Made()
        self.where = "plan"

    def said(self, indent: int, key: str, text: str, item: bool = False,
             field: str | None = None) -> None:
        """``key: text``, under a review comment if the text names an old year."""
        self.review(indent, field or key, text)
        self.key(indent, key, text, item)

    def said_item(self, indent: int, text: str, field: str) -> None:
        self.review(indent, field, text)
        self.item(indent, text)

    def review(self, indent: int, field: str, text: str) -> None:
        comment = self.reviews.check(self.where, field, text)
        if comment is not None:
            self.comment(indent, comment)


def _plan_text(out: _Out, plan: Plan) -> None:
    info = plan.plan
    for name in ("introduction", "strategic_overview"):
        if getattr(info, name) is not None:
            out.said(2, name, getattr(info, name))
    if info.functions is not None:
        out.raw(2, "functions:")
        for name in ("summary", *FUNCTIONS):
            if getattr(info.functions, name) is not None:
                out.said(4, name, getattr(info.functions, name), field=f"functions {name}")
        if all(getattr(info.functions, name) is None for name in ("summary", *FUNCTIONS)):
            out.lines[-1] += " {}"
    for name in ("context", "notes"):
        if getattr(info, name) is not None:
            out.said(2, name, getattr(info, name))


def _team(out: _Out, team: list[TeamMember]) -> None:
    if not team:
        return
    out.raw(0, "")
    out.raw(0, "team:")
    for member in team:
        out.where = f"team member {member.id}"
        out.key(2, "id", member.id, item=True)
        out.said(4, "name", member.name)
        if member.role is not None:
            out.said(4, "role", member.role)
        if member.capacity is not None:
            out.raw(4, f"capacity: {member.capacity}")


def _strategic(out: _Out, strategic: StrategicObjective) -> None:
    out.where = f"strategic objective {strategic.id}"
    out.key(2, "id", strategic.id, item=True)
    out.said(4, "title", strategic.title)
    if strategic.functions:
        out.raw(4, f"functions: {flow(list(strategic.functions))}")
    if not strategic.objectives:
        out.raw(4, "objectives: []")
        return
    out.raw(4, "objectives:")
    for objective in strategic.objectives:
        _objective(out, objective)


def _objective(out: _Out, objective: Objective) -> None:
    out.where = f"objective {objective.id}"
    out.key(6, "id", objective.id, item=True)
    out.said(8, "title", objective.title)
    if objective.label is not None:
        out.said(8, "label", objective.label)
    if objective.priority is not None:
        out.key(8, "priority", objective.priority)
    if objective.leads:
        out.raw(8, f"leads: {flow(objective.leads)}")
    if objective.rationale is not None:
        out.said(8, "rationale", objective.rationale)
    if objective.outcomes:
        out.raw(8, "outcomes:")
        for n, outcome in enumerate(objective.outcomes, 1):
            out.said_item(10, outcome, f"outcome {n}")
    if objective.outputs:
        out.raw(8, "outputs:")
        for n, output in enumerate(objective.outputs, 1):
            if output.web:
                out.said(10, "title", output.title, item=True, field=f"output {n}")
                out.raw(12, "web: true")
            else:
                out.said_item(10, output.title, f"output {n}")
    if objective.footnotes:  # the rationale's marks (¹) keep their text
        out.raw(8, "footnotes:")
        for n, footnote in enumerate(objective.footnotes, 1):
            out.said_item(10, footnote, f"footnote {n}")
    _schedule(out, objective)
    years = out.years
    write_milestones(out, objective.milestones, years.title, (years.old, years.new),
                     out.made.tally, lambda n, what: out.review(12, f"milestone {n}", what))


def _schedule(out: _Out, objective: Objective) -> None:
    """The schedule carried into the new period under a comment that marks it for review;
    or, emptied, ``schedule: []`` under a comment with last year's."""
    from npmplan.write.schedule import describe

    years = out.years
    was = describe([(*span.months, span.kind) for span in objective.schedule])
    runs = [] if years.options.empty_schedules else carry_schedule(
        objective.schedule, years.old, years.new, years.options.shift)
    if not runs:
        first, last = years.new
        out.comment(8, f"Schedule: redo from the {first}..{last} calendar of actions."
                    + (f" Last year's: {was}." if objective.schedule else
                       " Last year's was empty."))
        out.raw(8, "schedule: []")
        return
    now = describe(runs)
    out.made.rows.append(Row(objective.id, was, now))
    out.comment(8, f"Review: schedule carried from {years.title} (was: {was}); check it "
                   "against the new calendar of actions.")
    out.raw(8, "schedule:")
    for first, last, kind in runs:
        months = first if first == last else f"{first}..{last}"
        out.raw(10, "- {months: " + str(months) + ("" if kind == "active" else
                                                  f", kind: {kind}") + "}")
