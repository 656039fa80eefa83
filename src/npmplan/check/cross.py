"""Rules that span several fields of a valid model: references, overlaps, the period.

They run after pydantic in one pass, so that every problem is reported at once (a
model validator would report them in rounds). Each rule returns findings with the
``loc`` of the value concerned; the loader's position tree gives them lines.

Errors: ``duplicate-id``, ``unknown-lead``, ``schedule-overlap``, ``span-outside-period``,
``done-on-without-done``, ``cancelled-on-without-cancelled``, ``moved-on-without-moved-to``,
``occurrence-not-in-series``,
``every-without-range``, ``every-not-positive``,
``rag-incomplete``, ``too-many-occurrences``.
Warnings: ``milestone-outside-period``, ``milestone-off-schedule``, ``id-prefix``,
``over-capacity``, ``empty-schedule``, and, when the day is given, ``date-in-future``.

``check`` reads no clock: ``today`` is an argument (the CLI passes ``cli.dates.today()``),
and without it the rules that need the day do not run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from datetime import date

from npmplan.compute.schedule import (
    occurrence_count,
    occurrence_slot,
    quarterly,
    series_months,
)
from npmplan.model.dates import Month, When, range_text
from npmplan.model.plan import Milestone, Objective, Occurrence, Plan
from npmplan.rules import catalogue as rules
from npmplan.rules.problems import MAX_PER_RULE, Finding, Loc
from npmplan.rules.suggest import close_matches, listing


def check(plan: Plan, today: date | None = None) -> list[Finding]:
    findings: list[Finding] = []
    for finder in FINDERS:
        findings.extend(finder(plan))
    if today is not None:
        findings.extend(future_dates(plan, today))
    return findings


def _objectives(plan: Plan) -> Iterator[tuple[Loc, str, Objective]]:
    for i, so in enumerate(plan.strategic_objectives):
        for j, objective in enumerate(so.objectives):
            yield ("strategic_objectives", i, "objectives", j), so.id, objective


def duplicate_ids(plan: Plan) -> Iterator[Finding]:
    members: dict[str, str] = {}
    for i, member in enumerate(plan.team):
        if member.id in members:
            yield rules.DUPLICATE_ID.finding(("team", i, "id"),
                          f"the team id '{member.id}' is already used by {members[member.id]}; "
                          "give each team member their own id (leads name them by it)")
        else:
            members[member.id] = f"'{member.name}'"
    seen: dict[str, str] = {}
    for i, so in enumerate(plan.strategic_objectives):
        entries: list[tuple[Loc, str, str]] = [
            (("strategic_objectives", i), so.id, f"strategic objective '{so.title}'")]
        entries += [(("strategic_objectives", i, "objectives", j), obj.id,
                     f"objective '{obj.title}'") for j, obj in enumerate(so.objectives)]
        for loc, ident, name in entries:
            if ident in seen:
                yield rules.DUPLICATE_ID.finding((*loc, "id"),
                              f"the id '{ident}' is already used by {seen[ident]}; "
                              "give each objective its own id")
            else:
                seen[ident] = name


def id_prefixes(plan: Plan) -> Iterator[Finding]:
    for loc, so_id, objective in _objectives(plan):
        if not objective.id.startswith(f"{so_id}."):
            yield rules.ID_PREFIX.finding((*loc, "id"),
                          f"objective id '{objective.id}' does not begin with '{so_id}.', the "
                          f"id of its strategic objective; renumber it (e.g. {so_id}.1) or "
                          "move it under the right strategic objective")


def unknown_leads(plan: Plan) -> Iterator[Finding]:
    team = list(dict.fromkeys(member.id for member in plan.team))
    members = set(team)  # a lookup per lead: 30,000 members cost no more than 3
    found = 0
    for loc, _, objective in _objectives(plan):
        for k, lead in enumerate(objective.leads):
            if lead not in members:
                found += 1  # past the listed ones, the finding is only counted: no search
                close = close_matches(lead, team) if found <= MAX_PER_RULE else []
                hint = f"did you mean '{close[0]}'? " if close else ""
                known = (f"use one of the team ids ({listing(team)})" if team
                         else "the plan has no team")
                yield rules.UNKNOWN_LEAD.finding((*loc, "leads", k),
                              f"lead '{lead}' is not in the team; {hint}{known}, or add "
                              f"'{lead}' under 'team:'")


def schedules(plan: Plan) -> Iterator[Finding]:
    first, last = plan.plan.period
    for loc, _, objective in _objectives(plan):
        taken: dict[Month, int] = {}
        for k, span in enumerate(objective.schedule):
            where = (*loc, "schedule", k)
            start, end = span.months
            if start < first or end > last:
                yield rules.SPAN_OUTSIDE_PERIOD.finding(where,
                              f"the schedule span {range_text(start, end)} goes outside the plan "
                              f"period {range_text(first, last)}; keep it within the period")
            # Only the period's months are looked at: a span of 1900-01..2999-12 is reported
            # above, not expanded into 13,200 months.
            inside = range(max(start, first), min(end, last) + 1)
            shared = [m for m in inside if m in taken]
            if shared:
                other = objective.schedule[taken[Month(shared[0])]].months
                yield rules.SCHEDULE_OVERLAP.finding(where,
                              f"the span {range_text(start, end)} shares "
                              f"{range_text(Month(shared[0]), Month(shared[-1]))} with the span "
                              f"{range_text(*other)}; each month can be in one span only, so "
                              "shorten one of them")
            for month in inside:
                taken.setdefault(Month(month), k)


def milestones(plan: Plan) -> Iterator[Finding]:
    period = plan.plan.period
    for loc, _, objective in _objectives(plan):
        active = {m: kind for m, kind in _active_in(objective, period)}
        for k, milestone in enumerate(objective.milestones):
            yield from _milestone(milestone, (*loc, "milestones", k), period, active,
                                  objective.id)


def _milestone(milestone: Milestone, loc: Loc, period: tuple[Month, Month],
               active: Mapping[Month, str], objective_id: str) -> Iterator[Finding]:
    yield from _dates_of_state(milestone, loc)
    yield from _occurrences(milestone, loc, period)
    if milestone.every is not None:
        if milestone.every < 1:
            yield rules.EVERY_NOT_POSITIVE.finding((*loc, "every"),
                          "every must be 1 or more (1 = every month, 2 = every other month)")
        key = "moved_to" if milestone.moved_to is not None else "when"
        if milestone.effective.kind != "range":
            yield rules.EVERY_WITHOUT_RANGE.finding((*loc, key),
                          f"every needs a range of months in {key}, such as "
                          f"2026-05..2027-03, not '{milestone.effective}'")
    outside = False
    for key in ("when", "moved_to"):
        when = getattr(milestone, key)
        window = when.window() if when is not None else None
        if window and (window[0] < period[0] or window[1] > period[1]):
            outside = True
            yield rules.MILESTONE_OUTSIDE_PERIOD.finding((*loc, key),
                          f"'{when}' lies outside the plan period {range_text(*period)}; check "
                          "the date, or move the milestone to the plan of that year")
    window = milestone.effective.window()
    # Outside the period it is off the schedule too, and with no schedule at all every
    # milestone is: one warning (milestone-outside-period, empty-schedule) says it.
    if (window and not outside and active and milestone.status != "cancelled"
            and not any(window[0] <= m <= window[1] for m in active)):
        yield rules.MILESTONE_OFF_SCHEDULE.finding((*loc, "when"),
                      f"the milestone '{milestone.what}' ({range_text(*window)}) falls in no "
                      "month of its objective's schedule; extend the schedule (npmplan schedule "
                      f"{objective_id} --add {range_text(*window)}) or check the date")


def _dates_of_state(record: Milestone | Occurrence, loc: Loc) -> Iterator[Finding]:
    """Each ``..._on`` day belongs to the state it dates."""
    if record.done_on is not None and record.status != "done":
        yield rules.DONE_ON_WITHOUT_DONE.finding((*loc, "done_on"),
                      "done_on is set but the status is not done; add 'status: done' "
                      "or remove done_on")
    if record.cancelled_on is not None and record.status != "cancelled":
        yield rules.CANCELLED_ON_WITHOUT_CANCELLED.finding((*loc, "cancelled_on"),
                      "cancelled_on is set but the status is not cancelled; add 'status: "
                      "cancelled' or remove cancelled_on")
    if record.moved_on is not None and record.moved_to is None:
        yield rules.MOVED_ON_WITHOUT_MOVE.finding((*loc, "moved_on"),
                      "moved_on is set but there is no moved_to; add the month it moved to "
                      "(moved_to: 2026-12) or remove moved_on")


def _occurrences(milestone: Milestone, loc: Loc,
                 period: tuple[Month, Month]) -> Iterator[Finding]:
    """Each record names an occurrence of its series, once."""
    if not milestone.occurrences:
        return
    series = series_months(milestone, period)
    seen: dict[Month, Month] = {}
    for k, record in enumerate(milestone.occurrences):
        where = (*loc, "occurrences", k)
        yield from _dates_of_state(record, where)
        if series is None:
            yield rules.OCCURRENCE_NOT_IN_SERIES.finding((*where, "month"),
                          f"'{milestone.what}' does not recur (it has no 'every' and its "
                          "when is not 'quarterly'), so it has no occurrences; record its "
                          "state on the milestone itself (status, done_on)")
            return
        slot = occurrence_slot(milestone, record.month, period)
        if slot is None:
            yield rules.OCCURRENCE_NOT_IN_SERIES.finding((*where, "month"), _not_in_series(
                milestone, record.month, series, period))
        elif slot in seen:
            first = seen[slot]
            twice = (f"{record.month} is recorded twice" if first == record.month else
                     f"{first} and {record.month} are in one quarter "
                     f"({range_text(slot, Month(slot + 2))}), which has one occurrence")
            yield rules.OCCURRENCE_NOT_IN_SERIES.finding(
                (*where, "month"), f"{twice}; keep one record for it")
        else:
            seen[slot] = record.month


def _not_in_series(milestone: Milestone, month: Month, series: list[Month],
                   period: tuple[Month, Month]) -> str:
    if quarterly(milestone):
        return (f"{month} is outside the plan period {range_text(*period)}; a quarterly "
                "milestone has one occurrence in each quarter of the period: name a month "
                "within it")
    return (f"{month} is not an occurrence of '{milestone.what}'; its occurrences are "
            f"{_listed(series)}: use one of these months")


def _listed(months: list[Month]) -> str:
    shown = ", ".join(str(m) for m in months[:12])
    return shown + (f" and {len(months) - 12} more" if len(months) > 12 else "") if months \
        else "none in the plan period"


def rag_ratings(plan: Plan) -> Iterator[Finding]:
    """A RAG rating is a judgement: it needs its reason and the day it was made."""
    for loc, _, objective in _objectives(plan):
        rag = objective.rag
        if rag is None:
            continue
        missing = [key for key in ("reason", "set_on") if getattr(rag, key) is None]
        if missing:
            yield rules.RAG_INCOMPLETE.finding(
                (*loc, "rag"), f"the RAG rating '{rag.status}' of {objective.id} has no "
                f"{' and no '.join(missing)}; write e.g. rag: {{status: {rag.status}, "
                "reason: \"why\", set_on: 2026-10-05}, or remove rag to use the "
                "computed rating")


def commentary(plan: Plan) -> Iterator[Finding]:
    """Each commentary entry names a quarter of the plan period, once; a ``rag:`` block
    can move into the log (it is still read as before)."""
    from npmplan.compute.quarters import quarter_of, quarters

    count = len(quarters(plan.plan.period))
    for loc, _, objective in _objectives(plan):
        seen: set[int] = set()
        for index, entry in enumerate(objective.commentary):
            where = (*loc, "commentary", index, "quarter")
            if not 1 <= entry.quarter <= count:
                yield rules.COMMENT_QUARTER.finding(
                    where, f"{objective.id}'s commentary is for quarter {entry.quarter}, but "
                    f"the plan period {range_text(*plan.plan.period)} has quarters 1 to "
                    f"{count}; write the quarter it is about")
            elif entry.quarter in seen:
                yield rules.COMMENT_QUARTER.finding(
                    where, f"{objective.id} has two commentary entries for quarter "
                    f"{entry.quarter}; keep one (npmplan comment replaces a quarter's entry)")
            seen.add(entry.quarter)
        rag = objective.rag
        if rag is not None and rag.set_on is not None and rag.reason is not None:
            found = quarter_of(plan.plan.period, rag.set_on)
            number = found.number if found is not None else 1
            yield rules.RAG_INTO_COMMENTARY.finding(
                (*loc, "rag"), f"{objective.id}'s rag: can move into its commentary log, "
                f"with the commentary and next steps the report shows beside it: npmplan "
                f"comment {objective.id} --quarter {number} --rag {rag.status} --text "
                "\"...\" (then remove rag:)")


def _active_in(objective: Objective, period: tuple[Month, Month]) -> Iterator[tuple[Month, str]]:
    """The schedule's months within ``period`` (spans outside it are errors of their own)."""
    for span in objective.schedule:
        start, end = span.months
        for month in range(max(start, period[0]), min(end, period[1]) + 1):
            yield Month(month), span.kind


