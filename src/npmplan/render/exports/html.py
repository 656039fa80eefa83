"""``npmplan export html``: one self-contained page for Steering Group papers.

The calendar appendix as a coloured Gantt grid, the monthly workload as a bar chart, and
the due list of one month, with a legend. Everything is inline (CSS only: no script, no
font, image or style from the network), so the file can be mailed or attached as it is.
Each kind of month has a colour *and* a pattern (solid, stripes, dots), so the page reads
printed in greyscale too. It prints on A4 landscape (``@page``), the calendar on the first
page; on a 1280 px screen the grid fits without scrolling (fixed table layout, long labels
cut with "…" and shown whole in their ``title``). All plan text goes through
:func:`text`, which escapes it (``html.escape``) after dropping control characters.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date

from npmplan import __version__
from npmplan.compute.calendar import CalendarRow
from npmplan.compute.due import DueItem, DueReport
from npmplan.compute.wording import when_words
from npmplan.compute.workload import Workload
from npmplan.model.dates import Month
from npmplan.model.plan import KINDS, Plan
from npmplan.render.exports.html_style import CSS
from npmplan.render.glyphs import MILESTONE, NAME, OVER
from npmplan.render.html_page import page_start
from npmplan.text import one_line

KIND_NAME = {kind: html.escape(name) for kind, name in NAME.items()}
SECTIONS = (  # (key in DueReport.sections or "next_month", heading, css class)
    ("overdue", "Overdue", "late"), ("due", "Due this month", "due"),
    ("in_progress", "In progress", ""), ("next_month", "Due next month", ""),
    ("recurring", "Recurring this month", ""), ("ongoing", "Ongoing", ""),
    ("tbc", "Date to be confirmed", ""),
)


@dataclass(frozen=True, slots=True)
class Report:
    """Everything the page shows, computed by ``schedule``."""

    plan: Plan
    rows: list[CalendarRow]
    workload: Workload
    due: DueReport
    as_of: date
    filtered: str = ""  # "" when no filter is on; else what the filter shows

    @property
    def capacity(self) -> int | None:
        return self.workload.capacity


def text(value: str) -> str:
    """Plan text for an element or an attribute: one line, control characters dropped."""
    return html.escape(one_line(value), quote=True)


def page(report: Report) -> str:
    title = text(report.plan.plan.title)
    parts = [
        *page_start(f"{title}: calendar, workload and due list", f"<style>{CSS}</style>"),
        _header(report),
        "<main>",
        _calendar(report),
        '<div class="sheet2">',
        _chart(report),
        _due(report),
        "</div>",
        "</main>",
        f'<footer>Made with npmplan {__version__} from the plan file. Months are the unit: '
        'a milestone counts in the month its window ends; a recurring one in each month it '
        'recurs.</footer>',
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


def _header(report: Report) -> str:
    info = report.plan.plan
    first, last = info.period
    org = f'<p class="org">{text(info.organisation)}</p>' if info.organisation else ""
    meta = [f"Plan year {first.long()} – {last.long()}",
            f"Due list for {report.due.month.long()}",
            f"As of {report.as_of.day} {report.as_of:%B %Y}"]
    if report.filtered:
        meta.append(f"Showing {report.filtered}")
    source = f'<p class="meta">Source: {text(info.source)}</p>' if info.source else ""
    return (f"<header><div>{org}<h1>{text(info.title)}</h1>"
            f'<p class="meta">{" · ".join(text(m) for m in meta)}</p>{source}</div>'
            f"{_figures(report)}</header>")


def _figures(report: Report) -> str:
    total, peak = report.workload.total, report.workload.peak
    busiest = [load.month.short() for load in report.workload.loads
               if load.active == peak and peak]
    late = len(report.due.sections["overdue"])
    tiles = [(str(len(report.rows)), "objectives"), (str(total), "activity-months"),
             (str(peak), f"busiest: {', '.join(busiest) or '—'}"),
             (str(len(report.due.sections["due"])), f"due in {report.due.month.short()}"),
             (str(late), "overdue")]
    cells = "".join(f'<div class="fig{" bad" if label == "overdue" and late else ""}">'
                    f"<b>{value}</b><span>{text(label)}</span></div>" for value, label in tiles)
    return f'<div class="figures">{cells}</div>'


def _legend(report: Report) -> str:
    items = [f'<span class="key"><i class="sw k-{kind}"></i>{KIND_NAME[kind]}</span>'
             for kind in KINDS]
    items.append(f'<span class="key"><span class="ms">{MILESTONE}</span>a milestone due that '
                 f'month, <span class="ms">{MILESTONE}2</span>two</span>')
    items.append(f'<span class="key"><i class="sw nowkey"></i>{report.due.month.long()}, '
                 "the month of the due list</span>")
    if report.capacity is not None:
        items.append(f'<span class="key"><b class="over">{OVER}</b>over the capacity of '
                     f"{report.capacity} concurrent activities</span>")
    else:
        items.append('<span class="key muted">No capacity is set in the plan, so no month '
                     "is flagged</span>")
    return f'<p class="legend">{"".join(items)}</p>'


def _colgroup(months: list[Month]) -> str:
    cols = '<col class="c-id"><col class="c-label"><col class="c-date"><col class="c-date">'
    return f"<colgroup>{cols}{'<col>' * len(months)}<col class=\"c-total\"></colgroup>"


def _calendar(report: Report) -> str:
    months = report.plan.months()
    now = report.due.month
    years = "".join(f'<th colspan="{n}" scope="colgroup" class="year">{year}</th>'
                    for year, n in _years(months))
    heads = "".join(f'<th scope="col" class="m{" now" if m == now else ""}" '
                    f'title="{m.long()}">{m.short()[:3]}</th>' for m in months)
    lines = ['<section class="sheet1">',
             f"<h2>Calendar of actions {_plan_year(months)}</h2>", _legend(report),
             '<table class="grid">', _colgroup(months),
             f'<thead><tr class="years"><td colspan="4"></td>{years}<td></td></tr>'
             '<tr><th scope="col">Id</th><th scope="col" class="label">Activity</th>'
             f'<th scope="col">Start</th><th scope="col">End</th>{heads}'
             '<th scope="col">Total</th></tr></thead>']
    current = None
    for row in report.rows:
        if row.strategic is not current:
            # each strategic objective is a group of rows, its heading the group's header
            lines.append("</tbody>" if current is not None else "")
            current = row.strategic
            heading = f"Strategic objective {current.id}: {current.title}"
            lines.append(f'<tbody><tr class="so"><th colspan="{len(months) + 5}" '
                         f'scope="rowgroup" title="{text(heading)}">{text(heading)}</th></tr>')
        lines.append(_row(row, months, now))
    lines += ["</tbody>" if current is not None else "<tbody></tbody>",
              _workload_row(report, months, now), "</table>", "</section>"]
    return "\n".join(lines)


def _years(months: list[Month]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for month in months:
        if out and out[-1][0] == month.year:
            out[-1] = (month.year, out[-1][1] + 1)
        else:
            out.append((month.year, 1))
    return out


def _plan_year(months: list[Month]) -> str:
    first, last = months[0], months[-1]
    return str(first.year) if first.year == last.year else f"{first.year}-{last.year % 100:02d}"


def _row(row: CalendarRow, months: list[Month], now: Month) -> str:
    objective = row.objective
    start = row.start.short() if row.start else "—"
    end = row.end.short() if row.end else "—"
    tip = [objective.row_label, objective.title if objective.label else "",
           f"priority: {objective.priority}" if objective.priority else "",
           f"leads: {', '.join(objective.leads)}" if objective.leads else ""]
    label = " — ".join(one_line(part) for part in tip if part)
    cells = "".join(_cell(row, month, now) for month in months)
    return (f'<tr><td class="id">{text(objective.id)}</td>'
            f'<td class="label" title="{text(label)}">{text(objective.row_label)}</td>'
            f'<td class="date">{start}</td><td class="date">{end}</td>{cells}'
            f'<td class="total">{row.total}</td></tr>')


def _cell(row: CalendarRow, month: Month, now: Month) -> str:
    kind = row.cells.get(month)
    count = row.milestones.get(month, 0)
    classes = ([f"k-{kind}"] if kind else []) + (["now"] if month == now else [])
    tip = [month.long(), KIND_NAME[kind] if kind else "not active"]
    if count:
        tip.append(f"{count} milestone{'s' if count > 1 else ''} due")
    # What the colour and the mark show, in words for a screen reader (the mark itself is
    # hidden from it: "black diamond 2" says nothing).
    said = ", ".join(tip[1:]) if kind or count else ""
    words = f'<span class="vh">{said}</span>' if said else ""
    mark = (f'<span class="ms" aria-hidden="true">{MILESTONE}{count if count > 1 else ""}'
            "</span>" if count else "")
    return (f'<td class="{" ".join(["m", *classes])}" title="{", ".join(tip)}">'
            f"{words}{mark}</td>")


def _workload_row(report: Report, months: list[Month], now: Month) -> str:
    cells = []
    for load in report.workload.loads:
        over = load.over
        classes = " ".join(["m", *(["over"] if over else []), *(["now"] if load.month == now
                                                               else [])])
        split = ", ".join(f"{load.by_kind[k]} {k}" for k in KINDS)
        cells.append(f'<td class="{classes}" title="{load.month.long()}: {load.active} '
                     f'active ({split})">{OVER if over else ""}{load.active}</td>')
    name = "Monthly workload" + (" (shown rows)" if report.filtered else "")
    total = report.workload.total
    return (f'<tfoot><tr class="work"><td></td><th scope="row" class="label">{name}</th>'
            f'<td></td><td></td>{"".join(cells)}<td class="total">{total}</td></tr></tfoot>')


def _chart(report: Report) -> str:
    """The workload per month as stacked bars by kind (CSS only), capacity as a line."""
    loads = report.workload.loads
    busiest = max(report.workload.peak, 1)
    capacity = report.capacity
    # The scale follows the workload: a capacity far above it is named, not drawn, so that
    # neither the bars nor the page size depend on how large a number the plan gives.
    drawn = capacity if capacity is not None and capacity <= 2 * busiest else None
    peak = max(busiest, drawn or 0)
    step = 5 * -(-peak // 40)  # at most about eight grid lines
    top = -(-peak // step) * step
    grid = "".join(f'<div class="gl" style="bottom:{100 * v / top:.2f}%"><span>{v}</span></div>'
                   for v in range(0, top + 1, step))
    if drawn is not None:
        grid += (f'<div class="cap" style="bottom:{100 * drawn / top:.2f}%">'
                 f"<span>capacity {drawn}</span></div>")
    elif capacity is not None:
        grid += (f'<div class="cap" style="bottom:100%"><span>capacity {capacity} '
                 "(above the chart)</span></div>")
    bars = []
    for load in loads:
        segments = "".join(
            f'<i class="k-{kind}" style="height:{100 * load.by_kind[kind] / load.active:.2f}%">'
            "</i>" for kind in KINDS if load.by_kind[kind])
        over = load.over
        flag = f'<b class="over">{OVER}</b>' if over else ""
        now = " now" if load.month == report.due.month else ""
        split = ", ".join(f"{load.by_kind[k]} {KIND_NAME[k].lower()}" for k in KINDS)
        bars.append(f'<div class="bar{now}" title="{load.month.long()}: {split}">'
                    f'<div class="stack" style="height:{100 * load.active / top:.2f}%">'
                    f'<span class="n{" over" if over else ""}">{flag}{load.active}</span>'
                    f'{segments}</div><span class="mo">{load.month.short()[:3]}'
                    f'<span class="yr">{load.month.short()[3:]}</span></span></div>')
    return ('<section class="chart"><h2>Monthly workload</h2>'
            '<p class="sub">Objectives active in each month, by kind of activity</p>'
            f'<div class="plot"><div class="grid-lines">{grid}</div>'
            f'<div class="bars">{"".join(bars)}</div></div>{_split(report)}</section>')


def _split(report: Report) -> str:
    """The chart's numbers: each kind's count per month, and the month's workload."""
    now = report.due.month
    head = "".join(f'<th scope="col"{" class=now" if load.month == now else ""}>'
                   f"{load.month.short()[:3]}</th>" for load in report.workload.loads)
    rows = []
    for kind in (*KINDS, None):
        name = (f'<i class="sw k-{kind}"></i>{kind.capitalize()}' if kind else "Workload")
        loads = report.workload.loads
        counts = [load.by_kind[kind] if kind else load.active for load in loads]
        cells = "".join(f'<td{" class=over" if kind is None and load.over else ""}>'
                        f"{n or ''}</td>" for n, load in zip(counts, loads, strict=True))
        total = report.workload.by_kind[kind] if kind else report.workload.total
        rows.append(f'<tr{"" if kind else " class=sum"}><th scope="row">{name}</th>{cells}'
                    f"<td>{total}</td></tr>")
    cols = f'<colgroup><col class="c-kind">{"<col>" * len(loads)}<col></colgroup>'
    return (f'<table class="split">{cols}<thead><tr><td></td>{head}<th scope="col">Total</th></tr>'
            f'</thead><tbody>{"".join(rows)}</tbody></table>')


