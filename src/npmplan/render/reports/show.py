"""``npmplan show ID``: one objective in full, as text, markdown or json."""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from npmplan.compute.show import MilestoneState, OccurrenceState, Show
from npmplan.render.glyphs import GLYPH, MILESTONE
from npmplan.render.jsonfmt import json_text
from npmplan.render.tables import LARGE, fitted
from npmplan.text import clean, md, plain

WEB = "(web)"


def strip(show: Show) -> Text:
    """The schedule as one line, two characters a month: the kind's glyph, and a
    milestone mark in the second character where one is due."""
    out = Text()
    for month in show.months:
        kind = show.cells.get(month)
        glyph, style = (GLYPH[kind], kind) if kind else ("·", "muted")
        out.append(glyph, style=style)
        if show.marks.get(month):
            out.append(MILESTONE, style="mark")
        else:
            out.append(glyph, style=style)
    out.append(f"  {show.months[0].short()} to {show.months[-1].short()}: {show.total} "
               "active months", style="muted")
    return out


def status_words(state: MilestoneState) -> str:
    """The milestone's state as a stand-up would say it; a series' by its occurrences."""
    milestone = state.milestone
    if state.states and milestone.status == "planned":
        return series_words(state)
    if milestone.status != "planned":
        return milestone.status + (f" {milestone.done_on.text}" if milestone.done_on else "")
    if state.section == "overdue":
        late = state.months_overdue
        return f"OVERDUE by {late} month{'s' if late > 1 else ''}"
    if milestone.every or milestone.effective.kind == "quarterly":
        return "recurring this month" if state.section == "recurring" else "recurring"
    return {"due": "due this month", "in_progress": "in progress"}.get(state.section or "",
                                                                        "planned")


def series_words(state: MilestoneState) -> str:
    """``2 held, 1 cancelled, 1 OVERDUE, this month's open, 3 to come``."""
    held = sum(o.milestone.status == "done" for o in state.states)
    cancelled = sum(o.milestone.status == "cancelled" for o in state.states)
    overdue = sum(o.section == "overdue" for o in state.states)
    now = [o for o in state.states if o.section == "recurring"]
    past = held + cancelled + overdue + len(now)
    parts = [f"{held} held" if held else "", f"{cancelled} cancelled" if cancelled else "",
             f"{overdue} OVERDUE" if overdue else "",
             ("this month's " + ("held" if now[0].milestone.status == "done" else "open"))
             if now else "",
             f"{len(state.states) - past} to come" if len(state.states) > past else ""]
    return ", ".join(part for part in parts if part) or "recurring"


def when_words(state: MilestoneState) -> str:
    milestone = state.milestone
    parts = [milestone.effective.text]
    if milestone.every:
        parts.append(f"every {milestone.every} months ({len(state.occurrences)} times)")
    if milestone.moved_to is not None:
        parts.append(f"moved from {milestone.when.text}")
    return "; ".join(parts)


def text(show: Show, width: int) -> RenderableType:
    so, objective = show.strategic, show.objective
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold", no_wrap=True)
    facts.add_column()
    facts.add_row("Strategic objective", plain(f"{so.id}: {so.title}"))
    facts.add_row("Functions", plain(", ".join(so.functions) or "not stated"))
    facts.add_row("Calendar label", plain(objective.row_label))
    facts.add_row("Priority", plain(objective.priority or "not stated"))
    facts.add_row("Leads", plain(", ".join(objective.leads) or "not stated"))
    facts.add_row("Schedule", strip(show))
    parts: list[RenderableType] = [
        plain(f"{objective.id} {objective.title}", "heading"), facts]
    if objective.rationale:
        parts += [Text("\nRationale", style="heading"), Text(clean(objective.rationale).strip())]
    if objective.outcomes:
        parts += [Text("\nOutcomes", style="heading")]
        parts += [plain(f"- {o}") for o in objective.outcomes]
    if objective.outputs:
        parts += [Text("\nOutputs", style="heading")]
        parts += [plain(f"- {o.title}{' ' + WEB if o.web else ''}") for o in objective.outputs]
        if any(o.web for o in objective.outputs):
            parts.append(Text(f"{WEB} = hosted on the NPM website", style="muted"))
    parts += [Text(f"\nMilestones (as of {show.as_of.long()})", style="heading"),
              _milestones(show, width)]
    return Group(*parts)


