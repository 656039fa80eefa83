"""``npmplan report``: the quarterly progress report as text, markdown, html or json.

Every figure (ratings, counts, slips, months overdue, the quarter's days) comes from
``compute.report``; this module only lays them out. A rating is always written as a word,
so that it reads without colour (printed in greyscale, or read aloud).
"""

from __future__ import annotations

import textwrap
from datetime import date
from typing import Any

from rich.text import Text

from npmplan.compute.quarters import Quarter
from npmplan.compute.report import SCALE, ObjectiveReport, QuarterReport, ReportItem
from npmplan.model.dates import range_text
from npmplan.model.plan import RATINGS, Rating
from npmplan.render.jsonfmt import json_text
from npmplan.render.record import undated_words
from npmplan.text import md, one_line, plain

WORD = {"red": "Red", "amber": "Amber", "green": "Green", "complete": "Complete"}
STYLE = {"red": "bold red", "amber": "bold yellow", "green": "bold green",
         "complete": "bold blue"}
PARTS = (("done", "Done this quarter"), ("due_not_done", "Due this quarter, not done"),
         ("moved", "Moved this quarter"), ("cancelled", "Cancelled this quarter"),
         ("next", "Due next quarter"))
TREND = {"up": "up from", "down": "down from", "same": "same as"}


def quarter_words(quarter: Quarter) -> str:
    """``Q2, July to September 2026``."""
    return quarter.words


def heading(report: QuarterReport) -> list[str]:
    sub = f"{quarter_words(report.quarter)}, as of {report.as_of:%-d %B %Y}"
    if not report.started:
        sub += " (the quarter has not started: ratings are as of that day)"
    return [f"Quarterly progress report: {report.title}", sub]


def counts_words(counts: dict[Rating, int]) -> str:
    """``3 red, 5 amber, 10 green``: the ratings that occur, in RAG order."""
    return ", ".join(f"{counts[r]} {r}" for r in RATINGS if counts[r]) or "no objectives"


def item_words(item: ReportItem, part: str) -> str:
    """One milestone of a part, with the facts that part is about."""
    milestone = item.milestone
    window = range_text(*item.window) if item.window else milestone.effective.kind
    facts = [window]
    if part == "done" and milestone.done_on is not None:
        facts = [f"done {milestone.done_on.text}"]
    if part == "cancelled":
        facts = [window] + ([f"cancelled {milestone.cancelled_on}"]
                            if milestone.cancelled_on else [])
        if milestone.note:
            facts.append(f"note: {one_line(milestone.note)}")
    if part == "moved":
        facts = [f"{milestone.when.text} to {window}"]
        if milestone.moved_on is not None:
            facts.append(f"moved on {milestone.moved_on}")
        if item.slip:
            late = abs(item.slip)
            facts.append(f"{late} month{'s' if late > 1 else ''} "
                         f"{'later' if item.slip > 0 else 'earlier'}")
    if item.months_overdue and part != "next":
        facts.append(f"{item.months_overdue} month{'s' if item.months_overdue > 1 else ''} "
                     "overdue")
    return f"{one_line(milestone.what)} ({'; '.join(facts)})"


def rating_note(entry: ObjectiveReport) -> str:
    """What the rating rests on: the officer's setting (and the computed one when they
    differ), or the computed rating's reason."""
    override = entry.override
    if override is None:
        return f"computed: {entry.why}"
    if entry.commentary is not None and entry.commentary.rag is not None:
        note = f"rated by the officer on {override.set_on} (see the commentary)"
        if entry.computed != override.status:
            note += f"; computed {WORD[entry.computed]}: {entry.why}"
        return note
    note = f"set on {override.set_on}: {one_line(override.reason)}"
    if override.stale:
        note += " (stale: set more than three months ago)"
    if entry.computed != override.status:
        note += f"; computed {WORD[entry.computed]}: {entry.why}"
    return note


def trend_words(entry: ObjectiveReport) -> str:
    """``down from Green last quarter``; ``new`` in the first quarter."""
    if entry.previous_rag is None:
        return "no previous quarter"
    return f"{TREND[entry.trend]} {WORD[entry.previous_rag]} last quarter"


def commentary_lines(entry: ObjectiveReport) -> list[str]:
    """The officer's commentary and next steps for the quarter, and the flag."""
    lines = []
    if entry.commentary is not None:
        lines.append(f"Commentary ({entry.commentary.written_on}): "
                     f"{one_line(entry.commentary.text)}")
        if entry.commentary.next:
            lines.append(f"Next steps: {one_line(entry.commentary.next)}")
    if entry.commentary_flag:
        lines.append(f"Check: {entry.commentary_flag}")
    return lines


def scale_lines() -> list[str]:
    return [f"{WORD[rating]}: {meaning}." for rating, meaning in SCALE.items()]


def _wrap(words: str, width: int, indent: str) -> list[Text]:
    """``words`` wrapped under themselves after ``indent`` (its "- " becomes spaces)."""
    return [Text(line) for line in textwrap.wrap(
        words, max(width, 20), initial_indent=indent,
        subsequent_indent=" " * (len(indent) + 2 * (not indent.endswith("- "))),
        break_on_hyphens=False)]


