"""``npmplan diff`` as text, markdown and json (the JSON shape is documented in
``npmplan.compute.diff``)."""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.text import Text

from npmplan.compute.diff import MilestoneChange, ObjectiveChange, PlanDiff
from npmplan.render.jsonfmt import json_text
from npmplan.render.reports.changes import (
    added_on_words,
    day_text,
    field_json,
    field_words,
    lead_json,
    leads_words,
    moved_on_words,
    occurrence_change_words,
    occurrence_json,
    schedule_json,
    schedule_words,
    state_words,
    team_names,
)
from npmplan.render.tables import Section, md_table, plural, signed, text_table
from npmplan.text import md, plain


def move_words(change: MilestoneChange) -> str:
    months = change.months
    if months is None:
        words = f"now {change.milestone.effective.kind}" if not change.milestone.effective.dated \
            else "now dated"
    elif months == 0:
        words = "window changed, same end month"
    else:
        words = f"{plural(abs(months), 'month')} {'later' if months > 0 else 'earlier'}"
    since = change.since_baseline
    if (change.new is not None and change.new.moved_to is not None and since is not None
            and since != months):
        words += f" ({signed(since)} on the baseline {change.new.when.text})"
    return words + (moved_on_words(change.new) if change.new is not None else "")


def diff_sections(diff: PlanDiff) -> list[Section]:
    labels = {obj.id: obj.row_label for _, obj in diff.old.objectives()}
    labels |= {obj.id: obj.row_label for _, obj in diff.new.objectives()}
    sections = [*_objective_sections(diff, labels), *_milestone_sections(diff),
        Section("Schedules changed", ["Id", "Objective", "Change"],
                [[c.objective, labels[c.objective], schedule_words(c)]
                 for c in diff.schedules]),
        Section("Workload (active objectives)", ["Month", "Was", "Now", "Change"],
                [[load.month.short(), str(load.old), str(load.new), signed(load.delta)]
                 for load in diff.workload], frozenset({1, 2, 3}), None),
    ]
    return [section for section in sections if section.rows]


def _objective_sections(diff: PlanDiff, labels: dict[str, str]) -> list[Section]:
    names = team_names(diff.old, diff.new)
    head = ["Id", "Objective", "Strategic objective"]
    return [
        Section("Objectives added", head,
                [[c.objective.id, c.objective.row_label, c.strategic]
                 for c in diff.objectives_added]),
        Section("Objectives removed", head,
                [[c.objective.id, c.objective.row_label, c.strategic]
                 for c in diff.objectives_removed]),
        Section("Objectives changed", ["Id", "Field", "Was", "Now"],
                [[c.objective, c.field, *field_words(c)] for c in diff.objective_fields],
                label=3),
        Section("Leads changed", ["Id", "Objective", "Was", "Now"],
                [[c.objective, labels[c.objective], leads_words(c.old, names),
                  leads_words(c.new, names)] for c in diff.leads]),
    ]


def _milestone_sections(diff: PlanDiff) -> list[Section]:
    head = ["Id", "Milestone", "When", "Status"]
    return [
        Section("Milestones moved", ["Id", "Milestone", "Was", "Now", "Change"],
                [[c.objective, c.milestone.what, c.old.effective.text, c.new.effective.text,
                  move_words(c)] for c in diff.moved if c.old and c.new]),
        Section("Status changed", ["Id", "Milestone", "Was", "Now"],
                [[c.objective, c.milestone.what, state_words(c.old), state_words(c.new)]
                 for c in diff.status if c.old and c.new]),
        Section("Occurrences changed", ["Id", "Milestone", "Month", "Was", "Now"],
                [[c.objective, c.milestone.what, c.month.long(), *occurrence_change_words(c)]
                 for c in diff.occurrences]),
        Section("Milestones changed", ["Id", "Milestone", "Field", "Was", "Now"],
                [[c.objective, c.what, c.field, *field_words(c)]
                 for c in diff.milestone_fields]),
        Section("Milestones added", head,
                [[c.objective, c.milestone.what, c.milestone.effective.text,
                  c.milestone.status + added_on_words(c.milestone)] for c in diff.added]),
        Section("Milestones removed", head,
                [[c.objective, c.milestone.what, c.milestone.effective.text,
                  state_words(c.milestone)] for c in diff.removed]),
    ]


