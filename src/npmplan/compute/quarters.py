"""The plan's quarters: the Nth three months of the plan period (Q1 of 2026-27 is April to
June 2026), always named with their months, for the plan's ``YYYY-Qn`` is a calendar quarter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from npmplan.model.dates import Month
from npmplan.rules.problems import quoted


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

    @property
    def words(self) -> str:
        """``Q2, July to September 2026``: a plan quarter always with its months (the
        plan's ``2026-Q2`` is a calendar quarter, April to June)."""
        first, last = self.first_day, self.last_day
        span = f"{first:%B} to {last:%B %Y}" if first.year == last.year else \
            f"{first:%B %Y} to {last:%B %Y}"
        return f"Q{self.number}, {span}"


def quarters(period: tuple[Month, Month]) -> list[Quarter]:
    """The plan period in threes (a period not a multiple of three ends with a short one)."""
    first, last = period
    return [Quarter(n + 1, Month(start), Month(min(start + 2, last)))
            for n, start in enumerate(range(first, last + 1, 3))]


def quarter_named(period: tuple[Month, Month], text: str) -> Quarter:
    """The plan quarter ``text`` names: its number (the Nth three months of the period) or
    a month in it (2026-08); a ValueError that lists the quarters there are otherwise."""
    from npmplan.model.dates import parse_month

    known = quarters(period)
    listed = "; ".join(q.words for q in known)
    text = text.strip()
    if re.fullmatch(r"[+-]?[0-9]+", text):
        if text.isdigit() and len(text) < 4 and 1 <= int(text) <= len(known):
            return known[int(text) - 1]
        raise ValueError(f"the plan has quarters 1 to {len(known)}: {listed}")
    try:
        month = parse_month(text)
    except ValueError as exc:
        if re.search(r"[0-9]", text):  # a month written wrongly: its own words say how
            raise
        raise ValueError(f"{quoted(text)} is not a quarter: write its number, 1 to "
                         f"{len(known)}, or a month in it (YYYY-MM, e.g. "
                         f"{Month(known[-1].first)})") from exc
    found = next((q for q in known if month in q), None)
    if found is None:
        raise ValueError(f"{month.long()} is outside the plan period; its quarters are "
                         f"{listed}")
    return found


def quarter_of(period: tuple[Month, Month], day: date) -> Quarter | None:
    month = Month.of(day.year, day.month)
    return next((q for q in quarters(period) if month in q), None)


def nearest_quarter(period: tuple[Month, Month], day: date) -> Quarter:
    """The quarter that holds ``day``; before the period the first, after it the last (for
    a spreadsheet made at any time of year)."""
    known = quarters(period)
    month = Month.of(day.year, day.month)
    return quarter_of(period, day) or (known[0] if month < period[0] else known[-1])


def previous_quarter(period: tuple[Month, Month], quarter: Quarter) -> Quarter | None:
    return next((q for q in quarters(period) if q.number == quarter.number - 1), None)
