"""Property tests of the date forms (``dates``) and of the pure computations built on them
(``schedule.occurrences``, ``schedule.workload``), plus the hints shown for wrong forms."""

from __future__ import annotations

import itertools
import math
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from npmplan.compute.schedule import active_months, occurrences, recurs_in, row_total
from npmplan.compute.workload import month_loads as workload
from npmplan.model.dates import (
    FIRST_YEAR,
    LAST_YEAR,
    MAX_PERIOD_MONTHS,
    MONTH_NAMES,
    Month,
    PeriodTooLongError,
    ReversedRangeError,
    month_range,
    parse_day,
    parse_done_on,
    parse_month,
    parse_months,
    parse_period,
    parse_when,
)
from npmplan.model.plan import KINDS, Milestone, Plan

years = st.integers(FIRST_YEAR, LAST_YEAR - 11)  # room to shift ten years, still in range
numbers = st.integers(1, 12)
months = st.builds(Month.of, years, numbers)
NAMES = sorted(MONTH_NAMES)


def iso(month: Month) -> str:
    return f"{month.year:04d}-{month.number:02d}"


@st.composite
def any_case(draw: st.DrawFn, word: str) -> str:
    flips = draw(st.lists(st.booleans(), min_size=len(word), max_size=len(word)))
    return "".join(c.upper() if up else c.lower() for c, up in zip(word, flips, strict=True))


# --- months ---------------------------------------------------------------------------


@given(months)
def test_month_text_round_trips(month: Month) -> None:
    assert str(month) == iso(month)
    assert parse_month(str(month)) == month
    assert Month.of(month.year, month.number) == month


@given(years, st.sampled_from(NAMES), st.data())
def test_month_names_in_any_case_equal_the_iso_form(year: int, name: str,
                                                    data: st.DataObject) -> None:
    written = data.draw(any_case(name))
    number = MONTH_NAMES[name]
    assert parse_month(f"{written} {year}") == parse_month(f"{year:04d}-{number:02d}")
    assert str(parse_when(f"{written} {year}").first) == f"{year:04d}-{number:02d}"


@given(years, st.integers(13, 99) | st.just(0))
def test_month_13_and_00_do_not_exist(year: int, number: int) -> None:
    with pytest.raises(ValueError, match="does not exist"):
        parse_month(f"{year:04d}-{number:02d}")


@given(st.dates(date(FIRST_YEAR, 1, 1), date(LAST_YEAR - 1, 12, 31)))
def test_a_day_counts_in_its_month(day: date) -> None:
    when = parse_when(day.isoformat())
    assert when.kind == "day"
    assert when.day == day
    assert when.window() == (Month.of(day.year, day.month),) * 2
    assert parse_day(day.isoformat()) == day
    assert parse_done_on(day.isoformat()).window() == when.window()


# --- ranges ---------------------------------------------------------------------------


@given(months, st.integers(0, 120))
def test_range_is_inclusive_and_ordered(first: Month, gap: int) -> None:
    last = first.shift(gap)
    text = f"{first}..{last}"
    assert parse_months(text) == (first, last)
    if gap < MAX_PERIOD_MONTHS:
        assert parse_period(text) == (first, last)
    else:  # a plan covers at most 60 months
        with pytest.raises(PeriodTooLongError, match="at most 60 months"):
            parse_period(text)
    assert len(month_range(first, last)) == gap + 1
    assert month_range(first, last)[0] == first
    assert month_range(first, last)[-1] == last
    when = parse_when(text)
    assert (when.kind, when.window()) == ("range", (first, last))


@given(months, st.integers(1, 60))
def test_reversed_range_is_its_own_error(a: Month, gap: int) -> None:
    b = a.shift(gap)
    text = f"{b}..{a}"
    with pytest.raises(ReversedRangeError, match=f"{a}..{b}"):
        parse_months(text)
    with pytest.raises(ReversedRangeError):
        parse_when(text)
    assert issubclass(ReversedRangeError, ValueError)


@given(months)
def test_single_month_is_a_range_of_one(month: Month) -> None:
    assert parse_months(str(month)) == (month, month)
    assert parse_when(str(month)).kind == "month"


# --- quarters and seasons ---------------------------------------------------------------


@given(years, st.integers(1, 4), st.sampled_from(["Q", "q"]))
def test_quarter_is_three_months_from_3n_minus_2(year: int, n: int, q: str) -> None:
    when = parse_when(f"{year}-{q}{n}")
    assert when.kind == "quarter"
    window = when.window()
    assert window is not None
    assert window == (Month.of(year, 3 * n - 2), Month.of(year, 3 * n))
    assert [m.year for m in month_range(*window)] == [year] * 3


SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}


@given(years, st.sampled_from(sorted(SEASON_START)), st.data())
def test_season_is_three_months(year: int, season: str, data: st.DataObject) -> None:
    when = parse_when(f"{data.draw(any_case(season))} {year}")
    assert when.kind == "season"
    first = Month.of(year, SEASON_START[season])
    assert when.window() == (first, first.shift(2))


@given(years)
def test_winter_crosses_the_year_end(year: int) -> None:
    window = parse_when(f"winter {year}").window()
    assert window is not None
    assert [str(m) for m in month_range(*window)] == [
        f"{year}-12", f"{year + 1}-01", f"{year + 1}-02"]


