"""The quarterly progress report as data: each objective's RAG rating and what moved in a
quarter, for the Steering Group and the sponsor.

Quarter N is the Nth three months of the plan period (Q1 of 2026-27 is 2026-04..2026-06);
the report is as of the quarter's last day, or an earlier ``as_of``. Its month M is the
month of that day. For each objective:

- **done**: done, with ``done_on`` in the quarter and not after the day of the report (no
  ``done_on``: its window ends in the quarter);
- **due, not done**: planned, dated, and its window ends in the quarter, with its months
  overdue in M (``compute.due.months_overdue``);
- **moved**: has ``moved_to`` and is not cancelled, listed once: in the quarter its
  ``moved_on`` day falls in, or (no ``moved_on``) the quarter its baseline ends in; ``slip``
  is the new end minus the baseline end, in months;
- **cancelled**: cancelled, with ``cancelled_on`` in the quarter (no ``cancelled_on``: its
  window ends in the quarter), listed with its note;
- **next**: planned, dated, and its window ends in the next quarter.

A recurring milestone (``every`` or ``quarterly``) counts one occurrence at a time, each
as a milestone of its own month or quarter with the state its record gives
(``compute.record``): the report lists each occurrence of the quarter.

The computed rating, as of M. *Open*: planned, not ``ongoing``, not ``tbc``.

- ``complete``: every milestone that is not ongoing is done or cancelled (each occurrence
  of a series), at least one is done, and the objective's schedule has no month after the
  quarter; done so far but running on past the quarter is ``green``, and says so;
- ``red``: an open milestone is 3 or more months overdue, or was moved to end after the
  plan period;
- ``amber``: an open milestone is 1 or 2 months overdue, or was moved to end later than
  its baseline;
- ``green``: otherwise.

An officer's rating is the one shown: the quarter's commentary entry's ``rag`` (see
``commentary``), else the ``rag`` block from its ``set_on`` day on (ignored in a report as of
an earlier day), *stale* when set more than three months before the report's day. Each
objective also carries the quarter's commentary and next steps, a flag where that is missing
or older than the quarter, and its rating's trend against the previous quarter's report.

    >>> report = quarter_report(plan, 2, date(2026, 11, 30))   # doctest: +SKIP
    >>> report.summary                                          # doctest: +SKIP
    {'red': 14, 'amber': 2, 'green': 4, 'complete': 0}
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from dateutil.relativedelta import relativedelta

from npmplan.compute.due import months_overdue
from npmplan.compute.quarters import Quarter, quarters
from npmplan.compute.record import Entry, entries
from npmplan.compute.schedule import Row, active_months
from npmplan.model.dates import Month
from npmplan.model.plan import (
    RATINGS,
    Comment,
    Milestone,
    Objective,
    Plan,
    Rating,
    StrategicObjective,
)

STALE_AFTER = relativedelta(months=3)
Trend = Literal["up", "down", "same", "new"]
RANK: dict[Rating, int] = {"red": 0, "amber": 1, "green": 2, "complete": 3}
# What each rating means, printed under every report (the scale beside the ratings, as
# government quarterly returns state it).
SCALE: dict[Rating, str] = {
    "red": "a milestone is three or more months overdue, or moved past the plan period",
    "amber": "a milestone is one or two months overdue, or moved later than planned",
    "green": "nothing overdue or moved later (work done so far that runs on after the "
             "quarter is green, not complete)",
    "complete": "every milestone is done or cancelled and the work has no month after the "
                "quarter",
}
RED_MONTHS = 3  # months overdue from which a milestone makes its objective red


@dataclass(frozen=True, slots=True)
class ReportItem:
    milestone: Milestone
    window: tuple[Month, Month] | None
    months_overdue: int = 0
    slip: int | None = None  # for a moved milestone: months from its baseline end
    occurrence: Month | None = None  # for one occurrence of a series: its month in the series


@dataclass(frozen=True, slots=True)
class Override:
    """An officer's rating in force on the report's day."""

    status: Rating
    reason: str
    set_on: date
    stale: bool  # set more than three months before the report's day


@dataclass(frozen=True, slots=True)
class ObjectiveReport:
    strategic: StrategicObjective
    objective: Objective
    rag: Rating  # the rating shown: the officer's when in force, else the computed one
    computed: Rating
    why: str  # what gives the computed rating, in words
    override: Override | None
    done: list[ReportItem]
    due_not_done: list[ReportItem]
    moved: list[ReportItem]
    cancelled: list[ReportItem]
    next: list[ReportItem]
    commentary: Comment | None = None  # the officer's entry for the quarter
    commentary_flag: str | None = None  # missing, or older than the quarter, in words
    previous_rag: Rating | None = None  # the rating of the previous quarter's report
    trend: Trend = "new"


@dataclass(frozen=True, slots=True)
class StrategicSummary:
    strategic: StrategicObjective
    counts: dict[Rating, int]


@dataclass(frozen=True, slots=True)
class QuarterReport:
    title: str
    quarter: Quarter
    next_quarter: Quarter | None  # None: the plan period ends with this quarter
    as_of: date
    objectives: list[ObjectiveReport]
    summary: dict[Rating, int]
    strategic: list[StrategicSummary]
    undated: int = 0  # changes that carry no date, counted as made before the period

    @property
    def month(self) -> Month:
        return Month.of(self.as_of.year, self.as_of.month)

    @property
    def started(self) -> bool:
        """False for a report on a quarter that begins after its day."""
        return self.as_of >= self.quarter.first_day


def is_open(milestone: Milestone) -> bool:
    return milestone.status == "planned" and milestone.effective.kind not in ("ongoing", "tbc")


def computed_rag(milestones: list[Milestone], month: Month, period_end: Month,
                 runs_to: Month | None = None, quarter_end: Month | None = None
                 ) -> tuple[Rating, str]:
    """The rating the rules give as of ``month`` to an objective's ``milestones`` (each
    occurrence of a series one of them), and why, in words. ``runs_to``: the last month of
    its schedule; work that runs past ``quarter_end`` is not complete."""
    counted = [m for m in milestones if m.effective.kind != "ongoing"]
    statuses = {m.status for m in counted}
    if statuses and statuses <= {"done", "cancelled"} and "done" in statuses:
        closed = "done" if statuses == {"done"} else "done or cancelled"
        every = f"all {len(counted)} milestones" if len(counted) > 1 else "its one milestone"
        if runs_to is not None and quarter_end is not None and runs_to > quarter_end:
            return "green", f"{every} to date {closed}; runs to {runs_to.long()}"
        return "complete", f"{every} {closed}"
    open_ = [m for m in counted if is_open(m)]
    rules: tuple[tuple[Rating, str | None], ...] = (
        ("red", _overdue(open_, month, RED_MONTHS)),
        ("red", _moved_past(open_, period_end)),
        ("amber", _overdue(open_, month, 1)),
        ("amber", _moved_later(open_)))
    for rating, why in rules:
        if why is not None:
            return rating, why
    return "green", "nothing overdue or moved later"


def _overdue(milestones: list[Milestone], month: Month, at_least: int) -> str | None:
    """The most overdue milestone, in words, if it is ``at_least`` months overdue."""
    late = max(milestones, key=lambda m: months_overdue(m, month), default=None)
    months = months_overdue(late, month) if late is not None else 0
    if late is None or months < at_least:
        return None
    return f"'{late.what}' is {months} month{'s' if months > 1 else ''} overdue"


def _moved_past(milestones: list[Milestone], period_end: Month) -> str | None:
    found = [m for m in milestones if (_moved_end(m) or period_end) > period_end]
    return f"'{found[0].what}' is moved past the plan period" if found else None


def _moved_later(milestones: list[Milestone]) -> str | None:
    found = [m for m in milestones if (_slip(m) or 0) > 0]
    return f"'{found[0].what}' is moved later than planned" if found else None


def _moved_end(milestone: Milestone) -> Month | None:
    window = milestone.moved_to.window() if milestone.moved_to is not None else None
    return window[1] if window else None


def _slip(milestone: Milestone) -> int | None:
    """Months from the baseline end to the new end (positive: later); None if undated."""
    baseline = milestone.when.window()
    end = _moved_end(milestone)
    return end - baseline[1] if baseline and end is not None else None


def officer_rating(objective: Objective, as_of: date,
                   entry: Comment | None = None) -> Override | None:
    """The officer's rating in force: the quarter's commentary entry's, else the rag
    block's from its day on."""
    if entry is not None and entry.rag is not None:
        return Override(entry.rag, entry.text, entry.written_on, False)
    rag = objective.rag
    if rag is None or rag.set_on is None or rag.reason is None or rag.set_on > as_of:
        return None
    return Override(rag.status, rag.reason, rag.set_on, rag.set_on + STALE_AFTER < as_of)