# A plan's recurring milestones happen at most this many times in its period: a real plan
# has dozens; each occurrence is an event in every export (ics, mermaid, json).
MAX_OCCURRENCES = 100_000


def occurrence_total(plan: Plan) -> Iterator[Finding]:
    total = 0
    for loc, _, objective in _objectives(plan):
        for k, milestone in enumerate(objective.milestones):
            total += occurrence_count(milestone, plan.plan.period)
            if total > MAX_OCCURRENCES:
                yield rules.TOO_MANY_OCCURRENCES.finding((*loc, "milestones", k, "every"),
                              f"with this one, the recurring milestones happen more than "
                              f"{MAX_OCCURRENCES:,} times in the plan period, more than a plan "
                              "holds; check 'every' and the ranges of months, or split the plan")
                return


def capacity(plan: Plan) -> Iterator[Finding]:
    limit = plan.plan.capacity
    if limit is None:
        return
    # Here, not at the top: a plan without a capacity (the shipped one) needs no workload.
    from npmplan.compute.workload import month_loads

    for load in month_loads(plan.months(), plan.objectives(), limit):
        if load.over:
            yield rules.OVER_CAPACITY.finding(("plan", "capacity"),
                          f"{load.month} has {load.active} active "
                          f"{'activity' if load.active == 1 else 'activities'}, over the "
                          f"capacity of {limit}; move or drop some work in that month")


