"""A lead's quarterly return: the rows a return asks about, and how import finds them again.

- **Rows.** For the objectives a lead leads: every milestone (each recurring one as its
  occurrences) due in the quarter, whatever its state; and every open one that is overdue,
  in progress, or due next quarter, on the return's day. One row per objective too, with
  its computed rating for the quarter.
- **Identity.** A row names its milestone by objective id, position, occurrence month and
  a fingerprint of its text and planned time (``fingerprint``), and keeps the state it
  had: import finds the same milestone even when lines moved in the file, and knows when
  it changed since the return was made.

Pure functions of the plan (as it stood on the return's day) and the day.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

from npmplan.compute.quarters import Quarter
from npmplan.compute.record import Entry, entries
from npmplan.compute.report import QuarterReport, is_open
from npmplan.model.dates import Month
from npmplan.model.plan import Milestone, Objective, Plan
from npmplan.text import one_line

FORMAT = 1  # the return's layout; import reads this one

# The workbook's layout: what ``render.exports.returns_xlsx`` writes and
# ``write.filled`` reads back.
MILESTONE_HEADERS = ("Objective", "Milestone", "When", "Status", "Done on", "Move to",
                     "Cancel", "Note")
OBJECTIVE_HEADERS = ("Objective", "Title", "Computed RAG", "Proposed RAG", "Commentary",
                     "Next steps")
PROPOSED = ("green", "amber", "red", "complete")
HEADER_ROW = 2  # 0-based: the title and a line of help above it
IDENTITY = "Identity"
MARK = "npmplan return"  # Identity!A1: what import looks for first
IDENTITY_HEADERS = ("Sheet", "Row", "Objective", "Position", "Occurrence", "Print", "When",
                    "State", "Shown")
IDENTITY_ROW = 9  # 0-based: the header row of the identity table, below its 8 facts


@dataclass(frozen=True, slots=True)
class ReturnRow:
    """One milestone (or occurrence) on a return, as the plan had it that day."""

    objective: str
    position: int  # 0-based, in the objective's milestones
    occurrence: Month | None  # the occurrence's month in its series; None: the milestone
    what: str
    when: str  # where it is planned now: its moved_to, else its when (or the occurrence)
    status: str  # the state, in words, for the Status column
    state: str  # planned, done or cancelled: what import compares
    print: str  # fingerprint(...) of the milestone's own text and when


@dataclass(frozen=True, slots=True)
class ReturnObjective:
    id: str
    title: str
    computed: str  # the computed RAG rating for the quarter


@dataclass(frozen=True, slots=True)
class Return:
    """What one lead's workbook holds."""

    plan_title: str
    plan_year: str  # "2026-27"
    lead: str
    lead_name: str
    quarter: Quarter
    stood_on: date  # the milestones as they stood at the end of this day
    made_on: date  # the day the return was made
    milestones: list[ReturnRow]
    objectives: list[ReturnObjective]

    @property
    def file_name(self) -> str:
        return f"return-{self.plan_year}-Q{self.quarter.number}-{self.lead}.xlsx"


def fingerprint(milestone: Milestone) -> str:
    """A short hash of the milestone's words and planned time: a row whose milestone was
    reworded or re-planned since the return was made no longer matches."""
    text = f"{milestone.what}\x1f{milestone.when.text}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def row_print(cells: tuple[str, ...]) -> str:
    """A short hash of a row's locked cells as the return shows them: import checks that
    the row it reads is the row the return was made with (not one sorted or moved there)."""
    return hashlib.sha256("\x1f".join(cells).encode("utf-8")).hexdigest()[:16]


def plan_year(plan: Plan) -> str:
    """``2026-27`` for a plan from April 2026 to March 2027."""
    first, last = plan.plan.period
    return f"{first.year}-{last.year % 100:02d}" if last.year != first.year else str(first.year)


def led_by(plan: Plan, lead: str) -> list[Objective]:
    return [obj for _, obj in plan.objectives() if lead in obj.leads]


def make_return(plan: Plan, lead: str, quarter: Quarter, following: Quarter | None,
                day: date, report: QuarterReport, made_on: date) -> Return:
    """The return for ``lead``, made on ``made_on``: ``plan`` as it stood on ``day``,
    ``report`` its quarterly report (for the computed ratings)."""
    names = {member.id: member.name for member in plan.team}
    month = Month.of(day.year, day.month)
    rated = {entry.objective.id: entry.computed for entry in report.objectives}
    objectives = led_by(plan, lead)
    rows = [row for obj in objectives
            for row in _rows(obj, plan.plan.period, quarter, following, month)]
    return Return(
        one_line(plan.plan.title), plan_year(plan), lead, names.get(lead, lead), quarter, day,
        made_on, rows, [ReturnObjective(obj.id, one_line(obj.title), rated.get(obj.id, ""))
               for obj in objectives])


def _rows(objective: Objective, period: tuple[Month, Month], quarter: Quarter,
          following: Quarter | None, month: Month) -> list[ReturnRow]:
    positions = {id(m): i for i, m in enumerate(objective.milestones)}
    out = []
    for entry in entries(objective, period):
        if _asked(entry.milestone, quarter, following, month):
            series = entry.series or entry.milestone
            out.append(_row(objective.id, positions[id(series)], entry, month))
    return out


def _asked(milestone: Milestone, quarter: Quarter, following: Quarter | None,
           month: Month) -> bool:
    """Due in the quarter (any state), or open and overdue, in progress or due next."""
    window = milestone.effective.window()
    if window is None:
        return False
    start, end = window
    if end in quarter:
        return True
    if not is_open(milestone):
        return False
    return end < month or start <= month <= end or (following is not None and end in following)


def _row(objective: str, position: int, entry: Entry, month: Month) -> ReturnRow:
    milestone = entry.milestone
    series = entry.series or milestone
    return ReturnRow(objective, position, entry.occurrence, one_line(milestone.what),
                     milestone.effective.text, _status(milestone, month), milestone.status,
                     fingerprint(series))


def _status(milestone: Milestone, month: Month) -> str:
    """"done on 2026-07-14", "overdue by 2 months", "moved (planned 2026-09)"..."""
    if milestone.status == "done":
        return f"done on {milestone.done_on.text}" if milestone.done_on else "done"
    if milestone.status == "cancelled":
        day = milestone.cancelled_on
        return f"cancelled on {day}" if day else "cancelled"
    window = milestone.effective.window()
    words = "planned"
    if window is not None and window[1] < month:
        late = month - window[1]
        words = f"overdue by {late} month{'s' if late > 1 else ''}"
    elif window is not None and window[0] <= month:
        words = "in progress"
    if milestone.moved_to is not None:
        words += f" (moved; planned {milestone.when.text})"
    return words
