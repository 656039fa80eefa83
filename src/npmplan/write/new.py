"""``npmplan new``: next year's plan, started from this year's.

What the new file keeps, changes and drops:

- kept: ``version``, ``plan.organisation``, ``plan.capacity``, the team, every strategic
  objective and every objective's text (id, title, label, priority, leads, rationale,
  outcomes, outputs);
- ``plan.title``: the old year span becomes the new one ("2026-27", "2026/27",
  "2026-2027" → "2027-28" …; a one-year plan's "2026" → "2027"); a title without the
  span is kept as it is. ``plan.period`` is the new period. ``plan.source`` is dropped
  (it named last year's document); a comment says what it was;
- the plan's text (introduction, strategic_overview, functions, context, notes) as it was;
- ``schedule: []`` for every objective, under a comment with last year's schedule: the
  calendar is redone for the new year (``validate`` warns of each empty schedule until then);
- milestones: see ``carry``: open ones due in the old year's last quarter as ``tbc``,
  recurring ones moved to the new period, those already dated in the new period as they
  are, each with a note; the other open ones as comment lines to uncomment; done and
  cancelled ones left out.

The YAML is written here, not by a library, so that it reads like the hand-kept file:
every string double-quoted (ids too: ``"2.10"`` stays text in every YAML reader), with
escapes for quotes, backslashes, line breaks and invisible characters, and multi-line
text as a ``|`` block where that round-trips exactly.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass

from npmplan.model.dates import Month
from npmplan.model.plan import (
    FUNCTIONS,
    Milestone,
    Objective,
    Plan,
    StrategicObjective,
    TeamMember,
)
from npmplan.text import one_line
from npmplan.write.carry import Tally, carry, note
from npmplan.write.edit import scalar as yaml_scalar

SCHEMA_LINE = "# yaml-language-server: $schema=../schemas/plan.schema.json"
WIDTH = 96


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


# --- YAML text ------------------------------------------------------------------------

# What a YAML file cannot hold as it is, even in a comment (YAML's printable set; a title
# may hold U+FFFE or a lone surrogate through an escape): named in the comments new writes.
_NOT_YAML = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def quote(text: str) -> str:
    """A YAML double-quoted scalar that loads back as exactly ``text``: ``write.edit``'s
    escaping, the one for every file npmplan writes (each character that is not printable,
    U+FFFE as much as a bidi mark, is written as an escape)."""
    return yaml_scalar(text, quote=True)


def _block_safe(text: str) -> bool:
    """A ``|`` block keeps every character of ``text``: no lead space, no odd line breaks,
    and at most one line break at the end (``|+`` would also keep the blank lines written
    after it, so "Name" and two line breaks would load back with three), and nothing that
    would have to be escaped."""
    return ("\n" in text and text[0] not in " \t\n" and not text.endswith("\n\n")
            and all(char.isprintable() or char == "\t" for char in text.replace("\n", "")))


def scalar(text: str, indent: int) -> list[str]:
    """`` "text"`` on the key's line, or `` |`` and the block lines (``indent`` spaces)."""
    if not _block_safe(text):
        return [" " + quote(text)]
    body = text.rstrip("\n")
    chomp = "" if text.endswith("\n") else "-"
    pad = " " * indent
    return [f" |{chomp}"] + [pad + line if line else "" for line in body.split("\n")]


class _Writer:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def key(self, indent: int, key: str, text: str, item: bool = False) -> None:
        """``key: "text"`` (``- key:`` with ``item``) at ``indent`` spaces."""
        lead = " " * indent + ("- " if item else "")
        first, *rest = scalar(text, indent + (2 if item else 0) + 2)
        self.lines.append(f"{lead}{key}:{first}")
        self.lines.extend(rest)

    def item(self, indent: int, text: str) -> None:
        first, *rest = scalar(text, indent + 2)
        self.lines.append(f"{' ' * indent}-{first}")
        self.lines.extend(rest)

    def raw(self, indent: int, text: str) -> None:
        self.lines.append(" " * indent + text)

    def comment(self, indent: int, text: str) -> None:
        text = _NOT_YAML.sub(lambda m: f"[U+{ord(m[0]):04X}]", one_line(text))
        for line in textwrap.wrap(text, WIDTH - indent - 2) or [""]:
            self.lines.append(" " * indent + ("# " + line).rstrip())


def _flow(values: list[str]) -> str:
    return "[" + ", ".join(quote(v) for v in values) + "]"


def new_plan_text(plan: Plan, period: tuple[Month, Month],
                  source_file: str = "") -> tuple[str, Tally]:
    """The new plan file's text, and what became of the old plan's milestones."""
    out = _Writer()
    tally = Tally()
    info = plan.plan
    title = new_title(info.title, info.period, period)
    out.raw(0, SCHEMA_LINE)
    out.raw(0, "#")
    out.comment(0, f"{title}, started with npmplan new from {info.title}"
                + (f" ({source_file})" if source_file else "") + ".")
    out.comment(0, "Carried forward, each with a note saying what it was: open milestones due "
                   "in the last quarter of the old year (now tbc), recurring ones (moved to the "
                   "new year) and those already dated in the new year. The other open ones are "
                   "listed in comments under each objective's milestones: to keep one, delete "
                   "the '# ' in front of it. Done and cancelled ones were left out. Every "
                   "schedule is empty: fill it in from the new calendar of actions, then run "
                   "npmplan validate.")
    if title == info.title:
        out.comment(0, "The title did not contain the old year span; check it.")
    out.raw(0, "")
    out.raw(0, "version: 1")
    out.raw(0, "plan:")
    out.key(2, "title", title)
    if info.organisation is not None:
        out.key(2, "organisation", info.organisation)
    out.key(2, "period", f"{period[0]}..{period[1]}")
    if info.source is not None:
        out.comment(2, f"source: dropped; last year's was '{info.source}'. Add this year's.")
    if info.capacity is not None:
        out.raw(2, f"capacity: {info.capacity}")
    _plan_text(out, plan)
    _team(out, plan.team)
    out.raw(0, "")
    out.raw(0, "strategic_objectives:")
    years = _Years(info.title, info.period, period, tally)
    for strategic in plan.strategic_objectives:
        _strategic(out, strategic, years)
    return "\n".join(out.lines) + "\n", tally