def _milestones(show: Show, width: int) -> RenderableType:
    if not show.milestones:
        return Text("none")
    rows = [[Text(f"#{state.number}"), plain(when_words(state)), plain(state.milestone.what),
             plain(status_words(state), "over" if state.months_overdue else "")]
            for state in show.milestones]
    if len(rows) > LARGE:  # one line each, text cut to fit: rich's wrapping costs ~1 ms a row
        return fitted(["#", "When", "Milestone", "Status"], rows, width, label=2,
                      right=frozenset({0}), box=None, padding=(0, 1))
    table = Table(box=None, pad_edge=False, padding=(0, 1))
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("When", no_wrap=True)
    table.add_column("Milestone", ratio=1)
    table.add_column("Status", no_wrap=True)
    for state in show.milestones:
        status = status_words(state)
        table.add_row(f"#{state.number}", plain(when_words(state)),
                      plain(state.milestone.what),
                      plain(status, "over" if state.months_overdue else ""))
    return table


def markdown(show: Show, width: int) -> str:
    so, objective = show.strategic, show.objective
    lines = [f"## {md(objective.id)} {md(objective.title)}", "",
             f"- **Strategic objective:** {md(so.id)}: {md(so.title)}",
             f"- **Functions:** {md(', '.join(so.functions) or 'not stated')}",
             f"- **Priority:** {md(objective.priority or 'not stated')}",
             f"- **Leads:** {md(', '.join(objective.leads) or 'not stated')}"]
    if objective.rationale:
        lines += ["", "### Rationale", "", md(clean(objective.rationale).strip())]
    if objective.outcomes:
        lines += ["", "### Outcomes", ""] + [f"- {md(o)}" for o in objective.outcomes]
    if objective.outputs:
        lines += ["", "### Outputs", ""] + [
            f"- {md(o.title)}{' ' + WEB if o.web else ''}" for o in objective.outputs]
    lines += ["", f"### Milestones (as of {show.as_of.long()})", "",
              "| # | When | Milestone | Status |", "|--:|---|---|---|"]
    lines += [f"| {s.number} | {md(when_words(s))} | {md(s.milestone.what)} "
              f"| {md(status_words(s))} |" for s in show.milestones]
    return "\n".join(lines) + "\n"


def as_json(show: Show, width: int) -> str:
    so, objective = show.strategic, show.objective
    return json_text({
        "id": objective.id,
        "title": objective.title,
        "label": objective.row_label,
        "strategic_objective": {"id": so.id, "title": so.title, "functions": list(so.functions)},
        "priority": objective.priority,
        "leads": list(objective.leads),
        "rationale": objective.rationale,
        "outcomes": list(objective.outcomes),
        "outputs": [{"title": o.title, "web": o.web} for o in objective.outputs],
        "schedule": {str(m): kind for m, kind in show.cells.items()},
        "total": show.total,
        "milestones": [_milestone_json(s) for s in show.milestones],
    })


def _milestone_json(state: MilestoneState) -> dict[str, Any]:
    milestone = state.milestone
    return {
        "number": state.number,
        "what": milestone.what,
        "when": milestone.when.text,
        "moved_to": milestone.moved_to.text if milestone.moved_to else None,
        "window": [str(m) for m in state.window] if state.window else None,
        "every": milestone.every,
        "occurrences": [str(m) for m in state.occurrences],
        "occurrence_states": [_occurrence_json(o) for o in state.states],
        "status": milestone.status,
        "done_on": milestone.done_on.text if milestone.done_on else None,
        "note": milestone.note,
        "overdue": state.section == "overdue",
        "months_overdue": state.months_overdue,
    }


def _occurrence_json(state: OccurrenceState) -> dict[str, Any]:
    milestone = state.milestone
    return {"occurrence": str(state.month),
            "window": [str(m) for m in milestone.effective.window() or ()],
            "status": milestone.status,
            "done_on": milestone.done_on.text if milestone.done_on else None,
            "cancelled_on": (milestone.cancelled_on.isoformat() if milestone.cancelled_on
                             else None),
            "overdue": state.section == "overdue", "months_overdue": state.months_overdue}