NO_CHANGE = ("No changes to objectives, leads, ratings, milestones, occurrences, schedules "
             "or workload.")


def diff_heading(diff: PlanDiff) -> str:
    return f"Changes to the plan: {diff.new.plan.title}"


def text(diff: PlanDiff, width: int) -> RenderableType:
    old, new = diff.labels
    parts: list[RenderableType] = [plain(diff_heading(diff), "heading"),
                                   Text("from ", "muted") + plain(old, "muted"),
                                   Text("to   ", "muted") + plain(new, "muted")]
    for section in diff_sections(diff):
        parts += [Text(""), Text(f"{section.title} ({len(section.rows)})", style="heading"),
                  text_table(section, width)]
    if not diff.changed:
        parts += [Text(""), Text(NO_CHANGE)]
    return Group(*parts)


def markdown(diff: PlanDiff, width: int) -> str:
    old, new = diff.labels
    lines = [f"## {md(diff_heading(diff))}", "", f"From {md(old)} to {md(new)}."]
    for section in diff_sections(diff):
        lines += ["", f"### {section.title} ({len(section.rows)})", ""]
        lines += md_table(section.headers, section.rows)
    if not diff.changed:
        lines += ["", NO_CHANGE]
    return "\n".join(lines) + "\n"


def _milestone_json(change: MilestoneChange) -> dict[str, Any]:
    milestone = change.milestone
    return {"objective": change.objective, "what": milestone.what,
            "when": milestone.when.text,
            "moved_to": milestone.moved_to.text if milestone.moved_to else None,
            "status": milestone.status, "added_on": day_text(milestone.added_on)}


def _move_json(change: MilestoneChange) -> dict[str, Any]:
    assert change.old is not None and change.new is not None
    return {"objective": change.objective, "what": change.new.what,
            "from": change.old.effective.text, "to": change.new.effective.text,
            "months": change.months, "direction": change.direction,
            "when": change.new.when.text,
            "moved_to": change.new.moved_to.text if change.new.moved_to else None,
            "moved_on": day_text(change.new.moved_on), "since_baseline": change.since_baseline}


def _status_json(change: MilestoneChange) -> dict[str, Any]:
    assert change.old is not None and change.new is not None
    return {"objective": change.objective, "what": change.new.what,
            "from": change.old.status, "to": change.new.status,
            "done_on": day_text(change.new.done_on),
            "cancelled_on": day_text(change.new.cancelled_on)}


def as_json(diff: PlanDiff, width: int) -> str:
    old, new = diff.labels

    def objective(c: ObjectiveChange) -> dict[str, Any]:
        return {"id": c.objective.id, "title": c.objective.title,
                "strategic_objective": c.strategic}

    return json_text({
        "old": {"source": old, "plan": diff.old.plan.title},
        "new": {"source": new, "plan": diff.new.plan.title},
        "changed": diff.changed,
        "objectives": {"added": [objective(c) for c in diff.objectives_added],
                       "removed": [objective(c) for c in diff.objectives_removed],
                       "changed": [field_json(c) for c in diff.objective_fields]},
        "leads": [lead_json(c) for c in diff.leads],
        "milestones": {"added": [_milestone_json(c) for c in diff.added],
                       "removed": [_milestone_json(c) for c in diff.removed],
                       "moved": [_move_json(c) for c in diff.moved],
                       "status": [_status_json(c) for c in diff.status],
                       "changed": [field_json(c) for c in diff.milestone_fields]},
        "occurrences": [occurrence_json(c) for c in diff.occurrences],
        "schedules": [schedule_json(c) for c in diff.schedules],
        "workload": [{"month": str(c.month), "old": c.old, "new": c.new, "delta": c.delta}
                     for c in diff.workload],
    })


