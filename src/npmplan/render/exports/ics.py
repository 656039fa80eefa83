"""``npmplan export ics``: the dated milestones as an RFC 5545 calendar (via ``icalendar``).

One all-day event per dated, not cancelled milestone, covering its window (the months of
``moved_to`` if set, else ``when``); DTEND is exclusive, the first day after the window:

    BEGIN:VEVENT
    SUMMARY:1.1 NPM social care standards published
    DTSTART;VALUE=DATE:20261101
    DTEND;VALUE=DATE:20261201
    DTSTAMP:20260401T000000Z
    UID:<sha1 hex>@npmplan
    ...

Decisions, and why:

- ``ongoing`` and ``tbc`` milestones have no date and cancelled ones do not happen: left out.
  Done ones stay, their SUMMARY starting "✓ Done:" (what every client shows, Outlook
  included) with the category "Done" and STATUS:CONFIRMED.
- A recurring milestone (``every``) is one event per occurrence, not an RRULE: each
  occurrence is a month, as in the calendar's milestone counts and ``due``; clients that
  do not expand RRULEs (and people reading the file) see every one; and one occurrence's
  UID survives a change to the others.
- UIDs come from what identifies a milestone, never from its position or the plan's title
  (a typo fixed in the title must not make every event new in a calendar that imported the
  file): the plan period, the objective id, the baseline ``when`` (as months, so ``Sep
  2026`` and ``2026-09`` are one baseline), the ``what`` text (spaces folded), the
  occurrence month of a recurring one, and a counter only for the second and later
  milestones of one objective with the same text and baseline. Reordering, replanning with
  ``moved_to``, a new status or note keep them; docs/commands.md lists what changes one.
- SEQUENCE (RFC 5545: it grows with each significant revision, so that a calendar that
  imported the file takes the new version over the old) is derived from the milestone
  itself, since the plan keeps no history: the number of days its dates have moved from
  the baseline (start and end, with ``moved_to``), plus 1 once it is done. So it grows as a
  milestone slips and when it is done; moving it back towards its baseline lowers it (a
  calendar that imported the file may then keep the later date: subscribe instead).
- DTSTAMP is required in a VEVENT; with no METHOD it stands for the last revision, which
  the plan file does not record. It is the first day of the plan period (00:00 UTC), so
  that two exports of one plan are byte-identical and only real changes show in a diff.
- Events are TRANSPARENT (and free for Outlook): a month-long milestone is a marker, not
  a meeting that makes anyone busy.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import icalendar

from npmplan import __version__
from npmplan.compute.schedule import Row, occurrences
from npmplan.model.dates import When
from npmplan.model.plan import Milestone, Objective, Plan, StrategicObjective
from npmplan.text import clean, one_line

DONE_PREFIX = "✓ Done: "


@dataclass(frozen=True, slots=True)
class Event:
    uid: str
    sequence: int
    start: date
    end: date  # exclusive
    summary: str
    description: str
    categories: list[str]
    done: bool


def calendar_ics(plan: Plan, rows: list[Row], filtered: str = "") -> str:
    """The calendar as text, CRLF line ends (write it with ``newline=""``)."""
    cal = icalendar.Calendar()
    cal.add("prodid", f"-//UK NPM Secretariat//npmplan {__version__}//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    name = one_line(plan.plan.title) + (f" ({filtered})" if filtered else "")
    cal.add("x-wr-calname", icalendar.vText(name))
    cal.add("x-wr-caldesc", icalendar.vText(_calendar_description(plan)))
    stamp = _stamp(plan)
    ical: bytes = cal.to_ical()
    head = ical.decode("utf-8")
    end = head.rindex("END:VCALENDAR")
    # The events are written here, byte for byte as icalendar writes them (a test compares
    # the two): through icalendar, 240,000 occurrences from a 1 MB plan took 54 s and 2 GB.
    body = "".join(vevent_text(event, stamp) for event in events(plan, rows))
    return head[:end] + body + head[end:]


_SPECIAL = re.compile(r"[\\;,\r\n]")


def _text(value: str) -> str:
    """RFC 5545 TEXT escaping, as ``icalendar`` does it (its order matters)."""
    if not _SPECIAL.search(value):
        return value
    return (value.replace(r"\N", "\n").replace("\\", "\\\\").replace(";", r"\;")
            .replace(",", r"\,").replace("\r\n", r"\n").replace("\n", r"\n")
            .replace("\r", r"\n"))


def fold(line: str) -> str:
    """A content line folded as ``icalendar`` folds it: parts under 75 octets, never
    splitting a UTF-8 character, and never leaving a backslash at the end of a part."""
    if line.isascii():  # one byte a character: parts of 74, by slicing
        return _fold_ascii(line)
    parts: list[str] = []
    current: list[str] = []
    size = 0
    for char in line:
        width = 1 if char < "\x80" else len(char.encode("utf-8"))
        if current and size + width >= 75:
            if len(current) > 1 and current[-1] in "\\^":
                carried = current.pop()
                parts.append("".join(current))
                current, size = [carried], len(carried.encode("utf-8"))
            else:
                parts.append("".join(current))
                current, size = [], 0
        current.append(char)
        size += width
    parts.append("".join(current))
    return "\r\n ".join(parts) + "\r\n"


def _fold_ascii(line: str) -> str:
    parts: list[str] = []
    start = 0
    while len(line) - start > 74:
        end = start + 74
        if line[end - 1] in "\\^":  # an escape's backslash goes with what it escapes
            end -= 1
        parts.append(line[start:end])
        start = end
    parts.append(line[start:])
    return "\r\n ".join(parts) + "\r\n"


def _day(day: date) -> str:
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"  # strftime costs 5 times more


@functools.lru_cache(maxsize=4)
def _stamp_line(stamp: datetime) -> str:
    return f"DTSTAMP:{stamp:%Y%m%dT%H%M%SZ}\r\n"


def vevent_text(event: Event, stamp: datetime) -> str:
    """One VEVENT, its properties in icalendar's order (canonical, then by name)."""
    lines = [
        "BEGIN:VEVENT\r\n",
        fold(f"SUMMARY:{_text(event.summary)}"),
        f"DTSTART;VALUE=DATE:{_day(event.start)}\r\n",
        f"DTEND;VALUE=DATE:{_day(event.end)}\r\n",
        _stamp_line(stamp),
        fold(f"UID:{_text(event.uid)}"),
        f"SEQUENCE:{event.sequence}\r\n",
        fold("CATEGORIES:" + ",".join(_text(c) for c in event.categories)),
        fold(f"DESCRIPTION:{_text(event.description)}"),
    ]
    if event.done:
        lines.append("STATUS:CONFIRMED\r\n")
    lines += ["TRANSP:TRANSPARENT\r\n", "X-MICROSOFT-CDO-ALLDAYEVENT:TRUE\r\n",
              "X-MICROSOFT-CDO-BUSYSTATUS:FREE\r\n", "END:VEVENT\r\n"]
    return "".join(lines)


