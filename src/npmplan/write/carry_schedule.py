"""How ``npmplan new`` carries an objective's schedule (its row of the calendar) into the
new period, for the officers to review rather than redo.

- A span that reached the old period's end is work that goes on: it continues from the new
  period's start to the month it would end a period later (an all-year row stays
  all-year; a row that ran June to March runs April to March). The row's other spans,
  shifted, keep their months: the continuing span takes its own months a period on and
  the new period's first months up to the first month another span takes (May's
  production before June-March meetings: meetings in April, production in May, meetings
  from June; a gap between two other spans stays a gap).
- Every other span is shifted by the distance between the periods' starts (a year):
  August to December stays August to December.
- ``shift``: every span is shifted, the continuing one too (June to March stays June to
  March), for a plan whose rows each start afresh.

What falls outside the new period (a longer old period) is cut off.
"""

from __future__ import annotations

from npmplan.compute.schedule import kind_runs
from npmplan.model.dates import Month, month_range
from npmplan.model.plan import Kind, Span

Run = tuple[Month, Month, Kind]


def carry_schedule(spans: list[Span], old: tuple[Month, Month], new: tuple[Month, Month],
                   shift: bool = False) -> list[Run]:
    """The new period's schedule, as runs of one kind in month order."""
    distance = new[0] - old[0]
    cells: dict[Month, Kind] = {}
    continuing = [span for span in spans if span.months[1] >= old[1]] if not shift else []
    for span in spans:
        if span not in continuing:
            _put(cells, span.months[0].shift(distance), span.months[1].shift(distance),
                 span.kind, new)
    for span in continuing:  # at most one: spans of a row may not overlap
        # Its own months a period on, and the new period's first months up to the first
        # one another span takes (a gap between two other spans stays a gap).
        first_taken = min(cells, default=None)
        _put(cells, span.months[0].shift(distance), span.months[1].shift(distance),
             span.kind, new)
        _put(cells, new[0], Month(first_taken - 1) if first_taken else new[1], span.kind, new)
    return kind_runs(cells)


def _put(cells: dict[Month, Kind], first: Month, last: Month, kind: Kind,
         period: tuple[Month, Month]) -> None:
    for month in month_range(max(first, period[0]), min(last, period[1])):
        cells.setdefault(month, kind)
