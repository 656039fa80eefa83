"""The stable JSON shapes of ``--format json`` (spec: "JSON output"). Scripts depend on
these keys: add keys if needed, never rename or remove them."""

from __future__ import annotations

import json
from typing import Any

from npmplan.compute.schedule import CalendarRow, DueItem, DueReport, MonthLoad
from npmplan.model.plan import Plan


def dumps(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False)


def workload(plan: Plan, loads: list[MonthLoad]) -> dict[str, Any]:
    first, last = plan.plan.period
    return {
        "plan": plan.plan.title,
        "period": [str(first), str(last)],
        "months": [{"month": str(load.month), "active": load.active,
                    "by_kind": dict(load.by_kind), "ids": list(load.ids)} for load in loads],
        "total": sum(load.active for load in loads),
        "capacity": plan.plan.capacity,
    }


CALENDAR_VERSION = 1  # raised only when a key is renamed, removed or changes type


def calendar(plan: Plan, months: list[Any], rows: list[CalendarRow], loads: list[MonthLoad],
             filters: dict[str, str | None] | None = None) -> dict[str, Any]:
    """``filters``: strategic, priority, lead, from, to, each null when not used."""
    chosen = {key: (filters or {}).get(key) for key in ("strategic", "priority", "lead",
                                                         "from", "to")}
    return {
        "calendar_version": CALENDAR_VERSION,
        "plan": plan.plan.title,
        "filtered": any(value is not None for value in chosen.values()),
        "filters": chosen,
        "months": [str(m) for m in months],
        "rows": [{
            "id": row.objective.id,
            "label": row.objective.row_label,
            "strategic_objective": row.strategic.id,
            "priority": row.objective.priority,
            "cells": {str(m): kind for m, kind in row.cells.items()},
            "milestones": {str(m): n for m, n in sorted(row.milestones.items())},
            "total": row.total,
        } for row in rows],
        "workload": [load.active for load in loads],
        "total": sum(load.active for load in loads),
    }


def due_item(item: DueItem) -> dict[str, Any]:
    milestone = item.milestone
    return {
        "objective": item.objective.id,
        "what": milestone.what,
        "when": milestone.when.text,
        "moved_to": milestone.moved_to.text if milestone.moved_to else None,
        "window": [str(m) for m in item.window] if item.window else None,
        "status": milestone.status,
    }


def due(report: DueReport) -> dict[str, Any]:
    out: dict[str, Any] = {"month": str(report.month)}
    for name, items in report.sections.items():
        out[name] = [due_item(item) for item in items]
    out["next_month"] = [due_item(item) for item in report.next_month]
    return out