def _calendar_description(plan: Plan) -> str:
    first, last = plan.plan.period
    who = f"{one_line(plan.plan.organisation)}: " if plan.plan.organisation else ""
    return f"{who}milestones of {one_line(plan.plan.title)}, {first.long()} to {last.long()}"


def _stamp(plan: Plan) -> datetime:
    start = plan.plan.period[0].first_day()
    return datetime(start.year, start.month, start.day, tzinfo=UTC)


def reference_vevent(event: Event, stamp: datetime) -> icalendar.Event:
    """The event as icalendar builds it: the reference ``vevent_text`` must equal (a test)."""
    vevent = icalendar.Event()
    vevent.add("uid", event.uid)
    vevent.add("sequence", event.sequence)
    vevent.add("dtstamp", stamp)
    vevent.add("dtstart", event.start)
    vevent.add("dtend", event.end)
    vevent.add("summary", event.summary)
    vevent.add("description", event.description)
    vevent.add("categories", event.categories)
    if event.done:
        vevent.add("status", "CONFIRMED")
    vevent.add("transp", "TRANSPARENT")
    vevent.add("x-microsoft-cdo-busystatus", "FREE")
    vevent.add("x-microsoft-cdo-alldayevent", "TRUE")
    return vevent


def events(plan: Plan, rows: list[Row]) -> list[Event]:
    """Every event, in plan order: objectives, their milestones, then occurrences."""
    out: list[Event] = []
    period = f"{plan.plan.period[0]}..{plan.plan.period[1]}"
    names = {member.id: member.name for member in plan.team}  # once, not once per milestone
    for strategic, objective in rows:
        seen: Counter[str] = Counter()
        for milestone in objective.milestones:
            if not milestone.when.dated and not milestone.effective.dated:
                continue  # ongoing or tbc: no event, and no baseline to name one by
            identity = f"{_baseline(milestone)}\x1f{one_line(milestone.what)}"
            seen[identity] += 1  # cancelled ones count too, so the others keep theirs
            if milestone.status == "cancelled" or not milestone.effective.dated:
                continue
            base = f"{period}\x1f{objective.id}\x1f{identity}"
            if seen[identity] > 1:
                base += f"\x1f#{seen[identity]}"
            out += _milestone_events(plan, strategic, objective, milestone, base, names)
    return out


