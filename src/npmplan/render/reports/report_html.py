"""``npmplan report --format html``: the quarterly report as a page that prints on A4
landscape, for a Steering Group paper.

Every word is on the paper: list items and titles wrap rather than being cut, and nothing is
held only in a tooltip. After the summary and the ratings' definitions, a table per
strategic objective. Each objective is a group of two rows kept on one page: across the
page, the objective (the group's header), its rating and the trend; under it three columns:
what the rating rests on with the officer's commentary (or the flag where it is missing),
what happened this quarter (done, due and not done, moved, cancelled: only the lists that
have items, so no column stands empty down the page) and what comes next (the next steps
and what is due next quarter).

Printed, the body text is 12pt (GOV.UK's minimum for printed documents) and the notes 11pt;
the header row repeats on every page and no row is split across two. Each rating is a label
that carries its word (Red, Amber, Green, Complete), so the page reads in greyscale.
Self-contained: inline CSS only, no script, nothing from the network; all plan text is
escaped.
"""

from __future__ import annotations

import html

from npmplan import __version__
from npmplan.compute.report import SCALE, ObjectiveReport, QuarterReport, ReportItem
from npmplan.model.plan import RATINGS, Rating
from npmplan.render.record import undated_words
from npmplan.render.reports.report import (
    PARTS,
    WORD,
    counts_words,
    heading,
    item_words,
    rating_note,
    trend_words,
)
from npmplan.text import one_line

# Each white on its colour is at least 4.5:1 (WCAG 2.2 AA for text).
COLOUR = {"red": "#b71c1c", "amber": "#8a5300", "green": "#1b5e20", "complete": "#1f5fa8"}
THIS_QUARTER = ("done", "due_not_done", "moved", "cancelled")
CSS = """
*{box-sizing:border-box}
body{font:16px/1.4 system-ui,-apple-system,"Segoe UI",Arial,sans-serif;color:#1d2330;
margin:0 auto;padding:16px;max-width:1400px}
h1{font-size:1.5em;margin:0}
h2{font-size:1.15em;margin:.7em 0 .2em;break-after:avoid;page-break-after:avoid}
.sub{color:#474f5e;margin:.2em 0 .6em}
.summary{border-collapse:collapse;margin:.4em 0 1em}
.summary th,.summary td{padding:.1em .6em;border-bottom:1px solid #d5dae3;text-align:right}
.summary th[scope=row],.summary th:first-child{text-align:left;font-weight:400}
.rag{display:inline-block;padding:0 .4em;border-radius:3px;color:#fff;font-weight:700;
white-space:nowrap}
""" + "".join(f".rag.{r}{{background:{c}}}\n" for r, c in COLOUR.items()) + """
.rag.stale{outline:2px dashed #1d2330;outline-offset:1px}
table.objectives{width:100%;table-layout:fixed;border-collapse:collapse}
.objectives thead{display:table-header-group}
.objectives thead th{text-align:left;font-weight:700;border-bottom:2px solid #1d2330;
padding:.2em .4em}
.objectives td,.objectives th[scope=rowgroup]{vertical-align:top;text-align:left;
border-bottom:1px solid #aab2bf;padding:.2em .4em;overflow-wrap:anywhere}
.objectives th[scope=rowgroup]{font-weight:400}
.objectives tbody{break-inside:avoid;page-break-inside:avoid}
.objectives tr{break-inside:avoid;page-break-inside:avoid}
.objectives tr.head th{background:#eef0f4;border-bottom:0;padding:.25em .4em}
.rated{white-space:nowrap;margin-left:.5em}
.objectives ul{margin:0 0 .3em;padding-left:1.1em}
.objectives p{margin:0 0 .3em}
.part{font-weight:700}
.note{color:#474f5e}
.flag{font-style:italic}
col.rating{width:30%}col.now{width:40%}col.next{width:30%}
.scale{margin:0;padding-left:1.1em}
@page{size:A4 landscape;margin:10mm 10mm 12mm}
@media print{body{font-size:12pt;line-height:1.2;padding:0;max-width:none}
h1{font-size:16pt}h2{font-size:13pt;break-after:avoid}
.note,.flag,.summary{font-size:11pt}}
"""


def text(value: str) -> str:
    return html.escape(one_line(value), quote=True)


def label(rating: Rating, stale: bool = False) -> str:
    return (f'<span class="rag {rating}{" stale" if stale else ""}">{WORD[rating]}'
            f'{" (stale)" if stale else ""}</span>')


def _part(title: str, items: list[ReportItem], part: str) -> str:
    lines = "".join(f"<li>{text(item_words(item, part))}</li>" for item in items)
    return f'<p class="part">{text(title)} ({len(items)})</p><ul>{lines}</ul>'


