"""A quarterly report page: the report of one quarter as it stood on its last day (the
current quarter: as of the site's day), its ratings as words and colour, each rating's
trend, the officer's commentary and next steps, and every item in full (nothing is cut, on
screen or in print). The words are the report's own (``render/reports/report.py``)."""

from __future__ import annotations

from npmplan.compute.report import ObjectiveReport, QuarterReport, ReportItem
from npmplan.model.plan import RATINGS
from npmplan.render.record import undated_words
from npmplan.render.reports.report import (
    PARTS,
    WORD,
    commentary_lines,
    counts_words,
    heading,
    item_words,
    rating_note,
    scale_lines,
    trend_words,
)
from npmplan.render.site.layout import bullet_list, esc, rating_tag, scroll, summary_list


def quarter_page(report: QuarterReport, slugs: dict[str, str]) -> str:
    title, sub = heading(report)
    parts = [f"<h1>{esc(report.quarter.words)}</h1>",
             f'<p class="lede">{esc(title)}: {esc(sub)}.</p>',
             f"<p>Ratings: {esc(counts_words(report.summary))} "
             f"({len(report.objectives)} objectives).</p>",
             _summary(report)]
    if report.next_quarter is None:
        parts.append('<p class="hint">The plan period ends with this quarter: nothing is '
                     "listed as due next quarter.</p>")
    parts += [_objective(entry, slugs) for entry in report.objectives]
    parts.append("<h2>The ratings</h2>" + bullet_list(scale_lines()))
    if report.undated:
        parts.append(f'<p class="hint">{esc(undated_words(report.undated))}</p>')
    return "\n".join(parts)


def _summary(report: QuarterReport) -> str:
    heads = "".join(f'<th scope="col" class="num">{WORD[r]}</th>' for r in RATINGS)
    rows = "".join(f'<tr><th scope="row">{esc(s.strategic.id)} {esc(s.strategic.title)}</th>'
                   + "".join(f'<td class="num">{s.counts[r]}</td>' for r in RATINGS)
                   + "</tr>" for s in report.strategic)
    total = "".join(f'<td class="num"><b>{report.summary[r]}</b></td>' for r in RATINGS)
    return scroll("Ratings by strategic objective",
                  "<table><caption>Ratings by strategic objective</caption><thead><tr>"
                  f'<th scope="col">Strategic objective</th>{heads}</tr></thead><tbody>{rows}'
                  f'<tr><th scope="row">All {len(report.objectives)} objectives</th>{total}'
                  "</tr></tbody></table>")


def _objective(entry: ObjectiveReport, slugs: dict[str, str]) -> str:
    objective = entry.objective
    stale = entry.override is not None and entry.override.stale
    rating = rating_tag(entry.rag) + (" " + esc("(stale)") if stale else "")
    rows = [("Rating", f"{rating} {esc(rating_note(entry))}"),
            ("Trend", esc(trend_words(entry)))]
    for line in commentary_lines(entry):
        key, _, words = line.partition(": ")
        rows.append((key.split(" (")[0], esc(line if key.startswith("Commentary") else words)))
    rows += [(title, _items(getattr(entry, part), part)) for part, title in PARTS]
    ident = slugs[objective.id]
    return (f'<section class="objective" aria-labelledby="o-{ident}">'
            f'<h2 id="o-{ident}">{esc(objective.id)} {esc(objective.title)} {rating_tag(entry.rag)}'
            f"</h2>{summary_list(rows)}"
            f'<p><a href="../objectives/{ident}.html">{esc(objective.id)} in full</a></p>'
            "</section>")


def _items(items: list[ReportItem], part: str) -> str:
    if not items:
        return '<span class="hint">None</span>'
    return '<ul class="items">' + "".join(f"<li>{esc(item_words(item, part))}</li>"
                                          for item in items) + "</ul>"
