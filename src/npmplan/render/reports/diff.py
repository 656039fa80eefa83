"""``npmplan diff`` as text, markdown and json (the JSON shape is documented in
``npmplan.compute.diff``)."""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.text import Text

from npmplan.compute.diff import MilestoneChange, ObjectiveChange, PlanDiff, ScheduleChange
from npmplan.model.dates import Month
from npmplan.model.plan import Milestone
from npmplan.render.jsonfmt import json_text
from npmplan.render.tables import Section, md_table, plural, runs, signed, text_table
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
    return words


def status_words(milestone: Milestone) -> str:
    done_on = f" {milestone.done_on.text}" if milestone.done_on else ""
    return milestone.status + done_on


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


def diff_sections(diff: PlanDiff) -> list[Section]:
    labels = {obj.id: obj.row_label for _, obj in diff.old.objectives()}
    labels |= {obj.id: obj.row_label for _, obj in diff.new.objectives()}
    objective_head = ["Id", "Objective", "Strategic objective"]
    milestone_head = ["Id", "Milestone", "When", "Status"]
    sections = [
        Section("Objectives added", objective_head,
                [[c.objective.id, c.objective.row_label, c.strategic]
                 for c in diff.objectives_added]),
        Section("Objectives removed", objective_head,
                [[c.objective.id, c.objective.row_label, c.strategic]
                 for c in diff.objectives_removed]),
        Section("Milestones moved", ["Id", "Milestone", "Was", "Now", "Change"],
                [[c.objective, c.milestone.what, c.old.effective.text, c.new.effective.text,
                  move_words(c)] for c in diff.moved if c.old and c.new]),
        Section("Status changed", ["Id", "Milestone", "Was", "Now"],
                [[c.objective, c.milestone.what, status_words(c.old), status_words(c.new)]
                 for c in diff.status if c.old and c.new]),
        Section("Milestones added", milestone_head,
                [[c.objective, c.milestone.what, c.milestone.effective.text, c.milestone.status]
                 for c in diff.added]),
        Section("Milestones removed", milestone_head,
                [[c.objective, c.milestone.what, c.milestone.effective.text, c.milestone.status]
                 for c in diff.removed]),
        Section("Schedules changed", ["Id", "Objective", "Change"],
                [[c.objective, labels[c.objective], schedule_words(c)]
                 for c in diff.schedules]),
        Section("Workload (active objectives)", ["Month", "Was", "Now", "Change"],
                [[load.month.short(), str(load.old), str(load.new), signed(load.delta)]
                 for load in diff.workload], frozenset({1, 2, 3}), None),
    ]
    return [section for section in sections if section.rows]


NO_CHANGE = "No changes to objectives, milestones, schedules or workload."


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
            "status": milestone.status}


def _move_json(change: MilestoneChange) -> dict[str, Any]:
    assert change.old is not None and change.new is not None
    return {"objective": change.objective, "what": change.new.what,
            "from": change.old.effective.text, "to": change.new.effective.text,
            "months": change.months, "direction": change.direction,
            "when": change.new.when.text,
            "moved_to": change.new.moved_to.text if change.new.moved_to else None,
            "since_baseline": change.since_baseline}


def _status_json(change: MilestoneChange) -> dict[str, Any]:
    assert change.old is not None and change.new is not None
    return {"objective": change.objective, "what": change.new.what,
            "from": change.old.status, "to": change.new.status,
            "done_on": change.new.done_on.text if change.new.done_on else None}


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
                       "removed": [objective(c) for c in diff.objectives_removed]},
        "milestones": {"added": [_milestone_json(c) for c in diff.added],
                       "removed": [_milestone_json(c) for c in diff.removed],
                       "moved": [_move_json(c) for c in diff.moved],
                       "status": [_status_json(c) for c in diff.status]},
        "schedules": [{"objective": c.objective, "added": [str(m) for m in c.added],
                       "removed": [str(m) for m in c.removed],
                       "kind": [{"month": str(m), "from": old_kind, "to": new_kind}
                                for m, old_kind, new_kind in c.kinds]}
                      for c in diff.schedules],
        "workload": [{"month": str(c.month), "old": c.old, "new": c.new, "delta": c.delta}
                     for c in diff.workload],
    })