def _this_quarter(entry: ObjectiveReport) -> str:
    titles = dict(PARTS)
    parts = [_part(titles[part], getattr(entry, part), part) for part in THIS_QUARTER
             if getattr(entry, part)]
    return "".join(parts) or '<p class="note">Nothing done, due, moved or cancelled.</p>'


def _next(entry: ObjectiveReport) -> str:
    out = ""
    if entry.commentary is not None and entry.commentary.next:
        out += f'<p><span class="part">Next steps:</span> {text(entry.commentary.next)}</p>'
    if entry.next:
        out += _part(dict(PARTS)["next"], entry.next, "next")
    return out or '<p class="note">Nothing due next quarter.</p>'


def _rating(entry: ObjectiveReport) -> str:
    out = f'<p class="note">{text(rating_note(entry))}</p>'
    if entry.commentary is not None:
        out += (f'<p><span class="part">Commentary</span> '
                f'<span class="note">({entry.commentary.written_on:%-d %B %Y})</span>: '
                f"{text(entry.commentary.text)}</p>")
    if entry.commentary_flag:
        out += f'<p class="flag">Check: {text(entry.commentary_flag)}</p>'
    return out


def _objective(entry: ObjectiveReport) -> str:
    """Two rows kept on one page: the objective and its rating across the page (a row
    header), then its three columns."""
    stale = entry.override is not None and entry.override.stale
    return (f'<tbody class="objective"><tr class="head"><th colspan="3" scope="rowgroup">'
            f"<b>{text(entry.objective.id)}</b> {text(entry.objective.title)} "
            f'<span class="rated">{label(entry.rag, stale)} {text(trend_words(entry))}'
            f"</span></th></tr><tr><td>{_rating(entry)}</td><td>{_this_quarter(entry)}</td>"
            f"<td>{_next(entry)}</td></tr></tbody>")


def _summary(report: QuarterReport) -> str:
    head = "".join(f'<th scope="col">{label(r)}</th>' for r in RATINGS)
    rows = "".join(f'<tr><th scope="row">{text(s.strategic.id)} {text(s.strategic.title)}'
                   "</th>" + "".join(f"<td>{s.counts[r]}</td>" for r in RATINGS) + "</tr>"
                   for s in report.strategic)
    total = "".join(f"<td><b>{report.summary[r]}</b></td>" for r in RATINGS)
    return (f'<table class="summary"><thead><tr><th scope="col">Strategic objective</th>'
            f"{head}</tr></thead><tbody>{rows}<tr><th scope=\"row\"><b>All "
            f"{len(report.objectives)} objectives</b></th>{total}</tr></tbody></table>")


def _objectives(report: QuarterReport) -> str:
    """A table per strategic objective, under its heading."""
    out = []
    for summary in report.strategic:
        groups = "".join(_objective(entry) for entry in report.objectives
                         if entry.strategic is summary.strategic)
        out.append(f"<h2>Strategic objective {text(summary.strategic.id)}: "
                   f"{text(summary.strategic.title)}</h2>"
                   '<table class="objectives"><colgroup><col class="rating"><col class="now">'
                   '<col class="next"></colgroup><thead><tr>'
                   '<th scope="col">Rating rests on; commentary</th>'
                   '<th scope="col">This quarter</th><th scope="col">Next quarter</th></tr>'
                   f"</thead>{groups}</table>")
    return "".join(out)


def _scale() -> str:
    items = "".join(f"<li>{label(rating)} {text(meaning)}.</li>"
                    for rating, meaning in SCALE.items())
    return (f'<h2>The ratings</h2><ul class="scale">{items}</ul><p class="note">A rating set '
            "by an officer is shown with what it rests on, and the computed rating when they "
            "differ; \"stale\" marks one set more than three months before this report. "
            f"Made by npmplan {text(__version__)}.</p>")


def _undated(report: QuarterReport) -> str:
    return f'<p class="note">{text(undated_words(report.undated))}</p>' if report.undated \
        else ""


def page(report: QuarterReport, width: int) -> str:
    title, sub = heading(report)
    ends = ("" if report.next_quarter is not None else
            " The plan period ends with this quarter: nothing is listed as due next quarter.")
    return (
        '<!DOCTYPE html>\n<html lang="en-GB"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{text(title)}</title><style>{CSS}</style></head><body><main>"
        f'<h1>{text(title)}</h1><p class="sub">{text(sub)}.{text(ends)}</p>'
        f"<h2>Summary: {text(counts_words(report.summary))}</h2>{_summary(report)}"
        f"{_scale()}{_objectives(report)}{_undated(report)}</main>"
        "</body></html>\n")
