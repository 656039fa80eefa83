"""An objective's page: what it is for (rationale, outcomes, outputs), its schedule row,
its milestones with their state and dates as of the site's day, and its rating in each
quarter so far."""

from __future__ import annotations

from npmplan.compute.calendar import CalendarRow
from npmplan.compute.report import ObjectiveReport, QuarterReport
from npmplan.compute.show import MilestoneState, Show
from npmplan.model.dates import range_text
from npmplan.model.plan import KINDS
from npmplan.render.glyphs import NAME
from npmplan.render.reports.report import rating_note, trend_words
from npmplan.render.reports.show import status_words, when_words
from npmplan.render.site.calendar import month_cell
from npmplan.render.site.layout import (
    bullet_list,
    esc,
    rating_tag,
    scroll,
    summary_list,
    tag,
)
from npmplan.text import clean


def objective_page(show: Show, row: CalendarRow | None,
                   ratings: list[tuple[QuarterReport, ObjectiveReport]]) -> str:
    so, objective = show.strategic, show.objective
    facts = [("Strategic objective", esc(f"{so.id}: {so.title}")),
             ("Functions", esc(", ".join(so.functions) or "not stated")),
             ("Priority", esc(objective.priority or "not stated")),
             ("Leads", esc(", ".join(objective.leads) or "not stated")),
             ("Calendar label", esc(objective.row_label))]
    parts = [f"<h1>{esc(objective.id)} {esc(objective.title)}</h1>", summary_list(facts)]
    if objective.rationale:
        parts.append("<h2>Rationale</h2>" + prose(objective.rationale))
    parts.append("<h2>Outcomes</h2>" + bullet_list(list(objective.outcomes)))
    outputs = [o.title + (" (hosted on the website)" if o.web else "")
               for o in objective.outputs]
    parts.append("<h2>Outputs</h2>" + bullet_list(outputs))
    parts += [_schedule(show, row), _milestones(show), _ratings(ratings)]
    if objective.footnotes:
        parts.append("<h2>Notes</h2>" + "".join(f"<p>{esc(n)}</p>" for n in objective.footnotes))
    return "\n".join(parts)


def prose(text: str) -> str:
    """The plan's prose: paragraphs, and lines that start with "- " as a list (as the plan
    document prints them)."""
    out = []
    for paragraph in clean(text).split("\n\n"):
        lines = [line.strip() for line in paragraph.splitlines() if line.strip()]
        words = [line for line in lines if not line.startswith("- ")]
        items = [line[2:] for line in lines if line.startswith("- ")]
        if words:
            out.append(f"<p>{esc(' '.join(words))}</p>")
        if items:
            out.append(bullet_list(items))
    return "".join(out)


def _schedule(show: Show, row: CalendarRow | None) -> str:
    if not show.cells:
        return '<h2>Schedule</h2><p class="hint">No months are scheduled.</p>'
    spans = []
    for kind in KINDS:
        months = sorted(m for m, k in show.cells.items() if k == kind)
        if months:
            spans.append(f"{NAME[kind]}: {', '.join(m.short() for m in months)}")
    cells = "".join(
        f'<td class="m{" k-" + show.cells[m] if m in show.cells else ""}">'
        f'{month_cell(show.cells.get(m), show.marks.get(m, 0))}</td>' for m in show.months)
    heads = "".join(f'<th scope="col" class="num"><abbr title="{m.long()}">{m.short()}'
                    "</abbr></th>" for m in show.months)
    total = row.total if row is not None else show.total
    first, last = min(show.cells), max(show.cells)
    return (f"<h2>Schedule</h2><p>{esc(range_text(first, last))}: {total} active "
            f"month{'s' if total != 1 else ''}.</p>" + bullet_list(spans)
            + scroll("Schedule row", '<table class="calendar"><caption>Its row of the '
                     f"calendar of actions</caption><thead><tr>{heads}</tr></thead><tbody><tr>"
                     f"{cells}</tr></tbody></table>"))


def _milestones(show: Show) -> str:
    head = f"<h2>Milestones as of {esc(show.as_of.long())}</h2>"
    if not show.milestones:
        return head + '<p class="hint">None</p>'
    rows = "".join(_milestone(state) for state in show.milestones)
    return head + scroll("Milestones", '<table><thead><tr><th scope="col" class="num">#</th>'
                         '<th scope="col">Milestone</th><th scope="col">When</th>'
                         f'<th scope="col">State</th></tr></thead><tbody>{rows}</tbody>'
                         "</table>")


def _milestone(state: MilestoneState) -> str:
    words = status_words(state)
    css = ("late" if state.months_overdue else "green" if state.milestone.status == "done"
           else "grey")
    note = state.milestone.note
    extra = f'<br><span class="hint">{esc(note)}</span>' if note else ""
    return (f'<tr><td class="num">{state.number}</td><td>{esc(state.milestone.what)}{extra}'
            f"</td><td>{esc(when_words(state))}</td><td>{tag(css, words)}</td></tr>")


def _ratings(ratings: list[tuple[QuarterReport, ObjectiveReport]]) -> str:
    head = "<h2>Rating in each quarter so far</h2>"
    if not ratings:
        return head + '<p class="hint">No quarter of the plan had begun by this day.</p>'
    rows = "".join(
        f'<tr><th scope="row"><a href="../reports/q{report.quarter.number}.html">'
        f"{esc(report.quarter.words)}</a></th><td>{rating_tag(entry.rag)}</td>"
        f"<td>{esc(rating_note(entry))}</td><td>{esc(trend_words(entry))}</td></tr>"
        for report, entry in ratings)
    return head + scroll("Ratings", '<table><thead><tr><th scope="col">Quarter</th>'
                         '<th scope="col">Rating</th><th scope="col">What it rests on</th>'
                         f'<th scope="col">Trend</th></tr></thead><tbody>{rows}</tbody>'
                         "</table>")
