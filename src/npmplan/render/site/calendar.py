"""The calendar page: Appendix 1 as a real table (a row per objective, a column per
month, each shaded cell also saying its kind in letters and words), and the monthly
workload as a chart with its numbers in a table beside it (the chart's text equivalent)."""

from __future__ import annotations

from npmplan.compute.calendar import Calendar, CalendarRow
from npmplan.model.dates import Month
from npmplan.model.plan import KINDS, Kind
from npmplan.render.glyphs import NAME
from npmplan.render.site.layout import esc, scroll

LETTER = {"active": "A", "meetings": "M", "production": "P"}


def calendar_page(view: Calendar, slugs: dict[str, str]) -> str:
    key = "".join(f'<li><span class="sw k-{kind}" aria-hidden="true">{LETTER[kind]}</span>'
                  f"{LETTER[kind]}: {esc(NAME[kind])}</li>" for kind in KINDS)
    key += "<li>◆: milestones due that month (◆2: two)</li>"
    return "\n".join([
        "<h1>Calendar of actions</h1>",
        '<p class="lede">Each objective\'s months, by kind of activity, and the milestones '
        "due in each month.</p>",
        f'<ul class="key">{key}</ul>',
        _table(view, slugs),
        _chart(view),
    ])


def _table(view: Calendar, slugs: dict[str, str]) -> str:
    months = view.months
    heads = "".join(f'<th scope="col" class="num"><abbr title="{m.long()}">'
                    f"{m.short()}</abbr></th>" for m in months)
    lines = ['<table class="calendar">',
             "<caption>Calendar of actions, by strategic objective</caption>",
             '<thead><tr><th scope="col">Id</th><th scope="col">Objective</th>'
             f'<th scope="col">Start</th><th scope="col">End</th>{heads}'
             '<th scope="col" class="num">Total</th></tr></thead>']
    current = None
    for row in view.rows:
        if row.strategic is not current:
            lines.append("</tbody>" if current is not None else "")
            current = row.strategic
            lines.append(f'<tbody><tr><th colspan="{len(months) + 5}" scope="rowgroup">'
                         f"Strategic objective {esc(current.id)}: {esc(current.title)}"
                         "</th></tr>")
        lines.append(_row(row, months, slugs))
    if current is not None:
        lines.append("</tbody>")
    loads = "".join(f'<td class="num">{load.active}</td>' for load in view.workload.loads)
    lines += ['<tfoot><tr><td></td><th scope="row">Monthly workload (objectives active)</th>'
              f'<td></td><td></td>{loads}<td class="num">{view.workload.total}</td></tr>'
              "</tfoot></table>"]
    return scroll("Calendar of actions", "\n".join(lines))


def _row(row: CalendarRow, months: list[Month], slugs: dict[str, str]) -> str:
    objective = row.objective
    start = row.start.short() if row.start else "none"
    end = row.end.short() if row.end else "none"
    cells = "".join(_cell(row, month) for month in months)
    return (f'<tr><td>{esc(objective.id)}</td><td class="title">'
            f'<a href="objectives/{slugs[objective.id]}.html">{esc(objective.row_label)}</a>'
            f"</td><td>{start}</td><td>{end}</td>{cells}"
            f'<td class="num">{row.total}</td></tr>')


def _cell(row: CalendarRow, month: Month) -> str:
    kind = row.cells.get(month)
    css = f" k-{kind}" if kind else ""
    return f'<td class="m{css}">{month_cell(kind, row.milestones.get(month, 0))}</td>'


def month_cell(kind: Kind | None, count: int) -> str:
    """What a month's cell holds: its letters and marks for the eye, its words for a screen
    reader ("" for a month with neither activity nor milestone)."""
    if kind is None and not count:
        return ""
    words = [NAME[kind] if kind else "not active"]
    if count:
        words.append(f"{count} milestone{'s' if count > 1 else ''} due")
    shown = (LETTER[kind] if kind else "") + ("◆" + (str(count) if count > 1 else "")
                                               if count else "")
    return (f'<span aria-hidden="true">{shown}</span>'
            f'<span class="vh">{esc(", ".join(words))}</span>')


def _chart(view: Calendar) -> str:
    """The workload as stacked bars (CSS only, hidden from screen readers), then the same
    numbers as a table: the chart's text equivalent."""
    work = view.workload
    top = max(work.peak, 1)
    bars = []
    for load in work.loads:
        # Heights by class (h0..h100, in style.css), not inline style: a stylesheet that
        # forbids inline styles (a Content-Security-Policy) still draws the chart.
        stack = "".join(f'<i class="k-{kind} h{percent(load.by_kind[kind], load.active)}">'
                        "</i>" for kind in KINDS if load.by_kind[kind])
        bars.append(f'<li><span>{load.active}</span><span class="bar '
                    f'h{percent(load.active, top)}">{stack}</span></li>')
    labels = "".join(f"<li>{m.month.short()}</li>" for m in work.loads)
    heads = "".join(f'<th scope="col" class="num">{m.month.short()}</th>' for m in work.loads)
    rows = "".join(
        f'<tr><th scope="row">{esc(NAME[kind])}</th>'
        + "".join(f'<td class="num">{load.by_kind[kind]}</td>' for load in work.loads)
        + f'<td class="num">{work.by_kind[kind]}</td></tr>' for kind in KINDS)
    rows += ('<tr><th scope="row">All (objectives active)</th>'
             + "".join(f'<td class="num">{load.active}</td>' for load in work.loads)
             + f'<td class="num">{work.total}</td></tr>')
    capacity = ("" if work.capacity is None else
                f" The plan's capacity is {work.capacity} concurrent activities.")
    return ("<h2>Monthly workload</h2>"
            f'<p class="hint">Objectives active in each month, by kind.{capacity} The table '
            "under the chart gives its numbers.</p>"
            f'<div aria-hidden="true"><ol class="chart">{"".join(bars)}</ol>'
            f'<ol class="chart-months">{labels}</ol></div>'
            + scroll("Monthly workload", "<table><caption>Monthly workload: objectives "
                     "active, by kind</caption>"
                     f'<thead><tr><th scope="col">Kind</th>{heads}<th scope="col" class="num">Total'
                     f"</th></tr></thead><tbody>{rows}</tbody></table>"))


def percent(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0