def _baseline(milestone: Milestone) -> str:
    """The baseline ``when`` as months (and day): its spelling does not matter."""
    when = milestone.when
    if when.day is not None:
        return when.day.isoformat()
    window = when.window()
    return f"{window[0]}..{window[1]}" if window else when.kind


def _span(when: When) -> tuple[date, date]:
    """An all-day event's first day and the day after its last (DTEND is exclusive)."""
    if when.day is not None:
        return when.day, when.day + timedelta(days=1)
    window = when.window()
    assert window is not None  # only dated milestones reach here
    return window[0].first_day(), window[1].shift(1).first_day()


def sequence(milestone: Milestone) -> int:
    """Days moved from the baseline (start and end), plus 1 once done."""
    done = 1 if milestone.status == "done" else 0
    if milestone.moved_to is None or not milestone.when.dated or not milestone.moved_to.dated:
        return done
    (start, end), (was_start, was_end) = _span(milestone.moved_to), _span(milestone.when)
    return abs((start - was_start).days) + abs((end - was_end).days) + done


def _uid(base: str) -> str:
    return hashlib.sha1(base.encode("utf-8"), usedforsecurity=False).hexdigest() + "@npmplan"


def _milestone_events(plan: Plan, strategic: StrategicObjective, objective: Objective,
                      milestone: Milestone, base: str, names: dict[str, str]) -> list[Event]:
    summary = f"{objective.id} {one_line(milestone.what)}"
    done = milestone.status == "done"
    if done:
        summary = DONE_PREFIX + summary
    categories = [f"Objective {objective.id}"] + (["Done"] if done else [])
    about = _description(plan, strategic, objective, milestone, names)
    if milestone.every:
        months = occurrences(milestone, plan.plan.period)
        return [Event(_uid(f"{base}\x1f{month}"), 1 if done else 0, month.first_day(),
                      month.shift(1).first_day(), summary,
                      f"{about}\nOccurrence {n} of {len(months)}: {month.long()}",
                      [*categories, "Recurring"], done)
                for n, month in enumerate(months, start=1)]
    start, end = _span(milestone.effective)
    return [Event(_uid(base), sequence(milestone), start, end, summary, about, categories,
                  done)]


def _description(plan: Plan, strategic: StrategicObjective, objective: Objective,
                 milestone: Milestone, names: dict[str, str]) -> str:
    lines = [f"Objective {objective.id}: {one_line(objective.row_label)}"]
    if objective.label and one_line(objective.title) != one_line(objective.label):
        lines.append(one_line(objective.title))
    lines.append(f"Strategic objective {strategic.id}: {one_line(strategic.title)}")
    if milestone.moved_to is not None:
        lines.append(f"When: {one_line(milestone.moved_to.text)}, moved from the baseline "
                     f"{one_line(milestone.when.text)}")
    else:
        lines.append(f"When: {one_line(milestone.when.text)}")
    if milestone.every:
        lines.append(f"Recurs every {milestone.every} month(s)")
    done_on = f" on {milestone.done_on.text}" if milestone.done_on is not None else ""
    lines.append(f"Status: {milestone.status}{done_on}")
    if objective.priority:
        lines.append(f"Priority: {objective.priority}")
    if objective.leads:
        lines.append("Leads: " + ", ".join(one_line(names.get(i, i)) for i in objective.leads))
    if milestone.note:
        lines.append(f"Note: {clean(milestone.note).strip()}")
    return "\n".join(lines)
