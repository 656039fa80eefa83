"""Tracking over the year: ``diff``, ``status`` and ``workload --by`` as text, markdown, json.

The diff is laid out once, as sections of rows of plain strings (``diff_sections``), and
drawn twice: as rich tables for a terminal and as markdown tables for Steering Group
papers. Plan text is data: rich gets it as ``Text`` (never markup), markdown gets it
escaped. The JSON shapes are documented in ``history``, ``progress`` and ``breakdown``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from npmplan.breakdown import Breakdown
from npmplan.breakdown import Group as LoadGroup
from npmplan.dates import Month
from npmplan.history import MilestoneChange, ObjectiveChange, PlanDiff, ScheduleChange
from npmplan.model import Milestone
from npmplan.progress import StatusReport, Tally
from npmplan.render.glyphs import OVER
from npmplan.render.safe import one_line, plain

BAR = 8
MIN_LABEL = 12
LABEL = 60  # the widest a column of plan text gets; longer text ends in an ellipsis
MINUS = "\u2212"


def md(text: str) -> str:
    """Plan text inside markdown: one line, and nothing read as markup or a table edge."""
    return re.sub(r"([\\`*_\[\]<>|#~])", r"\\\1", one_line(text))


def md_table(headers: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    return lines + ["| " + " | ".join(md(cell) for cell in row) + " |" for row in rows]


def fitted(headers: list[str], rows: list[list[Text]], width: int, label: int | None = 1,
           right: frozenset[int] = frozenset(), **options: Any) -> Table:
    """A table for a terminal ``width`` wide: every column keeps its full width but column
    ``label`` (plan text), which gets what is left, at least MIN_LABEL and at most LABEL
    characters, and ends in an ellipsis when cut."""
    widths = [max([len(header.split("\n")[0])] + [row[i].cell_len for row in rows])
              for i, header in enumerate(headers)]
    fixed = sum(w for i, w in enumerate(widths) if i != label) + 2 * len(headers)
    if label is not None:
        widths[label] = max(MIN_LABEL, min(LABEL, widths[label], width - fixed))
    table = Table(**options)
    for i, header in enumerate(headers):
        table.add_column(header, justify="right" if i in right else "left", no_wrap=True,
                         overflow="ellipsis", width=widths[i])
    for row in rows:
        table.add_row(*row)
    return table


def text_table(section: Section, width: int) -> Table:
    """A borderless table of plain strings (the diff's sections)."""
    rows = [[plain(cell) for cell in row] for row in section.rows]
    return fitted(section.headers, rows, width, section.label, section.right, box=None,
                  pad_edge=False, padding=(0, 1), header_style="muted")


def runs(months: list[Month]) -> str:
    """``2026-07..2026-09, 2026-12``: consecutive months as ranges."""
    ordered = sorted(months)
    parts: list[str] = []
    start = 0
    for i, month in enumerate(ordered):
        if i + 1 == len(ordered) or ordered[i + 1] != month + 1:
            first = ordered[start]
            parts.append(str(first) if first == month else f"{first}..{month}")
            start = i + 1
    return ", ".join(parts)


def signed(number: int) -> str:
    return f"+{number}" if number > 0 else f"{MINUS}{-number}" if number < 0 else "0"


def plural(number: int, word: str) -> str:
    return f"{number} {word}{'' if number == 1 else 's'}"


# --- diff -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Section:
    title: str
    headers: list[str]
    rows: list[list[str]]
    right: frozenset[int] = frozenset()  # columns of numbers
    label: int | None = 1  # the column of plan text, cut to fit


def when_text(milestone: Milestone) -> str:
    return milestone.effective.text


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
                [[c.objective, c.milestone.what, when_text(c.old), when_text(c.new),
                  move_words(c)] for c in diff.moved if c.old and c.new]),
        Section("Status changed", ["Id", "Milestone", "Was", "Now"],
                [[c.objective, c.milestone.what, status_words(c.old), status_words(c.new)]
                 for c in diff.status if c.old and c.new]),
        Section("Milestones added", milestone_head,
                [[c.objective, c.milestone.what, when_text(c.milestone), c.milestone.status]
                 for c in diff.added]),
        Section("Milestones removed", milestone_head,
                [[c.objective, c.milestone.what, when_text(c.milestone), c.milestone.status]
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


def diff_text(diff: PlanDiff, old: str, new: str, width: int) -> RenderableType:
    parts: list[RenderableType] = [plain(diff_heading(diff), "heading"),
                                   Text("from ", "muted") + plain(old, "muted"),
                                   Text("to   ", "muted") + plain(new, "muted")]
    for section in diff_sections(diff):
        parts += [Text(""), Text(f"{section.title} ({len(section.rows)})", style="heading"),
                  text_table(section, width)]
    if not diff.changed:
        parts += [Text(""), Text(NO_CHANGE)]
    return Group(*parts)


def diff_markdown(diff: PlanDiff, old: str, new: str) -> str:
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


def diff_json(diff: PlanDiff, old: str, new: str) -> dict[str, Any]:
    def objective(c: ObjectiveChange) -> dict[str, Any]:
        return {"id": c.objective.id, "title": c.objective.title,
                "strategic_objective": c.strategic}

    return {
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
    }


# --- status ---------------------------------------------------------------------------


def bar(share: float | None) -> str:
    if share is None:
        return "\u2013" + " " * (BAR - 1)
    filled = round(share * BAR)
    return "\u2588" * filled + "\u2591" * (BAR - filled)


def delivered(tally: Tally) -> str:
    if tally.share is None:
        return f"{bar(None)} none due"
    return f"{bar(tally.share)} {tally.delivered}/{tally.due} {tally.share:.0%}"


def status_cells(tally: Tally) -> list[str]:
    return [str(tally.done), str(tally.planned), str(tally.overdue), str(tally.cancelled),
            delivered(tally), str(tally.slip)]


STATUS_HEAD = ["Id", "Objective", "Done", "Planned", "Overdue", "Cancelled", "Delivered",
               "Slip"]


def status_heading(report: StatusReport, title: str) -> str:
    return f"Status of {title} as of {report.as_of.day} {report.as_of:%B %Y}"


def status_legend(report: StatusReport) -> str:
    return (f"Delivered: done / due, where due means dated, not recurring, not cancelled and "
            f"due by the end of {report.month.long()}. Overdue: planned, with a window that "
            f"ended before {report.month.long()}. Slip: months by which moved milestones now "
            "end after their baseline (later moves only).")


def status_text(report: StatusReport, title: str, width: int) -> RenderableType:
    rows: list[list[Text]] = []
    for group in report.strategic:
        rows.append([plain(group.strategic.id, "heading"),
                     plain(group.strategic.title, "heading"),
                     *(Text(cell, style="heading") for cell in status_cells(group.tally))])
        for item in group.objectives:
            cells = [plain(cell) for cell in status_cells(item.tally)]
            cells[2].stylize("over" if item.tally.overdue else "")
            rows.append([plain(item.objective.id), plain(item.objective.row_label),
                         *cells])
    rows.append([Text(""), Text("Total", style="heading"),
                 *(Text(cell, style="heading") for cell in status_cells(report.total))])
    table = fitted(STATUS_HEAD, rows, width, right=frozenset({2, 3, 4, 5, 7}), box=None,
                   pad_edge=False, header_style="heading", title_justify="left",
                   title=plain(status_heading(report, title)), title_style="heading")
    return Group(table, Text(status_legend(report), style="muted"))


def status_markdown(report: StatusReport, title: str) -> str:
    rows = []
    for group in report.strategic:
        rows.append([f"{group.strategic.id}", group.strategic.title,
                     *status_cells(group.tally)])
        rows += [[item.objective.id, item.objective.row_label, *status_cells(item.tally)]
                 for item in group.objectives]
    rows.append(["", "Total", *status_cells(report.total)])
    lines = [f"## {md(status_heading(report, title))}", ""]
    lines += md_table(STATUS_HEAD, rows)
    return "\n".join([*lines, "", md(status_legend(report))]) + "\n"


def tally_json(tally: Tally) -> dict[str, Any]:
    return {"done": tally.done, "planned": tally.planned, "overdue": tally.overdue,
            "cancelled": tally.cancelled, "total": tally.total, "due": tally.due,
            "delivered": tally.delivered,
            "share": round(tally.share, 4) if tally.share is not None else None,
            "slip": tally.slip, "moved": tally.moved}


def status_json(report: StatusReport, title: str) -> dict[str, Any]:
    """``{"plan", "as_of", "month", "strategic_objectives": [{"id", "title", **counts,
    "objectives": [{"id", "label", **counts}]}], "total": counts}``; counts are
    done, planned, overdue, cancelled, total, due, delivered, share (0-1 or null), slip,
    moved (see ``progress``)."""
    return {
        "plan": title, "as_of": report.as_of.isoformat(), "month": str(report.month),
        "strategic_objectives": [
            {"id": g.strategic.id, "title": g.strategic.title, **tally_json(g.tally),
             "objectives": [{"id": o.objective.id, "label": o.objective.row_label,
                             **tally_json(o.tally)} for o in g.objectives]}
            for g in report.strategic],
        "total": tally_json(report.total),
    }


# --- workload --by --------------------------------------------------------------------

BY_NAME = {"lead": "lead", "strategic": "strategic objective", "priority": "priority"}


def breakdown_heading(result: Breakdown, title: str) -> str:
    without = (f", without {result.without_priority} objectives"
               if result.without_priority else "")
    return f"Workload by {BY_NAME[result.by]}{without}: {title}"


def breakdown_legend(result: Breakdown) -> str:
    lines = [f"Each cell counts the objectives active in the month, per {BY_NAME[result.by]}."]
    if result.by == "lead":
        lines.append("An objective with several leads counts for each; the last row counts it "
                     f"once. {OVER} marks a month over the person's capacity.")
    if result.without_priority:
        dropped = ", ".join(result.dropped) or "none"
        lines.append(f"Left out ({result.without_priority}): {dropped}.")
    return " ".join(lines)


def _group_name(group: LoadGroup) -> str:
    return group.name + (f" (capacity {group.capacity})" if group.capacity is not None else "")


def breakdown_text(result: Breakdown, title: str, width: int) -> RenderableType:
    headers = [BY_NAME[result.by].capitalize(),
               *(f"{m.short()[:3]}\n{m.year % 100:02d}" for m in result.months), "Total"]
    rows = [[plain(_group_name(group)),
             *(Text(f"{group.count(m)}{OVER}", style="over") if group.over(m)
               else Text(str(group.count(m))) for m in result.months),
             Text(str(group.total))] for group in result.groups]
    rows.append([Text("All objectives", style="heading"),
                 *(Text(str(load.active), style="heading") for load in result.loads),
                 Text(str(sum(load.active for load in result.loads)), style="heading")])
    table = fitted(headers, rows, width, label=0, right=frozenset(range(1, len(headers))),
                   box=None, pad_edge=False, header_style="heading",
                   title=plain(breakdown_heading(result, title)),
                   title_justify="left", title_style="heading")
    return Group(table, Text(breakdown_legend(result), style="muted"))


def breakdown_markdown(result: Breakdown, title: str) -> str:
    head = [BY_NAME[result.by].capitalize(), *(m.short() for m in result.months), "Total"]
    rows = [[_group_name(g), *(f"{g.count(m)}{OVER if g.over(m) else ''}"
                               for m in result.months), str(g.total)] for g in result.groups]
    rows.append(["All objectives", *(str(load.active) for load in result.loads),
                 str(sum(load.active for load in result.loads))])
    lines = [f"## {md(breakdown_heading(result, title))}", "", *md_table(head, rows)]
    return "\n".join([*lines, "", md(breakdown_legend(result))]) + "\n"


def breakdown_json(result: Breakdown, title: str) -> dict[str, Any]:
    """``{"plan", "by", "without_priority", "dropped": [id], "months": [month],
    "groups": [{"id" (null: no lead / not stated), "name", "capacity", "months": {month: n},
    "over": [month], "ids": {month: [id]}, "total"}], "workload": [n per month]}``."""
    return {
        "plan": title, "by": result.by, "without_priority": result.without_priority,
        "dropped": list(result.dropped), "months": [str(m) for m in result.months],
        "groups": [{"id": g.key, "name": g.name, "capacity": g.capacity,
                    "months": {str(m): g.count(m) for m in result.months},
                    "over": [str(m) for m in g.over_months()],
                    "ids": {str(m): list(g.ids[m]) for m in result.months},
                    "total": g.total} for g in result.groups],
        "workload": [load.active for load in result.loads],
    }
