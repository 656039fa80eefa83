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
from npmplan.dates import Month
from npmplan.model import KINDS, Plan
from npmplan.render.glyphs import MILESTONE, NAME, OVER
from npmplan.render.safe import one_line
from npmplan.schedule import CalendarRow, DueItem, DueReport, MonthLoad, active_months

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
    loads: list[MonthLoad]
    due: DueReport
    as_of: date
    filtered: str = ""  # "" when no filter is on; else what the filter shows

    @property
    def capacity(self) -> int | None:
        return self.plan.plan.capacity

    def over(self, load: MonthLoad) -> bool:
        return self.capacity is not None and load.active > self.capacity


def text(value: str) -> str:
    """Plan text for an element or an attribute: one line, control characters dropped."""
    return html.escape(one_line(value), quote=True)


def page(report: Report) -> str:
    title = text(report.plan.plan.title)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en-GB">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="npmplan {__version__}">',
        f"<title>{title}: calendar, workload and due list</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        _header(report),
        _calendar(report),
        '<div class="sheet2">',
        _chart(report),
        _due(report),
        "</div>",
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
    total = sum(load.active for load in report.loads)
    peak = max((load.active for load in report.loads), default=0)
    busiest = [load.month.short() for load in report.loads if load.active == peak and peak]
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
    years = "".join(f'<th colspan="{n}" class="year">{year}</th>'
                    for year, n in _years(months))
    heads = "".join(f'<th scope="col" class="m{" now" if m == now else ""}" '
                    f'title="{m.long()}">{m.short()[:3]}</th>' for m in months)
    lines = ['<section class="sheet1">',
             f"<h2>Calendar of actions {_plan_year(months)}</h2>", _legend(report),
             '<table class="grid">', _colgroup(months),
             f'<thead><tr class="years"><th colspan="4"></th>{years}<th></th></tr>'
             '<tr><th scope="col">Id</th><th scope="col" class="label">Activity</th>'
             f'<th scope="col">Start</th><th scope="col">End</th>{heads}'
             '<th scope="col">Total</th></tr></thead>', "<tbody>"]
    current = None
    for row in report.rows:
        if row.strategic is not current:
            current = row.strategic
            heading = f"Strategic objective {current.id}: {current.title}"
            lines.append(f'<tr class="so"><th colspan="{len(months) + 5}" scope="colgroup" '
                         f'title="{text(heading)}">{text(heading)}</th></tr>')
        lines.append(_row(row, months, now))
    lines += ["</tbody>", _workload_row(report, months, now), "</table>", "</section>"]
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
    schedule = list(active_months(objective))
    start = schedule[0].short() if schedule else "—"
    end = schedule[-1].short() if schedule else "—"
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
    mark = f'<span class="ms">{MILESTONE}{count if count > 1 else ""}</span>' if count else ""
    return f'<td class="{" ".join(["m", *classes])}" title="{", ".join(tip)}">{mark}</td>'


def _workload_row(report: Report, months: list[Month], now: Month) -> str:
    cells = []
    for load in report.loads:
        over = report.over(load)
        classes = " ".join(["m", *(["over"] if over else []), *(["now"] if load.month == now
                                                               else [])])
        split = ", ".join(f"{load.by_kind[k]} {k}" for k in KINDS)
        cells.append(f'<td class="{classes}" title="{load.month.long()}: {load.active} '
                     f'active ({split})">{OVER if over else ""}{load.active}</td>')
    name = "Monthly workload" + (" (shown rows)" if report.filtered else "")
    total = sum(load.active for load in report.loads)
    return (f'<tfoot><tr class="work"><td></td><th scope="row" class="label">{name}</th>'
            f'<td></td><td></td>{"".join(cells)}<td class="total">{total}</td></tr></tfoot>')


