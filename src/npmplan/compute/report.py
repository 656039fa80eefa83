"""The quarterly progress report as data: each objective's RAG rating and what moved in a
quarter, for the Steering Group and the sponsor.

Quarter N is the Nth three months of the plan period (Q1 of 2026-27 is 2026-04..2026-06);
the report is as of the quarter's last day, or an earlier ``as_of``. Its month M is the
month of that day. For each objective:

- **done**: done, with ``done_on`` in the quarter and not after the day of the report (no
  ``done_on``: its window ends in the quarter);
- **due, not done**: planned, dated, and its window ends in the quarter, with its months
  overdue in M (``compute.due.months_overdue``);
- **moved**: has ``moved_to`` and is not cancelled, and its baseline or its new window ends
  in the quarter; ``slip`` is the new end minus the baseline end, in months;
- **next**: planned, dated, and its window ends in the next quarter.

A recurring milestone (``every`` or ``quarterly``) counts one occurrence at a time, each
as a milestone of its own month or quarter with the state its record gives
(``compute.record``): the report lists each occurrence of the quarter.

The computed rating, as of M. *Open*: planned, not ``ongoing``, not ``tbc``.

- ``complete``: every milestone that is not ongoing is done or cancelled, and at least
  one is done;
- ``red``: an open milestone is 3 or more months overdue, or was moved to end after the
  plan period;
- ``amber``: an open milestone is 1 or 2 months overdue, or was moved to end later than
  its baseline;
- ``green``: otherwise.

An officer's ``rag`` is the rating shown from its ``set_on`` day on (ignored in a report as
of an earlier day), *stale* when set more than three months before the report's day.

    >>> report = quarter_report(plan, 2, date(2026, 11, 30))   # doctest: +SKIP
    >>> report.summary                                          # doctest: +SKIP
    {'red': 14, 'amber': 2, 'green': 4, 'complete': 0}
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from npmplan.compute.due import months_overdue
from npmplan.compute.record import Entry, entries
from npmplan.compute.schedule import Row
from npmplan.model.dates import Month
from npmplan.model.plan import RATINGS, Milestone, Objective, Plan, Rating, StrategicObjective

STALE_AFTER = relativedelta(months=3)
RED_MONTHS = 3  # months overdue from which a milestone makes its objective red


@dataclass(frozen=True, slots=True)
class Quarter:
    number: int
    first: Month
    last: Month

    @property
    def first_day(self) -> date:
        return self.first.first_day()

    @property
    def last_day(self) -> date:
        return self.last.shift(1).first_day() - timedelta(days=1)

    def __contains__(self, month: object) -> bool:
        return isinstance(month, int) and self.first <= month <= self.last


def quarters(period: tuple[Month, Month]) -> list[Quarter]:
    """The plan period in threes (a period not a multiple of three ends with a short one)."""
    first, last = period
    return [Quarter(n + 1, Month(start), Month(min(start + 2, last)))
            for n, start in enumerate(range(first, last + 1, 3))]


def quarter_of(period: tuple[Month, Month], day: date) -> Quarter | None:
    month = Month.of(day.year, day.month)
    return next((q for q in quarters(period) if month in q), None)


def nearest_quarter(period: tuple[Month, Month], day: date) -> Quarter:
    """The quarter that holds ``day``; before the period the first, after it the last (for
    a spreadsheet made at any time of year)."""
    known = quarters(period)
    month = Month.of(day.year, day.month)
    return quarter_of(period, day) or (known[0] if month < period[0] else known[-1])


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
    next: list[ReportItem]


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


def computed_rag(milestones: list[Milestone], month: Month,
                 period_end: Month) -> tuple[Rating, str]:
    """The rating the rules give as of ``month`` to an objective's ``milestones`` (each
    occurrence of a series one of them), and why, in words."""
    counted = [m for m in milestones if m.effective.kind != "ongoing"]
    statuses = {m.status for m in counted}
    if statuses and statuses <= {"done", "cancelled"} and "done" in statuses:
        return "complete", "every dated milestone is done or cancelled"
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


def officer_rating(objective: Objective, as_of: date) -> Override | None:
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


def objective_report(row: Row, quarter: Quarter, following: Quarter | None, as_of: date,
                     period: tuple[Month, Month]) -> ObjectiveReport:
    strategic, objective = row
    month = Month.of(as_of.year, as_of.month)
    counted = entries(objective, period)
    computed, why = computed_rag([e.milestone for e in counted], month, period[1])
    override = officer_rating(objective, as_of)
    dated_open = [e for e in counted if is_open(e.milestone)]
    moved = [e for e in counted if e.milestone.moved_to is not None
             and e.milestone.status != "cancelled"
             and (_ends_in(e.milestone, quarter) or _baseline_ends_in(e.milestone, quarter))]
    return ObjectiveReport(
        strategic, objective, override.status if override else computed, computed, why,
        override,
        done=[_item(e, month) for e in counted if _done_in(e.milestone, quarter, as_of)],
        due_not_done=[_item(e, month) for e in dated_open if _ends_in(e.milestone, quarter)],
        moved=[_item(e, month, _slip(e.milestone)) for e in moved],
        next=[_item(e, month) for e in dated_open if _ends_in(e.milestone, following)],
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
                   undated: int = 0) -> QuarterReport:
    """The report of ``quarter`` as of ``report_day(quarter, as_of)``; ``plan`` is the plan
    as it stood that day (``compute.record.plan_as_of``), ``undated`` what it could not
    date."""
    day = report_day(quarter, as_of)
    following = next((q for q in quarters(plan.plan.period) if q.number == quarter.number + 1),
                     None)
    reports = [objective_report(row, quarter, following, day, plan.plan.period)
               for row in rows]
    strategic = [StrategicSummary(so, count_ratings([r for r in reports if r.strategic is so]))
                 for so in plan.strategic_objectives
                 if any(r.strategic is so for r in reports)]
    return QuarterReport(plan.plan.title, quarter, following, day, reports,
                         count_ratings(reports), strategic, undated)
