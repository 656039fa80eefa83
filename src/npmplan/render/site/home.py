"""The home page: the plan's title and period, headline figures, this month's stand-up (the
result ``npmplan due`` computes) and links to every other page."""

from __future__ import annotations

from npmplan.compute.due import FOLDABLE, DueItem
from npmplan.render.exports.html import SECTIONS
from npmplan.render.reports.report import counts_words
from npmplan.render.site.data import SiteData
from npmplan.render.site.layout import esc, scroll, tag


def home(data: SiteData, slugs: dict[str, str]) -> str:
    info = data.plan.plan
    parts = [f"<h1>{esc(info.title)}</h1>",
             f'<p class="lede">Plan period {info.period[0].long()} to '
             f"{info.period[1].long()}. "
             f"As of {data.as_of:%-d %B %Y}.</p>"]
    if info.source:
        parts.append(f'<p class="hint">Source: {esc(info.source)}</p>')
    parts += [_figures(data), _contents(data, slugs), _standup(data, slugs)]
    return "\n".join(parts)


def _figures(data: SiteData) -> str:
    work = data.calendar.workload
    due = data.due
    tiles = [(str(len(data.calendar.rows)), "objectives"),
             (str(work.total), "activity-months in the plan year"),
             (str(work.peak), "objectives active in the busiest month"),
             (str(len(due.sections["due"])), f"milestones due in {due.month.long()}"),
             (str(len(due.sections["overdue"])), "milestones overdue")]
    if data.quarters:
        latest = data.quarters[-1]
        tiles.append((f"Q{latest.quarter.number}",
                      f"ratings: {counts_words(latest.summary)}"))
    items = "".join(f"<li><b>{esc(value)}</b>{esc(words)}</li>" for value, words in tiles)
    return f'<h2>Headline figures</h2><ul class="figures">{items}</ul>'


def _contents(data: SiteData, slugs: dict[str, str]) -> str:
    reports = "".join(f'<li><a href="reports/q{r.quarter.number}.html">'
                      f"{esc(r.quarter.words)}</a></li>" for r in data.quarters)
    if not reports:
        reports = "<li>No quarter of the plan had begun by this day.</li>"
    groups = []
    for strategic in data.plan.strategic_objectives:
        links = "".join(f'<li><a href="objectives/{slugs[o.id]}.html">{esc(o.id)} '
                        f"{esc(o.title)}</a></li>" for o in strategic.objectives)
        groups.append(f"<h3>Strategic objective {esc(strategic.id)}: "
                      f'{esc(strategic.title)}</h3><ul class="items">{links}</ul>')
    return ('<h2>On this site</h2><ul class="items">'
            '<li><a href="calendar.html">Calendar of actions and monthly workload</a></li>'
            '<li><a href="accessibility.html">Accessibility statement</a></li></ul>'
            f'<h3>Quarterly progress reports</h3><ul class="items">{reports}</ul>'
            f'<h2>Objectives</h2>{"".join(groups)}')


def _standup(data: SiteData, slugs: dict[str, str]) -> str:
    """As ``npmplan due`` shows it: overdue, ongoing and to-be-confirmed folded (each
    objective's page lists its own in full), the rest in full."""
    due = data.due
    parts = [f"<h2>Stand-up for {esc(due.month.long())}</h2>",
             '<p class="hint">What is overdue, due, in progress and coming up, as '
             "<code>npmplan due</code> lists it. Each objective's page lists its overdue "
             "milestones in full.</p>"]
    for key, heading, _ in SECTIONS:
        items = due.next_month if key == "next_month" else due.sections.get(key, [])
        parts.append(f"<h3>{esc(heading)} ({len(items)})</h3>")
        if not items:
            parts.append('<p class="hint">None</p>')
        elif key == "overdue":
            parts.append(_overdue(data, slugs))
        elif key in FOLDABLE:
            parts.append(_objectives_of(items, slugs))
        else:
            rows = "".join(_due_row(item, key, slugs) for item in items)
            parts.append(scroll(heading, '<table><thead><tr><th scope="col">Objective</th>'
                                '<th scope="col">Milestone</th><th scope="col">When</th>'
                                f'<th scope="col">State</th></tr></thead><tbody>{rows}'
                                "</tbody></table>"))
    return "\n".join(parts)


def _overdue(data: SiteData, slugs: dict[str, str]) -> str:
    """One row per strategic objective: how many, in which objectives, the oldest."""
    titles = {so.id: so.title for so in data.plan.strategic_objectives}
    rows = "".join(
        f'<tr><th scope="row">{esc(group.strategic)} {esc(titles.get(group.strategic, ""))}'
        f'</th><td class="num">{group.count}</td><td>'
        + ", ".join(f'<a href="objectives/{slugs[ident]}.html">{esc(ident)}</a>'
                    + (f" ({count})" if count > 1 else "") for ident, count in group.objectives)
        + f"</td><td>{esc(group.oldest.long())}</td></tr>" for group in data.due.overdue_groups)
    return scroll("Overdue", '<table><caption class="vh">Overdue milestones by strategic '
                  'objective</caption><thead><tr><th scope="col">Strategic objective</th>'
                  '<th scope="col" class="num">Overdue</th><th scope="col">Objectives '
                  '(milestones)</th><th scope="col">Oldest due</th></tr></thead>'
                  f"<tbody>{rows}</tbody></table>")


def _objectives_of(items: list[DueItem], slugs: dict[str, str]) -> str:
    counts: dict[str, int] = {}
    for item in items:
        counts[item.objective.id] = counts.get(item.objective.id, 0) + 1
    links = ", ".join(f'<a href="objectives/{slugs[ident]}.html">{esc(ident)}</a>'
                      + (f" ({count})" if count > 1 else "") for ident, count in counts.items())
    return f"<p>In objectives {links}.</p>"


def _due_row(item: DueItem, section: str, slugs: dict[str, str]) -> str:
    milestone = item.milestone
    when = esc(milestone.effective.text)
    if milestone.moved_to is not None:
        when += f" (moved from {esc(milestone.when.text)})"
    late = item.months_overdue
    state = (tag("late", f"{late} month{'s' if late != 1 else ''} overdue")
             if section == "overdue" else tag("grey", milestone.status))
    ident = item.objective.id
    return (f'<tr><td><a href="objectives/{slugs[ident]}.html">{esc(ident)}</a></td>'
            f"<td>{esc(milestone.what)}</td><td>{when}</td><td>{state}</td></tr>")