def _chart(report: Report) -> str:
    """The workload per month as stacked bars by kind (CSS only), capacity as a line."""
    loads = report.loads
    peak = max([load.active for load in loads] + [report.capacity or 0, 1])
    top = -(-peak // 5) * 5
    grid = "".join(f'<div class="gl" style="bottom:{100 * v / top:.2f}%"><span>{v}</span></div>'
                   for v in range(0, top + 1, 5))
    if report.capacity is not None:
        grid += (f'<div class="cap" style="bottom:{100 * report.capacity / top:.2f}%">'
                 f"<span>capacity {report.capacity}</span></div>")
    bars = []
    for load in loads:
        segments = "".join(
            f'<i class="k-{kind}" style="height:{100 * load.by_kind[kind] / load.active:.2f}%">'
            "</i>" for kind in KINDS if load.by_kind[kind])
        over = report.over(load)
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
                   f"{load.month.short()[:3]}</th>" for load in report.loads)
    rows = []
    for kind in (*KINDS, None):
        name = (f'<i class="sw k-{kind}"></i>{kind.capitalize()}' if kind else "Workload")
        counts = [load.by_kind[kind] if kind else load.active for load in report.loads]
        cells = "".join(f'<td{" class=over" if kind is None and report.over(load) else ""}>'
                        f"{n or ''}</td>" for n, load in zip(counts, report.loads, strict=True))
        rows.append(f'<tr{"" if kind else " class=sum"}><th scope="row">{name}</th>{cells}'
                    f"<td>{sum(counts)}</td></tr>")
    cols = f'<colgroup><col class="c-kind">{"<col>" * len(report.loads)}<col></colgroup>'
    return (f'<table class="split">{cols}<thead><tr><th></th>{head}<th scope="col">Total</th></tr>'
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
    when = text(milestone.effective.text)
    if milestone.moved_to is not None:
        when += f' <s title="the baseline, before it was moved">{text(milestone.when.text)}</s>'
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

CSS = """
:root{--ink:#1c2330;--muted:#5d6675;--line:#dde2ea;--soft:#f3f6fa;--navy:#12395c;
--now:#c2185b;--bad:#b3261e;--active:#2f6db3;--meet:#2e8b60;--prod:#f0b429}
*{box-sizing:border-box}
html{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{margin:0;padding:18px 22px 28px;color:var(--ink);background:#fff;
font:12px/1.35 "Segoe UI","Helvetica Neue",Arial,"Liberation Sans",sans-serif}
h1{margin:2px 0 4px;font-size:24px;color:var(--navy);letter-spacing:-.01em}
h2{margin:0 0 6px;font-size:16px;color:var(--navy)}
h3{margin:0 0 4px;font-size:13px}
header{display:flex;justify-content:space-between;align-items:flex-end;gap:24px;
border-bottom:3px solid var(--navy);padding-bottom:10px;margin-bottom:14px}
.org{margin:0;text-transform:uppercase;letter-spacing:.08em;font-size:11px;color:var(--muted)}
.meta{margin:0;color:var(--muted)}
.figures{display:flex;gap:8px;flex:none}
.fig{border:1px solid var(--line);border-radius:6px;padding:5px 10px;min-width:84px;
background:var(--soft)}
.fig b{display:block;font-size:20px;line-height:1.1;color:var(--navy)}
.fig span{color:var(--muted);font-size:11px;white-space:nowrap}
.fig.bad b{color:var(--bad)}
.legend{display:flex;flex-wrap:wrap;gap:4px 18px;margin:0 0 8px;color:var(--muted)}
.key{display:inline-flex;align-items:center;gap:6px}
.sw{display:inline-block;width:26px;height:12px;border-radius:2px}
.sw.nowkey{background:#fff;box-shadow:inset 3px 0 0 var(--now),inset -3px 0 0 var(--now),
inset 0 0 0 1px var(--line)}
.muted{color:var(--muted)}
.k-active{background:var(--active)}
.k-meetings{background:repeating-linear-gradient(135deg,var(--meet) 0 3px,#b9e3cc 3px 6px)}
.k-production{background:radial-gradient(circle,#6b4a00 1.1px,transparent 1.5px) 0 0/5px 5px,
var(--prod)}
table.grid{width:100%;table-layout:fixed;border-collapse:separate;border-spacing:0;
font-size:11.5px}
col.c-id{width:3.3em}col.c-label{width:21em}col.c-date{width:4.3em}col.c-total{width:3.8em}
.grid th,.grid td{height:21px;padding:0 5px;white-space:nowrap;overflow:hidden;
text-overflow:ellipsis;border-bottom:1px solid #eef1f5}
.grid thead th{color:var(--muted);font-weight:600;text-align:center;
border-bottom:1px solid var(--ink)}
.grid thead tr.years th{border-bottom:0;height:16px;text-align:left;color:var(--ink);
border-left:1px solid var(--line)}
.grid thead tr.years th:first-child,.grid thead tr.years th:last-child{border-left:0}
.grid th.label,.grid td.label{text-align:left}
.grid thead th.now{background:var(--now);color:#fff;border-radius:3px 3px 0 0}
.grid td.id{color:var(--muted);font-variant-numeric:tabular-nums}
.grid td.date{color:var(--muted);text-align:center}
.grid td.total{text-align:right;font-weight:600;font-variant-numeric:tabular-nums}
.grid td.m{padding:0;text-align:center;border-left:1px solid rgba(255,255,255,.6);
border-top:3px solid #fff;border-bottom:3px solid #fff;background-clip:padding-box}
.grid td.m:not([class*=k-]){border-left:1px solid #edf0f4}
.grid td.now{box-shadow:inset 2px 0 0 var(--now),inset -2px 0 0 var(--now)}
.grid tr.so th{text-align:left;color:var(--navy);background:var(--soft);font-weight:700;
padding-top:3px;border-top:1px solid var(--line);border-bottom:1px solid var(--line)}
.ms{display:inline-block;background:#fff;color:var(--ink);border-radius:3px;padding:0 3px;
font-size:10px;line-height:13px;font-weight:700;box-shadow:0 0 0 1px rgba(0,0,0,.28)}
.grid tfoot td,.grid tfoot th{border-top:2px solid var(--ink);font-weight:700;height:24px}
.grid tfoot td.m{background:var(--soft);border-top:2px solid var(--ink);border-bottom:0}
.grid tfoot td.over{background:#fde2e1;color:var(--bad)}
.over{color:var(--bad)}
.sheet2{display:grid;grid-template-columns:minmax(0,5fr) minmax(0,7fr);gap:22px;
margin-top:22px}
.chart{position:sticky;top:10px;align-self:start}
.sub{margin:-4px 0 10px;color:var(--muted)}
.plot{position:relative;height:210px;margin:22px 0 26px 26px}
.gl{position:absolute;left:0;right:0;border-top:1px solid #e6e9ef}
.gl span{position:absolute;left:-26px;top:-8px;width:20px;text-align:right;font-size:10px;
color:var(--muted)}
.cap{position:absolute;left:0;right:0;border-top:2px dashed var(--bad);z-index:2}
.cap span{position:absolute;right:0;top:-16px;color:var(--bad);font-size:10px;
font-weight:700;background:#fff;padding:0 3px}
.bars{position:absolute;inset:0;display:flex;gap:7px;align-items:flex-end;padding:0 4px}
.bar{flex:1;height:100%;display:flex;flex-direction:column;justify-content:flex-end;
position:relative}
.stack{position:relative;display:flex;flex-direction:column-reverse;border-radius:3px 3px 0 0;
box-shadow:0 0 0 1px rgba(0,0,0,.12)}
.stack i{display:block}
.bar .n{position:absolute;top:-17px;left:0;right:0;text-align:center;font-weight:700;
font-size:11px}
.bar .mo{position:absolute;bottom:-19px;left:-4px;right:-4px;text-align:center;
color:var(--muted);font-size:10.5px;white-space:nowrap}
.bar.now .mo{color:#fff;background:var(--now);border-radius:3px;font-weight:700}
.cards{columns:2;column-gap:10px}
.card{border:1px solid var(--line);border-left:4px solid var(--line);border-radius:6px;
padding:7px 10px;margin:0 0 10px;break-inside:avoid}
.card.late{border-left-color:var(--bad)}.card.late h3{color:var(--bad)}
.card.due{border-left-color:var(--prod)}
.count{display:inline-block;min-width:20px;padding:0 6px;border-radius:9px;
background:var(--soft);color:var(--muted);font-size:11px;text-align:center}
.card ul{list-style:none;margin:0;padding:0}
.card li{display:grid;grid-template-columns:2.8em minmax(0,1fr) auto;gap:6px;padding:3px 0;
border-top:1px dotted var(--line)}
.card li.none{display:block;color:var(--muted)}
.oid{color:var(--muted);font-variant-numeric:tabular-nums}
.when{color:var(--muted);white-space:nowrap}
.tag{display:inline-block;border-radius:3px;padding:0 4px;background:var(--soft);
font-size:10.5px;color:var(--ink);border:1px solid var(--line)}
.card.late .tag{background:#fde2e1;color:var(--bad);border-color:#f3b7b3}
table.split{width:100%;table-layout:fixed;border-collapse:collapse;font-size:10.5px;
font-variant-numeric:tabular-nums}
.split th,.split td{padding:2px 3px;text-align:center;border-bottom:1px solid #eef1f5;
white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
col.c-kind{width:7.5em}
.split th[scope=row]{text-align:left;font-weight:400}
.split th[scope=row] .sw{width:14px;height:10px;margin-right:5px;vertical-align:-1px}
.split thead th{color:var(--muted);font-weight:600}
.split thead th.now{color:var(--now)}
.split tr.sum th,.split tr.sum td{font-weight:700;border-top:1px solid var(--ink)}
.split td.over{color:var(--bad);background:#fde2e1}
footer{margin-top:18px;color:var(--muted);font-size:10.5px;border-top:1px solid var(--line);
padding-top:6px}
@page{size:A4 landscape;margin:9mm}
@media print{
body{padding:0;font-size:9.5px}
h1{font-size:18px}
header{padding-bottom:6px;margin-bottom:8px}
.fig b{font-size:15px}
table.grid{font-size:9px}
.grid th,.grid td{height:15px;padding:0 3px}
.yr{display:none}
.grid td.m{border-top-width:2px;border-bottom-width:2px}
.ms{font-size:8px;line-height:10px}
.sheet2{break-before:page;margin-top:0}
.chart{position:static}
.card,.grid tr{break-inside:avoid}
}
"""