@dataclass(frozen=True, slots=True)
class _Years:
    """What the milestones' writer needs: the old plan's title and period, the new period,
    and the tally it keeps."""

    title: str
    old: tuple[Month, Month]
    new: tuple[Month, Month]
    tally: Tally


def _plan_text(out: _Writer, plan: Plan) -> None:
    info = plan.plan
    for name in ("introduction", "strategic_overview"):
        if getattr(info, name) is not None:
            out.key(2, name, getattr(info, name))
    if info.functions is not None:
        out.raw(2, "functions:")
        for name in ("summary", *FUNCTIONS):
            if getattr(info.functions, name) is not None:
                out.key(4, name, getattr(info.functions, name))
        if all(getattr(info.functions, name) is None for name in ("summary", *FUNCTIONS)):
            out.lines[-1] += " {}"
    for name in ("context", "notes"):
        if getattr(info, name) is not None:
            out.key(2, name, getattr(info, name))


def _team(out: _Writer, team: list[TeamMember]) -> None:
    if not team:
        return
    out.raw(0, "")
    out.raw(0, "team:")
    for member in team:
        out.key(2, "id", member.id, item=True)
        out.key(4, "name", member.name)
        if member.role is not None:
            out.key(4, "role", member.role)
        if member.capacity is not None:
            out.raw(4, f"capacity: {member.capacity}")


def _strategic(out: _Writer, strategic: StrategicObjective, years: _Years) -> None:
    out.key(2, "id", strategic.id, item=True)
    out.key(4, "title", strategic.title)
    if strategic.functions:
        out.raw(4, f"functions: {_flow(list(strategic.functions))}")
    if not strategic.objectives:
        out.raw(4, "objectives: []")
        return
    out.raw(4, "objectives:")
    for objective in strategic.objectives:
        _objective(out, objective, years)


def _objective(out: _Writer, objective: Objective, years: _Years) -> None:
    out.key(6, "id", objective.id, item=True)
    out.key(8, "title", objective.title)
    if objective.label is not None:
        out.key(8, "label", objective.label)
    if objective.priority is not None:
        out.key(8, "priority", objective.priority)
    if objective.leads:
        out.raw(8, f"leads: {_flow(objective.leads)}")
    if objective.rationale is not None:
        out.key(8, "rationale", objective.rationale)
    if objective.outcomes:
        out.raw(8, "outcomes:")
        for outcome in objective.outcomes:
            out.item(10, outcome)
    if objective.outputs:
        out.raw(8, "outputs:")
        for output in objective.outputs:
            if output.web:
                out.key(10, "title", output.title, item=True)
                out.raw(12, "web: true")
            else:
                out.item(10, output.title)
    was = "; ".join(f"{_span(*span.months)}" + ("" if span.kind == "active" else f" {span.kind}")
                    for span in objective.schedule)
    first, last = years.new
    out.comment(8, f"Schedule: redo from the {first}..{last} calendar of actions."
                + (f" Last year's: {was}." if was else " Last year's was empty."))
    out.raw(8, "schedule: []")
    _milestones(out, objective.milestones, years)


def _span(first: Month, last: Month) -> str:
    return str(first) if first == last else f"{first}..{last}"


def _milestones(out: _Writer, milestones: list[Milestone], years: _Years) -> None:
    carried: list[tuple[Milestone, str]] = []
    listed: list[str] = []
    for milestone in milestones:
        fate = carry(milestone, years.old, years.new)
        years.tally.add(fate.fate)
        if fate.fate == "listed":
            listed.append(listed_line(milestone, fate.when, years.title))
        elif fate.fate != "dropped":
            carried.append((milestone, fate.when))
    if not carried and not listed:
        return
    out.raw(8, "milestones:")
    for milestone, when in carried:
        out.key(10, "when", when, item=True)
        out.key(12, "what", milestone.what)
        if milestone.every:  # carried only as "recurring", with its range moved
            out.raw(12, f"every: {milestone.every}")
        out.key(12, "note", note(milestone, years.title))
    if listed:
        out.comment(10, f"Open in {years.title}, not carried forward; to keep one, delete the "
                        "'# ' in front of it:")
        out.lines.extend(" " * 10 + "# " + line for line in listed)


def listed_line(milestone: Milestone, when: str, old_title: str) -> str:
    """One milestone as a flow-mapping list item on one line, to uncomment as it is."""
    return (f"- {{when: {quote(when)}, what: {quote(milestone.what)}, "
            f"note: {quote(note(milestone, old_title))}}}")