@pytest.mark.parametrize("text", ["ongoing", "tbc", "Ongoing", "TBC", " tbc "])
def test_ongoing_and_tbc_carry_no_date(text: str) -> None:
    when = parse_when(text)
    assert when.kind == text.strip().lower()
    assert (when.dated, when.window()) == (False, None)


# --- every -----------------------------------------------------------------------------


@given(months, st.integers(0, 36), st.integers(1, 13))
def test_every_occurrences(start: Month, length: int, every: int) -> None:
    end = start.shift(length)
    milestone = Milestone.model_validate(
        {"what": "m", "when": f"{start}..{end}", "every": str(every)})
    found = occurrences(milestone, (start, end))
    assert len(found) == math.ceil((length + 1) / every)
    assert found[0] == start
    assert all(start <= m <= end for m in found)
    assert all(b - a == every for a, b in itertools.pairwise(found))


@given(months, st.integers(0, 12), st.integers(0, 12), st.integers(1, 4))
def test_every_follows_moved_to(start: Month, shift: int, length: int, every: int) -> None:
    moved = start.shift(shift)
    milestone = Milestone.model_validate({
        "what": "m", "when": f"{start}..{start.shift(length)}",
        "moved_to": f"{moved}..{moved.shift(length)}", "every": str(every)})
    period = (start, moved.shift(length))
    assert occurrences(milestone, period)[0] == moved
    assert len(occurrences(milestone, period)) == math.ceil((length + 1) / every)


@given(months, st.integers(0, 2000), st.integers(1, 13), st.integers(-60, 60), st.integers(0, 59))
def test_every_never_expands_beyond_the_period(start: Month, length: int, every: int,
                                               offset: int, period_length: int) -> None:
    """A window of centuries gives at most the period's months, in the window's own phase."""
    end = Month(min(start + length, Month.of(2999, 12)))
    milestone = Milestone.model_validate(
        {"what": "m", "when": f"{start}..{end}", "every": str(every)})
    period = (start.shift(offset), start.shift(offset + period_length))
    found = occurrences(milestone, period)
    expected = [m for m in range(start, end + 1, every) if period[0] <= m <= period[1]]
    assert found == expected
    assert len(found) <= period_length + 1
    assert all(recurs_in(milestone, m) for m in found)


# --- workload --------------------------------------------------------------------------

schedules = st.lists(st.dictionaries(st.integers(0, 13), st.sampled_from(KINDS)), max_size=8)


@pytest.mark.slow
@given(schedules)
def test_workload_sums_to_the_row_totals(rows: list[dict[int, str]]) -> None:
    first = Month.of(2026, 4)
    plan = Plan.model_validate({
        "version": "1",
        "plan": {"title": "t", "period": "2026-04..2027-03"},
        "strategic_objectives": [{"id": "1", "title": "s", "objectives": [
            {"id": f"1.{i}", "title": "o",
             "schedule": [{"months": str(first.shift(k)), "kind": kind}
                          for k, kind in sorted(cells.items()) if k < 12]}
            for i, cells in enumerate(rows)]}],
    })
    loads = workload(plan.months(), plan.objectives())
    assert [load.month for load in loads] == plan.months()
    assert sum(load.active for load in loads) == sum(row_total(o) for _, o in plan.objectives())
    for load in loads:
        assert sum(load.by_kind.values()) == load.active == len(load.ids)
        assert load.ids == [o.id for _, o in plan.objectives() if load.month in active_months(o)]


# --- hints: what to write instead -----------------------------------------------------------

HINTS = {
    "Jul 26": "2026-07",
    "Sep 26": "2026-09",
    "Sept '26": "2026-09",
    "09/2026": "2026-09",
    "2026/9": "2026-09",
    "September": "2026-09",
    "Q3 2026": "2026-Q3",
    "q1 2027": "2027-Q1",
    "June/July 2026": "2026-06..2026-07",
    "June to August 2026": "2026-06..2026-08",
    "December 2026 - February 2027": "2026-12..2027-02",
    "2026-06 to 2026-08": "2026-06..2026-08",
    "soon": "2026-Q3",  # the list of forms
}


@pytest.mark.parametrize("text, suggestion", HINTS.items(), ids=HINTS.keys())
def test_when_hint_suggests_the_plan_form(text: str, suggestion: str) -> None:
    with pytest.raises(ValueError, match="write") as info:
        parse_when(text)
    assert suggestion in str(info.value)


def test_month_hints() -> None:
    with pytest.raises(ValueError, match=r"^'Jul 26' is ambiguous: write 2026-07 for July 2026"):
        parse_month("Jul 26")
    with pytest.raises(ValueError, match="has no year"):
        parse_month("September")
    with pytest.raises(ValueError, match="has no day 30"):
        parse_day("2026-02-30")
    with pytest.raises(ValueError, match="must be a range of months"):
        parse_period("2026-04")
    with pytest.raises(ValueError, match="done_on is a day"):
        parse_done_on("someday")


def test_day_range_ending_before_it_starts_is_refused() -> None:
    with pytest.raises(ValueError):
        parse_months("2026-06-15..2026-06-01")