def _objective_text(entry: ObjectiveReport, width: int) -> list[Text]:
    head = Text(f"{entry.objective.id} ", style="bold")
    head.append(f"[{WORD[entry.rag].upper()}]", style=STYLE[entry.rag])
    head.append(" ")
    head.append_text(plain(entry.objective.row_label, "heading"))
    lines = [Text(""), head, *_wrap(f"{rating_note(entry)} ({trend_words(entry)})", width,
                                    "    ")]
    lines += [line for words in commentary_lines(entry) for line in _wrap(words, width, "    ")]
    for part, title in PARTS:
        items: list[ReportItem] = getattr(entry, part)
        if items:
            lines.append(Text(f"  {title} ({len(items)})", style="muted"))
            lines += [line for item in items
                      for line in _wrap(item_words(item, part), width, "    - ")]
    return lines


def text(report: QuarterReport, width: int) -> Text:
    parts = [Text(line, style="heading") for words in heading(report)
             for line in textwrap.wrap(one_line(words), max(width, 20))]
    parts += [Text(""), Text(f"Summary: {counts_words(report.summary)} "
                             f"({len(report.objectives)} objectives)", style="heading")]
    for summary in report.strategic:
        parts += _wrap(f"Strategic objective {summary.strategic.id}: "
                       f"{counts_words(summary.counts)}", width, "  ")
    if report.next_quarter is None:
        parts.append(Text("The plan period ends with this quarter: nothing is listed as "
                          "due next quarter.", style="muted"))
    for entry in report.objectives:
        parts += _objective_text(entry, width)
    parts += [Text(""), Text("The ratings", style="heading")]
    parts += [line for words in scale_lines() for line in _wrap(words, width, "  ")]
    if report.undated:
        parts += [Text(""), *(Text(line, style="muted") for line in textwrap.wrap(
            undated_words(report.undated), max(width, 20)))]
    out = Text("\n").join(parts)
    out.no_wrap = True
    return out


def markdown(report: QuarterReport, width: int) -> str:
    title, sub = heading(report)
    lines = [f"## {md(title)}", "", md(sub), "",
             f"**Summary:** {counts_words(report.summary)} ({len(report.objectives)} "
             "objectives)", "", "| Strategic objective | " + " | ".join(
                 WORD[r] for r in RATINGS) + " |", "|---|" + "---:|" * len(RATINGS)]
    lines += [f"| {md(s.strategic.id)} {md(s.strategic.title)} | "
              + " | ".join(str(s.counts[r]) for r in RATINGS) + " |" for s in report.strategic]
    for entry in report.objectives:
        lines += ["", f"### {md(entry.objective.id)} {md(entry.objective.row_label)}: "
                      f"**{WORD[entry.rag]}**", "",
                  md(f"{rating_note(entry)} ({trend_words(entry)})")]
        lines += [line for words in commentary_lines(entry) for line in ("", md(words))]
        for part, part_title in PARTS:
            items: list[ReportItem] = getattr(entry, part)
            if items:
                lines += ["", f"{part_title} ({len(items)}):", ""]
                lines += [f"- {md(item_words(item, part))}" for item in items]
    lines += ["", "### The ratings", ""] + [f"- {md(words)}" for words in scale_lines()]
    if report.undated:
        lines += ["", md(undated_words(report.undated))]
    return "\n".join(lines) + "\n"


def _item_json(item: ReportItem) -> dict[str, Any]:
    milestone = item.milestone
    return {"what": milestone.what, "when": milestone.when.text,
            "moved_to": milestone.moved_to.text if milestone.moved_to else None,
            "window": [str(m) for m in item.window] if item.window else None,
            "status": milestone.status,
            "occurrence": str(item.occurrence) if item.occurrence is not None else None,
            "done_on": milestone.done_on.text if milestone.done_on else None,
            "cancelled_on": _day(milestone.cancelled_on),
            "moved_on": _day(milestone.moved_on),
            # the note says why a milestone was cancelled; on others it is the plan's text
            "note": milestone.note if milestone.status == "cancelled" else None,
            "months_overdue": item.months_overdue, "slip": item.slip}


def _day(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _objective_json(entry: ObjectiveReport) -> dict[str, Any]:
    override = entry.override
    comment = entry.commentary
    return {
        "id": entry.objective.id, "title": entry.objective.title,
        "strategic_objective": entry.strategic.id,
        "rag": entry.rag, "computed_rag": entry.computed, "why": entry.why,
        "override": None if override is None else {
            "status": override.status, "reason": override.reason,
            "set_on": override.set_on.isoformat(), "stale": override.stale},
        "previous_rag": entry.previous_rag, "trend": entry.trend,
        "commentary": None if comment is None else {
            "text": comment.text, "next": comment.next, "rag": comment.rag,
            "written_on": comment.written_on.isoformat()},
        "commentary_flag": entry.commentary_flag,
        **{part: [_item_json(item) for item in getattr(entry, part)] for part, _ in PARTS},
    }


def as_json(report: QuarterReport, width: int) -> str:
    quarter = report.quarter
    return json_text({
        "report_version": 2,
        "plan": report.title,
        "quarter": quarter.number,
        "quarter_words": quarter.words,
        "from": quarter.first_day.isoformat(),
        "to": quarter.last_day.isoformat(),
        "as_of": report.as_of.isoformat(),
        "next_quarter": None if report.next_quarter is None else [
            str(report.next_quarter.first), str(report.next_quarter.last)],
        "summary": report.summary,
        "strategic_objectives": [{"id": s.strategic.id, "summary": s.counts}
                                 for s in report.strategic],
        "objectives": [_objective_json(entry) for entry in report.objectives],
        "undated": report.undated,
        "scale": SCALE,
    })
