"""How a change between two versions of a plan is worded, the same in ``diff`` and in
``due --since``: a state with the day it dates, an occurrence's record, leads, a field."""

from __future__ import annotations

from datetime import date
from typing import Any

from npmplan.compute.diff import (
    FieldChange,
    FieldValue,
    LeadChange,
    OccurrenceChange,
    ScheduleChange,
)
from npmplan.model.dates import Month, When
from npmplan.model.plan import Milestone, Occurrence, Plan, Rag
from npmplan.render.tables import runs


def day_text(value: date | When | None) -> str | None:
    """A day as the plan wrote it (``done_on`` may be a month), or None."""
    if value is None:
        return None
    return value.text if isinstance(value, When) else value.isoformat()


def state_words(milestone: Milestone) -> str:
    """``done (2026-07-14)``: the status, with the day that dates it when the plan has it."""
    day = (milestone.done_on if milestone.status == "done" else
           milestone.cancelled_on if milestone.status == "cancelled" else None)
    return milestone.status + (f" ({day_text(day)})" if day is not None else "")


def occurrence_words(record: Occurrence | None) -> str:
    """``done (2026-07-14)``, ``moved to August 2026 (on 2026-06-30)``; no record is
    ``planned``."""
    if record is None:
        return "planned"
    day = (record.done_on if record.status == "done" else
           record.cancelled_on if record.status == "cancelled" else None)
    words = record.status + (f" ({day_text(day)})" if day is not None else "")
    if record.moved_to is not None:
        words = "moved to " + record.moved_to.long() + (
            f" (on {record.moved_on.isoformat()})" if record.moved_on else "") + (
            "" if record.status == "planned" else f", {words}")
    return words


def occurrence_line(change: OccurrenceChange) -> str:
    """``AI Task meeting, July 2026: planned → done (2026-07-14)``."""
    old, new = occurrence_change_words(change)
    return f"{change.milestone.what}, {change.month.long()}: {old} \u2192 {new}"


def occurrence_change_words(change: OccurrenceChange) -> tuple[str, str]:
    """Was and now; when only the note changed, the two notes, so that the change shows."""
    old, new = occurrence_words(change.old), occurrence_words(change.new)
    if old == new:
        old += f", note: {_note(change.old)}"
        new += f", note: {_note(change.new)}"
    return old, new


def _note(record: Occurrence | None) -> str:
    return f"\u201c{record.note}\u201d" if record is not None and record.note else "none"


def moved_on_words(milestone: Milestone) -> str:
    return f" (moved on {milestone.moved_on.isoformat()})" if milestone.moved_on else ""


def added_on_words(milestone: Milestone) -> str:
    return f", added on {milestone.added_on.isoformat()}" if milestone.added_on else ""


def team_names(*plans: Plan) -> dict[str, str]:
    return {member.id: member.name for plan in plans for member in plan.team}


def leads_words(leads: list[str], names: dict[str, str]) -> str:
    """``Martin Kettle (mk), Ana Ruiz (ar)``, or ``no lead``."""
    return ", ".join(f"{names[lead]} ({lead})" if lead in names else lead
                     for lead in leads) or "no lead"


def value_words(value: FieldValue) -> str:
    if value is None:
        return "none"
    if isinstance(value, Rag):
        return f"{value.status}" + (f", set on {value.set_on.isoformat()}"
                                    if value.set_on else "") + (
            f": {value.reason}" if value.reason else "")
    return value.text if isinstance(value, When) else str(value)


def field_words(change: FieldChange) -> tuple[str, str]:
    return value_words(change.old), value_words(change.new)


def value_json(value: FieldValue) -> Any:
    if isinstance(value, Rag):
        return {"status": value.status, "reason": value.reason,
                "set_on": day_text(value.set_on)}
    if isinstance(value, When):
        return value.text
    return value


def field_json(change: FieldChange) -> dict[str, Any]:
    out: dict[str, Any] = {"objective": change.objective}
    if change.what:
        out["what"] = change.what
    return out | {"field": change.field, "from": value_json(change.old),
                  "to": value_json(change.new)}


def lead_json(change: LeadChange) -> dict[str, Any]:
    return {"objective": change.objective, "from": change.old, "to": change.new}


def record_json(record: Occurrence | None) -> dict[str, Any]:
    if record is None:
        return {"status": "planned", "done_on": None, "cancelled_on": None,
                "moved_to": None, "moved_on": None, "note": None}
    return {"status": record.status, "done_on": day_text(record.done_on),
            "cancelled_on": day_text(record.cancelled_on),
            "moved_to": str(record.moved_to) if record.moved_to else None,
            "moved_on": day_text(record.moved_on), "note": record.note}


def occurrence_json(change: OccurrenceChange) -> dict[str, Any]:
    return {"objective": change.objective, "what": change.milestone.what,
            "month": str(change.month), "from": record_json(change.old),
            "to": record_json(change.new)}


def schedule_words(change: ScheduleChange) -> str:
    parts = []
    if change.added:
        parts.append(f"added {runs(change.added)}")
    if change.removed:
        parts.append(f"removed {runs(change.removed)}")
    pairs: dict[tuple[str, str], list[Month]] = {}
    for month, old, new in change.kinds:
        pairs.setdefault((old, new), []).append(month)
    parts += [f"{runs(months)} {old} \u2192 {new}" for (old, new), months in pairs.items()]
    return "; ".join(parts)


def schedule_json(change: ScheduleChange) -> dict[str, Any]:
    return {"objective": change.objective, "added": [str(m) for m in change.added],
            "removed": [str(m) for m in change.removed],
            "kind": [{"month": str(m), "from": old, "to": new} for m, old, new in change.kinds]}