def _done_in(milestone: Milestone, quarter: Quarter, as_of: date) -> bool:
    if milestone.status != "done":
        return False
    done_on = milestone.done_on
    if done_on is None:
        window = milestone.effective.window()
        return window is not None and window[1] in quarter
    if done_on.day is not None and done_on.day > as_of:
        return False
    first = done_on.first
    return first is not None and first in quarter and first <= Month.of(as_of.year, as_of.month)


def _cancelled_in(milestone: Milestone, quarter: Quarter, as_of: date) -> bool:
    if milestone.status != "cancelled":
        return False
    day = milestone.cancelled_on
    if day is None:
        return _ends_in(milestone, quarter)
    return day <= as_of and Month.of(day.year, day.month) in quarter


def _moved_in(milestone: Milestone, quarter: Quarter) -> bool:
    """A move is listed once: in the quarter it was made, else its baseline's."""
    if milestone.moved_to is None or milestone.status == "cancelled":
        return False
    day = milestone.moved_on
    if day is None:
        return _baseline_ends_in(milestone, quarter)
    return Month.of(day.year, day.month) in quarter


def _ends_in(milestone: Milestone, quarter: Quarter | None) -> bool:
    window = milestone.effective.window()
    return quarter is not None and window is not None and window[1] in quarter


