"""``npmplan report --format html``: the quarterly report as one printable page (A4
landscape) for a Steering Group paper.

Each rating is a coloured label that also carries the word (Red, Amber, Green, Complete),
so the page reads printed in greyscale. One row per objective: its rating and what it rests
on, then what was done, what is due and not done, what moved and what is due next quarter,
one milestone a line (cut with "…" on the page, whole in its ``title``). Self-contained:
inline CSS only, no script, nothing from the network; all plan text is escaped.
"""

from __future__ import annotations

import html

from npmplan import __version__
from npmplan.compute.report import ObjectiveReport, QuarterReport, ReportItem
from npmplan.model.plan import RATINGS, Rating
from npmplan.render.reports.report import (
    PARTS,
    WORD,
    counts_words,
    heading,
    item_words,
    rating_note,
)
from npmplan.text import one_line

COLOUR = {"red": "#c62828", "amber": "#b26a00", "green": "#2e7d32", "complete": "#1f5fa8"}
CSS = """
*{box-sizing:border-box}
body{font:11px/1.35 system-ui,-apple-system,"Segoe UI",Arial,sans-serif;color:#1d2330;
margin:0;padding:14px}
h1{font-size:17px;margin:0}
.sub{color:#5b6475;margin:2px 0 8px}
header{display:flex;gap:24px;justify-content:space-between;align-items:flex-start;
margin-bottom:6px}
.summary table{border-collapse:collapse;font-size:10px}
.summary th,.summary td{padding:1px 6px;border-bottom:1px solid #e3e7ee;text-align:right}
.summary th:first-child{text-align:left;font-weight:400;max-width:26em;white-space:nowrap;
overflow:hidden;text-overflow:ellipsis}
.rag{display:inline-block;min-width:5.6em;padding:1px 5px;border-radius:3px;color:#fff;
font-weight:700;text-align:center;font-size:10px;letter-spacing:.02em}
""" + "".join(f".rag.{r}{{background:{c}}}\n" for r, c in COLOUR.items()) + """
.rag.stale{outline:2px dashed #1d2330;outline-offset:1px}
table.objectives{width:100%;table-layout:fixed;border-collapse:collapse;font-size:9.5px}
.objectives th{text-align:left;color:#5b6475;font-weight:600;border-bottom:1.5px solid #1d2330;
padding:2px 4px}
.objectives td{vertical-align:top;border-bottom:1px solid #e3e7ee;padding:2px 4px}
.objectives tr{break-inside:avoid}
.objectives tr.so td{background:#f1f3f7;font-weight:600;padding:1px 4px}
.objectives ul{list-style:none;margin:0;padding:0}
.objectives li{white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.note{color:#5b6475}
.none{color:#a0a7b4}
col.id{width:2.4em}col.obj{width:12%}col.rating{width:24%}
footer{margin-top:6px;color:#5b6475;font-size:9px}
@page{size:A4 landscape;margin:7mm}
@media print{body{padding:0;font-size:8px}table.objectives{font-size:7px;line-height:1.25}
.objectives td{padding:1px 3px}.summary table{font-size:7px}.rag{font-size:7px}
h1{font-size:13px}}
"""


def text(value: str) -> str:
    return html.escape(one_line(value), quote=True)


def label(rating: Rating, stale: bool = False) -> str:
    return (f'<span class="rag {rating}{" stale" if stale else ""}">{WORD[rating]}'
            f'{" (stale)" if stale else ""}</span>')


def _items(items: list[ReportItem], part: str) -> str:
    if not items:
        return '<span class="none">None</span>'
    lines = "".join(f'<li title="{text(item_words(item, part))}">{text(item_words(item, part))}'
                    "</li>" for item in items)
    return f"<ul>{lines}</ul>"


def _row(entry: ObjectiveReport) -> str:
    stale = entry.override is not None and entry.override.stale
    cells = "".join(f"<td>{_items(getattr(entry, part), part)}</td>" for part, _ in PARTS)
    return (f"<tr><td>{text(entry.objective.id)}</td>"
            f'<td title="{text(entry.objective.title)}">{text(entry.objective.row_label)}</td>'
            f'<td>{label(entry.rag, stale)} <span class="note">{text(rating_note(entry))}'
            f"</span></td>{cells}</tr>")


def _summary(report: QuarterReport) -> str:
    head = "".join(f"<th>{label(r)}</th>" for r in RATINGS)
    rows = "".join(f'<tr><th title="{text(s.strategic.title)}">{text(s.strategic.id)} '
                   f"{text(s.strategic.title)}</th>"
                   + "".join(f"<td>{s.counts[r]}</td>" for r in RATINGS) + "</tr>"
                   for s in report.strategic)
    total = "".join(f"<td><b>{report.summary[r]}</b></td>" for r in RATINGS)
    return (f'<div class="summary"><table><thead><tr><th>Strategic objective</th>{head}</tr>'
            f"</thead><tbody>{rows}<tr><th><b>All {len(report.objectives)} objectives</b>"
            f"</th>{total}</tr></tbody></table></div>")


def _objectives(report: QuarterReport) -> str:
    body = [_row(entry) for entry in report.objectives]
    heads = "".join(f"<th>{title}</th>" for _, title in PARTS)
    return ('<table class="objectives"><colgroup><col class="id"><col class="obj">'
            '<col class="rating"><col><col><col><col></colgroup>'
            f"<thead><tr><th>Id</th><th>Objective</th><th>Rating</th>{heads}</tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table>")


def page(report: QuarterReport, width: int) -> str:
    title, sub = heading(report)
    return (
        '<!DOCTYPE html>\n<html lang="en-GB"><head><meta charset="utf-8">'
        f"<title>{text(title)}</title><style>{CSS}</style></head><body>"
        f"<header><div><h1>{text(title)}</h1><p class=\"sub\">{text(sub)}.<br>"
        f"Ratings: {text(counts_words(report.summary))}.</p></div>{_summary(report)}</header>"
        f"{_objectives(report)}"
        f"<footer>Made by npmplan {text(__version__)}. A rating set by an officer is shown "
        "with its reason and the computed rating when they differ; \"stale\" marks one set "
        "more than three months before this report.</footer></body></html>\n")