def _due(report: Report) -> str:
    cards = []
    for key, heading, css in SECTIONS:
        items = (report.due.next_month if key == "next_month"
                 else report.due.sections.get(key, []))
        body = ("".join(_due_item(item, key) for item in items) if items
                else '<li class="none">None</li>')
        cards.append(f'<div class="card {css}"><h3>{heading} <span class="count">'
                     f"{len(items)}</span></h3><ul>{body}</ul></div>")
    return (f'<section class="due"><h2>Due list: {report.due.month.long()}</h2>'
            f'<div class="cards">{"".join(cards)}</div></section>')


def _due_item(item: DueItem, section: str) -> str:
    milestone = item.milestone
    when = text(when_words(milestone.effective))
    if milestone.moved_to is not None:
        when += (' <s title="the baseline, before it was moved">'
                 f"{text(when_words(milestone.when))}</s>")
    notes = []
    if section == "overdue":
        notes.append(f"{item.months_overdue} month{'s' if item.months_overdue != 1 else ''} late")
    if milestone.status == "done":
        notes.append("✓ done")
    flag = "".join(f' <span class="tag">{text(n)}</span>' for n in notes)
    return (f'<li><span class="oid">{text(item.objective.id)}</span>'
            f'<span class="what">{text(milestone.what)}{flag}</span>'
            f'<span class="when">{when}</span></li>')


# --- style: one sheet, inline; colours with patterns so that greyscale prints read ------