def _baseline_ends_in(milestone: Milestone, quarter: Quarter) -> bool:
    window = milestone.when.window()
    return window is not None and window[1] in quarter


def _item(entry: Entry, month: Month, slip: int | None = None) -> ReportItem:
    milestone = entry.milestone
    late = months_overdue(milestone, month) if milestone.status == "planned" else 0
    return ReportItem(milestone, milestone.effective.window(), late, slip, entry.occurrence)


def commentary(objective: Objective, quarter: Quarter, as_of: date
               ) -> tuple[Comment | None, str | None]:
    """The quarter's commentary entry written by ``as_of``, and a flag when it is missing
    (naming the latest there is) or was written before the quarter began."""
    written = [c for c in objective.commentary if c.written_on <= as_of]
    entry = next((c for c in reversed(written) if c.quarter == quarter.number), None)
    if entry is None:
        earlier = [c for c in written if c.quarter < quarter.number]
        latest = max(earlier, key=lambda c: c.quarter, default=None)
        since = f" (the latest is for Q{latest.quarter})" if latest is not None else ""
        return None, f"no commentary for this quarter{since}"
    if entry.written_on < quarter.first_day:
        return entry, f"commentary written on {entry.written_on}, before the quarter began"
    return entry, None


def trend(rag: Rating, previous: Rating | None) -> Trend:
    if previous is None:
        return "new"
    return "up" if RANK[rag] > RANK[previous] else "down" if RANK[rag] < RANK[previous] \
        else "same"


def objective_report(row: Row, quarter: Quarter, following: Quarter | None, as_of: date,
                     period: tuple[Month, Month], previous: Rating | None = None,
                     written_by: date | None = None) -> ObjectiveReport:
    """One objective's part of the report. ``written_by``: the day the report is run; the
    quarter's commentary is written after the quarter, so it counts up to that day (the
    milestones count up to ``as_of``, the report's day)."""
    strategic, objective = row
    month = Month.of(as_of.year, as_of.month)
    counted = entries(objective, period)
    runs_to = max(active_months(objective), default=None)
    computed, why = computed_rag([e.milestone for e in counted], month, period[1], runs_to,
                                 quarter.last)
    entry, flag = commentary(objective, quarter, written_by or as_of)
    override = officer_rating(objective, as_of, entry)
    dated_open = [e for e in counted if is_open(e.milestone)]
    rag = override.status if override else computed
    return ObjectiveReport(
        strategic, objective, rag, computed, why, override,
        done=[_item(e, month) for e in counted if _done_in(e.milestone, quarter, as_of)],
        due_not_done=[_item(e, month) for e in dated_open if _ends_in(e.milestone, quarter)],
        moved=[_item(e, month, _slip(e.milestone)) for e in counted
               if _moved_in(e.milestone, quarter)],
        cancelled=[_item(e, month) for e in counted
                   if _cancelled_in(e.milestone, quarter, as_of)],
        next=[_item(e, month) for e in dated_open if _ends_in(e.milestone, following)],
        commentary=entry, commentary_flag=flag, previous_rag=previous,
        trend=trend(rag, previous),
    )


def count_ratings(reports: list[ObjectiveReport]) -> dict[Rating, int]:
    counts: dict[Rating, int] = dict.fromkeys(RATINGS, 0)
    for report in reports:
        counts[report.rag] += 1
    return counts


def report_day(quarter: Quarter, as_of: date) -> date:
    """The day of the report of ``quarter``: ``as_of``, or the quarter's last day if that
    is earlier."""
    return min(as_of, quarter.last_day)


def quarter_report(plan: Plan, rows: list[Row], quarter: Quarter, as_of: date,
                   undated: int = 0, previous: dict[str, Rating] | None = None
                   ) -> QuarterReport:
    """The report of ``quarter`` as of ``report_day(quarter, as_of)``; ``plan`` is the plan
    as it stood that day (``compute.record.plan_as_of``), ``undated`` what it could not
    date, ``previous`` the ratings of the previous quarter's report, by objective id."""
    day = report_day(quarter, as_of)
    following = next((q for q in quarters(plan.plan.period) if q.number == quarter.number + 1),
                     None)
    before = previous or {}
    reports = [objective_report(row, quarter, following, day, plan.plan.period,
                                before.get(row[1].id), as_of)
               for row in rows]
    strategic = [StrategicSummary(so, count_ratings([r for r in reports if r.strategic is so]))
                 for so in plan.strategic_objectives
                 if any(r.strategic is so for r in reports)]
    return QuarterReport(plan.plan.title, quarter, following, day, reports,
                         count_ratings(reports), strategic, undated)