def empty_schedules(plan: Plan) -> Iterator[Finding]:
    """A half-made plan (``npmplan new --empty-schedules``) must not look finished."""
    example = range_text(*plan.plan.period)
    for loc, _, objective in _objectives(plan):
        if not objective.schedule:
            key = "schedule" if "schedule" in objective.model_fields_set else "id"
            yield rules.EMPTY_SCHEDULE.finding(
                (*loc, key), f"objective '{objective.id}' has no months in its schedule, so "
                "it has no cells in the calendar and counts in no month's workload; add its "
                f"months, e.g. schedule: [{example}]")


# What each day records, and what to write instead of a day after today.
_DATED = {
    "done_on": ("the day it was done", "write the day it happened, or keep it planned until "
                "it is done"),
    "cancelled_on": ("the day it was cancelled", "write the day it was called off, or keep it "
                     "planned until then"),
    "moved_on": ("the day it was moved", "write the day the move was decided"),
    "added_on": ("the day it was added", "write the day it was added to the plan"),
}


def future_dates(plan: Plan, today: date) -> Iterator[Finding]:
    """A day records what happened, so it cannot be after today: one that is is a slip of
    the year or month, or a milestone marked done ahead of time. A warning: the plan still
    reads, and every report works."""
    for loc, _, objective in _objectives(plan):
        rag = objective.rag
        if rag is not None and rag.set_on is not None and rag.set_on > today:
            yield rules.DATE_IN_FUTURE.finding(
                (*loc, "rag", "set_on"), f"set_on {rag.set_on.isoformat()} is after today "
                f"({today.isoformat()}), but the day the rating was set cannot be in the "
                "future; write the day it was set")
        for n, entry in enumerate(objective.commentary):
            if entry.written_on > today:
                yield rules.DATE_IN_FUTURE.finding(
                    (*loc, "commentary", n, "written_on"), f"written_on "
                    f"{entry.written_on.isoformat()} is after today ({today.isoformat()}), but "
                    "the day the commentary was written cannot be in the future; write the "
                    "day it was written")
        for k, milestone in enumerate(objective.milestones):
            where = (*loc, "milestones", k)
            yield from _future_days(milestone, where, today, "")
            for n, record in enumerate(milestone.occurrences):
                yield from _future_days(record, (*where, "occurrences", n), today,
                                        f" of the {record.month.long()} occurrence")


def _future_days(record: Milestone | Occurrence, loc: Loc, today: date,
                 which: str) -> Iterator[Finding]:
    for key, (what, fix) in _DATED.items():
        value: When | date | None = getattr(record, key, None)
        if value is not None and _after(value, today):
            text = value.text.strip() if isinstance(value, When) else value.isoformat()
            yield rules.DATE_IN_FUTURE.finding(
                (*loc, key), f"{key} {text}{which} is after today ({today.isoformat()}), "
                f"but {what} cannot be in the future; {fix}")


def _after(value: When | date, today: date) -> bool:
    """A day after today; a month (``done_on: 2026-12``) only once the whole month is."""
    if isinstance(value, date):
        return value > today
    if value.day is not None:
        return value.day > today
    return value.first is not None and value.first > Month.of(today.year, today.month)


# The cross-field finders, in the order they run (each names the rules it reports).
FINDERS: tuple[Callable[[Plan], Iterator[Finding]], ...] = (
    duplicate_ids, id_prefixes, unknown_leads, schedules, milestones, rag_ratings,
    commentary, occurrence_total, capacity, empty_schedules,
)
