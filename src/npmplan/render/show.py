"""``npmplan show ID``: one objective in full, as text, markdown or json."""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from npmplan.dates import Month
from npmplan.model import Milestone, Objective, StrategicObjective
from npmplan.render.glyphs import GLYPH, MILESTONE
from npmplan.render.safe import clean, md, plain
from npmplan.schedule import active_months, classify, milestone_counts, occurrences

WEB = "(web)"


def strip(objective: Objective, months: list[Month]) -> Text:
    """The schedule as one line, two characters a month: the kind's glyph, and a
    milestone mark in the second character where one is due."""
    cells = active_months(objective)
    marks = milestone_counts(objective)
    out = Text()
    for month in months:
        kind = cells.get(month)
        glyph, style = (GLYPH[kind], kind) if kind else ("·", "muted")
        out.append(glyph, style=style)
        if marks.get(month):
            out.append(MILESTONE, style="mark")
        else:
            out.append(glyph, style=style)
    out.append(f"  {months[0].short()} to {months[-1].short()}: {len(cells)} active months",
               style="muted")
    return out


def status_of(milestone: Milestone, objective: Objective, as_of: Month) -> str:
    """The milestone's status as a stand-up would say it on ``as_of``."""
    if milestone.status != "planned":
        return milestone.status + (f" {milestone.done_on.text}" if milestone.done_on else "")
    section = classify(milestone, objective, as_of)
    if section == "overdue":
        window = milestone.effective.window()
        late = as_of - window[1] if window else 0
        return f"OVERDUE by {late} month{'s' if late > 1 else ''}"
    return {"due": "due this month", "in_progress": "in progress"}.get(section or "", "planned")


def when_text(milestone: Milestone) -> str:
    parts = [milestone.effective.text]
    if milestone.every:
        parts.append(f"every {milestone.every} months ({len(occurrences(milestone))} times)")
    if milestone.moved_to is not None:
        parts.append(f"moved from {milestone.when.text}")
    return "; ".join(parts)


def text(so: StrategicObjective, objective: Objective, months: list[Month],
         as_of: Month) -> RenderableType:
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold", no_wrap=True)
    facts.add_column()
    facts.add_row("Strategic objective", plain(f"{so.id}: {so.title}"))
    facts.add_row("Functions", plain(", ".join(so.functions) or "not stated"))
    facts.add_row("Calendar label", plain(objective.row_label))
    facts.add_row("Priority", plain(objective.priority or "not stated"))
    facts.add_row("Leads", plain(", ".join(objective.leads) or "not stated"))
    facts.add_row("Schedule", strip(objective, months))
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
    parts += [Text(f"\nMilestones (as of {as_of.long()})", style="heading"),
              _milestones(objective, as_of)]
    return Group(*parts)


def _milestones(objective: Objective, as_of: Month) -> RenderableType:
    if not objective.milestones:
        return Text("none")
    table = Table(box=None, pad_edge=False, padding=(0, 1))
    table.add_column("#", no_wrap=True, justify="right")  # MATCH #N of done, move, cancel
    table.add_column("When", no_wrap=True)
    table.add_column("Milestone", ratio=1)
    table.add_column("Status", no_wrap=True)
    for number, milestone in enumerate(objective.milestones, 1):
        status = status_of(milestone, objective, as_of)
        table.add_row(f"#{number}", plain(when_text(milestone)), plain(milestone.what),
                      plain(status, "over" if status.startswith("OVERDUE") else ""))
    return table


def markdown(so: StrategicObjective, objective: Objective, as_of: Month) -> str:
    lines = [f"## {md(objective.id)} {md(objective.title)}", "",
             f"- **Strategic objective:** {md(so.id)}: {md(so.title)}",
             f"- **Functions:** {md(', '.join(so.functions) or 'not stated')}",
             f"- **Priority:** {md(objective.priority or 'not stated')}",
             f"- **Leads:** {md(', '.join(objective.leads) or 'not stated')}"]
    if objective.rationale:
        lines += ["", "### Rationale", "", clean(objective.rationale).strip()]
    if objective.outcomes:
        lines += ["", "### Outcomes", ""] + [f"- {md(o)}" for o in objective.outcomes]
    if objective.outputs:
        lines += ["", "### Outputs", ""] + [
            f"- {md(o.title)}{' ' + WEB if o.web else ''}" for o in objective.outputs]
    lines += ["", f"### Milestones (as of {as_of.long()})", "",
              "| # | When | Milestone | Status |", "|---|---|---|---|"]
    lines += [f"| #{n} | {md(when_text(m))} | {md(m.what)} | "
              f"{md(status_of(m, objective, as_of))} |"
              for n, m in enumerate(objective.milestones, 1)]
    return "\n".join(lines) + "\n"


def as_json(so: StrategicObjective, objective: Objective, as_of: Month) -> dict[str, Any]:
    return {
        "id": objective.id,
        "title": objective.title,
        "label": objective.row_label,
        "strategic_objective": {"id": so.id, "title": so.title, "functions": list(so.functions)},
        "priority": objective.priority,
        "leads": list(objective.leads),
        "rationale": objective.rationale,
        "outcomes": list(objective.outcomes),
        "outputs": [{"title": o.title, "web": o.web} for o in objective.outputs],
        "schedule": {str(m): kind for m, kind in active_months(objective).items()},
        "total": len(active_months(objective)),
        "milestones": [_milestone_json(m, objective, as_of) for m in objective.milestones],
    }


def _milestone_json(milestone: Milestone, objective: Objective, as_of: Month) -> dict[str, Any]:
    window = milestone.effective.window()
    return {
        "what": milestone.what,
        "when": milestone.when.text,
        "moved_to": milestone.moved_to.text if milestone.moved_to else None,
        "window": [str(m) for m in window] if window else None,
        "every": milestone.every,
        "occurrences": [str(m) for m in occurrences(milestone)],
        "status": milestone.status,
        "done_on": milestone.done_on.text if milestone.done_on else None,
        "note": milestone.note,
        "overdue": classify(milestone, objective, as_of) == "overdue",
    }
