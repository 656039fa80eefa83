"""``npmplan export json``: the whole plan, normalised and computed, for scripts.

The shape is documented in ``docs/export-json.md``; like the reports' JSON, keys may be added
but never renamed or removed. Every value is resolved: ids are text, months ``YYYY-MM``,
each ``when`` and ``moved_to`` is kept as written and resolved to its ``window``, absent
optional values are ``null`` (lists ``[]``), and keys come in a fixed order:

    {"what": "NPM Steering Group reviews and agrees draft risk register ...",
     "when": "summer 2026", "date_kind": "season", "moved_to": null,
     "window": ["2026-06", "2026-08"], "baseline_window": ["2026-06", "2026-08"],
     "day": null, "due": "2026-08", "every": null, "occurrences": [], "status": "planned",
     "done_on": null, "cancelled_on": null, "moved_on": null, "added_on": null, "note": null,
     "occurrence_records": []}
"""

from __future__ import annotations

from datetime import date
from typing import Any

from npmplan.compute.plan import ObjectiveFigures, PlanFigures
from npmplan.compute.schedule import occurrences
from npmplan.compute.workload import Workload
from npmplan.model.dates import Month, When
from npmplan.model.plan import Milestone, Objective, Occurrence, StrategicObjective
from npmplan.render.jsonfmt import json_text

EXPORT_VERSION = 1


def _window(when: When | None) -> list[str] | None:
    window = when.window() if when else None
    return [str(window[0]), str(window[1])] if window else None


def _resolved(when: When | None) -> str | None:
    """``done_on`` normalised: ``YYYY-MM-DD`` for a day, ``YYYY-MM`` for a month."""
    if when is None:
        return None
    return when.day.isoformat() if when.day else str(when.first)


def milestone(item: Milestone, period: tuple[Month, Month]) -> dict[str, Any]:
    effective = item.effective
    window = effective.window()
    return {
        "what": item.what,
        "when": item.when.text,
        "date_kind": effective.kind,
        "moved_to": item.moved_to.text if item.moved_to else None,
        "window": _window(effective),
        "baseline_window": _window(item.when),
        "day": effective.day.isoformat() if effective.day else None,
        "due": str(window[1]) if window and not item.every else None,
        "every": item.every,
        "occurrences": [str(m) for m in occurrences(item, period)],
        "status": item.status,
        "done_on": _resolved(item.done_on),
        "cancelled_on": _day(item.cancelled_on),
        "moved_on": _day(item.moved_on),
        "added_on": _day(item.added_on),
        "note": item.note,
        "occurrence_records": [_record(record) for record in item.occurrences],
    }


def _day(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _record(record: Occurrence) -> dict[str, Any]:
    """A meeting's record (``occurrences:`` in the plan): held, cancelled or moved."""
    return {"month": str(record.month), "status": record.status,
            "done_on": _resolved(record.done_on), "cancelled_on": _day(record.cancelled_on),
            "moved_to": str(record.moved_to) if record.moved_to else None,
            "moved_on": _day(record.moved_on), "note": record.note}


def objective(strategic: StrategicObjective, item: Objective, figures: ObjectiveFigures,
              period: tuple[Month, Month]) -> dict[str, Any]:
    return {
        "id": item.id,
        "strategic_objective": strategic.id,
        "title": item.title,
        "label": item.row_label,
        "priority": item.priority,
        "leads": list(item.leads),
        "rationale": item.rationale,
        "outcomes": list(item.outcomes),
        "outputs": [{"title": out.title, "web": out.web} for out in item.outputs],
        "schedule": [{"months": [str(span.months[0]), str(span.months[1])], "kind": span.kind}
                     for span in item.schedule],
        "active_months": {str(m): kind for m, kind in figures.cells.items()},
        "total": figures.total,
        "milestone_counts": {str(m): n for m, n in figures.milestones.items()},
        "milestones": [milestone(m, period) for m in item.milestones],
        "rag": None if item.rag is None else {
            "status": item.rag.status, "reason": item.rag.reason,
            "set_on": item.rag.set_on.isoformat() if item.rag.set_on else None},
        "commentary": [{"quarter": entry.quarter, "rag": entry.rag, "text": entry.text,
                        "next": entry.next, "written_on": _day(entry.written_on)}
                       for entry in item.commentary],
    }


def _workload(work: Workload) -> dict[str, Any]:
    return {
        "months": [{"month": str(load.month), "active": load.active,
                    "by_kind": dict(load.by_kind), "ids": list(load.ids),
                    "over_capacity": load.over}
                   for load in work.loads],
        "total": work.total,
        "capacity": work.capacity,
    }


def document(figures: PlanFigures) -> dict[str, Any]:
    plan = figures.plan
    info = plan.plan
    return {
        "export_version": EXPORT_VERSION,
        "version": plan.version,
        "plan": {
            "title": info.title,
            "organisation": info.organisation,
            "period": [str(info.period[0]), str(info.period[1])],
            "months": [str(m) for m in plan.months()],
            "source": info.source,
            "capacity": info.capacity,
            # The plan document's own text (export docx prints it), in the document's order.
            "introduction": info.introduction,
            "strategic_overview": info.strategic_overview,
            "functions": None if info.functions is None else info.functions.model_dump(),
            "context": info.context,
            "notes": info.notes,
        },
        "team": [{"id": m.id, "name": m.name, "role": m.role, "capacity": m.capacity}
                 for m in plan.team],
        "strategic_objectives": [{
            "id": so.id,
            "title": so.title,
            "functions": list(so.functions),
            "objectives": [objective(so, item, figures.objectives[item.id], plan.plan.period)
                           for item in so.objectives],
        } for so in plan.strategic_objectives],
        "workload": _workload(figures.workload),
    }


def plan_document(figures: PlanFigures) -> str:
    return json_text(document(figures))
